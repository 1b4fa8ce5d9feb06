//! The wasm build's allocator: the standard one, remembering the size of the last
//! allocation it could not make. Rust stops the module when memory runs out (in wasm, a
//! trap), so the boundary asks afterwards what was asked for and reports `LB_TOO_LARGE`
//! with that size instead of an internal failure.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bytes of the last allocation that failed, 0 when none has since [`forget_failure`], and
/// its complement beside it: a module stopped by a bug may have written over its memory,
/// and a size whose complement does not match is not reported.
static FAILED: AtomicUsize = AtomicUsize::new(0);
static FAILED_CHECK: AtomicUsize = AtomicUsize::new(!0);

struct Remembering;

impl Remembering {
    fn check(ptr: *mut u8, size: usize) -> *mut u8 {
        if ptr.is_null() {
            FAILED.store(size, Ordering::Relaxed);
            FAILED_CHECK.store(!size, Ordering::Relaxed);
        }
        ptr
    }
}

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

#[global_allocator]
static ALLOCATOR: Remembering = Remembering;

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
