//! The index's one copy of every update's texts, which is also its term sequence: each
//! text is cut into its words and the runs between them ("pieces"), every distinct piece is
//! kept once in a dictionary, and a text is the varint codes of its pieces in order. A
//! word's piece knows its term, so phrases and excerpts read a text's terms from the same
//! bytes that give the text back, exactly, for saving and for excerpts.
//!
//! Code 0 ends a text. Any other code is a piece id times two, plus one when a single
//! space follows the piece (most words): most words cost one or two bytes.

use super::{FxMap, TEXT_END};

/// The term of a piece that is not a word.
pub(crate) const GAP: u32 = u32::MAX - 1;

/// The dictionary only grows: the pieces of a removed update stay, since dropping one would
/// renumber every code after it.
#[derive(Default)]
pub(crate) struct Pieces {
    /// By id; id 0 is never used (its codes would be 0 and 1).
    texts: Vec<Box<str>>,
    /// By id, the term of a word, [`GAP`] for the runs between words.
    terms: Vec<u32>,
    ids: FxMap<Box<str>, u32>,
}

impl Pieces {
    /// The code of a piece (without a following space): a word with the term `term()`
    /// gives it when new, or a run between words when `term` is `None`.
    pub(crate) fn code(&mut self, piece: &str, term: Option<&mut dyn FnMut() -> u32>) -> u32 {
        if let Some(&id) = self.ids.get(piece) {
            return id << 1;
        }
        if self.texts.is_empty() {
            self.texts.push(Box::from(""));
            self.terms.push(GAP);
        }
        let id = self.texts.len() as u32;
        self.texts.push(Box::from(piece));
        self.terms.push(term.map_or(GAP, |t| t()));
        self.ids.insert(Box::from(piece), id);
        id << 1
    }

    /// The terms of the words of `codes`, [`TEXT_END`] at the end of each text.
    pub(crate) fn terms_of<'a>(&'a self, codes: Codes<'a>) -> Terms<'a> {
        Terms {
            codes,
            terms: &self.terms,
        }
    }

    /// The bytes that begin a code of a spelling of `term` (a space after it or not):
    /// [`Pieces::holds_pair`] scans for these bytes.
    pub(crate) fn first_bytes(&self, term: u32) -> Starts {
        let mut starts = Starts {
            table: [false; 256],
            few: Vec::new(),
        };
        for (id, &t) in self.terms.iter().enumerate() {
            if t == term {
                // A code's low bit (the space after it) is its first byte's low bit, so a
                // spelling's two codes begin with the two bytes of one pair `b & !1, b | 1`.
                let first = super::store::first_byte(u64::from((id as u32) << 1)) | 1;
                if !starts.table[usize::from(first)] {
                    starts.few.push(first);
                }
                starts.table[usize::from(first)] = true;
                starts.table[usize::from(first & !1)] = true;
            }
        }
        starts
    }

    /// Whether texts' codes hold a word of term `first` followed by one of `second` in the
    /// same text, runs between words aside; `starts` is `first_bytes(first)`. The bytes are
    /// scanned for where a code of `first` may begin, and only there read as codes: a code
    /// begins at the start or after a byte below 0x80, which ends the one before.
    pub(crate) fn holds_pair(
        &self,
        bytes: &[u8],
        starts: &Starts,
        first: u32,
        second: u32,
    ) -> bool {
        let mut from = 0;
        while let Some(at) = starts.next_in(bytes, from) {
            from = at + 1;
            if at > 0 && bytes[at - 1] >= 0x80 {
                continue;
            }
            let mut codes = Codes { bytes, at };
            if codes.next().is_none_or(|code| self.term(code) != first) {
                continue;
            }
            for code in codes {
                let term = if code == 0 { TEXT_END } else { self.term(code) };
                if term != GAP {
                    if term == second {
                        return true;
                    }
                    break;
                }
            }
        }
        false
    }

    /// The term of a word's code.
    #[inline]
    pub(crate) fn term(&self, code: u32) -> u32 {
        self.terms[(code >> 1) as usize]
    }

    /// The text of a code, and whether a space follows it.
    pub(crate) fn text(&self, code: u32) -> (&str, bool) {
        (&self.texts[(code >> 1) as usize], code & 1 == 1)
    }

    /// Bytes held: the pieces twice (list and map) and the map's table.
    pub(crate) fn memory_bytes(&self) -> usize {
        let text: usize = self.texts.iter().map(|t| t.len()).sum();
        let entry = std::mem::size_of::<(Box<str>, u32)>() + 1;
        2 * text
            + self.texts.capacity() * std::mem::size_of::<Box<str>>()
            + self.terms.capacity() * 4
            + self.ids.capacity() * entry * 8 / 7
    }
}

/// The bytes that begin the codes of a term's spellings: all of them as a table, and a
/// list of them by pairs (each as its byte with the low bit set), to test eight bytes at
/// once when they are few.
pub(crate) struct Starts {
    table: [bool; 256],
    few: Vec<u8>,
}

impl Starts {
    /// Where the first byte at or after `from` that may begin a code of the term lies.
    /// Eight bytes at a time while the bytes are few (each pair one byte with the low bit
    /// set): the lowest lane found zero is exact, so the scan goes straight to it.
    #[inline]
    fn next_in(&self, bytes: &[u8], mut from: usize) -> Option<usize> {
        if self.few.len() <= 4 {
            while let Some(word) = eight(bytes, from) {
                let paired = word | lanes(1);
                let zero = self
                    .few
                    .iter()
                    .fold(0, |zero, &b| zero | below_lanes(paired ^ lanes(b), 1));
                if zero != 0 {
                    return Some(from + (zero.trailing_zeros() / 8) as usize);
                }
                from += 8;
            }
        }
        let rest = bytes.get(from..)?;
        let i = rest.iter().position(|&b| self.table[usize::from(b)])?;
        Some(from + i)
    }
}

/// Eight bytes with `byte` in each.
pub(crate) const fn lanes(byte: u8) -> u64 {
    u64::from_le_bytes([byte; 8])
}

/// Whether any of eight bytes is below `n` (at most 128): the classic test, exact.
#[inline]
pub(crate) fn any_below(word: u64, n: u8) -> bool {
    below_lanes(word, n) != 0
}

/// The top bit of each lane below `n` (at most 128), and perhaps of lanes above one that
/// is: the lowest bit set is exact.
#[inline]
fn below_lanes(word: u64, n: u8) -> u64 {
    word.wrapping_sub(lanes(n)) & !word & lanes(0x80)
}

/// Whether any of eight bytes is `byte`.
#[inline]
pub(crate) fn any_is(word: u64, byte: u8) -> bool {
    any_below(word ^ lanes(byte), 1)
}

/// The eight bytes at `at` as one little-endian word, when there are eight.
#[inline]
pub(crate) fn eight(bytes: &[u8], at: usize) -> Option<u64> {
    let mut word = [0; 8];
    word.copy_from_slice(bytes.get(at..at + 8)?);
    Some(u64::from_le_bytes(word))
}

/// Writes a text's codes to `out`: `code` gives the code of a word (with its folded form)
/// or of the run between two words (`None`).
pub(crate) fn write(
    text: &str,
    out: &mut Vec<u8>,
    mut code: impl FnMut(&str, Option<&str>) -> u32,
) {
    let mut at = 0;
    // The code of the last word, written once it is known whether a space follows it.
    let mut last = None;
    super::tokenize::each_token(text, |word, start, end, _| {
        after(out, last, &text[at..start], &mut code);
        last = Some(code(&text[start..end], Some(word)));
        at = end;
    });
    after(out, last, &text[at..], &mut code);
    put(out, 0);
}

/// Writes the word before a run between words (if any), then the run: a single space is
/// the word's bit.
fn after(
    out: &mut Vec<u8>,
    word: Option<u32>,
    gap: &str,
    code: &mut impl FnMut(&str, Option<&str>) -> u32,
) {
    let spaced = word.is_some() && gap == " ";
    if let Some(c) = word {
        put(out, c | u32::from(spaced));
    }
    if !gap.is_empty() && !spaced {
        put(out, code(gap, None));
    }
}

/// A code as the saved index writes its numbers (LEB128).
fn put(out: &mut Vec<u8>, code: u32) {
    super::store::put_varint(out, u64::from(code));
}

/// The codes of texts written by [`write`], in order, 0 at the end of each text.
pub(crate) struct Codes<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Codes<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Codes { bytes, at: 0 }
    }

    /// How many bytes have been read.
    pub(crate) fn at(&self) -> usize {
        self.at
    }
}

impl Iterator for Codes<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        if b < 0x80 {
            return Some(u32::from(b));
        }
        Some(self.rest(b))
    }
}

impl Codes<'_> {
    /// The bytes of a code after its first, `first`; truncated bytes end it there.
    fn rest(&mut self, first: u8) -> u32 {
        let mut n = u32::from(first & 0x7F);
        let mut shift = 7;
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            n |= u32::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                break;
            }
            shift += 7;
        }
        n
    }
}

/// See [`Pieces::terms_of`]: written out rather than a `filter_map`, which the size-tuned
/// build leaves as a call per code.
pub(crate) struct Terms<'a> {
    codes: Codes<'a>,
    terms: &'a [u32],
}

impl Iterator for Terms<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        loop {
            let code = self.codes.next()?;
            if code == 0 {
                return Some(TEXT_END);
            }
            let term = self.terms[(code >> 1) as usize];
            if term != GAP {
                return Some(term);
            }
        }
    }
}
