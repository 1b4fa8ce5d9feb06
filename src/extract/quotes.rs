//! Quotes and who said them.
//!
//! 1. **Spans**: every outermost pair of quote marks (“…” ‘…’ "…" '…' «…» „…“) in headlines,
//!    paragraphs, captions and header lines, telling apostrophes (Russia’s, ’90s) from
//!    closing marks; a quote that runs over paragraphs (an opening mark on each, one closing
//!    mark at the end) is a quote per paragraph, each where it is written, all said by the
//!    speaker of the first.
//! 2. **Attribution**, in order: the words right after the closing mark (`,” S said`,
//!    `said S`, `– S`, or a next sentence that is an attribution alone); the nearest cue or
//!    naming verb before the quote in its sentence (`S said:`, `S said the crews voiced
//!    their “…”`, `S branded them a “…”`, `S sees him as a “…”`, `Said S: “…”`); a cue
//!    later in the sentence; `according to S`; a quote listed after another of its sentence
//!    (`a “liar,” a “bully”`); then, for a quote standing alone, the subject of the
//!    sentence that introduces it, else the speaker before it (a split quote, a paragraph
//!    that continues a quote); for words with no cue in reach, their owner (`S's claim that
//!    “…”`) or the sentence's named subject (`S proclaimed a goal of “…”`). A post that
//!    opens with a quote and names no one else goes on with the person quoted before it.
//!    Pronouns stand for the last speaker named before them; a role without a name ("the
//!    official") for the person the update names. A speaker phrase ends at a verb of speech
//!    (`S told Y: “…”` is S's); a relative "who" stands for the phrase before its comma; asides
//!    of age and place after a name (`S, 34, of Dunmore, Ky., said`) are passed.
//! 3. **Canonical speakers**: the role is split from the name ("Harbour Minister" / "Ana Reyes")
//!    and a surname alone is the full name the blog uses elsewhere.
//! 4. **Scare quotes** (a term nobody is reported as saying: “so-called”, or a few words with
//!    no speaker anywhere in reach) are not quotes.
//! 5. **Headlines** take the speaker of the quote in their body that they echo, unless they
//!    name a known person themselves.

use super::gazetteer::{demonym_of, place};
use super::lexicon::{
    is_in, is_opener, ADJUNCT_PREPOSITIONS, AUXILIARIES, CLAUSE_WORDS, CUE_COMPLEMENTS,
    DOCUMENT_NOUNS, HONORIFICS, NAME_PARTICLES, NAMING_VERBS, NOT_NAMES, ORG_WORDS, PLACE_WORDS,
    PRONOUNS, ROLE_NOUNS, SCARE_MARKERS, SENTENCE_ADVERBS, SPEECH_NOUNS, TIME_LEADS, TIME_WORDS,
    TITLE_WORDS,
};
use super::names::{name_runs, Registry};
use super::tokens::{
    bare, ceil_char_boundary, first_words, is_abbreviation, is_article, is_capitalised, is_cue_at,
    is_determiner, is_party_tag, last_words, name_word, part_in, possessive_owner, word_ending_at,
    words,
};
use crate::model::{LiveBlog, Quote, QuoteKind, Span, Speaker, TextPart, Update};

/// The kinds of quote mark, by the closing marks they accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// “…” or "…"
    Double,
    /// ‘…’ or '…'
    Single,
    /// «…»
    Guillemet,
    /// „…“
    Low,
}

/// A quote found in one text, by byte offsets.
#[derive(Debug, Clone, Copy)]
struct Raw {
    mark: Mark,
    /// The opening mark.
    open: usize,
    /// The quoted words.
    start: usize,
    end: usize,
    /// Just past the closing mark (or the text's end when unclosed).
    after: usize,
    closed: bool,
}

fn is_opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:;,“‘\"'«„".contains(p))
}

/// The marks that can open a quote.
const OPENING_MARKS: [char; 6] = ['“', '„', '«', '‘', '"', '\''];

/// Every character [`scan`] reads: [`OPENING_MARKS`], then the closing marks and apostrophes.
const QUOTE_MARKS: [char; 9] = ['“', '„', '«', '‘', '"', '\'', '”', '»', '’'];

/// Whether a byte can open one of [`QUOTE_MARKS`] in UTF-8: each is ASCII or opens with
/// 0xC2 or 0xE2.
fn opens_mark(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | 0xC2 | 0xE2)
}

/// The quotation marks of `text` and where each is, told by their first byte rather than
/// by decoding every character.
fn marks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    // A byte that opens a mark opens a character, so `i` is a boundary.
    (0..bytes.len())
        .filter(|&i| opens_mark(bytes[i]))
        .filter_map(|i| Some((i, text[i..].chars().next()?)))
        .filter(|(_, c)| QUOTE_MARKS.contains(c))
}

/// Finds the outermost quotes of one text.
fn scan(text: &str) -> Vec<Raw> {
    // Most paragraphs hold no opening mark at all, and one that holds none quotes nothing:
    // a closing mark there (a dropped opening, below) is more often a quote opened in a
    // paragraph above, or a slip, than a quote of its own sentence (PolNeAR train: the two
    // such quotes read were both wrong).
    if !marks(text).any(|(_, c)| OPENING_MARKS.contains(&c)) {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut open: Option<(Mark, usize, usize)> = None;
    // Only a quotation mark opens or closes a quote: the text between is passed over, and
    // the characters either side of each mark read where it is.
    for (i, c) in marks(text) {
        let prev = text[..i].chars().next_back();
        let next = text[i + c.len_utf8()..].chars().next();
        let next_is_word = next.is_some_and(char::is_alphanumeric);
        match open {
            None if c == '”' && prev.is_some_and(|p| ",.!?".contains(p)) => {
                let lo = found.last().map_or(0, |q: &Raw| q.after);
                if let Some(start) = dropped_opening(text, lo, i) {
                    found.push(Raw {
                        mark: Mark::Double,
                        open: start,
                        start,
                        end: i,
                        after: i + c.len_utf8(),
                        closed: true,
                    });
                }
            }
            None => {
                let mark = match c {
                    '“' => Some(Mark::Double),
                    '„' => Some(Mark::Low),
                    '«' => Some(Mark::Guillemet),
                    '‘' if is_opening_context(prev) => Some(Mark::Single),
                    // A straight mark opens before a word, or at a paragraph's start even
                    // before a stray space (a quote's next paragraph, `" Also…`).
                    '"' if is_opening_context(prev)
                        && (prev.is_none() || next.is_some_and(|n| !n.is_whitespace())) =>
                    {
                        Some(Mark::Double)
                    }
                    // "the late '70s", "in '08": a year cut short is no quote.
                    '\'' if is_opening_context(prev)
                        && next_is_word
                        && !is_short_year(&text[i + 1..]) =>
                    {
                        Some(Mark::Single)
                    }
                    _ => None,
                };
                if let Some(mark) = mark {
                    open = Some((mark, i, i + c.len_utf8()));
                }
            }
            // A mark doubled as the quote opens (`"“It’s…`, a slip of copy and paste)
            // opens it once.
            Some((mark, at, start))
                if i == start && mark == Mark::Double && matches!(c, '“' | '"') =>
            {
                open = Some((mark, at, i + c.len_utf8()));
            }
            Some((mark, at, start)) => {
                let after_word = prev.is_some_and(|p| !p.is_whitespace());
                // "…the ‘final offer,’ " Berg said": a single mark closing inside the
                // quote, then a space, then the double mark that closes it (news agency
                // style, so that the two marks read apart).
                let after_single = prev == Some(' ') && text[..i - 1].ends_with(&['\'', '’'][..]);
                let closes = match (mark, c) {
                    (Mark::Double, '”') | (Mark::Low, '“' | '”') | (Mark::Guillemet, '»') => {
                        true
                    }
                    (Mark::Double, '"') => (after_word || after_single) && !next_is_word,
                    // “the best in the world“ and: an opening mark typed where the closing
                    // one belongs, read by where it stands (after a word, before none).
                    (Mark::Double, '“') => after_word && !next_is_word,
                    // An apostrophe inside a word (Russia’s) or a plural (the 1990s’) is not
                    // a closing mark: a closing mark is not followed by a letter.
                    (Mark::Single, '’' | '\'') => after_word && !next_is_word,
                    _ => false,
                };
                if closes {
                    found.push(Raw {
                        mark,
                        open: at,
                        start,
                        end: i,
                        after: i + c.len_utf8(),
                        closed: true,
                    });
                    open = None;
                }
            }
        }
    }
    if let Some((mark, at, start)) = open {
        // "“I saw them there, said Patil, the witness.": a quote left open whose paragraph
        // ends in its attribution ends before it, its closing mark dropped.
        let end = attribution_at_end(&text[start..]).map(|comma| start + comma + 1);
        found.push(Raw {
            mark,
            open: at,
            start,
            end: end.unwrap_or(text.len()),
            after: end.unwrap_or(text.len()),
            closed: end.is_some(),
        });
    }
    found.retain(|q| {
        let inner = text[q.start..q.end].trim();
        // A single quote must close, and hold a word: a stray apostrophe is not a quote.
        inner.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && (q.closed || q.mark != Mark::Single)
    });
    found
}

/// Whether `rest`, the text after an apostrophe, opens with a year cut to two digits ("70s",
/// "08 race"), not with quoted words.
fn is_short_year(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 2
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b.get(2).is_none_or(|c| !c.is_ascii_digit())
}

/// Where a quote whose opening mark was dropped starts: "… at sea. I pray they are
/// found,” she said." A closing mark with no quote open, an attribution right after it
/// (a cue first or second), closes the sentence it ends, from that sentence's start (or
/// `lo`, the end of the quote before), when it starts with a capital and runs a few words.
fn dropped_opening(text: &str, lo: usize, close: usize) -> Option<usize> {
    let rest = &text[close + '”'.len_utf8()..];
    if !rest.starts_with(&[',', ' '][..]) {
        return None;
    }
    let ws = words(first_words(rest.trim_start_matches(&[',', ' '][..]), 3));
    if !(0..ws.len().min(2)).any(|k| is_cue_at(&ws, k)) {
        return None;
    }
    // A sentence reads back a few hundred bytes at most: a paragraph of stray marks stays
    // linear.
    let from = ceil_char_boundary(text, close.saturating_sub(DROPPED_REACH).max(lo));
    let span = &text[from..close];
    let bytes = span.as_bytes();
    let stop = (1..bytes.len())
        .rev()
        .find(|&j| bytes[j] == b' ' && matches!(bytes[j - 1], b'.' | b'!' | b'?'));
    let start = match stop {
        Some(j) => from + j,
        None if from == lo => lo,
        None => return None,
    };
    let start = start + (text[start..close].len() - text[start..close].trim_start().len());
    let inner = &text[start..close];
    (inner.starts_with(char::is_uppercase) && inner.split_whitespace().count() >= 4)
        .then_some(start)
}

/// How far back [`dropped_opening`] looks for a sentence's start, in bytes.
const DROPPED_REACH: usize = 400;

/// Where a quote left open ends when its text ends in an attribution: the comma before ",
/// said Patil, the witness." or ", Patil said.", a clause of a few words with a verb of
/// speech first or second, up to the paragraph's end.
fn attribution_at_end(inner: &str) -> Option<usize> {
    let inner = inner.trim_end();
    if !inner.ends_with(&['.', '!', '?'][..]) {
        return None;
    }
    let last = inner.rfind(", ")?;
    let ends_at = |c: usize| {
        let ws = words(&inner[c + 2..]);
        ws.len() <= 12 && (0..ws.len().min(2)).any(|k| is_cue_at(&ws, k))
    };
    // The attribution may carry an apposition of its own (", said Patil, the witness").
    let before_apposition = inner[..last]
        .rfind(", ")
        .filter(|&b| inner[b + 2..last].split_whitespace().count() <= 4);
    before_apposition
        .filter(|&c| ends_at(c))
        .or_else(|| Some(last).filter(|&c| ends_at(c)))
}

/// Whether a sentence is an attribution and nothing more ("Alder said.", "Said the port's
/// director, Ines Varga."): a cue with at most a few words after it.
fn is_bare_attribution(sentence: &str) -> bool {
    let ws = words(first_words(sentence, 21));
    // What follows the cue: its subject when inverted ("said Alder"), a few words ("said on
    // Friday"), or a clause after a comma ("said, adding …"); not what was said ("said the
    // plan had failed").
    ws.len() <= 20
        && (0..ws.len()).any(|k| {
            let tail = || {
                let cue_words = cue_text(sentence, &ws, k).split_whitespace().count();
                (ws.len() - k).saturating_sub(cue_words)
            };
            is_cue_at(&ws, k) && (k == 0 || ws[k].1.ends_with(',') || tail() <= 3)
        })
}

/// The last quote opened at or before byte `at`. Quotes are in order and do not overlap:
/// this is the one that holds `at`, if any does, or else the last one before it.
fn last_opened(quotes: &[Raw], at: usize) -> Option<&Raw> {
    quotes[..quotes.partition_point(|q| q.open <= at)].last()
}

/// Sentence boundaries of a text that fall outside its quotes: offsets where a sentence
/// starts.
fn sentence_starts(text: &str, quotes: &[Raw]) -> Vec<usize> {
    let mut starts = vec![0];
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut j = i + c.len_utf8();
        // A closing mark may follow the full stop.
        while let Some(n) = text[j..].chars().next().filter(|n| "”’\"')".contains(*n)) {
            j += n.len_utf8();
        }
        if j >= bytes.len() || bytes[j] != b' ' {
            continue;
        }
        // Typed text may leave two spaces after a full stop.
        let gap = text[j..].len() - text[j..].trim_start_matches(' ').len();
        let next = text[j + gap..].chars().next();
        let opens = next.is_some_and(|n| n.is_uppercase() || "“‘\"'«„".contains(n));
        // A stop inside a quote ends the sentence when the quote closes right after it:
        // ‘Russia insisted on “an end.” The agency said …’ is two sentences.
        let inside = last_opened(quotes, i).is_some_and(|q| i < q.end && q.after != j);
        // "Mr. Obama", "Rep. G.K. Butterfield": an abbreviation's full stop.
        let abbreviation = c == '.' && j == i + 1 && is_abbreviation(word_ending_at(text, j));
        // "“Why not?” Alder asked.", "“We won!” Senator Ana Reyes said as she left": a
        // question or exclamation mark keeps its place inside the quote, and the attribution
        // after the closing mark goes on with the same sentence.
        let next = quotes.partition_point(|q| q.open <= i);
        let attributed = matches!(c, '!' | '?')
            && j > i + 1
            && next.checked_sub(1).is_some_and(|k| quotes[k].after == j)
            && signs_quote(
                &text[j + gap..quotes.get(next).map_or(text.len(), |q| q.open.max(j + gap))],
            );
        if opens && !inside && !abbreviation && !attributed {
            starts.push(j + gap);
        }
    }
    starts
}

/// Whether the words after a quote closed by "?" or "!", up to the next quote, sign it and
/// so go on with its sentence: an attribution ("Alder asked.", "Reyes said as she left"),
/// not a sentence that reports words of its own ("She replied that …", "Mills wrote back,
/// “…”").
fn signs_quote(rest: &str) -> bool {
    let clause = &rest[..rest
        .bytes()
        .position(|b| matches!(b, b'.' | b'!' | b'?'))
        .unwrap_or(rest.len())];
    !rest.trim_end().ends_with(&[',', ':'][..])
        && !clause.split_whitespace().any(|w| w == "that")
        && attribution_after(rest).is_some()
}

/// The cue as written: the verb and what completes it ("told reporters").
fn cue_text(s: &str, ws: &[(usize, &str)], k: usize) -> String {
    let verb_end = ws[k].0 + ws[k].1.trim_end_matches(&[',', '.', ':', ';'][..]).len();
    let rest = s[verb_end..].trim_start();
    for complement in CUE_COMPLEMENTS {
        let n = complement.len();
        if rest.len() >= n && rest.is_char_boundary(n) && rest[..n].eq_ignore_ascii_case(complement)
        {
            return format!("{} {}", &s[ws[k].0..verb_end], &rest[..n]);
        }
    }
    s[ws[k].0..verb_end].to_string()
}

/// How deep a speaker phrase is read into itself: appositives inside appositives, owners of
/// owners ("the minister’s aide’s spokesman"). News writing nests two or three deep; a
/// hostile text may nest thousands, and each level is a call on the stack.
const NEST_LIMIT: usize = 4;

/// How many words before a cue a speaker phrase can span, appositive and all.
const SUBJECT_REACH: usize = 40;

/// How many words a cue can stand from its quote within the sentence.
const CUE_REACH: usize = 80;

/// How far back a pronoun or a role looks for whom it stands for, in mentions, and how far
/// around a quote another quote that repeats it is looked for, in quotes. News writing
/// refers back a few sentences; a hostile text's thousands of names must not make every
/// pronoun read them all.
const REFERENCE_REACH: usize = 64;

/// The speaker phrase that ends `s` (the words before a cue verb): "the White House",
/// "Pentagon spokesman John Kirby", "he". Skips auxiliaries ("has said") and an appositive
/// set off by commas ("Ana Reyes, speaking from Port Ellery, said").
fn subject_before(s: &str) -> Option<&str> {
    subject_before_at(s, 0)
}

/// [`subject_before`] at nesting `depth`: past [`NEST_LIMIT`], an appositive's head is not
/// read further.
fn subject_before_at(s: &str, depth: usize) -> Option<&str> {
    let mut t = last_words(s, SUBJECT_REACH).trim_end();
    // What stands between a subject and its verb: auxiliaries ("has said"), adverbs
    // ("forcefully told", "later said") and when ("on Friday described", "last week wrote").
    let mut after_time = false;
    loop {
        let last = t.rsplit(' ').next().unwrap_or("");
        let b = bare(last);
        let time = !last.ends_with(',') && is_in(TIME_WORDS, b);
        let between = !last.is_empty()
            && (is_in(AUXILIARIES, last)
                || is_in(SENTENCE_ADVERBS, b)
                || is_adverb(last, &t[..t.len() - last.len()])
                || time
                // "during a Sunday", "on the day": a time's article too.
                || (after_time && (is_in(TIME_LEADS, b) || is_article(b))));
        if !between {
            break;
        }
        after_time = time || (after_time && !is_in(TIME_LEADS, b));
        t = t[..t.len() - last.len()].trim_end();
    }
    // "Dana Berg, who called Lund “a menace”": a relative pronoun stands for the noun
    // phrase before its comma.
    if let Some(head) = t
        .strip_suffix(" who")
        .and_then(|head| head.trim_end().strip_suffix(','))
    {
        t = head;
    }
    if let Some(head) = t.strip_suffix(',').and_then(before_asides) {
        t = head.trim_end();
    } else if let Some(inner) = t.strip_suffix(',') {
        let cut = inner.rfind(',')?;
        let appositive = inner[cut + 1..].trim_start();
        if appositive.split_whitespace().count() > 14 {
            return None;
        }
        // "the company's operations director, Ines Varga, said": a name set off by commas
        // is the speaker, and what comes before it their role.
        // "Mitch Alder, R-Ky., said": a party and state.
        if is_party_tag(appositive) {
            return subject_before_at(&inner[..cut], depth + 1);
        }
        let is_name = appositive.split_whitespace().count() <= 4
            && appositive.split_whitespace().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase) || is_in(NAME_PARTICLES, w)
            });
        if is_name {
            let head = if depth < NEST_LIMIT {
                subject_before_at(&inner[..cut], depth + 1).unwrap_or("")
            } else {
                ""
            };
            let from = if head.is_empty() {
                cut + 1
            } else {
                head.as_ptr() as usize - inner.as_ptr() as usize
            };
            return Some(inner[from..].trim());
        }
        t = inner[..cut].trim_end();
    }
    let ws = words(t);
    let mut first = ws.len();
    let mut capitals = 0;
    let mut lower_run = 0;
    for k in (0..ws.len()).rev() {
        let (_, w) = ws[k];
        let b = bare(w);
        // A dash on its own separates, like punctuation.
        if b.is_empty() || b.bytes().all(|c| c == b'-') {
            break;
        }
        let is_last = k + 1 == ws.len();
        // A mark, or the full stop of a sentence before, ends the phrase ("The event is
        // ending. Holt said:" is Holt's).
        if !is_last
            && (w.ends_with(&[',', ';', ':', ')'][..])
                || w.ends_with(&['.', '!', '?'][..]) && !is_abbreviation(w))
        {
            break;
        }
        // "Alder later told Port Radio:": a speaker phrase ends at a verb of speech; the
        // words after it are whom it was said to.
        if is_cue_at(&ws, k) {
            break;
        }
        if is_last && is_in(PRONOUNS, b) {
            return Some(&t[ws[k].0..]);
        }
        if is_article(b) {
            first = k;
            break;
        }
        if ["of", "to", "for"]
            .iter()
            .any(|c| c.eq_ignore_ascii_case(b))
            && first < ws.len()
        {
            // "ambassador to Turkey", "Department of State": kept when a role or a name
            // stands on its left.
            let left = k.checked_sub(1).map(|l| bare(ws[l].1));
            if left
                .is_some_and(|l| is_capitalised(l) || is_in(ROLE_NOUNS, l) || is_in(TITLE_WORDS, l))
            {
                first = k;
                continue;
            }
            break;
        }
        if is_capitalised(w) {
            capitals += 1;
            lower_run = 0;
        } else if is_in(NAME_PARTICLES, b) || is_in(ROLE_NOUNS, b) || is_in(TITLE_WORDS, b) {
            lower_run = 0;
        } else if lower_run < 3 && !is_in(CLAUSE_WORDS, b) {
            lower_run += 1;
        } else {
            break;
        }
        first = k;
        // "(like top aide Dana Berg": a bracket left open opens the phrase.
        if w.starts_with('(') && !w.contains(')') {
            break;
        }
    }
    // Lower-case words at the left edge that are not roles belong to the clause before.
    while first < ws.len() {
        let b = bare(ws[first].1);
        let keep =
            is_capitalised(b) || is_in(ROLE_NOUNS, b) || is_in(TITLE_WORDS, b) || is_article(b);
        if keep {
            break;
        }
        first += 1;
    }
    // "On Sunday Sanders", "Earlier Trump", "Then Ms. Moore": a clause's opening words and
    // calendar words are not the speaker's.
    let mut head = first;
    while head < ws.len() {
        let b = bare(ws[head].1);
        if !is_opener(b) || !is_capitalised(b) || is_in(PRONOUNS, b) {
            break;
        }
        head += 1;
    }
    if head > first {
        // Only openers: no speaker. Openers before a clause ("That is why critics"): the
        // phrase stands as it was.
        let b = ws.get(head).map_or("", |(_, w)| bare(w));
        if head == ws.len() {
            return None;
        }
        if is_capitalised(b) || is_in(ROLE_NOUNS, b) || is_in(TITLE_WORDS, b) || is_article(b) {
            first = head;
        }
    }
    if first >= ws.len() {
        return None;
    }
    // A year, a number or a day is no one: "in 2002 said", "Early on Friday told".
    let nobody = ws[first..].iter().all(|(_, w)| {
        let b = bare(w);
        b.bytes().all(|c| !c.is_ascii_alphabetic())
            || is_in(NOT_NAMES, b)
            || is_in(SENTENCE_ADVERBS, b)
            || is_in(TIME_WORDS, b)
            || is_in(TIME_LEADS, b)
    });
    if nobody {
        return None;
    }
    let phrase = &t[ws[first].0..];
    let has_role = ws[first..].iter().any(|(_, w)| is_in(ROLE_NOUNS, bare(w)));
    // "the transport ministry", "The port authority": an organisation by its common noun;
    // "the guild said", "the crowd shouted": a noun phrase led by an article.
    let org = ws.last().is_some_and(|(_, w)| is_in(ORG_WORDS, bare(w)));
    let article_led = is_article(bare(ws[first].1)) && ws.len() - first <= 4;
    // "Hart in a statement said", "Dane at the time told": a phrase of place, occasion or
    // means between a name and its verb; the name before it is the subject.
    let adjunct = (capitals == 0 && !has_role && !org && article_led)
        .then(|| first.checked_sub(2))
        .flatten()
        .filter(|&name| {
            ADJUNCT_PREPOSITIONS.contains(&ws[name + 1].1)
                && is_capitalised(ws[name].1)
                && !ws[name].1.ends_with(&[',', ';', ':'][..])
                && depth < NEST_LIMIT
        });
    if let Some(name) = adjunct {
        return subject_before_at(&t[..ws[name + 1].0], depth + 1);
    }
    (capitals > 0 || has_role || org || article_led).then_some(phrase)
}

/// How many asides set off by commas [`before_asides`] reads past: news writing stacks two
/// or three ("Cory Lund, 22, of Flint, Mich.,").
const MAX_ASIDES: usize = 4;

/// The subject before two or more asides set off by commas at the end of `inner` (the last
/// comma cut off): an age ("22"), a place or a state written short ("Ohio", "Mich.") and a
/// phrase led by a lower-case word ("of Flint", "during a rally in Columbus") are no part
/// of the speaker's name. The chain ends in an age or a place: one that ends in a role
/// ("Bay Lund, treasurer of the guild,") is [`subject_before_at`]'s appositive, as is one
/// aside alone.
fn before_asides(inner: &str) -> Option<&str> {
    let is_aside = |seg: &str, last: bool| {
        let seg = seg.trim();
        let short_state = !seg.contains(' ')
            && seg.ends_with('.')
            && seg.len() <= 6
            && seg.starts_with(char::is_uppercase);
        (!seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()))
            || short_state
            || place(seg).is_some()
            || (!last && seg.starts_with(char::is_lowercase))
    };
    let mut end = inner.len();
    let mut passed = 0;
    while passed < MAX_ASIDES {
        let Some(cut) = inner[..end].rfind(',') else {
            break;
        };
        if !is_aside(&inner[cut + 1..end], passed == 0) {
            break;
        }
        end = cut;
        passed += 1;
    }
    (passed >= 2).then(|| &inner[..end])
}

/// Whether a person read from a sentence's opening words is named: a person the blog names
/// in full, two words of a name, or a name after a person's title. A capital at a sentence's start is no evidence of a name
/// ("Many", "Too").
fn named_in_full(speaker: &Speaker, registry: &Registry) -> bool {
    // A title only a person bears is evidence too ("President Obama", "Mr. Alder").
    let titled = speaker
        .role
        .as_deref()
        .and_then(|r| r.rsplit(' ').next())
        .is_some_and(|t| is_in(HONORIFICS, t));
    registry.full_name(&speaker.name).is_some() || speaker.name.contains(' ') || titled
}

/// The subject of the last sentence of `text` when it names someone who can speak: a
/// person the blog names in full, a name of two or more words, or a body by its noun ("NSW
/// police", "the ministry").
fn subject_of_last_sentence(text: &str, registry: &Registry) -> Option<(Speaker, Who)> {
    let raws = scan(text);
    let last = sentence_starts(text, &raws).last().copied().unwrap_or(0);
    let sentence = &text[last..];
    // A sentence that quotes someone is not an introduction; one that names a programme
    // ("On “Face the Nation,” Alder said …") may be.
    let quotes_someone = raws
        .iter()
        .any(|q| q.after > last && !is_title(&text[q.start..q.end]));
    if quotes_someone {
        return None;
    }
    named_subject(sentence, registry)
}

/// The subject that opens `sentence` when it names someone who can speak (see
/// [`subject_of_last_sentence`]).
fn named_subject(sentence: &str, registry: &Registry) -> Option<(Speaker, Who)> {
    let phrase = subject_opening(sentence)?;
    let (speaker, who) = canonical(phrase, registry);
    // "Jobs talks about the new Mac Pro. “…”": a name that a verb of speech follows is the
    // speaker, named in full or not.
    let speaks = || {
        let after = sentence
            .find(phrase)
            .map_or("", |i| &sentence[i + phrase.len()..]);
        let ws = words(first_words(after, 1));
        !ws.is_empty() && is_cue_at(&ws, 0)
    };
    let fits = match who {
        Who::Person => named_in_full(&speaker, registry) || speaks(),
        Who::Body => phrase
            .rsplit(' ')
            .next()
            .is_some_and(|w| part_in(ORG_WORDS, bare(w)) || is_in(ROLE_NOUNS, bare(w))),
        // "The port authority spokesperson was asked …"
        Who::Role => phrase
            .split_whitespace()
            .any(|w| is_in(ROLE_NOUNS, bare(w))),
        Who::Pronoun => false,
    };
    fits.then_some((speaker, who))
}

/// "Ana Reyes has dismissed Tom Brandt's plan as a “final roll of the dice”, as she
/// puts it …": a personal pronoun later in a sentence stands for the person who opens it, not
/// for the last person named.
fn sentence_subject(before: &str, pronoun: &str, registry: &Registry) -> Option<(Speaker, Who)> {
    if !["he", "she"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(pronoun))
    {
        return None;
    }
    let phrase = subject_opening(before)?;
    let (speaker, who) = canonical(phrase, registry);
    (who == Who::Person && named_in_full(&speaker, registry)).then_some((speaker, who))
}

/// A speaker's name as a label before a quote: "Harbour master Ivo Dane:", "Novak Djokovic
/// –". Only names, titles and roles: "Key points:" is a label of another kind.
fn label(before: &str) -> Option<&str> {
    let head = before
        .trim_end()
        .strip_suffix(&[':', '–', '—', '-'][..])?
        .trim_end();
    // The name is the whole label, or what follows a separator ("Pollsters agree - Carl
    // Bialik:").
    let who = subject_before(head).filter(|who| {
        let at = who.as_ptr() as usize - head.as_ptr() as usize;
        let lead = head[..at].trim_end();
        at + who.len() == head.len()
            && (lead.is_empty() || lead.ends_with(&['-', '–', '—', ':', '.', '|'][..]))
    })?;
    let words: Vec<&str> = who.split_whitespace().collect();
    // Capitalised words after at most a few words of a role ("Harbour master Ivo Dane").
    let lower = words.iter().filter(|w| !is_capitalised(w)).count();
    let named = words.len() <= 6 && lower <= 3 && words.last().is_some_and(|w| is_capitalised(w));
    named.then_some(who)
}

/// A lower-case word in -ly between a subject and its verb ("repeatedly", "broadly",
/// "publicly"), not a noun of that ending after a determiner or a name ("the family",
/// "his ally", "Dane’s family", "a Kestrel assembly"); `head` is the text before it.
fn is_adverb(word: &str, head: &str) -> bool {
    // Sorted: searched by halves.
    const NOUNS: &[&str] = &[
        "assembly", "bully", "daily", "family", "monthly", "rally", "supply", "weekly",
    ];
    let noun_before = || {
        let before = head.split_whitespace().next_back().map_or("", bare);
        is_determiner(before) || possessive_owner(before).is_some()
    };
    word.len() > 4
        && word.ends_with("ly")
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !is_in(NOUNS, word)
        && !noun_before()
}

/// The speaker phrase that starts `s` (after "said" or "according to"): "Borrell", "the
/// White House", "a spokesman for the ministry".
fn subject_after(s: &str) -> Option<&str> {
    let t = first_words(s.trim_start(), SUBJECT_REACH);
    let ws = words(t);
    let mut end = 0;
    let mut capitals = 0;
    for (k, &(at, w)) in ws.iter().enumerate() {
        let b = bare(w);
        // "harbour master Ivo Dane": a few lower-case role words may lead to the name.
        let leading_role = capitals == 0 && k < 4 && !b.is_empty() && !is_in(CLAUSE_WORDS, b);
        let ok = (k == 0 && is_article(b))
            || is_capitalised(w)
            || is_in(NAME_PARTICLES, b)
            || is_in(ROLE_NOUNS, b)
            || is_in(TITLE_WORDS, b)
            || leading_role;
        if !ok {
            break;
        }
        capitals += usize::from(is_capitalised(w));
        end = at
            + w.trim_end_matches(&[',', '.', ';', ':', ')', '”', '"'][..])
                .len();
        if w.ends_with(&[',', '.', ';', ':', ')'][..]) && !is_abbreviation(w) {
            break;
        }
    }
    let last = t[..end].rsplit(' ').next().map(bare).unwrap_or("");
    if end > 0 && (capitals > 0 || is_in(ORG_WORDS, last)) {
        return Some(&t[..end]);
    }
    // "shouted the crowd.": a short phrase that ends the sentence is the speaker.
    let sentence = t
        .split(&['.', ',', ';', '!', '?'][..])
        .next()
        .unwrap_or("")
        .trim();
    let n = sentence.split_whitespace().count();
    let plain = sentence
        .split_whitespace()
        .all(|w| w.chars().all(char::is_lowercase) && !is_in(CLAUSE_WORDS, w) || is_article(w));
    ((1..=3).contains(&n) && plain && t.trim_start().len() > sentence.len()).then_some(sentence)
}

/// What the text right after a closing mark says of the speaker: `,” S said`,
/// `,” said S`, `” – S`. Returns the speaker phrase and the cue.
fn attribution_after(s: &str) -> Option<(&str, String)> {
    let a = s.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    // "” – S", "”― S", "” - S", "” -- S": a dash signs the quote.
    let dash = a
        .strip_prefix(&['–', '—', '―'][..])
        .or_else(|| a.strip_prefix("- "))
        .or_else(|| a.strip_prefix("-- "));
    if let Some(rest) = dash {
        return subject_after(rest).map(|who| (who, "–".to_string()));
    }
    // The cue comes within a dozen words; is_cue_at looks one past it.
    let ws = words(first_words(a, 13));
    let limit = ws.len().min(12);
    for k in 0..limit {
        // "Rep. Tom Rask, D-Ore., said": a party tag's stops end no sentence.
        let ends = ws[k].1.contains(&['.', '!', '?', ';'][..])
            && !is_abbreviation(ws[k].1)
            && !is_party_tag(ws[k].1);
        if ends && k > 0 && !is_cue_at(&ws, k) {
            break;
        }
        if !is_cue_at(&ws, k) {
            continue;
        }
        let cue = cue_text(a, &ws, k);
        if k == 0 {
            // "said Borrell", "said the White House"
            let after = &a[ws[0].0 + ws[0].1.len()..];
            return subject_after(after).map(|who| (who, cue));
        }
        let before = &a[..ws[k].0];
        // Not a participle and its object ("giving states more power"): a speaker is a
        // noun.
        let lowercase_stretch = k <= 3
            && ws[..k]
                .iter()
                .all(|(_, w)| w.chars().all(char::is_lowercase) && !is_in(CLAUSE_WORDS, w))
            && !(ws[k - 1].1.len() > 5 && ws[k - 1].1.ends_with("ing"));
        let Some(who) = subject_before(before) else {
            // "“We will act,” officials said", "…,’ coastguard says".
            return lowercase_stretch.then(|| (before.trim(), cue));
        };
        // The speaker is the whole stretch between the quote and the cue: a few lower-case
        // words before the name are its role ("harbour master Ivo Dane").
        let start = who.as_ptr() as usize - a.as_ptr() as usize;
        let lead = &a[..start];
        let role_words = lead.split_whitespace().count() <= 3
            && lead
                .split_whitespace()
                .all(|w| w.chars().all(char::is_lowercase) && !is_in(CLAUSE_WORDS, w));
        if lead.trim().is_empty() || role_words {
            return Some((a[..start + who.len()].trim(), cue));
        }
        return None;
    }
    None
}

/// The nearest cue verb in `s` (the sentence before a quote), searching backwards, with
/// its subject.
fn attribution_before(s: &str) -> Option<(&str, String)> {
    let s = last_words(s, CUE_REACH);
    let ws = words(s);
    // "the port authority said the crews voiced their “…”": a named subject further back
    // outranks a bare "the allies" nearer the quote.
    let mut weak = None;
    for k in (0..ws.len()).rev() {
        // "called the plan “reckless”", "what he called “a con”": naming words, a few words
        // before the quote.
        let naming = ws.len() - k <= 6 && is_in(NAMING_VERBS, bare(ws[k].1));
        if !naming && !is_cue_at(&ws, k) {
            continue;
        }
        // "Sanders on Saturday criticized the accord, saying …": a participle after a comma
        // speaks for the subject that opens the sentence.
        let participle = k > 0 && ws[k - 1].1.ends_with(',') && bare(ws[k].1).ends_with("ing");
        // "Trump took to Twitter to accuse …", "… tweets early Friday saying …", "Scott
        // beamed and asked …": a verb that is not finite, or joined to another, has the
        // clause's subject when none stands right before it.
        let joined = k > 0
            && (bare(ws[k].1).ends_with("ing")
                || ["to", "and", "but", "then"]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(ws[k - 1].1)));
        // The clause since the last quote: "“…,” Cruz said, adding: “…”".
        let opening = || {
            let clause = s[..ws[k].0].rsplit(&['”', '"'][..]).next().unwrap_or("");
            subject_opening(clause.trim_start_matches(&[',', ' '][..]))
        };
        // "Said Ellis: “…”": a cue that opens its sentence names its subject after it, up to
        // the quote.
        let inverted = || {
            let rest = &s[ws[k].0 + ws[k].1.len()..];
            subject_after(rest).filter(|who| {
                let end = who.as_ptr() as usize - rest.as_ptr() as usize + who.len();
                rest[end..].trim() == ":" || rest[end..].trim() == ","
            })
        };
        let subject = if participle {
            opening()
        } else if k == 0 && s[..ws[k].0].trim().is_empty() {
            inverted()
        } else {
            subject_before(&s[..ws[k].0])
                .filter(|who| !joined || is_named(who))
                .or_else(|| joined.then(opening).flatten())
        };
        if let Some(who) = subject {
            if is_named(who) {
                return Some((who, cue_text(s, &ws, k)));
            }
            weak = weak.or_else(|| Some((who, cue_text(s, &ws, k))));
        }
    }
    if weak.is_some() {
        return weak;
    }
    // "Trump admires the leader as a “strong man”", "going after Trump as “unfit”": words
    // that say what something is, after "as", are the clause's subject's.
    if ends_with_as(&ws) {
        let clause = s.rsplit(&['”', '"'][..]).next().unwrap_or("");
        if let Some(who) = subject_opening(clause.trim_start_matches(&[',', ' '][..])) {
            return Some((who, "as".to_string()));
        }
    }
    according_to(s).map(|who| (who, "according to".to_string()))
}

/// The source that "according to" names in `s`, also where it opens the sentence
/// ("According to the ministry, “…”").
fn according_to(s: &str) -> Option<&str> {
    const CUE: &str = "ccording to ";
    let at = s
        .find(CUE)
        .filter(|&at| at > 0 && matches!(s.as_bytes()[at - 1], b'a' | b'A'))?;
    subject_after(&s[at + CUE.len()..])
}

/// Who owns the words a quote comes from, a few words before it: "Trump's claim that
/// there were “…”", "the minister's warning of “…”"; a name, not a pronoun.
fn words_owner(clause: &str) -> Option<&str> {
    let window = last_words(clause, 12);
    let ws = words(window);
    let k = (1..ws.len())
        .rev()
        .find(|&k| is_in(SPEECH_NOUNS, bare(ws[k].1)))?;
    let (at, w) = ws[k - 1];
    let owner = possessive_owner(w)?;
    if !is_capitalised(owner) || is_in(PRONOUNS, owner) {
        return None;
    }
    subject_before(&window[..at + owner.len()])
}

/// Whether words end in "as", "as a" or "as being": what follows says what something is.
fn ends_with_as(ws: &[(usize, &str)]) -> bool {
    let last = |i: usize| ws.len().checked_sub(i + 1).map_or("", |k| bare(ws[k].1));
    let as_at = |i: usize| last(i).eq_ignore_ascii_case("as");
    as_at(0) || (as_at(1) && (is_article(last(0)) || last(0).eq_ignore_ascii_case("being")))
}

/// Whether the words before a quote name what follows: a naming verb a few words back
/// ("called the winner “Miss Piggy”") or "as" ("hailed him as “The Comeback Kid”").
fn names_next(before: &str) -> bool {
    let ws = words(last_words(before, 6));
    ends_with_as(&ws) || ws.iter().any(|(_, w)| is_in(NAMING_VERBS, bare(w)))
}

/// The subject that opens a sentence: its first run of names, titles and roles, with the
/// few lower-case words of a role before them ("Democratic presidential candidate Sen.
/// Bernie Sanders").
fn subject_opening(mut s: &str) -> Option<&str> {
    // A few adjuncts before the subject at most ("On Tuesday, speaking in Ohio, Kemp said");
    // skipping on to every comma of a sentence made of clauses, once per quote in it, was
    // quadratic in the sentence (and a recursion as deep as its commas).
    for _ in 0..=MAX_ADJUNCTS {
        match subject_or_adjunct(s) {
            Opening::Adjunct(rest) => s = rest,
            Opening::Subject(subject) => return subject,
        }
    }
    None
}

/// How many adjuncts [`subject_opening`] reads past before it gives up on a subject.
const MAX_ADJUNCTS: usize = 3;

/// What opens a sentence: its subject (if any), or an adjunct and the text after it.
enum Opening<'a> {
    Subject(Option<&'a str>),
    Adjunct(&'a str),
}

/// One step of [`subject_opening`].
fn subject_or_adjunct(s: &str) -> Opening<'_> {
    let head = first_words(s, SUBJECT_REACH);
    let ws = words(head);
    let first = ws.first().map_or("", |(_, w)| bare(w));
    // "said Skelly, explaining …": an inverted cue names its subject after it.
    if !ws.is_empty() && is_cue_at(&ws, 0) {
        return Opening::Subject(subject_after(&s[ws[0].0 + ws[0].1.len()..]));
    }
    // "Before the convention, Cleveland Police Chief Calvin Williams lobbied …": an adjunct
    // before the subject.
    // "Hastily, …", "Fueled by …, Trump said", "It's …": an adverb, a participle or a
    // pronoun opens no name.
    let lower = first.to_ascii_lowercase();
    // "She went on to praise Lund, calling her “…”": a personal pronoun opening the
    // sentence is its subject, whom the caller resolves.
    if ["he", "she", "they", "we"].contains(&lower.as_str()) {
        let at = ws[0].0 + ws[0].1.find(first).unwrap_or(0);
        return Opening::Subject(s.get(at..at + first.len()));
    }
    // "Retired Gen. Ines Alder said": an adjective before a title or a name is the name's.
    // "Speaking Tuesday, …" still opens with an adjunct.
    let before_name = ws.get(1).is_some_and(|(_, w)| {
        let b = bare(w);
        let quoted = w.starts_with(&['“', '"', '‘', '\''][..]);
        let b = possessive_owner(b).unwrap_or(b);
        !quoted && is_capitalised(b) && !is_in(NOT_NAMES, b) && !is_in(TIME_WORDS, b)
    });
    let adjunct = is_opener(first)
        || (!before_name && ["ly", "ed", "ing"].iter().any(|end| lower.ends_with(end)))
        || possessive_owner(first).is_some_and(|p| is_in(PRONOUNS, p) || is_in(NOT_NAMES, p));
    if adjunct {
        return match head.find(", ") {
            Some(comma) => Opening::Adjunct(&s[comma + 2..]),
            None => Opening::Subject(None),
        };
    }
    let mut end = None;
    let mut named = false;
    for (k, &(at, w)) in ws.iter().enumerate() {
        let b = bare(w);
        let part = is_capitalised(b)
            || is_in(ROLE_NOUNS, b)
            || is_in(TITLE_WORDS, b)
            || is_in(ORG_WORDS, b)
            || is_in(NAME_PARTICLES, b)
            || (!named && k < 4 && !b.is_empty() && !is_in(CLAUSE_WORDS, b))
            // "Search and Rescue Agency chief …": an "and" inside a name whose next word
            // but one is its organisation word; not "Dane and Lund".
            || (named
                && b == "and"
                && ws.get(k + 2).is_some_and(|(_, w)| is_in(ORG_WORDS, bare(w))));
        if !part || (k == 0 && is_in(SENTENCE_ADVERBS, b)) {
            break;
        }
        named |= is_capitalised(b) && !is_article(b);
        end = Some(at + w.len());
        if w.ends_with(&[',', ';', ':'][..]) {
            break;
        }
    }
    Opening::Subject(end.and_then(|end| subject_before(s[..end].trim_end_matches(','))))
}

/// Whether a quote between `before` and `after` marks a term rather than reports words:
/// right after an article ("a “special operation”"), or a word or two that qualify the noun
/// after them ("“quack” cures"); not words whose object follows them ("aims to “remake”
/// the port", "vowed to “hold” their ground").
fn is_term(before: &str, after: &str) -> bool {
    let article = before.trim_end().rsplit(' ').next().is_some_and(is_article);
    let next = after.split_whitespace().next().unwrap_or("");
    let qualifies = next.chars().all(char::is_lowercase)
        && !next.is_empty()
        && !is_in(CLAUSE_WORDS, next)
        && !is_determiner(next)
        && after.starts_with(' ');
    article || qualifies
}

/// Words in title case, a few of them: the name of a show, a book or a slogan ("Face the
/// Nation", "Morning Joe"), not words reported as said.
fn is_title(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| {
            let b = bare(w);
            is_capitalised(b) || (i > 0 && TITLE_GLUE.contains(&b))
        })
}

/// The small words a title in title case leaves in lower case.
const TITLE_GLUE: [&str; 12] = [
    "a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to", "with",
];

/// Whether a headline of three words or more is written in sentence case ("Pool closes
/// until spring"); `None` for a shorter one, which tells neither way.
pub(crate) fn headline_case(headline: &str) -> Option<bool> {
    headline.split_whitespace().nth(2)?;
    let sentence = (headline.split_whitespace().skip(1))
        .any(|w| w.starts_with(char::is_lowercase) && !TITLE_GLUE.contains(&bare(w)));
    Some(sentence)
}

/// Whether most of a blog's headlines of three words or more are written in sentence
/// case, so that their capitals mark names; given each headline's [`headline_case`].
pub(crate) fn in_sentence_case(cases: impl Iterator<Item = Option<bool>>) -> bool {
    let (mut lower, mut all) = (0, 0);
    for sentence in cases.flatten() {
        all += 1;
        lower += usize::from(sentence);
    }
    lower * 2 > all
}

/// The cue verb nearest the end of `s` (the sentence before a quote), as written, when no
/// speaker could be made out for it. A passive cue names no speaker but still reports the
/// words ("after being asked if the council would “own the mistake”").
fn cue_before(s: &str) -> Option<String> {
    let s = last_words(s, 12);
    let ws = words(s);
    // The cue read as if its auxiliary were not there.
    let passive = |k: usize| {
        k > 0
            && ["was", "were", "been", "being"]
                .iter()
                .any(|a| a.eq_ignore_ascii_case(bare(ws[k - 1].1)))
            && is_cue_at(&ws[k..], 0)
    };
    (0..ws.len())
        .rev()
        .find(|&k| is_cue_at(&ws, k) || passive(k))
        .map(|k| cue_text(s, &ws, k))
}

/// The first cue verb in `s` (the rest of a sentence after a quote), with its subject
/// ("…”, a local reporter who saw it happen said").
fn attribution_later(s: &str) -> Option<(&str, String)> {
    let s = first_words(s, CUE_REACH);
    if let Some(who) = according_to(s) {
        return Some((who, "according to".to_string()));
    }
    let ws = words(s);
    for k in 0..ws.len() {
        if !is_cue_at(&ws, k) {
            continue;
        }
        let before = &s[..ws[k].0];
        // "…, a local reporter who saw the vote said": the speaker is the
        // head of the last clause, before its relative pronoun.
        let clause_start = before.rfind(',').map_or(0, |c| c + 1);
        let clause = &before[clause_start..];
        let head_end = [" who ", " which ", " that "]
            .iter()
            .filter_map(|r| clause.find(r))
            .min()
            .map_or(before.len(), |at| clause_start + at);
        return subject_before(&before[..head_end]).map(|who| (who, cue_text(s, &ws, k)));
    }
    None
}

/// What a speaker phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// A person by name.
    Person,
    /// An organisation, a country, or an office ("Macron's office").
    Body,
    /// A role without a name ("the official", "Ukraine's ambassador to Turkey").
    Role,
    /// He, she, it, they.
    Pronoun,
}

/// The canonical speaker for a phrase as written.
fn canonical(as_written: &str, registry: &Registry) -> (Speaker, Who) {
    // "Rep. Ines Alder (D-Ore.)", "Tom Berg, R-Ky.": a party and state, or anything in
    // brackets, follows a name and is no part of it.
    if !as_written.contains('(') && !as_written.split_whitespace().any(is_party_tag) {
        return canonical_at(as_written, registry, 0);
    }
    let mut depth = 0usize;
    let mut cleaned = String::new();
    for c in as_written.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => cleaned.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = cleaned
        .split_whitespace()
        .filter(|w| !is_party_tag(w))
        .collect();
    let joined = words.join(" ");
    let (mut speaker, who) = canonical_at(joined.trim_end_matches(','), registry, 0);
    speaker.as_written = as_written.to_string();
    (speaker, who)
}

/// [`canonical`] at nesting `depth`: past [`NEST_LIMIT`] owners, a phrase is a role.
fn canonical_at(as_written: &str, registry: &Registry, depth: usize) -> (Speaker, Who) {
    let phrase = as_written
        .trim()
        .trim_start_matches("The ")
        .trim_start_matches("the ")
        .trim_start_matches("A ")
        .trim_start_matches("a ")
        .trim_start_matches("An ")
        .trim_start_matches("an ")
        .trim_end_matches(&['’', '\''][..])
        .trim();
    let speaker = |name: String, role: Option<String>| Speaker {
        name,
        as_written: as_written.to_string(),
        role: role.filter(|r| !r.is_empty()),
    };
    if is_in(PRONOUNS, phrase) {
        return (speaker(phrase.to_string(), None), Who::Pronoun);
    }
    // "the statement said": a document speaks for whoever issued it, as "it" would.
    if is_in(DOCUMENT_NOUNS, phrase) {
        return (speaker("it".to_string(), None), Who::Pronoun);
    }
    // "the company's operations director, Ines Varga"
    if let Some((role, name)) = phrase.rsplit_once(", ") {
        let (named, who) = canonical_at(name, registry, depth + 1);
        if who == Who::Person {
            return (speaker(named.name, Some(role.to_string())), Who::Person);
        }
    }
    // "Al Jazeera’s Dorsa Jabbari", "Macron’s office", "Ukraine’s ambassador to Turkey"
    for apostrophe in ["’s ", "'s "] {
        if let Some(at) = phrase.rfind(apostrophe) {
            let owner = &phrase[..at];
            let rest = &phrase[at + apostrophe.len()..];
            let (inner, who) = canonical_at(rest, registry, depth + 1);
            if who == Who::Person {
                return (speaker(inner.name, Some(owner.to_string())), Who::Person);
            }
            // "Harbour Minister Ana Reyes’s office" is Ana Reyes's office.
            let (owner_speaker, owner_who) = if depth < NEST_LIMIT {
                canonical_at(owner, registry, depth + 1)
            } else {
                (speaker(owner.to_string(), None), Who::Role)
            };
            // "Nato’s secretary general", "Alder’s spokesman": someone in a role of the
            // owner's, whom the text names elsewhere.
            let in_role = rest.rsplit(' ').next().is_some_and(|head| {
                head.starts_with(char::is_lowercase) && is_in(ROLE_NOUNS, head)
            });
            if owner_who == Who::Person && !in_role {
                let role = owner_speaker.role.clone();
                return (
                    speaker(format!("{}'s {rest}", owner_speaker.name), role),
                    Who::Body,
                );
            }
            // "Ukraine’s foreign ministry" is the Ukrainian foreign ministry, the name the
            // entities give it.
            let body = rest
                .rsplit(' ')
                .next()
                .is_some_and(|head| head.starts_with(char::is_lowercase) && is_in(ORG_WORDS, head));
            if let Some(people) = place(owner).and_then(demonym_of).filter(|_| body) {
                return (speaker(format!("{people} {rest}"), None), Who::Body);
            }
            return (speaker(phrase.replace('’', "'"), None), Who::Role);
        }
    }
    // "Gov. Ana Reyes of Dunmore": a person of a place is the person; "Bank of Dunmore" and
    // "Secretary of State" name no person before "of".
    if let Some((person, of)) = phrase.rsplit_once(" of ") {
        if depth < NEST_LIMIT && of.split_whitespace().all(is_capitalised) {
            let (named, who) = canonical_at(person, registry, depth + 1);
            if who == Who::Person {
                return (speaker(named.name, named.role), Who::Person);
            }
        }
    }
    let written: Vec<&str> = phrase.split_whitespace().collect();
    let ws: Vec<&str> = written.iter().copied().map(name_word).collect();
    // The name is the run of capitalised words (and particles) at the end, after the titles.
    // A title written short is a title, even where a particle is spelt the same ("Del.").
    let mut from = ws.len();
    while from > 0 {
        let w = ws[from - 1];
        let short_title = is_abbreviation(written[from - 1]) && is_in(TITLE_WORDS, w);
        let named = (is_capitalised(w) && !is_in(TITLE_WORDS, w))
            || (is_in(NAME_PARTICLES, w) && from < ws.len() && !short_title);
        if !named {
            break;
        }
        from -= 1;
    }
    // "Last night Tanaiste Leo Varadkar", "On Friday Mayor Alder": when is no part of a role.
    let when = ws[..from]
        .iter()
        .take_while(|w| is_opener(w) || is_in(TIME_LEADS, w))
        .count();
    let role = ws[when..from].join(" ");
    let name = ws[from..].join(" ");
    if name.is_empty() && ws.last().is_some_and(|w| is_in(ORG_WORDS, w)) {
        // "the French presidency", "the Ukrainian ministry": the whole phrase names it.
        return (speaker(phrase.to_string(), None), Who::Body);
    }
    if name.is_empty() {
        // "Treasury official", "Pentagon spokesman": the capitalised words name the body.
        let body: Vec<&str> = ws.iter().copied().filter(|w| is_capitalised(w)).collect();
        if body.is_empty() || body.iter().all(|w| is_in(TITLE_WORDS, w)) {
            return (speaker(phrase.to_string(), None), Who::Role);
        }
        return (speaker(body.join(" "), Some(role)), Who::Body);
    }
    let person_role = ws[..from]
        .last()
        .is_some_and(|w| is_in(ROLE_NOUNS, w) || is_in(HONORIFICS, w));
    if let Some(full) = registry.full_name(&name) {
        return (speaker(full.to_string(), Some(role)), Who::Person);
    }
    let name_words: Vec<&str> = name.split(' ').collect();
    let body_like = name_words
        .iter()
        .any(|w| part_in(ORG_WORDS, w) || part_in(PLACE_WORDS, w))
        || name_words
            .iter()
            .all(|w| w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()));
    // "Cox says": one word that is not a place is a surname.
    let surname =
        name_words.len() == 1 && place(&name).is_none() && !registry.is_common_word(&name);
    let who = if !body_like && (person_role || surname || (2..=4).contains(&name_words.len())) {
        Who::Person
    } else {
        Who::Body
    };
    (speaker(name, Some(role)), who)
}

/// Who a text reports speaking or names, with the offset where it does.
type Mentions = Vec<(usize, (Speaker, Who))>;

/// One text a quote can sit in.
struct Source<'a> {
    text: &'a str,
    part: TextPart,
    index: usize,
}

/// A quote being built, before ids and links.
#[derive(Clone)]
struct Draft {
    quote: Quote,
    who: Option<Who>,
}

/// A post's quotes as read (or the header's), kept for the blog's next edit: for each
/// person it was read as going on with, its quotes and the last person it quotes; and the
/// registry's keys its readings looked up.
#[derive(Default)]
pub(crate) struct Read {
    readings: Vec<(Option<Speaker>, Vec<Draft>, Option<Speaker>)>,
    pub(crate) looked_up: Vec<u64>,
}

/// How many readings of a post [`Read`] keeps: with no one before it, and with whom the
/// posts before it quote last.
const READINGS_KEPT: usize = 2;

impl Read {
    /// Whether the post is read (and its reading kept).
    pub(crate) fn is_read(&self) -> bool {
        !self.readings.is_empty()
    }

    /// The post's quotes going on with `previous`, read again only if not read so before
    /// (and kept only when the registry notes look-ups for edits).
    fn get(
        &mut self,
        previous: Option<&Speaker>,
        registry: &Registry,
        read: &dyn Fn() -> (Vec<Draft>, Option<Speaker>),
    ) -> (Vec<Draft>, Option<Speaker>) {
        if let Some((_, drafts, last)) = self.readings.iter().find(|r| r.0.as_ref() == previous) {
            return (drafts.clone(), last.clone());
        }
        registry.forget_looked_up();
        let (drafts, last) = read();
        if !registry.noting() {
            return (drafts, last);
        }
        self.looked_up.extend(registry.take_looked_up());
        if self.readings.len() == READINGS_KEPT {
            self.readings.remove(0);
        }
        self.readings
            .push((previous.cloned(), drafts.clone(), last.clone()));
        (drafts, last)
    }
}

/// What numbering and linking a blog's quotes leaves for its next edit, so that the posts
/// changed at its newest end (by age) are numbered and linked alone, and the quotes of the
/// posts before them stay where they are.
#[derive(Default)]
pub(crate) struct Linked {
    /// How many quotes come before each post's, by age (the header's count first), then
    /// how many there are.
    starts: Vec<usize>,
    /// Whom each post goes on with (the person quoted last before it), then whom a new
    /// post would.
    previous: Vec<Option<Speaker>>,
    /// The first post (by age) to quote someone by name.
    first_named: Option<usize>,
    /// Each quote's words ([`words_of`]) → the first quote (by age, outside headlines) to
    /// say them.
    first: crate::fxhash::FxMap<String, usize>,
}

impl Linked {
    /// Whether the quotes of the first `kept` posts (by age) stay as they are, and only the
    /// others' are read, numbered and linked: when the first post to quote someone by name
    /// is among them.
    pub(crate) fn keeps(&self, kept: usize) -> bool {
        self.first_named.is_some_and(|f| f < kept) && kept < self.starts.len()
    }
}

/// Extracts every quote of the blog, with its speaker: the title's and the header's, then
/// those of `updates` (the blog's, earliest first), numbered and linked in that order, and
/// listed in page order (`page_of` an update id, the header's 0). `header_read` and `reads`
/// (one for each of `updates`) keep what was read before, and what is read now.
///
/// The first `kept` posts are as at the last reading, which left `linked` and the quotes
/// `before`: when the first post to quote someone by name is among them, their quotes are
/// kept in `before` and only the others' are read, numbered, linked and put in place.
#[allow(clippy::too_many_arguments)]
pub(crate) fn extract_quotes(
    blog: &LiveBlog,
    updates: &[&Update],
    registry: &Registry,
    sentence_case: bool,
    header_read: &mut Read,
    reads: &mut [Read],
    linked: &mut Linked,
    kept: usize,
    before: Vec<Quote>,
    page_of: &dyn Fn(Option<&str>) -> u64,
) -> Vec<Quote> {
    let read = |update: &Update, read: &mut Read, previous: Option<&Speaker>| {
        read.get(previous, registry, &|| {
            post_quotes(update, previous, sentence_case, registry)
        })
    };
    if linked.keeps(kept) {
        // The kept posts' quotes are those numbered up to theirs; the others' words no
        // longer name a first quote.
        let numbered = linked.starts[kept];
        let mut quotes = before;
        quotes.retain(|q| {
            let keep = q.id.get(1..).and_then(|n| n.parse().ok()) <= Some(numbered);
            if !keep && !q.in_headline {
                let words = words_of(&q.text);
                if linked.first.get(&words).is_some_and(|&at| at >= numbered) {
                    linked.first.remove(&words);
                }
            }
            keep
        });
        linked.starts.truncate(kept + 1);
        linked.previous.truncate(kept + 1);
        let mut previous = linked.previous.last().cloned().flatten();
        let mut added: Vec<Quote> = Vec::new();
        for (update, post) in updates.iter().zip(reads.iter_mut()).skip(kept) {
            let (drafts, last) = read(update, post, previous.as_ref());
            previous = last.or(previous);
            linked.previous.push(previous.clone());
            added.extend(drafts.into_iter().map(|d| d.quote));
            linked.starts.push(numbered + added.len());
        }
        link_repeats(&mut added, numbered, &mut linked.first);
        // Each in place on the page, after what its page holds: a post's quotes come
        // together, in the order read.
        crate::sorting::sort_by_rank(&mut added, |q| page_of(q.update_id.as_deref()));
        for quote in added {
            let page = page_of(quote.update_id.as_deref());
            let at = quotes.partition_point(|q| page_of(q.update_id.as_deref()) <= page);
            quotes.insert(at, quote);
        }
        return quotes;
    }
    let header: Vec<Source> = blog
        .summary
        .iter()
        .map(|t| Source {
            text: t,
            part: TextPart::Summary,
            index: 0,
        })
        .chain(blog.header.iter().enumerate().map(|(i, t)| Source {
            text: t,
            part: TextPart::Header,
            index: i,
        }))
        .collect();
    // The title's quotes first, as a post's headline's: "Chancellor has ‘the credit card
    // maxed out’, Labour says" over a standfirst that quotes the leader saying so.
    let (mut drafts, _) = header_read.get(None, registry, &|| {
        let header = quotes_of(&header, None, registry, None);
        let mut drafts = Vec::new();
        if let Some(title) = blog.title.as_deref() {
            let at = (None, TextPart::Title);
            drafts.extend(headline_quotes(title, at, &header, registry));
        }
        drafts.extend(header);
        (drafts, None)
    });

    // The last person quoted, post by post in age order: a post of quotes alone goes on
    // with them.
    let mut posts: Vec<Vec<Draft>> = Vec::with_capacity(updates.len());
    let mut previous: Option<Speaker> = None;
    let mut first_named: Option<(usize, Speaker)> = None;
    linked.previous.clear();
    linked.previous.push(None);
    for (k, (update, post)) in updates.iter().zip(reads.iter_mut()).enumerate() {
        let (drafts, last) = read(update, post, previous.as_ref());
        if let Some(last) = last {
            first_named.get_or_insert_with(|| (k, last.clone()));
            previous = Some(last);
        }
        linked.previous.push(previous.clone());
        posts.push(drafts);
    }
    linked.first_named = first_named.as_ref().map(|(f, _)| *f);
    // A keynote's posts of quotes alone from before anyone was quoted go on with whom the
    // first post to quote someone quotes last: read again with them, so that a post is read
    // at most twice.
    if let Some((f, speaker)) = first_named {
        let before = updates.iter().zip(reads.iter_mut()).zip(&mut posts).take(f);
        for ((update, post), drafts) in before {
            if !drafts.is_empty() {
                *drafts = read(update, post, Some(&speaker)).0;
            }
        }
    }
    linked.starts.clear();
    linked.starts.push(drafts.len());
    for post in posts {
        drafts.extend(post);
        linked.starts.push(drafts.len());
    }

    let mut quotes: Vec<Quote> = drafts.into_iter().map(|d| d.quote).collect();
    linked.first.clear();
    link_repeats(&mut quotes, 0, &mut linked.first);
    crate::sorting::sort_by_rank(&mut quotes, |q| page_of(q.update_id.as_deref()));
    quotes
}

/// One post's quotes, its headline's first, and the last person it quotes; `previous`, the
/// last person quoted before it, goes on in a post of quotes alone.
fn post_quotes(
    update: &Update,
    previous: Option<&Speaker>,
    sentence_case: bool,
    registry: &Registry,
) -> (Vec<Draft>, Option<Speaker>) {
    let body: Vec<Source> = update
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, t)| Source {
            text: t,
            part: TextPart::Paragraph,
            index: i,
        })
        .chain(update.images.iter().enumerate().filter_map(|(i, img)| {
            img.caption.as_deref().map(|t| Source {
                text: t,
                part: TextPart::Caption,
                index: i,
            })
        }))
        .collect();
    let context = update
        .headline
        .as_deref()
        .and_then(headline_attribution)
        .map(|who| canonical(who, registry))
        .filter(|(_, who)| *who != Who::Pronoun);
    let mut body_quotes = quotes_of(&body, Some(&update.id), registry, context);
    resolve_bodies(&mut body_quotes, || first_person_named(&body));
    // "10:27 “We'll keep you posted.”" in a keynote followed post by post: a post that
    // opens with a quote and names no one goes on with the person quoted before it.
    let opens_with_quote = body_quotes.first().is_some_and(|d| {
        d.quote.speaker.is_none() && d.quote.index == 0 && d.quote.span.start <= 1
    });
    let names_another = |speaker: &Speaker| {
        let texts = update.headline.iter().map(String::as_str);
        texts
            .chain(body.iter().map(|b| b.text))
            .flat_map(name_runs)
            .filter_map(|run| registry.full_name(&run.name().join(" ")))
            .any(|full| full != speaker.name)
    };
    let goes_on = previous.filter(|s| opens_with_quote && !names_another(s));
    if let Some(speaker) = goes_on {
        for d in body_quotes.iter_mut().filter(|d| d.quote.speaker.is_none()) {
            d.quote.speaker = Some(speaker.clone());
            d.who = Some(Who::Person);
        }
    }
    // "Harbour Swimming Pool - closed until spring" over “We are closing our doors …”:
    // a statement the post names no one as making (a cue with no speaker, “They said:”,
    // or words in the first person) is made by whom the headline is about.
    let topic = update
        .headline
        .as_deref()
        .filter(|_| sentence_case)
        .and_then(|h| headline_topic(h, registry));
    if let Some((speaker, who)) = topic {
        for d in body_quotes.iter_mut().filter(|d| {
            d.quote.speaker.is_none() && (d.quote.cue.is_some() || in_first_person(&d.quote.text))
        }) {
            d.quote.speaker = Some(speaker.clone());
            d.who = Some(who);
        }
    }
    let last = body_quotes
        .iter()
        .rev()
        .find(|d| d.who == Some(Who::Person) && d.quote.speaker.is_some())
        .and_then(|d| d.quote.speaker.clone());
    let headline_quotes = update
        .headline
        .as_deref()
        .map(|h| {
            let at = (Some(update.id.as_str()), TextPart::Headline);
            headline_quotes(h, at, &body_quotes, registry)
        })
        .unwrap_or_default();
    let mut drafts = headline_quotes;
    drafts.extend(body_quotes);
    (drafts, last)
}

/// Quotes in a run of texts (a header, or an update's body), attributed in order, so that a
/// quote with no cue of its own inherits the speaker before it.
fn quotes_of(
    sources: &[Source],
    update_id: Option<&str>,
    registry: &Registry,
    context: Option<(Speaker, Who)>,
) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut last: Option<(Speaker, Who)> = None;
    // Everyone reported as speaking so far, quoted or not: pronouns and roles stand for them.
    // The headline's own attribution ("…: Macron aide") comes first.
    let context: Vec<(Speaker, Who)> = context.into_iter().collect();
    // Each text's mentions, worked out the first time a pronoun or role needs them.
    let mut cache: Vec<Option<Mentions>> = vec![None; sources.len()];
    let mut carried: Option<usize> = None; // an unclosed quote running on
    for (at_source, source) in sources.iter().enumerate() {
        let text = source.text;
        let mut raws = scan(text);
        // "Harbour master Ivo Dane said:" closing the paragraph above, and under it a
        // paragraph of prose with no quote marks: pages set such a statement apart by type,
        // an icon or a box rather than marks. Only that paragraph: the blog goes on after.
        let prose =
            text.starts_with(char::is_uppercase) && text.trim_end().ends_with(&['.', '!', '?'][..]);
        if raws.is_empty()
            && prose
            && source.part == TextPart::Paragraph
            && at_source > 0
            && sources[at_source - 1]
                .text
                .trim_end()
                .strip_suffix(':')
                .and_then(attribution_before)
                .is_some()
        {
            raws.push(Raw {
                mark: Mark::Double,
                open: 0,
                start: 0,
                end: text.len(),
                after: text.len(),
                closed: true,
            });
        }
        let starts = sentence_starts(text, &raws);
        // The subject of the sentence before a pronoun's, and that sentence by text and number.
        let mut subject_above: Option<(Speaker, Who)> = None;
        let mut subject_above_of: Option<(usize, usize)> = None;
        // The last quote kept in this text, by its end and its draft.
        let mut listed_before: Option<(usize, usize)> = None;
        for (n, raw) in raws.iter().enumerate() {
            let inner = text[raw.start..raw.end].trim();
            // A paragraph that opens with a quote continues one left open above: its own
            // quote, where it is written, said by the same speaker.
            // A quote left open with no speaker yet takes the one its continuation names
            // ("“We will rebuild. / “And open by spring,” Okafor said."): read it as any quote.
            let mut speakerless = None;
            if let Some(at) = carried.take() {
                if raw.open == 0 && n == 0 && drafts[at].quote.speaker.is_none() {
                    speakerless = Some(at);
                } else if raw.open == 0 && n == 0 {
                    let mut quote = drafts[at].quote.clone();
                    quote.text = inner.to_string();
                    quote.kind = QuoteKind::Full;
                    quote.part = source.part;
                    quote.index = source.index;
                    quote.span = Span {
                        start: raw.start,
                        end: raw.end,
                    };
                    let who = drafts[at].who;
                    drafts.push(Draft { quote, who });
                    if !raw.closed {
                        carried = Some(drafts.len() - 1);
                    }
                    continue;
                }
            }
            let sentence_start = starts
                .iter()
                .copied()
                .filter(|&s| s <= raw.open)
                .max()
                .unwrap_or(0);
            let sentence_end = starts
                .iter()
                .copied()
                .find(|&s| s >= raw.after)
                .unwrap_or(text.len());
            let before = &text[sentence_start..raw.open];
            // A quote that ends its sentence ("“We will go.” Alder said.") is signed by the
            // next sentence only when that sentence is an attribution alone.
            let signed_end = if text[raw.after..sentence_end.max(raw.after)]
                .trim()
                .is_empty()
            {
                let next = starts
                    .iter()
                    .copied()
                    .find(|&s| s > sentence_end)
                    .unwrap_or(text.len());
                if is_bare_attribution(&text[sentence_end.min(next)..next]) {
                    next
                } else {
                    sentence_end
                }
            } else {
                sentence_end
            };
            let next_open = raws
                .get(n + 1)
                .map_or(signed_end, |q| q.open.min(signed_end));
            let after = &text[raw.after..next_open.max(raw.after)];
            let rest_of_sentence = &text[raw.after..signed_end.max(raw.after)];

            let lead = before.trim_end();
            let scare = SCARE_MARKERS.iter().any(|m| {
                lead.len() >= m.len()
                    && lead.is_char_boundary(lead.len() - m.len())
                    && lead[lead.len() - m.len()..].eq_ignore_ascii_case(m)
            });
            if scare {
                continue;
            }
            let full = inner
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '…' || c.is_ascii_digit())
                && (inner.split_whitespace().count() >= 4
                    || inner.ends_with(&['.', ',', '!', '?'][..])
                    || raw.open == 0);
            let kind = if full {
                QuoteKind::Full
            } else {
                QuoteKind::Partial
            };

            // "Harbour master Ivo Dane: “We will reopen …”"
            // "Novak Djokovic – “…”": a dash, likewise.
            let colon = label(before).map(|who| (who, ":".to_string()));
            // "Union leader Tomas Berg said:" or "Garbine Muguruza:" closing the paragraph
            // above.
            let introduced = (raw.open == 0 && n == 0 && at_source > 0)
                .then(|| sources[at_source - 1].text.trim_end())
                .and_then(|above| above.strip_suffix(':'))
                .and_then(|above| {
                    attribution_before(above).or_else(|| {
                        label(&format!("{above}:")).map(|_| (above.trim(), ":".to_string()))
                    })
                });
            let direct = attribution_after(after).or(colon);
            // "called him a “liar,” a “bully” and “unfit”": a quote a few words after one of
            // its sentence's, with no cue between, is one of a list said by the same.
            let listed = listed_before
                .filter(|&(prev_after, _)| {
                    prev_after >= sentence_start && prev_after <= raw.open && {
                        // Or a few words quoted later in the sentence, with no one else
                        // named nor any cue between ("“Firm” steps must follow if there is
                        // to be a “proper recovery”").
                        // Read a cue's reach at most: a sentence of skipped quotes after a
                        // kept one reads no more than that for each.
                        let gap = words(first_words(&text[prev_after..raw.open], CUE_REACH + 1));
                        (gap.len() <= 4
                            || (kind == QuoteKind::Partial
                                && gap.len() <= CUE_REACH
                                && gap.iter().all(|(_, w)| !is_capitalised(w))))
                            && (0..gap.len()).all(|k| !is_cue_at(&gap, k))
                            && !text[prev_after..raw.open].contains(&['.', ';', ':', '!', '?'][..])
                    }
                })
                .map(|(_, d)| d);
            // “Face the Nation,” “The Dealmaker”: a title, unless it is said right there, or
            // named ("called the winner “Miss Piggy”").
            // Said right there: "“Never Again,” Berg said.", not "On “Harbour Hour,” Berg said
            // the strike would go on."
            let said_there = direct.is_some()
                && is_bare_attribution(&text[raw.after..signed_end.max(raw.after)]);
            if !said_there && listed.is_none() && is_title(inner) && !names_next(before) {
                continue;
            }
            let found = direct
                .or_else(|| attribution_before(before))
                .or_else(|| attribution_later(rest_of_sentence));
            let introduced_here = found.is_none() && introduced.is_some();
            let found = found.or(introduced);
            // A pronoun refers back from where it stands: "Though she called Wells Fargo's
            // conduct “…”" looks for "she" before its own sentence, not among the names
            // between it and the quote.
            let refers_from = found
                .as_ref()
                .and_then(|(phrase, _)| {
                    // Only a phrase of this text: an introduction above is in another.
                    let at = (phrase.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
                    (at + phrase.len() <= text.len()).then_some(at)
                })
                .filter(|&at| at <= raw.open)
                .unwrap_or(raw.open);
            let (speaker, who, cue) = match (found, listed) {
                (Some((phrase, cue)), _) => {
                    let (speaker, who) = canonical(phrase, registry);
                    (Some(speaker), Some(who), Some(cue))
                }
                (None, Some(d)) => {
                    let d = &drafts[d];
                    (d.quote.speaker.clone(), d.who, d.quote.cue.clone())
                }
                // A cue with no speaker the text makes out: reported words all the same.
                (None, None) => (None, None, cue_before(before)),
            };
            let (speaker, who) = match (speaker, who) {
                (Some(s), Some(Who::Pronoun)) => {
                    // The text before the pronoun's sentence: this text's, or the one above
                    // when the pronoun opens its text or introduces the quote from above.
                    let (home, from) = if introduced_here {
                        (at_source - 1, sources[at_source - 1].text.len())
                    } else {
                        (at_source, refers_from)
                    };
                    let he_she = ["he", "she"]
                        .iter()
                        .any(|p| p.eq_ignore_ascii_case(&s.name));
                    match sentence_subject(&text[sentence_start..raw.open], &s.name, registry)
                        .or_else(|| {
                            if !he_she {
                                return None;
                            }
                            // Only the sentence before is read, once for all its pronouns:
                            // a paragraph of n of them stays linear. The text above's starts
                            // are needed for a text's first quote only.
                            let computed;
                            let home_starts = if home == at_source {
                                &starts
                            } else {
                                let t = sources[home].text;
                                computed = sentence_starts(t, &scan(t));
                                &computed
                            };
                            let own = home_starts.partition_point(|&s| s <= from);
                            let key = (home, own);
                            if subject_above_of != Some(key) {
                                let home_text = sources[home].text;
                                let above = match own.checked_sub(2) {
                                    Some(k) => {
                                        Some(&home_text[home_starts[k]..home_starts[own - 1]])
                                    }
                                    None => home.checked_sub(1).map(|i| sources[i].text),
                                };
                                let found = above
                                    .and_then(|a| subject_of_last_sentence(a, registry))
                                    .filter(|(_, w)| *w == Who::Person);
                                subject_above = found;
                                subject_above_of = Some(key);
                            }
                            subject_above.clone()
                        })
                        .or_else(|| {
                            resolve_pronoun(
                                &s.name,
                                &mentions_before(
                                    sources,
                                    &mut cache,
                                    &context,
                                    at_source,
                                    refers_from,
                                    registry,
                                ),
                                &last,
                            )
                        }) {
                        Some((prev, prev_who)) => (
                            Some(Speaker {
                                as_written: s.as_written,
                                ..prev
                            }),
                            Some(prev_who),
                        ),
                        // Nobody before it to stand for: the text does not say who.
                        None => (None, None),
                    }
                }
                (Some(s), Some(Who::Role)) => match resolve_role(
                    &s,
                    &mentions_before(sources, &mut cache, &context, at_source, raw.open, registry),
                ) {
                    Some((named, named_who)) => (
                        Some(Speaker {
                            as_written: s.as_written,
                            ..named
                        }),
                        Some(named_who),
                    ),
                    None => (Some(s), Some(Who::Role)),
                },
                (Some(s), Some(Who::Body)) if is_single_place(Some(&s)) => {
                    let mentions = mentions_before(
                        sources, &mut cache, &context, at_source, raw.open, registry,
                    );
                    let speaker = match own_body(&s.name, &mentions) {
                        Some(body) => Speaker {
                            as_written: s.as_written,
                            ..body
                        },
                        None => s,
                    };
                    (Some(speaker), Some(Who::Body))
                }
                // No cue: a quote that opens its paragraph or follows another continues the
                // last speaker ("“Q1,” S said. “Q2.”").
                (None, _) if kind == QuoteKind::Full && (before.trim().is_empty() || n > 0) => {
                    // "Alder was asked about the defeat. “It didn't feel right.”": the
                    // sentence before a quote that stands alone names who says it, before
                    // whoever spoke last.
                    let above = if !before.trim().is_empty() {
                        None
                    } else if sentence_start > 0 {
                        Some(&text[..sentence_start])
                    } else {
                        at_source
                            .checked_sub(1)
                            .filter(|_| raw.open == 0)
                            .map(|i| sources[i].text)
                    };
                    match above.and_then(|a| subject_of_last_sentence(a, registry)) {
                        Some((s, w)) => (Some(s), Some(w)),
                        None => last
                            .clone()
                            .map_or((None, None), |(s, w)| (Some(s), Some(w))),
                    }
                }
                // "Alder proclaimed a goal of “peace through strength”", "Berg exhorted the
                // crowd to “hold the line”": words quoted with no verb of speech in reach
                // are the words of the sentence's subject, when it names someone.
                // A term is no one's words: after an article ("ordered a “special
                // operation”") or before the noun it qualifies ("“quack” cures").
                (None, _) if !before.trim().is_empty() => {
                    let clause = before.rsplit(&['”', '"'][..]).next().unwrap_or("");
                    let clause = clause.trim_start_matches(&[',', ' '][..]);
                    // "Alder's claim that there were “thousands”": the words' owner.
                    let owner = words_owner(clause).map(|who| canonical(who, registry));
                    owner
                        .filter(|(_, w)| matches!(w, Who::Person | Who::Body))
                        .or_else(|| {
                            (!is_term(before, after))
                                .then(|| named_subject(clause, registry))
                                .flatten()
                        })
                        .map_or((None, None), |(s, w)| (Some(s), Some(w)))
                }
                other => other,
            };
            // A few words nobody is reported as saying are a scare quote.
            if kind == QuoteKind::Partial && speaker.is_none() && cue.is_none() {
                continue;
            }
            if let (Some(s), Some(w)) = (&speaker, who) {
                if w != Who::Pronoun {
                    last = Some((s.clone(), w));
                }
            }
            if !raw.closed && inner.split_whitespace().count() < 3 {
                continue;
            }
            let at = drafts.len();
            drafts.push(Draft {
                quote: Quote {
                    id: String::new(),
                    text: inner.to_string(),
                    speaker,
                    cue,
                    update_id: update_id.map(str::to_string),
                    in_headline: false,
                    in_caption: source.part == TextPart::Caption,
                    kind,
                    part: source.part,
                    index: source.index,
                    span: Span {
                        start: raw.start,
                        end: raw.end,
                    },
                    same_as: None,
                },
                who,
            });
            if let Some(open) = speakerless {
                drafts[open].quote.speaker = drafts[at].quote.speaker.clone();
                drafts[open].who = who;
            }
            if !raw.closed && n + 1 == raws.len() {
                carried = Some(at);
            }
            listed_before = Some((raw.after, at));
        }
    }
    drafts
}

/// Everyone reported speaking or named before offset `before` of text `upto`, after the
/// update's context, in order: the last [`REFERENCE_REACH`] of them.
fn mentions_before(
    sources: &[Source],
    cache: &mut [Option<Mentions>],
    context: &[(Speaker, Who)],
    upto: usize,
    before: usize,
    registry: &Registry,
) -> Vec<(Speaker, Who)> {
    let mut out = Vec::new();
    // From the quote back: the nearest mentions are the ones a reference reaches.
    for i in (0..=upto).rev() {
        let mentions = cache[i].get_or_insert_with(|| {
            let raws = scan(sources[i].text);
            let starts = sentence_starts(sources[i].text, &raws);
            cue_subjects(sources[i].text, &starts, &raws, registry)
        });
        // Mentions are in text order: in the quote's own text, those before it.
        let end = if i < upto {
            mentions.len()
        } else {
            mentions.partition_point(|(at, _)| *at < before)
        };
        let room = REFERENCE_REACH - out.len();
        out.extend(
            mentions[..end]
                .iter()
                .rev()
                .take(room)
                .map(|(_, m)| m.clone()),
        );
        if out.len() == REFERENCE_REACH {
            break;
        }
    }
    let room = REFERENCE_REACH - out.len();
    out.extend(context.iter().rev().take(room).cloned());
    out.reverse();
    out
}

/// The subject of every cue verb in a text, outside its quotes, with the cue's offset:
/// who the text reports as speaking, quoted or not.
fn cue_subjects(
    text: &str,
    starts: &[usize],
    raws: &[Raw],
    registry: &Registry,
) -> Vec<(usize, (Speaker, Who))> {
    let mut out = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(text.len());
        let sentence = &text[start..end];
        let ws = words(sentence);
        for k in 0..ws.len() {
            let at = start + ws[k].0;
            let prior = last_opened(raws, at);
            if prior.is_some_and(|q| at < q.after) || !is_cue_at(&ws, k) {
                continue;
            }
            // Only the stretch since the last quote: a quote is not a subject.
            let from = prior.map_or(start, |q| q.after.max(start));
            // A bare "the allies" is too weak to stand behind a later pronoun.
            if let Some(phrase) = subject_before(&text[from..at]).filter(|p| is_named(p)) {
                let (speaker, who) = canonical(phrase, registry);
                if who != Who::Pronoun {
                    out.push((at, (speaker, who)));
                }
            }
        }
    }
    // People named outside quotes, speaking or not: "Harbour master Ivo Dane inspected the
    // quay. He said …".
    for (at, name) in people_named(text, registry) {
        if last_opened(raws, at).is_none_or(|q| at >= q.after) {
            out.push((at, (name, Who::Person)));
        }
    }
    crate::sorting::sort_by_rank(&mut out, |(at, _)| *at as u64);
    out
}

/// People a text names: runs of two or more capitalised words after any titles, that are
/// not organisations or places, and surnames of people named in full elsewhere.
fn people_named(text: &str, registry: &Registry) -> Vec<(usize, Speaker)> {
    // A person's name is words of letters in mixed case: not "No 10", not "NATO".
    // Particles inside a name are its own: "Von der Leyen".
    let wordlike = |(k, w): (usize, &&str)| {
        (w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase))
            || (k > 0 && is_in(NAME_PARTICLES, w))
    };
    let mut out = Vec::new();
    for run in name_runs(text) {
        let name = run.name();
        if !run.is_plain() || !name.iter().enumerate().all(wordlike) {
            continue;
        }
        let joined = name.join(" ");
        let known = registry.full_name(&joined);
        if name.len() >= 2 || known.is_some() {
            let full = known.map_or(joined, str::to_string);
            out.push((
                run.at,
                Speaker {
                    name: full,
                    as_written: run.written.to_string(),
                    role: None,
                },
            ));
        }
    }
    out
}

/// The speaker a pronoun stands for: the last person reported speaking for "he" or "she",
/// the last organisation or country for "it".
fn resolve_pronoun(
    pronoun: &str,
    mentions: &[(Speaker, Who)],
    last: &Option<(Speaker, Who)>,
) -> Option<(Speaker, Who)> {
    let wanted: &[Who] = match pronoun.to_ascii_lowercase().as_str() {
        "he" | "she" | "i" => &[Who::Person, Who::Role],
        "it" => &[Who::Body],
        _ => &[Who::Person, Who::Body, Who::Role],
    };
    mentions
        .iter()
        .rev()
        .find(|(_, w)| wanted.contains(w))
        .cloned()
        .or_else(|| last.clone().filter(|(_, w)| wanted.contains(w)))
}

/// The named speaker a role stands for ("the official" after "A harbour official told
/// the Gazette"): the last one reported speaking in that role.
fn resolve_role(role: &Speaker, mentions: &[(Speaker, Who)]) -> Option<(Speaker, Who)> {
    let noun = role.name.rsplit(' ').next()?.to_ascii_lowercase();
    mentions
        .iter()
        .rev()
        .find(|(m, w)| {
            *w != Who::Role
                && m.role.as_deref().is_some_and(|r| {
                    r.to_ascii_lowercase().rsplit(' ').next() == Some(noun.as_str())
                })
        })
        .cloned()
}

/// The first person an update names in full ("Vasyl Bodnar"): who an unnamed role in it is.
fn first_person_named(sources: &[Source]) -> Option<Speaker> {
    sources
        .iter()
        .flat_map(|source| name_runs(source.text))
        .find_map(|run| {
            let person = (2..=3).contains(&run.words.len())
                && run.name_from == 0
                && !run.first
                && !run.possessive
                && run.is_plain();
            person.then(|| Speaker {
                name: run.words.join(" "),
                as_written: String::new(),
                role: None,
            })
        })
}

/// Within an update, a role without a name, or a country, speaks through the person the
/// update quotes by name; a quote whose words another quote repeats takes that quote's
/// speaker when it has none of its own.
fn resolve_bodies(drafts: &mut [Draft], named: impl Fn() -> Option<Speaker>) {
    if drafts.iter().all(|d| d.who == Some(Who::Person)) {
        return;
    }
    let person = drafts
        .iter()
        .find(|d| d.who == Some(Who::Person))
        .and_then(|d| d.quote.speaker.clone());
    let named = person.clone().or_else(named);
    for i in 0..drafts.len() {
        if drafts[i].who == Some(Who::Person) {
            continue;
        }
        let words = drafts[i].quote.text.to_ascii_lowercase();
        let near = i.saturating_sub(REFERENCE_REACH)..drafts.len().min(i + REFERENCE_REACH);
        let echo = drafts[near.clone()]
            .iter()
            .zip(near)
            .find(|(d, j)| {
                *j != i
                    && d.who == Some(Who::Person)
                    && d.quote.text.to_ascii_lowercase().contains(&words)
            })
            .map(|(d, _)| d);
        let replacement = match (echo, drafts[i].who) {
            (Some(d), _) => d.quote.speaker.clone(),
            (None, Some(Who::Role)) => named.clone(),
            (None, Some(Who::Body)) if is_single_place(drafts[i].quote.speaker.as_ref()) => {
                person.clone()
            }
            _ => None,
        };
        if let Some(mut speaker) = replacement {
            if let Some(old) = &drafts[i].quote.speaker {
                speaker.as_written = old.as_written.clone();
            }
            drafts[i].quote.speaker = Some(speaker);
            drafts[i].who = Some(Who::Person);
        }
    }
}

/// "Ellery’s transport ministry has stated … Ellery called the move “hasty”": a
/// country speaks through the body of its own the text last reported speaking, named with
/// the country's possessive or its demonym and ending in an organisation's word (a
/// ministry, not an ambassador).
fn own_body(country: &str, mentions: &[(Speaker, Who)]) -> Option<Speaker> {
    let people = demonym_of(country);
    let owned = |name: &str, owner: &str| {
        name.strip_prefix(owner)
            .is_some_and(|rest| rest.starts_with(&['\'', '’'][..]) || rest.starts_with(' '))
    };
    mentions
        .iter()
        .rev()
        .find(|(m, w)| {
            *w == Who::Body
                && m.name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|head| part_in(ORG_WORDS, head))
                && (owned(&m.name, country) || people.is_some_and(|p| owned(&m.name, p)))
        })
        .map(|(m, _)| m.clone())
}

/// A one-word body with no role: a country or city speaking ("Latvia has called for …").
fn is_single_place(speaker: Option<&Speaker>) -> bool {
    speaker.is_some_and(|s| {
        s.role.is_none() && !s.name.contains(' ') && !s.name.chars().all(|c| c.is_uppercase())
    })
}

/// Whom a headline is about: the name of two or more words that opens it or one of its
/// parts ("Harbour Swimming Pool - closed until spring", "Ferries - Ellery Line’s crossing
/// to stop"), in a blog that writes its headlines in sentence case (in title case,
/// capitals name nothing).
fn headline_topic(headline: &str, registry: &Registry) -> Option<(Speaker, Who)> {
    let parted = headline
        .replace(" – ", " - ")
        .replace(" — ", " - ")
        .replace(": ", " - ");
    parted.split(" - ").map(str::trim).find_map(|part| {
        let run = name_runs(part).into_iter().next()?;
        let name = run.words.join(" ");
        if run.at > 0 || run.words.len() < 2 || place(&name).is_some() {
            return None;
        }
        let (speaker, who) = canonical(&name, registry);
        matches!(who, Who::Person | Who::Body).then_some((speaker, who))
    })
}

/// Whether words are said in the first person: "we", "our", "I", "my".
fn in_first_person(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        let word = bare(w).split(&['’', '\''][..]).next().unwrap_or("");
        ["we", "We", "our", "Our", "us", "Us", "I", "my", "My"].contains(&word)
    })
}

/// Who a headline says is speaking: "…: Biden", "…, FM says", "Ireland says …".
fn headline_attribution(headline: &str) -> Option<&str> {
    colon_attribution(headline).or_else(|| attribution_later(headline).map(|(who, _)| who))
}

/// "…: Biden", "…: Analyst", "…: UK PM’s spokesman": a short name or role after the last
/// colon of a longer headline. A short label before the colon ("Morning Brief: Will the
/// strike end soon?") is a programme or section, not a speaker.
fn colon_attribution(headline: &str) -> Option<&str> {
    let (head, tail) = headline.rsplit_once(": ")?;
    let tail = tail.trim();
    let tail_words: Vec<&str> = tail.split_whitespace().collect();
    let named = tail_words.iter().all(|w| {
        is_capitalised(w)
            || is_in(ROLE_NOUNS, bare(w))
            || is_in(TITLE_WORDS, bare(w))
            || w.ends_with("’s")
            || w.ends_with("'s")
    });
    let fits = !tail.contains(&['‘', '’', '“', '\'', '"', '?', '!'][..])
        && (1..=4).contains(&tail_words.len())
        && head.split_whitespace().count() > tail_words.len()
        && named;
    fits.then_some(tail)
}

/// Quotes in a headline, or in the blog's title over its header (`update_id` `None`, `part`
/// the title). Their speaker is the body's: the quote they echo, else the first body
/// speaker; a headline that names a known person ("…: Biden") keeps that person.
fn headline_quotes(
    headline: &str,
    (update_id, part): (Option<&str>, TextPart),
    body: &[Draft],
    registry: &Registry,
) -> Vec<Draft> {
    let raws = scan(headline);
    let mut out = Vec::new();
    for raw in &raws {
        if !raw.closed {
            continue;
        }
        let inner = headline[raw.start..raw.end].trim();
        let lower = inner.to_ascii_lowercase();
        let echo = body.iter().find(|d| {
            d.quote.speaker.is_some() && d.quote.text.to_ascii_lowercase().contains(&lower)
        });
        // The headline's own attribution: "…: Biden", "…, FM says", "UK’s Johnson warns …".
        // "Brennan campaign: ‘Every vote must be counted’": the words before a colon that
        // opens the quote name who says it.
        let before_colon = headline[..raw.open]
            .trim_end()
            .strip_suffix(':')
            .map(str::trim)
            .filter(|head| !head.is_empty() && head.split_whitespace().count() <= 5);
        let own = colon_attribution(headline)
            .filter(|tail| !tail.contains(inner))
            .or_else(|| attribution_after(&headline[raw.after..]).map(|(w, _)| w))
            .or_else(|| attribution_before(&headline[..raw.open]).map(|(w, _)| w))
            .or(before_colon)
            .filter(|w| !w.is_empty());
        let own_person = own
            .map(|w| canonical(w, registry))
            .filter(|(s, who)| *who == Who::Person && registry.full_name(&s.name).is_some());
        let whole = raw.open == 0 && raw.after >= headline.trim_end().len();
        let speaker = match (&own_person, echo) {
            (Some((s, _)), _) => Some(s.clone()),
            (None, Some(d)) => d.quote.speaker.clone(),
            (None, None) if own.is_some() || whole => {
                body.iter().find_map(|d| d.quote.speaker.clone())
            }
            _ => None,
        };
        // A headline's few words that the body never says and no one is named for are a
        // scare quote (‘independence’).
        let Some(mut speaker) = speaker else { continue };
        // A name in quotes (‘The Quay Cafe’) that the body also writes is a name, unless
        // the headline says who says it.
        if (echo.is_none() || is_title(inner)) && own.is_none() && !whole {
            continue;
        }
        if let Some(w) = own {
            speaker.as_written = w.to_string();
        }
        let full = inner.chars().next().is_some_and(char::is_uppercase)
            && inner.split_whitespace().count() >= 4;
        out.push(Draft {
            quote: Quote {
                id: String::new(),
                text: inner.to_string(),
                speaker: Some(speaker),
                cue: None,
                update_id: update_id.map(str::to_string),
                in_headline: true,
                in_caption: false,
                kind: if full {
                    QuoteKind::Full
                } else {
                    QuoteKind::Partial
                },
                part,
                index: 0,
                span: Span {
                    start: raw.start,
                    end: raw.end,
                },
                same_as: None,
            },
            who: Some(Who::Person),
        });
    }
    out
}

/// Numbers `quotes` (`q1`, `q2`, … from `from + 1`: those before them are numbered
/// already) and links a quote to the earlier one with the same words (header and update,
/// body and caption); `first` holds the words of the quotes before them (see
/// [`Linked::first`]), and gets theirs.
fn link_repeats(
    quotes: &mut [Quote],
    from: usize,
    first: &mut crate::fxhash::FxMap<String, usize>,
) {
    for (n, quote) in quotes.iter_mut().enumerate() {
        quote.id = format!("q{}", from + n + 1);
    }
    // The first quote (outside headlines) with each text; every later one links to it.
    for (n, quote) in quotes.iter_mut().enumerate() {
        if quote.in_headline {
            continue;
        }
        match first.entry(words_of(&quote.text)) {
            std::collections::hash_map::Entry::Occupied(e) => {
                quote.same_as = Some(format!("q{}", e.get() + 1));
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(from + n);
            }
        }
    }
    // A headline's quote that its update's body says in full ("‘We are proud’, says
    // commissioner" over "“We are proud of every crew,” said …") links to the body's, and
    // the blog title's to the header's: a reader is shown the words once. An update's
    // quotes come together, its headline's first (the title's before the header's); a
    // headline quote looks at so many after it, so that a hostile post costs no more than
    // its quotes a few times over.
    let mut links = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        if !q.in_headline {
            continue;
        }
        let words = words_of(&q.text);
        let said = quotes[i + 1..]
            .iter()
            .take(ECHO_REACH)
            .take_while(|b| b.update_id == q.update_id)
            .find(|b| !b.in_headline && words_of(&b.text).contains(&words));
        // The body's quote, or the quote it repeats in turn.
        if let Some(said) = said {
            links.push((i, said.same_as.clone().unwrap_or_else(|| said.id.clone())));
        }
    }
    for (i, id) in links {
        quotes[i].same_as = Some(id);
    }
}

/// How many of its update's quotes a headline's quote is compared with.
const ECHO_REACH: usize = 16;

/// A quote's words alone, in lower case, one space apart and one on each side: "Stay
/// away," and "stay away" say the same, and " stay away " is found whole in another's.
fn words_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// Whether a speaker phrase names someone: a capitalised word past its article, a role,
/// an organisation's noun, or a pronoun; not just "the allies".
fn is_named(phrase: &str) -> bool {
    phrase.split_whitespace().enumerate().any(|(i, w)| {
        let b = bare(w);
        (is_capitalised(b) && !(i == 0 && is_article(b)))
            || is_in(ROLE_NOUNS, b)
            || is_in(ORG_WORDS, b)
            || is_in(PRONOUNS, b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_found_by_their_first_byte() {
        let mut utf8 = [0u8; 4];
        for c in QUOTE_MARKS {
            assert!(opens_mark(c.encode_utf8(&mut utf8).as_bytes()[0]), "{c}");
        }
        let text = "“It’s «over»,” said Ana – ‘quietly’ – and \"then\" it's „done“ é";
        let by_char: Vec<(usize, char)> = text
            .char_indices()
            .filter(|(_, c)| QUOTE_MARKS.contains(c))
            .collect();
        assert_eq!(marks(text).collect::<Vec<_>>(), by_char);
    }
}
