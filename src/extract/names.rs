//! Names in text: runs of capitalised words, and the people a blog names in full.

use super::gazetteer::is_given_name;
use super::lexicon::{
    is_in, is_opener, HONORIFICS, NAME_PARTICLES, ORG_WORDS, PLACE_WORDS, PRONOUNS, ROLE_NOUNS,
    STREET_WORDS, TITLE_WORDS,
};
use super::tokens::{
    bare, is_abbreviation, is_cue_at, name_word, opens_capital, part_in, possessive_owner, words,
};
use crate::fxhash::{FxHasher, FxMap, FxSet};
use crate::model::{Image, LiveBlog, TextPart, Update};
use std::cell::RefCell;
use std::hash::Hasher;

/// Names the blog gives people in full, found after a title or role ("US President Joe
/// Biden"), before a cue verb, or owned ("Al Jazeera’s Dorsa Jabbari").
///
/// Every look-up is noted ([`Registry::take_looked_up`]): a post's reading depends on what
/// it looked up, and is read again after an edit only when one of those answers changed.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    people: Vec<String>,
    /// Each full name, and each shorter name that ends one ("Biden" of "Joe Biden"), to the
    /// first full name it reads as (itself when registered whole): a look-up per name, not
    /// a search of every name.
    by_name: FxMap<String, usize>,
    /// Words the blog writes in lower case, with how often: a capitalised one of them
    /// opening a sentence ("Police said", "Play resumed") is the common word, not a name.
    /// Kept from edit to edit, a changed post's words taken off and its new ones counted.
    lowercase: FxMap<String, usize>,
    /// The keys looked up since the last [`Registry::take_looked_up`], hashed: noted only
    /// when `noting`, for a reading kept for edits.
    looked_up: RefCell<Vec<u64>>,
    /// Every key taken from `looked_up` since the blog was first read, or more: an edit
    /// whose changed keys are none of these has no post to read again.
    seen: RefCell<FxSet<u64>>,
    noting: bool,
}

/// A text of the blog and where it sits.
pub(crate) struct Located<'a> {
    pub(crate) text: &'a str,
    pub(crate) update_id: Option<&'a str>,
    pub(crate) part: TextPart,
    pub(crate) index: usize,
}

/// Every text of a blog that can name someone (title, summary, header lines, header photos,
/// then each of `updates`' headline, paragraphs and photos, in that order), and apart from
/// them the photo credits and bylines; then how many texts each group (the header, then
/// each update) gives. Menus ([`is_menu`]) are left out: `menus` holds for each group the
/// places of its menus among its texts, found now for a group `new` says is new, and kept
/// from an earlier reading for the others.
pub(crate) fn blog_texts<'a>(
    blog: &'a LiveBlog,
    updates: &[&'a Update],
    new: &[bool],
    menus: &mut [Vec<usize>],
) -> (Vec<Located<'a>>, Vec<Located<'a>>, Vec<usize>) {
    // A post gives a headline and a few paragraphs: room for most blogs' texts at once.
    let mut sources: Vec<Located> = Vec::with_capacity(4 * updates.len() + 8);
    let mut credits: Vec<Located> = Vec::new();
    let mut sizes: Vec<usize> = Vec::with_capacity(updates.len() + 1);
    let header = blog
        .title
        .iter()
        .map(|t| (t, TextPart::Title, 0))
        .chain(blog.summary.iter().map(|t| (t, TextPart::Summary, 0)))
        .chain(
            blog.header
                .iter()
                .enumerate()
                .map(|(i, t)| (t, TextPart::Header, i)),
        );
    for (text, part, index) in header {
        sources.push(Located {
            text,
            update_id: None,
            part,
            index,
        });
    }
    photos(&blog.images, None, &mut sources, &mut credits);
    // Where the group's texts start: its menus are moved out after its texts are in.
    let mut from = 0;
    // Every group's texts go in, whatever `menus` holds: a group it has no entry for keeps
    // its menus in rather than losing its texts.
    for group in 0..=updates.len() {
        if let Some(update) = group.checked_sub(1).and_then(|u| updates.get(u)) {
            update_texts(update, &mut sources, &mut credits);
        }
        if let Some(menus) = menus.get_mut(group) {
            if new.get(group).is_some_and(|&n| n) {
                menus.clear();
                let texts = sources[from..].iter().enumerate();
                menus.extend(texts.filter(|(_, s)| is_menu(s.text)).map(|(k, _)| k));
            }
            if !menus.is_empty() {
                let mut to = from;
                for at in from..sources.len() {
                    if !menus.contains(&(at - from)) {
                        sources.swap(to, at);
                        to += 1;
                    }
                }
                sources.truncate(to);
            }
        }
        sizes.push(sources.len() - from);
        from = sources.len();
    }
    (sources, credits, sizes)
}

/// The texts of one post, as [`blog_texts`] gives them, menus left in.
fn update_texts<'a>(
    update: &'a Update,
    sources: &mut Vec<Located<'a>>,
    credits: &mut Vec<Located<'a>>,
) {
    let id = Some(update.id.as_str());
    sources.extend(update.headline.iter().map(|t| Located {
        text: t,
        update_id: id,
        part: TextPart::Headline,
        index: 0,
    }));
    for (i, p) in update.paragraphs.iter().enumerate() {
        sources.push(Located {
            text: p,
            update_id: id,
            part: TextPart::Paragraph,
            index: i,
        });
    }
    photos(&update.images, id, sources, credits);
    credits.extend(update.byline.iter().map(|text| Located {
        text,
        update_id: id,
        part: TextPart::Byline,
        index: 0,
    }));
}

/// The texts of one post that can name someone, as [`blog_texts`] gives them.
pub(crate) fn post_texts(update: &Update) -> Vec<Located<'_>> {
    let mut sources = Vec::new();
    update_texts(update, &mut sources, &mut Vec::new());
    sources.retain(|s| !is_menu(s.text));
    sources
}

/// A page's navigation ("Business / International News / Lifestyle"): three or more short
/// items between slashes or bars. Its section names are no entities.
fn is_menu(text: &str) -> bool {
    // Most texts hold neither separator's mark: turned away by two byte searches (memchr,
    // a word at a time), as a first reading runs this over the whole blog.
    let bytes = text.as_bytes();
    if !bytes.contains(&b'/') && !bytes.contains(&b'|') {
        return false;
    }
    let sep = if text.contains(" / ") { " / " } else { " | " };
    let items: Vec<&str> = text.split(sep).collect();
    items.len() >= 3 && items.iter().all(|i| i.split_whitespace().count() <= 3)
}

/// The texts of photos: descriptions and captions to read for names, credits for
/// photographers and agencies.
fn photos<'a>(
    images: &'a [Image],
    update_id: Option<&'a str>,
    sources: &mut Vec<Located<'a>>,
    credits: &mut Vec<Located<'a>>,
) {
    for (index, image) in images.iter().enumerate() {
        let source = |text: &'a String| Located {
            text,
            update_id,
            part: TextPart::Caption,
            index,
        };
        sources.extend(image.alt.iter().chain(image.caption.iter()).map(source));
        credits.extend(image.credit.iter().map(source));
    }
}

/// "Al Jazeera’s" before "Dorsa Jabbari": a name owns the person after it. A common noun
/// does not ("the city’s Old Town").
fn is_capitalised_owner(word: &str) -> bool {
    possessive_owner(word).is_some_and(|owner| bare(owner).starts_with(char::is_uppercase))
}

/// The full name a run gives someone, when the blog names them in full there: after a
/// title or role, owned, or before a cue verb.
pub(crate) fn registered(run: &NameRun) -> Option<String> {
    let person_title = |w: &str| is_in(HONORIFICS, w) || is_in(ROLE_NOUNS, w);
    let name = run.name();
    let titled = run.words[..run.name_from].iter().any(|w| person_title(w))
        || run
            .before
            .is_some_and(|b| person_title(bare(b)) || is_capitalised_owner(b))
        || run.cue_follows;
    (titled && (2..=4).contains(&name.len()) && run.is_plain()).then(|| name.join(" "))
}

/// The key a look-up of `name` is noted under: `kind` tells a full name's from a word's.
pub(crate) fn key(kind: u8, name: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write_u8(kind);
    hasher.write(name.as_bytes());
    hasher.finish()
}

/// [`key`]'s kind for [`Registry::full_name`].
pub(crate) const FULL_NAME: u8 = 0;
/// [`key`]'s kind for [`Registry::is_common_word`].
pub(crate) const COMMON_WORD: u8 = 1;

impl Registry {
    /// The people a blog names in full, from its full names ([`registered`]) by age, with
    /// the words it writes in lower case ([`Registry::count_words`]) and the keys seen taken
    /// from this registry; `noting` its look-ups when its readings are kept for edits.
    pub(crate) fn again<'n>(
        &mut self,
        names: impl IntoIterator<Item = &'n str>,
        noting: bool,
    ) -> Self {
        let mut registry = Registry {
            lowercase: std::mem::take(&mut self.lowercase),
            seen: std::mem::take(&mut self.seen),
            noting,
            ..Registry::default()
        };
        for full in names {
            registry.add(full, None);
        }
        registry
    }

    /// Registers `full`, a full name of a post newer than all before (as [`Registry::again`]
    /// does, name by name): the key of each name whose answer changes goes to `changed`,
    /// when there is one.
    pub(crate) fn add(&mut self, full: &str, mut changed: Option<&mut Vec<u64>>) {
        let (people, by_name) = (&mut self.people, &mut self.by_name);
        if by_name.get(full).is_some_and(|&at| people[at] == full) {
            return;
        }
        let at = people.len();
        let mut note = |name: &str| {
            if let Some(changed) = changed.as_deref_mut() {
                changed.push(key(FULL_NAME, name));
            }
        };
        // A whole name outranks an ending of an earlier one; an ending goes to the first
        // name it ends.
        by_name.insert(full.to_string(), at);
        note(full);
        for (i, _) in full.match_indices(' ') {
            let ending = &full[i + 1..];
            if !by_name.contains_key(ending) {
                by_name.insert(ending.to_string(), at);
                note(ending);
            }
        }
        people.push(full.to_string());
    }

    /// Counts the words `text` writes in lower case ([`Registry::is_common_word`]), or
    /// takes them off when `add` is false; a word that comes or goes has its
    /// key pushed to `changed`, when there is one.
    pub(crate) fn count_words(
        &mut self,
        text: &str,
        add: bool,
        mut changed: Option<&mut Vec<u64>>,
    ) {
        for w in text.split_whitespace() {
            let b = bare(w);
            if !(b.len() > 2 && b.bytes().all(|c| c.is_ascii_lowercase())) {
                continue;
            }
            let counts = &mut self.lowercase;
            let (comes, goes) = match counts.get_mut(b) {
                Some(n) if add => {
                    *n += 1;
                    (false, false)
                }
                None if add => {
                    counts.insert(b.to_string(), 1);
                    (true, false)
                }
                Some(n) => {
                    *n -= 1;
                    (false, *n == 0)
                }
                None => (false, false),
            };
            if goes {
                counts.remove(b);
            }
            if let Some(changed) = changed.as_deref_mut().filter(|_| comes || goes) {
                changed.push(key(COMMON_WORD, b));
            }
        }
    }

    /// Whether the blog writes `word` in lower case somewhere: a common word.
    pub(crate) fn is_common_word(&self, word: &str) -> bool {
        // The map holds small ASCII letters only: another byte is in no word of it. A word
        // is lower-cased on the stack, as this runs for most capitalised words.
        let mut buf = [0u8; 32];
        let lower = match buf.get_mut(..word.len()) {
            Some(lower) if word.bytes().all(|b| b.is_ascii_alphabetic()) => {
                for (to, from) in lower.iter_mut().zip(word.bytes()) {
                    *to = from.to_ascii_lowercase();
                }
                std::str::from_utf8(lower).ok()
            }
            Some(_) => None,
            None => {
                let lower = word.to_ascii_lowercase();
                return self.note(COMMON_WORD, &lower) && self.lowercase.contains_key(&lower);
            }
        };
        lower.is_some_and(|w| self.note(COMMON_WORD, w) && self.lowercase.contains_key(w))
    }

    /// The full name for a surname, or for a name that ends a registered one.
    pub(crate) fn full_name(&self, name: &str) -> Option<&str> {
        self.note(FULL_NAME, name);
        self.unnoted_full_name(name)
    }

    /// [`Registry::full_name`] without noting the look-up: for comparing two registries.
    pub(crate) fn unnoted_full_name(&self, name: &str) -> Option<&str> {
        self.by_name.get(name).map(|&at| self.people[at].as_str())
    }

    /// Notes a look-up, when noting; true, to read in a chain of conditions.
    fn note(&self, kind: u8, name: &str) -> bool {
        if self.noting {
            self.looked_up.borrow_mut().push(key(kind, name));
        }
        true
    }

    /// Whether readings with this registry are kept for edits.
    pub(crate) fn noting(&self) -> bool {
        self.noting
    }

    /// The keys looked up since the last call, which the registry will have seen.
    pub(crate) fn take_looked_up(&self) -> Vec<u64> {
        let keys = self.looked_up.take();
        self.seen.borrow_mut().extend(keys.iter().copied());
        keys
    }

    /// Forgets the keys looked up since the last [`Registry::take_looked_up`].
    pub(crate) fn forget_looked_up(&self) {
        self.looked_up.borrow_mut().clear();
    }

    /// Whether a reading kept may have looked `key` up.
    pub(crate) fn may_have_seen(&self, key: u64) -> bool {
        self.seen.borrow().contains(&key)
    }
}

/// A run of capitalised words ("US President Joe Biden"), the titles at its head told from
/// the name after them.
pub(crate) struct NameRun<'a> {
    /// Byte offset of the run in its text.
    pub(crate) at: usize,
    /// The run as written.
    pub(crate) written: &'a str,
    /// Its words without punctuation, and without a possessive "’s" on the last.
    pub(crate) words: Vec<&'a str>,
    /// Where the name starts, after the titles.
    pub(crate) name_from: usize,
    /// The last word is possessive ("Al Jazeera’s"): the run owns what follows.
    pub(crate) possessive: bool,
    /// The word before the run.
    pub(crate) before: Option<&'a str>,
    /// A cue verb follows the run.
    pub(crate) cue_follows: bool,
    /// The run opens its text.
    pub(crate) first: bool,
}

impl NameRun<'_> {
    /// Whether the word before the run ends a sentence or a label (".", "!", "?", ":").
    pub(crate) fn follows_sentence_end(&self) -> bool {
        self.before
            .is_some_and(|b| b.ends_with(&['.', '!', '?', ':'][..]) && !is_abbreviation(b))
    }

    /// Whether the run opens its text or a sentence.
    pub(crate) fn opens_sentence(&self) -> bool {
        self.first || self.follows_sentence_end()
    }

    pub(crate) fn name(&self) -> &[&str] {
        &self.words[self.name_from..]
    }

    /// A name that can be a person's: some words, none of an organisation or a place or a
    /// pronoun ("Keep It Down" is a campaign's), not ending in a street's or a building's word
    /// ("Albert Quay", "Quay Tavern").
    pub(crate) fn is_plain(&self) -> bool {
        is_plain(self.name())
    }
}

/// A name that can be a person's ([`NameRun::is_plain`]).
pub(crate) fn is_plain(name: &[&str]) -> bool {
    !name.is_empty()
        && !name.iter().any(|w| {
            part_in(ORG_WORDS, w) || part_in(PLACE_WORDS, w) || (is_in(PRONOUNS, w) && *w != "I")
        })
        && !name.last().is_some_and(|w| is_in(STREET_WORDS, w))
        && !adjective_led(name)
}

/// "Islamic State", "Democratic Unionist": an adjective in -ic before another word of a
/// name is no given name ("Eric", "Dominic" are; a surname in -ic ends the name), unless
/// a given name follows ("a Democratic Tom Harrow").
fn adjective_led(name: &[&str]) -> bool {
    let adjective = |w: &&str| w.len() > 4 && w.ends_with("ic") && !is_given_name(w);
    name.split_last()
        .is_some_and(|(_, before)| before.iter().any(adjective))
        && !name.iter().any(|w| is_given_name(w))
}

/// Whether a word is a hashtag or a social handle, brackets or quotes before it.
fn is_tag(word: &str) -> bool {
    word.trim_start_matches(&['(', '[', '“', '"', '‘'][..])
        .starts_with(&['#', '@'][..])
}

/// The runs of capitalised words in a text, with particles inside them ("Ursula von der
/// Leyen"); a run ends at punctuation or a possessive.
pub(crate) fn name_runs(text: &str) -> Vec<NameRun<'_>> {
    let ws = words(text);
    // Each word bare, once: most words are read three times.
    let bares: Vec<&str> = ws.iter().map(|(_, w)| bare(w)).collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        // A score ("0-0", "2-1") opens no name: "Ellery Rovers 0-0 Kestrel Town"; nor
        // does a hashtag or a social handle ("#GoRovers", "@KestrelNews"), a label and an
        // account rather than a name the text gives.
        let b = bares[k];
        if !opens_capital(b)
            || b.starts_with(|c: char| c.is_ascii_digit()) && b.contains(&['-', '–'][..])
            || is_tag(ws[k].1)
        {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k;
        // A word opening a bracket or a quote starts a run of its own: "Europe (OSCE)".
        // Only the first word may open with a digit ("25th Air Assault Battalion"); a score
        // or a number ("0-0", "2022") ends the run.
        while end < ws.len()
            && ((opens_capital(bares[end])
                && (end == start || !bares[end].starts_with(|c: char| c.is_ascii_digit())))
                || (end > start && is_in(NAME_PARTICLES, bares[end])))
            && (end == start || !ws[end].1.starts_with(&['(', '[', '“', '"', '‘'][..]))
            && !is_tag(ws[end].1)
        {
            // "Mr. Obama", "Rep. G.K. Butterfield": an abbreviation's full stop goes on.
            let stop = ws[end]
                .1
                .ends_with(&[',', '.', ';', ':', ')', '”', '"', '!', '?'][..])
                && !is_abbreviation(ws[end].1)
                || ws[end].1.contains(&['’', '\''][..]);
            end += 1;
            if stop {
                break;
            }
        }
        // "But Alder", "On Sunday Berg", "In Washington": a sentence's opening words and
        // calendar words lead into a name and are not part of it.
        let mut start = start;
        while start + 1 < end && is_opener(bares[start]) {
            start += 1;
        }
        let mut words: Vec<&str> = ws[start..end].iter().map(|&(_, w)| name_word(w)).collect();
        let mut possessive = false;
        if let Some(last) = words.last_mut() {
            if let Some(owner) = possessive_owner(last) {
                *last = owner;
                possessive = true;
            }
        }
        let name_from = words
            .iter()
            .rposition(|w| is_in(TITLE_WORDS, w))
            .map_or(0, |p| p + 1);
        let written_end = ws[end - 1].0 + ws[end - 1].1.len();
        out.push(NameRun {
            at: ws[start].0,
            written: &text[ws[start].0..written_end],
            words,
            name_from,
            possessive,
            before: start.checked_sub(1).map(|p| ws[p].1),
            cue_follows: end < ws.len() && is_cue_at(&ws, end),
            first: start == 0,
        });
        k = end;
    }
    out
}
