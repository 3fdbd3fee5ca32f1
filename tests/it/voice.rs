//! One voice for errors: each kind of failure reads the same on every backend of the registry
//! and on every transport (HTTP, WebSocket): one stderr line, `sessions: BACKEND profile
//! 'NAME' at URL: SENTENCE`, with the contract's exit code and no library's error chain.

use std::io::{Read, Write};
use std::net::TcpListener;

use crate::common::{Run, Sim};

/// Every backend's name, from the registry (the simulator's profiles are named after them).
fn backends() -> Vec<&'static str> {
    session_inspector::backends::ALL
        .iter()
        .map(|b| b.name())
        .collect()
}

/// The profile's URL, and `127.0.0.1:PORT` of it.
fn url_of(sim: &Sim, backend: &str) -> (String, String) {
    let url = sim.value(backend, "url");
    let host_port = url.split("://").nth(1).unwrap().split('/').next().unwrap();
    (url.clone(), host_port.to_string())
}

/// The one line every failure prints, and its exit code.
#[track_caller]
fn says(run: Run, code: i32, backend: &str, url: &str, sentence: &str) {
    let run = run.code(code);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{backend}: one line: {}", run.stderr);
    let head = format!("sessions: {backend} profile '{backend}' at {url}: ");
    let rest = lines[0]
        .strip_prefix(&head)
        .unwrap_or_else(|| panic!("{backend}: `{}` does not start `{head}`", lines[0]));
    assert!(
        rest.starts_with(sentence),
        "{backend}: `{rest}` does not start `{sentence}`"
    );
    for chain in [
        "error sending request",
        "client error",
        "os error",
        "(Connect)",
    ] {
        assert!(
            !rest.contains(chain),
            "{backend}: a library's words: {rest}"
        );
    }
}

/// A run of `backend` with `--url https://HOST_PORT`, and the URL its messages name (the
/// profile's, at `host_port`: Opal's keeps its `/v1`).
fn pointed_at(sim: &Sim, backend: &str, host_port: &str) -> (Run, String) {
    let run = sim.run(&["--url", &format!("https://{host_port}"), backend]);
    let (url, own) = url_of(sim, backend);
    (run, url.replacen(&own, host_port, 1))
}

/// A port nothing listens on.
fn closed_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

#[test]
fn connection_refused() {
    let sim = Sim::with_sessions(2, 1);
    let port = closed_port();
    for b in backends() {
        let (run, shown) = pointed_at(&sim, b, &format!("127.0.0.1:{port}"));
        let sentence = format!("cannot connect to 127.0.0.1:{port}: connection refused");
        says(run, 4, b, &shown, &sentence);
    }
}

#[test]
fn dns_failure() {
    let sim = Sim::with_sessions(2, 1);
    for b in backends() {
        // `.invalid` never resolves (RFC 6761).
        let (run, shown) = pointed_at(&sim, b, "sessions-test.invalid");
        let sentence =
            "cannot connect to sessions-test.invalid:443: no such host (the DNS lookup failed)";
        says(run, 4, b, &shown, sentence);
    }
}

#[test]
fn the_runs_timeout_is_named() {
    let sim = Sim::start(&["--sessions", "2", "--fault", "slow"]);
    for b in backends() {
        let run = sim.run(&["--timeout", "1s", b]);
        let sentence = "timed out: the run took longer than its timeout of 1s (retries included; raise --timeout";
        says(run, 4, b, &url_of(&sim, b).0, sentence);
    }
}

#[test]
fn the_request_timeout_is_named() {
    let sim = Sim::start(&["--sessions", "2", "--fault", "slow"]);
    for b in backends() {
        let run = sim.run(&["--timeout", "30s", "--request-timeout", "1s", b]);
        let (url, _) = url_of(&sim, b);
        let run = run.code(4);
        assert!(
            run.stderr.contains(
                "took longer than the request timeout of 1s (raise --request-timeout or the profile's request_timeout)"
            ),
            "{b}: {}",
            run.stderr
        );
        says(run, 4, b, &url, "timed out: ");
    }
}

#[test]
fn an_untrusted_certificate() {
    let sim = Sim::with_sessions(2, 1);
    let no_ca = sim.config_with("noca.toml", |c| c.each(|c, p| c.remove(p, "ca_cert")));
    for b in backends() {
        let run = sim.run(&["-c", &no_ca, b]);
        let stderr = run.stderr.clone();
        assert!(
            stderr.contains(&format!("`sessions trust -p {b}`")),
            "{stderr}"
        );
        says(run, 4, b, &url_of(&sim, b).0, "TLS verification failed: ");
    }
}

/// A server that answers a TLS hello with bytes that are not TLS.
fn not_tls() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut conn in listener.incoming().flatten() {
            let mut hello = [0u8; 512];
            let _ = conn.read(&mut hello);
            let _ = conn.write_all(b"SSH-2.0-OpenSSH_9.6\r\n");
        }
    });
    port
}

#[test]
fn a_failed_tls_handshake() {
    let sim = Sim::with_sessions(2, 1);
    let port = not_tls();
    for b in backends() {
        let (run, shown) = pointed_at(&sim, b, &format!("127.0.0.1:{port}"));
        let sentence = format!("cannot connect to 127.0.0.1:{port}: the TLS handshake failed: ");
        says(run, 4, b, &shown, &sentence);
    }
}

#[test]
fn an_http_status_with_the_vendors_text() {
    // An API on one WebSocket answers in its own errors, not HTTP statuses (TrueNAS's REST
    // API on CORE, which does, has its case in truenas_versions.rs).
    let sim = Sim::start(&["--sessions", "2", "--fault", "500"]);
    for b in backends() {
        if crate::common::facts(b).one_socket {
            continue;
        }
        let (url, _) = url_of(&sim, b);
        let run = sim.run(&[b]);
        let stderr = run.stderr.clone();
        says(run, 5, b, &url, "HTTP 500 Internal Server Error: ");
        assert!(
            stderr.contains("Internal error (injected fault)"),
            "{b}: {stderr}"
        );
    }
}

#[test]
fn a_key_closed_twice_is_one_line() {
    let sim = Sim::with_sessions(3, 1);
    for b in backends() {
        let keys = sim.run(&[b, "key"]).ok();
        // The first key that closes (TrueNAS lists the listing's own login, gone by now).
        let mut closed = None;
        let mut cannot = false;
        for key in keys.lines() {
            let first = sim.run(&[b, "close", key, "--yes"]);
            if first.code == 0 {
                closed = Some(key.to_string());
                break;
            }
            // A backend whose API cannot end a session refuses (exit 2).
            cannot = first.code == 2;
            if cannot {
                break;
            }
            assert_eq!(first.stderr.lines().count(), 1, "{b}: {}", first.stderr);
        }
        let Some(key) = closed else {
            assert!(cannot, "{b}: no key closed");
            continue;
        };
        let again = sim.run(&[b, "close", &key, "--yes"]).code(5);
        assert_eq!(again.stderr.lines().count(), 1, "{b}: {}", again.stderr);
        assert!(
            again
                .stderr
                .ends_with(&format!(": no such session: {key}\n")),
            "{b}: {}",
            again.stderr
        );
    }
}
