//! The search index: one document per update, several blogs in one index, kept up to date
//! as a live blog grows (append, replace, remove) without a rebuild.
//!
//! Each term (a Snowball stem, see [`tokenize`]) has a posting list of the updates that hold
//! it, with how often it occurs in each field (headline, body, captions, names: people,
//! places, organisations and their aliases, and speakers), three bytes a posting
//! ([`postings`]). Scores are BM25 over those fields, weighted headline above names and
//! speakers above body above captions. The texts are kept once, as codes into a dictionary
//! of their pieces ([`pieces`]); the same codes give each word's term, so phrases are
//! checked and excerpts marked without tokenizing again, and no positions are stored. The
//! index keeps only integer statistics (documents, lengths, document frequencies), so after
//! any sequence of changes it scores exactly as an index built from scratch.

pub(crate) mod pieces;
pub(crate) mod postings;
pub(crate) mod query;
pub(crate) mod search;
pub(crate) mod store;
pub(crate) mod tokenize;

use crate::fxhash::FxMap;
use crate::model::{EntityKind, LiveBlog};
use std::cell::OnceCell;

pub use search::{
    Columns, FacetCount, Filters, Hit, SearchFacets, SearchOptions, SearchResults, Sort,
};

/// What the index holds of one update: its texts, the names it mentions, and when.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexDoc {
    /// The blog the update belongs to (any key the caller chooses, such as its address).
    pub blog: String,
    /// The update's id within its blog.
    pub id: String,
    /// Its place in publication order within the blog: higher is later.
    pub order: u32,
    /// The headline, empty when there is none.
    pub headline: String,
    /// Body paragraphs.
    pub paragraphs: Vec<String>,
    /// Photo descriptions, captions and credits.
    pub captions: Vec<String>,
    /// People named in the update (canonical names).
    pub people: Vec<String>,
    /// Places named in the update.
    pub places: Vec<String>,
    /// Organisations named in the update.
    pub orgs: Vec<String>,
    /// Who is quoted in the update.
    pub speakers: Vec<String>,
    /// Other names of the entities above ("Biden", "EU"), searchable but not facets.
    pub aliases: Vec<String>,
    /// When it was published, ISO 8601 as the parser resolved it.
    pub timestamp: Option<String>,
    /// Whether it holds a quote.
    pub has_quote: bool,
    /// Whether it holds a photo.
    pub has_image: bool,
}

impl IndexDoc {
    /// The documents of a blog's updates, under the blog key `blog`.
    pub fn from_blog(blog: &LiveBlog, key: &str) -> Vec<IndexDoc> {
        Self::of_updates(blog, key, None)
    }

    /// The documents of the updates of a blog whose ids are in `ids` (sorted), or of all
    /// of them: the quotes and entities are walked once, and every update, mention and
    /// quote of another costs a look at its id (mostly at its length and last bytes).
    fn of_updates(blog: &LiveBlog, key: &str, ids: Option<&[&str]>) -> Vec<IndexDoc> {
        // A bit for an id's length and last two bytes: most ids differ from each of a few
        // wanted ones there ("u1234" from "u4002"), and are passed over before any
        // comparison of strings.
        let bit = |id: &str| {
            let end = |back: usize| {
                let at = id.len().checked_sub(back);
                usize::from(
                    at.and_then(|at| id.as_bytes().get(at))
                        .copied()
                        .unwrap_or(0),
                )
            };
            1u64 << ((id.len() * 7 + end(1) * 5 + end(2) * 3) % 64)
        };
        let bits = ids.map_or(u64::MAX, |ids| ids.iter().fold(0, |b, id| b | bit(id)));
        let wanted =
            |id: &str| bit(id) & bits != 0 && ids.is_none_or(|ids| ids.binary_search(&id).is_ok());
        let updates = || (blog.updates.iter().enumerate()).filter(|(_, u)| wanted(&u.id));
        let mut docs: Vec<IndexDoc> = updates()
            .map(|(i, u)| IndexDoc {
                blog: key.to_string(),
                id: u.id.clone(),
                order: order_in_id(&u.id).unwrap_or((blog.updates.len() - i) as u32),
                headline: u.headline.clone().unwrap_or_default(),
                paragraphs: u.paragraphs.clone(),
                captions: u
                    .images
                    .iter()
                    .flat_map(|im| [&im.alt, &im.caption, &im.credit])
                    .flatten()
                    .cloned()
                    .collect(),
                timestamp: u.timestamp.clone(),
                has_image: !u.images.is_empty(),
                ..IndexDoc::default()
            })
            .collect();
        // usize, the type the readers' maps use too: each map type is its own copy of the
        // hash table's code.
        let positions: FxMap<&str, usize> = (updates().zip(0usize..))
            .map(|((_, u), i)| (u.id.as_str(), i))
            .collect();
        let at = |id: &str| wanted(id).then(|| positions.get(id).copied()).flatten();
        for entity in &blog.entities {
            for mention in &entity.mentions {
                let Some(i) = mention.update_id.as_deref().and_then(&at) else {
                    continue;
                };
                let doc = &mut docs[i];
                let names = match entity.kind {
                    EntityKind::Person => &mut doc.people,
                    EntityKind::Place => &mut doc.places,
                    EntityKind::Org => &mut doc.orgs,
                };
                names.push(entity.name.clone());
                doc.aliases.extend(entity.aliases.iter().cloned());
            }
        }
        for quote in &blog.quotes {
            let Some(i) = quote.update_id.as_deref().and_then(&at) else {
                continue;
            };
            docs[i].has_quote = true;
            if let Some(speaker) = &quote.speaker {
                docs[i].speakers.push(speaker.name.clone());
            }
        }
        for doc in &mut docs {
            doc.keep_first_names();
        }
        docs
    }

    /// Keeps the first of each name in each list of names, in order.
    fn keep_first_names(&mut self) {
        for list in [
            &mut self.people,
            &mut self.places,
            &mut self.orgs,
            &mut self.speakers,
            &mut self.aliases,
        ] {
            keep_first(list);
        }
    }
}

/// The order an update's id gives it ("u7" → 7), when it gives one; an update whose id
/// gives none is ordered by its place in the blog, which an added update changes.
pub(crate) fn order_in_id(id: &str) -> Option<u32> {
    id.strip_prefix('u')?.parse().ok()
}

/// Keeps the first of each name in `list`, in order: by a set, as a search of the names
/// before each one was quadratic in a post that names thousands.
fn keep_first(list: &mut Vec<String>) {
    // A map of the type `from_blog`'s positions use, as a set: one more map type would be
    // one more copy of the hash table's code.
    let mut seen: FxMap<&str, usize> = FxMap::default();
    let keep: Vec<bool> = list.iter().map(|n| seen.insert(n, 0).is_none()).collect();
    let mut keep = keep.into_iter();
    list.retain(|_| keep.next() == Some(true));
}

/// `text` keyed under a number (a blog id, a name kind) as one string: the number's decimal
/// digits, lowest first, a space, the text. The digits hold no space, so two keys are equal
/// only when both parts are, and the index's maps of pairs share the one map type of its
/// other keys (each map type is one more copy of the hash table's code in the wasm).
fn tagged(tag: u32, text: &str) -> Box<str> {
    let digits = tag.checked_ilog10().map_or(1, |d| d as usize + 1);
    let mut key = String::with_capacity(digits + 1 + text.len());
    let mut rest = tag;
    loop {
        key.push(char::from(b'0' + (rest % 10) as u8));
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    key.push(' ');
    key.push_str(text);
    key.into_boxed_str()
}

/// The fields of a document, in the order of [`FIELD_WEIGHTS`].
pub(crate) const FIELDS: usize = 5;
pub(crate) const HEADLINE: usize = 0;
pub(crate) const BODY: usize = 1;
pub(crate) const CAPTION: usize = 2;
pub(crate) const NAMES: usize = 3;
pub(crate) const SPEAKERS: usize = 4;
pub(crate) const FIELD_NAMES: [&str; FIELDS] = ["headline", "body", "caption", "names", "speaker"];
pub(crate) const FIELD_WEIGHTS: [f32; FIELDS] = [3.0, 1.0, 0.5, 1.5, 1.5];
/// Bits of a posting's packed frequencies per field, and where each field starts. A count
/// past its field's width saturates, which BM25 barely notices.
pub(crate) const FIELD_BITS: [u32; FIELDS] = [5, 11, 6, 5, 5];
pub(crate) const FIELD_SHIFT: [u32; FIELDS] = [0, 5, 16, 22, 27];

/// One update holding a term, with the term's count in each field, as a list gives it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Posting {
    pub(crate) doc: u32,
    pub(crate) tf: u32,
}

impl Posting {
    #[inline]
    pub(crate) fn tf(self, field: usize) -> u32 {
        (self.tf >> FIELD_SHIFT[field]) & ((1 << FIELD_BITS[field]) - 1)
    }

    /// Whether the term is in none of the fields from `field` on.
    #[inline]
    pub(crate) fn none_from(self, field: usize) -> bool {
        self.tf >> FIELD_SHIFT[field] == 0
    }
}

pub(crate) struct Term {
    pub(crate) text: Box<str>,
    pub(crate) chars: u32,
    pub(crate) mask: u32,
    pub(crate) postings: postings::Postings,
}

/// Facet kinds, the order of [`Doc::names`] tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum NameKind {
    Person,
    Place,
    Org,
    Speaker,
    /// Another name of an entity ("Biden"): searchable, never a facet, kept after a
    /// slot's facet names.
    Alias,
}

pub(crate) struct Name {
    pub(crate) kind: NameKind,
    pub(crate) text: String,
    /// Its folded words, for field queries ("speaker:biden").
    pub(crate) words: Vec<String>,
}

/// What the index keeps of one update besides its [`Brief`]: its texts are in
/// [`Index::texts`], its names in [`Index::doc_names`].
pub(crate) struct Doc {
    /// Its blog, in [`Index::blogs`].
    pub(crate) blog: u32,
    pub(crate) id: Box<str>,
    pub(crate) order: u32,
    pub(crate) timestamp: Option<Box<str>>,
    /// Minutes since 1970 on the clock of the page (offsets ignored), when known.
    pub(crate) minutes: Option<i64>,
    /// How many of its texts (after the headline) are paragraphs, then captions.
    paragraphs: u32,
    captions: u32,
    /// Its aliases: name ids in `doc_names` right after [`Brief::names`].
    aliases: u32,
}

/// What scoring, counting facets and chips read of one slot, kept in one dense array
/// apart from the boxed documents: a search over thousands of matches then reads a few
/// cache lines of it, not thousands of boxes. A removed update's is all zeros.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Brief {
    /// Words per field.
    pub(crate) lens: [u32; FIELDS],
    /// Its people, places, organisations and speakers: ids in [`Index::names`], at
    /// `names.0..names.1` of [`Index::doc_names`].
    pub(crate) names: (u32, u32),
    /// Its texts (headline, paragraphs, captions, names, speakers) at `seq.0..seq.1` of
    /// [`Index::texts`], as [`pieces`] codes: phrases are checked, words of excerpts marked
    /// and removals undone from them without tokenizing again.
    pub(crate) seq: (u32, u32),
    pub(crate) has_quote: bool,
    pub(crate) has_image: bool,
}

/// Ends each text in a slot's terms ([`Index::terms_of`]); no term has this id.
pub(crate) const TEXT_END: u32 = u32::MAX;

/// A search index over the updates of one or more live blogs.
#[derive(Default)]
pub struct Index {
    /// Documents by slot; a removed one leaves a gap, so slots only grow and posting lists
    /// stay sorted by appending.
    pub(crate) docs: Vec<Option<Doc>>,
    /// By slot, beside `docs`.
    pub(crate) briefs: Vec<Brief>,
    /// The name ids of every slot, one run after another.
    pub(crate) doc_names: Vec<u32>,
    /// The texts of every slot, likewise, as codes of `pieces`.
    pub(crate) texts: Vec<u8>,
    pub(crate) pieces: pieces::Pieces,
    /// Entries of `doc_names` and bytes of `texts` whose update is gone: when they are
    /// half of all, both are written afresh without them.
    stale: usize,
    /// Blog keys by id, and the ids.
    pub(crate) blogs: Vec<Box<str>>,
    pub(crate) blog_ids: FxMap<Box<str>, u32>,
    /// Slots by [`tagged`] blog id and update id.
    slots: FxMap<Box<str>, u32>,
    pub(crate) terms: Vec<Term>,
    term_ids: FxMap<Box<str>, u32>,
    pub(crate) names: Vec<Name>,
    /// Name ids by [`tagged`] kind and text.
    name_ids: FxMap<Box<str>, u32>,
    pub(crate) live: u32,
    pub(crate) field_totals: [u64; FIELDS],
    /// Term ids sorted by text, for prefixes; worked out on the first search after a change.
    sorted: OnceCell<Vec<u32>>,
    /// Term ids by length in characters and by whether they hold a digit, for typos;
    /// worked out likewise.
    by_length: OnceCell<Vec<Vec<u32>>>,
    /// Every way a word of the texts is written, folded, with its term, bucketed as
    /// `by_length`: a typo is measured against the word as written too ("zelenksy" is two
    /// edits from "zelenskyy", three from the stem of what was typed). Grows with
    /// [`pieces::Pieces`], which never forgets a spelling.
    /// Each entry: the spelling, its piece in [`pieces::Pieces`] and its
    /// [`tokenize::letter_mask`].
    pub(crate) surfaces: Vec<Vec<(Box<str>, u32, u32)>>,
    /// By piece id, how many times the updates held now write it: a spelling only a
    /// removed update wrote reaches nothing.
    pub(crate) uses: Vec<u32>,
    /// By term id, the packed counts of the update being added; all zeros between updates.
    counts: Vec<u32>,
    /// See [`Index::updates_read`].
    updates_read: u64,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("updates", &self.live)
            .field("terms", &self.terms.len())
            .finish()
    }
}

impl Index {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// An index of one blog's updates, under the blog key `key`.
    pub fn from_blog(blog: &LiveBlog, key: &str) -> Self {
        let mut index = Index::new();
        index.add_blog(blog, key);
        index
    }

    /// How many updates the index holds.
    pub fn len(&self) -> usize {
        self.live as usize
    }

    /// Whether the index holds no update.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Brings the index up to date with a blog as it is now: new updates are added, edited
    /// ones replaced, gone ones removed; unchanged ones are not touched.
    pub fn add_blog(&mut self, blog: &LiveBlog, key: &str) {
        self.compare_blog(blog, key);
        self.shrink_to_fit();
    }

    /// [`Index::add_blog`] without shrinking the lists to fit after: for an edit, whose
    /// few new postings then grow the lists by doubling rather than copy the longest
    /// again each time.
    pub(crate) fn compare_blog(&mut self, blog: &LiveBlog, key: &str) {
        let docs = IndexDoc::from_blog(blog, key);
        // Sorted for halving rather than a set: another hash table type would be another
        // copy of its code in the download.
        let mut ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        crate::sorting::sort_by(&mut ids, |a, b| a.cmp(b));
        let gone: Vec<String> = self
            .docs_of(key)
            .filter(|d| ids.binary_search(&&*d.id).is_err())
            .map(|d| d.id.to_string())
            .collect();
        self.updates_read += (docs.len() + gone.len()) as u64;
        for id in gone {
            self.remove(key, &id);
        }
        for doc in docs {
            self.upsert(doc);
        }
    }

    /// Brings the updates `ids` of the blog under `key` up to date with `blog` as it is now:
    /// each is added, replaced when edited, or removed when the blog no longer has it. The
    /// index's other updates are not looked at, and nothing is shrunk: the cost is those
    /// updates' (and a walk of the blog's quotes and names that compares ids).
    pub(crate) fn update_docs(&mut self, blog: &LiveBlog, key: &str, ids: &[String]) {
        let mut ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        crate::sorting::sort_by(&mut ids, |a, b| a.cmp(b));
        ids.dedup();
        let docs = IndexDoc::of_updates(blog, key, Some(&ids));
        let mut held: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        crate::sorting::sort_by(&mut held, |a, b| a.cmp(b));
        let gone: Vec<&str> = (ids.into_iter())
            .filter(|id| held.binary_search(id).is_err())
            .collect();
        self.updates_read += (docs.len() + gone.len()) as u64;
        for id in gone {
            self.remove(key, id);
        }
        for doc in docs {
            self.upsert(doc);
        }
    }

    /// The updates of `blog` (under `key`) whose names differ from what the index holds of
    /// them: their people, places, organisations, other names and speakers (each kind as a
    /// set: their order changes no search), or whether they hold a quote; and those it does
    /// not hold. Their texts are not compared: an edit names the posts it wrote. A walk of
    /// the blog's names and quotes that copies none of them, for an edit whose reading
    /// cannot say which posts' names it changed.
    pub(crate) fn names_changed(&self, blog: &LiveBlog, key: &str) -> Vec<String> {
        let positions: FxMap<&str, usize> = (blog.updates.iter().zip(0usize..))
            .map(|(u, i)| (u.id.as_str(), i))
            .collect();
        let at = |id: Option<&str>| id.and_then(|id| positions.get(id).copied());
        let mut names: Vec<Vec<(NameKind, &str)>> =
            (blog.updates.iter()).map(|_| Vec::new()).collect();
        let mut quoted = vec![false; blog.updates.len()];
        for entity in &blog.entities {
            let kind = match entity.kind {
                EntityKind::Person => NameKind::Person,
                EntityKind::Place => NameKind::Place,
                EntityKind::Org => NameKind::Org,
            };
            for mention in &entity.mentions {
                if let Some(i) = at(mention.update_id.as_deref()) {
                    names[i].push((kind, &entity.name));
                    let aliases = entity.aliases.iter();
                    names[i].extend(aliases.map(|a| (NameKind::Alias, a.as_str())));
                }
            }
        }
        for quote in &blog.quotes {
            if let Some(i) = at(quote.update_id.as_deref()) {
                quoted[i] = true;
                if let Some(speaker) = &quote.speaker {
                    names[i].push((NameKind::Speaker, &speaker.name));
                }
            }
        }
        // Each in the other: the same sets. A post naming more than a few dozen is rebuilt
        // rather than compared name by name.
        let within = |a: &[(NameKind, &str)], b: &[(NameKind, &str)]| {
            a.len() <= 64 && a.iter().all(|n| b.contains(n))
        };
        let blog_id = self.blog_ids.get(key).copied();
        let mut changed = Vec::new();
        for ((update, given), quoted) in blog.updates.iter().zip(names).zip(quoted) {
            let slot = blog_id.and_then(|b| self.slots.get(&tagged(b, &update.id)).copied());
            let same = slot.is_some_and(|slot| {
                let (from, to) = self.names_run(slot as usize);
                let held: Vec<(NameKind, &str)> = (self.doc_names[from as usize..to as usize])
                    .iter()
                    .map(|&n| {
                        (
                            self.names[n as usize].kind,
                            self.names[n as usize].text.as_str(),
                        )
                    })
                    .collect();
                self.briefs[slot as usize].has_quote == quoted
                    && within(&held, &given)
                    && within(&given, &held)
            });
            if !same {
                changed.push(update.id.clone());
            }
        }
        changed
    }

    /// How many updates of blogs the index has read since it was made (each a document
    /// built, then added, replaced or found as it held it; or found gone and removed):
    /// every update of a blog added whole, then only those an edit changed.
    pub(crate) fn updates_read(&self) -> u64 {
        self.updates_read
    }

    /// Posting lists and the per-update arrays grow by doubling; a blog added whole, or an
    /// index read back, leaves them as they are.
    pub(crate) fn shrink_to_fit(&mut self) {
        for term in &mut self.terms {
            term.postings.shrink_to_fit();
        }
        self.texts.shrink_to_fit();
        self.doc_names.shrink_to_fit();
        self.briefs.shrink_to_fit();
        self.docs.shrink_to_fit();
    }

    /// Removes every update of a blog.
    pub fn remove_blog(&mut self, key: &str) {
        let ids: Vec<String> = self.docs_of(key).map(|d| d.id.to_string()).collect();
        for id in ids {
            self.remove(key, &id);
        }
    }

    fn docs_of(&self, key: &str) -> impl Iterator<Item = &Doc> {
        let blog = self.blog_ids.get(key).copied();
        self.docs
            .iter()
            .flatten()
            .filter(move |d| Some(d.blog) == blog)
    }

    /// Adds an update, or replaces the update of the same blog and id. A name listed twice
    /// in one of its lists counts once.
    pub fn upsert(&mut self, mut doc: IndexDoc) {
        doc.keep_first_names();
        let blog = match self.blog_ids.get(doc.blog.as_str()) {
            Some(&id) => id,
            None => {
                let id = self.blogs.len() as u32;
                self.blogs.push(Box::from(doc.blog.as_str()));
                self.blog_ids.insert(Box::from(doc.blog.as_str()), id);
                id
            }
        };
        let key = tagged(blog, &doc.id);
        if let Some(&slot) = self.slots.get(&key) {
            if self.doc_at(slot).is_some_and(|d| d == doc) {
                return;
            }
            self.remove(&doc.blog, &doc.id);
        }
        let slot = self.docs.len() as u32;
        self.slots.insert(key, slot);
        // The update's packed counts by term, in an array by term id that is all zeros
        // between updates (a map here hashed every word once more and grew afresh for each
        // update), and the terms it holds, in the order first met.
        let mut counts = std::mem::take(&mut self.counts);
        let mut held: Vec<u32> = Vec::new();
        let mut lens = [0u32; FIELDS];
        let seq_start = self.texts.len();
        let mut count = |index: &mut Index, field: usize, text: &str| {
            let mut texts = std::mem::take(&mut index.texts);
            pieces::write(text, &mut texts, |piece, word| {
                let Some(word) = word else {
                    return index.pieces.code(piece, None);
                };
                let code = index.word_code(piece, word);
                let term = index.pieces.term(code);
                if term as usize >= counts.len() {
                    counts.resize(index.terms.len(), 0);
                }
                let packed = &mut counts[term as usize];
                if *packed == 0 {
                    held.push(term);
                }
                let tf = (*packed >> FIELD_SHIFT[field]) & ((1 << FIELD_BITS[field]) - 1);
                if tf + 1 < 1 << FIELD_BITS[field] {
                    *packed += 1 << FIELD_SHIFT[field];
                }
                lens[field] += 1;
                code
            });
            index.texts = texts;
        };
        count(self, HEADLINE, &doc.headline);
        for p in &doc.paragraphs {
            count(self, BODY, p);
        }
        for c in &doc.captions {
            count(self, CAPTION, c);
        }
        for n in doc.people.iter().chain(&doc.places).chain(&doc.orgs) {
            count(self, NAMES, n);
        }
        for n in &doc.aliases {
            count(self, NAMES, n);
        }
        for n in &doc.speakers {
            count(self, SPEAKERS, n);
        }
        // Each term's list is its own, so the order they are added to does not matter.
        for term in held {
            let tf = std::mem::take(&mut counts[term as usize]);
            let postings = &mut self.terms[term as usize].postings;
            let born = postings.is_empty();
            postings.push(Posting { doc: slot, tf });
            if born {
                self.term_born(term);
            }
        }
        self.counts = counts;
        let start = self.doc_names.len();
        for (kind, list) in [
            (NameKind::Person, &doc.people),
            (NameKind::Place, &doc.places),
            (NameKind::Org, &doc.orgs),
            (NameKind::Speaker, &doc.speakers),
            (NameKind::Alias, &doc.aliases),
        ] {
            for name in list {
                let id = self.name_id(kind, name);
                self.doc_names.push(id);
            }
        }
        for (total, len) in self.field_totals.iter_mut().zip(lens) {
            *total += u64::from(len);
        }
        self.live += 1;
        let minutes = doc.timestamp.as_deref().and_then(local_minutes);
        let aliases = doc.aliases.len() as u32;
        self.briefs.push(Brief {
            lens,
            names: (start as u32, self.doc_names.len() as u32 - aliases),
            seq: (seq_start as u32, self.texts.len() as u32),
            has_quote: doc.has_quote,
            has_image: doc.has_image,
        });
        self.docs.push(Some(Doc {
            blog,
            id: doc.id.into_boxed_str(),
            order: doc.order,
            timestamp: doc.timestamp.map(String::into_boxed_str),
            minutes,
            paragraphs: doc.paragraphs.len() as u32,
            captions: doc.captions.len() as u32,
            aliases,
        }));
    }

    /// Puts a term that holds an update again (or for the first time) into the term lists
    /// searches worked out, where working them out afresh would put it: an edit that adds a
    /// post with a word new to the blog costs a search no sort of every term.
    fn term_born(&mut self, t: u32) {
        let term = &self.terms[t as usize];
        if let Some(sorted) = self.sorted.get_mut() {
            let at = sorted.partition_point(|&s| self.terms[s as usize].text < term.text);
            sorted.insert(at, t);
        }
        if let Some(by) = self.by_length.get_mut() {
            let bucket = &mut by[length_bucket(term.chars as usize, term.mask)];
            let at = bucket.partition_point(|&s| s < t);
            bucket.insert(at, t);
        }
    }

    /// Removes an update; returns whether the index held it.
    pub fn remove(&mut self, blog: &str, id: &str) -> bool {
        let Some(&blog) = self.blog_ids.get(blog) else {
            return false;
        };
        let Some(slot) = self.slots.remove(&tagged(blog, id)) else {
            return false;
        };
        let Some(doc) = self.docs[slot as usize].take() else {
            return false;
        };
        let brief = std::mem::take(&mut self.briefs[slot as usize]);
        let mut gone: Vec<u32> = Vec::new();
        for code in pieces::Codes::new(&self.texts[brief.seq.0 as usize..brief.seq.1 as usize]) {
            if let Some(term) = self.word_term(code) {
                gone.push(term);
                if let Some(uses) = self.uses.get_mut((code >> 1) as usize) {
                    *uses = uses.saturating_sub(1);
                }
            }
        }
        // A term that no update holds any longer leaves the term lists: worked out afresh
        // on the next search (removals are rare beside appends).
        let mut died = false;
        for term in gone {
            let postings = &mut self.terms[term as usize].postings;
            died |= postings.remove(slot) && postings.is_empty();
        }
        for (total, len) in self.field_totals.iter_mut().zip(brief.lens) {
            *total -= u64::from(len);
        }
        self.stale += (brief.seq.1 - brief.seq.0) as usize
            + (brief.names.1 - brief.names.0 + doc.aliases) as usize;
        if self.stale * 2 > self.texts.len() + self.doc_names.len() {
            self.compact();
        }
        self.live -= 1;
        if died {
            self.sorted = OnceCell::new();
            self.by_length = OnceCell::new();
        }
        true
    }

    /// Writes `texts` and `doc_names` afresh with only the runs of updates it holds.
    fn compact(&mut self) {
        let slots = 0..self.briefs.len();
        let len = |run: &dyn Fn(usize) -> (u32, u32)| -> usize {
            slots.clone().map(|s| (run(s).1 - run(s).0) as usize).sum()
        };
        let mut texts = Vec::with_capacity(len(&|s| self.briefs[s].seq));
        let mut names = Vec::with_capacity(len(&|s| self.names_run(s)));
        fn keep<T: Copy>(from: &[T], (a, b): (u32, u32), to: &mut Vec<T>) -> (u32, u32) {
            let start = to.len() as u32;
            to.extend_from_slice(&from[a as usize..b as usize]);
            (start, to.len() as u32)
        }
        for slot in slots {
            let seq = keep(&self.texts, self.briefs[slot].seq, &mut texts);
            let (start, _) = keep(&self.doc_names, self.names_run(slot), &mut names);
            let brief = &mut self.briefs[slot];
            brief.seq = seq;
            brief.names = (start, start + brief.names.1 - brief.names.0);
        }
        self.texts = texts;
        self.doc_names = names;
        self.stale = 0;
    }

    /// A slot's whole run of `doc_names`: its facet names ([`Brief::names`]), then its
    /// aliases.
    fn names_run(&self, slot: usize) -> (u32, u32) {
        let (from, to) = self.briefs[slot].names;
        (from, to + self.docs[slot].as_ref().map_or(0, |d| d.aliases))
    }

    /// The code of a word written `piece` (folded `word`): the stemmer runs once per
    /// distinct way a word is written.
    fn word_code(&mut self, piece: &str, word: &str) -> u32 {
        let (terms, term_ids) = (&mut self.terms, &mut self.term_ids);
        let mut term = || {
            let stem = tokenize::stem(word);
            match term_ids.get(stem.as_str()) {
                Some(&id) => id,
                None => {
                    let id = terms.len() as u32;
                    terms.push(Term {
                        chars: stem.chars().count() as u32,
                        mask: tokenize::letter_mask(&stem),
                        text: Box::from(stem.as_str()),
                        postings: postings::Postings::default(),
                    });
                    term_ids.insert(Box::from(stem.as_str()), id);
                    id
                }
            }
        };
        let code = self.pieces.code(piece, Some(&mut term));
        let id = (code >> 1) as usize;
        if id >= self.uses.len() {
            // A new spelling.
            self.uses.resize(id + 1, 0);
            if self.surfaces.is_empty() {
                self.surfaces.resize(LENGTH_BUCKETS, Vec::new());
            }
            let mask = tokenize::letter_mask(word);
            self.surfaces[length_bucket(word.chars().count(), mask)].push((
                Box::from(word),
                id as u32,
                mask,
            ));
        }
        self.uses[id] += 1;
        code
    }

    /// The codes of a run of `texts`.
    pub(crate) fn codes(&self, (from, to): (u32, u32)) -> pieces::Codes<'_> {
        pieces::Codes::new(&self.texts[from as usize..to as usize])
    }

    /// The term of a code when it is a word's.
    #[inline]
    pub(crate) fn word_term(&self, code: u32) -> Option<u32> {
        if code == 0 {
            return None;
        }
        let term = self.pieces.term(code);
        (term != pieces::GAP).then_some(term)
    }

    /// A slot's terms, word by word, [`TEXT_END`] after each text.
    pub(crate) fn terms_of(&self, slot: u32) -> pieces::Terms<'_> {
        self.pieces
            .terms_of(self.codes(self.briefs[slot as usize].seq))
    }

    /// The texts of a slot, in the order written (the headline, then the paragraphs,
    /// captions, names and speakers), as many as `count` asks for.
    pub(crate) fn texts_of(&self, slot: u32, count: usize) -> Vec<String> {
        let seq = self.briefs[slot as usize].seq;
        let mut out = Vec::with_capacity(count);
        let mut at = 0;
        while out.len() < count && at < (seq.1 - seq.0) as usize {
            let (text, next) = self.text_at(slot, at);
            out.push(text);
            at = next;
        }
        out
    }

    /// The text of a slot whose codes start `at` bytes into its own, and where the next
    /// text's codes start.
    fn text_at(&self, slot: u32, at: usize) -> (String, usize) {
        let (from, to) = self.briefs[slot as usize].seq;
        let codes = || pieces::Codes::new(&self.texts[from as usize + at..to as usize]);
        // Sized first, so that it does not grow.
        let bytes: usize = (codes().take_while(|&c| c != 0))
            .map(|code| {
                let (piece, space) = self.pieces.text(code);
                piece.len() + usize::from(space)
            })
            .sum();
        let mut text = String::with_capacity(bytes);
        let mut codes = codes();
        for code in codes.by_ref() {
            if code == 0 {
                break;
            }
            let (piece, space) = self.pieces.text(code);
            text.push_str(piece);
            if space {
                text.push(' ');
            }
        }
        (text, at + codes.at())
    }

    /// The update at a slot as it was given (its name lists without repeats).
    fn doc_at(&self, slot: u32) -> Option<IndexDoc> {
        let doc = self.docs.get(slot as usize)?.as_ref()?;
        let brief = &self.briefs[slot as usize];
        let given = 1 + (doc.paragraphs + doc.captions) as usize;
        let mut texts = self.texts_of(slot, given).into_iter();
        let headline = texts.next().unwrap_or_default();
        let paragraphs = texts.by_ref().take(doc.paragraphs as usize).collect();
        let captions = texts.take(doc.captions as usize).collect();
        let (from, to) = self.names_run(slot as usize);
        let ids = &self.doc_names[from as usize..to as usize];
        // By kind, in the order of `NameKind`.
        let mut names: [Vec<String>; 5] = Default::default();
        for &n in ids {
            let name = &self.names[n as usize];
            names[name.kind as usize].push(name.text.clone());
        }
        let [people, places, orgs, speakers, aliases] = names;
        Some(IndexDoc {
            blog: self.blogs[doc.blog as usize].to_string(),
            id: doc.id.to_string(),
            order: doc.order,
            headline,
            paragraphs,
            captions,
            people,
            places,
            orgs,
            speakers,
            aliases,
            timestamp: doc.timestamp.as_deref().map(str::to_string),
            has_quote: brief.has_quote,
            has_image: brief.has_image,
        })
    }

    pub(crate) fn term_id(&self, stem: &str) -> Option<u32> {
        self.term_ids.get(stem).copied()
    }

    fn name_id(&mut self, kind: NameKind, name: &str) -> u32 {
        let key = tagged(kind as u32, name);
        if let Some(&id) = self.name_ids.get(&key) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(Name {
            kind,
            text: name.to_string(),
            words: tokenize::words(name),
        });
        self.name_ids.insert(key, id);
        id
    }

    /// Term ids in the order of their texts.
    pub(crate) fn sorted_terms(&self) -> &[u32] {
        self.sorted.get_or_init(|| self.sorted_afresh())
    }

    fn sorted_afresh(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = (0..self.terms.len() as u32)
            .filter(|&t| !self.terms[t as usize].postings.is_empty())
            .collect();
        crate::sorting::sort_by(&mut ids, |&a, &b| {
            self.terms[a as usize]
                .text
                .cmp(&self.terms[b as usize].text)
        });
        ids
    }

    /// Live term ids by length in characters (longer than 63 with 63), words apart from
    /// terms holding a digit (from 64 on): a typo never turns a word into a number.
    pub(crate) fn terms_by_length(&self) -> &[Vec<u32>] {
        self.by_length.get_or_init(|| self.by_length_afresh())
    }

    fn by_length_afresh(&self) -> Vec<Vec<u32>> {
        let mut by: Vec<Vec<u32>> = vec![Vec::new(); LENGTH_BUCKETS];
        for (t, term) in self.terms.iter().enumerate() {
            if !term.postings.is_empty() {
                by[length_bucket(term.chars as usize, term.mask)].push(t as u32);
            }
        }
        by
    }

    /// Whether the term lists searches worked out (those that are) are what working them
    /// out afresh gives.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn term_lists_hold(&self) -> bool {
        self.sorted.get().is_none_or(|s| *s == self.sorted_afresh())
            && (self.by_length.get()).is_none_or(|b| *b == self.by_length_afresh())
    }

    /// About how many bytes of memory the index holds: its texts, postings, terms and maps
    /// (allocated capacity, not counting the allocator's own overhead).
    pub fn memory_bytes(&self) -> usize {
        use std::mem::size_of;
        let docs: usize = (self.docs.iter().flatten())
            .map(|d| d.id.len() + d.timestamp.as_ref().map_or(0, |t| t.len()))
            .sum();
        let terms: usize = self
            .terms
            .iter()
            .map(|t| size_of::<Term>() + t.text.len() + t.postings.memory_bytes())
            .sum();
        let map = |entries: usize, entry: usize| entries * (entry + 1) * 8 / 7;
        let keys: usize = self.term_ids.keys().map(|k| k.len()).sum();
        docs + self.docs.capacity() * size_of::<Option<Doc>>()
            + self.briefs.capacity() * size_of::<Brief>()
            + self.doc_names.capacity() * 4
            + self.texts.capacity()
            + self.pieces.memory_bytes()
            + terms
            + keys
            + map(self.term_ids.capacity(), size_of::<(Box<str>, u32)>())
            + map(self.slots.capacity(), size_of::<(Box<str>, u32)>())
            + (self.slots.keys()).map(|k| k.len()).sum::<usize>()
            + self
                .names
                .iter()
                .map(|n| {
                    size_of::<Name>()
                        + n.text.capacity()
                        + n.words
                            .iter()
                            .map(|w| w.capacity() + size_of::<String>())
                            .sum::<usize>()
                })
                .sum::<usize>()
            + map(self.name_ids.capacity(), size_of::<(Box<str>, u32)>())
            + (self.surfaces.iter().flatten())
                .map(|(w, _, _)| w.len() + size_of::<(Box<str>, u32, u32)>())
                .sum::<usize>()
            + self.uses.capacity() * 4
            + self.counts.capacity() * 4
    }

    /// Every update the index holds, in no particular order, as it was given (its name
    /// lists without repeats).
    pub fn docs(&self) -> impl Iterator<Item = IndexDoc> + '_ {
        (0..self.docs.len() as u32).filter_map(|slot| self.doc_at(slot))
    }
}

/// Buckets of words by length: 0 to 63 characters (longer in the last), then the same for
/// words holding a digit, which a typo never reaches from a word without.
pub(crate) const LENGTH_BUCKETS: usize = 128;

/// The bucket of a word of `chars` characters with the letter mask `mask`.
pub(crate) fn length_bucket(chars: usize, mask: u32) -> usize {
    let digits = if mask & tokenize::DIGIT_BIT != 0 {
        64
    } else {
        0
    };
    digits + chars.min(63)
}

/// The buckets of the words a typo of `edits` can reach from a word of `chars` characters
/// with the letter mask `mask`.
pub(crate) fn near_buckets(
    chars: usize,
    mask: u32,
    edits: usize,
) -> std::ops::RangeInclusive<usize> {
    let digits = length_bucket(0, mask);
    digits + chars.saturating_sub(edits).min(63)..=digits + chars.saturating_add(edits).min(63)
}

/// Minutes since 1970-01-01 00:00 of an ISO 8601 timestamp's own clock ("2022-01-24T10:30"
/// → its date and time, whatever the offset): times a reader types are the page's.
pub(crate) fn local_minutes(iso: &str) -> Option<i64> {
    let (date, _) = crate::clock::date_at(iso)?;
    let num = |range: std::ops::Range<usize>| iso.get(range)?.parse::<i64>().ok();
    let (hour, minute) = if iso.len() >= 16 {
        (num(11..13)?, num(14..16)?)
    } else {
        (0, 0)
    };
    let days = crate::clock::days_from_civil(date.year?, date.month, date.day);
    Some(days * 1440 + hour * 60 + minute)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
