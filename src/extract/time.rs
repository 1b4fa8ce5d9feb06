//! Times as written → ISO 8601 timestamps, resolved against the blog's date.
//!
//! An update's day is its own day heading when the page has them, else the blog's date,
//! carried across midnight when the times run the wrong way for the page's order. The
//! zone is the one written after the time, else the one the header states ("All times
//! stated are UK", "(all times local)"); with neither, the timestamp is local time.

use crate::clock::{
    date_at, days_from_civil, iso_timestamp, offset_on, read_instant, read_time, zone_at, Clock,
    Zone,
};
use crate::model::{LiveBlog, Order, Update, Warning, WarningCode};

/// The clock time an update was posted at, and the day written with it, if any.
fn time_of(update: &Update) -> Option<(Clock, Option<i64>)> {
    let (clock, date) = read_time(update.time.as_deref()?)?;
    let day = date.and_then(|d| Some(days_from_civil(d.year?, d.month, d.day)));
    Some((clock, day))
}

/// Newest first when consecutive marks mostly fall down the page, oldest first when they
/// mostly rise; `None` when they do not say. Each post's mark is its clock time (with its
/// day heading), else the match's own clock as `match_clock` places it (a minute, added
/// time or a break: `(place, false)`; an over: `(place, true)`), which a page marks its
/// match posts with and gives no time of day: each kind is compared within its kind only,
/// so a page whose build-up runs by the clock and whose match runs by minutes counts both.
pub(crate) fn detect_order(
    updates: &[Update],
    match_clock: fn(&str) -> Option<(i64, bool)>,
) -> Option<Order> {
    let mut day = 0i64;
    // The last mark of each kind (clock, minute, over), and the steps between marks of one
    // kind that fall and rise.
    let mut last = [None; 3];
    let (mut falling, mut rising) = (0usize, 0usize);
    for update in updates {
        if let Some((date, _)) = update.day_heading.as_deref().and_then(date_at) {
            day = days_from_civil(date.year.unwrap_or(2000), date.month, date.day);
        }
        let mark = match time_of(update) {
            Some((clock, written)) => {
                Some((0, written.unwrap_or(day) * 1440 + i64::from(clock.minutes)))
            }
            None => update
                .time
                .as_deref()
                .and_then(match_clock)
                .map(|(place, over)| (1 + usize::from(over), place)),
        };
        let Some((kind, key)) = mark else { continue };
        match last[kind].map(|was: i64| key.cmp(&was)) {
            Some(std::cmp::Ordering::Less) => falling += 1,
            Some(std::cmp::Ordering::Greater) => rising += 1,
            _ => {}
        }
        last[kind] = Some(key);
    }
    match falling.cmp(&rising) {
        std::cmp::Ordering::Greater => Some(Order::NewestFirst),
        std::cmp::Ordering::Less => Some(Order::OldestFirst),
        std::cmp::Ordering::Equal => None,
    }
}

/// The zone the header states for all times: "All times stated are UK", "(all times local)",
/// "All times GMT".
fn header_zone(blog: &LiveBlog) -> Option<Zone> {
    blog.header
        .iter()
        .chain(blog.summary.iter())
        .find_map(|line| {
            let lower = line.to_ascii_lowercase();
            let at = lower.find("all times")?;
            let after = &line[at + "all times".len()..];
            after
                .split(|c: char| !c.is_alphanumeric() && c != '(' && c != ')')
                .filter(|w| !w.is_empty())
                .take(4)
                .find_map(|w| zone_at(w).map(|(z, _)| z))
        })
}

/// Numbers the updates in the blog's order so that `u1` is the earliest: from the top when
/// it runs oldest first, from the bottom otherwise (pages list newest first unless their
/// times say otherwise).
pub(crate) fn number_updates(blog: &mut LiveBlog) {
    let n = blog.updates.len();
    let oldest_first = blog.order == Some(Order::OldestFirst);
    for (i, update) in blog.updates.iter_mut().enumerate() {
        let rank = if oldest_first { i + 1 } else { n - i };
        update.id = format!("u{rank}");
    }
}

/// Fills `timestamp` for updates whose time can be resolved.
pub(crate) fn resolve_timestamps(blog: &mut LiveBlog) {
    let default_zone = header_zone(blog).unwrap_or(Zone::Local);
    let blog_day = blog
        .date
        .as_deref()
        .and_then(date_at)
        .and_then(|(d, _)| Some(days_from_civil(d.year?, d.month, d.day)));
    let step = match blog.order {
        Some(Order::OldestFirst) => 1,
        _ => -1,
    };
    let mut day = blog_day;
    let mut last_minutes: Option<u32> = None;
    let mut unresolved = None;
    for update in &mut blog.updates {
        if let Some((date, _)) = update.day_heading.as_deref().and_then(date_at) {
            let year = date
                .year
                .or_else(|| day.map(|d| crate::clock::civil_from_days(d).0));
            day = year.map(|y| days_from_civil(y, date.month, date.day));
            last_minutes = None;
        }
        if let Some(at) = update.timestamp.as_deref().and_then(read_instant) {
            // Markup and feeds give whole moments: they set the day for what follows.
            day = Some(at.days);
            last_minutes = Some(at.minutes);
            continue;
        }
        let Some((clock, written)) = time_of(update) else {
            continue;
        };
        if let Some(w) = written {
            day = Some(w);
        } else if let (Some(d), Some(prev)) = (day, last_minutes) {
            // Times that run against the page's order have crossed midnight.
            let crossed = if step < 0 {
                clock.minutes > prev
            } else {
                clock.minutes < prev
            };
            if crossed {
                day = Some(d + step);
            }
        }
        last_minutes = Some(clock.minutes);
        match day {
            Some(d) => {
                let zone = clock.zone.unwrap_or(default_zone);
                update.timestamp = Some(iso_timestamp(d, clock.minutes, offset_on(zone, d)));
            }
            // Named by the time as written: pages number their posts only after this.
            None => unresolved = unresolved.or_else(|| update.time.clone()),
        }
    }
    if let Some(time) = unresolved {
        blog.warnings.push(Warning {
            code: WarningCode::NoDate,
            message: format!("the page gives no date, so times such as {time} have no timestamp"),
            line: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(time: &str) -> Update {
        Update {
            time: Some(time.into()),
            ..Update::default()
        }
    }

    #[test]
    fn order_from_times() {
        let newest = [
            update("7.22pm BST"),
            update("7.20pm BST"),
            update("7.20pm BST"),
            update("7.19pm BST"),
        ];
        assert_eq!(detect_order(&newest, |_| None), Some(Order::NewestFirst));
        let oldest = [update("9:00"), update("9:30"), update("11:00")];
        assert_eq!(detect_order(&oldest, |_| None), Some(Order::OldestFirst));
        assert_eq!(detect_order(&[update("9:00")], |_| None), None);
    }

    /// A sports page marks its posts by the match's clock, which gives no time of day: the
    /// minutes (added time and breaks in their place) and overs still say which way it runs,
    /// and a page whose build-up runs by the clock counts each kind within itself.
    #[test]
    fn order_from_match_clocks() {
        let order = |marks: &[&str]| {
            let updates: Vec<Update> = marks.iter().map(|m| update(m)).collect();
            detect_order(&updates, crate::input::text::whole_match_clock)
        };
        let newest = order(&["FT", "90+3'", "88'", "46'", "HT", "45+2'", "12'"]);
        assert_eq!(newest, Some(Order::NewestFirst));
        assert_eq!(
            order(&["3'", "45+1'", "HT", "52'"]),
            Some(Order::OldestFirst)
        );
        assert_eq!(
            order(&["19.4", "19.3", "Over 19", "18.6"]),
            Some(Order::NewestFirst)
        );
        assert_eq!(
            order(&["Ov 1.1", "Ov 1.2", "2.1 ov"]),
            Some(Order::OldestFirst)
        );
        // Minutes newest first above the build-up's clock times, newest first too: the step
        // from the kick-off's minute to the last clock time is no step of either kind.
        let mixed = ["61'", "34'", "2'", "14:50", "14:05", "13:30"];
        assert_eq!(order(&mixed), Some(Order::NewestFirst));
        assert_eq!(order(&["12'"]), None);
        assert_eq!(order(&["90+1'", "90+3'"]), Some(Order::OldestFirst));
        assert_eq!(order(&["Words", "12 people"]), None);
    }

    #[test]
    fn newest_first_crosses_midnight_backwards() {
        let mut blog = LiveBlog {
            date: Some("2022-03-23".into()),
            order: Some(Order::NewestFirst),
            updates: vec![update("1:10 a.m."), update("11:50 p.m.")],
            ..LiveBlog::default()
        };
        resolve_timestamps(&mut blog);
        assert_eq!(
            blog.updates[0].timestamp.as_deref(),
            Some("2022-03-23T01:10:00")
        );
        assert_eq!(
            blog.updates[1].timestamp.as_deref(),
            Some("2022-03-22T23:50:00")
        );
    }

    #[test]
    fn header_zone_applies_with_daylight_saving() {
        let mut blog = LiveBlog {
            date: Some("2022-07-01".into()),
            header: vec!["All times stated are UK".into()],
            updates: vec![update("18:49")],
            ..LiveBlog::default()
        };
        resolve_timestamps(&mut blog);
        assert_eq!(
            blog.updates[0].timestamp.as_deref(),
            Some("2022-07-01T18:49:00+01:00")
        );
    }

    #[test]
    fn no_date_warns_once() {
        let mut blog = LiveBlog {
            updates: vec![update("9:00"), update("8:00")],
            ..LiveBlog::default()
        };
        resolve_timestamps(&mut blog);
        assert!(blog.updates.iter().all(|u| u.timestamp.is_none()));
        assert_eq!(blog.warnings.len(), 1);
        assert_eq!(blog.warnings[0].code, WarningCode::NoDate);
        // Named by the first time that has no day (a page's posts have no ids yet).
        assert!(blog.warnings[0].message.contains("such as 9:00 have"));
    }
}
