//! [`PgStore`]: the connections to one PostgreSQL database — one writer, pooled readers shared
//! with the search — opened with the schema migrated.
use super::schema::MIGRATIONS;
use crate::error::Result;
use crate::link::Linker;
use crate::pool::Pool;
use postgres::{Client, NoTls};
use std::sync::{Arc, Mutex, MutexGuard};

/// The PostgreSQL store: the [`crate::store::Store`] trait over one database, which several
/// processes may write at once.
pub struct PgStore {
    url: String,
    writer: Mutex<Client>,
    pub(super) readers: Arc<Readers>,
    /// The entity keys as of the last batch, and the highest key `seq` read.
    pub(super) linker: Mutex<Option<(Linker, i64)>>,
}

/// Pooled connections for reading one database, shared by the store and its search.
pub(super) struct Readers {
    url: String,
    pool: Pool<Client>,
}

impl Readers {
    pub(super) fn with<T>(&self, f: impl FnOnce(&mut Client) -> Result<T>) -> Result<T> {
        self.pool.with(|| Ok(Client::connect(&self.url, NoTls)?), |c| !c.is_closed(), f)
    }
}

/// The transaction-scoped advisory lock that writers take in turn to link entities.
pub(super) const WRITERS_LOCK: i64 = 7243501;

impl PgStore {
    /// Connects (`postgres://user:password@host:port/database`) and runs the migrations not yet
    /// run (see [`crate::schema`]); a database already current is only read, so that a read-only
    /// replica can be opened too.
    pub fn open(url: &str) -> Result<PgStore> {
        let mut c = Client::connect(url, NoTls)?;
        crate::schema::migrate(&mut c, MIGRATIONS, without_password(url))?;
        backfill_events(&mut c)?;
        let readers = Arc::new(Readers { url: url.to_string(), pool: Pool::new() });
        Ok(PgStore { url: url.to_string(), writer: Mutex::new(c), readers, linker: Mutex::new(None) })
    }

    pub(super) fn read<T>(&self, f: impl FnOnce(&mut Client) -> Result<T>) -> Result<T> {
        self.readers.with(f)
    }

    /// The writing connection, connected again if the server closed it.
    pub(super) fn writer(&self) -> Result<MutexGuard<'_, Client>> {
        let mut conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        if conn.is_closed() {
            *conn = Client::connect(&self.url, NoTls)?;
        }
        Ok(conn)
    }

    /// Drops every table of a database (for tests and benchmarks, which must start empty); the
    /// next [`PgStore::open`] makes them again.
    pub fn reset(url: &str) -> Result<()> {
        let mut c = Client::connect(url, NoTls)?;
        c.batch_execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")?;
        Ok(())
    }
}

/// Gives the articles stored before events were kept their events, from their records (with the
/// entity links their mentions have), once: when `events_backfill` says it is due and the
/// database may be written (a read-only replica waits for its primary to do it). Under the
/// writers' lock, in one transaction, so that processes opening the store together do it once.
fn backfill_events(c: &mut Client) -> Result<()> {
    fn due(c: &mut impl postgres::GenericClient) -> Result<bool> {
        Ok(c.query_opt("SELECT 1 FROM events_backfill LIMIT 1", &[])?.is_some())
    }
    let read_only: String = c.query_one("SELECT current_setting('transaction_read_only')", &[])?.get(0);
    if read_only == "on" || !due(c)? {
        return Ok(());
    }
    let mut tx = c.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", p![WRITERS_LOCK])?;
    if due(&mut tx)? {
        let articles = tx.query(
            "SELECT rid, published, record FROM articles a WHERE NOT EXISTS (SELECT 1 FROM events v WHERE v.article = a.rid)",
            &[],
        )?;
        let mut rows = Vec::new();
        for a in articles {
            let (rid, published, record): (i64, Option<String>, String) = (a.get(0), a.get(1), a.get(2));
            let events = crate::events::rows_of_stored(&record, published.as_deref(), || {
                let links = tx.query("SELECT local, entity FROM mentions WHERE article = $1", p![rid])?;
                Ok(links.into_iter().map(|r| (r.get(0), r.get(1))).collect())
            })?;
            rows.extend(events.into_iter().map(|e| (rid, e)));
        }
        super::rows::insert_events(&mut tx, &rows)?;
        tx.execute("DELETE FROM events_backfill", &[])?;
    }
    tx.commit()?;
    Ok(())
}

/// A URL as errors may show it: without the password.
fn without_password(url: &str) -> &str {
    url.rsplit_once('@').map_or(url, |(_, host)| host)
}
