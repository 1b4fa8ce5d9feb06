//! Which lines open posts: the page's layout, induced from what it repeats.
//!
//! Every kind of line that could open a post is a candidate: each kind of time the page
//! prints (a kind is its form and label: `7.22pm`, `Posted at 14:05`, `2 hours ago`,
//! `1458`), numbered headings, bullets, headlines over prose, bylines, a line repeated
//! verbatim, and as a last resort blank-line blocks. For each candidate the posts are
//! assembled the same way: its lines are the anchors, each extended up and down over the
//! lines a post's opening carries (a headline above or below the time, a kicker, a badge,
//! a byline, a second time line, a day heading), with the side of each decided once for the
//! whole page by a vote of its posts. Then each candidate is scored by how well it explains
//! the page:
//!
//! - **strength**: how surely that kind of line opens posts (a time more than a headline),
//! - **content**: every post has text of its own, and the last is not an empty opener,
//! - **order**: the times run one way (allowing one turn of the clock),
//! - **coverage**: little of the page is left above the first post,
//! - **recurrence**: more than one post,
//! - **nothing swallowed**: no post holds further times that open lines as posts do.
//!
//! The best explanation wins; [`Reading::score`] says how well it did.

use super::form::{is_name, is_title_shaped, Mark, Rest, Sep, Shape, TimeForm, TimeKey};
use super::lines::{Line, Photo};
use super::tables::BREADCRUMB_SEPARATORS;
use crate::fxhash::FxMap;

/// The kind of line a candidate layout opens its posts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Opener {
    Time(TimeKey),
    Numbered,
    Bullet,
    Headline,
    Byline,
    /// A line repeated verbatim above each post.
    Kicker,
    /// Blocks between blank lines: no opener at all.
    Block,
}

/// What a line of a post's opening is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    DayHeading,
    /// A badge, a kicker, a second time line.
    Label,
    Byline,
    Headline,
    /// A line holding the post's time (and maybe its headline, prose or byline).
    Time,
    /// A second time line under the post's time, its text (if any) read as after a time.
    SecondTime,
    /// The line the post opens with when it is none of the above (a numbered or bulleted
    /// heading, a kicker or a block's first line): its text is read by [`super::build`].
    Anchor,
}

/// A post: its lines `start..end`, and the parts of its opening.
#[derive(Debug, Clone)]
pub(super) struct Post {
    pub start: usize,
    pub end: usize,
    pub parts: Vec<(usize, Part)>,
}

impl Post {
    pub(super) fn part(&self, i: usize) -> Option<Part> {
        self.parts.iter().find(|(j, _)| *j == i).map(|&(_, p)| p)
    }

    fn has(&self, part: Part) -> bool {
        self.parts.iter().any(|&(_, p)| p == part)
    }
}

/// The layout chosen for a page.
#[derive(Debug, Clone)]
pub(super) struct Reading {
    pub opener: Opener,
    pub posts: Vec<Post>,
    /// How well the layout explains the page, 0 to 1: its opener's strength times its fit.
    pub score: f64,
    /// How well the posts fit the page, whatever opens them, 0 to 1.
    pub fit: f64,
    /// What follows a time on its line: a headline when headline-shaped, or the post's
    /// first words.
    pub rests: Rests,
    /// The line that titles the page, when the posts' own form gives it away (a headline
    /// over prose at the top of a page of headlines over prose).
    pub title: Option<usize>,
}

/// What follows the times on their lines, voted once for the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rests {
    /// A headline when headline-shaped.
    Headed,
    /// The post's first words (posts alike inside: "10:05: Incomplete pass." and "10:02: Is
    /// this the end?"), set apart by this mark when most of them are (a space for spaces): a
    /// headline-shaped rest after another mark is a headline ("10:51 | Amendment defeated"
    /// where the others print "10:41   The budget has passed …").
    Prose(Option<char>),
}

/// The page as the candidates see it.
pub(super) struct Page<'p, 'a> {
    pub lines: &'p [Line<'a>],
    pub photo: &'p [Photo],
    pub blank_separated: bool,
    /// How many lines of the page have this line's text.
    repeats: Vec<usize>,
}

impl<'p, 'a> Page<'p, 'a> {
    pub(super) fn new(lines: &'p [Line<'a>], photo: &'p [Photo], blank_separated: bool) -> Self {
        let mut count: FxMap<&str, usize> =
            FxMap::with_capacity_and_hasher(lines.len(), Default::default());
        for l in lines {
            *count.entry(l.text).or_default() += 1;
        }
        let repeats = lines.iter().map(|l| count[l.text]).collect();
        Page {
            lines,
            photo,
            blank_separated,
            repeats,
        }
    }

    /// A line whose text the page prints again: a kicker or furniture, if anything.
    pub(super) fn repeated(&self, i: usize) -> bool {
        self.repeats[i] >= 2
    }

    /// A line the page prints three times or more: never a headline (two posts may share
    /// one headline; a kicker or furniture comes with most posts).
    fn recurring(&self, i: usize) -> bool {
        self.repeats[i] >= 3
    }

    fn free(&self, i: usize) -> bool {
        self.photo[i] == Photo::None
    }

    fn opens_block(&self, i: usize) -> bool {
        !self.blank_separated || self.lines[i].blank_before || i == 0
    }

    /// A line that can be a post's headline: headline-shaped, free, and not a time, date,
    /// byline, badge, furniture or a line the page repeats.
    pub(super) fn heading_line(&self, i: usize) -> bool {
        let Some(l) = self.lines.get(i) else {
            return false;
        };
        let is = &l.is;
        let shaped = match is.label {
            Some(label) if label.rest.is_empty() => false,
            Some(label) => super::form::shape(label.rest) == Shape::Headline,
            None => is.shape == Shape::Headline,
        };
        shaped
            && self.free(i)
            && is.time.is_none()
            && !is.ui
            && !is.byline
            && !is.day_heading
            && !is.date_line
            && !(is.mark.is_some() && is_name(is.body))
            && !BREADCRUMB_SEPARATORS.iter().any(|s| l.text.contains(s))
            && !self.recurring(i)
    }

    /// A time alone on its line (or with a byline only): `7.22pm BST`, `21:38 , Jane Okoro`.
    fn bare_time(&self, i: usize) -> bool {
        self.lines.get(i).is_some_and(|l| {
            self.free(i)
                && l.is
                    .time
                    .is_some_and(|m| matches!(m.rest_kind, Rest::Empty | Rest::Byline))
        })
    }

    /// Whether the text after the time on line `i` is the post's headline: headline-shaped,
    /// on a page whose posts do not run prose after their times, or set apart by another
    /// mark than the prose is, or with the post's body indented under it ("6:49am   Ferries
    /// cancelled" over an indented paragraph, where the page's other times run into prose).
    pub(super) fn headed_rest(&self, i: usize, rests: Rests) -> bool {
        let line = &self.lines[i];
        line.is.time.is_some_and(|m| m.rest_kind == Rest::Headline)
            && (match rests {
                Rests::Headed => true,
                Rests::Prose(mark) => {
                    mark.is_some() && self.rest_mark(i).is_some_and(|m| Some(m) != mark)
                }
            } || self.lines.get(i + 1).is_some_and(|next| {
                self.free(i + 1)
                    && next.is.time.is_none()
                    && next.is.shape == Shape::Prose
                    && next.indent > line.indent
                    && !next.blank_before
            }))
    }

    /// The mark between the time on line `i` and the text after it (`|`, `–`, `:`), a space
    /// when only spaces part them.
    fn rest_mark(&self, i: usize) -> Option<char> {
        let l = &self.lines[i];
        let m = l.is.time?;
        match m.sep {
            Sep::Space => Some(' '),
            Sep::Mark => l.text.strip_suffix(m.rest)?.trim_end().chars().next_back(),
            Sep::End | Sep::Glued => None,
        }
    }

    /// A headline with a badge glued to it ("BreakingFerries cancelled") over the post's
    /// text: it says it is a headline, whatever the page's other posts do. With no text of
    /// its own before the next time, it is the post's text ("SubstitutionAna Ruiz Eva Sol"
    /// between two match minutes).
    fn badged_headline(&self, i: usize) -> bool {
        let body = self.past_meta(i + 1);
        self.lines[i].is.label.is_some_and(|l| !l.rest.is_empty())
            && self.heading_line(i)
            && (i + 1..body).all(|k| self.lines[k].is.time.is_none())
            && self.is_body(body)
    }

    fn lone_label(&self, i: usize) -> bool {
        self.lines[i].is.label.is_some_and(|l| l.rest.is_empty())
    }

    /// Furniture, a rule of marks only ("-", "* * *") or a repeated short line: a post's
    /// label, never its text or headline. A time is never furniture, though two posts may
    /// print the same one ("Posted at 2h ago").
    pub(super) fn furniture(&self, i: usize) -> bool {
        let l = &self.lines[i];
        l.is.ui
            || !l.text.contains(char::is_alphanumeric)
            || (self.repeated(i)
                && l.is.time.is_none()
                && l.is.shape == Shape::Headline
                && l.text.split_whitespace().count() <= 6)
    }

    /// A line a post's opening may carry besides its headline and time: a badge, a byline
    /// ("By Jane Okoro", or a name with the post's mark: "• Jane Okoro"), a date, a day
    /// heading.
    fn meta_line(&self, i: usize) -> bool {
        let is = &self.lines[i].is;
        self.free(i)
            && (self.lone_label(i)
                || is.byline
                || is.mark.is_some() && is_name(is.body)
                || is.day_heading
                || is.date_line)
    }

    /// A line that reads as the body of a post: prose, a list item, a photo.
    fn is_body(&self, i: usize) -> bool {
        let Some(line) = self.lines.get(i) else {
            return false;
        };
        if !self.free(i) {
            return true;
        }
        let is = &line.is;
        if is.day_heading || is.date_line || is.time.is_some() || self.lone_label(i) {
            return false;
        }
        // A headline-shaped line with nothing after it, or only the next update's time,
        // heads nothing: it is body ("… cleared the tower at 9:39 a.m.").
        let heads_nothing = self
            .lines
            .get(i + 1)
            .is_none_or(|next| next.is.time.is_some());
        matches!(is.mark, Some(Mark::Bullet(_)))
            || is.ui
            || is.shape == Shape::Prose
            || heads_nothing
    }

    /// Whether a post's body starts at or after line `i`, past up to three lines of
    /// bylines, dates, badges and bare times that may sit between a headline and its text.
    fn body_follows(&self, i: usize) -> bool {
        self.is_body(self.past_meta(i))
    }

    /// The first line from `i` on that is not a badge, byline, date or bare time (at most
    /// three are passed).
    fn past_meta(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.lines.len() && j < i + 3 && self.free(j) {
            let meta = self.meta_line(j) || self.bare_time(j);
            if !meta {
                break;
            }
            j += 1;
        }
        j
    }

    /// Whether line `i` is an item of a list that a line ending in a colon opens ("The
    /// unions set three conditions:" then short lines).
    fn in_colon_list(&self, i: usize) -> bool {
        let mut j = i;
        while j > 0 && i - j < 12 {
            j -= 1;
            let l = &self.lines[j];
            if l.text.ends_with(':') {
                return true;
            }
            if l.is.shape != Shape::Headline || matches!(l.is.mark, Some(Mark::Bullet(_))) {
                return false;
            }
        }
        false
    }

    /// A line that opens a post as a headline over its body, not as a name under another
    /// (a list of the page's people: "Alex Marsh" over "Priya Nair").
    fn headline_opener(&self, i: usize) -> bool {
        self.heading_line(i)
            && self.opens_block(i)
            && !self.listed(i)
            && !self.name_under_name(i)
            && !self.in_colon_list(i)
            && self.body_follows(i + 1)
    }

    /// A name under a name: an item of a list of the page's people ("Alex Marsh" over
    /// "Priya Nair"), not a headline.
    fn name_under_name(&self, i: usize) -> bool {
        i > 0 && is_name(self.lines[i].is.body) && is_name(self.lines[i - 1].is.body)
    }

    /// Whether the marked line `i` heads a post rather than a list: a body follows, or a
    /// headline or a time and then a body (or the time carries the post's prose).
    fn heads_content(&self, i: usize) -> bool {
        let next = i + 1;
        self.body_follows(next)
            || self.heading_line(next) && self.body_follows(next + 1)
            || self.heading_line(self.past_meta(next))
                && self.body_follows(self.past_meta(next) + 1)
            || self.lines.get(next).is_some_and(|l| {
                l.is.time.is_some_and(|m| m.rest_kind == Rest::Prose)
                    || l.is.time.is_some() && self.body_follows(next + 1)
            })
    }

    /// A heading under another short heading, marked alike and about as short: an item of
    /// a list (the header's presenters, a widget), not a post's headline. A numbered widget
    /// over a bulleted post is not one list, nor a name over a long headline.
    fn short_list_item(&self, i: usize) -> bool {
        i >= 1 && {
            let (before, line) = (&self.lines[i - 1], &self.lines[i]);
            let alike = match (before.is.mark, line.is.mark) {
                (None, None) => true,
                (Some(a), Some(b)) => same_kind(a, b),
                _ => false,
            };
            let words = before.text.split_whitespace().count();
            self.heading_line(i - 1)
                && alike
                && words <= 4
                && line.text.split_whitespace().count() <= words * 2 + 1
                && (self.blank_separated || !line.blank_before)
        }
    }

    /// An item of a list: a marked line next to another marked alike ("• Fuel duty
    /// frozen" under "• Alcohol tax frozen").
    fn listed(&self, i: usize) -> bool {
        let Some(mark) = self.lines[i].is.mark else {
            return false;
        };
        let alike = |j: usize| {
            self.lines
                .get(j)
                .and_then(|l| l.is.mark)
                .is_some_and(|m| same_kind(m, mark))
        };
        alike(i + 1) || i > 0 && alike(i - 1)
    }

    /// Time marks that could open posts: free, opening their block or under a line that
    /// opens posts with them (a headline, badge, byline or kicker).
    fn time_marks(&self) -> Vec<(usize, TimeKey)> {
        (0..self.lines.len())
            .filter(|&i| {
                self.free(i)
                    && (self.opens_block(i)
                        || self.heading_line(i - 1)
                        || self.meta_line(i - 1)
                        || self.repeated(i - 1)
                        || self.furniture(i - 1)
                        || self.lines[i - 1].is.time.is_some())
            })
            .filter_map(|i| self.lines[i].is.time.map(|m| (i, m.key)))
            .collect()
    }
}

/// Chooses the layout that best explains the page.
pub(super) fn induce(page: &Page) -> Reading {
    let n = page.lines.len();
    let mut best = Reading {
        opener: Opener::Block,
        posts: Vec::new(),
        score: 0.0,
        fit: 0.0,
        rests: Rests::Headed,
        title: None,
    };
    if n == 0 {
        return best;
    }
    let marks = page.time_marks();
    let mut consider = |opener: Opener, anchors: Vec<usize>| {
        if anchors.is_empty() {
            return;
        }
        let reading = assemble(page, opener, anchors, &marks);
        if reading.score > best.score {
            best = reading;
        }
    };

    // Each kind of time: counted once per kind, since a page has a handful of kinds and may
    // have thousands of marks.
    let mut kinds: Vec<TimeKey> = marks.iter().map(|&(_, k)| k).collect();
    crate::sorting::sort_by(&mut kinds, TimeKey::cmp);
    kinds.dedup();
    let mut by_kind: Vec<(TimeKey, Vec<usize>)> = Vec::with_capacity(kinds.len());
    for key in kinds {
        let of_kind: Vec<usize> = marks
            .iter()
            .filter(|&&(_, k)| k == key)
            .map(|&(i, _)| i)
            .collect();
        // A time run into prose without a mark between ("1458 Counting resumes …") opens
        // posts only on a page that writes its posts so; elsewhere it is a sentence.
        let run_on = |i: &usize| {
            page.lines[*i]
                .is
                .time
                .is_some_and(|m| m.rest_kind == Rest::Prose && m.sep != Sep::Mark)
        };
        // Or where a post's opening leads into it: a badge, byline, kicker or heading
        // above, or a blank line on a page that keeps blank lines for posts.
        let led = |i: usize| {
            i > 0
                && (page.meta_line(i - 1)
                    || page.repeated(i - 1)
                    || page.furniture(i - 1)
                    || !page.blank_separated && page.lines[i].blank_before)
        };
        let run_ons = of_kind.iter().filter(|i| run_on(i)).count();
        let anchors = if run_ons * 4 >= of_kind.len() {
            of_kind
        } else {
            of_kind
                .into_iter()
                .filter(|&i| !run_on(&i) || led(i))
                .collect()
        };
        by_kind.push((key, anchors));
    }
    // A sports page times its build-up by the clock and the match by its own ("14:52 The
    // teams are out", then "23' GOAL!"): both open posts, read as surely as the clock. Tried
    // first, so that where either clock alone explains the page as well (the match's clock
    // runs through a report without being swallowed, and so does a clock time run into
    // prose), the reading that opens posts at both wins.
    for (_, match_anchors) in by_kind.iter().filter(|(k, _)| k.form.is_match_clock()) {
        for (key, clock_anchors) in by_kind.iter().filter(|(k, _)| !k.form.is_match_clock()) {
            consider(Opener::Time(*key), merged(match_anchors, clock_anchors));
        }
    }
    for (key, anchors) in by_kind {
        consider(Opener::Time(key), anchors);
    }

    // Numbered headings in sequence.
    let numbered = lines_where(n, &|i| {
        page.free(i)
            && matches!(page.lines[i].is.mark, Some(Mark::Number(_)))
            && (page.opens_block(i) || page.lines[i].indent < page.lines[i - 1].indent)
            && !page.listed(i)
            && page.heads_content(i)
    });
    let number = |i: usize| match page.lines[i].is.mark {
        Some(Mark::Number(k)) => k,
        _ => 0,
    };
    let in_sequence = numbered
        .windows(2)
        .filter(|w| number(w[0]).abs_diff(number(w[1])) == 1)
        .count();
    if numbered.len() >= 2 && in_sequence * 5 >= (numbered.len() - 1) * 3 {
        consider(Opener::Numbered, numbered);
    }

    // Bullets that head something other than more bullets.
    let bullets = lines_where(n, &|i| {
        page.free(i)
            && page.opens_block(i)
            && matches!(page.lines[i].is.mark, Some(Mark::Bullet(_)))
            && !page.listed(i)
            && page.heads_content(i)
    });
    consider(Opener::Bullet, bullets);

    let headlines = lines_where(n, &|i| page.headline_opener(i));
    consider(Opener::Headline, headlines);

    let bylines = lines_where(n, &|i| {
        page.free(i) && page.opens_block(i) && page.lines[i].is.byline
    });
    consider(Opener::Byline, bylines);

    // The line the page repeats most, when it heads content: counted by text, then its
    // lines listed (a map of counts is one the crate has already, a map of lists its own).
    let kicker =
        |i: usize| page.repeated(i) && page.lines[i].is.shape == Shape::Headline && page.free(i);
    let mut repeated: FxMap<&str, usize> = FxMap::default();
    for i in (0..n).filter(|&i| kicker(i)) {
        *repeated.entry(page.lines[i].text).or_default() += 1;
    }
    if let Some((text, _)) = repeated
        .into_iter()
        .max_by_key(|&(text, count)| (count, std::cmp::Reverse(text)))
    {
        let at = lines_where(n, &|i| kicker(i) && page.lines[i].text == text);
        consider(Opener::Kicker, at);
    }

    // No opener at all: blocks between blank lines, when the page has blocks of more than
    // one line.
    let blocks = lines_where(n, &|i| page.lines[i].blank_before);
    if !page.blank_separated && blocks.len() >= 2 && blocks.len() * 2 <= n {
        consider(Opener::Block, blocks);
    }
    best
}

/// The lines of `0..n` that `keep` keeps, in order: one function for each list of lines
/// above, where collecting each filter compiled a copy of `Vec`'s collect per closure.
fn lines_where(n: usize, keep: &dyn Fn(usize) -> bool) -> Vec<usize> {
    (0..n).filter(|&i| keep(i)).collect()
}

/// Two ascending lists of lines as one.
fn merged(a: &[usize], b: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j == b.len() || i < a.len() && a[i] < b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out
}

/// How surely a kind of line opens posts.
fn strength(opener: Opener, timed_share: f64) -> f64 {
    match opener {
        Opener::Time(key) => match key.form {
            // Match minutes and overs also run through a report timed by the clock: short
            // of the clock, yet surer than the headlines a sports page puts over them.
            TimeForm::Relative | TimeForm::Minute | TimeForm::Over => 0.95,
            // Four digits alone could be years or counts; after a label they are times.
            TimeForm::FourDigits if key.label.is_none() => 0.75,
            _ => 1.0,
        },
        Opener::Numbered => 0.8,
        // A post mark on every post's first line, more surely a post than a headline is.
        Opener::Bullet => 0.75,
        // Headlines with times under or over them read the same posts as the times do;
        // the times, repeated in one form, are the surer opener.
        Opener::Headline => 0.5 + 0.4 * timed_share,
        Opener::Byline => 0.55,
        Opener::Kicker => 0.4,
        Opener::Block => 0.2,
    }
}

/// Whether the post opened at `anchor` carries its own headline on the anchor's line.
fn own_headline(page: &Page, opener: Opener, anchor: usize, rests: Rests) -> bool {
    let is = &page.lines[anchor].is;
    let headline_after_time = page.headed_rest(anchor, rests);
    match opener {
        Opener::Time(_) => headline_after_time,
        Opener::Headline => true,
        Opener::Numbered | Opener::Bullet => {
            headline_after_time
                || (is.time.is_none() && page.heading_line(anchor) && !is_name(is.body))
        }
        Opener::Byline | Opener::Kicker | Opener::Block => false,
    }
}

/// Builds the posts a candidate's anchors open, and scores them.
fn assemble(
    page: &Page,
    opener: Opener,
    mut anchors: Vec<usize>,
    marks: &[(usize, TimeKey)],
) -> Reading {
    let n = page.lines.len();
    let lines = page.lines;
    let mut title = None;
    if opener == Opener::Headline {
        // The title is a headline over prose too: when nothing above the first such block
        // could title the page, that block is the title and its prose the standfirst.
        let first = anchors[0];
        // A first block closed by a time as the next is, on a page whose posts close with
        // their times (the page too), is a post like it; the time closes its block above the
        // badge or byline that opens the next ("Posted at 09.31" over "Key event").
        let closing_time = |from: usize, to: usize| {
            (from..to)
                .rev()
                .find(|&i| !page.furniture(i) && !page.meta_line(i))
                .filter(|&i| page.bare_time(i))
                .and_then(|i| lines[i].is.time.map(|m| m.key))
        };
        let timed_like_next = anchors.len() >= 2 && {
            let closing = closing_time(first, anchors[1]);
            closing.is_some()
                && closing == closing_time(anchors[1], anchors.get(2).copied().unwrap_or(n))
                && closing == closing_time(first, n)
        };
        if lines[first].is.mark.is_none()
            && !timed_like_next
            && !(0..first).any(|i| is_title_shaped(lines[i].text, 2))
        {
            title = Some(first);
            anchors.remove(0);
        }
        // Each post's own headline: when every one reads the same, the page prints a kicker.
        let one_text = anchors
            .windows(2)
            .all(|w| lines[w[0]].text == lines[w[1]].text);
        if anchors.is_empty() || anchors.len() >= 2 && one_text {
            return Reading {
                opener,
                posts: Vec::new(),
                score: 0.0,
                fit: 0.0,
                rests: Rests::Headed,
                title,
            };
        }
    }
    // Two bare times in a row of one kind are one post's time written twice ("7:13" over
    // "07:13"): the second is not a post.
    if matches!(opener, Opener::Time(_)) {
        let bare = |i: usize| {
            lines[i]
                .is
                .time
                .is_some_and(|m| matches!(m.rest_kind, Rest::Empty | Rest::Byline))
        };
        let mut kept: Vec<usize> = Vec::with_capacity(anchors.len());
        for &a in &anchors {
            if kept
                .last()
                .is_some_and(|&p| p + 1 == a && bare(p) && bare(a))
            {
                continue;
            }
            kept.push(a);
        }
        anchors = kept;
    }
    let is_anchor = {
        let mut v = vec![false; n];
        for &a in &anchors {
            v[a] = true;
        }
        v
    };
    let timed_opener = matches!(opener, Opener::Time(_));
    let anchor_count = anchors.len();

    // A line repeated right above the first post and most others is a kicker; never the
    // furniture a page prints between its posts ("Advertisement", "Share"), which stands
    // above the first post the page times when an untimed post opens the page.
    let kicker = {
        let mut counts: FxMap<&str, usize> = FxMap::default();
        let mut first_has = None;
        for (k, &a) in anchors.iter().enumerate() {
            // Up past the opening's other lines (bylines repeat too: one author writes
            // several posts).
            let mut j = a;
            while j > 0
                && !is_anchor[j - 1]
                && (page.meta_line(j - 1) || !page.repeated(j - 1) && prefixable(page, j - 1))
            {
                j -= 1;
            }
            if j > 0 && page.repeated(j - 1) && !is_anchor[j - 1] && !lines[j - 1].is.ui {
                let text = lines[j - 1].text;
                *counts.entry(text).or_default() += 1;
                if k == 0 {
                    first_has = Some(text);
                }
            }
        }
        first_has.filter(|t| counts[t] * 3 >= anchors.len() * 2)
    };

    // Which side bylines sit on, voted once: over each post (the first included) or under
    // each opening (the last included). "By X" between two posts is one or the other, but
    // not across a blank line on a page that keeps blank lines for the breaks between posts.
    // A post signed on its time's line ("10:05 , Jane Okoro") votes for neither side.
    let signed = |a: usize| {
        lines[a]
            .is
            .time
            .is_some_and(|m| m.rest_kind == Rest::Byline)
    };
    let parted = |i: usize| !page.blank_separated && lines[i].blank_before;
    let byline = |i: usize| {
        let is = &lines[i].is;
        page.free(i) && (is.byline || is.mark.is_some() && is_name(is.body))
    };
    let bylines_above = anchors
        .iter()
        .filter(|&&a| !signed(a))
        .filter(|&&a| {
            let mut u = a;
            while u > 0 && !is_anchor[u - 1] && !parted(u) {
                if byline(u - 1) {
                    return true;
                }
                if !(page.lone_label(u - 1)
                    || page.heading_line(u - 1)
                    || page.repeated(u - 1)
                    || page.bare_time(u - 1))
                {
                    break;
                }
                u -= 1;
            }
            false
        })
        .count();
    let bylines_below = anchors
        .iter()
        .filter(|&&a| !signed(a))
        .filter(|&&a| {
            (a + 1..(a + 4).min(n))
                .take_while(|&j| !is_anchor[j] && !parted(j))
                .any(|j| {
                    lines[j].is.byline
                        || lines[j]
                            .is
                            .time
                            .is_some_and(|m| m.rest_kind == Rest::Byline)
                })
        })
        .count();
    // A tie goes above: a byline below each post would leave the first one's, above it,
    // in the header with nothing to sign.
    let bylines_above = bylines_above >= bylines_below;

    // What follows the times on their lines: when most of it is prose, all of it is, but
    // for a headline set apart by another mark than most of the prose is.
    let (prose, headed) = anchors.iter().fold((0, 0), |(p, h), &a| {
        match lines[a].is.time.map(|m| m.rest_kind) {
            Some(Rest::Prose) => (p + 1, h),
            Some(Rest::Headline) => (p, h + 1),
            _ => (p, h),
        }
    });
    let rests = if timed_opener && prose >= 2 && prose * 3 >= (prose + headed) * 2 {
        let marks: Vec<Option<char>> = anchors
            .iter()
            .filter(|&&a| lines[a].is.time.is_some_and(|m| m.rest_kind == Rest::Prose))
            .map(|&a| page.rest_mark(a))
            .collect();
        let most = marks
            .iter()
            .flatten()
            .copied()
            .find(|&m| marks.iter().filter(|&&o| o == Some(m)).count() * 2 > marks.len());
        Rests::Prose(most)
    } else {
        Rests::Headed
    };

    // Which side a post's headline sits on when its anchor has none: voted once.
    // Posts whose anchor carries neither a headline nor prose: their headline, if any, is
    // on a line of its own.
    let lacking: Vec<usize> = anchors
        .iter()
        .copied()
        .filter(|&a| {
            !own_headline(page, opener, a, rests)
                && lines[a].is.time.is_none_or(|m| m.rest_kind != Rest::Prose)
        })
        .collect();
    // Above: the first line over the anchor that is not a badge, byline or date. Over the
    // first post, the first line of the page that could title it is its title: no vote. A
    // title heads the page's other matter: one under a date line, a list or a time is a
    // post's headline.
    let page_title = (0..n)
        .find(|&i| is_title_shaped(lines[i].text, 2))
        .filter(|&t| {
            !(0..t).any(|i| {
                let is = &lines[i].is;
                is.date_line || is.mark.is_some() || is.time.is_some()
            })
        });
    let above = lacking
        .iter()
        .filter(|&&a| {
            let mut u = a;
            while u > 0
                && !is_anchor[u - 1]
                && (page.meta_line(u - 1) || kicker == Some(lines[u - 1].text))
            {
                u -= 1;
            }
            u > 0
                && !is_anchor[u - 1]
                && page.heading_line(u - 1)
                // A short headline under the page's kicker is no list's item.
                && (!page.short_list_item(u - 1) || kicker == Some(lines[u - 2].text))
                && page_title != Some(u - 1)
                && (page.blank_separated || !lines[u].blank_before)
        })
        .count();
    // Below: the first line under it that is not a second time line, badge, byline or date.
    let below = lacking
        .iter()
        .filter(|&&a| {
            let mut j = a + 1;
            if timed_opener && page.bare_time(j) {
                j += 1;
            }
            while j < n && !is_anchor[j] && page.meta_line(j) {
                j += 1;
            }
            !is_anchor.get(j).copied().unwrap_or(true)
                && page.heading_line(j)
                && page.body_follows(j + 1)
        })
        .count();
    let headline_above = above > below && (above * 3 >= lacking.len() * 2 || below == 0);
    // Under it only on a page where a fair share of such posts have one: on a page of
    // posts without headlines, a short first line is the post's first words.
    let headline_below = !headline_above && below * 4 >= lacking.len();

    // For headlines as openers: a bare time above each (time, headline, body) or at the
    // end of each post (headline, body, time). The ends of the page tell them apart.
    // Between two posts, "… text / 10:52 / By Sam / Headline …" puts the time at the end of
    // one post or the top of the next. The ends of the page tell which: a time over the
    // first post's opening, or one closing the page.
    let time_at_end = !timed_opener && {
        let mut u = anchors[0];
        while u > 0
            && (page.meta_line(u - 1)
                || page.repeated(u - 1)
                || u == anchors[0] && page.heading_line(u - 1))
        {
            u -= 1;
        }
        let first_above = u > 0 && page.bare_time(u - 1);
        let last = (0..n).rev().find(|&i| !page.furniture(i));
        let closing = last.is_some_and(|i| page.bare_time(i) && i > anchors[0]);
        closing && !first_above
    };

    let mut posts: Vec<Post> = Vec::with_capacity(anchors.len());
    let mut floor = 0;
    for (k, &a) in anchors.iter().enumerate() {
        let next = anchors.get(k + 1).copied().unwrap_or(n);
        let mut parts = vec![(a, anchor_part(page, opener, a))];
        let mut has_headline = own_headline(page, opener, a, rests);
        // Up: what a post's opening carries above its anchor.
        let mut start = a;
        let mut got = (false, false, false, false);
        while start > floor {
            let u = start - 1;
            if is_anchor[u] || !page.free(u) {
                break;
            }
            // On a page whose blank lines fall between posts, an opening does not reach
            // across one (a day heading above it excepted).
            let across_blank = !page.blank_separated && lines[start].blank_before;
            let is = &lines[u].is;
            if across_blank && !is.day_heading {
                break;
            }
            let part = if is.day_heading && !got.0 {
                got.0 = true;
                Part::DayHeading
            } else if across_blank {
                break;
            } else if page.lone_label(u) {
                Part::Label
            } else if kicker == Some(lines[u].text) && !got.1 {
                got.1 = true;
                Part::Label
            } else if bylines_above && byline(u) && !got.2 {
                // "By Jane Okoro", or a name with the post's bullet: "• Jane Okoro".
                got.2 = true;
                Part::Byline
            } else if headline_above
                && !has_headline
                && lacking.binary_search(&a).is_ok()
                && page.heading_line(u)
                && !page.listed(u)
                && !page.name_under_name(u)
                && (k > 0
                    || page_title != Some(u)
                    || above > 0 && above * 3 >= (lacking.len() - 1) * 2)
            {
                has_headline = true;
                Part::Headline
            } else if opener == Opener::Headline && !time_at_end && page.bare_time(u) && !got.3 {
                got.3 = true;
                Part::Time
            } else {
                break;
            };
            parts.push((u, part));
            start = u;
        }
        // Down: a second time line, a headline under a bare time, a byline, a badge; not
        // across a blank line that parts posts.
        let mut j = a + 1;
        let mut got = (false, false, false);
        while j < next && page.free(j) && !parted(j) {
            let is = &lines[j].is;
            let part = if timed_opener
                && is.time.is_some_and(|m| m.rest_kind != Rest::Prose)
                && !got.0
                && j == a + 1
            {
                // A second time under the first ("11.39pm EST" over "23:39"), maybe with
                // the headline run into it ("21:10Labor says …").
                got.0 = true;
                Part::SecondTime
            } else if !timed_opener
                && !got.0
                && (!time_at_end && page.bare_time(j)
                    // Under a numbered or bulleted heading, its time line, whatever follows
                    // the time.
                    || matches!(opener, Opener::Numbered | Opener::Bullet)
                        && j == a + 1
                        && is.time.is_some())
            {
                got.0 = true;
                Part::Time
            } else if (headline_below || page.badged_headline(j))
                && !has_headline
                && lacking.binary_search(&a).is_ok()
                && kicker != Some(lines[j].text)
                && page.heading_line(j)
                && page.body_follows(j + 1)
            {
                has_headline = true;
                Part::Headline
            } else if !bylines_above && is.byline && !got.1 {
                got.1 = true;
                Part::Byline
            } else if is.date_line && !got.2 {
                // A badge sits over its post; a date under the headline is the post's.
                got.2 = true;
                Part::Label
            } else {
                break;
            };
            parts.push((j, part));
            j += 1;
        }
        let open_end = j;
        crate::sorting::sort_by_rank(&mut parts, |&(i, _)| i as u64);
        if let Some(prev) = posts.last_mut() {
            prev.end = start;
        }
        posts.push(Post {
            start,
            end: n,
            parts,
        });
        floor = open_end;
    }

    // A bare time closing each post, on a page that puts times last: the last line of the
    // post that is not furniture.
    if time_at_end {
        for post in &mut posts {
            let last = (post.start..post.end)
                .rev()
                .find(|&i| !(page.free(i) && page.furniture(i)));
            if let Some(i) = last.filter(|&i| post.part(i).is_none() && page.bare_time(i)) {
                // The time written twice ("10:57:00" over "10:57"): the first is the time.
                if i > post.start && post.part(i - 1).is_none() && page.bare_time(i - 1) {
                    post.parts.push((i - 1, Part::Time));
                    post.parts.push((i, Part::SecondTime));
                } else {
                    post.parts.push((i, Part::Time));
                }
                crate::sorting::sort_by_rank(&mut post.parts, |&(i, _)| i as u64);
            }
        }
    }

    // A list at the top whose items are only a time and a headline (a "key events" list
    // linking to posts further down), above posts with text: the header's, not posts.
    let order_of = |p: &Post| {
        p.parts
            .iter()
            .find(|&&(_, part)| part == Part::Time)
            .and_then(|&(i, _)| lines[i].is.time.map(|m| m.order))
    };
    let bare = |p: &Post| {
        (p.start..p.end).all(|i| p.part(i).is_some() || page.free(i) && page.furniture(i))
            && !p.parts.iter().any(|&(i, part)| {
                matches!(part, Part::Time | Part::SecondTime)
                    && lines[i].is.time.is_some_and(|m| {
                        m.rest_kind == Rest::Prose
                            || m.rest_kind == Rest::Headline && !page.headed_rest(i, rests)
                    })
            })
    };
    let listed = posts.iter().take_while(|p| bare(p)).count();
    if listed >= 2 && posts.len() >= listed + 2 && !bare(&posts[listed]) {
        // The list is a sequence of its own: its times break the page's order where it
        // meets the posts.
        let times: Vec<i64> = posts[listed..].iter().filter_map(order_of).collect();
        let falling = times.windows(2).filter(|w| w[1] < w[0]).count();
        let rising = times.windows(2).filter(|w| w[1] > w[0]).count();
        let junction = order_of(&posts[listed - 1]).zip(order_of(&posts[listed]));
        let breaks = junction.is_some_and(|(a, b)| if falling >= rising { b > a } else { b < a });
        if breaks {
            posts.drain(..listed);
        }
    }

    // Posts without a time between timed posts: a headline over prose, on a page whose
    // posts mostly have headlines.
    if timed_opener || matches!(opener, Opener::Numbered | Opener::Bullet) {
        let headed = posts
            .iter()
            .filter(|p| has_headline(page, p, rests))
            .count();
        {
            let mark = {
                let marks: Vec<Mark> = posts
                    .iter()
                    .filter_map(|p| p.parts.iter().find_map(|&(i, _)| lines[i].is.mark))
                    .collect();
                marks.first().copied().filter(|&m| {
                    marks.iter().filter(|&&o| same_kind(m, o)).count() * 2 >= posts.len()
                })
            };
            let headed = headed * 2 >= posts.len() || rests != Rests::Headed;
            posts = split_untimed(page, posts, &Furniture { kicker, mark }, headed);
        }
    }

    let (strength, fit) = score(page, opener, anchor_count, &posts, marks);
    Reading {
        opener,
        posts,
        score: strength * fit,
        fit,
        rests,
        title,
    }
}

/// Whether a post has a headline, on its own line or after its time.
fn has_headline(page: &Page, post: &Post, rests: Rests) -> bool {
    post.parts.iter().any(|&(i, part)| {
        part == Part::Headline
            || matches!(part, Part::Time | Part::SecondTime) && page.headed_rest(i, rests)
    })
}

/// The part an anchor line plays.
fn anchor_part(page: &Page, opener: Opener, a: usize) -> Part {
    let is = &page.lines[a].is;
    match opener {
        Opener::Time(_) => Part::Time,
        Opener::Headline => Part::Headline,
        Opener::Byline => Part::Byline,
        Opener::Kicker => Part::Label,
        Opener::Numbered | Opener::Bullet => {
            if is.time.is_some() {
                Part::Time
            } else if is.byline {
                Part::Byline
            } else if is_name(is.body) {
                // "• Natasha Clark" over a headline: the post's author.
                Part::Byline
            } else if page.heading_line(a) {
                Part::Headline
            } else {
                Part::Anchor
            }
        }
        Opener::Block => Part::Anchor,
    }
}

/// Whether a line can sit above a post's anchor as part of its opening (its kind, not yet
/// whether this page puts it there).
fn prefixable(page: &Page, i: usize) -> bool {
    let is = &page.lines[i].is;
    page.free(i)
        && (is.day_heading
            || page.lone_label(i)
            || is.byline
            || page.heading_line(i)
            || page.bare_time(i))
}

/// Whether two marks are of one kind (numbers, or bullets).
fn same_kind(a: Mark, b: Mark) -> bool {
    matches!(
        (a, b),
        (Mark::Number(_), Mark::Number(_)) | (Mark::Bullet(_), Mark::Bullet(_))
    )
}

/// What opens a post on this page besides its time: the kicker repeated above it, and the
/// kind of mark (number or bullet) on its first lines.
struct Furniture<'t> {
    kicker: Option<&'t str>,
    mark: Option<Mark>,
}

/// Splits off the untimed posts that open with a headline over prose: inside each post,
/// when most posts have headlines or this one carries what posts carry (the kicker, the
/// posts' mark, a badge or a byline); above the first post only when the kicker or the
/// posts' mark opens it (elsewhere in the header a headline over prose is the page's own
/// intro).
fn split_untimed(page: &Page, posts: Vec<Post>, furniture: &Furniture, headed: bool) -> Vec<Post> {
    let lines = page.lines;
    // A headline over prose that ends before `end`; a marked line must head more than
    // further items marked alike (a list is not a post).
    let opens = |j: usize, end: usize| {
        let mark = lines[j].is.mark;
        let listed = |i: usize| {
            lines
                .get(i)
                .and_then(|l| l.is.mark)
                .zip(mark)
                .is_some_and(|(a, b)| same_kind(a, b))
        };
        page.heading_line(j)
            && page.opens_block(j)
            && mark.is_none_or(|m| furniture.mark.is_some_and(|k| same_kind(m, k)))
            && !listed(j + 1)
            && !(j > 0 && listed(j - 1))
            && !page.in_colon_list(j)
            && page.body_follows(j + 1)
            && (j + 1..end).any(|i| !page.meta_line(i) && !page.bare_time(i))
    };
    // The opening of an untimed post whose headline is line `j`, above `floor`.
    let opening = |j: usize, floor: usize, end: usize| {
        let mut parts = vec![(j, Part::Headline)];
        let mut start = j;
        let mut kicked = false;
        while start > floor {
            let u = start - 1;
            let is = &lines[u].is;
            // As above: an opening does not reach across a blank line that parts posts.
            if !page.blank_separated && lines[start].blank_before && !is.day_heading {
                break;
            }
            let part = if is.byline || is.mark.is_some() && is_name(is.body) {
                Part::Byline
            } else if page.lone_label(u) {
                Part::Label
            } else if furniture.kicker == Some(lines[u].text) && !kicked {
                kicked = true;
                Part::Label
            } else if is.day_heading {
                Part::DayHeading
            } else {
                break;
            };
            parts.push((u, part));
            start = u;
        }
        let mut k = j + 1;
        while k < end && (lines[k].is.byline || lines[k].is.date_line) {
            let part = if lines[k].is.byline {
                Part::Byline
            } else {
                Part::Label
            };
            parts.push((k, part));
            k += 1;
        }
        crate::sorting::sort_by_rank(&mut parts, |&(i, _)| i as u64);
        // Marked as the posts are: the kicker over it, a mark on its headline, or the
        // posts' mark on its byline ("- Jane Okoro" over "## Full time").
        let marked = kicked
            || lines[j].is.mark.is_some()
            || parts.iter().any(|&(i, _)| {
                lines[i]
                    .is
                    .mark
                    .zip(furniture.mark)
                    .is_some_and(|(a, b)| same_kind(a, b))
            });
        let carried = marked || parts.len() > 1;
        (start, k, parts, marked, carried)
    };
    let mut out = Vec::with_capacity(posts.len());
    // Above the first post.
    if let Some(first) = posts.first() {
        let mut j = 0;
        while j < first.start {
            if opens(j, first.start) {
                let (start, k, parts, marked, _) = opening(j, 0, first.start);
                if marked {
                    out.push(Post {
                        start,
                        end: first.start,
                        parts,
                    });
                    j = k;
                    continue;
                }
            }
            j += 1;
        }
        // A single line of prose carrying the posts' mark right above the first post (a
        // sign-off, newest first: "• That's all from us tonight …") is a post of its own; a
        // run of such lines is a list of the header's.
        let above = first.start.checked_sub(1).filter(|&u| {
            let (is, mark) = (&lines[u].is, furniture.mark);
            page.free(u)
                && out.last().is_none_or(|p| p.end <= u)
                && is.time.is_none()
                && is.shape == Shape::Prose
                && is.mark.zip(mark).is_some_and(|(a, b)| a == b)
                && !(u > 0 && lines[u - 1].is.mark.zip(mark).is_some_and(|(a, b)| a == b))
        });
        if let Some(u) = above {
            out.push(Post {
                start: u,
                end: first.start,
                parts: vec![(u, Part::Anchor)],
            });
        }
        // Each found post ends where the next begins.
        for k in 1..out.len() {
            out[k - 1].end = out[k].start;
        }
    }
    for post in posts {
        let open_end = post
            .parts
            .iter()
            .map(|&(i, _)| i + 1)
            .max()
            .unwrap_or(post.start);
        if let Some(last) = out.last_mut() {
            if last.end > post.start {
                last.end = post.start;
            }
        }
        // A post holding two or more headlines over prose is where the page changes layout
        // part way ("11:44 pm: …" then "4th set, Okafor 9-9 Lindqvist" over text): each
        // is a post.
        let several = (open_end + 1..post.end)
            .filter(|&j| opens(j, post.end) && post.part(j).is_none())
            .nth(1)
            .is_some();
        // The post keeps its first line of text: on its time's line, or the line after its
        // opening. A post may open from the next line on (right after a time run into prose).
        let body = open_end
            + usize::from(!post.parts.iter().any(|&(i, part)| {
                matches!(part, Part::Time | Part::SecondTime)
                    && lines[i].is.time.is_some_and(|m| m.rest_kind == Rest::Prose)
            }));
        let mut current = post;
        let mut j = body;
        while j < current.end {
            let found = (opens(j, current.end) && current.part(j).is_none())
                .then(|| opening(j, body, current.end))
                // ... or where a blank line opens it on a page that keeps blank lines
                // for the breaks between posts.
                .filter(|o| {
                    headed || several || o.4 || !page.blank_separated && lines[o.0].blank_before
                });
            if let Some((start, k, parts, _, _)) = found {
                let end = current.end;
                current.end = start;
                current.parts.retain(|&(i, _)| i < start);
                out.push(current);
                current = Post { start, end, parts };
                j = k + 1;
            } else {
                j += 1;
            }
        }
        out.push(current);
    }
    out
}

/// The opener's strength, and how well its posts fit the page.
fn score(
    page: &Page,
    opener: Opener,
    anchors: usize,
    posts: &[Post],
    marks: &[(usize, TimeKey)],
) -> (f64, f64) {
    let k = posts.len();
    if k == 0 {
        return (0.0, 0.0);
    }
    let n = page.lines.len();
    let lines = page.lines;
    // Content: text of its own in every post.
    let content_of = |p: &Post| -> f64 {
        let prose_on_time = p.parts.iter().any(|&(i, part)| {
            part == Part::Time && lines[i].is.time.is_some_and(|m| m.rest_kind == Rest::Prose)
        });
        let body = (p.start..p.end).any(|i| p.part(i).is_none() && !page.furniture(i));
        if body || prose_on_time {
            1.0
        } else if has_headline(page, p, Rests::Headed) || p.has(Part::Anchor) {
            0.5
        } else {
            0.0
        }
    };
    let contents: Vec<f64> = posts.iter().map(content_of).collect();
    let mut content = contents.iter().sum::<f64>() / k as f64;
    if contents[k - 1] == 0.0 {
        content *= 0.5;
    }
    // Order: the times run one way, allowing one turn of the clock; the match's clock and
    // the time of day each run their own way, so only neighbours on one clock are compared.
    let times: Vec<(bool, i64)> = posts
        .iter()
        .filter_map(|p| {
            p.parts
                .iter()
                .find(|&&(_, part)| part == Part::Time)
                .and_then(|&(i, _)| lines[i].is.time)
                .map(|m| (m.key.form.is_match_clock(), m.order))
        })
        .collect();
    let timed = times.len();
    let alike = || times.windows(2).filter(|w| w[0].0 == w[1].0);
    let pairs = alike().count();
    let falling = alike().filter(|w| w[1].1 <= w[0].1).count();
    let rising = alike().filter(|w| w[1].1 >= w[0].1).count();
    let order = ((falling.max(rising) + 1).min(pairs + 1)) as f64 / (pairs + 1) as f64;
    let timed_share = timed as f64 / k as f64;
    // Coverage: what is left above the first post.
    let coverage = 1.0 - 0.5 * posts[0].start as f64 / n as f64;
    // Recurrence: the opener itself comes back (posts found besides it do not count), or,
    // for a time, opens one post of several.
    // A lone dated time ("Updated June 3, 2015 09:41:12") dates the page, not a post.
    let lone_date = posts.iter().any(|p| {
        p.parts
            .iter()
            .any(|&(i, part)| part == Part::Time && lines[i].is.date_line)
    });
    let recurs = anchors >= 2 || matches!(opener, Opener::Time(_)) && k >= 2 && !lone_date;
    let recurrence = if recurs { 1.0 } else { 0.4 };
    // Swallowed: time marks inside the posts' bodies that open lines as posts do.
    let mut swallowed = 0;
    let mut p = 0;
    for &(i, _) in marks {
        while p < k && posts[p].end <= i {
            p += 1;
        }
        if p < k && posts[p].start <= i && posts[p].part(i).is_none() {
            let m = lines[i].is.time.expect("marks are time lines");
            let own_kind = matches!(opener, Opener::Time(key) if key == m.key);
            // The match's clock runs through a report the clock times: not swallowed by it.
            let clocked = matches!(opener, Opener::Time(key) if !key.form.is_match_clock());
            let minute = clocked && m.key.form.is_match_clock();
            if !minute && !own_kind && (m.rest_kind != Rest::Prose || m.sep == Sep::Mark) {
                swallowed += 1;
            }
        }
    }
    let swallow = k as f64 / (k + swallowed) as f64;
    (
        strength(opener, timed_share),
        content * order * coverage * recurrence * swallow,
    )
}
