//! XML as a tree of elements, read with quick-xml: enough for IOF 3.0 result lists
//! (elements, attributes, text, entities, CDATA; comments, declarations and DOCTYPE
//! skipped). Namespace prefixes are dropped. Tolerant as exports need: an end tag
//! closes the nearest open element of its name, a stray one is ignored, elements still
//! open at the end are closed, an entity quick-xml does not know stays as written. The
//! tree is built without recursion and nesting deeper than `MAX_DEPTH` is refused, so
//! no input can exhaust the stack.

use crate::import::Encoding;
use quick_xml::events::attributes::AttrError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;

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
    let mut reader = Reader::from_str(src);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| error_at(src, reader.error_position() as usize, &e.to_string()))?;
        match event {
            Event::Start(tag) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(error_at(src, at, "elements nested too deeply"));
                }
                stack.push(element(&tag).map_err(|m| error_at(src, at, m))?);
            }
            Event::Empty(tag) => {
                let done = element(&tag).map_err(|m| error_at(src, at, m))?;
                attach(&mut stack, &mut root, done);
            }
            Event::End(tag) => {
                // `</ Name>` closes Name, as lenient readers take it.
                let name = local_name(tag.name().as_ref().trim_ascii_start());
                if let Some(open) = stack.iter().rposition(|e| e.name == name) {
                    while stack.len() > open {
                        let done = stack.pop().unwrap_or_default();
                        attach(&mut stack, &mut root, done);
                    }
                }
            }
            Event::Text(text) => {
                let raw = String::from_utf8_lossy(&text);
                if let Some(top) = stack.last_mut() {
                    if !raw.trim().is_empty() {
                        top.text.push_str(&unescape(&raw));
                    }
                }
            }
            Event::CData(data) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&String::from_utf8_lossy(&data));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    while let Some(done) = stack.pop() {
        attach(&mut stack, &mut root, done);
    }
    root.ok_or_else(|| error_at(src, src.len(), "no root element"))
}

/// The encoding an `<?xml ... encoding="..."?>` declaration names, if we read it
/// (labels as encoding_rs knows them: "windows-1251", "ISO-8859-1", "utf-8"...).
pub fn declared_encoding(bytes: &[u8]) -> Option<Encoding> {
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes);
    let head = String::from_utf8_lossy(&body[..body.len().min(1024)]);
    let mut reader = Reader::from_str(head.trim_start());
    loop {
        match reader.read_event().ok()? {
            Event::Decl(decl) => {
                let name = decl.encoding()?.ok()?;
                return Encoding::from_label(&String::from_utf8_lossy(&name));
            }
            Event::Comment(_) | Event::Text(_) => {}
            _ => return None,
        }
    }
}

/// The line and column of a byte offset. Columns count bytes: cheap, and exact for the
/// ASCII markup errors are in.
fn error_at(src: &str, at: usize, message: &str) -> XmlError {
    let before = src.get(..at.min(src.len())).unwrap_or(src);
    XmlError {
        line: before.matches('\n').count() + 1,
        column: before.rsplit('\n').next().map_or(0, str::len) + 1,
        message: message.to_string(),
    }
}

fn attach(stack: &mut [Element], root: &mut Option<Element>, done: Element) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(done),
        None if root.is_none() => *root = Some(done),
        None => {}
    }
}

/// An element with its local name and attributes, without children yet.
fn element(tag: &BytesStart) -> Result<Element, &'static str> {
    let name = tag.name();
    // quick-xml reads `< a>` as a tag without a name.
    if name.as_ref().is_empty() {
        return Err("expected an element name after '<'");
    }
    let mut element = Element {
        name: local_name(name.as_ref()),
        ..Element::default()
    };
    for attr in tag.attributes().with_checks(false) {
        let (key, value) = match attr {
            Ok(attr) => (
                local_name(attr.key.as_ref()),
                unescape(&String::from_utf8_lossy(&attr.value)).into_owned(),
            ),
            // A key without `=` (`<Person checked>`) is kept, empty; quick-xml goes on
            // after it, so only its name is read back from the tag.
            Err(AttrError::ExpectedEq(at)) => {
                let before = String::from_utf8_lossy(&tag[..at.min(tag.len())]);
                let key = before.split_whitespace().last().unwrap_or_default();
                (local_name(key.as_bytes()), String::new())
            }
            Err(AttrError::UnquotedValue(_)) => return Err("attribute value without quotes"),
            Err(_) => return Err("unexpected character in a start tag"),
        };
        element.attrs.push((key, value));
    }
    Ok(element)
}

/// A name without its namespace prefix (`iof:Name` is `Name`).
fn local_name(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    name.rsplit(':').next().unwrap_or_default().to_string()
}

/// Entities and character references resolved by quick-xml; one it does not know
/// (`&nbsp;` in a hand-edited file) stays as written rather than failing the file.
pub fn unescape(raw: &str) -> Cow<'_, str> {
    if let Ok(text) = quick_xml::escape::unescape(raw) {
        return text;
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let reference = rest
            .find(';')
            .filter(|&semi| semi <= 12)
            .and_then(|semi| Some((quick_xml::escape::unescape(&rest[..=semi]).ok()?, semi)));
        match reference {
            Some((text, semi)) => {
                out.push_str(&text);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
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
    fn reads_the_declared_encoding() {
        let table: [(&[u8], Option<Encoding>); 6] = [
            (
                b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><a/>",
                Some(Encoding::Windows1251),
            ),
            (
                b"\xef\xbb\xbf<?xml version='1.0' encoding='UTF-8'?>",
                Some(Encoding::Utf8),
            ),
            (
                b"\n<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone=\"yes\"?>",
                Some(Encoding::Windows1252),
            ),
            (b"<?xml version=\"1.0\"?><a/>", None),
            (b"<a encoding=\"koi8-r\"/>", None),
            (b"<?xml version=\"1.0\" encoding=\"shift_jis\"?>", None),
        ];
        for (bytes, want) in table {
            assert_eq!(declared_encoding(bytes), want, "{bytes:?}");
        }
    }

    #[test]
    fn keeps_unknown_entities_as_written() {
        assert_eq!(unescape("a &amp; b"), "a & b");
        assert_eq!(unescape("&nbsp;&#233;&lt;&"), "&nbsp;é<&");
    }

    /// Quirks the hand-written reader accepted, kept (checked against it on every
    /// sequence of up to three of forty XML pieces when quick-xml took over).
    #[test]
    fn keeps_the_old_readers_tolerance() {
        let root = parse("<a flag k='1'><b>x</ b></a>").unwrap();
        assert_eq!(
            root.attrs,
            [("flag".into(), String::new()), ("k".into(), "1".into())]
        );
        assert_eq!(root.text_at(&["b"]), Some("x"));
        let root = parse("<p:a p:k=\"v\" k='w' k='x'/>").unwrap();
        assert_eq!((root.name.as_str(), root.attrs.len()), ("a", 3));
        assert!(parse("< a>").is_err());
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
