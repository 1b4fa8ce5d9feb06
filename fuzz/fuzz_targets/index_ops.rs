//! Any sequence of append, replace, remove and search on a growing blog: the index kept up
//! to date equals one built from scratch, in results and in its saved bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liveblog_index::{Index, LiveBlog, SearchOptions, Update};

const WORDS: &[&str] = &[
    "troops",
    "Kyiv",
    "talks",
    "ceasefire",
    "Biden",
    "said",
    "the",
    "harbour",
    "crane",
    "vote",
    "“we will”",
    "Zelensky",
    "quay",
    "road",
    "closed",
    "NATO",
    "minister",
    "2pm",
    "8,500",
];

fuzz_target!(|ops: &[u8]| {
    let mut blog = LiveBlog::default();
    let mut index = Index::new();
    let mut next_id = 1;
    for chunk in ops.chunks(3) {
        let (op, a, b) = (
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        );
        let text = |seed: u8| -> String {
            (0..(seed % 7 + 1))
                .map(|i| WORDS[(usize::from(seed) * 7 + i as usize * 3) % WORDS.len()])
                .collect::<Vec<_>>()
                .join(" ")
        };
        match op % 4 {
            0 => {
                blog.updates.push(Update {
                    id: format!("u{next_id}"),
                    headline: Some(text(a)),
                    paragraphs: vec![text(b)],
                    ..Update::default()
                });
                next_id += 1;
            }
            1 if !blog.updates.is_empty() => {
                let i = usize::from(a) % blog.updates.len();
                blog.updates[i].paragraphs = vec![text(b)];
            }
            2 if !blog.updates.is_empty() => {
                let i = usize::from(a) % blog.updates.len();
                blog.updates.remove(i);
            }
            _ => {
                let query = text(a);
                let fresh = Index::from_blog(&blog, "k");
                index.add_blog(&blog, "k");
                let options = SearchOptions::default();
                assert_eq!(
                    index.search(&query, &options).to_columns(),
                    fresh.search(&query, &options).to_columns()
                );
            }
        }
        index.add_blog(&blog, "k");
    }
    assert_eq!(index.to_bytes(), Index::from_blog(&blog, "k").to_bytes());
});
