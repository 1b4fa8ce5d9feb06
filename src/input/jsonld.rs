//! schema.org `LiveBlogPosting` JSON-LD → [`LiveBlog`], read as leniently as pages need.
//!
//! Pages publish it in many shapes: the blog at the top, in an array, or in `@graph`;
//! `@type` as a string or an array, in any case, with or without the schema.org prefix;
//! its posts under `liveBlogUpdate` (one object or an array), `blogPost`, `blogPosts` or
//! `updates`; `articleBody` as text or HTML, or missing. The JSON itself may carry trailing
//! commas (Google's own example does) or raw line breaks inside strings: both are mended
//! before parsing. What is still not JSON is an [`Error::Json`].

use super::json::{Map, Value};

use super::markup::{looks_like_html, read_body};
use super::page::{finish, iso_day, Draft, Page, ReadOptions};
use crate::clock::read_instant;
use crate::model::{Image, LiveBlog, Order, Status};
use crate::Error;

/// Keys under which pages list a blog's posts.
const POST_KEYS: &[&str] = &["liveblogupdate", "blogpost", "blogposts", "updates"];

/// Reads a JSON-LD document (or a JSON Feed, which [`super::feed`] reads) into a blog.
pub(crate) fn parse_json_ld(text: &str, options: &ReadOptions) -> Result<LiveBlog, Error> {
    let json = lenient_json(text)?;
    let blog = find_blog(&json);
    let listed = blog
        .and_then(|b| get(b, POST_KEYS))
        .and_then(Value::as_array);
    let page = match (blog, super::cms::find(&json)) {
        // The schema's own posts, or a copy no better timed than the schema's: the schema.
        (Some(blog), Some((posts, _)))
            if listed.is_some_and(|l| std::ptr::eq(l.as_slice(), posts)) =>
        {
            blog_page(blog, options)
        }
        (Some(blog), Some((posts, score))) => {
            let page = blog_page(blog, options);
            if timed(&page) >= score {
                page
            } else {
                super::cms::page(&json, posts, options.url.as_deref())
            }
        }
        (Some(blog), None) => blog_page(blog, options),
        // No schema: the posts the document repeats.
        (None, Some((posts, _))) => super::cms::page(&json, posts, options.url.as_deref()),
        // Not a live blog: an article's text still holds quotes and names, in its schema's
        // `articleBody`, else in the body-like text under the top of the document.
        (None, None) => {
            let page = article_page(&json, options);
            let text = || super::cms::page(&json, &[], options.url.as_deref());
            match page.header.is_empty().then(text) {
                Some(found) if !found.header.is_empty() => found,
                _ => page,
            }
        }
    };
    Ok(finish(page, options))
}

/// A page's posts with a body and a moment, counted once per distinct moment (as
/// [`super::cms::find`] scores an array).
fn timed(page: &Page) -> usize {
    let mut minutes = Vec::new();
    for d in &page.drafts {
        if let Some(at) = d.when.filter(|_| !d.update.paragraphs.is_empty()) {
            minutes.push(at.utc_minutes());
        }
    }
    super::cms::distinct(minutes)
}

/// The first object with an `articleBody` (a NewsArticle, a BlogPosting): its headline and
/// its body as header lines.
fn article_page(json: &Value, options: &ReadOptions) -> Page {
    let mut page = Page {
        format: "json-ld".into(),
        order: Some(Order::NewestFirst),
        ..Page::default()
    };
    let mut stack = vec![json];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(o) if get(o, &["articleBody"]).is_some() => {
                page.title = text_of(o, &["headline", "name"]);
                page.summary = text_of(o, &["description", "abstract"]);
                let mut draft = draft(o, options.url.as_deref());
                page.header = std::mem::take(&mut draft.update.paragraphs);
                page.images = draft.update.images;
                page.date = draft.when.map(|at| iso_day(at.days));
                return page;
            }
            Value::Object(o) => stack.extend(o.values().rev()),
            Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    page
}

/// Reads JSON text leniently: trailing commas dropped, control characters inside strings
/// escaped, a byte-order mark or HTML comment markers around it ignored. JavaScript's
/// object literals are read too, as pages and rendering fixtures hold data: the value after
/// `window.__STATE__ =` or `export const X: T =` (to its closing bracket), comments, keys
/// without quotes, strings in single quotes, `undefined`.
pub(crate) fn lenient_json(text: &str) -> Result<Value, Error> {
    let text = text.trim_start_matches('\u{feff}').trim();
    let text = text.strip_prefix("<!--").unwrap_or(text);
    let text = text.strip_suffix("-->").unwrap_or(text);
    let (text, assigned) = value_start(text);
    let bytes = text.as_bytes();
    // Bytes, not characters: only ASCII is added or dropped, so the text stays UTF-8.
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    // Where a comma was written, until what follows shows it is not trailing.
    let mut comma: Option<usize> = None;
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        i += 1;
        if c.is_ascii_whitespace() {
            out.push(c);
            continue;
        }
        if c == b'/' && matches!(bytes.get(i), Some(b'/' | b'*')) {
            // A line comment ends before its line break, a block comment after its `*/`.
            let (close, past) = if bytes[i] == b'/' {
                ("\n", 0)
            } else {
                ("*/", 2)
            };
            let end = text[i + 1..]
                .find(close)
                .map_or(text.len(), |n| i + 1 + n + past);
            // Its line breaks stay, so that errors name the right line.
            out.extend(bytes[i..end].iter().filter(|&&b| b == b'\n'));
            i = end;
            continue;
        }
        if let Some(at) = comma.take() {
            if matches!(c, b'}' | b']') {
                out.remove(at);
            }
        }
        match c {
            b'"' | b'\'' => {
                out.push(b'"');
                while let Some(&b) = bytes.get(i) {
                    i += 1;
                    match b {
                        // JSON has no `\'`: a single quote needs no escape.
                        b'\\' if bytes.get(i) == Some(&b'\'') => {
                            out.push(b'\'');
                            i += 1;
                        }
                        b'\\' => {
                            out.push(b);
                            out.extend(bytes.get(i));
                            i += 1;
                        }
                        _ if b == c => {
                            out.push(b'"');
                            break;
                        }
                        b'"' => out.extend(b"\\\""),
                        0..0x20 => {
                            const HEX: &[u8; 16] = b"0123456789abcdef";
                            out.extend(b"\\u00");
                            out.extend([HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
                        }
                        _ => out.push(b),
                    }
                }
            }
            b',' => {
                comma = Some(out.len());
                out.push(c);
            }
            b'{' | b'[' => {
                depth += 1;
                out.push(c);
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                out.push(c);
                if assigned && depth == 0 {
                    break;
                }
            }
            _ if c.is_ascii_alphabetic() || c == b'_' || c == b'$' => {
                let start = i - 1;
                while bytes
                    .get(i)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$'))
                {
                    i += 1;
                }
                let word = &bytes[start..i];
                let key = text[i..].trim_start().starts_with(':');
                if key {
                    out.push(b'"');
                }
                out.extend(if word == b"undefined" { b"null" } else { word });
                if key {
                    out.push(b'"');
                }
            }
            _ => out.push(c),
        }
    }
    // Only ASCII bytes were added or dropped, whole: the text is still UTF-8.
    let out = String::from_utf8(out).unwrap_or_default();
    super::json::parse(&out).map_err(|e| Error::Json {
        message: e.message.to_string(),
        line: e.line,
        column: e.column,
    })
}

/// Where the value starts: at once for JSON, else after the first `= {` or `= [` of a
/// script (`true` then: the value ends at its closing bracket, and what follows is code).
fn value_start(text: &str) -> (&str, bool) {
    if text.starts_with(&['{', '['][..]) {
        return (text, false);
    }
    let assigned = text.match_indices('=').find_map(|(i, _)| {
        let rest = text[i + 1..].trim_start();
        rest.starts_with(&['{', '['][..]).then_some(rest)
    });
    assigned.map_or((text, false), |rest| (rest, true))
}

/// What a page's JSON-LD block says: the live blog it holds, if any, and the day its
/// article (or blog) was first published.
pub(crate) struct Linked {
    pub blog: Option<Page>,
    pub published: Option<String>,
}

/// Reads a page's JSON-LD block: its live blog, and the day it names for the page.
pub(crate) fn read(text: &str, options: &ReadOptions) -> Result<Linked, Error> {
    let json = lenient_json(text)?;
    Ok(Linked {
        blog: find_blog(&json).map(|blog| blog_page(blog, options)),
        published: published(&json),
    })
}

/// The day of the first `datePublished` of an object with a headline (a `NewsArticle`,
/// whatever its type is called), else of any object (a `WebPage`).
fn published(json: &Value) -> Option<String> {
    let mut dated = Vec::new();
    let mut stack = vec![json];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(o) => {
                if let Some(at) = text_of(o, &["datePublished"])
                    .as_deref()
                    .and_then(read_instant)
                {
                    dated.push((get(o, &["headline"]).is_none(), dated.len(), at.days));
                }
                stack.extend(o.values().rev());
            }
            Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    dated.into_iter().min().map(|(_, _, days)| iso_day(days))
}

/// A key of an object, matched without regard to case.
pub(super) fn get<'a>(object: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|k| {
        object
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(k))
            .map(|(_, v)| v)
    })
}

/// The first string among `keys` (a string, or the first string of an array, or an
/// object's `name`).
pub(super) fn text_of(object: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    let value = get(object, keys)?;
    let s = match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().find_map(|v| v.as_str())?.to_string(),
        Value::Object(o) => get(o, &["name", "@value"])?.as_str()?.to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let s = super::markup::decoded(&s);
    (!s.is_empty()).then_some(s)
}

/// Whether an object's `@type` names `wanted` (string or array, any case, any prefix).
fn has_type(object: &Map<String, Value>, wanted: &str) -> bool {
    let is = |v: &Value| {
        v.as_str().is_some_and(|t| {
            let t = t.rsplit(&['/', ':', '#'][..]).next().unwrap_or(t);
            t.eq_ignore_ascii_case(wanted)
        })
    };
    match get(object, &["@type", "type"]) {
        Some(Value::Array(types)) => types.iter().any(is),
        Some(v) => is(v),
        None => false,
    }
}

/// The `LiveBlogPosting` object, wherever it sits; else any object listing posts.
fn find_blog(json: &Value) -> Option<&Map<String, Value>> {
    let mut objects = Vec::new();
    let mut stack = vec![json];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(o) => {
                objects.push(o);
                stack.extend(o.values().rev());
            }
            Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    objects
        .iter()
        .find(|o| has_type(o, "LiveBlogPosting"))
        .or_else(|| objects.iter().find(|o| get(o, POST_KEYS).is_some()))
        .copied()
}

fn blog_page(blog: &Map<String, Value>, options: &ReadOptions) -> Page {
    let mut page = Page {
        title: text_of(blog, &["headline", "name"]),
        summary: text_of(blog, &["description", "abstract"]),
        format: "json-ld".into(),
        // Feeds and JSON-LD list posts in any order; readers expect the latest first.
        order: Some(Order::NewestFirst),
        ..Page::default()
    };
    page.date = text_of(blog, &["coverageStartTime", "datePublished", "dateCreated"])
        .as_deref()
        .and_then(read_instant)
        .map(|at| iso_day(at.days));
    if let (Some(end), Some(now)) = (
        text_of(blog, &["coverageEndTime"])
            .as_deref()
            .and_then(read_instant),
        options.now,
    ) {
        page.status = Some(if end.utc_minutes() * 60_000 <= now {
            Status::Closed
        } else {
            Status::Live
        });
    }
    let posts: Vec<&Map<String, Value>> = match get(blog, POST_KEYS) {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        Some(Value::Object(o)) => vec![o],
        _ => Vec::new(),
    };
    page.drafts = posts
        .into_iter()
        .map(|post| draft(post, options.url.as_deref()))
        .collect();
    // A headline or time every post repeats, or the blog's own headline, is the blog's.
    let shared = |part: fn(&Draft) -> Option<&String>| {
        let first = page.drafts.first().and_then(part);
        page.drafts.len() > 1 && page.drafts.iter().all(|d| part(d) == first)
    };
    let (headline, time) = (
        shared(|d| d.update.headline.as_ref()),
        shared(|d| d.update.time.as_ref()),
    );
    for d in &mut page.drafts {
        if headline || d.update.headline.is_some() && d.update.headline == page.title {
            d.update.headline = None;
        }
        if time {
            (d.update.time, d.when) = (None, None);
        }
    }
    page
}

/// One post object → a draft update.
fn draft(post: &Map<String, Value>, url: Option<&str>) -> Draft {
    let mut draft = Draft::default();
    let written = text_of(
        post,
        &["datePublished", "dateCreated", "uploadDate", "dateModified"],
    );
    draft.when = written.as_deref().and_then(read_instant);
    draft.update.time = written;
    draft.update.headline = text_of(post, &["headline", "name", "alternativeHeadline"]);
    if let Some(body) = get(post, &["articleBody", "text", "description"]) {
        let body = match body {
            Value::Array(parts) => parts
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("\n"),
            v => v.as_str().unwrap_or_default().to_string(),
        };
        draft.set_body(read_body(&body, looks_like_html(&body), url));
    }
    draft.update.images.extend(images(post));
    draft.update.anchor = text_of(post, &["url", "@id"]).and_then(|u| {
        let fragment = u.split_once('#')?.1;
        (!fragment.is_empty()).then(|| format!("#{fragment}"))
    });
    draft
}

/// The photos of a post: `image`, `associatedMedia` or `photo`, as an object with a
/// caption and credit, or an address alone.
fn images(post: &Map<String, Value>) -> Vec<Image> {
    let Some(value) = get(post, &["image", "associatedMedia", "photo"]) else {
        return Vec::new();
    };
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        v => vec![v],
    };
    items
        .into_iter()
        .filter_map(|item| match item {
            Value::Object(o) => Some(Image {
                alt: text_of(o, &["name", "alternateName"]),
                caption: text_of(o, &["caption", "description"]),
                credit: text_of(o, &["creditText", "copyrightHolder", "author"]),
            }),
            Value::String(_) => Some(Image::default()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn javascript_literals_read_as_json() {
        let script = "/* state */ window.__S__ = {\n  // posts\n  title: 'It\\'s \"live\"', /* note */\n  n: undefined,\n  list: [1, 2, /* last */ ],\n};\nrender();";
        let v = lenient_json(script).unwrap();
        assert_eq!(
            v.get("title").and_then(Value::as_str),
            Some("It's \"live\"")
        );
        assert_eq!(v.get("n"), Some(&Value::Null));
        assert_eq!(
            v.get("list").and_then(Value::as_array).map(Vec::len),
            Some(2)
        );
        // A line the comments held stays counted: the error names line 3.
        let broken = "{\n/* one\n two */ \"a\": }";
        match lenient_json(broken) {
            Err(Error::Json { line, .. }) => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
    }
}
