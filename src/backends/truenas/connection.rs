//! A logged-in TrueNAS connection over whichever transport the system speaks, and what is
//! the same on every transport: checking `auth.sessions`' answer and the text fast path.

use serde_json::Value;

use super::columns::normalize;
use super::jsonrpc::JsonRpc;
use super::query::AuthQuery;
use super::rest::{Rest, REST_SESSIONS};
use crate::backends::BoxFuture;
use crate::config::Target;
use crate::error::{Error, Result};
use crate::paginate::Flow;
use crate::record::{self, rawjson, Record};

/// One way of reaching the middleware. Each answers with the vendor's JSON; checking it is
/// [`Connection`]'s job.
pub trait Transport {
    /// `auth.sessions`' result.
    fn sessions<'a>(&'a mut self, q: &'a AuthQuery) -> BoxFuture<'a, Result<Value>>;
    /// The same result as JSON text, where the transport has it without parsing.
    fn sessions_text<'a>(&'a mut self, _q: &'a AuthQuery) -> BoxFuture<'a, Result<Option<String>>> {
        Box::pin(async { Ok(None) })
    }
    /// `auth.terminate_session`'s answer: `true` (`null` before 25.04), `false` if unknown.
    fn terminate<'a>(&'a mut self, id: &'a str) -> BoxFuture<'a, Result<Value>>;
    /// `auth.terminate_other_sessions`.
    fn terminate_others(&mut self) -> BoxFuture<'_, Result<()>>;
    /// Say goodbye on the way out.
    fn close(self: Box<Self>) -> BoxFuture<'static, ()> {
        Box::pin(async {})
    }
}

/// Which API a profile uses (`api = "..."`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ApiFlavour {
    /// JSON-RPC 2.0 over WebSocket (SCALE, 25.04 and later): the default.
    Websocket,
    /// The REST API of TrueNAS CORE 12/13.
    Rest,
}

/// A logged-in connection.
pub struct Connection(Box<dyn Transport>);

impl Connection {
    /// Connect and log in. A 404 on the WebSocket upgrade means TrueNAS CORE: use REST.
    pub async fn connect(target: &Target) -> Result<Connection> {
        if target.option::<ApiFlavour>("api")? == Some(ApiFlavour::Rest) {
            target.log.verbose(format_args!(
                "using the CORE REST API ({REST_SESSIONS}), as the profile says api = \"rest\""
            ));
            return Ok(Connection(Box::new(Rest::connect(target)?)));
        }
        Ok(match JsonRpc::connect(target).await? {
            Some(rpc) => Connection(Box::new(rpc)),
            None => Connection(Box::new(Rest::connect(target)?)),
        })
    }

    /// Every session matching the query, handed to `sink` (TrueNAS answers in one piece).
    pub async fn sessions(
        &mut self,
        q: &AuthQuery,
        mut sink: impl FnMut(Vec<Record>) -> Result<Flow>,
    ) -> Result<()> {
        let result = self.0.sessions(q).await?;
        let Value::Array(items) = result else {
            return Err(Error::server(format!(
                "auth.sessions answered with {} instead of a list",
                kind_of(&result)
            )));
        };
        let records = items
            .into_iter()
            .map(|v| match v {
                Value::Object(r) => Ok(normalize(r)),
                other => Err(Error::server(format!(
                    "a session is not an object: {other}"
                ))),
            })
            .collect::<Result<Vec<_>>>()?;
        sink(records).map(|_| ())
    }

    /// Like [`sessions`](Self::sessions), for whole-record JSON output: where the transport
    /// has the answer as text, its sessions pass through with `created_at_utc` appended (see
    /// `rawjson`), so a 5,000-session run costs little beyond the round trip.
    pub async fn sessions_text(
        &mut self,
        q: &AuthQuery,
        mut sink: impl FnMut(Vec<String>) -> Result<Flow>,
    ) -> Result<()> {
        if let Some(raw) = self.0.sessions_text(q).await? {
            return sink(text_records(&raw)?).map(|_| ());
        }
        let mut texts = Vec::new();
        self.sessions(q, |records| {
            texts = records
                .iter()
                .map(|r| serde_json::to_string(r).unwrap_or_default())
                .collect();
            Ok(Flow::Continue)
        })
        .await?;
        sink(texts).map(|_| ())
    }

    /// End sessions by id. Returns the ids TrueNAS did not know.
    pub async fn terminate(&mut self, ids: &[String]) -> Result<Vec<String>> {
        let mut unknown = Vec::new();
        for id in ids {
            if self.0.terminate(id).await? == Value::Bool(false) {
                unknown.push(id.clone());
            }
        }
        Ok(unknown)
    }

    pub async fn terminate_others(&mut self) -> Result<()> {
        self.0.terminate_others().await
    }

    pub async fn close(self) {
        self.0.close().await
    }
}

/// `auth.sessions`' result as finished single-line JSON sessions: the same JSON `normalize`
/// gives, without building a map per session when it can be helped.
fn text_records(raw: &str) -> Result<Vec<String>> {
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
            rawjson::finish(item, true, &extra, normalize)
        })
        .collect()
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
mod tests {
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
}
