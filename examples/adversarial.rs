//! Worst cases for each stage, at any size: the inputs that a list searched once per item
//! (a quadratic path) or a recursion as deep as the input would notice, where uniform input
//! does not.
//!
//! `cargo run --release --example adversarial -- SHAPE N` reads an input of SHAPE at size N
//! through its stage and prints what came out; `… -- SHAPE N --write FILE` writes the input
//! instead (seeds for `make fuzz`); `… -- SHAPE --time FILE RUNS` reads a written input RUNS
//! times and prints the fastest in milliseconds, then what came out (bench/adversarial.mjs);
//! `… -- list` names the shapes with the reader each goes through (text, html, or search:
//! text read, indexed and searched for what `… -- queries` prints). `tests/complexity.rs` runs
//! each shape at N, 2N, 4N and 8N under callgrind and bounds the growth of the instructions
//! counted; `make bench` times each at its largest size.

use std::fmt::Write as _;
use std::process::ExitCode;

use liveblog_index::{parse, parse_html, Index, ReadOptions, SearchOptions};

/// A shape: its name, what it stresses, the input builder and the reader.
type Shape = (&'static str, &'static str, fn(usize) -> String, Reader);

const SHAPES: &[Shape] = &[
    (
        "people",
        "n distinct people, each named in full with a title, then by surname",
        people,
        Reader::Text,
    ),
    (
        "orgs",
        "n distinct organisations, by name, by acronym in brackets and by short form",
        orgs,
        Reader::Text,
    ),
    (
        "quotes",
        "n distinct quotes, each with its speaker",
        quotes,
        Reader::Text,
    ),
    (
        "repeated-quotes",
        "n quotes, each said again in a later post and echoed in a headline",
        repeated_quotes,
        Reader::Text,
    ),
    (
        "markup-jsonld",
        "a page of n posts in its markup and the same n posts in its JSON-LD",
        markup_jsonld,
        Reader::Html,
    ),
    (
        "pinned",
        "a page of n posts, each also pinned above the stream",
        pinned,
        Reader::Html,
    ),
    (
        "flat",
        "a page of n posts with no element of their own: a timed heading, then paragraphs",
        flat,
        Reader::Html,
    ),
    (
        "open-post",
        "a page whose second post's element is left open, so that it holds n timed entries",
        open_post,
        Reader::Html,
    ),
    (
        "cue-chain",
        "one sentence of n names, each with a run of cue verbs and a quote its pronoun says",
        cue_chain,
        Reader::Text,
    ),
    (
        "adjunct-chain",
        "one sentence of n clauses, each opened by \"and\" and closed by a comma, with a quote",
        adjunct_chain,
        Reader::Text,
    ),
    (
        "possessives",
        "one paragraph of n nested possessives and n appositives before a quote",
        possessives,
        Reader::Text,
    ),
    (
        "long-line",
        "one line of n words with no break",
        long_line,
        Reader::Text,
    ),
    (
        "timed-posts",
        "n timed posts, half of them with a loose time",
        timed_posts,
        Reader::Text,
    ),
    (
        "search",
        "n posts, indexed, then searched for a word, a typo, a prefix and a phrase",
        search,
        Reader::Search,
    ),
    (
        "crowded-post",
        "one post naming 4n distinct people with a title each, indexed and searched",
        crowded_post,
        Reader::Search,
    ),
    (
        "colliding-words",
        "n distinct words built to share one hash for the crate's maps, indexed and searched",
        colliding_words,
        Reader::Search,
    ),
];

#[derive(Clone, Copy)]
enum Reader {
    Text,
    Html,
    Search,
}

/// A distinct, pronounceable, capitalised word for each number: "Kalo", "Mirenu", ….
fn word(mut n: usize) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ren", "da", "vu", "sol", "te", "ni", "bar", "qu", "es", "to", "ra",
        "pel", "o",
    ];
    let mut out = String::new();
    loop {
        out.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
        if n == 0 {
            break;
        }
    }
    // At least two syllables, so that no word is an article or a short function word.
    if out.len() < 4 {
        out.push_str("lan");
    }
    let mut chars = out.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

fn header(out: &mut String) {
    out.push_str("Harbour inquiry: live\n\nThe inquiry into the harbour collapse sits today.\n\n");
}

fn post(out: &mut String, i: usize, headline: &str, body: &str) {
    let (h, m) = (23 - (i / 60) % 24, 59 - i % 60);
    let _ = write!(out, "{h:02}:{m:02} {headline}\n\n{body}\n\n");
}

/// A plain-text blog: the header, then each (headline, body) as a post timed a minute
/// before the one above it.
fn blog(posts: impl IntoIterator<Item = (String, String)>) -> String {
    let mut out = String::new();
    header(&mut out);
    for (i, (headline, body)) in posts.into_iter().enumerate() {
        post(&mut out, i, &headline, &body);
    }
    out
}

fn people(n: usize) -> String {
    blog((0..n).map(|i| {
        let (given, family) = (word(2 * i), word(2 * i + 1));
        let body = format!(
            "Minister {given} {family} visited the quay. {family} spoke to workers, and Mr {family} left at noon."
        );
        (format!("{family} visits the quay"), body)
    }))
}

fn crowded_post(n: usize) -> String {
    let names: Vec<String> = (0..4 * n)
        .map(|i| format!("Minister {} {} spoke.", word(2 * i), word(2 * i + 1)))
        .collect();
    blog([("Everyone at the quay".to_string(), names.join(" "))])
}

fn orgs(n: usize) -> String {
    blog((0..n).map(|i| {
        let name = word(i);
        let body = format!(
            "The {name} Workers Union ({}WU) met the {name} Ministry. The {name} Party said it would vote.",
            name.to_uppercase().chars().take(3).collect::<String>()
        );
        (format!("{name} union meets ministry"), body)
    }))
}

fn quotes(n: usize) -> String {
    blog((0..n).map(|i| {
        let (given, family) = (word(2 * i), word(2 * i + 1));
        let body = format!(
            "“We will rebuild pier {i} before the winter storms,” harbour master {given} {family} told reporters. He added: “The work on pier {i} starts now.”"
        );
        (format!("Pier {i} to be rebuilt"), body)
    }))
}

fn repeated_quotes(n: usize) -> String {
    blog((0..n).flat_map(|i| {
        let family = word(i);
        let said = format!("the quay number {i} stays closed until the divers report");
        [
            (
                format!("‘Quay {i} stays closed’"),
                format!("“{said},” said Inspector {family}."),
            ),
            (
                "Inquiry resumes".to_string(),
                format!("Inspector {family} repeated that “{said}”."),
            ),
        ]
    }))
}

fn markup_jsonld(n: usize) -> String {
    let mut posts = String::new();
    let mut items = String::new();
    for i in 0..n {
        let name = word(i);
        let (h, m) = ((i / 60) % 24, i % 60);
        let _ = write!(
            posts,
            "<article id=\"post-{i}\" class=\"post\"><h2>{name} reopens</h2><time datetime=\"2026-03-14T{h:02}:{m:02}:00Z\">{h:02}:{m:02}</time><p>The {name} road reopened after the storm, officials said.</p></article>"
        );
        if i > 0 {
            items.push(',');
        }
        let _ = write!(
            items,
            "{{\"@type\":\"BlogPosting\",\"url\":\"https://news.example/live#post-{i}\",\"headline\":\"{name} reopens\",\"datePublished\":\"2026-03-14T{h:02}:{m:02}:00Z\",\"articleBody\":\"The {name} road reopened after the storm, officials said.\"}}"
        );
    }
    format!(
        "<!doctype html><html><head><title>Storm: live</title><script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"LiveBlogPosting\",\"headline\":\"Storm: live\",\"liveBlogUpdate\":[{items}]}}</script></head><body><main><h1>Storm: live</h1>{posts}</main></body></html>"
    )
}

fn pinned(n: usize) -> String {
    let mut pins = String::new();
    let mut posts = String::new();
    for i in 0..n {
        let name = word(i);
        let (h, m) = ((i / 60) % 24, i % 60);
        let body = format!(
            "<h2>{name} closes</h2><time datetime=\"2026-03-14T{h:02}:{m:02}:00Z\">{h:02}:{m:02}</time><p>The {name} bridge closed to traffic, the council said.</p>"
        );
        let _ = write!(
            pins,
            "<div class=\"post pinned\" data-pinned=\"true\">{body}</div>"
        );
        let _ = write!(posts, "<div id=\"p{i}\" class=\"post\">{body}</div>");
    }
    format!(
        "<!doctype html><html><head><title>Bridges: live</title></head><body><h1>Bridges: live</h1><div class=\"pinned-posts\">{pins}</div><div class=\"stream\">{posts}</div></body></html>"
    )
}

fn flat(n: usize) -> String {
    let mut posts = String::new();
    for i in 0..n {
        let name = word(i);
        let (h, m) = ((i / 60) % 24, i % 60);
        let _ = write!(
            posts,
            "<h2>{h:02}.{m:02} Uhr: {name} reopens</h2><p>The {name} road reopened, officials said.</p><p><strong>{name}</strong> drivers were relieved.</p>"
        );
    }
    format!(
        "<!doctype html><html><head><title>Roads</title></head><body><article><h1>Roads</h1>{posts}</article></body></html>"
    )
}

fn open_post(n: usize) -> String {
    let mut entries = String::new();
    for i in 0..n {
        let name = word(i);
        let (h, m) = ((i / 60) % 24, i % 60);
        let _ = write!(
            entries,
            "<p><time datetime=\"2026-03-05T{h:02}:{m:02}:00Z\">{h:02}.{m:02} GMT</time></p><h2>{name} reopens</h2><p>The {name} road reopened, officials said.</p>"
        );
    }
    format!(
        "<!doctype html><html><head><title>Roads</title></head><body><main><article><p><time datetime=\"2026-03-05T00:00:00Z\">00.00 GMT</time></p><h2>Roads shut</h2><p>Snow closed the roads.</p></article><article>{entries}</main></body></html>"
    )
}

fn possessives(n: usize) -> String {
    let owners: String = (0..n).map(|i| format!("{}’s aide’s ", word(i))).collect();
    let appositives: String = (0..n).map(|i| format!("{}, ", word(i + n))).collect();
    format!(
        "Port strike: live\n\n10:05 Talks\n\n“We will go,” {owners}spokesman said, and {appositives}Dane said “no”.\n"
    )
}

fn cue_chain(n: usize) -> String {
    let chain: String = (0..n)
        .map(|i| {
            format!(
                "{} said said said, “we stay at pier {i}” he said, and ",
                word(i)
            )
        })
        .collect();
    format!("Port strike: live\n\n10:05 Talks\n\n{chain}the talks went on.\n")
}

fn adjunct_chain(n: usize) -> String {
    let chain: String = (0..n)
        .map(|i| format!("and {} said, “we stay at pier {i}” he said, ", word(i)))
        .collect();
    format!("Port strike: live\n\n10:05 Talks\n\nBy the pier, {chain}and the talks went on.\n")
}

fn long_line(n: usize) -> String {
    (0..n)
        .map(|i| {
            if i % 7 == 0 {
                word(i)
            } else {
                "said".to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn timed_posts(n: usize) -> String {
    let mut out = String::new();
    header(&mut out);
    for i in 0..n {
        let (h, m) = (23 - (i / 60) % 24, 59 - i % 60);
        if i % 2 == 0 {
            let _ = write!(
                out,
                "{h:02}:{m:02} {} arrives\n\nThe ferry docked.\n\n",
                word(i)
            );
        } else {
            let _ = write!(out, "{h:02}{m:02} {} reported the ferry late.\n\n", word(i));
        }
    }
    out
}

fn search(n: usize) -> String {
    blog((0..n).map(|i| {
        let body = format!(
            "The {} ferry left port {i} with {} passengers aboard, the operator said.",
            word(i),
            word(i + 1)
        );
        (format!("{} ferry sails", word(i)), body)
    }))
}

/// The crate's FxHash of one `write` of `bytes` from `state` (src/fxhash.rs: 8 bytes a
/// round, the last zero-padded). An attacker's model of it, written again on purpose.
fn fx(mut state: u64, bytes: &[u8]) -> u64 {
    for chunk in bytes.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        state =
            (state.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    state
}

/// A hash-flooding attack on the index's term map: at least n lower-case words that all
/// hash alike (Joux's multicollisions: from one state, two different 16-letter pieces that
/// reach the same next state, found by a birthday search; k such pairs in a row give 2^k
/// words of 16k letters). Then a post of them, eight words a post, each word ending in a
/// run of letters no stemmer takes off.
fn colliding_words(n: usize) -> String {
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let mut letters = || {
        let mut block = [0u8; 8];
        for b in &mut block {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            *b = b'a' + (rng % 26) as u8;
        }
        block
    };
    // A letter whose bits differ from `c`'s by `d` is a letter too: pick one per byte.
    let partner = |d: u8| (b'a'..=b'z').find(|&c| (c ^ d).is_ascii_lowercase());
    let (mut state, mut pairs) = (0u64, Vec::new());
    while 1usize << pairs.len() < n {
        let mut seen: std::collections::HashMap<Vec<u8>, ([u8; 8], u64)> =
            std::collections::HashMap::new();
        let pair = loop {
            let first = letters();
            let next = fx(state, &first).rotate_left(5);
            // Two states that differ only in each byte's low five bits can be made one by
            // the next 8 letters.
            let key: Vec<u8> = next.to_le_bytes().iter().map(|b| b >> 5).collect();
            if let Some(&(other, other_next)) = seen.get(&key) {
                if other == first {
                    continue;
                }
                let diff: [u8; 8] = (next ^ other_next).to_le_bytes();
                let picks: Option<Vec<u8>> = diff.iter().map(|&d| partner(d)).collect();
                if let Some(a) = picks {
                    let b: Vec<u8> = a.iter().zip(diff).map(|(c, d)| c ^ d).collect();
                    let (mut x, mut y) = (first.to_vec(), other.to_vec());
                    x.extend(&a);
                    y.extend(&b);
                    break (x, y);
                }
            }
            seen.insert(key, (first, next));
        };
        state = fx(state, &pair.0);
        pairs.push(pair);
    }
    let words: Vec<String> = (0..n)
        .map(|i| {
            let mut word: Vec<u8> = Vec::new();
            for (bit, (x, y)) in pairs.iter().enumerate() {
                word.extend(if i >> bit & 1 == 0 { x } else { y });
            }
            word.extend(b"zzqzzqzz");
            String::from_utf8(word).unwrap_or_default()
        })
        .collect();
    blog(words.chunks(8).enumerate().map(|(i, chunk)| {
        (
            format!("{} ferry sails", word(i)),
            format!("The operator said {}.", chunk.join(" ")),
        )
    }))
}

/// What a search shape is searched for: a word, a typo, a prefix and a phrase (the package
/// test and the bench ask `queries` for them).
const QUERIES: &[&str] = &["ferry", "feryy", "passeng", "\"the operator said\""];

fn run(shape: &str, input: &str, reader: Reader) -> String {
    let options = ReadOptions::default();
    match reader {
        // The speakers' list too: the quote panel asks for it on every read.
        Reader::Text => match parse(input) {
            Ok(blog) => format!(
                "{shape}: {} updates, {} quotes, {} speakers, {} entities",
                blog.updates.len(),
                blog.quotes.len(),
                blog.speakers().len(),
                blog.entities.len()
            ),
            Err(e) => format!("{shape}: {}", e.code()),
        },
        Reader::Html => match parse_html(input, &options) {
            Ok(blog) => format!(
                "{shape}: {} updates, {} quotes, {} entities",
                blog.updates.len(),
                blog.quotes.len(),
                blog.entities.len()
            ),
            Err(e) => format!("{shape}: {}", e.code()),
        },
        Reader::Search => match parse(input) {
            Ok(blog) => {
                let index = Index::from_blog(&blog, "");
                let hits: usize = QUERIES
                    .iter()
                    .map(|q| index.search(q, &SearchOptions::default()).total)
                    .sum();
                format!("{shape}: {} updates, {hits} hits", blog.updates.len())
            }
            Err(e) => format!("{shape}: {}", e.code()),
        },
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("list") {
        for (name, what, _, reader) in SHAPES {
            let reader = match reader {
                Reader::Text => "text",
                Reader::Html => "html",
                Reader::Search => "search",
            };
            println!("{name}\t{reader}\t{what}");
        }
        return ExitCode::SUCCESS;
    }
    if args.first().map(String::as_str) == Some("queries") {
        println!("{}", QUERIES.join("\n"));
        return ExitCode::SUCCESS;
    }
    const USAGE: &str = "usage: adversarial list | SHAPE N [--write FILE] | SHAPE --time FILE RUNS";
    let Some(shape) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let Some(&(_, _, build, reader)) = SHAPES.iter().find(|(name, ..)| name == shape) else {
        eprintln!("adversarial: no shape {shape:?} (try `list`)");
        return ExitCode::from(2);
    };
    if args.get(1).map(String::as_str) == Some("--time") {
        let (Some(path), Some(runs)) = (args.get(2), args.get(3).and_then(|n| n.parse().ok()))
        else {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
        let Ok(input) = std::fs::read_to_string(path) else {
            eprintln!("adversarial: cannot read {path}");
            return ExitCode::from(2);
        };
        let (mut fastest, mut out) = (f64::INFINITY, String::new());
        for _ in 0..runs {
            let started = std::time::Instant::now();
            out = run(shape, &input, reader);
            fastest = fastest.min(started.elapsed().as_secs_f64() * 1e3);
        }
        println!("{fastest:.1}\t{out}");
        return ExitCode::SUCCESS;
    }
    let Some(n) = args.get(1).and_then(|n| n.parse().ok()) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let input = build(n);
    if args.get(2).map(String::as_str) == Some("--write") {
        let Some(path) = args.get(3) else {
            eprintln!("adversarial: --write needs a file");
            return ExitCode::from(2);
        };
        if let Err(e) = std::fs::write(path, &input) {
            eprintln!("adversarial: cannot write {path}: {e}");
            return ExitCode::from(2);
        }
        return ExitCode::SUCCESS;
    }
    println!("{} ({} bytes)", run(shape, &input, reader), input.len());
    ExitCode::SUCCESS
}
