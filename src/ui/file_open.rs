//! Opening a results file from the device: a file picker, and drag and drop anywhere.
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::fresh::Fresh;
use super::loader::{start_load, Source};
use super::state::{dyn_text, use_ui, Work};
use crate::web::{browser, extras};

fn open_file(file: web_sys::File) {
    let ui = use_ui();
    ui.local_file.set(Some(file.name()));
    ui.local_blob.set_value(Some(file.clone().into()));
    ui.source.set(None);
    // A local file has no address: the shared link must not point at the old file.
    ui.src.set(None);
    ui.runner.set(None);
    ui.page.set(0);
    browser::scroll_to_top();
    start_load(ui, Source::File(file));
}

#[component]
pub fn FileOpen() -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="file-open">
            <label class="file-button">
                {ui.text(|t| t.open_file)}
                <input
                    type="file"
                    data-testid="file-input"
                    accept=".json,application/json,.csv,text/csv,.xml,text/xml"
                    on:change=move |ev| {
                        if let Some(f) = browser::first_file_of_input(&ev) {
                            open_file(f);
                        }
                    }
                />
            </label>
            <span class="hint">{ui.text(|t| t.drop_hint)}</span>
        </div>
    }
}

#[component]
pub fn DropZone(children: Children) -> impl IntoView {
    let (over, set_over) = signal(false);
    view! {
        <div
            class="drop-zone"
            class:drag-over=move || over.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                set_over.set(true);
            }
            on:dragleave=move |_| set_over.set(false)
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                set_over.set(false);
                if let Some(f) = browser::first_file_of_drop(&ev) {
                    open_file(f);
                }
            }
        >
            {children()}
        </div>
    }
}

/// The zip's file name: it unpacks into results.json and results-parts/.
const PARTS_ZIP: &str = "results-for-publishing.zip";

/// The viewer's link to the zip's head, once unpacked beside index.html.
const PARTS_LINK: &str = "?src=results-parts/head.json";

/// After an import: save the converted results to publish, as a results JSON file, or
/// as a zip of that file with its head and parts for big events (docs/parts.md), made
/// by the on-demand module.
#[component]
pub fn DownloadConverted() -> impl IntoView {
    let ui = use_ui();
    move || {
        let json = ui.converted.get()?;
        let save = {
            let json = json.clone();
            move |_: leptos::ev::MouseEvent| {
                browser::download_text("results.json", "application/json", &json);
            }
        };
        let zipping = RwSignal::new(Work::Idle);
        let save_zip = move |_: leptos::ev::MouseEvent| {
            if zipping.get_untracked() == Work::Busy {
                return;
            }
            zipping.set(Work::Busy);
            let json = json.clone();
            let lang = ui.lang.get_untracked().code();
            spawn_local(async move {
                let done = match parts_zip(&json, lang).await {
                    Some(bytes) => {
                        browser::download_bytes(PARTS_ZIP, "application/zip", &bytes);
                        Work::Idle
                    }
                    None => Work::Failed,
                };
                // The view may have gone (another file opened) while the zip was made.
                let _ = zipping.try_set(done);
            });
        };
        // The head's address stays on one line, and reads as something to type.
        let hint_part = |after: bool| {
            dyn_text(Box::new(move || {
                let text = ui.texts().import_download_parts_hint;
                let (before, rest) = text.split_once("{0}").unwrap_or((text, ""));
                if after { rest } else { before }.into()
            }))
        };
        // A new import replaces this area whole (Fresh): no diffing code for it.
        Some(Fresh(view! {
            <div class="file-open publish-downloads">
                <button type="button" class="file-button" on:click=save>
                    {ui.text(|t| t.import_download)}
                </button>
                <button
                    type="button"
                    class="file-button"
                    data-testid="download-parts"
                    disabled=move || zipping.get() == Work::Busy
                    on:click=save_zip
                >
                    {dyn_text(Box::new(move || {
                        let t = ui.texts();
                        let busy = zipping.get() == Work::Busy;
                        if busy { t.import_download_parts_busy } else { t.import_download_parts }.into()
                    }))}
                </button>
                <span class="hint">
                    {hint_part(false)}<code class="nowrap">{PARTS_LINK}</code>{hint_part(true)}
                </span>
                // Present from the start and filled on failure, so screen readers announce it.
                <p class="download-error" role="alert">
                    {dyn_text(Box::new(move || {
                        let failed = zipping.get() == Work::Failed;
                        if failed { ui.texts().import_download_parts_failed } else { "" }.into()
                    }))}
                </p>
            </div>
        }))
    }
}

/// Asks the on-demand module for the zip of `json` with its parts; None when the module
/// could not be loaded or the zip made (the module logs why).
async fn parts_zip(json: &str, lang: &str) -> Option<js_sys::Uint8Array> {
    let api = extras::load().await.ok()?;
    let args = [json.into(), lang.into()];
    let answer = extras::call_async(&api, "publishZip", &args).await?;
    answer.dyn_into().ok()
}
