//! TrueNAS CORE 12/13: `GET /api/v2.0/auth/sessions` and `POST .../terminate_session`, with a
//! bearer API key or Basic. See docs/vendors/truenas.md.

use futures_util::stream::{self, StreamExt};
use reqwest::Method;
use serde_json::Value;

use super::query::AuthQuery;
use super::transport::Transport;
use crate::backends::closing::IN_FLIGHT;
use crate::backends::future::BoxFuture;
use crate::config::Target;
use crate::error::{Error, Result};
use crate::transport::http::{self, Client};

pub(crate) const REST_SESSIONS: &str = "/api/v2.0/auth/sessions";

/// The REST root of a CORE system: the origin over http(s), without any `/api/...` path.
pub(super) fn rest_base(base: &url::Url) -> Result<url::Url> {
    let mut u = base.clone();
    let scheme = if matches!(base.scheme(), "wss" | "https") {
        "https"
    } else {
        "http"
    };
    // Url refuses to switch between special and non-special schemes; rebuild instead.
    let text = format!(
        "{scheme}://{}",
        &u[url::Position::BeforeHost..url::Position::AfterPort]
    );
    u = url::Url::parse(&text).map_err(|e| Error::usage(format!("url {base}: {e}")))?;
    Ok(u)
}

/// The CORE REST API of one system.
pub(super) struct Rest {
    client: Client,
    base: url::Url,
    target: Target,
}

impl Rest {
    pub(super) fn connect(target: &Target) -> Result<Rest> {
        if target.api_key.is_none() && (target.username.is_none() || target.password.is_none()) {
            return Err(Error::usage(
                "the profile needs an api_key source, or username with a password source",
            ));
        }
        Ok(Rest {
            client: target.client()?,
            base: rest_base(&target.url)?,
            target: target.clone(),
        })
    }
}

impl Transport for Rest {
    fn sessions<'a>(&'a mut self, q: &'a AuthQuery) -> BoxFuture<'a, Result<Value>> {
        Box::pin(async move {
            let mut url = http::join(&self.base, REST_SESSIONS)?;
            url.query_pairs_mut().extend_pairs(q.rest_query()?);
            rest_call(&self.client, &self.target, Method::GET, url, None).await
        })
    }

    /// CORE's REST layer serves a method as `POST /api/v2.0/<namespace>/<method>` with its
    /// argument as the body, e.g. `auth.terminate_session`.
    fn call<'a>(&'a mut self, method: &'a str, params: Value) -> BoxFuture<'a, Result<Value>> {
        Box::pin(async move {
            let url = http::join(
                &self.base,
                &format!("/api/v2.0/{}", method.replace('.', "/")),
            )?;
            let body = params.get(0).cloned().unwrap_or(Value::Null);
            rest_call(&self.client, &self.target, Method::POST, url, Some(body)).await
        })
    }

    /// One POST per id, up to IN_FLIGHT at once: each is its own HTTP request, which the
    /// middleware's web server answers concurrently.
    fn terminate_many<'a>(&'a mut self, ids: &'a [String]) -> BoxFuture<'a, Result<Vec<Value>>> {
        Box::pin(async move {
            let url = http::join(&self.base, "/api/v2.0/auth/terminate_session")?;
            let (client, target) = (&self.client, &self.target);
            let answers: Vec<Result<Value>> = stream::iter(ids)
                .map(|id| {
                    let body = Some(Value::String(id.clone()));
                    rest_call(client, target, Method::POST, url.clone(), body)
                })
                .buffered(IN_FLIGHT)
                .collect()
                .await;
            answers.into_iter().collect()
        })
    }

    fn terminate_others(&mut self) -> BoxFuture<'_, Result<()>> {
        Box::pin(async { Err(Error::usage("--others needs the WebSocket API")) })
    }
}

/// One REST call on CORE: bearer API key, or Basic. Errors: 401 plain text, 403 empty,
/// 422 `{"message","errno"}` (see the API note).
async fn rest_call(
    client: &Client,
    target: &Target,
    method: Method,
    url: url::Url,
    body: Option<Value>,
) -> Result<Value> {
    let mut req = client.request(method, url);
    if let Some(key) = &target.api_key {
        req = req.bearer_auth(key.expose());
    } else if let (Some(u), Some(p)) = (&target.username, &target.password) {
        req = req.basic_auth(u, Some(p.expose()));
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let resp = client.send(req).await?;
    if !resp.status.is_success() {
        let parsed: Option<Value> = serde_json::from_slice(&resp.body).ok();
        let message = parsed
            .as_ref()
            .and_then(|v| v.get("message"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| resp.body_excerpt());
        return Err(http::status_error(resp.status, message));
    }
    serde_json::from_slice(&resp.body).map_err(|e| {
        Error::server(format!(
            "invalid JSON from the TrueNAS REST API: {} (body: {})",
            crate::record::rawjson::json_error(&e, &resp.body),
            resp.body_excerpt()
        ))
    })
}
