//! Where an opened CSV or IOF XML file goes: the mapping screen lives in the on-demand
//! module (crate::extras), so this view loads it, hands it the file and takes back the
//! converted results JSON, which then opens like any results file.
use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use super::loader::is_current;
use super::state::{use_ui, Failure, ImportDraft, LoadState, Ui};
use crate::dataset::Dataset;
use crate::web::{browser, extras};

#[component]
pub fn ImportHost(draft: Arc<ImportDraft>) -> impl IntoView {
    let ui = use_ui();
    let host = NodeRef::<Div>::new();
    let opened = RwSignal::new(false);
    spawn_local(open(ui, draft, host, opened));
    // The screen follows the viewer's language (a call into the module, no signal).
    Effect::new(move |_| {
        let code = ui.lang.get().code();
        if opened.get() {
            if let Some(api) = extras::loaded() {
                extras::call(&api, "setLang", &[code.into()]);
            }
        }
    });
    on_cleanup(|| {
        if let Some(api) = extras::loaded() {
            extras::call(&api, "closeImport", &[]);
        }
    });
    view! {
        <Show when=move || !opened.get()>
            <p class="loading" role="status">{ui.text(|t| t.importer_loading)}</p>
        </Show>
        <div class="import-host" node_ref=host></div>
    }
}

async fn open(ui: Ui, draft: Arc<ImportDraft>, host: NodeRef<Div>, opened: RwSignal<bool>) {
    let generation = draft.generation;
    let fail = move |f: Failure| {
        if is_current(generation) {
            ui.load.set(LoadState::Failed(Arc::new(f)));
        }
    };
    let Ok(api) = extras::load().await else {
        return fail(Failure::ImporterMissing);
    };
    browser::mark("importer: loaded");
    if !is_current(generation) {
        return;
    }
    let Some(el) = host.get_untracked() else {
        return;
    };
    // Replies come from inside the module's own handlers: act on them on a later task.
    let done = extras::string_callback(move |json| {
        spawn_local(async move {
            if !is_current(generation) {
                return;
            }
            match Dataset::load(json.as_bytes()) {
                Ok(data) => {
                    ui.converted.set(Some(Arc::new(json)));
                    ui.load.set(LoadState::Ready(Arc::new(data)));
                    browser::scroll_to_top();
                }
                Err(e) => fail(Failure::Format(e)),
            }
        })
    });
    let failed = extras::string_callback(move |json| {
        spawn_local(async move {
            match serde_json::from_str(&json) {
                Ok(e) => fail(Failure::Import(e)),
                Err(_) => fail(Failure::ImporterMissing),
            }
        })
    });
    let bytes = js_sys::Uint8Array::from(draft.bytes.as_slice());
    let lang = ui.lang.get_untracked().code();
    let name = JsValue::from_str(&draft.file_name);
    let el: &web_sys::HtmlElement = &el;
    extras::call(
        &api,
        "openImport",
        &[el.into(), name, bytes.into(), lang.into(), done, failed],
    );
    opened.set(true);
}
