//! A small document tree built from a standards-following HTML tokenizer (`tokenizer.rs`).
//!
//! The tokenizer does the hard part the way browsers do: character references, attributes,
//! comments, raw text in `<script>` and `<style>`, and CDATA sections when reading XML. The
//! tree is built here with the few rules live blog pages need: void elements, the end tags
//! that pages leave out (`</p>`, `</li>`, `</td>`), and end tags that close nothing, which
//! are ignored. Every walk over the tree is a loop, so depth costs no stack.

use super::tokenizer::{tokenize, Token};

/// An index into [`Dom::nodes`]. The document itself is node 0.
pub(crate) type NodeId = usize;

/// What a node is.
#[derive(Debug)]
pub(crate) enum Kind {
    /// The document: the root of the tree.
    Document,
    /// An element, its name lowercased.
    Element {
        name: String,
        attrs: Vec<(String, String)>,
    },
    /// Text, character references decoded.
    Text(String),
}

/// One node of the tree.
#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) kind: Kind,
    pub(crate) parent: NodeId,
    pub(crate) children: Vec<NodeId>,
}

/// A parsed document.
#[derive(Debug)]
pub(crate) struct Dom {
    pub(crate) nodes: Vec<Node>,
    /// How many tokenizer errors and unmatched end tags the markup had.
    pub(crate) errors: usize,
    /// Elements still open at the end of the input.
    pub(crate) unclosed: usize,
    /// Each element's `:nth-of-type` position, counted on first use.
    nth: std::cell::OnceCell<Vec<u32>>,
}

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// How many open elements an end tag or an implied end looks through (browsers look
/// through all; real pages close what they opened well within this).
const SCOPE_DEPTH: usize = 256;

/// Elements whose text is never content: code, styling, templates and fallbacks.
pub(crate) const NOT_TEXT: &[&str] = &[
    "script", "style", "template", "noscript", "head", "svg", "math", "iframe", "object", "button",
    "select", "textarea", "input",
];

impl Dom {
    /// Parses HTML, or XML (feeds) when `xml` is set: then no element is void, no end tag
    /// is implied, and CDATA sections are text.
    pub(crate) fn parse(input: &str, xml: bool) -> Dom {
        let mut dom = Dom {
            nodes: vec![Node {
                kind: Kind::Document,
                parent: 0,
                children: Vec::new(),
            }],
            errors: 0,
            unclosed: 0,
            nth: Default::default(),
        };
        let mut open: Vec<NodeId> = vec![0];
        tokenize(input, xml, &mut |token| match token {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                if !xml {
                    dom.close_implied(&mut open, &name);
                }
                let void = self_closing && xml || !xml && VOID.contains(&name.as_str());
                let id = dom.push(*open.last().unwrap_or(&0), Kind::Element { name, attrs });
                if !void {
                    open.push(id);
                }
            }
            Token::End(name) => match dom.open_at(&open, |n| n == name) {
                Some(at) => open.truncate(at),
                None => dom.errors += 1,
            },
            Token::Text(text) => {
                let parent = *open.last().unwrap_or(&0);
                dom.push_text(parent, text);
            }
            Token::Error => dom.errors += 1,
        });
        dom.unclosed = open.len().saturating_sub(1);
        dom
    }

    fn push(&mut self, parent: NodeId, kind: Kind) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            parent,
            children: Vec::new(),
        });
        self.nodes[parent].children.push(id);
        id
    }

    fn push_text(&mut self, parent: NodeId, text: String) {
        if let Some(&last) = self.nodes[parent].children.last() {
            if let Kind::Text(t) = &mut self.nodes[last].kind {
                t.push_str(&text);
                return;
            }
        }
        self.push(parent, Kind::Text(text));
    }

    /// Closes what a start tag implies: an open `<p>` before a block, the previous `<li>`,
    /// `<dt>`/`<dd>`, `<option>`, table row or cell.
    fn close_implied(&mut self, open: &mut Vec<NodeId>, name: &str) {
        let closes: &[&str] = match name {
            "li" => &["li"],
            "dt" | "dd" => &["dt", "dd"],
            "option" => &["option"],
            "tr" => &["tr", "td", "th"],
            "td" | "th" => &["td", "th"],
            _ => &[],
        };
        // Only within the nearest list or table: a nested list's items close nothing above.
        let scope: &[&str] = &[
            "ul", "ol", "dl", "table", "select", "tbody", "thead", "tfoot",
        ];
        if !closes.is_empty() {
            if let Some(at) = self.open_at(open, |e| closes.contains(&e) || scope.contains(&e)) {
                if self.name(open[at]).is_some_and(|e| closes.contains(&e)) {
                    open.truncate(at);
                }
            }
        }
        if CLOSES_P.contains(&name) {
            if let Some(&last) = open.last() {
                if self.is(last, "p") {
                    open.pop();
                }
            }
        }
    }

    /// The position in the open-element stack of the nearest open element whose name
    /// passes `wanted`, looking no deeper than [`SCOPE_DEPTH`]: an end tag that matches
    /// nothing that near is stray, so hostile nesting costs no more per tag.
    fn open_at(&self, open: &[NodeId], wanted: impl Fn(&str) -> bool) -> Option<usize> {
        let floor = open.len().saturating_sub(SCOPE_DEPTH);
        (floor..open.len())
            .rev()
            .find(|&i| self.name(open[i]).is_some_and(&wanted))
    }

    /// The element's name, or `None` for text and the document.
    pub(crate) fn name(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].kind {
            Kind::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    /// Whether `id` is an element named `name`.
    pub(crate) fn is(&self, id: NodeId, name: &str) -> bool {
        self.name(id) == Some(name)
    }

    /// An attribute's value.
    pub(crate) fn attr(&self, id: NodeId, attr: &str) -> Option<&str> {
        match &self.nodes[id].kind {
            Kind::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == attr)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// Whether the element's `class` holds `class`.
    pub(crate) fn has_class(&self, id: NodeId, class: &str) -> bool {
        self.attr(id, "class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == class))
    }

    pub(crate) fn children(&self, id: NodeId) -> &[NodeId] {
        &self.nodes[id].children
    }

    pub(crate) fn parent(&self, id: NodeId) -> Option<NodeId> {
        (id != 0).then_some(self.nodes[id].parent)
    }

    /// Every node under `id` (not `id` itself), in document order.
    pub(crate) fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack: Vec<NodeId> = self.nodes[id].children.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev());
        }
        out
    }

    /// Every element in the document, in document order.
    pub(crate) fn elements(&self) -> impl Iterator<Item = NodeId> + '_ {
        (1..self.nodes.len()).filter(|&n| matches!(self.nodes[n].kind, Kind::Element { .. }))
    }

    /// The element's 1-based position among its parent's children of the same name, as
    /// `:nth-of-type` counts it. Counted for all elements on first use, so that asking for
    /// every post of a 20,000-post stream stays linear.
    pub(crate) fn nth_of_type(&self, id: NodeId) -> usize {
        let nth = self.nth.get_or_init(|| {
            let mut nth = vec![0u32; self.nodes.len()];
            let mut seen: crate::fxhash::FxMap<&str, usize> = Default::default();
            for node in &self.nodes {
                seen.clear();
                for &c in &node.children {
                    if let Some(name) = self.name(c) {
                        let n = seen.entry(name).or_insert(0);
                        *n += 1;
                        nth[c] = *n as u32;
                    }
                }
            }
            nth
        });
        nth[id] as usize
    }

    /// Whether `ancestor` contains `id`.
    pub(crate) fn contains(&self, ancestor: NodeId, mut id: NodeId) -> bool {
        while id != 0 {
            id = self.nodes[id].parent;
            if id == ancestor {
                return true;
            }
        }
        ancestor == 0
    }

    /// The text under `id` with white space collapsed, leaving out what is not text.
    pub(crate) fn text(&self, id: NodeId) -> String {
        collapse(&self.raw_text_under(id))
    }

    /// [`Dom::text`] of `id` and its [`Span`], from one walk.
    pub(crate) fn text_and_span(&self, id: NodeId) -> (String, Span) {
        let raw = self.raw_text_under(id);
        let text = collapse(&raw);
        let span = Span {
            len: text.len(),
            lead: raw.starts_with(char::is_whitespace),
            trail: raw.ends_with(char::is_whitespace),
        };
        (text, span)
    }

    /// The pieces of text under `id`, joined as written: [`Dom::text`] before its white
    /// space is collapsed.
    fn raw_text_under(&self, id: NodeId) -> String {
        let mut raw = String::new();
        self.walk_text(id, None, &mut |t| {
            raw.push_str(t.unwrap_or_default());
            true
        });
        raw
    }

    /// How long [`Dom::text`] of `id` is, counted only as far as `limit` bytes (then
    /// `limit`): asking whether a text is short costs the bound, not the whole subtree. With
    /// `less`, a node inside `id` and its [`Span`], the length is without that node's text
    /// (the join around it kept), the node not read.
    pub(crate) fn text_len_upto(
        &self,
        id: NodeId,
        limit: usize,
        less: Option<(NodeId, Span)>,
    ) -> usize {
        // A node the text leaves out (under a script, a button …) is not met on the way:
        // its length is taken from the whole, as a text without it was measured before.
        if let Some((_, span)) = less.filter(|&(node, _)| !self.reads_to(id, node)) {
            let whole = self.text_len_upto(id, limit.saturating_add(span.len), None);
            return whole.saturating_sub(span.len).min(limit);
        }
        // The length so far (without `less`), whether any text came yet, and whether white
        // space is pending, to be one space before the next text.
        let (mut len, mut any, mut space) = (0, false, false);
        self.walk_text(id, less.map(|(n, _)| n), &mut |piece| {
            let Some(text) = piece else {
                let span = less.map_or(Span::default(), |(_, span)| span);
                if span.len > 0 {
                    len += usize::from((space || span.lead) && any);
                    (any, space) = (true, span.trail);
                } else if span.lead {
                    space = any;
                }
                return len < limit;
            };
            for c in text.chars() {
                if c.is_whitespace() {
                    space = any;
                } else {
                    len += usize::from(space) + c.len_utf8();
                    (any, space) = (true, false);
                    if len >= limit {
                        return false;
                    }
                }
            }
            true
        });
        len.min(limit)
    }

    /// Whether [`Dom::text`] of `id` reads `node`, a node inside it: no element on the way
    /// down to it, itself included, is one whose text is left out.
    fn reads_to(&self, id: NodeId, mut node: NodeId) -> bool {
        while node != id {
            match &self.nodes[node].kind {
                Kind::Element { name, .. } if NOT_TEXT.contains(&name.as_str()) => return false,
                _ => node = self.nodes[node].parent,
            }
            if node == 0 && id != 0 {
                return false;
            }
        }
        true
    }

    /// The raw pieces of text under `id` in document order (a `<br>` a space), each given to
    /// `piece` until it returns false; what is not text left out, and `stand_in` (a node
    /// inside) given as `None` instead of its pieces. Children are walked where they are,
    /// not copied to a stack, so stopping early costs only what was read.
    fn walk_text(
        &self,
        id: NodeId,
        stand_in: Option<NodeId>,
        // Not generic: one copy of the walk for both its callers.
        piece: &mut dyn FnMut(Option<&str>) -> bool,
    ) {
        let mut open: Vec<std::slice::Iter<NodeId>> = Vec::new();
        let mut next = Some(id);
        loop {
            if let Some(n) = next.take() {
                let more = match &self.nodes[n].kind {
                    _ if Some(n) == stand_in => piece(None),
                    Kind::Text(t) => piece(Some(t)),
                    Kind::Element { name, .. } if n != id && NOT_TEXT.contains(&name.as_str()) => {
                        true
                    }
                    Kind::Element { name, .. } if name == "br" => piece(Some(" ")),
                    _ => {
                        open.push(self.nodes[n].children.iter());
                        true
                    }
                };
                if !more {
                    return;
                }
            }
            let Some(children) = open.last_mut() else {
                return;
            };
            match children.next() {
                Some(&child) => next = Some(child),
                None => {
                    open.pop();
                }
            }
        }
    }

    /// The raw text of an element's children (a `<script>`'s source).
    pub(crate) fn raw_text(&self, id: NodeId) -> String {
        self.nodes[id]
            .children
            .iter()
            .filter_map(|&c| match &self.nodes[c].kind {
                Kind::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// What a text is, as [`Dom::text_len_upto`] needs it to leave the text out: its length
/// with white space collapsed, and whether its raw text begins and ends with white space.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) len: usize,
    pub(crate) lead: bool,
    pub(crate) trail: bool,
}

/// Collapses runs of white space (including no-break spaces) to one space and trims.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text_len_upto` against the length of `text` itself, for every node and every node
    /// inside it left out, whole and cut at each bound, on markup with white space at every
    /// edge, line breaks, scripts, empty and blank elements.
    #[test]
    fn text_lengths_counted_as_far_as_asked_agree_with_the_text() {
        let dom = Dom::parse(
            "<div> <h2> Head <b>line</b>  </h2>12.25<br>GMT <span>\u{a0}</span>\
             <p>One  <i>two</i><script>x()</script>three </p><h3></h3><h4> </h4>x<br></div>\
             <section><h2>A</h2> <p>b </p></section>",
            false,
        );
        for n in 0..dom.nodes.len() {
            let whole = dom.text(n).len();
            for limit in [0, 1, 5, 12, usize::MAX] {
                assert_eq!(
                    dom.text_len_upto(n, limit, None),
                    whole.min(limit),
                    "{n} {limit}"
                );
            }
            for h in dom.descendants(n) {
                let less = whole.saturating_sub(dom.text(h).len());
                let span = dom.text_and_span(h).1;
                for limit in [0, 1, 5, 12, usize::MAX] {
                    let counted = dom.text_len_upto(n, limit, Some((h, span)));
                    assert_eq!(counted, less.min(limit), "{n} less {h} {limit}");
                }
            }
        }
    }

    fn names(dom: &Dom, id: NodeId) -> Vec<String> {
        dom.children(id)
            .iter()
            .map(|&c| match &dom.nodes[c].kind {
                Kind::Element { name, .. } => name.clone(),
                Kind::Text(t) => format!("{t:?}"),
                Kind::Document => "#document".into(),
            })
            .collect()
    }

    #[test]
    fn implied_end_tags_and_voids() {
        let dom = Dom::parse(
            "<div><p>One<p>Two<img src=x>three<ul><li>a<li>b</ul></div>",
            false,
        );
        let div = dom.children(0)[0];
        assert_eq!(names(&dom, div), ["p", "p", "ul"]);
        let p2 = dom.children(div)[1];
        assert_eq!(names(&dom, p2), ["\"Two\"", "img", "\"three\""]);
        let ul = dom.children(div)[2];
        assert_eq!(names(&dom, ul), ["li", "li"]);
    }

    #[test]
    fn stray_end_tags_are_ignored_and_counted() {
        let dom = Dom::parse("<p>a</span></div>b</p>", false);
        assert_eq!(dom.text(0), "ab");
        assert_eq!(dom.errors, 2);
    }

    #[test]
    fn scripts_styles_and_comments_are_not_text() {
        let dom = Dom::parse(
            "<p>Hi<script>var s = '<p>no</p>';</script><style>p{}</style><!-- x --> there &amp; &eacute;</p>",
            false,
        );
        assert_eq!(dom.text(0), "Hi there & é");
    }

    #[test]
    fn cdata_is_text_in_xml() {
        let dom = Dom::parse(
            "<item><title>A</title><description><![CDATA[<p>b > c</p>]]></description><link>u</link></item>",
            true,
        );
        let item = dom.children(0)[0];
        assert_eq!(names(&dom, item), ["title", "description", "link"]);
        assert_eq!(dom.raw_text(dom.children(item)[1]), "<p>b > c</p>");
        assert_eq!(dom.raw_text(dom.children(item)[2]), "u");
    }

    #[test]
    fn deep_nesting_needs_no_stack() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let dom = Dom::parse(&html, false);
        assert_eq!(dom.text(0), "deep");
        assert_eq!(dom.descendants(0).len(), 100_001);
    }
}
