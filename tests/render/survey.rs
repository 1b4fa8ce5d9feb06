//! What both renderers' tests share: the fixed-seed draw of the property tests, and for the
//! `survey` tests drawing cases from a seed named in the environment, counting failures by
//! each dimension's value and by kind, and printing them.

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::collections::BTreeMap;

/// `n` cases of `strategy` drawn from the fixed seed: every run checks the same ones.
pub fn fixed<S: Strategy>(strategy: S, n: usize) -> impl Iterator<Item = S::Value> {
    let mut runner = TestRunner::deterministic();
    (0..n).map(move |_| strategy.new_tree(&mut runner).unwrap().current())
}

/// A survey's counts. `SURVEY=n` cases (default the caller's), `SURVEY_SHOW=k` failing cases
/// to print, `SURVEY_SEED=s` (default 1) to draw other cases than the fixed-seed test,
/// `SURVEY_SEED=fixed` to draw the test's own.
pub struct Survey {
    pub cases: usize,
    pub runner: TestRunner,
    show: usize,
    shown: usize,
    failed: usize,
    by_value: BTreeMap<String, (usize, usize)>,
    kinds: BTreeMap<String, usize>,
}

impl Survey {
    pub fn from_env(default_cases: usize) -> Survey {
        let number = |k: &str| std::env::var(k).ok().and_then(|n| n.parse().ok());
        let seed = std::env::var("SURVEY_SEED").unwrap_or_else(|_| "1".into());
        let runner = match seed.parse::<u8>() {
            Ok(seed) => TestRunner::new_with_rng(
                Config::default(),
                TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]),
            ),
            // "fixed": the cases the property test checks.
            Err(_) => TestRunner::deterministic(),
        };
        Survey {
            cases: number("SURVEY").unwrap_or(default_cases),
            runner,
            show: number("SURVEY_SHOW").unwrap_or(0),
            shown: 0,
            failed: 0,
            by_value: BTreeMap::new(),
            kinds: BTreeMap::new(),
        }
    }

    /// One case: the dimension values it was drawn with, and whether it failed.
    pub fn count(&mut self, values: impl IntoIterator<Item = String>, bad: bool) {
        self.failed += usize::from(bad);
        for v in values {
            let e = self.by_value.entry(v).or_default();
            e.0 += usize::from(bad);
            e.1 += 1;
        }
    }

    /// A failure's kind, counted.
    pub fn kind(&mut self, kind: String) {
        *self.kinds.entry(kind).or_default() += 1;
    }

    /// The number of the next failing case to print, while fewer than `SURVEY_SHOW` are.
    pub fn show_next(&mut self) -> Option<usize> {
        (self.shown < self.show).then(|| {
            self.shown += 1;
            self.shown
        })
    }

    /// "n of m `what` fail".
    pub fn print_total(&self, what: &str) {
        println!("{} of {} {what} fail", self.failed, self.cases);
    }

    /// The failures by kind, then each dimension value's failure rate.
    pub fn print_counts(&self) {
        for (kind, count) in &self.kinds {
            println!("{count:6} {kind}");
        }
        for (value, (bad, all)) in &self.by_value {
            println!(
                "{:5.1}%  {bad:5}/{all:<5} {value}",
                100.0 * *bad as f64 / *all as f64
            );
        }
    }
}
