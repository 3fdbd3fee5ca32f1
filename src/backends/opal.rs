//! Opal access sessions: `GET /sessions` per resource, fanned out over resources, with user
//! and resource names looked up once each, all within one client-side rate limit.
//! Vendor behaviour and traps: ../shared/docs/apis/opal.md and ../shared/specs/opal-openapi.yaml.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use futures_util::stream::{self, StreamExt, TryStreamExt};
use reqwest::Method;
use serde_json::Value;

use crate::config::Target;
use crate::error::{Error, ErrorKind, Result};
use crate::paginate::Flow;
use crate::paginate::{paginate, Page};
use crate::record::{self, Cell, Column, Record};
use crate::transport::http::{self, Client, RateLimiter, Response, RetryPolicy};

/// Under Opal's organisation-wide 100 requests/s.
pub const DEFAULT_RATE: f64 = 50.0;
/// Requests in flight at once; the rate limiter, not this, sets the pace.
const CONCURRENCY: usize = 16;
/// `GET /resources` page size (the API's maximum).
const RESOURCES_PAGE: u32 = 1000;

#[rustfmt::skip]
pub static COLUMNS: &[Column] = &[
    Column { name: "user", header: "USER", about: "the user's email (the UUID when unknown)", default: true, get: |r| first_text(r, &["user_email", "user_id"]) },
    Column { name: "resource", header: "RESOURCE", about: "the resource's name (the UUID when unknown)", default: true, get: |r| first_text(r, &["resource_name", "resource_id"]) },
    Column { name: "access_level", header: "ACCESS LEVEL", about: "access level name (empty: the default level)", default: true, get: access_level },
    Column { name: "expires", header: "EXPIRES", about: "relative: in 2h 5m, expired 3m ago (seconds left in plain/csv)", default: true, get: |r| match record::time(r, "expiration_date") { Cell::Time(t) => Cell::Until(t), other => other } },
    Column { name: "user_full_name", header: "NAME", about: "the user's full name", default: false, get: |r| record::text(r, "user_full_name") },
    Column { name: "user_id", header: "USER ID", about: "the user's id", default: false, get: |r| record::text(r, "user_id") },
    Column { name: "resource_id", header: "RESOURCE ID", about: "the resource's id", default: false, get: |r| record::text(r, "resource_id") },
    Column { name: "resource_type", header: "TYPE", about: "AWS_IAM_ROLE, GCP_PROJECT, ...", default: false, get: |r| record::text(r, "resource_type") },
    Column { name: "access_level_remote_id", header: "REMOTE ACCESS LEVEL", about: "access level remote id, e.g. an ARN", default: false, get: |r| record::text(r, "access_level.access_level_remote_id") },
    Column { name: "expiration_date", header: "EXPIRATION DATE", about: "when access ends (RFC 3339, UTC)", default: false, get: |r| record::time(r, "expiration_date") },
    Column { name: "connection_id", header: "CONNECTION ID", about: "the session's connection id", default: false, get: |r| record::text(r, "connection_id") },
];

fn first_text(r: &Record, keys: &[&str]) -> Cell {
    keys.iter()
        .map(|k| record::text(r, k))
        .find(|c| *c != Cell::Null && *c != Cell::Text(String::new()))
        .unwrap_or(Cell::Null)
}

/// The default access level has empty strings for both fields, and `access_level` may be
/// missing altogether (the spec's own example lacks it).
fn access_level(r: &Record) -> Cell {
    match record::text(r, "access_level.access_level_name") {
        Cell::Text(s) if !s.is_empty() => Cell::Text(s),
        _ => Cell::Text("(default)".into()),
    }
}

/// What `sessions opal` asks for.
#[derive(Debug, Clone, Default)]
pub struct OpalQuery {
    pub resource_ids: Vec<String>,
    pub user_id: Option<String>,
    pub all_resources: bool,
    pub resource_type: Option<String>,
    pub enrich: bool,
    pub expiring_within: Option<Duration>,
}

/// `Opal: HTTP 404 Not Found: <body>`: the spec defines no error schema.
fn vendor_error(resp: &Response, what: &str) -> Error {
    let text = format!(
        "Opal: {what}: HTTP {}: {}",
        resp.status,
        resp.body_excerpt()
    );
    if resp.status.as_u16() == 422 {
        return Error::usage(format!(
            "{text} (check --resource-id: it must be an existing resource's UUID)"
        ));
    }
    http::status_error(resp.status, text)
}

pub struct Opal {
    client: Client,
    target: Target,
    token: String,
}

/// What a resource lookup gives us.
#[derive(Debug, Clone)]
struct ResourceInfo {
    name: Option<String>,
    resource_type: Option<String>,
}

impl Opal {
    pub fn connect(target: &Target) -> Result<Opal> {
        let token = match &target.token {
            Some(t) => t.expose().to_string(),
            // The vendor's Terraform provider reads the same variable.
            None => std::env::var("OPAL_AUTH_TOKEN").ok().filter(|t| !t.is_empty()).ok_or_else(|| {
                Error::usage("the profile names no token (token_env, token_command, token_file or token) and OPAL_AUTH_TOKEN is not set")
            })?,
        };
        let mut client = Client::for_target(target)?;
        // Back off as the vendor's SDK does: 1 s, x1.5, each wait at most 60 s.
        client.retry = RetryPolicy {
            max_retries: 12,
            initial: Duration::from_secs(1),
            factor: 1.5,
            max_wait: Duration::from_secs(60),
            deadline: Duration::from_secs(120),
        };
        client.limiter = Some(Arc::new(RateLimiter::per_second(
            target.rate_limit.unwrap_or(DEFAULT_RATE),
        )));
        Ok(Opal {
            client,
            target: target.clone(),
            token,
        })
    }

    async fn get(&self, path_and_query: &str, what: &str) -> Result<Value> {
        let url = http::join(&self.target.url, path_and_query)?;
        let resp = self
            .client
            .send(
                self.client
                    .request(Method::GET, url)
                    .bearer_auth(&self.token),
            )
            .await?;
        if !resp.status.is_success() {
            return Err(vendor_error(&resp, what));
        }
        serde_json::from_slice(&resp.body).map_err(|e| {
            Error::server(format!(
                "Opal: {what}: invalid JSON: {e} (body: {})",
                resp.body_excerpt()
            ))
        })
    }

    /// Every page of a cursor-paged list (`{next, results}`), through the one pagination loop.
    async fn collect_pages(
        &self,
        path: &str,
        what: &str,
        mut sink: impl FnMut(Vec<Record>) -> Result<Flow>,
    ) -> Result<()> {
        let sep = if path.contains('?') { '&' } else { '?' };
        paginate(
            String::new(),
            self.target.max_pages,
            |cursor: String| async move {
                let url = if cursor.is_empty() {
                    path.to_string()
                } else {
                    format!("{path}{sep}cursor={}", http::encode(&cursor))
                };
                parse_list(self.get(&url, what).await?)
            },
            &mut sink,
        )
        .await
    }

    async fn sessions_of(&self, resource_id: &str, user_id: Option<&str>) -> Result<Vec<Record>> {
        let mut path = format!("/sessions?resource_id={}", http::encode(resource_id));
        if let Some(u) = user_id {
            path.push_str(&format!("&user_id={}", http::encode(u)));
        }
        let mut out = Vec::new();
        self.collect_pages(
            &path,
            &format!("sessions of resource {resource_id}"),
            |records| {
                out.extend(records);
                Ok(Flow::Continue)
            },
        )
        .await?;
        Ok(out)
    }

    /// `GET /resources`, paged, narrowed by type: ids with what the listing already tells.
    async fn all_resources(
        &self,
        resource_type: Option<&str>,
    ) -> Result<Vec<(String, ResourceInfo)>> {
        let mut path = format!("/resources?page_size={RESOURCES_PAGE}");
        if let Some(t) = resource_type {
            path.push_str(&format!("&resource_type_filter={}", http::encode(t)));
        }
        let mut out = Vec::new();
        self.collect_pages(&path, "resources", |records| {
            out.extend(records.iter().filter_map(|r| {
                let id = r.get("resource_id")?.as_str()?.to_string();
                Some((id, resource_info(r)))
            }));
            Ok(Flow::Continue)
        })
        .await?;
        Ok(out)
    }

    /// List, enrich and hand every session to `sink`.
    pub async fn list(
        &self,
        q: &OpalQuery,
        mut sink: impl FnMut(Vec<Record>) -> Result<Flow>,
    ) -> Result<()> {
        let mut known_resources: HashMap<String, ResourceInfo> = HashMap::new();
        let resource_ids: Vec<String> = if q.all_resources {
            let listed = self.all_resources(q.resource_type.as_deref()).await?;
            let ids = listed.iter().map(|(id, _)| id.clone()).collect();
            known_resources.extend(listed);
            ids
        } else if !q.resource_ids.is_empty() {
            q.resource_ids.clone()
        } else if !self.target.resource_ids.is_empty() {
            self.target.resource_ids.clone()
        } else {
            return Err(Error::usage(
                "Opal lists sessions per resource: pass --resource-id UUID (repeatable), set resource_ids in the profile, or use --all-resources",
            ));
        };

        // Sessions of every resource, CONCURRENCY at a time, in resource order.
        let per_resource: Vec<Vec<Record>> = stream::iter(resource_ids.iter())
            .map(|id| self.sessions_of(id, q.user_id.as_deref()))
            .buffered(CONCURRENCY)
            .try_collect()
            .await?;
        let now = time::OffsetDateTime::now_utc();
        let mut sessions: Vec<Record> = per_resource
            .into_iter()
            .flatten()
            .filter(|r| match q.expiring_within {
                None => true,
                Some(d) => matches!(record::time(r, "expiration_date"), Cell::Time(t) if t >= now && t <= now + d),
            })
            .collect();

        if q.enrich {
            self.enrich(&mut sessions, &mut known_resources).await;
        }
        for r in &mut sessions {
            normalize(r);
        }
        sink(sessions).map(|_| ())
    }

    /// Resolve each distinct user and resource once, concurrently; a failed lookup leaves
    /// the UUID with a warning.
    async fn enrich(&self, sessions: &mut [Record], resources: &mut HashMap<String, ResourceInfo>) {
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
                    crate::output::warn(&format!(
                        "{}: could not look up {id}: {e}; showing the id",
                        self.target.label()
                    ));
                }
                Lookup::Resource(id, Ok(_)) | Lookup::User(id, Ok(_)) => {
                    crate::output::warn(&format!(
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

fn resource_info(r: &Record) -> ResourceInfo {
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

/// Add the normalised expiration time beside the vendor's.
fn normalize(r: &mut Record) {
    if let Some(t) = r.get("expiration_date").and_then(record::parse_time) {
        r.insert(
            "expiration_date_utc".into(),
            Value::String(record::iso_utc(t)),
        );
    }
}

/// `{next, previous, results}`; all nullable or optional in the spec.
fn parse_list(v: Value) -> Result<Page> {
    let Value::Object(mut obj) = v else {
        return Err(Error::server(
            "Opal answered with something other than a JSON object",
        ));
    };
    let records = match obj.remove("results") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .into_iter()
            .map(|i| match i {
                Value::Object(r) => Ok(r),
                other => Err(Error::server(format!(
                    "Opal: a result is not an object: {other}"
                ))),
            })
            .collect::<Result<_>>()?,
        Some(_) => return Err(Error::server("Opal: `results` is not a list")),
    };
    let next = obj
        .get("next")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    Ok(Page { records, next })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The spec's own example: an invalid UUID and no access_level.
    #[test]
    fn the_specs_example_parses() {
        let page = parse_list(json!({
            "next": "cD0yMDIxLTAxLTA2KzAzJTNBMjQlM0E1My40MzQzMjYlMkIwMCUzQTAw",
            "previous": "cj1sZXdwd2VycWVtY29zZnNkc2NzUWxNMEUxTXk0ME16UXpNallsTWtJ",
            "results": [
                {"connection_id": "h0z968412-2451-4bbd-42h4-057l715d917m", "user_id": "29827fb8-f2dd-4e80-9576-28e31e9934ac",
                 "resource_id": "1b978423-db0a-4037-a4cf-f79c60cb67b3", "expiration_date": "2022-01-23T04:56:07.000Z"},
                {"connection_id": "6e6b5597-bd36-4f4c-a629-01e3fa791932", "user_id": "b031c922-b84f-4424-9f4f-c49c05871bfe",
                 "resource_id": "77eb1ab7-2c27-4fc4-afdb-137e1265cddd", "expiration_date": "2022-03-12T07:22:18.000Z", "brand_new": 1}
            ]
        }))
        .unwrap();
        assert_eq!(page.records.len(), 2);
        assert!(page.next.is_some());
        let mut r = page.records[0].clone();
        normalize(&mut r);
        assert_eq!(r["expiration_date_utc"], "2022-01-23T04:56:07+00:00");
        assert_eq!(
            (COLUMNS[0].get)(&r),
            Cell::Text("29827fb8-f2dd-4e80-9576-28e31e9934ac".into())
        );
        assert_eq!(access_level(&r), Cell::Text("(default)".into()));
        assert!(matches!((COLUMNS[3].get)(&r), Cell::Until(_)));
        assert_eq!(
            (COLUMNS[3].get)(&r).display().split(' ').next(),
            Some("expired")
        );
        assert_eq!(page.records[1]["brand_new"], 1);
        assert!(parse_list(json!({"next": null, "results": null}))
            .unwrap()
            .records
            .is_empty());
    }
}
