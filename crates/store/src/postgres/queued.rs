//! Queued writes (see [`crate::store::Store::write_queued`]): workers store what they took from a
//! queue beside each other, logging every message; linking then follows the stream's order.
use super::rows::BatchRows;
use super::store::{PgStore, WRITERS_LOCK};
use super::write::{first_repeat, insert_new, lock_and_load, settle, unlink};
use crate::analysis::DocTerms;
use crate::article::NewArticle;
use crate::error::Result;
use crate::store::Queued;
use crate::views::Written;
use khabar_model::Article;
use postgres::Row;
use rustc_hash::{FxHashMap, FxHashSet};

/// Stores articles taken from a queue stream (`stream` names the stream and its creation, so
/// that a new stream starts a new count; `first` is the first sequence it holds), without
/// linking their entities: that waits for [`link`], which links in stream
/// order. Every message is logged, article or not, so that the order has no holes. Several
/// workers call this at once; a message delivered twice changes nothing the first stored.
pub(super) fn write(store: &PgStore, stream: &str, first: i64, items: &[Queued]) -> Result<Written> {
    if let Some(split) = first_repeat(items, |q| q.article.as_ref().map(|a| &a.id)) {
        // the same article twice in one fetch: up to the repeat, then from it
        let mut w = write(store, stream, first, &items[..split])?;
        w += write(store, stream, first, &items[split..])?;
        return Ok(w);
    }
    let batch: Vec<NewArticle> = items.iter().filter_map(|q| q.article.clone()).collect();
    let seqs: Vec<i64> = items.iter().filter(|q| q.article.is_some()).map(|q| q.seq).collect();
    let terms: Vec<DocTerms> = batch.iter().map(|a| DocTerms::of(a.title.as_deref().unwrap_or(""), &a.text)).collect();
    let mut conn = store.writer()?;
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
pub(super) fn link(store: &PgStore, stream: &str) -> Result<usize> {
    let mut conn = store.writer()?;
    let mut slot = store.linker.lock().unwrap_or_else(|e| e.into_inner());
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
            let log = tx.query(
                "SELECT seq, article, replaced FROM queue_log WHERE stream = $1 AND seq > $2 ORDER BY seq LIMIT 1024",
                p![stream, done],
            )?;
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
