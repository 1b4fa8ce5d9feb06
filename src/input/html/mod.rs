//! A live blog page's HTML → [`LiveBlog`].
//!
//! 1. The page is tokenized and built into a small tree ([`super::markup::dom`]).
//! 2. Its posts are found by a site profile when one matches ([`profiles`]: selectors kept
//!    as data), else generically: the largest run of sibling elements of one kind that each
//!    carry a time or a heading and some text; failing that, posts with no element of their
//!    own, a flat run of siblings each opened by a time ([`flat`]).
//! 3. Each post becomes an update: its heading is the headline, `<time datetime>` (or a
//!    timestamp attribute, or the match's clock opening the post in an element of its own,
//!    "78'" or "49.6", or else an element holding only a clock time) the time, block
//!    elements the paragraphs, `<figure>` the photos with their captions and credits,
//!    and a `<blockquote>` one quoted paragraph ([`super::markup::body`]).
//! 4. JSON-LD `LiveBlogPosting` in the page fills what the markup lacks (times, headlines,
//!    posts the markup stripped), and gives the posts when the markup has none.

mod flat;
mod profiles;

use crate::fxhash::FxMap;

use self::profiles::{Profile, GENERIC, PROFILES};
use super::markup::dom::{collapse, Dom, Kind, NodeId, Span, NOT_TEXT};
use super::markup::select::Selector;
use super::markup::{absolute, body, BLOCKS};
use super::page::{finish, iso_day, Draft, Page, ReadOptions};
use crate::clock::{clock_at, read_age, read_instant};
use crate::model::{LiveBlog, Warning, WarningCode};

/// Attributes on a post or its time element that hold a machine-readable moment.
const TIME_ATTRS: &[&str] = &[
    "datetime",
    "content",
    "data-timestamp",
    "data-time",
    "data-published",
    "data-published-at",
    "data-posted-at",
    "data-date",
    "title",
    // Last: a post's last edit, when nothing gives its first publication.
    "data-last-updated",
];

/// Words of its own text over which a page is an article in its markup, not a blog its
/// scripts render from data.
const ARTICLE_WORDS: usize = 300;

/// The most text (bytes) a block around a form's field holds and is still the form's own
/// (a heading, a pitch, the small print), not a part of the article that holds a form.
const FORM_TEXT: usize = 400;

/// The most text (bytes) beside an image that is only its caption and credit.
const CAPTION_TEXT: usize = 300;

/// The most text (bytes) of its own, not linked, a teaser holds beside its headline: a
/// summary line, a date, an author.
const TEASER_TEXT: usize = 400;

/// Headings of a box that is no part of the article it sits in (matched whole, folded to
/// lower case, without a closing colon or a count: "Comments (301)"): the author's
/// biography, the comments, teasers for other pages, sharing and sign-up prompts.
const BOX_HEADINGS: &[&str] = &[
    "about the author",
    "about the authors",
    "comments",
    "comment on this article",
    "post a comment",
    "leave a comment",
    "leave a reply",
    "join the conversation",
    "read next",
    "read more",
    "related",
    "related articles",
    "related stories",
    "related content",
    "recommended",
    "recommended for you",
    "recommended videos",
    "recommended stories",
    "you may also like",
    "you might also like",
    "you might like",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "trending stories",
    "latest articles",
    "latest stories",
    "latest news",
    "more stories",
    "top stories",
    "visual stories",
    "sponsored stories",
    "sponsored content",
    "up next",
    "share this article",
    "share this story",
    "follow us",
    "follow us on",
    "find us on",
    "get our newsletter",
];

/// Openings of such a box's heading, followed by a name ("More from Ask an Advisor",
/// "Latest from Shopping").
const BOX_HEADING_OPENINGS: &[&str] = &["more from ", "latest from ", "more in ", "more on "];

/// The most text (bytes) beside a line's links that is only their label ("MORE:", "ALSO
/// READ:", "Watch:"), not words of its own.
const LINK_LABEL: usize = 12;

/// Reads a whole page (or a fragment holding a live blog).
pub(crate) fn parse_html(input: &str, options: &ReadOptions) -> LiveBlog {
    let dom = Dom::parse(input, false);
    let mut page = Page::default();
    let mut linked = None;
    // Whether schema.org names a live blog in JSON-LD, even JSON-LD we cannot read.
    let mut schema_live = false;
    // The day the page's JSON-LD says it was published, when it holds no live blog.
    let mut published = None;
    for script in Selector::parse("script").all(&dom, 0) {
        let kind = dom.attr(script, "type").unwrap_or("").to_ascii_lowercase();
        if !kind.contains("ld+json") {
            continue;
        }
        let json = dom.raw_text(script);
        schema_live |= json.to_ascii_lowercase().contains("liveblog");
        match super::jsonld::read(&json, options) {
            Ok(found) => {
                if let Some(blog) = found.blog {
                    linked.get_or_insert(blog);
                }
                published = published.or(found.published);
            }
            Err(e) => page.warnings.push(Warning {
                code: WarningCode::BadJsonLd,
                message: format!("a JSON-LD block could not be read: {e}"),
                line: None,
            }),
        }
    }
    let declared = linked.is_some() || schema_live || declares_live(&dom);
    let holds = Holds::of(&dom);
    let (format, drafts) = posts(&dom, &holds, linked.as_ref(), declared, options);
    page.drafts = drafts;
    page.format = format!("html: {format}");
    if let Some(linked) = linked {
        merge(&mut page, linked);
    }
    if page.drafts.is_empty() {
        // No posts (a news article, or a blog whose markup we cannot split): its text goes
        // to the header, where quotes and names are still found.
        let content = article_root(&dom, &holds);
        // A player's fallback text ("please enable JavaScript") shows only where it cannot play.
        // So is what the page's landmarks say is not its main content: the site's banner and
        // footer, a sidebar, a search, a dialog (a sign-up or consent prompt) and a tooltip.
        let mut chrome = Selector::parse(
            "nav, footer, aside, header, form, video, audio, [role=navigation], [role=banner], \
             [role=contentinfo], [role=complementary], [role=search], [role=dialog], \
             [role=alertdialog], [role=tooltip]",
        )
        .all(&dom, content);
        chrome.extend(furniture(&dom, &holds, content));
        // Blocks of a photo and its caption are read with the article for their photos, and
        // again alone for the lines to leave out (in one call: the reader is not inlined twice).
        let captioned = captioned(&dom, &holds, content);
        let mut reads = std::iter::once((content, &chrome[..]))
            .chain(captioned.iter().map(|&b| (b, &[][..])))
            .map(|(n, skip)| body(&dom, n, skip, options.url.as_deref()));
        let read = reads.next().unwrap_or_default();
        let captions: FxMap<String, usize> = reads.flat_map(|r| r.paragraphs).zip(0..).collect();
        let title = Selector::parse("h1").first(&dom, 0).map(|h| dom.text(h));
        page.header = without_furniture(read.paragraphs)
            .into_iter()
            .filter(|p| Some(p) != title.as_ref() && !captions.contains_key(p))
            .collect();
        page.images = read.images;
        // Posts a script renders from data the page carries (an app's state), when the
        // markup says little of its own (an article's markup holds its text, and its state
        // may list whole related stories; its scripts are then not read), and shows none
        // of them.
        let words = |lines: &[String]| {
            lines
                .iter()
                .map(|l| l.split_whitespace().count())
                .sum::<usize>()
        };
        let own = words(&page.header);
        let shown: FxMap<&str, usize> = page.header.iter().map(String::as_str).zip(0..).collect();
        let fits = |found: &Vec<Draft>| {
            let said: usize = found.iter().map(|d| words(&d.update.paragraphs)).sum();
            let paragraphs = || found.iter().flat_map(|d| &d.update.paragraphs);
            said > own && !paragraphs().any(|p| shown.contains_key(p.as_str()))
        };
        let state = (own < ARTICLE_WORDS).then(|| app_state(&dom, options));
        if let Some(found) = state.flatten().filter(fits) {
            page.drafts = found;
            page.header.clear();
            page.format = "html: app state".into();
            // Data lists posts in its own order; readers expect the latest first.
            page.order = Some(crate::model::Order::NewestFirst);
        }
    }
    let meta = |sel: &str| {
        Selector::parse(sel)
            .first(&dom, 0)
            .and_then(|m| dom.attr(m, "content"))
            .map(collapse)
            .filter(|s| !s.is_empty())
    };
    let text_of = |sel: &str| {
        Selector::parse(sel)
            .first(&dom, 0)
            .map(|n| dom.text(n))
            .filter(|s| !s.is_empty())
    };
    if page.title.is_none() {
        let h1 = text_of("h1");
        // The shared title often carries the site's name after the page's own heading
        // ("Heading - Site | Section"): then the heading alone, though the two may quote
        // differently ("Kohberger's" shared, "Kohberger’s" shown).
        let own = |shared: String| match &h1 {
            Some(h)
                if straight_quotes(&shared)
                    .strip_prefix(&straight_quotes(h))
                    .is_some_and(after_title) =>
            {
                h.clone()
            }
            _ => shared,
        };
        page.title = meta("meta[property=og:title]")
            .map(own)
            .or(h1)
            .or_else(|| text_of("title").map(without_site_name));
    }
    if page.summary.is_none() {
        page.summary = meta("meta[name=description], meta[property=og:description]")
            .or_else(|| standfirst(&dom));
    }
    if page.date.is_none() {
        page.date = meta("meta[property=article:published_time], meta[itemprop=datePublished]")
            .as_deref()
            .and_then(read_instant)
            .map(|at| iso_day(at.days))
            .or(published);
    }
    if dom.errors > 0 || dom.unclosed > 0 {
        page.warnings.push(Warning {
            code: WarningCode::MalformedMarkup,
            message: format!(
                "the markup is malformed ({} errors, {} elements left open); what could be read was read",
                dom.errors, dom.unclosed
            ),
            line: None,
        });
    }
    finish(page, options)
}

/// The posts in the data a page's scripts carry (`<script type="application/json">`,
/// `window.__STATE__ = {…}`), found as in any system's JSON: the best listed across the
/// scripts. Not shown by the markup, so marked as only listed.
fn app_state(dom: &Dom, options: &ReadOptions) -> Option<Vec<Draft>> {
    // The best script's posts, read as soon as a script beats those before it.
    let mut best: Option<(usize, Vec<Draft>)> = None;
    for script in Selector::parse("script").all(dom, 0) {
        if dom.attr(script, "type").unwrap_or("").contains("ld+json") {
            continue;
        }
        let Ok(json) = super::jsonld::lenient_json(&dom.raw_text(script)) else {
            continue;
        };
        if let Some((posts, score)) = super::cms::find(&json) {
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                let url = options.url.as_deref();
                best = Some((score, super::cms::page(&json, posts, url).drafts));
            }
        }
    }
    let mut drafts = best?.1;
    for d in &mut drafts {
        d.listed_only = true;
    }
    Some(drafts)
}

/// The posts of a page, by the first profile that finds any, else generically.
fn posts(
    dom: &Dom,
    holds: &[Holds],
    linked: Option<&Page>,
    declared: bool,
    options: &ReadOptions,
) -> (&'static str, Vec<Draft>) {
    for profile in PROFILES {
        let found = outermost(dom, Selector::parse(profile.posts).all(dom, 0));
        if !found.is_empty() {
            let parts = Parts::of(profile);
            return (profile.name, drafts(dom, found, &parts, options));
        }
    }
    // The JSON-LD's post addresses name the post elements, when they are on the page.
    let anchored: Vec<NodeId> = linked.map_or(Vec::new(), |page| {
        let ids: Vec<&str> = page
            .drafts
            .iter()
            .filter_map(|d| d.update.anchor.as_deref()?.strip_prefix('#'))
            .collect();
        dom.elements()
            .filter(|&n| dom.attr(n, "id").is_some_and(|id| ids.contains(&id)))
            .collect()
    });
    let found = if anchored.len() >= 2 {
        outermost(dom, anchored)
    } else if options.posts {
        dom.children(0)
            .iter()
            .copied()
            .filter(|&c| dom.name(c).is_some())
            .collect()
    } else {
        generic_posts(dom, holds, declared)
    };
    // Posts with no element of their own run flat, opener by opener: when no run of posts
    // was found, or the run found is the stream's own siblings, each taken for a post.
    if let Some(stream) = flat::stream(dom).filter(|s| {
        found
            .first()
            .is_none_or(|&f| dom.parent(f) == Some(s.parent) && dom.is(f, s.tag))
    }) {
        return ("flat", flat::posts(dom, &stream, options.url.as_deref()));
    }
    let parts = Parts::of(&GENERIC);
    (GENERIC.name, drafts(dom, found, &parts, options))
}

/// A profile's selectors, parsed once for all the posts of a page. An empty selector
/// finds nothing.
struct Parts {
    headline: Selector<'static>,
    time: Selector<'static>,
    time_attrs: &'static [&'static str],
    body: Selector<'static>,
    pinned: Selector<'static>,
    key_event: Selector<'static>,
    skip: Selector<'static>,
    /// The generic fallbacks: any heading, any `<time>`.
    any_heading: Selector<'static>,
    any_time: Selector<'static>,
}

impl Parts {
    fn of(profile: &Profile) -> Parts {
        Parts {
            headline: Selector::parse(profile.headline),
            time: Selector::parse(profile.time),
            time_attrs: profile.time_attrs,
            body: Selector::parse(profile.body),
            pinned: Selector::parse(profile.pinned),
            key_event: Selector::parse(profile.key_event),
            skip: Selector::parse(profile.skip),
            any_heading: Selector::parse("h1, h2, h3, h4, h5, h6"),
            any_time: Selector::parse("time, amp-timeago"),
        }
    }
}

/// Drops matches inside other matches.
fn outermost(dom: &Dom, found: Vec<NodeId>) -> Vec<NodeId> {
    let mut kept: Vec<NodeId> = Vec::with_capacity(found.len());
    for n in found {
        // Document order: an enclosing match, if any, was kept before this one.
        if !kept.last().is_some_and(|&k| dom.contains(k, n)) {
            kept.push(n);
        }
    }
    kept
}

/// Where an article's text is: of the elements that say they hold it (`articleBody`,
/// `<article>`, `<main>`), the one nearest its paragraphs that holds most of the page's
/// prose, not the first (a teaser in a header is an `<article>` too); else the `<body>`.
fn article_root(dom: &Dom, holds: &[Holds]) -> NodeId {
    let all = holds[0].prose;
    Selector::parse("[itemprop=articleBody], article, main, [role=main]")
        .all(dom, 0)
        .into_iter()
        .filter(|&n| holds[n].prose * 2 > all)
        // The innermost: the least of those (later in the page's order when two hold as much).
        .rev()
        .min_by_key(|&n| holds[n].prose)
        .or_else(|| Selector::parse("body").first(dom, 0))
        .unwrap_or(0)
}

/// The blocks of an article that are furniture (the outermost of each): links with at most
/// a short label (a list of related pages, a teaser's heading, "MORE: …") or under a
/// heading of their own ("Most read"), a short line that holds a time without a paragraph (its
/// dateline, "Published 10:02 | Updated 11:40"), and a form's few lines around its field.
fn furniture(dom: &Dom, holds: &[Holds], root: NodeId) -> Vec<NodeId> {
    let found = dom.descendants(root).into_iter().filter(|&n| {
        let h = holds[n];
        let Some(name) = dom.name(n) else {
            return false;
        };
        let block = matches!(name, "div" | "section");
        // Links with at most a short label of their own, three quarters links at least
        // ("MORE: another story", "ALSO READ: …"): a sentence that links a few of its words,
        // or a name ("Kyiv Post reported:"), says more than a label.
        let label = h.text.saturating_sub(h.linked);
        let links = h.linked > 0
            && label <= LINK_LABEL
            && h.linked >= 3 * label
            && (block || is_heading(name) || matches!(name, "p" | "li" | "ul" | "ol"));
        // A box of links under a heading of its own ("Most read", "Related topics").
        let headed_links =
            block && h.linked > 0 && h.prose == 0 && h.text.saturating_sub(h.linked) <= h.headed;
        let dateline = h.time
            && h.text <= 80
            && h.prose == 0
            && !h.heading
            && matches!(name, "div" | "li" | "ul" | "section");
        // A form's block: a field with a few lines around it (a sign-up's pitch and its
        // small print), whether or not the page wrapped it in a `<form>`.
        let form = block && h.field && h.text <= FORM_TEXT;
        links
            || headed_links
            || dateline
            || form
            // Not the bulk of the article's prose.
            || (teasers(dom, holds, n) && h.prose * 2 < holds[root].prose)
            || box_heading(dom, holds, n)
    });
    // A box's heading stands for the box it opens: above the elements holding its words
    // alone, the one it opens as its first text, when that box holds under half the
    // article's prose; else for itself.
    let boxes = found.map(|n| {
        if !box_heading(dom, holds, n) {
            return n;
        }
        let mut top = n;
        while let Some(p) = dom.parent(top).filter(|&p| p != root) {
            if holds[p].text != holds[n].text {
                let opens = dom
                    .children(p)
                    .iter()
                    .find(|&&c| dom.text_len_upto(c, 1, None) > 0)
                    == Some(&top);
                if opens && holds[p].prose * 2 < holds[root].prose {
                    return p;
                }
                break;
            }
            top = p;
        }
        n
    });
    let mut boxes: Vec<NodeId> = boxes.collect();
    crate::sorting::sort_by_rank(&mut boxes, |&n| n as u64);
    boxes.dedup();
    outermost(dom, boxes)
}

/// Whether a node is a list of teasers for other pages: two or more headlines that link
/// away and every other heading in it but the list's own name, with little text of its
/// own beside each (a summary, a date).
fn teasers(dom: &Dom, holds: &[Holds], n: NodeId) -> bool {
    let h = holds[n];
    matches!(dom.name(n), Some("div" | "section" | "ul" | "ol"))
        && h.linked_headings >= 2
        && h.headings <= h.linked_headings + 1
        && h.text.saturating_sub(h.linked) <= h.linked_headings * TEASER_TEXT
}

/// Whether a node names a box outside the article ([`BOX_HEADINGS`]): a heading (`h1`–`h6`,
/// `role=heading`), or any element whose words stand as a line of their own (nothing beside
/// it in its parent but blocks: "941 <span>comments</span>" is one line).
fn box_heading(dom: &Dom, holds: &[Holds], n: NodeId) -> bool {
    let heading = dom.name(n).is_some_and(is_heading) || dom.attr(n, "role") == Some("heading");
    let alone = || {
        dom.parent(n).is_some_and(|p| {
            dom.children(p).iter().all(|&c| {
                c == n
                    || dom.name(c).is_some_and(|name| BLOCKS.contains(&name))
                    || dom.text_len_upto(c, 1, None) == 0
            })
        })
    };
    if holds[n].text == 0 || holds[n].text > 60 || !(heading || alone()) {
        return false;
    }
    let text = dom.text(n).to_ascii_lowercase();
    // Without a count ("Comments (301)", "Comments 12") and a closing colon.
    let text = text
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '(' | ')' | ' ' | ':'))
        .replace('’', "'");
    BOX_HEADINGS.contains(&text.as_str())
        || BOX_HEADING_OPENINGS.iter().any(|o| text.starts_with(o))
}

/// The blocks of an article that are an image with at most a caption and credit beside it
/// (a gallery's slide, "2 of 12 | Protesters outside …", a photo captioned outside a
/// `<figure>`), the outermost of each.
fn captioned(dom: &Dom, holds: &[Holds], root: NodeId) -> Vec<NodeId> {
    let found = dom.descendants(root).into_iter().filter(|&n| {
        let h = holds[n];
        matches!(dom.name(n), Some("div" | "section"))
            && h.image
            && !h.heading
            && h.text <= CAPTION_TEXT
    });
    outermost(dom, found.collect())
}

/// An article's lines without the page's furniture: a byline, a date line, a line of page
/// furniture ("Advertisement"), and a short line the page repeats ("Story continues below"),
/// every time it stands.
fn without_furniture(lines: Vec<String>) -> Vec<String> {
    let mut seen: FxMap<&str, usize> = Default::default();
    for line in &lines {
        *seen.entry(line).or_default() += 1;
    }
    let repeated: FxMap<String, usize> = seen
        .into_iter()
        .filter(|&(line, n)| n > 1 && line.split_whitespace().count() <= 12)
        .map(|(line, n)| (line.to_string(), n))
        .collect();
    lines
        .into_iter()
        .filter(|l| {
            !repeated.contains_key(l)
                && !crate::input::text::is_byline(l)
                && !crate::input::text::is_date_line(l)
                // Numbered as a page numbers its slots ("Advertisement 2").
                && !crate::input::text::is_ui_line(l.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end())
        })
        .collect()
}

/// Whether the markup says the page is a live blog, though we could not read it as one:
/// schema.org microdata names it, or its title does ("Live:", "live updates", "as it
/// happened"). (JSON-LD that names one is seen where the page's JSON-LD is read.)
fn declares_live(dom: &Dom) -> bool {
    let schema = Selector::parse("[itemtype]")
        .all(dom, 0)
        .into_iter()
        .filter_map(|n| dom.attr(n, "itemtype"))
        .any(|t| t.to_ascii_lowercase().contains("liveblog"));
    // The first of each: an icon's <svg> has a <title> of its own.
    let titled = ["title", "h1", "meta[property=og:title]"]
        .iter()
        .filter_map(|sel| Selector::parse(sel).first(dom, 0))
        .any(|n| {
            let title = dom.attr(n, "content").map_or_else(|| dom.text(n), collapse);
            let lower = title.to_ascii_lowercase();
            lower.contains("as it happened")
                || lower
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == "live")
        });
    schema || titled
}

/// Whether a link holds the node (a few levels up at most: a teaser's link wraps its
/// headline closely).
fn in_link(dom: &Dom, node: NodeId) -> bool {
    let mut at = node;
    for _ in 0..4 {
        match dom.parent(at) {
            Some(p) if dom.name(p) == Some("a") => return true,
            Some(p) => at = p,
            None => return false,
        }
    }
    false
}

/// `h1` to `h6`.
fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// What each node holds, summed bottom-up in one pass.
#[derive(Debug, Clone, Copy, Default)]
struct Holds {
    time: bool,
    /// A field to type into (an `<input>` that is not hidden, a `<textarea>`): a form's,
    /// such as a newsletter's sign-up or a comment box, whether or not a `<form>` holds it.
    field: bool,
    /// An image (`<img>`, `<picture>`).
    image: bool,
    heading: bool,
    /// Headings, and of them those that link to another page (a link holds the heading or
    /// its words): a teaser's headline, never an article's own subheading.
    headings: usize,
    linked_headings: usize,
    /// Of the text, how much is in headings.
    headed: usize,
    text: usize,
    /// Of the text, how much is the text of links.
    linked: usize,
    /// Of the text, how much is in paragraphs (`<p>`): an article's prose.
    prose: usize,
}

impl Holds {
    /// What each node of the page holds.
    fn of(dom: &Dom) -> Vec<Holds> {
        let mut holds = vec![Holds::default(); dom.nodes.len()];
        // Children come after their parent in the arena, so a reverse pass sums bottom-up.
        for n in (1..dom.nodes.len()).rev() {
            let mut h = holds[n];
            match &dom.nodes[n].kind {
                Kind::Text(t) => h.text += t.trim().len(),
                Kind::Element { name, .. } => {
                    if NOT_TEXT.contains(&name.as_str()) {
                        let typed = name == "textarea"
                            || (name == "input" && dom.attr(n, "type") != Some("hidden"));
                        holds[n] = Holds::default();
                        holds[dom.nodes[n].parent].field |= typed;
                        continue;
                    }
                    h.time |= name == "time"
                        || dom.attr(n, "datetime").is_some()
                        || data_moment(dom, n).is_some()
                        || written_clock(dom, n, true).is_some();
                    h.heading |= is_heading(name);
                    h.image |= matches!(name.as_str(), "img" | "picture");
                    if is_heading(name) {
                        h.headed = h.text;
                        h.headings += 1;
                        if h.linked * 4 >= h.text * 3 || in_link(dom, n) {
                            h.linked_headings += 1;
                        }
                    }
                    if name == "a" {
                        h.linked = h.text;
                    }
                    if name == "p" {
                        h.prose = h.text;
                    }
                }
                Kind::Document => {}
            }
            holds[n] = h;
            let p = dom.nodes[n].parent;
            holds[p].time |= h.time;
            holds[p].field |= h.field;
            holds[p].image |= h.image;
            holds[p].heading |= h.heading;
            holds[p].headed += h.headed;
            holds[p].headings += h.headings;
            holds[p].linked_headings += h.linked_headings;
            holds[p].text += h.text;
            holds[p].linked += h.linked;
            holds[p].prose += h.prose;
        }
        holds
    }
}

/// The largest run of sibling elements of one kind (tag and first class) that each hold
/// a time or a heading and some text of their own: a heading is a post's part, never a
/// post, and an item whose words are mostly links is a teaser for another page. Runs
/// whose members carry times (or open with the match's clock, in running order) win over
/// runs that only have headings; then the run with the most text.
fn generic_posts(dom: &Dom, holds: &[Holds], declared: bool) -> Vec<NodeId> {
    // The page's own title heads the page, not a post: on a page that does not say it is
    // live, the block holding it (an article's header, with its date) joins no run.
    let title = Selector::parse("h1").first(dom, 0).filter(|_| !declared);
    // The page's prose, but for its teasers for other pages and what its sidebars and
    // footer say.
    let beside: usize = outermost(
        dom,
        dom.descendants(0)
            .into_iter()
            .filter(|&n| {
                matches!(dom.name(n), Some("aside" | "footer" | "nav")) || teasers(dom, holds, n)
            })
            .collect(),
    )
    .iter()
    .map(|&n| holds[n].prose)
    .sum();
    let page_prose = holds[0].prose.saturating_sub(beside);
    let mut best: Option<((bool, usize), Vec<NodeId>)> = None;
    for parent in 0..dom.nodes.len() {
        let mut groups: Vec<(String, Vec<NodeId>)> = Vec::new();
        let mut group_of: FxMap<String, usize> = Default::default();
        for &c in dom.children(parent) {
            let Some(name) = dom.name(c) else { continue };
            // Every sibling with some text joins its kind's run, however short ("Play
            // resumes."); the run must have at least two members with a time or a heading
            // to count, and only members with some words (20 bytes) say what the run is:
            // a row of dates or ages alone is no stream.
            let heading = is_heading(name);
            if holds[c].text == 0 || heading || title.is_some_and(|t| dom.contains(c, t)) {
                continue;
            }
            let class = dom
                .attr(c, "class")
                .and_then(|cl| cl.split_ascii_whitespace().next())
                .unwrap_or("");
            let key = format!("{name}.{class}");
            match group_of.get(&key) {
                Some(&g) => groups[g].1.push(c),
                None => {
                    group_of.insert(key.clone(), groups.len());
                    groups.push((key, vec![c]));
                }
            }
        }
        for (_, members) in groups {
            let worded: Vec<NodeId> = members
                .iter()
                .copied()
                .filter(|&m| holds[m].text >= 20)
                .collect();
            // Each worded member by its place in the run.
            let clocked = clocked(dom, &worded);
            let timed_at = |k: usize| holds[worded[k]].time || clocked[k];
            let marked = |&k: &usize| {
                let h = holds[worded[k]];
                (timed_at(k) || h.heading) && h.linked * 2 < h.text
            };
            let all = 0..worded.len();
            if all.clone().filter(marked).count() < 2 {
                continue;
            }
            let times = all.clone().filter(|&k| timed_at(k)).count();
            let timed = times >= 2;
            // An article's sections have headings, and its blocks a video's length: on a
            // page that does not say it is a live blog, only a run whose members mostly
            // carry a time is a stream of posts.
            if !declared && times * 2 < worded.len().max(3) {
                continue;
            }
            let text = all.filter(marked).map(|k| holds[worded[k]].text).sum();
            // Nor is it, on such a page, when the prose around it outweighs it: an
            // article's dateline ("Published: 10:02"), its videos, or a row of teasers
            // beside it.
            let prose: usize = members.iter().map(|&m| holds[m].prose).sum();
            if !declared && text < page_prose.saturating_sub(prose) {
                continue;
            }
            let score = (timed, text);
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, members));
            }
        }
    }
    best.map(|(_, m)| m).unwrap_or_default()
}

/// Which members of a run (one flag each) are headed by the match's clock (a minute, an
/// over: the text reader's recogniser) followed by words of their own, when the run repeats
/// it in running order, one way and of one kind: a score ("2-1"), an over in prose or a
/// table of figures heads no post so.
fn clocked(dom: &Dom, members: &[NodeId]) -> Vec<bool> {
    let mut clocked = vec![false; members.len()];
    // The last clock read, and the ways the clocks ran from one to the next: 1 down, 2 up,
    // 4 from a minute to an over or back.
    let (mut last, mut ways) = (None, 0);
    for (k, &m) in members.iter().enumerate() {
        let Some((clock, order, over)) = head_clock(dom, m) else {
            continue;
        };
        let text = flat::lead(dom, m);
        let rest = text.strip_prefix(dom.text(clock).as_str()).unwrap_or(&text);
        let words = rest
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .count();
        if words < 3 {
            continue;
        }
        if let Some((was, was_over)) = last {
            ways |= match (over == was_over, order.cmp(&was)) {
                (false, _) => 4,
                (_, std::cmp::Ordering::Less) => 1,
                (_, std::cmp::Ordering::Greater) => 2,
                _ => 0,
            };
        }
        last = Some((order, over));
        clocked[k] = true;
    }
    if clocked.iter().filter(|&&c| c).count() < 2 || ways >= 3 {
        clocked.fill(false);
    }
    clocked
}

/// The element that opens a post with the match's clock and nothing else (`<span>78'</span>`,
/// `<td>49.6</td>`, `<p><strong>90+2'</strong> …`): the first text the post shows, in an
/// element of its own; with the clock's place in the match and whether it is an over.
fn head_clock(dom: &Dom, post: NodeId) -> Option<(NodeId, i64, bool)> {
    let mut at = post;
    // A few levels at most: the clock opens the post or it heads nothing.
    for _ in 0..16 {
        let first = *dom
            .children(at)
            .iter()
            .find(|&&c| dom.text_len_upto(c, 1, None) > 0)?;
        if dom.name(first).is_none() {
            let bare = dom.children(at).iter().all(|&c| dom.name(c).is_none());
            if at == post
                || !bare
                || is_heading(dom.name(at)?)
                || dom.text_len_upto(at, 41, None) > 40
            {
                return None;
            }
            let (order, over) = crate::input::text::whole_match_clock(&dom.text(at))?;
            return Some((at, order, over));
        }
        at = first;
    }
    None
}

/// The posts' drafts. A heading every post of three or more carries alike ("LIVE
/// UPDATES"), above a headline or alone, is a kicker: neither a headline nor text.
fn drafts(dom: &Dom, posts: Vec<NodeId>, parts: &Parts, options: &ReadOptions) -> Vec<Draft> {
    let headings = |post: NodeId| {
        let all = parts.headline.all(dom, post).into_iter();
        all.chain(parts.any_heading.all(dom, post))
            .map(|h| dom.text(h))
    };
    let kicker = posts
        .first()
        .filter(|_| posts.len() > 2)
        .and_then(|&first| {
            // It stands above the headline, or alone: among the first post's first two
            // headings (which also keeps the search linear).
            let mut candidates = headings(first).take(2);
            candidates.find(|k| posts[1..].iter().all(|&p| headings(p).any(|h| h == *k)))
        });
    posts
        .into_iter()
        .map(|post| draft(dom, post, parts, options, kicker.as_deref()))
        .collect()
}

/// One post element → a draft update.
fn draft(
    dom: &Dom,
    post: NodeId,
    parts: &Parts,
    options: &ReadOptions,
    kicker: Option<&str>,
) -> Draft {
    let headings = parts.headline.all(dom, post).into_iter();
    let mut headings = headings.chain(parts.any_heading.all(dom, post));
    let headline_node = headings
        .find(|&h| kicker != Some(dom.text(h).as_str()))
        .or_else(|| header_title(dom, post));
    let marked = parts
        .time
        .first(dom, post)
        .or_else(|| parts.any_time.first(dom, post));
    // A time the reader cannot see (`<meta itemprop="datePublished" content="…">`) gives
    // the moment; the clock the post shows, if any, is its time as written.
    let shown = marked.filter(|&t| !dom.text(t).is_empty());
    // The match's clock opening the post ("78'", "49.6") is its time as written, and
    // nothing else of it.
    let clock = head_clock(dom, post).map(|(n, _, _)| n);
    let time_node = shown
        .or(clock)
        .or_else(|| written_time(dom, post))
        .or(marked);
    let body_root = parts.body.first(dom, post).unwrap_or(post);
    let mut skip: Vec<NodeId> = headline_node.into_iter().chain(time_node).collect();
    skip.extend(parts.skip.all(dom, post));
    let kickers = parts.any_heading.all(dom, post).into_iter();
    skip.extend(kickers.filter(|&h| kicker == Some(dom.text(h).as_str())));
    // The line each time sits in (its clock, an age, the byline beside it) is furniture.
    // The headline's text, read once for the post, and its span for each time's line.
    let (headline_text, headline) = match headline_node.map(|h| (h, dom.text_and_span(h))) {
        Some((h, (text, span))) => (Some(text), Some((h, span))),
        None => (None, None),
    };
    let meta = time_node.map(|t| match clock {
        Some(c) if c == t => t,
        _ => meta_line(dom, post, t, headline),
    });
    // The author named in the time's line (`<div><time>21:22</time><mark>A Writer</mark>
    // </div>`, `<span>By A Writer</span>`) is the post's byline, never its text, even when
    // the line is all the post says beside an embed; beside the time it shows when the one
    // giving the moment is hidden.
    let by = time_node
        .into_iter()
        .chain(parts.any_time.first(dom, post))
        .find_map(|t| byline_beside(dom, post, t));
    skip.extend(by);
    let times = parts.any_time.all(dom, post).into_iter();
    skip.extend(times.map(|t| meta_line(dom, post, t, headline)).chain(meta));
    // An age standing alone ("10 minutes ago") is furniture wherever it stands: it changes
    // every minute, and is never the post's text.
    skip.extend(dom.descendants(post).into_iter().filter(|&n| {
        let text = dom.text(n);
        dom.name(n).is_some()
            && text.len() <= 40
            && !text.eq_ignore_ascii_case("now")
            && read_age(&text).is_some()
    }));
    let mut draft = Draft::default();
    let update = &mut draft.update;
    update.headline = headline_text.filter(|t| !t.is_empty());
    update.byline = by.map(|b| dom.text(b));
    // The moment: a machine-readable attribute of the time element, then of the post.
    let attr_moment = |node: NodeId| {
        TIME_ATTRS
            .iter()
            .filter_map(|a| dom.attr(node, a))
            .find_map(read_instant)
    };
    draft.when = time_node
        .and_then(attr_moment)
        .or_else(|| {
            parts
                .time_attrs
                .iter()
                .filter_map(|a| dom.attr(post, a))
                .find_map(read_instant)
        })
        .or_else(|| marked.and_then(attr_moment))
        .or_else(|| attr_moment(post))
        .or_else(|| data_moment(dom, post));
    let written = time_node.map(|t| dom.text(t)).filter(|t| !t.is_empty());
    // An age ("4m ago") goes stale: the clock written beside it (or glued to it), else the
    // moment, is kept.
    let written = match written {
        Some(shown) if time_node == clock => Some(shown),
        Some(age) if read_age(&age).is_some() && draft.when.is_some() => meta
            .and_then(|m| written_time(dom, m))
            .map(|c| dom.text(c))
            .or_else(|| draft.when.map(crate::clock::Instant::iso)),
        Some(_) if time_node != marked => time_node.and_then(|t| written_clock(dom, t, true)),
        w => w.map(|w| clock_text(&w).map_or(w.clone(), str::to_string)),
    };
    update.time = written.or_else(|| {
        time_node
            .and_then(|t| TIME_ATTRS.iter().find_map(|a| dom.attr(t, a)))
            .map(str::to_string)
    });
    let read = body(dom, body_root, &skip, options.url.as_deref());
    update.images = read.images;
    update.links = read.links;
    // An embed the page left as its bare address (a post on a social network) is a link;
    // a line "By Name" opening or closing the post, its byline; with no heading, an opening
    // line set wholly in bold (`<p><strong>…</strong></p>`), short and not a sentence or a
    // lead-in, the headline.
    let bold = |p: &String| {
        p.split_whitespace().count() <= 20
            && !p.ends_with(&['.', ':', ',', ';'][..])
            && Selector::parse("strong, b")
                .all(dom, post)
                .iter()
                .any(|&b| dom.text(b) == *p)
    };
    let last = read.paragraphs.len().saturating_sub(1);
    for (k, p) in read.paragraphs.into_iter().enumerate() {
        let bare = p.starts_with("http") && !p.contains(' ');
        let edge = update.paragraphs.is_empty() || k == last;
        match absolute(&p, None).filter(|_| bare) {
            Some(link) if !update.links.contains(&link) => update.links.push(link),
            Some(_) => {}
            None if edge && update.byline.is_none() && crate::input::text::is_byline(&p) => {
                update.byline = Some(p);
            }
            None if update.paragraphs.is_empty()
                && update.headline.is_none()
                && k < last
                && bold(&p) =>
            {
                update.headline = Some(p);
            }
            None => update.paragraphs.push(p),
        }
    }
    update.anchor = Some(anchor(dom, post));
    // Pinned: the post, a container of it, or a marker inside it says so.
    update.pinned = std::iter::successors(Some(post), |&n| dom.parent(n))
        .any(|n| parts.pinned.matches(dom, n))
        || parts.pinned.first(dom, post).is_some();
    update.key_event = parts.key_event.matches(dom, post);
    if update.pinned && dom.attr(post, "id").is_none() {
        // A pinned copy links to the post it copies (`<a href="…#block-12">`).
        let target = Selector::parse("a[href]")
            .all(dom, post)
            .into_iter()
            .find_map(|a| {
                let fragment = dom.attr(a, "href")?.split_once('#')?.1;
                dom.elements()
                    .any(|n| dom.attr(n, "id") == Some(fragment) && !dom.contains(post, n))
                    .then(|| id_selector(fragment))
            });
        update.anchor = target.or(update.anchor.take());
    }
    draft
}

/// With no heading, a post's title in its own `<header>`: the header's first words, in an
/// element of bare text (`<header><span class="title">Race 3</span><span>61.2
/// sec.</span></header>`), when they are short and not a time, an age or a byline.
fn header_title(dom: &Dom, post: NodeId) -> Option<NodeId> {
    let header = Selector::parse("header").first(dom, post)?;
    let first = dom.descendants(header).into_iter().find(|&n| {
        !dom.text(n).is_empty() && dom.children(n).iter().all(|&c| dom.name(c).is_none())
    })?;
    let text = dom.text(first);
    let furniture = written_clock(dom, first, true).is_some()
        || read_age(&text).is_some()
        || crate::input::text::is_byline(&text);
    (!furniture && text.split_whitespace().count() <= 20 && !dom.is(first, "time")).then_some(first)
}

/// The element beside a post's time, in the line that holds it, that names the post's
/// author ("By A Writer", or a name alone): a short element of that line; where no
/// element holds the line (the time straight in the post), one of the few short elements
/// that follow the time.
fn byline_beside(dom: &Dom, post: NodeId, time: NodeId) -> Option<NodeId> {
    let line = dom.parent(time)?;
    let beside = dom.children(line).iter().copied();
    let short = |c: NodeId| dom.name(c).is_some() && dom.text_len_upto(c, 61, None) <= 60;
    let named = |c: NodeId| {
        let text = dom.text(c);
        crate::input::text::is_byline(&text) || crate::input::text::is_name(&text)
    };
    if line != post {
        return beside
            .filter(|&c| c != time && short(c))
            .find(|&c| named(c));
    }
    beside
        .skip_while(|&c| c != time)
        .skip(1)
        .filter(|&c| dom.name(c).is_some())
        .take(2)
        .take_while(|&c| short(c))
        .find(|&c| named(c))
}

/// The element around a post's time that holds nothing else of the post: the time with
/// its clock, an age or a byline beside it (`<header><time>4m ago</time><span>12.50
/// BST</span><span>A Writer</span></header>`), never a paragraph of its text.
/// `headline` is the post's headline and its text's span.
fn meta_line(dom: &Dom, post: NodeId, time: NodeId, headline: Option<(NodeId, Span)>) -> NodeId {
    let prose = Selector::parse("p, blockquote, ul, ol, figure, table");
    // A text's length without the headline's, counted only as far as the 80 bytes the
    // tests below ask about: a post that holds thousands of others (markup left open) is
    // not read whole for each of their times.
    let len = |n: NodeId| dom.text_len_upto(n, 81, headline.filter(|&(h, _)| dom.contains(n, h)));
    let whole = len(post);
    let mut at = time;
    while let Some(up) = dom
        .parent(at)
        .filter(|&up| up != post && dom.contains(post, up))
    {
        let held = len(up);
        if held > 80 || held >= whole || prose.first(dom, up).is_some() {
            break;
        }
        at = up;
    }
    at
}

/// A moment in a `data-*` attribute that names a time or date of publication
/// (`data-post-time="1602015773212"`), never of an edit.
fn data_moment(dom: &Dom, node: NodeId) -> Option<crate::clock::Instant> {
    let Kind::Element { attrs, .. } = &dom.nodes[node].kind else {
        return None;
    };
    attrs.iter().find_map(|(k, v)| {
        let named = k.starts_with("data-") && (k.contains("time") || k.contains("date"));
        let edit = ["modif", "updat", "edit"].iter().any(|e| k.contains(e));
        (named && !edit).then(|| read_instant(v)).flatten()
    })
}

/// The first element of a post that holds nothing but a clock time (`<span
/// class="stamp">14:32</span>`), else a short line of furniture with one (`<div>Posted
/// 14:32 by A Writer</div>`): the post's time when the markup marks none.
fn written_time(dom: &Dom, post: NodeId) -> Option<NodeId> {
    let all = dom.descendants(post);
    let find = |lines| {
        all.iter()
            .copied()
            .find(|&n| written_clock(dom, n, lines).is_some())
    };
    find(false).or_else(|| find(true))
}

/// The clock an element of bare text (not a heading) holds: all of its text, or with
/// `lines` also a clock standing as a word in a short line that is not a paragraph.
fn written_clock(dom: &Dom, n: NodeId, lines: bool) -> Option<String> {
    let children = dom.children(n);
    let name = dom.name(n)?;
    if children.is_empty() || children.iter().any(|&c| dom.name(c).is_some()) || is_heading(name) {
        return None;
    }
    let text = dom.text(n);
    let line = (lines && name != "p")
        .then(|| clock_in_line(&text))
        .flatten();
    clock_text(&text).or(line).map(str::to_string)
}

/// A clock standing as a word in a short line ("Posted 11:05 by A Writer"), written with
/// its separator or am/pm (never four bare digits, which may be a year).
fn clock_in_line(text: &str) -> Option<&str> {
    let text = text.trim();
    if text.len() > 60 {
        return None;
    }
    let starts = text.char_indices().map(|(i, _)| i);
    starts
        .filter(|&i| i == 0 || text[..i].ends_with(' '))
        .find_map(|i| {
            let clock = clock_at(&text[i..])?;
            let rest = &text[i + clock.len..];
            let bounded = rest.is_empty() || rest.starts_with(&[' ', ',', '|', '·', ')'][..]);
            (bounded && clock.style != crate::clock::ClockStyle::Wire)
                .then(|| &text[i..i + clock.len])
        })
}

/// The clock time a line holds: all of it, or what follows an age glued before it
/// ("21 mins ago11:48").
fn clock_text(text: &str) -> Option<&str> {
    let text = text.trim();
    let rest = match text.to_ascii_lowercase().find("ago") {
        Some(i) if read_age(&text[..i + 3]).is_some() => text[i + 3..].trim_start(),
        _ => text,
    };
    (rest.len() <= 40 && clock_at(rest).is_some_and(|c| c.len == rest.len())).then_some(rest)
}

/// What the page's JSON-LD says, merged in: blog facts the markup lacks, each post's
/// moment and headline where the markup has none, and posts the markup left out. With no
/// posts in the markup, the JSON-LD posts are the blog.
fn merge(page: &mut Page, linked: Page) {
    page.title = page.title.take().or(linked.title);
    page.summary = page.summary.take().or(linked.summary);
    page.date = page.date.take().or(linked.date);
    page.status = page.status.or(linked.status);
    if page.drafts.is_empty() {
        page.drafts = linked.drafts;
        for d in &mut page.drafts {
            d.listed_only = true;
        }
        return;
    }
    let own = page.drafts.len();
    let fold = |s: &str| crate::index::tokenize::fold(s);
    let body = |d: &Draft| fold(&d.update.paragraphs.join(" "));
    // A post's first words, to know it by with its moment when nothing else names it: of
    // its text, and of its first paragraph (a short one, "Play resumes.", may be followed
    // by an embed only one side has).
    let opening = |s: &str| s.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
    let first_opening = |d: &Draft| opening(&fold(d.update.paragraphs.first()?)).into();
    let anchor_of = |d: &Draft| {
        d.update
            .anchor
            .as_deref()
            .map(|a| a.trim_start_matches('#').to_string())
    };
    let minute = |d: &Draft| d.when.map(crate::clock::Instant::utc_minutes);
    // The page's posts by what names them, each to its first post, kept in step as the
    // JSON-LD fills and adds posts: one look-up per JSON-LD post, however long the blog.
    let mut known = Known::default();
    // Which posts a JSON-LD post has named, one flag a post.
    let mut matched = vec![false; own];
    for (i, d) in page.drafts.iter().enumerate() {
        let words = body(d);
        let headline = d.update.headline.as_deref().map(fold);
        let keys = [
            anchor_of(d),
            headline,
            Some(opening(&words)),
            first_opening(d),
        ];
        known.add(i, keys, words);
    }
    for ld in linked.drafts {
        let ld_headline = ld.update.headline.as_deref().map(fold);
        let words = body(&ld);
        let ld_opening = opening(&words);
        // The same first words at the same moment, or with none to compare, or whole
        // hours apart (a time zone mislabelled on one side); a post with only a clock, at
        // that clock or whole or half hours from it (a zone): of all the posts that open
        // so (a short line may come back), the first not yet known by another.
        let same_start = [Some(&ld_opening), first_opening(&ld).as_ref()]
            .into_iter()
            .flatten()
            .flat_map(|o| known.all('o', o))
            .find(|&i| {
                let d = &page.drafts[i];
                let apart = minute(d).zip(minute(&ld)).map(|(a, b)| (a - b).abs());
                let clock = d.update.time.as_deref().and_then(clock_at);
                let off_clock = clock.zip(ld.when).filter(|_| d.when.is_none());
                let clock_apart = off_clock.map(|(c, at)| (c.minutes + 1440 - at.minutes) % 30);
                matched.get(i) == Some(&false)
                    && apart.is_none_or(|m| m % 60 == 0 && m <= 14 * 60)
                    && clock_apart.is_none_or(|m| m == 0)
            });
        let found = [
            anchor_of(&ld).and_then(|a| known.get('a', &a)),
            ld_headline.as_ref().and_then(|h| known.get('h', h)),
            same_start.filter(|_| !ld_opening.is_empty()),
        ]
        .into_iter()
        .flatten()
        .min();
        match found {
            Some(i) => {
                if let Some(m) = matched.get_mut(i) {
                    *m = true;
                }
                // Whole hours apart, a zone is mislabelled on one side: the JSON-LD, written
                // for machines, is taken at its word (a page's markup may stamp local
                // times "Z"); the clock the page shows stays.
                let rezoned = minute(&page.drafts[i])
                    .zip(minute(&ld))
                    .is_some_and(|(a, b)| a != b && (a - b) % 60 == 0);
                let d = &mut page.drafts[i];
                d.when = if rezoned { ld.when } else { d.when.or(ld.when) };
                if d.update.headline.is_none() {
                    known.add(i, [None, ld_headline, None, None], String::new());
                    d.update.headline = ld.update.headline;
                }
            }
            // A post only the JSON-LD lists, unless its words are already on the page: a
            // line too short to name one post ("Play resumes.") may come back at another
            // moment.
            None if !ld.update.paragraphs.is_empty()
                && (!known.bodies.contains_key(&words) || words.split_whitespace().count() < 8) =>
            {
                let i = page.drafts.len();
                matched.push(true);
                let keys = [
                    anchor_of(&ld),
                    ld_headline,
                    Some(ld_opening),
                    first_opening(&ld),
                ];
                known.add(i, keys, words);
                page.drafts.push(Draft {
                    listed_only: true,
                    ..ld
                });
            }
            None => {}
        }
    }
    // The page's own posts say which way it runs: the posts only the JSON-LD lists join
    // them in that order, not after them.
    if page.drafts.len() > own {
        let moments: Vec<Option<i64>> = page.drafts[..own]
            .iter()
            .map(|d| d.when.map(crate::clock::Instant::utc_minutes))
            .collect();
        page.order = page.order.or(super::page::order_of(&moments));
    }
}

/// A page's posts by what identifies them: each anchor (`a`), folded headline (`h`) and
/// opening words (`o`) to the posts that have it, and every post's folded words (to the
/// last post that has them: a map of the type `first` is, where a set would be one more
/// copy of the hash table's code).
#[derive(Default)]
struct Known {
    first: FxMap<String, usize>,
    bodies: FxMap<String, usize>,
}

impl Known {
    fn add(&mut self, i: usize, keys: [Option<String>; 4], words: String) {
        for (kind, key) in ['a', 'h', 'o', 'o'].into_iter().zip(keys) {
            if let Some(key) = key.filter(|k| !k.is_empty()) {
                // The n-th post with the key under "key#n", up to the bound.
                let n = self.all(kind, &key).take_while(|&p| p != i).count();
                if n < 64 && self.all(kind, &key).nth(n).is_none() {
                    self.first.insert(format!("{kind}{key}#{n}"), i);
                }
            }
        }
        self.bodies.insert(words, i);
    }

    fn get(&self, kind: char, key: &str) -> Option<usize> {
        self.all(kind, key).next()
    }

    /// The posts that have the key, in the page's order: the first few (a bound on the
    /// work for a page that repeats one line throughout).
    fn all<'a>(&'a self, kind: char, key: &'a str) -> impl Iterator<Item = usize> + 'a {
        (0..64).map_while(move |n| self.first.get(&format!("{kind}{key}#{n}")).copied())
    }
}

/// The paragraph right after the page's `<h1>`, when it reads as a standfirst (one
/// sentence or two, not a post).
fn standfirst(dom: &Dom) -> Option<String> {
    let h1 = Selector::parse("h1").first(dom, 0)?;
    let parent = dom.parent(h1)?;
    let siblings = dom.children(parent);
    let at = siblings.iter().position(|&c| c == h1)?;
    let next = siblings[at + 1..]
        .iter()
        .copied()
        .find(|&c| dom.name(c).is_some())?;
    let text = dom.text(next);
    (dom.is(next, "p") && !text.is_empty() && text.len() <= 400).then_some(text)
}

/// Whether what follows a title is the site's name, after a separator (" | Site").
fn after_title(rest: &str) -> bool {
    TITLE_SEPARATORS.iter().any(|sep| rest.starts_with(sep))
}

/// Text with typographic quotes made straight (’ → ').
fn straight_quotes(text: &str) -> String {
    text.replace(['‘', '’'], "'").replace(['“', '”'], "\"")
}

/// What stands between a page's title and the site's name after it.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " * ", " · "];

/// A `<title>` without the site's name after it ("Live updates | Fictional News").
fn without_site_name(title: String) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some((main, site)) = title.rsplit_once(sep) {
            if !main.trim().is_empty() && site.split_whitespace().count() <= 4 {
                return main.trim().to_string();
            }
        }
    }
    title
}

/// A CSS selector that finds the element in the page: `#id` when it has one, else a path
/// of `:nth-of-type` steps from the nearest ancestor with an id (or the document).
fn anchor(dom: &Dom, node: NodeId) -> String {
    let mut steps = Vec::new();
    let mut n = node;
    loop {
        if let Some(id) = dom.attr(n, "id").filter(|i| !i.is_empty()) {
            steps.push(id_selector(id));
            break;
        }
        let Some(parent) = dom.parent(n) else { break };
        let name = dom.name(n).unwrap_or("*");
        steps.push(format!("{name}:nth-of-type({})", dom.nth_of_type(n)));
        if dom.parent(parent).is_none() {
            break;
        }
        n = parent;
    }
    steps.reverse();
    steps.join(" > ")
}

/// `#id`, or `[id="…"]` for ids that are not plain CSS identifiers.
fn id_selector(id: &str) -> String {
    let plain = id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !id.starts_with(|c: char| c.is_ascii_digit() || c == '-');
    if plain {
        format!("#{id}")
    } else {
        format!("[id=\"{}\"]", id.replace('\\', "\\\\").replace('"', "\\\""))
    }
}
