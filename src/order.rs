//! The one sort of the app. Every `sort_by` of std is a separate copy of the sort code
//! (3-5 KB of wasm each) per element type and comparison; these helpers sort row numbers
//! with one shared, non-generic stable sort and then move the elements into place.
use std::cmp::Ordering;

/// Sorts numbers stably by a comparison of what they number: the only std sort
/// instantiated by these helpers.
#[inline(never)]
pub fn sort_numbers(idx: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    idx.sort_by(|&a, &b| cmp(a, b));
}

/// `v.sort_by(cmp)`, stable, through `sort_numbers`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut idx: Vec<u32> = (0..v.len() as u32).collect();
    sort_numbers(&mut idx, &|a, b| cmp(&v[a as usize], &v[b as usize]));
    let mut old: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(idx.iter().map(|&i| old[i as usize].take().unwrap()));
}

/// `v.sort_by_key(key)`, stable.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)))
}

/// `v.sort()`, stable.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, |a, b| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Same order as std's stable sort, ties kept in their first order.
    #[test]
    fn matches_std_stable_sort() {
        let mut seed = 7u64;
        for len in [0usize, 1, 2, 3, 10, 100, 1000] {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut theirs = v;
            theirs.sort_by_key(|p| p.0);
            assert_eq!(ours, theirs);
        }
        let mut words = vec!["b", "a", "c", "a"];
        sort(&mut words);
        assert_eq!(words, ["a", "a", "b", "c"]);
    }
}
