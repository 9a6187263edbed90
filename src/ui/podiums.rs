//! Podiums: every distance at once in the podiums view, and the open distance's own
//! podiums above its results. Ties show as shared places; prizes in the event currency.
use super::fresh::Fresh;
use leptos::prelude::*;

use super::result_list::open_runner;
use super::state::use_ui;
use crate::domain::time::format_time;
use crate::domain::{group_code, Podium, PodiumGroup, Sex};
use crate::i18n::{fill, format_money};

#[component]
pub fn PodiumsView() -> impl IntoView {
    let ui = use_ui();
    move || {
        let data = ui.dataset()?;
        let sections = data
            .results
            .distances
            .iter()
            .enumerate()
            .map(|(d, dist)| {
                view! {
                    <section class="podium-distance">
                        <h2>{dist.name.clone()}</h2>
                        <DistancePodiumList distance=d />
                    </section>
                }
            })
            .collect_view();
        Some(view! { <div class="podiums-view">{sections}</div> })
    }
}

/// The podiums of the distance chosen in the list's filter (nothing for all distances).
#[component]
pub fn DistancePodiums() -> impl IntoView {
    let ui = use_ui();
    move || {
        let data = ui.dataset()?;
        let d = data.distance_index(&ui.distance.get())?;
        // With a search typed, the runner looks for themself: keep the list up.
        if !ui.q.get().trim().is_empty() {
            return None;
        }
        Some(view! {
            <details class="distance-podiums" open=true>
                <summary>{ui.text(|t| t.podium_heading)}</summary>
                <DistancePodiumList distance=d />
            </details>
        })
    }
}

#[component]
fn DistancePodiumList(distance: usize) -> impl IntoView {
    let ui = use_ui();
    let Some(data) = ui.dataset_untracked() else {
        return ().into_any();
    };
    let podiums: Vec<Podium> = data
        .podiums()
        .iter()
        .filter(|p| p.distance == distance)
        .cloned()
        .collect();
    if podiums.is_empty() {
        return Fresh(view! { <p class="empty">{ui.text(|t| t.no_podium)}</p> }).into_any();
    }
    Fresh(view! {
        <div class="podium-grid">
            {podiums.into_iter().map(|p| view! { <PodiumCard podium=p /> }).collect_view()}
        </div>
    })
    .into_any()
}

#[component]
fn PodiumCard(podium: Podium) -> impl IntoView {
    let ui = use_ui();
    let Some(data) = ui.dataset_untracked() else {
        return ().into_any();
    };
    let distance_id = data.results.distances[podium.distance].id.clone();
    let currency = data.results.event.currency.clone();
    let group = podium.group.clone();
    let title = move || {
        let t = ui.texts();
        match &group {
            PodiumGroup::Sex(Sex::M) => t.men.to_string(),
            PodiumGroup::Sex(Sex::F) => t.women.to_string(),
            PodiumGroup::Sex(Sex::X) => t.sex_x.to_string(),
            PodiumGroup::Overall => t.overall.to_string(),
            PodiumGroup::Category(c) => fill(t.category_group, &[c]),
        }
    };
    let entries = podium
        .entries
        .iter()
        .map(|e| {
            let r = &data.results.runners[e.runner];
            let bib = r.bib.clone();
            let time = data
                .standings
                .ranked_time(e.runner)
                .map(format_time)
                .unwrap_or_default();
            let prize = e.prize;
            let currency = currency.clone();
            let open = {
                let bib = bib.clone();
                move |_| open_runner(ui, bib.clone())
            };
            view! {
                <li
                    class=format!("podium-entry place-{}", e.place.min(4))
                    data-testid="podium-entry"
                    data-place=e.place.to_string()
                    data-bib=bib.clone()
                >
                    <span class="medal" aria-hidden="true">{e.place.to_string()}</span>
                    <button type="button" class="podium-name" on:click=open>
                        <span class="name">{r.name.clone()}</span>
                        <span class="sub">"#"{bib.clone()} " · " {time}</span>
                    </button>
                    {prize.map(|a| view! {
                        <span class="prize">{move || format_money(a, currency.as_deref(), ui.lang.get())}</span>
                    })}
                </li>
            }
        })
        .collect_view();
    Fresh(view! {
        <section
            class="podium"
            data-testid="podium"
            data-distance=distance_id
            data-group=group_code(&podium.group)
        >
            <h3>{title}</h3>
            <ol>{entries}</ol>
        </section>
    })
    .into_any()
}
