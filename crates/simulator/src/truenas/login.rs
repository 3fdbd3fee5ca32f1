//! The logins (plugins/auth.py): `auth.login_ex` and its answers, API keys and their
//! revocation, and the authenticator's one-login-per-socket rule.

use std::sync::atomic::Ordering;

use serde_json::{json, Value};

use super::conn::{CallErr, Conn, Stage};
use super::state::{State, ACTIVE_URL, ADMIN, OTP_USER, STANDBY_USER};

impl State {
    /// One login per socket (utils/account/authenticator.py check_stage), 25.04 and later.
    pub(super) fn check_stage(&self, conn: &Conn) -> Result<(), CallErr> {
        if self.is_25x() && conn.stage != Stage::Start {
            return Err(CallErr::exception(
                "AUTH: unexpected authenticator run state. Expected: START",
            ));
        }
        Ok(())
    }

    /// Record a login's result on the connection: a session, or a spent authenticator.
    pub(super) fn logged_in(
        &self,
        conn: &mut Conn,
        ok: bool,
        credentials: &str,
        data: Value,
    ) -> bool {
        if ok {
            if let Some(old) = conn.own.take() {
                self.remove(&old);
            }
            conn.own = Some(self.add_session(conn, credentials, data));
        } else {
            conn.stage = Stage::Spent;
        }
        ok
    }

    /// The API key: wrong, good, or expired. Since 25.04 a good key sent without secure
    /// transport is revoked on the spot and stays so (plugins/auth.py, utils/origin.py).
    pub(super) fn key(&self, conn: &Conn, key: Option<&str>) -> Key {
        if key != Some(self.api_key.as_str()) {
            return Key::Wrong;
        }
        if self.is_25x() && !conn.secure {
            self.revoked.store(true, Ordering::SeqCst);
        }
        if self.revoked.load(Ordering::SeqCst) {
            return Key::Expired;
        }
        Key::Good
    }

    /// `auth.login_ex` (plugins/auth.py): SUCCESS, OTP_REQUIRED, AUTH_ERR, EXPIRED, REDIRECT.
    pub(super) fn login_ex(&self, cred: &Value, conn: &mut Conn) -> Result<Value, CallErr> {
        let text = |k: &str| cred.get(k).and_then(Value::as_str);
        let mech = text("mechanism").unwrap_or("");
        if mech == "OTP_TOKEN" {
            if conn.stage != Stage::Otp {
                // Wording unverified; the note says an EINVAL call error.
                return Err(CallErr::call(
                    "EINVAL",
                    22,
                    "OTP_TOKEN is only valid after OTP_REQUIRED",
                ));
            }
            // The simulator knows no OTP secret: every token is wrong.
            conn.stage = Stage::Spent;
            return Ok(json!({"response_type": "AUTH_ERR"}));
        }
        self.check_stage(conn)?;
        let Some(user) = text("username") else {
            return Err(CallErr::invalid("login_data.username: Field required"));
        };
        let (ok, kind, data) = match mech {
            "API_KEY_PLAIN" => match self.key(conn, text("api_key")) {
                Key::Expired => {
                    conn.stage = Stage::Spent;
                    return Ok(json!({"response_type": "EXPIRED"}));
                }
                k => (user == ADMIN && k == Key::Good, "API_KEY", self.key_data()),
            },
            "PASSWORD_PLAIN" => {
                let pass_ok = text("password") == Some(self.password.as_str());
                if pass_ok && user == OTP_USER {
                    conn.stage = Stage::Otp;
                    return Ok(json!({"response_type": "OTP_REQUIRED", "username": OTP_USER}));
                }
                if pass_ok && user == STANDBY_USER {
                    conn.stage = Stage::Spent;
                    return Ok(json!({"response_type": "REDIRECT", "urls": [ACTIVE_URL]}));
                }
                (
                    pass_ok && user == ADMIN,
                    "LOGIN_PASSWORD",
                    json!({"username": user}),
                )
            }
            other => {
                return Err(CallErr::invalid(format!(
                    "login_data.mechanism: Input should be 'API_KEY_PLAIN', 'PASSWORD_PLAIN', ... (got {other:?})"
                )))
            }
        };
        if !self.logged_in(conn, ok, kind, data) {
            return Ok(json!({"response_type": "AUTH_ERR"}));
        }
        Ok(json!({
            "response_type": "SUCCESS",
            "user_info": {"pw_name": user, "privilege": {"roles": ["FULL_ADMIN"]}},
            "authenticator": "LEVEL_1",
        }))
    }
}

#[derive(PartialEq)]
pub(super) enum Key {
    Wrong,
    Good,
    Expired,
}
