//! URLs as users paste them (the README's table of accepted URLs): each form, pointed at the
//! simulator's listener with `--url`, reaches the API with a `-v` note naming the base URL;
//! the forms that are refused say in one line which URL to write (exit 2).

use crate::common::{Run, Sim};

/// `127.0.0.1:PORT` of a profile's URL.
fn host_port(sim: &Sim, profile: &str) -> String {
    let url = sim.value(profile, "url");
    let rest = url.split_once("://").unwrap().1;
    rest.split('/').next().unwrap().to_string()
}

/// `-v --url FORM BACKEND -o json` with `{hp}` in `form` as the backend's listener.
fn pasted(sim: &Sim, backend: &str, form: &str, extra: &[&str]) -> (Run, String) {
    let hp = host_port(sim, backend);
    let url = form.replace("{hp}", &hp);
    let mut args = vec!["-v", "--url", &url, backend, "-o", "json"];
    args.extend(extra);
    (sim.run(&args), hp)
}

/// The form is reduced to `base` (with `{hp}`), says so under `-v` (a trailing slash goes
/// without a word), and lists the sessions.
#[track_caller]
fn reduces(sim: &Sim, backend: &str, form: &str, base: &str) -> Run {
    let (run, hp) = pasted(sim, backend, form, &[]);
    let run = run.ok();
    let base = base.replace("{hp}", &hp);
    let form = form.replace("{hp}", &hp);
    if form.trim_end_matches('/') == base {
        assert!(
            !run.stderr.contains("url: "),
            "a trailing slash is not worth a note"
        );
    } else {
        let note = format!("url: {form} → {base} (");
        assert!(run.stderr.contains(&note), "no `{note}`: {}", run.stderr);
    }
    assert!(
        !run.json().as_array().unwrap().is_empty(),
        "{backend} listed nothing from {form}"
    );
    run
}

/// The form is refused in one line that names the URL to write (with `{hp}`).
#[track_caller]
fn refused(sim: &Sim, backend: &str, form: &str, write: &str) {
    let (run, hp) = pasted(sim, backend, form, &[]);
    let run = run.code(2);
    let write = write.replace("{hp}", &hp);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("write {write}")),
        "names {write}: {}",
        run.stderr
    );
}

macro_rules! reduced {
    ($( $name:ident: $backend:literal $form:literal => $base:literal ),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                reduces(&Sim::with_sessions(3, 1), $backend, $form, $base);
            }
        )*
    };
}

reduced! {
    smb_trailing_slash: "smb" "https://{hp}/" => "https://{hp}",
    smb_api_version_path: "smb" "https://{hp}/v1" => "https://{hp}",
    smb_sessions_endpoint: "smb" "https://{hp}/v1/smb/sessions/" => "https://{hp}",
    cifs_trailing_slash: "cifs" "https://{hp}/" => "https://{hp}",
    cifs_api_path: "cifs" "https://{hp}/api" => "https://{hp}",
    cifs_sessions_endpoint: "cifs" "https://{hp}/api/protocols/cifs/sessions" => "https://{hp}",
    cifs_system_manager: "cifs" "https://{hp}/sysmgr/v4/" => "https://{hp}",
    auth_trailing_slash: "auth" "https://{hp}/" => "https://{hp}",
    auth_web_ui: "auth" "https://{hp}/ui/" => "https://{hp}",
    auth_web_ui_page: "auth" "https://{hp}/ui/dashboard" => "https://{hp}",
    auth_jsonrpc_websocket: "auth" "wss://{hp}/api/current" => "https://{hp}",
    auth_api_path: "auth" "https://{hp}/api" => "https://{hp}",
    opal_host_alone: "opal" "https://{hp}" => "https://{hp}/v1",
    opal_trailing_slash: "opal" "https://{hp}/v1/" => "https://{hp}/v1",
    opal_sessions_endpoint: "opal" "https://{hp}/v1/sessions" => "https://{hp}/v1",
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

#[test]
fn opal_web_app_is_refused() {
    refused(
        &Sim::with_sessions(3, 1),
        "opal",
        "https://app.opal.dev/",
        "https://api.opal.dev/v1",
    );
}

#[test]
fn a_websocket_scheme_on_an_http_backend_is_refused() {
    let sim = Sim::with_sessions(3, 1);
    refused(&sim, "smb", "wss://{hp}/v1", "https://{hp}");
    refused(&sim, "cifs", "ws://{hp}", "https://{hp}");
}

#[test]
fn a_form_in_the_config_is_reduced_too() {
    let sim = Sim::with_sessions(3, 1);
    let hp = host_port(&sim, "cifs");
    let url = format!("https://{hp}/api/");
    let config = sim.config_with("api.toml", |c| c.set("cifs", "url", url.as_str()));
    let run = sim.run(&["-c", &config, "-v", "cifs"]).ok();
    assert!(
        run.stderr.contains(&format!("url: {url} → https://{hp} (")),
        "{}",
        run.stderr
    );
}
