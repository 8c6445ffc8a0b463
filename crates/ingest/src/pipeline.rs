//! `khabar ingest` as a library function: read → leave out what is stored unchanged → extract
//! (in parallel, on the rayon pool) → store a batch → index it. Batches are stored on a second
//! thread while the next chunk is extracted, so that extraction and storage overlap.
use crate::error::{Error, Result};
use crate::input::{open_all, InputError, Item, Record};
use khabar_store::{Corpus, NewArticle, Written};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::sync_channel;

/// Input items read and extracted at a time.
const CHUNK: usize = 1024;

/// What happened to one input item, for a progress display; called on the reading thread.
pub enum Event<'a> {
    /// An input line that is no article (it is counted by reason in [`Ingested::rejected`]).
    Rejected(&'a InputError),
    /// One more input item read, usable or not.
    Read,
}

/// What an ingest did.
pub struct Ingested {
    /// Articles stored, replaced and unchanged (left out before extraction or found unchanged).
    pub written: Written,
    /// Unusable input lines, by reason.
    pub rejected: BTreeMap<String, usize>,
}

/// An input record with its extraction, ready to store.
pub fn extracted(rec: Record, id: String, hash: String) -> NewArticle {
    let record = khabar_extract::extract(Some(id.clone()), rec.published.clone(), &rec.text);
    NewArticle::from_input(id, hash, rec.published, rec.text, rec.extra, record)
}

/// Ingests the articles of `files` (plain-text ones dated `published`) into the corpus, then
/// closes its index (merges done, writer lock released).
pub fn ingest(
    corpus: &Corpus,
    files: &[PathBuf],
    published: Option<&str>,
    on: &mut dyn FnMut(Event<'_>),
) -> Result<Ingested> {
    let mut reading = Reading { known: corpus.store.hashes()?, rejected: BTreeMap::new(), unchanged: 0 };
    let (tx, rx) = sync_channel::<Vec<NewArticle>>(2);
    let mut written = std::thread::scope(|scope| -> Result<Written> {
        let writer = scope.spawn(|| -> Result<Written> {
            let mut total = Written::default();
            for batch in rx {
                total += corpus.write(&batch)?;
            }
            Ok(total)
        });
        let mut items = open_all(files, published);
        loop {
            let chunk: Vec<Item> = items.by_ref().take(CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            let todo = reading.select(chunk, on);
            let batch: Vec<NewArticle> = todo.into_par_iter().map(|(r, id, h)| extracted(r, id, h)).collect();
            if !batch.is_empty() && tx.send(batch).is_err() {
                break; // the writer stopped: its error is returned below
            }
        }
        drop(tx);
        writer.join().map_err(|_| Error::WriterPanicked)?
    })?;
    corpus.index.close()?;
    written.unchanged += reading.unchanged;
    Ok(Ingested { written, rejected: reading.rejected })
}

/// The reading side's state: what is stored (and queued to be), what was rejected or left out.
struct Reading {
    /// Content hash by id of every article stored or on its way to the store.
    known: rustc_hash::FxHashMap<String, String>,
    rejected: BTreeMap<String, usize>,
    /// Articles left out because they are stored (or earlier in the input) unchanged.
    unchanged: usize,
}

impl Reading {
    /// The articles of a chunk that need extracting, with their ids and content hashes.
    fn select(&mut self, chunk: Vec<Item>, on: &mut dyn FnMut(Event<'_>)) -> Vec<(Record, String, String)> {
        let mut todo = Vec::with_capacity(chunk.len());
        for item in chunk {
            match item {
                Item::Article(r) => {
                    let (id, h) = NewArticle::key_of(r.id.as_deref(), &r.text, r.published.as_deref(), &r.extra);
                    if self.known.get(&id) == Some(&h) {
                        self.unchanged += 1;
                    } else {
                        self.known.insert(id.clone(), h.clone());
                        todo.push((r, id, h));
                    }
                }
                Item::Bad(e) => {
                    *self.rejected.entry(e.reason()).or_default() += 1;
                    on(Event::Rejected(&e));
                }
            }
            on(Event::Read);
        }
        todo
    }
}
