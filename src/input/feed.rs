//! Feeds → [`LiveBlog`]: RSS 2.0, Atom and JSON Feed 1.1, each item a post.
//!
//! RSS and Atom are read with the same tokenizer as HTML, in its XML mode (CDATA sections
//! are text, no element is void). Item bodies are HTML (`content:encoded`, `description`,
//! Atom `content type="html"`, `content_html`) or plain text.

use super::json::Value;

use super::jsonld::lenient_json;
use super::markup::dom::{collapse, Dom, NodeId};
use super::markup::{looks_like_html, read_body};
use super::page::{finish, Draft, Page, ReadOptions};
use crate::clock::read_instant;
use crate::model::{Image, LiveBlog, Order};
use crate::Error;

/// Reads an RSS 2.0 or Atom document.
pub(crate) fn parse_xml_feed(text: &str, options: &ReadOptions) -> LiveBlog {
    let dom = Dom::parse(text, true);
    let child = |parent: NodeId, names: &[&str]| {
        names.iter().find_map(|name| {
            dom.children(parent)
                .iter()
                .copied()
                .find(|&c| dom.is(c, name))
        })
    };
    let child_text = |parent: NodeId, names: &[&str]| {
        child(parent, names)
            .map(|n| collapse(&dom.raw_text(n)))
            .filter(|t| !t.is_empty())
    };
    let elements: Vec<NodeId> = dom.elements().collect();
    let atom = elements.iter().any(|&n| dom.is(n, "feed"));
    let channel = elements
        .iter()
        .copied()
        .find(|&n| dom.is(n, if atom { "feed" } else { "channel" }))
        .unwrap_or(0);
    let mut page = Page {
        title: child_text(channel, &["title"]),
        summary: child_text(channel, &["description", "subtitle"]),
        format: if atom { "atom" } else { "rss" }.into(),
        // Feeds and JSON-LD list posts in any order; readers expect the latest first.
        order: Some(Order::NewestFirst),
        ..Page::default()
    };
    let item_name = if atom { "entry" } else { "item" };
    for &item in elements.iter().filter(|&&n| dom.is(n, item_name)) {
        let mut draft = Draft::default();
        let written = child_text(item, &["pubdate", "published", "dc:date", "updated"]);
        draft.when = written.as_deref().and_then(read_instant);
        draft.update.time = written;
        draft.update.headline = child_text(item, &["title"]).map(|t| {
            // A title may itself be escaped markup.
            if looks_like_html(&t) {
                read_body(&t, true, None).paragraphs.join(" ")
            } else {
                t
            }
        });
        // The richest body: full content before a summary.
        let body = child(
            item,
            &["content:encoded", "content", "description", "summary"],
        );
        if let Some(body) = body {
            let raw = dom.raw_text(body);
            let html = dom.attr(body, "type").is_none_or(|t| t != "text") && looks_like_html(&raw);
            draft.set_body(read_body(&raw, html, options.url.as_deref()));
            if raw.trim().is_empty() {
                // Atom's `type="xhtml"`: the markup is the element's children.
                draft.update.paragraphs = read_xhtml(&dom, body);
            }
        }
        for media in dom.descendants(item) {
            let is_image = dom.is(media, "media:content") || dom.is(media, "enclosure");
            let kind = dom.attr(media, "type").or(dom.attr(media, "medium"));
            if is_image && kind.is_some_and(|k| k.starts_with("image")) {
                draft.update.images.push(Image {
                    caption: child_text(media, &["media:description", "media:title"]),
                    credit: child_text(media, &["media:credit"]),
                    ..Image::default()
                });
            }
        }
        let link = if atom {
            child(item, &["link"]).and_then(|l| dom.attr(l, "href").map(str::to_string))
        } else {
            child_text(item, &["link", "guid"])
        };
        draft.update.anchor = fragment(link.as_deref());
        page.drafts.push(draft);
    }
    finish(page, options)
}

/// Reads a JSON Feed 1.x document.
pub(crate) fn parse_json_feed(text: &str, options: &ReadOptions) -> Result<LiveBlog, Error> {
    let json = lenient_json(text)?;
    let s = |v: &Value, key: &str| {
        v.get(key)
            .and_then(Value::as_str)
            .map(collapse)
            .filter(|t| !t.is_empty())
    };
    let mut page = Page {
        title: s(&json, "title"),
        summary: s(&json, "description"),
        format: "json feed".into(),
        // Feeds and JSON-LD list posts in any order; readers expect the latest first.
        order: Some(Order::NewestFirst),
        ..Page::default()
    };
    for item in json
        .get("items")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let mut draft = Draft::default();
        let written = s(item, "date_published").or_else(|| s(item, "date_modified"));
        draft.when = written.as_deref().and_then(read_instant);
        draft.update.time = written;
        draft.update.headline = s(item, "title");
        let url = options.url.as_deref();
        match (
            item.get("content_html").and_then(Value::as_str),
            item.get("content_text").and_then(Value::as_str),
        ) {
            (Some(html), _) => draft.set_body(read_body(html, true, url)),
            (None, Some(text)) => draft.set_body(read_body(text, false, url)),
            (None, None) => {
                if let Some(summary) = item.get("summary").and_then(Value::as_str) {
                    draft.set_body(read_body(summary, false, url));
                }
            }
        }
        if item.get("image").is_some() || item.get("banner_image").is_some() {
            draft.update.images.push(Image::default());
        }
        draft.update.anchor = fragment(s(item, "url").as_deref());
        page.drafts.push(draft);
    }
    Ok(finish(page, options))
}

/// The paragraphs of an Atom `type="xhtml"` body: one per child element.
fn read_xhtml(dom: &Dom, body: NodeId) -> Vec<String> {
    let mut out = Vec::new();
    for &c in dom.children(body) {
        let inner = dom.children(c);
        let blocks: Vec<NodeId> =
            if dom.is(c, "div") && inner.iter().any(|&i| dom.name(i).is_some()) {
                inner.to_vec()
            } else {
                vec![c]
            };
        out.extend(
            blocks
                .into_iter()
                .map(|b| dom.text(b))
                .filter(|t| !t.is_empty()),
        );
    }
    out
}

/// `#fragment` of an item's page address: where the post sits on the blog page.
fn fragment(url: Option<&str>) -> Option<String> {
    let f = url?.split_once('#')?.1;
    (!f.is_empty()).then(|| format!("#{f}"))
}
