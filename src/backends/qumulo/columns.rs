//! The columns of a Qumulo session, and the normalising of the vendor's quirks (numbers as
//! strings, durations as nanosecond strings). See docs/vendors/qumulo.md.

use serde_json::Value;

use crate::record::{self, coerce_int, Cell, Column, Fit, Json, Record};

/// Keys we add beside the vendor's durations: the normalised form, in whole seconds.
pub(super) const ADDED_KEYS: [&str; 2] = ["time_open_seconds", "time_idle_seconds"];

#[rustfmt::skip]
pub(super) static COLUMNS: &[Column] = &[
    Column { name: "identity", header: "USER", about: "the user, domain-qualified as --identity takes it (CORP\\alice, local:admin, uid:1001)", default: true, fit: Fit::Text(9), get: qualified_user, json: Json::Cell },
    Column { name: "originator", header: "CLIENT", about: "client IP address", default: true, fit: Fit::Whole(8), get: |r| record::text(r, "originator"), json: Json::Field },
    Column { name: "server_address", header: "SERVER", about: "cluster address the client connected to", default: true, fit: Fit::Whole(3), get: |r| record::text(r, "server_address"), json: Json::Field },
    Column { name: "share_names", header: "SHARES", about: "shares the session has open", default: true, fit: Fit::Text(5), get: |r| record::list(r, "share_names"), json: Json::Field },
    Column { name: "num_opens", header: "OPENS", about: "open files", default: true, fit: Fit::Whole(2), get: |r| record::int(r, "num_opens"), json: Json::Field },
    Column { name: "time_open_seconds", header: "OPEN FOR", about: "time since the session started, in whole seconds", default: true, fit: Fit::Whole(4), get: |r| added_or_nanos(r, 0, "time_open"), json: Json::Field },
    Column { name: "time_idle_seconds", header: "IDLE", about: "time since the last request, in whole seconds", default: true, fit: Fit::Whole(6), get: |r| added_or_nanos(r, 1, "time_idle"), json: Json::Field },
    Column { name: "is_guest", header: "GUEST", about: "guest session", default: true, fit: Fit::Whole(1), get: |r| record::boolean(r, "is_guest"), json: Json::Field },
    Column { name: "is_encrypted", header: "ENCRYPTED", about: "SMB encryption in use", default: true, fit: Fit::Whole(1), get: |r| record::boolean(r, "is_encrypted"), json: Json::Field },
    Column { name: "key", header: "KEY", about: "the session's location handle: what `smb show` and `smb close` take", default: true, fit: Fit::Key, get: |r| record::text(r, "location"), json: Json::Cell },
    Column { name: "location", header: "LOCATION", about: "session handle (the same as key)", default: false, fit: Fit::Whole(7), get: |r| record::text(r, "location"), json: Json::Field },
    Column { name: "user.name", header: "NAME", about: "user name as the cluster reports it", default: false, fit: Fit::Text(1), get: |r| record::text(r, "user.name"), json: Json::Field },
    Column { name: "user.domain", header: "DOMAIN", about: "identity domain (LOCAL, ACTIVE_DIRECTORY, POSIX_USER, WORLD, ...)", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "user.domain"), json: Json::Field },
    Column { name: "user.sid", header: "SID", about: "Windows SID", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "user.sid"), json: Json::Field },
    Column { name: "user.uid", header: "UID", about: "POSIX uid", default: false, fit: Fit::Whole(1), get: |r| record::int(r, "user.uid"), json: Json::Field },
    Column { name: "user.gid", header: "GID", about: "POSIX gid", default: false, fit: Fit::Whole(1), get: |r| record::int(r, "user.gid"), json: Json::Field },
    Column { name: "user.auth_id", header: "AUTH ID", about: "Qumulo auth_id", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "user.auth_id"), json: Json::Field },
    Column { name: "tenant_id", header: "TENANT", about: "tenant id", default: false, fit: Fit::Whole(1), get: |r| record::int(r, "tenant_id"), json: Json::Field },
    Column { name: "time_open", header: "TIME OPEN", about: "as the cluster sends it: {\"nanoseconds\": \"...\"} (time_open_seconds: whole seconds)", default: false, fit: Fit::Whole(1), get: |r| nanos(r, "time_open"), json: Json::Field },
    Column { name: "time_idle", header: "TIME IDLE", about: "as the cluster sends it: {\"nanoseconds\": \"...\"} (time_idle_seconds: whole seconds)", default: false, fit: Fit::Whole(1), get: |r| nanos(r, "time_idle"), json: Json::Field },
];

/// `CORP\alice`, `local:admin`, `uid:1001`, `world:Everyone`: the forms `--identity` accepts.
pub(super) fn qualified_user(r: &Record) -> Cell {
    let get = |k: &str| {
        record::path(r, k)
            .map(record::value_text)
            .filter(|s| !s.is_empty())
    };
    let domain = get("user.domain").unwrap_or_default();
    let name = get("user.name");
    let shown = match (domain.as_str(), name) {
        (_, Some(n)) if n.contains('\\') => n,
        ("ACTIVE_DIRECTORY", Some(n)) => format!("ad:{n}"),
        ("LOCAL", Some(n)) => format!("local:{n}"),
        ("WORLD", Some(n)) => format!("world:{n}"),
        ("POSIX_USER", Some(n)) => format!("ldap_user:{n}"),
        ("POSIX_USER", None) => match get("user.uid") {
            Some(uid) => format!("uid:{uid}"),
            None => return Cell::Null,
        },
        (_, Some(n)) => n,
        (_, None) => {
            match get("user.sid").or_else(|| get("user.auth_id").map(|a| format!("auth_id:{a}"))) {
                Some(s) => s,
                None => return Cell::Null,
            }
        }
    };
    Cell::Text(shown)
}

/// `{"nanoseconds": "3723000000000"}`: a decimal string, sometimes a number.
pub(super) fn nanos(r: &Record, key: &str) -> Cell {
    match record::path(r, key)
        .and_then(|v| v.get("nanoseconds"))
        .and_then(record::as_i128)
    {
        Some(ns) => Cell::Duration(ns as f64 / 1e9),
        None => Cell::Null,
    }
}

/// The seconds `normalize` added, or, on a session as the cluster sent it (what `close`
/// shows and sends back untouched), the vendor's nanoseconds.
fn added_or_nanos(r: &Record, added: usize, vendor: &str) -> Cell {
    match record::seconds(r, ADDED_KEYS[added]) {
        Cell::Null => nanos(r, vendor),
        seconds => seconds,
    }
}

/// Coerce documented numbers that arrive as strings, and add seconds beside each duration.
pub(super) fn normalize(mut r: Record) -> Record {
    coerce_int(&mut r, "tenant_id");
    coerce_int(&mut r, "num_opens");
    if let Some(Value::Object(user)) = r.get_mut("user") {
        coerce_int(user, "uid");
        coerce_int(user, "gid");
    }
    for (key, added) in [("time_open", ADDED_KEYS[0]), ("time_idle", ADDED_KEYS[1])] {
        if let Cell::Duration(secs) = nanos(&r, key) {
            if let Some(n) = record::seconds_json(secs) {
                r.insert(added.to_string(), n);
            }
        }
    }
    r
}
