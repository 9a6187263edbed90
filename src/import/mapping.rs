//! Giving the columns of a table a meaning: first by their names (in English, Russian,
//! Kazakh, German, French and Spanish), then checked against the values, since the same
//! word means different things in different exports ("Gender" is the sex in one and
//! the place among runners of that sex in another).

use super::csv::Table;
use super::values::{km_in, km_text, read_age, read_sex, read_time, slug, TimeCell};
use super::values::{HALF_KM, MARATHON_KM};

/// What a column holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    Ignore,
    Bib,
    /// The whole name (see `NameOrder`).
    Name,
    FirstName,
    LastName,
    Sex,
    Age,
    BirthYear,
    Category,
    Club,
    City,
    Country,
    ChipTime,
    GunTime,
    /// Official overall place in the distance ("17" or "17/1763").
    Place,
    /// Finished / DNF / DNS / DSQ in any language.
    Status,
    /// Which distance the row ran, when one file holds several.
    Distance,
    /// A cumulative time at an intermediate point; the name shown for it.
    Split(String),
}

impl Field {
    /// Every choice but `Split`, in the order a mapping screen lists them.
    pub const CHOICES: [Field; 17] = [
        Field::Ignore,
        Field::Bib,
        Field::Name,
        Field::FirstName,
        Field::LastName,
        Field::Sex,
        Field::Age,
        Field::BirthYear,
        Field::Category,
        Field::Club,
        Field::City,
        Field::Country,
        Field::ChipTime,
        Field::GunTime,
        Field::Place,
        Field::Status,
        Field::Distance,
    ];

    /// A short stable key (for a `<select>` value or a translation lookup).
    pub fn key(&self) -> &'static str {
        match self {
            Field::Ignore => "ignore",
            Field::Bib => "bib",
            Field::Name => "name",
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Sex => "sex",
            Field::Age => "age",
            Field::BirthYear => "birth_year",
            Field::Category => "category",
            Field::Club => "club",
            Field::City => "city",
            Field::Country => "country",
            Field::ChipTime => "chip_time",
            Field::GunTime => "gun_time",
            Field::Place => "place",
            Field::Status => "status",
            Field::Distance => "distance",
            Field::Split(_) => "split",
        }
    }

    /// The field a key names; a split takes its name from the column header.
    pub fn from_key(key: &str, header: &str) -> Option<Field> {
        if key == "split" {
            return Some(Field::Split(header.trim().to_string()));
        }
        Field::CHOICES.into_iter().find(|f| f.key() == key)
    }

    /// Position in `CHOICES`; None for a split.
    pub(crate) fn slot(&self) -> Option<usize> {
        Some(match self {
            Field::Ignore => 0,
            Field::Bib => 1,
            Field::Name => 2,
            Field::FirstName => 3,
            Field::LastName => 4,
            Field::Sex => 5,
            Field::Age => 6,
            Field::BirthYear => 7,
            Field::Category => 8,
            Field::Club => 9,
            Field::City => 10,
            Field::Country => 11,
            Field::ChipTime => 12,
            Field::GunTime => 13,
            Field::Place => 14,
            Field::Status => 15,
            Field::Distance => 16,
            Field::Split(_) => return None,
        })
    }

    /// Fields a file holds at most once; the rest (Ignore, Split) may repeat.
    fn single(&self) -> bool {
        !matches!(self, Field::Ignore | Field::Split(_))
    }
}

/// How the Name column writes names. `Auto` turns "Last, First" around and leaves
/// names without a comma as written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NameOrder {
    #[default]
    Auto,
    FirstLast,
    LastFirst,
}

/// One distance of a file with a Distance column: the value as the column writes it,
/// and what the results file will call it.
#[derive(Clone, Debug, PartialEq)]
pub struct DistanceSpec {
    pub value: String,
    pub id: String,
    pub name: String,
    pub km: Option<f64>,
}

/// How a table becomes results; every part is the organizer's to change.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    /// One per table column, in column order.
    pub columns: Vec<Field>,
    pub name_order: NameOrder,
    pub event_name: String,
    /// ISO date "YYYY-MM-DD", when known.
    pub event_date: Option<String>,
    /// The single distance of a file without a Distance column.
    pub distance_name: String,
    pub distance_km: Option<f64>,
    /// The distances of a file with a Distance column (empty otherwise).
    pub distances: Vec<DistanceSpec>,
    /// The header of the id column taken as the bib, when the file has no bib column
    /// (the mapping screen says so).
    pub bib_from_id: Option<String>,
}

/// Guesses the meaning of every column, the event name and the distance.
pub fn guess_mapping(table: &Table) -> Mapping {
    let profiles: Vec<Profile> = (0..table.headers.len())
        .map(|i| Profile::of(table, i))
        .collect();
    let mut columns: Vec<Option<Field>> = table
        .headers
        .iter()
        .zip(&profiles)
        .map(|(h, p)| header_field(h).map(|f| check_with_values(f, p)))
        .collect();
    settle_duplicates(&mut columns, &table.headers);
    guess_unnamed(&mut columns, &profiles, &table.headers);
    let bib_from_id = super::id_bib::take_id_as_bib(&mut columns, table)
        .map(|i| table.headers[i].trim().to_string());
    let columns: Vec<Field> = columns
        .into_iter()
        .map(|f| f.unwrap_or(Field::Ignore))
        .collect();

    let distance_km =
        km_in(file_stem(&table.file_name), false).or_else(|| km_from_splits(&columns));
    let name_order = columns
        .iter()
        .position(|f| *f == Field::Name)
        .and_then(|i| name_order_of(&table.headers[i]))
        .unwrap_or_default();
    Mapping {
        distances: guess_distances(table, &columns),
        columns,
        name_order,
        event_name: event_name_from_file(&table.file_name),
        event_date: None,
        distance_name: distance_name(distance_km),
        distance_km,
        bib_from_id,
    }
}

/// The distinct values of the Distance column, in order of first appearance.
pub fn guess_distances(table: &Table, columns: &[Field]) -> Vec<DistanceSpec> {
    let Some(col) = columns.iter().position(|f| *f == Field::Distance) else {
        return Vec::new();
    };
    let mut specs: Vec<DistanceSpec> = Vec::new();
    for row in &table.rows {
        let value = row.get(col).map(|v| v.trim()).unwrap_or("");
        if value.is_empty() || specs.iter().any(|s| s.value == value) {
            continue;
        }
        let km = km_in(value, true);
        let taken: Vec<&str> = specs.iter().map(|s| s.id.as_str()).collect();
        let id = unique_id(&distance_id(value, km), &taken);
        specs.push(DistanceSpec {
            value: value.to_string(),
            id,
            name: value.to_string(),
            km,
        });
    }
    specs
}

/// "42k", "21k", "10k", "3-5k" from the length, else a slug of the name.
pub(crate) fn distance_id(name: &str, km: Option<f64>) -> String {
    match km {
        Some(k) if (k - MARATHON_KM).abs() < 0.01 => "42k".into(),
        Some(k) if (k - HALF_KM).abs() < 0.01 => "21k".into(),
        Some(k) if k.fract() == 0.0 => format!("{}k", k as u64),
        Some(k) => slug(&format!("{}k", km_text(k))),
        None => match slug(name) {
            s if s.is_empty() => "race".into(),
            s => s,
        },
    }
}

pub(crate) fn unique_id(base: &str, taken: &[&str]) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// The name a distance of that length gets: "Marathon", "Half marathon", "10 km",
/// or "Race" when the length is unknown.
pub fn distance_name(km: Option<f64>) -> String {
    match km {
        Some(k) if (k - MARATHON_KM).abs() < 0.01 => "Marathon".into(),
        Some(k) if (k - HALF_KM).abs() < 0.01 => "Half marathon".into(),
        Some(k) => format!("{} km", km_text(k)),
        None => "Race".into(),
    }
}

/// The file name without folders and extension.
fn file_stem(file_name: &str) -> &str {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or("");
    base.rsplit_once('.').map_or(base, |(s, _)| s)
}

/// "boston_marathon_2017.csv" -> "Boston Marathon 2017".
fn event_name_from_file(file_name: &str) -> String {
    let stem = file_stem(file_name);
    let all_lower = stem.to_lowercase() == stem;
    let words: Vec<String> = stem
        .split(|c: char| c == '_' || c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) if all_lower => first.to_uppercase().chain(chars).collect(),
                _ => w.to_string(),
            }
        })
        .collect();
    if words.is_empty() {
        "Results".into()
    } else {
        words.join(" ")
    }
}

/// A marathon's splits reach 40 km; shorter races are left for the organizer to say.
fn km_from_splits(columns: &[Field]) -> Option<f64> {
    let longest = columns
        .iter()
        .filter_map(|f| match f {
            Field::Split(name) => km_in(name, false),
            _ => None,
        })
        .fold(0.0, f64::max);
    (40.0..MARATHON_KM)
        .contains(&longest)
        .then_some(MARATHON_KM)
}

fn normalize(header: &str) -> String {
    let lower = fold_accents(&header.to_lowercase().replace('_', " "));
    let trimmed = lower.trim().trim_end_matches(['.', ':', '*']).trim();
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Headers match with or without French and Spanish accents ("Catégorie", "Categorie").
fn fold_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            c => c,
        })
        .collect()
}

/// Whether a normalized header contains a word from a list (accents folded).
fn mentions(h: &str, list: &[&str]) -> bool {
    list.iter().any(|k| h.contains(fold_accents(k).as_str()))
}

/// Headers that name a field exactly; checked before the looser keyword rules.
const EXACT: &[(&str, Field)] = &[
    ("#", Field::Bib),
    ("no", Field::Bib),
    ("nr", Field::Bib),
    ("n°", Field::Bib),
    ("№", Field::Bib),
    ("num", Field::Bib),
    ("number", Field::Bib),
    ("stnr", Field::Bib),
    ("pettorale", Field::Bib),
    ("имя", Field::Name),
    ("аты-жөні", Field::Name),
    ("аты жөні", Field::Name),
    ("nom", Field::Name),
    ("nombre", Field::Name),
    ("runner", Field::Name),
    ("athlete", Field::Name),
    ("participant", Field::Name),
    ("competitor", Field::Name),
    ("участник", Field::Name),
    ("спортсмен", Field::Name),
    ("teilnehmer", Field::Name),
    ("coureur", Field::Name),
    ("corredor", Field::Name),
    ("atleta", Field::Name),
    ("participante", Field::Name),
    ("first", Field::FirstName),
    ("аты", Field::FirstName),
    ("last", Field::LastName),
    ("тегі", Field::LastName),
    ("m/f", Field::Sex),
    ("f/m", Field::Sex),
    ("m/w", Field::Sex),
    ("w/m", Field::Sex),
    ("s", Field::Sex),
    ("g", Field::Sex),
    ("жынысы", Field::Sex),
    ("жыныс", Field::Sex),
    ("sexe", Field::Sex),
    ("sexo", Field::Sex),
    ("genre", Field::Sex),
    ("género", Field::Sex),
    ("genero", Field::Sex),
    ("жасы", Field::Age),
    ("жас", Field::Age),
    ("ans", Field::Age),
    ("year", Field::BirthYear),
    ("yob", Field::BirthYear),
    ("born", Field::BirthYear),
    ("jg", Field::BirthYear),
    ("г.р", Field::BirthYear),
    ("гр", Field::BirthYear),
    ("год", Field::BirthYear),
    ("né", Field::BirthYear),
    ("année", Field::BirthYear),
    ("annee", Field::BirthYear),
    ("dob", Field::BirthYear),
    ("cat", Field::Category),
    ("div", Field::Category),
    ("ag", Field::Category),
    ("ak", Field::Category),
    ("санат", Field::Category),
    ("топ", Field::Category),
    ("nat", Field::Country),
    ("ctz", Field::Country),
    ("citizen", Field::Country),
    ("noc", Field::Country),
    ("ел", Field::Country),
    ("мемлекет", Field::Country),
    ("азаматтығы", Field::Country),
    ("гражданство", Field::Country),
    ("ort", Field::City),
    ("wohnort", Field::City),
    ("residence", Field::City),
    ("hometown", Field::City),
    ("localidad", Field::City),
    ("población", Field::City),
    ("населенный пункт", Field::City),
    ("населённый пункт", Field::City),
    ("official", Field::ChipTime),
    ("net", Field::ChipTime),
    ("chip", Field::ChipTime),
    ("marca", Field::ChipTime),
    ("нәтиже", Field::ChipTime),
    ("gun", Field::GunTime),
    ("время", Field::GunTime),
    ("clock", Field::GunTime),
    ("общее время", Field::GunTime),
    ("абсолютное время", Field::GunTime),
    ("жалпы уақыт", Field::GunTime),
    ("overall", Field::Place),
    ("pl", Field::Place),
    ("plc", Field::Place),
    ("pos", Field::Place),
    ("ovr", Field::Place),
    ("o/a", Field::Place),
    ("rang", Field::Place),
    ("clt", Field::Place),
    ("puesto", Field::Place),
    ("general", Field::Place),
    ("абс", Field::Place),
    ("орын", Field::Place),
    ("estado", Field::Status),
    ("мәртебе", Field::Status),
    ("race", Field::Distance),
    ("course", Field::Distance),
    ("parcours", Field::Distance),
    ("carrera", Field::Distance),
    ("prueba", Field::Distance),
    ("wettbewerb", Field::Distance),
    ("event", Field::Distance),
];

/// Words that name things the results format does not hold (pace, gaps, projected
/// times): such columns are ignored even though their cells look like times.
const NOT_KEPT: &[&str] = &[
    "pace",
    "темп",
    "allure",
    "ritmo",
    "tempo",
    "speed",
    "скорость",
    "vitesse",
    "velocidad",
    "geschwindigkeit",
    "km/h",
    "min/km",
    "proj",
    "gap",
    "behind",
    "отстав",
    "écart",
    "ecart",
    "rückstand",
    "diferencia",
    "diff",
    "п/п",
    "state",
    "province",
    "region",
    "регион",
    "область",
    "облыс",
    "phone",
    "email",
    "e-mail",
];

/// Words for a place, and for the group a place can be within ("Gender Place").
const PLACE_WORDS: &[&str] = &[
    "place",
    "pl",
    "rank",
    "platz",
    "место",
    "орын",
    "clt",
    "classement",
    "pos",
    "puesto",
];
const GROUP_WORDS: &[&str] = &[
    "gender",
    "sex",
    "div",
    "division",
    "cat",
    "category",
    "age",
    "group",
    "ag",
    "ak",
    "m/f",
    "m/w",
    "пол",
    "категории",
    "категория",
    "группе",
    "группа",
    "санат",
    "sexe",
    "categorie",
    "catégorie",
    "categoría",
    "geschlecht",
    "mw",
    "кат",
];

/// Intermediate points: "Split 1", "Lap 2", "CP3", "Zwischenzeit 1", "Отсечка 1"...
const SPLIT_WORDS: &[&str] = &[
    "split",
    "lap",
    "cp",
    "checkpoint",
    "kp",
    "zwischenzeit",
    "inter",
    "intermédiaire",
    "intermediaire",
    "parcial",
    "paso",
    "отсечка",
    "промежут",
    "круг",
    "этап",
    "кт",
    "бақылау",
    "stage",
    "tour",
    "runde",
    "vuelta",
    "punto",
];

/// Loose rules: a header containing one of these words, in this order.
const KEYWORDS: &[(&[&str], Field)] = &[
    (
        &[
            "bib",
            "dossard",
            "dorsal",
            "startn",
            "start n",
            "номер",
            "нөмір",
            "number",
            "numéro",
            "numero",
        ],
        Field::Bib,
    ),
    (
        &[
            "club",
            "team",
            "клуб",
            "команд",
            "verein",
            "équipe",
            "equipe",
            "equipo",
            "organi",
            "affiliation",
        ],
        Field::Club,
    ),
    (&FIRST_WORDS, Field::FirstName),
    (&LAST_WORDS, Field::LastName),
    (&["name", "фио", "ф.и.о", "nom", "nombre"], Field::Name),
    (
        &[
            "chip",
            "net",
            "чист",
            "нетто",
            "netto",
            "neto",
            "réel",
            "real",
            "таза",
        ],
        Field::ChipTime,
    ),
    (
        &["gun", "brutto", "gross", "bruto", "brut", "грязн", "clock"],
        Field::GunTime,
    ),
    (
        &[
            "time",
            "время",
            "zeit",
            "temps",
            "tiempo",
            "уақыт",
            "result",
            "результат",
            "finish",
            "финиш",
        ],
        Field::ChipTime,
    ),
    (
        &[
            "place",
            "rank",
            "место",
            "platz",
            "classement",
            "position",
            "posición",
            "posicion",
            "clasific",
        ],
        Field::Place,
    ),
    (
        &[
            "categ",
            "катег",
            "group",
            "групп",
            "division",
            "klasse",
            "class",
        ],
        Field::Category,
    ),
    (
        &[
            "birth",
            "рожд",
            "jahrgang",
            "geburt",
            "naissance",
            "nacim",
            "туған",
            "туылған",
        ],
        Field::BirthYear,
    ),
    (&["age", "âge", "возраст", "alter", "edad"], Field::Age),
    (&["sex", "gender", "пол", "geschlecht"], Field::Sex),
    (
        &["city", "town", "город", "stadt", "ville", "ciudad", "қала"],
        Field::City,
    ),
    (
        &[
            "country",
            "nation",
            "стран",
            "pays",
            "país",
            "pais",
            "nacionalidad",
        ],
        Field::Country,
    ),
    (&["status", "statut", "статус"], Field::Status),
    (
        &[
            "distance",
            "дистанц",
            "strecke",
            "distanz",
            "distancia",
            "épreuve",
            "epreuve",
            "қашықтық",
        ],
        Field::Distance,
    ),
];

const FIRST_WORDS: [&str; 8] = [
    "first", "given", "vorname", "prénom", "prenom", "forename", "имя", "аты",
];
const LAST_WORDS: [&str; 8] = [
    "last",
    "surname",
    "family",
    "nachname",
    "фамил",
    "apellido",
    "тегі",
    "nom de famille",
];

/// A header naming both halves ("Фамилия Имя", "Nom Prénom", "Last, First") is a
/// whole-name column; the order of the halves says how names are written.
fn combined_name(words: &[&str]) -> Option<NameOrder> {
    let at = |list: &[&str]| {
        words
            .iter()
            .position(|w| list.iter().any(|k| w.starts_with(k)))
    };
    let first = at(&FIRST_WORDS).or_else(|| at(&["nombre"]))?;
    let last = at(&[
        "last",
        "surname",
        "family",
        "nachname",
        "фамил",
        "apellido",
        "тегі",
        "nom",
    ])?;
    Some(if last < first {
        NameOrder::LastFirst
    } else {
        NameOrder::FirstLast
    })
}

/// "ФИО" is Фамилия Имя Отчество: last name first.
fn name_order_of(header: &str) -> Option<NameOrder> {
    let h = normalize(header);
    if h.contains("фио") || h.contains("ф.и.о") {
        return Some(NameOrder::LastFirst);
    }
    combined_name(&header_words(&h))
}

fn header_words(h: &str) -> Vec<&str> {
    h.split([' ', '(', ')', ',', '-', '.', '/'])
        .filter(|w| !w.is_empty())
        .collect()
}

/// The field a header names, `Some(Ignore)` for known columns the format does not
/// keep, `None` when the header says nothing (the values decide).
fn header_field(header: &str) -> Option<Field> {
    let h = normalize(header);
    if h.is_empty() {
        return None;
    }
    let words = header_words(&h);
    let has_word = |list: &[&str]| {
        words
            .iter()
            .any(|w| list.iter().any(|k| fold_accents(k) == *w))
    };
    if mentions(&h, NOT_KEPT) || (has_word(PLACE_WORDS) && has_word(GROUP_WORDS) && words.len() > 1)
    {
        return Some(Field::Ignore);
    }
    if let Some((_, f)) = EXACT.iter().find(|(name, _)| fold_accents(name) == h) {
        return Some(f.clone());
    }
    let split_word = words.first().is_some_and(|w| {
        SPLIT_WORDS.iter().any(|s| {
            w == s || (w.starts_with(s) && w[s.len()..].bytes().all(|b| b.is_ascii_digit()))
        })
    });
    if split_word || km_in(&h, false).is_some() {
        return Some(Field::Split(header.trim().to_string()));
    }
    if combined_name(&words).is_some() {
        return Some(Field::Name);
    }
    KEYWORDS
        .iter()
        .find(|(keys, _)| mentions(&h, keys))
        .map(|(_, f)| f.clone())
}

/// What a column's cells look like, from up to 200 of its filled cells.
#[derive(Default)]
struct Profile {
    filled: usize,
    times: usize,
    statuses: usize,
    ints: usize,
    years: usize,
    ages: usize,
    sexes: usize,
    /// Whole numbers starting at 1 and never going down: places in finish order.
    place_run: bool,
    letters: usize,
    distinct_text: usize,
}

impl Profile {
    fn of(table: &Table, col: usize) -> Profile {
        let mut p = Profile {
            place_run: true,
            ..Profile::default()
        };
        let mut last_int = 0u64;
        let mut seen: Vec<&str> = Vec::new();
        for row in &table.rows {
            let Some(cell) = row.get(col) else { continue };
            let v = cell.trim();
            if read_time(v) == TimeCell::Missing && !v.chars().any(|c| c.is_alphanumeric()) {
                continue;
            }
            p.filled += 1;
            match read_time(v) {
                TimeCell::Time(_) if v.contains(':') || v.contains('h') => p.times += 1,
                TimeCell::Status(_) => p.statuses += 1,
                _ => {}
            }
            if let Ok(n) = v.parse::<u64>() {
                p.ints += 1;
                if (1900..=2100).contains(&n) && v.len() == 4 {
                    p.years += 1;
                }
                if p.ints == 1 && n != 1 || n < last_int {
                    p.place_run = false;
                }
                last_int = n;
            } else {
                p.place_run = false;
            }
            if age_like(v) {
                p.ages += 1;
            }
            if read_sex(v).is_some() {
                p.sexes += 1;
            }
            if v.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                p.letters += 1;
                if seen.len() < 200 && !seen.contains(&v) {
                    seen.push(v);
                }
            }
            if p.filled >= 200 {
                break;
            }
        }
        p.distinct_text = seen.len();
        p.place_run &= p.ints == p.filled && p.filled > 0;
        p
    }

    fn most(&self, n: usize) -> bool {
        self.filled > 0 && n * 2 > self.filled
    }
}

/// One number, not glued to letters ("28", " Âge 28", "28 ans"; not "M40", "18-29").
fn age_like(v: &str) -> bool {
    let runs: Vec<&str> = v
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .collect();
    if runs.len() != 1 || read_age(v).is_none() {
        return false;
    }
    let start = v.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    let end = start + runs[0].len();
    let glued = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    !glued(v[..start].chars().last()) && !glued(v[end..].chars().next())
}

fn check_with_values(field: Field, p: &Profile) -> Field {
    match field {
        // Numbers under "Gender" or "Division" are places within those groups.
        Field::Sex | Field::Category if p.most(p.ints) => Field::Ignore,
        Field::Place if p.most(p.times) => Field::ChipTime,
        Field::Age if p.most(p.years) => Field::BirthYear,
        Field::Age if p.filled > 0 && !p.most(p.ages) => Field::Category,
        Field::BirthYear if !p.most(p.years) && p.most(p.ages) => Field::Age,
        Field::ChipTime | Field::GunTime | Field::Split(_)
            if p.filled > 0 && !p.most(p.times + p.statuses) =>
        {
            Field::Ignore
        }
        f => f,
    }
}

const NET_WORDS: &[&str] = &[
    "chip",
    "net",
    "чист",
    "нетто",
    "netto",
    "neto",
    "réel",
    "real",
    "таза",
];

/// Each field but Ignore and Split belongs to one column. Of two chip-time columns the
/// one named net/chip stays, the other is taken for the gun time.
fn settle_duplicates(columns: &mut [Option<Field>], headers: &[String]) {
    let chips: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i] == Some(Field::ChipTime))
        .collect();
    let has_gun = columns.contains(&Some(Field::GunTime));
    if chips.len() >= 2 && !has_gun {
        let named_net = |i: &&usize| {
            NET_WORDS
                .iter()
                .any(|w| normalize(&headers[**i]).contains(w))
        };
        let keep = chips.iter().find(named_net).copied().unwrap_or(chips[0]);
        if let Some(&gun) = chips.iter().find(|&&i| i != keep) {
            columns[gun] = Some(Field::GunTime);
        }
    }
    for i in 0..columns.len() {
        let Some(f) = columns[i].clone() else {
            continue;
        };
        if f.single() && columns[..i].contains(&Some(f)) {
            columns[i] = Some(Field::Ignore);
        }
    }
    // "Nom" + "Prénom", "Имя" + "Фамилия", "Name" + "Vorname": the lone Name is the
    // other half.
    let has = |f: Field| columns.contains(&Some(f));
    let other_half = match (has(Field::FirstName), has(Field::LastName)) {
        (true, false) => Some(Field::LastName),
        (false, true) => Some(Field::FirstName),
        _ => None,
    };
    if let Some(half) = other_half {
        if let Some(c) = columns.iter_mut().find(|c| **c == Some(Field::Name)) {
            *c = Some(half);
        }
    }
}

/// Columns whose header says nothing get a meaning from their values when a field is
/// still free: times (the last one is the finish), sexes, places, names.
fn guess_unnamed(columns: &mut [Option<Field>], profiles: &[Profile], headers: &[String]) {
    let free = |columns: &[Option<Field>], f: &Field| !columns.contains(&Some(f.clone()));
    let timed: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].is_none() && profiles[i].most(profiles[i].times))
        .collect();
    let no_time = free(columns, &Field::ChipTime) && free(columns, &Field::GunTime);
    for (k, &i) in timed.iter().enumerate() {
        columns[i] = Some(if no_time && k + 1 == timed.len() {
            Field::ChipTime
        } else if headers[i].trim().is_empty() {
            Field::Split(format!("Split {}", k + 1))
        } else {
            Field::Split(headers[i].trim().to_string())
        });
    }
    for i in 0..columns.len() {
        if columns[i].is_some() {
            continue;
        }
        let p = &profiles[i];
        let guess = if p.most(p.sexes) && free(columns, &Field::Sex) {
            Field::Sex
        } else if p.place_run && free(columns, &Field::Place) {
            Field::Place
        } else {
            continue;
        };
        columns[i] = Some(guess);
    }
    // A file without a name column: the text column with the most different values.
    let named = [Field::Name, Field::FirstName, Field::LastName];
    if named.iter().all(|f| free(columns, f)) {
        let best = (0..columns.len())
            .filter(|&i| columns[i].is_none() && profiles[i].most(profiles[i].letters))
            .max_by_key(|&i| profiles[i].distinct_text);
        if let Some(i) = best {
            columns[i] = Some(Field::Name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header_names() {
        use Field::*;
        let split = |s: &str| Some(Split(s.to_string()));
        let table = [
            ("Bib", Some(Bib)),
            ("No.", Some(Bib)),
            ("Номер", Some(Bib)),
            ("Нөмір", Some(Bib)),
            ("Startnummer", Some(Bib)),
            ("Dossard", Some(Bib)),
            ("Dorsal", Some(Bib)),
            ("Name", Some(Name)),
            ("ФИО", Some(Name)),
            ("Имя", Some(Name)),
            ("Аты-жөні", Some(Name)),
            ("Nom", Some(Name)),
            ("Nombre", Some(Name)),
            ("Фамилия Имя", Some(Name)),
            ("Nom Prénom", Some(Name)),
            ("First Name", Some(FirstName)),
            ("Vorname", Some(FirstName)),
            ("Prénom", Some(FirstName)),
            ("Surname", Some(LastName)),
            ("Фамилия", Some(LastName)),
            ("Apellidos", Some(LastName)),
            ("Official Time", Some(ChipTime)),
            ("Net", Some(ChipTime)),
            ("Chip Time", Some(ChipTime)),
            ("Чистое время", Some(ChipTime)),
            ("Nettozeit", Some(ChipTime)),
            ("Netto", Some(ChipTime)),
            ("temps", Some(ChipTime)),
            ("Tiempo", Some(ChipTime)),
            ("Уақыт", Some(ChipTime)),
            ("Gun", Some(GunTime)),
            ("Gun Time", Some(GunTime)),
            ("Brutto", Some(GunTime)),
            ("Время", Some(GunTime)),
            ("Temps brut", Some(GunTime)),
            ("M/F", Some(Sex)),
            ("Sex", Some(Sex)),
            ("Gender", Some(Sex)),
            ("Пол", Some(Sex)),
            ("Жынысы", Some(Sex)),
            ("Geschlecht", Some(Sex)),
            ("sexe", Some(Sex)),
            ("Sexo", Some(Sex)),
            ("Age", Some(Age)),
            ("Возраст", Some(Age)),
            ("Жасы", Some(Age)),
            ("Âge", Some(Age)),
            ("Jahrgang", Some(BirthYear)),
            ("Год рождения", Some(BirthYear)),
            ("Г.р.", Some(BirthYear)),
            ("Category", Some(Category)),
            ("Age Group", Some(Category)),
            ("Категория", Some(Category)),
            ("Altersklasse", Some(Category)),
            ("Catégorie", Some(Category)),
            ("Club", Some(Club)),
            ("Команда", Some(Club)),
            ("Verein", Some(Club)),
            ("Équipe", Some(Club)),
            ("City", Some(City)),
            ("Город", Some(City)),
            ("Ville", Some(City)),
            ("Country", Some(Country)),
            ("Nationality", Some(Country)),
            ("Страна", Some(Country)),
            ("Place", Some(Place)),
            ("Overall", Some(Place)),
            ("Место", Some(Place)),
            ("Орын", Some(Place)),
            ("Platz", Some(Place)),
            ("Clt", Some(Place)),
            ("Classement", Some(Place)),
            ("Puesto", Some(Place)),
            ("rang", Some(Place)),
            ("Status", Some(Status)),
            ("Статус", Some(Status)),
            ("statut", Some(Status)),
            ("Distance", Some(Distance)),
            ("Дистанция", Some(Distance)),
            ("Race", Some(Distance)),
            ("5K", split("5K")),
            ("Half", split("Half")),
            ("21.1 km", split("21.1 km")),
            ("Split 1", split("Split 1")),
            ("CP3", split("CP3")),
            ("Отсечка 2", split("Отсечка 2")),
            ("km 30", split("km 30")),
            ("Pace", Some(Ignore)),
            ("Pace/km", Some(Ignore)),
            ("Темп", Some(Ignore)),
            ("Proj Time", Some(Ignore)),
            ("Gender Place", Some(Ignore)),
            ("Место в категории", Some(Ignore)),
            ("Clt Cat", Some(Ignore)),
            ("State", Some(Ignore)),
            ("", None),
            ("Citizen", Some(Country)),
            ("Whatever", None),
        ];
        for (header, want) in table {
            assert_eq!(header_field(header), want, "{header:?}");
        }
    }

    #[test]
    fn ages_are_not_categories() {
        let table = [
            ("28", true),
            (" Âge 28", true),
            ("28 ans", true),
            ("M40", false),
            ("18-29", false),
            ("V1", false),
            ("1990", false),
        ];
        for (text, want) in table {
            assert_eq!(age_like(text), want, "{text:?}");
        }
    }

    #[test]
    fn names_events_and_distances() {
        assert_eq!(
            event_name_from_file("boston_marathon_2017.csv"),
            "Boston Marathon 2017"
        );
        assert_eq!(
            event_name_from_file("C:\\exports\\Almaty-10K.csv"),
            "Almaty 10K"
        );
        assert_eq!(event_name_from_file(".csv"), "Results");
        assert_eq!(distance_id("Marathon", Some(42.195)), "42k");
        assert_eq!(distance_id("x", Some(3.5)), "3-5k");
        assert_eq!(distance_id("Кросс", None), "kross");
        assert_eq!(distance_id("!!", None), "race");
        assert_eq!(unique_id("10k", &["10k", "10k-2"]), "10k-3");
        assert_eq!(distance_name(Some(10.0)), "10 km");
        assert_eq!(distance_name(None), "Race");
    }
}
