//! Decoding one page of a cursor-paged Opal list (`{next, previous, results}`).

use serde_json::Value;

use crate::error::{Error, Result};
use crate::paginate::Page;

/// `{next, previous, results}`; all nullable or optional in the spec.
pub fn parse_list(v: Value) -> Result<Page> {
    let Value::Object(mut obj) = v else {
        return Err(Error::server(
            "Opal answered with something other than a JSON object",
        ));
    };
    let records = match obj.remove("results") {
        // The spec lets `results` be null, but a list without its list is not an empty list.
        None | Some(Value::Null) => {
            return Err(Error::server(format!(
                "no session list: Opal's answer has no `results` (keys: {})",
                obj.keys().cloned().collect::<Vec<_>>().join(", ")
            )))
        }
        Some(Value::Array(items)) => items
            .into_iter()
            .map(|i| match i {
                Value::Object(r) => Ok(r),
                other => Err(Error::server(format!(
                    "Opal: a result is not an object: {other}"
                ))),
            })
            .collect::<Result<_>>()?,
        Some(_) => return Err(Error::server("Opal: `results` is not a list")),
    };
    let next = obj
        .get("next")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    Ok(Page { records, next })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::backends::opal::columns::{access_level, normalize, COLUMNS};
    use crate::record::Cell;
    use serde_json::json;

    /// Numbers past u64 keep every digit, in JSON and in table cells.
    #[test]
    fn huge_numbers_stay_exact() {
        let body =
            br#"{"next":null,"results":[{"connection_id":99999999999999999999999,"user_id":"u"}]}"#;
        let v: Value = serde_json::from_slice(body).unwrap();
        let page = parse_list(v).unwrap();
        let mut r = page.records[0].clone();
        normalize(&mut r);
        assert!(
            serde_json::to_string(&r)
                .unwrap()
                .contains(r#""connection_id":99999999999999999999999"#),
            "{r:?}"
        );
        assert_eq!(
            crate::record::int(&r, "connection_id").display(),
            "99999999999999999999999"
        );
    }

    /// The spec's own example: an invalid UUID and no access_level.
    #[test]
    fn the_specs_example_parses() {
        let page = parse_list(json!({
            "next": "cD0yMDIxLTAxLTA2KzAzJTNBMjQlM0E1My40MzQzMjYlMkIwMCUzQTAw",
            "previous": "cj1sZXdwd2VycWVtY29zZnNkc2NzUWxNMEUxTXk0ME16UXpNallsTWtJ",
            "results": [
                {"connection_id": "h0z968412-2451-4bbd-42h4-057l715d917m", "user_id": "29827fb8-f2dd-4e80-9576-28e31e9934ac",
                 "resource_id": "1b978423-db0a-4037-a4cf-f79c60cb67b3", "expiration_date": "2022-01-23T04:56:07.000Z"},
                {"connection_id": "6e6b5597-bd36-4f4c-a629-01e3fa791932", "user_id": "b031c922-b84f-4424-9f4f-c49c05871bfe",
                 "resource_id": "77eb1ab7-2c27-4fc4-afdb-137e1265cddd", "expiration_date": "2022-03-12T07:22:18.000Z", "brand_new": 1}
            ]
        }))
        .unwrap();
        assert_eq!(page.records.len(), 2);
        assert!(page.next.is_some());
        let mut r = page.records[0].clone();
        normalize(&mut r);
        assert_eq!(r["expiration_date_utc"], "2022-01-23T04:56:07+00:00");
        assert_eq!(
            (COLUMNS[0].get)(&r),
            Cell::Text("29827fb8-f2dd-4e80-9576-28e31e9934ac".into())
        );
        assert_eq!(access_level(&r), Cell::Text("(default)".into()));
        assert!(matches!((COLUMNS[3].get)(&r), Cell::Until(_)));
        assert_eq!(
            (COLUMNS[3].get)(&r).display().split(' ').next(),
            Some("expired")
        );
        assert_eq!(page.records[1]["brand_new"], 1);
        assert!(parse_list(json!({"next": null, "results": []}))
            .unwrap()
            .records
            .is_empty());
        for missing in [
            json!({"next": null, "previous": null}),
            json!({"next": null, "results": null}),
        ] {
            let e = parse_list(missing).unwrap_err();
            assert_eq!(e.exit_code(), 5);
            assert!(e.message().contains("no session list"), "{e}");
        }
    }

    pub(crate) mod props {
        use crate::record::props::{any_json, any_text, put, unknown_fields};
        use proptest::prelude::*;
        use serde_json::{json, Map, Value};

        /// A date-time as Opal writes it (nanoseconds, `Z`), another ISO form, or anything.
        fn expiration_date() -> impl Strategy<Value = Value> {
            prop_oneof![
                (0i64..4_000_000_000, 0u32..1_000_000_000).prop_map(|(s, ns)| {
                    let t = time::OffsetDateTime::from_unix_timestamp(s).unwrap();
                    let day = crate::record::iso_utc(t);
                    Value::from(format!("{}.{ns:09}Z", &day[..19]))
                }),
                any_text().prop_map(Value::from),
                any_json(),
            ]
        }

        /// A session of `GET /sessions` with the names the client adds from its lookups
        /// (`user_email`, `resource_name`, ...), each there or not.
        pub(crate) fn session() -> impl Strategy<Value = Value> {
            let texts = proptest::collection::vec(
                proptest::option::of(any_text().prop_map(Value::from)),
                7,
            );
            let level = proptest::option::of(prop_oneof![
                (any_text(), any_text()).prop_map(
                    |(n, r)| json!({"access_level_name": n, "access_level_remote_id": r})
                ),
                Just(json!({"access_level_name": "", "access_level_remote_id": ""})),
                any_json(),
            ]);
            let rest = (proptest::option::of(expiration_date()), unknown_fields());
            (texts, level, rest).prop_map(|(texts, level, (expires, extra))| {
                let mut r = Map::new();
                let keys = [
                    "connection_id",
                    "user_id",
                    "resource_id",
                    "user_email",
                    "user_full_name",
                    "resource_name",
                    "resource_type",
                ];
                put(&mut r, &keys, texts);
                put(
                    &mut r,
                    &["access_level", "expiration_date"],
                    vec![level, expires],
                );
                r.extend(extra);
                Value::Object(r)
            })
        }
    }
}
