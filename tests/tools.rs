//! The text that tools make of pages, read right: three live blogs we wrote as HTML
//! (`tests/fixtures/html_tools/*.html`), each as a browser's select-all copy (Chromium),
//! `lynx -dump`, `html2text` and `pandoc -t plain` render it (committed beside them, made by
//! `render.mjs` there). Every post must come back with its headline, time and first words,
//! every line in place, the page's furniture and the key-events list kept out of the posts.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use liveblog_index::LiveBlog;

const TOOLS: &[&str] = &["copy", "lynx", "html2text", "pandoc"];

/// (time, headline, first words) of each post, top to bottom, as we wrote them in the HTML.
type Outline = &'static [(Option<&'static str>, Option<&'static str>, &'static str)];

const STORM: Outline = &[
    (
        Some("14.05 GMT"),
        Some("Coastguard: stay away from the sea front"),
        "The coastguard has asked",
    ),
    (
        Some("13.40 GMT"),
        Some("Power cut to 4,000 homes in Westbury"),
        "A fallen tree brought",
    ),
    (
        Some("13.10 GMT"),
        Some("Schools to close at noon"),
        "The county council has",
    ),
    (
        Some("12.25 GMT"),
        Some("‘We have never seen the river this high’"),
        "Residents of Mill Lane",
    ),
    (
        Some("11.50 GMT"),
        Some("Ferry crossings cancelled until Thursday"),
        "All crossings from Port",
    ),
];

const CUP_FINAL: Outline = &[
    (Some("90' + 4'"), None, "FULL TIME: Rovers 1-2"),
    (Some("90'"), None, "Four minutes of added"),
    (Some("84'"), None, "GOAL! A header from"),
    (Some("71'"), None, "Rovers make two changes"),
    (Some("63'"), None, "GOAL! City are level."),
    (Some("45'"), None, "Half time: Rovers lead"),
];

const COUNCIL_VOTE: Outline = &[
    (
        Some("Posted at 23:10"),
        Some("Budget passes by 31 votes to 24"),
        "The budget has passed",
    ),
    (
        Some("Posted at 22:05"),
        Some("Opposition amendment defeated"),
        "An amendment that would",
    ),
    (
        Some("Posted at 20:40"),
        Some("Bus routes 14 and 22 to be merged"),
        "The plan merges two",
    ),
    (
        Some("Posted at 19:15"),
        Some("Protest outside the town hall"),
        "About two hundred people",
    ),
];

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read(name: &str, tool: &str) -> (String, LiveBlog) {
    let path = format!(
        "{}/tests/fixtures/html_tools/{name}.{tool}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("the tools' output is committed");
    let blog = liveblog_index::parse(&text).expect("tool output parses");
    (text, blog)
}

/// Each update as (time, headline, first paragraph), the paragraph cut to the words wanted
/// when it starts with them.
fn outline(blog: &LiveBlog, want: Outline) -> Vec<(Option<String>, Option<String>, String)> {
    blog.updates
        .iter()
        .enumerate()
        .map(|(k, u)| {
            let first = u.paragraphs.first().map(|p| words(p)).unwrap_or_default();
            let first = match want.get(k) {
                Some((_, _, w)) if first.starts_with(w) => w.to_string(),
                _ => first,
            };
            (u.time.clone(), u.headline.as_deref().map(words), first)
        })
        .collect()
}

fn check(name: &str, want: Outline) {
    for tool in TOOLS {
        let (text, blog) = read(name, tool);
        common::assert_lines(&text, &blog);
        common::check_spans(&text, &blog);
        common::check_quotes(&blog);
        let got = outline(&blog, want);
        let want: Vec<_> = want
            .iter()
            .map(|(t, h, w)| (t.map(String::from), h.map(String::from), w.to_string()))
            .collect();
        assert_eq!(got, want, "{name} as {tool} renders it");
    }
}

#[test]
fn a_timed_blog_with_headlines_under_its_times() {
    check("storm", STORM);
    for tool in TOOLS {
        let (_, blog) = read("storm", tool);
        assert_eq!(
            blog.title.as_deref().map(words).as_deref(),
            Some("Storm Alda live: ferries cancelled as rivers rise along the east coast"),
            "{tool}"
        );
        assert_eq!(blog.updates[1].images.len(), 1, "{tool}: the photo");
        assert!(
            blog.updates[0].labels.iter().any(|l| l == "Share"),
            "{tool}: the share button is furniture"
        );
    }
}

#[test]
fn a_match_report_in_minutes() {
    check("cup_final", CUP_FINAL);
}

#[test]
fn numbered_posts_with_a_posted_at_line() {
    check("council_vote", COUNCIL_VOTE);
}
