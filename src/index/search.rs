//! Answering a query: the clauses' updates intersected (words and phrases scored by BM25,
//! the typed word also by prefix, misspellings within a few edits scored lower), facet
//! chips applied, results sorted and cut to a page, and for each facet value the number of
//! results choosing it would leave.

use super::query::{parse_query, Atom, Field, Query};
use super::tokenize::{self, is_stop_word, typos_allowed, within_edits};
use super::{Doc, FxMap, Index, NameKind, Posting, Term, FIELDS, FIELD_NAMES, FIELD_WEIGHTS};
use crate::error::Error;
use serde::Serialize;

/// How results are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first; equal scores newest first.
    #[default]
    Relevance,
    /// Latest update first.
    Newest,
    /// Earliest update first.
    Oldest,
}

/// Facet chips a reader has chosen: values of one kind are alternatives (OR), kinds combine
/// (AND). Names are the canonical names [`SearchResults::facets`] lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// People.
    pub people: Vec<String>,
    /// Places.
    pub places: Vec<String>,
    /// Organisations.
    pub orgs: Vec<String>,
    /// Speakers of quotes.
    pub speakers: Vec<String>,
    /// Only updates holding a quote.
    pub has_quote: bool,
    /// Only updates holding a photo.
    pub has_image: bool,
    /// Only updates of this blog.
    pub blog: Option<String>,
}

/// How to search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    /// Result order. Default: relevance.
    pub sort: Sort,
    /// Results per page. Default: 20.
    pub limit: usize,
    /// Results to skip. Default: 0.
    pub offset: usize,
    /// The last word, when the query does not end in a space, matches as a prefix.
    /// Default: true.
    pub prefix: bool,
    /// Words of four letters or more also match words one edit away, eight or more two
    /// edits. Default: true.
    pub fuzzy: bool,
    /// Facet chips.
    pub filters: Filters,
    /// Values listed per facet kind. Default: 20.
    pub facet_limit: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            sort: Sort::Relevance,
            limit: 20,
            offset: 0,
            prefix: true,
            fuzzy: true,
            filters: Filters::default(),
            facet_limit: 20,
        }
    }
}

/// One matching update.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hit {
    /// The blog it belongs to.
    pub blog: String,
    /// Its id in that blog.
    pub update_id: String,
    /// Relevance: higher is better; 0 when the query has no words.
    pub score: f32,
    /// The fields a word of the query matched: "headline", "body", "caption", "names",
    /// "speaker".
    pub fields: Vec<&'static str>,
    /// The headline as HTML: escaped, matched words in `<mark>`.
    pub headline: String,
    /// A passage of the body around the best match as HTML: escaped, matched words in
    /// `<mark>`, "…" where it is cut.
    pub excerpt: String,
    /// When it was published.
    pub timestamp: Option<String>,
}

/// A facet value and how many results choosing it would leave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The canonical name.
    pub name: String,
    /// Results with this value, under the other kinds' chips.
    pub count: usize,
}

/// Facet values of a search, most results first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchFacets {
    /// People.
    pub people: Vec<FacetCount>,
    /// Places.
    pub places: Vec<FacetCount>,
    /// Organisations.
    pub orgs: Vec<FacetCount>,
    /// Speakers.
    pub speakers: Vec<FacetCount>,
    /// Results holding a quote.
    pub has_quote: usize,
    /// Results holding a photo.
    pub has_image: usize,
}

/// A page of results.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SearchResults {
    /// How many updates match in all.
    pub total: usize,
    /// The page asked for.
    pub hits: Vec<Hit>,
    /// Counts for the facet chips.
    pub facets: SearchFacets,
    /// What the lenient reader ignored in the query.
    pub warnings: Vec<String>,
}

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Updates with their scores, sorted by slot.
type Set = Vec<(u32, f32)>;

/// A test of one update (a field of the query, such as `has:quote`).
type DocTest = Box<dyn Fn(&Doc) -> bool>;

/// A clause made ready: its updates, or a test for each update.
enum Compiled {
    Set(Set),
    Test(DocTest),
}

/// The terms a query's words stand for, with a weight: 1 for the word, less for what a
/// prefix or a misspelling reaches.
type Expansion = Vec<(u32, f32)>;

impl Index {
    /// Searches with the lenient reader: never fails; what it ignored is in `warnings`.
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResults {
        let q = parse_query(query, options.prefix, false).unwrap_or_default();
        self.run(&q, options)
    }

    /// Searches with the strict reader: a query it cannot read in full is an error
    /// (`LB_QUERY`) naming the problem and where it is.
    pub fn search_strict(
        &self,
        query: &str,
        options: &SearchOptions,
    ) -> Result<SearchResults, Error> {
        let q = parse_query(query, options.prefix, true)?;
        Ok(self.run(&q, options))
    }

    fn run(&self, q: &Query, options: &SearchOptions) -> SearchResults {
        let mut marks: Vec<u32> = Vec::new();
        let mut field_hits: Vec<u32> = Vec::new();
        let mut required: Vec<Compiled> = Vec::new();
        let mut optional: Vec<Set> = Vec::new();
        let mut excluded: Vec<Compiled> = Vec::new();
        let days = self.blog_days(q);
        for clause in &q.clauses {
            let stop = !clause.negated
                && matches!(clause.any.as_slice(), [Atom::Word { word, prefix: false }] if is_stop_word(word));
            let compiled = self.compile(&clause.any, options, &days, &mut marks, &mut field_hits);
            if clause.negated {
                excluded.push(compiled);
            } else if stop {
                if let Compiled::Set(set) = compiled {
                    optional.push(set);
                }
            } else {
                required.push(compiled);
            }
        }
        // A query of stop words only ("the") still needs them.
        if !required.iter().any(|c| matches!(c, Compiled::Set(_))) && !optional.is_empty() {
            required.extend(optional.drain(..).map(Compiled::Set));
        }
        let mut sets: Vec<Set> = Vec::new();
        let mut tests: Vec<DocTest> = Vec::new();
        for c in required {
            match c {
                Compiled::Set(s) => sets.push(s),
                Compiled::Test(t) => tests.push(t),
            }
        }
        sets.sort_by_key(Vec::len);
        let mut found: Set = match sets.split_first() {
            Some((first, rest)) => rest.iter().fold(first.clone(), |acc, s| intersect(&acc, s)),
            None => self.all_slots(),
        };
        for set in &optional {
            for (slot, score) in &mut found {
                if let Ok(i) = set.binary_search_by_key(slot, |&(s, _)| s) {
                    *score += set[i].1;
                }
            }
        }
        found.retain(|&(slot, _)| {
            let Some(doc) = self.doc(slot) else {
                return false;
            };
            tests.iter().all(|t| t(doc))
                && !excluded.iter().any(|c| match c {
                    Compiled::Set(s) => s.binary_search_by_key(&slot, |&(x, _)| x).is_ok(),
                    Compiled::Test(t) => t(doc),
                })
        });
        let chips = Chips::new(self, &options.filters);
        let facets = self.facet_counts(&found, &chips, options.facet_limit);
        found.retain(|&(slot, _)| self.doc(slot).is_some_and(|d| chips.pass(d, None)));
        self.order(&mut found, options.sort);
        let total = found.len();
        let marks: FxMap<u32, ()> = marks.into_iter().map(|m| (m, ())).collect();
        let hits = found
            .iter()
            .skip(options.offset)
            .take(options.limit)
            .filter_map(|&(slot, score)| {
                let doc = self.doc(slot)?;
                Some(self.hit(doc, slot, score, &marks, &field_hits))
            })
            .collect();
        SearchResults {
            total,
            hits,
            facets,
            warnings: q.warnings.clone(),
        }
    }

    pub(crate) fn doc(&self, slot: u32) -> Option<&Doc> {
        self.docs.get(slot as usize).and_then(Option::as_ref)
    }

    fn all_slots(&self) -> Set {
        (0..self.docs.len() as u32)
            .filter(|&s| self.doc(s).is_some())
            .map(|s| (s, 0.0))
            .collect()
    }

    /// The last day of each blog, in days since 1970, when a query names a time: "14:30"
    /// is on that day.
    fn blog_days(&self, q: &Query) -> FxMap<String, i64> {
        let mut days: FxMap<String, i64> = FxMap::default();
        let timed = q
            .clauses
            .iter()
            .flat_map(|c| &c.any)
            .any(|a| matches!(a, Atom::Before(_) | Atom::After(_)));
        if timed {
            for doc in self.docs.iter().flatten() {
                if let Some(m) = doc.minutes {
                    let day = days.entry(doc.src.blog.clone()).or_insert(i64::MIN);
                    *day = (*day).max(m.div_euclid(1440));
                }
            }
        }
        days
    }

    fn compile(
        &self,
        any: &[Atom],
        options: &SearchOptions,
        days: &FxMap<String, i64>,
        marks: &mut Vec<u32>,
        field_hits: &mut Vec<u32>,
    ) -> Compiled {
        let mut union: Set = Vec::new();
        let mut tests: Vec<DocTest> = Vec::new();
        for atom in any {
            match atom {
                Atom::Word { word, prefix } => {
                    let terms = self.expand(word, *prefix, options.fuzzy);
                    marks.extend(terms.iter().map(|&(t, _)| t));
                    field_hits.extend(terms.iter().map(|&(t, _)| t));
                    union.extend(self.score_terms(&terms));
                }
                Atom::Phrase(words) => {
                    let stems: Option<Vec<u32>> = words
                        .iter()
                        .map(|w| self.term_id(&tokenize::stem(w)))
                        .collect();
                    if let Some(stems) = stems {
                        marks.extend(&stems);
                        field_hits.extend(&stems);
                        union.extend(self.phrase(&stems));
                    }
                }
                Atom::Name(field, words) => {
                    let kind = match field {
                        Field::Speaker => NameKind::Speaker,
                        Field::Person => NameKind::Person,
                        Field::Place => NameKind::Place,
                        Field::Org => NameKind::Org,
                    };
                    let ids: Vec<u32> = (0..self.names.len() as u32)
                        .filter(|&i| {
                            let name = &self.names[i as usize];
                            name.kind == kind && words.iter().all(|w| names_word(&name.words, w))
                        })
                        .collect();
                    tests.push(Box::new(move |d: &Doc| {
                        d.names.iter().any(|n| ids.contains(n))
                    }));
                }
                Atom::HasQuote => tests.push(Box::new(|d: &Doc| d.src.has_quote)),
                Atom::HasImage => tests.push(Box::new(|d: &Doc| d.src.has_image)),
                Atom::Before(text) | Atom::After(text) => {
                    let before = matches!(atom, Atom::Before(_));
                    let text = text.clone();
                    let days = days.clone();
                    tests.push(Box::new(move |d: &Doc| {
                        let (Some(at), Some(&day)) = (d.minutes, days.get(&d.src.blog)) else {
                            return false;
                        };
                        resolve_time(&text, day)
                            .is_some_and(|t| if before { at < t } else { at >= t })
                    }));
                }
            }
        }
        if tests.is_empty() {
            return Compiled::Set(merge(union));
        }
        if union.is_empty()
            && any
                .iter()
                .all(|a| !matches!(a, Atom::Word { .. } | Atom::Phrase(_)))
        {
            return Compiled::Test(Box::new(move |d: &Doc| tests.iter().any(|t| t(d))));
        }
        // Words and tests as alternatives: the tests become a set.
        for slot in 0..self.docs.len() as u32 {
            if self.doc(slot).is_some_and(|d| tests.iter().any(|t| t(d))) {
                union.push((slot, 0.0));
            }
        }
        Compiled::Set(merge(union))
    }

    /// The terms a query word reaches: its own stem; while typed, every term it begins;
    /// with `fuzzy`, terms within the edits its length allows.
    fn expand(&self, word: &str, prefix: bool, fuzzy: bool) -> Expansion {
        let stem = tokenize::stem(word);
        let mut out: Expansion = Vec::new();
        if let Some(id) = self
            .term_id(&stem)
            .filter(|&t| !self.terms[t as usize].postings.is_empty())
        {
            out.push((id, 1.0));
        }
        if prefix {
            let sorted = self.sorted_terms();
            for p in [word, stem.as_str()] {
                let from = sorted.partition_point(|&t| &*self.terms[t as usize].text < p);
                for &t in &sorted[from..] {
                    if !self.terms[t as usize].text.starts_with(p) {
                        break;
                    }
                    if !out.iter().any(|&(x, _)| x == t) {
                        out.push((t, 0.8));
                    }
                }
            }
        }
        let edits = typos_allowed(word.chars().count());
        if fuzzy && edits > 0 {
            let chars = stem.chars().count() as u32;
            let mask = tokenize::letter_mask(&stem);
            for (t, term) in self.terms.iter().enumerate() {
                let t = t as u32;
                let near = term.chars.abs_diff(chars) as usize <= edits
                    && ((term.mask ^ mask).count_ones() as usize) <= 2 * edits
                    && !term.postings.is_empty()
                    && !out.iter().any(|&(x, _)| x == t)
                    && within_edits(&stem, &term.text, edits);
                if near {
                    out.push((t, 0.5));
                }
            }
        }
        // In the order of their texts, not of term ids (which depend on the order updates
        // came in), so scores add up alike in any index of the same updates.
        out.sort_by(|a, b| {
            self.terms[a.0 as usize]
                .text
                .cmp(&self.terms[b.0 as usize].text)
        });
        out
    }

    fn score_terms(&self, terms: &[(u32, f32)]) -> Set {
        let mut out = Vec::new();
        for &(t, weight) in terms {
            let term = &self.terms[t as usize];
            for &p in &term.postings {
                if let Some(doc) = self.doc(p.doc) {
                    out.push((p.doc, weight * self.bm25(term, p, doc)));
                }
            }
        }
        out
    }

    pub(crate) fn bm25(&self, term: &Term, p: Posting, doc: &Doc) -> f32 {
        let n = self.live as f32;
        let df = term.postings.len() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let mut s = 0.0;
        for (f, weight) in FIELD_WEIGHTS.iter().enumerate() {
            let tf = p.tf(f) as f32;
            if tf == 0.0 {
                continue;
            }
            let avg = self.field_totals[f] as f32 / n;
            let norm = if avg > 0.0 {
                doc.lens[f] as f32 / avg
            } else {
                1.0
            };
            s += weight * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * norm));
        }
        idf * s
    }

    /// Updates holding the terms in a row, within one text, scored as their words.
    fn phrase(&self, stems: &[u32]) -> Set {
        let lists: Vec<Set> = stems
            .iter()
            .map(|&t| self.score_terms(&[(t, 1.0)]))
            .collect();
        let Some((first, rest)) = lists.split_first() else {
            return Vec::new();
        };
        let mut both = rest.iter().fold(first.clone(), |acc, s| intersect(&acc, s));
        both.retain(|&(slot, _)| {
            self.doc(slot).is_some_and(|d| {
                texts(d).any(|text| {
                    let ids: Vec<Option<u32>> = tokenize::tokenize(text)
                        .iter()
                        .map(|tok| self.word_term(&tok.word))
                        .collect();
                    ids.windows(stems.len())
                        .any(|w| w.iter().zip(stems).all(|(a, b)| *a == Some(*b)))
                })
            })
        });
        both
    }

    fn order(&self, found: &mut Set, sort: Sort) {
        let recency = |slot: u32| {
            self.doc(slot).map_or((i64::MIN, 0), |d| {
                (d.minutes.unwrap_or(i64::MIN), d.src.order)
            })
        };
        let blog = |slot: u32| self.doc(slot).map_or("", |d| d.src.blog.as_str());
        found.sort_by(|&(a, sa), &(b, sb)| {
            let by_time = recency(b)
                .cmp(&recency(a))
                .then_with(|| blog(a).cmp(blog(b)));
            match sort {
                Sort::Relevance => sb.total_cmp(&sa).then(by_time),
                Sort::Newest => by_time,
                Sort::Oldest => recency(a)
                    .cmp(&recency(b))
                    .then_with(|| blog(a).cmp(blog(b))),
            }
        });
    }

    /// For each facet value, the results choosing it would leave: the other kinds' chips
    /// apply, its own kind's do not (values of a kind are alternatives).
    fn facet_counts(&self, found: &Set, chips: &Chips, limit: usize) -> SearchFacets {
        let kinds = [
            NameKind::Person,
            NameKind::Place,
            NameKind::Org,
            NameKind::Speaker,
        ];
        let mut counts: [FxMap<u32, usize>; 4] = Default::default();
        let mut facets = SearchFacets::default();
        for &(slot, _) in found {
            let Some(doc) = self.doc(slot) else { continue };
            let all = chips.pass(doc, None);
            facets.has_quote += usize::from(all && doc.src.has_quote);
            facets.has_image += usize::from(all && doc.src.has_image);
            for (k, &kind) in kinds.iter().enumerate() {
                if !chips.pass(doc, Some(kind)) {
                    continue;
                }
                for &n in &doc.names {
                    if self.names[n as usize].kind == kind {
                        *counts[k].entry(n).or_insert(0) += 1;
                    }
                }
            }
        }
        let [people, places, orgs, speakers] = counts.map(|c| {
            let mut list: Vec<FacetCount> = c
                .into_iter()
                .map(|(n, count)| FacetCount {
                    name: self.names[n as usize].text.clone(),
                    count,
                })
                .collect();
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
            list.truncate(limit);
            list
        });
        facets.people = people;
        facets.places = places;
        facets.orgs = orgs;
        facets.speakers = speakers;
        facets
    }

    fn word_term(&self, word: &str) -> Option<u32> {
        self.word_terms.get(word).copied()
    }

    fn hit(
        &self,
        doc: &Doc,
        slot: u32,
        score: f32,
        marks: &FxMap<u32, ()>,
        field_hits: &[u32],
    ) -> Hit {
        let marked = |word: &str| self.word_term(word).is_some_and(|t| marks.contains_key(&t));
        let mut fields = [false; FIELDS];
        for &t in field_hits {
            let postings = &self.terms[t as usize].postings;
            if let Ok(i) = postings.binary_search_by_key(&slot, |p| p.doc) {
                for (f, hit) in fields.iter_mut().enumerate() {
                    *hit |= postings[i].tf(f) > 0;
                }
            }
        }
        let src = &doc.src;
        // The paragraph (or caption) with the most matched words.
        let best = src
            .paragraphs
            .iter()
            .chain(&src.captions)
            .map(|text| {
                let n = tokenize::tokenize(text)
                    .iter()
                    .filter(|t| marked(&t.word))
                    .count();
                (text, n)
            })
            .fold(None::<(&String, usize)>, |best, (text, n)| match best {
                Some((_, m)) if m >= n => best,
                _ => Some((text, n)),
            });
        let excerpt = match best {
            Some((text, _)) => excerpt(text, &marked),
            None => String::new(),
        };
        Hit {
            blog: src.blog.clone(),
            update_id: src.id.clone(),
            score,
            fields: (0..FIELDS)
                .filter(|&f| fields[f])
                .map(|f| FIELD_NAMES[f])
                .collect(),
            headline: mark_all(&src.headline, &marked),
            excerpt,
            timestamp: src.timestamp.clone(),
        }
    }
}

/// The chips of a search, resolved to name ids.
struct Chips<'a> {
    kinds: Vec<(NameKind, Vec<u32>)>,
    filters: &'a Filters,
}

impl<'a> Chips<'a> {
    fn new(index: &Index, filters: &'a Filters) -> Self {
        let mut kinds = Vec::new();
        for (kind, names) in [
            (NameKind::Person, &filters.people),
            (NameKind::Place, &filters.places),
            (NameKind::Org, &filters.orgs),
            (NameKind::Speaker, &filters.speakers),
        ] {
            if names.is_empty() {
                continue;
            }
            let ids = (0..index.names.len() as u32)
                .filter(|&i| {
                    let n = &index.names[i as usize];
                    n.kind == kind && names.iter().any(|x| x == &n.text)
                })
                .collect();
            kinds.push((kind, ids));
        }
        Chips { kinds, filters }
    }

    /// Whether a document passes every chip but those of `except`.
    fn pass(&self, doc: &Doc, except: Option<NameKind>) -> bool {
        let f = self.filters;
        (!f.has_quote || doc.src.has_quote)
            && (!f.has_image || doc.src.has_image)
            && f.blog.as_ref().is_none_or(|b| *b == doc.src.blog)
            && self
                .kinds
                .iter()
                .filter(|(k, _)| Some(*k) != except)
                .all(|(_, ids)| doc.names.iter().any(|n| ids.contains(n)))
    }
}

/// Every text of a document, one by one (a phrase does not cross from one to the next).
fn texts(d: &Doc) -> impl Iterator<Item = &String> {
    let s = &d.src;
    std::iter::once(&s.headline)
        .chain(&s.paragraphs)
        .chain(&s.captions)
        .chain(&s.people)
        .chain(&s.places)
        .chain(&s.orgs)
        .chain(&s.aliases)
        .chain(&s.speakers)
}

/// Whether a query word names a word of a name: the same, or within the edits its length
/// allows ("zelensky" for "Zelenskyy").
fn names_word(name: &[String], word: &str) -> bool {
    let edits = typos_allowed(word.chars().count());
    name.iter()
        .any(|n| n == word || (edits > 0 && within_edits(word, n, edits)))
}

/// Scores of the same update added up; sorted by slot.
fn merge(mut set: Set) -> Set {
    // Stable: an update's scores add up in the same order however the index was built.
    set.sort_by_key(|&(s, _)| s);
    let mut out: Set = Vec::with_capacity(set.len());
    for (slot, score) in set {
        match out.last_mut() {
            Some((last, total)) if *last == slot => *total += score,
            _ => out.push((slot, score)),
        }
    }
    out
}

/// Updates in both sets, scores added.
fn intersect(a: &Set, b: &Set) -> Set {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// A time a reader typed, in minutes since 1970 on the page's clock: "14:30" on `day`,
/// "Jan 24 2:30pm" on that date (in `day`'s year when it gives none).
fn resolve_time(text: &str, day: i64) -> Option<i64> {
    let (clock, date) = crate::clock::read_time(text)?;
    let day = match date {
        Some(d) => {
            let year = d.year.unwrap_or(crate::clock::civil_from_days(day).0);
            crate::clock::days_from_civil(year, d.month, d.day)
        }
        None => day,
    };
    Some(day * 1440 + i64::from(clock.minutes))
}

/// Text as HTML, with nothing left to interpret.
pub(crate) fn escape_html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `text[from..to]` as HTML with the marked words in `<mark>`.
fn marked_html(text: &str, from: usize, to: usize, marked: &dyn Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(to - from + 16);
    let mut at = from;
    for token in tokenize::tokenize(&text[from..to]) {
        if marked(&token.word) {
            escape_html(&text[at..from + token.start], &mut out);
            out.push_str("<mark>");
            escape_html(&text[from + token.start..from + token.end], &mut out);
            out.push_str("</mark>");
            at = from + token.end;
        }
    }
    escape_html(&text[at..to], &mut out);
    out
}

fn mark_all(text: &str, marked: &dyn Fn(&str) -> bool) -> String {
    marked_html(text, 0, text.len(), marked)
}

/// About 30 words of `text` from a little before its first matched word.
fn excerpt(text: &str, marked: &dyn Fn(&str) -> bool) -> String {
    const WORDS: usize = 30;
    const LEAD: usize = 8;
    let tokens = tokenize::tokenize(text);
    if tokens.len() <= WORDS {
        return mark_all(text, marked);
    }
    let first = tokens.iter().position(|t| marked(&t.word)).unwrap_or(0);
    let start = first.saturating_sub(LEAD).min(tokens.len() - WORDS);
    let end = start + WORDS;
    let from = if start == 0 { 0 } else { tokens[start].start };
    let to = if end == tokens.len() {
        text.len()
    } else {
        tokens[end - 1].end
    };
    let mut out = String::new();
    if start > 0 {
        out.push_str("… ");
    }
    out.push_str(&marked_html(text, from, to, marked));
    if end < tokens.len() {
        out.push_str(" …");
    }
    out
}
