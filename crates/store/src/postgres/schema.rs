//! The PostgreSQL schema, as migrations (see [`crate::schema`]), run under an advisory lock so
//! that processes starting together do not race.
use crate::error::Result;
use crate::schema::Versioned;
use postgres::Client;

/// Schema versions, applied in order, each once. Databases made before `schema_version` recorded
/// theirs in `khabar_migrations` (one row per version run), which is read as their version and
/// dropped when the next migration runs.
pub(crate) const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE articles (
    rid BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    source TEXT, url TEXT, title TEXT, published TEXT, day BIGINT,
    text TEXT NOT NULL,
    extra TEXT NOT NULL,
    record TEXT NOT NULL,
    indexed BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX articles_day ON articles(day);
CREATE INDEX articles_unindexed ON articles(indexed) WHERE NOT indexed;
CREATE TABLE entities (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL,
    latin TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, country TEXT, geonameid BIGINT,
    articles BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX entities_type_articles ON entities(type, articles);
CREATE INDEX entities_articles ON entities(articles);
CREATE TABLE entity_keys (
    seq BIGSERIAL, key TEXT PRIMARY KEY, entity TEXT NOT NULL, variant TEXT NOT NULL, reason TEXT NOT NULL,
    first_article TEXT, names BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX entity_keys_entity ON entity_keys(entity);
CREATE TABLE mentions (article BIGINT NOT NULL, local TEXT NOT NULL, entity TEXT NOT NULL, name TEXT NOT NULL, n BIGINT NOT NULL);
CREATE INDEX mentions_article ON mentions(article);
CREATE INDEX mentions_entity ON mentions(entity);
CREATE TABLE quotes (
    article BIGINT NOT NULL, speaker_entity TEXT, speaker TEXT, cue TEXT NOT NULL, kind TEXT NOT NULL,
    start_pos BIGINT NOT NULL, end_pos BIGINT NOT NULL, text TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker_entity);
CREATE TABLE counts (
    article BIGINT NOT NULL, day BIGINT, category TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, qualifier TEXT NOT NULL,
    source_entity TEXT, source TEXT, start_pos BIGINT NOT NULL, end_pos BIGINT NOT NULL, text TEXT NOT NULL
);
CREATE INDEX counts_article ON counts(article);
CREATE INDEX counts_category_day ON counts(category, day);
CREATE INDEX counts_source ON counts(source_entity);
CREATE TABLE dates (article BIGINT NOT NULL, value TEXT NOT NULL, resolution TEXT NOT NULL, start_pos BIGINT NOT NULL, end_pos BIGINT NOT NULL);
CREATE INDEX dates_article ON dates(article);
"#,
    r#"
ALTER TABLE articles ADD COLUMN exact tsvector, ADD COLUMN stem tsvector, ADD COLUMN entity_ids TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX articles_exact ON articles USING GIN (exact);
CREATE INDEX articles_stem ON articles USING GIN (stem);
CREATE INDEX articles_entity_ids ON articles USING GIN (entity_ids);
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX entity_keys_trgm ON entity_keys USING GIN (key gin_trgm_ops);
"#,
    r#"
ALTER TABLE articles ADD COLUMN len_t INT NOT NULL DEFAULT 0, ADD COLUMN len_b INT NOT NULL DEFAULT 0,
    ADD COLUMN len_st INT NOT NULL DEFAULT 0, ADD COLUMN len_sb INT NOT NULL DEFAULT 0;
CREATE TABLE postings (
    term TEXT NOT NULL, article BIGINT NOT NULL, t INT NOT NULL, b INT NOT NULL, st INT NOT NULL, sb INT NOT NULL,
    PRIMARY KEY (term, article) INCLUDE (t, b, st, sb)
);
CREATE TABLE search_totals (docs BIGINT NOT NULL, t BIGINT NOT NULL, b BIGINT NOT NULL, st BIGINT NOT NULL, sb BIGINT NOT NULL);
INSERT INTO search_totals VALUES (0, 0, 0, 0, 0);
UPDATE articles SET indexed = FALSE, exact = NULL, stem = NULL WHERE indexed OR exact IS NOT NULL;
DROP INDEX articles_entity_ids;
ALTER TABLE articles DROP COLUMN entity_ids;
"#,
    r#"
CREATE TABLE queue_progress (stream TEXT PRIMARY KEY, done BIGINT NOT NULL);
CREATE TABLE queue_log (stream TEXT NOT NULL, seq BIGINT NOT NULL, article BIGINT, replaced BOOLEAN NOT NULL, PRIMARY KEY (stream, seq));
"#,
    // a geocoded place's level: country, admin1 (first-level division) or city
    "ALTER TABLE entities ADD COLUMN level TEXT;",
    // a figure's scope (one incident's, cumulative, historical) and country; the content hash
    // indexed, so that an article stored twice is found and its figures counted once
    r#"
ALTER TABLE counts ADD COLUMN scope TEXT NOT NULL DEFAULT 'incident', ADD COLUMN country TEXT;
CREATE INDEX articles_hash ON articles(hash, id COLLATE "C");
CREATE INDEX counts_day ON counts(day);
-- the articles that are a later copy of another (same content hash, a smaller id): kept up to
-- date by each write, so that totals leave them out without reading the articles
CREATE TABLE copies (article BIGINT PRIMARY KEY);
INSERT INTO copies SELECT a.rid FROM articles a
    WHERE EXISTS (SELECT 1 FROM articles b WHERE b.hash = a.hash AND b.id COLLATE "C" < a.id COLLATE "C");
"#,
    // events, one row per event: the columns queries filter on, the event itself as JSON
    // (`crate::events`); articles stored before are given theirs from their records on the next
    // open that may write (`events_backfill` says it is due)
    r#"
CREATE TABLE events (
    article BIGINT NOT NULL, n BIGINT NOT NULL, type TEXT NOT NULL, mode TEXT, status TEXT NOT NULL, day BIGINT,
    country TEXT, place_entity TEXT, source_entity TEXT, target_entity TEXT, attributed_entity TEXT,
    source_country TEXT, source_role TEXT, target_country TEXT, target_role TEXT, body TEXT NOT NULL
);
CREATE INDEX events_article ON events(article);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_type_day ON events(type, day);
CREATE TABLE events_backfill (due INTEGER NOT NULL);
INSERT INTO events_backfill SELECT 1 WHERE EXISTS (SELECT 1 FROM articles);
"#,
];

/// The transaction-scoped advisory lock that migrations take.
const MIGRATIONS_LOCK: i64 = 7243500;

impl Versioned for Client {
    fn version(&mut self) -> Result<u32> {
        // from the catalog itself, not `to_regclass`: after waiting for the migrations' lock, a
        // name looked up before it may still be cached as missing in this session
        let tables = self.query_one(
            "SELECT coalesce(bool_or(tablename = 'schema_version'), false), coalesce(bool_or(tablename = 'khabar_migrations'), false) \
             FROM pg_catalog.pg_tables WHERE schemaname = ANY (current_schemas(false))",
            &[],
        )?;
        let sql = match (tables.get::<_, bool>(0), tables.get::<_, bool>(1)) {
            (true, _) => "SELECT coalesce(max(version), 0)::bigint FROM schema_version",
            (false, true) => "SELECT coalesce(max(version), 0)::bigint FROM khabar_migrations",
            (false, false) => return Ok(0),
        };
        Ok(self.query_one(sql, &[])?.get::<_, i64>(0).clamp(0, u32::MAX as i64) as u32)
    }

    fn begin_locked(&mut self) -> Result<()> {
        self.batch_execute("BEGIN")?;
        self.execute("SELECT pg_advisory_xact_lock($1)", p![MIGRATIONS_LOCK])?;
        Ok(())
    }

    fn execute(&mut self, sql: &str) -> Result<()> {
        Ok(self.batch_execute(sql)?)
    }

    fn set_version(&mut self, version: u32) -> Result<()> {
        self.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL); DELETE FROM schema_version; \
             DROP TABLE IF EXISTS khabar_migrations;",
        )?;
        Client::execute(self, "INSERT INTO schema_version (version) VALUES ($1)", p![(version as i64)])?;
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        Ok(self.batch_execute("COMMIT")?)
    }

    fn rollback(&mut self) {
        let _ = self.batch_execute("ROLLBACK");
    }
}
