//! The property of push-down, for every backend of the registry: over the simulator's
//! sessions, a listing with `--where` (what the backend sends to its server, then the client's
//! filter) selects exactly the sessions the plain client-side filter of the full listing
//! selects (`--no-push-down`). Selectors are drawn from the values the sessions hold, over
//! the common fields and each backend's own columns.

use std::collections::BTreeSet;

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value;

use crate::common::{backends, facts, Sim};

/// Fields whose value moves with the clock between two runs: left out.
const MOVING: [&str; 3] = ["age", "started", "expires_in_seconds"];

/// The common fields a selector draws from (besides the backend's own columns).
const COMMON: [&str; 7] = [
    "user",
    "client",
    "server",
    "protocol",
    "key",
    "idle",
    "encrypted",
];

/// A backend's sessions, as its listing prints them (without the run's own login).
fn listing(sim: &Sim, backend: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec![backend, "-o", "json"];
    args.extend_from_slice(extra);
    let own = facts(backend).lists_own_login;
    let run = sim.run(&args).ok();
    let sessions = run.json().as_array().unwrap().clone();
    sessions
        .into_iter()
        .filter(|s| !(own && s["current"] == true))
        .collect()
}

/// Every (field, value) the sessions hold: the backend's columns and the common fields (from
/// `all`'s common records).
fn candidates(sim: &Sim, backend: &str) -> Vec<(String, Value)> {
    let b = session_inspector::backends::find(backend).unwrap();
    let mut found = Vec::new();
    for s in listing(sim, backend, &[]) {
        for c in b.columns() {
            if MOVING.contains(&c.name) || c.name.contains('.') && c.name.ends_with("_id") {
                continue;
            }
            let v = (c.get)(s.as_object().unwrap()).to_json();
            found.push((c.name.to_string(), v));
        }
    }
    let json = sim
        .run(&["all", "--backend", backend, "-o", "json"])
        .ok()
        .json();
    for s in json["sessions"].as_array().unwrap() {
        for f in COMMON {
            let key = match f {
                "idle" => "idle_seconds",
                other => other,
            };
            found.push((f.to_string(), s[key].clone()));
        }
    }
    found.retain(|(_, v)| !v.is_null() && v != "");
    found
}

fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// One term over `value`, by its JSON type: numbers compared, booleans equal, text equal,
/// unequal or globbed (by a prefix), a list by one item, an address by its /16 or itself.
fn term(field: &str, value: &Value, op: usize, cut: usize) -> String {
    match value {
        Value::Number(n) => {
            let ops = ["=", "<", "<=", ">", ">=", "!="];
            format!("{field}{}{n}", ops[op % ops.len()])
        }
        Value::Bool(b) => format!("{field}={b}"),
        Value::Array(items) => match items.first() {
            Some(first) => term(field, first, op, cut),
            None => format!("{field}!=x"),
        },
        Value::String(s) => {
            let v4: Option<std::net::Ipv4Addr> = s.split(':').next().and_then(|a| a.parse().ok());
            if let (Some(ip), true) = (v4, op % 5 == 4) {
                let [a, b, ..] = ip.octets();
                return format!("{field}={a}.{b}.0.0/16");
            }
            let chars: Vec<char> = s.chars().collect();
            let prefix: String = chars[..cut % (chars.len() + 1)].iter().collect();
            match op % 5 {
                0 | 4 => format!("{field}={}", quoted(s)),
                1 => format!("{field}!={}", quoted(s)),
                2 => format!("{field}~{}", quoted(&format!("{prefix}*"))),
                _ => format!("{field}!~{}", quoted(&format!("{prefix}*"))),
            }
        }
        other => format!("{field}={other}"),
    }
}

fn keys(sessions: &[Value], backend: &str) -> BTreeSet<String> {
    let b = session_inspector::backends::find(backend).unwrap();
    let key = b.columns().iter().find(|c| c.name == "key").unwrap();
    sessions
        .iter()
        .map(|s| (key.get)(s.as_object().unwrap()).raw())
        .collect()
}

#[test]
fn push_down_selects_what_the_plain_client_side_filter_selects_on_every_backend() {
    let sim = Sim::with_sessions(30, 11);
    for backend in backends() {
        // A backend whose every run logs in anew as a session it lists limits those logins
        // (20 a minute): fewer cases there.
        let cases = if facts(backend).lists_own_login {
            7
        } else {
            16
        };
        let found = candidates(&sim, backend);
        assert!(found.len() > 20, "{backend}: {found:?}");
        drawn(backend, &found, cases, 3, |selector| {
            let pushed = listing(&sim, backend, &["--where", selector]);
            let plain = listing(&sim, backend, &["--where", selector, "--no-push-down"]);
            prop_assert_eq!(
                keys(&pushed, backend),
                keys(&plain, backend),
                "{} --where {}",
                backend,
                selector
            );
            Ok(())
        });
    }
}

/// Run `check` over selectors of 1 to `most` terms drawn from `found`, `cases` times.
fn drawn(
    backend: &str,
    found: &[(String, Value)],
    cases: u32,
    most: usize,
    check: impl Fn(&str) -> Result<(), TestCaseError>,
) {
    let picks = proptest::collection::vec((any::<Index>(), 0usize..30, 0usize..8), 1..=most);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&picks, |picks| {
        let terms: Vec<String> = picks
            .iter()
            .map(|(i, op, cut)| {
                let (field, value) = &found[i.index(found.len())];
                term(field, value, *op, *cut)
            })
            .collect();
        check(&terms.join(","))
    });
    if let Err(e) = result {
        panic!("{backend}: {e}");
    }
}

/// The `-v` line of a listing with `--where selector` that says what went to the server, and
/// how many sessions it listed; `None` when nothing went.
fn sent_line(sim: &Sim, backend: &str, selector: &str) -> Option<(String, usize)> {
    let run = sim.run(&[backend, "-v", "--where", selector, "key"]).ok();
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains("sent to the server:"))?;
    Some((line.to_string(), run.lines().len()))
}

#[test]
fn every_backend_sends_some_selector_to_its_server_and_says_so_on_v() {
    let sim = Sim::with_sessions(20, 5);
    for backend in backends() {
        let found = candidates(&sim, backend);
        let sent = found.iter().find_map(|(field, value)| {
            let selector = term(field, value, 0, 0);
            let (line, n) = sent_line(&sim, backend, &selector)?;
            Some((field, selector, line, n))
        });
        let (field, selector, line, n) =
            sent.unwrap_or_else(|| panic!("{backend}: nothing was pushed"));
        assert!(
            line.contains(&format!("--where {field}")),
            "{backend}: {line}"
        );
        assert!(
            n > 0,
            "{backend} --where {selector}: the pushed term still selects its session"
        );
        let here = sim
            .run(&[backend, "-v", "--where", &selector, "--no-push-down", "key"])
            .ok();
        assert!(
            here.stderr
                .contains("nothing sent to the server; every term is applied here"),
            "{backend}: {}",
            here.stderr
        );
    }
}

/// The keys `close --where SELECTOR --dry-run` would close (with `extra` flags).
fn close_keys(sim: &Sim, backend: &str, selector: &str, extra: &[&str]) -> BTreeSet<String> {
    let mut args = vec![
        backend,
        "close",
        "--where",
        selector,
        "--dry-run",
        "-o",
        "json",
    ];
    args.extend_from_slice(extra);
    let run = sim.run(&args).ok();
    keys(run.json().as_array().unwrap(), backend)
}

#[test]
fn close_with_push_down_chooses_what_the_plain_filter_chooses_on_every_closing_backend() {
    let sim = Sim::with_sessions(30, 13);
    for backend in backends().filter(|b| facts(b).close_verb.is_some()) {
        // Each run is a login where the listing holds its own (20 a minute).
        let cases = if facts(backend).lists_own_login { 4 } else { 8 };
        let found = candidates(&sim, backend);
        drawn(backend, &found, cases, 2, |selector| {
            let pushed = close_keys(&sim, backend, selector, &[]);
            let plain = close_keys(&sim, backend, selector, &["--no-push-down"]);
            prop_assert_eq!(pushed, plain, "{} close --where {}", backend, selector);
            Ok(())
        });
    }
}

#[test]
fn close_says_on_v_what_its_selection_sent_to_the_server() {
    let sim = Sim::with_sessions(20, 5);
    for backend in backends().filter(|b| facts(b).close_verb.is_some()) {
        let found = candidates(&sim, backend);
        // A term the listing sends, which chooses some session to close.
        let (args, line, stderr) = found
            .iter()
            .find_map(|(field, value)| {
                let selector = term(field, value, 0, 0);
                let (line, _) = sent_line(&sim, backend, &selector)?;
                let args = ["-v", backend, "close", "--where", &selector, "--dry-run"];
                let close = sim.run(&args).ok();
                let chose = close.stderr.contains("dry run: would close");
                chose.then(|| (args.map(String::from), line, close.stderr))
            })
            .unwrap_or_else(|| panic!("{backend}: nothing was pushed"));
        // The selector as -v writes it, and what it says when nothing is sent.
        let (_, written) = line.split_once("--where ").unwrap();
        let (written, _) = written.split_once(": sent to the server").unwrap();
        let nothing = format!("--where {written}: nothing sent to the server");
        match facts(backend).close_pushes_down {
            true => assert!(stderr.contains(&line), "{backend}: {line} in {stderr}"),
            false => assert!(stderr.contains(&nothing), "{backend}: {stderr}"),
        }
        let mut local: Vec<&str> = args.iter().map(String::as_str).collect();
        local.push("--no-push-down");
        let here = sim.run(&local).ok();
        assert!(
            here.stderr.contains(&nothing) && !here.stderr.contains("sent to the server:"),
            "{backend}: {}",
            here.stderr
        );
    }
}
