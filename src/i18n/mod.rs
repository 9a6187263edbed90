//! Interface text in English, Russian and Kazakh, and number / date / money formats.
//! Every string a component shows comes from here; a missing key is a compile error.
pub mod messages;
mod texts;

pub use texts::Texts;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Ru,
    Kk,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Kk];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    /// Reads "ru", "ru-RU", "kk-KZ", "EN"...; None for languages we do not speak.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            "kk" | "kz" => Some(Lang::Kk),
            _ => None,
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Kk => "Қазақша",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &texts::EN,
            Lang::Ru => &texts::RU,
            Lang::Kk => &texts::KK,
        }
    }
}

/// Replaces `{0}`, `{1}`... in a pattern; patterns keep word order per language.
pub fn fill(pattern: &str, args: &[&str]) -> String {
    let mut out = pattern.to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}

/// Groups thousands: "600,000" in English, "600 000" (no-break space) in Russian and Kazakh.
pub fn format_int(n: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::En => ',',
        Lang::Ru | Lang::Kk => '\u{a0}',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A prize: "KZT 600,000" in English, "600 000 KZT" in Russian and Kazakh.
pub fn format_money(amount: u64, currency: Option<&str>, lang: Lang) -> String {
    let n = format_int(amount, lang);
    match (currency, lang) {
        (None, _) => n,
        (Some(c), Lang::En) => format!("{c}\u{a0}{n}"),
        (Some(c), _) => format!("{n}\u{a0}{c}"),
    }
}

/// "26 September 2021 · Republic Square": the event's date and place, as the header shows
/// them (empty when the file gives neither).
pub fn event_line(event: &crate::domain::Event, lang: Lang) -> String {
    let date = event.date.as_deref().and_then(|s| format_date(s, lang));
    let parts: Vec<String> = date.into_iter().chain(event.place.clone()).collect();
    parts.join(" · ")
}

/// "26 September 2021", "26 сентября 2021 г.", "2021 жылғы 26 қыркүйек"; None if not a date.
pub fn format_date(iso: &str, lang: Lang) -> Option<String> {
    use chrono::Datelike;
    let date = crate::format::parse_date(iso.get(..10)?)?;
    let (y, m, d) = (date.year(), date.month0() as usize, date.day());
    let t = lang.texts();
    Some(match lang {
        Lang::En => format!("{d} {} {y}", t.months[m]),
        Lang::Ru => format!("{d} {} {y} г.", t.months[m]),
        Lang::Kk => format!("{y} жылғы {d} {}", t.months[m]),
    })
}

/// A share as a whole percent, "87%".
pub fn tenths(x: f64) -> String {
    let t = (x * 10.0).round() as i64;
    let sign = if t < 0 { "-" } else { "" };
    let t = t.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// A share as a whole percent, "87%".
pub fn format_percent(share: f64) -> String {
    format!("{}%", (share * 100.0).floor() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_code("kk"), Some(Lang::Kk));
        assert_eq!(Lang::from_code("EN-us"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
    }

    #[test]
    fn numbers_and_money() {
        assert_eq!(format_int(600000, Lang::En), "600,000");
        assert_eq!(format_int(600000, Lang::Ru), "600\u{a0}000");
        assert_eq!(format_int(999, Lang::Kk), "999");
        assert_eq!(format_int(1234567, Lang::En), "1,234,567");
        assert_eq!(
            format_money(350000, Some("KZT"), Lang::En),
            "KZT\u{a0}350,000"
        );
        assert_eq!(
            format_money(350000, Some("KZT"), Lang::Kk),
            "350\u{a0}000\u{a0}KZT"
        );
        assert_eq!(format_money(5, None, Lang::Ru), "5");
    }

    #[test]
    fn dates() {
        assert_eq!(
            format_date("2021-09-26", Lang::En).as_deref(),
            Some("26 September 2021")
        );
        assert_eq!(
            format_date("2021-09-26", Lang::Ru).as_deref(),
            Some("26 сентября 2021 г.")
        );
        assert_eq!(
            format_date("2021-09-26", Lang::Kk).as_deref(),
            Some("2021 жылғы 26 қыркүйек")
        );
        assert_eq!(format_date("26.09.2021", Lang::En), None);
    }

    #[test]
    fn fill_keeps_order() {
        assert_eq!(fill("{1} ішінен {0}", &["12", "845"]), "845 ішінен 12");
    }
}
