//! One migration mechanism for both backends: each has an ordered list of migrations (SQL run
//! in one batch), and its database records the version it is at in a one-row `schema_version`
//! table. Opening a database runs the migrations it has not had, in order, in one transaction
//! that holds a lock against other processes opening it at the same time (SQLite's write lock,
//! a PostgreSQL advisory lock); a database already current is only read (a read-only PostgreSQL
//! replica opens); a database at a version newer than this build knows is refused
//! ([`Error::SchemaTooNew`]) rather than written to by code that does not know its schema.
//!
//! A well-kept crate was weighed against this and not taken: refinery (which supports rusqlite
//! and postgres) takes rusqlite up to 0.41, and SQLite's C library can be linked only once, so
//! it would hold the workspace's rusqlite back; it also creates its history table on every run,
//! which a read-only replica refuses.
use crate::error::{Error, Result};

/// What a backend's connection does for [`migrate`].
pub(crate) trait Versioned {
    /// The version the database records (0 when it records none), read without writing.
    fn version(&mut self) -> Result<u32>;
    /// Begins the transaction migrations run in, holding the backend's lock against other
    /// processes migrating the same database.
    fn begin_locked(&mut self) -> Result<()>;
    /// Runs one migration.
    fn execute(&mut self, sql: &str) -> Result<()>;
    /// Records the version (making the `schema_version` table when there is none).
    fn set_version(&mut self, version: u32) -> Result<()>;
    fn commit(&mut self) -> Result<()>;
    fn rollback(&mut self);
}

/// Brings a database to the last of `migrations` (the one at index `i` takes version `i` to
/// `i + 1`); `db` names it in errors. Returns the version it was at.
pub(crate) fn migrate(conn: &mut impl Versioned, migrations: &[&str], db: &str) -> Result<u32> {
    let known = migrations.len() as u32;
    let found = conn.version()?;
    refuse_newer(found, known, db)?;
    if found == known {
        return Ok(found);
    }
    conn.begin_locked()?;
    let result = (|| {
        // another process may have migrated it while this one waited for the lock
        let found = conn.version()?;
        refuse_newer(found, known, db)?;
        for m in &migrations[found as usize..] {
            conn.execute(m)?;
        }
        if found < known {
            conn.set_version(known)?;
        }
        Ok(found)
    })();
    match result {
        Ok(found) => {
            conn.commit()?;
            Ok(found)
        }
        Err(e) => {
            conn.rollback();
            Err(e)
        }
    }
}

fn refuse_newer(found: u32, known: u32, db: &str) -> Result<()> {
    if found > known {
        return Err(Error::SchemaTooNew { db: db.to_string(), found, known });
    }
    Ok(())
}
