//! Quotes and speakers, one test per pattern, on sentences written for these tests.
#![cfg(not(target_arch = "wasm32"))]

use liveblog_index::{LiveBlog, Quote, QuoteKind, TextPart};

/// A blog with one update whose headline and body are given (paragraphs split on blank
/// lines).
fn blog(headline: &str, body: &str) -> LiveBlog {
    let text = format!(
        "Harbour dispute: live updates\n\nTalks continue between the port and the unions, officials said.\n\n\
         {headline}\n\n{body}\n"
    );
    liveblog_index::parse(&text).expect("parses")
}

fn quotes(headline: &str, body: &str) -> Vec<Quote> {
    blog(headline, body).quotes
}

/// (text, speaker name) for each quote.
fn said(quotes: &[Quote]) -> Vec<(String, Option<String>)> {
    quotes
        .iter()
        .map(|q| (q.text.clone(), q.speaker.as_ref().map(|s| s.name.clone())))
        .collect()
}

fn one(text: &str, speaker: &str) -> Vec<(String, Option<String>)> {
    vec![(text.to_string(), Some(speaker.to_string()))]
}

// --- spans ---------------------------------------------------------------------------

#[test]
fn curly_double_quotes() {
    let q = quotes(
        "Port plans new berth",
        "“We will start in spring,” the port director, Anna Leclerc, said.",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "We will start in spring,");
    assert_eq!(q[0].kind, QuoteKind::Full);
}

#[test]
fn curly_single_quotes_in_a_headline() {
    let q = quotes(
        "Unions reject ‘final offer’ from port",
        "The unions rejected what the port called its “final offer” on Tuesday, their leader Tomas Berg said.",
    );
    let headline: Vec<_> = q.iter().filter(|q| q.in_headline).collect();
    assert_eq!(headline.len(), 1);
    assert_eq!(headline[0].text, "final offer");
    assert_eq!(headline[0].part, TextPart::Headline);
}

#[test]
fn straight_double_quotes() {
    let q = quotes(
        "Dock closed",
        "\"The dock is closed until further notice,\" said harbour master Ivo Dane.",
    );
    assert_eq!(
        said(&q),
        one("The dock is closed until further notice,", "Ivo Dane")
    );
}

#[test]
fn a_quote_going_on_after_a_stray_space_and_a_doubled_mark() {
    // A quote's next paragraph opens with a straight mark and a stray space; another quote
    // opens with its mark twice, straight then curly.
    let q = quotes(
        "Dock closed",
        "Harbour master Ivo Dane said: \"The dock is closed until further notice.\n\n\
         \" Also every booking will be kept.\"\n\n\
         Speaking later he said \"“It is about safety first, not money.”",
    );
    assert_eq!(
        said(&q),
        [
            "The dock is closed until further notice.",
            "Also every booking will be kept.",
            "It is about safety first, not money.",
        ]
        .map(|t| (t.to_string(), Some("Ivo Dane".to_string())))
    );
}

#[test]
fn an_opening_mark_typed_where_the_closing_one_belongs_closes() {
    // “…“ for “…”: after a word and before none, the mark closes the quote, and the next
    // quote of the paragraph is read as its own.
    let q = quotes(
        "Berth plan",
        "“The berth is not ready,“ said harbour master Ivo Dane. “We need another month.”",
    );
    assert_eq!(
        said(&q),
        ["The berth is not ready,", "We need another month."]
            .map(|t| (t.to_string(), Some("Ivo Dane".to_string())))
    );
    // Inside a sentence likewise: the words after it are no part of the quote.
    let q = quotes(
        "Pay talks",
        "Tomas Berg said the offer was “a step“ and no more.",
    );
    assert_eq!(said(&q), one("a step", "Tomas Berg"));
}

#[test]
fn a_single_mark_a_space_and_a_straight_double_mark_close_a_quote() {
    // Agency style sets the two closing marks apart: 'final offer,' " then the cue.
    let q = quotes(
        "Pay talks",
        "\"They keep calling it the 'final offer,' \" union leader Tomas Berg said. \"It is not.\"",
    );
    assert_eq!(
        said(&q),
        ["They keep calling it the 'final offer,'", "It is not."]
            .map(|t| (t.to_string(), Some("Tomas Berg".to_string())))
    );
}

#[test]
fn a_year_cut_short_opens_no_quote() {
    // "the late '70s": the straight apostrophe before two digits is an elision; read as an
    // opening mark it hid every quote after it in the paragraph.
    let q = quotes(
        "Quay",
        "Lund, who has worked the docks since the late '80s, said the berth would not last: \"It will not make it past winter,\" Lund said.",
    );
    assert_eq!(said(&q), one("It will not make it past winter,", "Lund"));
}

#[test]
fn straight_single_quotes() {
    let q = quotes(
        "Talks 'close to a deal', says mediator",
        "Mediator Ruth Okafor told reporters: 'We are close to a deal.'",
    );
    assert!(q
        .iter()
        .any(|q| q.in_headline && q.text == "close to a deal"));
    assert!(q
        .iter()
        .any(|q| !q.in_headline && q.text == "We are close to a deal."));
}

#[test]
fn guillemets_and_low_high_quotes() {
    let q = quotes("Ministers speak", "«Nous restons unis», said minister Claire Vidal. „Wir bleiben dran“, said minister Jonas Weber.");
    assert_eq!(
        said(&q),
        vec![
            (
                "Nous restons unis".to_string(),
                Some("Claire Vidal".to_string())
            ),
            (
                "Wir bleiben dran".to_string(),
                Some("Jonas Weber".to_string())
            ),
        ]
    );
}

#[test]
fn a_nested_quote_stays_inside_its_quote() {
    let q = quotes(
        "Crane operator speaks",
        "“My manager told me ‘never again’, and he meant it,” crane operator Lisa Moreau said.",
    );
    assert_eq!(
        said(&q),
        one(
            "My manager told me ‘never again’, and he meant it,",
            "Lisa Moreau"
        )
    );
}

#[test]
fn apostrophes_are_not_quote_marks() {
    let q = quotes(
        "Port’s future in doubt",
        "The port’s owners say it’s been losing money since the ’90s. Rock ’n’ roll played at the gates.",
    );
    assert!(q.is_empty(), "{q:?}");
    let q = quotes(
        "Strike",
        "“The port’s owners haven’t paid since the ’90s,” union official Sam Reyes said.",
    );
    assert_eq!(
        said(&q),
        one(
            "The port’s owners haven’t paid since the ’90s,",
            "Sam Reyes"
        )
    );
}

#[test]
fn an_unbalanced_mark_loses_nothing_after_it() {
    let b = blog(
        "Confusion at the gates",
        "A sign at the gate read “closed for the day.\n\n“We reopen at six,” guard Omar Haddad said.",
    );
    assert!(b.quotes.iter().any(|q| q.text == "We reopen at six,"
        && q.speaker.as_ref().is_some_and(|s| s.name == "Omar Haddad")));
    assert_eq!(
        b.updates[0].paragraphs.len(),
        2,
        "the text itself is untouched"
    );
}

#[test]
fn a_quote_over_several_paragraphs_is_a_quote_per_paragraph_by_one_speaker() {
    let q = quotes(
        "Mayor sets out plan",
        "Mayor Ines Porto said: “The harbour will stay open.\n\n“Every worker will be paid in full.”",
    );
    let porto = Some("Ines Porto".to_string());
    assert_eq!(
        said(&q),
        [
            ("The harbour will stay open.".to_string(), porto.clone()),
            ("Every worker will be paid in full.".to_string(), porto),
        ]
    );
    // Each where it is written: the second in the second paragraph, its span its words.
    assert_eq!((q[1].part, q[1].index), (TextPart::Paragraph, 1));
    assert_eq!(q[1].kind, QuoteKind::Full);
}

#[test]
fn full_and_partial_quotes() {
    let q = quotes(
        "Port and unions agree",
        "Union leader Tomas Berg said there was “total” agreement. “We have a deal,” he added.",
    );
    assert_eq!(q[0].text, "total");
    assert_eq!(q[0].kind, QuoteKind::Partial);
    assert_eq!(q[1].kind, QuoteKind::Full);
    assert_eq!(
        q[1].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Tomas Berg")
    );
}

#[test]
fn scare_quotes_are_not_quotes() {
    let q = quotes(
        "Port unveils plan",
        "The so-called “green corridor” will open in May. Ships will use a “fast lane” at night.",
    );
    assert!(q.is_empty(), "{q:?}");
}

// --- attribution -----------------------------------------------------------------------

#[test]
fn quote_comma_speaker_said() {
    let q = quotes(
        "Berth",
        "“Work starts on Monday,” port spokeswoman Mia Lund said.",
    );
    assert_eq!(said(&q), one("Work starts on Monday,", "Mia Lund"));
}

#[test]
fn quote_comma_said_speaker() {
    let q = quotes(
        "Berth",
        "“Work starts on Monday,” said Mia Lund, the port's spokeswoman.",
    );
    assert_eq!(said(&q), one("Work starts on Monday,", "Mia Lund"));
}

#[test]
fn speaker_said_colon_quote() {
    let q = quotes(
        "Berth",
        "Asked about the delay, Mia Lund said: “Work starts on Monday.”",
    );
    assert_eq!(said(&q), one("Work starts on Monday.", "Mia Lund"));
    assert_eq!(q[0].cue.as_deref(), Some("said"));
}

#[test]
fn told_reporters_a_news_conference_or_a_broadcaster() {
    for (cue, expected) in [
        ("told reporters", "told reporters"),
        ("told a news conference", "told a news conference"),
        ("told Harbour Radio", "told"),
    ] {
        let q = quotes(
            "Berth",
            &format!("“Work starts on Monday,” Mia Lund {cue}."),
        );
        assert_eq!(said(&q), one("Work starts on Monday,", "Mia Lund"), "{cue}");
        assert_eq!(q[0].cue.as_deref(), Some(expected));
    }
}

#[test]
fn said_in_a_statement_or_on_twitter() {
    let q = quotes(
        "Berth",
        "The port authority said in a statement that the work was “on schedule”.",
    );
    assert_eq!(said(&q), one("on schedule", "port authority"));
    assert_eq!(q[0].cue.as_deref(), Some("said in a statement"));
    let q = quotes("Berth", "“On schedule,” Mia Lund said on Twitter.");
    assert_eq!(q[0].cue.as_deref(), Some("said on Twitter"));
}

#[test]
fn tweeted_wrote_or_posted() {
    for verb in ["tweeted", "wrote on Facebook", "posted"] {
        let q = quotes(
            "Berth",
            &format!("“Proud of our crews today,” Mayor Ines Porto {verb}."),
        );
        assert_eq!(
            said(&q),
            one("Proud of our crews today,", "Ines Porto"),
            "{verb}"
        );
    }
}

#[test]
fn according_to_speaker() {
    let q = quotes(
        "Berth",
        "The new berth will be “the largest on the coast”, according to engineer Paul Ito.",
    );
    assert_eq!(said(&q), one("the largest on the coast", "Paul Ito"));
}

#[test]
fn quote_dash_speaker() {
    let q = quotes("Berth", "“A great day for the harbour” – Mayor Ines Porto");
    assert_eq!(said(&q), one("A great day for the harbour", "Ines Porto"));
}

#[test]
fn a_split_quote_keeps_its_speaker() {
    let q = quotes(
        "Berth",
        "“It is late,” engineer Paul Ito said. “But it will be worth it.”",
    );
    assert_eq!(
        said(&q),
        vec![
            ("It is late,".to_string(), Some("Paul Ito".to_string())),
            (
                "But it will be worth it.".to_string(),
                Some("Paul Ito".to_string())
            ),
        ]
    );
}

#[test]
fn a_continuation_paragraph_inherits_the_speaker() {
    let q = quotes(
        "Berth",
        "“It is late,” engineer Paul Ito told reporters.\n\n“But the steel is already here and the crews are ready.”",
    );
    assert_eq!(
        q[1].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Paul Ito")
    );
}

#[test]
fn pronouns_stand_for_the_last_person() {
    let q = quotes(
        "Berth",
        "Harbour master Ivo Dane inspected the quay on Monday. He said the work was “nearly done”.",
    );
    assert_eq!(said(&q), one("nearly done", "Ivo Dane"));
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.as_written.as_str()),
        Some("He")
    );
}

#[test]
fn role_nouns_stand_for_the_named_holder() {
    let q = quotes(
        "Berth",
        "Port spokesman Ali Reza said crews were working overnight. “We expect to finish by Friday,” the spokesman said.",
    );
    assert_eq!(said(&q), one("We expect to finish by Friday,", "Ali Reza"));
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.as_written.as_str()),
        Some("the spokesman")
    );
}

#[test]
fn organisations_speak() {
    let q = quotes("Berth", "“We welcome the agreement,” the White House said.");
    assert_eq!(said(&q), one("We welcome the agreement,", "White House"));
    let q = quotes(
        "Berth",
        "“The ferry will sail,” the transport ministry said.",
    );
    assert_eq!(said(&q), one("The ferry will sail,", "transport ministry"));
    let q = quotes(
        "Berth",
        "President Emmanuel Macron met the unions. “Talks will go on,” Macron’s office said.",
    );
    assert_eq!(
        said(&q),
        one("Talks will go on,", "Emmanuel Macron's office")
    );
}

#[test]
fn headline_attributions() {
    let q = quotes(
        "Unions and port in ‘full agreement’: Reyes",
        "US President Ana Reyes said the two sides were in “full agreement” after a call.",
    );
    assert_eq!(q[0].text, "full agreement");
    assert!(q[0].in_headline);
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Ana Reyes")
    );

    let q = quotes(
        "Strike would cost ‘millions a day’: Analyst",
        "Shipping analyst Nora Quist warned the strike would cost “millions a day” in lost trade.",
    );
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Nora Quist")
    );
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.as_written.as_str()),
        Some("Analyst")
    );

    let q = quotes(
        "Start Here: Why the port matters",
        "The port handles a third of the country's trade.",
    );
    assert!(q.is_empty());
}

#[test]
fn a_quote_in_a_caption() {
    let b = blog(
        "Crews at work",
        "Crews worked through the night.\n\nA welder at the north quay\n‘We are nearly there,’ welder Kai Moss said on Tuesday [Lena Brook/Harbour Times]",
    );
    let q = &b.quotes[0];
    assert!(q.in_caption);
    assert_eq!(q.part, TextPart::Caption);
    assert_eq!(
        q.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Kai Moss")
    );
}

#[test]
fn a_country_speaks_through_its_own_ministry_named_with_its_demonym() {
    let q = quotes(
        "Embassies cut staff",
        "Norway’s foreign ministry has said two embassies plan to withdraw staff, a step it \
         called “a sign of nerves”.\n\n\
         Norway described the measures as “premature”.",
    );
    assert_eq!(
        said(&q),
        [
            (
                "a sign of nerves".to_string(),
                Some("Norwegian foreign ministry".to_string())
            ),
            (
                "premature".to_string(),
                Some("Norwegian foreign ministry".to_string())
            ),
        ]
    );
    assert_eq!(
        q[1].speaker.as_ref().map(|s| s.as_written.as_str()),
        Some("Norway")
    );
    // Its ambassador is a person's role, not the country's voice; nor is another country's
    // ministry.
    let q = quotes(
        "Envoys",
        "Norway’s ambassador to Chile said the talks would go on. Sweden’s foreign ministry \
         agreed.\n\nNorway described the measures as “premature”.",
    );
    assert_eq!(said(&q), one("premature", "Norway"));
}

// --- canonical speakers and the model --------------------------------------------------

#[test]
fn one_speaker_under_many_names() {
    let b = blog(
        "Biden calls port leaders",
        "US President Joe Biden called both sides on Monday. “Get it done,” Biden said.\n\n\
         “The country needs this port,” President Biden added.",
    );
    let speakers: Vec<_> = b
        .quotes
        .iter()
        .map(|q| q.speaker.clone().expect("attributed"))
        .collect();
    assert!(
        speakers.iter().all(|s| s.name == "Joe Biden"),
        "{speakers:?}"
    );
    assert_eq!(speakers[0].as_written, "Biden");
    assert_eq!(speakers[1].as_written, "President Biden");
    assert_eq!(speakers[1].role.as_deref(), Some("President"));
    let b = blog("Berth", "“Get it done,” US President Ana Reyes said.");
    assert_eq!(
        b.quotes[0].speaker.as_ref().and_then(|s| s.role.as_deref()),
        Some("US President")
    );
}

#[test]
fn a_quote_repeated_in_the_header_and_an_update_is_linked() {
    let text = "Harbour dispute: live updates\n\nTalks continue between the port and the unions, officials said.\n\n\
                “We will not give up,” union leader Tomas Berg said.\n\n\
                Union holds rally\n\n“We will not give up,” union leader Tomas Berg said at the rally.\n";
    let b = liveblog_index::parse(text).unwrap();
    assert_eq!(b.quotes.len(), 2);
    assert_eq!(b.quotes[0].update_id, None);
    assert_eq!(b.quotes[1].update_id.as_deref(), Some("u1"));
    assert_eq!(b.quotes[1].same_as.as_deref(), Some("q1"));
}

#[test]
fn the_blog_title_s_quote_is_read_as_a_headline_s() {
    // The title quotes words its standfirst gives in full, with who said them.
    let text = "Harbour budget live: Council has ‘emptied the reserve fund’, union says\n\n\
                Union leader Tomas Berg told the meeting that the council had “emptied the reserve fund and left nothing for repairs”.\n\n\
                10:05 Meeting opens\n\nThe meeting opened late.\n";
    let b = liveblog_index::parse(text).unwrap();
    let q: Vec<_> = b
        .quotes
        .iter()
        .map(|q| {
            let who = q.speaker.as_ref().map(|s| s.name.as_str());
            (
                q.text.as_str(),
                q.in_headline,
                q.part,
                q.update_id.as_deref(),
                who,
            )
        })
        .collect();
    assert_eq!(
        q,
        [
            (
                "emptied the reserve fund",
                true,
                TextPart::Title,
                None,
                Some("Tomas Berg")
            ),
            (
                "emptied the reserve fund and left nothing for repairs",
                false,
                TextPart::Summary,
                None,
                Some("Tomas Berg")
            ),
        ]
    );
    // The title's words are the standfirst's: a reader is shown them once.
    assert_eq!(
        b.quotes[0].same_as.as_deref(),
        Some(b.quotes[1].id.as_str())
    );
    assert_eq!(b.speakers()[0].quotes, 1);
}

#[test]
fn on_a_newest_first_blog_a_repeat_names_the_older_post_s_quote() {
    // The page lists the later post first; the words were first said in the earlier one.
    let text = "Harbour dispute: live\n\n11:40 Rally ends\n\n\
                At the close Tomas Berg said again that “the port cannot run without us”.\n\n\
                10:05 Union holds rally\n\n\
                “The port cannot run without us,” union leader Tomas Berg said.\n";
    let b = liveblog_index::parse(text).unwrap();
    let q: Vec<_> = b
        .quotes
        .iter()
        .map(|q| (q.id.as_str(), q.update_id.as_deref(), q.same_as.as_deref()))
        .collect();
    // In page order; numbered by age, so the repeat's id is the larger.
    assert_eq!(
        q,
        [("q2", Some("u2"), Some("q1")), ("q1", Some("u1"), None)]
    );
}

#[test]
fn a_headline_echoing_its_body_is_linked_and_counted_once() {
    let b = blog(
        "‘We will not give up’, says union leader",
        "“We will not give up, whatever the port offers,” union leader Tomas Berg said.\n\n\
         “Stay off the quay,” said harbour master Ines Varga.",
    );
    let q: Vec<_> = b
        .quotes
        .iter()
        .map(|q| (q.in_headline, q.text.as_str(), q.same_as.as_deref()))
        .collect();
    assert_eq!(
        q,
        [
            (true, "We will not give up", Some("q2")),
            (
                false,
                "We will not give up, whatever the port offers,",
                None
            ),
            (false, "Stay off the quay,", None),
        ]
    );
    assert_eq!(b.quotes_by("Tomas Berg").len(), 1);
    let berg = b.speakers().into_iter().find(|s| s.name == "Tomas Berg");
    assert_eq!(berg.map(|s| s.quotes), Some(1));
}

// --- lookups ---------------------------------------------------------------------------

fn lookup_blog() -> LiveBlog {
    let text = "Harbour dispute: live updates\n\nTalks continue between the port and the unions, officials said.\n\n\
                “Any strike will have severe costs for the region,” Mayor Edgars Rinkēvičs warned.\n\n\
                Mayor warns of strike costs\n\n\
                “Any strike will have severe costs for the region,” Mayor Edgars Rinkēvičs warned.\n\n\
                “We are ready to talk,” Rinkēvičs later told reporters.\n\n\
                Union answers\n\n\
                “Our members are warning of a long dispute,” union leader Tomas Berg said.\n";
    liveblog_index::parse(text).expect("parses")
}

#[test]
fn quotes_by_any_name_case_and_accents() {
    let b = lookup_blog();
    for name in [
        "Edgars Rinkēvičs",
        "rinkevics",
        "RINKĒVIČS",
        "Mayor Rinkevics",
        "Rinkevic",
    ] {
        assert_eq!(
            b.quotes_by(name).len(),
            2,
            "{name}: the header copy is counted once"
        );
    }
    assert_eq!(b.quotes_by("Tomas Berg").len(), 1);
    assert!(b.quotes_by("Biden").is_empty());
}

#[test]
fn quotes_by_words_inflected_or_misspelt() {
    let b = lookup_blog();
    for words in ["severe costs", "severe cost", "sevre costs", "SEVERE COSTS"] {
        let found = b.find_quotes(words);
        assert_eq!(found.len(), 1, "{words}");
        assert_eq!(
            found[0].speaker.as_ref().map(|s| s.name.as_str()),
            Some("Edgars Rinkēvičs")
        );
    }
    assert_eq!(b.find_quotes("members warned").len(), 1, "warned ~ warning");
    assert!(
        b.find_quotes("severe weather").is_empty(),
        "every word must match"
    );
    assert!(b.find_quotes("").is_empty());
}

#[test]
fn quotes_in_an_update_and_speakers_with_counts() {
    let b = lookup_blog();
    let union = b
        .updates
        .iter()
        .find(|u| u.headline.as_deref() == Some("Union answers"))
        .unwrap();
    let in_union: Vec<_> = b
        .quotes_in(&union.id)
        .iter()
        .map(|q| q.text.as_str())
        .collect();
    assert_eq!(in_union, ["Our members are warning of a long dispute,"]);
    let speakers = b.speakers();
    assert_eq!(speakers[0].name, "Edgars Rinkēvičs");
    assert_eq!(speakers[0].quotes, 2);
    assert_eq!(speakers[0].role.as_deref(), Some("Mayor"));
    assert_eq!(speakers[0].aliases, ["Mayor Edgars Rinkēvičs", "Rinkēvičs"]);
    assert_eq!(
        (speakers[1].name.as_str(), speakers[1].quotes),
        ("Tomas Berg", 1)
    );
}

#[test]
fn a_name_set_off_by_commas_is_the_speaker() {
    let q = quotes(
        "Berth",
        "“We are on schedule,” the port's chief engineer, Paul Ito, said.",
    );
    assert_eq!(said(&q), one("We are on schedule,", "Paul Ito"));
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.role.as_deref()),
        Some("port's chief engineer")
    );
}

#[test]
fn a_lower_case_speaker_before_the_cue() {
    let q = quotes("Berth", "“The quay is safe again,” officials said.");
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.as_written.as_str()),
        Some("officials")
    );
}

#[test]
fn a_name_and_a_colon_before_the_quote() {
    let q = quotes(
        "Berth",
        "Harbour master Ivo Dane: “We will reopen the quay on Friday.”",
    );
    assert_eq!(
        said(&q),
        one("We will reopen the quay on Friday.", "Ivo Dane")
    );
    assert_eq!(q[0].cue.as_deref(), Some(":"));
}

#[test]
fn an_age_after_the_name_is_not_part_of_it() {
    let q = quotes(
        "Berth",
        "“I have worked here for thirty years,” Maria Lopez, 58, said.",
    );
    assert_eq!(
        said(&q),
        one("I have worked here for thirty years,", "Maria Lopez")
    );
}

#[test]
fn a_lower_case_speaker_after_the_cue() {
    let q = quotes("Berth", "“We won!” shouted the crowd.");
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.as_written.as_str()),
        Some("the crowd")
    );
}

#[test]
fn a_document_speaks_for_whoever_issued_it() {
    let q = quotes(
        "Berth",
        "The port authority issued a statement on Monday. “The terminal is closed,” the statement said.",
    );
    assert_eq!(said(&q), one("The terminal is closed,", "port authority"));
    let q = quotes("Berth", "“The terminal is closed,” the statement said.");
    assert_eq!(
        q.len(),
        1,
        "a cue makes it a quote even when the issuer is unknown"
    );
    assert_eq!(q[0].speaker, None, "nobody before it to stand for");
}

#[test]
fn a_speaker_introduced_at_the_end_of_the_paragraph_above() {
    let q = quotes(
        "Berth",
        "Union leader Tomas Berg said:\n\n“No deal, no work.”",
    );
    assert_eq!(said(&q), one("No deal, no work.", "Tomas Berg"));
}

#[test]
fn a_paragraph_after_said_colon_is_the_introducers_words_even_unmarked() {
    // Pages often set a statement as a paragraph of its own under "X said:", marked by
    // type or an icon rather than quote marks.
    let q = quotes(
        "Berth",
        "Harbour master Ivo Dane said:\n\nWe will reopen the north berth on Monday morning.\n\n\
         Crews were seen on the quay.",
    );
    assert_eq!(
        said(&q),
        one(
            "We will reopen the north berth on Monday morning.",
            "Ivo Dane"
        )
    );
    // No speaker and cue above: a list, a heading or a correspondent's note is no quote.
    for above in [
        "Here is what we know so far:",
        "Ships still waiting:",
        "This from our reporter:",
    ] {
        let q = quotes(
            "Berth",
            &format!("{above}\n\nThe north berth reopens on Monday."),
        );
        assert!(q.is_empty(), "{above} {q:?}");
    }
    // Only the paragraph right under the colon: the one after it is the blog's again.
    let q = quotes(
        "Berth",
        "Ivo Dane said:\n\nWe will reopen on Monday.\n\nThe union disagreed with the plan.",
    );
    assert_eq!(said(&q), one("We will reopen on Monday.", "Ivo Dane"));
}

#[test]
fn an_and_inside_an_organisations_name_does_not_end_the_subject() {
    // "Search and Rescue Agency", "Food and Drug Administration": the name runs on to its
    // organisation word, and the person after the role is the subject.
    let q = quotes(
        "Berth",
        "Harbour Safety and Rescue Agency chief Ivo Dane told reporters that two boats were found. \
         “We will tow them to Marlow,” he said.",
    );
    assert_eq!(said(&q), one("We will tow them to Marlow,", "Ivo Dane"));
    // Two people joined by "and" are not one organisation: the first opens the sentence.
    let q = quotes(
        "Berth",
        "Ivo Dane and Mia Lund met the crews on Monday. “We will tow them,” he said.",
    );
    assert_eq!(said(&q), one("We will tow them,", "Ivo Dane"));
}

#[test]
fn a_passive_verb_names_no_speaker() {
    let q = quotes(
        "Berth",
        "The guild said it would end the blockade once the workers were told the pay was “agreed”.",
    );
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.name.as_str()),
        Some("guild"),
        "not 'workers'"
    );
}

#[test]
fn nested_reported_speech_belongs_to_the_named_reporter() {
    let q = quotes(
        "Berth",
        "After the call, the port authority said the unions expressed their “firm commitment” to talks, \
         but they also warned of “serious disruption” if pay is cut.",
    );
    let speakers: Vec<_> = q
        .iter()
        .map(|q| q.speaker.as_ref().map(|s| s.name.as_str()))
        .collect();
    assert_eq!(speakers, [Some("port authority"), Some("port authority")]);
}

#[test]
fn a_headline_naming_its_speaker_before_a_colon() {
    let q = quotes(
        "Dockers: ‘We will not load a single ship’",
        "A spokeswoman for the dockers, Lisa Tran, said the union would “hold the line”.",
    );
    let headline = q
        .iter()
        .find(|q| q.in_headline)
        .expect("the headline quote is kept");
    assert_eq!(headline.text, "We will not load a single ship");
    assert_eq!(
        headline
            .speaker
            .as_ref()
            .map(|s| (s.name.as_str(), s.as_written.as_str())),
        Some(("Lisa Tran", "Dockers"))
    );
}

#[test]
fn quotes_matching_combines_speaker_words_and_update() {
    use liveblog_index::QuoteFilter;
    let b = lookup_blog();
    let union = b
        .updates
        .iter()
        .find(|u| u.headline.as_deref() == Some("Union answers"))
        .unwrap();
    let both = |speaker, words, update_id| {
        b.quotes_matching(&QuoteFilter {
            speaker,
            words,
            update_id,
        })
        .len()
    };
    assert_eq!(both(Some("rinkevics"), Some("severe costs"), None), 1);
    assert_eq!(both(Some("rinkevics"), None, Some(union.id.as_str())), 0);
    assert_eq!(
        both(Some("berg"), Some("long dispute"), Some(union.id.as_str())),
        1
    );
    assert_eq!(both(None, Some(""), None), 0, "no words match nothing");
    assert_eq!(
        both(None, None, None),
        3,
        "every quote, the header's repeat counted once"
    );
}

// --- speakers on news writing (issue 20's classes) ------------------------------------

#[test]
fn an_honorific_with_a_full_stop_does_not_end_the_sentence() {
    let q = quotes(
        "Berth vote",
        "Port director Ines Alder opened the meeting. “We will vote on Friday,” Ms. Alder said after it.",
    );
    assert_eq!(said(&q), one("We will vote on Friday,", "Ines Alder"));
}

#[test]
fn initials_and_ranks_stay_in_the_name() {
    let q = quotes(
        "Harbour inquiry",
        "“The quay was never inspected,” said Lt. Gen. Marta K. Osei, who leads the inquiry.",
    );
    let name = q[0].speaker.as_ref().map(|s| s.name.as_str());
    assert_eq!(name, Some("Marta K. Osei"));
}

#[test]
fn a_dash_signs_a_quote() {
    for dash in ["―", "—", "-"] {
        let q = quotes(
            "Readers write",
            &format!("“The ferry was late every day this week.” {dash} Pilar Ruano"),
        );
        assert_eq!(
            said(&q),
            one("The ferry was late every day this week.", "Pilar Ruano"),
            "{dash}"
        );
    }
}

#[test]
fn a_time_or_an_adverb_between_speaker_and_cue_is_skipped() {
    for between in ["on Friday", "last week", "forcefully", "later"] {
        let q = quotes(
            "Union plans",
            &format!("Tomas Berg, who leads the dockers, {between} described a “rolling strike” as likely."),
        );
        assert_eq!(said(&q), one("rolling strike", "Tomas Berg"), "{between}");
    }
}

#[test]
fn a_day_or_a_sentence_opener_is_never_the_speaker() {
    let q = quotes(
        "Union plans",
        "On Sunday Berg said the offer was “an insult”. Then Alder told reporters it was “final”.",
    );
    let names: Vec<_> = q
        .iter()
        .map(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        .collect();
    assert_eq!(names, [Some("Berg".to_string()), Some("Alder".to_string())]);
}

#[test]
fn a_participle_speaks_for_the_subject_of_its_sentence() {
    let q = quotes(
        "Berth vote",
        "Before the vote, harbour master Ivo Dane criticised the plan, saying it went “nowhere near far enough.”",
    );
    assert_eq!(said(&q), one("nowhere near far enough.", "Ivo Dane"));
    let q = quotes(
        "Berth vote",
        "“The port is open,” Dane said, adding: “The ferries will run.”",
    );
    let names: Vec<_> = q
        .iter()
        .map(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        .collect();
    assert_eq!(names, [Some("Dane".to_string()), Some("Dane".to_string())]);
}

#[test]
fn a_name_as_a_label_introduces_the_quotes_below_it() {
    let q = quotes(
        "Reaction",
        "Pilar Ruano:\n\n“I had the toughest draw today.\n\n“I was anxious of course.”\n\nCoach of the year - Ivo Dane – “We kept going.”",
    );
    let names: Vec<_> = q
        .iter()
        .map(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        .collect();
    // The second paragraph goes on with the first quote: the same speaker.
    let ruano = Some("Pilar Ruano".to_string());
    assert_eq!(names, [ruano.clone(), ruano, Some("Ivo Dane".to_string())]);
}

#[test]
fn a_quote_standing_alone_is_said_by_the_subject_of_the_sentence_before() {
    let q = quotes(
        "Briefing",
        "The port authority spokesperson was asked what comes next.\n\n“Divers will inspect the quay before it opens.”",
    );
    let name = q[0].speaker.as_ref().map(|s| s.name.clone());
    assert!(name.is_some_and(|n| n.contains("port authority")), "{q:?}");
    // A sentence that opens with a capital and names nobody lends no speaker.
    let q = quotes(
        "Briefing",
        "Many were asked what comes next.\n\n“Divers will inspect the quay.”",
    );
    assert_eq!(q[0].speaker, None);
}

#[test]
fn he_later_in_a_sentence_is_the_person_who_opens_it() {
    let q = quotes(
        "Budget",
        "Opposition leader Ines Alder has rubbished Tomas Berg’s budget as a “desperate act”, as she says taxes are the highest in 70 years.",
    );
    assert_eq!(said(&q), one("desperate act", "Ines Alder"));
}

#[test]
fn words_a_person_is_reported_calling_something_are_a_quote() {
    let q = quotes(
        "Budget",
        "Opposition leader Ines Alder called the budget “a desperate act” on Tuesday.",
    );
    assert_eq!(said(&q), one("a desperate act", "Ines Alder"));
}

#[test]
fn a_verb_joined_to_another_or_not_finite_speaks_for_the_clause_subject() {
    for sentence in [
        "Tomas Berg took to the radio to accuse the port of being “asleep”.",
        "Tomas Berg gave a series of interviews early Friday saying the port was “asleep”.",
        "Tomas Berg smiled and asked the crowd to wake the port, which was “asleep”.",
    ] {
        let q = quotes("Strike", sentence);
        assert_eq!(said(&q), one("asleep", "Tomas Berg"), "{sentence}");
    }
}

#[test]
fn a_title_in_quote_marks_is_no_quote_unless_someone_says_it() {
    let q = quotes(
        "Strike",
        "Tomas Berg told “Harbour Hour Tonight” that the strike would go on.",
    );
    assert!(q.is_empty(), "{q:?}");
    let q = quotes("Strike", "“Never Again,” Tomas Berg said.");
    assert_eq!(said(&q), one("Never Again,", "Tomas Berg"));
    // A cue after the title that goes on to report a clause names the programme's guest.
    let q = quotes(
        "Strike",
        "On “Harbour Hour Tonight,” Tomas Berg said the strike would go on.",
    );
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_year_or_a_number_is_never_the_speaker() {
    let q = quotes(
        "Strike",
        "In 2002 said the old rules the port was “a closed shop”, and Ines Alder spoke.",
    );
    assert!(
        q.iter()
            .all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "2002")),
        "{q:?}"
    );
}

#[test]
fn a_lone_quote_after_a_surname_that_talks_is_theirs() {
    let q = quotes(
        "Keynote",
        "Okafor talks about the new ferry. \"It is the quietest boat we have built.\" Then the \
         lights went down.",
    );
    assert_eq!(
        said(&q),
        one("It is the quietest boat we have built.", "Okafor")
    );
    // A surname whose verb is no verb of speech says nothing.
    let q = quotes(
        "Keynote",
        "Okafor sails the new ferry. \"It is the quietest boat we have built.\"",
    );
    assert_eq!(said(&q)[0].1, None);
}

#[test]
fn a_quote_left_open_before_its_attribution_ends_there() {
    let b = blog(
        "Court",
        "\"I heard about the fire on the radio (in May), said Mira Okafor, the witness.\n\n\
         \"When they read out the names, I knew I had seen these people,\" said Okafor, who \
         runs a bakery.",
    );
    let got = said(&b.quotes);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, "I heard about the fire on the radio (in May),");
    assert_eq!(got[0].1.as_deref(), Some("Mira Okafor"));
    assert!(
        got[1].1.as_deref().is_some_and(|s| s.ends_with("Okafor")),
        "{got:?}"
    );
    // A paragraph left open that ends in no attribution runs on into the next, as ever.
    let q = quotes(
        "Court",
        "\"We will rebuild the bakery.\n\n\"And we will open by spring,\" Mira Okafor said.",
    );
    assert_eq!(said(&q).len(), 2);
    assert!(
        said(&q)
            .iter()
            .all(|(_, s)| s.as_deref() == Some("Mira Okafor")),
        "{:?}",
        said(&q)
    );
}

#[test]
fn a_quote_that_ends_its_sentence_takes_no_cue_from_the_next() {
    // The next sentence reports someone else speaking: the quote stays with its own.
    let q = quotes(
        "Strike",
        "Ines Alder insisted that the port “end the lockout now.” The dockers’ union said the \
         talks had failed.",
    );
    assert_eq!(said(&q), one("end the lockout now.", "Ines Alder"));
    // Two spaces after a full stop end a sentence as one does.
    let q = quotes(
        "Strike",
        "Tomas Berg spoke first.  Ines Alder then described the offer as “an insult.”",
    );
    assert_eq!(said(&q), one("an insult.", "Ines Alder"));
    // A next sentence that is an attribution alone signs the quote.
    let q = quotes(
        "Strike",
        "“We will not go back.” Tomas Berg said, walking out.",
    );
    assert_eq!(said(&q), one("We will not go back.", "Tomas Berg"));
}

#[test]
fn words_that_name_or_liken_report_what_was_said() {
    // A naming verb a few words before the quote, not right before it ("dubbed “…”" is a
    // name, not words reported).
    let q = quotes(
        "Strike",
        "The harbour board branded the strikers a “reckless minority.”",
    );
    assert_eq!(said(&q), one("reckless minority.", "harbour board"));
    let q = quotes("Strike", "Ines Alder likened the lockout to “a siege”.");
    assert_eq!(said(&q), one("a siege", "Ines Alder"));
    // "as" before words that say what something is: the clause's subject's words.
    let q = quotes(
        "Strike",
        "Tomas Berg openly admires the harbour master as a “fair man,” comparing him to his rival.",
    );
    assert_eq!(said(&q)[0], one("fair man,", "Tomas Berg")[0]);
}

#[test]
fn a_pronoun_refers_back_from_where_it_stands() {
    // "she" is Ines Alder, named before it, not the bank named between it and the quote.
    let q = quotes(
        "Banks",
        "Ines Alder spoke on Tuesday. Though she called Harbour Trust’s conduct “shameful”, \
         she stopped short of more.",
    );
    assert_eq!(said(&q), one("shameful", "Ines Alder"));
}

#[test]
fn an_adjective_before_a_title_belongs_to_the_name() {
    // "Retired" opens the subject, not an adjunct; "he" later in the sentence is that person.
    let q = quotes(
        "Harbour",
        "Retired Adm. Tomas Berg said the crews were tired when he said that under Ines Alder, \
         “the fleet has been left to rust.”",
    );
    assert_eq!(
        said(&q),
        one("the fleet has been left to rust.", "Tomas Berg")
    );
    let q = quotes(
        "Harbour",
        "Speaking Tuesday, Tomas Berg said the fleet was “left to rust”.",
    );
    assert_eq!(said(&q), one("left to rust", "Tomas Berg"));
}

#[test]
fn a_capitalised_verb_in_prose_is_part_of_a_name() {
    // "States" in "the United States would …" is no cue; the sentence's subject speaks.
    let q = quotes(
        "Talks",
        "Foreign Minister Ines Alder said the United States would work with allies to take \
         “firm steps” soon.",
    );
    assert_eq!(said(&q), one("firm steps", "Ines Alder"));
}

#[test]
fn words_quoted_with_no_verb_of_speech_are_the_subjects() {
    for sentence in [
        "Tomas Berg proclaimed a harbour policy of “open quays for all.”",
        "Tomas Berg exhorted the dockers to “hold the line” on Friday.",
    ] {
        let q = quotes("Strike", sentence);
        assert_eq!(said(&q).len(), 1, "{sentence}");
        assert_eq!(said(&q)[0].1.as_deref(), Some("Tomas Berg"), "{sentence}");
    }
    // A term, after an article or before the noun it qualifies, is no one's words.
    for sentence in [
        "Tomas Berg ordered a “special harbour operation” on Friday.",
        "Tomas Berg sold “miracle” cures on the quay.",
    ] {
        assert!(quotes("Strike", sentence).is_empty(), "{sentence}");
    }
}

#[test]
fn a_post_of_quotes_alone_goes_on_with_the_person_quoted_before_it() {
    let text = "Ferry launch: live\n\nThe yard shows its new boat.\n\n\
        10:28\n\nOkafor talks about the hull. \"It is the quietest boat we have built.\"\n\n\
        10:27\n\n\"We will keep you posted on the next one.\"\n\n\
        10:25\n\n\"Tickets go on sale today,\" said Ines Alder, the harbour master.\n\n\
        10:24\n\n\"And the fares are lower than last year.\"\n";
    let q = liveblog_index::parse(text).expect("parses").quotes;
    let names: Vec<_> = q
        .iter()
        .map(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        .collect();
    let okafor = Some("Okafor".to_string());
    let alder = Some("Ines Alder".to_string());
    // Before it in time, not on the page: 10:27 goes on with Alder (10:25), not with Okafor
    // above it (10:28); 10:24, before anyone was quoted, with the first quoted after it.
    assert_eq!(
        names,
        [okafor, alder.clone(), alder.clone(), alder],
        "{q:?}"
    );
    // A post that names someone else is not taken to go on with the last speaker.
    let text = "Ferry launch: live\n\nThe yard shows its new boat.\n\n\
        10:28\n\n\"It is quiet,\" said Ines Alder, the harbour master.\n\n\
        10:27\n\n\"We will be back.\" Mayor Tomas Berg waved from the quay.\n";
    let q = liveblog_index::parse(text).expect("parses").quotes;
    assert_ne!(
        q[1].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Ines Alder")
    );
}

#[test]
fn quotes_listed_after_a_quote_are_said_by_the_same() {
    let q = quotes(
        "Feud",
        "Ines Alder called the harbour master a “liar,” a “bully” and “unfit to serve.” \
         The crews went home.",
    );
    let names: Vec<_> = said(&q).into_iter().map(|(_, s)| s).collect();
    let alder = Some("Ines Alder".to_string());
    assert_eq!(names, [alder.clone(), alder.clone(), alder], "{q:?}");
}

#[test]
fn a_name_in_title_case_is_a_quote_when_someone_gives_it() {
    let q = quotes(
        "Feud",
        "Ines Alder called the new ferry “Slow Coach” on Monday.",
    );
    assert_eq!(said(&q), one("Slow Coach", "Ines Alder"));
    let q = quotes("Feud", "Tomas Berg hailed the crew as “The Best Yet”.");
    assert_eq!(said(&q), one("The Best Yet", "Tomas Berg"));
}

#[test]
fn an_abbreviated_title_is_no_part_of_the_name() {
    for (sentence, name) in [
        (
            "“The vote is a waste of time,” said Del. Ines Alder of the harbour district.",
            "Ines Alder",
        ),
        (
            "“We will pray for the crews,” the Rev. Tomas Berg said.",
            "Tomas Berg",
        ),
        (
            "“Hold the line,” Maj. Ines Okafor told the crews.",
            "Ines Okafor",
        ),
    ] {
        let q = quotes("Vote", sentence);
        assert_eq!(said(&q)[0].1.as_deref(), Some(name), "{sentence}");
    }
}

#[test]
fn a_cue_that_opens_its_sentence_names_the_speaker_after_it() {
    let q = quotes(
        "Tax",
        "Experts doubt the plan will pass. Said Okafor: “I don’t see anyone in a hurry.”",
    );
    assert_eq!(said(&q), one("I don’t see anyone in a hurry.", "Okafor"));
}

#[test]
fn a_quote_after_a_colon_is_the_words_of_the_person_who_opens_the_clause() {
    let q = quotes(
        "Tax",
        "With the vote close, Mayor Alder is taking a blunter message to the docks: “It is \
         about your jobs.”",
    );
    assert_eq!(said(&q), one("It is about your jobs.", "Alder"));
}

#[test]
fn the_sentence_that_introduces_a_quote_outranks_the_last_speaker() {
    let q = quotes(
        "Port",
        "“We are ready,” Tomas Berg said.\n\nOn “Harbour Hour” on Monday, Mayor Ines Alder \
         praised the crews for their week.\n\n“They worked through every night.”",
    );
    let names: Vec<_> = said(&q).into_iter().map(|(_, s)| s).collect();
    assert_eq!(
        names,
        [
            Some("Tomas Berg".to_string()),
            Some("Ines Alder".to_string())
        ],
        "{q:?}"
    );
    // With no introduction, the quote goes on with the last speaker.
    let q = quotes(
        "Port",
        "“We are ready,” Tomas Berg said.\n\n“They worked through every night.”",
    );
    assert!(
        said(&q)
            .iter()
            .all(|(_, s)| s.as_deref() == Some("Tomas Berg")),
        "{q:?}"
    );
}

#[test]
fn words_owned_by_someone_are_theirs() {
    let q = quotes(
        "Port",
        "The inspectors looked into Ines Alder’s claim that there were “hundreds of leaks” at \
         the quay.",
    );
    assert_eq!(said(&q), one("hundreds of leaks", "Ines Alder"));
    // A pronoun owner is left to the rules for pronouns.
    let q = quotes(
        "Port",
        "The inspectors looked into his claim that there were “hundreds of leaks” at the quay.",
    );
    assert!(said(&q).iter().all(|(_, s)| s.is_none()), "{q:?}");
}

#[test]
fn when_a_sentence_opens_with_is_no_part_of_a_speakers_role() {
    let q = quotes(
        "Harbour plan",
        "Last night Tanaiste Ines Alder said: \"The state will help every family.\"",
    );
    let speaker = q[0].speaker.as_ref().expect("a speaker");
    assert_eq!(speaker.name, "Ines Alder");
    assert_eq!(speaker.role.as_deref(), Some("Tanaiste"));
}

#[test]
fn a_pronoun_after_a_name_with_particles_stands_for_it() {
    // "Van der Molen" is a person's name: its particles are part of it, and "West Ellery"
    // named before it is a place, not the person "she" stands for.
    let q = quotes(
        "Port",
        "Tariffs on goods sent through West Ellery were raised last month.\n\n\
         Asked about this at the quay, Van der Molen did not answer directly.\n\n\
         She said:\n\n“We are serious about the rules and we will act.”",
    );
    assert_eq!(
        said(&q),
        one(
            "We are serious about the rules and we will act.",
            "Van der Molen"
        )
    );
}

#[test]
fn a_pronoun_opening_a_sentence_stands_for_the_subject_of_the_one_before() {
    // Not for the last person named: "Piet Arends" only travels with the subject.
    let q = quotes(
        "Port",
        "Ines Alder, with harbour chief Piet Arends, will meet the unions on Friday.\n\n\
         Ahead of the talks, she said the crews had shown “the patience of saints” all year.",
    );
    assert_eq!(said(&q), one("the patience of saints", "Ines Alder"));
}

#[test]
fn a_statement_no_one_is_named_for_is_made_by_whom_the_headline_is_about() {
    // Words in the first person, and a "They said:" with no one before it.
    for (headline, body, speaker) in [
        (
            "Harbour Swimming Pool - closed until spring",
            "“We are closing our doors tonight, and we will miss every one of you.”",
            "Harbour Swimming Pool",
        ),
        (
            "Ferries - Ellery Sound Crossings to stop for winter",
            "They said: “The last boat will leave on Sunday evening as planned.”",
            "Ellery Sound Crossings",
        ),
    ] {
        let q = quotes(headline, body);
        let speakers: Vec<_> = said(&q).into_iter().map(|(_, s)| s).collect();
        assert_eq!(speakers, [Some(speaker.to_string())], "{headline}");
    }
    // A headline in title case names no one by its capitals; words not in the first person
    // with no cue are left unattributed.
    for (headline, body) in [
        (
            "Pool Closes Until Spring",
            "“We are closing our doors tonight, and we will miss every one of you.”",
        ),
        (
            "Harbour Swimming Pool - closed until spring",
            "A sign on the door read: “Closed until further notice.”",
        ),
    ] {
        let q = quotes(headline, body);
        assert!(
            said(&q).iter().all(|(_, s)| s.is_none()),
            "{headline}: {q:?}"
        );
    }
}

#[test]
fn a_name_in_quotes_in_a_headline_is_no_quote() {
    let q = quotes(
        "Cafes - Ellery Point's 'The Lookout' to close",
        "“We love to share the Lookout with everyone, and we will be back,” they said.",
    );
    assert!(q.iter().all(|q| !q.in_headline), "{q:?}");
}

#[test]
fn someone_in_a_role_of_a_named_body_is_the_person_the_post_names() {
    // "Corvin’s director" is the person who holds the role (named further down), not
    // an office of someone called Corvin.
    let q = quotes(
        "Port",
        "Corvin’s director has said he expects the board to agree a “longer timetable” for \
         the quay.\n\nAt the harbour summit, Ines Alder was asked about the delay.",
    );
    assert_eq!(said(&q), one("longer timetable", "Ines Alder"));
}

#[test]
fn a_verb_of_praise_reports_the_words_it_quotes() {
    // "lauded" reports speech as "praised" does, even before the noun the words qualify.
    let q = quotes(
        "Flood aid",
        "The mayor of Dunmore, Ana Reyes, on Friday lauded “quick and generous” flood aid \
         from the county.",
    );
    assert_eq!(said(&q), one("quick and generous", "Ana Reyes"));
}

#[test]
fn words_put_to_someone_in_a_passive_question_are_reported() {
    // The question's words were said by someone the sentence does not name.
    let q = quotes(
        "Port",
        "The board's reply came after being asked if the port would “own the mistake” and pay.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].text, "own the mistake");
    assert_eq!(q[0].kind, QuoteKind::Partial);
}

#[test]
fn a_quote_whose_opening_mark_was_dropped_runs_from_its_sentence_start() {
    // A closing mark with no quote open and an attribution right after it: the opening
    // mark was lost in editing.
    let q = quotes(
        "Harbour",
        "Ana Reyes said the river was still rising. I hope the walls will hold tonight,” \
         she said. “We have sandbags ready.”",
    );
    assert_eq!(
        said(&q),
        vec![
            (
                "I hope the walls will hold tonight,".to_string(),
                Some("Ana Reyes".to_string())
            ),
            (
                "We have sandbags ready.".to_string(),
                Some("Ana Reyes".to_string())
            ),
        ]
    );
    // A stray mark with no attribution after it opens nothing.
    let q = quotes("Harbour", "The walls held all night long.” The river fell.");
    assert!(q.is_empty(), "{q:?}");
    // Nor does one in a paragraph that opens no quote at all: its quote more likely opened
    // in a paragraph above.
    let q = quotes(
        "Harbour",
        "Ana Reyes said the river was still rising. I hope the walls will hold tonight,” \
         she said.",
    );
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_person_of_a_place_is_the_person() {
    // "of Dunmore" says where the governor is from; it is not who speaks.
    let q = quotes(
        "Port",
        "In March, Gov. Ana Reyes of Dunmore said the council had shown “bold and fresh \
         thinking” on the quay.",
    );
    assert_eq!(said(&q), one("bold and fresh thinking", "Ana Reyes"));
}

#[test]
fn words_quoted_later_in_a_sentence_are_its_first_quotes_speakers() {
    // With no cue and no one else named between, a few words quoted further on in the
    // sentence are said by whoever said the first.
    let q = quotes(
        "Port",
        "Ines Alder said the quay would close.\n\n“Firm and fast” steps must follow if \
         there is to be any hope of a “proper recovery” by spring.",
    );
    assert_eq!(
        said(&q),
        vec![
            ("Firm and fast".to_string(), Some("Ines Alder".to_string())),
            (
                "proper recovery".to_string(),
                Some("Ines Alder".to_string())
            ),
        ]
    );
}

#[test]
fn a_cue_word_inside_a_name_is_not_a_cue() {
    // "States" in "the United States" reads as a verb of speech only in a headline's title
    // case; in prose the article before the name gives it away, even with the quote or a
    // new sentence right after it.
    let q = quotes(
        "Berth",
        "Mia Lund said the United States “must pay its share of the dredging”.",
    );
    assert_eq!(
        said(&q),
        one("must pay its share of the dredging", "Mia Lund")
    );
    let q = quotes(
        "Berth",
        "“Without that loan” from the United States, Mia Lund said, the berth would have closed.",
    );
    assert_eq!(said(&q), one("Without that loan", "Mia Lund"));
}

#[test]
fn told_someone_before_a_colon_is_said_by_the_subject() {
    // "S told Y:" names whom it was said to after the verb; the speaker is before it.
    for when in ["later Friday", "on Friday"] {
        let q = quotes(
            "Berth",
            &format!("Lund {when} told Harbour Radio: “The cranes arrive next week.”"),
        );
        assert_eq!(
            said(&q),
            one("The cranes arrive next week.", "Lund"),
            "{when}"
        );
    }
}

#[test]
fn verbs_of_loud_or_sharp_speech_report_it() {
    for verb in [
        "barked",
        "boomed",
        "snapped",
        "interjected",
        "mused",
        "shot back",
    ] {
        let q = quotes(
            "Berth",
            &format!("“Nobody leaves before the tide turns,” Ines Porto {verb}."),
        );
        assert_eq!(
            said(&q),
            one("Nobody leaves before the tide turns,", "Ines Porto"),
            "{verb}"
        );
    }
    // A retort before its quote: "fired back:".
    let q = quotes(
        "Berth",
        "When the union called the plan a gamble, Ines Porto fired back: “It is the only plan we have.”",
    );
    assert_eq!(said(&q), one("It is the only plan we have.", "Ines Porto"));
}

#[test]
fn words_quoted_before_their_object_are_the_subjects_not_a_term() {
    // A quote followed by an article or an owner ends in a verb that takes an object
    // ("to “reshape” the quay"): the subject's words, not a label like "“quack” cures".
    let q = quotes(
        "Berth",
        "In her first week, Mayor Ines Porto set out a plan to “thoroughly reshape” the quay.",
    );
    assert_eq!(said(&q), one("thoroughly reshape", "Ines Porto"));
}

#[test]
fn asides_of_age_and_place_after_a_name_are_passed() {
    // "Name, age, of Town, State, said": the speaker is the name before the asides.
    let q = quotes(
        "Berth",
        "Tom Rask, 34, of Dunmore, Ky., said he still hoped for a late “reprieve” for the yard.",
    );
    assert_eq!(said(&q), one("reprieve", "Tom Rask"));
    // An adjunct set off by commas ending in a town and its state.
    let q = quotes(
        "Berth",
        "Ines Porto, at a rally in Dayton, Ohio, said the yard would stay “open for good”.",
    );
    assert_eq!(said(&q), one("open for good", "Ines Porto"));
    // A role set off by commas is still read as the speaker's role.
    let q = quotes(
        "Berth",
        "In what Bay Lund, treasurer of the guild, called “a war of attrition”, the talks ended.",
    );
    assert_eq!(said(&q), one("a war of attrition", "Bay Lund"));
}

#[test]
fn a_participle_after_a_quote_is_not_its_speaker() {
    // "“…,” giving states more power": the participle's object is no speaker, and the
    // quote is the words of the sentence's subject.
    let q = quotes(
        "Berth",
        "Lund said he hoped the bill would be “the best of both worlds,” giving states more say.",
    );
    assert_eq!(said(&q), one("the best of both worlds,", "Lund"));
}

#[test]
fn a_pronoun_opening_the_sentence_is_the_subject_of_its_participle() {
    // "She …, calling him “…”": the pronoun is the subject, and stands for whom the
    // sentence before names; the quote is hers, not dropped for want of a speaker.
    let q = quotes(
        "Quay",
        "Mayor Ana Reyes spoke at the quay on Monday. She went on to praise Lund, calling him “a rising star.”",
    );
    assert_eq!(said(&q), one("a rising star.", "Ana Reyes"));
}

#[test]
fn a_passive_with_an_adverb_in_it_signs_no_quote() {
    // "The union’s move was first reported by …": the sentence after the quote is no
    // attribution of it, with "first" between the auxiliary and the verb or not.
    let q = quotes(
        "Quay",
        "Dane says the union will seek new funds and will “fight hard for the contract.” The union’s move was first reported by Port Radio.",
    );
    assert_eq!(said(&q), one("fight hard for the contract.", "Dane"));
}

#[test]
fn a_cue_in_the_present_tense_introduces_a_quote() {
    // Reports in the present tense: "S concludes:", "S reveals:", "S agrees:".
    for verb in ["concludes", "reveals", "agrees", "observes", "predicts"] {
        let q = quotes(
            "Quay",
            &format!(
                "After a week on the quay, Lund {verb}: “The port will not reopen this year.”"
            ),
        );
        assert_eq!(
            said(&q),
            one("The port will not reopen this year.", "Lund"),
            "{verb}"
        );
    }
}

#[test]
fn a_phrase_led_by_a_preposition_names_no_speaker() {
    // "Like Lund, Berg …": the preposition's object is not the sentence's subject.
    let q = quotes(
        "Berth",
        "Like Lund, Berg also rejected the plan, arguing there is “room for more talks”.",
    );
    assert_eq!(said(&q), one("room for more talks", "Berg"));
    // "…” without reporters asking": a phrase after the quote led by a preposition does
    // not sign it; the cue before it does.
    let q = quotes(
        "Berth",
        "Angry, Berg said he “cannot cross the quay” without reporters asking about the strike.",
    );
    assert_eq!(said(&q), one("cannot cross the quay", "Berg"));
}

#[test]
fn a_time_with_its_article_stands_between_a_speaker_and_the_cue() {
    let q = quotes(
        "Berth",
        "Porto during a Sunday thanked the crews “for their patience”.",
    );
    assert_eq!(said(&q), one("for their patience", "Porto"));
}

#[test]
fn verbs_of_attack_or_hint_report_the_words_they_quote() {
    for verb in ["blasted", "mocked", "slammed", "chided"] {
        let q = quotes(
            "Berth",
            &format!("At the hearing, Ines Porto {verb} the board for “dithering” over the quay."),
        );
        assert_eq!(said(&q), one("dithering", "Ines Porto"), "{verb}");
    }
    let q = quotes(
        "Berth",
        "Lund implied the board was “asleep” while the silt built up.",
    );
    assert_eq!(said(&q), one("asleep", "Lund"));
}

#[test]
fn a_relative_who_stands_for_the_phrase_before_its_comma() {
    // In brackets too: the bracket opens the speaker phrase.
    let q = quotes(
        "Berth",
        "Critics piled on (like harbour pilot Dana Berg, who called the plan “a menace” on \
         Friday), and the vote was put off.",
    );
    assert_eq!(said(&q), one("a menace", "Dana Berg"));
    let q = quotes(
        "Berth",
        "The loudest was Tom Rask, who has long called the quay “a white elephant”.",
    );
    assert_eq!(said(&q), one("a white elephant", "Tom Rask"));
}

#[test]
fn a_speaker_phrase_starts_after_the_sentence_before() {
    // The full stop ends the sentence before; its words are no part of who speaks, here
    // where the speaker introduces the next paragraph.
    let q = quotes(
        "Ferry talks",
        "The gates are closing. Reyna said:\n\n“The berths stay shut.”",
    );
    assert_eq!(said(&q), one("The berths stay shut.", "Reyna"));
    let speaker = q[0].speaker.as_ref().unwrap();
    assert_eq!(
        (speaker.as_written.as_str(), speaker.role.as_deref()),
        ("Reyna", None)
    );
}

#[test]
fn an_attribution_after_a_question_or_exclamation_mark_goes_on_with_its_sentence() {
    // The mark ends the quoted words, not the sentence: the words after it sign them, also
    // when they say more than who spoke.
    let q = quotes(
        "Berth",
        "“We will hold the quay!” Harbour Minister Ana Reyes said as she left the hall.",
    );
    assert_eq!(said(&q), one("We will hold the quay!", "Ana Reyes"));
    let q = quotes(
        "Berth",
        "“Who pays for the dredging?” Rep. Tom Rask, D-Ore., asked of the plan on Friday.",
    );
    assert_eq!(said(&q), one("Who pays for the dredging?", "Tom Rask"));
    // A sentence after the mark that reports words of its own is a sentence of its own.
    let q = quotes(
        "Berth",
        "Lund asked the board, “Why now?” Berg wrote back, “Because the tide is low.”",
    );
    assert_eq!(
        said(&q),
        vec![
            ("Why now?".to_string(), Some("Lund".to_string())),
            (
                "Because the tide is low.".to_string(),
                Some("Berg".to_string())
            ),
        ]
    );
    let q = quotes(
        "Berth",
        "Lund wrote to Berg, “Will you run the quay?” Berg replied that he would “think it over.”",
    );
    assert_eq!(
        said(&q),
        vec![
            (
                "Will you run the quay?".to_string(),
                Some("Lund".to_string())
            ),
            ("think it over.".to_string(), Some("Berg".to_string())),
        ]
    );
}

#[test]
fn according_to_opening_the_sentence_names_the_speaker() {
    let q = quotes(
        "Berth",
        "According to pilot Dana Berg of the Harbour Trust, “the silt has come back twice as fast.”",
    );
    assert_eq!(
        said(&q),
        one("the silt has come back twice as fast.", "Dana Berg")
    );
}

#[test]
fn a_phrase_of_place_or_occasion_stands_between_a_speaker_and_the_cue() {
    for (words, speaker) in [
        (
            "Gil Hart in a statement said the plan was “dead in the water” now.",
            "Gil Hart",
        ),
        (
            "Lund at the time said the quay needed “more berths” soon.",
            "Lund",
        ),
        (
            "Ivo Dane at a rally on Friday said the board had “lost its way” badly.",
            "Ivo Dane",
        ),
    ] {
        let q = quotes("Berth", words);
        assert_eq!(q.len(), 1, "{words}");
        assert_eq!(
            q[0].speaker.as_ref().map(|s| s.name.as_str()),
            Some(speaker),
            "{words}"
        );
    }
}

#[test]
fn an_adverb_in_ly_stands_between_a_speaker_and_the_cue_but_a_noun_in_ly_is_the_speaker() {
    for (words, speaker) in [
        (
            "Harbour Gov. Ana Reyes has also broadly called for “a pause in the works”.",
            Some("Ana Reyes"),
        ),
        (
            "Ivo Dane initially said the quay was “safe for now”.",
            Some("Ivo Dane"),
        ),
        // Not an adverb after a name's possessive: the family spoke, not Lund.
        ("Lund’s family said they were “heartbroken”.", None),
    ] {
        let q = quotes("Berth", words);
        assert_eq!(q.len(), 1, "{words}");
        let name = q[0].speaker.as_ref().map(|s| s.name.as_str());
        match speaker {
            Some(speaker) => assert_eq!(name, Some(speaker), "{words}"),
            None => assert_ne!(name, Some("Lund"), "{words}"),
        }
    }
}
