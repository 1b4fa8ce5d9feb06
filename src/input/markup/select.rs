//! The CSS selectors site profiles are written in: type, `#id`, `.class`, attributes
//! (`[a]`, `[a=v]`, `[a^=v]`, `[a*=v]`, `[a~=v]`), the descendant combinator, and lists
//! (`a, b`). Enough to name where an outlet keeps its posts, and no more.

use super::dom::{Dom, NodeId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Exists,
    Equals,
    Prefix,
    Contains,
    Word,
}

/// One compound selector: `article.block#x[data-y=z]`.
#[derive(Debug, Default)]
struct Compound<'a> {
    tag: Option<&'a str>,
    id: Option<&'a str>,
    classes: Vec<&'a str>,
    attrs: Vec<(&'a str, Op, &'a str)>,
}

/// A parsed selector list.
#[derive(Debug)]
pub(crate) struct Selector<'a> {
    /// Each alternative: compounds from the outermost ancestor to the element itself.
    chains: Vec<Vec<Compound<'a>>>,
}

fn ident_end(s: &str) -> usize {
    s.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_' || c == ':'))
        .unwrap_or(s.len())
}

fn compound(mut s: &str) -> Compound<'_> {
    let mut c = Compound::default();
    let end = ident_end(s);
    if end > 0 {
        c.tag = Some(&s[..end]);
        s = &s[end..];
    } else if let Some(rest) = s.strip_prefix('*') {
        s = rest;
    }
    while let Some(first) = s.chars().next() {
        let rest = &s[1..];
        match first {
            '#' | '.' => {
                let end = ident_end(rest);
                if first == '#' {
                    c.id = Some(&rest[..end]);
                } else {
                    c.classes.push(&rest[..end]);
                }
                s = &rest[end..];
            }
            '[' => {
                let close = rest.find(']').unwrap_or(rest.len());
                let body = &rest[..close];
                s = rest.get(close + 1..).unwrap_or("");
                let (name, op, value) = match body.find('=') {
                    None => (body, Op::Exists, ""),
                    Some(eq) => {
                        let (name, op) = match body[..eq].strip_suffix(&['^', '*', '~'][..]) {
                            Some(n) => (
                                n,
                                match body.as_bytes()[eq - 1] {
                                    b'^' => Op::Prefix,
                                    b'*' => Op::Contains,
                                    _ => Op::Word,
                                },
                            ),
                            None => (&body[..eq], Op::Equals),
                        };
                        (name, op, body[eq + 1..].trim_matches(&['"', '\''][..]))
                    }
                };
                c.attrs.push((name.trim(), op, value));
            }
            // Profiles are ours and well-formed; anything else ends the compound.
            _ => break,
        }
    }
    c
}

impl<'a> Selector<'a> {
    pub(crate) fn parse(text: &'a str) -> Selector<'a> {
        Selector {
            chains: text
                .split(',')
                .map(|alt| alt.split_whitespace().map(compound).collect::<Vec<_>>())
                .filter(|chain| !chain.is_empty())
                .collect(),
        }
    }

    /// Whether the element matches.
    pub(crate) fn matches(&self, dom: &Dom, id: NodeId) -> bool {
        self.chains
            .iter()
            .any(|chain| chain_matches(dom, chain, id))
    }

    /// The elements under `root` that match, in document order.
    pub(crate) fn all(&self, dom: &Dom, root: NodeId) -> Vec<NodeId> {
        dom.descendants(root)
            .into_iter()
            .filter(|&n| self.matches(dom, n))
            .collect()
    }

    /// The first element under `root` that matches.
    pub(crate) fn first(&self, dom: &Dom, root: NodeId) -> Option<NodeId> {
        dom.descendants(root)
            .into_iter()
            .find(|&n| self.matches(dom, n))
    }
}

fn chain_matches(dom: &Dom, chain: &[Compound], id: NodeId) -> bool {
    let Some((last, ancestors)) = chain.split_last() else {
        return false;
    };
    if !compound_matches(dom, last, id) {
        return false;
    }
    // Descendant combinators only: matching each ancestor greedily is exact.
    let mut node = id;
    for wanted in ancestors.iter().rev() {
        loop {
            match dom.parent(node) {
                Some(p) => {
                    node = p;
                    if compound_matches(dom, wanted, node) {
                        break;
                    }
                }
                None => return false,
            }
        }
    }
    true
}

fn compound_matches(dom: &Dom, c: &Compound, id: NodeId) -> bool {
    let Some(name) = dom.name(id) else {
        return false;
    };
    c.tag.is_none_or(|t| t.eq_ignore_ascii_case(name))
        && c.id.is_none_or(|i| dom.attr(id, "id") == Some(i))
        && c.classes.iter().all(|cl| dom.has_class(id, cl))
        && c.attrs.iter().all(|&(attr, op, value)| {
            dom.attr(id, attr).is_some_and(|v| match op {
                Op::Exists => true,
                Op::Equals => v == value,
                Op::Prefix => v.starts_with(value),
                Op::Contains => v.contains(value),
                Op::Word => v.split_ascii_whitespace().any(|w| w == value),
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_match_as_css_does() {
        let dom = Dom::parse(
            r#"<main id="m"><article id="block-1" class="block live"><h2>A</h2></article>
               <article class="post" data-kind="key event"><h2>B</h2></article>
               <div itemprop="liveBlogUpdate"><h2>C</h2></div></main>"#,
            false,
        );
        let count = |s: &str| Selector::parse(s).all(&dom, 0).len();
        assert_eq!(count("article.block"), 1);
        assert_eq!(count("article[id^=block-]"), 1);
        assert_eq!(count("[data-kind~=key]"), 1);
        assert_eq!(count("[data-kind*=ey]"), 1);
        assert_eq!(count("[itemprop=liveBlogUpdate] h2"), 1);
        assert_eq!(count("#m h2"), 3);
        assert_eq!(count("section h2"), 0);
        assert_eq!(count("article.live, div[itemprop]"), 2);
        assert_eq!(count("*"), 7);
        // Profiles leave parts empty: an empty selector finds nothing.
        assert_eq!(count(""), 0);
    }
}
