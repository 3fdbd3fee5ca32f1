//! Who may call: HTTP Basic on any request, or a session cookie from
//! `POST /session/1/session` with its CSRF header and a matching `Origin` or `Referer`, and the
//! session's inactive and absolute timeouts (docs/vendors/onefs.md, "Login").

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use hyper::header::{AUTHORIZATION, COOKIE, HOST, ORIGIN, REFERER};
use serde_json::{json, Value};

use super::wire::{bad_request, field_error, unauthorized};
use crate::rng::{decode_basic, Rng};
use crate::server::{lock, SimRequest, SimResponse};

/// The cluster's administrator.
pub(super) const USERNAME: &str = "root";
const TIMEOUT_ABSOLUTE: u64 = 14_400;
const TIMEOUT_INACTIVE: u64 = 900;
/// From 9.3, a session this close to its inactive timeout gets a replacement cookie.
const REPLACE_WITHIN: u64 = 450;
const SERVICES: [&str; 3] = ["platform", "namespace", "remote-service"];

/// Headers an authorised request adds to its answer (a replacement cookie).
pub(super) type Granted = Vec<(&'static str, String)>;

#[derive(Debug, Clone)]
struct WebSession {
    username: String,
    services: Vec<String>,
    csrf: String,
    last: Instant,
    absolute_end: Instant,
    replaced: bool,
}

pub(super) struct Logins {
    password: String,
    /// 9.3 and later: calls do not extend the inactive timer; replacement cookies instead.
    replaces: bool,
    web: Mutex<HashMap<String, WebSession>>,
    rng: Mutex<Rng>,
}

impl Logins {
    pub(super) fn new(password: String, replaces: bool, rng: Rng) -> Logins {
        Logins {
            password,
            replaces,
            web: Mutex::new(HashMap::new()),
            rng: Mutex::new(rng),
        }
    }

    /// Basic credentials (which win when a cookie comes too), else the session cookie.
    pub(super) fn authorise(&self, req: &SimRequest) -> Result<Granted, SimResponse> {
        if let Some(auth) = header(req, AUTHORIZATION.as_str()) {
            return match auth.strip_prefix("Basic ").and_then(decode_basic) {
                Some((u, p)) if u == USERNAME && p == self.password => Ok(Vec::new()),
                _ => Err(unauthorized(
                    "Authorization failed: invalid user name or password",
                )),
            };
        }
        let Some(id) = cookie(req, "isisessid") else {
            return Err(unauthorized("Authorization required"));
        };
        self.by_cookie(req, &id, true).map(|(granted, _)| granted)
    }

    /// The session `id` names, checked (its CSRF pair too when `csrf`) and touched: what to add
    /// to the answer, and the session.
    fn by_cookie(
        &self,
        req: &SimRequest,
        id: &str,
        csrf: bool,
    ) -> Result<(Granted, WebSession), SimResponse> {
        let now = Instant::now();
        let mut web = lock(&self.web);
        let Some(s) = web.get_mut(id) else {
            return Err(unauthorized("Authorization required: no such session"));
        };
        let idle = now.saturating_duration_since(s.last);
        if expired(s, now) {
            web.remove(id);
            return Err(unauthorized(
                "Authorization required: the session has expired",
            ));
        }
        if csrf {
            check_csrf(req, &s.csrf)?;
        }
        if !self.replaces {
            s.last = now;
            return Ok((Vec::new(), s.clone()));
        }
        let left = TIMEOUT_INACTIVE.saturating_sub(idle.as_secs());
        if left > REPLACE_WITHIN || s.replaced {
            return Ok((Vec::new(), s.clone()));
        }
        s.replaced = true;
        let fresh = WebSession {
            last: now,
            replaced: false,
            ..s.clone()
        };
        let new_id = lock(&self.rng).uuid('8');
        web.insert(new_id.clone(), fresh.clone());
        Ok((vec![("set-cookie", session_cookie(&new_id))], fresh))
    }

    /// `POST /session/1/session`: 201, the two cookies (`isisessid` first), the timeouts.
    pub(super) fn login(&self, req: &SimRequest) -> SimResponse {
        let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&req.body) else {
            return bad_request("The request body must be a JSON object");
        };
        let text = |k: &str| body.get(k).and_then(Value::as_str);
        for k in ["username", "password"] {
            if text(k).is_none() {
                return field_error(400, "AEC_ARG_REQUIRED", k, &format!("Field: {k} required"));
            }
        }
        let services: Option<Vec<String>> = body.get("services").and_then(|s| {
            s.as_array()?
                .iter()
                .map(|v| {
                    v.as_str()
                        .filter(|v| SERVICES.contains(v))
                        .map(String::from)
                })
                .collect()
        });
        let Some(services) = services.filter(|s| !s.is_empty()) else {
            return field_error(
                400,
                "AEC_BAD_REQUEST",
                "services",
                "Field: services must list one or more of platform, namespace, remote-service",
            );
        };
        if text("username") != Some(USERNAME) || text("password") != Some(&self.password) {
            return unauthorized("Username or password is incorrect.");
        }
        let now = Instant::now();
        let (id, csrf) = {
            let mut rng = lock(&self.rng);
            (rng.uuid('8'), rng.uuid('9'))
        };
        let s = WebSession {
            username: USERNAME.to_string(),
            services,
            csrf: csrf.clone(),
            last: now,
            absolute_end: now + Duration::from_secs(TIMEOUT_ABSOLUTE),
            replaced: false,
        };
        let mut resp = SimResponse::json(201, &describe(&s));
        resp.headers.push(("set-cookie", session_cookie(&id)));
        resp.headers
            .push(("set-cookie", format!("isicsrf={csrf}; path=/; Secure")));
        let mut web = lock(&self.web);
        // Clients that log in again and again (Dell's SDK does after 15 s idle) leave sessions
        // nobody ends: they go once they expire.
        web.retain(|_, old| !expired(old, now));
        web.insert(id, s);
        resp
    }

    /// `GET /session/1/session`: the session the cookie names. The session service itself
    /// asks for no CSRF pair: Dell's SDK ends a session with the cookie alone.
    pub(super) fn current(&self, req: &SimRequest) -> SimResponse {
        let Some(id) = cookie(req, "isisessid") else {
            return unauthorized("Authorization required");
        };
        match self.by_cookie(req, &id, false) {
            Ok((granted, s)) => {
                let mut resp = SimResponse::json(200, &describe(&s));
                resp.headers.extend(granted);
                resp
            }
            Err(refused) => refused,
        }
    }

    /// `DELETE /session/1/session`: 204, and the cookie is no longer good.
    pub(super) fn logout(&self, req: &SimRequest) -> SimResponse {
        let Some(id) = cookie(req, "isisessid") else {
            return unauthorized("Authorization required");
        };
        if let Err(refused) = self.by_cookie(req, &id, false) {
            return refused;
        }
        lock(&self.web).remove(&id);
        SimResponse::raw(204, "application/json", "")
    }

    /// How many web sessions the node keeps.
    #[cfg(test)]
    pub(super) fn kept(&self) -> usize {
        lock(&self.web).len()
    }

    /// Every web session `secs` older, as if that time had passed.
    #[cfg(test)]
    pub(super) fn age(&self, secs: u64) {
        let d = Duration::from_secs(secs);
        for s in lock(&self.web).values_mut() {
            s.last = s.last.checked_sub(d).unwrap_or(s.last);
            s.absolute_end = s.absolute_end.checked_sub(d).unwrap_or(s.absolute_end);
        }
    }
}

fn expired(s: &WebSession, now: Instant) -> bool {
    now >= s.absolute_end
        || now.saturating_duration_since(s.last) >= Duration::from_secs(TIMEOUT_INACTIVE)
}

fn describe(s: &WebSession) -> Value {
    json!({
        "services": s.services,
        "timeout_absolute": TIMEOUT_ABSOLUTE,
        "timeout_inactive": TIMEOUT_INACTIVE,
        "username": s.username,
    })
}

fn session_cookie(id: &str) -> String {
    format!("isisessid={id}; path=/; HttpOnly; Secure; SameSite=strict")
}

fn header<'a>(req: &'a SimRequest, name: &str) -> Option<&'a str> {
    req.headers.get(name).and_then(|v| v.to_str().ok())
}

/// A cookie's value from the request's `Cookie` headers.
fn cookie(req: &SimRequest, name: &str) -> Option<String> {
    req.headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// A cookie-authenticated request carries the session's CSRF token and an `Origin` (or else a
/// `Referer`) naming the host it was sent to.
fn check_csrf(req: &SimRequest, csrf: &str) -> Result<(), SimResponse> {
    if header(req, "x-csrf-token") != Some(csrf) {
        return Err(unauthorized(
            "Authorization required: the X-CSRF-Token header is missing or does not match the session",
        ));
    }
    let claimed = header(req, ORIGIN.as_str())
        .or_else(|| header(req, REFERER.as_str()))
        .and_then(authority);
    let host = header(req, HOST.as_str()).and_then(|h| authority(&format!("https://{h}")));
    match (claimed, host) {
        (Some(c), Some(h)) if c == h => Ok(()),
        _ => Err(unauthorized(
            "Authorization required: the Origin or Referer header does not name this host",
        )),
    }
}

/// A URL's host and port (the scheme's default when it names none).
fn authority(url: &str) -> Option<(String, u16)> {
    let u = url::Url::parse(url).ok()?;
    Some((
        u.host_str()?.to_ascii_lowercase(),
        u.port_or_known_default()?,
    ))
}
