//! NetApp ONTAP CIFS sessions against the simulator over HTTPS.

use std::collections::HashSet;

use serde_json::Value;

use crate::common::Sim;

fn key(r: &Value) -> String {
    format!(
        "{}/{}/{}/{}",
        r["node"]["uuid"].as_str().unwrap(),
        r["svm"]["uuid"].as_str().unwrap(),
        r["identifier"],
        r["connection_id"]
    )
}

#[test]
fn pages_25000_sessions_at_max_records_1000_exactly_once() {
    let sim = Sim::with_sessions(25_000, 11);
    let run = sim
        .run(&["-v", "cifs", "--max-records", "1000", "-o", "ndjson"])
        .ok();
    let records = run.ndjson();
    assert_eq!(records.len(), 25_000);
    let keys: HashSet<String> = records.iter().map(key).collect();
    assert_eq!(keys.len(), 25_000, "a session was repeated");
    assert_eq!(
        run.stderr.matches("> GET ").count(),
        25,
        "{}",
        &run.stderr[..2000.min(run.stderr.len())]
    );
}

#[test]
fn short_and_empty_pages_with_next_are_followed() {
    let sim = Sim::start(&["--sessions", "100", "--fault", "empty-pages:4"]);
    let run = sim
        .run(&["-v", "cifs", "--max-records", "10", "-o", "ndjson"])
        .ok();
    let keys: HashSet<String> = run.ndjson().iter().map(key).collect();
    assert_eq!(keys.len(), 100);
    assert!(
        run.stderr.contains("start.timeout_round="),
        "{}",
        run.stderr
    );
}

#[test]
fn a_looping_next_link_is_exit_5() {
    let sim = Sim::start(&["--sessions", "100", "--fault", "loop:1"]);
    let run = sim
        .run(&["cifs", "--max-records", "10", "-o", "ndjson"])
        .code(5);
    assert!(run.stderr.contains("pagination loop"), "{}", run.stderr);
}

#[test]
fn each_filter_is_sent_to_the_server_and_holds_in_the_result() {
    let sim = Sim::with_sessions(400, 12);
    type Holds = Box<dyn Fn(&Value) -> bool>;
    let cases: Vec<(Vec<&str>, &str, Holds)> = vec![
        (
            vec!["--svm", "vs1"],
            "svm.name=vs1",
            Box::new(|r| r["svm"]["name"] == "vs1"),
        ),
        (
            vec!["--node", "cluster1-02"],
            "node.name=cluster1-02",
            Box::new(|r| r["node"]["name"] == "cluster1-02"),
        ),
        (
            vec!["--user", "*admin*"],
            "user=*admin*",
            Box::new(|r| r["user"].as_str().unwrap().contains("admin")),
        ),
        (
            vec!["--protocol", "smb2*"],
            "protocol=smb2*",
            Box::new(|r| r["protocol"].as_str().unwrap().starts_with("smb2")),
        ),
        (
            vec!["--filter", "open_files=>10"],
            "open_files=%3E10",
            Box::new(|r| r["open_files"].as_u64().unwrap() > 10),
        ),
        (
            vec!["--filter", "svm.name=vs1|vs_fin"],
            "svm.name=vs1%7Cvs_fin",
            Box::new(|r| r["svm"]["name"] == "vs1" || r["svm"]["name"] == "vs_fin"),
        ),
        (
            vec!["--filter", "idle_duration=>P1D"],
            "idle_duration=%3EP1D",
            Box::new(|r| r["idle_duration_seconds"].as_f64().unwrap() > 86_400.0),
        ),
        (
            vec!["--filter", "user=!*admin*"],
            "user=%21*admin*",
            Box::new(|r| !r["user"].as_str().unwrap().contains("admin")),
        ),
    ];
    for (args, sent, holds) in cases {
        let mut a = vec!["-v", "cifs", "-o", "json"];
        a.extend(&args);
        let run = sim.run(&a).ok();
        assert!(run.stderr.contains(sent), "{args:?}: {}", run.stderr);
        let recs = run.json();
        let recs = recs.as_array().unwrap();
        assert!(
            !recs.is_empty() && recs.len() < 400,
            "{args:?} matched {}",
            recs.len()
        );
        assert!(recs.iter().all(&holds), "{args:?}");
    }
    let ip = sim
        .run(&["cifs", "client_ip", "--limit", "1"])
        .ok()
        .stdout
        .trim()
        .to_string();
    let run = sim
        .run(&["-v", "cifs", "--client-ip", &ip, "-o", "json"])
        .ok();
    assert!(run.stderr.contains(&format!("client_ip={ip}")));
    assert!(run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["client_ip"] == ip.as_str()));
}

#[test]
fn u64_identifiers_survive_json_byte_exact() {
    let sim = Sim::with_sessions(200, 13);
    let ids = sim.run(&["cifs", "identifier"]).ok();
    let ids: Vec<u64> = ids.lines().iter().map(|l| l.parse().unwrap()).collect();
    assert!(
        ids.iter().any(|i| *i > i64::MAX as u64),
        "the data has identifiers above i64::MAX"
    );
    let json = sim.run(&["cifs", "-o", "json"]).ok().stdout;
    for id in &ids {
        assert!(
            json.contains(&format!("\"identifier\":{id},")),
            "{id} not exact in JSON"
        );
    }
    let ndjson = sim.run(&["cifs", "-o", "ndjson"]).ok().stdout;
    assert!(ids
        .iter()
        .all(|id| ndjson.contains(&format!("\"identifier\":{id},"))));
}

#[test]
fn quirks_mode_renders_correctly() {
    let sim = Sim::start(&["--sessions", "300", "--seed", "14", "--quirks"]);
    let plain = Sim::start(&["--sessions", "300", "--seed", "14"]);
    let q = sim.run(&["cifs", "-o", "json"]).ok().json();
    let p = plain.run(&["cifs", "-o", "json"]).ok().json();
    let (q, p) = (q.as_array().unwrap(), p.as_array().unwrap());
    assert_eq!(q.len(), p.len());
    for (a, b) in q.iter().zip(p) {
        // Same values once coerced: numbers, bools and seconds agree with the plain server.
        for k in [
            "identifier",
            "connection_count",
            "open_files",
            "large_mtu",
            "smb_signing",
        ] {
            assert_eq!(a[k], b[k], "{k}");
        }
        let (qa, pb) = (
            a["idle_duration_seconds"].as_f64().unwrap(),
            b["idle_duration_seconds"].as_f64().unwrap(),
        );
        assert!(
            (qa - pb).abs() <= 0.25,
            "{} vs {}",
            a["idle_duration"],
            b["idle_duration"]
        );
        assert!(a.get("lif_address").is_some(), "unknown fields are kept");
    }
    assert!(q
        .iter()
        .any(|r| r["idle_duration"].as_str().unwrap().contains("DT2")
            || r["connected_duration"].as_str().unwrap().contains("DT2")));
    let table = sim.run(&["cifs", "-o", "wide"]).ok();
    assert_eq!(table.lines().len(), 301);
    let iso = |w: &str| {
        w.len() > 2
            && w.starts_with('P')
            && w[1..].starts_with(|c: char| c == 'T' || c.is_ascii_digit())
    };
    assert!(
        !table.stdout.split_whitespace().any(iso),
        "durations are rendered: {}",
        table.stdout
    );
}

#[test]
fn auth_refusals_are_exit_3_with_the_vendor_message() {
    let sim = Sim::with_sessions(5, 1);
    let bad = sim.config_with("bad.toml", |c| c.set("cifs", "password", "wrong"));
    let run = sim.run(&["-c", &bad, "cifs"]).code(3);
    assert!(
        run.stderr.contains("cifs profile 'cifs'") && run.stderr.contains("HTTP 401"),
        "{}",
        run.stderr
    );

    let monitor = sim.config_with("monitor.toml", |c| c.set("cifs", "username", "monitor"));
    let run = sim.run(&["-c", &monitor, "cifs"]).code(3);
    assert!(
        run.stderr
            .contains("HTTP 403 Forbidden: ONTAP error 6: not authorized for that command"),
        "{}",
        run.stderr
    );
}

#[test]
fn bearer_token_works() {
    let sim = Sim::with_sessions(5, 1);
    let token = sim.secret("cifs", "token");
    let cfg = sim.config_with("token.toml", |c| {
        c.remove("cifs", "username");
        c.remove("cifs", "password");
        c.set("cifs", "token", &token);
    });
    let run = sim.run(&["-c", &cfg, "cifs", "-o", "json"]).ok();
    assert_eq!(run.json().as_array().unwrap().len(), 5);
}

#[test]
fn fields_requested_match_the_columns_shown() {
    let sim = Sim::with_sessions(5, 1);
    let fields = |args: &[&str]| -> String {
        let mut a = vec!["-v", "cifs"];
        a.extend(args);
        let run = sim.run(&a).ok();
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains("> GET "))
            .unwrap()
            .to_string();
        let q = line.split('?').nth(1).unwrap();
        q.split('&')
            .find_map(|p| p.strip_prefix("fields="))
            .unwrap()
            .to_string()
    };
    assert_eq!(
        fields(&[]),
        "node.name,svm.name,connection_id,identifier,client_ip,user,open_files,idle_duration,node.uuid,svm.uuid"
    );
    assert_eq!(fields(&["client_ip"]), "client_ip");
    assert_eq!(
        fields(&["--columns", "user,volumes.name", "--sort", "open_files"]),
        "user,volumes.name,open_files"
    );
    assert_eq!(fields(&["-o", "wide"]), "**");
    assert_eq!(fields(&["-o", "json"]), "**");
    // And what comes back is only what was asked (plus keys).
    let v = sim.run(&["cifs", "client_ip", "-o", "json"]).ok().json();
    assert_eq!(
        v[0].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["client_ip"]
    );
    let t = sim.run(&["cifs"]).ok();
    assert!(t.lines()[1].split_whitespace().count() >= 7, "{}", t.stdout);
}

#[test]
fn order_by_is_passed_through() {
    let sim = Sim::with_sessions(100, 15);
    let run = sim
        .run(&["-v", "cifs", "--order-by", "open_files desc", "open_files"])
        .ok();
    assert!(
        run.stderr.contains("order_by=open_files%20desc"),
        "{}",
        run.stderr
    );
    let got: Vec<u64> = run.lines().iter().map(|l| l.parse().unwrap()).collect();
    assert!(got.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn show_and_close_one_session() {
    let sim = Sim::with_sessions(30, 16);
    let all = sim.run(&["cifs", "-o", "json"]).ok().json();
    let first = &all[0];
    let k = key(first);
    let shown = sim.run(&["cifs", "show", &k, "-o", "json"]).ok().json();
    assert_eq!(&shown[0], first);

    let dry = sim.run(&["cifs", "close", &k, "--dry-run"]).ok();
    assert!(
        dry.stderr.contains("would close 1 session"),
        "{}",
        dry.stderr
    );
    sim.run(&["cifs", "close", &k, "--yes"]).ok();
    let after = sim.run(&["cifs", "-o", "json"]).ok().json();
    assert_eq!(after.as_array().unwrap().len(), 29);
    let gone = sim.run(&["cifs", "show", &k]).code(5);
    assert!(
        gone.stderr.contains("ONTAP error 4: entry doesn't exist"),
        "{}",
        gone.stderr
    );
    let bad = sim.run(&["cifs", "show", "a/b/notanumber/1"]).code(2);
    assert!(bad.stderr.contains("unsigned 64-bit"), "{}", bad.stderr);
}

#[test]
fn client_certificate_login() {
    let sim = Sim::with_sessions(5, 1);
    let secrets = sim.secrets();
    let cfg = sim.config_with("cert.toml", |c| {
        c.remove("cifs", "username");
        c.remove("cifs", "password");
        for key in ["client_cert", "client_key"] {
            c.set("cifs", key, secrets[key].as_str().unwrap());
        }
    });
    let run = sim.run(&["-c", &cfg, "cifs", "-o", "json"]).ok();
    assert_eq!(run.json().as_array().unwrap().len(), 5);
    // The same profile without the certificate has no credentials left.
    let none = sim.config_with("none.toml", |c| {
        c.remove("cifs", "username");
        c.remove("cifs", "password");
    });
    let run = sim.run(&["-c", &none, "cifs"]).code(2);
    assert!(run.stderr.contains("client_cert"), "{}", run.stderr);
}

/// ONTAP answers a `fields` entry it does not have with 400, code 262197, target `fields`
/// (NetApp/harvest#3639). Here a server's next link asks for one.
#[test]
fn an_unknown_field_is_ontaps_own_error_262197() {
    let link = "/api/protocols/cifs/sessions?fields=bogus&max_records=5";
    let sim = Sim::start(&["--sessions", "20", "--next-link", link]);
    let run = sim
        .run(&["cifs", "--max-records", "5", "-o", "ndjson"])
        .code(5);
    assert!(
        run.stderr
            .contains("HTTP 400 Bad Request: ONTAP error 262197: The value \"bogus\" is invalid for field \"fields\" (")
            && run.stderr.contains("(target: fields)"),
        "{}",
        run.stderr
    );
    assert_eq!(run.ndjson().len(), 5, "the first page still printed");
}

/// `query` with `query_fields` searches those fields, as real ONTAP does; the client passes
/// them through like any filter.
#[test]
fn query_over_query_fields_is_served() {
    let sim = Sim::with_sessions(200, 3);
    let searched = sim
        .run(&[
            "cifs",
            "--filter",
            "query=*admin*",
            "--filter",
            "query_fields=user",
            "-o",
            "json",
        ])
        .ok()
        .json();
    let filtered = sim
        .run(&["cifs", "--user", "*admin*", "-o", "json"])
        .ok()
        .json();
    let rows = searched.as_array().unwrap();
    assert!(!rows.is_empty(), "the data has admins");
    assert!(rows
        .iter()
        .all(|r| r["user"].as_str().unwrap().contains("admin")));
    assert_eq!(searched, filtered);
}

/// ONTAP's `idle_duration` keeps the vendor's form in a projection as in the whole record,
/// beside its whole seconds.
#[test]
fn idle_duration_keeps_its_form_beside_its_seconds() {
    let sim = Sim::with_sessions(30, 7);
    let whole = sim.run(&["cifs", "-o", "json"]).ok().json();
    let projected = sim
        .run(&[
            "cifs",
            "identifier,idle_duration,idle_duration_seconds",
            "-o",
            "json",
        ])
        .ok()
        .json();
    for (w, p) in whole
        .as_array()
        .unwrap()
        .iter()
        .zip(projected.as_array().unwrap())
    {
        assert!(w["idle_duration"].is_string(), "{w}");
        assert_eq!(p["idle_duration"], w["idle_duration"]);
        assert!(w["idle_duration_seconds"].is_u64(), "{w}");
        assert_eq!(p["idle_duration_seconds"], w["idle_duration_seconds"]);
        assert_eq!(p["identifier"], w["identifier"]);
    }
}

/// `profiles` names a client certificate login, and the profile really logs in with it.
#[test]
fn profiles_names_a_client_certificate() {
    let sim = Sim::with_sessions(2, 1);
    let files = sim.files();
    let config = sim.config_with("certs.toml", |c| {
        c.remove("cifs", "username");
        c.remove("cifs", "password");
        c.set(
            "cifs",
            "client_cert",
            files.join("client.pem").to_str().unwrap(),
        );
        c.set(
            "cifs",
            "client_key",
            files.join("client.key").to_str().unwrap(),
        );
    });
    let run = sim.run(&["-c", &config, "profiles", "-o", "json"]).ok();
    let cifs = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "cifs")
        .cloned();
    assert_eq!(cifs.unwrap()["auth"], "client_cert");
    sim.run(&["-c", &config, "cifs", "--limit", "1"]).ok();
}

/// The written config's header names the other logins ONTAP takes, for people.
#[test]
fn the_config_header_names_the_certificate_and_token_logins() {
    let sim = Sim::start(&[]);
    let path = |f: &str| sim.files().join(f).display().to_string();
    let text = sim.config_text();
    for line in [
        format!(
            "# cifs certificate login (for client_cert/client_key): {} {}",
            path("client.pem"),
            path("client.key")
        ),
        format!(
            "# cifs bearer token (for token = \"...\"): {}",
            sim.secret("cifs", "token")
        ),
    ] {
        assert!(text.lines().any(|l| l == line), "{line}\n{text}");
    }
}
