//! The corpus store: every article with its extracted records, entities linked across articles,
//! and a search index, in a directory (`./khabar-data` by default) or a PostgreSQL database:
//!
//! * `khabar.db` — SQLite ([`SqliteStore`]) behind the [`Store`] trait, for which PostgreSQL
//!   ([`postgres::PgStore`], with its own search; the `postgres` feature) can stand in;
//! * `index/` — a tantivy index ([`SearchIndex`]) with our own Arabic analysis ([`analysis`]).
//!
//! **Layout.** One crate, one module per job, so that the store is embedded with one dependency
//! and its parts stay in step (the linking rules, the analysis and the schema are shared by both
//! backends); PostgreSQL is a module behind the `postgres` cargo feature, off by default, so that
//! the store embedded without it builds without the `postgres` crate (the `khabar` binary turns
//! it on). The ingest pipeline, which needs the extractors, is the `khabar-ingest` crate on top.
//!
//! | module | its job |
//! |---|---|
//! | [`store`], [`search`], [`views`], [`article`] | the traits ([`Store`], [`Search`]), what they take and answer |
//! | [`corpus`] | a store and its index opened from one location and kept consistent ([`Corpus`]) |
//! | [`lock`] | one writing process at a time in a corpus directory |
//! | [`link`] | entities joined across articles |
//! | [`analysis`] | Arabic analysis for search (tokenizers, folding, stems, snippets) |
//! | [`query`] | users' search words read by our own grammar (words, phrases, -word, OR) |
//! | [`index`] | the tantivy index |
//! | [`sqlite`] | the SQLite backend |
//! | [`postgres`] | the PostgreSQL backend and its search (feature `postgres`) |
//! | `schema` | one migration mechanism for both backends (a `schema_version` table each) |
//! | [`events`] | events as both backends keep them; their filter; incidents |
//! | [`gkg`], [`gdelt_events`] | the GDELT GKG and GDELT 2.0 Events exports of stored articles |
//! | [`error`], `pool` | the error type; pooled reading connections |
//!
//! Modules import each other in one direction only: the backends and the index use the traits,
//! views, linking and analysis; [`corpus`] uses the backends; nothing uses [`corpus`].
//!
//! **Consistency.** The database is the truth; the index follows it. A batch is written to the
//! database in one transaction with every article marked `indexed = 0`; the index then deletes
//! and re-adds those articles and commits; only then are they marked `indexed = 1`. A process
//! killed anywhere in between leaves either nothing (the transaction rolled back) or articles
//! still marked 0, which [`Corpus::open`] re-indexes before anything else. Re-adding is
//! idempotent (delete by id, then add), so the index never holds an article twice. A process
//! that opens a directory to write holds its [`lock`] until it is done: a second one waits.

pub mod analysis;
pub mod article;
pub mod corpus;
pub mod error;
pub mod events;
pub mod gdelt_events;
pub mod gkg;
pub mod index;
pub mod link;
pub mod lock;
mod pool;
#[cfg(feature = "postgres")]
pub mod postgres;
pub mod query;
mod schema;
pub mod search;
pub mod sqlite;
pub mod store;
pub mod views;

pub use article::{day_number, exact_day, NewArticle};
pub use corpus::{open_store, postgres_url, Corpus};
pub use error::{Error, Result};
pub use events::{ActorFilter, EventFilter, EventView, Incident, Incidents};
pub use index::SearchIndex;
#[cfg(feature = "postgres")]
pub use postgres::{PgSearch, PgStore};
pub use search::{Hit, IndexDoc, Results, Search, SearchQuery, Snippet, Snippets};
pub use sqlite::SqliteStore;
pub use store::{Queued, Store, ENTITY_PAGE};
pub use views::{
    ArticleSummary, ArticleView, CountPoint, CountryFigures, EntityHead, EntitySummary, EntityView, Figure,
    FigureFilter, FigureView, GeoView, HitRow, MonthCount, Page, PlaceCount, QuoteView, Related, Slice, Stats, Variant,
    Written,
};
