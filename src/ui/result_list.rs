//! The list of results: a count, one page of rows, and page buttons. However big the
//! file, at most PAGE_SIZE rows are in the page.
use leptos::prelude::*;

use super::export::ExportCsv;
use super::stars::{keep_watched, StarButton};
use super::state::{use_ui, Ui};
use crate::dataset::RowText;
use crate::domain::Status;
use crate::i18n::{fill, format_int, Texts};
use crate::web::browser;

pub const PAGE_SIZE: usize = 50;
/// Rows built in the keystroke itself: more than the tallest screen shows (see
/// `Ui::type_query`).
const FIRST_ROWS: usize = 10;

/// Opens a runner's card as a new history entry, so Back closes it.
pub fn open_runner(ui: Ui, bib: String) {
    ui.runner.set(Some(bib));
    let query = untrack(|| ui.url()).to_query();
    browser::set_query(&query, true);
    browser::scroll_to_top();
}

#[component]
pub fn ResultList() -> impl IntoView {
    let ui = use_ui();
    // Build the search index once the first rows are painted and the page is idle,
    // before the first keystroke needs it; this writes no signal.
    Effect::new(move |_| {
        if let Some(data) = ui.dataset() {
            browser::when_idle(move || browser::measured("search index", || data.prepare_search()));
        }
    });
    let matching = Memo::new(move |_| {
        ui.dataset()
            .map(|d| {
                let rows = d.select(&ui.selection(&d));
                ui.watch.with(|w| keep_watched(&d, rows, w.as_deref()))
            })
            .unwrap_or_default()
    });
    let all_distances = Memo::new(move |_| ui.distance.with(String::is_empty));
    let total = move || matching.with(|m| m.len());
    let page_count = move || total().div_ceil(PAGE_SIZE).max(1);
    let page = move || ui.page.get().min(page_count() - 1);
    let visible = move || {
        let start = page() * PAGE_SIZE;
        let rows = if ui.first_screen.get() {
            FIRST_ROWS
        } else {
            PAGE_SIZE
        };
        matching.with(|m| {
            m.iter()
                .skip(start)
                .take(rows)
                .copied()
                .collect::<Vec<u32>>()
        })
    };
    let go_to = move |p: usize| {
        ui.page.set(p);
        browser::scroll_to_top();
    };
    let go_prev = move |_: leptos::ev::MouseEvent| go_to(page().saturating_sub(1));
    let go_next = move |_: leptos::ev::MouseEvent| go_to(page() + 1);
    view! {
        <div class="count-row">
            <p class="result-count" data-testid="result-count" role="status" aria-live="polite">
                {super::state::dyn_text(Box::new(move || fill(ui.texts().result_count, &[&format_int(total() as u64, ui.lang.get())])))}
            </p>
            <ExportCsv rows=matching />
        </div>
        <Show when=move || total() == 0>
            <p class="empty">{ui.text(|t| t.no_results)}</p>
        </Show>
        <ListHeader />
        <ol class="results">
            // Keyed by row index: unique even when a file repeats a bib. Rows read their
            // runner and their words once, so a new file (a live refresh), another
            // language or a distance filter turned on or off builds them again; a row
            // keeps only two live bindings (selected, starred), which keeps typing fast.
            {move || {
                ui.load.track();
                ui.lang.track();
                all_distances.track();
                view! {
                    <For each=visible key=|i| *i let:i>
                        <ResultRow index=i as usize />
                    </For>
                }
            }}
        </ol>
        <Show when=move || { page_count() > 1 }>
            <nav class="pager" aria-label=move || ui.texts().page_info>
                <button
                    type="button"
                    disabled=move || page() == 0
                    on:click=go_prev
                >
                    {ui.text(|t| t.prev_page)}
                </button>
                <span class="page-info">
                    {move || {
                        let from = page() * PAGE_SIZE + 1;
                        let to = (from + PAGE_SIZE - 1).min(total());
                        let lang = ui.lang.get();
                        fill(
                            ui.texts().page_info,
                            &[
                                &format_int(from as u64, lang),
                                &format_int(to as u64, lang),
                                &format_int(total() as u64, lang),
                            ],
                        )
                    }}
                </span>
                <button
                    type="button"
                    disabled=move || { page() + 1 >= page_count() }
                    on:click=go_next
                >
                    {ui.text(|t| t.next_page)}
                </button>
            </nav>
        </Show>
    }
}

#[component]
fn ListHeader() -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="list-header" aria-hidden="true">
            <span class="c-place">{ui.text(|t| t.col_place)}</span>
            <span class="bib">{ui.text(|t| t.col_bib)}</span>
            <span class="name">{ui.text(|t| t.col_name)}</span>
            <span class="origin">{ui.text(|t| t.col_from)}</span>
            <span class="places">{ui.text(|t| t.col_groups)}</span>
            <span class="c-time">{ui.text(|t| t.col_time)}</span>
            <span class="c-pace">{ui.text(|t| t.col_pace)}</span>
        </div>
    }
}

/// Text of a status badge, or None for finishers.
pub fn status_badge(t: &Texts, s: Status) -> Option<&'static str> {
    match s {
        Status::Finished => None,
        Status::Dnf => Some(t.badge_dnf),
        Status::Dns => Some(t.badge_dns),
        Status::Dsq => Some(t.badge_dsq),
    }
}

#[component]
fn ResultRow(index: usize) -> impl IntoView {
    let ui = use_ui();
    let Some(data) = ui.dataset_untracked() else {
        return ().into_any();
    };
    let row = RowText::new(&data, index);
    let href = {
        let mut url = untrack(|| ui.url());
        url.runner = Some(row.bib.clone());
        url.to_query()
    };
    let bib = row.bib.clone();
    let open = move |ev: leptos::ev::MouseEvent| {
        // Let modified clicks open a new tab; a plain click opens the card here.
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        open_runner(ui, bib.clone());
    };
    let texts = ui.lang.get_untracked().texts();
    let all_distances = ui.distance.with_untracked(String::is_empty);
    let badge = if row.on_course.is_some() {
        Some(("on-course", texts.on_course))
    } else {
        status_badge(texts, row.status).map(|b| (row.status.code(), b))
    }
    .map(|(code, b)| view! { <span class=format!("badge badge-{code}")>{b}</span> });
    let last_seen = row.on_course.clone().flatten().map(|(at, time)| {
        view! { <span class="last-seen">{fill(texts.last_split, &[&at, &time])}</span> }
    });
    let this_bib = row.bib.clone();
    let selected = move || ui.runner.with(|r| r.as_deref() == Some(this_bib.as_str()));
    view! {
        <li
            class="result-row"
            class:selected=selected
            data-testid="result-row"
            data-bib=row.bib.clone()
            data-place=row.place.map(|p| p.to_string()).unwrap_or_default()
        >
            <a class="row-link" href=href on:click=open>
                <span class="c-place">
                    {row.place.map(|p| p.to_string()).unwrap_or_else(|| "–".into())}
                </span>
                <span class="c-name">
                    <span class="name">{row.name.clone()}</span>
                    <span class="sub ids">
                        <span class="bib">"#"{row.bib.clone()}</span>
                        <span class="origin">{row.origin}</span>
                    </span>
                    <span class="sub places">
                        {row.distance_name.filter(|_| all_distances).map(|d| view! { <span class="dist">{d}</span> })}
                        {row.sex_place.map(|p| view! { <span>{p}</span> })}
                        {row.category_place.map(|p| view! { <span>{p}</span> })}
                        {last_seen}
                        {row.age_grade.map(|g| view! { <span class="ag">{fill(texts.age_grade, &[&g])}</span> })}
                    </span>
                </span>
                <span class="c-time">{row.time} {badge}</span>
                <span class="c-pace">
                    {row.pace.map(|p| view! { {p} <span class="unit">{texts.per_km}</span> })}
                </span>
            </a>
            <StarButton bib=row.bib.clone() name=row.name />
        </li>
    }
    .into_any()
}
