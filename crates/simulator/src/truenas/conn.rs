//! One WebSocket connection as the middleware keeps it, and a failed call as the middleware
//! formats it: what every part of a call shares.

use std::net::SocketAddr;

/// One WebSocket connection as the middleware's `App` keeps it.
pub(super) struct Conn {
    /// `ip:port` or `[v6]:port`, as sessions show it.
    pub origin: String,
    pub peer: SocketAddr,
    /// TLS, or a loopback peer (utils/origin.py).
    pub secure: bool,
    /// Its session, once logged in.
    pub own: Option<String>,
    /// The token it logged in with, which dies with the session.
    pub(super) token: Option<String>,
    pub(super) stage: Stage,
}

/// The authenticator's run state (utils/account/authenticator.py).
#[derive(PartialEq)]
pub(super) enum Stage {
    Start,
    /// OTP_REQUIRED was answered: only an OTP_TOKEN may follow.
    Otp,
    /// A login failed: the authenticator never returns to START on this socket.
    Spent,
}

impl Conn {
    pub(super) fn new(peer: SocketAddr, secure: bool) -> Conn {
        let origin = match peer {
            SocketAddr::V4(a) => a.to_string(),
            SocketAddr::V6(a) => format!("[{}]:{}", a.ip(), a.port()),
        };
        Conn {
            origin,
            peer,
            secure,
            own: None,
            token: None,
            stage: Stage::Start,
        }
    }
}

/// Which kind of failure, for the framings to map to their codes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum ErrKind {
    /// A `CallError` or another exception: JSON-RPC -32001.
    Call,
    /// A validation error: JSON-RPC -32602.
    Validation,
    /// No such method: JSON-RPC -32601, without data.
    NoMethod,
}

/// A failed call, as the middleware formats it (`format_truenas_error`).
#[derive(Debug)]
pub(super) struct CallErr {
    pub kind: ErrKind,
    pub errno: i64,
    pub errname: &'static str,
    /// `str(exception)`: `[ERRNAME] text` for a CallError, the bare text for other exceptions.
    pub reason: String,
    /// The text without the `[ERRNAME]` prefix (CORE's REST `message`).
    pub text: String,
}

impl CallErr {
    /// A `CallError(text, errno)`: service_exception.py prefixes `[ERRNAME]`.
    pub(super) fn call(errname: &'static str, errno: i64, text: impl Into<String>) -> CallErr {
        let text = text.into();
        CallErr {
            kind: ErrKind::Call,
            errno,
            errname,
            reason: format!("[{errname}] {text}"),
            text,
        }
    }
    /// A `ValidationErrors`: EINVAL, -32602.
    pub(super) fn invalid(text: impl Into<String>) -> CallErr {
        CallErr {
            kind: ErrKind::Validation,
            ..CallErr::call("EINVAL", 22, text)
        }
    }
    /// Another exception (a RuntimeError): ws_handler/rpc.py sends EINVAL and `str(e)` as is.
    pub(super) fn exception(text: &str) -> CallErr {
        CallErr {
            reason: text.to_string(),
            ..CallErr::call("EINVAL", 22, text)
        }
    }
    pub(super) fn no_method(method: &str) -> CallErr {
        CallErr {
            kind: ErrKind::NoMethod,
            // The legacy DDP handler's `_method_lookup`: CallError ENOMETHOD (201).
            ..CallErr::call("ENOMETHOD", 201, format!("Method {method:?} not found"))
        }
    }
}
