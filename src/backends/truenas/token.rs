//! A TrueNAS login kept between runs, 25.04 and later (plugins/auth.py `generate_token` and
//! `login_ex`'s TOKEN_PLAIN, auth.py `TokenSessionManagerCredentials`):
//! - after logging in, a run asks `auth.generate_token` for a token and keeps it in the token
//!   cache, under the profile's URL, user and a hash of the API key or password that got it;
//! - the next run logs in with that token first. The middleware drops a token when the
//!   session that logged in with it ends, so every run makes the next run's token;
//! - a refused token (spent, expired, revoked by a terminate, a restarted middleware) is
//!   forgotten and the run logs in with its credentials on the same socket: TOKEN_PLAIN fails
//!   before the middleware starts an authenticator, so the socket's one login is not spent.
//!
//! The middleware's login rate limit counts `auth.login_ex` calls whatever the mechanism, so
//! a token login is one of the 20 a minute like any other: what the token saves is sending
//! the password or API key on every run.

use std::time::Duration;

use serde_json::{json, Value};

use super::calls::{refused, Calls};
use crate::config::Target;
use crate::error::Result;
use crate::transport::token_cache::{self, CacheKey};

/// What the token is asked to live for, unused: the middleware's own default (`ttl` 600). It
/// covers runs up to ten minutes apart (a `*/5` cron job, a user at the prompt); a longer
/// gap costs one credential login. The token also works only from this address
/// (`match_origin`) and only until the next run's session ends.
pub(super) const TTL: Duration = Duration::from_secs(600);
/// The cache entry expires this much before the server's clock says, so that a run at the
/// edge does not spend a login and the middleware's 1–2 s failure delay on a dead token.
const MARGIN: Duration = Duration::from_secs(10);

/// The cache entry of this profile's login, unless the profile keeps tokens out of the cache.
pub(super) fn cache_key(target: &Target) -> Option<CacheKey> {
    if !target.cache_tokens {
        return None;
    }
    let secret = target.api_key.as_ref().or(target.password.as_ref())?;
    let user = target.username.as_deref().unwrap_or("");
    Some(CacheKey::new(target.url.as_str(), user, secret))
}

/// Log in with the token the last run kept, if there is one: true when that worked.
pub(super) async fn login(rpc: &mut dyn Calls, target: &Target) -> Result<bool> {
    let Some(key) = cache_key(target) else {
        return Ok(false);
    };
    let Some(token) = token_cache::load(&key) else {
        return Ok(false);
    };
    let log = target.log;
    let login = json!([{
        "mechanism": "TOKEN_PLAIN",
        "token": token,
        "login_options": {"user_info": false},
    }]);
    let why = match rpc.call("auth.login_ex", login, false).await? {
        Ok(answer) if answer["response_type"] == "SUCCESS" => {
            log.verbose(format_args!(
                "logged in with the login token of the last run"
            ));
            return Ok(true);
        }
        Ok(answer) => answer["response_type"].as_str().unwrap_or("?").to_string(),
        Err(e) if e.errname() == Some("EBUSY") => return Err(refused("auth.login_ex", &e, true)),
        // EOPNOTSUPP: a stricter authenticator level (STIG) forbids token logins.
        Err(e) => e.text(),
    };
    token_cache::forget(&key);
    log.verbose(format_args!(
        "the login token of the last run was refused ({why}): it expired, was used or revoked; logging in with the profile's credentials"
    ));
    Ok(false)
}

/// Make and keep the token for the next run. A server that will not make one fails nothing:
/// the next run logs in with the credentials.
pub(super) async fn renew(rpc: &mut dyn Calls, target: &Target) -> Result<()> {
    let Some(key) = cache_key(target) else {
        return Ok(());
    };
    let log = target.log;
    // [ttl, attrs, match_origin, single_use]
    let params = json!([TTL.as_secs(), {}, true, false]);
    let why = match rpc.call("auth.generate_token", params, true).await? {
        Ok(Value::String(token)) if token_cache::is_usable(&token) => {
            token_cache::store_for(&key, &token, TTL - MARGIN, log);
            return Ok(());
        }
        Ok(_) => "its answer is not a token".to_string(),
        Err(e) => e.text(),
    };
    token_cache::forget(&key);
    log.verbose(format_args!(
        "no login token kept for the next run (auth.generate_token: {why}); it logs in with the profile's credentials"
    ));
    Ok(())
}
