//! The one-file offline copy ("Save offline copy"): the viewer (its wasm as base64, its
//! JS and CSS inline), this on-demand module the same way (so the copy can still import
//! a CSV), and the results on screen. It opens from disk with no network. The viewer
//! calls `resultsExtras.offlineCopy(results, lang, source, title)`.
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::web::load::get;
use crate::web::offline::{self, EMBEDDED_RESULTS_ID};

/// offline-copy.json, written at build time by scripts/offline_build.mjs: the files the
/// copy inlines and the sha256 of each inline part, for the copy's own CSP.
#[derive(Deserialize)]
struct Parts {
    script: String,
    script_sha256: String,
    style: String,
    style_sha256: String,
    wasm: String,
    extras_script: String,
    extras_script_sha256: String,
    extras_wasm: String,
}

/// The copy's file name and text; None when a part of the viewer or the results could
/// not be read. `results` is the results file itself (a Blob) or its address.
pub async fn offline_copy(
    results: JsValue,
    lang: &str,
    source: &str,
    title: &str,
) -> Option<(String, String)> {
    let results = results_text(results).await?;
    let results = results.as_str();
    let parts: Parts = serde_json::from_str(&fetch_text("offline-copy.json").await?).ok()?;
    let inline = Inline {
        script: fetch_text(&parts.script).await?,
        style: fetch_text(&parts.style).await?,
        wasm: fetch_bytes(&parts.wasm).await?,
        extras_script: fetch_text(&parts.extras_script).await?,
        extras_wasm: fetch_bytes(&parts.extras_wasm).await?,
    };
    let html = page(&parts, &inline, lang, title, results, source);
    Some((format!("{}.html", file_stem(title)), html))
}

/// The built files the copy carries inside it.
struct Inline {
    script: String,
    style: String,
    wasm: Vec<u8>,
    extras_script: String,
    extras_wasm: Vec<u8>,
}

async fn results_text(results: JsValue) -> Option<String> {
    match results.dyn_into::<web_sys::Blob>() {
        Ok(blob) => JsFuture::from(blob.text()).await.ok()?.as_string(),
        Err(url) => fetch_text(&url.as_string()?).await,
    }
}

async fn fetch_text(url: &str) -> Option<String> {
    String::from_utf8(fetch_bytes(url).await?).ok()
}

async fn fetch_bytes(url: &str) -> Option<Vec<u8>> {
    let response = get(url, web_sys::RequestCache::Default, None).await?;
    if !response.ok() {
        return None;
    }
    response.binary().await.ok()
}

/// The one-file viewer. Its CSP allows exactly its own inline script and style by their
/// sha256 (no 'unsafe-inline'), wasm compilation, and no network at all.
fn page(
    parts: &Parts,
    inline: &Inline,
    lang: &str,
    title: &str,
    results: &str,
    source: &str,
) -> String {
    let csp = format!(
        "default-src 'none'; script-src 'sha256-{}' 'sha256-{}' 'wasm-unsafe-eval'; \
         style-src 'sha256-{}'; img-src data:; object-src 'none'; base-uri 'none'; \
         form-action 'none'",
        parts.script_sha256, parts.extras_script_sha256, parts.style_sha256
    );
    let wasm_len = inline.wasm.len() + inline.extras_wasm.len();
    let mut html = String::with_capacity(
        wasm_len * 4 / 3 + results.len() + inline.script.len() + inline.extras_script.len() + 4096,
    );
    html.push_str("<!DOCTYPE html>\n<html lang=\"");
    html.push_str(&escape_html(lang));
    html.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n"
    ));
    html.push_str("<meta name=\"theme-color\" content=\"#0b5fff\">\n");
    html.push_str(&format!(
        "<meta name=\"{}\" content=\"{}\">\n",
        offline::SOURCE_META,
        escape_html(source)
    ));
    html.push_str(&format!("<title>{}</title>\n", escape_html(title)));
    html.push_str("<link rel=\"icon\" href=\"data:,\">\n");
    // Inline text exactly as built: the CSP hashes are of these bytes.
    html.push_str("<style>");
    html.push_str(&inline.style);
    html.push_str("</style>\n");
    html.push_str(&format!(
        "<script type=\"application/json\" id=\"{EMBEDDED_RESULTS_ID}\">"
    ));
    html.push_str(&json_in_script(results));
    html.push_str("</script>\n<script type=\"application/octet-stream\" id=\"viewer-wasm\">");
    base64_into(&inline.wasm, &mut html);
    html.push_str("</script>\n<script type=\"application/octet-stream\" id=\"extras-wasm\">");
    base64_into(&inline.extras_wasm, &mut html);
    // The on-demand module first: it only defines resultsExtrasLoad, decoded on first use.
    html.push_str("</script>\n<script type=\"module\">");
    html.push_str(&inline.extras_script);
    html.push_str("</script>\n<script type=\"module\">");
    html.push_str(&inline.script);
    html.push_str("</script>\n</head>\n<body>\n");
    html.push_str("<noscript>This results viewer needs JavaScript and WebAssembly.</noscript>\n");
    html.push_str("</body>\n</html>\n");
    html
}

/// JSON can hold "<" only inside strings, where \u003c means the same: so no "</script>"
/// or "<!--" in a runner's name can end the data block early.
fn json_in_script(json: &str) -> String {
    json.replace('<', "\\u003c")
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// "Almaty Marathon 2021" -> "almaty-marathon-2021-offline"; letters of any script stay.
fn file_stem(event: &str) -> String {
    let mut stem = String::new();
    for c in event.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.chars().count() >= 60 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "results-offline".to_string()
    } else {
        format!("{stem}-offline")
    }
}

fn base64_into(bytes: &[u8], out: &mut String) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
}
