//! `extract_many`: an iterator of records over an iterable of articles, in input order. Input is
//! read a chunk at a time (as `khabar extract` reads it); each chunk is extracted on a rayon
//! pool with the GIL released while Python consumes the chunk before it, so at most two chunks
//! are held however long the input.
use crate::convert;
use crate::input::{self, Extras};
use khabar_ingest::input::Record;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyMapping, PyString};
use rayon::prelude::*;
use rayon::ThreadPool;
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};

/// Articles read and extracted at a time, as `khabar extract` does.
const CHUNK: usize = 1024;

/// What extraction gives for one article: its record without the input's other fields, or the
/// message of a panic (a bug), raised as `RuntimeError`.
type Extracted = Result<Map<String, Value>, String>;

/// Extracts one article into the contract's part of its record, catching any panic.
pub fn extract_one(rec: Record) -> PyResult<Map<String, Value>> {
    extract_caught(rec).map_err(PyRuntimeError::new_err)
}

fn extract_caught(rec: Record) -> Extracted {
    let id = rec.id.clone();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let article = khabar_extract::extract(rec.id, rec.published, &rec.text);
        khabar_ingest::output::record(&article, Map::new(), None)
    }))
    .map_err(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        format!(
            "khabar: extraction failed on article {}: {what} (a bug: please report it)",
            id.as_deref().unwrap_or("without id")
        )
    })
}

/// Worker pools by thread count (0: rayon's default, every core), made once per process: a
/// process forked from this one gets new ones, since a fork keeps no threads.
struct Pools {
    pid: u32,
    by_threads: Vec<(usize, Arc<ThreadPool>)>,
}

static POOLS: Mutex<Pools> = Mutex::new(Pools { pid: 0, by_threads: Vec::new() });

fn pool(threads: usize) -> PyResult<Arc<ThreadPool>> {
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    let pid = std::process::id();
    if pools.pid != pid {
        *pools = Pools { pid, by_threads: Vec::new() };
    }
    if let Some((_, p)) = pools.by_threads.iter().find(|(n, _)| *n == threads) {
        return Ok(p.clone());
    }
    let p = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("khabar-{i}"))
            .build()
            .map_err(|e| PyRuntimeError::new_err(format!("starting {threads} worker threads: {e}")))?,
    );
    pools.by_threads.push((threads, p.clone()));
    Ok(p)
}

/// A chunk being extracted: its records arrive on `results`, in order.
struct Batch {
    results: Receiver<Vec<Extracted>>,
    extras: Vec<Extras>,
    /// What stopped reading the input in this chunk (an exception of the iterable, or a bad
    /// article), raised once the articles before it are yielded.
    error: Option<PyErr>,
}

struct State {
    /// `None` once the input is exhausted or failed.
    input: Option<Py<PyIterator>>,
    /// Articles read so far (the next one's index, for messages).
    read: usize,
    pool: Arc<ThreadPool>,
    /// The chunk after `ready`, being extracted.
    next: Option<Batch>,
    ready: VecDeque<(Extracted, Extras)>,
    /// Raised after `ready` is consumed; the iterator ends after it.
    error: Option<PyErr>,
}

impl State {
    /// Reads the next chunk and starts its extraction; `false` when the input is exhausted.
    fn submit(&mut self, py: Python<'_>) -> bool {
        let Some(input) = &self.input else { return false };
        let mut input = input.bind(py).clone();
        let mut records = Vec::new();
        let mut extras = Vec::new();
        let mut error = None;
        while records.len() < CHUNK {
            let at = format!("articles[{}]: ", self.read);
            match input.next() {
                None => {
                    self.input = None;
                    break;
                }
                Some(item) => match item.and_then(|obj| input::article(&obj, &at)) {
                    Ok((r, x)) => {
                        records.push(r);
                        extras.push(x);
                        self.read += 1;
                    }
                    Err(e) => {
                        error = Some(e);
                        self.input = None;
                        break;
                    }
                },
            }
        }
        if records.is_empty() && error.is_none() {
            return false;
        }
        let (tx, rx) = sync_channel(1);
        self.pool.spawn(move || {
            let out: Vec<Extracted> = records.into_par_iter().map(extract_caught).collect();
            // the iterator may have been dropped: nobody wants the records then
            let _ = tx.send(out);
        });
        self.next = Some(Batch { results: rx, extras, error });
        true
    }
}

/// The iterator `extract_many` returns: records in input order.
#[pyclass(module = "khabar._khabar")]
pub struct ExtractMany {
    state: Mutex<State>,
}

#[pymethods]
impl ExtractMany {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        // a second thread calling next() while the first waits (without the GIL) is told so,
        // as a generator does, instead of waiting for a lock while holding the GIL
        let Ok(mut st) = self.state.try_lock() else {
            return Err(PyValueError::new_err("extract_many: the iterator is already running in another thread"));
        };
        loop {
            if let Some((out, extras)) = st.ready.pop_front() {
                let contract = out.map_err(PyRuntimeError::new_err)?;
                return Ok(Some(convert::record(py, contract, extras)?.into_any().unbind()));
            }
            if let Some(e) = st.error.take() {
                return Err(e);
            }
            if st.next.is_none() && !st.submit(py) {
                return Ok(None);
            }
            let Some(batch) = st.next.take() else { return Ok(None) };
            let Batch { results, extras, error } = batch;
            let results = py
                .detach(move || results.recv())
                .map_err(|_| PyRuntimeError::new_err("extract_many: a worker thread stopped"))?;
            st.ready = results.into_iter().zip(extras).collect();
            st.error = error;
            // the next chunk is extracted while Python consumes this one
            if st.error.is_none() {
                st.submit(py);
            }
        }
    }
}

/// Records for an iterable of articles, in input order: an iterator of dicts.
///
/// Each article is a mapping with `text` and optionally `id` and `published`; its other fields
/// are passed through into its record as they are (the record's own keys win), as
/// `khabar extract` passes a JSON line's other fields through. Extraction runs on `threads`
/// threads (0: every core) with the GIL released, 1,024 articles at a time, one chunk ahead of
/// what is consumed, so memory stays flat on any length. A bad article raises TypeError or
/// ValueError (`articles[i]: field `text`: ...`) after the records before it.
#[pyfunction]
#[pyo3(signature = (articles, threads=0))]
pub fn extract_many(articles: &Bound<'_, PyAny>, threads: i64) -> PyResult<ExtractMany> {
    if articles.is_instance_of::<PyString>() || articles.cast::<PyMapping>().is_ok() {
        return Err(PyTypeError::new_err(
            "extract_many: `articles` must be an iterable of articles (mappings with \"text\"), not one article; \
             use extract() for one",
        ));
    }
    let Ok(threads) = usize::try_from(threads) else {
        return Err(PyValueError::new_err(format!(
            "extract_many: `threads` must be 0 (every core) or more, got {threads}"
        )));
    };
    let input = articles.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "extract_many: `articles` must be an iterable of mappings, got {}",
            articles.get_type().name().map(|n| n.to_string()).unwrap_or_default()
        ))
    })?;
    Ok(ExtractMany {
        state: Mutex::new(State {
            input: Some(input.unbind()),
            read: 0,
            pool: pool(threads)?,
            next: None,
            ready: VecDeque::new(),
            error: None,
        }),
    })
}
