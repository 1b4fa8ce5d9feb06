//! No quadratic paths. Each worst-case shape of `examples/adversarial.rs` is read at n, 2n,
//! 4n and 8n under callgrind, and the instructions counted may grow by at most 2.5x per
//! doubling (n log n grows by a little over 2; a list searched per item, by 4). Counted, not
//! timed: the count is the same on a busy machine. Timings of the same shapes are in
//! `make bench` and BENCHMARKS.md.
//!
//! Below that, hostile inputs at megabyte scale that must still give a result.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command;

use liveblog_index::{parse, parse_html, parse_json_ld, Index, ReadOptions, SearchOptions};

/// Runs `f`; the name says what, for the test's output.
fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    eprintln!("{what}");
    f()
}

/// The worst-case generator, built by `cargo test` beside this test's binary.
fn adversarial() -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows its own path");
    let profile = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("tests run from target/PROFILE/deps");
    profile.join("examples").join("adversarial")
}

/// Instructions callgrind counts for one run of the generator, or why it could not.
fn counted(bin: &PathBuf, shape: &str, n: usize) -> Result<u64, String> {
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(bin)
        .args([shape, &n.to_string()])
        .output()
        .map_err(|e| format!("valgrind: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{shape} {n}: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .find_map(|l| l.split("Collected : ").nth(1))
        .and_then(|c| c.trim().parse().ok())
        .ok_or_else(|| format!("{shape} {n}: no count in callgrind's output"))
}

#[test]
fn counted_work_grows_at_most_2_5x_per_doubling() {
    let bin = adversarial();
    let has_valgrind = Command::new("valgrind").arg("--version").output().is_ok();
    if !has_valgrind || !bin.exists() {
        let why = format!(
            "NOT RUN: counted work needs valgrind ({}) and {} ({})",
            if has_valgrind { "found" } else { "missing" },
            bin.display(),
            if bin.exists() { "found" } else { "missing" }
        );
        assert!(std::env::var_os("CI").is_none(), "{why}");
        println!("{why}");
        return;
    }
    let list = Command::new(&bin)
        .arg("list")
        .output()
        .expect("the generator runs");
    let shapes: Vec<String> = String::from_utf8_lossy(&list.stdout)
        .lines()
        .filter_map(|l| l.split('\t').next().map(str::to_string))
        .collect();
    assert!(
        shapes.len() >= 8,
        "the generator lists its shapes: {shapes:?}"
    );
    let sizes = [250, 500, 1000, 2000];
    // Two at a time: the machine has two cores.
    let results: Vec<(String, Result<Vec<u64>, String>)> = std::thread::scope(|scope| {
        let chunks: Vec<&[String]> = shapes.chunks(shapes.len().div_ceil(2)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let bin = &bin;
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|shape| {
                            let counts = sizes.iter().map(|&n| counted(bin, shape, n)).collect();
                            (shape.clone(), counts)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a counting thread finishes"))
            .collect()
    });
    let mut failures = Vec::new();
    for (shape, counts) in results {
        let counts = match counts {
            Ok(c) => c,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        let ratios: Vec<f64> = counts
            .windows(2)
            .map(|w| w[1] as f64 / w[0] as f64)
            .collect();
        println!("{shape:16} {counts:?} growth per doubling {ratios:.2?}");
        if ratios.iter().any(|&r| r > 2.5) {
            failures.push(format!(
                "{shape}: {counts:?} grows {ratios:.2?} per doubling"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
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
    // Timed: on a page that does not say it is live, headed blocks alone are an article's.
    let siblings = "<div class=a><h2>x</h2><time>10:00</time><p>some text here, enough</p></div>"
        .repeat(20_000);
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
