//! Tests of the one-pass page scanner.
use super::*;

/// A record as found: its text, fields `a` and `b`, and whether it is doubtful.
type Seen = (String, [Option<String>; 2], bool);

fn page(body: &str) -> (Vec<Seen>, Scan<Vec<String>>) {
    let mut got = Vec::new();
    let r = scan_page(body.as_bytes(), "records", &["a", "b"], |f| {
        got.push((
            f.text.to_string(),
            f.fields.map(|v| v.map(str::to_string)),
            f.doubtful,
        ));
        Ok(())
    });
    let others = r.map(|p| {
        assert!(p.has_list && p.list_is_array);
        p.others.iter().map(|(k, v)| format!("{k}={v}")).collect()
    });
    (got, others)
}

#[test]
fn finds_records_and_fields_in_one_pass() {
    let (got, others) = page(
        r#" {"x":[1,{"y":null}], "records" : [ {"a":1,"c":{"a":2},"b":"t\"w\\o"} ,{},{"b" :[]}],"n":-1.5e3,"_links":{"next":{"href":"/n"}}} "#,
    );
    assert_eq!(
        others.unwrap(),
        [
            "x=[1,{\"y\":null}]",
            "n=-1.5e3",
            "_links={\"next\":{\"href\":\"/n\"}}"
        ]
    );
    assert_eq!(got.len(), 3);
    assert_eq!(got[0].0, r#"{"a":1,"c":{"a":2},"b":"t\"w\\o"}"#);
    assert_eq!(
        got[0].1,
        [Some("1".to_string()), Some(r#""t\"w\\o""#.to_string())]
    );
    assert_eq!(got[1].1, [None, None]);
    assert_eq!(got[2].1, [None, Some("[]".to_string())]);
    assert!(got.iter().all(|g| !g.2));
}

#[test]
fn doubtful_records() {
    let (got, _) = page(r#"{"records":[{"a":1,"a":"1"},{"\u0061":"1"},7]}"#);
    assert!(got.iter().all(|g| g.2), "{got:?}");
}

/// What serde_json refuses, the scanner refuses; what it takes, the scanner takes.
#[test]
fn accepts_what_serde_json_accepts() {
    let cases = [
        r#"{"records":[]}"#,
        r#"{"records":[{"a":"\u00e9\ud83d\ude00","b":0.5}]}"#,
        r#"{"records":[{"a":-0,"b":1E+2,"c":true,"d":false,"e":null}]}"#,
        r#"{"records":[{"a":1,}]}"#,
        r#"{"records":[{"a":1}],}"#,
        r#"{"records":[{"a":01}]}"#,
        r#"{"records":[{"a":1.}]}"#,
        r#"{"records":[{"a":.5}]}"#,
        r#"{"records":[{"a":"x"y}]}"#,
        "{\"records\":[{\"a\":\"tab\tinside\"}]}",
        r#"{"records":[{"a":"\x"}]}"#,
        r#"{"records":[{"a":"\u12"}]}"#,
        r#"{"records":[{"a":tru}]}"#,
        r#"{"records":[{"a":1}]} x"#,
        r#"{"records":[{"a":1}]"#,
        r#"{"records":[{"a" 1}]}"#,
        r#"{"records":[{1:1}]}"#,
        r#"{"records":[{"a":[1 2]}]}"#,
        r#"{"records":[{"a":1}]}{}"#,
        r#"[1,2]"#,
        "",
    ];
    for case in cases {
        let serde = serde_json::from_str::<serde_json::Value>(case).is_ok();
        let ours = scan_page(case.as_bytes(), "records", &["a"], |_| Ok(())).is_ok();
        assert_eq!(ours, serde, "{case}");
    }
    assert!(scan_page(b"{\"records\":[\"\xff\"]}", "records", &[], |_| Ok(())).is_err());
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert!(scan_page(deep.as_bytes(), "records", &[], |_| Ok(())).is_err());
}

#[test]
fn a_list_twice_is_refused_unless_the_first_was_not_a_list() {
    let twice = scan_page(br#"{"records":[1],"records":[2]}"#, "records", &[], |_| {
        Ok(())
    });
    assert_eq!(
        twice.err().map(|e| e.what),
        Some("the session list comes twice")
    );
    let mut n = 0;
    let p = scan_page(
        br#"{"records":null,"records":[{}]}"#,
        "records",
        &[],
        |_| {
            n += 1;
            Ok(())
        },
    )
    .unwrap();
    assert!(p.has_list && p.list_is_array && n == 1);
}

#[test]
fn a_list_that_is_not_there() {
    for (body, has, array) in [
        (r#"{"n":1}"#, false, false),
        (r#"{"records":null}"#, false, false),
        (r#"{"records":{}}"#, true, false),
        (r#"{"records":[]}"#, true, true),
    ] {
        let p = scan_page(body.as_bytes(), "records", &[], |_| Ok(())).unwrap();
        assert_eq!((p.has_list, p.list_is_array), (has, array), "{body}");
    }
}

/// The scanner refuses exactly the nesting serde_json refuses, inside a record as at the top:
/// so `record::text::Page::scanned` need not count brackets again.
#[test]
fn nesting_inside_a_record_is_refused_where_serde_json_refuses_it() {
    for levels in [1, 100, 123, 124, 125, 126, 127, 128, 200] {
        let record = format!(
            "{{\"x\":{}1{}}}",
            "[".repeat(levels - 1),
            "]".repeat(levels - 1)
        );
        let page = format!("{{\"records\":[{record}]}}");
        let serde = serde_json::from_str::<serde_json::Value>(&page).is_ok();
        let ours = scan_page(page.as_bytes(), "records", &["x"], |_| Ok(())).is_ok();
        assert_eq!(ours, serde, "{levels} levels");
        if ours {
            assert!(
                crate::record::rawjson::check_depth(&record).is_ok(),
                "{levels}"
            );
        }
    }
}

#[test]
fn knows_whether_a_record_spans_lines() {
    let mut one_line = Vec::new();
    let body =
        "{\"records\":[{\"a\":1},\n{\"a\":\n2},\r\n{\"a\":[3,\r4]}, {\"a\" : \"x\\ny\"}\n]\n}";
    scan_page(body.as_bytes(), "records", &["a"], |f| {
        one_line.push(f.one_line);
        Ok(())
    })
    .unwrap();
    assert_eq!(one_line, [true, false, false, true]);
}
