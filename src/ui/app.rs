//! The page: header, the view the user chose, the file picker, the problems panels.
use super::fresh::Fresh;
use leptos::prelude::*;

use super::controls::{Controls, ViewTabs};
use super::embed::{follow_brand, report_height, EmbedPanel};
use super::event_header::EventHeader;
use super::file_open::{DownloadConverted, DropZone, FileOpen};
use super::import_host::ImportHost;
use super::live::{self, LiveStatus};
use super::loader::{cancel_load, default_source, start_load};
use super::parts_note::{PartsNote, PartsWait};
use super::podiums::{DistancePodiums, PodiumsView};
use super::problems::{LoadErrorPanel, WarningsPanel};
use super::result_list::ResultList;
use super::runner_card::RunnerCard;
use super::stars::Stars;
use super::state::{use_ui, LoadState, Ui, View};
use super::teams::TeamsView;
use crate::i18n::fill;
use crate::url_state::UrlState;
use crate::web::browser;

#[component]
pub fn App() -> impl IntoView {
    let url = UrlState::parse(&browser::location_search());
    let ui = Ui::new(&url, &browser::browser_languages());
    provide_context(ui);
    browser::expose_search(move |query| match ui.load.get_untracked() {
        LoadState::Ready(d) => {
            let selection = crate::dataset::Selection {
                query,
                ..Default::default()
            };
            d.select(&selection).len() as u32
        }
        _ => 0,
    });
    Stars::provide(ui);
    start_load(ui, default_source(&ui));
    report_height();
    follow_brand(ui);
    live::follow(ui);

    // The URL follows the view (replaceState once typing pauses); this writes no signal.
    Effect::new(move |_| browser::set_query_soon(ui.url().to_query()));
    // Back / Forward restore the view from the URL (Back closes an open runner card).
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        browser::forget_pending_query();
        ui.apply_url(&UrlState::parse(&browser::location_search()));
    });
    on_cleanup(move || popstate.remove());
    // The document follows the language and the theme.
    Effect::new(move |_| browser::set_root_attribute("lang", ui.lang.get().code()));
    Effect::new(move |_| {
        let theme = ui.theme.get().unwrap_or_default();
        let theme = match theme.as_str() {
            "light" | "dark" => theme,
            _ => "auto".to_string(),
        };
        browser::set_root_attribute("data-theme", &theme);
    });
    Effect::new(move |_| {
        let title = match ui.load.get() {
            LoadState::Ready(d) => d.results.event.name.clone(),
            _ => ui.texts().app_title.to_string(),
        };
        browser::set_title(&title);
    });

    let ready = Memo::new(move |_| matches!(ui.load.get(), LoadState::Ready(_)));
    view! {
        <DropZone>
            <div class="app" class:embed=move || ui.embed.get()>
                <EventHeader />
                <LiveStatus />
                {move || {
                    // A live refresh swaps the file under the same screen: only a
                    // change of state (loading, error, results) rebuilds it. Each state
                    // has a main and footer of its own type, so they are new elements:
                    // when the loaded event's header grows, nothing on screen moves
                    // down (no layout shift).
                    if ready.get() {
                        return Fresh(view! { <main id="main"><Viewer /></main><PageFooter /> }).into_any();
                    }
                    match ui.load.get() {
                        LoadState::Loading => {
                            Fresh(view! { <main id="main"><Loading /></main><PageFooter /> }).into_any()
                        }
                        LoadState::Failed(f) => {
                            Fresh(view! { <main id="main"><LoadErrorPanel failure=f /></main><PageFooter /> })
                                .into_any()
                        }
                        LoadState::Ready(_) => {
                            Fresh(view! { <main id="main"><Viewer /></main><PageFooter /> }).into_any()
                        }
                        LoadState::Importing(d) => {
                            Fresh(view! { <main id="main"><ImportHost draft=d /></main><PageFooter /> })
                                .into_any()
                        }
                    }
                }}
            </div>
        </DropZone>
    }
}

#[component]
fn PageFooter() -> impl IntoView {
    view! {
        <footer class="page-footer">
            <FileOpen />
            <DownloadConverted />
            <super::offline_copy::OfflineCopy />
            <EmbedPanel />
        </footer>
    }
}

/// While a file downloads: how far it is, and a way to stop.
#[component]
fn Loading() -> impl IntoView {
    let ui = use_ui();
    let mb = |b: u64| crate::i18n::tenths(b as f64 / 1_048_576.0);
    // Every announced byte is in: what follows is reading it, which cannot be cancelled.
    let all_in = move || matches!(ui.progress.get(), Some((got, Some(total))) if got == total);
    let status = move || {
        let t = ui.texts();
        if all_in() {
            return t.reading_results.to_string();
        }
        match ui.progress.get() {
            // A compressed transfer announces fewer bytes than arrive: then no total.
            Some((got, Some(total))) if got < total => fill(t.loading_of, &[&mb(got), &mb(total)]),
            Some((got, _)) => fill(t.loading_so_far, &[&mb(got)]),
            None => t.loading.to_string(),
        }
    };
    let fraction = move || match ui.progress.get() {
        Some((got, Some(total))) if total > 0 && got <= total => Some(got as f64 / total as f64),
        _ => None,
    };
    view! {
        <div class="loading" role="status" aria-live="polite">
            <p>{status}</p>
            {move || fraction().map(|f| view! { <progress max="1000" value=((f * 1000.0).round() as u32).to_string()></progress> })}
            <Show when=move || !all_in()>
                <button type="button" class="cancel" on:click=move |_| cancel_load()>
                    {ui.text(|t| t.cancel)}
                </button>
            </Show>
        </div>
    }
}

/// What shows once a file is loaded: the list or the podiums, and the open runner's card
/// beside them (desktop) or over them (phone), so closing the card returns to the same
/// place in the list.
#[component]
fn Viewer() -> impl IntoView {
    let ui = use_ui();
    let card_open = move || ui.runner.get().is_some();
    // A live refresh keeps the view: only a change of this answer rebuilds it.
    let has_teams = Memo::new(move |_| ui.dataset().is_some_and(|d| d.has_teams()));
    // Results in parts, not all in yet (ui::parts): views of the whole event wait.
    let partial = Memo::new(move |_| ui.dataset().is_some_and(|d| d.is_partial()));
    view! {
        <div class="viewer" class:with-card=card_open>
            <div class="main-col">
                <ViewTabs />
                {move || {
                    let view = ui.view.get();
                    let needs_all = view == View::Podiums || (view == View::Teams && has_teams.get());
                    // The list is never rebuilt when the whole file of results in parts
                    // comes in: the search box keeps its focus and what is being typed.
                    if needs_all && partial.get() {
                        Fresh(view! { <PartsWait /> }).into_any()
                    } else if view == View::Podiums {
                        Fresh(view! { <PodiumsView /> }).into_any()
                    } else if view == View::Teams && has_teams.get() {
                        Fresh(view! { <TeamsView /> }).into_any()
                    } else {
                        Fresh(view! {
                            <Controls />
                            {move || (!partial.get()).then(|| view! { <DistancePodiums /> })}
                            <PartsNote />
                            <ResultList />
                        })
                            .into_any()
                    }
                }}
                <WarningsPanel />
            </div>
            <Show when=card_open>
                <aside class="card-col">
                    <RunnerCard />
                </aside>
            </Show>
        </div>
    }
}
