//! The legacy DDP protocol at `/websocket` (every release here; deprecated since 25.04), as
//! the middleware's legacy WebSocket handler speaks it: `connect` → `connected`, `method` →
//! `result`, `ping` → `pong`. What the calls do is in `calls.rs`, shared with JSON-RPC.

use std::sync::Arc;

use futures_util::StreamExt;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

use super::conn::{CallErr, Conn, ErrKind};
use super::jsonrpc::send_all;
use super::state::State;
use crate::server::{lock, WsStream};

/// The error member of a DDP result (the legacy handler's `send_error`).
fn error_json(e: &CallErr) -> Value {
    json!({
        "error": e.errno,
        "errname": e.errname,
        "type": if e.kind == ErrKind::Validation { json!("VALIDATION") } else { Value::Null },
        "reason": e.reason,
        "trace": null,
        "extra": null,
    })
}

/// One connection: the handshake, then calls, until it closes; its session goes with it.
pub(super) async fn connection(state: Arc<State>, mut ws: WsStream, mut conn: Conn) {
    let mut connected = false;
    while let Some(Ok(msg)) = ws.next().await {
        let text = match msg {
            Message::Text(t) => t.to_string(),
            Message::Binary(b) => String::from_utf8_lossy(&b).into_owned(),
            Message::Close(_) => break,
            _ => continue,
        };
        let Ok(m) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let kind = m.get("msg").and_then(Value::as_str).unwrap_or("");
        let reply = if !connected {
            let supported = m["support"]
                .as_array()
                .is_some_and(|s| s.iter().any(|v| v == "1"));
            if kind == "connect" && m["version"] == "1" && supported {
                connected = true;
                let session = lock(&state.rng).uuid('a');
                vec![Message::text(
                    json!({"msg": "connected", "session": session}).to_string(),
                )]
            } else {
                vec![Message::text(
                    json!({"msg": "failed", "version": "1"}).to_string(),
                )]
            }
        } else {
            match kind {
                "ping" => vec![Message::text(match m.get("id") {
                    Some(id) => json!({"msg": "pong", "id": id}).to_string(),
                    None => json!({"msg": "pong"}).to_string(),
                })],
                "method" => {
                    let id = m.get("id").cloned().unwrap_or(Value::Null);
                    let method = m.get("method").and_then(Value::as_str).unwrap_or("");
                    let params = m.get("params").cloned().unwrap_or_else(|| json!([]));
                    let framed = |r: Result<Value, CallErr>| match r {
                        Ok(r) => json!({"msg": "result", "id": id, "result": r}),
                        Err(e) => json!({"msg": "result", "id": id, "error": error_json(&e)}),
                    };
                    let outcome = state.call(&mut conn, method, &params).await;
                    match outcome
                        .messages(framed, "{\"msg\": \"result\", \"id\": ")
                        .await
                    {
                        Some(m) => m,
                        None => break,
                    }
                }
                _ => continue,
            }
        };
        if send_all(&mut ws, reply).await.is_err() {
            break;
        }
    }
    state.hang_up(conn);
}
