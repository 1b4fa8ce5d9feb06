//! Times parsing and indexing a live blog natively, and what the index holds:
//! `cargo run --release --example index FILE [QUERY [page|bare|json] [PLACE]]`. FILE may be
//! an index saved by `index FILE --save OUT` (`Index::to_bytes`, read back when its name
//! ends in `.idx`), so that profilers need not parse a large blog again. With a
//! query, searches it 200 times: by default with the default options; `page` as the bench's
//! page calls it (ten hits with excerpts and facet counts, the results written as columns),
//! `bare` ten hits without either; `json` prints a page's results once as JSON, to compare builds;
//! PLACE is a place chip (for profilers: `valgrind
//! --tool=callgrind --toggle-collect='*searches*'`; the synthetic
//! blogs are `node bench/synthetic.mjs N VOCABULARY`).

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: index FILE [QUERY [page|bare|json] [PLACE]] | FILE --save OUT");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("index: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let t = Instant::now();
    let built = if path.ends_with(".idx") {
        liveblog_index::Index::from_bytes(&bytes)
    } else {
        liveblog_index::parse(&String::from_utf8_lossy(&bytes))
            .map(|blog| liveblog_index::Index::from_blog(&blog, "blog"))
    };
    let index = match built {
        Ok(index) => index,
        Err(e) => {
            eprintln!("index: {e}");
            return ExitCode::from(1);
        }
    };
    println!(
        "{} updates: read and indexed in {:?}, index memory {} bytes ({:.2}× the file)",
        index.len(),
        t.elapsed(),
        index.memory_bytes(),
        index.memory_bytes() as f64 / bytes.len().max(1) as f64
    );
    let mut query = args.next();
    if query.as_deref() == Some("--save") {
        let Some(out) = args.next() else {
            eprintln!("usage: index FILE --save OUT");
            return ExitCode::from(2);
        };
        if let Err(e) = std::fs::write(&out, index.to_bytes()) {
            eprintln!("index: {out}: {e}");
            return ExitCode::from(2);
        }
        query = None;
    }
    if let Some(query) = query {
        let mut options = liveblog_index::SearchOptions::default();
        let how = args.next();
        if let Some(how) = &how {
            options.limit = 10;
            options.excerpts = how != "bare";
            options.facet_limit = if how == "bare" { 0 } else { 20 };
        }
        if let Some(place) = args.next() {
            options.filters.places.push(place);
        }
        if how.as_deref() == Some("json") {
            let results = index.search(&query, &options);
            println!("{}", serde_json::to_string(&results).unwrap_or_default());
            return ExitCode::SUCCESS;
        }
        let t = Instant::now();
        let total = searches(&index, &query, &options, how.as_deref() == Some("page"));
        println!(
            "{query:?}: {total} updates, {:?} a search",
            t.elapsed() / 200
        );
    }
    ExitCode::SUCCESS
}

/// The query searched 200 times; with `json`, each result written as the package hands it
/// to JavaScript.
/// Apart, for profilers (`--toggle-collect='*searches*'`).
#[inline(never)]
fn searches(
    index: &liveblog_index::Index,
    query: &str,
    options: &liveblog_index::SearchOptions,
    json: bool,
) -> usize {
    let mut total = 0;
    for _ in 0..200 {
        let results = index.search(query, options);
        total = results.total;
        if json {
            std::hint::black_box(results.to_columns());
        }
    }
    total
}
