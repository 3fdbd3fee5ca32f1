//! Config: unknown keys, profiles, precedence, secret sources, permissions.

use session_inspector::article;
use session_inspector::backends::ALL;

use crate::common::{any_backend, backends, Sim};

/// Whether the simulator's profile `profile` sets `key`.
fn has_key(sim: &Sim, profile: &str, key: &str) -> bool {
    let doc: toml::Table = toml::from_str(&sim.config_text()).unwrap();
    doc["profiles"][profile].get(key).is_some()
}

#[test]
fn unknown_key_is_exit_2_naming_file_and_key() {
    let sim = Sim::with_sessions(1, 1);
    // A backend whose profile has a username.
    let any = backends()
        .find(|b| has_key(&sim, b, "username"))
        .expect("a profile with a username");
    let bad = sim.config_with("typo.toml", |c| {
        c.each(|c, p| {
            if let Some(v) = c.profile(p).remove("username") {
                c.profile(p).insert("usernme", v);
            }
        })
    });
    let run = sim.run(&["-c", &bad, "-p", any, any]).code(2);
    assert!(run.stderr.contains("typo.toml"), "{}", run.stderr);
    assert!(run.stderr.contains("usernme"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn missing_config_and_unknown_profile_are_exit_2() {
    let sim = Sim::with_sessions(1, 1);
    let any = any_backend();
    let run = sim.run(&["-c", "/nonexistent/sessions.toml", any]).code(2);
    assert!(
        run.stderr.contains("--demo"),
        "suggests the demo: {}",
        run.stderr
    );
    let run = sim.run(&["-p", "nope", any]).code(2);
    let have = format!("have: {}", sim.profiles().join(", "));
    assert!(
        run.stderr.contains("no profile 'nope'") && run.stderr.contains(&have),
        "{}",
        run.stderr
    );
}

#[test]
fn profile_from_environment() {
    let sim = Sim::with_sessions(1, 1);
    let any = any_backend();
    let run = crate::common::Run::from(
        sim.cmd(&[any])
            .env("SESSIONS_PROFILE", "nope")
            .output()
            .unwrap(),
    )
    .code(2);
    // Nothing on the command line names 'nope': the message names the variable.
    assert!(
        run.stderr
            .contains("SESSIONS_PROFILE=nope: no profile 'nope' in")
            && run
                .stderr
                .contains("unset SESSIONS_PROFILE or pick one with -p NAME"),
        "{}",
        run.stderr
    );
    // From -p, the flag is in plain sight: no word about the variable.
    let run = sim.run(&["-p", "nope", any]).code(2);
    assert!(
        run.stderr.contains("no profile 'nope' in"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("SESSIONS_PROFILE"), "{}", run.stderr);
    // The flag beats the environment.
    crate::common::Run::from(
        sim.cmd(&["-p", any, any])
            .env("SESSIONS_PROFILE", "nope")
            .output()
            .unwrap(),
    )
    .ok();
}

/// Messages that name a backend use the article it is said with: a profile of one backend run
/// with another's subcommand, and a typo among a backend's own keys.
#[test]
fn a_profile_of_another_backend_reads_as_english() {
    let sim = Sim::with_sessions(1, 1);
    for b in backends() {
        for other in backends().filter(|o| *o != b) {
            let run = sim.run(&["-p", other, b]).code(2);
            let want = format!(
                "profile '{other}' is {} {other} profile; run `sessions -p {other} {other}`",
                article(other)
            );
            assert!(run.stderr.contains(&want), "{}", run.stderr);
        }
    }
    for b in ALL.iter().filter(|b| !b.profile_keys().is_empty()) {
        let (name, keys) = (b.name(), b.profile_keys());
        let typo = format!("{}i", keys[0]);
        let config = sim.config_with("typo.toml", |c| c.set(name, &typo, "x"));
        let run = sim.run(&["-c", &config, "-p", name, name]).code(2);
        let want = format!(
            "unknown key `{typo}`; {} {name} profile also takes: {}",
            article(name),
            keys.join(", ")
        );
        assert!(run.stderr.contains(&want), "{}", run.stderr);
    }
}

/// `sessions -c FILE profiles` on a one-profile config of `backend` with `extra` last.
fn load_with(backend: &str, extra: &str) -> (crate::common::Run, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("own.toml");
    let text =
        format!("[profiles.p]\nbackend = \"{backend}\"\nurl = \"https://127.0.0.1:1\"\n{extra}\n");
    std::fs::write(&path, &text).unwrap();
    let mut cmd = std::process::Command::new(crate::common::BIN);
    cmd.arg("-c").arg(&path).arg("profiles");
    crate::common::isolate(&mut cmd, dir.path());
    (
        crate::common::Run::from(cmd.output().unwrap()),
        text.lines().count(),
    )
}

/// Every backend's own keys are read when the config loads: a value of the wrong type, or a
/// key the backend does not take, is exit 2 naming the file, the line and the key.
#[test]
fn a_backends_own_keys_are_checked_with_their_line() {
    for b in ALL {
        let keys = b.profile_keys().iter().map(|k| (*k, "{ wrong = 1 }"));
        for (key, value) in keys.chain([("not_a_key", "1")]) {
            let (run, line) = load_with(b.name(), &format!("{key} = {value}"));
            let run = run.code(2);
            let want = format!("own.toml: line {line}: profile 'p': ");
            assert!(run.stderr.contains(&want), "{}: {}", b.name(), run.stderr);
            assert!(run.stderr.contains(key), "{}: {}", b.name(), run.stderr);
            assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        }
    }
}

/// The durations and sizes every profile takes are read when the config loads, with the line.
#[test]
fn a_bad_duration_or_size_is_refused_with_its_line() {
    let b = crate::common::any_backend();
    for (key, value) in [
        ("timeout", "\"5 parsecs\""),
        ("request_timeout", "30"),
        ("max_body", "0"),
        ("max_body", "\"lots\""),
    ] {
        let (run, line) = load_with(b, &format!("{key} = {value}"));
        let run = run.code(2);
        let want = format!("own.toml: line {line}: profile 'p': {key}: ");
        assert!(run.stderr.contains(&want), "{}", run.stderr);
    }
}
