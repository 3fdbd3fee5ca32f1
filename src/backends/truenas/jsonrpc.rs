//! TrueNAS 25.04 and later: JSON-RPC 2.0 over the WebSocket at `/api/current`, login with
//! `auth.login_ex` (or the legacy calls before 25.04). See ../shared/docs/apis/truenas-auth.md.

use serde_json::{json, Value};

use super::connection::Transport;
use super::query::AuthQuery;
use crate::backends::BoxFuture;
use crate::config::Target;
use crate::error::{Error, Result};
use crate::transport::http;
use crate::transport::ws::{ConnectError, RpcClient, RpcError};

/// JSON-RPC's "method not found": `auth.login_ex` is missing before 25.04.
const METHOD_NOT_FOUND: i64 = -32601;

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

/// A logged-in JSON-RPC connection.
pub struct JsonRpc(RpcClient);

impl JsonRpc {
    /// Open the WebSocket and log in. `None` when there is no WebSocket API (HTTP 404): CORE.
    pub async fn connect(target: &Target) -> Result<Option<JsonRpc>> {
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
                target.log.verbose(format_args!(
                    "using the JSON-RPC WebSocket API at {}",
                    http::redact_url(&url)
                ));
                login(&mut rpc, target).await?;
                Ok(Some(JsonRpc(rpc)))
            }
            Err(ConnectError::Status(404)) => {
                target.log.verbose(format_args!(
                    "no WebSocket API at {} (HTTP 404): TrueNAS CORE; using the REST API ({})",
                    http::redact_url(&url),
                    super::rest::REST_SESSIONS
                ));
                Ok(None)
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

    async fn call(&mut self, method: &str, params: Value) -> Result<Value> {
        self.0
            .call(method, params, true)
            .await?
            .map_err(|e| rpc_error(method, &e))
    }
}

impl Transport for JsonRpc {
    fn sessions<'a>(&'a mut self, q: &'a AuthQuery) -> BoxFuture<'a, Result<Value>> {
        Box::pin(self.call("auth.sessions", q.params()))
    }

    fn sessions_text<'a>(&'a mut self, q: &'a AuthQuery) -> BoxFuture<'a, Result<Option<String>>> {
        Box::pin(async move {
            let text = self.0.call_text("auth.sessions", q.params(), true).await?;
            let answer = crate::transport::ws::parse_envelope(&text, "auth.sessions")?;
            if let Some(err) = answer.error {
                return Err(rpc_error("auth.sessions", &err.into()));
            }
            Ok(Some(
                answer.result.map(|r| r.get()).unwrap_or("null").to_string(),
            ))
        })
    }

    fn terminate<'a>(&'a mut self, id: &'a str) -> BoxFuture<'a, Result<Value>> {
        Box::pin(self.call("auth.terminate_session", json!([id])))
    }

    fn terminate_others(&mut self) -> BoxFuture<'_, Result<()>> {
        Box::pin(async move {
            self.call("auth.terminate_other_sessions", json!([]))
                .await
                .map(|_| ())
        })
    }

    fn close(self: Box<Self>) -> BoxFuture<'static, ()> {
        Box::pin(self.0.close())
    }
}

/// A JSON-RPC error as a one-line error: `[EACCES] Not authorized` with the right exit code.
pub(super) fn rpc_error(method: &str, e: &RpcError) -> Error {
    let text = format!("{method}: {}", e.text());
    match e.errname() {
        Some("EACCES" | "ENOTAUTHENTICATED" | "EPERM") => Error::auth(text),
        _ => Error::server(text),
    }
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
            target.log.verbose(format_args!(
                "auth.login_ex does not exist here (before 25.04); using {legacy_method}"
            ));
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
            super::super::rest::rest_base(&u("wss://nas:8443/api/current"))
                .unwrap()
                .as_str(),
            "https://nas:8443/"
        );
    }
}
