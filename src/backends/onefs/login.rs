//! The web session login: `POST /session/1/session`, the `isisessid` and `isicsrf` cookies
//! (and the replacement cookies of 9.3 and later), kept in the token cache. See
//! docs/vendors/onefs.md, "Login".

use reqwest::header::{HeaderValue, SET_COOKIE};
use reqwest::Method;
use serde_json::Value;

use super::errors::vendor_error;
use crate::config::{Secret, Target};
use crate::error::{Error, Result};
use crate::transport::http::{self, Client, Response};
use crate::transport::token_cache;

pub(super) const LOGIN_PATH: &str = "/session/1/session";

/// A web session: the `isisessid` cookie and, since the 8.0 patches, the `isicsrf` token
/// that must come back as `X-CSRF-Token`.
#[derive(Clone)]
pub(super) struct Cookie {
    pub sessid: Secret,
    pub csrf: Option<Secret>,
}

impl Cookie {
    /// As the token cache holds it: `SESSID` or `SESSID CSRF`.
    fn to_cached(&self) -> String {
        match &self.csrf {
            Some(c) => format!("{} {}", self.sessid.expose(), c.expose()),
            None => self.sessid.expose().to_string(),
        }
    }
    pub(super) fn from_cached(text: &str) -> Option<Cookie> {
        let mut parts = text.split(' ');
        let sessid = parts.next().filter(|s| !s.is_empty())?;
        Some(Cookie {
            sessid: Secret::new(sessid),
            csrf: parts.next().map(Secret::new),
        })
    }
}

/// What the message of a profile without a user and password adds.
pub(super) const NEEDS: &str = ": OneFS logs in with a user and password";

/// The value of cookie `name` among the answer's `Set-Cookie` headers.
fn set_cookie<'a>(resp: &'a Response, name: &str) -> Option<&'a str> {
    resp.headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v: &HeaderValue| v.to_str().ok())
        .filter_map(|v| v.split(';').next()?.split_once('='))
        .find(|(n, _)| n.trim() == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// The web session a replacement cookie in an answer makes of `current`, if the answer has one.
pub(super) fn replaced(resp: &Response, current: &Cookie) -> Option<Cookie> {
    let sessid = set_cookie(resp, "isisessid").filter(|v| usable(v))?;
    Some(Cookie {
        sessid: Secret::new(sessid),
        csrf: match set_cookie(resp, "isicsrf").filter(|v| usable(v)) {
            Some(csrf) => Some(Secret::new(csrf)),
            None => current.csrf.clone(),
        },
    })
}

/// A cookie value fit to send back, and to cache on one line.
fn usable(v: &str) -> bool {
    token_cache::is_usable(v) && !v.contains(' ')
}

/// `POST /session/1/session`: 201 with the `isisessid` and `isicsrf` cookies and the
/// session's timeouts in the body; the cookie is cached until `timeout_absolute`.
pub(super) async fn log_in(client: &Client, target: &Target) -> Result<Cookie> {
    let (user, password) = target.user_and_password(NEEDS)?;
    let url = http::join(&target.url, LOGIN_PATH)?;
    let body = serde_json::json!({
        "username": user,
        "password": password.expose(),
        "services": ["platform", "namespace"],
    });
    let resp = client
        .send(client.request(Method::POST, url).json(&body))
        .await?;
    if !resp.status.is_success() {
        return Err(vendor_error(&resp));
    }
    let sessid = set_cookie(&resp, "isisessid")
        .filter(|v| usable(v))
        .ok_or_else(|| Error::server("the login answered without a usable isisessid cookie"))?;
    let cookie = Cookie {
        sessid: Secret::new(sessid),
        csrf: set_cookie(&resp, "isicsrf")
            .filter(|v| usable(v))
            .map(Secret::new),
    };
    client.log(format_args!(
        "logged in to {LOGIN_PATH} as {user}{}",
        if cookie.csrf.is_some() {
            ""
        } else {
            " (no CSRF token: an old-style session)"
        }
    ));
    if let Some(key) = target.password_cache_key(NEEDS)? {
        let absolute = serde_json::from_slice::<Value>(&resp.body)
            .ok()
            .and_then(|v| v.get("timeout_absolute")?.as_u64());
        match absolute {
            // A minute short of the cluster's own end, so a cached cookie is not cut off mid-run.
            Some(secs) => token_cache::store_for(
                &key,
                &cookie.to_cached(),
                std::time::Duration::from_secs(secs.saturating_sub(60)),
                target.log,
            ),
            None => token_cache::store(&key, &cookie.to_cached(), target.log),
        }
    }
    Ok(cookie)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::StatusCode;

    #[test]
    fn cookies_are_read_from_set_cookie_and_cached_as_one_line() {
        let mut headers = reqwest::header::HeaderMap::new();
        for c in [
            "isisessid=1c2d-3e; path=/; HttpOnly; Secure; SameSite=strict",
            "isicsrf=9f8e-7d; path=/; Secure",
        ] {
            headers.append(SET_COOKIE, HeaderValue::from_static(c));
        }
        let resp = Response {
            status: StatusCode::CREATED,
            headers,
            body: bytes::Bytes::new(),
        };
        assert_eq!(set_cookie(&resp, "isisessid"), Some("1c2d-3e"));
        assert_eq!(set_cookie(&resp, "isicsrf"), Some("9f8e-7d"));
        assert_eq!(set_cookie(&resp, "other"), None);
        let c = Cookie::from_cached("a b").unwrap();
        assert_eq!(c.to_cached(), "a b");
        assert!(Cookie::from_cached("a").unwrap().csrf.is_none());
        assert!(Cookie::from_cached("").is_none());
        // A replacement keeps the CSRF token unless it brings one.
        let mut headers = reqwest::header::HeaderMap::new();
        headers.append(
            SET_COOKIE,
            HeaderValue::from_static("isisessid=new-1; path=/; HttpOnly"),
        );
        let answer = Response {
            status: StatusCode::OK,
            headers,
            body: bytes::Bytes::new(),
        };
        let fresh = replaced(&answer, &c).unwrap();
        assert_eq!(fresh.to_cached(), "new-1 b");
        assert!(replaced(&resp, &c).is_some());
        let plain = Response {
            status: StatusCode::OK,
            headers: Default::default(),
            body: bytes::Bytes::new(),
        };
        assert!(replaced(&plain, &c).is_none());
    }
}
