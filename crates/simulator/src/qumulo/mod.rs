//! Qumulo's SMB session API, as docs/vendors/qumulo.md describes it: bearer login,
//! `GET /v1/smb/sessions/` with `limit`/`after`/`identity` and a relative `paging.next`,
//! `POST /v1/smb/sessions/close`, and Qumulo error bodies. `identity.rs` reads the identity
//! filter; `data.rs` makes the sessions.

mod data;
pub(crate) mod flags;
mod identity;
mod store;

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use hyper::Method;
use serde_json::{json, Value};

use super::faults::{FaultKind, Faults};
use super::page_faults::PageShape;
use super::server::{lock, SimRequest, SimResponse, VendorApi};
use crate::backend::Backend;
use crate::changes::Changes;
use crate::config::Profile;
use crate::options::SimOptions;
use crate::rng::Rng;
use identity::Identity;
use store::Store;

const USERNAME: &str = "admin";
/// Cursor value of the `loop` fault: a next link that always points back at itself.
const LOOP_TOKEN: &str = "loop";

pub(crate) fn backend(opts: &SimOptions, faults: Arc<Faults>) -> Backend {
    let api = Arc::new(QumuloSim::new(opts, faults));
    let password = api.password.clone();
    Backend {
        name: "smb",
        url_path: "",
        comment: String::new(),
        api,
        profile: Profile {
            backend: "smb".to_string(),
            username: Some(USERNAME.to_string()),
            password: Some(password.clone()),
            ..Profile::default()
        },
        secrets: json!({ "username": USERNAME, "password": password }),
    }
}

struct QumuloSim {
    password: String,
    quirks: bool,
    /// `--next-link`: served as `paging.next` on every page instead of the real link.
    next_link: Option<String>,
    faults: Arc<Faults>,
    tokens: Mutex<HashSet<String>>,
    token_rng: Mutex<Rng>,
    sessions: Mutex<Store>,
    changes: Changes,
}

impl QumuloSim {
    fn new(opts: &SimOptions, faults: Arc<Faults>) -> QumuloSim {
        let mut rng = Rng::new(opts.seed);
        let password = format!("sim-{}", rng.hex(12));
        let mut sessions = Store::default();
        let guests = u64::from(opts.vendors.qumulo.qumulo_guests);
        for i in 0..opts.sessions as u64 + guests {
            let guest = i >= opts.sessions as u64;
            sessions.push(i, data::make_session(&mut rng, i, opts.quirks, guest));
        }
        QumuloSim {
            password,
            quirks: opts.quirks,
            next_link: opts.next_link.clone(),
            faults,
            tokens: Mutex::new(HashSet::new()),
            token_rng: Mutex::new(Rng::new(opts.seed ^ 0xA5A5)),
            sessions: Mutex::new(sessions),
            changes: opts.changes.clone(),
        }
    }

    fn authorised(&self, req: &SimRequest) -> bool {
        req.bearer().is_some_and(|t| lock(&self.tokens).contains(t))
    }

    fn login(&self, req: &SimRequest) -> SimResponse {
        let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
        let user = body.get("username").and_then(Value::as_str);
        let pass = body.get("password").and_then(Value::as_str);
        if user != Some(USERNAME) || pass != Some(self.password.as_str()) {
            // The exact login-failure body is unverified; this follows the documented shape.
            return error_body(
                401,
                "api_invalid_credentials_error",
                "Invalid username or password",
            );
        }
        let token = format!("1:{}", lock(&self.token_rng).hex(40));
        lock(&self.tokens).insert(token.clone());
        SimResponse::json(200, &json!({ "bearer_token": token }))
    }

    fn list(&self, req: &SimRequest) -> SimResponse {
        let limit = match req.param("limit").map(str::parse::<usize>) {
            None => usize::MAX,
            Some(Ok(n)) if n >= 1 => n,
            _ => {
                return error_body(
                    400,
                    "http_bad_request_error",
                    "limit must be a positive integer",
                )
            }
        };
        let identity = match req.param("identity").map(Identity::parse) {
            None => None,
            Some(Ok(i)) => Some(i),
            Some(Err(msg)) => return invalid_identity(&msg),
        };
        let after = req.param("after");
        let start_seq = match after {
            None => 0,
            Some(LOOP_TOKEN) => 0,
            Some(t) if t.starts_with("start") => 0,
            Some(t) => match decode_token(t).and_then(|seq| seq.checked_add(1)) {
                Some(seq) => seq,
                None => {
                    return error_body(
                        400,
                        "http_bad_request_error",
                        &format!("invalid paging token '{t}'"),
                    )
                }
            },
        };
        let link = |token: &str| {
            let mut l = format!(
                "/v1/smb/sessions/?after={token}&limit={}",
                if limit == usize::MAX { 0 } else { limit }
            );
            if limit == usize::MAX {
                l = format!("/v1/smb/sessions/?after={token}");
            }
            if let Some(id) = req.param("identity") {
                l.push_str("&identity=");
                l.push_str(
                    &percent_encoding::utf8_percent_encode(id, percent_encoding::NON_ALPHANUMERIC)
                        .to_string(),
                );
            }
            l
        };

        if after == Some(LOOP_TOKEN) || self.faults.take(FaultKind::Loop) {
            let page = self.matching(start_seq, identity.as_ref(), limit.min(2));
            return page_body(&page, &self.next(link(LOOP_TOKEN)));
        }
        if let Some(n) = self.faults.take_endless() {
            // A page further round the collection each time, under a cursor no page had
            // before ("start…" reads as 0): distinct pages that never end.
            let total = lock(&self.sessions).len().max(1);
            let skip = ((n as usize - 1) * limit) % total;
            let seq = lock(&self.sessions).nth_seq(skip).unwrap_or(0);
            let page = self.matching(seq, identity.as_ref(), limit);
            return page_body(&page, &self.next(link(&format!("start.endless{n}"))));
        }
        if self.faults.take(FaultKind::EmptyPages) {
            // An empty page that still points onwards, with a cursor spelled differently.
            let token = format!("{}.e", after.unwrap_or("start"));
            let next = self.next(link(&token));
            return SimResponse::json(
                200,
                &json!({ "session_infos": [], "paging": { "next": next, "prev": null } }),
            );
        }

        let mut page = self.matching(start_seq, identity.as_ref(), limit.saturating_add(1));
        let more = page.len() > limit;
        page.truncate(limit);
        let next = match (more, page.last()) {
            (true, Some((seq, _))) => Value::String(link(&encode_token(*seq))),
            _ if self.quirks => Value::String(String::new()),
            _ => Value::Null,
        };
        let next = match &self.next_link {
            Some(text) => Value::String(text.clone()),
            None => next,
        };
        page_body(&page, &next)
    }

    /// A page's next link: `link`, unless `--next-link` gives one for every page.
    fn next(&self, link: String) -> Value {
        Value::String(self.next_link.clone().unwrap_or(link))
    }

    /// Up to `n` sessions from sequence `start_seq` on that match the identity.
    fn matching(
        &self,
        start_seq: u64,
        identity: Option<&Identity>,
        n: usize,
    ) -> Vec<(u64, Arc<str>)> {
        let all = lock(&self.sessions);
        all.from(start_seq)
            .filter(|(_, v, _)| identity.is_none_or(|i| i.matches(v)))
            .take(n)
            .map(|(seq, _, text)| (seq, text.clone()))
            .collect()
    }

    fn close(&self, req: &SimRequest) -> SimResponse {
        let Ok(items) = serde_json::from_slice::<Vec<Closing>>(&req.body) else {
            return error_body(
                400,
                "http_bad_request_error",
                "body must be an array of session objects",
            );
        };
        let mut all = lock(&self.sessions);
        let mut results = Vec::new();
        for item in items {
            let loc = item.location.as_deref().unwrap_or("");
            if all.close(loc) {
                self.changes.record("smb", "closed", loc, "client");
            } else {
                results.push(json!({ "error_message": format!("no such session: {loc}") }));
            }
        }
        SimResponse::json(200, &Value::Array(results))
    }
}

/// What the close reads of each session sent back: its location (the rest is as listed).
#[derive(serde::Deserialize)]
struct Closing {
    location: Option<String>,
}

impl VendorApi for QumuloSim {
    fn churn(&self, open: bool, rng: &mut Rng) -> Option<String> {
        let mut all = lock(&self.sessions);
        if open {
            let seq = all.next_seq();
            let v = data::make_session(rng, seq, self.quirks, false);
            let key = v["location"].as_str()?.to_string();
            all.push(seq, v);
            return Some(key);
        }
        if all.is_empty() {
            return None;
        }
        let at = rng.below(all.len() as u64) as usize;
        all.remove_nth(at)
    }

    fn handle(&self, req: &SimRequest) -> SimResponse {
        // Clusters also serve the API under /api on port 443.
        let path = req
            .path
            .strip_prefix("/api")
            .filter(|p| p.starts_with("/v1/"))
            .unwrap_or(&req.path);
        if (req.method.clone(), path) == (Method::POST, "/v1/session/login") {
            return self.login(req);
        }
        if !self.authorised(req) {
            // A 401 with no description means "need to log in" (see the API note).
            return error_body(401, "http_unauthorized_error", "");
        }
        match (req.method.clone(), path) {
            (Method::GET, "/v1/smb/sessions/") => self.list(req),
            (Method::POST, "/v1/smb/sessions/close") => self.close(req),
            (_, "/v1/smb/sessions/" | "/v1/smb/sessions/close") => {
                error_body(405, "http_method_not_allowed_error", "method not allowed")
            }
            _ => error_body(
                404,
                "http_not_found_error",
                &format!("no such endpoint: {}", req.path),
            ),
        }
    }

    fn is_data_request(&self, req: &SimRequest) -> bool {
        req.method == Method::GET && req.path.ends_with("/v1/smb/sessions/")
    }

    fn error(&self, status: u16, message: &str) -> SimResponse {
        let class = match status {
            429 => "http_too_many_requests_error",
            502 => "http_bad_gateway_error",
            503 => "http_service_unavailable_error",
            504 => "http_gateway_timeout_error",
            _ => "http_internal_server_error",
        };
        error_body(status, class, message)
    }

    fn page_shape(&self) -> PageShape {
        PageShape {
            list: "/session_infos",
            text: "/user/name",
            number: Some("/num_opens"),
        }
    }
}

/// A list page, assembled from the sessions' JSON text.
fn page_body(page: &[(u64, Arc<str>)], next: &Value) -> SimResponse {
    let mut body = String::with_capacity(page.iter().map(|(_, t)| t.len() + 1).sum::<usize>() + 64);
    body.push_str("{\"session_infos\":[");
    for (i, (_, text)) in page.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        body.push_str(text);
    }
    body.push_str(&format!("],\"paging\":{{\"next\":{next},\"prev\":null}}}}"));
    SimResponse::raw(200, "application/json", body)
}

fn error_body(status: u16, class: &str, description: &str) -> SimResponse {
    SimResponse::json(
        status,
        &json!({
            "module": "qumulo.rest.smb",
            "error_class": class,
            "description": description,
            "stack": [],
            "user_visible": !description.is_empty(),
        }),
    )
}

/// The REST layer wraps the identity library's error in its own (qumulo-api 7.10.2.1: error
/// bodies may nest an `inner` error of the same shape).
fn invalid_identity(msg: &str) -> SimResponse {
    let inner = json!({
        "module": "qumulo.lib.identity",
        "error_class": "api_invalid_identity_error",
        "description": msg,
        "stack": [],
        "user_visible": true,
    });
    SimResponse::json(
        400,
        &json!({
            "module": "qumulo.rest.smb",
            "error_class": "http_bad_request_error",
            "description": "invalid request parameter: identity",
            "stack": [],
            "user_visible": true,
            "inner": inner,
        }),
    )
}

/// Cursors are opaque to clients; here they are the last sequence number, obscured.
fn encode_token(seq: u64) -> String {
    format!("{:016x}", seq ^ 0x5EC5_10A5_C0FF_EE00)
}

fn decode_token(t: &str) -> Option<u64> {
    let hex = t.split('.').next()?;
    u64::from_str_radix(hex, 16)
        .ok()
        .map(|v| v ^ 0x5EC5_10A5_C0FF_EE00)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip() {
        assert_eq!(decode_token(&encode_token(42)), Some(42));
        assert_eq!(decode_token(&(encode_token(42) + ".e")), Some(42));
    }
}
