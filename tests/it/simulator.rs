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
    // Every credential a profile holds, as the profile holds it.
    for profile in crate::common::backends() {
        for key in ["username", "password", "api_key", "token"] {
            let doc: toml::Value = toml::from_str(&sim.config_text()).unwrap();
            if let Some(value) = doc["profiles"][profile].get(key) {
                assert_eq!(s[profile][key].as_str(), value.as_str(), "{profile} {key}");
            }
        }
    }
    let path = |f: &str| sim.files().join(f).display().to_string();
    assert_eq!(s["server_pem"], path("server.pem").as_str());
    assert_eq!(s["client_cert"], path("client.pem").as_str());
    assert_eq!(s["client_key"], path("client.key").as_str());
    let server = pem_der(&sim.files().join("server.pem"));
    assert_eq!(s["fingerprint"], fingerprint(&server).as_str());
    // The fingerprint is in the header for people, as before (and each vendor's other
    // credentials: its own tests).
    let text = sim.config_text();
    let line = format!(
        "# Server certificate SHA-256, for tls_fingerprint: {}",
        s["fingerprint"].as_str().unwrap()
    );
    assert!(text.lines().any(|l| l == line), "{line}\n{text}");
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

/// Where the client sizes its pages, the endless fault serves a new next link every page.
#[test]
fn endless_fault_serves_a_new_next_link_every_page() {
    let sim = Sim::start(&["--fault", "endless", "--sessions", "5"]);
    for b in session_inspector::backends::ALL {
        let Some(path) = b.about().tests.sized_path() else {
            continue;
        };
        let mut args = vec!["-v", b.name()];
        args.extend(b.about().tests.page_flags("2"));
        args.extend(["--limit", "12", "-o", "ndjson"]);
        let run = sim.run(&args).ok();
        assert_eq!(run.lines().len(), 12, "{}", b.name());
        let urls = list_urls(&run.stderr, path.trim_end_matches('/'));
        assert!(urls.len() >= 3, "{}: {}", b.name(), run.stderr);
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
    let any = crate::common::any_backend();
    let listed = sessions(&["-c", config, any, "key"]).ok();
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
    sessions(&["-c", config, any]).code(4);
    let again = sessions(&["simulate", "--stop", config]).code(2);
    assert!(
        again.stderr.contains("no detached simulator for"),
        "{}",
        again.stderr
    );
}
