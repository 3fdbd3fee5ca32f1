//! The OneFS login through its handler: the login's answer, Basic, CSRF, timeouts.

use hyper::Method;
use serde_json::json;

use super::flags::OneFsVersion;
use super::tests::{basic, body, error_code, get, login, request, sim, HOST};
use crate::server::VendorApi;

#[test]
fn login_answers_201_with_both_cookies_session_first() {
    let (s, pw) = sim(OneFsVersion::V9_5, 5);
    let (r, sess, csrf) = login(&s, &pw);
    assert_eq!(r.status.as_u16(), 201);
    let cookies: Vec<String> = r.headers.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    assert_eq!(
        cookies,
        [
            format!("set-cookie: isisessid={sess}; path=/; HttpOnly; Secure; SameSite=strict"),
            format!("set-cookie: isicsrf={csrf}; path=/; Secure"),
        ]
    );
    assert_eq!(
        String::from_utf8(r.body.to_vec()).unwrap(),
        r#"{"services":["platform","namespace"],"timeout_absolute":14400,"timeout_inactive":900,"username":"root"}"#
    );
    let bad = json!({"username": "root", "password": "nope", "services": ["platform"]});
    let r = s.handle(&request(
        Method::POST,
        "/session/1/session",
        &[],
        &bad.to_string(),
    ));
    assert_eq!(error_code(&r).0..=error_code(&r).0, 401..=401);
    assert_eq!(error_code(&r).1, "AEC_UNAUTHORIZED");
}

#[test]
fn cookie_calls_need_the_csrf_token_and_a_matching_origin() {
    let (s, pw) = sim(OneFsVersion::V9_5, 5);
    let (_, sess, csrf) = login(&s, &pw);
    let cookie = ("cookie", format!("isisessid={sess}"));
    let token = ("x-csrf-token", csrf.clone());
    let path = "/platform/11/protocols/smb/sessions";
    for refused in [
        vec![cookie.clone()],
        vec![cookie.clone(), ("origin", format!("https://{HOST}"))],
        vec![cookie.clone(), token.clone()],
        vec![
            cookie.clone(),
            token.clone(),
            ("origin", "https://evil.example:8080".into()),
        ],
        vec![
            cookie.clone(),
            ("x-csrf-token", "wrong".into()),
            ("origin", format!("https://{HOST}")),
        ],
    ] {
        let r = get(&s, path, &refused);
        assert_eq!(error_code(&r).1, "AEC_UNAUTHORIZED", "{refused:?}");
        assert_eq!(r.status.as_u16(), 401);
    }
    let origin = ("origin", format!("https://{HOST}"));
    let referer = ("referer", format!("https://{HOST}/"));
    for ok in [
        vec![cookie.clone(), token.clone(), origin],
        vec![cookie.clone(), token.clone(), referer.clone()],
    ] {
        assert_eq!(get(&s, path, &ok).status.as_u16(), 200);
    }
    // The session service takes the cookie alone: it answers GET, and after DELETE (with a
    // trailing slash and no CSRF pair, as the SDK's logout sends it) the session is gone.
    let headers = [cookie.clone(), token.clone(), referer.clone()];
    let r = get(&s, "/session/1/session", std::slice::from_ref(&cookie));
    assert_eq!(body(&r)["username"], "root");
    let r = s.handle(&request(
        Method::DELETE,
        "/session/1/session/",
        std::slice::from_ref(&cookie),
        "",
    ));
    assert_eq!(r.status.as_u16(), 204);
    assert_eq!(get(&s, path, &headers).status.as_u16(), 401);
}

#[test]
fn basic_authenticates_each_request_and_refusals_have_bodies() {
    let (s, pw) = sim(OneFsVersion::V9_5, 5);
    let path = "/platform/11/protocols/smb/sessions";
    assert_eq!(
        error_code(&get(&s, path, &[])),
        (
            401,
            "AEC_UNAUTHORIZED".into(),
            "Authorization required".into()
        )
    );
    assert_eq!(error_code(&get(&s, path, &basic("wrong"))).0, 401);
    assert_eq!(get(&s, path, &basic(&pw)).status.as_u16(), 200);
    assert_eq!(
        body(&get(&s, "/platform/latest", &basic(&pw))),
        json!({"latest": "16"})
    );
}

#[test]
fn sessions_expire_and_from_9_3_get_a_replacement_cookie() {
    let (s, pw) = sim(OneFsVersion::V9_2, 5);
    let (_, sess, csrf) = login(&s, &pw);
    let h = [
        ("cookie", format!("isisessid={sess}")),
        ("x-csrf-token", csrf),
        ("origin", format!("https://{HOST}")),
    ];
    s.logins.age(800);
    assert_eq!(get(&s, "/platform/latest", &h).status.as_u16(), 200);
    s.logins.age(800); // 9.2: the call above reset the inactive timer
    assert_eq!(get(&s, "/platform/latest", &h).status.as_u16(), 200);
    s.logins.age(901);
    assert_eq!(
        error_code(&get(&s, "/platform/latest", &h)).2,
        "Authorization required: the session has expired"
    );

    let (s, pw) = sim(OneFsVersion::V9_5, 5);
    let (_, sess, csrf) = login(&s, &pw);
    let h = [
        ("cookie", format!("isisessid={sess}")),
        ("x-csrf-token", csrf.clone()),
        ("origin", format!("https://{HOST}")),
    ];
    s.logins.age(500);
    let r = get(&s, "/platform/latest", &h);
    let fresh = r
        .headers
        .iter()
        .find(|(k, _)| *k == "set-cookie")
        .unwrap()
        .1
        .clone();
    assert!(
        fresh.starts_with("isisessid=") && !fresh.contains(&sess),
        "{fresh}"
    );
    s.logins.age(500); // 9.5: calls do not extend the old cookie; the replacement lives on
    assert_eq!(get(&s, "/platform/latest", &h).status.as_u16(), 401);
    let new_id = fresh.split(';').next().unwrap().to_string();
    let h2 = [
        ("cookie", new_id),
        ("x-csrf-token", csrf),
        ("origin", format!("https://{HOST}")),
    ];
    assert_eq!(get(&s, "/platform/latest", &h2).status.as_u16(), 200);
    s.logins.age(14_400);
    assert_eq!(get(&s, "/platform/latest", &h2).status.as_u16(), 401);
    // The call at 500 s above got a replacement too, never used since: a login sweeps it.
    assert_eq!(s.logins.kept(), 1);
    login(&s, &pw);
    assert_eq!(s.logins.kept(), 1);
}
