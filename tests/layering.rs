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
