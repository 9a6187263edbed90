//! Writes demo results for the viewer: an invented Almaty Marathon 2021 with about
//! 3,000 runners over four distances, in format results/v1, with club standings for the
//! marathon, the half and the Nordic walking, and masters prizes on the 10 km.
//!
//! `gen_demo [--runners N] [--seed S] [--out PATH]`. The same arguments always give the
//! same bytes, so the committed public/results.json can be checked against a fresh run.
#[path = "gen_demo/courses.rs"]
mod courses;
#[path = "gen_demo/hometowns.rs"]
mod hometowns;
#[path = "gen_demo/names.rs"]
mod names;
#[path = "gen_demo/race.rs"]
mod race;
#[path = "gen_demo/rng.rs"]
mod rng;

use courses::{Course, Status, COURSES};
use race::{run_course, Entry};
use rng::Rng;
use serde::ser::{Serialize, Serializer};
use std::path::PathBuf;

const USAGE: &str = "usage: gen_demo [--runners N] [--seed S] [--out PATH]
  --runners N  runners in the event, 100 to 1000000 (default 3000)
  --seed S     seed of the made-up results (default 2021)
  --out PATH   where to write the JSON (default public/results.json)";

const DEFAULT_RUNNERS: usize = 3000;
const DEFAULT_SEED: u64 = 2021;

#[derive(Debug, PartialEq)]
struct Options {
    runners: usize,
    seed: u64,
    out: PathBuf,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return;
    }
    let options = match parse_args(&args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("gen_demo: {message}\n{USAGE}");
            std::process::exit(2);
        }
    };
    let json = generate(options.runners, options.seed);
    if let Err(err) = std::fs::write(&options.out, &json) {
        eprintln!("gen_demo: cannot write {}: {err}", options.out.display());
        std::process::exit(1);
    }
    eprintln!(
        "wrote {} runners, {} bytes, to {}",
        options.runners,
        json.len(),
        options.out.display()
    );
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        runners: DEFAULT_RUNNERS,
        seed: DEFAULT_SEED,
        out: PathBuf::from("public/results.json"),
    };
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--runners" => {
                options.runners = value
                    .parse()
                    .ok()
                    .filter(|n| (100..=1_000_000).contains(n))
                    .ok_or_else(|| {
                        format!(
                            "--runners must be a whole number from 100 to 1000000, not {value:?}"
                        )
                    })?;
            }
            "--seed" => {
                options.seed = value
                    .parse()
                    .map_err(|_| format!("--seed must be a whole number, not {value:?}"))?;
            }
            "--out" => options.out = PathBuf::from(value),
            _ => return Err(format!("unknown option {flag:?}")),
        }
    }
    Ok(options)
}

/// Runners per course: shares of 700, 1,100, 900 and 300 in 3,000; the last course
/// takes what rounding leaves.
fn course_sizes(runners: usize) -> Vec<usize> {
    let mut sizes: Vec<usize> = COURSES
        .iter()
        .map(|c| (runners * c.per_3000 + 1500) / 3000)
        .collect();
    let others: usize = sizes[..sizes.len() - 1].iter().sum();
    if let Some(last) = sizes.last_mut() {
        *last = runners.saturating_sub(others);
    }
    sizes
}

/// Bib ranges are 1-999, 1001-2999, 3001-4999 and 5001-5999 for a normal field;
/// bigger fields multiply them by ten until every course fits.
fn bib_scale(sizes: &[usize]) -> u32 {
    let mut scale = 1;
    while COURSES
        .iter()
        .zip(sizes)
        .any(|(c, &n)| n as u64 > u64::from((c.bibs.1 + 1) * scale - 1))
    {
        scale *= 10;
    }
    scale
}

/// The whole results file.
fn generate(runners: usize, seed: u64) -> String {
    let sizes = course_sizes(runners);
    let scale = bib_scale(&sizes);
    let courses: Vec<(&Course, Vec<Entry>)> = COURSES
        .iter()
        .zip(&sizes)
        .enumerate()
        .map(|(i, (course, &size))| {
            let mut rng = Rng::derived(seed, i as u64 + 1);
            let first_bib = (course.bibs.0 - 1) * scale + 1;
            let disqualified = (course.disqualified * runners).div_ceil(DEFAULT_RUNNERS);
            (
                course,
                run_course(course, size, first_bib, disqualified, &mut rng),
            )
        })
        .collect();
    write_file(runners, seed, &courses)
}

fn write_file(runners: usize, seed: u64, courses: &[(&Course, Vec<Entry>)]) -> String {
    let mut out = String::with_capacity(runners * 240 + 4096);
    out.push_str("{\"format\":\"results/v1\",\n");
    out.push_str(&format!(
        "\"generator\":\"gen_demo --runners {runners} --seed {seed}\",\n"
    ));
    out.push_str("\"event\":");
    out.push_str(&to_json(&EVENT));
    out.push_str(",\n\"distances\":[\n");
    let distances: Vec<String> = courses
        .iter()
        .map(|(c, _)| to_json(&DistanceOut(c)))
        .collect();
    out.push_str(&distances.join(",\n"));
    out.push_str("\n],\n\"age_grading\":");
    out.push_str(&to_json(&demo_age_grading()));
    out.push_str(",\n\"results\":[\n");
    let mut first = true;
    for (course, entries) in courses {
        for entry in entries {
            if !first {
                out.push_str(",\n");
            }
            first = false;
            out.push_str(&to_json(&RowOut { course, entry }));
        }
    }
    out.push_str("\n]}\n");
    out
}

/// Age-grading tables for the half and the marathon, so the demo shows grades. The
/// numbers are made up (a smooth curve, not any edition's factors) and the source says
/// so; a real event puts the tables of the edition it uses here (docs/format.md). The
/// 10 km races lie below the smallest tabled distance, so they are not graded.
fn demo_age_grading() -> serde_json::Value {
    const FIRST_AGE: u16 = 16;
    const LAST_AGE: u16 = 90;
    // km, sex, open standard.
    const TABLES: [(f64, &str, &str); 4] = [
        (21.0975, "M", "0:58:00"),
        (42.195, "M", "2:01:00"),
        (21.0975, "F", "1:04:00"),
        (42.195, "F", "2:12:00"),
    ];
    let factor = |age: u16, sex: &str| -> f64 {
        let a = f64::from(age);
        // Full strength from 20 to 30; women's factors fall a little faster with age.
        let per_year = if sex == "F" { 0.0075 } else { 0.0068 };
        let f = if a < 20.0 {
            1.0 - (20.0 - a) * 0.012
        } else if a <= 30.0 {
            1.0
        } else {
            1.0 - (a - 30.0) * per_year - ((a - 60.0).max(0.0)).powi(2) * 0.00012
        };
        (f.max(0.3) * 10_000.0).round() / 10_000.0
    };
    let tables: Vec<serde_json::Value> = TABLES
        .iter()
        .map(|&(km, sex, open)| {
            let factors: Vec<f64> = (FIRST_AGE..=LAST_AGE).map(|a| factor(a, sex)).collect();
            serde_json::json!({ "km": km, "sex": sex, "open": open, "first_age": FIRST_AGE, "factors": factors })
        })
        .collect();
    serde_json::json!({
        "source": "Made-up factors for this demo, not the WMA tables (a real event puts its edition's here)",
        "tables": tables,
    })
}

/// The generator's own values always serialize; an error here is a bug worth a panic.
fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("demo values serialize")
}

#[derive(serde::Serialize)]
struct EventOut {
    name: &'static str,
    date: &'static str,
    place: &'static str,
    utc_offset: &'static str,
    currency: &'static str,
    status: &'static str,
    updated: &'static str,
    /// Not in format v1: the viewer may show it.
    note: &'static str,
}

const EVENT: EventOut = EventOut {
    name: "Almaty Marathon 2021 (demo data)",
    date: "2021-09-26",
    place: "Republic Square, Almaty",
    utc_offset: "+06:00",
    currency: "KZT",
    status: "official",
    updated: "2021-09-26T16:00:00+06:00",
    note: "Demo data generated for the viewer: not the official results",
};

struct DistanceOut<'a>(&'a Course);

impl Serialize for DistanceOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Split {
            id: &'static str,
            name: &'static str,
            km: f64,
        }
        #[derive(serde::Serialize)]
        struct Awards {
            places: u32,
            by: &'static str,
            #[serde(skip_serializing_if = "<[u64]>::is_empty")]
            prizes: &'static [u64],
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            categories: bool,
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            exclude_winners: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            min_finishers: Option<u32>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            groups: Vec<AwardGroup>,
        }
        #[derive(serde::Serialize)]
        struct AwardGroup {
            id: &'static str,
            #[serde(skip_serializing_if = "<[u64]>::is_empty")]
            prizes: &'static [u64],
            #[serde(skip_serializing_if = "Option::is_none")]
            merge_into: Option<&'static str>,
        }
        #[derive(serde::Serialize)]
        struct Teams {
            by: &'static str,
            scorers: u32,
            groups: Vec<TeamGroup>,
        }
        #[derive(serde::Serialize)]
        struct TeamGroup {
            id: &'static str,
            #[serde(skip_serializing_if = "Option::is_none")]
            scorers: Option<u32>,
            #[serde(skip_serializing_if = "Option::is_none")]
            min_women: Option<u32>,
            #[serde(skip_serializing_if = "Option::is_none")]
            min_men: Option<u32>,
        }
        #[derive(serde::Serialize)]
        struct Distance {
            id: &'static str,
            name: &'static str,
            km: f64,
            start: &'static str,
            ranking: &'static str,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            splits: Vec<Split>,
            awards: Awards,
            #[serde(skip_serializing_if = "Option::is_none")]
            teams: Option<Teams>,
        }
        let c = self.0;
        let masters = c.masters.as_ref();
        Distance {
            id: c.id,
            name: c.name,
            km: c.km,
            start: c.start,
            ranking: c.ranking.code(),
            splits: c
                .splits
                .iter()
                .map(|p| Split {
                    id: p.id,
                    name: p.name,
                    km: p.km,
                })
                .collect(),
            awards: Awards {
                places: 3,
                by: "sex",
                prizes: c.prizes,
                categories: c.categories,
                exclude_winners: masters.is_some(),
                min_finishers: masters.map(|m| m.min_finishers),
                groups: masters
                    .map_or(&[][..], |m| m.groups)
                    .iter()
                    .map(|g| AwardGroup {
                        id: g.id,
                        prizes: g.prizes,
                        merge_into: g.merge_into,
                    })
                    .collect(),
            },
            teams: c.teams.as_ref().map(|t| Teams {
                by: "club",
                scorers: t.scorers,
                groups: t
                    .groups
                    .iter()
                    .map(|g| TeamGroup {
                        id: g.id,
                        scorers: g.scorers,
                        min_women: g.min_women,
                        min_men: g.min_men,
                    })
                    .collect(),
            }),
        }
        .serialize(serializer)
    }
}

struct RowOut<'a> {
    course: &'a Course,
    entry: &'a Entry,
}

impl Serialize for RowOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Row<'a> {
            bib: String,
            name: &'a str,
            sex: &'static str,
            #[serde(skip_serializing_if = "Option::is_none")]
            birth_year: Option<u16>,
            category: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            club: Option<&'static str>,
            city: &'static str,
            country: &'static str,
            distance: &'static str,
            /// Left out for finishers: the format's default when a time is present.
            #[serde(skip_serializing_if = "Option::is_none")]
            status: Option<&'static str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            chip_time: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            gun_time: Option<String>,
            #[serde(skip_serializing_if = "SplitTimes::is_empty")]
            splits: SplitTimes<'a>,
        }
        let e = self.entry;
        Row {
            bib: e.bib.to_string(),
            name: &e.name,
            sex: e.sex.code(),
            birth_year: e.birth_year,
            category: &e.category,
            club: e.club,
            city: e.city,
            country: e.country,
            distance: self.course.id,
            status: (e.status != Status::Finished).then(|| e.status.code()),
            chip_time: e.chip.map(clock),
            gun_time: e.gun.map(clock),
            splits: SplitTimes(&e.splits),
        }
        .serialize(serializer)
    }
}

/// Splits as a JSON object in course order (a map would sort "10k" before "5k").
struct SplitTimes<'a>(&'a [(&'static str, u32)]);

impl SplitTimes<'_> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for SplitTimes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(id, secs)| (id, clock(secs * 10))))
    }
}

/// "H:MM:SS", with ".t" when the time has tenths. The file's own format, kept apart from
/// the viewer's display so a change on screen never changes the data.
fn clock(tenths: u32) -> String {
    let secs = tenths / 10;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    match tenths % 10 {
        0 => format!("{h}:{m:02}:{s:02}"),
        t => format!("{h}:{m:02}:{s:02}.{t}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn reads_arguments() {
        let parsed = parse_args(&args("--runners 50000 --seed 7 --out x.json"));
        assert_eq!(
            parsed,
            Ok(Options {
                runners: 50_000,
                seed: 7,
                out: PathBuf::from("x.json")
            })
        );
        let defaults = parse_args(&[]).map(|o| (o.runners, o.seed));
        assert_eq!(defaults, Ok((3000, 2021)));
        for bad in [
            "--runners",
            "--runners ten",
            "--runners 5",
            "--seed -1",
            "--color red",
        ] {
            assert!(parse_args(&args(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn course_sizes_add_up() {
        assert_eq!(course_sizes(3000), vec![700, 1100, 900, 300]);
        for n in [100, 101, 2999, 50_000, 1_000_000] {
            assert_eq!(course_sizes(n).iter().sum::<usize>(), n);
        }
    }

    #[test]
    fn bib_ranges_grow_with_the_field() {
        assert_eq!(bib_scale(&course_sizes(3000)), 1);
        assert_eq!(bib_scale(&course_sizes(4000)), 1);
        assert_eq!(bib_scale(&course_sizes(50_000)), 100);
    }

    #[test]
    fn clock_times() {
        let table = [
            (0, "0:00:00"),
            (87_314, "2:25:31.4"),
            (87_310, "2:25:31"),
            (36_000, "1:00:00"),
            (1_000_000, "27:46:40"),
        ];
        for (tenths, text) in table {
            assert_eq!(clock(tenths), text);
        }
    }
}
