//! `khabar._khabar`: the native part of the Python package `khabar` (PyO3, stable ABI from
//! Python 3.9). The package (`python/khabar/`) re-exports what is here and adds `to_frames`.
//!
//! * [`extract`] and [`extract_many`]: the record `khabar extract` writes for an article, as a
//!   Python dict. Both go through the binary's own code: the input is checked by
//!   [`khabar_ingest::input::from_object`] (the rules of a JSON Lines line), the record made by
//!   [`khabar_ingest::output::record`], and its `serde_json` value turned into Python objects
//!   one to one ([`convert`]), keys in the order the binary writes them. Extraction runs with
//!   the GIL released; `extract_many` on a rayon pool, a chunk ahead of what Python consumes.
//! * [`corpus::Corpus`]: search, entities and statistics of a store made by `khabar ingest`,
//!   through `khabar-store`'s public API.
//!
//! Nothing panics across the boundary: bad input is a `TypeError` or `ValueError` naming the
//! field, and a panic inside extraction (a bug) is caught and raised as `RuntimeError`.
use pyo3::prelude::*;

/// mimalloc for the module's own allocations: with the system's malloc, records made on the
/// worker threads and freed on Python's thread made `extract_many` a quarter slower than the
/// binary (which uses mimalloc too).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod convert;
mod corpus;
mod input;
mod many;

/// The record `khabar extract` writes for one article, as a dict: the same keys in the same
/// order, the same values (`docs/OUTPUT.md`): `id`, `published`, `entities`, `quotes`,
/// `counts`, `amounts`, `dates`, `hedges`, `events`, `themes`, `tone`, offsets in code points
/// into `text`.
///
/// `published` (a string starting with YYYY-MM-DD, or a `datetime.date`) resolves weekdays and
/// relative dates; `id` is a string or a number (written as text). The GIL is released while
/// the article is extracted. Raises TypeError or ValueError naming the bad field.
#[pyfunction]
#[pyo3(signature = (text, published=None, id=None))]
fn extract(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    published: Option<&Bound<'_, PyAny>>,
    id: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let fields = [("text", Some(text)), ("published", published), ("id", id)];
    let record = input::record_of(fields.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))), "")?;
    let out = py.detach(move || many::extract_one(record))?;
    Ok(convert::record(py, out, Vec::new())?.into_any().unbind())
}

#[pymodule]
fn _khabar(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(many::extract_many, m)?)?;
    m.add_class::<many::ExtractMany>()?;
    m.add_class::<corpus::Corpus>()?;
    m.add("StoreError", m.py().get_type::<corpus::StoreError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
