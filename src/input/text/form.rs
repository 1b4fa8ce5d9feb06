//! What a line is, read on its own and by its form alone: the signature from which the page's
//! layout is induced. Nothing here knows the page; [`super::induce`] compares the lines.

use super::tables::{
    AGENCIES, BREADCRUMB_SEPARATORS, BULLETS, CREDIT_LABELS, DATE_LABELS, MATCH_BREAKS, OVER_WORDS,
    POST_LABELS, RELATIVE_UNITS, TIME_LABELS, TIME_SEPARATORS, UI_LINES,
};
use crate::clock::{
    clock_at, clock_glued_at, date_at, four_digit_clock_at, slash_date_at, ClockStyle, Date,
};

/// How a line reads on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// Short, capitalised, no closing full stop.
    Headline,
    /// Sentences.
    Prose,
}

/// The mark a line opens with: a bullet or a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Bullet(char),
    Number(u32),
}

/// What a line is, read once: the layout rules ask the same questions of each line many
/// times.
#[derive(Debug, Clone, Copy)]
pub(super) struct Facts<'a> {
    /// The line without its mark and Markdown heading marks ("## ", "**…**").
    pub body: &'a str,
    pub mark: Option<Mark>,
    pub shape: Shape,
    pub time: Option<TimeMark<'a>>,
    pub label: Option<Label<'a>>,
    pub byline: bool,
    pub ui: bool,
    pub day_heading: bool,
    pub date_line: bool,
}

impl<'a> Facts<'a> {
    pub(super) fn of(text: &'a str) -> Self {
        let (mark, rest) = split_mark(text);
        let body = heading_text(rest);
        let time = time_mark(rest);
        Facts {
            body,
            mark,
            shape: shape(body),
            label: if time.is_some() { None } else { label(body) },
            time,
            byline: is_byline(body),
            ui: is_ui_line(body),
            day_heading: is_day_heading(text),
            date_line: is_date_line(text),
        }
    }
}

/// A time opening a line, what kind of time it is, and what follows it.
#[derive(Debug, Clone, Copy)]
pub(super) struct TimeMark<'a> {
    /// The time as written, with its label, zone, second zone or date ("Posted at 7.22pm
    /// BST", "17:17 GMT / 11:17 CST", "12:09 a.m. ET, October 30, 2023").
    pub time: &'a str,
    pub key: TimeKey,
    /// What follows past any separator: a headline, prose, a byline, or nothing.
    pub rest: &'a str,
    /// What a line prints before the time, else empty: an author's name ("Ana Ruiz
    /// 3/7/2016 4:12:38 PM"), or a date a copy glued on ("date 2019-03-02 1 hour ago").
    pub lead: &'a str,
    /// The lead is a name (the post's byline), not a date.
    pub lead_is_name: bool,
    pub rest_kind: Rest,
    pub sep: Sep,
    /// Where the time falls on the clock, for telling which way the page runs: minutes (with
    /// the days of a date written with it), or minus the age of a relative time.
    pub order: i64,
}

impl TimeMark<'_> {
    /// A break in play ("HT", "Full-time") rather than a minute.
    pub(super) fn is_break(&self) -> bool {
        self.key.form == TimeForm::Minute && !self.time.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// The kind of time a page prints its posts with: a page repeats one kind, a body's odd
/// time is of another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct TimeKey {
    /// Index of the label in [`TIME_LABELS`] ("Posted at"), if any.
    pub label: Option<u8>,
    pub form: TimeForm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum TimeForm {
    /// "10:30 a.m.", "7.22pm BST".
    Meridiem,
    /// "14:05", "14.05", "14h05", "14:05:09".
    Plain,
    /// "1030 GMT".
    Wire,
    /// "1458", four digits alone: a time only when the page repeats it.
    FourDigits,
    /// "16m ago", "2 hours ago".
    Relative,
    /// "Oct. 30, 2023, 10:03 a.m. ET".
    DateFirst,
    /// A match minute: "88'", "90' + 4'", "45+2'", "90 min +4", "HT", "Full-time".
    Minute,
    /// A cricket over and ball: "12.3", "12.3 ov", "12.3 overs", "Ov 12.3", "Over 12".
    Over,
}

impl TimeForm {
    /// The match's own clock rather than the time of day: it runs through a report the
    /// clock times without opening posts there.
    pub(super) fn is_match_clock(self) -> bool {
        matches!(self, TimeForm::Minute | TimeForm::Over)
    }
}

/// What sets a time apart from the rest of its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sep {
    /// Nothing follows.
    End,
    /// A mark: `–`, `:`, `|`, `/`, `,` ...
    Mark,
    /// Spaces only.
    Space,
    /// Nothing at all: `21:10Labor says`.
    Glued,
}

/// What follows a time on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rest {
    Empty,
    Headline,
    Prose,
    /// `21:38 , Jane Okoro`.
    Byline,
}

/// A badge a page prints on a post: alone on its line, or glued to the heading after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Label<'a> {
    pub label: &'a str,
    /// The heading the label is glued to; empty when the label is alone.
    pub rest: &'a str,
}

/// Splits a bullet ("• ", "- ") or a number ("1. ", "12) ") off the start of a line.
pub(super) fn split_mark(text: &str) -> (Option<Mark>, &str) {
    let mut chars = text.chars();
    if let Some(c) = chars.next() {
        if BULLETS.contains(&c) && chars.clone().next().is_some_and(char::is_whitespace) {
            return (Some(Mark::Bullet(c)), chars.as_str().trim_start());
        }
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        if let Some(rest) = text[digits..].strip_prefix(&['.', ')'][..]) {
            if rest.starts_with(' ') {
                if let Ok(n) = text[..digits].parse() {
                    return (Some(Mark::Number(n)), rest.trim_start());
                }
            }
        }
    }
    (None, text)
}

/// The shape of a line read alone.
pub(super) fn shape(text: &str) -> Shape {
    // Cheapest tests first: this runs on every line.
    let text = heading_text(text);
    let first_letter = text
        .trim_start_matches(&['“', '‘', '"', '\'', '«', '„', '(', '['][..])
        .chars()
        .next();
    let capitalised = first_letter.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let last = text.chars().last().unwrap_or(' ');
    let closes_sentence = match last {
        '.' => !ends_with_abbreviation(text),
        ',' | ';' | ':' => true,
        // Closing marks, nested ones too ("… the wait-list.’”"), after the sentence's end.
        '”' | '"' | '’' | '\'' | '»' | ')' => text
            .trim_end_matches(&['”', '"', '’', '\'', '»', ')', ' '][..])
            .ends_with(&['.', ',', ';', ':'][..]),
        _ => false,
    };
    // Past 180 characters (never within 180 bytes) a line is prose.
    if !capitalised || closes_sentence || text.len() > 180 && text.chars().nth(180).is_some() {
        return Shape::Prose;
    }
    let words = text.split_whitespace().take(29).count();
    if (1..=28).contains(&words)
        && !has_inner_sentence_break(text)
        && !ends_unfinished(text)
        && !opens_with_discourse_marker(text)
    {
        Shape::Headline
    } else {
        Shape::Prose
    }
}

/// A heading without Markdown's marks: "## Talks resume" and "**Talks resume**" are
/// "Talks resume".
pub(super) fn heading_text(text: &str) -> &str {
    let t = text.trim_start_matches('#').trim_start();
    // "**Talks resume**", "__Talks resume__", "***** Talks resume *****" (html2text's
    // headings), "== Talks resume ==".
    for mark in ['*', '_', '='] {
        let opens = t.len() - t.trim_start_matches(mark).len();
        let closes = t.len() - t.trim_end_matches(mark).len();
        if opens >= 2 && closes >= 2 && opens + closes < t.len() {
            let inner = t[opens..t.len() - closes].trim();
            if inner.contains(char::is_alphanumeric) {
                return inner;
            }
        }
    }
    t
}

/// Two sentences on one line ("… a possible war. What’s next?") make prose, not a
/// headline. A break is a full stop, question or exclamation mark after a lower-case word,
/// then a space and a capital, or a quote mark and a capital.
fn has_inner_sentence_break(text: &str) -> bool {
    let words = text.split_whitespace();
    words.clone().zip(words.skip(1)).any(|w| {
        // The ending first: most words have none, and are read no further.
        if !w.0.ends_with(&['.', '?', '!'][..]) {
            return false;
        }
        let body = w.0.trim_end_matches(&['.', '?', '!'][..]);
        let lower_word = body.chars().count() >= 2
            && body
                .chars()
                .all(|c| c.is_lowercase() || c == '’' || c == '\'');
        // The next sentence may open with a quote: "… Trump tweeted. “Not much power …”".
        let next = w.1.trim_start_matches(&['“', '‘', '"', '\'', '«'][..]);
        lower_word && next.starts_with(char::is_uppercase)
    })
}

/// Words a heading does not end on: articles, possessives, conjunctions and the
/// prepositions that need what follows ("Finally, here's" and "The minister said the"
/// are lines broken before their end, not headings).
const UNFINISHED_ENDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "to",
    "with",
    "from",
    "by",
    "at",
    "my",
    "your",
    "his",
    "her",
    "its",
    "our",
    "their",
    "here's",
    "there's",
    "here’s",
    "there’s",
];

/// A sentence that opens as talk does, with a word set off by a comma ("So, who pays?",
/// "Well, that was quick"): prose, which headlines are not written as.
fn opens_with_discourse_marker(text: &str) -> bool {
    // The markers are short: a first ", " further on follows none of them, so only the
    // line's first bytes are searched.
    let head = &text.as_bytes()[..text.len().min(MARKER_LEN + 2)];
    head.windows(2).position(|w| w == b", ").is_some_and(|at| {
        DISCOURSE_MARKERS
            .iter()
            .any(|m| head[..at].eq_ignore_ascii_case(m.as_bytes()))
    })
}

/// The length of the longest of [`DISCOURSE_MARKERS`] ("meanwhile").
const MARKER_LEN: usize = 9;

/// Words that open talk rather than a heading when a comma follows them.
const DISCOURSE_MARKERS: &[&str] = &[
    "so",
    "but",
    "and",
    "well",
    "now",
    "yes",
    "no",
    "still",
    "meanwhile",
    "however",
    "indeed",
    "again",
    "oh",
    "ok",
    "okay",
    "anyway",
    "also",
    "instead",
    "then",
    "sadly",
    "luckily",
];

fn ends_unfinished(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or("");
    text.contains(' ') && UNFINISHED_ENDS.iter().any(|w| last.eq_ignore_ascii_case(w))
}

/// A dotted abbreviation at the end of a headline ("U.S.", "2 p.m.") is not a full stop.
fn ends_with_abbreviation(text: &str) -> bool {
    let last_word = text.rsplit(' ').next().unwrap_or("");
    // Letters between full stops, two or more, each one letter alone; read without
    // collecting them, as most prose lines end with a full stop and ask.
    let mut letters = 0;
    for l in last_word.trim_end_matches('.').split('.') {
        let mut cs = l.chars();
        if !(cs.next().is_some_and(char::is_alphabetic) && cs.next().is_none()) {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Splits a credited caption into its caption and credit:
/// `… [Wolfgang Schwan/Anadolu Agency]`, `… (AP Photo/Rebecca Blackwell)`,
/// `… Photograph: Name/Agency`.
pub(crate) fn credit_split(text: &str) -> Option<(&str, &str)> {
    let trimmed = text.trim_end();
    for (open, close) in [('[', ']'), ('(', ')')] {
        if let Some(body) = trimmed.strip_suffix(close) {
            let open_at = body.rfind(open)?;
            let credit = &body[open_at + open.len_utf8()..];
            let caption = trimmed[..open_at].trim_end();
            let credit_like = credit.contains('/')
                && credit.chars().count() <= 80
                && !credit.contains("http")
                && (open == '[' || credit.contains("Photo"))
                || AGENCIES.iter().any(|a| credit.eq_ignore_ascii_case(a))
                || credit.starts_with("File:")
                || credit.starts_with("Photo:");
            if credit_like && !caption.is_empty() && !credit.trim().is_empty() {
                return Some((caption, credit.trim()));
            }
        }
    }
    // A labelled credit is short and ends the line: look only at the line's tail.
    let tail_start =
        crate::extract::tokens::ceil_char_boundary(text, text.len().saturating_sub(90));
    let tail = &text[tail_start..];
    // Each mark by a byte search of its own: most lines hold none of them.
    let by = || tail.as_bytes().windows(4).any(|w| w == b" by ");
    if !tail.contains(':') && !tail.contains('©') && !by() {
        return None;
    }
    for label in CREDIT_LABELS {
        if let Some(at) = last_at(tail, label).map(|at| at + tail_start) {
            let before = text[..at].trim_end();
            let credit = text[at..].trim();
            let sentence_end =
                before.is_empty() || before.ends_with(&['.', '!', '?', '”', '"', ')'][..]);
            let name_like = credit[label.len()..].trim().chars().count() <= 60
                && !credit.ends_with('.')
                && credit[label.len()..]
                    .trim()
                    .starts_with(|c: char| c.is_uppercase());
            if sentence_end && name_like && !before.is_empty() {
                return Some((before, credit));
            }
            // A credit alone on its line ("Photograph: Ivo Lind/Coastal Press") credits the
            // caption above it.
            let lone = before.is_empty() && credit[label.len()..].split_whitespace().count() <= 6;
            if lone && name_like {
                return Some(("", credit));
            }
        }
    }
    None
}

/// Where `label` last occurs in `text` (as `rfind`): found from its last character, so a
/// line without that character (most lines, for ':' or '©') costs one quick scan.
fn last_at(text: &str, label: &str) -> Option<usize> {
    let last = label.chars().next_back()?;
    text.rmatch_indices(last).find_map(|(i, c)| {
        let end = i + c.len();
        text[..end].ends_with(label).then(|| end - label.len())
    })
}

/// Reads a time mark opening a line (past its bullet or number): `6 p.m.`, `18:49 (IST)`,
/// `Posted at 18:49`, `16m ago`, `10:30 a.m. Headline`, `12:25 GMT – Kyiv: Headline`,
/// `17:17 GMT / 11:17 CST: Headline`, `12:09 a.m. ET, October 30, 2023`,
/// `21:38 , Jane Okoro`, `21:10Labor says …`, `1458 Counting resumes in Wicklow`.
pub(super) fn time_mark(text: &str) -> Option<TimeMark<'_>> {
    // "## 10:30", "**10:30**", "[10:30]", "(10:30)".
    let body = text.trim_start_matches(&['#', '*', '_'][..]).trim_start();
    let (body, close) = match body.as_bytes().first() {
        Some(b'[') => (&body[1..], Some(']')),
        Some(b'(') => (&body[1..], Some(')')),
        _ => (body, None),
    };
    if let Some(mark) = read_mark(body, close) {
        return Some(mark);
    }
    // An author's name before a date and time, as blogging platforms stamp posts ("Ana
    // Ruiz 3/7/2016 4:12:38 PM"); a date (and a word) a copy glued before a time ("date
    // 2019-03-02 1 hour ago").
    let (lead, is_name) = match lead_name_len(body) {
        0 => (date_prefix_len(body), false),
        n => (n, true),
    };
    if lead == 0 {
        return None;
    }
    let mut mark = read_mark(&body[lead..], None)?;
    mark.lead = body[..lead].trim_end();
    mark.lead_is_name = is_name;
    Some(mark)
}

/// Reads a time mark at the very start of `body` (see [`time_mark`]).
fn read_mark(body: &str, close: Option<char>) -> Option<TimeMark<'_>> {
    // A time opens with a digit, a label or a month's name: most lines are turned away here.
    if !body.starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase()) {
        return None;
    }
    let label_index = TIME_LABELS.iter().position(|l| {
        body.len() > l.len()
            && body.is_char_boundary(l.len())
            && body[..l.len()].eq_ignore_ascii_case(l)
            && body[l.len()..].starts_with(' ')
    });
    let label = label_index.map_or(0, |i| TIME_LABELS[i].len() + 1);
    let t = &body[label..];
    let (len, form, order, zone) = if let Some(clock) = clock_glued_at(t) {
        let form = match clock.style {
            ClockStyle::Meridiem => TimeForm::Meridiem,
            ClockStyle::Plain => TimeForm::Plain,
            ClockStyle::Wire => TimeForm::Wire,
        };
        (clock.len, form, i64::from(clock.minutes), clock.zone)
    } else if let Some((len, date, minutes)) = dated_clock(t) {
        let order = day_number(date) * 1440 + i64::from(minutes);
        (len, TimeForm::DateFirst, order, None)
    } else if let Some((len, age)) = relative_time(t) {
        (len, TimeForm::Relative, -age, None)
    } else if let Some((len, form, order)) = match_clock(t) {
        (len, form, order, None)
    } else {
        let clock = four_digit_clock_at(t)?;
        let order = i64::from(clock.minutes);
        (clock.len, TimeForm::FourDigits, order, None)
    };
    let mut time_end = label + len;
    let mut order = order;
    // A second zone ("17:17 GMT / 11:17 CST") or a date ("12:09 a.m. ET, October 30,
    // 2023") after the time belongs to it.
    let after = &body[time_end..];
    if zone.is_some() {
        if let Some(second) = after.strip_prefix(" / ") {
            if let Some(c) = clock_at(second).filter(|c| c.zone.is_some()) {
                time_end += 3 + c.len;
            }
        }
    }
    let after = &body[time_end..];
    let sep = after.len() - after.trim_start_matches(&[',', ' '][..]).len();
    if sep > 0 && form != TimeForm::DateFirst {
        if let Some((date, len)) = date_at(&after[sep..]) {
            time_end += sep + len;
            order += day_number(date) * 1440;
        }
    }
    let time = &body[..time_end];
    let mut rest = &body[time_end..];
    if let Some(close) = close {
        rest = rest.strip_prefix(close)?;
    }
    let rest = rest.trim_start_matches(&['*', '_'][..]);
    let (sep, rest) = separate(rest);
    // "21:38 , Jane Okoro": a comma sets a byline apart, never a headline.
    let comma = sep == Sep::Mark
        && body[time_end..]
            .trim_start_matches(&['*', '_', ' ', ']', ')'][..])
            .starts_with(',');
    let rest_kind = if rest.is_empty() {
        Rest::Empty
    } else if comma && is_name(rest) {
        Rest::Byline
    } else if shape(rest) == Shape::Headline {
        Rest::Headline
    } else {
        Rest::Prose
    };
    // A sentence that merely starts with a time ("10:30 a.m. the ministry said …") is not
    // a time mark; nor is a number run into a lower-case word.
    if matches!(sep, Sep::Space | Sep::Glued) && rest.starts_with(|c: char| c.is_ascii_lowercase())
    {
        return None;
    }
    if form == TimeForm::FourDigits && sep == Sep::Glued {
        return None;
    }
    Some(TimeMark {
        time,
        lead: "",
        lead_is_name: false,
        key: TimeKey {
            label: label_index.map(|i| i as u8),
            form,
        },
        rest,
        rest_kind,
        sep,
        order,
    })
}

/// Days since 1970 of a date, its year taken as 2000 when it has none (only differences
/// within a page matter).
fn day_number(date: Date) -> i64 {
    crate::clock::days_from_civil(date.year.unwrap_or(2000), date.month, date.day)
}

/// What sets the rest of a line apart from a time before it.
fn separate(rest: &str) -> (Sep, &str) {
    if rest.trim().is_empty() {
        return (Sep::End, "");
    }
    let spaced = rest.trim_start();
    if spaced.len() == rest.len() {
        // "21:10Labor" or "14:05, Jane": a comma or mark right after the time.
        if let Some(r) = rest.strip_prefix(',') {
            return (Sep::Mark, r.trim_start());
        }
        for s in TIME_SEPARATORS {
            if let Some(r) = rest.strip_prefix(s) {
                if r.starts_with(' ') || r.is_empty() {
                    return (Sep::Mark, r.trim_start());
                }
            }
        }
        return (Sep::Glued, rest);
    }
    if let Some(r) = spaced.strip_prefix(',') {
        return (Sep::Mark, r.trim_start());
    }
    for s in TIME_SEPARATORS {
        if *s == "." {
            continue;
        }
        if let Some(r) = spaced.strip_prefix(s) {
            if r.starts_with(' ') || r.is_empty() {
                return (Sep::Mark, r.trim_start());
            }
        }
    }
    (Sep::Space, spaced)
}

/// Reads a date with a clock time after it ("Oct. 30, 2023, 10:03 a.m. ET", "Tue 24 Jan
/// 2023 14.05 GMT"): its length, the date and the minutes.
fn dated_clock(s: &str) -> Option<(usize, Date, u32)> {
    let (date, date_len) = date_at(s).or_else(|| slash_date_at(s))?;
    let after = &s[date_len..];
    let gap = after.len() - after.trim_start_matches(&[',', ' '][..]).len();
    let at = if after[gap..].starts_with("at ") {
        3
    } else {
        0
    };
    let clock = clock_glued_at(&after[gap + at..])?;
    Some((date_len + gap + at + clock.len, date, clock.minutes))
}

/// The length of a name of one to four capitalised words that a date and time follow
/// ("Ana Ruiz 3/7/2016 4:12:38 PM"), else 0.
fn lead_name_len(body: &str) -> usize {
    let mut end = 0;
    for word in body.split(' ').take(4) {
        let name_like = word.starts_with(|c: char| c.is_uppercase())
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’');
        if !name_like {
            return 0;
        }
        end += word.len() + 1;
        if end < body.len() && dated_clock(&body[end..]).is_some() {
            return end;
        }
    }
    0
}

/// Reads the match's own clock opening `s`: a minute, a break in play or a cricket over
/// (see [`TimeForm::Minute`] and [`TimeForm::Over`]): its length, form and place in the
/// match.
fn match_clock(s: &str) -> Option<(usize, TimeForm, i64)> {
    if let Some((len, minute)) = match_minute(s) {
        return Some((len, TimeForm::Minute, minute));
    }
    if let Some(&(w, order)) = MATCH_BREAKS.iter().find(|(w, _)| opens_with_word(s, w)) {
        return Some((w.len(), TimeForm::Minute, order));
    }
    // "Ov 12.3", "Over 12": a word before the over; "12.3 ov", "12.3 overs" after it.
    let over_at = OVER_WORDS
        .iter()
        .find(|w| opens_with_word(s, w) && s[w.len()..].starts_with(' '))
        .map_or(0, |w| w.len() + 1);
    let t = &s[over_at..];
    let overs = t.bytes().take_while(u8::is_ascii_digit).count();
    if overs == 0 || overs > 3 {
        return None;
    }
    let ball = t[overs..]
        .strip_prefix('.')
        .and_then(|b| b.bytes().next())
        .filter(|b| {
            b.is_ascii_digit() && !t[overs + 2..].starts_with(|c: char| c.is_ascii_digit())
        });
    let mut len = over_at + overs + ball.map_or(0, |_| 2);
    if over_at == 0 {
        // A bare "12" is no over; "12.3" is, when a page repeats it.
        ball?;
        if let Some(w) = s[len..]
            .strip_prefix(' ')
            .and_then(|after| OVER_WORDS.iter().find(|w| opens_with_word(after, w)))
        {
            len += 1 + w.len();
        }
    }
    // "Over 12" stands apart from what follows ("Over 12: …"), where "Over 200 Fans" is a
    // count.
    let spaced = ball.is_none() && over_at > 0;
    let next = if spaced {
        s[len..].trim_start()
    } else {
        &s[len..]
    };
    if next.starts_with(char::is_alphanumeric) {
        return None;
    }
    let over: i64 = t[..overs].parse().ok()?;
    // "12.3" is the third ball of the 13th over; "Over 13" sums that over up, after its
    // last ball.
    let order = match ball {
        Some(b) => over * 10 + i64::from(b - b'0'),
        None => (over - 1) * 10 + 9,
    };
    Some((len, TimeForm::Over, order))
}

/// The match's own clock when it is all of `text` ("78'", "90+4'", "HT", "49.6", "Over
/// 12"), as a page sets it in an element of its own: its place in the match, and whether
/// it is an over (a cricket page) rather than a minute.
pub(crate) fn whole_match_clock(text: &str) -> Option<(i64, bool)> {
    let text = text.trim();
    let (len, form, order) = match_clock(text)?;
    (len == text.len()).then_some((order, form == TimeForm::Over))
}

/// Whether `s` opens with the word `w`, in any case, and no longer word.
fn opens_with_word(s: &str, w: &str) -> bool {
    s.get(..w.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(w))
        && !s[w.len()..].starts_with(char::is_alphanumeric)
}

/// Reads a match minute ("88'", "90' + 4'", "45+2'", "90 min", "90 min +4"): its length
/// and the minute (added time counting on from it).
fn match_minute(s: &str) -> Option<(usize, i64)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let minute: i64 = s[..digits].parse().ok()?;
    let after = &s[digits..];
    let mark = if after.starts_with(&['\'', '’'][..]) {
        after.chars().next().map_or(0, char::len_utf8)
    } else if after.starts_with(" min") && !after[4..].starts_with(char::is_alphanumeric) {
        4
    } else if after.starts_with('+') {
        // "45+2'": the added time carries the minute's mark.
        0
    } else {
        return None;
    };
    let len = digits + mark;
    // Added time: " + 4'", "+2'", " +4".
    let rest = &s[len..];
    let plus = rest.trim_start_matches(' ');
    if let Some(extra) = plus.strip_prefix('+') {
        let extra_trimmed = extra.trim_start_matches(' ');
        let n = extra_trimmed.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&n) {
            let mut end = s.len() - extra_trimmed.len() + n;
            let primed = s[end..].starts_with(&['\'', '’'][..]);
            if primed {
                end += s[end..].chars().next().map_or(0, char::len_utf8);
            }
            // "45+2'", never a sum ("2+2"); the minutes added, not their digits, place it.
            let added: i64 = extra_trimmed[..n].parse().ok()?;
            if mark > 0 || primed {
                return Some((end, minute * 60 + added));
            }
        }
    }
    (mark > 0 && !s[len..].starts_with(char::is_alphanumeric)).then_some((len, minute * 60))
}

/// The length of a date (after at most two words) and the space after it, when a time
/// follows: "date 2019-03-02 1 hour ago", "2023-05-14 Updated 08.40". Else 0.
fn date_prefix_len(body: &str) -> usize {
    let mut start = 0;
    for _ in 0..3 {
        let at = &body[start..];
        if let Some((_, len)) = date_at(at).or_else(|| slash_date_at(at)) {
            let end = start + len;
            return if body[end..].starts_with(' ') {
                end + 1
            } else {
                0
            };
        }
        let word = at.split(' ').next().unwrap_or("");
        if word.is_empty() || !word.chars().all(char::is_alphabetic) {
            return 0;
        }
        start += word.len() + 1;
        if start >= body.len() {
            return 0;
        }
    }
    0
}

/// Reads a relative time ("16m ago", "2 hours ago"): its length and the age in minutes.
fn relative_time(s: &str) -> Option<(usize, i64)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let n: i64 = s[..digits].parse().ok()?;
    let after = &s[digits..];
    let gap = usize::from(after.starts_with(' '));
    let unit_len = after[gap..]
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(after.len() - gap);
    let unit = &after[gap..gap + unit_len];
    if !RELATIVE_UNITS.iter().any(|u| u.eq_ignore_ascii_case(unit)) {
        return None;
    }
    let per = match unit.as_bytes()[0].to_ascii_lowercase() {
        b's' => 0,
        b'm' => 1,
        b'h' => 60,
        _ => 1440,
    };
    let tail = &after[gap + unit_len..];
    tail.strip_prefix(" ago")
        .filter(|t| !t.starts_with(|c: char| c.is_alphanumeric()))
        .map(|_| (digits + gap + unit_len + " ago".len(), n * per))
}

/// A badge alone on its line ("Key event", "Breaking:") or glued to a heading
/// ("BreakingPolice close the bridge").
fn label(body: &str) -> Option<Label<'_>> {
    if !body.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let whole = body.trim_end_matches(&[':', '!'][..]).trim_end();
    for l in POST_LABELS {
        if whole.eq_ignore_ascii_case(l) {
            return Some(Label {
                label: body,
                rest: "",
            });
        }
        if let Some(rest) = body.strip_prefix(l) {
            let mut chars = rest.chars();
            // "BreakingPolice …", "PinnedUS says …", "Analysis“We …”"; not "Breakingviews"
            // or "Update2" alone.
            let first = chars.next();
            let first = match first {
                Some('“' | '‘' | '"' | '\'') => chars.next(),
                other => other,
            };
            // A heading may open with a number ("Breaking5th set …", "Update10 killed …")
            // when more words follow it.
            let glued = first.is_some_and(char::is_uppercase)
                && chars.next().is_some_and(|c| !c.is_ascii_digit())
                || first.is_some_and(|c| c.is_ascii_digit())
                    && rest
                        .trim_start_matches(|c: char| c.is_alphanumeric())
                        .starts_with(' ')
                    && rest.split_whitespace().nth(1).is_some();
            if glued {
                return Some(Label {
                    label: &body[..l.len()],
                    rest,
                });
            }
        }
    }
    None
}

/// A line that is only a date ("March 23, 2022", "Wednesday 12 January").
pub(super) fn is_day_heading(text: &str) -> bool {
    date_at(text).is_some_and(|(_, len)| text[len..].trim().is_empty())
}

/// A date line of the header ("October 12, 2021 11:47am", "Updated: October 13, 2021").
pub(crate) fn is_date_line(text: &str) -> bool {
    let mut t = text;
    for label in DATE_LABELS {
        if let Some(rest) = t.strip_prefix(label) {
            t = rest.trim_start();
            break;
        }
    }
    let Some((_, len)) = date_at(t) else {
        return false;
    };
    let rest = t[len..].trim_start_matches(&[',', ' '][..]);
    rest.is_empty() || clock_at(rest).is_some_and(|c| rest[c.len..].trim().is_empty())
}

pub(super) fn is_source_line(text: &str) -> bool {
    ["Source:", "Sources:", "SOURCE:"]
        .iter()
        .any(|p| text.starts_with(p))
}

/// A byline: "By Jane Doe", "By Ana Ruiz and Li Wei, in Lagos".
pub(crate) fn is_byline(text: &str) -> bool {
    text.strip_prefix("By ").is_some_and(|name| {
        name.starts_with(char::is_uppercase) && name.split_whitespace().count() <= 10
    }) && shape(text) == Shape::Headline
}

/// A name alone: two to four capitalised words ("Natasha Clark"), as a page prints its
/// author above a post; not a badge ("Key Event").
pub(crate) fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && !POST_LABELS.iter().any(|l| l.eq_ignore_ascii_case(text))
        && words.iter().all(|w| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase)
                && c.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '.')
        })
}

/// Page furniture such as "Advertisement" or "Share this article".
pub(crate) fn is_ui_line(text: &str) -> bool {
    let t = text.trim_end_matches(&['.', '…'][..]);
    UI_LINES.iter().any(|u| u.eq_ignore_ascii_case(t))
}

/// A headline-shaped line of at least `min_words` words that is not a list item, a date or
/// a breadcrumb trail.
pub(super) fn is_title_shaped(text: &str, min_words: usize) -> bool {
    let (mark, _) = split_mark(text);
    shape(text) == Shape::Headline
        && mark.is_none()
        && text.split_whitespace().count() >= min_words
        && !is_date_line(text)
        && time_mark(text).is_none()
        && !is_ui_line(text)
        && !is_byline(text)
        && !BREADCRUMB_SEPARATORS.iter().any(|s| text.contains(s))
}

#[cfg(test)]
use crate::clock::Zone;

/// The zone a time mark carries, if any (for tests).
#[cfg(test)]
fn zone_of(text: &str) -> Option<Zone> {
    clock_at(time_mark(text)?.time).and_then(|c| c.zone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_shape() {
        assert_eq!(
            shape("Mayor says ‘no gap’ with council allies on harbour plan"),
            Shape::Headline
        );
        assert_eq!(
            shape("‘We don’t want another long winter’"),
            Shape::Headline
        );
        assert_eq!(
            shape("Explainer: Will the ferry strike end?"),
            Shape::Headline
        );
        assert_eq!(
            shape("U.K. sets new limits on the U.K. ports"),
            Shape::Headline
        );
        assert_eq!(shape("See the full list here."), Shape::Prose);
        assert_eq!(shape("“Open ports are vital,” she wrote."), Shape::Prose);
        // A second sentence opening with a quote; nested closing marks after a full stop.
        assert_eq!(
            shape("“The buses never came,” the mayor wrote to residents. “Not one!”"),
            Shape::Prose
        );
        assert_eq!(
            shape("“Parents hear the same thing: ‘Wait another year.’”"),
            Shape::Prose
        );
        assert_eq!(shape("‘We will wait another year’"), Shape::Headline);
        assert_eq!(shape("he said nothing"), Shape::Prose);
        assert_eq!(shape("Here is a recap:"), Shape::Prose);
        // Talk, not a heading; a comma after a name or a place is a heading's.
        assert_eq!(shape("So, where will the money come from?"), Shape::Prose);
        assert_eq!(shape("Well, that was quick"), Shape::Prose);
        assert_eq!(shape("Paris, Berlin back new fund"), Shape::Headline);
        assert_eq!(shape("Meanwhile, the ferries wait"), Shape::Prose);
        assert_eq!(shape("Meanwhiles, the ferries wait"), Shape::Headline);
        let longest = DISCOURSE_MARKERS.iter().map(|m| m.len()).max();
        assert_eq!(longest, Some(MARKER_LEN));
    }

    #[test]
    fn credits() {
        assert_eq!(
            credit_split("Troops in Avdiivka [Jane Roe/Anadolu Agency]"),
            Some(("Troops in Avdiivka", "Jane Roe/Anadolu Agency"))
        );
        assert_eq!(
            credit_split("A street (AP Photo/John Doe)"),
            Some(("A street", "AP Photo/John Doe"))
        );
        assert_eq!(
            credit_split("Fans at the ground. Photograph: Ann Lee/Getty Images"),
            Some(("Fans at the ground.", "Photograph: Ann Lee/Getty Images"))
        );
        assert_eq!(credit_split("Exports rose (see chart)"), None);
        assert_eq!(credit_split("The deal [link]"), None);
        assert_eq!(credit_split("Rates are 3/4 of a point (up/down)"), None);
    }

    fn read(text: &str) -> Option<(&str, &str, Rest, Sep, TimeForm)> {
        time_mark(text).map(|m| (m.time, m.rest, m.rest_kind, m.sep, m.key.form))
    }

    #[test]
    fn time_marks_in_every_form() {
        use Rest::*;
        use TimeForm::*;
        assert_eq!(
            read("12:25 GMT – Kyiv: Talks resume"),
            Some((
                "12:25 GMT",
                "Kyiv: Talks resume",
                Headline,
                Sep::Mark,
                Plain
            ))
        );
        assert_eq!(
            read("18:49 (IST)"),
            Some(("18:49 (IST)", "", Empty, Sep::End, Plain))
        );
        assert_eq!(
            read("12:09 a.m. ET, October 30, 2023").map(|r| r.0),
            Some("12:09 a.m. ET, October 30, 2023")
        );
        assert_eq!(
            read("17:17 GMT / 11:17 CST: Ferries halted"),
            Some((
                "17:17 GMT / 11:17 CST",
                "Ferries halted",
                Headline,
                Sep::Mark,
                Plain
            ))
        );
        assert_eq!(
            read("21:38 , Jane Okoro"),
            Some(("21:38", "Jane Okoro", Byline, Sep::Mark, Plain))
        );
        assert_eq!(
            read("21:10Storm reaches the coast").map(|r| (r.0, r.3)),
            Some(("21:10", Sep::Glued))
        );
        assert_eq!(
            read("4:57:09 PMThe phone has two cameras.").map(|r| (r.0, r.2, r.3, r.4)),
            Some(("4:57:09 PM", Prose, Sep::Glued, Meridiem))
        );
        assert_eq!(
            read("1458 Counting resumes in the north").map(|r| (r.0, r.4)),
            Some(("1458", FourDigits))
        );
        assert_eq!(
            read("Updated 09.20").map(|r| (r.0, r.4)),
            Some(("Updated 09.20", Plain))
        );
        assert_eq!(read("2 hours ago").map(|r| r.4), Some(Relative));
        assert_eq!(
            read("90' + 4'").map(|r| (r.0, r.4)),
            Some(("90' + 4'", Minute))
        );
        assert_eq!(
            read("90 min +4: Routledge is booked.").map(|r| (r.0, r.1)),
            Some(("90 min +4", "Routledge is booked."))
        );
        assert!(read("5 minutes of added time").is_none());
        assert_eq!(
            read("45+3' Booked: Ilunga for a trip.").map(|r| (r.0, r.1, r.4)),
            Some(("45+3'", "Booked: Ilunga for a trip.", Minute))
        );
        assert!(read("2+2 Offers On Shoes").is_none());
        assert_eq!(
            read("HT: Rovers 1-0 City").map(|r| (r.0, r.4)),
            Some(("HT", Minute))
        );
        assert_eq!(read("Full-time").map(|r| r.4), Some(Minute));
        assert!(read("Full-time workers strike").is_none());
        for (line, time) in [
            ("33.4 Lyon to Pant, no run", "33.4"),
            ("33.4 ov: FOUR! Driven through cover.", "33.4 ov"),
            ("19.6 overs - End of the innings", "19.6 overs"),
            ("Ov 7.2 | Wide down leg", "Ov 7.2"),
            ("Over 20: Kent 141/3", "Over 20"),
        ] {
            assert_eq!(read(line).map(|r| (r.0, r.4)), Some((time, Over)), "{line}");
        }
        assert!(read("Over 200 Fans Queue For Tickets").is_none());
        // Added time places a post by the minutes added ("90+3'" after "90+1'"), the first
        // half's before the break.
        let place = |clock: &str| whole_match_clock(clock).map(|(place, _)| place);
        assert!(place("90+1'") < place("90+3'"));
        assert!(place("45+9'") < place("45+12'") && place("45+12'") < place("HT"));
        assert_eq!(place("90' + 4'"), Some(90 * 60 + 4));
        assert!(read("Over the line").is_none());
        assert!(read("3.25 Million Homes").is_none_or(|r| r.4 != Over));
        let glued = time_mark("date 2019-03-02 1 hour ago").unwrap();
        assert_eq!(
            (glued.lead, glued.lead_is_name, glued.time, glued.key.form),
            ("date 2019-03-02", false, "1 hour ago", Relative)
        );
        let led = time_mark("Ana Ruiz 3/7/2016 4:12:38 PMThe lights dim.").unwrap();
        assert_eq!(
            (led.lead, led.time, led.rest, led.key.form),
            (
                "Ana Ruiz",
                "3/7/2016 4:12:38 PM",
                "The lights dim.",
                DateFirst
            )
        );
        assert_eq!(
            read("Nov. 14, 2024, 9:48 a.m. ET").map(|r| r.4),
            Some(DateFirst)
        );
        assert_eq!(
            read("10:23. The keynote begins").map(|r| r.1),
            Some("The keynote begins")
        );
        assert!(time_mark("10:30 a.m. the ministry said it would act.").is_none());
        assert!(time_mark("1922 committee meets").is_none());
        assert!(time_mark("10.30bn was raised").is_none());
        assert_eq!(zone_of("7.22pm BST"), Some(Zone::Fixed(60)));
    }

    #[test]
    fn marks_and_labels() {
        assert_eq!(split_mark("1. Goodbye"), (Some(Mark::Number(1)), "Goodbye"));
        assert_eq!(
            split_mark("12) Talks end"),
            (Some(Mark::Number(12)), "Talks end")
        );
        assert_eq!(split_mark("• 18:49"), (Some(Mark::Bullet('•')), "18:49"));
        assert_eq!(split_mark("2022. A year").0, None);
        assert_eq!(
            label("BreakingPolice close the bridge"),
            Some(Label {
                label: "Breaking",
                rest: "Police close the bridge"
            })
        );
        assert_eq!(label("Key event").map(|l| l.rest), Some(""));
        assert_eq!(label("Breakfast is served"), None);
        assert_eq!(label("Updates from the court"), None);
        assert_eq!(
            label("Breaking5th set, Rovers 2-2 City").map(|l| l.rest),
            Some("5th set, Rovers 2-2 City")
        );
        assert_eq!(label("Update2"), None);
        assert_eq!(label("Update2 "), None);
    }
}
