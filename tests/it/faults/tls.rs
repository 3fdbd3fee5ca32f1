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
