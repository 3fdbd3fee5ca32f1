//! What ONTAP's CIFS sessions API shares among its parts: the collection's path, a
//! session's key, and the vendor's error shape.

use serde_json::{json, Value};

use crate::server::SimResponse;

pub(super) const COLLECTION: &str = "/api/protocols/cifs/sessions";

/// (node.uuid, svm.uuid, identifier, connection_id).
pub(super) type Key = (String, String, u64, u64);

pub(super) fn key_of(v: &Value) -> Key {
    (
        v["node"]["uuid"].as_str().unwrap_or("").to_string(),
        v["svm"]["uuid"].as_str().unwrap_or("").to_string(),
        v["identifier"].as_u64().unwrap_or(0),
        v["connection_id"].as_u64().unwrap_or(0),
    )
}

pub(super) fn error(status: u16, code: &str, message: &str, target: Option<&str>) -> SimResponse {
    let mut e = json!({ "message": message, "code": code });
    if let Some(t) = target {
        e["target"] = Value::String(t.to_string());
    }
    SimResponse::json(status, &json!({ "error": e }))
}
