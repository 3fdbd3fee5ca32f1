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

macro_rules! tls_cells {
    ($($cell:ident),*) => {
        $(
            mod $cell {
                #[test]
                fn smb() { super::$cell("smb") }
                #[test]
                fn cifs() { super::$cell("cifs") }
                #[test]
                fn auth() { super::$cell("auth") }
                #[test]
                fn opal() { super::$cell("opal") }
            }
        )*
    };
}

tls_cells!(wrong_name, expired, changed_under_pin);

/// A pinned certificate that has expired is still trusted (the pin is what the user trusts),
/// with one warning line per profile and run that names the profile and the expiry date.
/// TrueNAS 24.10 makes two TLS connections for one run (JSON-RPC, refused, then DDP).
#[test]
fn an_expired_pin_is_trusted_with_one_warning_line() {
    let sim = Sim::start(&[
        "--sessions",
        "6",
        "--tls",
        "expired",
        "--truenas-version",
        "24.10",
    ]);
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    let yesterday = (time::OffsetDateTime::now_utc() - time::Duration::days(1))
        .format(&fmt)
        .unwrap();
    let pin = sim.fingerprint();
    let server_pem = sim.files().join("server.pem");
    let server_pem = server_pem.to_str().unwrap();
    for (backend, key, value, how) in [
        (
            "smb",
            "tls_fingerprint",
            pin.as_str(),
            "tls_fingerprint".to_string(),
        ),
        (
            "auth",
            "tls_fingerprint",
            pin.as_str(),
            "tls_fingerprint".to_string(),
        ),
        (
            "cifs",
            "ca_cert",
            server_pem,
            format!("ca_cert {server_pem}"),
        ),
    ] {
        let pinned = sim.config_with(&format!("pinned-{backend}.toml"), |c| {
            c.remove(backend, "ca_cert");
            c.set(backend, key, value);
        });
        let run = sim
            .run(&["-c", &pinned, "-p", backend, backend, "-o", "json"])
            .ok();
        // TrueNAS lists the run's own login too.
        assert!(run.json().as_array().unwrap().len() >= 6, "{backend}");
        let warnings: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.contains("expired"))
            .collect();
        assert_eq!(warnings.len(), 1, "{backend}: {}", run.stderr);
        let want =
            format!("profile '{backend}': the certificate pinned by {how} expired on {yesterday} ");
        assert!(warnings[0].contains(&want), "{backend}: {}", warnings[0]);
    }
    // Unpinned, the same certificate is refused as before.
    sim.run(&["smb"]).code(4);
}
