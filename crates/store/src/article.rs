//! What is written: an article with its extraction, keyed by id and content hash; publication
//! days as sortable numbers.
use khabar_model::Article;

/// One article to store, with what was extracted from it.
#[derive(Debug, Clone)]
pub struct NewArticle {
    pub id: String,
    /// Content hash of the input record (see [`content_hash`]).
    pub hash: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub text: String,
    /// Other input fields, kept as they came.
    pub extra: serde_json::Map<String, serde_json::Value>,
    pub record: Article,
}

impl NewArticle {
    /// The id and content hash of an input record: its own id, or `h` and the start of its hash
    /// when it has none; the hash covers the text, the date, and the `title` and `source` input
    /// fields.
    pub fn key_of(
        id: Option<&str>,
        text: &str,
        published: Option<&str>,
        extra: &serde_json::Map<String, serde_json::Value>,
    ) -> (String, String) {
        let field = |k| extra.get(k).and_then(serde_json::Value::as_str);
        let hash = content_hash(text, published, field("title"), field("source"));
        (id.map_or_else(|| format!("h{}", &hash[..16]), str::to_string), hash)
    }

    /// An input record with its extraction: `source`, `url` and `title` are read from `extra`,
    /// which keeps every other input field as well.
    pub fn from_input(
        id: String,
        hash: String,
        published: Option<String>,
        text: String,
        extra: serde_json::Map<String, serde_json::Value>,
        record: Article,
    ) -> NewArticle {
        let field = |k| extra.get(k).and_then(serde_json::Value::as_str).map(str::to_string);
        NewArticle {
            source: field("source"),
            url: field("url"),
            title: field("title"),
            id,
            hash,
            published,
            text,
            extra,
            record,
        }
    }
}

/// Hash of everything an article's records depend on: text, publication date, title, source.
fn content_hash(text: &str, published: Option<&str>, title: Option<&str>, source: Option<&str>) -> String {
    let mut h = blake3::Hasher::new();
    for part in [Some(text), published, title, source] {
        let p = part.unwrap_or("");
        h.update(&(p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    h.finalize().to_hex()[..32].to_string()
}

/// The publication day of a `published` value as a sortable number (20220107).
pub fn day_number(published: Option<&str>) -> Option<i64> {
    use chrono::Datelike;
    let d = khabar_text::date::parse_published(published?)?;
    Some(d.year() as i64 * 10_000 + d.month() as i64 * 100 + d.day() as i64)
}

/// A day a user names (`from`/`to` of a search): exactly `YYYY-MM-DD`, a day that exists, nothing
/// before or after it (`2018-01-01' OR 1=1--` is no day), as a day number.
pub fn exact_day(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    shape.then(|| day_number(Some(s))).flatten()
}

/// A day number back to `YYYY-MM-DD`.
pub(crate) fn day_string(day: i64) -> String {
    format!("{:04}-{:02}-{:02}", day / 10_000, day / 100 % 100, day % 100)
}
