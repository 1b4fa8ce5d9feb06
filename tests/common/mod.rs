//! The "nothing lost" oracle: every word of every non-blank input line is somewhere in the
//! model, exactly as many times as in the input.

use liveblog_index::{Image, LiveBlog};
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
        for part in [&update.day_heading, &update.headline, &update.time]
            .into_iter()
            .flatten()
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
