//! The one tokenizer of index and query: Unicode words, folded (case, accents, curly
//! apostrophes), possessives dropped ("Russia’s" → "russia"), numbers kept whole ("8,500" →
//! "8500", "1.2bn"), hyphenated words split into their parts ("F-16" → "f", "16"), and
//! English words reduced to their Snowball stem ("troops" → "troop").

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// A word of a text: its term and where it is written (tests read the tokenizer's every
/// output through it; the index takes them one by one from [`each_token`]).
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// The folded word, before stemming.
    pub(crate) word: String,
    /// Byte range in the text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Whether a hyphen joins it to the next token ("F-16").
    pub(crate) joined: bool,
}

/// One character folded: lower case, accents off, curly apostrophes straight. Characters
/// whose lower case is longer than one character keep their first.
#[inline]
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    fold_other(c)
}

/// [`fold_char`] past ASCII, apart so that the ASCII path inlines into the tokenizer.
fn fold_other(c: char) -> char {
    let c = crate::lowercase::lowercase(c);
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'į' => 'i',
        'ķ' => 'k',
        'ł' | 'ļ' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ţ' | 'ț' | 'ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '’' | '‘' | '`' => '\'',
        other => other,
    }
}

/// Lower case without accents: "Zelenskyy’s" → "zelenskyy's", "Rinkēvičs" → "rinkevics".
pub(crate) fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`')
}

/// The words of `text`, in order, folded but not stemmed, with their places.
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    each_token(text, |word, start, end, joined| {
        out.push(Token {
            word: word.to_string(),
            start,
            end,
            joined,
        });
    });
    out
}

/// The folded words of `text`, without their places: what queries and names compare.
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_token(text, |word, _, _, _| out.push(word.to_string()));
    out
}

/// Calls `f` with each word of `text` (folded), its byte range and whether a hyphen joins
/// it to the next, reusing one buffer: the index reads every word this way. ASCII is read
/// byte by byte; other characters are decoded.
pub(crate) fn each_token(text: &str, mut f: impl FnMut(&str, usize, usize, bool)) {
    let bytes = text.as_bytes();
    let mut word = String::with_capacity(32);
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = char_at(text, i);
        i += len;
        if !is_word_char(c) {
            continue;
        }
        let start = i - len;
        word.clear();
        word.push(fold_char(c));
        let mut last = c;
        let mut end = i;
        while i < bytes.len() {
            let (c, len) = char_at(text, i);
            if is_word_char(c) {
                word.push(fold_char(c));
                last = c;
                i += len;
                end = i;
                continue;
            }
            // Inside a word: "8,500" and "1.2bn" between digits, "don't" and "Russia’s"
            // between letters. Anything else ends it.
            let rest = &text[i + len..];
            let next = rest.chars().next();
            if matches!(c, ',' | '.')
                && last.is_ascii_digit()
                && next.is_some_and(|n| n.is_ascii_digit())
            {
                if c == '.' {
                    word.push('.');
                }
                i += len;
                continue;
            }
            if is_apostrophe(c) && last.is_alphabetic() && next.is_some_and(char::is_alphabetic) {
                // A possessive ends the word: "Russia’s" → "russia".
                let possessive = (rest.starts_with('s') || rest.starts_with('S'))
                    && !rest[1..].starts_with(char::is_alphanumeric);
                i += len;
                if possessive {
                    i += 1;
                    end = i;
                    break;
                }
                continue;
            }
            break;
        }
        let joined =
            text[end..].starts_with('-') && text[end + 1..].starts_with(char::is_alphanumeric);
        f(&word, start, end, joined);
    }
}

/// The character at byte `i` (a character boundary) and its length.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes()[i] {
        b if b.is_ascii() => (char::from(b), 1),
        _ => text[i..]
            .chars()
            .next()
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The term a folded word is indexed under: its Snowball English stem; words with digits
/// as they are ("f-16" parts, "8500", "1.2bn").
pub(crate) fn stem(word: &str) -> String {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return word.to_string();
    }
    stemmer().stem(word).into_owned()
}

/// Words too common to narrow a search: a query's stop words add to the score where they
/// occur but do not exclude an update that lacks them. Sorted: searched by halves.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have",
    "he", "her", "his", "i", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the",
    "their", "they", "this", "to", "was", "we", "were", "will", "with", "you",
];

pub(crate) fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The edits a query word of this many characters may be away from a word of the text:
/// none up to three, one up to seven, two beyond. Words with digits and words without are
/// never a typo apart.
pub(crate) fn typos_allowed(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Edit distance with transpositions counted as one edit ("worht" → "worth",
/// "zelenksy" → "zelensky"), giving up past `limit` (at most [`MOST_EDITS`]; more counts as
/// that). Only the cells within `limit` of the diagonal can stay within it, so each row is
/// that band, on the stack, and words of up to 32 bytes are read into the stack too.
pub(crate) fn within_edits(a: &str, b: &str, limit: usize) -> bool {
    const BAND: usize = 2 * MOST_EDITS + 2;
    let k = limit.min(MOST_EDITS);
    let (mut a_buf, mut b_buf) = (['\0'; 32], ['\0'; 32]);
    let (mut a_spill, mut b_spill) = (Vec::new(), Vec::new());
    let a = chars_into(a, &mut a_buf, &mut a_spill);
    let b = chars_into(b, &mut b_buf, &mut b_spill);
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > k {
        return false;
    }
    // Optimal string alignment over three rows of the band: `row[d]` is the distance
    // between a's first i characters and b's first j = i + d − k, capped at `over` (cells
    // off the band are further than `k`, and count as `over`).
    let over = k as u8 + 1;
    let mut before = [over; BAND];
    let mut previous = [over; BAND];
    for (j, cell) in previous[k..=k + k.min(m)].iter_mut().enumerate() {
        *cell = j as u8;
    }
    for i in 1..=n {
        let mut current = [over; BAND];
        let mut low = over;
        for d in 0..=2 * k {
            let Some(j) = (i + d).checked_sub(k) else {
                continue;
            };
            if j > m {
                break;
            }
            let mut best = if j == 0 {
                i as u8
            } else {
                let cost = u8::from(a[i - 1] != b[j - 1]);
                let left = if d > 0 { current[d - 1] } else { over };
                let mut best = (previous[d] + cost).min(previous[d + 1] + 1).min(left + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(before[d] + 1);
                }
                best
            };
            best = best.min(over);
            current[d] = best;
            low = low.min(best);
        }
        if low > k as u8 {
            return false;
        }
        before = previous;
        previous = current;
    }
    previous[m + k - n] <= k as u8
}

/// The most edits [`within_edits`] tells apart.
pub(crate) const MOST_EDITS: usize = 7;

/// The characters of `s`: in `buf` when it fits, else in `spill`.
fn chars_into<'a>(s: &str, buf: &'a mut [char; 32], spill: &'a mut Vec<char>) -> &'a [char] {
    if s.len() > buf.len() {
        *spill = s.chars().collect();
        return spill;
    }
    let mut n = 0;
    for (slot, c) in buf.iter_mut().zip(s.chars()) {
        *slot = c;
        n += 1;
    }
    &buf[..n]
}

/// The letters and digits a term holds, one bit each (a–z, 0–9 together, anything else
/// together): two terms within `d` edits differ in at most `2d` bits, so most of a
/// vocabulary is ruled out before the edit distance is computed.
pub(crate) fn letter_mask(term: &str) -> u32 {
    term.chars().fold(0, |mask, c| {
        mask | match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            '0'..='9' => DIGIT_BIT,
            _ => 1 << 27,
        }
    })
}

/// The bit of [`letter_mask`] for digits.
pub(crate) const DIGIT_BIT: u32 = 1 << 26;

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        tokenize(text).iter().map(|t| stem(&t.word)).collect()
    }

    #[test]
    fn words_numbers_possessives_and_hyphens() {
        assert_eq!(
            words("Russia’s troops: 8,500 on alert; F-16s cost $1.2bn. Don't!"),
            ["russia", "troops", "8500", "on", "alert", "f", "16s", "cost", "1.2bn", "dont"]
        );
        assert_eq!(
            words("Zelenskyy's office — Rinkēvičs"),
            ["zelenskyy", "office", "rinkevics"]
        );
        assert_eq!(words("ÉLYSÉE Palace"), ["elysee", "palace"]);
        let t = tokenize("an F-16 jet");
        assert!(t[1].joined && !t[2].joined);
        assert_eq!(&"an F-16 jet"[t[1].start..t[2].end], "F-16");
        assert!(words("' - ,.").is_empty());
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_text_gives_ordered_words_from_its_own_letters(text in "\\PC{0,60}|[a-zA-Z0-9 ,.'’-]{0,60}") {
            let mut last_end = 0;
            for t in tokenize(&text) {
                proptest::prop_assert!(t.start >= last_end && t.start < t.end && t.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                let letters: String = fold(&text[t.start..t.end])
                    .chars()
                    .filter(|c| c.is_alphanumeric() || *c == '.')
                    .collect();
                let kept: String = t.word.chars().filter(|c| *c != '.').collect();
                proptest::prop_assert!(!t.word.is_empty());
                proptest::prop_assert!(letters.replace('.', "").starts_with(&kept), "{:?} {:?}", t.word, &text[t.start..t.end]);
                last_end = t.end;
            }
        }
    }

    #[test]
    fn stems_are_snowballs() {
        assert_eq!(
            terms("troops warned warnings costs"),
            ["troop", "warn", "warn", "cost"]
        );
        assert_eq!(stem("8500"), "8500");
        assert!(is_stop_word("the") && !is_stop_word("troop"));
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    /// The edit distance with transpositions over the whole table.
    fn distance(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for i in 0..=a.len() {
            for j in 0..=b.len() {
                d[i][j] = if i == 0 || j == 0 {
                    i + j
                } else {
                    let cost = usize::from(a[i - 1] != b[j - 1]);
                    let mut best = (d[i - 1][j - 1] + cost)
                        .min(d[i - 1][j] + 1)
                        .min(d[i][j - 1] + 1);
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        best = best.min(d[i - 2][j - 2] + 1);
                    }
                    best
                };
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn edits_within_the_band_are_the_whole_tables() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "troop",
            "troops",
            "tank",
            "zelensky",
            "zelenksy",
            "zelenskyy",
            "zelenskiy",
            "zelenskij",
            "mulcahy",
            "mulcahey",
            "rinkevičs",
            "rinkēvičs",
            "ça",
            "ac",
            "counterinsurgencies",
            "counterinsurgency",
            "internationalisationsprozessen1",
            "internationalisationsprozessen12",
            "internationalisationsprozessen123",
            "internationalisierungsprozessen123",
        ];
        for a in words {
            for b in words {
                for limit in 0..=3 {
                    assert_eq!(
                        within_edits(a, b, limit),
                        distance(a, b) <= limit,
                        "{a} {b} {limit}"
                    );
                }
            }
        }
    }

    #[test]
    fn edits_and_masks() {
        assert!(within_edits("zelenksy", "zelensky", 1));
        assert!(within_edits("zelenskiy", "zelenskyy", 1));
        assert!(!within_edits("troop", "tank", 2));
        assert_eq!(typos_allowed(3), 0);
        assert_eq!(typos_allowed(8), 2);
        let (a, b) = (letter_mask("zelenksy"), letter_mask("zelensky"));
        assert_eq!((a ^ b).count_ones(), 0);
    }
}
