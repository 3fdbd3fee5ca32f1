//! Opal's API for one organisation: bearer token, the vendor SDK's back-off, one client-side
//! rate limit for the whole run, and sessions fanned out over resources.
//! See docs/vendors/opal.md.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use futures_util::stream::{self, StreamExt, TryStreamExt};
use reqwest::Method;
use serde_json::Value;

use super::columns::normalize;
use super::pages::parse_list;
use super::query::OpalQuery;
use super::resource::{resource_info, ResourceInfo};
use crate::config::Target;
use crate::error::{Error, Result};
use crate::paginate::{paginate, Fetched, Flow};
use crate::record::{self, Cell, Record};
use crate::transport::http::{self, Client, RateLimiter, Response, RetryPolicy};

/// Under Opal's organisation-wide 100 requests/s.
pub(super) const DEFAULT_RATE: f64 = 50.0;
/// Requests in flight at once; the rate limiter, not this, sets the pace.
pub(super) const CONCURRENCY: usize = 16;
/// `GET /resources` page size (the API's maximum).
const RESOURCES_PAGE: u32 = 1000;

/// `HTTP 404 Not Found: <message> (<what>)`. The spec defines no error schema; the service
/// answers `{"message": ...}` (or `{"detail": ...}`), else the body itself is the text.
fn vendor_error(resp: &Response, what: &str) -> Error {
    let said = serde_json::from_slice::<Value>(&resp.body)
        .ok()
        .and_then(|v| {
            ["message", "detail", "error"]
                .iter()
                .find_map(|k| v.get(k).and_then(Value::as_str).map(str::to_string))
        })
        .unwrap_or_else(|| resp.body_excerpt());
    let text = format!("{said} ({what})");
    if resp.status.as_u16() == 422 {
        return Error::usage(format!(
            "HTTP {}: {text} (check --resource-id: it must be an existing resource's UUID)",
            resp.status
        ));
    }
    http::status_error(resp.status, text)
}

pub(super) struct Connection {
    client: Client,
    pub(super) target: Target,
    token: String,
}

impl Connection {
    /// `rate`: the profile's `rate_limit`.
    pub(super) fn connect(target: &Target, rate: Option<f64>) -> Result<Connection> {
        let token = match &target.token {
            Some(t) => t.expose().to_string(),
            // The vendor's Terraform provider reads the same variable.
            None => std::env::var("OPAL_AUTH_TOKEN").ok().filter(|t| !t.is_empty()).ok_or_else(|| {
                Error::usage("the profile names no token (token_env, token_command, token_file or token) and OPAL_AUTH_TOKEN is not set")
            })?,
        };
        let mut client = target.client()?;
        // Back off as the vendor's SDK does: 1 s, x1.5, each wait at most 60 s.
        client.retry = RetryPolicy {
            max_retries: 12,
            initial: Duration::from_secs(1),
            factor: 1.5,
            max_wait: Duration::from_secs(60),
        };
        client.limiter = Some(Arc::new(RateLimiter::per_second(
            rate.unwrap_or(DEFAULT_RATE),
        )));
        Ok(Connection {
            client,
            target: target.clone(),
            token,
        })
    }

    pub(super) async fn get(&self, path_and_query: &str, what: &str) -> Result<Value> {
        let url = http::join(&self.target.url, path_and_query)?;
        let resp = self
            .client
            .send(
                self.client
                    .request(Method::GET, url)
                    .bearer_auth(&self.token),
            )
            .await?;
        if !resp.status.is_success() {
            return Err(vendor_error(&resp, what));
        }
        serde_json::from_slice(&resp.body).map_err(|e| {
            Error::server(format!(
                "Opal: {what}: invalid JSON: {} (body: {})",
                crate::record::rawjson::json_error(&e, &resp.body),
                resp.body_excerpt()
            ))
        })
    }

    /// Every page of a cursor-paged list (`{next, results}`), through the one pagination loop.
    async fn collect_pages(
        &self,
        path: &str,
        what: &str,
        mut sink: impl FnMut(Vec<Record>) -> Result<Flow>,
    ) -> Result<()> {
        let sep = if path.contains('?') { '&' } else { '?' };
        paginate(
            String::new(),
            self.target.max_pages,
            |cursor: String| async move {
                let url = if cursor.is_empty() {
                    path.to_string()
                } else {
                    format!("{path}{sep}cursor={}", http::encode(&cursor))
                };
                // Opal's lists are small and rate-limited: decoded as they arrive, so the
                // next link is known at once and that page is fetched while this one is used.
                let page = parse_list(self.get(&url, what).await?)?;
                let next = page.next.clone();
                Ok(Fetched { body: page, next })
            },
            Ok,
            &mut sink,
        )
        .await
    }

    async fn sessions_of(&self, resource_id: &str, user_id: Option<&str>) -> Result<Vec<Record>> {
        let mut path = format!("/sessions?resource_id={}", http::encode(resource_id));
        if let Some(u) = user_id {
            path.push_str(&format!("&user_id={}", http::encode(u)));
        }
        let mut out = Vec::new();
        self.collect_pages(
            &path,
            &format!("sessions of resource {resource_id}"),
            |records| {
                out.extend(records);
                Ok(Flow::Continue)
            },
        )
        .await?;
        Ok(out)
    }

    /// `GET /resources`, paged, narrowed by type: ids with what the listing already tells.
    async fn all_resources(
        &self,
        resource_type: Option<&str>,
    ) -> Result<Vec<(String, ResourceInfo)>> {
        let mut path = format!("/resources?page_size={RESOURCES_PAGE}");
        if let Some(t) = resource_type {
            path.push_str(&format!("&resource_type_filter={}", http::encode(t)));
        }
        let mut out = Vec::new();
        self.collect_pages(&path, "resources", |records| {
            out.extend(records.iter().filter_map(|r| {
                let id = r.get("resource_id")?.as_str()?.to_string();
                Some((id, resource_info(r)))
            }));
            Ok(Flow::Continue)
        })
        .await?;
        Ok(out)
    }

    /// List, enrich and hand every session to `sink`.
    pub(super) async fn list(
        &self,
        q: &OpalQuery,
        mut sink: impl FnMut(Vec<Record>) -> Result<Flow>,
    ) -> Result<()> {
        let mut known_resources: HashMap<String, ResourceInfo> = HashMap::new();
        let resource_ids: Vec<String> = if q.all_resources {
            let listed = self.all_resources(q.resource_type.as_deref()).await?;
            let ids = listed.iter().map(|(id, _)| id.clone()).collect();
            known_resources.extend(listed);
            ids
        } else if !q.resource_ids.is_empty() {
            q.resource_ids.clone()
        } else if !q.profile.resource_ids.is_empty() {
            q.profile.resource_ids.clone()
        } else {
            return Err(Error::usage(
                "Opal lists sessions per resource: pass --resource-id UUID (repeatable), set resource_ids in the profile, or use --all-resources",
            ));
        };

        // Sessions of every resource, CONCURRENCY at a time, in resource order.
        let per_resource: Vec<Vec<Record>> = stream::iter(resource_ids.iter())
            .map(|id| self.sessions_of(id, q.user_id.as_deref()))
            .buffered(CONCURRENCY)
            .try_collect()
            .await?;
        let now = time::OffsetDateTime::now_utc();
        let mut sessions: Vec<Record> = per_resource
            .into_iter()
            .flatten()
            .filter(|r| match q.expiring_within {
                None => true,
                Some(d) => matches!(record::time(r, "expiration_date"), Cell::Time(t) if t >= now && t <= now + d),
            })
            .collect();

        if q.enrich {
            self.enrich(&mut sessions, &mut known_resources).await;
        }
        for r in &mut sessions {
            normalize(r);
        }
        sink(sessions).map(|_| ())
    }
}
