//! Compiles the gazetteers in `data/` into sorted tables (`$OUT_DIR/gazetteer_data.rs`), so a
//! lookup is a binary search and no file is read at run time.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn lines(path: &str) -> Vec<String> {
    println!("cargo:rerun-if-changed={path}");
    fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("reading {path}: {e}"))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Front codes sorted entries for `src/packed.rs`: each as one character, `'A'` plus how many
/// of its first bytes repeat the entry before (at most 57, so the character stays a letter or
/// sign, never a digit that would read as part of an escape such as `\0`; and never across a
/// character's boundary), then the rest of its bytes; the entries joined by `separator`.
fn front_coded<'a>(entries: impl Iterator<Item = &'a str>, separator: char) -> String {
    let mut out = String::new();
    let mut previous = "";
    for (n, entry) in entries.enumerate() {
        if n > 0 {
            out.push(separator);
        }
        if entry.is_empty() {
            // Written as nothing, read back as an empty entry that shares nothing.
            previous = "";
            continue;
        }
        let mut shared = previous
            .bytes()
            .zip(entry.bytes())
            .take(57)
            .take_while(|(a, b)| a == b)
            .count();
        while !entry.is_char_boundary(shared) {
            shared -= 1;
        }
        out.push(char::from(b'A' + shared as u8));
        out.push_str(&entry[shared..]);
        previous = entry;
    }
    out
}

/// Writes a table as one string: a line per entry, "Name" or "Alias=Name", sorted by the
/// entry's key with ASCII case folded, so that a lookup is a binary search over bytes and the
/// table costs no pointers; front coded (`front_coded`) in the download.
fn table(out: &mut String, name: &str, doc: &str, rows: &BTreeMap<String, String>) {
    let mut lines: Vec<String> = rows
        .iter()
        .map(|(key, value)| {
            if value.is_empty() || value == key {
                key.clone()
            } else {
                format!("{key}={value}")
            }
        })
        .collect();
    let fold = |l: &String| {
        l.split('=')
            .next()
            .unwrap_or("")
            .bytes()
            .map(|b| b.to_ascii_lowercase())
            .collect::<Vec<u8>>()
    };
    lines.sort_by_key(fold);
    lines.dedup_by_key(|l| fold(l));
    writeln!(
        out,
        "/// {doc} Front coded.\npub(crate) static {name}: &str = {:?};",
        front_coded(lines.iter().map(String::as_str), '\n')
    )
    .unwrap();
}

fn main() {
    // Keys keep the case they are written in: the tables compare ignoring ASCII case, and a
    // line is "Name" alone when the key is the name.
    let mut places = BTreeMap::new();
    let mut demonyms = BTreeMap::new();
    for row in lines("data/countries.tsv") {
        let cols: Vec<&str> = row.split('\t').collect();
        let name = cols[0];
        let list = |i: usize| -> Vec<&str> {
            cols.get(i).map_or(Vec::new(), |c| {
                c.split('|').filter(|v| !v.is_empty()).collect()
            })
        };
        places.insert(name.to_string(), name.to_string());
        for alias in list(1) {
            places
                .entry(alias.to_string())
                .or_insert_with(|| name.to_string());
        }
        for demonym in list(2) {
            demonyms
                .entry(demonym.to_string())
                .or_insert_with(|| name.to_string());
        }
        for capital in list(3) {
            places
                .entry(capital.to_string())
                .or_insert_with(|| capital.to_string());
        }
    }
    for file in ["data/cities.txt", "data/regions.txt"] {
        for name in lines(file) {
            places.entry(name.clone()).or_insert(name);
        }
    }
    for row in lines("data/place_aliases.tsv") {
        if let Some((written, canonical)) = row.split_once('\t') {
            places.insert(written.to_string(), canonical.to_string());
        }
    }
    // A name that is also a word in lower case ("Goa", "Apple") goes to a table of its own:
    // it is a name only where the blog never writes the word.
    let mut word_places = BTreeMap::new();
    for row in lines("data/subdivisions.txt") {
        let (name, flag) = row.split_once('\t').unwrap_or((&row, ""));
        let to = if flag == "word" {
            &mut word_places
        } else {
            &mut places
        };
        to.entry(name.to_string())
            .or_insert_with(|| name.to_string());
    }
    let mut orgs = BTreeMap::new();
    let mut word_orgs = BTreeMap::new();
    for row in lines("data/organisations.tsv")
        .into_iter()
        .chain(lines("data/companies.tsv"))
    {
        let mut cols = row.split('\t');
        let written = cols.next().unwrap_or_default().to_string();
        let name = cols
            .next()
            .filter(|n| !n.is_empty())
            .unwrap_or(&written)
            .to_string();
        let to = if cols.next() == Some("word") {
            &mut word_orgs
        } else {
            &mut orgs
        };
        to.entry(written).or_insert(name);
    }
    // A word's plural or third person ("markets", "says") is found by its stem
    // (`is_common_word`), so the table leaves it out where the stem is listed.
    let words = lines("data/common_words.txt");
    let listed: BTreeSet<&str> = words.iter().map(String::as_str).collect();
    let common: BTreeMap<String, String> = words
        .iter()
        .filter(|w| {
            !w.strip_suffix('s')
                .is_some_and(|stem| listed.contains(stem))
        })
        .map(|w| (w.clone(), String::new()))
        .collect();
    let given: BTreeMap<String, String> = lines("data/given_names.txt")
        .into_iter()
        .map(|n| (n, String::new()))
        .collect();

    let mut out =
        String::from("// Generated by build.rs from data/; see data/README.md for sources.\n\n");
    table(
        &mut out,
        "PLACES",
        "Place names, and other names → the gazetteer's name.",
        &places,
    );
    table(
        &mut out,
        "WORD_PLACES",
        "Places named by a word also written in lower case (\"Goa\").",
        &word_places,
    );
    table(
        &mut out,
        "ORGS",
        "Organisations and companies as news writes them → their names.",
        &orgs,
    );
    table(
        &mut out,
        "WORD_ORGS",
        "Companies named by a word also written in lower case (\"Apple\").",
        &word_orgs,
    );
    table(&mut out, "DEMONYMS", "Demonym → its country.", &demonyms);
    table(&mut out, "GIVEN_NAMES", "Common given names.", &given);
    table(
        &mut out,
        "COMMON_WORDS",
        "Frequent English words written in lower case.",
        &common,
    );
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("gazetteer_data.rs");
    fs::write(dest, out).expect("writing the gazetteer tables");
    character_references();
    println!("cargo:rerun-if-changed=build.rs");
}

/// The named character references of HTML (`data/entities.tsv`) for the tokenizer, ordered
/// by what each stands for (its code points, then its name's bytes), so that a name's value
/// is a small step from the one before (none for the second and later names of a character):
/// the values gzip to 0.7 KB this way against 4.1 KB as text beside names sorted by name.
/// `NAMED` holds each name without its `;`, then `\u{1}` where the name is also read without
/// it (the legacy ones, `&amp` `&copy`), the names parted by NULs (`&NewLine;` stands for a
/// line break, so lines cannot part them). `NAMED_POINTS` holds, for each name in turn, its
/// first code point's step from the name's before, doubled, plus one when a second code point
/// follows (LEB128), and then that code point's place in `NAMED_SECOND` (one byte).
fn character_references() {
    let mut rows: BTreeMap<String, (bool, Vec<u32>)> = BTreeMap::new();
    for row in lines("data/entities.tsv") {
        let (name, points) = row
            .split_once('\t')
            .expect("entities.tsv: name, tab, code points");
        let value: Vec<u32> = points
            .split(' ')
            .map(|p| u32::from_str_radix(p, 16).expect("entities.tsv: hex code points"))
            .collect();
        assert!(
            (1..=2).contains(&value.len()) && value.iter().all(|&c| char::from_u32(c).is_some()),
            "entities.tsv: {name} stands for one or two code points"
        );
        match name.strip_suffix(';') {
            Some(bare) => {
                rows.entry(bare.to_string())
                    .or_insert((false, value.clone()));
            }
            None => {
                rows.entry(name.to_string())
                    .or_insert((false, value.clone()))
                    .0 = true;
            }
        }
    }
    let mut entries: Vec<(&Vec<u32>, &str, bool)> = rows
        .iter()
        .map(|(name, (legacy, value))| (value, name.as_str(), *legacy))
        .collect();
    entries.sort();
    let seconds: BTreeSet<u32> = entries.iter().filter_map(|e| e.0.get(1).copied()).collect();
    let seconds: Vec<u32> = seconds.into_iter().collect();
    let mut names = Vec::new();
    let mut points = Vec::new();
    let mut before = 0;
    for (value, name, legacy) in entries {
        names.push(format!("{name}{}", if legacy { "\u{1}" } else { "" }));
        let mut step = (value[0] - before) * 2 + u32::from(value.len() > 1);
        loop {
            let byte = (step & 0x7f) as u8;
            step >>= 7;
            points.push(byte | if step > 0 { 0x80 } else { 0 });
            if step == 0 {
                break;
            }
        }
        if let Some(second) = value.get(1) {
            points.push(seconds.binary_search(second).expect("listed above") as u8);
        }
        before = value[0];
    }
    let second: Vec<char> = seconds.iter().filter_map(|&c| char::from_u32(c)).collect();
    let out = format!(
        "/// Named character references without their `;`, ordered by what they stand for (see build.rs).\n\
         pub(crate) static NAMED: &str = {names:?};\n\
         /// What each of `NAMED` stands for, as steps from the one before (see build.rs).\n\
         pub(crate) static NAMED_POINTS: &[u8] = &{points:?};\n\
         /// The second code points of the references that stand for two.\n\
         pub(crate) static NAMED_SECOND: &[char] = &{second:?};\n",
        names = names.join("\0"),
    );
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("entities_data.rs");
    fs::write(dest, out).expect("writing the character references");
}
