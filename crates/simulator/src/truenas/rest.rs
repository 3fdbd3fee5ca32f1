//! TrueNAS CORE's REST API: `GET /api/v2.0/auth/sessions` with filters as query parameters
//! (`field__op=value`), and `POST /api/v2.0/auth/terminate_session`.

use hyper::Method;
use serde_json::{json, Map, Value};

use super::state::ADMIN;
use super::TrueNasSim;
use crate::rng::decode_basic;
use crate::server::{SimRequest, SimResponse};

impl TrueNasSim {
    /// CORE's `GET /api/v2.0/auth/sessions` and `POST /api/v2.0/auth/terminate_session`.
    pub(super) fn rest(&self, req: &SimRequest) -> SimResponse {
        if !req.path.starts_with("/api/v2.0/") {
            return SimResponse::raw(404, "text/plain", "Not Found");
        }
        let auth = req
            .headers
            .get(hyper::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let ok = auth.strip_prefix("Bearer ") == Some(self.state.api_key.as_str())
            || auth.strip_prefix("Basic ").and_then(decode_basic)
                == Some((ADMIN.to_string(), self.state.password.clone()));
        if !ok {
            return SimResponse::raw(401, "text/plain", "Unauthorized");
        }
        match (&req.method, req.path.trim_end_matches('/')) {
            (&Method::GET, "/api/v2.0/auth/sessions") => {
                let mut filters = Vec::new();
                let mut options = Map::new();
                for (k, v) in &req.query {
                    match k.as_str() {
                        "limit" | "offset" => {
                            options.insert(k.clone(), json!(v.parse::<u64>().unwrap_or(0)));
                        }
                        "count" => {
                            options.insert(k.clone(), json!(v == "true"));
                        }
                        _ => {
                            let (field, op) = match k.rsplit_once("__") {
                                Some((f, "eq")) => (f, "="),
                                Some((f, "neq")) => (f, "!="),
                                Some((f, "gt")) => (f, ">"),
                                Some((f, "lt")) => (f, "<"),
                                Some((f, "gte")) => (f, ">="),
                                Some((f, "lte")) => (f, "<="),
                                Some((f, "regex")) => (f, "~"),
                                Some((_, op)) => {
                                    return SimResponse::json(
                                        422,
                                        &json!({ "message": format!("Invalid operator {op}"), "errno": 22 }),
                                    )
                                }
                                None => (k.as_str(), "="),
                            };
                            filters.push(json!([field, op, rest_value(v)]));
                        }
                    }
                }
                match self.state.query(
                    &Value::Array(filters),
                    &Value::Object(options),
                    None,
                    self.state.quirks,
                ) {
                    Ok(v) => SimResponse::json(200, &v),
                    Err(e) => {
                        SimResponse::json(422, &json!({ "message": e.text, "errno": e.errno }))
                    }
                }
            }
            (&Method::POST, "/api/v2.0/auth/terminate_session") => {
                let id: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
                match id.as_str() {
                    Some(id) => SimResponse::json(200, &json!(self.state.terminate(id))),
                    None => SimResponse::json(
                        422,
                        &json!({ "message": "Expected a session id string", "errno": 22 }),
                    ),
                }
            }
            _ => SimResponse::raw(404, "text/plain", "Not Found"),
        }
    }
}

/// Query-string values are strings; CORE reads true/false/numbers as such.
fn rest_value(v: &str) -> Value {
    match v {
        "true" => json!(true),
        "false" => json!(false),
        _ => v
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or_else(|_| json!(v)),
    }
}
