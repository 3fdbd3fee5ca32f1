//! Decoding one page of `GET /platform/{1,11}/protocols/smb/sessions`: v1's flat
//! `{"sessions": [...], "resume": ..., "total": N}` and v11's
//! `{"nodes": [{"lnn": L, "sessions": [...]}, ...], "resume": ..., "total": N}`, whose
//! sessions get their node's `lnn`. A `resume` that is null, empty or absent ends the list.
//! See docs/vendors/onefs.md.

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::paginate::Page;
use crate::record::{coerce_bool, coerce_int, rawjson, tail, Record};
use crate::transport::http;

/// The integer fields of a session (and the `lnn` added from its node), which may arrive as
/// strings from a proxy or an older build; the booleans likewise.
const INTS: [&str; 5] = ["id", "active_time", "idle_time", "openfiles", "lnn"];
const BOOLS: [&str; 2] = ["encryption", "guest_login"];

fn invalid_json(e: impl rawjson::Complaint, body: &[u8]) -> Error {
    Error::server(format!(
        "invalid JSON in the session list: {} (body: {})",
        e.complaint(body),
        http::body_excerpt(body)
    ))
}

/// A session with its numbers and booleans in their documented types.
pub(super) fn normalize(mut r: Record) -> Record {
    for k in INTS {
        coerce_int(&mut r, k);
    }
    for k in BOOLS {
        coerce_bool(&mut r, k);
    }
    r
}

/// The sessions of a `sessions` array, each an object. Every page and every node has one
/// (Dell's SDK refuses a page without it).
fn sessions(list: Option<Value>, lnn: Option<&Value>, into: &mut Vec<Record>) -> Result<()> {
    let items = match list {
        Some(Value::Array(a)) => a,
        Some(Value::Null) | None => {
            return Err(Error::server(match lnn {
                Some(lnn) => format!("no session list for node {lnn}: it has no `sessions`"),
                None => "no session list: the page has no `sessions`".to_string(),
            }))
        }
        Some(_) => return Err(Error::server("`sessions` is not a list")),
    };
    for item in items {
        let Value::Object(mut r) = item else {
            return Err(Error::server(format!("a session is not an object: {item}")));
        };
        if let Some(lnn) = lnn {
            r.entry("lnn").or_insert_with(|| lnn.clone());
        }
        into.push(normalize(r));
    }
    Ok(())
}

/// One list page of either shape.
pub fn parse_page(body: &[u8]) -> Result<Page> {
    let v: Value = serde_json::from_slice(body).map_err(|e| invalid_json(e, body))?;
    let Value::Object(mut obj) = v else {
        return Err(Error::server("the session list is not a JSON object"));
    };
    let mut records = Vec::new();
    match (obj.remove("nodes"), obj.remove("sessions")) {
        (Some(Value::Array(nodes)), _) => {
            for node in nodes {
                let Value::Object(mut node) = node else {
                    return Err(Error::server(format!("a node is not an object: {node}")));
                };
                let lnn = node.get("lnn").cloned();
                sessions(node.remove("sessions"), lnn.as_ref(), &mut records)?;
            }
        }
        (Some(Value::Null) | None, list @ Some(_)) => sessions(list, None, &mut records)?,
        (Some(_), _) => return Err(Error::server("`nodes` is not a list")),
        (None, None) => return Err(no_sessions(&obj)),
    }
    Ok(Page::new(records, resume_of(obj.get("resume"))?))
}

fn no_sessions(obj: &Map<String, Value>) -> Error {
    Error::server(format!(
        "no session list: the page has neither `nodes` nor `sessions` (keys: {})",
        obj.keys().cloned().collect::<Vec<_>>().join(", ")
    ))
}

/// The token to send back, `None` at the end (null, empty or absent).
fn resume_of(v: Option<&Value>) -> Result<Option<String>> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(Error::server(format!(
            "the session list's `resume` is not a string: {other}"
        ))),
    }
}

/// The `resume` token, read from the end of the body, where it comes after the sessions: the
/// pagination loop requests that page before this one is decoded.
pub fn next_hint(body: &[u8]) -> Option<String> {
    let raw = tail::tail_member(body, "resume")?;
    resume_of(serde_json::from_str::<Value>(raw).ok().as_ref())
        .ok()
        .flatten()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const SESSION: &str = r#"{"id":17,"computer":"10.20.30.41","user":"CORP\\alice","client_type":"SMB2","active_time":5321,"idle_time":12,"openfiles":3,"encryption":true,"guest_login":false}"#;

    #[test]
    fn both_shapes_parse_and_v11_sessions_carry_their_node() {
        let v11 = format!(
            r#"{{"nodes":[{{"id":1,"lnn":1,"total":1,"sessions":[{SESSION}]}},{{"id":3,"lnn":2,"total":0,"sessions":[]}},{{"id":4,"lnn":3,"total":1,"sessions":[{SESSION}]}}],"resume":"1-1-MAAA1","total":3000}}"#
        );
        let page = parse_page(v11.as_bytes()).unwrap();
        assert_eq!(page.records.len(), 2);
        assert_eq!(page.records[0]["lnn"], 1);
        assert_eq!(page.records[1]["lnn"], 3);
        assert_eq!(page.records[0]["user"], "CORP\\alice");
        assert_eq!(page.next.as_deref(), Some("1-1-MAAA1"));
        assert_eq!(next_hint(v11.as_bytes()).as_deref(), Some("1-1-MAAA1"));
        let v1 = format!(r#"{{"sessions":[{SESSION}],"resume":null,"total":1}}"#);
        let page = parse_page(v1.as_bytes()).unwrap();
        assert_eq!(page.records.len(), 1);
        assert!(page.records[0].get("lnn").is_none());
        assert!(page.next.is_none());
    }

    #[test]
    fn the_end_is_null_empty_or_absent() {
        for body in [
            r#"{"sessions":[],"resume":null}"#,
            r#"{"sessions":[],"resume":""}"#,
            r#"{"sessions":[]}"#,
            r#"{"nodes":[],"total":0}"#,
            r#"{"nodes":[{"lnn":1,"sessions":[]}]}"#,
        ] {
            assert!(
                parse_page(body.as_bytes()).unwrap().next.is_none(),
                "{body}"
            );
            assert!(next_hint(body.as_bytes()).is_none(), "{body}");
        }
    }

    #[test]
    fn numbers_sent_as_strings_are_numbers() {
        let page = parse_page(
            br#"{"sessions":[{"id":"17","openfiles":"3","encryption":"true","active_time":" 60 "}]}"#,
        )
        .unwrap();
        let r = &page.records[0];
        assert_eq!(r["id"], 17);
        assert_eq!(r["openfiles"], 3);
        assert_eq!(r["active_time"], 60);
        assert_eq!(r["encryption"], true);
    }

    #[test]
    fn bad_bodies_are_server_errors() {
        for body in [
            &b"{\"sessions\": ["[..],
            b"<html>",
            b"{}",
            b"[]",
            br#"{"sessions":{}}"#,
            br#"{"nodes":{}}"#,
            br#"{"nodes":[1]}"#,
            br#"{"sessions":[1]}"#,
            br#"{"sessions":[],"resume":5}"#,
            br#"{"sessions":null}"#,
            br#"{"nodes":[{"lnn":1}]}"#,
        ] {
            let e = parse_page(body).unwrap_err();
            assert_eq!(e.exit_code(), 5, "{}", String::from_utf8_lossy(body));
        }
    }

    pub(crate) mod props {
        use crate::record::props::{any_text, bool_quirk, int_quirk, put, unknown_fields};
        use proptest::prelude::*;
        use serde_json::{Map, Value};

        /// A session as OneFS sends it (every field may be missing, or a string where a number
        /// belongs), with fields it may add one day.
        pub(crate) fn session() -> impl Strategy<Value = Value> {
            let ints = proptest::collection::vec(proptest::option::of(int_quirk()), 5);
            let bools = proptest::collection::vec(proptest::option::of(bool_quirk()), 2);
            let texts = proptest::collection::vec(proptest::option::of(any_text()), 3);
            (ints, bools, texts, unknown_fields()).prop_map(|(ints, bools, texts, extra)| {
                let mut r = Map::new();
                put(&mut r, &super::super::INTS, ints);
                put(&mut r, &super::super::BOOLS, bools);
                let texts = texts.into_iter().map(|t| t.map(Value::from)).collect();
                put(&mut r, &["computer", "user", "client_type"], texts);
                r.extend(extra);
                Value::Object(r)
            })
        }
    }
}
