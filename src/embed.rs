//! What an organizer's page needs to embed the viewer: the brand parameters (`accent`,
//! `font`) read strictly and turned into CSS custom properties, and the iframe code the
//! "Embed" panel writes. Pure: the browser edge applies what these return.

/// The fonts an organizer may pick, by name, and the CSS stack each stands for. Only
/// these stacks ever reach the stylesheet: a URL can choose a font, never write CSS.
/// Every stack is local (no web font), so the strict CSP holds, and ends in a generic
/// family that has Cyrillic.
pub const FONTS: [(&str, &str); 6] = [
    (
        "system",
        r#"system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif"#,
    ),
    (
        "serif",
        r#"Georgia, Cambria, "Times New Roman", "Noto Serif", serif"#,
    ),
    (
        "rounded",
        r#"ui-rounded, "SF Pro Rounded", "Arial Rounded MT Bold", Nunito, system-ui, sans-serif"#,
    ),
    (
        "humanist",
        r#"Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", sans-serif"#,
    ),
    (
        "geometric",
        r#"Avenir, Montserrat, Corbel, "URW Gothic", "Century Gothic", sans-serif"#,
    ),
    (
        "mono",
        r#"ui-monospace, "Cascadia Code", "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace"#,
    ),
];

/// The custom properties `brand_properties` may set; the stylesheet reads each with a
/// fallback, so an absent one leaves the theme's own colour or font.
pub const BRAND_PROPERTIES: [&str; 3] = ["--brand-accent", "--brand-accent-dark", "--brand-font"];

/// The `message` the embedded page posts to its parent whenever its height changes.
pub const HEIGHT_MESSAGE: &str = "results-viewer:height";

/// The font's canonical name when it is one of FONTS (any case), else None.
pub fn font_name(name: &str) -> Option<&'static str> {
    let name = name.trim();
    FONTS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(n, _)| *n)
}

pub fn font_stack(name: &str) -> Option<&'static str> {
    let name = font_name(name)?;
    FONTS.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
const BLACK: Rgb = Rgb(0, 0, 0);
/// The backgrounds accent-coloured text sits on, per theme (style/main.css: --bg, --surface).
const LIGHT_BACKGROUNDS: [Rgb; 2] = [WHITE, Rgb(0xf4, 0xf6, 0xf9)];
const DARK_BACKGROUNDS: [Rgb; 2] = [Rgb(0x10, 0x13, 0x18), Rgb(0x1b, 0x20, 0x28)];
/// WCAG AA for normal text.
const READABLE: f64 = 4.5;

impl Rgb {
    /// Reads "0b57d0", "#0B57D0" or the short "f80"; nothing else (no names, no functions).
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim();
        let hex = hex.strip_prefix('#').unwrap_or(hex);
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(hex.get(i..i + 1)?, 16).ok();
        let pair = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgb(pair(0)?, pair(2)?, pair(4)?)),
            _ => None,
        }
    }

    /// "0b57d0": the form the URL keeps.
    pub fn hex(self) -> String {
        format!("{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// "#0b57d0": the form CSS gets.
    pub fn css(self) -> String {
        format!("#{}", self.hex())
    }

    /// WCAG relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// `t` of the way from self to `other` (0: self, 1: other).
    fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

/// WCAG contrast ratio, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The nearest colour to `c` on the way to `toward` that text can be read in on every
/// background: the organizer's colour when it already is, else a darker (light theme)
/// or lighter (dark theme) shade of it.
fn readable_on(c: Rgb, backgrounds: &[Rgb], toward: Rgb) -> Rgb {
    (0..=40)
        .map(|step| c.mix(toward, step as f64 / 40.0))
        .find(|m| backgrounds.iter().all(|b| contrast(*m, *b) >= READABLE))
        .unwrap_or(toward)
}

/// The accent for the light theme and for the dark theme.
pub fn accent_shades(c: Rgb) -> (Rgb, Rgb) {
    (
        readable_on(c, &LIGHT_BACKGROUNDS, BLACK),
        readable_on(c, &DARK_BACKGROUNDS, WHITE),
    )
}

/// The CSS custom properties for an organizer's brand, from already validated URL values
/// (an invalid value gives nothing, so the theme's own colours stay).
pub fn brand_properties(accent: Option<&str>, font: Option<&str>) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(c) = accent.and_then(Rgb::parse) {
        let (light, dark) = accent_shades(c);
        out.push(("--brand-accent", light.css()));
        out.push(("--brand-accent-dark", dark.css()));
    }
    if let Some(stack) = font.and_then(font_stack) {
        out.push(("--brand-font", stack.to_string()));
    }
    out
}

/// "https://results.example.org" of "https://results.example.org/2024/?src=r.json".
pub fn origin_of(url: &str) -> Option<&str> {
    let scheme_end = url.find("://")? + 3;
    let rest = &url[scheme_end..];
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    (host_end > 0).then(|| &url[..scheme_end + host_end])
}

/// The code an organizer pastes into their page: the iframe showing `viewer_url`, and a
/// listener that sets its height from the viewer's messages, trusting only messages from
/// the viewer's origin and from that iframe.
pub fn iframe_code(viewer_url: &str, title: &str) -> String {
    let origin = origin_of(viewer_url).unwrap_or("");
    format!(
        r#"<iframe id="results-viewer" src="{src}" title="{title}" style="width:100%;height:640px;border:0" loading="lazy"></iframe>
<script>
addEventListener("message", function (e) {{
  var frame = document.getElementById("results-viewer");
  if (!frame || e.origin !== {origin} || e.source !== frame.contentWindow) return;
  if (e.data && e.data.type === "{message}" && typeof e.data.height === "number") {{
    frame.style.height = Math.ceil(e.data.height) + "px";
  }}
}});
</script>
"#,
        src = attribute(viewer_url),
        title = attribute(title),
        origin = js_string(origin),
        message = HEIGHT_MESSAGE,
    )
}

/// Text safe inside a double-quoted HTML attribute.
fn attribute(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A JavaScript string literal that cannot end the <script> it sits in.
fn js_string(s: &str) -> String {
    serde_json::to_string(s)
        .unwrap_or_else(|_| "\"\"".into())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_hex_only() {
        for (text, want) in [
            ("0b57d0", Some(Rgb(0x0b, 0x57, 0xd0))),
            ("#0B57D0", Some(Rgb(0x0b, 0x57, 0xd0))),
            (" f80 ", Some(Rgb(0xff, 0x88, 0x00))),
            ("#000", Some(Rgb(0, 0, 0))),
            ("red", None),
            ("0b57d", None),
            ("0b57d0ff", None),
            ("0b57d0;}body{x:y", None),
            ("var(--x)", None),
            ("+1+2+3", None),
            ("", None),
            ("#", None),
            ("ффф", None),
        ] {
            assert_eq!(Rgb::parse(text), want, "{text:?}");
        }
        assert_eq!(Rgb(0x0b, 0x57, 0xd0).hex(), "0b57d0");
        assert_eq!(Rgb(255, 136, 0).css(), "#ff8800");
    }

    #[test]
    fn fonts_come_from_the_list() {
        assert_eq!(font_name("Serif"), Some("serif"));
        assert_eq!(font_name(" mono"), Some("mono"));
        for bad in [
            "Comic Sans",
            "serif;color:red",
            "",
            "sans-serif",
            "system-ui",
        ] {
            assert_eq!(font_name(bad), None, "{bad}");
            assert_eq!(font_stack(bad), None, "{bad}");
        }
        for (name, stack) in FONTS {
            assert_eq!(font_stack(name), Some(stack));
            assert!(!stack.contains([';', '{', '}', '(', ')']), "{stack}");
        }
    }

    #[test]
    fn accents_stay_readable_in_both_themes() {
        for hex in [
            "0b57d0", "ffd400", "ffffff", "000000", "e30613", "00a651", "8ab4ff", "777",
        ] {
            let (light, dark) = accent_shades(Rgb::parse(hex).unwrap());
            for bg in LIGHT_BACKGROUNDS {
                assert!(contrast(light, bg) >= READABLE, "{hex} light on {bg:?}");
            }
            for bg in DARK_BACKGROUNDS {
                assert!(contrast(dark, bg) >= READABLE, "{hex} dark on {bg:?}");
            }
            // White text on the light accent, dark text on the dark one (buttons).
            assert!(contrast(light, WHITE) >= READABLE, "{hex}");
            assert!(contrast(dark, Rgb(0x0b, 0x12, 0x20)) >= READABLE, "{hex}");
        }
        // A colour that is already readable is kept as the organizer gave it.
        let blue = Rgb(0x0b, 0x57, 0xd0);
        assert_eq!(accent_shades(blue).0, blue);
        let pale = Rgb(0x8a, 0xb4, 0xff);
        assert_eq!(accent_shades(pale).1, pale);
    }

    #[test]
    fn brand_properties_only_from_valid_values() {
        let p = brand_properties(Some("0b57d0"), Some("serif"));
        let names: Vec<&str> = p.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, BRAND_PROPERTIES);
        assert_eq!(p[0].1, "#0b57d0");
        assert!(p[2].1.starts_with("Georgia"));
        assert!(brand_properties(Some("red"), Some("Papyrus")).is_empty());
        assert!(brand_properties(None, None).is_empty());
    }

    #[test]
    fn origins() {
        for (url, want) in [
            (
                "https://r.example.org/2024/?src=r.json",
                Some("https://r.example.org"),
            ),
            (
                "http://127.0.0.1:8080/?embed=1",
                Some("http://127.0.0.1:8080"),
            ),
            ("http://127.0.0.1:8080", Some("http://127.0.0.1:8080")),
            ("https://x.org?x=1", Some("https://x.org")),
            ("file:///home/a/index.html", None),
            ("results.json", None),
        ] {
            assert_eq!(origin_of(url), want, "{url}");
        }
    }

    #[test]
    fn iframe_code_escapes_what_it_quotes() {
        let code = iframe_code(
            "https://r.example.org/?src=a.json&lang=ru&embed=1",
            r#"Race "<b>" & co"#,
        );
        assert!(code.contains(r#"src="https://r.example.org/?src=a.json&amp;lang=ru&amp;embed=1""#));
        assert!(code.contains(r#"title="Race &quot;&lt;b&gt;&quot; &amp; co""#));
        assert!(code.contains(r#"e.origin !== "https://r.example.org""#));
        assert!(code.contains(HEIGHT_MESSAGE));
        assert_eq!(code.matches("<script>").count(), 1);
        assert_eq!(code.matches("</script>").count(), 1);
        // A hostile address cannot close the script or the attribute.
        let evil = iframe_code(r#"https://x.org"></iframe><script>alert(1)</script>"#, "t");
        assert_eq!(evil.matches("</script>").count(), 1, "{evil}");
        assert!(!evil.contains(r#""></iframe><script>"#), "{evil}");
    }
}
