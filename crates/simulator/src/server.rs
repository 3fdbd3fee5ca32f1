//! The simulator's shared server: one TLS listener per vendor API, HTTP/1.1, latency, and the
//! generic faults (status codes, bad bodies, slowness). Vendor modules only answer requests;
//! `certs.rs` makes the certificates.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::header::HeaderValue;
use hyper::StatusCode;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

use super::fault_answers::fault_response;
use super::faults::{Faults, Scope};
use super::tcp::{Resettable, Tcp};
use crate::error::{Error, Result};

pub(crate) use crate::api::{
    to_hyper, SimBody, SimRequest, SimResponse, VendorApi, WsHandler, WsStream,
};

/// Settings every listener shares.
#[derive(Clone)]
pub(crate) struct Shared {
    pub latency: Option<Duration>,
    pub faults: Arc<Faults>,
    /// The backend this listener serves, as the request log names it.
    pub backend: &'static str,
    pub requests: crate::requests::Requests,
}

/// Serve one vendor API on an already-bound listener until the task is dropped: over TLS, or
/// plain HTTP when `tls` is `None` (`--plain-http`, as appliances on port 80 serve it).
pub(crate) async fn serve(
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
        raw_path: parts.uri.path().to_string(),
        query,
        raw_query,
        headers: parts.headers,
        body,
    };
    let _answering = shared
        .requests
        .record(shared.backend, &sreq.method, &sreq.path, &sreq.body);
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

/// Bind a loopback listener, on `port` or an ephemeral one when 0.
pub(crate) async fn bind(ip: std::net::IpAddr, port: u16) -> Result<(TcpListener, SocketAddr)> {
    let listener = TcpListener::bind((ip, port))
        .await
        .map_err(|e| Error::other(format!("simulator: cannot listen on {ip}:{port}: {e}")))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::other(e.to_string()))?;
    Ok((listener, addr))
}

/// Parse `--fault` specs; a bad one is a usage error.
pub(crate) fn faults_from(specs: &[String]) -> Result<Faults> {
    Faults::parse(specs).map_err(Error::usage)
}

/// A vendor module's state, even after a panic elsewhere poisoned the lock.
pub(crate) fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
