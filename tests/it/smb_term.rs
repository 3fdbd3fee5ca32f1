//! On a terminal (a real pty, replayed on a terminal emulator): `--watch` frames that fit the
//! screen, and the progress indicator of a long listing (of Qumulo's sessions, in pages the
//! client sizes).

use std::time::Duration;

use unicode_width::UnicodeWidthStr;

use crate::common::{screen, PtyRun, Sim};

/// Where each `--watch` redraw begins: cursor home, clear the screen.
const REDRAW: &[u8] = b"\x1b[H\x1b[2J";

/// The offsets where each redraw begins.
fn frame_starts(bytes: &[u8]) -> Vec<usize> {
    (0..bytes.len().saturating_sub(REDRAW.len() - 1))
        .filter(|&i| bytes[i..].starts_with(REDRAW))
        .collect()
}

#[test]
fn a_watch_frame_fits_a_15_row_terminal() {
    let sim = Sim::start(&["--sessions", "20", "--seed", "3"]);
    // A profile that fails makes the status line long: it names the failure.
    let config = sim.config_with("failing.toml", |c| {
        let last = session_inspector::backends::ALL.last().unwrap().name();
        c.set(last, "url", "https://127.0.0.1:9");
    });
    let watch = || sim.cmd(&["-c", &config, "all", "--watch", "300ms"]);
    check_frames(watch(), (15, 80), (15, 80));
    // LINES and COLUMNS, when set, are the frame's size on any screen.
    let mut smaller = watch();
    smaller.env("LINES", "8").env("COLUMNS", "60");
    check_frames(smaller, (15, 80), (8, 60));
}

/// Run a `--watch` on a `screen`-sized pty, and check that each frame fits `fits`
/// (rows, columns) and keeps its status line and header on the screen's first two rows.
fn check_frames(cmd: std::process::Command, screen_size: (u16, u16), fits: (u16, u16)) {
    let run = PtyRun::start(cmd, screen_size.0, screen_size.1);
    let enough = run.wait_for(Duration::from_secs(30), |b| frame_starts(b).len() >= 5);
    let bytes = run.kill();
    let starts = frame_starts(&bytes);
    assert!(
        enough,
        "fewer than 5 frames: {}",
        String::from_utf8_lossy(&bytes)
    );
    let (rows, cols) = (usize::from(fits.0), usize::from(fits.1));
    // The simulator writes one profile per backend of the registry.
    let profiles = session_inspector::backends::ALL.len();
    for pair in starts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let frame = String::from_utf8_lossy(&bytes[from + REDRAW.len()..to]).into_owned();
        let lines: Vec<&str> = frame.lines().map(|l| l.trim_end_matches('\r')).collect();
        assert!(
            lines.len() < rows,
            "a frame of {} lines on a {rows}-row screen:\n{frame}",
            lines.len()
        );
        for l in &lines {
            assert!(l.width() <= cols, "a line wider than {cols} columns: {l:?}");
        }
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("… ") && l.ends_with(" more")),
            "the rows left out are counted:\n{frame}"
        );
        assert!(
            lines[0].ends_with('…'),
            "the long status line is cut: {:?}",
            lines[0]
        );
        // What the user sees once this frame is drawn: the status line, then the header.
        let shown = screen(&bytes[..to], screen_size.0, screen_size.1);
        assert!(
            shown[0].contains(" UTC · ")
                && shown[0].contains(&format!(" sessions in {profiles} profiles")),
            "the status line is on the first row: {shown:#?}"
        );
        assert!(
            shown[1].trim_start().starts_with("PROFILE"),
            "the header is on the second row: {shown:#?}"
        );
    }
}

/// A listing of several pages at 300 ms each: over a second, so the indicator shows.
fn slow_sim() -> Sim {
    Sim::start(&["--sessions", "40", "--seed", "5", "--latency", "300ms"])
}

/// A listing whose table is held to the end, narrowed to columns that do not tick.
const SLOW_TABLE: &[&str] = &[
    "smb",
    "--page-size",
    "8",
    "--columns",
    "identity,originator",
    "--sort",
    "originator",
    "--limit",
    "4",
];

/// The indicator's line for the smb profile (`smb 'smb': 3 pages · ...`).
fn indicator_in(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes).contains("smb 'smb': ")
}

#[test]
fn a_slow_listing_shows_progress_after_a_second_and_clears_it_before_the_table() {
    let sim = slow_sim();
    // Off a terminal: the table alone, and not one byte on stderr.
    let mut piped = sim.cmd(SLOW_TABLE);
    piped.env("COLUMNS", "100");
    let piped = crate::common::Run::from(piped.output().unwrap()).ok();
    assert_eq!(piped.stderr, "", "no progress off a terminal");
    assert_eq!(piped.lines().len(), 5, "{}", piped.stdout);

    let started = std::time::Instant::now();
    let run = PtyRun::start(sim.cmd(SLOW_TABLE), 24, 100);
    let shown = run.wait_for(Duration::from_secs(20), indicator_in);
    let shown_after = started.elapsed();
    let (code, bytes) = run.finish(Duration::from_secs(30));
    assert_eq!(code, Some(0), "{}", String::from_utf8_lossy(&bytes));
    assert!(shown, "no indicator: {}", String::from_utf8_lossy(&bytes));
    assert!(
        shown_after >= Duration::from_millis(900),
        "the indicator showed after {shown_after:?}, before a second"
    );
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains(" pages · ") && text.contains(" sessions ("),
        "it counts pages and sessions: {text:?}"
    );
    // What is left on the screen is the table and nothing else, from the first row.
    let rows = screen(&bytes, 24, 100);
    let rows: Vec<&str> = rows.iter().map(|r| r.trim_end()).collect();
    assert_eq!(rows[..5], piped.lines()[..], "screen: {rows:#?}");
    assert!(rows[5..].iter().all(|r| r.is_empty()), "{rows:#?}");
}

#[test]
fn quiet_or_data_streamed_to_the_terminal_shows_no_progress() {
    let sim = slow_sim();
    let quiet: Vec<&str> = ["--quiet"].iter().chain(SLOW_TABLE).copied().collect();
    let csv = ["smb", "--page-size", "8", "-o", "csv"];
    for args in [&quiet[..], &csv[..]] {
        let run = PtyRun::start(sim.cmd(args), 24, 100);
        let (code, bytes) = run.finish(Duration::from_secs(30));
        assert_eq!(code, Some(0), "{}", String::from_utf8_lossy(&bytes));
        assert!(
            !indicator_in(&bytes),
            "{args:?} drew the indicator: {}",
            String::from_utf8_lossy(&bytes)
        );
        assert!(
            String::from_utf8_lossy(&bytes).lines().count() >= 5,
            "{args:?} printed its sessions"
        );
    }
}

#[test]
fn all_shows_one_line_for_every_profile() {
    // Every profile's login and first page at 600 ms each: over a second.
    let sim = Sim::start(&["--sessions", "10", "--seed", "5", "--latency", "600ms"]);
    let run = PtyRun::start(sim.cmd(&["all", "--sort", "user"]), 24, 100);
    let shown = run.wait_for(Duration::from_secs(20), |b| {
        String::from_utf8_lossy(b).contains("all: ")
    });
    let (code, bytes) = run.finish(Duration::from_secs(30));
    assert_eq!(code, Some(0), "{}", String::from_utf8_lossy(&bytes));
    assert!(shown, "no indicator: {}", String::from_utf8_lossy(&bytes));
    assert!(
        String::from_utf8_lossy(&bytes)
            .contains(&format!(" of {} profiles done", sim.profiles().len())),
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    let rows = screen(&bytes, 24, 100);
    assert!(
        rows.iter().all(|r| !r.contains("profiles done")),
        "the indicator is cleared: {rows:#?}"
    );
}
