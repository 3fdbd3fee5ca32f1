//! The simulator's own contract: per-run files, certificate shapes, and the paging faults.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::common::{Sim, SimProcess};

fn ca_certs(config: &Path) -> Vec<String> {
    let doc: toml::Value = toml::from_str(&std::fs::read_to_string(config).unwrap()).unwrap();
    doc["profiles"]
        .as_table()
        .unwrap()
        .values()
        .map(|p| p["ca_cert"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn two_simulators_in_one_folder_keep_their_files_apart() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
    let _sim_a = SimProcess::start(&a, &[]);
    let _sim_b = SimProcess::start(&b, &[]);

    let ca_a = std::fs::read(dir.path().join("a.d/ca.pem")).unwrap();
    let ca_b = std::fs::read(dir.path().join("b.d/ca.pem")).unwrap();
    assert_ne!(ca_a, ca_b);
    for (config, own) in [(&a, "a.d"), (&b, "b.d")] {
        let cas = ca_certs(config);
        // A profile for every backend.
        assert_eq!(cas.len(), session_inspector::backends::ALL.len());
        assert!(cas
            .iter()
            .all(|c| *c == dir.path().join(own).join("ca.pem").to_str().unwrap()));
    }
}

#[cfg(unix)]
#[test]
fn the_files_directory_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let sim = Sim::start(&[]);
    let mode = std::fs::metadata(sim.files()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
    for f in [
        "ca.pem",
        "server.pem",
        "client.pem",
        "client.key",
        "secrets.json",
    ] {
        assert!(sim.files().join(f).is_file(), "{f}");
        let mode = std::fs::metadata(sim.files().join(f))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{f}");
    }
}

#[test]
fn secrets_json_holds_every_credential_and_the_header_still_names_them() {
    let sim = Sim::start(&[]);
    let s = sim.secrets();
    for (profile, keys) in [
        ("smb", &["username", "password"][..]),
        ("cifs", &["username", "password"]),
        ("auth", &["username", "api_key"]),
        ("opal", &["token"]),
    ] {
        for key in keys {
            assert_eq!(
                s[profile][key].as_str(),
                Some(sim.value(profile, key).as_str())
            );
        }
    }
    let path = |f: &str| sim.files().join(f).display().to_string();
    assert_eq!(s["server_pem"], path("server.pem").as_str());
    assert_eq!(s["client_cert"], path("client.pem").as_str());
    assert_eq!(s["client_key"], path("client.key").as_str());
    let server = pem_der(&sim.files().join("server.pem"));
    assert_eq!(s["fingerprint"], fingerprint(&server).as_str());
    // The credentials the profiles leave out are in the header for people, as before.
    let text = sim.config_text();
    for line in [
        format!(
            "# Server certificate SHA-256, for tls_fingerprint: {}",
            s["fingerprint"].as_str().unwrap()
        ),
        format!(
            "# cifs certificate login (for client_cert/client_key): {} {}",
            path("client.pem"),
            path("client.key")
        ),
        format!(
            "# cifs bearer token (for token = \"...\"): {}",
            s["cifs"]["token"].as_str().unwrap()
        ),
        format!(
            "# auth password of truenas_admin, otpuser (gets OTP_REQUIRED) and standby (gets REDIRECT) (for password = \"...\"): {}",
            s["auth"]["password"].as_str().unwrap()
        ),
    ] {
        assert!(text.lines().any(|l| l == line), "{line}\n{text}");
    }
}

fn pem_der(path: &Path) -> Vec<u8> {
    let text = std::fs::read(path).unwrap();
    x509_parser::pem::parse_x509_pem(&text).unwrap().1.contents
}

fn fingerprint(der: &[u8]) -> String {
    Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

#[test]
fn server_pem_is_the_served_certificate_and_ca_pem_follows_the_shape() {
    for (shape, user_gets_leaf) in [("self-signed-ca", true), ("expired", false)] {
        let sim = Sim::start(&["--tls", shape]);
        let server = pem_der(&sim.files().join("server.pem"));
        assert_eq!(fingerprint(&server), sim.fingerprint(), "{shape}");
        let header = format!(
            "# Server certificate (PEM): {}",
            sim.files().join("server.pem").display()
        );
        assert!(sim.config_text().contains(&header), "{shape}");
        let ca = pem_der(&sim.files().join("ca.pem"));
        assert_eq!(ca == server, user_gets_leaf, "{shape}");
    }
}

/// The distinct list URLs a verbose run requested.
fn list_urls(stderr: &str, path: &str) -> std::collections::BTreeSet<String> {
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix("sessions: > GET "))
        .filter(|u| u.contains(path))
        .map(str::to_string)
        .collect()
}

#[test]
fn endless_fault_serves_a_new_next_link_every_page() {
    let sim = Sim::start(&["--fault", "endless", "--sessions", "5"]);
    let run = sim
        .run(&[
            "-v",
            "smb",
            "--page-size",
            "2",
            "--limit",
            "6",
            "-o",
            "ndjson",
        ])
        .ok();
    assert_eq!(run.lines().len(), 6);
    let urls = list_urls(&run.stderr, "/v1/smb/sessions/");
    assert!(urls.len() >= 3, "{}", run.stderr);

    let run = sim
        .run(&[
            "-v",
            "cifs",
            "--max-records",
            "2",
            "--limit",
            "12",
            "-o",
            "ndjson",
        ])
        .ok();
    assert_eq!(run.lines().len(), 12);
    let urls = list_urls(&run.stderr, "/api/protocols/cifs/sessions");
    assert!(urls.len() >= 3, "{}", run.stderr);
}

#[test]
fn next_link_is_served_verbatim() {
    let sim = Sim::start(&[
        "--next-link",
        "/v1/smb/sessions/?limit=2&after=start.hostile",
        "--sessions",
        "5",
    ]);
    let run = sim.run(&["-v", "smb", "--page-size", "2", "-o", "ndjson"]);
    let want = format!(
        "{}/v1/smb/sessions/?limit=2&after=start.hostile",
        sim.value("smb", "url")
    );
    assert!(
        list_urls(&run.stderr, "/v1/smb/").contains(&want),
        "{}",
        run.stderr
    );
}

/// The TrueNAS simulator spoken to raw, as each release serves it: plain ws:// on loopback.
mod truenas {
    use futures_util::{SinkExt, StreamExt};
    use serde_json::{json, Value};
    use tokio::net::TcpStream;
    use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
    use tokio_tungstenite::tungstenite::{Error as WsError, Message};
    use tokio_tungstenite::WebSocketStream;

    use crate::common::Sim;

    type Ws = WebSocketStream<TcpStream>;

    fn start(version: &str) -> Sim {
        Sim::start(&[
            "--sessions",
            "5",
            "--plain-http",
            "--truenas-version",
            version,
        ])
    }

    fn addr(sim: &Sim) -> String {
        let url = sim.value("auth", "url");
        url.strip_prefix("http://").unwrap().to_string()
    }

    async fn open(sim: &Sim, path: &str) -> Result<Ws, WsError> {
        let addr = addr(sim);
        let tcp = TcpStream::connect(&addr).await.unwrap();
        let url = format!("ws://{addr}{path}");
        tokio_tungstenite::client_async(url, tcp)
            .await
            .map(|(ws, _)| ws)
    }

    async fn ask(ws: &mut Ws, msg: Value) -> Value {
        ws.send(Message::text(msg.to_string())).await.unwrap();
        loop {
            match ws.next().await.unwrap().unwrap() {
                Message::Text(t) => return serde_json::from_str(&t).unwrap(),
                Message::Ping(_) | Message::Pong(_) => continue,
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    async fn rpc(ws: &mut Ws, id: u64, method: &str, params: Value) -> Value {
        let call = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        ask(ws, call).await
    }

    /// The close code the server ends the socket with.
    async fn closed_with(ws: &mut Ws) -> CloseCode {
        loop {
            match ws.next().await {
                Some(Ok(Message::Close(Some(f)))) => return f.code,
                Some(Ok(_)) => continue,
                other => panic!("no close frame: {other:?}"),
            }
        }
    }

    fn rt() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    }

    #[test]
    fn frame_limits_close_the_socket() {
        // utils/limits.py MsgSizeLimit and ws_handler/rpc.py: > 8192 before login closes
        // (INVALID_TEXT, 1007), > 65536 after login closes with MESSAGE_TOO_BIG (1009), a
        // binary frame closes with UNSUPPORTED_DATA (1003).
        let sim = start("25.10");
        let key = sim.secret("auth", "api_key");
        rt().block_on(async {
            let mut ws = open(&sim, "/api/current").await.unwrap();
            let big = json!({"jsonrpc": "2.0", "id": 1, "method": "core.ping", "params": ["x".repeat(8200)]});
            ws.send(Message::text(big.to_string())).await.unwrap();
            assert_eq!(closed_with(&mut ws).await, CloseCode::Invalid);

            let mut ws = open(&sim, "/api/v25.10.0").await.unwrap();
            let login = json!([{"mechanism": "API_KEY_PLAIN", "username": "truenas_admin", "api_key": key}]);
            let r = rpc(&mut ws, 1, "auth.login_ex", login).await;
            assert_eq!(r["result"]["response_type"], "SUCCESS", "{r}");
            let r = rpc(&mut ws, 2, "core.ping", json!(["x".repeat(20_000)])).await;
            assert_eq!(r["result"], "pong", "under 64 KiB after login");
            let huge = json!({"jsonrpc": "2.0", "id": 3, "method": "core.ping", "params": ["x".repeat(70_000)]});
            ws.send(Message::text(huge.to_string())).await.unwrap();
            assert_eq!(closed_with(&mut ws).await, CloseCode::Size);

            let mut ws = open(&sim, "/api/current").await.unwrap();
            ws.send(Message::binary(b"{}".to_vec())).await.unwrap();
            assert_eq!(closed_with(&mut ws).await, CloseCode::Unsupported);
        });
    }

    #[test]
    fn double_login_rate_limit_and_error_shapes() {
        // utils/account/authenticator.py (one login per socket), main.py authorize_method_call
        // with utils/rate_limit/cache.py (20 per 60 s per method and address), rpc.py
        // (-32601 without data).
        let sim = start("25.04");
        rt().block_on(async {
            let wrong = json!([{"mechanism": "API_KEY_PLAIN", "username": "truenas_admin", "api_key": "3-wrong"}]);
            let mut ws = open(&sim, "/api/current").await.unwrap();
            let r = rpc(&mut ws, 1, "auth.login_ex", wrong.clone()).await;
            assert_eq!(r["result"]["response_type"], "AUTH_ERR", "{r}");
            let r = rpc(&mut ws, 2, "auth.login_ex", wrong.clone()).await;
            assert_eq!(r["error"]["code"], -32001, "{r}");
            assert_eq!(
                r["error"]["data"]["reason"],
                "AUTH: unexpected authenticator run state. Expected: START"
            );
            let r = rpc(&mut ws, 3, "no.such_method", json!([])).await;
            assert_eq!(
                r,
                json!({"jsonrpc": "2.0", "error": {"code": -32601, "message": "Method does not exist"}, "id": 3})
            );
            // 2 login_ex calls so far; 18 more fresh sockets stay under the limit.
            for _ in 0..18 {
                let mut ws = open(&sim, "/api/current").await.unwrap();
                let r = rpc(&mut ws, 1, "auth.login_ex", wrong.clone()).await;
                assert_eq!(r["result"]["response_type"], "AUTH_ERR", "{r}");
            }
            let mut ws = open(&sim, "/api/current").await.unwrap();
            let r = rpc(&mut ws, 1, "auth.login_ex", wrong).await;
            assert_eq!(r["error"]["code"], -32001, "{r}");
            assert_eq!(r["error"]["data"]["errname"], "EBUSY");
            assert_eq!(r["error"]["data"]["reason"], "[EBUSY] Rate Limit Exceeded");
        });
    }

    #[test]
    fn ddp_connect_login_sessions_ping() {
        // The legacy DDP handler: connect/connected, method/result, ping/pong.
        let sim = start("24.10");
        let key = sim.secret("auth", "api_key");
        rt().block_on(async {
            let mut ws = open(&sim, "/websocket").await.unwrap();
            let r = ask(&mut ws, json!({"msg": "method", "id": "0", "method": "core.ping"})).await;
            assert_eq!(r, json!({"msg": "failed", "version": "1"}));
            let r = ask(&mut ws, json!({"msg": "connect", "version": "1", "support": ["1"]})).await;
            assert_eq!(r["msg"], "connected");
            assert_eq!(r["session"].as_str().unwrap().len(), 36, "{r}");
            assert_eq!(ask(&mut ws, json!({"msg": "ping"})).await, json!({"msg": "pong"}));
            let call = |id: &str, method: &str, params: Value| {
                json!({"id": id, "msg": "method", "method": method, "params": params})
            };
            let r = ask(&mut ws, call("1", "auth.sessions", json!([]))).await;
            assert_eq!(r["error"]["errname"], "ENOTAUTHENTICATED", "{r}");
            assert_eq!(r["error"]["reason"], "[ENOTAUTHENTICATED] Not authenticated");
            let r = ask(&mut ws, call("2", "auth.login_ex", json!([{}]))).await;
            assert_eq!(r["error"]["errname"], "ENOMETHOD", "24.10 has no login_ex: {r}");
            let r = ask(&mut ws, call("3", "auth.login_with_api_key", json!([key]))).await;
            assert_eq!(r, json!({"msg": "result", "id": "3", "result": true}));
            let mine = json!([[["current", "=", true]], {"get": true}]);
            let r = ask(&mut ws, call("4", "auth.sessions", mine)).await;
            assert_eq!(r["result"]["credentials"], "API_KEY", "{r}");
            assert!(r["result"].get("secure_transport").is_none(), "{r}");
            let r = ask(&mut ws, call("5", "auth.sessions", json!([[], {"count": true}]))).await;
            assert_eq!(r["result"], 6);
        });
    }

    #[test]
    fn scale_24_10_redirects_api_current_to_the_ui() {
        // etc_files/local/nginx/nginx.conf.mako: `location / { rewrite ^.*
        // $scheme://$http_host/ui/ redirect; }`: a 302, not a WebSocket.
        let sim = start("24.10");
        rt().block_on(async {
            match open(&sim, "/api/current").await {
                Err(WsError::Http(resp)) => {
                    assert_eq!(resp.status(), 302);
                    let want = format!("http://{}/ui/", addr(&sim));
                    assert_eq!(resp.headers()["location"], want.as_str());
                }
                other => panic!("expected a 302: {:?}", other.map(|_| ())),
            }
            // 25.x serves /api/current and the legacy /api/v24.10 as JSON-RPC.
            let new = start("25.10");
            for path in ["/api/current", "/api/v24.10", "/api/v25.04.2", "/websocket"] {
                assert!(open(&new, path).await.is_ok(), "{path}");
            }
        });
    }

    #[test]
    fn core_13_serves_rest() {
        // CORE's REST API: GET /api/v2.0/auth/sessions, POST /api/v2.0/auth/terminate_session.
        let sim = Sim::start(&["--sessions", "5", "--truenas-version", "13.0"]);
        let key = sim.secret("auth", "api_key");
        let get = reqwest::Method::GET;
        let (status, rows) = sim.api("auth", get, "/api/v2.0/auth/sessions", Some(&key), None);
        assert_eq!(status, 200);
        let rows = rows.as_array().unwrap().clone();
        assert_eq!(rows.len(), 5);
        assert!(rows.iter().all(|r| r.get("secure_transport").is_none()));
        let victim = rows[4]["id"].clone();
        let post = reqwest::Method::POST;
        let path = "/api/v2.0/auth/terminate_session";
        let (status, done) = sim.api("auth", post, path, Some(&key), Some(victim));
        assert_eq!((status.as_u16(), done), (200, json!(true)));
    }
}

/// `--detach` returns only once the simulator serves (no waiting loop in the script), prints
/// its pid, and `--stop` ends it.
#[test]
fn detach_returns_when_serving_and_stop_ends_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("sim.toml");
    let config = config.to_str().unwrap();
    let sessions = |args: &[&str]| {
        let mut cmd = std::process::Command::new(crate::common::BIN);
        cmd.args(args);
        crate::common::isolate(&mut cmd, dir.path());
        crate::common::Run::from(cmd.output().unwrap())
    };
    let started = sessions(&[
        "simulate",
        "--write-config",
        config,
        "--sessions",
        "7",
        "--detach",
    ])
    .ok();
    let pid: u32 = started.stdout.trim().parse().expect("a pid on stdout");
    let pid_file = dir.path().join("sim.d/pid");
    assert_eq!(
        std::fs::read_to_string(&pid_file).unwrap().trim(),
        pid.to_string()
    );
    // Right away, with no wait: it serves.
    let listed = sessions(&["-c", config, "smb", "key"]).ok();
    assert_eq!(listed.lines().len(), 7);
    let text = std::fs::read_to_string(config).unwrap();
    let addresses: Vec<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("url = \""))
        .map(|u| {
            let rest = u.split("://").nth(1).unwrap();
            rest.split(['/', '"']).next().unwrap().to_string()
        })
        .collect();
    assert_eq!(
        addresses.len(),
        session_inspector::backends::ALL.len(),
        "{text}"
    );
    let stopped = sessions(&["simulate", "--stop", config]).ok();
    // Returned only once the process has exited: no port it listened on is still open.
    for address in &addresses {
        assert!(
            std::net::TcpStream::connect(address).is_err(),
            "{address} still accepts connections after --stop"
        );
    }
    assert!(
        stopped.stderr.contains(&format!("stopped pid {pid}")),
        "{}",
        stopped.stderr
    );
    assert!(!pid_file.exists(), "the pid file goes with it");
    assert!(
        !std::path::Path::new(&format!("/proc/{pid}")).exists() || {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            stat.rsplit(')')
                .next()
                .is_some_and(|s| s.trim_start().starts_with('Z'))
        }
    );
    sessions(&["-c", config, "smb"]).code(4);
    let again = sessions(&["simulate", "--stop", config]).code(2);
    assert!(
        again.stderr.contains("no detached simulator for"),
        "{}",
        again.stderr
    );
}
