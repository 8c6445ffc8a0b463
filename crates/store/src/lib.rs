//! The corpus store: every article with its extracted records, entities linked across articles,
//! and a search index, in a directory (`./khabar-data` by default):
//!
//! * `khabar.db` — SQLite ([`sqlite::SqliteStore`]) behind the [`Store`] trait, for which
//!   PostgreSQL ([`postgres::PgStore`], with its own search) can stand in;
//! * `index/` — a tantivy index ([`index::SearchIndex`]) with our own Arabic analysis
//!   ([`analysis`]).
//!
//! **Consistency.** The database is the truth; the index follows it. A batch is written to the
//! database in one transaction with every article marked `indexed = 0`; the index then deletes
//! and re-adds those articles and commits; only then are they marked `indexed = 1`. A process
//! killed anywhere in between leaves either nothing (the transaction rolled back) or articles
//! still marked 0, which [`Corpus::open`] re-indexes before anything else. Re-adding is
//! idempotent (delete by id, then add), so the index never holds an article twice.
use khabar_model::Article;
use serde::Serialize;
use std::path::Path;

pub mod analysis;
pub mod gkg;
pub mod index;
pub mod link;
pub mod postgres;
pub mod query;
pub mod sqlite;

pub use index::{Hit, Results, SearchIndex, SearchQuery, Snippet};
pub use postgres::PgStore;
pub use sqlite::SqliteStore;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("PostgreSQL: {0}")]
    Pg(#[from] ::postgres::Error),
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search query: {0}")]
    Query(#[from] tantivy::query::QueryParserError),
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("stored record: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

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

/// Connections kept for reuse by the backends' readers. Pooled by hand — a `Mutex<Vec<_>>`,
/// where r2d2 would add a dependency and a thread for the same effect.
pub(crate) struct Pool<C> {
    idle: std::sync::Mutex<Vec<C>>,
}

impl<C> Pool<C> {
    pub(crate) fn new() -> Self {
        Pool { idle: std::sync::Mutex::new(Vec::new()) }
    }

    /// Runs `f` on an idle connection that `alive` accepts, or on a new one from `open`; the
    /// connection is kept afterwards.
    pub(crate) fn with<T>(
        &self,
        open: impl FnOnce() -> Result<C>,
        alive: impl Fn(&C) -> bool,
        f: impl FnOnce(&mut C) -> Result<T>,
    ) -> Result<T> {
        let idle = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut conn = match idle {
            Some(c) if alive(&c) => c,
            _ => open()?,
        };
        let out = f(&mut conn);
        self.idle.lock().unwrap_or_else(|e| e.into_inner()).push(conn);
        out
    }
}

/// A day number back to `YYYY-MM-DD`.
pub(crate) fn day_string(day: i64) -> String {
    format!("{:04}-{:02}-{:02}", day / 10_000, day / 100 % 100, day % 100)
}

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

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub articles: u64,
    pub entities: u64,
    pub quotes: u64,
    pub counts: u64,
    pub dates: u64,
}

/// What a batch write did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    pub stored: usize,
    pub replaced: usize,
    pub unchanged: usize,
}

impl std::ops::AddAssign for Written {
    fn add_assign(&mut self, w: Written) {
        self.stored += w.stored;
        self.replaced += w.replaced;
        self.unchanged += w.unchanged;
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct GeoView {
    pub lat: f64,
    pub lon: f64,
    pub country: String,
}

/// An article in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary {
    pub id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// A search result's article: what a result list shows, and the text to cut a snippet from.
#[derive(Debug, Clone)]
pub struct HitRow {
    pub summary: ArticleSummary,
    pub text: String,
    pub quotes: u64,
    pub counts: u64,
}

/// An article with its text, every record, and the global id of each of its entities.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    pub text: String,
    pub record: Article,
    /// Article-local entity id → global entity id.
    pub links: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntitySummary {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub latin: Option<String>,
    pub geo: Option<GeoView>,
    pub articles: u64,
}

/// A spelling of an entity and why it was joined to it.
#[derive(Debug, Clone, Serialize)]
pub struct Variant {
    pub text: String,
    pub key: String,
    pub reason: String,
    pub first_article: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    pub article: String,
    pub published: Option<String>,
    pub kind: String,
    pub cue: String,
    pub speaker: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    pub article: String,
    pub published: Option<String>,
    pub category: String,
    pub value: f64,
    pub qualifier: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Related {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub shared_articles: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntityView {
    #[serde(flatten)]
    pub summary: EntitySummary,
    pub geonameid: Option<u64>,
    pub variants: Vec<Variant>,
    pub article_list: Vec<ArticleSummary>,
    pub quotes: Vec<QuoteView>,
    pub figures: Vec<FigureView>,
    pub related: Vec<Related>,
}

/// One day of a count series.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CountPoint {
    pub day: String,
    /// Sum of the figures' values that day.
    pub total: f64,
    /// How many figures.
    pub records: u64,
    /// How many articles gave them.
    pub articles: u64,
}

/// The storage behind the corpus. Reads take `&self` and may run on many threads at once.
pub trait Store: Send + Sync {
    /// Content hash of every stored article, by id.
    fn hashes(&self) -> Result<rustc_hash::FxHashMap<String, String>>;
    /// Stores a batch in one transaction: new articles added, changed ones replaced with their
    /// records, entities linked across articles. An index beside the store (tantivy) finds the
    /// articles written left unindexed; a store that is its own index (PostgreSQL) indexes them
    /// in the same transaction.
    fn write(&self, batch: &[NewArticle]) -> Result<Written>;
    /// Up to `limit` articles not yet in the search index.
    fn unindexed(&self, limit: usize) -> Result<Vec<IndexDoc>>;
    fn mark_indexed(&self, ids: &[String]) -> Result<()>;
    fn stats(&self) -> Result<Stats>;
    fn article(&self, id: &str) -> Result<Option<ArticleView>>;
    fn summaries(&self, ids: &[String]) -> Result<Vec<ArticleSummary>>;
    /// For search results: each known id's summary, text, and how many quotes and counts it has.
    fn hits(&self, ids: &[String]) -> Result<Vec<HitRow>>;
    fn entity(&self, id: &str) -> Result<Option<EntityView>>;
    /// Entities whose name or a variant contains the query under search folding.
    fn entities(&self, q: Option<&str>, kind: Option<&str>, limit: usize) -> Result<Vec<EntitySummary>>;
    /// Global ids for an entity id or any spelling of its name.
    fn resolve_entity(&self, id_or_name: &str) -> Result<Vec<String>>;
    /// A daily series of counts in a category (all categories when `None`), days as YYYY-MM-DD.
    fn count_series(&self, category: Option<&str>, from: Option<i64>, to: Option<i64>) -> Result<Vec<CountPoint>>;
    /// Articles published in a range, in date order, with records, for export.
    fn articles_between(&self, from: Option<i64>, to: Option<i64>, limit: usize) -> Result<Vec<ArticleView>>;
}

/// Full-text search over the stored articles: tantivy beside SQLite ([`SearchIndex`]), or
/// PostgreSQL's own text search beside the PostgreSQL store ([`postgres::PgSearch`]).
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

/// Where a corpus lives: the URL when it is `postgres://…` (PostgreSQL); `None` for a directory.
pub fn postgres_url(location: &Path) -> Option<&str> {
    location.to_str().filter(|s| s.starts_with("postgres://") || s.starts_with("postgresql://"))
}

/// A store and its search index, kept consistent.
pub struct Corpus {
    pub store: Box<dyn Store>,
    pub index: Box<dyn Search>,
}

impl Corpus {
    /// Opens (creating if needed) the corpus in `dir`, then brings the index up to date with the
    /// database (see the module documentation).
    pub fn open(dir: &Path) -> Result<Corpus> {
        if let Some(url) = postgres_url(dir) {
            let corpus = Corpus::postgres(url)?;
            corpus.catch_up()?;
            return Ok(corpus);
        }
        std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.display().to_string(), source })?;
        let store = SqliteStore::open(&dir.join("khabar.db"))?;
        let index = SearchIndex::open(&dir.join("index"))?;
        let corpus = Corpus { store: Box::new(store), index: Box::new(index) };
        corpus.catch_up()?;
        Ok(corpus)
    }

    /// Opens for reading only (the server): no writer lock is taken on the index.
    pub fn open_read_only(dir: &Path) -> Result<Corpus> {
        if let Some(url) = postgres_url(dir) {
            return Corpus::postgres(url);
        }
        if !dir.join("khabar.db").exists() {
            return Err(Error::Invalid(format!(
                "{}: no corpus here (run `khabar ingest --db {}` first)",
                dir.display(),
                dir.display()
            )));
        }
        let store = SqliteStore::open(&dir.join("khabar.db"))?;
        let index = SearchIndex::open(&dir.join("index"))?;
        Ok(Corpus { store: Box::new(store), index: Box::new(index) })
    }

    /// A corpus in PostgreSQL: the store (migrations run once, here) and its text search, which
    /// shares the store's connections.
    fn postgres(url: &str) -> Result<Corpus> {
        let store = PgStore::open(url)?;
        let index = postgres::PgSearch::new(&store);
        Ok(Corpus { store: Box::new(store), index: Box::new(index) })
    }

    /// Indexes every article the database holds but the index may not; returns how many.
    pub fn catch_up(&self) -> Result<usize> {
        let mut done = 0;
        loop {
            let docs = self.store.unindexed(2048)?;
            if docs.is_empty() {
                return Ok(done);
            }
            self.index.upsert(&docs)?;
            self.index.commit()?;
            let ids: Vec<String> = docs.into_iter().map(|d| d.id).collect();
            self.store.mark_indexed(&ids)?;
            done += ids.len();
        }
    }

    /// Writes a batch and indexes it.
    pub fn write(&self, batch: &[NewArticle]) -> Result<Written> {
        let w = self.store.write(batch)?;
        self.catch_up()?;
        Ok(w)
    }
}
