//! Opening a results file from the device: a file picker, and drag and drop anywhere.
use leptos::prelude::*;

use super::loader::{start_load, Source};
use super::state::use_ui;
use crate::web::browser;

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

/// After an import: save the converted results as a results JSON file to publish.
#[component]
pub fn DownloadConverted() -> impl IntoView {
    let ui = use_ui();
    move || {
        let json = ui.converted.get()?;
        let save = move |_: leptos::ev::MouseEvent| {
            browser::download_text("results.json", "application/json", &json);
        };
        Some(view! {
            <button type="button" class="file-button" on:click=save>
                {ui.text(|t| t.import_download)}
            </button>
        })
    }
}
