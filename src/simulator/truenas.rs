//! TrueNAS's auth sessions, as ../shared/docs/apis/truenas-auth.md describes them: JSON-RPC 2.0
//! over a WebSocket at `/api/current` (and pinned `/api/vXX.YY.Z` paths), with
//! `auth.login_ex`, the legacy logins, `auth.sessions` with the filter language and query
//! options, the terminate calls, and errors in the middleware's shape. `--truenas-core` serves
//! CORE instead: no WebSocket API, `GET /api/v2.0/auth/sessions` over REST.

use std::cmp::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use hyper::Method;
use serde_json::{json, Map, Value};
use tokio_tungstenite::tungstenite::Message;

use super::faults::{FaultKind, Faults};
use super::server::{SimRequest, SimResponse, VendorApi, WsHandler, WsStream};
use super::{Backend, Rng, SimOptions};
use crate::config::{BackendKind, Profile};

const ADMIN: &str = "truenas_admin";
/// An account with two-factor login: a correct password gets OTP_REQUIRED.
const OTP_USER: &str = "otpuser";
const KEY_ID: u64 = 3;
const KEY_NAME: &str = "sessions-cli";
/// API versions served; before 25.04 there is no `auth.login_ex` and no `secure_transport`.
const VERSIONS: [&str; 3] = ["v24.10.2", "v25.04.2", "v25.10.0"];
const OPTION_KEYS: [&str; 11] = [
    "relationships",
    "extend",
    "extend_context",
    "prefix",
    "extra",
    "order_by",
    "select",
    "count",
    "get",
    "offset",
    "limit",
];

pub fn backend(opts: &SimOptions, faults: Arc<Faults>) -> Backend {
    let api = Arc::new(TrueNasSim::new(opts, faults));
    Backend {
        name: "auth",
        url_path: "",
        comment: format!(
            "auth password of {ADMIN} and {OTP_USER} (for password = \"...\"): {}",
            api.state.password
        ),
        profile: Profile {
            backend: Some(BackendKind::Auth),
            username: Some(ADMIN.to_string()),
            api_key: Some(api.state.api_key.clone()),
            ..Profile::default()
        },
        api,
    }
}

struct State {
    password: String,
    api_key: String,
    quirks: bool,
    faults: Arc<Faults>,
    rng: Mutex<Rng>,
    /// Every session, oldest first; the ones of live connections are added and removed.
    sessions: Mutex<Vec<Value>>,
}

struct TrueNasSim {
    state: Arc<State>,
    core: bool,
}

/// A JSON-RPC error in the middleware's shape.
struct RpcErr {
    code: i64,
    message: &'static str,
    errname: &'static str,
    errno: i64,
    reason: String,
}

impl RpcErr {
    fn call(errname: &'static str, errno: i64, reason: impl Into<String>) -> RpcErr {
        RpcErr {
            code: -32001,
            message: "Method call error",
            errname,
            errno,
            reason: reason.into(),
        }
    }
    fn invalid(reason: impl Into<String>) -> RpcErr {
        RpcErr {
            code: -32602,
            message: "Invalid params",
            errname: "EINVAL",
            errno: 22,
            reason: reason.into(),
        }
    }
    fn to_json(&self) -> Value {
        json!({
            "code": self.code,
            "message": self.message,
            "data": { "error": self.errno, "errname": self.errname, "reason": format!("[{}] {}", self.errname, self.reason), "trace": null, "extra": null },
        })
    }
}

/// What one call does to the connection.
enum Outcome {
    Reply(Result<Value, RpcErr>),
    /// Terminating one's own session: the socket just closes, with no reply.
    CloseSocket,
    /// The `slow` fault: never answer.
    Silence,
    /// The `invalid-json` fault.
    Garbage,
}

impl TrueNasSim {
    fn new(opts: &SimOptions, faults: Arc<Faults>) -> TrueNasSim {
        let mut rng = Rng::new(opts.seed ^ 0x7A5);
        let password = format!("sim-{}", rng.hex(12));
        let api_key = format!("{KEY_ID}-{}", rng.hex(48));
        let sessions = make_sessions(&mut rng, opts.sessions, opts.quirks);
        TrueNasSim {
            state: Arc::new(State {
                password,
                api_key,
                quirks: opts.quirks,
                faults,
                rng: Mutex::new(rng),
                sessions: Mutex::new(sessions),
            }),
            core: opts.truenas_core,
        }
    }

    /// CORE's `GET /api/v2.0/auth/sessions` and `POST /api/v2.0/auth/terminate_session`.
    fn rest(&self, req: &SimRequest) -> SimResponse {
        if !req.path.starts_with("/api/v2.0/") {
            return SimResponse::raw(404, "text/plain", "Not Found");
        }
        let auth = req
            .headers
            .get(hyper::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let ok = auth.strip_prefix("Bearer ") == Some(self.state.api_key.as_str())
            || auth
                .strip_prefix("Basic ")
                .and_then(super::ontap::decode_basic)
                == Some((ADMIN.to_string(), self.state.password.clone()));
        if !ok {
            return SimResponse::raw(401, "text/plain", "Unauthorized");
        }
        match (&req.method, req.path.trim_end_matches('/')) {
            (&Method::GET, "/api/v2.0/auth/sessions") => {
                let mut filters = Vec::new();
                let mut options = Map::new();
                for (k, v) in &req.query {
                    match k.as_str() {
                        "limit" | "offset" => {
                            options.insert(k.clone(), json!(v.parse::<u64>().unwrap_or(0)));
                        }
                        "count" => {
                            options.insert(k.clone(), json!(v == "true"));
                        }
                        _ => {
                            let (field, op) = match k.rsplit_once("__") {
                                Some((f, "eq")) => (f, "="),
                                Some((f, "neq")) => (f, "!="),
                                Some((f, "gt")) => (f, ">"),
                                Some((f, "lt")) => (f, "<"),
                                Some((f, "gte")) => (f, ">="),
                                Some((f, "lte")) => (f, "<="),
                                Some((f, "regex")) => (f, "~"),
                                Some((_, op)) => {
                                    return SimResponse::json(
                                        422,
                                        &json!({ "message": format!("Invalid operator {op}"), "errno": 22 }),
                                    )
                                }
                                None => (k.as_str(), "="),
                            };
                            filters.push(json!([field, op, rest_value(v)]));
                        }
                    }
                }
                match self.state.query(
                    &Value::Array(filters),
                    &Value::Object(options),
                    None,
                    self.state.quirks,
                ) {
                    Ok(v) => SimResponse::json(200, &v),
                    Err(e) => {
                        SimResponse::json(422, &json!({ "message": e.reason, "errno": e.errno }))
                    }
                }
            }
            (&Method::POST, "/api/v2.0/auth/terminate_session") => {
                let id: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
                match id.as_str() {
                    Some(id) => SimResponse::json(200, &json!(self.state.remove(id))),
                    None => SimResponse::json(
                        422,
                        &json!({ "message": "Expected a session id string", "errno": 22 }),
                    ),
                }
            }
            _ => SimResponse::raw(404, "text/plain", "Not Found"),
        }
    }
}

/// Query-string values are strings; CORE reads true/false/numbers as such.
fn rest_value(v: &str) -> Value {
    match v {
        "true" => json!(true),
        "false" => json!(false),
        _ => v
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or_else(|_| json!(v)),
    }
}

impl VendorApi for TrueNasSim {
    fn handle(&self, req: &SimRequest) -> SimResponse {
        if req.path == "/api/versions" && !self.core {
            return SimResponse::json(200, &json!(VERSIONS));
        }
        if self.core {
            return self.rest(req);
        }
        // SCALE: the WebSocket is the API; there is no REST route for auth.sessions.
        SimResponse::raw(404, "text/plain", "Not Found")
    }

    fn is_data_request(&self, req: &SimRequest) -> bool {
        self.core && req.method == Method::GET && req.path.ends_with("/auth/sessions")
    }

    fn error(&self, status: u16, message: &str) -> SimResponse {
        SimResponse::json(status, &json!({ "message": message, "errno": status }))
    }

    fn websocket(&self, req: &SimRequest) -> Option<WsHandler> {
        if self.core {
            return None;
        }
        let version = match req.path.trim_end_matches('/') {
            "/api/current" => VERSIONS[VERSIONS.len() - 1],
            p => VERSIONS
                .iter()
                .copied()
                .find(|v| p.strip_prefix("/api/") == Some(*v))?,
        };
        let state = self.state.clone();
        let origin = match req.peer {
            std::net::SocketAddr::V4(a) => a.to_string(),
            std::net::SocketAddr::V6(a) => format!("[{}]:{}", a.ip(), a.port()),
        };
        let legacy = version < "v25.04";
        Some(Box::new(move |ws| {
            Box::pin(connection(state, ws, origin, legacy))
        }))
    }
}

/// One WebSocket connection: calls in, answers out, until it closes; its session goes with it.
async fn connection(state: Arc<State>, mut ws: WsStream, origin: String, legacy: bool) {
    let mut own: Option<String> = None;
    while let Some(Ok(msg)) = ws.next().await {
        let text = match msg {
            Message::Text(t) => t.to_string(),
            Message::Binary(b) => String::from_utf8_lossy(&b).into_owned(),
            Message::Close(_) => break,
            _ => continue,
        };
        let Ok(call) = serde_json::from_str::<Value>(&text) else {
            let err = json!({"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}});
            let _ = ws.send(Message::text(err.to_string())).await;
            continue;
        };
        let id = call.get("id").cloned().unwrap_or(Value::Null);
        let method = call.get("method").and_then(Value::as_str).unwrap_or("");
        let params = call.get("params").cloned().unwrap_or_else(|| json!([]));
        let outcome = state.dispatch(method, &params, &mut own, &origin, legacy);
        let reply = match outcome {
            Outcome::Reply(Ok(result)) => json!({"jsonrpc": "2.0", "id": id, "result": result}),
            Outcome::Reply(Err(e)) => json!({"jsonrpc": "2.0", "id": id, "error": e.to_json()}),
            Outcome::CloseSocket => break,
            Outcome::Silence => {
                tokio::time::sleep(Duration::from_secs(3600)).await;
                break;
            }
            Outcome::Garbage => {
                let _ = ws
                    .send(Message::text("{\"jsonrpc\": \"2.0\", \"id\": "))
                    .await;
                continue;
            }
        };
        if ws.send(Message::text(reply.to_string())).await.is_err() {
            break;
        }
    }
    if let Some(id) = own {
        state.remove(&id);
    }
}

impl State {
    fn dispatch(
        &self,
        method: &str,
        params: &Value,
        own: &mut Option<String>,
        origin: &str,
        legacy: bool,
    ) -> Outcome {
        let arg = |i: usize| params.get(i).cloned().unwrap_or(Value::Null);
        let reply = |r: Result<Value, RpcErr>| Outcome::Reply(r);
        match method {
            "core.ping" => return reply(Ok(json!("pong"))),
            "auth.login_ex" if legacy => {
                return reply(Err(RpcErr {
                    code: -32601,
                    message: "Method not found",
                    errname: "ENOMETHOD",
                    errno: 0,
                    reason: "Method does not exist".into(),
                }))
            }
            "auth.login_ex" => return reply(Ok(self.login_ex(&arg(0), own, origin, legacy))),
            "auth.login_with_api_key" => {
                let ok = arg(0).as_str() == Some(self.api_key.as_str());
                if ok {
                    *own = Some(self.add_session(origin, "API_KEY", self.key_data(), legacy));
                }
                return reply(Ok(json!(ok)));
            }
            "auth.login" => {
                let ok = arg(0).as_str() == Some(ADMIN)
                    && arg(1).as_str() == Some(self.password.as_str());
                if ok {
                    *own = Some(self.add_session(
                        origin,
                        "LOGIN_PASSWORD",
                        json!({"username": ADMIN}),
                        legacy,
                    ));
                }
                return reply(Ok(json!(ok)));
            }
            _ => {}
        }
        if own.is_none() {
            return reply(Err(RpcErr::call(
                "ENOTAUTHENTICATED",
                207,
                "Not authenticated",
            )));
        }
        match method {
            "auth.sessions" => {
                if let Some(fault) = self.faults.take_generic() {
                    return match fault {
                        FaultKind::Truncated => Outcome::CloseSocket,
                        FaultKind::Slow => Outcome::Silence,
                        FaultKind::InvalidJson => Outcome::Garbage,
                        FaultKind::RateLimit => reply(Err(RpcErr {
                            code: -32000,
                            message: "Too many concurrent calls",
                            errname: "EBUSY",
                            errno: 16,
                            reason: "Too many concurrent calls".into(),
                        })),
                        _ => reply(Err(RpcErr::call(
                            "EFAULT",
                            14,
                            "Internal error (injected fault)",
                        ))),
                    };
                }
                reply(self.query(&arg(0), &arg(1), own.as_deref(), false))
            }
            "auth.terminate_session" => {
                let target = arg(0);
                let Some(id) = target.as_str() else {
                    return reply(Err(RpcErr::invalid(
                        "auth.terminate_session: id must be a string",
                    )));
                };
                if Some(id) == own.as_deref() {
                    return Outcome::CloseSocket;
                }
                let done = self.remove(id);
                reply(Ok(if done && legacy {
                    Value::Null
                } else {
                    json!(done)
                }))
            }
            "auth.terminate_other_sessions" => {
                let mut all = lock(&self.sessions);
                all.retain(|s| s["id"].as_str() == own.as_deref() || s["internal"] == true);
                reply(Ok(json!(true)))
            }
            _ => reply(Err(RpcErr {
                code: -32601,
                message: "Method not found",
                errname: "ENOMETHOD",
                errno: 0,
                reason: format!("Method {method} does not exist"),
            })),
        }
    }

    fn login_ex(
        &self,
        cred: &Value,
        own: &mut Option<String>,
        origin: &str,
        legacy: bool,
    ) -> Value {
        let mech = cred.get("mechanism").and_then(Value::as_str).unwrap_or("");
        let user = cred.get("username").and_then(Value::as_str).unwrap_or("");
        let (ok, kind, data) = match mech {
            "API_KEY_PLAIN" => (
                user == ADMIN
                    && cred.get("api_key").and_then(Value::as_str) == Some(self.api_key.as_str()),
                "API_KEY",
                self.key_data(),
            ),
            "PASSWORD_PLAIN" => {
                let pass_ok =
                    cred.get("password").and_then(Value::as_str) == Some(self.password.as_str());
                if pass_ok && user == OTP_USER {
                    return json!({"response_type": "OTP_REQUIRED", "username": OTP_USER});
                }
                (
                    pass_ok && user == ADMIN,
                    "LOGIN_PASSWORD",
                    json!({"username": user}),
                )
            }
            _ => (false, "", Value::Null),
        };
        if !ok {
            return json!({"response_type": "AUTH_ERR"});
        }
        *own = Some(self.add_session(origin, kind, data, legacy));
        json!({"response_type": "SUCCESS", "user_info": {"pw_name": user, "privilege": {"roles": ["FULL_ADMIN"]}}, "authenticator": "LEVEL_1"})
    }

    fn key_data(&self) -> Value {
        json!({"username": ADMIN, "api_key": {"id": KEY_ID, "name": KEY_NAME}})
    }

    fn add_session(
        &self,
        origin: &str,
        credentials: &str,
        mut data: Value,
        legacy: bool,
    ) -> String {
        let id = uuid(&mut lock(&self.rng));
        let now = now_ms();
        if let Value::Object(d) = &mut data {
            d.insert("login_at".into(), json!({"$date": now}));
        }
        let mut s = json!({
            "id": id, "internal": false, "origin": origin, "credentials": credentials,
            "credentials_data": data, "created_at": {"$date": now},
        });
        if !legacy {
            s["secure_transport"] = json!(true);
        }
        lock(&self.sessions).push(s);
        id
    }

    fn remove(&self, id: &str) -> bool {
        let mut all = lock(&self.sessions);
        let before = all.len();
        all.retain(|s| s["id"].as_str() != Some(id));
        all.len() != before
    }

    /// `auth.sessions` semantics: filters, then order_by, offset, limit, select, count, get.
    fn query(
        &self,
        filters: &Value,
        options: &Value,
        own: Option<&str>,
        _rest: bool,
    ) -> Result<Value, RpcErr> {
        let filters = match filters {
            Value::Null => Vec::new(),
            Value::Array(f) => f.clone(),
            _ => return Err(RpcErr::invalid("filters: Input should be a valid list")),
        };
        let options = match options {
            Value::Null => Map::new(),
            Value::Object(o) => o.clone(),
            _ => {
                return Err(RpcErr::invalid(
                    "options: Input should be a valid dictionary",
                ))
            }
        };
        if let Some(k) = options.keys().find(|k| !OPTION_KEYS.contains(&k.as_str())) {
            return Err(RpcErr::invalid(format!(
                "options.{k}: Extra inputs are not permitted"
            )));
        }
        let all: Vec<Value> = lock(&self.sessions)
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s["current"] = json!(own.is_some() && s["id"].as_str() == own);
                s
            })
            .collect();
        let mut rows = Vec::new();
        for s in all {
            if filter_all(&s, &filters).map_err(RpcErr::invalid)? {
                rows.push(s);
            }
        }
        if let Some(order) = options.get("order_by").and_then(Value::as_array) {
            let keys: Vec<String> = order
                .iter()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect();
            rows.sort_by(|a, b| {
                for k in &keys {
                    let k = k
                        .trim_start_matches("nulls_first:")
                        .trim_start_matches("nulls_last:");
                    let (field, desc) = match k.strip_prefix('-') {
                        Some(f) => (f, true),
                        None => (k, false),
                    };
                    let o = compare(lookup(a, field), lookup(b, field));
                    let o = if desc { o.reverse() } else { o };
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                Ordering::Equal
            });
        }
        let offset = options.get("offset").and_then(Value::as_u64).unwrap_or(0) as usize;
        let limit = options.get("limit").and_then(Value::as_u64).unwrap_or(0) as usize;
        let rows: Vec<Value> = rows
            .into_iter()
            .skip(offset)
            .take(if limit == 0 { usize::MAX } else { limit })
            .collect();
        if options.get("count") == Some(&json!(true)) {
            return Ok(json!(rows.len()));
        }
        let rows: Vec<Value> = match options.get("select").and_then(Value::as_array) {
            Some(select) if !select.is_empty() => rows.iter().map(|r| project(r, select)).collect(),
            _ => rows,
        };
        let rows: Vec<Value> = if self.quirks {
            rows.into_iter().map(quirk).collect()
        } else {
            rows
        };
        if options.get("get") == Some(&json!(true)) {
            return rows
                .into_iter()
                .next()
                .ok_or_else(|| RpcErr::call("ENOENT", 2, "None"));
        }
        Ok(Value::Array(rows))
    }
}

/// In quirks mode some versions' `created_at` is an ISO string rather than `{"$date": ms}`.
fn quirk(mut r: Value) -> Value {
    let odd = r["id"]
        .as_str()
        .is_some_and(|id| id.ends_with(['0', '2', '4', '6', '8']));
    if odd {
        if let Some(ms) = r["created_at"].get("$date").and_then(Value::as_i64) {
            if let Ok(t) = time::OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000) {
                r["created_at"] = json!(crate::record::iso_utc(t));
            }
        }
    }
    r
}

fn project(r: &Value, select: &[Value]) -> Value {
    let mut out = json!({});
    for s in select {
        let (field, alias) = match s {
            Value::String(f) => (f.clone(), f.clone()),
            Value::Array(pair) if pair.len() == 2 => (
                pair[0].as_str().unwrap_or("").to_string(),
                pair[1].as_str().unwrap_or("").to_string(),
            ),
            _ => continue,
        };
        if let Some(v) = lookup(r, &field) {
            let mut cur = &mut out;
            let parts: Vec<&str> = alias.split('.').collect();
            for p in &parts[..parts.len() - 1] {
                cur = cur
                    .as_object_mut()
                    .unwrap()
                    .entry(p.to_string())
                    .or_insert_with(|| json!({}));
            }
            cur[parts[parts.len() - 1]] = v.clone();
        }
    }
    out
}

fn lookup<'a>(v: &'a Value, dotted: &str) -> Option<&'a Value> {
    dotted.split('.').try_fold(v, |cur, k| cur.get(k))
}

/// A comparable form: `{"$date": ms}` compares as its number.
fn comparable(v: &Value) -> &Value {
    v.get("$date").unwrap_or(v)
}

fn compare(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    match (a.map(comparable), b.map(comparable)) {
        (None, None) => Ordering::Equal,
        (None, _) | (Some(Value::Null), _) => Ordering::Less,
        (_, None) | (_, Some(Value::Null)) => Ordering::Greater,
        (Some(Value::Number(x)), Some(Value::Number(y))) => x
            .as_f64()
            .partial_cmp(&y.as_f64())
            .unwrap_or(Ordering::Equal),
        (Some(Value::Bool(x)), Some(Value::Bool(y))) => x.cmp(y),
        (Some(x), Some(y)) => text(x).cmp(&text(y)),
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A list of filters: all must hold.
fn filter_all(r: &Value, filters: &[Value]) -> Result<bool, String> {
    for f in filters {
        if !filter_one(r, f)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `[name, op, value]`, or `["OR", [filter, ...]]` where each branch is a filter or a list of
/// filters. A `C` prefix on the operator makes it case-insensitive.
fn filter_one(r: &Value, f: &Value) -> Result<bool, String> {
    let parts = f
        .as_array()
        .ok_or_else(|| format!("filters: {f} is not a list"))?;
    if parts.len() == 2 && parts[0] == "OR" {
        let branches = parts[1].as_array().ok_or("filters: OR takes a list")?;
        for b in branches {
            let hit = match b.as_array().and_then(|x| x.first()) {
                Some(Value::Array(_)) => filter_all(r, b.as_array().unwrap())?,
                _ => filter_one(r, b)?,
            };
            if hit {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let [name, op, want] = parts.as_slice() else {
        return Err(format!("filters: {f} is not [name, operator, value]"));
    };
    let name = name.as_str().ok_or("filters: the name must be a string")?;
    let op = op
        .as_str()
        .ok_or("filters: the operator must be a string")?;
    let (ci, op) = match op.strip_prefix('C') {
        Some(rest) if !rest.is_empty() => (true, rest),
        _ => (false, op),
    };
    let have = lookup(r, name)
        .map(comparable)
        .cloned()
        .unwrap_or(Value::Null);
    let fold = |v: &Value| if ci { text(v).to_lowercase() } else { text(v) };
    let eq = |a: &Value, b: &Value| {
        if ci {
            fold(a) == fold(b)
        } else {
            a == b || (a.is_number() && b.is_number() && a.as_f64() == b.as_f64())
        }
    };
    let contains = |list: &Value, x: &Value| match list {
        Value::Array(items) => items.iter().any(|i| eq(i, x)),
        Value::String(s) => fold(&Value::String(s.clone())).contains(&fold(x)),
        _ => false,
    };
    Ok(match op {
        "=" => eq(&have, want),
        "!=" => !eq(&have, want),
        ">" => compare(Some(&have), Some(comparable(want))) == Ordering::Greater,
        ">=" => compare(Some(&have), Some(comparable(want))) != Ordering::Less,
        "<" => compare(Some(&have), Some(comparable(want))) == Ordering::Less,
        "<=" => compare(Some(&have), Some(comparable(want))) != Ordering::Greater,
        "~" => {
            let pattern = if ci {
                format!("(?i){}", text(want))
            } else {
                text(want)
            };
            let re =
                regex_lite::Regex::new(&pattern).map_err(|e| format!("filters: bad regex: {e}"))?;
            have.as_str().is_some_and(|s| re.is_match(s))
        }
        "in" => contains(want, &have),
        "nin" => !contains(want, &have),
        "rin" => contains(&have, want),
        "rnin" => !contains(&have, want),
        "^" => fold(&have).starts_with(&fold(want)) && have.is_string(),
        "!^" => !fold(&have).starts_with(&fold(want)),
        "$" => fold(&have).ends_with(&fold(want)) && have.is_string(),
        "!$" => !fold(&have).ends_with(&fold(want)),
        other => return Err(format!("filters: unknown operator {other}")),
    })
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn uuid(rng: &mut Rng) -> String {
    let h = rng.hex(32);
    format!(
        "{}-{}-4{}-a{}-{}",
        &h[..8],
        &h[8..12],
        &h[13..16],
        &h[17..20],
        &h[20..32]
    )
}

/// Sessions since boot: root on the UNIX socket, the HA peer, web logins, API keys, tokens,
/// with IPv4 and IPv6 origins; oldest first.
fn make_sessions(rng: &mut Rng, n: usize, quirks: bool) -> Vec<Value> {
    const USERS: [&str; 4] = [ADMIN, "alice", "bob", "backup"];
    const KEYS: [(u64, &str); 3] = [(3, "sessions-cli"), (7, "grafana"), (9, "ansible")];
    let base_ms: i64 = 1_761_300_000_000;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let created = base_ms + (i as i64) * 37_000 + rng.below(30_000) as i64;
        let port = 30_000 + rng.below(30_000);
        let v4 = format!("192.168.{}.{}:{port}", 1 + rng.below(3), 2 + rng.below(250));
        let v6 = format!("[fd00:1::{:x}]:{port}", 0x10 + rng.below(0xfff));
        let ip = if rng.chance(25) { v6 } else { v4 };
        let user = *rng.pick(&USERS);
        let login = |u: &str| json!({"username": u, "login_id": format!("{:08x}", created), "login_at": {"$date": created}});
        let (internal, origin, credentials, data): (bool, String, &str, Value) = match (
            i,
            rng.below(100),
        ) {
            (0 | 1, _) => (
                true,
                format!("UNIX socket (pid={} uid=0 gid=0)", 2_459_000 + i),
                "UNIX_SOCKET",
                json!({"username": "root"}),
            ),
            (2, _) => (
                true,
                "169.254.10.2:41234".to_string(),
                if quirks {
                    "TRUE_NAS_NODE"
                } else {
                    "TRUENAS_NODE"
                },
                json!({}),
            ),
            (_, 0..=34) => (false, ip, "LOGIN_PASSWORD", login(user)),
            (_, 35..=59) => {
                let (id, name) = *rng.pick(&KEYS);
                let mut d = login(ADMIN);
                d["api_key"] = json!({"id": id, "name": name});
                (false, ip, "API_KEY", d)
            }
            (_, 60..=79) => (
                false,
                ip,
                "TOKEN",
                json!({"parent": {"credentials": "LOGIN_PASSWORD", "credentials_data": login(user)}, "username": user}),
            ),
            (_, 80..=89) => (false, ip, "LOGIN_TWOFACTOR", login(user)),
            (_, 90..=94) if quirks => (false, ip, "ROOT_TCP_SOCKET", json!({"username": "root"})),
            (_, _) => (
                true,
                format!("UNIX socket (pid={} uid=0 gid=0)", 3_100_000 + i),
                "UNIX_SOCKET",
                json!({"username": "root"}),
            ),
        };
        let secure = internal || rng.chance(90);
        out.push(json!({
            "id": uuid(rng), "internal": internal, "origin": origin, "credentials": credentials,
            "credentials_data": data, "created_at": {"$date": created}, "secure_transport": secure,
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_language() {
        let r = json!({"internal": false, "origin": "192.168.1.5:40000", "credentials": "API_KEY",
                       "credentials_data": {"username": "Alice"}, "created_at": {"$date": 100}});
        let t = |f: Value| filter_one(&r, &f).unwrap();
        assert!(t(json!(["internal", "=", false])));
        assert!(!t(json!(["internal", "!=", false])));
        assert!(t(json!(["origin", "^", "192.168."])));
        assert!(t(json!(["origin", "$", ":40000"])));
        assert!(t(json!(["origin", "~", "^192\\.168\\.1\\."])));
        assert!(t(json!(["credentials", "in", ["API_KEY", "TOKEN"]])));
        assert!(t(json!(["credentials", "nin", ["TOKEN"]])));
        assert!(t(json!(["credentials_data.username", "C=", "alice"])));
        assert!(!t(json!(["credentials_data.username", "=", "alice"])));
        assert!(t(json!(["created_at", ">", 50])));
        assert!(t(json!([
            "OR",
            [["internal", "=", true], ["credentials", "=", "API_KEY"]]
        ])));
        assert!(!t(json!([
            "OR",
            [["internal", "=", true], ["credentials", "=", "TOKEN"]]
        ])));
        assert!(filter_one(&r, &json!(["a", "??", 1])).is_err());
    }
}
