//! No quadratic paths: hostile shapes of input each finish well within a generous bound.
//! The bounds are loose on purpose (debug builds, shared machines); the real figures are
//! in `make bench` (bench/parse.mjs) and BENCHMARKS.md.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use liveblog_index::{parse, parse_html, parse_json_ld, Index, ReadOptions, SearchOptions};

/// Generous: a test build (opt-level 1) on a busy 2-core machine, for work that takes a
/// release build milliseconds. A quadratic path on these inputs takes minutes.
const BOUND: Duration = Duration::from_secs(10);

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    let took = started.elapsed();
    eprintln!("{what}: {took:?}");
    assert!(took < BOUND, "{what} took {took:?}");
    out
}

#[test]
fn a_megabyte_of_quote_marks() {
    for mark in ["“", "\"", "'", "‘ ’ ", "« "] {
        let text = format!(
            "Title here\n\n10:00 Post\n\n{}\n",
            mark.repeat((1 << 20) / mark.len())
        );
        let blog = timed(&format!("1 MB of {mark:?}"), || parse(&text).unwrap());
        assert_eq!(blog.updates.len(), 1);
    }
}

#[test]
fn a_hundred_thousand_one_word_lines() {
    let text = (0..100_000)
        .map(|i| format!("word{i}\n"))
        .collect::<String>();
    let blog = timed("100,000 one-word lines", || parse(&text).unwrap());
    let kept = blog.header.len()
        + blog
            .updates
            .iter()
            .map(|u| u.paragraphs.len() + 1)
            .sum::<usize>()
        + usize::from(blog.title.is_some());
    assert!(kept > 0);
    let headlines = (0..100_000)
        .map(|i| {
            format!(
                "{:02}:{:02} Headline {i}\n\nBody {i}.\n\n",
                23 - (i / 60) % 24,
                59 - i % 60
            )
        })
        .collect::<String>();
    let blog = timed("50,000 timed posts", || parse(&headlines).unwrap());
    assert!(blog.updates.len() > 10_000);
}

#[test]
fn a_megabyte_on_one_line() {
    let words = "The minister said the talks would resume on Friday in Geneva ".repeat(16_500);
    let blog = timed("1 MB single line", || parse(&words).unwrap());
    assert!(!blog.header.is_empty() || !blog.updates.is_empty() || blog.title.is_some());
    let bare = "x".repeat(1 << 20);
    timed("1 MB word", || parse(&bare).unwrap());
}

#[test]
fn ten_thousand_deep_html() {
    for (open, close) in [
        ("<div>", "</div>"),
        ("<b>", ""),
        ("<li><ul>", ""),
        ("<p><span>", "</i>"),
    ] {
        let html = open.repeat(10_000)
            + "<h2>Deep</h2><time>10:00</time><p>Text</p>"
            + &close.repeat(10_000);
        timed(&format!("10,000 deep {open}"), || {
            parse_html(&html, &ReadOptions::default()).unwrap()
        });
    }
    let stray = "<div>".repeat(10_000) + &"</span>".repeat(100_000);
    timed("stray end tags under deep nesting", || {
        parse_html(&stray, &ReadOptions::default()).unwrap()
    });
    let siblings = "<div class=a><h2>x</h2><p>some text here, enough</p></div>".repeat(20_000);
    let blog = timed("20,000 sibling posts", || {
        parse_html(&siblings, &ReadOptions::default()).unwrap()
    });
    assert_eq!(blog.updates.len(), 20_000);
    let classes = (0..50_000)
        .map(|i| format!("<div class=c{i}>text of some length {i}</div>"))
        .collect::<String>();
    timed("50,000 siblings of different kinds", || {
        parse_html(&classes, &ReadOptions::default()).unwrap()
    });
}

#[test]
fn json_and_queries_of_hostile_shape() {
    let nested = "[".repeat(100_000) + &"]".repeat(100_000);
    let err = timed("100,000-deep JSON", || {
        parse_json_ld(&nested, &ReadOptions::default())
    });
    assert_eq!(err.unwrap_err().code(), "LB_JSON");
    let commas = format!("[{}]", ",".repeat(1 << 20));
    timed("1 MB of commas", || {
        parse_json_ld(&commas, &ReadOptions::default()).ok()
    });
    let blog =
        parse("Port strike: live\n\n10:00 Talks\n\nDockers walked out, the union said.\n").unwrap();
    let index = Index::from_blog(&blog, "");
    for query in [
        "\"".repeat(10_000),
        "-".repeat(10_000),
        "a OR ".repeat(5_000),
        "speaker:".repeat(5_000),
        "dockers ".repeat(10_000),
    ] {
        timed(&format!("query of {:?}…", &query[..8]), || {
            index.search(&query, &SearchOptions::default())
        });
    }
}
