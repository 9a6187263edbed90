//! Text that looks damaged (mojibake, lost letters, control characters), and cleaning
//! a cell of what can be repaired.

/// The Windows-1252 character a C1 control stands for: such controls appear in text
/// that was Windows-1252 but got read as Latin-1 somewhere upstream (O\x92REILLY).
pub fn c1_as_cp1252(c: char) -> Option<char> {
    let code = c as u32;
    if !(0x80..=0x9F).contains(&code) {
        return None;
    }
    let byte = [code as u8];
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
    let fixed = text.chars().next()?;
    (fixed != c).then_some(fixed)
}

/// Cleans a text cell: whitespace collapsed, C1 controls read as the Windows-1252
/// letters they stand for (see `ImportNote::MojibakeSuspected`), other controls removed.
pub fn clean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let code = c as u32;
        if c == '\t' || c == '\n' || c == '\r' {
            out.push(' ');
        } else if (0x80..=0x9F).contains(&code) {
            out.extend(c1_as_cp1252(c));
        } else if code >= 0x20 && code != 0x7F {
            out.push(c);
        }
    }
    if out.contains("  ") || out.starts_with(' ') || out.ends_with(' ') {
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        out
    }
}

/// Whether a cell looks damaged: UTF-8 read as a single-byte code page ("Ã©"), control
/// characters, the replacement character, or '?' standing for a lost letter
/// ("PE?EK", "YOUNG??", "? ?").
pub fn looks_damaged(text: &str) -> bool {
    if text.bytes().all(|b| (0x20..0x7F).contains(&b) && b != b'?') {
        return false;
    }
    if text.contains('?') && text.chars().all(|c| c == '?' || c == ' ') {
        return true;
    }
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let code = c as u32;
        let control =
            (code < 0x20 && !matches!(c, '\t' | '\n' | '\r')) || (0x7F..=0x9F).contains(&code);
        let lost = c == '?'
            && (prev.is_some_and(|p| p.is_alphabetic() || p == '?')
                || chars.peek().is_some_and(|n| n.is_alphabetic()));
        // A UTF-8 lead byte read as Latin-1 followed by a continuation byte.
        let utf8 = prev.is_some_and(|p| ('\u{C2}'..='\u{F4}').contains(&p)) && is_continuation(c);
        if control || lost || utf8 || c == '\u{FFFD}' {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// Characters that a UTF-8 continuation byte (0x80..=0xBF) becomes when read as
/// Windows-1252 or Latin-1.
fn is_continuation(c: char) -> bool {
    let code = c as u32;
    (0x80..=0xBF).contains(&code)
        || matches!(
            c,
            '€' | '‚'
                | 'ƒ'
                | '„'
                | '…'
                | '†'
                | '‡'
                | 'ˆ'
                | '‰'
                | 'Š'
                | '‹'
                | 'Œ'
                | 'Ž'
                | '‘'
                | '’'
                | '“'
                | '”'
                | '•'
                | '–'
                | '—'
                | '˜'
                | '™'
                | 'š'
                | '›'
                | 'œ'
                | 'ž'
                | 'Ÿ'
        )
}
