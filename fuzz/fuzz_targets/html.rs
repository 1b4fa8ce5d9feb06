//! The page reader (and, through `parse_any`, the feed reader) on any UTF-8: no panic, and
//! every update it finds has an id and an anchor.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liveblog_index::ReadOptions;

fuzz_target!(|text: &str| {
    let options = ReadOptions {
        url: Some("https://news.example/live/page".into()),
        now: Some(1_773_489_600_000),
        ..ReadOptions::default()
    };
    if let Ok(blog) = liveblog_index::parse_html(text, &options) {
        for (i, update) in blog.updates.iter().enumerate() {
            assert!(update.id.starts_with('u'), "{i}");
        }
    }
    let _ = liveblog_index::parse_feed(text, &options);
});
