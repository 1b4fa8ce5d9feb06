//! Plain text → [`LiveBlog`].
//!
//! The parser reads lines by their shape and position, never by their words:
//!
//! 1. Each non-blank line is read on its own: a time mark (`10:30 a.m. Headline`,
//!    `7.22pm BST`), a numbered post (`1. Headline`), a date line, a credited photo caption,
//!    a headline-shaped line (short, capitalised, no closing full stop) or prose.
//! 2. Captions are paired: a description line directly above a credited caption is one photo.
//! 3. The document's layout is chosen by what repeats: time marks, numbered posts, or
//!    headlines followed by prose. Each occurrence opens an update.
//! 4. What comes before the first update is the header, where the title is the first
//!    headline-shaped line that is followed by content rather than by clutter or a date.
//!
//! Every non-blank line lands exactly once in the model.

mod layout;
mod lines;

use crate::clock::{date_at, dates_in, Date};
use crate::model::{Image, LiveBlog, Span, Status, Update, Warning, WarningCode};
use layout::*;
use lines::*;

pub(crate) use lines::credit_split;

/// Phrases by which a page says that coverage has ended (matched case-insensitively).
const CLOSED_PHRASES: &[&str] = &[
    "live blog is now closed",
    "blog is now closed",
    "live coverage has ended",
    "live coverage has now ended",
    "we are closing this live",
    "we're closing this live",
    "we are pausing our live",
    "we're pausing our live",
    "no longer being updated",
    "that's all from the live team",
    "that’s all from the live team",
    "this live page has now ended",
    "we are ending our live coverage",
    "we're ending our live coverage",
    "we’re ending our live coverage",
    "that's it for today",
    "that’s it for today",
    "that's all for today",
    "that’s all for today",
    "that's all from us",
    "that’s all from us",
    "thanks for following our coverage",
];

/// Whole lines that mark a page as live (matched case-insensitively).
const LIVE_BADGES: &[&str] = &[
    "live",
    "live reporting",
    "live updates",
    "live coverage",
    "breaking news live",
];

/// Separators that make a line a breadcrumb trail ("News / World / Europe").
const BREADCRUMB_SEPARATORS: &[&str] = &[" / ", " | ", " > ", " » ", " › "];

/// Parses a plain-text live blog. Never fails: odd input yields a model with warnings.
pub(crate) fn parse_text(input: &str) -> LiveBlog {
    let physical = split_lines(input);
    let groups = wrapped_groups(&physical);
    // Lines joined from a hard-wrapped paragraph are owned here; the rest borrow the input.
    let joined: Vec<String> = groups
        .iter()
        .filter(|g| g.len() > 1)
        .map(|g| {
            g.iter()
                .map(|&i| physical[i].text)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let mut lines = unwrap_lines(&physical, &groups, &joined);
    let mut roles = vec![Role::Unassigned; lines.len()];
    let blank_separated = is_blank_separated(&lines);
    pair_captions(&lines, &mut roles, blank_separated);

    let plan = find_update_starts(&mut lines, &roles, blank_separated);
    let lines = lines;
    let layout = plan.layout;
    let mut starts = plan.starts.clone();
    // With headlines as the layout, the title is itself headline + prose, so the first of
    // them may be the title rather than an update.
    let title_search_end = match layout {
        Layout::Headline => starts
            .get(1)
            .or(starts.first())
            .map_or(lines.len(), |&s| s + 1),
        _ => starts.first().copied().unwrap_or(lines.len()),
    };
    let title = repeated_title(&lines, &roles, title_search_end)
        .or_else(|| find_title(&lines, &roles, title_search_end))
        .or_else(|| {
            // The first line of the text may be the title with the first update right under it.
            let first = lines.first()?;
            (starts.first() == Some(&1)
                && roles[0] == Role::Unassigned
                && is_title_shaped(first.text, 5))
            .then_some(0)
        });
    if layout == Layout::Headline {
        // The title is a headline followed by prose too: it does not open an update, nor
        // does anything above it.
        if let Some(t) = title {
            starts.retain(|&s| s > t);
        }
    }

    let mut blog = LiveBlog {
        format: "text".into(),
        ..LiveBlog::default()
    };
    let first_start = starts.first().copied().unwrap_or(lines.len());
    // Day headings right above an update belong to it.
    let mut day_heading_of = vec![None; lines.len()];
    let mut is_start = vec![false; lines.len()];
    for &s in &starts {
        is_start[s] = true;
    }
    for &s in &starts {
        if s > 0
            && roles[s - 1] == Role::Unassigned
            && lines[s - 1].is.day_heading
            && !is_start[s - 1]
        {
            day_heading_of[s] = Some(s - 1);
        }
    }
    let header_end = day_heading_of
        .get(first_start)
        .copied()
        .flatten()
        .unwrap_or(first_start);

    // The header.
    let mut summary = None;
    if let Some(t) = title {
        blog.title = Some(heading_text(lines[t].text).to_string());
        summary = find_summary(&lines, &roles, t, header_end);
        blog.summary = summary.map(|s| lines[s].text.to_string());
    }
    let source_line = lines.len().checked_sub(1).filter(|&last| {
        roles[last] == Role::Unassigned && is_source_line(lines[last].text) && last >= first_start
    });
    let mut i = 0;
    while i < header_end {
        if Some(i) == title || Some(i) == summary {
            i += 1;
            continue;
        }
        i += take_body_line(&lines, &roles, i, &mut blog.header, &mut blog.images);
    }

    // The updates.
    for (n, &start) in starts.iter().enumerate() {
        let end = starts
            .get(n + 1)
            .map(|&next| day_heading_of[next].unwrap_or(next))
            .unwrap_or(lines.len());
        let end = match source_line {
            Some(s) if s < end => s,
            _ => end,
        };
        blog.updates.push(build_update(
            &lines,
            &roles,
            &plan,
            start,
            end,
            day_heading_of[start],
        ));
    }
    if let Some(s) = source_line {
        blog.source = Some(lines[s].text.to_string());
    }

    blog.status = find_status(&blog);
    blog.date = find_blog_date(&lines, &blog);
    assign_ids(&mut blog);
    add_warnings(&lines, &mut blog);
    blog
}

/// Separators between a page's title and its site's name ("… as it happened - ABC News").
const SITE_NAME_SEPARATORS: &[&str] = &[" - ", " | ", " – ", " — ", " :: "];

/// A title the page prints twice near its top, as its window title (often with the site's
/// name after it) and again as its headline: the later copy, the headline, when it is
/// title-shaped. Looked for in the first lines only, where titles are.
fn repeated_title(lines: &[Line], roles: &[Role], end: usize) -> Option<usize> {
    const TOP: usize = 40;
    let top = &lines[..end.min(lines.len()).min(TOP)];
    let same = |earlier: &str, text: &str| {
        earlier == text
            || earlier.strip_prefix(text).is_some_and(|after| {
                SITE_NAME_SEPARATORS
                    .iter()
                    .any(|sep| after.starts_with(sep))
            })
    };
    (1..top.len()).find(|&i| {
        roles[i] == Role::Unassigned
            && top[..i].iter().any(|l| same(l.text, top[i].text))
            && is_title_shaped(top[i].text, 2)
    })
}

/// The title: the first headline-shaped line of the header (three words or more) that is
/// followed by content (a standfirst, prose or a photo), not by a date or more clutter, and
/// not by a longer line that is itself such a title ("Skip to main content" above the
/// page's real headline).
fn find_title(lines: &[Line], roles: &[Role], end: usize) -> Option<usize> {
    let end = end.min(lines.len());
    let candidate = |i: usize| {
        let next_is_content = lines.get(i + 1).is_some_and(|next| {
            roles[i + 1] != Role::Unassigned
                || (!next.is.date_line
                    && !next.is.day_heading
                    && (next.is.shape == Shape::Prose || next.text.split_whitespace().count() >= 8))
        });
        roles[i] == Role::Unassigned && is_title_shaped(lines[i].text, 3) && next_is_content
    };
    let words = |i: usize| lines[i].text.split_whitespace().count();
    (0..end).find(|&i| {
        candidate(i)
            && !(i + 1 < lines.len()
                && candidate(i + 1)
                && words(i + 1) > words(i)
                && lines[i + 1].is.shape == Shape::Headline)
    })
}

/// A headline-shaped line of at least `min_words` words that is not a list item, a date or
/// a breadcrumb trail.
fn is_title_shaped(text: &str, min_words: usize) -> bool {
    shape(text) == Shape::Headline
        && text.split_whitespace().count() >= min_words
        && !is_bullet(text)
        && !is_date_line(text)
        && strict_time_mark(text).is_none()
        && numbered(text).is_none()
        && !is_ui_line(text)
        && !is_byline(text)
        && !BREADCRUMB_SEPARATORS.iter().any(|s| text.contains(s))
}

/// The standfirst: the line right under the title, when it is a sentence or a long line.
fn find_summary(lines: &[Line], roles: &[Role], title: usize, end: usize) -> Option<usize> {
    let i = title + 1;
    (i < end
        && roles[i] == Role::Unassigned
        && !lines[i].is.bullet
        && !lines[i].is.date_line
        && (lines[i].is.shape == Shape::Prose || lines[i].text.split_whitespace().count() >= 8))
        .then_some(i)
}

/// Puts line `i` (and the caption line after it, for a photo) into `paragraphs` or
/// `images`; returns how many lines it took.
fn take_body_line(
    lines: &[Line],
    roles: &[Role],
    i: usize,
    paragraphs: &mut Vec<String>,
    images: &mut Vec<Image>,
) -> usize {
    match roles[i] {
        Role::ImageAlt => {
            let (caption, credit) =
                credit_split(lines[i + 1].text).unwrap_or((lines[i + 1].text, ""));
            // Under a credit alone on its line, the line above is the caption, not an alt.
            let (alt, caption) = if caption.is_empty() {
                (None, lines[i].text)
            } else {
                (Some(lines[i].text.to_string()), caption)
            };
            images.push(Image {
                alt,
                caption: Some(caption.to_string()),
                credit: Some(credit.to_string()).filter(|c| !c.is_empty()),
            });
            2
        }
        Role::ImageCaption => {
            let (caption, credit) = credit_split(lines[i].text).unwrap_or((lines[i].text, ""));
            images.push(Image {
                alt: None,
                caption: Some(caption.to_string()).filter(|c| !c.is_empty()),
                credit: Some(credit.to_string()).filter(|c| !c.is_empty()),
            });
            1
        }
        Role::Unassigned => {
            paragraphs.push(lines[i].text.to_string());
            1
        }
    }
}

/// Builds the update made of lines `start..end`.
fn build_update(
    lines: &[Line],
    roles: &[Role],
    plan: &Plan,
    start: usize,
    end: usize,
    day: Option<usize>,
) -> Update {
    let mut update = Update {
        day_heading: day.map(|d| lines[d].text.to_string()),
        ..Update::default()
    };
    let span_start = day.map_or(lines[start].start, |d| lines[d].start);
    let mut i = start;
    // A time mark's parts: the time, who wrote the post, and the headline or first words.
    let take_mark = |update: &mut Update, mark: &TimeMark| {
        if !mark.lead.is_empty() {
            update.labels.push(mark.lead.to_string());
        }
        if update.time.is_none() {
            update.time = Some(mark.time.to_string());
        } else {
            update.labels.push(mark.time.to_string());
        }
        update.byline = update.byline.take().or(mark.byline.map(str::to_string));
        if mark.rest.is_empty() {
        } else if mark.rest_is_prose || plan.rests_are_body || update.headline.is_some() {
            update.paragraphs.push(mark.rest.to_string());
        } else {
            update.headline = Some(mark.rest.to_string());
        }
    };
    // Head lines the page repeats above each post: an author's name, or a kicker.
    while i < end && plan.meta[i] && lines[i].is.mark.is_none() {
        let text = strip_bullet(lines[i].text);
        // A name of two to four capitalised words is an author's; a kicker is a label.
        let author = (2..=4).contains(&text.split_whitespace().count()) && is_name_shaped(text);
        if author && update.byline.is_none() {
            update.byline = Some(text.to_string());
        } else {
            update.labels.push(lines[i].text.to_string());
        }
        i += 1;
    }
    match plan.layout {
        Layout::Time => {
            if let Some(mark) = lines[i].is.mark {
                take_mark(&mut update, &mark);
                i += 1;
            } else {
                // A headline above its time, or an untimed post among timed ones: under a
                // headline, or an item of the page's list in prose.
                if lines[i].is.shape == Shape::Prose {
                    update
                        .paragraphs
                        .push(strip_bullet(lines[i].text).to_string());
                } else {
                    update.headline = Some(heading_text(lines[i].text).to_string());
                }
                i += 1;
                if let Some(mark) = lines.get(i).filter(|_| i < end).and_then(|l| l.is.mark) {
                    take_mark(&mut update, &mark);
                    i += 1;
                }
            }
            // A second time right under the first ("23:39" under "11.39pm EST").
            while i < end && plan.meta[i] {
                if let Some(mark) = lines[i].is.mark.or(lines[i].is.loose) {
                    take_mark(&mut update, &mark);
                }
                i += 1;
            }
            // A time alone, then a headline, then the body, where the page heads its posts
            // so.
            if plan.headlines_under_times
                && update.headline.is_none()
                && update.paragraphs.is_empty()
                && headline_under_time(lines, roles, i, end)
            {
                update.headline = Some(heading_text(lines[i].text).to_string());
                i += 1;
            }
        }
        Layout::Numbered => {
            if let Some((n, rest)) = lines[i].is.numbered {
                update.number = Some(n);
                update.headline = Some(rest.to_string());
            }
            i += 1;
        }
        Layout::Headline => {
            // Under a repeated head line, a post may have no headline of its own.
            let headed = i == start
                || (i < end
                    && lines[i].is.shape == Shape::Headline
                    && !lines[i].is.bullet
                    && body_follows(lines, roles, i + 1));
            if headed {
                update.headline = Some(heading_text(lines[i].text).to_string());
                i += 1;
            }
            if let Some(mark) = lines.get(i).filter(|_| i < end).and_then(|l| l.is.mark) {
                if mark.rest.is_empty() {
                    update.time = Some(mark.time.to_string());
                    i += 1;
                }
            }
        }
    }
    while i < end {
        i += take_body_line(lines, roles, i, &mut update.paragraphs, &mut update.images);
    }
    update.links = update
        .paragraphs
        .iter()
        .flat_map(|p| p.split_whitespace())
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(|w| {
            w.trim_end_matches(['.', ',', ')', ';', '”', '"'])
                .to_string()
        })
        .collect();
    let last = end.max(start + 1).min(lines.len()) - 1;
    update.span = Span {
        start: span_start,
        end: lines[last].end,
    };
    update
}

fn contains_phrase(text: &str, phrases: &[&str]) -> bool {
    let lower = text.to_ascii_lowercase();
    phrases.iter().any(|p| lower.contains(p))
}

/// Closed when the header or an update at either end of the page says so; live when the
/// header wears a live badge.
fn find_status(blog: &LiveBlog) -> Option<Status> {
    let edges = [blog.updates.first(), blog.updates.last()];
    let closed = blog
        .header
        .iter()
        .any(|h| contains_phrase(h, CLOSED_PHRASES))
        || blog
            .summary
            .as_deref()
            .is_some_and(|s| contains_phrase(s, CLOSED_PHRASES))
        || edges
            .iter()
            .flatten()
            .flat_map(|u| u.paragraphs.iter())
            .any(|p| contains_phrase(p, CLOSED_PHRASES));
    if closed {
        return Some(Status::Closed);
    }
    let live = blog
        .header
        .iter()
        .any(|h| LIVE_BADGES.iter().any(|b| h.eq_ignore_ascii_case(b)));
    live.then_some(Status::Live)
}

/// The blog's day: a date the header states ("updates for January 24", a date line) with
/// its year taken from any full date in the text, else the first day heading, else the
/// first full date anywhere (a dated caption).
fn find_blog_date(lines: &[Line], blog: &LiveBlog) -> Option<String> {
    let all = || lines.iter().flat_map(|l| dates_in(l.text));
    let with_year = |d: Date| -> Option<Date> {
        if d.year.is_some() {
            return Some(d);
        }
        all()
            .find(|o| o.year.is_some() && o.month == d.month && o.day == d.day)
            .or_else(|| all().find(|o| o.year.is_some()))
            .map(|o| Date { year: o.year, ..d })
    };
    let header_dates = blog
        .header
        .iter()
        .chain(blog.summary.iter())
        .flat_map(|h| dates_in(h))
        .collect::<Vec<_>>();
    let day_heading = blog
        .updates
        .iter()
        .find_map(|u| u.day_heading.as_deref())
        .and_then(|d| date_at(d).map(|(d, _)| d));
    header_dates
        .into_iter()
        .chain(day_heading)
        .chain(all())
        .find_map(with_year)
        .and_then(Date::iso)
}

/// Gives each update an id, `u1` for the earliest, so that ids survive new updates.
/// Pages list updates newest first unless their times say otherwise.
fn assign_ids(blog: &mut LiveBlog) {
    blog.order = crate::extract::time::detect_order(&blog.updates);
    crate::extract::time::number_updates(blog);
}

fn add_warnings(lines: &[Line], blog: &mut LiveBlog) {
    if blog.updates.is_empty() && !lines.is_empty() {
        blog.warnings.push(Warning {
            code: WarningCode::NoUpdates,
            message: "no updates could be told apart; the whole text is in the header".into(),
            line: None,
        });
    }
    if let Some(last) = lines.last() {
        let ends_cleanly = last
            .text
            .ends_with(['.', '!', '?', '”', '"', '’', '\'', ')', ']', '…', '»'])
            || Some(last.text) == blog.source.as_deref()
            || blog
                .updates
                .last()
                .is_some_and(|u| u.paragraphs.is_empty() && u.images.is_empty());
        if !ends_cleanly {
            blog.warnings.push(Warning {
                code: WarningCode::Truncated,
                message: "the text ends mid-sentence; the last update may be incomplete".into(),
                line: Some(last.number),
            });
        }
    }
}
