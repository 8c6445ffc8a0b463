//! JSON values to Python objects, one to one: `null` None, booleans bool, numbers int when
//! `serde_json` holds an integer and float otherwise (so `26.0` stays a float, as `json.loads`
//! reads the binary's `26.0`), strings str, arrays list, objects dict in the map's order.
use crate::input::Extras;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::{Map, Value};

pub fn value<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
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
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(a) => {
            let list = PyList::empty(py);
            for x in a {
                list.append(value(py, x)?)?;
            }
            list.into_any()
        }
        Value::Object(o) => object(py, o)?.into_any(),
    })
}

pub fn object<'py>(py: Python<'py>, o: &Map<String, Value>) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (k, v) in o {
        dict.set_item(k, value(py, v)?)?;
    }
    Ok(dict)
}

/// An output record with the input's other fields passed through as the objects they are: as
/// the binary writes them, the contract's keys win over input fields of the same name, and the
/// keys are in `serde_json`'s map order (sorted by code point, as Python sorts strings).
pub fn record<'py>(py: Python<'py>, contract: Map<String, Value>, extras: Extras) -> PyResult<Bound<'py, PyDict>> {
    if extras.is_empty() {
        return object(py, &contract);
    }
    enum Field<'a> {
        Contract(&'a Value),
        Input(Py<PyAny>),
    }
    let mut fields: Vec<(String, Field<'_>)> = contract.iter().map(|(k, v)| (k.clone(), Field::Contract(v))).collect();
    fields.extend(extras.into_iter().filter(|(k, _)| !contract.contains_key(k)).map(|(k, v)| (k, Field::Input(v))));
    // a stable sort: a mapping cannot hold one key twice, so the order is the map's
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    let dict = PyDict::new(py);
    for (k, f) in fields {
        match f {
            Field::Contract(v) => dict.set_item(k, value(py, v)?)?,
            Field::Input(v) => dict.set_item(k, v)?,
        }
    }
    Ok(dict)
}
