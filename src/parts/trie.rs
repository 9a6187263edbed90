//! Cutting an index (runners filed under keys) into parts: a trie over the keys' bytes
//! whose busy nodes split by the next byte (docs/parts.md).

/// A part holds at most this many runners, unless its key is as long as keys go.
pub const PART_RUNNERS: usize = 800;

/// Keys stop growing at this many bytes: a part with a key this long holds every word
/// starting with it, however many runners that is.
pub const MAX_KEY_BYTES: usize = 6;

/// One part of an index: the runners filed under `key` (or, when `exact`, under `key`
/// itself only), as row indices in increasing order, each once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cut {
    pub key: Vec<u8>,
    pub exact: bool,
    pub runners: Vec<u32>,
}

/// Cuts an index given as (key, runner) pairs into parts of at most `limit` runners
/// (a node at `MAX_KEY_BYTES` stays whole). The root always splits, so every key is
/// at least one byte; empty keys are dropped. Parts come in key order, an exact part
/// before the parts under the same key.
pub fn cut(mut filed: Vec<(Vec<u8>, u32)>, limit: usize) -> Vec<Cut> {
    filed.retain(|(key, _)| !key.is_empty());
    filed.sort_unstable();
    filed.dedup();
    let mut out = Vec::new();
    split(&filed, 0, limit, &mut out);
    out
}

/// `filed` is sorted and every key in it starts with the same `depth` bytes; the
/// node is split into its children (one per next byte), keys ending here staying in an
/// exact part.
fn split(filed: &[(Vec<u8>, u32)], depth: usize, limit: usize, out: &mut Vec<Cut>) {
    // Sorted, so the keys that end here come first.
    let ending = filed.iter().take_while(|(k, _)| k.len() == depth).count();
    if ending > 0 {
        out.push(Cut {
            key: filed[0].0.clone(),
            exact: true,
            runners: runners(&filed[..ending]),
        });
    }
    let mut rest = &filed[ending..];
    while let Some((first, _)) = rest.first() {
        let byte = first[depth];
        let n = rest.iter().take_while(|(k, _)| k[depth] == byte).count();
        node(&rest[..n], depth + 1, limit, out);
        rest = &rest[n..];
    }
}

/// A node of `depth` bytes: one part when small enough (or deep enough), else split.
fn node(filed: &[(Vec<u8>, u32)], depth: usize, limit: usize, out: &mut Vec<Cut>) {
    let held = runners(filed);
    if held.len() <= limit || depth >= MAX_KEY_BYTES {
        out.push(Cut {
            key: filed[0].0[..depth].to_vec(),
            exact: false,
            runners: held,
        });
    } else {
        split(filed, depth, limit, out);
    }
}

/// The distinct runners of some pairs, in row order.
fn runners(filed: &[(Vec<u8>, u32)]) -> Vec<u32> {
    let mut held: Vec<u32> = filed.iter().map(|&(_, r)| r).collect();
    held.sort_unstable();
    held.dedup();
    held
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filed(words: &[(&str, u32)]) -> Vec<(Vec<u8>, u32)> {
        words
            .iter()
            .map(|(w, r)| (w.as_bytes().to_vec(), *r))
            .collect()
    }

    fn shown(cuts: &[Cut]) -> Vec<(String, bool, Vec<u32>)> {
        cuts.iter()
            .map(|c| {
                (
                    String::from_utf8_lossy(&c.key).into_owned(),
                    c.exact,
                    c.runners.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn busy_keys_split_and_short_words_stay_exact() {
        let cuts = cut(
            filed(&[
                ("al", 0),
                ("ali", 1),
                ("alm", 2),
                ("alm", 3),
                ("bo", 4),
                ("al", 0),
            ]),
            2,
        );
        assert_eq!(
            shown(&cuts),
            [
                ("al".into(), true, vec![0]),
                ("ali".into(), false, vec![1]),
                ("alm".into(), false, vec![2, 3]),
                ("b".into(), false, vec![4]),
            ]
        );
    }

    #[test]
    fn a_runner_is_counted_once_per_node() {
        // Two spellings of one runner's word do not make the node busy.
        let cuts = cut(filed(&[("ae", 0), ("a", 0), ("ab", 1)]), 2);
        assert_eq!(shown(&cuts), [("a".into(), false, vec![0, 1])]);
    }

    #[test]
    fn the_deepest_keys_stay_whole() {
        let many: Vec<(Vec<u8>, u32)> = (0..10).map(|r| (b"abcdefgh".to_vec(), r)).collect();
        let cuts = cut(many, 3);
        assert_eq!(cuts.len(), 1);
        assert_eq!(cuts[0].key, b"abcdef");
        assert_eq!(cuts[0].runners.len(), 10);
        assert!(cut(filed(&[("", 0)]), 1).is_empty());
    }
}
