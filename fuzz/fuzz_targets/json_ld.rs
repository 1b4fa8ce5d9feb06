//! The JSON-LD reader on any UTF-8, wrapped and bare: an error or a blog, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liveblog_index::ReadOptions;

fuzz_target!(|text: &str| {
    let options = ReadOptions::default();
    let _ = liveblog_index::parse_json_ld(text, &options);
    // The same text as a page's JSON-LD block, beside no markup.
    let page = format!("<script type=\"application/ld+json\">{text}</script>");
    let _ = liveblog_index::parse_html(&page, &options);
});
