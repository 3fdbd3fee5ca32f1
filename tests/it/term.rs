//! On a terminal (a real pty, replayed on a terminal emulator): `--watch` frames that fit the
//! screen, and the progress indicator of a long listing.

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
        c.set("cifs", "url", "https://127.0.0.1:9");
    });
    let cmd = sim.cmd(&["-c", &config, "all", "--watch", "300ms"]);
    let run = PtyRun::start(cmd, 15, 80);
    let enough = run.wait_for(Duration::from_secs(30), |b| frame_starts(b).len() >= 5);
    let bytes = run.kill();
    let starts = frame_starts(&bytes);
    assert!(
        enough,
        "fewer than 5 frames: {}",
        String::from_utf8_lossy(&bytes)
    );
    for pair in starts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let frame = String::from_utf8_lossy(&bytes[from + REDRAW.len()..to]).into_owned();
        let lines: Vec<&str> = frame.lines().map(|l| l.trim_end_matches('\r')).collect();
        assert!(
            lines.len() <= 14,
            "a frame of {} lines on a 15-row screen:\n{frame}",
            lines.len()
        );
        for l in &lines {
            assert!(l.width() <= 80, "a line wider than 80 columns: {l:?}");
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
        let rows = screen(&bytes[..to], 15, 80);
        assert!(
            rows[0].contains(" UTC · ") && rows[0].contains("failed: cifs"),
            "the status line is on the first row: {rows:#?}"
        );
        assert!(
            rows[1].trim_start().starts_with("PROFILE"),
            "the header is on the second row: {rows:#?}"
        );
    }
}
