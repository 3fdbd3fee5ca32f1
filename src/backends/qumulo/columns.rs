//! The columns of a Qumulo session, and the normalising of the vendor's quirks (numbers as
//! strings, durations as nanosecond strings). See docs/vendors/qumulo.md.

use serde_json::Value;

use crate::record::{self, coerce_int, Cell, Column, Fit, Record};

/// Keys we add beside the vendor's durations: the normalised form, in seconds.
pub const ADDED_KEYS: [&str; 2] = ["time_open_seconds", "time_idle_seconds"];

#[rustfmt::skip]
pub static COLUMNS: &[Column] = &[
    Column { name: "user", header: "USER", about: "user, domain-qualified as --identity takes it (CORP\\alice, local:admin, uid:1001)", default: true, fit: Fit::Text(9), get: qualified_user },
    Column { name: "originator", header: "CLIENT", about: "client IP address", default: true, fit: Fit::Whole(8), get: |r| record::text(r, "originator") },
    Column { name: "server_address", header: "SERVER", about: "cluster address the client connected to", default: true, fit: Fit::Whole(3), get: |r| record::text(r, "server_address") },
    Column { name: "share_names", header: "SHARES", about: "shares the session has open", default: true, fit: Fit::Text(5), get: |r| record::list(r, "share_names") },
    Column { name: "num_opens", header: "OPENS", about: "open files", default: true, fit: Fit::Whole(2), get: |r| record::int(r, "num_opens") },
    Column { name: "time_open", header: "OPEN FOR", about: "time since the session started (seconds in plain/csv)", default: true, fit: Fit::Whole(4), get: |r| nanos(r, "time_open") },
    Column { name: "time_idle", header: "IDLE", about: "time since the last request (seconds in plain/csv)", default: true, fit: Fit::Whole(6), get: |r| nanos(r, "time_idle") },
    Column { name: "is_guest", header: "GUEST", about: "guest session", default: true, fit: Fit::Whole(1), get: |r| record::boolean(r, "is_guest") },
    Column { name: "is_encrypted", header: "ENCRYPTED", about: "SMB encryption in use", default: true, fit: Fit::Whole(1), get: |r| record::boolean(r, "is_encrypted") },
    Column { name: "key", header: "KEY", about: "the session's location handle: what `smb show` and `smb close` take", default: true, fit: Fit::Key, get: |r| record::text(r, "location") },
    Column { name: "location", header: "LOCATION", about: "session handle (the same as key)", default: false, fit: Fit::Whole(7), get: |r| record::text(r, "location") },
    Column { name: "user.name", header: "NAME", about: "user name as the cluster reports it", default: false, fit: Fit::Text(1), get: |r| record::text(r, "user.name") },
    Column { name: "user.domain", header: "DOMAIN", about: "identity domain (LOCAL, ACTIVE_DIRECTORY, POSIX_USER, WORLD, ...)", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "user.domain") },
    Column { name: "user.sid", header: "SID", about: "Windows SID", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "user.sid") },
    Column { name: "user.uid", header: "UID", about: "POSIX uid", default: false, fit: Fit::Whole(1), get: |r| record::int(r, "user.uid") },
    Column { name: "user.gid", header: "GID", about: "POSIX gid", default: false, fit: Fit::Whole(1), get: |r| record::int(r, "user.gid") },
    Column { name: "user.auth_id", header: "AUTH ID", about: "Qumulo auth_id", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "user.auth_id") },
    Column { name: "tenant_id", header: "TENANT", about: "tenant id", default: false, fit: Fit::Whole(1), get: |r| record::int(r, "tenant_id") },
];

/// `CORP\alice`, `local:admin`, `uid:1001`, `world:Everyone`: the forms `--identity` accepts.
pub fn qualified_user(r: &Record) -> Cell {
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
pub fn nanos(r: &Record, key: &str) -> Cell {
    match record::path(r, key)
        .and_then(|v| v.get("nanoseconds"))
        .and_then(record::as_i128)
    {
        Some(ns) => Cell::Duration(ns as f64 / 1e9),
        None => Cell::Null,
    }
}

/// Coerce documented numbers that arrive as strings, and add seconds beside each duration.
pub fn normalize(mut r: Record) -> Record {
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
