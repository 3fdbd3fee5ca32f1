//! TrueNAS's URLs as users paste them (the README's table of accepted URLs): each reduced to
//! the base URL, or refused with the URL to write.

use crate::common::Sim;
use crate::urls::{host_port, pasted, reduced, reduces};

reduced! {
    trailing_slash: "auth" "https://{hp}/" => "https://{hp}",
    web_ui: "auth" "https://{hp}/ui/" => "https://{hp}",
    web_ui_page: "auth" "https://{hp}/ui/dashboard" => "https://{hp}",
    jsonrpc_websocket: "auth" "wss://{hp}/api/current" => "https://{hp}",
    api_path: "auth" "https://{hp}/api" => "https://{hp}",
}

#[test]
fn auth_ddp_websocket_pins_ddp() {
    let sim = Sim::with_sessions(3, 1);
    let run = reduces(&sim, "auth", "wss://{hp}/websocket", "https://{hp}");
    assert!(
        run.stderr.contains("using the legacy DDP WebSocket API"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("/api/current"), "{}", run.stderr);
}

#[test]
fn auth_rest_api_path_still_finds_the_api() {
    // SCALE 25.10 serves no auth/sessions over REST: the reduced URL finds JSON-RPC.
    let sim = Sim::with_sessions(3, 1);
    let run = reduces(
        &sim,
        "auth",
        "https://{hp}/api/v2.0/auth/sessions",
        "https://{hp}",
    );
    assert!(
        run.stderr.contains("using the JSON-RPC 2.0 WebSocket API"),
        "{}",
        run.stderr
    );
}

#[test]
fn auth_versioned_jsonrpc_path_is_kept() {
    let sim = Sim::with_sessions(3, 1);
    let (run, hp) = pasted(&sim, "auth", "https://{hp}/api/v25.10.0", &[]);
    let run = run.ok();
    assert!(!run.stderr.contains("url: "), "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("WebSocket API at wss://{hp}/api/v25.10.0")),
        "{}",
        run.stderr
    );
}

#[test]
fn auth_ddp_websocket_against_a_profile_that_says_jsonrpc_is_refused() {
    let sim = Sim::with_sessions(3, 1);
    let config = sim.config_with("jsonrpc.toml", |c| c.set("auth", "api", "jsonrpc"));
    let hp = host_port(&sim, "auth");
    let run = sim
        .run(&[
            "-c",
            &config,
            "--url",
            &format!("wss://{hp}/websocket"),
            "auth",
        ])
        .code(2);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("write https://{hp} as the url")),
        "{}",
        run.stderr
    );
}
