//! TrueNAS 25.04 and later: JSON-RPC 2.0 over the WebSocket at `/api/current`, login with
//! `auth.login_ex`. See docs/vendors/truenas.md.

use serde_json::Value;

use super::query::AuthQuery;
use super::transport::Transport;
use crate::backends::closing::IN_FLIGHT;
use crate::backends::future::BoxFuture;
use crate::config::Target;
use crate::error::{Error, Result};
use crate::transport::http;
use crate::transport::jsonrpc::{RpcClient, RpcError};
use crate::transport::ws::{ConnectError, WsSocket};

use super::calls::Calls;
use super::login;

/// `https://nas` or `wss://nas` → `wss://nas/api/current`; a full `/api/vXX.YY.Z` (or
/// `/api/current`) path is kept as given.
pub(super) fn websocket_url(base: &url::Url) -> Result<url::Url> {
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
pub(super) struct JsonRpc(RpcClient);

/// What opening the JSON-RPC endpoint gave.
pub(super) enum Opened {
    LoggedIn(Box<JsonRpc>),
    /// The upgrade was answered with this HTTP status instead: no JSON-RPC API here.
    Missing(u16),
}

impl JsonRpc {
    /// Open the WebSocket at `/api/current` (or the pinned path) and log in.
    pub(super) async fn connect(target: &Target) -> Result<Opened> {
        let url = websocket_url(&target.url)?;
        let socket = match open_socket(target, &url).await? {
            Ok(socket) => socket,
            Err(status) => return Ok(Opened::Missing(status)),
        };
        target.log.verbose(format_args!(
            "using the JSON-RPC 2.0 WebSocket API at {}",
            http::redact_url(&url)
        ));
        let mut rpc = RpcClient::new(socket);
        login::login_ex(&mut rpc, target).await?;
        Ok(Opened::LoggedIn(Box::new(JsonRpc(rpc))))
    }
}

impl Transport for JsonRpc {
    fn call<'a>(&'a mut self, method: &'a str, params: Value) -> BoxFuture<'a, Result<Value>> {
        Box::pin(checked(&mut self.0, method, params))
    }

    fn sessions_text<'a>(&'a mut self, q: &'a AuthQuery) -> BoxFuture<'a, Result<Option<String>>> {
        Box::pin(async move {
            let text = self.0.call_text("auth.sessions", q.params(), true).await?;
            let answer = crate::transport::jsonrpc::parse_envelope(&text, "auth.sessions")?;
            if let Some(err) = answer.error {
                return Err(rpc_error("auth.sessions", &err.into()));
            }
            Ok(Some(
                answer.result.map(|r| r.get()).unwrap_or("null").to_string(),
            ))
        })
    }

    /// Up to IN_FLIGHT calls on the one socket: the middleware runs each call as its own
    /// task and answers it when it finishes (docs/vendors/truenas.md, "Ending sessions").
    fn terminate_many<'a>(&'a mut self, ids: &'a [String]) -> BoxFuture<'a, Result<Vec<Value>>> {
        Box::pin(async move {
            let answers = self
                .0
                .call_many(TERMINATE, terminate_calls(ids), IN_FLIGHT)
                .await?;
            terminated(answers)
        })
    }

    fn close(self: Box<Self>) -> BoxFuture<'static, ()> {
        Box::pin(self.0.close())
    }
}

pub(super) const TERMINATE: &str = "auth.terminate_session";

/// `auth.terminate_session`'s params, one call per id.
pub(super) fn terminate_calls(ids: &[String]) -> Vec<Value> {
    ids.iter().map(|id| serde_json::json!([id])).collect()
}

/// The answers to [`terminate_calls`], each error as a one-line error.
pub(super) fn terminated(answers: Vec<std::result::Result<Value, RpcError>>) -> Result<Vec<Value>> {
    answers
        .into_iter()
        .map(|a| a.map_err(|e| rpc_error(TERMINATE, &e)))
        .collect()
}

/// Call a method on either WebSocket protocol, its error as a one-line error.
pub(super) async fn checked(rpc: &mut dyn Calls, method: &str, params: Value) -> Result<Value> {
    rpc.call(method, params, true)
        .await?
        .map_err(|e| rpc_error(method, &e))
}

/// A JSON-RPC error as a one-line error: `[EACCES] Not authorized` with the right exit code.
pub(super) fn rpc_error(method: &str, e: &RpcError) -> Error {
    let text = format!("{method}: {}", e.text());
    let error = match e.errname() {
        Some("EACCES" | "ENOTAUTHENTICATED" | "EPERM") => Error::auth(text),
        _ => Error::server(text),
    };
    error.with_code(
        e.errname()
            .map_or_else(|| e.code.to_string(), str::to_string),
    )
}

impl Calls for RpcClient {
    fn call<'a>(
        &'a mut self,
        method: &'a str,
        params: Value,
        log_params: bool,
    ) -> BoxFuture<'a, Result<std::result::Result<Value, RpcError>>> {
        Box::pin(RpcClient::call(self, method, params, log_params))
    }
}

/// Open a WebSocket to the profile's origin. `Err(status)` when the upgrade is answered with
/// an HTTP status that says the endpoint is not there (404, or a redirect); other statuses
/// are errors with the exit code they deserve.
pub(super) async fn open_socket(
    target: &Target,
    url: &url::Url,
) -> Result<std::result::Result<WsSocket, u16>> {
    let origin = target.origin()?;
    match WsSocket::connect(url, &origin, &target.tls, target.limits, target.log).await {
        Ok(socket) => Ok(Ok(socket)),
        Err(ConnectError::Status(s, _)) if s == 404 || (300..400).contains(&s) => Ok(Err(s)),
        Err(ConnectError::Status(s, said)) => {
            let said = said.unwrap_or_else(|| "empty body".to_string());
            let status =
                reqwest::StatusCode::from_u16(s).unwrap_or(reqwest::StatusCode::BAD_GATEWAY);
            let at = http::redact_url(url);
            Err(http::status_error(
                status,
                format!("{said} (the WebSocket upgrade at {at})"),
            ))
        }
        Err(ConnectError::Other(e)) => Err(e),
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
