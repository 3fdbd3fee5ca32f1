//! JSON-RPC 2.0 over the WebSocket at `/api/current` (25.04 and later), framed as
//! api/base/server/ws_handler/rpc.py frames it: its frame limits, request checks and error
//! shapes. What the calls do is in `calls.rs`.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

use super::conn::{CallErr, Conn, ErrKind};
use super::state::State;
use super::tasks::{self, Calls, Framing, Read, HARD_LIMIT};
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

/// rpc.py's framing: each call runs as its own task (`process_message` starts
/// `process_method_call` with `asyncio.create_task`), see `tasks.rs`.
pub(super) async fn connection(state: Arc<State>, ws: WsStream, conn: Conn) {
    tasks::serve(state, ws, conn, JsonRpc).await
}

struct JsonRpc;

impl Framing for JsonRpc {
    fn read<'a>(
        &'a mut self,
        calls: &'a Calls,
        msg: Message,
    ) -> Pin<Box<dyn Future<Output = Read> + Send + 'a>> {
        Box::pin(read(calls, msg))
    }

    fn answer(id: &Value, result: Result<Value, CallErr>) -> Value {
        match result {
            Ok(result) => json!({"jsonrpc": "2.0", "result": result, "id": id}),
            Err(e) => json!({"jsonrpc": "2.0", "error": error_json(&e), "id": id}),
        }
    }

    fn too_many(id: &Value, _: &State) -> Value {
        let message = format!("Maximum number of concurrent calls ({HARD_LIMIT}) has exceeded");
        json!({"jsonrpc": "2.0", "error": {"code": -32000, "message": message}, "id": id})
    }

    const START: &'static str = "{\"jsonrpc\": \"2.0\", \"id\": ";
}

/// Read one frame as rpc.py does before it starts a call: its type, its size, the JSON and
/// the request's members.
async fn read(calls: &Calls, msg: Message) -> Read {
    let text = match msg {
        Message::Text(t) => t.to_string(),
        Message::Close(_) => return Read::Closed,
        Message::Ping(_) | Message::Pong(_) | Message::Frame(_) => return Read::Answered,
        Message::Binary(_) => {
            // rpc.py: anything but TEXT closes with UNSUPPORTED_DATA.
            let reason = "Invalid websocket message type: <WSMsgType.BINARY: 2>";
            return close(calls, CloseCode::Unsupported, reason);
        }
    };
    // utils/limits.py parse_message: the length is Python's len() of the text.
    let len = text.chars().count();
    if calls.conn.lock().await.own.is_none() && len > UNAUTHENTICATED_LIMIT {
        let reason = "Anonymous connection max message length is 8 kB";
        return close(calls, CloseCode::Invalid, reason);
    }
    let call = match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(o)) => Value::Object(o),
        Ok(Value::Array(_)) => {
            return send_error(calls, -32700, "Batch messages are not supported yet");
        }
        Ok(_) => return send_error(calls, -32700, "Invalid Message Format"),
        Err(e) => return send_error(calls, -32700, &e.to_string()),
    };
    if len > AUTHENTICATED_LIMIT {
        return close(calls, CloseCode::Size, "Max message length is 64 kB");
    }
    // rpc.py REQUEST_SCHEMA: jsonrpc "2.0", a string method, list params.
    let (Some("2.0"), Some(method)) = (
        call.get("jsonrpc").and_then(Value::as_str),
        call.get("method").and_then(Value::as_str),
    ) else {
        return send_error(calls, -32600, "'jsonrpc' and 'method' are required");
    };
    let id = call.get("id").cloned().unwrap_or(Value::Null);
    let params = call.get("params").cloned().unwrap_or_else(|| json!([]));
    Read::Call(id, method.to_string(), params)
}

fn close(calls: &Calls, code: CloseCode, reason: &str) -> Read {
    let frame = CloseFrame {
        code,
        reason: reason.into(),
    };
    calls.send(vec![Message::Close(Some(frame))]);
    Read::Closed
}

/// An error without an id (the request could not be read): rpc.py `send_error(None, ...)`.
fn send_error(calls: &Calls, code: i64, message: &str) -> Read {
    calls.send_json(
        &json!({"jsonrpc": "2.0", "error": {"code": code, "message": message}, "id": null}),
    );
    Read::Answered
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
