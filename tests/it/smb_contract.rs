//! The output contract for unattended runs: JSON that parses is complete, `--output-file` is
//! replaced only by a run that succeeded, and every run is bounded in time and in memory;
//! shown on Qumulo's API, whose pages the client sizes.

use std::time::{Duration, Instant};

use crate::common::Sim;

#[test]
fn json_that_fails_midway_does_not_parse() {
    // Pages 1 and 2 arrive, then the server's next link loops: what arrived is printed, but
    // the array stays open, so no parser takes it for the whole list.
    let sim = Sim::start(&["--sessions", "30", "--fault", "loop"]);
    let run = sim.run(&["smb", "--page-size", "10", "-o", "json"]).code(5);
    assert!(run.stdout.starts_with("[\n{"), "{}", run.stdout);
    assert!(serde_json::from_str::<serde_json::Value>(&run.stdout).is_err());
    assert!(run.stderr.contains("pagination loop"), "{}", run.stderr);
}

#[test]
fn output_file_is_replaced_only_by_a_run_that_succeeded() {
    let good = Sim::with_sessions(12, 3);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sessions.json");
    let out_arg = out.display().to_string();
    let run = good
        .run(&["smb", "-o", "json", "--output-file", &out_arg])
        .ok();
    assert_eq!(run.stdout, "", "data goes to the file, not stdout");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written.as_array().unwrap().len(), 12);

    // A run that fails after printing began leaves the previous file exactly as it was, and
    // no temporary file behind.
    let before = std::fs::read(&out).unwrap();
    let failing = Sim::start(&["--sessions", "30", "--fault", "loop"]);
    failing
        .run(&[
            "smb",
            "--page-size",
            "10",
            "-o",
            "json",
            "--output-file",
            &out_arg,
        ])
        .code(5);
    assert_eq!(std::fs::read(&out).unwrap(), before);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    // A folder that is not there is a usage error naming the path the user gave.
    let nowhere = dir.path().join("no-such-folder").join("x.json");
    let run = good
        .run(&["smb", "--output-file", &nowhere.display().to_string()])
        .code(2);
    assert!(
        run.stderr
            .contains(&format!("cannot write --output-file {}", nowhere.display()))
            && !run.stderr.contains("at path"),
        "{}",
        run.stderr
    );

    // Every format goes the same way.
    good.run(&["smb", "-o", "csv", "--output-file", &out_arg])
        .ok();
    let csv = std::fs::read_to_string(&out).unwrap();
    assert_eq!(csv.lines().count(), 13, "{csv}");
}

#[test]
fn timeout_bounds_the_whole_run_retries_included() {
    let sim = Sim::start(&["--sessions", "3", "--fault", "503"]);
    let started = Instant::now();
    let run = sim.run(&["smb", "--timeout", "2s", "-o", "json"]);
    let took = started.elapsed();
    assert!(took < Duration::from_secs(5), "took {took:?}");
    // The last answer was a 503 that retrying within 2 s did not cure.
    assert_eq!(run.code, 5, "{}", run.stderr);
    assert!(run.stderr.contains("503"), "{}", run.stderr);
    assert_eq!(run.stdout, "");

    let slow = Sim::start(&["--sessions", "3", "--fault", "slow"]);
    let started = Instant::now();
    let run = slow.run(&["smb", "--timeout", "1s"]).code(4);
    assert!(started.elapsed() < Duration::from_secs(4));
    assert!(
        run.stderr
            .starts_with("sessions: smb profile 'smb' at https://")
            && run.stderr.contains("timed out"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_500_is_not_retried() {
    let sim = Sim::start(&["--sessions", "3", "--fault", "500"]);
    let run = sim.run(&["-v", "smb"]).code(5);
    let gets = run
        .stderr
        .lines()
        .filter(|l| l.contains("> GET") && l.contains("/v1/smb/sessions/"))
        .count();
    assert_eq!(gets, 1, "{}", run.stderr);
}

#[test]
fn a_body_over_max_body_is_refused() {
    let sim = Sim::with_sessions(50, 1);
    let small = sim.config_with("small.toml", |c| c.set("smb", "max_body", 2000));
    let run = sim.run(&["-c", &small, "smb", "-o", "json"]).code(5);
    assert!(
        run.stderr.contains("larger than max_body (2000 bytes)"),
        "{}",
        run.stderr
    );
    let bad = sim.config_with("bad.toml", |c| c.set("smb", "max_body", "lots"));
    let run = sim.run(&["-c", &bad, "smb"]).code(2);
    assert!(run.stderr.contains("max_body"), "{}", run.stderr);
    let roomy = sim.config_with("roomy.toml", |c| c.set("smb", "max_body", "1MiB"));
    sim.run(&["-c", &roomy, "smb", "-o", "json"]).ok();
}
