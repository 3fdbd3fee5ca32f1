//! The matrix's certificate cells: a name the certificate lacks, an expired certificate, and
//! a certificate that changed under a pin. Each is exit 4 with one line saying which.

use super::cell::one_line;
use crate::common::Sim;

/// A run with `config` (the simulator's own when None) is refused: exit 4, nothing on
/// stdout, one line naming the cause.
fn refused(backend: &str, sim: &Sim, config: Option<&str>, causes: &[&str], what: &str) {
    let own = sim.config.to_str().unwrap().to_string();
    let config = config.unwrap_or(&own);
    let run = sim.run(&["-c", config, "-p", backend, backend, "-o", "json"]);
    assert_eq!(run.code, 4, "{what}: {}", run.stderr);
    assert_eq!(run.stdout, "", "{what}");
    one_line(backend, sim, &run, causes, what);
}

/// A CA-signed certificate for localhost, 127.0.0.1 and ::1, served at 127.0.0.2.
fn wrong_name(backend: &str) {
    let sim = Sim::start(&["--sessions", "3", "--bind", "127.0.0.2"]);
    refused(
        backend,
        &sim,
        None,
        &["name", "not valid for"],
        "wrong name",
    );
}

fn expired(backend: &str) {
    let sim = Sim::start(&["--sessions", "3", "--tls", "expired"]);
    refused(backend, &sim, None, &["expired"], "expired");
}

/// The pin of one simulator run, and a second run (a new certificate) under it.
fn changed_under_pin(backend: &str) {
    let first = Sim::start(&["--sessions", "3"]);
    let pin = first.fingerprint();
    drop(first);
    let second = Sim::start(&["--sessions", "3"]);
    let pinned = second.config_with("pinned.toml", |c| {
        c.remove(backend, "ca_cert");
        c.set(backend, "tls_fingerprint", pin.as_str());
    });
    let causes = ["does not match the pinned tls_fingerprint"];
    refused(backend, &second, Some(&pinned), &causes, "changed pin");
}

/// Each certificate cell for every backend: `faults::tls::expired::smb`.
pub fn trials() -> Vec<libtest_mimic::Trial> {
    type Cell = fn(&str);
    let cells: [(&str, Cell); 4] = [
        ("wrong_name", wrong_name),
        ("expired", expired),
        ("changed_under_pin", changed_under_pin),
        ("expired_pin", expired_pin),
    ];
    cells
        .into_iter()
        .flat_map(|(name, cell)| {
            crate::per_backend(&format!("faults::tls::{name}"), move |b| {
                Some(move || cell(b.name()))
            })
        })
        .collect()
}

/// A pinned certificate that has expired is still trusted (the pin is what the user trusts),
/// with one warning line per profile and run that names the profile and the expiry date;
/// pinned by its fingerprint or by the certificate itself as `ca_cert`.
fn expired_pin(backend: &str) {
    let sim = Sim::start(&["--sessions", "6", "--tls", "expired"]);
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    let yesterday = (time::OffsetDateTime::now_utc() - time::Duration::days(1))
        .format(&fmt)
        .unwrap();
    let pin = sim.fingerprint();
    let server_pem = sim.files().join("server.pem");
    let server_pem = server_pem.to_str().unwrap();
    for (key, value, how) in [
        (
            "tls_fingerprint",
            pin.as_str(),
            "tls_fingerprint".to_string(),
        ),
        ("ca_cert", server_pem, format!("ca_cert {server_pem}")),
    ] {
        let pinned = sim.config_with(&format!("pinned-{key}.toml"), |c| {
            c.remove(backend, "ca_cert");
            c.set(backend, key, value);
        });
        let run = sim
            .run(&["-c", &pinned, "-p", backend, backend, "-o", "json"])
            .ok();
        assert!(run.json().as_array().unwrap().len() >= 6, "{backend} {key}");
        let warnings: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.contains("expired"))
            .collect();
        assert_eq!(warnings.len(), 1, "{backend} {key}: {}", run.stderr);
        let want =
            format!("profile '{backend}': the certificate pinned by {how} expired on {yesterday} ");
        assert!(warnings[0].contains(&want), "{backend}: {}", warnings[0]);
    }
    // Unpinned, the same certificate is refused as before.
    sim.run(&["-p", backend, backend]).code(4);
}
