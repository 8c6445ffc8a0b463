//! Ingest through a queue: a record as a message for publishing, and the worker's loop — take
//! messages, leave out the articles stored unchanged, extract the rest, store them with a queued
//! write ([`Store::write_queued`]) beside other workers, acknowledge after the commit, then link
//! entities in stream order ([`Store::link_queued`]) as far as the stored messages allow. A
//! message that is not a usable record is rejected for good; a batch the store refuses is handed
//! back for redelivery and the worker stops with the error.
use crate::error::{Error, Result};
use crate::input::{parse_line, utf8, Record};
use crate::pipeline::extracted;
use khabar_store::{NewArticle, Queued, Store, Written};
use rayon::prelude::*;
use std::time::{Duration, Instant};

/// An input record as a queue message: `id:hash` as the message id (so that the queue drops a
/// message it already holds), and the record as one JSON object with its id filled in (the
/// content hash when the input has none).
pub fn message(r: Record) -> serde_json::Result<(String, Vec<u8>)> {
    let (id, hash) = NewArticle::key_of(r.id.as_deref(), &r.text, r.published.as_deref(), &r.extra);
    let mut obj = r.extra;
    obj.insert("id".into(), id.clone().into());
    obj.insert("text".into(), r.text.into());
    if let Some(p) = r.published {
        obj.insert("published".into(), p.into());
    }
    Ok((format!("{id}:{hash}"), serde_json::to_vec(&obj)?))
}

/// What the worker needs of a queue. Messages are taken in batches, each held by this worker
/// until it acknowledges it (done), rejects it (never to be delivered again) or releases it (to
/// be delivered again, to any worker).
pub trait Jobs {
    type Job;
    type Error: std::error::Error + Send + Sync + 'static;
    /// Where messages come from, as errors about them name it.
    fn origin(&self) -> &str;
    /// A message's sequence number in the stream.
    fn seq(job: &Self::Job) -> u64;
    fn payload(job: &Self::Job) -> &[u8];
    /// Up to `max` messages; none when none came within the queue's wait.
    fn fetch(&self, max: usize) -> Result<Vec<Self::Job>, Self::Error>;
    fn ack(&self, jobs: &[&Self::Job]) -> Result<(), Self::Error>;
    fn reject(&self, job: &Self::Job) -> Result<(), Self::Error>;
    fn release(&self, jobs: &[Self::Job]) -> Result<(), Self::Error>;
    /// Whether every message in the queue has been acknowledged.
    fn drained(&self) -> Result<bool, Self::Error>;
}

fn queue_error(e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Queue(Box::new(e))
}

/// The stream a worker takes from: its key (its name and creation, so that a new stream starts
/// a new count) and the first sequence number it holds.
pub struct Stream<'a> {
    pub key: &'a str,
    pub first: u64,
}

pub struct WorkerOptions {
    /// Messages taken at a time (one transaction each).
    pub batch: usize,
    /// Return once the queue is drained, instead of waiting for more.
    pub drain: bool,
}

/// What the worker tells as it goes.
pub enum WorkerEvent<'a> {
    /// A message that is no usable record (rejected).
    Unusable { seq: u64, error: &'a str },
    /// A batch stored and acknowledged; `messages` taken so far.
    Stored { messages: usize },
}

/// What a worker did.
#[derive(Debug, Default)]
pub struct Worked {
    pub messages: usize,
    pub written: Written,
    pub rejected: usize,
    /// Time spent linking entities (waiting for and holding the writers' lock).
    pub linking: Duration,
}

/// The worker's loop (see the module documentation), until the queue is drained when
/// `options.drain` is set, else until an error.
pub fn work<J: Jobs>(
    store: &dyn Store,
    jobs: &J,
    stream: &Stream<'_>,
    options: &WorkerOptions,
    on: &mut dyn FnMut(WorkerEvent<'_>),
) -> Result<Worked> {
    let mut done = Worked::default();
    loop {
        let batch = jobs.fetch(options.batch.max(1)).map_err(queue_error)?;
        if batch.is_empty() {
            link(store, stream, &mut done)?;
            if options.drain && jobs.drained().map_err(queue_error)? {
                break;
            }
            continue;
        }
        done.messages += batch.len();
        store_batch(store, jobs, stream, &batch, &mut done, on)?;
        link(store, stream, &mut done)?;
        on(WorkerEvent::Stored { messages: done.messages });
    }
    link(store, stream, &mut done)?;
    Ok(done)
}

fn link(store: &dyn Store, stream: &Stream<'_>, done: &mut Worked) -> Result<()> {
    let t = Instant::now();
    store.link_queued(stream.key)?;
    done.linking += t.elapsed();
    Ok(())
}

/// One batch: prepared, stored in one queued write, then acknowledged (the unusable messages
/// rejected); handed back to the queue when preparing or storing fails.
fn store_batch<J: Jobs>(
    store: &dyn Store,
    jobs: &J,
    stream: &Stream<'_>,
    batch: &[J::Job],
    done: &mut Worked,
    on: &mut dyn FnMut(WorkerEvent<'_>),
) -> Result<()> {
    let written = prepare(store, jobs, batch, on).and_then(|(items, bad)| {
        let first = stream.first.max(1) as i64;
        match store.write_queued(stream.key, first, &items) {
            Ok(w) => Ok((items, bad, w)),
            Err(error) => {
                let (first, last) = (J::seq(&batch[0]), J::seq(&batch[batch.len() - 1]));
                Err(Error::Write { first, last, error })
            }
        }
    });
    let (items, bad, w) = match written {
        Ok(x) => x,
        Err(e) => {
            jobs.release(batch).map_err(queue_error)?;
            return Err(e);
        }
    };
    let (good, rest): (Vec<&J::Job>, Vec<&J::Job>) = batch.iter().partition(|j| !bad.contains(&J::seq(j)));
    jobs.ack(&good).map_err(queue_error)?;
    for j in rest {
        jobs.reject(j).map_err(queue_error)?;
    }
    done.rejected += bad.len();
    done.written += w;
    // and those left out before extracting, stored unchanged already
    done.written.unchanged += items.iter().filter(|q| q.article.is_none()).count() - bad.len();
    Ok(())
}

/// Parses the jobs' records, leaves out those stored unchanged, extracts the rest. Returns one
/// item per job, and the sequence numbers of the unusable ones.
fn prepare<J: Jobs>(
    store: &dyn Store,
    jobs: &J,
    batch: &[J::Job],
    on: &mut dyn FnMut(WorkerEvent<'_>),
) -> Result<(Vec<Queued>, Vec<u64>)> {
    let mut bad = Vec::new();
    let mut parsed = Vec::with_capacity(batch.len());
    for j in batch {
        let seq = J::seq(j);
        let (origin, n) = (jobs.origin(), seq as usize);
        let rec =
            utf8(J::payload(j), origin, n).and_then(|line| parse_line(line, origin, n)).map_err(|e| e.to_string());
        match rec {
            Ok(r) => {
                let (id, hash) = NewArticle::key_of(r.id.as_deref(), &r.text, r.published.as_deref(), &r.extra);
                parsed.push((seq, Some((r, id, hash))));
            }
            Err(e) => {
                on(WorkerEvent::Unusable { seq, error: &e });
                bad.push(seq);
                parsed.push((seq, None));
            }
        }
    }
    let ids: Vec<String> = parsed.iter().filter_map(|(_, r)| r.as_ref().map(|r| r.1.clone())).collect();
    let known = store.hashes_of(&ids)?;
    let items = parsed
        .into_par_iter()
        .map(|(seq, r)| Queued {
            seq: seq as i64,
            article: r.filter(|(_, id, hash)| known.get(id) != Some(hash)).map(|(r, id, hash)| extracted(r, id, hash)),
        })
        .collect();
    Ok((items, bad))
}

#[cfg(test)]
mod tests {
    use super::*;
    use khabar_store::{
        ArticleSummary, ArticleView, CountPoint, CountryFigures, EntityHead, EntitySummary, Figure, FigureFilter,
        FigureView, HitRow, IndexDoc, MonthCount, Page, QuoteView, Related, Slice, Stats,
    };
    use rustc_hash::FxHashMap;
    use std::cell::RefCell;
    use std::sync::Mutex;

    /// A queue in memory: the messages not yet taken, and what became of those taken.
    #[derive(Default)]
    struct Memory {
        waiting: RefCell<Vec<(u64, Vec<u8>)>>,
        acked: RefCell<Vec<u64>>,
        rejected: RefCell<Vec<u64>>,
        released: RefCell<Vec<u64>>,
    }

    impl Jobs for Memory {
        type Job = (u64, Vec<u8>);
        type Error = std::io::Error;
        fn origin(&self) -> &str {
            "memory"
        }
        fn seq(job: &Self::Job) -> u64 {
            job.0
        }
        fn payload(job: &Self::Job) -> &[u8] {
            &job.1
        }
        fn fetch(&self, max: usize) -> std::io::Result<Vec<Self::Job>> {
            let mut w = self.waiting.borrow_mut();
            let n = max.min(w.len());
            Ok(w.drain(..n).collect())
        }
        fn ack(&self, jobs: &[&Self::Job]) -> std::io::Result<()> {
            self.acked.borrow_mut().extend(jobs.iter().map(|j| j.0));
            Ok(())
        }
        fn reject(&self, job: &Self::Job) -> std::io::Result<()> {
            self.rejected.borrow_mut().push(job.0);
            Ok(())
        }
        fn release(&self, jobs: &[Self::Job]) -> std::io::Result<()> {
            self.released.borrow_mut().extend(jobs.iter().map(|j| j.0));
            Ok(())
        }
        fn drained(&self) -> std::io::Result<bool> {
            Ok(self.waiting.borrow().is_empty())
        }
    }

    /// A store that only takes queued writes: it logs them (or refuses them all).
    #[derive(Default)]
    struct Log {
        stored: Mutex<FxHashMap<String, String>>,
        logged: Mutex<Vec<i64>>,
        links: Mutex<usize>,
        refuse: bool,
    }

    impl Store for Log {
        fn hashes_of(&self, ids: &[String]) -> khabar_store::Result<FxHashMap<String, String>> {
            let stored = self.stored.lock().unwrap();
            Ok(ids.iter().filter_map(|i| stored.get(i).map(|h| (i.clone(), h.clone()))).collect())
        }
        fn write_queued(&self, _: &str, first: i64, items: &[Queued]) -> khabar_store::Result<Written> {
            assert_eq!(first, 1);
            if self.refuse {
                return Err(khabar_store::Error::Invalid("refused".into()));
            }
            let mut w = Written::default();
            for q in items {
                self.logged.lock().unwrap().push(q.seq);
                if let Some(a) = &q.article {
                    self.stored.lock().unwrap().insert(a.id.clone(), a.hash.clone());
                    w.stored += 1;
                }
            }
            Ok(w)
        }
        fn link_queued(&self, stream: &str) -> khabar_store::Result<usize> {
            assert_eq!(stream, "s");
            *self.links.lock().unwrap() += 1;
            Ok(0)
        }
        fn hashes(&self) -> khabar_store::Result<FxHashMap<String, String>> {
            unimplemented!()
        }
        fn write(&self, _: &[NewArticle]) -> khabar_store::Result<Written> {
            unimplemented!()
        }
        fn unindexed(&self, _: usize) -> khabar_store::Result<Vec<IndexDoc>> {
            unimplemented!()
        }
        fn mark_indexed(&self, _: &[String]) -> khabar_store::Result<()> {
            unimplemented!()
        }
        fn stats(&self) -> khabar_store::Result<Stats> {
            unimplemented!()
        }
        fn article(&self, _: &str) -> khabar_store::Result<Option<ArticleView>> {
            unimplemented!()
        }
        fn summaries(&self, _: &[String]) -> khabar_store::Result<Vec<ArticleSummary>> {
            unimplemented!()
        }
        fn hits(&self, _: &[String]) -> khabar_store::Result<Vec<HitRow>> {
            unimplemented!()
        }
        fn entity_head(&self, _: &str) -> khabar_store::Result<Option<EntityHead>> {
            unimplemented!()
        }
        fn entity_articles(&self, _: &str, _: &Slice) -> khabar_store::Result<Page<ArticleSummary>> {
            unimplemented!()
        }
        fn entity_quotes(&self, _: &str, _: &Slice) -> khabar_store::Result<Page<QuoteView>> {
            unimplemented!()
        }
        fn entity_figures(&self, _: &str, _: &Slice) -> khabar_store::Result<Page<FigureView>> {
            unimplemented!()
        }
        fn entity_related(&self, _: &str, _: &Slice) -> khabar_store::Result<Page<Related>> {
            unimplemented!()
        }
        fn entity_quote_months(&self, _: &str) -> khabar_store::Result<Vec<MonthCount>> {
            unimplemented!()
        }
        fn places(
            &self,
            _: Option<i64>,
            _: Option<i64>,
            _: usize,
            _: usize,
        ) -> khabar_store::Result<Page<khabar_store::PlaceCount>> {
            unimplemented!()
        }
        fn entities(
            &self,
            _: Option<&str>,
            _: Option<&str>,
            _: usize,
            _: usize,
        ) -> khabar_store::Result<Page<EntitySummary>> {
            unimplemented!()
        }
        fn resolve_entity(&self, _: &str) -> khabar_store::Result<Vec<String>> {
            unimplemented!()
        }
        fn count_series(&self, _: &FigureFilter) -> khabar_store::Result<Vec<CountPoint>> {
            unimplemented!()
        }
        fn figures(&self, _: &FigureFilter, _: usize, _: usize) -> khabar_store::Result<Page<Figure>> {
            unimplemented!()
        }
        fn figure_countries(&self, _: &FigureFilter) -> khabar_store::Result<Vec<CountryFigures>> {
            unimplemented!()
        }
        fn articles_between(
            &self,
            _: Option<i64>,
            _: Option<i64>,
            _: usize,
            _: usize,
        ) -> khabar_store::Result<Vec<ArticleView>> {
            unimplemented!()
        }
        fn events(
            &self,
            _: &khabar_store::EventFilter,
            _: usize,
            _: usize,
        ) -> khabar_store::Result<Page<khabar_store::EventView>> {
            unimplemented!()
        }
    }

    fn queue(lines: &[&str]) -> Memory {
        let m = Memory::default();
        *m.waiting.borrow_mut() =
            lines.iter().enumerate().map(|(i, l)| (i as u64 + 1, l.as_bytes().to_vec())).collect();
        m
    }

    const LINES: &[&str] = &[
        r#"{"id": "a", "text": "قال الرئيس إن 12 شخصا قتلوا."}"#,
        "not JSON",
        r#"{"id": "b", "text": "نص آخر"}"#,
        r#"{"id": "a", "text": "قال الرئيس إن 12 شخصا قتلوا."}"#,
        r#"{"id": "c", "text": "ثالث"}"#,
    ];

    #[test]
    fn stores_acknowledges_rejects_and_links_until_drained() {
        let (jobs, store) = (queue(LINES), Log::default());
        let mut unusable = Vec::new();
        let stream = Stream { key: "s", first: 0 };
        let done = work(&store, &jobs, &stream, &WorkerOptions { batch: 3, drain: true }, &mut |e| {
            if let WorkerEvent::Unusable { seq, error } = e {
                unusable.push((seq, error.to_string()));
            }
        })
        .unwrap();
        assert_eq!(unusable.len(), 1);
        assert_eq!(unusable[0].0, 2);
        assert!(unusable[0].1.starts_with("memory:2: not JSON"), "{}", unusable[0].1);
        assert_eq!(*jobs.acked.borrow(), [1, 3, 4, 5]);
        assert_eq!(*jobs.rejected.borrow(), [2]);
        assert!(jobs.released.borrow().is_empty());
        // every message logged, in order; the repeat of `a` (stored by the first batch) left out
        assert_eq!(*store.logged.lock().unwrap(), [1, 2, 3, 4, 5]);
        assert_eq!((done.messages, done.rejected), (5, 1));
        assert_eq!(done.written, Written { stored: 3, replaced: 0, unchanged: 1 });
        assert!(*store.links.lock().unwrap() >= 3, "linked after each batch and at the end");
    }

    #[test]
    fn a_message_that_is_not_utf8_is_named_and_rejected_and_the_rest_stored() {
        let jobs = queue(&[LINES[0], LINES[2]]);
        // between them, a message whose third byte is a lone continuation byte
        jobs.waiting.borrow_mut().insert(1, (2, b"{\"\x80id\": \"x\", \"text\": \"t\"}".to_vec()));
        jobs.waiting.borrow_mut()[2].0 = 3;
        let (store, mut unusable) = (Log::default(), Vec::new());
        let options = WorkerOptions { batch: 3, drain: true };
        let done = work(&store, &jobs, &Stream { key: "s", first: 0 }, &options, &mut |e| {
            if let WorkerEvent::Unusable { seq, error } = e {
                unusable.push((seq, error.to_string()));
            }
        })
        .unwrap();
        assert_eq!(unusable, [(2, "memory:2: not UTF-8: byte 0x80 at offset 2 of the line".to_string())]);
        assert_eq!(*jobs.acked.borrow(), [1, 3]);
        assert_eq!(*jobs.rejected.borrow(), [2]);
        assert_eq!((done.rejected, done.written.stored), (1, 2));
    }

    #[test]
    fn a_refused_batch_goes_back_to_the_queue() {
        let (jobs, store) = (queue(LINES), Log { refuse: true, ..Log::default() });
        let stream = Stream { key: "s", first: 1 };
        let e = work(&store, &jobs, &stream, &WorkerOptions { batch: 4, drain: true }, &mut |_| {}).unwrap_err();
        assert_eq!(e.to_string(), "writing messages 1–4: refused");
        assert_eq!(*jobs.released.borrow(), [1, 2, 3, 4]);
        assert!(jobs.acked.borrow().is_empty() && jobs.rejected.borrow().is_empty());
    }
}
