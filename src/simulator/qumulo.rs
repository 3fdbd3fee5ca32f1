//! Qumulo's SMB session API, as ../shared/docs/apis/qumulo-smb.md describes it: bearer login,
//! `GET /v1/smb/sessions/` with `limit`/`after`/`identity` and a relative `paging.next`,
//! `POST /v1/smb/sessions/close`, and Qumulo error bodies.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use hyper::Method;
use serde_json::{json, Value};

use super::faults::{FaultKind, Faults};
use super::server::{SimRequest, SimResponse, VendorApi};
use super::{Backend, Rng, SimOptions};
use crate::config::{BackendKind, Profile};

const USERNAME: &str = "admin";
/// Cursor value of the `loop` fault: a next link that always points back at itself.
const LOOP_TOKEN: &str = "loop";

pub fn backend(opts: &SimOptions, faults: Arc<Faults>) -> Backend {
    let api = Arc::new(QumuloSim::new(opts, faults));
    let password = api.password.clone();
    Backend {
        name: "smb",
        url_path: "",
        comment: String::new(),
        api,
        profile: Profile {
            backend: Some(BackendKind::Smb),
            username: Some(USERNAME.to_string()),
            password: Some(password),
            ..Profile::default()
        },
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
    /// (sequence number, session as the API returns it), in sequence order.
    /// ...each with its JSON rendered once, so that big listings are cheap to serve.
    sessions: Mutex<Vec<(u64, Value, Arc<str>)>>,
}

impl QumuloSim {
    fn new(opts: &SimOptions, faults: Arc<Faults>) -> QumuloSim {
        let mut rng = Rng::new(opts.seed);
        let password = format!("sim-{}", rng.hex(12));
        let sessions = (0..opts.sessions as u64)
            .map(|i| {
                let v = make_session(&mut rng, i, opts.quirks);
                let text: Arc<str> = v.to_string().into();
                (i, v, text)
            })
            .collect();
        QumuloSim {
            password,
            quirks: opts.quirks,
            next_link: opts.next_link.clone(),
            faults,
            tokens: Mutex::new(HashSet::new()),
            token_rng: Mutex::new(Rng::new(opts.seed ^ 0xA5A5)),
            sessions: Mutex::new(sessions),
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
            Some(Err(msg)) => return error_body(400, "api_invalid_identity_error", &msg),
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
            // The first page again, under a cursor no page had before ("start…" reads as 0).
            let page = self.matching(0, identity.as_ref(), limit);
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
        let from = all.partition_point(|(s, _, _)| *s < start_seq);
        all[from..]
            .iter()
            .filter(|(_, v, _)| identity.is_none_or(|i| i.matches(v)))
            .take(n)
            .map(|(seq, _, text)| (*seq, text.clone()))
            .collect()
    }

    fn close(&self, req: &SimRequest) -> SimResponse {
        let Ok(Value::Array(items)) = serde_json::from_slice::<Value>(&req.body) else {
            return error_body(
                400,
                "http_bad_request_error",
                "body must be an array of session objects",
            );
        };
        let mut all = lock(&self.sessions);
        let mut results = Vec::new();
        for item in items {
            let loc = item.get("location").and_then(Value::as_str).unwrap_or("");
            match all.iter().position(|(_, v, _)| v["location"] == loc) {
                Some(i) => {
                    all.remove(i);
                }
                None => results.push(json!({ "error_message": format!("no such session: {loc}") })),
            }
        }
        SimResponse::json(200, &Value::Array(results))
    }
}

impl VendorApi for QumuloSim {
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
            503 => "http_service_unavailable_error",
            _ => "http_internal_server_error",
        };
        error_body(status, class, message)
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

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
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

/// The identity forms the cluster accepts (see the API note).
enum Identity {
    Name {
        domain: Option<&'static str>,
        name: String,
    },
    Uid(u64),
    Gid(u64),
    AuthId(String),
    Sid(String),
}

impl Identity {
    fn parse(s: &str) -> Result<Identity, String> {
        let s = s.trim();
        let (prefix, rest) = match s.split_once(':') {
            Some((p, r)) => (Some(p.to_ascii_lowercase()), r),
            None => (None, s),
        };
        let num = |r: &str| -> Result<u64, String> {
            let r = r.trim();
            match r.strip_prefix("0x").or_else(|| r.strip_prefix("0X")) {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => r.parse(),
            }
            .map_err(|_| format!("invalid identity '{s}'"))
        };
        Ok(match prefix.as_deref() {
            Some("uid") => Identity::Uid(num(rest)?),
            Some("gid") => Identity::Gid(num(rest)?),
            Some("auth_id") => Identity::AuthId(num(rest)?.to_string()),
            Some("sid") => Identity::Sid(rest.to_string()),
            Some("local") => Identity::Name {
                domain: Some("LOCAL"),
                name: rest.to_string(),
            },
            Some("ad") => Identity::Name {
                domain: Some("ACTIVE_DIRECTORY"),
                name: rest.to_string(),
            },
            Some("ldap_user") => Identity::Name {
                domain: Some("POSIX_USER"),
                name: rest.to_string(),
            },
            Some("world") => Identity::Name {
                domain: Some("WORLD"),
                name: rest.to_string(),
            },
            Some(other) => return Err(format!("unknown identity prefix '{other}:' in '{s}'")),
            None if is_sid(rest) => Identity::Sid(rest.to_string()),
            None => Identity::Name {
                domain: None,
                name: rest.to_string(),
            },
        })
    }

    fn matches(&self, session: &Value) -> bool {
        let u = &session["user"];
        let field = |k: &str| {
            u.get(k).map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
        };
        match self {
            Identity::Uid(n) => field("uid") == Some(n.to_string()),
            Identity::Gid(n) => field("gid") == Some(n.to_string()),
            Identity::AuthId(a) => field("auth_id").as_deref() == Some(a.as_str()),
            Identity::Sid(s) => field("sid").is_some_and(|v| v.eq_ignore_ascii_case(s)),
            Identity::Name { domain, name } => {
                let full = field("name").unwrap_or_default();
                let short = full.rsplit('\\').next().unwrap_or("").to_string();
                let name_ok = full.eq_ignore_ascii_case(name) || short.eq_ignore_ascii_case(name);
                let domain_ok = domain.is_none_or(|d| field("domain").as_deref() == Some(d));
                name_ok && domain_ok
            }
        }
    }
}

fn is_sid(s: &str) -> bool {
    let mut parts = s.split('-');
    parts.next().is_some_and(|p| p.eq_ignore_ascii_case("S")) && {
        let rest: Vec<&str> = parts.collect();
        rest.len() >= 3
            && rest
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    }
}

const AD_USERS: [&str; 12] = [
    "alice",
    "bob",
    "carol",
    "dave",
    "erin",
    "frank",
    "grace",
    "heidi",
    "ivan",
    "judy",
    "mallory",
    "svc_backup",
];
const LOCAL_USERS: [&str; 3] = ["admin", "scanner", "kiosk"];
const POSIX_USERS: [(&str, u32); 3] = [("build", 1001), ("render", 1002), ("www-data", 33)];
const SHARES: [&str; 7] = [
    "Files",
    "Home",
    "Media",
    "Engineering",
    "Finance",
    "Scratch",
    "IPC$",
];
const SERVERS: [&str; 4] = ["10.0.0.5", "10.0.0.6", "10.0.0.7", "10.0.0.8"];

fn make_session(rng: &mut Rng, i: u64, quirks: bool) -> Value {
    let kind = rng.below(100);
    let (user, guest) = if kind < 55 {
        let name = rng.pick(&AD_USERS);
        let rid = 1100 + AD_USERS.iter().position(|u| u == name).unwrap_or(0) as u64;
        (
            json!({"domain": "ACTIVE_DIRECTORY", "auth_id": (8_589_934_592u64 + rid).to_string(), "uid": null, "gid": null,
                   "sid": format!("S-1-5-21-2061758343-3414238281-1612142345-{rid}"), "name": format!("CORP\\{name}")}),
            false,
        )
    } else if kind < 70 {
        let name = rng.pick(&LOCAL_USERS);
        let n = 500 + LOCAL_USERS.iter().position(|u| u == name).unwrap_or(0) as u64;
        (
            json!({"domain": "LOCAL", "auth_id": n.to_string(), "uid": null, "gid": null,
                   "sid": format!("S-1-5-21-1-2-3-{n}"), "name": name}),
            false,
        )
    } else if kind < 85 {
        let (name, uid) = *rng.pick(&POSIX_USERS);
        (
            json!({"domain": "POSIX_USER", "auth_id": (3_221_225_472u64 + uid as u64).to_string(), "uid": uid, "gid": 100,
                   "sid": format!("S-1-22-1-{uid}"), "name": name}),
            false,
        )
    } else if kind < 95 || !quirks {
        (
            json!({"domain": "WORLD", "auth_id": "8192", "uid": null, "gid": null, "sid": "S-1-1-0", "name": "Everyone"}),
            true,
        )
    } else {
        // A domain newer clusters send that older clients do not know.
        (
            json!({"domain": "API_QUMULO_SUPPORT_DOMAIN", "auth_id": "17179869184", "uid": null, "gid": null, "sid": "", "name": "support"}),
            false,
        )
    };
    let originator = if rng.chance(15) {
        format!("fd00:10::{:x}", 0x100 + rng.below(0xeff))
    } else {
        format!(
            "10.{}.{}.{}",
            1 + rng.below(3),
            rng.below(255),
            1 + rng.below(253)
        )
    };
    let open_secs = rng.spread_secs(40 * 86_400);
    let idle_secs = rng.below(open_secs + 1);
    let mut shares: Vec<&str> = (0..1 + rng.below(3)).map(|_| *rng.pick(&SHARES)).collect();
    shares.sort_unstable();
    shares.dedup();
    let num_opens = if guest { rng.below(3) } else { rng.below(60) };
    let ns = |s: u64| (s as u128 * 1_000_000_000 + rng_nanos(i)).to_string();
    let mut v = json!({
        "location": format!("smb:{}:{:08x}", 1 + i % 4, 0x1000_0000u64 + i * 7919 % 0x0fff_ffff),
        "tenant_id": if i % 10 == 9 { 2 } else { 1 },
        "originator": originator,
        "server_address": rng.pick(&SERVERS),
        "user": user,
        "num_opens": num_opens,
        "time_open": {"nanoseconds": ns(open_secs)},
        "time_idle": {"nanoseconds": ns(idle_secs)},
        "is_guest": guest,
        "is_encrypted": !guest && rng.chance(60),
        "share_names": shares,
    });
    if quirks {
        // Numbers as strings, as some cluster versions send them.
        v["num_opens"] = Value::String(num_opens.to_string());
        v["tenant_id"] = Value::String(v["tenant_id"].to_string());
    }
    v
}

fn rng_nanos(i: u64) -> u128 {
    (i as u128 * 7_654_321) % 1_000_000_000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_forms() {
        let s = json!({"user": {"domain": "LOCAL", "name": "admin", "uid": null, "sid": "S-1-5-21-1-2-3-500", "auth_id": "500"}});
        assert!(Identity::parse("local:admin").unwrap().matches(&s));
        assert!(Identity::parse("LOCAL:ADMIN").unwrap().matches(&s));
        assert!(!Identity::parse("ad:admin").unwrap().matches(&s));
        assert!(Identity::parse("auth_id:0x1f4").unwrap().matches(&s));
        assert!(Identity::parse("S-1-5-21-1-2-3-500").unwrap().matches(&s));
        assert!(Identity::parse("bogus:x").is_err());
    }

    #[test]
    fn tokens_round_trip() {
        assert_eq!(decode_token(&encode_token(42)), Some(42));
        assert_eq!(decode_token(&(encode_token(42) + ".e")), Some(42));
    }
}
