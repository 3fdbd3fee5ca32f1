//! What a resource lookup gives: its name and type.

use serde_json::Value;

use crate::record::Record;

/// What a resource lookup gives us.
#[derive(Debug, Clone)]
pub(super) struct ResourceInfo {
    pub(super) name: Option<String>,
    pub(super) resource_type: Option<String>,
}

pub(super) fn resource_info(r: &Record) -> ResourceInfo {
    let s = |k: &str| {
        r.get(k)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    ResourceInfo {
        name: s("name").or_else(|| s("remote_resource_name")),
        resource_type: s("resource_type"),
    }
}
