//! The rows of a batch, gathered while its articles are linked and written one by one, then
//! inserted a table at a time (one `unnest` statement per table instead of a statement per row),
//! and the search side of the articles being indexed.
use crate::analysis::{DocTerms, FIELDS};
use crate::article::day_number;
use crate::error::Result;
use crate::events::EventRow;
use crate::link::{Link, Linker};
use khabar_model::{Article, Entity};
use postgres::Transaction;
use rustc_hash::{FxHashMap, FxHashSet};

/// Rows of a batch, gathered while its articles are linked and written one by one, then inserted
/// a table at a time (one `unnest` statement per table instead of a statement per row).
#[derive(Default)]
pub(super) struct BatchRows {
    /// Entities in the order the batch first met them: created here or only filled in.
    entities: Vec<EntityRow>,
    entity_at: FxHashMap<String, usize>,
    /// Keys in first-seen order, with the sum of their name votes.
    keys: Vec<KeyRow>,
    key_at: FxHashMap<String, usize>,
    /// +1 for each article now mentioning an entity, −1 for each replaced article that did.
    pub(super) articles_delta: FxHashMap<String, i64>,
    mentions: Vec<MentionRow>,
    quotes: Vec<QuoteRow>,
    counts: Vec<CountRow>,
    dates: Vec<DateRow>,
    events: Vec<(i64, EventRow)>,
    pub(super) search: SearchRows,
    /// The articles linked: their groups of copies (same content hash) are brought up to date.
    rids: Vec<i64>,
    /// An article's old records were taken out (it was replaced): it may have left a group.
    pub(super) unlinked: bool,
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
    scope: String,
    country: Option<String>,
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
    level: Option<String>,
}

/// The search side of articles being indexed: their postings (term frequencies per field, for
/// BM25) and the change to the corpus totals.
#[derive(Default)]
pub(super) struct SearchRows {
    terms: Vec<String>,
    articles: Vec<i64>,
    tf: [Vec<i32>; FIELDS],
    /// Documents, then tokens per field.
    totals: [i64; FIELDS + 1],
}

impl SearchRows {
    pub(super) fn add(&mut self, rid: i64, t: &DocTerms, sign: i64) {
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
    pub(super) fn flush_postings(&mut self, tx: &mut Transaction) -> Result<()> {
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
    pub(super) fn flush(&mut self, tx: &mut Transaction) -> Result<()> {
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
pub(super) const SEARCH_SET: &str = "exact = array_to_tsvector($2::text[]), stem = array_to_tsvector($3::text[]), len_t = $4, len_b = $5, len_st = $6, len_sb = $7, indexed = TRUE";

pub(super) fn lens(t: &DocTerms) -> [i32; FIELDS] {
    t.lens.map(|l| l.min(i32::MAX as u32) as i32)
}

impl BatchRows {
    /// Links an article's entities and gathers its rows: entities, keys, mentions, quotes,
    /// counts, dates.
    pub(super) fn link(&mut self, linker: &mut Linker, rid: i64, id: &str, published: Option<&str>, record: &Article) {
        let day = day_number(published);
        self.rids.push(rid);
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
                scope: n.scope.to_string(),
                country: n.country.clone(),
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
        let events = crate::events::rows(record, published, |l| local_to_global.get(l).cloned());
        self.events.extend(events.into_iter().map(|e| (rid, e)));
    }

    fn entity(&mut self, link: &Link, e: &Entity) {
        let at = *self.entity_at.entry(link.entity.clone()).or_insert_with(|| {
            self.entities.push(EntityRow {
                id: link.entity.clone(),
                created: link.created,
                kind: e.kind.to_string(),
                name: e.name.clone(),
                key: crate::link::name_key(&e.name),
                latin: None,
                lat: None,
                lon: None,
                country: None,
                geonameid: None,
                level: None,
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
            r.level = r.level.take().or_else(|| Some(g.level.to_string()));
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

    pub(super) fn flush(&mut self, tx: &mut Transaction) -> Result<()> {
        let (new, old): (Vec<&EntityRow>, Vec<&EntityRow>) = self.entities.iter().partition(|e| e.created);
        if !new.is_empty() {
            tx.execute(
                "INSERT INTO entities (id, type, name, key, latin, lat, lon, country, geonameid, level) \
                 SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::text[], $9::bigint[], $10::text[]) ON CONFLICT (id) DO NOTHING",
                p![col!(new, id), col!(new, kind), col!(new, name), col!(new, key), col!(new, latin), col!(new, lat), col!(new, lon), col!(new, country), col!(new, geonameid), col!(new, level)],
            )?;
        }
        let fill: Vec<&&EntityRow> =
            old.iter().filter(|e| e.latin.is_some() || e.lat.is_some() || e.geonameid.is_some()).collect();
        if !fill.is_empty() {
            tx.execute(
                "UPDATE entities e SET latin = coalesce(e.latin, d.latin), lat = coalesce(e.lat, d.lat), lon = coalesce(e.lon, d.lon), country = coalesce(e.country, d.country), geonameid = coalesce(e.geonameid, d.geonameid), level = coalesce(e.level, d.level) \
                 FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::bigint[], $7::text[]) AS d(id, latin, lat, lon, country, geonameid, level) WHERE e.id = d.id",
                p![col!(fill, id), col!(fill, latin), col!(fill, lat), col!(fill, lon), col!(fill, country), col!(fill, geonameid), col!(fill, level)],
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
                "INSERT INTO counts (article, day, category, value, qualifier, source_entity, source, start_pos, end_pos, text, scope, country) \
                 SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::text[], $11::text[], $12::text[])",
                p![col!(c, article), col!(c, day), col!(c, category), col!(c, value), col!(c, qualifier), col!(c, source_entity), col!(c, source), col!(c, start), col!(c, end), col!(c, text), col!(c, scope), col!(c, country)],
            )?;
        }
        let d = &self.dates;
        if !d.is_empty() {
            tx.execute(
                "INSERT INTO dates (article, value, resolution, start_pos, end_pos) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::bigint[])",
                p![col!(d, article), col!(d, value), col!(d, resolution), col!(d, start), col!(d, end)],
            )?;
        }
        insert_events(tx, &self.events)?;
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
        if !self.rids.is_empty() {
            // who is a copy now in the groups (same content hash) the batch's articles joined
            tx.execute(
                "INSERT INTO copies SELECT a.rid FROM articles a WHERE a.hash IN (SELECT hash FROM articles WHERE rid = ANY($1)) \
                 AND EXISTS (SELECT 1 FROM articles b WHERE b.hash = a.hash AND b.id COLLATE \"C\" < a.id COLLATE \"C\") ON CONFLICT DO NOTHING",
                p![self.rids],
            )?;
        }
        if self.unlinked {
            // a replaced article left its old group: copies that no longer follow a smaller id
            tx.execute(
                "DELETE FROM copies c WHERE NOT EXISTS (SELECT 1 FROM articles a JOIN articles b ON b.hash = a.hash \
                 AND b.id COLLATE \"C\" < a.id COLLATE \"C\" WHERE a.rid = c.article)",
                &[],
            )?;
        }
        self.search.flush(tx)
    }
}

/// Inserts event rows (each with its article's `rid`) in one statement.
pub(super) fn insert_events(tx: &mut Transaction, rows: &[(i64, EventRow)]) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let e: Vec<&EventRow> = rows.iter().map(|r| &r.1).collect();
    let article: Vec<i64> = rows.iter().map(|r| r.0).collect();
    tx.execute(
        "INSERT INTO events (article, n, type, mode, status, day, country, place_entity, source_entity, target_entity, attributed_entity, source_country, source_role, target_country, target_role, body) \
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])",
        p![
            article,
            col!(e, index),
            col!(e, kind),
            col!(e, mode),
            col!(e, status),
            col!(e, day),
            col!(e, country),
            col!(e, place_entity),
            col!(e, source_entity),
            col!(e, target_entity),
            col!(e, attributed_entity),
            col!(e, source_country),
            col!(e, source_role),
            col!(e, target_country),
            col!(e, target_role),
            col!(e, body)
        ],
    )?;
    Ok(())
}
