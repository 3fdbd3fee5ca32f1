//! The fields a term can name: the common record's (by the names users type: `age` and
//! `idle` for `age_seconds` and `idle_seconds`), and a backend's own columns by name.

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
