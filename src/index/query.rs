//! What a reader types, read into clauses: words (all required), `"phrases"`, `-exclusions`,
//! `OR` between alternatives, and fields: `speaker:` `person:` `place:` `org:` `has:quote`
//! `has:image` `before:` `after:`. The lenient reader never fails: what it cannot use
//! becomes a warning. The strict one, for programs, fails with the position instead.

use super::tokenize::words;
use crate::error::Error;

/// One thing a clause can ask for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Atom {
    /// A folded word; `prefix` when it is the word being typed.
    Word {
        word: String,
        prefix: bool,
    },
    /// Folded words in a row.
    Phrase(Vec<String>),
    /// A name of this kind: folded words of the name ("speaker:biden").
    Name(Field, Vec<String>),
    HasQuote,
    HasImage,
    /// Before or after a time as written ("14:30", "Jan 24 2:30pm").
    Before(String),
    After(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Speaker,
    Person,
    Place,
    Org,
}

/// Alternatives joined by OR; a negated clause excludes what it matches.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Clause {
    pub(crate) any: Vec<Atom>,
    pub(crate) negated: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Query {
    pub(crate) clauses: Vec<Clause>,
    pub(crate) warnings: Vec<String>,
}

/// A piece of the query as typed: its text, where it starts, and whether it was quoted.
struct Piece<'a> {
    text: &'a str,
    at: usize,
    quoted: bool,
    negated: bool,
    /// `name:` written before it.
    field: Option<&'a str>,
}

/// Splits a query into pieces, quotes kept together.
fn pieces<'a>(q: &'a str, warnings: &mut Vec<(usize, String)>) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < q.len() {
        let c = q[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut negated = false;
        if c == '-' && q[i + 1..].starts_with(|n: char| !n.is_whitespace()) {
            negated = true;
            i += 1;
        }
        // name:value, the value perhaps quoted.
        let mut field = None;
        let word_end = q[i..]
            .find(|ch: char| ch.is_whitespace() || ch == '"' || ch == '“')
            .map_or(q.len(), |e| i + e);
        if let Some(colon) = q[i..word_end].find(':') {
            let name = &q[i..i + colon];
            if !name.is_empty() && name.chars().all(|ch| ch.is_ascii_alphabetic()) {
                field = Some(name);
                i += colon + 1;
            }
        }
        let open = q[i..].chars().next();
        if matches!(open, Some('"' | '“')) {
            let body_start = i + open.map_or(1, char::len_utf8);
            let close = q[body_start..].find(&['"', '”'][..]);
            let body_end = close.map_or(q.len(), |e| body_start + e);
            if close.is_none() {
                warnings.push((
                    i,
                    "a quote is not closed; the phrase runs to the end".into(),
                ));
            }
            out.push(Piece {
                text: &q[body_start..body_end],
                at: start,
                quoted: true,
                negated,
                field,
            });
            i = close.map_or(q.len(), |_| {
                body_end + q[body_end..].chars().next().map_or(1, char::len_utf8)
            });
            continue;
        }
        let end = q[i..].find(char::is_whitespace).map_or(q.len(), |e| i + e);
        out.push(Piece {
            text: &q[i..end],
            at: start,
            quoted: false,
            negated,
            field,
        });
        i = end;
    }
    out
}

/// Reads a query. `prefix`: the last word, when nothing follows it, is still being typed.
/// `strict`: the first problem is an error rather than a warning.
pub(crate) fn parse_query(q: &str, prefix: bool, strict: bool) -> Result<Query, Error> {
    let mut problems: Vec<(usize, String)> = Vec::new();
    let pieces = pieces(q, &mut problems);
    let mut query = Query::default();
    let mut or_next = false;
    let typing = prefix && !q.ends_with(char::is_whitespace);
    let count = pieces.len();
    for (n, piece) in pieces.into_iter().enumerate() {
        if !piece.quoted && piece.field.is_none() && piece.text == "OR" && !piece.negated {
            if query.clauses.is_empty() || n + 1 == count {
                problems.push((piece.at, "OR needs something on each side".into()));
            } else {
                or_next = true;
            }
            continue;
        }
        let atom = match piece.field.map(str::to_ascii_lowercase).as_deref() {
            None => text_atom(piece.text, piece.quoted, typing && n + 1 == count),
            Some(field @ ("speaker" | "person" | "place" | "org")) => {
                let words = words(piece.text);
                let field = match field {
                    "speaker" => Field::Speaker,
                    "person" => Field::Person,
                    "place" => Field::Place,
                    _ => Field::Org,
                };
                (!words.is_empty()).then_some(Atom::Name(field, words))
            }
            Some("has") => match piece.text.to_ascii_lowercase().as_str() {
                "quote" | "quotes" => Some(Atom::HasQuote),
                "image" | "images" | "photo" | "photos" => Some(Atom::HasImage),
                other => {
                    problems.push((
                        piece.at,
                        format!("has:{other} is not known; has:quote and has:image are"),
                    ));
                    continue;
                }
            },
            Some("before") => time_atom(piece.text, true),
            Some("after") => time_atom(piece.text, false),
            Some(other) => {
                problems.push((piece.at, format!("{other}: is not a field; read as words")));
                let whole = &q[piece.at + usize::from(piece.negated)..];
                let end = whole.find(char::is_whitespace).unwrap_or(whole.len());
                text_atom(&whole[..end], false, false)
            }
        };
        let Some(atom) = atom else {
            if matches!(piece.field, Some(f) if f.eq_ignore_ascii_case("before") || f.eq_ignore_ascii_case("after"))
            {
                problems.push((piece.at, format!("“{}” is not a time", piece.text)));
            }
            continue;
        };
        if or_next {
            or_next = false;
            if let Some(last) = query.clauses.last_mut() {
                if last.negated == piece.negated {
                    last.any.push(atom);
                    continue;
                }
            }
        }
        query.clauses.push(Clause {
            any: vec![atom],
            negated: piece.negated,
        });
    }
    if strict {
        if let Some((at, message)) = problems.into_iter().next() {
            return Err(Error::Query { message, at });
        }
    } else {
        query.warnings = problems.into_iter().map(|(_, m)| m).collect();
    }
    Ok(query)
}

/// A word or a phrase; a word that the tokenizer splits ("F-16", "U.S.") is a phrase.
fn text_atom(text: &str, quoted: bool, typing: bool) -> Option<Atom> {
    let mut words = words(text);
    match words.len() {
        0 => None,
        1 if !quoted => Some(Atom::Word {
            word: words.remove(0),
            prefix: typing && !text.ends_with(|c: char| !c.is_alphanumeric()),
        }),
        _ => Some(Atom::Phrase(words)),
    }
}

fn time_atom(text: &str, before: bool) -> Option<Atom> {
    crate::clock::read_time(text)?;
    let text = text.to_string();
    Some(if before {
        Atom::Before(text)
    } else {
        Atom::After(text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Atom {
        Atom::Word {
            word: w.into(),
            prefix: false,
        }
    }

    #[test]
    fn words_phrases_fields_and_or() {
        let q = parse_query(
            r#"speaker:biden "severe costs" troops -tanks kyiv OR kiev has:quote "#,
            true,
            true,
        )
        .expect("valid");
        let atoms: Vec<(&[Atom], bool)> = q
            .clauses
            .iter()
            .map(|c| (c.any.as_slice(), c.negated))
            .collect();
        assert_eq!(
            atoms,
            [
                (
                    &[Atom::Name(Field::Speaker, vec!["biden".into()])][..],
                    false
                ),
                (
                    &[Atom::Phrase(vec!["severe".into(), "costs".into()])][..],
                    false
                ),
                (&[word("troops")][..], false),
                (&[word("tanks")][..], true),
                (&[word("kyiv"), word("kiev")][..], false),
                (&[Atom::HasQuote][..], false),
            ]
        );
    }

    #[test]
    fn the_last_word_is_a_prefix_while_typing() {
        let q = parse_query("russian tro", true, false).expect("lenient");
        assert_eq!(
            q.clauses[1].any[0],
            Atom::Word {
                word: "tro".into(),
                prefix: true
            }
        );
        let q = parse_query("russian tro ", true, false).expect("lenient");
        assert_eq!(q.clauses[1].any[0], word("tro"));
        let q = parse_query("F-16 jets", false, true).expect("valid");
        assert_eq!(
            q.clauses[0].any[0],
            Atom::Phrase(vec!["f".into(), "16".into()])
        );
    }

    #[test]
    fn lenient_warns_where_strict_fails() {
        for bad in [
            r#""open quote"#,
            "colour:red",
            "has:video",
            "before:soon",
            "tanks OR",
        ] {
            let lenient = parse_query(bad, false, false).expect("never fails");
            assert_eq!(lenient.warnings.len(), 1, "{bad}: {:?}", lenient.warnings);
            let strict = parse_query(bad, false, true).expect_err(bad);
            assert_eq!(strict.code(), "LB_QUERY");
        }
        let q = parse_query("colour:red", false, false).expect("lenient");
        assert_eq!(
            q.clauses[0].any[0],
            Atom::Phrase(vec!["colour".into(), "red".into()])
        );
        assert!(parse_query("", true, true)
            .expect("empty")
            .clauses
            .is_empty());
        assert!(parse_query("- \" OR :", true, false).is_ok());
    }
}
