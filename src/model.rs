//! The live blog as plain data: what every input format produces and every later stage reads.
//!
//! Nothing here has behaviour. Field names serialise in camelCase; optional fields are
//! `null` in JSON rather than absent, so a consumer can rely on every key being there.

use serde::Serialize;

/// A whole live blog: its header matter and its updates, in the order the page gives them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LiveBlog {
    /// The page's headline, when one can be told apart from page clutter.
    pub title: Option<String>,
    /// The standfirst: the sentence under the title that sums the blog up.
    pub summary: Option<String>,
    /// Whether the page says it is still being updated or has closed.
    pub status: Option<Status>,
    /// The day the blog covers, `YYYY-MM-DD`, when the text says it.
    pub date: Option<String>,
    /// The page's `Source: …` line, as written.
    pub source: Option<String>,
    /// Whether the page lists its updates newest first or oldest first, when the times tell.
    pub order: Option<Order>,
    /// Everything before the first update that is not the title or summary: clutter,
    /// datelines, key points, intro paragraphs, "the live blog is now closed".
    pub header: Vec<String>,
    /// Photos that sit in the header rather than in an update.
    pub images: Vec<Image>,
    /// The updates, in document order.
    pub updates: Vec<Update>,
    /// Quotes with their speakers (filled by the quote extractor), in page order.
    pub quotes: Vec<Quote>,
    /// People, places and organisations (filled by the entity extractor).
    pub entities: Vec<Entity>,
    /// What the parser noticed and worked around.
    pub warnings: Vec<Warning>,
    /// How the input was read: `text`, `html` with the site profile that matched
    /// (`html: The Guardian`, `html: generic`), `json-ld`, `rss`, `atom` or `json feed`.
    pub format: String,
}

/// Whether a live blog is still running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// The page presents itself as live.
    Live,
    /// The page says coverage has ended.
    Closed,
}

/// The order in which a page lists its updates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Order {
    /// The latest update comes first (the usual live blog).
    NewestFirst,
    /// Updates read from the earliest down (minute-by-minute reports, recaps).
    OldestFirst,
}

/// One post of a live blog.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Update {
    /// Stable id: `u1` is the earliest update, so ids survive new posts at either end.
    pub id: String,
    /// The post's number, when the page numbers its posts.
    pub number: Option<u32>,
    /// A day separator line that opens this update ("March 22, 2022"), as written.
    pub day_heading: Option<String>,
    /// The post's headline, without its time or number.
    pub headline: Option<String>,
    /// The time as written ("10:30 a.m.", "7.22pm BST").
    pub time: Option<String>,
    /// The time resolved against the blog's date: ISO 8601, with an offset when the zone
    /// is known and as local time when the page says only "local".
    pub timestamp: Option<String>,
    /// Who wrote the post, when the page names them with it, as written ("21:38 , Jacob
    /// Phillips" gives "Jacob Phillips", a line "By Jane Okoro" gives "By Jane Okoro").
    pub byline: Option<String>,
    /// Lines that frame the post rather than tell it, as written: a second time in another
    /// zone or clock ("23:39" under "11.39pm EST"), a kicker repeated above every post
    /// ("UKRAINE WAR"), a badge ("Breaking", "Key event"), a date under the headline, page
    /// furniture after the post ("Advertisement", "Share").
    pub labels: Vec<String>,
    /// Body paragraphs, one per line of the input, as written.
    pub paragraphs: Vec<String>,
    /// Photos in the post.
    pub images: Vec<Image>,
    /// Web addresses found in the post.
    pub links: Vec<String>,
    /// Where the post sits in the input.
    pub span: Span,
    /// How a page finds the post's element: a CSS selector (`#block-123`, or a path from
    /// the nearest element with an id) for HTML input; `None` for plain text and for feed
    /// items without a page anchor.
    pub anchor: Option<String>,
    /// The page pins the post above the stream (a pinned copy is not counted twice).
    pub pinned: bool,
    /// The page marks the post as a key event.
    pub key_event: bool,
    /// The input shows the post: false for a post only a page's JSON-LD lists (the whole
    /// blog there against the newest posts in the markup), which a page cannot highlight.
    pub in_page: bool,
}

/// A photo as plain text shows it: a description, a caption and a credit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Image {
    /// A short description of the photo (the line above a credited caption).
    pub alt: Option<String>,
    /// The caption, without its credit.
    pub caption: Option<String>,
    /// The photographer or agency, as written ("Wolfgang Schwan/Anadolu Agency").
    pub credit: Option<String>,
}

/// A byte range of the UTF-8 input, `start..end`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset just past the last byte.
    pub end: usize,
}

/// A quote and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// Stable id within the blog: `q1`, `q2`, … the header's first, then each update's from
    /// the earliest (`u1`) on, so that a new post renumbers none; the list is in page order.
    pub id: String,
    /// The quoted words, without quote marks; paragraphs of a long quote joined by a space.
    pub text: String,
    /// Who said it, when the text says.
    pub speaker: Option<Speaker>,
    /// The verb or phrase that attributes it ("said", "told reporters", "tweeted"), as written.
    pub cue: Option<String>,
    /// The update it was found in; `None` for the blog's title and header.
    pub update_id: Option<String>,
    /// Whether it was found in a headline or the blog's title.
    pub in_headline: bool,
    /// Whether it was found in a photo caption.
    pub in_caption: bool,
    /// A whole statement, or a few words inside a sentence.
    pub kind: QuoteKind,
    /// Which text of the update (or header) holds it.
    pub part: TextPart,
    /// The index of that text among its kind (paragraph, header line, photo), 0 for a
    /// headline, the title or the summary.
    pub index: usize,
    /// The byte range of the quoted words (marks excluded) within that text.
    pub span: Span,
    /// The id of an earlier quote with the same words (the header's copy of an update's
    /// quote, a caption repeating the body), or, for a headline's quote, of the quote in its
    /// update's body that says its words in full: lookups count the two once.
    pub same_as: Option<String>,
}

/// Who said a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Speaker {
    /// The canonical name: "Ana Reyes" for "Reyes", "Minister Reyes" and "Harbour Minister Ana
    /// Reyes"; an organisation's name ("White House") when an organisation speaks.
    pub name: String,
    /// The words the text used for the speaker at this quote ("he", "the official").
    pub as_written: String,
    /// The role written with the name ("US President", "Pentagon spokesman").
    pub role: Option<String>,
}

/// A speaker and how often the blog quotes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpeakerSummary {
    /// The canonical name.
    pub name: String,
    /// The first role written with the name.
    pub role: Option<String>,
    /// Other names the blog used for them ("Reyes", "Minister Reyes"), pronouns left out.
    pub aliases: Vec<String>,
    /// How many quotes, a repeated quote counted once.
    pub quotes: usize,
}

/// Whether a quote is a whole statement or a few words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum QuoteKind {
    /// A sentence or more.
    Full,
    /// A few words inside a sentence: “total” agreement.
    Partial,
}

/// The texts of an update (or of the header) a quote can sit in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TextPart {
    /// The blog's title.
    Title,
    /// The update's headline.
    Headline,
    /// A body paragraph.
    Paragraph,
    /// A photo caption.
    Caption,
    /// The blog's summary (standfirst).
    Summary,
    /// A header line.
    Header,
    /// The update's byline.
    Byline,
}

/// A person, place or organisation named in the blog, under all the names it goes by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    /// `e1`, `e2`, … in order of first mention, the header first, then from the earliest
    /// update on, so that a new post renumbers none; the list is by first mention on the page.
    pub id: String,
    /// The canonical name ("Joe Biden", "United States", "European Union").
    pub name: String,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// Other names the blog uses for it ("Biden", "US", "EU").
    pub aliases: Vec<String>,
    /// A role written with a person's name ("US President"), or "photographer" for a credit.
    pub role: Option<String>,
    /// Where the blog names it, in document order.
    pub mentions: Vec<Mention>,
}

/// One place where the blog names an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mention {
    /// The update; `None` for the header.
    pub update_id: Option<String>,
    /// Which text of it.
    pub part: TextPart,
    /// The index of that text among its kind (paragraph, header line, photo).
    pub index: usize,
    /// The byte range of the name within that text.
    pub span: Span,
    /// `false` when the entity is only implied: "Ukrainian servicemen" mentions Ukraine
    /// through its demonym.
    pub direct: bool,
}

/// Facet values for one kind of entity: each entity with how many updates name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FacetValue {
    /// The entity's id.
    pub entity_id: String,
    /// Its canonical name.
    pub name: String,
    /// How many updates name it (directly or not).
    pub updates: usize,
}

/// People, places and organisations, each most named first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Facets {
    /// People.
    pub people: Vec<FacetValue>,
    /// Places.
    pub places: Vec<FacetValue>,
    /// Organisations.
    pub orgs: Vec<FacetValue>,
}

/// The kinds of named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A country, city or region.
    Place,
    /// An organisation.
    Org,
}

/// Something the parser noticed about its input and worked around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// A stable code for programs (`truncated`, `noUpdates`, `noDate`).
    pub code: WarningCode,
    /// A sentence for people.
    pub message: String,
    /// The 1-based input line it concerns, if any.
    pub line: Option<usize>,
}

/// Stable warning codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum WarningCode {
    /// The text ends mid-sentence, as a clipped page does.
    Truncated,
    /// No updates could be told apart; everything went to the header.
    NoUpdates,
    /// Updates carry times but the page gives no date to resolve them against.
    NoDate,
    /// The markup is malformed (unclosed or stray tags, bad attributes); what could be read
    /// was read.
    MalformedMarkup,
    /// A JSON-LD block in the page could not be read, or held no live blog.
    BadJsonLd,
    /// Times such as "16m ago" that need the caller's `now`, which was not given.
    NoNow,
    /// No layout explains the text well, or no line opens posts at all (the updates are the
    /// best reading left, such as blocks between blank lines).
    UnclearLayout,
}
