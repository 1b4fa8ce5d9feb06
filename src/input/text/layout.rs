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
        if strict_time_mark(alt).is_some() || numbered(alt).is_some() || is_bullet(alt) {
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
            || strict_time_mark(text).is_some_and(|m| m.rest.is_empty());
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

/// How many lines of the page have each line's text, found by sorting rather than hashing.
fn repeat_counts(lines: &[Line]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..lines.len()).collect();
    crate::sorting::sort_by(&mut order, |&a, &b| lines[a].text.cmp(lines[b].text));
    let mut counts = vec![1; lines.len()];
    let mut from = 0;
    for to in 1..=order.len() {
        if to == order.len() || lines[order[to]].text != lines[order[from]].text {
            for &i in &order[from..to] {
                counts[i] = to - from;
            }
            from = to;
        }
    }
    counts
}

/// A short line in capitals that the page repeats, as it repeats an author's name or a
/// kicker above each post ("• Natasha Clark", "Russia-Ukraine war").
fn is_repeated_head(lines: &[Line], roles: &[Role], counts: &[usize], i: usize) -> bool {
    let text = strip_bullet(lines[i].text);
    counts[i] >= 2
        && roles[i] == Role::Unassigned
        && lines[i].is.mark.is_none()
        && !lines[i].is.ui
        && !lines[i].is.day_heading
        && !lines[i].is.date_line
        && is_name_shaped(text)
}

/// What the layout found: which lines open updates, and how to read them.
pub(super) struct Plan {
    pub(super) layout: Layout,
    pub(super) starts: Vec<usize>,
    /// Lines that frame a post rather than tell it: a second time right under the first
    /// ("11.39pm EST" over "23:39"), an author's name or a kicker the page repeats above
    /// each post, by line.
    pub(super) meta: Vec<bool>,
    /// The page writes each post's text straight after its time, so what follows a time is
    /// the post's first paragraph even when it is short ("10:30 Jobs introduces Newman").
    pub(super) rests_are_body: bool,
    /// The page heads posts whose time stands alone with a headline on the next line; where
    /// few do, that line is the post's first words ("Goal Beingaichho" over the report).
    pub(super) headlines_under_times: bool,
}

/// Whether line `i` (the one after a time alone) heads the post ending before `end`.
pub(super) fn headline_under_time(lines: &[Line], roles: &[Role], i: usize, end: usize) -> bool {
    i + 1 < end
        && roles[i] == Role::Unassigned
        && lines[i].is.shape == Shape::Headline
        && !lines[i].is.bullet
        && !lines[i].is.byline
        && !lines[i].is.ui
        && body_follows(lines, roles, i + 1)
}

/// A sortable reading of a time mark, for telling whether a page's times run one way:
/// minutes of the day, a match's minute, or minus a relative time's age.
fn order_key(mark: &TimeMark) -> Option<i64> {
    let t = mark.time.trim_start_matches(|c: char| !c.is_ascii_digit());
    match mark.kind.form {
        TimeForm::Clock | TimeForm::DateFirst | TimeForm::Bylined => {
            crate::clock::read_time(mark.time).map(|(clock, date)| {
                let day = date.map_or(0, |d| i64::from(d.month) * 31 + i64::from(d.day));
                day * 1440 + i64::from(clock.minutes)
            })
        }
        TimeForm::Compact => {
            let n: i64 = t.get(..4)?.parse().ok()?;
            Some(n / 100 * 60 + n % 100)
        }
        TimeForm::Minute => {
            let digits: Vec<i64> = t
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|d| d.parse().ok())
                .collect();
            Some(digits.iter().sum())
        }
        TimeForm::Relative => {
            let n: i64 = t
                .split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()?;
            let unit = t
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start();
            let scale = match unit.as_bytes().first()? {
                b's' => 1,
                b'm' => 60,
                b'h' => 3600,
                _ => 86_400,
            };
            Some(-n * scale)
        }
    }
}

/// Whether at least three in four neighbouring times run the page's way (up or down).
fn mostly_monotone(keys: &[i64]) -> bool {
    let pairs = keys.len().saturating_sub(1);
    let down = keys.windows(2).filter(|w| w[0] >= w[1]).count();
    let up = keys.windows(2).filter(|w| w[0] <= w[1]).count();
    down.max(up) * 4 >= pairs * 3
}

/// A line's time mark, set apart or loose.
fn any_mark<'a>(line: &Line<'a>) -> Option<TimeMark<'a>> {
    line.is.mark.or(line.is.loose)
}

/// The page's own time marks: of each kind of time that opens blocks, those set apart from
/// their text (`10:30 – Headline`) count at once; loose ones (`10:40 Keynote ends.`,
/// `1458 Dublin …`) only where the page writes most of its marks so and their times run
/// one way, as a page's posts do and stray times in prose do not. The kind with the most
/// marks wins. A second time right under a first ("9.10pm EST" over "21:10") belongs to it.
fn page_marks(
    lines: &mut [Line],
    roles: &[Role],
    blank_separated: bool,
    meta: &mut [bool],
) -> Vec<usize> {
    let opens_block =
        |lines: &[Line], i: usize| !blank_separated || lines[i].blank_before || i == 0;
    for i in 1..lines.len() {
        let (Some(first), Some(second)) = (any_mark(&lines[i - 1]), any_mark(&lines[i])) else {
            continue;
        };
        let glued_or_alone = second.rest.is_empty() || second.loose;
        if !lines[i].blank_before
            && !meta[i - 1]
            && first.rest.is_empty()
            && first.byline.is_none()
            && first.kind != second.kind
            && glued_or_alone
            && roles[i] == Role::Unassigned
        {
            meta[i] = true;
        }
    }
    // Counted per kind: a page has a handful of kinds and may have 50,000 marks.
    let mut kinds: Vec<(TimeKind, Vec<usize>, usize)> = Vec::new();
    for i in 0..lines.len() {
        if roles[i] != Role::Unassigned || meta[i] || !opens_block(lines, i) {
            continue;
        }
        let Some(mark) = any_mark(&lines[i]) else {
            continue;
        };
        // Grouped by label and form: "2pm" and "2.30pm", "10:30 GMT" and "10:45" are one.
        let kind = TimeKind {
            style: 0,
            ..mark.kind
        };
        let at = match kinds.iter().position(|(k, _, _)| *k == kind) {
            Some(at) => at,
            None => {
                kinds.push((kind, Vec::new(), 0));
                kinds.len() - 1
            }
        };
        kinds[at].1.push(i);
        kinds[at].2 += usize::from(!mark.loose);
    }
    let mut best: Option<(TimeKind, Vec<usize>)> = None;
    for (kind, members, strict) in kinds {
        let loose = members.len() - strict;
        let chosen: Vec<usize> = if loose == 0 || (strict >= 2 && loose <= strict) {
            members
                .into_iter()
                .filter(|&i| lines[i].is.mark.is_some())
                .collect()
        } else {
            let keys: Vec<i64> = members
                .iter()
                .filter_map(|&i| any_mark(&lines[i]).and_then(|m| order_key(&m)))
                .collect();
            let enough = members.len() >= if kind.form == TimeForm::Compact { 3 } else { 2 };
            if enough && keys.len() == members.len() && mostly_monotone(&keys) {
                members
            } else {
                continue;
            }
        };
        let better = best.as_ref().is_none_or(|(k, b)| {
            let rank = |k: &TimeKind, n: usize| (n, k.label.is_none(), k.form == TimeForm::Clock);
            rank(&kind, chosen.len()) > rank(k, b.len())
        });
        if chosen.len() >= 2 && better {
            best = Some((kind, chosen));
        }
    }
    let marks = best.map(|(_, m)| m).unwrap_or_default();
    for &i in &marks {
        if lines[i].is.mark.is_none() {
            lines[i].is.mark = lines[i].is.loose;
        }
    }
    marks
}

/// A run of posts at the top that have a headline and no text, whose times run apart from
/// the posts after them, is the page's list of key events, not posts: "9.10pm Labor says
/// …", "8.43pm One new case …", then "11.39pm" over the newest post's text.
fn key_events_list(lines: &[Line], marks: &[usize], meta: &[bool]) -> usize {
    let text_between = |from: usize, to: usize| {
        (from + 1..to).any(|j| !meta[j] && lines[j].text.chars().any(char::is_alphanumeric))
    };
    let has_text = |n: usize| {
        let end = marks.get(n + 1).copied().unwrap_or(lines.len());
        text_between(marks[n], end)
    };
    let lead = (0..marks.len()).take_while(|&n| !has_text(n)).count();
    let rest_with_text = (lead..marks.len()).filter(|&n| has_text(n)).count();
    if lead < 2 || rest_with_text < 2 {
        return 0;
    }
    let key = |n: usize| lines[marks[n]].is.mark.and_then(|m| order_key(&m));
    let (Some(first), Some(last), Some(next), Some(after)) = (
        key(0),
        key(lead - 1),
        key(lead),
        marks.get(lead + 1).and_then(|_| key(lead + 1)),
    ) else {
        return 0;
    };
    // The list runs one way and the posts the same way, but the posts start over.
    let down = first >= last && next >= after;
    let up = first <= last && next <= after;
    let restarts = (down && next > last) || (up && next < last);
    if restarts {
        lead
    } else {
        0
    }
}

/// Finds the lines that open updates, and the layout they reveal.
pub(super) fn find_update_starts(
    lines: &mut [Line],
    roles: &[Role],
    blank_separated: bool,
) -> Plan {
    let mut meta = vec![false; lines.len()];
    let mut time_marks = page_marks(lines, roles, blank_separated, &mut meta);
    let listed = key_events_list(lines, &time_marks, &meta);
    time_marks.drain(..listed);
    let lines: &[Line] = lines;
    let opens_block = |i: usize| !blank_separated || lines[i].blank_before || i == 0;
    // The page's posts open with their text when most marks that have words after them
    // have prose there.
    let rests: Vec<bool> = time_marks
        .iter()
        .filter_map(|&i| lines[i].is.mark.filter(|m| !m.rest.is_empty()))
        .map(|m| m.rest_is_prose)
        .collect();
    let rests_are_body = rests.iter().filter(|&&p| p).count() * 2 > rests.len();
    // Of the posts whose time stands alone, how many have a headline under it.
    let (mut alone, mut headed) = (0, 0);
    for (n, &t) in time_marks.iter().enumerate() {
        if lines[t].is.mark.is_some_and(|m| m.rest.is_empty()) {
            let mut i = t + 1;
            while i < lines.len() && meta[i] {
                i += 1;
            }
            let end = time_marks.get(n + 1).copied().unwrap_or(lines.len());
            alone += 1;
            headed += usize::from(headline_under_time(lines, roles, i, end));
        }
    }
    let headlines_under_times = headed * 3 >= alone;
    let plan = |layout, starts, meta: &[bool]| Plan {
        layout,
        starts,
        meta: meta.to_vec(),
        rests_are_body: rests_are_body && layout == Layout::Time,
        headlines_under_times,
    };

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
        let items = untimed_items(lines, roles, &starts);
        let mut starts: Vec<usize> = starts;
        starts.extend(untimed_posts(lines, roles, blank_separated, &starts));
        starts.extend(items);
        crate::sorting::sort_by_rank(&mut starts, |&s| s as u64);
        // An author's name or a kicker the page repeats right above each post opens it.
        let counts = repeat_counts(lines);
        let kicked = |s: usize| s > 0 && is_repeated_head(lines, roles, &counts, s - 1);
        if starts.iter().filter(|&&s| kicked(s)).count() * 3 >= starts.len() * 2 {
            for s in &mut starts {
                if kicked(*s) {
                    *s -= 1;
                    meta[*s] = true;
                }
            }
        }
        return plan(Layout::Time, starts, &meta);
    }
    if numbered_ok {
        return plan(Layout::Numbered, numbered_heads, &meta);
    }
    // Posts under an author's name or a kicker the page repeats, each over its post (with
    // or without a headline): the most repeated such line opens them.
    let counts = repeat_counts(lines);
    let heads: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            opens_block(i)
                && is_repeated_head(lines, roles, &counts, i)
                && lines
                    .get(i + 1)
                    .is_some_and(|next| next.text != lines[i].text)
        })
        .collect();
    let most = heads.iter().map(|&i| counts[i]).max().unwrap_or(0);
    let repeated: Vec<usize> = heads.into_iter().filter(|&i| counts[i] == most).collect();
    if repeated.len() >= 2 {
        let text = lines[repeated[0]].text;
        let starts: Vec<usize> = repeated
            .into_iter()
            .filter(|&i| lines[i].text == text)
            .collect();
        if starts.len() >= 2 {
            for &s in &starts {
                meta[s] = true;
            }
            return plan(Layout::Headline, starts, &meta);
        }
    }
    let headlines = (0..lines.len())
        .filter(|&i| heads_a_post(lines, roles, blank_separated, i))
        .collect();
    plan(Layout::Headline, headlines, &meta)
}

/// A headline-shaped line that opens a block and has the post's text under it.
fn heads_a_post(lines: &[Line], roles: &[Role], blank_separated: bool, i: usize) -> bool {
    let opens_block = !blank_separated || lines[i].blank_before || i == 0;
    roles[i] == Role::Unassigned
        && opens_block
        && lines[i].is.shape == Shape::Headline
        && !lines[i].is.bullet
        && !lines[i].is.day_heading
        && !lines[i].is.date_line
        && !lines[i].is.byline
        && !lines[i].is.ui
        && !in_colon_list(lines, i)
        && body_follows(lines, roles, i + 1)
}

/// Where the page's times each open an item of a list (a bullet at one indent), an item of
/// that list without a time is a post too (the sign-off above the first timed item):
/// items of prose right above the first mark or between marks, in the same run of lines.
fn untimed_items(lines: &[Line], roles: &[Role], marks: &[usize]) -> Vec<usize> {
    let (Some(&first), Some(&last)) = (marks.first(), marks.last()) else {
        return Vec::new();
    };
    let indent = lines[first].indent;
    let item = |i: usize| lines[i].is.bullet && lines[i].indent == indent;
    if marks.iter().filter(|&&m| item(m)).count() * 3 < marks.len() * 2 {
        return Vec::new();
    }
    let untimed = |i: usize| {
        item(i)
            && roles[i] == Role::Unassigned
            && lines[i].is.mark.is_none()
            && lines[i].is.shape == Shape::Prose
    };
    let mut out: Vec<usize> = (first + 1..last).filter(|&i| untimed(i)).collect();
    let mut i = first;
    while i > 0 && !lines[i].blank_before && untimed(i - 1) {
        i -= 1;
        out.push(i);
    }
    out
}

/// Untimed posts among timed ones, where a page changes its layout part way (newer posts
/// timed, older ones under headlines alone): a timed post many times longer than the
/// page's usual post that holds two or more headlines, each over its own text, holds
/// posts of its own. A long post with one subheading stays one post.
fn untimed_posts(
    lines: &[Line],
    roles: &[Role],
    blank_separated: bool,
    starts: &[usize],
) -> Vec<usize> {
    let mut lengths: Vec<usize> = starts
        .iter()
        .enumerate()
        .map(|(n, &s)| starts.get(n + 1).copied().unwrap_or(lines.len()) - s)
        .collect();
    crate::sorting::sort_by_rank(&mut lengths, |&l| l as u64);
    let usual = lengths.get(lengths.len() / 2).copied().unwrap_or(0);
    let mut out = Vec::new();
    for (n, &s) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        if end - s < 6.max(usual * 3) {
            continue;
        }
        let heads: Vec<usize> = (s + 2..end)
            .filter(|&i| heads_a_post(lines, roles, blank_separated, i))
            .collect();
        if heads.len() >= 2 {
            out.extend(heads);
        }
    }
    out
}
