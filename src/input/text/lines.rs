//! Lines read on their own, by their form: shape, time marks, numbering, bullets, dates,
//! credits, bylines and page furniture.

use crate::clock::{clock_at, date_at};

/// Bullet marks that open a list item.
pub(super) const BULLETS: &[char] = &['•', '●', '▪', '◦', '‣', '-', '*', '–', '—'];

/// Labels before a credit at the end of a caption ("… Photograph: Name/Agency").
pub(super) const CREDIT_LABELS: &[&str] = &[
    "Photograph:",
    "Photo:",
    "Photos:",
    "Picture:",
    "Image:",
    "Credit:",
    "Photo credit:",
    "Photo by",
    "Photograph by",
    "©",
];

/// Agencies whose name alone, in brackets at the end of a line, credits a photo.
pub(super) const AGENCIES: &[&str] = &[
    "AP",
    "AFP",
    "Reuters",
    "Getty Images",
    "EPA",
    "EPA-EFE",
    "Anadolu",
    "Anadolu Agency",
    "PA",
    "PA Images",
    "Shutterstock",
    "Xinhua",
    "Bloomberg",
    "TASS",
    "Sputnik",
];

/// Labels before a page's publication date line.
pub(super) const DATE_LABELS: &[&str] = &[
    "Updated:",
    "Updated",
    "Last updated:",
    "Last updated",
    "Published:",
    "Published",
    "Posted:",
    "Posted",
    "First published on",
    "Published on",
    "Last modified on",
];

/// Labels before a time that opens an update ("Posted at 18:49").
pub(super) const TIME_LABELS: &[&str] = &[
    "Posted at",
    "Posted",
    "Published at",
    "Updated at",
    "Updated",
];

/// Units of a relative time ("16m ago", "2 hours ago").
pub(super) const RELATIVE_UNITS: &[&str] = &[
    "s", "sec", "secs", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr", "hrs",
    "hour", "hours", "d", "day", "days",
];

/// Whole lines that are page furniture, not content (matched case-insensitively, without a
/// final full stop): they never open an update or title the page.
pub(super) const UI_LINES: &[&str] = &[
    "advertisement",
    "advert",
    "sponsored",
    "supported by",
    "continue reading",
    "continue reading the main story",
    "read more",
    "show more",
    "show key events only",
    "share",
    "share this",
    "share this article",
    "share this page",
    "related",
    "related articles",
    "related topics",
    "more on this story",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "accessibility links",
    "sign up",
    "subscribe",
    "comments",
    "get involved",
    "please turn on javascript",
    "listen to this article",
];

/// Separators between a time and the headline on the same line.
pub(super) const TIME_SEPARATORS: &[&str] = &["–", "—", "-", ":", "|", "·", "."];

/// How a single line reads on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// Short, capitalised, no closing full stop.
    Headline,
    /// Sentences.
    Prose,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    /// Trimmed text.
    pub(super) text: &'a str,
    /// Leading whitespace, in characters.
    pub(super) indent: usize,
    /// Byte span of the trimmed text in the input.
    pub(super) start: usize,
    pub(super) end: usize,
    /// 1-based line number.
    pub(super) number: usize,
    /// A blank line (or the start of the text) comes right before it.
    pub(super) blank_before: bool,
    /// What the line is, read on its own once (see [`Facts`]).
    pub(super) is: Facts<'a>,
}

/// What a line is, read on its own: computed once per line, since the layout rules ask
/// the same questions of each line many times.
#[derive(Debug, Clone, Copy)]
pub(super) struct Facts<'a> {
    pub(super) shape: Shape,
    /// A time mark that opens the line ([`time_mark`]), set apart from what follows.
    pub(super) mark: Option<TimeMark<'a>>,
    /// A loose time mark, which the layout may take as the page's own form.
    pub(super) loose: Option<TimeMark<'a>>,
    pub(super) numbered: Option<(u32, &'a str)>,
    pub(super) day_heading: bool,
    pub(super) date_line: bool,
    pub(super) bullet: bool,
    pub(super) byline: bool,
    pub(super) ui: bool,
}

impl<'a> Facts<'a> {
    fn of(text: &'a str) -> Self {
        let mark = time_mark(text).or_else(|| date_led_mark(text));
        Facts {
            shape: shape(text),
            mark: mark.filter(|m| !m.loose),
            loose: mark.filter(|m| m.loose).or_else(|| byline_led_mark(text)),
            numbered: numbered(text),
            day_heading: is_day_heading(text),
            date_line: is_date_line(text),
            bullet: is_bullet(text),
            byline: is_byline(text),
            ui: is_ui_line(text),
        }
    }
}

/// A time mark at the start of a line: the time as written and what follows it.
#[derive(Debug, Clone, Copy)]
pub(super) struct TimeMark<'a> {
    pub(super) time: &'a str,
    /// What kind of time opens the line, so that a page's own repeated form can be told from
    /// the odd time in a body.
    pub(super) kind: TimeKind,
    /// A headline, or the update's first sentences when `rest_is_prose`.
    pub(super) rest: &'a str,
    pub(super) rest_is_prose: bool,
    /// Nothing sets the time apart from what follows: a time only where the page writes
    /// its posts so ([`time_mark`]).
    pub(super) loose: bool,
    /// Who wrote the post, named after the time ("21:38 , Jacob Phillips").
    pub(super) byline: Option<&'a str>,
    /// Page metadata before the time, when a copy glued it there ("date 2024-11-30" before
    /// "Updated 09.20"); empty otherwise.
    pub(super) lead: &'a str,
}

/// The kind of a time mark: its label's index, its form and how its clock is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TimeKind {
    pub(super) label: Option<usize>,
    pub(super) form: TimeForm,
    pub(super) style: u8,
}

/// The forms a time mark takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TimeForm {
    /// "10:30 a.m.", "7.22pm BST", "1030 GMT".
    Clock,
    /// "16m ago".
    Relative,
    /// "Oct. 30, 2023, 10:03 a.m. ET".
    DateFirst,
    /// "1458": four digits of a 24-hour clock, with no zone.
    Compact,
    /// "88'", "90' + 4'": a match's minute.
    Minute,
    /// "Shara Tibken 9/7/2016 4:57:09 PM": a time after its author's name.
    Bylined,
}

/// Splits the input into non-blank lines, remembering spans and blank lines between.
pub(super) fn split_lines(input: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    let mut blank_before = true;
    let mut crlf_halves = 0;
    for (index, raw) in input.split_inclusive(['\n', '\r']).enumerate() {
        let line_start = offset;
        offset += raw.len();
        // "\r\n" splits into "...\r" and "\n": the lone "\n" is not a blank line.
        if raw == "\n" && input[..line_start].ends_with('\r') {
            crlf_halves += 1;
            continue;
        }
        let body = raw.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim();
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        let lead = body.len() - body.trim_start().len();
        let start = line_start + lead;
        lines.push(Line {
            is: Facts::of(trimmed),
            text: trimmed,
            indent: body[..lead].chars().count(),
            start,
            end: start + trimmed.len(),
            number: index + 1 - crlf_halves,
            blank_before,
        });
        blank_before = false;
    }
    lines
}

/// Groups physical lines into logical ones: in a hard-wrapped text (lynx or email style,
/// every long line broken near one width), a line continues the one above when that one
/// could not have held its first word.
pub(super) fn wrapped_groups(lines: &[Line]) -> Vec<Vec<usize>> {
    let lengths: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    let width = lengths.iter().copied().max().unwrap_or(0);
    let first_word = |i: usize| {
        lines[i]
            .text
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count())
    };
    let continues = |i: usize| {
        i > 0
            && !lines[i].blank_before
            && lengths[i - 1] + 1 + first_word(i) > width
            && !lines[i].is.bullet
            && lines[i].is.numbered.is_none()
            && lines[i].is.mark.is_none()
            && !matches!(credit_split(lines[i].text), Some(("", _)))
    };
    let near_width = lengths.iter().filter(|&&n| n + 12 >= width).count();
    // Wrapping breaks sentences, so some line must go on in lower case: a few lines of
    // about one length, each opening with a capital ("10:05 | Storm warning" over "The
    // coastguard said …"), are headings over their bodies.
    let wrapped = (40..=100).contains(&width)
        && near_width >= 3
        && near_width * 5 >= lines.len()
        && (1..lines.len()).any(|i| continues(i) && lines[i].text.starts_with(char::is_lowercase));
    let mut groups: Vec<Vec<usize>> = Vec::with_capacity(lines.len());
    for i in 0..lines.len() {
        match groups.last_mut() {
            Some(group) if wrapped && continues(i) => group.push(i),
            _ => groups.push(vec![i]),
        }
    }
    groups
}

/// Logical lines from groups of physical ones; `joined` holds the text of each group of two
/// or more, in order.
pub(super) fn unwrap_lines<'a>(
    physical: &[Line<'a>],
    groups: &[Vec<usize>],
    joined: &'a [String],
) -> Vec<Line<'a>> {
    let mut texts = joined.iter();
    groups
        .iter()
        .map(|group| {
            let first = physical[group[0]];
            if group.len() == 1 {
                return first;
            }
            let last = physical[group[group.len() - 1]];
            // One joined text was made for each group of two or more, in this order.
            let text = texts.next().map_or(first.text, String::as_str);
            Line {
                text,
                is: Facts::of(text),
                end: last.end,
                ..first
            }
        })
        .collect()
}

/// Whether the text separates paragraphs with blank lines (most lines have one above).
pub(super) fn is_blank_separated(lines: &[Line]) -> bool {
    let with_blank = lines.iter().filter(|l| l.blank_before).count();
    with_blank * 2 > lines.len()
}

/// The shape of a line read alone.
pub(super) fn shape(text: &str) -> Shape {
    // Cheapest tests first: this runs on every line, several times.
    let text = heading_text(text);
    let first_letter = text
        .trim_start_matches(['“', '‘', '"', '\'', '«', '„', '(', '['])
        .chars()
        .next();
    let capitalised = first_letter.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let last = text.chars().last().unwrap_or(' ');
    let closes_sentence = match last {
        '.' => !ends_with_abbreviation(text),
        ',' | ';' | ':' => true,
        '”' | '"' | '’' | '\'' | '»' | ')' => {
            let inner = text[..text.len() - last.len_utf8()].trim_end();
            inner.ends_with(['.', ',', ';', ':'])
        }
        _ => false,
    };
    if !capitalised || closes_sentence || text.chars().nth(180).is_some() {
        return Shape::Prose;
    }
    let words = text.split_whitespace().take(29).count();
    if (1..=28).contains(&words) && !has_inner_sentence_break(text) && !ends_open(text) {
        Shape::Headline
    } else {
        Shape::Prose
    }
}

/// Words that cannot end a headline, because what they start is still to come: articles,
/// some prepositions, conjunctions, "here's" ("And here's" is the start of a sentence whose
/// rest is the next line).
const OPEN_ENDINGS: &[&str] = &[
    "a",
    "an",
    "and",
    "but",
    "for",
    "from",
    "here's",
    "here’s",
    "of",
    "or",
    "the",
    "there's",
    "there’s",
    "to",
    "with",
];

/// A line that stops on a word that leads somewhere ("Finally, here's", "Reaction from the").
fn ends_open(text: &str) -> bool {
    text.rsplit(' ')
        .next()
        .is_some_and(|w| OPEN_ENDINGS.iter().any(|o| o.eq_ignore_ascii_case(w)))
}

/// A heading without Markdown's marks: "## Talks resume" and "**Talks resume**" are
/// "Talks resume".
pub(super) fn heading_text(text: &str) -> &str {
    let t = text.trim_start_matches('#').trim_start();
    for mark in ["**", "__"] {
        if let Some(inner) = t.strip_prefix(mark).and_then(|t| t.strip_suffix(mark)) {
            return inner.trim();
        }
    }
    t
}

/// Two sentences on one line ("… a possible war. What’s next?") make prose, not a
/// headline. A break is a full stop, question or exclamation mark after a lower-case word,
/// then a space and a capital.
pub(super) fn has_inner_sentence_break(text: &str) -> bool {
    let words = text.split_whitespace();
    words.clone().zip(words.skip(1)).any(|w| {
        let ends = w.0.ends_with(['.', '?', '!']);
        let body = w.0.trim_end_matches(['.', '?', '!']);
        let lower_word = body.chars().count() >= 2
            && body
                .chars()
                .all(|c| c.is_lowercase() || c == '’' || c == '\'');
        ends && lower_word && w.1.starts_with(char::is_uppercase)
    })
}

/// A dotted abbreviation at the end of a headline ("U.S.", "2 p.m.") is not a full stop.
pub(super) fn ends_with_abbreviation(text: &str) -> bool {
    let last_word = text.rsplit(' ').next().unwrap_or("");
    let letters: Vec<&str> = last_word.trim_end_matches('.').split('.').collect();
    letters.len() >= 2
        && letters
            .iter()
            .all(|l| l.chars().count() == 1 && l.chars().all(char::is_alphabetic))
}

pub(super) fn is_bullet(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| BULLETS.contains(&c))
        && chars.next().is_some_and(char::is_whitespace)
}

pub(super) fn strip_bullet(text: &str) -> &str {
    if is_bullet(text) {
        let mut chars = text.chars();
        chars.next();
        chars.as_str().trim_start()
    } else {
        text
    }
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
    let mut tail_start = text.len().saturating_sub(90);
    while !text.is_char_boundary(tail_start) {
        tail_start += 1;
    }
    let tail = &text[tail_start..];
    if !tail.contains([':', '©']) && !tail.contains(" by ") {
        return None;
    }
    for label in CREDIT_LABELS {
        if let Some(at) = tail.rfind(label).map(|at| at + tail_start) {
            let before = text[..at].trim_end();
            let credit = text[at..].trim();
            let sentence_end =
                before.is_empty() || before.ends_with(['.', '!', '?', '”', '"', ')']);
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

/// A time mark that stands apart from what follows ([`time_mark`], not loose).
pub(super) fn strict_time_mark(text: &str) -> Option<TimeMark<'_>> {
    time_mark(text).filter(|m| !m.loose)
}

/// Reads a time mark opening a line: `6 p.m.`, `• 18:49 (IST)`, `Posted at 18:49`,
/// `16m ago`, `10:30 a.m. Headline`, `12:25 GMT – Kyiv: Headline`,
/// `12:09 a.m. ET, October 30, 2023`, `10:30 a.m.: The ministry said …`,
/// `21:38 , Jacob Phillips` (a byline after the time), `88'` (a match minute).
///
/// A time that nothing sets apart from what follows (`10:40 Keynote ends. Stay …`,
/// `1458 Dublin declares`, `21:10Labor says …`) is read too, as `loose`: alone it is a
/// sentence that starts with a time; where a page writes every post so, the layout takes it.
pub(super) fn time_mark(text: &str) -> Option<TimeMark<'_>> {
    // "• 18:49", "## 10:30", "**10:30**", "[10:30]", "(10:30)".
    let body = strip_bullet(text)
        .trim_start_matches(['#', '*', '_'])
        .trim_start();
    let (body, close) = match body.as_bytes().first() {
        Some(b'[') => (&body[1..], Some(']')),
        Some(b'(') => (&body[1..], Some(')')),
        _ => (body, None),
    };
    let label_index = TIME_LABELS.iter().position(|l| {
        body.len() > l.len()
            && body.is_char_boundary(l.len())
            && body[..l.len()].eq_ignore_ascii_case(l)
            && body[l.len()..].starts_with(' ')
    });
    let label = label_index.map_or(0, |i| TIME_LABELS[i].len() + 1);
    let t = &body[label..];
    let mut loose = false;
    let (len, form) = if let Some(clock) = clock_at(t) {
        (clock.len, TimeForm::Clock)
    } else if let Some(len) = relative_time_len(t) {
        (len, TimeForm::Relative)
    } else if let Some(len) = match_minute_len(t) {
        (len, TimeForm::Minute)
    } else if let Some(len) = dated_clock_len(t) {
        (len, TimeForm::DateFirst)
    } else if let Some((len, form)) = bare_clock_len(t) {
        loose = true;
        (len, form)
    } else {
        return None;
    };
    let mut time_end = label + len;
    // A date after the time belongs to it.
    let after = &body[time_end..];
    let sep = after.len() - after.trim_start_matches([',', ' ']).len();
    if sep > 0 {
        if let Some((_, len)) = date_at(&after[sep..]) {
            time_end += sep + len;
        }
    }
    let time = &body[..time_end];
    let mut rest = &body[time_end..];
    if let Some(close) = close {
        rest = rest.strip_prefix(close)?;
    }
    let glued = rest.starts_with(char::is_alphabetic);
    let mut rest = rest.trim_start_matches(['*', '_']).trim_start();
    let mut separated = close.is_some();
    for separator in TIME_SEPARATORS {
        if let Some(r) = rest.strip_prefix(separator) {
            if r.starts_with(' ') || r.is_empty() {
                rest = r.trim_start();
                separated = true;
                break;
            }
        }
    }
    // "21:38 , Jacob Phillips": a name after a comma is who wrote the post.
    let byline = rest
        .strip_prefix(',')
        .map(str::trim)
        .filter(|name| is_name_shaped(name));
    if byline.is_some() {
        rest = "";
    }
    let rest_is_prose = !rest.is_empty() && shape(rest) != Shape::Headline;
    // Prose straight after a time is a sentence that starts with a time, unless a
    // separator sets the time apart; text glued to the time is the same.
    loose |= glued || (rest_is_prose && !separated);
    Some(TimeMark {
        time,
        kind: TimeKind {
            label: label_index,
            form,
            style: clock_style(&time[label..]),
        },
        rest,
        rest_is_prose,
        loose,
        byline,
        lead: "",
    })
}

/// A time after its author's name, as live-blog platforms print a post's head: `Shara
/// Tibken 9/7/2016 4:57:09 PM` (the text often glued on: `…PMNow that …`), `• Ana Ruiz
/// 10:32 Headline`. Always loose: only a page that opens its posts so makes it a mark.
fn byline_led_mark(text: &str) -> Option<TimeMark<'_>> {
    let body = strip_bullet(text);
    // One to four capitalised words, then the time.
    let mut at = 0;
    let mut words = 0;
    for word in body.split(' ') {
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        let name_like = word.starts_with(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'));
        if !name_like || words == 4 {
            return None;
        }
        words += 1;
        at += word.len() + 1;
    }
    if words == 0 || at >= body.len() {
        return None;
    }
    let name = body[..at].trim_end();
    let t = &body[at..];
    // A date written with slashes ("9/7/2016"), which is read for order only.
    let mut i = 0;
    let slash_date = t.split(' ').next().filter(|d| {
        d.split('/').count() == 3
            && d.split('/')
                .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
    });
    if let Some(d) = slash_date {
        i = d.len() + 1;
    }
    let clock = crate::clock::clock_at(t.get(i..)?)?;
    let mut end = i + clock.len;
    // "4:57:09 PMNow": a meridiem glued to the text.
    let tail = &t[end..];
    let meridiem = [" PM", " AM", " pm", " am"]
        .iter()
        .find(|m| tail.starts_with(*m) && tail[m.len()..].starts_with(char::is_uppercase));
    if let Some(m) = meridiem {
        end += m.len();
    }
    let rest = t[end..].trim_start_matches([' ', ':', '-', '–', '|']);
    Some(TimeMark {
        time: &t[..end],
        kind: TimeKind {
            label: None,
            form: TimeForm::Bylined,
            style: clock_style(&t[i..end]),
        },
        rest,
        rest_is_prose: !rest.is_empty() && shape(rest) != Shape::Headline,
        loose: true,
        byline: Some(name),
        lead: "",
    })
}

/// A time mark after a date that a copy of the page glued before it, as metadata: `date
/// 2024-11-30 Updated 09.20`, `2017-07-15 1 hour ago`. (A date before a clock is one time,
/// read by [`time_mark`].)
fn date_led_mark(text: &str) -> Option<TimeMark<'_>> {
    let t = text.strip_prefix("date ").unwrap_or(text);
    let (_, len) = crate::clock::date_at(t)?;
    let after = t[len..].strip_prefix(' ')?.trim_start();
    let mark = time_mark(after)?;
    let lead = text[..text.len() - after.len()].trim_end();
    Some(TimeMark { lead, ..mark })
}

/// How a clock is written, as bits, so that two forms on one page ("9.10pm EST" and
/// "21:10") are told apart: 1 a.m./p.m., 4 a zone or anything after the digits, 8 seconds.
/// (Not the dot: "2pm" and "2.30pm" are one form.)
fn clock_style(time: &str) -> u8 {
    let b = time.as_bytes();
    let mut style = 0;
    if time.contains(['a', 'p', 'A', 'P']) {
        style |= 1;
    }
    let clock_end = b
        .iter()
        .position(|c| !(c.is_ascii_digit() || matches!(c, b':' | b'.' | b'h')))
        .unwrap_or(b.len());
    if time[clock_end..].trim().len() > 4 || (style & 1 == 0 && clock_end < b.len()) {
        style |= 4;
    }
    if b[..clock_end].iter().filter(|&&c| c == b':').count() >= 2 {
        style |= 8;
    }
    style
}

/// A byline's name: one to five words, each capitalised or a particle ("Ana de la Cruz").
pub(super) fn is_name_shaped(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || [
                    "de", "la", "van", "von", "der", "di", "da", "al", "bin", "and",
                ]
                .contains(w)
        })
        && !name.ends_with(['.', ':', '!', '?'])
}

/// A clock that only a page's repetition makes a time: four digits of a 24-hour clock
/// (`1458 Dublin …`, as some wires and count centres write it) before a capitalised word,
/// or a clock with text glued to it (`21:10Labor says`).
fn bare_clock_len(s: &str) -> Option<(usize, TimeForm)> {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 4 {
        let hour: u32 = s[..2].parse().ok()?;
        let minute: u32 = s[2..4].parse().ok()?;
        let next = s[4..].strip_prefix(' ')?;
        return (hour <= 23 && minute <= 59 && opens_sentence(next))
            .then_some((4, TimeForm::Compact));
    }
    if !(1..=2).contains(&digits)
        || !matches!(b.get(digits), Some(b':' | b'.'))
        || !b.get(digits + 1).is_some_and(u8::is_ascii_digit)
        || !b.get(digits + 2).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let hour: u32 = s[..digits].parse().ok()?;
    let minute: u32 = s[digits + 1..digits + 3].parse().ok()?;
    let end = digits + 3;
    (hour <= 23 && minute <= 59 && opens_sentence(&s[end..])).then_some((end, TimeForm::Clock))
}

/// Text that opens a sentence: a capital, or a quote mark before one.
fn opens_sentence(s: &str) -> bool {
    s.trim_start_matches(['“', '‘', '"', '\'', '«'])
        .starts_with(char::is_uppercase)
}

/// A football match's minute: `88'`, `90+4'`, `90' + 4'`, `45+2’`.
pub(super) fn match_minute_len(s: &str) -> Option<usize> {
    let minute = |at: usize| -> Option<usize> {
        let digits = s[at..].bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&digits) {
            return None;
        }
        let mark = s[at + digits..].chars().next()?;
        ['\'', '’', '′']
            .contains(&mark)
            .then(|| digits + mark.len_utf8())
    };
    let plain = |at: usize| -> usize { s[at..].bytes().take_while(u8::is_ascii_digit).count() };
    let first = match minute(0) {
        Some(len) => len,
        // "90+4'": the apostrophe after the added time.
        None => {
            let d = plain(0);
            if !(1..=3).contains(&d) || !s[d..].starts_with('+') {
                return None;
            }
            return minute(d + 1).map(|len| d + 1 + len);
        }
    };
    let mut end = first;
    // "90' + 4'"
    let after = &s[end..];
    let gap = after.len() - after.trim_start().len();
    if let Some(plus) = after.trim_start().strip_prefix('+') {
        let g2 = plus.len() - plus.trim_start().len();
        let at = end + gap + 1 + g2;
        if let Some(len) = minute(at) {
            end = at + len;
        }
    }
    (!s[end..].starts_with(char::is_alphanumeric)).then_some(end)
}

/// Reads a date with a clock time after it ("Oct. 30, 2023, 10:03 a.m. ET", "Tue 24 Jan
/// 2023 14.05 GMT") and returns its length.
pub(super) fn dated_clock_len(s: &str) -> Option<usize> {
    let (_, date_len) = date_at(s)?;
    let after = &s[date_len..];
    let gap = after.len() - after.trim_start_matches([',', ' ']).len();
    let at = if after[gap..].starts_with("at ") {
        3
    } else {
        0
    };
    let clock = clock_at(&after[gap + at..])?;
    Some(date_len + gap + at + clock.len)
}

/// Reads a relative time ("16m ago", "2 hours ago") and returns its length.
pub(super) fn relative_time_len(s: &str) -> Option<usize> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let after = &s[digits..];
    let gap = usize::from(after.starts_with(' '));
    let unit_len = after[gap..]
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(after.len() - gap);
    let unit = &after[gap..gap + unit_len];
    if !RELATIVE_UNITS.iter().any(|u| u.eq_ignore_ascii_case(unit)) {
        return None;
    }
    let tail = &after[gap + unit_len..];
    tail.strip_prefix(" ago")
        .filter(|t| !t.starts_with(|c: char| c.is_alphanumeric()))
        .map(|_| digits + gap + unit_len + " ago".len())
}

/// Reads a numbered heading: `1. Headline`, `12) Headline`.
pub(super) fn numbered(text: &str) -> Option<(u32, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = text[digits..].strip_prefix(['.', ')'])?;
    if !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim_start();
    if shape(rest) != Shape::Headline || clock_at(text).is_some() {
        return None;
    }
    Some((text[..digits].parse().ok()?, rest))
}

/// A line that is only a date ("March 23, 2022", "Wednesday 12 January").
pub(super) fn is_day_heading(text: &str) -> bool {
    date_at(text).is_some_and(|(_, len)| text[len..].trim().is_empty())
}

/// A date line of the header ("February 24, 2022 10:03am", "Updated: March 25, 2022").
pub(super) fn is_date_line(text: &str) -> bool {
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
    let rest = t[len..].trim_start_matches([',', ' ']);
    rest.is_empty() || clock_at(rest).is_some_and(|c| rest[c.len..].trim().is_empty())
}

pub(super) fn is_source_line(text: &str) -> bool {
    ["Source:", "Sources:", "SOURCE:"]
        .iter()
        .any(|p| text.starts_with(p))
}

/// A byline: "By Jane Doe", "By Ana Ruiz and Li Wei, in Lagos".
pub(super) fn is_byline(text: &str) -> bool {
    text.strip_prefix("By ").is_some_and(|name| {
        name.starts_with(char::is_uppercase) && name.split_whitespace().count() <= 10
    }) && shape(text) == Shape::Headline
}

/// Page furniture such as "Advertisement" or "Share this article".
pub(super) fn is_ui_line(text: &str) -> bool {
    let t = text.trim_end_matches(['.', '…']);
    UI_LINES.iter().any(|u| u.eq_ignore_ascii_case(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_shape() {
        assert_eq!(
            shape("US says ‘no daylight’ with European allies on Ukraine standoff"),
            Shape::Headline
        );
        assert_eq!(shape("‘We don’t want a new Cold War’"), Shape::Headline);
        assert_eq!(
            shape("Start Here: Will Russia invade Ukraine?"),
            Shape::Headline
        );
        assert_eq!(
            shape("U.S. imposes more sanctions on the U.S."),
            Shape::Headline
        );
        assert_eq!(shape("Read more here."), Shape::Prose);
        assert_eq!(shape("“Strong Ukraine is key,” she tweeted."), Shape::Prose);
        assert_eq!(shape("he said nothing"), Shape::Prose);
        assert_eq!(shape("Here is a recap:"), Shape::Prose);
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

    #[test]
    fn time_marks() {
        let m = time_mark("12:25 GMT – Kyiv: Talks resume").unwrap();
        assert_eq!((m.time, m.rest), ("12:25 GMT", "Kyiv: Talks resume"));
        let m = time_mark("• 18:49 (IST)").unwrap();
        assert_eq!((m.time, m.rest), ("18:49 (IST)", ""));
        let m = time_mark("12:09 a.m. ET, October 30, 2023").unwrap();
        assert_eq!((m.time, m.rest), ("12:09 a.m. ET, October 30, 2023", ""));
        // A time before prose, or four digits, are a time only where the page writes its
        // posts so: loose, for the layout to take or leave.
        assert!(strict_time_mark("10:30 a.m. the ministry said it would act.").is_none());
        assert!(
            time_mark("10:30 a.m. the ministry said it would act.")
                .unwrap()
                .loose
        );
        assert!(strict_time_mark("1922 Committee meets").is_none());
        let m = time_mark("1458 Dublin declares").unwrap();
        assert_eq!((m.time, m.rest, m.loose), ("1458", "Dublin declares", true));
        assert!(time_mark("2022 was a year").is_none());
        let m = time_mark("21:10Labor says").unwrap();
        assert_eq!((m.time, m.rest, m.loose), ("21:10", "Labor says", true));
        let m = time_mark("21:38 , Jacob Phillips").unwrap();
        assert_eq!(
            (m.time, m.rest, m.byline, m.loose),
            ("21:38", "", Some("Jacob Phillips"), false)
        );
        let m = time_mark("90' + 4'").unwrap();
        assert_eq!((m.time, m.kind.form), ("90' + 4'", TimeForm::Minute));
        assert_eq!(time_mark("45+2’ Corner").unwrap().time, "45+2’");
        assert!(time_mark("90 minutes").is_none());
    }

    #[test]
    fn numbered_headings() {
        assert_eq!(numbered("1. Goodbye"), Some((1, "Goodbye")));
        assert_eq!(numbered("12) Talks end"), Some((12, "Talks end")));
        assert_eq!(numbered("3. he went home."), None);
        assert_eq!(numbered("2022. A year"), None);
    }
}
