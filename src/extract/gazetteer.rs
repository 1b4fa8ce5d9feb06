//! Places, organisations, demonyms and given names from public data (`data/`, compiled in by
//! `build.rs`).

use super::tokens::{folded8, undotted};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/gazetteer_data.rs"));

/// A table as build.rs wrote it, expanded (`crate::packed`), with the start of every line,
/// where its key ends, and a hash table of its keys: worked out on first use, so that a
/// lookup hashes the key once and compares one or two lines, where a search by halves
/// compared a dozen, a byte at a time (names are looked up several times for every
/// capitalised word). Costs memory at run time, not bytes in the download.
struct Table {
    text: String,
    starts: Vec<u32>,
    /// By line, where its key ends (its '=', or the line's end).
    key_ends: Vec<u32>,
    /// Open addressing: each slot 0 (empty) or a line's number plus one, at the hash of
    /// its key; a power of two in size, at least twice the lines.
    slots: Vec<u32>,
}

/// The hash of a key with ASCII case ignored, from its length and its first and last eight
/// bytes: a few instructions whatever its length, where hashing every byte cost more than
/// the probe. Keys alike at both ends and of one length share a probe sequence and are told
/// apart by comparing them.
fn key_hash(key: &[u8]) -> usize {
    let tail = &key[key.len().saturating_sub(8)..];
    let h = folded8(key) ^ folded8(tail).rotate_left(29) ^ key.len() as u64;
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
}

impl Table {
    /// Line `i` of the table (empty past the end).
    fn line(&self, i: usize) -> &str {
        let start = self.starts.get(i).map_or(self.text.len(), |&s| s as usize);
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.text.len(), |&next| next as usize - 1);
        self.text.get(start..end).unwrap_or("")
    }
}

/// The plain table of `coded`, expanded the first time it is asked for.
fn table(coded: &'static str, cache: &'static OnceLock<Table>) -> &'static Table {
    cache.get_or_init(|| {
        let text = crate::packed::expand(coded, '\n');
        let starts: Vec<u32> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i as u32 + 1))
            .collect();
        let mut table = Table {
            text,
            starts,
            key_ends: Vec::new(),
            slots: Vec::new(),
        };
        let key_ends: Vec<u32> = (0..table.starts.len())
            .map(|i| {
                let line = table.line(i);
                let key = line.split_once('=').map_or(line, |(key, _)| key);
                table.starts[i] + key.len() as u32
            })
            .collect();
        let mask = (table.starts.len() * 2).next_power_of_two() - 1;
        let mut slots = vec![0u32; mask + 1];
        for (i, (&start, &end)) in table.starts.iter().zip(&key_ends).enumerate() {
            let key = &table.text.as_bytes()[start as usize..end as usize];
            let mut at = key_hash(key) & mask;
            // A key written twice names the same thing both times: the test below finds
            // every entry's own name.
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = i as u32 + 1;
        }
        table.key_ends = key_ends;
        table.slots = slots;
        table
    })
}

/// Finds `key` (ASCII case ignored) in a table written by build.rs: lines "Name" or
/// "Alias=Name". Returns the name. Dotted initials are their letters ("U.S." is "US").
fn find(coded: &'static str, cache: &'static OnceLock<Table>, key: &str) -> Option<&'static str> {
    find_key(coded, cache, key).or_else(|| find_key(coded, cache, &undotted(key)?))
}

fn find_key(
    coded: &'static str,
    cache: &'static OnceLock<Table>,
    key: &str,
) -> Option<&'static str> {
    let table = table(coded, cache);
    let mask = table.slots.len() - 1;
    let mut at = key_hash(key.as_bytes()) & mask;
    // The table is at most half full, so an empty slot ends every probe.
    while let Some(&slot) = table.slots.get(at).filter(|&&s| s != 0) {
        let i = slot as usize - 1;
        let (start, end) = (table.starts[i] as usize, table.key_ends[i] as usize);
        if end - start == key.len() && table.text[start..end].eq_ignore_ascii_case(key) {
            let entry = table.line(i);
            return Some(
                entry
                    .get(end - start + 1..)
                    .filter(|n| !n.is_empty())
                    .unwrap_or(entry),
            );
        }
        at = (at + 1) & mask;
    }
    None
}

static PLACE_LINES: OnceLock<Table> = OnceLock::new();
static WORD_PLACE_LINES: OnceLock<Table> = OnceLock::new();
static ORG_LINES: OnceLock<Table> = OnceLock::new();
static WORD_ORG_LINES: OnceLock<Table> = OnceLock::new();
static DEMONYM_LINES: OnceLock<Table> = OnceLock::new();
static GIVEN_NAME_LINES: OnceLock<Table> = OnceLock::new();
static COMMON_WORD_LINES: OnceLock<Table> = OnceLock::new();

/// The gazetteer's name for a place ("Kiev" → "Kyiv", "UK" → "United Kingdom").
pub(crate) fn place(name: &str) -> Option<&'static str> {
    find(PLACES, &PLACE_LINES, name)
}

/// A place whose name is also a word written in lower case ("Goa", "Reading"): a name only
/// where the text says so otherwise.
pub(crate) fn word_place(name: &str) -> Option<&'static str> {
    find(WORD_PLACES, &WORD_PLACE_LINES, name)
}

/// The name of an organisation or company as news writes it ("Labor" → "Australian Labor
/// Party", "Barclays").
pub(crate) fn org(name: &str) -> Option<&'static str> {
    find(ORGS, &ORG_LINES, name)
}

/// A company whose name is also a word written in lower case ("Apple", "Ford").
pub(crate) fn word_org(name: &str) -> Option<&'static str> {
    find(WORD_ORGS, &WORD_ORG_LINES, name)
}

/// The country of a demonym ("Ukrainian" → "Ukraine").
pub(crate) fn demonym(word: &str) -> Option<&'static str> {
    find(DEMONYMS, &DEMONYM_LINES, word)
}

/// The demonym of a country ("Ukraine" → "Ukrainian"): a scan, for the rare phrases that
/// need it.
pub(crate) fn demonym_of(country: &str) -> Option<&'static str> {
    (table(DEMONYMS, &DEMONYM_LINES).text.lines()).find_map(|line| {
        let (demonym, name) = line.split_once('=')?;
        (name == country).then_some(demonym)
    })
}

/// Whether a word is a common given name.
pub(crate) fn is_given_name(word: &str) -> bool {
    find(GIVEN_NAMES, &GIVEN_NAME_LINES, word).is_some()
}

/// Whether a word is a frequent English word written in lower case ("game", "stock",
/// "markets"), or one with an `s` added ("stocks"): capitalised, it opens a sentence or a
/// headline rather than names someone. The table leaves out a listed word's `s` form
/// (build.rs), a sixth of its rows.
pub(crate) fn is_common_word(word: &str) -> bool {
    let listed = |word: &str| find(COMMON_WORDS, &COMMON_WORD_LINES, word).is_some();
    listed(word)
        || (word.strip_suffix(&['s', 'S'][..])).is_some_and(|stem| !stem.is_empty() && listed(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_demonyms_and_names() {
        assert_eq!(place("Ukraine"), Some("Ukraine"));
        assert_eq!(place("kiev"), Some("Kyiv"));
        assert_eq!(place("UK"), Some("United Kingdom"));
        assert_eq!(place("Britain"), Some("United Kingdom"));
        assert_eq!(place("US"), Some("United States"));
        assert_eq!(place("U.S."), Some("United States"));
        assert_eq!(place("U.K"), Some("United Kingdom"));
        assert_eq!(place("Moscow"), Some("Moscow"));
        assert_eq!(place("Donbas"), Some("Donbas"));
        assert_eq!(place("Biden"), None);
        assert_eq!(place("New South Wales"), Some("New South Wales"));
        assert_eq!(place("Goa"), None);
        assert_eq!(word_place("Goa"), Some("Goa"));
        assert_eq!(org("Labor"), Some("Australian Labor Party"));
        assert_eq!(org("Barclays"), Some("Barclays"));
        assert_eq!(word_org("Ford"), Some("Ford"));
        assert_eq!(org("Ford Motor"), Some("Ford"));
        assert_eq!(demonym("Ukrainian"), Some("Ukraine"));
        assert_eq!(demonym("American"), Some("United States"));
        assert_eq!(demonym_of("Ukraine"), Some("Ukrainian"));
        assert_eq!(demonym_of("Atlantis"), None);
        assert!(is_given_name("John") && is_given_name("mary"));
        assert!(!is_given_name("Ukraine"));
        assert!(is_common_word("Game") && is_common_word("markets"));
        assert!(!is_common_word("Nelson") && !is_common_word("Mark"));
        // Every word of the list is common, its `s` forms left out of the table included,
        // and an `s` alone or after a name is not.
        let listed = include_str!("../../data/common_words.txt");
        for word in listed
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            assert!(is_common_word(word), "{word}");
        }
        assert!(find(COMMON_WORDS, &COMMON_WORD_LINES, "markets").is_none());
        assert!(!is_common_word("s") && !is_common_word("S") && !is_common_word("Nelsons"));
        // Every entry of every table is found, first and last included.
        for (table, lines) in [
            (PLACES, &PLACE_LINES),
            (WORD_PLACES, &WORD_PLACE_LINES),
            (ORGS, &ORG_LINES),
            (WORD_ORGS, &WORD_ORG_LINES),
            (DEMONYMS, &DEMONYM_LINES),
            (GIVEN_NAMES, &GIVEN_NAME_LINES),
            (COMMON_WORDS, &COMMON_WORD_LINES),
        ] {
            for line in super::table(table, lines).text.lines() {
                let (entry, name) = line.split_once('=').unwrap_or((line, line));
                assert_eq!(find(table, lines, entry), Some(name), "{entry}");
            }
        }
        assert_eq!(find(GIVEN_NAMES, &GIVEN_NAME_LINES, "Aaaa"), None);
        assert_eq!(find(GIVEN_NAMES, &GIVEN_NAME_LINES, "Zzzz"), None);
    }
}
