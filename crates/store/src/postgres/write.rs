//! Batch writes: new articles inserted beside other writers, then, under the writers' lock, the
//! rest settled (unchanged or replaced) and every entity linked.
use super::rows::{lens, BatchRows, SEARCH_SET};
use super::store::{PgStore, WRITERS_LOCK};
use crate::analysis::DocTerms;
use crate::article::{day_number, NewArticle};
use crate::error::{Error, Result};
use crate::link::Linker;
use crate::views::Written;
use postgres::{Client, Transaction};
use rustc_hash::{FxHashMap, FxHashSet};

/// Writes a batch: in runs without a repeated id, each in one transaction (see [`write_batch`]).
pub(super) fn write(store: &PgStore, batch: &[NewArticle]) -> Result<Written> {
    // the search terms of every article, computed before the writers' lock is taken
    let terms: Vec<DocTerms> = batch.iter().map(|a| DocTerms::of(a.title.as_deref().unwrap_or(""), &a.text)).collect();
    let mut conn = store.writer()?;
    let mut slot = store.linker.lock().unwrap_or_else(|e| e.into_inner());
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
pub(super) fn insert_new(
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
pub(super) fn lock_and_load(tx: &mut Transaction, slot: &mut Option<(Linker, i64)>) -> Result<(Linker, i64)> {
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
pub(super) fn settle(
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
pub(super) fn unlink(tx: &mut Transaction, rid: i64, rows: &mut BatchRows) -> Result<()> {
    rows.unlinked = true;
    for r in tx.query("SELECT DISTINCT entity FROM mentions WHERE article = $1", p![rid])? {
        *rows.articles_delta.entry(r.get(0)).or_default() -= 1;
    }
    for t in ["mentions", "quotes", "counts", "dates", "events"] {
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
pub(super) fn first_repeat<T>(items: &[T], id: impl Fn(&T) -> Option<&String>) -> Option<usize> {
    let mut seen = FxHashSet::default();
    items.iter().position(|x| id(x).is_some_and(|i| !seen.insert(i)))
}
