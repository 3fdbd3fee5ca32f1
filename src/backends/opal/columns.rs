//! The columns of an Opal session (names from the lookups, UUIDs when unknown), and the
//! normalised expiry. See docs/vendors/opal.md.

use serde_json::Value;

use crate::record::{self, Cell, Column, Fit, Json, Record};

#[rustfmt::skip]
pub(super) static COLUMNS: &[Column] = &[
    Column { name: "user", header: "USER", about: "the user's email (the UUID when unknown)", default: true, fit: Fit::Text(8), get: |r| first_text(r, &["user_email", "user_id"]), json: Json::Cell },
    Column { name: "resource", header: "RESOURCE", about: "the resource's name (the UUID when unknown)", default: true, fit: Fit::Text(7), get: |r| first_text(r, &["resource_name", "resource_id"]), json: Json::Cell },
    Column { name: "access_level_name", header: "ACCESS LEVEL", about: "access level name ((default): the resource's default level)", default: true, fit: Fit::Text(6), get: access_level, json: Json::Cell },
    Column { name: "expires_in_seconds", header: "EXPIRES", about: "whole seconds until access ends, negative once it has (a table says: in 2h 5m, expired 3m ago)", default: true, fit: Fit::Whole(9), get: |r| match record::time(r, "expiration_date") { Cell::Time(t) => Cell::Until(t), _ => Cell::Null }, json: Json::Cell },
    Column { name: "key", header: "KEY", about: "RESOURCE_ID/CONNECTION_ID: what `opal show` takes", default: true, fit: Fit::Whole(5), get: session_key, json: Json::Cell },
    Column { name: "user_full_name", header: "NAME", about: "the user's full name", default: false, fit: Fit::Text(1), get: |r| record::text(r, "user_full_name"), json: Json::Field },
    Column { name: "user_id", header: "USER ID", about: "the user's id", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "user_id"), json: Json::Field },
    Column { name: "resource_id", header: "RESOURCE ID", about: "the resource's id", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "resource_id"), json: Json::Field },
    Column { name: "resource_type", header: "TYPE", about: "AWS_IAM_ROLE, GCP_PROJECT, ...", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "resource_type"), json: Json::Field },
    Column { name: "access_level_remote_id", header: "REMOTE ACCESS LEVEL", about: "access level remote id, e.g. an ARN", default: false, fit: Fit::Text(1), get: |r| record::text(r, "access_level.access_level_remote_id"), json: Json::Cell },
    Column { name: "expiration_date_utc", header: "EXPIRATION DATE", about: "when access ends (RFC 3339, UTC)", default: false, fit: Fit::Whole(1), get: |r| record::time(r, "expiration_date_utc"), json: Json::Field },
    Column { name: "connection_id", header: "CONNECTION ID", about: "the session's connection id", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "connection_id"), json: Json::Field },
    Column { name: "expiration_date", header: "EXPIRATION DATE (SENT)", about: "as Opal sends it (expiration_date_utc: RFC 3339, UTC)", default: false, fit: Fit::Whole(1), get: |r| record::time(r, "expiration_date"), json: Json::Field },
];

/// `RESOURCE_ID/CONNECTION_ID`, exactly as `show` takes it.
fn session_key(r: &Record) -> Cell {
    match (
        record::text(r, "resource_id"),
        record::text(r, "connection_id"),
    ) {
        (Cell::Text(resource), Cell::Text(connection)) => {
            Cell::Text(format!("{resource}/{connection}"))
        }
        _ => Cell::Null,
    }
}

fn first_text(r: &Record, keys: &[&str]) -> Cell {
    keys.iter()
        .map(|k| record::text(r, k))
        .find(|c| *c != Cell::Null && *c != Cell::Text(String::new()))
        .unwrap_or(Cell::Null)
}

/// The default access level has empty strings for both fields, and `access_level` may be
/// missing altogether (the spec's own example lacks it).
pub(super) fn access_level(r: &Record) -> Cell {
    match record::text(r, "access_level.access_level_name") {
        Cell::Text(s) if !s.is_empty() => Cell::Text(s),
        _ => Cell::Text("(default)".into()),
    }
}

/// Add the normalised expiration time beside the vendor's.
pub(super) fn normalize(r: &mut Record) {
    if let Some(t) = r.get("expiration_date").and_then(record::parse_time) {
        r.insert(
            "expiration_date_utc".into(),
            Value::String(record::iso_utc(t)),
        );
    }
}
