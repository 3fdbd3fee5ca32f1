//! TrueNAS before 25.04 (SCALE 24.10 and older, CORE 12/13): the legacy DDP protocol on the
//! WebSocket at `/websocket`. Connect with `{"msg":"connect",...}`, call with
//! `{"msg":"method",...}`, read `{"msg":"result",...}`, answer pings. The methods are the same
//! as over JSON-RPC. See docs/vendors/truenas.md, "Which protocol, on which version".

use std::time::Instant;

use serde_json::{json, Value};

use super::calls::Calls;
use super::jsonrpc::{checked, open_socket, terminate_calls, terminated, TERMINATE};
use super::login;
use super::transport::Transport;
use crate::backends::closing::IN_FLIGHT;
use crate::backends::future::BoxFuture;
use crate::config::Target;
use crate::error::{Error, Result};
use crate::transport::http;
use crate::transport::in_flight::InFlight;
use crate::transport::jsonrpc::{log_call, not_in_flight, RpcError};
use crate::transport::ws::WsSocket;

/// `https://nas/anything` → `wss://nas/websocket`, keeping a path prefix before `/api`.
pub(super) fn ddp_url(base: &url::Url) -> Result<url::Url> {
    let mut u = super::jsonrpc::websocket_url(base)?;
    let path = base.path().trim_end_matches('/');
    let prefix = match path.find("/api") {
        Some(i) => &path[..i],
        None => path,
    };
    u.set_path(&format!("{prefix}/websocket"));
    Ok(u)
}

/// A logged-in DDP connection.
pub(super) struct Ddp {
    socket: WsSocket,
    next_id: u64,
}

impl Ddp {
    /// Open `/websocket`, shake hands, log in. `Err(status)` when there is no DDP endpoint.
    pub(super) async fn connect(target: &Target) -> Result<std::result::Result<Ddp, u16>> {
        let url = ddp_url(&target.url)?;
        let socket = match open_socket(target, &url).await? {
            Ok(socket) => socket,
            Err(status) => return Ok(Err(status)),
        };
        let mut ddp = Ddp { socket, next_id: 1 };
        ddp.handshake().await?;
        target.log.verbose(format_args!(
            "using the legacy DDP WebSocket API at {}",
            http::redact_url(&url)
        ));
        login::legacy(&mut ddp, target).await?;
        Ok(Ok(ddp))
    }

    async fn handshake(&mut self) -> Result<()> {
        let deadline = Instant::now() + self.socket.timeout;
        let hello = json!({"msg": "connect", "version": "1", "support": ["1"]});
        self.socket
            .send(hello.to_string(), "the DDP handshake", deadline)
            .await?;
        loop {
            let message = self.next_message("the DDP handshake", deadline).await?;
            match message.get("msg").and_then(Value::as_str) {
                Some("connected") => return Ok(()),
                Some("failed") => {
                    return Err(Error::server(format!(
                        "TrueNAS refused the DDP handshake: {message}"
                    )))
                }
                _ => continue,
            }
        }
    }

    /// The next message as JSON; pings are answered on the way.
    async fn next_message(&mut self, what: &str, deadline: Instant) -> Result<Value> {
        loop {
            let text = self.socket.receive(what, deadline).await?;
            let message: Value = serde_json::from_str(&text).map_err(|e| {
                Error::server(format!(
                    "invalid DDP message during {what}: {e} (body: {})",
                    http::body_excerpt(text.as_bytes())
                ))
            })?;
            if message.get("msg").and_then(Value::as_str) == Some("ping") {
                let pong = json!({"msg": "pong"}).to_string();
                self.socket.send(pong, what, deadline).await?;
                continue;
            }
            return Ok(message);
        }
    }

    async fn call_ddp(
        &mut self,
        method: &str,
        params: Value,
        log_params: bool,
    ) -> Result<std::result::Result<Value, RpcError>> {
        let id = self.next_id.to_string();
        self.next_id += 1;
        let log = self.socket.log;
        log_call(log, method, &params, log_params);
        let started = Instant::now();
        let deadline = started + self.socket.timeout;
        self.send_call(&id, method, &params, deadline).await?;
        let (got, message) = self.next_result(method, deadline).await?;
        if got != id {
            return Err(Error::server(format!(
                "the server answered {method} (request id {id}) with the result of \
                 request id '{got}'"
            )));
        }
        log.verbose(format_args!(
            "< {method} answered ({} ms)",
            started.elapsed().as_millis()
        ));
        Ok(answer_of(message))
    }

    /// Call `method` once for each of `calls`, with up to `in_flight` sent before their
    /// answers: the middleware runs each call as its own task and answers it when it
    /// finishes (docs/vendors/truenas.md, "Ending sessions"). The results in `calls`' order.
    async fn call_many(
        &mut self,
        method: &str,
        calls: &[Value],
        in_flight: usize,
    ) -> Result<Vec<std::result::Result<Value, RpcError>>> {
        let mut pending = InFlight::new(self.next_id, calls.len(), in_flight);
        self.next_id += calls.len() as u64;
        while !pending.done() {
            while let Some((i, id)) = pending.next() {
                log_call(self.socket.log, method, &calls[i], true);
                let deadline = Instant::now() + self.socket.timeout;
                self.send_call(&id.to_string(), method, &calls[i], deadline)
                    .await?;
            }
            let deadline = Instant::now() + self.socket.timeout;
            let (got, message) = self.next_result(method, deadline).await?;
            let placed = got
                .parse::<u64>()
                .is_ok_and(|id| pending.answer(id, answer_of(message)));
            if !placed {
                return Err(not_in_flight(method, &got));
            }
        }
        Ok(pending.answers())
    }

    async fn send_call(
        &mut self,
        id: &str,
        method: &str,
        params: &Value,
        deadline: Instant,
    ) -> Result<()> {
        let call = json!({"id": id, "msg": "method", "method": method, "params": params});
        self.socket.send(call.to_string(), method, deadline).await
    }

    /// The next `result` message, and the id it answers.
    async fn next_result(&mut self, method: &str, deadline: Instant) -> Result<(String, Value)> {
        loop {
            let message = self.next_message(method, deadline).await?;
            // Other messages (`updated`, `added`, ...) are subscriptions' business.
            if message.get("msg").and_then(Value::as_str) != Some("result") {
                continue;
            }
            let got = message.get("id").and_then(Value::as_str).unwrap_or("");
            return Ok((got.to_string(), message));
        }
    }
}

/// A `result` message's result, or the middleware's error: DDP's error is the middleware's
/// own object, `{error, errname, type, reason, ...}`.
fn answer_of(mut message: Value) -> std::result::Result<Value, RpcError> {
    match message.get_mut("error").map(Value::take) {
        Some(error) if !error.is_null() => Err(RpcError {
            code: error.get("error").and_then(Value::as_i64).unwrap_or(0),
            message: "DDP error".to_string(),
            data: error,
        }),
        _ => Ok(message
            .get_mut("result")
            .map(Value::take)
            .unwrap_or(Value::Null)),
    }
}

impl Calls for Ddp {
    fn call<'a>(
        &'a mut self,
        method: &'a str,
        params: Value,
        log_params: bool,
    ) -> BoxFuture<'a, Result<std::result::Result<Value, RpcError>>> {
        Box::pin(self.call_ddp(method, params, log_params))
    }
}

impl Transport for Ddp {
    fn call<'a>(&'a mut self, method: &'a str, params: Value) -> BoxFuture<'a, Result<Value>> {
        Box::pin(checked(self, method, params))
    }

    /// Up to IN_FLIGHT calls on the one socket, as over JSON-RPC.
    fn terminate_many<'a>(&'a mut self, ids: &'a [String]) -> BoxFuture<'a, Result<Vec<Value>>> {
        Box::pin(async move {
            let calls = terminate_calls(ids);
            let answers = self.call_many(TERMINATE, &calls, IN_FLIGHT).await?;
            terminated(answers)
        })
    }

    fn close(self: Box<Self>) -> BoxFuture<'static, ()> {
        Box::pin(self.socket.close())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ddp_urls() {
        let u = |s: &str| ddp_url(&url::Url::parse(s).unwrap()).unwrap().to_string();
        assert_eq!(u("https://nas"), "wss://nas/websocket");
        assert_eq!(u("wss://nas:8443/api/current"), "wss://nas:8443/websocket");
        assert_eq!(u("https://gw/nas/api/v25.10.0"), "wss://gw/nas/websocket");
        assert_eq!(u("http://127.0.0.1:81"), "ws://127.0.0.1:81/websocket");
    }
}
