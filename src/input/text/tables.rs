//! What the text reader knows as data: marks, labels, credits and page furniture, each a
//! row a test can name. Matching rules live with the code that reads them.

/// Bullet marks that open a list item or a post.
pub(super) const BULLETS: &[char] = &['•', '●', '▪', '◦', '‣', '-', '*', '–', '—'];

/// Labels before a credit at the end of a caption ("… Photograph: Name/Agency").
pub(super) const CREDIT_LABELS: &[&str] = &[
    "Photograph:",
    "Photo:",
    "Photos:",
    "Picture:",
    "Image:",
    "Credit:",
    "Photo credit:",
    "Photo by",
    "Photograph by",
    "©",
];

/// Agencies whose name alone, in brackets at the end of a line, credits a photo.
pub(super) const AGENCIES: &[&str] = &[
    "AP",
    "AFP",
    "Reuters",
    "Getty Images",
    "EPA",
    "EPA-EFE",
    "Anadolu",
    "Anadolu Agency",
    "PA",
    "PA Images",
    "Shutterstock",
    "Xinhua",
    "Bloomberg",
    "TASS",
    "Sputnik",
];

/// Phrases by which a page says that coverage has ended (matched case-insensitively).
pub(super) const CLOSED_PHRASES: &[&str] = &[
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
pub(super) const LIVE_BADGES: &[&str] = &[
    "live",
    "live reporting",
    "live updates",
    "live coverage",
    "breaking news live",
];

/// Separators that make a line a breadcrumb trail ("News / World / Europe").
pub(super) const BREADCRUMB_SEPARATORS: &[&str] = &[" / ", " | ", " > ", " » ", " › "];

/// Labels before a page's publication date line.
pub(super) const DATE_LABELS: &[&str] = &[
    "Updated:",
    "Updated",
    "Last updated:",
    "Last updated",
    "Published:",
    "Published",
    "Posted:",
    "Posted",
    "First published on",
    "Published on",
    "Last modified on",
];

/// Labels before a time that opens an update ("Posted at 18:49", "Updated 09.20").
pub(super) const TIME_LABELS: &[&str] = &[
    "Posted at",
    "Posted",
    "Published at",
    "Published",
    "Updated at",
    "Updated",
    "Last updated",
];

/// Breaks in play a match report marks posts with, where the minute would go, and where
/// each falls in the match (in seconds, as minutes are counted): after the first half's
/// added time, after the second's.
pub(super) const MATCH_BREAKS: &[(&str, i64)] = &[
    ("Half-time", 45 * 60 + 59),
    ("Half time", 45 * 60 + 59),
    ("HT", 45 * 60 + 59),
    ("Full-time", 90 * 60 + 59),
    ("Full time", 90 * 60 + 59),
    ("FT", 90 * 60 + 59),
];

/// Words naming a cricket over, before it ("Over 12", "Ov 12.3") or after it ("12.3 ov"),
/// longest first.
pub(super) const OVER_WORDS: &[&str] = &["overs", "over", "ov"];

/// Units of a relative time ("16m ago", "2 hours ago").
pub(super) const RELATIVE_UNITS: &[&str] = &[
    "s", "sec", "secs", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr", "hrs",
    "hour", "hours", "d", "day", "days",
];

/// Whole lines that are page furniture, not content (matched case-insensitively, without a
/// final full stop): they never open an update or title the page, and in a post they are
/// its labels, not its text.
pub(super) const UI_LINES: &[&str] = &[
    "advertisement",
    "advert",
    "sponsored",
    "supported by",
    "continue reading",
    "continue reading the main story",
    "read more",
    "show more",
    "show key events only",
    "share",
    "share this",
    "share this post",
    "share this article",
    "share this page",
    "related",
    "related articles",
    "related topics",
    "more on this story",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "skip advertisement",
    "accessibility links",
    "sign up",
    "subscribe",
    "comments",
    "get involved",
    "please turn on javascript",
    "listen to this article",
    // The page's badge ("LIVE" beside its title), never a post's heading.
    "live",
];

/// Badges a page prints on a post, alone on a line or glued to its heading
/// ("BreakingPolice close the bridge"): case as written, first letter a capital.
pub(super) const POST_LABELS: &[&str] = &[
    "Breaking news",
    "Breaking",
    "Key event",
    "Key events",
    "Pinned post",
    "Pinned",
    "Update",
    "Analysis",
    "Explainer",
    "Just in",
    "Latest",
    "Exclusive",
    "Watch",
    "Video",
    "Listen",
    "Opinion",
    "Summary",
    "Recap",
    "Goal",
    "Substitution",
    "Yellow card",
    "Red card",
    "Penalty",
    "Full time",
    "Half time",
    "Kick-off",
];

/// Separators between a time and the headline on the same line.
pub(super) const TIME_SEPARATORS: &[&str] = &["–", "—", "-", ":", "|", "·", "/", "."];

/// Words a sentence or a heading never ends on: articles, prepositions, conjunctions,
/// possessives.
pub(super) const DANGLING: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "her", "his", "in", "into", "its",
    "of", "on", "or", "our", "over", "than", "the", "their", "to", "with", "your",
];
