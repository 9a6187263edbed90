//! Reading a delimited text export into a table of strings: the encoding and the
//! delimiter are guessed (and reported, so the organizer can correct them), quoted
//! cells may hold delimiters, quotes ("") and line breaks. The cells are cut by
//! csv-core; what the table does with them (header, ragged rows, damage) is ours.

use super::text;
use crate::import::notes::{ImportNote, NoteLog};
use crate::import::values;
use crate::import::{Encoding, ImportError};

/// A delimited file as cells, before any meaning is given to the columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub file_name: String,
    /// Column names as written (trimmed); empty strings when the file has no header.
    pub headers: Vec<String>,
    /// Every record after the header, empty ones included; cells as written.
    pub rows: Vec<Vec<String>>,
    pub encoding: Encoding,
    pub delimiter: char,
    pub notes: Vec<ImportNote>,
}

/// Choices the organizer made on the mapping screen; `None` means guess.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ReadOptions {
    pub encoding: Option<Encoding>,
    pub delimiter: Option<char>,
}

const DELIMITERS: [char; 3] = [',', ';', '\t'];

/// Reads a CSV / TSV export, guessing encoding and delimiter.
pub fn read_table(bytes: &[u8], file_name: &str) -> Result<Table, ImportError> {
    read_table_with(bytes, file_name, ReadOptions::default())
}

pub fn read_table_with(
    bytes: &[u8],
    file_name: &str,
    options: ReadOptions,
) -> Result<Table, ImportError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    let (text, encoding) = text::decode(bytes, options.encoding);
    // Checked on the text: UTF-16 is full of zero bytes, a spreadsheet of zero chars.
    if text.contains('\0') {
        return Err(ImportError::NotText);
    }
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| guess_delimiter(&text, file_name));
    let (mut records, unclosed) = parse_records(&text, delimiter, usize::MAX);
    let mut notes = NoteLog::default();

    // Blank lines above the header carry nothing.
    let first = records
        .iter()
        .position(|r| !is_blank(r))
        .unwrap_or(records.len());
    records.drain(..first);
    if records.is_empty() {
        return Err(ImportError::Empty);
    }
    let mut headers: Vec<String> = records[0].iter().map(|h| h.trim().to_string()).collect();
    let no_header = looks_like_data(&headers);
    let rows: Vec<Vec<String>> = if no_header {
        notes.push(ImportNote::NoHeader);
        headers = vec![String::new(); headers.len()];
        records
    } else {
        records.into_iter().skip(1).collect()
    };
    let width = rows
        .iter()
        .map(|r| r.len())
        .max()
        .unwrap_or(0)
        .max(headers.len());
    // A data column the header did not name still gets a (blank) name to map.
    let expected = headers.len();
    headers.resize(width, String::new());

    let mut rows = rows;
    for (i, row) in rows.iter_mut().enumerate() {
        // Trailing delimiters ("a,b,c,") are common and mean nothing.
        while row.len() > expected && row.last().is_some_and(|c| c.trim().is_empty()) {
            row.pop();
        }
        if row.len() != expected && !is_blank(row) {
            notes.push(ImportNote::RaggedRow {
                row: i + 1,
                cells: row.len(),
                expected,
            });
        }
    }
    // Damage shows on the mapping screen already, wherever it is.
    for (i, row) in rows.iter().enumerate() {
        for cell in row.iter().filter(|c| values::looks_damaged(c)) {
            notes.push(ImportNote::MojibakeSuspected {
                row: i + 1,
                text: cell.clone(),
            });
        }
    }
    if let Some(record) = unclosed {
        let above = first + usize::from(!no_header);
        notes.push(ImportNote::UnclosedQuote {
            row: (record + 1).saturating_sub(above).max(1),
        });
    }
    Ok(Table {
        file_name: file_name.to_string(),
        headers,
        rows,
        encoding,
        delimiter,
        notes: notes.finish(),
    })
}

pub(crate) fn is_blank(row: &[String]) -> bool {
    row.iter().all(|c| c.trim().is_empty())
}

/// Column names never look like race times ("0:15:25") or are all numbers.
fn looks_like_data(first: &[String]) -> bool {
    let filled: Vec<&String> = first.iter().filter(|c| !c.is_empty()).collect();
    let time = filled
        .iter()
        .any(|c| c.contains(':') && crate::domain::time::parse_time(c).is_ok());
    let numbers = filled.len() >= 2 && filled.iter().all(|c| values::parse_decimal(c).is_some());
    time || numbers
}

/// The delimiter that splits the first lines into the same number (> 1) of cells most
/// often; ties go to more cells. A .tsv name prefers tab when it works at all.
fn guess_delimiter(text: &str, file_name: &str) -> char {
    let mut best = (',', 0usize, 0usize);
    for d in DELIMITERS {
        let (records, _) = parse_records(text, d, 30);
        let Some(header) = records.iter().find(|r| !is_blank(r)) else {
            continue;
        };
        let width = header.len();
        if width < 2 {
            continue;
        }
        let agree = records.iter().filter(|r| r.len() == width).count();
        if (agree, width) > (best.1, best.2) {
            best = (d, agree, width);
        }
    }
    if file_name.to_ascii_lowercase().ends_with(".tsv") && text.contains('\t') {
        return '\t';
    }
    best.0
}

/// Splits text into records of cells with csv-core. Returns the records and, if a
/// quoted cell ran to the end of the text, the index of the record it started in.
/// Delimiters, quotes and line ends are ASCII, so the cells stay valid UTF-8.
fn parse_records(text: &str, delimiter: char, limit: usize) -> (Vec<Vec<String>>, Option<usize>) {
    let d = if delimiter.is_ascii() {
        delimiter as u8
    } else {
        b','
    };
    let mut reader = csv_core::ReaderBuilder::new().delimiter(d).build();
    let b = text.as_bytes();
    let mut out = vec![0u8; 4096];
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field: Vec<u8> = Vec::new();
    let mut pos = 0;
    let mut field_start = 0;
    let mut record_start = true;
    loop {
        if record_start {
            // csv-core skips empty lines; here each is a record of one empty cell, so
            // rows keep their numbers and the converter can count them.
            match b.get(pos) {
                Some(b'\n') if pos > 0 && b[pos - 1] == b'\r' => {
                    pos += 1;
                    continue;
                }
                Some(b'\r' | b'\n') => {
                    pos += 1;
                    records.push(vec![String::new()]);
                    if records.len() >= limit {
                        return (records, None);
                    }
                    continue;
                }
                _ => {}
            }
            record_start = false;
            field_start = pos;
        }
        let (result, read, written) = reader.read_field(&b[pos..], &mut out);
        pos += read;
        field.extend_from_slice(&out[..written]);
        match result {
            csv_core::ReadFieldResult::InputEmpty | csv_core::ReadFieldResult::OutputFull => {}
            csv_core::ReadFieldResult::Field { record_end } => {
                let unclosed = pos == b.len() && !quote_closes(&b[field_start..]);
                record.push(String::from_utf8_lossy(&field).into_owned());
                field.clear();
                field_start = pos;
                if unclosed {
                    records.push(std::mem::take(&mut record));
                    let at = records.len() - 1;
                    return (records, Some(at));
                }
                if record_end {
                    records.push(std::mem::take(&mut record));
                    record_start = true;
                    if records.len() >= limit {
                        return (records, None);
                    }
                }
            }
            csv_core::ReadFieldResult::End => break,
        }
    }
    (records, None)
}

#[cfg(test)]
pub(super) fn split_for_tests(
    text: &str,
    delimiter: char,
    limit: usize,
) -> (Vec<Vec<String>>, Option<usize>) {
    parse_records(text, delimiter, limit)
}

/// Whether a cell's text, when it starts with a quote, has its closing quote ("" is
/// a quote inside the cell). A cell that does not start with one needs none.
fn quote_closes(raw: &[u8]) -> bool {
    if raw.first() != Some(&b'"') {
        return true;
    }
    let mut i = 1;
    while let Some(n) = raw[i..].iter().position(|&c| c == b'"') {
        i += n + 1;
        if raw.get(i) != Some(&b'"') {
            return true;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str, d: char) -> Vec<Vec<String>> {
        parse_records(text, d, usize::MAX).0
    }

    #[test]
    fn parses_quoting_and_line_ends() {
        let table: [(&str, Vec<Vec<&str>>); 7] = [
            ("a,b\n1,2", vec![vec!["a", "b"], vec!["1", "2"]]),
            ("a,b\r\n1,2\r\n", vec![vec!["a", "b"], vec!["1", "2"]]),
            ("a,b\r1,2\r", vec![vec!["a", "b"], vec!["1", "2"]]),
            (
                "\"x, y\",\"say \"\"hi\"\"\"\n",
                vec![vec!["x, y", "say \"hi\""]],
            ),
            ("\"two\nlines\",z", vec![vec!["two\nlines", "z"]]),
            ("a,,\n", vec![vec!["a", "", ""]]),
            ("\"\",b", vec![vec!["", "b"]]),
        ];
        for (text, want) in table {
            assert_eq!(cells(text, ','), want, "{text:?}");
        }
    }

    #[test]
    fn keeps_blank_lines_as_rows() {
        let table: [(&str, Vec<Vec<&str>>); 4] = [
            ("a\n\nb", vec![vec!["a"], vec![""], vec!["b"]]),
            ("a\r\n\r\nb\r\n", vec![vec!["a"], vec![""], vec!["b"]]),
            ("\n\na", vec![vec![""], vec![""], vec!["a"]]),
            ("a\r\rb", vec![vec!["a"], vec![""], vec!["b"]]),
        ];
        for (text, want) in table {
            assert_eq!(cells(text, ','), want, "{text:?}");
        }
    }

    #[test]
    fn reports_unclosed_quote() {
        assert_eq!(parse_records("\"a\"\"", ',', usize::MAX).1, Some(0));
        assert_eq!(parse_records("\"a\"\"\"", ',', usize::MAX).1, None);
        assert_eq!(parse_records("x,\"", ',', usize::MAX).1, Some(0));
        let (records, unclosed) = parse_records("a,b\n\"oops,1\n2,3", ',', usize::MAX);
        assert_eq!(unclosed, Some(1));
        assert_eq!(records.len(), 2);
    }

    #[test]
    fn guesses_delimiter() {
        let table = [
            ("Bib,Name,Time\n1,\"A; B\",1:00:00\n", ','),
            ("Bib;Name;Time\n1;\"A, B\";1:00:00\n2;C;1:01:00", ';'),
            ("Bib\tName\tTime\n1\tA, B\t1:00:00", '\t'),
            ("Name\nA\n", ','),
            // Decimal commas inside a semicolon file.
            ("Bib;Km;Time\n1;21,1;1:00:00\n2;42,2;1:01:00", ';'),
        ];
        for (text, want) in table {
            assert_eq!(guess_delimiter(text, "x.csv"), want, "{text:?}");
        }
    }
}
