//! Plain text → [`LiveBlog`].
//!
//! The parser reads lines by their shape and position, never by their words:
//!
//! 1. Each non-blank line is read on its own: a time mark (`10:30 a.m. Headline`,
//!    `7.22pm BST`), a numbered post (`1. Headline`), a date line, a credited photo caption,
//!    a headline-shaped line (short, capitalised, no closing full stop) or prose.
//! 2. Captions are paired: a description line directly above a credited caption is one photo.
//! 3. The document's layout is chosen by what repeats: time marks, numbered posts, or
//!    headlines followed by prose. Each occurrence opens an update.
//! 4. What comes before the first update is the header, where the title is the first
//!    headline-shaped line that is followed by content rather than by clutter or a date.
//!
//! Every non-blank line lands exactly once in the model.

use crate::clock::{clock_at, date_at, dates_in, Date};
use crate::model::{Image, LiveBlog, Span, Status, Update, Warning, WarningCode};

/// Bullet marks that open a list item.
const BULLETS: &[char] = &['•', '●', '▪', '◦', '‣', '-', '*', '–', '—'];

/// Labels before a credit at the end of a caption ("… Photograph: Name/Agency").
const CREDIT_LABELS: &[&str] = &[
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
const AGENCIES: &[&str] = &[
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

/// Phrases by which a page says that coverage has ended (matched case-insensitively).
const CLOSED_PHRASES: &[&str] = &[
    "live blog is now closed",
    "blog is now closed",
    "live coverage has ended",
    "live coverage has now ended",
    "we are closing this live",
    "we're closing this live",
    "we are pausing our live",
    "we're pausing our live",
    "no longer being updated",
    "that's all from the live team",
    "that’s all from the live team",
    "this live page has now ended",
    "we are ending our live coverage",
    "we're ending our live coverage",
    "we’re ending our live coverage",
    "that's it for today",
    "that’s it for today",
    "that's all for today",
    "that’s all for today",
    "that's all from us",
    "that’s all from us",
    "thanks for following our coverage",
];

/// Whole lines that mark a page as live (matched case-insensitively).
const LIVE_BADGES: &[&str] = &[
    "live",
    "live reporting",
    "live updates",
    "live coverage",
    "breaking news live",
];

/// Separators that make a line a breadcrumb trail ("News / World / Europe").
const BREADCRUMB_SEPARATORS: &[&str] = &[" / ", " | ", " > ", " » ", " › "];

/// Labels before a page's publication date line.
const DATE_LABELS: &[&str] = &[
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
const TIME_LABELS: &[&str] = &[
    "Posted at",
    "Posted",
    "Published at",
    "Updated at",
    "Updated",
];

/// Units of a relative time ("16m ago", "2 hours ago").
const RELATIVE_UNITS: &[&str] = &[
    "s", "sec", "secs", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr", "hrs",
    "hour", "hours", "d", "day", "days",
];

/// Whole lines that are page furniture, not content (matched case-insensitively, without a
/// final full stop): they never open an update or title the page.
const UI_LINES: &[&str] = &[
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
const TIME_SEPARATORS: &[&str] = &["–", "—", "-", ":", "|", "·"];

/// How a single line reads on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Short, capitalised, no closing full stop.
    Headline,
    /// Sentences.
    Prose,
}

#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// Trimmed text.
    text: &'a str,
    /// Leading whitespace, in characters.
    indent: usize,
    /// Byte span of the trimmed text in the input.
    start: usize,
    end: usize,
    /// 1-based line number.
    number: usize,
    /// A blank line (or the start of the text) comes right before it.
    blank_before: bool,
    /// What the line is, read on its own once (see [`Facts`]).
    is: Facts<'a>,
}

/// What a line is, read on its own: computed once per line, since the layout rules ask
/// the same questions of each line many times.
#[derive(Debug, Clone, Copy)]
struct Facts<'a> {
    shape: Shape,
    mark: Option<TimeMark<'a>>,
    numbered: Option<(u32, &'a str)>,
    day_heading: bool,
    date_line: bool,
    bullet: bool,
    byline: bool,
    ui: bool,
}

impl<'a> Facts<'a> {
    fn of(text: &'a str) -> Self {
        Facts {
            shape: shape(text),
            mark: time_mark(text),
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
struct TimeMark<'a> {
    time: &'a str,
    /// What kind of time opens the line, so that a page's own repeated form can be told from
    /// the odd time in a body: the label's index, and the form.
    kind: (Option<usize>, TimeForm),
    /// A headline, or the update's first sentences when `rest_is_prose`.
    rest: &'a str,
    rest_is_prose: bool,
}

/// The forms a time mark takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TimeForm {
    /// "10:30 a.m.", "7.22pm BST", "1030 GMT".
    Clock,
    /// "16m ago".
    Relative,
    /// "Oct. 30, 2023, 10:03 a.m. ET".
    DateFirst,
}

/// The role a line plays in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Unassigned,
    /// Part of a photo: `alt` line, or the credited caption line.
    ImageAlt,
    ImageCaption,
}

/// Which kind of line opens each update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// A time (and maybe a headline) opens each update.
    Time,
    /// A numbered heading opens each update.
    Numbered,
    /// A headline followed by prose opens each update.
    Headline,
}

/// Parses a plain-text live blog. Never fails: odd input yields a model with warnings.
pub(crate) fn parse_text(input: &str) -> LiveBlog {
    let physical = split_lines(input);
    let groups = wrapped_groups(&physical);
    // Lines joined from a hard-wrapped paragraph are owned here; the rest borrow the input.
    let joined: Vec<String> = groups
        .iter()
        .filter(|g| g.len() > 1)
        .map(|g| {
            g.iter()
                .map(|&i| physical[i].text)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let lines = unwrap_lines(&physical, &groups, &joined);
    let mut roles = vec![Role::Unassigned; lines.len()];
    let blank_separated = is_blank_separated(&lines);
    pair_captions(&lines, &mut roles, blank_separated);

    let (layout, mut starts) = find_update_starts(&lines, &roles, blank_separated);
    // With headlines as the layout, the title is itself headline + prose, so the first of
    // them may be the title rather than an update.
    let title_search_end = match layout {
        Layout::Headline => starts
            .get(1)
            .or(starts.first())
            .map_or(lines.len(), |&s| s + 1),
        _ => starts.first().copied().unwrap_or(lines.len()),
    };
    let title = find_title(&lines, &roles, title_search_end).or_else(|| {
        // The first line of the text may be the title with the first update right under it.
        let first = lines.first()?;
        (starts.first() == Some(&1)
            && roles[0] == Role::Unassigned
            && is_title_shaped(first.text, 5))
        .then_some(0)
    });
    if layout == Layout::Headline {
        // The title is a headline followed by prose too: it does not open an update, nor
        // does anything above it.
        if let Some(t) = title {
            starts.retain(|&s| s > t);
        }
    }

    let mut blog = LiveBlog {
        format: "text".into(),
        ..LiveBlog::default()
    };
    let first_start = starts.first().copied().unwrap_or(lines.len());
    // Day headings right above an update belong to it.
    let mut day_heading_of = vec![None; lines.len()];
    let mut is_start = vec![false; lines.len()];
    for &s in &starts {
        is_start[s] = true;
    }
    for &s in &starts {
        if s > 0
            && roles[s - 1] == Role::Unassigned
            && lines[s - 1].is.day_heading
            && !is_start[s - 1]
        {
            day_heading_of[s] = Some(s - 1);
        }
    }
    let header_end = day_heading_of
        .get(first_start)
        .copied()
        .flatten()
        .unwrap_or(first_start);

    // The header.
    let mut summary = None;
    if let Some(t) = title {
        blog.title = Some(heading_text(lines[t].text).to_string());
        summary = find_summary(&lines, &roles, t, header_end);
        blog.summary = summary.map(|s| lines[s].text.to_string());
    }
    let source_line = lines.len().checked_sub(1).filter(|&last| {
        roles[last] == Role::Unassigned && is_source_line(lines[last].text) && last >= first_start
    });
    let mut i = 0;
    while i < header_end {
        if Some(i) == title || Some(i) == summary {
            i += 1;
            continue;
        }
        i += take_body_line(&lines, &roles, i, &mut blog.header, &mut blog.images);
    }

    // The updates.
    for (n, &start) in starts.iter().enumerate() {
        let end = starts
            .get(n + 1)
            .map(|&next| day_heading_of[next].unwrap_or(next))
            .unwrap_or(lines.len());
        let end = match source_line {
            Some(s) if s < end => s,
            _ => end,
        };
        blog.updates.push(build_update(
            &lines,
            &roles,
            layout,
            start,
            end,
            day_heading_of[start],
        ));
    }
    if let Some(s) = source_line {
        blog.source = Some(lines[s].text.to_string());
    }

    blog.status = find_status(&blog);
    blog.date = find_blog_date(&lines, &blog);
    assign_ids(&mut blog);
    add_warnings(&lines, &mut blog);
    blog
}

/// Splits the input into non-blank lines, remembering spans and blank lines between.
fn split_lines(input: &str) -> Vec<Line<'_>> {
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
fn wrapped_groups(lines: &[Line]) -> Vec<Vec<usize>> {
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
fn unwrap_lines<'a>(
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
fn is_blank_separated(lines: &[Line]) -> bool {
    let with_blank = lines.iter().filter(|l| l.blank_before).count();
    with_blank * 2 > lines.len()
}

/// The shape of a line read alone.
fn shape(text: &str) -> Shape {
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
    if (1..=28).contains(&words) && !has_inner_sentence_break(text) {
        Shape::Headline
    } else {
        Shape::Prose
    }
}

/// A heading without Markdown's marks: "## Talks resume" and "**Talks resume**" are
/// "Talks resume".
fn heading_text(text: &str) -> &str {
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
fn has_inner_sentence_break(text: &str) -> bool {
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
fn ends_with_abbreviation(text: &str) -> bool {
    let last_word = text.rsplit(' ').next().unwrap_or("");
    let letters: Vec<&str> = last_word.trim_end_matches('.').split('.').collect();
    letters.len() >= 2
        && letters
            .iter()
            .all(|l| l.chars().count() == 1 && l.chars().all(char::is_alphabetic))
}

fn is_bullet(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| BULLETS.contains(&c))
        && chars.next().is_some_and(char::is_whitespace)
}

fn strip_bullet(text: &str) -> &str {
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

/// Pairs description lines with the credited caption directly below them.
fn pair_captions(lines: &[Line], roles: &mut [Role], blank_separated: bool) {
    for i in 0..lines.len() {
        let Some((caption, _)) = credit_split(lines[i].text) else {
            continue;
        };
        roles[i] = Role::ImageCaption;
        if i == 0 || lines[i].blank_before || roles[i - 1] != Role::Unassigned {
            continue;
        }
        let alt = lines[i - 1].text;
        if time_mark(alt).is_some() || numbered(alt).is_some() || is_bullet(alt) {
            continue;
        }
        // Without blank lines between paragraphs, only a description that repeats the
        // caption's opening words is safely the photo's.
        let shared = alt
            .split_whitespace()
            .zip(caption.split_whitespace())
            .take_while(|(a, b)| a == b)
            .count();
        if blank_separated || shared >= 3 {
            roles[i - 1] = Role::ImageAlt;
        }
    }
}

/// Reads a time mark opening a line: `6 p.m.`, `• 18:49 (IST)`, `Posted at 18:49`,
/// `16m ago`, `10:30 a.m. Headline`, `12:25 GMT – Kyiv: Headline`,
/// `12:09 a.m. ET, October 30, 2023`, `10:30 a.m.: The ministry said …`.
fn time_mark(text: &str) -> Option<TimeMark<'_>> {
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
    let (len, form) = if let Some(clock) = clock_at(t) {
        (clock.len, TimeForm::Clock)
    } else if let Some(len) = relative_time_len(t) {
        (len, TimeForm::Relative)
    } else {
        (dated_clock_len(t)?, TimeForm::DateFirst)
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
    let rest_is_prose = !rest.is_empty() && shape(rest) != Shape::Headline;
    // Prose straight after a time is a sentence that starts with a time, unless a
    // separator sets the time apart.
    if rest_is_prose && !separated {
        return None;
    }
    Some(TimeMark {
        time,
        kind: (label_index, form),
        rest,
        rest_is_prose,
    })
}

/// Reads a date with a clock time after it ("Oct. 30, 2023, 10:03 a.m. ET", "Tue 24 Jan
/// 2023 14.05 GMT") and returns its length.
fn dated_clock_len(s: &str) -> Option<usize> {
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
fn relative_time_len(s: &str) -> Option<usize> {
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
fn numbered(text: &str) -> Option<(u32, &str)> {
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
fn is_day_heading(text: &str) -> bool {
    date_at(text).is_some_and(|(_, len)| text[len..].trim().is_empty())
}

/// A date line of the header ("February 24, 2022 10:03am", "Updated: March 25, 2022").
fn is_date_line(text: &str) -> bool {
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

fn is_source_line(text: &str) -> bool {
    ["Source:", "Sources:", "SOURCE:"]
        .iter()
        .any(|p| text.starts_with(p))
}

/// A byline: "By Jane Doe", "By Ana Ruiz and Li Wei, in Lagos".
fn is_byline(text: &str) -> bool {
    text.strip_prefix("By ").is_some_and(|name| {
        name.starts_with(char::is_uppercase) && name.split_whitespace().count() <= 10
    }) && shape(text) == Shape::Headline
}

/// Page furniture such as "Advertisement" or "Share this article".
fn is_ui_line(text: &str) -> bool {
    let t = text.trim_end_matches(['.', '…']);
    UI_LINES.iter().any(|u| u.eq_ignore_ascii_case(t))
}

/// Whether line `i` is an item of a list that a line ending in a colon opens ("The unions
/// set three conditions:" then short lines): the run of short lines above it leads back to
/// the colon.
fn in_colon_list(lines: &[Line], i: usize) -> bool {
    let mut j = i;
    while j > 0 && i - j < 12 {
        j -= 1;
        let text = lines[j].text;
        if text.ends_with(':') {
            return true;
        }
        if shape(text) != Shape::Headline || is_bullet(text) {
            return false;
        }
    }
    false
}

/// Whether the update body starts at or after line `i`, past up to three lines of bylines,
/// dates and bare times that may sit between a headline and its text.
fn body_follows(lines: &[Line], roles: &[Role], i: usize) -> bool {
    let mut j = i;
    while j < lines.len() && j < i + 3 && roles[j] == Role::Unassigned {
        let text = lines[j].text;
        let meta = is_byline(text)
            || is_date_line(text)
            || time_mark(text).is_some_and(|m| m.rest.is_empty());
        if !meta {
            break;
        }
        j += 1;
    }
    is_body(lines, roles, j)
}

/// A line that reads as the body of an update: prose, a list item, or a photo.
fn is_body(lines: &[Line], roles: &[Role], i: usize) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    if roles[i] != Role::Unassigned {
        return true;
    }
    if line.is.day_heading || line.is.date_line || line.is.mark.is_some() {
        return false;
    }
    // A headline-shaped line with nothing after it, or only the next update's time, heads
    // nothing: it is body ("… cleared the tower at 9:39 a.m.").
    let heads_nothing = lines.get(i + 1).is_none_or(|next| next.is.mark.is_some());
    line.is.bullet || line.is.ui || line.is.shape == Shape::Prose || heads_nothing
}

/// Finds the lines that open updates, and the layout they reveal.
fn find_update_starts(
    lines: &[Line],
    roles: &[Role],
    blank_separated: bool,
) -> (Layout, Vec<usize>) {
    let opens_block = |i: usize| !blank_separated || lines[i].blank_before || i == 0;

    let marks: Vec<(usize, (Option<usize>, TimeForm))> = (0..lines.len())
        .filter(|&i| roles[i] == Role::Unassigned && opens_block(i))
        .filter_map(|i| lines[i].is.mark.map(|m| (i, m.kind)))
        .collect();
    // The page's own form of time is the one it repeats most ("7.22pm BST"); another form
    // ("Updated at 14.10", "2h ago") is part of a body.
    // Counted once per kind: a page has a handful of kinds and may have 50,000 marks.
    let mut counts: Vec<((Option<usize>, TimeForm), usize)> = Vec::new();
    for &(_, kind) in &marks {
        match counts.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    let dominant = counts
        .iter()
        .max_by_key(|&&(kind, n)| (n, kind.0.is_none(), kind.1 == TimeForm::Clock))
        .map(|&(kind, _)| kind);
    let time_marks: Vec<usize> = marks
        .iter()
        .filter(|&&(_, kind)| Some(kind) == dominant)
        .map(|&(i, _)| i)
        .collect();

    // Numbered posts: a heading less indented than the line above it (or after a blank),
    // numbered in sequence.
    let numbered_heads: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            roles[i] == Role::Unassigned
                && lines[i].is.numbered.is_some()
                && (opens_block(i) || lines[i].indent < lines[i - 1].indent)
                && body_follows(lines, roles, i + 1)
        })
        .collect();
    let in_sequence = numbered_heads
        .windows(2)
        .filter(|w| {
            let a = numbered(lines[w[0]].text).map_or(0, |(n, _)| n);
            let b = numbered(lines[w[1]].text).map_or(0, |(n, _)| n);
            a.abs_diff(b) == 1
        })
        .count();
    let numbered_ok =
        numbered_heads.len() >= 2 && in_sequence * 5 >= (numbered_heads.len() - 1) * 3;

    if time_marks.len() >= 2 && (!numbered_ok || time_marks.len() >= numbered_heads.len()) {
        // A headline may sit directly above each time instead of after it.
        let above = time_marks
            .iter()
            .filter(|&&t| {
                t > 0
                    && lines[t].is.mark.is_some_and(|m| m.rest.is_empty())
                    && roles[t - 1] == Role::Unassigned
                    && lines[t - 1].is.shape == Shape::Headline
                    && opens_block(t - 1)
                    && lines[t - 1].is.mark.is_none()
                    && !lines[t - 1].is.ui
                    && body_follows(lines, roles, t + 1)
            })
            .count();
        let starts = if above * 3 >= time_marks.len() * 2 {
            time_marks
                .iter()
                .map(|&t| {
                    let headed = t > 0
                        && lines[t].is.mark.is_some_and(|m| m.rest.is_empty())
                        && lines[t - 1].is.shape == Shape::Headline
                        && roles[t - 1] == Role::Unassigned
                        && lines[t - 1].is.mark.is_none()
                        && !lines[t - 1].is.ui;
                    if headed {
                        t - 1
                    } else {
                        t
                    }
                })
                .collect()
        } else {
            time_marks
        };
        return (Layout::Time, starts);
    }
    if numbered_ok {
        return (Layout::Numbered, numbered_heads);
    }
    let headlines = (0..lines.len())
        .filter(|&i| {
            roles[i] == Role::Unassigned
                && opens_block(i)
                && lines[i].is.shape == Shape::Headline
                && !lines[i].is.bullet
                && !lines[i].is.day_heading
                && !lines[i].is.date_line
                && !lines[i].is.byline
                && !lines[i].is.ui
                && !in_colon_list(lines, i)
                && body_follows(lines, roles, i + 1)
        })
        .collect();
    (Layout::Headline, headlines)
}

/// The title: the first headline-shaped line of the header (three words or more) that is
/// followed by content (a standfirst, prose or a photo), not by a date or more clutter, and
/// not by a longer line that is itself such a title ("Skip to main content" above the
/// page's real headline).
fn find_title(lines: &[Line], roles: &[Role], end: usize) -> Option<usize> {
    let end = end.min(lines.len());
    let candidate = |i: usize| {
        let next_is_content = lines.get(i + 1).is_some_and(|next| {
            roles[i + 1] != Role::Unassigned
                || (!next.is.date_line
                    && !next.is.day_heading
                    && (next.is.shape == Shape::Prose || next.text.split_whitespace().count() >= 8))
        });
        roles[i] == Role::Unassigned && is_title_shaped(lines[i].text, 3) && next_is_content
    };
    let words = |i: usize| lines[i].text.split_whitespace().count();
    (0..end).find(|&i| {
        candidate(i)
            && !(i + 1 < lines.len()
                && candidate(i + 1)
                && words(i + 1) > words(i)
                && lines[i + 1].is.shape == Shape::Headline)
    })
}

/// A headline-shaped line of at least `min_words` words that is not a list item, a date or
/// a breadcrumb trail.
fn is_title_shaped(text: &str, min_words: usize) -> bool {
    shape(text) == Shape::Headline
        && text.split_whitespace().count() >= min_words
        && !is_bullet(text)
        && !is_date_line(text)
        && time_mark(text).is_none()
        && numbered(text).is_none()
        && !is_ui_line(text)
        && !is_byline(text)
        && !BREADCRUMB_SEPARATORS.iter().any(|s| text.contains(s))
}

/// The standfirst: the line right under the title, when it is a sentence or a long line.
fn find_summary(lines: &[Line], roles: &[Role], title: usize, end: usize) -> Option<usize> {
    let i = title + 1;
    (i < end
        && roles[i] == Role::Unassigned
        && !lines[i].is.bullet
        && !lines[i].is.date_line
        && (lines[i].is.shape == Shape::Prose || lines[i].text.split_whitespace().count() >= 8))
        .then_some(i)
}

/// Puts line `i` (and the caption line after it, for a photo) into `paragraphs` or
/// `images`; returns how many lines it took.
fn take_body_line(
    lines: &[Line],
    roles: &[Role],
    i: usize,
    paragraphs: &mut Vec<String>,
    images: &mut Vec<Image>,
) -> usize {
    match roles[i] {
        Role::ImageAlt => {
            let (caption, credit) =
                credit_split(lines[i + 1].text).unwrap_or((lines[i + 1].text, ""));
            // Under a credit alone on its line, the line above is the caption, not an alt.
            let (alt, caption) = if caption.is_empty() {
                (None, lines[i].text)
            } else {
                (Some(lines[i].text.to_string()), caption)
            };
            images.push(Image {
                alt,
                caption: Some(caption.to_string()),
                credit: Some(credit.to_string()).filter(|c| !c.is_empty()),
            });
            2
        }
        Role::ImageCaption => {
            let (caption, credit) = credit_split(lines[i].text).unwrap_or((lines[i].text, ""));
            images.push(Image {
                alt: None,
                caption: Some(caption.to_string()).filter(|c| !c.is_empty()),
                credit: Some(credit.to_string()).filter(|c| !c.is_empty()),
            });
            1
        }
        Role::Unassigned => {
            paragraphs.push(lines[i].text.to_string());
            1
        }
    }
}

/// Builds the update made of lines `start..end`.
fn build_update(
    lines: &[Line],
    roles: &[Role],
    layout: Layout,
    start: usize,
    end: usize,
    day: Option<usize>,
) -> Update {
    let mut update = Update {
        day_heading: day.map(|d| lines[d].text.to_string()),
        ..Update::default()
    };
    let span_start = day.map_or(lines[start].start, |d| lines[d].start);
    let mut i = start;
    match layout {
        Layout::Time => {
            if let Some(mark) = lines[i].is.mark {
                update.time = Some(mark.time.to_string());
                if mark.rest_is_prose {
                    update.paragraphs.push(mark.rest.to_string());
                } else if !mark.rest.is_empty() {
                    update.headline = Some(mark.rest.to_string());
                }
                i += 1;
            } else {
                // A headline above its time.
                update.headline = Some(heading_text(lines[i].text).to_string());
                if let Some(mark) = lines.get(i + 1).and_then(|l| l.is.mark) {
                    update.time = Some(mark.time.to_string());
                }
                i += 2;
            }
            // A time alone, then a headline, then the body.
            if update.headline.is_none()
                && update.paragraphs.is_empty()
                && i + 1 < end
                && roles[i] == Role::Unassigned
                && lines[i].is.shape == Shape::Headline
                && !lines[i].is.bullet
                && !lines[i].is.byline
                && !lines[i].is.ui
                && body_follows(lines, roles, i + 1)
            {
                update.headline = Some(heading_text(lines[i].text).to_string());
                i += 1;
            }
        }
        Layout::Numbered => {
            if let Some((n, rest)) = lines[i].is.numbered {
                update.number = Some(n);
                update.headline = Some(rest.to_string());
            }
            i += 1;
        }
        Layout::Headline => {
            update.headline = Some(heading_text(lines[i].text).to_string());
            i += 1;
            if let Some(mark) = lines.get(i).filter(|_| i < end).and_then(|l| l.is.mark) {
                if mark.rest.is_empty() {
                    update.time = Some(mark.time.to_string());
                    i += 1;
                }
            }
        }
    }
    while i < end {
        i += take_body_line(lines, roles, i, &mut update.paragraphs, &mut update.images);
    }
    update.links = update
        .paragraphs
        .iter()
        .flat_map(|p| p.split_whitespace())
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(|w| {
            w.trim_end_matches(['.', ',', ')', ';', '”', '"'])
                .to_string()
        })
        .collect();
    let last = end.max(start + 1).min(lines.len()) - 1;
    update.span = Span {
        start: span_start,
        end: lines[last].end,
    };
    update
}

fn contains_phrase(text: &str, phrases: &[&str]) -> bool {
    let lower = text.to_ascii_lowercase();
    phrases.iter().any(|p| lower.contains(p))
}

/// Closed when the header or an update at either end of the page says so; live when the
/// header wears a live badge.
fn find_status(blog: &LiveBlog) -> Option<Status> {
    let edges = [blog.updates.first(), blog.updates.last()];
    let closed = blog
        .header
        .iter()
        .any(|h| contains_phrase(h, CLOSED_PHRASES))
        || blog
            .summary
            .as_deref()
            .is_some_and(|s| contains_phrase(s, CLOSED_PHRASES))
        || edges
            .iter()
            .flatten()
            .flat_map(|u| u.paragraphs.iter())
            .any(|p| contains_phrase(p, CLOSED_PHRASES));
    if closed {
        return Some(Status::Closed);
    }
    let live = blog
        .header
        .iter()
        .any(|h| LIVE_BADGES.iter().any(|b| h.eq_ignore_ascii_case(b)));
    live.then_some(Status::Live)
}

/// The blog's day: a date the header states ("updates for January 24", a date line) with
/// its year taken from any full date in the text, else the first day heading, else the
/// first full date anywhere (a dated caption).
fn find_blog_date(lines: &[Line], blog: &LiveBlog) -> Option<String> {
    let all = || lines.iter().flat_map(|l| dates_in(l.text));
    let with_year = |d: Date| -> Option<Date> {
        if d.year.is_some() {
            return Some(d);
        }
        all()
            .find(|o| o.year.is_some() && o.month == d.month && o.day == d.day)
            .or_else(|| all().find(|o| o.year.is_some()))
            .map(|o| Date { year: o.year, ..d })
    };
    let header_dates = blog
        .header
        .iter()
        .chain(blog.summary.iter())
        .flat_map(|h| dates_in(h))
        .collect::<Vec<_>>();
    let day_heading = blog
        .updates
        .iter()
        .find_map(|u| u.day_heading.as_deref())
        .and_then(|d| date_at(d).map(|(d, _)| d));
    header_dates
        .into_iter()
        .chain(day_heading)
        .chain(all())
        .find_map(with_year)
        .and_then(Date::iso)
}

/// Gives each update an id, `u1` for the earliest, so that ids survive new updates.
/// Pages list updates newest first unless their times say otherwise.
fn assign_ids(blog: &mut LiveBlog) {
    blog.order = crate::extract::time::detect_order(&blog.updates);
    crate::extract::time::number_updates(blog);
}

fn add_warnings(lines: &[Line], blog: &mut LiveBlog) {
    if blog.updates.is_empty() && !lines.is_empty() {
        blog.warnings.push(Warning {
            code: WarningCode::NoUpdates,
            message: "no updates could be told apart; the whole text is in the header".into(),
            line: None,
        });
    }
    if let Some(last) = lines.last() {
        let ends_cleanly = last
            .text
            .ends_with(['.', '!', '?', '”', '"', '’', '\'', ')', ']', '…', '»'])
            || Some(last.text) == blog.source.as_deref()
            || blog
                .updates
                .last()
                .is_some_and(|u| u.paragraphs.is_empty() && u.images.is_empty());
        if !ends_cleanly {
            blog.warnings.push(Warning {
                code: WarningCode::Truncated,
                message: "the text ends mid-sentence; the last update may be incomplete".into(),
                line: Some(last.number),
            });
        }
    }
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
        assert!(time_mark("10:30 a.m. the ministry said it would act.").is_none());
        assert!(time_mark("1922 Committee meets").is_none());
    }

    #[test]
    fn numbered_headings() {
        assert_eq!(numbered("1. Goodbye"), Some((1, "Goodbye")));
        assert_eq!(numbered("12) Talks end"), Some((12, "Talks end")));
        assert_eq!(numbered("3. he went home."), None);
        assert_eq!(numbered("2022. A year"), None);
    }
}
