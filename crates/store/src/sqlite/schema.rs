//! The SQLite schema, as migrations (see [`crate::schema`]).
use crate::error::Result;
use crate::schema::Versioned;
use rusqlite::{Connection, OptionalExtension};

/// Schema versions, applied in order, each once. Version 1 is the schema as databases had it
/// before a version was recorded: written with `IF NOT EXISTS`, it adopts such a database as it is.
pub(crate) const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    source TEXT, url TEXT, title TEXT, published TEXT, day INTEGER,
    text TEXT NOT NULL,
    extra TEXT NOT NULL,
    record TEXT NOT NULL,
    indexed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE INDEX IF NOT EXISTS articles_unindexed ON articles(indexed) WHERE indexed = 0;
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL,
    latin TEXT, lat REAL, lon REAL, country TEXT, geonameid INTEGER,
    articles INTEGER NOT NULL DEFAULT 0 -- articles that mention it, kept up to date by each write
);
CREATE INDEX IF NOT EXISTS entities_key ON entities(key);
CREATE INDEX IF NOT EXISTS entities_type_articles ON entities(type, articles);
CREATE INDEX IF NOT EXISTS entities_articles ON entities(articles);
CREATE TABLE IF NOT EXISTS entity_keys (
    key TEXT PRIMARY KEY, entity TEXT NOT NULL, variant TEXT NOT NULL, reason TEXT NOT NULL, first_article TEXT,
    names INTEGER NOT NULL DEFAULT 0 -- how many article entities had this as their canonical name
);
CREATE INDEX IF NOT EXISTS entity_keys_entity ON entity_keys(entity);
CREATE TABLE IF NOT EXISTS mentions (
    article INTEGER NOT NULL, local TEXT NOT NULL, entity TEXT NOT NULL, name TEXT NOT NULL, n INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);
CREATE TABLE IF NOT EXISTS quotes (
    article INTEGER NOT NULL, speaker_entity TEXT, speaker TEXT, cue TEXT NOT NULL, kind TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_entity);
CREATE TABLE IF NOT EXISTS counts (
    article INTEGER NOT NULL, day INTEGER, category TEXT NOT NULL, value REAL NOT NULL, qualifier TEXT NOT NULL,
    source_entity TEXT, source TEXT, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS counts_article ON counts(article);
CREATE INDEX IF NOT EXISTS counts_category_day ON counts(category, day);
CREATE INDEX IF NOT EXISTS counts_source ON counts(source_entity);
CREATE TABLE IF NOT EXISTS dates (
    article INTEGER NOT NULL, value TEXT NOT NULL, resolution TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS dates_article ON dates(article);
"#,
    // a geocoded place's level: country, admin1 (first-level division) or city
    "ALTER TABLE entities ADD COLUMN level TEXT;",
    // a figure's scope (one incident's, cumulative, historical) and country; the content hash
    // indexed, so that an article stored twice is found and its figures counted once
    r#"
ALTER TABLE counts ADD COLUMN scope TEXT NOT NULL DEFAULT 'incident';
ALTER TABLE counts ADD COLUMN country TEXT;
CREATE INDEX IF NOT EXISTS articles_hash ON articles(hash, id);
CREATE INDEX IF NOT EXISTS counts_day ON counts(day);
-- the articles that are a later copy of another (same content hash, a smaller id): kept up to
-- date by each write, so that totals leave them out without reading the articles
CREATE TABLE IF NOT EXISTS copies (article INTEGER PRIMARY KEY);
INSERT OR IGNORE INTO copies SELECT a.rowid FROM articles a
    WHERE EXISTS (SELECT 1 FROM articles b WHERE b.hash = a.hash AND b.id < a.id);
"#,
    // events, one row per event: the columns queries filter on, the event itself as JSON
    // (`crate::events`); articles stored before are given theirs from their records on the next
    // open (`events_backfill` says it is due)
    r#"
CREATE TABLE IF NOT EXISTS events (
    article INTEGER NOT NULL, n INTEGER NOT NULL, type TEXT NOT NULL, mode TEXT, status TEXT NOT NULL, day INTEGER,
    country TEXT, place_entity TEXT, source_entity TEXT, target_entity TEXT, attributed_entity TEXT,
    source_country TEXT, source_role TEXT, target_country TEXT, target_role TEXT, body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_article ON events(article);
CREATE INDEX IF NOT EXISTS events_day ON events(day);
CREATE INDEX IF NOT EXISTS events_type_day ON events(type, day);
CREATE TABLE IF NOT EXISTS events_backfill (due INTEGER NOT NULL);
INSERT INTO events_backfill SELECT 1 WHERE EXISTS (SELECT 1 FROM articles);
"#,
];

impl Versioned for Connection {
    fn version(&mut self) -> Result<u32> {
        let has_table = self
            .query_row("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'", [], |_| Ok(()))
            .optional()?
            .is_some();
        if !has_table {
            return Ok(0);
        }
        let v: Option<i64> = self.query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))?;
        Ok(v.unwrap_or(0).clamp(0, u32::MAX as i64) as u32)
    }

    fn begin_locked(&mut self) -> Result<()> {
        // IMMEDIATE: the write lock at once, so that a second process waits here, then finds the
        // version this one recorded
        Ok(self.execute_batch("BEGIN IMMEDIATE")?)
    }

    fn execute(&mut self, sql: &str) -> Result<()> {
        Ok(self.execute_batch(sql)?)
    }

    fn set_version(&mut self, version: u32) -> Result<()> {
        self.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL); DELETE FROM schema_version;",
        )?;
        Connection::execute(self, "INSERT INTO schema_version (version) VALUES (?1)", [version])?;
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        Ok(self.execute_batch("COMMIT")?)
    }

    fn rollback(&mut self) {
        let _ = self.execute_batch("ROLLBACK");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::schema::migrate;

    const STEPS: &[&str] = &[
        "CREATE TABLE a (x INTEGER)",
        "ALTER TABLE a ADD COLUMN y INTEGER",
        "CREATE TABLE b (z INTEGER); INSERT INTO b SELECT count(*) FROM a",
    ];

    #[test]
    fn migrations_run_in_order_from_the_recorded_version() {
        let mut c = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut c, &STEPS[..1], "t").unwrap(), 0);
        c.execute_batch("INSERT INTO a (x) VALUES (1), (2)").unwrap();
        assert_eq!(c.version().unwrap(), 1);
        // version 1 to 3: the second and third run, once, and the rows stay
        assert_eq!(migrate(&mut c, STEPS, "t").unwrap(), 1);
        assert_eq!(c.version().unwrap(), 3);
        let b: i64 = c.query_row("SELECT z FROM b", [], |r| r.get(0)).unwrap();
        assert_eq!(b, 2);
        assert_eq!(migrate(&mut c, STEPS, "t").unwrap(), 3);
        assert_eq!(c.query_row("SELECT count(*) FROM schema_version", [], |r| r.get::<_, i64>(0)).unwrap(), 1);
    }

    #[test]
    fn a_failed_migration_changes_nothing() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate(&mut c, &STEPS[..1], "t").unwrap();
        let broken = [STEPS[0], STEPS[1], "CREATE TABLE c (w INTEGER); SELECT * FROM nowhere"];
        assert!(migrate(&mut c, &broken, "t").is_err());
        assert_eq!(c.version().unwrap(), 1);
        // the second migration's column was rolled back with the third's failure
        assert!(c.execute_batch("SELECT y FROM a").is_err());
        assert!(c.execute_batch("SELECT w FROM c").is_err());
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate(&mut c, STEPS, "t").unwrap();
        match migrate(&mut c, &STEPS[..2], "old.db") {
            Err(e @ Error::SchemaTooNew { found: 3, known: 2, .. }) => {
                assert!(e.to_string().starts_with("old.db: schema version 3 is newer than this khabar knows"), "{e}")
            }
            other => panic!("{other:?}"),
        }
    }
}
