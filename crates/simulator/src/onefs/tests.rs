//! The OneFS API through its handler: paging with `resume`, closing, versions; and the
//! helpers `login_tests.rs` shares.

use std::sync::Arc;

use hyper::header::{HeaderName, HeaderValue};
use hyper::{HeaderMap, Method};
use serde_json::{json, Value};

use super::data::Session;
use super::flags::OneFsVersion;
use super::sim::OneFsSim;
use super::{lock, make};
use crate::faults::Faults;
use crate::options::SimOptions;
use crate::server::{SimRequest, SimResponse, VendorApi};

pub(super) const HOST: &str = "127.0.0.1:8080";

pub(super) fn sim(version: OneFsVersion, sessions: usize) -> (OneFsSim, String) {
    let mut opts = SimOptions {
        sessions,
        ..SimOptions::demo()
    };
    opts.vendors.onefs.onefs_version = version;
    make(&opts, Arc::new(Faults::default()))
}

pub(super) fn request(
    method: Method,
    target: &str,
    headers: &[(&str, String)],
    body: &str,
) -> SimRequest {
    let (raw_path, raw_query) = target.split_once('?').unwrap_or((target, ""));
    let mut map = HeaderMap::new();
    map.insert("host", HeaderValue::from_static(HOST));
    for (k, v) in headers {
        map.append(
            HeaderName::from_bytes(k.as_bytes()).unwrap(),
            HeaderValue::from_str(v).unwrap(),
        );
    }
    SimRequest {
        peer: "127.0.0.1:50000".parse().unwrap(),
        client_cert: None,
        method,
        path: percent_encoding::percent_decode_str(raw_path)
            .decode_utf8_lossy()
            .into_owned(),
        raw_path: raw_path.to_string(),
        query: url::form_urlencoded::parse(raw_query.as_bytes())
            .into_owned()
            .collect(),
        raw_query: raw_query.to_string(),
        headers: map,
        body: body.to_string().into(),
    }
}

pub(super) fn basic(password: &str) -> Vec<(&'static str, String)> {
    let text = format!("root:{password}");
    vec![(
        "authorization",
        format!("Basic {}", base64(text.as_bytes())),
    )]
}

/// Base64 for the tests' Basic headers (the crate itself only decodes it).
fn base64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub(super) fn get(s: &OneFsSim, target: &str, headers: &[(&str, String)]) -> SimResponse {
    s.handle(&request(Method::GET, target, headers, ""))
}

pub(super) fn body(r: &SimResponse) -> Value {
    serde_json::from_slice(&r.body).unwrap()
}

pub(super) fn error_code(r: &SimResponse) -> (u16, String, String) {
    let b = body(r);
    (
        r.status.as_u16(),
        b["errors"][0]["code"].as_str().unwrap().to_string(),
        b["errors"][0]["message"].as_str().unwrap().to_string(),
    )
}

/// Log in; the cookie and CSRF headers a later call sends.
pub(super) fn login(s: &OneFsSim, password: &str) -> (SimResponse, String, String) {
    let body =
        json!({"username": "root", "password": password, "services": ["platform", "namespace"]});
    let r = s.handle(&request(
        Method::POST,
        "/session/1/session",
        &[],
        &body.to_string(),
    ));
    let cookies: Vec<&String> = r
        .headers
        .iter()
        .filter(|(k, _)| *k == "set-cookie")
        .map(|(_, v)| v)
        .collect();
    let value = |c: &str| {
        c.split(';')
            .next()
            .unwrap()
            .split_once('=')
            .unwrap()
            .1
            .to_string()
    };
    let (sess, csrf) = (value(cookies[0]), value(cookies[1]));
    (r, sess, csrf)
}

/// Every page of a listing, following `resume` alone.
fn pages(s: &OneFsSim, pw: &str, first: &str) -> Vec<Value> {
    let mut out = vec![body(&get(s, first, &basic(pw)))];
    let path = first.split('?').next().unwrap();
    while let Some(t) = out.last().unwrap()["resume"].as_str() {
        let enc = percent_encoding::utf8_percent_encode(t, percent_encoding::NON_ALPHANUMERIC);
        let r = get(s, &format!("{path}?resume={enc}"), &basic(pw));
        assert_eq!(r.status.as_u16(), 200);
        out.push(body(&r));
        assert!(out.len() < 1000);
    }
    out
}

#[test]
fn v11_pages_group_sessions_per_node_and_follow_resume_alone() {
    let (s, pw) = sim(OneFsVersion::V9_5, 47);
    let all = pages(&s, &pw, "/platform/11/protocols/smb/sessions?limit=10");
    assert_eq!(all.len(), 5);
    assert_eq!(all.last().unwrap()["resume"], Value::Null);
    let mut seen = Vec::new();
    for page in &all {
        assert_eq!(page["total"], 47);
        let mut on_page = 0;
        for node in page["nodes"].as_array().unwrap() {
            let sessions = node["sessions"].as_array().unwrap();
            assert_eq!(node["total"], sessions.len());
            assert!(!sessions.is_empty());
            on_page += sessions.len();
            for s in sessions {
                seen.push((node["lnn"].as_u64().unwrap(), s["id"].as_u64().unwrap()));
            }
        }
        assert!(on_page <= 10);
    }
    let mut sorted = seen.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!((seen.len(), sorted), (47, seen));

    let one = pages(
        &s,
        &pw,
        "/platform/11/protocols/smb/sessions?lnn=2&limit=100",
    );
    assert!(one[0]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["lnn"] == 2));
    let skip = pages(&s, &pw, "/platform/11/protocols/smb/sessions?lnn_skip=1,2");
    assert!(skip[0]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["lnn"].as_u64() > Some(2)));
    assert_eq!(
        error_code(&get(
            &s,
            "/platform/11/protocols/smb/sessions?lnn=9",
            &basic(&pw)
        ))
        .1,
        "AEC_NOT_FOUND"
    );
}

#[test]
fn resume_goes_alone_and_bad_tokens_are_refused() {
    let (s, pw) = sim(OneFsVersion::V9_5, 30);
    let first = body(&get(
        &s,
        "/platform/11/protocols/smb/sessions?limit=5",
        &basic(&pw),
    ));
    let t = first["resume"].as_str().unwrap();
    assert!(t.len() <= 8192);
    let with_limit = format!("/platform/11/protocols/smb/sessions?limit=5&resume={t}");
    let (status, code, _) = error_code(&get(&s, &with_limit, &basic(&pw)));
    assert_eq!((status, code.as_str()), (400, "AEC_BAD_REQUEST"));
    for bad in ["1-1-MAAA1-x", "zz", &t[..t.len() - 1]] {
        let r = get(
            &s,
            &format!("/platform/11/protocols/smb/sessions?resume={bad}"),
            &basic(&pw),
        );
        assert_eq!(
            error_code(&r),
            (400, "AEC_BAD_REQUEST".into(), "Invalid resume token".into())
        );
    }
    // A token of one listing is no good on another.
    let r = get(
        &s,
        &format!("/platform/1/protocols/smb/sessions?resume={t}"),
        &basic(&pw),
    );
    assert_eq!(error_code(&r).2, "Invalid resume token");
    let r = get(
        &s,
        "/platform/11/protocols/smb/sessions?sort=user",
        &basic(&pw),
    );
    assert_eq!(error_code(&r).0, 400);
}

#[test]
fn v1_is_flat_sorted_and_the_answering_node_only() {
    let (s, pw) = sim(OneFsVersion::V9_1, 60);
    assert_eq!(
        body(&get(&s, "/platform/latest", &basic(&pw))),
        json!({"latest": "11"})
    );
    // On 9.1, version 11 of the path is still the flat list: its newest version is 1.
    for v in [1, 11] {
        let all = pages(
            &s,
            &pw,
            &format!("/platform/{v}/protocols/smb/sessions?sort=computer&dir=DESC&limit=4"),
        );
        let list: Vec<&Value> = all
            .iter()
            .flat_map(|p| p["sessions"].as_array().unwrap())
            .collect();
        let local = lock(&s.cluster)
            .sessions
            .iter()
            .filter(|x| x.lnn == 1)
            .count();
        assert!(local > 0 && local < 60);
        assert_eq!((list.len(), &all[0]["total"]), (local, &json!(local)));
        let computers: Vec<&str> = list
            .iter()
            .map(|x| x["computer"].as_str().unwrap())
            .collect();
        let mut want = computers.clone();
        want.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(computers, want);
        assert!(list.iter().all(|x| x.as_object().unwrap().len() == 9));
    }
    assert_eq!(
        get(&s, "/platform/12/protocols/smb/sessions", &basic(&pw))
            .status
            .as_u16(),
        404
    );
    assert_eq!(
        get(&s, "/platform/11/local/protocols/smb/sessions", &basic(&pw))
            .status
            .as_u16(),
        404
    );
    let (s, pw) = sim(OneFsVersion::V9_5, 60);
    let local = body(&get(
        &s,
        "/platform/11/local/protocols/smb/sessions",
        &basic(&pw),
    ));
    assert!(local["sessions"].is_array() && local["nodes"].is_null());
    assert!(body(&get(&s, "/platform/protocols/smb/sessions", &basic(&pw)))["nodes"].is_array());
}

#[test]
fn delete_splits_the_path_before_decoding_its_segments() {
    let (s, pw) = sim(OneFsVersion::V9_5, 10);
    let template = lock(&s.cluster).sessions[0].clone();
    for (lnn, id, computer, user) in [
        (2, 900, "10.9.9.9", "CORP\\alice"),
        (3, 900, "10.9.9.9", "CORP\\alice"),
        (1, 901, "a/b", "x y"),
    ] {
        lock(&s.cluster).sessions.push(Session {
            lnn,
            id,
            computer: computer.into(),
            user: user.into(),
            ..template.clone()
        });
    }
    let del = |p: &str| s.handle(&request(Method::DELETE, p, &basic(&pw), ""));
    assert_eq!(
        del("/platform/1/protocols/smb/sessions/10.9.9.9/CORP%5Calice")
            .status
            .as_u16(),
        204
    );
    assert_eq!(
        lock(&s.cluster)
            .sessions
            .iter()
            .filter(|x| x.computer == "10.9.9.9")
            .count(),
        0,
        "on every node"
    );
    let (status, code, _) = error_code(&del(
        "/platform/1/protocols/smb/sessions/10.9.9.9/CORP%5Calice",
    ));
    assert_eq!((status, code.as_str()), (404, "AEC_NOT_FOUND"));
    // An encoded `/` stays in its segment; unencoded, it is one segment too many.
    assert_eq!(
        del("/platform/1/protocols/smb/sessions/a/b/x%20y")
            .status
            .as_u16(),
        404
    );
    assert_eq!(
        del("/platform/1/protocols/smb/sessions/a/b")
            .status
            .as_u16(),
        404
    );
    assert_eq!(
        del("/platform/11/protocols/smb/sessions/a%2Fb")
            .status
            .as_u16(),
        204
    );
    assert_eq!(
        error_code(&del("/platform/11/protocols/smb/sessions/a%2Fb")).1,
        "AEC_NOT_FOUND"
    );
}

#[test]
fn the_page_faults_find_the_sessions_of_either_shape() {
    use crate::faults::FaultKind;
    use crate::page_faults::bend_body;
    for (version, target) in [
        (
            OneFsVersion::V9_5,
            "/platform/11/protocols/smb/sessions?limit=3",
        ),
        (
            OneFsVersion::V9_1,
            "/platform/1/protocols/smb/sessions?limit=3",
        ),
    ] {
        let (s, pw) = sim(version, 30);
        let page = get(&s, target, &basic(&pw));
        let shape = s.page_shape();
        let bent = bend_body(FaultKind::ControlChars, &page.body, &shape).unwrap();
        let bent: Value = serde_json::from_slice(&bent).unwrap();
        let first = &bent.pointer(shape.list).unwrap()[0];
        assert!(first["user"].as_str().unwrap().contains('\u{1b}'), "{bent}");
        let gone = bend_body(FaultKind::MissingList, &page.body, &shape).unwrap();
        let gone: Value = serde_json::from_slice(&gone).unwrap();
        assert!(gone.pointer(shape.list).is_none(), "{gone}");
    }
}

#[test]
fn churn_keeps_the_order_and_quirks_end_with_an_empty_token() {
    let (s, pw) = sim(OneFsVersion::V9_5, 10);
    let mut rng = crate::rng::Rng::new(9);
    let opened: Vec<String> = (0..20).filter_map(|_| s.churn(true, &mut rng)).collect();
    assert_eq!(opened.len(), 20);
    assert!(s.churn(false, &mut rng).is_some());
    let keys: Vec<(u32, u32)> = lock(&s.cluster)
        .sessions
        .iter()
        .map(|x| (x.lnn, x.id))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!((keys.len(), &sorted), (29, &keys));

    let mut opts = SimOptions {
        sessions: 5,
        quirks: true,
        ..SimOptions::demo()
    };
    opts.vendors.onefs.onefs_version = OneFsVersion::V9_5;
    let (q, qpw) = make(&opts, Arc::new(Faults::default()));
    let last = body(&get(
        &q,
        "/platform/11/local/protocols/smb/sessions",
        &basic(&qpw),
    ));
    assert_eq!(last["resume"], "");
    let last = body(&get(
        &s,
        "/platform/11/local/protocols/smb/sessions",
        &basic(&pw),
    ));
    assert_eq!(last["resume"], Value::Null);
}

#[test]
fn the_paging_faults_bend_resume() {
    let faulty = |spec: &str| {
        let opts = SimOptions {
            sessions: 12,
            ..SimOptions::demo()
        };
        make(&opts, Arc::new(Faults::parse(&[spec.to_string()]).unwrap()))
    };
    let path = "/platform/11/protocols/smb/sessions";
    let first = |s: &OneFsSim, pw: &str| body(&get(s, &format!("{path}?limit=5"), &basic(pw)));
    let next = |s: &OneFsSim, pw: &str, page: &Value| {
        let t = page["resume"].as_str().unwrap().to_string();
        body(&get(s, &format!("{path}?resume={t}"), &basic(pw)))
    };
    let (s, pw) = faulty("empty-pages:1");
    let empty = first(&s, &pw);
    assert_eq!(empty["nodes"], json!([]));
    assert_eq!(next(&s, &pw, &empty), first(&s, &pw));

    let (s, pw) = faulty("loop:1@2");
    let one = first(&s, &pw);
    let two = next(&s, &pw, &one);
    assert_eq!(
        next(&s, &pw, &two)["nodes"],
        two["nodes"],
        "a token back to its own page"
    );

    let (s, pw) = faulty("repeat:1");
    let once = first(&s, &pw);
    assert_eq!(
        next(&s, &pw, &once)["nodes"],
        once["nodes"],
        "the page after repeats it"
    );

    let (s, pw) = faulty("endless");
    let mut page = first(&s, &pw);
    let mut tokens = std::collections::HashSet::new();
    for _ in 0..10 {
        assert!(tokens.insert(page["resume"].as_str().unwrap().to_string()));
        page = next(&s, &pw, &page);
    }
}
