//! A parsed blog as bytes and back, so a page can keep it (IndexedDB, a service worker)
//! rather than read the page again: `LBBL`, a format version, a CRC-32 of the rest, then the
//! blog's posts and header matter as JSON. Quotes and entities are extracted again on load
//! (milliseconds), which keeps the format small and independent of the extractors' version.

use crate::input::json::{Map, Value};

use crate::error::Error;
use crate::index::store::crc32;
use crate::model::{Image, LiveBlog, Order, Span, Status, Update, Warning, WarningCode};

const MAGIC: &[u8; 4] = b"LBBL";
const VERSION: u8 = 1;

impl LiveBlog {
    /// The blog as bytes for [`LiveBlog::from_bytes`]: versioned and checksummed.
    pub fn to_bytes(&self) -> Vec<u8> {
        seal(&serde_json::to_vec(&self.without_names()).unwrap_or_default())
    }

    /// The blog without what extraction adds (quotes, entities): what bytes keep.
    fn without_names(&self) -> LiveBlog {
        LiveBlog {
            quotes: Vec::new(),
            entities: Vec::new(),
            ..self.clone()
        }
    }

    /// A blog from [`LiveBlog::to_bytes`], its quotes and entities extracted again.
    ///
    /// # Errors
    ///
    /// [`Error::BlogBytes`] for bytes that are not a whole, unaltered blog of this format
    /// version.
    pub fn from_bytes(bytes: &[u8]) -> Result<LiveBlog, Error> {
        let bad = |reason| Error::BlogBytes { reason };
        let (head, json) = bytes.split_at_checked(9).ok_or(bad("too short"))?;
        if &head[..4] != MAGIC {
            return Err(bad("not a saved blog (wrong magic bytes)"));
        }
        if head[4] != VERSION {
            return Err(bad(
                "saved by another version of the format; read the blog again",
            ));
        }
        let sum = u32::from_le_bytes([head[5], head[6], head[7], head[8]]);
        if crc32(json) != sum {
            return Err(bad("the checksum does not match (truncated or altered)"));
        }
        // The JSON-LD reader's JSON reader: one in the download.
        let json = std::str::from_utf8(json).map_err(|_| bad("the blog is not UTF-8"))?;
        let value = crate::input::json::parse(json).map_err(|_| bad("the blog does not parse"))?;
        let o = value.as_object().ok_or(bad("the blog is not an object"))?;
        let blog = LiveBlog {
            title: text(o, "title"),
            summary: text(o, "summary"),
            status: match o.get("status").and_then(Value::as_str) {
                Some("live") => Some(Status::Live),
                Some("closed") => Some(Status::Closed),
                _ => None,
            },
            date: text(o, "date"),
            source: text(o, "source"),
            order: match o.get("order").and_then(Value::as_str) {
                Some("newestFirst") => Some(Order::NewestFirst),
                Some("oldestFirst") => Some(Order::OldestFirst),
                _ => None,
            },
            header: texts(o, "header"),
            images: images(o),
            updates: list(o, "updates")
                .iter()
                .filter_map(|u| update(u.as_object()?))
                .collect(),
            warnings: warnings(o),
            format: text(o, "format").unwrap_or_default(),
            ..LiveBlog::default()
        };
        Ok(crate::read_names(blog))
    }
}

/// Frames the JSON of [`LiveBlog::without_names`] as saved-blog bytes.
fn seal(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len() + 9);
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    out.extend_from_slice(&crc32(json).to_le_bytes());
    out.extend_from_slice(json);
    out
}

fn warnings(o: &Map<String, Value>) -> Vec<Warning> {
    list(o, "warnings")
        .iter()
        .filter_map(|w| {
            let w = w.as_object()?;
            let code = match w.get("code")?.as_str()? {
                "truncated" => WarningCode::Truncated,
                "noUpdates" => WarningCode::NoUpdates,
                "noDate" => WarningCode::NoDate,
                "malformedMarkup" => WarningCode::MalformedMarkup,
                "badJsonLd" => WarningCode::BadJsonLd,
                "noNow" => WarningCode::NoNow,
                "unclearLayout" => WarningCode::UnclearLayout,
                _ => return None,
            };
            Some(Warning {
                code,
                message: text(w, "message")?,
                line: w.get("line").and_then(Value::as_u64).map(|l| l as usize),
            })
        })
        .collect()
}

fn text(o: &Map<String, Value>, key: &str) -> Option<String> {
    o.get(key).and_then(Value::as_str).map(str::to_string)
}

fn list<'a>(o: &'a Map<String, Value>, key: &str) -> &'a [Value] {
    o.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn texts(o: &Map<String, Value>, key: &str) -> Vec<String> {
    list(o, key)
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

fn images(o: &Map<String, Value>) -> Vec<Image> {
    list(o, "images")
        .iter()
        .filter_map(|i| {
            let i = i.as_object()?;
            Some(Image {
                alt: text(i, "alt"),
                caption: text(i, "caption"),
                credit: text(i, "credit"),
            })
        })
        .collect()
}

fn update(o: &Map<String, Value>) -> Option<Update> {
    let number = |v: Option<&Value>| v.and_then(Value::as_u64);
    let span = o.get("span").and_then(Value::as_object);
    Some(Update {
        id: text(o, "id")?,
        number: number(o.get("number")).and_then(|n| u32::try_from(n).ok()),
        day_heading: text(o, "dayHeading"),
        headline: text(o, "headline"),
        time: text(o, "time"),
        timestamp: text(o, "timestamp"),
        byline: text(o, "byline"),
        labels: texts(o, "labels"),
        paragraphs: texts(o, "paragraphs"),
        images: images(o),
        links: texts(o, "links"),
        span: Span {
            start: number(span.and_then(|s| s.get("start"))).unwrap_or(0) as usize,
            end: number(span.and_then(|s| s.get("end"))).unwrap_or(0) as usize,
        },
        anchor: text(o, "anchor"),
        pinned: o.get("pinned").and_then(Value::as_bool).unwrap_or(false),
        key_event: o.get("keyEvent").and_then(Value::as_bool).unwrap_or(false),
        in_page: o.get("inPage").and_then(Value::as_bool).unwrap_or(true),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_damage() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/sample.txt"))
            .unwrap();
        let blog = crate::parse(&text).unwrap();
        let bytes = blog.to_bytes();
        let back = LiveBlog::from_bytes(&bytes).unwrap();
        assert_eq!(back, blog, "the same model, quotes and entities included");
        for at in [0, 4, 5, 9, bytes.len() / 2, bytes.len() - 1] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x20;
            assert_eq!(
                LiveBlog::from_bytes(&damaged).unwrap_err().code(),
                "LB_BLOG_CORRUPT"
            );
        }
        for len in [0, 3, 9, bytes.len() - 1] {
            assert!(LiveBlog::from_bytes(&bytes[..len]).is_err());
        }
    }
}
