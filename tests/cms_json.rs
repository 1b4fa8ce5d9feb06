//! Posts from any system's JSON against a renderer of our own: the blogs we wrote
//! (`tests/fixtures/models`), printed as the JSON a newsroom's system might serve (an API
//! response, a page's app state, a rendering fixture) in shapes drawn from independent
//! dimensions, must come back from `parse_any` whole: every post once, with its headline,
//! every paragraph in order and nothing else, its moment, and the clock it shows.
//!
//! | dimension | values |
//! |---|---|
//! | where the posts are | `blocks`, `data.liveblog.posts`, `response.content.blocks.body`, `props.pageProps.blog.entries`, the top array |
//! | body | one HTML string, one element per paragraph, typed content elements, `content.rendered` beside an excerpt, plain text |
//! | body key | `html`, `bodyHtml`, `content`, `body`, `text` (as the form allows) |
//! | headline | `title`, `headline`, `heading`, `title.rendered` |
//! | moment | ISO 8601 (`Z`, milliseconds, a space), Unix milliseconds as a number, Unix seconds as a string |
//! | beside it | a later edit time, a clock as shown ("09.05 GMT"), an author, an id and address |
//! | photos | none, an image element with its caption and credit, a figure in the HTML |
//! | a short post | none, a photo alone, one word ("Watch") |
//! | noise | none, a list of links sharing one date, key events (a subset of the posts), a schema.org copy with the blog's date on every post |
//! | order | newest first, oldest first |
//! | syntax | JSON, a script assigning a JavaScript literal, a TypeScript module exporting one, a page carrying either for its script to render |
#![cfg(not(target_arch = "wasm32"))]

// The text renderer: only its blog model is used here.
#[allow(dead_code)]
mod render;

use liveblog_index::{parse_any, ReadOptions};
use proptest::prelude::*;
use render::Blog;
use serde_json::{json, Map, Value};
use std::sync::OnceLock;

fn models() -> &'static [Blog] {
    static MODELS: OnceLock<Vec<Blog>> = OnceLock::new();
    MODELS.get_or_init(render::own_models)
}

#[derive(Debug, Clone, Copy)]
enum Place {
    Blocks,
    DataPosts,
    Response,
    NextProps,
    TopArray,
}

#[derive(Debug, Clone, Copy)]
enum BodyForm {
    Html,
    ElementPerParagraph,
    ContentElements,
    Rendered,
    PlainText,
}

#[derive(Debug, Clone, Copy)]
enum Moment {
    IsoZ,
    IsoMillis,
    IsoSpace,
    UnixMillis,
    UnixSecondsString,
}

#[derive(Debug, Clone, Copy)]
enum Noise {
    None,
    Links,
    KeyEvents,
    Schema,
}

#[derive(Debug, Clone, Copy)]
enum Syntax {
    Json,
    Script,
    Module,
    /// A page whose script renders the posts from JSON it carries.
    PageJson,
    /// A page whose script assigns the posts' data to a global.
    PageScript,
}

#[derive(Debug, Clone)]
struct Shape {
    place: Place,
    body: BodyForm,
    body_key: usize,
    headline_key: usize,
    moment: Moment,
    edited: bool,
    clock: bool,
    author: bool,
    photos: u8,
    /// Post [`SHORT`] as written: 0 whole, 1 its photo alone, 2 one word.
    short: u8,
    noise: Noise,
    newest_first: bool,
    syntax: Syntax,
}

fn shape() -> impl Strategy<Value = Shape> {
    use prop::sample::select;
    (
        (
            select(vec![
                Place::Blocks,
                Place::DataPosts,
                Place::Response,
                Place::NextProps,
                Place::TopArray,
            ]),
            select(vec![
                BodyForm::Html,
                BodyForm::ElementPerParagraph,
                BodyForm::ContentElements,
                BodyForm::Rendered,
                BodyForm::PlainText,
            ]),
            0..5usize,
            0..4usize,
            select(vec![
                Moment::IsoZ,
                Moment::IsoMillis,
                Moment::IsoSpace,
                Moment::UnixMillis,
                Moment::UnixSecondsString,
            ]),
            0..3u8,
        ),
        (
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            0..3u8,
            select(vec![
                Noise::None,
                Noise::Links,
                Noise::KeyEvents,
                Noise::Schema,
            ]),
            any::<bool>(),
            select(vec![
                Syntax::Json,
                Syntax::Script,
                Syntax::Module,
                Syntax::PageJson,
                Syntax::PageScript,
            ]),
        ),
    )
        .prop_map(
            |(
                (place, body, body_key, headline_key, moment, short),
                (edited, clock, author, photos, noise, newest_first, syntax),
            )| Shape {
                place,
                body,
                body_key,
                headline_key,
                moment,
                edited,
                clock,
                author,
                photos,
                short,
                noise,
                newest_first,
                syntax,
            },
        )
}

/// The post a shape may shorten.
const SHORT: usize = 1;

/// Post `i` as the shape writes it: its paragraphs and its photo.
fn content(blog: &Blog, i: usize, s: &Shape) -> (Vec<String>, Option<render::Photo>) {
    let p = &blog.posts[i];
    let photo = p.photo.clone().filter(|_| s.photos > 0);
    match s.short {
        _ if i != SHORT => (p.paragraphs.clone(), photo),
        1 => (
            Vec::new(),
            Some(p.photo.clone().unwrap_or_else(|| render::Photo {
                alt: "A crane lifts a carriage".into(),
                caption: "Crews lift the derailed carriage back on to the track.".into(),
                credit: "Photograph: Desk Staff/Example Agency".into(),
            })),
        ),
        2 => (vec!["Watch".into()], photo),
        _ => (p.paragraphs.clone(), photo),
    }
}

/// Minutes after 2026-03-14T00:00Z that post `i` was published.
fn minutes_of(i: usize) -> u64 {
    9 * 60 + 5 + 7 * i as u64
}

/// Unix milliseconds of post `i`.
fn unix_ms(i: usize) -> u64 {
    // 2026-03-14T00:00:00Z
    (1_773_446_400 + minutes_of(i) * 60) * 1000
}

fn hh_mm(i: usize) -> (u64, u64) {
    (minutes_of(i) / 60, minutes_of(i) % 60)
}

fn iso(i: usize, form: Moment) -> String {
    let (h, m) = hh_mm(i);
    match form {
        Moment::IsoMillis => format!("2026-03-14T{h:02}:{m:02}:00.000Z"),
        Moment::IsoSpace => format!("2026-03-14 {h:02}:{m:02}:00"),
        _ => format!("2026-03-14T{h:02}:{m:02}:00Z"),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Post `i` of `blog` as the system serves it.
fn post(blog: &Blog, i: usize, s: &Shape) -> Value {
    let p = &blog.posts[i];
    let mut o = Map::new();
    o.insert("id".into(), json!(format!("block-{i}")));
    o.insert(
        "url".into(),
        json!(format!("https://example.org/live#block-{i}")),
    );
    let (time_key, value) = match s.moment {
        Moment::UnixMillis => ("blockFirstPublished", json!(unix_ms(i))),
        Moment::UnixSecondsString => ("created", json!((unix_ms(i) / 1000).to_string())),
        Moment::IsoZ => ("firstPublishedDate", json!(iso(i, s.moment))),
        Moment::IsoMillis => ("published_at", json!(iso(i, s.moment))),
        Moment::IsoSpace => ("date", json!(iso(i, s.moment))),
    };
    o.insert(time_key.into(), value);
    if s.edited {
        let (h, m) = hh_mm(i + 3);
        o.insert(
            "lastModified".into(),
            json!(format!("2026-03-14T{h:02}:{m:02}:30Z")),
        );
    }
    if s.clock {
        let (h, m) = hh_mm(i);
        o.insert(
            format!("{time_key}Display"),
            json!(format!("{h:02}.{m:02} GMT")),
        );
    }
    if s.author {
        o.insert(
            "author".into(),
            json!({"name": "Desk Editor", "image": "https://example.org/desk.jpg"}),
        );
    }
    if let Some(headline) = &p.headline {
        let key = ["title", "headline", "heading", "title"][s.headline_key];
        let value = if s.headline_key == 3 {
            json!({ "rendered": escape(headline) })
        } else {
            json!(headline)
        };
        o.insert(key.into(), value);
    }
    let html_key = ["html", "bodyHtml", "html", "body", "html"][s.body_key];
    let (paragraphs, photo) = content(blog, i, s);
    let photo = photo.as_ref();
    // A photo alone goes as an element when the shape gives none.
    let photos = if photo.is_some() { s.photos.max(1) } else { 0 };
    let figure = |ph: &render::Photo| {
        format!(
            "<figure><img src=\"https://example.org/p.jpg\" alt=\"{}\"><figcaption>{} <span class=\"credit\">{}</span></figcaption></figure>",
            escape(&ph.alt),
            escape(&ph.caption),
            escape(&ph.credit)
        )
    };
    let image_element = |ph: &render::Photo| {
        json!({"type": "image", "url": "https://example.org/p.jpg",
               "caption": ph.caption, "credit": ph.credit, "alt": ph.alt})
    };
    let paragraphs_html: String = paragraphs
        .iter()
        .map(|t| format!("<p>{}</p>", escape(t)))
        .collect();
    match s.body {
        BodyForm::Html => {
            let mut html = paragraphs_html;
            if let (Some(ph), 2) = (photo, photos) {
                html.insert_str(0, &figure(ph));
            }
            o.insert(html_key.into(), json!(html));
            if let (Some(ph), 1) = (photo, photos) {
                o.insert("image".into(), image_element(ph));
            }
        }
        BodyForm::ElementPerParagraph | BodyForm::ContentElements => {
            let per = matches!(s.body, BodyForm::ElementPerParagraph);
            let mut elements: Vec<Value> = paragraphs
                .iter()
                .map(|t| {
                    if per {
                        json!({"_type": "TextBlockElement", "html": format!("<p>{}</p>", escape(t)), "elementId": "e"})
                    } else {
                        json!({"type": "text", "content": format!("<p>{}</p>", escape(t))})
                    }
                })
                .collect();
            if let Some(ph) = photo {
                let element = if photos == 1 {
                    image_element(ph)
                } else if per {
                    json!({"_type": "ImageBlockElement", "data": {"caption": ph.caption, "credit": ph.credit, "alt": ph.alt}})
                } else {
                    json!({"type": "raw_html", "content": figure(ph)})
                };
                elements.insert(0, element);
            }
            let key = if per { "elements" } else { "content_elements" };
            o.insert(key.into(), Value::Array(elements));
        }
        BodyForm::Rendered => {
            o.insert(
                "content".into(),
                json!({ "rendered": paragraphs_html, "protected": false }),
            );
            let first = paragraphs.first().cloned().unwrap_or_default();
            o.insert(
                "excerpt".into(),
                json!({ "rendered": format!("<p>{}</p>", escape(&first)) }),
            );
        }
        BodyForm::PlainText => {
            let key = ["text", "body", "text", "body", "text"][s.body_key];
            o.insert(key.into(), json!(paragraphs.join("\n\n")));
        }
    }
    // Where the body has no place for it, a photo is a field of the post's own.
    if let (Some(ph), BodyForm::Rendered | BodyForm::PlainText) = (photo, s.body) {
        o.insert("featuredImage".into(), image_element(ph));
    }
    Value::Object(o)
}

/// The document: the posts where the shape puts them, the blog's title and standfirst at
/// its top, and the noise.
fn document(blog: &Blog, s: &Shape) -> Value {
    let mut order: Vec<usize> = (0..blog.posts.len()).collect();
    if s.newest_first {
        order.reverse();
    }
    let posts: Vec<Value> = order.iter().map(|&i| post(blog, i, s)).collect();
    let mut top = Map::new();
    top.insert("headline".into(), json!(blog.title));
    top.insert(
        "standfirst".into(),
        json!(format!("<p>{}</p>", escape(&blog.standfirst))),
    );
    top.insert("webPublicationDate".into(), json!(iso(0, Moment::IsoZ)));
    match s.noise {
        Noise::None => {}
        Noise::Links => {
            let links: Vec<Value> = (0..4)
                .map(|i| json!({"title": format!("More on this story, part {i}"), "url": "https://example.org/more", "date": iso(0, Moment::IsoZ), "text": "Read the whole story here"}))
                .collect();
            top.insert("related".into(), Value::Array(links));
        }
        Noise::KeyEvents => {
            let key: Vec<Value> = posts.iter().step_by(2).cloned().collect();
            top.insert("keyEvents".into(), Value::Array(key));
        }
        Noise::Schema => {
            let copies: Vec<Value> = blog
                .posts
                .iter()
                .enumerate()
                .map(|(i, _)| {
                    let body: String = content(blog, i, s).0.join(" ").chars().take(60).collect();
                    json!({"@type": "BlogPosting", "headline": blog.title, "datePublished": iso(0, Moment::IsoZ), "articleBody": body})
                })
                .collect();
            top.insert(
                "linkedData".into(),
                json!([{"@type": "LiveBlogPosting", "headline": blog.title, "datePublished": iso(0, Moment::IsoZ), "liveBlogUpdate": copies}]),
            );
        }
    }
    let posts = Value::Array(posts);
    match s.place {
        Place::Blocks => {
            top.insert("blocks".into(), posts);
        }
        Place::DataPosts => {
            top.insert(
                "data".into(),
                json!({ "liveblog": { "posts": posts, "total": 9 } }),
            );
        }
        Place::Response => {
            top.insert(
                "response".into(),
                json!({"status": "ok", "content": {"blocks": {"body": posts}}}),
            );
        }
        Place::NextProps => {
            top.insert(
                "props".into(),
                json!({"pageProps": {"blog": {"entries": posts}}}),
            );
        }
        Place::TopArray => return posts,
    }
    Value::Object(top)
}

/// A value as a JavaScript literal: keys unquoted where they can be, strings in single
/// quotes, trailing commas, a comment here and there.
fn js(value: &Value, out: &mut String) {
    match value {
        Value::String(s) => {
            out.push('\'');
            for c in s.chars() {
                match c {
                    '\'' => out.push_str("\\'"),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    c => out.push(c),
                }
            }
            out.push('\'');
        }
        Value::Array(items) => {
            out.push_str("[\n");
            for item in items {
                js(item, out);
                out.push_str(",\n");
            }
            out.push(']');
        }
        Value::Object(o) => {
            out.push_str("{\n\t// generated\n");
            for (k, v) in o {
                if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    out.push_str(k);
                } else {
                    out.push('\'');
                    out.push_str(k);
                    out.push('\'');
                }
                out.push_str(": ");
                js(v, out);
                out.push_str(",\n");
            }
            out.push('}');
        }
        v => out.push_str(&v.to_string()),
    }
}

fn print(blog: &Blog, doc: &Value, syntax: Syntax) -> String {
    let page = |script: String| {
        format!(
            "<!doctype html><html><head><title>{}</title><meta name=\"description\" content=\"{}\">\
             <script src=\"/app.js\" defer></script></head><body><div id=\"root\"></div>{script}\
             <script>window.dataLayer = window.dataLayer || [];</script></body></html>",
            escape(&blog.title),
            escape(&blog.standfirst).replace('"', "&quot;")
        )
    };
    match syntax {
        Syntax::PageJson => page(format!(
            "<script id=\"__NEXT_DATA__\" type=\"application/json\">{doc}</script>"
        )),
        Syntax::PageScript => page(format!(
            "<script>{}</script>",
            print(blog, doc, Syntax::Script)
        )),
        Syntax::Json => serde_json::to_string_pretty(doc).unwrap(),
        Syntax::Script => {
            let mut out = String::from("window.__APP_STATE__ = ");
            js(doc, &mut out);
            out.push_str(";\n");
            out
        }
        Syntax::Module => {
            let mut out = String::from(
                "/**\n * Generated: do not edit.\n */\n\nimport type { Blog } from '../types';\n\nexport const blog: Blog = ",
            );
            js(doc, &mut out);
            out.push_str(";\n");
            out
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn posts_come_back_from_any_system_s_json(model in 0..3usize, s in shape()) {
        let blog = &models()[model % models().len()];
        let text = print(blog, &document(blog, &s), s.syntax);
        let read = parse_any(&text, &ReadOptions::default()).unwrap();
        prop_assert_eq!(read.updates.len(), blog.posts.len(), "{}", text);
        let mut order = Vec::new();
        for u in &read.updates {
            // Each post by its moment, which is its own.
            let at = |i: usize| {
                let (h, m) = hh_mm(i);
                format!("2026-03-14T{h:02}:{m:02}")
            };
            let i = (0..blog.posts.len())
                .find(|&i| u.timestamp.as_deref().is_some_and(|t| t.starts_with(&at(i))))
                .unwrap_or_else(|| panic!("an update that is no post: {u:?}"));
            order.push(i);
            let (paragraphs, photo) = content(blog, i, &s);
            prop_assert_eq!(&u.paragraphs, &paragraphs);
            prop_assert_eq!(&u.headline, &blog.posts[i].headline);
            if let Some(ph) = photo {
                prop_assert!(
                    u.images.iter().any(|im| im.caption.as_deref() == Some(ph.caption.as_str())
                        && im.credit.as_deref() == Some(ph.credit.as_str())),
                    "{:?} lacks {:?}", u.images, ph
                );
            }
            if s.clock {
                let (h, m) = hh_mm(i);
                let shown = format!("{h:02}.{m:02} GMT");
                prop_assert_eq!(u.time.as_deref(), Some(shown.as_str()));
            }
        }
        // Newest first, whatever order the system lists them in.
        let expected: Vec<usize> = (0..blog.posts.len()).rev().collect();
        prop_assert_eq!(order, expected);
        let page = matches!(s.syntax, Syntax::PageJson | Syntax::PageScript);
        if page || !matches!(s.place, Place::TopArray) {
            prop_assert_eq!(read.title.as_deref(), Some(blog.title.as_str()));
            prop_assert_eq!(read.summary.as_deref(), Some(blog.standfirst.as_str()));
        }
    }
}

/// A script that is not data is read as text, not refused.
#[test]
fn a_script_that_is_not_json_is_read_as_text() {
    let text = "// Ferry times\nconst boats = { first: nextBoat(), };";
    let read = parse_any(text, &ReadOptions::default()).unwrap();
    assert_eq!(read.format, "text");
}

/// An article in a system's JSON (one block, no schema): its text is the header.
#[test]
fn an_article_s_text_is_its_header() {
    let doc = json!({
        "headline": "Harbour wall repaired",
        "blocks": [{"elements": [
            {"_type": "TextBlockElement", "html": "<p>Crews finished the repair overnight.</p>"},
            {"_type": "TextBlockElement", "html": "<p>“It held,” said Mira Kovac.</p>"}
        ]}],
        "nav": [{"title": "Home", "url": "/"}]
    });
    let read = parse_any(&doc.to_string(), &ReadOptions::default()).unwrap();
    assert!(read.updates.is_empty());
    assert_eq!(
        read.header,
        [
            "Crews finished the repair overnight.",
            "“It held,” said Mira Kovac."
        ]
    );
    assert_eq!(read.quotes.len(), 1);
}
