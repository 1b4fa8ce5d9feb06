//! The readers of `src/input/` use each other in one direction only: each module's source is
//! read for the sibling readers it names (`super::page`, `crate::input::markup`), and the
//! graph they make must have no cycle, with `markup` (what they all share) at the bottom.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

const READERS: &[&str] = &["feed", "html", "jsonld", "markup", "page", "text"];

/// All the Rust source of one reader: its file, or every file of its folder.
fn source(reader: &str) -> String {
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/input");
    let file = input.join(format!("{reader}.rs"));
    if file.exists() {
        return fs::read_to_string(file).unwrap();
    }
    let mut all = String::new();
    for entry in fs::read_dir(input.join(reader)).unwrap() {
        all += &fs::read_to_string(entry.unwrap().path()).unwrap();
    }
    assert!(!all.is_empty(), "no source for {reader}");
    all
}

/// The other readers a source names. A file inside a reader's folder reaches its siblings
/// through `super::super::` or `crate::input::`; the folder's own `mod.rs` through `super::`.
fn uses(reader: &str, text: &str) -> Vec<&'static str> {
    READERS
        .iter()
        .copied()
        .filter(|&other| other != reader)
        .filter(|other| {
            [
                format!("super::{other}::"),
                format!("super::{other}::{{"),
                format!("super::{other};"),
                format!("crate::input::{other}"),
            ]
            .iter()
            .any(|p| text.contains(p.as_str()))
        })
        .collect()
}

fn graph() -> BTreeMap<&'static str, Vec<&'static str>> {
    READERS.iter().map(|&r| (r, uses(r, &source(r)))).collect()
}

/// A cycle through `from`, if any: the path back to it.
fn cycle(
    graph: &BTreeMap<&'static str, Vec<&'static str>>,
    from: &'static str,
) -> Option<Vec<&'static str>> {
    let mut stack = vec![vec![from]];
    while let Some(path) = stack.pop() {
        for &next in &graph[path.last().unwrap()] {
            if next == from {
                return Some([path.clone(), vec![from]].concat());
            }
            if !path.contains(&next) {
                stack.push([path.clone(), vec![next]].concat());
            }
        }
    }
    None
}

#[test]
fn the_readers_use_each_other_in_one_direction_only() {
    let graph = graph();
    for &reader in READERS {
        assert_eq!(
            cycle(&graph, reader),
            None,
            "a cycle among the readers: {graph:?}"
        );
    }
    // What the structured readers share knows nothing of them.
    for reader in ["html", "jsonld", "feed", "page"] {
        assert!(
            !graph["markup"].contains(&reader),
            "markup uses {reader}: {graph:?}"
        );
    }
    // The check sees real uses: the page reader reads JSON-LD and the shared markup.
    assert!(graph["html"].contains(&"jsonld") && graph["html"].contains(&"markup"));
    assert!(graph["jsonld"].contains(&"markup") && graph["feed"].contains(&"page"));
}

#[test]
fn a_cycle_is_seen() {
    let mut graph = graph();
    graph.get_mut("markup").unwrap().push("html");
    assert!(cycle(&graph, "markup").is_some());
}

/// A string pattern written as an array (`s.starts_with(['a', 'b'])`) is a type of its own
/// for each length, and each compiles its own copy of the method and its searcher into the
/// wasm: 115 such call sites had cost 2.5 KB gzipped (session 17). A slice (`&[..][..]`) is
/// one type for them all.
#[test]
fn string_patterns_are_slices_not_arrays() {
    const METHODS: &[&str] = &[
        "contains",
        "ends_with",
        "find",
        "matches",
        "rfind",
        "rsplit",
        "rsplit_once",
        "split",
        "split_once",
        "split_terminator",
        "starts_with",
        "strip_prefix",
        "strip_suffix",
        "trim_end_matches",
        "trim_matches",
        "trim_start_matches",
    ];
    let mut found = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                if METHODS.iter().any(|m| line.contains(&format!(".{m}(["))) {
                    found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "array patterns:\n{}", found.join("\n"));
}
