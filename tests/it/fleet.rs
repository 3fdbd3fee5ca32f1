//! `sessions all` in the common record, concurrent; `--watch` over a churning simulator.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

use session_inspector::backends::ALL;

use crate::common::{any_backend, backends, facts, Sim};

/// The common record's fields, in order, as issue 12 and the design contract name them.
const FIELDS: &str = "backend profile key user client server protocol started age_seconds idle_seconds encrypted detail raw";

/// How many sessions each backend lists on its own (with the run's own login where it lists
/// one).
fn counts(sim: &Sim) -> HashMap<String, usize> {
    backends()
        .map(|b| {
            let n = sim.run(&[b, "-o", "ndjson"]).ok().lines().len();
            (b.to_string(), n)
        })
        .collect()
}

fn per_profile(sessions: &[Value]) -> HashMap<String, usize> {
    let mut n = HashMap::new();
    for s in sessions {
        *n.entry(s["profile"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    n
}

#[test]
fn all_counts_add_up_in_one_schema_and_csv_has_one_header() {
    let sim = Sim::with_sessions(15, 4);
    let want = counts(&sim);
    let json = sim.run(&["all", "-o", "json"]).ok().json();
    assert_eq!(json["errors"], serde_json::json!([]));
    let sessions = json["sessions"].as_array().unwrap();
    assert_eq!(per_profile(sessions), want);
    for s in sessions {
        let keys: Vec<&str> = s.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.join(" "), FIELDS, "{s}");
        assert!(s["key"].is_string(), "every backend has a key: {s}");
        assert!(s["raw"].is_object());
    }
    let csv = sim.run(&["all", "-o", "csv"]).ok();
    let headers = csv
        .lines()
        .iter()
        .filter(|l| l.starts_with("profile,"))
        .count();
    assert_eq!(headers, 1, "{}", csv.stdout);
    assert_eq!(csv.lines().len(), 1 + want.values().sum::<usize>());
    // Every line of the stream is one whole record: pages never interleave mid-line.
    let ndjson = sim.run(&["all", "-o", "ndjson", "--concurrency", "4"]).ok();
    assert_eq!(per_profile(&ndjson.ndjson()), want);
    // The common names work for --columns and --sort, on every backend.
    let sorted = sim
        .run(&[
            "all",
            "--columns",
            "user,idle_seconds",
            "--sort",
            "-idle_seconds",
            "-o",
            "csv",
        ])
        .ok();
    assert_eq!(sorted.lines()[0], "user,idle_seconds");
    let idle: Vec<f64> = sorted.lines()[1..]
        .iter()
        .filter_map(|l| l.split(',').nth(1).and_then(|v| v.parse().ok()))
        .collect();
    assert!(idle.windows(2).all(|w| w[0] >= w[1]), "{idle:?}");
}

#[test]
fn a_profile_that_is_down_is_exit_6_an_errors_entry_and_one_stderr_line() {
    let sim = Sim::with_sessions(10, 5);
    // Nothing listens on port 1: the last backend's profile fails to connect.
    let (up, down_one) = ALL.split_at(ALL.len() - 1);
    let gone = down_one[0].name();
    let down = sim.config_with("down.toml", |c| c.set(gone, "url", "https://127.0.0.1:1"));
    let json = sim.run(&["-c", &down, "all", "-o", "json"]).code(6);
    let doc = json.json();
    let sessions = doc["sessions"].as_array().unwrap();
    let n = per_profile(sessions);
    assert_eq!(n.get(gone), None);
    for b in up {
        let own = usize::from(b.about().tests.lists_own_login);
        assert_eq!(n[b.name()], 10 + own, "{}", b.name());
    }
    let errors = doc["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["profile"], gone);
    assert_eq!(errors[0]["error"]["kind"], "network");
    assert!(errors[0]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("127.0.0.1:1"));
    let stderr: Vec<&str> = json.stderr.lines().collect();
    assert_eq!(
        stderr
            .iter()
            .filter(|l| l.contains(&format!("{gone} profile '{gone}'")))
            .count(),
        1,
        "{stderr:?}"
    );
    // A table's failures go to stderr only, each once.
    let table = sim.run(&["-c", &down, "all"]).code(6);
    assert!(
        !table.stdout.contains(&format!("{gone} profile")),
        "{}",
        table.stdout
    );
    assert!(!table.stdout.contains("failed"), "{}", table.stdout);
    assert_eq!(
        table
            .stderr
            .matches(&format!("{gone} profile '{gone}'"))
            .count(),
        1,
        "{}",
        table.stderr
    );
    assert!(table.lines().len() > 30, "the others' rows print");
    let ndjson = sim.run(&["-c", &down, "all", "-o", "ndjson"]).code(6);
    let lines = ndjson.ndjson();
    assert_eq!(lines.last().unwrap()["error"]["kind"], "network");
    // Only the backends asked for; only the profiles named.
    let two = format!("{},{}", up[0].name(), up[1].name());
    let some = sim.run(&["-c", &down, "all", "--backend", &two, "-o", "ndjson"]);
    let n = per_profile(&some.ok().ndjson());
    assert_eq!(n.keys().count(), 2, "{n:?}");
    let named = sim
        .run(&["-p", up[1].name(), "-p", up[0].name(), "all", "-o", "json"])
        .ok();
    assert_eq!(
        per_profile(named.json()["sessions"].as_array().unwrap()).len(),
        2
    );
    sim.run(&["all", "--backend", "nosuch"]).code(2);
}

#[test]
fn a_slow_profile_holds_back_no_other() {
    // The slow profile is the config's last: the others are fetched while it is, and print
    // in config order, the first as it arrives.
    let last = backends().last().unwrap();
    let sim = Sim::start(&["--sessions", "5", "--latency", &format!("{last}=3s")]);
    let order: Vec<String> = sim.profiles().iter().map(|p| format!("{p:?}")).collect();
    assert_eq!(order.last().unwrap(), &format!("{last:?}"));
    let started = Instant::now();
    let mut child = sim
        .cmd(&["all", "-o", "ndjson"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    out.read_line(&mut first).unwrap();
    let first_at = started.elapsed();
    let rest: Vec<String> = out.lines().map(|l| l.unwrap()).collect();
    assert!(child.wait().unwrap().success());
    assert!(started.elapsed() >= Duration::from_secs(3));
    assert!(
        first_at < Duration::from_millis(2500),
        "the first line waited {first_at:?} for the slow profile"
    );
    let profiles: Vec<String> = std::iter::once(&first)
        .chain(&rest)
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["profile"].to_string())
        .collect();
    let mut runs = profiles.clone();
    runs.dedup();
    assert_eq!(runs, order, "config order");
}

/// `all`'s order is the config's, whatever order the profiles answer in.
#[test]
fn all_prints_in_config_order_every_run() {
    let first = any_backend();
    let sim = Sim::start(&["--sessions", "3", "--latency", &format!("{first}=300ms")]);
    let order = sim.profiles();
    for _ in 0..3 {
        let run = sim.run(&["all", "profile", "-o", "plain"]).ok();
        let mut seen: Vec<&str> = run.lines();
        seen.dedup();
        assert_eq!(seen, order);
    }
}

/// An event's or a change's time, comparable as text (both are UTC with milliseconds).
fn at(v: &Value) -> &str {
    v["at"].as_str().unwrap()
}

#[test]
fn a_watch_sees_what_the_churning_simulator_logged() {
    let sim = Sim::start(&["--sessions", "8", "--seed", "9", "--churn", "4"]);
    let child = sim
        .cmd(&["all", "--watch", "100ms"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // 30 ticks: more than TrueNAS's 20 logins a minute, so the login must be kept.
    std::thread::sleep(Duration::from_secs(3));
    crate::common::interrupt(&child);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "Ctrl-C exits 130");
    let events: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        events.iter().all(|e| e["event"] != "error"),
        "no tick failed: {:?}",
        events.iter().find(|e| e["event"] == "error")
    );
    // Each profile ticks on its own: its first tick (every session "opened"), and the times
    // of its events, per backend.
    let mut ticks: HashMap<&Value, Vec<&str>> = HashMap::new();
    for e in &events {
        ticks
            .entry(&e["session"]["backend"])
            .or_default()
            .push(at(e));
    }
    assert!(
        ticks.values().any(|t| t.first() < t.last()),
        "events over more than one tick"
    );
    let first = |backend: &Value| ticks[backend][0];
    let log_text = std::fs::read_to_string(sim.files().join("changes.ndjson")).unwrap();
    let log: Vec<Value> = log_text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let seen = |e: &Value| (e["event"].clone(), e["backend"].clone(), e["key"].clone());
    let logged: Vec<(Value, Value, Value)> = log.iter().map(seen).collect();
    // Every change the watch reported after a profile's first tick happened in the simulator.
    let reported: Vec<(Value, Value, Value)> = events
        .iter()
        .filter(|e| at(e) > first(&e["session"]["backend"]))
        .map(|e| {
            let s = &e["session"];
            (e["event"].clone(), s["backend"].clone(), s["key"].clone())
        })
        .collect();
    assert!(reported.len() >= 10, "only {} changes seen", reported.len());
    for r in &reported {
        assert!(
            logged.contains(r),
            "the watch reported {r:?}, which the simulator never did"
        );
    }
    // Every change the simulator made between a profile's first tick and its last-but-one,
    // to a session it changed only once, was reported.
    let mut times: HashMap<&Value, usize> = HashMap::new();
    for c in &log {
        *times.entry(&c["key"]).or_default() += 1;
    }
    let before_last = |backend: &Value| {
        let t = &ticks[backend];
        let last = t[t.len() - 1];
        t.iter()
            .copied()
            .filter(|a| *a < last)
            .max()
            .unwrap_or(t[0])
    };
    let mut checked = 0;
    for c in &log {
        let b = &c["backend"];
        if !ticks.contains_key(b) {
            continue;
        }
        if at(c) > first(b) && at(c) < before_last(b) && times[&c["key"]] == 1 {
            assert!(reported.contains(&seen(c)), "the watch missed {c}");
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} changes were checked");
}

#[test]
fn one_backend_watches_and_exports_too() {
    let sim = Sim::with_sessions(6, 2);
    let b = any_backend();
    let n = 6 + usize::from(facts(b).lists_own_login);
    let prom = sim.run(&[b, "-o", "prometheus"]).ok();
    let active = format!("sessions_active{{backend=\"{b}\",profile=\"{b}\"}} {n}\n");
    assert!(prom.stdout.contains(&active), "{}", prom.stdout);
    let mut child = sim
        .cmd(&[b, "--watch", "200ms", "-o", "ndjson"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let lines: Vec<Value> = (0..6)
        .map(|_| {
            let mut l = String::new();
            out.read_line(&mut l).unwrap();
            serde_json::from_str(&l).unwrap()
        })
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    for e in &lines {
        assert_eq!(e["event"], "opened");
        assert_eq!(e["session"]["backend"], b);
    }
    sim.run(&["all", "--watch", "--output-file", "x.json"])
        .code(2);
}

/// How many `--watch` frames `bytes` holds: each begins with cursor home, clear the screen.
fn frames(bytes: &[u8]) -> usize {
    const REDRAW: &[u8] = b"\x1b[H\x1b[2J";
    bytes.windows(REDRAW.len()).filter(|w| *w == REDRAW).count()
}

#[test]
fn a_slow_profile_does_not_slow_the_watch() {
    // Every request to the last backend of the registry takes two seconds; the others answer
    // at once. The frames keep coming every 200 ms. Two seconds, not one: a profile is late
    // once it has not answered for a second, and a backend that lists in one request with
    // its login kept would otherwise answer about as often as that, so it would never be.
    let slow = ALL.last().unwrap().name();
    let sim = Sim::start(&["--sessions", "3", "--latency", &format!("{slow}=2s")]);
    let mut cmd = sim.cmd(&["all", "--watch", "200ms"]);
    cmd.env("COLUMNS", "400");
    let run = crate::common::PtyRun::start(cmd, 40, 400);
    let t0 = Instant::now();
    let waiting = format!("slow: {slow} (no answer yet)");
    let early = run.wait_for(Duration::from_secs(20), |b| {
        String::from_utf8_lossy(b).contains(&waiting)
    });
    let (took, shown) = (t0.elapsed(), run.written());
    assert!(early, "{}", String::from_utf8_lossy(&shown));
    // The slow profile has not answered yet, and the others' frames came all along.
    let n = frames(&shown);
    assert!(
        n >= 4 && took < Duration::from_secs(8),
        "{n} frames in {took:?}: {}",
        String::from_utf8_lossy(&shown)
    );
    // Once it answered, between its answers it shows its last sessions with their age.
    let aged = format!("slow: {slow} (as of ");
    let later = run.wait_for(Duration::from_secs(30), |b| {
        String::from_utf8_lossy(b).contains(&aged)
    });
    let bytes = run.kill();
    let text = String::from_utf8_lossy(&bytes);
    assert!(later, "{text}");
    let screen_with_aged = text.rfind(&aged).unwrap();
    let frame = &text[text[..screen_with_aged].rfind("\x1b[2J").unwrap()..];
    assert!(
        frame.contains(&format!(" {slow} ")),
        "the slow profile's sessions stay on screen: {frame}"
    );
}
