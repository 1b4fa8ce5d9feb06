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
    let page = match find_blog(&json) {
        Some(blog) => blog_page(blog, options),
        // Not a live blog: an article's text still holds quotes and names.
        None => article_page(&json, options),
    };
    Ok(finish(page, options))
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
/// escaped, a byte-order mark or HTML comment markers around it ignored.
pub(crate) fn lenient_json(text: &str) -> Result<Value, Error> {
    let text = text.trim_start_matches('\u{feff}').trim();
    let text = text.strip_prefix("<!--").unwrap_or(text);
    let text = text.strip_suffix("-->").unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                c if (c as u32) < 0x20 => {
                    out.push_str(&format!("\\u{:04x}", c as u32));
                    continue;
                }
                _ => {}
            }
            out.push(c);
            continue;
        }
        match c {
            '"' => in_string = true,
            ',' => {
                let next = text[i + 1..].trim_start().chars().next();
                if matches!(next, Some('}' | ']')) {
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
    }
    super::json::parse(&out).map_err(|e| Error::Json {
        message: e.message.to_string(),
        line: e.line,
        column: e.column,
    })
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
fn get<'a>(object: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|k| {
        object
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(k))
            .map(|(_, v)| v)
    })
}

/// The first string among `keys` (a string, or the first string of an array, or an
/// object's `name`).
fn text_of(object: &Map<String, Value>, keys: &[&str]) -> Option<String> {
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
            let t = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
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
