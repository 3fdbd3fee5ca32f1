//! Output formats: table and CSV snapshots, JSON and NDJSON that parse, projections, sort,
//! limit, empty results, and a closed pipe: on Qumulo's API (the fault matrix has every
//! backend's JSON under the output contract).

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::common::Sim;

#[test]
fn table_snapshot() {
    let sim = Sim::with_sessions(6, 7);
    for (name, args) in [
        ("smb_table", vec!["smb"]),
        ("smb_wide", vec!["smb", "-o", "wide"]),
    ] {
        let out = sim.run(&args).ok().stdout;
        // insta compares without the final newline; the table still ends its last line.
        assert!(out.ends_with('\n') && !out.ends_with("\n\n"), "{out}");
        insta::assert_snapshot!(name, out);
    }
}

#[test]
fn csv_snapshot() {
    let sim = Sim::with_sessions(6, 7);
    let run = sim.run(&["smb", "-o", "csv"]).ok();
    // insta compares with CRLF read as LF, so the line ends are checked here, every one.
    assert!(
        run.stdout
            .split_inclusive('\n')
            .all(|l| l.ends_with("\r\n")),
        "RFC 4180 line ends"
    );
    insta::assert_snapshot!("smb_csv", run.stdout);
}

#[test]
fn json_keeps_vendor_fields_and_adds_seconds() {
    let sim = Sim::with_sessions(25, 7);
    let v = sim
        .run(&["smb", "-o", "json", "--page-size", "10"])
        .ok()
        .json();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 25);
    for r in arr {
        for key in [
            "location",
            "tenant_id",
            "originator",
            "server_address",
            "user",
            "num_opens",
            "time_open",
            "time_idle",
            "is_guest",
            "is_encrypted",
            "share_names",
        ] {
            assert!(r.get(key).is_some(), "missing {key} in {r}");
        }
        let ns: f64 = r["time_idle"]["nanoseconds"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        // Whole seconds, rounded.
        assert_eq!(
            r["time_idle_seconds"].as_u64(),
            Some((ns / 1e9).round() as u64)
        );
    }
}

#[test]
fn ndjson_is_one_object_per_line() {
    let sim = Sim::with_sessions(12, 7);
    let run = sim.run(&["smb", "-o", "ndjson", "--page-size", "5"]).ok();
    assert_eq!(run.ndjson().len(), 12);
}

#[test]
fn projection_piped_is_bare_lines_matching_json() {
    let sim = Sim::with_sessions(20, 8);
    let json = sim.run(&["smb", "-o", "json"]).ok().json();
    let run = sim.run(&["smb", "originator"]).ok();
    let want: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["originator"].as_str().unwrap())
        .collect();
    assert_eq!(run.lines(), want);

    let two = sim.run(&["smb", "originator,time_idle_seconds"]).ok();
    let first: Vec<&str> = two.lines()[0].split('\t').collect();
    assert_eq!(first.len(), 2);
    assert_eq!(first[0], want[0]);
    assert_eq!(first[1], json[0]["time_idle_seconds"].to_string());
}

#[test]
fn projection_with_json_output_has_only_those_fields() {
    let sim = Sim::with_sessions(3, 8);
    let v = sim
        .run(&["smb", "identity,num_opens", "-o", "json"])
        .ok()
        .json();
    let keys: Vec<&String> = v[0].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["identity", "num_opens"]);
}

#[test]
fn unknown_column_is_a_usage_error_listing_columns() {
    let sim = Sim::with_sessions(3, 8);
    let run = sim.run(&["smb", "nosuch"]).code(2);
    assert!(
        run.stderr.contains("no column 'nosuch'") && run.stderr.contains("originator"),
        "{}",
        run.stderr
    );
}

#[test]
fn list_columns_names_every_column() {
    let sim = Sim::with_sessions(1, 1);
    let run = sim
        .run(&["smb", "--list-columns", "-o", "plain", "--columns", "name"])
        .ok();
    for c in [
        "identity",
        "originator",
        "time_idle",
        "time_idle_seconds",
        "location",
        "user.sid",
    ] {
        assert!(run.lines().contains(&c), "{c} missing: {}", run.stdout);
    }
}

#[test]
fn sort_and_limit() {
    let sim = Sim::with_sessions(200, 9);
    let run = sim
        .run(&[
            "smb",
            "--sort",
            "-time_idle",
            "--limit",
            "5",
            "-o",
            "plain",
            "--columns",
            "time_idle_seconds",
        ])
        .ok();
    let got: Vec<f64> = run.lines().iter().map(|l| l.parse().unwrap()).collect();
    assert_eq!(got.len(), 5);
    assert!(got.windows(2).all(|w| w[0] >= w[1]), "{got:?}");
    let all = sim
        .run(&["smb", "-o", "plain", "--columns", "time_idle_seconds"])
        .ok();
    let max = all
        .lines()
        .iter()
        .map(|l| l.parse::<f64>().unwrap())
        .fold(0.0, f64::max);
    assert_eq!(got[0], max);

    let limited = sim
        .run(&[
            "-v",
            "smb",
            "--limit",
            "3",
            "--page-size",
            "10",
            "-o",
            "ndjson",
        ])
        .ok();
    assert_eq!(limited.ndjson().len(), 3);
}

#[test]
fn empty_result_in_every_format() {
    let sim = Sim::with_sessions(10, 1);
    let none = ["smb", "--identity", "local:nobody-at-all"];
    let with = |fmt: &str| {
        let mut a = none.to_vec();
        a.extend(["-o", fmt]);
        sim.run(&a).ok().stdout
    };
    assert_eq!(with("json"), "[]\n");
    assert_eq!(with("ndjson"), "");
    assert_eq!(with("plain"), "");
    assert_eq!(with("csv").lines().count(), 1);
    let table = with("table");
    assert_eq!(table.lines().count(), 1);
    assert!(table.starts_with("USER"));
}

#[test]
fn closed_pipe_exits_quietly() {
    let sim = Sim::with_sessions(3000, 2);
    let mut child = sim
        .cmd(&["smb", "-o", "ndjson", "--page-size", "100"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is gone now (like `| head -1`).
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with('{'));
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn demo_runs_without_config() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(crate::common::BIN);
    cmd.args(["--demo", "all"]);
    crate::common::isolate(&mut cmd, dir.path());
    let run = crate::common::Run::from(cmd.output().unwrap()).ok();
    // One table of the common record, with every backend's sessions in it.
    assert!(run.stdout.starts_with("PROFILE "), "{}", run.stdout);
    for profile in crate::common::backends() {
        let rows = run
            .lines()
            .iter()
            .filter(|l| l.starts_with(&format!("{profile} ")))
            .count();
        assert!(rows >= 40, "{profile}: {rows} rows in\n{}", run.stdout);
    }
}
