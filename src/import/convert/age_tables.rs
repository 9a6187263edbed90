//! Age-grading tables from the spreadsheet they are published in, saved as CSV: the
//! World Masters Athletics road tables come as one sheet per sex with a row of distance
//! names ("Age, 5 km, 10 km, ..., Marathon"), a row of km ("Distance"), a row of
//! open-class standards in seconds ("OC sec") or as times ("OC"), then one row per year
//! of age with a factor per distance. The viewer ships no factors: the organizer brings
//! the edition they use and names it, and this turns it into the file's `age_grading`.

use crate::domain::age_grade::same_distance;
use crate::domain::time::{format_time, parse_time};
use crate::domain::RaceTime;
use crate::import::read::read_table;
use crate::import::values::{km_in, parse_decimal};
use serde_json::{json, Value};

/// One distance of one sex: what a `age_grading.tables` entry holds.
#[derive(Clone, Debug, PartialEq)]
pub struct AgeColumn {
    pub km: f64,
    /// "M" or "F".
    pub sex: &'static str,
    pub open_seconds: u32,
    pub first_age: u16,
    pub factors: Vec<f64>,
}

/// A sheet read: its title (the first line, when it is a line of its own) and columns.
#[derive(Clone, Debug, PartialEq)]
pub struct AgeSheet {
    pub title: Option<String>,
    pub columns: Vec<AgeColumn>,
}

/// Why a sheet of age factors cannot be used; its text in each language is in
/// crate::i18n::messages (the converter prints the English one).
#[derive(Clone, Debug, PartialEq)]
pub enum AgeTablesError {
    /// The file itself cannot be read as a table.
    Unreadable(crate::import::ImportError),
    /// The browser could not read the chosen file from the device.
    CannotRead,
    /// `M=` / `F=` named something else.
    BadSex(String),
    /// Neither the title nor the file name says men's or women's.
    UnknownSex,
    NoDistanceRow,
    NoOpenRow,
    NoAgeRows,
    /// The ages skip or repeat a year: `age` follows `after`.
    AgeGap {
        age: u16,
        after: u16,
    },
    /// A factor that is not a number above 0 and at most 1.
    BadFactor {
        age: u16,
        km: f64,
    },
    /// No column has both a distance and an open standard.
    NoColumns,
    /// The sheets hold no table for any of the event's distances.
    CoversNone,
}

/// Reads one sheet. `sex` is "M" or "F"; `None` takes it from the title or the file
/// name ("Male...", "FemaleRoadStd...", "women"). Errors say what is missing.
pub fn read_age_tables(
    bytes: &[u8],
    file_name: &str,
    sex: Option<&str>,
) -> Result<AgeSheet, AgeTablesError> {
    let table = read_table(bytes, file_name).map_err(AgeTablesError::Unreadable)?;
    let records: Vec<&[String]> = std::iter::once(&table.headers[..])
        .chain(table.rows.iter().map(Vec::as_slice))
        .collect();
    let filled = |r: &[String]| r.iter().filter(|c| !c.trim().is_empty()).count();
    let title = records
        .first()
        .filter(|r| filled(r) == 1)
        .and_then(|r| r.iter().find(|c| !c.trim().is_empty()))
        .map(|c| c.trim().to_string());
    let sex = match sex {
        Some("M") => "M",
        Some("F") => "F",
        Some(other) => return Err(AgeTablesError::BadSex(other.to_string())),
        None => sex_in(title.as_deref().unwrap_or(""))
            .or_else(|| sex_in(file_name))
            .ok_or(AgeTablesError::UnknownSex)?,
    };

    let label = |r: &[String]| {
        r.first()
            .map(|c| c.trim().to_lowercase())
            .unwrap_or_default()
    };
    let row_of = |names: &[&str]| records.iter().find(|r| names.contains(&label(r).as_str()));
    let width = records.iter().map(|r| r.len()).max().unwrap_or(0);
    // Km: the "Distance" row, else the distance names of the "Age" row.
    let km: Vec<Option<f64>> = match (row_of(&["distance", "distance km", "km"]), row_of(&["age"]))
    {
        (Some(r), _) => (1..width)
            .map(|i| cell(r, i).and_then(parse_decimal))
            .collect(),
        (None, Some(r)) => (1..width)
            .map(|i| cell(r, i).and_then(|c| km_in(c, false)))
            .collect(),
        _ => return Err(AgeTablesError::NoDistanceRow),
    };
    let open: Vec<Option<u32>> = match (row_of(&["oc sec", "open sec"]), row_of(&["oc", "open"])) {
        (Some(r), _) => (1..width)
            .map(|i| cell(r, i).and_then(parse_decimal).map(|s| s.round() as u32))
            .collect(),
        (None, Some(r)) => (1..width)
            .map(|i| {
                let t = parse_time(cell(r, i)?).ok()?;
                Some((t.0 + 500) / 1000)
            })
            .collect(),
        _ => return Err(AgeTablesError::NoOpenRow),
    };

    // The age rows: a whole number first, one row per year, in order.
    let ages: Vec<(u16, &[String])> = records
        .iter()
        .filter_map(|r| {
            let a = r.first()?.trim();
            let age: u16 = a
                .parse()
                .ok()
                .filter(|_| a.bytes().all(|b| b.is_ascii_digit()))?;
            Some((age, *r)).filter(|_| (1..=120).contains(&age))
        })
        .collect();
    let Some(&(first_age, _)) = ages.first() else {
        return Err(AgeTablesError::NoAgeRows);
    };
    for (k, (age, _)) in ages.iter().enumerate() {
        if usize::from(*age) != usize::from(first_age) + k {
            return Err(AgeTablesError::AgeGap {
                age: *age,
                after: ages[k - 1].0,
            });
        }
    }

    let mut columns = Vec::new();
    for (i, (km, open)) in km.iter().zip(&open).enumerate() {
        let (Some(km), Some(open)) = (km, open) else {
            continue;
        };
        let mut factors = Vec::with_capacity(ages.len());
        for (age, row) in &ages {
            let f = cell(row, i + 1)
                .and_then(parse_decimal)
                .filter(|f| *f > 0.0 && *f <= 1.0)
                .ok_or(AgeTablesError::BadFactor { age: *age, km: *km })?;
            factors.push(f);
        }
        columns.push(AgeColumn {
            km: *km,
            sex,
            open_seconds: *open,
            first_age,
            factors,
        });
    }
    if columns.is_empty() {
        return Err(AgeTablesError::NoColumns);
    }
    Ok(AgeSheet { title, columns })
}

fn cell(row: &[String], i: usize) -> Option<&str> {
    row.get(i).map(|c| c.trim()).filter(|c| !c.is_empty())
}

fn sex_in(text: &str) -> Option<&'static str> {
    const WOMEN: [&str; 4] = ["female", "women", "woman", "жен"];
    let t = text.to_lowercase();
    let female = WOMEN.iter().any(|w| t.contains(w));
    // "male" and "men" sit inside "female" and "women": look for them in what is left.
    let rest = WOMEN.iter().fold(t, |s, w| s.replace(w, " "));
    let male = ["male", "men", "муж"].iter().any(|w| rest.contains(w));
    // A title naming both ("men and women") says nothing; M= or F= must.
    match (female, male) {
        (true, false) => Some("F"),
        (false, true) => Some("M"),
        _ => None,
    }
}

/// The columns the event's distances need: for each km, the table of that distance
/// (by the viewer's own rule, `same_distance`) or the two around it (the viewer interpolates).
pub fn columns_for(columns: Vec<AgeColumn>, kms: &[f64]) -> Vec<AgeColumn> {
    let needed = |c: &AgeColumn| {
        let same_sex: Vec<&AgeColumn> = columns.iter().filter(|o| o.sex == c.sex).collect();
        kms.iter().any(|&km| {
            if same_distance(c.km, km) {
                return true;
            }
            if same_sex.iter().any(|o| same_distance(o.km, km)) {
                return false;
            }
            let below = same_sex
                .iter()
                .filter(|o| o.km < km)
                .map(|o| o.km)
                .fold(f64::MIN, f64::max);
            let above = same_sex
                .iter()
                .filter(|o| o.km > km)
                .map(|o| o.km)
                .fold(f64::MAX, f64::min);
            below > f64::MIN && above < f64::MAX && (c.km == below || c.km == above)
        })
    };
    let keep: Vec<bool> = columns.iter().map(needed).collect();
    columns
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect()
}

/// The `age_grading` object of a results file.
pub fn age_grading_json(source: &str, columns: &[AgeColumn]) -> Value {
    let tables: Vec<Value> = columns
        .iter()
        .map(|c| {
            json!({
                "km": c.km,
                "sex": c.sex,
                "open": format_time(RaceTime(c.open_seconds * 1000)),
                "first_age": c.first_age,
                "factors": c.factors,
            })
        })
        .collect();
    json!({ "source": source, "tables": tables })
}

/// Puts into a results JSON document the tables its distances need, from the sheets
/// read (each with its file name, for the source when the sheet has no title). The
/// source is `source`, else the sheets' titles. Returns how many tables went in.
pub fn add_age_grading(
    doc: &mut Value,
    sheets: Vec<(String, AgeSheet)>,
    source: Option<&str>,
) -> Result<usize, AgeTablesError> {
    let mut titles = Vec::new();
    let mut columns = Vec::new();
    for (file_name, sheet) in sheets {
        titles.push(sheet.title.unwrap_or(file_name));
        columns.extend(sheet.columns);
    }
    let kms: Vec<f64> = doc["distances"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["km"].as_f64())
        .collect();
    let columns = columns_for(columns, &kms);
    if columns.is_empty() {
        return Err(AgeTablesError::CoversNone);
    }
    let source = source.map_or_else(|| titles.join("; "), str::to_string);
    doc["age_grading"] = age_grading_json(&source, &columns);
    Ok(columns.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Made-up numbers in the published layout (not any edition's factors).
    const SHEET: &str = "Made-up Male Road factors for tests,,,\n\
        Age,5 km,10 km,Marathon\n\
        Distance,5,10,42.195\n\
        OC sec,800,1650,7500\n\
        OC,0:13:20,0:27:30,2:05:00\n\
        40,0.95,0.96,0.97\n\
        41,0.94,0.95,0.96\n\
        42,0.93,0.94,0.95\n\
        Compiled for the tests,,,\n";

    #[test]
    fn sex_from_a_title_or_file_name() {
        assert_eq!(sex_in("FemaleRoadStd2025"), Some("F"));
        assert_eq!(sex_in("MaleRoadStd2025.csv"), Some("M"));
        assert_eq!(sex_in("Road standards, women"), Some("F"));
        assert_eq!(sex_in("Мужчины, шоссе"), Some("M"));
        assert_eq!(sex_in("Standards for men and women"), None);
        assert_eq!(sex_in("road2025.csv"), None);
    }

    #[test]
    fn reads_the_published_layout() {
        let sheet = read_age_tables(SHEET.as_bytes(), "t.csv", None).unwrap();
        assert_eq!(
            sheet.title.as_deref(),
            Some("Made-up Male Road factors for tests")
        );
        assert_eq!(sheet.columns.len(), 3);
        let m = &sheet.columns[2];
        assert_eq!(
            (m.km, m.sex, m.open_seconds, m.first_age),
            (42.195, "M", 7500, 40)
        );
        assert_eq!(m.factors, vec![0.97, 0.96, 0.95]);
    }

    #[test]
    fn open_standards_as_times_and_km_from_the_names() {
        let text = "Age,5 km,Marathon\nOC,0:13:20,2:05:00\n40,0.95,0.97\n41,0.94,0.96\n";
        let sheet = read_age_tables(text.as_bytes(), "FemaleRoad.csv", None).unwrap();
        let c: Vec<(f64, &str, u32)> = sheet
            .columns
            .iter()
            .map(|c| (c.km, c.sex, c.open_seconds))
            .collect();
        assert_eq!(c, vec![(5.0, "F", 800), (42.195, "F", 7500)]);
    }

    #[test]
    fn says_what_is_wrong() {
        let err = |text: &str, sex| read_age_tables(text.as_bytes(), "t.csv", sex).unwrap_err();
        use AgeTablesError::*;
        assert_eq!(err("Age,5 km\nOC sec,800\n40,0.9\n", None), UnknownSex);
        assert_eq!(err("Age,5 km\n40,0.9\n", Some("M")), NoOpenRow);
        assert_eq!(err("Age,5 km\nOC sec,800\n", Some("M")), NoAgeRows);
        assert_eq!(
            err("Age,5 km\nOC sec,800\n40,0.9\n42,0.8\n", Some("M")),
            AgeGap { age: 42, after: 40 }
        );
        assert_eq!(
            err("Age,5 km\nOC sec,800\n40,1.2\n", Some("M")),
            BadFactor { age: 40, km: 5.0 }
        );
        assert_eq!(
            err("Age,5 km\nOC sec,800\n40,0.9\n", Some("X")),
            BadSex("X".into())
        );
    }

    #[test]
    fn keeps_the_tables_a_distance_needs() {
        let sheet = read_age_tables(SHEET.as_bytes(), "t.csv", None).unwrap();
        let kms = |cols: &[AgeColumn]| cols.iter().map(|c| c.km).collect::<Vec<_>>();
        // 42.2 km is the marathon; 21.1 km lies between 10 km and the marathon.
        assert_eq!(
            kms(&columns_for(sheet.columns.clone(), &[42.2])),
            vec![42.195]
        );
        assert_eq!(
            kms(&columns_for(sheet.columns.clone(), &[21.1])),
            vec![10.0, 42.195]
        );
        assert_eq!(
            kms(&columns_for(sheet.columns.clone(), &[3.0, 100.0])),
            Vec::<f64>::new()
        );
    }

    #[test]
    fn writes_the_files_age_grading() {
        let sheet = read_age_tables(SHEET.as_bytes(), "t.csv", None).unwrap();
        let v = age_grading_json("Made-up", &sheet.columns[..1]);
        assert_eq!(
            v,
            json!({"source": "Made-up", "tables": [
                {"km": 5.0, "sex": "M", "open": "0:13:20", "first_age": 40, "factors": [0.95, 0.94, 0.93]}
            ]})
        );
    }
}
