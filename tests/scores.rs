//! The development corpora scored by the rules of `../shared/eval/score.py`, every label kind:
//! updates, quotes, speakers, people, places and organisations. Each folder's totals must stay
//! at or above its floor (the figures main reached; raise a floor when a change lifts it, and
//! never lower one without saying why in the commit).
//!
//! A test harness of its own (`harness = false`), so that `make test` always prints the table,
//! and says so loudly when a folder is absent (a fresh clone without `../shared`): that is a
//! failure when `CI` is set, a printed notice otherwise.
//!
//! The matching rules are written here again from the scorer's docstring and code, not taken
//! from the parser: the folding of case, spaces, quote marks and dashes; a headline matched
//! with or without a leading time; first words for updates without a headline; quotes by their
//! first 60 characters, preferring the same in-headline flag; speakers by name words; entities
//! by folded name with the scorer's aliases, a person also by surname.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

mod shared;
use shared::Run;

/// Floors per folder, in the order of [`Totals::figures`]: updates F1, quotes F1, speaker
/// accuracy, people F1, places F1, organisations F1, and entity precision over all kinds.
const FLOORS: &[(&str, [f64; 7])] = &[
    ("corpus", [1.0, 1.0, 0.988, 0.957, 0.974, 0.911, 0.971]),
    ("corpus2", [1.0, 0.957, 0.933, 0.865, 0.838, 0.721, 0.858]),
];

const FIGURES: [&str; 7] = [
    "updates F1",
    "quotes F1",
    "speaker accuracy",
    "people F1",
    "places F1",
    "orgs F1",
    "entity precision",
];

fn main() -> ExitCode {
    let mut run = Run::new();
    for &(folder, floors) in FLOORS {
        let dir = Run::folder(folder);
        let files = labelled(&dir);
        if files.is_empty() {
            run.absent(format!(
                "NOT SCORED: {} holds no labelled files (is ../shared beside the checkout?)",
                dir.display()
            ));
            continue;
        }
        let mut totals = Totals::default();
        println!("\n{folder}: {} files", files.len());
        println!(
            "{:34} {:>8} {:>8} {:>8} {:>7} {:>7} {:>7}",
            "file", "updates", "quotes", "speaker", "people", "places", "orgs"
        );
        for (name, text, gold) in files {
            let blog = match liveblog_index::parse(&text) {
                Ok(blog) => blog,
                Err(e) => {
                    run.failures
                        .push(format!("{folder}/{name}: does not parse: {e}"));
                    continue;
                }
            };
            let file = score(
                &gold,
                &serde_json::to_value(&blog).expect("the model is JSON"),
            );
            println!(
                "{:34} {:>8.3} {:>8.3} {:>8} {:>7.3} {:>7.3} {:>7.3}",
                name,
                f1(file.updates),
                f1(file.quotes),
                format!("{}/{}", file.speaker.0, file.speaker.1),
                f1(file.kinds[0]),
                f1(file.kinds[1]),
                f1(file.kinds[2]),
            );
            totals.add(&file);
        }
        let figures = totals.figures();
        println!(
            "{:34} {:>8.3} {:>8.3} {:>8.3} {:>7.3} {:>7.3} {:>7.3}   entity precision {:.3}",
            "TOTAL",
            figures[0],
            figures[1],
            figures[2],
            figures[3],
            figures[4],
            figures[5],
            figures[6]
        );
        for ((figure, got), floor) in FIGURES.iter().zip(figures).zip(floors) {
            // Three decimals, as the scorer prints them.
            if (got * 1000.0).round() < (floor * 1000.0).round() {
                run.failures.push(format!(
                    "{folder}: {figure} {got:.3} is below its floor {floor:.3}"
                ));
            }
        }
    }
    run.finish()
}

/// Every `NAME.txt` of `dir` that has `NAME.gold.json` beside it, with both read.
fn labelled(dir: &Path) -> Vec<(String, String, Value)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut golds: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    golds
        .into_iter()
        .filter_map(|gold_path| {
            let stem = gold_path.to_string_lossy();
            let stem = stem.strip_suffix(".gold.json")?.to_string();
            let text = std::fs::read_to_string(format!("{stem}.txt")).ok()?;
            let gold = std::fs::read_to_string(&gold_path).expect("gold files are readable");
            let gold = serde_json::from_str(&gold).expect("gold files are JSON");
            let name = Path::new(&stem).file_name()?.to_string_lossy().into_owned();
            Some((name, text, gold))
        })
        .collect()
}

/// Counts for one file or a sum of files: (true positives, predicted, gold) per kind, and
/// (right, scored) for speakers.
#[derive(Default)]
struct Totals {
    updates: (usize, usize, usize),
    quotes: (usize, usize, usize),
    speaker: (usize, usize),
    /// People, places, organisations.
    kinds: [(usize, usize, usize); 3],
}

impl Totals {
    fn add(&mut self, other: &Totals) {
        let sum = |a: &mut (usize, usize, usize), b: (usize, usize, usize)| {
            a.0 += b.0;
            a.1 += b.1;
            a.2 += b.2;
        };
        sum(&mut self.updates, other.updates);
        sum(&mut self.quotes, other.quotes);
        self.speaker.0 += other.speaker.0;
        self.speaker.1 += other.speaker.1;
        for (a, &b) in self.kinds.iter_mut().zip(&other.kinds) {
            sum(a, b);
        }
    }

    fn figures(&self) -> [f64; 7] {
        let entities = self
            .kinds
            .iter()
            .fold((0, 0, 0), |a, k| (a.0 + k.0, a.1 + k.1, a.2 + k.2));
        [
            f1(self.updates),
            f1(self.quotes),
            if self.speaker.1 == 0 {
                0.0
            } else {
                self.speaker.0 as f64 / self.speaker.1 as f64
            },
            f1(self.kinds[0]),
            f1(self.kinds[1]),
            f1(self.kinds[2]),
            prf(entities).0,
        ]
    }
}

/// Precision, recall and F1 as the scorer counts them (an empty side is perfect when the
/// other is empty too).
fn prf((tp, predicted, gold): (usize, usize, usize)) -> (f64, f64, f64) {
    let p = if predicted > 0 {
        tp as f64 / predicted as f64
    } else if gold == 0 {
        1.0
    } else {
        0.0
    };
    let r = if gold > 0 {
        tp as f64 / gold as f64
    } else {
        1.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn f1(counts: (usize, usize, usize)) -> f64 {
    prf(counts).2
}

/// Case, spacing, quote marks, dashes and the compatibility forms the corpora use folded
/// away, as the scorer's `fold`.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '«' | '»' => out.push('"'),
            '\u{2013}' | '\u{2014}' => out.push('-'),
            '\u{a0}' => out.push(' '),
            '…' => out.push_str("..."),
            c => out.extend(c.to_lowercase()),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

/// A headline's leading time ("10:30 a.m. –", "7.22pm BST:"), as the scorer's
/// `TIME_PREFIX` strips it: one or two digits, then `:`/`.` and two digits with an optional
/// a.m./p.m. and a zone of two to four letters, or digits with a.m./p.m. alone; then a
/// separator.
fn strip_time_prefix(h: &str) -> &str {
    let b = h.as_bytes();
    let digits = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    // a\.?m\.? or p\.?m\.?
    let ampm = |i: usize| -> usize {
        if !matches!(b.get(i), Some(b'a' | b'p')) {
            return 0;
        }
        let mut j = i + 1;
        if b.get(j) == Some(&b'.') {
            j += 1;
        }
        if b.get(j) != Some(&b'm') {
            return 0;
        }
        j += 1;
        if b.get(j) == Some(&b'.') {
            j += 1;
        }
        j - i
    };
    let skip_space = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let i = skip_space(0);
    let d = digits(i);
    if !(1..=2).contains(&d) {
        return h;
    }
    let mut j = i + d;
    if j < b.len() && (b[j] == b':' || b[j] == b'.') && digits(j + 1) >= 2 {
        j += 3;
        let k = skip_space(j);
        let m = ampm(k);
        if m > 0 {
            j = k + m;
        }
        // An optional zone of two to four letters, taken greedily as the regex does (it
        // takes "talk" of "talks"): "(bst)", "gmt".
        let k = skip_space(j);
        let open = usize::from(b.get(k) == Some(&b'('));
        let letters = b[k + open..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase())
            .count();
        if letters >= 2 {
            let mut e = k + open + letters.min(4);
            if b.get(e) == Some(&b')') {
                e += 1;
            }
            j = e;
        }
    } else {
        let k = skip_space(j);
        let m = ampm(k);
        if m == 0 {
            return h;
        }
        j = k + m;
    }
    let mut k = skip_space(j);
    for sep in ["-", ":", "|"] {
        if h[k..].starts_with(sep) {
            k += sep.len();
            break;
        }
    }
    &h[skip_space(k)..]
}

fn match_updates(gold: &[Value], predicted: &[Value]) -> usize {
    let mut used = vec![false; predicted.len()];
    let mut tp = 0;
    for g in gold {
        let gh = fold(text_of(&g["headline"]));
        let gw = fold(text_of(&g["first_words"]));
        let gt = fold(text_of(&g["time"]));
        let hit = predicted.iter().enumerate().position(|(i, u)| {
            if used[i] {
                return false;
            }
            let ph = fold(text_of(&u["headline"]));
            let first = u["paragraphs"]
                .as_array()
                .and_then(|p| p.first())
                .map_or(String::new(), |p| fold(text_of(p)));
            if !gh.is_empty() {
                ph == gh || strip_time_prefix(&ph) == gh
            } else if !gw.is_empty() {
                first.starts_with(&gw)
            } else {
                !gt.is_empty() && fold(text_of(&u["time"])).starts_with(&gt)
            }
        });
        if let Some(i) = hit {
            used[i] = true;
            tp += 1;
        }
    }
    tp
}

/// Words of a name as the scorer compares them: folded, without "the" and "'s".
fn name_tokens(s: &str) -> Vec<String> {
    let folded = fold(s);
    let folded = folded.strip_prefix("the ").unwrap_or(&folded);
    let folded = folded.replace("'s", "");
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .filter(|t| !t.is_empty() && *t != "the")
        .map(str::to_string)
        .collect()
}

fn same_speaker(gold: Option<&str>, predicted: Option<&str>) -> bool {
    match (gold, predicted) {
        (None, None) => true,
        (Some(g), Some(p)) => {
            let (g, p) = (name_tokens(g), name_tokens(p));
            if g.is_empty() || p.is_empty() {
                return false;
            }
            let (short, long) = if g.len() <= p.len() { (g, p) } else { (p, g) };
            short.iter().all(|t| long.contains(t))
        }
        _ => false,
    }
}

/// (matched, right speakers, scored speakers).
fn match_quotes(gold: &[Value], predicted: &[Value]) -> (usize, usize, usize) {
    let strip = |s: &str| s.trim_matches([' ', '"', '\'']).to_string();
    let mut used = vec![false; predicted.len()];
    let (mut tp, mut right, mut scored) = (0, 0, 0);
    for g in gold {
        let gt = fold(&strip(text_of(&g["text"])));
        let in_headline = g["in_headline"].as_bool().unwrap_or(false);
        let trim = |s: &str| {
            s.trim_end_matches(['.', ',', ';', ':', '!', '?'])
                .to_string()
        };
        let hit = [true, false].iter().find_map(|&same_flag| {
            predicted.iter().enumerate().position(|(i, q)| {
                let pt = fold(&strip(text_of(&q["text"])));
                let text_ok =
                    pt.starts_with(&gt) || (gt.chars().count() < 60 && trim(&pt) == trim(&gt));
                !used[i]
                    && text_ok
                    && (!same_flag || q["inHeadline"].as_bool().unwrap_or(false) == in_headline)
            })
        });
        let Some(i) = hit else { continue };
        used[i] = true;
        tp += 1;
        if g["speaker_unscored"].as_bool().unwrap_or(false) {
            continue;
        }
        scored += 1;
        let predicted_speaker = predicted[i]["speaker"]["name"].as_str();
        if same_speaker(g["speaker"].as_str(), predicted_speaker) {
            right += 1;
        }
    }
    (tp, right, scored)
}

const PLACE_ALIASES: &[&[&str]] = &[
    &[
        "us",
        "u.s.",
        "usa",
        "u.s.a.",
        "united states",
        "united states of america",
        "america",
    ],
    &["uk", "u.k.", "britain", "great britain", "united kingdom"],
    &["kyiv", "kiev"],
    &["uae", "united arab emirates"],
];
const ORG_ALIASES: &[&[&str]] = &[
    &["eu", "european union"],
    &["un", "united nations", "u.n."],
    &["nato", "north atlantic treaty organization"],
    &[
        "us state department",
        "state department",
        "us department of state",
        "department of state",
    ],
];

fn canon(name: &str, kind: usize) -> String {
    let n = name_tokens(name).join(" ");
    let groups = match kind {
        1 => PLACE_ALIASES,
        2 => ORG_ALIASES,
        _ => &[],
    };
    for group in groups {
        if group.contains(&n.as_str()) {
            let mut sorted = group.to_vec();
            sorted.sort();
            return sorted[0].to_string();
        }
    }
    n
}

/// (matched, predicted, gold) for one kind: 0 people, 1 places, 2 organisations.
fn match_entities(gold: &[Value], predicted: &[&str], kind: usize) -> (usize, usize, usize) {
    let gold: BTreeSet<String> = gold.iter().map(|n| canon(text_of(n), kind)).collect();
    let predicted: BTreeSet<String> = predicted.iter().map(|n| canon(n, kind)).collect();
    let mut left = predicted.clone();
    let mut tp = 0;
    for g in &gold {
        let hit = if left.contains(g) {
            Some(g.clone())
        } else if kind == 0 {
            let surname = g.split(' ').next_back().unwrap_or("");
            left.iter()
                .find(|p| p.split(' ').next_back() == Some(surname) && !p.is_empty())
                .cloned()
        } else {
            None
        };
        if let Some(h) = hit {
            left.remove(&h);
            tp += 1;
        }
    }
    (tp, predicted.len(), gold.len())
}

fn score(gold: &Value, blog: &Value) -> Totals {
    let empty = Vec::new();
    let list = |v: &Value| v.as_array().unwrap_or(&empty).clone();
    let updates = list(&blog["updates"]);
    let quotes = list(&blog["quotes"]);
    let entities = list(&blog["entities"]);
    let mut t = Totals::default();
    if !gold["updates_unscored"].as_bool().unwrap_or(false) {
        let gold_updates = list(&gold["updates"]);
        t.updates = (
            match_updates(&gold_updates, &updates),
            updates.len(),
            gold_updates.len(),
        );
    }
    let gold_quotes = list(&gold["quotes"]);
    let (tp, right, scored) = match_quotes(&gold_quotes, &quotes);
    t.quotes = (tp, quotes.len(), gold_quotes.len());
    t.speaker = (right, scored);
    if !gold["entities_unscored"].as_bool().unwrap_or(false) {
        for (kind, (name, key)) in [("person", "people"), ("place", "places"), ("org", "orgs")]
            .into_iter()
            .enumerate()
        {
            let names: Vec<&str> = entities
                .iter()
                .filter(|e| text_of(&e["kind"]).eq_ignore_ascii_case(name))
                .map(|e| text_of(&e["name"]))
                .collect();
            t.kinds[kind] = match_entities(&list(&gold[key]), &names, kind);
        }
    }
    t
}
