//! Authentication tokens, 25.04 and later (plugins/auth.py `TokenManager`, `generate_token`,
//! `login_ex`'s TOKEN_PLAIN; auth.py `TokenSessionManagerCredentials`; the v25_04_0 and
//! v25_10_0 `AuthGenerateTokenArgs`):
//! - `auth.generate_token [ttl=600, attrs={}, match_origin=true, single_use=false]` answers
//!   the token, `token_urlsafe(48)`; a `null` ttl is 600 and there is no upper bound;
//! - a token lives while `now < last_used + ttl`; each call on a session it logged in
//!   touches it;
//! - TOKEN_PLAIN with an unknown, expired, foreign-origin or attrs-carrying token sleeps
//!   1–2 s and answers AUTH_ERR, before any PAM handle exists, so the socket may still log in
//!   another way;
//! - a token dies when the session that logged in with it ends, when it was single-use, and
//!   when the session that generated it is terminated; the generating session merely closing
//!   leaves it alive;
//! - the login is `auth.login_ex` like any other, so the rate limit counts it.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::conn::{CallErr, Conn};
use super::state::{State, Token};
use crate::server::lock;

/// The middleware's default and `null` ttl (plugins/auth.py generate_token).
const DEFAULT_TTL: i64 = 600;
/// The middleware sleeps `CURRENT_AAL.get_delay_interval()` (1–2 s at LEVEL_1) before it
/// answers a bad token; the simulator sleeps this long instead, so tests stay fast.
const FAIL_DELAY: Duration = Duration::from_millis(100);
const URL_SAFE: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

impl Token {
    fn is_valid(&self) -> bool {
        self.last_used.elapsed().as_secs_f64() < self.ttl as f64
    }
}

impl State {
    /// `auth.generate_token`, on a logged-in connection.
    pub(super) fn generate_token(&self, params: &Value, conn: &Conn) -> Result<Value, CallErr> {
        let arg = |i: usize| params.get(i).filter(|v| !v.is_null());
        let ttl = match arg(0) {
            None => DEFAULT_TTL,
            Some(v) => v
                .as_i64()
                .ok_or_else(|| CallErr::invalid("ttl: Input should be a valid integer"))?,
        };
        let flag = |i: usize, name: &str, default: bool| match arg(i) {
            None => Ok(default),
            Some(v) => v.as_bool().ok_or_else(|| {
                CallErr::invalid(format!("{name}: Input should be a valid boolean"))
            }),
        };
        let attrs = match arg(1) {
            None => false,
            Some(Value::Object(o)) => !o.is_empty(),
            Some(_) => {
                return Err(CallErr::invalid(
                    "attrs: Input should be a valid dictionary",
                ))
            }
        };
        let match_origin = flag(2, "match_origin", true)?;
        let single_use = flag(3, "single_use", false)?;
        let session = conn.own.clone().unwrap_or_default();
        let token = Token {
            ttl,
            last_used: Instant::now(),
            has_attrs: attrs,
            origin: match_origin.then(|| conn.peer.ip()),
            single_use,
            parent: self.root_credentials(&session),
            session,
        };
        let text: String = {
            let mut rng = lock(&self.rng);
            (0..64)
                .map(|_| URL_SAFE[rng.below(URL_SAFE.len() as u64) as usize] as char)
                .collect()
        };
        lock(&self.tokens).insert(text.clone(), token);
        Ok(json!(text))
    }

    /// The credentials of `session`, or of the token's root when it logged in with one
    /// (`TokenManager.create`).
    fn root_credentials(&self, session: &str) -> Value {
        let all = lock(&self.sessions);
        let row = all.iter().find(|s| s["id"].as_str() == Some(session));
        let Some(row) = row else {
            return Value::Null;
        };
        if row["credentials"] == "TOKEN" {
            return row["credentials_data"]["parent"].clone();
        }
        json!({"credentials": row["credentials"], "credentials_data": row["credentials_data"]})
    }

    /// `auth.login_ex` with TOKEN_PLAIN.
    pub(super) async fn token_login(
        &self,
        cred: &Value,
        conn: &mut Conn,
    ) -> Result<Value, CallErr> {
        let Some(text) = cred.get("token").and_then(Value::as_str) else {
            return Err(CallErr::invalid(
                "login_data.TOKEN_PLAIN.token: Field required",
            ));
        };
        let parent = {
            let mut tokens = lock(&self.tokens);
            let expired = tokens.get(text).is_some_and(|t| !t.is_valid());
            if expired {
                tokens.remove(text);
            }
            tokens
                .get(text)
                .filter(|t| t.origin.is_none_or(|ip| ip == conn.peer.ip()) && !t.has_attrs)
                .map(|t| t.parent.clone())
        };
        let Some(parent) = parent else {
            tokio::time::sleep(FAIL_DELAY).await;
            return Ok(json!({"response_type": "AUTH_ERR"}));
        };
        let username = parent["credentials_data"]["username"].clone();
        let data = json!({"parent": parent, "username": username});
        self.logged_in(conn, true, "TOKEN", data);
        let mut tokens = lock(&self.tokens);
        if tokens.get(text).is_some_and(|t| t.single_use) {
            tokens.remove(text);
        } else {
            conn.token = Some(text.to_string());
        }
        Ok(json!({"response_type": "SUCCESS", "user_info": null, "authenticator": "LEVEL_1"}))
    }

    /// A call on a session that logged in with a token keeps the token alive (`notify_used`).
    pub(super) fn touch_token(&self, conn: &Conn) {
        if let Some(t) = conn.token.as_ref() {
            if let Some(t) = lock(&self.tokens).get_mut(t) {
                t.last_used = Instant::now();
            }
        }
    }

    /// `terminate_session`: the tokens that session generated die with it.
    pub(super) fn destroy_tokens_of(&self, session: &str) {
        lock(&self.tokens).retain(|_, t| t.session != session);
    }

    /// The connection has closed: its session ends, and with it the token it logged in with.
    pub(super) fn hang_up(&self, conn: Conn) {
        if let Some(id) = conn.own {
            self.remove(&id);
        }
        if let Some(t) = conn.token {
            lock(&self.tokens).remove(&t);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::truenas::calls::tests::{conn, legacy_login, result, state};
    use crate::truenas::flags::TrueNasVersion;

    fn token_login(token: &str) -> Value {
        json!([{"mechanism": "TOKEN_PLAIN", "token": token}])
    }

    async fn logged_in(s: &Arc<State>, ip: [u8; 4]) -> Conn {
        let mut c = conn(ip, true);
        let key = json!([{"mechanism": "API_KEY_PLAIN", "username": "truenas_admin", "api_key": s.api_key}]);
        let r = result(s, &mut c, "auth.login_ex", key).await.unwrap();
        assert_eq!(r["response_type"], "SUCCESS");
        c
    }

    #[tokio::test]
    async fn a_token_outlives_its_maker_but_not_its_user() {
        let s = state(TrueNasVersion::Scale25_10);
        let maker = logged_in(&s, [127, 0, 0, 1]).await;
        let t = s.generate_token(&json!([60]), &maker).unwrap();
        let t = t.as_str().unwrap().to_string();
        assert_eq!(t.len(), 64);
        s.hang_up(maker);
        let mut user = conn([127, 0, 0, 1], true);
        let r = result(&s, &mut user, "auth.login_ex", token_login(&t)).await;
        assert_eq!(r.unwrap()["response_type"], "SUCCESS");
        let me = json!([[["current", "=", true]], {"get": true}]);
        let me = result(&s, &mut user, "auth.sessions", me).await.unwrap();
        assert_eq!(me["credentials"], "TOKEN");
        assert_eq!(me["credentials_data"]["parent"]["credentials"], "API_KEY");
        assert_eq!(me["credentials_data"]["username"], "truenas_admin");
        assert!(me["credentials_data"].get("login_at").is_none(), "{me}");
        // A token session may make the next token; its parent stays the root credential.
        let next = s.generate_token(&json!([]), &user).unwrap();
        s.hang_up(user);
        let mut again = conn([127, 0, 0, 1], true);
        let r = result(&s, &mut again, "auth.login_ex", token_login(&t)).await;
        assert_eq!(
            r.unwrap()["response_type"],
            "AUTH_ERR",
            "spent with its session"
        );
        // The failed token login touched no authenticator: the socket may still log in.
        let r = result(
            &s,
            &mut again,
            "auth.login_ex",
            token_login(next.as_str().unwrap()),
        );
        assert_eq!(r.await.unwrap()["response_type"], "SUCCESS");
    }

    #[tokio::test]
    async fn expiry_origin_attrs_and_single_use_refuse_a_token() {
        let s = state(TrueNasVersion::Scale25_04);
        let maker = logged_in(&s, [127, 0, 0, 1]).await;
        let make = |p: Value| {
            s.generate_token(&p, &maker)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        };
        let expired = make(json!([0]));
        let elsewhere = make(json!([600, {}, true]));
        let with_attrs = make(json!([600, {"job": 1}]));
        let once = make(json!([600, {}, false, true]));
        let try_login = |t: String, ip: [u8; 4]| {
            let s = s.clone();
            async move {
                let mut c = conn(ip, true);
                let r = result(&s, &mut c, "auth.login_ex", token_login(&t)).await;
                r.unwrap()["response_type"].as_str().unwrap().to_string()
            }
        };
        assert_eq!(try_login(expired, [127, 0, 0, 1]).await, "AUTH_ERR");
        assert_eq!(
            try_login(elsewhere.clone(), [127, 0, 0, 2]).await,
            "AUTH_ERR"
        );
        assert_eq!(try_login(elsewhere, [127, 0, 0, 1]).await, "SUCCESS");
        assert_eq!(try_login(with_attrs, [127, 0, 0, 1]).await, "AUTH_ERR");
        assert_eq!(try_login(once.clone(), [127, 0, 0, 1]).await, "SUCCESS");
        assert_eq!(try_login(once, [127, 0, 0, 1]).await, "AUTH_ERR");
        let e = s.generate_token(&json!(["soon"]), &maker).unwrap_err();
        assert_eq!(e.reason, "[EINVAL] ttl: Input should be a valid integer");
    }

    #[tokio::test]
    async fn terminating_the_maker_revokes_its_tokens() {
        let s = state(TrueNasVersion::Scale25_10);
        let mut admin = logged_in(&s, [127, 0, 0, 1]).await;
        let maker = logged_in(&s, [127, 0, 0, 1]).await;
        let t = s.generate_token(&json!([]), &maker).unwrap();
        let id = json!([maker.own.clone().unwrap()]);
        let r = result(&s, &mut admin, "auth.terminate_session", id).await;
        assert_eq!(r.unwrap(), true);
        let mut c = conn([127, 0, 0, 1], true);
        let r = result(
            &s,
            &mut c,
            "auth.login_ex",
            token_login(t.as_str().unwrap()),
        )
        .await;
        assert_eq!(r.unwrap()["response_type"], "AUTH_ERR");
    }

    #[tokio::test]
    async fn token_logins_count_against_the_login_rate_limit() {
        // main.py authorize_method_call keys the limit on the method, auth.login_ex, whatever
        // the mechanism.
        let s = state(TrueNasVersion::Scale25_10);
        let maker = logged_in(&s, [127, 0, 0, 1]).await;
        let t = s.generate_token(&json!([]), &maker).unwrap();
        let t = t.as_str().unwrap();
        let login = |s: Arc<State>| async move {
            let mut c = conn([127, 0, 0, 1], true);
            result(&s, &mut c, "auth.login_ex", token_login(t)).await
        };
        for _ in 1..super::super::calls::RATE_LIMIT_CALLS {
            assert_eq!(login(s.clone()).await.unwrap()["response_type"], "SUCCESS");
        }
        let e = login(s.clone()).await.unwrap_err();
        assert_eq!(e.reason, "[EBUSY] Rate Limit Exceeded");
        // 24.10 has neither call.
        let (old, mut c) = legacy_login(TrueNasVersion::Scale24_10).await;
        let e = result(&old, &mut c, "auth.generate_token", json!([])).await;
        assert_eq!(e.unwrap_err().errname, "ENOMETHOD");
    }
}
