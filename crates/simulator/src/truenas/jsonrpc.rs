//! JSON-RPC 2.0 over the WebSocket at `/api/current` (25.04 and later), framed as
//! api/base/server/ws_handler/rpc.py frames it: its frame limits, request checks and error
//! shapes. What the calls do is in `calls.rs`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::sync::{mpsc, Semaphore};
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

/// The middleware's limits on one connection's calls (rpc.py `SoftHardSemaphore(10, 20)`):
/// 10 run at once, more wait, and past 20 a call is refused.
const SOFT_LIMIT: usize = 10;
const HARD_LIMIT: usize = 20;

/// What a connection's calls share: the connection, the frames going out, and its limits.
struct Calls {
    state: Arc<State>,
    conn: tokio::sync::Mutex<Conn>,
    /// Frames to send, in the order calls finish; `None` closes the socket.
    out: mpsc::UnboundedSender<Option<Vec<Message>>>,
    running: Semaphore,
    /// Calls started and not yet answered (the semaphore's `counter`).
    pending: AtomicUsize,
}

/// One connection: each call runs as its own task and is answered when it finishes, as
/// rpc.py's `process_message` starts `process_method_call` with `asyncio.create_task`;
/// until the socket closes, when calls still running are cancelled and its session goes.
pub(super) async fn connection(state: Arc<State>, ws: WsStream, conn: Conn) {
    let (mut sink, mut stream) = ws.split();
    let (out, mut frames) = mpsc::unbounded_channel::<Option<Vec<Message>>>();
    let closed = Arc::new(tokio::sync::Notify::new());
    let writer = {
        let closed = closed.clone();
        tokio::spawn(async move {
            while let Some(Some(batch)) = frames.recv().await {
                for frame in batch {
                    if sink.send(frame).await.is_err() {
                        closed.notify_one();
                        return;
                    }
                }
            }
            closed.notify_one();
        })
    };
    let calls = Arc::new(Calls {
        state: state.clone(),
        conn: tokio::sync::Mutex::new(conn),
        out,
        running: Semaphore::new(SOFT_LIMIT),
        pending: AtomicUsize::new(0),
    });
    let mut tasks = tokio::task::JoinSet::new();
    loop {
        let msg = tokio::select! {
            m = stream.next() => m,
            () = closed.notified() => None,
        };
        let Some(Ok(msg)) = msg else { break };
        match read(&calls, msg).await {
            Read::Call(id, method, params) => {
                tasks.spawn(run(calls.clone(), id, method, params));
            }
            Read::Answered => {}
            Read::Closed => break,
        }
    }
    // The socket is gone: calls still running are cancelled.
    tasks.shutdown().await;
    let _ = calls.out.send(None);
    let _ = writer.await;
    if let Ok(calls) = Arc::try_unwrap(calls) {
        state.hang_up(calls.conn.into_inner());
    }
}

/// What a frame in was.
enum Read {
    /// A call to run: its id, method and params.
    Call(Value, String, Value),
    /// It was answered (an error) or needed no answer.
    Answered,
    /// The socket is to close.
    Closed,
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

/// One call, as `process_method_call` runs it: under the connection's limits, then its
/// answer (or the fault that replaces it).
async fn run(calls: Arc<Calls>, id: Value, method: String, params: Value) {
    let framed = |r: Result<Value, CallErr>| match r {
        Ok(result) => json!({"jsonrpc": "2.0", "result": result, "id": id}),
        Err(e) => json!({"jsonrpc": "2.0", "error": error_json(&e), "id": id}),
    };
    // SoftHardSemaphore.__aenter__: past the hard limit, refused at once.
    if calls.pending.load(Ordering::SeqCst) >= HARD_LIMIT {
        let message = format!("Maximum number of concurrent calls ({HARD_LIMIT}) has exceeded");
        let error =
            json!({"jsonrpc": "2.0", "error": {"code": -32000, "message": message}, "id": id});
        let _ = calls.out.send(Some(vec![Message::text(error.to_string())]));
        return;
    }
    calls.pending.fetch_add(1, Ordering::SeqCst);
    let _logged = calls.state.requests.call("auth", &method);
    let outcome = {
        let _slot = calls.running.acquire().await;
        if let Some(latency) = calls.state.call_latency {
            tokio::time::sleep(latency).await;
        }
        let mut conn = calls.conn.lock().await;
        calls.state.call(&mut conn, &method, &params).await
    };
    calls.pending.fetch_sub(1, Ordering::SeqCst);
    let replies = outcome
        .messages(framed, "{\"jsonrpc\": \"2.0\", \"id\": ")
        .await;
    let _ = calls.out.send(replies);
}

fn close(calls: &Calls, code: CloseCode, reason: &str) -> Read {
    let frame = CloseFrame {
        code,
        reason: reason.into(),
    };
    let _ = calls.out.send(Some(vec![Message::Close(Some(frame))]));
    Read::Closed
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
fn send_error(calls: &Calls, code: i64, message: &str) -> Read {
    let err = json!({"jsonrpc": "2.0", "error": {"code": code, "message": message}, "id": null});
    let _ = calls.out.send(Some(vec![Message::text(err.to_string())]));
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
