//! Converts a timing system's export (CSV or IOF XML) to a results/v1 file.
//! Usage: convert INPUT [--out OUT.json] [--event NAME] [--date YYYY-MM-DD]
//!        [--distance-name NAME] [--km KM] [--name-order auto|first-last|last-first]
//!        [--encoding utf-8|utf-16le|windows-1251|koi8-r|cp866|windows-1252] [--delimiter ,|;|tab]
//!        [--column HEADER=FIELD]... [--age-tables [M=|F=]TABLES.csv]... [--age-tables-source TEXT]
//!        [--parts DIR]
//! The summary goes to stderr; the JSON to OUT, or to stdout without --out. With
//! --parts (and --out), the file is also published in parts into DIR (docs/parts.md).

#[path = "parts/files.rs"]
mod files;

use race_results::dataset::Dataset;
use race_results::i18n::{messages::Message, Lang};
use race_results::import::{
    add_age_grading, convert, detect, distance_name, guess_distances, guess_mapping,
    read_age_tables, read_iof_xml, read_table_with, Conversion, Encoding, Field, Kind, NameOrder,
    ReadOptions,
};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: convert INPUT [--out OUT.json] [--event NAME] [--date YYYY-MM-DD] \
[--distance-name NAME] [--km KM] [--name-order auto|first-last|last-first] \
[--encoding utf-8|utf-16le|windows-1251|koi8-r|cp866|windows-1252] [--delimiter ,|;|tab] [--column HEADER=FIELD]... \
[--age-tables [M=|F=]TABLES.csv]... [--age-tables-source TEXT] [--parts DIR]";

#[derive(Default)]
struct Args {
    input: String,
    out: Option<String>,
    event: Option<String>,
    date: Option<String>,
    distance_name: Option<String>,
    km: Option<f64>,
    name_order: Option<NameOrder>,
    read: ReadOptions,
    columns: Vec<(String, String)>,
    /// Age-grading sheets (the published spreadsheet saved as CSV), with the sex if given.
    age_tables: Vec<(Option<String>, String)>,
    age_tables_source: Option<String>,
    /// Where to publish the converted file in parts as well.
    parts: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args::default();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--out" | "-o" => args.out = Some(value()?),
            "--event" => args.event = Some(value()?),
            "--date" => args.date = Some(value()?),
            "--distance-name" => args.distance_name = Some(value()?),
            "--km" => {
                let v = value()?;
                args.km = Some(v.parse().map_err(|_| format!("--km: not a number: {v}"))?);
            }
            "--name-order" => {
                args.name_order = Some(match value()?.as_str() {
                    "auto" => NameOrder::Auto,
                    "first-last" => NameOrder::FirstLast,
                    "last-first" => NameOrder::LastFirst,
                    other => return Err(format!("--name-order: unknown {other}")),
                })
            }
            "--encoding" => {
                let v = value()?.to_lowercase();
                args.read.encoding = Some(
                    Encoding::from_label(&v).ok_or_else(|| format!("--encoding: unknown {v}"))?,
                )
            }
            "--delimiter" => {
                args.read.delimiter = Some(match value()?.as_str() {
                    "tab" | "\\t" | "\t" => '\t',
                    "," => ',',
                    ";" => ';',
                    other => return Err(format!("--delimiter: unknown {other}")),
                })
            }
            "--age-tables" => {
                let v = value()?;
                args.age_tables.push(match v.split_once('=') {
                    Some((sex @ ("M" | "F"), file)) => (Some(sex.to_string()), file.to_string()),
                    _ => (None, v),
                });
            }
            "--age-tables-source" => args.age_tables_source = Some(value()?),
            "--parts" => args.parts = Some(value()?),
            "--column" => {
                let v = value()?;
                let (h, f) = v.rsplit_once('=').ok_or("--column wants HEADER=FIELD")?;
                args.columns.push((h.to_string(), f.to_string()));
            }
            _ if a.starts_with('-') => return Err(format!("unknown option {a}")),
            _ if args.input.is_empty() => args.input = a,
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    if args.input.is_empty() {
        return Err("no input file".into());
    }
    if args.parts.is_some() && args.out.is_none() {
        return Err("--parts needs --out".into());
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("convert: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(&args.input) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("convert: cannot read {}: {e}", args.input);
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let mut conversion = match detect(&bytes, &args.input) {
        Kind::IofXml => match read_iof_xml(&bytes) {
            Ok(mut c) => {
                eprintln!("read as IOF XML ResultList");
                if let Some(name) = &args.event {
                    c.json["event"]["name"] = name.clone().into();
                }
                if let Some(date) = &args.date {
                    c.json["event"]["date"] = date.clone().into();
                }
                c
            }
            Err(e) => {
                eprintln!("convert: {e}");
                return ExitCode::FAILURE;
            }
        },
        Kind::Json => {
            eprintln!("convert: {} is already JSON", args.input);
            return ExitCode::FAILURE;
        }
        Kind::Csv | Kind::Unknown => match csv(&bytes, &args) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("convert: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    if !args.age_tables.is_empty() {
        if let Err(e) = add_age_tables(&mut conversion.json, &args) {
            eprintln!("convert: age tables: {e}");
            return ExitCode::FAILURE;
        }
    }
    let elapsed = started.elapsed();
    summarize(&conversion);
    eprintln!("converted in {:.1} ms", elapsed.as_secs_f64() * 1000.0);

    let text = to_json_lines(&conversion.json);
    match &args.out {
        Some(path) => {
            if let Err(e) = std::fs::write(path, &text) {
                eprintln!("convert: cannot write {path}: {e}");
                return ExitCode::FAILURE;
            }
            eprintln!("wrote {path}");
            if let Some(dir) = &args.parts {
                if let Err(e) = write_parts(text.as_bytes(), path, dir) {
                    eprintln!("convert: parts: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        None => println!("{text}"),
    }
    ExitCode::SUCCESS
}

/// Publishes the written file `out` (its text `json`) in parts into `dir`.
fn write_parts(json: &[u8], out: &str, dir: &str) -> Result<(), String> {
    let data = Dataset::load(json).map_err(|e| e.text(Lang::En))?;
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    let whole = files::relative_url(dir, std::path::Path::new(out))?;
    eprintln!("{}", files::write_parts(&data, dir, &whole)?);
    Ok(())
}

fn csv(bytes: &[u8], args: &Args) -> Result<Conversion, String> {
    let table = read_table_with(bytes, &args.input, args.read).map_err(|e| e.to_string())?;
    let mut mapping = guess_mapping(&table);
    for (header, key) in &args.columns {
        let col = match header.parse::<usize>() {
            Ok(n) if n >= 1 && n <= table.headers.len() => n - 1,
            _ => table
                .headers
                .iter()
                .position(|h| h == header)
                .ok_or_else(|| format!("--column: no column named {header:?}"))?,
        };
        mapping.columns[col] = Field::from_key(key, &table.headers[col])
            .ok_or_else(|| format!("--column: unknown field {key:?}"))?;
    }
    if !args.columns.is_empty() {
        mapping.distances = guess_distances(&table, &mapping.columns);
    }
    if let Some(v) = &args.event {
        mapping.event_name = v.clone();
    }
    if args.date.is_some() {
        mapping.event_date = args.date.clone();
    }
    if let Some(v) = &args.distance_name {
        mapping.distance_name = v.clone();
    }
    if args.km.is_some() {
        mapping.distance_km = args.km;
        if args.distance_name.is_none() {
            mapping.distance_name = distance_name(args.km);
        }
    }
    if let Some(order) = args.name_order {
        mapping.name_order = order;
    }

    let delimiter = match table.delimiter {
        '\t' => "tab".to_string(),
        d => d.to_string(),
    };
    eprintln!(
        "encoding: {}, delimiter: {delimiter}",
        table.encoding.label()
    );
    if let Some(h) = &mapping.bib_from_id {
        eprintln!("no bib column: the values of {h:?} are used as bibs");
    }
    eprintln!("columns:");
    for (i, (h, f)) in table.headers.iter().zip(&mapping.columns).enumerate() {
        let field = match f {
            Field::Split(name) => format!("split {name:?}"),
            f => f.key().to_string(),
        };
        eprintln!("  {:>2} {:<24} -> {field}", i + 1, format!("{h:?}"));
    }
    eprintln!("name order: {:?}", mapping.name_order);
    eprintln!("event: {:?}", mapping.event_name);
    if mapping.distances.is_empty() {
        eprintln!(
            "distance: {:?}, km {:?}",
            mapping.distance_name, mapping.distance_km
        );
    }
    for d in &mapping.distances {
        eprintln!("distance: {:?} -> id {:?}, km {:?}", d.value, d.id, d.km);
    }
    Ok(convert(&table, &mapping))
}

/// Puts the organizer's age-grading tables into the file: the columns its distances
/// need, named by `--age-tables-source` or by the sheets' titles.
fn add_age_tables(doc: &mut serde_json::Value, args: &Args) -> Result<(), String> {
    let mut sheets = Vec::new();
    for (sex, path) in &args.age_tables {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        let sheet = read_age_tables(&bytes, path, sex.as_deref())
            .map_err(|e| format!("{path}: {}", e.text(Lang::En)))?;
        sheets.push((path.clone(), sheet));
    }
    let n = add_age_grading(doc, sheets, args.age_tables_source.as_deref())
        .map_err(|e| e.text(Lang::En))?;
    eprintln!(
        "age grading: {n} tables from {:?}",
        doc["age_grading"]["source"].as_str().unwrap_or("")
    );
    Ok(())
}

fn summarize(c: &Conversion) {
    eprintln!(
        "rows in: {}, results: {}, empty rows skipped: {}",
        c.rows_in,
        c.results(),
        c.rows_skipped
    );
    eprintln!("notes: {}", c.notes.len());
    for note in &c.notes {
        eprintln!("  {note}");
    }
}

/// The document with one result per line: small, and readable in a diff.
fn to_json_lines(doc: &serde_json::Value) -> String {
    let mut head = doc.clone();
    let results = head
        .as_object_mut()
        .and_then(|o| o.remove("results"))
        .and_then(|r| r.as_array().cloned())
        .unwrap_or_default();
    let head = serde_json::to_string_pretty(&head).unwrap_or_default();
    let mut out = head.trim_end().trim_end_matches('}').trim_end().to_string();
    out.push_str(",\n  \"results\": [");
    for (i, r) in results.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(&serde_json::to_string(r).unwrap_or_default());
    }
    out.push_str("\n  ]\n}\n");
    out
}
