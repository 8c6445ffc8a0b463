//! The store's one error type.

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    #[cfg(feature = "postgres")]
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
    /// The database was written by a newer khabar: its schema is not one this one knows.
    #[error(
        "{db}: schema version {found} is newer than this khabar knows (version {known}); it was written by a newer \
         khabar, which is needed to open it"
    )]
    SchemaTooNew { db: String, found: u32, known: u32 },
    /// What this backend does not do (queued writes in the embedded store, PostgreSQL in a build without it).
    #[error("{0}")]
    Unsupported(String),
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
