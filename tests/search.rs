//! Search through the public API, on the demo's sample (a fictional storm live blog of our
//! own) and on sentences written for these tests.
#![cfg(not(target_arch = "wasm32"))]

use liveblog_index::{Filters, Index, IndexDoc, SearchOptions, SearchResults, Sort};

fn sample() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/sample.txt"))
        .expect("www/sample.txt")
}

fn index() -> Index {
    let blog = liveblog_index::parse(&sample()).expect("parses");
    Index::from_blog(&blog, "storm")
}

fn ids(r: &SearchResults) -> Vec<&str> {
    r.hits.iter().map(|h| h.update_id.as_str()).collect()
}

fn search(index: &Index, q: &str) -> SearchResults {
    index.search(q, &SearchOptions::default())
}

#[test]
fn words_inflections_and_highlights() {
    let index = index();
    let r = search(&index, "power restored ");
    assert_eq!(ids(&r), ["u5"]);
    let hit = &r.hits[0];
    assert_eq!(hit.blog, "storm");
    assert!(hit.fields.contains(&"headline") && hit.fields.contains(&"body"));
    assert!(
        hit.headline
            .starts_with("<mark>Power</mark> <mark>restored</mark>"),
        "{}",
        hit.headline
    );
    assert!(
        hit.excerpt.contains("<mark>power</mark>"),
        "{}",
        hit.excerpt
    );
    // Stems: "restoring" finds "restored".
    assert_eq!(ids(&search(&index, "restoring ")), ["u5"]);
}

#[test]
fn typos_prefixes_phrases_and_exclusions() {
    let index = index();
    // A misspelt name, a transposition.
    assert_eq!(ids(&search(&index, "Vagra ")), ["u5"]);
    // The word being typed.
    assert!(ids(&search(&index, "susp")).contains(&"u4"));
    assert!(
        search(&index, "susp ").hits.is_empty() || !ids(&search(&index, "susp ")).contains(&"u4")
    );
    // A phrase must be in a row.
    assert_eq!(ids(&search(&index, "\"rail services\"")), ["u4"]);
    assert!(search(&index, "\"services rail\"").hits.is_empty());
    // Exclusion and OR.
    assert_eq!(ids(&search(&index, "coastguard ")), ["u3"]);
    assert!(search(&index, "coastguard -promenade ").hits.is_empty());
    let either = search(&index, "Hallam OR Kellby ");
    assert_eq!(either.total, 2, "{:?}", ids(&either));
}

#[test]
fn a_misspelt_name_finds_the_name_as_written_whatever_its_stem() {
    // Snowball stems "Zelenksy" to "zelenksi" and leaves "Zelenskyy" as it is: three edits
    // apart, though the spellings are two apart (a swap and a letter).
    let blog = liveblog_index::parse(
        "Live: talks\n\n10:02\nPresident Zelenskyy arrives for talks\nHe met the mayor of Ostby.\n\n\
         10:40\nFerry services resume\nThe harbour reopened in the morning.\n",
    )
    .expect("parses");
    let index = Index::from_blog(&blog, "b");
    for typed in ["Zelenksy ", "Zelensky ", "Zelenskiy ", "zelenskyy talks "] {
        let r = search(&index, typed);
        assert_eq!(r.total, 1, "{typed}: {:?}", ids(&r));
        assert!(
            r.hits[0].headline.contains("<mark>Zelenskyy</mark>"),
            "{typed}: {}",
            r.hits[0].headline
        );
    }
    // Within the budget only: "Zlnsky" is more than two edits from every spelling; "fery",
    // four letters, is one from "Ferry".
    assert_eq!(search(&index, "Zlnsky ").total, 0);
    assert_eq!(search(&index, "fery ").total, 1);
}

#[test]
fn without_excerpts_every_hit_is_bare_and_words_give_the_spellings() {
    let mut index = Index::new();
    for (id, headline, body) in [
        (
            "u1",
            "Ferries cancelled",
            "No ferry sails today; the ferrymen wait.",
        ),
        (
            "u2",
            "Vargaa speaks",
            "Mayor Vargaa said the FERRIES would run.",
        ),
        ("u3", "Rain", "Nothing about boats."),
    ] {
        index.upsert(IndexDoc {
            blog: "b".into(),
            id: id.into(),
            headline: headline.into(),
            paragraphs: vec![body.into()],
            ..IndexDoc::default()
        });
    }
    let full = index.search("ferry ", &SearchOptions::default());
    let bare = SearchOptions {
        excerpts: false,
        words: true,
        ..SearchOptions::default()
    };
    let r = index.search("ferry ", &bare);
    // The same hits, scores, fields and counts, with no HTML.
    assert_eq!((r.total, ids(&r)), (full.total, ids(&full)));
    for (a, b) in r.hits.iter().zip(&full.hits) {
        assert_eq!((a.score, &a.fields), (b.score, &b.fields));
        assert_eq!((a.headline.as_str(), a.excerpt.as_str()), ("", ""));
        assert!(!b.excerpt.is_empty());
    }
    assert_eq!(r.facets, full.facets);
    // Every spelling of the matched term, sorted; not words that only start alike.
    assert_eq!(r.words, ["FERRIES", "Ferries", "ferry"]);
    assert!(full.words.is_empty(), "only when asked for");
    // A typo reaches the name, and its spellings are the name's.
    assert_eq!(index.search("Varga ", &bare).words, ["Vargaa"]);
    assert!(index.search("", &bare).words.is_empty());
}

#[test]
fn fields_speakers_photos_and_times() {
    let index = index();
    assert_eq!(ids(&search(&index, "speaker:varga")), ["u5"]);
    assert_eq!(
        ids(&search(&index, "speaker:\"pieter alsen\" photo ")),
        ["u3"]
    );
    assert_eq!(ids(&search(&index, "person:quinlan")), Vec::<&str>::new());
    let quotes = search(&index, "has:quote");
    assert_eq!(quotes.total, 2);
    let newest = index.search(
        "after:2pm",
        &SearchOptions {
            sort: Sort::Oldest,
            ..SearchOptions::default()
        },
    );
    assert_eq!(ids(&newest), ["u4", "u5"]);
    // A time without a date is on the blog's last day.
    assert_eq!(ids(&search(&index, "before:11am")), ["u2", "u1"]);
    let r = index.search(
        "before:\"March 13, 2023 11:00pm\"",
        &SearchOptions {
            sort: Sort::Newest,
            ..SearchOptions::default()
        },
    );
    assert_eq!(ids(&r), ["u1"]);
}

#[test]
fn facet_chips_combine_and_count_what_choosing_would_leave() {
    let index = index();
    let all = search(&index, "");
    assert_eq!(all.total, 5);
    let kellby = all
        .facets
        .places
        .iter()
        .find(|f| f.name == "Kellby")
        .expect("Kellby is a facet");
    let chosen = index.search(
        "",
        &SearchOptions {
            filters: Filters {
                places: vec!["Kellby".into()],
                ..Filters::default()
            },
            ..SearchOptions::default()
        },
    );
    assert_eq!(chosen.total, kellby.count);
    // Values of the chosen kind still count as alternatives.
    assert_eq!(
        chosen
            .facets
            .places
            .iter()
            .find(|f| f.name == "Kellby")
            .map(|f| f.count),
        Some(kellby.count)
    );
    let both = index.search(
        "",
        &SearchOptions {
            filters: Filters {
                places: vec!["Kellby".into()],
                has_quote: true,
                ..Filters::default()
            },
            ..SearchOptions::default()
        },
    );
    assert!(both.total <= chosen.total);
    assert_eq!(both.facets.has_quote, both.total);
}

#[test]
fn chips_that_are_not_names_still_count_every_value() {
    let index = index();
    let with = |filters: Filters| {
        index.search(
            "",
            &SearchOptions {
                filters,
                ..SearchOptions::default()
            },
        )
    };
    let quoted = with(Filters {
        has_quote: true,
        ..Filters::default()
    });
    assert!(quoted.total > 0 && quoted.total < 5);
    assert!(!quoted.facets.places.is_empty());
    // Each value counts what choosing it as well would leave.
    for place in &quoted.facets.places {
        let both = with(Filters {
            has_quote: true,
            places: vec![place.name.clone()],
            ..Filters::default()
        });
        assert_eq!(both.total, place.count, "{}", place.name);
    }
}

#[test]
fn the_reader_is_lenient_and_the_program_strict() {
    let index = index();
    let r = search(&index, "power \"restored");
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(ids(&r), ["u5"]);
    let err = index
        .search_strict("colour:red", &SearchOptions::default())
        .expect_err("unknown field");
    assert_eq!(err.code(), "LB_QUERY");
    assert!(err.to_string().contains("colour"));
}

#[test]
fn text_is_escaped_and_only_matches_are_marked() {
    let mut index = Index::new();
    index.upsert(IndexDoc {
        blog: "b".into(),
        id: "u1".into(),
        headline: "<img src=x onerror=alert(1)> storm".into(),
        paragraphs: vec!["A \"storm\" & <script>alert('x')</script> warning".into()],
        ..IndexDoc::default()
    });
    let hit = &search(&index, "storm ").hits[0];
    assert_eq!(
        hit.headline,
        "&lt;img src=x onerror=alert(1)&gt; <mark>storm</mark>"
    );
    assert_eq!(
        hit.excerpt,
        "A &quot;<mark>storm</mark>&quot; &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; warning"
    );
}

#[test]
fn a_growing_blog_and_several_blogs_in_one_index() {
    let text = sample();
    let before = liveblog_index::parse(&text).expect("parses");
    let grown_text = text.replacen(
        "March 14, 2023\n\n",
        "March 14, 2023\n\n5:10 p.m. Ferries to resume\n\nFerry crossings resume tomorrow, \
         the operator says.\n\n",
        1,
    );
    let grown = liveblog_index::parse(&grown_text).expect("parses");
    assert_eq!(grown.updates.len(), before.updates.len() + 1);
    let mut index = Index::from_blog(&before, "storm");
    index.add_blog(&grown, "storm");
    let fresh = Index::from_blog(&grown, "storm");
    for q in ["ferries ", "power", "", "has:quote coast"] {
        assert_eq!(
            index.search(q, &SearchOptions::default()),
            fresh.search(q, &SearchOptions::default()),
            "{q}"
        );
    }
    assert_eq!(ids(&search(&index, "ferry crossings ")), ["u6"]);
    // A second blog: each update knows its blog, and a filter keeps to one.
    index.add_blog(&before, "yesterday");
    assert_eq!(index.len(), 11);
    let r = search(&index, "\"rail services\"");
    let mut blogs: Vec<&str> = r.hits.iter().map(|h| h.blog.as_str()).collect();
    blogs.sort_unstable();
    assert_eq!(blogs, ["storm", "yesterday"]);
    let one = index.search(
        "\"rail services\"",
        &SearchOptions {
            filters: Filters {
                blog: Some("yesterday".into()),
                ..Filters::default()
            },
            ..SearchOptions::default()
        },
    );
    assert_eq!(one.total, 1);
    index.remove_blog("yesterday");
    assert_eq!(index.len(), 6);
    let loaded = Index::from_bytes(&index.to_bytes()).expect("loads");
    assert_eq!(
        loaded.search("storm", &SearchOptions::default()),
        index.search("storm", &SearchOptions::default())
    );
}

/// Columns read in order, as the package's guard.js reads them.
struct Reader {
    text: Vec<u16>,
    numbers: Vec<f64>,
    n: usize,
    at: usize,
}

impl Reader {
    fn num(&mut self) -> serde_json::Value {
        self.n += 1;
        serde_json::json!(self.numbers[self.n - 1])
    }

    /// A string cut from the text by the next length.
    fn str(&mut self) -> serde_json::Value {
        let from = self.at;
        self.at += self.num().as_f64().expect("a length") as usize;
        serde_json::json!(String::from_utf16(&self.text[from..self.at]).expect("whole"))
    }

    /// A count, then as many of `read`.
    fn each(&mut self, read: fn(&mut Reader) -> serde_json::Value) -> serde_json::Value {
        let k = self.num().as_f64().expect("a count") as usize;
        (0..k).map(|_| read(self)).collect()
    }
}

/// Results read back from their columns as the package's guard.js does (every string
/// cut from one by the lengths among the numbers), against their serde form with scores to
/// six decimals.
fn same_json(r: &SearchResults) {
    use serde_json::{json, Value};
    let c = r.to_columns();
    let mut r2 = Reader {
        text: c.text.encode_utf16().collect(),
        numbers: c.numbers,
        n: 0,
        at: 0,
    };
    let total = r2.num();
    let hits = r2.each(|r| {
        json!({"blog": r.str(), "updateId": r.str(), "score": r.num(),
            "fields": r.each(Reader::str), "headline": r.str(), "excerpt": r.str(),
            "timestamp": if r.num() == json!(1.0) { r.str() } else { Value::Null }})
    });
    let values = |r: &mut Reader| r.each(|r| json!({"name": r.str(), "count": r.num()}));
    let facets = json!({"people": values(&mut r2), "places": values(&mut r2),
        "orgs": values(&mut r2), "speakers": values(&mut r2),
        "hasQuote": r2.num(), "hasImage": r2.num()});
    let ours = json!({"total": total, "hits": hits, "facets": facets,
        "warnings": r2.each(Reader::str), "words": r2.each(Reader::str)});
    assert_eq!(r2.n, r2.numbers.len(), "every number read");
    assert_eq!(r2.at, r2.text.len(), "every string read");
    let mut theirs = serde_json::to_value(r).expect("serde");
    for hit in theirs["hits"].as_array_mut().expect("hits") {
        let score = hit["score"].as_f64().expect("score");
        hit["score"] = json!((score * 1e6).round() / 1e6 + 0.0);
    }
    assert_eq!(normalised(ours), normalised(theirs));
}

/// Numbers as floats, so that a count read as 3.0 equals the serde form's 3.
fn normalised(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Number(n) => serde_json::json!(n.as_f64()),
        Value::Array(a) => Value::Array(a.into_iter().map(normalised).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, normalised(v))).collect()),
        v => v,
    }
}

#[test]
fn results_as_json_match_their_serde_form() {
    let index = index();
    for q in ["power", "", "speaker:varga", "\"rail services\" colour:red"] {
        same_json(&search(&index, q));
    }
    let bare = SearchOptions {
        excerpts: false,
        words: true,
        ..SearchOptions::default()
    };
    same_json(&index.search("power", &bare));
    let mut index = Index::new();
    index.upsert(IndexDoc {
        blog: "quote\"and\\slash\u{1}".into(),
        id: "u1".into(),
        headline: "tab\there, rain 🌧 and café".into(),
        ..IndexDoc::default()
    });
    same_json(&search(&index, ""));
}

#[test]
fn long_and_odd_queries_are_answered() {
    let index = index();
    let long = "a".repeat(200);
    for q in [
        long.as_str(),
        "\"\"",
        "-",
        "OR OR OR",
        "speaker:",
        "before:",
        "\u{0}\u{feff}—“”",
        "ÉLYSÉE’s ‘power’",
    ] {
        let r = search(&index, q);
        assert!(r.total <= 5, "{q}");
    }
    assert_eq!(ids(&search(&index, "POWER’s ")), ["u5"]);
}

/// An index read back holds what one built from the same blog holds: its lists are not
/// left at the capacity they grew to while being read (14% more on this blog). A name's
/// string may keep a few bytes more, read in another order: 1% is allowed.
#[test]
fn an_index_read_back_holds_no_more_memory_than_one_built() {
    let built = index();
    let loaded = Index::from_bytes(&built.to_bytes()).expect("loads");
    assert!(
        loaded.memory_bytes() <= built.memory_bytes() * 101 / 100,
        "read back {} B, built {} B",
        loaded.memory_bytes(),
        built.memory_bytes()
    );
}
