//! Memory for big jobs, and (in the wasm build) the allocator.
//!
//! The reservation policy: before a big job, grow wasm memory once, by about what the job
//! will need, rather than page by page as it allocates. Each growth lets the engine collect
//! garbage, and on a page with a large JS heap thousands of small growths cost more than the
//! job (a 50,000-update index took 14x longer). The block is freed at once and the allocator
//! hands it out again. Only for big jobs: for small ones, searches afterwards measured a
//! third slower. A hint, in steps: where memory cannot grow that far, half as much, and so
//! on; the job then grows memory as it needs.
//!
//! The allocator: the standard one, remembering the size of the last allocation it could
//! not make. Rust stops the module when memory runs out (in wasm, a trap), so the boundary
//! asks afterwards what was asked for and reports `LB_TOO_LARGE` with that size instead of
//! an internal failure.

use crate::model::LiveBlog;

/// The smallest reservation worth making: below it, a job grows memory as it goes.
const FLOOR: usize = 16 << 20;
/// The largest reservation tried first.
const CEILING: usize = 1 << 30;

/// A job that may be big enough to reserve memory for.
#[derive(Clone, Copy)]
pub(crate) enum Job<'a> {
    /// Reading an input of this many bytes: about eight times its size.
    Read(usize),
    /// Indexing a blog's updates: about six times their text.
    Index(&'a LiveBlog),
}

impl Job<'_> {
    /// About how many bytes the job will need.
    fn bytes(self) -> usize {
        match self {
            Job::Read(input) => input.saturating_mul(8),
            Job::Index(blog) => blog
                .updates
                .iter()
                .map(|u| {
                    u.headline.as_ref().map_or(0, String::len)
                        + u.paragraphs.iter().map(String::len).sum::<usize>()
                })
                .sum::<usize>()
                .saturating_mul(6),
        }
    }
}

/// The block sizes to try for a job, largest first: what it needs (at most 1 GiB), then
/// half as much, and so on down to 16 MiB; none for a small job.
pub(crate) fn reservations(job: Job) -> impl Iterator<Item = usize> {
    std::iter::successors(Some(job.bytes().min(CEILING)), |want| Some(want / 2))
        .take_while(|&want| want >= FLOOR)
}

/// Reserves memory for a job ([`reservations`]): the first block that can be had is taken
/// and freed at once. Only the wasm build reserves; natively memory is not grown by pages.
pub(crate) fn reserve(job: Job) {
    if cfg!(target_arch = "wasm32") {
        for want in reservations(job) {
            let mut block: Vec<u8> = Vec::new();
            if block.try_reserve_exact(want).is_ok() {
                std::hint::black_box(block);
                return;
            }
            // Only a hint: the failure is not the job's.
            forget_failure();
        }
    }
}

#[cfg(target_arch = "wasm32")]
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bytes of the last allocation that failed, 0 when none has since [`forget_failure`], and
/// its complement beside it: a module stopped by a bug may have written over its memory,
/// and a size whose complement does not match is not reported.
static FAILED: AtomicUsize = AtomicUsize::new(0);
static FAILED_CHECK: AtomicUsize = AtomicUsize::new(!0);

#[cfg(target_arch = "wasm32")]
struct Remembering;

#[cfg(target_arch = "wasm32")]
impl Remembering {
    fn check(ptr: *mut u8, size: usize) -> *mut u8 {
        if ptr.is_null() {
            FAILED.store(size, Ordering::Relaxed);
            FAILED_CHECK.store(!size, Ordering::Relaxed);
        }
        ptr
    }
}

#[cfg(target_arch = "wasm32")]
// SAFETY: every call goes to the system allocator with the caller's own arguments; the
// wrapper only notes a null result.
unsafe impl GlobalAlloc for Remembering {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        Self::check(unsafe { System.alloc(layout) }, layout.size())
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        Self::check(unsafe { System.alloc_zeroed(layout) }, layout.size())
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        Self::check(unsafe { System.realloc(ptr, layout, new_size) }, new_size)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: Remembering = Remembering;

#[cfg(target_arch = "wasm32")]
/// The size of the allocation that failed last, 0 if none has (or memory was overwritten).
pub(crate) fn failed_allocation() -> usize {
    let size = FAILED.load(Ordering::Relaxed);
    if FAILED_CHECK.load(Ordering::Relaxed) == !size {
        size
    } else {
        0
    }
}

/// Forgets a failure the caller handled (a reservation that was only a hint).
pub(crate) fn forget_failure() {
    FAILED.store(0, Ordering::Relaxed);
    FAILED_CHECK.store(!0, Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Update;

    const MIB: usize = 1 << 20;

    #[test]
    fn a_small_job_reserves_nothing() {
        assert_eq!(reservations(Job::Read(0)).count(), 0);
        // 8 x 2 MiB is the floor itself; a byte less is not worth a reservation.
        assert_eq!(reservations(Job::Read(2 * MIB - 1)).count(), 0);
        assert_eq!(
            reservations(Job::Read(2 * MIB)).collect::<Vec<_>>(),
            [16 * MIB]
        );
    }

    #[test]
    fn reading_reserves_eight_times_the_input_then_halves_to_the_floor() {
        let steps: Vec<usize> = reservations(Job::Read(10 * MIB)).collect();
        assert_eq!(steps, [80 * MIB, 40 * MIB, 20 * MIB]);
    }

    #[test]
    fn no_reservation_is_over_a_gibibyte_and_none_overflows() {
        let steps: Vec<usize> = reservations(Job::Read(usize::MAX)).collect();
        assert_eq!(
            steps,
            [
                1024 * MIB,
                512 * MIB,
                256 * MIB,
                128 * MIB,
                64 * MIB,
                32 * MIB,
                16 * MIB
            ]
        );
    }

    #[test]
    fn indexing_reserves_six_times_the_headlines_and_paragraphs() {
        let update = |headline: Option<&str>, paragraph: &str| Update {
            headline: headline.map(|h| h.repeat(MIB)),
            paragraphs: vec![paragraph.repeat(MIB)],
            labels: vec!["not indexed text".repeat(MIB)],
            ..Update::default()
        };
        let blog = LiveBlog {
            updates: vec![update(Some("ab"), "c"), update(None, "d")],
            ..LiveBlog::default()
        };
        // 2 + 1 + 1 MiB of text.
        let steps: Vec<usize> = reservations(Job::Index(&blog)).collect();
        assert_eq!(steps, [24 * MIB]);
    }
}
