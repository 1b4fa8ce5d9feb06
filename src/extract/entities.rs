//! People, places and organisations, with every name they go by.
//!
//! 1. **Recognition**: each run of capitalised words ("US President Joe Biden") is split
//!    into its titles and the name after them. A name is a *place* when the gazetteer knows
//!    it (countries, capitals, big cities, regions) or when it follows "in" or "near", or
//!    comes before ", Country"; an *organisation* when it holds an organisation
//!    word (Ministry, House, Agency) or is an acronym, or owns what companies own ("Acme's
//!    shares"), or is followed by its initials in brackets; a *person* when the blog names
//!    them in full after a title or before a cue verb, or when it starts with a common given
//!    name, or is two or three names inside a sentence none of which is a frequent English
//!    word. A frequent English word ("Game", "Stock") opening a sentence is nobody. Titles carry entities too ("US" in "US President", "Ukrainian" mentions
//!    Ukraine, but only indirectly). Organisation names joined by "of", "for" ("Ellery
//!    Board of the Docks") are one name. A name led by an acronym ("ADN America"),
//!    a country's one-word name ("Germany’s Lufthansa"), a name joined by "and" to an
//!    organisation's, and a body an acronym owns ("PEHA activates its Rescue Unit") are
//!    organisations; so is a country's ministry ("Ukraine’s foreign ministry" = "Ukrainian
//!    foreign ministry"). Shouted headlines hold no acronyms, menus no names. Photo credits
//!    give a photographer and an agency.
//! 2. **One entity, many names**: a surname is the person named in full; spellings one edit
//!    apart are one person (Zelensky, Zelenskyy); an acronym is the organisation whose
//!    initials it spells (EU, European Union); a shorter organisation name that ends a longer
//!    one is that one (State Department, US State Department); the gazetteer maps other
//!    names to its own (UK, Britain → United Kingdom; Kiev → Kyiv).

use super::gazetteer::{
    demonym, demonym_of, is_common_word, is_given_name, org as known_org, place, word_org,
    word_place,
};
use super::lexicon::{
    is_in, is_opener, CLAUSE_WORDS, CLUB_WORDS, COMMON_ACRONYMS, COMPASS, CUE_VERBS,
    DISTRICT_WORDS, DOCUMENT_NOUNS, EVENT_WORDS, HONORIFICS, MEDIA_WORDS, NOT_NAMES, ORG_WORDS,
    PLACE_WORDS, ROLE_NOUNS, SPEECH_NOUNS, STREET_WORDS, TIME_WORDS, TITLE_WORDS,
};
use super::names::{is_plain, name_runs, Located, NameRun, Registry};
use super::tokens::{
    bare, find_word, is_article, is_determiner, part_in, possessive_owner, words_after,
};
use crate::fxhash::{FxMap, FxSet};
use crate::model::{Entity, EntityKind, Mention, Span, TextPart};

/// A name found in a text, before names are merged into entities.
#[derive(Clone)]
struct Found {
    name: String,
    written: String,
    kind: EntityKind,
    role: Option<String>,
    mention: Mention,
}

/// A find as the blog-wide passes see it: borrowed from its text's reading (kept for the
/// blog's next edit), with the name, kind and role those passes give it.
#[derive(Clone, Copy)]
struct Placed<'a> {
    found: &'a Found,
    name: &'a str,
    /// The name's number among the blog's names, once they are numbered.
    name_id: usize,
    kind: EntityKind,
    role: Option<&'a str>,
}

impl<'a> Placed<'a> {
    fn of(found: &'a Found) -> Self {
        Placed {
            found,
            name: &found.name,
            name_id: 0,
            kind: found.kind,
            role: found.role.as_deref(),
        }
    }

    /// Names an organisation by the full name its short name was defined as (`defined`),
    /// and a person's one-word name by the blog's full name it stands for (`full_of`, by
    /// the keys of [`full_name_keys`]; "Muguruza" for "Garbine Muguruza"), unless two full
    /// names share it or it is a place's name; both kept in `fulls`.
    fn name_in_full(
        &mut self,
        defined: &FxMap<String, usize>,
        full_of: &FxMap<String, usize>,
        fulls: &'a [String],
    ) {
        let full = match self.kind {
            EntityKind::Org => number_of(defined, self.name),
            EntityKind::Person if !self.name.contains(' ') => {
                let by_start = || number_of(full_of, &format!(">{}", self.name));
                number_of(full_of, &format!("<{}", self.name)).or_else(by_start)
            }
            _ => None,
        };
        if let Some(full) = full.and_then(|at| fulls.get(at)) {
            if self.kind == EntityKind::Org || place(full).is_none() {
                self.name = full;
            }
        }
    }

    /// The marks this find gives its name: found directly, read as an organisation, found
    /// directly as a place.
    fn marks(&self) -> u8 {
        let direct = self.found.mention.direct;
        let kind = match self.kind {
            EntityKind::Org => ORG,
            EntityKind::Place if direct => PLACE,
            _ => 0,
        };
        kind | if direct { NAMED } else { 0 }
    }

    /// A person's name that the blog reads as an organisation or a place somewhere (its
    /// `marks`) is one here too: "Al Jazeera explains" does not make Al Jazeera a person.
    fn recast(&mut self, marks: u8) {
        if self.kind != EntityKind::Person || marks & (ORG | PLACE) == 0 {
            return;
        }
        self.kind = if marks & ORG != 0 {
            EntityKind::Org
        } else {
            EntityKind::Place
        };
        self.role = None;
    }
}

/// Words that follow a verb: prepositions, pronouns, quantifiers ("gets into", "meets his").
/// Sorted: searched by halves.
const OBJECT_WORDS: &[&str] = &[
    "about", "across", "after", "against", "along", "at", "back", "by", "down", "for", "from",
    "her", "him", "his", "how", "in", "into", "it", "its", "off", "on", "out", "over", "that",
    "their", "them", "through", "to", "up", "what", "who", "with",
];

/// Small words inside organisation names ("Council for Trade and Co-operation in
/// Ellery", "Sporting Clube de Portugal"); they do not count towards an acronym.
const NAME_GLUE: &[&str] = &["and", "de", "for", "in", "of", "on", "the"];

/// A post's names as read (or the header's), kept for the blog's next edit: for each of its
/// texts what it names and what it names unsure; and the registry's keys it looked up.
#[derive(Default)]
pub(crate) struct Read {
    found: Option<Vec<(Vec<Found>, Vec<Found>)>>,
    pub(crate) looked_up: Vec<u64>,
}

impl Read {
    /// Whether the post is read (and its reading kept).
    pub(crate) fn is_read(&self) -> bool {
        self.found.is_some()
    }
}

// Why the last added posts were not merged alone ("" when they were), and why the blog's
// last full passes left it unpatchable: kept in tests only, for the replay that counts the
// fallbacks (`edit` tests).
#[cfg(test)]
thread_local! {
    pub(crate) static FELL_BACK: std::cell::Cell<&'static str> = const { std::cell::Cell::new("") };
    static UNPATCHABLE: std::cell::Cell<&'static str> = const { std::cell::Cell::new("") };
}

/// Notes `why` the patch fell back, in tests (`FELL_BACK`); nothing otherwise.
#[inline(always)]
fn fell_back(_why: &'static str) {
    #[cfg(test)]
    FELL_BACK.set(_why);
}

/// What the blog-wide passes decided, kept for the next edit, so that posts added at the
/// newest end whose finds change none of it are merged alone into the entities they name.
/// The passes' own maps, moved here when they end.
#[derive(Default)]
pub(crate) struct Merged {
    /// Whether added posts can be merged alone: not when the blog has photo credits, names
    /// no rule could tell that were found to be people, or clubs (finds whose order or name
    /// an added post can change); nor before the passes have run (the default).
    patchable: bool,
    /// The names left unsure (to 0: a map of the type the other maps of names here are, as a
    /// set, where a set type would be one more copy of the hash table's code): an added
    /// post naming a person so makes them people.
    unsure: FxMap<String, usize>,
    /// The keys of the blog's full names ([`full_name_keys`]) → the full name in `fulls`.
    full_of: FxMap<String, usize>,
    /// An organisation's short name → the full name it was defined as, in `fulls`.
    defined: FxMap<String, usize>,
    fulls: Vec<String>,
    /// Each name → its number; by number, its marks, and its entity's id number for each
    /// kind ([`kind_slot`]; 0 for none).
    names: FxMap<String, usize>,
    marks: Vec<u8>,
    homes: Vec<usize>,
    /// Merging's keys, with entities by the number of their ids.
    keys: Keys,
    /// Each entity's [`rank`] among those merged, by the number of its id less one; and how
    /// many were ever made (the sequence of the next).
    ranks: Vec<u64>,
    made: usize,
}

/// The keys under which merging looked names up ([`match_keys`]), kept for the next edit.
#[derive(Default)]
struct Keys {
    /// Key → the last of a chain of (entity, previous link) in `links`: the entities made
    /// under the key.
    made: FxMap<String, usize>,
    links: Vec<(usize, usize)>,
    /// Key → the last of a chain of (name's slot, previous link) in `lookers`: the names
    /// (by `3 * name + kind_slot`) that looked for an entity under the key.
    looked: FxMap<String, usize>,
    lookers: Vec<(usize, usize)>,
}

impl Keys {
    /// The entity a name (`slot` of `kind`) joins: of those made under its keys that it names
    /// another way (`same`), the first by `rank`; the name is noted as having looked.
    #[inline(never)]
    fn place(
        &mut self,
        kind: EntityKind,
        name: &str,
        slot: usize,
        same: &dyn Fn(usize) -> bool,
        rank: &dyn Fn(usize) -> u64,
    ) -> Option<usize> {
        let mut found_at: Option<usize> = None;
        for key in match_keys(kind, name, Side::Looked) {
            let mut link = self.made.get(&key).copied().unwrap_or(usize::MAX);
            while let Some(&(at, previous)) = self.links.get(link) {
                if found_at.is_none_or(|f| rank(at) < rank(f)) && same(at) {
                    found_at = Some(at);
                }
                link = previous;
            }
            let previous = self.looked.insert(key, self.lookers.len());
            self.lookers.push((slot, previous.unwrap_or(usize::MAX)));
        }
        found_at
    }

    /// Notes the entity `at`, made for a name, under the name's keys.
    #[inline(never)]
    fn make(&mut self, kind: EntityKind, name: &str, at: usize) {
        for key in match_keys(kind, name, Side::Entity) {
            let previous = self
                .made
                .insert(key, self.links.len())
                .unwrap_or(usize::MAX);
            self.links.push((at, previous));
        }
    }
}

impl Merged {
    /// The entities `before` with the finds of posts added at the newest end (their texts
    /// with their finds, and their full names' keys), when those finds change no decision
    /// of the blog-wide passes about other posts' finds: a full name whose keys an older
    /// name is known by, a definition, an unsure name, a known name's new mark (named
    /// directly, an organisation, a place), a club, or a name that merging would place
    /// before an older name it names another way (which that name would then join). Each
    /// find is placed as merging places it ([`Keys::place`]): a new name that joins no
    /// entity makes one, numbered next. Then each find's mention goes in its entity's list
    /// at its place on the page, and an entity whose first mention on the page is new moves
    /// to its place. With them, the ids of the older posts whose names changed: those naming
    /// an entity that an added find gave a new alias (the posts' own entities are as they
    /// were). Otherwise `before`, unchanged but for aliases, for the blog-wide passes, which
    /// then build this again.
    #[inline(never)]
    fn patch<'f, 'n>(
        &mut self,
        sources: &'f [Located<'f>],
        reads: &'f [Read],
        full_names: impl Iterator<Item = &'n [String; 3]>,
        page_of: &dyn Fn(Option<&str>) -> u64,
        mut before: Vec<Entity>,
    ) -> Result<(Vec<Entity>, Vec<String>), Vec<Entity>> {
        let older = before.len();
        if !self.patchable {
            #[cfg(test)]
            fell_back(UNPATCHABLE.get());
            return Err(before);
        }
        // New full names, unless a key of theirs is another's, or names a name the blog
        // already has ("<Berg" when "Berg" was found alone), or a given name's key takes a
        // surname's place.
        for [whole, end, start] in full_names {
            if number_of(&self.full_of, whole).is_some() {
                continue;
            }
            let at = self.fulls.len();
            for (key, other) in [(end, '>'), (start, '<')] {
                let word = key.get(1..).unwrap_or_default();
                let was = number_of(&self.full_of, key);
                let taken = other == '>'
                    && number_of(&self.full_of, &format!(">{word}"))
                        .is_some_and(|at| at != AMBIGUOUS);
                if was.is_some_and(|at| at != AMBIGUOUS)
                    || (was.is_none() && number_of(&self.names, word).is_some())
                    || taken
                {
                    fell_back("full name keyed as an older name");
                    return Err(before);
                }
                self.full_of.entry(key.clone()).or_insert(at);
            }
            self.full_of.insert(whole.clone(), at);
            self.fulls
                .push(whole.get(1..).unwrap_or_default().to_string());
        }
        // Each entity's place in `before`, by the number of its id.
        let mut place_of = vec![usize::MAX; before.len() + 1];
        for (at, e) in before.iter().enumerate() {
            // "e12" → 12 (ids are merge's).
            let number = (e.id.bytes().skip(1)).fold(0usize, |n, d| {
                n.wrapping_mul(10).wrapping_add(d.wrapping_sub(b'0').into())
            });
            if let Some(place) = place_of.get_mut(number) {
                *place = at;
            }
        }
        // Each find named as the blog-wide passes name it, new names numbered, and the new
        // names' marks.
        let mut finds: Vec<Placed> = Vec::new();
        let mut texts = sources.iter();
        let known = self.marks.len();
        for read in reads {
            for (found, unsure) in read.found.as_deref().unwrap_or_default() {
                let Some(source) = texts.next() else {
                    fell_back("texts and reads disagree");
                    return Err(before);
                };
                // A name defined in brackets, new or again, is left to the passes.
                let mut defined = Vec::new();
                defined_in_brackets(source.text, found, &mut FxMap::default(), &mut defined);
                if !defined.is_empty() {
                    fell_back("bracket definition");
                    return Err(before);
                }
                // Names no rule could tell stay unsure unless a person of their text or a
                // person's name joins them (neither the blog's, as a name or a full name's
                // key, nor this post's).
                if !unsure.is_empty() {
                    let mut people: Vec<Placed> = found.iter().map(Placed::of).collect();
                    let asked = unsure.iter().map(|f| (0, f)).collect();
                    let mut texts = vec![0; people.len()];
                    let source = std::slice::from_ref(source);
                    let left = join_to_people(source, &mut people, &mut texts, asked);
                    let named = |name: &str| {
                        let key = |end: char| number_of(&self.full_of, &format!("{end}{name}"));
                        number_of(&self.names, name)
                            .or(key('<'))
                            .or(key('>'))
                            .is_some()
                    };
                    if left.len() != unsure.len() || left.iter().any(|(_, f)| named(&f.name)) {
                        fell_back("unsure name joined");
                        return Err(before);
                    }
                    self.unsure
                        .extend(left.into_iter().map(|(_, f)| (f.name.clone(), 0)));
                }
                for f in found {
                    if f.kind == EntityKind::Person && self.unsure.contains_key(&f.name) {
                        fell_back("person named as an old unsure name");
                        return Err(before);
                    }
                    let mut p = Placed::of(f);
                    p.name_in_full(&self.defined, &self.full_of, &self.fulls);
                    if !has_letter(p.name) {
                        continue;
                    }
                    p.name_id = number_of(&self.names, p.name).unwrap_or_else(|| {
                        self.names.insert(p.name.to_string(), self.marks.len());
                        self.marks.push(0);
                        self.homes.extend([0; 3]);
                        self.marks.len() - 1
                    });
                    let (new, marks) = (p.marks(), &mut self.marks[p.name_id]);
                    if p.name_id >= known {
                        *marks |= new;
                    } else if new & !*marks != 0 {
                        fell_back(if new & !*marks & NAMED != 0 {
                            "indirect name named directly"
                        } else {
                            "new org or place mark"
                        });
                        return Err(before);
                    }
                    if club_town(p.kind, p.name).is_some() {
                        fell_back("club");
                        return Err(before);
                    }
                    finds.push(p);
                }
            }
        }
        // Each find's entity, by age: a name found before keeps its own; a new one is placed
        // as merging places it, and makes an entity when it joins none.
        let mut homes: Vec<(usize, Placed)> = Vec::new();
        for mut p in finds {
            let marks = self.marks.get(p.name_id).copied().unwrap_or(0);
            if marks & NAMED == 0 {
                continue;
            }
            p.recast(marks);
            let slot = 3 * p.name_id + kind_slot(p.kind);
            let mut id = self.homes.get(slot).copied().unwrap_or(0);
            if id == 0 {
                let ranks = &self.ranks;
                let rank_of = |id: usize| ranks.get(id.wrapping_sub(1)).copied().unwrap_or(0);
                let entities = (&place_of, &before);
                let same = |id: usize| {
                    let e = entities.0.get(id).and_then(|&at| entities.1.get(at));
                    e.is_some_and(|e| same(e.kind, &e.name, p.kind, p.name))
                };
                let rank = rank(p.name, self.made);
                match self.keys.place(p.kind, p.name, slot, &same, &rank_of) {
                    // Merging would place the name before the entity, which would then
                    // be made of the name.
                    Some(at) if rank_of(at) > rank => {
                        fell_back("older name joins a new one");
                        return Err(before);
                    }
                    Some(at) => id = at,
                    None => {
                        // Names that looked under this one's keys and are placed after it
                        // would join it.
                        for key in match_keys(p.kind, p.name, Side::Entity) {
                            let mut link = number_of(&self.keys.looked, &key).unwrap_or(usize::MAX);
                            while let Some(&(slot, previous)) = self.keys.lookers.get(link) {
                                let home = self.homes.get(slot).copied().unwrap_or(0);
                                if home != 0 && rank_of(home) > rank {
                                    fell_back("new name absorbs an older one");
                                    return Err(before);
                                }
                                link = previous;
                            }
                        }
                        id = before.len() + 1;
                        place_of.push(before.len());
                        before.push(Entity {
                            id: entity_id(id),
                            name: p.name.to_string(),
                            kind: p.kind,
                            aliases: Vec::new(),
                            role: None,
                            mentions: Vec::new(),
                        });
                        self.ranks.push(rank);
                        self.made += 1;
                        self.keys.make(p.kind, p.name, id);
                    }
                }
                if let Some(home) = self.homes.get_mut(slot) {
                    *home = id;
                }
            }
            let Some(&at) = place_of.get(id).filter(|&&at| at < before.len()) else {
                fell_back("entity not in the list");
                return Err(before);
            };
            homes.push((at, p));
        }
        // The mentions in place. An entity whose first mention on the page is new moves to
        // its place, after those already there, and after another moved there whose find now
        // first came before: a later find placed first lies higher on the page (an older
        // post's finds come first, and a newer post's first mention goes above them), a
        // later find of the same post never goes first. 0 for an entity that stays.
        let mut moved = vec![0u64; before.len()];
        let mut renamed: Vec<usize> = Vec::new();
        for (seq, (at, p)) in homes.into_iter().enumerate() {
            let Some(e) = before.get_mut(at) else {
                continue;
            };
            let aliases = e.aliases.len();
            add_names(e, &p);
            if at < older && e.aliases.len() != aliases && !renamed.contains(&at) {
                renamed.push(at);
            }
            let page = page_of_mention(page_of, Some(&p.found.mention));
            let k = (e.mentions).partition_point(|m| page_of_mention(page_of, Some(m)) <= page);
            e.mentions.insert(k, p.found.mention.clone());
            if k == 0 {
                moved[at] = seq as u64 + 1;
            }
        }
        fell_back("");
        let renamed = (renamed.iter().filter_map(|&at| before.get(at)))
            .flat_map(|e| e.mentions.iter().filter_map(|m| m.update_id.clone()))
            .collect();
        if moved.iter().all(|&m| m == 0) {
            return Ok((before, renamed));
        }
        for (rank, e) in moved.iter_mut().zip(&before) {
            *rank |= page_of_mention(page_of, e.mentions.first()) << 32;
        }
        Ok((by_rank(before, moved), renamed))
    }
}

/// A plain name of two or three words in a run, as the keys it is known by among the
/// blog's full names: "=name", "<last word" and ">first word". A surname used alone
/// stands for the full name it ends ("Muguruza" after "Garbine Muguruza:"), a given name
/// alone ("Sir Keir" of "Keir Starmer") for the one it starts when no full name ends with it.
pub(crate) fn full_name_keys(run: &NameRun) -> Option<[String; 3]> {
    let name = run.name();
    let wordlike = name.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    });
    // Not a headline's verb before a name ("Saw Brandt near the gate").
    let full = (2..=3).contains(&name.len())
        && wordlike
        && run.is_plain()
        && !is_in(NOT_NAMES, name[0])
        && !is_common_word(name[0]);
    full.then(|| {
        [
            format!("={}", name.join(" ")),
            format!("<{}", name[name.len() - 1]),
            format!(">{}", name[0]),
        ]
    })
}

/// The people, places and organisations of a blog's texts and photo credits
/// ([`blog_texts`](super::names::blog_texts)) read by age, given the keys of its full names
/// ([`full_name_keys`], by age) and each post's place on the page (`page_of` an update id,
/// the header's 0). The texts are the posts' (the header's first), `sizes` texts each;
/// `reads`, one for each, keep what was read before, and what is read now; `runs` holds
/// the name runs of each text read already; `spare`, entities read before, lends its
/// mentions' strings to the new ones.
///
/// `merged` (for a blog kept for edits) keeps what the blog-wide passes decided; `added`,
/// the first text group of posts added at the newest end (the others as last read, `spare`
/// their entities) with the added posts' full names: those posts are merged alone into
/// `spare` when their finds change nothing the passes decided, and then the ids of the
/// older posts whose names changed come too (see [`Merged::patch`]); `None` when the
/// blog-wide passes ran, which may change any post's.
#[allow(clippy::too_many_arguments)]
pub(crate) fn extract_entities<'a, F: Iterator<Item = &'a [String; 3]>>(
    sources: &[Located<'a>],
    credits: &[Located],
    mut runs: Vec<Option<Vec<NameRun<'a>>>>,
    full_names: F,
    registry: &Registry,
    sizes: &[usize],
    reads: &mut [Read],
    page_of: &dyn Fn(Option<&str>) -> u64,
    mut spare: Vec<Entity>,
    mut merged: Option<&mut Merged>,
    added: Option<(usize, F)>,
) -> (Vec<Entity>, Option<Vec<String>>) {
    // Each text's finds, read again only where not read before, and kept in `reads`: the
    // blog-wide passes below borrow them.
    let mut from = 0;
    for (read, &size) in reads.iter_mut().zip(sizes) {
        let post = from..from + size;
        from += size;
        if read.found.is_none() {
            registry.forget_looked_up();
            let post = post
                .filter_map(|i| Some((sources.get(i)?, runs.get_mut(i)?.take())))
                .map(|(source, runs)| {
                    let runs = runs.unwrap_or_else(|| name_runs(source.text));
                    let mut maybe = Vec::new();
                    (names_in(source, runs, registry, &mut maybe), maybe)
                })
                .collect();
            read.looked_up = registry.take_looked_up();
            read.found = Some(post);
        }
    }
    let credited: Vec<Found> = credits.iter().flat_map(credited).collect();
    // Photo credits' finds come after every text's, so added ones are merged afresh.
    if merged.is_some() {
        fell_back(match (&added, credited.is_empty()) {
            (None, _) => "posts read again or not at the newest end",
            (Some(_), false) => "photo credits or bylines",
            (Some(_), true) => "",
        });
    }
    let added = added.filter(|_| credited.is_empty());
    if let (Some(merged), Some((group, names))) = (merged.as_deref_mut(), added) {
        let text = sizes.get(..group).unwrap_or_default().iter().sum();
        let (sources, reads) = (sources.get(text..), reads.get(group..));
        let (sources, reads) = (sources.unwrap_or_default(), reads.unwrap_or_default());
        match merged.patch(sources, reads, names, page_of, spare) {
            Ok((entities, renamed)) => return (entities, Some(renamed)),
            Err(entities) => spare = entities,
        }
    }
    // Keys are "<word" (ends), ">word" (starts) and "=name"; two names under one key are
    // ambiguous.
    let mut fulls: Vec<String> = Vec::new();
    let mut full_of: FxMap<String, usize> = FxMap::default();
    for [whole, end, start] in full_names {
        let at = match number_of(&full_of, whole) {
            Some(at) => at,
            None => {
                full_of.insert(whole.clone(), fulls.len());
                fulls.push(whole[1..].to_string());
                fulls.len() - 1
            }
        };
        for key in [end, start] {
            match full_of.get_mut(key.as_str()) {
                Some(slot) if *slot != at => *slot = AMBIGUOUS,
                Some(_) => {}
                None => {
                    full_of.insert(key.clone(), at);
                }
            }
        }
    }
    // Short name → the full name it was defined as, kept in `fulls`.
    let mut defined: FxMap<String, usize> = FxMap::default();
    for (source, (finds, _)) in sources.iter().zip(finds_of(reads)) {
        defined_in_brackets(source.text, finds, &mut defined, &mut fulls);
    }
    let mut found: Vec<Placed> = Vec::new();
    // Names no rule could tell, by the text they are in.
    let mut unsure: Vec<(usize, &Found)> = Vec::new();
    let mut sourced: Vec<usize> = Vec::new();
    for (i, (_, (finds, maybe))) in sources.iter().zip(finds_of(reads)).enumerate() {
        found.extend(finds.iter().map(Placed::of));
        unsure.extend(maybe.iter().map(|f| (i, f)));
        sourced.resize(found.len(), i);
    }
    let before_join = found.len();
    let unsure = join_to_people(sources, &mut found, &mut sourced, unsure);
    let joined = found.len() != before_join;
    for f in &mut found {
        f.name_in_full(&defined, &full_of, &fulls);
    }
    found.extend(credited.iter().map(Placed::of));
    // "14.5", "21": a name holds a letter.
    found.retain(|f| has_letter(f.name));
    // Each name numbered once: the passes below mark names in an array, not a hash set
    // each, as every edit runs them over every find.
    let mut numbers: FxMap<String, usize> = FxMap::default();
    for f in &mut found {
        f.name_id = match number_of(&numbers, f.name) {
            Some(id) => id,
            None => {
                numbers.insert(f.name.to_string(), numbers.len());
                numbers.len() - 1
            }
        };
    }
    let mut marks = vec![0u8; numbers.len()];
    let mark = |marks: &mut [u8], f: &Placed, what: u8| {
        if let Some(m) = marks.get_mut(f.name_id) {
            *m |= f.marks() & what;
        }
    };
    // A demonym links to a place the blog names; it does not invent one ("British
    // government" in a blog that never names the United Kingdom).
    for f in &found {
        mark(&mut marks, f, NAMED);
    }
    found
        .retain(|f| f.found.mention.direct || marks.get(f.name_id).is_some_and(|m| m & NAMED != 0));
    // "Bengaluru FC" then "Bengaluru break": a place that a club of the blog is named
    // after is the club, unless two clubs share it.
    // Town → the club's mention in `found`, or AMBIGUOUS.
    let mut clubs: FxMap<&str, usize> = FxMap::default();
    for (i, f) in found.iter().enumerate() {
        if let Some(town) = club_town(f.kind, f.name) {
            let club = clubs.entry(town).or_insert(i);
            if found.get(*club).is_some_and(|c| c.name != f.name) {
                *club = AMBIGUOUS;
            }
        }
    }
    for i in 0..found.len() {
        let f = &found[i];
        if clubs.is_empty() || f.kind != EntityKind::Place || !f.found.mention.direct {
            continue;
        }
        let club = clubs
            .get(f.found.written.as_str())
            .and_then(|&at| found.get(at))
            .copied();
        if let Some(club) = club {
            found[i].name = club.name;
            found[i].name_id = club.name_id;
            found[i].kind = EntityKind::Org;
        }
    }
    // A name read as an organisation somewhere (an employer, an organisation's word) is one
    // everywhere. So is a place: "fighting in Ardvale" then "Ardvale was quiet" is no person.
    for f in &found {
        mark(&mut marks, f, ORG | PLACE);
    }
    for f in &mut found {
        f.recast(marks.get(f.name_id).copied().unwrap_or(0));
    }
    let patchable = credited.is_empty() && !joined && clubs.is_empty();
    #[cfg(test)]
    UNPATCHABLE.set(if joined { "joined unsure name" } else { "club" });
    let (entities, homes, keys, ranks) = merge(found, numbers.len(), page_of, spare);
    if let Some(merged) = merged {
        let left_unsure = unsure
            .into_iter()
            .map(|(_, f)| (f.name.clone(), 0))
            .collect();
        *merged = Merged {
            patchable,
            unsure: left_unsure,
            full_of,
            defined,
            fulls,
            names: numbers,
            marks,
            homes,
            made: ranks.len(),
            keys,
            ranks,
        };
    }
    (entities, None)
}

/// `map`'s number for `key`: the one copy of the lookup that the blog-wide passes and the
/// patch make in many places.
#[inline(never)]
fn number_of(map: &FxMap<String, usize>, key: &str) -> Option<usize> {
    map.get(key).copied()
}

/// Whether a name holds a letter ("14.5", "21" do not).
#[inline(never)]
fn has_letter(name: &str) -> bool {
    name.chars().any(char::is_alphabetic)
}

/// The place on the page of a mention's post (`page_of` its id).
#[inline(never)]
fn page_of_mention(page_of: &dyn Fn(Option<&str>) -> u64, m: Option<&Mention>) -> u64 {
    page_of(m.and_then(|m| m.update_id.as_deref()))
}

/// Each text's finds, and its names no rule could tell, of the posts `reads` read.
fn finds_of(reads: &[Read]) -> impl Iterator<Item = &(Vec<Found>, Vec<Found>)> {
    reads.iter().filter_map(|r| r.found.as_ref()).flatten()
}

/// The town a club is named after ("Bengaluru" of "Bengaluru FC").
fn club_town(kind: EntityKind, name: &str) -> Option<&str> {
    let (town, last) = name.rsplit_once(' ')?;
    let club =
        kind == EntityKind::Org && (is_in(CLUB_WORDS, last) || last == "FC" || last == "AFC");
    club.then_some(town)
}

/// A key of full names, or a club's town, that two of them share.
const AMBIGUOUS: usize = usize::MAX;

/// A name's marks: found directly somewhere, read as an organisation somewhere, found
/// directly as a place somewhere.
const NAMED: u8 = 1;
const ORG: u8 = 2;
const PLACE: u8 = 4;

/// How many rounds [`join_to_people`] makes: news chains a name or two ("Okafor to
/// Brandt" after "from Okafor to Tom Reyes"); a hostile text's long chains must not
/// make each round read every name again.
const JOIN_ROUNDS: usize = 4;

/// "from Okafor to Tom Reyes", "Aurier and Trippier": a one-word name no rule
/// could tell (`unsure`, by its text's index in `sources`) is a person when "and", "or" or
/// "to" joins it to a person's name, or when the blog names a person so elsewhere.
/// `sourced` gives each of `found` its text's index, and grows with it. Returns the names
/// left unsure.
fn join_to_people<'a>(
    sources: &[Located],
    found: &mut Vec<Placed<'a>>,
    sourced: &mut Vec<usize>,
    mut unsure: Vec<(usize, &'a Found)>,
) -> Vec<(usize, &'a Found)> {
    if unsure.is_empty() {
        return unsure;
    }
    // People's names by text and where they start or end (text 3, byte 140: 3 << 32 | 140),
    // in the texts that hold an unsure name, and by name (to the text that names them); a set
    // of u64, as the edit's reading keeps, and a map of the type other maps of words are,
    // cost no code of their own.
    let edge = |i: usize, at: usize| (i as u64) << 32 | at as u64;
    let mut asked = vec![false; sources.len()];
    for &(i, _) in &unsure {
        if let Some(asked) = asked.get_mut(i) {
            *asked = true;
        }
    }
    let mut edges: FxSet<u64> = FxSet::default();
    let mut people: FxMap<&str, usize> = FxMap::default();
    for (f, &i) in found.iter().zip(sourced.iter()) {
        if f.kind == EntityKind::Person {
            if asked.get(i) == Some(&true) {
                edges.insert(edge(i, f.found.mention.span.start));
                edges.insert(edge(i, f.found.mention.span.end));
            }
            people.insert(f.name, i);
        }
    }
    for _ in 0..JOIN_ROUNDS {
        let before = unsure.len();
        let mut k = 0;
        while k < unsure.len() {
            let (i, f) = &unsure[k];
            let text = sources.get(*i).map_or("", |s| s.text);
            let Span { start, end } = f.mention.span;
            let joined = ["and", "or", "to"].iter().any(|glue| {
                let after = text.get(end..).and_then(|t| t.strip_prefix(' '));
                let next = after
                    .and_then(|t| t.strip_prefix(glue))
                    .and_then(|t| t.strip_prefix(' '));
                let before = text.get(..start).and_then(|t| t.strip_suffix(' '));
                let previous = before
                    .and_then(|t| t.strip_suffix(glue))
                    .and_then(|t| t.strip_suffix(' '));
                next.is_some_and(|t| edges.contains(&edge(*i, text.len() - t.len())))
                    || previous.is_some_and(|t| edges.contains(&edge(*i, t.len())))
            });
            if joined || people.contains_key(f.name.as_str()) {
                let (i, f) = unsure.swap_remove(k);
                edges.insert(edge(i, f.mention.span.start));
                edges.insert(edge(i, f.mention.span.end));
                people.insert(&f.name, i);
                found.push(Placed::of(f));
                sourced.push(i);
            } else {
                k += 1;
            }
        }
        if unsure.len() == before {
            break;
        }
    }
    unsure
}

/// An organisation's other name given in brackets after it: an acronym ("Congress Party
/// (INC)") or the name an acronym stands for ("EBS News (Ellery Broadcasting
/// Service)"). Adds short name → full name (in `fulls`) to `defined`.
fn defined_in_brackets(
    text: &str,
    found: &[Found],
    defined: &mut FxMap<String, usize>,
    fulls: &mut Vec<String>,
) {
    for pair in found.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let bracketed = text
            .get(a.mention.span.end..b.mention.span.start)
            .is_some_and(|gap| gap.trim() == "(");
        if !bracketed || a.kind != EntityKind::Org || b.kind != EntityKind::Org {
            continue;
        }
        let lead = a.name.split(' ').next().unwrap_or("");
        let (short, full) = if is_acronym(&b.name) && !is_acronym(&a.name) {
            (&b.name, &a.name)
        } else if is_acronym(lead) && initials(&b.name) == lead {
            (&a.name, &b.name)
        } else {
            continue;
        };
        if !defined.contains_key(short) {
            defined.insert(short.clone(), fulls.len());
            fulls.push(full.clone());
        }
    }
}

fn mention(source: &Located, start: usize, len: usize, direct: bool) -> Mention {
    Mention {
        update_id: source.update_id.map(str::to_string),
        part: source.part,
        index: source.index,
        span: Span {
            start,
            end: start + len,
        },
        direct,
    }
}

/// Words pages print in capitals as badges, not as acronyms.
const BADGES: &[&str] = &[
    "BREAKING",
    "EXCLUSIVE",
    "LIVE",
    "NEW",
    "UPDATE",
    "UPDATED",
    "VIDEO",
    "WATCH",
];

/// NATO, OSCE, GAZ: three to six capitals. Two-letter capitals (TV, PM) name an
/// organisation only when the lexicon knows them (EU, UN, AP).
fn is_acronym(word: &str) -> bool {
    let caps = word.bytes().all(|b| b.is_ascii_uppercase());
    // "WIN", "LOSE": a shouted word is no acronym.
    caps && !BADGES.contains(&word)
        && !is_in(COMMON_ACRONYMS, word)
        && !is_common_word(word)
        && ((3..=6).contains(&word.len()) || (word.len() == 2 && known_org(word).is_some()))
}

/// The entities a text names, given its name runs.
/// One-word names no rule can tell go to `unsure`, as people, for [`join_to_people`].
fn names_in<'a>(
    source: &Located<'a>,
    runs: Vec<NameRun<'a>>,
    registry: &Registry,
    unsure: &mut Vec<Found>,
) -> Vec<Found> {
    let text = source.text;
    let runs = join_org_names(text, runs);
    let mut out: Vec<Found> = Vec::new();
    for run in &runs {
        if let Some(found) = national_ministry(run, source) {
            out.push(found);
        }
        // "Ellery Rovers and Kestrel Town": a name joined by "and" to an organisation's.
        let after_org = out.last().is_some_and(|f| {
            f.kind == EntityKind::Org
                && text
                    .get(f.mention.span.end..run.at)
                    .is_some_and(|gap| gap.trim() == "and")
        });
        if let Some(found) = dateline(run, source) {
            out.push(found);
            continue;
        }
        if shouted(run) {
            out.extend(places_shouted(run, source));
            continue;
        }
        if let Some((mut name, kind)) = whole_run(run) {
            // "(Australian Broadcasting Corporation)": the name without its brackets.
            let written = run.written.trim_end_matches(|c: char| !c.is_alphanumeric());
            let lead = written.len() - written.trim_start_matches(&['(', '['][..]).len();
            let written = &written[lead..];
            if let Some(owner) = owning_org(run, &out, text) {
                name = format!("{owner} {name}");
            }
            out.push(Found {
                name,
                written: written.to_string(),
                kind,
                role: None,
                mention: mention(source, run.at + lead, written.len(), true),
            });
            continue;
        }
        // Titles carry places and organisations: "US President", "Kremlin spokesman",
        // "Ukrainian President" (indirectly).
        // "Regional Flood Response Coordinator Ana Maria Reyes": the words before the
        // role are the person's employer, or a place ("New South Wales Premier"), whose
        // words name nothing more ("Wales").
        let employer = employer_in_titles(run, source);
        let place_end = employer
            .as_ref()
            .filter(|f| f.kind == EntityKind::Place)
            .map_or(0, |f| f.mention.span.end);
        let mut cursor = run.at;
        for word in &run.words[..run.name_from] {
            let at = written_at(text, cursor, word);
            cursor = at + word.len();
            if let Some(found) = title_entity(word, source, at).filter(|_| at >= place_end) {
                out.push(found);
            }
        }
        out.extend(employer);
        let name = run.name();
        if name.is_empty() {
            continue;
        }
        let name_at = written_at(text, cursor, name[0]);
        let written = &text[name_at..(run.at + run.written.len()).max(name_at)];
        let written = written.trim_end_matches(|c: char| !c.is_alphanumeric());
        let full = name.join(" ");
        let role = (run.name_from > 0).then(|| run.words[..run.name_from].join(" "));
        let make = |name: String, kind: EntityKind, direct: bool| {
            // "Follow ADN America": the mention is where the name itself is written.
            let (at, written) = match find_word(written, &name) {
                Some(i) => (name_at + i, &written[i..i + name.len()]),
                None => (name_at, written),
            };
            Found {
                role: if kind == EntityKind::Person {
                    role.clone()
                } else {
                    None
                },
                name,
                written: written.to_string(),
                kind,
                mention: mention(source, at, written.len(), direct),
            }
        };
        let classified = classify(&full, name, run, text, registry, after_org);
        // A name as surnames are written, a capital then small letters, that no rule could
        // tell: unsure.
        let simple = |word: &str| {
            let mut cs = word.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(char::is_lowercase)
                && word.len() >= 3
                && !run.possessive
                // "Morning Consult": not the end of a longer name.
                && !run.before.is_some_and(|b| b.starts_with(char::is_uppercase))
                && !registry.is_common_word(word)
                && !is_common_word(word)
                && !is_in(NOT_NAMES, word)
                && !is_opener(word)
                && !adjective_like(word)
                && !plural_noun(word)
        };
        let is_unsure = classified.is_none() && matches!(name, [word] if simple(word));
        let person = || (full.clone(), EntityKind::Person, true);
        if let Some((name, kind, direct)) = classified.or_else(|| is_unsure.then(person)) {
            let found = make(name, kind, direct);
            if is_unsure {
                unsure.push(found);
            } else {
                out.push(found);
            }
        }
    }
    out
}

/// Where `word` of a run is written, looking from byte `from` on (at `from` if not found).
fn written_at(text: &str, from: usize, word: &str) -> usize {
    find_word(&text[from..], word).map_or(from, |i| from + i)
}

/// "WAR IN THE NORTH": capitals throughout, small words included, are a shouted headline,
/// not acronyms.
fn shouted(run: &NameRun) -> bool {
    let caps = |w: &&str| !w.chars().any(char::is_lowercase);
    run.words.len() >= 2
        && run.words.iter().all(caps)
        && run
            .words
            .iter()
            .any(|w| is_article(w) || is_in(NAME_GLUE, w))
}

/// The places a shouted run names ("EXPLOSIONS IN KYIV").
fn places_shouted(run: &NameRun, source: &Located) -> Vec<Found> {
    let mut cursor = run.at;
    let mut out = Vec::new();
    for word in &run.words {
        let at = written_at(source.text, cursor, word);
        cursor = at + word.len();
        if let Some(p) = place(word) {
            out.push(Found {
                name: p.to_string(),
                written: word.to_string(),
                kind: EntityKind::Place,
                role: None,
                mention: mention(source, at, word.len(), true),
            });
        }
    }
    out
}

/// "ORVIETO, Italy", "SPRINGFIELD, Ill. (AP)": the town in capitals that opens a line
/// before its country or its state's abbreviation (a news agency's dateline) is a place,
/// named as the gazetteer or a name is written ("Orvieto"), not an acronym.
fn dateline(run: &NameRun, source: &Located) -> Option<Found> {
    let text = source.text;
    let head = text[..run.at].trim_end_matches(&[' ', '\t'][..]);
    let written = run.written.strip_suffix(',')?;
    let region = words_after(text, run.at + run.written.len(), 1).next()?;
    let abbreviation = region.len() <= 6
        && region.ends_with('.')
        && region.starts_with(char::is_uppercase)
        && region.chars().any(char::is_lowercase);
    let opens_line = head.is_empty() || head.ends_with('\n');
    let capitals = !written.chars().any(char::is_lowercase)
        && written.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    if !(opens_line && capitals && (abbreviation || place(bare(region)).is_some())) {
        return None;
    }
    let name = place(written).map_or_else(
        || {
            let mut name = String::with_capacity(written.len());
            let mut opens = true;
            for c in written.chars() {
                if opens {
                    name.push(c);
                } else {
                    name.push(crate::lowercase::lowercase(c));
                }
                opens = !c.is_alphabetic();
            }
            name
        },
        str::to_string,
    );
    Some(Found {
        name,
        written: written.to_string(),
        kind: EntityKind::Place,
        role: None,
        mention: mention(source, run.at, written.len(), true),
    })
}

/// "Ukraine’s foreign ministry", "the Russian defence ministry": a country's ministry,
/// named with its demonym ("Ukrainian foreign ministry") so both forms are one entity.
fn national_ministry(run: &NameRun, source: &Located) -> Option<Found> {
    let end = run.at + run.written.len();
    let mut next = words_after(source.text, end, 2);
    let portfolio = next.next()?;
    let ministry = next.next()?;
    let lowercase = |w: &str| w.chars().all(|c| c.is_ascii_lowercase());
    if !lowercase(portfolio) || bare(ministry) != "ministry" {
        return None;
    }
    let words = match run.words.split_first() {
        Some((first, rest)) if is_article(first) => rest,
        _ => &run.words[..],
    };
    let country = match words {
        [word] if !run.possessive => demonym(word)?,
        words if run.possessive => place(&words.join(" "))?,
        _ => return None,
    };
    let people = demonym_of(country)?;
    let written_end = source.text[end..].find(ministry).map(|i| end + i)? + "ministry".len();
    let written = &source.text[run.at..written_end];
    Some(Found {
        name: format!("{people} {portfolio} ministry"),
        written: written.to_string(),
        kind: EntityKind::Org,
        role: None,
        mention: mention(source, run.at, written.len(), true),
    })
}

/// "PEHA activates its Rescue Unit": the organisation an "its" refers to, when one is
/// named by acronym earlier in the same sentence.
fn owning_org(run: &NameRun, found: &[Found], text: &str) -> Option<String> {
    if !run.before.is_some_and(|b| b.eq_ignore_ascii_case("its")) {
        return None;
    }
    let owner = found.iter().rev().find(|f| f.kind == EntityKind::Org)?;
    let between = text.get(owner.mention.span.end..run.at)?;
    (is_acronym(&owner.written) && !between.contains(&['.', '!', '?', ';'][..]))
        .then(|| owner.written.clone())
}

/// Words that qualify a role, its rank or its portfolio ("Labour Shadow Chancellor", "Kestrel
/// Deputy Mayor", "Labour Party Finance Spokesperson", "Interior Cabinet Secretary"): no part
/// of the employer named before them, and no organisation of their own. Sorted.
const ROLE_QUALIFIERS: &[&str] = &[
    "acting",
    "cabinet",
    "deputy",
    "education",
    "finance",
    "former",
    "health",
    "home",
    "housing",
    "interim",
    "interior",
    "justice",
    "senior",
    "shadow",
    "trade",
    "transport",
];

/// The organisation named before the role in a run's titles, when a person's name follows:
/// two or more words, not a place or a people ("US President", "Ukrainian President" are
/// not organisations); or the place they name, when the gazetteer knows it ("Andhra
/// Pradesh CM").
fn employer_in_titles(run: &NameRun, source: &Located) -> Option<Found> {
    if run.name_from == 0 || run.name_from >= run.words.len() {
        return None;
    }
    let titles = &run.words[..run.name_from];
    let role = titles
        .iter()
        .position(|w| is_in(ROLE_NOUNS, w) || is_in(HONORIFICS, w))?;
    let mut before: Vec<&str> = titles[..role]
        .iter()
        .copied()
        .skip_while(|w| is_article(w))
        .collect();
    while before.last().is_some_and(|w| is_in(ROLE_QUALIFIERS, w)) {
        before.pop();
    }
    let name = before.join(" ");
    let at = written_at(source.text, run.at, before.first()?);
    // "Andhra Pradesh CM", "New South Wales Premier": a place of several words.
    if let Some(p) = place(&name).filter(|_| before.len() >= 2) {
        return Some(Found {
            name: p.to_string(),
            written: name.clone(),
            kind: EntityKind::Place,
            role: None,
            mention: mention(source, at, name.len(), true),
        });
    }
    let ok = before.len() >= 2
        && before.iter().all(|w| w.starts_with(char::is_uppercase))
        && place(&name).is_none()
        && before
            .iter()
            .all(|w| demonym(w).is_none() && place(w).is_none());
    if !ok {
        return None;
    }
    Some(Found {
        name: name.clone(),
        written: name.clone(),
        kind: EntityKind::Org,
        role: None,
        mention: mention(source, at, name.len(), true),
    })
}

/// The legal forms that end companies' names ("Edison Co", "Vessel AG"), as written: only
/// after a name, where "AG" or "SA" alone may be an attorney general or a state.
const LEGAL_FORMS: &[&str] = &["AB", "AG", "Co", "GmbH", "LLC", "LP", "NV", "SA", "SpA"];

/// A run that ends in an organisation's word names the organisation whole, titles and all:
/// "Premier League", "Territorial Defence Force", "The Associated Press". A run ending in a
/// word for a district ("Mercer County", "Donetsk Oblast") is a place.
fn whole_run(run: &NameRun) -> Option<(String, EntityKind)> {
    let whole: Vec<&str> = run
        .words
        .iter()
        .copied()
        .skip_while(|w| is_article(w) || is_in(CLAUSE_WORDS, w))
        .collect();
    let head = *whole.last()?;
    let name = whole.join(" ");
    if whole.len() < 2 || place(&name).is_some() {
        return None;
    }
    if is_in(DISTRICT_WORDS, head) {
        return Some((name, EntityKind::Place));
    }
    let org = part_in(ORG_WORDS, head) || is_in(CLUB_WORDS, head) || LEGAL_FORMS.contains(&head);
    org.then_some((name, EntityKind::Org))
}

/// What a name is, if the rules can tell: its canonical name, its kind, and whether the
/// mention is direct.
fn classify(
    full: &str,
    name: &[&str],
    run: &NameRun,
    text: &str,
    registry: &Registry,
    after_org: bool,
) -> Option<(String, EntityKind, bool)> {
    // "We've", "They’re": a pronoun's contraction.
    let contraction = |w: &str| {
        ["’", "'"].iter().any(|a| {
            ["ve", "re", "ll", "m", "d"]
                .iter()
                .any(|end| w.strip_suffix(end).is_some_and(|w| w.ends_with(a)))
        })
    };
    // "GOAL!", "FUMBLE!": a shout, not an acronym.
    let shout = run.written.ends_with('!') && !run.written.chars().any(char::is_lowercase);
    // "EVs", "MPs": an acronym made plural names things of a kind, not one organisation.
    let plural_acronym = |w: &str| {
        w.strip_suffix('s')
            .is_some_and(|stem| stem.len() >= 2 && stem.bytes().all(|b| b.is_ascii_uppercase()))
    };
    // "Today’s Spending Review": a day or a time is no one.
    if run.words.len() == 1
        && (is_in(NOT_NAMES, run.words[0])
            || is_in(TIME_WORDS, run.words[0])
            || contraction(run.words[0])
            || shout
            || plural_acronym(run.words[0]))
    {
        return None;
    }
    // "Ellery Gazette correspondent Tom Brandt", "Ellery Gazette’s Ana Reyes": a name
    // before a role and a person is the person's employer; not a person the blog names in
    // full with a title ("Netanyahu aide Dore Gold" after "Prime Minister Benjamin
    // Netanyahu"): a surname of such a name, or such a name led by a given name (a body
    // that says things is registered too: "Judicial Watch said").
    let person = || {
        registry.full_name(full).is_some()
            && (name.len() == 1 || name.first().is_some_and(|w| is_given_name(w)))
    };
    if employs(run, text) && place(full).is_none() && demonym(full).is_none() && !person() {
        return Some((
            known_org(full).unwrap_or(full).to_string(),
            EntityKind::Org,
            true,
        ));
    }
    // "A Treasury official", "The Pentagon": an article opening a sentence is no part of it.
    // "But Leonid Kalashnikov": a capitalised small word opening a sentence is no part of it.
    let name = match name.split_first() {
        Some((first, rest))
            if !rest.is_empty() && (is_in(CLAUSE_WORDS, first) || is_article(first)) =>
        {
            rest
        }
        _ => name,
    };
    let joined;
    let full = if name.len() == run.name().len() {
        full
    } else {
        joined = name.join(" ");
        &joined
    };
    if let Some(p) = place(full) {
        // "beat Milan 2-1", "Leeds v Bremen": a town in a match is its team; a country
        // stays a place, as news names a national side.
        if plays(run, text) && demonym_of(p).is_none() {
            return Some((full.to_string(), EntityKind::Org, true));
        }
        return Some((p.to_string(), EntityKind::Place, true));
    }
    // "St Petersburg", "St Lucie": a saint's name is a place's (or a church's), no person's.
    if let Some((&"St" | &"St.", rest)) = name.split_first().filter(|(_, r)| !r.is_empty()) {
        let saint = place(&format!("Saint {}", rest.join(" ")));
        if let Some(p) = saint {
            return Some((p.to_string(), EntityKind::Place, true));
        }
        return placed(full, run, text).then(|| (full.to_string(), EntityKind::Place, true));
    }
    // "Tipperary North", "Dublin Mid West": a place and the part of it a compass names (an
    // electoral district, a region) is one place.
    if let Some((first, rest)) = name.split_first() {
        let known = place(first).or_else(|| word_place(first)).is_some();
        if !rest.is_empty() && known && rest.iter().all(|w| is_in(COMPASS, w)) {
            return Some((full.to_string(), EntityKind::Place, true));
        }
    }
    if let Some(org) = known_org(full) {
        return Some((org.to_string(), EntityKind::Org, true));
    }
    // "Gen Z", "Plan B": a letter is nobody's name. "Autumn Statement", "Finance Bill": an
    // event or a law is nobody's either.
    let event = name.len() > 1 && name.last().is_some_and(|w| is_in(EVENT_WORDS, w));
    if name.iter().all(|w| w.chars().count() < 2) || event {
        return None;
    }
    // An organisation's word anywhere makes an organisation only of a joined name ("Ellery
    // Board of the Docks"); otherwise it must be the head ("Brigade Combat Teams"
    // are not one).
    let joined_name = name.iter().any(|w| is_in(NAME_GLUE, w));
    let org_word = if joined_name || name.len() == 1 {
        name.iter().any(|w| part_in(ORG_WORDS, w))
    } else {
        name.last().is_some_and(|w| part_in(ORG_WORDS, w))
    };
    if name.len() == 1 {
        let word = name[0];
        // "13th", "2nd": a number names nothing.
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        // A common organisation noun opening a sentence ("Airlines changed plans", "Police
        // said") is not a name; "the Pentagon" or "the Kremlin" inside a sentence is.
        let opens_sentence = run.opens_sentence();
        // "First Nations": an organisation's word after a capitalised opener is a phrase
        // of its own, not a body called "Nations".
        let after_opener = run
            .before
            .is_some_and(|b| b.starts_with(char::is_uppercase) && is_opener(bare(b)));
        if org_word && after_opener {
            return None;
        }
        if (is_acronym(word) && !is_in(TITLE_WORDS, word)) || (org_word && !opens_sentence) {
            return Some((word.to_string(), EntityKind::Org, true));
        }
        if let Some(country) = demonym(word) {
            return Some((country.to_string(), EntityKind::Place, false));
        }
        if let Some(person) = registry.full_name(word) {
            return Some((person.to_string(), EntityKind::Person, true));
        }
        if corporate(run, text) || camel_case(word) || published(run, text) {
            return Some((full.to_string(), EntityKind::Org, true));
        }
        // "Goa", "Apple": a name that is also a word is a name inside a sentence of a blog
        // that never writes the word in lower case.
        // "Ford is cutting jobs": opening a sentence, as the subject of a verb, too.
        let named_here = !opens_sentence || acts_as_subject(word, run, text);
        if named_here && !registry.is_common_word(word) {
            if let Some(p) = word_place(word) {
                return Some((p.to_string(), EntityKind::Place, true));
            }
            if let Some(org) = word_org(word) {
                return Some((org.to_string(), EntityKind::Org, true));
            }
        }
        // "said Patil": a name after a verb of speech, inverted, is who spoke.
        if spoke_before(run, text) && !registry.is_common_word(word) && !is_acronym(word) {
            return Some((full.to_string(), EntityKind::Person, true));
        }
        // "Germany’s Lufthansa": a country's unknown one-word name is a company or a body.
        let country_owned = run.before.is_some_and(|b| {
            let owner = possessive_owner(b);
            // The owner is the country alone, not the end of a name ("ADN America’s").
            let alone = !text[..run.at]
                .trim_end()
                .rsplit(' ')
                .nth(1)
                .is_some_and(|w| w.starts_with(char::is_uppercase));
            alone && owner.is_some_and(|o| place(o).is_some())
        }) && word.chars().any(char::is_lowercase);
        if country_owned {
            return Some((full.to_string(), EntityKind::Org, true));
        }
        // "Dr Young": an honorific makes a person of one word.
        let honoured = run.words[..run.name_from]
            .iter()
            .any(|w| is_in(HONORIFICS, w));
        if honoured && !is_acronym(word) {
            return Some((full.to_string(), EntityKind::Person, true));
        }
        // "Play resumed", "Police said": a word the blog also writes in lower case.
        // "Drones hit…": a plural the blog writes in lower case ("a drone") is no name.
        let plural_of_word = word
            .strip_suffix('s')
            .is_some_and(|w| registry.is_common_word(w));
        // "…,” Jobs says": a name between a quote and its verb of speech is who spoke,
        // whatever word it also is.
        let after_quote = run.before.is_some_and(|b| b.ends_with(&['"', '”'][..]));
        if after_quote && run.cue_follows && !is_acronym(word) {
            return Some((full.to_string(), EntityKind::Person, true));
        }
        if (acts_as_subject(word, run, text) || in_play(run, text))
            && !registry.is_common_word(word)
            && !is_common_word(word)
            && !plural_of_word
        {
            return Some((full.to_string(), referred_kind(run, text), true));
        }
        // "said on Twitter", "a post on Telegram": a name after "on" is a platform where
        // something is said; not where strikes fall or a craft lands ("strikes on
        // Pokrovsk", "landed on Mars").
        // Not a thing's capitals ("on DVD").
        // Not a word the blog writes in lower case ("the war on terror … on Terror"), nor
        // a work's title in quotes ("a project on “Women in Power”").
        let said_on = || {
            let before = text[..run.at].trim_end().strip_suffix("on");
            let Some(verb) = before.and_then(|b| b.split_whitespace().next_back()) else {
                return false;
            };
            let verb = bare(verb);
            is_in(CUE_VERBS, verb)
                || is_in(SPEECH_NOUNS, verb)
                || is_in(DOCUMENT_NOUNS, verb)
                || is_in(MEDIA_WORDS, verb)
        };
        if run.before.is_some_and(|b| b.eq_ignore_ascii_case("on"))
            && said_on()
            && !run.first
            && !is_in(COMMON_ACRONYMS, word)
            && !registry.is_common_word(word)
            && !run.written.starts_with(&['"', '“', '‘'][..])
        {
            return Some((full.to_string(), EntityKind::Org, true));
        }
        // "in Power", "in Sunshine": a word is no place.
        let word_like = registry.is_common_word(word) || is_common_word(word);
        return (placed(full, run, text) && !word_like)
            .then(|| (full.to_string(), EntityKind::Place, true));
    }
    let club = name.last().is_some_and(|w| is_in(CLUB_WORDS, w)) || team(name, registry);
    // "National Farmers Movement (NFM)": a name whose initials follow it in brackets.
    let acronym_defined = !run.written.ends_with(&[',', '.', ';', ':'][..])
        && words_after(text, run.at + run.written.len(), 1)
            .next()
            .is_some_and(|w| {
                w.strip_prefix('(')
                    .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
                    .is_some_and(|acronym| is_acronym(acronym) && initials(full) == acronym)
            });
    if org_word
        || club
        || name.contains(&"&")
        || acronym_defined
        || published(run, text)
        || (corporate(run, text) && !name.iter().any(|w| is_given_name(w)))
        || (fields_members(run, text) && !name.iter().any(|w| is_given_name(w)))
    {
        return Some((full.to_string(), EntityKind::Org, true));
    }
    if let Some(person) = registry.full_name(full) {
        return Some((person.to_string(), EntityKind::Person, true));
    }
    if let Some(org) = acronym_led(name, run) {
        return Some((org, EntityKind::Org, true));
    }
    // "Austrian Judith Wiesner", "South African Ann Botha": a nationality before a person's
    // name is no part of it.
    let nationality = (1..=2)
        .rev()
        .find(|&k| name.len() >= k + 2 && demonym(&name[..k].join(" ")).is_some());
    let (name, full) = match nationality {
        Some(k) => (&name[k..], name[k..].join(" ")),
        None => (name, full.to_string()),
    };
    let full = full.as_str();
    let titled = run.words[..run.name_from]
        .iter()
        .any(|w| is_in(HONORIFICS, w) || is_in(ROLE_NOUNS, w));
    // "State Ana Reyes" (of "Secretary of State Ana Reyes"): a given name inside a
    // run starts the person's name.
    let given = name[..name.len() - 1]
        .iter()
        .position(|w| w.len() >= 3 && is_given_name(w));
    // "African Americans", "Costa Rican": a people is no person.
    let plain = name
        .iter()
        .all(|w| place(w).is_none() && demonym(w.strip_suffix('s').unwrap_or(w)).is_none())
        && demonym(full).is_none()
        && is_plain(name);
    let after_colon = run.follows_sentence_end();
    if after_org && !titled && !run.cue_follows {
        return Some((full.to_string(), EntityKind::Org, true));
    }
    if plain && name.len() <= 4 {
        // "Scott Murray’s report": a given name makes a person of a possessive too.
        if let Some(at) = given.filter(|_| !after_colon) {
            return Some((name[at..].join(" "), EntityKind::Person, true));
        }
        let spoke = run.cue_follows || spoke_before(run, text);
        if !run.possessive && (titled || spoke || followed_by_role(run, text)) {
            return Some((full.to_string(), EntityKind::Person, true));
        }
        // "connects with Jordy Nelson": two or three names inside a sentence, none a word
        // the blog writes in lower case, are a person's.
        // "Goal Tavor Senga", "Substitution Ann Holt": a line of a word and a name is a label
        // and a person's name.
        let label_line = run.first && text.trim_end().len() == run.at + run.written.len();
        let label =
            label_line && name.len() == 3 && is_common_word(name[0]) && !is_given_name(name[0]);
        let names = if label { &name[1..] } else { name };
        let names_only = names.iter().all(|w| {
            let mut cs = w.chars();
            // "Randle-El", "O’Brien": a capital may follow a hyphen or an apostrophe.
            let mut previous = ' ';
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| {
                    let ok = c.is_lowercase()
                        || matches!(c, '-' | '\'' | '’')
                        || (c.is_uppercase() && matches!(previous, '-' | '\'' | '’'));
                    previous = c;
                    ok
                })
                && !registry.is_common_word(w)
                && !is_common_word(w)
                && !is_in(NOT_NAMES, w)
        });
        if label && names_only {
            return Some((names.join(" "), EntityKind::Person, true));
        }
        if (2..=3).contains(&name.len())
            && names_only
            && !title_case(text, run)
            // "the Hang Seng fell": news writes no article before a person's name.
            && !run.before.is_some_and(is_article)
            // "Kalu Ogba shoots": opening a sentence, as the subject of a verb.
            && (!run.opens_sentence() || acts_as_subject(name[name.len() - 1], run, text))
        {
            return Some((full.to_string(), EntityKind::Person, true));
        }
    }
    placed(full, run, text).then(|| (full.to_string(), EntityKind::Place, true))
}

/// "Chicago Cubs", "Toronto Blue Jays": a place and a plural after it, in capitals, name a
/// team. Not a place's own words ("Palm Springs", "Islands"), nor a people ("Kosovo
/// Albanians"), nor a plural the blog writes in lower case ("US Markets").
fn team(name: &[&str], registry: &Registry) -> bool {
    let plural = name.last().is_some_and(|w| {
        let stem = w.strip_suffix('s').unwrap_or("");
        stem.len() >= 3
            && !stem.ends_with('s')
            && demonym(stem).is_none()
            && !registry.is_common_word(w)
    });
    let worded = |w: &&str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.all(char::is_lowercase)
            && !is_in(PLACE_WORDS, w)
            && !is_in(DISTRICT_WORDS, w)
            && !is_in(COMPASS, w)
    };
    plural
        && (1..name.len())
            .any(|k| name[k..].iter().all(worded) && place(&name[..k].join(" ")).is_some())
}

/// A headline in title case ("Chancellor Cuts Fuel Duty For Drivers"): most of its words of
/// four letters or more, the run's own left out, open with a capital.
fn title_case(text: &str, run: &NameRun) -> bool {
    let (mut long, mut capitals) = (0, 0);
    for w in text.split_whitespace().map(bare) {
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !run.words.contains(&w) {
            long += 1;
            capitals += usize::from(w.starts_with(char::is_uppercase));
        }
    }
    long >= 2 && capitals * 3 > long * 2
}

/// "ADN America", "BBC Radio": a name led by an acronym (not a country's) and no person's,
/// from the acronym on; words before it only when they open the sentence ("Follow ADN
/// America’s live updates").
fn acronym_led(name: &[&str], run: &NameRun) -> Option<String> {
    let at = name
        .iter()
        .position(|w| is_acronym(w) && !is_in(TITLE_WORDS, w) && place(w).is_none())?;
    let rest = &name[at + 1..];
    let leads = (at == 0 || run.opens_sentence())
        && !rest.is_empty()
        && rest
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && !is_given_name(w) && !is_acronym(w))
        // "WAR IN UKRAINE" is a shouted headline, not an acronym's name.
        && rest.iter().any(|w| w.chars().any(char::is_lowercase));
    leads.then(|| name[at..].join(" "))
}

/// Whether what follows a run is a role and a name, or (after a possessive) a name: the
/// run employs that person.
fn employs(run: &NameRun, text: &str) -> bool {
    let end = run.at + run.written.len();
    let next: Vec<&str> = words_after(text, end, 3).collect();
    let role_then_name = next.len() >= 2
        && next[0].chars().all(char::is_lowercase)
        && is_in(ROLE_NOUNS, bare(next[0]))
        && next[1].starts_with(char::is_uppercase);
    let owner_of_name = run.possessive
        && next.len() >= 2
        && next[0].starts_with(char::is_uppercase)
        && next[1].starts_with(char::is_uppercase);
    !run.written.ends_with(&[',', '.', ';', ':'][..]) && (role_then_name || owner_of_name)
}

/// "Routledge is booked", "Eriksen floats a ball", "Zelensky reveals": a name no other rule
/// knows, followed by a singular verb, is a person named by surname. Words with an abstract
/// noun's ending ("Turnout was") are not.
fn acts_as_subject(word: &str, run: &NameRun, text: &str) -> bool {
    const ABSTRACT: &[&str] = &[
        "tion", "sion", "ment", "ness", "ity", "ing", "ism", "ance", "ence", "ure", "age", "out",
        "ship", "ics",
    ];
    // Sorted: is_in searches by halves.
    const VERBS: &[&str] = &[
        "can", "could", "had", "has", "is", "said", "says", "was", "will", "would",
    ];
    let end = run.at + run.written.len();
    // The verb first: most names are followed by none, and the rest is not read then.
    let mut after = words_after(text, end, 2);
    let Some(next) = after.next() else {
        return false;
    };
    // "…, Okoro said.": a verb of the list may end the sentence.
    let stem = next.trim_end_matches(&['.', ',', '!'][..]);
    if !stem.chars().all(|c| c.is_lowercase()) {
        return false;
    }
    // "floats a ball", "wins the header", "gets into space", "introduces Randy Newman":
    // a singular verb is followed by what verbs take; a plural noun ("Rail services
    // suspended", "suspected Moslem militants.") is not.
    let verb_like = next.len() > 3
        && next.ends_with('s')
        && !next.ends_with("ss")
        && after.next().map(bare).is_some_and(|w| {
            is_in(OBJECT_WORDS, w) || is_article(w) || w.starts_with(char::is_uppercase)
        });
    if !(is_in(VERBS, stem) || verb_like) {
        return false;
    }
    // Function words opening a sentence, adjectives and a people's plural ("Western",
    // "Americans"); "Jobs" and "Williams" end in an s too.
    let not_a_name = || {
        is_in(CLAUSE_WORDS, word)
            || run
                .before
                .is_some_and(|b| is_article(b) || is_in(CLAUSE_WORDS, bare(b)))
            || run.words.first().is_some_and(|w| is_article(w))
            || is_in(super::lexicon::PRONOUNS, word)
            || word.contains('-')
            || adjective_like(word)
            || plural_noun(word)
            || word.strip_suffix('s').is_some_and(|w| demonym(w).is_some())
    };
    !run.written.ends_with(&[',', '.', ';', ':'][..])
        && !ABSTRACT.iter().any(|e| ends_with_folded(word, e))
        && word.chars().any(char::is_lowercase)
        && !not_a_name()
}

/// What a player does with the ball, and a match report names by its player ("Osano's
/// header", "a cute Brandt pass", "Reyes with a long shot"); not what a company makes
/// or does too ("drive", "effort", "strike"). Sorted: searched by halves.
const PLAYS: &[&str] = &[
    "backhand",
    "cross",
    "forehand",
    "free-kick",
    "header",
    "lob",
    "pass",
    "serve",
    "shot",
    "tackle",
    "volley",
];

/// What happens to the ball or a player at another player's hands ("saved by Okafor",
/// "fouled by Brandt", "bowled by Patil"). Sorted: searched by halves.
const PLAYED_BY: &[&str] = &[
    "blocked",
    "bowled",
    "caught",
    "cleared",
    "denied",
    "fouled",
    "headed",
    "intercepted",
    "parried",
    "replaced",
    "saved",
    "stumped",
    "substituted",
    "tackled",
    "tripped",
];

/// "saved by Okafor", "Osano's header", "a cute Brandt pass", "Reyes with a long shot",
/// "Patil to Brandt, FOUR": a match report names its players by surname alone, in the
/// slots of who plays the ball. A town or a team there is known by other rules before
/// this one (a place by the gazetteer, a club by its word).
fn in_play(run: &NameRun, text: &str) -> bool {
    // "PC", "VAR": capitals throughout are no surname.
    if !run
        .words
        .last()
        .is_some_and(|w| w.chars().any(char::is_lowercase))
    {
        return false;
    }
    let end = run.at + run.written.len();
    let set_off = run.written.ends_with(&[',', '.', ';', ':'][..]);
    let mut after = words_after(text, end, 4).map(bare);
    let next = after.next();
    // "Osano's header", "Osano's fine header"; "a cute Brandt pass".
    let plays_next = |n: usize| {
        words_after(text, end, n)
            .take_while(|w| w.chars().all(|c| !c.is_uppercase()))
            .any(|w| is_in(PLAYS, bare(w)))
    };
    let owned = run.possessive && plays_next(2);
    // Words before the run, nearest first.
    let before = || text[..run.at].split_whitespace().rev().map(bare);
    // An article or a determiner opens the phrase: "Quillmont shot up" is a verb's.
    let modifies = !run.possessive
        && !set_off
        && next.is_some_and(|w| is_in(PLAYS, w))
        && before().take(2).any(is_determiner);
    // "Reyes with a long shot", opening a sentence.
    let with = run.opens_sentence() && !set_off && next == Some("with") && plays_next(4);
    // "headed behind by Mawson", "well saved by Soram".
    let by = run.before == Some("by") && before().skip(1).take(2).any(|w| is_in(PLAYED_BY, w));
    // "Patil to Brandt, FOUR", "Patil to Brandt, no run": a bowler to a batter, and the ball.
    let ball = !set_off
        && next == Some("to")
        && after
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words_after(text, end, 2)
            .nth(1)
            .is_some_and(|w| w.ends_with(','))
        && after.next().is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_digit())
                || is_in(&["byes", "four", "leg", "no", "out", "six", "wide"][..], w)
        });
    owned || modifies || with || by || ball
}

/// How far after a name its sentence is read for the pronoun that takes it up.
const PRONOUN_REACH: usize = 12;

/// "Ofcom said its ruling stands", "Quillmont is selling its stake": the first pronoun of
/// its sentence after a name that no rule could tell but its verb takes the name up, and
/// "its" makes it a body or a company, not a person ("he", "she", "who" keep it one).
/// Read up to another name or a noun with an article, which the pronoun may take up
/// instead ("… with Brennock and its partners", "Okoro said the party and its…"), or to a
/// comma; a day or a month is no such name.
fn referred_kind(run: &NameRun, text: &str) -> EntityKind {
    let end = run.at + run.written.len();
    for w in words_after(text, end, PRONOUN_REACH) {
        let word = bare(w);
        if is_in(&["its", "itself"][..], word) {
            return EntityKind::Org;
        }
        // Sorted: is_in searches by halves.
        let personal = is_in(
            &["he", "her", "him", "his", "she", "who", "whose"][..],
            word,
        );
        let named = word.starts_with(char::is_uppercase) && !is_in(TIME_WORDS, word);
        // "Okoro said the party and its…": a noun of its own, or a clause, comes between.
        if personal || named || is_article(word) || w.ends_with(&[',', '.', '!', '?', ':', ';'][..])
        {
            break;
        }
    }
    EntityKind::Person
}

/// Whether `word` ends with `end` (lower case) in any ASCII case, without a lower-cased copy.
fn ends_with_folded(word: &str, end: &str) -> bool {
    let (word, end) = (word.as_bytes(), end.as_bytes());
    word.len() >= end.len() && word[word.len() - end.len()..].eq_ignore_ascii_case(end)
}

/// "Firefighters", "Investigators", "Lawmakers": a long plural of a doer, people of a
/// trade rather than someone's surname (those of its ending are short: "Saunders").
fn plural_noun(word: &str) -> bool {
    word.len() >= 9
        && ["ers", "ors", "ists"].iter().any(|e| word.ends_with(e))
        && word.chars().skip(1).all(char::is_lowercase)
}

/// "Western", "European", "Chinese": an adjective's ending, or a people's; not a Slavic
/// surname's ("Djokovic", "Vucic").
fn adjective_like(word: &str) -> bool {
    ["an", "ic", "ern", "ese", "ish"]
        .iter()
        .any(|e| ends_with_folded(word, e))
        && !ends_with_folded(word, "vic")
        || demonym(word).is_some()
}

/// "Acme’s shares", "Acme’s US business", "its rival, Acme,": what a company has, or a
/// company's name set off after a word for one.
fn corporate(run: &NameRun, text: &str) -> bool {
    // Sorted: is_in searches by halves.
    const HOLDINGS: &[&str] = &[
        "business",
        "customers",
        "earnings",
        "float",
        "listing",
        "profits",
        "revenue",
        "sales",
        "shareholders",
        "shares",
        "stores",
        "subsidiary",
        "takeover",
        "valuation",
    ];
    const FIRMS: &[&str] = &[
        "brand",
        "business",
        "company",
        "firm",
        "owner",
        "rival",
        "subsidiary",
    ];
    let end = run.at + run.written.len();
    // The noun owned, or the one after a modifier ("Acme’s US business").
    let owns = run.possessive
        && words_after(text, end, 2)
            .take_while(|w| !w.ends_with(&[',', '.', ';', ':'][..]) || is_in(HOLDINGS, bare(w)))
            .any(|w| is_in(HOLDINGS, bare(w)));
    let set_off = run.written.ends_with(',')
        && run
            .before
            .and_then(|b| b.strip_suffix(','))
            .is_some_and(|b| is_in(FIRMS, b));
    // "shares in Acme", "a stake in Acme", "Acme shares fell": what is traded is a company.
    let stock = |w: &str| {
        ["shares", "stake", "stakes", "stock"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(w))
    };
    let traded = run.before.is_some_and(|b| matches!(b, "in" | "of"))
        && text[..run.at]
            .split_whitespace()
            .nth_back(1)
            .is_some_and(stock);
    let trades = !run.possessive
        && !run.written.ends_with(&[',', '.', ';', ':'][..])
        && words_after(text, end, 1).next().is_some_and(stock);
    owns || set_off || traded || trades
}

/// "the daily Le Monde", "news agency Tanjug", "the Clarion newspaper": a name beside a
/// word for a paper or an agency is its title.
fn published(run: &NameRun, text: &str) -> bool {
    // Sorted: is_in searches by halves.
    const PRESS: &[&str] = &[
        "agency",
        "broadcaster",
        "daily",
        "magazine",
        "newspaper",
        "tabloid",
        "weekly",
    ];
    let mut next = words_after(text, run.at + run.written.len(), 2).map(bare);
    let after = match next.next() {
        Some("news") => next.next() == Some("agency"),
        Some(w) => matches!(w, "magazine" | "newspaper" | "tabloid"),
        None => false,
    };
    // "If newspaper endorsements…": a word of a sentence's own is no title.
    let titled = !run
        .words
        .iter()
        .any(|w| !is_article(w) && (is_common_word(w) || is_in(CLAUSE_WORDS, w)));
    run.before.is_some_and(|b| is_in(PRESS, b))
        || after && titled && !run.possessive && !run.written.ends_with(&[',', '.', ';', ':'][..])
}

/// "FanDuel", "AstraZeneca": a word with a capital inside it, as brands write their names;
/// not a surname's prefix ("McCarthy", "MacLeod", "DeSantis", "LeBron", "O’Brien").
fn camel_case(word: &str) -> bool {
    let inner = word
        .char_indices()
        .skip(1)
        .find(|&(i, c)| c.is_uppercase() && word[..i].ends_with(char::is_lowercase));
    inner.is_some_and(|(i, _)| {
        ![
            "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von",
        ]
        .contains(&&word[..i])
    }) && !word.contains(&['-', '’', '\''][..])
}

/// "the two Harbour Party candidates", "Sinn Féin TDs": a name that fields candidates or
/// members of a parliament is a party.
fn fields_members(run: &NameRun, text: &str) -> bool {
    // Sorted: is_in searches by halves.
    const MEMBERS: &[&str] = &[
        "candidate",
        "candidates",
        "councillor",
        "councillors",
        "manifesto",
        "mep",
        "meps",
        "mp",
        "mps",
        "td",
        "tds",
    ];
    let end = run.at + run.written.len();
    !run.possessive
        && !run.written.ends_with(&[',', '.', ';', ':'][..])
        && words_after(text, end, 1).any(|w| is_in(MEMBERS, bare(w)))
}

/// "Tom Brandt, head of the panel": a name set off by a comma and a role; "Ann Holt, 52,":
/// or by an age.
fn followed_by_role(run: &NameRun, text: &str) -> bool {
    let end = run.at + run.written.len();
    let age = |w: &str| {
        w.strip_suffix(',')
            .is_some_and(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
    };
    run.written.ends_with(',')
        && words_after(text, end, 3).enumerate().any(|(i, w)| {
            is_in(ROLE_NOUNS, bare(w)) || is_in(HONORIFICS, bare(w)) || (i == 0 && age(w))
        })
}

/// The run follows a verb of speech that news inverts after a quote or a clause ("…," said
/// Patil): its subject. "Gove said Johnson…" is not inverted.
fn spoke_before(run: &NameRun, text: &str) -> bool {
    // Sorted: is_in searches by halves.
    const INVERTED: &[&str] = &[
        "added",
        "asked",
        "continued",
        "explained",
        "insisted",
        "said",
        "says",
        "wrote",
    ];
    run.before.is_some_and(|verb| {
        let head = text[..run.at].trim_end();
        is_in(INVERTED, verb)
            && head.strip_suffix(verb).is_some_and(|h| {
                h.trim_end()
                    .ends_with(&[',', '"', '”', '’', '\'', '?', '!'][..])
            })
    })
}

/// "beat Milan", "a win over Leeds", "lost to Bremen", "Leeds drew", "Porto v Lyon": a
/// name on a side of a match.
fn plays(run: &NameRun, text: &str) -> bool {
    // Sorted: is_in searches by halves.
    const RESULTS: &[&str] = &["defeat", "draw", "loss", "lost", "victory", "win"];
    let side = |w: &str| matches!(w, "v" | "v." | "vs" | "vs.");
    let mut back = text[..run.at].split_whitespace().rev();
    let before = back.next().unwrap_or("");
    let result = back.next().is_some_and(|w| is_in(RESULTS, w));
    let after = words_after(text, run.at + run.written.len(), 1).next();
    side(before)
        || before == "beat"
        || result && matches!(before, "against" | "by" | "of" | "over" | "to" | "with")
        || !run.written.ends_with(&[',', '.', ';', ':'][..])
            && after.is_some_and(|w| side(w) || matches!(w, "beat" | "drew" | "lost"))
}

/// An unknown name in a place's position: after "in" or "near", or before
/// ", Country" ("Avdiivka, Ukraine"); not a street ("Grange Road, Kilkenny").
fn placed(full: &str, run: &NameRun, text: &str) -> bool {
    if run.possessive
        || full.split(' ').count() > 3
        || full
            .rsplit(' ')
            .next()
            .is_some_and(|w| is_in(STREET_WORDS, w))
    {
        return false;
    }
    // "a cut in National Insurance", "a rise in Medicare costs": "in" after a change is in
    // an amount, not a place. Sorted.
    const CHANGES: &[&str] = &[
        "cut",
        "cuts",
        "decline",
        "drop",
        "fall",
        "freeze",
        "growth",
        "hike",
        "increase",
        "jump",
        "reduction",
        "rise",
        "slump",
        "surge",
    ];
    let change_before = || {
        text[..run.at]
            .trim_end()
            .rsplit(' ')
            .nth(1)
            .is_some_and(|w| is_in(CHANGES, w))
    };
    let after_preposition = run
        .before
        .is_some_and(|b| ["in", "near"].iter().any(|p| p.eq_ignore_ascii_case(b)))
        && !change_before();
    let end = run.at + run.written.len();
    // "Kontogiannis, Athens Newsroom": the place is the whole name after the comma, or
    // the place and a word for a place ("Ballynagee, Wexford Town").
    let before_country = || {
        let mut after = words_after(text, end, 2);
        let next = after.next();
        let whole = next.is_some_and(|w| {
            w.ends_with(&[',', '.', ';', ':'][..])
                || !after.next().map(bare).is_some_and(|w| {
                    w.starts_with(char::is_uppercase)
                        && !(is_in(PLACE_WORDS, w) || is_in(DISTRICT_WORDS, w) || w == "Town")
                })
        });
        run.written.ends_with(',')
            && whole
            && next.map(bare).is_some_and(|next| {
                // "Margao, Goa": a place named by a word, capitalised.
                let word_named = next.starts_with(char::is_uppercase) && word_place(next).is_some();
                (place(next).is_some() || word_named) && demonym(next).is_none()
            })
    };
    // "the Zolotiv district", "Ellery state, 12 in Norland": a name before a region's word
    // in lower case. "state" only where a clause goes on after it, not before a noun ("a
    // state visit", "state media").
    let mut after = words_after(text, end, 2);
    let before_region = !run.written.ends_with(&[',', '.', ';', ':'][..])
        && after.next().is_some_and(|word| {
            let region = bare(word);
            let clause_goes_on = word.ends_with(&[',', '.', ';', ':'][..])
                || after.next().is_none_or(|w| is_in(CLAUSE_WORDS, bare(w)));
            region.starts_with(char::is_lowercase)
                && (is_in(DISTRICT_WORDS, region) || region == "state" && clause_goes_on)
        });
    before_region || !run.first && (after_preposition || before_country())
}

/// An entity that a title word names: a country ("US"), a demonym ("Ukrainian", indirectly),
/// an acronym or an organisation word ("NATO", "Kremlin").
fn title_entity(word: &str, source: &Located, at: usize) -> Option<Found> {
    let (name, kind, direct) = if let Some(p) = place(word) {
        (p.to_string(), EntityKind::Place, true)
    } else if let Some(country) = demonym(word) {
        (country.to_string(), EntityKind::Place, false)
    } else if let Some(org) = known_org(word) {
        (org.to_string(), EntityKind::Org, true)
    } else if (is_acronym(word) && !is_in(TITLE_WORDS, word))
        || (is_in(ORG_WORDS, word)
            && word.starts_with(char::is_uppercase)
            // "POLICE UPDATE": a shouted common noun heads a line, it names no one.
            && word.chars().any(char::is_lowercase)
            && !is_in(ROLE_QUALIFIERS, word))
    {
        (word.to_string(), EntityKind::Org, true)
    } else {
        return None;
    };
    Some(Found {
        name,
        written: word.to_string(),
        kind,
        role: None,
        mention: mention(source, at, word.len(), direct),
    })
}

/// Joins organisation names split by small words: "Ellery Board" + "of the" + "Docks",
/// "Council" + "for" + "Trade" + "and" + "Co-operation" + "in" + "Ellery"; and the
/// places the gazetteer names so ("Trinidad" + "and" + "Tobago").
fn join_org_names<'a>(text: &'a str, runs: Vec<NameRun<'a>>) -> Vec<NameRun<'a>> {
    let mut out: Vec<NameRun<'a>> = Vec::new();
    let mut joined_by_for = false;
    let mut joined_by_of = false;
    for run in runs {
        if let Some(last) = out.last_mut() {
            let gap = &text[last.at + last.written.len()..run.at];
            let glue = gap.trim();
            let glued = |word: &str| glue.eq_ignore_ascii_case(word);
            let by_and = glued("and");
            // "Marks & Spencer", "Goldman Sachs & Co": an ampersand joins one name.
            let ampersand = glue == "&";
            // "Ministry of Trade and Industry": the second portfolio of a body's "of".
            let portfolio = joined_by_of && run.words.len() <= 2;
            let small = glued("of") || glued("of the") || glued("for");
            // "Liberation Front of Ardenia (LFA)": the initials in brackets after the names
            // spell them whole.
            let spelt = || {
                let bracket = words_after(text, run.at + run.written.len(), 1).next();
                let acronym = bracket
                    .and_then(|w| w.strip_prefix('('))
                    .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
                acronym.is_some_and(|a| {
                    is_acronym(a)
                        && initials(&format!("{} {}", last.words.join(" "), run.words.join(" ")))
                            == a
                })
            };
            let fits = small || ((by_and || glued("in")) && joined_by_for) || (by_and && portfolio);
            let head_is_org =
                || run.name_from == 0 && run.words.last().is_some_and(|w| part_in(ORG_WORDS, w));
            // "Securities and Exchange Commission", "Truth and Reconciliation Commission": a
            // common noun joined by "and" to a body's name is part of it.
            let noun_and = || {
                by_and
                    && matches!(
                        last.words[..],
                        [_] | [_, _] if last.words.len() == 1 || is_article(last.words[0])
                    )
                    && last.words.last().is_some_and(|&noun| {
                        // "House and Senate": two bodies. "Securities": a plural in -ies of
                        // a common word in -y.
                        let ies = |stem: &str| is_common_word(&format!("{stem}y"));
                        (is_common_word(noun) || noun.strip_suffix("ies").is_some_and(ies))
                            && place(noun).is_none()
                            && !part_in(ORG_WORDS, noun)
                    })
                    && last.name_from <= usize::from(is_article(last.words[0]))
                    && head_is_org()
            };
            // "National Farmers' Union", "People's Liberation Army": a plural closing a name
            // of words ("Farmers'") and owning a body's head words is part of its name; a name
            // owning one is its owner ("Sanders' Senate", "Russia's Defence Ministry", "AMR
            // Corp's American Airlines", "the Netherlands' ING Group").
            let owner = last.written.rsplit(' ').next().unwrap_or("");
            let people = ["People", "Women", "Children", "Men"].iter().any(|p| {
                owner
                    .strip_prefix(p)
                    .is_some_and(|s| s == "'s" || s == "’s")
            });
            let plural = people
                || ["s'", "s’"].iter().any(|e| owner.ends_with(e))
                    && last.words.len() >= 2
                    && !is_given_name(last.words[0]);
            let owned_by_noun = glue.is_empty()
                && plural
                && place(&last.words.join(" ")).is_none()
                && !last
                    .words
                    .iter()
                    .any(|w| place(w).is_some() && w.ends_with('s') || part_in(ORG_WORDS, w))
                && head_is_org();
            if owned_by_noun {
                if let Some(word) = last.words.last_mut() {
                    *word = owner;
                }
                last.written = &text[last.at..run.at + run.written.len()];
                last.words.extend(run.words.iter().copied());
                last.possessive = run.possessive;
                continue;
            }
            // Only a gap of glue words joins: most gaps are read no further.
            let joins = (fits || by_and || ampersand)
                && !last.written.ends_with(&[',', '.', ';', ':'][..])
                && !last.possessive
                && {
                    let is_org = last.words.iter().any(|w| part_in(ORG_WORDS, w)) || joined_by_for;
                    // "Jammu and Kashmir", "Bosnia and Herzegovina": one place.
                    let one_place = || {
                        by_and
                            && last.name_from == 0
                            && run.name_from == 0
                            && place(&format!(
                                "{} and {}",
                                last.words.join(" "),
                                run.words.join(" ")
                            ))
                            .is_some()
                    };
                    // "1954 Committee of Liberal backbenchers": a name does not end in an
                    // adjective that qualifies the lowercase noun after it.
                    let qualifies = || {
                        run.words.last().is_some_and(|w| {
                            let next = words_after(text, run.at + run.written.len(), 1).next();
                            (demonym(w).is_some() || w.ends_with("ive"))
                                && next.is_some_and(|n| n.starts_with(char::is_lowercase))
                        })
                    };
                    ampersand
                        || noun_and()
                        || one_place()
                        || is_org && fits && !qualifies()
                        || (small || by_and) && spelt()
                };
            if joins {
                joined_by_for |= glued("for");
                joined_by_of = glued("of");
                last.written = &text[last.at..run.at + run.written.len()];
                last.words.extend(gap.split_whitespace());
                last.words.extend(run.words.iter().copied());
                last.possessive = run.possessive;
                continue;
            }
        }
        joined_by_for = false;
        joined_by_of = false;
        out.push(run);
    }
    out
}

/// A photo credit: "Wolfgang Schwan/Anadolu Agency", "File: Ints Kalnins/Reuters",
/// "AP Photo/Rebecca Blackwell", "Photograph: Ann Lee/Getty Images".
fn credited(source: &Located) -> Vec<Found> {
    let text = source.text;
    // A byline line as printed: "By Jane Okoro".
    let by = if source.part == TextPart::Byline && text.starts_with("By ") {
        3
    } else {
        0
    };
    let body_start = text.find(':').map_or(by, |i| i + 1);
    let body = &text[body_start..];
    let mut out = Vec::new();
    let mut offset = body_start;
    for part in body.split('/') {
        let trimmed = part.trim();
        let at = offset + (part.len() - part.trim_start().len());
        offset += part.len() + 1;
        if trimmed.is_empty() {
            continue;
        }
        let agency = trimmed
            .trim_end_matches(" Photo")
            .trim_end_matches(" Images");
        // "Getty Images", "AP Photo": an agency's name as credited.
        let is_agency = trimmed.contains("Photo")
            || agency.len() < trimmed.len()
            || known_org(agency).is_some()
            || trimmed
                .split_whitespace()
                .any(|w| is_in(ORG_WORDS, w) || is_acronym(w))
            || trimmed.split_whitespace().count() == 1;
        let (name, kind, role) = if is_agency {
            (
                known_org(agency).unwrap_or(agency).to_string(),
                EntityKind::Org,
                None,
            )
        } else {
            let role = if source.part == TextPart::Byline {
                "author"
            } else {
                "photographer"
            };
            (
                trimmed.to_string(),
                EntityKind::Person,
                Some(role.to_string()),
            )
        };
        out.push(Found {
            name,
            written: trimmed.to_string(),
            kind,
            role,
            mention: mention(source, at, trimmed.len(), true),
        });
    }
    out
}

/// Whether two surnames are one name spelt two ways (Zelensky, Zelenskyy, Zelenskiy).
fn same_surname(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() < 6 || b.len() < 6 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    prefix + suffix + 1 >= a.len().max(b.len())
}

/// The initials of an organisation's name, small words left out: "European Union" → "EU".
fn initials(name: &str) -> String {
    // Pushed one by one: collecting chars into a String is the only use of String's
    // Extend<char> left in the crate, a function of its own in the wasm.
    let mut initials = String::new();
    for w in name.split(' ').filter(|w| !is_in(NAME_GLUE, w)) {
        if let Some(c) = w.chars().next() {
            initials.push(c.to_ascii_uppercase());
        }
    }
    initials
}

/// Whether `short` is another name of the organisation `long`: its acronym, or the end of
/// its name ("State Department" of "US State Department").
fn same_org(short: &str, long: &str) -> bool {
    if short.len() >= long.len() {
        return false;
    }
    (is_acronym(short) && initials(long) == short)
        || long.ends_with(&format!(" {short}"))
        || compact(long).is_some_and(|c| c == short || c.ends_with(&format!(" {short}")))
}

/// An organisation's "of" name written the short way: "US Department of State" → "US State
/// Department", "Ministry of Defence" → "Defence Ministry", "University of Oxford" →
/// "Oxford University".
fn compact(name: &str) -> Option<String> {
    let (before, portfolio) = name.split_once(" of ")?;
    let (owner, head) = match before.rsplit_once(' ') {
        Some((owner, head)) => (Some(owner), head),
        None => (None, before),
    };
    if !is_in(ORG_WORDS, head) || portfolio.contains(" of ") {
        return None;
    }
    Some(match owner {
        Some(owner) => format!("{owner} {portfolio} {head}"),
        None => format!("{portfolio} {head}"),
    })
}

/// Which side of a match a name is on: an entity already made, or a name looking for one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Entity,
    Looked,
}

/// The keys under which a name can meet the entity it names another way, so that merging
/// looks up a few candidates instead of searching every entity. A person: the surname, and
/// the surname with each letter left out (two spellings one edit apart share one:
/// [`same_surname`]). An organisation made: its initials, every ending of its name after a
/// space, and those of its short form ([`same_org`]); one looked for: its name. Keys carry
/// their kind.
fn match_keys(kind: EntityKind, name: &str, side: Side) -> Vec<String> {
    let tag = match kind {
        EntityKind::Person => 'p',
        EntityKind::Org => 'o',
        EntityKind::Place => return Vec::new(),
    };
    let key = |k: &str| format!("{tag}{k}");
    let mut keys = Vec::new();
    match kind {
        EntityKind::Person => {
            let surname = name.rsplit(' ').next().unwrap_or("");
            keys.push(key(surname));
            if surname.chars().count() >= 6 {
                for (i, c) in surname.char_indices() {
                    let mut short = surname[..i].to_string();
                    short.push_str(&surname[i + c.len_utf8()..]);
                    keys.push(key(&short));
                }
            }
        }
        _ if side == Side::Looked => keys.push(key(name)),
        _ => {
            keys.push(key(&initials(name)));
            let short = compact(name);
            for form in std::iter::once(name).chain(short.as_deref()) {
                keys.extend(form.match_indices(' ').map(|(i, _)| key(&form[i + 1..])));
            }
            keys.extend(short.as_deref().map(key));
        }
    }
    keys
}

/// Merges what was found into entities, one per thing under all its names; `names` is how
/// many names the finds are numbered among ([`Placed::name_id`]). The mentions of `spare`
/// (entities read before) are written over for the new ones: an edit, which merges every
/// find again, then allocates no string per mention. Returns the entities, and each name's
/// entity for each kind by the number of its id (0 for none), at `3 * name + kind_slot`;
/// the keys it looked names up under, and each entity's [`rank`], by the numbers of ids.
fn merge(
    found: Vec<Placed>,
    names: usize,
    page_of: &dyn Fn(Option<&str>) -> u64,
    spare: Vec<Entity>,
) -> (Vec<Entity>, Vec<usize>, Keys, Vec<u64>) {
    let mut spare: Vec<Mention> = spare.into_iter().flat_map(|e| e.mentions).collect();
    let mut entities: Vec<Entity> = Vec::new();
    // Longer names first, so that shorter ones can join them.
    let mut order: Vec<usize> = (0..found.len()).collect();
    crate::sorting::sort_by_rank(&mut order, |&i| rank(found[i].name, 0));
    let mut home: Vec<usize> = vec![0; found.len()];
    // Exact names first: most mentions repeat a name already seen.
    // Each name's entity for each kind, by the name's number (`usize::MAX` for none).
    let mut by_name: Vec<usize> = vec![usize::MAX; 3 * names];
    let slot = |f: &Placed| 3 * f.name_id + kind_slot(f.kind);
    let mut keys = Keys::default();
    let mut ranks: Vec<u64> = Vec::new();
    for &i in &order {
        let f = &found[i];
        if let Some(&at) = by_name.get(slot(f)).filter(|&&at| at != usize::MAX) {
            home[i] = at;
            continue;
        }
        // A name joins the first entity it names another way (an exact name was found
        // above; aliases are added after this loop): a person by surname, an organisation
        // by an acronym, an ending or a short form.
        let made = |at: usize| {
            entities
                .get(at)
                .is_some_and(|e| same(e.kind, &e.name, f.kind, f.name))
        };
        let at = match keys.place(f.kind, f.name, slot(f), &made, &|at| at as u64) {
            Some(at) => at,
            None => {
                let at = entities.len();
                keys.make(f.kind, f.name, at);
                ranks.push(rank(f.name, at));
                entities.push(Entity {
                    id: String::new(),
                    name: f.name.to_string(),
                    kind: f.kind,
                    aliases: Vec::new(),
                    role: None,
                    mentions: Vec::new(),
                });
                at
            }
        };
        home[i] = at;
        if let Some(slot) = by_name.get_mut(slot(f)) {
            *slot = at;
        }
    }
    // Aliases and roles as written, the first by age; mentions in page order.
    let mut first_seen = vec![usize::MAX; entities.len()];
    let mut pages: Vec<u64> = Vec::with_capacity(found.len());
    let mut mentions: Vec<Option<Mention>> = Vec::with_capacity(found.len());
    let mut last: Option<(Option<&str>, u64)> = None;
    for (i, f) in found.into_iter().enumerate() {
        let at = home[i];
        first_seen[at] = first_seen[at].min(i);
        add_names(&mut entities[at], &f);
        // A text's finds come together: its post's place is looked up once.
        let id = f.found.mention.update_id.as_deref();
        let page = match last {
            Some((was, page)) if was == id => page,
            _ => page_of(id),
        };
        last = Some((id, page));
        pages.push(page);
        let mention = match spare.pop() {
            Some(mut m) => {
                // Every field named, so that a field added to `Mention` cannot be left
                // with the old mention's value.
                let Mention {
                    update_id,
                    part,
                    index,
                    span,
                    direct,
                } = &f.found.mention;
                m.update_id.clone_from(update_id);
                (m.part, m.index, m.span, m.direct) = (*part, *index, *span, *direct);
                m
            }
            None => f.found.mention.clone(),
        };
        mentions.push(Some(mention));
    }
    let mut on_page: Vec<usize> = (0..mentions.len()).collect();
    crate::sorting::sort_by_rank(&mut on_page, |&i| pages[i]);
    let mut first_on_page = vec![u64::MAX; entities.len()];
    for (k, &i) in on_page.iter().enumerate() {
        let at = home[i];
        first_on_page[at] = first_on_page[at].min(k as u64);
        entities[at].mentions.extend(mentions[i].take());
    }
    // Ids in order of first mention by age, so that a new post never renumbers them; the
    // list in order of first mention on the page.
    let mut by_age: Vec<usize> = (0..entities.len()).collect();
    crate::sorting::sort_by_rank(&mut by_age, |&at| first_seen[at] as u64);
    let mut numbers = vec![0; entities.len()];
    let mut ranked = vec![0; entities.len()];
    for (n, &at) in by_age.iter().enumerate() {
        entities[at].id = entity_id(n + 1);
        numbers[at] = n + 1;
        ranked[n] = ranks[at];
    }
    for at in &mut by_name {
        *at = numbers.get(*at).copied().unwrap_or(0);
    }
    for (at, _) in &mut keys.links {
        *at = numbers.get(*at).copied().unwrap_or(0);
    }
    (by_rank(entities, first_on_page), by_name, keys, ranked)
}

/// Where merging places a name whose entity is the `seq`-th made: names of more words
/// first, so that shorter ones can join them, then in the order made.
#[inline(never)]
fn rank(name: &str, seq: usize) -> u64 {
    // Words counted by their spaces (a byte count, as this runs for every find).
    let spaces = name.bytes().filter(|&b| b == b' ').count().min(0xffff) as u64;
    (0xffff - spaces) << 48 | seq as u64
}

/// Whether a name `f` of kind `f_kind` names the entity `e` of `e_kind` another way: a
/// person by surname (and given name, when both have one), an organisation by an acronym,
/// an ending or a short form.
#[inline(never)]
fn same(e_kind: EntityKind, e: &str, f_kind: EntityKind, f: &str) -> bool {
    e_kind == f_kind
        && match f_kind {
            EntityKind::Person => {
                let (ea, fa) = (
                    e.rsplit(' ').next().unwrap_or(""),
                    f.rsplit(' ').next().unwrap_or(""),
                );
                let first_ok = !f.contains(' ')
                    || !e.contains(' ')
                    || e.split(' ').next() == f.split(' ').next();
                first_ok && same_surname(ea, fa)
            }
            EntityKind::Org => same_org(f, e),
            EntityKind::Place => false,
        }
}

/// The id of the `n`-th entity by first find by age.
#[inline(never)]
fn entity_id(n: usize) -> String {
    format!("e{n}")
}

/// Adds what a find of entity `e` says of it: how it was written and named, as aliases when
/// new, and its role when the entity has none yet.
#[inline(never)]
fn add_names(e: &mut Entity, f: &Placed) {
    let written = f.found.written.as_str();
    let new = |name: &str, e: &Entity| name != e.name && !e.aliases.iter().any(|a| a == name);
    if !written.is_empty() && new(written, e) {
        e.aliases.push(written.to_string());
    }
    if new(f.name, e) {
        e.aliases.push(f.name.to_string());
    }
    if e.role.is_none() {
        e.role = f.role.map(str::to_string);
    }
}

/// Where a kind's entity is kept among a name's three ([`merge`]).
fn kind_slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Org => 2,
    }
}

/// The entities sorted by their `ranks`, smallest first, ties in order.
fn by_rank(entities: Vec<Entity>, ranks: Vec<u64>) -> Vec<Entity> {
    let mut ranked: Vec<(u64, Entity)> = ranks.into_iter().zip(entities).collect();
    crate::sorting::sort_by_rank(&mut ranked, |(rank, _)| *rank);
    ranked.into_iter().map(|(_, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_searched_by_halves_are_sorted() {
        for list in [NAME_GLUE, OBJECT_WORDS, PLAYS, PLAYED_BY, MEDIA_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| *w == w.to_lowercase()));
        }
    }

    #[test]
    fn initials_and_surname_spellings() {
        assert_eq!(initials("European Union"), "EU");
        assert_eq!(initials("North Atlantic Treaty Organization"), "NATO");
        assert_eq!(
            initials("Council for Trade and Co-operation in Ellery"),
            "CTCE"
        );
        assert!(same_org("EU", "European Union"));
        assert!(same_org("State Department", "US State Department"));
        assert!(same_org("US State Department", "US Department of State"));
        assert!(same_org("Defence Ministry", "Ministry of Defence"));
        assert!(same_org("State Department", "US Department of State"));
        assert!(!same_org("Defence Ministry", "Ministry of Foreign Affairs"));
        assert!(!same_org("Union", "European"));
        assert!(same_surname("Zelensky", "Zelenskyy"));
        assert!(same_surname("Zelenskiy", "Zelenskyy"));
        assert!(
            !same_surname("Biden", "Bidet"),
            "short names must match exactly"
        );
    }
}
