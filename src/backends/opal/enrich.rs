//! Names for the UUIDs: each distinct user and resource looked up once, concurrently. What a
//! lookup finds is added to the session, never put in place of what Opal sent in it: see
//! [`add`].

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
                add(r, "user_email", email);
                add(r, "user_full_name", name);
            }
            let rid = r
                .get("resource_id")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            if let Some(info) = resources.get(&rid) {
                add(r, "resource_name", &info.name);
                add(r, "resource_type", &info.resource_type);
            }
        }
    }
}

/// Add a looked-up value to a session: as `key` when the session has none; a value the
/// session carries itself is never replaced, and where the lookup says otherwise its value
/// is kept beside it, as `<key>_lookup`.
fn add(r: &mut Record, key: &str, found: &Option<String>) {
    let Some(found) = found else {
        return;
    };
    match r.get(key) {
        None | Some(Value::Null) => {
            r.insert(key.into(), Value::String(found.clone()));
        }
        Some(Value::String(own)) if own == found => {}
        Some(_) => {
            r.insert(format!("{key}_lookup"), Value::String(found.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_sessions_own_values_are_kept() {
        let mut r = json!({"resource_id": "r1", "resource_type": "AWS_IAM_ROLE"})
            .as_object()
            .unwrap()
            .clone();
        add(&mut r, "resource_type", &Some("GCP_PROJECT".into()));
        add(&mut r, "resource_name", &Some("prod".into()));
        add(&mut r, "user_email", &None);
        assert_eq!(
            Value::Object(r.clone()),
            json!({"resource_id": "r1", "resource_type": "AWS_IAM_ROLE",
                   "resource_type_lookup": "GCP_PROJECT", "resource_name": "prod"})
        );
        // The same value twice is said once.
        add(&mut r, "resource_name", &Some("prod".into()));
        assert!(!r.contains_key("resource_name_lookup"));
    }
}
