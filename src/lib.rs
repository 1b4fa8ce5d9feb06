//! `liveblog-index` reads a news live blog (the running page of updates a newsroom publishes
//! during a war, an election or a match) and splits it into its updates, in Rust or, compiled
//! to WebAssembly, in the reader's browser.
//!
//! ```
//! let text = "Storm Alda: live updates\n\n\
//!             The storm reached the coast overnight, forecasters said.\n\n\
//!             9:40 a.m. Ferries cancelled\n\n\
//!             All crossings are suspended until noon.\n\n\
//!             8:15 a.m. Winds reach 120km/h\n\n\
//!             Gusts were recorded at the harbour.\n";
//! let blog = liveblog_index::parse(text)?;
//! assert_eq!(blog.title.as_deref(), Some("Storm Alda: live updates"));
//! assert_eq!(blog.updates.len(), 2);
//! assert_eq!(blog.updates[0].headline.as_deref(), Some("Ferries cancelled"));
//! assert_eq!(blog.updates[0].time.as_deref(), Some("9:40 a.m."));
//! assert_eq!(blog.updates[0].id, "u2"); // newest first: u1 is the earliest update
//! # Ok::<(), liveblog_index::Error>(())
//! ```
//!
//! Quotes come with their speakers, and can be looked up:
//!
//! ```
//! let blog = liveblog_index::parse(
//!     "Port strike: live\n\nDockers walked out at dawn, the union said.\n\n\
//!      Talks resume\n\n“We want a fair deal,” union leader Tomas Berg told reporters.\n",
//! )?;
//! let quote = &blog.quotes[0];
//! assert_eq!(quote.speaker.as_ref().map(|s| s.name.as_str()), Some("Tomas Berg"));
//! assert_eq!(blog.quotes_by("berg").len(), 1);
//! assert_eq!(blog.find_quotes("fair deals").len(), 1);
//! # Ok::<(), liveblog_index::Error>(())
//! ```
//!
//! The pipeline runs one way: input (`input::text`) → model ([`LiveBlog`]) → extract
//! (timestamps, quotes and speakers) → lookup → the JavaScript boundary (`wasm.rs`, on
//! wasm32 only).

#![deny(missing_docs)]

mod bytes;
mod clock;
mod decimal;
mod edit;
mod error;
mod extract;
mod fxhash;
mod index;
mod indexed;
mod input;
mod lookup;
mod lowercase;
mod memory;
mod model;
mod packed;
mod sorting;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::Error;
pub use index::{
    Columns, FacetCount, Filters, Hit, Index, IndexDoc, SearchFacets, SearchOptions, SearchResults,
    Sort,
};
pub use indexed::IndexedBlog;
pub use input::page::ReadOptions;
pub use lookup::QuoteFilter;
pub use model::{
    Entity, EntityKind, FacetValue, Facets, Image, LiveBlog, Mention, Order, Quote, QuoteKind,
    Span, Speaker, Status, TextPart, Update, Warning, WarningCode,
};

/// The largest input accepted, in bytes (32 MiB: a year of a busy live blog is under 5).
/// [`ReadOptions::max_bytes`] lowers it for one call.
pub const MAX_INPUT_BYTES: usize = 32 << 20;

/// Parses a plain-text live blog into its header and updates, and resolves each update's
/// time to a timestamp where the page gives a date.
///
/// Malformed or unusual text is not an error: the result holds what could be read, and
/// `warnings` says what was odd (a text cut off mid-sentence, no updates found, no date).
///
/// # Errors
///
/// [`Error::TooLarge`] when `text` is over [`MAX_INPUT_BYTES`]; [`Error::NotText`] when it
/// holds a NUL byte (binary data passed by mistake).
pub fn parse(text: &str) -> Result<LiveBlog, Error> {
    check(text, MAX_INPUT_BYTES)?;
    Ok(read_text(text))
}

/// A plain-text live blog [`check`]ed already.
fn read_text(text: &str) -> LiveBlog {
    let mut blog = input::text::parse_text(text);
    extract::time::resolve_timestamps(&mut blog);
    read_names(blog)
}

/// Parses a live blog page's HTML (a whole page, or the element holding the blog): posts
/// found by a site profile or generically, merged with the page's JSON-LD; quotes and
/// entities extracted as for text. See [`ReadOptions`] for the page address and `now`.
///
/// Malformed markup is not an error: what could be read is read, with a `malformedMarkup`
/// warning. Scripts, styles and comments are never read as text.
///
/// # Errors
///
/// As [`parse`]: [`Error::TooLarge`], [`Error::NotText`].
pub fn parse_html(html: &str, options: &ReadOptions) -> Result<LiveBlog, Error> {
    check(html, options.max_bytes.unwrap_or(MAX_INPUT_BYTES))?;
    Ok(read_names(input::html::parse_html(html, options)))
}

/// Parses schema.org `LiveBlogPosting` JSON-LD, read leniently (see the module notes of
/// `input::jsonld`): bodies as text or HTML, posts under any of the keys pages use.
///
/// # Errors
///
/// As [`parse`], and [`Error::Json`] when the text is not JSON even read leniently.
pub fn parse_json_ld(json: &str, options: &ReadOptions) -> Result<LiveBlog, Error> {
    check(json, options.max_bytes.unwrap_or(MAX_INPUT_BYTES))?;
    Ok(read_names(input::jsonld::parse_json_ld(json, options)?))
}

/// Parses a feed: RSS 2.0, Atom or JSON Feed 1.1, each item a post.
///
/// # Errors
///
/// As [`parse`], and [`Error::Json`] for a JSON Feed that is not JSON.
pub fn parse_feed(feed: &str, options: &ReadOptions) -> Result<LiveBlog, Error> {
    check(feed, options.max_bytes.unwrap_or(MAX_INPUT_BYTES))?;
    let blog = if input::sniff(feed) == input::Format::JsonFeed {
        input::feed::parse_json_feed(feed, options)?
    } else {
        input::feed::parse_xml_feed(feed, options)
    };
    Ok(read_names(blog))
}

/// Parses any input by what it looks like: JSON is JSON-LD, a JSON Feed or any system's
/// JSON listing posts (found by the shape they repeat), a script holding such data is read
/// as that JSON (as text when it is not), markup is an HTML page or an RSS/Atom feed,
/// anything else is plain text.
///
/// # Errors
///
/// As the parser chosen.
pub fn parse_any(input: &str, options: &ReadOptions) -> Result<LiveBlog, Error> {
    match input::sniff(input) {
        input::Format::Text => {
            check(input, options.max_bytes.unwrap_or(MAX_INPUT_BYTES))?;
            Ok(read_text(input))
        }
        input::Format::Html => parse_html(input, options),
        input::Format::JsonLd => parse_json_ld(input, options),
        input::Format::Script => match parse_json_ld(input, options) {
            // Checked already: the JSON reader refused it only for its syntax.
            Err(Error::Json { .. }) => Ok(read_text(input)),
            read => read,
        },
        input::Format::JsonFeed | input::Format::XmlFeed => parse_feed(input, options),
    }
}

/// Refuses what no parser should read: too large, or binary. Reserves memory for reading
/// the rest.
fn check(input: &str, limit: usize) -> Result<(), Error> {
    let limit = limit.min(MAX_INPUT_BYTES);
    if input.len() > limit {
        return Err(Error::TooLarge {
            bytes: input.len(),
            limit,
        });
    }
    if let Some(offset) = input.bytes().position(|b| b == 0) {
        return Err(Error::NotText { offset });
    }
    memory::reserve(memory::Job::Read(input.len()));
    Ok(())
}

/// Quotes, speakers and entities, the same for every input format.
///
/// Posts are read by age (`u1` first, the header before them all) whatever the page's order:
/// the first full name, the first copy of a quote, the speaker a post of quotes goes on with
/// and the quote and entity ids go to what the blog said first, so a new post only adds at
/// the end and no id moves. The lists come back in page order.
pub(crate) fn read_names(blog: LiveBlog) -> LiveBlog {
    read_names_kept(blog, &mut Default::default())
}

/// [`read_names`], reading again only what `reading` (kept from the blog's last reading,
/// for its edits) may have changed.
pub(crate) fn read_names_kept(
    mut blog: LiveBlog,
    reading: &mut extract::reading::Reading,
) -> LiveBlog {
    // What was read before: the quotes of posts read again, and entities whose mentions'
    // strings the new ones are written over.
    let before = (
        std::mem::take(&mut blog.quotes),
        std::mem::take(&mut blog.entities),
    );
    let (quotes, entities) = {
        let posts = &blog.updates;
        let numbers: Vec<Option<u64>> = posts.iter().map(|u| edit::number_of(&u.id)).collect();
        // Posts are numbered by age, and most pages list them newest or oldest first: then
        // the order by age is the page's, either way, and a post's number gives its place.
        let strictly = |earlier: fn(&u64, &u64) -> bool| {
            let mut pairs = numbers.windows(2);
            numbers.iter().all(Option::is_some)
                && pairs.all(|w| matches!(w, [Some(a), Some(b)] if earlier(a, b)))
        };
        let (first, last) = (numbers.first(), numbers.last());
        let (low, high) = match (first.copied().flatten(), last.copied().flatten()) {
            (Some(a), Some(b)) => (a.min(b), a.max(b)),
            _ => (0, 0),
        };
        // Places fit in a u32, as other maps of post ids keep them.
        let listed = if high - low >= u64::from(u32::MAX) {
            None
        } else if strictly(u64::gt) {
            Some(true)
        } else if strictly(u64::lt) {
            Some(false)
        } else {
            None
        };
        let mut by_age: Vec<&model::Update> = posts.iter().collect();
        match listed {
            Some(true) => by_age.reverse(),
            Some(false) => {}
            None => {
                sorting::sort_by_rank(&mut by_age, |u| edit::number_of(&u.id).unwrap_or(u64::MAX))
            }
        }
        // Each post's place on the page, the header's 0: from its number, or a map (usize,
        // the type other maps of post ids and words use: each map type is its own copy of
        // the hash table's code). Only the order of places is read.
        let place: fxhash::FxMap<&str, usize> = match listed {
            Some(_) => fxhash::FxMap::default(),
            None => (posts.iter().zip(1usize..))
                .map(|(u, p)| (u.id.as_str(), p))
                .collect(),
        };
        let page_of = |id: Option<&str>| match listed {
            Some(newest_first) => {
                let n = id.and_then(edit::number_of);
                let from_top = n.and_then(|n| {
                    if newest_first {
                        high.checked_sub(n)
                    } else {
                        n.checked_sub(low)
                    }
                });
                from_top.filter(|&d| d <= high - low).map_or(0, |d| d + 1)
            }
            None => id.and_then(|id| place.get(id)).map_or(0, |&p| p as u64),
        };
        reading.read(&blog, &by_age, &page_of, before)
    };
    blog.quotes = quotes;
    blog.entities = entities;
    blog
}
