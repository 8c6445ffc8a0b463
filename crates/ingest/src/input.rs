//! Reading articles: JSON Lines (plain or gzipped), plain-text files, standard input. A bad line
//! is an [`InputError`] naming its file, line and field; the lines around it still come through,
//! a line that is not UTF-8 included (it is named with the offset of its first bad byte). Only a
//! file that cannot be read on (a truncated or corrupt gzip stream) stops, after its last whole
//! line.
use flate2::read::MultiGzDecoder;
use serde_json::{Map, Value};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One article to extract.
pub struct Record {
    pub id: Option<String>,
    pub published: Option<String>,
    pub text: String,
    /// Other input fields, passed through to the output.
    pub extra: Map<String, Value>,
}

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}:{line}: not JSON: {message}")]
    Json { path: String, line: usize, message: String },
    #[error("{path}:{line}: field `{field}`: {message}")]
    Field { path: String, line: usize, field: &'static str, message: String },
    /// A line (or a plain-text article) that is not UTF-8: `offset` is the first bad byte's,
    /// counted from the start of the line.
    #[error("{path}:{line}: not UTF-8: byte 0x{byte:02X} at offset {offset} of the line")]
    Utf8 { path: String, line: usize, offset: usize, byte: u8 },
    #[error("{path}: {source}")]
    Io { path: String, source: io::Error },
    /// Reading failed before `line` was whole (a truncated gzip file): the rest of the file is lost.
    #[error("{path}:{line}: {source} (the file cannot be read further)")]
    Stopped { path: String, line: usize, source: io::Error },
}

impl InputError {
    /// What was wrong, without where: for counting rejections by kind.
    pub fn reason(&self) -> String {
        match self {
            InputError::Json { .. } => "not JSON".to_string(),
            InputError::Field { field, .. } => format!("bad field `{field}`"),
            InputError::Utf8 { .. } => "not UTF-8".to_string(),
            InputError::Io { .. } | InputError::Stopped { .. } => "unreadable".to_string(),
        }
    }
}

pub enum Item {
    Article(Record),
    Bad(InputError),
}

fn display(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// A line's bytes as text, or the error naming the first byte that is not UTF-8.
pub fn utf8<'a>(bytes: &'a [u8], path: &str, line: usize) -> Result<&'a str, InputError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        InputError::Utf8 { path: path.into(), line, offset: at, byte: bytes[at] }
    })
}

/// A plain-text article's bytes as text; else the error naming the line of the first bad byte.
fn utf8_text(bytes: Vec<u8>, path: &str) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let start = bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = 1 + bytes[..start].iter().filter(|&&b| b == b'\n').count();
        InputError::Utf8 { path: path.into(), line, offset: at - start, byte: bytes[at] }
    })
}

/// Parses one JSON Lines line into a record.
pub fn parse_line(line: &str, path: &str, n: usize) -> Result<Record, InputError> {
    let value: Value = serde_json::from_str(line).map_err(|e| InputError::Json {
        path: path.into(),
        line: n,
        message: e.to_string(),
    })?;
    let Value::Object(obj) = value else {
        return Err(InputError::Json { path: path.into(), line: n, message: "expected an object".into() });
    };
    from_object(obj, path, n)
}

/// An input object (a JSON Lines line, once parsed) as a record, by the rules every way in
/// shares (`extract`, `ingest`, the queue, the Python module): `text` a string without U+0000, `id`
/// a string or a number (written as text), `published` starting with a date YYYY-MM-DD; `title`,
/// `source` and `url`, when strings, without U+0000. Every other field is kept in
/// [`Record::extra`]. `path` and `n` only name the place in the error.
pub fn from_object(mut obj: Map<String, Value>, path: &str, n: usize) -> Result<Record, InputError> {
    let field_err =
        |field, message: &str| InputError::Field { path: path.into(), line: n, field, message: message.into() };
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        Some(_) => return Err(field_err("text", "must be a string")),
        None => return Err(field_err("text", "missing")),
    };
    let id = match obj.remove("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(x)) => Some(x.to_string()),
        Some(_) => return Err(field_err("id", "must be a string or a number")),
    };
    let published = match obj.remove("published") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => {
            if khabar_text::date::parse_published(&s).is_none() {
                return Err(field_err("published", "must start with a date YYYY-MM-DD"));
            }
            Some(s)
        }
        Some(_) => return Err(field_err("published", "must be a string")),
    };
    // U+0000 is no text: PostgreSQL cannot store it, and no article means it
    for (field, v) in [("text", Some(text.as_str())), ("id", id.as_deref())]
        .into_iter()
        .chain(["title", "source", "url"].map(|k| (k, obj.get(k).and_then(Value::as_str))))
    {
        if v.is_some_and(|v| v.contains('\0')) {
            return Err(field_err(field, "contains U+0000 (NUL), which is not text"));
        }
    }
    Ok(Record { id, published, text, extra: obj })
}

/// Whether standard input is JSON Lines, from its first buffer-full: its first line that is text
/// (not blank, and UTF-8, so that a bad first line is reported as one) starts with `{`.
fn looks_like_json_lines(head: &[u8]) -> bool {
    let mut text_lines =
        head.split(|&b| b == b'\n').filter(|l| std::str::from_utf8(l).is_ok_and(|t| !t.trim().is_empty()));
    text_lines.next().is_some_and(|l| l.trim_ascii_start().first() == Some(&b'{'))
}

/// A source of articles, read lazily line by line so that memory stays flat on a large corpus.
pub struct Source {
    path: String,
    /// JSON Lines still to read; `None` once done or unreadable.
    lines: Option<Box<dyn BufRead + Send>>,
    /// The current line's bytes (the buffer is reused).
    buf: Vec<u8>,
    single: Option<Record>,
    line: usize,
}

impl Source {
    pub fn open(path: &Path, published: Option<&str>) -> Result<Source, InputError> {
        let name = display(path);
        let io_err = |source| InputError::Io { path: name.clone(), source };
        let s = path.to_string_lossy();
        let (reader, jsonl): (Box<dyn BufRead + Send>, bool) = if s == "-" {
            let mut stdin = BufReader::new(io::stdin());
            let jsonl = looks_like_json_lines(stdin.fill_buf().map_err(io_err)?);
            (Box::new(stdin), jsonl)
        } else {
            let file = File::open(path).map_err(io_err)?;
            if s.ends_with(".jsonl.gz") || s.ends_with(".json.gz") {
                (Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(file))), true)
            } else {
                (Box::new(BufReader::with_capacity(1 << 16, file)), s.ends_with(".jsonl") || s.ends_with(".ndjson"))
            }
        };
        if jsonl {
            return Ok(Source { path: name, lines: Some(reader), buf: Vec::new(), single: None, line: 0 });
        }
        let mut bytes = Vec::new();
        let mut reader = reader;
        reader.read_to_end(&mut bytes).map_err(io_err)?;
        let text = utf8_text(bytes, &name)?;
        // U+0000 is no text, here as in JSON Lines (and through the API)
        if let Some(at) = text.find('\0') {
            return Err(InputError::Field {
                path: name,
                line: text[..at].matches('\n').count() + 1,
                field: "text",
                message: "contains U+0000 (NUL), which is not text".into(),
            });
        }
        let id = if s == "-" { None } else { path.file_stem().map(|f| f.to_string_lossy().into_owned()) };
        if let Some(p) = published {
            if khabar_text::date::parse_published(p).is_none() {
                return Err(InputError::Field {
                    path: name,
                    line: 0,
                    field: "published",
                    message: format!("--published {p:?} must start with a date YYYY-MM-DD"),
                });
            }
        }
        let rec = Record { id, published: published.map(str::to_string), text, extra: Map::new() };
        Ok(Source { path: name, lines: None, buf: Vec::new(), single: Some(rec), line: 0 })
    }
}

impl Iterator for Source {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        if let Some(r) = self.single.take() {
            return Some(Item::Article(r));
        }
        let lines = self.lines.as_mut()?;
        loop {
            self.buf.clear();
            match lines.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.lines = None;
                    return None;
                }
                Ok(_) => self.line += 1,
                Err(source) => {
                    self.lines = None;
                    let line = self.line + 1;
                    return Some(Item::Bad(InputError::Stopped { path: self.path.clone(), line, source }));
                }
            }
            // the line without its end, as `BufRead::lines` gives it: "\n" or "\r\n"
            let line = match self.buf.strip_suffix(b"\n") {
                Some(l) => l.strip_suffix(b"\r").unwrap_or(l),
                None => &self.buf[..],
            };
            let parsed = utf8(line, &self.path, self.line).and_then(|l| {
                if l.trim().is_empty() {
                    Ok(None)
                } else {
                    parse_line(l, &self.path, self.line).map(Some)
                }
            });
            match parsed {
                Ok(None) => continue,
                Ok(Some(r)) => return Some(Item::Article(r)),
                Err(e) => return Some(Item::Bad(e)),
            }
        }
    }
}

/// Every path's articles in order; unreadable paths become one error item each.
pub fn open_all<'a>(paths: &[PathBuf], published: Option<&'a str>) -> impl Iterator<Item = Item> + Send + 'a {
    let paths: Vec<PathBuf> = if paths.is_empty() { vec![PathBuf::from("-")] } else { paths.to_vec() };
    paths.into_iter().flat_map(move |p| -> Box<dyn Iterator<Item = Item> + Send> {
        match Source::open(&p, published) {
            Ok(s) => Box::new(s),
            Err(e) => Box::new(std::iter::once(Item::Bad(e))),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_field() {
        let e = parse_line(r#"{"id": "a"}"#, "f.jsonl", 3).err().unwrap().to_string();
        assert_eq!(e, "f.jsonl:3: field `text`: missing");
        let e = parse_line(r#"{"text": 5}"#, "f.jsonl", 4).err().unwrap().to_string();
        assert_eq!(e, "f.jsonl:4: field `text`: must be a string");
        let e = parse_line(r#"{"text": "x", "published": "yesterday"}"#, "f.jsonl", 5).err().unwrap().to_string();
        assert!(e.starts_with("f.jsonl:5: field `published`"));
        let e = parse_line("{\"text\": ", "f.jsonl", 6).err().unwrap().to_string();
        assert!(e.starts_with("f.jsonl:6: not JSON"));
        let e = parse_line(r#"{"text": "a\u0000b"}"#, "f.jsonl", 7).err().unwrap().to_string();
        assert_eq!(e, "f.jsonl:7: field `text`: contains U+0000 (NUL), which is not text");
        let e = parse_line(r#"{"text": "ab", "title": "\u0000"}"#, "f.jsonl", 8).err().unwrap().to_string();
        assert!(e.starts_with("f.jsonl:8: field `title`"), "{e}");
    }

    #[test]
    fn standard_input_is_json_lines_when_its_first_line_of_text_is_an_object() {
        assert!(looks_like_json_lines(b"\n  {\"text\": \"x\"}\n"));
        assert!(looks_like_json_lines(b"\xff\n{\"text\": \"x\"}\n"), "past a line that is not UTF-8");
        assert!(!looks_like_json_lines("نص {\n{\"text\": \"x\"}\n".as_bytes()));
        assert!(!looks_like_json_lines(b"\xff\n"));
    }

    #[test]
    fn passes_other_fields_through() {
        let r = parse_line(r#"{"id": 7, "text": "نص", "source": "BBC"}"#, "f", 1).ok().unwrap();
        assert_eq!(r.id.as_deref(), Some("7"));
        assert_eq!(r.extra["source"], "BBC");
    }
}
