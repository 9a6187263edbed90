//! One runner's result: places "12 of 845", times, pace, splits, the share of the field
//! beaten, where they finished in the distance's spread of times, and a share button.
use super::fresh::Fresh;
use leptos::prelude::*;

use super::export::PrintCard;
use super::histogram::FinishHistogram;
use super::result_list::status_badge;
use super::stars::StarButton;
use super::state::use_ui;
use crate::dataset::origin_line;
use crate::domain::time::{format_pace, format_time};
use crate::domain::{split_rows, RaceTime, Ranking, Sex, Status};
use crate::i18n::{fill, format_int, format_percent};
use crate::web::browser;

#[component]
pub fn RunnerCard() -> impl IntoView {
    let ui = use_ui();
    let back = move |_| {
        ui.runner.set(None);
    };
    let back_button: NodeRef<leptos::html::Button> = NodeRef::new();
    // Keyboard and screen reader users land in the card they opened.
    Effect::new(move |_| {
        if let Some(b) = back_button.get() {
            let _ = b.focus();
        }
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ui.runner.set(None);
        }
    };
    view! {
        <section class="runner-card-wrap" on:keydown=on_key>
            <button type="button" class="back" node_ref=back_button on:click=back>
                "← "
                {ui.text(|t| t.back)}
            </button>
            {move || {
                let data = ui.dataset()?;
                let bib = ui.runner.get()?;
                let found = data.runner_by_bib(&bib);
                Some(match found {
                    Some(i) => view! { <Card index=i /> }.into_any(),
                    // Results in parts: the runner's part (or the whole file) is coming.
                    None if data.is_partial() => {
                        view! {
                            <p class="empty" role="status">
                                {ui.text(|t| t.parts_searching)}
                            </p>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <p class="empty" role="alert">
                                {ui.text(|t| t.runner_not_found)}
                            </p>
                        }
                            .into_any()
                    }
                })
            }}
        </section>
    }
}

#[component]
fn Card(index: usize) -> impl IntoView {
    let ui = use_ui();
    let Some(data) = ui.dataset_untracked() else {
        return ().into_any();
    };
    let r = data.results.runners[index].clone();
    let st = &data.standings;
    let placing = st.placing(index);
    let distance = r
        .distance
        .and_then(|d| data.results.distances.get(d))
        .cloned();
    let time = st.ranked_time(index);
    let fallback = st.used_fallback(index);
    // Shares of the field and the spread of times need every row: results in parts
    // show them once the whole file is in.
    let whole = !data.is_partial();
    let beaten = crate::domain::share_beaten(st, index).filter(|_| whole);
    let splits = split_rows(&data.results, st, index);
    let (total, sex_total, cat_total) = match r.distance {
        Some(d) => (
            st.finishers(d),
            r.sex.map(|s| st.finishers_by_sex(d, s)),
            r.category
                .as_deref()
                .map(|c| st.finishers_in_category(d, c)),
        ),
        None => (0, None, None),
    };
    let lang = move || ui.lang.get();
    let place_of = move |p: Option<u32>, n: u32| match p {
        Some(p) => fill(
            ui.texts().place_of,
            &[&format_int(p as u64, lang()), &format_int(n as u64, lang())],
        ),
        None => ui.texts().not_placed.to_string(),
    };
    // A relay team of X is a mixed team, not a non-binary runner.
    let relay = distance.as_ref().is_some_and(|d| d.relay);
    let sex_label = move |s: Option<Sex>| match s {
        Some(Sex::M) => ui.texts().men,
        Some(Sex::F) => ui.texts().women,
        Some(Sex::X) if relay => ui.texts().team_mixed,
        Some(Sex::X) => ui.texts().sex_x,
        None => ui.texts().place_sex,
    };
    let km = distance.as_ref().and_then(|d| d.km);
    let ranking = distance.as_ref().map(|d| d.ranking).unwrap_or_default();
    let status = r.status;
    let on_course = r.on_course;
    let last_seen = on_course
        .then(|| crate::domain::last_split(&data.results, index))
        .flatten()
        .map(|l| (l.name, format_time(l.time)));
    // Results from another origin say so in the shared text too, not only in the link.
    let share_title = match ui.source.get_untracked() {
        Some(origin) => format!(
            "{} — {} ({})",
            r.name,
            data.results.event.name,
            fill(ui.texts().source_other, &[&origin])
        ),
        None => format!("{} — {}", r.name, data.results.event.name),
    };
    let (copied, set_copied) = signal(false);
    let share = move |_| {
        let url = browser::current_href();
        set_copied.set(browser::share_or_copy(&share_title, &url));
    };
    // A file from the device has no address: a link would point at this site's results.
    let local = move || ui.local_file.get().is_some();
    let distance_index = r.distance;
    let sex = r.sex;
    let category = r.category.clone();
    Fresh(view! {
        <article class="runner-card" data-testid="runner-detail" data-bib=r.bib.clone()>
            <header>
                <div class="name-row">
                    <h2 class="runner-name">{r.name.clone()}</h2>
                    <StarButton bib=r.bib.clone() name=r.name.clone() />
                </div>
                <p class="runner-sub">
                    <span class="bib">"#"{r.bib.clone()}</span>
                    {distance.as_ref().map(|d| view! { <span>{d.name.clone()}</span> })}
                    {r.category.clone().map(|c| view! { <span>{c}</span> })}
                    {
                        let o = origin_line(&r);
                        (!o.is_empty()).then(|| view! { <span>{o}</span> })
                    }
                    {r.age.map(|a| view! { <span>{super::state::dyn_text(Box::new(move || fill(ui.texts().card_age, &[&a.to_string()])))}</span> })}
                    {r.team.clone().filter(|t| Some(t) != r.club.as_ref()).map(|team| view! {
                        <span>{super::state::dyn_text(Box::new(move || fill(ui.texts().card_team, &[&team])))}</span>
                    })}
                </p>
            </header>
            <div class="big-time">
                <span class="time">{time.map(format_time).unwrap_or_else(|| "–".into())}</span>
                {move || {
                    let t = ui.texts();
                    if on_course { Some(("on-course", t.on_course)) } else {
                        status_badge(t, status).map(|b| (status.code(), b))
                    }
                    .map(|(code, b)| view! { <span class=format!("badge badge-{code}")>{b}</span> })
                }}
            </div>
            {last_seen.map(|(at, time)| view! {
                <p class="last-seen" data-testid="last-seen">{super::state::dyn_text(Box::new(move || fill(ui.texts().last_split, &[&at, &time])))}</p>
            })}
            <dl class="places">
                <div>
                    <dt>{ui.text(|t| t.place_overall)}</dt>
                    <dd>{move || place_of(placing.overall, total)}</dd>
                </div>
                {sex_total.map(|n| view! {
                    <div>
                        <dt>{move || sex_label(sex)}</dt>
                        <dd>{move || place_of(placing.sex, n)}</dd>
                    </div>
                })}
                {cat_total.map(|n| {
                    let c = category.clone().unwrap_or_default();
                    view! {
                        <div>
                            <dt>{ui.text(|t| t.place_category)} " " {c.clone()}</dt>
                            <dd>{move || place_of(placing.category, n)}</dd>
                        </div>
                    }
                })}
            </dl>
            <dl class="times">
                {r.chip_time.map(|t| view! {
                    <div><dt>{ui.text(|t| t.chip_time)}</dt><dd>{format_time(t)}</dd></div>
                })}
                {r.gun_time.map(|t| view! {
                    <div><dt>{ui.text(|t| t.gun_time)}</dt><dd>{format_time(t)}</dd></div>
                })}
                {time.zip(km).and_then(|(t, km)| format_pace(t, km)).filter(|_| status == Status::Finished).map(|p| view! {
                    <div><dt>{ui.text(|t| t.pace)}</dt><dd>{p}" "{ui.text(|t| t.per_km)}</dd></div>
                })}
            </dl>
            <p class="note">
                {move || match ranking {
                    Ranking::Chip => ui.texts().ranked_by_chip,
                    Ranking::Gun => ui.texts().ranked_by_gun,
                }}
                {move || fallback.then(|| format!(" {}", ui.texts().fallback_time))}
            </p>
            <super::age_grade::AgeGradeLine index=index />
            {beaten.filter(|_| placing.overall.is_some()).map(|b| view! {
                <p class="beaten">{super::state::dyn_text(Box::new(move || fill(ui.texts().beaten, &[&format_percent(b)])))}</p>
            })}
            {(splits.len() > 1).then(|| view! { <SplitTable rows=splits.clone() /> })}
            // A relay team's card lists its legs, the found runner's leg marked.
            {(!r.legs.is_empty()).then(|| view! { <super::teams::RelayLegs row=index /> })}
            {distance_index.zip(time).filter(|_| placing.overall.is_some() && whole).map(|(d, t)| view! {
                <FinishHistogram distance=d time=t />
            })}
            <div class="share-row">
                <Show
                    when=move || !local()
                    fallback=move || view! { <p class="hint" data-testid="share-local">{ui.text(|t| t.share_local)}</p> }
                >
                    <button type="button" class="share" on:click=share.clone()>
                        {ui.text(|t| t.share)}
                    </button>
                </Show>
                <PrintCard />
                <Show when=move || copied.get()>
                    <span role="status">{ui.text(|t| t.link_copied)}</span>
                </Show>
            </div>
        </article>
    })
    .into_any()
}

#[component]
fn SplitTable(rows: Vec<crate::domain::SplitRow>) -> impl IntoView {
    let ui = use_ui();
    let Some(data) = ui.dataset_untracked() else {
        return ().into_any();
    };
    let runner = ui
        .runner
        .get_untracked()
        .and_then(|b| data.runner_by_bib(&b));
    let names: Vec<String> = runner
        .and_then(|i| data.results.runners[i].distance)
        .and_then(|d| data.results.distances.get(d))
        .map(|d| d.splits.iter().map(|s| s.name.clone()).collect())
        .unwrap_or_default();
    let fmt = |t: Option<RaceTime>| t.map(format_time).unwrap_or_else(|| "–".into());
    Fresh(view! {
        <section class="splits">
            <h3>{ui.text(|t| t.splits)}</h3>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{ui.text(|t| t.split_point)}</th>
                        <th scope="col">{ui.text(|t| t.split_time)}</th>
                        <th scope="col">{ui.text(|t| t.segment)}</th>
                        <th scope="col">{ui.text(|t| t.pace)}</th>
                        <th scope="col">{ui.text(|t| t.position)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let name = match row.split {
                                Some(s) => names.get(s).cloned().unwrap_or_default(),
                                None => String::new(),
                            };
                            let is_finish = row.split.is_none();
                            let pace = row.segment_pace_s_per_km.map(|s| {
                                let s = s.round() as u64;
                                format!("{}:{:02}", s / 60, s % 60)
                            });
                            view! {
                                <tr>
                                    <th scope="row">
                                        {move || if is_finish { ui.texts().finish.to_string() } else { name.clone() }}
                                    </th>
                                    <td>{fmt(row.cumulative)}</td>
                                    <td>{fmt(row.segment)}</td>
                                    <td>{pace.unwrap_or_else(|| "–".into())}</td>
                                    <td>{row.position.map(|p| p.to_string()).unwrap_or_else(|| "–".into())}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    })
    .into_any()
}
