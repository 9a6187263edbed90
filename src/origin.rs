//! Whose results a page shows. A results file comes from the viewer's own origin unless
//! the deployment lists other origins (the `results-origins` meta tag of index.html):
//! otherwise a link could show anyone's file under the organizer's address.
//! Origins are compared as the browser serializes them (`scheme://host[:port]`).

/// What the viewer may do with a results file from some origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    /// The page's own origin.
    Own,
    /// Another origin that the deployment allows; shown on screen as the source.
    Allowed(String),
    /// Another origin that the deployment does not allow.
    Refused(String),
}

/// Decides on `origin` (the browser's serialization of the file's URL origin).
pub fn access(origin: &str, page_origin: &str, allowed: &[String]) -> Access {
    let origin = normalize(origin).unwrap_or_else(|| origin.to_string());
    if Some(&origin) == normalize(page_origin).as_ref() {
        Access::Own
    } else if allowed.contains(&origin) {
        Access::Allowed(origin)
    } else {
        Access::Refused(origin)
    }
}

/// The allowed origins from the meta tag's content: separated by spaces or commas; an
/// entry that is not a plain http(s) origin (a path, a wildcard, another scheme) is left
/// out, so a typo cannot widen the list.
pub fn parse_allowed(content: &str) -> Vec<String> {
    let mut list: Vec<String> = Vec::new();
    for origin in content
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter_map(normalize)
    {
        if !list.contains(&origin) {
            list.push(origin);
        }
    }
    list
}

/// `scheme://host[:port]` in lower case without a default port or a trailing slash;
/// None for anything else.
pub fn normalize(origin: &str) -> Option<String> {
    let o = origin.trim().trim_end_matches('/').to_ascii_lowercase();
    let (scheme, host) = o.split_once("://")?;
    let default_port = match scheme {
        "http" => ":80",
        "https" => ":443",
        _ => return None,
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !host_ok {
        return None;
    }
    let host = host.strip_suffix(default_port).unwrap_or(host);
    Some(format!("{scheme}://{host}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://organizer.example";

    #[test]
    fn own_origin_and_allowed_ones() {
        let allowed = parse_allowed("https://timing.example, http://127.0.0.1:9000");
        assert_eq!(
            access("https://organizer.example", PAGE, &allowed),
            Access::Own
        );
        assert_eq!(
            access("HTTPS://Organizer.example:443", PAGE, &allowed),
            Access::Own
        );
        assert_eq!(
            access("https://timing.example", PAGE, &allowed),
            Access::Allowed("https://timing.example".into())
        );
        assert_eq!(
            access("http://127.0.0.1:9000", PAGE, &allowed),
            Access::Allowed("http://127.0.0.1:9000".into())
        );
    }

    #[test]
    fn everything_else_is_refused() {
        let allowed = parse_allowed("https://timing.example");
        for other in [
            "https://other.example",
            "http://timing.example",
            "https://timing.example:8443",
            "https://organizer.example.evil.example",
            "http://organizer.example",
            "null",
        ] {
            assert!(
                matches!(access(other, PAGE, &allowed), Access::Refused(_)),
                "{other}"
            );
        }
        assert!(
            matches!(access("https://x.example", PAGE, &[]), Access::Refused(o) if o == "https://x.example")
        );
    }

    #[test]
    fn only_plain_origins_are_listed() {
        assert_eq!(
            parse_allowed(" https://a.example/  *  https://b.example/path ftp://c.example https://*.d.example http://e.example:80 https://a.example"),
            vec!["https://a.example".to_string(), "http://e.example".to_string()]
        );
        assert!(parse_allowed("").is_empty());
    }
}
