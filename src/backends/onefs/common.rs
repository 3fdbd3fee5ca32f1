//! A OneFS SMB session in the common record's terms, and its gauge by protocol and
//! encryption. The mapping is documented in the README's table.

use super::columns::COLUMNS;
use crate::record::common::{column, join_detail, seconds_of, text_of, Breakdown, Common};
use crate::record::{self, Cell, Record};

pub(super) fn common(r: &Record) -> Common {
    let get = |name| column(COLUMNS, name, r);
    let detail = [
        text_of(get("client_type")),
        text_of(get("openfiles")).map(|n| format!("{n} open")),
        (get("guest_login") == Cell::Bool(true)).then(|| "guest".to_string()),
    ];
    Common {
        key: text_of(get("key")),
        user: text_of(get("user")),
        client: text_of(get("computer")),
        server: text_of(get("lnn")).map(|n| format!("node {n}")),
        // OneFS reports no dialect: every session is SMB.
        protocol: Some("smb".to_string()),
        started: None,
        age_seconds: seconds_of(get("active_time")),
        idle_seconds: seconds_of(get("idle_time")),
        encrypted: match get("encryption") {
            Cell::Bool(b) => Some(b),
            _ => None,
        },
        detail: join_detail(detail),
    }
}

/// Sessions by encryption (OneFS has one protocol label: smb).
pub(super) static BREAKDOWNS: &[Breakdown] = &[Breakdown::by_protocol(|r| {
    let encryption = match record::boolean(r, "encryption") {
        Cell::Bool(true) => "encrypted",
        Cell::Bool(false) => "unencrypted",
        _ => "unknown",
    };
    vec!["smb".to_string(), encryption.to_string()]
})];
