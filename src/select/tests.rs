use serde_json::json;

use super::*;
use crate::error::ErrorKind;
use crate::record::{self, Cell, Fit, Json};

fn rec(v: serde_json::Value) -> Record {
    v.as_object().unwrap().clone()
}

#[rustfmt::skip]
static OWN: &[Column] = &[
    Column { name: "shares", header: "", about: "", default: true, fit: Fit::Key, get: |r| record::list(r, "shares"), json: Json::Field },
    Column { name: "opens", header: "", about: "", default: true, fit: Fit::Key, get: |r| record::int(r, "opens"), json: Json::Field },
    Column { name: "guest", header: "", about: "", default: true, fit: Fit::Key, get: |r| record::boolean(r, "guest"), json: Json::Field },
];

fn common(user: &str, client: &str, idle: u64) -> Record {
    rec(json!({
        "backend": "b1", "profile": "p", "key": "k1", "user": user, "client": client,
        "server": null, "protocol": "smb3", "started": "2026-01-02T03:04:05+00:00",
        "age_seconds": 90000, "idle_seconds": idle, "encrypted": true, "detail": null,
        "raw": {"shares": ["home", "data"], "opens": 3, "guest": false},
    }))
}

fn selects(selector: &str, r: &Record) -> bool {
    parse(selector).unwrap().matches_common(r, OWN)
}

#[test]
fn terms_and_operators_parse() {
    let s = parse(" user = alice , idle>=1h,client!~'10.*', opens<3 ").unwrap();
    let shown: Vec<String> = s.terms().iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["user=alice", "idle>=1h", "client!~10.*", "opens<3"]);
    assert_eq!(s.terms()[1].value.seconds, Some(3600.0));
    assert_eq!(s.terms()[1].offset, 16);
    let all = parse_all(&["user=a".into(), "idle>7d".into()])
        .unwrap()
        .unwrap();
    assert_eq!(all.to_string(), "user=a,idle>7d");
    assert_eq!(parse_all(&[]).unwrap(), None);
}

#[test]
fn quotes_work_as_in_the_shell() {
    let s = parse(r#"detail='a,b=c',user="x\"y",share=a\,b,user='it'\''s'"#).unwrap();
    let values: Vec<&str> = s.terms().iter().map(|t| t.value.text.as_str()).collect();
    assert_eq!(values, ["a,b=c", "x\"y", "a,b", "it's"]);
    let again = parse(&s.to_string()).unwrap();
    assert_eq!(again.terms().len(), 4);
    assert_eq!(parse(r#"user="""#).unwrap().terms()[0].value.text, "");
}

#[test]
fn errors_name_the_offset_and_what_was_expected() {
    let cases = [
        ("idle>", "at offset 5: expected a value"),
        ("=x", "at offset 0: expected a field name"),
        ("user alice", "at offset 5: expected an operator"),
        (
            "user=a=b",
            "at offset 6: expected ',' or the end (found '='",
        ),
        ("idle>soon", "at offset 5: expected a number, a duration"),
        ("user='open", "at offset 5: expected a closing '"),
        ("user=a,", "at offset 7: expected a field name"),
        ("user=a b c,x", "at offset 12: expected an operator"),
        (
            "client=10.0.0.0/33",
            "at offset 7: expected a network, ADDRESS/BITS",
        ),
        ("client!=fd00::/129", "at offset 8: expected a network"),
    ];
    for (text, want) in cases {
        let e = parse(text).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Usage, "{text}");
        assert!(e.message().contains(want), "{text}: {}", e.message());
    }
}

#[test]
fn text_glob_and_missing_values() {
    let r = common("DOM\\alice", "10.1.2.3", 30);
    assert!(selects("user=DOM\\\\alice", &r));
    assert!(selects("user~*alice", &r));
    assert!(!selects("user~*ALICE", &r), "case matters");
    assert!(selects("user!~bob*", &r));
    assert!(selects("protocol=smb3,backend=b1,profile=p", &r));
    // A missing value satisfies nothing, `!=` included.
    assert!(!selects("server=x", &r) && !selects("server!=x", &r) && !selects("detail~*", &r));
}

#[test]
fn numbers_durations_and_times() {
    let r = common("a", "10.1.2.3", 7200);
    assert!(selects("idle>1h", &r) && selects("idle>=2h", &r) && selects("idle<=7200", &r));
    assert!(!selects("idle>2h", &r) && selects("idle=7200", &r) && selects("idle_seconds=2h", &r));
    assert!(selects("age>=1d,age<1d2h", &r));
    assert!(selects("opens=3,opens>2.5,opens!=4", &r));
    assert!(selects(
        "started>2026-01-02,started<2026-01-02T04:00:00Z",
        &r
    ));
    assert!(!selects("started<2026-01-01", &r));
    assert!(selects("encrypted=true,guest=false,guest!=true", &r));
    let soon = time::OffsetDateTime::now_utc() + time::Duration::minutes(30);
    let until = Cell::Until(soon);
    let t = |s: &str| parse(s).unwrap().terms()[0].clone();
    assert!(t("expires<1h").test(&until) && t("expires>=29m").test(&until));
    assert!(!t("expires<20m").test(&until) && t("expires>2026-01-01").test(&until));
    assert!(!selects("encrypted=false", &r));
}

#[test]
fn addresses_match_networks_v4_and_v6() {
    let v4 = common("a", "10.1.2.3", 1);
    assert!(selects("client=10.0.0.0/8", &v4) && selects("client=10.1.2.3/32", &v4));
    assert!(!selects("client=10.1.3.0/24", &v4) && selects("client!=192.168.0.0/16", &v4));
    assert!(selects("client=0.0.0.0/0", &v4));
    let with_port = common("a", "10.1.2.3:445", 1);
    assert!(selects("client=10.1.0.0/16", &with_port));
    let v6 = common("a", "fd00::1:2", 1);
    assert!(selects("client=fd00::/8", &v6) && selects("client=FD00:0::1:2", &v6));
    assert!(!selects("client=fe80::/10", &v6) && !selects("client=10.0.0.0/8", &v6));
    let mapped = common("a", "::ffff:10.1.2.3", 1);
    assert!(selects("client=10.0.0.0/8", &mapped));
    let bracketed = common("a", "[fd00::1]:445", 1);
    assert!(selects("client=fd00::/16", &bracketed));
}

#[test]
fn lists_match_any_item() {
    let r = common("a", "h", 1);
    assert!(selects("shares=data", &r) && selects("shares~ho*", &r));
    assert!(!selects("shares=nope", &r) && selects("shares!=nope", &r));
    assert!(!selects("shares!=home", &r));
}

#[test]
fn globs() {
    for (p, t, want) in [
        ("*", "", true),
        ("a*c", "abbbc", true),
        ("a?c", "abc", true),
        ("a?c", "ac", false),
        ("*x*y", "axbxy", true),
        ("*.local", "h.local.x", false),
    ] {
        assert_eq!(glob(p, t), want, "{p} {t}");
    }
}

#[test]
fn unknown_fields_are_refused_with_the_fields_there_are() {
    let s = parse("user=a,nosuch=1").unwrap();
    let e = s.check(&[OWN]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Usage);
    assert!(e.message().contains("(at offset 7): no field 'nosuch'"));
    assert!(e.message().contains("idle") && e.message().contains("shares"));
    assert!(parse("opens>1,idle>1").unwrap().check(&[OWN]).is_ok());
    assert!(parse("opens>1").unwrap().check(&[]).is_err());
}

#[test]
fn a_vendor_record_makes_its_common_record_once_and_only_when_needed() {
    let vendor = rec(json!({"shares": ["x"], "opens": 1, "guest": true}));
    let made = std::cell::Cell::new(0);
    let make = || {
        made.set(made.get() + 1);
        common("bob", "10.0.0.1", 5)
    };
    let s = parse("guest=true,opens=1").unwrap();
    assert!(s.matches(OWN, &vendor, make));
    assert_eq!(made.get(), 0);
    let s = parse("user=bob,idle<1m,guest=true").unwrap();
    assert!(s.matches(OWN, &vendor, make));
    assert_eq!(made.get(), 1);
    assert_eq!(Cell::Null, fields::own_cell(OWN, "none", &vendor));
}

#[test]
fn push_forms_leave_no_session_out() {
    let term = |s: &str| parse(s).unwrap().terms()[0].clone();
    // Bounds in whole seconds, widened: the client compares rounded seconds.
    assert_eq!(push::seconds_bound(&term("idle>1h")), Some((Op::Ge, 3599)));
    assert_eq!(push::seconds_bound(&term("idle>=0.4")), Some((Op::Ge, 0)));
    assert_eq!(push::seconds_bound(&term("idle<90.2")), Some((Op::Le, 92)));
    assert_eq!(push::seconds_bound(&term("idle=1h")), None);
    assert_eq!(push::equal_ipv4(&term("client=10.1.2.3")), Some("10.1.2.3"));
    assert_eq!(push::equal_ipv4(&term("client=10.1.2.3/32")), None);
    assert_eq!(push::equal_ipv4(&term("client=fd00::1")), None);
    assert_eq!(push::equal_text(&term("user=bob")), Some("bob"));
    assert_eq!(
        push::equal_text(&term("user=12")),
        None,
        "numbers compare as numbers"
    );
    assert_eq!(push::equal_text(&term("user!=bob")), None);
    assert_eq!(push::number(&term("opens>=2.5")), Some((Op::Ge, "2.5")));
    assert_eq!(push::number(&term("opens=2.5")), None);
    assert_eq!(push::star_glob(&term("user~a*")), Some("a*"));
    assert_eq!(push::star_glob(&term("user~a?")), None);
    assert_eq!(push::equal_bool(&term("guest=true")), Some(true));
}
