//! JSON-RPC 2.0 over a WebSocket (TrueNAS's only API for `auth.sessions`). The TLS settings
//! come from `tls::client_config`, so `ca_cert`, `tls_fingerprint` and `insecure` behave on
//! `wss://` exactly as on HTTPS. HTTP/1.1 is used for the upgrade (see
//! ../shared/docs/apis/truenas-auth.md).

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::WebSocketStream;

use crate::error::{chain, Error, Result};
use crate::transport::origin::Origin;
use crate::transport::tls::TlsOptions;
use crate::transport::Log;

/// Either side of the connection: plain TCP (`ws://`) or TLS (`wss://`).
trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

/// Why a connection could not be opened: the endpoint is missing (an HTTP status instead of
/// the upgrade), or anything else.
pub enum ConnectError {
    /// The server answered the upgrade with this HTTP status (404: no WebSocket API here).
    Status(u16),
    Other(Error),
}

/// A JSON-RPC answer, read without building a tree of its result.
#[derive(serde::Deserialize)]
pub struct Envelope<'a> {
    #[serde(default)]
    pub id: Option<u64>,
    #[serde(borrow, default)]
    pub result: Option<&'a serde_json::value::RawValue>,
    #[serde(default)]
    pub error: Option<WireError>,
}

/// `error` as JSON-RPC sends it.
#[derive(serde::Deserialize)]
pub struct WireError {
    #[serde(default)]
    code: i64,
    #[serde(default)]
    message: String,
    #[serde(default)]
    data: Value,
}

impl From<WireError> for RpcError {
    fn from(e: WireError) -> RpcError {
        RpcError {
            code: e.code,
            message: e.message,
            data: e.data,
        }
    }
}

pub fn parse_envelope<'a>(text: &'a str, method: &str) -> Result<Envelope<'a>> {
    serde_json::from_str(text).map_err(|e| {
        Error::server(format!(
            "invalid JSON-RPC message during {method}: {e} (body: {})",
            crate::transport::http::body_excerpt(text.as_bytes())
        ))
    })
}

/// An error from the remote method, in JSON-RPC's shape.
#[derive(Debug, Clone)]
pub struct RpcError {
    pub code: i64,
    pub message: String,
    pub data: Value,
}

impl RpcError {
    /// TrueNAS puts the human text in `data.reason`, e.g. `[EACCES] Not authorized`.
    pub fn text(&self) -> String {
        match self.data.get("reason").and_then(Value::as_str) {
            Some(r) if !r.is_empty() => r.trim().to_string(),
            _ => format!("{} ({})", self.message, self.code),
        }
    }
    pub fn errname(&self) -> Option<&str> {
        self.data.get("errname").and_then(Value::as_str)
    }
}

pub struct RpcClient {
    ws: WebSocketStream<Box<dyn Io>>,
    next_id: u64,
    timeout: Duration,
    log: Log,
}

impl RpcClient {
    /// Open `ws://` or `wss://` at the profile's origin, with a connect timeout and the
    /// profile's TLS trust.
    pub async fn connect(
        url: &url::Url,
        origin: &Origin,
        tls: &TlsOptions,
        timeout: Duration,
        log: Log,
    ) -> std::result::Result<RpcClient, ConnectError> {
        let other = |e: Error| ConnectError::Other(e);
        origin
            .check(url, &format!("the WebSocket URL '{url}'"))
            .map_err(other)?;
        let host = url
            .host_str()
            .ok_or_else(|| other(Error::usage(format!("url {url} has no host"))))?
            .to_string();
        let port = url.port_or_known_default().unwrap_or(443);
        log.verbose(format_args!(
            "> WebSocket upgrade {}",
            crate::transport::http::redact_url(url)
        ));
        // Plain ws:// to a name goes to the loopback addresses it was checked against.
        let connecting = async {
            match origin.pinned_addrs() {
                Some((_, addrs)) => TcpStream::connect(addrs).await,
                None => TcpStream::connect((host.trim_matches(['[', ']']), port)).await,
            }
        };
        let tcp = tokio::time::timeout(timeout.min(Duration::from_secs(10)), connecting)
            .await
            .map_err(|_| {
                other(Error::network(format!(
                    "timed out connecting to {host}:{port}"
                )))
            })?
            .map_err(|e| {
                other(Error::network(format!(
                    "cannot connect to {host}:{port}: {e}"
                )))
            })?;
        let _ = tcp.set_nodelay(true);
        let io: Box<dyn Io> = if url.scheme() == "wss" {
            let (config, rejections) =
                crate::transport::tls::client_config(tls, log).map_err(other)?;
            let name =
                rustls::pki_types::ServerName::try_from(host.trim_matches(['[', ']']).to_string())
                    .map_err(|e| other(Error::usage(format!("bad host name {host}: {e}"))))?;
            let tls_stream = tokio::time::timeout(timeout, tokio_rustls::TlsConnector::from(Arc::new(config)).connect(name, tcp))
                .await
                .map_err(|_| other(Error::network("timed out in the TLS handshake")))?
                .map_err(|e| {
                    let text = chain(&e);
                    other(rejections.take_error(tls).unwrap_or_else(|| {
                        Error::network(if crate::transport::tls::is_certificate_failure(&text) {
                            format!("TLS verification failed: {text} (set ca_cert or tls_fingerprint in the profile)")
                        } else {
                            format!("TLS handshake failed: {text}")
                        })
                    }))
                })?;
            Box::new(tls_stream)
        } else {
            Box::new(tcp)
        };
        let upgrade =
            tokio::time::timeout(timeout, tokio_tungstenite::client_async(url.as_str(), io)).await;
        let (ws, _resp) = match upgrade {
            Err(_) => return Err(other(Error::network("timed out in the WebSocket upgrade"))),
            Ok(Err(tungstenite::Error::Http(resp))) => {
                return Err(ConnectError::Status(resp.status().as_u16()))
            }
            Ok(Err(e)) => {
                return Err(other(Error::network(format!(
                    "WebSocket upgrade failed: {}",
                    chain(&e)
                ))))
            }
            Ok(Ok(pair)) => pair,
        };
        Ok(RpcClient {
            ws,
            next_id: 1,
            timeout,
            log,
        })
    }

    /// Call a method and wait (up to the timeout) for its answer. Notifications and answers to
    /// other ids are skipped. `log_params` false keeps credentials out of `-v`.
    pub async fn call(
        &mut self,
        method: &str,
        params: Value,
        log_params: bool,
    ) -> Result<std::result::Result<Value, RpcError>> {
        let text = self.call_text(method, params, log_params).await?;
        let answer: Envelope = parse_envelope(&text, method)?;
        match (answer.error, answer.result) {
            (Some(err), _) => Ok(Err(err.into())),
            (None, Some(raw)) => Ok(Ok(serde_json::from_str(raw.get()).map_err(|e| {
                Error::server(format!("invalid JSON-RPC result of {method}: {e}"))
            })?)),
            (None, None) => Ok(Ok(Value::Null)),
        }
    }

    /// Like [`call`](Self::call), but hands back the whole answer's text, for callers that
    /// pass large results through without building a tree (see [`Envelope`]).
    pub async fn call_text(
        &mut self,
        method: &str,
        params: Value,
        log_params: bool,
    ) -> Result<String> {
        let id = self.next_id;
        self.next_id += 1;
        if self.log.is_verbose() {
            let shown = if log_params {
                params.to_string()
            } else {
                "(credentials not shown)".to_string()
            };
            self.log.verbose(format_args!("> {method} {shown}"));
        }
        let request = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
        let started = Instant::now();
        let deadline = started + self.timeout;
        tokio::time::timeout_at(
            deadline.into(),
            self.ws.send(Message::text(request.to_string())),
        )
        .await
        .map_err(|_| Error::network(format!("timed out sending {method}")))?
        .map_err(|e| Error::network(format!("connection lost sending {method}: {}", chain(&e))))?;
        loop {
            let next = tokio::time::timeout_at(deadline.into(), self.ws.next())
                .await
                .map_err(|_| {
                    Error::network(format!(
                        "timed out after {} waiting for the answer to {method}",
                        humantime::format_duration(self.timeout)
                    ))
                })?;
            let text = match next {
                None | Some(Ok(Message::Close(_))) => {
                    return Err(Error::network(format!(
                        "the server closed the connection during {method}"
                    )))
                }
                Some(Err(e)) => {
                    let text = chain(&e);
                    // A TLS peer that drops the socket shows up as a missing close_notify.
                    return Err(Error::network(
                        if text.contains("close_notify") || text.contains("closed") {
                            format!("the server closed the connection during {method}")
                        } else {
                            format!("connection lost during {method}: {text}")
                        },
                    ));
                }
                Some(Ok(Message::Text(t))) => t.to_string(),
                Some(Ok(Message::Binary(b))) => String::from_utf8_lossy(&b).into_owned(),
                Some(Ok(_)) => continue, // ping/pong: handled by tungstenite
            };
            if parse_envelope(&text, method)?.id != Some(id) {
                continue;
            }
            self.log.verbose(format_args!(
                "< {method} answered ({} ms, {} bytes)",
                started.elapsed().as_millis(),
                text.len()
            ));
            return Ok(text);
        }
    }

    /// Close politely; errors here change nothing for the user.
    pub async fn close(mut self) {
        let started = Instant::now();
        let _ = tokio::time::timeout(Duration::from_secs(2), self.ws.close(None)).await;
        self.log.verbose(format_args!(
            "< closed ({} ms)",
            started.elapsed().as_millis()
        ));
    }
}
