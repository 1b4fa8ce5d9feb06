//! A term's posting list, in three bytes a posting where the plain pair took eight: the
//! update as its distance from its block's base (16 bits), and one byte of the fields
//! holding the term with the body's count up to seven; counts past that (rare) are kept
//! whole beside the list. The width is fixed, so reading a list is a plain walk with no
//! byte waiting on the one before it.
//!
//! A block holds at most [`BLOCK`] postings within 65,536 slots of its base, so that a
//! search can jump to the block holding an update.

use super::{Posting, BODY, FIELDS, FIELD_BITS, FIELD_SHIFT};

/// Postings per block at most.
const BLOCK: u32 = 128;

/// The packed counts of a field mask whose every field holds the term once.
const ONES: [u32; 32] = {
    let mut table = [0u32; 32];
    let mut mask = 0;
    while mask < 32 {
        let mut f = 0;
        while f < FIELDS {
            if mask & (1 << f) != 0 {
                table[mask] |= 1 << FIELD_SHIFT[f];
            }
            f += 1;
        }
        mask += 1;
    }
    table
};

/// Of a head byte: the fields holding the term, one bit each; above them, the body's
/// count less one when every other field holds it once, or [`WIDE`] when the counts are
/// in [`Postings::wide`].
const COUNT_SHIFT: u32 = FIELDS as u32;
const WIDE: u8 = 7;

/// A block: the update its distances are from, its first posting, and its first count in
/// [`Postings::wide`].
#[derive(Clone, Copy)]
struct Block {
    base: u32,
    first: u32,
    wide: u32,
}

#[derive(Default)]
pub(crate) struct Postings {
    /// Three bytes a posting: distance from the block's base (little-endian), head.
    bytes: Vec<u8>,
    /// The packed counts of the postings whose head says [`WIDE`], in list order.
    wide: Vec<u32>,
    blocks: Vec<Block>,
}

impl Postings {
    pub(crate) fn len(&self) -> usize {
        self.bytes.len() / 3
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Adds a posting after the last (`p.doc` is above every update in the list).
    pub(crate) fn push(&mut self, p: Posting) {
        let len = self.len() as u32;
        let block = match self.blocks.last() {
            Some(b) if p.doc - b.base <= 0xFFFF && len - b.first < BLOCK => *b,
            _ => {
                let b = Block {
                    base: p.doc,
                    first: len,
                    wide: self.wide.len() as u32,
                };
                self.blocks.push(b);
                b
            }
        };
        let head = head_of(p.tf);
        if head >> COUNT_SHIFT == WIDE {
            self.wide.push(p.tf);
        }
        let distance = (p.doc - block.base) as u16;
        self.bytes.extend_from_slice(&distance.to_le_bytes());
        self.bytes.push(head);
    }

    /// Removes the posting of an update; returns whether there was one.
    pub(crate) fn remove(&mut self, doc: u32) -> bool {
        let Some((b, i, w)) = self.place_of(doc) else {
            return false;
        };
        let wide = self.bytes[3 * i + 2] >> COUNT_SHIFT == WIDE;
        self.bytes.drain(3 * i..3 * i + 3);
        if wide {
            self.wide.remove(w);
        }
        for block in &mut self.blocks[b + 1..] {
            block.first -= 1;
            block.wide -= u32::from(wide);
        }
        if self.end_of(b) == self.blocks[b].first as usize {
            self.blocks.remove(b);
        }
        true
    }

    /// The posting of an update, if it has one.
    pub(crate) fn find(&self, doc: u32) -> Option<Posting> {
        let (_, i, w) = self.place_of(doc)?;
        let tf = counts(self.bytes[3 * i + 2], || self.wide.get(w).copied())?;
        Some(Posting { doc, tf })
    }

    /// Where the posting of `doc` is: its block, its place, and (when its counts are in
    /// `wide`) the place of its counts there. Found by halving the block, whose entries
    /// are of one width.
    fn place_of(&self, doc: u32) -> Option<(usize, usize, usize)> {
        let b = self.block_of(doc)?;
        let block = self.blocks[b];
        let distance = doc - block.base;
        let at = |i: usize| {
            u32::from(u16::from_le_bytes([
                self.bytes[3 * i],
                self.bytes[3 * i + 1],
            ]))
        };
        let (first, end) = (block.first as usize, self.end_of(b));
        let (mut low, mut high) = (first, end);
        while low < high {
            let mid = (low + high) / 2;
            if at(mid) < distance {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        if low == end || at(low) != distance {
            return None;
        }
        let is_wide = |i: usize| self.bytes[3 * i + 2] >> COUNT_SHIFT == WIDE;
        let w = if is_wide(low) {
            block.wide as usize + (first..low).filter(|&i| is_wide(i)).count()
        } else {
            0
        };
        Some((b, low, w))
    }

    /// The block that would hold `doc`: the last whose base is not above it.
    fn block_of(&self, doc: u32) -> Option<usize> {
        self.blocks
            .partition_point(|b| b.base <= doc)
            .checked_sub(1)
    }

    /// Where a block's postings end.
    fn end_of(&self, block: usize) -> usize {
        (self.blocks.get(block + 1)).map_or(self.len(), |b| b.first as usize)
    }

    /// Every posting, in slot order.
    pub(crate) fn iter(&self) -> Iter<'_> {
        Iter {
            list: self,
            rest: &[],
            wide: &self.wide,
            base: 0,
            next_block: 0,
        }
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
        self.wide.shrink_to_fit();
        self.blocks.shrink_to_fit();
    }

    pub(crate) fn memory_bytes(&self) -> usize {
        self.bytes.capacity()
            + self.wide.capacity() * 4
            + self.blocks.capacity() * std::mem::size_of::<Block>()
    }
}

/// The packed counts of a head byte, reading them from `wide` when they are there.
#[inline]
fn counts(head: u8, wide: impl FnOnce() -> Option<u32>) -> Option<u32> {
    let more = head >> COUNT_SHIFT;
    if more == WIDE {
        wide()
    } else {
        Some(ONES[usize::from(head & 31)] + (u32::from(more) << FIELD_SHIFT[BODY]))
    }
}

/// The head byte of packed counts.
fn head_of(tf: u32) -> u8 {
    let count = |f: usize| (tf >> FIELD_SHIFT[f]) & ((1 << FIELD_BITS[f]) - 1);
    let mask = (0..FIELDS).fold(0u8, |m, f| m | u8::from(count(f) > 0) << f);
    let more = count(BODY).saturating_sub(1);
    if more < u32::from(WIDE) && ONES[mask as usize] + (more << FIELD_SHIFT[BODY]) == tf {
        mask | (more as u8) << COUNT_SHIFT
    } else {
        mask | WIDE << COUNT_SHIFT
    }
}

/// Postings in slot order; see [`Iter::seek`].
pub(crate) struct Iter<'a> {
    list: &'a Postings,
    /// What is left of the current block's postings, and of the counts in `wide`.
    rest: &'a [u8],
    wide: &'a [u32],
    base: u32,
    /// The block after the current one.
    next_block: usize,
}

impl Iter<'_> {
    /// Moves on to the block that would hold `doc`, skipping the blocks wholly before it;
    /// the postings before `doc` in that block are still to come.
    pub(crate) fn seek(&mut self, doc: u32) {
        let blocks = &self.list.blocks;
        if self.next_block >= blocks.len() || blocks[self.next_block].base > doc {
            return;
        }
        let skip = blocks[self.next_block..].partition_point(|b| b.base <= doc);
        self.load(self.next_block + skip - 1);
    }

    /// Goes to the start of a block.
    fn load(&mut self, block: usize) {
        let list = self.list;
        let b = list.blocks[block];
        self.base = b.base;
        self.rest = &list.bytes[3 * b.first as usize..3 * list.end_of(block)];
        self.wide = &list.wide[b.wide as usize..];
        self.next_block = block + 1;
    }
}

impl Iterator for Iter<'_> {
    type Item = Posting;

    #[inline(always)]
    fn next(&mut self) -> Option<Posting> {
        if self.rest.is_empty() {
            if self.next_block == self.list.blocks.len() {
                return None;
            }
            self.load(self.next_block);
        }
        let (&[low, high, head], rest) = self.rest.split_first_chunk::<3>()?;
        self.rest = rest;
        let doc = self.base + u32::from(u16::from_le_bytes([low, high]));
        let tf = counts(head, || {
            let (&tf, wide) = self.wide.split_first()?;
            self.wide = wide;
            Some(tf)
        })?;
        Some(Posting { doc, tf })
    }

    /// Exact, so that collecting a list reserves its room once.
    fn size_hint(&self) -> (usize, Option<usize>) {
        let list = self.list;
        let later = (list.blocks.get(self.next_block)).map_or(0, |b| list.len() - b.first as usize);
        let n = self.rest.len() / 3 + later;
        (n, Some(n))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Against a plain vector: appends (sparse and dense gaps, counts of one and more),
        /// removals anywhere (emptying blocks, the last among them), then every reading.
        #[test]
        fn postings_equal_a_plain_list(
            gaps in prop::collection::vec((0u32..300, 0u32..8, any::<bool>()), 0..400),
            removals in prop::collection::vec(any::<prop::sample::Index>(), 0..300),
            more in prop::collection::vec(1u32..5, 0..40),
            probes in prop::collection::vec(0u32..60_000, 0..20),
        ) {
            let mut list = Postings::default();
            let mut plain: Vec<Posting> = Vec::new();
            let mut doc = 0;
            let tf = |k: u32, many: bool| if many { k << FIELD_SHIFT[1] | 3 } else { ONES[(k % 31 + 1) as usize] };
            let push = |list: &mut Postings, plain: &mut Vec<Posting>, p: Posting| {
                list.push(p);
                plain.push(p);
            };
            for (i, &(gap, k, many)) in gaps.iter().enumerate() {
                doc += if i == 0 { gap % 2 } else { 1 + gap * gap };
                push(&mut list, &mut plain, Posting { doc, tf: tf(k, many) });
            }
            for r in &removals {
                if plain.is_empty() {
                    break;
                }
                let p = plain.remove(r.index(plain.len()));
                prop_assert!(list.remove(p.doc));
                prop_assert!(!list.remove(p.doc));
            }
            for &gap in &more {
                doc += gap;
                push(&mut list, &mut plain, Posting { doc, tf: tf(gap, false) });
            }
            let pairs = |ps: &mut dyn Iterator<Item = Posting>| ps.map(|p| (p.doc, p.tf)).collect::<Vec<_>>();
            prop_assert_eq!(list.len(), plain.len());
            prop_assert_eq!(pairs(&mut list.iter()), pairs(&mut plain.iter().copied()));
            for &probe in probes.iter().chain(plain.iter().map(|p| &p.doc)) {
                let want = plain.iter().find(|p| p.doc == probe).map(|p| (p.doc, p.tf));
                prop_assert_eq!(list.find(probe).map(|p| (p.doc, p.tf)), want);
                // Seeking from the start never passes a posting at or after the probe.
                let mut it = list.iter();
                let first = it.next();
                if first.is_some_and(|p| p.doc < probe) {
                    it.seek(probe);
                }
                let next = first.filter(|p| p.doc >= probe).or_else(|| it.find(|p| p.doc >= probe));
                let want = plain.iter().find(|p| p.doc >= probe).map(|p| (p.doc, p.tf));
                prop_assert_eq!(next.map(|p| (p.doc, p.tf)), want);
            }
        }
    }
}
