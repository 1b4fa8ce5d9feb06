//! The layout renderer: prints a blog model as plain text in a layout drawn from independent
//! dimensions, and says what a reader must get back. It is the oracle of the text reader's
//! property test (`tests/rendered_layouts.rs`), and is written apart from the parser: it only
//! prints, and never calls the crate.
//!
//! # Dimensions and their values
//!
//! | # | dimension | values |
//! |---|-----------|--------|
//! | 1 | time form | `14:05`, `14.05`, `2:05pm`, `2.05 p.m.`, `2:05 PM`, `2:05` (12 h, no am/pm), `14:05:09`, `14h05`, `1405`, `Nov. 14, 2024, 2:05 p.m.`, relative (`25 minutes ago`, `2h ago`, `1 hour ago`); a match's clock: minutes (`12'`, `12’`, `12 min`, with added time `45+2'` `90+3'`), cricket overs (`12.3`, `12.3 ov`, `12.3 overs`, `Ov 12.3`, `Over 13`, one style or mixed), the build-up by the clock then minutes (`14:05` … `12'`) |
//! | 2 | time label | none, `Posted at`, `Updated`, `Published` |
//! | 3 | after the time | nothing, a zone (` GMT`, ` (IST)`, ` ET`), a second zone (` GMT / 08:05 CST`), a date (`, March 5, 2024`), a second line with the 24 h time (`14:05`) |
//! | 4 | time placement | own line above the headline, own line below it, before it on its line with `: ` ` – ` ` - ` ` \| ` ` / ` three spaces, one space or nothing between, at the end of the post; in a post without a headline: own line above the prose, or before the prose with `: ` ` – ` ` - ` ` ` three spaces or nothing |
//! | 5 | post mark | none, `• `, `- `, `* `, numbers (`1. `) |
//! | 6 | kicker | none, a line repeated above every post (`UKRAINE WAR`, `Cost of living`, `Election 2024`, `Middle East crisis`) |
//! | 7 | byline | none, `By Name` line before the opener, `By Name` line after it, `, Name` after a time alone on its line, a bare name with the post mark (`• Name`, above the headline) |
//! | 8 | labels | none, alone on a line above some posts, glued to some headings (`BreakingPolice close …`); `Breaking`, `Key event`, `Pinned`, `Update`, `Analysis` |
//! | 9 | blank lines | between every line, only between posts, none |
//! | 10 | body indent | none, 2 spaces, 4 spaces |
//! | 11 | order | newest first, oldest first |
//! | 12 | posts without a headline | none, some, all |
//! | 13 | posts without a time | none, some, all |
//! | 14 | photos | none, alt + credited caption at the top of some posts, credited caption alone |
//! | 15 | furniture between posts | none, `Advertisement`, `Share`, `Share this post` |
//! | 16 | header | any of: skip link, breadcrumbs, live badge, title, standfirst, date line, key points list, presenters list, numbered widget |
//! | 17 | hard wrapping | none, at 72 columns |
//! | 18 | Markdown | none, `## ` headings and `**bold**` times |
//!
//! Dimensions combine freely except where a combination cannot be read by anyone, person or
//! program; [`Layout::repair`] lists those (a post with neither headline nor time has no
//! opener; a time at the end of a post needs a headline to open it; ...), and two per-post
//! rules: an untimed post is never the first on a timed page without a kicker or post mark,
//! and prose opening in lower case is never run into its time without a mark.

pub mod survey;

use serde_json::Value;

/// A photo as a post shows it.
#[derive(Debug, Clone)]
pub struct Photo {
    pub alt: String,
    pub caption: String,
    pub credit: String,
}

/// One post of a blog model.
#[derive(Debug, Clone)]
pub struct Post {
    pub headline: Option<String>,
    pub paragraphs: Vec<String>,
    pub photo: Option<Photo>,
}

/// A blog model: what the renderer prints.
#[derive(Debug, Clone)]
pub struct Blog {
    pub name: String,
    pub title: String,
    pub standfirst: String,
    pub posts: Vec<Post>,
}

/// Whether a text ends a sentence (or opens a quote or a list with a colon).
fn closes(text: &str) -> bool {
    let inner = text.trim_end_matches(['”', '"', '’', '\'']);
    inner.ends_with(['.', '!', '?', ':'])
}

/// Our own models (`tests/fixtures/models/*.json`, never the corpora's text), by file name.
pub fn own_models() -> Vec<Blog> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut own: Vec<_> = std::fs::read_dir(root.join("tests/fixtures/models"))
        .expect("our models are committed")
        .map(|e| e.unwrap().path())
        .collect();
    own.sort();
    own.iter()
        .map(|path| {
            let json = std::fs::read_to_string(path).unwrap();
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            Blog::from_model(&name, &serde_json::from_str(&json).unwrap())
        })
        .collect()
}

impl Blog {
    /// Reads one of our models (`tests/fixtures/models/*.json`).
    pub fn from_model(name: &str, json: &Value) -> Blog {
        let posts = json["posts"]
            .as_array()
            .expect("a model lists posts")
            .iter()
            .map(|p| Post {
                headline: p["headline"].as_str().map(str::to_string),
                paragraphs: p["paragraphs"]
                    .as_array()
                    .expect("a post has paragraphs")
                    .iter()
                    .map(|t| t.as_str().expect("text").to_string())
                    .collect(),
                photo: p.get("photo").filter(|v| v.is_object()).map(|v| Photo {
                    alt: v["alt"].as_str().unwrap_or_default().to_string(),
                    caption: v["caption"].as_str().unwrap_or_default().to_string(),
                    credit: v["credit"].as_str().unwrap_or_default().to_string(),
                }),
            })
            .collect();
        Blog {
            name: name.to_string(),
            title: json["title"].as_str().expect("a title").to_string(),
            standfirst: json["standfirst"].as_str().unwrap_or_default().to_string(),
            posts,
        }
    }

    /// Reads a corpus label file (`NAME.gold.json`): each labelled update becomes a post with
    /// its headline and its first words as the body, made a sentence when the label cut it
    /// short. The corpus text itself is never read, and nothing is written anywhere.
    pub fn from_labels(name: &str, json: &Value) -> Option<Blog> {
        let posts: Vec<Post> = json["updates"]
            .as_array()?
            .iter()
            .filter_map(|u| {
                let headline = u["headline"]
                    .as_str()
                    .map(|h| h.trim().to_string())
                    .filter(|h| !h.is_empty() && !closes(h) && h.split_whitespace().count() <= 20);
                let first = u["first_words"].as_str().unwrap_or("").trim();
                let body = if first.is_empty() {
                    "More details are expected shortly.".to_string()
                } else if closes(first) {
                    first.to_string()
                } else {
                    format!("{first} and more.")
                };
                // A body that opens with a time of its own is another layout's content.
                let body_opens_with_digit = body.starts_with(|c: char| c.is_ascii_digit());
                (!body_opens_with_digit).then(|| Post {
                    headline,
                    paragraphs: vec![body],
                    photo: None,
                })
            })
            .collect();
        (posts.len() >= 2).then(|| Blog {
            name: name.to_string(),
            title: json["title"]
                .as_str()
                .filter(|t| t.split_whitespace().count() >= 3 && !closes(t))
                .unwrap_or("Live updates from the day’s events")
                .to_string(),
            standfirst: "Follow the latest developments as they happen, with reports from our correspondents.".into(),
            posts,
        })
    }
}

/// Dimension 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeForm {
    H24,
    H24Dot,
    H12,
    H12Dots,
    H12Upper,
    H12Bare,
    Seconds,
    HClock,
    Wire,
    DateFirst,
    Relative,
    /// The match's own clock (a sports page), by style: `12'`, `12’`, `12 min`.
    Minute(u8),
    /// Minutes whose last posts fall in added time (`45+2'`, `90+1'`, `90+3'`).
    MinuteAdded,
    /// Cricket overs, by style: `12.3`, `12.3 ov`, `12.3 overs`, `Ov 12.3`, and mixed (the
    /// styles in turn, an over's last ball summed up as `Over 13`).
    Over(u8),
    /// The build-up timed by the clock (`14:05`), then the match by its minutes (`12'`).
    Kickoff,
}

impl TimeForm {
    /// The match's own clock rather than the time of day.
    pub fn is_match_clock(self) -> bool {
        matches!(
            self,
            TimeForm::Minute(_) | TimeForm::MinuteAdded | TimeForm::Over(_) | TimeForm::Kickoff
        )
    }
}

/// The match clock of each post, oldest first: minutes (or balls) run on by the drawn
/// steps, a few each, so that eight posts stay within a match.
fn match_clocks(form: TimeForm, steps: &[u32], n: usize, start: u32) -> Vec<String> {
    let mut at = 1 + steps[0] % 3;
    let mut clocks = Vec::with_capacity(n);
    for i in 0..n {
        let text = match form {
            TimeForm::Minute(0) => format!("{at}'"),
            TimeForm::Minute(1) => format!("{at}’"),
            TimeForm::Minute(_) => format!("{at} min"),
            // The first half's added time after a minute in the 40s, the second's for the
            // last two posts.
            TimeForm::MinuteAdded if i + 1 == n => format!("90+{}'", 2 + steps[0] % 4),
            TimeForm::MinuteAdded if i + 2 == n => "90+1'".to_string(),
            TimeForm::MinuteAdded if (40..=45).contains(&at) => format!("45+{}'", at - 39),
            TimeForm::MinuteAdded => format!("{at}'"),
            // Build-up on the clock until a third of the posts are told, then the match.
            TimeForm::Kickoff if i * 3 < n => clock(TimeForm::H24, start + i as u32 * 20, 0),
            TimeForm::Kickoff => format!("{at}'"),
            TimeForm::Over(style) => {
                let (over, ball) = (at / 6, at % 6 + 1);
                match (style, i % 4) {
                    (0, _) => format!("{over}.{ball}"),
                    (1, _) | (4, 1) => format!("{over}.{ball} ov"),
                    (2, _) | (4, 2) => format!("{over}.{ball} overs"),
                    (3, _) | (4, 3) => format!("Ov {over}.{ball}"),
                    _ if ball == 6 => format!("Over {}", over + 1),
                    _ => format!("{over}.{ball} ov"),
                }
            }
            _ => unreachable!("only match clocks are written here"),
        };
        clocks.push(text);
        at += 1 + steps[(i + 1) % steps.len()] % 10;
    }
    clocks
}

/// Dimension 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    Nothing,
    Zone(&'static str),
    SecondZone,
    Date,
    DualLine,
}

/// Dimension 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Above,
    Below,
    Inline(&'static str),
    AtEnd,
}

/// Dimension 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    None,
    Bullet(&'static str),
    Number,
}

/// Dimension 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Byline {
    None,
    Before,
    After,
    Comma,
    BareWithMark,
}

/// Dimension 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Labels {
    None,
    Alone,
    Glued,
}

/// Dimension 9.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blanks {
    All,
    BetweenPosts,
    None,
}

/// Dimensions 12 and 13: how many posts lack the thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Some3 {
    None,
    Some,
    All,
}

/// Dimension 14.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Photos {
    None,
    WithAlt,
    CaptionOnly,
}

/// Dimension 16: which header elements the page prints (in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Header {
    pub skip_link: bool,
    pub breadcrumbs: bool,
    pub badge: bool,
    pub title: bool,
    pub standfirst: bool,
    pub date_line: bool,
    pub key_points: bool,
    pub presenters: bool,
    pub widget: bool,
}

/// A drawn layout: one value per dimension, plus the draws that pick which posts lack a
/// headline or a time, or carry a label or a photo.
#[derive(Debug, Clone)]
pub struct Layout {
    pub time_form: TimeForm,
    pub time_label: &'static str,
    pub after: After,
    pub placement: Placement,
    /// For posts without a headline: `None` puts the time on its own line, else the
    /// separator between the time and the prose.
    pub headless_sep: Option<&'static str>,
    pub mark: Mark,
    pub kicker: Option<&'static str>,
    pub byline: Byline,
    pub labels: Labels,
    pub blanks: Blanks,
    pub indent: usize,
    pub newest_first: bool,
    pub headless: Some3,
    pub timeless: Some3,
    pub photos: Photos,
    pub furniture: Option<&'static str>,
    pub header: Header,
    pub wrap: bool,
    pub markdown: bool,
    /// Per-post draws (cycled): which posts lose a headline, a time, get a label or photo.
    pub picks: Vec<bool>,
    /// First clock time (minutes after midnight) and the minutes between posts (cycled).
    pub start: u32,
    pub steps: Vec<u32>,
    /// How many posts of the model to print (at least two).
    pub posts: usize,
}

pub const SEPARATORS: &[&str] = &[": ", " – ", " - ", " | ", " / ", "   ", " ", ""];
pub const PROSE_SEPARATORS: &[&str] = &[": ", " – ", " - ", " ", "   ", ""];
pub const KICKERS: &[&str] = &[
    "UKRAINE WAR",
    "Cost of living",
    "Election 2024",
    "Middle East crisis",
];
pub const LABELS: &[&str] = &["Breaking", "Key event", "Pinned", "Update", "Analysis"];
pub const FURNITURE: &[&str] = &["Advertisement", "Share", "Share this post"];
pub const AUTHORS: &[&str] = &["Jane Okoro", "Sam Whitfield", "Li Wen", "Marta Ruiz"];

impl Layout {
    /// Makes the drawn combination one a reader can read, for these posts. Each rule is a
    /// layout nobody could split, or a pair of values that cannot meet on a page:
    /// - a post with neither a headline nor a time has no opener: such posts keep their time;
    /// - a page whose posts all lack times must have headlines on them all, and a title (a
    ///   headline and prose at the top could otherwise be the first post);
    /// - a time at the end of a post needs every post to open with a headline, and every
    ///   post to have a time;
    /// - a glued separator needs a clock with `:`, `.`, `h` or am/pm and no zone (four
    ///   digits run into a word are a number);
    /// - relative and date-first times carry no second zone or date after them, four digits
    ///   no date (`1122, March 5` is a number and a date);
    /// - a `, Name` byline and a second time line need the time alone on its line;
    /// - a numbered widget in the header is not printed above numbered posts, nor key
    ///   points above bulleted posts without times (both would be posts of the same form).
    pub fn repair(&mut self, blog: &Blog) {
        self.posts = self.posts.clamp(2, blog.posts.len());
        let model_headless = blog.posts[..self.posts]
            .iter()
            .any(|p| p.headline.is_none());
        if model_headless || self.headless != Some3::None {
            if self.timeless == Some3::All {
                self.timeless = Some3::Some;
            }
            if self.placement == Placement::AtEnd {
                self.placement = Placement::Above;
            }
            // An over summed up ("Over 13") is set apart from its text by a mark: "Over
            // 200 Fans" is a count.
            if self.time_form == TimeForm::Over(4) {
                if matches!(self.placement, Placement::Inline(" " | "   ")) {
                    self.placement = Placement::Inline(" – ");
                }
                if matches!(self.headless_sep, Some(" " | "   ")) {
                    self.headless_sep = Some(" – ");
                }
            }
        }
        // Times at the end of posts: the ends of the page tell where a time belongs, so
        // every post has one.
        if self.placement == Placement::AtEnd {
            self.timeless = Some3::None;
        }
        if self.timeless == Some3::All {
            self.header.title = true;
            if self.byline == Byline::Comma {
                self.byline = Byline::Before;
            }
        }
        if self.headless == Some3::All && self.timeless != Some3::None {
            self.timeless = Some3::None;
        }
        // A match's clock is printed bare (no label, zone, date or second line), at the
        // head of its post: no sports page closes its posts with the minute.
        if self.time_form.is_match_clock() {
            self.time_label = "";
            self.after = After::Nothing;
            if self.placement == Placement::AtEnd {
                self.placement = Placement::Above;
            }
            // An over summed up ("Over 13") is set apart from its text by a mark: "Over
            // 200 Fans" is a count.
            if self.time_form == TimeForm::Over(4) {
                if matches!(self.placement, Placement::Inline(" " | "   ")) {
                    self.placement = Placement::Inline(" – ");
                }
                if matches!(self.headless_sep, Some(" " | "   ")) {
                    self.headless_sep = Some(" – ");
                }
            }
        }
        if matches!(self.time_form, TimeForm::Relative | TimeForm::DateFirst)
            && matches!(self.after, After::SecondZone | After::Date)
        {
            self.after = After::Nothing;
        }
        if self.time_form == TimeForm::Relative && matches!(self.after, After::Zone(_)) {
            self.after = After::Nothing;
        }
        if self.time_form == TimeForm::Wire && self.after == After::Date {
            self.after = After::Zone(" GMT");
        }
        let glue_ok = !matches!(
            self.time_form,
            TimeForm::Relative | TimeForm::DateFirst | TimeForm::Wire
        ) && !self.time_form.is_match_clock()
            && self.after == After::Nothing
            && self.time_label.is_empty();
        if !glue_ok {
            if self.placement == Placement::Inline("") {
                self.placement = Placement::Inline(" – ");
            }
            if self.headless_sep == Some("") {
                self.headless_sep = Some(": ");
            }
        }
        let own_line = matches!(
            self.placement,
            Placement::Above | Placement::Below | Placement::AtEnd
        );
        if !own_line && self.byline == Byline::Comma {
            self.byline = Byline::After;
        }
        if !own_line && self.after == After::DualLine {
            self.after = After::Nothing;
        }
        if self.byline == Byline::BareWithMark && self.mark == Mark::None {
            self.mark = Mark::Bullet("• ");
        }
        if self.mark == Mark::Number {
            self.header.widget = false;
        }
        if matches!(self.mark, Mark::Bullet(_)) && self.timeless != Some3::None {
            self.header.key_points = false;
        }
    }
}

/// What a reader must get back for one post, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub headline: Option<String>,
    pub time: Option<String>,
    pub first_words: String,
    pub label: Option<String>,
    pub kicker: Option<String>,
    pub byline: Option<String>,
    pub photo: bool,
}

/// A rendered page: its text, what each post must read as, and which post owns each
/// non-blank line (`None` for the header).
#[derive(Debug, Clone)]
pub struct Rendered {
    pub text: String,
    pub title: Option<String>,
    pub posts: Vec<Expected>,
    pub owners: Vec<Option<usize>>,
}

/// Lines under construction: text, owner, and whether a blank line must precede it.
struct Page {
    lines: Vec<(String, Option<usize>, bool)>,
    blanks: Blanks,
}

impl Page {
    /// A line; `new_block` marks the first line of a post or of a header element.
    fn push(&mut self, text: String, owner: Option<usize>, new_block: bool) {
        let blank = match self.blanks {
            Blanks::All => true,
            Blanks::BetweenPosts => new_block,
            Blanks::None => false,
        };
        self.lines.push((text, owner, blank));
    }

    /// A line that always sits right under the one before (a photo's caption under its
    /// description), whatever the blank lines elsewhere.
    fn push_tight(&mut self, text: String, owner: Option<usize>) {
        self.lines.push((text, owner, false));
    }
}

fn pick(layout: &Layout, i: usize, salt: usize) -> bool {
    layout.picks[(i * 7 + salt) % layout.picks.len()]
}

/// Minutes after midnight as the drawn form writes them.
fn clock(form: TimeForm, minutes: u32, second: u32) -> String {
    let (h, m) = (minutes / 60 % 24, minutes % 60);
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    let pm = h >= 12;
    match form {
        TimeForm::H24 => format!("{h:02}:{m:02}"),
        TimeForm::H24Dot => format!("{h:02}.{m:02}"),
        TimeForm::H12 => format!("{h12}:{m:02}{}", if pm { "pm" } else { "am" }),
        TimeForm::H12Dots => format!("{h12}.{m:02} {}", if pm { "p.m." } else { "a.m." }),
        TimeForm::H12Upper => format!("{h12}:{m:02} {}", if pm { "PM" } else { "AM" }),
        TimeForm::H12Bare => format!("{h12}:{m:02}"),
        TimeForm::Seconds => format!("{h:02}:{m:02}:{second:02}"),
        TimeForm::HClock => format!("{h}h{m:02}"),
        TimeForm::Wire => format!("{h:02}{m:02}"),
        TimeForm::DateFirst => format!(
            "Nov. 14, 2024, {h12}:{m:02} {}",
            if pm { "p.m." } else { "a.m." }
        ),
        TimeForm::Relative => unreachable!("relative times are written from an age"),
        _ => unreachable!("a match's clock is written by `match_clocks`"),
    }
}

fn age(minutes: u32, style: usize) -> String {
    if minutes < 60 {
        match style % 2 {
            0 => format!("{minutes} minutes ago"),
            _ => format!("{minutes}m ago"),
        }
    } else {
        let h = minutes / 60;
        match (style % 2, h) {
            (0, 1) => "1 hour ago".to_string(),
            (0, _) => format!("{h} hours ago"),
            _ => format!("{h}h ago"),
        }
    }
}

/// Breaks a line at word boundaries so that no line is longer than `width` characters,
/// continuation lines keeping the indent.
fn wrap(line: &str, width: usize) -> Vec<String> {
    let indent: String = line.chars().take_while(|c| *c == ' ').collect();
    let mut out = Vec::new();
    let mut current = indent.clone();
    for word in line.split_whitespace() {
        let len = current.chars().count();
        if len > indent.len() && len + 1 + word.chars().count() > width {
            out.push(std::mem::replace(&mut current, indent.clone()));
        }
        if current.len() > indent.len() {
            current.push(' ');
        }
        current.push_str(word);
    }
    out.push(current);
    out
}

/// Prints `blog` in `layout` (repaired first).
pub fn render(blog: &Blog, layout: &Layout) -> Rendered {
    let mut layout = layout.clone();
    layout.repair(blog);
    let layout = &layout;
    let n = layout.posts;
    let mut page = Page {
        lines: Vec::new(),
        blanks: layout.blanks,
    };
    let h = &layout.header;
    if h.skip_link {
        page.push("Skip to main content".into(), None, true);
    }
    if h.breadcrumbs {
        page.push("News / World / Live".into(), None, true);
    }
    if h.badge {
        page.push("Live".into(), None, true);
    }
    if h.title {
        let title = if layout.markdown {
            format!("# {}", blog.title)
        } else {
            blog.title.clone()
        };
        page.push(title, None, true);
    }
    if h.standfirst {
        page.push(blog.standfirst.clone(), None, !h.title);
    }
    if h.date_line {
        page.push("Updated: March 5, 2024 10:03am".into(), None, true);
    }
    if h.key_points {
        page.push("Key points:".into(), None, true);
        for point in [
            "Talks to resume on Friday",
            "Two roads closed in the north",
            "Rail services cut back",
        ] {
            page.push(format!("• {point}"), None, false);
        }
    }
    if h.presenters {
        page.push("Presented by".into(), None, true);
        for name in ["Alex Marsh", "Priya Nair"] {
            page.push(name.into(), None, false);
        }
    }
    if h.widget {
        page.push("Most read".into(), None, true);
        for (k, item) in [
            "Prices rise again",
            "Five things to know",
            "Weather warning issued",
        ]
        .iter()
        .enumerate()
        {
            page.push(format!("{}. {item}", k + 1), None, false);
        }
    }

    // Times: oldest post first on the clock, printed in the drawn order.
    let mut clock_of = Vec::with_capacity(n);
    let mut t = layout.start;
    for i in 0..n {
        clock_of.push(t);
        t += layout.steps[i % layout.steps.len()];
    }
    let now = t + 3;
    let match_clock_of = if layout.time_form.is_match_clock() {
        match_clocks(layout.time_form, &layout.steps, n, layout.start)
    } else {
        Vec::new()
    };
    let order: Vec<usize> = if layout.newest_first {
        (0..n).rev().collect()
    } else {
        (0..n).collect()
    };

    // "Some" posts lose their headline: every other one, so that about half keep it. A
    // page where fewer than a third of the posts put a line under their time reads those
    // lines as the posts' first words (as the corpus labels do): there, none keeps one.
    let headline_of = |doc: usize, chrono: usize| match layout.headless {
        Some3::All => None,
        Some3::Some if (doc + usize::from(layout.picks[0])) % 2 == 0 => None,
        _ => blog.posts[chrono].headline.clone(),
    };
    let kept = order
        .iter()
        .enumerate()
        .filter(|&(doc, &chrono)| headline_of(doc, chrono).is_some())
        .count();
    let few = layout.placement == Placement::Above && kept * 3 < n;
    let mut posts = Vec::with_capacity(n);
    for (doc, &chrono) in order.iter().enumerate() {
        let model = &blog.posts[chrono];
        let owner = Some(doc);
        let headline = headline_of(doc, chrono).filter(|_| !few);
        // An untimed post at the top of a timed page reads as the header's end unless the
        // page's kicker or post mark opens it.
        let top = doc == 0 && layout.kicker.is_none() && layout.mark == Mark::None;
        let timed = headline.is_none()
            || top && layout.timeless != Some3::All
            || match layout.timeless {
                Some3::All => false,
                Some3::Some => !pick(layout, doc, 2),
                Some3::None => true,
            };
        let time = timed.then(|| {
            let minutes = clock_of[chrono];
            let mut text = String::new();
            if !layout.time_label.is_empty() {
                text.push_str(layout.time_label);
                text.push(' ');
            }
            match layout.time_form {
                TimeForm::Relative => text.push_str(&age(now - minutes, doc)),
                form if form.is_match_clock() => text.push_str(&match_clock_of[chrono]),
                form => text.push_str(&clock(form, minutes, (doc as u32 * 13) % 60)),
            }
            match layout.after {
                After::Zone(z) => text.push_str(z),
                After::SecondZone => {
                    text.push_str(" GMT / ");
                    text.push_str(&clock(TimeForm::H24, (minutes + 1440 - 360) % 1440, 0));
                    text.push_str(" CST");
                }
                After::Date => text.push_str(", March 5, 2024"),
                After::Nothing | After::DualLine => {}
            }
            (text, minutes)
        });
        let label = match layout.labels {
            Labels::None => None,
            _ => pick(layout, doc, 3).then(|| LABELS[doc % LABELS.len()]),
        };
        let glued = layout.labels == Labels::Glued
            && headline.is_some()
            && !matches!(layout.placement, Placement::Inline(_));
        let author = AUTHORS[doc % AUTHORS.len()];
        let photo = match layout.photos {
            Photos::None => None,
            _ => model.photo.clone().or_else(|| {
                pick(layout, doc, 4).then(|| {
                    let day = ["Monday", "Tuesday", "Wednesday", "Thursday"][doc % 4];
                    Photo {
                        alt: "Crowds gather in the main square".into(),
                        caption: format!("Crowds gather in the main square on {day}."),
                        credit: "Photograph: Ann Lee/Reuters".into(),
                    }
                })
            }),
        };

        let mut first_line = true;
        let mut opener = |page: &mut Page, text: String| {
            let new_block = std::mem::replace(&mut first_line, false);
            page.push(text, owner, new_block);
        };
        if let Some(k) = layout.kicker {
            opener(&mut page, k.to_string());
        }
        if let (Some(l), false) = (label, glued) {
            opener(&mut page, l.to_string());
        }
        let mut marked = false;
        let mut mark = |text: String| -> String {
            if std::mem::replace(&mut marked, true) {
                return text;
            }
            match layout.mark {
                Mark::None => text,
                Mark::Bullet(b) => format!("{b}{text}"),
                Mark::Number => format!("{}. {text}", doc + 1),
            }
        };
        match layout.byline {
            Byline::Before => opener(&mut page, mark(format!("By {author}"))),
            Byline::BareWithMark => opener(&mut page, mark(author.to_string())),
            _ => {}
        }
        let heading = |h: &str| -> String {
            let h = match (glued, label) {
                (true, Some(l)) => format!("{l}{h}"),
                _ => h.to_string(),
            };
            if layout.markdown {
                format!("## {h}")
            } else {
                h
            }
        };
        let time_line = |t: &str| -> String {
            let mut line = if layout.markdown {
                format!("**{t}**")
            } else {
                t.to_string()
            };
            if layout.byline == Byline::Comma {
                line.push_str(&format!(" , {author}"));
            }
            line
        };
        let dual = |page: &mut Page, minutes: u32| {
            if layout.after == After::DualLine {
                page.push(clock(TimeForm::H24, minutes, 0), owner, false);
            }
        };
        let mut body: Vec<String> = model.paragraphs.clone();
        // Without a headline, a first sentence that asks or exclaims reads as one: such a
        // post goes on with a second sentence on its first line.
        if headline.is_none() && body[0].ends_with(['?', '!']) {
            body[0].push_str(" More soon.");
        }
        match (&headline, &time) {
            (Some(hl), Some((t, minutes))) => match layout.placement {
                Placement::Above => {
                    opener(&mut page, mark(time_line(t)));
                    dual(&mut page, *minutes);
                    opener(&mut page, heading(hl));
                }
                Placement::Below => {
                    opener(&mut page, mark(heading(hl)));
                    opener(&mut page, time_line(t));
                    dual(&mut page, *minutes);
                }
                Placement::Inline(sep) => {
                    let line = format!("{t}{sep}{hl}");
                    let line = if layout.markdown {
                        format!("## {line}")
                    } else {
                        line
                    };
                    opener(&mut page, mark(line));
                }
                Placement::AtEnd => opener(&mut page, mark(heading(hl))),
            },
            (Some(hl), None) => opener(&mut page, mark(heading(hl))),
            (None, Some((t, minutes))) => match layout.headless_sep {
                Some(sep) if !body.is_empty() => {
                    let first = body.remove(0);
                    // A time run into prose that opens in lower case is a sentence that
                    // starts with a time: such a post keeps a mark between.
                    let bare = matches!(sep, " " | "   " | "");
                    let sep = if bare && !first.starts_with(char::is_uppercase) {
                        ": "
                    } else {
                        sep
                    };
                    opener(&mut page, mark(format!("{t}{sep}{first}")));
                    body.insert(0, String::new());
                }
                _ => {
                    opener(&mut page, mark(time_line(t)));
                    dual(&mut page, *minutes);
                }
            },
            (None, None) => unreachable!("repair gives every post without a headline a time"),
        }
        // A `, Name` byline rides on a time alone on its line; elsewhere it is a line.
        let on_time_line = layout.byline == Byline::Comma
            && time.is_some()
            && (headline.is_some() || layout.headless_sep.is_none());
        if layout.byline == Byline::After || (layout.byline == Byline::Comma && !on_time_line) {
            page.push(format!("By {author}"), owner, false);
        }
        let pad = " ".repeat(layout.indent);
        if let Some(p) = &photo {
            if layout.photos == Photos::WithAlt {
                page.push(format!("{pad}{}", p.alt), owner, false);
            }
            let credit = if p.credit.starts_with("Photograph:") {
                format!("{} {}", p.caption, p.credit)
            } else if p.credit.contains("Photo/") {
                format!("{} ({})", p.caption, p.credit)
            } else {
                format!("{} [{}]", p.caption, p.credit)
            };
            if layout.photos == Photos::WithAlt {
                page.push_tight(format!("{pad}{credit}"), owner);
            } else {
                page.push(format!("{pad}{credit}"), owner, false);
            }
        }
        // The first paragraph may already sit on the time's line (an empty placeholder).
        for paragraph in &body {
            if !paragraph.is_empty() {
                page.push(format!("{pad}{paragraph}"), owner, false);
            }
        }
        if let (Placement::AtEnd, Some(_), Some((t, minutes))) =
            (layout.placement, &headline, &time)
        {
            page.push(time_line(t), owner, false);
            dual(&mut page, *minutes);
        }
        if let Some(f) = layout.furniture {
            if doc + 1 < n {
                page.push(f.to_string(), owner, false);
            }
        }
        let first_words = model.paragraphs[0]
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        posts.push(Expected {
            headline,
            time: time.map(|(t, _)| t),
            first_words,
            label: label.map(str::to_string),
            kicker: layout.kicker.map(str::to_string),
            byline: matches!(
                layout.byline,
                Byline::Before | Byline::After | Byline::Comma | Byline::BareWithMark
            )
            .then(|| author.to_string()),
            photo: photo.is_some(),
        });
    }

    let mut text = String::new();
    let mut owners = Vec::new();
    for (k, (line, owner, blank)) in page.lines.iter().enumerate() {
        if *blank && k > 0 {
            text.push('\n');
        }
        let pieces = if layout.wrap {
            wrap(line, 72)
        } else {
            vec![line.clone()]
        };
        for piece in pieces {
            text.push_str(&piece);
            text.push('\n');
            owners.push(*owner);
        }
    }
    Rendered {
        text,
        // A title is told from clutter by the standfirst under it; without one it is a
        // header line like any other (see the limits in the test's docs).
        title: (h.title && h.standfirst).then(|| blog.title.clone()),
        posts,
        owners,
    }
}
