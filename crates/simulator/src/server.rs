//! The simulator's shared server: one TLS listener per vendor API, HTTP/1.1, latency, and the
//! generic faults (status codes, bad bodies, slowness). Vendor modules only answer requests;
//! `certs.rs` makes the certificates.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::{Body, Frame};
use hyper::header::{HeaderValue, CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use hyper::{HeaderMap, Method, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

use super::fault_answers::fault_response;
use super::faults::{Faults, Scope};
use super::page_faults::PageShape;
use super::tcp::{Resettable, Tcp};
use crate::error::{Error, Result};

/// A WebSocket after the upgrade, as vendor modules get it.
pub type WsStream = tokio_tungstenite::WebSocketStream<TokioIo<hyper::upgrade::Upgraded>>;
/// What serves one upgraded WebSocket connection.
pub type WsHandler = Box<dyn FnOnce(WsStream) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send>;

/// A request as vendor modules see it.
#[derive(Debug)]
pub struct SimRequest {
    /// The client's address, as a server sees it (TrueNAS shows it as the session origin).
    pub peer: SocketAddr,
    /// The client's TLS certificate (DER), when it presented one.
    pub client_cert: Option<Vec<u8>>,
    pub method: Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    /// The raw query string (for links that repeat it).
    pub raw_query: String,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl SimRequest {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    pub fn bearer(&self) -> Option<&str> {
        self.headers
            .get(hyper::header::AUTHORIZATION)?
            .to_str()
            .ok()?
            .strip_prefix("Bearer ")
    }
}

/// A response from a vendor module.
#[derive(Debug)]
pub struct SimResponse {
    pub status: StatusCode,
    pub content_type: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Bytes,
}

impl SimResponse {
    pub fn json(status: u16, value: &serde_json::Value) -> SimResponse {
        SimResponse::raw(status, "application/json", Bytes::from(value.to_string()))
    }
    pub fn raw(status: u16, content_type: &'static str, body: impl Into<Bytes>) -> SimResponse {
        SimResponse {
            status: StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            content_type,
            headers: Vec::new(),
            body: body.into(),
        }
    }
}

/// What each vendor module provides.
pub trait VendorApi: Send + Sync + 'static {
    fn handle(&self, req: &SimRequest) -> SimResponse;
    /// Whether the generic faults apply to this request (listing, not logging in).
    fn is_data_request(&self, req: &SimRequest) -> bool;
    /// An error in the vendor's own shape.
    fn error(&self, status: u16, message: &str) -> SimResponse;
    /// Where its list pages keep the sessions, for the faults that bend a page.
    fn page_shape(&self) -> PageShape;
    /// A WebSocket endpoint at this request's path, if the vendor serves one there.
    fn websocket(&self, _req: &SimRequest) -> Option<WsHandler> {
        None
    }
    /// `--churn`: open a new session (`open`) or close one at random. Returns the session's
    /// key, as the client's `key` column shows it; `None` when there was nothing to close.
    fn churn(&self, _open: bool, _rng: &mut super::Rng) -> Option<String> {
        None
    }
}

/// Settings every listener shares.
#[derive(Clone)]
pub struct Shared {
    pub latency: Option<Duration>,
    pub faults: Arc<Faults>,
}

/// Serve one vendor API on an already-bound listener until the task is dropped: over TLS, or
/// plain HTTP when `tls` is `None` (`--plain-http`, as appliances on port 80 serve it).
pub async fn serve(
    listener: TcpListener,
    tls: Option<Arc<rustls::ServerConfig>>,
    api: Arc<dyn VendorApi>,
    shared: Shared,
) {
    let acceptor = tls.map(tokio_rustls::TlsAcceptor::from);
    loop {
        let Ok((tcp, peer)) = listener.accept().await else {
            continue;
        };
        // Without this, Nagle holds a small TLS record back until the client's delayed ACK
        // (about 40 ms): the simulator, not the client, would set the pace.
        let _ = tcp.set_nodelay(true);
        let acceptor = acceptor.clone();
        let api = api.clone();
        let shared = shared.clone();
        let tcp = Tcp::new(tcp);
        tokio::spawn(async move {
            let Some(acceptor) = acceptor else {
                return serve_connection(tcp, peer, None, api, shared).await;
            };
            let Ok(stream) = acceptor.accept(tcp).await else {
                return; // a client that refused our certificate, as tests expect some to
            };
            let client_cert = stream
                .get_ref()
                .1
                .peer_certificates()
                .and_then(|c| c.first())
                .map(|c| c.to_vec());
            serve_connection(stream, peer, client_cert, api, shared).await
        });
    }
}

/// HTTP/1.1 with upgrades (TrueNAS's WebSocket) on one accepted connection.
async fn serve_connection<I>(
    io: I,
    peer: SocketAddr,
    client_cert: Option<Vec<u8>>,
    api: Arc<dyn VendorApi>,
    shared: Shared,
) where
    I: tokio::io::AsyncRead + tokio::io::AsyncWrite + Resettable + Unpin + Send + 'static,
{
    let reset = io.reset_flag();
    let service = hyper::service::service_fn(move |req| {
        let api = api.clone();
        let shared = shared.clone();
        let client_cert = client_cert.clone();
        let conn = Connection {
            peer,
            client_cert,
            reset: reset.clone(),
        };
        async move { Ok::<_, Infallible>(answer(req, conn, api, shared).await) }
    });
    let _ = hyper::server::conn::http1::Builder::new()
        .keep_alive(true)
        .serve_connection(TokioIo::new(io), service)
        .with_upgrades()
        .await;
}

/// What a request knows of its connection.
struct Connection {
    peer: SocketAddr,
    client_cert: Option<Vec<u8>>,
    /// Set it, and the connection ends with a RST when it closes (the `reset` fault).
    reset: Arc<AtomicBool>,
}

async fn answer(
    mut req: hyper::Request<hyper::body::Incoming>,
    conn: Connection,
    api: Arc<dyn VendorApi>,
    shared: Shared,
) -> hyper::Response<SimBody> {
    let upgrade = hyper::upgrade::on(&mut req);
    let (parts, body) = req.into_parts();
    let wants_websocket = parts
        .headers
        .get(hyper::header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"));
    let body = if wants_websocket {
        Bytes::new()
    } else {
        body.collect()
            .await
            .map(|b| b.to_bytes())
            .unwrap_or_default()
    };
    let raw_query = parts.uri.query().unwrap_or("").to_string();
    let query = url::form_urlencoded::parse(raw_query.as_bytes())
        .into_owned()
        .collect();
    let sreq = SimRequest {
        peer: conn.peer,
        client_cert: conn.client_cert,
        method: parts.method,
        path: percent_encoding::percent_decode_str(parts.uri.path())
            .decode_utf8_lossy()
            .into_owned(),
        query,
        raw_query,
        headers: parts.headers,
        body,
    };
    if let Some(latency) = shared.latency {
        tokio::time::sleep(latency).await;
    }
    if wants_websocket {
        // A WebSocket API's data comes over the socket; what a proxy answers instead of the
        // upgrade is the status faults.
        if api.is_data_request(&sreq) {
            if let Some(kind) = shared.faults.take_where(|k| k.scope() == Scope::Status) {
                return fault_response(kind, &sreq, api.as_ref(), &conn.reset).await;
            }
        }
        if let (Some(handler), Some(key)) =
            (api.websocket(&sreq), sreq.headers.get("sec-websocket-key"))
        {
            let accept =
                tokio_tungstenite::tungstenite::handshake::derive_accept_key(key.as_bytes());
            tokio::spawn(async move {
                if let Ok(upgraded) = upgrade.await {
                    let ws = tokio_tungstenite::WebSocketStream::from_raw_socket(
                        TokioIo::new(upgraded),
                        tokio_tungstenite::tungstenite::protocol::Role::Server,
                        None,
                    )
                    .await;
                    handler(ws).await;
                }
            });
            let mut resp = hyper::Response::new(SimBody::Full(None));
            *resp.status_mut() = StatusCode::SWITCHING_PROTOCOLS;
            let h = resp.headers_mut();
            h.insert(
                hyper::header::UPGRADE,
                HeaderValue::from_static("websocket"),
            );
            h.insert(
                hyper::header::CONNECTION,
                HeaderValue::from_static("Upgrade"),
            );
            if let Ok(v) = HeaderValue::from_str(&accept) {
                h.insert(hyper::header::SEC_WEBSOCKET_ACCEPT, v);
            }
            return resp;
        }
    }
    if api.is_data_request(&sreq) {
        if let Some(kind) = shared.faults.take_generic() {
            return fault_response(kind, &sreq, api.as_ref(), &conn.reset).await;
        }
    }
    to_hyper(api.handle(&sreq))
}

pub(super) fn to_hyper(resp: SimResponse) -> hyper::Response<SimBody> {
    let body = SimBody::Full(Some(resp.body.clone()));
    with_body(resp, body)
}

/// The first half of `resp`'s body, then after `pause` the connection ends: closed (the
/// `truncated` fault, `slow-body` after an hour), or reset when `reset` is given.
pub(super) fn cut(
    resp: SimResponse,
    pause: Duration,
    reset: Option<Arc<AtomicBool>>,
) -> hyper::Response<SimBody> {
    let body = SimBody::Cut {
        part: Some(resp.body.slice(..resp.body.len() / 2)),
        pause: Box::pin(tokio::time::sleep(pause)),
        reset,
    };
    with_body(resp, body)
}

fn with_body(resp: SimResponse, body: SimBody) -> hyper::Response<SimBody> {
    let full_len = resp.body.len();
    let mut out = hyper::Response::new(body);
    *out.status_mut() = resp.status;
    let h = out.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static(resp.content_type));
    h.insert(CONTENT_LENGTH, HeaderValue::from(full_len));
    for (k, v) in resp.headers {
        if let Ok(v) = HeaderValue::from_str(&v) {
            if k == "retry-after" {
                h.insert(RETRY_AFTER, v);
            } else if let Ok(name) = hyper::header::HeaderName::from_bytes(k.as_bytes()) {
                h.insert(name, v);
            }
        }
    }
    out
}

/// A response body: whole, or cut short (see [`cut`]). The pause before the end lets the
/// first part reach the client.
pub enum SimBody {
    Full(Option<Bytes>),
    Cut {
        part: Option<Bytes>,
        pause: Pin<Box<tokio::time::Sleep>>,
        reset: Option<Arc<AtomicBool>>,
    },
}

impl Body for SimBody {
    type Data = Bytes;
    type Error = std::io::Error;
    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<std::result::Result<Frame<Bytes>, Self::Error>>> {
        match self.get_mut() {
            SimBody::Full(b) => Poll::Ready(b.take().map(|b| Ok(Frame::data(b)))),
            SimBody::Cut { part, pause, reset } => match part.take() {
                Some(b) => Poll::Ready(Some(Ok(Frame::data(b)))),
                None => pause.as_mut().poll(cx).map(|_| {
                    if let Some(flag) = reset {
                        flag.store(true, Ordering::SeqCst);
                    }
                    Some(Err(std::io::Error::other("cut short on purpose")))
                }),
            },
        }
    }
}

/// Bind a loopback listener, on `port` or an ephemeral one when 0.
pub async fn bind(ip: std::net::IpAddr, port: u16) -> Result<(TcpListener, SocketAddr)> {
    let listener = TcpListener::bind((ip, port))
        .await
        .map_err(|e| Error::other(format!("simulator: cannot listen on {ip}:{port}: {e}")))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::other(e.to_string()))?;
    Ok((listener, addr))
}

/// Parse `--fault` specs; a bad one is a usage error.
pub fn faults_from(specs: &[String]) -> Result<Faults> {
    Faults::parse(specs).map_err(Error::usage)
}

/// A vendor module's state, even after a panic elsewhere poisoned the lock.
pub fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
