//! Sorting without a sort per call site.
//!
//! The standard library's sorts are generic over the element and the comparison, and each
//! instantiation is several kilobytes of wasm (the sorts made up a seventh of the module's
//! code). These two helpers sort a list of indices with one instantiation each, then move
//! the elements into place, so every caller shares the same sort code. Both are stable and
//! O(n log n); the hot paths of search keep their own specialised sorts.

use std::cmp::Ordering;

/// Sorts `items` stably by a whole-number key (smallest first).
pub(crate) fn sort_by_rank<T>(items: &mut [T], mut key: impl FnMut(&T) -> u64) {
    let keyed: Vec<(u64, u32)> = (items.iter().enumerate())
        .map(|(i, item)| (key(item), i as u32))
        .collect();
    permute(items, ranked(keyed));
}

/// The indices of `keyed` (each key with its index, in index order) by key, ties in index
/// order. Keys that span little more than their number (places on a page, words in a name)
/// are counted into place, in linear time; others are sorted.
fn ranked(mut keyed: Vec<(u64, u32)>) -> Vec<u32> {
    let low = keyed.iter().map(|k| k.0).min().unwrap_or(0);
    let span = keyed.iter().map(|k| k.0 - low).max().unwrap_or(0);
    if span > 2 * keyed.len() as u64 + 64 {
        // The index breaks ties, so the unstable sort keeps equal keys in their order.
        keyed.sort_unstable();
        return keyed.into_iter().map(|(_, i)| i).collect();
    }
    // Where each key's indices start, then the indices put there in index order.
    let mut starts = vec![0u32; span as usize + 2];
    for &(k, _) in &keyed {
        starts[(k - low) as usize + 1] += 1;
    }
    for n in 1..starts.len() {
        starts[n] += starts[n - 1];
    }
    let mut order = vec![0u32; keyed.len()];
    for &(k, i) in &keyed {
        let at = &mut starts[(k - low) as usize];
        order[*at as usize] = i;
        *at += 1;
    }
    order
}

/// Sorts `items` stably by a comparison.
pub(crate) fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = indices_by(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    permute(items, order);
}

/// `0..n` sorted stably by `cmp` on the indices: compiled once, whatever is sorted.
fn indices_by(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by(|&a, &b| cmp(a as usize, b as usize));
    order
}

/// Rearranges `items` so that the element at `order[k]` comes k-th.
fn permute<T>(items: &mut [T], order: Vec<u32>) {
    cycle_swaps(order, &mut |a, b| items.swap(a, b));
}

/// The swaps that apply the permutation `order` (the element at `order[k]` comes k-th), one
/// cycle at a time: compiled once, whatever is moved, where collecting the elements into
/// slots and back compiled a collect and an extend per element type.
fn cycle_swaps(mut order: Vec<u32>, swap: &mut dyn FnMut(usize, usize)) {
    // A place whose element is in place is marked by `u32::MAX` (no list is that long).
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != u32::MAX {
            let from = order[at] as usize;
            order[at] = u32::MAX;
            if from != start {
                // `at` takes `from`'s element; `from` holds the cycle's first one until its
                // own turn.
                swap(at, from);
            }
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_sort_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_rank(&mut v, |&(k, _)| k);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        // Near the top of the range, counted; spread wide, sorted: the same order.
        for spread in [1, u64::MAX / 128] {
            let keys: Vec<u64> = (0..1_000u64).map(|i| (i * 7919) % 97).collect();
            let mut v: Vec<(u64, usize)> = keys
                .iter()
                .map(|&k| u64::MAX - k * spread)
                .zip(0..)
                .collect();
            let mut want = v.clone();
            want.sort();
            sort_by_rank(&mut v, |&(k, _)| k);
            assert_eq!(v, want);
        }
    }

    #[test]
    fn comparisons_sort_stably() {
        let mut v = vec!["pear", "fig", "apple", "kiwi", "plum", "date"];
        sort_by(&mut v, |a, b| a.len().cmp(&b.len()));
        assert_eq!(v, ["fig", "pear", "kiwi", "plum", "date", "apple"]);
        let mut big: Vec<u32> = (0..10_000).map(|i| (i * 7919) % 10_007).collect();
        let mut want = big.clone();
        want.sort();
        sort_by(&mut big, u32::cmp);
        assert_eq!(big, want);
    }
}
