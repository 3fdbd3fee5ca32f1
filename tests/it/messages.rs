//! Common mistakes get messages that say what to do, and name where the wrong value came
//! from (`--url`, the config; `SESSIONS_PROFILE` is in config.rs).

use session_inspector::backends::ALL;

use crate::common::{backends, Sim};

/// `https://127.0.0.1:PORT` → `127.0.0.1:PORT`.
fn host_port(url: &str) -> &str {
    url.split_once("://")
        .map_or(url, |(_, rest)| rest)
        .trim_end_matches("/v1")
}

#[test]
fn a_url_without_a_scheme_from_url_names_the_flag() {
    let sim = Sim::with_sessions(2, 1);
    for b in backends() {
        let bare = host_port(&sim.value(b, "url")).to_string();
        let run = sim.run(&["-p", b, "--url", &bare, b]).code(2);
        assert!(
            run.stderr.contains(&format!(
                "--url: url '{bare}' has no scheme: write https://{bare}"
            )),
            "{b}: {}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("config"),
            "{b}: not blamed on the config: {}",
            run.stderr
        );
    }
}

#[test]
fn a_url_without_a_scheme_in_the_config_names_the_profile() {
    let sim = Sim::with_sessions(2, 1);
    for b in backends() {
        let bare = host_port(&sim.value(b, "url")).to_string();
        let config = sim.config_with("bare.toml", |c| c.set(b, "url", bare.as_str()));
        let run = sim.run(&["-c", &config, "-p", b, b]).code(2);
        assert!(
            run.stderr.contains(&format!(
                "profile '{b}': url '{bare}' has no scheme: write https://{bare}"
            )),
            "{b}: {}",
            run.stderr
        );
    }
}

/// Plain `http://` to a TLS port, and each plain scheme a backend takes beside it (`ws://`),
/// says which secure one to write.
#[test]
fn plain_http_to_a_tls_port_says_to_write_https() {
    let sim = Sim::with_sessions(2, 1);
    for b in ALL {
        let name = b.name();
        let bare = host_port(&sim.value(name, "url")).to_string();
        let schemes = b.about().url_forms.schemes;
        // The scheme written instead of a plain one: `https`, or the one that stands for it.
        let secure = schemes
            .iter()
            .find(|(_, s)| *s == "https")
            .map_or("https", |(scheme, _)| *scheme);
        let plain: Vec<&str> = schemes
            .iter()
            .filter(|(_, s)| *s == "http")
            .map(|(p, _)| *p)
            .collect();
        // A backend that takes a scheme of its own for plain HTTP (`ws`) speaks that one.
        let (spoken, write) = plain.last().map_or(("http", "https"), |p| (*p, secure));
        for scheme in std::iter::once("http").chain(plain.iter().copied()) {
            let url = format!("{scheme}://{bare}");
            let run = sim.run(&["-p", name, "--url", &url, name]).code(2);
            assert!(
                run.stderr.contains(&format!(
                    "the server at {spoken}://{bare} speaks TLS, not plain {spoken}: write {write}://{bare}"
                )),
                "{name} {url}: {}",
                run.stderr
            );
        }
    }
}

/// A profile pointed at a server that answers like another vendor's (whose errors can be told
/// apart: `About::looks_like`) says so, instead of a wrong password.
#[test]
fn a_profile_pointed_at_another_vendor_says_so() {
    let sim = Sim::with_sessions(2, 1);
    let http = || ALL.iter().filter(|b| !b.about().tests.one_socket);
    for other in http() {
        let Some((what, _)) = other.about().looks_like else {
            continue;
        };
        let url = sim.value(other.name(), "url");
        for b in http().filter(|b| b.name() != other.name()) {
            let run = sim.run(&["-p", b.name(), "--url", &url, b.name()]).code(2);
            assert!(
                run.stderr.contains(&format!(
                    "the server at {url} answered like {what}; is this profile's backend right?"
                )),
                "{} at {}'s: {}",
                b.name(),
                other.name(),
                run.stderr
            );
            assert!(
                !run.stderr.contains("HTTP 401"),
                "no longer a wrong password"
            );
        }
        // Each backend still reads its own vendor's errors as before.
        let own = sim.run(&["-p", other.name(), other.name()]).ok();
        assert!(!own.stderr.contains("answered like"), "{}", own.stderr);
    }
}
