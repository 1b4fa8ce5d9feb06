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

mod clock;
mod error;
mod extract;
mod index;
mod input;
mod lookup;
mod model;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::Error;
pub use index::{
    FacetCount, Filters, Hit, Index, IndexDoc, SearchFacets, SearchOptions, SearchResults, Sort,
};
pub use lookup::QuoteFilter;
pub use model::{
    Entity, EntityKind, FacetValue, Facets, Image, LiveBlog, Mention, Order, Quote, QuoteKind,
    Span, Speaker, Status, TextPart, Update, Warning, WarningCode,
};

/// The largest input accepted, in bytes (32 MiB: a year of a busy live blog is under 5).
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
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            bytes: text.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    if let Some(offset) = text.bytes().position(|b| b == 0) {
        return Err(Error::NotText { offset });
    }
    let mut blog = input::text::parse_text(text);
    extract::time::resolve_timestamps(&mut blog);
    // Who the blog names in full, read once for both extractors.
    let registry = extract::names::Registry::of(&blog);
    extract::quotes::extract_quotes(&mut blog, &registry);
    extract::entities::extract_entities(&mut blog, &registry);
    Ok(blog)
}
