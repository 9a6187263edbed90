//! The Teams view: each distance's team standings (one table per group) and its relay
//! teams. A team opens in place: its scorers and non-scorers, or a relay team's legs.
//! The search box finds team names, and runners, who find their team.
use super::fresh::Fresh;
use std::sync::Arc;

use leptos::prelude::*;

use super::result_list::{open_runner, status_badge};
use super::state::use_ui;
use crate::dataset::{Dataset, Selection};
use crate::domain::time::format_time;
use crate::domain::{relay_legs, RaceTime, Sex, Status, TeamGroup, TeamMember, TeamScore};
use crate::i18n::{fill, Texts};

/// Teams shown per table before "Show all": a club race can have hundreds.
const TEAM_ROWS: usize = 30;

/// What the search found: team names (sorted), and runners (each finds their team), as
/// one flag per row of the file.
#[derive(Clone, PartialEq, Default)]
struct Found {
    teams: Vec<String>,
    runners: Vec<bool>,
}

/// One team of a table, read once from the dataset.
struct Row {
    name: String,
    place: Option<u32>,
    score: String,
    /// A standings team's finishers, or a relay team's row.
    members: Option<(Vec<TeamMember>, Vec<TeamMember>)>,
    relay_row: usize,
}

impl Row {
    fn found(&self, f: &Found) -> bool {
        match &self.members {
            Some((scorers, others)) => {
                f.teams.binary_search(&self.name).is_ok()
                    || scorers.iter().chain(others).any(|m| f.runners[m.runner])
            }
            None => f.runners[self.relay_row],
        }
    }
}

/// One standings table: `group` is the contract's `data-group`.
struct Table {
    distance_id: String,
    group: &'static str,
    title: &'static str,
    rows: Vec<Row>,
}

fn group_title(t: &'static Texts, group: TeamGroup) -> &'static str {
    match group {
        TeamGroup::Overall => t.overall,
        TeamGroup::Sex(Sex::M) => t.men,
        TeamGroup::Sex(Sex::F) => t.women,
        TeamGroup::Sex(Sex::X) => t.sex_x,
        TeamGroup::Mixed => t.team_mixed,
    }
}

/// Every table of one distance: its relay teams, then its team standings.
fn distance_tables(data: &Dataset, t: &'static Texts, d: usize) -> Vec<Table> {
    let dist = &data.results.distances[d];
    let mut tables = Vec::new();
    if dist.relay {
        let rows = data
            .standings
            .order(d)
            .iter()
            .map(|&i| {
                let r = &data.results.runners[i];
                let score = match status_badge(t, r.status) {
                    None => data
                        .standings
                        .ranked_time(i)
                        .map(format_time)
                        .unwrap_or_default(),
                    Some(badge) => badge.to_string(),
                };
                Row {
                    name: r.name.clone(),
                    place: data.standings.placing(i).overall,
                    score,
                    members: None,
                    relay_row: i,
                }
            })
            .collect();
        tables.push(Table {
            distance_id: dist.id.clone(),
            group: "overall",
            title: t.tab_teams,
            rows,
        });
    }
    for table in data.teams().iter().filter(|t| t.distance == d) {
        let rows = table
            .teams
            .iter()
            .map(|s| Row {
                name: s.name.clone(),
                place: s.place,
                score: match s.score {
                    Some(TeamScore::Places(p)) => p.to_string(),
                    Some(TeamScore::Time(time)) => format_time(time),
                    None => t.team_incomplete.to_string(),
                },
                members: Some((s.scorers.clone(), s.others.clone())),
                relay_row: 0,
            })
            .collect();
        tables.push(Table {
            distance_id: dist.id.clone(),
            group: table.group.code(),
            title: group_title(t, table.group),
            rows,
        });
    }
    tables
}

#[component]
pub fn TeamsView() -> impl IntoView {
    let ui = use_ui();
    let found = Memo::new(move |_| {
        let query = ui.q.get();
        if query.trim().is_empty() {
            return None;
        }
        let data = ui.dataset()?;
        let teams = data.matching_teams(&query);
        let mut runners = vec![false; data.results.runners.len()];
        for i in data.select(&Selection {
            query,
            ..Default::default()
        }) {
            runners[i as usize] = true;
        }
        Some(Found { teams, runners })
    });
    view! {
        <div class="teams-view">
            <div class="search-box">
                <label for="team-search" class="search-label">
                    {ui.text(|t| t.team_search)}
                </label>
                <input
                    id="team-search"
                    type="search"
                    data-testid="search"
                    autocomplete="off"
                    spellcheck="false"
                    enterkeyhint="search"
                    prop:value=move || ui.q.get()
                    on:input=move |ev| ui.set_filter(ui.q, event_target_value(&ev))
                />
            </div>
            {move || {
                let data = ui.dataset()?;
                let t = ui.texts();
                let sections: Vec<(String, Vec<Arc<Table>>)> = (0..data.results.distances.len())
                    .map(|d| {
                        let tables = distance_tables(&data, t, d).into_iter().map(Arc::new).collect();
                        (data.results.distances[d].name.clone(), tables)
                    })
                    .filter(|(_, tables): &(String, Vec<Arc<Table>>)| !tables.is_empty())
                    .collect();
                let all: Vec<Arc<Table>> = sections.iter().flat_map(|s| s.1.clone()).collect();
                let nothing = move || {
                    found.with(|f| {
                        f.as_ref()
                            .is_some_and(|f| !all.iter().any(|t| t.rows.iter().any(|r| r.found(f))))
                    })
                };
                Some(view! {
                    <Show when=nothing>
                        <p class="empty" role="status">{t.teams_none}</p>
                    </Show>
                    {sections
                        .into_iter()
                        .map(|(name, tables)| {
                            view! {
                                <section class="team-distance">
                                    <h2>{name}</h2>
                                    <div class="podium-grid">
                                        {tables
                                            .into_iter()
                                            .map(|table| view! { <StandingTable table found /> })
                                            .collect_view()}
                                    </div>
                                </section>
                            }
                        })
                        .collect_view()}
                })
            }}
        </div>
    }
}

#[component]
fn StandingTable(table: Arc<Table>, found: Memo<Option<Found>>) -> impl IntoView {
    let ui = use_ui();
    let t = ui.texts_untracked();
    let show_all = RwSignal::new(false);
    // The team opened by a tap, with the search it was opened under.
    let opened = RwSignal::new(None::<(usize, String)>);
    let shown = {
        let table = table.clone();
        Memo::new(move |_| {
            found.with(|f| {
                (0..table.rows.len())
                    .filter(|&i| f.as_ref().is_none_or(|f| table.rows[i].found(f)))
                    .collect::<Vec<usize>>()
            })
        })
    };
    // A tap decides; until then a search that finds one team here opens it.
    let is_open = move |i: usize| match opened.get().filter(|(_, q)| ui.q.with(|now| now == q)) {
        Some((o, _)) => o == i,
        None => found.with(Option::is_some) && shown.with(|s| s[..] == [i]),
    };
    let visible = move || {
        let mut rows = shown.get();
        if !show_all.get() {
            rows.truncate(TEAM_ROWS);
        }
        rows
    };
    let hidden = move || shown.with(Vec::len) > TEAM_ROWS && !show_all.get();
    let rows = table.clone();
    let row_view = move |i: usize| {
        let row = &rows.rows[i];
        let toggle = move |_| {
            let next = if is_open(i) { usize::MAX } else { i };
            opened.set(Some((next, ui.q.get_untracked())));
        };
        let place = row.place.map(|p| p.to_string()).unwrap_or_default();
        let shown_place = if place.is_empty() {
            "–".to_string()
        } else {
            place.clone()
        };
        let card = {
            let rows = rows.clone();
            move || is_open(i).then(|| team_card(&rows.rows[i]))
        };
        view! {
            <li
                class="team-row"
                data-testid="team-row"
                data-team=row.name.clone()
                data-place=place
            >
                <button
                    type="button"
                    class="team-head"
                    aria-expanded=move || is_open(i).to_string()
                    on:click=toggle
                >
                    <span class="t-place">{shown_place}</span>
                    <span class="team-name">{row.name.clone()}</span>
                    <span class="team-score">{row.score.clone()}</span>
                </button>
                {card}
            </li>
        }
    };
    let count = table.rows.len();
    view! {
        <Show when=move || shown.with(|s| !s.is_empty())>
            <section
                class="team-standing podium"
                data-testid="team-standing"
                data-distance=table.distance_id.clone()
                data-group=table.group
            >
                <h3>{table.title}</h3>
                <p class="team-cols" aria-hidden="true">
                    <span>{t.col_place}</span>
                    <span>{t.tab_teams}</span>
                    <span>{t.team_score}</span>
                </p>
                <ol class="team-rows">
                    <For each=visible key=|i| *i children=row_view.clone() />
                </ol>
                <Show when=hidden>
                    <button type="button" class="more-toggle" on:click=move |_| show_all.set(true)>
                        {fill(t.teams_all, &[&count.to_string()])}
                    </button>
                </Show>
            </section>
        </Show>
    }
}

/// An open team: its scorers and non-scorers with their places, or its legs.
fn team_card(row: &Row) -> AnyView {
    let ui = use_ui();
    let t = ui.texts_untracked();
    let Some((scorers, others)) = &row.members else {
        return Fresh(view! { <div class="team-card"><RelayLegs row=row.relay_row /></div> })
            .into_any();
    };
    let list = |title: &'static str, members: &[TeamMember]| {
        (!members.is_empty()).then(|| {
            let items = members
                .iter()
                .map(|m| member(m.runner, m.place, m.time))
                .collect_view();
            view! {
                <h4>{title}</h4>
                <ol class="team-members">{items}</ol>
            }
        })
    };
    Fresh(view! {
        <div class="team-card">
            {list(t.team_scorers, scorers)}
            {list(t.team_others, others)}
        </div>
    })
    .into_any()
}

/// One finisher in a team card: the place that scores, the name (opens the runner), time.
fn member(runner: usize, place: u32, time: RaceTime) -> impl IntoView {
    let ui = use_ui();
    let data = ui.dataset_untracked()?;
    let r = &data.results.runners[runner];
    let bib = r.bib.clone();
    let open = {
        let bib = bib.clone();
        move |_| open_runner(ui, bib.clone())
    };
    Some(view! {
        <li class="podium-entry">
            <span class="medal" aria-hidden="true">{place.to_string()}</span>
            <button type="button" class="podium-name" on:click=open>
                <span class="name">{r.name.clone()}</span>
                <span class="sub">"#"{bib} " · " {format_time(time)}</span>
            </button>
        </li>
    })
}

/// A relay team's legs: runner, leg time and place, the running total and its position.
/// The leg whose runner the search found is marked.
#[component]
pub fn RelayLegs(row: usize) -> impl IntoView {
    let ui = use_ui();
    let data = ui.dataset_untracked()?;
    let r = &data.results.runners[row];
    let team = relay_legs(&data.results, r.distance?)
        .into_iter()
        .find(|team| team.runner == row)?;
    let marked = {
        let data = data.clone();
        Memo::new(move |_| ui.q.with(|q| data.marked_leg(row, q)))
    };
    let fmt = |time: Option<RaceTime>| time.map(format_time).unwrap_or_else(|| "–".into());
    let num = |p: Option<u32>| p.map(|p| p.to_string()).unwrap_or_else(|| "–".into());
    let legs = team
        .legs
        .iter()
        .zip(&r.legs)
        .map(|(res, leg)| {
            let k = res.leg - 1;
            let here = move || marked.get() == Some(k);
            let total = match res.total_place {
                Some(p) => format!("{} ({p})", fmt(res.total)),
                None => fmt(res.total),
            };
            view! {
                <tr
                    data-testid="relay-leg"
                    data-leg=res.leg.to_string()
                    data-bib=leg.bib.clone().unwrap_or_default()
                    class:marked=here
                    aria-current=move || here().then_some("true")
                >
                    <td>{res.leg.to_string()}</td>
                    <th scope="row">
                        {leg.name.clone()}
                        {leg.bib.clone().map(|b| view! { <span class="sub">" #"{b}</span> })}
                    </th>
                    <td>{fmt(res.time)}</td>
                    <td>{num(res.place)}</td>
                    <td>{total}</td>
                </tr>
            }
        })
        .collect_view();
    // A team that did not finish still shows the legs it ran.
    let status = r.status;
    let unfinished = move || {
        (status != Status::Finished)
            .then(|| status_badge(ui.texts(), status))
            .flatten()
    };
    Some(view! {
        <section class="splits relay-legs">
            <h3>{ui.text(|t| t.relay_legs)} {move || unfinished().map(|b| view! { <span class="badge">{b}</span> })}</h3>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{ui.text(|t| t.leg)}</th>
                        <th scope="col">{ui.text(|t| t.leg_runner)}</th>
                        <th scope="col">{ui.text(|t| t.leg_time)}</th>
                        <th scope="col">{ui.text(|t| t.leg_place)}</th>
                        <th scope="col">{ui.text(|t| t.leg_total)}</th>
                    </tr>
                </thead>
                <tbody>{legs}</tbody>
            </table>
        </section>
    })
}
