//! Ids for URLs and JSON keys made from names.

use crate::search::letters::plain_letter;

/// An id for URLs and JSON keys: lowercase ASCII letters, digits and '-'. Cyrillic and
/// Kazakh letters are transliterated and Latin accents dropped by the search's table
/// (`search::letters`), so an id spells a name as search folds it (й → y, қ → k).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            _ if plain_letter(c, &mut out) => {}
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    out.trim_end_matches('-').to_string()
}
