//! JSON-RPC 2.0 over the WebSocket at `/api/current` (25.04 and later), framed as
//! api/base/server/ws_handler/rpc.py frames it: its frame limits, request checks and error
//! shapes. What the calls do is in `calls.rs`.

use std::sync::Arc;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

use super::conn::{CallErr, Conn, ErrKind};
use super::state::State;
use crate::server::WsStream;

/// Frame limits (utils/limits.py MsgSizeLimit): before login and after.
pub(super) const UNAUTHENTICATED_LIMIT: usize = 8192;
pub(super) const AUTHENTICATED_LIMIT: usize = 65536;

/// The error member of a response, as rpc.py `send_error` writes it: -32601 carries no
/// `data`.
fn error_json(e: &CallErr) -> Value {
    let (code, message) = match e.kind {
        ErrKind::NoMethod => (-32601, "Method does not exist"),
        ErrKind::Validation => (-32602, "Invalid params"),
        ErrKind::Call => (-32001, "Method call error"),
    };
    if e.kind == ErrKind::NoMethod {
        return json!({"code": code, "message": message});
    }
    json!({
        "code": code,
        "message": message,
        "data": {"error": e.errno, "errname": e.errname, "reason": e.reason, "trace": null, "extra": null},
    })
}

async fn close(ws: &mut WsStream, code: CloseCode, reason: &str) {
    let frame = CloseFrame {
        code,
        reason: reason.into(),
    };
    let _ = ws.close(Some(frame)).await;
}

/// One connection: calls in, answers out, until it closes; its session goes with it.
pub(super) async fn connection(state: Arc<State>, mut ws: WsStream, mut conn: Conn) {
    while let Some(Ok(msg)) = ws.next().await {
        let text = match msg {
            Message::Text(t) => t.to_string(),
            Message::Close(_) => break,
            Message::Ping(_) | Message::Pong(_) | Message::Frame(_) => continue,
            Message::Binary(_) => {
                // rpc.py: anything but TEXT closes with UNSUPPORTED_DATA.
                let reason = "Invalid websocket message type: <WSMsgType.BINARY: 2>";
                close(&mut ws, CloseCode::Unsupported, reason).await;
                break;
            }
        };
        // utils/limits.py parse_message: the length is Python's len() of the text.
        let len = text.chars().count();
        if conn.own.is_none() && len > UNAUTHENTICATED_LIMIT {
            let reason = "Anonymous connection max message length is 8 kB";
            close(&mut ws, CloseCode::Invalid, reason).await;
            break;
        }
        let call = match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(o)) => Value::Object(o),
            Ok(Value::Array(_)) => {
                send_error(&mut ws, -32700, "Batch messages are not supported yet").await;
                continue;
            }
            Ok(_) => {
                send_error(&mut ws, -32700, "Invalid Message Format").await;
                continue;
            }
            Err(e) => {
                send_error(&mut ws, -32700, &e.to_string()).await;
                continue;
            }
        };
        if len > AUTHENTICATED_LIMIT {
            close(&mut ws, CloseCode::Size, "Max message length is 64 kB").await;
            break;
        }
        // rpc.py REQUEST_SCHEMA: jsonrpc "2.0", a string method, list params.
        let (Some("2.0"), Some(method)) = (
            call.get("jsonrpc").and_then(Value::as_str),
            call.get("method").and_then(Value::as_str),
        ) else {
            send_error(&mut ws, -32600, "'jsonrpc' and 'method' are required").await;
            continue;
        };
        let id = call.get("id").cloned().unwrap_or(Value::Null);
        let params = call.get("params").cloned().unwrap_or_else(|| json!([]));
        let framed = |r: Result<Value, CallErr>| match r {
            Ok(result) => json!({"jsonrpc": "2.0", "result": result, "id": id}),
            Err(e) => json!({"jsonrpc": "2.0", "error": error_json(&e), "id": id}),
        };
        let outcome = state.call(&mut conn, method, &params).await;
        let Some(replies) = outcome
            .messages(framed, "{\"jsonrpc\": \"2.0\", \"id\": ")
            .await
        else {
            break;
        };
        if send_all(&mut ws, replies).await.is_err() {
            break;
        }
    }
    state.hang_up(conn);
}

/// Send each frame in turn.
pub(super) async fn send_all(
    ws: &mut WsStream,
    frames: Vec<Message>,
) -> Result<(), tokio_tungstenite::tungstenite::Error> {
    for frame in frames {
        ws.send(frame).await?;
    }
    Ok(())
}

/// An error without an id (the request could not be read): rpc.py `send_error(None, ...)`.
async fn send_error(ws: &mut WsStream, code: i64, message: &str) {
    let err = json!({"jsonrpc": "2.0", "error": {"code": code, "message": message}, "id": null});
    let _ = ws.send(Message::text(err.to_string())).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn call_errors_carry_data() {
        // ws_handler/rpc.py: a CallError is -32001 with errno, errname and reason in data.
        let e = CallErr::call("EBUSY", 16, "Rate Limit Exceeded");
        assert_eq!(
            error_json(&e)["data"]["reason"],
            "[EBUSY] Rate Limit Exceeded"
        );
        assert_eq!(error_json(&e)["code"], -32001);
        let v = CallErr::invalid("options.foo: Extra inputs are not permitted");
        assert_eq!(error_json(&v)["code"], -32602);
    }
}
