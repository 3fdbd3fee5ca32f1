//! The common record: one schema for a session of any backend, as `all`, `--watch`,
//! `-o prometheus` and the exporter use it. Each backend maps its own records onto it
//! (`Backend::common`); the vendor record rides along whole in `raw`.

use serde_json::{Map, Value};
use time::OffsetDateTime;

use super::{iso_utc, Cell, Column, Fit, Json, Record};

/// What a backend says about one of its sessions, in the common terms. `None`/`Cell::Null`
/// where the vendor has no such thing (TrueNAS has no idle time, Opal no client address).
#[derive(Debug, Clone, Default)]
pub struct Common {
    /// The stable per-backend id: exactly what `show` and `close` take.
    pub key: Option<String>,
    pub user: Option<String>,
    pub client: Option<String>,
    pub server: Option<String>,
    pub protocol: Option<String>,
    pub started: Option<OffsetDateTime>,
    pub age_seconds: Option<f64>,
    pub idle_seconds: Option<f64>,
    pub encrypted: Option<bool>,
    /// Whatever else an operator would want on the same line, briefly.
    pub detail: Option<String>,
}

/// The field names, in record order.
pub(crate) const FIELDS: [&str; 13] = [
    "backend",
    "profile",
    "key",
    "user",
    "client",
    "server",
    "protocol",
    "started",
    "age_seconds",
    "idle_seconds",
    "encrypted",
    "detail",
    "raw",
];

/// A text value of a backend's column, `None` when empty.
pub(crate) fn text_of(cell: Cell) -> Option<String> {
    match cell {
        Cell::Null => None,
        other => Some(other.raw()).filter(|s| !s.is_empty()),
    }
}

/// The cell of a backend's column `name` (which must exist: a test checks every mapping).
pub(crate) fn column(all: &[Column], name: &str, rec: &Record) -> Cell {
    all.iter()
        .find(|c| c.name == name)
        .map_or(Cell::Null, |c| (c.get)(rec))
}

/// The parts of `detail` that are there, joined with `; `; `None` when none is.
pub(crate) fn join_detail(parts: impl IntoIterator<Item = Option<String>>) -> Option<String> {
    let parts: Vec<String> = parts.into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Seconds of a duration column, `None` when absent.
pub(crate) fn seconds_of(cell: Cell) -> Option<f64> {
    match cell {
        Cell::Duration(s) | Cell::Float(s) => Some(s),
        Cell::Int(n) => Some(n as f64),
        _ => None,
    }
}

/// The common record of one vendor record: `raw` is that record as `-o json` prints it.
/// A start time and an age each fill in the other, as of `now`.
pub(crate) fn to_record(
    backend: &str,
    profile: &str,
    c: Common,
    raw: Record,
    now: OffsetDateTime,
) -> Record {
    // An age beyond the calendar (a server's nonsense) gives no start rather than a panic.
    let started = c.started.or_else(|| {
        c.age_seconds
            .and_then(|a| time::Duration::checked_seconds_f64(a.max(0.0)))
            .and_then(|d| now.checked_sub(d))
    });
    let age = c
        .age_seconds
        .or_else(|| c.started.map(|s| (now - s).as_seconds_f64().max(0.0)));
    let text = |v: Option<String>| v.map(Value::String).unwrap_or(Value::Null);
    let secs = |v: Option<f64>| v.and_then(super::seconds_json).unwrap_or(Value::Null);
    let mut r = Map::with_capacity(FIELDS.len());
    r.insert("backend".into(), Value::String(backend.to_string()));
    r.insert("profile".into(), Value::String(profile.to_string()));
    r.insert("key".into(), text(c.key));
    r.insert("user".into(), text(c.user));
    r.insert("client".into(), text(c.client));
    r.insert("server".into(), text(c.server));
    r.insert("protocol".into(), text(c.protocol));
    r.insert("started".into(), text(started.map(iso_utc)));
    r.insert("age_seconds".into(), secs(age.map(f64::round)));
    r.insert("idle_seconds".into(), secs(c.idle_seconds.map(f64::round)));
    r.insert(
        "encrypted".into(),
        c.encrypted.map(Value::Bool).unwrap_or(Value::Null),
    );
    r.insert("detail".into(), text(c.detail));
    r.insert("raw".into(), Value::Object(raw));
    r
}

/// The columns of the common record: `all`'s table, `--columns` and `--sort`.
#[rustfmt::skip]
pub(crate) static COLUMNS: &[Column] = &[
    Column { name: "profile", header: "PROFILE", about: "the profile the session came from", default: true, fit: Fit::Whole(9), get: |r| super::text(r, "profile"), json: Json::Field },
    Column { name: "backend", header: "BACKEND", about: "smb, cifs, auth or opal", default: true, fit: Fit::Whole(2), get: |r| super::text(r, "backend"), json: Json::Field },
    Column { name: "key", header: "KEY", about: "the session's key: what `show` and `close` take", default: false, fit: Fit::Key, get: |r| super::text(r, "key"), json: Json::Field },
    Column { name: "user", header: "USER", about: "who: the user, domain-qualified where the vendor does", default: true, fit: Fit::Text(8), get: |r| super::text(r, "user"), json: Json::Field },
    Column { name: "client", header: "CLIENT", about: "where from: the client's address (or origin)", default: true, fit: Fit::Text(7), get: |r| super::text(r, "client"), json: Json::Field },
    Column { name: "server", header: "SERVER", about: "what it is connected to: the server address, or the resource", default: false, fit: Fit::Text(3), get: |r| super::text(r, "server"), json: Json::Field },
    Column { name: "protocol", header: "PROTOCOL", about: "smb, smb3_1, ...; the credential type on TrueNAS", default: true, fit: Fit::Whole(4), get: |r| super::text(r, "protocol"), json: Json::Field },
    Column { name: "started", header: "STARTED", about: "when the session began (RFC 3339, UTC)", default: false, fit: Fit::Whole(1), get: |r| super::time(r, "started"), json: Json::Field },
    Column { name: "age_seconds", header: "AGE", about: "time since the session began (seconds in plain/csv)", default: true, fit: Fit::Whole(6), get: |r| super::seconds(r, "age_seconds"), json: Json::Field },
    Column { name: "idle_seconds", header: "IDLE", about: "time since the last request (seconds in plain/csv)", default: true, fit: Fit::Whole(5), get: |r| super::seconds(r, "idle_seconds"), json: Json::Field },
    Column { name: "encrypted", header: "ENC", about: "traffic encrypted (SMB encryption, TLS)", default: true, fit: Fit::Whole(3), get: |r| super::boolean(r, "encrypted"), json: Json::Field },
    Column { name: "detail", header: "DETAIL", about: "the rest, briefly (shares, open files, access level, ...)", default: true, fit: Fit::Text(1), get: |r| super::text(r, "detail"), json: Json::Field },
];

/// `--watch`'s mark on a terminal: `+` appeared since the last tick, `-` ended.
pub(crate) static CHANGE: Column = Column {
    name: "change",
    header: "",
    about: "--watch: + appeared since the last tick, - ended",
    default: false,
    fit: Fit::Key,
    get: mark,
    json: Json::Cell,
};

/// The mark of `--watch`, blank (not `-`) on the rows without one.
fn mark(r: &Record) -> Cell {
    match super::text(r, "change") {
        Cell::Null => Cell::Text(String::new()),
        marked => marked,
    }
}

/// A gauge of its own that a backend adds to `-o prometheus` and the exporter: sessions
/// counted by some labels of its records (by protocol and encryption, by credential type).
pub struct Breakdown {
    pub metric: &'static str,
    pub help: &'static str,
    pub labels: &'static [&'static str],
    /// The label values of one record (the vendor's), in the order of `labels`.
    pub values: fn(&Record) -> Vec<String>,
}

impl Breakdown {
    /// `sessions_by_protocol{protocol, encryption}`, which the SMB backends share.
    pub const fn by_protocol(values: fn(&Record) -> Vec<String>) -> Breakdown {
        Breakdown {
            metric: "sessions_by_protocol",
            help: "Sessions by SMB protocol and encryption (SMB/CIFS backends).",
            labels: &["protocol", "encryption"],
            values,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmarked_rows_of_a_watch_are_blank() {
        let mut r = Record::new();
        assert_eq!((CHANGE.get)(&r), Cell::Text(String::new()));
        r.insert("change".into(), Value::from("+"));
        assert_eq!((CHANGE.get)(&r).display(), "+");
    }

    #[test]
    fn age_and_start_fill_in_each_other() {
        let now = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
        let aged = Common {
            age_seconds: Some(60.0),
            ..Common::default()
        };
        let r = to_record("smb", "p", aged, Record::new(), now);
        assert_eq!(r["started"], "2023-11-14T22:12:20+00:00");
        let started = Common {
            started: Some(now - time::Duration::seconds(90)),
            ..Common::default()
        };
        let r = to_record("auth", "p", started, Record::new(), now);
        assert_eq!(r["age_seconds"], 90);
        assert_eq!(r["idle_seconds"], Value::Null);
        let names: Vec<&String> = r.keys().collect();
        assert_eq!(names, FIELDS.iter().collect::<Vec<_>>());
        // An age beyond the calendar gives no start, and no panic.
        let ancient = Common {
            age_seconds: Some(1e300),
            ..Common::default()
        };
        let r = to_record("smb", "p", ancient, Record::new(), now);
        assert_eq!(r["started"], Value::Null);
    }
}
