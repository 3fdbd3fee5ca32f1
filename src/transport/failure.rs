//! One voice for transport failures on every backend and transport (HTTP and WebSocket):
//! what failed is read from the error's types (an `io::ErrorKind`, a `rustls::Error`, the
//! resolver's own error, hyper's and tungstenite's parse errors), never from its text, and
//! said in one sentence: `cannot connect to HOST:PORT: connection refused`.

use std::error::Error as StdError;

use tokio_tungstenite::tungstenite::error::ProtocolError;
use tokio_tungstenite::tungstenite::Error as Tungstenite;

use crate::error::{Error, Failure};

/// Why a connection or an exchange failed.
#[derive(Debug)]
pub(crate) enum Cause {
    /// The host name did not resolve.
    Dns,
    /// The socket failed with this kind: refused, reset, unreachable...
    Io(std::io::ErrorKind, String),
    /// The TLS handshake failed (a certificate the verifier refused has its own message).
    Tls(rustls::Error),
    /// The server's first bytes were not HTTP (TLS on the port, most often).
    NotHttp,
}

/// The resolver's error: a host name that did not resolve. Carried through reqwest and
/// hyper, and found again by its type.
#[derive(Debug)]
pub(crate) struct DnsFailure;

impl std::fmt::Display for DnsFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no such host")
    }
}

impl StdError for DnsFailure {}

/// Resolve a host name, failing with [`DnsFailure`].
pub(crate) async fn lookup(host: &str, port: u16) -> Result<Vec<std::net::SocketAddr>, DnsFailure> {
    match tokio::net::lookup_host((host, port)).await {
        Ok(addrs) => Some(addrs.collect::<Vec<_>>()).filter(|a| !a.is_empty()),
        Err(_) => None,
    }
    .ok_or(DnsFailure)
}

/// A TCP connection to `host:port` (to `pinned` when the origin checked those addresses),
/// failing in the one voice.
pub(crate) async fn tcp(
    host: &str,
    port: u16,
    pinned: Option<&[std::net::SocketAddr]>,
) -> Result<tokio::net::TcpStream, Error> {
    let host = host.trim_matches(['[', ']']);
    let host_port = format!("{host}:{port}");
    let addrs = match pinned {
        Some(addrs) => addrs.to_vec(),
        None => lookup(host, port)
            .await
            .map_err(|_| sentence(&Cause::Dns, &host_port))?,
    };
    tokio::net::TcpStream::connect(&addrs[..])
        .await
        .map_err(|e| io_failure(&e, &host_port))
}

/// A socket's or a TLS handshake's `io::Error` in the one voice.
pub(crate) fn io_failure(e: &std::io::Error, host_port: &str) -> Error {
    let cause = cause(e).unwrap_or(Cause::Io(e.kind(), e.to_string()));
    sentence(&cause, host_port)
}

/// reqwest's resolver: the system's, with failures as [`DnsFailure`].
pub(crate) struct Resolver;

impl reqwest::dns::Resolve for Resolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_string();
        Box::pin(async move {
            let addrs = lookup(&host, 0).await?;
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// The cause of `e`, read from its source chain by type.
pub(crate) fn cause(e: &(dyn StdError + 'static)) -> Option<Cause> {
    let mut next = Some(e);
    let mut io_kind = None;
    while let Some(err) = next {
        if err.is::<DnsFailure>() {
            return Some(Cause::Dns);
        }
        if let Some(tls) = err.downcast_ref::<rustls::Error>() {
            return Some(Cause::Tls(tls.clone()));
        }
        if let Some(h) = err.downcast_ref::<hyper::Error>() {
            if h.is_parse() && !h.is_parse_too_large() && !h.is_parse_status() {
                return Some(Cause::NotHttp);
            }
        }
        if let Some(Tungstenite::Protocol(ProtocolError::HttparseError(_))) =
            err.downcast_ref::<Tungstenite>()
        {
            return Some(Cause::NotHttp);
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            // `io::Error::source` skips the error it wraps: look inside.
            if let Some(inner) = io.get_ref() {
                if let Some(found) = cause(inner) {
                    return Some(found);
                }
            }
            io_kind.get_or_insert((io.kind(), io.to_string()));
        }
        next = err.source();
    }
    io_kind.map(|(kind, text)| Cause::Io(kind, text))
}

/// What a failure to connect to `host:port` (or to keep talking to it) says.
pub(crate) fn sentence(cause: &Cause, host_port: &str) -> Error {
    let failure = match cause {
        Cause::Dns => Failure::Dns,
        Cause::Io(kind, _) => Failure::Connect(*kind),
        Cause::Tls(_) => Failure::Tls,
        Cause::NotHttp => Failure::NotHttp,
    };
    let e = match cause {
        Cause::Dns => Error::network(format!(
            "cannot connect to {host_port}: no such host (the DNS lookup failed)"
        )),
        Cause::Io(kind, text) => Error::network(format!(
            "cannot connect to {host_port}: {}",
            io_words(*kind, text)
        )),
        Cause::Tls(e @ rustls::Error::InvalidCertificate(_)) => Error::network(format!(
            "cannot connect to {host_port}: TLS verification failed: {e} (set ca_cert or tls_fingerprint in the profile)"
        )),
        Cause::Tls(e) => Error::network(format!(
            "cannot connect to {host_port}: the TLS handshake failed: {e}"
        )),
        Cause::NotHttp => Error::server(format!(
            "cannot talk to {host_port}: it did not answer in HTTP"
        )),
    };
    e.with_failure(failure)
}

/// `connection refused`, `connection reset`: the kind's own words where it has them.
fn io_words(kind: std::io::ErrorKind, text: &str) -> String {
    use std::io::ErrorKind::*;
    match kind {
        Other | InvalidData | InvalidInput => text.to_string(),
        kind => kind.to_string(),
    }
}

/// The innermost error of a chain: what went wrong underneath, without the wrappers' words.
pub(crate) fn root(e: &(dyn StdError + 'static)) -> String {
    let mut last = e;
    while let Some(next) = last.source() {
        last = next;
    }
    last.to_string()
}

/// `host:port` of a URL, as the sentences name it.
pub(crate) fn host_port(url: &url::Url) -> String {
    let host = url.host_str().unwrap_or("?");
    match url.port_or_known_default() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn causes_are_found_by_type_through_wrappers() {
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        let wrapped = std::io::Error::other(refused);
        assert!(matches!(
            cause(&wrapped),
            Some(Cause::Io(std::io::ErrorKind::ConnectionRefused, _))
        ));
        let dns = std::io::Error::other(DnsFailure);
        assert!(matches!(cause(&dns), Some(Cause::Dns)));
        let tls = std::io::Error::new(std::io::ErrorKind::InvalidData, rustls::Error::DecryptError);
        assert!(matches!(cause(&tls), Some(Cause::Tls(_))));
        assert_eq!(
            sentence(&cause(&wrapped).unwrap(), "h:1").message(),
            "cannot connect to h:1: connection refused"
        );
        let refused = std::io::ErrorKind::ConnectionRefused;
        let failed = |e: &(dyn StdError + 'static)| sentence(&cause(e).unwrap(), "h:1").failure();
        assert_eq!(failed(&wrapped), Some(Failure::Connect(refused)));
        assert_eq!(failed(&dns), Some(Failure::Dns));
        assert_eq!(failed(&tls), Some(Failure::Tls));
    }
}
