//! One module per input format, each producing the same [`crate::LiveBlog`] model.

pub(crate) mod cms;
pub(crate) mod feed;
pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod jsonld;
pub(crate) mod markup;
pub(crate) mod page;
pub(crate) mod text;

/// The formats [`crate::parse_any`] tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Html,
    JsonLd,
    /// A script holding data (`window.__STATE__ = {…}`, a module exporting an object):
    /// read as JSON where it is, else as text.
    Script,
    JsonFeed,
    XmlFeed,
}

/// Tells a format by how the input opens: `{`/`[` (closed at the end) is JSON (a JSON Feed
/// names its version),
/// a script assigning or exporting a bracketed value may hold JSON, `<` is markup (a feed
/// when its root is `rss`, `feed` or RDF), anything else is text.
pub(crate) fn sniff(input: &str) -> Format {
    let start = input.trim_start_matches('\u{feff}').trim_start();
    // The first 1,024 characters, in lower case.
    let end = start
        .char_indices()
        .nth(1024)
        .map_or(start.len(), |(at, _)| at);
    let head = start[..end].to_ascii_lowercase();
    // JSON opens and closes with brackets; text that only opens with one ("[Live] …") is text.
    if start.starts_with(&['{', '['][..]) && start.trim_end().ends_with(&['}', ']'][..]) {
        if head.contains("jsonfeed.org/version") {
            Format::JsonFeed
        } else {
            Format::JsonLd
        }
    } else if [
        "/*", "//", "import ", "export ", "const ", "var ", "let ", "window.",
    ]
    .iter()
    .any(|w| start.starts_with(w))
        && start
            .trim_end()
            .trim_end_matches(';')
            .ends_with(&['}', ']'][..])
    {
        Format::Script
    } else if start.starts_with('<') {
        let root = ["<rss", "<feed", "<rdf:rdf"]
            .iter()
            .any(|r| head.starts_with(r) || head.starts_with("<?xml") && head.contains(r));
        if root {
            Format::XmlFeed
        } else {
            Format::Html
        }
    } else {
        Format::Text
    }
}
