//! The legacy DDP protocol at `/websocket` (every release here; deprecated since 25.04), as
//! the middleware's legacy WebSocket handler (`Application` in 24.10's and CORE 13's
//! main.py) speaks it: `connect` → `connected`, `method` → `result`, `ping` → `pong`. Its
//! `on_message` starts each call as its own task (`create_task(self.call_method(...))`),
//! under the same limits as JSON-RPC (`tasks.rs`). What the calls do is in `calls.rs`.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

use super::conn::{CallErr, Conn, ErrKind};
use super::state::State;
use super::tasks::{self, Calls, Framing, Read, HARD_LIMIT};
use crate::server::{lock, WsStream};
use crate::truenas::flags::TrueNasVersion;

/// The error member of a DDP result (the legacy handler's `get_error_dict`).
fn error_json(errno: i64, errname: &str, etype: Value, reason: &str) -> Value {
    json!({
        "error": errno,
        "errname": errname,
        "type": etype,
        "reason": reason,
        "trace": null,
        "extra": null,
    })
}

/// One connection: the handshake, then calls, until it closes; its session goes with it.
pub(super) async fn connection(state: Arc<State>, ws: WsStream, conn: Conn) {
    tasks::serve(state, ws, conn, Ddp { connected: false }).await
}

struct Ddp {
    /// `connect` was answered `connected` (main.py `self.handshake`).
    connected: bool,
}

impl Framing for Ddp {
    fn read<'a>(
        &'a mut self,
        calls: &'a Calls,
        msg: Message,
    ) -> Pin<Box<dyn Future<Output = Read> + Send + 'a>> {
        Box::pin(async move {
            let text = match msg {
                Message::Text(t) => t.to_string(),
                Message::Binary(b) => String::from_utf8_lossy(&b).into_owned(),
                Message::Close(_) => return Read::Closed,
                _ => return Read::Answered,
            };
            let Ok(m) = serde_json::from_str::<Value>(&text) else {
                return Read::Answered;
            };
            let kind = m.get("msg").and_then(Value::as_str).unwrap_or("");
            if !self.connected {
                let supported = m["support"]
                    .as_array()
                    .is_some_and(|s| s.iter().any(|v| v == "1"));
                if kind == "connect" && m["version"] == "1" && supported {
                    self.connected = true;
                    let session = lock(&calls.state().rng).uuid('a');
                    calls.send_json(&json!({"msg": "connected", "session": session}));
                } else {
                    calls.send_json(&json!({"msg": "failed", "version": "1"}));
                }
                return Read::Answered;
            }
            match kind {
                "ping" => {
                    calls.send_json(&match m.get("id") {
                        Some(id) => json!({"msg": "pong", "id": id}),
                        None => json!({"msg": "pong"}),
                    });
                    Read::Answered
                }
                "method" => {
                    let id = m.get("id").cloned().unwrap_or(Value::Null);
                    let method = m.get("method").and_then(Value::as_str).unwrap_or("");
                    let params = m.get("params").cloned().unwrap_or_else(|| json!([]));
                    Read::Call(id, method.to_string(), params)
                }
                _ => Read::Answered,
            }
        })
    }

    fn answer(id: &Value, result: Result<Value, CallErr>) -> Value {
        match result {
            Ok(r) => json!({"msg": "result", "id": id, "result": r}),
            Err(e) => {
                let etype = match e.kind == ErrKind::Validation {
                    true => json!("VALIDATION"),
                    false => Value::Null,
                };
                let error = error_json(e.errno, e.errname, etype, &e.reason);
                json!({"msg": "result", "id": id, "error": error})
            }
        }
    }

    /// main.py `call_method`: `send_error(message, errno.ETOOMANYREFS, ...)`, the text as is
    /// (no `[ERRNAME]` prefix: it is no CallError).
    fn too_many(id: &Value, state: &State) -> Value {
        // ETOOMANYREFS is 109 on Linux (SCALE) and 59 on FreeBSD (CORE).
        let errno = match state.version {
            TrueNasVersion::Core13 => 59,
            _ => 109,
        };
        let reason = format!("Maximum number of concurrent calls ({HARD_LIMIT}) has exceeded.");
        let error = error_json(errno, "ETOOMANYREFS", Value::Null, &reason);
        json!({"msg": "result", "id": id, "error": error})
    }

    const START: &'static str = "{\"msg\": \"result\", \"id\": ";
}
