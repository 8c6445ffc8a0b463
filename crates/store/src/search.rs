//! Full-text search over the stored articles, whatever does it: what a search asks and answers,
//! what an index is given, and the [`Search`] trait that the tantivy index
//! ([`crate::index::SearchIndex`]) and PostgreSQL's own text search (`postgres::PgSearch`)
//! implement.
use crate::error::Result;
use serde::Serialize;

/// What the index needs of an article.
#[derive(Debug, Clone)]
pub struct IndexDoc {
    pub id: String,
    pub title: String,
    pub text: String,
    pub source: String,
    pub day: Option<i64>,
    /// Global entity ids mentioned in it.
    pub entities: Vec<String>,
}

/// A search: words in our own language ([`crate::query`]: "phrases", -exclusions, OR) and
/// filters.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub text: Option<String>,
    /// Any of these global entity ids.
    pub entities: Vec<String>,
    pub source: Option<String>,
    /// Publication days, inclusive (20220107).
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub limit: usize,
    pub offset: usize,
}

/// A stretch of the article around the matched words; `highlights` are code-point ranges in
/// `text`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub score: f32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// Full-text search over the stored articles: tantivy beside SQLite ([`crate::index::SearchIndex`]),
/// or PostgreSQL's own text search beside the PostgreSQL store (`postgres::PgSearch`).
pub trait Search: Send + Sync {
    /// Replaces these articles in the index; visible after [`Search::commit`].
    fn upsert(&self, docs: &[IndexDoc]) -> Result<()>;
    fn commit(&self) -> Result<()>;
    /// Waits for background work and releases any writer lock.
    fn close(&self) -> Result<()>;
    /// Documents visible to searches.
    fn num_docs(&self) -> Result<u64>;
    /// Ranked hits (newest first when there are no words), and how many matched.
    fn search(&self, q: &SearchQuery) -> Result<Results>;
    /// A snippet maker for one query: call it on each hit's text.
    fn snippets(&self, text_query: &str) -> Result<Box<dyn Snippets>>;
}

/// Cuts a snippet around the words of a query.
pub trait Snippets {
    fn make(&self, text: &str) -> Snippet;
}
