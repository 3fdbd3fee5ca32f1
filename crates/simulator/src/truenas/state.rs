//! What every part of the TrueNAS simulator shares: its accounts, and the state of one run
//! (sessions, login tokens, the rate limit's counters).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde_json::{json, Value};

use super::conn::Conn;
use crate::changes::Changes;
use crate::faults::Faults;
use crate::rng::Rng;
use crate::server::lock;
use crate::truenas::flags::TrueNasVersion;

pub(super) const ADMIN: &str = "truenas_admin";
/// An account with two-factor login: a correct password gets OTP_REQUIRED.
pub(super) const OTP_USER: &str = "otpuser";
/// An account whose correct password gets REDIRECT (an HA standby sends clients to the active
/// controller).
pub(super) const STANDBY_USER: &str = "standby";
/// Where REDIRECT sends a client: a name that never resolves, so following it fails loudly.
pub(super) const ACTIVE_URL: &str = "wss://truenas-active.example/api/current";
pub(super) const KEY_ID: u64 = 3;
pub(super) const KEY_NAME: &str = "sessions-cli";

/// One token, as `TokenManager` keeps it.
pub(super) struct Token {
    pub(super) ttl: i64,
    pub(super) last_used: Instant,
    pub(super) has_attrs: bool,
    /// `match_origin`: the generating connection's address.
    pub(super) origin: Option<IpAddr>,
    pub(super) single_use: bool,
    /// The session that generated it (`session_ids`).
    pub(super) session: String,
    /// The root credentials: what a session logged in with this token shows as `parent`.
    pub(super) parent: Value,
}

pub(super) struct State {
    pub(super) version: TrueNasVersion,
    pub(super) password: String,
    pub(super) api_key: String,
    /// The key was used without secure transport (25.04+) and is revoked for this run.
    pub(super) revoked: AtomicBool,
    pub(super) quirks: bool,
    pub(super) faults: Arc<Faults>,
    pub(super) rng: Mutex<Rng>,
    /// Every session, oldest first; the ones of live connections are added and removed.
    pub(super) sessions: Mutex<Vec<Value>>,
    /// The login rate limit's counters: (method, client address) → (calls, window start).
    pub(super) rate: Mutex<HashMap<(String, IpAddr), (u32, Instant)>>,
    pub(super) changes: Changes,
    /// `auth.generate_token`'s tokens, by their text.
    pub(super) tokens: Mutex<HashMap<String, Token>>,
    /// `--truenas-call-latency`: how long each JSON-RPC call takes.
    pub(super) call_latency: Option<std::time::Duration>,
    /// The run's request log, which logs each JSON-RPC call.
    pub(super) requests: crate::requests::Requests,
}

impl State {
    pub(super) fn key_data(&self) -> Value {
        json!({"username": ADMIN, "api_key": {"id": KEY_ID, "name": KEY_NAME}})
    }

    /// A session for a new login on `conn`, in the shape this release serves.
    pub(super) fn add_session(&self, conn: &Conn, credentials: &str, mut data: Value) -> String {
        let mut rng = lock(&self.rng);
        let id = rng.uuid('a');
        let login_id = rng.uuid('b');
        drop(rng);
        // Whole seconds, as truenas_api_client/ejson.py writes dates.
        let now = now_ms() / 1000 * 1000;
        if let Value::Object(d) = &mut data {
            // A token session's credentials_data has no login_at (auth.py dump).
            if credentials != "TOKEN" {
                d.insert("login_at".into(), json!({"$date": now}));
            }
            if self.version >= TrueNasVersion::Scale25_10 {
                d.insert("login_id".into(), json!(login_id));
            }
        }
        let mut s = json!({
            "id": id, "internal": false, "origin": conn.origin, "credentials": credentials,
            "credentials_data": data, "created_at": {"$date": now},
        });
        if self.version >= TrueNasVersion::Scale25_04 {
            s["secure_transport"] = json!(conn.secure);
        }
        lock(&self.sessions).push(s);
        id
    }

    pub(super) fn remove(&self, id: &str) -> bool {
        let mut all = lock(&self.sessions);
        let before = all.len();
        all.retain(|s| s["id"].as_str() != Some(id));
        all.len() != before
    }

    /// `auth.terminate_session`: a client ends a session (logged, unlike a socket's end).
    pub(super) fn terminate(&self, id: &str) -> bool {
        let done = self.remove(id);
        if done {
            self.changes.record("auth", "closed", id, "client");
        }
        done
    }
}

pub(super) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
