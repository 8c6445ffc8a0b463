//! The queue commands: `ingest --queue` publishes, `worker` extracts and stores, `queue status`.
//! The work is `khabar_ingest::queue`'s; here, NATS (`khabar-queue`) is wired to it.
use crate::input::{open_all, Item};
use anyhow::{bail, Context};
use khabar_ingest::files::expand;
use khabar_ingest::queue::{message, work, Jobs, Stream, WorkerEvent, WorkerOptions};
use khabar_queue::{Consumer, Job, Queue};
use khabar_store::{open_store, postgres_url, Store};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
        Item::Article(r) => match message(r) {
            Ok(m) => Some(m),
            Err(e) => {
                failed.get_or_insert(e.into());
                None
            }
        },
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

/// The store a worker writes to: PostgreSQL only (the embedded store has one writer).
fn queue_store(db: &Path) -> anyhow::Result<Box<dyn Store>> {
    let url = postgres_url(db).with_context(|| {
        format!(
            "--db {}: a worker writes to PostgreSQL (postgres://…); the embedded store has one writer, `khabar ingest`",
            db.display()
        )
    })?;
    open_store(db).with_context(|| format!("opening {url}"))
}

/// The NATS queue's shared consumer, as the worker takes messages.
struct Nats {
    queue: Queue,
    consumer: Consumer,
}

impl Jobs for Nats {
    type Job = Job;
    type Error = khabar_queue::Error;

    fn origin(&self) -> &str {
        "nats:KHABAR_ARTICLES"
    }

    fn seq(job: &Job) -> u64 {
        job.seq
    }

    fn payload(job: &Job) -> &[u8] {
        job.payload()
    }

    fn fetch(&self, max: usize) -> khabar_queue::Result<Vec<Job>> {
        self.consumer.fetch(max, Duration::from_millis(500))
    }

    fn ack(&self, jobs: &[&Job]) -> khabar_queue::Result<()> {
        self.consumer.ack(jobs.iter().copied())
    }

    fn reject(&self, job: &Job) -> khabar_queue::Result<()> {
        self.consumer.reject(job)
    }

    fn release(&self, jobs: &[Job]) -> khabar_queue::Result<()> {
        self.consumer.release(jobs)
    }

    fn drained(&self) -> khabar_queue::Result<bool> {
        Ok(self.queue.status()?.messages == 0)
    }
}

/// `khabar worker`: [`khabar_ingest::queue::work`] over the NATS queue into PostgreSQL, with a
/// progress line every 5 s and a summary.
pub fn worker(a: WorkerArgs) -> anyhow::Result<bool> {
    let store = queue_store(a.db)?;
    let queue = Queue::connect(a.queue)?;
    let consumer = queue.consumer()?;
    let (key, first) = queue.stream_key()?;
    let started = Instant::now();
    let mut last_report = Instant::now();
    let on = &mut |event: WorkerEvent<'_>| match event {
        WorkerEvent::Unusable { seq, error } => eprintln!("khabar worker: message {seq}: {error}"),
        WorkerEvent::Stored { messages } => {
            if !a.quiet && last_report.elapsed() > Duration::from_secs(5) {
                last_report = Instant::now();
                eprintln!(
                    "khabar worker: {messages} messages, {:.0}/s",
                    messages as f64 / started.elapsed().as_secs_f64()
                );
            }
        }
    };
    let options = WorkerOptions { batch: a.batch, drain: a.drain };
    let done = work(&*store, &Nats { queue, consumer }, &Stream { key: &key, first }, &options, on)?;
    let (w, secs) = (&done.written, started.elapsed().as_secs_f64());
    eprintln!(
        "khabar worker: {} messages in {secs:.1} s ({:.0}/s): {} stored, {} unchanged, {} replaced, {} rejected; {:.1} s linking entities (waiting for and holding the writers' lock)",
        done.messages,
        done.messages as f64 / secs.max(1e-9),
        w.stored,
        w.unchanged,
        w.replaced,
        done.rejected,
        done.linking.as_secs_f64()
    );
    Ok(true)
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
        let store = queue_store(db)?;
        let (stream, _) = queue.stream_key()?;
        out!("unlinked   {}  (stored, entities waiting for an earlier message)", store.queued_unlinked(&stream)?);
        out!("articles   {}", store.stats()?.articles);
    }
    Ok(true)
}
