//! Times the whole pipeline natively (parse, timestamps, quotes, entities, then the search
//! index) on each file given, for comparison with the wasm build in `bench/pipeline.mjs`:
//! `cargo run --release --example pipeline [--runs N] FILE ...`. Prints one JSON line per
//! file (`file`, `bytes`, `updates`, `runs`, `minMs`, `medianMs`, `p95Ms`).

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut runs = 200usize;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--runs" {
            match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => runs = n,
                _ => {
                    eprintln!("pipeline: --runs takes a whole number above 0");
                    return ExitCode::from(2);
                }
            }
        } else {
            files.push(arg);
        }
    }
    if files.is_empty() {
        eprintln!("usage: pipeline [--runs N] FILE ...");
        return ExitCode::from(2);
    }
    for path in files {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("pipeline: {path}: {e}");
                return ExitCode::from(2);
            }
        };
        let options = liveblog_index::ReadOptions::default();
        let mut times = Vec::with_capacity(runs);
        let mut updates = 0;
        // A tenth of the runs (at least one) warm the caches first.
        for round in 0..runs + runs.div_ceil(10) {
            let start = Instant::now();
            let blog = match liveblog_index::parse_any(&text, &options) {
                Ok(blog) => blog,
                Err(e) => {
                    eprintln!("pipeline: {path}: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let index = liveblog_index::Index::from_blog(&blog, "blog");
            let elapsed = start.elapsed();
            updates = index.len();
            if round >= runs.div_ceil(10) {
                times.push(elapsed.as_secs_f64() * 1e3);
            }
        }
        times.sort_by(f64::total_cmp);
        let at = |q: f64| times[((q * times.len() as f64) as usize).min(times.len() - 1)];
        println!(
            "{{\"file\":{:?},\"bytes\":{},\"updates\":{updates},\"runs\":{runs},\"minMs\":{:.4},\"medianMs\":{:.4},\"p95Ms\":{:.4}}}",
            path,
            text.len(),
            times[0],
            at(0.5),
            at(0.95)
        );
    }
    ExitCode::SUCCESS
}
