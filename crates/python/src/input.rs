//! Articles from Python objects, checked by the rules the binary applies to a JSON Lines line
//! ([`khabar_ingest::input::from_object`]): the fields it reads are turned into JSON values and
//! checked there; every other field stays the Python object it is, to be passed through.
use khabar_ingest::input::{from_object, InputError, Record};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyMapping, PyString};
use serde_json::{Map, Number, Value};

/// An article's other fields, as the Python objects they are, for the output record.
pub type Extras = Vec<(String, Py<PyAny>)>;

/// The fields the binary checks: `text`, `id` and `published` it reads; `title`, `source` and
/// `url` must hold no U+0000 when they are strings.
const CHECKED: [&str; 6] = ["text", "id", "published", "title", "source", "url"];

/// A short `repr` of a value, for messages.
fn shown(v: &Bound<'_, PyAny>) -> String {
    let r = v.repr().map(|r| r.to_string()).unwrap_or_else(|_| "?".into());
    match r.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &r[..cut]),
        None => r,
    }
}

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

/// A checked field's value as JSON, or `None` for a type JSON Lines cannot hold (the check then
/// says what the field must be). `published` may also be a `datetime.date` or `datetime`
/// (written with `isoformat()`).
fn json_of(field: &str, v: &Bound<'_, PyAny>, at: &str) -> PyResult<Option<Value>> {
    let bad_float = || PyValueError::new_err(format!("{at}field `{field}`: must be a finite number, got {}", shown(v)));
    Ok(Some(if v.is_none() {
        Value::Null
    } else if let Ok(s) = v.cast::<PyString>() {
        let s = s.to_str().map_err(|_| {
            PyValueError::new_err(format!("{at}field `{field}`: not valid Unicode (it holds a lone surrogate)"))
        })?;
        Value::String(s.to_owned())
    } else if let Ok(b) = v.cast::<PyBool>() {
        Value::Bool(b.is_true())
    } else if let Ok(i) = v.cast::<PyInt>() {
        // as serde_json reads a JSON number: an integer when it fits 64 bits, else a float
        if let Ok(x) = i.extract::<i64>() {
            Value::Number(x.into())
        } else if let Ok(x) = i.extract::<u64>() {
            Value::Number(x.into())
        } else {
            Value::Number(Number::from_f64(i.extract::<f64>().map_err(|_| bad_float())?).ok_or_else(bad_float)?)
        }
    } else if let Ok(f) = v.cast::<PyFloat>() {
        Value::Number(Number::from_f64(f.value()).ok_or_else(bad_float)?)
    } else if field == "published" && is_date(v)? {
        Value::String(v.call_method0("isoformat")?.extract()?)
    } else {
        return Ok(None);
    }))
}

fn is_date(v: &Bound<'_, PyAny>) -> PyResult<bool> {
    let date = v.py().import("datetime")?.getattr("date")?;
    v.is_instance(&date)
}

/// The record of checked fields, or the error naming the field (`TypeError` for a value of the
/// wrong type, `ValueError` for a missing field or a bad value). `at` prefixes the message
/// (`articles[3]: `).
pub fn record_of<'a, 'py: 'a>(
    fields: impl IntoIterator<Item = (&'a str, &'a Bound<'py, PyAny>)>,
    at: &str,
) -> PyResult<Record> {
    let mut obj = Map::new();
    // each field's Python type, to say what was given when the type is wrong
    let mut types: Vec<(&str, String)> = Vec::new();
    for (k, v) in fields {
        types.push((k, type_name(v)));
        match json_of(k, v, at)? {
            Some(j) => {
                obj.insert(k.to_string(), j);
            }
            // a type JSON cannot hold: the check below says what is expected
            None if matches!(k, "text" | "id" | "published") => {
                obj.insert(k.to_string(), Value::Array(Vec::new()));
            }
            // `title`, `source` and `url` are checked only when they are strings
            None => {}
        }
    }
    from_object(obj, "", 0).map_err(|e| match e {
        InputError::Field { field, message, .. } => {
            if message.starts_with("must be a string") {
                // "must be a string", "must be a string or a number": the type is wrong
                let got = types.iter().find(|(k, _)| *k == field).map_or("?", |(_, t)| t.as_str());
                PyTypeError::new_err(format!("{at}field `{field}`: {message}, got {got}"))
            } else {
                PyValueError::new_err(format!("{at}field `{field}`: {message}"))
            }
        }
        other => PyValueError::new_err(format!("{at}{other}")),
    })
}

/// One article of `extract_many`: a mapping with at least `text`; its fields other than `text`,
/// `id` and `published` are kept for the output.
pub fn article(obj: &Bound<'_, PyAny>, at: &str) -> PyResult<(Record, Extras)> {
    let items: Vec<(Bound<'_, PyAny>, Bound<'_, PyAny>)> = if let Ok(d) = obj.cast::<PyDict>() {
        d.iter().collect()
    } else if let Ok(m) = obj.cast::<PyMapping>() {
        m.items()?.iter().map(|kv| kv.extract()).collect::<PyResult<_>>()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "{at}an article must be a mapping (a dict with at least \"text\"), got {}",
            type_name(obj)
        )));
    };
    let mut checked = Vec::new();
    let mut extras = Extras::new();
    for (k, v) in &items {
        let Ok(key) = k.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!("{at}field names must be strings, got {}", shown(k))));
        };
        let key = key
            .to_str()
            .map_err(|_| PyValueError::new_err(format!("{at}a field name is not valid Unicode: {}", shown(k))))?;
        if CHECKED.contains(&key) {
            checked.push((key, v));
        }
        if !matches!(key, "text" | "id" | "published") {
            extras.push((key.to_string(), v.clone().unbind()));
        }
    }
    Ok((record_of(checked, at)?, extras))
}
