//! JSON-RPC 2.0 over a [`WsSocket`] (TrueNAS 25.04 and later).

use std::time::Instant;

use serde_json::{json, Value};

use crate::error::{Error, Result};
use crate::transport::in_flight::InFlight;
use crate::transport::ws::WsSocket;
use crate::transport::Log;

/// A JSON-RPC answer, read without building a tree of its result.
#[derive(serde::Deserialize)]
pub(crate) struct Envelope<'a> {
    #[serde(default)]
    pub id: Option<u64>,
    #[serde(borrow, default)]
    pub result: Option<&'a serde_json::value::RawValue>,
    #[serde(default)]
    pub error: Option<WireError>,
}

/// `error` as JSON-RPC sends it.
#[derive(serde::Deserialize)]
pub(crate) struct WireError {
    #[serde(default)]
    code: i64,
    #[serde(default)]
    message: String,
    #[serde(default)]
    data: Value,
}

impl From<WireError> for RpcError {
    fn from(e: WireError) -> RpcError {
        RpcError {
            code: e.code,
            message: e.message,
            data: e.data,
        }
    }
}

pub(crate) fn parse_envelope<'a>(text: &'a str, method: &str) -> Result<Envelope<'a>> {
    serde_json::from_str(text).map_err(|e| {
        Error::server(format!(
            "invalid JSON-RPC message during {method}: {e} (body: {})",
            crate::transport::http::body_excerpt(text.as_bytes())
        ))
    })
}

/// An error from the remote method, in JSON-RPC's shape.
#[derive(Debug, Clone)]
pub(crate) struct RpcError {
    pub code: i64,
    pub message: String,
    pub data: Value,
}

impl RpcError {
    /// TrueNAS puts the human text in `data.reason`, e.g. `[EACCES] Not authorized`.
    pub(crate) fn text(&self) -> String {
        match self.data.get("reason").and_then(Value::as_str) {
            Some(r) if !r.is_empty() => r.trim().to_string(),
            _ => format!("{} ({})", self.message, self.code),
        }
    }
    pub(crate) fn errname(&self) -> Option<&str> {
        self.data.get("errname").and_then(Value::as_str)
    }
}

/// The `-v` line of a method call; `log_params` false keeps credentials out of it.
pub(crate) fn log_call(log: Log, method: &str, params: &Value, log_params: bool) {
    if log.is_verbose() {
        let shown = if log_params {
            params.to_string()
        } else {
            "(credentials not shown)".to_string()
        };
        log.verbose(format_args!("> {method} {shown}"));
    }
}

pub(crate) struct RpcClient {
    socket: WsSocket,
    next_id: u64,
}

impl RpcClient {
    pub(crate) fn new(socket: WsSocket) -> RpcClient {
        RpcClient { socket, next_id: 1 }
    }

    /// Call a method and wait (up to the timeout) for its answer. Notifications are skipped;
    /// an answer to another id is an error. `log_params` false keeps credentials out of `-v`.
    pub(crate) async fn call(
        &mut self,
        method: &str,
        params: Value,
        log_params: bool,
    ) -> Result<std::result::Result<Value, RpcError>> {
        let text = self.call_text(method, params, log_params).await?;
        result_of(parse_envelope(&text, method)?, method)
    }

    /// Call `method` once for each of `calls` on this one socket, with up to `in_flight`
    /// calls sent before their answers (a server that runs calls concurrently answers each
    /// as it finishes, in any order); the results in `calls`' order. An answer to an id not
    /// in flight is an error, as in [`call`](Self::call).
    pub(crate) async fn call_many(
        &mut self,
        method: &str,
        calls: Vec<Value>,
        in_flight: usize,
    ) -> Result<Vec<std::result::Result<Value, RpcError>>> {
        let mut pending = InFlight::new(self.next_id, calls.len(), in_flight);
        self.next_id += calls.len() as u64;
        let log = self.socket.log;
        while !pending.done() {
            while let Some((i, id)) = pending.next() {
                let params = &calls[i];
                log_call(log, method, params, true);
                let request =
                    json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
                let deadline = Instant::now() + self.socket.timeout;
                self.socket
                    .send(request.to_string(), method, deadline)
                    .await?;
            }
            let deadline = Instant::now() + self.socket.timeout;
            let text = self.socket.receive(method, deadline).await?;
            let answer = parse_envelope(&text, method)?;
            // A notification (TrueNAS sends events between answers).
            let Some(id) = answer.id else { continue };
            if !pending.answer(id, result_of(answer, method)?) {
                return Err(not_in_flight(method, &id.to_string()));
            }
        }
        Ok(pending.answers())
    }

    /// Like [`call`](Self::call), but hands back the whole answer's text, for callers that
    /// pass large results through without building a tree (see [`Envelope`]).
    pub(crate) async fn call_text(
        &mut self,
        method: &str,
        params: Value,
        log_params: bool,
    ) -> Result<String> {
        let id = self.next_id;
        self.next_id += 1;
        let log = self.socket.log;
        log_call(log, method, &params, log_params);
        let request = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
        let started = Instant::now();
        let deadline = started + self.socket.timeout;
        self.socket
            .send(request.to_string(), method, deadline)
            .await?;
        loop {
            let text = self.socket.receive(method, deadline).await?;
            match parse_envelope(&text, method)?.id {
                // A notification (TrueNAS sends events between answers).
                None => continue,
                Some(got) if got != id => {
                    // One call is in flight at a time: an answer to any other id means the
                    // server mixed up its answers, and this one cannot be trusted either.
                    return Err(Error::server(format!(
                        "the server answered {method} (request id {id}) with an answer for \
                         request id {got}"
                    )));
                }
                Some(_) => {}
            }
            log.verbose(format_args!(
                "< {method} answered ({} ms, {} bytes)",
                started.elapsed().as_millis(),
                text.len()
            ));
            return Ok(text);
        }
    }

    pub(crate) async fn close(self) {
        self.socket.close().await
    }
}

/// An answer, among several calls in flight, to a request id none of them has.
pub(crate) fn not_in_flight(method: &str, id: &str) -> Error {
    Error::server(format!(
        "the server answered {method} with an answer for request id {id}, which was not in flight"
    ))
}

/// An answer's result, or the remote method's error.
fn result_of(answer: Envelope<'_>, method: &str) -> Result<std::result::Result<Value, RpcError>> {
    match (answer.error, answer.result) {
        (Some(err), _) => Ok(Err(err.into())),
        (None, Some(raw)) => Ok(Ok(serde_json::from_str(raw.get()).map_err(|e| {
            Error::server(format!("invalid JSON-RPC result of {method}: {e}"))
        })?)),
        (None, None) => Ok(Ok(Value::Null)),
    }
}
