//! TrueNAS's auth sessions, as ../shared/docs/apis/truenas-auth.md describes them: JSON-RPC 2.0
//! over a WebSocket at `/api/current` (and pinned `/api/vXX.YY.Z` paths) in `jsonrpc.rs`, with
//! `auth.sessions` in the filter language and query options of `filters.rs`. `--truenas-core`
//! serves CORE instead (`rest.rs`): no WebSocket API, `GET /api/v2.0/auth/sessions` over REST.

mod data;
mod filters;
mod jsonrpc;
mod rest;

use std::sync::{Arc, Mutex};

use hyper::Method;
use serde_json::{json, Value};

use super::faults::Faults;
use super::server::{lock, SimRequest, SimResponse, VendorApi, WsHandler};
use super::{Backend, Rng, SimOptions};
use crate::config::Profile;

const ADMIN: &str = "truenas_admin";
/// An account with two-factor login: a correct password gets OTP_REQUIRED.
const OTP_USER: &str = "otpuser";
const KEY_ID: u64 = 3;
const KEY_NAME: &str = "sessions-cli";
/// API versions served; before 25.04 there is no `auth.login_ex` and no `secure_transport`.
const VERSIONS: [&str; 3] = ["v24.10.2", "v25.04.2", "v25.10.0"];

pub fn backend(opts: &SimOptions, faults: Arc<Faults>) -> Backend {
    let api = Arc::new(TrueNasSim::new(opts, faults));
    Backend {
        name: "auth",
        url_path: "",
        comment: format!(
            "auth password of {ADMIN} and {OTP_USER} (for password = \"...\"): {}",
            api.state.password
        ),
        profile: Profile {
            backend: Some("auth".to_string()),
            username: Some(ADMIN.to_string()),
            api_key: Some(api.state.api_key.clone()),
            ..Profile::default()
        },
        secrets: json!({
            "api_key": api.state.api_key,
            "username": ADMIN,
            "password": api.state.password,
        }),
        api,
    }
}

struct State {
    password: String,
    api_key: String,
    quirks: bool,
    faults: Arc<Faults>,
    rng: Mutex<Rng>,
    /// Every session, oldest first; the ones of live connections are added and removed.
    sessions: Mutex<Vec<Value>>,
}

struct TrueNasSim {
    state: Arc<State>,
    core: bool,
}

impl TrueNasSim {
    fn new(opts: &SimOptions, faults: Arc<Faults>) -> TrueNasSim {
        let mut rng = Rng::new(opts.seed ^ 0x7A5);
        let password = format!("sim-{}", rng.hex(12));
        let api_key = format!("{KEY_ID}-{}", rng.hex(48));
        let sessions = data::make_sessions(&mut rng, opts.sessions, opts.quirks);
        TrueNasSim {
            state: Arc::new(State {
                password,
                api_key,
                quirks: opts.quirks,
                faults,
                rng: Mutex::new(rng),
                sessions: Mutex::new(sessions),
            }),
            core: opts.truenas_core,
        }
    }
}

impl VendorApi for TrueNasSim {
    fn handle(&self, req: &SimRequest) -> SimResponse {
        if req.path == "/api/versions" && !self.core {
            return SimResponse::json(200, &json!(VERSIONS));
        }
        if self.core {
            return self.rest(req);
        }
        // SCALE: the WebSocket is the API; there is no REST route for auth.sessions.
        SimResponse::raw(404, "text/plain", "Not Found")
    }

    fn is_data_request(&self, req: &SimRequest) -> bool {
        self.core && req.method == Method::GET && req.path.ends_with("/auth/sessions")
    }

    fn error(&self, status: u16, message: &str) -> SimResponse {
        SimResponse::json(status, &json!({ "message": message, "errno": status }))
    }

    fn websocket(&self, req: &SimRequest) -> Option<WsHandler> {
        if self.core {
            return None;
        }
        let version = match req.path.trim_end_matches('/') {
            "/api/current" => VERSIONS[VERSIONS.len() - 1],
            p => VERSIONS
                .iter()
                .copied()
                .find(|v| p.strip_prefix("/api/") == Some(*v))?,
        };
        let state = self.state.clone();
        let origin = match req.peer {
            std::net::SocketAddr::V4(a) => a.to_string(),
            std::net::SocketAddr::V6(a) => format!("[{}]:{}", a.ip(), a.port()),
        };
        let legacy = version < "v25.04";
        Some(Box::new(move |ws| {
            Box::pin(jsonrpc::connection(state, ws, origin, legacy))
        }))
    }
}

impl State {
    fn key_data(&self) -> Value {
        json!({"username": ADMIN, "api_key": {"id": KEY_ID, "name": KEY_NAME}})
    }

    fn add_session(
        &self,
        origin: &str,
        credentials: &str,
        mut data: Value,
        legacy: bool,
    ) -> String {
        let id = lock(&self.rng).uuid('a');
        let now = now_ms();
        if let Value::Object(d) = &mut data {
            d.insert("login_at".into(), json!({"$date": now}));
        }
        let mut s = json!({
            "id": id, "internal": false, "origin": origin, "credentials": credentials,
            "credentials_data": data, "created_at": {"$date": now},
        });
        if !legacy {
            s["secure_transport"] = json!(true);
        }
        lock(&self.sessions).push(s);
        id
    }

    fn remove(&self, id: &str) -> bool {
        let mut all = lock(&self.sessions);
        let before = all.len();
        all.retain(|s| s["id"].as_str() != Some(id));
        all.len() != before
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quirked_times_are_the_ones_the_simulator_always_served() {
        let opts = SimOptions {
            seed: 5,
            sessions: 30,
            quirks: true,
            ..SimOptions::demo()
        };
        let sim = TrueNasSim::new(&opts, Arc::default());
        let rows = sim
            .state
            .query(&Value::Null, &Value::Null, None, true)
            .unwrap();
        let times: Vec<(&str, &str)> = rows
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| Some((r["id"].as_str()?, r["created_at"].as_str()?)))
            .take(4)
            .collect();
        assert_eq!(
            times,
            [
                (
                    "657210b5-0e92-4b92-a025-58c1cf89aff6",
                    "2025-10-24T10:02:38+00:00"
                ),
                (
                    "2b8c1c4b-4339-446e-acaa-722e1b54bd50",
                    "2025-10-24T10:03:10+00:00"
                ),
                (
                    "df4eb6c9-558b-49bc-a957-f369f5d9bac4",
                    "2025-10-24T10:03:48+00:00"
                ),
                (
                    "d767da72-b794-4081-ae24-7c60604e08c8",
                    "2025-10-24T10:05:39+00:00"
                ),
            ]
        );
    }
}
