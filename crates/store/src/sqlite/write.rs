//! SQLite writes: a batch in one transaction, each article inserted or replaced, its entities
//! linked, its records written.
use crate::article::{day_number, NewArticle};
use crate::error::Result;
use crate::link::Linker;
use crate::views::Written;
use khabar_model::Article;
use rusqlite::{params, CachedStatement, Connection, OptionalExtension, Transaction, TransactionBehavior};
use rustc_hash::{FxHashMap, FxHashSet};

/// Writes a batch in one transaction: each article stored (or replaced, or left when unchanged),
/// its entities linked, its records written; then the entities it touched renamed and recounted.
/// IMMEDIATE: the write lock is taken at the start, where the busy timeout waits for a writer
/// outside khabar's own lock ([`crate::lock`]); a deferred transaction reads first, and in WAL
/// mode one whose snapshot another writer has since changed fails ("database is locked")
/// instead of waiting.
pub(super) fn write_batch(conn: &mut Connection, linker: &mut Linker, batch: &[NewArticle]) -> Result<Written> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut w = Written::default();
    {
        let mut st = Statements::prepare(&tx)?;
        let mut touched: FxHashSet<String> = Default::default();
        for a in batch {
            let Some(rowid) = st.article(a, &mut touched, &mut w)? else { continue };
            let global = st.entities(linker, a, rowid, &mut touched)?;
            st.records(a, rowid, &global)?;
            // its group of copies (the same content hash) gains a member: who is a copy now
            st.copies.execute([rowid])?;
        }
        if w.replaced > 0 {
            // an article that changed left its old group: copies that no longer follow a smaller id
            tx.execute(
                "DELETE FROM copies WHERE NOT EXISTS (SELECT 1 FROM articles a JOIN articles b ON b.hash = a.hash AND b.id < a.id WHERE a.rowid = copies.article)",
                [],
            )?;
        }
        for id in &touched {
            st.rename.execute([id])?;
            st.recount.execute([id])?;
        }
    }
    tx.commit()?;
    Ok(w)
}

/// The statements of a batch, prepared once.
struct Statements<'t> {
    find: CachedStatement<'t>,
    insert: CachedStatement<'t>,
    update: CachedStatement<'t>,
    clear: Vec<CachedStatement<'t>>,
    old_entities: CachedStatement<'t>,
    new_entity: CachedStatement<'t>,
    fill_entity: CachedStatement<'t>,
    new_key: CachedStatement<'t>,
    rename: CachedStatement<'t>,
    recount: CachedStatement<'t>,
    mention: CachedStatement<'t>,
    quote: CachedStatement<'t>,
    count: CachedStatement<'t>,
    date: CachedStatement<'t>,
    event: CachedStatement<'t>,
    copies: CachedStatement<'t>,
}

impl<'t> Statements<'t> {
    fn prepare(tx: &'t Transaction<'_>) -> Result<Statements<'t>> {
        Ok(Statements {
            find: tx.prepare_cached("SELECT rowid, hash FROM articles WHERE id = ?1")?,
            insert: tx.prepare_cached(
                "INSERT INTO articles (id, hash, source, url, title, published, day, text, extra, record, indexed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0)",
            )?,
            update: tx.prepare_cached(
                "UPDATE articles SET hash = ?2, source = ?3, url = ?4, title = ?5, published = ?6, day = ?7, text = ?8, extra = ?9, record = ?10, indexed = 0 WHERE rowid = ?1",
            )?,
            clear: ["mentions", "quotes", "counts", "dates", "events"]
                .iter()
                .map(|t| tx.prepare_cached(&format!("DELETE FROM {t} WHERE article = ?1")))
                .collect::<rusqlite::Result<_>>()?,
            old_entities: tx.prepare_cached("SELECT DISTINCT entity FROM mentions WHERE article = ?1")?,
            new_entity: tx.prepare_cached("INSERT OR IGNORE INTO entities (id, type, name, key, latin, lat, lon, country, geonameid, level) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")?,
            fill_entity: tx.prepare_cached(
                "UPDATE entities SET latin = coalesce(latin, ?2), lat = coalesce(lat, ?3), lon = coalesce(lon, ?4), country = coalesce(country, ?5), geonameid = coalesce(geonameid, ?6), level = coalesce(level, ?7) WHERE id = ?1",
            )?,
            new_key: tx.prepare_cached(
                "INSERT INTO entity_keys (key, entity, variant, reason, first_article, names) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(key) DO UPDATE SET names = names + excluded.names",
            )?,
            // the corpus-wide name is the one articles most often give as the entity's fullest form
            rename: tx.prepare_cached(
                "UPDATE entities SET name = coalesce((SELECT variant FROM entity_keys WHERE entity = ?1 AND names > 0 ORDER BY names DESC, rowid LIMIT 1), name) WHERE id = ?1",
            )?,
            recount: tx.prepare_cached("UPDATE entities SET articles = (SELECT COUNT(DISTINCT article) FROM mentions WHERE entity = ?1) WHERE id = ?1")?,
            mention: tx.prepare_cached("INSERT INTO mentions (article, local, entity, name, n) VALUES (?1, ?2, ?3, ?4, ?5)")?,
            quote: tx.prepare_cached("INSERT INTO quotes (article, speaker_entity, speaker, cue, kind, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?,
            count: tx.prepare_cached("INSERT INTO counts (article, day, category, value, qualifier, source_entity, source, start, end, text, scope, country) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")?,
            copies: tx.prepare_cached(
                "INSERT OR IGNORE INTO copies SELECT a.rowid FROM articles a WHERE a.hash = (SELECT hash FROM articles WHERE rowid = ?1) \
                 AND EXISTS (SELECT 1 FROM articles b WHERE b.hash = a.hash AND b.id < a.id)",
            )?,
            date: tx.prepare_cached("INSERT INTO dates (article, value, resolution, start, end) VALUES (?1, ?2, ?3, ?4, ?5)")?,
            event: tx.prepare_cached(EVENT_INSERT)?,
        })
    }

    /// Stores the article's row: inserted when new, replaced (its old records taken out, the
    /// entities they named touched) when its hash changed; `None` when unchanged.
    fn article(&mut self, a: &NewArticle, touched: &mut FxHashSet<String>, w: &mut Written) -> Result<Option<i64>> {
        let day = day_number(a.published.as_deref());
        let record = serde_json::to_string(&a.record)?;
        let extra = serde_json::to_string(&a.extra)?;
        let existing: Option<(i64, String)> =
            self.find.query_row([&a.id], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
        let rowid = match existing {
            Some((_, h)) if h == a.hash => {
                w.unchanged += 1;
                return Ok(None);
            }
            Some((rowid, _)) => {
                for e in self.old_entities.query_map([rowid], |r| r.get::<_, String>(0))? {
                    touched.insert(e?);
                }
                for st in self.clear.iter_mut() {
                    st.execute([rowid])?;
                }
                self.update.execute(params![
                    rowid,
                    a.hash,
                    a.source,
                    a.url,
                    a.title,
                    a.published,
                    day,
                    a.text,
                    extra,
                    record
                ])?;
                w.replaced += 1;
                rowid
            }
            None => {
                let rowid = self.insert.insert(params![
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
                ])?;
                w.stored += 1;
                rowid
            }
        };
        Ok(Some(rowid))
    }

    /// Links the article's entities, recording new entities, keys and mentions; returns the
    /// global id of each article-local entity.
    fn entities<'a>(
        &mut self,
        linker: &mut Linker,
        a: &'a NewArticle,
        rowid: i64,
        touched: &mut FxHashSet<String>,
    ) -> Result<FxHashMap<&'a str, String>> {
        let mut local_to_global: FxHashMap<&str, String> = FxHashMap::default();
        for e in &a.record.entities {
            let Some(link) = linker.link(e) else { continue };
            let geo = e.geo.as_ref();
            let geonameid = link.geonameid.map(|g| g as i64);
            if link.created {
                self.new_entity.execute(params![
                    link.entity,
                    e.kind.as_str(),
                    e.name,
                    crate::link::name_key(&e.name),
                    e.latin,
                    geo.map(|g| g.lat),
                    geo.map(|g| g.lon),
                    geo.map(|g| &g.country),
                    geonameid,
                    geo.map(|g| g.level.as_str())
                ])?;
            } else {
                self.fill_entity.execute(params![
                    link.entity,
                    e.latin,
                    geo.map(|g| g.lat),
                    geo.map(|g| g.lon),
                    geo.map(|g| &g.country),
                    geonameid,
                    geo.map(|g| g.level.as_str())
                ])?;
            }
            touched.insert(link.entity.clone());
            for (i, nk) in link.keys.iter().enumerate() {
                self.new_key.execute(params![nk.key, link.entity, nk.variant, nk.reason, a.id, (i == 0) as i64])?;
            }
            self.mention.execute(params![rowid, e.id, link.entity, e.name, e.mentions.len() as i64])?;
            local_to_global.insert(e.id.as_str(), link.entity);
        }
        Ok(local_to_global)
    }

    /// Writes the article's quotes, counts and dates, speakers and sources by global entity id.
    fn records(&mut self, a: &NewArticle, rowid: i64, local_to_global: &FxHashMap<&str, String>) -> Result<()> {
        let day = day_number(a.published.as_deref());
        let global = |local: Option<&String>| local.and_then(|l| local_to_global.get(l.as_str())).cloned();
        for q in &a.record.quotes {
            let sp = q.speaker.as_ref();
            self.quote.execute(params![
                rowid,
                global(sp.and_then(|s| s.entity.as_ref())),
                sp.map(|s| &s.text),
                q.cue,
                q.kind.as_str(),
                q.start as i64,
                q.end as i64,
                q.text
            ])?;
        }
        for n in &a.record.counts {
            let sp = n.attributed_to.as_ref();
            self.count.execute(params![
                rowid,
                day,
                n.category.as_str(),
                n.value,
                n.qualifier.as_str(),
                global(sp.and_then(|s| s.entity.as_ref())),
                sp.map(|s| &s.text),
                n.start as i64,
                n.end as i64,
                n.text,
                n.scope.as_str(),
                n.country
            ])?;
        }
        for d in &a.record.dates {
            self.date.execute(params![rowid, d.value, d.resolution.as_str(), d.start as i64, d.end as i64])?;
        }
        insert_events(&mut self.event, rowid, &a.record, a.published.as_deref(), |l| local_to_global.get(l).cloned())
    }
}

const EVENT_INSERT: &str = "INSERT INTO events (article, n, type, mode, status, day, country, place_entity, source_entity, target_entity, attributed_entity, source_country, source_role, target_country, target_role, body) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";

fn insert_events(
    st: &mut CachedStatement<'_>,
    rowid: i64,
    record: &Article,
    published: Option<&str>,
    global: impl Fn(&str) -> Option<String>,
) -> Result<()> {
    insert_rows(st, rowid, crate::events::rows(record, published, global))
}

fn insert_rows(st: &mut CachedStatement<'_>, rowid: i64, rows: Vec<crate::events::EventRow>) -> Result<()> {
    for r in rows {
        st.execute(params![
            rowid,
            r.index,
            r.kind,
            r.mode,
            r.status,
            r.day,
            r.country,
            r.place_entity,
            r.source_entity,
            r.target_entity,
            r.attributed_entity,
            r.source_country,
            r.source_role,
            r.target_country,
            r.target_role,
            r.body
        ])?;
    }
    Ok(())
}

/// Gives the articles stored before events were kept their events, from their records (with the
/// entity links their mentions have), once: when `events_backfill` says it is due. In one
/// transaction that holds the write lock, so that two processes opening the store do it once.
pub(super) fn backfill_events(conn: &mut Connection) -> Result<()> {
    let due = |c: &Connection| -> Result<bool> {
        Ok(c.query_row("SELECT 1 FROM events_backfill LIMIT 1", [], |_| Ok(())).optional()?.is_some())
    };
    if !due(conn)? {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if due(&tx)? {
        let mut articles = tx
            .prepare("SELECT rowid, published, record FROM articles WHERE rowid NOT IN (SELECT article FROM events)")?;
        let mut links = tx.prepare_cached("SELECT local, entity FROM mentions WHERE article = ?1")?;
        let mut insert = tx.prepare_cached(EVENT_INSERT)?;
        let mut rows = articles.query([])?;
        while let Some(r) = rows.next()? {
            let (rowid, published, record): (i64, Option<String>, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let events = crate::events::rows_of_stored(&record, published.as_deref(), || {
                Ok(links.query_map([rowid], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?)
            })?;
            insert_rows(&mut insert, rowid, events)?;
        }
        drop(rows);
        drop((articles, links, insert));
        tx.execute("DELETE FROM events_backfill", [])?;
    }
    tx.commit()?;
    Ok(())
}
