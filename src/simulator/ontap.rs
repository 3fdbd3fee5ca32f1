//! ONTAP's CIFS session API, as ../shared/docs/apis/ontap-cifs.md describes it: Basic and
//! bearer auth, `fields` (keys only, `*`, `**`, a list), `max_records`, `return_records`,
//! `order_by`, filters with the vendor's operators, `_links.next.href` with `start.*` tokens,
//! the single-record endpoint, `DELETE`, and ONTAP error bodies with string codes.

use std::cmp::Ordering;
use std::sync::{Arc, Mutex};

pub use base64_light::decode_basic;
use hyper::Method;
use serde_json::{json, Map, Value};

use super::faults::{FaultKind, Faults};
use super::server::{SimRequest, SimResponse, VendorApi};
use super::{Backend, Rng, SimOptions};
use crate::config::{BackendKind, Profile};
use crate::record::duration::{format_iso8601, parse_iso8601};

const COLLECTION: &str = "/api/protocols/cifs/sessions";
const ADMIN: &str = "admin";
/// An account that exists but lacks the rest-role for CIFS sessions: it gets 403.
const NO_ROLE: &str = "monitor";
const MAX_RECORDS_CAP: usize = 10_000;

/// Every field of a session record, and whether `fields=*` includes it (the expensive
/// `volumes` list only comes with `**` or by name).
const FIELDS: [(&str, bool); 22] = [
    ("node", true),
    ("svm", true),
    ("identifier", true),
    ("connection_id", true),
    ("authentication", true),
    ("client_ip", true),
    ("server_ip", true),
    ("connected_duration", true),
    ("idle_duration", true),
    ("connection_count", true),
    ("continuous_availability", true),
    ("large_mtu", true),
    ("mapped_unix_user", true),
    ("open_files", true),
    ("open_other", true),
    ("open_shares", true),
    ("protocol", true),
    ("smb_encryption", true),
    ("smb_signing", true),
    ("user", true),
    ("volumes", false),
    ("_links", false),
];
const DURATIONS: [&str; 2] = ["idle_duration", "connected_duration"];
const CONTROL: [&str; 5] = [
    "fields",
    "max_records",
    "return_records",
    "return_timeout",
    "order_by",
];

/// `client_der`: the certificate of the cert-auth account (`admin`), for mutual TLS.
pub fn backend(opts: &SimOptions, faults: Arc<Faults>, client_der: Vec<u8>) -> Backend {
    let api = Arc::new(OntapSim::new(opts, faults, client_der));
    let password = api.password.clone();
    Backend {
        name: "cifs",
        url_path: "",
        comment: format!("cifs bearer token (for token = \"...\"): {}", api.bearer),
        api,
        profile: Profile {
            backend: Some(BackendKind::Cifs),
            username: Some(ADMIN.to_string()),
            password: Some(password),
            ..Profile::default()
        },
    }
}

type Key = (String, String, u64, u64);

struct OntapSim {
    /// The certificate of the account that logs in with mutual TLS.
    client_der: Vec<u8>,
    password: String,
    bearer: String,
    quirks: bool,
    /// `--next-link`: served as `_links.next.href` on every page instead of the real link.
    next_link: Option<String>,
    faults: Arc<Faults>,
    fault_pages: Mutex<u64>,
    /// Sessions in key order (node.uuid, svm.uuid, identifier, connection_id), each with its
    /// `fields=**` JSON rendered once, so that big listings are not slowed by the simulator.
    sessions: Mutex<Vec<(Key, Value, String)>>,
}

fn key_of(v: &Value) -> Key {
    (
        v["node"]["uuid"].as_str().unwrap_or("").to_string(),
        v["svm"]["uuid"].as_str().unwrap_or("").to_string(),
        v["identifier"].as_u64().unwrap_or(0),
        v["connection_id"].as_u64().unwrap_or(0),
    )
}

fn error(status: u16, code: &str, message: &str, target: Option<&str>) -> SimResponse {
    let mut e = json!({ "message": message, "code": code });
    if let Some(t) = target {
        e["target"] = Value::String(t.to_string());
    }
    SimResponse::json(status, &json!({ "error": e }))
}

impl OntapSim {
    fn new(opts: &SimOptions, faults: Arc<Faults>, client_der: Vec<u8>) -> OntapSim {
        let mut rng = Rng::new(opts.seed ^ 0x0DA7A);
        let password = format!("sim-{}", rng.hex(12));
        let bearer = format!("sim-oauth-{}", rng.hex(24));
        let mut sim = OntapSim {
            client_der,
            password,
            bearer,
            quirks: opts.quirks,
            next_link: opts.next_link.clone(),
            faults,
            fault_pages: Mutex::new(0),
            sessions: Mutex::new(Vec::new()),
        };
        let mut sessions: Vec<(Key, Value, String)> = make_sessions(&mut rng, opts.sessions)
            .into_iter()
            .map(|v| {
                let all = sim.render(&v, &Fields::All, false).to_string();
                (key_of(&v), v, all)
            })
            .collect();
        sessions.sort_by(|a, b| a.0.cmp(&b.0));
        sim.sessions = Mutex::new(sessions);
        sim
    }

    /// 401 for no or bad credentials, 403 for an account without the role, else `None`.
    fn check_auth(&self, req: &SimRequest) -> Option<SimResponse> {
        let auth = req
            .headers
            .get(hyper::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if auth.is_empty() && req.client_cert.as_deref() == Some(self.client_der.as_slice()) {
            return None; // certificate authentication: the certificate's CN is the account
        }
        if let Some(token) = auth.strip_prefix("Bearer ") {
            return (token != self.bearer).then(|| SimResponse::raw(401, "text/plain", ""));
        }
        let creds = auth.strip_prefix("Basic ").and_then(decode_basic);
        match creds {
            Some((u, p)) if p == self.password && u == ADMIN => None,
            Some((u, p)) if p == self.password && u == NO_ROLE => {
                Some(error(403, "6", "not authorized for that command", None))
            }
            // ONTAP may answer a failed login with no JSON body at all.
            _ => Some(SimResponse::raw(401, "text/plain", "")),
        }
    }

    fn list(&self, req: &SimRequest) -> SimResponse {
        for (k, _) in &req.query {
            if !CONTROL.contains(&k.as_str()) && !k.starts_with("start.") && !is_field(k) {
                return error(
                    400,
                    "262179",
                    &format!("Unexpected argument \"{k}\"."),
                    Some(k),
                );
            }
        }
        let fields = match Fields::from_request(req) {
            Ok(f) => f,
            Err(refusal) => return refusal,
        };
        let max = match req.param("max_records").map(str::parse::<usize>) {
            None => MAX_RECORDS_CAP,
            Some(Ok(n)) => n.min(MAX_RECORDS_CAP),
            Some(Err(_)) => {
                return error(
                    400,
                    "2",
                    "Invalid value for field \"max_records\".",
                    Some("max_records"),
                )
            }
        };
        if let Some(t) = req.param("return_timeout") {
            if !t.parse::<u32>().is_ok_and(|t| t <= 120) {
                return error(
                    400,
                    "2",
                    "Field \"return_timeout\" must be between 0 and 120.",
                    Some("return_timeout"),
                );
            }
        }
        let filters: Vec<(&str, &str)> = req
            .query
            .iter()
            .filter(|(k, _)| is_field(k))
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let order = match req.param("order_by").map(parse_order).transpose() {
            Ok(o) => o,
            Err(bad) => {
                return error(
                    400,
                    "2",
                    &format!("Invalid field \"{bad}\" in order_by."),
                    Some("order_by"),
                )
            }
        };
        let hal = req
            .headers
            .get(hyper::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("hal+json"));

        let all = lock(&self.sessions);
        if req.param("return_records") == Some("false") {
            let n = all
                .iter()
                .filter(|(_, v, _)| filters.iter().all(|(k, f)| matches_filter(v, k, f)))
                .count();
            return SimResponse::json(200, &json!({ "num_records": n }));
        }
        // The `endless` fault serves the first page again, under a link no page had before.
        let endless = self.faults.take_endless();
        let start = if endless.is_some() {
            None
        } else {
            start_key(req)
        };
        // Fast path: no filter, key order: binary-search the start.
        let page: Vec<&(Key, Value, String)>;
        let more: bool;
        if filters.is_empty() && order.is_none() {
            let from = match &start {
                Some(k) => all.partition_point(|(key, _, _)| key <= k),
                None => 0,
            };
            let end = (from + max).min(all.len());
            page = all[from..end].iter().collect();
            more = end < all.len();
        } else {
            let mut matching: Vec<&(Key, Value, String)> = all
                .iter()
                .filter(|(_, v, _)| filters.iter().all(|(k, f)| matches_filter(v, k, f)))
                .collect();
            if let Some(order) = &order {
                matching.sort_by(|a, b| compare_by(&a.1, &b.1, order).then_with(|| a.0.cmp(&b.0)));
            }
            let from = match &start {
                Some(k) => matching
                    .iter()
                    .position(|(key, _, _)| key == k)
                    .map(|i| i + 1)
                    .unwrap_or(0),
                None => 0,
            };
            let end = (from + max).min(matching.len());
            more = end < matching.len();
            matching.truncate(end);
            matching.drain(..from);
            page = matching;
        }

        // The `empty-pages` fault: what ONTAP does when return_timeout hits mid-page.
        let (page, extra) = if let Some(n) = endless {
            (page, Some(format!("start.endless={n}")))
        } else if more && self.faults.take(FaultKind::EmptyPages) {
            let mut n = lock(&self.fault_pages);
            *n += 1;
            let keep = if *n % 2 == 1 { 0 } else { page.len() / 2 };
            (
                page[..keep].to_vec(),
                Some(format!("start.timeout_round={n}")),
            )
        } else {
            (page, None)
        };
        let plain_all = matches!(fields, Fields::All) && !hal && !self.quirks;
        let records: Vec<std::borrow::Cow<'_, str>> = page
            .iter()
            .map(|(_, v, all)| {
                if plain_all {
                    std::borrow::Cow::Borrowed(all.as_str())
                } else {
                    std::borrow::Cow::Owned(self.render(v, &fields, hal).to_string())
                }
            })
            .collect();
        let mut links = Map::new();
        if hal {
            links.insert(
                "self".into(),
                json!({ "href": format!("{COLLECTION}?{}", req.raw_query) }),
            );
        }
        let cursor = match (&extra, page.last()) {
            _ if endless.is_some() => None,
            (Some(_), Some((k, _, _))) => Some(k.clone()),
            (Some(_), None) => start.clone(),
            (None, Some((k, _, _))) if more => Some(k.clone()),
            _ => None,
        };
        if more || extra.is_some() {
            let loops = self.faults.take(FaultKind::Loop);
            links.insert(
                "next".into(),
                json!({ "href": next_href(req, cursor.as_ref(), extra.as_deref(), loops) }),
            );
        }
        if let Some(text) = &self.next_link {
            links.insert("next".into(), json!({ "href": text }));
        }
        // The body is assembled from the records' JSON text (pre-rendered for fields=**).
        let mut body =
            String::with_capacity(records.iter().map(|r| r.len() + 1).sum::<usize>() + 256);
        body.push_str("{\"records\":[");
        for (i, r) in records.iter().enumerate() {
            if i > 0 {
                body.push(',');
            }
            body.push_str(r);
        }
        body.push_str(&format!("],\"num_records\":{}", records.len()));
        if !links.is_empty() {
            body.push_str(&format!(",\"_links\":{}", Value::Object(links)));
        }
        body.push('}');
        let ctype = if hal {
            "application/hal+json"
        } else {
            "application/json"
        };
        SimResponse::raw(200, ctype, body)
    }

    /// A record with the fields asked for (keys always), in quirks mode spelled the way some
    /// ONTAP versions and doc examples spell them.
    fn render(&self, v: &Value, fields: &Fields, hal: bool) -> Value {
        let mut out = Map::new();
        for (name, in_star) in FIELDS {
            let key_field = matches!(name, "node" | "svm" | "identifier" | "connection_id");
            let wanted = key_field
                || match fields {
                    Fields::Keys => false,
                    Fields::Star => in_star,
                    Fields::All => true,
                    Fields::List(list) => list
                        .iter()
                        .any(|f| f == name || f.starts_with(&format!("{name}."))),
                };
            if !wanted || name == "_links" {
                continue;
            }
            let Some(value) = v.get(name) else { continue };
            let value = match fields {
                Fields::List(list) if name == "volumes" && !list.iter().any(|f| f == "volumes") => {
                    // Only the sub-fields asked for, e.g. volumes.name.
                    let subs: Vec<&str> = list
                        .iter()
                        .filter_map(|f| f.strip_prefix("volumes."))
                        .collect();
                    Value::Array(
                        value
                            .as_array()
                            .map(|a| {
                                a.iter()
                                    .map(|vol| {
                                        Value::Object(
                                            subs.iter()
                                                .filter_map(|s| {
                                                    vol.get(*s).map(|x| (s.to_string(), x.clone()))
                                                })
                                                .collect(),
                                        )
                                    })
                                    .collect()
                            })
                            .unwrap_or_default(),
                    )
                }
                _ => value.clone(),
            };
            out.insert(name.to_string(), value);
        }
        if self.quirks {
            quirk(&mut out);
        }
        if hal {
            let (n, s, i, c) = key_of(v);
            out.insert(
                "_links".into(),
                json!({ "self": { "href": format!("{COLLECTION}/{n}/{s}/{i}/{c}") } }),
            );
        }
        Value::Object(out)
    }

    fn one(&self, req: &SimRequest, key: &[&str]) -> SimResponse {
        let fields = match Fields::from_request(req) {
            Ok(f) => f,
            Err(refusal) => return refusal,
        };
        let all = lock(&self.sessions);
        match all.iter().find(|(k, _, _)| key_matches(k, key, false)) {
            Some((_, v, _)) => SimResponse::json(200, &self.render(v, &fields, false)),
            None => error(404, "4", "entry doesn't exist", Some("identifier")),
        }
    }

    fn delete(&self, key: &[&str]) -> SimResponse {
        let mut all = lock(&self.sessions);
        let before = all.len();
        all.retain(|(k, _, _)| !key_matches(k, key, true));
        if all.len() == before {
            return error(404, "4", "entry doesn't exist", Some("identifier"));
        }
        SimResponse::json(200, &json!({}))
    }
}

/// Does a stored key match a path key? For DELETE, identifier 0 (and connection id 0) mean
/// "all" (see the API note); GET needs the exact session.
fn key_matches(k: &Key, path: &[&str], wildcards: bool) -> bool {
    let (Some(id), Some(conn)) = (path[2].parse::<u64>().ok(), path[3].parse::<u64>().ok()) else {
        return false;
    };
    if k.0 != path[0] || k.1 != path[1] {
        return false;
    }
    match (wildcards, id, conn) {
        (true, 0, 0) => true,
        (true, 0, c) => k.3 == c,
        (_, i, c) => k.2 == i && k.3 == c,
    }
}

impl VendorApi for OntapSim {
    fn handle(&self, req: &SimRequest) -> SimResponse {
        if let Some(refused) = self.check_auth(req) {
            return refused;
        }
        let path = req.path.trim_end_matches('/');
        let rest: Vec<&str> = path
            .strip_prefix(COLLECTION)
            .unwrap_or("-")
            .split('/')
            .filter(|s| !s.is_empty())
            .collect();
        match (&req.method, path.starts_with(COLLECTION), rest.len()) {
            (&Method::GET, true, 0) if path == COLLECTION => self.list(req),
            (&Method::GET, true, 4) => self.one(req, &rest),
            (&Method::DELETE, true, 4) => self.delete(&rest),
            (_, true, 0 | 4) => error(405, "3", "not supported", None),
            _ => error(404, "4", &format!("API not found: {}", req.path), None),
        }
    }

    fn is_data_request(&self, req: &SimRequest) -> bool {
        req.method == Method::GET && req.path.trim_end_matches('/') == COLLECTION
    }

    fn error(&self, status: u16, message: &str) -> SimResponse {
        error(status, &status.to_string(), message, None)
    }
}

/// What `fields=` asked for.
enum Fields {
    Keys,
    Star,
    All,
    List(Vec<String>),
}

impl Fields {
    /// The request's `fields`, or ONTAP's error for a field it does not have.
    fn from_request(req: &SimRequest) -> Result<Fields, SimResponse> {
        Fields::parse(req.param("fields")).map_err(|bad| {
            error(
                400,
                "2",
                &format!("Invalid field \"{bad}\"."),
                Some("fields"),
            )
        })
    }

    fn parse(param: Option<&str>) -> Result<Fields, String> {
        match param.map(str::trim) {
            None | Some("") => Ok(Fields::Keys),
            Some("*") => Ok(Fields::Star),
            Some("**") => Ok(Fields::All),
            Some(list) => {
                let items: Vec<String> = list
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
                match items.iter().find(|f| !is_field(f)) {
                    Some(bad) => Err(bad.clone()),
                    None => Ok(Fields::List(items)),
                }
            }
        }
    }
}

fn is_field(name: &str) -> bool {
    let top = name.split('.').next().unwrap_or("");
    FIELDS.iter().any(|(f, _)| *f == top && *f != "_links")
        && match name.split_once('.') {
            None => true,
            Some((parent, sub)) => {
                matches!((parent, sub), ("node" | "svm" | "volumes", "name" | "uuid"))
            }
        }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// `start.*` tokens of the request, if any.
fn start_key(req: &SimRequest) -> Option<Key> {
    Some((
        req.param("start.node.uuid")?.to_string(),
        req.param("start.svm.uuid")?.to_string(),
        req.param("start.identifier")?.parse().ok()?,
        req.param("start.connection_id")?.parse().ok()?,
    ))
}

/// The next link: the request's own query (as the client sent it) without old `start.*`
/// tokens, plus new ones. The `loop` fault sends the request's own link back.
fn next_href(req: &SimRequest, cursor: Option<&Key>, extra: Option<&str>, loops: bool) -> String {
    if loops {
        return format!("{COLLECTION}?{}", req.raw_query);
    }
    let mut parts: Vec<String> = req
        .raw_query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("start."))
        .map(str::to_string)
        .collect();
    if let Some((n, s, i, c)) = cursor {
        parts.push(format!("start.node.uuid={n}"));
        parts.push(format!("start.svm.uuid={s}"));
        parts.push(format!("start.identifier={i}"));
        parts.push(format!("start.connection_id={c}"));
    }
    if let Some(e) = extra {
        parts.push(e.to_string());
    }
    format!("{COLLECTION}?{}", parts.join("&"))
}

fn parse_order(spec: &str) -> Result<Vec<(String, bool)>, String> {
    spec.split(',')
        .map(|part| {
            let mut words = part.split_whitespace();
            let field = words.next().ok_or_else(|| part.to_string())?.to_string();
            let desc = match words.next().map(str::to_ascii_lowercase).as_deref() {
                None | Some("asc") => false,
                Some("desc") => true,
                Some(_) => return Err(part.to_string()),
            };
            if is_field(&field) {
                Ok((field, desc))
            } else {
                Err(field)
            }
        })
        .collect()
}

fn compare_by(a: &Value, b: &Value, order: &[(String, bool)]) -> Ordering {
    for (field, desc) in order {
        let o = compare_values(&lookup(a, field), &lookup(b, field), field);
        let o = if *desc { o.reverse() } else { o };
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

/// The values of a dotted field; arrays (volumes.name) give several.
fn lookup(v: &Value, field: &str) -> Vec<Value> {
    let mut cur = vec![v.clone()];
    for part in field.split('.') {
        cur = cur
            .into_iter()
            .flat_map(|x| match x.get(part) {
                Some(Value::Array(items)) => items.clone(),
                Some(other) => vec![other.clone()],
                None => vec![],
            })
            .collect();
    }
    cur
}

fn as_number(v: &Value, field: &str) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(*b as u8 as f64),
        Value::String(s) if DURATIONS.contains(&field) => parse_iso8601(s),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn compare_values(a: &[Value], b: &[Value], field: &str) -> Ordering {
    match (a.first(), b.first()) {
        (None, None) => Ordering::Equal,
        (None, _) => Ordering::Less,
        (_, None) => Ordering::Greater,
        (Some(x), Some(y)) => match (as_number(x, field), as_number(y, field)) {
            (Some(p), Some(q)) if !x.is_string() || DURATIONS.contains(&field) => {
                p.partial_cmp(&q).unwrap_or(Ordering::Equal)
            }
            _ => text(x).cmp(&text(y)),
        },
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// ONTAP query semantics for one `field=expr`: `|` separates alternatives; each may start
/// with `!` (not) and then `<=`, `>=`, `<` or `>`; `*` is a wildcard; `null` and `!null`.
fn matches_filter(v: &Value, field: &str, expr: &str) -> bool {
    let values = lookup(v, field);
    expr.split('|').any(|alt| {
        let (negate, alt) = match alt.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, alt),
        };
        let hit = if alt == "null" {
            values.iter().all(Value::is_null)
        } else {
            values.iter().any(|x| matches_one(x, field, alt))
        };
        hit != negate
    })
}

fn matches_one(x: &Value, field: &str, alt: &str) -> bool {
    for (op, ord) in [
        ("<=", [Ordering::Less, Ordering::Equal]),
        (">=", [Ordering::Greater, Ordering::Equal]),
        ("<", [Ordering::Less; 2]),
        (">", [Ordering::Greater; 2]),
    ] {
        if let Some(rhs) = alt.strip_prefix(op) {
            let rhs_num = if DURATIONS.contains(&field) {
                parse_iso8601(rhs)
            } else {
                rhs.parse::<f64>().ok()
            };
            return match (as_number(x, field), rhs_num) {
                (Some(a), Some(b)) => a.partial_cmp(&b).is_some_and(|o| ord.contains(&o)),
                _ => ord.contains(&text(x).as_str().cmp(rhs)),
            };
        }
    }
    if DURATIONS.contains(&field) {
        if let (Some(a), Some(b)) = (as_number(x, field), parse_iso8601(alt)) {
            return a == b;
        }
    }
    wildcard(&text(x).to_lowercase(), &alt.to_lowercase())
}

/// `*` matches any run of characters.
fn wildcard(s: &str, pattern: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return s == pattern;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !s.starts_with(first)
        || !s[first.len()..].ends_with(last)
        || s.len() < first.len() + last.len()
    {
        return false;
    }
    let mut rest = &s[first.len()..s.len() - last.len()];
    for mid in &parts[1..parts.len() - 1] {
        match rest.find(mid) {
            Some(i) => rest = &rest[i + mid.len()..],
            None => return false,
        }
    }
    true
}

/// The oddities of real systems and doc examples: numbers as strings, `large_mtu: 1`,
/// `smb_signing: ""`, durations not normalised, fractional seconds, old names for values.
fn quirk(r: &mut Map<String, Value>) {
    let id = r.get("identifier").and_then(Value::as_u64).unwrap_or(0);
    for k in ["identifier", "connection_count", "open_files"] {
        if let Some(v) = r.get_mut(k) {
            if v.is_number() {
                *v = Value::String(v.to_string());
            }
        }
    }
    if let Some(v) = r.get_mut("large_mtu") {
        *v = json!(if v.as_bool() == Some(true) { 1 } else { 0 });
    }
    if let Some(v) = r.get_mut("smb_signing") {
        if v.as_bool() == Some(false) {
            *v = json!("");
        }
    }
    for k in DURATIONS {
        if let Some(Value::String(s)) = r.get(k) {
            let secs = parse_iso8601(s).unwrap_or(0.0) as u64;
            let odd = if secs >= 86_400 && id % 2 == 0 {
                // One day spelled as 24 hours, as ONTAP does: P4DT84H30M5S.
                let (d, rem) = (secs / 86_400, secs % 86_400);
                format!(
                    "P{}DT{}H{}M{}S",
                    d - 1,
                    24 + rem / 3600,
                    rem / 60 % 60,
                    rem % 60
                )
            } else if id % 3 == 0 {
                format!("PT{secs}.250S")
            } else {
                s.clone()
            };
            r.insert(k.to_string(), Value::String(odd));
        }
    }
    if let Some(Value::String(p)) = r.get_mut("protocol") {
        if p == "smb3_1" && id % 2 == 1 {
            *p = "smb3.1".to_string();
        }
    }
    r.insert(
        "lif_address".into(),
        r.get("server_ip").cloned().unwrap_or(Value::Null),
    );
}

const NODES: [(&str, &str); 2] = [
    ("cluster1-01", "85d46998-4e5d-11ea-afb1-0050568ec4e4"),
    ("cluster1-02", "9a1b2c3d-4e5d-11ea-afb1-0050568ec4e5"),
];
const SVMS: [(&str, &str, &str); 4] = [
    (
        "vs0",
        "80e7e4e2-4e60-11ea-afb1-0050568ec4e4",
        "10.140.70.190",
    ),
    (
        "vs1",
        "fc824aa8-4e60-11ea-afb1-0050568ec4e4",
        "10.140.70.197",
    ),
    (
        "vs_fin",
        "1f4e2a9c-4e61-11ea-afb1-0050568ec4e4",
        "10.140.71.10",
    ),
    (
        "vs_eng",
        "2b7c9d11-4e61-11ea-afb1-0050568ec4e4",
        "10.140.71.20",
    ),
];
const VOLUMES: [&str; 6] = ["vol1", "home", "projects", "finance", "scratch", "origin"];
const USERS: [&str; 9] = [
    "CORP\\alice",
    "CORP\\bob",
    "CORP\\carol",
    "CORP\\administrator",
    "CORP\\svc_backup",
    "CORP\\dave",
    "CORP\\erin",
    "CORP\\frank",
    "NBCIFSQA2\\administrator",
];
const PROTOCOLS: [&str; 5] = ["smb2", "smb2_1", "smb3", "smb3_1", "smb3_1"];
const AUTHS: [&str; 4] = ["kerberos", "kerberos", "ntlmv2", "ntlmv1"];

fn make_sessions(rng: &mut Rng, n: usize) -> Vec<Value> {
    let mut out = Vec::with_capacity(n);
    let mut conn = 0u64;
    for i in 0..n {
        // Several sessions may share a connection.
        if i == 0 || !rng.chance(20) {
            conn = if rng.chance(50) {
                2_147_483_648 + rng.below(2_147_483_647)
            } else {
                1 + rng.below(2_147_483_647)
            };
        }
        let (node_name, node_uuid) = *rng.pick(&NODES);
        let (svm_name, svm_uuid, lif) = *rng.pick(&SVMS);
        // Identifiers are u64; about half are above i64::MAX.
        let identifier = if rng.chance(50) {
            (1u64 << 63) | rng.next_u64()
        } else {
            rng.next_u64() >> 1
        };
        let anonymous = rng.chance(3);
        let user = if anonymous { "" } else { *rng.pick(&USERS) };
        let connected = rng.spread_secs(60 * 86_400);
        let idle = rng.below(connected + 1);
        let protocol = if rng.chance(2) {
            "smb1"
        } else {
            *rng.pick(&PROTOCOLS)
        };
        let vols: Vec<Value> = (0..rng.below(4))
            .map(|k| {
                let name = VOLUMES[(i + k as usize) % VOLUMES.len()];
                json!({ "name": name, "uuid": format!("{:08x}-4e62-11ea-afb1-0050568ec4e4", 0x954d697fu64 + k * 17 + name.len() as u64) })
            })
            .collect();
        let encryption = if protocol.starts_with("smb3") && rng.chance(60) {
            if rng.chance(10) {
                "partially_encrypted"
            } else {
                "encrypted"
            }
        } else {
            "unencrypted"
        };
        out.push(json!({
            "node": { "name": node_name, "uuid": node_uuid },
            "svm": { "name": svm_name, "uuid": svm_uuid },
            "identifier": identifier,
            "connection_id": conn,
            "authentication": if anonymous { "anonymous" } else { *rng.pick(&AUTHS) },
            "client_ip": format!("10.{}.{}.{}", 74 + rng.below(4), rng.below(255), 1 + rng.below(253)),
            "server_ip": lif,
            "connected_duration": format_iso8601(connected),
            "idle_duration": format_iso8601(idle),
            "connection_count": 1 + rng.below(3),
            "continuous_availability": *rng.pick(&["unavailable", "unavailable", "available", "partial"]),
            "large_mtu": rng.chance(80),
            "mapped_unix_user": if anonymous { "pcuser" } else { *rng.pick(&["root", "pcuser", "nobody"]) },
            "open_files": if rng.chance(30) { 0 } else { rng.below(40) },
            "open_other": rng.below(4),
            "open_shares": 1 + rng.below(3),
            "protocol": protocol,
            "smb_encryption": encryption,
            "smb_signing": rng.chance(50),
            "user": user,
            "volumes": vols,
        }));
    }
    out
}

/// Just enough Base64 to read a Basic `Authorization` header.
mod base64_light {
    pub fn decode_basic(b64: &str) -> Option<(String, String)> {
        let text = String::from_utf8(decode(b64.trim())?).ok()?;
        let (u, p) = text.split_once(':')?;
        Some((u.to_string(), p.to_string()))
    }

    fn decode(s: &str) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut acc = 0u32;
        let mut bits = 0;
        for c in s.bytes().filter(|c| *c != b'=') {
            let v = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                _ => return None,
            } as u32;
            acc = (acc << 6) | v;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push((acc >> bits) as u8);
                acc &= (1 << bits) - 1;
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters() {
        let v = json!({"user": "CORP\\administrator", "open_files": 12, "idle_duration": "P1DT2H", "svm": {"name": "vs1"}, "volumes": [{"name": "a"}, {"name": "b"}]});
        assert!(matches_filter(&v, "user", "*admin*"));
        assert!(!matches_filter(&v, "user", "!*admin*"));
        assert!(matches_filter(&v, "open_files", ">10"));
        assert!(!matches_filter(&v, "open_files", "<=11"));
        assert!(matches_filter(&v, "idle_duration", ">P1D"));
        assert!(matches_filter(&v, "idle_duration", ">PT24H"));
        assert!(matches_filter(&v, "svm.name", "vs0|vs1"));
        assert!(matches_filter(&v, "volumes.name", "b"));
        assert!(!matches_filter(&v, "svm.name", "vs2"));
    }

    #[test]
    fn basic_decodes() {
        assert_eq!(
            base64_light::decode_basic("YWRtaW46cHc="),
            Some(("admin".into(), "pw".into()))
        );
    }

    #[test]
    fn wildcards() {
        assert!(wildcard("smb2_1", "smb2*"));
        assert!(wildcard("abc", "*"));
        assert!(!wildcard("ab", "a*b*c"));
        assert!(wildcard("axbxc", "a*b*c"));
    }
}
