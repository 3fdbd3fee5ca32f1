//! Opal's REST API v1 as docs/vendors/opal.md describes it: `/sessions` (resource_id required,
//! user_id filter, cursor paging when page_size is given), `/resources` (cursor paging,
//! resource_type_filter), `/resources/{id}`, `/user?user_id=`, bearer tokens, and an
//! organisation-wide token bucket that answers 429 without Retry-After, as Opal documents it.
//! `data.rs` makes the organisation.

mod data;
pub(crate) mod flags;

use std::sync::{Arc, Mutex};
use std::time::Instant;

use hyper::Method;
use serde_json::{json, Value};

use super::faults::{FaultKind, Faults};
use super::page_faults::PageShape;
use super::server::{lock, SimRequest, SimResponse, VendorApi};
use crate::backend::Backend;
use crate::config::Profile;
use crate::options::SimOptions;
use crate::rng::Rng;

pub(crate) const BASE_PATH: &str = "/v1";

pub(crate) fn backend(opts: &SimOptions, faults: Arc<Faults>) -> Backend {
    let api = Arc::new(OpalSim::new(opts, faults));
    let ids: Vec<String> = api
        .resources
        .iter()
        .map(|r| r["resource_id"].as_str().unwrap_or("").to_string())
        .collect();
    Backend {
        name: "opal",
        comment: String::new(),
        url_path: BASE_PATH,
        profile: Profile {
            backend: "opal".to_string(),
            token: Some(api.token.clone()),
            options: toml::Table::from_iter([(
                "resource_ids".to_string(),
                toml::Value::Array(ids.into_iter().map(toml::Value::String).collect()),
            )]),
            ..Profile::default()
        },
        secrets: json!({ "token": api.token }),
        api,
    }
}

struct Bucket {
    tokens: f64,
    last: Instant,
}

struct OpalSim {
    token: String,
    rate: f64,
    bucket: Mutex<Bucket>,
    resources: Vec<Value>,
    users: Vec<Value>,
    sessions: Mutex<Vec<Value>>,
    faults: Arc<Faults>,
    /// `--next-link`: served as the `next` cursor of every page instead of the real one.
    next_link: Option<String>,
}

impl OpalSim {
    fn new(opts: &SimOptions, faults: Arc<Faults>) -> OpalSim {
        let mut rng = Rng::new(opts.seed ^ 0x0BA1);
        let token = format!("opal-sim-{}", rng.hex(40));
        let data::Org {
            resources,
            users,
            sessions,
        } = data::make(&mut rng, opts);
        OpalSim {
            token,
            rate: opts.vendors.opal.opal_rate_limit,
            bucket: Mutex::new(Bucket {
                tokens: opts.vendors.opal.opal_rate_limit.max(1.0),
                last: Instant::now(),
            }),
            resources,
            users,
            sessions: Mutex::new(sessions),
            faults,
            next_link: opts.next_link.clone(),
        }
    }

    /// The organisation's token bucket: `rate` per second, bursts of one second's worth.
    fn admit(&self) -> Option<SimResponse> {
        let mut b = self.bucket.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        b.tokens = (b.tokens + now.duration_since(b.last).as_secs_f64() * self.rate)
            .min(self.rate.max(1.0));
        b.last = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            return None;
        }
        // No Retry-After: Opal documents none ("Opal API rate limits"), so clients must back
        // off on their own.
        Some(SimResponse::json(
            429,
            &json!({"message": "Rate limit exceeded"}),
        ))
    }

    fn page(
        &self,
        items: Vec<&Value>,
        req: &SimRequest,
        default_size: Option<usize>,
    ) -> Result<Value, SimResponse> {
        let size = match req.param("page_size") {
            Some(s) => match s.parse::<usize>() {
                Ok(n) if (1..=1000).contains(&n) => Some(n),
                _ => return Err(unprocessable("page_size must be an integer from 1 to 1000")),
            },
            None => default_size,
        };
        // The `endless` fault serves the first page again, under a cursor no page had before.
        let endless = self.faults.take_endless();
        let start = match req.param("cursor") {
            _ if endless.is_some() => 0,
            None => 0,
            Some(c) => match decode_cursor(c) {
                Some(n) => n,
                None => {
                    return Err(SimResponse::json(
                        400,
                        &json!({"message": "invalid cursor"}),
                    ))
                }
            },
        };
        let cursor = req.param("cursor");
        // The `loop` fault: a cursor that always names itself as the next one.
        let looped = cursor.is_some_and(|c| c.ends_with(LOOP_SUFFIX));
        if looped || self.faults.take(FaultKind::Loop) {
            let page = items
                .into_iter()
                .take(size.unwrap_or(usize::MAX))
                .collect::<Vec<_>>();
            let next = format!("{}{LOOP_SUFFIX}", encode_cursor(0));
            return Ok(json!({ "next": next, "previous": cursor, "results": page }));
        }
        // The `empty-pages` fault: no results, and a next cursor for the same place.
        if self.faults.take(FaultKind::EmptyPages) {
            let next = format!(
                "{}.e",
                cursor.map_or_else(|| encode_cursor(start), str::to_string)
            );
            return Ok(json!({ "next": next, "previous": cursor, "results": [] }));
        }
        let (slice, next) = match size {
            None => (items, None),
            Some(n) => {
                let end = (start + n).min(items.len());
                let next = (end < items.len()).then(|| encode_cursor(end));
                (
                    items.get(start..end).map(<[_]>::to_vec).unwrap_or_default(),
                    next,
                )
            }
        };
        let next = match (&self.next_link, endless) {
            (Some(text), _) => Some(text.clone()),
            (None, Some(n)) => Some(format!("{}.{n}", encode_cursor(0))),
            (None, None) => next,
        };
        Ok(json!({ "next": next, "previous": req.param("cursor"), "results": slice }))
    }
}

fn unprocessable(message: &str) -> SimResponse {
    SimResponse::json(422, &json!({ "message": message }))
}

/// What ends the `loop` fault's cursor (the decoder ignores what follows a dot).
const LOOP_SUFFIX: &str = ".loop";

fn encode_cursor(n: usize) -> String {
    format!("cD0{:08x}", n ^ 0x5a5a)
}

/// A cursor's position; a `.N` suffix (the `endless` fault's page number) is ignored.
fn decode_cursor(c: &str) -> Option<usize> {
    let hex = c.strip_prefix("cD0")?.split('.').next()?;
    usize::from_str_radix(hex, 16).ok().map(|n| n ^ 0x5a5a)
}

fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && [8, 4, 4, 4, 12]
            .iter()
            .zip(&parts)
            .all(|(n, p)| p.len() == *n && p.chars().all(|c| c.is_ascii_hexdigit()))
}

impl VendorApi for OpalSim {
    fn churn(&self, open: bool, rng: &mut Rng) -> Option<String> {
        let mut all = lock(&self.sessions);
        let key = |s: &Value| {
            Some(format!(
                "{}/{}",
                s["resource_id"].as_str()?,
                s["connection_id"].as_str()?
            ))
        };
        if open {
            let resource = &self.resources[rng.below(self.resources.len() as u64) as usize];
            let user = &self.users[rng.below(self.users.len() as u64) as usize];
            let s = data::session(rng, resource, user);
            let k = key(&s);
            all.push(s);
            return k;
        }
        if all.is_empty() {
            return None;
        }
        let s = {
            let at = rng.below(all.len() as u64) as usize;
            all.remove(at)
        };
        key(&s)
    }

    fn handle(&self, req: &SimRequest) -> SimResponse {
        if let Some(limited) = self.admit() {
            return limited;
        }
        if req.bearer() != Some(self.token.as_str()) {
            return SimResponse::json(401, &json!({"message": "Invalid or missing API token"}));
        }
        let path = req.path.strip_prefix(BASE_PATH).unwrap_or("");
        if req.method != Method::GET {
            return SimResponse::json(405, &json!({"message": "Method not allowed"}));
        }
        match path.trim_end_matches('/') {
            "/sessions" => {
                let Some(resource_id) = req.param("resource_id") else {
                    return unprocessable("resource_id is required");
                };
                if !is_uuid(resource_id) {
                    return unprocessable("resource_id must be a UUID");
                }
                if !self
                    .resources
                    .iter()
                    .any(|r| r["resource_id"] == resource_id)
                {
                    return SimResponse::json(
                        404,
                        &json!({"message": format!("resource {resource_id} not found")}),
                    );
                }
                let user = req.param("user_id");
                let all = lock(&self.sessions);
                let items: Vec<&Value> = all
                    .iter()
                    .filter(|s| {
                        s["resource_id"] == resource_id && user.is_none_or(|u| s["user_id"] == u)
                    })
                    .collect();
                // Paged only when asked for a page size (whether Opal does is unverified).
                match self.page(items, req, None) {
                    Ok(v) => SimResponse::json(200, &v),
                    Err(r) => r,
                }
            }
            "/resources" => {
                let kind = req.param("resource_type_filter");
                let items: Vec<&Value> = self
                    .resources
                    .iter()
                    .filter(|r| kind.is_none_or(|k| r["resource_type"] == k))
                    .collect();
                match self.page(items, req, Some(200)) {
                    Ok(v) => SimResponse::json(200, &v),
                    Err(r) => r,
                }
            }
            "/user" => {
                let found = match (req.param("user_id"), req.param("email")) {
                    (Some(id), _) => self.users.iter().find(|u| u["user_id"] == id),
                    (None, Some(email)) => self.users.iter().find(|u| u["email"] == email),
                    (None, None) => return unprocessable("user_id or email is required"),
                };
                match found {
                    Some(u) => SimResponse::json(200, u),
                    None => SimResponse::json(404, &json!({"message": "user not found"})),
                }
            }
            p => match p.strip_prefix("/resources/").filter(|id| !id.contains('/')) {
                Some(id) => match self.resources.iter().find(|r| r["resource_id"] == id) {
                    Some(r) => SimResponse::json(200, r),
                    None => SimResponse::json(
                        404,
                        &json!({"message": format!("resource {id} not found")}),
                    ),
                },
                None => SimResponse::json(404, &json!({"message": "not found"})),
            },
        }
    }

    fn is_data_request(&self, req: &SimRequest) -> bool {
        req.path.ends_with("/sessions")
    }

    fn error(&self, status: u16, message: &str) -> SimResponse {
        SimResponse::json(status, &json!({ "message": message }))
    }

    /// `connection_id` is a string Opal sends; a number there is what issue 13 saw.
    fn page_shape(&self) -> PageShape {
        PageShape {
            list: "/results",
            text: "/access_level/access_level_name",
            number: Some("/connection_id"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_uuids_check() {
        assert_eq!(decode_cursor(&encode_cursor(1234)), Some(1234));
        assert_eq!(decode_cursor(&format!("{}.7", encode_cursor(0))), Some(0));
        assert!(is_uuid("1b978423-db0a-4037-a4cf-f79c60cb67b3"));
        assert!(!is_uuid("h0z968412-2451-4bbd-42h4-057l715d917m"));
    }
}
