//! An Opal access session in the common record's terms, and its gauge by access level.
//! The mapping is documented in the README's table.

use super::columns::{access_level, COLUMNS};
use crate::record::common::{column, join_detail, text_of, Breakdown, Common};
use crate::record::Record;

pub(super) fn common(r: &Record) -> Common {
    let get = |name| column(COLUMNS, name, r);
    // The absolute time, so that a watch does not see the session change every tick.
    let expires = text_of(get("expiration_date"));
    let detail = [
        text_of(access_level(r)).map(|a| format!("access {a}")),
        expires.map(|e| format!("until {e}")),
    ];
    Common {
        key: text_of(get("key")),
        user: text_of(get("user")),
        client: None,
        server: text_of(get("resource")),
        protocol: None,
        started: None,
        age_seconds: None,
        idle_seconds: None,
        encrypted: None,
        detail: join_detail(detail),
    }
}

pub(super) static BREAKDOWNS: &[Breakdown] = &[Breakdown {
    metric: "sessions_by_access_level",
    help: "Sessions by access level (Opal; \"(default)\" for the resource's default level).",
    labels: &["access_level"],
    values: |r| vec![text_of(access_level(r)).unwrap_or_default()],
}];
