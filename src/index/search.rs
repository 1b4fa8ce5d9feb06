//! Answering a query: the clauses' updates intersected (words and phrases scored by BM25,
//! the typed word also by prefix, misspellings within a few edits scored lower), facet
//! chips applied, results sorted and cut to a page, and for each facet value the number of
//! results choosing it would leave.

use super::pieces::{any_is, eight, lanes};
use super::postings::Postings;
use super::query::{parse_query, Atom, Field, Query};
use super::tokenize::{self, is_stop_word, typos_allowed, within_edits};
use super::{
    Brief, Doc, Index, NameKind, Posting, BODY, FIELDS, FIELD_NAMES, FIELD_SHIFT, FIELD_WEIGHTS,
};
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
    /// Words also match words a few edits away: the word as typed against the words as
    /// written, one edit from four letters and two from eight ("zelenksy" finds
    /// "Zelenskyy"), and its stem against their stems by the stem's length ("shelling" as
    /// "shell", one edit). Default: true.
    pub fuzzy: bool,
    /// Facet chips.
    pub filters: Filters,
    /// Values listed per facet kind. Default: 20.
    pub facet_limit: usize,
    /// Hits carry their headline and excerpt as HTML. Without (a page highlighting its own
    /// copy of the updates, with [`SearchOptions::words`]), both are empty, and every hit
    /// costs about as little as a page of ten. Default: true.
    pub excerpts: bool,
    /// Fill [`SearchResults::words`]. Default: false.
    pub words: bool,
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
            excerpts: true,
            words: false,
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
    /// With [`SearchOptions::words`]: every spelling, in these hits' texts, of the words
    /// the query matched (their inflections, the names a typo reached), sorted, to highlight
    /// the updates somewhere else (a page's own copy). Otherwise empty.
    pub words: Vec<String>,
}

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Updates with their scores, sorted by slot.
type Set = Vec<(u32, f32)>;

/// An update as a query's tests and chips see it.
struct View<'a> {
    doc: &'a Doc,
    brief: &'a Brief,
    names: &'a [u32],
}

/// A test of one update (a field of the query, such as `has:quote`).
type DocTest = Box<dyn Fn(&View) -> bool>;

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
        // Every term a word or phrase of the query reached: for highlights and fields.
        let mut matched: Vec<u32> = Vec::new();
        let mut required: Vec<Compiled> = Vec::new();
        let mut optional: Vec<Set> = Vec::new();
        let mut excluded: Vec<Compiled> = Vec::new();
        // Required clauses of one word: their terms, scored when the clauses are joined.
        let mut words: Vec<Expansion> = Vec::new();
        let days = self.blog_days(q);
        for clause in &q.clauses {
            let stop = !clause.negated
                && matches!(clause.any.as_slice(), [Atom::Word { word, prefix: false }] if is_stop_word(word));
            if let (false, false, [Atom::Word { word, prefix }]) =
                (clause.negated, stop, clause.any.as_slice())
            {
                words.push(self.expand(word, *prefix, options.fuzzy, &mut matched));
                continue;
            }
            let compiled = self.compile(&clause.any, options, &days, &mut matched);
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
        // A query of stop words only ("the") still needs them; beside anything else that
        // narrows (a word, a phrase, a field), they only add to the score.
        if words.is_empty() && required.is_empty() && !optional.is_empty() {
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
        // The clauses joined smallest first (a clause of words by its postings, a bound on
        // its updates), each of words scored only on the updates left by those before it.
        enum Join {
            Set(Set),
            Words(Expansion),
        }
        let mut joins: Vec<(u64, Join)> = (sets.into_iter())
            .map(|s| (s.len() as u64, Join::Set(s)))
            .chain(words.into_iter().map(|terms| {
                let postings = terms
                    .iter()
                    .map(|&(t, _)| self.terms[t as usize].postings.len());
                (postings.sum::<usize>() as u64, Join::Words(terms))
            }))
            .collect();
        crate::sorting::sort_by_rank(&mut joins, |j| j.0);
        let chips = Chips::new(self, &options.filters);
        // With chips, facets count updates the chips then drop, which need no score: words
        // are joined unscored and scored once on the updates that pass.
        let score = chips.none;
        let mut unscored: Vec<Expansion> = Vec::new();
        let mut found: Option<Set> = None;
        for (_, join) in joins {
            found = Some(match (found, join) {
                (None, Join::Set(s)) => s,
                (f, Join::Words(terms)) => {
                    let next = match &f {
                        None => self.score_terms(&terms, score),
                        Some(f) => self.score_within(&terms, f, score),
                    };
                    if !score {
                        unscored.push(terms);
                    }
                    next
                }
                (Some(f), Join::Set(s)) => intersect(&f, &s),
            });
        }
        let mut found = found.unwrap_or_else(|| self.all_slots());
        for set in &optional {
            for (slot, score) in &mut found {
                if let Ok(i) = set.binary_search_by_key(slot, |&(s, _)| s) {
                    *score += set[i].1;
                }
            }
        }
        if !tests.is_empty() || !excluded.is_empty() {
            found.retain(|&(slot, _)| {
                let Some(view) = self.view(slot) else {
                    return false;
                };
                tests.iter().all(|t| t(&view))
                    && !excluded.iter().any(|c| match c {
                        Compiled::Set(s) => s.binary_search_by_key(&slot, |&(x, _)| x).is_ok(),
                        Compiled::Test(t) => t(&view),
                    })
            });
        }
        let facets = self.facet_counts(&mut found, &chips, options.facet_limit);
        for terms in &unscored {
            found = self.score_within(terms, &found, true);
        }
        let total = found.len();
        let page = self.order(
            &found,
            options.sort,
            options.offset.saturating_add(options.limit),
        );
        let marks = Marks::new(matched);
        let page = page.get(options.offset..).unwrap_or_default();
        let mut html = String::new();
        let hits = page
            .iter()
            .filter_map(|&(slot, score)| {
                let doc = self.doc(slot)?;
                Some(self.hit(doc, slot, score, &marks, options.excerpts, &mut html))
            })
            .collect();
        let words = if options.words {
            self.spellings(page, &marks)
        } else {
            Vec::new()
        };
        SearchResults {
            total,
            hits,
            facets,
            warnings: q.warnings.clone(),
            words,
        }
    }

    pub(crate) fn doc(&self, slot: u32) -> Option<&Doc> {
        self.docs.get(slot as usize).and_then(Option::as_ref)
    }

    /// The name ids of a slot.
    #[inline]
    fn names_of(&self, slot: u32) -> &[u32] {
        let (from, to) = self.briefs[slot as usize].names;
        &self.doc_names[from as usize..to as usize]
    }

    #[inline]
    fn view(&self, slot: u32) -> Option<View<'_>> {
        Some(View {
            doc: self.doc(slot)?,
            brief: &self.briefs[slot as usize],
            names: self.names_of(slot),
        })
    }

    fn all_slots(&self) -> Set {
        (0..self.docs.len() as u32)
            .filter(|&s| self.doc(s).is_some())
            .map(|s| (s, 0.0))
            .collect()
    }

    /// The last day of each blog (by its id), in days since 1970, when a query names a
    /// time: "14:30" is on that day. `None` for a blog with no time.
    fn blog_days(&self, q: &Query) -> Vec<Option<i64>> {
        let mut days: Vec<Option<i64>> = vec![None; self.blogs.len()];
        let timed = q
            .clauses
            .iter()
            .flat_map(|c| &c.any)
            .any(|a| matches!(a, Atom::Before(_) | Atom::After(_)));
        if timed {
            for doc in self.docs.iter().flatten() {
                if let (Some(m), Some(day)) = (doc.minutes, days.get_mut(doc.blog as usize)) {
                    *day = Some(day.unwrap_or(i64::MIN).max(m.div_euclid(1440)));
                }
            }
        }
        days
    }

    fn compile(
        &self,
        any: &[Atom],
        options: &SearchOptions,
        days: &[Option<i64>],
        matched: &mut Vec<u32>,
    ) -> Compiled {
        let mut union: Set = Vec::new();
        let mut tests: Vec<DocTest> = Vec::new();
        for atom in any {
            match atom {
                Atom::Word { word, prefix } => {
                    let terms = self.expand(word, *prefix, options.fuzzy, matched);
                    union.extend(self.score_terms(&terms, true));
                }
                Atom::Phrase(words) => {
                    let stems: Option<Vec<u32>> = words
                        .iter()
                        .map(|w| self.term_id(&tokenize::stem(w)))
                        .collect();
                    if let Some(stems) = stems {
                        matched.extend(&stems);
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
                    tests.push(Box::new(move |v: &View| {
                        v.names.iter().any(|n| ids.contains(n))
                    }));
                }
                Atom::HasQuote => tests.push(Box::new(|v: &View| v.brief.has_quote)),
                Atom::HasImage => tests.push(Box::new(|v: &View| v.brief.has_image)),
                Atom::Before(text) | Atom::After(text) => {
                    let before = matches!(atom, Atom::Before(_));
                    let text = text.clone();
                    let days = days.to_vec();
                    tests.push(Box::new(move |v: &View| {
                        let (Some(at), Some(&Some(day))) =
                            (v.doc.minutes, days.get(v.doc.blog as usize))
                        else {
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
            return Compiled::Test(Box::new(move |v: &View| tests.iter().any(|t| t(v))));
        }
        // Words and tests as alternatives: the tests become a set.
        for slot in 0..self.docs.len() as u32 {
            if self.view(slot).is_some_and(|v| tests.iter().any(|t| t(&v))) {
                union.push((slot, 0.0));
            }
        }
        Compiled::Set(merge(union))
    }

    /// The terms a query word reaches: its own stem; while typed, every term it begins;
    /// with `fuzzy`, terms within the edits its length allows. Each is also noted in
    /// `matched`, for highlights and fields.
    fn expand(&self, word: &str, prefix: bool, fuzzy: bool, matched: &mut Vec<u32>) -> Expansion {
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
        // Edits by the length of the stem, which is what is compared: by the typed word's
        // length, "shelling" (8 letters, two edits) reached "small", "help" and "still"
        // through "shell".
        let chars = stem.chars().count() as u32;
        let edits = typos_allowed(chars as usize);
        if fuzzy && edits > 0 {
            let mask = tokenize::letter_mask(&stem);
            let by_length = self.terms_by_length();
            let lengths = super::near_buckets(chars as usize, mask, edits);
            for &t in by_length[lengths].iter().flatten() {
                let term = &self.terms[t as usize];
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
        // The word as typed against the words as written, by the typed word's length: the
        // stem of a misspelling can be further from the stem of the word than the two
        // spellings are from each other ("zelenksy" → "zelenksi", "zelenskyy" stays).
        let typed_chars = word.chars().count();
        let typed_edits = typos_allowed(typed_chars);
        if fuzzy && typed_edits > 0 && !self.surfaces.is_empty() {
            let mask = tokenize::letter_mask(word);
            let lengths = super::near_buckets(typed_chars, mask, typed_edits);
            for &(ref spelling, piece, letters) in self.surfaces[lengths].iter().flatten() {
                if ((letters ^ mask).count_ones() as usize) > 2 * typed_edits
                    || self.uses[piece as usize] == 0
                    || !within_edits(word, spelling, typed_edits)
                {
                    continue;
                }
                let t = self.pieces.term(piece << 1);
                if !out.iter().any(|&(x, _)| x == t) {
                    out.push((t, 0.5));
                }
            }
        }
        // In the order of their texts, not of term ids (which depend on the order updates
        // came in), so scores add up alike in any index of the same updates.
        crate::sorting::sort_by(&mut out, |a, b| {
            self.terms[a.0 as usize]
                .text
                .cmp(&self.terms[b.0 as usize].text)
        });
        matched.extend(out.iter().map(|&(t, _)| t));
        out
    }

    /// The updates holding any of the terms, in slot order, each scored by the sum over
    /// the terms it holds (added in the terms' order, so alike in any index of the same
    /// updates). One term's list is in slot order as it stands; the lists of several are
    /// added into one score per slot and read back in slot order.
    /// With `score` false, every score is 0.
    fn score_terms(&self, terms: &[(u32, f32)], score: bool) -> Set {
        let bm25 = Bm25::of(self);
        let scored = |t: u32, weight: f32| {
            let postings = &self.terms[t as usize].postings;
            let idf = bm25.idf(postings.len());
            postings.iter().map(move |p| {
                let s = if score {
                    bm25.score(self, p, weight * idf)
                } else {
                    0.0
                };
                (p.doc, s)
            })
        };
        match terms {
            [] => return Vec::new(),
            [(t, weight)] => return scored(*t, *weight).collect(),
            _ => {}
        }
        let mut scores = vec![0.0f32; self.docs.len()];
        let mut seen = vec![0u64; self.docs.len().div_ceil(64)];
        let mut count = 0;
        for &(t, weight) in terms {
            for (slot, score) in scored(t, weight) {
                scores[slot as usize] += score;
                let (word, bit) = (slot as usize / 64, 1u64 << (slot % 64));
                count += usize::from(seen[word] & bit == 0);
                seen[word] |= bit;
            }
        }
        let mut out = Vec::with_capacity(count);
        for (w, &bits) in seen.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                let slot = w * 64 + bits.trailing_zeros() as usize;
                out.push((slot as u32, scores[slot]));
                bits &= bits - 1;
            }
        }
        out
    }

    /// `found` narrowed to the updates holding any of the terms, each scored as before plus
    /// (with `score`) what [`Index::score_terms`] would give it: a clause of words after a
    /// smaller one is scored only where that one left updates.
    fn score_within(&self, terms: &[(u32, f32)], found: &Set, score: bool) -> Set {
        let bm25 = Bm25::of(self);
        // One term, the usual case: each update it holds is written out as it is met.
        if let &[(t, weight)] = terms {
            let postings = &self.terms[t as usize].postings;
            let factor = weight * bm25.idf(postings.len());
            let mut out = Vec::with_capacity(found.len());
            each_within(postings, found, |i, p| {
                // Added as the terms' sums below are, from 0.
                let add = if score {
                    0.0 + bm25.score(self, p, factor)
                } else {
                    0.0
                };
                out.push((found[i].0, found[i].1 + add));
            });
            return out;
        }
        let mut add = vec![0.0f32; found.len()];
        let mut held = vec![false; found.len()];
        for &(t, weight) in terms {
            let postings = &self.terms[t as usize].postings;
            let idf = bm25.idf(postings.len());
            each_within(postings, found, |i, p| {
                if score {
                    add[i] += bm25.score(self, p, weight * idf);
                }
                held[i] = true;
            });
        }
        found
            .iter()
            .zip(add.iter().zip(&held))
            .filter(|(_, (_, &held))| held)
            .map(|(&(slot, score), (&add, _))| (slot, score + add))
            .collect()
    }

    /// Updates holding the terms in a row, within one text, scored as their words: the
    /// rarest term's updates first, the others scored only on those, then each left
    /// update's terms read for the row.
    fn phrase(&self, stems: &[u32]) -> Set {
        let mut rarest: Vec<u32> = stems.to_vec();
        crate::sorting::sort_by_rank(&mut rarest, |&t| {
            self.terms[t as usize].postings.len() as u64
        });
        let Some((&first, rest)) = rarest.split_first() else {
            return Vec::new();
        };
        let mut both = self.score_terms(&[(first, 1.0)], true);
        for &t in rest {
            both = self.score_within(&[(t, 1.0)], &both, true);
        }
        // Two words, the usual phrase: each word against the one before it.
        if let &[first, second] = stems {
            let starts = self.pieces.first_bytes(first);
            let text = |slot: u32| {
                let (from, to) = self.briefs[slot as usize].seq;
                &self.texts[from as usize..to as usize]
            };
            // The scan is bound by reading each candidate's texts from memory, not by its
            // instructions: a batch's first bytes are read together first, so that their
            // misses overlap instead of waiting one after another.
            let mut kept = Vec::with_capacity(both.len());
            for batch in both.chunks(TOUCHED) {
                let touched = batch.iter().fold(0u8, |x, &(slot, _)| {
                    x ^ text(slot).first().copied().unwrap_or(0)
                });
                std::hint::black_box(touched);
                kept.extend(batch.iter().filter(|&&(slot, _)| {
                    self.pieces.holds_pair(text(slot), &starts, first, second)
                }));
            }
            return kept;
        }
        // Longer ones by Knuth–Morris–Pratt over each update's terms: `back[k]` is how much
        // of the row is still matched when a term after `k + 1` matched ones does not
        // continue it.
        let mut back = vec![0usize; stems.len()];
        let mut k = 0;
        for i in 1..stems.len() {
            while k > 0 && stems[i] != stems[k] {
                k = back[k - 1];
            }
            k += usize::from(stems[i] == stems[k]);
            back[i] = k;
        }
        both.retain(|&(slot, _)| {
            let mut k = 0;
            for term in self.terms_of(slot) {
                while k > 0 && term != stems[k] {
                    k = back[k - 1];
                }
                if term == stems[k] {
                    k += 1;
                    if k == stems.len() {
                        return true;
                    }
                }
            }
            false
        });
        both
    }

    fn order(&self, found: &Set, sort: Sort, keep: usize) -> Set {
        if keep == 0 {
            return Vec::new();
        }
        // By relevance, only results scoring at least the page's last can be on it: that
        // score is found among bare floats, and only those results are keyed and sorted.
        let floor = match sort {
            Sort::Relevance if found.len() > keep => {
                let mut scores: Vec<f32> = found.iter().map(|&(_, s)| s).collect();
                let (_, nth, _) = scores.select_nth_unstable_by(keep - 1, |a, b| b.total_cmp(a));
                *nth
            }
            _ => f32::NEG_INFINITY,
        };
        // Keys worked out once: (score, time, order, blog, id, slot) per result.
        let mut keyed: Vec<(f32, i64, u32, &str, &str, u32)> = found
            .iter()
            .filter(|&&(_, score)| score.total_cmp(&floor).is_ge())
            .filter_map(|&(slot, score)| {
                let d = self.doc(slot)?;
                let minutes = d.minutes.unwrap_or(i64::MIN);
                Some((
                    score,
                    minutes,
                    d.order,
                    &*self.blogs[d.blog as usize],
                    &*d.id,
                    slot,
                ))
            })
            .collect();
        let cmp = |a: &(f32, i64, u32, &str, &str, u32), b: &(f32, i64, u32, &str, &str, u32)| {
            let by_blog = || (a.3, a.4).cmp(&(b.3, b.4));
            let newest = (b.1, b.2).cmp(&(a.1, a.2)).then_with(by_blog);
            match sort {
                Sort::Relevance => b.0.total_cmp(&a.0).then(newest),
                Sort::Newest => newest,
                Sort::Oldest => (a.1, a.2).cmp(&(b.1, b.2)).then_with(by_blog),
            }
        };
        if keyed.len() > keep {
            keyed.select_nth_unstable_by(keep - 1, cmp);
            keyed.truncate(keep);
        }
        keyed.sort_unstable_by(cmp);
        keyed.into_iter().map(|k| (k.5, k.0)).collect()
    }

    /// For each facet value, the results choosing it would leave: the other kinds' chips
    /// apply, its own kind's do not (values of a kind are alternatives).
    /// Leaves in `found` only the updates that pass every chip.
    fn facet_counts(&self, found: &mut Set, chips: &Chips, limit: usize) -> SearchFacets {
        let kinds = [
            NameKind::Person,
            NameKind::Place,
            NameKind::Org,
            NameKind::Speaker,
        ];
        let mut facets = SearchFacets::default();
        // Without chips every update passes, and without values to list (`facet_limit: 0`,
        // as a page filtering by query alone asks) the two flags are all there is to count.
        if chips.none && limit == 0 {
            for &(slot, _) in found.iter() {
                let brief = &self.briefs[slot as usize];
                facets.has_quote += usize::from(brief.has_quote);
                facets.has_image += usize::from(brief.has_image);
            }
            return facets;
        }
        let mut counts: Vec<usize> = vec![0; self.names.len()];
        let mut kept = 0;
        for i in 0..found.len() {
            let slot = found[i].0;
            let brief = &self.briefs[slot as usize];
            let names = self.names_of(slot);
            let missing = chips.missing(self, slot, names);
            let all = missing == 0;
            if all {
                found[kept] = found[i];
                kept += 1;
            }
            facets.has_quote += usize::from(all && brief.has_quote);
            facets.has_image += usize::from(all && brief.has_image);
            // With no values to list (`facet_limit: 0`, as a page filtering by query alone
            // asks), the values are not counted.
            // Two loops, so that without chips (every update passes) counting is a plain
            // increment; with chips, a value counts when the update fails no chip but
            // those of the value's own kind.
            if limit > 0 && all {
                for &n in names {
                    counts[n as usize] += 1;
                }
            } else if limit > 0 {
                for &n in names {
                    counts[n as usize] += usize::from(chips.counts_for(missing, n));
                }
            }
        }
        found.truncate(kept);
        let [people, places, orgs, speakers] = kinds.map(|kind| {
            let mut list: Vec<FacetCount> = counts
                .iter()
                .enumerate()
                .filter(|&(n, &count)| count > 0 && self.names[n].kind == kind)
                .map(|(n, &count)| FacetCount {
                    name: self.names[n].text.clone(),
                    count,
                })
                .collect();
            crate::sorting::sort_by(&mut list, |a, b| {
                b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name))
            });
            list.truncate(limit);
            list
        });
        facets.people = people;
        facets.places = places;
        facets.orgs = orgs;
        facets.speakers = speakers;
        facets
    }

    /// The spellings of the matched words in the texts of `page`, sorted.
    fn spellings(&self, page: &[(u32, f32)], marks: &Marks) -> Vec<String> {
        // As (u64, u32) pairs, the element type of `sorting`'s own sort, so this shares its
        // code instead of being one more copy of the standard sort.
        let mut pieces: Vec<(u64, u32)> = Vec::new();
        for &(slot, _) in page {
            for code in self.codes(self.briefs[slot as usize].seq) {
                if self.word_term(code).is_some_and(|t| marks.has(t)) {
                    // Without the bit for a following space: one entry a spelling.
                    pieces.push((u64::from(code & !1), 0));
                }
            }
        }
        pieces.sort_unstable();
        pieces.dedup();
        let mut out: Vec<&str> = (pieces.iter())
            .map(|&(c, _)| self.pieces.text(c as u32).0)
            .collect();
        crate::sorting::sort_by(&mut out, |a, b| a.cmp(b));
        out.into_iter().map(String::from).collect()
    }

    /// A text of a slot as HTML, escaped, the words the query matched in `<mark>`: at most
    /// `most` words of it, from a little before its first matched word, with "…" where it
    /// is cut. Written from its codes into `out` (reused), then copied at its size. The
    /// pieces are copied as they are and each run between marks is escaped once it ends,
    /// in place, only when a byte of it needs to be (few texts have one).
    fn marked_html(
        &self,
        seq: (u32, u32),
        text: Span,
        most: usize,
        marks: &Marks,
        out: &mut String,
    ) -> String {
        const LEAD: usize = 8;
        let (start, end) = if text.words > most {
            let start = (text.first.unwrap_or(0).saturating_sub(LEAD)).min(text.words - most);
            (start, start + most)
        } else {
            (0, text.words)
        };
        let cut = end < text.words;
        // The runs between words before `start` and after `end` are left out.
        let gap_in = |seen: usize| (start == 0 || seen > start) && (!cut || seen < end);
        out.clear();
        if start > 0 {
            out.push_str("… ");
        }
        // Where the run not yet escaped starts.
        let mut run = out.len();
        let mut seen = 0;
        for code in self.codes((seq.0 + text.at as u32, seq.1)) {
            if code == 0 || (cut && seen == end) {
                break;
            }
            let (piece, space) = self.pieces.text(code);
            let Some(term) = self.word_term(code) else {
                if gap_in(seen) {
                    out.push_str(piece);
                }
                continue;
            };
            if seen >= start {
                if marks.has(term) {
                    escape_from(out, run);
                    out.push_str("<mark>");
                    run = out.len();
                    out.push_str(piece);
                    escape_from(out, run);
                    out.push_str("</mark>");
                    run = out.len();
                } else {
                    out.push_str(piece);
                }
            }
            seen += 1;
            if space && gap_in(seen) {
                out.push(' ');
            }
        }
        escape_from(out, run);
        if cut {
            out.push_str(" …");
        }
        String::from(out.as_str())
    }

    /// A hit of the page; `out` is a buffer the hits share for their HTML.
    fn hit(
        &self,
        doc: &Doc,
        slot: u32,
        score: f32,
        marks: &Marks,
        excerpts: bool,
        out: &mut String,
    ) -> Hit {
        let mut fields = [false; FIELDS];
        for &t in &marks.terms {
            if let Some(p) = self.terms[t as usize].postings.find(slot) {
                for (f, hit) in fields.iter_mut().enumerate() {
                    *hit |= p.tf(f) > 0;
                }
            }
        }
        let mut hit = Hit {
            blog: String::from(&*self.blogs[doc.blog as usize]),
            update_id: String::from(&*doc.id),
            score,
            fields: (0..FIELDS)
                .filter(|&f| fields[f])
                .map(|f| FIELD_NAMES[f])
                .collect(),
            headline: String::new(),
            excerpt: String::new(),
            timestamp: doc.timestamp.as_deref().map(String::from),
        };
        if !excerpts {
            return hit;
        }
        // One pass over the codes: where each text starts, its words, and how many and
        // which first the query matched; the headline, then of the paragraphs and captions
        // the one with the most is the excerpt's (the first of equals).
        let seq = self.briefs[slot as usize].seq;
        let given = 1 + (doc.paragraphs + doc.captions) as usize;
        let mut codes = self.codes(seq);
        let (mut text, mut texts) = (Span::default(), 0);
        let (mut headline, mut best) = (Span::default(), None::<Span>);
        while let Some(code) = codes.next() {
            if code == 0 {
                if texts == 0 {
                    headline = text;
                } else if best.is_none_or(|b| text.marked > b.marked) {
                    best = Some(text);
                }
                texts += 1;
                if texts == given {
                    break;
                }
                text = Span {
                    at: codes.at(),
                    ..Span::default()
                };
            } else if let Some(term) = self.word_term(code) {
                if marks.has(term) {
                    text.first.get_or_insert(text.words);
                    text.marked += 1;
                }
                text.words += 1;
            }
        }
        hit.headline = self.marked_html(seq, headline, usize::MAX, marks, out);
        if let Some(best) = best {
            hit.excerpt = self.marked_html(seq, best, EXCERPT_WORDS, marks, out);
        }
        hit
    }
}

/// How many candidates of a phrase have their texts read together (see [`Index::phrase`]).
const TOUCHED: usize = 32;

/// What BM25 needs of the whole index, worked out once per search.
#[derive(Clone, Copy)]
struct Bm25 {
    n: f32,
    /// Per field, what one word of length adds to the denominator: k1·b / average length.
    per_word: [f32; FIELDS],
}

impl Bm25 {
    fn of(index: &Index) -> Self {
        let n = index.live as f32;
        let per_word = index.field_totals.map(|total| {
            let avg = total as f32 / n;
            if avg > 0.0 {
                K1 * B / avg
            } else {
                0.0
            }
        });
        Bm25 { n, per_word }
    }

    /// A term's inverse document frequency, from the updates holding it.
    fn idf(self, df: usize) -> f32 {
        let df = df as f32;
        (1.0 + (self.n - df + 0.5) / (df + 0.5)).ln()
    }

    /// One update's score for a term: `factor` (the term's weight times its idf) times
    /// the sum over fields.
    #[inline]
    fn score(self, index: &Index, p: Posting, factor: f32) -> f32 {
        let lens = &index.briefs[p.doc as usize].lens;
        factor * bm25_fields(p, lens, &self.per_word)
    }
}

/// BM25's sum over fields for one update, before the term's idf: each field's count
/// saturates (k1) and is normalised by the field's length against its average (b), the
/// denominator being tf + k1·(1 − b) + `per_word` · length. A field holding the term is
/// never empty, so a field with no words anywhere (`per_word` 0) is never reached.
#[inline]
fn bm25_fields(p: Posting, lens: &[u32; FIELDS], per_word: &[f32; FIELDS]) -> f32 {
    let field = |f: usize, tf: u32| {
        let tf = tf as f32;
        let length = per_word[f] * lens[f] as f32;
        FIELD_WEIGHTS[f] * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B) + length)
    };
    // Most postings are of the body alone, and then its count is the whole score: the
    // loop below costs twice as much.
    if p.tf & ((1 << FIELD_SHIFT[BODY]) - 1) == 0 && p.none_from(BODY + 1) {
        return field(BODY, p.tf >> FIELD_SHIFT[BODY]);
    }
    let mut s = 0.0;
    for f in 0..FIELDS {
        // Stop at the last field that holds the term.
        if p.none_from(f) {
            break;
        }
        let tf = p.tf(f);
        if tf > 0 {
            s += field(f, tf);
        }
    }
    s
}

/// The terms a query reached, worked out once for all its hits: sorted, and as a set of
/// bits by term id.
struct Marks {
    terms: Vec<u32>,
    /// Bit `t` for each term `t` among them.
    bits: Vec<u64>,
}

impl Marks {
    fn new(terms: Vec<u32>) -> Self {
        // Sorted as `sorting`'s element type, to share its sort's code.
        let mut keyed: Vec<(u64, u32)> = terms.into_iter().map(|t| (u64::from(t), 0)).collect();
        keyed.sort_unstable();
        keyed.dedup();
        let terms: Vec<u32> = keyed.into_iter().map(|(t, _)| t as u32).collect();
        let mut bits = vec![0u64; terms.last().map_or(0, |&t| t as usize / 64 + 1)];
        for &t in &terms {
            bits[t as usize / 64] |= 1 << (t % 64);
        }
        Marks { terms, bits }
    }

    #[inline]
    fn has(&self, term: u32) -> bool {
        (self.bits.get(term as usize / 64)).is_some_and(|&w| w >> (term % 64) & 1 != 0)
    }
}

/// The chips of a search, resolved to name ids.
struct Chips {
    /// For each name id: the bit of its kind ([`kind_bit`]) shifted up four, and the bit
    /// again unshifted when a chip chose it. Empty with no chip.
    tags: Vec<u8>,
    /// The bits of the kinds that have chips.
    wanted: u8,
    has_quote: bool,
    has_image: bool,
    /// The blog chosen: `Some(None)` for one the index does not hold.
    blog: Option<Option<u32>>,
    /// No chip at all: everything passes.
    none: bool,
}

/// A kind's bit in [`Chips::missing`]; the bit above the four is for the chips that are
/// not names (quote, image, blog).
fn kind_bit(kind: NameKind) -> u8 {
    1 << kind as u8
}
const OTHER_CHIPS: u8 = 1 << 4;

impl Chips {
    fn new(index: &Index, filters: &Filters) -> Self {
        let by_kind = [
            &filters.people,
            &filters.places,
            &filters.orgs,
            &filters.speakers,
        ];
        let none = by_kind.iter().all(|names| names.is_empty())
            && !filters.has_quote
            && !filters.has_image
            && filters.blog.is_none();
        let mut tags = Vec::new();
        let mut wanted = 0;
        if !none {
            tags = (index.names.iter())
                .map(|n| {
                    // Aliases are never among a slot's facet names.
                    let Some(chosen) = by_kind.get(n.kind as usize) else {
                        return 0;
                    };
                    let bit = kind_bit(n.kind);
                    let chip = chosen.iter().any(|x| x == &n.text);
                    bit << 4 | if chip { bit } else { 0 }
                })
                .collect();
            for (kind, names) in by_kind.iter().enumerate() {
                if !names.is_empty() {
                    wanted |= 1 << kind;
                }
            }
        }
        let blog = (filters.blog.as_deref()).map(|b| index.blog_ids.get(b).copied());
        Chips {
            tags,
            wanted,
            has_quote: filters.has_quote,
            has_image: filters.has_image,
            blog,
            none,
        }
    }

    /// The chips a slot with these names fails: kind bits, and [`OTHER_CHIPS`]. It passes
    /// them all at 0, and those of every kind but `k` when only `kind_bit(k)` may be set.
    #[inline]
    fn missing(&self, index: &Index, slot: u32, names: &[u32]) -> u8 {
        if self.none {
            return 0;
        }
        let mut have = 0;
        for &n in names {
            have |= self.tags[n as usize];
        }
        let brief = &index.briefs[slot as usize];
        let other = (self.has_quote && !brief.has_quote)
            || (self.has_image && !brief.has_image)
            || self
                .blog
                .is_some_and(|b| index.doc(slot).is_none_or(|d| Some(d.blog) != b));
        (self.wanted & !have) | if other { OTHER_CHIPS } else { 0 }
    }

    /// Whether a slot that fails `missing` still counts for the facet value `n`: it fails
    /// no chip but those of the value's own kind.
    #[inline]
    fn counts_for(&self, missing: u8, n: u32) -> bool {
        missing & !(self.tags[n as usize] >> 4) == 0
    }
}

/// Whether a query word names a word of a name: the same, or within the edits its length
/// allows ("zelensky" for "Zelenskyy").
fn names_word(name: &[String], word: &str) -> bool {
    let edits = typos_allowed(word.chars().count());
    name.iter()
        .any(|n| n == word || (edits > 0 && within_edits(word, n, edits)))
}

/// Calls `each` with the place in `found` and the posting of every update of `found` that
/// the list holds, in order: both walked together, the list skipping its blocks wholly
/// before the next update left.
fn each_within(postings: &Postings, found: &Set, mut each: impl FnMut(usize, Posting)) {
    let mut list = postings.iter();
    let mut next = list.next();
    for (i, &(slot, _)) in found.iter().enumerate() {
        if next.is_some_and(|p| p.doc < slot) {
            list.seek(slot);
            next = list.next();
            while next.is_some_and(|p| p.doc < slot) {
                next = list.next();
            }
        }
        let Some(p) = next else { break };
        if p.doc == slot {
            each(i, p);
            next = list.next();
        }
    }
}

/// Scores of the same update added up; sorted by slot.
fn merge(mut set: Set) -> Set {
    // One term's or phrase's updates, as they usually come: already so.
    if set.windows(2).all(|w| w[0].0 < w[1].0) {
        return set;
    }
    // Stable: an update's scores add up in the same order however the index was built.
    if !set.is_sorted_by_key(|&(s, _)| s) {
        crate::sorting::sort_by_rank(&mut set, |&(s, _)| u64::from(s));
    }
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

/// `text` into `out`, each byte that `needs` picks (only ASCII, so a run never splits a
/// character) written by `write`, and the runs between copied whole. `clean` says of eight
/// bytes read as one little-endian word that none of them is picked (false when unsure):
/// most of a text is skipped eight bytes at a time.
fn push_escaped(
    text: &str,
    out: &mut String,
    clean: impl Fn(u64) -> bool,
    needs: impl Fn(u8) -> bool,
    write: impl Fn(u8, &mut String),
) {
    let bytes = text.as_bytes();
    let (mut from, mut i) = (0, 0);
    while i < bytes.len() {
        if eight(bytes, i).is_some_and(&clean) {
            i += 8;
            continue;
        }
        for &b in &bytes[i..bytes.len().min(i + 8)] {
            if needs(b) {
                out.push_str(&text[from..i]);
                write(b, out);
                from = i + 1;
            }
            i += 1;
        }
    }
    out.push_str(&text[from..]);
}

/// Whether a byte must be escaped in HTML: `&`, `<`, `>`, `"` or `'`, all below 64, so
/// one bit each of a word.
fn html_special(b: u8) -> bool {
    const SPECIAL: u64 = 1 << b'&' | 1 << b'<' | 1 << b'>' | 1 << b'"' | 1 << b'\'';
    b < 64 && SPECIAL >> b & 1 != 0
}

/// `out` from byte `from` on (text written as it is) made HTML: escaped in place when a
/// byte of it needs to be.
fn escape_from(out: &mut String, from: usize) {
    if out.get(from..).is_some_and(|run| {
        let bytes = run.as_bytes();
        let mut at = 0;
        while let Some(word) = eight(bytes, at) {
            if !html_clean(word) {
                return true;
            }
            at += 8;
        }
        bytes[at..].iter().any(|&b| html_special(b))
    }) {
        let raw = out.split_off(from);
        escape_html(&raw, out);
    }
}

/// Whether none of eight bytes (read as one word) must be escaped in HTML: `&` and `'`
/// (38, 39) differ in one bit, as do `<` and `>` (60, 62), so three tests find the five.
fn html_clean(word: u64) -> bool {
    !any_is(word | lanes(1), b'\'') && !any_is(word | lanes(2), b'>') && !any_is(word, b'"')
}

/// Text as HTML, with nothing left to interpret.
fn escape_html(text: &str, out: &mut String) {
    push_escaped(text, out, html_clean, html_special, |b, out| {
        out.push_str(match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
    });
}

/// Words in an excerpt at most: about 30.
const EXCERPT_WORDS: usize = 30;

/// A text of a hit, as [`Index::hit`]'s pass over its codes finds it.
#[derive(Clone, Copy, Default)]
struct Span {
    /// Where its codes start, from the slot's first.
    at: usize,
    /// Its words.
    words: usize,
    /// Its words the query matched.
    marked: usize,
    /// The first of those, by its place among the words.
    first: Option<usize>,
}

/// Search results as JavaScript reads them: every string one after another in `text`, and
/// in `numbers`, in reading order, the numbers and each string's length in UTF-16 units.
/// The package's `guard.js` cuts the strings by those lengths into the objects of the
/// TypeScript `SearchResults`, with nothing to parse: as JSON, JSON.parse was 10 us of a
/// page search's 75 in Node.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Columns {
    /// The strings, one after another.
    pub text: String,
    /// The numbers and the strings' lengths, in reading order.
    pub numbers: Vec<f64>,
}

impl Columns {
    fn number(&mut self, n: f64) {
        self.numbers.push(n);
    }

    fn string(&mut self, s: &str) {
        self.text.push_str(s);
        self.number(utf16_units(s) as f64);
    }

    /// A count, then each string.
    fn strings<'a>(&mut self, items: impl ExactSizeIterator<Item = &'a str>) {
        self.number(items.len() as f64);
        for s in items {
            self.string(s);
        }
    }
}

impl SearchResults {
    /// The results as [`Columns`], read in this order: the total and the hits' count; for
    /// each hit its blog, update id, score (to six decimals), fields (a count, then each),
    /// headline, excerpt, and 1 then its timestamp or 0; for each facet kind (people,
    /// places, orgs, speakers) a count, then each value's name and count; the results with
    /// a quote and with a photo; the warnings and the words (a count, then each).
    pub fn to_columns(&self) -> Columns {
        let mut c = Columns {
            text: String::with_capacity(self.hits.len() * 384),
            numbers: Vec::with_capacity(16 + self.hits.len() * 12),
        };
        c.number(self.total as f64);
        c.number(self.hits.len() as f64);
        for h in &self.hits {
            c.string(&h.blog);
            c.string(&h.update_id);
            c.number(six_decimals(h.score));
            c.strings(h.fields.iter().copied());
            c.string(&h.headline);
            c.string(&h.excerpt);
            match &h.timestamp {
                Some(t) => {
                    c.number(1.0);
                    c.string(t);
                }
                None => c.number(0.0),
            }
        }
        let f = &self.facets;
        for list in [&f.people, &f.places, &f.orgs, &f.speakers] {
            c.number(list.len() as f64);
            for v in list {
                c.string(&v.name);
                c.number(v.count as f64);
            }
        }
        c.number(f.has_quote as f64);
        c.number(f.has_image as f64);
        c.strings(self.warnings.iter().map(String::as_str));
        c.strings(self.words.iter().map(String::as_str));
        c
    }
}

/// The UTF-16 units of a text. A character is one, two from four bytes: bytes that begin
/// one, and once more those that begin four; eight bytes at a time while they are ASCII
/// (most of a text), each one character.
fn utf16_units(s: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = s.as_bytes();
    let (mut units, mut i) = (0, 0);
    while i < bytes.len() {
        if eight(bytes, i).is_some_and(|w| w & HIGH == 0) {
            units += 8;
            i += 8;
            continue;
        }
        let b = bytes[i];
        units += usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0);
        i += 1;
    }
    units
}

/// A score to six decimals, the number JavaScript reads from them written out (a division
/// is rounded as a decimal is read); 0 for NaN or infinity (there are none).
fn six_decimals(score: f32) -> f64 {
    if score.is_finite() {
        (f64::from(score) * 1e6).round() / 1e6 + 0.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::{escape_html, six_decimals, utf16_units};

    #[test]
    fn escapes_find_every_byte_eight_at_a_time_or_not() {
        // Each special character at every place of texts shorter and longer than eight
        // bytes, beside characters of two bytes, another special one and bytes just above
        // and below.
        for special in [
            '&', '<', '>', '"', '\'', '\\', '\n', '\u{1}', '\u{1f}', ' ', '=', 'é', '…',
        ] {
            for len in 0..20 {
                for at in 0..=len {
                    let text: String = (0..len)
                        .map(|i| {
                            if i == at {
                                special
                            } else {
                                ['a', 'ß', '?', '<', 'z'][i % 5]
                            }
                        })
                        .collect();
                    let mut html = String::new();
                    escape_html(&text, &mut html);
                    let want_html: String = (text.chars())
                        .map(|c| match c {
                            '&' => "&amp;".into(),
                            '<' => "&lt;".into(),
                            '>' => "&gt;".into(),
                            '"' => "&quot;".into(),
                            '\'' => "&#39;".into(),
                            c => c.to_string(),
                        })
                        .collect();
                    assert_eq!(html, want_html, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn utf16_units_are_counted_as_javascript_counts_them() {
        // Every kind of character at every place of texts shorter and longer than eight
        // bytes, among ASCII.
        for c in ['a', 'é', '…', '😀', '“'] {
            for len in 0..20 {
                for at in 0..=len {
                    let text: String = (0..len).map(|i| if i == at { c } else { 'x' }).collect();
                    assert_eq!(utf16_units(&text), text.encode_utf16().count(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn scores_are_read_as_their_six_decimals() {
        for (score, decimals) in [
            (0.0, "0"),
            (1.0, "1"),
            (2.5, "2.5"),
            (0.000_001, "0.000001"),
            (-3.25, "-3.25"),
            (12.345_678, "12.345678"),
            (5.284_089, "5.284089"),
            (1e-9, "0"),
            (-1e-9, "0"),
            (f32::NAN, "0"),
            (f32::INFINITY, "0"),
        ] {
            let want: f64 = decimals.parse().expect("a number");
            let got = six_decimals(score);
            assert!(
                got.to_bits() == want.to_bits(),
                "{score}: {got} against {want}"
            );
        }
    }
}
