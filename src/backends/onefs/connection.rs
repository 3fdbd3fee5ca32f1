//! A connection to one OneFS cluster: the login (HTTP Basic, or the session cookie with its
//! CSRF token, kept in the token cache), which API shape to list with (`GET
//! /platform/latest`), the listing page by page following `resume`, and the DELETE that closes
//! a computer and user pair. See docs/vendors/onefs.md.

use reqwest::header::{COOKIE, ORIGIN, REFERER};
use reqwest::{Method, StatusCode};
use serde_json::Value;

use super::errors::vendor_error;
use super::key::Pair;
use super::login::{log_in, replaced, Cookie, LOGIN_PATH, NEEDS};
use super::pages;
use super::settings::{Api, Login};
use crate::config::{Keep, Target};
use crate::error::{Error, Result};
use crate::paginate::{paginate, Fetched, Flow, Page};
use crate::transport::http::{self, Client, Response};
use crate::transport::token_cache;

const LATEST_PATH: &str = "/platform/latest";
const V1_SESSIONS: &str = "/platform/1/protocols/smb/sessions";
const V11_SESSIONS: &str = "/platform/11/protocols/smb/sessions";
/// The first PAPI version whose clusters (OneFS 9.2) list sessions grouped per node.
const FIRST_V11_PAPI: u32 = 12;

/// What a listing keeps between runs (`--watch`, the exporter): the web session, if any, and
/// the API shape the cluster answered.
#[derive(Clone)]
pub(super) struct Kept {
    cookie: Option<Cookie>,
    api: Api,
}

/// What one listing asks of the API.
#[derive(Debug, Clone, Default)]
pub(super) struct Query {
    /// `lnn`, v11 only.
    pub node: Option<u16>,
    /// `sort` and `dir`, v1 only: the field and whether descending.
    pub sort: Option<(&'static str, bool)>,
    pub page_size: u32,
}

/// A logged-in connection to one cluster.
pub(super) struct Connection {
    client: Client,
    target: Target,
    cookie: Option<Cookie>,
    /// The API shape to list with.
    pub api: Api,
}

impl Connection {
    /// Log in (or take the session a listing kept, or the cached one) and settle the API
    /// shape: `api` when the profile pins it, else what `GET /platform/latest` says.
    pub(super) async fn connect(
        target: &Target,
        login: Login,
        api: Option<Api>,
        kept: Option<Kept>,
    ) -> Result<Connection> {
        let client = target.client()?;
        let (user, _) = target.user_and_password(NEEDS)?;
        let mut cookie = None;
        if login == Login::Session {
            cookie = match kept.as_ref().and_then(|k| k.cookie.clone()) {
                Some(c) => {
                    client.log(format_args!(
                        "reusing the web session of the last run for {user}"
                    ));
                    Some(c)
                }
                None => match target
                    .password_cache_key(NEEDS)?
                    .as_ref()
                    .and_then(token_cache::load)
                {
                    Some(text) => {
                        client.log(format_args!("using the cached web session for {user}"));
                        Cookie::from_cached(&text)
                    }
                    None => None,
                },
            };
            if cookie.is_none() {
                cookie = Some(log_in(&client, target).await?);
            }
        }
        let mut this = Connection {
            client,
            target: target.clone(),
            cookie,
            api: Api::V1,
        };
        this.api = match (api, kept.map(|k| k.api)) {
            (Some(pinned), _) => pinned,
            (None, Some(known)) => known,
            (None, None) => this.probe().await?,
        };
        Ok(this)
    }

    /// What to keep for the next run of this profile.
    fn kept(&self) -> Kept {
        Kept {
            cookie: self.cookie.clone(),
            api: self.api,
        }
    }

    /// Keep the login for the next run when runs repeat; otherwise end a web session that the
    /// token cache does not keep either (`DELETE /session/1/session`), so runs do not pile
    /// up sessions on the node until they time out. Failing to end it is not worth a failure.
    pub(super) async fn finish(mut self, slot: &Keep<Kept>) {
        let Some(kept) = slot.put(self.target.repeats, self.kept()) else {
            return;
        };
        if kept.cookie.is_some() && !self.target.cache_tokens {
            if let Err(e) = self.call(Method::DELETE, LOGIN_PATH).await {
                self.client
                    .log(format_args!("could not end the web session: {e}"));
            }
        }
    }

    /// `GET /platform/latest`: `{"latest": "16"}` (or "16.1"); before PAPI 3 there was no
    /// such handler (404), and those clusters list with v1.
    async fn probe(&mut self) -> Result<Api> {
        let resp = match self.call(Method::GET, LATEST_PATH).await {
            Err(e) if e.status() == Some(404) => {
                self.client.log(format_args!(
                    "{LATEST_PATH} is not there (OneFS before 8.0): listing with v1"
                ));
                return Ok(Api::V1);
            }
            other => other?,
        };
        let v: Value = serde_json::from_slice(&resp.body).map_err(|_| {
            Error::server(format!(
                "{LATEST_PATH} did not answer JSON: {}",
                resp.body_excerpt()
            ))
        })?;
        let latest = v.get("latest").map(crate::record::value_text);
        let major = latest
            .as_deref()
            .and_then(|l| l.split('.').next())
            .and_then(|m| m.trim().parse::<u32>().ok())
            .ok_or_else(|| {
                Error::server(format!(
                    "{LATEST_PATH} answered without a version number in `latest`: {}",
                    resp.body_excerpt()
                ))
            })?;
        let api = if major >= FIRST_V11_PAPI {
            Api::V11
        } else {
            Api::V1
        };
        self.client.log(format_args!(
            "the cluster's latest PAPI is {major}: listing with {}",
            match api {
                Api::V1 => "v1 (/platform/1, one list, sorted on the cluster)",
                Api::V11 => "v11 (/platform/11, grouped per node)",
            }
        ));
        Ok(api)
    }

    /// A call with the login; on a 401 to a web session, log in once again (the session
    /// may have expired, or belong to another node behind the same name).
    pub(super) async fn call(&mut self, method: Method, path_and_query: &str) -> Result<Response> {
        shared_call(&tokio::sync::Mutex::new(self), method, path_and_query).await
    }

    /// The request with the login as it stands: the cookie and CSRF token, or Basic.
    fn request(&self, method: Method, url: url::Url) -> Result<reqwest::RequestBuilder> {
        let req = self.client.request(method, url);
        Ok(match &self.cookie {
            Some(c) => {
                let mut req = req.header(COOKIE, format!("isisessid={}", c.sessid.expose()));
                if let Some(csrf) = &c.csrf {
                    // OneFS checks the origin of a cookie request: Dell's SDK sends
                    // Origin, its Go clients Referer; both name the cluster itself.
                    let origin = self.target.url.origin().ascii_serialization();
                    req = req
                        .header("X-CSRF-Token", csrf.expose())
                        .header(ORIGIN, origin.clone())
                        .header(REFERER, origin);
                }
                req
            }
            None => {
                let (user, password) = self.target.user_and_password(NEEDS)?;
                req.basic_auth(user, Some(password.expose()))
            }
        })
    }

    /// The web session's id as it stands, to tell whether another call logged in again.
    fn sessid(&self) -> Option<String> {
        self.cookie.as_ref().map(|c| c.sessid.expose().to_string())
    }
    /// The first page's path: `limit`, and `sort`/`dir` (v1) or `lnn` (v11).
    pub(super) fn first_path(&self, query: &Query) -> Result<String> {
        let mut p = format!("{}?limit={}", self.sessions_path(), query.page_size);
        match self.api {
            Api::V1 => {
                if query.node.is_some() {
                    return Err(Error::usage(
                        "--node needs the v11 API (OneFS 9.2 and later); this profile lists with v1",
                    ));
                }
                if let Some((field, descending)) = query.sort {
                    let dir = if descending { "DESC" } else { "ASC" };
                    p.push_str(&format!("&sort={field}&dir={dir}"));
                }
            }
            Api::V11 => {
                if let Some(lnn) = query.node {
                    p.push_str(&format!("&lnn={lnn}"));
                }
            }
        }
        Ok(p)
    }

    fn sessions_path(&self) -> &'static str {
        match self.api {
            Api::V1 => V1_SESSIONS,
            Api::V11 => V11_SESSIONS,
        }
    }

    /// Every page to `sink`, each decoded by `decode`: the first with the query's options,
    /// each after it with `resume` alone, as the API requires. A token that comes back is
    /// refused by the pagination loop (a repeated link).
    pub(super) async fn for_each_page(
        &mut self,
        query: &Query,
        decode: fn(&[u8]) -> Result<Page>,
        sink: impl FnMut(Vec<crate::record::Record>) -> Result<Flow>,
    ) -> Result<()> {
        let first = self.first_path(query)?;
        let base = self.sessions_path();
        let resume = move |token: String| format!("{base}?resume={}", http::encode(&token));
        let max_pages = self.target.max_pages;
        // A re-login needs `&mut self` inside the fetch while the sink runs beside it.
        let this = tokio::sync::Mutex::new(self);
        paginate(
            first,
            max_pages,
            |path| {
                let this = &this;
                async move {
                    let resp = this.lock().await.call(Method::GET, &path).await?;
                    let next = pages::next_hint(&resp.body).map(resume);
                    Ok(Fetched {
                        body: resp.body,
                        next,
                    })
                }
            },
            |body| {
                let page = decode(&body)?;
                Ok(Page::new(page.records, page.next.map(resume)))
            },
            sink,
        )
        .await
    }
}

/// Close every session of a computer and user pair (204); several may be in flight on one
/// connection (see [`shared_call`]).
pub(super) async fn close(this: &tokio::sync::Mutex<&mut Connection>, pair: &Pair) -> Result<()> {
    shared_call(this, Method::DELETE, &close_path(pair))
        .await
        .map(|_| ())
}

/// [`Connection::call`] for calls in flight together: the connection is locked to build each
/// request and to log in again or take a replacement cookie, never while a request is out.
/// A 401 logs in again once, unless another call already did since this one was sent.
async fn shared_call<C: std::ops::DerefMut<Target = Connection>>(
    this: &tokio::sync::Mutex<C>,
    method: Method,
    path_and_query: &str,
) -> Result<Response> {
    let mut relogged = false;
    loop {
        let (client, req, sent_with) = {
            let c = this.lock().await;
            let url = c
                .client
                .origin()
                .follow_under(&c.target.url, path_and_query)?;
            (
                c.client.clone(),
                c.request(method.clone(), url)?,
                c.sessid(),
            )
        };
        let resp = client.send(req).await?;
        let mut c = this.lock().await;
        let c: &mut Connection = &mut c;
        if resp.status == StatusCode::UNAUTHORIZED && sent_with.is_some() && !relogged {
            relogged = true;
            if c.sessid() == sent_with {
                c.client
                    .log(format_args!("web session refused; logging in again"));
                if let Some(key) = c.target.password_cache_key(NEEDS)? {
                    token_cache::forget(&key);
                }
                c.cookie = Some(log_in(&c.client, &c.target).await?);
            }
            continue;
        }
        if !resp.status.is_success() {
            return Err(vendor_error(&resp));
        }
        if let Some(fresh) = c.cookie.as_ref().and_then(|k| replaced(&resp, k)) {
            // 9.3 and later: calls no longer extend the inactive timer; a replacement
            // cookie near it does (docs/vendors/onefs.md, "Login").
            c.client.log(format_args!(
                "the cluster replaced the web session's cookie"
            ));
            c.cookie = Some(fresh);
        }
        return Ok(resp);
    }
}

/// The DELETE path of a pair, each segment percent-encoded fully (`CORP\alice` as
/// `CORP%5Calice`, `/` as `%2F`): the cluster splits the path before it decodes the segments.
fn close_path(pair: &Pair) -> String {
    format!(
        "{V1_SESSIONS}/{}/{}",
        http::encode(&pair.computer),
        http::encode(&pair.user)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_paths_encode_every_segment_fully() {
        let pair = |computer: &str, user: &str| Pair {
            computer: computer.into(),
            user: user.into(),
        };
        assert_eq!(
            close_path(&pair("10.20.30.41", "CORP\\alice")),
            "/platform/1/protocols/smb/sessions/10.20.30.41/CORP%5Calice"
        );
        assert_eq!(
            close_path(&pair("\\\\host name", "a/b%c")),
            "/platform/1/protocols/smb/sessions/%5C%5Chost%20name/a%2Fb%25c"
        );
        assert_eq!(
            close_path(&pair("fd00:20::1", "x")),
            "/platform/1/protocols/smb/sessions/fd00%3A20%3A%3A1/x"
        );
    }
}
