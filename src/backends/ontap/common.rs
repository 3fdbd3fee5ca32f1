//! An ONTAP CIFS session in the common record's terms, and its gauge by protocol and
//! encryption. The mapping is documented in the README's table.

use super::columns::COLUMNS;
use crate::record::common::{column, join_detail, seconds_of, text_of, Breakdown, Common};
use crate::record::{self, Record};

pub(super) fn common(r: &Record) -> Common {
    let get = |name| column(COLUMNS, name, r);
    let detail = [
        text_of(get("svm.name")).map(|s| format!("svm {s}")),
        text_of(get("node.name")).map(|s| format!("node {s}")),
        text_of(get("open_files")).map(|n| format!("{n} open")),
        text_of(get("smb_encryption"))
            .filter(|e| e == "partially_encrypted")
            .map(|_| "partially encrypted".to_string()),
    ];
    Common {
        key: text_of(get("key")),
        user: text_of(get("user")),
        client: text_of(get("client_ip")),
        server: text_of(get("server_ip")),
        protocol: text_of(get("protocol")),
        started: None,
        age_seconds: seconds_of(get("connected_duration_seconds")),
        idle_seconds: seconds_of(get("idle_duration_seconds")),
        encrypted: text_of(get("smb_encryption")).and_then(|e| match e.as_str() {
            "encrypted" => Some(true),
            "unencrypted" | "partially_encrypted" => Some(false),
            _ => None,
        }),
        detail: join_detail(detail),
    }
}

pub(super) static BREAKDOWNS: &[Breakdown] = &[Breakdown::by_protocol(|r| {
    let text = |k| text_of(record::text(r, k)).unwrap_or_else(|| "unknown".to_string());
    vec![text("protocol"), text("smb_encryption")]
})];
