//! The TrueNAS simulator spoken to raw, as each release serves it: plain ws:// on loopback.

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

/// A bulk close of 60 sessions on `version` (the profile's `api`, if given), with each
/// terminate taking the simulator 50 ms (`latency`): one call a session, between 2 and 8 in
/// flight at once as the request log's lines starting with `logged` count them, all ended.
fn bulk_close_in_flight(version: &str, latency: &str, api: Option<&str>, logged: &str) {
    let sim = Sim::start(&[
        "--sessions",
        "60",
        "--seed",
        "4",
        "--truenas-version",
        version,
        latency,
        "50ms",
        "--request-log",
    ]);
    let config = sim.config_with("api.toml", |c| {
        if let Some(api) = api {
            c.set("auth", "api", api);
        }
    });
    let run = sim
        .run(&[
            "-c",
            &config,
            "auth",
            "close",
            "--where",
            "internal=false",
            "--yes",
        ])
        .ok();
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains(" session(s)") && l.contains("ended "))
        .unwrap_or_else(|| panic!("{}", run.stderr));
    let (_, counted) = line.split_once("ended ").unwrap();
    let (ended, _) = counted.split_once(" of ").unwrap();
    let ended: usize = ended.parse().unwrap();
    assert!(ended > 20, "{version}: {line}");
    assert!(
        counted.starts_with(&format!("{ended} of {ended} ")),
        "{version}: {line}"
    );
    // `... MS ITEMS IN_FLIGHT`: the simulator's own count of calls (or requests) under way.
    let log = std::fs::read_to_string(sim.files().join("requests.log")).unwrap();
    let in_flight: Vec<usize> = log
        .lines()
        .filter(|l| l.starts_with(logged))
        .map(|l| l.rsplit(' ').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(in_flight.len(), ended, "{version}: one call a session");
    let most = in_flight.iter().copied().max().unwrap();
    assert!(
        (2..=8).contains(&most),
        "{version}: at most 8 at once, and more than one: {most}"
    );
    // Each one is gone.
    let left = sim.run(&["-c", &config, "auth", "-o", "json"]).ok().json();
    let others = left.as_array().unwrap().iter();
    let others = others.filter(|r| r["current"] != true && r["internal"] != true);
    assert_eq!(others.count(), 0, "{version}");
}

const TERMINATE_CALL: &str = "auth CALL auth.terminate_session ";

#[test]
fn a_bulk_close_has_up_to_eight_terminate_calls_in_flight_on_its_socket() {
    // JSON-RPC (25.10), and DDP (24.10): the middleware runs each call as its own task.
    bulk_close_in_flight("25.10", "--truenas-call-latency", None, TERMINATE_CALL);
    bulk_close_in_flight("24.10", "--truenas-call-latency", None, TERMINATE_CALL);
}

#[test]
fn a_bulk_close_over_core_rest_has_up_to_eight_posts_in_flight() {
    let post = "auth POST /api/v2.0/auth/terminate_session ";
    bulk_close_in_flight("13.0", "--latency", Some("rest"), post);
}

#[test]
fn ddp_refuses_calls_past_twenty_pending() {
    // 24.10's main.py: `call_method` runs under `SoftHardSemaphore(10, 20)`; past 20 calls
    // started and unanswered, one is answered ETOOMANYREFS at once.
    let sim = Sim::start(&[
        "--sessions",
        "5",
        "--plain-http",
        "--truenas-version",
        "24.10",
        "--truenas-call-latency",
        "300ms",
    ]);
    let key = sim.secret("auth", "api_key");
    rt().block_on(async {
        let mut ws = open(&sim, "/websocket").await.unwrap();
        let r = ask(&mut ws, json!({"msg": "connect", "version": "1", "support": ["1"]})).await;
        assert_eq!(r["msg"], "connected");
        let login = json!({"id": "0", "msg": "method", "method": "auth.login_with_api_key", "params": [key]});
        assert_eq!(ask(&mut ws, login).await["result"], true);
        for i in 1..=25 {
            let call = json!({"id": i.to_string(), "msg": "method", "method": "core.ping"});
            ws.send(Message::text(call.to_string())).await.unwrap();
        }
        let (mut pongs, mut refused) = (0, Vec::new());
        while pongs + refused.len() < 25 {
            let Message::Text(t) = ws.next().await.unwrap().unwrap() else {
                continue;
            };
            let r: Value = serde_json::from_str(&t).unwrap();
            match r["result"].as_str() {
                Some("pong") => pongs += 1,
                _ => refused.push(r),
            }
        }
        assert_eq!(pongs, 20);
        assert_eq!(refused.len(), 5, "{refused:?}");
        let error = &refused[0]["error"];
        assert_eq!(error["errname"], "ETOOMANYREFS", "{error}");
        assert_eq!(error["error"], 109);
        let reason = "Maximum number of concurrent calls (20) has exceeded.";
        assert_eq!(error["reason"], reason);
    });
}
