//! The WebSocket JSON-RPC 2.0 side: one connection's calls, the logins (`auth.login_ex` and the
//! legacy ones), `auth.sessions`, the terminate calls, and errors in the middleware's shape.

use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

use super::{State, ADMIN, OTP_USER};
use crate::simulator::faults::FaultKind;
use crate::simulator::server::{lock, WsStream};

/// A JSON-RPC error in the middleware's shape.
#[derive(Debug)]
pub struct RpcErr {
    code: i64,
    message: &'static str,
    errname: &'static str,
    pub errno: i64,
    pub reason: String,
}

impl RpcErr {
    pub fn call(errname: &'static str, errno: i64, reason: impl Into<String>) -> RpcErr {
        RpcErr {
            code: -32001,
            message: "Method call error",
            errname,
            errno,
            reason: reason.into(),
        }
    }
    pub fn invalid(reason: impl Into<String>) -> RpcErr {
        RpcErr {
            code: -32602,
            message: "Invalid params",
            errname: "EINVAL",
            errno: 22,
            reason: reason.into(),
        }
    }
    fn to_json(&self) -> Value {
        json!({
            "code": self.code,
            "message": self.message,
            "data": { "error": self.errno, "errname": self.errname, "reason": format!("[{}] {}", self.errname, self.reason), "trace": null, "extra": null },
        })
    }
}

/// What one call does to the connection.
enum Outcome {
    Reply(Result<Value, RpcErr>),
    /// Terminating one's own session: the socket just closes, with no reply.
    CloseSocket,
    /// The `slow` fault: never answer.
    Silence,
    /// The `invalid-json` fault.
    Garbage,
}

/// One WebSocket connection: calls in, answers out, until it closes; its session goes with it.
pub async fn connection(state: Arc<State>, mut ws: WsStream, origin: String, legacy: bool) {
    let mut own: Option<String> = None;
    while let Some(Ok(msg)) = ws.next().await {
        let text = match msg {
            Message::Text(t) => t.to_string(),
            Message::Binary(b) => String::from_utf8_lossy(&b).into_owned(),
            Message::Close(_) => break,
            _ => continue,
        };
        let Ok(call) = serde_json::from_str::<Value>(&text) else {
            let err = json!({"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}});
            let _ = ws.send(Message::text(err.to_string())).await;
            continue;
        };
        let id = call.get("id").cloned().unwrap_or(Value::Null);
        let method = call.get("method").and_then(Value::as_str).unwrap_or("");
        let params = call.get("params").cloned().unwrap_or_else(|| json!([]));
        let outcome = state.dispatch(method, &params, &mut own, &origin, legacy);
        let reply = match outcome {
            Outcome::Reply(Ok(result)) => json!({"jsonrpc": "2.0", "id": id, "result": result}),
            Outcome::Reply(Err(e)) => json!({"jsonrpc": "2.0", "id": id, "error": e.to_json()}),
            Outcome::CloseSocket => break,
            Outcome::Silence => {
                tokio::time::sleep(Duration::from_secs(3600)).await;
                break;
            }
            Outcome::Garbage => {
                let _ = ws
                    .send(Message::text("{\"jsonrpc\": \"2.0\", \"id\": "))
                    .await;
                continue;
            }
        };
        if ws.send(Message::text(reply.to_string())).await.is_err() {
            break;
        }
    }
    if let Some(id) = own {
        state.remove(&id);
    }
}

impl State {
    fn dispatch(
        &self,
        method: &str,
        params: &Value,
        own: &mut Option<String>,
        origin: &str,
        legacy: bool,
    ) -> Outcome {
        let arg = |i: usize| params.get(i).cloned().unwrap_or(Value::Null);
        let reply = |r: Result<Value, RpcErr>| Outcome::Reply(r);
        match method {
            "core.ping" => return reply(Ok(json!("pong"))),
            "auth.login_ex" if legacy => {
                return reply(Err(RpcErr {
                    code: -32601,
                    message: "Method not found",
                    errname: "ENOMETHOD",
                    errno: 0,
                    reason: "Method does not exist".into(),
                }))
            }
            "auth.login_ex" => return reply(Ok(self.login_ex(&arg(0), own, origin, legacy))),
            "auth.login_with_api_key" => {
                let ok = arg(0).as_str() == Some(self.api_key.as_str());
                if ok {
                    *own = Some(self.add_session(origin, "API_KEY", self.key_data(), legacy));
                }
                return reply(Ok(json!(ok)));
            }
            "auth.login" => {
                let ok = arg(0).as_str() == Some(ADMIN)
                    && arg(1).as_str() == Some(self.password.as_str());
                if ok {
                    *own = Some(self.add_session(
                        origin,
                        "LOGIN_PASSWORD",
                        json!({"username": ADMIN}),
                        legacy,
                    ));
                }
                return reply(Ok(json!(ok)));
            }
            _ => {}
        }
        if own.is_none() {
            return reply(Err(RpcErr::call(
                "ENOTAUTHENTICATED",
                207,
                "Not authenticated",
            )));
        }
        match method {
            "auth.sessions" => {
                if let Some(fault) = self.faults.take_generic() {
                    return match fault {
                        FaultKind::Truncated => Outcome::CloseSocket,
                        FaultKind::Slow => Outcome::Silence,
                        FaultKind::InvalidJson => Outcome::Garbage,
                        FaultKind::RateLimit => reply(Err(RpcErr {
                            code: -32000,
                            message: "Too many concurrent calls",
                            errname: "EBUSY",
                            errno: 16,
                            reason: "Too many concurrent calls".into(),
                        })),
                        _ => reply(Err(RpcErr::call(
                            "EFAULT",
                            14,
                            "Internal error (injected fault)",
                        ))),
                    };
                }
                reply(self.query(&arg(0), &arg(1), own.as_deref(), false))
            }
            "auth.terminate_session" => {
                let target = arg(0);
                let Some(id) = target.as_str() else {
                    return reply(Err(RpcErr::invalid(
                        "auth.terminate_session: id must be a string",
                    )));
                };
                if Some(id) == own.as_deref() {
                    return Outcome::CloseSocket;
                }
                let done = self.remove(id);
                reply(Ok(if done && legacy {
                    Value::Null
                } else {
                    json!(done)
                }))
            }
            "auth.terminate_other_sessions" => {
                let mut all = lock(&self.sessions);
                all.retain(|s| s["id"].as_str() == own.as_deref() || s["internal"] == true);
                reply(Ok(json!(true)))
            }
            _ => reply(Err(RpcErr {
                code: -32601,
                message: "Method not found",
                errname: "ENOMETHOD",
                errno: 0,
                reason: format!("Method {method} does not exist"),
            })),
        }
    }

    fn login_ex(
        &self,
        cred: &Value,
        own: &mut Option<String>,
        origin: &str,
        legacy: bool,
    ) -> Value {
        let mech = cred.get("mechanism").and_then(Value::as_str).unwrap_or("");
        let user = cred.get("username").and_then(Value::as_str).unwrap_or("");
        let (ok, kind, data) = match mech {
            "API_KEY_PLAIN" => (
                user == ADMIN
                    && cred.get("api_key").and_then(Value::as_str) == Some(self.api_key.as_str()),
                "API_KEY",
                self.key_data(),
            ),
            "PASSWORD_PLAIN" => {
                let pass_ok =
                    cred.get("password").and_then(Value::as_str) == Some(self.password.as_str());
                if pass_ok && user == OTP_USER {
                    return json!({"response_type": "OTP_REQUIRED", "username": OTP_USER});
                }
                (
                    pass_ok && user == ADMIN,
                    "LOGIN_PASSWORD",
                    json!({"username": user}),
                )
            }
            _ => (false, "", Value::Null),
        };
        if !ok {
            return json!({"response_type": "AUTH_ERR"});
        }
        *own = Some(self.add_session(origin, kind, data, legacy));
        json!({"response_type": "SUCCESS", "user_info": {"pw_name": user, "privilege": {"roles": ["FULL_ADMIN"]}}, "authenticator": "LEVEL_1"})
    }
}
