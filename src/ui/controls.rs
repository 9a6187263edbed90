//! Search and filters for the list, and the switch between results and podiums.
use leptos::html;
use leptos::prelude::*;

use super::stars::MyRunnersFilter;
use super::state::{use_ui, View};
use crate::web::browser;

#[component]
pub fn ViewTabs() -> impl IntoView {
    let ui = use_ui();
    let tab = move |view: View, label: fn() -> &'static str| {
        let select = move |_| {
            ui.runner.set(None);
            ui.view.set(view);
        };
        view! {
            <button
                type="button"
                class="tab"
                class:active=move || ui.view.get() == view
                aria-pressed=move || (ui.view.get() == view).to_string()
                on:click=select
            >
                {label}
            </button>
        }
    };
    view! {
        <nav class="tabs" aria-label=move || ui.texts().tab_results>
            {tab(View::Results, move || use_ui().texts().tab_results)}
            {tab(View::Podiums, move || use_ui().texts().tab_podiums)}
            <Show when=move || ui.dataset().is_some_and(|d| d.has_teams())>
                {tab(View::Teams, move || use_ui().texts().tab_teams)}
            </Show>
        </nav>
    }
}

#[component]
pub fn Controls() -> impl IntoView {
    let ui = use_ui();
    let search: NodeRef<html::Input> = NodeRef::new();
    // On phones status and sort wait behind a button; open when the link sets them.
    let more =
        RwSignal::new(!ui.status.get_untracked().is_empty() || !ui.sort.get_untracked().is_empty());
    // The search field is focused on desktop only: on a phone it would pop the keyboard
    // over the results before the runner asked for it.
    Effect::new(move |_| {
        if let Some(input) = search.get() {
            if browser::viewport_width() >= 900.0 && ui.q.get_untracked().is_empty() {
                let _ = input.focus();
            }
        }
    });
    view! {
        <section class="controls" aria-label=move || ui.texts().search_label>
            <div class="search-box">
                <label for="search" class="search-label">
                    {ui.text(|t| t.search_label)}
                </label>
                <input
                    id="search"
                    node_ref=search
                    type="search"
                    data-testid="search"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    enterkeyhint="search"
                    placeholder=move || ui.texts().search_placeholder
                    prop:value=move || ui.q.get()
                    on:input=move |ev| ui.type_query(event_target_value(&ev))
                />
            </div>
            <div class="filters" class:more=more>
                <DistanceFilter />
                <SexFilter />
                <CategoryFilter />
                <MyRunnersFilter />
                <OnCourseFilter />
                <button
                    type="button"
                    class="more-toggle"
                    aria-expanded=move || more.get().to_string()
                    on:click=move |_| more.update(|m| *m = !*m)
                >
                    {ui.text(|t| t.more_filters)}
                </button>
                <div class="extra-filters">
                    <StatusFilter />
                    <SortSelect />
                </div>
            </div>
        </section>
    }
}

/// One labelled <select>; `options` are (value, label), "" meaning all.
#[component]
fn Filter(
    id: &'static str,
    testid: &'static str,
    label: Signal<&'static str>,
    value: RwSignal<String>,
    options: Signal<Vec<(String, String)>>,
    /// Takes two grid cells: for option texts that are long ("Sort by: Age grade").
    #[prop(optional)]
    wide: bool,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="filter" class:wide=wide>
            <label for=id>{label}</label>
            <select
                id=id
                data-testid=testid
                on:change=move |ev| ui.set_filter(value, event_target_value(&ev))
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, text)| {
                            let selected = v == value.get();
                            view! {
                                <option value=v prop:selected=selected>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

#[component]
fn DistanceFilter() -> impl IntoView {
    let ui = use_ui();
    let options = Signal::derive(move || {
        let mut v = vec![(String::new(), ui.texts().all_distances.to_string())];
        if let Some(d) = ui.dataset() {
            v.extend(
                d.results
                    .distances
                    .iter()
                    .map(|d| (d.id.clone(), d.name.clone())),
            );
        }
        v
    });
    view! {
        <Filter
            id="f-distance"
            testid="distance-filter"
            label=Signal::derive(move || ui.texts().distance_label)
            value=ui.distance
            options=options
        />
    }
}

#[component]
fn SexFilter() -> impl IntoView {
    let ui = use_ui();
    let options = Signal::derive(move || {
        let t = ui.texts();
        let has_x = ui.dataset().is_some_and(|d| {
            d.results
                .runners
                .iter()
                .any(|r| r.sex == Some(crate::domain::Sex::X))
        });
        let mut v = vec![
            (String::new(), t.all_sexes.to_string()),
            ("M".to_string(), t.men.to_string()),
            ("F".to_string(), t.women.to_string()),
        ];
        if has_x {
            v.push(("X".to_string(), t.sex_x.to_string()));
        }
        v
    });
    view! {
        <Filter
            id="f-sex"
            testid="sex-filter"
            label=Signal::derive(move || ui.texts().sex_label)
            value=ui.sex
            options=options
        />
    }
}

#[component]
fn CategoryFilter() -> impl IntoView {
    let ui = use_ui();
    let options = Signal::derive(move || {
        let mut v = vec![(String::new(), ui.texts().all_categories.to_string())];
        if let Some(d) = ui.dataset() {
            let distance = d.distance_index(&ui.distance.get());
            v.extend(d.categories(distance).into_iter().map(|c| (c.clone(), c)));
        }
        v
    });
    view! {
        <Filter
            id="f-category"
            testid="category-filter"
            label=Signal::derive(move || ui.texts().category_label)
            value=ui.category
            options=options
        />
    }
}

#[component]
fn StatusFilter() -> impl IntoView {
    let ui = use_ui();
    let options = Signal::derive(move || {
        let t = ui.texts();
        [
            ("", t.all_statuses),
            ("finished", t.finishers),
            ("dnf", t.status_dnf),
            ("dns", t.status_dns),
            ("dsq", t.status_dsq),
        ]
        .into_iter()
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .collect()
    });
    view! {
        <Filter
            id="f-status"
            testid="status-filter"
            label=Signal::derive(move || ui.texts().status_label)
            value=ui.status
            options=options
        />
    }
}

#[component]
fn SortSelect() -> impl IntoView {
    let ui = use_ui();
    let options = Signal::derive(move || {
        let t = ui.texts();
        // The label is in the option text: on phones the <label> is hidden.
        let graded = ui
            .dataset()
            .is_some_and(|d| d.results.age_grading.is_some());
        [
            ("", t.sort_place),
            ("time", t.sort_time),
            ("name", t.sort_name),
        ]
        .into_iter()
        .chain(graded.then_some(("age_grade", t.sort_age_grade)))
        .map(|(v, l)| (v.to_string(), format!("{}: {l}", t.sort_label)))
        .collect()
    });
    view! {
        <Filter
            id="f-sort"
            testid="sort"
            label=Signal::derive(move || ui.texts().sort_label)
            value=ui.sort
            options=options
            wide=true
        />
    }
}

/// Live results: the runners still on the course, furthest first. Shown only while the
/// file has any; the status filter carries it in the URL (`status=started`).
#[component]
fn OnCourseFilter() -> impl IntoView {
    let ui = use_ui();
    let count = Memo::new(move |_| {
        ui.dataset().map_or(0, |d| {
            d.results.runners.iter().filter(|r| r.on_course).count()
        })
    });
    let on = move || ui.status.with(|s| s == "started");
    let toggle = move |_| {
        let next = if on() { "" } else { "started" };
        ui.set_filter(ui.status, next.to_string());
    };
    view! {
        <Show when=move || { count.get() > 0 }>
            <button
                type="button"
                class="my-runners on-course"
                data-testid="on-course"
                aria-pressed=move || on().to_string()
                on:click=toggle
            >
                {move || crate::i18n::fill(ui.texts().on_course_filter, &[&count.get().to_string()])}
            </button>
        </Show>
    }
}
