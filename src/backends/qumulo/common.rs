//! A Qumulo SMB session in the common record's terms, and its gauge by protocol and
//! encryption. The mapping is documented in the README's table.

use super::columns::COLUMNS;
use crate::record::common::{column, join_detail, seconds_of, text_of, Breakdown, Common};
use crate::record::{self, Cell, Record};

pub(super) fn common(r: &Record) -> Common {
    let get = |name| column(COLUMNS, name, r);
    let shares = text_of(get("share_names")).map(|s| s.replace(',', ", "));
    let opens = text_of(get("num_opens"));
    let detail = [
        shares.map(|s| format!("shares {s}")),
        opens.map(|n| format!("{n} open")),
        (record::boolean(r, "is_guest") == Cell::Bool(true)).then(|| "guest".to_string()),
    ];
    Common {
        key: text_of(get("key")),
        user: text_of(get("identity")),
        client: text_of(get("originator")),
        server: text_of(get("server_address")),
        // Qumulo reports no dialect: every session is SMB.
        protocol: Some("smb".to_string()),
        started: None,
        age_seconds: seconds_of(get("time_open_seconds")),
        idle_seconds: seconds_of(get("time_idle_seconds")),
        encrypted: match get("is_encrypted") {
            Cell::Bool(b) => Some(b),
            _ => None,
        },
        detail: join_detail(detail),
    }
}

pub(super) static BREAKDOWNS: &[Breakdown] = &[Breakdown::by_protocol(|r| {
    let encryption = match record::boolean(r, "is_encrypted") {
        Cell::Bool(true) => "encrypted",
        Cell::Bool(false) => "unencrypted",
        _ => "unknown",
    };
    vec!["smb".to_string(), encryption.to_string()]
})];
