//! FxHash (rustc's own), seeded: a hash for the strings of one blog that is a few
//! instructions a byte, where the standard SipHash is dozens; every word of a blog is hashed
//! at least once. Every map of the crate uses it, so SipHash is not in the download.
//!
//! Unseeded, FxHash can be flooded: from a known start, two different 16-letter pieces that
//! reach the same state are found by a birthday search in milliseconds, and k of them in a
//! row give 2^k words that all hash alike (the `colliding-words` shape of
//! `examples/adversarial.rs`: 4,000 such words, 827 KB, took 1.44 s to index where as many
//! random words took 0.12 s). So every map starts its hashes from a secret seed: the
//! process's random one natively, one from the page's `Math.random` in wasm ([`set_seed`]).
//! The attack needs the state it starts from.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// A small fast hash for the index's and the extractors' own strings.
#[derive(Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Default for FxHasher {
    fn default() -> Self {
        FxHasher(seed())
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The seed of every hash; 0 until [`set_seed`] or [`seed`] picks one.
static SEED: AtomicU64 = AtomicU64::new(0);

/// Seeds every hash, once: the first seed stays, for a map whose seed changed would lose
/// its keys (`src/wasm.rs` calls it with the page's randomness when the module starts,
/// before any map is made; natively the first hash picks one, whichever thread gets there).
pub(crate) fn set_seed(seed: u64) {
    // Never 0, which stands for "not picked yet".
    let _ = SEED.compare_exchange(0, seed | 1, Ordering::Relaxed, Ordering::Relaxed);
}

/// The seed; natively, the process's random one from the first hash on.
fn seed() -> u64 {
    let seed = SEED.load(Ordering::Relaxed);
    if seed != 0 {
        return seed;
    }
    #[cfg(not(target_arch = "wasm32"))]
    set_seed(std::hash::BuildHasher::hash_one(
        &std::collections::hash_map::RandomState::new(),
        0u8,
    ));
    SEED.load(Ordering::Relaxed)
}

/// A map by [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A set by [`FxHasher`].
pub(crate) type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;
