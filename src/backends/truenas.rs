//! TrueNAS login sessions: `auth.sessions` over JSON-RPC 2.0 on a WebSocket (SCALE has no
//! REST route for it), or `GET /api/v2.0/auth/sessions` on TrueNAS CORE.
//! Vendor behaviour and traps: ../shared/docs/apis/truenas-auth.md.

use reqwest::Method;
use serde_json::{json, Value};

use crate::config::{ApiFlavour, Target};
use crate::error::{Error, Result};
use crate::paginate::Flow;
use crate::record::rawjson;
use crate::record::{self, Cell, Column, Record};
use crate::transport::http::{self, Client};
use crate::transport::ws::{ConnectError, RpcClient, RpcError};

/// JSON-RPC's "method not found": `auth.login_ex` is missing before 25.04.
const METHOD_NOT_FOUND: i64 = -32601;
pub const REST_SESSIONS: &str = "/api/v2.0/auth/sessions";

#[rustfmt::skip]
pub static COLUMNS: &[Column] = &[
    Column { name: "id", header: "ID", about: "session id", default: true, get: |r| record::text(r, "id") },
    Column { name: "current", header: "CURRENT", about: "this connection", default: true, get: |r| record::boolean(r, "current") },
    Column { name: "internal", header: "INTERNAL", about: "root on the UNIX socket, or the HA peer", default: true, get: |r| record::boolean(r, "internal") },
    Column { name: "origin", header: "ORIGIN", about: "ip:port, [v6]:port, or the UNIX socket's pid/uid/gid", default: true, get: |r| record::text(r, "origin") },
    Column { name: "credentials", header: "CREDENTIALS", about: "LOGIN_PASSWORD, API_KEY, TOKEN, UNIX_SOCKET, ... (unknown values kept)", default: true, get: |r| record::text(r, "credentials") },
    Column { name: "credentials_data", header: "CREDENTIALS DATA", about: "who: the user, the API key's name, or a token's parent credential", default: true, get: describe_credentials },
    Column { name: "created_at", header: "CREATED AT", about: "when the session began (ISO 8601, UTC)", default: true, get: |r| record::time(r, "created_at") },
    Column { name: "secure_transport", header: "SECURE", about: "TLS or the local socket (25.04+)", default: true, get: |r| record::boolean(r, "secure_transport") },
    Column { name: "username", header: "USERNAME", about: "the user, also for tokens (from the parent credential)", default: false, get: |r| username(r.get("credentials_data")).map(Cell::Text).unwrap_or(Cell::Null) },
];

fn username(data: Option<&Value>) -> Option<String> {
    let data = data?;
    data.get("username")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .or_else(|| username(data.get("parent").and_then(|p| p.get("credentials_data"))))
}

/// `credentials_data` made readable, instead of the vendor CLI's `<dict>`:
/// `alice`, `alice (API key "rust-cli" #3)`, `token from LOGIN_PASSWORD alice`.
fn describe_credentials(r: &Record) -> Cell {
    fn describe(credentials: &str, data: &Value) -> String {
        let user = data.get("username").and_then(Value::as_str).unwrap_or("");
        if let Some(key) = data.get("api_key").filter(|k| k.is_object()) {
            let name = key.get("name").map(record::value_text).unwrap_or_default();
            let id = key.get("id").map(record::value_text).unwrap_or_default();
            return format!("{user} (API key \"{name}\" #{id})")
                .trim_start()
                .to_string();
        }
        if let Some(parent) = data.get("parent").filter(|p| p.is_object()) {
            let pc = parent
                .get("credentials")
                .and_then(Value::as_str)
                .unwrap_or("?");
            let inner = describe(pc, parent.get("credentials_data").unwrap_or(&Value::Null));
            return format!("token from {pc} {inner}").trim_end().to_string();
        }
        if user.is_empty() && credentials.is_empty() {
            return String::new();
        }
        user.to_string()
    }
    match r.get("credentials_data") {
        None | Some(Value::Null) => Cell::Null,
        Some(data) => {
            let cred = r.get("credentials").and_then(Value::as_str).unwrap_or("");
            let text = describe(cred, data);
            if text.is_empty() {
                Cell::Null
            } else {
                Cell::Text(text)
            }
        }
    }
}

/// Add `created_at_utc` beside the vendor's `created_at` (`{"$date": ms}` in every version,
/// though the schema says date-time; ISO strings are accepted too).
fn normalize(mut r: Record) -> Record {
    if let Some(t) = r.get("created_at").and_then(record::parse_time) {
        r.insert("created_at_utc".into(), Value::String(record::iso_utc(t)));
    }
    r
}

/// What `sessions auth` asks for.
#[derive(Debug, Clone, Default)]
pub struct AuthQuery {
    pub exclude_internal: bool,
    pub credentials: Option<String>,
    pub user: Option<String>,
    pub origin: Option<String>,
    /// Raw TrueNAS filters from `--filter` (each already a JSON filter).
    pub raw_filters: Vec<Value>,
    pub order_by: Vec<String>,
}

impl AuthQuery {
    /// The `[filters, options]` params of `auth.sessions`.
    pub fn params(&self) -> Value {
        let mut filters: Vec<Value> = Vec::new();
        if self.exclude_internal {
            // The web UI's filter; the old docstring's `["internal","=",true]` is backwards.
            filters.push(json!(["internal", "=", false]));
        }
        if let Some(c) = &self.credentials {
            filters.push(json!(["credentials", "=", c]));
        }
        if let Some(u) = &self.user {
            filters.push(json!(["credentials_data.username", "=", u]));
        }
        if let Some(o) = &self.origin {
            filters.push(json!(["origin", "^", o]));
        }
        filters.extend(self.raw_filters.iter().cloned());
        let mut options = json!({});
        if !self.order_by.is_empty() {
            options["order_by"] = json!(self.order_by);
        }
        json!([filters, options])
    }

    /// CORE's REST query string: `field=value` and `field__op=value`.
    fn rest_query(&self) -> Result<Vec<(String, String)>> {
        if !self.raw_filters.is_empty() || !self.order_by.is_empty() {
            return Err(Error::usage(
                "--filter and --order-by need the WebSocket API; TrueNAS CORE's REST API takes only the named filters (use --sort to order)",
            ));
        }
        let mut q = Vec::new();
        if self.exclude_internal {
            q.push(("internal".to_string(), "false".to_string()));
        }
        if let Some(c) = &self.credentials {
            q.push(("credentials".to_string(), c.clone()));
        }
        if let Some(u) = &self.user {
            q.push(("credentials_data.username".to_string(), u.clone()));
        }
        if let Some(o) = &self.origin {
            q.push((
                "origin__regex".to_string(),
                format!("^{}", regex_lite::escape(o)),
            ));
        }
        Ok(q)
    }
}

/// `https://nas` or `wss://nas` → `wss://nas/api/current`; a full `/api/vXX.YY.Z` (or
/// `/api/current`) path is kept as given.
pub fn websocket_url(base: &url::Url) -> Result<url::Url> {
    let mut u = base.clone();
    let scheme = match base.scheme() {
        "https" | "wss" => "wss",
        "http" | "ws" => "ws",
        other => {
            return Err(Error::usage(format!(
                "url scheme '{other}' is not https, wss, http or ws"
            )))
        }
    };
    u.set_scheme(scheme)
        .map_err(|_| Error::usage(format!("cannot use {scheme}:// for {base}")))?;
    let path = base.path().trim_end_matches('/');
    let is_api_path = path == "/api/current" || path.starts_with("/api/v");
    if !is_api_path {
        let prefix = path.strip_suffix("/api").unwrap_or(path);
        u.set_path(&format!("{prefix}/api/current"));
    }
    Ok(u)
}

/// The REST root of a CORE system: the origin over http(s), without any `/api/...` path.
fn rest_base(base: &url::Url) -> Result<url::Url> {
    let mut u = base.clone();
    let scheme = if matches!(base.scheme(), "wss" | "https") {
        "https"
    } else {
        "http"
    };
    // Url refuses to switch between special and non-special schemes; rebuild instead.
    let text = format!(
        "{scheme}://{}",
        &u[url::Position::BeforeHost..url::Position::AfterPort]
    );
    u = url::Url::parse(&text).map_err(|e| Error::usage(format!("url {base}: {e}")))?;
    Ok(u)
}

/// A JSON-RPC error as a one-line error: `[EACCES] Not authorized` with the right exit code.
fn rpc_error(method: &str, e: &RpcError) -> Error {
    let text = format!("{method}: {}", e.text());
    match e.errname() {
        Some("EACCES" | "ENOTAUTHENTICATED" | "EPERM") => Error::auth(text),
        _ => Error::server(text),
    }
}

/// A logged-in JSON-RPC connection, or the CORE REST API.
pub enum TrueNas {
    Rpc(RpcClient),
    Rest {
        client: Client,
        base: url::Url,
        target: Box<Target>,
    },
}

impl TrueNas {
    /// Connect and log in. A 404 on the WebSocket upgrade means TrueNAS CORE: use REST.
    pub async fn connect(target: &Target) -> Result<TrueNas> {
        if target.api == Some(ApiFlavour::Rest) {
            log(
                target,
                format_args!(
                    "using the CORE REST API ({REST_SESSIONS}), as the profile says api = \"rest\""
                ),
            );
            return TrueNas::rest(target);
        }
        let url = websocket_url(&target.url)?;
        let origin = target.origin()?;
        // Even where the profile allows plaintext: TrueNAS revokes a key it receives that way.
        if origin.in_clear_to_remote() && target.api_key.is_some() {
            return Err(Error::usage(format!(
                "refusing to send an API key over unencrypted ws:// to {}: TrueNAS 25.04 and later revoke a key sent that way; use https:// or wss://",
                url.host_str().unwrap_or("?")
            )));
        }
        match RpcClient::connect(&url, &origin, &target.tls, target.timeout, target.log).await {
            Ok(mut rpc) => {
                log(
                    target,
                    format_args!(
                        "using the JSON-RPC WebSocket API at {}",
                        http::redact_url(&url)
                    ),
                );
                login(&mut rpc, target).await?;
                Ok(TrueNas::Rpc(rpc))
            }
            Err(ConnectError::Status(404)) => {
                log(target, format_args!("no WebSocket API at {} (HTTP 404): TrueNAS CORE; using the REST API ({REST_SESSIONS})", http::redact_url(&url)));
                TrueNas::rest(target)
            }
            Err(ConnectError::Status(s @ (401 | 403))) => Err(Error::auth(format!(
                "the WebSocket upgrade was refused with HTTP {s}"
            ))),
            Err(ConnectError::Status(s)) => Err(Error::server(format!(
                "the WebSocket upgrade was answered with HTTP {s}"
            ))),
            Err(ConnectError::Other(e)) => Err(e),
        }
    }

    fn rest(target: &Target) -> Result<TrueNas> {
        if target.api_key.is_none() && (target.username.is_none() || target.password.is_none()) {
            return Err(Error::usage(
                "the profile needs an api_key source, or username with a password source",
            ));
        }
        Ok(TrueNas::Rest {
            client: Client::for_target(target)?,
            base: rest_base(&target.url)?,
            target: Box::new(target.clone()),
        })
    }

    /// Every session matching the query, handed to `sink` (TrueNAS answers in one piece).
    pub async fn sessions(
        &mut self,
        q: &AuthQuery,
        mut sink: impl FnMut(Vec<Record>) -> Result<Flow>,
    ) -> Result<()> {
        let result = match self {
            TrueNas::Rpc(rpc) => rpc
                .call("auth.sessions", q.params(), true)
                .await?
                .map_err(|e| rpc_error("auth.sessions", &e))?,
            TrueNas::Rest {
                client,
                base,
                target,
            } => {
                let mut url = http::join(base, REST_SESSIONS)?;
                url.query_pairs_mut().extend_pairs(q.rest_query()?);
                rest_call(client, target, Method::GET, url, None).await?
            }
        };
        let Value::Array(items) = result else {
            return Err(Error::server(format!(
                "auth.sessions answered with {} instead of a list",
                kind_of(&result)
            )));
        };
        let records = items
            .into_iter()
            .map(|v| match v {
                Value::Object(r) => Ok(normalize(r)),
                other => Err(Error::server(format!(
                    "a session is not an object: {other}"
                ))),
            })
            .collect::<Result<Vec<_>>>()?;
        sink(records).map(|_| ())
    }

    /// Like [`sessions`](Self::sessions), for whole-record JSON output: over the WebSocket the
    /// answer's sessions pass through as text with `created_at_utc` appended (see `rawjson`),
    /// so a 5,000-session run costs little beyond the round trip.
    pub async fn sessions_text(
        &mut self,
        q: &AuthQuery,
        mut sink: impl FnMut(Vec<String>) -> Result<Flow>,
    ) -> Result<()> {
        let TrueNas::Rpc(rpc) = self else {
            let mut texts = Vec::new();
            self.sessions(q, |records| {
                texts = records
                    .iter()
                    .map(|r| serde_json::to_string(r).unwrap_or_default())
                    .collect();
                Ok(Flow::Continue)
            })
            .await?;
            return sink(texts).map(|_| ());
        };
        let text = rpc.call_text("auth.sessions", q.params(), true).await?;
        let answer = crate::transport::ws::parse_envelope(&text, "auth.sessions")?;
        if let Some(err) = answer.error {
            return Err(rpc_error("auth.sessions", &err.into()));
        }
        let raw = answer.result.map(|r| r.get()).unwrap_or("null");
        sink(text_records(raw)?).map(|_| ())
    }

    /// End sessions by id. Returns the ids TrueNAS did not know.
    pub async fn terminate(&mut self, ids: &[String]) -> Result<Vec<String>> {
        let mut unknown = Vec::new();
        for id in ids {
            let answer = match self {
                TrueNas::Rpc(rpc) => rpc
                    .call("auth.terminate_session", json!([id]), true)
                    .await?
                    .map_err(|e| rpc_error("auth.terminate_session", &e))?,
                TrueNas::Rest {
                    client,
                    base,
                    target,
                } => {
                    let url = http::join(base, "/api/v2.0/auth/terminate_session")?;
                    rest_call(client, target, Method::POST, url, Some(json!(id))).await?
                }
            };
            // `true` on success (`null` before 25.04), `false` for an unknown id.
            if answer == Value::Bool(false) {
                unknown.push(id.clone());
            }
        }
        Ok(unknown)
    }

    /// `auth.terminate_other_sessions`: everything but this connection and internal sessions.
    pub async fn terminate_others(&mut self) -> Result<()> {
        match self {
            TrueNas::Rpc(rpc) => {
                rpc.call("auth.terminate_other_sessions", json!([]), true)
                    .await?
                    .map_err(|e| rpc_error("auth.terminate_other_sessions", &e))?;
                Ok(())
            }
            TrueNas::Rest { .. } => Err(Error::usage("--others needs the WebSocket API")),
        }
    }

    pub async fn close(self) {
        if let TrueNas::Rpc(rpc) = self {
            rpc.close().await;
        }
    }
}

/// `auth.sessions`' result as finished single-line JSON sessions: the same JSON `normalize`
/// gives, without building a map per session when it can be helped.
fn text_records(raw: &str) -> Result<Vec<String>> {
    #[derive(serde::Deserialize)]
    struct Peek<'a> {
        #[serde(borrow, default)]
        created_at: Option<&'a serde_json::value::RawValue>,
    }
    let items: Vec<&serde_json::value::RawValue> = serde_json::from_str(raw).map_err(|_| {
        Error::server(format!(
            "auth.sessions answered with {} instead of a list",
            crate::transport::http::body_excerpt(raw.as_bytes())
        ))
    })?;
    items
        .into_iter()
        .map(|item| {
            let bad =
                |e: serde_json::Error| Error::server(format!("a session is not an object: {e}"));
            let peek: Peek = serde_json::from_str(item.get()).map_err(bad)?;
            let created = peek
                .created_at
                .and_then(|c| serde_json::from_str::<Value>(c.get()).ok())
                .and_then(|v| record::parse_time(&v))
                .map(|t| Value::String(record::iso_utc(t)));
            let extra: Vec<(&str, Value)> =
                created.into_iter().map(|c| ("created_at_utc", c)).collect();
            rawjson::finish(item, true, &extra, normalize)
        })
        .collect()
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn log(target: &Target, args: std::fmt::Arguments<'_>) {
    target.log.verbose(args);
}

async fn login(rpc: &mut RpcClient, target: &Target) -> Result<()> {
    let (mechanism, legacy_method, legacy_params) = match (&target.api_key, &target.username, &target.password) {
        (Some(key), Some(user), _) => (
            json!({ "mechanism": "API_KEY_PLAIN", "username": user, "api_key": key.expose() }),
            "auth.login_with_api_key",
            json!([key.expose()]),
        ),
        // Without a username, only the legacy call can take a key.
        (Some(key), None, _) => return legacy_login(rpc, "auth.login_with_api_key", json!([key.expose()])).await,
        (None, Some(user), Some(pass)) => (
            json!({ "mechanism": "PASSWORD_PLAIN", "username": user, "password": pass.expose() }),
            "auth.login",
            json!([user, pass.expose()]),
        ),
        _ => return Err(Error::usage("the profile needs an api_key source (with username), or username with a password source")),
    };
    match rpc.call("auth.login_ex", json!([mechanism]), false).await? {
        Ok(answer) => {
            let kind = answer
                .get("response_type")
                .and_then(Value::as_str)
                .unwrap_or("?");
            match kind {
                "SUCCESS" => Ok(()),
                "OTP_REQUIRED" => Err(Error::auth(
                    "TrueNAS asks for a one-time password (OTP_REQUIRED): this account uses two-factor login; use an API key instead",
                )),
                "AUTH_ERR" => Err(Error::auth("TrueNAS refused the credentials (AUTH_ERR)")),
                "EXPIRED" => Err(Error::auth("TrueNAS says the credentials have expired or the API key was revoked (EXPIRED)")),
                other => Err(Error::auth(format!("TrueNAS did not log us in ({other})"))),
            }
        }
        Err(e) if e.code == METHOD_NOT_FOUND => {
            log(
                target,
                format_args!(
                    "auth.login_ex does not exist here (before 25.04); using {legacy_method}"
                ),
            );
            legacy_login(rpc, legacy_method, legacy_params).await
        }
        Err(e) => Err(Error::auth(format!("auth.login_ex: {}", e.text()))),
    }
}

async fn legacy_login(rpc: &mut RpcClient, method: &str, params: Value) -> Result<()> {
    match rpc.call(method, params, false).await? {
        Ok(Value::Bool(true)) => Ok(()),
        Ok(_) => Err(Error::auth(format!(
            "TrueNAS refused the credentials ({method} answered false)"
        ))),
        Err(e) => Err(Error::auth(format!("{method}: {}", e.text()))),
    }
}

/// One REST call on CORE: bearer API key, or Basic. Errors: 401 plain text, 403 empty,
/// 422 `{"message","errno"}` (see the API note).
async fn rest_call(
    client: &Client,
    target: &Target,
    method: Method,
    url: url::Url,
    body: Option<Value>,
) -> Result<Value> {
    let mut req = client.request(method, url);
    if let Some(key) = &target.api_key {
        req = req.bearer_auth(key.expose());
    } else if let (Some(u), Some(p)) = (&target.username, &target.password) {
        req = req.basic_auth(u, Some(p.expose()));
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let resp = client.send(req).await?;
    if !resp.status.is_success() {
        let parsed: Option<Value> = serde_json::from_slice(&resp.body).ok();
        let message = parsed
            .as_ref()
            .and_then(|v| v.get("message"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| resp.body_excerpt());
        return Err(http::status_error(
            resp.status,
            format!("TrueNAS REST: HTTP {}: {message}", resp.status),
        ));
    }
    serde_json::from_slice(&resp.body).map_err(|e| {
        Error::server(format!(
            "invalid JSON from the TrueNAS REST API: {e} (body: {})",
            resp.body_excerpt()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> url::Url {
        url::Url::parse(s).unwrap()
    }

    #[test]
    fn websocket_urls() {
        assert_eq!(
            websocket_url(&u("https://nas")).unwrap().as_str(),
            "wss://nas/api/current"
        );
        assert_eq!(
            websocket_url(&u("wss://nas:8443")).unwrap().as_str(),
            "wss://nas:8443/api/current"
        );
        assert_eq!(
            websocket_url(&u("https://nas/api/v25.10.0"))
                .unwrap()
                .as_str(),
            "wss://nas/api/v25.10.0"
        );
        assert_eq!(
            websocket_url(&u("http://127.0.0.1:81")).unwrap().as_str(),
            "ws://127.0.0.1:81/api/current"
        );
        assert!(websocket_url(&u("ftp://nas")).is_err());
        assert_eq!(
            rest_base(&u("wss://nas:8443/api/current"))
                .unwrap()
                .as_str(),
            "https://nas:8443/"
        );
    }

    #[test]
    fn filters_from_flags() {
        let q = AuthQuery {
            exclude_internal: true,
            credentials: Some("API_KEY".into()),
            user: Some("alice".into()),
            origin: Some("10.".into()),
            raw_filters: vec![json!(["secure_transport", "=", true])],
            order_by: vec!["-created_at".into()],
        };
        assert_eq!(
            q.params(),
            json!([[["internal", "=", false], ["credentials", "=", "API_KEY"], ["credentials_data.username", "=", "alice"], ["origin", "^", "10."], ["secure_transport", "=", true]], {"order_by": ["-created_at"]}])
        );
    }

    #[test]
    fn credentials_data_is_readable() {
        let r = |v: Value| v.as_object().unwrap().clone();
        let key = r(
            json!({"credentials": "API_KEY", "credentials_data": {"username": "truenas_admin", "api_key": {"id": 3, "name": "rust-cli"}}}),
        );
        assert_eq!(
            describe_credentials(&key),
            Cell::Text("truenas_admin (API key \"rust-cli\" #3)".into())
        );
        let token = r(
            json!({"credentials": "TOKEN", "credentials_data": {"parent": {"credentials": "LOGIN_PASSWORD", "credentials_data": {"username": "alice"}}}}),
        );
        assert_eq!(
            describe_credentials(&token),
            Cell::Text("token from LOGIN_PASSWORD alice".into())
        );
        assert_eq!(
            username(token.get("credentials_data")).as_deref(),
            Some("alice")
        );
        let unknown = r(json!({"credentials": "TRUE_NAS_NODE", "credentials_data": {}}));
        assert_eq!(describe_credentials(&unknown), Cell::Null);
    }

    /// The text path gives the same JSON as parse-and-normalise, for `$date` and ISO forms.
    #[test]
    fn text_records_match_parsed_ones() {
        let raw = r#"[{"id":"a","created_at":{"$date":1690307689000},"credentials":"TOKEN"},
                      {"id":"b","created_at":"2023-07-25T17:54:49Z"},{"id":"c"}]"#;
        let texts = text_records(raw).unwrap();
        let parsed: Vec<Value> = serde_json::from_str(raw).unwrap();
        assert_eq!(texts.len(), 3);
        for (t, p) in texts.iter().zip(parsed) {
            let want = Value::Object(normalize(p.as_object().unwrap().clone()));
            assert_eq!(serde_json::from_str::<Value>(t).unwrap(), want, "{t}");
        }
        assert!(text_records("{}").is_err());
    }
}
