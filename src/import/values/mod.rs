//! Reading single cells the way timing exports write them, one job per file: time
//! cells, status and sex words, places and ages, name order, damaged text, slugs, km.
//! The lowest layer of the importer: it uses nothing else of it.

mod damage;
mod dates;
mod km;
mod names;
mod numbers;
mod slug;
mod time;
mod words;

pub use damage::{clean_text, looks_damaged};
pub use dates::{age_on, read_date};
pub use km::{km_in, km_text, HALF_KM, MARATHON_KM};
pub use names::{runner_name, NameOrder};
pub use numbers::{parse_decimal, read_age, read_birth_year, read_place};
pub use slug::slug;
pub use time::{read_time, TimeCell};
pub use words::{m_is_woman, read_sex, read_sex_in, status_word};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Sex, Status};

    #[test]
    fn reads_time_cells() {
        let table = [
            ("2:09:37", TimeCell::Time("2:09:37".into())),
            (" 00:59:38 ", TimeCell::Time("00:59:38".into())),
            ("59:38.4", TimeCell::Time("59:38.4".into())),
            ("1h02'03", TimeCell::Time("1:02:03".into())),
            ("2h09m37s", TimeCell::Time("2:09:37".into())),
            ("1.02.03", TimeCell::Time("1:02:03".into())),
            ("-", TimeCell::Missing),
            ("", TimeCell::Missing),
            ("--:--:--", TimeCell::Missing),
            ("0:00:00", TimeCell::Missing),
            ("DNF", TimeCell::Status(Status::Dnf)),
            ("Сошёл", TimeCell::Status(Status::Dnf)),
            ("Н/С", TimeCell::Status(Status::Dns)),
            ("dsq.", TimeCell::Status(Status::Dsq)),
            ("Abandon", TimeCell::Status(Status::Dnf)),
            ("Arrivée", TimeCell::Status(Status::Finished)),
            ("1h", TimeCell::Bad("1h".into())),
            ("soon", TimeCell::Bad("soon".into())),
            ("1:75:00", TimeCell::Bad("1:75:00".into())),
        ];
        for (text, want) in table {
            assert_eq!(read_time(text), want, "{text:?}");
        }
    }

    #[test]
    fn reads_small_values() {
        assert_eq!(read_place("17/1763"), Some(17));
        assert_eq!(read_place(" 3. "), Some(3));
        assert_eq!(read_place("=5"), Some(5));
        assert_eq!(read_place("0"), None);
        assert_eq!(read_place("DNF"), None);
        assert_eq!(read_age(" Âge 28"), Some(28));
        assert_eq!(read_age("28 ans"), Some(28));
        assert_eq!(read_age("1990"), None);
        assert_eq!(read_birth_year("01.05.1990"), Some(1990));
        assert_eq!(read_birth_year("1985-12-31"), Some(1985));
        assert_eq!(read_birth_year("85"), None);
        let sexes = [
            ("M ", Some(Sex::M)),
            ("f", Some(Sex::F)),
            ("W", Some(Sex::F)),
            ("Ж", Some(Sex::F)),
            ("муж", Some(Sex::M)),
            ("Femme", Some(Sex::F)),
            ("H", Some(Sex::M)),
            ("X", Some(Sex::X)),
            ("?", None),
        ];
        for (text, want) in sexes {
            assert_eq!(read_sex(text), want, "{text:?}");
        }
    }

    #[test]
    fn orders_names() {
        let table = [
            ("Kirui, Geoffrey", NameOrder::Auto, "Geoffrey Kirui"),
            (
                "Rama Gómez, Iván Sr.",
                NameOrder::Auto,
                "Iván Rama Gómez Sr.",
            ),
            ("Roncer  KIPKORIR", NameOrder::Auto, "Roncer KIPKORIR"),
            ("Kirui, Geoffrey", NameOrder::FirstLast, "Kirui, Geoffrey"),
            ("Иванов Иван", NameOrder::LastFirst, "Иван Иванов"),
            ("Madonna,", NameOrder::Auto, "Madonna"),
        ];
        for (raw, order, want) in table {
            assert_eq!(runner_name(raw, order), want, "{raw:?}");
        }
    }

    #[test]
    fn c1_controls_as_windows_1252() {
        use super::damage::c1_as_cp1252;
        assert_eq!(c1_as_cp1252('\u{92}'), Some('’'));
        assert_eq!(c1_as_cp1252('\u{81}'), None);
        assert_eq!(c1_as_cp1252('a'), None);
    }

    #[test]
    fn cleans_and_flags_text() {
        let table = [
            ("Umberto D\u{92}AGOSTINO", "Umberto D’AGOSTINO", true),
            ("Ana \u{8a}IRI?", "Ana ŠIRI?", true),
            ("JosÃ© Ã‰tienne", "JosÃ© Ã‰tienne", true),
            ("Ð˜Ð²Ð°Ð½", "Ð˜Ð²Ð°Ð½", true),
            ("a\u{1}b", "ab", true),
            ("José  Peña", "José Peña", false),
            ("Ñoño Âge", "Ñoño Âge", false),
            ("Tom YOUNG??", "Tom YOUNG??", true),
            ("? ?", "? ?", true),
            ("Who ?", "Who ?", false),
            ("two\nlines", "two lines", false),
        ];
        for (text, want, damaged) in table {
            assert_eq!(clean_text(text), want, "{text:?}");
            assert_eq!(looks_damaged(text), damaged, "{text:?}");
        }
    }

    #[test]
    fn slugs_and_distances() {
        assert_eq!(slug("21.1 km"), "21-1-km");
        assert_eq!(slug("Полумарафон"), "polumarafon");
        assert_eq!(slug("Épreuve 10 km!"), "epreuve-10-km");
        assert_eq!(slug("Қысқа"), "kyska");
        assert_eq!(slug("Айдын"), "aydyn");
        assert_eq!(slug("!!"), "");
        assert_eq!(parse_decimal("42.195"), Some(42.195));
        assert_eq!(parse_decimal("21,0975"), Some(21.0975));
        assert_eq!(parse_decimal("5400"), Some(5400.0));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        for bad in ["", ".", "1e3", "-1", "1.2.3", "abc", "99999999999999999999"] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
        assert_eq!(km_text(42.195), "42.195");
        assert_eq!(km_text(10.0), "10");
        assert_eq!(km_text(3.5), "3.5");
        assert_eq!(km_text(21.0975), "21.098");
        let table = [
            ("5K", false, Some(5.0)),
            ("21.1 km", false, Some(21.1)),
            ("km 30", false, Some(30.0)),
            ("10км", false, Some(10.0)),
            ("13.1 mi", false, Some(13.1 * 1.609344)),
            ("Half", false, Some(HALF_KM)),
            ("paris_half_marathon_2023.csv", false, Some(HALF_KM)),
            ("boston_marathon_2017", false, Some(MARATHON_KM)),
            ("Марафон", false, Some(MARATHON_KM)),
            ("Ultra 50 km", false, Some(50.0)),
            ("Split 1", false, None),
            ("42.195", true, Some(42.195)),
            ("42.195", false, None),
            ("2017", true, None),
        ];
        for (text, bare, want) in table {
            assert_eq!(km_in(text, bare), want, "{text:?}");
        }
    }
}
