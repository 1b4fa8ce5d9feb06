//! The input's lines: split, with the blank lines between them, and hard-wrapped
//! paragraphs joined back into one logical line each; photo captions paired with the
//! description above them.

use super::form::{credit_split, split_mark, Facts, Rest, Shape, TimeForm, TimeMark};
use super::tables::{CREDIT_LABELS, DANGLING};
use crate::fxhash::FxMap;

#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    /// Trimmed text.
    pub text: &'a str,
    /// Leading whitespace, in characters.
    pub indent: usize,
    /// Byte span of the trimmed text in the input.
    pub start: usize,
    pub end: usize,
    /// 1-based line number.
    pub number: usize,
    /// A blank line (or the start of the text) comes right before it.
    pub blank_before: bool,
    /// What the line is, read on its own once.
    pub is: Facts<'a>,
}

/// The part a line plays in a photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Photo {
    None,
    /// The description above a credited caption.
    Alt,
    /// The credited caption.
    Caption,
}

/// A break in play ("HT", "Full time") marks a post only on a page that marks its posts
/// with minutes, and not next to a minute with no text of its own ("90' + 4'" over "FULL
/// TIME: Rovers 1-2 City", or the break as a headline over its minute): there it is that
/// post's headline. Nor does one with words after it directly under a photo's credited
/// caption, on a page whose minutes all stand alone on their lines: it opens the text of
/// the post the photo is in, in a shape no marker of the page takes.
pub(super) fn settle_breaks(lines: &mut [Line]) {
    let alone = |m: &TimeMark| matches!(m.rest_kind, Rest::Empty | Rest::Byline);
    let minute = |line: &Line, bare: bool| {
        line.is.time.is_some_and(|m| {
            m.key.form == TimeForm::Minute && !m.is_break() && (!bare || alone(&m))
        })
    };
    let timed_by_minutes = lines.iter().filter(|l| minute(l, false)).nth(1).is_some();
    let minutes_alone = lines.iter().all(|l| !minute(l, false) || minute(l, true));
    for i in 0..lines.len() {
        let Some(mark) = lines[i].is.time.filter(|m| m.is_break()) else {
            continue;
        };
        let by_minute = i > 0 && minute(&lines[i - 1], true)
            || lines.get(i + 1).is_some_and(|l| minute(l, true));
        let in_text =
            minutes_alone && !alone(&mark) && i > 0 && credit_split(lines[i - 1].text).is_some();
        if by_minute || !timed_by_minutes || in_text {
            lines[i].is.time = None;
        }
    }
}

/// Lines joined from a hard-wrapped paragraph are owned here; the rest borrow the input.
pub(super) fn joined_texts(physical: &[Line], groups: &[Vec<usize>]) -> Vec<String> {
    groups
        .iter()
        .filter(|g| g.len() > 1)
        .map(|g| {
            g.iter()
                .map(|&i| physical[i].text)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
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
        let body = raw.trim_end_matches(&['\n', '\r'][..]);
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
    // Where each line ends on the page, indent included: a tool wraps every line at one
    // column, whatever its indent (lynx indents list items further than paragraphs).
    let lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.indent + l.text.chars().count())
        .collect();
    let width = lengths.iter().copied().max().unwrap_or(0);
    let first_word = |i: usize| {
        lines[i]
            .text
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count())
    };
    // A wrapped line keeps its paragraph's indent, or, under a list item, lines up with the
    // item's text ("   * Fuel duty" over "     frozen"); a body indented under a numbered
    // heading, but not to its text ("1. US says …" over "    Crowds gather …"), is the
    // post's next part.
    let same_block = |i: usize| {
        let (prev, line) = (&lines[i - 1], &lines[i]);
        let mark_width = || {
            let rest = split_mark(prev.text).1;
            prev.text[..prev.text.len() - rest.len()].chars().count()
        };
        line.indent.abs_diff(prev.indent) <= 1
            || prev.is.mark.is_some() && line.indent == prev.indent + mark_width()
    };
    // A line goes on from the one above when that one could not have held its first word;
    // under a time line only in lower case ("10:05 | Storm warning" over "The coastguard
    // said …" is a heading over its body, whatever their lengths).
    let lower = |i: usize| {
        lines[i]
            .text
            .trim_start_matches(&['‘', '“', '\'', '"', '('][..])
            .starts_with(char::is_lowercase)
    };
    // What comes after line `i` parts it from the next: a new block, another indent, a
    // mark, a time, a byline, or the end.
    let parted_after = |i: usize| {
        lines.get(i + 1).is_none_or(|next| {
            next.blank_before
                || next.indent != lines[i].indent
                || next.is.mark.is_some()
                || next.is.time.is_some()
                || next.is.byline
        })
    };
    // The last line of a wrapped paragraph: short, closing a sentence, with a new block or
    // the end after it ("Updated 10.26 – Ellery East and West count centre,
    // Town Hall" over "Sports and more."), where a body under its heading is a long line.
    let last_of_paragraph = |i: usize| {
        lengths[i] * 5 <= width * 3
            && lines[i].text.ends_with(&['.', '!', '?', '"', '”', ')'][..])
            && parted_after(i)
    };
    // The tail of a headline after a time, broken at the width ("10:29 – Third set, Okafor
    // 6-6" over "Lindqvist"): short, with the post's next part after it (a new block, an indented body,
    // a byline, a mark, a time), under a time line whose headline ends no sentence. A second
    // heading right under a headline is not how a post opens; the tail may recur (two
    // scores broken before the same name).
    let headline_tail = |i: usize| {
        let above = &lines[i - 1];
        above.is.time.is_some_and(|m| m.rest_kind == Rest::Headline)
            && !above.text.ends_with(&['.', '!', '?'][..])
            && lengths[i] * 5 <= width * 3
            && lines[i].is.label.is_none()
            && parted_after(i)
    };
    // A break inside a sentence: the line above ends on a lower-case word or a comma.
    let mid_sentence = |i: usize| {
        let text = lines[i - 1].text;
        let last_word = text
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .trim_start_matches(&['‘', '“', '\'', '"', '('][..]);
        text.ends_with(&[',', ';'][..])
            || last_word.starts_with(char::is_lowercase) && last_word.ends_with(char::is_lowercase)
    };
    // A line that ends on a word no sentence or heading ends on ("… 4,000 homes in" over
    // "Westbury"): the next goes on with it, in any case, even under a time.
    let dangling = |i: usize| {
        lines[i]
            .text
            .rsplit(' ')
            .next()
            .is_some_and(|w| DANGLING.iter().any(|d| d.eq_ignore_ascii_case(w)))
    };
    // A heading's last words after a colon that ends the line above ("… was later found:"
    // over "Witness"): a few words in a heading's shape, where what a colon opens on a line
    // of its own is a sentence, a quote or a list's item.
    let colon_tail = |i: usize| {
        lines[i - 1].text.ends_with(':')
            && lines[i].is.shape == Shape::Headline
            && lines[i].text.split_whitespace().nth(4).is_none()
            && !lines[i].text.starts_with(&['‘', '“', '\'', '"'][..])
    };
    // The line above leaves its sentence open for line `i`: it ends on a dangling word or a
    // colon a heading's tail follows, or leaves a quote or bracket open that line `i` closes ("… triggered on Nirav" over
    // "Modi payments'").
    let held_open = |i: usize| {
        dangling(i - 1) || colon_tail(i) || {
            let (above, line) = (open_quotes(lines[i - 1].text), open_quotes(lines[i].text));
            above.iter().zip(line).any(|(&a, b)| a > 0 && b < 0)
        }
    };
    // A photo's caption opens a sentence of its own: a line that carries a credit after its
    // description ("Crowds gather in the square. Photograph: Ann") goes on from the line
    // above only from the middle of a sentence, not from a headline ("… with Russia").
    let caption_opens = |i: usize| {
        credit_split(lines[i].text).is_some_and(|(caption, _)| !caption.is_empty())
            && !lower(i)
            && !mid_sentence(i)
            && !held_open(i)
    };
    // A photo's description over its credited caption, which opens with the same words
    // ("Crowds gather in the square" over "Crowds gather in the square on Monday.
    // Photograph: Ann Lee"), is a line of its own, whatever the line above.
    let describes = |i: usize| {
        lines.get(i + 1).is_some_and(|next| {
            credit_split(next.text)
                .is_some_and(|(caption, _)| shared_opening(lines[i].text, caption) >= 3)
        })
    };
    // The end of a photo credit ("Lee/Reuters" under "… Photograph: Ann"): a name with a
    // slash that cannot stand as a line of its own.
    let credit_end = |i: usize| {
        let text = lines[i].text;
        text.contains('/')
            && text.split_whitespace().count() <= 3
            && !text.ends_with(&['.', '!', '?'][..])
            && CREDIT_LABELS.iter().any(|l| lines[i - 1].text.contains(l))
    };
    // A line that opens with a word all in lower case ("that", not "iPhone") or a number
    // ("37 years."): how a sentence goes on, never how a heading starts one.
    let plain_lower = |i: usize| {
        lines[i].text.split_whitespace().next().is_some_and(|w| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_lowercase)
                && w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
        })
    };
    // What opens a post with no content of its own: a byline ("1. By Jane Okoro") or a
    // time alone.
    let opener = |j: usize| {
        lines[j].is.byline
            || lines[j]
                .is
                .time
                .is_some_and(|m| matches!(m.rest_kind, Rest::Empty | Rest::Byline))
    };
    // The heading right under an opener, where posts open with one.
    let under_opener = |j: usize| {
        let is = &lines[j].is;
        j > 0
            && opener(j - 1)
            && is.shape == Shape::Headline
            && is.mark.is_none()
            && is.time.is_none()
            && !is.byline
    };
    // A line of a post's body: sentences, not another opener, mark or heading.
    let body = |j: usize| {
        let is = &lines[j].is;
        is.shape == Shape::Prose && is.mark.is_none() && is.time.is_none() && !is.byline
    };
    // Posts are alike: where two posts or more show a heading under their opener standing
    // alone over a body line whose first word it could have held, a heading under an opener
    // that is about as wide as the wrap width stands alone too over a body that opens in
    // capitals ("… masks essential" over "Dr Young is talking now."), as a headline on a
    // time line does; the body goes on from it only in lower case or after a dangling word.
    let headed = (1..lines.len().saturating_sub(1))
        .filter(|&j| {
            under_opener(j)
                && !lines[j + 1].blank_before
                && body(j + 1)
                && lengths[j] + 1 + first_word(j + 1) <= width
        })
        .count();
    // A line the page prints again (a kicker, furniture) stands alone, unless it goes on in
    // lower case as no kicker does (a short tail such as "and more." may recur).
    let mut seen: FxMap<&str, usize> =
        FxMap::with_capacity_and_hasher(lines.len(), Default::default());
    for l in lines {
        *seen.entry(l.text).or_default() += 1;
    }
    // A credit goes on from a caption that could not hold it ("… on Tuesday evening." over
    // "Photograph: Ola Berg/Coast News") as any line does: one photo either way. The line's
    // own facts first, read once already, then the words it takes reading.
    let continues = |i: usize| {
        i > 0
            && !lines[i].blank_before
            && lines[i].is.mark.is_none()
            && lines[i].is.time.is_none()
            && !lines[i].is.ui
            && !lines[i].is.byline
            && lengths[i - 1] + 1 + first_word(i) > width
            && same_block(i)
            && (seen[lines[i].text] == 1 || credit_end(i) || plain_lower(i) || headline_tail(i))
            // A credited caption ends its paragraph, unless its credit was broken.
            && (credit_split(lines[i - 1].text).is_none() || credit_end(i))
            && (lines[i - 1].is.time.is_none()
                || lower(i)
                || last_of_paragraph(i)
                || headline_tail(i)
                || held_open(i))
            && !caption_opens(i)
            && !describes(i)
            && (headed < 2
                || !under_opener(i - 1)
                || !body(i)
                || lower(i)
                || held_open(i))
    };
    let near_width = lengths.iter().filter(|&&n| n + 12 >= width).count();
    let long = lengths.iter().filter(|&&n| n > 30).count();
    // A sentence's short last words under a line that ends no sentence ("… Loreto Sports
    // Hall, Grange" over "Road, and more."): a paragraph's tail, where a heading would sit
    // over a whole paragraph.
    let tail = |i: usize| {
        !lines[i - 1]
            .text
            .ends_with(&['.', '!', '?', ':', ';', '"', '”', ')'][..])
            && last_of_paragraph(i)
    };
    let (mut breaks, mut lower_breaks, mut sentence_breaks, mut tails) = (0, 0, 0, 0);
    for i in 1..lines.len() {
        if continues(i) {
            lower_breaks += usize::from(lower(i));
            breaks += usize::from(!lower(i) && mid_sentence(i));
            sentence_breaks += usize::from(plain_lower(i) && mid_sentence(i));
            tails += usize::from(!lower(i) && !mid_sentence(i) && tail(i));
        }
    }
    // Wrapping shows as lines of about one width that go on in lower case, or as many lines
    // of about one width that end mid-sentence and go on, on a page where most long lines
    // are that wide, or as two short tails that close sentences under lines of about that
    // width. One sentence broken between two lower-case words at about that width is
    // wrapping too, on a page too short to show it twice.
    let wrapped = (40..=100).contains(&width)
        && (near_width >= 2
            && (lower_breaks >= 1 || breaks >= 3 && near_width * 3 >= long || tails >= 2)
            || sentence_breaks >= 1);
    // A photo credit broken at the width ("… Photograph: Ann" over "Lee/Reuters") is one
    // line on any page, and so is a line broken at the width after a word no sentence or
    // heading ends on ("… dialogue with" over "Russia").
    let broken = |i: usize| credit_end(i) || held_open(i);
    let mut groups: Vec<Vec<usize>> = Vec::with_capacity(lines.len());
    for i in 0..lines.len() {
        match groups.last_mut() {
            Some(group) if continues(i) && (wrapped || broken(i)) => group.push(i),
            _ => groups.push(vec![i]),
        }
    }
    groups
}

/// How many quotes or brackets of each kind the text leaves open, negative where it closes
/// more than it opens: curly double and single quotes, parentheses, straight double and
/// single quotes. A mark opens at a word's start and closes at a word's end, so an
/// apostrophe inside a word ("Yadav's", "day’s") is neither.
fn open_quotes(text: &str) -> [i32; 5] {
    const KINDS: [(char, char); 5] = [('“', '”'), ('‘', '’'), ('(', ')'), ('"', '"'), ('\'', '\'')];
    let mut open = [0; 5];
    let mut before = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let after = chars.peek().copied().unwrap_or(' ');
        for (count, &(opener, closer)) in open.iter_mut().zip(&KINDS) {
            if c == opener && !before.is_alphanumeric() && !after.is_whitespace() {
                *count += 1;
            } else if c == closer && !after.is_alphanumeric() && !before.is_whitespace() {
                *count -= 1;
            }
        }
        before = c;
    }
    open
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

/// How many words two texts open with alike.
fn shared_opening(a: &str, b: &str) -> usize {
    a.split_whitespace()
        .zip(b.split_whitespace())
        .take_while(|(a, b)| a == b)
        .count()
}

/// Pairs description lines with the credited caption directly below them.
pub(super) fn pair_captions(lines: &[Line], photo: &mut [Photo], blank_separated: bool) {
    for i in 0..lines.len() {
        let Some((caption, _)) = credit_split(lines[i].text) else {
            continue;
        };
        photo[i] = Photo::Caption;
        if i == 0 || lines[i].blank_before || photo[i - 1] != Photo::None {
            continue;
        }
        let alt = lines[i - 1].text;
        let is = &lines[i - 1].is;
        if is.time.is_some() || is.mark.is_some() || is.label.is_some() || is.byline {
            continue;
        }
        // Without blank lines between paragraphs, only a description that repeats the
        // caption's opening words is safely the photo's.
        let shared = shared_opening(alt, caption);
        // A credit alone on its line credits the line right above it, whatever the page.
        if blank_separated || shared >= 3 || caption.is_empty() {
            photo[i - 1] = Photo::Alt;
        }
    }
}
