//! The faults of an `auth.sessions` call over a WebSocket, whatever the framing: what the
//! call's outcome becomes (a dropped socket, a close frame, silence, frames that are not JSON,
//! not text or not for any request, a middleware error, or a result bent like a page), and
//! how a framing turns an outcome into the frame it sends. The status faults meet the
//! WebSocket upgrade instead (`server.rs`); the paging faults do not apply (one call answers).

use std::time::Duration;

use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::protocol::frame::coding::{CloseCode, Data, OpCode};
use tokio_tungstenite::tungstenite::protocol::frame::Frame;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

use super::conn::CallErr;
use crate::faults::{FaultKind, Scope, CONTROL_ERROR};
use crate::page_faults::{bend, PageShape, Splices};

/// `auth.sessions` answers the list itself; `origin` is what every session has and a table
/// shows; no number is there to spare (`created_at`'s is a date).
pub(super) const SHAPE: PageShape = PageShape {
    list: "",
    text: "/origin",
    number: None,
};

/// The faults an `auth.sessions` call meets.
pub(super) fn on_call(kind: FaultKind) -> bool {
    matches!(
        kind.scope(),
        Scope::VendorError | Scope::Body | Scope::Page | Scope::Frame
    )
}

/// What one call does to the connection.
pub(super) enum Outcome {
    Reply(Result<Value, CallErr>),
    /// Terminating one's own session, or `truncated`/`reset`: the socket just closes.
    CloseSocket,
    /// `ws-close`: a close frame (1011, as a middleware going down sends it) instead of a reply.
    CloseFrame,
    /// The `slow` fault: never answer.
    Silence,
    /// The `invalid-json` fault: the start of a reply.
    Garbage,
    /// The `non-json-frame` fault: a text frame that is not JSON at all.
    NotJson,
    /// The `wrong-id` fault: the reply under an id no request had, then the real one.
    WrongId(Result<Value, CallErr>),
    /// The `binary-frame` fault: the reply in a binary frame.
    Binary(Result<Value, CallErr>),
    /// A reply whose result a page fault bent; the splices finish it.
    Bent(Value, Splices),
}

/// The call's outcome when `kind` is due.
pub(super) fn outcome(kind: FaultKind, rows: Result<Value, CallErr>) -> Outcome {
    let efault = |text: &str| Outcome::Reply(Err(CallErr::call("EFAULT", 14, text)));
    match kind {
        FaultKind::Truncated | FaultKind::Reset => Outcome::CloseSocket,
        FaultKind::WsClose => Outcome::CloseFrame,
        FaultKind::Slow | FaultKind::SlowBody => Outcome::Silence,
        FaultKind::InvalidJson => Outcome::Garbage,
        FaultKind::NonJsonFrame => Outcome::NotJson,
        FaultKind::WrongId => Outcome::WrongId(rows),
        FaultKind::BinaryFrame => Outcome::Binary(rows),
        FaultKind::ControlError => efault(CONTROL_ERROR),
        _ if kind.scope() == Scope::Page => match rows {
            Ok(mut v) => {
                let splices = bend(kind, &mut v, &SHAPE);
                Outcome::Bent(v, splices)
            }
            Err(e) => Outcome::Reply(Err(e)),
        },
        _ => efault("Internal error (injected fault)"),
    }
}

impl Outcome {
    /// The frames a framing sends for this outcome: `framed` writes a reply, `cut` is the
    /// start of one (the invalid-json fault). None: the socket closes.
    pub(super) async fn messages(
        self,
        framed: impl Fn(Result<Value, CallErr>) -> Value,
        cut: &str,
    ) -> Option<Vec<Message>> {
        if let Outcome::WrongId(r) = self {
            let reply = framed(r);
            let mut stray = reply.clone();
            stray["id"] = stray_id(&reply["id"]);
            let text = |v: Value| Message::text(v.to_string());
            return Some(vec![text(stray), text(reply)]);
        }
        self.message(framed, cut).await.map(|m| vec![m])
    }

    async fn message(
        self,
        framed: impl Fn(Result<Value, CallErr>) -> Value,
        cut: &str,
    ) -> Option<Message> {
        match self {
            Outcome::Reply(r) => Some(Message::text(framed(r).to_string())),
            Outcome::CloseSocket => None,
            Outcome::CloseFrame => Some(Message::Close(Some(CloseFrame {
                code: CloseCode::Error,
                reason: "middleware is restarting (injected fault)".into(),
            }))),
            Outcome::Silence => {
                tokio::time::sleep(Duration::from_secs(3600)).await;
                None
            }
            Outcome::Garbage => Some(Message::text(cut)),
            Outcome::NotJson => Some(Message::text("Internal Server Error")),
            Outcome::WrongId(r) => Some(Message::text(framed(r).to_string())),
            Outcome::Binary(r) => Some(Message::binary(framed(r).to_string().into_bytes())),
            Outcome::Bent(v, splices) => {
                let bytes = splices.apply(framed(Ok(v)).to_string());
                Some(match String::from_utf8(bytes) {
                    Ok(text) => Message::text(text),
                    // A text frame whose payload is not UTF-8 (the bad-utf8 fault).
                    Err(e) => Message::Frame(Frame::message(
                        e.into_bytes(),
                        OpCode::Data(Data::Text),
                        true,
                    )),
                })
            }
        }
    }
}

/// An id no request had: the request's own, changed.
fn stray_id(id: &Value) -> Value {
    match id {
        Value::Number(n) => json!(n.as_i64().unwrap_or(0).wrapping_add(1000)),
        Value::String(s) => json!(format!("{s}-stray")),
        _ => json!("stray"),
    }
}
