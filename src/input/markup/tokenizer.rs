//! An HTML tokenizer after the WHATWG's (<https://html.spec.whatwg.org/#tokenization>), in
//! the states pages use: text with character references, start and end tags with their
//! attributes (quoted, unquoted, without a value, repeated), comments, doctypes, CDATA in
//! XML, and the text of `<script>`, `<style>`, `<textarea>`, `<title>` and the like read
//! raw up to their own end tag. It keeps the tokens the tree needs and counts the errors it
//! passes. Written to be small: the crate it replaces was a fifth of the wasm's code.
//!
//! Differences from the standard, none of which changes the tokens of a page: the escaped
//! states inside `<script>` (`<!--<script>…</script>-->`) are not followed, and a NUL is not
//! replaced (the library refuses input with a NUL before it gets here).

use crate::fxhash::FxMap;

include!(concat!(env!("OUT_DIR"), "/entities_data.rs"));

/// A tag's attributes: names lower-cased, values decoded, in the order written.
pub(crate) type Attributes = Vec<(String, String)>;

/// A token.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Token {
    /// A start tag: its name lower-cased, its attributes (the first of repeated names only,
    /// names lower-cased, references decoded), and whether it closes itself (`<br/>`).
    Start {
        name: String,
        attrs: Attributes,
        self_closing: bool,
    },
    /// An end tag, its name lower-cased.
    End(String),
    /// Text, references decoded; a run of text may come in several pieces.
    Text(String),
    /// Something the standard calls a parse error; the tokens go on.
    Error,
}

/// How the text after a start tag is read, by the tag's name (as html5gum reads it, with no
/// tree to tell it, for `naively_switch_states`).
fn text_mode(name: &str) -> Mode {
    match name {
        "textarea" | "title" => Mode::RcData,
        "plaintext" => Mode::PlainText,
        "script" | "style" | "iframe" | "xmp" | "noembed" | "noframe" | "noscript" => Mode::RawText,
        _ => Mode::Data,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Data,
    /// Text up to the element's own end tag, references decoded.
    RcData,
    /// Text up to the element's own end tag, as written.
    RawText,
    /// Text to the end of the input.
    PlainText,
}

/// Reads `input` and hands each token to `emit`. `xml` reads a feed: CDATA sections are text
/// and no element's text is read raw.
pub(crate) fn tokenize(input: &str, xml: bool, emit: &mut dyn FnMut(Token)) {
    let mut t = Tokenizer {
        s: input,
        b: input.as_bytes(),
        i: 0,
        text: String::new(),
        emit,
    };
    t.run(xml);
}

struct Tokenizer<'a, 'e> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    /// Text waiting to be emitted, so that a run of text is one token where it can be.
    text: String,
    emit: &'e mut dyn FnMut(Token),
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

impl Tokenizer<'_, '_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn error(&mut self) {
        (self.emit)(Token::Error);
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            let text = std::mem::take(&mut self.text);
            (self.emit)(Token::Text(text));
        }
    }

    /// Adds input `from..to` to the pending text, with line breaks normalised ("\r\n" and "\r"
    /// are "\n", as the standard's input stream has them).
    fn push_text(&mut self, from: usize, to: usize) {
        push_normalised(&mut self.text, &self.s[from..to]);
    }

    fn run(&mut self, xml: bool) {
        while self.i < self.b.len() {
            // Up to the next markup or reference.
            let start = self.i;
            let next = self.b[start..]
                .iter()
                .position(|&c| c == b'<' || c == b'&')
                .map_or(self.b.len(), |p| start + p);
            self.push_text(start, next);
            self.i = next;
            match self.peek() {
                Some(b'&') => {
                    self.i += 1;
                    let mut out = std::mem::take(&mut self.text);
                    self.reference(&mut out, false);
                    self.text = out;
                }
                Some(b'<') => {
                    if let Some((mode, name)) = self.markup(xml) {
                        if !xml {
                            self.raw(mode, &name);
                        }
                    }
                }
                _ => {}
            }
        }
        self.flush();
    }

    /// After `<`: a tag, a comment, a doctype, CDATA, or text. Returns how to read the text
    /// after a start tag whose text is not markup, with the tag's name.
    fn markup(&mut self, xml: bool) -> Option<(Mode, String)> {
        let at = self.i;
        self.i += 1;
        match self.peek() {
            Some(b'!') => {
                self.i += 1;
                self.declaration(xml);
            }
            Some(b'/') => {
                self.i += 1;
                match self.peek() {
                    Some(c) if c.is_ascii_alphabetic() => {
                        self.flush();
                        if let Some((name, _, _)) = self.tag() {
                            (self.emit)(Token::End(name));
                        }
                    }
                    Some(b'>') => {
                        // "</>": nothing.
                        self.error();
                        self.i += 1;
                    }
                    None => {
                        self.error();
                        self.text.push_str("</");
                    }
                    Some(_) => {
                        self.error();
                        self.bogus_comment();
                    }
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                self.flush();
                let (name, attrs, self_closing) = self.tag()?;
                let mode = text_mode(&name);
                let raw = (mode != Mode::Data).then(|| (mode, name.clone()));
                (self.emit)(Token::Start {
                    name,
                    attrs,
                    self_closing,
                });
                return raw;
            }
            Some(b'?') => {
                self.error();
                self.bogus_comment();
            }
            _ => {
                // A "<" that opens nothing is text.
                self.error();
                self.push_text(at, at + 1);
            }
        }
        None
    }

    /// A tag's name and attributes, from its name's first letter to its `>`; none when the
    /// input ends inside it.
    fn tag(&mut self) -> Option<(String, Attributes, bool)> {
        let mut name = String::new();
        while let Some(c) = self.peek() {
            if is_space(c) || c == b'/' || c == b'>' {
                break;
            }
            self.take_char_lower(&mut name);
        }
        let mut attrs: Attributes = Vec::new();
        loop {
            match self.peek() {
                None => {
                    // A tag cut off by the end of the input is dropped.
                    self.error();
                    return None;
                }
                Some(c) if is_space(c) => self.i += 1,
                Some(b'>') => {
                    self.i += 1;
                    return Some((name, attrs, false));
                }
                Some(b'/') => {
                    self.i += 1;
                    if self.peek() == Some(b'>') {
                        self.i += 1;
                        return Some((name, attrs, true));
                    }
                    self.error();
                }
                Some(_) => {
                    let attr = self.attribute();
                    if attrs.iter().any(|(n, _)| *n == attr.0) {
                        self.error();
                    } else {
                        attrs.push(attr);
                    }
                }
            }
        }
    }

    /// One attribute: a name, and a value after `=` (quoted, unquoted or none).
    fn attribute(&mut self) -> (String, String) {
        let mut name = String::new();
        // A name may start with "=" (an error); after that, "=" ends it.
        if self.peek() == Some(b'=') {
            self.error();
            name.push('=');
            self.i += 1;
        }
        while let Some(c) = self.peek() {
            if is_space(c) || matches!(c, b'/' | b'>' | b'=') {
                break;
            }
            if matches!(c, b'"' | b'\'' | b'<') {
                self.error();
            }
            self.take_char_lower(&mut name);
        }
        // Spaces, then "=" or the next attribute.
        let mut j = self.i;
        while self.b.get(j).copied().is_some_and(is_space) {
            j += 1;
        }
        if self.b.get(j) != Some(&b'=') {
            self.i = j;
            return (name, String::new());
        }
        self.i = j + 1;
        while self.peek().is_some_and(is_space) {
            self.i += 1;
        }
        let mut value = String::new();
        match self.peek() {
            Some(q @ (b'"' | b'\'')) => {
                self.i += 1;
                loop {
                    let start = self.i;
                    let end = self.b[start..]
                        .iter()
                        .position(|&c| c == q || c == b'&')
                        .map_or(self.b.len(), |p| start + p);
                    push_normalised(&mut value, &self.s[start..end]);
                    self.i = end;
                    match self.peek() {
                        Some(b'&') => {
                            self.i += 1;
                            self.reference(&mut value, true);
                        }
                        Some(_) => {
                            self.i += 1;
                            break;
                        }
                        None => break,
                    }
                }
                // Something other than a space, "/" or ">" right after the closing quote.
                if self
                    .peek()
                    .is_some_and(|c| !is_space(c) && c != b'/' && c != b'>')
                {
                    self.error();
                }
            }
            Some(b'>') => {
                // "a=>": no value.
                self.error();
            }
            _ => {
                while let Some(c) = self.peek() {
                    if is_space(c) || c == b'>' {
                        break;
                    }
                    if c == b'&' {
                        self.i += 1;
                        self.reference(&mut value, true);
                        continue;
                    }
                    if matches!(c, b'"' | b'\'' | b'<' | b'=' | b'`') {
                        self.error();
                    }
                    self.take_char(&mut value);
                }
            }
        }
        (name, value)
    }

    /// Appends the character at the cursor, ASCII capitals lowered, and moves past it.
    fn take_char_lower(&mut self, out: &mut String) {
        let c = self.b[self.i];
        if c.is_ascii() {
            out.push(char::from(c.to_ascii_lowercase()));
            self.i += 1;
        } else {
            self.take_char(out);
        }
    }

    /// Appends the character at the cursor and moves past it.
    fn take_char(&mut self, out: &mut String) {
        let c = self.s[self.i..].chars().next().unwrap_or('\u{fffd}');
        out.push(c);
        self.i += c.len_utf8().max(1);
    }

    /// After `<!`: a comment, a doctype, CDATA (text in XML), or a bogus comment.
    fn declaration(&mut self, xml: bool) {
        let rest = &self.b[self.i..];
        if rest.starts_with(b"--") {
            self.i += 2;
            self.comment();
        } else if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
            self.flush();
            self.until_gt();
        } else if rest.starts_with(b"[CDATA[") && xml {
            self.i += 7;
            let start = self.i;
            let end = find(&self.b[start..], b"]]>").map_or(self.b.len(), |p| start + p);
            if end == self.b.len() {
                self.error();
            }
            self.push_text(start, end);
            self.i = (end + 3).min(self.b.len());
        } else {
            self.error();
            self.bogus_comment();
        }
    }

    /// A comment's body, after `<!--`, to `-->` (or `--!>`, or an abrupt `>`).
    fn comment(&mut self) {
        self.flush();
        let rest = &self.b[self.i..];
        // "<!-->" and "<!--->" close at once.
        for abrupt in [&b">"[..], b"->"] {
            if rest.starts_with(abrupt) {
                self.error();
                self.i += abrupt.len();
                return;
            }
        }
        let mut j = self.i;
        loop {
            let Some(p) = find(&self.b[j..], b"--") else {
                self.error();
                self.i = self.b.len();
                return;
            };
            j += p + 2;
            // Dashes may run on: "--->" closes too.
            while self.b.get(j) == Some(&b'-') {
                j += 1;
            }
            match self.b.get(j) {
                Some(b'>') => {
                    self.i = j + 1;
                    return;
                }
                Some(b'!') if self.b.get(j + 1) == Some(&b'>') => {
                    self.error();
                    self.i = j + 2;
                    return;
                }
                None => {
                    self.error();
                    self.i = self.b.len();
                    return;
                }
                _ => {}
            }
        }
    }

    /// A bogus comment: everything to the next `>`.
    fn bogus_comment(&mut self) {
        self.flush();
        self.until_gt();
    }

    fn until_gt(&mut self) {
        self.i = self.b[self.i..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(self.b.len(), |p| self.i + p + 1);
    }

    /// The text of an element read raw (or with references only), up to its own end tag:
    /// `</name` (any case) and then a space, `/` or `>`. The end tag is left for `run`.
    fn raw(&mut self, mode: Mode, name: &str) {
        if mode == Mode::PlainText {
            let end = self.b.len();
            self.push_text(self.i, end);
            self.i = end;
            return;
        }
        let mut j = self.i;
        let end = loop {
            let Some(p) = find(&self.b[j..], b"</") else {
                break self.b.len();
            };
            let at = j + p;
            let after = at + 2 + name.len();
            let named = self
                .b
                .get(at + 2..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
            if named
                && self
                    .b
                    .get(after)
                    .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
            {
                break at;
            }
            j = at + 2;
        };
        if mode == Mode::RcData {
            let mut k = self.i;
            while k < end {
                let amp = self.b[k..end]
                    .iter()
                    .position(|&c| c == b'&')
                    .map_or(end, |p| k + p);
                self.push_text(k, amp);
                if amp == end {
                    break;
                }
                self.i = amp + 1;
                let mut out = std::mem::take(&mut self.text);
                self.reference_within(&mut out, end);
                self.text = out;
                k = self.i;
            }
        } else {
            self.push_text(self.i, end);
        }
        self.i = end;
    }

    /// A character reference after `&`, appended to `out` decoded, or as written when it is
    /// none. In an attribute, a name without its `;` before `=` or a letter is left as
    /// written.
    fn reference(&mut self, out: &mut String, in_attribute: bool) {
        let end = self.b.len();
        self.reference_until(out, in_attribute, end);
    }

    fn reference_within(&mut self, out: &mut String, end: usize) {
        self.reference_until(out, false, end);
    }

    fn reference_until(&mut self, out: &mut String, in_attribute: bool, end: usize) {
        let b = &self.b[..end];
        let start = self.i;
        if b.get(start) == Some(&b'#') {
            let hex = matches!(b.get(start + 1), Some(b'x' | b'X'));
            let digits_at = start + 1 + usize::from(hex);
            let digits = b[digits_at.min(end)..]
                .iter()
                .take_while(|c| {
                    if hex {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_digit()
                    }
                })
                .count();
            if digits == 0 {
                self.error();
                out.push('&');
                return;
            }
            let text = &self.s[digits_at..digits_at + digits];
            let code = u32::from_str_radix(text, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
            let mut after = digits_at + digits;
            if b.get(after) == Some(&b';') {
                after += 1;
            } else {
                self.error();
            }
            self.i = after;
            out.push(numeric(code));
            if numeric_is_error(code) {
                self.error();
            }
            return;
        }
        let name_len = b[start..]
            .iter()
            .take(32)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let semicolon = b.get(start + name_len) == Some(&b';');
        // The longest name in the table that the input starts with.
        for len in (1..=name_len).rev() {
            let name = &self.s[start..start + len];
            let Some((legacy, value, second)) = named(name) else {
                continue;
            };
            let whole = len == name_len && semicolon;
            if !whole && !legacy {
                continue;
            }
            if !whole {
                let next = b.get(start + len).copied();
                if in_attribute && next.is_some_and(|c| c == b'=' || c.is_ascii_alphanumeric()) {
                    // "?a=1&copy=2": left as written.
                    out.push('&');
                    return;
                }
                self.error();
            }
            out.push(value);
            out.extend(second);
            self.i = start + len + usize::from(whole);
            return;
        }
        if semicolon && name_len > 0 {
            self.error();
        }
        out.push('&');
    }
}

/// A named reference without its `;`: whether it is also read without the `;`, and what it
/// stands for (one code point or two).
fn named(name: &str) -> Option<(bool, char, Option<char>)> {
    let &entry = named_table().get(name)?;
    let value = char::from_u32((entry & 0x1F_FFFF) as u32)?;
    let second = (entry >> 22)
        .checked_sub(1)
        .and_then(|i| NAMED_SECOND.get(i).copied());
    Some(((entry >> 21) & 1 == 1, value, second))
}

/// The named references by name, read from their tables (build.rs) the first time one is
/// looked up: each name's code point, whether it is read without its `;` (bit 21), and its
/// second code point's place in `NAMED_SECOND` plus one (from bit 22; 0 for none).
fn named_table() -> &'static FxMap<&'static str, usize> {
    static TABLE: std::sync::OnceLock<FxMap<&'static str, usize>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        // At least a byte of `NAMED_POINTS` a name: room for all of them at once.
        let mut table = FxMap::with_capacity_and_hasher(NAMED_POINTS.len(), Default::default());
        let mut points = NAMED_POINTS.iter();
        let mut value = 0;
        for name in NAMED.split('\0') {
            // The step, doubled, plus one for a second code point: LEB128 of up to 3 bytes
            // (a code point is 21 bits).
            let mut step = 0;
            for (k, &byte) in points.by_ref().take(4).enumerate() {
                step |= usize::from(byte & 0x7f) << (7 * k);
                if byte < 0x80 {
                    break;
                }
            }
            value += step >> 1;
            let second = match step & 1 {
                1 => points.next().map_or(0, |&i| usize::from(i) + 1),
                _ => 0,
            };
            let (name, legacy) = match name.strip_suffix('\u{1}') {
                Some(name) => (name, 1),
                None => (name, 0),
            };
            table.insert(name, value | (legacy << 21) | (second << 22));
        }
        table
    })
}

/// What a numeric reference stands for: U+FFFD for none, a surrogate or beyond Unicode;
/// the Windows-1252 character for the C1 controls pages mean by them.
fn numeric(code: u32) -> char {
    const C1: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let code = match code {
        0x80..=0x9F => u32::from(C1[(code - 0x80) as usize]),
        _ => code,
    };
    if code == 0 {
        return '\u{fffd}';
    }
    char::from_u32(code).unwrap_or('\u{fffd}')
}

fn numeric_is_error(code: u32) -> bool {
    code == 0
        || code > 0x10FFFF
        || (0xD800..=0xDFFF).contains(&code)
        || (0x80..=0x9F).contains(&code)
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
        || (code < 0x20 && !matches!(code, 0x09 | 0x0A | 0x0C | 0x0D))
        || code == 0x7F
}

/// Where `needle` first occurs in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Appends `text` with "\r\n" and "\r" as "\n".
fn push_normalised(out: &mut String, text: &str) {
    if !text.contains('\r') {
        out.push_str(text);
        return;
    }
    let mut rest = text;
    while let Some(p) = rest.find('\r') {
        out.push_str(&rest[..p]);
        out.push('\n');
        rest = &rest[p + 1..];
        if let Some(r) = rest.strip_prefix('\n') {
            rest = r;
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(input: &str) -> Vec<Token> {
        let mut out = Vec::new();
        tokenize(input, false, &mut |t| {
            if t != Token::Error {
                out.push(t)
            }
        });
        out
    }

    /// Every named reference of HTML, against a list written apart from the table the build
    /// compiles in (`tests/fixtures/html_entities.tsv`, from CPython's copy of the WHATWG's
    /// entities.json): with its `;`; without it, where the standard reads it so; and without
    /// it where it does not, read as the longest name that the standard reads without `;` and
    /// that the name starts with (`&notin` is `¬in`), or left as written.
    #[test]
    fn every_named_reference_as_the_standard_lists_it() {
        let list = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/html_entities.tsv"
        ))
        .expect("the list is committed");
        let references: Vec<(&str, String)> = list
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|line| {
                let (name, points) = line.split_once('\t').expect("name, tab, code points");
                let value = points
                    .split(' ')
                    .map(|p| u32::from_str_radix(p, 16).ok().and_then(char::from_u32))
                    .collect::<Option<String>>()
                    .expect("hex code points");
                (name, value)
            })
            .collect();
        assert_eq!(references.len(), 2231);
        let text = |input: &str| -> String {
            tokens(input)
                .into_iter()
                .map(|t| match t {
                    Token::Text(text) => text,
                    other => panic!("{input:?} read as {other:?}"),
                })
                .collect()
        };
        let bare_read: Vec<&(&str, String)> = references
            .iter()
            .filter(|(n, _)| !n.ends_with(';'))
            .collect();
        for (name, value) in &references {
            assert_eq!(text(&format!("&{name} ")), format!("{value} "), "&{name}");
            let Some(bare) = name.strip_suffix(';') else {
                continue;
            };
            let expected = match bare_read
                .iter()
                .filter(|(n, _)| bare.starts_with(n))
                .max_by_key(|(n, _)| n.len())
            {
                Some((n, v)) => format!("{v}{} ", &bare[n.len()..]),
                None => format!("&{bare} "),
            };
            assert_eq!(text(&format!("&{bare} ")), expected, "&{bare}");
        }
    }

    #[test]
    fn named_references_with_and_without_semicolons() {
        assert_eq!(named("amp"), Some((true, '&', None)));
        assert_eq!(named("eacute"), Some((true, 'é', None)));
        assert_eq!(named("notin"), Some((false, '∉', None)));
        assert_eq!(named("nvlt"), Some((false, '<', Some('\u{20d2}'))));
        assert_eq!(named("zzz"), None);
        assert_eq!(
            tokens("a &amp; b &notit; &notin; &copy c &#x41;&#66;&#x80;&#0; &zzz; &"),
            [Token::Text("a & b ¬it; ∉ © c AB€\u{fffd} &zzz; &".into())]
        );
        assert_eq!(
            tokens("<a href=\"?a=1&copy=2&amp;b=3&lt\">x</a>"),
            [
                Token::Start {
                    name: "a".into(),
                    attrs: vec![("href".into(), "?a=1&copy=2&b=3<".into())],
                    self_closing: false
                },
                Token::Text("x".into()),
                Token::End("a".into())
            ]
        );
    }

    #[test]
    fn every_name_of_the_table_is_read_once() {
        assert_eq!(NAMED.split('\0').count(), 2125);
        assert_eq!(named_table().len(), 2125);
    }

    /// The same tokens as html5gum, the standard's tokenizer this one replaced, on markup
    /// drawn from the pieces pages are made of and the ways they break: text merged, errors
    /// comments and doctypes left out, attributes compared as sets (html5gum sorts them).
    #[cfg(not(target_arch = "wasm32"))]
    mod against_html5gum {
        use super::*;
        use html5gum::HtmlString;
        use proptest::prelude::*;

        #[derive(Debug, PartialEq, Eq)]
        enum Simple {
            Start(String, Vec<(String, String)>, bool),
            End(String),
            Text(String),
        }

        fn merge(tokens: Vec<Simple>) -> Vec<Simple> {
            let mut out: Vec<Simple> = Vec::new();
            for t in tokens {
                match (out.last_mut(), t) {
                    (Some(Simple::Text(a)), Simple::Text(b)) => a.push_str(&b),
                    (_, Simple::Text(b)) if b.is_empty() => {}
                    (_, t) => out.push(t),
                }
            }
            out
        }

        fn ours(input: &str, xml: bool) -> Vec<Simple> {
            let mut out = Vec::new();
            tokenize(input, xml, &mut |t| match t {
                Token::Start {
                    name,
                    mut attrs,
                    self_closing,
                } => {
                    attrs.sort();
                    out.push(Simple::Start(name, attrs, self_closing))
                }
                Token::End(name) => out.push(Simple::End(name)),
                Token::Text(text) => out.push(Simple::Text(text)),
                Token::Error => {}
            });
            merge(out)
        }

        fn string(s: HtmlString) -> String {
            String::from_utf8_lossy(&s.0).into_owned()
        }

        fn theirs(input: &str) -> Vec<Simple> {
            let mut inner = html5gum::DefaultEmitter::default();
            inner.naively_switch_states(true);
            let mut out = Vec::new();
            for token in html5gum::Tokenizer::new_with_emitter(input, inner) {
                let Ok(token) = token;
                match token {
                    html5gum::Token::StartTag(tag) => {
                        let mut attrs: Vec<(String, String)> = tag
                            .attributes
                            .into_iter()
                            .map(|(k, v)| (string(k), string(v.value)))
                            .collect();
                        attrs.sort();
                        out.push(Simple::Start(string(tag.name), attrs, tag.self_closing))
                    }
                    html5gum::Token::EndTag(tag) => out.push(Simple::End(string(tag.name))),
                    html5gum::Token::String(text) => out.push(Simple::Text(string(text.value))),
                    _ => {}
                }
            }
            merge(out)
        }

        fn piece() -> impl Strategy<Value = &'static str> {
            prop::sample::select(vec![
                "<p>",
                "</p>",
                "<div class=\"post\">",
                "<DIV Class=Post id=x>",
                "</div>",
                "<br/>",
                "<img src='a.jpg' alt=\"A &amp; B\">",
                "<a href=?a=1&copy=2&lt=3>",
                "</a>",
                "<a href=\"x\"title=y>",
                "<p a=1 a=2>",
                "<p =x>",
                "<p a=>",
                "<p a='",
                "<!-- c -->",
                "<!-->",
                "<!--->",
                "<!-- a -- b --!>",
                "<!---->",
                "<!DOCTYPE html>",
                "<!doctype>",
                "<![CDATA[x]]>",
                "<?xml?>",
                "</ x>",
                "</>",
                "< p",
                "<",
                ">",
                "&",
                "&amp;",
                "&amp",
                "&notit;",
                "&notin;",
                "&#65;",
                "&#x41",
                "&#;",
                "&#x;",
                "&#0;",
                "&#x80;",
                "&#xD800;",
                "&#1114112;",
                "&zz;",
                "&AElig",
                "text ",
                "Ünï ",
                "a\r\nb",
                "\r",
                "<script>if (a<b) x='</p>'</script>",
                "<SCRIPT>x</script >",
                "<script>a</scripty>b</script>",
                "<style>p{}</style>",
                "<title>A &amp; <b></title>",
                "<textarea>&lt;</textarea>",
                "<noscript><p>n</p></noscript>",
                "<br / >",
                "<p/x>",
                "<iframe><p></iframe>",
                "<xmp><a></xmp>",
                "\t",
                " ",
            ])
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

            #[test]
            fn the_same_tokens(pieces in prop::collection::vec(piece(), 0..40)) {
                let input: String = pieces.concat();
                prop_assert_eq!(ours(&input, false), theirs(&input), "{:?}", input);
            }
        }
    }
}
