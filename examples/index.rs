//! Times parsing and indexing a live blog natively, and what the index holds:
//! `cargo run --release --example index FILE [QUERY]`. With a query, searches it 200 times
//! (for profilers: `valgrind --tool=callgrind --toggle-collect='*Index*::search'`).

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: index FILE [QUERY]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("index: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let t = Instant::now();
    let blog = match liveblog_index::parse(&text) {
        Ok(blog) => blog,
        Err(e) => {
            eprintln!("index: {e}");
            return ExitCode::from(1);
        }
    };
    let parsed = t.elapsed();
    let t = Instant::now();
    let index = liveblog_index::Index::from_blog(&blog, "blog");
    let built = t.elapsed();
    println!(
        "{} updates: parse {parsed:?}, index {built:?}, index memory {} bytes ({:.2}× the text)",
        index.len(),
        index.memory_bytes(),
        index.memory_bytes() as f64 / text.len().max(1) as f64
    );
    if let Some(query) = args.next() {
        let options = liveblog_index::SearchOptions::default();
        let t = Instant::now();
        let mut total = 0;
        for _ in 0..200 {
            total = index.search(&query, &options).total;
        }
        println!(
            "{query:?}: {total} updates, {:?} a search",
            t.elapsed() / 200
        );
    }
    ExitCode::SUCCESS
}
