//! One cell of the fault matrix: a simulator with the fault, one run of the binary against
//! one backend, and the contract checked on what it did.

use std::time::{Duration, Instant};

use crate::common::{Run, Sim};

/// Sessions per backend in every cell; pages of 5 so that paging faults have pages to bend.
pub const SESSIONS: usize = 12;
/// The run's one overall deadline.
pub const TIMEOUT: &str = "3s";
/// How long past the deadline a bounded run may take to end (start-up, a slow machine).
const SLACK: Duration = Duration::from_secs(4);
/// The `huge-number` fault's number.
pub const HUGE: &str = "99999999999999999999999";

/// What stdout holds after the run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stdout {
    /// `-o json` parses, and has every session.
    Complete,
    /// Nothing: the run failed before any record.
    Empty,
    /// Records began, and the JSON is left unterminated: no parser takes it.
    Unterminated,
    /// Either of the two above: a listing that holds its rows until the end (Opal looks up
    /// each user first) prints nothing when it fails later on.
    NotComplete,
}

/// What a cell expects.
#[derive(Clone)]
pub struct Expect {
    pub code: i32,
    /// Any of these names the cause in the stderr line.
    pub causes: &'static [&'static str],
    pub stdout: Stdout,
    /// Client flags after the backend's own.
    pub args: &'static [&'static str],
    /// Profile settings (key, TOML value) for the run.
    pub profile: &'static [(&'static str, &'static str)],
    /// More checks on the run, with the simulator at hand.
    pub check: Option<fn(&str, &Sim, &Run)>,
}

/// Success: exit 0, every session in the JSON, nothing on stderr.
pub const fn ok() -> Expect {
    Expect {
        code: 0,
        causes: &[],
        stdout: Stdout::Complete,
        args: &[],
        profile: &[],
        check: None,
    }
}

/// Failure with `code`, before any record was printed.
pub const fn fails(code: i32, causes: &'static [&'static str]) -> Expect {
    Expect {
        code,
        causes,
        stdout: Stdout::Empty,
        ..ok()
    }
}

impl Expect {
    /// The failure came after printing began.
    pub const fn unterminated(self) -> Expect {
        Expect {
            stdout: Stdout::Unterminated,
            ..self
        }
    }
    /// The failure came late; nothing or unterminated JSON, never a complete-looking array.
    pub const fn not_complete(self) -> Expect {
        Expect {
            stdout: Stdout::NotComplete,
            ..self
        }
    }
    pub const fn args(self, args: &'static [&'static str]) -> Expect {
        Expect { args, ..self }
    }
    pub const fn profile(self, profile: &'static [(&'static str, &'static str)]) -> Expect {
        Expect { profile, ..self }
    }
    pub const fn check(self, check: fn(&str, &Sim, &Run)) -> Expect {
        Expect {
            check: Some(check),
            ..self
        }
    }
}

/// Sessions a complete listing has: with the run's own login where the backend lists it.
fn complete_count(backend: &str) -> usize {
    SESSIONS + usize::from(crate::common::facts(backend).lists_own_login)
}

/// A simulator for a cell: `faults` is one or more `--fault` specs, space-separated.
pub fn sim(faults: &str) -> Sim {
    let sessions = SESSIONS.to_string();
    let mut args = vec!["--sessions", sessions.as_str()];
    for f in faults.split_whitespace() {
        args.extend(["--fault", f]);
    }
    Sim::start(&args)
}

/// The run of one cell, with `-o json` unless the expectation names another format.
pub fn run_client(backend: &str, sim: &Sim, expect: &Expect) -> (Run, Duration) {
    let config = sim.config_with("cell.toml", |c| {
        for (key, value) in expect.profile {
            let v: toml_edit::Value = value.parse().unwrap();
            c.profile(backend)[*key] = toml_edit::value(v);
        }
    });
    let mut args = vec!["-c", &config, "-p", backend, "--timeout", TIMEOUT, backend];
    // Pages of 5, where the client chooses the size.
    args.extend(crate::common::facts(backend).page_flags("5"));
    if !expect.args.contains(&"-o") {
        args.extend(["-o", "json"]);
    }
    args.extend(expect.args);
    let t0 = Instant::now();
    let run = sim.run(&args);
    (run, t0.elapsed())
}

/// One cell: `backend` against a simulator with `faults`, checked against `expect`.
pub fn check(backend: &str, faults: &str, expect: Expect) {
    let sim = sim(faults);
    let (run, took) = run_client(backend, &sim, &expect);
    let what = format!("{backend} --fault {faults}");
    assert_eq!(
        run.code, expect.code,
        "{what}: exit code\nstdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    if expect.code == 0 {
        assert_eq!(run.stderr, "", "{what}: nothing on stderr");
    } else {
        one_line(backend, &sim, &run, expect.causes, &what);
    }
    // `--timeout` bounds the whole run, retries included.
    let deadline = humantime::parse_duration(TIMEOUT).unwrap() + SLACK;
    assert!(took < deadline, "{what}: took {took:?}, past the deadline");
    match expect.stdout {
        Stdout::Complete => {
            let v: serde_json::Value = serde_json::from_str(&run.stdout)
                .unwrap_or_else(|e| panic!("{what}: not JSON ({e}): {}", run.stdout));
            let n = v.as_array().map(Vec::len);
            assert_eq!(n, Some(complete_count(backend)), "{what}: {}", run.stdout);
        }
        Stdout::Empty => assert_eq!(run.stdout, "", "{what}: stdout"),
        Stdout::Unterminated | Stdout::NotComplete => {
            if expect.stdout == Stdout::Unterminated {
                assert!(
                    !run.stdout.trim().is_empty(),
                    "{what}: records were printed"
                );
            }
            assert!(
                run.stdout.is_empty()
                    || serde_json::from_str::<serde_json::Value>(&run.stdout).is_err(),
                "{what}: stdout parses, as if complete: {}",
                run.stdout
            );
        }
    }
    if let Some(extra) = expect.check {
        extra(backend, &sim, &run);
    }
}

/// Exactly one stderr line, naming the profile, the URL and the cause.
#[track_caller]
pub fn one_line(backend: &str, sim: &Sim, run: &Run, causes: &[&str], what: &str) {
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{what}: one stderr line: {}", run.stderr);
    let line = lines[0];
    let profile = format!("{backend} profile '{backend}'");
    assert!(line.contains(&profile), "{what}: names {profile}: {line}");
    let url = url::Url::parse(&sim.value(backend, "url")).unwrap();
    let authority = format!("{}:{}", url.host_str().unwrap(), url.port().unwrap());
    assert!(
        line.contains(&authority),
        "{what}: names {authority}: {line}"
    );
    assert!(
        causes.iter().any(|c| line.contains(c)),
        "{what}: names the cause (one of {causes:?}): {line}"
    );
}

/// No raw ESC, BEL or CR; their escaped forms instead.
#[track_caller]
pub fn escaped(text: &str, what: &str) {
    for raw in ['\u{1b}', '\u{7}', '\r'] {
        assert!(!text.contains(raw), "{what}: raw {raw:?} in {text:?}");
    }
    for shown in [r"\x1b", r"\x07", r"\r"] {
        assert!(text.contains(shown), "{what}: no {shown} in {text:?}");
    }
}
