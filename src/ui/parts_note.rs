//! What the page says while results published in parts are only partly in: how many
//! rows are at hand, how far the rest has come, and what waits for it (ui::parts).
use leptos::prelude::*;

use super::fresh::Fresh;
use super::state::{use_ui, Ui};
use crate::i18n::{fill, format_int, format_percent, tenths};

/// How far the whole file has come: "43%", or "1.2 MB" when its size is not announced.
fn progress_text(ui: Ui) -> String {
    match ui.parts.get().and_then(|p| p.whole) {
        Some((got, Some(total))) if total > 0 => {
            format_percent(got.min(total) as f64 / total as f64)
        }
        Some((got, _)) => format!("{} MB", tenths(got as f64 / 1_048_576.0)),
        None => format_percent(0.0),
    }
}

/// Above the list, while the rest of the results loads.
#[component]
pub fn PartsNote() -> impl IntoView {
    let ui = use_ui();
    move || {
        let status = ui.parts.get()?;
        let t = ui.texts();
        let lang = ui.lang.get();
        let mut lines: Vec<(String, &'static str)> = Vec::new();
        match status.whole_failed.as_deref() {
            Some("") => lines.push((t.parts_local_head.to_string(), "")),
            Some(url) => lines.push((fill(t.parts_whole_failed, &[url]), "failed")),
            None => {
                let at_hand = ui.dataset().map_or(0, |d| d.results.runners.len() as u64);
                let shown = fill(
                    t.parts_rest_loading,
                    &[
                        &format_int(at_hand, lang),
                        &format_int(u64::from(status.runners), lang),
                        &progress_text(ui),
                    ],
                );
                lines.push((shown, ""));
                let filtered = [ui.distance, ui.sex, ui.category, ui.status, ui.sort]
                    .iter()
                    .any(|f| !f.get().is_empty());
                if filtered {
                    lines.push((t.parts_filters_wait.to_string(), "filters"));
                }
            }
        }
        if status.fetching {
            lines.push((t.parts_searching.to_string(), "searching"));
        }
        if status.too_broad && status.whole_failed.is_none() {
            lines.push((fill(t.parts_type_more, &[&progress_text(ui)]), "type-more"));
        }
        if !status.failed.is_empty() {
            lines.push((
                fill(t.parts_part_failed, &[&status.failed.join(", ")]),
                "failed",
            ));
        }
        Some(Fresh(view! {
            <div class="notice parts" role="status" aria-live="polite" data-testid="parts-status">
                {lines
                    .into_iter()
                    .map(|(text, kind)| view! { <p class=kind>{text}</p> })
                    .collect_view()}
            </div>
        }))
    }
}

/// In place of a view that needs every result (podiums, teams).
#[component]
pub fn PartsWait() -> impl IntoView {
    let ui = use_ui();
    view! {
        <PartsNote />
        <p class="notice parts" data-testid="parts-wait">
            {move || fill(ui.texts().parts_view_waits, &[&progress_text(ui)])}
        </p>
    }
}
