//! Decoding one page of `GET /v1/smb/sessions/`: as records (normalised, or exactly as sent
//! for a close) or as finished JSON text. See docs/vendors/qumulo.md.

use bytes::Bytes;
use serde_json::Value;

use super::columns::{normalize, ADDED_KEYS};
use crate::error::{Error, Result};
use crate::paginate::Page;
use crate::record::text::Text;
use crate::record::{self, rawjson, scan, tail, text};
use crate::transport::http;

fn invalid_json(e: impl rawjson::Complaint, body: &[u8]) -> Error {
    Error::server(format!(
        "invalid JSON in the session list: {} (body: {})",
        e.complaint(body),
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

#[derive(serde::Deserialize)]
struct RawPaging<'a> {
    #[serde(borrow, default)]
    next: Option<std::borrow::Cow<'a, str>>,
}

/// `paging.next` from the raw text of `paging`.
fn next_of(paging: &str) -> Result<Option<String>> {
    let paging: Option<RawPaging> = serde_json::from_str(paging)
        .map_err(|e| Error::server(format!("the session list's `paging` is not an object: {e}")))?;
    Ok(paging
        .and_then(|p| p.next)
        .filter(|n| !n.is_empty())
        .map(|n| n.into_owned()))
}

/// The next link, read from the end of the body, where `paging` comes after the sessions: the
/// pagination loop requests that page before this one is decoded.
pub(crate) fn next_hint(body: &[u8]) -> Option<String> {
    next_of(tail::tail_member(body, "paging")?).ok().flatten()
}

/// The fields whose type `normalize` may have to fix.
const PEEK: [&str; 5] = ["tenant_id", "num_opens", "user", "time_open", "time_idle"];

/// One page as finished single-line JSON sessions: the same JSON as [`parse_page`], for
/// `-o json`/`ndjson` (see `rawjson`). One pass finds each session and the fields of `PEEK`
/// (see `record::scan`); only the small `user` and time objects are read again.
pub fn text_page(body: &Bytes) -> Result<Page<Text>> {
    let invalid = |e| invalid_json(e, body);
    let mut texts = text::Page::new(body);
    let page = scan::records(body, ("session_infos", "paging"), &PEEK, invalid, |found| {
        text_session(&mut texts, found)
    })?;
    let next = page.links.map(next_of).transpose()?.flatten();
    Ok(Page::new(texts.finish(page.records), next))
}

fn text_session(texts: &mut text::Page<'_>, found: &scan::Found<'_, 5>) -> Result<text::Pending> {
    match typed_extra(found) {
        Some((extra, mut edits)) => texts.scanned(
            found.text,
            found.one_line,
            Some(&mut edits),
            extra.fields(),
            normalize,
        ),
        // A session whose fields cannot be read from its text: the parsed path decides.
        None => texts.owned(rawjson::finish(found.text, false, &[], normalize)?),
    }
}

/// The seconds to add to a session's text, and the values `normalize` would change there
/// (numbers sent as strings) with what it would write. `user`, `time_open` and `time_idle`
/// are objects when the cluster follows its docs; other shapes are left as they are, as
/// `normalize` leaves them, and objects with a key twice go to the parsed path, so both paths
/// give the same JSON.
fn typed_extra<'a>(found: &scan::Found<'a, 5>) -> Option<(text::Added, Vec<rawjson::Edit<'a>>)> {
    let [tenant_id, num_opens, user, time_open, time_idle] = found.fields;
    if found.doubtful {
        return None;
    }
    let mut ints = [tenant_id, num_opens, None, None];
    if let Some(u) = user.filter(|u| u.starts_with('{')) {
        [ints[2], ints[3]] = object(u, &["uid", "gid"])?;
    }
    // A loop, not `filter_map`, whose closure was not inlined in ONTAP's decoder.
    let mut edits: Vec<rawjson::Edit<'a>> = Vec::new();
    for raw in ints {
        if let Some(edit) = rawjson::int_edit(raw) {
            edits.push(edit);
        }
    }
    let mut extra = text::Added::default();
    for (key, t) in [(ADDED_KEYS[0], time_open), (ADDED_KEYS[1], time_idle)] {
        let nanos = match t.filter(|t| t.starts_with('{')) {
            Some(t) => object(t, &["nanoseconds"])?[0],
            None => None,
        };
        // Read as `normalize` reads it: the same number from every form.
        let ns = nanos.and_then(|raw| match rawjson::plain_string(raw) {
            Some(text) => text.trim().parse::<i128>().ok(),
            None => serde_json::from_str::<Value>(raw)
                .ok()
                .and_then(|v| record::as_i128(&v)),
        });
        if let Some(secs) = ns.and_then(|ns| record::seconds_json(ns as f64 / 1e9)) {
            extra.push(key, secs);
        }
    }
    Some((extra, edits))
}

/// The raw values of an object's `wanted` members; `None` when a key comes twice (or is
/// spelled with escapes), which the parsed path decides.
fn object<'a, const N: usize>(text: &'a str, wanted: &[&str; N]) -> Option<[Option<&'a str>; N]> {
    scan::object_fields(text, wanted)
        .filter(|f| !f.doubtful)
        .map(|f| f.fields)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The text path over `body`, its sessions as strings.
    fn text_page(body: &[u8]) -> Result<Page<String>> {
        let page = super::text_page(&Bytes::copy_from_slice(body))?;
        Ok(Page::new(
            crate::record::props::strings(&page.records),
            page.next,
        ))
    }
    use crate::backends::qumulo::columns::{nanos, qualified_user};
    use crate::record::Cell;

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

    /// Found by `props::text_path_equals_parsed_path`: a `user` or `time_open` of another
    /// shape than documented failed `-o json` (the text path) while `-o table` listed the
    /// session; a padded nanosecond string got no `time_open_seconds` in the text path.
    #[test]
    fn text_path_takes_odd_shapes_as_the_parsed_path_does() {
        let body = br#"{"session_infos":[{"user":[null,"x",{}],"num_opens":1},
            {"time_open":"soon","time_idle":[{"nanoseconds":5}]},
            {"time_open":{"nanoseconds":" 2000000000 "}},{"user":{"uid":1,"uid":"2"}}]}"#;
        let parsed = parse_page(body).unwrap();
        let text = text_page(body).unwrap();
        assert_eq!(text.records.len(), 4);
        for (t, p) in text.records.iter().zip(&parsed.records) {
            assert_eq!(
                serde_json::from_str::<Value>(t).unwrap(),
                Value::Object(p.clone())
            );
        }
        assert_eq!(parsed.records[2]["time_open_seconds"], 2);
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

    pub(crate) mod props {
        use super::super::*;
        use super::text_page;
        use crate::record::props::{
            any_json, any_text, bool_quirk, check_pages, fail, int_quirk, put, same_json,
            unknown_fields,
        };
        use proptest::prelude::*;
        use serde_json::{json, Map};

        /// `{"nanoseconds": "3723000000000"}`, a number, or not that shape at all.
        fn nanos_quirk() -> impl Strategy<Value = Value> {
            prop_oneof![
                int_quirk().prop_map(|n| json!({"nanoseconds": n})),
                any_json(),
            ]
        }

        fn user() -> impl Strategy<Value = Value> {
            let domains = proptest::sample::select(vec![
                "LOCAL",
                "ACTIVE_DIRECTORY",
                "POSIX_USER",
                "WORLD",
                "",
            ]);
            prop_oneof![
                (domains, any_text(), proptest::option::of(int_quirk()), proptest::option::of(int_quirk()))
                    .prop_map(|(d, n, uid, gid)| json!({"domain": d, "name": n, "uid": uid, "gid": gid, "sid": "S-1-5-21-1"})),
                any_json(),
            ]
        }

        pub(crate) fn session() -> impl Strategy<Value = Value> {
            let ints = proptest::collection::vec(proptest::option::of(int_quirk()), 2);
            let nanos = proptest::collection::vec(proptest::option::of(nanos_quirk()), 2);
            let bools = proptest::collection::vec(proptest::option::of(bool_quirk()), 2);
            let rest = (proptest::option::of(user()), any_text(), unknown_fields());
            (ints, nanos, bools, rest).prop_map(|(ints, nanos, bools, (user, location, extra))| {
                let mut r = Map::new();
                r.insert("location".into(), Value::from(location));
                put(&mut r, &["tenant_id", "num_opens"], ints);
                put(&mut r, &["time_open", "time_idle"], nanos);
                put(&mut r, &["is_guest", "is_encrypted"], bools);
                put(&mut r, &["user"], vec![user]);
                r.extend(extra);
                Value::Object(r)
            })
        }

        /// Whatever shape each field takes, `-o json` (the text path) gives the JSON that
        /// `-o table` (parse and normalise) reads.
        #[test]
        fn text_path_equals_parsed_path() {
            let page =
                |sessions, next| json!({"session_infos": sessions, "paging": {"next": next}});
            check_pages(session(), page, |body| {
                let (parsed, text) = (
                    parse_page(body).map_err(fail)?,
                    text_page(body).map_err(fail)?,
                );
                prop_assert_eq!(&text.next, &parsed.next);
                same_json(&text.records, &parsed.records)
            });
        }
    }
}
