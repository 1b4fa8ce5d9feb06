//! The plain-text parser on any UTF-8: no panic, and the same oracle as the property test
//! (`tests/common`): every line once, whole, in the update that holds it, sane spans, quotes on
//! real text.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|text: &str| {
    if let Ok(blog) = liveblog_index::parse(text) {
        common::assert_lines(text, &blog);
        common::check_spans(text, &blog);
        common::check_quotes(&blog);
    }
});
