//! What the harnesses over `../shared` have in common (`tests/corpus.rs`, `tests/scores.rs`):
//! where a folder is, what an absent one means, and how a run ends. An absent folder (a clone
//! without `../shared`) is a failure when `CI` is set and a printed notice otherwise.

use std::path::PathBuf;
use std::process::ExitCode;

/// One harness run: its failures so far, and whether it runs under CI.
pub struct Run {
    ci: bool,
    pub failures: Vec<String>,
}

impl Run {
    pub fn new() -> Self {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "0" && v != "false");
        Run {
            ci,
            failures: Vec::new(),
        }
    }

    /// `../shared/<name>`, beside the checkout.
    pub fn folder(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../shared")
            .join(name)
    }

    /// A folder with nothing to read: says so, and fails under CI.
    pub fn absent(&mut self, notice: String) {
        eprintln!("{notice}");
        if self.ci {
            self.failures.push(notice);
        }
    }

    /// Prints every failure; success when there is none.
    pub fn finish(self) -> ExitCode {
        for failure in &self.failures {
            eprintln!("FAILED: {failure}");
        }
        if self.failures.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}
