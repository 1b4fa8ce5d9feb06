//! Plain text → [`LiveBlog`], reading the page's layout from the page itself.
//!
//! 1. [`lines`]: the input's non-blank lines with the blank lines between them; a
//!    hard-wrapped paragraph joined back into one line; photo captions paired with the
//!    description above them.
//! 2. [`form`]: each line's signature, from its form alone: the time it opens with (12 or
//!    24 hours, `.` or `:`, am/pm, zones, a second zone or a date after it, `1458`,
//!    relative times, `Posted at`, a time glued to its text), its bullet or number,
//!    indentation, length, capitals, closing punctuation, badges, bylines.
//! 3. [`induce`]: every kind of line that could open posts is tried as the page's layout;
//!    the posts each one makes are scored by how well they explain the page (posts that
//!    recur, each with content, alike, with times running one way, nothing left over), and
//!    the best explanation wins.
//! 4. [`build`]: the header (title, standfirst, clutter, photos) and each post as an
//!    update; status, date and warnings, including one when no layout explains the page
//!    well or when the page had no post openers at all.
//!
//! Every non-blank line lands exactly once in the model, in the update that holds it.

mod build;
mod form;
mod induce;
mod lines;
mod tables;

pub(crate) use form::{
    credit_split, is_byline, is_date_line, is_name, is_ui_line, whole_match_clock,
};

use crate::model::LiveBlog;

/// Parses a plain-text live blog. Never fails: odd input yields a model with warnings.
pub(crate) fn parse_text(input: &str) -> LiveBlog {
    let physical = lines::split_lines(input);
    let groups = lines::wrapped_groups(&physical);
    let joined = lines::joined_texts(&physical, &groups);
    let mut lines = lines::unwrap_lines(&physical, &groups, &joined);
    lines::settle_breaks(&mut lines);
    let blank_separated = lines::is_blank_separated(&lines);
    let mut photo = vec![lines::Photo::None; lines.len()];
    lines::pair_captions(&lines, &mut photo, blank_separated);
    let page = induce::Page::new(&lines, &photo, blank_separated);
    let reading = induce::induce(&page);
    build::build(&page, &reading)
}
