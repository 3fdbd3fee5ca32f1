//! Common mistakes get messages that say what to do, and name where the wrong value came
//! from (`--url`, the config; `SESSIONS_PROFILE` is in config.rs).

use crate::common::Sim;

/// `https://127.0.0.1:PORT` → `127.0.0.1:PORT`.
fn host_port(url: &str) -> &str {
    url.split_once("://")
        .map_or(url, |(_, rest)| rest)
        .trim_end_matches("/v1")
}

#[test]
fn a_url_without_a_scheme_from_url_names_the_flag() {
    let sim = Sim::with_sessions(2, 1);
    let bare = host_port(&sim.value("smb", "url")).to_string();
    let run = sim.run(&["--url", &bare, "smb"]).code(2);
    assert!(
        run.stderr.contains(&format!(
            "--url: url '{bare}' has no scheme: write https://{bare}"
        )),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("config"),
        "not blamed on the config: {}",
        run.stderr
    );
}

#[test]
fn a_url_without_a_scheme_in_the_config_names_the_profile() {
    let sim = Sim::with_sessions(2, 1);
    let bare = host_port(&sim.value("smb", "url")).to_string();
    let config = sim.config_with("bare.toml", |c| c.set("smb", "url", bare.as_str()));
    let run = sim.run(&["-c", &config, "smb"]).code(2);
    assert!(
        run.stderr.contains(&format!(
            "profile 'smb': url '{bare}' has no scheme: write https://{bare}"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn plain_http_to_a_tls_port_says_to_write_https() {
    let sim = Sim::with_sessions(2, 1);
    let bare = host_port(&sim.value("smb", "url")).to_string();
    let run = sim
        .run(&["--url", &format!("http://{bare}"), "smb"])
        .code(2);
    assert!(
        run.stderr.contains(&format!(
            "the server at http://{bare} speaks TLS, not plain http: write https://{bare}"
        )),
        "{}",
        run.stderr
    );
    let auth = host_port(&sim.value("auth", "url")).to_string();
    let run = sim.run(&["--url", &format!("ws://{auth}"), "auth"]).code(2);
    assert!(
        run.stderr.contains(&format!(
            "the server at ws://{auth} speaks TLS, not plain ws: write wss://{auth}"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_profile_pointed_at_another_vendor_says_so() {
    let sim = Sim::with_sessions(2, 1);
    let ontap = sim.value("cifs", "url");
    let run = sim.run(&["--url", &ontap, "smb"]).code(2);
    assert!(
        run.stderr.contains(&format!(
            "the server at {ontap} answered like an ONTAP cluster; is this profile's backend right?"
        )),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("401"),
        "no longer a wrong password: {}",
        run.stderr
    );

    let qumulo = sim.value("smb", "url");
    let run = sim.run(&["--url", &qumulo, "cifs"]).code(2);
    assert!(
        run.stderr.contains(&format!(
            "the server at {qumulo} answered like a Qumulo cluster; is this profile's backend right?"
        )),
        "{}",
        run.stderr
    );
    // Each backend still reads its own vendor's errors as before.
    let own = sim.run(&["smb"]).ok();
    assert!(!own.stderr.contains("answered like"), "{}", own.stderr);
}

#[test]
fn profiles_names_client_certificates_and_says_none() {
    let sim = Sim::with_sessions(2, 1);
    let files = sim.files();
    let config = sim.config_with("certs.toml", |c| {
        c.remove("cifs", "username");
        c.remove("cifs", "password");
        c.set(
            "cifs",
            "client_cert",
            files.join("client.pem").to_str().unwrap(),
        );
        c.set(
            "cifs",
            "client_key",
            files.join("client.key").to_str().unwrap(),
        );
        c.remove("opal", "token");
    });
    let run = sim.run(&["-c", &config, "profiles", "-o", "json"]).ok();
    let by_name = |name: &str| {
        run.json()
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap()["auth"]
            .clone()
    };
    assert_eq!(by_name("cifs"), "client_cert");
    assert_eq!(by_name("opal"), "none");
    assert_eq!(by_name("smb"), "password");
    // The cifs profile really logs in with that certificate.
    sim.run(&["-c", &config, "cifs", "--limit", "1"]).ok();
}
