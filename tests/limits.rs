//! Limits: a documented maximum input size with a clear error, 10 MB inputs that parse, and
//! memory that stays proportional to the input (measured by a counting allocator).
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use liveblog_index::{parse, parse_any, parse_html, Index, ReadOptions, MAX_INPUT_BYTES};

/// The system allocator, counting the bytes live and the most ever live.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// One measurement at a time: the counters are process-wide.
static MEASURING: Mutex<()> = Mutex::new(());

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its result with the most memory it had live beyond what was live
/// before.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (out, PEAK.load(Ordering::Relaxed) - before)
}

/// About `bytes` of live blog text: our own fictional posts, each with its time.
fn big_text(bytes: usize) -> String {
    let mut text =
        String::from("Storm Alda: live updates\n\nThe storm reached the coast overnight.\n\n");
    let mut i = 0;
    while text.len() < bytes {
        let (h, m) = (23 - (i / 60) % 24, 59 - i % 60);
        text.push_str(&format!(
            "{h:02}:{m:02} GMT Update {i} from the harbour\n\n\
             Crews in Port Ellis cleared {i} trees overnight, the council said.\n\n\
             “We are working as fast as we can,” said Mara Olsen, the council leader.\n\n"
        ));
        i += 1;
    }
    text
}

#[test]
fn ten_megabytes_parse_in_memory_proportional_to_the_input() {
    let _one = MEASURING.lock().unwrap();
    let text = big_text(10 << 20);
    let (blog, peak) = peak_of(|| parse(&text).unwrap());
    assert!(blog.updates.len() > 50_000);
    let ratio = peak as f64 / text.len() as f64;
    eprintln!(
        "10 MB text: {} updates, peak {peak} bytes, {ratio:.1}x the input",
        blog.updates.len()
    );
    assert!(
        ratio < 40.0,
        "parsing took {ratio:.1}x the input's size in memory"
    );
    // Half the input needs about half the memory: growth is linear, not worse.
    let half = big_text(5 << 20);
    let (_, half_peak) = peak_of(|| parse(&half).unwrap());
    assert!(
        (peak as f64) < 2.6 * half_peak as f64,
        "{peak} against {half_peak} for half"
    );
    let (index, index_peak) = peak_of(|| Index::from_blog(&blog, ""));
    eprintln!(
        "its index: peak {index_peak} bytes, {} updates",
        index.len()
    );
    assert!((index_peak as f64) < 20.0 * text.len() as f64);
}

#[test]
fn ten_megabytes_of_html_parse() {
    let _one = MEASURING.lock().unwrap();
    let mut html = String::from("<main>");
    let mut i = 0;
    while html.len() < 10 << 20 {
        html.push_str(&format!(
            "<article id=\"p{i}\"><time datetime=\"2026-01-01T10:00:00Z\">10:00</time><h2>Post {i}</h2>\
             <p>Crews cleared {i} trees &amp; reopened the road, <b>the council</b> said.</p></article>"
        ));
        i += 1;
    }
    let (blog, peak) = peak_of(|| parse_html(&html, &ReadOptions::default()).unwrap());
    assert_eq!(blog.updates.len(), i);
    let ratio = peak as f64 / html.len() as f64;
    eprintln!("10 MB HTML: peak {peak} bytes, {ratio:.1}x the input");
    assert!(
        ratio < 40.0,
        "reading HTML took {ratio:.1}x the input's size in memory"
    );
}

#[test]
fn inputs_over_the_limit_are_refused_with_a_clear_error() {
    let text = big_text(4096);
    let small = ReadOptions {
        max_bytes: Some(1000),
        ..ReadOptions::default()
    };
    for input in [
        text.as_str(),
        "<p>x</p>",
        "{\"@type\": \"LiveBlogPosting\"}",
    ] {
        let padded = format!("{input}{}", " ".repeat(1000));
        let err = parse_any(&padded, &small).unwrap_err();
        assert_eq!(err.code(), "LB_TOO_LARGE");
        assert!(
            err.to_string().contains("the most accepted is 1000"),
            "{err}"
        );
    }
    // The option only lowers the ceiling.
    let huge = ReadOptions {
        max_bytes: Some(usize::MAX),
        ..ReadOptions::default()
    };
    assert!(parse_any(&text, &huge).is_ok());
    let over = "a".repeat(MAX_INPUT_BYTES + 1);
    assert_eq!(parse(&over).unwrap_err().code(), "LB_TOO_LARGE");
    assert_eq!(parse_any(&over, &huge).unwrap_err().code(), "LB_TOO_LARGE");
}
