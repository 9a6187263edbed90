//! Status and sex words in the languages timing exports are written in.

use crate::domain::{Sex, Status};

fn fold_word(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    let trimmed = lower.trim_end_matches(['.', '*', '!', ' ']);
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

const FINISHED: &[&str] = &[
    "finished",
    "finisher",
    "finish",
    "fin",
    "ok",
    "arrivée",
    "arrivee",
    "arrivé",
    "arrive",
    "classé",
    "classe",
    "финиш",
    "финишировал",
    "финишировала",
    "финишировал(а)",
    "мәре",
    "мәреге жетті",
    "ziel",
    "im ziel",
    "finalizado",
    "finalizó",
    "llegada",
    "terminado",
    "complete",
    "completed",
];
const DNF: &[&str] = &[
    "dnf",
    "did not finish",
    "сошёл",
    "сошел",
    "сошла",
    "сошел(а)",
    "сошёл(а)",
    "сход",
    "снят",
    "снялся",
    "не финишировал",
    "не финишировала",
    "мәреге жетпеді",
    "жетпеді",
    "abandon",
    "ab",
    "abd",
    "abandonné",
    "abandonne",
    "aufgabe",
    "aufgegeben",
    "ausgestiegen",
    "retiré",
    "retire",
    "retirado",
    "abandono",
    "no finalizó",
    "otl",
    "over time",
    "overtime",
    "cut off",
    "cutoff",
    "dnc",
    "not finished",
    "no termina",
];
const DNS: &[&str] = &[
    "dns",
    "did not start",
    "н/с",
    "нс",
    "н/я",
    "неявка",
    "не стартовал",
    "не стартовала",
    "не стартовал(а)",
    "стартқа шықпады",
    "шықпады",
    "non partant",
    "non-partant",
    "np",
    "absent",
    "nicht gestartet",
    "nicht angetreten",
    "no presentado",
    "no salió",
    "ns",
    "no show",
    "not started",
    "dne",
    "не старт",
];
const DSQ: &[&str] = &[
    "dsq",
    "dq",
    "disq",
    "disqualified",
    "дискв",
    "дисквалифицирован",
    "дисквалифицирована",
    "дисквалификация",
    "дисқ",
    "дисквалификацияланды",
    "disqualifié",
    "disqualifie",
    "disqualifiée",
    "disqualifiziert",
    "disqualifikation",
    "descalificado",
    "descalificada",
    "dis",
    "mp",
    "missing punch",
];

/// The status a word stands for in any of the languages we read, or None.
pub fn status_word(text: &str) -> Option<Status> {
    let w = fold_word(text);
    let w = w.as_str();
    if FINISHED.contains(&w) {
        Some(Status::Finished)
    } else if DNF.contains(&w) {
        Some(Status::Dnf)
    } else if DNS.contains(&w) {
        Some(Status::Dns)
    } else if DSQ.contains(&w) {
        Some(Status::Dsq)
    } else {
        None
    }
}

const MEN: &[&str] = &[
    "m",
    "male",
    "man",
    "men",
    "masculin",
    "masculino",
    "herren",
    "herr",
    "mann",
    "männlich",
    "h",
    "homme",
    "hommes",
    "hombre",
    "м",
    "муж",
    "мужской",
    "мужчины",
    "мужчина",
    "е",
    "ер",
    "ерлер",
];
const WOMEN: &[&str] = &[
    "f",
    "w",
    "female",
    "woman",
    "women",
    "féminin",
    "feminin",
    "femme",
    "femmes",
    "femenino",
    "mujer",
    "damen",
    "dame",
    "frau",
    "weiblich",
    "ж",
    "жен",
    "женский",
    "женщины",
    "женщина",
    "ә",
    "әйел",
    "әйелдер",
];
const OTHER: &[&str] = &["x", "nb", "non-binary", "nonbinary", "other"];

pub fn read_sex(text: &str) -> Option<Sex> {
    read_sex_in(text, false)
}

/// Spanish exports write H (hombre) and M (mujer): in a column that has H and no F,
/// M is a woman.
pub fn read_sex_in(text: &str, m_is_woman: bool) -> Option<Sex> {
    let w = fold_word(text);
    let w = w.as_str();
    if m_is_woman && w == "m" {
        Some(Sex::F)
    } else if MEN.contains(&w) {
        Some(Sex::M)
    } else if WOMEN.contains(&w) {
        Some(Sex::F)
    } else if OTHER.contains(&w) {
        Some(Sex::X)
    } else {
        None
    }
}

/// Whether a sex column writes H for men and M for women.
pub fn m_is_woman<'a>(cells: impl Iterator<Item = &'a str>) -> bool {
    let (mut h, mut f) = (false, false);
    for c in cells {
        match c.trim() {
            "H" | "h" => h = true,
            "F" | "f" | "W" | "w" => f = true,
            _ => {}
        }
    }
    h && !f
}
