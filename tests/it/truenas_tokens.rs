//! TrueNAS logins kept between runs (25.04 and later): each run logs in with the token the last
//! run kept (`auth.generate_token`, then `auth.login_ex` TOKEN_PLAIN), falls back to the
//! credentials without a word when that token is dead, and keeps the next one in the token
//! cache. What the server says about each run's own session is the proof: `credentials` is
//! TOKEN for a token login.

use serde_json::Value;

use crate::common::{Run, Sim};

fn sim(version: &str) -> Sim {
    Sim::start(&["--sessions", "4", "--truenas-version", version]).with_token_cache()
}

fn cached(sim: &Sim) -> Value {
    let files = sim.token_cache_files();
    assert_eq!(files.len(), 1, "{files:?}");
    serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap()
}

/// The run's own session, as the server listed it.
fn own_session(run: &Run) -> Value {
    let rows = run.json();
    let mine: Vec<&Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["current"] == true)
        .collect();
    assert_eq!(mine.len(), 1, "{rows}");
    mine[0].clone()
}

fn list(sim: &Sim) -> Run {
    sim.run(&["auth", "-o", "json"]).ok()
}

#[test]
fn the_next_run_logs_in_with_the_kept_token_from_a_private_file() {
    use std::os::unix::fs::PermissionsExt;
    let sim = sim("25.10");
    let first = list(&sim);
    assert_eq!(own_session(&first)["credentials"], "API_KEY");
    let entry = cached(&sim);
    let token = entry["bearer_token"].as_str().unwrap().to_string();
    assert_eq!(token.len(), 64, "token_urlsafe(48)");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let expires = entry["expires_at"].as_u64().unwrap();
    assert!((now + 500..=now + 600).contains(&expires), "{entry}");
    let file = &sim.token_cache_files()[0];
    let mode = std::fs::metadata(file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);

    let second = sim.run(&["-v", "auth", "-o", "json"]).ok();
    let own = own_session(&second);
    assert_eq!(own["credentials"], "TOKEN", "{own}");
    assert_eq!(own["credentials_data"]["parent"]["credentials"], "API_KEY");
    assert!(
        second
            .stderr
            .contains("logged in with the login token of the last run"),
        "{}",
        second.stderr
    );
    assert!(!second.stderr.contains(&token));
    // The middleware drops a token with the session that used it: each run keeps the next.
    assert_ne!(cached(&sim)["bearer_token"], token.as_str());
    assert_eq!(list(&sim).json().as_array().unwrap().len(), 5);
}

#[test]
fn a_used_or_expired_token_falls_back_to_the_credentials_without_a_word() {
    let sim = sim("25.04");
    list(&sim);
    let file = sim.token_cache_files().remove(0);
    let used = std::fs::read_to_string(&file).unwrap();
    // The second run logs in with it; when that run's session ends, the server drops it.
    assert_eq!(own_session(&list(&sim))["credentials"], "TOKEN");
    std::fs::write(&file, &used).unwrap();
    let run = sim.run(&["auth", "-o", "json"]).ok();
    assert_eq!(run.stderr, "");
    assert_eq!(own_session(&run)["credentials"], "API_KEY");
    let v = sim.run(&["-v", "auth", "id"]).ok();
    assert!(
        v.stderr
            .contains("logged in with the login token of the last run"),
        "a fresh token was kept: {}",
        v.stderr
    );

    // Past the lifetime the cache gave it, the token is not even tried.
    let mut entry = cached(&sim);
    entry["expires_at"] = 1.into();
    std::fs::write(&file, entry.to_string()).unwrap();
    let run = sim.run(&["-v", "auth", "-o", "json"]).ok();
    assert_eq!(own_session(&run)["credentials"], "API_KEY");
    assert_eq!(
        run.stderr.matches("> auth.login_ex").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("refused"), "{}", run.stderr);
}

/// main.py `authorize_method_call` counts `auth.login_ex` calls per address, whatever the
/// mechanism: a kept token is one of the 20 logins a minute like a password, and the EBUSY
/// says so.
#[test]
fn token_logins_count_against_the_20_a_minute_and_ebusy_says_so() {
    let sim = sim("25.10");
    for i in 1..=20 {
        let run = sim.run(&["auth", "-o", "json"]);
        assert_eq!(run.code, 0, "run {i}: {}", run.stderr);
        let want = if i == 1 { "API_KEY" } else { "TOKEN" };
        assert_eq!(own_session(&run)["credentials"], want, "run {i}");
    }
    let run = sim.run(&["auth", "id"]).code(4);
    assert!(
        run.stderr.contains("[EBUSY] Rate Limit Exceeded")
            && run.stderr.contains("20 logins a minute per address")
            && run.stderr.contains("with the last run's login token too"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    // The refused run never used the kept token: it is still there for the next minute.
    assert!(cached(&sim)["bearer_token"].is_string());
}

/// 24.10's DDP handler counts its login calls the same way; over DDP no login is kept.
#[test]
fn over_ddp_the_ebusy_says_that_no_login_is_kept() {
    let sim = sim("24.10");
    for i in 1..=20 {
        let run = sim.run(&["auth", "id"]);
        assert_eq!(run.code, 0, "run {i}: {}", run.stderr);
    }
    let run = sim.run(&["auth", "id"]).code(4);
    assert!(
        run.stderr
            .contains("auth.login_with_api_key: [EBUSY] Rate Limit Exceeded")
            && run.stderr.contains("keeps no login between runs"),
        "{}",
        run.stderr
    );
    assert!(sim.token_cache_files().is_empty());
}
