//! The JavaScript boundary: the only file that imports wasm-bindgen and js-sys.
//!
//! Functions here convert arguments, call the core, and hand back plain objects (through
//! `serde_wasm_bindgen`'s JSON-compatible serializer) or a real JS `Error` that carries a
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
  /** Body paragraphs, as written. */
  paragraphs: string[];
  /** Photos in the post. */
  images: Image[];
  /** Web addresses found in the post. */
  links: string[];
  /** UTF-8 byte range of the post in the input. */
  span: Span;
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
  /** `q1`, `q2`, … in document order. */
  id: string;
  /** The quoted words, without quote marks. */
  text: string;
  /** Who said it, when the text says. */
  speaker: Speaker | null;
  /** The verb or phrase that attributes it ("said", "told reporters"), as written. */
  cue: string | null;
  /** The update it was found in; null for the header. */
  updateId: string | null;
  inHeadline: boolean;
  inCaption: boolean;
  /** A whole statement, or a few words inside a sentence. */
  kind: "full" | "partial";
  /** Which text holds it. */
  part: "headline" | "paragraph" | "caption" | "summary" | "header";
  /** The index of that text among its kind (paragraph, header line, photo). */
  index: number;
  /** UTF-8 byte range of the quoted words within that text. */
  span: Span;
  /** The id of an earlier quote with the same words; lookups count the two once. */
  sameAs: string | null;
}

/** Who said a quote. */
export interface Speaker {
  /** Canonical name: "Joe Biden" for "Biden", "President Biden", "US President Joe Biden". */
  name: string;
  /** The words the text used at this quote ("he", "the official"). */
  asWritten: string;
  /** The role written with the name ("US President"). */
  role: string | null;
}

/** A person, place or organisation, under all the names it goes by. */
export interface Entity {
  /** `e1`, `e2`, … in order of first mention. */
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
  part: "title" | "headline" | "paragraph" | "caption" | "summary" | "header";
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
  code: "truncated" | "noUpdates" | "noDate";
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
  /** Other names the blog used for them ("Biden", "President Biden"), pronouns left out. */
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

/** Errors thrown by this package carry a stable `code`. */
export interface LiveBlogError extends Error {
  code: "LB_INPUT_TYPE" | "LB_TOO_LARGE" | "LB_NOT_TEXT" | "LB_OPTIONS" | "LB_INTERNAL";
}
"#;

/// A JS `Error` with a `code` property.
fn error(code: &str, message: &str) -> JsValue {
    let err = JsError::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&err, &"code".into(), &code.into());
    err.into()
}

/// Parses a plain-text live blog into a plain object (see the `LiveBlogData` interface).
///
/// Throws an `Error` with `code` `LB_INPUT_TYPE` when `text` is not a string,
/// `LB_TOO_LARGE` or `LB_NOT_TEXT` when the core refuses the input.
#[wasm_bindgen(js_name = parse, unchecked_return_type = "LiveBlogData")]
pub fn parse(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&parse_text(text)?)
}

fn parse_text(text: JsValue) -> Result<crate::LiveBlog, JsValue> {
    let Some(text) = text.as_string() else {
        let got = text.js_typeof().as_string().unwrap_or_default();
        return Err(error(
            "LB_INPUT_TYPE",
            &format!("LB_INPUT_TYPE: expects the live blog as a string, got {got}"),
        ));
    };
    crate::parse(&text).map_err(|e| error(e.code(), &e.to_string()))
}

/// Hands Rust data to JS as plain objects, `null` for absent values.
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| {
        error(
            "LB_INTERNAL",
            &format!("LB_INTERNAL: could not hand the model to JS: {e}"),
        )
    })
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

/// Reads an optional string field of an options object.
fn string_field(options: &JsValue, field: &str) -> Result<Option<String>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    if !options.is_object() {
        return Err(error(
            "LB_OPTIONS",
            "LB_OPTIONS: the filter must be an object",
        ));
    }
    let value = Reflect::get(options, &field.into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_string().map(Some).ok_or_else(|| {
        error(
            "LB_OPTIONS",
            &format!("LB_OPTIONS: `{field}` must be a string"),
        )
    })
}

/// A parsed live blog, kept in wasm memory, with its lookups. Call `free()` when done, or
/// let the garbage collector do it.
#[wasm_bindgen(js_name = LiveBlog)]
pub struct Blog {
    blog: crate::LiveBlog,
}

#[wasm_bindgen(js_class = LiveBlog)]
impl Blog {
    /// Parses a plain-text live blog. Throws like `parse()`.
    #[wasm_bindgen(js_name = fromText)]
    pub fn from_text(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<Blog, JsValue> {
        Ok(Blog {
            blog: parse_text(text)?,
        })
    }

    /// The whole model as plain data (also what `JSON.stringify` writes).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "LiveBlogData")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(&self.blog)
    }

    /// Quotes matching every field of `filter` (see `QuoteFilter`); with no filter, every
    /// quote. A quote repeated elsewhere in the blog comes once when a filter is given.
    #[wasm_bindgen(unchecked_return_type = "Quote[]")]
    pub fn quotes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "QuoteFilter | undefined")] filter: JsValue,
    ) -> Result<JsValue, JsValue> {
        let speaker = string_field(&filter, "speaker")?;
        let words = string_field(&filter, "words")?;
        let update_id = string_field(&filter, "updateId")?;
        if speaker.is_none() && words.is_none() && update_id.is_none() {
            return to_js(&self.blog.quotes);
        }
        to_js(&self.blog.quotes_matching(&crate::QuoteFilter {
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
        to_js(&self.blog.find_quotes(&words))
    }

    /// People, places and organisations with how many updates name each, most first.
    #[wasm_bindgen(unchecked_return_type = "Facets")]
    pub fn facets(&self) -> Result<JsValue, JsValue> {
        to_js(&self.blog.facets())
    }

    /// The entity with this name or alias (any case, accents or titles), or null.
    #[wasm_bindgen(unchecked_return_type = "Entity | null")]
    pub fn entity(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> Result<JsValue, JsValue> {
        let name = string_arg(&name, "entity() expects a name")?;
        to_js(&self.blog.entity(&name))
    }

    /// The updates naming an entity (by any of its names), in page order.
    #[wasm_bindgen(js_name = updatesMentioning, unchecked_return_type = "Update[]")]
    pub fn updates_mentioning(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> Result<JsValue, JsValue> {
        let name = string_arg(&name, "updatesMentioning() expects a name")?;
        to_js(&self.blog.updates_mentioning(&name))
    }

    /// Everyone quoted, most quoted first.
    #[wasm_bindgen(unchecked_return_type = "SpeakerSummary[]")]
    pub fn speakers(&self) -> Result<JsValue, JsValue> {
        to_js(&self.blog.speakers())
    }
}
