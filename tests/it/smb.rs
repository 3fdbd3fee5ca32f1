//! Qumulo SMB: paging, filters, login and the token cache, close, path prefixes.

use std::collections::HashSet;

use reqwest::Method;

use crate::common::Sim;

#[test]
fn pages_2500_sessions_at_page_size_100_exactly_once() {
    let sim = Sim::with_sessions(2500, 3);
    let run = sim
        .run(&["-v", "smb", "--page-size", "100", "-o", "ndjson"])
        .ok();
    let records = run.ndjson();
    assert_eq!(records.len(), 2500);
    let locations: HashSet<&str> = records
        .iter()
        .map(|r| r["location"].as_str().unwrap())
        .collect();
    assert_eq!(locations.len(), 2500, "a session was repeated");
    let list_requests = run
        .stderr
        .lines()
        .filter(|l| l.contains("> GET ") && l.contains("/v1/smb/sessions/"))
        .count();
    assert_eq!(list_requests, 25, "{}", run.stderr);
}

#[test]
fn identity_filter_is_sent_encoded_and_applied_by_the_server() {
    let sim = Sim::with_sessions(300, 4);
    let all = sim.run(&["smb", "-o", "json"]).ok().json();
    let expected = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["user"]["domain"] == "LOCAL" && r["user"]["name"] == "admin")
        .count();
    assert!(expected > 0 && expected < 300);
    let run = sim
        .run(&["-v", "smb", "--identity", "local:admin", "-o", "json"])
        .ok();
    assert!(
        run.stderr.contains("identity=local%3Aadmin"),
        "{}",
        run.stderr
    );
    let got = run.json();
    let got = got.as_array().unwrap();
    assert_eq!(got.len(), expected);
    assert!(got.iter().all(|r| r["user"]["name"] == "admin"));
}

#[test]
fn second_run_reuses_the_cached_token() {
    let sim = Sim::with_sessions(5, 1).with_token_cache();
    let first = sim.run(&["-v", "smb"]).ok();
    assert!(
        first.stderr.contains("POST") && first.stderr.contains("/v1/session/login"),
        "{}",
        first.stderr
    );
    let second = sim.run(&["-v", "smb"]).ok();
    assert!(
        !second.stderr.contains("/v1/session/login"),
        "logged in again: {}",
        second.stderr
    );
    assert!(
        second.stderr.contains("cached login token"),
        "{}",
        second.stderr
    );
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn a_refused_cached_token_is_renewed_once() {
    let sim = Sim::with_sessions(5, 1).with_token_cache();
    sim.run(&["smb"]).ok();
    let files = sim.token_cache_files();
    assert_eq!(files.len(), 1);
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    v["bearer_token"] = "1:revoked".into();
    std::fs::write(&files[0], v.to_string()).unwrap();

    let run = sim.run(&["-v", "smb", "-o", "json"]).ok();
    assert!(
        run.stderr.contains("token refused; logging in again"),
        "{}",
        run.stderr
    );
    assert_eq!(run.json().as_array().unwrap().len(), 5);
}

#[test]
fn token_cache_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let sim = Sim::with_sessions(1, 1).with_token_cache();
    sim.run(&["smb"]).ok();
    let files = sim.token_cache_files();
    assert_eq!(files.len(), 1);
    assert_eq!(
        std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn base_url_with_api_prefix_works() {
    let sim = Sim::with_sessions(30, 2);
    let url = format!("{}/api", sim.value("smb", "url"));
    let run = sim
        .run(&[
            "-v",
            "--url",
            &url,
            "smb",
            "--page-size",
            "7",
            "-o",
            "ndjson",
        ])
        .ok();
    assert_eq!(run.ndjson().len(), 30);
    assert!(
        run.stderr.contains("/api/v1/smb/sessions/?after="),
        "{}",
        run.stderr
    );
}

#[test]
fn close_really_removes_sessions() {
    let sim = Sim::with_sessions(60, 5);
    let before = sim.run(&["smb", "-o", "json"]).ok().json();
    let target = before[0]["originator"].as_str().unwrap().to_string();
    let n_target = before
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["originator"] == target.as_str())
        .count();

    let dry = sim
        .run(&[
            "smb",
            "close",
            "--originator",
            &target,
            "--dry-run",
            "-o",
            "json",
        ])
        .ok();
    assert_eq!(dry.json().as_array().unwrap().len(), n_target);
    assert_eq!(
        sim.run(&["smb", "-o", "json"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        60
    );

    // Without --yes and with no terminal to ask on, nothing happens.
    sim.run(&["smb", "close", "--originator", &target]).code(2);

    let closed = sim
        .run(&["smb", "close", "--originator", &target, "--yes"])
        .ok();
    assert!(
        closed
            .stderr
            .contains(&format!("closed {n_target} of {n_target}")),
        "{}",
        closed.stderr
    );
    let after = sim.run(&["smb", "-o", "json"]).ok().json();
    let after = after.as_array().unwrap();
    assert_eq!(after.len(), 60 - n_target);
    assert!(after.iter().all(|r| r["originator"] != target.as_str()));
}

#[test]
fn close_needs_a_selector() {
    let sim = Sim::with_sessions(3, 1);
    let run = sim.run(&["smb", "close", "--yes"]).code(2);
    assert!(
        run.stderr.contains("say which sessions to close"),
        "{}",
        run.stderr
    );
}

#[test]
fn empty_pages_with_next_are_followed() {
    let sim = Sim::start(&["--sessions", "50", "--fault", "empty-pages:3"]);
    let run = sim
        .run(&["-v", "smb", "--page-size", "10", "-o", "ndjson"])
        .ok();
    assert_eq!(run.ndjson().len(), 50);
    // The three empty pages were served and followed: 5 pages of records, 3 without any
    // (a page with no session is under 200 bytes; one with ten is thousands).
    let log: Vec<&str> = run.stderr.lines().collect();
    let sizes: Vec<u64> = log
        .windows(2)
        .filter(|w| w[0].contains("> GET ") && w[0].contains("/v1/smb/sessions/"))
        .map(|w| {
            let bytes = w[1].rsplit(", ").next().unwrap();
            bytes.trim_end_matches(" bytes)").parse().unwrap()
        })
        .collect();
    assert_eq!(sizes.len(), 8, "{}", run.stderr);
    assert_eq!(
        sizes.iter().filter(|n| **n < 200).count(),
        3,
        "{}",
        run.stderr
    );
}

#[test]
fn quirks_numbers_as_strings_and_empty_next() {
    let sim = Sim::start(&["--sessions", "40", "--quirks"]);
    // What the server really sends: numbers as strings, and "" as the last page's next link.
    let login = serde_json::json!({"username": "admin", "password": sim.secret("smb", "password")});
    let (_, token) = sim.api("smb", Method::POST, "/v1/session/login", None, Some(login));
    let token = token["bearer_token"].as_str().unwrap().to_string();
    let mut next = "/v1/smb/sessions/?limit=15".to_string();
    let mut pages = Vec::new();
    while !next.is_empty() {
        let (status, page) = sim.api("smb", Method::GET, &next, Some(&token), None);
        assert!(status.is_success(), "{next}: {status}");
        next = page["paging"]["next"]
            .as_str()
            .expect("next is a string")
            .to_string();
        pages.push(page);
    }
    assert_eq!(pages.len(), 3, "the last page's next is \"\", not null");
    assert!(pages
        .iter()
        .flat_map(|p| p["session_infos"].as_array().unwrap())
        .all(|s| s["num_opens"].is_string() && s["tenant_id"].is_string()));

    let recs = sim
        .run(&["smb", "--page-size", "15", "-o", "ndjson"])
        .ok()
        .ndjson();
    assert_eq!(recs.len(), 40);
    // Numbers sent as strings come out as numbers.
    assert!(recs
        .iter()
        .all(|r| r["num_opens"].is_u64() && r["tenant_id"].is_u64()));
    let table = sim.run(&["smb", "-o", "wide"]).ok();
    assert_eq!(table.lines().len(), 41);
}

/// Qumulo error bodies may nest an `inner` error of the same shape (qumulo-api 7.10.2.1); the
/// innermost says what went wrong.
#[test]
fn the_innermost_vendor_error_is_shown() {
    let sim = Sim::with_sessions(5, 1);
    let run = sim.run(&["smb", "--identity", "bogus:x"]).code(5);
    assert!(
        run.stderr.contains(
            "HTTP 400 Bad Request: api_invalid_identity_error: unknown identity prefix 'bogus:' in 'bogus:x'"
        ),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("http_bad_request_error"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

/// Qumulo's `time_idle` keeps the vendor's form in a projection as in the whole record, and
/// its seconds are integers in csv and plain.
#[test]
fn time_idle_keeps_its_form_and_seconds_are_integers() {
    let sim = Sim::with_sessions(30, 7);
    let whole = sim.run(&["smb", "-o", "json"]).ok().json();
    let projected = sim.run(&["smb", "key,time_idle", "-o", "json"]).ok().json();
    let whole = whole.as_array().unwrap();
    for (w, p) in whole.iter().zip(projected.as_array().unwrap()) {
        assert!(w["time_idle"]["nanoseconds"].is_string(), "{w}");
        assert_eq!(p["time_idle"], w["time_idle"]);
        assert_eq!(p["key"], w["location"]);
    }
    // The simulator's nanoseconds are not whole seconds: the added seconds are, rounded.
    assert!(whole.iter().any(|w| !w["time_idle"]["nanoseconds"]
        .as_str()
        .unwrap()
        .ends_with("000000000")));
    let csv = sim
        .run(&[
            "smb",
            "--columns",
            "time_open_seconds,time_idle_seconds",
            "-o",
            "csv",
            "--no-headers",
        ])
        .ok();
    let plain = sim
        .run(&["smb", "time_open_seconds,time_idle_seconds"])
        .ok();
    for ((w, csv), plain) in whole.iter().zip(csv.lines()).zip(plain.lines()) {
        let nanos: u64 = w["time_idle"]["nanoseconds"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        let secs = (nanos + 500_000_000) / 1_000_000_000;
        assert_eq!(w["time_idle_seconds"], secs, "{w}");
        let want = format!("{},{}", w["time_open_seconds"], w["time_idle_seconds"]);
        assert_eq!(csv, want);
        assert_eq!(plain, want.replace(',', "\t"));
        // What `$(( ))` takes.
        assert!(
            plain.split('\t').all(|n| n.parse::<u64>().is_ok()),
            "{plain}"
        );
    }
}

/// The token cache keeps a login, but a changed password is noticed at the next run.
#[test]
fn a_changed_password_is_noticed_at_once_despite_the_token_cache() {
    // The same cache serves every run here; only the password differs.
    let sim = Sim::with_sessions(3, 1).with_token_cache();
    let good = sim.config.to_str().unwrap();
    sim.run(&["-c", good, "smb", "-o", "json"]).ok();
    let cached = sim.run(&["-c", good, "-v", "smb", "-o", "json"]).ok();
    assert!(
        cached.stderr.contains("cached login token"),
        "{}",
        cached.stderr
    );

    let wrong = sim.config_with("wrong.toml", |c| {
        c.set("smb", "password", "rotated-or-wrong")
    });
    let run = sim.run(&["-c", &wrong, "smb"]).code(3);
    assert!(
        run.stderr.contains("Invalid username or password"),
        "{}",
        run.stderr
    );

    let again = sim.run(&["-c", good, "-v", "smb", "-o", "json"]).ok();
    assert_eq!(again.json().as_array().unwrap().len(), 3);
}

/// `simulate --next-link` serves the link verbatim as every page's `paging.next`.
#[test]
fn next_link_is_served_verbatim() {
    let sim = Sim::start(&[
        "--next-link",
        "/v1/smb/sessions/?limit=2&after=start.hostile",
        "--sessions",
        "5",
    ]);
    let run = sim.run(&["-v", "smb", "--page-size", "2", "-o", "ndjson"]);
    let want = format!(
        "{}/v1/smb/sessions/?limit=2&after=start.hostile",
        sim.value("smb", "url")
    );
    let requested = format!("sessions: > GET {want}");
    assert!(run.stderr.lines().any(|l| l == requested), "{}", run.stderr);
}
