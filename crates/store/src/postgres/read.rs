//! The reads of the [`Store`] trait over PostgreSQL; its writes are in `write` and `queued`.
use super::store::PgStore;
use super::{queued, write};
use crate::analysis::key;
use crate::article::{day_string, NewArticle};
use crate::error::Result;
use crate::events::{EventFilter, EventView};
use crate::link::lookup_keys;
use crate::search::IndexDoc;
use crate::sqlite::entity_query;
use crate::store::{Queued, Store};
use crate::views::{
    ArticleSummary, ArticleView, CountPoint, CountryFigures, EntityHead, EntitySummary, Figure, FigureFilter,
    FigureView, GeoView, HitRow, MonthCount, Page, PlaceCount, QuoteView, Related, Slice, Stats, Variant, Written,
};
use khabar_model::Article;
use postgres::{Client, Row};
use rustc_hash::FxHashMap;

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

const ENTITY_COLS: &str = "e.id, e.type, e.name, e.latin, e.lat, e.lon, e.country, e.articles, e.level";

fn entity_summary(r: &Row) -> EntitySummary {
    let (lat, lon): (Option<f64>, Option<f64>) = (r.get(4), r.get(5));
    let country: Option<String> = r.get(6);
    let geo = match (lat, lon) {
        (Some(lat), Some(lon)) => Some(GeoView { lat, lon, country: country.unwrap_or_default(), level: r.get(8) }),
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

/// A count as SQL takes it (at most `i64::MAX`).
fn sql_count(n: usize) -> i64 {
    n.min(i64::MAX as usize) as i64
}

/// The figures a [`FigureFilter`] takes ($1 category, $2 country, $3 scope, $4 and $5 days): of
/// articles that are not a later copy of another (same content hash, smaller id kept, ids
/// compared byte-wise as SQLite compares them).
const FIGURES: &str = "FROM counts n \
     WHERE ($1::text IS NULL OR n.category = $1) AND ($2::text IS NULL OR n.country = $2) AND ($3::text IS NULL OR n.scope = $3) \
     AND ($4::bigint IS NULL OR n.day >= $4) AND ($5::bigint IS NULL OR n.day <= $5) \
     AND NOT EXISTS (SELECT 1 FROM copies c WHERE c.article = n.article)";

/// The events an [`EventFilter`] takes ($1 to $9: type, mode, status, actor country, actor role,
/// place country, entity, from, to), as the SQLite backend has it.
const EVENTS: &str = "FROM events v JOIN articles a ON a.rid = v.article \
     WHERE ($1::text IS NULL OR v.type = $1) AND ($2::text IS NULL OR v.mode = $2) AND ($3::text IS NULL OR v.status = $3) \
     AND ((($4::text IS NULL OR v.source_country = $4) AND ($5::text IS NULL OR v.source_role = $5)) \
       OR (($4::text IS NULL OR v.target_country = $4) AND ($5::text IS NULL OR v.target_role = $5))) \
     AND ($6::text IS NULL OR v.country = $6) \
     AND ($7::text IS NULL OR $7 IN (v.source_entity, v.target_entity, v.place_entity, v.attributed_entity)) \
     AND ($8::bigint IS NULL OR v.day >= $8) AND ($9::bigint IS NULL OR v.day <= $9) \
     AND NOT EXISTS (SELECT 1 FROM copies c WHERE c.article = v.article)";

fn page<T>(items: Vec<T>, total: i64, s: &Slice) -> Page<T> {
    Page { items, total: total as u64, offset: s.offset, limit: s.limit }
}

impl Store for PgStore {
    fn hashes(&self) -> Result<FxHashMap<String, String>> {
        self.read(|c| Ok(c.query("SELECT id, hash FROM articles", &[])?.iter().map(|r| (r.get(0), r.get(1))).collect()))
    }

    fn write(&self, batch: &[NewArticle]) -> Result<Written> {
        write::write(self, batch)
    }

    fn write_queued(&self, stream: &str, first: i64, items: &[Queued]) -> Result<Written> {
        queued::write(self, stream, first, items)
    }

    fn link_queued(&self, stream: &str) -> Result<usize> {
        queued::link(self, stream)
    }

    fn hashes_of(&self, ids: &[String]) -> Result<FxHashMap<String, String>> {
        self.read(|c| {
            Ok(c.query("SELECT id, hash FROM articles WHERE id = ANY($1)", p![ids])?
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect())
        })
    }

    fn queued_unlinked(&self, stream: &str) -> Result<u64> {
        self.read(|c| {
            Ok(c.query_one("SELECT COUNT(*) FROM queue_log WHERE stream = $1", p![stream])?.get::<_, i64>(0) as u64)
        })
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
                "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM entities WHERE articles > 0), (SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM counts), (SELECT COUNT(*) FROM dates), \
                 (SELECT COUNT(*) FROM copies), (SELECT COUNT(*) FROM events)",
                &[],
            )?;
            let n = |i| r.get::<_, i64>(i) as u64;
            Ok(Stats { articles: n(0), duplicates: n(5), entities: n(1), quotes: n(2), counts: n(3), dates: n(4), events: n(6) })
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

    fn entity_head(&self, id: &str) -> Result<Option<EntityHead>> {
        self.read(|c| {
            let Some(r) =
                c.query_opt(&format!("SELECT {ENTITY_COLS}, e.geonameid FROM entities e WHERE e.id = $1"), p![id])?
            else {
                return Ok(None);
            };
            let summary = entity_summary(&r);
            let geonameid: Option<i64> = r.get(9);
            let variants = c
                .query(
                    "SELECT variant, key, reason, first_article FROM entity_keys WHERE entity = $1 ORDER BY seq",
                    p![id],
                )?
                .iter()
                .map(|r| Variant { text: r.get(0), key: r.get(1), reason: r.get(2), first_article: r.get(3) })
                .collect();
            Ok(Some(EntityHead { summary, geonameid: geonameid.map(|g| g as u64), variants }))
        })
    }

    // The lists sort as SQLite does: undated last (NULLS LAST), text by code point (COLLATE "C").

    fn entity_articles(&self, id: &str, s: &Slice) -> Result<Page<ArticleSummary>> {
        const WHERE: &str = "WHERE rid IN (SELECT article FROM mentions WHERE entity = $1) AND ($2::bigint IS NULL OR day >= $2) AND ($3::bigint IS NULL OR day <= $3) AND ($4::text IS NULL OR strpos(title, $4) > 0)";
        self.read(|c| {
            let total: i64 = c.query_one(&format!("SELECT COUNT(*) FROM articles {WHERE}"), p![id, s.from, s.to, s.needle()])?.get(0);
            let items = c
                .query(&format!("SELECT {SUMMARY_COLS} FROM articles {WHERE} ORDER BY day DESC NULLS LAST, id COLLATE \"C\" LIMIT $5 OFFSET $6"), p![id, s.from, s.to, s.needle(), sql_count(s.limit), sql_count(s.offset)])?
                .iter()
                .map(|r| summary_from(r, 0))
                .collect();
            Ok(page(items, total, s))
        })
    }

    fn entity_quotes(&self, id: &str, s: &Slice) -> Result<Page<QuoteView>> {
        const FROM: &str = "FROM quotes q JOIN articles a ON a.rid = q.article WHERE q.speaker_entity = $1 AND ($2::bigint IS NULL OR a.day >= $2) AND ($3::bigint IS NULL OR a.day <= $3) AND ($4::text IS NULL OR strpos(q.text, $4) > 0)";
        self.read(|c| {
            let total: i64 = c.query_one(&format!("SELECT COUNT(*) {FROM}"), p![id, s.from, s.to, s.needle()])?.get(0);
            let items = c
                .query(&format!("SELECT a.id, a.published, q.kind, q.cue, q.speaker, q.text {FROM} ORDER BY a.day DESC NULLS LAST, a.id COLLATE \"C\", q.start_pos, q.end_pos LIMIT $5 OFFSET $6"), p![id, s.from, s.to, s.needle(), sql_count(s.limit), sql_count(s.offset)])?
                .iter()
                .map(|r| QuoteView { article: r.get(0), published: r.get(1), kind: r.get(2), cue: r.get(3), speaker: r.get(4), text: r.get(5) })
                .collect();
            Ok(page(items, total, s))
        })
    }

    fn entity_figures(&self, id: &str, s: &Slice) -> Result<Page<FigureView>> {
        const FROM: &str = "FROM counts n JOIN articles a ON a.rid = n.article WHERE n.source_entity = $1 AND ($2::bigint IS NULL OR a.day >= $2) AND ($3::bigint IS NULL OR a.day <= $3) AND ($4::text IS NULL OR strpos(n.text, $4) > 0)";
        self.read(|c| {
            let total: i64 = c.query_one(&format!("SELECT COUNT(*) {FROM}"), p![id, s.from, s.to, s.needle()])?.get(0);
            let items = c
                .query(&format!("SELECT a.id, a.published, n.category, n.value, n.qualifier, n.text {FROM} ORDER BY a.day DESC NULLS LAST, a.id COLLATE \"C\", n.start_pos, n.end_pos, n.category COLLATE \"C\" LIMIT $5 OFFSET $6"), p![id, s.from, s.to, s.needle(), sql_count(s.limit), sql_count(s.offset)])?
                .iter()
                .map(|r| FigureView { article: r.get(0), published: r.get(1), category: r.get(2), value: r.get(3), qualifier: r.get(4), text: r.get(5) })
                .collect();
            Ok(page(items, total, s))
        })
    }

    fn entity_related(&self, id: &str, s: &Slice) -> Result<Page<Related>> {
        const FROM: &str = "WITH arts AS (SELECT DISTINCT m.article FROM mentions m JOIN articles a ON a.rid = m.article WHERE m.entity = $1 AND ($2::bigint IS NULL OR a.day >= $2) AND ($3::bigint IS NULL OR a.day <= $3)), \
             shared AS (SELECT m.entity, COUNT(DISTINCT m.article) AS n FROM mentions m JOIN arts ON arts.article = m.article WHERE m.entity <> $1 GROUP BY m.entity) \
             SELECT {COLS} FROM shared s JOIN entities e ON e.id = s.entity \
             WHERE ($4::text IS NULL OR strpos(e.name, $4) > 0 OR strpos(translate(e.latin, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), $5) > 0)";
        self.read(|c| {
            let (needle, latin) = (s.needle(), s.needle().map(str::to_ascii_lowercase));
            let rows = c.query(
                &format!(
                    "{} ORDER BY s.n DESC, e.name COLLATE \"C\", e.id COLLATE \"C\" LIMIT $6 OFFSET $7",
                    FROM.replace("{COLS}", "e.id, e.type, e.name, s.n, COUNT(*) OVER ()")
                ),
                p![id, s.from, s.to, needle, latin, sql_count(s.limit), sql_count(s.offset)],
            )?;
            let items: Vec<Related> = rows
                .iter()
                .map(|r| Related {
                    id: r.get(0),
                    kind: r.get(1),
                    name: r.get(2),
                    shared_articles: r.get::<_, i64>(3) as u64,
                })
                .collect();
            let total: i64 = match rows.first() {
                Some(r) => r.get(4),
                None => c.query_one(&FROM.replace("{COLS}", "COUNT(*)"), p![id, s.from, s.to, needle, latin])?.get(0),
            };
            Ok(page(items, total, s))
        })
    }

    fn entity_quote_months(&self, id: &str) -> Result<Vec<MonthCount>> {
        self.read(|c| {
            let rows = c.query("SELECT a.day / 100 AS m, COUNT(*) FROM quotes q JOIN articles a ON a.rid = q.article WHERE q.speaker_entity = $1 AND a.day IS NOT NULL GROUP BY m ORDER BY m", p![id])?;
            Ok(rows.iter().map(|r| (r.get::<_, i64>(0), r.get::<_, i64>(1))).map(|(m, n)| MonthCount { month: format!("{:04}-{:02}", m / 100, m % 100), quotes: n as u64 }).collect())
        })
    }

    fn places(&self, from: Option<i64>, to: Option<i64>, limit: usize, offset: usize) -> Result<Page<PlaceCount>> {
        const FROM: &str = "WITH placed AS (SELECT m.entity, COUNT(DISTINCT m.article) AS n FROM mentions m \
             JOIN entities e ON e.id = m.entity AND e.type = 'LOC' AND e.lat IS NOT NULL AND e.lon IS NOT NULL \
             JOIN articles a ON a.rid = m.article WHERE ($1::bigint IS NULL OR a.day >= $1) AND ($2::bigint IS NULL OR a.day <= $2) GROUP BY m.entity) \
             SELECT {COLS} FROM placed p JOIN entities e ON e.id = p.entity";
        self.read(|c| {
            let rows = c.query(
                &format!(
                    "{} ORDER BY p.n DESC, e.name COLLATE \"C\", e.id COLLATE \"C\" LIMIT $3 OFFSET $4",
                    FROM.replace(
                        "{COLS}",
                        "e.id, e.name, e.latin, e.level, e.country, e.lat, e.lon, p.n, COUNT(*) OVER ()"
                    )
                ),
                p![from, to, sql_count(limit), sql_count(offset)],
            )?;
            let items: Vec<PlaceCount> = rows
                .iter()
                .map(|r| PlaceCount {
                    id: r.get(0),
                    name: r.get(1),
                    latin: r.get(2),
                    level: r.get(3),
                    country: r.get(4),
                    lat: r.get(5),
                    lon: r.get(6),
                    articles: r.get::<_, i64>(7) as u64,
                })
                .collect();
            let total: i64 = match rows.first() {
                Some(r) => r.get(8),
                None => c.query_one(&FROM.replace("{COLS}", "COUNT(*)"), p![from, to])?.get(0),
            };
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
        const WHERE: &str = "WHERE ($1::text IS NULL OR e.type = $1) AND e.articles > 0 AND ($3::text IS NULL OR e.id IN (SELECT entity FROM entity_keys WHERE strpos(key, $2::text) > 0) \
             OR strpos(translate(e.latin, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), $3) > 0)";
        self.read(|c| {
            let (k, latin) = entity_query(q);
            let total: i64 = c.query_one(&format!("SELECT COUNT(*) FROM entities e {WHERE}"), p![kind, k, latin])?.get(0);
            let items = c
                .query(&format!("SELECT {ENTITY_COLS} FROM entities e {WHERE} ORDER BY e.articles DESC, e.name COLLATE \"C\", e.id COLLATE \"C\" LIMIT $4 OFFSET $5"), p![kind, k, latin, sql_count(limit), sql_count(offset)])?
                .iter()
                .map(entity_summary)
                .collect();
            Ok(Page { items, total: total as u64, offset, limit })
        })
    }

    fn resolve_entity(&self, id_or_name: &str) -> Result<Vec<String>> {
        self.read(|c| {
            if c.query_opt("SELECT 1 FROM entities WHERE id = $1", p![id_or_name])?.is_some() {
                return Ok(vec![id_or_name.to_string()]);
            }
            let k = key(id_or_name);
            if k.is_empty() {
                return Ok(vec![]);
            }
            // the name's spellings and canonical forms, the most mentioned entity first
            let keys: Vec<String> = lookup_keys(id_or_name).into_iter().collect();
            let rows: Vec<String> = c
                .query(
                    "SELECT e.id FROM entities e WHERE e.id IN (SELECT entity FROM entity_keys WHERE key = ANY($1)) ORDER BY e.articles DESC, e.id",
                    p![keys],
                )?
                .iter()
                .map(|r| r.get(0))
                .collect();
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

    fn count_series(&self, f: &FigureFilter) -> Result<Vec<CountPoint>> {
        let (cat, country, scope) = (&f.category, &f.country, &f.scope);
        self.read(|c| {
            let rows = c.query(
                &format!(
                    "SELECT n.day, n.category, SUM(n.value), COUNT(*), COUNT(DISTINCT n.article) {FIGURES} AND n.day IS NOT NULL \
                     GROUP BY n.day, n.category ORDER BY n.day, n.category"
                ),
                p![cat, country, scope, f.from, f.to],
            )?;
            Ok(rows
                .iter()
                .map(|r| CountPoint {
                    day: day_string(r.get(0)),
                    category: r.get(1),
                    sum: r.get(2),
                    records: r.get::<_, i64>(3) as u64,
                    articles: r.get::<_, i64>(4) as u64,
                })
                .collect())
        })
    }

    fn figures(&self, f: &FigureFilter, limit: usize, offset: usize) -> Result<Page<Figure>> {
        let (cat, country, scope) = (&f.category, &f.country, &f.scope);
        self.read(|c| {
            let total: i64 =
                c.query_one(&format!("SELECT COUNT(*) {FIGURES}"), p![cat, country, scope, f.from, f.to])?.get(0);
            let rows = c.query(
                &format!(
                    "SELECT a.id, a.title, a.published, n.category, n.value, n.qualifier, n.scope, n.country, n.source, n.source_entity, n.start_pos, n.end_pos, n.text \
                     {} ORDER BY n.day DESC NULLS LAST, a.id COLLATE \"C\", n.start_pos, n.category LIMIT $6 OFFSET $7",
                    FIGURES.replace("FROM counts n", "FROM counts n JOIN articles a ON a.rid = n.article")
                ),
                p![cat, country, scope, f.from, f.to, sql_count(limit), sql_count(offset)],
            )?;
            let items = rows
                .iter()
                .map(|r| Figure {
                    article: r.get(0),
                    title: r.get(1),
                    published: r.get(2),
                    category: r.get(3),
                    value: r.get(4),
                    qualifier: r.get(5),
                    scope: r.get(6),
                    country: r.get(7),
                    source: r.get(8),
                    source_entity: r.get(9),
                    start: r.get::<_, i64>(10) as u64,
                    end: r.get::<_, i64>(11) as u64,
                    text: r.get(12),
                })
                .collect();
            Ok(Page { items, total: total as u64, offset, limit })
        })
    }

    fn figure_countries(&self, f: &FigureFilter) -> Result<Vec<CountryFigures>> {
        let (cat, scope) = (&f.category, &f.scope);
        self.read(|c| {
            let rows = c.query(
                &format!(
                    "SELECT n.country, COUNT(*) {FIGURES} AND n.country IS NOT NULL GROUP BY n.country ORDER BY 2 DESC, n.country COLLATE \"C\""
                ),
                p![cat, None::<String>, scope, f.from, f.to],
            )?;
            Ok(rows.iter().map(|r| CountryFigures { country: r.get(0), records: r.get::<_, i64>(1) as u64 }).collect())
        })
    }

    fn events(&self, f: &EventFilter, limit: usize, offset: usize) -> Result<Page<EventView>> {
        let actor = f.actor.as_ref();
        let (ac, ar) = (actor.and_then(|a| a.country.as_deref()), actor.and_then(|a| a.role.as_deref()));
        self.read(|c| {
            let params = p![f.kind, f.mode, f.status, ac, ar, f.country, f.entity, f.from, f.to];
            let total: i64 = c.query_one(&format!("SELECT COUNT(*) {EVENTS}"), params)?.get(0);
            let (l, o) = (sql_count(limit), sql_count(offset));
            let mut all = params.to_vec();
            all.extend(p![l, o]);
            let rows = c.query(
                &format!(
                    "SELECT a.id, a.title, a.url, a.published, v.n, v.body {EVENTS} ORDER BY v.day DESC NULLS LAST, a.id COLLATE \"C\", v.n LIMIT $10 OFFSET $11"
                ),
                &all,
            )?;
            let items = rows
                .iter()
                .map(|r| crate::events::read_view((r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5))))
                .collect::<Result<_>>()?;
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
            let rows = c.query(
                &format!("SELECT rid, text, record, {SUMMARY_COLS} FROM articles WHERE ($1::bigint IS NULL OR day >= $1) AND ($2::bigint IS NULL OR day <= $2) ORDER BY day NULLS FIRST, id COLLATE \"C\" LIMIT $3 OFFSET $4"),
                p![from, to, sql_count(limit), sql_count(offset)],
            )?;
            rows.iter().map(|r| load_view(c, r.get(0), summary_from(r, 3), r.get(1), &r.get::<_, String>(2))).collect()
        })
    }
}
