//! Property test: on any text, parsing never panics, loses no word of any line and doubles
//! none, keeps update spans sane, and every quote points at real text.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;

/// Lines in the shapes live blogs use, plus junk, so the generator reaches every rule.
fn line() -> impl Strategy<Value = String> {
    // Words that trigger every rule: times, zones, dates, credits, bullets, labels, quotes.
    const VOCABULARY: &str =
        "Talks resume in Geneva the minister said “We will act,” U.S. EU’s 8,500 \
        troops 1.2bn Kyiv: – — ‘no deal’ Photo local GMT ET a.m. Sept. 20, 2017 March Wednesday é İzmir \
        中文 🙂 \u{a0} Source: (AP Photo/Jo) [Ann Lee/Reuters] Photograph: 1. 2) • - 7.22pm BST \
        10:30 6 p.m. Posted at 16m ago 1030 By Advertisement conditions: Updated © said told \
        he “ ” ‘ ’ \" ' « » „ so-called according to: Biden President Joe Ivo Dane's the official";
    let word = prop::sample::select(
        VOCABULARY
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>(),
    );
    let words = prop::collection::vec(word, 0..14).prop_map(|w| w.join(" "));
    prop_oneof![
        4 => words.clone(),
        2 => words.clone().prop_map(|w| format!("{w}.")),
        1 => (0u32..24, 0u32..60, words.clone()).prop_map(|(h, m, w)| format!("{h}:{m:02} {w}")),
        1 => (1u32..13, words.clone()).prop_map(|(h, w)| format!("{h} p.m. {w}")),
        1 => (1u32..40, words.clone()).prop_map(|(n, w)| format!("  {n}. {w}")),
        1 => (1u32..29, words.clone()).prop_map(|(d, w)| format!("March {d}, 2022 {w}")),
        1 => words.clone().prop_map(|w| format!("{w} [Ann Lee/Reuters]")),
        1 => words.clone().prop_map(|w| format!("• {w}")),
        1 => words.clone().prop_map(|w| format!("Source: {w}")),
        1 => words.clone().prop_map(|w| format!("Posted at 16:49 {w}")),
        1 => words.clone().prop_map(|w| format!("1030 GMT: {w}")),
        1 => words.clone().prop_map(|w| format!("Photograph: {w}")),
        // An ISO date cut short by whatever follows: "2022-01-2€".
        1 => (1u32..13, words).prop_map(|(m, w)| format!("2022-{m:02}-2{w}")),
        1 => "\\PC{0,40}",
        3 => Just(String::new()),
    ]
}

fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(line(), 0..60),
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
    )
        .prop_map(|(lines, eol)| lines.join(eol))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn no_line_is_lost_or_doubled(text in document()) {
        let blog = liveblog_index::parse(&text).expect("text without NUL parses");
        let lines = common::check_lines(&text, &blog);
        prop_assert!(lines.is_ok(), "{}", lines.unwrap_err());
        common::check_spans(&text, &blog);
        common::check_quotes(&blog);
    }
}

#[test]
fn a_date_cut_inside_a_character_is_no_date() {
    for text in [
        "Title here\n\n2022-01-2€ 10:30 Headline\n\nBody.\n",
        "Title\n\n10:30 Head\n\nBody 2022-01-€4 and 2022-€1-24 and 2022-01-2中.\n",
    ] {
        let blog = liveblog_index::parse(text).expect("parses");
        common::assert_lines(text, &blog);
    }
}

/// Found by fuzzing: a year run into the next word ("2022Oder") was cut out of it.
#[test]
fn a_year_run_into_a_word_stays_in_the_word() {
    for text in [
        "Vote count – live\n\nCounting goes on.\n\n11:48 p.m. ET, November 8, 2022Oder\n\nPolls close.\n\n11:40 p.m. ET, November 8, 2022\n\nFirst result.\n",
        "Vote count – live\n\nCounting goes on.\n\n2022-11-0812 Polls\n\nText.\n\n10:00 a.m. Start\n\nMore text.\n",
    ] {
        let blog = liveblog_index::parse(text).unwrap();
        common::assert_lines(text, &blog);
    }
}

/// The text fuzzer's seeds (our text fixtures, and the inputs fuzzing found) lose nothing
/// either.
#[test]
fn the_fuzz_corpus_loses_nothing() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = Vec::new();
    for dir in ["tests/fixtures", "tests/fixtures/forms", "fuzz/corpus/text"] {
        for entry in std::fs::read_dir(format!("{root}/{dir}")).expect("the seeds are committed") {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") || dir.starts_with("fuzz") {
                files.push(path);
            }
        }
    }
    let mut read = 0;
    for path in files {
        let bytes = std::fs::read(path).unwrap();
        // libFuzzer hands the target only valid UTF-8 as &str; so do we.
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let Ok(blog) = liveblog_index::parse(text) else {
            continue;
        };
        common::assert_lines(text, &blog);
        common::check_spans(text, &blog);
        common::check_quotes(&blog);
        read += 1;
    }
    assert!(read >= 10, "only {read} corpus files read");
}

/// Lower-casing can lengthen a text ("İ" is two bytes, "i̇" three): a rule that finds a
/// phrase in the lower-cased text must not slice the original at the offset it found, or it
/// cuts a character in two ("—" here) and panics.
#[test]
fn lower_casing_that_lengthens_a_line_cuts_no_character() {
    let text = "Storm Alda: live updates\n\nİİ all times—GMT. The storm reached the coast.\n\n\
                9:40 a.m. Ferries cancelled\n\nAll crossings are suspended.\n";
    let blog = liveblog_index::parse(text).expect("text without NUL parses");
    assert_eq!(blog.updates.len(), 1);
    common::assert_lines(text, &blog);
}

/// The mutations the line oracle exists to catch, applied to a correct model: one moves a
/// paragraph into the next update (the last line of a post read as the first of the next),
/// one swaps two paragraphs of an update, one moves an update's first paragraph back into
/// the update before. Each returns `None` when the model has nothing to mutate.
fn mutations(blog: &liveblog_index::LiveBlog) -> Vec<(&'static str, liveblog_index::LiveBlog)> {
    let mut found = Vec::new();
    let pair = blog
        .updates
        .windows(2)
        .position(|w| !w[0].paragraphs.is_empty() && !w[1].paragraphs.is_empty());
    if let Some(k) = pair {
        let mut moved = blog.clone();
        let line = moved.updates[k].paragraphs.pop().expect("a paragraph");
        moved.updates[k + 1].paragraphs.insert(0, line);
        found.push(("a line moved into the next update", moved));
        let mut back = blog.clone();
        let line = back.updates[k + 1].paragraphs.remove(0);
        back.updates[k].paragraphs.push(line);
        found.push(("a line moved back into the update before", back));
    }
    let distinct =
        |u: &liveblog_index::Update| u.paragraphs.len() >= 2 && u.paragraphs[0] != u.paragraphs[1];
    if let Some(k) = blog.updates.iter().position(distinct) {
        let mut swapped = blog.clone();
        swapped.updates[k].paragraphs.swap(0, 1);
        found.push(("two lines of an update reordered", swapped));
    }
    found
}

#[test]
fn the_line_oracle_fails_when_a_line_moves_or_lines_swap() {
    let text = "Storm Alda: live updates\n\n\
                10:05 GMT – Ferries cancelled\n\
                All crossings are suspended until noon.\n\
                The port authority will review the decision at 11:00.\n\n\
                09:40 GMT – Winds reach the coast\n\
                Gusts of 120km/h were recorded at the pier.\n\
                Residents were told to stay indoors.\n";
    let blog = liveblog_index::parse(text).expect("parses");
    assert_eq!(blog.updates.len(), 2);
    common::assert_lines(text, &blog);
    let mutated = mutations(&blog);
    assert_eq!(mutated.len(), 3);
    for (what, model) in mutated {
        let verdict = common::check_lines(text, &model);
        assert!(verdict.is_err(), "the oracle missed {what}");
        println!(
            "{what}: {}",
            verdict.unwrap_err().lines().next().unwrap_or("")
        );
    }
}

/// The same mutations fail on every fixture that has something to mutate: the oracle's
/// power does not hang on one hand-picked text.
#[test]
fn the_line_oracle_fails_on_mutated_fixtures() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut mutated = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures are committed") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let blog = liveblog_index::parse(&text).unwrap();
        common::assert_lines(&text, &blog);
        for (what, model) in mutations(&blog) {
            assert!(
                common::check_lines(&text, &model).is_err(),
                "{}: the oracle missed {what}",
                path.display()
            );
            mutated += 1;
        }
    }
    assert!(mutated >= 20, "only {mutated} mutations tried");
}
