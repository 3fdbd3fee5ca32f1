//! Logging in, on either WebSocket protocol: `auth.login_ex` (25.04 and later) or the legacy
//! `auth.login_with_api_key` and `auth.login`, after a kept login token where there is one
//! (`token.rs`). One credential attempt per socket: the 25.x middleware refuses a second
//! login after a failed one. See docs/vendors/truenas.md.

use serde_json::{json, Value};

use crate::config::Target;
use crate::error::{Error, Result};

use super::calls::{refused, Calls};
use super::token;

/// JSON-RPC's "method not found".
const METHOD_NOT_FOUND: i64 = -32601;

const NO_CREDENTIALS: &str =
    "the profile needs an api_key source (with username), or username with a password source";

/// Log in over JSON-RPC: with the login token the last run kept, or else with the profile's
/// credentials; then keep a token for the next run (see `token.rs`).
pub(super) async fn login_ex(rpc: &mut dyn Calls, target: &Target) -> Result<()> {
    if !token::login(rpc, target).await? {
        with_credentials(rpc, target).await?;
    }
    token::renew(rpc, target).await
}

/// Log in with `auth.login_ex`; an API key without a username can only use the legacy call.
async fn with_credentials(rpc: &mut dyn Calls, target: &Target) -> Result<()> {
    let mechanism = match (&target.api_key, &target.username, &target.password) {
        (Some(key), Some(user), _) => {
            json!({ "mechanism": "API_KEY_PLAIN", "username": user, "api_key": key.expose() })
        }
        (Some(_), None, _) => return login_with(rpc, target, true).await,
        (None, Some(user), Some(pass)) => {
            json!({ "mechanism": "PASSWORD_PLAIN", "username": user, "password": pass.expose() })
        }
        _ => return Err(Error::usage(NO_CREDENTIALS)),
    };
    let answer = match rpc.call("auth.login_ex", json!([mechanism]), false).await? {
        Ok(answer) => answer,
        Err(e) if e.code == METHOD_NOT_FOUND => {
            return Err(Error::server(
                "this TrueNAS has no auth.login_ex, so it is older than 25.04 and has no JSON-RPC API; set api = \"ddp\" in the profile (or leave api out)",
            ))
        }
        Err(e) => return Err(refused("auth.login_ex", &e, true)),
    };
    match answer.get("response_type").and_then(Value::as_str).unwrap_or("?") {
        "SUCCESS" => Ok(()),
        "OTP_REQUIRED" => Err(Error::auth(
            "TrueNAS asks for a one-time password (OTP_REQUIRED): this account uses two-factor login; use an API key instead",
        )),
        "AUTH_ERR" => Err(Error::auth("TrueNAS refused the credentials (AUTH_ERR)")),
        "EXPIRED" => Err(Error::auth(
            "TrueNAS says the credentials have expired or the API key was revoked (EXPIRED); TrueNAS revokes a key that reached it without TLS",
        )),
        "REDIRECT" => {
            let urls: Vec<&str> = answer
                .get("urls")
                .and_then(Value::as_array)
                .map(|u| u.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            Err(Error::usage(format!(
                "TrueNAS answered REDIRECT: log in at {} instead (this is likely the standby controller of an HA pair); set url in the profile",
                if urls.is_empty() { "the active controller".to_string() } else { urls.join(" or ") }
            )))
        }
        other => Err(Error::auth(format!("TrueNAS did not log us in ({other})"))),
    }
}

/// Log in with `auth.login_with_api_key [key]` or `auth.login [user, password]`: over DDP
/// (before 25.04), where this client keeps no login between runs.
pub(super) async fn legacy(rpc: &mut dyn Calls, target: &Target) -> Result<()> {
    login_with(rpc, target, false).await
}

/// The legacy calls; `keeps_logins` says whether this transport keeps a token between runs.
async fn login_with(rpc: &mut dyn Calls, target: &Target, keeps_logins: bool) -> Result<()> {
    let (method, params) = match (&target.api_key, &target.username, &target.password) {
        (Some(key), _, _) => ("auth.login_with_api_key", json!([key.expose()])),
        (None, Some(user), Some(pass)) => ("auth.login", json!([user, pass.expose()])),
        _ => return Err(Error::usage(NO_CREDENTIALS)),
    };
    match rpc.call(method, params, false).await? {
        Ok(Value::Bool(true)) => Ok(()),
        Ok(_) => Err(Error::auth(format!(
            "TrueNAS refused the credentials ({method} answered false)"
        ))),
        Err(e) => Err(refused(method, &e, keeps_logins)),
    }
}
