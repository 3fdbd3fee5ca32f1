//! Exit codes and messages, on Qumulo's API: auth, network, TLS, server errors, bad bodies,
//! no secrets. (The fault matrix has the cells of every backend.)

use crate::common::{ConfigDoc, Sim};

#[test]
fn wrong_password_is_exit_3_with_the_vendor_error() {
    let sim = Sim::with_sessions(3, 1);
    let bad = sim.config_with("bad.toml", |c| c.set("smb", "password", "wrong-password"));
    let run = sim.run(&["-c", &bad, "smb"]).code(3);
    assert!(
        run.stderr
            .contains("smb profile 'smb' at https://127.0.0.1:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "HTTP 401 Unauthorized: api_invalid_credentials_error: Invalid username or password"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1);
}

#[test]
fn refused_connection_is_exit_4() {
    let sim = Sim::with_sessions(1, 1);
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let run = sim
        .run(&["--url", &format!("https://127.0.0.1:{port}"), "smb"])
        .code(4);
    assert!(
        run.stderr.contains(&format!("127.0.0.1:{port}")),
        "{}",
        run.stderr
    );
}

#[test]
fn tls_without_ca_cert_is_refused_with_exit_4() {
    let sim = Sim::with_sessions(1, 1);
    let no_ca = sim.config_with("noca.toml", |c| c.each(|c, p| c.remove(p, "ca_cert")));
    let run = sim.run(&["-c", &no_ca, "smb"]).code(4);
    assert!(
        run.stderr.contains("TLS verification failed"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("ca_cert"),
        "says how to fix it: {}",
        run.stderr
    );
}

#[test]
fn fingerprint_pin_mismatch_is_refused_and_a_match_accepted() {
    let sim = Sim::with_sessions(2, 1);
    let pin = |fp: String| {
        move |c: &mut ConfigDoc| {
            c.each(|c, p| {
                c.remove(p, "ca_cert");
                c.set(p, "tls_fingerprint", &fp);
            })
        }
    };
    let wrong = sim.config_with("wrong-pin.toml", pin("00".repeat(32)));
    let run = sim.run(&["-c", &wrong, "smb"]).code(4);
    assert!(
        run.stderr
            .contains("does not match the pinned tls_fingerprint"),
        "{}",
        run.stderr
    );

    let right = sim.config_with("right-pin.toml", pin(sim.fingerprint()));
    let run = sim.run(&["-c", &right, "smb", "-o", "json"]).ok();
    assert_eq!(run.json().as_array().unwrap().len(), 2);
}

#[test]
fn insecure_works_and_warns() {
    let sim = Sim::with_sessions(2, 1);
    let no_ca = sim.config_with("noca.toml", |c| c.each(|c, p| c.remove(p, "ca_cert")));
    let run = sim
        .run(&["-c", &no_ca, "--insecure", "smb", "-o", "json"])
        .ok();
    assert!(run.stderr.contains("verification is off"), "{}", run.stderr);
}

#[test]
fn server_error_body_is_exit_5_with_vendor_text() {
    let sim = Sim::start(&["--sessions", "3", "--fault", "500"]);
    let run = sim.run(&["smb"]).code(5);
    assert_eq!(
        run.stdout, "",
        "no header or [] that would read as an empty result"
    );
    assert_eq!(sim.run(&["smb", "-o", "json"]).code(5).stdout, "");
    assert!(
        run.stderr
            .contains("HTTP 500 Internal Server Error: http_internal_server_error: Internal error"),
        "{}",
        run.stderr
    );
}

#[test]
fn invalid_json_is_exit_5() {
    let sim = Sim::start(&["--sessions", "3", "--fault", "invalid-json"]);
    let run = sim.run(&["smb"]).code(5);
    assert!(run.stderr.contains("invalid JSON"), "{}", run.stderr);
}

#[test]
fn proxy_html_page_is_named_by_its_title() {
    let sim = Sim::start(&["--sessions", "3", "--fault", "html"]);
    let run = sim.run(&["--timeout", "5s", "smb"]).code(5);
    assert!(
        run.stderr.contains("HTML page: 502 Bad Gateway"),
        "{}",
        run.stderr
    );
}

#[test]
fn rate_limit_and_unavailable_are_retried() {
    let sim = Sim::start(&["--sessions", "30", "--fault", "429:1", "--fault", "503:1"]);
    let run = sim
        .run(&["-v", "smb", "--page-size", "10", "-o", "ndjson"])
        .ok();
    assert_eq!(run.ndjson().len(), 30);
    assert_eq!(
        run.stderr.matches("retrying in").count(),
        2,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("retrying in 1s"),
        "Retry-After honoured: {}",
        run.stderr
    );
}

#[test]
fn persistent_503_gives_up_with_exit_5() {
    let sim = Sim::start(&["--sessions", "3", "--fault", "503"]);
    let run = sim.run(&["smb"]).code(5);
    assert!(
        run.stderr
            .contains("HTTP 503 Service Unavailable: http_service_unavailable_error"),
        "{}",
        run.stderr
    );
}

#[test]
fn truncated_body_is_retried_then_reported() {
    let sim = Sim::start(&["--sessions", "20", "--fault", "truncated:1"]);
    assert_eq!(sim.run(&["smb", "-o", "ndjson"]).ok().ndjson().len(), 20);
    let always = Sim::start(&["--sessions", "20", "--fault", "truncated"]);
    let run = always.run(&["smb"]).code(4);
    assert!(run.stderr.contains("cut short"), "{}", run.stderr);
}

#[test]
fn slow_server_times_out_with_exit_4() {
    let sim = Sim::start(&["--sessions", "3", "--fault", "slow"]);
    let t0 = std::time::Instant::now();
    let run = sim.run(&["--timeout", "1s", "smb"]).code(4);
    assert!(run.stderr.contains("timed out"), "{}", run.stderr);
    assert!(
        t0.elapsed() < std::time::Duration::from_secs(10),
        "timeouts are not retried"
    );
}

#[test]
fn paging_loop_is_exit_5_and_keeps_what_arrived() {
    let sim = Sim::start(&["--sessions", "30", "--fault", "loop:1"]);
    let run = sim
        .run(&["smb", "--page-size", "10", "-o", "ndjson"])
        .code(5);
    assert!(run.stderr.contains("pagination loop"), "{}", run.stderr);
    assert!(
        !run.ndjson().is_empty(),
        "records before the loop are printed"
    );
}

#[test]
fn no_secret_in_any_output() {
    let sim = Sim::with_sessions(20, 1).with_token_cache();
    let password = sim.secret("smb", "password");
    let mut outputs = Vec::new();
    for args in [
        vec!["-v", "smb"],
        vec!["-v", "smb", "-o", "json"],
        vec!["-v", "smb"], // cached token this time
        vec!["-v", "profiles"],
        vec!["-v", "profiles", "-o", "json"],
    ] {
        let run = sim.run(&args).ok();
        outputs.push(run.stdout + &run.stderr);
    }
    let bad = sim.config_with("bad.toml", |c| {
        c.set("smb", "password", "not-the-password-xyz")
    });
    // A fresh cache, so the wrong password is really sent.
    let run = crate::common::Run::from(
        sim.cmd(&["-v", "-c", &bad, "smb"])
            .env("XDG_CACHE_HOME", sim.dir.path().join("cache-bad"))
            .output()
            .unwrap(),
    )
    .code(3);
    outputs.push(run.stdout + &run.stderr);

    let cache = std::fs::read_dir(sim.dir.path().join("cache/sessions/tokens"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let cached: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(cache).unwrap()).unwrap();
    let token = cached["bearer_token"].as_str().unwrap().to_string();
    for out in &outputs {
        assert!(!out.contains(&password), "password leaked: {out}");
        assert!(
            !out.contains("not-the-password-xyz"),
            "wrong password leaked: {out}"
        );
        assert!(!out.contains(&token), "token leaked: {out}");
        assert!(!out.contains(&token[2..]), "token leaked: {out}");
    }
}
