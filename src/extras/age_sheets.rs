//! The import screen's optional age-grading sheets: the organizer adds the WMA road
//! age-factor sheets (saved as CSV), and "Show the results" puts the tables the event's
//! distances need into the results, as the converter's `--age-tables` does.
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::import_screen::use_ui;
use crate::format::MAX_FILE_BYTES;
use crate::i18n::fill;
use crate::i18n::messages::Message;
use crate::import::{add_age_grading, read_age_tables, AgeSheet, AgeTablesError};
use crate::web::load::read_file;

/// One sheet the organizer chose: its file name and what reading it gave.
#[derive(Clone)]
pub struct SheetRead {
    pub name: String,
    pub read: Result<AgeSheet, AgeTablesError>,
}

/// The sheets chosen, and why the last "Show the results" could not use them. Kept by
/// the screen's root, so reading the file again in another encoding keeps them.
#[derive(Clone, Copy)]
pub struct AgeInput {
    pub sheets: RwSignal<Vec<SheetRead>>,
    pub error: RwSignal<Option<AgeTablesError>>,
}

impl Default for AgeInput {
    fn default() -> AgeInput {
        AgeInput {
            sheets: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
        }
    }
}

impl AgeInput {
    /// Puts the tables of the sheets read well into the results JSON; leaves it alone
    /// without sheets; an error (and the JSON unchanged) when they fit none of its
    /// distances.
    pub fn apply_to(&self, json: &mut serde_json::Value) -> Result<(), AgeTablesError> {
        let read: Vec<(String, AgeSheet)> = self.sheets.with_untracked(|all| {
            all.iter()
                .filter_map(|s| Some((s.name.clone(), s.read.clone().ok()?)))
                .collect()
        });
        if !read.is_empty() {
            add_age_grading(json, read, None)?;
        }
        Ok(())
    }
}

#[component]
pub fn AgeSheets(age: AgeInput) -> impl IntoView {
    let ui = use_ui();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files: Vec<web_sys::File> = input
            .files()
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        age.error.set(None);
        spawn_local(async move {
            let mut read = Vec::new();
            for file in files {
                let name = file.name();
                let result = match read_file(file, MAX_FILE_BYTES as u64).await {
                    Ok(bytes) => read_age_tables(&bytes, &name, None),
                    Err(_) => Err(AgeTablesError::CannotRead),
                };
                read.push(SheetRead { name, read: result });
            }
            age.sheets.set(read);
        });
    };
    let listed = move || {
        let lang = ui.lang.get();
        age.sheets
            .get()
            .into_iter()
            .map(|s| match s.read {
                Ok(sheet) => {
                    let n = sheet.columns.len().to_string();
                    let text = fill(lang.texts().import_age_sheet, &[&s.name, &n]);
                    view! { <li>{text}</li> }.into_any()
                }
                Err(e) => {
                    let text = format!("{}: {}", s.name, e.text(lang));
                    view! { <li class="import-age-error" role="alert">{text}</li> }.into_any()
                }
            })
            .collect_view()
    };
    view! {
        <div class="import-age" data-testid="import-age">
            <label class="file-button">
                {move || ui.texts().import_age_tables}
                <input
                    type="file"
                    multiple
                    accept=".csv,text/csv"
                    data-testid="import-age-tables"
                    on:change=on_change
                />
            </label>
            <p class="hint">{move || ui.texts().import_age_hint}</p>
            <ul class="import-age-sheets">{listed}</ul>
            {move || {
                age.error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="import-age-error" role="alert">
                                {e.text(ui.lang.get())}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
