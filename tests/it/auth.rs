//! TrueNAS auth sessions over JSON-RPC WebSocket (and CORE REST) against the simulator.

use serde_json::Value;

use crate::common::{ConfigDoc, Sim};

#[test]
fn each_projection_equals_the_json_field_row_for_row() {
    let sim = Sim::with_sessions(60, 21);
    let json = sim.run(&["auth", "-o", "json"]).ok().json();
    let rows = json.as_array().unwrap();
    // The listing includes our own connection, marked current.
    assert_eq!(rows.iter().filter(|r| r["current"] == true).count(), 1);
    let field = |r: &Value, col: &str| -> String {
        match col {
            "created_at" => r["created_at"].to_string(),
            "username" => r["credentials_data"]["username"]
                .as_str()
                .or(r["credentials_data"]["parent"]["credentials_data"]["username"].as_str())
                .unwrap_or("")
                .to_string(),
            other => match &r[other] {
                Value::String(s) => s.clone(),
                v => v.to_string(),
            },
        }
    };
    for col in [
        "id",
        "internal",
        "origin",
        "credentials",
        "created_at",
        "created_at_utc",
        "secure_transport",
        "username",
    ] {
        let run = sim.run(&["auth", col]).ok();
        let want: Vec<String> = rows
            .iter()
            .filter(|r| r["current"] != true)
            .map(|r| field(r, col))
            .collect();
        // Each run is its own connection, so compare everything but the current session.
        let ids = sim.run(&["auth", "id,current"]).ok();
        let got: Vec<String> = run
            .lines()
            .iter()
            .zip(ids.lines())
            .filter(|(_, idl)| !idl.ends_with("\ttrue"))
            .map(|(l, _)| l.to_string())
            .collect();
        assert_eq!(got, want, "projection {col}");
    }
    let current = sim.run(&["auth", "current"]).ok();
    assert_eq!(current.lines().iter().filter(|l| **l == "true").count(), 1);
    let data = sim.run(&["auth", "credentials_summary"]).ok();
    assert!(
        data.stdout.contains("(API key \""),
        "readable, not <dict>: {}",
        data.stdout
    );
}

#[test]
fn filters_are_sent_to_the_server_and_hold() {
    let sim = Sim::with_sessions(120, 22);
    let check = |args: &[&str], sent: &str, holds: &dyn Fn(&Value) -> bool| {
        let mut a = vec!["-v", "auth", "-o", "json"];
        a.extend(args);
        let run = sim.run(&a).ok();
        assert!(run.stderr.contains(sent), "{args:?}: {}", run.stderr);
        let v = run.json();
        let rows = v.as_array().unwrap();
        assert!(!rows.is_empty(), "{args:?}");
        assert!(rows.iter().all(holds), "{args:?}");
        rows.len()
    };
    let n = check(
        &["--exclude-internal"],
        r#"[["internal","=",false]]"#,
        &|r| r["internal"] == false,
    );
    assert!(n < 121);
    check(
        &["--credentials", "API_KEY"],
        r#"["credentials","=","API_KEY"]"#,
        &|r| r["credentials"] == "API_KEY",
    );
    check(
        &["--user", "alice"],
        r#"["credentials_data.username","=","alice"]"#,
        &|r| r["credentials_data"]["username"] == "alice",
    );
    check(
        &["--origin", "192.168.2."],
        r#"["origin","^","192.168.2."]"#,
        &|r| r["origin"].as_str().unwrap().starts_with("192.168.2."),
    );
    check(
        &["--filter", r#"["secure_transport","=",false]"#],
        r#"["secure_transport","=",false]"#,
        &|r| r["secure_transport"] == false,
    );
    check(
        &[
            "--filter",
            r#"["OR",[["credentials","=","TOKEN"],["credentials","=","UNIX_SOCKET"]]]"#,
        ],
        r#"["OR",[["credentials","=","TOKEN"]"#,
        &|r| r["credentials"] == "TOKEN" || r["credentials"] == "UNIX_SOCKET",
    );
    let run = sim
        .run(&["-v", "auth", "--order-by", "-created_at", "created_at"])
        .ok();
    assert!(
        run.stderr.contains(r#"{"order_by":["-created_at"]}"#),
        "{}",
        run.stderr
    );
    let got = run.lines();
    assert!(got.windows(2).all(|w| w[0] >= w[1]), "descending");
    let bad = sim.run(&["auth", "--filter", "not json"]).code(2);
    assert!(bad.stderr.contains("not JSON"), "{}", bad.stderr);
    let rejected = sim.run(&["auth", "--filter", r#"["a","??",1]"#]).code(5);
    assert!(rejected.stderr.contains("[EINVAL]"), "{}", rejected.stderr);
}

#[test]
fn otp_required_and_a_wrong_key_are_exit_3() {
    let sim = Sim::with_sessions(5, 1);
    let pw = sim.secret("auth", "password");
    let otp = sim.config_with("otp.toml", |c| {
        c.set("auth", "username", "otpuser");
        c.remove("auth", "api_key");
        c.set("auth", "password", &pw);
    });
    let run = sim.run(&["-c", &otp, "auth"]).code(3);
    assert!(run.stderr.contains("OTP_REQUIRED"), "{}", run.stderr);

    assert_eq!(sim.secret("auth", "api_key"), sim.value("auth", "api_key"));
    let wrong = sim.config_with("wrongkey.toml", |c| {
        c.set("auth", "api_key", "3-wrongwrongwrong")
    });
    let run = sim.run(&["-c", &wrong, "auth"]).code(3);
    assert!(run.stderr.contains("AUTH_ERR"), "{}", run.stderr);

    let pass = sim.config_with("pass.toml", |c| {
        c.remove("auth", "api_key");
        c.set("auth", "password", &pw);
    });
    let v = sim
        .run(&[
            "-c",
            &pass,
            "auth",
            "--credentials",
            "LOGIN_PASSWORD",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert!(
        v.as_array().unwrap().iter().any(|r| r["current"] == true),
        "password login works"
    );
}

#[test]
fn an_api_key_is_never_sent_over_plain_ws_to_another_host() {
    let sim = Sim::with_sessions(5, 1);
    let t0 = std::time::Instant::now();
    let run = sim.run(&["--url", "ws://192.0.2.10:80", "auth"]).code(2);
    assert!(
        run.stderr
            // ws:// is reduced to the base URL's http:// (see the README's accepted URLs).
            .contains("refusing to send credentials in clear over http:// to 192.0.2.10"),
        "{}",
        run.stderr
    );
    // Even where the profile allows plaintext, TrueNAS would revoke the key: still refused.
    let allowed = sim.config_with("plain.toml", |c| c.set("auth", "allow_plaintext", true));
    let run = sim
        .run(&["-c", &allowed, "--url", "ws://192.0.2.10:80", "auth"])
        .code(2);
    assert!(
        run.stderr
            .contains("refusing to send an API key over unencrypted ws://"),
        "{}",
        run.stderr
    );
    assert!(
        t0.elapsed() < std::time::Duration::from_secs(3),
        "refused before connecting"
    );
}

#[test]
fn tls_ca_pin_and_insecure_apply_to_the_websocket() {
    let sim = Sim::with_sessions(5, 1);
    let no_ca = sim.config_with("noca.toml", |c| c.remove("auth", "ca_cert"));
    let run = sim.run(&["-c", &no_ca, "auth"]).code(4);
    assert!(
        run.stderr.contains("TLS verification failed"),
        "{}",
        run.stderr
    );

    let pin = |fp: String| {
        move |c: &mut ConfigDoc| {
            c.remove("auth", "ca_cert");
            c.set("auth", "tls_fingerprint", fp);
        }
    };
    let wrong = sim.config_with("wrongpin.toml", pin("AA".repeat(32)));
    let run = sim.run(&["-c", &wrong, "auth"]).code(4);
    assert!(
        run.stderr
            .contains("does not match the pinned tls_fingerprint"),
        "{}",
        run.stderr
    );
    let right = sim.config_with("rightpin.toml", pin(sim.fingerprint()));
    sim.run(&["-c", &right, "auth", "id"]).ok();

    let run = sim.run(&["-c", &no_ca, "--insecure", "auth", "id"]).ok();
    assert!(run.stderr.contains("verification is off"));
}

#[test]
fn date_and_iso_forms_of_created_at() {
    let sim = Sim::start(&["--sessions", "40", "--quirks"]);
    let v = sim.run(&["auth", "-o", "json"]).ok().json();
    let rows = v.as_array().unwrap();
    assert!(
        rows.iter().any(|r| r["created_at"].is_string())
            && rows.iter().any(|r| r["created_at"].is_object())
    );
    assert!(rows.iter().all(|r| r["created_at_utc"]
        .as_str()
        .is_some_and(|s| s.ends_with("+00:00"))));
    assert!(
        rows.iter().any(|r| r["credentials"] == "TRUE_NAS_NODE"),
        "old enum values are kept"
    );
    let table = sim.run(&["auth"]).ok();
    assert!(table.stdout.contains("TRUE_NAS_NODE"));
}

#[test]
fn a_socket_closed_mid_call_or_silence_fails_cleanly() {
    let closed = Sim::start(&["--sessions", "5", "--fault", "truncated"]);
    let t0 = std::time::Instant::now();
    let run = closed.run(&["auth"]).code(4);
    assert!(
        run.stderr
            .contains("closed the connection during auth.sessions"),
        "{}",
        run.stderr
    );
    let silent = Sim::start(&["--sessions", "5", "--fault", "slow"]);
    let run = silent.run(&["--timeout", "1s", "auth"]).code(4);
    assert!(run.stderr.contains("timed out"), "{}", run.stderr);
    assert!(t0.elapsed() < std::time::Duration::from_secs(10));
    let garbage = Sim::start(&["--sessions", "5", "--fault", "invalid-json"]);
    garbage.run(&["auth"]).code(5);
}

#[test]
fn close_ends_a_session_and_refuses_unknown_ones_gently() {
    let sim = Sim::with_sessions(20, 23);
    let v = sim
        .run(&["auth", "--exclude-internal", "-o", "json"])
        .ok()
        .json();
    let victim = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["current"] == false)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    sim.run(&["auth", "close", &victim]).code(2); // no terminal, no --yes
    let run = sim.run(&["auth", "close", &victim, "--yes"]).ok();
    assert!(run.stderr.contains("ended 1 of 1"), "{}", run.stderr);
    let ids = sim.run(&["auth", "id"]).ok();
    assert!(!ids.lines().contains(&victim.as_str()));
    let dry = sim.run(&["auth", "close", "--others", "--dry-run"]).ok();
    assert!(dry.stderr.contains("would close"), "{}", dry.stderr);
}

#[test]
fn no_api_key_in_any_output() {
    let sim = Sim::with_sessions(10, 1);
    let key = sim.value("auth", "api_key");
    let mut all = String::new();
    // Each run must do what it does (list, or refuse plain ws://) for its silence to count.
    for (args, code) in [
        (vec!["-v", "auth"], 0),
        (vec!["-v", "auth", "-o", "json"], 0),
        (vec!["-v", "profiles"], 0),
        (vec!["-v", "--url", "ws://192.0.2.10", "auth"], 2),
    ] {
        let run = sim.run(&args).code(code);
        if code == 0 && args.contains(&"auth") {
            assert!(
                run.stdout.lines().count() > 1 || run.stdout.contains("\"id\""),
                "{args:?} listed sessions: {}",
                run.stdout
            );
        }
        all.push_str(&run.stdout);
        all.push_str(&run.stderr);
    }
    assert!(
        !all.contains(&key) && !all.contains(&key[2..]),
        "API key leaked"
    );
}

/// The written config's header names the password of TrueNAS's users, for people.
#[test]
fn the_config_header_names_the_users_password() {
    let sim = Sim::start(&[]);
    let line = format!(
        "# auth password of truenas_admin, otpuser (gets OTP_REQUIRED) and standby (gets REDIRECT) (for password = \"...\"): {}",
        sim.secret("auth", "password")
    );
    let text = sim.config_text();
    assert!(text.lines().any(|l| l == line), "{line}\n{text}");
}
