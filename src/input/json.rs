//! A JSON reader of our own, for JSON-LD, JSON Feed and saved blogs: the text as a tree
//! of [`Value`]s, or where and why it is not JSON.
//!
//! `serde_json`'s reader (its deserialiser, its `Value` visitor, its number parsing with
//! float tables, its error machinery) was about 6 KB of the gzipped download for what
//! these readers need: a tree to walk. Objects keep their keys sorted, a repeated key's
//! last value winning, as `serde_json`'s map did. A number keeps the text it was written
//! with (a headline written `2024` reads "2024", `1.50` reads "1.50", and `1e400`, which
//! `serde_json` refused with the whole text, reads "1e400"); only a plain non-negative
//! integer also reads as a `u64`. Nesting stops at 127 levels, as
//! `serde_json`'s did, so no input can exhaust the stack.

/// A JSON object: keys sorted, the last value of a repeated key kept.
///
/// A sorted list rather than a `BTreeMap`: an object is read once and then only looked up
/// and walked, and the B-tree's insertion, navigation and drop code was about 6 KB of the
/// wasm (its functions alone) for that. Built by [`Map::from_pairs`] with the crate's one
/// sort; a look-up halves the list.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Map<K, V>(Vec<(K, V)>);

impl<V> Map<String, V> {
    /// The object of `pairs` in the order read: sorted by key (stably, so a repeated key's
    /// values stay in order), then each key's last value kept.
    pub(crate) fn from_pairs(mut pairs: Vec<(String, V)>) -> Self {
        crate::sorting::sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        let mut kept: Vec<(String, V)> = Vec::with_capacity(pairs.len());
        for pair in pairs {
            match kept.last_mut() {
                Some(last) if last.0 == pair.0 => *last = pair,
                _ => kept.push(pair),
            }
        }
        Map(kept)
    }

    /// The value of `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&V> {
        let at = self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        Some(&self.0[at].1)
    }

    /// The values in key order.
    pub(crate) fn values(&self) -> impl DoubleEndedIterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    /// The keys and values in key order.
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, (String, V)> {
        self.0.iter()
    }
}

impl<'a, V> IntoIterator for &'a Map<String, V> {
    type Item = &'a (String, V);
    type IntoIter = std::slice::Iter<'a, (String, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    /// A number as written.
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Map<String, Value>),
}

impl Value {
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub(crate) fn as_object(&self) -> Option<&Map<String, Value>> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    pub(crate) fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A number written as a non-negative integer that fits a `u64`.
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => n.parse().ok(),
            _ => None,
        }
    }

    /// An object's value for `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }
}

/// Why a text is not JSON, and where: the 1-based line and column (in characters) of the
/// byte the reader stopped at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JsonError {
    pub(crate) message: &'static str,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

/// Levels of arrays and objects a text may nest, as `serde_json` allowed.
const MAX_DEPTH: usize = 127;

/// The JSON `text` holds: one value, with only whitespace around it.
pub(crate) fn parse(text: &str) -> Result<Value, JsonError> {
    let mut reader = Reader { text, at: 0 };
    let result = reader.value(0).and_then(|value| {
        reader.space();
        if reader.at < text.len() {
            return Err("trailing characters");
        }
        Ok(value)
    });
    result.map_err(|message| {
        let before = text.get(..reader.at).unwrap_or(text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        JsonError {
            message,
            line: 1 + before.matches('\n').count(),
            column: 1 + before.get(line_start..).unwrap_or("").chars().count(),
        }
    })
}

/// A position in the text being read.
struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    /// The byte at the position, if any.
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Skips JSON's whitespace.
    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Steps over `byte` after whitespace, or fails with `message`.
    fn expect(&mut self, byte: u8, message: &'static str) -> Result<(), &'static str> {
        self.space();
        if self.peek() != Some(byte) {
            return Err(message);
        }
        self.at += 1;
        Ok(())
    }

    /// The value at the position, `depth` levels in.
    fn value(&mut self, depth: usize) -> Result<Value, &'static str> {
        self.space();
        let rest = self.text.get(self.at..).unwrap_or("");
        for (word, value) in [
            ("null", Value::Null),
            ("true", Value::Bool(true)),
            ("false", Value::Bool(false)),
        ] {
            if rest.starts_with(word) {
                self.at += word.len();
                return Ok(value);
            }
        }
        match self.peek() {
            None => Err("EOF while parsing a value"),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(open @ (b'[' | b'{')) => {
                if depth == MAX_DEPTH {
                    return Err("recursion limit exceeded");
                }
                self.at += 1;
                let array = open == b'[';
                let close = if array { b']' } else { b'}' };
                let mut items = Vec::new();
                let mut pairs = Vec::new();
                self.space();
                if self.peek() == Some(close) {
                    self.at += 1;
                } else {
                    loop {
                        if array {
                            items.push(self.value(depth + 1)?);
                        } else {
                            self.space();
                            if self.peek() != Some(b'"') {
                                return Err("key must be a string");
                            }
                            let key = self.string()?;
                            self.expect(b':', "expected `:`")?;
                            pairs.push((key, self.value(depth + 1)?));
                        }
                        self.space();
                        match self.peek() {
                            Some(b',') => self.at += 1,
                            Some(b) if b == close => {
                                self.at += 1;
                                break;
                            }
                            _ if array => return Err("expected `,` or `]`"),
                            _ => return Err("expected `,` or `}`"),
                        }
                    }
                }
                Ok(if array {
                    Value::Array(items)
                } else {
                    Value::Object(Map::from_pairs(pairs))
                })
            }
            Some(_) => Err("expected value"),
        }
    }

    /// A number: `-`, digits without a leading zero, a fraction, an exponent.
    fn number(&mut self) -> Result<Value, &'static str> {
        let start = self.at;
        let bytes = self.text.as_bytes();
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at - from
        };
        let mut at = self.at + usize::from(bytes.get(self.at) == Some(&b'-'));
        let whole = at;
        let ok = match digits(&mut at) {
            0 => false,
            n => n == 1 || bytes.get(whole) != Some(&b'0'),
        } && (bytes.get(at) != Some(&b'.') || {
            at += 1;
            digits(&mut at) > 0
        }) && (!matches!(bytes.get(at), Some(b'e' | b'E')) || {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            digits(&mut at) > 0
        });
        self.at = at;
        match self.text.get(start..at) {
            Some(written) if ok => Ok(Value::Number(written.to_string())),
            _ => Err("invalid number"),
        }
    }

    /// A string literal, its escapes decoded; the position is at its opening quote.
    fn string(&mut self) -> Result<String, &'static str> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = self.text.get(self.at..).unwrap_or("");
            let plain = rest
                .bytes()
                .position(|b| b == b'"' || b == b'\\' || b < 0x20)
                .ok_or("EOF while parsing a string")?;
            out.push_str(rest.get(..plain).unwrap_or(""));
            self.at += plain;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escape = self.peek().ok_or("EOF while parsing a string")?;
                    self.at += 1;
                    out.push(match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode()?,
                        _ => return Err("invalid escape"),
                    });
                }
                _ => {
                    return Err("control character (\\u0000-\\u001F) found while parsing a string")
                }
            }
        }
    }

    /// The character of a `\u` escape (and of the low surrogate's escape after a high one).
    fn unicode(&mut self) -> Result<char, &'static str> {
        let high = self.hex()?;
        let code = match high {
            0xD800..=0xDBFF => {
                if !self.text.get(self.at..).unwrap_or("").starts_with("\\u") {
                    return Err("lone leading surrogate in hex escape");
                }
                self.at += 2;
                let low = self.hex()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err("lone leading surrogate in hex escape");
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            code => code,
        };
        char::from_u32(code).ok_or("invalid unicode code point")
    }

    /// Four hexadecimal digits.
    fn hex(&mut self) -> Result<u32, &'static str> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .ok_or("EOF while parsing a string")?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err("invalid escape");
        }
        let code = u32::from_str_radix(digits, 16).map_err(|_| "invalid escape")?;
        self.at += 4;
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::{parse, Map, Value};

    /// Random texts against `serde_json` (proptest runs natively only).
    #[cfg(not(target_arch = "wasm32"))]
    mod agreement {
        use super::{parse, theirs, Map, Value};

        /// Numbers as `serde_json` writes them, for comparing trees.
        fn normalised(v: Value) -> Value {
            match v {
                Value::Number(n) => Value::Number(
                    serde_json::from_str::<serde_json::Number>(&n).map_or(n, |n| n.to_string()),
                ),
                Value::Array(a) => Value::Array(a.into_iter().map(normalised).collect()),
                Value::Object(o) => Value::Object(Map::from_pairs(
                    o.0.into_iter().map(|(k, v)| (k, normalised(v))).collect(),
                )),
                v => v,
            }
        }

        proptest::proptest! {
            /// Any text of JSON's characters: read by both or refused by both, to the same tree;
            /// but for a number past a float's range, which serde_json refused.
            #[test]
            fn agrees_with_serde_json(text in r#"[\[\]{}",: 0-9a-f\\./eEu+-]{0,24}"#) {
                let out_of_range = serde_json::from_str::<serde_json::Value>(&text)
                    .is_err_and(|e| e.to_string().starts_with("number out of range"));
                proptest::prop_assume!(!out_of_range);
                proptest::prop_assert_eq!(parse(&text).ok().map(normalised), theirs(&text));
            }
        }
    }

    /// The tree of `text` as `serde_json` reads it, numbers aside.
    fn theirs(text: &str) -> Option<Value> {
        fn convert(v: serde_json::Value) -> Value {
            match v {
                serde_json::Value::Null => Value::Null,
                serde_json::Value::Bool(b) => Value::Bool(b),
                serde_json::Value::Number(n) => Value::Number(n.to_string()),
                serde_json::Value::String(s) => Value::String(s),
                serde_json::Value::Array(a) => Value::Array(a.into_iter().map(convert).collect()),
                serde_json::Value::Object(o) => Value::Object(Map::from_pairs(
                    o.into_iter().map(|(k, v)| (k, convert(v))).collect(),
                )),
            }
        }
        serde_json::from_str(text).ok().map(convert)
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"b": [1, 20, -3, 0], "a": {"x": null, "y": true, "z": false}, "b": "last"}"#,
            r#" [ "tab\there", "\"q\" \\ \/ \b\f\n\r", "\u00e9\u2028\ud83d\ude00", "" ] "#,
            "{}",
            "[]",
            "\"é plain “quotes”\"",
            r#""\ud800\udc00 \u0000""#,
            "[[[[[]]]]]",
            "0",
        ] {
            assert_eq!(parse(text).ok(), theirs(text), "{text}");
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        let deep = "[".repeat(127) + &"]".repeat(127);
        let deeper = "[".repeat(128) + &"]".repeat(128);
        assert!(parse(&deep).is_ok() && theirs(&deep).is_some());
        for text in [
            "",
            " ",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{1:2}",
            "[1 2]",
            "01",
            "1.",
            ".5",
            "1e",
            "-",
            "+1",
            "\"open",
            "\"bad \\x escape\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\ud800\\u0041\"",
            "\"\\udc00\"",
            "\"raw \u{1} control\"",
            "nul",
            "true false",
            "{\"a\": [}",
            &deeper,
        ] {
            assert!(parse(text).is_err(), "{text:?}");
            assert!(theirs(text).is_none(), "{text:?}");
        }
        let err = parse("{\n  \"a\": ?\n}").unwrap_err();
        assert_eq!(
            (err.message, err.line, err.column),
            ("expected value", 2, 8)
        );
    }

    #[test]
    fn numbers_keep_their_text() {
        let v = parse(r#"{"n": 1.50, "e": 1E2, "i": 42, "neg": -3, "big": 18446744073709551616}"#)
            .unwrap();
        let n = |k: &str| v.get(k).cloned();
        assert_eq!(n("n"), Some(Value::Number("1.50".into())));
        assert_eq!(n("e"), Some(Value::Number("1E2".into())));
        assert_eq!(v.get("i").and_then(Value::as_u64), Some(42));
        assert_eq!(v.get("neg").and_then(Value::as_u64), None);
        assert_eq!(v.get("big").and_then(Value::as_u64), None);
        assert_eq!(v.get("n").and_then(Value::as_u64), None);
    }
}
