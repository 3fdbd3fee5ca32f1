//! `--where` and `--count-by` on every backend of the registry and on `all`, against the
//! simulator: the selected sessions are exactly those the selector describes, with and
//! without push-down; the groups add up; mistakes exit 2.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::common::{backends, facts, Sim};

/// A backend's sessions in the common record (`all --backend B`), without the run's own
/// login where it lists one (each run has a session of its own).
fn common(sim: &Sim, backend: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["all", "--backend", backend, "-o", "json"];
    args.extend_from_slice(extra);
    let json = sim.run(&args).ok().json();
    let own = facts(backend).lists_own_login;
    json["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !(own && s["raw"]["current"] == true))
        .cloned()
        .collect()
}

/// The keys of a backend's own listing under `extra` (its run's own login left out).
fn keys(sim: &Sim, backend: &str, extra: &[&str]) -> BTreeSet<String> {
    let mut args = vec![backend, "-o", "json"];
    args.extend_from_slice(extra);
    let own = facts(backend).lists_own_login;
    sim.run(&args)
        .ok()
        .json()
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !(own && s["current"] == true))
        .map(|s| session_key(backend, s))
        .collect()
}

/// A vendor record's key, as its `key` column shows it.
fn session_key(backend: &str, record: &Value) -> String {
    let b = session_inspector::backends::find(backend).unwrap();
    let column = b.columns().iter().find(|c| c.name == "key").unwrap();
    (column.get)(record.as_object().unwrap()).raw()
}

fn keys_of<'a>(sessions: impl IntoIterator<Item = &'a Value>) -> BTreeSet<String> {
    sessions
        .into_iter()
        .map(|s| s["key"].as_str().unwrap().to_string())
        .collect()
}

/// The value most sessions share in a common field, and how many share it.
fn most_common<'a>(sessions: &'a [Value], field: &str) -> Option<&'a str> {
    let mut n: BTreeMap<&str, usize> = BTreeMap::new();
    for s in sessions {
        if let Some(v) = s[field].as_str().filter(|v| !v.is_empty()) {
            *n.entry(v).or_default() += 1;
        }
    }
    n.into_iter().max_by_key(|(_, c)| *c).map(|(v, _)| v)
}

#[test]
fn every_backend_selects_by_the_common_fields_with_and_without_push_down() {
    let sim = Sim::with_sessions(40, 25);
    for b in backends() {
        let all = common(&sim, b, &[]);
        assert!(all.len() > 5, "{b}: {} sessions", all.len());
        let mut selectors: Vec<(String, BTreeSet<String>)> = Vec::new();
        if let Some(user) = most_common(&all, "user") {
            let want = keys_of(all.iter().filter(|s| s["user"] == user));
            selectors.push((format!("user='{user}'"), want));
            let not = keys_of(
                all.iter()
                    .filter(|s| s["user"].is_string() && s["user"] != user),
            );
            selectors.push((format!("user!='{user}'"), not));
        }
        let idle: Vec<f64> = all
            .iter()
            .filter_map(|s| s["idle_seconds"].as_f64())
            .collect();
        if let Some(mid) = idle.get(idle.len() / 2) {
            let want = keys_of(
                all.iter()
                    .filter(|s| s["idle_seconds"].as_f64() > Some(*mid)),
            );
            selectors.push((format!("idle>{mid}"), want));
        }
        let clients = all
            .iter()
            .filter(|s| s["client"].as_str().is_some_and(|c| c.starts_with("10.1.")));
        if all.iter().any(|s| s["client"].is_string()) {
            selectors.push(("client=10.1.0.0/16".into(), keys_of(clients)));
        }
        assert!(!selectors.is_empty(), "{b}: nothing to select by");
        for (selector, want) in selectors {
            let pushed = keys(&sim, b, &["--where", &selector]);
            assert_eq!(pushed, want, "{b} --where {selector}");
            let here = keys(&sim, b, &["--where", &selector, "--no-push-down"]);
            assert_eq!(here, want, "{b} --where {selector} --no-push-down");
            let fleet = keys_of(&common(&sim, b, &["--where", &selector]));
            assert_eq!(fleet, want, "all --backend {b} --where {selector}");
        }
    }
}

#[test]
fn a_backend_column_selects_by_its_name_and_limit_comes_after_the_filter() {
    let sim = Sim::with_sessions(30, 7);
    for b in backends() {
        let all = common(&sim, b, &[]);
        let first = &all[0];
        let key = first["key"].as_str().unwrap();
        // The `key` column is every backend's own column and a common field alike.
        let one = keys(&sim, b, &["--where", &format!("key='{key}'")]);
        assert_eq!(one, BTreeSet::from([key.to_string()]), "{b}");
        let limited = sim
            .run(&[
                b,
                "--where",
                &format!("key!='{key}'"),
                "--limit",
                "2",
                "-o",
                "json",
            ])
            .ok()
            .json();
        let shown = limited.as_array().unwrap();
        assert_eq!(shown.len(), 2, "{b}: --limit counts what was selected");
        assert!(shown.iter().all(|s| session_key(b, s) != key), "{b}");
    }
}

#[test]
fn mistakes_exit_2_naming_the_offset_or_the_fields() {
    let sim = Sim::with_sessions(3, 1);
    for b in backends() {
        let run = sim.run(&[b, "--where", "user=a,idle>"]).code(2);
        assert!(
            run.stderr.contains("at offset 12: expected a value"),
            "{b}: {}",
            run.stderr
        );
        let run = sim.run(&[b, "--where", "nosuch=1"]).code(2);
        assert!(
            run.stderr.contains("no field 'nosuch'"),
            "{b}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("idle, encrypted"),
            "{b}: {}",
            run.stderr
        );
    }
    sim.run(&["all", "--where", "user~"]).code(2);
    // A column of one backend is a field of `all`: the others' sessions simply lack it.
    let b = backends().next().unwrap();
    let column = session_inspector::backends::find(b).unwrap().columns()[0].name;
    sim.run(&["all", "--where", &format!("{column}~*"), "-o", "json"])
        .ok();
}

#[test]
fn count_by_adds_up_in_every_format_and_across_backends() {
    let sim = Sim::with_sessions(20, 3);
    let mut per_backend: BTreeMap<String, u64> = BTreeMap::new();
    for b in backends() {
        let n = sim
            .run(&["all", "--backend", b, "-o", "ndjson"])
            .ok()
            .lines()
            .len();
        per_backend.insert(b.to_string(), n as u64);
    }
    let json = sim
        .run(&["all", "--count-by", "backend", "-o", "json"])
        .ok()
        .json();
    let counted: BTreeMap<String, u64> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["backend"].as_str().unwrap().to_string(),
                g["count"].as_u64().unwrap(),
            )
        })
        .collect();
    // TrueNAS-like backends list the run's own login: one more session per run at most.
    for (b, n) in &per_backend {
        let got = counted[b];
        assert!(
            got == *n || (facts(b).lists_own_login && got.abs_diff(*n) <= 1),
            "{b}: {got} vs {n}"
        );
    }
    let counts: Vec<u64> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["count"].as_u64().unwrap())
        .collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "most first: {counts:?}"
    );
    for b in backends() {
        let groups = sim
            .run(&[b, "--count-by", "user,protocol", "-o", "csv"])
            .ok();
        assert_eq!(
            groups.lines()[0],
            "user,protocol,count,idle_max_seconds",
            "{b}"
        );
        let total: u64 = groups.lines()[1..]
            .iter()
            .map(|l| l.rsplit(',').nth(1).unwrap().parse::<u64>().unwrap())
            .sum();
        assert!(total.abs_diff(per_backend[b]) <= 1, "{b}: {total}");
        let table = sim.run(&[b, "--count-by", "user"]).ok();
        assert!(
            table.lines()[0].starts_with("USER"),
            "{b}: {}",
            table.stdout
        );
    }
    let metrics = sim
        .run(&["all", "--count-by", "backend,encrypted", "-o", "prometheus"])
        .ok();
    assert!(
        metrics.stdout.contains("# TYPE sessions_counted gauge"),
        "{}",
        metrics.stdout
    );
    let series = metrics
        .lines()
        .into_iter()
        .filter(|l| l.starts_with("sessions_counted{backend="))
        .count();
    assert!(series >= per_backend.len(), "{}", metrics.stdout);
    for field in ["key", "idle", "started"] {
        let run = sim
            .run(&["all", "--count-by", field, "-o", "prometheus"])
            .code(2);
        assert!(
            run.stderr.contains("one series per session"),
            "{field}: {}",
            run.stderr
        );
    }
    sim.run(&["all", "--count-by", "nosuch"]).code(2);
}
