//! Markup, as every structured reader meets it: a small tolerant HTML tree ([`dom`], built
//! by [`tokenizer`]), CSS selectors over it ([`select`]), and a body of markup read into
//! paragraphs, photos and links ([`read_body`]). The page, JSON-LD and feed readers use
//! this module; it uses none of them.

pub(crate) mod dom;
pub(crate) mod select;
mod tokenizer;

use self::dom::{collapse, Dom, Kind, NodeId, NOT_TEXT};
use self::select::Selector;
use crate::model::Image;

/// Elements that hold their own lines of text.
pub(crate) const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figcaption",
    "address",
    "details",
    "summary",
    "hr",
    "blockquote",
    "caption",
];

/// Reads a post body from JSON-LD or a feed: HTML into paragraphs, photos and links; plain
/// text into a paragraph per line.
pub(crate) fn read_body(text: &str, html: bool, url: Option<&str>) -> Body {
    if html {
        let dom = Dom::parse(text, false);
        return body(&dom, 0, &[], url);
    }
    Body {
        paragraphs: text
            .lines()
            .map(decoded)
            .filter(|l| !l.is_empty())
            .collect(),
        ..Body::default()
    }
}

/// Plain text with white space collapsed and any character references (`&#39;`,
/// `&ldquo;`) decoded, as JSON-LD and feeds often leave them.
pub(crate) fn decoded(text: &str) -> String {
    if text.contains('&') {
        Dom::parse(text, false).text(0)
    } else {
        collapse(text)
    }
}

/// Whether a body holds markup rather than plain text.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "<p",
        "<br",
        "<div",
        "<figure",
        "<blockquote",
        "<ul",
        "<a ",
        "<img",
        "<h2",
        "<h3",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// What a post's body holds.
#[derive(Debug, Default)]
pub(crate) struct Body {
    pub paragraphs: Vec<String>,
    pub images: Vec<Image>,
    pub links: Vec<String>,
}

/// The lines of text under `root` (a line per block element or `<br>`), its photos and
/// links, leaving out `skip` and what is not text. A `<blockquote>` becomes one paragraph
/// in quote marks, its `<cite>` or closing "— Name" line after it as the attribution.
pub(crate) fn body(dom: &Dom, root: NodeId, skip: &[NodeId], url: Option<&str>) -> Body {
    body_of(dom, dom.children(root), skip, url)
}

/// Like [`body`], for a run of sibling nodes read as one body (a post that has no element
/// of its own: its opener and the siblings after it).
pub(crate) fn body_of(dom: &Dom, nodes: &[NodeId], skip: &[NodeId], url: Option<&str>) -> Body {
    enum Step {
        Enter(NodeId),
        Exit(NodeId),
    }
    // Looked up once per node: sorted (by the crate's one sort), however many the page
    // skips.
    let mut skip = skip.to_vec();
    crate::sorting::sort_by_rank(&mut skip, |&n| n as u64);
    let mut out = Body::default();
    let mut line = String::new();
    // Open blockquotes: where their lines start, and which of their lines attribute.
    let mut quotes: Vec<(usize, Option<usize>)> = Vec::new();
    let mut stack: Vec<Step> = nodes.iter().rev().map(|&c| Step::Enter(c)).collect();
    let flush = |line: &mut String, lines: &mut Vec<String>| {
        let text = collapse(line);
        line.clear();
        if !text.is_empty() {
            lines.push(text);
        }
    };
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(n) => {
                let (name, _) = match &dom.nodes[n].kind {
                    Kind::Text(t) => {
                        line.push_str(t);
                        continue;
                    }
                    Kind::Element { name, attrs } => (name.as_str(), attrs),
                    Kind::Document => continue,
                };
                if skip.binary_search(&n).is_ok()
                    || NOT_TEXT.contains(&name)
                    || dom.attr(n, "hidden").is_some()
                    || dom.attr(n, "aria-hidden") == Some("true")
                {
                    continue;
                }
                match name {
                    "br" => {
                        flush(&mut line, &mut out.paragraphs);
                        continue;
                    }
                    "figure" | "picture" => {
                        flush(&mut line, &mut out.paragraphs);
                        if let Some(image) = image(dom, n) {
                            out.images.push(image);
                        }
                        continue;
                    }
                    "img" => {
                        if let Some(alt) =
                            dom.attr(n, "alt").map(collapse).filter(|a| !a.is_empty())
                        {
                            out.images.push(Image {
                                alt: Some(alt),
                                ..Image::default()
                            });
                        }
                        continue;
                    }
                    "a" => {
                        if let Some(link) = dom.attr(n, "href").and_then(|h| absolute(h, url)) {
                            if !out.links.contains(&link) {
                                out.links.push(link);
                            }
                        }
                    }
                    _ => {}
                }
                let in_quote = !quotes.is_empty();
                let attribution = in_quote && matches!(name, "cite" | "footer");
                if BLOCKS.contains(&name) || attribution {
                    flush(&mut line, &mut out.paragraphs);
                    stack.push(Step::Exit(n));
                }
                if name == "blockquote" {
                    quotes.push((out.paragraphs.len(), None));
                }
                stack.extend(dom.children(n).iter().rev().map(|&c| Step::Enter(c)));
            }
            Step::Exit(n) => {
                flush(&mut line, &mut out.paragraphs);
                let name = dom.name(n).unwrap_or("");
                if matches!(name, "cite" | "footer") {
                    if let Some(q) = quotes.last_mut() {
                        q.1 = Some(out.paragraphs.len().saturating_sub(1));
                    }
                }
                if name == "blockquote" {
                    if let Some((start, cite)) = quotes.pop() {
                        let lines = out.paragraphs.split_off(start.min(out.paragraphs.len()));
                        if let Some(p) = quoted(lines, cite.map(|c| c.saturating_sub(start))) {
                            out.paragraphs.push(p);
                        }
                    }
                }
            }
        }
    }
    flush(&mut line, &mut out.paragraphs);
    out
}

/// A blockquote's lines as one paragraph: the words in quote marks (unless the page wrote
/// them), then the attribution, which is its `<cite>`/`<footer>` line or a last line
/// opening with a dash.
fn quoted(mut lines: Vec<String>, cite: Option<usize>) -> Option<String> {
    let dash = |l: &str| l.starts_with(&['—', '–', '-', '―'][..]);
    let cite = cite.filter(|&c| c < lines.len()).or_else(|| {
        lines
            .len()
            .checked_sub(1)
            .filter(|&l| l > 0 && dash(&lines[l]))
    });
    let attribution = cite.map(|c| lines.remove(c));
    let words = lines.join(" ");
    if words.is_empty() {
        return attribution;
    }
    // The page's own marks, at either end ("…deliveries to Russia”."), are kept.
    let opened = words.starts_with(&['“', '"', '‘', '«', '„'][..]);
    let closed = words
        .trim_end_matches(&['.', ',', ';'][..])
        .ends_with(&['”', '"', '»'][..]);
    let mut p = match (opened, closed) {
        (true, _) => words,
        (false, true) => format!("“{words}"),
        (false, false) => format!("“{words}”"),
    };
    if let Some(a) = attribution {
        let a = a.trim_start_matches(&['—', '–', '-', '―', ' '][..]);
        if !a.is_empty() {
            p.push_str(" – ");
            p.push_str(a);
        }
    }
    Some(p)
}

/// A photo: the image's alt text, the caption, and the credit (an element whose class
/// names a credit, else the caption's own credit line).
fn image(dom: &Dom, figure: NodeId) -> Option<Image> {
    let img = Selector::parse("img").first(dom, figure);
    let alt = img
        .and_then(|i| dom.attr(i, "alt"))
        .map(collapse)
        .filter(|a| !a.is_empty());
    let credit_node = dom.descendants(figure).into_iter().find(|&n| {
        dom.attr(n, "class").is_some_and(|c| {
            let c = c.to_ascii_lowercase();
            c.contains("credit") || c.contains("copyright")
        }) || matches!(
            dom.attr(n, "itemprop"),
            Some("copyrightHolder" | "creditText")
        )
    });
    let (mut caption, mut credit) = (None, None);
    if let Some(fc) = Selector::parse("figcaption").first(dom, figure) {
        let text = match credit_node {
            Some(c) if dom.contains(fc, c) => {
                let all = dom.text(fc);
                let cr = dom.text(c);
                credit = Some(cr.clone()).filter(|c| !c.is_empty());
                all.replacen(&cr, "", 1).trim().to_string()
            }
            _ => dom.text(fc),
        };
        match crate::input::text::credit_split(&text) {
            Some((cap, cr)) if credit.is_none() => {
                caption = Some(cap.to_string()).filter(|c| !c.is_empty());
                credit = Some(cr.to_string());
            }
            _ => caption = Some(text).filter(|c| !c.is_empty()),
        }
    }
    if credit.is_none() {
        credit = credit_node.map(|c| dom.text(c)).filter(|c| !c.is_empty());
    }
    (alt.is_some() || caption.is_some() || credit.is_some() || img.is_some()).then_some(Image {
        alt,
        caption,
        credit,
    })
}

/// An absolute web address for `href`, resolved against the page's `url` when relative.
pub(crate) fn absolute(href: &str, url: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.starts_with("https://") || href.starts_with("http://") {
        return Some(href.to_string());
    }
    if let Some(rest) = href.strip_prefix("//") {
        return Some(format!("https://{rest}"));
    }
    let url = url?;
    let scheme_end = url.find("://")? + 3;
    let origin_end = url[scheme_end..]
        .find('/')
        .map_or(url.len(), |i| scheme_end + i);
    if href.starts_with('/') {
        return Some(format!("{}{href}", &url[..origin_end]));
    }
    if href.is_empty() || href.starts_with('#') || href.contains(':') {
        return None;
    }
    let dir_end = url[origin_end..]
        .rfind('/')
        .map_or(url.len(), |i| origin_end + i);
    Some(format!("{}/{href}", &url[..dir_end]))
}
