//! What a vendor API is to the server (a request in, a response out, perhaps a WebSocket),
//! and how a response goes on the wire: whole, or cut short as the faults cut it.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use hyper::body::{Body, Frame};
use hyper::header::{HeaderValue, CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use hyper::{HeaderMap, Method, StatusCode};
use hyper_util::rt::TokioIo;

use super::page_faults::PageShape;

/// A WebSocket after the upgrade, as vendor modules get it.
pub(crate) type WsStream = tokio_tungstenite::WebSocketStream<TokioIo<hyper::upgrade::Upgraded>>;
/// What serves one upgraded WebSocket connection.
pub(crate) type WsHandler =
    Box<dyn FnOnce(WsStream) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send>;

/// A request as vendor modules see it.
#[derive(Debug)]
pub(crate) struct SimRequest {
    /// The client's address, as a server sees it (TrueNAS shows it as the session origin).
    pub peer: SocketAddr,
    /// The client's TLS certificate (DER), when it presented one.
    pub client_cert: Option<Vec<u8>>,
    pub method: Method,
    /// The path, percent-decoded.
    pub path: String,
    /// The path as sent, still percent-encoded: for APIs whose segments may hold an encoded
    /// `/`, which must be split before they are decoded.
    pub raw_path: String,
    pub query: Vec<(String, String)>,
    /// The raw query string (for links that repeat it).
    pub raw_query: String,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl SimRequest {
    pub(crate) fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    pub(crate) fn bearer(&self) -> Option<&str> {
        self.headers
            .get(hyper::header::AUTHORIZATION)?
            .to_str()
            .ok()?
            .strip_prefix("Bearer ")
    }
}

/// A response from a vendor module.
#[derive(Debug)]
pub(crate) struct SimResponse {
    pub status: StatusCode,
    pub content_type: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Bytes,
}

impl SimResponse {
    pub(crate) fn json(status: u16, value: &serde_json::Value) -> SimResponse {
        SimResponse::raw(status, "application/json", Bytes::from(value.to_string()))
    }
    pub(crate) fn raw(
        status: u16,
        content_type: &'static str,
        body: impl Into<Bytes>,
    ) -> SimResponse {
        SimResponse {
            status: StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            content_type,
            headers: Vec::new(),
            body: body.into(),
        }
    }
}

/// What each vendor module provides.
pub(crate) trait VendorApi: Send + Sync + 'static {
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
    fn churn(&self, _open: bool, _rng: &mut crate::rng::Rng) -> Option<String> {
        None
    }
}

pub(crate) fn to_hyper(resp: SimResponse) -> hyper::Response<SimBody> {
    let body = SimBody::Full(Some(resp.body.clone()));
    with_body(resp, body)
}

/// The first half of `resp`'s body, then after `pause` the connection ends: closed (the
/// `truncated` fault, `slow-body` after an hour), or reset when `reset` is given.
pub(crate) fn cut(
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
                // Appended: a login answers with more than one Set-Cookie.
                h.append(name, v);
            }
        }
    }
    out
}

/// A response body: whole, or cut short (see [`cut`]). The pause before the end lets the
/// first part reach the client.
pub(crate) enum SimBody {
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
