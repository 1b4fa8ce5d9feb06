//! Which lines open the updates: the layout the page shows by what it repeats.

use super::lines::*;

/// The role a line plays in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Unassigned,
    /// Part of a photo: `alt` line, or the credited caption line.
    ImageAlt,
    ImageCaption,
}

/// Which kind of line opens each update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    /// A time (and maybe a headline) opens each update.
    Time,
    /// A numbered heading opens each update.
    Numbered,
    /// A headline followed by prose opens each update.
    Headline,
}

/// Pairs description lines with the credited caption directly below them.
pub(super) fn pair_captions(lines: &[Line], roles: &mut [Role], blank_separated: bool) {
    for i in 0..lines.len() {
        let Some((caption, _)) = credit_split(lines[i].text) else {
            continue;
        };
        roles[i] = Role::ImageCaption;
        if i == 0 || lines[i].blank_before || roles[i - 1] != Role::Unassigned {
            continue;
        }
        let alt = lines[i - 1].text;
        if time_mark(alt).is_some() || numbered(alt).is_some() || is_bullet(alt) {
            continue;
        }
        // Without blank lines between paragraphs, only a description that repeats the
        // caption's opening words is safely the photo's.
        let shared = alt
            .split_whitespace()
            .zip(caption.split_whitespace())
            .take_while(|(a, b)| a == b)
            .count();
        if blank_separated || shared >= 3 {
            roles[i - 1] = Role::ImageAlt;
        }
    }
}

/// Whether line `i` is an item of a list that a line ending in a colon opens ("The unions
/// set three conditions:" then short lines): the run of short lines above it leads back to
/// the colon.
pub(super) fn in_colon_list(lines: &[Line], i: usize) -> bool {
    let mut j = i;
    while j > 0 && i - j < 12 {
        j -= 1;
        let text = lines[j].text;
        if text.ends_with(':') {
            return true;
        }
        if shape(text) != Shape::Headline || is_bullet(text) {
            return false;
        }
    }
    false
}

/// Whether the update body starts at or after line `i`, past up to three lines of bylines,
/// dates and bare times that may sit between a headline and its text.
pub(super) fn body_follows(lines: &[Line], roles: &[Role], i: usize) -> bool {
    let mut j = i;
    while j < lines.len() && j < i + 3 && roles[j] == Role::Unassigned {
        let text = lines[j].text;
        let meta = is_byline(text)
            || is_date_line(text)
            || time_mark(text).is_some_and(|m| m.rest.is_empty());
        if !meta {
            break;
        }
        j += 1;
    }
    is_body(lines, roles, j)
}

/// A line that reads as the body of an update: prose, a list item, or a photo.
pub(super) fn is_body(lines: &[Line], roles: &[Role], i: usize) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    if roles[i] != Role::Unassigned {
        return true;
    }
    if line.is.day_heading || line.is.date_line || line.is.mark.is_some() {
        return false;
    }
    // A headline-shaped line with nothing after it, or only the next update's time, heads
    // nothing: it is body ("… cleared the tower at 9:39 a.m.").
    let heads_nothing = lines.get(i + 1).is_none_or(|next| next.is.mark.is_some());
    line.is.bullet || line.is.ui || line.is.shape == Shape::Prose || heads_nothing
}

/// Finds the lines that open updates, and the layout they reveal.
pub(super) fn find_update_starts(
    lines: &[Line],
    roles: &[Role],
    blank_separated: bool,
) -> (Layout, Vec<usize>) {
    let opens_block = |i: usize| !blank_separated || lines[i].blank_before || i == 0;

    let marks: Vec<(usize, (Option<usize>, TimeForm))> = (0..lines.len())
        .filter(|&i| roles[i] == Role::Unassigned && opens_block(i))
        .filter_map(|i| lines[i].is.mark.map(|m| (i, m.kind)))
        .collect();
    // The page's own form of time is the one it repeats most ("7.22pm BST"); another form
    // ("Updated at 14.10", "2h ago") is part of a body.
    // Counted once per kind: a page has a handful of kinds and may have 50,000 marks.
    let mut counts: Vec<((Option<usize>, TimeForm), usize)> = Vec::new();
    for &(_, kind) in &marks {
        match counts.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    let dominant = counts
        .iter()
        .max_by_key(|&&(kind, n)| (n, kind.0.is_none(), kind.1 == TimeForm::Clock))
        .map(|&(kind, _)| kind);
    let time_marks: Vec<usize> = marks
        .iter()
        .filter(|&&(_, kind)| Some(kind) == dominant)
        .map(|&(i, _)| i)
        .collect();

    // Numbered posts: a heading less indented than the line above it (or after a blank),
    // numbered in sequence.
    let numbered_heads: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            roles[i] == Role::Unassigned
                && lines[i].is.numbered.is_some()
                && (opens_block(i) || lines[i].indent < lines[i - 1].indent)
                && body_follows(lines, roles, i + 1)
        })
        .collect();
    let in_sequence = numbered_heads
        .windows(2)
        .filter(|w| {
            let a = numbered(lines[w[0]].text).map_or(0, |(n, _)| n);
            let b = numbered(lines[w[1]].text).map_or(0, |(n, _)| n);
            a.abs_diff(b) == 1
        })
        .count();
    let numbered_ok =
        numbered_heads.len() >= 2 && in_sequence * 5 >= (numbered_heads.len() - 1) * 3;

    if time_marks.len() >= 2 && (!numbered_ok || time_marks.len() >= numbered_heads.len()) {
        // A headline may sit directly above each time instead of after it.
        let above = time_marks
            .iter()
            .filter(|&&t| {
                t > 0
                    && lines[t].is.mark.is_some_and(|m| m.rest.is_empty())
                    && roles[t - 1] == Role::Unassigned
                    && lines[t - 1].is.shape == Shape::Headline
                    && opens_block(t - 1)
                    && lines[t - 1].is.mark.is_none()
                    && !lines[t - 1].is.ui
                    && body_follows(lines, roles, t + 1)
            })
            .count();
        let starts = if above * 3 >= time_marks.len() * 2 {
            time_marks
                .iter()
                .map(|&t| {
                    let headed = t > 0
                        && lines[t].is.mark.is_some_and(|m| m.rest.is_empty())
                        && lines[t - 1].is.shape == Shape::Headline
                        && roles[t - 1] == Role::Unassigned
                        && lines[t - 1].is.mark.is_none()
                        && !lines[t - 1].is.ui;
                    if headed {
                        t - 1
                    } else {
                        t
                    }
                })
                .collect()
        } else {
            time_marks
        };
        return (Layout::Time, starts);
    }
    if numbered_ok {
        return (Layout::Numbered, numbered_heads);
    }
    let headlines = (0..lines.len())
        .filter(|&i| {
            roles[i] == Role::Unassigned
                && opens_block(i)
                && lines[i].is.shape == Shape::Headline
                && !lines[i].is.bullet
                && !lines[i].is.day_heading
                && !lines[i].is.date_line
                && !lines[i].is.byline
                && !lines[i].is.ui
                && !in_colon_list(lines, i)
                && body_follows(lines, roles, i + 1)
        })
        .collect();
    (Layout::Headline, headlines)
}
