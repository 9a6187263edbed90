//! Age grading: a runner's time against the standard for their age and sex, from the
//! tables the file carries (`Results::age_grading`).
//!
//! With factor f for the runner's age and the open standard S of the distance, the
//! age-graded time is time × f and the grade is S / (time × f) (100% = the standard
//! for that age). Distances between two tabled ones take the factor and the standard
//! interpolated on the logarithm of the distance, as the published road tables do for
//! their in-between distances; outside the tabled range there is no grade.
use super::model::{AgeTable, RaceTime, Results, Sex, Status};
use super::places::Standings;

/// Distances this close (relative) count as the tabled one: 42.2 km is the marathon.
const SAME_KM: f64 = 0.005;

/// Whether a race of `km` is graded with the table of `tabled_km` itself (no
/// interpolation). The converter keeps tables by the same rule.
pub fn same_distance(tabled_km: f64, km: f64) -> bool {
    ((tabled_km - km) / tabled_km).abs() <= SAME_KM
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AgeGrade {
    /// The grade in hundredths of a percent: 6382 = 63.82%.
    pub basis_points: u32,
    pub graded_time: RaceTime,
    pub factor: f64,
}

/// Why a runner has no grade (the card says it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoGrade {
    /// Not finished, or no time.
    NoTime,
    NoSex,
    NoAge,
    /// The distance has no km, or none the tables cover.
    Distance,
    /// The tables do not cover this age (or this sex at this distance).
    AgeOutside,
}

/// The runner's age on race day: the file's age, else the year of the race minus the
/// birth year (the age reached that year).
pub fn age_on_race_day(results: &Results, i: usize) -> Option<u16> {
    let r = results.runners.get(i)?;
    if r.age.is_some() {
        return r.age;
    }
    let year: u16 = results.event.date.as_deref()?.get(..4)?.parse().ok()?;
    year.checked_sub(r.birth_year?)
}

/// The grade of runner `i`, or why there is none. Only called when the file has tables.
pub fn age_grade(results: &Results, st: &Standings, i: usize) -> Result<AgeGrade, NoGrade> {
    let Some(tables) = results.age_grading.as_ref().map(|g| &g.tables[..]) else {
        return Err(NoGrade::Distance);
    };
    let r = &results.runners[i];
    let time = st
        .ranked_time(i)
        .filter(|_| r.status == Status::Finished)
        .filter(|t| t.0 > 0)
        .ok_or(NoGrade::NoTime)?;
    let sex = match r.sex {
        Some(s @ (Sex::M | Sex::F)) => s,
        _ => return Err(NoGrade::NoSex),
    };
    let age = age_on_race_day(results, i).ok_or(NoGrade::NoAge)?;
    let km = r
        .distance
        .and_then(|d| results.distances.get(d)?.km)
        .ok_or(NoGrade::Distance)?;
    let (factor, open) = factor_and_standard(tables, sex, km, age)?;
    let graded = f64::from(time.0) * factor;
    Ok(AgeGrade {
        basis_points: (open / graded * 10_000.0).round() as u32,
        // Whole seconds, as the published tables print age-graded times.
        graded_time: RaceTime(((graded / 1000.0).round() * 1000.0) as u32),
        factor,
    })
}

/// The factor for `age` and the open standard (ms) at `km`, interpolated between the
/// nearest tabled distances of that sex.
pub fn factor_and_standard(
    tables: &[AgeTable],
    sex: Sex,
    km: f64,
    age: u16,
) -> Result<(f64, f64), NoGrade> {
    let mut of_sex: Vec<&AgeTable> = tables.iter().filter(|t| t.sex == sex).collect();
    crate::order::sort_by(&mut of_sex, |a, b| a.km.total_cmp(&b.km));
    let at = |t: &AgeTable| -> Result<(f64, f64), NoGrade> {
        let k = usize::from(age.checked_sub(t.first_age).ok_or(NoGrade::AgeOutside)?);
        let f = *t.factors.get(k).ok_or(NoGrade::AgeOutside)?;
        Ok((f, f64::from(t.open.0)))
    };
    if let Some(t) = of_sex.iter().find(|t| same_distance(t.km, km)) {
        return at(t);
    }
    let upper = of_sex
        .iter()
        .position(|t| t.km > km)
        .ok_or(NoGrade::Distance)?;
    if upper == 0 {
        return Err(NoGrade::Distance);
    }
    let (lo, hi) = (of_sex[upper - 1], of_sex[upper]);
    let (f_lo, s_lo) = at(lo)?;
    let (f_hi, s_hi) = at(hi)?;
    let w = (km.ln() - lo.km.ln()) / (hi.km.ln() - lo.km.ln());
    // Standards grow like a power of the distance, so they are interpolated on a log scale.
    let standard = (s_lo.ln() + w * (s_hi.ln() - s_lo.ln())).exp();
    Ok((f_lo + w * (f_hi - f_lo), standard))
}

/// "63.82%" from basis points; the UI localises the separator.
pub fn percent_text(basis_points: u32) -> String {
    format!("{}.{:02}%", basis_points / 100, basis_points % 100)
}
