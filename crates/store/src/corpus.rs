//! A corpus: a store and its search index, opened from one location and kept consistent (see
//! the crate documentation).
use crate::article::NewArticle;
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::lock::WriterLock;
use crate::search::Search;
use crate::sqlite::SqliteStore;
use crate::store::Store;
use crate::views::Written;
use std::path::Path;

/// Where a corpus lives: the URL when it is `postgres://…` (PostgreSQL); `None` for a directory.
pub fn postgres_url(location: &Path) -> Option<&str> {
    location.to_str().filter(|s| s.starts_with("postgres://") || s.starts_with("postgresql://"))
}

/// The store alone, without its index (a queue worker's: PostgreSQL indexes what it writes):
/// PostgreSQL for a `postgres://` URL, else SQLite in the directory, made if needed.
pub fn open_store(location: &Path) -> Result<Box<dyn Store>> {
    if let Some(url) = postgres_url(location) {
        return pg::store(url);
    }
    make_dir(location)?;
    Ok(Box::new(SqliteStore::open(&location.join("khabar.db"))?))
}

fn make_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.display().to_string(), source })
}

/// A store and its search index, kept consistent.
pub struct Corpus {
    pub store: Box<dyn Store>,
    pub index: Box<dyn Search>,
    /// A directory opened to write: its lock, released after the store and index are dropped.
    _lock: Option<WriterLock>,
}

impl Corpus {
    /// Opens (creating if needed) the corpus in `dir` to write, waiting while another process
    /// writes to it, then brings the index up to date with the database (see the crate
    /// documentation).
    pub fn open(dir: &Path) -> Result<Corpus> {
        Corpus::open_waiting(dir, &mut || ())
    }

    /// As [`Corpus::open`], calling `waiting` once before waiting for another process that
    /// writes to the directory ([`crate::lock`]; PostgreSQL has writers side by side).
    pub fn open_waiting(dir: &Path, waiting: &mut dyn FnMut()) -> Result<Corpus> {
        if let Some(url) = postgres_url(dir) {
            let corpus = pg::corpus(url)?;
            corpus.catch_up()?;
            return Ok(corpus);
        }
        make_dir(dir)?;
        let lock = WriterLock::acquire(dir, waiting)?;
        let corpus = Corpus { _lock: Some(lock), ..Corpus::embedded(dir)? };
        corpus.catch_up()?;
        Ok(corpus)
    }

    /// Opens for reading only (the server): no writer lock is taken on the index.
    pub fn open_read_only(dir: &Path) -> Result<Corpus> {
        if let Some(url) = postgres_url(dir) {
            return pg::corpus(url);
        }
        if !dir.join("khabar.db").exists() {
            return Err(Error::Invalid(format!(
                "{}: no corpus here (run `khabar ingest --db {}` first)",
                dir.display(),
                dir.display()
            )));
        }
        Corpus::embedded(dir)
    }

    /// SQLite and tantivy in a directory.
    fn embedded(dir: &Path) -> Result<Corpus> {
        let store = SqliteStore::open(&dir.join("khabar.db"))?;
        let index = SearchIndex::open(&dir.join("index"))?;
        Ok(Corpus { store: Box::new(store), index: Box::new(index), _lock: None })
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

/// PostgreSQL, when this build has it.
#[cfg(feature = "postgres")]
mod pg {
    use super::*;
    use crate::postgres::{PgSearch, PgStore};

    pub(super) fn store(url: &str) -> Result<Box<dyn Store>> {
        Ok(Box::new(PgStore::open(url)?))
    }

    /// The store (migrations run once, here) and its text search, which shares the store's
    /// connections.
    pub(super) fn corpus(url: &str) -> Result<Corpus> {
        let store = PgStore::open(url)?;
        let index = PgSearch::new(&store);
        Ok(Corpus { store: Box::new(store), index: Box::new(index), _lock: None })
    }
}

/// PostgreSQL, when this build has it: not this one.
#[cfg(not(feature = "postgres"))]
mod pg {
    use super::*;

    fn missing(url: &str) -> Error {
        Error::Unsupported(format!(
            "{}: this build has no PostgreSQL support (khabar-store's `postgres` feature)",
            url.split('@').next_back().unwrap_or(url)
        ))
    }

    pub(super) fn store(url: &str) -> Result<Box<dyn Store>> {
        Err(missing(url))
    }

    pub(super) fn corpus(url: &str) -> Result<Corpus> {
        Err(missing(url))
    }
}
