//! The PostgreSQL backend of [`Store`]: the same records, keys and entity linking as
//! [`crate::SqliteStore`], for a corpus that several machines write and serve. Migrations run on
//! open (a `khabar_migrations` table records which have run). Reading connections are pooled
//! ([`crate::Pool`]) and shared with [`PgSearch`].
use crate::link::{typed, Linker};
use crate::*;
use ::postgres::{Client, NoTls, Row};
use khabar_model::EntityType;

/// Query parameters of different types, as the driver takes them.
macro_rules! p {
    ($($x:expr),* $(,)?) => {
        &[$(&$x as &(dyn ::postgres::types::ToSql + Sync)),*]
    };
}
use crate::analysis::{DocTerms, BOOSTS, FIELDS};
use ::postgres::Transaction;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::{Arc, Mutex, MutexGuard};

/// Schema versions, applied in order, each once.
const MIGRATIONS: &[&str] = &[
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
];

pub struct PgStore {
    url: String,
    writer: Mutex<Client>,
    readers: Arc<Readers>,
    /// The entity keys as of the last batch, and the highest key `seq` read.
    linker: Mutex<Option<(Linker, i64)>>,
}

/// Pooled connections for reading one database, shared by the store and its search.
struct Readers {
    url: String,
    pool: Pool<Client>,
}

impl Readers {
    fn with<T>(&self, f: impl FnOnce(&mut Client) -> Result<T>) -> Result<T> {
        self.pool.with(|| Ok(Client::connect(&self.url, NoTls)?), |c| !c.is_closed(), f)
    }
}

/// The transaction-scoped advisory lock that writers take in turn to link entities.
const WRITERS_LOCK: i64 = 7243501;

impl PgStore {
    /// Connects (`postgres://user:password@host:port/database`) and runs the migrations not yet
    /// run, under an advisory lock so that processes starting together do not race.
    pub fn open(url: &str) -> Result<PgStore> {
        let mut c = Client::connect(url, NoTls)?;
        // up to date already: nothing to write, so that a read-only replica can be opened too
        let current = c.query_one("SELECT to_regclass('khabar_migrations') IS NOT NULL", &[])?.get::<_, bool>(0)
            && c.query_one("SELECT coalesce(max(version), 0) FROM khabar_migrations", &[])?.get::<_, i64>(0)
                == MIGRATIONS.len() as i64;
        if !current {
            let mut tx = c.transaction()?;
            tx.execute("SELECT pg_advisory_xact_lock(7243500)", &[])?;
            tx.batch_execute("CREATE TABLE IF NOT EXISTS khabar_migrations (version BIGINT PRIMARY KEY)")?;
            let done: i64 = tx.query_one("SELECT coalesce(max(version), 0) FROM khabar_migrations", &[])?.get(0);
            for (i, m) in MIGRATIONS.iter().enumerate().skip(done as usize) {
                tx.batch_execute(m)?;
                tx.execute("INSERT INTO khabar_migrations (version) VALUES ($1)", p![(i as i64 + 1)])?;
            }
            tx.commit()?;
        }
        let readers = Arc::new(Readers { url: url.to_string(), pool: Pool::new() });
        Ok(PgStore { url: url.to_string(), writer: Mutex::new(c), readers, linker: Mutex::new(None) })
    }

    fn read<T>(&self, f: impl FnOnce(&mut Client) -> Result<T>) -> Result<T> {
        self.readers.with(f)
    }

    /// The writing connection, connected again if the server closed it.
    fn writer(&self) -> Result<MutexGuard<'_, Client>> {
        let mut conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        if conn.is_closed() {
            *conn = Client::connect(&self.url, NoTls)?;
        }
        Ok(conn)
    }
}

const SUMMARY_COLS: &str = "id, title, source, url, published";

fn summary_from(r: &Row, at: usize) -> ArticleSummary {
    ArticleSummary {
        id: r.get(at),
        title: r.get(at + 1),
        source: r.get(at + 2),
        url: r.get(at + 3),
        published: r.get(at + 4),
    }
}

const ENTITY_COLS: &str = "e.id, e.type, e.name, e.latin, e.lat, e.lon, e.country, e.articles";

fn entity_summary(r: &Row) -> EntitySummary {
    let (lat, lon): (Option<f64>, Option<f64>) = (r.get(4), r.get(5));
    let country: Option<String> = r.get(6);
    let geo = match (lat, lon) {
        (Some(lat), Some(lon)) => Some(GeoView { lat, lon, country: country.unwrap_or_default() }),
        _ => None,
    };
    EntitySummary {
        id: r.get(0),
        kind: r.get(1),
        name: r.get(2),
        latin: r.get(3),
        geo,
        articles: r.get::<_, i64>(7) as u64,
    }
}

fn load_view(c: &mut Client, rid: i64, summary: ArticleSummary, text: String, record: &str) -> Result<ArticleView> {
    let record: Article = serde_json::from_str(record)?;
    let links = c
        .query("SELECT local, entity FROM mentions WHERE article = $1", p![rid])?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    Ok(ArticleView { summary, text, record, links })
}

impl Store for PgStore {
    fn hashes(&self) -> Result<FxHashMap<String, String>> {
        self.read(|c| Ok(c.query("SELECT id, hash FROM articles", &[])?.iter().map(|r| (r.get(0), r.get(1))).collect()))
    }

    fn write(&self, batch: &[NewArticle]) -> Result<Written> {
        // the search terms of every article, computed before the writers' lock is taken
        let terms: Vec<DocTerms> =
            batch.iter().map(|a| DocTerms::of(a.title.as_deref().unwrap_or(""), &a.text)).collect();
        let mut conn = self.writer()?;
        let mut slot = self.linker.lock().unwrap_or_else(|e| e.into_inner());
        // an id twice in one batch: written in runs without a repeat (see `first_repeat`)
        let mut total = Written::default();
        let mut start = 0;
        while start < batch.len() {
            let end = start + first_repeat(&batch[start..], |a| Some(&a.id)).unwrap_or(batch.len() - start);
            let result = write_batch(&mut conn, &mut slot, &batch[start..end], &terms[start..end]);
            let w = match result {
                Ok(w) => w,
                Err(e) => {
                    *slot = None; // reloaded whole next time: what it held may not have been committed
                    return Err(e);
                }
            };
            total += w;
            start = end;
        }
        Ok(total)
    }

    fn unindexed(&self, limit: usize) -> Result<Vec<IndexDoc>> {
        self.read(|c| {
            let rows = c.query("SELECT rid, id, coalesce(title, ''), text, coalesce(source, ''), day FROM articles WHERE NOT indexed LIMIT $1", p![(limit as i64)])?;
            let mut out = Vec::with_capacity(rows.len());
            for r in rows {
                let rid: i64 = r.get(0);
                let entities = c.query("SELECT DISTINCT entity FROM mentions WHERE article = $1", p![rid])?.iter().map(|x| x.get(0)).collect();
                out.push(IndexDoc { id: r.get(1), title: r.get(2), text: r.get(3), source: r.get(4), day: r.get(5), entities });
            }
            Ok(out)
        })
    }

    fn mark_indexed(&self, ids: &[String]) -> Result<()> {
        let mut conn = self.writer()?;
        // the writes set the flag with the search columns, in their transaction: this only
        // catches what another search backend indexed
        conn.execute("UPDATE articles SET indexed = TRUE WHERE id = ANY($1) AND NOT indexed", p![ids])?;
        Ok(())
    }

    fn stats(&self) -> Result<Stats> {
        self.read(|c| {
            let r = c.query_one(
                "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM entities WHERE articles > 0), (SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM counts), (SELECT COUNT(*) FROM dates)",
                &[],
            )?;
            let n = |i| r.get::<_, i64>(i) as u64;
            Ok(Stats { articles: n(0), entities: n(1), quotes: n(2), counts: n(3), dates: n(4) })
        })
    }

    fn article(&self, id: &str) -> Result<Option<ArticleView>> {
        self.read(|c| {
            let Some(r) =
                c.query_opt(&format!("SELECT rid, text, record, {SUMMARY_COLS} FROM articles WHERE id = $1"), p![id])?
            else {
                return Ok(None);
            };
            let rid: i64 = r.get(0);
            let record: String = r.get(2);
            Ok(Some(load_view(c, rid, summary_from(&r, 3), r.get(1), &record)?))
        })
    }

    fn summaries(&self, ids: &[String]) -> Result<Vec<ArticleSummary>> {
        self.read(|c| {
            let rows = c.query(&format!("SELECT {SUMMARY_COLS} FROM articles WHERE id = ANY($1)"), p![ids])?;
            let mut by_id: FxHashMap<String, ArticleSummary> =
                rows.iter().map(|r| (r.get::<_, String>(0), summary_from(r, 0))).collect();
            Ok(ids.iter().filter_map(|i| by_id.remove(i)).collect())
        })
    }

    fn hits(&self, ids: &[String]) -> Result<Vec<HitRow>> {
        self.read(|c| {
            let rows = c.query(
                &format!("SELECT {SUMMARY_COLS}, text, (SELECT COUNT(*) FROM quotes q WHERE q.article = a.rid), (SELECT COUNT(*) FROM counts n WHERE n.article = a.rid) FROM articles a WHERE id = ANY($1)"),
                p![ids],
            )?;
            let mut by_id: FxHashMap<String, HitRow> = rows
                .iter()
                .map(|r| (r.get::<_, String>(0), HitRow { summary: summary_from(r, 0), text: r.get(5), quotes: r.get::<_, i64>(6) as u64, counts: r.get::<_, i64>(7) as u64 }))
                .collect();
            Ok(ids.iter().filter_map(|i| by_id.remove(i)).collect())
        })
    }

    fn entity(&self, id: &str) -> Result<Option<EntityView>> {
        self.read(|c| {
            let Some(r) = c.query_opt(&format!("SELECT {ENTITY_COLS}, e.geonameid FROM entities e WHERE e.id = $1"), p![id])? else {
                return Ok(None);
            };
            let summary = entity_summary(&r);
            let geonameid: Option<i64> = r.get(8);
            let variants = c
                .query("SELECT variant, key, reason, first_article FROM entity_keys WHERE entity = $1 ORDER BY seq", p![id])?
                .iter()
                .map(|r| Variant { text: r.get(0), key: r.get(1), reason: r.get(2), first_article: r.get(3) })
                .collect();
            let article_list = c
                .query(&format!("SELECT {SUMMARY_COLS} FROM articles WHERE rid IN (SELECT article FROM mentions WHERE entity = $1) ORDER BY day DESC NULLS LAST, id LIMIT 100"), p![id])?
                .iter()
                .map(|r| summary_from(r, 0))
                .collect();
            let quotes = c
                .query("SELECT a.id, a.published, q.kind, q.cue, q.speaker, q.text FROM quotes q JOIN articles a ON a.rid = q.article WHERE q.speaker_entity = $1 ORDER BY a.day DESC NULLS LAST, a.id, q.start_pos LIMIT 200", p![id])?
                .iter()
                .map(|r| QuoteView { article: r.get(0), published: r.get(1), kind: r.get(2), cue: r.get(3), speaker: r.get(4), text: r.get(5) })
                .collect();
            let figures = c
                .query("SELECT a.id, a.published, n.category, n.value, n.qualifier, n.text FROM counts n JOIN articles a ON a.rid = n.article WHERE n.source_entity = $1 ORDER BY a.day DESC NULLS LAST, a.id, n.start_pos LIMIT 200", p![id])?
                .iter()
                .map(|r| FigureView { article: r.get(0), published: r.get(1), category: r.get(2), value: r.get(3), qualifier: r.get(4), text: r.get(5) })
                .collect();
            let related = c
                .query(
                    "WITH arts AS (SELECT DISTINCT article FROM mentions WHERE entity = $1 ORDER BY article DESC LIMIT 500) \
                     SELECT e.id, e.type, e.name, COUNT(DISTINCT m.article) AS shared FROM mentions m JOIN arts ON arts.article = m.article \
                     JOIN entities e ON e.id = m.entity WHERE m.entity <> $1 GROUP BY e.id, e.type, e.name ORDER BY shared DESC, e.name LIMIT 20",
                    p![id],
                )?
                .iter()
                .map(|r| Related { id: r.get(0), kind: r.get(1), name: r.get(2), shared_articles: r.get::<_, i64>(3) as u64 })
                .collect();
            Ok(Some(EntityView { summary, geonameid: geonameid.map(|g| g as u64), variants, article_list, quotes, figures, related }))
        })
    }

    fn entities(&self, q: Option<&str>, kind: Option<&str>, limit: usize) -> Result<Vec<EntitySummary>> {
        self.read(|c| {
            let rows = match q.map(crate::analysis::key).filter(|k| !k.is_empty()) {
                Some(k) => {
                    let pattern = format!("%{}%", k.replace(['%', '_', '\\'], ""));
                    c.query(
                        &format!("SELECT {ENTITY_COLS} FROM entities e WHERE ($1::text IS NULL OR e.type = $1) AND e.articles > 0 AND e.id IN (SELECT entity FROM entity_keys WHERE key LIKE $2) ORDER BY e.articles DESC, e.name LIMIT $3"),
                        p![kind, pattern, (limit as i64)],
                    )?
                }
                None => c.query(&format!("SELECT {ENTITY_COLS} FROM entities e WHERE ($1::text IS NULL OR e.type = $1) AND e.articles > 0 ORDER BY e.articles DESC, e.name LIMIT $2"), p![kind, (limit as i64)])?,
            };
            Ok(rows.iter().map(entity_summary).collect())
        })
    }

    fn resolve_entity(&self, id_or_name: &str) -> Result<Vec<String>> {
        self.read(|c| {
            if c.query_opt("SELECT 1 FROM entities WHERE id = $1", p![id_or_name])?.is_some() {
                return Ok(vec![id_or_name.to_string()]);
            }
            let k = crate::analysis::key(id_or_name);
            if k.is_empty() {
                return Ok(vec![]);
            }
            let keys: Vec<String> = EntityType::ALL.iter().map(|&t| typed(t, &k)).collect();
            let rows: Vec<String> = c.query("SELECT DISTINCT entity FROM entity_keys WHERE key = ANY($1) ORDER BY entity", p![keys])?.iter().map(|r| r.get(0)).collect();
            if !rows.is_empty() {
                return Ok(rows);
            }
            let k = k.replace(['%', '_', '\\'], "");
            let rows = c.query(
                "SELECT e.id FROM entities e WHERE e.articles > 0 AND e.id IN (SELECT entity FROM entity_keys WHERE key LIKE $1 OR key LIKE $2 OR key LIKE $3) ORDER BY e.articles DESC, e.id LIMIT 20",
                p![format!("%|{k} %"), format!("% {k}"), format!("% {k} %")],
            )?;
            Ok(rows.iter().map(|r| r.get(0)).collect())
        })
    }

    fn count_series(&self, category: Option<&str>, from: Option<i64>, to: Option<i64>) -> Result<Vec<CountPoint>> {
        self.read(|c| {
            let rows = c.query(
                "SELECT day, SUM(value), COUNT(*), COUNT(DISTINCT article) FROM counts WHERE day IS NOT NULL AND ($1::text IS NULL OR category = $1) \
                 AND ($2::bigint IS NULL OR day >= $2) AND ($3::bigint IS NULL OR day <= $3) GROUP BY day ORDER BY day",
                p![category, from, to],
            )?;
            Ok(rows.iter().map(|r| CountPoint { day: day_string(r.get(0)), total: r.get(1), records: r.get::<_, i64>(2) as u64, articles: r.get::<_, i64>(3) as u64 }).collect())
        })
    }

    fn articles_between(&self, from: Option<i64>, to: Option<i64>, limit: usize) -> Result<Vec<ArticleView>> {
        self.read(|c| {
            let rows = c.query(
                &format!("SELECT rid, text, record, {SUMMARY_COLS} FROM articles WHERE ($1::bigint IS NULL OR day >= $1) AND ($2::bigint IS NULL OR day <= $2) ORDER BY day NULLS FIRST, id LIMIT $3"),
                p![from, to, (limit.min(i64::MAX as usize) as i64)],
            )?;
            rows.iter().map(|r| load_view(c, r.get(0), summary_from(r, 3), r.get(1), &r.get::<_, String>(2))).collect()
        })
    }
}

/// Rows of a batch, gathered while its articles are linked and written one by one, then inserted
/// a table at a time (one `unnest` statement per table instead of a statement per row).
#[derive(Default)]
struct BatchRows {
    /// Entities in the order the batch first met them: created here or only filled in.
    entities: Vec<EntityRow>,
    entity_at: FxHashMap<String, usize>,
    /// Keys in first-seen order, with the sum of their name votes.
    keys: Vec<KeyRow>,
    key_at: FxHashMap<String, usize>,
    /// +1 for each article now mentioning an entity, −1 for each replaced article that did.
    articles_delta: FxHashMap<String, i64>,
    mentions: Vec<MentionRow>,
    quotes: Vec<QuoteRow>,
    counts: Vec<CountRow>,
    dates: Vec<DateRow>,
    search: SearchRows,
}

/// A column of rows, as one `unnest` array.
macro_rules! col {
    ($rows:expr, $f:ident) => {
        $rows.iter().map(|r| r.$f.clone()).collect::<Vec<_>>()
    };
}

// One row of each table, as its columns are named there.
struct KeyRow {
    key: String,
    entity: String,
    variant: String,
    reason: String,
    first_article: String,
    names: i64,
}

struct MentionRow {
    article: i64,
    local: String,
    entity: String,
    name: String,
    n: i64,
}

struct QuoteRow {
    article: i64,
    speaker_entity: Option<String>,
    speaker: Option<String>,
    cue: String,
    kind: String,
    start: i64,
    end: i64,
    text: String,
}

struct CountRow {
    article: i64,
    day: Option<i64>,
    category: String,
    value: f64,
    qualifier: String,
    source_entity: Option<String>,
    source: Option<String>,
    start: i64,
    end: i64,
    text: String,
}

struct DateRow {
    article: i64,
    value: String,
    resolution: String,
    start: i64,
    end: i64,
}

struct EntityRow {
    id: String,
    created: bool,
    kind: String,
    name: String,
    key: String,
    latin: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    country: Option<String>,
    geonameid: Option<i64>,
}

/// The search side of articles being indexed: their postings (term frequencies per field, for
/// BM25) and the change to the corpus totals.
#[derive(Default)]
struct SearchRows {
    terms: Vec<String>,
    articles: Vec<i64>,
    tf: [Vec<i32>; FIELDS],
    /// Documents, then tokens per field.
    totals: [i64; FIELDS + 1],
}

impl SearchRows {
    fn add(&mut self, rid: i64, t: &DocTerms, sign: i64) {
        self.totals[0] += sign;
        for f in 0..FIELDS {
            self.totals[f + 1] += sign * t.lens[f] as i64;
        }
        if sign > 0 {
            for (term, tf) in &t.postings {
                self.terms.push(term.clone());
                self.articles.push(rid);
                for (column, &n) in self.tf.iter_mut().zip(tf) {
                    column.push(n.min(i32::MAX as u32) as i32);
                }
            }
        }
    }

    /// Inserts the postings gathered so far.
    fn flush_postings(&mut self, tx: &mut Transaction) -> Result<()> {
        if !self.terms.is_empty() {
            tx.execute(
                "INSERT INTO postings (term, article, t, b, st, sb) SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[], $5::int[], $6::int[])",
                p![self.terms, self.articles, self.tf[0], self.tf[1], self.tf[2], self.tf[3]],
            )?;
        }
        self.terms.clear();
        self.articles.clear();
        self.tf.iter_mut().for_each(Vec::clear);
        Ok(())
    }

    /// Inserts the remaining postings and updates the totals.
    fn flush(&mut self, tx: &mut Transaction) -> Result<()> {
        self.flush_postings(tx)?;
        if self.totals.iter().any(|&x| x != 0) {
            let t = &self.totals;
            tx.execute(
                "UPDATE search_totals SET docs = docs + $1, t = t + $2, b = b + $3, st = st + $4, sb = sb + $5",
                p![t[0], t[1], t[2], t[3], t[4]],
            )?;
        }
        Ok(())
    }
}

/// The search columns of an article: its terms as `tsvector`s and its field lengths; `$1` is
/// the row.
const SEARCH_SET: &str = "exact = array_to_tsvector($2::text[]), stem = array_to_tsvector($3::text[]), len_t = $4, len_b = $5, len_st = $6, len_sb = $7, indexed = TRUE";

/// A term as a `tsquery` of that one lexeme, whatever characters it holds.
fn lexeme_query(term: &str) -> String {
    format!("'{}'", term.replace('\\', "\\\\").replace('\'', "''"))
}

fn lens(t: &DocTerms) -> [i32; FIELDS] {
    t.lens.map(|l| l.min(i32::MAX as u32) as i32)
}

impl BatchRows {
    /// Links an article's entities and gathers its rows: entities, keys, mentions, quotes,
    /// counts, dates.
    fn link(&mut self, linker: &mut Linker, rid: i64, id: &str, published: Option<&str>, record: &Article) {
        let day = day_number(published);
        let mut local_to_global: FxHashMap<&str, String> = FxHashMap::default();
        for e in &record.entities {
            let Some(link) = linker.link(e) else { continue };
            self.entity(&link, e);
            for (i, nk) in link.keys.iter().enumerate() {
                self.key(&nk.key, &link.entity, &nk.variant, &nk.reason, id, (i == 0) as i64);
            }
            self.mentions.push(MentionRow {
                article: rid,
                local: e.id.clone(),
                entity: link.entity.clone(),
                name: e.name.clone(),
                n: e.mentions.len() as i64,
            });
            local_to_global.insert(e.id.as_str(), link.entity);
        }
        // +1 for each entity the article mentions, however many of its local entities it joined
        for g in local_to_global.values().collect::<FxHashSet<_>>() {
            *self.articles_delta.entry(g.clone()).or_default() += 1;
        }
        let global = |local: Option<&String>| local.and_then(|l| local_to_global.get(l.as_str())).cloned();
        for q in &record.quotes {
            let sp = q.speaker.as_ref();
            self.quotes.push(QuoteRow {
                article: rid,
                speaker_entity: global(sp.and_then(|s| s.entity.as_ref())),
                speaker: sp.map(|s| s.text.clone()),
                cue: q.cue.clone(),
                kind: q.kind.to_string(),
                start: q.start as i64,
                end: q.end as i64,
                text: q.text.clone(),
            });
        }
        for n in &record.counts {
            let sp = n.attributed_to.as_ref();
            self.counts.push(CountRow {
                article: rid,
                day,
                category: n.category.to_string(),
                value: n.value,
                qualifier: n.qualifier.to_string(),
                source_entity: global(sp.and_then(|s| s.entity.as_ref())),
                source: sp.map(|s| s.text.clone()),
                start: n.start as i64,
                end: n.end as i64,
                text: n.text.clone(),
            });
        }
        for d in &record.dates {
            self.dates.push(DateRow {
                article: rid,
                value: d.value.clone(),
                resolution: d.resolution.to_string(),
                start: d.start as i64,
                end: d.end as i64,
            });
        }
    }

    fn entity(&mut self, link: &crate::link::Link, e: &khabar_model::Entity) {
        let at = *self.entity_at.entry(link.entity.clone()).or_insert_with(|| {
            self.entities.push(EntityRow {
                id: link.entity.clone(),
                created: link.created,
                kind: e.kind.to_string(),
                name: e.name.clone(),
                key: crate::analysis::key(&e.name),
                latin: None,
                lat: None,
                lon: None,
                country: None,
                geonameid: None,
            });
            self.entities.len() - 1
        });
        // what the first article to know a value gave, as the row-at-a-time `coalesce` kept
        let r = &mut self.entities[at];
        r.latin = r.latin.take().or_else(|| e.latin.clone());
        if let Some(g) = &e.geo {
            r.lat = r.lat.or(Some(g.lat));
            r.lon = r.lon.or(Some(g.lon));
            r.country = r.country.take().or_else(|| Some(g.country.clone()));
        }
        r.geonameid = r.geonameid.or(link.geonameid.map(|g| g as i64));
    }

    fn key(&mut self, key: &str, entity: &str, variant: &str, reason: &str, article: &str, names: i64) {
        match self.key_at.get(key) {
            Some(&i) => self.keys[i].names += names,
            None => {
                self.key_at.insert(key.to_string(), self.keys.len());
                self.keys.push(KeyRow {
                    key: key.to_string(),
                    entity: entity.to_string(),
                    variant: variant.to_string(),
                    reason: reason.to_string(),
                    first_article: article.to_string(),
                    names,
                });
            }
        }
    }

    fn flush(&mut self, tx: &mut Transaction) -> Result<()> {
        let (new, old): (Vec<&EntityRow>, Vec<&EntityRow>) = self.entities.iter().partition(|e| e.created);
        if !new.is_empty() {
            tx.execute(
                "INSERT INTO entities (id, type, name, key, latin, lat, lon, country, geonameid) \
                 SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::text[], $9::bigint[]) ON CONFLICT (id) DO NOTHING",
                p![col!(new, id), col!(new, kind), col!(new, name), col!(new, key), col!(new, latin), col!(new, lat), col!(new, lon), col!(new, country), col!(new, geonameid)],
            )?;
        }
        let fill: Vec<&&EntityRow> =
            old.iter().filter(|e| e.latin.is_some() || e.lat.is_some() || e.geonameid.is_some()).collect();
        if !fill.is_empty() {
            tx.execute(
                "UPDATE entities e SET latin = coalesce(e.latin, d.latin), lat = coalesce(e.lat, d.lat), lon = coalesce(e.lon, d.lon), country = coalesce(e.country, d.country), geonameid = coalesce(e.geonameid, d.geonameid) \
                 FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::bigint[]) AS d(id, latin, lat, lon, country, geonameid) WHERE e.id = d.id",
                p![col!(fill, id), col!(fill, latin), col!(fill, lat), col!(fill, lon), col!(fill, country), col!(fill, geonameid)],
            )?;
        }
        if !self.keys.is_empty() {
            let k = &self.keys;
            // in first-seen order, so that `seq` orders them as row-at-a-time inserts would
            tx.execute(
                "INSERT INTO entity_keys (key, entity, variant, reason, first_article, names) \
                 SELECT key, entity, variant, reason, first_article, names FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[]) WITH ORDINALITY AS d(key, entity, variant, reason, first_article, names, ord) ORDER BY ord \
                 ON CONFLICT (key) DO UPDATE SET names = entity_keys.names + excluded.names",
                p![col!(k, key), col!(k, entity), col!(k, variant), col!(k, reason), col!(k, first_article), col!(k, names)],
            )?;
        }
        let m = &self.mentions;
        if !m.is_empty() {
            tx.execute(
                "INSERT INTO mentions (article, local, entity, name, n) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[])",
                p![col!(m, article), col!(m, local), col!(m, entity), col!(m, name), col!(m, n)],
            )?;
        }
        let q = &self.quotes;
        if !q.is_empty() {
            tx.execute(
                "INSERT INTO quotes (article, speaker_entity, speaker, cue, kind, start_pos, end_pos, text) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::text[])",
                p![col!(q, article), col!(q, speaker_entity), col!(q, speaker), col!(q, cue), col!(q, kind), col!(q, start), col!(q, end), col!(q, text)],
            )?;
        }
        let c = &self.counts;
        if !c.is_empty() {
            tx.execute(
                "INSERT INTO counts (article, day, category, value, qualifier, source_entity, source, start_pos, end_pos, text) \
                 SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::text[])",
                p![col!(c, article), col!(c, day), col!(c, category), col!(c, value), col!(c, qualifier), col!(c, source_entity), col!(c, source), col!(c, start), col!(c, end), col!(c, text)],
            )?;
        }
        let d = &self.dates;
        if !d.is_empty() {
            tx.execute(
                "INSERT INTO dates (article, value, resolution, start_pos, end_pos) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::bigint[])",
                p![col!(d, article), col!(d, value), col!(d, resolution), col!(d, start), col!(d, end)],
            )?;
        }
        let delta: Vec<(&String, &i64)> = self.articles_delta.iter().filter(|(_, &n)| n != 0).collect();
        if !delta.is_empty() {
            tx.execute(
                "UPDATE entities e SET articles = e.articles + d.n FROM unnest($1::text[], $2::bigint[]) AS d(id, n) WHERE e.id = d.id",
                p![delta.iter().map(|x| x.0.clone()).collect::<Vec<_>>(), delta.iter().map(|x| *x.1).collect::<Vec<_>>()],
            )?;
        }
        // the corpus-wide name is the one articles most often give as the entity's fullest form
        let named: Vec<String> = self.entities.iter().map(|e| e.id.clone()).collect();
        if !named.is_empty() {
            tx.execute(
                "UPDATE entities e SET name = coalesce((SELECT variant FROM entity_keys k WHERE k.entity = e.id AND k.names > 0 ORDER BY k.names DESC, k.seq LIMIT 1), e.name) WHERE e.id = ANY($1)",
                p![named],
            )?;
        }
        self.search.flush(tx)
    }
}

/// Writes a batch (no id twice) in one transaction. New articles — their text, records and
/// search terms, most of the work — are inserted first, beside other writers; then the lock that
/// serializes writers across processes is taken for what depends on the entity keys: linking
/// reads and extends the key table, so writers take turns for it. What another writer inserted
/// meanwhile under the same id is decided under the lock (unchanged, or replaced).
fn write_batch(
    conn: &mut Client,
    slot: &mut Option<(Linker, i64)>,
    batch: &[NewArticle],
    terms: &[DocTerms],
) -> Result<Written> {
    let mut tx = conn.transaction()?;
    let mut rows = BatchRows::default();
    let mut w = Written::default();
    let rid_of = insert_new(&mut tx, batch, terms, &mut rows, &mut w)?;
    let (mut linker, seen) = lock_and_load(&mut tx, slot)?;
    let settled = settle(&mut tx, batch, terms, rid_of, &mut rows, &mut w)?;
    for (a, s) in batch.iter().zip(settled) {
        if let Some((rid, _)) = s {
            rows.link(&mut linker, rid, &a.id, a.published.as_deref(), &a.record);
        }
    }
    rows.flush(&mut tx)?;
    tx.commit()?;
    *slot = Some((linker, seen));
    Ok(w)
}

/// Inserts the batch's articles that are not stored yet, with their postings; returns each
/// one's row (`None` for those already stored, or inserted meanwhile by another writer).
fn insert_new(
    tx: &mut Transaction,
    batch: &[NewArticle],
    terms: &[DocTerms],
    rows: &mut BatchRows,
    w: &mut Written,
) -> Result<Vec<Option<i64>>> {
    let ids: Vec<&str> = batch.iter().map(|a| a.id.as_str()).collect();
    let before: FxHashSet<String> =
        tx.query("SELECT id FROM articles WHERE id = ANY($1)", p![ids])?.iter().map(|r| r.get(0)).collect();
    let insert = tx.prepare(
        "INSERT INTO articles (exact, stem, len_t, len_b, len_st, len_sb, id, hash, source, url, title, published, day, text, extra, record, indexed) \
         VALUES (array_to_tsvector($1::text[]), array_to_tsvector($2::text[]), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, TRUE) \
         ON CONFLICT (id) DO NOTHING RETURNING rid",
    )?;
    let mut rid_of: Vec<Option<i64>> = vec![None; batch.len()];
    for (i, (a, t)) in batch.iter().zip(terms).enumerate() {
        if before.contains(&a.id) {
            continue;
        }
        let l = lens(t);
        let day = day_number(a.published.as_deref());
        let (record, extra) = (serde_json::to_string(&a.record)?, serde_json::to_string(&a.extra)?);
        let row = tx.query_opt(
            &insert,
            p![
                t.terms(false),
                t.terms(true),
                l[0],
                l[1],
                l[2],
                l[3],
                a.id,
                a.hash,
                a.source,
                a.url,
                a.title,
                a.published,
                day,
                a.text,
                extra,
                record
            ],
        )?;
        if let Some(r) = row {
            let rid: i64 = r.get(0);
            rows.search.add(rid, t, 1);
            rid_of[i] = Some(rid);
            w.stored += 1;
        }
    }
    rows.search.flush_postings(tx)?;
    Ok(rid_of)
}

/// Takes the writers' lock and brings the linker up to date: keys that other writers (or this
/// one) added since its last batch. All were added under this lock, so their `seq` follows the
/// order in which they were committed.
fn lock_and_load(tx: &mut Transaction, slot: &mut Option<(Linker, i64)>) -> Result<(Linker, i64)> {
    tx.execute("SELECT pg_advisory_xact_lock($1)", p![WRITERS_LOCK])?;
    let (mut linker, mut seen) = slot.take().unwrap_or_default();
    for r in tx.query("SELECT seq, key, entity FROM entity_keys WHERE seq > $1 ORDER BY seq", p![seen])? {
        seen = seen.max(r.get(0));
        linker.add_key(r.get(1), r.get(2));
    }
    Ok((linker, seen))
}

/// Under the lock, the articles `insert_new` did not insert: unchanged, or replaced (their old
/// records taken out). Returns each article's row and whether it replaced one; `None` when
/// unchanged.
fn settle(
    tx: &mut Transaction,
    batch: &[NewArticle],
    terms: &[DocTerms],
    rid_of: Vec<Option<i64>>,
    rows: &mut BatchRows,
    w: &mut Written,
) -> Result<Vec<Option<(i64, bool)>>> {
    let rest: Vec<&str> = batch.iter().zip(&rid_of).filter(|(_, r)| r.is_none()).map(|(a, _)| a.id.as_str()).collect();
    let now: FxHashMap<String, (i64, String, bool)> = if rest.is_empty() {
        FxHashMap::default()
    } else {
        tx.query("SELECT id, rid, hash, indexed FROM articles WHERE id = ANY($1)", p![rest])?
            .iter()
            .map(|r| (r.get(0), (r.get(1), r.get(2), r.get(3))))
            .collect()
    };
    let update = tx.prepare(&format!(
        "UPDATE articles SET hash = $8, source = $9, url = $10, title = $11, published = $12, day = $13, text = $14, extra = $15, record = $16, {SEARCH_SET} WHERE rid = $1"
    ))?;
    let mut out = Vec::with_capacity(batch.len());
    for (i, (a, t)) in batch.iter().zip(terms).enumerate() {
        out.push(match (rid_of[i], now.get(&a.id)) {
            (Some(rid), _) => Some((rid, false)),
            (None, Some((_, hash, _))) if *hash == a.hash => {
                w.unchanged += 1;
                None
            }
            (None, Some(&(rid, _, indexed))) => {
                replace_old(tx, rid, indexed, rows)?;
                let l = lens(t);
                let day = day_number(a.published.as_deref());
                let (record, extra) = (serde_json::to_string(&a.record)?, serde_json::to_string(&a.extra)?);
                tx.execute(
                    &update,
                    p![
                        rid,
                        t.terms(false),
                        t.terms(true),
                        l[0],
                        l[1],
                        l[2],
                        l[3],
                        a.hash,
                        a.source,
                        a.url,
                        a.title,
                        a.published,
                        day,
                        a.text,
                        extra,
                        record
                    ],
                )?;
                rows.search.add(rid, t, 1);
                w.replaced += 1;
                Some((rid, true))
            }
            (None, None) => return Err(Error::Invalid(format!("article {}: neither inserted nor found", a.id))),
        });
    }
    Ok(out)
}

/// Removes an article's records and its share of the entities' article counts.
fn unlink(tx: &mut Transaction, rid: i64, rows: &mut BatchRows) -> Result<()> {
    for r in tx.query("SELECT DISTINCT entity FROM mentions WHERE article = $1", p![rid])? {
        *rows.articles_delta.entry(r.get(0)).or_default() -= 1;
    }
    for t in ["mentions", "quotes", "counts", "dates"] {
        tx.execute(&format!("DELETE FROM {t} WHERE article = $1"), p![rid])?;
    }
    Ok(())
}

/// Takes out what a replaced article had: its records, its share of the entities' article
/// counts, and its postings (recomputed from its stored text, which is about to change) and share
/// of the search totals.
fn replace_old(tx: &mut Transaction, rid: i64, indexed: bool, rows: &mut BatchRows) -> Result<()> {
    unlink(tx, rid, rows)?;
    if indexed {
        let r = tx.query_one("SELECT coalesce(title, ''), text FROM articles WHERE rid = $1", p![rid])?;
        let old = DocTerms::of(r.get(0), r.get(1));
        let terms: Vec<&str> = old.postings.iter().map(|p| p.0.as_str()).collect();
        tx.execute("DELETE FROM postings WHERE article = $1 AND term = ANY($2)", p![rid, terms])?;
        rows.search.add(rid, &old, -1);
    }
    Ok(())
}

/// Where the first article id seen before in `items` stands (the items without an article are
/// skipped): a batch is written in runs without a repeat, so that the second sees the first as
/// stored (unchanged, or replaced by the newer text).
fn first_repeat<T>(items: &[T], id: impl Fn(&T) -> Option<&String>) -> Option<usize> {
    let mut seen = FxHashSet::default();
    items.iter().position(|x| id(x).is_some_and(|i| !seen.insert(i)))
}

/// One message taken from a queue: its sequence number in the stream, and its article when it
/// held a usable one that is not stored unchanged already.
pub struct Queued {
    pub seq: i64,
    pub article: Option<NewArticle>,
}

impl PgStore {
    /// Stores articles taken from a queue stream (`stream` names the stream and its creation, so
    /// that a new stream starts a new count; `first` is the first sequence it holds), without
    /// linking their entities: that waits for [`PgStore::link_queued`], which links in stream
    /// order. Every message is logged, article or not, so that the order has no holes. Several
    /// workers call this at once; a message delivered twice changes nothing the first stored.
    pub fn write_queued(&self, stream: &str, first: i64, items: &[Queued]) -> Result<Written> {
        if let Some(split) = first_repeat(items, |q| q.article.as_ref().map(|a| &a.id)) {
            // the same article twice in one fetch: up to the repeat, then from it
            let mut w = self.write_queued(stream, first, &items[..split])?;
            w += self.write_queued(stream, first, &items[split..])?;
            return Ok(w);
        }
        let batch: Vec<NewArticle> = items.iter().filter_map(|q| q.article.clone()).collect();
        let seqs: Vec<i64> = items.iter().filter(|q| q.article.is_some()).map(|q| q.seq).collect();
        let terms: Vec<DocTerms> =
            batch.iter().map(|a| DocTerms::of(a.title.as_deref().unwrap_or(""), &a.text)).collect();
        let mut conn = self.writer()?;
        let mut tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO queue_progress (stream, done) VALUES ($1, $2) ON CONFLICT (stream) DO NOTHING",
            p![stream, (first - 1)],
        )?;
        let mut rows = BatchRows::default();
        let mut w = Written::default();
        let rid_of = insert_new(&mut tx, &batch, &terms, &mut rows, &mut w)?;
        let settled: Vec<Option<(i64, bool)>> = if rid_of.iter().all(Option::is_some) {
            rid_of.iter().map(|r| r.map(|r| (r, false))).collect()
        } else {
            // replacing takes out entity counts, which linking also changes: under the lock (the
            // entity keys are not needed: nothing is linked here)
            tx.execute("SELECT pg_advisory_xact_lock($1)", p![WRITERS_LOCK])?;
            settle(&mut tx, &batch, &terms, rid_of, &mut rows, &mut w)?
        };
        let mut by_seq: FxHashMap<i64, (i64, bool)> = FxHashMap::default();
        for (seq, s) in seqs.iter().zip(settled) {
            if let Some(s) = s {
                by_seq.insert(*seq, s);
            }
        }
        let all: Vec<i64> = items.iter().map(|q| q.seq).collect();
        let article: Vec<Option<i64>> = all.iter().map(|s| by_seq.get(s).map(|x| x.0)).collect();
        let replaced: Vec<bool> = all.iter().map(|s| by_seq.get(s).is_some_and(|x| x.1)).collect();
        tx.execute(
            "INSERT INTO queue_log (stream, seq, article, replaced) SELECT $1, d.seq, d.article, d.replaced FROM unnest($2::bigint[], $3::bigint[], $4::bool[]) AS d(seq, article, replaced) \
             WHERE d.seq > (SELECT done FROM queue_progress WHERE stream = $1) ON CONFLICT (stream, seq) DO NOTHING",
            p![stream, all, article, replaced],
        )?;
        rows.flush(&mut tx)?;
        tx.commit()?;
        Ok(w)
    }

    /// Links the entities of queued articles in stream order, as far as the log has no holes
    /// (a message still with a worker, or redelivered after one died, is a hole until stored);
    /// returns how many messages it took past. The same order as one process reading the input
    /// gives the same entities, whatever the number of workers.
    pub fn link_queued(&self, stream: &str) -> Result<usize> {
        let mut conn = self.writer()?;
        let mut slot = self.linker.lock().unwrap_or_else(|e| e.into_inner());
        let mut total = 0;
        loop {
            let result = (|| -> Result<usize> {
                let mut tx = conn.transaction()?;
                let (mut linker, seen) = lock_and_load(&mut tx, &mut slot)?;
                let Some(done) = tx
                    .query_opt("SELECT done FROM queue_progress WHERE stream = $1", p![stream])?
                    .map(|r| r.get::<_, i64>(0))
                else {
                    return Ok(0);
                };
                let log = tx.query("SELECT seq, article, replaced FROM queue_log WHERE stream = $1 AND seq > $2 ORDER BY seq LIMIT 1024", p![stream, done])?;
                let run: Vec<&Row> = log
                    .iter()
                    .enumerate()
                    .take_while(|(i, r)| r.get::<_, i64>(0) == done + 1 + *i as i64)
                    .map(|(_, r)| r)
                    .collect();
                if run.is_empty() {
                    *slot = Some((linker, seen));
                    return Ok(0);
                }
                let rids: Vec<i64> = run.iter().filter_map(|r| r.get::<_, Option<i64>>(1)).collect();
                let mut records: FxHashMap<i64, (String, Option<String>, String)> = FxHashMap::default();
                for r in tx.query("SELECT rid, id, published, record FROM articles WHERE rid = ANY($1)", p![rids])? {
                    records.insert(r.get(0), (r.get(1), r.get(2), r.get(3)));
                }
                let mut rows = BatchRows::default();
                let mut linked: FxHashSet<i64> = FxHashSet::default();
                for r in &run {
                    let (Some(rid), replaced) = (r.get::<_, Option<i64>>(1), r.get::<_, bool>(2)) else { continue };
                    let Some((id, published, record)) = records.get(&rid) else { continue };
                    // a replaced article, or one linked earlier in this run, loses its old links
                    if replaced || !linked.insert(rid) {
                        rows.flush(&mut tx)?;
                        rows = BatchRows::default();
                        unlink(&mut tx, rid, &mut rows)?;
                    }
                    let record: Article = serde_json::from_str(record)?;
                    rows.link(&mut linker, rid, id, published.as_deref(), &record);
                }
                rows.flush(&mut tx)?;
                let last = done + run.len() as i64;
                tx.execute("UPDATE queue_progress SET done = $2 WHERE stream = $1", p![stream, last])?;
                tx.execute("DELETE FROM queue_log WHERE stream = $1 AND seq <= $2", p![stream, last])?;
                tx.commit()?;
                *slot = Some((linker, seen));
                Ok(run.len())
            })();
            match result {
                Ok(0) => return Ok(total),
                Ok(n) => total += n,
                Err(e) => {
                    *slot = None;
                    return Err(e);
                }
            }
        }
    }

    /// Drops every table of a database (for tests and benchmarks, which must start empty); the
    /// next [`PgStore::open`] makes them again.
    pub fn reset(url: &str) -> Result<()> {
        let mut c = Client::connect(url, NoTls)?;
        c.batch_execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")?;
        Ok(())
    }

    /// Content hashes of those of these articles that are stored.
    pub fn hashes_of(&self, ids: &[String]) -> Result<FxHashMap<String, String>> {
        self.read(|c| {
            Ok(c.query("SELECT id, hash FROM articles WHERE id = ANY($1)", p![ids])?
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect())
        })
    }

    /// Messages stored from a stream but whose entities wait for an earlier one.
    pub fn queued_unlinked(&self, stream: &str) -> Result<u64> {
        self.read(|c| {
            Ok(c.query_one("SELECT COUNT(*) FROM queue_log WHERE stream = $1", p![stream])?.get::<_, i64>(0) as u64)
        })
    }
}

/// Search in PostgreSQL itself, ranked as the embedded index ranks. Matching uses `tsvector`
/// columns of our analyzers' terms (exact and stemmed; `array_to_tsvector`, so PostgreSQL's own
/// parser never re-splits them) under GIN indexes: every word must match, exactly or by its stem.
/// Ranking is tantivy's BM25, computed with tantivy's own [`Bm25Weight`] over the same statistics:
/// a `postings` table holds each article's term frequencies per field, the articles their field
/// lengths, `search_totals` the corpus totals, so that a query's scores are those the embedded
/// store gives for the same articles (up to the order in which f32 sums are added). Phrases,
/// exclusions and OR are not parsed here (their words are just ANDed).
///
/// [`Bm25Weight`]: tantivy::query::Bm25Weight
pub struct PgSearch {
    readers: Arc<Readers>,
}

impl PgSearch {
    /// Search over a store's database (whose migrations made the columns and indexes), on the
    /// store's connections.
    pub fn new(store: &PgStore) -> PgSearch {
        PgSearch { readers: store.readers.clone() }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Client) -> Result<T>) -> Result<T> {
        self.readers.with(f)
    }
}

impl Search for PgSearch {
    /// Indexes articles that are not yet (those written before the search columns existed);
    /// [`PgStore::write`] indexes what it writes in the same transaction.
    fn upsert(&self, docs: &[IndexDoc]) -> Result<()> {
        let terms: Vec<DocTerms> = docs.iter().map(|d| DocTerms::of(&d.title, &d.text)).collect();
        self.with(|c| {
            let mut tx = c.transaction()?;
            let st =
                tx.prepare(&format!("UPDATE articles SET {SEARCH_SET} WHERE id = $1 AND NOT indexed RETURNING rid"))?;
            let mut rows = SearchRows::default();
            for (d, t) in docs.iter().zip(&terms) {
                let l = lens(t);
                if let Some(r) = tx.query_opt(&st, p![d.id, t.terms(false), t.terms(true), l[0], l[1], l[2], l[3]])? {
                    rows.add(r.get(0), t, 1);
                }
            }
            rows.flush(&mut tx)?;
            tx.commit()?;
            Ok(())
        })
    }

    fn commit(&self) -> Result<()> {
        Ok(()) // each upsert commits its own transaction
    }

    fn close(&self) -> Result<()> {
        Ok(())
    }

    fn num_docs(&self) -> Result<u64> {
        self.with(|c| Ok(c.query_one("SELECT COUNT(*) FROM articles WHERE indexed", &[])?.get::<_, i64>(0) as u64))
    }

    fn search(&self, q: &SearchQuery) -> Result<crate::Results> {
        // the query's words, each with its exact and stemmed term
        let mut words: Vec<(String, String)> = Vec::new();
        for w in crate::analysis::word_terms(q.text.as_deref().unwrap_or("")) {
            let w = (w.exact, w.stem);
            if !words.contains(&w) {
                words.push(w);
            }
        }
        let mut params: Vec<Box<dyn ::postgres::types::ToSql + Sync>> = Vec::new();
        let mut arg = |v: Box<dyn ::postgres::types::ToSql + Sync>| {
            params.push(v);
            format!("${}", params.len())
        };
        let mut conds = vec!["indexed".to_string()];
        for (e, s) in &words {
            let pe = arg(Box::new(lexeme_query(e)));
            if s.is_empty() {
                conds.push(format!("exact @@ {pe}::text::tsquery"));
            } else {
                let ps = arg(Box::new(lexeme_query(s)));
                conds.push(format!("(exact @@ {pe}::text::tsquery OR stem @@ {ps}::text::tsquery)"));
            }
        }
        if let Some(src) = &q.source {
            let p = arg(Box::new(src.clone()));
            conds.push(format!("source = {p}"));
        }
        if let Some(f) = q.from {
            let p = arg(Box::new(f));
            conds.push(format!("day >= {p}"));
        }
        if let Some(t) = q.to {
            let p = arg(Box::new(t));
            conds.push(format!("day <= {p}"));
        }
        if !q.entities.is_empty() {
            let p = arg(Box::new(q.entities.clone()));
            conds.push(format!("rid IN (SELECT article FROM mentions WHERE entity = ANY({p}))"));
        }
        let filter = conds.join(" AND ");
        let refs: Vec<&(dyn ::postgres::types::ToSql + Sync)> = params.iter().map(|b| b.as_ref()).collect();
        let limit = q.limit.max(1);
        self.with(|c| {
            if words.is_empty() {
                let total: i64 = c.query_one(&format!("SELECT COUNT(*) FROM articles WHERE {filter}"), &refs)?.get(0);
                let sql = format!(
                    "SELECT id FROM articles WHERE {filter} ORDER BY day DESC NULLS LAST, id LIMIT {limit} OFFSET {}",
                    q.offset
                );
                let hits = c.query(&sql, &refs)?.iter().map(|r| crate::Hit { id: r.get(0), score: 0.0 }).collect();
                return Ok(crate::Results { total: total as usize, hits });
            }
            // the planner prices a sequential scan for a common word below the GIN indexes, not
            // seeing that it detoasts every article's tsvector (200 ms against 25 over 17,815)
            let mut tx = c.transaction()?;
            tx.batch_execute("SET LOCAL enable_seqscan = off")?;
            let matched =
                tx.query(&format!("SELECT rid, id, len_t, len_b, len_st, len_sb FROM articles WHERE {filter}"), &refs)?;
            let mut hits = rank(&mut tx, &words, &matched)?;
            tx.commit()?;
            hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
            let total = hits.len();
            Ok(crate::Results { total, hits: hits.into_iter().skip(q.offset).take(limit).collect() })
        })
    }

    fn snippets(&self, text_query: &str) -> Result<Box<dyn crate::Snippets>> {
        Ok(Box::new(crate::analysis::TermSnippets::new(text_query)))
    }
}

/// BM25 scores of the matched articles (rows of `rid, id` and the four field lengths), as
/// tantivy computes them for our query: for each word, the sum over the four fields of the
/// boosted BM25 of its exact term (title, body) or stem (the stemmed title and body); words added.
fn rank(
    c: &mut impl ::postgres::GenericClient,
    words: &[(String, String)],
    matched: &[Row],
) -> Result<Vec<crate::Hit>> {
    use tantivy::fieldnorm::FieldNormReader;
    use tantivy::query::Bm25Weight;
    let mut terms: Vec<&str> =
        words.iter().flat_map(|(e, s)| [e.as_str(), s.as_str()]).filter(|t| !t.is_empty()).collect();
    terms.sort_unstable();
    terms.dedup();
    let totals = c.query_one("SELECT docs, t, b, st, sb FROM search_totals", &[])?;
    let docs = totals.get::<_, i64>(0).max(0) as u64;
    // every article holding a query term, matched or not: document frequencies count them all
    let mut tf: FxHashMap<(&str, i64), [u32; FIELDS]> = FxHashMap::default();
    let mut df: FxHashMap<&str, [u64; FIELDS]> = FxHashMap::default();
    for r in c.query("SELECT term, article, t, b, st, sb FROM postings WHERE term = ANY($1)", p![terms])? {
        let term: String = r.get(0);
        let Some(&term) = terms.iter().find(|t| **t == term) else { continue };
        let f: [u32; FIELDS] = std::array::from_fn(|i| r.get::<_, i32>(i + 2).max(0) as u32);
        let d = df.entry(term).or_default();
        for i in 0..FIELDS {
            d[i] += (f[i] > 0) as u64;
        }
        tf.insert((term, r.get(1)), f);
    }
    // one weight per (word, field), as tantivy's term queries build them
    let weights: Vec<[Option<Bm25Weight>; FIELDS]> = words
        .iter()
        .map(|(e, s)| {
            std::array::from_fn(|i| {
                let term = if i < 2 { e.as_str() } else { s.as_str() };
                let n = df.get(term).map_or(0, |d| d[i]);
                (n > 0 && docs > 0).then(|| {
                    let avg = totals.get::<_, i64>(i + 1).max(0) as u64 as f32 / docs as f32;
                    Bm25Weight::for_one_term(n.min(docs), docs, avg)
                })
            })
        })
        .collect();
    let mut hits = Vec::with_capacity(matched.len());
    for r in matched {
        let rid: i64 = r.get(0);
        let norms: [u8; FIELDS] =
            std::array::from_fn(|i| FieldNormReader::fieldnorm_to_id(r.get::<_, i32>(i + 2).max(0) as u32));
        let mut score = 0f32;
        for ((e, s), w) in words.iter().zip(&weights) {
            let mut word = 0f32;
            for i in 0..FIELDS {
                let term = if i < 2 { e.as_str() } else { s.as_str() };
                if let (Some(w), Some(f)) = (&w[i], tf.get(&(term, rid))) {
                    if f[i] > 0 {
                        word += w.score(norms[i], f[i]) * BOOSTS[i];
                    }
                }
            }
            score += word;
        }
        hits.push(crate::Hit { id: r.get(1), score });
    }
    Ok(hits)
}
