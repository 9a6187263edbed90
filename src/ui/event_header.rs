//! The event's name, date and place, notices (demo data, provisional results), language.
use super::fresh::Fresh;
use leptos::prelude::*;

use super::state::{use_ui, LoadState};
use crate::domain::EventStatus;
use crate::i18n::{event_line, fill, Lang};

#[component]
pub fn EventHeader() -> impl IntoView {
    let ui = use_ui();
    let event = move || match ui.load.get() {
        LoadState::Ready(d) => Some(d),
        _ => None,
    };
    view! {
        <header class="event-header">
            <div class="event-title">
                <h1>
                    {move || {
                        event()
                            .map(|d| d.results.event.name.clone())
                            .unwrap_or_else(|| ui.texts().app_title.to_string())
                    }}
                </h1>
                <p class="event-meta">
                    {move || event().map(|d| event_line(&d.results.event, ui.lang.get()))}
                </p>
            </div>
            <LanguageSwitch />
        </header>
        <SourceNotice />
        {move || {
            let d = event()?;
            let demo = d.is_demo();
            let provisional = d.results.event.status == EventStatus::Provisional;
            (demo || provisional).then(|| view! {
                <div class="notices">
                    {demo.then(|| view! { <p class="notice demo" role="note">{ui.text(|t| t.demo_notice)}</p> })}
                    {provisional.then(|| view! { <p class="notice provisional" role="note">{ui.text(|t| t.provisional)}</p> })}
                </div>
            })
        }}
    }
}

/// Where the results on screen come from, when that is not this site: another origin the
/// deployment allows, or a file from the reader's own device. Shown in embed mode too.
#[component]
fn SourceNotice() -> impl IntoView {
    let ui = use_ui();
    move || {
        if !matches!(ui.load.get(), LoadState::Ready(_)) {
            return None;
        }
        if let Some(name) = ui.local_file.get() {
            let text = move || fill(ui.texts().source_local, &[&name]);
            return Some(Fresh(view! { <p class="notice source local" role="note" data-testid="source-local">{text}</p> }).into_any());
        }
        if let Some(saved) = crate::web::offline::saved_source() {
            let text = move || match saved.strip_prefix("local:") {
                Some(name) => fill(ui.texts().source_local, &[name]),
                None => fill(ui.texts().source_saved, &[&saved]),
            };
            return Some(Fresh(view! { <p class="notice source" role="note" data-testid="source-origin">{text}</p> }).into_any());
        }
        if let Some(origin) = ui.source.get() {
            let text = move || fill(ui.texts().source_other, &[&origin]);
            return Some(Fresh(view! { <p class="notice source" role="note" data-testid="source-origin">{text}</p> }).into_any());
        }
        None
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="lang-switch" role="group" aria-label=move || ui.texts().language>
            {Lang::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <button
                            type="button"
                            lang=l.code()
                            class:active=move || ui.lang.get() == l
                            aria-pressed=move || (ui.lang.get() == l).to_string()
                            on:click=move |_| ui.lang.set(l)
                        >
                            {l.code().to_ascii_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
