//! No secret is ever printed, `-v` included: every command runs against the simulator, and
//! its stdout and stderr are searched for every credential of the config, the base64 Basic
//! form of each password, and the login tokens the servers issued.

use serde_json::Value;

use libtest_mimic::Trial;

use crate::common::{any_backend, backends, facts, Run, Sim};
use crate::per_backend;

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| (n << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Every credential in the simulator's `secrets.json`, and `user:password` as Basic sends it.
fn credentials(sim: &Sim) -> Vec<String> {
    let mut found = Vec::new();
    for profile in backends() {
        let p = &sim.secrets()[profile];
        for key in ["password", "token", "api_key"] {
            if let Some(v) = p[key].as_str() {
                found.push(v.to_string());
            }
        }
        if let (Some(u), Some(pw)) = (p["username"].as_str(), p["password"].as_str()) {
            found.push(base64(format!("{u}:{pw}").as_bytes()));
        }
    }
    found
}

/// The login tokens the servers issued, as the client cached them, with the URL of each.
fn issued_tokens(sim: &Sim) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut dirs = vec![sim.dir.path().join("cache")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(v) = serde_json::from_slice::<Value>(&std::fs::read(&path).unwrap()) {
                if let (Some(url), Some(token)) = (v["url"].as_str(), v["bearer_token"].as_str()) {
                    found.push((url.to_string(), token.to_string()));
                }
            }
        }
    }
    found
}

/// The cells: each backend's own commands (`secrets::commands::smb`), and the commands of
/// every profile at once.
pub fn trials() -> Vec<Trial> {
    let mut trials = per_backend("secrets::commands", |b| {
        Some(move || no_secret_printed(Some(b.name())))
    });
    trials.push(Trial::test("secrets::every_profile", || {
        no_secret_printed(None);
        Ok(())
    }));
    trials
}

/// The commands of `backend`, or those of every profile at once, with `-v`.
fn commands<'a>(sim: &Sim, backend: Option<&'a str>, key: &'a mut String) -> Vec<Vec<&'a str>> {
    let Some(b) = backend else {
        return vec![
            vec!["all"],
            vec!["all", "-o", "json"],
            vec!["all", "-o", "csv"],
            vec!["profiles"],
            vec!["--demo", any_backend()],
            vec!["--demo", "all"],
        ];
    };
    *key = sim.keys(b).swap_remove(0);
    let mut commands = vec![
        vec![b],
        vec![b, "-o", "json"],
        vec![b, "-o", "ndjson"],
        vec![b, "show", key.as_str()],
    ];
    if facts(b).close_verb.is_some() {
        commands.push(vec![b, "close", key.as_str(), "--dry-run"]);
    }
    commands.push(vec!["trust", "-p", b, "--yes"]);
    commands
}

/// No command prints a secret, `-v` included: every credential of the config, the Basic form
/// of each password, and every login token the servers issued.
fn no_secret_printed(backend: Option<&str>) {
    let sim = Sim::start(&["--sessions", "5"]).with_token_cache();
    let mut key = String::new();
    let commands = commands(&sim, backend, &mut key);
    // A run may log in with the token the last one kept and keep a new one: collect them
    // after every run, so that each token a run held is searched for.
    let mut tokens = issued_tokens(&sim);
    let runs: Vec<(String, Run)> = commands
        .iter()
        .map(|args| {
            let mut with_v = vec!["-v"];
            with_v.extend(args);
            let run = sim.run(&with_v);
            tokens.extend(issued_tokens(&sim));
            (args.join(" "), run)
        })
        .collect();
    tokens.sort();
    tokens.dedup();
    let mut secrets = credentials(&sim);
    let logged_in = backends().filter(|b| facts(b).caches_login && backend.is_none_or(|o| o == *b));
    for profile in logged_in {
        let url = sim.value(profile, "url");
        let url = url.trim_end_matches('/');
        let from = |u: &String| u.trim_end_matches('/') == url;
        let n = tokens.iter().filter(|(u, _)| from(u)).count();
        assert!(n >= 1, "{profile}: {n} login tokens cached");
    }
    secrets.extend(tokens.into_iter().map(|(_, token)| token));
    for (what, run) in &runs {
        assert_eq!(run.code, 0, "{what}: {}", run.stderr);
        if what != "profiles" {
            assert!(
                run.stderr.contains("sessions: "),
                "{what}: -v logged nothing"
            );
        }
        for secret in &secrets {
            assert!(
                !run.stdout.contains(secret.as_str()) && !run.stderr.contains(secret.as_str()),
                "{what} printed a secret"
            );
        }
    }
}
