//! Structured inputs: page HTML (per site profile and generic), JSON-LD and feeds.
//!
//! Every page here is our own fictional writing in an outlet's markup. Each profile
//! fixture `tests/fixtures/html/NAME.html` has its expected model, `NAME.expected.json`
//! (the fields a reader sees), written by a person: when the model differs, the test leaves
//! what it read in the build's temporary folder, to compare and copy by hand, and fails.

use liveblog_index::{
    parse_any, parse_feed, parse_html, parse_json_ld, LiveBlog, ReadOptions, WarningCode,
};
use serde_json::{json, Value};

/// 2026-03-14T12:00:00Z: the moment our pages are read at.
const NOW: i64 = 1_773_489_600_000;

fn options() -> ReadOptions {
    ReadOptions {
        url: Some("https://news.example/live/storm".into()),
        now: Some(NOW),
        ..ReadOptions::default()
    }
}

/// Whether the blog warns with `code`.
fn warns(blog: &LiveBlog, code: WarningCode) -> bool {
    blog.warnings.iter().any(|w| w.code == code)
}

fn fixture(path: &str) -> String {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// What a reader sees of a blog.
fn view(blog: &LiveBlog) -> Value {
    json!({
        "format": blog.format,
        "title": blog.title,
        "summary": blog.summary,
        "date": blog.date,
        "order": blog.order,
        "warnings": blog.warnings.iter().map(|w| w.code).collect::<Vec<_>>(),
        "updates": blog.updates.iter().map(|u| json!({
            "id": u.id,
            "headline": u.headline,
            "time": u.time,
            "timestamp": u.timestamp,
            "paragraphs": u.paragraphs,
            "images": u.images,
            "links": u.links,
            "anchor": u.anchor,
            "pinned": u.pinned,
            "keyEvent": u.key_event,
        })).collect::<Vec<_>>(),
        "quotes": blog.quotes.iter().map(|q| json!({
            "text": q.text,
            "speaker": q.speaker.as_ref().map(|s| &s.name),
            "updateId": q.update_id,
        })).collect::<Vec<_>>(),
    })
}

fn check_profile(name: &str, profile: &str) {
    let blog = parse_html(&fixture(&format!("html/{name}.html")), &options()).unwrap();
    assert_eq!(blog.format, format!("html: {profile}"), "{name}");
    let got = view(&blog);
    let path = format!(
        "{}/tests/fixtures/html/{name}.expected.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let expected: Value = serde_json::from_str(&fixture(&format!("html/{name}.expected.json")))
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    if got != expected {
        // The test never rewrites what it checks: the model read is left beside the build
        // for a person to compare and, if the change is right, to copy over by hand.
        let seen = format!("{}/{name}.got.json", env!("CARGO_TARGET_TMPDIR"));
        let text = serde_json::to_string_pretty(&got).unwrap() + "\n";
        std::fs::write(&seen, text).unwrap();
        panic!("{name}: the model differs from {path}; what was read is in {seen} (diff them)");
    }
}

#[test]
fn guardian_blocks_pinned_copy_and_key_event() {
    check_profile("guardian", "The Guardian");
    let blog = parse_html(&fixture("html/guardian.html"), &options()).unwrap();
    // The pinned copy is folded into its post: three posts, not four.
    assert_eq!(blog.updates.len(), 3);
    let top = &blog.updates[0];
    assert!(top.pinned && top.key_event);
    assert_eq!(top.anchor.as_deref(), Some("#block-c3"));
    // Scripts, styles and comments are never read: nothing of them reaches the model.
    let all = serde_json::to_string(&blog).unwrap();
    for hidden in ["not a post", "commented-out", "color: red"] {
        assert!(!all.contains(hidden), "{hidden}");
    }
    // A blockquote is a quote, attributed by its footer.
    let statement = blog
        .quotes
        .iter()
        .find(|q| q.text.starts_with("No structural damage"))
        .expect("the blockquote is a quote");
    assert_eq!(
        statement.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Port Authority")
    );
    // Relative links resolve against the page address.
    assert_eq!(
        blog.updates[2].links,
        ["https://news.example/eastport/report"]
    );
}

#[test]
fn bbc_posts_with_ages_resolved_against_now() {
    check_profile("bbc", "BBC");
    let blog = parse_html(&fixture("html/bbc.html"), &options()).unwrap();
    assert_eq!(
        blog.updates[0].timestamp.as_deref(),
        Some("2026-03-14T11:44:00+00:00")
    );
    assert!(blog.updates[0].pinned);
    // Without `now`, ages stay unresolved and the blog says why.
    let blind = parse_html(&fixture("html/bbc.html"), &ReadOptions::default()).unwrap();
    assert!(blind.updates.iter().all(|u| u.timestamp.is_none()));
    assert!(warns(&blind, WarningCode::NoNow));
}

#[test]
fn bbc_legacy_stream() {
    check_profile("bbc_legacy", "BBC");
}

#[test]
fn cnn_first_publish_time_over_last_update() {
    check_profile("cnn", "CNN");
}

#[test]
fn nyt_pinned_post_counted_once() {
    check_profile("nyt", "The New York Times");
}

#[test]
fn ap_unix_milliseconds() {
    check_profile("ap", "AP");
}

#[test]
fn aljazeera_clock_times_on_the_page_date() {
    check_profile("aljazeera", "Al Jazeera");
}

#[test]
fn wordpress_liveblog_key_events_and_embedded_posts() {
    check_profile("wordpress", "WordPress Liveblog");
}

#[test]
fn microdata_live_blog_updates() {
    check_profile("microdata", "schema.org microdata");
}

#[test]
fn generic_repeated_blocks() {
    check_profile("generic", "generic");
}

#[test]
fn a_post_without_time_markup_takes_an_element_holding_only_a_clock_time() {
    let html = r#"<main><h1>Storm Alda live</h1><div class="feed">
        <div class="entry"><span class="stamp">14:32</span><h3>Coastguard warns</h3>
          <p>Boats must stay in port.</p></div>
        <div class="entry"><span class="stamp">13:05</span><h3>Winds rise</h3>
          <p>Gusts of 120km/h at the harbour, at 13:05 exactly.</p></div>
        </div></main>"#;
    let blog = parse_html(html, &options()).unwrap();
    let got: Vec<_> = timed_posts(&blog);
    assert_eq!(
        got,
        [
            (
                Some("14:32"),
                Some("Coastguard warns"),
                vec!["Boats must stay in port.".to_string()]
            ),
            (
                Some("13:05"),
                Some("Winds rise"),
                vec!["Gusts of 120km/h at the harbour, at 13:05 exactly.".to_string()]
            ),
        ]
    );
}

/// What must agree across the forms of one blog.
fn essentials(blog: &LiveBlog) -> Value {
    json!({
        "title": blog.title,
        "summary": blog.summary,
        "date": blog.date,
        "updates": blog.updates.iter().map(|u| json!([u.id, u.headline, u.timestamp, u.paragraphs])).collect::<Vec<_>>(),
        "quotes": blog.quotes.iter().map(|q| json!([q.text, q.speaker.as_ref().map(|s| &s.name), q.update_id])).collect::<Vec<_>>(),
        "entities": blog.entities.iter().map(|e| json!([e.name, e.kind])).collect::<Vec<_>>(),
    })
}

#[test]
fn one_blog_in_every_form_gives_the_same_updates() {
    let text = essentials(&liveblog_index::parse(&fixture("forms/blog.txt")).unwrap());
    assert_eq!(text["updates"].as_array().unwrap().len(), 3);
    assert_eq!(text["quotes"].as_array().unwrap().len(), 1);
    let forms = [
        ("blog.html", "html: generic"),
        ("blog.jsonld", "json-ld"),
        ("blog.rss", "rss"),
        ("blog.atom", "atom"),
        ("blog.json", "json feed"),
    ];
    for (file, format) in forms {
        let blog = parse_any(&fixture(&format!("forms/{file}")), &ReadOptions::default()).unwrap();
        assert_eq!(blog.format, format, "{file}");
        assert_eq!(essentials(&blog), text, "{file} differs from the text form");
    }
}

#[test]
fn feeds_by_their_own_reader() {
    for file in ["blog.rss", "blog.atom", "blog.json"] {
        let blog = parse_feed(&fixture(&format!("forms/{file}")), &ReadOptions::default()).unwrap();
        assert_eq!(blog.updates.len(), 3, "{file}");
        assert_eq!(
            blog.updates[0].anchor.as_deref(),
            Some("#p3"),
            "{file}: the item's page fragment is its anchor"
        );
    }
}

/// Each update's time, headline and paragraphs, as the page-stream tests compare them.
fn timed_posts(blog: &LiveBlog) -> Vec<(Option<&str>, Option<&str>, Vec<String>)> {
    blog.updates
        .iter()
        .map(|u| {
            (
                u.time.as_deref(),
                u.headline.as_deref(),
                u.paragraphs.clone(),
            )
        })
        .collect()
}

/// Each update's headline, time and number of paragraphs.
fn outline(blog: &LiveBlog) -> Vec<(Option<&str>, Option<&str>, usize)> {
    blog.updates
        .iter()
        .map(|u| (u.headline.as_deref(), u.time.as_deref(), u.paragraphs.len()))
        .collect()
}

fn headlines(blog: &LiveBlog) -> Vec<&str> {
    blog.updates
        .iter()
        .filter_map(|u| u.headline.as_deref())
        .collect()
}

#[test]
fn json_ld_in_every_shape_pages_publish() {
    let post = |h: &str, t: &str| json!({"@type": "BlogPosting", "headline": h, "datePublished": t, "articleBody": "Words."});
    let a = post("First", "2026-01-05T10:00:00Z");
    let b = post("Second", "2026-01-05T11:00:00Z");
    let shapes = [
        json!({"@type": "LiveBlogPosting", "liveBlogUpdate": [a, b]}),
        json!({"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": ["LiveBlogPosting", "NewsArticle"], "liveBlogUpdate": [a, b]}]}),
        json!([{"@type": "BreadcrumbList"}, {"@type": "liveblogposting", "blogPosts": [b, a]}]),
        json!({"@type": "https://schema.org/LiveBlogPosting", "blogPost": [a, b]}),
        json!({"@type": "Thing", "updates": [a, b]}),
    ];
    for shape in shapes {
        let blog = parse_json_ld(&shape.to_string(), &ReadOptions::default()).unwrap();
        assert_eq!(headlines(&blog), ["Second", "First"], "{shape}");
        assert_eq!(blog.updates[0].id, "u2");
    }
    // One update as an object rather than an array.
    let single = json!({"@type": "LiveBlogPosting", "liveBlogUpdate": a});
    let blog = parse_json_ld(&single.to_string(), &ReadOptions::default()).unwrap();
    assert_eq!(headlines(&blog), ["First"]);
}

#[test]
fn json_ld_mended_where_pages_break_it() {
    // Trailing commas (as in Google's published example), a raw line break inside a
    // string, HTML in the body, a byte-order mark.
    let text = "\u{feff}{\"@type\": \"LiveBlogPosting\", \"headline\": \"Match day\",\n\
        \"liveBlogUpdate\": [{\"headline\": \"Kick-off\", \"datePublished\": \"2026-04-02T15:00:00+01:00\",\n\
        \"articleBody\": \"<p>We are under way.</p><p>Line one\nline two</p>\",},],}";
    let blog = parse_json_ld(text, &ReadOptions::default()).unwrap();
    assert_eq!(blog.title.as_deref(), Some("Match day"));
    assert_eq!(
        blog.updates[0].paragraphs,
        ["We are under way.", "Line one line two"]
    );
    assert_eq!(
        blog.updates[0].timestamp.as_deref(),
        Some("2026-04-02T15:00:00+01:00")
    );
    let err = parse_json_ld(
        "{\"@type\": \"LiveBlogPosting\", \"headline\": }",
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "LB_JSON");
    assert!(err.to_string().contains("line 1"), "{err}");
}

#[test]
fn json_ld_fills_what_the_markup_lacks() {
    // The markup has no times and strips one headline; the JSON-LD, whose ids match the
    // anchors, has both, and a post the markup does not show.
    let page = r##"<html><head><script type="application/ld+json">
        {"@type": "LiveBlogPosting", "headline": "Election night", "liveBlogUpdate": [
          {"url": "https://news.example/live#e2", "headline": "Turnout up", "datePublished": "2026-05-07T22:30:00+01:00"},
          {"url": "https://news.example/live#e1", "headline": "Polls close", "datePublished": "2026-05-07T22:00:00+01:00"},
          {"headline": "Early count", "datePublished": "2026-05-07T23:10:00+01:00", "articleBody": "The first ballot boxes have arrived at the count."}
        ]}</script></head><body><div class="feed">
        <div class="item" id="e2"><p>Turnout is up on the last election in every ward that has reported.</p></div>
        <div class="item" id="e1"><h3>Polls close</h3><p>Voting has ended and the count begins at the city hall.</p></div>
        </div></body></html>"##;
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    assert_eq!(blog.title.as_deref(), Some("Election night"));
    assert_eq!(
        headlines(&blog),
        ["Early count", "Turnout up", "Polls close"]
    );
    let stamps: Vec<_> = blog
        .updates
        .iter()
        .map(|u| u.timestamp.as_deref())
        .collect();
    assert_eq!(
        stamps,
        [
            Some("2026-05-07T23:10:00+01:00"),
            Some("2026-05-07T22:30:00+01:00"),
            Some("2026-05-07T22:00:00+01:00")
        ]
    );
    assert_eq!(blog.updates[1].anchor.as_deref(), Some("#e2"));
    // JSON-LD alone (bodies stripped, no markup posts) still gives the posts.
    let only = r#"<script type="application/ld+json">{"@type":"LiveBlogPosting","liveBlogUpdate":[{"headline":"A"},{"headline":"B"}]}</script>"#;
    assert_eq!(
        headlines(&parse_html(only, &ReadOptions::default()).unwrap()).len(),
        2
    );
    // A broken JSON-LD block is a warning, not an error: the markup is still read.
    let broken = page
        .replace("\"headline\": \"Election night\",", "\"headline\": ,")
        .replace("id=\"e2\">", "id=\"e2\"><h3>Turnout up</h3>");
    let blog = parse_html(&broken, &ReadOptions::default()).unwrap();
    assert_eq!(blog.updates.len(), 2);
    assert!(warns(&blog, WarningCode::BadJsonLd));
}

#[test]
fn malformed_markup_gives_what_can_be_read() {
    let pages = [
        // Unclosed elements, stray end tags, a broken attribute, a page cut off mid-tag.
        "<div class=feed><div class=post><h3>One</h3><time datetime=\"2026-01-01T10:00Z\">10:00</time><p>First post text here</span></div>\
         <div class=post><h3>Two</h3><time datetime=\"2026-01-01T11:00Z\">11:00</time><p>Second post <b>bold <i>text</p></div></table>\
         <div class=post><h3>Three</h3><time datetime=\"2026-01-01T12:00Z\">12:00</time><p>Third post text</p></div><p x=\"unterminated>cut off <di",
    ];
    for page in pages {
        let blog = parse_html(page, &ReadOptions::default()).unwrap();
        // The page runs oldest first, and so does the blog.
        assert_eq!(headlines(&blog), ["One", "Two", "Three"]);
        assert!(warns(&blog, WarningCode::MalformedMarkup));
    }
    // Nothing at all, plain text, an attribute-only soup: no panic, a warning.
    for odd in [
        "",
        "just some words",
        "<<<>>><a b c d>",
        "</p></p></div>",
        "<script>",
        "<!--",
    ] {
        let blog = parse_html(odd, &ReadOptions::default()).unwrap();
        assert!(blog.updates.is_empty(), "{odd}");
        assert!(!blog.warnings.is_empty(), "{odd}");
    }
    // A script's text is never a post, however post-like.
    let scripted = "<div><script>document.write('<div class=post><h3>Fake</h3><time>10:00</time><p>injected</p></div>')</script></div>";
    assert!(parse_html(scripted, &ReadOptions::default())
        .unwrap()
        .updates
        .is_empty());
}

#[test]
fn deep_nesting_and_long_pages_are_linear() {
    let deep = "<div>".repeat(10_000) + "<p>deep</p>" + &"</div>".repeat(10_000);
    let started = std::time::Instant::now();
    let blog = parse_html(&deep, &ReadOptions::default()).unwrap();
    assert!(blog.updates.is_empty());
    let posts: String = (0..2000)
        .map(|i| {
            format!(
                "<article id=\"p{i}\"><time datetime=\"2026-01-01T10:{:02}:00Z\">t</time><h2>Post {i}</h2><p>Body of post {i}.</p></article>",
                i % 60
            )
        })
        .collect();
    let blog = parse_html(&format!("<main>{posts}</main>"), &ReadOptions::default()).unwrap();
    assert_eq!(blog.updates.len(), 2000);
    // A generous bound: the real figures live in the bench.
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn inputs_are_told_apart() {
    let o = ReadOptions::default();
    assert_eq!(
        parse_any(&fixture("forms/blog.txt"), &o).unwrap().format,
        "text"
    );
    assert_eq!(
        parse_any("  <p>hi</p>", &o).unwrap().format,
        "html: generic"
    );
    assert_eq!(
        parse_any(
            "<?xml version=\"1.0\"?>\n<rss><channel></channel></rss>",
            &o
        )
        .unwrap()
        .format,
        "rss"
    );
    assert_eq!(parse_any("[]", &o).unwrap().format, "json-ld");
    assert_eq!(parse_any("{\"x\": }", &o).unwrap_err().code(), "LB_JSON");
    assert_eq!(parse_any("[Live] Storm news", &o).unwrap().format, "text");
    assert_eq!(
        parse_any("<p>\0</p>", &o).unwrap_err().code(),
        "LB_NOT_TEXT"
    );
}

#[test]
fn clock_times_in_markup_resolve_on_the_page_date() {
    // No machine-readable moments: times as written, on the date the page states.
    let page = r#"<html><head><meta property="article:published_time" content="2026-07-02T05:00:00+01:00"></head>
        <body><div class="feed">
        <div class="post"><h3>Late vote</h3><span class="t">19.30 BST</span><p>The vote went late into the evening.</p></div>
        <div class="post"><h3>Recess ends</h3><span class="t">2:05pm BST</span><p>Members returned to the chamber after lunch.</p></div>
        <div class="post"><h3>Dawn session</h3><span class="t">12:09 a.m. ET, July 2, 2026</span><p>An early sitting was called by the speaker.</p></div>
        </div></body></html>"#;
    // The generic reader needs a time or heading per post: headings are there; the times
    // are in spans, which a profile-less page gives no role, so they stay in the body.
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    assert_eq!(headlines(&blog).len(), 3);
    let with_times = page
        .replace("<span class=\"t\">", "<time>")
        .replace("</span>", "</time>");
    let blog = parse_html(&with_times, &ReadOptions::default()).unwrap();
    let stamps: Vec<_> = blog
        .updates
        .iter()
        .map(|u| u.timestamp.as_deref())
        .collect();
    assert_eq!(
        stamps,
        [
            Some("2026-07-02T19:30:00+01:00"),
            Some("2026-07-02T14:05:00+01:00"),
            Some("2026-07-02T00:09:00-04:00")
        ]
    );
}

#[test]
fn a_page_without_posts_keeps_its_text_for_quotes_and_names() {
    // A news article, not a live blog: no posts, but its quotes and names are still read.
    let article = r#"<html><head><title>Pier to be rebuilt | Fictional Gazette</title></head><body>
        <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
        <main><article><h1>Council votes to rebuild the pier</h1>
        <p>The Eastport council voted on Tuesday to rebuild the pier destroyed in the storm.</p>
        <p>“This pier is the heart of the town,” said council leader Mira Kovac after the vote.</p>
        </article></main><footer><p>© Fictional Gazette</p></footer></body></html>"#;
    let blog = parse_html(article, &ReadOptions::default()).unwrap();
    assert!(blog.updates.is_empty());
    assert_eq!(
        blog.title.as_deref(),
        Some("Council votes to rebuild the pier")
    );
    assert_eq!(blog.header.len(), 2, "{:?}", blog.header);
    assert!(!blog
        .header
        .iter()
        .any(|l| l.contains("Home") || l.contains('©')));
    assert_eq!(
        blog.quotes[0].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Mira Kovac")
    );
}

#[test]
fn a_news_article_in_json_ld_keeps_its_text() {
    let json = r#"{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Pier to be rebuilt",
        "datePublished": "2026-05-05T09:00:00Z",
        "articleBody": "The council voted to rebuild the pier.\n“This pier is the heart of the town,” said council leader Mira Kovac."}"#;
    let blog = parse_json_ld(json, &ReadOptions::default()).unwrap();
    assert_eq!(blog.title.as_deref(), Some("Pier to be rebuilt"));
    assert_eq!(blog.date.as_deref(), Some("2026-05-05"));
    assert_eq!(blog.header.len(), 2);
    assert_eq!(
        blog.quotes[0].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Mira Kovac")
    );
}

#[test]
fn a_posts_time_line_with_its_age_clock_and_byline_is_not_its_text() {
    // Each post opens with a line of furniture: the time as an age with the clock beside
    // it and the writer's name (in a <header>, or a plain <div>), then its text.
    let page = r##"<html><body><main><div class="stream">
      <article class="entry" id="p2"><header><div><a href="#p2"><time datetime="2026-03-14T11:05:09Z">55m ago</time><span>11.05 GMT</span></a></div>
        <div><img src="w.png" alt="Ann Writer"><span>Ann Writer</span></div><h2>Ferry services resume</h2></header>
        <p>The first ferry left the harbour at eleven after the storm eased.</p></article>
      <article class="entry" id="p1"><header><div><a href="#p1"><time datetime="2026-03-14T10:42:00Z">1h ago</time><span>10.42 GMT</span></a></div></header>
        <p>Crews are clearing fallen trees from the coast road this morning.</p><p>More to follow.</p></article>
    </div></main></body></html>"##;
    let blog = parse_html(page, &options()).unwrap();
    let firsts: Vec<&str> = blog
        .updates
        .iter()
        .map(|u| u.paragraphs[0].as_str())
        .collect();
    assert_eq!(
        firsts,
        [
            "The first ferry left the harbour at eleven after the storm eased.",
            "Crews are clearing fallen trees from the coast road this morning."
        ]
    );
    assert_eq!(
        blog.updates[0].headline.as_deref(),
        Some("Ferry services resume")
    );
    // The age goes stale; the clock written beside it stays.
    let times: Vec<_> = blog.updates.iter().map(|u| u.time.as_deref()).collect();
    assert_eq!(times, [Some("11.05 GMT"), Some("10.42 GMT")]);
    // The same furniture in a plain <div>, the moment in a data-* attribute (epoch ms), a
    // key event marked by the post's data-type.
    let page = r##"<div class="entries">
      <div class="entry" id="e2" data-type="key-event" data-post-time="1773488400000" data-last-modified-time="1773489000000"><div class="info"><time>12:40</time><mark>Ben Reporter</mark></div>
        <div class="content"><h3>Bridge reopens</h3><p>The bridge has reopened to traffic in both directions.</p></div></div>
      <div class="entry" id="e1" data-type="default" data-post-time="1773486000000"><div class="info"><time>12:00</time><mark>Ben Reporter</mark></div>
        <div class="content"><p>Police have closed the bridge while engineers inspect it.</p></div></div>
    </div>"##;
    let blog = parse_html(page, &options()).unwrap();
    let firsts: Vec<&str> = blog
        .updates
        .iter()
        .map(|u| u.paragraphs[0].as_str())
        .collect();
    assert_eq!(
        firsts,
        [
            "The bridge has reopened to traffic in both directions.",
            "Police have closed the bridge while engineers inspect it."
        ]
    );
    let stamps: Vec<_> = blog
        .updates
        .iter()
        .map(|u| u.timestamp.as_deref())
        .collect();
    assert_eq!(
        stamps,
        [
            Some("2026-03-14T11:40:00+00:00"),
            Some("2026-03-14T11:00:00+00:00")
        ]
    );
    assert!(blog.updates[0].key_event && !blog.updates[1].key_event);
}

#[test]
fn json_ld_repeating_the_posts_under_the_blogs_headline_gives_each_post_once() {
    // The JSON-LD lists the posts the markup shows, without addresses, each under the
    // blog's headline and the blog's own time: they are the same posts, known by their
    // first words (their texts differ: a caption, a line left out), and the blog's
    // headline is no post's.
    let page = r##"<html><head><script type="application/ld+json">
        {"@type": "LiveBlogPosting", "headline": "Storm live: coast road closed", "liveBlogUpdate": [
          {"headline": "Storm live: coast road closed", "datePublished": "2026-03-14T11:30:00Z",
           "articleBody": "Ann Writer reports from the harbour The first ferry left at eleven after the storm eased. Photograph: A. Snapper"},
          {"headline": "Storm live: coast road closed", "datePublished": "2026-03-14T11:30:00Z",
           "articleBody": "Crews are clearing fallen trees from the coast road this morning."}
        ]}</script></head><body><div class="feed">
        <div class="post" id="a2"><time datetime="2026-03-14T11:30:00Z">11:30</time><p><em>Ann Writer reports from the harbour</em></p><p>The first ferry left at eleven after the storm eased.</p></div>
        <div class="post" id="a1"><time datetime="2026-03-14T10:15:00Z">10:15</time><p>Crews are clearing fallen trees from the coast road this morning.</p><p>More to follow.</p></div>
        </div></body></html>"##;
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    assert_eq!(blog.updates.len(), 2, "{:#?}", blog.updates);
    assert!(blog.updates.iter().all(|u| u.headline.is_none()));
    assert_eq!(blog.updates[1].time.as_deref(), Some("10:15"));
}

#[test]
fn a_pinned_copy_that_links_to_its_post_is_that_post() {
    // The pinned box repeats a post without its id; its permalink names the post.
    let page = r##"<div id="pinned-post"><article class="block"><header><a href="https://news.example/live#block-2"><span>11.05 GMT</span></a><h2>Ferry services resume</h2></header>
        <p>The first ferry left the harbour at eleven after the storm eased.</p></article></div>
      <div class="blog">
        <article class="block" id="block-3"><header><time datetime="2026-03-14T11:20:00Z">11.20 GMT</time></header><p>Schools will open as normal tomorrow.</p></article>
        <article class="block" id="block-2"><header><time datetime="2026-03-14T11:05:00Z">11.05 GMT</time><h2>Ferry services resume</h2></header>
        <p>The first ferry left the harbour at eleven after the storm eased.</p><footer><time datetime="2026-03-14T11:08:00Z">Updated at 11.08 GMT</time></footer></article>
      </div>"##;
    let blog = parse_html(page, &options()).unwrap();
    assert_eq!(blog.updates.len(), 2, "{:#?}", blog.updates);
    let ferry = &blog.updates[1];
    assert_eq!(ferry.headline.as_deref(), Some("Ferry services resume"));
    assert!(ferry.pinned);
    assert_eq!(ferry.anchor.as_deref(), Some("#block-2"));
    assert_eq!(
        ferry.paragraphs,
        ["The first ferry left the harbour at eleven after the storm eased."]
    );
}

#[test]
fn json_ld_with_character_references_and_a_mislabelled_zone_is_the_same_post() {
    // The JSON-LD writes its text with character references and its times in true UTC;
    // the markup's times are local but marked Z. Each post is still read once.
    let page = r##"<html><head><script type="application/ld+json">
        {"@type": "LiveBlogPosting", "headline": "Storm live", "liveBlogUpdate": [
          {"headline": "Mayor: &ldquo;The worst is over&rdquo;", "datePublished": "2026-03-14T15:48:45Z",
           "articleBody": "The mayor&#39;s office says the wind has dropped across the city."},
          {"headline": "Schools close", "datePublished": "2026-03-14T15:30:00Z",
           "articleBody": "All schools in the district are closed for the day &amp; will reopen on Monday."}
        ]}</script></head><body><div class="live">
        <section class="post" id="ev2"><time datetime="2026-03-14T16:48Z">16:48</time><div><h2><p>Mayor: “The worst is over”</p></h2>
          <p>The mayor's office says the wind has dropped across the city.</p><p>Photo: the harbour at noon.</p></div></section>
        <section class="post" id="ev1"><time datetime="2026-03-14T16:30Z">16:30</time><div><h2><p>Schools shut</p></h2>
          <p>All schools in the district are closed for the day &amp; will reopen on Monday.</p></div></section>
        </div></body></html>"##;
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    assert_eq!(
        headlines(&blog),
        ["Mayor: “The worst is over”", "Schools shut"]
    );
    // The moments are the JSON-LD's, the clocks the page's.
    let at: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.time.as_deref(), u.timestamp.as_deref().map(|t| &t[..16])))
        .collect();
    assert_eq!(
        at,
        [
            (Some("16:48"), Some("2026-03-14T15:48")),
            (Some("16:30"), Some("2026-03-14T15:30"))
        ]
    );
    let ld = parse_json_ld(
        r#"{"@type":"LiveBlogPosting","liveBlogUpdate":[{"headline":"It&#39;s over","articleBody":"Fans &amp; players"}]}"#,
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(ld.updates[0].headline.as_deref(), Some("It's over"));
    assert_eq!(ld.updates[0].paragraphs, ["Fans & players"]);
}

#[test]
fn a_kicker_every_post_repeats_an_amp_timeago_and_an_age_glued_to_a_clock() {
    // Every post opens with the same <h3> kicker; times are an <amp-timeago> holding Unix
    // seconds, or an age run into the clock ("46 mins ago11:00").
    let page = r##"<html><body><amp-live-list id="live"><div items>
      <div id="c3" class="entry"><div class="meta"><amp-timeago datetime="1773487500" layout="fixed">10 mins ago</amp-timeago></div>
        <h3 class="kicker">LIVE UPDATES</h3><h2>Ferry services resume</h2><p>The first ferry left the harbour at eleven after the storm eased.</p></div>
      <div id="c2" class="entry"><div class="meta"><span class="ago">46 mins ago11:00</span></div>
        <h3 class="kicker">LIVE UPDATES</h3><p>Crews are clearing fallen trees from the coast road this morning.</p></div>
      <div id="c1" class="entry"><div class="meta"><span class="ago">1 hour ago10:30</span></div>
        <h3 class="kicker">LIVE UPDATES</h3><h2>Coast road shut</h2><p>Police have shut the coast road in both directions.</p></div>
    </div></amp-live-list></body></html>"##;
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    let seen = outline(&blog);
    assert_eq!(
        seen,
        [
            (
                Some("Ferry services resume"),
                Some("2026-03-14T11:25:00+00:00"),
                1
            ),
            (None, Some("11:00"), 1),
            (Some("Coast road shut"), Some("10:30"), 1),
        ]
    );
    assert_eq!(
        blog.updates[0].timestamp.as_deref(),
        Some("2026-03-14T11:25:00+00:00")
    );
}

#[test]
fn a_blockquote_closing_with_the_pages_own_mark_is_not_closed_twice() {
    // The opening mark is an icon, not text; the page wrote the closing one.
    let page = r##"<div class="feed">
      <article class="post"><time datetime="2026-03-14T11:05:00Z">11:05</time><p>The mayor said:</p>
        <blockquote><p><svg viewBox="0 0 8 8"><path d="M0 0h8v8z"></path></svg>We are ready for the next storm, and the one after it”.</p></blockquote></article>
      <article class="post"><time datetime="2026-03-14T10:40:00Z">10:40</time><p>Crews are clearing fallen trees from the coast road.</p></article>
    </div>"##;
    let blog = parse_html(page, &options()).unwrap();
    assert_eq!(
        blog.updates[0].paragraphs[1],
        "“We are ready for the next storm, and the one after it”."
    );
    assert!(blog
        .quotes
        .iter()
        .any(|q| q.text == "We are ready for the next storm, and the one after it"));
}

#[test]
fn posts_timed_only_by_a_clock_in_their_text_or_a_footer_line() {
    // No <time> anywhere: a <ul> whose items open with a bold clock, and posts whose only
    // time is a footer line. Both are streams of posts.
    let list = r##"<html><body><h1>Storm live</h1><ul class="updates">
      <li><strong>11:05</strong> The first ferry left the harbour at eleven after the storm eased.</li>
      <li><strong>10:40</strong> Crews are clearing fallen trees from the coast road this morning.</li>
      <li><strong>10:12</strong> Schools will open as normal tomorrow, the council has confirmed.</li>
    </ul></body></html>"##;
    let footer = r##"<html><body><h1>Storm live</h1><div class="stream">
      <div class="post"><p>The first ferry left the harbour at eleven after the storm eased.</p><p>Passengers cheered.</p><div class="post-footer">Posted 11:05 by Ann Writer</div></div>
      <div class="post"><p>Crews are clearing fallen trees from the coast road this morning.</p><div class="post-footer">Posted 10:40 by Ann Writer</div></div>
      <div class="post"><p>Schools will open as normal tomorrow, the council has confirmed.</p><div class="post-footer">Posted 10:12 by Ben Reporter</div></div>
    </div></body></html>"##;
    for page in [list, footer] {
        let blog = parse_html(page, &options()).unwrap();
        let seen: Vec<_> = blog
            .updates
            .iter()
            .map(|u| (u.time.as_deref().unwrap_or(""), u.paragraphs[0].as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                (
                    "11:05",
                    "The first ferry left the harbour at eleven after the storm eased."
                ),
                (
                    "10:40",
                    "Crews are clearing fallen trees from the coast road this morning."
                ),
                (
                    "10:12",
                    "Schools will open as normal tomorrow, the council has confirmed."
                )
            ],
            "{page}"
        );
        assert!(blog
            .updates
            .iter()
            .all(|u| !u.paragraphs.iter().any(|p| p.contains("Posted"))));
    }
}

#[test]
fn teasers_for_other_pages_and_an_articles_subheadings_are_not_posts() {
    // A news article (no live blog): subheadings between its paragraphs, and a list of
    // teasers for other pages, each a linked headline with its age.
    let page = r##"<html><body><main><article><h1>Harbour wall to be rebuilt</h1>
      <p>The council has approved a plan to rebuild the harbour wall after the storm.</p>
      <h2>What happens next for the harbour</h2><p>Work starts in the spring and lasts a year.</p>
      <h2>How much the rebuilding will cost</h2><p>The plan is expected to cost four million pounds.</p>
      </article><aside><ul class="related">
      <li><a href="/a"><h3>Ferry services resume after the storm</h3><p>Crews cleared the port overnight.</p></a><span>2 hrs ago</span></li>
      <li><a href="/b"><h3>Coast road reopens to traffic</h3><p>Police lifted the closure at noon today.</p></a><span>5 hrs ago</span></li>
      <li><a href="/c"><h3>Schools to open as normal tomorrow</h3><p>The council confirmed it this morning.</p></a><span>7 hrs ago</span></li>
      </ul></aside></main></body></html>"##;
    let blog = parse_html(page, &options()).unwrap();
    assert!(blog.updates.is_empty(), "{:#?}", blog.updates);
    assert!(blog
        .header
        .iter()
        .any(|p| p.starts_with("The council has approved")));
}

#[test]
fn an_embed_left_as_its_bare_address_is_a_link_not_text() {
    let page = r##"<div class="entries">
      <div class="entry"><time datetime="2026-03-14T11:05:00Z">11:05</time><h3>The ferry company's statement</h3>https://social.example/ferryco/posts/123</div>
      <div class="entry"><time datetime="2026-03-14T10:40:00Z">10:40</time><p>https://video.example/watch/456</p><p>Crews are clearing fallen trees from the coast road.</p></div>
    </div>"##;
    let blog = parse_html(page, &options()).unwrap();
    assert!(blog.updates[0].paragraphs.is_empty());
    assert_eq!(
        blog.updates[0].links,
        ["https://social.example/ferryco/posts/123"]
    );
    assert_eq!(
        blog.updates[1].paragraphs,
        ["Crews are clearing fallen trees from the coast road."]
    );
    assert_eq!(blog.updates[1].links, ["https://video.example/watch/456"]);
}

#[test]
fn an_articles_headed_blocks_are_posts_only_on_a_page_that_says_it_is_live() {
    // An article laid out as blocks, two of them headed and one a video with its length:
    // nothing says it is a live blog and its blocks carry no times, so it has no posts.
    let article = |title: &str, head: &str| {
        format!(
            r#"<html><head><title>{title}</title>{head}</head><body><main><div class="story">
      <div class="block"><p>The council has approved a plan to rebuild the harbour wall after the storm.</p></div>
      <div class="block"><h2>What happens next for the harbour</h2><p>Work starts in the spring and lasts a year.</p></div>
      <div class="block"><figure><video></video><figcaption>Watch: the storm hits the harbour wall</figcaption></figure><span class="length">02:31</span></div>
      <div class="block"><h2>How much the rebuilding will cost</h2><p>The plan is expected to cost four million pounds.</p></div>
      <div class="block"><p>Councillors will meet again next month to choose the builders.</p></div>
      </div></main></body></html>"#
        )
    };
    let blog = parse_html(&article("Harbour wall to be rebuilt", ""), &options()).unwrap();
    assert!(blog.updates.is_empty(), "{:#?}", blog.updates);
    assert!(blog
        .header
        .iter()
        .any(|p| p.starts_with("Councillors will")));
    // The same blocks under a title that says so, or with schema.org saying so in JSON-LD
    // too broken to read, are the posts of a live blog.
    for (title, head) in [
        ("Live: harbour storm updates", ""),
        ("Harbour storm – as it happened", ""),
        (
            "Harbour storm",
            r#"<script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": }</script>"#,
        ),
    ] {
        let blog = parse_html(&article(title, head), &options()).unwrap();
        assert_eq!(blog.updates.len(), 5, "{title}: {:#?}", blog.updates);
    }
}

#[test]
fn a_posts_opening_line_set_in_bold_is_its_headline() {
    let page = r#"<div class="stream">
      <div class="item"><span>11:05</span><p><strong>Ferries stay in port</strong></p>
        <p>No crossings will run before noon, the operator said.</p></div>
      <div class="item"><span>10:40</span><p><b>Coast road reopens</b></p>
        <p>Crews cleared the last fallen tree an hour ago.</p></div>
      <div class="item"><span>10:15</span><p><strong>The river is rising.</strong> It is a metre above normal.</p></div>
    </div>"#;
    let blog = parse_html(page, &options()).unwrap();
    let got: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.headline.as_deref(), u.paragraphs[0].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("Ferries stay in port"),
                "No crossings will run before noon, the operator said."
            ),
            (
                Some("Coast road reopens"),
                "Crews cleared the last fallen tree an hour ago."
            ),
            // A bold sentence that runs on is the post's text.
            (None, "The river is rising. It is a metre above normal."),
        ]
    );
}

#[test]
fn a_time_the_reader_cannot_see_gives_the_moment_and_the_shown_clock_the_time() {
    let page = r#"<div itemscope itemtype="https://schema.org/LiveBlogPosting">
      <div itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting">
        <meta itemprop="datePublished" content="2026-03-14T11:05:00Z">
        <div class="meta"><span>11:05 GMT</span> <span>By Ana Lind</span></div>
        <h3 itemprop="headline">Ferries stay in port</h3>
        <div itemprop="articleBody">No crossings will run before noon.</div></div>
      <div itemprop="liveBlogUpdate" itemscope itemtype="https://schema.org/BlogPosting">
        <meta itemprop="datePublished" content="2026-03-14T10:40:00Z">
        <h3 itemprop="headline">Coast road reopens</h3>
        <div itemprop="articleBody">Crews cleared the last fallen tree.</div></div>
    </div>"#;
    let blog = parse_html(page, &options()).unwrap();
    let got: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.time.as_deref(), u.timestamp.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("11:05 GMT"), Some("2026-03-14T11:05:00+00:00")),
            (
                Some("2026-03-14T10:40:00Z"),
                Some("2026-03-14T10:40:00+00:00")
            ),
        ]
    );
}

#[test]
fn posts_timed_only_by_a_data_attribute_are_a_stream() {
    let page = r#"<main><h1>Storm Alda live</h1>
      <div class="x9f2"><div class="k2a1" data-post-time="1773486300000"><p>No crossings will run before noon, the operator said.</p></div>
      <div class="k2a1" data-post-time="1773484800000"><p>Crews cleared the last fallen tree from the coast road.</p></div></div>
      <div class="k7c3"><p>Sign up to our newsletter for the morning briefing.</p></div></main>"#;
    let blog = parse_html(page, &options()).unwrap();
    let got: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.timestamp.as_deref(), u.paragraphs.len()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("2026-03-14T11:05:00+00:00"), 1),
            (Some("2026-03-14T10:40:00+00:00"), 1)
        ]
    );
}

#[test]
fn a_line_by_name_at_a_posts_edge_is_its_byline() {
    let page = r#"<div class="stream">
      <div class="item" data-post-time="1773486300000"><div class="who">By Ana Lind</div>
        <h3>Ferries stay in port</h3><p>No crossings will run before noon.</p></div>
      <div class="item" data-post-time="1773484800000"><h3>Coast road reopens</h3>
        <p>Crews cleared the last fallen tree.</p><p>By Tom Reyes</p></div>
    </div>"#;
    let blog = parse_html(page, &options()).unwrap();
    let got: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.byline.as_deref(), u.paragraphs.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("By Ana Lind"),
                vec!["No crossings will run before noon.".to_string()]
            ),
            (
                Some("By Tom Reyes"),
                vec!["Crews cleared the last fallen tree.".to_string()]
            ),
        ]
    );
}

#[test]
fn posts_only_the_json_ld_lists_join_the_page_in_its_own_order() {
    // The page runs oldest first and shows its two newest posts; its JSON-LD lists all three.
    let page = r#"<html><head><script type="application/ld+json">{"@type": "LiveBlogPosting",
      "headline": "Storm Alda live", "liveBlogUpdate": [
        {"headline": "Coast road reopens", "datePublished": "2026-03-14T11:05:00Z", "articleBody": "Crews cleared the last fallen tree."},
        {"headline": "Ferries stay in port", "datePublished": "2026-03-14T10:40:00Z", "articleBody": "No crossings will run before noon."},
        {"headline": "Storm reaches the coast", "datePublished": "2026-03-14T09:15:00Z", "articleBody": "Gusts of 90km/h hit the harbour."}]}
      </script></head><body><div class="stream">
      <div class="item"><time datetime="2026-03-14T10:40:00Z">10:40</time><h3>Ferries stay in port</h3><p>No crossings will run before noon.</p></div>
      <div class="item"><time datetime="2026-03-14T11:05:00Z">11:05</time><h3>Coast road reopens</h3><p>Crews cleared the last fallen tree.</p></div>
    </div></body></html>"#;
    let blog = parse_html(page, &options()).unwrap();
    assert_eq!(
        headlines(&blog),
        [
            "Storm reaches the coast",
            "Ferries stay in port",
            "Coast road reopens"
        ]
    );
}

#[test]
fn a_byline_before_a_bold_headline_is_not_the_headline() {
    let page = r#"<div class="stream">
      <div class="item" data-post-time="1773486300000"><div><span>By Ana Lind</span></div>
        <p><strong>Ferries stay in port</strong></p><p>No crossings will run before noon.</p></div>
      <div class="item" data-post-time="1773484800000"><div><span>By Tom Reyes</span></div>
        <p><strong>Coast road reopens</strong></p><p>Crews cleared the last fallen tree.</p></div>
    </div>"#;
    let blog = parse_html(page, &options()).unwrap();
    let got: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.byline.as_deref(), u.headline.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("By Ana Lind"), Some("Ferries stay in port")),
            (Some("By Tom Reyes"), Some("Coast road reopens")),
        ]
    );
}

#[test]
fn posts_only_the_json_ld_lists_are_kept_and_marked_not_in_the_page() {
    let page = r#"<html><head><script type="application/ld+json">{"@type": "LiveBlogPosting",
      "headline": "Storm Alda live", "liveBlogUpdate": [
        {"headline": "Coast road reopens", "datePublished": "2026-03-14T11:05:00Z", "articleBody": "Crews cleared the last fallen tree."},
        {"headline": "Ferries stay in port", "datePublished": "2026-03-14T10:40:00Z", "articleBody": "No crossings will run before noon."},
        {"headline": "Storm reaches the coast", "datePublished": "2026-03-14T09:15:00Z", "articleBody": "Gusts of 90km/h hit the harbour."}]}
      </script></head><body><div class="stream">
      <div class="item"><time datetime="2026-03-14T11:05:00Z">11:05</time><h3>Coast road reopens</h3><p>Crews cleared the last fallen tree.</p></div>
      <div class="item"><time datetime="2026-03-14T10:40:00Z">10:40</time><h3>Ferries stay in port</h3><p>No crossings will run before noon.</p></div>
    </div></body></html>"#;
    let blog = parse_html(page, &options()).unwrap();
    let got: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.headline.as_deref(), u.in_page))
        .collect();
    assert_eq!(
        got,
        [
            (Some("Coast road reopens"), true),
            (Some("Ferries stay in port"), true),
            (Some("Storm reaches the coast"), false)
        ]
    );
    let json = serde_json::to_value(&blog.updates[2]).unwrap();
    assert_eq!(json["inPage"], false);
    // A page filtering its own posts keeps only those it shows; the JSON-LD still gives
    // them what their markup lacks (the first one's time).
    let shown = ReadOptions {
        in_page_only: true,
        ..options()
    };
    let page = page.replace(r#"<time datetime="2026-03-14T11:05:00Z">11:05</time>"#, "");
    let blog = parse_html(&page, &shown).unwrap();
    let got: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.headline.as_deref(), u.timestamp.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("Coast road reopens"),
                Some("2026-03-14T11:05:00+00:00")
            ),
            (
                Some("Ferries stay in port"),
                Some("2026-03-14T10:40:00+00:00")
            )
        ]
    );
    // Text, and JSON-LD read on its own, show their posts themselves.
    let text =
        liveblog_index::parse("Storm live\n\n11:05 Roads reopen\n\nCrews cleared the road.\n")
            .unwrap();
    assert!(text.updates.iter().all(|u| u.in_page));
}

#[test]
fn a_heading_every_post_carries_is_a_kicker_even_where_a_post_has_no_headline() {
    // The microdata marks each headline: the kicker is the heading of the post without one.
    let page = r#"<div itemscope itemtype="https://schema.org/LiveBlogPosting">
      <div itemprop="liveBlogUpdate"><h3>Storm Alda</h3><span>11:05</span><h2 itemprop="headline">Ferries stay in port</h2><p>No crossings before noon.</p></div>
      <div itemprop="liveBlogUpdate"><h3>Storm Alda</h3><span>10:40</span><p>Crews cleared the last fallen tree.</p></div>
      <div itemprop="liveBlogUpdate"><h3>Storm Alda</h3><span>10:15</span><h2 itemprop="headline">Rain eases</h2><p>The worst has passed, forecasters said.</p></div>
    </div>"#;
    let blog = parse_html(page, &options()).unwrap();
    let got: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.headline.as_deref(), u.paragraphs[0].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("Ferries stay in port"), "No crossings before noon."),
            (None, "Crews cleared the last fallen tree."),
            (
                Some("Rain eases"),
                "The worst has passed, forecasters said."
            ),
        ]
    );
}

#[test]
fn an_articles_header_with_its_title_and_date_is_no_post() {
    // An article: its header (the page's title and its date) and its body (a subheading,
    // a date of its own) are two timed blocks alike; the title heads the page, not a post.
    let page = r#"<html><head><title>Harbour wall to be rebuilt</title></head><body><article>
      <div><h1>Harbour wall to be rebuilt</h1><time datetime="2026-03-14T09:00:00Z">14.03.2026, 09:00</time></div>
      <div data-time="1773478800"><h2>What happens next for the harbour</h2>
        <p>The council has approved a plan to rebuild the harbour wall after the storm.</p></div>
      </article></body></html>"#;
    let blog = parse_html(page, &options()).unwrap();
    assert!(blog.updates.is_empty(), "{:#?}", blog.updates);
    assert!(blog.header.iter().any(|p| p.starts_with("The council")));
}

#[test]
fn a_lone_post_the_page_added_is_read_as_a_post_when_the_caller_says_it_is_one() {
    // One post as a page adds it among its others: alone, it reads as an article (its
    // text in the header), unless the caller says the input is posts.
    let post = "<article id=\"post-9\" class=\"post\"><time datetime=\"2026-03-14T11:40:00Z\">11:40</time>\
        <h2>Lighthouse relit</h2><p>Crews in Northmere relit the lighthouse overnight, Jonas Feld told reporters.</p>\
        <p>“We are on schedule,” Feld said.</p></article>\
        <article class=\"post\"><h2>Ferries back</h2><p>The first ferry left at noon.</p></article>";
    let lone = &post[..post.find("</article>").unwrap() + "</article>".len()];
    assert!(parse_html(lone, &options()).unwrap().updates.is_empty());
    let posts = ReadOptions {
        posts: true,
        ..options()
    };
    let blog = parse_html(lone, &posts).unwrap();
    assert_eq!(blog.updates.len(), 1);
    let u = &blog.updates[0];
    assert_eq!(u.headline.as_deref(), Some("Lighthouse relit"));
    assert_eq!(u.timestamp.as_deref(), Some("2026-03-14T11:40:00+00:00"));
    assert_eq!(u.anchor.as_deref(), Some("#post-9"));
    assert_eq!(u.paragraphs.len(), 2);
    assert_eq!(blog.quotes_by("Jonas Feld").len(), 1);
    // Each top-level element is one post.
    let two = parse_html(post, &posts).unwrap();
    let mut headlines: Vec<_> = two
        .updates
        .iter()
        .filter_map(|u| u.headline.as_deref())
        .collect();
    headlines.sort();
    assert_eq!(headlines, ["Ferries back", "Lighthouse relit"]);
}

#[test]
fn posts_with_no_element_of_their_own_run_flat_from_a_timed_heading() {
    // Issue 23: each post is a heading opening with its clock ("Uhr" after it), then the
    // paragraphs up to the next such heading, all siblings in one article body; a heading
    // with no time ends the last post.
    let page = r#"<html><head><meta property="article:published_time" content="2026-03-14T06:00:00+01:00"></head>
      <body><article><h1>Sturm an der Küste</h1><p>Der Sturm zieht über die Küste.</p>
      <h2>12.31 Uhr: Fähren bleiben im Hafen</h2><p>Keine Fähre fährt vor dem Abend.</p><p>Das sagte die Reederei.</p>
      <h2>11.05 Uhr: Küstenstraße gesperrt</h2><p>Die Polizei sperrte die Straße.</p>
      <figure><img src="/wall.jpg" alt="Die Hafenmauer"><figcaption>Die Mauer am Morgen</figcaption></figure>
      <h2>10.00 Uhr: Warnung vor Orkanböen</h2><p>Der Wetterdienst warnt vor <a href="/warnung">Orkanböen</a>.</p>
      <h2>Mehr zum Thema</h2><p>Alle Berichte über den Sturm.</p>
      </article></body></html>"#;
    let blog = parse_html(page, &options()).unwrap();
    assert_eq!(blog.format, "html: flat");
    let seen: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.time.as_deref(), u.headline.as_deref(), u.paragraphs.len()))
        .collect();
    assert_eq!(
        seen,
        [
            (Some("12.31"), Some("Fähren bleiben im Hafen"), 2),
            (Some("11.05"), Some("Küstenstraße gesperrt"), 1),
            (Some("10.00"), Some("Warnung vor Orkanböen"), 1),
        ]
    );
    // On the page's day, in its local time (the clock names no zone).
    assert_eq!(
        blog.updates[0].timestamp.as_deref(),
        Some("2026-03-14T12:31:00")
    );
    assert_eq!(blog.updates[1].images.len(), 1);
    assert_eq!(
        blog.updates[2].links,
        ["https://news.example/warnung".to_string()]
    );
    assert!(blog
        .updates
        .iter()
        .all(|u| !u.paragraphs.iter().any(|p| p.contains("Alle Berichte"))));
}

#[test]
fn posts_with_no_element_of_their_own_run_flat_from_a_bold_time() {
    // Each post opens with a paragraph whose first words are its time in bold; no headline,
    // unless a bold run follows the time.
    let page = r#"<html><body><div class="article-body"><h1>Storm on the coast</h1>
      <p><strong>17.00</strong> The river rose above its banks near the old mill.</p><p>Residents were told to stay inside.</p>
      <p><strong>16.30</strong> <b>Roads closed</b> Police shut two roads into town.</p>
      <p><strong>16.00</strong> Wind gusts reached 90 km/h on the coast.</p>
      </div></body></html>"#;
    let blog = parse_html(page, &options()).unwrap();
    let seen: Vec<_> = timed_posts(&blog);
    assert_eq!(
        seen,
        [
            (
                Some("17.00"),
                None,
                vec![
                    "The river rose above its banks near the old mill.".to_string(),
                    "Residents were told to stay inside.".to_string()
                ]
            ),
            (
                Some("16.30"),
                Some("Roads closed"),
                vec!["Police shut two roads into town.".to_string()]
            ),
            (
                Some("16.00"),
                None,
                vec!["Wind gusts reached 90 km/h on the coast.".to_string()]
            ),
        ]
    );
}

#[test]
fn an_articles_untimed_subheadings_and_two_timed_paragraphs_are_no_flat_stream() {
    // Subheadings carry no time; two paragraphs that open with one are too few to repeat.
    let page = r#"<html><body><article><h1>Harbour wall to be rebuilt</h1>
      <p>The council approved the plan on Tuesday.</p>
      <h2>What happens next</h2><p>10:30 is when the first crews arrive each day.</p>
      <h2>How much it costs</h2><p>11:00 meetings will be held weekly on the cost.</p>
      <h2>Who builds it</h2><p>Councillors will choose the builders next month.</p>
      </article></body></html>"#;
    let blog = parse_html(page, &options()).unwrap();
    assert!(blog.updates.is_empty(), "{:#?}", blog.updates);
}

#[test]
fn a_flat_stream_with_french_spaced_hours() {
    let page = r#"<html><head><meta property="article:published_time" content="2026-03-14T06:00:00Z"></head>
      <body><div><h3>14 h 30 : Les ferries restent au port</h3><p>Aucune traversée avant ce soir.</p>
      <h3>13 h 05 : La route côtière fermée</h3><p>La police a fermé la route.</p>
      <h3>9 h 00 : Alerte aux rafales</h3><p>Des rafales sont attendues sur la côte.</p></div></body></html>"#;
    let blog = parse_html(page, &options()).unwrap();
    let seen: Vec<_> = blog
        .updates
        .iter()
        .map(|u| {
            (
                u.time.as_deref(),
                u.timestamp.as_deref(),
                u.headline.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                Some("14h30"),
                Some("2026-03-14T14:30:00"),
                Some("Les ferries restent au port")
            ),
            (
                Some("13h05"),
                Some("2026-03-14T13:05:00"),
                Some("La route côtière fermée")
            ),
            (
                Some("9h00"),
                Some("2026-03-14T09:00:00"),
                Some("Alerte aux rafales")
            ),
        ]
    );
}

#[test]
fn the_first_words_of_a_posts_header_are_its_headline() {
    // Issue 23: a CMS that titles its entries in a <header> of their own, in a <span> (no
    // heading element), with other facts of the entry after the title; entries without a
    // title carry their clock beside the text.
    let page = r#"<html><body><div class="feed">
      <div class="entry" id="e4"><aside><time>18:40</time></aside><div class="entry-text"><p>The covers are coming off and the groundstaff are out.</p></div></div>
      <div class="entry" id="e3"><header class="entry-head"><span class="entry-title">Race 3</span><span class="laps">61.2 sec.</span></header><div class="entry-text"><p>The home pair made the better start and held on to the line.</p></div></div>
      <div class="entry" id="e2"><header class="entry-head"><span class="entry-title">Race 2</span></header><div class="entry-text"><p>A fall on the second bend ended the race before the end of the first lap.</p></div></div>
      <div class="entry" id="e1"><aside><time>18:05</time></aside><div class="entry-text"><p>The riders are out on the track for the first race now.</p></div></div>
    </div></body></html>"#;
    let blog = parse_html(page, &options()).unwrap();
    let seen = outline(&blog);
    assert_eq!(
        seen,
        [
            (None, Some("18:40"), 1),
            (Some("Race 3"), None, 2),
            (Some("Race 2"), None, 1),
            (None, Some("18:05"), 1),
        ]
    );
    // The header's other text stays in the post, once.
    assert_eq!(blog.updates[1].paragraphs[0], "61.2 sec.");
}

#[test]
fn a_short_entry_of_a_stream_is_a_post() {
    // Issue 23: a line of two words is an entry like the others ("Track work."), however
    // short, and may come back more than once.
    let page = r#"<html><body><div class="feed">
      <div class="entry"><aside><time>19:10</time></aside><div><p>The second half of the meeting is under way at last.</p></div></div>
      <div class="entry"><aside><i class="icon-track"></i></aside><div><p>Track work.</p></div></div>
      <div class="entry"><aside><time>18:50</time></aside><div><p>Rain has stopped and the riders are back in the pits.</p></div></div>
      <div class="entry"><aside><i class="icon-track"></i></aside><div><p>Track work.</p></div></div>
      <div class="entry"><aside><time>18:30</time></aside><div><p>The first four races went the way of the home side.</p></div></div>
    </div></body></html>"#;
    let blog = parse_html(page, &options()).unwrap();
    let seen: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.time.as_deref(), u.paragraphs[0].as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            (
                Some("19:10"),
                "The second half of the meeting is under way at last."
            ),
            (None, "Track work."),
            (
                Some("18:50"),
                "Rain has stopped and the riders are back in the pits."
            ),
            (None, "Track work."),
            (
                Some("18:30"),
                "The first four races went the way of the home side."
            ),
        ]
    );
}

#[test]
fn an_age_beside_a_posts_time_is_no_text_of_the_post() {
    // Issue 23: "10 minutes ago" beside the clock, straight in the post, is page furniture
    // that changes every minute, never a paragraph (the element would replace the post on
    // every tick).
    let page = r#"<html><body><div class="feed">
      <article class="post"><time datetime="2026-03-14T11:50:00Z">11:50</time><span class="ago">10 minutes ago</span><h2>Ferries back</h2><p>The first ferry left the harbour at noon.</p></article>
      <article class="post"><time datetime="2026-03-14T11:20:00Z">11:20</time><span class="ago">40 seconds ago</span><p>Crews cleared the last fallen tree on the coast road.</p></article>
      <article class="post"><span class="ago">1 hour ago</span><time datetime="2026-03-14T11:00:00Z">11:00</time><h2>Rain eases</h2><p>The worst has passed, forecasters said.</p></article>
    </div></body></html>"#;
    let blog = parse_html(page, &options()).unwrap();
    let seen: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.time.as_deref(), u.paragraphs.len()))
        .collect();
    assert_eq!(
        seen,
        [(Some("11:50"), 1), (Some("11:20"), 1), (Some("11:00"), 1)]
    );
}

/// The paragraphs of the fictional article in `tests/fixtures/articles`, as each page
/// prints them.
const ARTICLE: [&str; 4] = [
    "The Eastport council has approved a plan to rebuild the harbour wall after the storm.",
    "Work on the new wall starts in the spring and is expected to last a year.",
    "“The wall has kept this town dry for a century,” said council leader Mira Kovac.",
    "Councillors will meet again next month to choose the builders for the work.",
];

#[test]
fn an_articles_day_is_the_date_published_its_json_ld_gives_the_article() {
    // No meta tag dates the page: its JSON-LD does, in a graph where the page, the
    // article and its photo each carry a day; the article's, in its own zone, is the day.
    let page = fixture("articles/json_ld_date.html");
    let blog = parse_html(&page, &ReadOptions::default()).unwrap();
    assert_eq!(blog.date.as_deref(), Some("2026-03-13"));
    assert_eq!(blog.header, [ARTICLE[0], ARTICLE[2]]);
}

#[test]
fn an_article_is_read_where_its_prose_is_not_from_the_first_article_element() {
    // A teaser for another page, marked up as an <article>, stands above the story.
    let page = fixture("articles/teaser_article_first.html");
    let blog = parse_html(&page, &ReadOptions::default()).unwrap();
    assert!(blog.updates.is_empty(), "{:#?}", blog.updates);
    assert_eq!(blog.header, ARTICLE);
}

#[test]
fn an_articles_dateline_and_a_row_of_dated_teasers_are_no_stream_of_posts() {
    // Two stamps in the article's dateline, and teasers each with a heading and a day,
    // are runs of timed siblings; the article's prose outweighs each, so they are no posts.
    let page = fixture("articles/dateline_and_dated_teasers.html");
    let blog = parse_html(&page, &ReadOptions::default()).unwrap();
    assert!(blog.updates.is_empty(), "{:#?}", blog.updates);
    for p in ARTICLE {
        assert!(blog.header.iter().any(|h| h == p), "{p}: {:?}", blog.header);
    }
}

#[test]
fn an_articles_furniture_is_not_its_text_and_its_title_drops_the_site_name() {
    // Its dateline, byline, a table of contents, a line repeated at each advertisement, a
    // list of related links, a linked heading for another story, "Advertisement", and a box
    // of links under a heading of its own.
    let page = fixture("articles/furniture.html");
    let blog = parse_html(&page, &ReadOptions::default()).unwrap();
    assert_eq!(blog.header, ARTICLE);
    assert_eq!(blog.title.as_deref(), Some("Harbour wall to be rebuilt"));
    assert_eq!(
        blog.quotes[0].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Mira Kovac")
    );
}

#[test]
fn a_sign_up_box_with_no_form_around_it_is_no_part_of_the_article() {
    // A newsletter's sign-up (its heading, pitch, field and small print) and a comment box
    // that a script posts, neither in a `<form>`: their lines are the page's, not the story's.
    let page = r##"<html><body><article><h1>Harbour wall to be rebuilt</h1>
      <p>The Eastport council has approved a plan to rebuild the harbour wall after the storm.</p>
      <div class="signup"><h3>The Harbour Letter</h3><p>Our best local stories, every Friday morning.</p>
        <div><input type="email" placeholder="Your email"><button>Sign up</button></div>
        <p>By signing up you agree to our terms and privacy notice.</p></div>
      <p>Work on the new wall starts in the spring and is expected to last a year.</p>
      <div class="comments"><h3>Leave a comment</h3><textarea></textarea><button>Post</button></div>
    </article></body></html>"##;
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    assert_eq!(blog.header, ARTICLE[..2]);
}

#[test]
fn teasers_for_other_pages_do_not_outweigh_a_stream_of_posts() {
    // A page that does not say it is live: its posts' text in <div>s, and under them a list
    // of teasers whose summaries are <p>s. The teasers' prose is not the page's: the
    // stream is still read as posts.
    let page = r##"<html><body><main><h1>Storm hits the east coast</h1>
      <p>Gusts of up to 120km/h are forecast along the coast tonight.</p>
      <section>
        <article><time datetime="2024-03-05T06:50:00Z">06:50 GMT</time><div>Play resumes.</div></article>
        <article><div>Residents of Mill Lane say the water has reached the top step of the footbridge.</div></article>
        <article><h3>Ferry crossings cancelled</h3><time datetime="2024-03-05T06:10:00Z">06:10 GMT</time>
          <div>All crossings to the islands have been cancelled until Thursday morning.</div></article>
      </section>
      <section><h2>More on this story</h2>
        <div><a href="/a"><h3>Flood barriers: how they work</h3><p>The river authority explains when the gates close.</p></a></div>
        <div><a href="/b"><h3>Five things to know about the storm</h3><p>What to expect on the roads and the railways.</p></a></div>
        <div><a href="/c"><h3>Ferry timetables for the week</h3><p>The operator has published a revised timetable.</p></a></div>
      </section></main></body></html>"##;
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    let firsts: Vec<&str> = blog
        .updates
        .iter()
        .map(|u| u.paragraphs[0].as_str())
        .collect();
    assert_eq!(firsts.len(), 3, "{firsts:?}");
    assert_eq!(firsts[0], "Play resumes.");
}

#[test]
fn a_box_its_name_says_is_no_part_of_the_article_goes_with_its_name() {
    // The author's biography under "About the author", teasers under a line of their own
    // ("You might like", no heading element), and a comment box whose name is a <summary>:
    // each box goes whole; a count of comments in a line of its own stays a line.
    let page = r##"<html><body><article><h1>Harbour wall to be rebuilt</h1>
      <p>The Eastport council has approved a plan to rebuild the harbour wall after the storm.</p>
      <div class="bio"><h2>About the author</h2>
        <p>Tomas Reid covers the coast for the Eastport Gazette and has reported on storms there for a decade.</p></div>
      <p>Work on the new wall starts in the spring and is expected to last a year.</p>
      <div class="more"><div><span>You might like</span></div>
        <ul><li>Ferry fares rise again this summer, the operator says</li>
        <li>Lifeboat crew honoured for a rescue in the January gales</li></ul></div>
      <section><details><summary>Join the conversation</summary>
        <p>Comments are reviewed before they appear and must stay civil and on topic.</p></details></section>
    </article></body></html>"##;
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    assert_eq!(blog.header, ARTICLE[..2]);
}

#[test]
fn a_list_of_teasers_whose_headlines_link_away_is_no_part_of_the_article() {
    // Each teaser: a headline a link holds, a line of summary and a date; an article's own
    // subheading links nowhere and keeps its place.
    let page = r##"<html><body><article><h1>Harbour wall to be rebuilt</h1>
      <p>The Eastport council has approved a plan to rebuild the harbour wall after the storm.</p>
      <h2>What happens next</h2>
      <p>Work on the new wall starts in the spring and is expected to last a year.</p>
      <p>“The wall has kept this town dry for a century,” said council leader Mira Kovac.</p>
      <p>Councillors will meet again next month to choose the builders for the work.</p>
      <div class="cards">
        <div><a href="/news/ferries"><h3>Ferry fares rise again</h3></a>
          <p>The operator blames fuel costs for a third rise in two years.</p><span>2 days ago</span></div>
        <div><a href="/news/lifeboat"><h3>Lifeboat crew honoured</h3></a>
          <p>Six volunteers are recognised for a rescue in the January gales.</p><span>3 days ago</span></div>
        <div><h3><a href="/news/pier">Pier repairs finished early</a></h3>
          <p>The pier reopens to walkers a month ahead of the plan.</p></div>
      </div>
    </article></body></html>"##;
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    assert_eq!(
        blog.header,
        [
            ARTICLE[0],
            "What happens next",
            ARTICLE[1],
            ARTICLE[2],
            ARTICLE[3]
        ]
    );
}

#[test]
fn what_the_landmarks_say_is_not_content_and_a_numbered_slot_are_no_part_of_the_article() {
    // A sidebar and a sign-up dialog marked by their roles, not their tags, and an
    // advertisement's slot numbered as the page numbers them.
    let page = r##"<html><body><div role="main"><h1>Harbour wall to be rebuilt</h1>
      <p>The Eastport council has approved a plan to rebuild the harbour wall after the storm.</p>
      <div role="complementary"><p>Tide times for Eastport and the bay, updated every morning.</p></div>
      <div class="ad"><div>Advertisement 2</div></div>
      <p>Work on the new wall starts in the spring and is expected to last a year.</p>
      <div role="dialog"><p>Get the Gazette's morning briefing in your inbox before seven.</p></div>
    </div></body></html>"##;
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    assert_eq!(blog.header, ARTICLE[..2]);
}

#[test]
fn a_line_of_links_under_a_short_label_is_furniture_a_sentence_that_links_is_not() {
    // "MORE:" before another story's headline, every word but the label linked, is a
    // pointer elsewhere; a line that links the name of a source keeps its own words.
    let page = r##"<html><body><article><h1>Harbour wall to be rebuilt</h1>
      <p>The Eastport council has approved a plan to rebuild the harbour wall after the storm.</p>
      <p><a href="/gazette">The Gazette</a> reported:</p>
      <p>Work on the new wall starts in the spring and is expected to last a year.</p>
      <p>MORE: <a href="/news/ferries">Ferry timetable changes for the spring season</a></p>
    </article></body></html>"##;
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    assert_eq!(
        blog.header,
        [ARTICLE[0], "The Gazette reported:", ARTICLE[1]]
    );
}

#[test]
fn a_players_fallback_text_is_no_part_of_the_article() {
    // What a <video> or <audio> holds besides its sources shows only where it cannot play.
    let page = r##"<html><body><article><h1>Harbour wall to be rebuilt</h1>
      <p>The Eastport council has approved a plan to rebuild the harbour wall after the storm.</p>
      <div class="player"><video controls><source src="/v/wall.mp4" type="video/mp4">
        <p class="no-js">Your browser cannot play this clip: please turn on scripts.</p></video></div>
      <p>Work on the new wall starts in the spring and is expected to last a year.</p>
      <audio controls src="/a/wall.mp3">Listen to the council's meeting in a newer browser.</audio>
    </article></body></html>"##;
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    assert_eq!(blog.header, ARTICLE[..2]);
}

#[test]
fn gallery_slides_and_a_photo_captioned_outside_a_figure_are_no_part_of_the_article() {
    // A gallery's slides (a count, a photo and its caption each) and a photo whose caption
    // sits beside it in a plain <div>: their lines are captions, and the photos stay listed.
    let page = r##"<html><body><article><h1>Harbour wall to be rebuilt</h1>
      <div class="gallery">
        <div class="slide"><img src="/p/1.jpg" alt=""><div><span>1 of 2 |</span>
          <p>Waves break over the old wall in the storm. (Photo: Ana Reyes)</p></div></div>
        <div class="slide"><img src="/p/2.jpg" alt=""><div><span>2 of 2 |</span>
          <p>Sandbags line the quay on Tuesday. (Photo: Ana Reyes)</p></div></div>
      </div>
      <p>The Eastport council has approved a plan to rebuild the harbour wall after the storm.</p>
      <div class="photo"><img src="/p/3.jpg" alt="The harbour at low tide">
        <div class="caption">The harbour at low tide on Monday morning</div></div>
      <p>Work on the new wall starts in the spring and is expected to last a year.</p>
    </article></body></html>"##;
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    assert_eq!(blog.header, ARTICLE[..2]);
    assert_eq!(blog.images.len(), 1, "{:?}", blog.images);
}

#[test]
fn a_shared_title_quoting_otherwise_than_the_heading_still_loses_the_site_name() {
    // The shared title straight-quotes what the heading curls, then names the site.
    let page = r##"<html><head>
      <meta property="og:title" content="Harbour's wall to be rebuilt | Eastport Gazette | by Ana Reyes">
      </head><body><article><h1>Harbour’s wall to be rebuilt</h1>
      <p>The Eastport council has approved a plan to rebuild the harbour wall after the storm.</p>
    </article></body></html>"##;
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    assert_eq!(blog.title.as_deref(), Some("Harbour’s wall to be rebuilt"));
}

#[test]
fn a_badge_beside_a_posts_time_is_no_byline() {
    // Two capitalised words beside the time name the author, unless they are the page's
    // badge for the post.
    let page = r##"<div class="feed">
      <article class="post"><div><time datetime="2026-03-14T11:05:00Z">11:05</time><span>Key Event</span></div>
        <p>The ferry service resumes at noon, the operator says.</p></article>
      <article class="post"><div><time datetime="2026-03-14T10:40:00Z">10:40</time><span>Mara Quill</span></div>
        <p>Crews are clearing the coast road after the storm.</p></article>
    </div>"##;
    let blog = parse_html(page, &ReadOptions::default()).unwrap();
    let bylines: Vec<_> = blog.updates.iter().map(|u| u.byline.as_deref()).collect();
    assert_eq!(bylines, [None, Some("Mara Quill")]);
}

/// Each update's time as shown, its timestamp and its first paragraph.
fn clock_posts(blog: &LiveBlog) -> Vec<(Option<&str>, Option<&str>, Option<&str>)> {
    blog.updates
        .iter()
        .map(|u| {
            (
                u.time.as_deref(),
                u.timestamp.as_deref(),
                u.paragraphs.first().map(String::as_str),
            )
        })
        .collect()
}

#[test]
fn match_minutes_in_their_own_element_mark_the_posts() {
    let html = r#"<body><h1>Harbour Town 1-0 Millbrook: live</h1><ul class="feed">
        <li class="ev"><span class="min">90+3'</span><div><p>Full time. Harbour Town take the points.</p></div></li>
        <li class="ev"><span class="min">67'</span><div><p>Goal! Lindqvist turns in a low cross, 1-0.</p></div></li>
        <li class="ev"><span class="min">HT</span><div><p>The break arrives with the sides level.</p></div></li>
        <li class="ev"><span class="min">2'</span><div><p>An early corner comes to nothing for Millbrook.</p></div></li>
        </ul></body>"#;
    let blog = parse_html(html, &options()).unwrap();
    assert_eq!(
        clock_posts(&blog),
        [
            (
                Some("90+3'"),
                None,
                Some("Full time. Harbour Town take the points.")
            ),
            (
                Some("67'"),
                None,
                Some("Goal! Lindqvist turns in a low cross, 1-0.")
            ),
            (
                Some("HT"),
                None,
                Some("The break arrives with the sides level.")
            ),
            (
                Some("2'"),
                None,
                Some("An early corner comes to nothing for Millbrook.")
            ),
        ]
    );
    assert!(blog.header.is_empty(), "{:?}", blog.header);
}

#[test]
fn cricket_overs_in_cells_rows_and_bold_openers_mark_the_posts() {
    let rows = r#"<body><h1>Riverside v Eastport, final: live</h1><div class="c">
        <div class="r"><div class="o">19.6</div><div class="d">Okoye to Bryant, no run, and that is the innings.</div></div>
        <div class="r"><div class="o">19.5</div><div class="d">Okoye to Bryant, four, sliced over point.</div></div>
        <div class="r"><div class="o">19.4</div><div class="d">Okoye to Hale, out, caught at deep square.</div></div>
        </div></body>"#;
    let table = r#"<body><h1>Riverside v Eastport, final: live</h1><table>
        <tr><td>19.6</td><td>Okoye to Bryant, no run, and that is the innings.</td></tr>
        <tr><td>19.5</td><td>Okoye to Bryant, four, sliced over point.</td></tr>
        <tr><td>19.4</td><td>Okoye to Hale, out, caught at deep square.</td></tr>
        </table></body>"#;
    let bold = r#"<body><h1>Riverside v Eastport, final: live</h1><div class="c">
        <div class="p"><p><strong>19.6</strong> Okoye to Bryant, no run, and that is the innings.</p></div>
        <div class="p"><p><strong>19.5</strong> Okoye to Bryant, four, sliced over point.</p></div>
        <div class="p"><p><strong>19.4</strong> Okoye to Hale, out, caught at deep square.</p></div>
        </div></body>"#;
    for html in [rows, table, bold] {
        let blog = parse_html(html, &options()).unwrap();
        assert_eq!(
            clock_posts(&blog),
            [
                (
                    Some("19.6"),
                    None,
                    Some("Okoye to Bryant, no run, and that is the innings.")
                ),
                (
                    Some("19.5"),
                    None,
                    Some("Okoye to Bryant, four, sliced over point.")
                ),
                (
                    Some("19.4"),
                    None,
                    Some("Okoye to Hale, out, caught at deep square.")
                ),
            ],
            "{html}"
        );
    }
}

#[test]
fn build_up_by_the_clock_then_the_match_by_minutes() {
    let html = r#"<body><h1>Cup final: live</h1><div class="stream">
        <div class="post"><span class="m">12'</span><p>Pereira shoots wide from the edge of the box.</p></div>
        <div class="post"><span class="m">1'</span><p>We are under way at a packed stadium.</p></div>
        <div class="post"><time datetime="2026-03-14T14:40:00Z">14:40</time><p>The teams are out on the pitch now.</p></div>
        <div class="post"><time datetime="2026-03-14T14:05:00Z">14:05</time><p>Team news: one change for the home side.</p></div>
        </div></body>"#;
    let blog = parse_html(html, &options()).unwrap();
    let got: Vec<_> = clock_posts(&blog)
        .into_iter()
        .map(|(time, stamp, _)| (time, stamp.is_some()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("12'"), false),
            (Some("1'"), false),
            (Some("14:40"), true),
            (Some("14:05"), true)
        ]
    );
}

#[test]
fn scores_overs_in_prose_and_tables_of_figures_open_no_posts() {
    // A scorecard: rows of figures, the first cell a number like an over.
    let scorecard = r#"<body><h1>Riverside v Eastport: scorecard</h1><table>
        <tr><td>12.3</td><td>88</td><td>4</td><td>7.04</td><td>2</td><td>31</td></tr>
        <tr><td>10.0</td><td>61</td><td>2</td><td>6.10</td><td>1</td><td>24</td></tr>
        <tr><td>14.2</td><td>97</td><td>3</td><td>6.77</td><td>0</td><td>40</td></tr>
        </table></body>"#;
    assert!(parse_html(scorecard, &options())
        .unwrap()
        .updates
        .is_empty());
    // Results whose cells open with a score, and paragraphs with an over in their prose.
    let scores = r#"<body><h1>Weekend results</h1><div class="list">
        <div class="res"><span>2-1</span><span>Harbour Town beat Millbrook at home on Saturday.</span></div>
        <div class="res"><span>0-0</span><span>Eastport and Riverside could not be separated.</span></div>
        <div class="res"><span>3-2</span><span>Northgate came from behind to win late on.</span></div>
        </div></body>"#;
    assert!(parse_html(scores, &options()).unwrap().updates.is_empty());
    let prose = r#"<body><h1>How the final was won</h1><div>
        <p>By 12.3 overs the chase was in trouble, the top order gone cheaply.</p>
        <p>At 15.2 the captain changed the bowling and the game turned on it.</p>
        <p>From 18.1 the finish was a formality as the tail swung freely.</p>
        </div></body>"#;
    assert!(parse_html(prose, &options()).unwrap().updates.is_empty());
    // Overs out of running order are a list of figures, not the match's clock.
    let shuffled = r#"<body><h1>Riverside v Eastport: live</h1><div class="c">
        <div class="r"><div class="o">4.2</div><div class="d">Okoye to Bryant, no run, and that is the end.</div></div>
        <div class="r"><div class="o">19.5</div><div class="d">Okoye to Bryant, four, sliced over point.</div></div>
        <div class="r"><div class="o">7.4</div><div class="d">Okoye to Hale, out, caught at deep square.</div></div>
        </div></body>"#;
    assert!(parse_html(shuffled, &options()).unwrap().updates.is_empty());
}
