//! A WebSocket's calls as the middleware runs them, whatever the framing (JSON-RPC's
//! ws_handler/rpc.py, or the legacy DDP handler in 24.10's and CORE 13's main.py): frames are
//! read one after another, each call then runs as its own task and is answered when it
//! finishes, under the connection's `SoftHardSemaphore(10, 20)`; until the socket closes,
//! when calls still running are cancelled and its session goes.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use futures_util::{SinkExt, StreamExt};
use serde_json::Value;
use tokio::sync::{mpsc, Semaphore};
use tokio_tungstenite::tungstenite::Message;

use super::conn::{CallErr, Conn};
use super::state::State;
use crate::server::WsStream;

/// utils/lock.py `SoftHardSemaphore(10, 20)`: 10 calls run at once, more wait, and past 20
/// started and unanswered a call is refused.
const SOFT_LIMIT: usize = 10;
pub(super) const HARD_LIMIT: usize = 20;

/// How one protocol frames its calls.
pub(super) trait Framing: Send + 'static {
    /// Read one frame, in the socket's read loop, before any call starts.
    fn read<'a>(
        &'a mut self,
        calls: &'a Calls,
        msg: Message,
    ) -> Pin<Box<dyn Future<Output = Read> + Send + 'a>>;
    /// The answer to call `id`.
    fn answer(id: &Value, result: Result<Value, CallErr>) -> Value;
    /// The answer to call `id` when more than [`HARD_LIMIT`] are pending.
    fn too_many(id: &Value, state: &State) -> Value;
    /// How an answer's text starts (what the cut-short fault sends).
    const START: &'static str;
}

/// What a frame in was.
pub(super) enum Read {
    /// A call to run: its id, method and params.
    Call(Value, String, Value),
    /// It was answered (an error, a pong) or needed no answer.
    Answered,
    /// The socket is to close.
    Closed,
}

/// What a connection's calls share: the connection, the frames going out, and its limits.
pub(super) struct Calls {
    state: Arc<State>,
    pub(super) conn: tokio::sync::Mutex<Conn>,
    /// Frames to send, in the order calls finish; `None` closes the socket.
    out: mpsc::UnboundedSender<Option<Vec<Message>>>,
    running: Semaphore,
    /// Calls started and not yet answered (the semaphore's `counter`).
    pending: AtomicUsize,
}

impl Calls {
    pub(super) fn state(&self) -> &State {
        &self.state
    }
    /// Send frames now, ahead of any call still running.
    pub(super) fn send(&self, frames: Vec<Message>) {
        let _ = self.out.send(Some(frames));
    }
    /// Send one JSON message now.
    pub(super) fn send_json(&self, message: &Value) {
        self.send(vec![Message::text(message.to_string())]);
    }
}

/// Serve one connection with `framing`.
pub(super) async fn serve<F: Framing>(state: Arc<State>, ws: WsStream, conn: Conn, mut framing: F) {
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
        match framing.read(&calls, msg).await {
            Read::Call(id, method, params) => {
                tasks.spawn(run::<F>(calls.clone(), id, method, params));
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

/// One call, as rpc.py's `process_method_call` and main.py's `call_method` run it: under the
/// connection's limits, then its answer (or the fault that replaces it).
async fn run<F: Framing>(calls: Arc<Calls>, id: Value, method: String, params: Value) {
    // SoftHardSemaphore.__aenter__: past the hard limit, refused at once.
    if calls.pending.load(Ordering::SeqCst) >= HARD_LIMIT {
        calls.send_json(&F::too_many(&id, &calls.state));
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
    let replies = outcome.messages(|r| F::answer(&id, r), F::START).await;
    let _ = calls.out.send(replies);
}
