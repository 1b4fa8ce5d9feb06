//! What one new post costs a blog that is already read and edited: parses FILE, appends a
//! post to it as an `IndexedBlog` (the first edit, which reads the whole blog and keeps the
//! reading), then one more (`append_one`, reading only what it changes) and prints the
//! blog's counts: `cargo run --release --example append FILE [--new]`. For the work of the
//! second append alone, count it under `valgrind --tool=callgrind --toggle-collect='*append_one*'`;
//! the synthetic blogs are `node bench/synthetic.mjs N`. The second post repeats the first,
//! so it names no one new; with `--new` it names a person and a place the blog has not
//! named, as most posts of a real blog do (60% of the corpora's posts first name an entity).
//! With `--index` the search index is built first, as on a page that has searched (the
//! element does), so each append also brings the index up to date; and a search for a
//! misspelt word that is also a prefix (`search_after`, as a reader types) follows the
//! second append, so that what an edit leaves the next search to do can be counted too.

use std::process::ExitCode;

/// The post appended: a quote, a surname the blog may name in full, a place.
const POST: &str = "New post\n\nAn update.\n\n23:59 Talks resume in the capital\n\n\
    “We will keep talking until there is a deal,” Alsen told reporters in Kyiv.\n";

/// A later post that names a person and a place for the first time.
const NEW: &str = "New post\n\nAn update.\n\n23:58 Ferry service cut\n\n\
    “The crossing is closed until further notice,” said Marta Keller, the harbour master in \
    Odesa.\n";

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: append FILE [--new] [--index]");
        return ExitCode::from(2);
    };
    let read = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|text| liveblog_index::parse(&text).map_err(|e| e.to_string()));
    let post = liveblog_index::parse(POST).map_err(|e| e.to_string());
    let (mut blog, post) = match (read, post) {
        (Ok(blog), Ok(post)) => (liveblog_index::IndexedBlog::new(blog), post),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("append: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let index = std::env::args().any(|a| a == "--index");
    if index {
        // A search as the element makes one: the term lists for prefixes and typos worked out.
        blog.index()
            .search("harbur", &liveblog_index::SearchOptions::default());
    }
    blog.append(post.clone());
    let next = if std::env::args().any(|a| a == "--new") {
        liveblog_index::parse(NEW).map_err(|e| e.to_string())
    } else {
        Ok(post)
    };
    let ids = match next {
        Ok(next) => append_one(&mut blog, next),
        Err(e) => {
            eprintln!("append: {e}");
            return ExitCode::FAILURE;
        }
    };
    if index {
        search_after(&mut blog);
    }
    let blog = blog.blog();
    println!(
        "{{\"updates\":{},\"quotes\":{},\"entities\":{},\"added\":{ids:?}}}",
        blog.updates.len(),
        blog.quotes.len(),
        blog.entities.len()
    );
    ExitCode::SUCCESS
}

/// The append alone, a function of its own for callgrind to count.
#[inline(never)]
fn append_one(
    blog: &mut liveblog_index::IndexedBlog,
    post: liveblog_index::LiveBlog,
) -> Vec<String> {
    blog.append(post)
}

/// A search for a misspelt word that is also a prefix, a function of its own likewise.
#[inline(never)]
fn search_after(blog: &mut liveblog_index::IndexedBlog) -> usize {
    let options = liveblog_index::SearchOptions::default();
    blog.index().search("harbur", &options).total
}
