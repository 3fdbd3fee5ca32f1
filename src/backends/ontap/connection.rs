//! A connection to one ONTAP cluster: credentials on every request, the filtered list page by
//! page, the single-record endpoint and DELETE. See docs/vendors/ontap.md.

use percent_encoding::{utf8_percent_encode, AsciiSet};
use reqwest::Method;
use serde_json::Value;

use super::columns::{fields_param, normalize};
use super::key::{SessionKey, COLLECTION};
use super::pages::{self, invalid_json};
use crate::config::Target;
use crate::error::{Error, Result};
use crate::paginate::{paginate, Fetched, Flow, Page};
use crate::record::{self, Record};
use crate::transport::http::{self, Client, Response};

/// What `sessions cifs` asks ONTAP for.
#[derive(Debug, Clone, Default)]
pub(super) struct CifsQuery {
    /// (field, value) filters, passed through with the vendor's operators.
    pub filters: Vec<(String, String)>,
    pub max_records: u32,
    pub return_timeout: Option<u32>,
    pub order_by: Option<String>,
}

/// Query values are percent-encoded, except the characters that keep filters and field lists
/// readable in `-v` (`*`, `,` and `.`).
const QUERY_VALUE: &AsciiSet = &http::UNRESERVED.remove(b'*').remove(b',');

fn encode(v: &str) -> String {
    utf8_percent_encode(v, QUERY_VALUE).to_string()
}

/// Every ONTAP answer names its web server, `Server: libzapid-httpd`, whatever the status.
pub(super) fn is_ontap(resp: &Response) -> bool {
    resp.headers
        .get(reqwest::header::SERVER)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("libzapid-httpd"))
}

/// `sessions: cifs profile 'x' at ...: HTTP 403 Forbidden: ONTAP error 6: not authorized for
/// that command`.
pub(super) fn vendor_error(resp: &Response) -> Error {
    let status = resp.status;
    let parsed: Option<Value> = serde_json::from_slice(&resp.body).ok();
    let err = parsed.as_ref().and_then(|v| v.get("error"));
    // `code` is usually a string, sometimes a number.
    let code = err
        .and_then(|e| e.get("code"))
        .map(record::value_text)
        .unwrap_or_default();
    let text = match err {
        Some(e) => {
            let message = e.get("message").map(record::value_text).unwrap_or_default();
            let target = e
                .get("target")
                .map(record::value_text)
                .filter(|t| !t.is_empty());
            let target = target
                .map(|t| format!(" (target: {t})"))
                .unwrap_or_default();
            format!("ONTAP error {code}: {message}{target}")
        }
        // A 401 may come with no JSON body at all.
        None => resp.body_excerpt(),
    };
    http::status_error(status, text).with_code(code)
}

/// A connection to one cluster. ONTAP has no login: every request carries Basic credentials,
/// a bearer token, or rides on the client certificate.
pub(super) struct Connection {
    client: Client,
    target: Target,
}

impl Connection {
    pub(super) fn connect(target: &Target) -> Result<Connection> {
        let has_basic = target.username.is_some() && target.password.is_some();
        if !has_basic && target.token.is_none() && target.tls.client_identity.is_none() {
            return Err(Error::usage(
                "the profile needs `username` with a password source, a bearer `token_*`, or \
                 client_cert and client_key",
            ));
        }
        let client = target.client()?;
        Ok(Connection {
            client,
            target: target.clone(),
        })
    }

    async fn call(&self, method: Method, url: url::Url) -> Result<Response> {
        let mut req = self.client.request(method, url);
        if let Some(token) = &self.target.token {
            req = req.bearer_auth(token.expose());
        } else if let (Some(user), Some(pass)) = (&self.target.username, &self.target.password) {
            req = req.basic_auth(user, Some(pass.expose()));
        }
        let resp = self.client.send(req).await?;
        if !resp.status.is_success() {
            return Err(vendor_error(&resp));
        }
        Ok(resp)
    }

    async fn get_json(&self, url: url::Url) -> Result<Value> {
        let resp = self.call(Method::GET, url).await?;
        serde_json::from_slice(&resp.body).map_err(|e| invalid_json(e, &resp.body))
    }

    fn first_url(&self, q: &CifsQuery, columns: Option<&[&str]>) -> Result<url::Url> {
        let mut params: Vec<(String, String)> = vec![
            ("fields".into(), fields_param(columns)),
            ("max_records".into(), q.max_records.to_string()),
        ];
        if let Some(t) = q.return_timeout {
            params.push(("return_timeout".into(), t.to_string()));
        }
        if let Some(o) = &q.order_by {
            params.push(("order_by".into(), o.clone()));
        }
        params.extend(q.filters.iter().cloned());
        let query: Vec<String> = params
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect();
        http::join(
            &self.target.url,
            &format!("{COLLECTION}?{}", query.join("&")),
        )
    }

    /// Stream every matching session to `sink`, page by page, each page decoded by `decode`:
    /// `pages::parse_page` for records, `pages::text_page` for whole-record JSON output.
    pub(super) async fn for_each_page<T: crate::paginate::Fingerprint>(
        &self,
        q: &CifsQuery,
        columns: Option<&[&str]>,
        decode: fn(&bytes::Bytes) -> Result<Page<T>>,
        sink: impl FnMut(Vec<T>) -> Result<Flow>,
    ) -> Result<()> {
        let first = self.first_url(q, columns)?.to_string();
        let origin = self.client.origin();
        // A next link is resolved against the page it came from, and must keep the origin.
        let resolve = |page: &url::Url, href: &str| origin.follow(page, href).map(String::from);
        paginate(
            first,
            self.target.max_pages,
            |link| async move {
                let url = url::Url::parse(&link)
                    .map_err(|e| Error::server(format!("bad next link: {e}")))?;
                let resp = self.call(Method::GET, url.clone()).await?;
                let next = pages::next_hint(&resp.body).and_then(|h| resolve(&url, &h).ok());
                Ok(Fetched {
                    body: (url, resp.body),
                    next,
                })
            },
            |(url, body)| {
                let mut page = decode(&body)?;
                page.next = page.next.map(|h| resolve(&url, &h)).transpose()?;
                Ok(page)
            },
            sink,
        )
        .await
    }

    /// One session, from the single-record endpoint.
    pub(super) async fn show(&self, key: &SessionKey, columns: Option<&[&str]>) -> Result<Record> {
        let url = http::join(
            &self.target.url,
            &format!("{}?fields={}", key.path(), encode(&fields_param(columns))),
        )?;
        match self.get_json(url).await? {
            Value::Object(r) => Ok(normalize(r)),
            other => Err(Error::server(format!(
                "ONTAP answered with {other} instead of a session"
            ))),
        }
    }

    /// `DELETE` the session(s) a key selects.
    pub(super) async fn close(&self, key: &SessionKey) -> Result<()> {
        let url = http::join(&self.target.url, &key.path())?;
        self.call(Method::DELETE, url).await.map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_body_with_string_or_number_code() {
        for body in [
            r#"{"error":{"message":"not authorized for that command","code":"6"}}"#,
            r#"{"error":{"message":"not authorized for that command","code":6}}"#,
        ] {
            let resp = Response {
                status: reqwest::StatusCode::FORBIDDEN,
                headers: Default::default(),
                body: body.as_bytes().to_vec().into(),
            };
            let e = vendor_error(&resp);
            assert_eq!(
                e.message(),
                "HTTP 403 Forbidden: ONTAP error 6: not authorized for that command"
            );
            assert_eq!(e.exit_code(), 3);
            assert_eq!((e.status(), e.code()), (Some(403), Some("6")));
        }
    }
}
