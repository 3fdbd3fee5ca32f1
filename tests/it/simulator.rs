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
        assert_eq!(cas.len(), 4);
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
            "# auth password of truenas_admin and otpuser (for password = \"...\"): {}",
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
        .run(&["-v", "cifs", "--limit", "12", "-o", "ndjson"])
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
    let want = format!("{}/v1/smb/sessions/?limit=2&after=start.hostile", sim.url());
    assert!(
        list_urls(&run.stderr, "/v1/smb/").contains(&want),
        "{}",
        run.stderr
    );
}
