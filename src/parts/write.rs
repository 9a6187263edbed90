//! A whole results file cut into a head and parts (docs/parts.md), as (file name, JSON
//! text) pairs for the publisher to write beside each other.
//!
//! Rows are written by `format::to_json`, as in the whole file, plus each row's
//! standing in the whole file; every row is serialized once and copied into the parts
//! that hold it.

use super::first_view::first_view;
use super::trie::{cut, Cut, PART_RUNNERS};
use super::{DistanceCounts, Head, PartRef, HEAD_ROWS, PARTS_V1};
use crate::dataset::Dataset;
use crate::domain::{self, Sex};
use crate::format::{to_json, FORMAT_V1};
use crate::search::keys::{bib_key, name_spellings};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{json, Map, Value};

/// The head's file name.
pub const HEAD_FILE: &str = "head.json";

/// The head and every part of `data`, whose whole file the head names as `whole`
/// (relative to the head). The head comes first.
pub fn publish(data: &Dataset, whole: &str) -> Vec<(String, String)> {
    publish_with(data, whole, PART_RUNNERS)
}

/// [`publish`] with parts of at most `limit` runners (tests use small ones).
pub fn publish_with(data: &Dataset, whole: &str, limit: usize) -> Vec<(String, String)> {
    let results = &data.results;
    let mut doc = match to_json(results) {
        Value::Object(doc) => doc,
        _ => Map::new(),
    };
    let rows: Vec<String> = match doc.remove("results") {
        Some(Value::Array(rows)) => rows,
        _ => Vec::new(),
    }
    .into_iter()
    .enumerate()
    .map(|(i, row)| row_text(data, i, row))
    .collect();

    let mut names = Vec::new();
    let mut bibs = Vec::new();
    for (i, r) in results.runners.iter().enumerate() {
        let row = i as u32;
        names.extend(name_spellings(&r.name).into_iter().map(|s| (s, row)));
        bibs.push((bib_key(&r.bib), row));
    }
    let names = cut(names, limit);
    let bibs = cut(bibs, limit);

    let part_doc = json!({
        "format": FORMAT_V1,
        "event": { "name": results.event.name },
        "distances": doc.get("distances").cloned().unwrap_or_else(|| json!([])),
    });
    let part_open = open_object(&part_doc);
    let mut files = Vec::with_capacity(1 + names.len() + bibs.len());
    let head = Head {
        whole: whole.to_owned(),
        runners: results.runners.len() as u32,
        distances: counts(data),
        names: refs(&names, "n"),
        bibs: refs(&bibs, "b"),
    };
    let head_rows = (0..results.distances.len())
        .flat_map(|d| data.standings.placed(d).iter().take(HEAD_ROWS).copied());
    let body = document(&open_object(&Value::Object(doc)), &rows, head_rows);
    let parts = serde_json::to_string(&PartsOut(&head)).unwrap_or_default();
    // The first view shows the rows the viewer's list opens with: made from the head as
    // the viewer reads it.
    let view = Dataset::load(head_text(&parts, None, &body).as_bytes())
        .ok()
        .and_then(|head| first_view(&head));
    files.push((HEAD_FILE.to_owned(), head_text(&parts, view, &body)));
    for (part, made) in head
        .names
        .iter()
        .chain(&head.bibs)
        .zip(names.iter().chain(&bibs))
    {
        let text = document(&part_open, &rows, made.runners.iter().map(|&r| r as usize));
        files.push((part.file.clone(), text));
    }
    files
}

/// The head's text: `parts` (with the first view) comes first, so that the page's boot
/// script can tell a head from its first bytes and paint the first view before the app
/// runs (docs/parts.md), then `body`, the document with its rows.
fn head_text(parts: &str, view: Option<Value>, body: &str) -> String {
    let mut text = String::from("{\"parts\":");
    match (view, parts.strip_suffix('}')) {
        (Some(view), Some(open)) => {
            text.push_str(open);
            text.push_str(",\"first_view\":");
            text.push_str(&view.to_string());
            text.push('}');
        }
        _ => text.push_str(parts),
    }
    text.push(',');
    text.push_str(body.strip_prefix('{').unwrap_or(body));
    text
}

/// One row as the format writes it, with its `standing` in the whole file.
fn row_text(data: &Dataset, i: usize, mut row: Value) -> String {
    let s = &data.standings;
    let placing = s.placing(i);
    let mut standing = Map::new();
    standing.insert("row".into(), i.into());
    for (key, place) in [
        ("overall", placing.overall),
        ("sex", placing.sex),
        ("category", placing.category),
    ] {
        if let Some(place) = place {
            standing.insert(key.into(), place.into());
        }
    }
    let splits = s
        .distance(i)
        .and_then(|d| data.results.distances.get(d))
        .map_or(0, |d| d.splits.len());
    if splits > 0 {
        let at: Vec<Option<u32>> = (0..splits).map(|k| s.split_position(i, k)).collect();
        standing.insert("splits".into(), at.into());
    }
    if let Value::Object(m) = &mut row {
        m.insert("standing".into(), Value::Object(standing));
    }
    serde_json::to_string(&row).unwrap_or_default()
}

/// An object's text without its closing brace, for adding `results` after it.
fn open_object(doc: &Value) -> String {
    let mut text = serde_json::to_string(doc).unwrap_or_else(|_| "{}".into());
    text.pop();
    text
}

/// `open` followed by `"results":[...]` of the given rows, closed.
fn document(open: &str, rows: &[String], which: impl Iterator<Item = usize>) -> String {
    let mut text = String::from(open);
    if text.len() > 1 {
        text.push(',');
    }
    text.push_str("\"results\":[");
    for (n, i) in which.enumerate() {
        if n > 0 {
            text.push(',');
        }
        text.push_str(rows.get(i).map_or("null", String::as_str));
    }
    text.push_str("]}");
    text
}

/// Counts per distance over the whole file.
fn counts(data: &Dataset) -> Vec<DistanceCounts> {
    let s = &data.standings;
    (0..data.results.distances.len())
        .map(|d| DistanceCounts {
            id: data.results.distances[d].id.clone(),
            runners: s.order(d).len() as u32,
            finishers: s.finishers(d),
            by_sex: [Sex::M, Sex::F, Sex::X].map(|sex| s.finishers_by_sex(d, sex)),
            categories: domain::categories(&data.results, Some(d))
                .into_iter()
                .map(|c| {
                    let n = s.finishers_in_category(d, &c);
                    (c, n)
                })
                .collect(),
        })
        .collect()
}

/// The head's list of an index's parts; `prefix` is "n" (names) or "b" (bibs).
fn refs(cuts: &[Cut], prefix: &str) -> Vec<PartRef> {
    cuts.iter()
        .map(|c| {
            let exact = if c.exact { "-x" } else { "" };
            PartRef {
                key: c.key.clone(),
                exact: c.exact,
                file: format!("{prefix}-{}{exact}.json", hex(&c.key)),
                runners: c.runners.len() as u32,
            }
        })
        .collect()
}

/// A key as the head writes it: lowercase hex.
fn hex(key: &[u8]) -> String {
    key.iter().map(|b| format!("{b:02x}")).collect()
}

/// The `parts` object of a head, written with its fields (and categories) in order.
struct PartsOut<'a>(&'a Head);

impl Serialize for PartsOut<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let h = self.0;
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("version", &PARTS_V1)?;
        m.serialize_entry("whole", &h.whole)?;
        m.serialize_entry("runners", &h.runners)?;
        let distances: Vec<CountsOut> = h.distances.iter().map(CountsOut).collect();
        m.serialize_entry("distances", &distances)?;
        let names: Vec<RefOut> = h.names.iter().map(RefOut).collect();
        m.serialize_entry("names", &names)?;
        let bibs: Vec<RefOut> = h.bibs.iter().map(RefOut).collect();
        m.serialize_entry("bibs", &bibs)?;
        m.end()
    }
}

struct CountsOut<'a>(&'a DistanceCounts);

impl Serialize for CountsOut<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("id", &d.id)?;
        m.serialize_entry("runners", &d.runners)?;
        m.serialize_entry("finishers", &d.finishers)?;
        let [men, women, other] = d.by_sex;
        m.serialize_entry("sex", &InOrder(&[("M", men), ("F", women), ("X", other)]))?;
        m.serialize_entry("categories", &InOrder(&d.categories))?;
        m.end()
    }
}

/// Counts as an object, keys in the order given (categories in their natural order).
struct InOrder<'a, K>(&'a [(K, u32)]);

impl<K: Serialize> Serialize for InOrder<'_, K> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut m = ser.serialize_map(Some(self.0.len()))?;
        for (name, n) in self.0 {
            m.serialize_entry(name, n)?;
        }
        m.end()
    }
}

struct RefOut<'a>(&'a PartRef);

impl Serialize for RefOut<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("key", &hex(&p.key))?;
        if p.exact {
            m.serialize_entry("exact", &true)?;
        }
        m.serialize_entry("file", &p.file)?;
        m.serialize_entry("runners", &p.runners)?;
        m.end()
    }
}
