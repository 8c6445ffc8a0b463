//! The extraction contract: the records `khabar extract` writes, one [`Article`] per input
//! article, exactly as `shared/spec/EXTRACTION.md` describes them.
//!
//! This crate holds serde types and nothing else, so that every other crate can change behind it.
//! Offsets here are **Unicode code-point** offsets into the original article text (`end`
//! exclusive), as the spec requires; inside the engine, byte ranges are used and converted once.
//!
//! ```
//! use khabar_model::{Article, Date};
//! let mut a = Article::new(Some("x".into()), None);
//! a.dates.push(Date { start: 0, end: 5, text: "الأحد".into(), value: "2022-01-09".into(), resolution: "day".into() });
//! let json = serde_json::to_string(&a).unwrap();
//! assert!(json.contains("\"resolution\":\"day\""));
//! ```
use serde::{Deserialize, Serialize};

/// One article's extraction output.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: Option<String>,
    pub published: Option<String>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub counts: Vec<Count>,
    pub amounts: Vec<Amount>,
    pub dates: Vec<Date>,
    pub hedges: Vec<Hedge>,
}

impl Article {
    pub fn new(id: Option<String>, published: Option<String>) -> Self {
        Article { id, published, ..Default::default() }
    }
}

/// A stretch of the article: `text == article[start..end]` in code points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    pub lat: f64,
    pub lon: f64,
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    /// `PER`, `ORG` or `LOC`.
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub latin: Option<String>,
    pub mentions: Vec<Mention>,
    pub geo: Option<Geo>,
}

/// Who a quote or a figure is attributed to: an entity id where one is known, and the words of
/// the article that name the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub entity: Option<String>,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub speaker: Option<Source>,
    pub cue: String,
    /// `direct`, `partial` or `indirect`.
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A figure of people in one of the seven categories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Count {
    /// `KILL`, `WOUND`, `ARREST`, `KIDNAP`, `MISSING`, `DISPLACE` or `PROTEST`.
    pub category: String,
    pub value: f64,
    /// `exact`, `approx`, `more_than`, `at_least`, `less_than`, `up_to` or `vague`.
    pub qualifier: String,
    pub object: Option<String>,
    pub attributed_to: Option<Source>,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Any other quantity worth a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    pub value: f64,
    pub object: Option<String>,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Date {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// ISO date at the resolution: `2022-01-07`, `2022-01` or `2022`.
    pub value: String,
    /// `day`, `month` or `year`.
    pub resolution: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hedge {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `unverified` (could not be checked) or `disputed` (a claim or allegation).
    pub kind: String,
}
