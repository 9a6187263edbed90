//! Offline use, in the page footer: "Save offline copy" downloads one HTML file holding
//! the viewer (its wasm as base64, its JS and CSS inline) and the results on screen; it
//! opens from disk with no network. This component also starts the service worker
//! (installable app, cached shell and results) once the first file is on screen.
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;

use super::loader::{default_source, Source};
use super::state::{use_ui, LoadState};
use crate::dataset::Dataset;
use crate::web::browser;
use crate::web::load::{body_bytes, get};
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
}

#[derive(Clone, Copy, PartialEq)]
enum Saving {
    Idle,
    Busy,
    Failed,
}

#[component]
pub fn OfflineCopy() -> impl IntoView {
    let ui = use_ui();
    // After the first load, so the worker's downloads do not slow the first file; not
    // in an iframe (embed=1): a viewer on an organizer's page is not the runner's app.
    Effect::new(move |registered: Option<bool>| {
        if registered == Some(true) {
            return true;
        }
        let state = ui.load.get();
        if matches!(state, LoadState::Loading) {
            return false;
        }
        if !ui.embed.get_untracked() {
            let from_url =
                matches!(state, LoadState::Ready(_)) && ui.local_file.get_untracked().is_none();
            let results = match default_source(&ui) {
                Source::Url(url) if from_url => Some(url),
                _ => None,
            };
            // Once the first rows are painted and the page is idle: the worker's
            // install downloads the whole viewer again.
            browser::when_idle(move || offline::register_service_worker(results));
        }
        true
    });

    // A copy on disk cannot fetch the viewer's files to make another copy.
    let can_copy = offline::served_over_http() && !offline::is_offline_copy();
    let saving = RwSignal::new(Saving::Idle);
    let save = move |_| {
        let Some(data) = ui.dataset_untracked() else {
            return;
        };
        if saving.get_untracked() == Saving::Busy {
            return;
        }
        saving.set(Saving::Busy);
        let lang = ui.lang.get_untracked().code();
        let source = copy_source(&ui);
        spawn_local(async move {
            match offline_copy(&data, lang, &source).await {
                Some((name, html)) => {
                    browser::download_text(&name, "text/html", &html);
                    saving.set(Saving::Idle);
                }
                None => saving.set(Saving::Failed),
            }
        });
    };
    let shown = move || can_copy && ui.dataset().is_some();
    view! {
        <Show when=shown>
            <div class="file-open offline-copy">
                <button
                    type="button"
                    class="file-button"
                    data-testid="offline-copy"
                    disabled=move || saving.get() == Saving::Busy
                    on:click=save
                >
                    {move || {
                        let t = ui.texts();
                        if saving.get() == Saving::Busy { t.offline_copy_busy } else { t.offline_copy }
                    }}
                </button>
                <span class="hint">{move || ui.texts().offline_copy_hint}</span>
                <Show when=move || saving.get() == Saving::Failed>
                    <p class="offline-copy-error" role="alert">
                        {move || ui.texts().offline_copy_failed}
                    </p>
                </Show>
            </div>
        </Show>
    }
}

/// What the copy records as its results' source: the file's full address, or the name of
/// a file opened from the device (it was never on a site).
fn copy_source(ui: &super::state::Ui) -> String {
    if let Some(name) = ui.local_file.get_untracked() {
        return format!("local:{name}");
    }
    let src = ui
        .src
        .get_untracked()
        .unwrap_or_else(|| "results.json".into());
    web_sys::Url::new_with_base(&src, &browser::current_href())
        .map(|u| u.href())
        .unwrap_or(src)
}

/// The copy's file name and text; None when a part of the viewer could not be read.
async fn offline_copy(data: &Dataset, lang: &str, source: &str) -> Option<(String, String)> {
    let parts: Parts = serde_json::from_str(&fetch_text("offline-copy.json").await?).ok()?;
    let script = fetch_text(&parts.script).await?;
    let style = fetch_text(&parts.style).await?;
    let wasm = fetch_bytes(&parts.wasm).await?;
    let results = crate::format::to_json(&data.results).to_string();
    let title = &data.results.event.name;
    let html = page(
        &parts, lang, title, &style, &script, &wasm, &results, source,
    );
    Some((format!("{}.html", file_stem(title)), html))
}

async fn fetch_text(url: &str) -> Option<String> {
    String::from_utf8(fetch_bytes(url).await?).ok()
}

async fn fetch_bytes(url: &str) -> Option<Vec<u8>> {
    let response = get(url, web_sys::RequestCache::Default, None).await?;
    if !response.ok() {
        return None;
    }
    body_bytes(&response).await
}

/// The one-file viewer. Its CSP allows exactly its own inline script and style by their
/// sha256 (no 'unsafe-inline'), wasm compilation, and no network at all.
#[allow(clippy::too_many_arguments)] // one argument per part of the page, each used once
fn page(
    parts: &Parts,
    lang: &str,
    title: &str,
    style: &str,
    script: &str,
    wasm: &[u8],
    results: &str,
    source: &str,
) -> String {
    let csp = format!(
        "default-src 'none'; script-src 'sha256-{}' 'wasm-unsafe-eval'; style-src 'sha256-{}'; \
         img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'",
        parts.script_sha256, parts.style_sha256
    );
    let mut html = String::with_capacity(wasm.len() * 4 / 3 + results.len() + script.len() + 4096);
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
    html.push_str(style);
    html.push_str("</style>\n");
    html.push_str(&format!(
        "<script type=\"application/json\" id=\"{EMBEDDED_RESULTS_ID}\">"
    ));
    html.push_str(&json_in_script(results));
    html.push_str("</script>\n<script type=\"application/octet-stream\" id=\"viewer-wasm\">");
    base64_into(wasm, &mut html);
    html.push_str("</script>\n<script type=\"module\">");
    html.push_str(script);
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
