//! The columns of an ONTAP CIFS session, the `fields=` each one reads, and the normalising of
//! the documented type quirks. See docs/vendors/ontap.md.

use serde_json::Value;

use crate::record::{self, coerce_bool, coerce_int, Cell, Column, Fit, Json, Record};

#[rustfmt::skip]
pub(super) static COLUMNS: &[Column] = &[
    Column { name: "node.name", header: "NODE", about: "node name", default: true, fit: Fit::Whole(6), get: |r| record::text(r, "node.name"), json: Json::Field },
    Column { name: "svm.name", header: "VSERVER", about: "SVM name", default: true, fit: Fit::Whole(7), get: |r| record::text(r, "svm.name"), json: Json::Field },
    Column { name: "connection_id", header: "CONNECTION ID", about: "SMB connection id (u32; part of key)", default: true, fit: Fit::Whole(1), get: |r| record::int(r, "connection_id"), json: Json::Field },
    Column { name: "identifier", header: "SESSION ID", about: "SMB session id (u64, exact; part of key)", default: true, fit: Fit::Whole(1), get: |r| record::int(r, "identifier"), json: Json::Field },
    Column { name: "client_ip", header: "WORKSTATION", about: "client IP address", default: true, fit: Fit::Whole(8), get: |r| record::text(r, "client_ip"), json: Json::Field },
    Column { name: "user", header: "WINDOWS USER", about: "Windows user, e.g. CORP\\alice", default: true, fit: Fit::Text(9), get: |r| record::text(r, "user"), json: Json::Field },
    Column { name: "open_files", header: "OPEN FILES", about: "files open", default: true, fit: Fit::Whole(3), get: |r| record::int(r, "open_files"), json: Json::Field },
    Column { name: "idle_duration_seconds", header: "IDLE TIME", about: "time since the last request, in whole seconds", default: true, fit: Fit::Whole(4), get: |r| record::seconds(r, "idle_duration_seconds"), json: Json::Field },
    Column { name: "key", header: "KEY", about: "NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID: what `cifs show` and `cifs close` take", default: true, fit: Fit::Whole(2), get: session_key, json: Json::Cell },
    Column { name: "server_ip", header: "LIF ADDRESS", about: "the SVM's address the client connected to", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "server_ip"), json: Json::Field },
    Column { name: "authentication", header: "AUTH", about: "none, ntlmv1, ntlmv2, kerberos, anonymous", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "authentication"), json: Json::Field },
    Column { name: "mapped_unix_user", header: "UNIX USER", about: "mapped UNIX user", default: false, fit: Fit::Text(1), get: |r| record::text(r, "mapped_unix_user"), json: Json::Field },
    Column { name: "open_shares", header: "OPEN SHARES", about: "shares open", default: false, fit: Fit::Whole(1), get: |r| record::int(r, "open_shares"), json: Json::Field },
    Column { name: "open_other", header: "OPEN OTHER", about: "other opens", default: false, fit: Fit::Whole(1), get: |r| record::int(r, "open_other"), json: Json::Field },
    Column { name: "connected_duration_seconds", header: "CONNECTED TIME", about: "time since the session started, in whole seconds", default: false, fit: Fit::Whole(1), get: |r| record::seconds(r, "connected_duration_seconds"), json: Json::Field },
    Column { name: "protocol", header: "PROTOCOL", about: "smb1, smb2, smb2_1, smb3, smb3_1", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "protocol"), json: Json::Field },
    Column { name: "continuous_availability", header: "CONT. AVAILABLE", about: "continuous availability", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "continuous_availability"), json: Json::Field },
    Column { name: "smb_signing", header: "SIGNED", about: "SMB signing in use", default: false, fit: Fit::Whole(1), get: |r| record::boolean(r, "smb_signing"), json: Json::Field },
    Column { name: "smb_encryption", header: "ENCRYPTION", about: "unencrypted, encrypted, partially_encrypted", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "smb_encryption"), json: Json::Field },
    Column { name: "large_mtu", header: "LARGE MTU", about: "large MTU enabled", default: false, fit: Fit::Whole(1), get: |r| record::boolean(r, "large_mtu"), json: Json::Field },
    Column { name: "volumes.name", header: "VOLUMES", about: "volumes the client is using", default: false, fit: Fit::Text(1), get: volume_names, json: Json::Field },
    Column { name: "connection_count", header: "CONNECTIONS", about: "connection count", default: false, fit: Fit::Whole(1), get: |r| record::int(r, "connection_count"), json: Json::Field },
    Column { name: "node.uuid", header: "NODE UUID", about: "node UUID", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "node.uuid"), json: Json::Field },
    Column { name: "svm.uuid", header: "SVM UUID", about: "SVM UUID", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "svm.uuid"), json: Json::Field },
    Column { name: "idle_duration", header: "IDLE DURATION", about: "as ONTAP sends it: ISO 8601, e.g. PT3M16S (idle_duration_seconds: whole seconds)", default: false, fit: Fit::Whole(1), get: |r| iso_duration(r, "idle_duration"), json: Json::Field },
    Column { name: "connected_duration", header: "CONNECTED DURATION", about: "as ONTAP sends it: ISO 8601 (connected_duration_seconds: whole seconds)", default: false, fit: Fit::Whole(1), get: |r| iso_duration(r, "connected_duration"), json: Json::Field },
];

/// The ONTAP fields each column reads (for `fields=`). Keys (node, svm, identifier,
/// connection_id) always come back, but asking for them costs nothing and reads plainly.
fn fields_of(column: &str) -> Vec<&str> {
    match column {
        "key" => vec!["node.uuid", "svm.uuid", "identifier", "connection_id"],
        // The seconds we add beside ONTAP's durations.
        "idle_duration_seconds" => vec!["idle_duration"],
        "connected_duration_seconds" => vec!["connected_duration"],
        other => vec![other],
    }
}

/// `NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID`, exactly as `show` and `close` take it.
fn session_key(r: &Record) -> Cell {
    let parts = [
        record::text(r, "node.uuid"),
        record::text(r, "svm.uuid"),
        record::int(r, "identifier"),
        record::int(r, "connection_id"),
    ];
    if parts.contains(&Cell::Null) {
        return Cell::Null;
    }
    Cell::Text(parts.iter().map(Cell::raw).collect::<Vec<_>>().join("/"))
}

/// The `fields` parameter for the columns an output reads; `**` for whole records.
pub(super) fn fields_param(columns: Option<&[&str]>) -> String {
    match columns {
        None => "**".to_string(),
        Some(cols) => {
            let mut fields: Vec<&str> = Vec::new();
            for f in cols.iter().flat_map(|c| fields_of(c)) {
                if !fields.contains(&f) {
                    fields.push(f);
                }
            }
            fields.join(",")
        }
    }
}

fn iso_duration(r: &Record, key: &str) -> Cell {
    match record::path(r, key) {
        Some(v) => match duration_seconds(v) {
            Some(secs) => Cell::Duration(secs),
            None => match v {
                Value::String(s) => Cell::Text(s.clone()),
                _ => Cell::Null,
            },
        },
        None => Cell::Null,
    }
}

/// The seconds of a duration: ISO-8601 text as documented, or a bare number of seconds.
pub(super) fn duration_seconds(v: &Value) -> Option<f64> {
    match v {
        Value::String(s) => crate::record::duration::parse_iso8601(s),
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

fn volume_names(r: &Record) -> Cell {
    match r.get("volumes") {
        Some(Value::Array(vols)) => Cell::List(
            vols.iter()
                .map(|v| {
                    v.get("name")
                        .map(record::value_text)
                        .unwrap_or_else(|| record::value_text(v))
                })
                .collect(),
        ),
        _ => Cell::Null,
    }
}

/// The documented integers, which ONTAP sometimes sends as decimal strings.
pub(super) const INT_KEYS: [&str; 6] = [
    "identifier",
    "connection_id",
    "connection_count",
    "open_files",
    "open_other",
    "open_shares",
];

/// The fields `normalize` may change: the integers, two booleans, two ISO-8601 durations.
pub(super) const TYPED: [&str; 10] = [
    INT_KEYS[0],
    INT_KEYS[1],
    INT_KEYS[2],
    INT_KEYS[3],
    INT_KEYS[4],
    INT_KEYS[5],
    "large_mtu",
    "smb_signing",
    "idle_duration",
    "connected_duration",
];

/// Coerce documented types (numbers sent as strings, `large_mtu: 1`, `smb_signing: ""`) and
/// add seconds beside each ISO-8601 duration.
pub(super) fn normalize(mut r: Record) -> Record {
    for key in INT_KEYS {
        coerce_int(&mut r, key);
    }
    for key in &TYPED[6..8] {
        coerce_bool(&mut r, key);
    }
    for key in &TYPED[8..] {
        if let Cell::Duration(secs) = iso_duration(&r, key) {
            if let Some(n) = record::seconds_json(secs) {
                r.insert(format!("{key}_seconds"), n);
            }
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_follow_columns() {
        assert_eq!(fields_param(None), "**");
        assert_eq!(
            fields_param(Some(&["node.name", "user", "volumes.name", "node.name"])),
            "node.name,user,volumes.name"
        );
        assert_eq!(
            fields_param(Some(&["idle_duration_seconds", "idle_duration", "key"])),
            "idle_duration,node.uuid,svm.uuid,identifier,connection_id"
        );
    }
}
