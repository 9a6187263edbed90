//! What a header names: normalised, accents folded, then matched against the
//! vocabulary (exact names first, then looser keywords).

use super::vocabulary::*;
use super::Field;
use crate::import::values::{km_in, NameOrder};
use crate::search::letters::plain_latin_letter;

pub(super) fn normalize(header: &str) -> String {
    let lower = fold_accents(&header.to_lowercase().replace('_', " "));
    let trimmed = lower.trim().trim_end_matches(['.', ':', '*']).trim();
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Headers match with or without accents ("Catégorie", "Categorie"), folded by the
/// search's table (`search::letters`); Cyrillic headers are matched as written.
fn fold_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !plain_latin_letter(c, &mut out) {
            out.push(c);
        }
    }
    out
}

/// Whether a normalized header contains a word from a list (accents folded).
fn mentions(h: &str, list: &[&str]) -> bool {
    list.iter().any(|k| h.contains(fold_accents(k).as_str()))
}

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
pub(super) fn name_order_of(header: &str) -> Option<NameOrder> {
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
pub(super) fn header_field(header: &str) -> Option<Field> {
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
    let leg_word = words.iter().any(|w| {
        LEG_WORDS.iter().any(|l| {
            let l = fold_accents(l);
            w.strip_prefix(l.as_str())
                .is_some_and(|rest| rest.bytes().all(|b| b.is_ascii_digit()))
        })
    });
    if leg_word {
        return Some(if has_word(LEG_NAME_WORDS) {
            Field::LegName
        } else if has_word(LEG_BIB_WORDS) {
            Field::LegBib
        } else {
            Field::LegTime
        });
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
}
