//! Bulk close on Qumulo at scale: 100,000 guest sessions closed by selector in the vendor's
//! batches of 100, as the simulator's request log shows them; the count typed back on a
//! terminal; sessions gone since the preview; Ctrl-C in the middle.

use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::PtyRun;
use crate::common::Sim;

const CLOSE: &str = "/v1/smb/sessions/close";

/// A simulator whose Qumulo has `n` sessions, all guests', with `extra` flags.
fn guests(n: usize, extra: &[&str]) -> Sim {
    let n = n.to_string();
    let mut args = vec!["--sessions", "0", "--qumulo-guests", &n];
    args.extend(extra);
    Sim::start(&args)
}

/// The close requests the simulator answered: (ms since it started, sessions in the body).
fn closes(sim: &Sim) -> Vec<(u64, usize)> {
    let log = std::fs::read_to_string(sim.files().join("requests.log")).unwrap();
    log.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(' ').collect();
            (f[..3] == ["smb", "POST", CLOSE])
                .then(|| (f[3].parse().unwrap(), f[4].parse().unwrap()))
        })
        .collect()
}

/// How many sessions the simulator logged as closed by a client.
fn closed_by_client(sim: &Sim) -> usize {
    let text = std::fs::read_to_string(sim.files().join("changes.ndjson")).unwrap_or_default();
    text.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["by"] == "client" && v["backend"] == "smb")
        .count()
}

#[test]
fn a_hundred_thousand_guest_sessions_close_by_selector_in_batches_of_100() {
    const N: usize = 100_000;
    // Every answer waits 2 ms: a batch sent before the last one's answer would show as a gap
    // under 2 ms in the log.
    let sim = guests(N, &["--latency", "2ms", "--request-log"]);
    let started = Instant::now();
    let run = sim
        .run(&["-p", "smb", "smb", "close", "--guest", "--yes"])
        .ok();
    let took = started.elapsed();
    assert!(
        run.stderr
            .contains(&format!(": closed {N} of {N} session(s)\n")),
        "{}",
        run.stderr
    );
    // The preview: a table's sample, and how many more.
    assert_eq!(run.stdout.lines().count(), 1 + 10, "{}", run.stdout);
    assert!(run
        .stderr
        .contains(&format!("… and {} more session(s) not shown", N - 10)));
    assert_eq!(closed_by_client(&sim), N);
    let closes = closes(&sim);
    assert_eq!(closes.len(), N / 100);
    assert!(
        closes.iter().all(|(_, n)| *n == 100),
        "every batch holds 100"
    );
    assert!(
        closes.windows(2).all(|w| w[1].0 >= w[0].0 + 2),
        "one batch at a time, each sent once the last one was answered"
    );
    let span = (closes.last().unwrap().0 - closes[0].0).max(1);
    let rate = N as u64 * 1000 / span;
    eprintln!(
        "closed {N} sessions in {took:?} ({rate} sessions/s over the close requests, debug build)"
    );
}

/// A close of 150 on a terminal: the preview, then the count to type back.
fn close_on_a_terminal(sim: &Sim) -> PtyRun {
    let mut cmd = sim.cmd(&["-p", "smb", "smb", "close", "--guest"]);
    cmd.env("COLUMNS", "200");
    let run = PtyRun::start(cmd, 40, 200);
    let asked = run.wait_for(Duration::from_secs(30), |b| {
        String::from_utf8_lossy(b).contains("Type the number of sessions, 150, to go on:")
    });
    assert!(asked, "{}", String::from_utf8_lossy(&run.written()));
    run
}

#[test]
fn above_100_the_count_must_be_typed_back_and_a_y_closes_nothing() {
    let sim = guests(150, &[]);
    let mut run = close_on_a_terminal(&sim);
    run.type_text("y\n");
    let (code, bytes) = run.finish(Duration::from_secs(30));
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("nothing closed"), "{text}");
    assert_eq!(closed_by_client(&sim), 0);
}

#[test]
fn sessions_gone_since_the_preview_count_as_closed() {
    let sim = guests(150, &[]);
    let mut run = close_on_a_terminal(&sim);
    // While the prompt waits, another client closes five of them.
    let keys = sim.keys("smb");
    let mut other = vec!["-p", "smb", "smb", "close", "--yes"];
    other.extend(keys[..5].iter().map(String::as_str));
    sim.run(&other).ok();
    run.type_text("150\n");
    let (code, bytes) = run.finish(Duration::from_secs(60));
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("closed 150 of 150 session(s) (5 already gone)"),
        "{text}"
    );
    assert_eq!(closed_by_client(&sim), 150);
}

#[test]
fn ctrl_c_stops_after_the_batch_in_flight_and_says_what_was_not_closed() {
    const N: usize = 3000;
    let sim = guests(N, &["--latency", "100ms", "--request-log"]);
    let mut cmd = sim.cmd(&["-p", "smb", "smb", "close", "--guest", "--yes"]);
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let t0 = Instant::now();
    while closes(&sim).len() < 3 {
        assert!(t0.elapsed() < Duration::from_secs(60), "no close began");
        std::thread::sleep(Duration::from_millis(20));
    }
    crate::common::interrupt(&child);
    let run = crate::common::Run::from(child.wait_with_output().unwrap());
    assert_eq!(run.code, 130, "{}", run.stderr);
    let closed = closed_by_client(&sim);
    assert!(closed % 100 == 0 && (300..N).contains(&closed), "{closed}");
    assert!(
        run.stderr.contains(&format!(
            "interrupted: closed {closed} of {N} session(s); {} not tried",
            N - closed
        )),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("stopping after the requests in flight"));
    // Nothing was sent after the answer to the batch in flight.
    assert_eq!(closes(&sim).len(), closed / 100);
}

#[test]
fn on_a_terminal_a_progress_bar_shows_the_rate_and_an_eta_then_clears() {
    // 30 batches answered 60 ms apart: long enough for the bar, which waits a second.
    let sim = guests(3000, &["--latency", "60ms"]);
    let mut cmd = sim.cmd(&["-p", "smb", "smb", "close", "--guest", "--yes"]);
    cmd.env("COLUMNS", "120");
    let run = PtyRun::start(cmd, 30, 120);
    let (code, bytes) = run.finish(Duration::from_secs(60));
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("closing on smb profile 'smb'")
            && text.contains("/3,000")
            && text.contains("ETA"),
        "no bar with a count, rate and ETA: {text}"
    );
    assert!(text.contains("/s"), "no rate: {text}");
    // What stays on the screen: the preview and the notes, not the bar.
    let screen = crate::common::screen(&bytes, 30, 120);
    assert!(!screen.iter().any(|l| l.contains("ETA")), "{screen:#?}");
    assert!(
        screen
            .iter()
            .any(|l| l.contains("closed 3000 of 3000 session(s)")),
        "{screen:#?}"
    );
}

#[test]
fn a_where_before_close_is_refused_not_ignored() {
    let sim = guests(150, &[]);
    // `close` there would be read as a column of the listing: refused, and nothing closed.
    let run = sim.run(&["-p", "smb", "smb", "--where", "is_guest=false", "close"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`close` is a subcommand: put its flags after it: sessions ")
            && run
                .stderr
                .ends_with(" -p smb smb close --where is_guest=false\n"),
        "{}",
        run.stderr
    );
    assert_eq!(closed_by_client(&sim), 0);
}
