//! Search against a reference written from the README's query language alone: its own
//! tokenizer, its own edit distance, queries drawn as trees (words, the word being typed,
//! phrases, exclusions, `OR`, and the fields `speaker:` `person:` `place:` `org:`
//! `has:quote` `has:image` `before:` `after:`) and printed as a reader would type them,
//! facet chips chosen at random. Nothing here calls the crate's tokenizer, stemmer wrapper,
//! typo rule or query reader: only `Index` and its results are the crate's. The stemmer is
//! the Snowball English algorithm itself (rust-stemmers), which the README names.
//!
//! Checked: which updates match (every one, not a page), and each facet value's count (how
//! many results choosing it would leave). Scores are the in-crate property test's business
//! (`src/index/tests.rs`); `the_reference_is_not_the_index` shows this oracle tells a
//! wrong answer from a right one.

#![cfg(not(target_arch = "wasm32"))]

use liveblog_index::{Filters, Index, IndexDoc, SearchOptions, SearchResults};
use proptest::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeSet;

// --- the reference ---------------------------------------------------------------------

/// Lower case without the accents our vocabulary uses; curly apostrophes straight.
fn fold(c: char) -> char {
    match c.to_lowercase().next().unwrap_or(c) {
        'ä' | 'á' => 'a',
        'é' | 'ē' => 'e',
        'č' => 'c',
        'ö' => 'o',
        '’' => '\'',
        other => other,
    }
}

/// The README's words: letters and digits; "8,500" and "1.2" whole (the comma dropped),
/// apostrophes inside a word dropped and a possessive "'s" with them, hyphens between parts.
fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().map(fold).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut word = String::new();
        while i < chars.len() {
            let c = chars[i];
            let prev = word.chars().last();
            let next = chars.get(i + 1).copied();
            if c.is_alphanumeric() {
                word.push(c);
            } else if (c == ',' || c == '.')
                && prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit())
            {
                if c == '.' {
                    word.push('.');
                }
            } else if c == '\''
                && prev.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic)
            {
                let after = chars.get(i + 2).copied();
                if next == Some('s') && !after.is_some_and(char::is_alphanumeric) {
                    i += 2;
                    break;
                }
            } else {
                break;
            }
            i += 1;
        }
        out.push(word);
    }
    out
}

/// A word's term: its Snowball stem, or the word itself when it holds a digit.
fn stem(word: &str) -> String {
    if word.chars().any(|c| c.is_ascii_digit()) {
        word.to_string()
    } else {
        Stemmer::create(Algorithm::English).stem(word).into_owned()
    }
}

/// Edit distance, a swap of neighbours counting one (optimal string alignment).
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// The README's budget: one edit from four letters, two from eight; a word with digits and
/// one without are never a typo apart.
fn near(typed: &str, written: &str) -> bool {
    let budget = match typed.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    let digits = |w: &str| w.chars().any(|c| c.is_ascii_digit());
    budget > 0 && digits(typed) == digits(written) && distance(typed, written) <= budget
}

/// Words of our vocabulary the README's stop list holds (they narrow nothing).
const STOP: &[&str] = &["the", "of", "and"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Speaker,
    Person,
    Place,
    Org,
}

/// A point in time as a reader types it: a clock, perhaps with a date.
#[derive(Debug, Clone)]
struct Moment {
    /// Day of March 2023, or the blog's last day.
    day: Option<u32>,
    minutes: u32,
    twelve_hour: bool,
}

#[derive(Debug, Clone)]
enum Atom {
    Word(String),
    Phrase(Vec<String>),
    Name(Kind, Vec<String>),
    HasQuote,
    HasImage,
    Before(Moment),
    After(Moment),
}

#[derive(Debug, Clone)]
struct Clause {
    any: Vec<Atom>,
    negated: bool,
}

#[derive(Debug, Clone)]
struct Query {
    clauses: Vec<Clause>,
    /// A space after the last piece: the last word is no longer being typed.
    done: bool,
}

impl Moment {
    fn text(&self) -> String {
        let clock = if self.twelve_hour {
            let (h, m) = (self.minutes / 60, self.minutes % 60);
            let half = if h < 12 { "am" } else { "pm" };
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            if m == 0 {
                format!("{h12}{half}")
            } else {
                format!("{h12}:{m:02}{half}")
            }
        } else {
            format!("{:02}:{:02}", self.minutes / 60, self.minutes % 60)
        };
        match self.day {
            Some(d) => format!("\"March {d}, 2023 {clock}\""),
            None => clock,
        }
    }
}

/// The query as a reader types it.
fn print(q: &Query) -> String {
    let atom = |a: &Atom, negated: bool| {
        let body = match a {
            Atom::Word(w) => w.clone(),
            Atom::Phrase(ws) => format!("\"{}\"", ws.join(" ")),
            Atom::Name(kind, ws) => {
                let field = match kind {
                    Kind::Speaker => "speaker",
                    Kind::Person => "person",
                    Kind::Place => "place",
                    Kind::Org => "org",
                };
                if ws.len() == 1 {
                    format!("{field}:{}", ws[0])
                } else {
                    format!("{field}:\"{}\"", ws.join(" "))
                }
            }
            Atom::HasQuote => "has:quote".into(),
            Atom::HasImage => "has:image".into(),
            Atom::Before(m) => format!("before:{}", m.text()),
            Atom::After(m) => format!("after:{}", m.text()),
        };
        if negated {
            format!("-{body}")
        } else {
            body
        }
    };
    let clauses: Vec<String> = q
        .clauses
        .iter()
        .map(|c| {
            c.any
                .iter()
                .map(|a| atom(a, c.negated))
                .collect::<Vec<_>>()
                .join(" OR ")
        })
        .collect();
    clauses.join(" ") + if q.done { " " } else { "" }
}

/// Minutes since 1970 of "2023-03-DDTHH:MM".
fn minutes(timestamp: &str) -> Option<i64> {
    let day: i64 = timestamp.get(8..10)?.parse().ok()?;
    let hour: i64 = timestamp.get(11..13)?.parse().ok()?;
    let minute: i64 = timestamp.get(14..16)?.parse().ok()?;
    // 2023-03-01 is day 19,417 since 1970.
    Some((19_417 + day - 1) * 1440 + hour * 60 + minute)
}

/// A blog's updates as the README's reader sees them: each text's terms.
struct Reference<'a> {
    docs: &'a [IndexDoc],
    q: &'a Query,
    /// Per update, per text (headline, paragraphs, captions, names), its folded words.
    words: Vec<Vec<Vec<String>>>,
}

impl Reference<'_> {
    /// Whether `a`, of clause `c`, is the word being typed: the query's last, no space after.
    fn typing(&self, a: &Atom, c: &Clause) -> bool {
        !self.q.done
            && matches!(self.q.clauses.last(), Some(last) if std::ptr::eq(last, c))
            && matches!(c.any.last(), Some(last) if std::ptr::eq(last, a))
    }

    /// The last day a blog's updates carry, in days since 1970.
    fn last_day(&self, blog: &str) -> Option<i64> {
        self.docs
            .iter()
            .filter(|d| d.blog == blog)
            .filter_map(|d| minutes(d.timestamp.as_deref()?))
            .map(|m| m.div_euclid(1440))
            .max()
    }

    fn matches(&self, d: usize, a: &Atom, c: &Clause) -> bool {
        let doc = &self.docs[d];
        let terms = || self.words[d].iter().flatten();
        match a {
            // A word the tokenizer splits ("F-16") is a phrase of its parts.
            Atom::Word(w) if tokens(w).len() > 1 => {
                self.matches(d, &Atom::Phrase(vec![w.clone()]), c)
            }
            Atom::Word(w) => {
                let typed = tokens(w).remove(0);
                let s = stem(&typed);
                // A word as written that the typed word is near gives its stem, and so
                // every inflection of it, anywhere in the blogs.
                let reached: BTreeSet<String> = (self.words.iter().flatten().flatten())
                    .filter(|written| near(&typed, written))
                    .map(|written| stem(written))
                    .collect();
                terms().any(|written| {
                    let t = stem(written);
                    t == s
                        || (self.typing(a, c) && (t.starts_with(&typed) || t.starts_with(&s)))
                        || near(&s, &t)
                        || reached.contains(&t)
                })
            }
            Atom::Phrase(ws) => {
                let want: Vec<String> = ws
                    .iter()
                    .flat_map(|w| tokens(w))
                    .map(|w| stem(&w))
                    .collect();
                self.words[d].iter().any(|text| {
                    let t: Vec<String> = text.iter().map(|w| stem(w)).collect();
                    t.windows(want.len()).any(|x| x == want)
                })
            }
            Atom::Name(kind, ws) => {
                let names = match kind {
                    Kind::Speaker => &doc.speakers,
                    Kind::Person => &doc.people,
                    Kind::Place => &doc.places,
                    Kind::Org => &doc.orgs,
                };
                names.iter().any(|name| {
                    let words = tokens(name);
                    ws.iter()
                        .flat_map(|w| tokens(w))
                        .all(|w| words.iter().any(|n| *n == w || near(&w, n)))
                })
            }
            Atom::HasQuote => doc.has_quote,
            Atom::HasImage => doc.has_image,
            Atom::Before(m) | Atom::After(m) => {
                let (Some(at), Some(last)) = (
                    doc.timestamp.as_deref().and_then(minutes),
                    self.last_day(&doc.blog),
                ) else {
                    return false;
                };
                let day = m.day.map_or(last, |d| 19_417 + i64::from(d) - 1);
                let t = day * 1440 + i64::from(m.minutes);
                if matches!(a, Atom::Before(_)) {
                    at < t
                } else {
                    at >= t
                }
            }
        }
    }
}

/// The updates a query matches, by the README's rules, as "blog/id".
fn reference(docs: &[IndexDoc], q: &Query, filters: &Filters) -> BTreeSet<String> {
    let texts = |d: &IndexDoc| -> Vec<Vec<String>> {
        std::iter::once(&d.headline)
            .chain(&d.paragraphs)
            .chain(&d.captions)
            .chain(&d.people)
            .chain(&d.places)
            .chain(&d.orgs)
            .chain(&d.aliases)
            .chain(&d.speakers)
            .map(|t| tokens(t))
            .collect()
    };
    let r = Reference {
        docs,
        q,
        words: docs.iter().map(texts).collect(),
    };
    let stop = |c: &Clause| {
        matches!(c.any.as_slice(), [Atom::Word(w)] if STOP.contains(&w.to_lowercase().as_str()))
            && !r.typing(&c.any[0], c)
    };
    // Stop words narrow nothing, unless nothing else does.
    let narrowing: Vec<&Clause> = q
        .clauses
        .iter()
        .filter(|c| !c.negated && !stop(c))
        .collect();
    let required: Vec<&Clause> = if narrowing.is_empty() {
        q.clauses.iter().filter(|c| !c.negated).collect()
    } else {
        narrowing
    };
    let chip = |chosen: &[String], values: &[String]| {
        chosen.is_empty() || chosen.iter().any(|c| values.contains(c))
    };
    (0..docs.len())
        .filter(|&d| {
            required
                .iter()
                .all(|c| c.any.iter().any(|a| r.matches(d, a, c)))
                && !q
                    .clauses
                    .iter()
                    .filter(|c| c.negated)
                    .any(|c| c.any.iter().any(|a| r.matches(d, a, c)))
        })
        .filter(|&d| {
            let doc = &docs[d];
            chip(&filters.people, &doc.people)
                && chip(&filters.places, &doc.places)
                && chip(&filters.orgs, &doc.orgs)
                && chip(&filters.speakers, &doc.speakers)
                && (!filters.has_quote || doc.has_quote)
                && (!filters.has_image || doc.has_image)
        })
        .map(|d| format!("{}/{}", docs[d].blog, docs[d].id))
        .collect()
}

// --- drawing blogs and queries ------------------------------------------------------------

/// Inflections, near-misspellings, numbers, a hyphenated word, possessives, accents, stop
/// words and one apostrophe inside a word.
const VOCAB: &[&str] = &[
    "troops",
    "troop",
    "tanks",
    "warned",
    "warning",
    "border",
    "borders",
    "Zelenskyy",
    "Zelensky",
    "Kyiv",
    "Kiev",
    "talks",
    "ceasefire",
    "shelling",
    "shelled",
    "ministry",
    "minister",
    "ferry",
    "ferries",
    "harbour",
    "8,500",
    "1.2bn",
    "F-16",
    "Russia’s",
    "Ostby's",
    "don't",
    "Rinkēvičs",
    "Gazprom",
    "the",
    "of",
    "and",
];
/// What a reader may type: the vocabulary, its misspellings and beginnings.
const TYPED: &[&str] = &[
    "troops",
    "tank",
    "warnings",
    "border",
    "zelenksy",
    "Zelenskiy",
    "kyiv",
    "talk",
    "shellin",
    "ministry",
    "ferr",
    "harbor",
    "8500",
    "f-16",
    "russia",
    "ostby",
    "dont",
    "Rinkevics",
    "gazprm",
    "the",
    "of",
    "ceasefir",
    "war",
];
const PEOPLE: &[&str] = &["Ana Reyes", "Tomas Reid", "Edgars Rinkēvičs"];
const PLACES: &[&str] = &["Kyiv", "Port Ellery"];
const ORGS: &[&str] = &["Gazprom", "Red Cross"];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 0..max).prop_map(|w| w.join(" "))
}

fn doc() -> impl Strategy<Value = IndexDoc> {
    (
        (
            1u32..12,
            text(4),
            prop::collection::vec(text(10), 0..3),
            text(4),
        ),
        prop::sample::subsequence(PEOPLE.to_vec(), 0..=2),
        prop::sample::subsequence(PLACES.to_vec(), 0..=2),
        prop::sample::subsequence(ORGS.to_vec(), 0..=1),
        prop::sample::subsequence(PEOPLE.to_vec(), 0..=1),
        (
            any::<bool>(),
            proptest::option::of((13u32..16, 0u32..24, 0u32..4)),
        ),
    )
        .prop_map(
            |((n, headline, paragraphs, caption), people, places, orgs, speakers, (image, at))| {
                IndexDoc {
                    blog: if n % 4 == 0 { "b".into() } else { "a".into() },
                    id: format!("u{n}"),
                    order: n,
                    headline,
                    paragraphs,
                    captions: if image { vec![caption] } else { Vec::new() },
                    people: people.iter().map(|s| s.to_string()).collect(),
                    places: places.iter().map(|s| s.to_string()).collect(),
                    orgs: orgs.iter().map(|s| s.to_string()).collect(),
                    has_quote: !speakers.is_empty(),
                    speakers: speakers.iter().map(|s| s.to_string()).collect(),
                    has_image: image,
                    timestamp: at.map(|(d, h, q)| format!("2023-03-{d}T{h:02}:{:02}", q * 15)),
                    ..IndexDoc::default()
                }
            },
        )
}

fn atom() -> impl Strategy<Value = Atom> {
    let typed = || prop::sample::select(TYPED).prop_map(str::to_string);
    let name = |names: &'static [&'static str]| {
        (prop::sample::select(names), any::<bool>(), any::<bool>()).prop_map(|(n, whole, typo)| {
            let words: Vec<String> = n.split(' ').map(str::to_string).collect();
            let mut words = if whole {
                words
            } else {
                vec![words[words.len() - 1].clone()]
            };
            if typo {
                // A reader's slip: the last two letters swapped.
                let w = words.last_mut().expect("a name has a word");
                let mut c: Vec<char> = w.chars().collect();
                let k = c.len();
                c.swap(k - 1, k - 2);
                *w = c.into_iter().collect();
            }
            words
        })
    };
    let moment = (
        proptest::option::of(13u32..16),
        0u32..24,
        0u32..4,
        any::<bool>(),
    )
        .prop_map(|(day, h, q, twelve_hour)| Moment {
            day,
            minutes: h * 60 + q * 15,
            twelve_hour,
        });
    prop_oneof![
        6 => typed().prop_map(Atom::Word),
        2 => prop::collection::vec(prop::sample::select(VOCAB).prop_map(str::to_string), 1..3)
            .prop_map(Atom::Phrase),
        1 => name(PEOPLE).prop_map(|w| Atom::Name(Kind::Person, w)),
        1 => name(PEOPLE).prop_map(|w| Atom::Name(Kind::Speaker, w)),
        1 => name(PLACES).prop_map(|w| Atom::Name(Kind::Place, w)),
        1 => name(ORGS).prop_map(|w| Atom::Name(Kind::Org, w)),
        1 => Just(Atom::HasQuote),
        1 => Just(Atom::HasImage),
        1 => moment.clone().prop_map(Atom::Before),
        1 => moment.prop_map(Atom::After),
    ]
}

fn query() -> impl Strategy<Value = Query> {
    let clause = (prop::collection::vec(atom(), 1..3), 0u8..5).prop_map(|(any, n)| Clause {
        any,
        negated: n == 0,
    });
    (prop::collection::vec(clause, 0..4), any::<bool>())
        .prop_map(|(clauses, done)| Query { clauses, done })
}

fn chips() -> impl Strategy<Value = Filters> {
    (
        prop::sample::subsequence(PEOPLE.to_vec(), 0..=2),
        prop::sample::subsequence(PLACES.to_vec(), 0..=1),
        prop::sample::subsequence(PEOPLE.to_vec(), 0..=1),
        0u8..6,
    )
        .prop_map(|(people, places, speakers, flags)| Filters {
            people: people.iter().map(|s| s.to_string()).collect(),
            places: places.iter().map(|s| s.to_string()).collect(),
            speakers: speakers.iter().map(|s| s.to_string()).collect(),
            has_quote: flags == 1,
            has_image: flags == 2,
            ..Filters::default()
        })
}

// --- the checks -------------------------------------------------------------------------

fn search(index: &Index, q: &str, filters: &Filters) -> SearchResults {
    index.search(
        q,
        &SearchOptions {
            limit: usize::MAX,
            facet_limit: usize::MAX,
            filters: filters.clone(),
            ..SearchOptions::default()
        },
    )
}

fn found(r: &SearchResults) -> BTreeSet<String> {
    r.hits
        .iter()
        .map(|h| format!("{}/{}", h.blog, h.update_id))
        .collect()
}

/// The last of each blog and id, as the index keeps them.
fn latest(docs: Vec<IndexDoc>) -> Vec<IndexDoc> {
    let mut out: Vec<IndexDoc> = Vec::new();
    for d in docs {
        out.retain(|o| (&o.blog, &o.id) != (&d.blog, &d.id));
        out.push(d);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn matches_and_facet_counts_follow_the_readme(
        docs in prop::collection::vec(doc(), 0..14),
        q in query(),
        filters in chips(),
    ) {
        let docs = latest(docs);
        let mut index = Index::new();
        for d in &docs {
            index.upsert(d.clone());
        }
        let typed = print(&q);
        let got = search(&index, &typed, &filters);
        let want = reference(&docs, &q, &filters);
        prop_assert_eq!(found(&got), want.clone(), "query {:?} with chips {:?}", typed, filters);
        prop_assert_eq!(got.total, want.len());
        // A value's count: the results with it, under the other kinds' chips.
        let unchosen = Filters { people: Vec::new(), ..filters.clone() };
        let base = reference(&docs, &q, &unchosen);
        for value in &got.facets.people {
            let with = reference(
                &docs,
                &q,
                &Filters { people: vec![value.name.clone()], ..filters.clone() },
            );
            prop_assert_eq!(value.count, with.len(), "{} for {:?}", value.name, typed);
        }
        // Every person named by some result is offered.
        let named: BTreeSet<&String> = docs
            .iter()
            .filter(|d| base.contains(&format!("{}/{}", d.blog, d.id)))
            .flat_map(|d| &d.people)
            .collect();
        let offered: BTreeSet<&String> = got.facets.people.iter().map(|v| &v.name).collect();
        prop_assert_eq!(offered, named, "people chips for {:?}", typed);
    }
}

/// The oracle can fail: a blog and queries where a plausible wrong rule (no typos, typos by
/// the typed word's length, stop words required, exclusion ignored) gives another answer
/// than the README's, and the index gives the README's.
#[test]
fn the_reference_is_not_the_index() {
    let doc = |id: &str, headline: &str| IndexDoc {
        blog: "a".into(),
        id: id.into(),
        headline: headline.into(),
        ..IndexDoc::default()
    };
    let docs = vec![
        doc("u1", "Zelenskyy talks"),
        doc("u2", "the ferries"),
        doc("u3", "small prices"),
    ];
    let mut index = Index::new();
    for d in &docs {
        index.upsert(d.clone());
    }
    let word = |w: &str| Clause {
        any: vec![Atom::Word(w.into())],
        negated: false,
    };
    let cases = [
        // A typo two edits away on an eight-letter stem.
        (vec![word("zelenksy")], vec!["a/u1"]),
        // Stop words narrow nothing.
        (vec![word("the"), word("ferry")], vec!["a/u2"]),
        (vec![word("of"), word("ferry")], vec!["a/u2"]),
        // "shelling" is the stem "shell" (5 letters, one edit): not "small" prices, which
        // the typed word's 8 letters would reach.
        (vec![word("shelling")], vec![]),
        (
            vec![
                word("talks"),
                Clause {
                    any: vec![Atom::Word("zelensky".into())],
                    negated: true,
                },
            ],
            vec![],
        ),
    ];
    for (clauses, want) in cases {
        let q = Query {
            clauses,
            done: true,
        };
        let got = found(&search(&index, &print(&q), &Filters::default()));
        let reference = reference(&docs, &q, &Filters::default());
        let want: BTreeSet<String> = want.into_iter().map(str::to_string).collect();
        assert_eq!(reference, want, "the reference, for {}", print(&q));
        assert_eq!(got, want, "the index, for {}", print(&q));
    }
    // A wrong rule is caught: a reference that drops the exclusion disagrees.
    let q = Query {
        clauses: vec![word("talks")],
        done: true,
    };
    assert_ne!(
        reference(&docs, &q, &Filters::default()),
        found(&search(&index, "talks -zelensky ", &Filters::default())),
    );
}
