//! Reading articles: JSON Lines (plain or gzipped), plain-text files, standard input. A bad line
//! is an [`InputError`] naming its file, line and field; the lines around it still come through.
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
    #[error("{path}: {source}")]
    Io { path: String, source: io::Error },
}

impl InputError {
    /// What was wrong, without where: for counting rejections by kind.
    pub fn reason(&self) -> String {
        match self {
            InputError::Json { .. } => "not JSON".to_string(),
            InputError::Field { field, .. } => format!("bad field `{field}`"),
            InputError::Io { .. } => "unreadable".to_string(),
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

/// Parses one JSON Lines line into a record.
pub fn parse_line(line: &str, path: &str, n: usize) -> Result<Record, InputError> {
    let value: Value = serde_json::from_str(line).map_err(|e| InputError::Json {
        path: path.into(),
        line: n,
        message: e.to_string(),
    })?;
    let Value::Object(mut obj) = value else {
        return Err(InputError::Json { path: path.into(), line: n, message: "expected an object".into() });
    };
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

/// A source of articles, read lazily line by line so that memory stays flat on a large corpus.
pub struct Source {
    path: String,
    lines: Option<io::Lines<Box<dyn BufRead + Send>>>,
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
            let jsonl = stdin.fill_buf().map_err(io_err)?.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
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
            return Ok(Source { path: name, lines: Some(reader.lines()), single: None, line: 0 });
        }
        let mut text = String::new();
        let mut reader = reader;
        reader.read_to_string(&mut text).map_err(io_err)?;
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
        Ok(Source { path: name, lines: None, single: Some(rec), line: 0 })
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
            let line = lines.next()?;
            self.line += 1;
            match line {
                Ok(l) if l.trim().is_empty() => continue,
                Ok(l) => {
                    return Some(match parse_line(&l, &self.path, self.line) {
                        Ok(r) => Item::Article(r),
                        Err(e) => Item::Bad(e),
                    })
                }
                Err(e) => {
                    self.lines = None;
                    let e = if e.kind() == io::ErrorKind::InvalidData {
                        InputError::Json {
                            path: self.path.clone(),
                            line: self.line,
                            message: "not valid UTF-8 (reading stopped)".into(),
                        }
                    } else {
                        InputError::Io { path: format!("{}:{}", self.path, self.line), source: e }
                    };
                    return Some(Item::Bad(e));
                }
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
    fn passes_other_fields_through() {
        let r = parse_line(r#"{"id": 7, "text": "نص", "source": "BBC"}"#, "f", 1).ok().unwrap();
        assert_eq!(r.id.as_deref(), Some("7"));
        assert_eq!(r.extra["source"], "BBC");
    }
}
