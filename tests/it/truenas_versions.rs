//! `sessions auth` against every TrueNAS version the simulator serves: JSON-RPC on 25.x, DDP
//! before 25.04, REST on CORE when pinned, and the 25.x middleware's login limits.

use serde_json::Value;

use crate::common::Sim;

const VERSIONS: [&str; 4] = ["25.10", "25.04", "24.10", "13.0"];

fn sim(version: &str) -> Sim {
    Sim::start(&[
        "--sessions",
        "12",
        "--seed",
        "4",
        "--truenas-version",
        version,
    ])
}

/// The ids of the generated sessions: everything but this run's own.
fn others(rows: &Value) -> Vec<String> {
    let mut ids: Vec<String> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["current"] != true)
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn every_version_lists_the_same_sessions_and_says_which_protocol() {
    let mut listed = Vec::new();
    for version in VERSIONS {
        let sim = sim(version);
        let run = sim.run(&["-v", "auth", "-o", "json"]).ok();
        let protocol = if version.starts_with("25.") {
            "using the JSON-RPC 2.0 WebSocket API"
        } else {
            "using the legacy DDP WebSocket API"
        };
        assert!(run.stderr.contains(protocol), "{version}: {}", run.stderr);
        let rows = run.json();
        assert!(
            rows.as_array()
                .unwrap()
                .iter()
                .any(|r| r["current"] == true),
            "{version}: our own session is listed"
        );
        let secure = rows[0].get("secure_transport").is_some();
        assert_eq!(secure, version.starts_with("25."), "{version}");
        listed.push(others(&rows));
    }
    assert_eq!(listed[0].len(), 12);
    assert!(listed.iter().all(|ids| ids == &listed[0]), "{listed:?}");
}

#[test]
fn close_by_id_and_close_others_on_every_version() {
    for version in VERSIONS {
        let sim = sim(version);
        let before = others(&sim.run(&["auth", "-o", "json"]).ok().json());
        let victim = before[0].clone();
        let run = sim.run(&["auth", "close", &victim, "-y"]).ok();
        assert!(
            run.stderr.contains("ended 1 of 1"),
            "{version}: {}",
            run.stderr
        );
        let after = others(&sim.run(&["auth", "-o", "json"]).ok().json());
        assert!(!after.contains(&victim), "{version}");
        assert_eq!(after.len(), before.len() - 1, "{version}");

        sim.run(&["auth", "close", "--others", "-y"]).ok();
        let left = sim.run(&["auth", "-o", "json"]).ok().json();
        assert!(
            left.as_array()
                .unwrap()
                .iter()
                .all(|r| r["internal"] == true || r["current"] == true),
            "{version}: {left}"
        );
    }
}

#[test]
fn a_pinned_protocol_is_used_or_explained() {
    let new = sim("25.10");
    let ddp = new.config_with("ddp.toml", |c| c.set("auth", "api", "ddp"));
    let run = new.run(&["-v", "-c", &ddp, "auth", "id"]).ok();
    assert!(run.stderr.contains("legacy DDP"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("/api/current"),
        "no probing: {}",
        run.stderr
    );
    assert_eq!(run.lines().len(), 13, "12 sessions and ours");

    let old = sim("24.10");
    let rpc = old.config_with("rpc.toml", |c| c.set("auth", "api", "jsonrpc"));
    let run = old.run(&["-c", &rpc, "auth"]).code(5);
    assert!(
        run.stderr.contains("HTTP 302") && run.stderr.contains("api = \"ddp\""),
        "{}",
        run.stderr
    );

    let core = sim("13.0");
    let rest = core.config_with("rest.toml", |c| c.set("auth", "api", "rest"));
    let run = core
        .run(&[
            "-v",
            "-c",
            &rest,
            "auth",
            "--exclude-internal",
            "-o",
            "json",
        ])
        .ok();
    assert!(
        run.stderr.contains("api = \"rest\"") && run.stderr.contains("internal=false"),
        "{}",
        run.stderr
    );
    assert!(run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["internal"] == false));
}

/// main.py `authorize_method_call`, utils/rate_limit/cache.py: 20 unauthenticated calls per
/// 60 s per address and method; the 21st is EBUSY.
#[test]
fn the_21st_login_in_a_minute_is_exit_4_and_says_why() {
    let sim = sim("25.10");
    for i in 1..=20 {
        let run = sim.run(&["auth", "id"]);
        assert_eq!(run.code, 0, "login {i}: {}", run.stderr);
    }
    let run = sim.run(&["auth", "id"]).code(4);
    assert!(
        run.stderr.contains("EBUSY") && run.stderr.contains("20 logins a minute per address"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

/// `auth.login_ex` answers REDIRECT on an HA standby: the user is told where to go.
#[test]
fn a_redirect_names_the_url_to_use() {
    let sim = sim("25.10");
    let password = sim.secret("auth", "password");
    let standby = sim.config_with("standby.toml", |c| {
        c.remove("auth", "api_key");
        c.set("auth", "username", "standby");
        c.set("auth", "password", password.as_str());
    });
    let run = sim.run(&["-c", &standby, "auth"]).code(2);
    assert!(
        run.stderr.contains("REDIRECT")
            && run
                .stderr
                .contains("wss://truenas-active.example/api/current"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(&password));
}

/// A server (or the proxy before it) that answers every upgrade with 429: retried like any
/// request's 429, then exit 4, not 5.
#[test]
fn a_429_on_the_upgrade_is_retried_then_exit_4() {
    use std::io::{Read, Write};
    let sim = sim("25.10");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let served = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = served.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let _ = stream.write_all(
                b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    });
    let url = format!("http://127.0.0.1:{port}");
    let run = sim.run(&["-v", "--url", &url, "auth"]).code(4);
    assert!(run.stderr.contains("HTTP 429"), "{}", run.stderr);
    assert!(run.stderr.contains("retrying"), "{}", run.stderr);
    assert_eq!(
        served.load(std::sync::atomic::Ordering::SeqCst),
        5,
        "1 try and 4 retries"
    );
}

/// A text frame that is not UTF-8 is an answer that cannot be read (exit 5), not a network
/// fault (exit 4).
#[test]
fn a_frame_that_is_not_utf8_is_exit_5() {
    use futures_util::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::protocol::frame::coding::{Data, OpCode};
    use tokio_tungstenite::tungstenite::protocol::frame::Frame;
    use tokio_tungstenite::tungstenite::Message;
    let sim = sim("25.10");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            while let Ok((tcp, _)) = listener.accept().await {
                let Ok(mut ws) = tokio_tungstenite::accept_async(tcp).await else {
                    continue;
                };
                let _ = ws.next().await; // the login call
                let bad =
                    Frame::message(vec![b'"', 0xff, 0xfe, b'"'], OpCode::Data(Data::Text), true);
                let _ = ws.send(Message::Frame(bad)).await;
                let _ = ws.next().await;
            }
        });
    });
    let url = format!("http://127.0.0.1:{port}");
    let run = sim.run(&["--url", &url, "auth"]).code(5);
    assert!(run.stderr.contains("not UTF-8"), "{}", run.stderr);
}

/// 24.10 makes two TLS connections for one run (JSON-RPC, refused, then DDP): a pinned
/// certificate that has expired still warns once a run (the matrix's `faults::tls::expired_pin`
/// has the cell of every backend).
#[test]
fn an_expired_pin_warns_once_over_two_connections() {
    let sim = Sim::start(&[
        "--sessions",
        "3",
        "--tls",
        "expired",
        "--truenas-version",
        "24.10",
    ]);
    let pin = sim.fingerprint();
    let pinned = sim.config_with("pinned.toml", |c| {
        c.remove("auth", "ca_cert");
        c.set("auth", "tls_fingerprint", pin.as_str());
    });
    let run = sim.run(&["-c", &pinned, "-p", "auth", "auth"]).ok();
    let warnings = run
        .stderr
        .lines()
        .filter(|l| l.contains("expired on "))
        .count();
    assert_eq!(warnings, 1, "{}", run.stderr);
}

/// CORE's REST API speaks HTTP statuses (the WebSocket APIs answer in JSON-RPC or DDP
/// errors): a 500 is one line with the status and the vendor's text, as on every HTTP API.
#[test]
fn an_http_status_on_rest_is_one_line_with_the_vendors_text() {
    let sim = Sim::start(&[
        "--sessions",
        "2",
        "--fault",
        "500",
        "--truenas-version",
        "13.0",
    ]);
    let rest = sim.config_with("rest.toml", |c| c.set("auth", "api", "rest"));
    let run = sim.run(&["-c", &rest, "auth"]).code(5);
    let url = sim.value("auth", "url");
    let head = format!("sessions: auth profile 'auth' at {url}: HTTP 500 Internal Server Error: ");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.starts_with(&head), "{}", run.stderr);
    assert!(
        run.stderr.contains("Internal error (injected fault)"),
        "{}",
        run.stderr
    );
}
