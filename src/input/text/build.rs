//! The model from the chosen layout: the header (title, standfirst, clutter, photos), each
//! post as an update, and what the page says about itself (status, date, warnings).

use super::form::{credit_split, heading_text, is_source_line, is_title_shaped, Mark, Rest, Shape};
use super::induce::{Opener, Page, Part, Post, Reading};
use super::lines::{Line, Photo};
use super::tables::{CLOSED_PHRASES, LIVE_BADGES};
use crate::clock::{date_at, dates_in, Date};
use crate::model::{Image, LiveBlog, Span, Status, Update, Warning, WarningCode};

/// Below this fit (content, order, coverage, recurrence, nothing swallowed; not the opener's
/// strength) no layout explains the page well, and the model says so.
const CLEAR_LAYOUT: f64 = 0.6;

pub(super) fn build(page: &Page, reading: &Reading) -> LiveBlog {
    let lines = page.lines;
    let n = lines.len();
    let posts = &reading.posts;
    let mut blog = LiveBlog {
        format: "text".into(),
        ..LiveBlog::default()
    };
    let header_end = posts.first().map_or(n, |p| p.start);
    let title = reading
        .title
        .or_else(|| find_title(page, header_end))
        .or_else(|| {
            // The first line of the text may be the title with the first update right under
            // it.
            let first = lines.first()?;
            (header_end == 1 && page.photo[0] == Photo::None && is_title_shaped(first.text, 5))
                .then_some(0)
        });
    let mut summary = None;
    if let Some(t) = title {
        blog.title = Some(heading_text(lines[t].is.body).to_string());
        summary = find_summary(page, t, header_end);
        blog.summary = summary.map(|s| lines[s].text.to_string());
    }
    let source_line = n.checked_sub(1).filter(|&last| {
        page.photo[last] == Photo::None
            && is_source_line(lines[last].text)
            && last >= header_end
            && posts.last().is_none_or(|p| p.start < last)
    });
    let mut i = 0;
    while i < header_end {
        if Some(i) == title || Some(i) == summary {
            i += 1;
            continue;
        }
        i += take_body_line(page, i, &mut blog.header, &mut blog.images);
    }
    for post in posts {
        let end = match source_line {
            Some(s) if s < post.end => s,
            _ => post.end,
        };
        blog.updates.push(build_update(page, reading, post, end));
    }
    if let Some(s) = source_line {
        blog.source = Some(lines[s].text.to_string());
    }
    blog.status = find_status(&blog);
    blog.date = find_blog_date(lines, &blog);
    assign_ids(&mut blog);
    add_warnings(lines, &mut blog);
    if !blog.updates.is_empty() {
        if reading.opener == Opener::Block {
            blog.warnings.push(Warning {
                code: WarningCode::UnclearLayout,
                message: "no line opens posts as times, numbers or headlines do; updates are the blocks between blank lines".into(),
                line: None,
            });
        } else if reading.fit < CLEAR_LAYOUT {
            blog.warnings.push(Warning {
                code: WarningCode::UnclearLayout,
                message: format!(
                    "no layout explains this page well; read as posts opened by {} (fit {}%)",
                    opener_name(reading.opener),
                    (reading.fit * 100.0).round() as u32
                ),
                line: None,
            });
        }
    }
    blog
}

fn opener_name(opener: Opener) -> &'static str {
    match opener {
        Opener::Time(_) => "times",
        Opener::Numbered => "numbers",
        Opener::Bullet => "bullets",
        Opener::Headline => "headlines",
        Opener::Byline => "bylines",
        Opener::Kicker => "a repeated line",
        Opener::Block => "blank lines",
    }
}

/// The title: the first headline-shaped line of the header (three words or more) that is
/// followed by content (a standfirst, prose or a photo), not by a date or more clutter, and
/// not by a longer line that is itself such a title ("Skip to main content" above the
/// page's real headline). Failing that, a title-shaped line over a date line.
fn find_title(page: &Page, end: usize) -> Option<usize> {
    let lines = page.lines;
    let end = end.min(lines.len());
    let candidate = |i: usize| {
        let next_is_content = lines.get(i + 1).is_some_and(|next| {
            page.photo[i + 1] != Photo::None
                || (!next.is.date_line
                    && !next.is.day_heading
                    && (next.is.shape == Shape::Prose || next.text.split_whitespace().count() >= 8))
        });
        page.photo[i] == Photo::None && is_title_shaped(lines[i].text, 3) && next_is_content
    };
    let words = |i: usize| lines[i].text.split_whitespace().count();
    (0..end)
        .find(|&i| {
            candidate(i)
                && !(i + 1 < lines.len()
                    && candidate(i + 1)
                    && words(i + 1) > words(i)
                    && lines[i + 1].is.shape == Shape::Headline)
        })
        .or_else(|| {
            (0..end).find(|&i| {
                page.photo[i] == Photo::None
                    && is_title_shaped(lines[i].text, 3)
                    && !page.repeated(i)
                    && lines.get(i + 1).is_some_and(|next| next.is.date_line)
            })
        })
}

/// The standfirst: the line right under the title, when it is a sentence or a long line.
fn find_summary(page: &Page, title: usize, end: usize) -> Option<usize> {
    let lines = page.lines;
    let i = title + 1;
    (i < end
        && page.photo[i] == Photo::None
        && lines[i].is.mark.is_none()
        && !lines[i].is.date_line
        && (lines[i].is.shape == Shape::Prose || lines[i].text.split_whitespace().count() >= 8))
        .then_some(i)
}

/// Puts line `i` (and the caption line after it, for a photo) into `paragraphs` or
/// `images`; returns how many lines it took.
fn take_body_line(
    page: &Page,
    i: usize,
    paragraphs: &mut Vec<String>,
    images: &mut Vec<Image>,
) -> usize {
    let lines = page.lines;
    match page.photo[i] {
        Photo::Alt if i + 1 < lines.len() && page.photo[i + 1] == Photo::Caption => {
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
        Photo::Caption => {
            let (caption, credit) = credit_split(lines[i].text).unwrap_or((lines[i].text, ""));
            images.push(Image {
                alt: None,
                caption: Some(caption.to_string()).filter(|c| !c.is_empty()),
                credit: Some(credit.to_string()).filter(|c| !c.is_empty()),
            });
            1
        }
        _ => {
            paragraphs.push(lines[i].text.to_string());
            1
        }
    }
}

/// The text of an opening line without its mark; the mark's number goes to the update
/// (once: a second numbered line keeps its number in its text).
fn unmarked<'a>(line: &Line<'a>, update: &mut Update) -> &'a str {
    match line.is.mark {
        Some(Mark::Number(n)) if update.number.is_none() => {
            update.number = Some(n);
            line.is.body
        }
        Some(Mark::Number(_)) => line.text,
        _ => line.is.body,
    }
}

/// What follows a post's time (or number) on its line, put where its kind says: a byline or
/// a headline when the post has none yet (a headline only where `headed` agrees), else a
/// paragraph.
fn put_rest(update: &mut Update, rest: &str, kind: Rest, headed: impl FnOnce() -> bool) {
    match kind {
        Rest::Empty => {}
        Rest::Byline if update.byline.is_none() => update.byline = Some(rest.to_string()),
        Rest::Headline if update.headline.is_none() && headed() => {
            update.headline = Some(rest.to_string())
        }
        _ => update.paragraphs.push(rest.to_string()),
    }
}

fn add_label(update: &mut Update, label: &str) {
    let opens = |word: &str| {
        label
            .get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
    };
    if opens("key event") {
        update.key_event = true;
    }
    if opens("pinned") {
        update.pinned = true;
    }
    update.labels.push(label.to_string());
}

/// Builds the update made of the post's lines up to `end`.
fn build_update(page: &Page, reading: &Reading, post: &Post, end: usize) -> Update {
    let lines = page.lines;
    let mut update = Update {
        in_page: true,
        ..Update::default()
    };
    let mut i = post.start;
    while i < end {
        let line = &lines[i];
        // A second numbered line of an opening keeps its number in its text, as body.
        let part = post.part(i).filter(|_| {
            !(matches!(line.is.mark, Some(Mark::Number(_))) && update.number.is_some())
        });
        match part {
            // A second date in one post (a date line repeated) is body, never lost.
            Some(Part::DayHeading) if update.day_heading.is_none() => {
                update.day_heading = Some(line.text.to_string())
            }
            Some(Part::Label) => add_label(&mut update, line.text),
            Some(Part::Byline) if update.byline.is_none() => {
                update.byline = Some(unmarked(line, &mut update).to_string());
            }
            Some(Part::Headline) if update.headline.is_none() => {
                let text = unmarked(line, &mut update);
                let heading = match line.is.label {
                    Some(label) if !label.rest.is_empty() => {
                        add_label(&mut update, label.label);
                        label.rest
                    }
                    _ => heading_text(text),
                };
                update.headline = Some(heading.trim().to_string());
            }
            Some(Part::Time) if update.time.is_none() => {
                unmarked(line, &mut update);
                let mark = line.is.time.expect("a time part is a time line");
                update.time = Some(mark.time.to_string());
                if mark.lead_is_name && update.byline.is_none() {
                    update.byline = Some(mark.lead.to_string());
                } else if !mark.lead.is_empty() {
                    add_label(&mut update, mark.lead);
                }
                let rest = mark.rest;
                let rest = rest
                    .strip_suffix("**")
                    .or_else(|| rest.strip_suffix("__"))
                    .unwrap_or(rest)
                    .trim_end();
                put_rest(&mut update, rest, mark.rest_kind, || {
                    page.headed_rest(i, reading.rests)
                });
            }
            Some(Part::SecondTime) => {
                unmarked(line, &mut update);
                let mark = line.is.time.expect("a second time part is a time line");
                if !mark.lead.is_empty() {
                    add_label(&mut update, mark.lead);
                }
                add_label(&mut update, mark.time);
                let rest = mark.rest.trim_end();
                put_rest(&mut update, rest, mark.rest_kind, || {
                    page.headed_rest(i, reading.rests)
                });
            }
            Some(Part::Anchor) => {
                let text = unmarked(line, &mut update);
                update.paragraphs.push(text.to_string());
            }
            Some(_) => update.paragraphs.push(line.text.to_string()),
            None if page.photo[i] == Photo::None && page.furniture(i) => {
                add_label(&mut update, line.text)
            }
            None => {
                i += take_body_line(page, i, &mut update.paragraphs, &mut update.images);
                continue;
            }
        }
        i += 1;
    }
    update.links = update
        .paragraphs
        .iter()
        .flat_map(|p| p.split_whitespace())
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(|w| {
            w.trim_end_matches(&['.', ',', ')', ';', '”', '"'][..])
                .to_string()
        })
        .collect();
    let last = end.max(post.start + 1).min(lines.len()) - 1;
    update.span = Span {
        start: lines[post.start].start,
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
    blog.order = crate::extract::time::detect_order(&blog.updates, super::form::whole_match_clock);
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
            .ends_with(&['.', '!', '?', '”', '"', '’', '\'', ')', ']', '…', '»'][..])
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
