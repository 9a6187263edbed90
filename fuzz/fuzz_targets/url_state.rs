//! Any text as a query string and as a `src`: parsing never panics, writing the state
//! back and reading it again gives the same state, and an allowed `src` is one a
//! browser would fetch over http(s) or as a path on the viewer's own site, never
//! javascript:, data:... nor "//other-host".
#![no_main]
use libfuzzer_sys::fuzz_target;
use race_results::url_state::{src_is_allowed, UrlState};

/// The URL as a browser's parser (WHATWG) reads it: leading and trailing C0 controls
/// and spaces stripped, tabs and newlines removed anywhere.
fn cleaned(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|&c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme a browser would see, lowercased: letters, digits, + - . up to a ':',
/// starting with a letter.
fn browser_scheme(url: &str) -> Option<String> {
    let cleaned = cleaned(url);
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let state = UrlState::parse(&text);
    let query = state.to_query();
    assert_eq!(UrlState::parse(&query), state, "{query}");
    for src in [Some(text.as_ref()), state.src.as_deref()]
        .into_iter()
        .flatten()
    {
        if src_is_allowed(src) {
            let scheme = browser_scheme(src);
            assert!(
                matches!(scheme.as_deref(), None | Some("http" | "https")),
                "{src:?} allowed with scheme {scheme:?}"
            );
            // Without a scheme, a browser reads '\' as '/': "//host" is another host.
            if scheme.is_none() {
                let relative = cleaned(src).replace('\\', "/");
                assert!(
                    !relative.starts_with("//"),
                    "{src:?} allowed as protocol-relative"
                );
            }
        }
    }
});
