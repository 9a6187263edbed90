//! A small, tolerant XML reader: enough for IOF 3.0 result lists (elements, attributes,
//! text, the five named entities and numeric ones, CDATA, comments, declarations).
//! Namespace prefixes are dropped. It builds a tree without recursion and refuses
//! nesting deeper than `MAX_DEPTH`, so no input can exhaust the stack.

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct XmlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

const MAX_DEPTH: usize = 200;

impl Element {
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The element at a path of child names.
    pub fn at(&self, path: &[&str]) -> Option<&Element> {
        path.iter().try_fold(self, |e, name| e.child(name))
    }

    /// Trimmed text at a path, when there is some.
    pub fn text_at(&self, path: &[&str]) -> Option<&str> {
        self.at(path)
            .map(|e| e.text.trim())
            .filter(|t| !t.is_empty())
    }
}

/// Reads a document and returns its root element.
pub fn parse(src: &str) -> Result<Element, XmlError> {
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let bytes = src.as_bytes();
    let mut pos = 0;
    let err = |at: usize, message: &str| {
        let before = &src[..at.min(src.len())];
        let line = before.matches('\n').count() + 1;
        // Columns count bytes: cheap, and exact for the ASCII markup errors are in.
        let column = before.rsplit('\n').next().map_or(0, str::len) + 1;
        XmlError {
            line,
            column,
            message: message.to_string(),
        }
    };
    while pos < bytes.len() {
        if bytes[pos] != b'<' {
            let end = src[pos..].find('<').map_or(src.len(), |i| pos + i);
            let raw = &src[pos..end];
            if let Some(top) = stack.last_mut() {
                if !raw.trim().is_empty() {
                    top.text.push_str(&decode_entities(raw));
                }
            }
            pos = end;
            continue;
        }
        let rest = &src[pos..];
        if rest.starts_with("<?") {
            pos += find_end(rest, "?>").ok_or_else(|| err(pos, "unclosed <?...?>"))?;
        } else if rest.starts_with("<!--") {
            pos += find_end(rest, "-->").ok_or_else(|| err(pos, "unclosed comment"))?;
        } else if rest.starts_with("<![CDATA[") {
            let end = find_end(rest, "]]>").ok_or_else(|| err(pos, "unclosed CDATA"))?;
            if let Some(top) = stack.last_mut() {
                top.text.push_str(&rest[9..end - 3]);
            }
            pos += end;
        } else if rest.starts_with("<!") {
            pos += skip_declaration(rest).ok_or_else(|| err(pos, "unclosed <!...>"))?;
        } else if rest.starts_with("</") {
            let end = find_end(rest, ">").ok_or_else(|| err(pos, "unclosed end tag"))?;
            let name = local(rest[2..end - 1].trim());
            // Tolerance: an end tag closes the nearest open element of that name;
            // a stray one is ignored.
            if let Some(open) = stack.iter().rposition(|e| e.name == name) {
                while stack.len() > open {
                    let done = stack.pop().unwrap_or_default();
                    attach(&mut stack, &mut root, done);
                }
            }
            pos += end;
        } else {
            let (element, len, closed) = start_tag(rest).map_err(|m| err(pos, m))?;
            pos += len;
            if closed {
                attach(&mut stack, &mut root, element);
            } else {
                if stack.len() >= MAX_DEPTH {
                    return Err(err(pos, "elements nested too deeply"));
                }
                stack.push(element);
            }
        }
    }
    while let Some(done) = stack.pop() {
        attach(&mut stack, &mut root, done);
    }
    root.ok_or_else(|| err(src.len(), "no root element"))
}

fn attach(stack: &mut [Element], root: &mut Option<Element>, done: Element) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(done),
        None if root.is_none() => *root = Some(done),
        None => {}
    }
}

fn find_end(s: &str, close: &str) -> Option<usize> {
    s.find(close).map(|i| i + close.len())
}

/// `<!DOCTYPE ... [ ... ]>`: skips to the '>' outside brackets.
fn skip_declaration(s: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '>' if depth <= 0 => return Some(i + 1),
            _ => {}
        }
    }
    None
}

fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_string()
}

/// Reads `<name a="1" b='2'>` or `<name/>`: the element, the length read, and
/// whether it closed itself.
fn start_tag(s: &str) -> Result<(Element, usize, bool), &'static str> {
    let b = s.as_bytes();
    let mut i = 1;
    let name_end = |i: usize| {
        s[i..]
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .map_or(s.len(), |n| i + n)
    };
    let end = name_end(i);
    if end == i {
        return Err("expected an element name after '<'");
    }
    let mut element = Element {
        name: local(&s[i..end]),
        ..Element::default()
    };
    i = end;
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        match b.get(i) {
            None => return Err("unclosed start tag"),
            Some(b'>') => return Ok((element, i + 1, false)),
            Some(b'/') if b.get(i + 1) == Some(&b'>') => return Ok((element, i + 2, true)),
            _ => {}
        }
        let key_end = s[i..]
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .map_or(s.len(), |n| i + n);
        if key_end == i {
            return Err("unexpected character in a start tag");
        }
        let key = local(&s[i..key_end]);
        i = key_end;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            // An attribute without a value: keep it, empty.
            element.attrs.push((key, String::new()));
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let quote = match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => q as char,
            _ => return Err("attribute value without quotes"),
        };
        let close = s[i + 1..].find(quote).ok_or("unclosed attribute value")? + i + 1;
        element.attrs.push((key, decode_entities(&s[i + 1..close])));
        i = close + 1;
    }
}

/// `&amp; &lt; &gt; &quot; &apos; &#NN; &#xNN;`; anything else stays as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 12).and_then(|semi| {
            let name = &rest[1..semi];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let code =
                        if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                            u32::from_str_radix(hex, 16).ok()
                        } else {
                            name.strip_prefix('#').and_then(|d| d.parse().ok())
                        };
                    code.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_elements_attributes_text() {
        let doc = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE x [ <!ENTITY a "b"> ]>
<!-- a comment -->
<iof:ResultList xmlns:iof="http://www.orienteering.org/datastandard/3.0" status='Complete'>
  <Event><Name>Tom &amp; Jerry &#8211; &#x41;&lt;&gt;&quot;&apos; &unknown;</Name></Event>
  <Empty/>
  <Note><![CDATA[<raw> & text]]></Note>
</iof:ResultList>"#;
        let root = parse(doc).unwrap();
        assert_eq!(root.name, "ResultList");
        assert_eq!(root.attr("status"), Some("Complete"));
        assert_eq!(
            root.text_at(&["Event", "Name"]),
            Some("Tom & Jerry – A<>\"' &unknown;")
        );
        assert!(root.child("Empty").is_some());
        assert_eq!(root.text_at(&["Note"]), Some("<raw> & text"));
    }

    #[test]
    fn tolerates_and_reports() {
        // Unclosed elements at the end are closed; stray end tags ignored.
        let root = parse("<a><b>1</c></b><d>2").unwrap();
        assert_eq!(root.text_at(&["b"]), Some("1"));
        assert_eq!(root.text_at(&["d"]), Some("2"));
        let e = parse("<a>\n  <b x=1>").unwrap_err();
        assert_eq!((e.line, e.column), (2, 3));
        assert!(parse("just text").is_err());
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).is_err());
    }
}
