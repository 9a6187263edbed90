//! The runner card's age grade (`age-grade`): the percentage, the age-graded time and the
//! rank by grade in the distance, or why there is none. Only for files with tables.
use leptos::prelude::*;

use super::state::use_ui;
use crate::domain::age_grade::percent_text;
use crate::domain::time::format_time;
use crate::domain::NoGrade;
use crate::i18n::{fill, format_int, Texts};

fn reason(t: &Texts, why: NoGrade) -> &'static str {
    match why {
        NoGrade::NoTime => t.no_grade_time,
        NoGrade::NoSex => t.no_grade_sex,
        NoGrade::NoAge => t.no_grade_age,
        NoGrade::Distance => t.no_grade_distance,
        NoGrade::AgeOutside => t.no_grade_age_outside,
    }
}

#[component]
pub fn AgeGradeLine(index: usize) -> impl IntoView {
    let ui = use_ui();
    let data = ui.dataset_untracked()?;
    let grades = data.age_grades()?;
    let source = data
        .results
        .age_grading
        .as_ref()
        .map(|g| g.source.clone())
        .filter(|s| !s.trim().is_empty());
    let distance = data.results.runners[index]
        .distance
        .and_then(|d| data.results.distances.get(d))
        .map(|d| d.name.clone())
        .unwrap_or_default();
    let grade = grades.grade[index];
    // Ranks need every runner: results in parts show them once the whole file is in.
    let rank = grades.rank[index].filter(|_| !data.is_partial());
    let lang = move || ui.lang.get();
    Some(view! {
        <section class="age-grade" data-testid="age-grade">
            {move || {
                let t = ui.texts();
                match grade {
                    Ok(g) => {
                        let main = fill(t.age_grade, &[&percent_text(g.basis_points)]);
                        let time = fill(t.age_graded_time, &[&format_time(g.graded_time)]);
                        let place = rank.map(|(p, n)| {
                            fill(
                                t.age_grade_rank,
                                &[&format_int(p as u64, lang()), &format_int(n as u64, lang()), &distance],
                            )
                        });
                        view! {
                            <p class="grade"><strong>{main}</strong></p>
                            <p class="sub">{time} {place.map(|p| format!(" · {p}"))}</p>
                        }
                            .into_any()
                    }
                    Err(why) => view! { <p class="sub">{reason(t, why)}</p> }.into_any(),
                }
            }}
            {source.map(|s| view! { <p class="sub source">{super::state::dyn_text(Box::new(move || fill(ui.texts().age_grade_source, &[&s])))}</p> })}
        </section>
    })
}
