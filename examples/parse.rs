//! Prints the model of a live blog (text, HTML, JSON-LD or a feed) as JSON:
//! `cargo run --example parse FILE`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("parse: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    match liveblog_index::parse_any(&text, &liveblog_index::ReadOptions::default()) {
        Ok(blog) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&blog).expect("the model always serialises")
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("parse: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
