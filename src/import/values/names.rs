//! The order a name column writes names in, and turning them to "First Last".

/// How the Name column writes names. `Auto` turns "Last, First" around and leaves
/// names without a comma as written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NameOrder {
    #[default]
    Auto,
    FirstLast,
    LastFirst,
}

const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"];

/// The runner's name as "First Last". "Last, First" is turned around whenever a
/// comma is there (unless the organizer says names are first-last); without a comma
/// `LastFirst` moves the first word to the end.
pub fn runner_name(raw: &str, order: NameOrder) -> String {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if order != NameOrder::FirstLast {
        if let Some((last, first)) = name.split_once(',') {
            let (last, first) = (last.trim(), first.trim());
            if first.is_empty() || last.is_empty() {
                return format!("{last}{first}");
            }
            // "Rama Gómez, Iván Sr." -> "Iván Rama Gómez Sr."
            let mut given: Vec<&str> = first.split(' ').collect();
            let mut tail = Vec::new();
            while given.len() > 1
                && given
                    .last()
                    .is_some_and(|w| SUFFIXES.contains(&w.to_lowercase().as_str()))
            {
                tail.insert(0, given.pop().unwrap_or_default());
            }
            let mut out = format!("{} {last}", given.join(" "));
            for t in tail {
                out.push(' ');
                out.push_str(t);
            }
            return out;
        }
    }
    if order == NameOrder::LastFirst {
        if let Some((last, first)) = name.split_once(' ') {
            return format!("{first} {last}");
        }
    }
    name
}
