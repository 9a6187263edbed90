//! From bytes to the raw document: encoding checks first, so a wrong file gets a plain
//! explanation instead of a JSON syntax error at line 1.
use super::problems::{JsonSyntax, LoadError};
use super::raw::{Entry, RawRoot};

/// Files larger than this are refused before parsing: 100 MB is about 500,000 runners,
/// far past any race, and parsing more would stall a phone.
pub const MAX_FILE_BYTES: usize = 100 * 1024 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Checks the bytes and returns the text without a leading BOM (and the BOM's length).
pub(crate) fn text_of(bytes: &[u8]) -> Result<(&str, usize), LoadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            size_bytes: bytes.len(),
            limit_bytes: MAX_FILE_BYTES,
        });
    }
    if looks_like_utf16(bytes) {
        return Err(LoadError::Utf16);
    }
    let skip = if bytes.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    };
    let body = &bytes[skip..];
    let Some(first) = body.iter().position(|b| !b.is_ascii_whitespace()) else {
        return Err(LoadError::Empty);
    };
    // Before the UTF-8 check: an HTML error page in some legacy encoding is still HTML.
    if body[first] == b'<' {
        return Err(LoadError::LooksLikeHtml);
    }
    match std::str::from_utf8(body) {
        Ok(text) => Ok((text, skip)),
        Err(e) => Err(LoadError::NotUtf8 {
            offset: skip + e.valid_up_to(),
        }),
    }
}

/// A UTF-16 (or UTF-32) byte order mark, or the zero bytes that ASCII text gets in
/// UTF-16 without one ("{" saved as 7B 00).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(64)];
    head.len() >= 2 && head.iter().filter(|&&b| b == 0).count() * 4 >= head.len()
}

/// Parses the text into the raw document, turning serde_json's errors into ours.
pub(crate) fn parse_root(text: &str) -> Result<Entry<'_, RawRoot<'_>>, LoadError> {
    serde_json::from_str(text).map_err(|e| json_error(text, &e))
}

fn json_error(text: &str, e: &serde_json::Error) -> LoadError {
    let line = e.line();
    let column = char_column(text, line, e.column());
    let message = e.to_string();
    // The message is "<what> at line L column C"; keep <what>.
    let what = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(what, _)| what);
    if what == "recursion limit exceeded" {
        return LoadError::TooDeep { line, column };
    }
    LoadError::NotJson {
        line,
        column,
        reason: syntax_reason(what),
    }
}

fn syntax_reason(what: &str) -> JsonSyntax {
    match what {
        w if w.starts_with("EOF while parsing") => JsonSyntax::UnexpectedEnd,
        "trailing comma" => JsonSyntax::TrailingComma,
        "expected `,` or `}`" | "expected `,` or `]`" => JsonSyntax::MissingComma,
        "expected `:`" => JsonSyntax::MissingColon,
        "key must be a string" | "expected `\"`" => JsonSyntax::KeyNotString,
        "expected value" | "expected ident" => JsonSyntax::ExpectedValue,
        "trailing characters" => JsonSyntax::TrailingCharacters,
        w if w.contains("escape") || w == "invalid unicode code point" => JsonSyntax::BadEscape,
        w if w.starts_with("control character") => JsonSyntax::ControlCharacter,
        "invalid number" | "number out of range" => JsonSyntax::BadNumber,
        other => JsonSyntax::Other(super::raw::clip(other)),
    }
}

/// serde_json counts columns in bytes; editors count characters. Converts the 1-based
/// byte column on `line` to the 1-based column of the character holding that byte.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    if line == 0 {
        return byte_column;
    }
    // serde_json says column 0 when the file ends right after a line break; that is
    // the first column of the (empty) last line.
    if byte_column == 0 {
        return 1;
    }
    let Some(line_text) = text.split('\n').nth(line - 1) else {
        return byte_column;
    };
    line_text
        .char_indices()
        .take_while(|(i, _)| *i < byte_column)
        .count()
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_checks() {
        let table: [(&[u8], Option<LoadError>); 9] = [
            (b"", Some(LoadError::Empty)),
            (b" \n\t\r\n", Some(LoadError::Empty)),
            (b"\xEF\xBB\xBF  ", Some(LoadError::Empty)),
            (b"\xFF\xFE{\x00}\x00", Some(LoadError::Utf16)),
            (b"{\x00\"\x00e\x00", Some(LoadError::Utf16)),
            (b"\x00{\x00\"\x00e", Some(LoadError::Utf16)),
            (b"\n <!DOCTYPE html>", Some(LoadError::LooksLikeHtml)),
            (
                b"{\"a\": \"\xC3\x28\"}",
                Some(LoadError::NotUtf8 { offset: 7 }),
            ),
            (b"\xEF\xBB\xBF{}", None),
        ];
        for (bytes, want) in table {
            assert_eq!(text_of(bytes).err(), want, "{bytes:?}");
        }
    }

    #[test]
    fn a_file_cut_after_a_line_break_points_at_column_1() {
        let err = parse_root("{\n  \"event\": {\n").err();
        assert_eq!(
            err,
            Some(LoadError::NotJson {
                line: 3,
                column: 1,
                reason: JsonSyntax::UnexpectedEnd
            })
        );
    }

    #[test]
    fn columns_count_characters() {
        let text = "{\"name\": \"Алматы\" x}";
        // 'x' is the 19th character but byte 26.
        let err = parse_root(text).err();
        assert_eq!(
            err,
            Some(LoadError::NotJson {
                line: 1,
                column: 19,
                reason: JsonSyntax::MissingComma
            })
        );
    }
}
