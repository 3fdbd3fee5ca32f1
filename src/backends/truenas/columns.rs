//! The columns of a TrueNAS session, readable `credentials_data`, and `created_at_utc`.
//! See docs/vendors/truenas.md.

use serde_json::Value;

use crate::record::{self, Cell, Column, Fit, Json, Record};

#[rustfmt::skip]
pub(super) static COLUMNS: &[Column] = &[
    Column { name: "key", header: "KEY", about: "the session id: what `auth show` and `auth close` take", default: true, fit: Fit::Key, get: |r| record::text(r, "id"), json: Json::Cell },
    Column { name: "current", header: "CURRENT", about: "this connection", default: true, fit: Fit::Whole(3), get: |r| record::boolean(r, "current"), json: Json::Field },
    Column { name: "internal", header: "INTERNAL", about: "root on the UNIX socket, or the HA peer", default: true, fit: Fit::Whole(2), get: |r| record::boolean(r, "internal"), json: Json::Field },
    Column { name: "origin", header: "ORIGIN", about: "ip:port, [v6]:port, or the UNIX socket's pid/uid/gid", default: true, fit: Fit::Text(7), get: |r| record::text(r, "origin"), json: Json::Field },
    Column { name: "credentials", header: "CREDENTIALS", about: "LOGIN_PASSWORD, API_KEY, TOKEN, UNIX_SOCKET, ... (unknown values kept)", default: true, fit: Fit::Whole(5), get: |r| record::text(r, "credentials"), json: Json::Field },
    Column { name: "credentials_summary", header: "CREDENTIALS DATA", about: "who: the user, the API key's name, or a token's parent credential", default: true, fit: Fit::Text(6), get: describe_credentials, json: Json::Cell },
    Column { name: "created_at_utc", header: "CREATED AT", about: "when the session began (ISO 8601, UTC)", default: true, fit: Fit::Whole(4), get: |r| record::time(r, "created_at_utc"), json: Json::Field },
    Column { name: "secure_transport", header: "SECURE", about: "TLS or the local socket (25.04+)", default: true, fit: Fit::Whole(1), get: |r| record::boolean(r, "secure_transport"), json: Json::Field },
    Column { name: "id", header: "ID", about: "session id (the same as key)", default: false, fit: Fit::Whole(1), get: |r| record::text(r, "id"), json: Json::Field },
    Column { name: "username", header: "USERNAME", about: "the user, also for tokens (from the parent credential)", default: false, fit: Fit::Text(1), get: |r| username(r.get("credentials_data")).map(Cell::Text).unwrap_or(Cell::Null), json: Json::Cell },
    Column { name: "credentials_data", header: "CREDENTIALS DATA (SENT)", about: "as TrueNAS sends it: an object (credentials_summary: readable)", default: false, fit: Fit::Text(1), get: |r| record::text(r, "credentials_data"), json: Json::Field },
    Column { name: "created_at", header: "CREATED AT (SENT)", about: "as TrueNAS sends it: {\"$date\": ms} (created_at_utc: ISO 8601)", default: false, fit: Fit::Whole(1), get: |r| record::time(r, "created_at"), json: Json::Field },
];

fn username(data: Option<&Value>) -> Option<String> {
    let data = data?;
    data.get("username")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .or_else(|| username(data.get("parent").and_then(|p| p.get("credentials_data"))))
}

/// `credentials_data` made readable, instead of the vendor CLI's `<dict>`:
/// `alice`, `alice (API key "rust-cli" #3)`, `token from LOGIN_PASSWORD alice`.
fn describe_credentials(r: &Record) -> Cell {
    fn describe(credentials: &str, data: &Value) -> String {
        let user = data.get("username").and_then(Value::as_str).unwrap_or("");
        if let Some(key) = data.get("api_key").filter(|k| k.is_object()) {
            let name = key.get("name").map(record::value_text).unwrap_or_default();
            let id = key.get("id").map(record::value_text).unwrap_or_default();
            return format!("{user} (API key \"{name}\" #{id})")
                .trim_start()
                .to_string();
        }
        if let Some(parent) = data.get("parent").filter(|p| p.is_object()) {
            let pc = parent
                .get("credentials")
                .and_then(Value::as_str)
                .unwrap_or("?");
            let inner = describe(pc, parent.get("credentials_data").unwrap_or(&Value::Null));
            return format!("token from {pc} {inner}").trim_end().to_string();
        }
        if user.is_empty() && credentials.is_empty() {
            return String::new();
        }
        user.to_string()
    }
    match r.get("credentials_data") {
        None | Some(Value::Null) => Cell::Null,
        Some(data) => {
            let cred = r.get("credentials").and_then(Value::as_str).unwrap_or("");
            let text = describe(cred, data);
            if text.is_empty() {
                Cell::Null
            } else {
                Cell::Text(text)
            }
        }
    }
}

/// Add `created_at_utc` beside the vendor's `created_at` (`{"$date": ms}` in every version,
/// though the schema says date-time; ISO strings are accepted too).
pub(super) fn normalize(mut r: Record) -> Record {
    if let Some(t) = r.get("created_at").and_then(record::parse_time) {
        r.insert("created_at_utc".into(), Value::String(record::iso_utc(t)));
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn credentials_data_is_readable() {
        let r = |v: Value| v.as_object().unwrap().clone();
        let key = r(
            json!({"credentials": "API_KEY", "credentials_data": {"username": "truenas_admin", "api_key": {"id": 3, "name": "rust-cli"}}}),
        );
        assert_eq!(
            describe_credentials(&key),
            Cell::Text("truenas_admin (API key \"rust-cli\" #3)".into())
        );
        let token = r(
            json!({"credentials": "TOKEN", "credentials_data": {"parent": {"credentials": "LOGIN_PASSWORD", "credentials_data": {"username": "alice"}}}}),
        );
        assert_eq!(
            describe_credentials(&token),
            Cell::Text("token from LOGIN_PASSWORD alice".into())
        );
        assert_eq!(
            username(token.get("credentials_data")).as_deref(),
            Some("alice")
        );
        let unknown = r(json!({"credentials": "TRUE_NAS_NODE", "credentials_data": {}}));
        assert_eq!(describe_credentials(&unknown), Cell::Null);
    }
}
