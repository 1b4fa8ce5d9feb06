//! Any query, lenient and strict, against a small blog: no panic, strict errors point into
//! the query, and the lenient reader never fails.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liveblog_index::{Index, SearchOptions};

const BLOG: &str =
    "Harbour works – live\n\nThe council approved the plan on Monday, officials said.\n\n\
10:05 a.m. Cranes arrive at Kyiv quay\n\nTwo cranes were unloaded at the north quay.\n\n\
“The cranes are the biggest we have ever had,” harbour master Ivo Dane told reporters.\n\n\
9:30 a.m. Road closed\n\nThe quay road is closed until noon, NATO said.\n";

thread_local! {
    static INDEX: Index = Index::from_blog(&liveblog_index::parse(BLOG).unwrap(), "b");
}

fuzz_target!(|query: &str| {
    INDEX.with(|index| {
        let options = SearchOptions::default();
        let results = index.search(query, &options);
        assert!(results.total <= index.len());
        let _ = results.to_columns();
        if let Err(liveblog_index::Error::Query { at, .. }) = index.search_strict(query, &options) {
            assert!(at <= query.len());
        }
    });
});
