//! The "nothing lost" oracle: every word of every non-blank input line is somewhere in the
//! model, exactly as many times as in the input.

use liveblog_index::{Image, LiveBlog, TextPart};
use std::collections::BTreeMap;

/// Words: maximal runs of letters and digits.
fn words(text: &str, into: &mut BTreeMap<String, i64>, sign: i64) {
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *into.entry(word.to_string()).or_default() += sign;
    }
}

fn image_words(image: &Image, into: &mut BTreeMap<String, i64>) {
    for part in [&image.alt, &image.caption, &image.credit]
        .into_iter()
        .flatten()
    {
        words(part, into, -1);
    }
}

/// Words in the input minus words in the model; empty when nothing was lost or doubled.
pub fn lost_or_doubled(input: &str, blog: &LiveBlog) -> BTreeMap<String, i64> {
    let mut balance = BTreeMap::new();
    words(input, &mut balance, 1);
    for part in [&blog.title, &blog.summary, &blog.source]
        .into_iter()
        .flatten()
    {
        words(part, &mut balance, -1);
    }
    for line in &blog.header {
        words(line, &mut balance, -1);
    }
    for image in &blog.images {
        image_words(image, &mut balance);
    }
    for update in &blog.updates {
        if let Some(n) = update.number {
            words(&n.to_string(), &mut balance, -1);
        }
        for part in [
            &update.day_heading,
            &update.headline,
            &update.time,
            &update.byline,
        ]
        .into_iter()
        .flatten()
        .chain(&update.labels)
        {
            words(part, &mut balance, -1);
        }
        for paragraph in &update.paragraphs {
            words(paragraph, &mut balance, -1);
        }
        for image in &update.images {
            image_words(image, &mut balance);
        }
    }
    balance.retain(|_, n| *n != 0);
    balance
}

/// Update spans lie inside the input, on character boundaries, in order, without overlap.
pub fn check_spans(input: &str, blog: &LiveBlog) {
    let mut previous_end = 0;
    for update in &blog.updates {
        let span = update.span;
        assert!(
            span.start <= span.end && span.end <= input.len(),
            "span {span:?} outside the input"
        );
        assert!(input.is_char_boundary(span.start) && input.is_char_boundary(span.end));
        assert!(
            span.start >= previous_end,
            "update {} overlaps the one before",
            update.id
        );
        previous_end = span.end;
    }
}

/// Every quote points at real text: its span slices the text it names and holds its words
/// (the first paragraph's share for a quote over several); ids are unique; a repeat points
/// back to an earlier quote.
pub fn check_quotes(blog: &LiveBlog) {
    let mut seen: Vec<&str> = Vec::new();
    for quote in &blog.quotes {
        let update = quote.update_id.as_ref().map(|id| {
            blog.updates
                .iter()
                .find(|u| &u.id == id)
                .expect("a quote's update exists")
        });
        let text: &str = match (quote.part, update) {
            (TextPart::Headline, Some(u)) => {
                u.headline.as_deref().expect("the update has a headline")
            }
            (TextPart::Paragraph, Some(u)) => &u.paragraphs[quote.index],
            (TextPart::Caption, Some(u)) => {
                u.images[quote.index].caption.as_deref().expect("a caption")
            }
            (TextPart::Summary, None) => blog.summary.as_deref().expect("the blog has a summary"),
            (TextPart::Header, None) => &blog.header[quote.index],
            other => panic!("quote {} in an impossible place: {other:?}", quote.id),
        };
        let span = quote.span;
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{}: span outside its text",
            quote.id
        );
        let slice = text
            .get(span.start..span.end)
            .expect("spans fall on character boundaries");
        assert!(
            quote.text.starts_with(slice.trim()),
            "{}: {:?} does not start with {slice:?}",
            quote.id,
            quote.text
        );
        assert!(
            !seen.contains(&quote.id.as_str()),
            "duplicate id {}",
            quote.id
        );
        if let Some(first) = &quote.same_as {
            assert!(
                seen.contains(&first.as_str()),
                "{} repeats a later quote",
                quote.id
            );
        }
        seen.push(&quote.id);
    }
}
