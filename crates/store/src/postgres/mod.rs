//! The PostgreSQL backend (the `postgres` feature): the same records, keys and entity linking
//! as the SQLite store, for a corpus that several machines write and serve, with its own text
//! search ranked as the tantivy index ranks. One module per job:
//!
//! * [`store`]: [`PgStore`], its connections (one writer, pooled readers shared with the
//!   search) and its schema, migrated on open ([`schema`]);
//! * `read`: the reads of the [`crate::store::Store`] trait;
//! * `rows`: the rows of a batch, gathered and inserted a table at a time;
//! * `write`: batch writes, with entity linking under the writers' lock;
//! * `queued`: queued writes, stored by many workers at once and linked in stream order;
//! * [`search`]: [`PgSearch`], the search over the same database.

/// Query parameters of different types, as the driver takes them.
macro_rules! p {
    ($($x:expr),* $(,)?) => {
        &[$(&$x as &(dyn ::postgres::types::ToSql + Sync)),*]
    };
}

mod queued;
mod read;
mod rows;
pub(crate) mod schema;
pub mod search;
pub mod store;
mod write;

pub use search::PgSearch;
pub use store::PgStore;
