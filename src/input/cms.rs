//! Posts in any JSON a newsroom's system serves: an API response, a page's app state, a
//! rendering fixture. No schema is assumed; the document shows its posts by what it
//! repeats. The posts are the array of objects whose items most often carry both a body
//! (prose or HTML under a body-like key, at any depth: `html`, `bodyHtml`, `content`,
//! `text` …) and a moment of their own (an ISO date or Unix time under a time-like key),
//! counted over distinct moments, so a list of links that all share the page's date, or a
//! schema.org copy whose posts repeat the blog's, loses to the posts themselves.

use super::json::{Map, Value};
use super::jsonld::{get, text_of};
use super::markup::{looks_like_html, read_body, Body};
use super::page::{iso_day, Draft, Page};
use crate::clock::{read_instant, read_time, Instant};
use crate::model::{Image, Order};

/// Keys whose text is a post's body, best first where an object has several (an element
/// giving its HTML and its plain text says the same twice).
const BODY_KEYS: &[&str] = &[
    "html",
    "bodyhtml",
    "body_html",
    "content",
    "body",
    "articlebody",
    "text",
    "rendered",
];

/// Keys of a post's or a blog's headline.
const TITLE_KEYS: &[&str] = &[
    "headline",
    "headlines",
    "title",
    "heading",
    "webtitle",
    "name",
];

/// Keys of a blog's standfirst.
const SUMMARY_KEYS: &[&str] = &[
    "standfirst",
    "description",
    "summary",
    "subtitle",
    "trailtext",
];

/// Levels below a post object that its body is looked for in (elements in blocks in
/// sections …); deeper text belongs to something else.
const BODY_DEPTH: usize = 4;

/// Words in a key that make it a time, with how strongly it names a post's first
/// publication (lower is better; `u8::MAX`: not a time, as "blockCreatedOnDisplay" is a
/// clock as shown and "expires" is not when it was written). The first word found counts.
const TIME_WORDS: &[(&str, u8)] = &[
    ("display", u8::MAX),
    ("expir", u8::MAX),
    ("firstpub", 0),
    ("first_pub", 0),
    ("publish", 1),
    ("created", 1),
    ("posted", 1),
    ("updat", 3),
    ("modif", 3),
    ("edit", 3),
    ("date", 2),
    ("time", 2),
];

/// How strongly a key names a post's first publication (see [`TIME_WORDS`]).
fn time_rank(key: &str) -> Option<u8> {
    let k = key.to_ascii_lowercase();
    let rank = TIME_WORDS.iter().find(|(w, _)| k.contains(w))?.1;
    (rank < u8::MAX).then_some(rank)
}

/// A post's moment: its best-ranked time-like key that reads as one.
fn moment(post: &Map<String, Value>) -> Option<Instant> {
    let mut best: Option<(u8, Instant)> = None;
    for (key, value) in post {
        let (Value::String(text) | Value::Number(text)) = value else {
            continue;
        };
        if let (Some(rank), Some(at)) = (time_rank(key), read_instant(text)) {
            if best.is_none_or(|(b, _)| rank < b) {
                best = Some((rank, at));
            }
        }
    }
    best.map(|(_, at)| at)
}

/// What a post holds under it, in order: its body strings, and the objects without one,
/// which may describe a photo (read as one only for a post's body, not while arrays are
/// weighed for posts).
enum Part<'a> {
    /// A body string, and whether it is the post's own (not an element's under it).
    Text(&'a str, bool),
    Element(&'a Map<String, Value>),
}

/// The parts under a post, in order, walked without recursion to [`BODY_DEPTH`]: each
/// object gives its best body key's text, or itself, and its other values are looked
/// into, except its headline and times.
fn bodies(post: &Map<String, Value>) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut stack: Vec<(&Map<String, Value>, usize)> = vec![(post, 0)];
    while let Some((object, depth)) = stack.pop() {
        if let Some(text) = BODY_KEYS
            .iter()
            .find_map(|key| get(object, &[key])?.as_str())
        {
            out.push(Part::Text(text, depth == 0));
        } else {
            out.push(Part::Element(object));
        }
        if depth == BODY_DEPTH {
            continue;
        }
        // In reverse, so that the stack gives them back in order.
        for (key, value) in object.iter().rev() {
            let k = key.to_ascii_lowercase();
            // Its headline, times and summary are not its body (a CMS's excerpt repeats it).
            let skip = TITLE_KEYS.contains(&k.as_str())
                || SUMMARY_KEYS.contains(&k.as_str())
                || k.contains("excerpt")
                || time_rank(key).is_some();
            let items = match value {
                _ if skip => continue,
                Value::Object(_) => std::slice::from_ref(value),
                Value::Array(items) => items,
                _ => continue,
            };
            for item in items.iter().rev() {
                if let Value::Object(o) = item {
                    stack.push((o, depth + 1));
                }
            }
        }
    }
    out
}

/// A photo's field as text: markup read as its words.
fn field(object: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    let text = text_of(object, keys)?;
    if !looks_like_html(&text) {
        return Some(text);
    }
    Some(read_body(&text, true, None).paragraphs.join(" "))
}

/// Whether an object names an image by its type ("image", "ImageBlockElement") or
/// gives an image's address.
fn names_image(object: &Map<String, Value>) -> bool {
    object.iter().any(|(key, value)| {
        let Some(v) = value.as_str() else {
            return false;
        };
        let key = key.as_bytes();
        let typed = key.len() >= 4 && key[key.len() - 4..].eq_ignore_ascii_case(b"type");
        let v = v.to_ascii_lowercase();
        let address = v.split(&['?', '#'][..]).next().unwrap_or_default();
        (typed && (v.contains("image") || v.contains("photo")))
            || [".jpg", ".jpeg", ".png", ".webp", ".gif"]
                .iter()
                .any(|e| address.ends_with(e))
    })
}

/// The photo an object describes: a caption or description (`alt`) with a credit, an
/// image's address or a type naming an image, as a system lists a post's photo element.
fn photo(object: &Map<String, Value>) -> Option<Image> {
    let alt = field(object, &["alt", "alttext", "alt_text"]);
    let mut caption = field(object, &["caption"]);
    let mut credit = field(object, &["credit", "copyright", "photographer"]);
    if (alt.is_none() && caption.is_none()) || (credit.is_none() && !names_image(object)) {
        return None;
    }
    // The caption without its credit, which it may end with or alone carry.
    if let Some(c) = caption.as_deref() {
        let split = match credit.as_deref() {
            Some(by) => c.strip_suffix(by).map(|rest| (rest.trim_end(), by)),
            None => crate::input::text::credit_split(c),
        };
        if let Some((c, by)) = split {
            (caption, credit) = (Some(c.to_string()), Some(by.to_string()));
        }
    }
    Some(Image {
        alt,
        caption,
        credit,
    })
}

/// Whether a body string is read: HTML, a post's own text, or an element's text with a
/// space in it (a one-word string under a post is a label: "Share", "Video").
fn is_read(text: &str, own: bool) -> bool {
    own || looks_like_html(text) || text.trim().contains(' ')
}

/// Words an object's body holds under it: a post says at least a sentence, where a teaser
/// in a list of links has a label or nothing.
fn body_words(object: &Map<String, Value>) -> usize {
    bodies(object)
        .into_iter()
        .map(|part| match part {
            Part::Text(t, _) => t.split_whitespace().count(),
            Part::Element(_) => 0,
        })
        .sum()
}

/// Words below which a body is a label, not a post.
const POST_WORDS: usize = 8;

/// How well an array lists posts: its items with a post's body and a moment, counted once
/// per distinct moment; nothing unless they are at least half its objects (a list of
/// teasers with a post or two among them is not a blog).
fn score(items: &[Value]) -> usize {
    let mut minutes = Vec::new();
    let mut objects = 0;
    for item in items {
        if let Value::Object(o) = item {
            objects += 1;
            if let Some(at) = moment(o).filter(|_| body_words(o) >= POST_WORDS) {
                minutes.push(at.utc_minutes());
            }
        }
    }
    if minutes.len() * 2 < objects {
        return 0;
    }
    distinct(minutes)
}

/// How many different moments there are (sorted by the crate's one sort).
pub(crate) fn distinct(mut minutes: Vec<i64>) -> usize {
    crate::sorting::sort_by_rank(&mut minutes, |m| *m as u64);
    minutes.dedup();
    minutes.len()
}

/// The array of `json` that lists its posts, and how well (see [`score`]); `None` when no
/// array has two posts.
pub(crate) fn find(json: &Value) -> Option<(&[Value], usize)> {
    let mut best: Option<(&[Value], usize)> = None;
    let mut stack = vec![json];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(o) => stack.extend(o.values()),
            Value::Array(items) => {
                let s = score(items);
                if s >= 2 && best.is_none_or(|(_, b)| s > b) {
                    best = Some((items, s));
                }
                stack.extend(items.iter());
            }
            _ => {}
        }
    }
    best
}

/// The time a post shows for its moment: a clock written beside it (under a time-like or
/// "display" key) on the same minute past the hour, as a page shows "19.30 GMT" for
/// 19:30:03Z; else the moment in ISO 8601.
fn shown_time(post: &Map<String, Value>, at: Instant) -> String {
    for (key, value) in post {
        let Value::String(text) = value else { continue };
        let timed = time_rank(key).is_some() || key.to_ascii_lowercase().contains("display");
        if timed
            && read_instant(text).is_none()
            && read_time(text).is_some_and(|(clock, _)| clock.minutes % 60 == at.minutes % 60)
        {
            return text.clone();
        }
    }
    at.iso()
}

/// The body of an object, its body strings read as HTML or text one after another, and
/// its photos.
fn body(object: &Map<String, Value>, url: Option<&str>) -> Body {
    let mut all = Body::default();
    for part in bodies(object) {
        match part {
            Part::Text(text, own) if is_read(text, own) => {
                let body = read_body(text, looks_like_html(text), url);
                all.paragraphs.extend(body.paragraphs);
                all.images.extend(body.images);
                all.links.extend(body.links);
            }
            Part::Text(..) => {}
            Part::Element(object) => all.images.extend(photo(object)),
        }
    }
    all
}

/// An object's headline: a string, or the text an object holds for it (WordPress's
/// `title.rendered`, Arc's `headlines.basic`).
fn headline(object: &Map<String, Value>) -> Option<String> {
    match get(object, TITLE_KEYS) {
        Some(Value::Object(o)) => text_of(o, &["rendered", "basic", "main", "text"]),
        _ => text_of(object, TITLE_KEYS),
    }
}

/// One post object → a draft: its moment, the time it shows, its headline, its body.
fn draft(post: &Map<String, Value>, url: Option<&str>) -> Draft {
    let mut draft = Draft::default();
    if let Some(at) = moment(post) {
        draft.when = Some(at);
        draft.update.time = Some(shown_time(post, at));
    }
    draft.update.headline = headline(post).filter(|t| t.len() < 400);
    draft.set_body(body(post, url));
    draft
}

/// A page of the posts [`find`] chose, with the blog's title, standfirst and day from the
/// top of the document; without posts (an article), the text under the top is its header.
pub(crate) fn page(json: &Value, posts: &[Value], url: Option<&str>) -> Page {
    let mut page = Page {
        format: "json".into(),
        // A system lists posts in its own order; readers expect the latest first.
        order: Some(Order::NewestFirst),
        ..Page::default()
    };
    if let Some(top) = json.as_object() {
        if posts.is_empty() {
            let body = body(top, url);
            page.header = body.paragraphs;
            page.images = body.images;
        }
        page.title = headline(top);
        // A standfirst in HTML may list links after its sentence: the first paragraph.
        page.summary = text_of(top, SUMMARY_KEYS).and_then(|s| {
            if looks_like_html(&s) {
                read_body(&s, true, url).paragraphs.into_iter().next()
            } else {
                Some(s)
            }
        });
        page.date = moment(top).map(|at| iso_day(at.days));
    }
    for post in posts {
        if let Value::Object(post) = post {
            let d = draft(post, url);
            // A post of a photo alone is a post: the system listed it with its moment.
            let u = &d.update;
            if !u.paragraphs.is_empty() || u.headline.is_some() || !u.images.is_empty() {
                page.drafts.push(d);
            }
        }
    }
    page
}
