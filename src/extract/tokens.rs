//! Words as the extractors read them: offsets, bare forms, capitals, speech verbs.

use super::lexicon::{is_in, Words, ABBREVIATIONS, CUE_VERBS, DETERMINERS, SENTENCE_ADVERBS};

/// The words of `s` with their byte offsets.
pub(crate) fn words(s: &str) -> Vec<(usize, &str)> {
    let base = s.as_ptr() as usize;
    s.split_whitespace()
        .map(|w| (w.as_ptr() as usize - base, w))
        .collect()
}

/// The end of `s` that holds at most its last `n` words. A phrase read backwards from a cue
/// reaches only so far; reading the whole text before every cue would make a sentence of
/// thousands of cue words cost their square.
pub(crate) fn last_words(s: &str, n: usize) -> &str {
    let b = s.as_bytes();
    let mut seen = 0;
    for i in (1..b.len()).rev() {
        // A word starts at i (a space before it is ASCII, so i is a char boundary).
        if b[i - 1].is_ascii_whitespace() && !b[i].is_ascii_whitespace() {
            seen += 1;
            if seen == n {
                return &s[i..];
            }
        }
    }
    s
}

/// The start of `s` that holds at most its first `n` words (see [`last_words`]). Words here
/// are split at ASCII white space only: a window, not a tokenizer.
pub(crate) fn first_words(s: &str, n: usize) -> &str {
    let b = s.as_bytes();
    let mut seen = 0;
    for i in 1..b.len() {
        // A word ends at i.
        if !b[i - 1].is_ascii_whitespace() && b[i].is_ascii_whitespace() {
            seen += 1;
            if seen == n {
                return &s[..i];
            }
        }
    }
    s
}

/// Where `word` first occurs in `text`, as [`str::find`]: tried first where its first byte
/// first occurs, where the extractors' words nearly always are, before a full search is set
/// up (building one costs more than most of these searches).
pub(crate) fn find_word(text: &str, word: &str) -> Option<usize> {
    let Some(first) = word.as_bytes().first() else {
        return Some(0);
    };
    // A first byte of a `&str` opens a character, so `at` is a boundary.
    let at = text.bytes().position(|b| b == *first)?;
    if text[at..].starts_with(word) {
        return Some(at);
    }
    text[at..].find(word).map(|i| at + i)
}

/// Whether a word's full stop abbreviates rather than ends a sentence: a word of
/// [`ABBREVIATIONS`], an initial (`G.`) or dotted initials (`G.K.`, `U.S.`).
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    let stem = stem.trim_start_matches(|c: char| !c.is_alphanumeric());
    if is_in(ABBREVIATIONS, stem) {
        return true;
    }
    is_initials(stem)
}

/// "G", "G.K", "U.S", "D.C" (the last full stop cut): single capitals between full stops;
/// not the pronoun "I".
fn is_initials(stem: &str) -> bool {
    stem != "I"
        && stem.split('.').all(|part| {
            let mut cs = part.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
        })
}

/// "U.S." → "US", "U.N" → "UN": dotted initials as their letters; `None` for any other word.
pub(crate) fn undotted(word: &str) -> Option<String> {
    let stem = word.strip_suffix('.').unwrap_or(word);
    (stem.contains('.') && is_initials(stem)).then(|| stem.replace('.', ""))
}

/// A word of a name as it is written in the name: bare, but an initial keeps its full stop
/// ("Marta K. Osei", not "Marta K Osei").
pub(crate) fn name_word(word: &str) -> &str {
    // Most words have nothing to strip (see `bare`): told from two bytes.
    let bytes = word.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_alphabetic)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
    {
        return word;
    }
    let t = word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(&[',', ';', ':', ')', '”', '"', '’'][..]);
    match t.strip_suffix('.') {
        Some(stem) if is_initials(stem) => t,
        _ => bare(word),
    }
}

/// The first character boundary of `text` at or after byte `at` (std's
/// `str::ceil_char_boundary` needs Rust 1.91; the crate builds on 1.82): where a window that
/// reaches back a fixed number of bytes may start.
pub(crate) fn ceil_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The word of `text` that ends at byte `end`, if it is short enough to be an abbreviation
/// (a long one is read no further, so that a text of dots costs no more than its length).
pub(crate) fn word_ending_at(text: &str, end: usize) -> &str {
    let from = ceil_char_boundary(text, end.saturating_sub(16));
    let window = &text[from..end];
    let word = window.rsplit(char::is_whitespace).next().unwrap_or("");
    if word.len() == window.len() && from > 0 {
        return "";
    }
    word
}

/// A party and state after a US politician's name: "R-Ky.", "(D-N.C.)", "I-Vt".
pub(crate) fn is_party_tag(word: &str) -> bool {
    let w = word.trim_matches(&['(', ')', ',', '.', ';'][..]);
    let b = w.as_bytes();
    b.len() >= 3
        && b"DRI".contains(&b[0])
        && b[1] == b'-'
        && b[2].is_ascii_uppercase()
        && !w.contains(' ')
}

/// A word without the punctuation around it.
pub(crate) fn bare(word: &str) -> &str {
    // Most words have nothing to strip: a letter first and a letter or digit last (and a
    // letter first is no glued clock). Told from two bytes, as this runs on every word.
    let bytes = word.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_alphabetic)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
    {
        return word;
    }
    let word = word
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '’' && c != '\'')
        .trim_end_matches(&['’', '\''][..]);
    after_glued_clock(word)
}

/// A word with a clock time glued before it, as pages copied to text print a linked headline
/// after its time ("21:10Labor"), without the time.
fn after_glued_clock(word: &str) -> &str {
    let rest = word.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.');
    let clock = &word[..word.len() - rest.len()];
    if clock.ends_with(|c: char| c.is_ascii_digit())
        && clock.contains(&[':', '.'][..])
        && rest.starts_with(char::is_uppercase)
    {
        rest
    } else {
        word
    }
}

/// The owner a possessive names ("Germany’s" → "Germany"), with a curly or straight
/// apostrophe.
pub(crate) fn possessive_owner(word: &str) -> Option<&str> {
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s"))
}

/// "the", "a", "an", in any case.
pub(crate) fn is_article(word: &str) -> bool {
    ["the", "a", "an"]
        .iter()
        .any(|a| a.eq_ignore_ascii_case(word))
}

/// An article or a word like one before a noun ("his", "their", "these"), in any case.
pub(crate) fn is_determiner(word: &str) -> bool {
    is_article(word) || DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// The first eight bytes of a word (fewer, then zeros) in ASCII lower case, as one number:
/// the word lists and the gazetteers key their hash tables with it.
pub(crate) fn folded8(word: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    let n = word.len().min(8);
    bytes[..n].copy_from_slice(&word[..n]);
    let x = u64::from_le_bytes(bytes);
    // All eight at once: a byte below 0x80 from 'A' to 'Z' gains 0x20.
    let low = x & 0x7F7F_7F7F_7F7F_7F7F;
    let from_a = low + 0x3F3F_3F3F_3F3F_3F3F;
    let past_z = low + 0x2525_2525_2525_2525;
    let upper = from_a & !past_z & !x & 0x8080_8080_8080_8080;
    x | upper >> 2
}

/// Whether any part of a hyphenated word is in `list` ("Cyber-Partisans" holds "partisans").
pub(crate) fn part_in(list: impl Words, word: &str) -> bool {
    word.split('-').any(|part| is_in(list, part))
}

/// The first `n` words after byte `end` of `text`, read lazily rather than tokenizing the
/// rest of the text.
pub(crate) fn words_after(text: &str, end: usize, n: usize) -> impl Iterator<Item = &str> {
    text[end..].split_whitespace().take(n)
}

/// Whether a word opens with a capital or a digit, once bare.
pub(crate) fn is_capitalised(word: &str) -> bool {
    opens_capital(bare(word))
}

/// Whether a word already bare opens with a capital or a digit.
pub(crate) fn opens_capital(bare: &str) -> bool {
    bare.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether the word at `k` reports speech; "called" and "pointed" only as "called for" /
/// "pointed out".
pub(crate) fn is_cue_at(ws: &[(usize, &str)], k: usize) -> bool {
    let w = bare(ws[k].1);
    if !is_in(CUE_VERBS, w) {
        return false;
    }
    // "prisoners were released", "he was told", "the plan was first reported": the passive
    // names no speaker, an adverb between or not.
    let is_passive_aux = |p: usize| {
        ["was", "were", "been", "being"]
            .iter()
            .any(|a| a.eq_ignore_ascii_case(bare(ws[p].1)))
    };
    let adverb = |p: usize| {
        let b = bare(ws[p].1);
        is_in(SENTENCE_ADVERBS, b) || (b.len() > 4 && b.ends_with("ly"))
    };
    let passive = k.checked_sub(1).is_some_and(|p| {
        is_passive_aux(p) || (adverb(p) && p.checked_sub(1).is_some_and(is_passive_aux))
    });
    // "the talks", "his claims", "their reports": after a determiner the word is a noun.
    let noun = k.checked_sub(1).is_some_and(|p| {
        let d = bare(ws[p].1);
        is_determiner(d)
    });
    // "the United States would", "the United States’ military": in prose a verb is written
    // in lower case, and a capitalised one after a capital is part of a name. A headline in
    // title case ("Alder Says Port Will Reopen") has no lower-case word beside it.
    // Prose shows on either side: a lower-case word after it, or a lower-case article
    // before the capital, which a headline drops ("by the United States, NATO …", "the
    // United States “must …”", where a quote or a new sentence follows).
    let lower_after = ws.get(k + 1).is_some_and(|(_, n)| {
        let b = bare(n);
        b.len() > 3 && b.bytes().all(|c| c.is_ascii_lowercase())
    });
    let article_before = k
        .checked_sub(2)
        .is_some_and(|a| ["the", "a", "an"].contains(&ws[a].1));
    let in_name = w.starts_with(char::is_uppercase)
        && k.checked_sub(1)
            .is_some_and(|p| is_capitalised(ws[p].1) && !ws[p].1.ends_with(&['.', ':', ','][..]))
        && (lower_after || article_before);
    if passive || noun || in_name {
        return false;
    }
    let next = ws.get(k + 1).map(|(_, n)| bare(n).to_ascii_lowercase());
    match w.to_ascii_lowercase().as_str() {
        // "called for", "calls on"; "called the plan “reckless”" is read by the quote.
        "call" | "called" | "calls" | "calling" => matches!(next.as_deref(), Some("for" | "on")),
        "pointed" => next.as_deref() == Some("out"),
        // "shot back", "fired back": a retort; "shot the bolt" is no speech.
        "shot" | "fired" => next.as_deref() == Some("back"),
        // "charged that …", "…,” Alder charged."; not "charged with fraud".
        "charged" => next.as_deref() != Some("with"),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_windows_keep_whole_words() {
        assert_eq!(last_words("a bb  ccc dd", 2), "ccc dd");
        assert_eq!(last_words("a bb ", 1), "bb ");
        assert_eq!(last_words("a bb", 0), "a bb");
        assert_eq!(last_words("a bb", 5), "a bb");
        assert_eq!(first_words("a bb  ccc dd", 2), "a bb");
        assert_eq!(first_words(" a bb", 1), " a");
        assert_eq!(first_words("a bb", 5), "a bb");
        assert_eq!(last_words("", 3), "");
    }

    #[test]
    fn words_found_as_str_find_finds_them() {
        let text = "Kyiv’s mayor Vitali Klitschko, and Klitschko’s brother: “Klitsch";
        for word in [
            "Klitschko",
            "Klitsch",
            "K",
            "’s",
            "“Klitsch",
            "",
            "mayor",
            "x",
            "Kyiv’",
        ] {
            assert_eq!(find_word(text, word), text.find(word), "{word}");
        }
        assert_eq!(find_word("", "a"), None);
        assert_eq!(find_word("", ""), Some(0));
    }

    #[test]
    fn abbreviations_are_told_from_sentence_ends() {
        for w in ["Mr.", "Sen.", "Nov.", "G.", "G.K.", "U.S.", "(Rep.", "Jr."] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["said.", "Obama.", "US.", "Mr", "I.", "2.", "."] {
            assert!(!is_abbreviation(w), "{w}");
        }
        assert_eq!(word_ending_at("said Mr.", 8), "Mr.");
        assert_eq!(word_ending_at("x\u{a0}Mr.", 6), "Mr.");
        assert_eq!(word_ending_at("Mr.", 3), "Mr.");
        assert!(is_party_tag("R-Ky.,") && is_party_tag("(D-N.C.)") && is_party_tag("I-Vt"));
        assert!(!is_party_tag("Rolls-Royce") && !is_party_tag("Dr."));
        assert_eq!(name_word("K.,"), "K.");
        assert_eq!(name_word("G.K."), "G.K.");
        assert_eq!(name_word("Osei,"), "Osei");
        assert_eq!(name_word("Mr."), "Mr");
        assert_eq!(word_ending_at("a Supercalifragilistic.", 23), "");
    }

    #[test]
    fn eight_bytes_folded_at_once() {
        let bytewise = |word: &str| {
            let lower = word.to_ascii_lowercase();
            (lower.bytes().take(8).enumerate()).fold(0, |h, (i, b)| h | u64::from(b) << (8 * i))
        };
        for word in [
            "AZaz@[`{",
            "Tánaiste",
            "ÀÉ",
            "x",
            "",
            "MINISTRY",
            "Zelenskyy’s",
        ] {
            assert_eq!(folded8(word.as_bytes()), bytewise(word), "{word}");
        }
        assert!((0..=255u8).all(|b| folded8(&[b]) == u64::from(b.to_ascii_lowercase())));
    }

    #[test]
    fn a_cue_is_a_verb_in_its_place() {
        let cue = |s: &str, k: usize| is_cue_at(&words(s), k);
        assert!(cue("Alder says the port is open", 1));
        // Title case keeps the verb; a capital among lower-case words is a name's.
        assert!(cue("Ines Alder Says Port Will Reopen", 2));
        assert!(!cue("the United States would act", 2));
        // After a determiner, a noun; after "was", a passive.
        assert!(!cue("the talks had failed", 1) && !cue("his claims were false", 1));
        assert!(!cue("he was told", 2));
    }
}
