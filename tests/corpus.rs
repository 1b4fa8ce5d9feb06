//! Every file of both development corpora (`../shared/corpus` and `../shared/corpus2`, read in
//! place, never copied) through the line oracle: each non-blank line once, whole, in the
//! update whose span holds it (or the header), paragraphs in order; spans and quotes sane.
//! On `corpus`, whose layouts the reader must always get right, the labelled updates are
//! found exactly (headline and time). Quotes, speakers and entities are scored, by the
//! scorer's rules, in `tests/scores.rs`.
//!
//! A harness of its own (`harness = false`, like `tests/scores.rs`), so that `make test`
//! prints what it checked on every run. A missing folder (a clone without `../shared`) is a
//! failure when `CI` is set, and a printed `NOT CHECKED` notice otherwise: a developer without
//! the corpus can still run the suite, and CI cannot pass without it.

mod common;
mod shared;

use shared::Run;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn texts(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// Runs `check` and turns a panic into a failure line, so that every file is reported.
fn record(failures: &mut Vec<String>, name: &str, check: impl FnOnce() -> Result<(), String>) {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)) {
        Ok(Ok(())) => {}
        Ok(Err(e)) => failures.push(format!("{name}: {e}")),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{name}: {message}"));
        }
    }
}

fn lines_in_place(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let blog = liveblog_index::parse(&text).map_err(|e| e.to_string())?;
    common::check_lines(&text, &blog)?;
    common::check_spans(&text, &blog);
    common::check_quotes(&blog);
    Ok(())
}

fn updates_match_the_labels(path: &Path) -> Result<(), String> {
    let Ok(gold) = std::fs::read_to_string(path.with_extension("gold.json")) else {
        return Ok(());
    };
    let gold: serde_json::Value = serde_json::from_str(&gold).map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let blog = liveblog_index::parse(&text).map_err(|e| e.to_string())?;
    let labelled = gold["updates"].as_array().ok_or("gold lists no updates")?;
    let found: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.headline.as_deref(), u.time.as_deref()))
        .collect();
    let wanted: Vec<_> = labelled
        .iter()
        .map(|l| (l["headline"].as_str(), l["time"].as_str()))
        .collect();
    if found == wanted {
        Ok(())
    } else {
        Err(format!("updates {found:?}, labelled {wanted:?}"))
    }
}

fn main() -> ExitCode {
    let mut run = Run::new();
    for folder in ["corpus", "corpus2"] {
        let dir = Run::folder(folder);
        let files = texts(&dir);
        if files.is_empty() {
            let notice = format!(
                "NOT CHECKED: {} holds no .txt files (is ../shared beside the checkout?)",
                dir.display()
            );
            run.absent(notice);
            continue;
        }
        let before = run.failures.len();
        for path in &files {
            let name = format!("{folder}/{}", path.file_name().unwrap().to_string_lossy());
            record(&mut run.failures, &name, || lines_in_place(path));
            if folder == "corpus" {
                record(&mut run.failures, &name, || updates_match_the_labels(path));
            }
        }
        let failed = run.failures.len() - before;
        let checked = if folder == "corpus" {
            "every line in place, labelled updates found exactly"
        } else {
            "every line in place"
        };
        if failed == 0 {
            println!("{folder}: {} files, {checked}", files.len());
        } else {
            println!("{folder}: {} files, {failed} failures", files.len());
        }
    }
    run.finish()
}
