//! Offline use, in the page footer: "Save offline copy" downloads one HTML file holding
//! the viewer and the results on screen; it opens from disk with no network. The copy is
//! written by the on-demand module (crate::extras::offline_copy). This component also
//! starts the service worker (installable app, cached shell and results) once the first
//! file is on screen.
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

use super::state::{use_ui, LoadState, Ui, Work};
use crate::web::offline;
use crate::web::{browser, extras};

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
        // Results in parts: not while the whole file is still coming, so the worker's
        // downloads do not share the network with the parts a search waits for.
        let whole_coming = ui
            .parts
            .with(|p| p.as_ref().is_some_and(|p| p.whole_failed.is_none()));
        if matches!(&state, LoadState::Ready(d) if d.is_partial()) && whole_coming {
            return false;
        }
        if !ui.embed.get_untracked() {
            // Once the first rows are painted and the page is idle: the worker's
            // install downloads the whole viewer again.
            browser::when_idle(offline::register_service_worker);
        }
        true
    });

    // A copy on disk cannot fetch the viewer's files to make another copy.
    let can_copy = offline::served_over_http() && !offline::is_offline_copy();
    let saving = RwSignal::new(Work::Idle);
    let save = move |_| {
        let Some(data) = ui.dataset_untracked() else {
            return;
        };
        if saving.get_untracked() == Work::Busy {
            return;
        }
        saving.set(Work::Busy);
        let lang = ui.lang.get_untracked().code();
        let source = copy_source(&ui);
        let results = copy_results(&ui, &source);
        let title = data.results.event.name.clone();
        spawn_local(async move {
            match offline_copy(results, lang, &source, &title).await {
                Some((name, html)) => {
                    browser::download_text(&name, "text/html", &html);
                    saving.set(Work::Idle);
                }
                None => saving.set(Work::Failed),
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
                    disabled=move || saving.get() == Work::Busy
                    on:click=save
                >
                    {move || {
                        let t = ui.texts();
                        if saving.get() == Work::Busy { t.offline_copy_busy } else { t.offline_copy }
                    }}
                </button>
                <span class="hint">{ui.text(|t| t.offline_copy_hint)}</span>
                <Show when=move || saving.get() == Work::Failed>
                    <p class="offline-copy-error" role="alert">
                        {ui.text(|t| t.offline_copy_failed)}
                    </p>
                </Show>
            </div>
        </Show>
    }
}

/// What the copy records as its results' source: the file's full address, or the name of
/// a file opened from the device (it was never on a site).
fn copy_source(ui: &Ui) -> String {
    if let Some(name) = ui.local_file.get_untracked() {
        return format!("local:{name}");
    }
    // Results in parts: the copy holds the whole event, from the whole file.
    let src = super::parts::whole_url()
        .or_else(|| super::loader::loaded_from().map(|(_, url)| url))
        .or_else(|| ui.src.get_untracked())
        .unwrap_or_else(|| "results.json".into());
    web_sys::Url::new_with_base(&src, &browser::current_href())
        .map(|u| u.href())
        .unwrap_or(src)
}

/// The results the copy holds: the file on screen as it was read, not written anew
/// (so the writer stays out of the shell): an import's results JSON, the file opened from
/// the device, or else the address it came from, which the module downloads again
/// (usually from the browser's cache; live results give the newest version).
fn copy_results(ui: &Ui, source: &str) -> JsValue {
    if let Some(json) = ui.converted.get_untracked() {
        let parts = js_sys::Array::of1(&JsValue::from_str(&json));
        if let Ok(blob) = web_sys::Blob::new_with_str_sequence(&parts) {
            return blob.into();
        }
    }
    if let Some(file) = ui.local_blob.get_value() {
        return file.into();
    }
    JsValue::from_str(source)
}

/// Asks the on-demand module for the copy: its file name and text, or None when a part
/// of the viewer or the results could not be read.
async fn offline_copy(
    results: JsValue,
    lang: &str,
    source: &str,
    title: &str,
) -> Option<(String, String)> {
    let api = extras::load().await.ok()?;
    let args = [results, lang.into(), source.into(), title.into()];
    let answer = extras::call_async(&api, "offlineCopy", &args).await?;
    let pair: js_sys::Array = answer.dyn_into().ok()?;
    Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
}
