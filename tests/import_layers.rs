//! The importer's layers point one way: values < read < recognise < convert. This
//! reads the sources of src/import and fails when a file of a lower layer names a
//! higher one, directly (`crate::import::convert::..`, `super::super::recognise`) or
//! through a name src/import/mod.rs re-exports from it (`crate::import::Field`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

const LAYERS: [&str; 4] = ["values", "read", "recognise", "convert"];

fn rank(layer: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == layer)
}

/// The module path of a source file under src/import ("read/csv.rs" -> [read, csv]).
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Code without comment lines (doc comments name other layers on purpose).
fn code(src: &str) -> String {
    src.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident_at(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Which layer each name re-exported by src/import/mod.rs comes from.
fn reexports(mod_rs: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let text = code(mod_rs);
    for item in text.split("pub use ").skip(1) {
        let item = &item[..item.find(';').unwrap_or(item.len())];
        let layer = ident_at(item);
        if rank(&layer).is_none() {
            continue;
        }
        let names = item.split_once("::").map_or("", |(_, rest)| rest);
        for name in names.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if !name.is_empty() {
                out.insert(name.to_string(), layer.clone());
            }
        }
    }
    out
}

/// The import-level names a file reaches: the first segment under `crate::import::`
/// or under the import root reached with `super::`.
fn reached(module: &[String], src: &str) -> Vec<String> {
    let text = code(src);
    let mut found = Vec::new();
    for (at, _) in text.match_indices("crate::import::") {
        found.push(ident_at(&text[at + "crate::import::".len()..]));
    }
    let mut i = 0;
    while let Some(off) = text[i..].find("super::") {
        let at = i + off;
        let starts_path = !text[..at].ends_with("::");
        let mut end = at;
        let mut ups = 0;
        while text[end..].starts_with("super::") {
            ups += 1;
            end += "super::".len();
        }
        i = end;
        if !starts_path {
            continue;
        }
        // A `mod.rs` is its own module; another file's `super` is its directory's.
        let mut path = module.to_vec();
        for _ in 0..ups {
            path.pop();
        }
        let next = ident_at(&text[end..]);
        match path.first() {
            Some(layer) => found.push(layer.clone()),
            None => found.push(next),
        }
    }
    found
}

/// Every rule broken in the sources given as (path under src/import, text).
fn violations(files: &[(PathBuf, String)]) -> Vec<String> {
    let mod_rs = files
        .iter()
        .find(|(p, _)| p == Path::new("mod.rs"))
        .map_or("", |(_, s)| s.as_str());
    let reexported = reexports(mod_rs);
    let mut out = Vec::new();
    for (rel, src) in files {
        let module = module_path(rel);
        let Some(own) = module.first().and_then(|m| rank(m)) else {
            continue;
        };
        for name in reached(&module, src) {
            let layer = reexported.get(&name).cloned().unwrap_or(name.clone());
            if let Some(r) = rank(&layer) {
                if r > own {
                    out.push(format!(
                        "{} ({}) uses {name} of {layer}",
                        rel.display(),
                        LAYERS[own]
                    ));
                }
            }
        }
    }
    out
}

fn sources(dir: &Path, root: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(dir).expect("src/import is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("a source file");
            let rel = path
                .strip_prefix(root)
                .expect("under src/import")
                .to_path_buf();
            out.push((rel, text));
        }
    }
}

#[test]
fn lower_layers_never_use_higher_ones() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/import");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    for layer in LAYERS {
        assert!(
            files.iter().any(|(p, _)| p.starts_with(layer)),
            "no src/import/{layer}/: the layers moved, update this test"
        );
    }
    assert_eq!(violations(&files), Vec::<String>::new());
}

#[test]
fn no_import_file_over_400_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/import");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    let long: Vec<String> = files
        .iter()
        .filter(|(_, s)| s.lines().count() > 400)
        .map(|(p, s)| format!("{} has {} lines", p.display(), s.lines().count()))
        .collect();
    assert_eq!(long, Vec::<String>::new());
}

#[test]
fn the_check_catches_each_way_of_reaching_up() {
    let mod_rs = "pub use recognise::{Field, Mapping};\npub use convert::convert;\n";
    let case = |path: &str, src: &str| {
        let files = vec![
            (PathBuf::from("mod.rs"), mod_rs.to_string()),
            (PathBuf::from(path), src.to_string()),
        ];
        violations(&files)
    };
    assert_eq!(
        case("read/csv.rs", "use crate::import::convert::x;").len(),
        1
    );
    assert_eq!(
        case("read/csv.rs", "use super::super::recognise::y;").len(),
        1
    );
    assert_eq!(case("read/mod.rs", "use super::recognise::y;").len(), 1);
    assert_eq!(case("values/km.rs", "use crate::import::Field;").len(), 1);
    assert_eq!(
        case("read/csv.rs", "// crate::import::convert in a comment").len(),
        0
    );
    assert_eq!(
        case("convert/row.rs", "use crate::import::read::Table;").len(),
        0
    );
    assert_eq!(
        case("read/csv.rs", "use super::text; use crate::import::values;").len(),
        0
    );
}
