//! JSON values to Python objects, one to one: `null` None, booleans bool, numbers int when
//! `serde_json` holds an integer and float otherwise (so `26.0` stays a float, as `json.loads`
//! reads the binary's `26.0`), strings str, arrays list, objects dict in the map's order.
//!
//! Making the objects is the one part of `extract_many` that runs on Python's thread, holding
//! the GIL, while the workers extract: it is kept cheap. A record holds hundreds of dict keys
//! from the contract's small fixed set (`start`, `end`, `text`, …) and of enum-like values
//! (`KILL`, `exact`, `PER`): those are made once per process and shared, as `json.loads` shares
//! its keys ([`Strings`]), instead of decoding and hashing a new string for each.
use crate::input::Extras;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::Mutex;

/// Strings made once and shared: dict keys, and values that look like a code (ASCII letters and
/// `_`, up to 16 bytes). Bounded, so that odd input cannot grow it: past the bound, strings are
/// made anew each time, as they would be without it.
pub struct Strings(HashMap<String, Py<PyString>>);

const SHARED_MAX: usize = 4096;

static SHARED: Mutex<Option<Strings>> = Mutex::new(None);

impl Strings {
    fn get<'py>(&mut self, py: Python<'py>, s: &str) -> Bound<'py, PyString> {
        if let Some(p) = self.0.get(s) {
            return p.bind(py).clone();
        }
        let p = PyString::new(py, s);
        if self.0.len() < SHARED_MAX {
            self.0.insert(s.to_owned(), p.clone().unbind());
        }
        p
    }
}

fn code_like(s: &str) -> bool {
    s.len() <= 16 && s.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_')
}

/// Runs `f` with the process's shared strings, taken once per record. The GIL serialises
/// callers, but making objects can run a finalizer that lets another thread in: that thread
/// finds the lock held and works with strings of its own instead of waiting (waiting while
/// holding the GIL would deadlock).
fn with_shared<T>(f: impl FnOnce(&mut Strings) -> T) -> T {
    match SHARED.try_lock() {
        Ok(mut guard) => f(guard.get_or_insert_with(|| Strings(HashMap::new()))),
        Err(std::sync::TryLockError::Poisoned(e)) => f(e.into_inner().get_or_insert_with(|| Strings(HashMap::new()))),
        Err(std::sync::TryLockError::WouldBlock) => f(&mut Strings(HashMap::new())),
    }
}

pub fn value<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    with_shared(|s| value_in(py, v, s))
}

fn value_in<'py>(py: Python<'py>, v: &Value, strings: &mut Strings) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) if code_like(s) => strings.get(py, s).into_any(),
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let items = a.iter().map(|x| value_in(py, x, strings)).collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Object(o) => object_in(py, o, strings)?.into_any(),
    })
}

fn object_in<'py>(py: Python<'py>, o: &Map<String, Value>, strings: &mut Strings) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (k, v) in o {
        dict.set_item(strings.get(py, k), value_in(py, v, strings)?)?;
    }
    Ok(dict)
}

/// An output record with the input's other fields passed through as the objects they are: as
/// the binary writes them, the contract's keys win over input fields of the same name, and the
/// keys are in `serde_json`'s map order (sorted by code point, as Python sorts strings).
pub fn record<'py>(py: Python<'py>, contract: Map<String, Value>, extras: Extras) -> PyResult<Bound<'py, PyDict>> {
    with_shared(|strings| {
        if extras.is_empty() {
            return object_in(py, &contract, strings);
        }
        enum Field<'a> {
            Contract(&'a Value),
            Input(Py<PyAny>),
        }
        let mut fields: Vec<(String, Field<'_>)> =
            contract.iter().map(|(k, v)| (k.clone(), Field::Contract(v))).collect();
        fields.extend(extras.into_iter().filter(|(k, _)| !contract.contains_key(k)).map(|(k, v)| (k, Field::Input(v))));
        // a stable sort: a mapping cannot hold one key twice, so the order is the map's
        fields.sort_by(|a, b| a.0.cmp(&b.0));
        let dict = PyDict::new(py);
        for (k, f) in fields {
            match f {
                Field::Contract(v) => dict.set_item(strings.get(py, &k), value_in(py, v, strings)?)?,
                Field::Input(v) => dict.set_item(k, v)?,
            }
        }
        Ok(dict)
    })
}
