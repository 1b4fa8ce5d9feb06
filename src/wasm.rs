//! The JavaScript boundary: the only file that imports wasm-bindgen and js-sys.
//!
//! Functions here convert arguments, call the core, and hand back plain objects (one JSON
//! string from `serde_json`, parsed by the engine) or a real JS `Error` that carries a
//! stable `code`.

use js_sys::{Error as JsError, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A whole live blog as plain data: its header matter and its updates, in page order. */
export interface LiveBlogData {
  /** The page's headline, when one can be told apart from page clutter. */
  title: string | null;
  /** The standfirst under the title. */
  summary: string | null;
  /** Whether the page says it is still being updated or has closed. */
  status: "live" | "closed" | null;
  /** The day the blog covers, `YYYY-MM-DD`, when the text says it. */
  date: string | null;
  /** The page's `Source: …` line, as written. */
  source: string | null;
  /** Whether updates are listed newest first or oldest first, when their times tell. */
  order: "newestFirst" | "oldestFirst" | null;
  /** Header lines that are not the title or summary: clutter, datelines, key points, intro. */
  header: string[];
  /** Photos in the header. */
  images: Image[];
  /** The updates, in document order. */
  updates: Update[];
  /** Quotes with their speakers. */
  quotes: Quote[];
  /** People, places and organisations, with their aliases and mentions. */
  entities: Entity[];
  /** What the parser noticed and worked around. */
  warnings: Warning[];
  /** How the input was read: "text", "html: " and the site profile that matched ("html: The
   * Guardian", "html: generic"), "json-ld", "rss", "atom" or "json feed". */
  format: string;
}

/** Where a page or feed came from, for `LiveBlog.fromHtml`, `fromJsonLd`, `fromFeed`,
 * `from` and `fromElement`. Every field is optional. */
export interface ReadOptions {
  /** The page's address, to resolve relative links. Default: none (relative links are
   * dropped); `fromElement` uses the element's document address. */
  url?: string;
  /** The moment the page was read, for times such as "16m ago": milliseconds since 1970, a
   * `Date`, or an ISO 8601 string. The library never reads the clock itself. Default: none
   * (such times stay unresolved, with a `noNow` warning); `fromElement` uses `Date.now()`. */
  now?: number | Date | string;
  /** The largest input accepted, in UTF-8 bytes; larger input throws `LB_TOO_LARGE`.
   * Default and ceiling: 33554432 (32 MiB). */
  maxBytes?: number;
  /** The input is a page's post elements themselves (HTML), each top-level element one
   * post, as a page adds them: a lone post is read as a post, not as an article. Default:
   * false. */
  posts?: boolean;
  /** Keep only the posts the page's markup shows, leaving out those only its JSON-LD lists
   * (`inPage: false`), as a page filtering its own posts cannot show them. Default: false. */
  inPageOnly?: boolean;
}

/** One post of a live blog. */
export interface Update {
  /** Stable id: `u1` is the earliest update, so ids survive new posts at either end. */
  id: string;
  /** The post's number, when the page numbers its posts. */
  number: number | null;
  /** A day separator line that opens this update ("March 22, 2022"), as written. */
  dayHeading: string | null;
  /** The headline, without its time or number. */
  headline: string | null;
  /** The time as written ("10:30 a.m.", "7.22pm BST"). */
  time: string | null;
  /** ISO 8601, with an offset when the zone is known, as local time otherwise. */
  timestamp: string | null;
  /** Who wrote the post, when the page names them with it, as written ("21:38 , Jacob
   * Phillips" gives "Jacob Phillips"; a line "By Jane Okoro" gives "By Jane Okoro"). */
  byline: string | null;
  /** Lines that frame the post rather than tell it, as written: a second time ("23:39"
   * under "11.39pm EST"), a kicker repeated above every post, a badge ("Breaking", "Key
   * event"), a date under the headline, furniture after the post ("Advertisement"). */
  labels: string[];
  /** Body paragraphs, as written. */
  paragraphs: string[];
  /** Photos in the post. */
  images: Image[];
  /** Web addresses found in the post. */
  links: string[];
  /** UTF-8 byte range of the post in the input (plain text only). */
  span: Span;
  /** A CSS selector for the post's element in the page (`#block-123`, or a path from the
   * nearest element with an id); null for text and for feed items without a page anchor. */
  anchor: string | null;
  /** The page pins the post above the stream (its pinned copy is not counted twice). */
  pinned: boolean;
  /** The page marks the post as a key event. */
  keyEvent: boolean;
  /** The input shows the post: false for a post only a page's JSON-LD lists (the whole blog
   * there against the newest posts in the markup), which the page cannot highlight. */
  inPage: boolean;
}

/** A photo as text shows it. */
export interface Image {
  /** A short description (the line above a credited caption). */
  alt: string | null;
  /** The caption without its credit. */
  caption: string | null;
  /** The photographer or agency, as written. */
  credit: string | null;
}

/** A UTF-8 byte range of the input, `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A quote and who said it. */
export interface Quote {
  /** `q1`, `q2`, … from the earliest update on (a new post renumbers none); listed in page order. */
  id: string;
  /** The quoted words, without quote marks. */
  text: string;
  /** Who said it, when the text says. */
  speaker: Speaker | null;
  /** The verb or phrase that attributes it ("said", "told reporters"), as written. */
  cue: string | null;
  /** The update it was found in; null for the blog's title and header. */
  updateId: string | null;
  /** In an update's headline or the blog's title. */
  inHeadline: boolean;
  inCaption: boolean;
  /** A whole statement, or a few words inside a sentence. */
  kind: "full" | "partial";
  /** Which text holds it. */
  part: "title" | "headline" | "paragraph" | "caption" | "summary" | "header";
  /** The index of that text among its kind (paragraph, header line, photo). */
  index: number;
  /** UTF-8 byte range of the quoted words within that text. */
  span: Span;
  /** The id of an earlier quote with the same words, or, for a headline's quote, of its
   * body's quote saying its words in full; lookups count the two once. */
  sameAs: string | null;
}

/** Who said a quote. */
export interface Speaker {
  /** Canonical name: "Ana Reyes" for "Reyes", "Minister Reyes", "Harbour Minister Ana Reyes". */
  name: string;
  /** The words the text used at this quote ("he", "the official"). */
  asWritten: string;
  /** The role written with the name ("US President"). */
  role: string | null;
}

/** A person, place or organisation, under all the names it goes by. */
export interface Entity {
  /** `e1`, `e2`, … by first mention from the earliest update on (a new post renumbers none). */
  id: string;
  /** The canonical name ("Joe Biden", "United States", "European Union"). */
  name: string;
  kind: "person" | "place" | "org";
  /** Other names the blog uses for it ("Biden", "US", "EU"). */
  aliases: string[];
  /** A role written with a person's name ("US President"), or "photographer". */
  role: string | null;
  /** Where the blog names it. */
  mentions: Mention[];
}

/** One place where the blog names an entity. */
export interface Mention {
  /** The update; null for the header. */
  updateId: string | null;
  part: "title" | "headline" | "paragraph" | "caption" | "summary" | "header" | "byline";
  index: number;
  /** UTF-8 byte range of the name within that text. */
  span: Span;
  /** false when only implied: "Ukrainian servicemen" mentions Ukraine through its demonym. */
  direct: boolean;
}

/** An entity with how many updates name it. */
export interface FacetValue {
  entityId: string;
  name: string;
  updates: number;
}

/** People, places and organisations, each most named first; entities no update names are
 * left out. */
export interface Facets {
  people: FacetValue[];
  places: FacetValue[];
  orgs: FacetValue[];
}

/** Something the parser noticed. */
export interface Warning {
  code:
    | "truncated"
    | "noUpdates"
    | "noDate"
    | "malformedMarkup"
    | "badJsonLd"
    | "noNow"
    | "unclearLayout";
  message: string;
  /** The 1-based input line it concerns. */
  line: number | null;
}

/** A speaker and how often the blog quotes them. */
export interface SpeakerSummary {
  /** The canonical name. */
  name: string;
  /** The first role written with the name. */
  role: string | null;
  /** Other names the blog used for them ("Reyes", "Minister Reyes"), pronouns left out. */
  aliases: string[];
  /** How many quotes, a repeated quote counted once. */
  quotes: number;
}

/** Which quotes `LiveBlog.quotes()` returns; every field given must hold. */
export interface QuoteFilter {
  /** Any name the blog uses for the speaker, in any case, with or without accents or
   * titles ("biden", "President Biden"). Default: any speaker. */
  speaker?: string;
  /** Words the quote holds, inflected or slightly misspelt ("severe cost"). Default: any. */
  words?: string;
  /** Only quotes in this update (`u3`). Default: every update and the header. */
  updateId?: string;
}

/** How to search. Every field is optional. */
export interface SearchOptions {
  /** Result order. Default: "relevance" (best first, equal scores newest first). */
  sort?: "relevance" | "newest" | "oldest";
  /** Results per page. Default: 20. */
  limit?: number;
  /** Results to skip. Default: 0. */
  offset?: number;
  /** The last word, when the query does not end in a space, matches as a prefix. Default: true. */
  prefix?: boolean;
  /** Words also match words a typo away: one edit from 4 letters, two from 8, as typed against the words as written and stem against stem. Default: true. */
  fuzzy?: boolean;
  /** Throw `LB_QUERY` for a query the reader cannot use in full, instead of a warning. Default: false. */
  strict?: boolean;
  /** Facet chips: values of one kind are alternatives, kinds combine. */
  filters?: SearchFilters;
  /** Values listed per facet kind. Default: 20. */
  facetLimit?: number;
  /** Hits carry `headline` and `excerpt` as HTML. With false (a page highlighting its own
   * copy of the updates, with `words`) both are empty strings, and every hit costs about as
   * little as a page of ten. Default: true. */
  excerpts?: boolean;
  /** Fill `SearchResults.words`. Default: false. */
  words?: boolean;
}

/** Facet chips, by canonical name (as `SearchResults.facets` lists them). */
export interface SearchFilters {
  people?: string[];
  places?: string[];
  orgs?: string[];
  speakers?: string[];
  /** Only updates holding a quote. */
  hasQuote?: boolean;
  /** Only updates holding a photo. */
  hasImage?: boolean;
  /** Only updates of this blog (a `SearchIndex` key). */
  blog?: string;
}

/** One matching update. */
export interface SearchHit {
  /** The blog key (empty for `LiveBlog.search`). */
  blog: string;
  updateId: string;
  /** Relevance, higher is better; 0 when the query has no words. */
  score: number;
  /** Fields a query word matched. */
  fields: ("headline" | "body" | "caption" | "names" | "speaker")[];
  /** The headline as HTML: escaped, matched words in `<mark>`. */
  headline: string;
  /** A passage around the best match as HTML: escaped, matched words in `<mark>`. */
  excerpt: string;
  timestamp: string | null;
}

/** A facet value and how many results choosing it would leave. */
export interface FacetCount {
  name: string;
  count: number;
}

/** Facet counts of a search, most results first. */
export interface SearchFacets {
  people: FacetCount[];
  places: FacetCount[];
  orgs: FacetCount[];
  speakers: FacetCount[];
  hasQuote: number;
  hasImage: number;
}

/** A page of results. */
export interface SearchResults {
  /** How many updates match in all. */
  total: number;
  hits: SearchHit[];
  facets: SearchFacets;
  /** What the lenient reader ignored in the query. */
  warnings: string[];
  /** With `words: true`: every spelling, in these hits' texts, of the words the query
   * matched (inflections, names a typo reached), sorted, to highlight the updates somewhere
   * else (a page's own copy). Otherwise empty. */
  words: string[];
}

/** Errors thrown by this package carry a stable `code`. */
export interface LiveBlogError extends Error {
  code:
    | "LB_INPUT_TYPE"
    | "LB_TOO_LARGE"
    | "LB_NOT_TEXT"
    | "LB_OPTIONS"
    | "LB_QUERY"
    | "LB_INDEX_VERSION"
    | "LB_INDEX_CORRUPT"
    | "LB_JSON"
    | "LB_BLOG_CORRUPT"
    | "LB_FREED"
    | "LB_INTERNAL";
}
"#;

/// A JS `Error` with a `code` property.
fn error(code: &str, message: &str) -> JsValue {
    let err = JsError::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&err, &"code".into(), &code.into());
    err.into()
}

/// Parses a live blog in any form (plain text, page HTML, JSON-LD, RSS, Atom or JSON Feed,
/// told apart by how it opens) into a plain object (see the `LiveBlogData` interface).
///
/// Throws an `Error` with `code` `LB_INPUT_TYPE` when `input` is not a string,
/// `LB_OPTIONS` for bad options, `LB_TOO_LARGE` or `LB_NOT_TEXT` when the core refuses the
/// input, `LB_JSON` for JSON that does not parse.
#[wasm_bindgen(js_name = parse, unchecked_return_type = "LiveBlogData")]
pub fn parse(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&read(Form::Any, input, &options)?)
}

/// Which reader to use.
#[derive(Clone, Copy)]
enum Form {
    Text,
    Html,
    JsonLd,
    Feed,
    Any,
}

fn read(form: Form, input: JsValue, options: &JsValue) -> Result<crate::LiveBlog, JsValue> {
    let Some(text) = input.as_string() else {
        let got = input.js_typeof().as_string().unwrap_or_default();
        return Err(error(
            "LB_INPUT_TYPE",
            &format!("LB_INPUT_TYPE: expects the live blog as a string, got {got}"),
        ));
    };
    let options = read_options(options)?;
    match form {
        Form::Text => crate::parse(&text),
        Form::Html => crate::parse_html(&text, &options),
        Form::JsonLd => crate::parse_json_ld(&text, &options),
        Form::Feed => crate::parse_feed(&text, &options),
        Form::Any => crate::parse_any(&text, &options),
    }
    .map_err(|e| error(e.code(), &e.to_string()))
}

/// `ReadOptions` from JS: `url` a string, `now` milliseconds, a `Date` or an ISO string.
fn read_options(options: &JsValue) -> Result<crate::ReadOptions, JsValue> {
    let url = string_field(options, "url", "the read options")?;
    let now = match field(options, "now", "the read options")? {
        None => None,
        Some(v) => {
            let ms = if let Some(n) = v.as_f64() {
                n
            } else if let Some(date) = v.dyn_ref::<js_sys::Date>() {
                date.get_time()
            } else if let Some(text) = v.as_string() {
                js_sys::Date::parse(&text)
            } else {
                f64::NAN
            };
            if !ms.is_finite() {
                return Err(wrong(
                    "now",
                    "milliseconds since 1970, a Date or an ISO 8601 string",
                ));
            }
            Some(ms as i64)
        }
    };
    let max_bytes = whole_number(
        options,
        "maxBytes",
        "the read options",
        "a whole number of bytes",
    )?;
    Ok(crate::ReadOptions {
        url,
        now,
        max_bytes,
        // The options are known to be an object (or none) by now.
        posts: bool_option(options, "posts", false)?,
        in_page_only: bool_option(options, "inPageOnly", false)?,
    })
}

/// The size of the last allocation that failed, 0 if none: after the module stops, the
/// guard asks, to report `LB_TOO_LARGE` with it rather than an internal failure.
#[wasm_bindgen(js_name = failedAllocation, skip_typescript)]
pub fn failed_allocation() -> f64 {
    crate::memory::failed_allocation() as f64
}

/// Hands Rust data to JS as plain objects, `null` for absent values: one JSON string that
/// the engine parses, as search results cross.
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let internal = || error("LB_INTERNAL", "LB_INTERNAL: could not hand the model to JS");
    let json = serde_json::to_string(value).map_err(|_| internal())?;
    js_sys::JSON::parse(&json).map_err(|_| internal())
}

/// A string argument, or an `LB_INPUT_TYPE` error saying what was expected.
fn string_arg(value: &JsValue, expected: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        error(
            "LB_INPUT_TYPE",
            &format!("LB_INPUT_TYPE: {expected} as a string"),
        )
    })
}

/// A field of an options object, `None` when absent; an error when `options` is not an
/// object.
fn field(options: &JsValue, name: &'static str, what: &str) -> Result<Option<JsValue>, JsValue> {
    got(options, what, |o| Reflect::get(o, &JsValue::from_str(name)))
}

/// A field of an options object as `get` reads it, `None` when absent (or when reading it
/// throws); an error when `options` is not an object.
fn got(
    options: &JsValue,
    what: &str,
    get: impl FnOnce(&Opts) -> Result<JsValue, JsValue>,
) -> Result<Option<JsValue>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    if !options.is_object() {
        return Err(error(
            "LB_OPTIONS",
            &format!("LB_OPTIONS: {what} must be an object"),
        ));
    }
    let value = get(options.unchecked_ref()).unwrap_or(JsValue::UNDEFINED);
    Ok((!value.is_undefined() && !value.is_null()).then_some(value))
}

#[wasm_bindgen]
extern "C" {
    /// The search options and their `filters` as JS sees them: each getter is one property
    /// read written into the glue, so no name crosses the boundary as a string. Made once
    /// per option per call, those strings were a third of the time of a search finding
    /// nothing (5 of 16 us in Node).
    type Opts;
    #[wasm_bindgen(method, getter, catch)]
    fn sort(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn filters(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn limit(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn offset(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn prefix(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn fuzzy(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter = facetLimit, catch)]
    fn facet_limit(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn excerpts(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn words(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn strict(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn people(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn places(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn orgs(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn speakers(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter = hasQuote, catch)]
    fn has_quote(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter = hasImage, catch)]
    fn has_image(this: &Opts) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn blog(this: &Opts) -> Result<JsValue, JsValue>;
}

/// Reads an optional string field of an options object (`what` names the object).
fn string_field(
    options: &JsValue,
    name: &'static str,
    what: &str,
) -> Result<Option<String>, JsValue> {
    text(field(options, name, what)?, name)
}

/// An optional string.
fn text(value: Option<JsValue>, name: &str) -> Result<Option<String>, JsValue> {
    match value {
        None => Ok(None),
        Some(v) => v
            .as_string()
            .map(Some)
            .ok_or_else(|| wrong(name, "a string")),
    }
}

fn wrong(name: &str, expected: &str) -> JsValue {
    error(
        "LB_OPTIONS",
        &format!("LB_OPTIONS: `{name}` must be {expected}"),
    )
}

fn bool_option(options: &JsValue, name: &'static str, default: bool) -> Result<bool, JsValue> {
    flag(field(options, name, "the search options")?, name, default)
}

/// An optional `true` or `false`.
fn flag(value: Option<JsValue>, name: &str, default: bool) -> Result<bool, JsValue> {
    match value {
        None => Ok(default),
        Some(v) => v.as_bool().ok_or_else(|| wrong(name, "true or false")),
    }
}

/// An optional count, 0 or more.
fn count(value: Option<JsValue>, name: &str, default: usize) -> Result<usize, JsValue> {
    Ok(number(value, name, "a whole number, 0 or more")?.unwrap_or(default))
}

/// Reads an optional whole number (0 or more) of an options object; `expected` says what
/// it must be when it is not.
fn whole_number(
    options: &JsValue,
    name: &'static str,
    what: &str,
    expected: &str,
) -> Result<Option<usize>, JsValue> {
    number(field(options, name, what)?, name, expected)
}

/// An optional whole number, 0 or more; `expected` says what it must be when it is not.
fn number(value: Option<JsValue>, name: &str, expected: &str) -> Result<Option<usize>, JsValue> {
    match value {
        None => Ok(None),
        Some(v) => v
            .as_f64()
            .filter(|n| *n >= 0.0 && n.fract() == 0.0)
            .map(|n| Some(n.min(usize::MAX as f64) as usize))
            .ok_or_else(|| wrong(name, expected)),
    }
}

/// An optional list of names.
fn names(value: Option<JsValue>, name: &str) -> Result<Vec<String>, JsValue> {
    let Some(v) = value else {
        return Ok(Vec::new());
    };
    let list = v
        .dyn_into::<js_sys::Array>()
        .map_err(|_| wrong(name, "an array of names"))?;
    list.iter()
        .map(|n| {
            n.as_string()
                .ok_or_else(|| wrong(name, "an array of names"))
        })
        .collect()
}

/// Search options from JS (see the `SearchOptions` interface), and whether to be strict.
fn search_options(options: &JsValue) -> Result<(crate::SearchOptions, bool), JsValue> {
    let defaults = crate::SearchOptions::default();
    let option =
        |get: fn(&Opts) -> Result<JsValue, JsValue>| got(options, "the search options", get);
    let sort = match option(Opts::sort)? {
        None => crate::Sort::Relevance,
        Some(v) => match v.as_string().as_deref() {
            Some("relevance") => crate::Sort::Relevance,
            Some("newest") => crate::Sort::Newest,
            Some("oldest") => crate::Sort::Oldest,
            _ => return Err(wrong("sort", "\"relevance\", \"newest\" or \"oldest\"")),
        },
    };
    let filters = option(Opts::filters)?.unwrap_or(JsValue::UNDEFINED);
    let filter = |get: fn(&Opts) -> Result<JsValue, JsValue>| got(&filters, "`filters`", get);
    let filters = crate::Filters {
        people: names(filter(Opts::people)?, "people")?,
        places: names(filter(Opts::places)?, "places")?,
        orgs: names(filter(Opts::orgs)?, "orgs")?,
        speakers: names(filter(Opts::speakers)?, "speakers")?,
        has_quote: flag(filter(Opts::has_quote)?, "hasQuote", false)?,
        has_image: flag(filter(Opts::has_image)?, "hasImage", false)?,
        blog: text(filter(Opts::blog)?, "blog")?,
    };
    Ok((
        crate::SearchOptions {
            sort,
            limit: count(option(Opts::limit)?, "limit", defaults.limit)?,
            offset: count(option(Opts::offset)?, "offset", defaults.offset)?,
            prefix: flag(option(Opts::prefix)?, "prefix", defaults.prefix)?,
            fuzzy: flag(option(Opts::fuzzy)?, "fuzzy", defaults.fuzzy)?,
            filters,
            facet_limit: count(
                option(Opts::facet_limit)?,
                "facetLimit",
                defaults.facet_limit,
            )?,
            excerpts: flag(option(Opts::excerpts)?, "excerpts", defaults.excerpts)?,
            words: flag(option(Opts::words)?, "words", defaults.words)?,
        },
        flag(option(Opts::strict)?, "strict", false)?,
    ))
}

/// Runs a search for JS: the query checked to be a string, the options read, results as
/// plain data.
fn run_search(
    index: &crate::Index,
    query: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsValue> {
    let query = string_arg(query, "search() expects the query")?;
    let (options, strict) = search_options(options)?;
    let results = if strict {
        index
            .search_strict(&query, &options)
            .map_err(|e| error(e.code(), &e.to_string()))?
    } else {
        index.search(&query, &options)
    };
    // One string of every string and one array of numbers and lengths, which guard.js
    // (every call goes through it) cuts into the `SearchResults` declared here: nothing for
    // the engine to parse, where JSON (itself faster than an object at a time across the
    // boundary) took JSON.parse a seventh of a page search.
    let columns = results.to_columns();
    Ok(js_sys::Array::of2(
        &JsValue::from_str(&columns.text),
        &js_sys::Float64Array::from(columns.numbers.as_slice()),
    )
    .into())
}

/// A parsed live blog, kept in wasm memory, with its lookups. Call `free()` when done, or
/// let the garbage collector do it.
#[wasm_bindgen(js_name = LiveBlog)]
pub struct Blog(crate::indexed::IndexedBlog);

impl Blog {
    fn new(blog: crate::LiveBlog) -> Result<Blog, JsValue> {
        Ok(Blog(crate::indexed::IndexedBlog::new(blog)))
    }
}

#[wasm_bindgen(js_class = LiveBlog)]
impl Blog {
    /// Parses a plain-text live blog. Throws like `parse()`.
    #[wasm_bindgen(js_name = fromText)]
    pub fn from_text(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<Blog, JsValue> {
        Blog::new(read(Form::Text, text, &JsValue::UNDEFINED)?)
    }

    /// Reads a live blog page's HTML: posts found by a site profile or generically,
    /// merged with the page's JSON-LD. Malformed markup gives what could be read, with a
    /// warning. Throws like `parse()`.
    #[wasm_bindgen(js_name = fromHtml)]
    pub fn from_html(
        #[wasm_bindgen(unchecked_param_type = "string")] html: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
    ) -> Result<Blog, JsValue> {
        Blog::new(read(Form::Html, html, &options)?)
    }

    /// Reads schema.org `LiveBlogPosting` JSON-LD, leniently. Throws `LB_JSON` for text
    /// that is not JSON, else like `parse()`.
    #[wasm_bindgen(js_name = fromJsonLd)]
    pub fn from_json_ld(
        #[wasm_bindgen(unchecked_param_type = "string")] json: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
    ) -> Result<Blog, JsValue> {
        Blog::new(read(Form::JsonLd, json, &options)?)
    }

    /// Reads an RSS 2.0, Atom or JSON Feed document, each item a post. Throws like
    /// `parse()`.
    #[wasm_bindgen(js_name = fromFeed)]
    pub fn from_feed(
        #[wasm_bindgen(unchecked_param_type = "string")] feed: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
    ) -> Result<Blog, JsValue> {
        Blog::new(read(Form::Feed, feed, &options)?)
    }

    /// Reads a live blog in any form, told apart by how it opens (see `parse()`).
    pub fn from(
        #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
    ) -> Result<Blog, JsValue> {
        Blog::new(read(Form::Any, input, &options)?)
    }

    /// Reads the live blog in a page element (its `outerHTML`), with the element's
    /// document address as `url` and the current time as `now` unless `options` say
    /// otherwise. Anchors are ids, or paths from the nearest element with an id.
    #[wasm_bindgen(js_name = fromElement)]
    pub fn from_element(
        #[wasm_bindgen(unchecked_param_type = "Element")] element: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
    ) -> Result<Blog, JsValue> {
        let html = Reflect::get(&element, &"outerHTML".into())
            .ok()
            .filter(JsValue::is_string)
            .ok_or_else(|| {
                error(
                    "LB_INPUT_TYPE",
                    "LB_INPUT_TYPE: fromElement() expects a DOM element",
                )
            })?;
        let mut read_opts = read_options(&options)?;
        if read_opts.url.is_none() {
            read_opts.url = Reflect::get(&element, &"ownerDocument".into())
                .and_then(|doc| Reflect::get(&doc, &"URL".into()))
                .ok()
                .and_then(|u| u.as_string());
        }
        read_opts.now = read_opts.now.or(Some(js_sys::Date::now() as i64));
        let html = html.as_string().unwrap_or_default();
        let blog =
            crate::parse_html(&html, &read_opts).map_err(|e| error(e.code(), &e.to_string()))?;
        Blog::new(blog)
    }

    /// Searches the blog's updates (see `SearchOptions`); the index is built on the first
    /// call. Throws `LB_QUERY` only with `strict: true`, `LB_OPTIONS` for bad options.
    #[wasm_bindgen(unchecked_return_type = "SearchResults")]
    pub fn search(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SearchOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        run_search(self.0.index(), &query, &options)
    }

    /// The blog as bytes for `LiveBlog.fromBytes` (to keep it in IndexedDB, say):
    /// versioned and checksummed.
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.blog().to_bytes()
    }

    /// A blog from `toBytes()`. Throws `LB_BLOG_CORRUPT` for bytes that are truncated,
    /// altered or of another format version.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> Result<Blog, JsValue> {
        let blog =
            crate::LiveBlog::from_bytes(bytes).map_err(|e| error(e.code(), &e.to_string()))?;
        Blog::new(blog)
    }

    /// The updates as plain data, in the blog's order.
    #[wasm_bindgen(unchecked_return_type = "Update[]")]
    pub fn updates(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.blog().updates)
    }

    /// The update `id` as plain data, or null when the blog has none: one post converted,
    /// for a page that follows a growing blog post by post.
    #[wasm_bindgen(unchecked_return_type = "Update | null")]
    pub fn update(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = string_arg(&id, "update() expects the update's id")?;
        match self.0.blog().updates.iter().find(|u| u.id == id) {
            Some(update) => to_js(update),
            None => Ok(JsValue::NULL),
        }
    }

    /// Adds the posts of `input` (any form, as `parse()` reads it): numbered after the
    /// blog's own, at its newest end; quotes, entities and the search index follow. Returns
    /// the new ids.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn append(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let more = read(Form::Any, input, &options)?;
        to_js(&self.0.append(more))
    }

    /// Replaces the post `id` with the first post of `input` (an edited post, read again),
    /// keeping its id and place. Returns whether the blog had that post.
    pub fn replace(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
    ) -> Result<bool, JsValue> {
        let id = string_arg(&id, "replace() expects the update's id")?;
        let with = read(Form::Any, input, &options)?;
        Ok(self.0.replace(&id, with))
    }

    /// Removes the post `id`. Returns whether the blog had it.
    pub fn remove(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<bool, JsValue> {
        let id = string_arg(&id, "remove() expects the update's id")?;
        Ok(self.0.remove(&id))
    }

    /// How many updates the search index has read since the first search built it (0
    /// before): each of the blog's once, then after each edit only those it changed, so a
    /// page can check that a post appended, edited or removed costs that post's work.
    #[wasm_bindgen(getter, js_name = updatesIndexed)]
    pub fn updates_indexed(&self) -> f64 {
        self.0.updates_indexed() as f64
    }

    /// The whole model as plain data (also what `JSON.stringify` writes).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "LiveBlogData")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(self.0.blog())
    }

    /// Quotes matching every field of `filter` (see `QuoteFilter`); with no filter, every
    /// quote. A quote repeated elsewhere in the blog comes once when a filter is given.
    #[wasm_bindgen(unchecked_return_type = "Quote[]")]
    pub fn quotes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QuoteFilter | undefined")] filter: JsValue,
    ) -> Result<JsValue, JsValue> {
        let speaker = string_field(&filter, "speaker", "the filter")?;
        let words = string_field(&filter, "words", "the filter")?;
        let update_id = string_field(&filter, "updateId", "the filter")?;
        if speaker.is_none() && words.is_none() && update_id.is_none() {
            return to_js(&self.0.blog().quotes);
        }
        to_js(&self.0.blog().quotes_matching(&crate::QuoteFilter {
            speaker: speaker.as_deref(),
            words: words.as_deref(),
            update_id: update_id.as_deref(),
        }))
    }

    /// Quotes holding every word of `words`, inflected or slightly misspelt.
    #[wasm_bindgen(js_name = lookupQuote, unchecked_return_type = "Quote[]")]
    pub fn lookup_quote(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] words: JsValue,
    ) -> Result<JsValue, JsValue> {
        let words = string_arg(&words, "lookupQuote() expects words")?;
        to_js(&self.0.blog().find_quotes(&words))
    }

    /// People, places and organisations with how many updates name each, most first.
    #[wasm_bindgen(unchecked_return_type = "Facets")]
    pub fn facets(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.blog().facets())
    }

    /// The entity with this name or alias (any case, accents or titles), or null.
    #[wasm_bindgen(unchecked_return_type = "Entity | null")]
    pub fn entity(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> Result<JsValue, JsValue> {
        let name = string_arg(&name, "entity() expects a name")?;
        to_js(&self.0.blog().entity(&name))
    }

    /// The updates naming an entity (by any of its names), in page order.
    #[wasm_bindgen(js_name = updatesMentioning, unchecked_return_type = "Update[]")]
    pub fn updates_mentioning(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> Result<JsValue, JsValue> {
        let name = string_arg(&name, "updatesMentioning() expects a name")?;
        to_js(&self.0.blog().updates_mentioning(&name))
    }

    /// Everyone quoted, most quoted first.
    #[wasm_bindgen(unchecked_return_type = "SpeakerSummary[]")]
    pub fn speakers(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.blog().speakers())
    }
}

/// When the module starts: the maps' hash seed from the page's randomness, so that no
/// text can be written to make the words of a blog collide (src/fxhash.rs).
#[wasm_bindgen(start)]
fn start() {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    crate::fxhash::set_seed(half() << 32 | half());
}

/// A search index over the updates of one or more live blogs, each under a key of the
/// caller's choosing; kept up to date as blogs grow, and saved to bytes.
#[wasm_bindgen]
pub struct SearchIndex {
    index: crate::Index,
}

#[wasm_bindgen]
impl SearchIndex {
    /// An empty index.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> SearchIndex {
        SearchIndex {
            index: crate::Index::new(),
        }
    }

    /// Adds a blog under `key`, or brings it up to date: new updates are added, edited ones
    /// replaced, gone ones removed, unchanged ones left alone.
    #[wasm_bindgen(js_name = addBlog)]
    pub fn add_blog(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] key: JsValue,
        blog: &Blog,
    ) -> Result<(), JsValue> {
        let key = string_arg(&key, "addBlog() expects the blog's key")?;
        let blog = blog.0.blog();
        crate::memory::reserve(crate::memory::Job::Index(blog));
        self.index.add_blog(blog, &key);
        Ok(())
    }

    /// Removes every update of the blog under `key`.
    #[wasm_bindgen(js_name = removeBlog)]
    pub fn remove_blog(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] key: JsValue,
    ) -> Result<(), JsValue> {
        let key = string_arg(&key, "removeBlog() expects the blog's key")?;
        self.index.remove_blog(&key);
        Ok(())
    }

    /// Removes one update; returns whether the index held it.
    pub fn remove(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] key: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] update_id: JsValue,
    ) -> Result<bool, JsValue> {
        let key = string_arg(&key, "remove() expects the blog's key")?;
        let id = string_arg(&update_id, "remove() expects the update's id")?;
        Ok(self.index.remove(&key, &id))
    }

    /// How many updates the index holds.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.index.len()
    }

    /// About how many bytes of wasm memory the index holds.
    #[wasm_bindgen(getter, js_name = memoryBytes)]
    pub fn memory_bytes(&self) -> usize {
        self.index.memory_bytes()
    }

    /// Searches every blog of the index (see `SearchOptions`).
    #[wasm_bindgen(unchecked_return_type = "SearchResults")]
    pub fn search(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SearchOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        run_search(&self.index, &query, &options)
    }

    /// The index as bytes for `SearchIndex.fromBytes`: versioned and checksummed.
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.index.to_bytes()
    }

    /// An index from `toBytes()`. Throws `LB_INDEX_VERSION` for bytes of another format
    /// version, `LB_INDEX_CORRUPT` for truncated or altered bytes.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, JsValue> {
        crate::Index::from_bytes(bytes)
            .map(|index| SearchIndex { index })
            .map_err(|e| error(e.code(), &e.to_string()))
    }
}
