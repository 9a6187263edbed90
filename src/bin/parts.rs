//! Publishes a results file in parts for big events (docs/parts.md): a small head and
//! parts by name and bib, beside the whole file the head names.
//! Usage: parts RESULTS.json [--out DIR] [--whole URL]
//! DIR defaults to RESULTS-parts beside the file; URL (the whole file, relative to the
//! head) to the path from DIR to RESULTS.json. The summary goes to stderr.

#[path = "parts/files.rs"]
mod files;

use race_results::dataset::Dataset;
use race_results::i18n::{messages::Message, Lang};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: parts RESULTS.json [--out DIR] [--whole URL]";

#[derive(Default)]
struct Args {
    input: String,
    out: Option<String>,
    whole: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args::default();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--out" | "-o" => args.out = Some(value()?),
            "--whole" => args.whole = Some(value()?),
            _ if a.starts_with('-') => return Err(format!("unknown option {a}")),
            _ if args.input.is_empty() => args.input = a,
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    if args.input.is_empty() {
        return Err("no input file".into());
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("parts: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let input = Path::new(&args.input);
    let bytes = match std::fs::read(input) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("parts: cannot read {}: {e}", args.input);
            return ExitCode::FAILURE;
        }
    };
    let data = match Dataset::load(&bytes) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("parts: {}: {}", args.input, e.text(Lang::En));
            return ExitCode::FAILURE;
        }
    };
    drop(bytes);
    let dir = args.out.map(PathBuf::from).unwrap_or_else(|| {
        let stem = input.file_stem().unwrap_or_default().to_string_lossy();
        input.with_file_name(format!("{stem}-parts"))
    });
    let written = std::fs::create_dir_all(&dir)
        .map_err(|e| format!("cannot make {}: {e}", dir.display()))
        .and_then(|()| match &args.whole {
            Some(url) => Ok(url.clone()),
            None => files::relative_url(&dir, input),
        })
        .and_then(|whole| files::write_parts(&data, &dir, &whole));
    match written {
        Ok(summary) => {
            eprintln!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("parts: {e}");
            ExitCode::FAILURE
        }
    }
}
