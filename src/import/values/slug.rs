//! Ids for URLs and JSON keys made from names.

/// An id for URLs and JSON keys: lowercase ASCII letters, digits and '-'. Cyrillic and
/// Kazakh letters are transliterated, Latin accents dropped.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            _ => match fold_letter(c) {
                Some(s) => out.push_str(s),
                None if !out.ends_with('-') && !out.is_empty() => out.push('-'),
                None => {}
            },
        }
    }
    out.trim_end_matches('-').to_string()
}

fn fold_letter(c: char) -> Option<&'static str> {
    const CYRILLIC: [&str; 32] = [
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
        "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
    ];
    let s = match c {
        'а'..='я' => CYRILLIC[(c as u32 - 'а' as u32) as usize],
        'ё' => "e",
        'ә' => "a",
        'ғ' => "g",
        'қ' => "q",
        'ң' => "n",
        'ө' => "o",
        'ұ' | 'ү' => "u",
        'һ' => "h",
        'і' => "i",
        'à'..='å' => "a",
        'ç' => "c",
        'è'..='ë' => "e",
        'ì'..='ï' => "i",
        'ñ' => "n",
        'ò'..='ö' | 'ø' => "o",
        'ù'..='ü' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        _ => return None,
    };
    Some(s)
}
