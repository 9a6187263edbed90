//! The list a visitor filtered, as a CSV file for a spreadsheet: one runner a line, in
//! the order shown. Pure: the browser edge saves the text.
use crate::dataset::Dataset;
use crate::domain::time::{format_pace, format_time};
use crate::domain::Status;

/// The header line. `time` is the time places are computed from; `pace` is min:s per km.
pub const COLUMNS: [&str; 12] = [
    "place", "bib", "name", "sex", "category", "club", "city", "country", "distance", "status",
    "time", "pace",
];

/// RFC 4180 CSV (comma, CRLF, quotes doubled) as UTF-8 with a byte order mark, which
/// is what makes Excel read Cyrillic and Kazakh letters instead of mojibake.
pub fn results_csv(data: &Dataset, rows: &[u32]) -> String {
    let mut out = String::from("\u{feff}");
    push_line(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    for &i in rows {
        let i = i as usize;
        let Some(r) = data.results.runners.get(i) else {
            continue;
        };
        let distance = r.distance.and_then(|d| data.results.distances.get(d));
        let time = data.standings.ranked_time(i);
        let pace = time
            .filter(|_| r.status == Status::Finished)
            .zip(distance.and_then(|d| d.km))
            .and_then(|(t, km)| format_pace(t, km));
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        push_line(
            &mut out,
            [
                data.standings
                    .placing(i)
                    .overall
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
                r.bib.clone(),
                r.name.clone(),
                r.sex.map(|s| s.code().to_string()).unwrap_or_default(),
                text(&r.category),
                text(&r.club),
                text(&r.city),
                text(&r.country),
                distance.map(|d| d.name.clone()).unwrap_or_default(),
                r.status.code().to_string(),
                time.map(format_time).unwrap_or_default(),
                pace.unwrap_or_default(),
            ]
            .into_iter(),
        );
    }
    out
}

fn push_line(out: &mut String, fields: impl Iterator<Item = String>) {
    for (n, field) in fields.enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(&field));
    }
    out.push_str("\r\n");
}

/// One field, quoted when it must be. A field a spreadsheet would run as a formula
/// ("=HYPERLINK(…)", "+7 701…", "@SUM") starts with an apostrophe, so a name in a
/// results file can never act in the organizer's spreadsheet; plain numbers stay as
/// they are.
pub fn csv_field(value: &str) -> String {
    let formula = value.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && !value[1..].bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let value = if formula {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// "Almaty Marathon 2021.csv": the event's name with what file systems refuse replaced.
pub fn csv_file_name(event_name: &str) -> String {
    let mut name = String::new();
    for c in event_name.chars() {
        let bad =
            c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|');
        let c = if bad { '-' } else { c };
        if !(c == '-' && name.ends_with('-')) {
            name.push(c);
        }
    }
    let name: String = name
        .trim_matches(|c: char| c == '-' || c == '.' || c.is_whitespace())
        .chars()
        .take(80)
        .collect();
    let name = name.trim_end();
    if name.is_empty() {
        "results.csv".to_string()
    } else {
        format!("{name}.csv")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RACE: &str = r#"{
      "format": "results/v1",
      "event": { "name": "Test Race" },
      "distances": [ { "id": "10k", "name": "10 km", "km": 10 }, { "id": "5k", "name": "5 km" } ],
      "results": [
        { "bib": "1", "name": "Islam Amangos", "sex": "M", "category": "M20", "club": "Almaty Runners",
          "city": "Almaty", "country": "KAZ", "distance": "10k", "chip_time": "0:31:00" },
        { "bib": "2", "name": "Даулет Сейтқали", "sex": "M", "distance": "10k", "chip_time": "0:32:30" },
        { "bib": "3", "name": "O'Brien, \"Jack\"", "sex": "M", "club": "Run\nClub", "distance": "10k", "status": "dnf" },
        { "bib": "4", "name": "=HYPERLINK(\"http://x\",\"y\")", "sex": "F", "city": "+7 701", "distance": "5k", "chip_time": "25:00" },
        { "bib": "-5", "name": "@SUM(A1)", "distance": "5k", "chip_time": "26:00" }
      ]
    }"#;

    fn csv(rows: &[u32]) -> String {
        let data = Dataset::load(RACE.as_bytes()).expect("the test file loads");
        results_csv(&data, rows)
    }

    #[test]
    fn header_bom_and_line_ends() {
        let text = csv(&[]);
        assert_eq!(
            text,
            "\u{feff}place,bib,name,sex,category,club,city,country,distance,status,time,pace\r\n"
        );
        assert!(text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    }

    #[test]
    fn rows_in_the_order_given_with_every_column() {
        let text = csv(&[1, 0]);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert_eq!(
            lines[1],
            "2,2,Даулет Сейтқали,M,,,,,10 km,finished,0:32:30,3:15"
        );
        assert_eq!(
            lines[2],
            "1,1,Islam Amangos,M,M20,Almaty Runners,Almaty,KAZ,10 km,finished,0:31:00,3:06"
        );
        assert_eq!(lines[3], "");
    }

    #[test]
    fn quotes_commas_quotes_and_line_breaks() {
        let text = csv(&[2]);
        let row = text.split_once("\r\n").unwrap().1;
        assert_eq!(
            row,
            ",3,\"O'Brien, \"\"Jack\"\"\",M,,\"Run\nClub\",,,10 km,dnf,,\r\n"
        );
    }

    #[test]
    fn nothing_runs_as_a_formula() {
        let text = csv(&[3, 4]);
        assert!(
            text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
            "{text}"
        );
        assert!(text.contains(",'+7 701,"), "{text}");
        assert!(text.contains(",'@SUM(A1),"), "{text}");
        // A negative-looking bib is a plain number: kept as it is.
        assert!(text.contains(",-5,"), "{text}");
        // No pace without the distance's length.
        assert!(text.contains("5 km,finished,0:25:00,\r\n"), "{text}");
    }

    #[test]
    fn fields() {
        for (value, want) in [
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            (" padded", "\" padded\""),
            ("=1+1", "'=1+1"),
            ("-1.5", "-1.5"),
            ("-", "-"),
            ("-x", "'-x"),
            ("\tTab", "'\tTab"),
        ] {
            assert_eq!(csv_field(value), want, "{value:?}");
        }
    }

    #[test]
    fn unknown_rows_are_skipped() {
        assert_eq!(csv(&[99, 0]).lines().count(), 2);
    }

    #[test]
    fn file_names() {
        for (event, want) in [
            ("Almaty Marathon 2021", "Almaty Marathon 2021.csv"),
            ("Алматы марафоны 2021", "Алматы марафоны 2021.csv"),
            ("10/21 Run: \"Night\"", "10-21 Run- -Night.csv"),
            ("../..", "results.csv"),
            ("", "results.csv"),
            ("a\u{0}b", "a-b.csv"),
        ] {
            assert_eq!(csv_file_name(event), want, "{event:?}");
        }
        assert!(csv_file_name(&"x".repeat(500)).len() <= 84);
    }
}
