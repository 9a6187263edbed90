//! The splitter the importer had before csv-core, kept as a test oracle: on any text
//! the csv-core reader must cut the same cells and report the same unclosed quote.

/// Splits text into records of cells. Returns the records and, if a quoted cell ran to
/// the end of the text, the index of the record it started in. Delimiters, quotes and
/// line ends are ASCII, so cutting the text at them keeps it valid UTF-8.
pub(super) fn hand_split(
    text: &str,
    delimiter: char,
    limit: usize,
) -> (Vec<Vec<String>>, Option<usize>) {
    let d = if delimiter.is_ascii() {
        delimiter as u8
    } else {
        b','
    };
    let b = text.as_bytes();
    let cell_end = |from: usize| {
        b[from..]
            .iter()
            .position(|&c| c == d || c == b'\r' || c == b'\n')
            .map_or(b.len(), |n| from + n)
    };
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut unclosed = None;
    let mut i = 0;
    while i < b.len() {
        let mut cell = String::new();
        if b[i] == b'"' {
            i += 1;
            loop {
                match b[i..].iter().position(|&c| c == b'"') {
                    Some(n) => {
                        cell.push_str(&text[i..i + n]);
                        i += n + 1;
                        if b.get(i) == Some(&b'"') {
                            cell.push('"');
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    None => {
                        cell.push_str(&text[i..]);
                        i = b.len();
                        unclosed = Some(records.len());
                        break;
                    }
                }
            }
        }
        // Text after a closing quote ("a"b) is kept: lenient beats losing it.
        let end = cell_end(i);
        cell.push_str(&text[i..end]);
        record.push(cell);
        i = end;
        match b.get(i) {
            Some(&c) if c == d => {
                i += 1;
                if i == b.len() {
                    record.push(String::new());
                }
            }
            Some(&c) => {
                i += if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                records.push(std::mem::take(&mut record));
                if records.len() >= limit {
                    return (records, None);
                }
            }
            None => {}
        }
    }
    if !record.is_empty() {
        records.push(record);
    }
    (records, unclosed)
}

#[cfg(test)]
mod tests {
    use super::hand_split;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn csv_core_cuts_cells_as_the_hand_splitter_did(
            text in "[a,;\t\"\r\n é]{0,40}",
            d in prop::sample::select(vec![',', ';', '\t']),
            limit in prop::sample::select(vec![1usize, 3, 30, usize::MAX]),
        ) {
            prop_assert_eq!(super::super::csv::split_for_tests(&text, d, limit), hand_split(&text, d, limit));
        }
    }
}
