//! The JSON readers on any UTF-8, wrapped and bare (JSON-LD, any system's JSON, a script
//! holding a JS literal, a page's app state): an error or a blog, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liveblog_index::ReadOptions;

fuzz_target!(|text: &str| {
    let options = ReadOptions::default();
    let _ = liveblog_index::parse_json_ld(text, &options);
    // The same text as a page's JSON-LD block, beside no markup.
    let page = format!("<script type=\"application/ld+json\">{text}</script>");
    let _ = liveblog_index::parse_html(&page, &options);
    // As any input (a script or module holding data is sniffed as such), and as the state a
    // page's script assigns.
    let _ = liveblog_index::parse_any(text, &options);
    let _ = liveblog_index::parse_any(&format!("window.__S__ = {text};"), &options);
    let page = format!("<div id=\"app\"></div><script>window.__S__ = {text};</script>");
    let _ = liveblog_index::parse_html(&page, &options);
});
