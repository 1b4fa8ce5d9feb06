//! The "nothing lost" oracle, line by line: every non-blank input line lands once, whole, in
//! the part of the model it belongs to (the update whose span holds it, or the header), and
//! the body paragraphs keep the order of the lines they came from.
//!
//! Written apart from the parser: it reads the input's lines itself and compares letters and
//! digits only, so the marks a parser drops (`–`, `**`, `•`, a number's full stop) do not
//! count, while every word, number and name does.

use liveblog_index::{Image, LiveBlog, TextPart, Update};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A non-blank line of the input: its byte range (trimmed) and text.
struct InputLine<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Splits at `\n`, `\r\n` and `\r`, keeping non-blank lines with their trimmed ranges.
fn input_lines(input: &str) -> Vec<InputLine<'_>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in input.split_inclusive(['\n', '\r']) {
        let body = raw.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let text = body.trim();
        if !text.is_empty() {
            let start = offset + lead;
            lines.push(InputLine {
                start,
                end: start + text.len(),
                text,
            });
        }
        offset += raw.len();
    }
    lines
}

/// Letters and digits only.
fn alnum(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// What the model holds for one part of the page: text in order (paragraphs, header
/// lines) and text in any order (headline, time, captions ...).
#[derive(Default)]
struct Part {
    name: String,
    ordered: Vec<String>,
    unordered: Vec<String>,
    lines: Vec<String>,
}

fn add_image(part: &mut Part, image: &Image) {
    for piece in [&image.alt, &image.caption, &image.credit]
        .into_iter()
        .flatten()
    {
        part.unordered.push(piece.clone());
    }
}

fn parts_of(blog: &LiveBlog) -> (Part, Vec<Part>) {
    let mut header = Part {
        name: "the header".into(),
        ..Part::default()
    };
    header.unordered.extend(
        [&blog.title, &blog.summary, &blog.source]
            .into_iter()
            .flatten()
            .cloned(),
    );
    header.ordered.extend(blog.header.iter().cloned());
    for image in &blog.images {
        add_image(&mut header, image);
    }
    let updates = blog
        .updates
        .iter()
        .map(|u| {
            let mut part = Part {
                name: format!("update {}", u.id),
                ..Part::default()
            };
            part.unordered.extend(u.number.map(|n| n.to_string()));
            part.unordered.extend(
                [&u.day_heading, &u.headline, &u.time, &u.byline]
                    .into_iter()
                    .flatten()
                    .chain(&u.labels)
                    .cloned(),
            );
            part.ordered.extend(u.paragraphs.iter().cloned());
            for image in &u.images {
                add_image(&mut part, image);
            }
            part
        })
        .collect();
    (header, updates)
}

fn char_counts(texts: &[String], into: &mut BTreeMap<char, i64>, sign: i64) {
    for text in texts {
        for c in text.chars().filter(|c| c.is_alphanumeric()) {
            *into.entry(c).or_default() += sign;
        }
    }
}

/// Whether the part's model text is exactly its lines' text: the same letters and digits,
/// each ordered piece found in the lines after the one before it, each other piece found.
fn check_part(part: &Part) -> Result<(), String> {
    let mut balance = BTreeMap::new();
    char_counts(&part.lines, &mut balance, 1);
    char_counts(&part.ordered, &mut balance, -1);
    char_counts(&part.unordered, &mut balance, -1);
    balance.retain(|_, n| *n != 0);
    let show = || format!("its lines: {:#?}", part.lines);
    if !balance.is_empty() {
        return Err(format!(
            "{}: letters lost (+) or doubled (-): {balance:?}; {}",
            part.name,
            show()
        ));
    }
    let stream: String = part.lines.iter().map(|l| alnum(l)).collect();
    let mut from = 0;
    for piece in &part.ordered {
        let piece = alnum(piece);
        match stream[from..].find(&piece) {
            Some(at) => from += at + piece.len(),
            None => {
                return Err(format!(
                    "{}: {piece:?} is not where its lines are (out of order or moved); {}",
                    part.name,
                    show()
                ))
            }
        }
    }
    for piece in &part.unordered {
        if !stream.contains(&alnum(piece)) {
            return Err(format!(
                "{}: {piece:?} is in no line of its own; {}",
                part.name,
                show()
            ));
        }
    }
    Ok(())
}

/// The line oracle: every non-blank line of `input` lies whole inside one update's span, or
/// before the first update or after the last (the header: title, summary, header lines,
/// photos, source), and each part of the model holds exactly the letters and digits of its
/// lines, with paragraphs (and header lines) in the order of the lines.
pub fn check_lines(input: &str, blog: &LiveBlog) -> Result<(), String> {
    let (mut header, mut updates) = parts_of(blog);
    let mut next = 0;
    for line in input_lines(input) {
        while next < blog.updates.len() && blog.updates[next].span.end <= line.start {
            next += 1;
        }
        let owner = match blog.updates.get(next) {
            Some(u) if u.span.start <= line.start => {
                if line.end > u.span.end {
                    return Err(format!(
                        "line {:?} runs past the end of update {}",
                        line.text, u.id
                    ));
                }
                &mut updates[next]
            }
            _ if next == 0 || next == blog.updates.len() => &mut header,
            _ => {
                return Err(format!(
                    "line {:?} lies between updates, in none",
                    line.text
                ))
            }
        };
        owner.lines.push(line.text.to_string());
    }
    check_part(&header)?;
    for part in &updates {
        check_part(part)?;
    }
    Ok(())
}

/// [`check_lines`] as an assertion.
#[allow(dead_code)] // each test binary uses the checks it needs
pub fn assert_lines(input: &str, blog: &LiveBlog) {
    if let Err(e) = check_lines(input, blog) {
        panic!("lines lost, doubled or misplaced: {e}\ninput: {input:?}");
    }
}

/// Update spans lie inside the input, on character boundaries, in order, without overlap.
pub fn check_spans(input: &str, blog: &LiveBlog) {
    let mut previous_end = 0;
    for update in &blog.updates {
        let span = update.span;
        assert!(
            span.start <= span.end && span.end <= input.len(),
            "span {span:?} outside the input"
        );
        assert!(input.is_char_boundary(span.start) && input.is_char_boundary(span.end));
        assert!(
            span.start >= previous_end,
            "update {} overlaps the one before",
            update.id
        );
        previous_end = span.end;
    }
}

/// Every quote points at real text: its span slices the text it names and holds its words
/// (the first paragraph's share for a quote over several); ids are unique; a repeat points
/// back to a quote said earlier.
pub fn check_quotes(blog: &LiveBlog) {
    // Updates by id through a map, and ids through a set: the fuzzers hand this megabyte
    // inputs with thousands of updates and quotes.
    let updates: HashMap<&str, &Update> = blog.updates.iter().map(|u| (u.id.as_str(), u)).collect();
    let mut seen: HashSet<&str> = HashSet::new();
    for quote in &blog.quotes {
        let update = quote
            .update_id
            .as_ref()
            .map(|id| *updates.get(id.as_str()).expect("a quote's update exists"));
        let text: &str = match (quote.part, update) {
            (TextPart::Headline, Some(u)) => {
                u.headline.as_deref().expect("the update has a headline")
            }
            (TextPart::Paragraph, Some(u)) => &u.paragraphs[quote.index],
            (TextPart::Caption, Some(u)) => {
                u.images[quote.index].caption.as_deref().expect("a caption")
            }
            (TextPart::Title, None) => blog.title.as_deref().expect("the blog has a title"),
            (TextPart::Summary, None) => blog.summary.as_deref().expect("the blog has a summary"),
            (TextPart::Header, None) => &blog.header[quote.index],
            other => panic!("quote {} in an impossible place: {other:?}", quote.id),
        };
        let span = quote.span;
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{}: span outside its text",
            quote.id
        );
        let slice = text
            .get(span.start..span.end)
            .expect("spans fall on character boundaries");
        assert!(
            quote.text.starts_with(slice.trim()),
            "{}: {:?} does not start with {slice:?}",
            quote.id,
            quote.text
        );
        assert!(seen.insert(quote.id.as_str()), "duplicate id {}", quote.id);
    }
    // A repeat names a quote said earlier: ids are numbered by the updates' age (the
    // header first), whatever the page's order, so a smaller one. A headline's quote may name
    // the body's quote that says its words in full (never a headline's, never a repeat: no
    // chains, no cycles).
    let at: HashMap<&str, usize> = blog
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let number = |id: &str| id.strip_prefix('q').and_then(|n| n.parse::<u64>().ok());
    for quote in &blog.quotes {
        let Some(target) = &quote.same_as else {
            continue;
        };
        let t = &blog.quotes[*at.get(target.as_str()).expect("a repeat names a quote")];
        let echo = quote.in_headline && !t.in_headline;
        assert!(
            matches!((number(target), number(&quote.id)), (Some(a), Some(b)) if a < b) || echo,
            "{} repeats {target}, a later quote and not its body's",
            quote.id
        );
        assert!(t.same_as.is_none(), "{target} is itself a repeat");
    }
}
