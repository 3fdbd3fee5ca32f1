//! PowerScale OneFS: both API shapes (found by probing, or pinned), pages that follow `resume`
//! sent alone, the node filter, the order on the cluster or here, both logins and the token
//! cache, close by key, computer and user, and OneFS's own error text.

use std::collections::HashSet;

use serde_json::Value;

use crate::common::Sim;

/// The listing requests a `-v` run sent, as `> GET` lines' URLs.
fn list_requests(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter_map(|l| l.split("> GET ").nth(1))
        .filter(|u| u.contains("/sessions?"))
        .collect()
}

/// The keys a close's dry run shows.
fn dry_run_keys(sim: &Sim, close: &[&str]) -> (HashSet<String>, String) {
    let mut args = vec!["onefs", "close"];
    args.extend(close);
    args.extend(["--dry-run", "-o", "plain", "--columns", "key"]);
    let run = sim.run(&args).ok();
    let keys = run.lines().iter().map(|s| s.to_string()).collect();
    (keys, run.stderr)
}

fn keys(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| format!("{}/{}", r["lnn"], r["id"]))
        .collect()
}

#[test]
fn every_page_once_the_first_with_limit_the_rest_with_resume_alone() {
    let sim = Sim::with_sessions(1234, 3);
    let run = sim
        .run(&["-v", "onefs", "--page-size", "100", "-o", "ndjson"])
        .ok();
    let records = run.ndjson();
    assert_eq!(records.len(), 1234);
    let unique: HashSet<String> = keys(&records).into_iter().collect();
    assert_eq!(unique.len(), 1234, "a session was repeated");
    assert!(
        records.iter().all(|r| r["lnn"].is_u64()),
        "v11 gives each its node"
    );
    let requests = list_requests(&run.stderr);
    assert_eq!(requests.len(), 13, "{}", run.stderr);
    assert!(requests[0].contains("/platform/11/") && requests[0].ends_with("?limit=100"));
    for later in &requests[1..] {
        let query = later.split_once('?').unwrap().1;
        assert!(
            query.starts_with("resume=") && !query.contains('&'),
            "{later}"
        );
    }
    assert!(run.stderr.contains("latest PAPI is 16"), "{}", run.stderr);
}

#[test]
fn the_key_column_is_what_show_takes() {
    let sim = Sim::with_sessions(40, 5);
    let listed = sim.run(&["onefs", "key"]).ok();
    let key = listed.lines()[7].to_string();
    let (lnn, id) = key.split_once('/').unwrap();
    let shown = sim.run(&["onefs", "show", &key, "-o", "json"]).ok().json();
    let shown = shown.as_array().unwrap();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0]["lnn"].to_string(), lnn);
    assert_eq!(shown[0]["id"].to_string(), id);
    let absent = sim.run(&["onefs", "show", "65535/2147483647"]).code(5);
    assert!(
        absent.stderr.contains("no such session"),
        "{}",
        absent.stderr
    );
    let bad = sim.run(&["onefs", "show", "2-17"]).code(2);
    assert!(bad.stderr.contains("LNN/ID"), "{}", bad.stderr);
}

#[test]
fn node_goes_to_the_cluster_as_lnn() {
    let sim = Sim::with_sessions(200, 7);
    let run = sim.run(&["-v", "onefs", "--node", "2", "-o", "json"]).ok();
    let got = run.json();
    let got = got.as_array().unwrap();
    assert!(!got.is_empty());
    assert!(got.iter().all(|r| r["lnn"] == 2), "{got:?}");
    let all = sim.run(&["onefs", "-o", "json"]).ok().json();
    let on_two = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["lnn"] == 2)
        .count();
    assert_eq!(got.len(), on_two);
    assert!(
        list_requests(&run.stderr)[0].contains("&lnn=2"),
        "{}",
        run.stderr
    );
}

#[test]
fn v11_orders_here_and_filters_here_and_says_so() {
    let sim = Sim::with_sessions(300, 9);
    let run = sim
        .run(&[
            "-v",
            "onefs",
            "--order-by",
            "-idle_time",
            "--user",
            "admin",
            "-o",
            "json",
        ])
        .ok();
    assert!(
        run.stderr.contains("ordering by idle_time: here"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("filtering by computer and user here"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("sort="),
        "v11 has no sort: {}",
        run.stderr
    );
    let got = run.json();
    let got = got.as_array().unwrap();
    assert!(got.len() > 3);
    assert!(got.iter().all(|r| r["user"] == "admin"));
    let idle: Vec<u64> = got
        .iter()
        .map(|r| r["idle_time"].as_u64().unwrap())
        .collect();
    assert!(idle.windows(2).all(|w| w[0] >= w[1]), "{idle:?}");
}

#[test]
fn v1_is_found_by_probing_and_sorts_on_the_cluster() {
    let sim = Sim::start(&["--sessions", "200", "--seed", "4", "--onefs-version", "9.1"]);
    let run = sim
        .run(&[
            "-v",
            "onefs",
            "--order-by",
            "-openfiles",
            "--page-size",
            "7",
            "-o",
            "json",
        ])
        .ok();
    assert!(run.stderr.contains("latest PAPI is 11"), "{}", run.stderr);
    assert!(run.stderr.contains("on the cluster"), "{}", run.stderr);
    let requests = list_requests(&run.stderr);
    assert!(
        requests[0].contains("/platform/1/")
            && requests[0].ends_with("/sessions?limit=7&sort=openfiles&dir=DESC"),
        "{}",
        run.stderr
    );
    let got = run.json();
    let got = got.as_array().unwrap();
    assert!(got.len() > 7, "more than one page");
    assert!(
        got.iter().all(|r| r.get("lnn").is_none()),
        "v1 does not say the node"
    );
    let opens: Vec<u64> = got
        .iter()
        .map(|r| r["openfiles"].as_u64().unwrap())
        .collect();
    assert!(opens.windows(2).all(|w| w[0] >= w[1]), "{opens:?}");
    // v1 keys are ids alone; --node needs v11.
    let keys = sim.run(&["onefs", "key"]).ok();
    assert!(
        keys.lines().iter().all(|k| k.parse::<u32>().is_ok()),
        "{:?}",
        keys.lines()
    );
    let node = sim.run(&["onefs", "--node", "1"]).code(2);
    assert!(
        node.stderr.contains("--node needs the v11 API"),
        "{}",
        node.stderr
    );
}

#[test]
fn a_pinned_api_is_not_probed_and_a_wrong_one_says_onefs_s_words() {
    // OneFS 9.0 serves PAPI up to 10: no /platform/11 at all.
    let sim = Sim::start(&["--sessions", "20", "--seed", "4", "--onefs-version", "9.0"]);
    let v1 = sim.config_with("v1.toml", |c| c.set("onefs", "api", "v1"));
    let run = sim.run(&["-c", &v1, "-v", "onefs", "-o", "json"]).ok();
    assert!(!run.stderr.contains("/platform/latest"), "{}", run.stderr);
    assert!(!run.json().as_array().unwrap().is_empty());
    let v11 = sim.config_with("v11.toml", |c| c.set("onefs", "api", "v11"));
    let run = sim.run(&["-c", &v11, "onefs"]).code(5);
    assert!(run.stderr.contains("AEC_NOT_FOUND"), "{}", run.stderr);
    assert!(
        run.stderr.contains("onefs profile 'onefs' at https://"),
        "{}",
        run.stderr
    );
    let bad = sim.config_with("bad.toml", |c| c.set("onefs", "api", "v2"));
    let run = sim.run(&["-c", &bad, "onefs"]).code(2);
    assert!(run.stderr.contains("\"v1\""), "{}", run.stderr);
}

#[test]
fn the_session_login_is_cached_and_basic_never_posts() {
    let sim = Sim::with_sessions(5, 1).with_token_cache();
    let first = sim.run(&["-v", "onefs", "-o", "json"]).ok();
    assert!(first.stderr.contains("> POST") && first.stderr.contains("/session/1/session"));
    // A cached session is not ended: the next run takes it.
    assert!(!first.stderr.contains("> DELETE"), "{}", first.stderr);
    let second = sim.run(&["-v", "onefs", "-o", "json"]).ok();
    assert!(!second.stderr.contains("> POST"), "{}", second.stderr);
    assert!(
        second.stderr.contains("cached web session"),
        "{}",
        second.stderr
    );
    assert_eq!(first.json(), second.json());
    let basic = sim.config_with("basic.toml", |c| c.set("onefs", "login", "basic"));
    let run = sim.run(&["-c", &basic, "-v", "onefs", "-o", "json"]).ok();
    assert!(!run.stderr.contains("/session/1/session"), "{}", run.stderr);
    assert_eq!(run.json(), first.json());
    assert!(!run.stderr.contains(&sim.secret("onefs", "password")));
}

#[test]
fn a_refused_cached_session_logs_in_once_more() {
    let sim = Sim::with_sessions(5, 1).with_token_cache();
    sim.run(&["onefs"]).ok();
    let files = sim.token_cache_files();
    assert_eq!(files.len(), 1);
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    v["bearer_token"] = "0000-gone 0000-gone".into();
    std::fs::write(&files[0], v.to_string()).unwrap();
    let run = sim.run(&["-v", "onefs", "-o", "json"]).ok();
    assert!(
        run.stderr.contains("web session refused; logging in again"),
        "{}",
        run.stderr
    );
    assert_eq!(run.json().as_array().unwrap().len(), 5);
}

#[test]
fn a_wrong_password_is_exit_3_in_onefs_s_words() {
    let sim = Sim::with_sessions(5, 1);
    for login in ["session", "basic"] {
        let cfg = sim.config_with(&format!("{login}.toml"), |c| {
            c.set("onefs", "password", "wrong");
            c.set("onefs", "login", login);
        });
        let run = sim.run(&["-c", &cfg, "onefs"]).code(3);
        assert!(run.stderr.contains("HTTP 401"), "{login}: {}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{login}: {}", run.stderr);
    }
}

#[test]
fn close_by_user_ends_exactly_that_user_s_pairs() {
    let sim = Sim::with_sessions(150, 12);
    let all = sim.run(&["onefs", "-o", "json"]).ok().json();
    let all = all.as_array().unwrap().clone();
    // A domain user, whose name goes percent-encoded (`\` as %5C) in the DELETE's path.
    let user = all
        .iter()
        .filter_map(|r| r["user"].as_str())
        .find(|u| u.contains('\\'))
        .expect("a domain user")
        .to_string();
    let theirs: HashSet<String> = keys(
        &all.iter()
            .filter(|r| r["user"] == user.as_str())
            .cloned()
            .collect::<Vec<_>>(),
    )
    .into_iter()
    .collect();
    assert!(!theirs.is_empty());
    let (shown, _) = dry_run_keys(&sim, &["--user", &user]);
    assert_eq!(shown, theirs);
    let run = sim
        .run(&["-v", "onefs", "close", "--user", &user, "--yes"])
        .ok();
    let encoded = user.replace('\\', "%5C");
    assert!(run.stderr.contains(&encoded), "{}", run.stderr);
    let left = sim.run(&["onefs", "-o", "json"]).ok().json();
    let left = left.as_array().unwrap();
    assert_eq!(left.len(), all.len() - theirs.len());
    assert!(left.iter().all(|r| r["user"] != user.as_str()));
}

#[test]
fn close_by_key_shows_and_ends_the_whole_pair() {
    let sim = Sim::with_sessions(300, 2);
    let all = sim.run(&["onefs", "-o", "json"]).ok().json();
    let all = all.as_array().unwrap().clone();
    // A session whose computer and user have another session too.
    let pair = |r: &Value| (r["computer"].clone(), r["user"].clone());
    let shared = all
        .iter()
        .find(|r| all.iter().filter(|o| pair(o) == pair(r)).count() > 1)
        .expect("the simulator gives some pairs two sessions");
    let key = format!("{}/{}", shared["lnn"], shared["id"]);
    let siblings: HashSet<String> = keys(
        &all.iter()
            .filter(|o| pair(o) == pair(shared))
            .cloned()
            .collect::<Vec<_>>(),
    )
    .into_iter()
    .collect();
    let (shown, _) = dry_run_keys(&sim, &[&key]);
    assert_eq!(shown, siblings);
    // --limit never splits the pair nor passes its number: 1 leaves it out and says so; the
    // pair's size keeps it.
    let (limited, notes) = dry_run_keys(&sim, &[&key, "--limit", "1"]);
    assert!(notes.contains("would pass the limit"), "{notes}");
    assert!(limited.is_empty(), "{limited:?}");
    let size = siblings.len().to_string();
    let (limited, _) = dry_run_keys(&sim, &[&key, "--limit", &size]);
    assert_eq!(limited, siblings);
    let run = sim.run(&["onefs", "close", &key, "--yes"]).ok();
    let n = siblings.len();
    assert!(
        run.stderr.contains(&format!(" {n} of {n} session(s)")),
        "{}",
        run.stderr
    );
    let after = sim.run(&["onefs", "key"]).ok();
    assert!(after.lines().iter().all(|k| !siblings.contains(*k)));
}

#[test]
fn demo_lists_powerscale_sessions() {
    let run = Sim::with_sessions(1, 1)
        .run(&["--demo", "onefs", "-o", "json"])
        .ok();
    assert!(!run.json().as_array().unwrap().is_empty());
    let all = Sim::with_sessions(1, 1)
        .run(&["--demo", "all", "-o", "json"])
        .ok();
    let backends: HashSet<String> = all.json()["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["backend"].as_str().unwrap().to_string())
        .collect();
    assert!(backends.contains("onefs"), "{backends:?}");
}

#[test]
fn a_web_session_nobody_keeps_is_ended() {
    // The simulator's profiles keep tokens out of the cache.
    let sim = Sim::with_sessions(5, 1);
    let run = sim.run(&["-v", "onefs", "-o", "json"]).ok();
    let login = run.stderr.find("> POST").expect("logged in");
    let logout = run.stderr.rfind("> DELETE").expect("logged out");
    assert!(
        login < logout && run.stderr[logout..].contains("/session/1/session"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("could not end"), "{}", run.stderr);
}

#[test]
fn a_bulk_close_has_up_to_eight_pairs_in_flight_one_delete_each() {
    // Every answer waits 100 ms, so DELETEs sent together are answered together.
    let sim = Sim::start(&[
        "--sessions",
        "150",
        "--seed",
        "12",
        "--latency",
        "100ms",
        "--request-log",
    ]);
    let all = sim.run(&["onefs", "-o", "json"]).ok().json();
    let all = all.as_array().unwrap();
    let pairs: HashSet<(&str, &str)> = all
        .iter()
        .map(|r| (r["computer"].as_str().unwrap(), r["user"].as_str().unwrap()))
        .collect();
    assert!(pairs.len() > 20, "{}", pairs.len());
    let run = sim
        .run(&["onefs", "close", "--where", "lnn>=1", "--yes"])
        .ok();
    let n = all.len();
    assert!(
        run.stderr
            .contains(&format!("closed {n} of {n} session(s)")),
        "{}",
        run.stderr
    );
    let left = sim.run(&["onefs", "-o", "json"]).ok().json();
    assert_eq!(left.as_array().unwrap().len(), 0);
    // `onefs DELETE PATH MS ITEMS IN_FLIGHT`: the pairs' DELETEs (the login's is elsewhere).
    let log = std::fs::read_to_string(sim.files().join("requests.log")).unwrap();
    let in_flight: Vec<usize> = log
        .lines()
        .filter(|l| l.starts_with("onefs DELETE /platform/1/protocols/"))
        .map(|l| l.rsplit(' ').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(in_flight.len(), pairs.len(), "one DELETE a pair");
    let most = in_flight.iter().copied().max().unwrap();
    assert!(
        (2..=8).contains(&most),
        "at most 8 at once, and more than one: {most}"
    );
}
