//! Decoding one page of `GET /api/protocols/cifs/sessions`: as records or as finished JSON
//! text. See docs/vendors/ontap.md.

use bytes::Bytes;
use serde_json::Value;

use super::columns::{duration_seconds, normalize, TYPED};
use crate::error::{Error, Result};
use crate::paginate::Page;
use crate::record::text::Text;
use crate::record::{self, duration, rawjson, scan, tail, text};
use crate::transport::http;

pub(crate) fn invalid_json(e: impl rawjson::Complaint, body: &[u8]) -> Error {
    Error::server(format!(
        "invalid JSON from ONTAP: {} (body: {})",
        e.complaint(body),
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
        // ONTAP leaves `records` out only under `return_records=false`, which is never sent:
        // a page without it is not an empty page.
        None | Some(Value::Null) => return Err(no_records(&obj)),
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

fn no_records(obj: &serde_json::Map<String, Value>) -> Error {
    Error::server(format!(
        "no session list: the page has no `records` (keys: {})",
        obj.keys().cloned().collect::<Vec<_>>().join(", ")
    ))
}

/// `""` (quirks) and a missing link both end the collection.
fn next_link(href: Option<&str>) -> Option<String> {
    href.filter(|h| !h.is_empty()).map(str::to_string)
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

/// `_links.next.href` from the raw text of `_links`.
fn href_of(links: &str) -> Result<Option<String>> {
    let links: Option<RawLinks> = serde_json::from_str(links)
        .map_err(|e| Error::server(format!("ONTAP's `_links` is not what its docs say: {e}")))?;
    Ok(next_link(
        links.and_then(|l| l.next).map(|n| n.href).as_deref(),
    ))
}

/// The next link, read from the end of the body, where ONTAP puts `_links` (after the
/// records): the pagination loop requests that page before this one is decoded.
pub(crate) fn next_hint(body: &[u8]) -> Option<String> {
    href_of(tail::tail_member(body, "_links")?).ok().flatten()
}

/// One page as finished single-line JSON records, the same JSON `parse_page` + `normalize`
/// give, for `-o json`/`ndjson` (see `rawjson`). One pass finds each record and the fields
/// whose type may need fixing (see `record::scan`).
pub fn text_page(body: &Bytes) -> Result<Page<Text>> {
    let invalid = |e| invalid_json(e, body);
    let mut texts = text::Page::new(body);
    let page = scan::records(body, ("records", "_links"), &TYPED, invalid, |found| {
        text_record(&mut texts, found)
    })?;
    let next = page.links.map(href_of).transpose()?.flatten();
    Ok(Page::new(texts.finish(page.records), next))
}

fn text_record(texts: &mut text::Page<'_>, found: &scan::Found<'_, 10>) -> Result<text::Pending> {
    let [identifier, connection_id, connection_count, open_files, open_other, open_shares, large_mtu, smb_signing, idle, connected] =
        found.fields;
    let ints = [
        identifier,
        connection_id,
        connection_count,
        open_files,
        open_other,
        open_shares,
    ];
    // The values `normalize` would change, and what it would write there; a record with a
    // key twice (or spelled with escapes) is left to the parsed path.
    let mut edits: Vec<rawjson::Edit<'_>> = Vec::new();
    if !found.doubtful {
        // Loops, not `extend`: the closures of `filter_map` were not inlined (2 % of a run).
        for raw in ints {
            if let Some(edit) = rawjson::int_edit(raw) {
                edits.push(edit);
            }
        }
        for raw in [large_mtu, smb_signing] {
            if let Some(edit) = rawjson::bool_edit(raw) {
                edits.push(edit);
            }
        }
    }
    let mut extra = text::Added::default();
    for (key, dur) in [
        ("idle_duration_seconds", idle),
        ("connected_duration_seconds", connected),
    ] {
        // Read as `normalize` reads it: ISO-8601 text (borrowed, as sent), or a bare number.
        let secs = match dur.map(|d| (d, rawjson::plain_string(d))) {
            Some((_, Some(text))) => duration::parse_iso8601(&text),
            Some((d, None)) => serde_json::from_str::<Value>(d)
                .ok()
                .as_ref()
                .and_then(duration_seconds),
            None => None,
        };
        if let Some(secs) = secs.and_then(record::seconds_json) {
            extra.push(key, secs);
        }
    }
    let edits = (!found.doubtful).then_some(&mut edits[..]);
    texts.scanned(found.text, found.one_line, edits, extra.fields(), normalize)
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

    /// Found by `props::text_path_equals_parsed_path`: a duration sent as a bare number of
    /// seconds got `idle_duration_seconds` in `-o table`'s path and not in `-o json`'s.
    #[test]
    fn numeric_durations_read_the_same_in_both_paths() {
        let body = br#"{"records":[{"identifier":1,"idle_duration":0,"connected_duration":90.5}]}"#;
        let parsed = parse_page(body).unwrap();
        let text = text_page(body).unwrap();
        assert_eq!(parsed.records[0]["idle_duration_seconds"], 0);
        // Whole seconds, rounded half away from zero.
        assert_eq!(parsed.records[0]["connected_duration_seconds"], 91);
        assert_eq!(
            serde_json::from_str::<Value>(&text.records[0]).unwrap(),
            Value::Object(parsed.records[0].clone())
        );
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

    pub(crate) mod props {
        use super::super::super::columns::INT_KEYS;
        use super::super::*;
        use super::text_page;
        use crate::record::props::{
            any_json, any_text, bool_quirk, check_pages, fail, int_quirk, put, same_json,
            unknown_fields,
        };
        use proptest::prelude::*;
        use serde_json::{json, Map};

        /// An ISO-8601 duration as ONTAP writes it, unnormalised, or something else.
        fn duration_quirk() -> impl Strategy<Value = Value> {
            prop_oneof![
                (0u32..1000, 0u32..200, 0u32..100, 0u32..100)
                    .prop_map(|(d, h, m, s)| { Value::from(format!("P{d}DT{h}H{m}M{s}S")) }),
                (0u32..100, 0u32..1000).prop_map(|(s, ms)| Value::from(format!(" PT{s},{ms}S "))),
                any::<u32>().prop_map(Value::from),
                any_text().prop_map(Value::from),
                any_json(),
            ]
        }

        pub(crate) fn session() -> impl Strategy<Value = Value> {
            let ints = proptest::collection::vec(proptest::option::of(int_quirk()), 6);
            let bools = proptest::collection::vec(proptest::option::of(bool_quirk()), 2);
            let durs = proptest::collection::vec(proptest::option::of(duration_quirk()), 2);
            let volumes = proptest::option::of(prop_oneof![
                proptest::collection::vec(any_text(), 0..3).prop_map(|names| {
                    let vol = |n| json!({"name": n, "uuid": "v"});
                    Value::Array(names.into_iter().map(vol).collect())
                }),
                any_json(),
            ]);
            let names = (any_text(), volumes, unknown_fields());
            (ints, bools, durs, names).prop_map(|(ints, bools, durs, (user, volumes, extra))| {
                let mut r = Map::new();
                r.insert("node".into(), json!({"name": user, "uuid": "u"}));
                r.insert("svm".into(), json!({"name": "vs1", "uuid": "s"}));
                put(&mut r, &["volumes"], vec![volumes]);
                put(&mut r, &INT_KEYS, ints);
                put(&mut r, &["large_mtu", "smb_signing"], bools);
                put(&mut r, &["idle_duration", "connected_duration"], durs);
                r.insert("user".into(), Value::from(user));
                r.extend(extra);
                Value::Object(r)
            })
        }

        /// `-o json` (the text path) and `-o table` (parse and normalise) read the same
        /// sessions out of every generated page.
        #[test]
        fn text_path_equals_parsed_path() {
            let page = |sessions: Vec<Value>, href: Option<String>| {
                let mut page = json!({"records": sessions, "num_records": sessions.len()});
                if let Some(href) = href {
                    page["_links"] = json!({"next": {"href": href}});
                }
                page
            };
            check_pages(session(), page, |body| {
                let parsed = parse_page(body).map_err(fail)?;
                let text = text_page(body).map_err(fail)?;
                prop_assert_eq!(&text.next, &parsed.next);
                same_json(&text.records, &parsed.records)
            });
        }
    }
}
