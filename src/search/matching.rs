//! How well one typed word matches one word of a name, on skeletons.
//!
//! A typed word matches a name word when it is the start of it (the user may still be
//! typing, and an earlier word may be cut short too). Words of five letters or more
//! forgive one typo: a letter wrong, missing, extra, or two letters swapped.

pub(crate) use super::skeleton::same;
use super::skeleton::{can_be_k, can_be_s, is_multi, is_optional, MAX_WORD};

/// Match qualities, higher is better; their sum over typed words ranks a name.
pub(crate) const EXACT: u8 = 8;
pub(crate) const PREFIX: u8 = 6;
pub(crate) const TYPO_EXACT: u8 = 4;
pub(crate) const TYPO_PREFIX: u8 = 3;

/// Typed words this long (in letters) forgive one typo; shorter ones are too easy to
/// turn into another name (Ivon → Ivan).
pub(crate) const TYPO_MIN_LETTERS: usize = 5;

/// A skeleton with nothing that can stand for zero or two letters, so a plain
/// left-to-right comparison is exact.
pub(crate) fn is_simple(word: &[u8]) -> bool {
    !word.iter().any(|&b| is_multi(b))
}

/// The quality of typed word `q` against name word `n` (0: no match).
/// `simple` says both are [`is_simple`]; `typo` allows one edit.
pub(crate) fn quality(q: &[u8], n: &[u8], simple: bool, typo: bool) -> u8 {
    if q.is_empty() || n.is_empty() {
        return 0;
    }
    if simple {
        return simple_quality(q, n, typo);
    }
    // Cheap rejection before the table: the first letters must agree, and with a typo
    // allowed one of the first two must line up (when neither can shift them).
    if !typo {
        if !may_start(q[0], n[0]) {
            return 0;
        }
    } else if head_is_simple(q) && head_is_simple(n) && !lined_up(q[0], q[1], n[0], n[1]) {
        return 0;
    }
    table_quality(q, n, typo)
}

/// Whether a typed word starting with `q` may match, without a typo, a name word
/// starting with `n` (x may be the k of ks).
#[inline]
pub(crate) fn may_start(q: u8, n: u8) -> bool {
    same(q, n) || (q == b'X' && can_be_k(n)) || (n == b'X' && can_be_k(q))
}

/// Whether the first two bytes of a word stand for exactly one letter each, so that
/// [`lined_up`] is a safe test.
#[inline]
pub(crate) fn head_is_simple(word: &[u8]) -> bool {
    word.len() > 1 && !is_multi(word[0]) && !is_multi(word[1])
}

/// With one edit, the first two letters of both words must line up somewhere:
/// an edit past them keeps the first in place, an edit among them keeps one of them.
#[inline]
pub(crate) fn lined_up(q0: u8, q1: u8, n0: u8, n1: u8) -> bool {
    same(q0, n0) || same(q1, n1) || same(q0, n1) || same(q1, n0)
}

fn starts_with(n: &[u8], q: &[u8]) -> bool {
    n.len() >= q.len() && q.iter().zip(n).all(|(&a, &b)| same(a, b))
}

/// Both words letter for letter: compare up to the first difference, then try the one
/// edit there (standard "one edit away" check, with sound classes for equality).
fn simple_quality(q: &[u8], n: &[u8], typo: bool) -> u8 {
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
    for (dq, dn, ok) in [(1, 1, true), (1, 0, true), (0, 1, true), (2, 2, swapped)] {
        let (Some(qr), Some(nr)) = (q.get(k + dq..), n.get(k + dn..)) else {
            continue;
        };
        if !ok {
            continue;
        }
        if qr.len() == nr.len() && starts_with(nr, qr) {
            return TYPO_EXACT;
        }
        if starts_with(nr, qr) {
            best = TYPO_PREFIX;
        }
    }
    best
}

/// Edit distance with optional letters (free to skip on either side) and x = ks,
/// computed row by row over the typed word; stops once no cell can stay in budget.
fn table_quality(q: &[u8], n: &[u8], typo: bool) -> u8 {
    let q = &q[..q.len().min(MAX_WORD)];
    let n = &n[..n.len().min(MAX_WORD)];
    let budget: u8 = typo.into();
    let over = budget + 1;
    let cols = n.len() + 1;
    // Rows i-2, i-1 and i of the table; cell j is the cost of q[..i] against n[..j].
    let mut rows = [[over; MAX_WORD + 1]; 3];
    let skip_cost = |b: u8| if is_optional(b) { 0 } else { 1 };
    rows[0][0] = 0;
    for j in 1..cols {
        rows[0][j] = (rows[0][j - 1] + skip_cost(n[j - 1])).min(over);
    }
    let mut prev_over = false;
    for i in 1..=q.len() {
        let (cur, back1, back2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        let a = q[i - 1];
        let first = (rows[back1][0] + skip_cost(a)).min(over);
        rows[cur][0] = first;
        let mut row_min = first;
        for j in 1..cols {
            let b = n[j - 1];
            let mut best = rows[back1][j - 1] + u8::from(!same(a, b));
            best = best.min(rows[back1][j] + skip_cost(a));
            best = best.min(rows[cur][j - 1] + skip_cost(b));
            if i >= 2 && j >= 2 && same(a, n[j - 2]) && same(q[i - 2], b) {
                best = best.min(rows[back2][j - 2] + 1);
            }
            if a == b'X' && j >= 2 && can_be_k(n[j - 2]) && can_be_s(b) {
                best = best.min(rows[back1][j - 2]);
            }
            if b == b'X' && i >= 2 && can_be_k(q[i - 2]) && can_be_s(a) {
                best = best.min(rows[back2][j - 1]);
            }
            // The last typed letter may be the k of an x still being typed (Alek → Alexei).
            if b == b'X' && i == q.len() && can_be_k(a) {
                best = best.min(rows[back1][j - 1]);
            }
            let best = best.min(over);
            rows[cur][j] = best;
            row_min = row_min.min(best);
        }
        // Every later cell comes from one of the last two rows plus a cost.
        let this_over = row_min > budget;
        if this_over && prev_over {
            return 0;
        }
        prev_over = this_over;
    }
    let last = &rows[q.len() % 3][..cols];
    let exact = last[cols - 1];
    let prefix = last.iter().copied().min().unwrap_or(over);
    match (exact, prefix) {
        (0, _) => EXACT,
        (_, 0) => PREFIX,
        (1, _) if typo => TYPO_EXACT,
        (_, 1) if typo => TYPO_PREFIX,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(a: &str, b: &str, typo: bool) -> u8 {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        quality(a, b, is_simple(a) && is_simple(b), typo)
    }

    #[test]
    fn simple_and_table_paths_agree() {
        // The table must give what the letter-by-letter check gives on simple words.
        let words = [
            "ivan", "ivanov", "ivnaov", "ivanvo", "ivanx", "van", "amangos", "amanov", "a", "xx",
        ];
        for a in words {
            for b in words {
                for typo in [false, true] {
                    let (x, y) = (a.as_bytes(), b.as_bytes());
                    if !is_simple(x) || !is_simple(y) {
                        continue;
                    }
                    assert_eq!(
                        simple_quality(x, y, typo),
                        table_quality(x, y, typo),
                        "{a} {b} {typo}"
                    );
                }
            }
        }
    }

    #[test]
    fn simple_and_table_paths_agree_on_random_words() {
        // A small deterministic generator: every short word over three letters.
        let mut seed: u32 = 12345;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for _ in 0..20_000 {
            let mut word = |max: u32| -> Vec<u8> {
                let len = next() % max;
                (0..len).map(|_| b"abc"[(next() % 3) as usize]).collect()
            };
            let (a, b) = (word(8), word(10));
            for typo in [false, true] {
                assert_eq!(
                    simple_quality(&a, &b, typo),
                    table_quality(&a, &b, typo),
                    "{a:?} {b:?} {typo}"
                );
            }
        }
    }

    #[test]
    fn optional_letters_and_x() {
        let e = "a\u{1}lia";
        assert_eq!(q("alia", e, false), EXACT);
        assert_eq!(q("aelia", e, false), EXACT);
        assert_eq!(q(e, "aelia", false), EXACT);
        assert_eq!(q("al", e, false), PREFIX);
        assert_eq!(q("aleXei", "aleksei", false), EXACT);
        assert_eq!(q("aleksei", "aleXei", false), EXACT);
        assert_eq!(q("Xurshid", "hurshid", false), EXACT);
        assert_eq!(q("aleXandr", "aleksandr", false), EXACT);
        assert_eq!(q("alekXandr", "aleksandr", false), 0);
        assert_eq!(q("aleXander", "aleksandr", true), TYPO_EXACT);
        assert_eq!(q("alek", "aleXei", false), PREFIX);
    }
}
