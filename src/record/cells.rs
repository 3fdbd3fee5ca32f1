//! A record, its cells and columns, and reading a field of one as a cell.

use serde_json::{Map, Value};
use time::OffsetDateTime;

use super::value::{field, seconds_json, whole_seconds, Json};

/// One session as the vendor sent it, with values coerced to the documented types and
/// normalised forms added.
pub type Record = Map<String, Value>;

/// A typed cell value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Text(String),
    Int(i128),
    Float(f64),
    Bool(bool),
    /// A duration in seconds (fractions allowed), shown and printed in whole seconds.
    Duration(f64),
    Time(OffsetDateTime),
    /// A deadline, shown relative to now: `in 2h 5m`, `expired 3m ago`.
    Until(OffsetDateTime),
    List(Vec<String>),
}

impl Cell {
    /// The human form for tables: `1h 2m 3s`, `true`, `a, b`.
    pub fn display(&self) -> String {
        match self {
            Cell::Null => "-".to_string(),
            Cell::Duration(secs) => human_duration(*secs),
            Cell::Until(t) => {
                let left = seconds_until(*t);
                // Two units are plenty for a deadline: `in 2h 5m`, `in 3d 4h`.
                let whole = |s: f64| {
                    human_duration(s.abs().max(1.0).round())
                        .split(' ')
                        .take(2)
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                if left >= 0.0 {
                    format!("in {}", whole(left))
                } else {
                    format!("expired {} ago", whole(left))
                }
            }
            Cell::List(items) if items.is_empty() => "-".to_string(),
            Cell::List(items) => items.join(", "),
            other => other.raw(),
        }
    }

    /// The machine form of a cell: whole seconds, times as RFC 3339. (`plain` and `csv` print
    /// a column's [`Column::value`], as JSON does.)
    pub fn raw(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Float(f) => f.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Duration(secs) => {
                whole_seconds(*secs).map_or_else(String::new, |s| s.to_string())
            }
            Cell::Time(t) => iso_utc(*t),
            Cell::Until(t) => format!("{}", seconds_until(*t).round() as i64),
            Cell::List(items) => items.join(","),
        }
    }

    /// The JSON form of a cell, for a column that works its value out ([`Json::Cell`]).
    pub fn to_json(&self) -> Value {
        match self {
            Cell::Null => Value::Null,
            Cell::Text(s) => Value::String(s.clone()),
            Cell::Int(n) => {
                if let Ok(u) = u64::try_from(*n) {
                    Value::from(u)
                } else if let Ok(i) = i64::try_from(*n) {
                    Value::from(i)
                } else {
                    Value::String(n.to_string())
                }
            }
            Cell::Float(f) => serde_json::Number::from_f64(*f)
                .map(Value::Number)
                .unwrap_or(Value::Null),
            Cell::Duration(secs) => seconds_json(*secs).unwrap_or(Value::Null),
            Cell::Bool(b) => Value::Bool(*b),
            Cell::Time(t) => Value::String(iso_utc(*t)),
            Cell::Until(t) => Value::from(seconds_until(*t).round() as i64),
            Cell::List(items) => Value::Array(items.iter().cloned().map(Value::String).collect()),
        }
    }
}

/// One column a backend offers: its projection name, table header, and how to read it.
#[derive(Debug)]
pub struct Column {
    /// The name users type: `sessions smb originator`, `--columns originator,time_idle_seconds`.
    pub name: &'static str,
    /// The table header.
    pub header: &'static str,
    /// One line for `--list-columns`.
    pub about: &'static str,
    /// Shown in the default table (all columns appear in `wide`).
    pub default: bool,
    /// How the column gives way when a table is wider than the terminal.
    pub fit: Fit,
    /// The cell a table shows and `--sort` orders by.
    pub get: fn(&Record) -> Cell,
    /// Where its value in `json`, `ndjson`, `csv` and `plain` comes from.
    pub json: Json,
}

/// How a column gives way in a table too wide for the terminal. Values are never broken
/// across lines: free text is cut short with `…` first, then whole columns are hidden,
/// lowest rank first. Keys and identifiers are never cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// A short key `show` and `close` take (or the identifier an operator copies): never cut,
    /// never hidden. A key that can be wider than a screen (ONTAP's, Opal's) is `Whole`
    /// instead, ranked to give way when the rest would not fit.
    Key,
    /// A value that means nothing when cut (an address, an id, a number, a time): hidden whole
    /// when there is no room; the lower the rank, the sooner.
    Whole(u8),
    /// Free text (user names, share lists, origins): cut with `…` first, then hidden by rank.
    Text(u8),
}

impl Fit {
    /// Hidden before columns of a higher rank; `None` for a key, which stays.
    pub fn rank(self) -> Option<u8> {
        match self {
            Fit::Key => None,
            Fit::Whole(r) | Fit::Text(r) => Some(r),
        }
    }
}

/// Look up columns by name; the error lists what exists.
pub(crate) fn select_columns<'a>(
    all: &'a [Column],
    names: &[String],
) -> Result<Vec<&'a Column>, String> {
    names
        .iter()
        .map(|n| {
            all.iter()
                .find(|c| c.name.eq_ignore_ascii_case(n.trim()))
                .ok_or_else(|| {
                    format!(
                        "no column '{}'; the columns are: {} (see --list-columns)",
                        n.trim(),
                        all.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
                    )
                })
        })
        .collect()
}

// ---- reading vendor values leniently -------------------------------------------------------

/// Follow a dotted path (`user.name`) into a record.
pub(crate) fn path<'a>(rec: &'a Record, dotted: &str) -> Option<&'a Value> {
    let mut parts = dotted.split('.');
    let mut cur = rec.get(parts.next()?)?;
    for p in parts {
        cur = cur.get(p)?;
    }
    Some(cur)
}

pub(crate) fn text(rec: &Record, dotted: &str) -> Cell {
    match path(rec, dotted) {
        None | Some(Value::Null) => Cell::Null,
        Some(Value::String(s)) => Cell::Text(s.clone()),
        Some(other) => Cell::Text(other.to_string()),
    }
}

/// A number of seconds (a `*_seconds` field), shown as a duration.
pub(crate) fn seconds(rec: &Record, dotted: &str) -> Cell {
    match path(rec, dotted).and_then(Value::as_f64) {
        Some(s) => Cell::Duration(s),
        None => Cell::Null,
    }
}

/// An integer that may arrive as a number or as a decimal string.
pub(crate) fn int(rec: &Record, dotted: &str) -> Cell {
    match path(rec, dotted).and_then(as_i128) {
        Some(n) => Cell::Int(n),
        None => match path(rec, dotted) {
            None | Some(Value::Null) => Cell::Null,
            Some(v) => Cell::Text(value_text(v)),
        },
    }
}

/// A boolean that may arrive as `true`, `1`, `"true"` or `""` (ONTAP docs show all of them).
pub(crate) fn boolean(rec: &Record, dotted: &str) -> Cell {
    match path(rec, dotted).and_then(as_bool) {
        Some(b) => Cell::Bool(b),
        None => Cell::Null,
    }
}

pub(crate) fn list(rec: &Record, dotted: &str) -> Cell {
    match path(rec, dotted) {
        Some(Value::Array(items)) => Cell::List(items.iter().map(value_text).collect()),
        None | Some(Value::Null) => Cell::Null,
        Some(v) => Cell::List(vec![value_text(v)]),
    }
}

pub(crate) fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

pub(crate) fn as_i128(v: &Value) -> Option<i128> {
    match v {
        Value::Number(n) => n
            .as_u64()
            .map(i128::from)
            .or_else(|| n.as_i64().map(i128::from)),
        Value::String(s) => s.trim().parse::<i128>().ok(),
        _ => None,
    }
}

pub(crate) fn as_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_i64().map(|i| i != 0),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Some(true),
            "false" | "no" | "0" | "" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Replace a number sent as a decimal string by the number itself, in place. u64 values stay
/// exact (serde_json keeps u64 and i64 without going through f64).
pub(crate) fn coerce_int(rec: &mut Record, key: &str) {
    if let Some(v) = rec.get_mut(key) {
        if let Value::String(s) = v {
            if let Some(n) = int_of_text(s) {
                *v = n;
            }
        }
    }
}

/// The number a decimal string (spaces around allowed) stands for, as [`coerce_int`] reads it.
pub(crate) fn int_of_text(s: &str) -> Option<Value> {
    let t = s.trim();
    t.parse::<u64>()
        .map(Value::from)
        .or_else(|_| t.parse::<i64>().map(Value::from))
        .ok()
}

/// Replace `1`/`0`/`""`/`"true"` by a JSON bool, in place.
pub(crate) fn coerce_bool(rec: &mut Record, key: &str) {
    if let Some(v) = rec.get_mut(key) {
        if let Some(b) = bool_of(v) {
            *v = Value::Bool(b);
        }
    }
}

/// The bool [`coerce_bool`] puts in place of `v`; `None` when it leaves `v` as it is.
pub(crate) fn bool_of(v: &Value) -> Option<bool> {
    match v.is_boolean() || v.is_null() {
        true => None,
        false => as_bool(v),
    }
}

// ---- human forms ----------------------------------------------------------------------------

/// `1h 2m 3s` for tables, in humantime's style but with days as the largest unit
/// (`38d 16h 32m 4s`): humantime's months of 30.44 days read badly for session ages.
/// Whole seconds, as the `*_seconds` columns print them, on every backend: 0.184 s is `0s`.
pub(crate) fn human_duration(secs: f64) -> String {
    if !secs.is_finite() || secs < 0.0 {
        return "-".to_string();
    }
    let total = secs.round() as u64;
    if total == 0 {
        return "0s".to_string();
    }
    let (d, h, m, s) = (
        total / 86_400,
        total / 3_600 % 24,
        total / 60 % 60,
        total % 60,
    );
    let parts: Vec<String> = [(d, "d"), (h, "h"), (m, "m"), (s, "s")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect();
    parts.join(" ")
}

/// `2023-07-25T17:54:49+00:00`: ISO 8601 in UTC, as the TrueNAS CLI shows dates (and valid
/// RFC 3339).
pub(crate) fn iso_utc(t: OffsetDateTime) -> String {
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]"
    );
    t.to_offset(time::UtcOffset::UTC)
        .format(&fmt)
        .unwrap_or_default()
}

/// A timestamp as vendors send it: `{"$date": ms}` (TrueNAS), epoch milliseconds, or an
/// ISO 8601 string with or without an offset (UTC assumed).
pub(crate) fn parse_time(v: &Value) -> Option<OffsetDateTime> {
    match v {
        Value::Object(o) => o.get("$date").and_then(parse_time),
        Value::Number(n) => {
            let ms = n.as_i64().or_else(|| n.as_f64().map(|f| f as i64))?;
            OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000).ok()
        }
        Value::String(s) => {
            let s = s.trim();
            OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
                .ok()
                .or_else(|| {
                    OffsetDateTime::parse(
                        s,
                        &time::format_description::well_known::Iso8601::DEFAULT,
                    )
                    .ok()
                })
                .or_else(|| {
                    let naive = time::macros::format_description!(
                        "[year]-[month]-[day]T[hour]:[minute]:[second]"
                    );
                    time::PrimitiveDateTime::parse(s.trim_end_matches('Z'), &naive)
                        .ok()
                        .map(|p| p.assume_utc())
                })
        }
        _ => None,
    }
}

/// Seconds from now until `t` (negative once it has passed).
pub(crate) fn seconds_until(t: OffsetDateTime) -> f64 {
    (t - OffsetDateTime::now_utc()).as_seconds_f64()
}

pub(crate) fn time(rec: &Record, dotted: &str) -> Cell {
    match path(rec, dotted) {
        None | Some(Value::Null) => Cell::Null,
        Some(v) => match parse_time(v) {
            Some(t) => Cell::Time(t),
            None => Cell::Text(value_text(v)),
        },
    }
}

/// `3` for whole numbers, else the shortest form that reads back (`0.25`).
pub(crate) fn trim_float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

impl Column {
    /// Its value in `json` and `ndjson` (projected), and, as [`plain_text`](super::plain_text), in `csv` and
    /// `plain`.
    pub fn value(&self, rec: &Record) -> Value {
        match self.json {
            Json::Field => field(rec, self.name).unwrap_or(Value::Null),
            Json::Cell => (self.get)(rec).to_json(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::cmp::Ordering;

    fn rec(v: Value) -> Record {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn ints_from_strings_and_u64_exact() {
        let mut r = rec(json!({"a": "10878444899913433090", "b": "0", "c": "x"}));
        coerce_int(&mut r, "a");
        coerce_int(&mut r, "b");
        coerce_int(&mut r, "c");
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"a":10878444899913433090,"b":0,"c":"x"}"#
        );
        assert_eq!(int(&r, "a"), Cell::Int(10878444899913433090));
    }

    #[test]
    fn lenient_bools() {
        let r = rec(json!({"a": 1, "b": "", "c": "true", "d": "maybe"}));
        assert_eq!(boolean(&r, "a"), Cell::Bool(true));
        assert_eq!(boolean(&r, "b"), Cell::Bool(false));
        assert_eq!(boolean(&r, "c"), Cell::Bool(true));
        assert_eq!(boolean(&r, "d"), Cell::Null);
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(human_duration(3723.0), "1h 2m 3s");
        assert_eq!(human_duration(0.0), "0s");
        assert_eq!(human_duration(0.25), "0s");
        assert_eq!(human_duration(0.5), "1s");
        assert_eq!(human_duration(3_340_324.0), "38d 15h 52m 4s");
        assert_eq!(human_duration(86_400.0), "1d");
        assert_eq!(Cell::Duration(15.0).raw(), "15");
    }

    #[test]
    fn times_in_every_form() {
        let want = "2023-07-25T17:54:49+00:00";
        for v in [
            json!({"$date": 1690307689000i64}),
            json!("2023-07-25T17:54:49+00:00"),
            json!("2023-07-25T17:54:49Z"),
            json!("2023-07-25T17:54:49"),
            json!("2023-07-25T19:54:49+02:00"),
        ] {
            assert_eq!(parse_time(&v).map(iso_utc).as_deref(), Some(want), "{v}");
        }
        assert_eq!(parse_time(&json!("yesterday")), None);
    }

    #[test]
    fn deadlines_read_relative() {
        let now = OffsetDateTime::now_utc();
        assert_eq!(
            Cell::Until(now + time::Duration::seconds(2 * 3600 + 5 * 60 + 20)).display(),
            "in 2h 5m"
        );
        assert_eq!(
            Cell::Until(now - time::Duration::seconds(180)).display(),
            "expired 3m ago"
        );
    }

    #[test]
    fn sort_numbers_numerically() {
        assert_eq!(Cell::Int(9).compare(&Cell::Int(10)), Ordering::Less);
        assert_eq!(
            Cell::Text("b".into()).compare(&Cell::Text("A".into())),
            Ordering::Greater
        );
        assert_eq!(Cell::Null.compare(&Cell::Int(0)), Ordering::Less);
    }
}
