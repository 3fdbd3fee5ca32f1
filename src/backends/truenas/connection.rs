//! A logged-in TrueNAS connection over whichever transport the system speaks, and what is
//! the same on every transport: checking `auth.sessions`' answer and the text fast path.

use serde_json::Value;

use super::columns::normalize;
use super::ddp::{ddp_url, Ddp};
use super::jsonrpc::{websocket_url, JsonRpc, Opened};
use super::query::AuthQuery;
use super::rest::{Rest, REST_SESSIONS};
use super::transport::Transport;
use crate::config::Target;
use crate::error::{Error, Result};
use crate::paginate::Flow;
use crate::record::text::Text;
use crate::record::{self, rawjson, Record};
use crate::transport::http;

/// Which API a profile uses (`api = "..."`); left out, the client finds out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum Api {
    /// JSON-RPC 2.0 over the WebSocket at `/api/current` (25.04 and later).
    Jsonrpc,
    /// The legacy DDP WebSocket at `/websocket` (24.10 and older, CORE).
    Ddp,
    /// The REST API of TrueNAS CORE 12/13.
    Rest,
    /// What `api = "websocket"` used to mean: the WebSocket first, as when `api` is left out.
    Websocket,
}

/// A logged-in connection.
pub(super) struct Connection(Box<dyn Transport>);

impl Connection {
    /// Connect and log in. Without `api` in the profile: JSON-RPC at `/api/current`; if that is
    /// not there (404, or nginx's redirect to `/ui/` before 25.04), DDP at `/websocket`; if that
    /// is not there either, CORE's REST API.
    /// `api`: the profile's `api`.
    pub(super) async fn connect(target: &Target, api: Option<Api>) -> Result<Connection> {
        refuse_key_in_clear(target)?;
        let log = target.log;
        if api == Some(Api::Rest) {
            log.verbose(format_args!(
                "using the CORE REST API ({REST_SESSIONS}), as the profile says api = \"rest\""
            ));
            return Ok(Connection(Box::new(Rest::connect(target)?)));
        }
        if api != Some(Api::Ddp) {
            match JsonRpc::connect(target).await? {
                Opened::LoggedIn(rpc) => return Ok(Connection(rpc)),
                Opened::Missing(status) if api == Some(Api::Jsonrpc) => {
                    return Err(Error::server(format!(
                        "no JSON-RPC API at {} (HTTP {status}): TrueNAS before 25.04 has none; set api = \"ddp\" in the profile, or leave api out",
                        http::redact_url(&websocket_url(&target.url)?)
                    )))
                }
                Opened::Missing(status) => log.verbose(format_args!(
                    "no JSON-RPC API at {} (HTTP {status}): TrueNAS before 25.04; trying DDP",
                    http::redact_url(&websocket_url(&target.url)?)
                )),
            }
        }
        match Ddp::connect(target).await? {
            Ok(ddp) => Ok(Connection(Box::new(ddp))),
            Err(status) if api == Some(Api::Ddp) => Err(Error::server(format!(
                "no DDP WebSocket at {} (HTTP {status})",
                http::redact_url(&ddp_url(&target.url)?)
            ))),
            Err(status) => {
                log.verbose(format_args!(
                    "no WebSocket API at {} either (HTTP {status}); using the CORE REST API ({REST_SESSIONS})",
                    http::redact_url(&ddp_url(&target.url)?)
                ));
                Ok(Connection(Box::new(Rest::connect(target)?)))
            }
        }
    }

    /// Every session matching the query, handed to `sink` (TrueNAS answers in one piece).
    pub(super) async fn sessions(
        &mut self,
        q: &AuthQuery,
        mut sink: impl FnMut(Vec<Record>) -> Result<Flow>,
    ) -> Result<()> {
        let records = records(self.0.sessions(q).await?)?;
        sink(records).map(|_| ())
    }

    /// Like [`sessions`](Self::sessions), for whole-record JSON output: where the transport
    /// has the answer as text, its sessions pass through with `created_at_utc` appended (see
    /// `rawjson`), so a 5,000-session run costs little beyond the round trip.
    pub(super) async fn sessions_text(
        &mut self,
        q: &AuthQuery,
        mut sink: impl FnMut(Vec<Text>) -> Result<Flow>,
    ) -> Result<()> {
        if let Some(raw) = self.0.sessions_text(q).await? {
            let texts = text_records(&raw)?.into_iter().map(Text::owned);
            return sink(texts.collect()).map(|_| ());
        }
        let mut texts = Vec::new();
        self.sessions(q, |records| {
            texts = records
                .iter()
                .map(|r| Text::owned(serde_json::to_string(r).unwrap_or_default()))
                .collect();
            Ok(Flow::Continue)
        })
        .await?;
        sink(texts).map(|_| ())
    }

    /// End sessions by id. Returns the ids TrueNAS did not know.
    pub(super) async fn terminate(&mut self, ids: &[String]) -> Result<Vec<String>> {
        let answers = self.0.terminate_many(ids).await?;
        let unknown = ids
            .iter()
            .zip(answers)
            .filter(|(_, a)| *a == Value::Bool(false));
        Ok(unknown.map(|(id, _)| id.clone()).collect())
    }

    pub(super) async fn terminate_others(&mut self) -> Result<()> {
        self.0.terminate_others().await
    }

    pub(super) async fn close(self) {
        self.0.close().await
    }
}

/// `auth.sessions`' result as normalised records.
pub fn records(result: Value) -> Result<Vec<Record>> {
    let Value::Array(items) = result else {
        return Err(Error::server(format!(
            "auth.sessions answered with {} instead of a list",
            kind_of(&result)
        )));
    };
    items
        .into_iter()
        .map(|v| match v {
            Value::Object(r) => Ok(normalize(r)),
            other => Err(Error::server(format!(
                "a session is not an object: {other}"
            ))),
        })
        .collect()
}

/// `auth.sessions`' result as finished single-line JSON sessions: the same JSON `normalize`
/// gives, without building a map per session when it can be helped.
pub fn text_records(raw: &str) -> Result<Vec<String>> {
    #[derive(serde::Deserialize)]
    struct Peek<'a> {
        #[serde(borrow, default)]
        created_at: Option<&'a serde_json::value::RawValue>,
    }
    let items: Vec<&serde_json::value::RawValue> = serde_json::from_str(raw).map_err(|_| {
        Error::server(format!(
            "auth.sessions answered with {} instead of a list",
            crate::transport::http::body_excerpt(raw.as_bytes())
        ))
    })?;
    items
        .into_iter()
        .map(|item| {
            let bad =
                |e: serde_json::Error| Error::server(format!("a session is not an object: {e}"));
            let peek: Peek = serde_json::from_str(item.get()).map_err(bad)?;
            let created = peek
                .created_at
                .and_then(|c| serde_json::from_str::<Value>(c.get()).ok())
                .and_then(|v| record::parse_time(&v))
                .map(|t| Value::String(record::iso_utc(t)));
            let extra: Vec<(&str, Value)> =
                created.into_iter().map(|c| ("created_at_utc", c)).collect();
            rawjson::finish(item.get(), true, &extra, normalize)
        })
        .collect()
}

/// Even where the profile allows plaintext: TrueNAS revokes a key it receives that way.
fn refuse_key_in_clear(target: &Target) -> Result<()> {
    if target.origin()?.in_clear_to_remote() && target.api_key.is_some() {
        return Err(Error::usage(format!(
            "refusing to send an API key over unencrypted ws:// to {}: TrueNAS 25.04 and later revoke a key sent that way; use https:// or wss://",
            target.url.host_str().unwrap_or("?")
        )));
    }
    Ok(())
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The text path gives the same JSON as parse-and-normalise, for `$date` and ISO forms.
    #[test]
    fn text_records_match_parsed_ones() {
        let raw = r#"[{"id":"a","created_at":{"$date":1690307689000},"credentials":"TOKEN"},
                      {"id":"b","created_at":"2023-07-25T17:54:49Z"},{"id":"c"}]"#;
        let texts = text_records(raw).unwrap();
        let parsed: Vec<Value> = serde_json::from_str(raw).unwrap();
        assert_eq!(texts.len(), 3);
        for (t, p) in texts.iter().zip(parsed) {
            let want = Value::Object(normalize(p.as_object().unwrap().clone()));
            assert_eq!(serde_json::from_str::<Value>(t).unwrap(), want, "{t}");
        }
        assert!(text_records("{}").is_err());
    }

    pub(crate) mod props {
        use super::super::*;
        use crate::record::props::{
            any_json, any_text, check_pages, fail, same_json, unknown_fields,
        };
        use proptest::prelude::*;
        use serde_json::{json, Map};

        /// `{"$date": ms}` as every version sends it, ISO text, or anything else.
        fn created_at() -> impl Strategy<Value = Value> {
            prop_oneof![
                (-10_000_000_000_000i64..10_000_000_000_000).prop_map(|ms| json!({"$date": ms})),
                (0i64..4_000_000_000).prop_map(|s| {
                    let t = time::OffsetDateTime::from_unix_timestamp(s).unwrap();
                    Value::from(record::iso_utc(t))
                }),
                any_text().prop_map(Value::from),
                any_json(),
            ]
        }

        pub(crate) fn session() -> impl Strategy<Value = Value> {
            (
                any_text(),
                proptest::option::of(created_at()),
                any_json(),
                unknown_fields(),
            )
                .prop_map(|(id, created, data, extra)| {
                    let mut r = Map::new();
                    r.insert("id".into(), Value::from(id));
                    created.map(|c| r.insert("created_at".into(), c));
                    r.insert("credentials_data".into(), data);
                    r.extend(extra);
                    Value::Object(r)
                })
        }

        /// `-o json` (the text path) gives the JSON `normalize` gives, for every generated
        /// `auth.sessions` result.
        #[test]
        fn text_path_equals_parsed_path() {
            check_pages(
                session(),
                |sessions, _| Value::Array(sessions),
                |raw| {
                    let raw = std::str::from_utf8(raw).map_err(fail)?;
                    let texts = text_records(raw).map_err(fail)?;
                    let parsed: Vec<Record> = serde_json::from_str(raw).map_err(fail)?;
                    same_json(
                        &texts,
                        &parsed.into_iter().map(normalize).collect::<Vec<_>>(),
                    )
                },
            );
        }
    }
}
