//! NetApp ONTAP CIFS sessions: `GET /api/protocols/cifs/sessions`, one record, and close.
//! Vendor behaviour and traps: ../shared/docs/apis/ontap-cifs.md.

use percent_encoding::{utf8_percent_encode, AsciiSet};
use reqwest::Method;
use serde_json::Value;

use crate::config::Target;
use crate::error::{Error, Result};
use crate::paginate::Flow;
use crate::paginate::{paginate, Page};
use crate::record::rawjson;
use crate::record::{self, coerce_bool, coerce_int, Cell, Column, Record};
use crate::transport::http::{self, Client, Response};

pub const COLLECTION: &str = "/api/protocols/cifs/sessions";

/// Page size: ONTAP caps `max_records` at 10,000 and ends a page early at `return_timeout`
/// anyway. 1,000 keeps each page's JSON near 1 MB (fields=**), so memory stays small and flat,
/// while 100,000 sessions still take only 100 round trips.
pub const DEFAULT_MAX_RECORDS: u32 = 1000;

#[rustfmt::skip]
pub static COLUMNS: &[Column] = &[
    Column { name: "node", header: "NODE", about: "node name (node.name)", default: true, get: |r| record::text(r, "node.name") },
    Column { name: "svm", header: "VSERVER", about: "SVM name (svm.name)", default: true, get: |r| record::text(r, "svm.name") },
    Column { name: "connection_id", header: "CONNECTION ID", about: "SMB connection id (u32)", default: true, get: |r| record::int(r, "connection_id") },
    Column { name: "identifier", header: "SESSION ID", about: "SMB session id (u64, exact)", default: true, get: |r| record::int(r, "identifier") },
    Column { name: "client_ip", header: "WORKSTATION", about: "client IP address", default: true, get: |r| record::text(r, "client_ip") },
    Column { name: "user", header: "WINDOWS USER", about: "Windows user, e.g. CORP\\alice", default: true, get: |r| record::text(r, "user") },
    Column { name: "open_files", header: "OPEN FILES", about: "files open", default: true, get: |r| record::int(r, "open_files") },
    Column { name: "idle_duration", header: "IDLE TIME", about: "time since the last request (seconds in plain/csv)", default: true, get: |r| iso_duration(r, "idle_duration") },
    Column { name: "server_ip", header: "LIF ADDRESS", about: "the SVM's address the client connected to", default: false, get: |r| record::text(r, "server_ip") },
    Column { name: "authentication", header: "AUTH", about: "none, ntlmv1, ntlmv2, kerberos, anonymous", default: false, get: |r| record::text(r, "authentication") },
    Column { name: "mapped_unix_user", header: "UNIX USER", about: "mapped UNIX user", default: false, get: |r| record::text(r, "mapped_unix_user") },
    Column { name: "open_shares", header: "OPEN SHARES", about: "shares open", default: false, get: |r| record::int(r, "open_shares") },
    Column { name: "open_other", header: "OPEN OTHER", about: "other opens", default: false, get: |r| record::int(r, "open_other") },
    Column { name: "connected_duration", header: "CONNECTED TIME", about: "time since the session started (seconds in plain/csv)", default: false, get: |r| iso_duration(r, "connected_duration") },
    Column { name: "protocol", header: "PROTOCOL", about: "smb1, smb2, smb2_1, smb3, smb3_1", default: false, get: |r| record::text(r, "protocol") },
    Column { name: "continuous_availability", header: "CONT. AVAILABLE", about: "continuous availability", default: false, get: |r| record::text(r, "continuous_availability") },
    Column { name: "smb_signing", header: "SIGNED", about: "SMB signing in use", default: false, get: |r| record::boolean(r, "smb_signing") },
    Column { name: "smb_encryption", header: "ENCRYPTION", about: "unencrypted, encrypted, partially_encrypted", default: false, get: |r| record::text(r, "smb_encryption") },
    Column { name: "large_mtu", header: "LARGE MTU", about: "large MTU enabled", default: false, get: |r| record::boolean(r, "large_mtu") },
    Column { name: "volumes", header: "VOLUMES", about: "volumes the client is using (volumes.name)", default: false, get: volume_names },
    Column { name: "connection_count", header: "CONNECTIONS", about: "connection count", default: false, get: |r| record::int(r, "connection_count") },
    Column { name: "node.uuid", header: "NODE UUID", about: "node UUID", default: false, get: |r| record::text(r, "node.uuid") },
    Column { name: "svm.uuid", header: "SVM UUID", about: "SVM UUID", default: false, get: |r| record::text(r, "svm.uuid") },
];

/// The ONTAP field each column reads (for `fields=`). Keys (node, svm, identifier,
/// connection_id) always come back, but asking for them costs nothing and reads plainly.
fn field_of(column: &str) -> &str {
    match column {
        "node" => "node.name",
        "svm" => "svm.name",
        "volumes" => "volumes.name",
        other => other,
    }
}

/// The `fields` parameter for the columns an output reads; `**` for whole records.
pub fn fields_param(columns: Option<&[&str]>) -> String {
    match columns {
        None => "**".to_string(),
        Some(cols) => {
            let mut fields: Vec<&str> = Vec::new();
            for c in cols {
                let f = field_of(c);
                if !fields.contains(&f) {
                    fields.push(f);
                }
            }
            fields.join(",")
        }
    }
}

fn iso_duration(r: &Record, key: &str) -> Cell {
    match record::path(r, key) {
        Some(Value::String(s)) => match crate::record::duration::parse_iso8601(s) {
            Some(secs) => Cell::Duration(secs),
            None => Cell::Text(s.clone()),
        },
        Some(Value::Number(n)) => n.as_f64().map(Cell::Duration).unwrap_or(Cell::Null),
        _ => Cell::Null,
    }
}

fn volume_names(r: &Record) -> Cell {
    match r.get("volumes") {
        Some(Value::Array(vols)) => Cell::List(
            vols.iter()
                .map(|v| {
                    v.get("name")
                        .map(record::value_text)
                        .unwrap_or_else(|| record::value_text(v))
                })
                .collect(),
        ),
        _ => Cell::Null,
    }
}

/// Coerce documented types (numbers sent as strings, `large_mtu: 1`, `smb_signing: ""`) and
/// add seconds beside each ISO-8601 duration.
fn normalize(mut r: Record) -> Record {
    for key in [
        "identifier",
        "connection_id",
        "connection_count",
        "open_files",
        "open_other",
        "open_shares",
    ] {
        coerce_int(&mut r, key);
    }
    coerce_bool(&mut r, "large_mtu");
    coerce_bool(&mut r, "smb_signing");
    for key in ["idle_duration", "connected_duration"] {
        if let Cell::Duration(secs) = iso_duration(&r, key) {
            if let Some(n) = record::seconds_json(secs) {
                r.insert(format!("{key}_seconds"), n);
            }
        }
    }
    r
}

/// What `sessions cifs` asks ONTAP for.
#[derive(Debug, Clone, Default)]
pub struct CifsQuery {
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

/// `sessions: cifs profile 'x' at ...: ONTAP error 6: not authorized for that command (HTTP 403)`
pub fn vendor_error(resp: &Response) -> Error {
    let status = resp.status;
    let parsed: Option<Value> = serde_json::from_slice(&resp.body).ok();
    let err = parsed.as_ref().and_then(|v| v.get("error"));
    let text = match err {
        Some(e) => {
            // `code` is usually a string, sometimes a number.
            let code = e.get("code").map(record::value_text).unwrap_or_default();
            let message = e.get("message").map(record::value_text).unwrap_or_default();
            let target = e
                .get("target")
                .map(record::value_text)
                .filter(|t| !t.is_empty());
            let target = target
                .map(|t| format!(" (target: {t})"))
                .unwrap_or_default();
            format!(
                "ONTAP error {code}: {message}{target} (HTTP {})",
                status.as_u16()
            )
        }
        // A 401 may come with no JSON body at all.
        None => format!("ONTAP: HTTP {}: {}", status, resp.body_excerpt()),
    };
    http::status_error(status, text)
}

/// A session's key: `node.uuid/svm.uuid/identifier/connection_id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionKey {
    pub node_uuid: String,
    pub svm_uuid: String,
    pub identifier: u64,
    pub connection_id: u32,
}

impl std::str::FromStr for SessionKey {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let parts: Vec<&str> = s.split('/').collect();
        let [node, svm, id, conn] = parts.as_slice() else {
            return Err(format!(
                "'{s}' is not NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID"
            ));
        };
        if node.is_empty() || svm.is_empty() {
            return Err(format!("'{s}': the node and SVM UUIDs are required"));
        }
        Ok(SessionKey {
            node_uuid: node.to_string(),
            svm_uuid: svm.to_string(),
            identifier: id
                .parse()
                .map_err(|_| format!("identifier '{id}' is not an unsigned 64-bit number"))?,
            connection_id: conn
                .parse()
                .map_err(|_| format!("connection id '{conn}' is not an unsigned 32-bit number"))?,
        })
    }
}

impl SessionKey {
    fn path(&self) -> String {
        let seg = http::encode;
        format!(
            "{COLLECTION}/{}/{}/{}/{}",
            seg(&self.node_uuid),
            seg(&self.svm_uuid),
            self.identifier,
            self.connection_id
        )
    }

    /// Filters that list what a close with this key would end: ONTAP treats identifier 0
    /// (and connection id 0) as "all" (see the API note).
    pub fn as_filters(&self) -> Vec<(String, String)> {
        let mut f = vec![
            ("node.uuid".to_string(), self.node_uuid.clone()),
            ("svm.uuid".to_string(), self.svm_uuid.clone()),
        ];
        if self.identifier != 0 {
            f.push(("identifier".to_string(), self.identifier.to_string()));
        }
        if self.connection_id != 0 {
            f.push(("connection_id".to_string(), self.connection_id.to_string()));
        }
        f
    }
}

/// A connection to one cluster. ONTAP has no login: every request carries Basic credentials,
/// a bearer token, or rides on the client certificate.
pub struct Ontap {
    client: Client,
    target: Target,
}

impl Ontap {
    pub fn connect(target: &Target) -> Result<Ontap> {
        let has_basic = target.username.is_some() && target.password.is_some();
        if !has_basic && target.token.is_none() && target.tls.client_identity.is_none() {
            return Err(Error::usage(
                "the profile needs `username` with a password source, a bearer `token_*`, or \
                 client_cert and client_key",
            ));
        }
        let client = Client::for_target(target)?;
        Ok(Ontap {
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
    /// [`parse_page`] for records, [`text_page`] for whole-record JSON output.
    pub async fn for_each_page<T>(
        &self,
        q: &CifsQuery,
        columns: Option<&[&str]>,
        decode: fn(&[u8]) -> Result<Page<T>>,
        sink: impl FnMut(Vec<T>) -> Result<Flow>,
    ) -> Result<()> {
        let first = self.first_url(q, columns)?.to_string();
        paginate(
            first,
            self.target.max_pages,
            |url| async move {
                let url = url::Url::parse(&url)
                    .map_err(|e| Error::server(format!("bad next link: {e}")))?;
                let resp = self.call(Method::GET, url.clone()).await?;
                let mut page = decode(&resp.body)?;
                // The href is resolved against the page it came from, and must keep the origin.
                if let Some(href) = page.next.take() {
                    page.next = Some(self.client.origin().follow(&url, &href)?.to_string());
                }
                Ok(page)
            },
            sink,
        )
        .await
    }

    /// One session, from the single-record endpoint.
    pub async fn show(&self, key: &SessionKey, columns: Option<&[&str]>) -> Result<Record> {
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
    pub async fn close(&self, key: &SessionKey) -> Result<()> {
        let url = http::join(&self.target.url, &key.path())?;
        self.call(Method::DELETE, url).await.map(|_| ())
    }
}

fn invalid_json(e: serde_json::Error, body: &[u8]) -> Error {
    Error::server(format!(
        "invalid JSON from ONTAP: {e} (body: {})",
        http::body_excerpt(body)
    ))
}

/// One page: `records`, and `_links.next.href` as sent (the caller resolves it).
pub fn parse_page(body: &[u8]) -> Result<Page> {
    let v: Value = serde_json::from_slice(body).map_err(|e| invalid_json(e, body))?;
    let Value::Object(mut obj) = v else {
        return Err(Error::server("the session list is not a JSON object"));
    };
    let records = match obj.remove("records") {
        Some(Value::Array(items)) => items
            .into_iter()
            .map(|item| match item {
                Value::Object(r) => Ok(normalize(r)),
                other => Err(Error::server(format!(
                    "a session is not an object: {other}"
                ))),
            })
            .collect::<Result<Vec<_>>>()?,
        // `return_records=false`, or an empty page: no records key at all.
        None | Some(Value::Null) => Vec::new(),
        Some(_) => return Err(Error::server("`records` is not an array")),
    };
    let next = next_link(
        obj.get("_links")
            .and_then(|l| l.get("next"))
            .and_then(|n| n.get("href"))
            .and_then(Value::as_str),
    );
    Ok(Page { records, next })
}

/// `""` (quirks) and a missing link both end the collection.
fn next_link(href: Option<&str>) -> Option<String> {
    href.filter(|h| !h.is_empty()).map(str::to_string)
}

/// The page as ONTAP sends it, without building a map per record.
#[derive(serde::Deserialize)]
struct RawPage<'a> {
    #[serde(borrow, default)]
    records: Option<Vec<&'a serde_json::value::RawValue>>,
    #[serde(borrow, default, rename = "_links")]
    links: Option<RawLinks<'a>>,
}

#[derive(serde::Deserialize)]
struct RawLinks<'a> {
    #[serde(borrow, default)]
    next: Option<RawHref<'a>>,
}

#[derive(serde::Deserialize)]
struct RawHref<'a> {
    #[serde(borrow)]
    href: std::borrow::Cow<'a, str>,
}

/// The fields whose type `normalize` may have to fix, read without allocating.
#[derive(serde::Deserialize)]
struct Peek<'a> {
    #[serde(borrow, default)]
    identifier: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    connection_id: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    connection_count: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    open_files: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    open_other: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    open_shares: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    large_mtu: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    smb_signing: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    idle_duration: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    connected_duration: Option<&'a serde_json::value::RawValue>,
}

/// One page as finished single-line JSON records, the same JSON `parse_page` + `normalize`
/// give, for `-o json`/`ndjson` (see `rawjson`).
pub fn text_page(body: &[u8]) -> Result<Page<String>> {
    let page: RawPage = serde_json::from_slice(body).map_err(|e| invalid_json(e, body))?;
    let records = page
        .records
        .unwrap_or_default()
        .into_iter()
        .map(|raw| {
            let peek: Peek = serde_json::from_str(raw.get())
                .map_err(|e| Error::server(format!("a session is not an object: {e}")))?;
            let typed = [
                peek.identifier,
                peek.connection_id,
                peek.connection_count,
                peek.open_files,
                peek.open_other,
                peek.open_shares,
            ]
            .into_iter()
            .all(rawjson::is_number)
                && rawjson::is_bool(peek.large_mtu)
                && rawjson::is_bool(peek.smb_signing);
            let mut extra = Vec::new();
            for (key, dur) in [
                ("idle_duration_seconds", peek.idle_duration),
                ("connected_duration_seconds", peek.connected_duration),
            ] {
                if let Some(secs) = rawjson::string_of(dur)
                    .as_deref()
                    .and_then(crate::record::duration::parse_iso8601)
                    .and_then(record::seconds_json)
                {
                    extra.push((key, secs));
                }
            }
            rawjson::finish(raw, typed, &extra, normalize)
        })
        .collect::<Result<Vec<_>>>()?;
    let href = page.links.and_then(|l| l.next).map(|n| n.href);
    Ok(Page {
        records,
        next: next_link(href.as_deref()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn u64_identifier_stays_exact() {
        let page = parse_page(
            br#"{"records":[{"identifier":10878444899913433090,"connection_id":3151272279}],"num_records":1}"#,
        )
        .unwrap();
        assert_eq!(
            serde_json::to_string(&page.records[0]).unwrap(),
            r#"{"identifier":10878444899913433090,"connection_id":3151272279}"#
        );
    }

    #[test]
    fn vendor_quirks_parse() {
        let r = normalize(
            json!({"identifier": "4622663542519103507", "connection_count": "0", "large_mtu": 1, "smb_signing": "",
                   "idle_duration": "P4DT84H30M5S", "lif_address": "10.0.0.1", "open_files": "5"})
            .as_object()
            .unwrap()
            .clone(),
        );
        assert_eq!(r["identifier"], json!(4622663542519103507u64));
        assert_eq!(r["connection_count"], 0);
        assert_eq!(r["large_mtu"], true);
        assert_eq!(r["smb_signing"], false);
        assert_eq!(r["open_files"], 5);
        assert_eq!(r["idle_duration"], "P4DT84H30M5S");
        assert_eq!(
            r["idle_duration_seconds"],
            4.0 * 86400.0 + 84.0 * 3600.0 + 1805.0
        );
        assert_eq!(r["lif_address"], "10.0.0.1");
    }

    #[test]
    fn next_link_is_kept_as_sent_for_the_caller_to_resolve() {
        let body = json!({"records": [], "_links": {"next": {"href": "/api/protocols/cifs/sessions?start.x=1&fields=**"}}}).to_string();
        let page = parse_page(body.as_bytes()).unwrap();
        assert_eq!(text_page(body.as_bytes()).unwrap().next, page.next);
        assert_eq!(
            page.next.as_deref(),
            Some("/api/protocols/cifs/sessions?start.x=1&fields=**")
        );
        let last = json!({"records": [], "_links": {"next": {"href": ""}}}).to_string();
        assert_eq!(parse_page(last.as_bytes()).unwrap().next, None);
    }

    /// The text path gives the same JSON as parse-and-normalise, for clean and quirky records.
    #[test]
    fn text_page_matches_parsed_records() {
        let body = br#"{"records":[
            {"node":{"name":"n1","uuid":"u"},"identifier":10878444899913433090,"connection_id":3151272279,"idle_duration":"PT3M15S","connected_duration":"P4DT84H30M5S","large_mtu":true,"smb_signing":false,"open_files":5,"volumes":[{"name":"v"}]},
            {"identifier":"4622663542519103507","connection_count":"0","large_mtu":1,"smb_signing":"","idle_duration":"PT0.5S","lif_address":"10.0.0.1"},
            {},
            {"identifier": 1,
             "idle_duration": "PT3S"}
        ],"num_records":4,"_links":{"next":{"href":"/api/protocols/cifs/sessions?start.x=1"}}}"#;
        let parsed = parse_page(body).unwrap();
        let text = text_page(body).unwrap();
        assert_eq!(text.next, parsed.next);
        assert_eq!(text.records.len(), 4);
        for (t, p) in text.records.iter().zip(&parsed.records) {
            assert!(!t.contains('\n'), "one line: {t}");
            assert_eq!(
                serde_json::from_str::<Value>(t).unwrap(),
                Value::Object(p.clone()),
                "{t}"
            );
        }
        assert!(
            text.records[0].starts_with(
                r#"{"node":{"name":"n1","uuid":"u"},"identifier":10878444899913433090,"#
            ),
            "kept as sent"
        );
    }

    #[test]
    fn fields_follow_columns() {
        assert_eq!(fields_param(None), "**");
        assert_eq!(
            fields_param(Some(&["node", "user", "volumes", "node"])),
            "node.name,user,volumes.name"
        );
    }

    #[test]
    fn keys_parse() {
        let k: SessionKey = "n/s/10878444899913433090/3151272279".parse().unwrap();
        assert_eq!(k.identifier, 10878444899913433090);
        assert!("n/s/x/1".parse::<SessionKey>().is_err());
        assert!("n/s/1/4294967296".parse::<SessionKey>().is_err());
    }

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
                "ONTAP error 6: not authorized for that command (HTTP 403)"
            );
            assert_eq!(e.exit_code(), 3);
        }
    }
}
