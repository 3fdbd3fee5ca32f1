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

/// `profile`'s summary line: `LABEL: VERB N of M session(s)...`.
fn summary_line<'a>(stderr: &'a str, profile: &str) -> Option<&'a str> {
    stderr.lines().find(|l| {
        l.contains(&format!(" profile '{profile}' at "))
            && l.contains(" of ")
            && l.contains(" session(s)")
    })
}

/// The N and M of `profile`'s summary line.
fn summary(stderr: &str, profile: &str) -> Option<(usize, usize)> {
    let words: Vec<&str> = summary_line(stderr, profile)?.split(' ').collect();
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

#[test]
fn ctrl_c_stops_a_fleet_close_after_the_requests_in_flight() {
    let sim = Sim::start(&["--sessions", "300", "--seed", "5", "--latency", "40ms"]);
    let mut cmd = sim.cmd(&["all", "close", "--where", "key~*", "--yes"]);
    let child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Once some sessions have gone, Ctrl-C.
    let t0 = std::time::Instant::now();
    while backends().map(|b| closed_by_client(&sim, b)).sum::<usize>() < 20 {
        assert!(t0.elapsed().as_secs() < 60, "no close began");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    crate::common::interrupt(&child);
    let run = crate::common::Run::from(child.wait_with_output().unwrap());
    assert_eq!(run.code, 130, "{}", run.stderr);
    assert!(run.stderr.contains("interrupted: "), "{}", run.stderr);
    // Each closing profile says what it closed, and what it did not try.
    let mut untried = 0;
    for b in backends().filter(|b| facts(b).close_verb.is_some()) {
        let (done, _) =
            summary(&run.stderr, b).unwrap_or_else(|| panic!("{b}: no summary: {}", run.stderr));
        assert_eq!(done, closed_by_client(&sim, b), "{b}: {}", run.stderr);
        let line = summary_line(&run.stderr, b).unwrap_or_default();
        untried += usize::from(line.contains(" not tried"));
    }
    assert!(untried > 0, "nothing left untried: {}", run.stderr);
}

#[test]
fn a_limit_of_zero_closes_nothing_and_says_the_limit_did_it() {
    let sim = Sim::with_sessions(6, 1);
    for b in backends().filter(|b| facts(b).close_verb.is_some()) {
        let run = sim
            .run(&[b, "close", "--where", "key~*", "--limit", "0", "--yes"])
            .ok();
        assert!(
            run.stderr.contains("--limit 0: 0 of the"),
            "{b}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("nothing to close"),
            "{b}: {}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("no session matches"),
            "{b}: {}",
            run.stderr
        );
        assert_eq!(closed_by_client(&sim, b), 0, "{b}");
    }
}
