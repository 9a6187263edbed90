//! How well one typed word matches one word of a name, on plain spellings of their
//! skeletons (see `skeleton::spellings`), letter for letter with sound classes.
//!
//! A typed word matches a name word when it is the start of it (the user may still be
//! typing, and an earlier word may be cut short too). Words of five letters or more
//! forgive one typo: a letter wrong, missing, extra, or two letters swapped.

pub(crate) use super::skeleton::same;

/// Match qualities, higher is better; their sum over typed words ranks a name.
pub(crate) const EXACT: u8 = 8;
pub(crate) const PREFIX: u8 = 6;
pub(crate) const TYPO_EXACT: u8 = 4;
pub(crate) const TYPO_PREFIX: u8 = 3;

/// Typed words this long (in letters) forgive one typo; shorter ones are too easy to
/// turn into another name (Ivon → Ivan).
pub(crate) const TYPO_MIN_LETTERS: usize = 5;

/// For a typed word, bit j of entry b says that byte b may be its letter j (j < 3).
pub(crate) fn letter_table(q: &[u8]) -> [u8; 256] {
    let mut table = [0u8; 256];
    for (b, bits) in table.iter_mut().enumerate() {
        for (j, &letter) in q.iter().take(3).enumerate() {
            if b != 0 && same(letter, b as u8) {
                *bits |= 1 << j;
            }
        }
    }
    table
}

/// Whether name word `n` can match the typed word of `table` with one edit, judged on
/// the first three letters of each: whatever the edit, two of them still line up in
/// one of these eight ways (edit past them; a wrong letter at 0, 1 or 2; an extra or
/// missing letter at 0 or 1; two swapped). Far cheaper than trying the edit.
/// Holds for typed words of three letters or more and name words of three or more.
#[inline]
pub(crate) fn may_match_with_typo(table: &[u8; 256], n: &[u8]) -> bool {
    let at = |j: usize| table[usize::from(n.get(j).copied().unwrap_or(0))];
    let (n0, n1, n2) = (at(0), at(1), at(2));
    let is = |bits: u8, j: u8| bits & (1 << j) != 0;
    (is(n0, 0) && (is(n1, 1) || is(n2, 2) || is(n1, 2) || is(n2, 1)))
        || (is(n1, 1) && is(n2, 2))
        || (is(n0, 1) && (is(n1, 2) || is(n1, 0)))
        || (is(n1, 0) && is(n2, 1))
}

fn starts_with(n: &[u8], q: &[u8]) -> bool {
    n.len() >= q.len() && q.iter().zip(n).all(|(&a, &b)| same(a, b))
}

/// The quality of typed spelling `q` against name spelling `n` (0: no match); `typo`
/// allows one edit. Compares up to the first difference, then tries the one edit there
/// (the classic "one edit away" check).
pub(crate) fn quality(q: &[u8], n: &[u8], typo: bool) -> u8 {
    if q.is_empty() || n.is_empty() {
        return 0;
    }
    let k = q.iter().zip(n).take_while(|(&a, &b)| same(a, b)).count();
    if k == q.len() {
        return if k == n.len() { EXACT } else { PREFIX };
    }
    if !typo {
        return 0;
    }
    let swapped =
        k + 1 < q.len() && k + 1 < n.len() && same(q[k], n[k + 1]) && same(q[k + 1], n[k]);
    let mut best = 0;
    // (typed letters skipped, name letters skipped): wrong, extra, missing, swapped.
    for (dq, dn, possible) in [(1, 1, true), (1, 0, true), (0, 1, true), (2, 2, swapped)] {
        let (Some(qr), Some(nr)) = (q.get(k + dq..), n.get(k + dn..)) else {
            continue;
        };
        if !possible || !starts_with(nr, qr) {
            continue;
        }
        if qr.len() == nr.len() {
            return TYPO_EXACT;
        }
        best = TYPO_PREFIX;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Edit distance of `q` to `n` (whole) and to the nearest start of `n`, by the
    /// textbook table, to check the quick check against.
    fn distances(q: &[u8], n: &[u8]) -> (usize, usize) {
        let mut d = vec![vec![0usize; n.len() + 1]; q.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=q.len() {
            for j in 1..=n.len() {
                let mut v = (d[i - 1][j - 1] + usize::from(q[i - 1] != n[j - 1]))
                    .min(d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1);
                if i > 1 && j > 1 && q[i - 1] == n[j - 2] && q[i - 2] == n[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        let last = &d[q.len()];
        (
            last[n.len()],
            last.iter().copied().min().unwrap_or(usize::MAX),
        )
    }

    #[test]
    fn agrees_with_the_textbook_table() {
        let mut seed: u32 = 12345;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for _ in 0..50_000 {
            let mut word = |max: u32| -> Vec<u8> {
                let len = 1 + next() % max;
                (0..len).map(|_| b"abc"[(next() % 3) as usize]).collect()
            };
            let (q, n) = (word(7), word(9));
            let (whole, start) = distances(&q, &n);
            let want = match (whole, start) {
                (0, _) => EXACT,
                (_, 0) => PREFIX,
                (1, _) => TYPO_EXACT,
                (_, 1) => TYPO_PREFIX,
                _ => 0,
            };
            assert_eq!(quality(&q, &n, true), want, "{q:?} {n:?}");
            let plain = match (whole, start) {
                (0, _) => EXACT,
                (_, 0) => PREFIX,
                _ => 0,
            };
            assert_eq!(quality(&q, &n, false), plain, "{q:?} {n:?}");
            if want > 0 && q.len() >= 3 && n.len() >= 3 {
                assert!(may_match_with_typo(&letter_table(&q), &n), "{q:?} {n:?}");
            }
        }
    }

    #[test]
    fn sound_classes_match_their_letters() {
        assert_eq!(quality(b"viktor", b"viKtor", false), EXACT);
        assert_eq!(quality(b"Sahin", b"Wahin", false), EXACT);
        assert_eq!(quality(b"sahin", b"Wahin", false), EXACT);
        assert_eq!(quality(b"Sam", b"sam", false), 0);
    }
}
