//! The markup renderer: prints a blog model (the text renderer's [`Blog`], from our own
//! models) as an HTML page in a family drawn from independent dimensions, and says what a
//! page reader must get back. It is the oracle of the page reader's property test
//! (`tests/rendered_pages.rs`), written apart from the parser: it only prints, and never
//! calls the crate.
//!
//! # Dimensions and their values
//!
//! | # | dimension | values |
//! |---|-----------|--------|
//! | 1 | family | WordPress liveblog plugin (`.liveblog-entry`), AMP `<amp-live-list>` (items with `data-sort-time`), a React app (hashed classes `css-1x2y3z`, no semantic class), schema.org microdata only (`itemprop="liveBlogUpdate"`), `<table>` rows, a `<ul>`/`<li>` stream, plain `<article>`s, a flat stream (no element per post: an opener, `<h2>`/`<h3>` "14.05 Uhr: Headline" or `<p><strong>2:05 PM</strong> <strong>Headline</strong> …</p>`, then the post's photo and paragraphs as its siblings), none (the posts only in JSON-LD) |
//! | 2 | JSON-LD | none, a `LiveBlogPosting` repeating every post, one listing more posts than the markup shows (the markup shows the newest) |
//! | 3 | JSON-LD posts | with or without a `url` naming the post's anchor; body as text or HTML; the post's own headline or the blog's on every post |
//! | 4 | time markup | `<time datetime>` around the clock, the clock alone in a `<span>`, `data-*` Unix seconds on the post with the clock shown, `data-*` Unix milliseconds with no clock shown, an age (`25 minutes ago`) in `<amp-timeago datetime>` (AMP) or `<time datetime>`, an age glued to the clock in one `<span>` (`25 mins ago14:05`), `<time datetime>` around the clock and an age in a `<span>` beside it, the two straight in the post (no element holds the time's line) |
//! | 5 | clock | `14:05`, `2:05 PM`, `2.05pm`, `14:05 GMT` |
//! | 6 | time placement | a meta line above the headline, under it, a footer line at the end of the post (`Posted at 14:05 by Name`) |
//! | 7 | headline | `<h2>`, `<h3>`, `<strong>` alone in the post's first `<p>`, a `<span>` first in the post's `<header>` (a meta line under the headline stands in the header after it) |
//! | 8 | headless posts | as the model has them, or every other post without its headline |
//! | 9 | body | `<p>`s, text directly in a `<div>` with `<br>`s between paragraphs, a `<div>` per paragraph |
//! | 10 | embeds | none, a tweet (`<blockquote class="twitter-tweet">` and its script), a blockquote with a `<cite>`; after the first paragraph of some posts |
//! | 11 | photos | none, the model's photos as `<figure>` with a credited caption |
//! | 12 | byline | none, `By Name` in the time's line, the name alone there (`<mark>Name</mark>`; `By Name` in a post with no time) |
//! | 13 | order | newest first, oldest first |
//! | 14 | chrome | any of: site header with a nav, key points list, a "most read" aside of links, related-article teasers (linked cards with a date), a site footer, an advertisement between posts |
//! | 15 | page date | `article:published_time` in the head, none |
//! | 16 | kicker | none, a label every post repeats as an `<h3>` above its headline (`Storm Alda`, `LIVE`) |
//! | 17 | untimed posts | none, every third post (the second, fifth, …) with no time of its own in the markup (AMP's `data-sort-time` and microdata's `datePublished` stay: the family needs them) |
//! | 18 | short posts | none, every third post (the third, sixth, …) one short line and nothing else, the same line each time (`Play resumes.`) |
//! | 19 | match clock (family commentary: posts marked by the match's clock, no time of day) | football minutes (`1'`, `34'`, added time `45+2'`, `90+3'`), cricket overs and balls (`12.3`, or `12.3 ov`) |
//! | 20 | match clock's element (family commentary) | its own `<span>` before the post's text (`<h3>` headline, photo and paragraphs in a `<div>`), a `<strong>` opening the post's first paragraph (no headline; the photo after that paragraph), its own `<td>` in a table row (the text in the next cell), a flat stream: a `<strong>` or `<b>` opening the post's first paragraph with no element per post, the post's other paragraphs and photo its siblings up to the next marker, under a standfirst paragraph of no post |
//!
//! Dimensions combine freely except where a page could not say what it means; [`Markup::repair`]
//! lists those: a JSON-LD-only page (family none) has its JSON-LD repeat every post; a page
//! listing more posts in JSON-LD than in its markup has at least three posts and shows two or
//! more of them; an age needs its `datetime` (it always has one) and is `<amp-timeago>` only
//! on AMP pages; a kicker needs three posts or more in the markup (it is known by repeating),
//! and so do untimed posts (of two posts, one without a time or a heading is not known for
//! a post). A flat stream is known by its openers' times: it shows three posts or more,
//! each opener shows its clock (the time markup is the clock alone; no post is untimed, no
//! kicker or byline), its bodies are paragraphs, and its headlines headings or bold. A
//! commentary page is known by its clock at the head of every post: it shows two posts or
//! more, all in the markup (no JSON-LD: it would give the moments the page does not), each
//! with its clock (no untimed post, kicker, byline or short post, whose line says too little
//! beside a clock), its bodies paragraphs.

use crate::render::Blog;

/// Dimension 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    WordPress,
    Amp,
    React,
    Microdata,
    Table,
    List,
    Articles,
    Flat,
    ScriptOnly,
    Commentary,
}

/// Dimension 19.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchClock {
    Minutes,
    Overs,
}

/// Dimension 20.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Own,
    Strong,
    Cell,
    Flat,
}

/// Dimension 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonLd {
    None,
    Repeats,
    MorePosts,
}

/// Dimension 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeMarkup {
    Time,
    ClockOnly,
    EpochSeconds,
    EpochMillis,
    Age,
    AgeGlued,
    AgeBeside,
}

/// Dimension 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockForm {
    H24,
    H12Upper,
    H12Dot,
    Zoned,
}

/// Dimension 6.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Above,
    Below,
    Footer,
}

/// Dimension 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    H2,
    H3,
    Strong,
    Header,
}

/// Dimension 9.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyForm {
    Paragraphs,
    BareText,
    Divs,
}

/// Dimension 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Embeds {
    None,
    Tweets,
    Quotes,
}

/// How a post names its author (dimension 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Author {
    None,
    By,
    Alone,
}

/// Dimension 14: which pieces of page chrome surround the blog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Chrome {
    pub header: bool,
    pub key_points: bool,
    pub most_read: bool,
    pub teasers: bool,
    pub footer: bool,
    pub ads: bool,
}

/// A drawn page: one value per dimension, plus the draws that pick posts and times.
#[derive(Debug, Clone)]
pub struct Markup {
    pub family: Family,
    pub json_ld: JsonLd,
    pub ld_anchors: bool,
    pub ld_html: bool,
    pub ld_blog_headline: bool,
    pub time: TimeMarkup,
    pub clock: ClockForm,
    pub placement: Placement,
    pub heading: Heading,
    pub headless: bool,
    pub body: BodyForm,
    pub embeds: Embeds,
    pub photos: bool,
    pub byline: Author,
    pub newest_first: bool,
    pub chrome: Chrome,
    pub dated: bool,
    pub kicker: Option<&'static str>,
    pub untimed: bool,
    pub short: bool,
    pub match_clock: MatchClock,
    pub marker: Marker,
    /// Per-post draws (cycled): which posts carry an embed, lose a headline.
    pub picks: Vec<bool>,
    /// First clock time (minutes after midnight) and the minutes between posts (cycled).
    pub start: u32,
    pub steps: Vec<u32>,
    /// How many posts of the model the blog has (at least two), and how many the markup
    /// shows when the JSON-LD lists more.
    pub posts: usize,
    pub shown: usize,
    /// Salt for a React page's hashed class names.
    pub salt: u32,
}

impl Markup {
    /// Makes the drawn combination one a page could mean (see the module docs).
    pub fn repair(&mut self, blog: &Blog) {
        self.posts = self.posts.clamp(2, blog.posts.len());
        if self.family == Family::ScriptOnly {
            self.json_ld = JsonLd::Repeats;
        }
        if self.json_ld == JsonLd::MorePosts {
            self.posts = self.posts.max(3).min(blog.posts.len());
            self.shown = self.shown.clamp(2, self.posts - 1);
        } else {
            self.shown = self.posts;
        }
        // A kicker is known by its repeating: two posts under one heading could as well be
        // a headline said twice.
        if self.shown < 3 || self.family == Family::ScriptOnly {
            self.kicker = None;
            // A stream is known by posts that carry times or headings: of two, both do.
            self.untimed = false;
        }
        if self.family == Family::Flat {
            self.posts = self.posts.max(3).min(blog.posts.len());
            self.shown = self.shown.max(3).min(self.posts);
            self.time = TimeMarkup::ClockOnly;
            self.untimed = false;
            self.kicker = None;
            self.byline = Author::None;
            self.body = BodyForm::Paragraphs;
            if self.heading == Heading::Header {
                self.heading = Heading::H2;
            }
        }
        if self.family == Family::Commentary {
            self.json_ld = JsonLd::None;
            self.shown = self.posts;
            self.untimed = false;
            self.kicker = None;
            self.byline = Author::None;
            self.short = false;
            self.body = BodyForm::Paragraphs;
        }
    }
}

/// What a reader must get back for one post, in the order the blog lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub headline: Option<String>,
    pub first_words: String,
    /// The clock the page shows, which must be the update's time.
    pub clock: Option<String>,
    /// Minutes after midnight UTC on the page's day, when the page gives the moment (in its
    /// markup, its JSON-LD, or a clock on a dated page): the update's timestamp.
    pub moment: Option<u32>,
    /// Whether the markup shows the post (else only the JSON-LD lists it).
    pub in_page: bool,
    /// Whether the page gives the post a time anywhere.
    pub timed: bool,
    /// The author the page names in the element beside the post's time: the update's byline,
    /// never a paragraph of it.
    pub byline: Option<&'static str>,
}

/// A rendered page and what it must read as.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub html: String,
    pub posts: Vec<Expected>,
    /// Whether the page runs newest first, when only the match's clock can say so (a
    /// commentary page of two posts or more: its clocks give no moment).
    pub newest_first: Option<bool>,
    /// The moment the page is read at, in Unix milliseconds.
    pub now_ms: i64,
}

/// 2024-03-05T00:00:00Z, the day every page covers.
pub const DAY_SECONDS: i64 = 1_709_596_800;
pub const DAY: &str = "2024-03-05";
pub const AUTHORS: &[&str] = &["Jane Okoro", "Sam Whitfield", "Li Wen", "Marta Ruiz"];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn iso(minutes: u32, form: usize) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match form % 3 {
        0 => format!("{DAY}T{h:02}:{m:02}:00Z"),
        1 => format!("{DAY}T{h:02}:{m:02}:00+00:00"),
        _ => format!("{DAY}T{h:02}:{m:02}:00.000Z"),
    }
}

fn clock(form: ClockForm, minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    let pm = h >= 12;
    match form {
        ClockForm::H24 => format!("{h:02}:{m:02}"),
        ClockForm::H12Upper => format!("{h12}:{m:02} {}", if pm { "PM" } else { "AM" }),
        ClockForm::H12Dot => format!("{h12}.{m:02}{}", if pm { "pm" } else { "am" }),
        ClockForm::Zoned => format!("{h:02}:{m:02} GMT"),
    }
}

fn age(minutes: u32) -> String {
    match minutes {
        0..=1 => "1 minute ago".into(),
        2..=59 => format!("{minutes} minutes ago"),
        60..=119 => "1 hour ago".into(),
        _ => format!("{} hours ago", minutes / 60),
    }
}

fn pick(markup: &Markup, i: usize, salt: usize) -> bool {
    markup.picks[(i * 7 + salt) % markup.picks.len()]
}

/// A React build's class name for a component: `css-` and six letters and digits.
fn hashed(markup: &Markup, component: &str) -> String {
    let mut h: u32 = markup.salt.wrapping_mul(2_654_435_761);
    for b in component.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(16_777_619);
    }
    let alphabet = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = String::from("css-");
    for _ in 0..6 {
        out.push(alphabet[(h % 36) as usize] as char);
        h /= 36;
        h = h.wrapping_mul(2_246_822_519).wrapping_add(7);
    }
    out
}

/// A class attribute: the semantic name, or its hashed form on a React page.
fn class(markup: &Markup, name: &str) -> String {
    if markup.family == Family::React {
        format!(" class=\"{}\"", hashed(markup, name))
    } else {
        format!(" class=\"{name}\"")
    }
}

const TWEET: &str = "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Crews are out on every road we can reach. Please stay at home tonight if you can. <a href=\"https://t.co/Ab12Cd34\">pic.twitter.com/Ab12Cd34</a></p>&mdash; County Roads Team (@countyroadsteam) <a href=\"https://twitter.com/countyroadsteam/status/1765000000000000000\">March 5, 2024</a></blockquote>\n<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>";
const QUOTE: &str = "<blockquote><p>We will keep the shelters open for as long as people need them.</p><cite>Ruth Alvey, the county's emergency planner</cite></blockquote>";

/// Where a post stands: its index in the model (oldest first), its place on the page, its
/// minute and the minute the page is read at.
struct Slot {
    chrono: usize,
    doc: usize,
    minutes: u32,
    now: u32,
    timed: bool,
}

/// One post's inner markup: the time line, headline, photo, body and embed.
fn post_inner(markup: &Markup, blog: &Blog, slot: &Slot, headline: Option<&str>, out: &mut String) {
    let Slot {
        chrono,
        doc,
        minutes,
        now,
        timed,
    } = *slot;
    let model = &blog.posts[chrono];
    let author = AUTHORS[doc % AUTHORS.len()];
    let shown = clock(markup.clock, minutes);
    let datetime = iso(minutes, doc);
    let time_el = match markup.time {
        _ if !timed => String::new(),
        TimeMarkup::Time => format!("<time datetime=\"{datetime}\">{shown}</time>"),
        TimeMarkup::ClockOnly | TimeMarkup::EpochSeconds => {
            format!("<span{}>{shown}</span>", class(markup, "post-time"))
        }
        TimeMarkup::EpochMillis => String::new(),
        TimeMarkup::Age if markup.family == Family::Amp => format!(
            "<amp-timeago datetime=\"{datetime}\" layout=\"fixed\" width=\"160\" height=\"20\" locale=\"en\">{}</amp-timeago>",
            age(now - minutes)
        ),
        TimeMarkup::Age => format!("<time datetime=\"{datetime}\">{}</time>", age(now - minutes)),
        TimeMarkup::AgeGlued => format!(
            "<span{}>{}{shown}</span>",
            class(markup, "post-time"),
            age(now - minutes).replace("minutes", "mins")
        ),
        TimeMarkup::AgeBeside => format!(
            "<time datetime=\"{datetime}\">{shown}</time><span{}>{}</span>",
            class(markup, "post-age"),
            age(now - minutes)
        ),
    };
    let by = match markup.byline {
        Author::None => String::new(),
        // A name alone is known for the author by the time beside it.
        Author::Alone if !time_el.is_empty() => format!(" <mark>{author}</mark>"),
        Author::By | Author::Alone => {
            format!(" <span{}>By {author}</span>", class(markup, "post-author"))
        }
    };
    let meta = if time_el.is_empty() && by.is_empty() {
        String::new()
    } else if markup.time == TimeMarkup::AgeBeside {
        format!("{time_el}{by}\n")
    } else {
        format!("<div{}>{time_el}{by}</div>\n", class(markup, "post-meta"))
    };
    let heading = headline.map(|h| {
        let h = escape(h);
        let itemprop = if markup.family == Family::Microdata {
            " itemprop=\"headline\""
        } else {
            ""
        };
        let c = class(markup, "post-title");
        match markup.heading {
            Heading::H2 => format!("<h2{c}{itemprop}>{h}</h2>\n"),
            Heading::H3 => format!("<h3{c}{itemprop}>{h}</h3>\n"),
            Heading::Strong => format!("<p><strong{itemprop}>{h}</strong></p>\n"),
            Heading::Header => format!("<span{c}{itemprop}>{h}</span>\n"),
        }
    });
    if markup.placement == Placement::Above {
        out.push_str(&meta);
    }
    if let Some(k) = markup.kicker {
        out.push_str(&format!("<h3{}>{k}</h3>\n", class(markup, "kicker")));
    }
    let below = if markup.placement == Placement::Below {
        meta.as_str()
    } else {
        ""
    };
    match heading {
        // The headline first in the post's header, the meta line under it there too.
        Some(h) if markup.heading == Heading::Header => out.push_str(&format!(
            "<header{}>\n{h}{below}</header>\n",
            class(markup, "post-header")
        )),
        Some(h) => out.push_str(&format!("{h}{below}")),
        None => out.push_str(below),
    }
    if let (true, Some(p)) = (markup.photos, &model.photo) {
        out.push_str(&format!(
            "<figure><img src=\"/img/{chrono}.jpg\" alt=\"{}\"><figcaption>{} <span class=\"credit\">{}</span></figcaption></figure>\n",
            escape(&p.alt),
            escape(&p.caption),
            escape(&p.credit)
        ));
    }
    let body_attr = if markup.family == Family::Microdata {
        " itemprop=\"articleBody\""
    } else {
        ""
    };
    out.push_str(&format!("<div{}{body_attr}>", class(markup, "post-body")));
    let embed = match markup.embeds {
        Embeds::Tweets if pick(markup, doc, 1) => Some(TWEET),
        Embeds::Quotes if pick(markup, doc, 1) => Some(QUOTE),
        _ => None,
    };
    for (k, paragraph) in model.paragraphs.iter().enumerate() {
        let p = escape(paragraph);
        match markup.body {
            BodyForm::Paragraphs => out.push_str(&format!("<p>{p}</p>")),
            BodyForm::Divs => out.push_str(&format!("<div>{p}</div>")),
            BodyForm::BareText if k > 0 => out.push_str(&format!("<br><br>{p}")),
            BodyForm::BareText => out.push_str(&p),
        }
        if let (0, Some(e)) = (k, embed) {
            out.push('\n');
            out.push_str(e);
            out.push('\n');
        }
    }
    out.push_str("</div>\n");
    if markup.placement == Placement::Footer {
        let line = match (time_el.is_empty(), markup.byline != Author::None) {
            (true, false) => String::new(),
            (true, true) => format!("By {author}"),
            (false, false) => format!("Posted at {time_el}"),
            (false, true) => format!("Posted at {time_el} by {author}"),
        };
        if !line.is_empty() {
            out.push_str(&format!(
                "<footer{}>{line}</footer>\n",
                class(markup, "post-footer")
            ));
        }
    }
    out.push_str(&format!(
        "<div{}><a href=\"#share\">Share</a></div>\n",
        class(markup, "share")
    ));
}

/// The clock a flat stream's opener shows, and the part of it that is the time: the 24-hour
/// clock as German pages write it ("14.05 Uhr"), the others as [`clock`] prints them.
fn flat_clock(form: ClockForm, minutes: u32) -> (String, String) {
    match form {
        ClockForm::H24 => {
            let time = format!("{:02}.{:02}", minutes / 60, minutes % 60);
            (format!("{time} Uhr"), time)
        }
        _ => (clock(form, minutes), clock(form, minutes)),
    }
}

/// One post of a flat stream: its opener (a heading led by its clock, or a paragraph led by
/// its clock in bold and its headline in bold after it), then its photo and paragraphs as
/// siblings, an embed after the first paragraph.
fn flat_post(markup: &Markup, blog: &Blog, slot: &Slot, headline: Option<&str>, out: &mut String) {
    let model = &blog.posts[slot.chrono];
    let (shown, _) = flat_clock(markup.clock, slot.minutes);
    let mut paragraphs = model
        .paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>\n", escape(p)));
    let photo = match (markup.photos, &model.photo) {
        (true, Some(p)) => format!(
            "<figure><img src=\"/img/{}.jpg\" alt=\"{}\"><figcaption>{} <span class=\"credit\">{}</span></figcaption></figure>\n",
            slot.chrono,
            escape(&p.alt),
            escape(&p.caption),
            escape(&p.credit)
        ),
        _ => String::new(),
    };
    match markup.heading {
        Heading::H2 | Heading::H3 | Heading::Header => {
            let tag = if markup.heading == Heading::H2 {
                "h2"
            } else {
                "h3"
            };
            let head = headline.map_or(String::new(), |h| format!(": {}", escape(h)));
            out.push_str(&format!("<{tag}>{shown}{head}</{tag}>\n{photo}"));
            out.extend(paragraphs.next());
        }
        Heading::Strong => {
            let head = headline.map_or(String::new(), |h| {
                format!(" <strong>{}</strong>", escape(h))
            });
            let first = model
                .paragraphs
                .first()
                .map_or(String::new(), |p| escape(p));
            paragraphs.next();
            out.push_str(&format!(
                "<p><strong>{shown}</strong>{head} {first}</p>\n{photo}"
            ));
        }
    }
    let embed = match markup.embeds {
        Embeds::Tweets if pick(markup, slot.doc, 1) => TWEET,
        Embeds::Quotes if pick(markup, slot.doc, 1) => QUOTE,
        _ => "",
    };
    if !embed.is_empty() {
        out.push_str(embed);
        out.push('\n');
    }
    out.extend(paragraphs);
}

/// The match's clock at each post, oldest first: minutes (added time past 45 and 90 as
/// pages write it, `45+2'`) or overs and balls, running on by the drawn steps.
fn match_clocks(markup: &Markup, n: usize) -> Vec<String> {
    let mut at = 0;
    (0..n)
        .map(|i| {
            let step = markup.steps[i % markup.steps.len()];
            match markup.match_clock {
                MatchClock::Minutes => {
                    at += step % 15 + 1;
                    match at {
                        46..=52 => format!("45+{}'", at - 45),
                        91.. => format!("90+{}'", at - 90),
                        _ => format!("{at}'"),
                    }
                }
                MatchClock::Overs => {
                    at += step % 5 + 1;
                    let over = format!("{}.{}", at / 6, at % 6 + 1);
                    if markup.salt % 2 == 0 {
                        over
                    } else {
                        format!("{over} ov")
                    }
                }
            }
        })
        .collect()
}

/// One post of a commentary page: the match's clock in an element of its own, a `<strong>`
/// opening the first paragraph, or a table cell, then the post (see dimension 20).
fn commentary_post(
    markup: &Markup,
    blog: &Blog,
    slot: &Slot,
    mark: &str,
    headline: Option<&str>,
    out: &mut String,
) {
    let model = &blog.posts[slot.chrono];
    let heading = headline.map_or(String::new(), |h| format!("<h3>{}</h3>", escape(h)));
    let photo = match (markup.photos, &model.photo) {
        (true, Some(p)) => format!(
            "<figure><img src=\"/img/{}.jpg\" alt=\"{}\"><figcaption>{} <span class=\"credit\">{}</span></figcaption></figure>",
            slot.chrono,
            escape(&p.alt),
            escape(&p.caption),
            escape(&p.credit)
        ),
        _ => String::new(),
    };
    let embed = match markup.embeds {
        Embeds::Tweets if pick(markup, slot.doc, 1) => TWEET,
        Embeds::Quotes if pick(markup, slot.doc, 1) => QUOTE,
        _ => "",
    };
    let mut paragraphs = String::new();
    // A flat stream's marker is bold either way pages write it.
    let bold = match markup.marker {
        Marker::Flat if markup.salt % 3 == 0 => "b",
        _ => "strong",
    };
    for (k, p) in model.paragraphs.iter().enumerate() {
        match (k, markup.marker) {
            (0, Marker::Strong | Marker::Flat) => {
                paragraphs.push_str(&format!("<p><{bold}>{mark}</{bold}> {}</p>", escape(p)));
            }
            _ => paragraphs.push_str(&format!("<p>{}</p>", escape(p))),
        }
        if k == 0 {
            paragraphs.push_str(embed);
        }
    }
    let text = format!("{heading}{photo}{paragraphs}");
    // The clock opens the post: its photo follows the first paragraph.
    if matches!(markup.marker, Marker::Strong | Marker::Flat) {
        let first = paragraphs.find("</p>").map_or(0, |end| end + 4);
        paragraphs.insert_str(first, &photo);
    }
    match markup.marker {
        Marker::Own => out.push_str(&format!(
            "<li class=\"event\"><span class=\"minute\">{mark}</span><div class=\"text\">{text}</div></li>\n"
        )),
        Marker::Strong => out.push_str(&format!("<div class=\"event\">{paragraphs}</div>\n")),
        Marker::Flat => {
            out.push_str(&paragraphs);
            out.push('\n');
        }
        Marker::Cell => out.push_str(&format!(
            "<tr class=\"ball\"><td>{mark}</td><td>{text}</td></tr>\n"
        )),
    }
}

/// The JSON-LD `LiveBlogPosting` for the posts `chronos` (in the page's order).
fn json_ld(markup: &Markup, blog: &Blog, chronos: &[(usize, Option<String>, u32)]) -> String {
    use serde_json::json;
    let updates: Vec<_> = chronos
        .iter()
        .map(|(chrono, headline, minutes)| {
            let model = &blog.posts[*chrono];
            let body = if markup.ld_html {
                model
                    .paragraphs
                    .iter()
                    .map(|p| format!("<p>{}</p>", escape(p)))
                    .collect::<String>()
            } else {
                model.paragraphs.join("\n\n")
            };
            let mut post = json!({
                "@type": "BlogPosting",
                "datePublished": iso(*minutes, *chrono),
                "articleBody": body,
            });
            let headline = if markup.ld_blog_headline {
                Some(blog.title.clone())
            } else {
                headline.clone()
            };
            if let Some(h) = headline {
                post["headline"] = json!(h);
            }
            if markup.ld_anchors {
                post["url"] = json!(format!("https://news.example/live/day#post-{chrono}"));
            }
            post
        })
        .collect();
    let doc = json!({
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": blog.title,
        "description": blog.standfirst,
        "datePublished": iso(markup.start.saturating_sub(30), 0),
        "coverageStartTime": iso(markup.start.saturating_sub(30), 0),
        "liveBlogUpdate": updates,
    });
    let text = serde_json::to_string_pretty(&doc).expect("JSON");
    format!(
        "<script type=\"application/ld+json\">{}</script>\n",
        text.replace("</", "<\\/")
    )
}

/// Lines a short post is (dimension 18): a page repeats one of them.
const SHORT: &[&str] = &["Play resumes.", "Track work.", "No change."];

/// The blog with every third post one short line and nothing else.
fn shortened(blog: &Blog, salt: u32) -> Blog {
    let mut blog = blog.clone();
    let line = SHORT[salt as usize % SHORT.len()];
    for post in blog.posts.iter_mut().skip(2).step_by(3) {
        post.headline = None;
        post.paragraphs = vec![line.to_string()];
        post.photo = None;
    }
    blog
}

/// Prints `blog` as `markup` (repaired first).
pub fn render(blog: &Blog, markup: &Markup) -> Rendered {
    let mut markup = markup.clone();
    markup.repair(blog);
    let short;
    let blog = if markup.short {
        short = shortened(blog, markup.salt);
        &short
    } else {
        blog
    };
    let m = &markup;
    let n = m.posts;
    let mut minutes_of = Vec::with_capacity(n);
    let mut t = m.start;
    for i in 0..n {
        minutes_of.push(t);
        t += m.steps[i % m.steps.len()];
    }
    let now = t + 3;
    let now_ms = (DAY_SECONDS + i64::from(now) * 60) * 1000;
    // The blog's posts, newest first; the markup shows the newest `shown` of them, in its
    // order.
    let headline_of = |chrono: usize| {
        let dropped = m.headless && (chrono + usize::from(m.picks[0])) % 2 == 0;
        blog.posts[chrono].headline.clone().filter(|_| !dropped)
    };
    let timed = |chrono: usize| !m.untimed || chrono % 3 != 1;
    let newest: Vec<usize> = (0..n).rev().collect();
    let mut shown: Vec<usize> = newest[..m.shown].to_vec();
    if !m.newest_first {
        shown.reverse();
    }
    let markup_posts = m.family != Family::ScriptOnly;

    let mut html = String::from("<!DOCTYPE html>\n");
    let amp = m.family == Family::Amp;
    html.push_str(if amp {
        "<html ⚡ lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<script async src=\"https://cdn.ampproject.org/v0.js\"></script>\n<script async custom-element=\"amp-live-list\" src=\"https://cdn.ampproject.org/v0/amp-live-list-0.1.js\"></script>\n"
    } else {
        "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    });
    html.push_str(&format!(
        "<title>{} | The Daily Example</title>\n<meta property=\"og:title\" content=\"{}\">\n<style>body {{ font-family: sans-serif; }}</style>\n",
        escape(&blog.title),
        escape(&blog.title)
    ));
    if m.dated {
        html.push_str(&format!(
            "<meta property=\"article:published_time\" content=\"{}\">\n",
            iso(m.start.saturating_sub(30), 0)
        ));
    }
    if m.json_ld != JsonLd::None {
        // Newest first, as pages list them.
        let all: Vec<(usize, Option<String>, u32)> = newest
            .iter()
            .map(|&c| (c, headline_of(c), minutes_of[c]))
            .collect();
        html.push_str(&json_ld(m, blog, &all));
    }
    html.push_str("</head>\n<body>\n");
    let c = m.chrome;
    if c.header {
        html.push_str(&format!(
            "<header{}><a href=\"/\">The Daily Example</a>\n<nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li><li><a href=\"/weather\">Weather</a></li><li><a href=\"/opinion\">Opinion</a></li></ul></nav></header>\n",
            class(m, "site-header")
        ));
    }
    html.push_str(&format!("<main{}>\n", class(m, "content")));
    let (open_blog, close_blog) = if m.family == Family::Microdata {
        (
            "<div itemscope itemtype=\"https://schema.org/LiveBlogPosting\">\n".to_string(),
            "</div>\n",
        )
    } else {
        (format!("<div{}>\n", class(m, "live-blog")), "</div>\n")
    };
    html.push_str(&open_blog);
    let title_prop = if m.family == Family::Microdata {
        " itemprop=\"headline\""
    } else {
        ""
    };
    html.push_str(&format!(
        "<h1{title_prop}>{}</h1>\n<p{}>{}</p>\n",
        escape(&blog.title),
        class(m, "standfirst"),
        escape(&blog.standfirst)
    ));
    if c.key_points {
        html.push_str(&format!(
            "<div{}><h2>Key points</h2><ul><li>Talks to resume on Friday</li><li>Two roads closed in the north</li><li>Rail services cut back until the evening</li></ul></div>\n",
            class(m, "key-points")
        ));
    }
    let marks = match_clocks(m, n);
    if m.family == Family::Commentary {
        let (open, close) = match m.marker {
            Marker::Own => ("<ul class=\"commentary\">", "</ul>"),
            Marker::Strong => ("<div class=\"commentary\">", "</div>"),
            Marker::Cell => ("<table class=\"commentary\"><tbody>", "</tbody></table>"),
            Marker::Flat => ("<div class=\"commentary\">", "</div>"),
        };
        html.push_str(open);
        html.push('\n');
        if m.marker == Marker::Flat {
            // The stream's standfirst, a paragraph of no post.
            html.push_str("<p>Every ball and every kick as it happens, from our reporter at the ground.</p>\n");
        }
        for (doc, &chrono) in shown.iter().enumerate() {
            let slot = Slot {
                chrono,
                doc,
                minutes: minutes_of[chrono],
                now,
                timed: true,
            };
            let headline =
                headline_of(chrono).filter(|_| m.marker == Marker::Own || m.marker == Marker::Cell);
            commentary_post(
                m,
                blog,
                &slot,
                &marks[chrono],
                headline.as_deref(),
                &mut html,
            );
        }
        html.push_str(close);
        html.push('\n');
    } else if m.family == Family::Flat {
        for (doc, &chrono) in shown.iter().enumerate() {
            let slot = Slot {
                chrono,
                doc,
                minutes: minutes_of[chrono],
                now,
                timed: true,
            };
            flat_post(m, blog, &slot, headline_of(chrono).as_deref(), &mut html);
            if c.ads && doc == 0 && shown.len() > 1 {
                html.push_str(&format!(
                    "<div{}>Advertisement</div>\n",
                    class(m, "ad-slot")
                ));
            }
        }
    } else if markup_posts {
        let (open, close, item) = match m.family {
            Family::WordPress => ("<div class=\"liveblog-feed\">", "</div>", "div"),
            Family::Amp => (
                "<amp-live-list id=\"live-list\" data-poll-interval=\"15000\" data-max-items-per-page=\"20\">\n<button update on=\"tap:live-list.update\">You have updates</button>\n<div items>",
                "</div>\n<div pagination></div>\n</amp-live-list>",
                "div",
            ),
            Family::React | Family::Microdata => ("<div>", "</div>", "div"),
            Family::Table => ("<table class=\"timeline\"><tbody>", "</tbody></table>", "tr"),
            Family::List => ("<ul class=\"timeline\">", "</ul>", "li"),
            Family::Articles => ("<section class=\"live-feed\">", "</section>", "article"),
            Family::Flat | Family::ScriptOnly | Family::Commentary => {
                unreachable!("no post elements")
            }
        };
        let open = if m.family == Family::React {
            format!("<div{}>", class(m, "feed"))
        } else {
            open.to_string()
        };
        html.push_str(&open);
        html.push('\n');
        for (doc, &chrono) in shown.iter().enumerate() {
            let minutes = minutes_of[chrono];
            let secs = DAY_SECONDS + i64::from(minutes) * 60;
            let attrs = match m.family {
                Family::WordPress => format!(
                    " id=\"liveblog-entry-{chrono}\" class=\"liveblog-entry\""
                ),
                Family::Amp => format!(
                    " id=\"post-{chrono}\" data-sort-time=\"{}\" class=\"live-post\"",
                    secs * 1000
                ),
                Family::React => class(m, "post"),
                Family::Microdata => format!(
                    " id=\"post-{chrono}\" class=\"update\" itemprop=\"liveBlogUpdate\" itemscope itemtype=\"https://schema.org/BlogPosting\""
                ),
                Family::Table => " class=\"entry\"".into(),
                Family::List => format!(" id=\"post-{chrono}\" class=\"timeline-item\""),
                Family::Articles => format!(" id=\"post-{chrono}\" class=\"live-post\""),
                Family::Flat | Family::ScriptOnly | Family::Commentary => unreachable!(),
            };
            let stamp = match m.time {
                _ if !timed(chrono) => String::new(),
                TimeMarkup::EpochSeconds => format!(" data-timestamp=\"{secs}\""),
                TimeMarkup::EpochMillis => format!(" data-post-time=\"{}\"", secs * 1000),
                _ => String::new(),
            };
            html.push_str(&format!("<{item}{attrs}{stamp}>\n"));
            if m.family == Family::Microdata {
                html.push_str(&format!(
                    "<meta itemprop=\"datePublished\" content=\"{}\">\n",
                    iso(minutes, doc)
                ));
            }
            if m.family == Family::Table {
                html.push_str("<td>");
            }
            let headline = headline_of(chrono);
            let slot = Slot {
                chrono,
                doc,
                minutes,
                now,
                timed: timed(chrono),
            };
            post_inner(m, blog, &slot, headline.as_deref(), &mut html);
            if m.family == Family::Table {
                html.push_str("</td>");
            }
            html.push_str(&format!("</{item}>\n"));
            if c.ads && doc == 0 && shown.len() > 1 {
                let ad = match m.family {
                    Family::Table => "<tr class=\"ad\"><td>Advertisement</td></tr>".to_string(),
                    Family::List => "<li class=\"ad\">Advertisement</li>".to_string(),
                    _ => format!("<div{}>Advertisement</div>", class(m, "ad-slot")),
                };
                html.push_str(&ad);
                html.push('\n');
            }
        }
        html.push_str(close);
        html.push('\n');
    } else {
        html.push_str("<div id=\"root\"><noscript>Turn on JavaScript to follow the live coverage.</noscript></div>\n");
    }
    html.push_str(close_blog);
    if c.teasers {
        html.push_str(&format!(
            "<section{}><h2>More on this story</h2>\n",
            class(m, "related")
        ));
        for (k, (title, summary)) in [
            (
                "Flood barriers: how they work",
                "The river authority explains when the gates close.",
            ),
            (
                "Five things to know about the storm",
                "What to expect on the roads and the railways.",
            ),
            (
                "Ferry timetables for the week",
                "The operator has published a revised timetable.",
            ),
        ]
        .iter()
        .enumerate()
        {
            html.push_str(&format!(
                "<div{}><a href=\"/news/story-{k}\"><h3>{title}</h3><p>{summary}</p></a><time datetime=\"2024-03-0{}T09:00:00Z\">{} March</time></div>\n",
                class(m, "teaser"),
                k + 2,
                k + 2
            ));
        }
        html.push_str("</section>\n");
    }
    html.push_str("</main>\n");
    if c.most_read {
        html.push_str(&format!(
            "<aside{}><h2>Most read</h2><ol><li><a href=\"/news/a\">Prices rise again as energy bills go up</a></li><li><a href=\"/news/b\">Five things to know before the weekend</a></li><li><a href=\"/news/c\">Weather warning issued for the north</a></li></ol></aside>\n",
            class(m, "most-read")
        ));
    }
    if c.footer {
        html.push_str(&format!(
            "<footer{}><p>© 2024 The Daily Example. All rights reserved.</p><ul><li><a href=\"/terms\">Terms</a></li><li><a href=\"/privacy\">Privacy</a></li><li><a href=\"/contact\">Contact us</a></li></ul></footer>\n",
            class(m, "site-footer")
        ));
    }
    html.push_str("</body>\n</html>\n");

    // What must come back: every post of the blog, in the page's order.
    let dated = m.dated || m.json_ld != JsonLd::None;
    let machine = matches!(
        m.time,
        TimeMarkup::Time
            | TimeMarkup::EpochSeconds
            | TimeMarkup::EpochMillis
            | TimeMarkup::Age
            | TimeMarkup::AgeBeside
    );
    let beside = matches!(m.family, Family::Amp | Family::Microdata) || m.json_ld != JsonLd::None;
    let visible = matches!(
        m.time,
        TimeMarkup::Time
            | TimeMarkup::ClockOnly
            | TimeMarkup::EpochSeconds
            | TimeMarkup::AgeGlued
            | TimeMarkup::AgeBeside
    );
    // A post only the JSON-LD lists has the headline the JSON-LD gives it: none when every
    // post there repeats the blog's.
    let commentary = m.family == Family::Commentary;
    let expect = |chrono: usize, in_page: bool| Expected {
        headline: headline_of(chrono).filter(|_| {
            (in_page || !m.ld_blog_headline)
                && !(commentary && matches!(m.marker, Marker::Strong | Marker::Flat))
        }),
        first_words: blog.posts[chrono].paragraphs[0]
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" "),
        clock: (in_page && (visible || commentary) && timed(chrono)).then(|| match m.family {
            Family::Flat => flat_clock(m.clock, minutes_of[chrono]).1,
            Family::Commentary => marks[chrono].clone(),
            _ => clock(m.clock, minutes_of[chrono]),
        }),
        // The match's clock gives no moment of the day.
        moment: (!commentary && (beside || timed(chrono) && (machine || dated)))
            .then_some(minutes_of[chrono]),
        in_page,
        timed: beside || timed(chrono),
        byline: shown
            .iter()
            .position(|&c| c == chrono)
            .filter(|_| {
                in_page
                    && m.byline != Author::None
                    && timed(chrono)
                    && m.placement != Placement::Footer
                    && !matches!(m.time, TimeMarkup::AgeBeside | TimeMarkup::EpochMillis)
            })
            .map(|doc| AUTHORS[doc % AUTHORS.len()]),
    };
    let mut posts: Vec<Expected> = if markup_posts {
        shown.iter().map(|&c| expect(c, true)).collect()
    } else {
        Vec::new()
    };
    if m.json_ld == JsonLd::MorePosts || !markup_posts {
        let hidden = newest
            .iter()
            .filter(|c| !shown.contains(c) || !markup_posts);
        let mut extra: Vec<usize> = hidden.copied().collect();
        // Sorted into the page's order; a page of JSON-LD alone is read newest first.
        if markup_posts && !m.newest_first {
            extra.reverse();
            let mut all: Vec<Expected> = extra.iter().map(|&c| expect(c, false)).collect();
            all.append(&mut posts);
            posts = all;
        } else {
            posts.extend(extra.iter().map(|&c| expect(c, false)));
        }
    }
    Rendered {
        html,
        newest_first: (commentary && posts.len() > 1).then_some(m.newest_first),
        posts,
        now_ms,
    }
}
