//! The view as it lives in the URL (CONTRACT section 2), so a copied link reopens it.
//! Pure: reading and writing the query string; the browser edge calls these.

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct UrlState {
    pub src: Option<String>,
    pub q: String,
    pub distance: String,
    pub sex: String,
    pub category: String,
    pub status: String,
    pub sort: String,
    pub page: usize,
    pub runner: Option<String>,
    pub lang: Option<String>,
    pub theme: Option<String>,
    pub embed: bool,
    /// "podiums" or "teams" for those views; empty for the results list.
    pub view: String,
    /// Seconds between fetches of the file (live results); Some(0) turns live mode off
    /// even for provisional results.
    pub live: Option<u32>,
    /// The bibs the "My runners" filter shows; None when the filter is off.
    pub watch: Option<Vec<String>>,
    /// The organizer's accent colour as 6 lowercase hex digits (validated).
    pub accent: Option<String>,
    /// One of `embed::FONTS` by name (validated).
    pub font: Option<String>,
}

/// Live results are fetched again at most this often.
pub const LIVE_MIN_SECONDS: u32 = 15;
const LIVE_MAX_SECONDS: u32 = 86_400;

impl UrlState {
    /// Reads a query string ("?a=1&b=2" or "a=1&b=2"). Unknown keys are ignored.
    pub fn parse(query: &str) -> UrlState {
        let mut s = UrlState::default();
        for (k, v) in pairs(query) {
            match k.as_str() {
                "src" if !v.is_empty() => s.src = Some(v),
                "q" => s.q = v,
                "distance" => s.distance = v,
                "sex" => s.sex = v.to_ascii_uppercase(),
                "category" => s.category = v,
                "status" => s.status = v,
                "sort" => s.sort = v,
                "page" => s.page = v.parse().unwrap_or(0),
                "runner" if !v.is_empty() => s.runner = Some(v),
                "lang" if !v.is_empty() => s.lang = Some(v),
                "theme" if !v.is_empty() => s.theme = Some(v),
                "embed" => s.embed = v == "1" || v == "true",
                "view" => s.view = v,
                "live" => s.live = parse_live(&v),
                "watch" => s.watch = Some(watch_list(&v)),
                "accent" => s.accent = crate::embed::Rgb::parse(&v).map(|c| c.hex()),
                "font" => s.font = crate::embed::font_name(&v).map(str::to_string),
                _ => {}
            }
        }
        s
    }

    /// Writes the non-default parts, in a stable order, as "?a=1&b=2" (or "" when empty).
    pub fn to_query(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        let mut put = |k: &'static str, v: &str| {
            if !v.is_empty() {
                parts.push((k, encode(v)));
            }
        };
        put("src", self.src.as_deref().unwrap_or(""));
        put("view", &self.view);
        put("q", &self.q);
        put("distance", &self.distance);
        put("sex", &self.sex);
        put("category", &self.category);
        put("status", &self.status);
        put("sort", &self.sort);
        if self.page > 0 {
            put("page", &self.page.to_string());
        }
        put("runner", self.runner.as_deref().unwrap_or(""));
        put("lang", self.lang.as_deref().unwrap_or(""));
        put("theme", self.theme.as_deref().unwrap_or(""));
        if self.embed {
            put("embed", "1");
        }
        if let Some(secs) = self.live {
            put("live", &secs.to_string());
        }
        put("accent", self.accent.as_deref().unwrap_or(""));
        put("font", self.font.as_deref().unwrap_or(""));
        if let Some(bibs) = &self.watch {
            // Kept even when empty: the filter is on and shows nobody yet.
            let list: Vec<String> = bibs.iter().map(|b| encode(b)).collect();
            parts.push(("watch", list.join(",")));
        }
        if parts.is_empty() {
            return String::new();
        }
        let body: Vec<String> = parts.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("?{}", body.join("&"))
    }
}

/// Whether `src` may be fetched: relative URLs and http(s) only, never javascript:, data:,
/// file: or other schemes that could run code or read the disk.
pub fn src_is_allowed(src: &str) -> bool {
    let s = src.trim();
    if s.is_empty() || s.chars().any(|c| c.is_control()) {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return true;
    }
    // A scheme is letters/digits/+.- before the first ':' that comes before any '/', '?', '#'.
    let before = s.split(['/', '?', '#']).next().unwrap_or("");
    // Browsers read '\' as '/' in http(s) URLs, so "/\host" is "//host" too.
    let protocol_relative = lower.replace('\\', "/").starts_with("//");
    !before.contains(':') && !protocol_relative
}

/// "live=N": N seconds, at least LIVE_MIN_SECONDS; 0 is "off"; anything else is ignored.
fn parse_live(v: &str) -> Option<u32> {
    let secs: u32 = v.trim().parse().ok()?;
    Some(match secs {
        0 => 0,
        s => s.clamp(LIVE_MIN_SECONDS, LIVE_MAX_SECONDS),
    })
}

/// "101,102": the bibs in order, each once, blanks dropped. Split after decoding, as
/// tools write the comma as %2C (so a bib holding a comma cannot be shared).
fn watch_list(list: &str) -> Vec<String> {
    let mut bibs: Vec<String> = Vec::new();
    for bib in list.split(',') {
        let bib = bib.trim();
        if !bib.is_empty() && !bibs.iter().any(|b| b == bib) {
            bibs.push(bib.to_string());
        }
    }
    bibs
}

fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' | b':' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_contract_parameter() {
        let s = UrlState::parse(
            "?src=data%2Fr.json&q=%D0%90%D0%BC%D0%B0%D0%BD+gos&distance=42k&sex=f&category=M40\
             &runner=101&lang=kk&theme=dark&embed=1&view=podiums&page=2&x=ignored",
        );
        assert_eq!(s.src.as_deref(), Some("data/r.json"));
        assert_eq!(s.q, "Аман gos");
        assert_eq!(s.distance, "42k");
        assert_eq!(s.sex, "F");
        assert_eq!(s.category, "M40");
        assert_eq!(s.runner.as_deref(), Some("101"));
        assert_eq!(s.lang.as_deref(), Some("kk"));
        assert_eq!(s.theme.as_deref(), Some("dark"));
        assert!(s.embed);
        assert_eq!(s.view, "podiums");
        assert_eq!(s.page, 2);
    }

    #[test]
    fn round_trips() {
        let s = UrlState {
            q: "Islam Аманғос & co/100%".into(),
            distance: "21k".into(),
            sex: "M".into(),
            runner: Some("7".into()),
            lang: Some("ru".into()),
            embed: true,
            page: 3,
            ..Default::default()
        };
        let q = s.to_query();
        assert_eq!(UrlState::parse(&q), s, "{q}");
        assert_eq!(UrlState::default().to_query(), "");
    }

    #[test]
    fn live_watch_and_brand() {
        for (query, live) in [
            ("live=60", Some(60)),
            ("live=15", Some(15)),
            ("live=5", Some(15)),
            ("live=1", Some(15)),
            ("live=0", Some(0)),
            ("live=999999", Some(86_400)),
            ("live=soon", None),
            ("live=-30", None),
            ("live=", None),
        ] {
            assert_eq!(UrlState::parse(query).live, live, "{query}");
        }
        for (query, watch) in [
            ("watch=101,102", Some(vec!["101", "102"])),
            ("watch=101,,101,+7+", Some(vec!["101", "7"])),
            ("watch=15%2C11", Some(vec!["15", "11"])),
            ("watch=%D0%90", Some(vec!["А"])),
            ("watch=", Some(vec![])),
            ("q=x", None),
        ] {
            let want = watch.map(|w| w.into_iter().map(String::from).collect::<Vec<_>>());
            assert_eq!(UrlState::parse(query).watch, want, "{query}");
        }
        for (query, accent) in [
            ("accent=0B57D0", Some("0b57d0")),
            ("accent=%230b57d0", Some("0b57d0")),
            ("accent=f80", Some("ff8800")),
            ("accent=red", None),
            ("accent=0b57d0%3B%7D", None),
            ("accent=url(x)", None),
        ] {
            assert_eq!(UrlState::parse(query).accent.as_deref(), accent, "{query}");
        }
        for (query, font) in [
            ("font=serif", Some("serif")),
            ("font=MONO", Some("mono")),
            ("font=Papyrus", None),
            ("font=serif%3Bcolor%3Ared", None),
        ] {
            assert_eq!(UrlState::parse(query).font.as_deref(), font, "{query}");
        }
    }

    #[test]
    fn watch_and_brand_round_trip() {
        let s = UrlState {
            live: Some(30),
            watch: Some(vec!["101".into(), "A-1".into(), "Б 7".into()]),
            accent: Some("e30613".into()),
            font: Some("rounded".into()),
            embed: true,
            ..Default::default()
        };
        let q = s.to_query();
        assert!(q.contains("watch=101,A-1,%D0%91+7"), "{q}");
        assert_eq!(UrlState::parse(&q), s, "{q}");
        let on_but_empty = UrlState {
            watch: Some(vec![]),
            ..Default::default()
        };
        assert_eq!(on_but_empty.to_query(), "?watch=");
        assert_eq!(UrlState::parse(&on_but_empty.to_query()), on_but_empty);
    }

    #[test]
    fn broken_escapes_do_not_panic() {
        for q in ["%", "%G1", "a=%E2%82", "=&&=x", "q=%%%", "q=%e"] {
            let _ = UrlState::parse(q);
        }
        assert_eq!(UrlState::parse("q=100%").q, "100%");
    }

    #[test]
    fn only_relative_and_http_sources() {
        for ok in [
            "results.json",
            "data/2021.json",
            "/r.json",
            "./r.json?v=2",
            "http://example.org/r.json",
            "HTTPS://example.org/r.json",
            "r.json?time=10:00",
        ] {
            assert!(src_is_allowed(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:application/json,{}",
            "file:///etc/passwd",
            "ftp://x/r.json",
            "//evil.example/r.json",
            "/\\evil.example/r.json",
            "\\\\evil.example/r.json",
            "\\/evil.example/r.json",
            "",
            "blob:http://x/1",
            "java\tscript:alert(1)",
        ] {
            assert!(!src_is_allowed(bad), "{bad}");
        }
    }
}
