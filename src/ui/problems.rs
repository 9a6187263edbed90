//! What went wrong: the error when a file cannot be shown, and the list of problems in a
//! file that did load (each row with its bib and field, so the organizer can fix it).
use std::sync::Arc;

use leptos::prelude::*;

use super::state::{use_ui, Failure};
use crate::i18n::messages::Message;
use crate::i18n::{fill, format_int};

#[component]
pub fn LoadErrorPanel(failure: Arc<Failure>) -> impl IntoView {
    let ui = use_ui();
    view! {
        <section class="load-error" data-testid="load-error" role="alert">
            <h2>{ui.text(|t| t.load_error_title)}</h2>
            <p>{move || failure.text(ui.lang.get())}</p>
            <p class="hint">{ui.text(|t| t.try_another_file)}</p>
        </section>
    }
}

/// At most this many problems are listed; the heading gives the full count.
const SHOWN: usize = 200;

#[component]
pub fn WarningsPanel() -> impl IntoView {
    let ui = use_ui();
    move || {
        let data = ui.dataset()?;
        if data.warnings.is_empty() {
            return None;
        }
        let n = data.warnings.len();
        let items = {
            let data = data.clone();
            move || {
                let lang = ui.lang.get();
                let t = ui.texts();
                data.warnings
                    .iter()
                    .take(SHOWN)
                    .map(|w| {
                        let row = w.row.map(|r| (r + 1).to_string()).unwrap_or_else(|| "–".into());
                        let bib = w.bib.clone().filter(|b| !b.is_empty()).unwrap_or_else(|| t.no_bib.into());
                        let place = fill(t.warning_where, &[&row, &bib, &w.field]);
                        view! {
                            <li data-bib=w.bib.clone().unwrap_or_default() data-field=w.field.clone()>
                                <span class="where">{place}</span>
                                ": "
                                <span class="what">{w.problem.text(lang)}</span>
                            </li>
                        }
                    })
                    .collect_view()
            }
        };
        Some(view! {
            <details class="load-warnings" data-testid="load-warnings">
                <summary>{super::state::dyn_text(Box::new(move || fill(ui.texts().warnings_title, &[&format_int(n as u64, ui.lang.get())])))}</summary>
                <ul>{items}</ul>
            </details>
        })
    }
}
