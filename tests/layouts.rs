//! One fictional live blog per layout (tests/fixtures, written for these tests), read through
//! the public API: the updates, their times and timestamps, the header and the photos.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use liveblog_index::{LiveBlog, Order, Status, WarningCode};

fn parse(name: &str) -> LiveBlog {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    let blog = liveblog_index::parse(&text).expect("fixture parses");
    common::assert_lines(&text, &blog);
    common::check_spans(&text, &blog);
    common::check_quotes(&blog);
    blog
}

/// (id, time, headline, first words of the first paragraph) for each update.
fn outline(blog: &LiveBlog) -> Vec<(String, Option<String>, Option<String>, String)> {
    blog.updates
        .iter()
        .map(|u| {
            let first = u
                .paragraphs
                .first()
                .map(|p| p.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
            (
                u.id.clone(),
                u.time.clone(),
                u.headline.clone(),
                first.unwrap_or_default(),
            )
        })
        .collect()
}

fn row(
    id: &str,
    time: Option<&str>,
    headline: Option<&str>,
    first: &str,
) -> (String, Option<String>, Option<String>, String) {
    (
        id.into(),
        time.map(Into::into),
        headline.map(Into::into),
        first.into(),
    )
}

#[test]
fn time_dash_place_headline_on_one_line() {
    let blog = parse("time_dash_place.txt");
    assert_eq!(
        blog.title.as_deref(),
        Some("Ostrava floods: river peaks as evacuations widen – live updates")
    );
    assert_eq!(blog.header, ["Menu", "Search"]);
    assert_eq!(
        outline(&blog),
        [
            row(
                "u3",
                Some("12:25 GMT"),
                Some("Ostrava: River level peaks at 7.4 metres"),
                "The river reached"
            ),
            row(
                "u2",
                Some("11:50 GMT"),
                Some("Prague: Government declares state of emergency"),
                "The cabinet met"
            ),
            row(
                "u1",
                Some("10:05 GMT"),
                Some("Opava: Bridges closed"),
                "Police closed two"
            ),
        ]
    );
    assert_eq!(blog.order, Some(Order::NewestFirst));
    // No date on the page: times stay as written, and the page says why.
    assert!(blog.updates.iter().all(|u| u.timestamp.is_none()));
    assert!(blog.warnings.iter().any(|w| w.code == WarningCode::NoDate));
}

#[test]
fn bulleted_time_then_headline_then_body() {
    let blog = parse("bullet_time_ist.txt");
    assert_eq!(
        blog.summary.as_deref(),
        Some("Follow the day's proceedings in both houses.")
    );
    assert_eq!(
        outline(&blog),
        [
            row(
                "u1",
                Some("10:02 (IST)"),
                Some("House convenes amid protests"),
                "The lower house"
            ),
            row(
                "u2",
                Some("11:30 (IST)"),
                Some("Bill on water sharing tabled"),
                "The minister tabled"
            ),
            row(
                "u3",
                Some("13:15 (IST)"),
                Some("Upper house adjourned until 2 p.m."),
                "Members walked out"
            ),
        ]
    );
    assert_eq!(blog.order, Some(Order::OldestFirst));
}

#[test]
fn numbered_posts_with_indented_bodies_and_a_list() {
    let blog = parse("numbered_posts.txt");
    assert_eq!(blog.title, None);
    assert_eq!(
        blog.status,
        Some(Status::Closed),
        "the newest post says goodbye"
    );
    let numbers: Vec<_> = blog.updates.iter().map(|u| u.number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
    assert_eq!(
        blog.updates[0].headline.as_deref(),
        Some("That's it for today")
    );
    assert_eq!(
        blog.updates[1].paragraphs.len(),
        4,
        "the recap's bullets stay in their post"
    );
    assert_eq!(
        blog.updates[1].paragraphs[1],
        "• Income tax thresholds are frozen for two more years"
    );
    assert_eq!(
        blog.updates[2].headline.as_deref(),
        Some("Chancellor sits down after 58 minutes")
    );
    assert_eq!(
        blog.header.last().map(String::as_str),
        Some("All times stated are UK")
    );
}

#[test]
fn headline_above_its_time() {
    let blog = parse("headline_above_time.txt");
    assert_eq!(
        blog.summary.as_deref(),
        Some("City came from behind to lift the trophy for the first time since 1987.")
    );
    assert_eq!(
        outline(&blog),
        [
            row(
                "u3",
                Some("17:02 BST"),
                Some("Full time: City win the cup"),
                "The whistle goes"
            ),
            row(
                "u2",
                Some("16:48 BST"),
                Some("Goal! City 2-1 Rovers"),
                "A header from"
            ),
            row(
                "u1",
                Some("16:20 BST"),
                Some("Goal! City 1-1 Rovers"),
                "City are level."
            ),
        ]
    );
}

#[test]
fn times_with_their_own_dates_cross_midnight() {
    let blog = parse("dated_times_et.txt");
    assert_eq!(
        blog.title.as_deref(),
        Some("Election night: results as they come in")
    );
    let stamps: Vec<_> = blog
        .updates
        .iter()
        .map(|u| u.timestamp.as_deref())
        .collect();
    assert_eq!(
        stamps,
        [
            Some("2022-11-09T00:09:00-05:00"),
            Some("2022-11-08T23:48:00-05:00"),
            Some("2022-11-08T22:30:00-05:00")
        ]
    );
    assert_eq!(blog.order, Some(Order::NewestFirst));
    assert_eq!(
        blog.updates[0].headline.as_deref(),
        Some("Results delayed in two counties")
    );
}

#[test]
fn time_only_oldest_first_with_the_date_in_the_standfirst() {
    let blog = parse("oldest_first_wrapped_day.txt");
    assert_eq!(blog.date.as_deref(), Some("2023-03-05"));
    assert_eq!(blog.order, Some(Order::OldestFirst));
    let ids: Vec<_> = blog.updates.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["u1", "u2", "u3"]);
    assert_eq!(
        blog.updates[2].timestamp.as_deref(),
        Some("2023-03-05T11:23:00")
    );
    assert!(blog.updates.iter().all(|u| u.headline.is_none()));
}

#[test]
fn headline_blocks_with_captions_a_closed_notice_and_a_source() {
    let blog = parse("headline_blocks.txt");
    assert_eq!(
        blog.title.as_deref(),
        Some("Harbour strike live: talks collapse as dockers walk out")
    );
    assert_eq!(blog.status, Some(Status::Closed));
    assert_eq!(
        blog.source.as_deref(),
        Some("Source: Fictional fixture written for liveblog-index tests")
    );
    assert_eq!(
        blog.date, None,
        "“June 12” without a year anywhere is not a date"
    );
    assert_eq!(blog.images.len(), 1);
    assert_eq!(
        blog.images[0].alt.as_deref(),
        Some("Cranes stand idle at the container terminal in Port Ellery")
    );
    assert_eq!(
        blog.images[0].credit.as_deref(),
        Some("Nadia Ferro/Harbour Times")
    );
    assert_eq!(blog.header.len(), 2);
    let headlines: Vec<_> = blog
        .updates
        .iter()
        .map(|u| u.headline.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        headlines,
        [
            "Port authority says food deliveries will continue",
            "‘We had no choice’: union leader",
            "Pay talks end without agreement"
        ]
    );
    assert_eq!(
        blog.updates[0].paragraphs.last().map(String::as_str),
        Some("Read more here.")
    );
    let picket = &blog.updates[1].images[0];
    assert_eq!(
        picket.caption.as_deref(),
        Some("A picket line at the north gate on Monday.")
    );
    assert_eq!(
        picket.credit.as_deref(),
        Some("Photograph: Ivo Lind/Coastal Press")
    );
    assert!(blog.warnings.is_empty(), "{:?}", blog.warnings);
}

#[test]
fn page_clutter_before_the_title_and_a_text_cut_off() {
    let blog = parse("clutter_truncated.txt");
    assert_eq!(
        blog.title.as_deref(),
        Some("Eclipse live: crowds gather along the path of totality")
    );
    assert_eq!(
        &blog.header[..3],
        [
            "Accessibility links",
            "Skip to content",
            "News / Science / Space"
        ]
    );
    assert_eq!(
        blog.images[0].credit.as_deref(),
        Some("AP Photo/Ruth Calder")
    );
    assert_eq!(
        blog.date.as_deref(),
        Some("2024-04-08"),
        "from the dated caption"
    );
    let stamps: Vec<_> = blog
        .updates
        .iter()
        .map(|u| u.timestamp.as_deref())
        .collect();
    assert_eq!(
        stamps,
        [Some("2024-04-08T15:14:00"), Some("2024-04-08T14:40:00")],
        "“all times local”: no offset"
    );
    let truncated = blog
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::Truncated)
        .expect("cut-off text is flagged");
    assert_eq!(truncated.line, Some(21));
}

#[test]
fn the_demo_sample_exercises_the_whole_model() {
    let text = include_str!("../www/sample.txt");
    let blog = liveblog_index::parse(text).expect("the sample parses");
    common::assert_lines(text, &blog);
    assert_eq!(blog.status, Some(Status::Live));
    assert_eq!(blog.updates.len(), 5);
    assert_eq!(
        blog.updates[3].day_heading.as_deref(),
        Some("March 13, 2023")
    );
    assert_eq!(
        blog.updates[3].timestamp.as_deref(),
        Some("2023-03-13T23:50:00")
    );
    assert_eq!(
        blog.updates[1].links,
        ["https://example.org/travel-updates"]
    );
    assert!(blog
        .updates
        .iter()
        .any(|u| u.images.iter().any(|i| i.alt.is_some())));
    assert!(blog
        .updates
        .iter()
        .any(|u| u.images.iter().any(|i| i.alt.is_none())));
    assert!(blog.source.is_some() && blog.summary.is_some() && !blog.images.is_empty());
}

#[test]
fn empty_and_odd_inputs_give_models_not_errors() {
    for text in [
        "",
        "\n\n\n",
        "   ",
        "one line",
        "\u{feff}Title\r\n\r\nBody.",
        "\r\r\r",
    ] {
        let blog = liveblog_index::parse(text).expect("any text parses");
        common::assert_lines(text, &blog);
    }
    let blog = liveblog_index::parse("just a line of text").unwrap();
    assert!(blog
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::NoUpdates));
}

#[test]
fn misuse_is_an_error_with_a_code() {
    let err = liveblog_index::parse("abc\0def").unwrap_err();
    assert_eq!(err.code(), "LB_NOT_TEXT");
    assert!(err.to_string().contains("offset 3"));
}

#[test]
fn bylines_page_furniture_and_colon_lists_do_not_open_updates() {
    let blog = parse("bylines_and_furniture.txt");
    assert_eq!(
        blog.title.as_deref(),
        Some("Rail strike: what we know as talks resume")
    );
    let headlines: Vec<_> = blog
        .updates
        .iter()
        .map(|u| u.headline.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        headlines,
        [
            "Operators offer 4% over two years",
            "Unions set out three conditions",
            "Commuters face another day of cancellations"
        ]
    );
    assert_eq!(blog.updates[0].byline.as_deref(), Some("By Mira Holt"));
    assert_eq!(blog.updates[0].labels, ["March 9, 2024", "Advertisement"]);
    assert!(blog.updates[0].paragraphs[0].starts_with("The operators' association"));
    assert_eq!(
        blog.updates[1].byline.as_deref(),
        Some("By Tom Achebe and Lena Ruiz")
    );
    assert_eq!(
        blog.updates[1].paragraphs.len(),
        5,
        "the three conditions stay in their update"
    );
    let photo = &blog.updates[2].images[0];
    assert_eq!(photo.alt, None);
    assert_eq!(
        photo.caption.as_deref(),
        Some("Commuters wait for news at Central station on Friday morning.")
    );
    assert_eq!(
        photo.credit.as_deref(),
        Some("Photograph: Sam Ortiz/City Wire")
    );
}

#[test]
fn wire_times_with_prose_on_the_same_line() {
    let blog = parse("wire_times_prose.txt");
    assert_eq!(
        outline(&blog),
        [
            row("u3", Some("1430 GMT"), None, "Delegates have approved"),
            row("u2", Some("1205 GMT"), None, "Talks run past"),
            row("u1", Some("0915 GMT"), None, "The chair has"),
        ]
    );
    assert_eq!(
        blog.updates[0].paragraphs.last().map(String::as_str),
        Some("Updated at 1445 GMT")
    );
}

#[test]
fn labelled_and_relative_times() {
    let blog = parse("relative_posted.txt");
    assert_eq!(
        outline(&blog)[0],
        row(
            "u3",
            Some("Posted at 16:49"),
            Some("Deal “within reach”, says minister"),
            "The trade minister"
        )
    );
    assert_eq!(blog.order, Some(Order::NewestFirst));
    let blog = parse("relative_times.txt");
    let times: Vec<_> = blog
        .updates
        .iter()
        .map(|u| u.time.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(times, ["16m ago", "1 hour ago", "3h ago"]);
    assert_eq!(
        blog.updates[2].headline.as_deref(),
        Some("Evacuation order for two more towns")
    );
    assert!(
        blog.updates.iter().all(|u| u.timestamp.is_none()),
        "relative times need the page's clock"
    );
}

#[test]
fn hard_wrapped_text_is_rejoined_into_paragraphs_and_headlines() {
    let blog = parse("hard_wrapped.txt");
    assert_eq!(
        blog.title.as_deref(),
        Some("Flood defences hold as river peaks overnight: live updates from the valley towns")
    );
    assert_eq!(
        outline(&blog),
        [
            row("u3", Some("9:45 a.m."), Some("Council reopens the lower town bridge after an overnight inspection by engineers"), "The bridge was"),
            row("u2", Some("8:10 a.m."), Some("River level begins to fall"), "The gauge at"),
            row("u1", Some("6:30 a.m."), Some("Residents told they can return to homes on Mill Lane"), "Police have lifted"),
        ]
    );
    assert_eq!(blog.updates[0].paragraphs.len(), 2);
    assert!(blog.updates[1].paragraphs[1].starts_with(
        "“We are cautiously optimistic, but the ground is saturated and it will not take"
    ));
}

#[test]
fn headings_over_bodies_of_about_their_length_are_not_hard_wrapping() {
    // Every line is about as long as the longest, but each body opens with a capital: the
    // time lines are headings, not lines broken at a width.
    let blog = parse("dated_bar_headings.txt");
    assert_eq!(
        outline(&blog),
        [
            row(
                "u2",
                Some("2022-01-24 14:32"),
                Some("Coastguard issues warning"),
                "The coastguard told"
            ),
            row(
                "u1",
                Some("2022-01-24 13:05"),
                Some("Winds reach 120km/h"),
                "Gusts were recorded"
            ),
        ]
    );
}

#[test]
fn clock_times_written_with_an_h() {
    // "14h32", as French, Spanish and Portuguese pages write the time.
    let blog = parse("h_clock_times.txt");
    assert_eq!(
        outline(&blog),
        [
            row(
                "u2",
                Some("14h32"),
                Some("Coastguard issues warning"),
                "The coastguard told"
            ),
            row(
                "u1",
                Some("13h05"),
                Some("Winds reach 120km/h"),
                "Gusts were recorded"
            ),
        ]
    );
    assert_eq!(
        blog.updates[0].timestamp.as_deref(),
        Some("2022-01-24T14:32:00")
    );
}

#[test]
fn clock_times_with_seconds() {
    let blog = parse("clock_seconds.txt");
    assert_eq!(
        outline(&blog),
        [
            row(
                "u2",
                Some("14:32:10 GMT"),
                Some("Coastguard issues warning"),
                "The coastguard told"
            ),
            row(
                "u1",
                Some("13:05:44 GMT"),
                Some("Winds reach 120km/h"),
                "Gusts were recorded"
            ),
        ]
    );
    assert_eq!(
        blog.updates[1].timestamp.as_deref(),
        Some("2022-01-24T13:05:00+00:00")
    );
}

#[test]
fn markdown_headings_with_bracketed_times() {
    let blog = parse("markdown_brackets.txt");
    assert_eq!(blog.title.as_deref(), Some("Council budget vote: live"));
    assert_eq!(
        outline(&blog),
        [
            row(
                "u3",
                Some("19:40"),
                Some("Budget passes by 31 votes to 24"),
                "The budget was"
            ),
            row(
                "u2",
                Some("18:15"),
                Some("Opposition amendment defeated"),
                "An amendment to"
            ),
            row(
                "u1",
                Some("17:02"),
                Some("Debate opens"),
                "The finance lead"
            ),
        ]
    );
}

#[test]
fn date_first_times_and_a_body_ending_in_a_m() {
    let blog = parse("date_first_times.txt");
    assert_eq!(
        outline(&blog),
        [
            row(
                "u3",
                Some("Nov. 14, 2024, 10:03 a.m. ET"),
                Some("Crew confirms all systems normal"),
                "The commander reported"
            ),
            row(
                "u2",
                Some("Nov. 14, 2024, 9:48 a.m. ET"),
                Some("Second stage separates"),
                "The second stage"
            ),
            row(
                "u1",
                Some("Nov. 14, 2024, 9:39 a.m. ET"),
                Some("Liftoff"),
                "The rocket cleared"
            ),
        ]
    );
    assert_eq!(
        blog.updates[0].timestamp.as_deref(),
        Some("2024-11-14T10:03:00-05:00")
    );
}

#[test]
fn a_headline_after_one_time_where_the_others_run_into_prose() {
    let text = "Storm Alda – live\n\n\
                6:35am: The coastguard said the night had been the busiest of the year.\n\
                6:49am   Ferries cancelled until Friday, operator says\n\
                \x20 The operator said no boat would sail before the weekend.\n\
                7:31am: The harbour master is speaking now.\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    let heads: Vec<_> = blog.updates.iter().map(|u| u.headline.as_deref()).collect();
    assert_eq!(
        heads,
        [
            None,
            Some("Ferries cancelled until Friday, operator says"),
            None
        ]
    );
}

#[test]
fn a_headline_broken_after_a_word_no_heading_ends_on_goes_on() {
    // Hard-wrapped at 72 columns: the headline after the time breaks after "in", and its
    // last word is capitalised, as a heading's first word would be.
    let text = "Storm Alda – live\n\n\
                Posted at 9:38am: Ferry crossings cancelled between the harbour and the\n\
                islands\n\n\
                All crossings have been cancelled until Thursday morning, the operator said\n\
                in a statement read out on the quay to passengers waiting for the ferry.\n\n\
                Posted at 10:51am: Power cut to four thousand homes north of the river in\n\
                Westbury\n\n\
                A fallen tree brought down a power line near the ring road, leaving about\n\
                four thousand homes without electricity for the rest of the afternoon.\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    let heads: Vec<_> = blog.updates.iter().map(|u| u.headline.as_deref()).collect();
    assert!(
        heads.contains(&Some(
            "Power cut to four thousand homes north of the river in Westbury"
        )),
        "{heads:?}"
    );
}

#[test]
fn a_first_headline_under_the_header_date_is_not_the_title() {
    // The line over the first post's time comes after the page's date line and key points:
    // a title heads the page's matter, so it is the post's headline.
    let text = "Updated: 4 June 2025\n\n\
                Key points:\n\n\
                • Bridge shut until noon\n\n\
                • Buses diverted\n\n\
                Bridge inspection finds a cracked bearing\n\n\
                09:12\n\n\
                Engineers found the fault during a routine check this morning.\n\n\
                09:40\n\n\
                The council says traffic will be diverted through the old town.\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    let heads: Vec<_> = blog.updates.iter().map(|u| u.headline.as_deref()).collect();
    assert_eq!(
        heads,
        [Some("Bridge inspection finds a cracked bearing"), None]
    );
}

#[test]
fn times_closing_posts_that_repeat_are_not_furniture() {
    // Relative times print alike ("2h ago" twice): still each post's time, at its end.
    let text = "Valley floods – live\n\n\
                Ferries cancelled\n\
                The operator said no boat would sail before Friday.\n\
                2h ago\n\n\
                Power restored in Westbury\n\
                Engineers reconnected the last homes overnight.\n\
                2h ago\n\n\
                River peaks at the weir\n\
                The gauge read four metres at dawn.\n\
                3h ago\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    let got: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.headline.as_deref(), u.time.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("Ferries cancelled"), Some("2h ago")),
            (Some("Power restored in Westbury"), Some("2h ago")),
            (Some("River peaks at the weir"), Some("3h ago")),
        ]
    );
}

#[test]
fn a_list_of_names_in_the_header_opens_no_post() {
    // "Presented by" and two names: the last name over the first post is not a headline.
    let text = "# Harbour storm: ferries stay in port as the gale goes on\n\n\
                Key points:\n\
                • Ferries stay in port\n\
                • Schools closed\n\n\
                Presented by\n\
                Alex Marsh\n\
                Priya Nair\n\n\
                * ## Ferries cancelled until Friday\n\
                \x20   The operator said no boat would sail before the weekend.\n\
                **Published 1032 GMT / 04:32 CST**\n\
                Advertisement\n\n\
                * ## Power cut in Westbury\n\
                \x20   A fallen tree brought down a line near the ring road.\n\
                **Published 1012 GMT / 04:12 CST**\n\
                Advertisement\n\n\
                * ## River peaks at the weir\n\
                \x20   The gauge read four metres at dawn.\n\
                \x20   The weir keeper said it was the highest in a decade.\n\
                **Published 0952 GMT / 03:52 CST**\n\
                Advertisement\n\n\
                * ## Storm warning issued\n\
                \x20   Forecasters warned of gusts of up to 90mph.\n\
                \x20   The warning runs until Friday evening.\n\
                **Published 0932 GMT / 03:32 CST**\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    let heads: Vec<_> = blog.updates.iter().map(|u| u.headline.as_deref()).collect();
    assert_eq!(
        heads,
        [
            Some("Ferries cancelled until Friday"),
            Some("Power cut in Westbury"),
            Some("River peaks at the weir"),
            Some("Storm warning issued")
        ]
    );
}

#[test]
fn a_headline_set_apart_by_another_mark_than_the_prose() {
    // The page runs prose after its times with spaces; one post prints a headline after
    // " | ", and an untimed post's byline sits right under a post's one line of text.
    let text = "Harbour storm – live\n\n\
                By Jane Okoro\n\
                Posted 09:12   The coastguard said the night had been the busiest of the year.\n\n\
                By Sam Whitfield\n\
                Posted 09:40 | Ferries cancelled until Friday\n\
                The operator said no boat would sail before the weekend.\n\n\
                By Li Wen\n\
                Posted 10:05   Power was restored to most homes by mid-morning.\n\n\
                By Marta Ruiz\n\
                River peaks at the weir\n\
                The gauge read four metres at dawn.\n\n\
                By Jane Okoro\n\
                Posted 10:31   Forecasters expect the wind to ease by the evening.\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    let got: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.headline.as_deref(), u.byline.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (None, Some("By Jane Okoro")),
            (
                Some("Ferries cancelled until Friday"),
                Some("By Sam Whitfield")
            ),
            (None, Some("By Li Wen")),
            (Some("River peaks at the weir"), Some("By Marta Ruiz")),
            (None, Some("By Jane Okoro")),
        ]
    );
}

#[test]
fn a_kicker_over_every_post_is_no_headline() {
    // Two posts, each under the same kicker: a line the page repeats over every post is a
    // label, even when it is printed only twice.
    let text = "Harbour storm – live\n\
                Follow the latest as the gale goes on, with reports from the quay.\n\
                Storm watch\n\
                • **0709**\n\
                By Jane Okoro\n\
                The coastguard said the night had been the busiest of the year.\n\
                Storm watch\n\
                • **0632**\n\
                By Sam Whitfield\n\
                Ferries were kept in port for a second day.\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    let got: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.headline.as_deref(), u.labels.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (None, vec!["Storm watch".to_string()]),
            (None, vec!["Storm watch".to_string()])
        ]
    );
}

#[test]
fn an_untimed_post_does_not_reach_across_the_blank_line_above_it() {
    // Blank lines part posts: "Share" closes the post above, not the untimed one below.
    let text = "Harbour storm – live\n\n\
                * Ferries cancelled until Friday\n\
                By Jane Okoro\n\
                The operator said no boat would sail before the weekend.\n\
                Share\n\n\
                * 8:53am , Sam Whitfield\n\
                Darkness is falling over the quay.\n\
                Share\n\n\
                * Goodbye\n\
                By Li Wen\n\
                That is all from the news desk for tonight.\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    let share = text.rfind("Share").expect("printed");
    let holder = blog
        .updates
        .iter()
        .position(|u| u.span.start <= share && share < u.span.end);
    assert_eq!(holder, Some(1), "{:#?}", blog.updates);
}

#[test]
fn a_first_headline_closed_by_its_time_is_a_post_not_the_title() {
    // Each post is a headline, its text, then its time; the first block is closed by its
    // time as every post is, so it is a post, not the page's title over a standfirst.
    let text = "News / Storms / Live\n\n\
                Follow the latest as the gale goes on, with reports from the quay.\n\n\
                Ferries cancelled until Friday\n\n\
                \x20   The operator said no boat would sail before the weekend.\n\n\
                Updated 10:32\n\n\
                Power cut in Westbury\n\n\
                \x20   A fallen tree brought down a line near the ring road.\n\n\
                Updated 11:16\n\n\
                River peaks at the weir\n\n\
                \x20   The gauge read four metres at dawn.\n\n\
                Updated 11:51\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    let got: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.headline.as_deref(), u.time.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("Ferries cancelled until Friday"),
                Some("Updated 10:32")
            ),
            (Some("Power cut in Westbury"), Some("Updated 11:16")),
            (Some("River peaks at the weir"), Some("Updated 11:51")),
        ]
    );
}

/// (headline, time, byline) for each update.
fn signed(blog: &LiveBlog) -> Vec<(Option<&str>, Option<&str>, Option<&str>)> {
    blog.updates
        .iter()
        .map(|u| {
            (
                u.headline.as_deref(),
                u.time.as_deref(),
                u.byline.as_deref(),
            )
        })
        .collect()
}

#[test]
fn a_byline_over_the_only_timed_post_is_its_own() {
    // One post has a time, the next none; the first post's byline sits over it and the
    // second's over the second, so the vote between "over" and "under" is a tie: over wins,
    // or the first byline would be left in the header.
    let text = "Skip to main content\n\n\
                Follow the storm as it crosses the coast, with reports from the quay.\n\n\
                By Ann Reyes\n\
                ## 6:53 Ferries stop for the night\n\
                \x20   The last boat left the harbour before dark, the operator said.\n\n\
                By Tom Hale\n\
                ## Listen to the harbour master on our podcast\n\
                \x20   On today's episode we talk about tides, gales and the sea wall.\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    assert_eq!(
        signed(&blog),
        [
            (
                Some("Ferries stop for the night"),
                Some("6:53"),
                Some("By Ann Reyes")
            ),
            (
                Some("Listen to the harbour master on our podcast"),
                None,
                Some("By Tom Hale")
            ),
        ]
    );
}

#[test]
fn a_post_signed_on_its_time_line_takes_no_byline_from_above() {
    // Posts with a headline are signed on their time's line; posts of prose are signed
    // under it. A byline above a signed time belongs to the post before.
    let text = "Follow the storm as it crosses the coast, with reports from the quay.\n\n\
                Updated 10:05 , Ann Reyes\n\n\
                ## Ferries stop for the night\n\n\
                \x20 The last boat left the harbour before dark, the operator said.\n\n\
                Updated 10:12 A tree came down on the ring road near the bridge.\n\n\
                By Tom Hale\n\n\
                Updated 10:20 , Ann Reyes\n\n\
                ## Power cut in Westbury\n\n\
                \x20 Two thousand homes lost power when the line came down.\n\n\
                Updated 10:31 The river is rising at the weir, the gauge shows.\n\n\
                By Lena Park\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    let bylines: Vec<_> = signed(&blog).into_iter().map(|s| s.2).collect();
    assert_eq!(
        bylines,
        [
            Some("Ann Reyes"),
            Some("By Tom Hale"),
            Some("Ann Reyes"),
            Some("By Lena Park")
        ]
    );
}

#[test]
fn a_headline_broken_before_its_last_word_goes_on() {
    // The page is wrapped at one width; two headlines after their times are broken before
    // their last word, the same name both times, over an indented body.
    let text = "Follow the final set as it happens, with reports from our correspondent at\n\
                the club.\n\n\
                Posted at 10:29 a.m. – Rain stops play in the third set with Okafor 6-6\n\
                Lindqvist\n\
                \x20   Okafor holds serve with an ace down the middle and the crowd is on\n\
                \x20   its feet again.\n\n\
                Posted at 10:41 a.m. – Play resumes under the roof and Okafor leads 7-6\n\
                Lindqvist\n\
                \x20   Another hold, and this set will go all the way to a tie-break at the\n\
                \x20   end.\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    let headlines: Vec<_> = blog.updates.iter().map(|u| u.headline.as_deref()).collect();
    assert_eq!(
        headlines,
        [
            Some("Rain stops play in the third set with Okafor 6-6 Lindqvist"),
            Some("Play resumes under the roof and Okafor leads 7-6 Lindqvist"),
        ]
    );
}

#[test]
fn a_photo_credit_broken_onto_its_own_line_still_credits_the_caption() {
    // A wrapped page: the caption under the photo's description reaches the width, and its
    // credit goes on alone on the next line.
    let text = "Follow the storm as it crosses the coast, with reports from our team on\n\
                the quay and along the river.\n\n\
                9:30 AM The water has reached the top step of the footbridge for the\n\
                first time that anyone on the lane can remember.\n\
                \x20 Water over the footbridge on Mill Lane\n\
                \x20 Water over the footbridge on Mill Lane late on Tuesday evening.\n\
                \x20 Photograph: Ola Berg/Coast News\n\
                \x20 “We have never seen the river this high,” said a neighbour who has\n\
                \x20 lived on the lane all her life.\n\n\
                9:49 AM The council has told schools in the valley to close at noon so\n\
                that children can get home before the worst of the weather.\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    assert_eq!(blog.updates.len(), 2, "{:#?}", blog.updates);
    let image = &blog.updates[0].images[0];
    assert_eq!(
        (
            image.alt.as_deref(),
            image.caption.as_deref(),
            image.credit.as_deref()
        ),
        (
            Some("Water over the footbridge on Mill Lane"),
            Some("Water over the footbridge on Mill Lane late on Tuesday evening."),
            Some("Photograph: Ola Berg/Coast News")
        )
    );
}

#[test]
fn an_untimed_post_after_a_post_whose_time_runs_into_prose() {
    // Blank lines part the posts; two posts run their text on after the time, one has a
    // headline under a bare time, and the last has no time at all. Its headline is its own,
    // not one under the time above the blank line.
    let text = "Follow the day's budget news with our team in the chamber and the lobby.\n\n\
                Updated 12:24 PM – More money for the hospitals is the first thing we hear.\n\n\
                Updated 12:16 PM\n\
                Who pays for it all?\n\
                That is the question on every bench this afternoon.\n\n\
                Updated 12:09 PM – The minister has little left to announce, it seems.\n\n\
                Grants for new workshops\n\
                Small firms will be able to bid for grants from next spring.\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    let got: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.headline.as_deref(), u.time.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (None, Some("Updated 12:24 PM")),
            (Some("Who pays for it all?"), Some("Updated 12:16 PM")),
            (None, Some("Updated 12:09 PM")),
            (Some("Grants for new workshops"), None),
        ]
    );
}

/// (time, headline) of each update of a page we write here, every line kept once.
fn times_and_headlines(text: &str) -> Vec<(Option<String>, Option<String>)> {
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    blog.updates
        .iter()
        .map(|u| (u.time.clone(), u.headline.clone()))
        .collect()
}

fn timed(time: Option<&str>, headline: Option<&str>) -> (Option<String>, Option<String>) {
    (time.map(Into::into), headline.map(Into::into))
}

#[test]
fn a_badge_glued_to_a_line_makes_it_a_headline_where_few_posts_have_one() {
    // Most posts open on their time with the text indented under it; one carries a headline
    // with a badge glued to it, which says it is a headline.
    let text = "Harbour storm: live\n\n\
                10:05 AM\n\
                \x20   The ferries are still tied up at the quay this morning.\n\n\
                10:20 AM\n\
                BreakingSea wall gives way at the old pier\n\
                \x20   Water is running into the car park behind the chandlery.\n\n\
                10:32 AM\n\
                \x20   Crews have closed the coast road in both directions.\n\n\
                10:47 AM\n\
                \x20   Parents are asked to collect children from the school gates.\n\n\
                11:02 AM\n\
                \x20   The wind has dropped a little in the last half hour.\n";
    assert_eq!(
        times_and_headlines(text),
        [
            timed(Some("10:05 AM"), None),
            timed(Some("10:20 AM"), Some("Sea wall gives way at the old pier")),
            timed(Some("10:32 AM"), None),
            timed(Some("10:47 AM"), None),
            timed(Some("11:02 AM"), None),
        ]
    );
}

#[test]
fn an_untimed_first_post_signed_with_the_posts_mark_is_a_post() {
    // Each post is signed by a name with a dash, as the one timed post is; the first post
    // has no time, only its signature and a headline, under the page's list of presenters.
    let text = "Cup final: live\n\n\
                Presented by\n\
                Alex Marsh\n\
                Priya Nair\n\n\
                - Jane Okoro\n\
                ## Full time: Rovers win the cup\n\
                \x20   The whistle goes and Rovers have won the cup for the first time in forty years.\n\
                Share\n\n\
                - Sam Whitfield\n\
                11:10 - Four minutes of added time are shown on the board.\n\
                Share\n\n\
                Pinned\n\
                - Li Wen\n\
                ## Goal! Rovers 2-1 City\n\
                \x20   A header at the far post puts Rovers ahead for the first time tonight.\n\
                \x20   Their fans behind the goal are on their feet.\n";
    assert_eq!(
        times_and_headlines(text),
        [
            timed(None, Some("Full time: Rovers win the cup")),
            timed(Some("11:10"), None),
            timed(None, Some("Goal! Rovers 2-1 City")),
        ]
    );
}

#[test]
fn a_short_headline_under_the_kicker_is_no_list() {
    // Each post: a kicker, a short headline, a signed time and the time again, then text.
    // Kicker and headline are two short lines alike, as a list's items are; the kicker
    // repeated over every post says they are a post's opening.
    let text = "Budget day: live\n\n\
                Budget 2025\n\
                Money for growth\n\
                Posted at 6h12 , Jane Okoro\n\
                06:12\n\
                \x20   More money for research and development is the first thing we hear.\n\n\
                Budget 2025\n\
                Cash for the regions\n\
                Posted at 6h22 , Sam Whitfield\n\
                06:22\n\
                \x20   The chancellor has little left to announce, it seems.\n";
    assert_eq!(
        times_and_headlines(text),
        [
            timed(Some("Posted at 6h12"), Some("Money for growth")),
            timed(Some("Posted at 6h22"), Some("Cash for the regions")),
        ]
    );
}

#[test]
fn a_headline_broken_at_the_width_after_a_preposition_goes_on_unwrapped() {
    // A page that is not wrapped but for one headline broken at the width after "by": the
    // next line is the rest of that headline, not a headline of its own.
    let text = "Updated: March 5, 2024 10:03am\n\
                Ferries stay in port as the storm reaches the coast\n\
                The first crossings of the day have been cancelled.\n\
                Posted at Nov. 14, 2024, 6:05 a.m.\n\
                Council opens the sports hall to families from the flooded streets by\n\
                Westbury\n\
                Beds and hot food are ready for about two hundred people.\n\
                Posted at Nov. 14, 2024, 6:20 a.m.\n\
                Coastguard warns walkers away from the harbour wall\n\
                Two men were swept off the wall last winter.\n\
                Posted at Nov. 14, 2024, 6:34 a.m.\n";
    let council = "Council opens the sports hall to families from the flooded streets by Westbury";
    assert_eq!(
        times_and_headlines(text),
        [
            timed(
                Some("Posted at Nov. 14, 2024, 6:05 a.m."),
                Some("Ferries stay in port as the storm reaches the coast")
            ),
            timed(Some("Posted at Nov. 14, 2024, 6:20 a.m."), Some(council)),
            timed(
                Some("Posted at Nov. 14, 2024, 6:34 a.m."),
                Some("Coastguard warns walkers away from the harbour wall")
            ),
        ]
    );
}

#[test]
fn a_caption_under_a_headline_at_the_width_opens_its_own_line() {
    // A wrapped page: the headline under the time reaches the width and ends on a name;
    // the photo's caption under it starts a sentence of its own, it does not go on from it.
    let text = "Follow the storm as it crosses the coast, with reports from our team on\n\
                the quay and along the river.\n\n\
                10:35\n\
                Coastguard asks walkers to keep away from the harbour wall at Port Ellery\n\
                Waves break over the harbour wall on Tuesday evening. Photograph: Ola\n\
                Berg/Coast News\n\
                The duty officer said two crews were ready at each of the four stations.\n\n\
                10:52\n\
                Schools in the valley to close at noon\n\
                The council wants children to get home before the worst of the weather.\n";
    let blog = liveblog_index::parse(text).expect("parses");
    assert_eq!(
        times_and_headlines(text),
        [
            timed(
                Some("10:35"),
                Some("Coastguard asks walkers to keep away from the harbour wall at Port Ellery")
            ),
            timed(
                Some("10:52"),
                Some("Schools in the valley to close at noon")
            ),
        ]
    );
    assert_eq!(
        blog.updates[0].images[0].credit.as_deref(),
        Some("Photograph: Ola Berg/Coast News")
    );
}

#[test]
fn a_headline_broken_inside_its_quotes_goes_on_unwrapped() {
    // A page that is not wrapped but for one quoted headline broken at the width before a
    // name: the line that closes the quote is the rest of that headline.
    let text = "Updated: March 5, 2024 10:03am\n\
                Posted at 9:40 , Jane Okoro\n\
                'Ferry operator will not sail again before the storm has passed Port\n\
                Ellery'\n\
                The harbour master met the crews this morning.\n\
                Posted at 9:12 , Sam Whitfield\n\
                Council opens the sports hall to families from the flooded streets\n\
                Beds and hot food are ready for about two hundred people.\n";
    assert_eq!(
        times_and_headlines(text),
        [
            timed(
                Some("Posted at 9:40"),
                Some(
                    "'Ferry operator will not sail again before the storm has passed Port Ellery'"
                )
            ),
            timed(
                Some("Posted at 9:12"),
                Some("Council opens the sports hall to families from the flooded streets")
            ),
        ]
    );
}

#[test]
fn short_sentence_tails_under_lines_at_the_width_show_wrapping() {
    // Each post's text runs on from its time and is broken at the width before a name; the
    // short lines under them close their sentences, as a wrapped paragraph's last line
    // does: the page is wrapped, and each post is one paragraph with no headline.
    let text = "Storm Alda: live\n\
                Updated: March 5, 2024 10:03am\n\
                • Jane Okoro\n\
                10:13 AM Rivers burst their banks in Westbury, Mill Lane and Harbour\n\
                Street, and more.\n\
                • Sam Whitfield\n\
                9:41 AM Ferries from Port Ellery to the islands cancelled until West\n\
                Quay reopens.\n\
                • Li Wen\n\
                9:02 AM Schools in the valley will close at noon today.\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    let got: Vec<_> = blog
        .updates
        .iter()
        .map(|u| (u.headline.as_deref(), u.paragraphs[0].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                None,
                "Rivers burst their banks in Westbury, Mill Lane and Harbour Street, and more."
            ),
            (
                None,
                "Ferries from Port Ellery to the islands cancelled until West Quay reopens."
            ),
            (None, "Schools in the valley will close at noon today."),
        ]
    );
}

#[test]
fn a_photo_description_under_a_headline_at_the_width_stands_alone() {
    // A wrapped page: the headline under the time reaches the width and ends on a word; the
    // line under it is the photo's description, which its credited caption repeats, not the
    // rest of the headline.
    let text = "Storm Alda: live updates\n\
                Follow the storm as it crosses the coast, with reports from our team on\n\
                the quay and along the river.\n\
                10:35\n\
                Coastguard asks walkers to keep away from the harbour wall at the port\n\
                Waves break over the harbour wall\n\
                Waves break over the harbour wall on Tuesday evening. Photograph: Ola\n\
                Berg/Coast News\n\
                The duty officer said two crews were ready at each of the four stations.\n\
                10:52\n\
                Schools in the valley to close at noon\n\
                The council wants children to get home before the worst of the weather.\n";
    assert_eq!(
        times_and_headlines(text),
        [
            timed(
                Some("10:35"),
                Some("Coastguard asks walkers to keep away from the harbour wall at the port")
            ),
            timed(
                Some("10:52"),
                Some("Schools in the valley to close at noon")
            ),
        ]
    );
}

#[test]
fn the_last_of_a_list_of_names_is_no_headline_over_a_signed_post() {
    // Posts signed above, each with a headline over its time or none; the header's list
    // of presenters ends right above the first post's byline. Its last name is an item of
    // that list, not the first post's headline.
    let text = "Harbour storm: live\n\n\
                Presented by\n\n\
                Mira Holt\n\n\
                Tomas Reyes\n\n\
                By Jane Okoro\n\n\
                10:17\n\n\
                The ferries are still tied up at the quay this morning.\n\n\
                By Sam Whitfield\n\n\
                Ferry crossings cancelled until Thursday\n\n\
                10:32\n\n\
                All crossings to the islands have been cancelled until Thursday morning.\n\n\
                By Li Wen\n\n\
                Schools to close at noon\n\n\
                10:48\n\n\
                The council has told schools in the valley to close at noon.\n";
    assert_eq!(
        times_and_headlines(text),
        [
            timed(Some("10:17"), None),
            timed(
                Some("10:32"),
                Some("Ferry crossings cancelled until Thursday")
            ),
            timed(Some("10:48"), Some("Schools to close at noon")),
        ]
    );
}

#[test]
fn a_headline_at_the_width_under_a_numbered_byline_stands_alone() {
    // A wrapped page of numbered posts, each a byline, a headline and its body. The first
    // headline is about as wide as the wrap width and ends on a lower-case word, as wrapped
    // prose does; the other posts show a heading standing alone over its body there, so
    // the capitalised line under it opens the body rather than going on from it.
    let text = "Storm Alda: ferries stay in port, schools in the valley close at noon and\n\
                rail services are cut back\n\
                1. By Jane Okoro\n\
                Harbour wall closed at Port Ellery as waves break over the old stone pier\n\
                Crews are standing by at all four stations.\n\
                2. By Sam Whitfield\n\
                Schools in the valley to close at noon, council says\n\
                The council wants children home before the worst of it.\n\
                3. By Li Wen\n\
                Buses replace trains between Carrow and Dunmore\n\
                The landslip will take two days to clear, engineers said.\n";
    assert_eq!(
        times_and_headlines(text),
        [
            timed(
                None,
                Some("Harbour wall closed at Port Ellery as waves break over the old stone pier")
            ),
            timed(
                None,
                Some("Schools in the valley to close at noon, council says")
            ),
            timed(
                None,
                Some("Buses replace trains between Carrow and Dunmore")
            ),
        ]
    );
}

/// Times and first words of each update of a text.
fn clocks(text: &str) -> Vec<(Option<String>, String)> {
    let blog = liveblog_index::parse(text).expect("text parses");
    common::assert_lines(text, &blog);
    blog.updates
        .iter()
        .map(|u| {
            let first = u.paragraphs.first().map_or("", |p| p.as_str());
            (u.time.clone(), first.split(' ').next().unwrap_or("").into())
        })
        .collect()
}

#[test]
fn a_match_clock_with_added_time_and_breaks_marks_every_post() {
    let text = "Ashford Town 1-1 Kelso Park: League Two, live\n\n\
        90+6' Full time: the points are shared after a tense finish.\n\n\
        90+1' Booked: Meyer, for pulling back Ruiz on the break.\n\n\
        HT: Ashford Town 1-0 Kelso Park\n\n\
        Quiet half, decided by a penalty, with 90+4' of added time jokes on the terraces.\n\n\
        45+2' Penalty! Osei sends the keeper the wrong way.\n\n\
        Score: 2-1 on corners, 12.3 shots a game this season.\n\n\
        14:58 Kick-off is delayed by two minutes.\n\n\
        14:30 Team news: one change for each side.\n";
    let got = clocks(text);
    let times: Vec<Option<&str>> = got.iter().map(|(t, _)| t.as_deref()).collect();
    assert_eq!(
        times,
        [
            Some("90+6'"),
            Some("90+1'"),
            Some("HT"),
            Some("45+2'"),
            Some("14:58"),
            Some("14:30")
        ]
    );
    assert_eq!(got[3].1, "Penalty!");
}

#[test]
fn cricket_overs_in_any_style_mark_every_post() {
    let text = "Kent v Sussex, T20 Blast: live commentary\n\n\
        19.6 overs: Sussex finish on 171/7 after a late flurry.\n\n\
        18.2 ov: OUT! Lowe holes out to long-on for 31.\n\n\
        Over 15: Sussex 118/4, needing to push on.\n\n\
        11.4 – Dhillon to Lowe, driven for four through extra cover.\n\n\
        Ov 3.1 | Wide down the leg side to open the over.\n";
    let got = clocks(text);
    let times: Vec<Option<&str>> = got.iter().map(|(t, _)| t.as_deref()).collect();
    assert_eq!(
        times,
        [
            Some("19.6 overs"),
            Some("18.2 ov"),
            Some("Over 15"),
            Some("11.4"),
            Some("Ov 3.1")
        ]
    );
}

#[test]
fn a_body_indented_under_a_numbered_headline_is_not_its_wrapped_tail() {
    // A wrapped page whose numbered headlines run to about the width, with each post's text
    // indented under them, not to the headline's text as a wrapped item's tail is: the
    // photo's caption under the first is the post's, not the rest of its headline.
    let text = "Skip to main content\n\
                Storm Alda: live\n\
                1. Harbour master keeps the ferries in port until the storm has passed\n\
                \x20   Crowds gather on the quay at noon. Photograph: Ann Lee/Reuters\n\
                \x20   The harbour master said the crews had been told to stand by on the\n\
                \x20   quay tonight.\n\
                10:52\n\
                2. Council opens the sports hall to families from the flooded streets\n\
                \x20   Beds and hot food are ready for about two hundred people and more.\n\
                10:23\n";
    let blog = liveblog_index::parse(text).expect("parses");
    common::assert_lines(text, &blog);
    assert_eq!(
        times_and_headlines(text),
        [
            timed(
                Some("10:52"),
                Some("Harbour master keeps the ferries in port until the storm has passed")
            ),
            timed(
                Some("10:23"),
                Some("Council opens the sports hall to families from the flooded streets")
            ),
        ]
    );
    assert_eq!(blog.updates[0].images.len(), 1);
}

#[test]
fn a_headline_broken_after_its_colon_goes_on_unwrapped() {
    // A page too short to show its wrapping but for one quoted headline: the other headline
    // at the width ends on a colon, and its last word on the next line is the rest of it.
    let text = "Updated: March 5, 2024 10:03am\n\
                Posted at 9:40 , Jane Okoro\n\
                'Ferry operator will not sail again before the storm has passed Port\n\
                Ellery'\n\
                \x20 The harbour master met the crews this morning.\n\
                Posted at 9:12 , Sam Whitfield\n\
                Key eventHarbour wall gave way overnight, the coastguard has now found:\n\
                Damage\n\
                \x20 The sea wall at the old pier has a gap of about ten metres.\n";
    assert_eq!(
        times_and_headlines(text),
        [
            timed(
                Some("Posted at 9:40"),
                Some(
                    "'Ferry operator will not sail again before the storm has passed Port Ellery'"
                )
            ),
            timed(
                Some("Posted at 9:12"),
                Some("Harbour wall gave way overnight, the coastguard has now found: Damage")
            ),
        ]
    );
}

#[test]
fn a_badge_over_the_next_post_does_not_hide_the_time_closing_the_first() {
    // Posts close with their times, the second under a badge: the first post's time still
    // closes it, so the first headline is a post's, not the page's title.
    let text = "Live\n\n\
                Follow the latest developments as they happen, with reports from our correspondents.\n\n\
                ## Ferries stay in port until Thursday\n\
                The harbour master met the crews this morning and more.\n\
                **Posted at 09.31**\n\n\
                Key event\n\
                ## Sea wall gives way at the old pier\n\
                The gap in the wall is about ten metres wide and more.\n\
                **Posted at 09.44**\n\n\
                ## Schools in the valley close at noon\n\
                Parents have been asked to collect children early and more.\n\
                **Posted at 10.09**\n";
    assert_eq!(
        times_and_headlines(text),
        [
            timed(
                Some("Posted at 09.31"),
                Some("Ferries stay in port until Thursday")
            ),
            timed(
                Some("Posted at 09.44"),
                Some("Sea wall gives way at the old pier")
            ),
            timed(
                Some("Posted at 10.09"),
                Some("Schools in the valley close at noon")
            ),
        ]
    );
}
