//! Clock times and calendar dates as news pages write them, and the little calendar
//! arithmetic needed to turn them into ISO 8601.
//!
//! Hand-written rather than a date crate: the forms are newsroom forms ("7.22pm BST",
//! "Wednesday Sept. 20, 2017", "12:09 a.m. ET, October 30, 2023") that general parsers do
//! not read, and the arithmetic is a few lines (Howard Hinnant's `days_from_civil`).

/// A time of day read from the start of a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clock {
    /// Minutes since midnight.
    pub minutes: u32,
    /// The zone written after it, if any.
    pub zone: Option<Zone>,
    /// How many bytes of the input the time (with its zone) took.
    pub len: usize,
    /// How the time is written: with am/pm, on the 24-hour clock, or as four digits.
    pub style: ClockStyle,
}

/// How a clock time is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum ClockStyle {
    /// With am/pm: "7.22pm", "10:30 a.m.", "6 p.m.".
    Meridiem,
    /// Hours and minutes without am/pm: "14:05", "14.05", "14h05", "14:05:09".
    Plain,
    /// Four digits and a zone, as wire services write it: "1030 GMT".
    Wire,
}

/// A time zone as pages name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone {
    /// A fixed offset from UTC, in minutes.
    Fixed(i32),
    /// Local time of an unnamed place: timestamps carry no offset.
    Local,
    /// UK civil time: GMT in winter, BST in summer.
    Uk,
    /// US zones that follow US daylight saving, by standard offset in minutes.
    Us(i32),
}

/// Zone names and abbreviations, longest first where one is a prefix of another.
const ZONES: &[(&str, Zone)] = &[
    ("GMT", Zone::Fixed(0)),
    ("UTC", Zone::Fixed(0)),
    ("BST", Zone::Fixed(60)),
    ("CEST", Zone::Fixed(120)),
    ("CET", Zone::Fixed(60)),
    ("EEST", Zone::Fixed(180)),
    ("EET", Zone::Fixed(120)),
    ("MSK", Zone::Fixed(180)),
    ("IST", Zone::Fixed(330)),
    ("PKT", Zone::Fixed(300)),
    ("GST", Zone::Fixed(240)),
    ("EAT", Zone::Fixed(180)),
    ("SAST", Zone::Fixed(120)),
    ("WAT", Zone::Fixed(60)),
    ("WIB", Zone::Fixed(420)),
    ("HKT", Zone::Fixed(480)),
    ("SGT", Zone::Fixed(480)),
    ("JST", Zone::Fixed(540)),
    ("KST", Zone::Fixed(540)),
    ("AEST", Zone::Fixed(600)),
    ("AEDT", Zone::Fixed(660)),
    ("NZST", Zone::Fixed(720)),
    ("NZDT", Zone::Fixed(780)),
    ("EST", Zone::Fixed(-300)),
    ("EDT", Zone::Fixed(-240)),
    ("CST", Zone::Fixed(-360)),
    ("CDT", Zone::Fixed(-300)),
    ("MST", Zone::Fixed(-420)),
    ("MDT", Zone::Fixed(-360)),
    ("PST", Zone::Fixed(-480)),
    ("PDT", Zone::Fixed(-420)),
    ("ET", Zone::Us(-300)),
    ("CT", Zone::Us(-360)),
    ("PT", Zone::Us(-480)),
    ("UK", Zone::Uk),
    ("LOCAL", Zone::Local),
];

/// Reads a zone name ("BST", "(IST)", "UK", "local") from the start of `s`; returns it and
/// the bytes taken.
pub(crate) fn zone_at(s: &str) -> Option<(Zone, usize)> {
    let (open, inner) = match s.strip_prefix('(') {
        Some(rest) => (1, rest),
        None => (0, s),
    };
    let word_len = inner
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(inner.len());
    let word = &inner[..word_len];
    let zone = ZONES
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|&(_, z)| z)?;
    // Two-letter names and "local" must be written in capitals or lower case as pages do;
    // "Et" or "Pt" in a sentence is not a zone.
    if word.len() <= 2 && word != word.to_ascii_uppercase() {
        return None;
    }
    let mut len = open + word_len;
    if open == 1 {
        if !inner[word_len..].starts_with(')') {
            return None;
        }
        len += 1;
    }
    Some((zone, len))
}

/// Reads a clock time from the start of `s`: `10:30`, `6 p.m.`, `7.22pm BST`,
/// `18:49 (IST)`, `3:20 PM ET`, `14h32` (as French, Spanish and Portuguese pages write it).
/// A bare number is not a time.
pub(crate) fn clock_at(s: &str) -> Option<Clock> {
    read_clock(s, false)
}

/// Like [`clock_at`], but the time may run straight into a capitalised word, as text copied
/// from a page whose time and headline sat in separate boxes does (`21:10Labor says`,
/// `3:41:27 PMThe crowd`). `10.30bn` is still no time.
pub(crate) fn clock_glued_at(s: &str) -> Option<Clock> {
    read_clock(s, true)
}

/// Whether `s` opens with a capitalised word: a capital, then a letter, an apostrophe
/// ("I've") or a space ("A new …"): "Now", "ACT records", "I've".
fn opens_capitalised_word(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars
            .next()
            .is_some_and(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | ' '))
}

fn read_clock(s: &str, glued: bool) -> Option<Clock> {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 4 {
        return wire_clock_at(s);
    }
    if digits == 0 || digits > 2 {
        return None;
    }
    let hour: u32 = s[..digits].parse().ok()?;
    let mut i = digits;
    let mut minute = None;
    // Exactly two digits from `at`: minutes, or seconds.
    let two_digits = |at: usize| {
        b.get(at).is_some_and(u8::is_ascii_digit)
            && b.get(at + 1).is_some_and(u8::is_ascii_digit)
            && !b.get(at + 2).is_some_and(u8::is_ascii_digit)
    };
    if matches!(b.get(i), Some(b':' | b'.' | b'h')) && two_digits(i + 1) {
        minute = Some(u32::from(b[i + 1] - b'0') * 10 + u32::from(b[i + 2] - b'0'));
        i += 3;
        // Seconds, as wire services print them ("14:32:10"), belong to the time.
        if b.get(i) == Some(&b':') && two_digits(i + 1) {
            i += 3;
        }
    }
    let (meridiem, taken) = meridiem_at(&s[i..], glued);
    i += taken;
    if minute.is_none() && meridiem.is_none() {
        return None;
    }
    let minute = minute.unwrap_or(0);
    if minute > 59 {
        return None;
    }
    let hour = match meridiem {
        Some(pm) => {
            if !(1..=12).contains(&hour) {
                return None;
            }
            hour % 12 + if pm { 12 } else { 0 }
        }
        None if hour <= 23 => hour,
        None => return None,
    };
    // A time must end at a word boundary: "10.30bn" is not a time.
    let runs_on = s[i..].starts_with(|c: char| c.is_alphanumeric());
    if runs_on && !(glued && opens_capitalised_word(&s[i..])) {
        return None;
    }
    let mut len = i;
    let mut zone = None;
    let gap = s[i..].len() - s[i..].trim_start_matches(' ').len();
    if gap <= 1 {
        if let Some((z, zlen)) = zone_at(&s[i + gap..]) {
            let end = i + gap + zlen;
            if !s[end..].starts_with(|c: char| c.is_alphanumeric()) {
                zone = Some(z);
                len = end;
            }
        }
    }
    Some(Clock {
        minutes: hour * 60 + minute,
        zone,
        len,
        style: if meridiem.is_some() {
            ClockStyle::Meridiem
        } else {
            ClockStyle::Plain
        },
    })
}

/// Reads a wire-service time, four digits and a named zone: `1030 GMT`, `2215 UTC`. The
/// zone is required, and must be an abbreviation, so that a year ("2022 UK") is not a time.
fn wire_clock_at(s: &str) -> Option<Clock> {
    let hour: u32 = s.get(..2)?.parse().ok()?;
    let minute: u32 = s.get(2..4)?.parse().ok()?;
    if hour > 23 || minute > 59 || !s[4..].starts_with(' ') {
        return None;
    }
    let (zone, zone_len) = zone_at(&s[5..])?;
    if matches!(zone, Zone::Uk | Zone::Local)
        || s[5 + zone_len..].starts_with(|c: char| c.is_alphanumeric())
    {
        return None;
    }
    Some(Clock {
        minutes: hour * 60 + minute,
        zone: Some(zone),
        len: 5 + zone_len,
        style: ClockStyle::Wire,
    })
}

/// Reads four digits that could be a time with nothing after them (`1458 Counting resumes`),
/// as some pages print every post's time. Alone it may as well be a year or a number; the
/// text reader accepts it only when a page repeats it as its posts' openers.
pub(crate) fn four_digit_clock_at(s: &str) -> Option<Clock> {
    let b = s.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    // A space, the end, a closing mark (`**1458**`, `(1458)`), or a colon and a space after
    // it: "2022-01-24" and "1,458" are not times.
    let after = &s[4..];
    let ends = after.is_empty()
        || after.starts_with(&[' ', '*', '_', ')', ']'][..])
        || after
            .strip_prefix(':')
            .is_some_and(|r| r.is_empty() || r.starts_with(' '));
    if !ends {
        return None;
    }
    let hour = u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0');
    let minute = u32::from(b[2] - b'0') * 10 + u32::from(b[3] - b'0');
    (hour <= 23 && minute <= 59).then_some(Clock {
        minutes: hour * 60 + minute,
        zone: None,
        len: 4,
        style: ClockStyle::Wire,
    })
}

/// Reads `am`, `pm`, `a.m.`, `p.m.`, `AM`, with one optional space before; returns
/// `(Some(is_pm), bytes)` or `(None, 0)`. When `glued`, a capitalised word may follow at once
/// (`PMNow`).
fn meridiem_at(s: &str, glued: bool) -> (Option<bool>, usize) {
    let space = usize::from(s.starts_with(' '));
    let t = &s[space..];
    let b = t.as_bytes();
    let pm = match b.first().map(u8::to_ascii_lowercase) {
        Some(b'a') => false,
        Some(b'p') => true,
        _ => return (None, 0),
    };
    let mut i = 1;
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    if !b.get(i).is_some_and(|c| c.eq_ignore_ascii_case(&b'm')) {
        return (None, 0);
    }
    i += 1;
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    if t[i..].starts_with(|c: char| c.is_alphanumeric())
        && !(glued && opens_capitalised_word(&t[i..]))
    {
        return (None, 0);
    }
    (Some(pm), space + i)
}

/// Reads the time (and a date written with it) from an update's time as written: "7.22pm
/// BST", "Posted at 16:49", "12:09 a.m. ET, October 30, 2023", "Oct. 30, 2023, 10:03 a.m.
/// ET". Looks for it in the first few words, past any label.
pub(crate) fn read_time(text: &str) -> Option<(Clock, Option<Date>)> {
    let starts = std::iter::once(0)
        .chain(text.match_indices(' ').map(|(i, _)| i + 1))
        .take(4);
    for start in starts {
        let t = &text[start..];
        if let Some(clock) = clock_at(t) {
            let rest = t[clock.len..].trim_start_matches(&[',', ' '][..]);
            return Some((clock, date_at(rest).map(|(d, _)| d)));
        }
        if let Some((date, len)) = date_at(t) {
            let rest = t[len..].trim_start_matches(&[',', ' '][..]);
            let rest = rest.strip_prefix("at ").unwrap_or(rest);
            return clock_at(rest).map(|clock| (clock, Some(date)));
        }
    }
    None
}

/// A calendar date, possibly without its year ("January 24").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Date {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The date with its year, as `YYYY-MM-DD`.
    pub fn iso(self) -> Option<String> {
        let y = self.year?;
        let mut out = String::with_capacity(10);
        crate::decimal::push_date(y, self.month, self.day, &mut out);
        Some(out)
    }
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The first three letters of every month and weekday name.
const DATE_WORD_PREFIXES: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon",
    "tue", "wed", "thu", "fri", "sat", "sun",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Reads a month name or its abbreviation ("Sept.", "Jan") from the start of `s`.
fn month_at(s: &str) -> Option<(u32, usize)> {
    let word_len = s
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(s.len());
    let word = &s[..word_len];
    // Month names are capitalised; "may" in a sentence is a verb.
    if word.len() < 3 || !s.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let prefix_of = |m: &str| m.len() >= word.len() && m[..word.len()].eq_ignore_ascii_case(word);
    let index = MONTHS.iter().position(|m| {
        m.eq_ignore_ascii_case(word)
            || (word.len() <= 4 && prefix_of(m) && s[word_len..].starts_with('.'))
            || (word.len() == 3 && prefix_of(m))
    })?;
    let dot = usize::from(word.len() < MONTHS[index].len() && s[word_len..].starts_with('.'));
    Some((index as u32 + 1, word_len + dot))
}

/// Reads a weekday name ("Wednesday", "Wed,") with what follows it up to the next word.
fn weekday_at(s: &str) -> Option<usize> {
    let word_len = s
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(s.len());
    let word = &s[..word_len];
    if word.len() < 3
        || !s.starts_with(|c: char| c.is_ascii_uppercase())
        || !WEEKDAYS
            .iter()
            .any(|d| d.eq_ignore_ascii_case(word) || d[..3].eq_ignore_ascii_case(word))
    {
        return None;
    }
    let rest = &s[word_len..];
    let skip = rest.len() - rest.trim_start_matches(&[',', '.', ' '][..]).len();
    (skip > 0).then_some(word_len + skip)
}

fn number_at(s: &str, max_digits: usize) -> Option<(u32, usize)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > max_digits || s[n..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((s[..n].parse().ok()?, n))
}

/// Reads a date from the start of `s`: "March 23, 2022", "23 March 2022", "Sept. 20, 2017",
/// "Wednesday Sept. 20, 2017", "January 24", "2022-01-24". Returns it and the bytes taken.
pub(crate) fn date_at(s: &str) -> Option<(Date, usize)> {
    if !opens_date(s.as_bytes()) {
        return None;
    }
    if let Some((d, len)) = iso_date_at(s) {
        // A date ends a word ("2022-01-2412" is not 24 January), or a time follows it
        // ("2022-01-24T10:00").
        let rest = &s[len..];
        let ends = !rest.starts_with(char::is_alphanumeric)
            || rest.starts_with('T') && rest[1..].starts_with(|c: char| c.is_ascii_digit());
        return ends.then_some((d, len));
    }
    let lead = weekday_at(s).unwrap_or(0);
    let t = &s[lead..];
    let (month, day, mut i) = if let Some((month, m_len)) = month_at(t) {
        let after = &t[m_len..];
        let gap = after.len() - after.trim_start_matches(' ').len();
        let (day, d_len) = number_at(&after[gap..], 2)?;
        let mut i = m_len + gap + d_len;
        // "24th"
        for suffix in ["st", "nd", "rd", "th"] {
            if t[i..].starts_with(suffix) {
                i += 2;
                break;
            }
        }
        (month, day, i)
    } else {
        let (day, d_len) = number_at(t, 2)?;
        let mut i = d_len;
        for suffix in ["st", "nd", "rd", "th"] {
            if t[i..].starts_with(suffix) {
                i += 2;
                break;
            }
        }
        let gap = t[i..].len() - t[i..].trim_start_matches(' ').len();
        if gap == 0 {
            return None;
        }
        let (month, m_len) = month_at(&t[i + gap..])?;
        (month, day, i + gap + m_len)
    };
    if !(1..=31).contains(&day) || day > days_in_month(None, month) {
        return None;
    }
    if t[i..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let mut year = None;
    let after = &t[i..];
    let sep = after.len() - after.trim_start_matches(&[',', ' '][..]).len();
    if sep > 0 && sep <= 2 {
        if let Some((y, y_len)) = number_at(&after[sep..], 4) {
            // A year ends a word: "8, 2022Oder" has no year.
            let ends = !after[sep + y_len..].starts_with(char::is_alphanumeric);
            if y_len == 4 && (1900..=2200).contains(&y) && ends {
                year = Some(y as i32);
                i += sep + y_len;
            }
        }
    }
    Some((Date { year, month, day }, lead + i))
}

/// Reads a date written in numbers with slashes, as blogging platforms stamp posts
/// ("9/7/2016", "25/12/2023"): month first, as US platforms write it, unless the first number
/// cannot be a month. Returns it and the bytes taken.
pub(crate) fn slash_date_at(s: &str) -> Option<(Date, usize)> {
    let (a, a_len) = number_at(s, 2)?;
    let rest = s[a_len..].strip_prefix('/')?;
    let (b, b_len) = number_at(rest, 2)?;
    let rest = rest[b_len..].strip_prefix('/')?;
    let (year, y_len) = number_at(rest, 4)?;
    if y_len != 4 || rest[y_len..].starts_with(|c: char| c.is_alphanumeric() || c == '/') {
        return None;
    }
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    let year = year as i32;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(Some(year), month) {
        return None;
    }
    let len = a_len + 1 + b_len + 1 + y_len;
    Some((
        Date {
            year: Some(year),
            month,
            day,
        },
        len,
    ))
}

fn iso_date_at(s: &str) -> Option<(Date, usize)> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    // `get`, not indexing: byte 10 may fall inside a character ("2022-01-2€").
    let (year, _) = number_at(s.get(..4)?, 4)?;
    let (month, _) = number_at(s.get(5..7)?, 2)?;
    let (day, _) = number_at(s.get(8..10)?, 2)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(Some(year as i32), month) {
        return None;
    }
    Some((
        Date {
            year: Some(year as i32),
            month,
            day,
        },
        10,
    ))
}

/// Every date written anywhere in `text`, in order.
pub(crate) fn dates_in(text: &str) -> Vec<Date> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < text.len() {
        // Dates open with a digit, or a capitalised month or weekday: check its first three
        // letters before reading further.
        let opens = opens_date(&text.as_bytes()[i..]);
        let at_word = opens && (i == 0 || !text[..i].ends_with(|c: char| c.is_alphanumeric()));
        if at_word {
            if let Some((date, len)) = date_at(&text[i..]) {
                found.push(date);
                i += len;
                continue;
            }
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// Whether a date can open `b`: a digit, or a capital and the first three letters of a
/// month or weekday. Every date [`date_at`] reads opens so; most words do not, and are
/// turned away on their first bytes.
fn opens_date(b: &[u8]) -> bool {
    b.first().is_some_and(u8::is_ascii_digit)
        || (b.first().is_some_and(u8::is_ascii_uppercase)
            && b.len() >= 3
            && DATE_WORD_PREFIXES
                .iter()
                .any(|p| p.as_bytes().eq_ignore_ascii_case(&b[..3])))
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        2 => match year {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub(crate) fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// Day of the week, 0 = Sunday.
fn weekday(days: i64) -> i64 {
    (days + 4).rem_euclid(7)
}

/// The day number of the `nth` (1-based) Sunday of a month, or the last one for `nth == 0`.
fn sunday_of(year: i32, month: u32, nth: u32) -> i64 {
    if nth == 0 {
        let last = days_from_civil(year, month, days_in_month(Some(year), month));
        return last - weekday(last);
    }
    let first = days_from_civil(year, month, 1);
    first + (7 - weekday(first)) % 7 + 7 * i64::from(nth - 1)
}

/// The UTC offset in minutes of `zone` on a given day, or `None` for local time.
pub(crate) fn offset_on(zone: Zone, days: i64) -> Option<i32> {
    let (year, _, _) = civil_from_days(days);
    let eu_summer = || days >= sunday_of(year, 3, 0) && days < sunday_of(year, 10, 0);
    match zone {
        Zone::Fixed(m) => Some(m),
        Zone::Local => None,
        Zone::Uk => Some(if eu_summer() { 60 } else { 0 }),
        Zone::Us(standard) => {
            let summer = days >= sunday_of(year, 3, 2) && days < sunday_of(year, 11, 1);
            Some(standard + if summer { 60 } else { 0 })
        }
    }
}

/// ISO 8601 for a day number and minutes since midnight, with `±HH:MM` when the offset is
/// known.
pub(crate) fn iso_timestamp(days: i64, minutes: u32, offset: Option<i32>) -> String {
    use crate::decimal::{push_date, push_uint};
    let (y, m, d) = civil_from_days(days);
    let mut out = String::with_capacity(25);
    push_date(y, m, d, &mut out);
    out.push('T');
    push_uint(u64::from(minutes / 60), 2, &mut out);
    out.push(':');
    push_uint(u64::from(minutes % 60), 2, &mut out);
    out.push_str(":00");
    if let Some(off) = offset {
        out.push(if off < 0 { '-' } else { '+' });
        let off = off.unsigned_abs();
        push_uint(u64::from(off / 60), 2, &mut out);
        out.push(':');
        push_uint(u64::from(off % 60), 2, &mut out);
    }
    out
}

/// A moment as a page wrote it: a day, minutes since midnight, and the offset it was
/// written in (`None` for local time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Instant {
    pub days: i64,
    pub minutes: u32,
    pub offset: Option<i32>,
}

impl Instant {
    /// The moment `ms` milliseconds after 1970-01-01T00:00Z, in UTC.
    pub fn from_unix_ms(ms: i64) -> Instant {
        let minutes = ms.div_euclid(60_000);
        Instant {
            days: minutes.div_euclid(1440),
            minutes: minutes.rem_euclid(1440) as u32,
            offset: Some(0),
        }
    }

    /// Minutes since 1970-01-01T00:00Z (local times read as UTC), for ordering.
    pub fn utc_minutes(self) -> i64 {
        self.days * 1440 + i64::from(self.minutes) - i64::from(self.offset.unwrap_or(0))
    }

    /// ISO 8601, in the offset it was written in.
    pub fn iso(self) -> String {
        iso_timestamp(self.days, self.minutes, self.offset)
    }
}

/// Reads a machine-written moment: ISO 8601 (`2026-03-02T09:40:00.000+01:00`, `…Z`, with a
/// space for the `T`), Unix time in seconds or milliseconds, or RFC 822 as RSS writes it
/// (`Mon, 02 Mar 2026 09:40:00 +0000`). A date alone is midnight, local.
pub(crate) fn read_instant(text: &str) -> Option<Instant> {
    let s = text.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = s.parse().ok()?;
        return match s.len() {
            9..=11 => Some(Instant::from_unix_ms(n.checked_mul(1000)?)),
            12..=14 => Some(Instant::from_unix_ms(n)),
            _ => None,
        };
    }
    if let Some((date, len)) = iso_date_at(s) {
        let days = days_from_civil(date.year?, date.month, date.day);
        let rest = &s[len..];
        let Some(rest) = rest.strip_prefix(&['T', 't', ' '][..]) else {
            return rest.is_empty().then_some(Instant {
                days,
                minutes: 0,
                offset: None,
            });
        };
        let (minutes, rest) = hms_at(rest)?;
        let offset = numeric_offset(rest)?;
        return Some(Instant {
            days,
            minutes,
            offset,
        });
    }
    // RFC 822: an optional weekday, a date, a time and a zone.
    let s = match s.find(',') {
        Some(comma) if comma <= 9 && s[..comma].chars().all(char::is_alphabetic) => {
            s[comma + 1..].trim_start()
        }
        _ => s,
    };
    let (date, len) = date_at(s)?;
    let days = days_from_civil(date.year?, date.month, date.day);
    let (minutes, rest) = hms_at(s[len..].trim_start())?;
    let rest = rest.trim();
    let offset = match numeric_offset(rest) {
        Some(off) if !rest.is_empty() => off,
        _ => {
            let (zone, _) = zone_at(rest)?;
            offset_on(zone, days)
        }
    };
    Some(Instant {
        days,
        minutes,
        offset,
    })
}

/// Reads `HH:MM`, optional `:SS` and fraction; returns minutes and the rest.
fn hms_at(s: &str) -> Option<(u32, &str)> {
    let (h, a) = number_at(s, 2)?;
    let s = s[a..].strip_prefix(':')?;
    let (m, b) = number_at(s, 2)?;
    let mut rest = &s[b..];
    if let Some(sec) = rest.strip_prefix(':') {
        let (_, c) = number_at(sec, 2)?;
        rest = sec[c..].trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    }
    (h < 24 && m < 60).then_some((h * 60 + m, rest))
}

/// Reads a whole-string offset: empty (local), `Z`, `+01:00`, `-0500`, `+01`.
fn numeric_offset(s: &str) -> Option<Option<i32>> {
    if s.is_empty() {
        return Some(None);
    }
    if s == "Z" || s == "z" {
        return Some(Some(0));
    }
    let sign = match s.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    // The digits after the sign, colons skipped, read as one number: `hh` or `hhmm`.
    let (mut value, mut digits) = (0, 0);
    for &b in &s.as_bytes()[1..] {
        if b == b':' {
            continue;
        }
        if !b.is_ascii_digit() || digits == 4 {
            return None;
        }
        value = value * 10 + i32::from(b - b'0');
        digits += 1;
    }
    let (h, m) = match digits {
        2 => (value, 0),
        4 => (value / 100, value % 100),
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(Some(sign * (h * 60 + m)))
}

/// Reads an age as pages write it ("16m ago", "2 hours ago", "1h ago", "just now"), in
/// minutes.
pub(crate) fn read_age(text: &str) -> Option<i64> {
    let s = text.trim().to_ascii_lowercase();
    if s == "just now" || s == "now" {
        return Some(0);
    }
    let s = s.strip_suffix("ago")?.trim_end();
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let n: i64 = s[..digits].parse().ok()?;
    let unit = s[digits..].trim();
    let per = match unit {
        "s" | "sec" | "secs" | "second" | "seconds" => return Some(0),
        "m" | "min" | "mins" | "minute" | "minutes" => 1,
        "h" | "hr" | "hrs" | "hour" | "hours" => 60,
        "d" | "day" | "days" => 1440,
        _ => return None,
    };
    n.checked_mul(per)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(s: &str) -> Option<u32> {
        clock_at(s).map(|c| c.minutes)
    }

    #[test]
    fn reads_newsroom_clock_forms() {
        assert_eq!(minutes("10:30 a.m. Headline"), Some(630));
        assert_eq!(minutes("6 p.m."), Some(18 * 60));
        assert_eq!(minutes("7.22pm BST"), Some(19 * 60 + 22));
        assert_eq!(minutes("12:25 GMT – Kyiv"), Some(12 * 60 + 25));
        assert_eq!(minutes("12:09 a.m. ET"), Some(9));
        assert_eq!(minutes("12 p.m."), Some(12 * 60));
        assert_eq!(minutes("18:49 (IST)"), Some(18 * 60 + 49));
        assert_eq!(clock_at("7.22pm BST").unwrap().zone, Some(Zone::Fixed(60)));
        assert_eq!(clock_at("18:49 (IST)").unwrap().len, "18:49 (IST)".len());
        assert_eq!(clock_at("3:20 p.m. ET").unwrap().zone, Some(Zone::Us(-300)));
        assert_eq!(minutes("1030 GMT: Talks"), Some(630));
        assert_eq!(clock_at("2215 UTC").unwrap().len, 8);
        assert_eq!(clock_at("14h32 –").unwrap().minutes, 14 * 60 + 32);
        let seconds = clock_at("14:32:10 GMT").unwrap();
        assert_eq!(
            (seconds.minutes, seconds.len),
            (14 * 60 + 32, "14:32:10 GMT".len())
        );
        assert!(clock_at("4h").is_none() && clock_at("4h3").is_none());
        for s in [
            "2022 UK election",
            "1930 local",
            "2022 Et",
            "2460 GMT",
            "1922 GMTx",
        ] {
            assert_eq!(minutes(s), None, "{s}");
        }
    }

    #[test]
    fn rejects_numbers_that_are_not_times() {
        for s in [
            "1922 Committee",
            "8,500 troops",
            "1.2bn",
            "25th",
            "13 pm",
            "10.30bn",
            "6 apples",
            "24:00",
        ] {
            assert_eq!(minutes(s), None, "{s}");
        }
        assert_eq!(clock_at("7:00 Et cetera").unwrap().zone, None);
    }

    #[test]
    fn reads_times_as_updates_write_them() {
        let read = |s: &str| read_time(s).map(|(c, d)| (c.minutes, d.and_then(Date::iso)));
        assert_eq!(read("Posted at 16:49"), Some((16 * 60 + 49, None)));
        assert_eq!(
            read("12:09 a.m. ET, October 30, 2023"),
            Some((9, Some("2023-10-30".into())))
        );
        assert_eq!(
            read("Oct. 30, 2023, 10:03 a.m. ET"),
            Some((603, Some("2023-10-30".into())))
        );
        assert_eq!(
            read("Tue 24 Jan 2023 14.05 GMT"),
            Some((845, Some("2023-01-24".into())))
        );
        assert_eq!(read("16m ago"), None);
    }

    #[test]
    fn reads_dates() {
        let d = |s: &str| date_at(s).map(|(d, _)| d);
        let full = |y, m, dd| {
            Some(Date {
                year: Some(y),
                month: m,
                day: dd,
            })
        };
        assert_eq!(d("March 23, 2022 "), full(2022, 3, 23));
        assert_eq!(d("Wednesday Sept. 20, 2017"), full(2017, 9, 20));
        assert_eq!(d("23 March 2022"), full(2022, 3, 23));
        assert_eq!(d("2022-01-24"), full(2022, 1, 24));
        assert_eq!(
            d("January 24."),
            Some(Date {
                year: None,
                month: 1,
                day: 24
            })
        );
        assert_eq!(d("May 2022"), None);
        assert_eq!(d("February 30, 2022"), None);
        assert_eq!(date_at("Sunday, 5th June 2022").map(|(_, n)| n), Some(21));
        assert_eq!(
            slash_date_at("3/7/2016 4:12 PM"),
            Some((full(2016, 3, 7).unwrap(), 8))
        );
        assert_eq!(
            slash_date_at("25/12/2023"),
            Some((full(2023, 12, 25).unwrap(), 10))
        );
        assert_eq!(slash_date_at("3/4 of a point"), None);
        assert_eq!(slash_date_at("13/13/2023"), None);
    }

    #[test]
    fn finds_dates_inside_text() {
        let found =
            dates_in("seen in Avdiivka on January 24, 2022 [credit]; updates for January 24.");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].iso().as_deref(), Some("2022-01-24"));
        assert_eq!(found[1].year, None);
    }

    #[test]
    fn calendar_round_trips_and_daylight_saving() {
        for days in [-800_000, -1, 0, 59, 19_000, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        let sept = days_from_civil(2017, 9, 16);
        assert_eq!(offset_on(Zone::Uk, sept), Some(60));
        assert_eq!(offset_on(Zone::Uk, days_from_civil(2022, 1, 24)), Some(0));
        assert_eq!(
            offset_on(Zone::Us(-300), days_from_civil(2023, 10, 30)),
            Some(-240)
        );
        assert_eq!(
            offset_on(Zone::Us(-300), days_from_civil(2023, 11, 5)),
            Some(-300)
        );
        assert_eq!(
            iso_timestamp(sept, 19 * 60 + 22, Some(60)),
            "2017-09-16T19:22:00+01:00"
        );
        assert_eq!(
            iso_timestamp(sept, 5, Some(-330)),
            "2017-09-16T00:05:00-05:30"
        );
        assert_eq!(iso_timestamp(sept, 5, None), "2017-09-16T00:05:00");
    }

    #[test]
    fn machine_written_moments() {
        let iso = |s: &str| read_instant(s).map(Instant::iso);
        assert_eq!(
            iso("2026-03-02T09:40:00Z").as_deref(),
            Some("2026-03-02T09:40:00+00:00")
        );
        assert_eq!(
            iso("2023-10-30T00:09:00.000-04:00").as_deref(),
            Some("2023-10-30T00:09:00-04:00")
        );
        assert_eq!(
            iso("2026-03-02 09:40+0100").as_deref(),
            Some("2026-03-02T09:40:00+01:00")
        );
        assert_eq!(
            iso("2026-03-02T09:40").as_deref(),
            Some("2026-03-02T09:40:00")
        );
        assert_eq!(
            iso("1772444400").as_deref(),
            Some("2026-03-02T09:40:00+00:00")
        );
        assert_eq!(
            iso("1772444400000").as_deref(),
            Some("2026-03-02T09:40:00+00:00")
        );
        assert_eq!(
            iso("Mon, 02 Mar 2026 09:40:00 +0000").as_deref(),
            Some("2026-03-02T09:40:00+00:00")
        );
        assert_eq!(
            iso("Mon, 02 Mar 2026 04:40:00 EST").as_deref(),
            Some("2026-03-02T04:40:00-05:00")
        );
        for bad in [
            "",
            "2026-13-02T09:40Z",
            "2026-03-02T25:00Z",
            "soon",
            "12",
            "2026-03-02T09:40+99:00",
        ] {
            assert_eq!(iso(bad), None, "{bad}");
        }
        assert!(
            read_instant("2026-03-02T09:40+01:00")
                .unwrap()
                .utc_minutes()
                < read_instant("2026-03-02T09:40Z").unwrap().utc_minutes()
        );
    }

    #[test]
    fn ages() {
        assert_eq!(read_age("16m ago"), Some(16));
        assert_eq!(read_age("2 hours ago"), Some(120));
        assert_eq!(read_age("1h ago"), Some(60));
        assert_eq!(read_age("Just now"), Some(0));
        assert_eq!(read_age("16m"), None);
        assert_eq!(read_age("99999999999999999999m ago"), None);
    }

    #[test]
    fn reads_numeric_offsets_as_written() {
        for (s, want) in [
            ("", Some(None)),
            ("Z", Some(Some(0))),
            ("+01:00", Some(Some(60))),
            ("-0500", Some(Some(-300))),
            ("+05:30", Some(Some(330))),
            ("+01", Some(Some(60))),
            ("+14:00", Some(Some(840))),
            ("+15:00", None),
            ("+01:60", None),
            ("+1", None),
            ("+010", None),
            ("+01:000", None),
            ("+0a:00", None),
            ("+٠١:٠٠", None),
            ("01:00", None),
        ] {
            assert_eq!(numeric_offset(s), want, "{s:?}");
        }
    }
}
