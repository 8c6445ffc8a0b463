//! The queue commands: `ingest --queue` publishes, `worker` extracts and stores, `queue status`.
use crate::corpus::{expand, to_new};
use crate::input::{open_all, parse_line, Item};
use anyhow::{bail, Context};
use khabar_queue::{Job, Queue};
use khabar_store::postgres::Queued;
use khabar_store::{postgres_url, NewArticle, PgStore, Written};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Where messages come from, in worker error messages.
const ORIGIN: &str = "nats:KHABAR_ARTICLES";

/// `khabar ingest --queue URL PATH…`: validates every input line and publishes the good ones,
/// each as one JSON record with its id filled in (the content hash when the input has none) and
/// `id:hash` as message id. Returns whether every line was usable.
pub fn publish(url: &str, paths: &[PathBuf], published: Option<&str>) -> anyhow::Result<bool> {
    let started = Instant::now();
    let files = expand(paths)?;
    if files.is_empty() {
        bail!("no input files under {}", paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "));
    }
    let queue = Queue::connect(url)?;
    let mut rejected: BTreeMap<String, usize> = BTreeMap::new();
    let mut failed: Option<anyhow::Error> = None;
    let messages = open_all(&files, published).filter_map(|item| match item {
        Item::Article(r) => {
            let (id, hash) = NewArticle::key_of(r.id.as_deref(), &r.text, r.published.as_deref(), &r.extra);
            let mut obj = r.extra;
            obj.insert("id".into(), id.clone().into());
            obj.insert("text".into(), r.text.into());
            if let Some(p) = r.published {
                obj.insert("published".into(), p.into());
            }
            match serde_json::to_vec(&obj) {
                Ok(payload) => Some((format!("{id}:{hash}"), payload)),
                Err(e) => {
                    failed.get_or_insert(e.into());
                    None
                }
            }
        }
        Item::Bad(e) => {
            eprintln!("khabar: {e}");
            *rejected.entry(e.reason()).or_default() += 1;
            None
        }
    });
    let p = queue.publish(messages)?;
    if let Some(e) = failed {
        return Err(e);
    }
    for id in &p.too_large {
        eprintln!(
            "khabar: article {}: larger than the queue server takes (its max_payload)",
            id.split(':').next().unwrap_or(id)
        );
    }
    if !p.too_large.is_empty() {
        rejected.insert("larger than the queue's max_payload".into(), p.too_large.len());
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "khabar: {} articles in {secs:.1} s ({:.0}/s) to {url}: {} queued, {} already queued, {} rejected",
        p.stored + p.duplicates,
        (p.stored + p.duplicates) as f64 / secs.max(1e-9),
        p.stored,
        p.duplicates,
        rejected.values().sum::<usize>()
    );
    for (reason, k) in &rejected {
        eprintln!("khabar:   rejected: {k} × {reason}");
    }
    Ok(rejected.is_empty())
}

pub struct WorkerArgs<'a> {
    pub queue: &'a str,
    pub db: &'a Path,
    pub batch: usize,
    /// Exit once the stream holds no message (every one acknowledged).
    pub drain: bool,
    pub quiet: bool,
}

fn pg_store(db: &Path) -> anyhow::Result<PgStore> {
    let url = postgres_url(db).with_context(|| {
        format!(
            "--db {}: a worker writes to PostgreSQL (postgres://…); the embedded store has one writer, `khabar ingest`",
            db.display()
        )
    })?;
    PgStore::open(url).with_context(|| format!("opening {url}"))
}

/// `khabar worker`: takes messages from the queue's consumer, extracts (on the rayon pool), writes
/// each batch in one transaction, acknowledges after the commit, then links entities in stream
/// order as far as the stored messages allow. A message that is not a usable record is logged and
/// rejected for good; a batch the database refuses is handed back for redelivery and the worker
/// stops with the error.
pub fn worker(a: WorkerArgs) -> anyhow::Result<bool> {
    let store = pg_store(a.db)?;
    let queue = Queue::connect(a.queue)?;
    let consumer = queue.consumer()?;
    let (stream, first) = queue.stream_key()?;
    let first = first.max(1) as i64;
    let started = Instant::now();
    let mut total = Written::default();
    let (mut rejected, mut messages) = (0usize, 0usize);
    let mut last_report = Instant::now();
    let mut linking = Duration::ZERO;
    let mut link = |store: &PgStore| -> anyhow::Result<()> {
        let t = Instant::now();
        store.link_queued(&stream)?;
        linking += t.elapsed();
        Ok(())
    };
    loop {
        let jobs = consumer.fetch(a.batch.max(1), Duration::from_millis(500))?;
        if jobs.is_empty() {
            link(&store)?;
            if a.drain && queue.status()?.messages == 0 {
                break;
            }
            continue;
        }
        messages += jobs.len();
        let (items, bad) = match prepare(&store, &jobs) {
            Ok(x) => x,
            Err(e) => {
                consumer.release(&jobs)?;
                return Err(e);
            }
        };
        let w = match store.write_queued(&stream, first, &items) {
            Ok(w) => w,
            Err(e) => {
                consumer.release(&jobs)?;
                return Err(anyhow::anyhow!("writing messages {}–{}: {e}", jobs[0].seq, jobs[jobs.len() - 1].seq));
            }
        };
        let (good, rest): (Vec<&Job>, Vec<&Job>) = jobs.iter().partition(|j| !bad.contains(&j.seq));
        consumer.ack(good)?;
        for j in rest {
            consumer.reject(j)?;
        }
        rejected += bad.len();
        total += w;
        // and those left out before extracting, stored unchanged already
        total.unchanged += items.iter().filter(|q| q.article.is_none()).count() - bad.len();
        link(&store)?;
        if !a.quiet && last_report.elapsed() > Duration::from_secs(5) {
            last_report = Instant::now();
            eprintln!("khabar worker: {messages} messages, {:.0}/s", messages as f64 / started.elapsed().as_secs_f64());
        }
    }
    link(&store)?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "khabar worker: {messages} messages in {secs:.1} s ({:.0}/s): {} stored, {} unchanged, {} replaced, {} rejected; {:.1} s linking entities (waiting for and holding the writers' lock)",
        messages as f64 / secs.max(1e-9),
        total.stored,
        total.unchanged,
        total.replaced,
        rejected,
        linking.as_secs_f64()
    );
    Ok(true)
}

/// Parses the jobs' records, leaves out those stored unchanged, extracts the rest. Returns one
/// item per job, and the sequence numbers of the unusable ones.
fn prepare(store: &PgStore, jobs: &[Job]) -> anyhow::Result<(Vec<Queued>, Vec<u64>)> {
    let mut bad = Vec::new();
    let mut parsed = Vec::with_capacity(jobs.len());
    for j in jobs {
        let rec = std::str::from_utf8(j.payload())
            .map_err(|e| e.to_string())
            .and_then(|line| parse_line(line, ORIGIN, j.seq as usize).map_err(|e| e.to_string()));
        match rec {
            Ok(r) => {
                let (id, hash) = NewArticle::key_of(r.id.as_deref(), &r.text, r.published.as_deref(), &r.extra);
                parsed.push((j.seq, Some((r, id, hash))));
            }
            Err(e) => {
                eprintln!("khabar worker: message {}: {e}", j.seq);
                bad.push(j.seq);
                parsed.push((j.seq, None));
            }
        }
    }
    let ids: Vec<String> = parsed.iter().filter_map(|(_, r)| r.as_ref().map(|r| r.1.clone())).collect();
    let known = store.hashes_of(&ids)?;
    let items = parsed
        .into_par_iter()
        .map(|(seq, r)| Queued {
            seq: seq as i64,
            article: r.filter(|(_, id, hash)| known.get(id) != Some(hash)).map(|(r, id, hash)| to_new(r, id, hash)),
        })
        .collect();
    Ok((items, bad))
}

/// `khabar queue status`.
pub fn status(url: &str, db: Option<&Path>) -> anyhow::Result<bool> {
    let queue = Queue::connect(url)?;
    let s = queue.status()?;
    out!("stream     {} (sequences {}–{})", khabar_queue::STREAM, s.first_seq, s.last_seq);
    out!("messages   {}  (not yet acknowledged)", s.messages);
    out!("pending    {}  (not yet delivered)", s.pending);
    out!("in flight  {}  (with a worker)", s.in_flight);
    out!("redelivered {} (in flight again after a worker died or was slow)", s.redelivered);
    out!("waiting    {}  (workers' pull requests)", s.waiting);
    if let Some(db) = db {
        let store = pg_store(db)?;
        let (stream, _) = queue.stream_key()?;
        out!("unlinked   {}  (stored, entities waiting for an earlier message)", store.queued_unlinked(&stream)?);
        out!("articles   {}", khabar_store::Store::stats(&store)?.articles);
    }
    Ok(true)
}
