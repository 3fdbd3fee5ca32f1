//! Qumulo SMB sessions: `GET /v1/smb/sessions/`, bearer login, close.
//! Vendor behaviour and traps: ../shared/docs/apis/qumulo-smb.md.

use reqwest::{Method, StatusCode};
use serde_json::value::RawValue;
use serde_json::Value;

use crate::config::{Secret, Target};
use crate::error::{Error, Result};
use crate::paginate::{paginate, Page};
use crate::record::rawjson;
use crate::record::{self, coerce_int, Cell, Column, Record};
use crate::transport::http::{self, Client, Response};
use crate::transport::token_cache::{self, CacheKey};

pub const LOGIN_PATH: &str = "/v1/session/login";
pub const LIST_PATH: &str = "/v1/smb/sessions/";
pub const CLOSE_PATH: &str = "/v1/smb/sessions/close";
/// The vendor CLI closes in batches of 100: a single huge request fails (see the API note).
const CLOSE_BATCH: usize = 100;

/// Keys we add beside the vendor's durations: the normalised form, in seconds.
const ADDED_KEYS: [&str; 2] = ["time_open_seconds", "time_idle_seconds"];

#[rustfmt::skip]
pub static COLUMNS: &[Column] = &[
    Column { name: "user", header: "USER", about: "user, domain-qualified as --identity takes it (CORP\\alice, local:admin, uid:1001)", default: true, get: qualified_user },
    Column { name: "originator", header: "CLIENT", about: "client IP address", default: true, get: |r| record::text(r, "originator") },
    Column { name: "server_address", header: "SERVER", about: "cluster address the client connected to", default: true, get: |r| record::text(r, "server_address") },
    Column { name: "share_names", header: "SHARES", about: "shares the session has open", default: true, get: |r| record::list(r, "share_names") },
    Column { name: "num_opens", header: "OPENS", about: "open files", default: true, get: |r| record::int(r, "num_opens") },
    Column { name: "time_open", header: "OPEN FOR", about: "time since the session started (seconds in plain/csv)", default: true, get: |r| nanos(r, "time_open") },
    Column { name: "time_idle", header: "IDLE", about: "time since the last request (seconds in plain/csv)", default: true, get: |r| nanos(r, "time_idle") },
    Column { name: "is_guest", header: "GUEST", about: "guest session", default: true, get: |r| record::boolean(r, "is_guest") },
    Column { name: "is_encrypted", header: "ENCRYPTED", about: "SMB encryption in use", default: true, get: |r| record::boolean(r, "is_encrypted") },
    Column { name: "location", header: "LOCATION", about: "session handle, used by `close --location`", default: true, get: |r| record::text(r, "location") },
    Column { name: "user.name", header: "NAME", about: "user name as the cluster reports it", default: false, get: |r| record::text(r, "user.name") },
    Column { name: "user.domain", header: "DOMAIN", about: "identity domain (LOCAL, ACTIVE_DIRECTORY, POSIX_USER, WORLD, ...)", default: false, get: |r| record::text(r, "user.domain") },
    Column { name: "user.sid", header: "SID", about: "Windows SID", default: false, get: |r| record::text(r, "user.sid") },
    Column { name: "user.uid", header: "UID", about: "POSIX uid", default: false, get: |r| record::int(r, "user.uid") },
    Column { name: "user.gid", header: "GID", about: "POSIX gid", default: false, get: |r| record::int(r, "user.gid") },
    Column { name: "user.auth_id", header: "AUTH ID", about: "Qumulo auth_id", default: false, get: |r| record::text(r, "user.auth_id") },
    Column { name: "tenant_id", header: "TENANT", about: "tenant id", default: false, get: |r| record::int(r, "tenant_id") },
];

/// `CORP\alice`, `local:admin`, `uid:1001`, `world:Everyone`: the forms `--identity` accepts.
fn qualified_user(r: &Record) -> Cell {
    let get = |k: &str| {
        record::path(r, k)
            .map(record::value_text)
            .filter(|s| !s.is_empty())
    };
    let domain = get("user.domain").unwrap_or_default();
    let name = get("user.name");
    let shown = match (domain.as_str(), name) {
        (_, Some(n)) if n.contains('\\') => n,
        ("ACTIVE_DIRECTORY", Some(n)) => format!("ad:{n}"),
        ("LOCAL", Some(n)) => format!("local:{n}"),
        ("WORLD", Some(n)) => format!("world:{n}"),
        ("POSIX_USER", Some(n)) => format!("ldap_user:{n}"),
        ("POSIX_USER", None) => match get("user.uid") {
            Some(uid) => format!("uid:{uid}"),
            None => return Cell::Null,
        },
        (_, Some(n)) => n,
        (_, None) => {
            match get("user.sid").or_else(|| get("user.auth_id").map(|a| format!("auth_id:{a}"))) {
                Some(s) => s,
                None => return Cell::Null,
            }
        }
    };
    Cell::Text(shown)
}

/// `{"nanoseconds": "3723000000000"}`: a decimal string, sometimes a number.
fn nanos(r: &Record, key: &str) -> Cell {
    match record::path(r, key)
        .and_then(|v| v.get("nanoseconds"))
        .and_then(record::as_i128)
    {
        Some(ns) => Cell::Duration(ns as f64 / 1e9),
        None => Cell::Null,
    }
}

/// Coerce documented numbers that arrive as strings, and add seconds beside each duration.
fn normalize(mut r: Record) -> Record {
    coerce_int(&mut r, "tenant_id");
    coerce_int(&mut r, "num_opens");
    if let Some(Value::Object(user)) = r.get_mut("user") {
        coerce_int(user, "uid");
        coerce_int(user, "gid");
    }
    for (key, added) in [("time_open", ADDED_KEYS[0]), ("time_idle", ADDED_KEYS[1])] {
        if let Cell::Duration(secs) = nanos(&r, key) {
            if let Some(n) = record::seconds_json(secs) {
                r.insert(added.to_string(), n);
            }
        }
    }
    r
}

fn list_path(identity: Option<&str>, page_size: u32) -> String {
    let mut p = format!("{LIST_PATH}?limit={page_size}");
    if let Some(id) = identity {
        p.push_str("&identity=");
        // The server parses it; `:`, spaces and `\` must be percent-encoded.
        p.push_str(&http::encode(id));
    }
    p
}

/// `Error 404: fs_no_such_entry_error: ...`, the vendor CLI's form, with the exit code the
/// status deserves.
pub fn vendor_error(resp: &Response) -> Error {
    let status = resp.status.as_u16();
    let parsed: Option<Value> = serde_json::from_slice(&resp.body).ok();
    let class = parsed
        .as_ref()
        .and_then(|v| v.get("error_class"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let desc = parsed
        .as_ref()
        .and_then(|v| v.get("description"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let text = match (class.is_empty(), desc.is_empty()) {
        (false, false) => format!("Error {status}: {class}: {desc}"),
        (false, true) if status == 401 => format!("Error {status}: {class}: need to log in"),
        (false, true) => format!("Error {status}: {class}"),
        _ => format!("Error {status}: {}", resp.body_excerpt()),
    };
    http::status_error(resp.status, text)
}

/// A logged-in connection to one cluster.
pub struct Qumulo {
    client: Client,
    target: Target,
    token: Secret,
    /// True when the token came from our cache or a login, so a 401 may be cured by logging in.
    renewable: bool,
}

impl Qumulo {
    pub async fn connect(target: &Target) -> Result<Qumulo> {
        let client = Client::for_target(target)?;
        if let Some(token) = &target.token {
            return Ok(Qumulo {
                client,
                target: target.clone(),
                token: token.clone(),
                renewable: false,
            });
        }
        let (user, _) = credentials(target)?;
        if let Some(cached) = cache_key(target)?.as_ref().and_then(token_cache::load) {
            client.log(format_args!("using the cached login token for {user}"));
            return Ok(Qumulo {
                client,
                target: target.clone(),
                token: Secret::new(cached),
                renewable: true,
            });
        }
        let token = login(&client, target).await?;
        Ok(Qumulo {
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
        body: Option<&Value>,
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
                if let Some(key) = cache_key(&self.target)? {
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

    /// Stream every session matching `identity` to `sink`, page by page, each page decoded
    /// by `decode`: [`parse_page`] (normalised records), [`vendor_page`] (as sent, for a
    /// close) or [`text_page`] (finished JSON text, for whole-record output).
    pub async fn for_each_page<T>(
        &mut self,
        identity: Option<&str>,
        page_size: u32,
        decode: fn(&[u8]) -> Result<Page<T>>,
        sink: impl FnMut(Vec<T>) -> Result<crate::paginate::Flow>,
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
                    decode(&resp.body)
                }
            },
            sink,
        )
        .await
    }

    /// Close sessions, given exactly as the list call returned them, in batches of 100.
    /// Returns the vendor's error messages for the sessions that did not close.
    pub async fn close(&mut self, sessions: &[Record]) -> Result<Vec<String>> {
        let mut failures = Vec::new();
        for batch in sessions.chunks(CLOSE_BATCH) {
            let body = Value::Array(batch.iter().cloned().map(Value::Object).collect());
            let resp = self.call(Method::POST, CLOSE_PATH, Some(&body)).await?;
            let answer: Value = serde_json::from_slice(&resp.body).unwrap_or(Value::Null);
            if let Some(items) = answer.as_array() {
                failures.extend(
                    items
                        .iter()
                        .filter_map(|i| i.get("error_message").and_then(Value::as_str))
                        .filter(|m| !m.is_empty())
                        .map(str::to_string),
                );
            }
        }
        Ok(failures)
    }
}

fn credentials(target: &Target) -> Result<(&str, &Secret)> {
    match (&target.username, &target.password) {
        (Some(u), Some(p)) => Ok((u, p)),
        _ => Err(Error::usage(
            "the profile needs `username` with a password source (password_command, password_env, \
             password_file or password), or an access token (token_*)",
        )),
    }
}

/// The cache entry of this profile's login, unless the profile keeps tokens out of the cache.
fn cache_key(target: &Target) -> Result<Option<CacheKey>> {
    if !target.cache_tokens {
        return Ok(None);
    }
    let (user, password) = credentials(target)?;
    Ok(Some(CacheKey::new(target.url.as_str(), user, password)))
}

async fn login(client: &Client, target: &Target) -> Result<Secret> {
    let (user, password) = credentials(target)?;
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
    if let Some(key) = cache_key(target)? {
        token_cache::store(&key, token, target.log);
    }
    Ok(Secret::new(token))
}

fn invalid_json(e: serde_json::Error, body: &[u8]) -> Error {
    Error::server(format!(
        "invalid JSON in the session list: {e} (body: {})",
        http::body_excerpt(body)
    ))
}

/// One list page, normalised. `paging.next` of `""`, `null`, or no `paging` at all ends the
/// collection.
pub fn parse_page(body: &[u8]) -> Result<Page> {
    decode_page(body, true)
}

/// One list page with the sessions exactly as the cluster sent them (a close sends them back).
pub fn vendor_page(body: &[u8]) -> Result<Page> {
    decode_page(body, false)
}

fn decode_page(body: &[u8], normalise: bool) -> Result<Page> {
    let v: Value = serde_json::from_slice(body).map_err(|e| invalid_json(e, body))?;
    let Value::Object(mut obj) = v else {
        return Err(Error::server("the session list is not a JSON object"));
    };
    let infos = match obj.remove("session_infos") {
        Some(Value::Array(a)) => a,
        Some(Value::Null) | None => {
            return Err(Error::server(format!(
                "the session list has no session_infos (keys: {})",
                obj.keys().cloned().collect::<Vec<_>>().join(", ")
            )))
        }
        Some(_) => return Err(Error::server("session_infos is not an array")),
    };
    let mut records = Vec::with_capacity(infos.len());
    for item in infos {
        match item {
            Value::Object(r) => records.push(if normalise { normalize(r) } else { r }),
            other => {
                return Err(Error::server(format!(
                    "a session is not an object: {other}"
                )))
            }
        }
    }
    let next = obj
        .get("paging")
        .and_then(|p| p.get("next"))
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    Ok(Page { records, next })
}

/// The page as the cluster sends it, without building a map per session.
#[derive(serde::Deserialize)]
struct RawPage<'a> {
    #[serde(borrow, default)]
    session_infos: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    paging: Option<RawPaging<'a>>,
}

#[derive(serde::Deserialize)]
struct RawPaging<'a> {
    #[serde(borrow, default)]
    next: Option<std::borrow::Cow<'a, str>>,
}

/// The fields whose type `normalize` may have to fix, read without allocating.
#[derive(serde::Deserialize)]
struct Peek<'a> {
    #[serde(borrow, default)]
    tenant_id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    num_opens: Option<&'a RawValue>,
    #[serde(borrow, default)]
    user: Option<PeekUser<'a>>,
    #[serde(borrow, default)]
    time_open: Option<PeekNanos<'a>>,
    #[serde(borrow, default)]
    time_idle: Option<PeekNanos<'a>>,
}

#[derive(serde::Deserialize)]
struct PeekUser<'a> {
    #[serde(borrow, default)]
    uid: Option<&'a RawValue>,
    #[serde(borrow, default)]
    gid: Option<&'a RawValue>,
}

#[derive(serde::Deserialize)]
struct PeekNanos<'a> {
    #[serde(borrow, default)]
    nanoseconds: Option<&'a RawValue>,
}

/// One page as finished single-line JSON sessions: the same JSON as [`parse_page`], for
/// `-o json`/`ndjson` (see `rawjson`).
pub fn text_page(body: &[u8]) -> Result<Page<String>> {
    let page: RawPage = serde_json::from_slice(body).map_err(|e| invalid_json(e, body))?;
    let Some(infos) = page.session_infos else {
        return Err(Error::server("the session list has no session_infos"));
    };
    let records = infos
        .into_iter()
        .map(|raw| {
            let bad =
                |e: serde_json::Error| Error::server(format!("a session is not an object: {e}"));
            let peek: Peek = serde_json::from_str(raw.get()).map_err(bad)?;
            let user_ok = peek
                .user
                .as_ref()
                .is_none_or(|u| rawjson::is_number(u.uid) && rawjson::is_number(u.gid));
            let typed =
                rawjson::is_number(peek.tenant_id) && rawjson::is_number(peek.num_opens) && user_ok;
            let mut extra = Vec::new();
            for (key, t) in [
                (ADDED_KEYS[0], &peek.time_open),
                (ADDED_KEYS[1], &peek.time_idle),
            ] {
                let ns = t
                    .as_ref()
                    .and_then(|t| t.nanoseconds)
                    .and_then(|r| r.get().trim_matches('"').parse::<i128>().ok());
                if let Some(secs) = ns.and_then(|ns| record::seconds_json(ns as f64 / 1e9)) {
                    extra.push((key, secs));
                }
            }
            rawjson::finish(raw, typed, &extra, normalize)
        })
        .collect::<Result<Vec<_>>>()?;
    let next = page
        .paging
        .and_then(|p| p.next)
        .filter(|n| !n.is_empty())
        .map(|n| n.into_owned());
    Ok(Page { records, next })
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn paging_end_forms() {
        for body in [
            r#"{"session_infos":[],"paging":{"next":""}}"#,
            r#"{"session_infos":[],"paging":{"next":null}}"#,
            r#"{"session_infos":[]}"#,
        ] {
            assert!(
                parse_page(body.as_bytes()).unwrap().next.is_none(),
                "{body}"
            );
        }
        let p = parse_page(
            br#"{"session_infos":[],"paging":{"next":"/v1/smb/sessions/?after=T&limit=2"}}"#,
        )
        .unwrap();
        assert_eq!(p.next.as_deref(), Some("/v1/smb/sessions/?after=T&limit=2"));
    }

    #[test]
    fn the_notes_example_parses_and_keeps_unknown_fields() {
        let body = br#"{"session_infos":[{"location":"LOC-1","tenant_id":"1","originator":"10.0.0.21","server_address":"10.0.0.5",
          "user":{"domain":"API_QUMULO_SUPPORT_DOMAIN","auth_id":"8589935617","uid":null,"gid":null,"sid":"S-1-5-21-1-2-3-1105","name":"CORP\\alice"},
          "num_opens":"3","time_open":{"nanoseconds":"3723000000000"},"time_idle":{"nanoseconds":"15000000000"},
          "is_guest":false,"is_encrypted":true,"share_names":["Files"],"new_field":{"x":1}}],"paging":{"next":null}}"#;
        let page = parse_page(body).unwrap();
        let r = &page.records[0];
        assert_eq!(r["num_opens"], 3);
        assert_eq!(r["tenant_id"], 1);
        assert_eq!(r["time_open_seconds"], 3723);
        assert_eq!(r["new_field"]["x"], 1);
        assert_eq!(qualified_user(r), Cell::Text("CORP\\alice".into()));
        assert_eq!(nanos(r, "time_open").display(), "1h 2m 3s");
    }

    /// The text path gives the same JSON as parse-and-normalise, for clean and quirky sessions.
    #[test]
    fn text_page_matches_parsed_records() {
        let body = br#"{"session_infos":[
            {"location":"L1","tenant_id":1,"user":{"domain":"LOCAL","uid":null,"gid":null,"name":"admin"},"num_opens":3,"time_open":{"nanoseconds":"3723000000000"},"time_idle":{"nanoseconds":"15500000000"},"share_names":["Files"]},
            {"location":"L2","tenant_id":"2","user":{"uid":"1001","gid":100},"num_opens":"0","time_open":{"nanoseconds":12},"new":true},
            {}
        ],"paging":{"next":"/v1/smb/sessions/?after=T&limit=3"}}"#;
        let parsed = parse_page(body).unwrap();
        let text = text_page(body).unwrap();
        assert_eq!(text.next, parsed.next);
        assert_eq!(text.records.len(), 3);
        for (t, p) in text.records.iter().zip(&parsed.records) {
            assert_eq!(
                serde_json::from_str::<Value>(t).unwrap(),
                Value::Object(p.clone()),
                "{t}"
            );
        }
        assert!(text_page(br#"{"paging":{}}"#).is_err());
        assert!(text_page(br#"{"session_infos":[],"paging":{"next":""}}"#)
            .unwrap()
            .next
            .is_none());
    }

    #[test]
    fn bad_bodies_are_server_errors() {
        assert_eq!(
            parse_page(b"{\"session_infos\": [")
                .unwrap_err()
                .exit_code(),
            5
        );
        assert_eq!(parse_page(b"<html>").unwrap_err().exit_code(), 5);
        assert_eq!(parse_page(b"{}").unwrap_err().exit_code(), 5);
    }
}
