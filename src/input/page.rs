//! What the markup, JSON-LD and feed readers share: posts as drafts, and the one way a
//! set of drafts becomes a [`LiveBlog`] (times resolved, pinned copies folded, ordered and
//! numbered by first-published time).

use crate::clock::{read_age, read_instant, Instant};
use crate::model::{Image, LiveBlog, Order, Update, Warning, WarningCode};

/// What a caller tells the structured readers about where the input came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The page's address, to resolve relative links.
    pub url: Option<String>,
    /// The moment to read "16m ago" against, in milliseconds since 1970-01-01T00:00Z. The
    /// core never reads a clock: without it such times stay unresolved, with a warning.
    pub now: Option<i64>,
    /// The largest input accepted, in bytes; `None` for [`crate::MAX_INPUT_BYTES`] (32 MiB).
    /// A page embedding the library on hostile input may want less.
    pub max_bytes: Option<usize>,
    /// The input is a page's post elements themselves, each of its top-level elements one
    /// post (a post the page added among those already read, as `<liveblog-filter>` reads
    /// it): a lone post is then read as a post, not as an article. A site profile that
    /// finds posts in it still reads them.
    pub posts: bool,
    /// Keep only the posts the page's markup shows: those only its JSON-LD lists (which
    /// `in_page` marks false) are left out, as a page filtering its own posts cannot show
    /// them. The JSON-LD still fills what the shown posts lack.
    pub in_page_only: bool,
}

/// One post as a reader found it, before the blog is put together.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft {
    pub update: Update,
    /// When it was first published, when the input says so exactly.
    pub when: Option<Instant>,
    /// Only a page's JSON-LD lists it: the page's markup does not show it.
    pub listed_only: bool,
}

impl Draft {
    /// Takes a post body read by [`super::markup::read_body`]: its paragraphs and links, and
    /// its photos before any the post lists elsewhere.
    pub(crate) fn set_body(&mut self, body: super::markup::Body) {
        self.update.paragraphs = body.paragraphs;
        self.update.images.splice(0..0, body.images);
        self.update.links = body.links;
    }
}

/// A page's blog-level facts and its posts in document order.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub title: Option<String>,
    pub summary: Option<String>,
    /// The day the blog covers, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub status: Option<crate::model::Status>,
    pub images: Vec<Image>,
    /// Text that is not a post: a page's body when it has no posts (a news article).
    pub header: Vec<String>,
    pub drafts: Vec<Draft>,
    pub warnings: Vec<Warning>,
    /// How the input was read (see [`LiveBlog::format`]).
    pub format: String,
    /// The order to list posts in, for inputs whose own order is not a reader's (JSON-LD
    /// and feeds list posts in any order); `None` to follow the page.
    pub order: Option<Order>,
}

/// The words of a post that identify it: its headline and paragraphs.
fn same_post(a: &Update, b: &Update) -> bool {
    a.headline == b.headline && a.paragraphs == b.paragraphs && a.images == b.images
}

/// Puts a page together: pinned copies folded into the post they copy, times resolved,
/// posts ordered by first-published time (newest first unless the page runs oldest first)
/// and numbered `u1` for the earliest.
pub(crate) fn finish(mut page: Page, options: &ReadOptions) -> LiveBlog {
    if options.in_page_only {
        page.drafts.retain(|d| !d.listed_only);
    }
    fold_pinned_copies(&mut page.drafts);
    let mut ages = false;
    for draft in &mut page.drafts {
        if draft.when.is_none() {
            // An age as written ("16m ago"), resolved against `now`.
            if let Some(age) = draft.update.time.as_deref().and_then(read_age) {
                match options.now {
                    Some(now) => {
                        draft.when = Some(Instant::from_unix_ms(
                            now.saturating_sub(age.saturating_mul(60_000)),
                        ));
                    }
                    None => ages = true,
                }
            }
        }
        draft.update.timestamp = draft.when.map(Instant::iso);
        draft.update.in_page = !draft.listed_only;
    }
    if ages {
        page.warnings.push(Warning {
            code: WarningCode::NoNow,
            message: "times such as \"16m ago\" need the moment the page was read (`now`), which was not given".into(),
            line: None,
        });
    }
    let date = page.date.clone().or_else(|| {
        // The first exact moment, else the caller's today, dates clock times ("19.30 GMT").
        let day = page
            .drafts
            .iter()
            .filter_map(|d| d.when)
            .map(|w| w.days)
            .min()
            .or_else(|| options.now.map(|n| Instant::from_unix_ms(n).days))?;
        Some(iso_day(day))
    });
    let order = page.order;
    let mut blog = LiveBlog {
        title: page.title,
        summary: page.summary,
        status: page.status,
        date,
        images: page.images,
        header: page.header,
        updates: page.drafts.into_iter().map(|d| d.update).collect(),
        warnings: page.warnings,
        format: page.format,
        ..LiveBlog::default()
    };
    // The order the page runs in, from the moments it gives, else from its clock times and
    // the match's clock.
    let moments: Vec<Option<i64>> = blog
        .updates
        .iter()
        .map(|u| moment(u.timestamp.as_deref()))
        .collect();
    blog.order = order.or_else(|| order_of(&moments)).or_else(|| {
        crate::extract::time::detect_order(&blog.updates, crate::input::text::whole_match_clock)
    });
    crate::extract::time::resolve_timestamps(&mut blog);
    let oldest_first = blog.order == Some(Order::OldestFirst);
    let moments: Vec<Option<i64>> = blog
        .updates
        .iter()
        .map(|u| moment(u.timestamp.as_deref()))
        .collect();
    if moments.iter().all(Option::is_some) {
        // Every post has its moment: order by it (the sort is stable for equal moments).
        let mut keyed: Vec<(i64, Update)> = moments
            .into_iter()
            .flatten()
            .zip(std::mem::take(&mut blog.updates))
            .collect();
        // A moment as a rank that keeps its order (the sign bit flipped), or reverses it.
        let flip = if oldest_first { 1 << 63 } else { u64::MAX >> 1 };
        crate::sorting::sort_by_rank(&mut keyed, |(m, _)| *m as u64 ^ flip);
        blog.updates = keyed.into_iter().map(|(_, u)| u).collect();
        if blog.updates.len() > 1 && blog.order.is_none() {
            blog.order = Some(Order::NewestFirst);
        }
    }
    crate::extract::time::number_updates(&mut blog);
    if blog.updates.is_empty() {
        blog.warnings.push(Warning {
            code: WarningCode::NoUpdates,
            message: "no live blog posts were found in the input".into(),
            line: None,
        });
    }
    blog
}

/// Minutes since the epoch of a timestamp (local times read as UTC).
fn moment(timestamp: Option<&str>) -> Option<i64> {
    timestamp.and_then(read_instant).map(Instant::utc_minutes)
}

/// Newest first when consecutive moments mostly fall, oldest first when they mostly rise.
pub(crate) fn order_of(moments: &[Option<i64>]) -> Option<Order> {
    let known: Vec<i64> = moments.iter().flatten().copied().collect();
    let (mut up, mut down) = (0, 0);
    for pair in known.windows(2) {
        match pair[0].cmp(&pair[1]) {
            std::cmp::Ordering::Less => up += 1,
            std::cmp::Ordering::Greater => down += 1,
            std::cmp::Ordering::Equal => {}
        }
    }
    match (up, down) {
        (0, 0) => None,
        _ if up > down => Some(Order::OldestFirst),
        _ => Some(Order::NewestFirst),
    }
}

/// A pinned post that repeats another post (same anchor, or same words) is the same post:
/// the copy goes, the original is marked pinned.
fn fold_pinned_copies(drafts: &mut Vec<Draft>) {
    let mut i = 0;
    while i < drafts.len() {
        if drafts[i].update.pinned {
            let copy = &drafts[i].update;
            let original = (0..drafts.len()).find(|&j| {
                j != i
                    && !drafts[j].update.pinned
                    && (copy.anchor.is_some() && drafts[j].update.anchor == copy.anchor
                        || same_post(&drafts[j].update, copy))
            });
            if let Some(j) = original {
                drafts[j].update.pinned = true;
                if drafts[j].update.key_event || drafts[i].update.key_event {
                    drafts[j].update.key_event = true;
                }
                drafts.remove(i);
                continue;
            }
        }
        i += 1;
    }
}

/// A day number as `YYYY-MM-DD`.
pub(crate) fn iso_day(days: i64) -> String {
    let (y, m, d) = crate::clock::civil_from_days(days);
    let mut out = String::with_capacity(10);
    crate::decimal::push_date(y, m, d, &mut out);
    out
}
