//! Posts with no element of their own: a flat run of siblings in which an opener starts
//! each post and the siblings after it, up to the next opener, are its body.
//!
//! ```html
//! <h2>12.31 Uhr: Headline</h2> <p>Body</p> <p>More</p>
//! <p><strong>17.00</strong> Body</p> <p>More</p>
//! ```
//!
//! An opener is a paragraph or a heading (`<h2>` to `<h6>`) whose text starts with a clock
//! time; the stream is the largest set of openers of one tag among the children of one
//! element, three or more. An article's subheadings carry no times, so an article stays an
//! article.
//!
//! A sports page's commentary runs so too, each paragraph opened by the match's clock in an
//! element of its own (`<p><strong>49.6</strong> Bowler to Batter, no run</p>`,
//! `<p><b>78'</b> …</p>`): its openers are the paragraphs the clocked run of element-per-post
//! pages takes ([`super::clocked`]: two or more, three words after the clock, one kind of
//! clock running one way), so a scorecard or a list of scores is no stream.

use super::anchor;
use crate::clock::clock_at;
use crate::input::markup::body_of;
use crate::input::markup::dom::{collapse, Dom, Kind, NodeId, NOT_TEXT};
use crate::input::markup::select::Selector;
use crate::input::page::Draft;

/// The fewest openers of one tag that make a stream.
const MIN_POSTS: usize = 3;

/// How many nodes, and how many bytes of text, an element's opening words are read from:
/// enough for a time and its separator, and a bound that keeps the search linear.
const LEAD_NODES: usize = 32;
const LEAD_BYTES: usize = 48;

/// The elements that may open a post.
const OPENERS: &[&str] = &["p", "h2", "h3", "h4", "h5", "h6"];

/// Where a page's flat stream runs: the element whose children it is, its openers' tag,
/// and whether they open with the match's clock rather than a clock time.
#[derive(Clone, Copy)]
pub(super) struct Stream {
    pub parent: NodeId,
    pub tag: &'static str,
    pub clocked: bool,
}

/// The flat stream of a page, if it has one: the most openers of one tag among one
/// element's children, three or more, or the paragraphs the match's clock opens, two or
/// more.
pub(super) fn stream(dom: &Dom) -> Option<Stream> {
    let mut best: Option<(usize, Stream)> = None;
    for parent in 0..dom.nodes.len() {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for &c in dom.children(parent) {
            let Some(tag) = opener(dom, c) else { continue };
            match counts.iter_mut().find(|(t, _)| *t == tag) {
                Some((_, n)) => *n += 1,
                None => counts.push((tag, 1)),
            }
        }
        let clocked = clocked_paragraphs(dom, parent)
            .iter()
            .filter(|&&c| c)
            .count();
        let candidates = counts
            .into_iter()
            .filter(|&(_, n)| n >= MIN_POSTS)
            .map(|(tag, n)| (n, false, tag))
            .chain((clocked >= 2).then_some((clocked, true, "p")));
        for (n, clocked, tag) in candidates {
            if best.as_ref().is_none_or(|(most, _)| n > *most) {
                let stream = Stream {
                    parent,
                    tag,
                    clocked,
                };
                best = Some((n, stream));
            }
        }
    }
    best.map(|(_, s)| s)
}

/// Whether the match's clock opens each paragraph among `parent`'s children, in their
/// order, as a post of a clocked run (see [`super::clocked`]).
fn clocked_paragraphs(dom: &Dom, parent: NodeId) -> Vec<bool> {
    let paragraphs: Vec<NodeId> = dom
        .children(parent)
        .iter()
        .copied()
        .filter(|&c| dom.is(c, "p"))
        .collect();
    super::clocked(dom, &paragraphs)
}

/// The stream's posts, opener by opener.
pub(super) fn posts(dom: &Dom, stream: &Stream, url: Option<&str>) -> Vec<Draft> {
    let Stream {
        parent,
        tag,
        clocked,
    } = *stream;
    // Whether each paragraph opens a clocked stream's post, paragraph by paragraph.
    let mut clocked_opens = match clocked {
        true => clocked_paragraphs(dom, parent),
        false => Vec::new(),
    }
    .into_iter();
    // Each opener and the siblings after it. A heading of the openers' kind without a time
    // ends a post: what follows it ("More on this story") is no post's.
    let mut runs: Vec<Vec<NodeId>> = Vec::new();
    let mut open = false;
    for &c in dom.children(parent) {
        let opens = match clocked {
            true => dom.is(c, "p") && clocked_opens.next() == Some(true),
            false => opener(dom, c) == Some(tag),
        };
        if opens {
            runs.push(vec![c]);
            open = true;
        } else if tag != "p" && dom.is(c, tag) {
            open = false;
        } else if let Some(run) = runs.last_mut().filter(|_| open) {
            run.push(c);
        }
    }
    runs.iter()
        .map(|run| draft(dom, run, clocked, url))
        .collect()
}

/// The opener's tag, when `n` is a paragraph or heading whose text starts with a time.
fn opener(dom: &Dom, n: NodeId) -> Option<&'static str> {
    let name = dom.name(n)?;
    let tag = OPENERS.iter().copied().find(|&t| t == name)?;
    opening_time(&lead(dom, n)).map(|_| tag)
}

/// The first words of an element's text, read from a bounded number of its nodes.
pub(super) fn lead(dom: &Dom, n: NodeId) -> String {
    let mut text = String::new();
    let mut stack = vec![n];
    let mut seen = 0;
    while let Some(at) = stack.pop() {
        seen += 1;
        if seen > LEAD_NODES || text.len() >= LEAD_BYTES {
            break;
        }
        match &dom.nodes[at].kind {
            Kind::Text(t) => text.push_str(t),
            Kind::Element { name, .. } if at != n && NOT_TEXT.contains(&name.as_str()) => {}
            Kind::Element { name, .. } if name == "br" => text.push(' '),
            _ => stack.extend(dom.children(at).iter().rev()),
        }
    }
    collapse(&text)
}

/// The clock time a line opens with ("12.31 Uhr: …", "17.00 …", "2.05pm - …", "14 h 30 …"):
/// the time as written (the French spaced hour mark closed up, "14h30", as clocks read it),
/// and how many bytes it takes with a clock word after it ("Uhr", "h") and the separator
/// before the rest.
fn opening_time(text: &str) -> Option<(String, usize)> {
    let (time, mut at) = match clock_at(text) {
        Some(clock) => (text[..clock.len].trim_end().to_string(), clock.len),
        None => spaced_clock(text)?,
    };
    for word in [" Uhr", " h"] {
        let rest = &text[at..];
        if rest.starts_with(word) && !rest[word.len()..].starts_with(char::is_alphanumeric) {
            at += word.len();
            break;
        }
    }
    let rest = text[at..].trim_start_matches(&[' ', ':', '-', '–', '—', '|', ',', '.'][..]);
    Some((time, text.len() - rest.len()))
}

/// "14 h 30" at the start of `text`, as "14h30", and the bytes it takes.
fn spaced_clock(text: &str) -> Option<(String, usize)> {
    let (hour, rest) = text.split_once(" h ")?;
    let minute = rest.get(..2)?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ends = !rest[2..].starts_with(char::is_alphanumeric);
    let valid = hour.len() <= 2 && hour.parse::<u32>().ok()? <= 23 && minute < "60";
    (digits(hour) && digits(minute) && ends && valid)
        .then(|| (format!("{hour}h{minute}"), hour.len() + 5))
}

/// One post: its opener and body. A heading opener's words after the time are the
/// headline; a paragraph opener's are its first paragraph, unless a short bold run opens
/// them (`<p><strong>17.00</strong> <b>Headline</b> Body</p>`). The match's clock opening a
/// clocked stream's paragraph is its time as written, and no headline.
fn draft(dom: &Dom, run: &[NodeId], clocked: bool, url: Option<&str>) -> Draft {
    let opener = run[0];
    let mut draft = Draft::default();
    let update = &mut draft.update;
    update.anchor = Some(anchor(dom, opener));
    let clock = clocked
        .then(|| super::head_clock(dom, opener))
        .flatten()
        .map(|(n, _, _)| dom.text(n).trim().to_string());
    let opening = |text: &str| match &clock {
        Some(c) => {
            let rest = text.strip_prefix(c.as_str())?;
            Some((c.clone(), text.len() - rest.trim_start().len()))
        }
        None => opening_time(text),
    };
    let read = if dom.is(opener, "p") {
        let mut read = body_of(dom, run, &[], url);
        if let Some(first) = read.paragraphs.first_mut() {
            if let Some((time, taken)) = opening(first) {
                update.time = Some(time);
                let rest = first[taken..].to_string();
                let bold = Selector::parse("strong, b")
                    .all(dom, opener)
                    .into_iter()
                    .map(|b| dom.text(b))
                    .map(|b| match opening(&b) {
                        Some((_, taken)) => b[taken..].to_string(),
                        None => b,
                    })
                    .find(|b| !b.is_empty());
                let headline = bold.filter(|b| {
                    b.split_whitespace().count() <= 20
                        && !b.ends_with(&['.', ':', ',', ';'][..])
                        && rest.starts_with(b.as_str())
                });
                *first = match headline {
                    Some(h) => {
                        let after =
                            rest[h.len()..].trim_start_matches(&[' ', ':', '-', '–', '—'][..]);
                        update.headline = Some(h);
                        after.to_string()
                    }
                    None => rest,
                };
            }
        }
        read.paragraphs.retain(|p| !p.is_empty());
        read
    } else {
        let text = dom.text(opener);
        if let Some((time, taken)) = opening_time(&text) {
            update.time = Some(time);
            update.headline = Some(text[taken..].to_string()).filter(|h| !h.is_empty());
        }
        body_of(dom, &run[1..], &[], url)
    };
    update.paragraphs = read.paragraphs;
    update.images = read.images;
    update.links = read.links;
    draft
}

#[cfg(test)]
mod tests {
    use super::opening_time;

    #[test]
    fn opening_times_as_pages_write_them() {
        let cases = [
            ("12.31 Uhr: Headline", Some(("12.31", "Headline"))),
            ("17.00 Body text", Some(("17.00", "Body text"))),
            ("14h30 - Titre", Some(("14h30", "Titre"))),
            ("14 h 30 : Titre", Some(("14h30", "Titre"))),
            ("9 h 05", Some(("9h05", ""))),
            ("Il est 14 h 30", None),
            ("14 h 3000", None),
            ("2.05pm BST: Words", Some(("2.05pm BST", "Words"))),
            ("9:15", Some(("9:15", ""))),
            ("12.5 million people", None),
            ("Headline at 12:31", None),
        ];
        for (text, want) in cases {
            let got = opening_time(text);
            let got = got.as_ref().map(|(t, taken)| (t.as_str(), &text[*taken..]));
            assert_eq!(got, want, "{text}");
        }
    }
}
