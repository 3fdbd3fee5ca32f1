//! `sessions all close --where`: every backend of the registry that closes, in one run, with
//! one profile failing; a backend that cannot close said once; the dry run and the close
//! agreeing with the simulator's change log.

use serde_json::Value;

use crate::common::{backends, facts, Sim};

/// The closes the simulator logged, per backend.
fn closed_by_client(sim: &Sim, backend: &str) -> usize {
    let text = std::fs::read_to_string(sim.files().join("changes.ndjson")).unwrap_or_default();
    text.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["by"] == "client" && v["backend"] == backend)
        .count()
}

/// The number in `LABEL: VERB N of M session(s)` for `profile`.
fn summary(stderr: &str, profile: &str) -> Option<(usize, usize)> {
    let line = stderr
        .lines()
        .find(|l| l.contains(&format!(" profile '{profile}' at ")) && l.ends_with(" session(s)"))?;
    let words: Vec<&str> = line.split(' ').collect();
    let of = words.iter().position(|w| *w == "of")?;
    Some((words[of - 1].parse().ok()?, words[of + 1].parse().ok()?))
}

#[test]
fn a_fleet_close_ends_on_every_closing_backend_and_says_which_profile_failed() {
    let sim = Sim::start(&["--sessions", "30", "--seed", "5"]);
    let closing: Vec<&str> = backends()
        .filter(|b| facts(b).close_verb.is_some())
        .collect();
    let cannot: Vec<&str> = backends()
        .filter(|b| facts(b).close_verb.is_none())
        .collect();
    assert!(closing.len() >= 4, "{closing:?}");
    // One more profile of the first closing backend, at a port where nothing listens.
    let broken = format!("{}-broken", closing[0]);
    let config = sim.config_with("fleet.toml", |c| {
        c.copy_profile(closing[0], &broken);
        c.set(&broken, "url", "https://127.0.0.1:9");
    });
    let selector = ["--where", "key~*"];
    let mut dry = vec!["-c", &config, "all", "close", "--dry-run"];
    dry.extend(selector);
    let dry = sim.run(&dry).code(4);
    let mut close = vec!["-c", &config, "all", "close", "--yes"];
    close.extend(selector);
    let run = sim.run(&close);
    // The worst result: the refused connection (exit 4).
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("profile '{broken}' at https://127.0.0.1:9"))
            && run.stderr.contains("connection refused"),
        "{}",
        run.stderr
    );
    let failed = format!(
        "1 of {} profile(s) did not close all they selected",
        closing.len() + 1
    );
    assert!(run.stderr.contains(&failed), "{}", run.stderr);
    for b in &closing {
        let matched = dry
            .stderr
            .lines()
            .find(|l| l.contains(&format!(" profile '{b}' at ")) && l.ends_with(" match"))
            .unwrap_or_else(|| panic!("{b}: no count in the preview: {}", dry.stderr));
        let n: usize = matched
            .rsplit(": ")
            .next()
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(summary(&run.stderr, b), Some((n, n)), "{b}: {}", run.stderr);
        assert_eq!(closed_by_client(&sim, b), n, "{b}: the simulator's log");
        assert!(n > 0, "{b}: nothing to close");
    }
    for b in &cannot {
        let said = run
            .stderr
            .lines()
            .filter(|l| {
                l.contains("whose backend cannot close sessions")
                    && l.contains(&format!("{b} '{b}'"))
            })
            .count();
        assert_eq!(said, 1, "{b} said once: {}", run.stderr);
    }
    // Named with -p, a profile that cannot close is an error.
    if let Some(b) = cannot.first() {
        let mut named = vec!["-p", b, "-p", closing[1], "all", "close", "--dry-run"];
        named.extend(selector);
        let run = sim.run(&named).code(2);
        assert!(
            run.stderr.contains("cannot close sessions"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_fleet_close_needs_a_selector() {
    let sim = Sim::start(&["--sessions", "5"]);
    let run = sim.run(&["all", "close", "--yes"]).code(2);
    assert!(run.stderr.contains("--where"), "{}", run.stderr);
}
