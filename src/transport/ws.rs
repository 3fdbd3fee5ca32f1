//! A WebSocket with the profile's trust: text messages in and out, with deadlines. The TLS
//! settings come from `tls::client_config`, so `ca_cert`, `tls_fingerprint` and `insecure`
//! behave on `wss://` exactly as on HTTPS. HTTP/1.1 is used for the upgrade (see
//! docs/vendors/truenas.md). The protocols spoken over it (JSON-RPC 2.0 in
//! `jsonrpc.rs`, TrueNAS's DDP in its backend) are not this file's business.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::WebSocketStream;

use crate::error::{self, Error, Result};
use crate::transport::failure;
use crate::transport::http::{retryable_status, RetryPolicy};
use crate::transport::origin::Origin;
use crate::transport::tls::TlsOptions;
use crate::transport::{Limits, Log};

/// Either side of the connection: plain TCP (`ws://`) or TLS (`wss://`).
trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

/// Why a connection could not be opened: the endpoint is missing (an HTTP status instead of
/// the upgrade), or anything else.
pub(crate) enum ConnectError {
    /// The server answered the upgrade with this HTTP status: 404 (no WebSocket API here), a
    /// redirect (nginx sends an old TrueNAS's `/api/current` to `/ui/`), or a 429 that
    /// retrying did not cure.
    /// The status, and what the body said (`HTML page: 502 Bad Gateway`), if anything.
    Status(u16, Option<String>),
    Other(Error),
}

/// One open WebSocket.
pub(crate) struct WsSocket {
    ws: WebSocketStream<Box<dyn Io>>,
    /// Each call's own time (the run's deadline bounds them all from outside).
    pub timeout: Duration,
    limits: Limits,
    pub log: Log,
}

impl WsSocket {
    /// Open `ws://` or `wss://` at the profile's origin, with a connect timeout and the
    /// profile's TLS trust. 429 and 5xx answers to the upgrade are retried like any request's.
    pub(crate) async fn connect(
        url: &url::Url,
        origin: &Origin,
        tls: &TlsOptions,
        limits: Limits,
        log: Log,
    ) -> std::result::Result<WsSocket, ConnectError> {
        let policy = RetryPolicy::default();
        let mut attempt = 0;
        loop {
            match Self::open(url, origin, tls, limits, log).await {
                Err(Failure::Status(s, retry_after, _))
                    if retryable_status(s)
                        && attempt < policy.max_retries
                        && limits.can_wait(policy.wait(attempt, retry_after)) =>
                {
                    let wait = policy.wait(attempt, retry_after);
                    log.verbose(format_args!(
                        "< HTTP {s} on the WebSocket upgrade; retrying in {} ms",
                        wait.as_millis()
                    ));
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                Err(Failure::Status(s, _, said)) => return Err(ConnectError::Status(s, said)),
                Err(Failure::Other(e)) => return Err(ConnectError::Other(e)),
                Ok(socket) => return Ok(socket),
            }
        }
    }

    async fn open(
        url: &url::Url,
        origin: &Origin,
        tls: &TlsOptions,
        limits: Limits,
        log: Log,
    ) -> std::result::Result<WsSocket, Failure> {
        let timeout = limits.request_timeout;
        let other = Failure::Other;
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
        let host_port = format!("{host}:{port}");
        // Plain ws:// to a name goes to the loopback addresses it was checked against.
        let pinned = origin.pinned_addrs().map(|(_, addrs)| addrs);
        let connecting = failure::tcp(&host, port, pinned);
        let tcp = tokio::time::timeout(timeout, connecting)
            .await
            .map_err(|_| other(limits.request_timed_out(&format!("connecting to {host_port}"))))?
            .map_err(other)?;
        let _ = tcp.set_nodelay(true);
        let io: Box<dyn Io> = if url.scheme() == "wss" {
            let (config, rejections) =
                crate::transport::tls::client_config(tls, log).map_err(other)?;
            let name =
                rustls::pki_types::ServerName::try_from(host.trim_matches(['[', ']']).to_string())
                    .map_err(|e| other(Error::usage(format!("bad host name {host}: {e}"))))?;
            let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
            let tls_stream = tokio::time::timeout(timeout, connector.connect(name, tcp))
                .await
                .map_err(|_| {
                    other(limits.request_timed_out(&format!("the TLS handshake with {host_port}")))
                })?
                .map_err(|e| {
                    other(
                        rejections
                            .take_error(tls)
                            .unwrap_or_else(|| failure::io_failure(&e, &host_port)),
                    )
                })?;
            Box::new(tls_stream)
        } else {
            Box::new(tcp)
        };
        let config = tungstenite::protocol::WebSocketConfig::default()
            .max_message_size(Some(limits.max_body))
            .max_frame_size(Some(limits.max_body));
        let upgrade = tokio::time::timeout(
            timeout,
            tokio_tungstenite::client_async_with_config(url.as_str(), io, Some(config)),
        )
        .await;
        let (ws, _resp) = match upgrade {
            Err(_) => {
                let what = format!("the WebSocket upgrade at {host_port}");
                return Err(other(limits.request_timed_out(&what)));
            }
            Ok(Err(tungstenite::Error::Http(resp))) => {
                let retry_after = resp
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs);
                let said = resp
                    .body()
                    .as_deref()
                    .filter(|b| !b.is_empty())
                    .map(crate::transport::http::body_excerpt);
                return Err(Failure::Status(resp.status().as_u16(), retry_after, said));
            }
            Ok(Err(e)) => {
                return Err(other(match failure::cause(&e) {
                    Some(failure::Cause::NotHttp) if url.scheme() == "ws" => {
                        crate::transport::mistakes::plain_to_tls(url)
                    }
                    Some(cause) => failure::sentence(&cause, &host_port),
                    None => Error::network(format!(
                        "the WebSocket upgrade at {host_port} failed: {}",
                        failure::root(&e)
                    ))
                    .with_failure(error::Failure::Connect(std::io::ErrorKind::Other)),
                }));
            }
            Ok(Ok(pair)) => pair,
        };
        Ok(WsSocket {
            ws,
            timeout,
            limits,
            log,
        })
    }

    /// Send one text message before `deadline`.
    pub(crate) async fn send(&mut self, text: String, what: &str, deadline: Instant) -> Result<()> {
        tokio::time::timeout_at(deadline.into(), self.ws.send(Message::text(text)))
            .await
            .map_err(|_| {
                Error::network(format!("timed out sending {what}"))
                    .with_failure(error::Failure::Timeout)
            })?
            .map_err(|e| lost(&e, what))
    }

    /// The next text message, before `deadline`. Control frames are handled underneath. A
    /// message that is not UTF-8 is an unparseable answer (exit 5), not a network fault.
    pub(crate) async fn receive(&mut self, what: &str, deadline: Instant) -> Result<String> {
        loop {
            let next = tokio::time::timeout_at(deadline.into(), self.ws.next())
                .await
                .map_err(|_| {
                    self.limits
                        .request_timed_out(&format!("the answer to {what}"))
                })?;
            return match next {
                None | Some(Ok(Message::Close(_))) => Err(server_closed(what)),
                Some(Err(tungstenite::Error::Utf8(e))) => Err(Error::server(format!(
                    "the answer to {what} is not UTF-8 text: {e}"
                ))),
                Some(Err(tungstenite::Error::Capacity(_))) => {
                    Err(self.limits.too_large(&format!("the answer to {what}")))
                }
                Some(Err(e)) => Err(lost(&e, what)),
                Some(Ok(Message::Text(t))) => Ok(t.to_string()),
                // JSON-RPC and DDP over WebSocket travel in text frames; bytes in a binary
                // frame are not an answer this client can vouch for.
                Some(Ok(Message::Binary(b))) => Err(Error::server(format!(
                    "the answer to {what} came in a binary frame ({} bytes), not as text",
                    b.len()
                ))),
                Some(Ok(_)) => continue, // ping/pong: handled by tungstenite
            };
        }
    }

    /// Close politely; errors here change nothing for the user.
    pub(crate) async fn close(mut self) {
        let started = Instant::now();
        let _ = tokio::time::timeout(Duration::from_secs(2), self.ws.close(None)).await;
        self.log.verbose(format_args!(
            "< closed ({} ms)",
            started.elapsed().as_millis()
        ));
    }
}

/// A connection that broke during `what`: a peer that closed it (a TLS peer that drops the
/// socket shows up as an unexpected end of file, its close_notify missing), or the cause.
fn lost(e: &tungstenite::Error, what: &str) -> Error {
    use tungstenite::error::ProtocolError::ResetWithoutClosingHandshake;
    let closed = match e {
        tungstenite::Error::ConnectionClosed | tungstenite::Error::AlreadyClosed => true,
        tungstenite::Error::Protocol(ResetWithoutClosingHandshake) => true,
        tungstenite::Error::Io(io) => matches!(
            io.kind(),
            std::io::ErrorKind::UnexpectedEof
                | std::io::ErrorKind::ConnectionReset
                | std::io::ErrorKind::BrokenPipe
        ),
        _ => false,
    };
    if closed {
        return server_closed(what);
    }
    let why = match failure::cause(e) {
        Some(failure::Cause::Io(kind, _)) => kind.to_string(),
        _ => failure::root(e),
    };
    Error::network(format!("the connection broke during {what}: {why}"))
        .with_failure(error::Failure::Closed)
}

fn server_closed(what: &str) -> Error {
    Error::network(format!("the server closed the connection during {what}"))
        .with_failure(error::Failure::Closed)
}

/// What one attempt at opening gives back besides a socket.
enum Failure {
    Status(u16, Option<Duration>, Option<String>),
    Other(Error),
}
