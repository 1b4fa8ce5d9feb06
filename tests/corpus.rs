//! Every file of the development corpus (`../shared/corpus`, read in place, never copied):
//! nothing lost, spans sane, and the labelled updates found. Skipped, with a notice, when the
//! folder is absent.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;

fn corpus() -> Option<Vec<PathBuf>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("notice: {} is absent; corpus tests skipped", dir.display());
        return None;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Some(files)
}

#[test]
fn every_corpus_line_lands_in_the_model_once() {
    let Some(files) = corpus() else { return };
    assert!(!files.is_empty(), "the corpus folder holds no .txt files");
    for path in files {
        let text = std::fs::read_to_string(&path).expect("corpus files are UTF-8");
        let blog = liveblog_index::parse(&text).expect("corpus files parse");
        let diff = common::lost_or_doubled(&text, &blog);
        assert!(
            diff.is_empty(),
            "{}: lost (+) or doubled (-): {diff:?}",
            path.display()
        );
        common::check_spans(&text, &blog);
        common::check_quotes(&blog);
    }
}

#[test]
fn corpus_updates_match_the_labels() {
    let Some(files) = corpus() else { return };
    for path in files {
        let gold_path = path.with_extension("gold.json");
        let Ok(gold) = std::fs::read_to_string(&gold_path) else {
            continue;
        };
        let gold: serde_json::Value = serde_json::from_str(&gold).expect("gold files are JSON");
        let text = std::fs::read_to_string(&path).expect("corpus files are UTF-8");
        let blog = liveblog_index::parse(&text).expect("corpus files parse");
        let labelled = gold["updates"].as_array().expect("gold lists updates");
        assert_eq!(blog.updates.len(), labelled.len(), "{}", path.display());
        for (update, label) in blog.updates.iter().zip(labelled) {
            assert_eq!(
                update.headline.as_deref(),
                label["headline"].as_str(),
                "{}",
                path.display()
            );
            assert_eq!(
                update.time.as_deref(),
                label["time"].as_str(),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn severe_costs_finds_stoltenbergs_quote() {
    let Some(files) = corpus() else { return };
    let Some(path) = files
        .iter()
        .find(|p| p.to_string_lossy().contains("aljazeera"))
    else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("corpus files are UTF-8");
    let blog = liveblog_index::parse(&text).expect("corpus files parse");
    for words in ["severe costs", "severe cost", "sever costs"] {
        let found = blog.find_quotes(words);
        assert!(
            found.iter().any(|q| q
                .speaker
                .as_ref()
                .is_some_and(|s| s.name == "Jens Stoltenberg")),
            "{words}: {found:?}"
        );
    }
    assert!(blog.quotes_by("stoltenberg").len() >= 3);
}
