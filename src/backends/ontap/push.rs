//! `--where` pushed into ONTAP's query parameters (docs/vendors/ontap.md, "Queries"): a
//! field's value matches case-insensitively with `*` as a wildcard, `|` (or) and a leading
//! `!`, `<`, `>` as operators; numbers and ISO-8601 durations compare as such. So a term
//! goes as `FIELD=VALUE` only where ONTAP's match holds every session the client's does.

use super::connection::CifsQuery;
use crate::select::push::{equal_bool, equal_ipv4, equal_text, number, seconds_bound, star_glob};
use crate::select::{Op, Selector, Term};

/// The ONTAP field behind a selector's field, and how it compares.
enum Kind {
    Text,
    Address,
    Int,
    Bool,
    /// ISO-8601 durations (`idle_duration`), compared as seconds.
    Duration,
}

fn field(name: &str) -> Option<(&'static str, Kind)> {
    Some(match name {
        "user" => ("user", Kind::Text),
        "client" | "client_ip" => ("client_ip", Kind::Address),
        "server" | "server_ip" => ("server_ip", Kind::Address),
        "protocol" => ("protocol", Kind::Text),
        "idle" | "idle_seconds" | "idle_duration_seconds" => ("idle_duration", Kind::Duration),
        "age" | "age_seconds" | "connected_duration_seconds" => {
            ("connected_duration", Kind::Duration)
        }
        "node.name" => ("node.name", Kind::Text),
        "svm.name" => ("svm.name", Kind::Text),
        "node.uuid" => ("node.uuid", Kind::Text),
        "svm.uuid" => ("svm.uuid", Kind::Text),
        "authentication" => ("authentication", Kind::Text),
        "mapped_unix_user" => ("mapped_unix_user", Kind::Text),
        "continuous_availability" => ("continuous_availability", Kind::Text),
        "smb_encryption" => ("smb_encryption", Kind::Text),
        "volumes.name" => ("volumes.name", Kind::Text),
        "identifier" => ("identifier", Kind::Int),
        "connection_id" => ("connection_id", Kind::Int),
        "open_files" => ("open_files", Kind::Int),
        "open_shares" => ("open_shares", Kind::Int),
        "open_other" => ("open_other", Kind::Int),
        "connection_count" => ("connection_count", Kind::Int),
        "smb_signing" => ("smb_signing", Kind::Bool),
        "large_mtu" => ("large_mtu", Kind::Bool),
        _ => return None,
    })
}

/// A value ONTAP would read as an operator, an alternative or null.
fn is_literal(v: &str) -> bool {
    !v.contains('|') && !v.starts_with(['!', '<', '>']) && !v.eq_ignore_ascii_case("null")
}

/// The query value for one term, if ONTAP can filter it.
fn value(t: &Term, kind: &Kind) -> Option<String> {
    match kind {
        Kind::Text => equal_text(t)
            .filter(|v| !v.contains('*'))
            .or_else(|| star_glob(t))
            .filter(|v| is_literal(v))
            .map(str::to_string),
        Kind::Address => equal_ipv4(t).map(str::to_string),
        Kind::Int => number(t).map(|(op, n)| format!("{}{n}", ontap_op(op))),
        Kind::Bool => equal_bool(t).map(|b| b.to_string()),
        Kind::Duration => seconds_bound(t).map(|(op, secs)| format!("{}PT{secs}S", ontap_op(op))),
    }
}

fn ontap_op(op: Op) -> &'static str {
    match op {
        Op::Lt => "<",
        Op::Le => "<=",
        Op::Gt => ">",
        Op::Ge => ">=",
        _ => "",
    }
}

/// Add to `query` the parameters for the terms ONTAP filters; a field the query already
/// filters (a flag, `--filter`) is left to the client. Returns them as sent.
pub(super) fn push(query: &mut CifsQuery, selector: &Selector) -> Vec<String> {
    let mut sent = Vec::new();
    for t in selector.terms() {
        let Some((name, kind)) = field(&t.field) else {
            continue;
        };
        if query.filters.iter().any(|(k, _)| k == name) {
            continue;
        }
        if let Some(v) = value(t, &kind) {
            sent.push(format!("{name}={v}"));
            query.filters.push((name.to_string(), v));
        }
    }
    sent
}
