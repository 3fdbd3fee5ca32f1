//! A column's machine-readable value: what `json` and `ndjson` (projected), `csv` and `plain`
//! print, so that a column has one JSON type whatever the projection (see the README's "One
//! type per column"). Durations there are whole seconds.

use serde_json::{Map, Value};

/// Where a column's machine-readable value comes from. So that a column has one JSON type
/// whatever the projection, a column named like a field of the whole record (as `-o json`
/// prints it) prints exactly that field; only columns whose name is no such field work their
/// value out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Json {
    /// The record's own field at `name`: dots step into objects, and into each element of a
    /// list (`volumes.name` is every volume's name). Absent is `null`.
    Field,
    /// Worked out from the record: `get`'s cell as JSON.
    Cell,
}

/// The value at a dotted path, as [`Json::Field`] reads it.
pub fn field(rec: &Map<String, Value>, dotted: &str) -> Option<Value> {
    fn at(v: &Value, parts: &[&str]) -> Option<Value> {
        match (parts.split_first(), v) {
            (None, _) => Some(v.clone()),
            (Some((first, rest)), Value::Object(o)) => o.get(*first).and_then(|x| at(x, rest)),
            (Some(_), Value::Array(items)) => Some(Value::Array(
                items
                    .iter()
                    .map(|i| at(i, parts).unwrap_or(Value::Null))
                    .collect(),
            )),
            _ => None,
        }
    }
    let parts: Vec<&str> = dotted.split('.').collect();
    rec.get(parts[0]).and_then(|v| at(v, &parts[1..]))
}

/// A JSON value as `csv` and `plain` print it: text as it is, numbers and booleans as JSON
/// writes them, `null` empty, a list of plain values joined with `,`, anything else as
/// compact JSON.
pub fn plain_text(v: &Value) -> String {
    let scalar = |v: &Value| !matches!(v, Value::Array(_) | Value::Object(_));
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(scalar) => {
            items.iter().map(plain_text).collect::<Vec<_>>().join(",")
        }
        other => other.to_string(),
    }
}

/// Whole seconds, rounded half away from zero: what every `*_seconds` field and column
/// carries, and what tables show. `None` when not finite or past 2^53.
pub(crate) fn whole_seconds(secs: f64) -> Option<i64> {
    let whole = secs.round();
    (whole.is_finite() && whole.abs() < 9.0e15).then_some(whole as i64)
}

/// [`whole_seconds`] as a JSON integer: `15`, never `15.0` or `15.25`.
pub(crate) fn seconds_json(secs: f64) -> Option<Value> {
    whole_seconds(secs).map(Value::from)
}
