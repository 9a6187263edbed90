//! Taking results away: the filtered list as a CSV file, and a printed finisher card.
use leptos::prelude::*;

use super::state::use_ui;
use crate::export::{csv_file_name, results_csv};
use crate::web::browser;

/// "Download CSV" beside the result count: exactly the rows the list matches now.
#[component]
pub fn ExportCsv(rows: Memo<Vec<u32>>) -> impl IntoView {
    let ui = use_ui();
    let save = move |_| {
        let Some(data) = ui.dataset_untracked() else {
            return;
        };
        let text = rows.with_untracked(|r| results_csv(&data, r));
        let name = csv_file_name(&data.results.event.name);
        browser::download_text(&name, "text/csv;charset=utf-8", &text);
    };
    view! {
        <button
            type="button"
            class="export-csv"
            data-testid="export-csv"
            // Results in parts: only once every row is in (ui::parts).
            disabled=move || rows.with(Vec::is_empty) || ui.parts.with(Option::is_some)
            on:click=save
        >
            {ui.text(|t| t.export_csv)}
        </button>
    }
}

/// Prints the open card alone (style/main.css, @media print).
#[component]
pub fn PrintCard() -> impl IntoView {
    let ui = use_ui();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <button type="button" class="share print" on:click=print>
            {ui.text(|t| t.print_card)}
        </button>
    }
}
