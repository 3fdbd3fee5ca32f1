//! A logged-in connection to one Qumulo cluster: bearer login (with the token cache), the
//! list call page by page, and close. See docs/vendors/qumulo.md.

use reqwest::{Method, StatusCode};
use serde_json::Value;

use super::pages;
use crate::config::{Keep, Secret, Target};
use crate::error::{Error, Result};
use crate::paginate::{paginate, Fetched, Flow, Page};
use crate::record::Record;
use crate::transport::http::{self, Client, Response};
use crate::transport::token_cache;

pub(crate) const LOGIN_PATH: &str = "/v1/session/login";
pub(crate) const LIST_PATH: &str = "/v1/smb/sessions/";
pub(crate) const CLOSE_PATH: &str = "/v1/smb/sessions/close";
/// The vendor CLI closes in batches of 100: a single huge request fails (see the API note).
pub(super) const CLOSE_BATCH: usize = 100;

fn list_path(identity: Option<&str>, page_size: u32) -> String {
    let mut p = format!("{LIST_PATH}?limit={page_size}");
    if let Some(id) = identity {
        p.push_str("&identity=");
        // The server parses it; `:`, spaces and `\` must be percent-encoded.
        p.push_str(&http::encode(id));
    }
    p
}

/// Qumulo's error answers are `{"module": ..., "error_class": ..., "description": ...}`.
pub(super) fn is_qumulo(resp: &Response) -> bool {
    serde_json::from_slice::<Value>(&resp.body)
        .is_ok_and(|v| v.get("module").is_some() && v.get("error_class").is_some())
}

/// `HTTP 404 Not Found: fs_no_such_entry_error: ...` (the innermost error's class and
/// description), with the exit code the status deserves.
pub(super) fn vendor_error(resp: &Response) -> Error {
    let status = resp.status.as_u16();
    let parsed: Option<Value> = serde_json::from_slice(&resp.body).ok();
    // Errors may nest an `inner` error of the same shape; the innermost says what went wrong.
    let mut innermost = parsed.as_ref();
    while let Some(inner) = innermost
        .and_then(|v| v.get("inner"))
        .filter(|i| i.get("error_class").is_some())
    {
        innermost = Some(inner);
    }
    let parsed = innermost;
    let class = parsed
        .and_then(|v| v.get("error_class"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let desc = parsed
        .and_then(|v| v.get("description"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let text = match (class.is_empty(), desc.is_empty()) {
        (false, false) => format!("{class}: {desc}"),
        (false, true) if status == 401 => format!("{class}: need to log in"),
        (false, true) => class.to_string(),
        _ => resp.body_excerpt(),
    };
    http::status_error(resp.status, text).with_code(class)
}

/// A logged-in connection to one cluster.
pub(super) struct Connection {
    client: Client,
    target: Target,
    token: Secret,
    /// True when the token came from our cache or a login, so a 401 may be cured by logging in.
    renewable: bool,
}

impl Connection {
    /// `kept`: the login token a listing kept from its last run (`--watch`, the exporter).
    pub(super) async fn connect(target: &Target, kept: Option<Secret>) -> Result<Connection> {
        let client = target.client()?;
        if let Some(token) = &target.token {
            return Ok(Connection {
                client,
                target: target.clone(),
                token: token.clone(),
                renewable: false,
            });
        }
        let (user, _) = target.user_and_password(NEEDS)?;
        if let Some(token) = kept {
            client.log(format_args!(
                "reusing the login token of the last run for {user}"
            ));
            return Ok(Connection {
                client,
                target: target.clone(),
                token,
                renewable: true,
            });
        }
        if let Some(cached) = target
            .password_cache_key(NEEDS)?
            .as_ref()
            .and_then(token_cache::load)
        {
            client.log(format_args!("using the cached login token for {user}"));
            return Ok(Connection {
                client,
                target: target.clone(),
                token: Secret::new(cached),
                renewable: true,
            });
        }
        let token = login(&client, target).await?;
        Ok(Connection {
            client,
            target: target.clone(),
            token,
            renewable: true,
        })
    }

    /// GET or POST with the bearer token; on a 401 with a renewable token, log in once again.
    async fn call(
        &mut self,
        method: Method,
        path_and_query: &str,
        body: Option<&[Record]>,
    ) -> Result<Response> {
        // Our own paths and the server's next links alike: see `Origin::follow_under`.
        let url = self
            .client
            .origin()
            .follow_under(&self.target.url, path_and_query)?;
        let mut relogged = false;
        loop {
            let mut req = self
                .client
                .request(method.clone(), url.clone())
                .bearer_auth(self.token.expose());
            if let Some(b) = body {
                req = req.json(b);
            }
            let resp = self.client.send(req).await?;
            if resp.status == StatusCode::UNAUTHORIZED && self.renewable && !relogged {
                self.client
                    .log(format_args!("token refused; logging in again"));
                if let Some(key) = self.target.password_cache_key(NEEDS)? {
                    token_cache::forget(&key);
                }
                self.token = login(&self.client, &self.target).await?;
                relogged = true;
                continue;
            }
            if !resp.status.is_success() {
                return Err(vendor_error(&resp));
            }
            return Ok(resp);
        }
    }

    /// Keep the login in `slot` for the next run of this profile, when it repeats.
    pub(super) fn keep(&self, slot: &Keep<Secret>) {
        if self.renewable {
            let _ = slot.put(self.target.repeats, self.token.clone());
        }
    }

    /// Stream every session matching `identity` to `sink`, page by page, each page decoded
    /// by `decode`: `pages::parse_page` (normalised records), `pages::vendor_page` (as sent, for
    /// a close) or `pages::text_page` (finished JSON text, for whole-record output).
    pub(super) async fn for_each_page<T: crate::paginate::Fingerprint>(
        &mut self,
        identity: Option<&str>,
        page_size: u32,
        decode: fn(&bytes::Bytes) -> Result<Page<T>>,
        sink: impl FnMut(Vec<T>) -> Result<Flow>,
    ) -> Result<()> {
        let first = list_path(identity, page_size);
        let max_pages = self.target.max_pages;
        // A re-login needs `&mut self` inside the fetch while the sink runs beside it.
        let this = tokio::sync::Mutex::new(self);
        paginate(
            first,
            max_pages,
            |cursor| {
                let this = &this;
                async move {
                    let resp = this.lock().await.call(Method::GET, &cursor, None).await?;
                    let next = pages::next_hint(&resp.body);
                    Ok(Fetched {
                        body: resp.body,
                        next,
                    })
                }
            },
            |body| decode(&body),
            sink,
        )
        .await
    }

    /// Close one batch of sessions (at most [`CLOSE_BATCH`]), given exactly as the list call
    /// returned them. Returns the vendor's error messages for the sessions that did not close.
    pub(super) async fn close(&mut self, batch: &[Record]) -> Result<Vec<String>> {
        let resp = self.call(Method::POST, CLOSE_PATH, Some(batch)).await?;
        let answer: Value = serde_json::from_slice(&resp.body).unwrap_or(Value::Null);
        Ok(answer
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| i.get("error_message").and_then(Value::as_str))
            .filter(|m| !m.is_empty())
            .map(str::to_string)
            .collect())
    }
}

/// What the message of a profile without a user and password adds.
const NEEDS: &str = ", or an access token (token_*)";

async fn login(client: &Client, target: &Target) -> Result<Secret> {
    let (user, password) = target.user_and_password(NEEDS)?;
    let url = http::join(&target.url, LOGIN_PATH)?;
    let body = serde_json::json!({ "username": user, "password": password.expose() });
    let resp = client
        .send(client.request(Method::POST, url).json(&body))
        .await?;
    if !resp.status.is_success() {
        return Err(vendor_error(&resp));
    }
    let v: Value = serde_json::from_slice(&resp.body)
        .map_err(|e| Error::server(format!("login answered with invalid JSON: {e}")))?;
    let token = v
        .get("bearer_token")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::server("login answer has no bearer_token"))?;
    if !token_cache::is_usable(token) {
        return Err(Error::server(
            "login answered with a bearer_token that cannot be sent in an HTTP header",
        ));
    }
    if let Some(key) = target.password_cache_key(NEEDS)? {
        token_cache::store(&key, token, target.log);
    }
    Ok(Secret::new(token))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_innermost_error_is_shown() {
        let body = br#"{"module":"qumulo.rest","error_class":"http_bad_request_error","description":"Bad request","stack":[],
            "inner":{"module":"qumulo.lib.identity","error_class":"api_invalid_identity_error","description":"unknown identity prefix 'x:'","stack":[]}}"#;
        let resp = Response {
            status: StatusCode::BAD_REQUEST,
            headers: Default::default(),
            body: bytes::Bytes::from_static(body),
        };
        let e = vendor_error(&resp);
        assert_eq!(
            e.message(),
            "HTTP 400 Bad Request: api_invalid_identity_error: unknown identity prefix 'x:'"
        );
        assert_eq!(e.exit_code(), 5);
        assert_eq!(e.code(), Some("api_invalid_identity_error"));
    }

    #[test]
    fn identity_is_percent_encoded() {
        assert_eq!(
            list_path(Some("local:bob smith"), 2),
            "/v1/smb/sessions/?limit=2&identity=local%3Abob%20smith"
        );
        assert_eq!(
            list_path(Some("CORP\\alice"), 5),
            "/v1/smb/sessions/?limit=5&identity=CORP%5Calice"
        );
    }
}
