//! Trust at the boundary: credentials stay at their origin, no secret in clear, certificates
//! as appliances ship them, `sessions trust`, bounded pages, and the token cache.

use crate::common::Sim;

const BACKENDS: [&str; 4] = ["smb", "cifs", "auth", "opal"];

/// A variant of the config where `profile` says `line` too.
fn with_line(sim: &Sim, file: &str, profile: &str, line: &str) -> std::path::PathBuf {
    sim.edit_profile(file, profile, |l| {
        Some(if l.starts_with("backend") {
            format!("{l}\n{line}")
        } else {
            l.to_string()
        })
    })
}

#[test]
fn a_changed_password_is_noticed_at_once_despite_the_token_cache() {
    let sim = Sim::with_sessions(3, 1);
    let good = with_line(&sim, "good.toml", "smb", "token_cache = true");
    let good = good.to_str().unwrap();
    sim.run(&["-c", good, "smb", "-o", "json"]).ok();
    let cached = sim.run(&["-c", good, "-v", "smb", "-o", "json"]).ok();
    assert!(
        cached.stderr.contains("cached login token"),
        "{}",
        cached.stderr
    );

    let wrong = sim.config_variant("wrong.toml", |_| {
        std::fs::read_to_string(good)
            .unwrap()
            .replace(&sim.password(), "rotated-or-wrong")
    });
    let run = sim.run(&["-c", wrong.to_str().unwrap(), "smb"]).code(3);
    assert!(
        run.stderr.contains("Invalid username or password"),
        "{}",
        run.stderr
    );

    let again = sim.run(&["-c", good, "-v", "smb", "-o", "json"]).ok();
    assert_eq!(again.json().as_array().unwrap().len(), 3);
}

#[test]
fn secrets_are_not_sent_in_clear_to_a_host_that_is_not_loopback() {
    let sim = Sim::with_sessions(1, 1);
    for backend in BACKENDS {
        for url in ["http://192.0.2.10:8000", "http://nas.invalid:8000"] {
            let t0 = std::time::Instant::now();
            let run = sim.run(&["-p", backend, "--url", url, backend]).code(2);
            assert!(
                run.stderr
                    .contains("refusing to send credentials in clear over")
                    && run
                        .stderr
                        .contains(&format!("allow_plaintext = true in profile '{backend}'")),
                "{backend} {url}: {}",
                run.stderr
            );
            assert!(
                t0.elapsed() < std::time::Duration::from_secs(5),
                "refused before connecting"
            );
        }
    }
    // The profile may allow it: then every run warns (and here the name does not resolve).
    let allowed = with_line(&sim, "plain.toml", "smb", "allow_plaintext = true");
    let run = sim
        .run(&[
            "-c",
            allowed.to_str().unwrap(),
            "--url",
            "http://nas.invalid:8000",
            "smb",
        ])
        .code(4);
    assert!(
        run.stderr
            .contains("sends credentials in clear over http:// to nas.invalid")
            && run.stderr.contains("allow_plaintext = true"),
        "{}",
        run.stderr
    );
}

#[test]
fn trust_pins_the_certificate_keeping_the_config_as_written() {
    let sim = Sim::with_sessions(2, 1);
    for backend in BACKENDS {
        let cfg = sim.config_variant(&format!("{backend}-trust.toml"), |t| {
            let body: Vec<&str> = t.lines().filter(|l| !l.starts_with("ca_cert")).collect();
            format!("# my appliances, by hand\n{}\n", body.join("\n"))
        });
        let cfg = cfg.to_str().unwrap();
        let refused = sim.run(&["-c", cfg, backend]).code(4);
        assert!(
            refused
                .stderr
                .contains(&format!("run `sessions trust -p {backend}`"))
                && refused.stderr.contains("tls_fingerprint = \""),
            "{}",
            refused.stderr
        );
        let asked = sim.run(&["-c", cfg, "trust", "-p", backend]).code(2);
        assert!(asked.stderr.contains("--yes"), "{}", asked.stderr);
        let trusted = sim.run(&["-c", cfg, "trust", "-p", backend, "--yes"]).ok();
        assert!(
            trusted.stderr.contains(&sim.fingerprint()),
            "{}",
            trusted.stderr
        );
        let text = std::fs::read_to_string(cfg).unwrap();
        assert!(text.starts_with("# my appliances, by hand\n"), "{text}");
        assert!(text.contains(&format!("tls_fingerprint = \"{}\"", sim.fingerprint())));
        let run = sim.run(&["-c", cfg, backend, "-o", "json"]).ok();
        assert!(!run.json().as_array().unwrap().is_empty(), "{backend}");
        let again = sim.run(&["-c", cfg, "trust", "-p", backend]).ok();
        assert!(again.stderr.contains("already trusts"), "{}", again.stderr);
    }
}
