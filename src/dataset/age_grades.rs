//! Every runner's age grade and their rank by it within their distance, computed once
//! when something first asks (the card, or the sort by age grade).
use crate::domain::{self, AgeGrade, NoGrade, Results, Standings};

pub struct AgeGrades {
    /// By runner row.
    pub grade: Vec<Result<AgeGrade, NoGrade>>,
    /// By runner row: (rank, graded runners of the distance); equal grades share a rank.
    pub rank: Vec<Option<(u32, u32)>>,
}

impl AgeGrades {
    pub fn compute(results: &Results, st: &Standings) -> AgeGrades {
        let n = results.runners.len();
        let grade: Vec<_> = (0..n).map(|i| domain::age_grade(results, st, i)).collect();
        let mut rank = vec![None; n];
        for d in 0..results.distances.len() {
            let mut graded: Vec<(u32, usize)> = (0..n)
                .filter(|&i| results.runners[i].distance == Some(d))
                .filter_map(|i| grade[i].ok().map(|g| (g.basis_points, i)))
                .collect();
            crate::order::sort_by(&mut graded, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let total = graded.len() as u32;
            let mut place = 0;
            for (k, &(bp, i)) in graded.iter().enumerate() {
                if k == 0 || graded[k - 1].0 != bp {
                    place = k as u32 + 1;
                }
                rank[i] = Some((place, total));
            }
        }
        AgeGrades { grade, rank }
    }

    /// The grade of row `i` in basis points, for sorting.
    pub fn points(&self, i: usize) -> Option<u32> {
        self.grade.get(i)?.ok().map(|g| g.basis_points)
    }
}
