//! `Corpus`: a store made by `khabar ingest` (a directory, or `postgres://…` when built with the
//! `postgres` feature), read through `khabar-store`'s public API — search as the HTTP API's
//! `/api/articles` answers it, entities as `khabar entity show --json`, statistics as
//! `khabar stats --json`. Queries run with the GIL released.
use crate::convert;
use khabar_store::{exact_day, postgres_url, SearchQuery};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyFileNotFoundError, PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;
use serde_json::{json, Value};
use std::path::PathBuf;

create_exception!(
    _khabar,
    StoreError,
    PyException,
    "The store failed: a database or index error, a schema written by a newer khabar, PostgreSQL in a build \
     without it."
);

fn store_err(e: khabar_store::Error) -> PyErr {
    StoreError::new_err(e.to_string())
}

/// `since` / `until`: a `YYYY-MM-DD` string or a `datetime.date`, as a day number.
fn day(name: &str, v: Option<&Bound<'_, PyAny>>) -> PyResult<Option<i64>> {
    let Some(v) = v.filter(|v| !v.is_none()) else { return Ok(None) };
    let s: String = if let Ok(s) = v.cast::<PyString>() {
        s.to_str()?.to_owned()
    } else if v.is_instance(&v.py().import("datetime")?.getattr("date")?)? {
        // a datetime's date part, a date as it is
        let s: String = v.call_method0("isoformat")?.extract()?;
        s.chars().take(10).collect()
    } else {
        return Err(PyTypeError::new_err(format!("`{name}` must be a date YYYY-MM-DD (a str or a datetime.date)")));
    };
    exact_day(&s)
        .map(Some)
        .ok_or_else(|| PyValueError::new_err(format!("`{name}`: expected a date YYYY-MM-DD, got {s:?}")))
}

/// A corpus made by `khabar ingest`, opened for reading: a directory (SQLite and its search
/// index) or `postgres://user:password@host/database`. Raises FileNotFoundError for a
/// directory without a corpus, StoreError when the store cannot be opened.
#[pyclass(module = "khabar._khabar", frozen)]
pub struct Corpus {
    corpus: khabar_store::Corpus,
    location: String,
}

#[pymethods]
impl Corpus {
    #[new]
    fn new(py: Python<'_>, path_or_url: PathBuf) -> PyResult<Corpus> {
        let location = path_or_url.display().to_string();
        if postgres_url(&path_or_url).is_none() && !path_or_url.join("khabar.db").is_file() {
            return Err(PyFileNotFoundError::new_err(format!(
                "{location}: no corpus here (make one with `khabar ingest --db {location} FILES…`)"
            )));
        }
        let corpus = py.detach(|| khabar_store::Corpus::open_read_only(&path_or_url)).map_err(store_err)?;
        // a URL's password is not shown again
        let location = match location.split_once('@') {
            Some((_, host)) if postgres_url(&path_or_url).is_some() => format!("postgres://…@{host}"),
            _ => location,
        };
        Ok(Corpus { corpus, location })
    }

    fn __repr__(&self) -> String {
        format!("Corpus({:?})", self.location)
    }

    /// Articles, entities, quotes, counts and dates stored, as `khabar stats --json`.
    fn stats(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let s = py.detach(|| self.corpus.store.stats()).map_err(store_err)?;
        let v = serde_json::to_value(&s).map_err(|e| StoreError::new_err(e.to_string()))?;
        Ok(convert::value(py, &v)?.unbind())
    }

    /// `{"total": n, "articles": [...]}`: ranked articles (newest first without words), each
    /// with `id`, `title`, `source`, `url`, `published`, `score`, `snippet` (`{"text",
    /// "highlights"}` or None), `counts` and `quotes`, as the HTTP API's `/api/articles`.
    /// `query` in `khabar search`'s language (words, "phrases", -word, OR); `entity` an id or a
    /// name in any spelling; `source` exact; `since` / `until` days (YYYY-MM-DD or
    /// `datetime.date`), inclusive; `limit` up to 10,000.
    #[pyo3(signature = (query=None, entity=None, source=None, since=None, until=None, limit=10, offset=0))]
    #[allow(clippy::too_many_arguments)]
    fn search(
        &self,
        py: Python<'_>,
        query: Option<String>,
        entity: Option<String>,
        source: Option<String>,
        since: Option<&Bound<'_, PyAny>>,
        until: Option<&Bound<'_, PyAny>>,
        limit: i64,
        offset: i64,
    ) -> PyResult<Py<PyAny>> {
        let from = day("since", since)?;
        let to = day("until", until)?;
        if !(0..=10_000).contains(&limit) {
            return Err(PyValueError::new_err(format!("`limit` must be between 0 and 10000, got {limit}")));
        }
        if !(0..=1_000_000).contains(&offset) {
            return Err(PyValueError::new_err(format!("`offset` must be between 0 and 1000000, got {offset}")));
        }
        let text = query.filter(|q| !q.trim().is_empty());
        let source = source.filter(|s| !s.trim().is_empty());
        let entity = entity.filter(|e| !e.trim().is_empty());
        let c = &self.corpus;
        let v = py
            .detach(|| -> khabar_store::Result<Value> {
                let entities = match entity {
                    Some(e) => {
                        let ids = c.store.resolve_entity(&e)?;
                        if ids.is_empty() {
                            return Ok(json!({"total": 0, "articles": []}));
                        }
                        ids
                    }
                    None => vec![],
                };
                let q = SearchQuery {
                    text: text.clone(),
                    entities,
                    source,
                    from,
                    to,
                    limit: limit as usize,
                    offset: offset as usize,
                };
                let res = c.index.search(&q)?;
                let snippets = text.as_deref().map(|t| c.index.snippets(t)).transpose()?;
                let ids: Vec<String> = res.hits.iter().map(|h| h.id.clone()).collect();
                let rows = c.store.hits(&ids)?;
                let mut articles = Vec::with_capacity(rows.len());
                for h in &res.hits {
                    let Some(row) = rows.iter().find(|r| r.summary.id == h.id) else { continue };
                    let mut a = serde_json::to_value(&row.summary)?;
                    a["score"] = json!(h.score);
                    a["snippet"] = json!(snippets.as_ref().map(|sn| sn.make(&row.text)));
                    a["counts"] = json!(row.counts);
                    a["quotes"] = json!(row.quotes);
                    articles.push(a);
                }
                Ok(json!({"total": res.total, "articles": articles}))
            })
            .map_err(store_err)?;
        Ok(convert::value(py, &v)?.unbind())
    }

    /// One entity by id, or by a name in any spelling (the first that answers to it): its
    /// spellings and why they were joined, place, articles, quotes, figures and who it is seen with,
    /// as `khabar entity show --json`. Raises KeyError when no entity answers to it.
    fn entity(&self, py: Python<'_>, name_or_id: String) -> PyResult<Py<PyAny>> {
        let c = &self.corpus;
        let view = py
            .detach(|| -> khabar_store::Result<_> {
                let ids = c.store.resolve_entity(&name_or_id)?;
                match ids.first() {
                    Some(id) => c.store.entity(id),
                    None => Ok(None),
                }
            })
            .map_err(store_err)?;
        let Some(view) = view else {
            return Err(PyKeyError::new_err(format!(
                "no entity {name_or_id:?} in {} (an id such as e1a2b3c4d5e6, or a name)",
                self.location
            )));
        };
        let v = serde_json::to_value(&view).map_err(|e| StoreError::new_err(e.to_string()))?;
        Ok(convert::value(py, &v)?.unbind())
    }

    /// One stored article by id: its fields, text, whole extraction record, and the corpus-wide
    /// id of each of its entities (`links`). Raises KeyError when there is none.
    fn article(&self, py: Python<'_>, id: String) -> PyResult<Py<PyAny>> {
        let view = py.detach(|| self.corpus.store.article(&id)).map_err(store_err)?;
        let Some(view) = view else {
            return Err(PyKeyError::new_err(format!("no article {id:?} in {}", self.location)));
        };
        let v = serde_json::to_value(&view).map_err(|e| StoreError::new_err(e.to_string()))?;
        Ok(convert::value(py, &v)?.unbind())
    }
}
