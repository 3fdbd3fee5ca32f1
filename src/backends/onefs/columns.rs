//! The columns of a OneFS session: its nine fields as the cluster sends them (durations in
//! seconds already), the node it lives on (v11), and the key. See docs/vendors/onefs.md.

use super::key::SessionKey;
use crate::record::{self, Cell, Column, Fit, Json, Record};

#[rustfmt::skip]
pub(super) static COLUMNS: &[Column] = &[
    Column { name: "computer", header: "COMPUTER", about: "the client's address, as OneFS reports it", default: true, fit: Fit::Text(8), get: |r| record::text(r, "computer"), json: Json::Field },
    Column { name: "user", header: "USER", about: "the user, as OneFS writes it (CORP\\alice)", default: true, fit: Fit::Text(9), get: |r| record::text(r, "user"), json: Json::Field },
    Column { name: "client_type", header: "CLIENT TYPE", about: "the client's type, as OneFS reports it", default: true, fit: Fit::Text(2), get: |r| record::text(r, "client_type"), json: Json::Field },
    Column { name: "openfiles", header: "OPEN FILES", about: "files the client has open", default: true, fit: Fit::Whole(5), get: |r| record::int(r, "openfiles"), json: Json::Field },
    Column { name: "active_time", header: "ACTIVE", about: "seconds since the session started", default: true, fit: Fit::Whole(4), get: |r| record::seconds(r, "active_time"), json: Json::Field },
    Column { name: "idle_time", header: "IDLE", about: "seconds since the client's last operation", default: true, fit: Fit::Whole(6), get: |r| record::seconds(r, "idle_time"), json: Json::Field },
    Column { name: "guest_login", header: "GUEST", about: "a guest login", default: true, fit: Fit::Whole(1), get: |r| record::boolean(r, "guest_login"), json: Json::Field },
    Column { name: "encryption", header: "ENCRYPTED", about: "SMB encryption in use", default: true, fit: Fit::Whole(3), get: |r| record::boolean(r, "encryption"), json: Json::Field },
    Column { name: "lnn", header: "NODE", about: "the node's logical number (LNN) the session lives on (v11; empty with v1)", default: true, fit: Fit::Whole(7), get: |r| record::int(r, "lnn"), json: Json::Field },
    Column { name: "key", header: "KEY", about: "LNN/ID (ID alone with v1): what `onefs show` and `onefs close` take", default: true, fit: Fit::Key, get: key, json: Json::Cell },
    Column { name: "id", header: "ID", about: "the session's id on its node", default: false, fit: Fit::Whole(1), get: |r| record::int(r, "id"), json: Json::Field },
];

/// `LNN/ID` (`ID` with v1), or empty when the session has no numeric id.
pub(super) fn key(r: &Record) -> Cell {
    match SessionKey::of(r) {
        Some(p) => Cell::Text(p.to_string()),
        None => Cell::Null,
    }
}
