//! The PostgreSQL backend of [`Store`]: the same records, keys and entity linking as
//! [`crate::SqliteStore`], for a corpus that several machines write and serve. Migrations run on
//! open (a `khabar_migrations` table records which have run). Reading connections are pooled
//! ([`crate::Pool`]) and shared with [`PgSearch`].
use crate::link::{typed, Linker};
use crate::*;
use ::postgres::{Client, NoTls, Row};

/// Query parameters of different types, as the driver takes them.
macro_rules! p {
    ($($x:expr),* $(,)?) => {
        &[$(&$x as &(dyn ::postgres::types::ToSql + Sync)),*]
    };
}
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Mutex;

/// Schema versions, applied in order, each once.
const MIGRATIONS: &[&str] = &[r#"
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
"#, r#"
ALTER TABLE articles ADD COLUMN exact tsvector, ADD COLUMN stem tsvector, ADD COLUMN entity_ids TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX articles_exact ON articles USING GIN (exact);
CREATE INDEX articles_stem ON articles USING GIN (stem);
CREATE INDEX articles_entity_ids ON articles USING GIN (entity_ids);
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX entity_keys_trgm ON entity_keys USING GIN (key gin_trgm_ops);
"#];

pub struct PgStore {
    url: String,
    writer: Mutex<Client>,
    readers: std::sync::Arc<Pool<Client>>,
    linker: Mutex<Option<Linker>>,
}

impl PgStore {
    /// Connects (`postgres://user:password@host:port/database`) and runs the migrations not yet
    /// run, under an advisory lock so that processes starting together do not race.
    pub fn open(url: &str) -> Result<PgStore> {
        let mut c = Client::connect(url, NoTls)?;
        let mut tx = c.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock(7243500)", &[])?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS khabar_migrations (version BIGINT PRIMARY KEY)")?;
        let done: i64 = tx.query_one("SELECT coalesce(max(version), 0) FROM khabar_migrations", &[])?.get(0);
        for (i, m) in MIGRATIONS.iter().enumerate().skip(done as usize) {
            tx.batch_execute(m)?;
            tx.execute("INSERT INTO khabar_migrations (version) VALUES ($1)", p![(i as i64 + 1)])?;
        }
        tx.commit()?;
        Ok(PgStore { url: url.to_string(), writer: Mutex::new(c), readers: std::sync::Arc::new(Pool::new()), linker: Mutex::new(None) })
    }

    fn read<T>(&self, f: impl FnOnce(&mut Client) -> Result<T>) -> Result<T> {
        self.readers.with(|| Ok(Client::connect(&self.url, NoTls)?), |c| !c.is_closed(), f)
    }
}

const SUMMARY_COLS: &str = "id, title, source, url, published";

fn summary_from(r: &Row, at: usize) -> ArticleSummary {
    ArticleSummary { id: r.get(at), title: r.get(at + 1), source: r.get(at + 2), url: r.get(at + 3), published: r.get(at + 4) }
}

const ENTITY_COLS: &str = "e.id, e.type, e.name, e.latin, e.lat, e.lon, e.country, e.articles";

fn entity_summary(r: &Row) -> EntitySummary {
    let (lat, lon): (Option<f64>, Option<f64>) = (r.get(4), r.get(5));
    let country: Option<String> = r.get(6);
    let geo = match (lat, lon) {
        (Some(lat), Some(lon)) => Some(GeoView { lat, lon, country: country.unwrap_or_default() }),
        _ => None,
    };
    EntitySummary { id: r.get(0), kind: r.get(1), name: r.get(2), latin: r.get(3), geo, articles: r.get::<_, i64>(7) as u64 }
}

fn load_view(c: &mut Client, rid: i64, summary: ArticleSummary, text: String, record: &str) -> Result<ArticleView> {
    let record: Article = serde_json::from_str(record)?;
    let links = c.query("SELECT local, entity FROM mentions WHERE article = $1", p![rid])?.iter().map(|r| (r.get(0), r.get(1))).collect();
    Ok(ArticleView { summary, text, record, links })
}

impl Store for PgStore {
    fn hashes(&self) -> Result<FxHashMap<String, String>> {
        self.read(|c| Ok(c.query("SELECT id, hash FROM articles", &[])?.iter().map(|r| (r.get(0), r.get(1))).collect()))
    }

    fn write(&self, batch: &[NewArticle]) -> Result<Written> {
        let mut conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        if conn.is_closed() {
            *conn = Client::connect(&self.url, NoTls)?;
        }
        let mut slot = self.linker.lock().unwrap_or_else(|e| e.into_inner());
        // Another process may have linked entities since: the linker is reloaded for each batch
        // (cheap next to extraction), inside the transaction that writes with it.
        let result = write_batch(&mut conn, &mut slot, batch);
        if result.is_err() {
            *slot = None;
        }
        result
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
        let mut conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        // PgSearch sets the flag with the text-search columns, in one transaction: this only
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
            let Some(r) = c.query_opt(&format!("SELECT rid, text, record, {SUMMARY_COLS} FROM articles WHERE id = $1"), p![id])? else {
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
            let mut by_id: FxHashMap<String, ArticleSummary> = rows.iter().map(|r| (r.get::<_, String>(0), summary_from(r, 0))).collect();
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
            let keys = vec![typed("PER", &k), typed("ORG", &k), typed("LOC", &k)];
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

fn write_batch(conn: &mut Client, slot: &mut Option<Linker>, batch: &[NewArticle]) -> Result<Written> {
    let mut tx = conn.transaction()?;
    // one writer at a time across processes: linking reads and extends the key table
    tx.execute("SELECT pg_advisory_xact_lock(7243501)", &[])?;
    let mut linker = Linker::default();
    for r in tx.query("SELECT key, entity FROM entity_keys ORDER BY seq", &[])? {
        linker.add_key(r.get(0), r.get(1));
    }
    // statements prepared once per batch: parsed and planned once, not once per row
    let st0 = tx.prepare("SELECT rid, hash FROM articles WHERE id = $1")?;
    let st1 = tx.prepare("SELECT DISTINCT entity FROM mentions WHERE article = $1")?;
    let st2 = tx.prepare("UPDATE articles SET hash = $2, source = $3, url = $4, title = $5, published = $6, day = $7, text = $8, extra = $9, record = $10, indexed = FALSE, exact = NULL, stem = NULL WHERE rid = $1")?;
    let st3 = tx.prepare("INSERT INTO articles (id, hash, source, url, title, published, day, text, extra, record) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING rid")?;
    let st4 = tx.prepare("INSERT INTO entities (id, type, name, key, latin, lat, lon, country, geonameid) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING")?;
    let st5 = tx.prepare("UPDATE entities SET latin = coalesce(latin, $2), lat = coalesce(lat, $3), lon = coalesce(lon, $4), country = coalesce(country, $5), geonameid = coalesce(geonameid, $6) WHERE id = $1")?;
    let st6 = tx.prepare("INSERT INTO entity_keys (key, entity, variant, reason, first_article, names) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO UPDATE SET names = entity_keys.names + excluded.names")?;
    let st7 = tx.prepare("INSERT INTO mentions (article, local, entity, name, n) VALUES ($1, $2, $3, $4, $5)")?;
    let st8 = tx.prepare("INSERT INTO quotes (article, speaker_entity, speaker, cue, kind, start_pos, end_pos, text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")?;
    let st9 = tx.prepare("INSERT INTO counts (article, day, category, value, qualifier, source_entity, source, start_pos, end_pos, text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")?;
    let st10 = tx.prepare("INSERT INTO dates (article, value, resolution, start_pos, end_pos) VALUES ($1, $2, $3, $4, $5)")?;
    let st11 = tx.prepare("UPDATE entities SET name = coalesce((SELECT variant FROM entity_keys WHERE entity = $1 AND names > 0 ORDER BY names DESC, seq LIMIT 1), name), \
             articles = (SELECT COUNT(DISTINCT article) FROM mentions WHERE entity = $1) WHERE id = $1")?;
    let mut w = Written::default();
    let mut touched: FxHashSet<String> = FxHashSet::default();
    for a in batch {
        let day = day_number(a.published.as_deref());
        let record = serde_json::to_string(&a.record)?;
        let extra = serde_json::to_string(&a.extra)?;
        let existing = tx.query_opt(&st0, p![a.id])?;
        let rid: i64 = match existing {
            Some(r) if r.get::<_, String>(1) == a.hash => {
                w.unchanged += 1;
                continue;
            }
            Some(r) => {
                let rid: i64 = r.get(0);
                for e in tx.query(&st1, p![rid])? {
                    touched.insert(e.get(0));
                }
                for t in ["mentions", "quotes", "counts", "dates"] {
                    tx.execute(&format!("DELETE FROM {t} WHERE article = $1"), p![rid])?;
                }
                tx.execute(&st2,
                    p![rid, a.hash, a.source, a.url, a.title, a.published, day, a.text, extra, record],
                )?;
                w.replaced += 1;
                rid
            }
            None => {
                w.stored += 1;
                tx.query_one(&st3,
                    p![a.id, a.hash, a.source, a.url, a.title, a.published, day, a.text, extra, record],
                )?
                .get(0)
            }
        };
        let mut local_to_global: FxHashMap<&str, String> = FxHashMap::default();
        for e in &a.record.entities {
            let Some(link) = linker.link(e) else { continue };
            let k = crate::analysis::key(&e.name);
            let (lat, lon, country) = (e.geo.as_ref().map(|g| g.lat), e.geo.as_ref().map(|g| g.lon), e.geo.as_ref().map(|g| g.country.clone()));
            let geonameid = link.geonameid.map(|g| g as i64);
            if link.created {
                tx.execute(&st4,
                    p![link.entity, e.kind, e.name, k, e.latin, lat, lon, country, geonameid],
                )?;
            } else {
                tx.execute(&st5,
                    p![link.entity, e.latin, lat, lon, country, geonameid],
                )?;
            }
            touched.insert(link.entity.clone());
            for (i, nk) in link.keys.iter().enumerate() {
                tx.execute(&st6,
                    p![nk.key, link.entity, nk.variant, nk.reason, a.id, ((i == 0) as i64)],
                )?;
            }
            tx.execute(&st7, p![rid, e.id, link.entity, e.name, (e.mentions.len() as i64)])?;
            local_to_global.insert(e.id.as_str(), link.entity);
        }
        let global = |local: Option<&String>| local.and_then(|l| local_to_global.get(l.as_str())).cloned();
        for q in &a.record.quotes {
            let sp = q.speaker.as_ref();
            tx.execute(&st8,
                p![rid, global(sp.and_then(|s| s.entity.as_ref())), sp.map(|s| s.text.clone()), q.cue, q.kind, (q.start as i64), (q.end as i64), q.text],
            )?;
        }
        for n in &a.record.counts {
            let sp = n.attributed_to.as_ref();
            tx.execute(&st9,
                p![rid, day, n.category, n.value, n.qualifier, global(sp.and_then(|s| s.entity.as_ref())), sp.map(|s| s.text.clone()), (n.start as i64), (n.end as i64), n.text],
            )?;
        }
        for d in &a.record.dates {
            tx.execute(&st10, p![rid, d.value, d.resolution, (d.start as i64), (d.end as i64)])?;
        }
    }
    for id in &touched {
        tx.execute(&st11,
            &[id],
        )?;
    }
    tx.commit()?;
    *slot = Some(linker);
    Ok(w)
}

/// Search in PostgreSQL itself: `tsvector` columns fed with our analyzers' terms (the `simple`
/// configuration only splits them; titles weigh A, bodies D), GIN indexes, and the same query
/// semantics as the tantivy index: every word must match, exactly or by its stem. Phrases,
/// exclusions and OR are not parsed here (their words are just ANDed).
pub struct PgSearch {
    url: String,
    pool: std::sync::Arc<Pool<Client>>,
}

impl PgSearch {
    /// Search over a store's database (whose migrations made the columns and indexes), on the
    /// store's connections.
    pub fn new(store: &PgStore) -> PgSearch {
        PgSearch { url: store.url.clone(), pool: store.readers.clone() }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Client) -> Result<T>) -> Result<T> {
        self.pool.with(|| Ok(Client::connect(&self.url, NoTls)?), |c| !c.is_closed(), f)
    }
}

impl Search for PgSearch {
    fn upsert(&self, docs: &[IndexDoc]) -> Result<()> {
        use crate::analysis::word_terms;
        // both terms of every word, in one pass over each text
        let joined = |text: &str| {
            let w = word_terms(text);
            (w.iter().map(|x| x.exact.as_str()).collect::<Vec<_>>().join(" "), w.iter().map(|x| x.stem.as_str()).filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" "))
        };
        self.with(|c| {
            let mut tx = c.transaction()?;
            let st = tx.prepare(
                "UPDATE articles SET exact = setweight(to_tsvector('simple', $2), 'A') || setweight(to_tsvector('simple', $3), 'D'), \
                 stem = setweight(to_tsvector('simple', $4), 'A') || setweight(to_tsvector('simple', $5), 'D'), entity_ids = $6, indexed = TRUE WHERE id = $1",
            )?;
            for d in docs {
                let ((te, ts), (be, bs)) = (joined(&d.title), joined(&d.text));
                tx.execute(&st, p![d.id, te, be, ts, bs, d.entities])?;
            }
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
        self.with(|c| Ok(c.query_one("SELECT COUNT(*) FROM articles WHERE exact IS NOT NULL", &[])?.get::<_, i64>(0) as u64))
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
        let mut conds = vec!["exact IS NOT NULL".to_string()];
        let mut rank = Vec::new();
        for (e, s) in &words {
            let (pe, ps) = (arg(Box::new(e.clone())), arg(Box::new(s.clone())));
            conds.push(format!("(exact @@ plainto_tsquery('simple', {pe}) OR stem @@ plainto_tsquery('simple', {ps}))"));
            rank.push(format!("ts_rank(exact, plainto_tsquery('simple', {pe})) + 0.4 * ts_rank(stem, plainto_tsquery('simple', {ps}))"));
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
            conds.push(format!("entity_ids && {p}::text[]"));
        }
        let filter = conds.join(" AND ");
        let score = if rank.is_empty() { "0::real".to_string() } else { rank.join(" + ") };
        let order = if words.is_empty() { "day DESC NULLS LAST, id" } else { "score DESC, id" };
        let refs: Vec<&(dyn ::postgres::types::ToSql + Sync)> = params.iter().map(|b| b.as_ref()).collect();
        self.with(|c| {
            let total: i64 = c.query_one(&format!("SELECT COUNT(*) FROM articles WHERE {filter}"), &refs)?.get(0);
            let sql = format!("SELECT id, ({score})::real AS score FROM articles WHERE {filter} ORDER BY {order} LIMIT {} OFFSET {}", q.limit.max(1), q.offset);
            let hits = c.query(&sql, &refs)?.iter().map(|r| crate::Hit { id: r.get(0), score: r.get(1) }).collect();
            Ok(crate::Results { total: total as usize, hits })
        })
    }

    fn snippets(&self, text_query: &str) -> Result<Box<dyn crate::Snippets>> {
        Ok(Box::new(crate::analysis::TermSnippets::new(text_query)))
    }
}
