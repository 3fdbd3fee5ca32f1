//! Names for the UUIDs: each distinct user and resource looked up once, concurrently.

use std::collections::{HashMap, HashSet};

use futures_util::stream::{self, StreamExt};
use serde_json::Value;

use super::connection::{Connection, CONCURRENCY};
use super::resource::{resource_info, ResourceInfo};
use crate::error::{ErrorKind, Result};
use crate::record::Record;
use crate::transport::http;

impl Connection {
    /// Resolve each distinct user and resource once, concurrently; a failed lookup leaves
    /// the UUID with a warning.
    pub(super) async fn enrich(
        &self,
        sessions: &mut [Record],
        resources: &mut HashMap<String, ResourceInfo>,
    ) {
        let ids = |key: &str| -> Vec<String> {
            let set: HashSet<&str> = sessions
                .iter()
                .filter_map(|r| r.get(key)?.as_str())
                .collect();
            let mut v: Vec<String> = set.into_iter().map(str::to_string).collect();
            v.sort();
            v
        };
        let missing_resources: Vec<String> = ids("resource_id")
            .into_iter()
            .filter(|id| !resources.contains_key(id))
            .collect();
        let user_ids = ids("user_id");
        enum Lookup {
            User(String, Result<Value>),
            Resource(String, Result<Value>),
        }
        let lookups = missing_resources
            .into_iter()
            .map(|id| (true, id))
            .chain(user_ids.into_iter().map(|id| (false, id)));
        let results: Vec<Lookup> = stream::iter(lookups)
            .map(|(is_resource, id)| async move {
                if is_resource {
                    let r = self
                        .get(
                            &format!("/resources/{}", http::encode(&id)),
                            &format!("resource {id}"),
                        )
                        .await;
                    Lookup::Resource(id, r)
                } else {
                    let r = self
                        .get(
                            &format!("/user?user_id={}", http::encode(&id)),
                            &format!("user {id}"),
                        )
                        .await;
                    Lookup::User(id, r)
                }
            })
            .buffer_unordered(CONCURRENCY)
            .collect()
            .await;
        let mut users: HashMap<String, (Option<String>, Option<String>)> = HashMap::new();
        for l in results {
            match l {
                Lookup::Resource(id, Ok(Value::Object(r))) => {
                    resources.insert(id, resource_info(&r));
                }
                Lookup::User(id, Ok(Value::Object(u))) => {
                    let s = |k: &str| {
                        u.get(k)
                            .and_then(Value::as_str)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string)
                    };
                    users.insert(id, (s("email"), s("full_name")));
                }
                Lookup::Resource(id, Err(e)) | Lookup::User(id, Err(e)) => {
                    if e.kind() == ErrorKind::BrokenPipe {
                        continue;
                    }
                    self.target.log.warn(&format!(
                        "{}: could not look up {id}: {e}; showing the id",
                        self.target.label()
                    ));
                }
                Lookup::Resource(id, Ok(_)) | Lookup::User(id, Ok(_)) => {
                    self.target.log.warn(&format!(
                        "{}: lookup of {id} answered with something other than an object",
                        self.target.label()
                    ));
                }
            }
        }
        for r in sessions.iter_mut() {
            let uid = r
                .get("user_id")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            if let Some((email, name)) = users.get(&uid) {
                if let Some(e) = email {
                    r.insert("user_email".into(), Value::String(e.clone()));
                }
                if let Some(n) = name {
                    r.insert("user_full_name".into(), Value::String(n.clone()));
                }
            }
            let rid = r
                .get("resource_id")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            if let Some(info) = resources.get(&rid) {
                if let Some(n) = &info.name {
                    r.insert("resource_name".into(), Value::String(n.clone()));
                }
                if let Some(t) = &info.resource_type {
                    r.insert("resource_type".into(), Value::String(t.clone()));
                }
            }
        }
    }
}
