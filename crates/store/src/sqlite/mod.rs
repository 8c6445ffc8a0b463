//! The SQLite backend: one file, WAL mode so that readers (the server) never wait for the writer.
//!
//! Articles keep their text, input fields and the whole extraction record (JSON); quotes, counts,
//! dates and entity mentions are also tables of their own so that entity pages, series and
//! statistics are indexed queries. Connections for reading are pooled ([`crate::pool::Pool`]).
//! The schema ([`schema`]) is migrated on open; writes are in [`write`].
use crate::analysis::key;
use crate::article::{day_string, NewArticle};
use crate::error::Result;
use crate::events::{EventFilter, EventView};
use crate::link::{lookup_keys, Linker};
use crate::pool::Pool;
use crate::search::IndexDoc;
use crate::store::Store;
use crate::views::{
    ArticleSummary, ArticleView, CountPoint, CountryFigures, EntityHead, EntitySummary, Figure, FigureFilter,
    FigureView, GeoView, HitRow, MonthCount, Page, PlaceCount, QuoteView, Related, Slice, Stats, Variant, Written,
};
use khabar_model::Article;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

mod schema;
mod write;

pub struct SqliteStore {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Pool<Connection>,
    linker: Mutex<Option<Linker>>,
}

fn configure(c: &Connection) -> rusqlite::Result<()> {
    c.busy_timeout(std::time::Duration::from_secs(30))?;
    c.pragma_update(None, "foreign_keys", "OFF")?;
    Ok(())
}

impl SqliteStore {
    pub fn open(path: &Path) -> Result<SqliteStore> {
        let mut c = Connection::open(path)?;
        configure(&c)?;
        c.pragma_update(None, "journal_mode", "WAL")?;
        // NORMAL in WAL mode: a power cut may lose the last transactions, never corrupt; a killed
        // process loses nothing committed.
        c.pragma_update(None, "synchronous", "NORMAL")?;
        crate::schema::migrate(&mut c, schema::MIGRATIONS, &path.display().to_string())?;
        write::backfill_events(&mut c)?;
        Ok(SqliteStore {
            path: path.to_path_buf(),
            writer: Mutex::new(c),
            readers: Pool::new(),
            linker: Mutex::new(None),
        })
    }

    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let open = || {
            let c = Connection::open_with_flags(
                &self.path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
            )?;
            configure(&c)?;
            Ok(c)
        };
        self.readers.with(open, |_| true, |c| f(c))
    }

    fn load_linker(c: &Connection) -> Result<Linker> {
        let mut l = Linker::default();
        let mut st = c.prepare("SELECT key, entity FROM entity_keys")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (k, e) = row?;
            l.add_key(k, e);
        }
        Ok(l)
    }
}

fn summary_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary { id: r.get(0)?, title: r.get(1)?, source: r.get(2)?, url: r.get(3)?, published: r.get(4)? })
}

const SUMMARY_COLS: &str = "id, title, source, url, published";

fn entity_summary(r: &rusqlite::Row<'_>) -> rusqlite::Result<EntitySummary> {
    let lat: Option<f64> = r.get(4)?;
    let lon: Option<f64> = r.get(5)?;
    let country: Option<String> = r.get(6)?;
    let geo = match (lat, lon) {
        (Some(lat), Some(lon)) => Some(GeoView { lat, lon, country: country.unwrap_or_default(), level: r.get(8)? }),
        _ => None,
    };
    Ok(EntitySummary {
        id: r.get(0)?,
        kind: r.get(1)?,
        name: r.get(2)?,
        latin: r.get(3)?,
        geo,
        articles: r.get::<_, i64>(7)? as u64,
    })
}

const ENTITY_COLS: &str = "e.id, e.type, e.name, e.latin, e.lat, e.lon, e.country, e.articles, e.level";

fn load_view(c: &Connection, rowid: i64, summary: ArticleSummary, text: String, record: &str) -> Result<ArticleView> {
    let record: Article = serde_json::from_str(record)?;
    let mut st = c.prepare_cached("SELECT local, entity FROM mentions WHERE article = ?1")?;
    let links = st
        .query_map([rowid], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ArticleView { summary, text, record, links })
}

/// A count as SQL takes it (at most `i64::MAX`).
fn sql_count(n: usize) -> i64 {
    n.min(i64::MAX as usize) as i64
}

/// What a list of events reads of each (see [`crate::events::read_view`]).
type EventRead = (String, Option<String>, Option<String>, Option<String>, i64, String);

/// The events an [`EventFilter`] takes (parameters ?1 to ?9: type, mode, status, actor country,
/// actor role, place country, entity, from, to), of articles that are not a later copy of
/// another. An actor matches when the source or the target has the country and the role asked.
const EVENTS: &str = "FROM events v JOIN articles a ON a.rowid = v.article \
     WHERE (?1 IS NULL OR v.type = ?1) AND (?2 IS NULL OR v.mode = ?2) AND (?3 IS NULL OR v.status = ?3) \
     AND (((?4 IS NULL OR v.source_country = ?4) AND (?5 IS NULL OR v.source_role = ?5)) \
       OR ((?4 IS NULL OR v.target_country = ?4) AND (?5 IS NULL OR v.target_role = ?5))) \
     AND (?6 IS NULL OR v.country = ?6) \
     AND (?7 IS NULL OR ?7 IN (v.source_entity, v.target_entity, v.place_entity, v.attributed_entity)) \
     AND (?8 IS NULL OR v.day >= ?8) AND (?9 IS NULL OR v.day <= ?9) \
     AND v.article NOT IN (SELECT article FROM copies)";

/// The figures a [`FigureFilter`] takes (parameters ?1 to ?5, see [`figure_params`]): of articles
/// that are not a later copy of another (same content hash, smaller id kept: the `copies` table).
const FIGURES: &str = "FROM counts n \
     WHERE (?1 IS NULL OR n.category = ?1) AND (?2 IS NULL OR n.country = ?2) AND (?3 IS NULL OR n.scope = ?3) \
     AND (?4 IS NULL OR n.day >= ?4) AND (?5 IS NULL OR n.day <= ?5) \
     AND n.article NOT IN (SELECT article FROM copies)";

type FigureParams<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<i64>, Option<i64>);

fn figure_params(f: &FigureFilter) -> FigureParams<'_> {
    (f.category.as_deref(), f.country.as_deref(), f.scope.as_deref(), f.from, f.to)
}

fn page<T>(items: Vec<T>, total: i64, s: &Slice) -> Page<T> {
    Page { items, total: total as u64, offset: s.offset, limit: s.limit }
}

/// What an entity search looks for: the query's folded key among the spellings (`None` when
/// it folds to nothing), and the query in ASCII lower case in the Latin names (`None` when there
/// is no query).
pub(crate) fn entity_query(q: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) else { return (None, None) };
    (Some(key(q)).filter(|k| !k.is_empty()), Some(q.to_ascii_lowercase()))
}

impl Store for SqliteStore {
    fn hashes(&self) -> Result<FxHashMap<String, String>> {
        self.read(|c| {
            let mut st = c.prepare("SELECT id, hash FROM articles")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    fn hashes_of(&self, ids: &[String]) -> Result<FxHashMap<String, String>> {
        self.read(|c| {
            let mut st = c.prepare_cached("SELECT hash FROM articles WHERE id = ?1")?;
            let mut out = FxHashMap::default();
            for id in ids {
                if let Some(h) = st.query_row([id], |r| r.get::<_, String>(0)).optional()? {
                    out.insert(id.clone(), h);
                }
            }
            Ok(out)
        })
    }

    fn write(&self, batch: &[NewArticle]) -> Result<Written> {
        let mut conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let mut linker_slot = self.linker.lock().unwrap_or_else(|e| e.into_inner());
        if linker_slot.is_none() {
            *linker_slot = Some(Self::load_linker(&conn)?);
        }
        // A failed transaction may have taught the in-memory linker keys the database never got:
        // it is rebuilt from the database after any error.
        let result = write::write_batch(&mut conn, linker_slot.as_mut().unwrap_or_else(|| unreachable!()), batch);
        if result.is_err() {
            *linker_slot = None;
        }
        result
    }

    fn unindexed(&self, limit: usize) -> Result<Vec<IndexDoc>> {
        self.read(|c| {
            let mut st = c.prepare_cached("SELECT rowid, id, coalesce(title, ''), text, coalesce(source, ''), day FROM articles WHERE indexed = 0 LIMIT ?1")?;
            let mut ents = c.prepare_cached("SELECT DISTINCT entity FROM mentions WHERE article = ?1")?;
            let rows: Vec<(i64, IndexDoc)> = st
                .query_map([limit as i64], |r| Ok((r.get(0)?, IndexDoc { id: r.get(1)?, title: r.get(2)?, text: r.get(3)?, source: r.get(4)?, day: r.get(5)?, entities: vec![] })))?
                .collect::<rusqlite::Result<_>>()?;
            let mut out = Vec::with_capacity(rows.len());
            for (rowid, mut d) in rows {
                d.entities = ents.query_map([rowid], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
                out.push(d);
            }
            Ok(out)
        })
    }

    fn mark_indexed(&self, ids: &[String]) -> Result<()> {
        let mut conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let tx = conn.transaction()?;
        {
            let mut st = tx.prepare_cached("UPDATE articles SET indexed = 1 WHERE id = ?1")?;
            for id in ids {
                st.execute([id])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn stats(&self) -> Result<Stats> {
        self.read(|c| {
            let n = |sql: &str| -> Result<u64> { Ok(c.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
            Ok(Stats {
                articles: n("SELECT COUNT(*) FROM articles")?,
                duplicates: n("SELECT COUNT(*) FROM copies")?,
                entities: n("SELECT COUNT(*) FROM entities WHERE articles > 0")?,
                quotes: n("SELECT COUNT(*) FROM quotes")?,
                counts: n("SELECT COUNT(*) FROM counts")?,
                dates: n("SELECT COUNT(*) FROM dates")?,
                events: n("SELECT COUNT(*) FROM events")?,
            })
        })
    }

    fn article(&self, id: &str) -> Result<Option<ArticleView>> {
        self.read(|c| {
            let row = c
                .query_row(
                    &format!("SELECT rowid, text, record, {SUMMARY_COLS} FROM articles WHERE id = ?1"),
                    [id],
                    |r| {
                        let s = ArticleSummary {
                            id: r.get(3)?,
                            title: r.get(4)?,
                            source: r.get(5)?,
                            url: r.get(6)?,
                            published: r.get(7)?,
                        };
                        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, s))
                    },
                )
                .optional()?;
            match row {
                None => Ok(None),
                Some((rowid, text, record, s)) => Ok(Some(load_view(c, rowid, s, text, &record)?)),
            }
        })
    }

    fn summaries(&self, ids: &[String]) -> Result<Vec<ArticleSummary>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!("SELECT {SUMMARY_COLS} FROM articles WHERE id = ?1"))?;
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                if let Some(s) = st.query_row([id], summary_from).optional()? {
                    out.push(s);
                }
            }
            Ok(out)
        })
    }

    fn hits(&self, ids: &[String]) -> Result<Vec<HitRow>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT {SUMMARY_COLS}, text, (SELECT COUNT(*) FROM quotes WHERE article = a.rowid), (SELECT COUNT(*) FROM counts WHERE article = a.rowid) FROM articles a WHERE id = ?1"
            ))?;
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                let row = st
                    .query_row([id], |r| Ok(HitRow { summary: summary_from(r)?, text: r.get(5)?, quotes: r.get::<_, i64>(6)? as u64, counts: r.get::<_, i64>(7)? as u64 }))
                    .optional()?;
                out.extend(row);
            }
            Ok(out)
        })
    }

    fn entity_head(&self, id: &str) -> Result<Option<EntityHead>> {
        self.read(|c| {
            let Some(summary) = c
                .query_row(&format!("SELECT {ENTITY_COLS} FROM entities e WHERE e.id = ?1"), [id], entity_summary)
                .optional()?
            else {
                return Ok(None);
            };
            let geonameid: Option<i64> =
                c.query_row("SELECT geonameid FROM entities WHERE id = ?1", [id], |r| r.get(0))?;
            let mut st = c.prepare(
                "SELECT variant, key, reason, first_article FROM entity_keys WHERE entity = ?1 ORDER BY rowid",
            )?;
            let variants = st
                .query_map([id], |r| {
                    Ok(Variant { text: r.get(0)?, key: r.get(1)?, reason: r.get(2)?, first_article: r.get(3)? })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(Some(EntityHead { summary, geonameid: geonameid.map(|g| g as u64), variants }))
        })
    }

    fn entity_articles(&self, id: &str, s: &Slice) -> Result<Page<ArticleSummary>> {
        const WHERE: &str = "WHERE rowid IN (SELECT article FROM mentions WHERE entity = ?1) AND (?2 IS NULL OR day >= ?2) AND (?3 IS NULL OR day <= ?3) AND (?4 IS NULL OR instr(title, ?4) > 0)";
        self.read(|c| {
            let total = c
                .prepare_cached(&format!("SELECT COUNT(*) FROM articles {WHERE}"))?
                .query_row(params![id, s.from, s.to, s.needle()], |r| r.get::<_, i64>(0))?;
            let mut st = c.prepare_cached(&format!(
                "SELECT {SUMMARY_COLS} FROM articles {WHERE} ORDER BY day DESC, id LIMIT ?5 OFFSET ?6"
            ))?;
            let items = st
                .query_map(
                    params![id, s.from, s.to, s.needle(), sql_count(s.limit), sql_count(s.offset)],
                    summary_from,
                )?
                .collect::<rusqlite::Result<_>>()?;
            Ok(page(items, total, s))
        })
    }

    fn entity_quotes(&self, id: &str, s: &Slice) -> Result<Page<QuoteView>> {
        const FROM: &str = "FROM quotes q JOIN articles a ON a.rowid = q.article WHERE q.speaker_entity = ?1 AND (?2 IS NULL OR a.day >= ?2) AND (?3 IS NULL OR a.day <= ?3) AND (?4 IS NULL OR instr(q.text, ?4) > 0)";
        self.read(|c| {
            let total = c.prepare_cached(&format!("SELECT COUNT(*) {FROM}"))?.query_row(params![id, s.from, s.to, s.needle()], |r| r.get::<_, i64>(0))?;
            let mut st = c.prepare_cached(&format!("SELECT a.id, a.published, q.kind, q.cue, q.speaker, q.text {FROM} ORDER BY a.day DESC, a.id, q.start, q.end LIMIT ?5 OFFSET ?6"))?;
            let items = st
                .query_map(params![id, s.from, s.to, s.needle(), sql_count(s.limit), sql_count(s.offset)], |r| Ok(QuoteView { article: r.get(0)?, published: r.get(1)?, kind: r.get(2)?, cue: r.get(3)?, speaker: r.get(4)?, text: r.get(5)? }))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(page(items, total, s))
        })
    }

    fn entity_figures(&self, id: &str, s: &Slice) -> Result<Page<FigureView>> {
        const FROM: &str = "FROM counts n JOIN articles a ON a.rowid = n.article WHERE n.source_entity = ?1 AND (?2 IS NULL OR a.day >= ?2) AND (?3 IS NULL OR a.day <= ?3) AND (?4 IS NULL OR instr(n.text, ?4) > 0)";
        self.read(|c| {
            let total = c.prepare_cached(&format!("SELECT COUNT(*) {FROM}"))?.query_row(params![id, s.from, s.to, s.needle()], |r| r.get::<_, i64>(0))?;
            let mut st = c.prepare_cached(&format!("SELECT a.id, a.published, n.category, n.value, n.qualifier, n.text {FROM} ORDER BY a.day DESC, a.id, n.start, n.end, n.category LIMIT ?5 OFFSET ?6"))?;
            let items = st
                .query_map(params![id, s.from, s.to, s.needle(), sql_count(s.limit), sql_count(s.offset)], |r| Ok(FigureView { article: r.get(0)?, published: r.get(1)?, category: r.get(2)?, value: r.get(3)?, qualifier: r.get(4)?, text: r.get(5)? }))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(page(items, total, s))
        })
    }

    fn entity_related(&self, id: &str, s: &Slice) -> Result<Page<Related>> {
        // the articles of the slice's days, the other entities they mention counted by entity
        // (names joined after counting), and the total beside each row in the same pass
        const FROM: &str = "WITH arts AS (SELECT DISTINCT m.article FROM mentions m JOIN articles a ON a.rowid = m.article WHERE m.entity = ?1 AND (?2 IS NULL OR a.day >= ?2) AND (?3 IS NULL OR a.day <= ?3)), \
             shared AS (SELECT m.entity, COUNT(DISTINCT m.article) AS n FROM mentions m JOIN arts ON arts.article = m.article WHERE m.entity <> ?1 GROUP BY m.entity) \
             SELECT {COLS} FROM shared s JOIN entities e ON e.id = s.entity WHERE (?4 IS NULL OR instr(e.name, ?4) > 0 OR instr(lower(e.latin), ?5) > 0)";
        self.read(|c| {
            let (needle, latin) = (s.needle(), s.needle().map(str::to_ascii_lowercase));
            let mut st = c.prepare_cached(&format!(
                "{} ORDER BY s.n DESC, e.name, e.id LIMIT ?6 OFFSET ?7",
                FROM.replace("{COLS}", "e.id, e.type, e.name, s.n, COUNT(*) OVER ()")
            ))?;
            let mut total = 0;
            let items = st
                .query_map(params![id, s.from, s.to, needle, latin, sql_count(s.limit), sql_count(s.offset)], |r| {
                    total = r.get::<_, i64>(4)?;
                    Ok(Related {
                        id: r.get(0)?,
                        kind: r.get(1)?,
                        name: r.get(2)?,
                        shared_articles: r.get::<_, i64>(3)? as u64,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            if items.is_empty() {
                // past the end (or nothing): the total on its own
                total = c
                    .prepare_cached(&FROM.replace("{COLS}", "COUNT(*)"))?
                    .query_row(params![id, s.from, s.to, needle, latin], |r| r.get(0))?;
            }
            Ok(page(items, total, s))
        })
    }

    fn entity_quote_months(&self, id: &str) -> Result<Vec<MonthCount>> {
        self.read(|c| {
            let mut st = c.prepare_cached("SELECT a.day / 100, COUNT(*) FROM quotes q JOIN articles a ON a.rowid = q.article WHERE q.speaker_entity = ?1 AND a.day IS NOT NULL GROUP BY a.day / 100 ORDER BY a.day / 100")?;
            let rows = st.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
            rows.map(|r| r.map(|(m, n)| MonthCount { month: format!("{:04}-{:02}", m / 100, m % 100), quotes: n as u64 }).map_err(Into::into)).collect()
        })
    }

    fn places(&self, from: Option<i64>, to: Option<i64>, limit: usize, offset: usize) -> Result<Page<PlaceCount>> {
        // the mentions of located places in the range's articles, counted by place; the total
        // beside each row in the same pass. Without a range, from the located places (a third
        // of the mentions); with one, from the range's articles by day (CROSS JOIN keeps that
        // order), which a week or a month makes a few milliseconds instead of a whole scan.
        const PLACED: &str = "FROM mentions m \
             JOIN entities e ON e.id = m.entity AND e.type = 'LOC' AND e.lat IS NOT NULL AND e.lon IS NOT NULL \
             JOIN articles a ON a.rowid = m.article";
        const IN_RANGE: &str = "FROM articles a CROSS JOIN mentions m ON m.article = a.rowid \
             JOIN entities e ON e.id = m.entity AND e.type = 'LOC' AND e.lat IS NOT NULL AND e.lon IS NOT NULL";
        let from_sql = if from.is_none() && to.is_none() { PLACED } else { IN_RANGE };
        let with = format!(
            "WITH placed AS (SELECT m.entity, COUNT(DISTINCT m.article) AS n {from_sql} \
             WHERE (?1 IS NULL OR a.day >= ?1) AND (?2 IS NULL OR a.day <= ?2) GROUP BY m.entity) \
             SELECT {{COLS}} FROM placed p JOIN entities e ON e.id = p.entity"
        );
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "{} ORDER BY p.n DESC, e.name, e.id LIMIT ?3 OFFSET ?4",
                with.replace(
                    "{COLS}",
                    "e.id, e.name, e.latin, e.level, e.country, e.lat, e.lon, p.n, COUNT(*) OVER ()"
                )
            ))?;
            let mut total = 0;
            let items = st
                .query_map(params![from, to, sql_count(limit), sql_count(offset)], |r| {
                    total = r.get::<_, i64>(8)?;
                    Ok(PlaceCount {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        latin: r.get(2)?,
                        level: r.get(3)?,
                        country: r.get(4)?,
                        lat: r.get(5)?,
                        lon: r.get(6)?,
                        articles: r.get::<_, i64>(7)? as u64,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            if items.is_empty() {
                // past the end (or nothing): the total on its own
                total = c
                    .prepare_cached(&with.replace("{COLS}", "COUNT(*)"))?
                    .query_row(params![from, to], |r| r.get(0))?;
            }
            Ok(Page { items, total: total as u64, offset, limit })
        })
    }

    fn entities(
        &self,
        q: Option<&str>,
        kind: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Page<EntitySummary>> {
        // a folded spelling holds the query, or the Latin name does (ASCII letter case aside)
        // one statement per shape, so that SQLite plans each on its index: the type's (covering)
        // index counts a type's entities without reading them, which `?1 IS NULL OR` prevents
        self.read(|c| {
            let (k, latin) = entity_query(q);
            let of_type = if kind.is_some() { "e.type = ?1" } else { "?1 IS NULL" };
            let matching = if latin.is_some() {
                "(e.id IN (SELECT entity FROM entity_keys WHERE instr(key, ?2) > 0) OR instr(lower(e.latin), ?3) > 0)"
            } else {
                "?2 IS NULL AND ?3 IS NULL"
            };
            let where_ = format!("WHERE {of_type} AND e.articles > 0 AND {matching}");
            let where_ = where_.as_str();
            let total = c.prepare_cached(&format!("SELECT COUNT(*) FROM entities e {where_}"))?.query_row(params![kind, k, latin], |r| r.get::<_, i64>(0))?;
            let mut st = c.prepare_cached(&format!("SELECT {ENTITY_COLS} FROM entities e {where_} ORDER BY e.articles DESC, e.name, e.id LIMIT ?4 OFFSET ?5"))?;
            let items = st.query_map(params![kind, k, latin, sql_count(limit), sql_count(offset)], entity_summary)?.collect::<rusqlite::Result<_>>()?;
            Ok(Page { items, total: total as u64, offset, limit })
        })
    }

    fn resolve_entity(&self, id_or_name: &str) -> Result<Vec<String>> {
        self.read(|c| {
            if c.query_row("SELECT 1 FROM entities WHERE id = ?1", [id_or_name], |_| Ok(())).optional()?.is_some() {
                return Ok(vec![id_or_name.to_string()]);
            }
            let k = key(id_or_name);
            if k.is_empty() {
                return Ok(vec![]);
            }
            // the name's spellings and canonical forms, the most mentioned entity first
            let mut st = c.prepare_cached(
                "SELECT e.id FROM entities e WHERE e.id IN (SELECT entity FROM entity_keys WHERE key IN (?1, ?2, ?3, ?4, ?5, ?6)) ORDER BY e.articles DESC, e.id",
            )?;
            let rows: Vec<String> =
                st.query_map(rusqlite::params_from_iter(lookup_keys(id_or_name)), |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            if !rows.is_empty() {
                return Ok(rows);
            }
            // no spelling is exactly that: entities with a spelling that holds it as whole words
            // (a surname, part of an organization's name), the most mentioned twenty
            let k = k.replace(['%', '_'], "");
            let mut st = c.prepare_cached(
                "SELECT e.id FROM entities e WHERE e.articles > 0 AND e.id IN (SELECT entity FROM entity_keys WHERE key LIKE ?1 OR key LIKE ?2 OR key LIKE ?3) ORDER BY e.articles DESC LIMIT 20",
            )?;
            let rows = st.query_map(params![format!("%|{k} %"), format!("% {k}"), format!("% {k} %")], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    fn count_series(&self, f: &FigureFilter) -> Result<Vec<CountPoint>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT n.day, n.category, SUM(n.value), COUNT(*), COUNT(DISTINCT n.article) {FIGURES} AND n.day IS NOT NULL \
                 GROUP BY n.day, n.category ORDER BY n.day, n.category"
            ))?;
            let rows = st.query_map(figure_params(f), |r| {
                Ok(CountPoint {
                    day: day_string(r.get(0)?),
                    category: r.get(1)?,
                    sum: r.get(2)?,
                    records: r.get::<_, i64>(3)? as u64,
                    articles: r.get::<_, i64>(4)? as u64,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    fn figures(&self, f: &FigureFilter, limit: usize, offset: usize) -> Result<Page<Figure>> {
        self.read(|c| {
            let total = c
                .prepare_cached(&format!("SELECT COUNT(*) {FIGURES}"))?
                .query_row(figure_params(f), |r| r.get::<_, i64>(0))?;
            let mut st = c.prepare_cached(&format!(
                "SELECT a.id, a.title, a.published, n.category, n.value, n.qualifier, n.scope, n.country, n.source, n.source_entity, n.start, n.end, n.text \
                 {} ORDER BY n.day DESC, a.id, n.start, n.category LIMIT ?6 OFFSET ?7",
                FIGURES.replace("FROM counts n", "FROM counts n JOIN articles a ON a.rowid = n.article")
            ))?;
            let (cat, country, scope, from, to) = figure_params(f);
            let items = st
                .query_map(params![cat, country, scope, from, to, sql_count(limit), sql_count(offset)], |r| {
                    Ok(Figure {
                        article: r.get(0)?,
                        title: r.get(1)?,
                        published: r.get(2)?,
                        category: r.get(3)?,
                        value: r.get(4)?,
                        qualifier: r.get(5)?,
                        scope: r.get(6)?,
                        country: r.get(7)?,
                        source: r.get(8)?,
                        source_entity: r.get(9)?,
                        start: r.get::<_, i64>(10)? as u64,
                        end: r.get::<_, i64>(11)? as u64,
                        text: r.get(12)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(Page { items, total: total as u64, offset, limit })
        })
    }

    fn figure_countries(&self, f: &FigureFilter) -> Result<Vec<CountryFigures>> {
        let all = FigureFilter { country: None, ..f.clone() };
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT n.country, COUNT(*) {FIGURES} AND n.country IS NOT NULL GROUP BY n.country ORDER BY 2 DESC, 1"
            ))?;
            let rows = st.query_map(figure_params(&all), |r| {
                Ok(CountryFigures { country: r.get(0)?, records: r.get::<_, i64>(1)? as u64 })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    fn events(&self, f: &EventFilter, limit: usize, offset: usize) -> Result<Page<EventView>> {
        self.read(|c| {
            let actor = f.actor.as_ref();
            let p = params![
                f.kind,
                f.mode,
                f.status,
                actor.and_then(|a| a.country.as_deref()),
                actor.and_then(|a| a.role.as_deref()),
                f.country,
                f.entity,
                f.from,
                f.to
            ];
            let total = c.prepare_cached(&format!("SELECT COUNT(*) {EVENTS}"))?.query_row(p, |r| r.get::<_, i64>(0))?;
            let mut st = c.prepare_cached(&format!(
                "SELECT a.id, a.title, a.url, a.published, v.n, v.body {EVENTS} ORDER BY v.day DESC, a.id, v.n LIMIT ?10 OFFSET ?11"
            ))?;
            let mut all = p.to_vec();
            let (limit_, offset_) = (sql_count(limit), sql_count(offset));
            all.extend([&limit_ as &dyn rusqlite::ToSql, &offset_]);
            let rows: Vec<EventRead> = st
                .query_map(all.as_slice(), |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get::<_, i64>(4)?, r.get(5)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let items = rows.into_iter().map(crate::events::read_view).collect::<Result<_>>()?;
            Ok(Page { items, total: total as u64, offset, limit })
        })
    }

    fn articles_between(
        &self,
        from: Option<i64>,
        to: Option<i64>,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ArticleView>> {
        self.read(|c| {
            let mut st = c.prepare(&format!(
                "SELECT rowid, text, record, {SUMMARY_COLS} FROM articles WHERE (?1 IS NULL OR day >= ?1) AND (?2 IS NULL OR day <= ?2) ORDER BY day, id LIMIT ?3 OFFSET ?4"
            ))?;
            let rows: Vec<_> = st
                .query_map(params![from, to, sql_count(limit), sql_count(offset)], |r| {
                    let s = ArticleSummary { id: r.get(3)?, title: r.get(4)?, source: r.get(5)?, url: r.get(6)?, published: r.get(7)? };
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, s))
                })?
                .collect::<rusqlite::Result<_>>()?;
            rows.into_iter().map(|(rowid, text, record, s)| load_view(c, rowid, s, text, &record)).collect()
        })
    }
}
