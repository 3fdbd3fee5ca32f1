//! Properties of cells and columns over generated values: the human forms read back, numbers
//! stay exact, column lookup is case- and space-blind, and `--sort`'s order is total. Also
//! the generators of vendor-shaped JSON quirks that each backend's page tests use.

use std::cmp::Ordering;

use proptest::prelude::*;
use serde_json::{Map, Value};
use time::OffsetDateTime;

use super::value::whole_seconds;
use super::*;

/// Text as servers send it: any Unicode, with control characters, quotes and backslashes.
pub(crate) fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\x00-\\x1f\\x7f\"\\\\/é☃\u{1F600}a-z ]{0,8}",
    ]
}

/// Any JSON value, nested a few levels.
pub(crate) fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((any_text(), inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// A documented integer as vendors send it: a number, a decimal string (padded, signed,
/// past 64 bits), or something else entirely.
pub(crate) fn int_quirk() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(|n| Value::from(n.to_string())),
        (any::<i128>(), " {0,1}", " {0,1}").prop_map(|(n, a, b)| Value::from(format!("{a}{n}{b}"))),
        any::<f64>().prop_map(Value::from),
        any_json(),
    ]
}

/// A documented boolean as vendors send it: `true`, `1`, `""`, `"true"`, `"no"`, ...
pub(crate) fn bool_quirk() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<bool>().prop_map(Value::Bool),
        (0i64..3).prop_map(Value::from),
        proptest::sample::select(vec!["", "true", "false", "1", "0", "yes", "No", " TRUE "])
            .prop_map(Value::from),
        any_json(),
    ]
}

/// Unknown fields a newer server may add, of any shape.
pub(crate) fn unknown_fields() -> impl Strategy<Value = Map<String, Value>> {
    proptest::collection::vec(("[a-z_]{1,8}", any_json()), 0..3)
        .prop_map(|kv| kv.into_iter().map(|(k, v)| (format!("x_{k}"), v)).collect())
}

/// Records as a server writes them: compact, or pretty-printed over several lines.
pub(crate) fn to_text(v: &Value, pretty: bool) -> String {
    if pretty {
        serde_json::to_string_pretty(v).unwrap()
    } else {
        v.to_string()
    }
}

/// Each value given under its key, in order; `None` leaves the key out.
pub(crate) fn put(r: &mut Map<String, Value>, keys: &[&str], values: Vec<Option<Value>>) {
    for (k, v) in keys.iter().zip(values) {
        if let Some(v) = v {
            r.insert(k.to_string(), v);
        }
    }
}

/// An error as a failed case.
pub(crate) fn fail(e: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(e.to_string())
}

/// Sessions of the text path as strings.
pub(crate) fn strings(texts: &[crate::record::text::Text]) -> Vec<String> {
    let string = |t: &crate::record::text::Text| String::from_utf8(t.joined().into_owned());
    texts
        .iter()
        .map(|t| string(t).expect("a session's text is UTF-8"))
        .collect()
}

/// The text path's sessions are single lines of the same JSON as the parsed path's records,
/// byte for byte: the generated pages are written by serde_json, so a session kept as sent
/// (its strings escaped, its numbers spelled as serde_json writes them) is already written
/// as the parsed path writes it, and a coerced value must be too.
pub(crate) fn same_json(texts: &[String], parsed: &[Record]) -> Result<(), TestCaseError> {
    prop_assert_eq!(texts.len(), parsed.len());
    for (t, p) in texts.iter().zip(parsed) {
        prop_assert!(!t.contains('\n'), "one line: {}", t);
        let value: Value = serde_json::from_str(t).map_err(|e| fail(format!("{e}: {t}")))?;
        prop_assert_eq!(value, Value::Object(p.clone()));
        prop_assert_eq!(t, &serde_json::to_string(p).map_err(fail)?);
    }
    Ok(())
}

/// Checks `same` on pages of up to three generated sessions that `page` wraps (with a generated
/// next link), written compact or pretty-printed: 128 cases.
pub(crate) fn check_pages(
    session: impl Strategy<Value = Value>,
    page: impl Fn(Vec<Value>, Option<String>) -> Value,
    same: impl Fn(&[u8]) -> Result<(), TestCaseError>,
) {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(128));
    let cases = (
        proptest::collection::vec(session, 0..4),
        proptest::option::of(any_text()),
        any::<bool>(),
    );
    let run = runner.run(&cases, |(sessions, next, pretty)| {
        same(to_text(&page(sessions, next), pretty).as_bytes())
    });
    if let Err(e) = run {
        panic!("{e}");
    }
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        Just(Cell::Null),
        any::<i128>().prop_map(Cell::Int),
        (-1000i128..1000).prop_map(Cell::Int),
        any::<f64>().prop_map(Cell::Float),
        (-1000i32..1000).prop_map(|f| Cell::Float(f64::from(f) / 4.0)),
        (0u32..10_000_000).prop_map(|s| Cell::Duration(f64::from(s) / 8.0)),
        any::<bool>().prop_map(Cell::Bool),
        // Text that looks like a number, and text that does not.
        "-?[0-9]{1,4}(\\.[0-9])?".prop_map(Cell::Text),
        "[a-zA-Z0-9 ]{0,4}".prop_map(Cell::Text),
        proptest::collection::vec("[a-c0-9]{0,2}", 0..3).prop_map(Cell::List),
        (0i64..2_000_000_000)
            .prop_map(|s| Cell::Time(OffsetDateTime::from_unix_timestamp(s).unwrap())),
    ]
}

#[rustfmt::skip]
static COLS: &[Column] = &[
    Column { name: "user", header: "USER", about: "", default: true, fit: Fit::Text(1), get: |r| text(r, "user"), json: Json::Field },
    Column { name: "time_idle", header: "IDLE", about: "", default: true, fit: Fit::Whole(1), get: |r| int(r, "t"), json: Json::Field },
    Column { name: "user.sid", header: "SID", about: "", default: false, fit: Fit::Whole(1), get: |r| text(r, "s"), json: Json::Field },
    Column { name: "node.uuid", header: "NODE", about: "", default: false, fit: Fit::Whole(1), get: |r| text(r, "n"), json: Json::Field },
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A table's `1h 2m 3s` is a duration humantime (so `--expiring-within`) reads back, in
    /// whole seconds as the `*_seconds` columns print them.
    #[test]
    fn human_durations_read_back(secs in prop_oneof![0.0f64..2.0, 0.0005f64..1e11]) {
        let shown = human_duration(secs);
        let back = crate::args::parse_duration(&shown).map_err(TestCaseError::fail)?;
        prop_assert_eq!(back.as_secs(), secs.round() as u64, "{}", shown);
        prop_assert_eq!(back.subsec_nanos(), 0);
    }

    #[test]
    fn human_durations_of_any_float_never_panic(secs in any::<f64>()) {
        let shown = human_duration(secs);
        prop_assert_eq!(shown == "-", !secs.is_finite() || secs < 0.0, "{}", shown);
    }

    /// A duration cell is whole seconds in every machine form: the same integer as text and
    /// as JSON.
    #[test]
    fn duration_cells_are_whole_seconds(secs in prop_oneof![any::<f64>(), -10.0f64..1e7]) {
        let (raw, json) = (Cell::Duration(secs).raw(), Cell::Duration(secs).to_json());
        prop_assert_eq!(raw.clone(), plain_text(&json));
        match whole_seconds(secs) {
            Some(n) => prop_assert_eq!(json, Value::from(n)),
            None => prop_assert!(json.is_null() && raw.is_empty(), "{}", raw),
        }
    }

    /// Integers of any size keep every digit in JSON (as numbers while they fit 64 bits).
    #[test]
    fn ints_stay_exact_in_json(n in any::<i128>()) {
        let json = Cell::Int(n).to_json();
        let fits = u64::try_from(n).is_ok() || i64::try_from(n).is_ok();
        prop_assert_eq!(json.is_number(), fits);
        prop_assert_eq!(value_text(&json), n.to_string());
    }

    /// `--columns` and `--sort` names match whatever their case and surrounding spaces.
    #[test]
    fn column_lookup_ignores_case_and_spaces(
        picks in proptest::collection::vec((0..COLS.len(), any::<u64>(), " {0,2}", " {0,2}"), 1..6),
    ) {
        let names: Vec<String> = picks
            .iter()
            .map(|(i, case, pre, post)| {
                let cased: String = COLS[*i]
                    .name
                    .chars()
                    .enumerate()
                    .map(|(k, c)| if case >> (k % 64) & 1 == 1 { c.to_ascii_uppercase() } else { c })
                    .collect();
                format!("{pre}{cased}{post}")
            })
            .collect();
        let got = select_columns(COLS, &names).map_err(TestCaseError::fail)?;
        let want: Vec<&str> = picks.iter().map(|(i, ..)| COLS[*i].name).collect();
        prop_assert_eq!(got.iter().map(|c| c.name).collect::<Vec<_>>(), want);
    }

    #[test]
    fn unknown_columns_are_named_with_the_choices(name in "[a-z_.]{1,12}") {
        prop_assume!(!COLS.iter().any(|c| c.name == name));
        let err = select_columns(COLS, &["user".to_string(), name.clone()]).unwrap_err();
        prop_assert!(err.contains(&format!("'{name}'")), "{}", err);
        prop_assert!(COLS.iter().all(|c| err.contains(c.name)), "{}", err);
    }

    /// `--sort` sorts whatever a server sends (numbers, numeric text, words, nulls, mixed in
    /// one column): the order is total, so sorting cannot panic and ties are consistent.
    #[test]
    fn sort_order_is_total(cells in proptest::collection::vec(cell(), 3..40)) {
        for a in &cells {
            prop_assert_eq!(a.compare(a), Ordering::Equal, "{:?}", a);
            for b in &cells {
                prop_assert_eq!(a.compare(b), b.compare(a).reverse(), "{:?} {:?}", a, b);
                for c in &cells {
                    if a.compare(b) != Ordering::Greater && b.compare(c) != Ordering::Greater {
                        prop_assert_ne!(a.compare(c), Ordering::Greater, "{:?} {:?} {:?}", a, b, c);
                    }
                }
            }
        }
        let mut sorted = cells.clone();
        sorted.sort_by(Cell::compare);
        prop_assert!(sorted.windows(2).all(|w| w[0].compare(&w[1]) != Ordering::Greater));
    }
}
