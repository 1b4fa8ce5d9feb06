//! Places, demonyms and given names from public data (`data/`, compiled in by `build.rs`).

include!(concat!(env!("OUT_DIR"), "/gazetteer_data.rs"));

/// Finds `key` (ASCII case ignored) in a table written by build.rs: lines sorted by key,
/// each "Name" or "Alias=Name". Returns the name. A binary search over the bytes: the line
/// around the middle of the range is compared, and the search goes on in one half.
fn find(table: &'static str, key: &str) -> Option<&'static str> {
    let bytes = table.as_bytes();
    let folded = || key.bytes().map(|b| b.to_ascii_lowercase());
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |p| lo + p + 1);
        let end = bytes[mid..hi]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(hi, |p| mid + p);
        let line = &table[start..end];
        let (entry, name) = line.split_once('=').unwrap_or((line, line));
        match entry.bytes().map(|b| b.to_ascii_lowercase()).cmp(folded()) {
            std::cmp::Ordering::Equal => return Some(name),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start.saturating_sub(1).max(lo),
        }
        if start == lo && hi == lo {
            break;
        }
    }
    None
}

/// The gazetteer's name for a place ("Kiev" → "Kyiv", "UK" → "United Kingdom").
pub(crate) fn place(name: &str) -> Option<&'static str> {
    find(PLACES, name)
}

/// The country of a demonym ("Ukrainian" → "Ukraine").
pub(crate) fn demonym(word: &str) -> Option<&'static str> {
    find(DEMONYMS, word)
}

/// Whether a word is a common given name.
pub(crate) fn is_given_name(word: &str) -> bool {
    find(GIVEN_NAMES, word).is_some()
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
        assert_eq!(place("Moscow"), Some("Moscow"));
        assert_eq!(place("Donbas"), Some("Donbas"));
        assert_eq!(place("Biden"), None);
        assert_eq!(demonym("Ukrainian"), Some("Ukraine"));
        assert_eq!(demonym("American"), Some("United States"));
        assert!(is_given_name("John") && is_given_name("mary"));
        assert!(!is_given_name("Ukraine"));
        // Every entry of every table is found, first and last included.
        for table in [PLACES, DEMONYMS, GIVEN_NAMES] {
            for line in table.lines() {
                let (entry, name) = line.split_once('=').unwrap_or((line, line));
                assert_eq!(find(table, entry), Some(name), "{entry}");
            }
        }
        assert_eq!(find(GIVEN_NAMES, "Aaaa"), None);
        assert_eq!(find(GIVEN_NAMES, "Zzzz"), None);
    }
}
