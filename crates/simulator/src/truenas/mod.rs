//! TrueNAS's auth sessions, as docs/vendors/truenas.md describes them, as each
//! release serves them (`--truenas-version`):
//! - 25.10 and 25.04: JSON-RPC 2.0 over a WebSocket at `/api/current` and the pinned
//!   `/api/vXX.YY.Z` paths (`jsonrpc.rs`), `GET /api/versions`, and legacy DDP at `/websocket`
//!   (`ddp.rs`);
//! - 24.10: DDP at `/websocket`; nginx answers everything else with a 302 to `/ui/`;
//! - 13.0 (CORE): DDP at `/websocket` and REST at `/api/v2.0` (`rest.rs`).
//!
//! The method calls themselves (logins, `auth.sessions`, terminating) are the same over both
//! framings, in `calls.rs`; `filters.rs` is the filter language and query options.

mod calls;
mod conn;
mod data;
mod ddp;
mod faults;
mod filters;
pub(crate) mod flags;

mod jsonrpc;
mod login;
mod rest;
mod state;
mod tasks;
mod tokens;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use hyper::Method;
use serde_json::json;

use super::faults::Faults;
use super::page_faults::PageShape;
use super::server::{lock, SimRequest, SimResponse, VendorApi, WsHandler};
use crate::backend::Backend;
use crate::config::Profile;
use crate::options::SimOptions;
use crate::rng::Rng;
use flags::TrueNasVersion;
use state::{State, ADMIN, KEY_ID, OTP_USER, STANDBY_USER};

pub(crate) fn backend(opts: &SimOptions, faults: Arc<Faults>) -> Backend {
    let api = Arc::new(TrueNasSim::new(opts, faults));
    Backend {
        name: "auth",
        url_path: "",
        comment: format!(
            "auth password of {ADMIN}, {OTP_USER} (gets OTP_REQUIRED) and {STANDBY_USER} (gets REDIRECT) (for password = \"...\"): {}",
            api.state.password
        ),
        profile: Profile {
            backend: "auth".to_string(),
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

struct TrueNasSim {
    state: Arc<State>,
    /// The listener is plain HTTP (`--plain-http`).
    plain: bool,
}

impl TrueNasSim {
    fn new(opts: &SimOptions, faults: Arc<Faults>) -> TrueNasSim {
        let mut rng = Rng::new(opts.seed ^ 0x7A5);
        let password = format!("sim-{}", rng.hex(12));
        let api_key = format!("{KEY_ID}-{}", rng.hex(48));
        let version = opts.vendors.truenas.truenas_version;
        let sessions = data::make_sessions(&mut rng, opts.sessions, opts.quirks)
            .into_iter()
            .map(|s| data::as_served_by(s, version))
            .collect();
        TrueNasSim {
            state: Arc::new(State {
                version,
                password,
                api_key,
                revoked: AtomicBool::new(false),
                quirks: opts.quirks,
                faults,
                rng: Mutex::new(rng),
                sessions: Mutex::new(sessions),
                rate: Mutex::new(HashMap::new()),
                changes: opts.changes.clone(),
                tokens: Mutex::new(HashMap::new()),
                call_latency: opts.vendors.truenas.truenas_call_latency,
                requests: opts.requests.clone(),
            }),
            plain: opts.plain_http,
        }
    }

    fn version(&self) -> TrueNasVersion {
        self.state.version
    }

    /// 24.10's (and CORE's) nginx: `location / { rewrite ^.* $scheme://$http_host/ui/ redirect; }`
    /// (etc_files/local/nginx/nginx.conf.mako), so a WebSocket upgrade of `/api/current` gets
    /// a plain 302, not a 101.
    fn to_ui(&self, req: &SimRequest) -> SimResponse {
        let scheme = if self.plain { "http" } else { "https" };
        let host = req
            .headers
            .get(hyper::header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("localhost");
        let mut r = SimResponse::raw(
            302,
            "text/html",
            "<html>\r\n<head><title>302 Found</title></head>\r\n<body>\r\n<center><h1>302 Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
        );
        r.headers
            .push(("location", format!("{scheme}://{host}/ui/")));
        r
    }
}

/// The API versions a release lists at `/api/versions`, oldest first; the last is
/// `/api/current`. Each release keeps the versions of its predecessors since 25.04
/// (middlewared/api/v25_04_0 ...).
fn api_versions(version: TrueNasVersion) -> &'static [&'static str] {
    match version {
        TrueNasVersion::Scale25_10 => &["v25.04.0", "v25.04.1", "v25.04.2", "v25.10.0"],
        TrueNasVersion::Scale25_04 => &["v25.04.0", "v25.04.1", "v25.04.2"],
        _ => &[],
    }
}

impl VendorApi for TrueNasSim {
    fn churn(&self, open: bool, rng: &mut Rng) -> Option<String> {
        let state = &self.state;
        let mut all = lock(&state.sessions);
        if open {
            let s = data::make_sessions(rng, 1, state.quirks).pop()?;
            let s = data::as_served_by(s, state.version);
            let id = s["id"].as_str()?.to_string();
            all.push(s);
            return Some(id);
        }
        // Never the sessions of live connections (from loopback): their sockets stay open.
        let generated: Vec<usize> = (0..all.len())
            .filter(|i| {
                let origin = all[*i]["origin"].as_str().unwrap_or("");
                !origin.starts_with("127.") && !origin.starts_with("[::1]")
            })
            .collect();
        if generated.is_empty() {
            return None;
        }
        let s = all.remove(generated[rng.below(generated.len() as u64) as usize]);
        s["id"].as_str().map(str::to_string)
    }

    fn handle(&self, req: &SimRequest) -> SimResponse {
        match self.version() {
            // CORE: REST at /api/v2.0; everything else meets the same `location /` rewrite to
            // /ui/ as 24.10's (nginx.conf.mako, FreeBSD branch), /api/current included.
            TrueNasVersion::Core13 if req.path.starts_with("/api/v2.0/") => self.rest(req),
            TrueNasVersion::Core13 => self.to_ui(req),
            TrueNasVersion::Scale24_10 if req.path.starts_with("/api/v2.0/") => {
                // SCALE's REST layer skips methods that need the WebSocket (restful.py
                // require_websocket): there is no auth/sessions route.
                SimResponse::raw(404, "text/plain", "Not Found")
            }
            TrueNasVersion::Scale24_10 => self.to_ui(req),
            _ if req.path.trim_end_matches('/') == "/api/versions" => {
                SimResponse::json(200, &json!(api_versions(self.version())))
            }
            // 25.x: the WebSocket is the API; there is no REST route for auth.sessions.
            _ => SimResponse::raw(404, "text/plain", "Not Found"),
        }
    }

    /// CORE's REST listing, and the upgrade of a WebSocket that carries the calls.
    fn is_data_request(&self, req: &SimRequest) -> bool {
        let rest = self.version() == TrueNasVersion::Core13
            && req.method == Method::GET
            && req.path.ends_with("/auth/sessions");
        rest || self.socket_kind(req).is_some()
    }

    fn page_shape(&self) -> PageShape {
        faults::SHAPE
    }

    fn error(&self, status: u16, message: &str) -> SimResponse {
        SimResponse::json(status, &json!({ "message": message, "errno": status }))
    }

    fn websocket(&self, req: &SimRequest) -> Option<WsHandler> {
        // None: handle() answers (a 302, a 404).
        let ddp = self.socket_kind(req)? == Socket::Ddp;
        let state = self.state.clone();
        let conn = conn::Conn::new(req.peer, self.secure(req.peer));
        Some(Box::new(move |ws| {
            if ddp {
                Box::pin(ddp::connection(state, ws, conn))
            } else {
                Box::pin(jsonrpc::connection(state, ws, conn))
            }
        }))
    }
}

/// Which protocol a WebSocket path speaks.
#[derive(PartialEq)]
enum Socket {
    Ddp,
    JsonRpc,
}

impl TrueNasSim {
    /// The protocol served at the request's path, if it is a WebSocket endpoint.
    fn socket_kind(&self, req: &SimRequest) -> Option<Socket> {
        let path = req.path.trim_end_matches('/');
        let versions = api_versions(self.version());
        // 25.04+ also serves the legacy `/api/v24.10`, which `/api/versions` leaves out.
        let rpc = !versions.is_empty()
            && (path == "/api/current"
                || path == "/api/v24.10"
                || path
                    .strip_prefix("/api/")
                    .is_some_and(|v| versions.contains(&v)));
        match path {
            "/websocket" => Some(Socket::Ddp),
            _ if rpc => Some(Socket::JsonRpc),
            _ => None,
        }
    }

    /// Secure transport as utils/origin.py has it: TLS (nginx's X-Https), or a loopback peer.
    fn secure(&self, peer: SocketAddr) -> bool {
        !self.plain || peer.ip().is_loopback()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

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
