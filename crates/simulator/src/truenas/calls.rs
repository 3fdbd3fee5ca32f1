//! What one TrueNAS method call does, whatever carries it (JSON-RPC 2.0 in `jsonrpc.rs`, DDP in
//! `ddp.rs`): which methods exist in each release, the login rate limit, the logins
//! (`auth.login_ex` and the legacy ones), `auth.sessions`, the terminate calls, and the
//! middleware's errors as a neutral value each framing writes in its own shape.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::conn::{CallErr, Conn};
use super::faults::{self, Outcome};
use super::login::Key;
use super::state::{State, ADMIN};
#[cfg(test)]
use super::state::{ACTIVE_URL, OTP_USER, STANDBY_USER};
use crate::server::lock;
use crate::truenas::flags::TrueNasVersion;

/// Unauthenticated calls allowed per method and client address in one window
/// (utils/rate_limit/cache.py RateLimitConfig.max_calls, max_period).
pub(super) const RATE_LIMIT_CALLS: u32 = 20;
pub(super) const RATE_LIMIT_WINDOW: Duration = Duration::from_secs(60);
/// The cache's size cap (RateLimitConfig.max_cache_entries): when full, every call is refused.
const RATE_LIMIT_ENTRIES: usize = 100;
/// The middleware sleeps 1–10 s at random before refusing (RateLimit.random_sleep); the
/// simulator sleeps this long instead, so tests stay fast.
const RATE_LIMIT_SLEEP: Duration = Duration::from_millis(100);

/// The methods that need no login (`@no_auth_required`), which the rate limit counts.
const NO_AUTH: [&str; 4] = [
    "core.ping",
    "auth.login",
    "auth.login_with_api_key",
    "auth.login_ex",
];
const AUTHED: [&str; 4] = [
    "auth.sessions",
    "auth.terminate_session",
    "auth.terminate_other_sessions",
    "auth.generate_token",
];
/// The methods that 25.04 brought (`auth.generate_token` is older, but the simulator serves
/// tokens only where `login_ex` can use them).
const SINCE_25_04: [&str; 2] = ["auth.login_ex", "auth.generate_token"];

impl State {
    pub(super) fn is_25x(&self) -> bool {
        self.version >= TrueNasVersion::Scale25_04
    }

    fn exists(&self, method: &str) -> bool {
        (NO_AUTH.contains(&method) || AUTHED.contains(&method))
            && (!SINCE_25_04.contains(&method) || self.is_25x())
    }

    /// One method call on `conn`.
    pub(super) async fn call(&self, conn: &mut Conn, method: &str, params: &Value) -> Outcome {
        let reply = |r: Result<Value, CallErr>| Outcome::Reply(r);
        // ws_handler/rpc.py process_message: an unknown method is answered first.
        if !self.exists(method) {
            return reply(Err(CallErr::no_method(method)));
        }
        // 25.x spares a logged-in socket; 24.10's DDP handler counts every call of these.
        let counted = conn.own.is_none() || !self.is_25x();
        if NO_AUTH.contains(&method) && counted && self.rate_limited(method, conn) {
            // main.py authorize_method_call: sleep (1–10 s there), then EBUSY.
            tokio::time::sleep(RATE_LIMIT_SLEEP).await;
            return reply(Err(CallErr::call("EBUSY", 16, "Rate Limit Exceeded")));
        }
        let arg = |i: usize| params.get(i).cloned().unwrap_or(Value::Null);
        self.touch_token(conn);
        match method {
            "core.ping" => return reply(Ok(json!("pong"))),
            "auth.login_ex" if arg(0)["mechanism"] == "TOKEN_PLAIN" => {
                return reply(self.token_login(&arg(0), conn).await)
            }
            "auth.login_ex" => return reply(self.login_ex(&arg(0), conn)),
            "auth.login_with_api_key" => {
                let ok = self.check_stage(conn).map(|()| {
                    let ok = self.key(conn, arg(0).as_str()) == Key::Good;
                    self.logged_in(conn, ok, "API_KEY", self.key_data())
                });
                return reply(ok.map(|ok| json!(ok)));
            }
            "auth.login" => {
                let ok = self.check_stage(conn).map(|()| {
                    let ok = arg(0).as_str() == Some(ADMIN)
                        && arg(1).as_str() == Some(self.password.as_str());
                    self.logged_in(conn, ok, "LOGIN_PASSWORD", json!({"username": ADMIN}))
                });
                return reply(ok.map(|ok| json!(ok)));
            }
            _ => {}
        }
        if conn.own.is_none() {
            return reply(Err(CallErr::call(
                "ENOTAUTHENTICATED",
                207,
                "Not authenticated",
            )));
        }
        match method {
            "auth.generate_token" => reply(self.generate_token(params, conn)),
            "auth.sessions" => {
                let rows = self.query(&arg(0), &arg(1), conn.own.as_deref(), false);
                match self.faults.take_where(faults::on_call) {
                    Some(fault) => faults::outcome(fault, rows),
                    None => reply(rows),
                }
            }
            "auth.terminate_session" => {
                let target = arg(0);
                let Some(id) = target.as_str() else {
                    return reply(Err(CallErr::invalid(
                        "auth.terminate_session: id must be a string",
                    )));
                };
                self.destroy_tokens_of(id);
                if Some(id) == conn.own.as_deref() {
                    return Outcome::CloseSocket;
                }
                let done = self.terminate(id);
                // `null` on success before 25.04.
                reply(Ok(if done && !self.is_25x() {
                    Value::Null
                } else {
                    json!(done)
                }))
            }
            _ => {
                // auth.terminate_other_sessions: leaves one's own and internal sessions.
                let own = conn.own.as_deref();
                let mut all = lock(&self.sessions);
                all.retain(|s| {
                    let stays = s["id"].as_str() == own || s["internal"] == true;
                    if !stays {
                        let id = s["id"].as_str().unwrap_or_default();
                        self.changes.record("auth", "closed", id, "client");
                    }
                    stays
                });
                reply(Ok(json!(true)))
            }
        }
    }

    /// main.py authorize_method_call (24.10: the DDP `on_message`) with
    /// utils/rate_limit/cache.py: per method and client address, shared by every connection;
    /// loopback counts too (only UNIX sockets and the HA link are exempt). 24.10 and later;
    /// CORE 13's middleware has no such limit.
    fn rate_limited(&self, method: &str, conn: &Conn) -> bool {
        if self.version < TrueNasVersion::Scale24_10 {
            return false;
        }
        let mut cache = lock(&self.rate);
        let now = Instant::now();
        let entry = cache
            .entry((method.to_string(), conn.peer.ip()))
            .or_insert((0, now));
        if now.duration_since(entry.1) >= RATE_LIMIT_WINDOW {
            *entry = (0, now);
        }
        entry.0 += 1; // always counted, refused or not
        entry.0 > RATE_LIMIT_CALLS || cache.len() >= RATE_LIMIT_ENTRIES
    }
}

#[cfg(test)]
pub(super) mod tests {
    use std::sync::Arc;

    use std::net::SocketAddr;

    use super::super::conn::ErrKind;
    use super::*;
    use crate::options::SimOptions;

    pub(in crate::truenas) fn state(version: TrueNasVersion) -> Arc<State> {
        let mut opts = SimOptions {
            sessions: 3,
            ..SimOptions::demo()
        };
        opts.vendors.truenas.truenas_version = version;
        super::super::TrueNasSim::new(&opts, Arc::default()).state
    }

    pub(in crate::truenas) fn conn(ip: [u8; 4], secure: bool) -> Conn {
        Conn::new(SocketAddr::from((ip, 40000)), secure)
    }

    pub(in crate::truenas) async fn result(
        s: &State,
        c: &mut Conn,
        method: &str,
        params: Value,
    ) -> Result<Value, CallErr> {
        match s.call(c, method, &params).await {
            Outcome::Reply(r) => r,
            _ => panic!("{method}: no reply"),
        }
    }

    /// A state of `version` and a loopback connection logged in with the legacy API key call.
    pub(in crate::truenas) async fn legacy_login(version: TrueNasVersion) -> (Arc<State>, Conn) {
        let s = state(version);
        let mut c = conn([127, 0, 0, 1], true);
        let r = result(&s, &mut c, "auth.login_with_api_key", json!([s.api_key])).await;
        assert_eq!(r.unwrap(), true);
        (s, c)
    }

    fn key_login(s: &State) -> Value {
        json!([{"mechanism": "API_KEY_PLAIN", "username": ADMIN, "api_key": s.api_key}])
    }

    #[tokio::test]
    async fn an_api_key_over_insecure_transport_is_revoked_for_the_run() {
        // plugins/auth.py with utils/origin.py: a plain key without secure transport is
        // revoked and answered EXPIRED; afterwards even a secure login gets EXPIRED.
        let s = state(TrueNasVersion::Scale25_10);
        let mut insecure = conn([192, 0, 2, 7], false);
        let r = result(&s, &mut insecure, "auth.login_ex", key_login(&s)).await;
        assert_eq!(r.unwrap()["response_type"], "EXPIRED");
        let mut secure = conn([192, 0, 2, 8], true);
        let r = result(&s, &mut secure, "auth.login_ex", key_login(&s)).await;
        assert_eq!(r.unwrap()["response_type"], "EXPIRED");
        // 24.10 never revoked keys.
        let old = state(TrueNasVersion::Scale24_10);
        let key = json!([old.api_key]);
        let mut c = conn([192, 0, 2, 7], false);
        let r = result(&old, &mut c, "auth.login_with_api_key", key).await;
        assert_eq!(r.unwrap(), json!(true));
    }

    #[tokio::test]
    async fn a_second_login_after_a_failed_one_is_refused() {
        // utils/account/authenticator.py check_stage: a RuntimeError, sent as EINVAL with
        // str(e) as the reason (ws_handler/rpc.py).
        let s = state(TrueNasVersion::Scale25_04);
        let mut c = conn([127, 0, 0, 1], true);
        let wrong = json!([{"mechanism": "API_KEY_PLAIN", "username": ADMIN, "api_key": "3-no"}]);
        let r = result(&s, &mut c, "auth.login_ex", wrong).await;
        assert_eq!(r.unwrap()["response_type"], "AUTH_ERR");
        let e = result(&s, &mut c, "auth.login_ex", key_login(&s))
            .await
            .unwrap_err();
        assert_eq!((e.kind, e.errname), (ErrKind::Call, "EINVAL"));
        assert_eq!(
            e.reason,
            "AUTH: unexpected authenticator run state. Expected: START"
        );
    }

    #[tokio::test]
    async fn login_ex_answers_redirect_otp_and_success_with_25_10_session_fields() {
        // plugins/auth.py login_ex response types; api/v25_10_0/auth.py login_id.
        let s = state(TrueNasVersion::Scale25_10);
        let pw = |u: &str| json!([{"mechanism": "PASSWORD_PLAIN", "username": u, "password": s.password}]);
        let mut c = conn([127, 0, 0, 1], true);
        let r = result(&s, &mut c, "auth.login_ex", pw(STANDBY_USER)).await;
        assert_eq!(
            r.unwrap(),
            json!({"response_type": "REDIRECT", "urls": [ACTIVE_URL]})
        );
        let mut c = conn([127, 0, 0, 1], true);
        let r = result(&s, &mut c, "auth.login_ex", pw(OTP_USER)).await;
        assert_eq!(r.unwrap()["username"], OTP_USER);
        let mut c = conn([127, 0, 0, 1], true);
        let r = result(&s, &mut c, "auth.login_ex", pw(ADMIN))
            .await
            .unwrap();
        assert_eq!(r["authenticator"], "LEVEL_1");
        let mine = json!([[["current", "=", true]], {"get": true}]);
        let me = result(&s, &mut c, "auth.sessions", mine).await.unwrap();
        assert!(me["credentials_data"]["login_id"].is_string(), "{me}");
        assert_eq!(me["secure_transport"], true);
        // 25.04: no login_id; 24.10: no secure_transport either.
        for (v, st) in [
            (TrueNasVersion::Scale25_04, true),
            (TrueNasVersion::Scale24_10, false),
        ] {
            let s = state(v);
            let all = s.query(&Value::Null, &Value::Null, None, false).unwrap();
            for r in all.as_array().unwrap() {
                assert!(r["credentials_data"].get("login_id").is_none(), "{r}");
                assert_eq!(r.get("secure_transport").is_some(), st, "{r}");
            }
        }
    }

    #[tokio::test]
    async fn the_21st_unauthenticated_call_from_one_address_in_a_minute_is_ebusy() {
        // main.py authorize_method_call, utils/rate_limit/cache.py: 20 calls per 60 s per
        // method and address, across connections; other methods and addresses count apart.
        let s = state(TrueNasVersion::Scale25_10);
        for _ in 0..RATE_LIMIT_CALLS {
            let r = result(&s, &mut conn([127, 0, 0, 1], true), "core.ping", json!([])).await;
            assert_eq!(r.unwrap(), "pong");
        }
        let e = result(&s, &mut conn([127, 0, 0, 1], true), "core.ping", json!([]))
            .await
            .unwrap_err();
        assert_eq!(e.reason, "[EBUSY] Rate Limit Exceeded");
        let other = result(&s, &mut conn([127, 0, 0, 2], true), "core.ping", json!([])).await;
        assert!(other.is_ok());
        let login = result(
            &s,
            &mut conn([127, 0, 0, 1], true),
            "auth.login_ex",
            key_login(&s),
        )
        .await;
        assert!(login.is_ok());
        // 24.10 counts a logged-in socket's calls too; CORE 13 has no such limit.
        let (old, mut c) = legacy_login(TrueNasVersion::Scale24_10).await;
        for _ in 0..RATE_LIMIT_CALLS {
            let _ = result(&old, &mut c, "core.ping", json!([])).await;
        }
        let e = result(&old, &mut c, "core.ping", json!([])).await;
        assert_eq!(e.unwrap_err().reason, "[EBUSY] Rate Limit Exceeded");
        let core = state(TrueNasVersion::Core13);
        for _ in 0..=RATE_LIMIT_CALLS {
            let r = result(
                &core,
                &mut conn([127, 0, 0, 1], true),
                "core.ping",
                json!([]),
            )
            .await;
            assert!(r.is_ok());
        }
    }

    #[tokio::test]
    async fn terminate_answers_null_before_25_04_and_force_sql_filters_is_an_option() {
        // plugins/auth.py terminate_session; query-options' force_sql_filters.
        let (s, mut c) = legacy_login(TrueNasVersion::Scale24_10).await;
        let all = result(
            &s,
            &mut c,
            "auth.sessions",
            json!([[], {"force_sql_filters": true}]),
        );
        let victim = all.await.unwrap()[0]["id"].clone();
        let r = result(&s, &mut c, "auth.terminate_session", json!([victim])).await;
        assert_eq!(r.unwrap(), Value::Null);
        let r = result(&s, &mut c, "auth.login_ex", key_login(&s)).await;
        assert_eq!(r.unwrap_err().kind, ErrKind::NoMethod);
    }
}
