//! The exporter's connections: accepted with a back-off when accepting fails (out of file
//! descriptors), capped (an idle one is closed to make room), and each closed when it sends
//! no complete request head in time, whether it is new or kept alive.

use std::cell::{Cell, RefCell};
use std::convert::Infallible;
use std::rc::Rc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures_util::future::LocalBoxFuture;
use http_body_util::Full;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::Notify;

use super::own::{bump, Counters};
use super::web::{self, Web};
use crate::output;

/// What answers each request, with the web config its connection was opened under.
pub(super) type Handler = Rc<
    dyn Fn(
        hyper::Request<hyper::body::Incoming>,
        Rc<Web>,
    ) -> LocalBoxFuture<'static, hyper::Response<Full<Bytes>>>,
>;

/// Where connections come from and go.
pub(super) struct Accepting {
    pub conns: Rc<Conns>,
    pub counters: Rc<Counters>,
    pub max_connections: usize,
    pub handler: Handler,
    /// `--web.config.file`, read again for each connection.
    pub web: Option<std::path::PathBuf>,
}

/// How long a connection may take to send a request's head, counted from when the exporter
/// starts waiting for one: on a new connection, and on a kept-alive one between requests
/// (so it is the idle timeout too).
pub(super) const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// A failing accept is said on stderr at most this often.
const SAY_AGAIN: Duration = Duration::from_secs(60);
/// The longest pause after a failed accept.
const MAX_PAUSE: Duration = Duration::from_secs(1);

/// One open connection.
struct Conn {
    /// Requests being answered on it now; 0 is idle.
    busy: Cell<u32>,
    close: Notify,
}

/// The open connections, oldest first.
#[derive(Default)]
pub(super) struct Conns {
    open: RefCell<Vec<Rc<Conn>>>,
}

impl Conns {
    /// Room for one more: closes the oldest idle connection at the cap. False when every
    /// connection is answering a request.
    fn make_room(&self, cap: usize, counters: &Counters) -> bool {
        let mut open = self.open.borrow_mut();
        if open.len() < cap {
            return true;
        }
        let Some(i) = open.iter().position(|c| c.busy.get() == 0) else {
            return false;
        };
        let idle = open.remove(i);
        idle.close.notify_one();
        bump(&counters.connections_evicted);
        true
    }

    fn add(&self) -> Rc<Conn> {
        let conn = Rc::new(Conn {
            busy: Cell::new(0),
            close: Notify::new(),
        });
        self.open.borrow_mut().push(conn.clone());
        conn
    }

    /// Connections open now (those closed at the cap no longer count).
    pub(super) fn len(&self) -> usize {
        self.open.borrow().len()
    }

    fn remove(&self, conn: &Rc<Conn>) {
        self.open.borrow_mut().retain(|c| !Rc::ptr_eq(c, conn));
    }
}

/// Accept on `listener` until the process ends.
pub(super) async fn accept_loop(listener: tokio::net::TcpListener, at: Rc<Accepting>) {
    let mut pause = Duration::from_millis(5);
    let mut said: Option<Instant> = None;
    loop {
        let tcp = match listener.accept().await {
            Ok((tcp, _)) => {
                pause = Duration::from_millis(5);
                tcp
            }
            Err(e) => {
                // Out of file descriptors the same connection waits in the backlog and every
                // accept fails at once: pause (longer each time) instead of spinning, and free
                // a descriptor by closing an idle connection.
                // One line a minute at most; the counter has the rest.
                bump(&at.counters.accept_errors);
                if said.is_none_or(|t| t.elapsed() > SAY_AGAIN) {
                    output::note_from("exporter", &format!("cannot accept a connection: {e}"));
                    said = Some(Instant::now());
                }
                at.conns.make_room(0, &at.counters);
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(MAX_PAUSE);
                continue;
            }
        };
        if !at.conns.make_room(at.max_connections, &at.counters) {
            bump(&at.counters.connections_refused);
            drop(tcp);
            continue;
        }
        let _ = tcp.set_nodelay(true);
        // Counted now, not when its task first runs: the next accept sees it at the cap.
        let conn = at.conns.add();
        tokio::task::spawn_local(serve_connection(tcp, conn, at.clone()));
    }
}

async fn serve_connection(tcp: tokio::net::TcpStream, conn: Rc<Conn>, at: Rc<Accepting>) {
    let web = match &at.web {
        None => Ok(Web::default()),
        Some(path) => web::load(path),
    };
    match web {
        Err(e) => output::note_from("exporter", &format!("{e}; connection closed")),
        Ok(web) => {
            let web = Rc::new(web);
            let done = conn.close.notified();
            let serving = async {
                match web.tls.clone() {
                    None => serve_http(tcp, &conn, &at, web).await,
                    Some(tls) => {
                        let accept = tokio_rustls::TlsAcceptor::from(tls).accept(tcp);
                        // The handshake counts against the time to send a request head.
                        if let Ok(Ok(stream)) = tokio::time::timeout(HEADER_TIMEOUT, accept).await {
                            serve_http(stream, &conn, &at, web).await;
                        }
                    }
                }
            };
            tokio::select! {
                _ = serving => {}
                _ = done => {}
            }
        }
    }
    at.conns.remove(&conn);
}

async fn serve_http<I>(io: I, conn: &Rc<Conn>, at: &Accepting, web: Rc<Web>)
where
    I: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + 'static,
{
    let service = {
        let (handler, conn) = (at.handler.clone(), conn.clone());
        hyper::service::service_fn(move |req| {
            let busy = Busy::new(conn.clone());
            let answering = handler(req, web.clone());
            async move {
                let answer = answering.await;
                drop(busy);
                Ok::<_, Infallible>(answer)
            }
        })
    };
    let _ = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .keep_alive(true)
        .serve_connection(TokioIo::new(io), service)
        .await;
}

/// Marks its connection busy while a request is answered.
struct Busy(Rc<Conn>);

impl Busy {
    fn new(conn: Rc<Conn>) -> Self {
        conn.busy.set(conn.busy.get() + 1);
        Busy(conn)
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.busy.set(self.0.busy.get() - 1);
    }
}
