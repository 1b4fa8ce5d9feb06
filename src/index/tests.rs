//! The index against a naive linear scan with the same tokenizer, any sequence of changes
//! against a fresh build, and save → load, on generated updates.

use super::query::{parse_query, Atom};
use super::tokenize::{is_stop_word, stem, typos_allowed, within_edits, words};
use super::*;
use proptest::prelude::*;

/// Words with their inflections, near-misspellings of each other, numbers, a hyphenated
/// word and stop words.
const VOCAB: &[&str] = &[
    "troop",
    "troops",
    "tank",
    "tanks",
    "warned",
    "warning",
    "border",
    "borders",
    "zelensky",
    "zelenskyy",
    "zelenskiy",
    "kyiv",
    "kiev",
    "talks",
    "ceasefire",
    "shelling",
    "shelled",
    "ministry",
    "minister",
    "ferry",
    "ferries",
    "storm",
    "harbour",
    "8,500",
    "F-16",
    "the",
    "of",
    "and",
    "Ana",
    "Reyes",
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 0..max).prop_map(|w| w.join(" "))
}

fn doc() -> impl Strategy<Value = IndexDoc> {
    (
        1u32..9,
        text(4),
        prop::collection::vec(text(12), 0..3),
        prop::collection::vec(text(5), 0..2),
        prop::sample::subsequence(vec!["Ana Reyes", "Tomas Reid"], 0..=2),
        prop::sample::subsequence(vec!["Kyiv", "Port Ellery"], 0..=2),
        any::<bool>(),
        0u32..5,
        prop::sample::subsequence(vec!["Reid", "Ana"], 0..=2),
    )
        .prop_map(
            |(n, headline, paragraphs, captions, people, places, quote, hour, aliases)| IndexDoc {
                blog: if n % 3 == 0 { "b".into() } else { "a".into() },
                id: format!("u{n}"),
                order: n,
                headline,
                paragraphs,
                captions,
                people: people.iter().map(|s| s.to_string()).collect(),
                places: places.iter().map(|s| s.to_string()).collect(),
                aliases: aliases.iter().map(|s| s.to_string()).collect(),
                speakers: if quote {
                    vec!["Ana Reyes".into()]
                } else {
                    Vec::new()
                },
                has_quote: quote,
                timestamp: Some(format!("2023-03-14T1{hour}:00")),
                ..IndexDoc::default()
            },
        )
}

fn query() -> impl Strategy<Value = String> {
    let word = prop::sample::select(
        VOCAB
            .iter()
            .copied()
            .chain(["troo", "zelenksy", "warnings", "borderz", "ferr", "tankz"])
            .collect::<Vec<_>>(),
    );
    let piece = (word.clone(), 0u8..10, word).prop_map(|(w, how, w2)| match how {
        0 => format!("-{w}"),
        1 => format!("\"{w} {w2}\""),
        2 => format!("{w} OR {w2}"),
        _ => w.to_string(),
    });
    (prop::collection::vec(piece, 0..4), any::<bool>())
        .prop_map(|(p, space)| p.join(" ") + if space { " " } else { "" })
}

/// The stems of each field of a document: headline, body, captions, names, speakers.
fn fields(d: &IndexDoc) -> [Vec<Vec<String>>; FIELDS] {
    let stems = |t: &String| words(t).iter().map(|w| stem(w)).collect::<Vec<_>>();
    [
        vec![stems(&d.headline)],
        d.paragraphs.iter().map(stems).collect(),
        d.captions.iter().map(stems).collect(),
        d.people
            .iter()
            .chain(&d.places)
            .chain(&d.orgs)
            .chain(&d.aliases)
            .map(stems)
            .collect(),
        d.speakers.iter().map(stems).collect(),
    ]
}

/// Search by reading every document: the same scoring, none of the index.
fn naive(docs: &[IndexDoc], q: &str, options: &SearchOptions) -> Vec<(String, f32)> {
    let q = parse_query(q, options.prefix, false).unwrap_or_default();
    let f: Vec<_> = docs.iter().map(fields).collect();
    let n = docs.len() as f32;
    let tf = |d: usize, field: usize, s: &str| {
        f[d][field].iter().flatten().filter(|x| *x == s).count() as f32
    };
    let len = |d: usize, field: usize| f[d][field].iter().map(Vec::len).sum::<usize>() as f32;
    let has = |d: usize, s: &str| (0..FIELDS).any(|field| tf(d, field, s) > 0.0);
    let bm25 = |s: &str, d: usize| {
        let df = (0..docs.len()).filter(|&e| has(e, s)).count() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let mut total = 0.0;
        for (field, weight) in FIELD_WEIGHTS.iter().enumerate() {
            let t = tf(d, field, s);
            if t == 0.0 {
                continue;
            }
            let avg = (0..docs.len()).map(|e| len(e, field)).sum::<f32>() / n;
            let norm = if avg > 0.0 { len(d, field) / avg } else { 1.0 };
            total += weight * t * (1.2 + 1.0) / (t + 1.2 * (1.0 - 0.75 + 0.75 * norm));
        }
        idf * total
    };
    // Every word as written (folded), with its stem.
    let written: Vec<(String, String)> = docs
        .iter()
        .flat_map(|d| {
            std::iter::once(&d.headline)
                .chain(&d.paragraphs)
                .chain(&d.captions)
                .chain(&d.people)
                .chain(&d.places)
                .chain(&d.orgs)
                .chain(&d.aliases)
                .chain(&d.speakers)
        })
        .flat_map(|t| words(t))
        .map(|w| (stem(&w), w))
        .collect();
    let mut vocab: Vec<String> = f.iter().flatten().flatten().flatten().cloned().collect();
    vocab.sort();
    vocab.dedup();
    // Each atom: the score per document, None where it does not match.
    let atom = |a: &Atom| -> Vec<Option<f32>> {
        match a {
            Atom::Word { word, prefix } => {
                let st = stem(word);
                let edits = typos_allowed(st.chars().count());
                let weight = |s: &String| {
                    if *s == st {
                        Some(1.0)
                    } else if *prefix && (s.starts_with(word.as_str()) || s.starts_with(&st)) {
                        Some(0.8)
                    } else if options.fuzzy
                        && edits > 0
                        && s.bytes().any(|b| b.is_ascii_digit())
                            == st.bytes().any(|b| b.is_ascii_digit())
                        && within_edits(&st, s, edits)
                    {
                        Some(0.5)
                    } else if options.fuzzy
                        && written.iter().any(|(stem, w)| {
                            stem == s
                                && typos_allowed(word.chars().count()) > 0
                                && w.bytes().any(|b| b.is_ascii_digit())
                                    == word.bytes().any(|b| b.is_ascii_digit())
                                && within_edits(word, w, typos_allowed(word.chars().count()))
                        })
                    {
                        // The word as typed near a word as written.
                        Some(0.5)
                    } else {
                        None
                    }
                };
                (0..docs.len())
                    .map(|d| {
                        let hits: Vec<f32> = vocab
                            .iter()
                            .filter(|s| has(d, s))
                            .filter_map(|s| weight(s).map(|w| w * bm25(s, d)))
                            .collect();
                        (!hits.is_empty()).then(|| hits.iter().sum())
                    })
                    .collect()
            }
            Atom::Phrase(words) => {
                let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
                (0..docs.len())
                    .map(|d| {
                        let found = f[d]
                            .iter()
                            .flatten()
                            .any(|t| t.windows(stems.len()).any(|w| w == stems));
                        found.then(|| stems.iter().map(|s| bm25(s, d)).sum())
                    })
                    .collect()
            }
            _ => unreachable!("generated queries hold words and phrases only"),
        }
    };
    let mut required: Vec<Vec<Option<f32>>> = Vec::new();
    let mut optional = Vec::new();
    let mut excluded = Vec::new();
    for c in &q.clauses {
        let per_atom: Vec<_> = c.any.iter().map(atom).collect();
        let union: Vec<Option<f32>> = (0..docs.len())
            .map(|d| {
                let s: Vec<f32> = per_atom.iter().filter_map(|a| a[d]).collect();
                (!s.is_empty()).then(|| s.iter().sum())
            })
            .collect();
        let stop =
            matches!(c.any.as_slice(), [Atom::Word { word, prefix: false }] if is_stop_word(word));
        if c.negated {
            excluded.push(union);
        } else if stop {
            optional.push(union);
        } else {
            required.push(union);
        }
    }
    if required.is_empty() {
        required.append(&mut optional);
    }
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        if required.iter().any(|r| r[d].is_none()) || excluded.iter().any(|e| e[d].is_some()) {
            continue;
        }
        let score: f32 = required.iter().chain(&optional).filter_map(|r| r[d]).sum();
        out.push((format!("{}/{}", doc.blog, doc.id), score));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn all() -> SearchOptions {
    SearchOptions {
        limit: usize::MAX,
        ..SearchOptions::default()
    }
}

/// Documents keyed by blog and id, the last of each kept.
fn latest(docs: Vec<IndexDoc>) -> Vec<IndexDoc> {
    let mut out: Vec<IndexDoc> = Vec::new();
    for d in docs {
        out.retain(|o| (&o.blog, &o.id) != (&d.blog, &d.id));
        out.push(d);
    }
    out
}

fn build(docs: &[IndexDoc]) -> Index {
    let mut index = Index::new();
    for d in docs {
        index.upsert(d.clone());
    }
    index
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn search_equals_a_linear_scan(
        docs in prop::collection::vec(doc(), 1..12),
        q in query(),
        fuzzy in any::<bool>(),
    ) {
        let docs = latest(docs);
        let index = build(&docs);
        let options = SearchOptions { fuzzy, ..all() };
        let got = index.search(&q, &options);
        prop_assert!(got.hits.windows(2).all(|w| w[0].score >= w[1].score), "sorted by score");
        let mut got: Vec<(String, f32)> = got
            .hits
            .iter()
            .map(|h| (format!("{}/{}", h.blog, h.update_id), h.score))
            .collect();
        got.sort_by(|a, b| a.0.cmp(&b.0));
        let want = naive(&docs, &q, &options);
        prop_assert_eq!(
            got.iter().map(|g| &g.0).collect::<Vec<_>>(),
            want.iter().map(|w| &w.0).collect::<Vec<_>>(),
            "query {:?}", q
        );
        for (g, w) in got.iter().zip(&want) {
            prop_assert!((g.1 - w.1).abs() <= 1e-4 * w.1.abs().max(1.0), "{:?}: {} vs {}", q, g.1, w.1);
        }
    }

    #[test]
    fn any_changes_equal_a_fresh_build(
        first in prop::collection::vec(doc(), 0..10),
        ops in prop::collection::vec((doc(), 0u8..3), 0..16),
        q in query(),
        chip in any::<bool>(),
    ) {
        let mut index = build(&first);
        let mut docs = latest(first);
        for (d, op) in ops {
            if op == 0 {
                let gone = index.remove(&d.blog, &d.id);
                prop_assert_eq!(gone, docs.iter().any(|o| (&o.blog, &o.id) == (&d.blog, &d.id)));
                docs.retain(|o| (&o.blog, &o.id) != (&d.blog, &d.id));
            } else {
                index.upsert(d.clone());
                docs = latest(docs.into_iter().chain([d]).collect());
            }
        }
        let fresh = build(&docs);
        let mut options = all();
        if chip {
            options.filters.people = vec!["Ana Reyes".into()];
            options.filters.has_quote = true;
        }
        prop_assert_eq!(index.len(), fresh.len());
        prop_assert_eq!(index.search(&q, &options), fresh.search(&q, &options));
        // Bare hits and the spellings matched: none left over from removed texts.
        let bare = SearchOptions { excerpts: false, words: true, ..options.clone() };
        prop_assert_eq!(index.search(&q, &bare), fresh.search(&q, &bare));
        prop_assert_eq!(index.search("after:12:00 -tank", &options), fresh.search("after:12:00 -tank", &options));
        prop_assert_eq!(index.to_bytes(), fresh.to_bytes());
        // And what it holds is what it was given, however often it was compacted.
        let by_key = |a: &IndexDoc, b: &IndexDoc| (&a.blog, &a.id).cmp(&(&b.blog, &b.id));
        let mut held: Vec<IndexDoc> = index.docs().collect();
        held.sort_by(by_key);
        let mut given = docs.clone();
        given.sort_by(by_key);
        prop_assert_eq!(held, given);
    }

    #[test]
    fn chips_filter_results_and_never_change_scores(
        docs in prop::collection::vec(doc(), 1..12),
        q in query(),
        quote in any::<bool>(),
        person in any::<bool>(),
        place in any::<bool>(),
    ) {
        let index = build(&latest(docs));
        let mut chipped = all();
        chipped.filters.has_quote = quote;
        if person {
            chipped.filters.people = vec!["Tomas Reid".into()];
        }
        if place {
            chipped.filters.places = vec!["Kyiv".into(), "Port Ellery".into()];
        }
        let plain = index.search(&q, &all());
        let got = index.search(&q, &chipped);
        let want: Vec<_> = plain
            .hits
            .iter()
            .filter(|h| {
                let d = index.docs().find(|d| d.blog == h.blog && d.id == h.update_id);
                d.is_some_and(|d| {
                    (!quote || d.has_quote)
                        && (!person || d.people.iter().any(|p| p == "Tomas Reid"))
                        && (!place || !d.places.is_empty())
                })
            })
            .collect();
        prop_assert_eq!(got.hits.len(), want.len(), "query {:?}", q);
        prop_assert_eq!(got.total, want.len());
        // By update, not by rank: scores equal to the last digit may add up in another
        // order with chips, and near-ties then fall either way.
        let mut got: Vec<_> = got.hits.iter().collect();
        let mut want = want;
        for list in [&mut got, &mut want] {
            list.sort_by(|a, b| (&a.blog, &a.update_id).cmp(&(&b.blog, &b.update_id)));
        }
        for (g, w) in got.iter().zip(&want) {
            prop_assert_eq!((&g.blog, &g.update_id), (&w.blog, &w.update_id), "query {:?}", q);
            prop_assert!((g.score - w.score).abs() <= 1e-5 * w.score.abs().max(1.0), "{:?}: {} vs {}", q, g.score, w.score);
        }
    }

    #[test]
    fn save_and_load_round_trip_and_reject_damage(
        docs in prop::collection::vec(doc(), 0..8),
        q in query(),
        flip in any::<prop::sample::Index>(),
        bit in 0u8..8,
        cut in any::<prop::sample::Index>(),
    ) {
        let index = build(&latest(docs));
        let bytes = index.to_bytes();
        let loaded = Index::from_bytes(&bytes).expect("loads");
        prop_assert_eq!(loaded.search(&q, &all()), index.search(&q, &all()));
        let mut damaged = bytes.clone();
        let at = flip.index(damaged.len());
        damaged[at] ^= 1 << bit;
        prop_assert!(Index::from_bytes(&damaged).is_err());
        prop_assert!(Index::from_bytes(&bytes[..cut.index(bytes.len())]).is_err());
    }

    /// The index keeps a text only as codes of its pieces: any text, of any characters and
    /// spacing, comes back byte for byte, and its excerpt escapes what it shows.
    #[test]
    fn any_text_comes_back_exactly(
        headline in "\\PC{0,40}|[a-z ,.'’-]{0,40}",
        paragraphs in prop::collection::vec("\\PC{0,80}|[ a-zA-Z0-9,.<>&\"'’-]{0,80}|( ?[a-z]{1,3} ?){0,9}", 0..4),
        captions in prop::collection::vec("\\PC{0,20}", 0..2),
        people in prop::collection::vec("\\PC{1,12}", 0..3),
    ) {
        let doc = IndexDoc {
            blog: "b".into(),
            id: "u1".into(),
            headline,
            paragraphs,
            captions,
            people,
            ..IndexDoc::default()
        };
        let mut index = Index::new();
        index.upsert(doc.clone());
        let mut want = doc.clone();
        let mut seen = Vec::new();
        want.people.retain(|p| if seen.contains(p) { false } else { seen.push(p.clone()); true });
        prop_assert_eq!(index.docs().collect::<Vec<_>>(), vec![want.clone()]);
        // The same update again is recognised as unchanged: no new slot.
        index.upsert(want.clone());
        prop_assert_eq!(index.docs.len(), 1);
        for hit in index.search("a", &all()).hits {
            prop_assert!(!hit.excerpt.replace("<mark>", "").replace("</mark>", "").contains('<'));
        }
    }
}

#[test]
fn a_wrong_version_is_its_own_error() {
    let mut bytes = Index::new().to_bytes();
    bytes[4] = 9;
    let err = Index::from_bytes(&bytes).expect_err("version 9");
    assert_eq!(err.code(), "LB_INDEX_VERSION");
    assert!(err.to_string().contains("version 9"));
    let err = Index::from_bytes(b"<html>").expect_err("not an index");
    assert_eq!(err.code(), "LB_INDEX_CORRUPT");
}

#[test]
fn removals_leave_the_shared_arrays_at_most_half_stale() {
    let doc = |n: u32, text: &str| IndexDoc {
        blog: "a".into(),
        id: format!("u{n}"),
        order: n,
        headline: format!("update {n}"),
        paragraphs: vec![text.into()],
        people: vec!["Ana Reyes".into()],
        ..IndexDoc::default()
    };
    let docs: Vec<IndexDoc> = (1..=6)
        .map(|n| doc(n, "troops crossed the humanitarian corridor at dawn"))
        .collect();
    let mut index = build(&docs);
    let full = index.memory_bytes();
    for n in 1..=5 {
        assert!(index.remove("a", &format!("u{n}")));
    }
    let fresh = build(&docs[5..]);
    // Five of six updates gone: what is left of their texts and names is never
    // more than what the index holds for the live ones.
    let held = |i: &Index| i.texts.len() + i.doc_names.len();
    assert!(
        held(&index) <= 2 * held(&fresh),
        "{} against {}",
        held(&index),
        held(&fresh)
    );
    assert!(index.memory_bytes() < full);
    for q in ["\"humanitarian corridor\"", "troops", "dawn -troops", "ana"] {
        assert_eq!(index.search(q, &all()), fresh.search(q, &all()), "{q}");
    }
}

/// Phrases are read from the texts' codes: with ten thousand other words written first,
/// the phrase's words have codes of three bytes, and a row must be found whole past
/// punctuation and repeats, never across the end of a text or in the reverse order.
#[test]
fn phrases_match_a_linear_scan_with_codes_of_every_width() {
    let filler: Vec<String> = (0..10_000u32)
        .map(|i| {
            let (mut word, mut n) = (String::from("q"), i);
            loop {
                word.push(char::from(b'a' + (n % 26) as u8));
                n /= 26;
                if n == 0 {
                    break word;
                }
            }
        })
        .collect();
    let doc = |id: &str, headline: &str, paragraphs: &[&str]| IndexDoc {
        blog: "b".into(),
        id: id.into(),
        headline: headline.into(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..IndexDoc::default()
    };
    let mut docs = vec![doc("u0", "", &[&filler.join(" ")])];
    for (id, headline, body) in [
        ("u1", "", "The harbour, crane stood."),
        ("u2", "", "harbour harbour crane"),
        ("u3", "A harbour", "crane lifts"),
        ("u4", "", "crane harbour"),
        ("u5", "", "Harbour crane and HARBOUR crane crane"),
        ("u6", "", "harbour storm harbour crane"),
    ] {
        docs.push(doc(id, headline, &[body, &filler[..300].join(" ")]));
    }
    let index = build(&docs);
    for q in [
        "\"harbour crane\"",
        "\"harbour harbour crane\"",
        "\"crane harbour\"",
        "\"harbour crane crane\"",
        "\"a harbour\"",
        "\"qa qb\"",
    ] {
        let mut got: Vec<String> = (index.search(q, &all()).hits.iter())
            .map(|h| format!("{}/{}", h.blog, h.update_id))
            .collect();
        got.sort();
        let want: Vec<String> = naive(&docs, q, &all()).into_iter().map(|w| w.0).collect();
        assert_eq!(got, want, "{q}");
    }
}
