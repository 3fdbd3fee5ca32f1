//! The fields a term can name: the common record's (by the names users type: `age` and
//! `idle` for `age_seconds` and `idle_seconds`), and a backend's own columns by name.

use crate::error::{Error, Result};
use crate::record::common::{COLUMNS, FIELDS};
use crate::record::{Cell, Column, Record};

/// The common record's fields, as a selector names them (`age`, `idle`), in record order.
pub(crate) fn common_fields() -> impl Iterator<Item = &'static str> {
    FIELDS.iter().filter(|f| **f != "raw").map(|f| match *f {
        "age_seconds" => "age",
        "idle_seconds" => "idle",
        other => other,
    })
}

/// The common record's column that `field` names, if it names one: a common field wins over
/// a backend's column of the same name.
pub(crate) fn common_name(field: &str) -> Option<&'static str> {
    match field {
        "age" | "age_seconds" => Some("age_seconds"),
        "idle" | "idle_seconds" => Some("idle_seconds"),
        other => FIELDS
            .iter()
            .find(|f| **f == other && other != "raw")
            .copied(),
    }
}

/// The cell of the common record's column `name` in a common record.
pub(crate) fn common_cell(name: &str, common: &Record) -> Cell {
    COLUMNS
        .iter()
        .find(|c| c.name == name)
        .map_or(Cell::Null, |c| (c.get)(common))
}

/// The cell of a backend's column `field` in its own record; null when it has none.
pub(crate) fn own_cell(own: &[Column], field: &str, vendor: &Record) -> Cell {
    own.iter()
        .find(|c| c.name == field)
        .map_or(Cell::Null, |c| (c.get)(vendor))
}

/// The cell of `field` in a common record whose backend's columns are `own` (read from its
/// `raw`).
pub(crate) fn cell_in_common(field: &str, common: &Record, own: &[Column]) -> Cell {
    match common_name(field) {
        Some(name) => common_cell(name, common),
        None => match common.get("raw") {
            Some(serde_json::Value::Object(raw)) => own_cell(own, field, raw),
            _ => Cell::Null,
        },
    }
}

/// Refuse (exit 2) a field that is neither the common record's nor a column of one of
/// `backends`, naming the fields there are. `what` says where it was written.
pub(crate) fn check_field(field: &str, what: &str, backends: &[&[Column]]) -> Result<()> {
    let known = common_name(field).is_some()
        || backends
            .iter()
            .any(|cols| cols.iter().any(|c| c.name == field));
    if known {
        return Ok(());
    }
    let mut names: Vec<&str> = common_fields().collect();
    for c in backends.iter().flat_map(|cols| cols.iter()) {
        if !names.contains(&c.name) {
            names.push(c.name);
        }
    }
    let near: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| n.contains(field) || field.contains(n))
        .collect();
    let hint = match near.is_empty() {
        true => String::new(),
        false => format!("; did you mean {}?", near.join(" or ")),
    };
    Err(Error::usage(format!(
        "{what}: no field '{field}'{hint} The fields are: {}",
        names.join(", ")
    )))
}
