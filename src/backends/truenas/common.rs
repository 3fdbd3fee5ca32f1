//! A TrueNAS login session in the common record's terms, and its gauge by credential type.
//! The mapping is documented in the README's table.

use super::columns::COLUMNS;
use crate::record::common::{column, text_of, Breakdown, Common};
use crate::record::{self, Cell, Record};

pub(super) fn common(r: &Record) -> Common {
    let get = |name| column(COLUMNS, name, r);
    let flags = [
        (get("current") == Cell::Bool(true)).then_some("current"),
        (get("internal") == Cell::Bool(true)).then_some("internal"),
    ];
    let detail = text_of(get("credentials_summary"))
        .into_iter()
        .chain(flags.into_iter().flatten().map(str::to_string))
        .collect::<Vec<_>>()
        .join("; ");
    Common {
        key: text_of(get("key")),
        user: text_of(get("username")),
        client: text_of(get("origin")),
        server: None,
        // A login session has no wire protocol of its own: how it logged in stands in.
        protocol: text_of(get("credentials")),
        started: match get("created_at") {
            Cell::Time(t) => Some(t),
            _ => None,
        },
        age_seconds: None,
        idle_seconds: None,
        encrypted: match get("secure_transport") {
            Cell::Bool(b) => Some(b),
            _ => None,
        },
        detail: Some(detail).filter(|d| !d.is_empty()),
    }
}

pub(super) static BREAKDOWNS: &[Breakdown] = &[Breakdown {
    metric: "sessions_by_credential_type",
    help: "Sessions by credential type (TrueNAS: LOGIN_PASSWORD, API_KEY, TOKEN, ...).",
    labels: &["credential_type"],
    values: |r| vec![text_of(record::text(r, "credentials")).unwrap_or_else(|| "unknown".into())],
}];
