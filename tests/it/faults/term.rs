//! The `control-chars` cell in every format: on a terminal (a pty) nothing a server sent is
//! obeyed, in any `-o`; piped, csv and prometheus carry the bytes as sent.

use std::time::Duration;

use super::cell::TIMEOUT;
use crate::common::{PtyRun, Sim};

/// The formats that draw records.
const FORMATS: &[&str] = &["json", "ndjson", "csv", "plain", "table", "wide"];
/// What the simulator puts in a session's text, and how a terminal must show it.
const RAW: &str = "eve\u{1b}]0;owned\u{7}\r\u{1b}[2J\u{202e}mallory";
const SHOWN: &str = r"eve\x1b]0;owned\x07\r\x1b[2J\u{202e}mallory";
const SHOWN_JSON: &str = r"eve\u001b]0;owned\u0007\r\u001b[2J\u202emallory";

/// `args` (after `-c CONFIG`) on a pty: what it wrote, the terminal's own line ends made
/// plain again (a pty turns `\n` into `\r\n`).
fn on_terminal(sim: &Sim, args: &[&str]) -> String {
    ended_on_terminal(sim, args, 0)
}

/// As [`on_terminal`], for a run that exits with `code`.
fn ended_on_terminal(sim: &Sim, args: &[&str], code: i32) -> String {
    let run = PtyRun::start(sim.cmd(args), 50, 400);
    let (ended, bytes) = run.finish(Duration::from_secs(20));
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(ended, Some(code), "{args:?} on a terminal: {text}");
    text.replace("\r\n", "\n")
}

/// `all` over the one profile `backend`, quiet, in `format`.
fn all_args(config: &str, backend: &str, format: &str) -> Vec<String> {
    let args = [
        "-c",
        config,
        "-p",
        backend,
        "-q",
        "--timeout",
        TIMEOUT,
        "all",
        "-o",
        format,
    ];
    args.map(String::from).to_vec()
}

/// A vendor error with control characters, in `all`'s NDJSON on a terminal: one JSON line
/// of its own, with nothing a terminal obeys.
pub fn error_line(backend: &str, sim: &Sim) {
    let config = sim.config_with("term.toml", |_| {});
    let args = all_args(&config, backend, "ndjson");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let text = ended_on_terminal(sim, &args, 5);
    inert(&text, &format!("{backend} all -o ndjson on a terminal"));
    let line = text
        .lines()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("no error line: {text}"));
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(v["profile"], backend, "{line}");
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("\u{1b}]0;owned"));
}

/// No byte that a terminal obeys; a `\r` only as CSV's line end.
#[track_caller]
fn inert(text: &str, what: &str) {
    for raw in ['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}'] {
        assert!(!text.contains(raw), "{what}: raw {raw:?} in {text:?}");
    }
    assert!(
        !text.replace("\r\n", "\n").contains('\r'),
        "{what}: a raw CR in {text:?}"
    );
}

/// Every format on a terminal, and csv and prometheus piped.
pub fn every_format(backend: &str, sim: &Sim) {
    let config = sim.config_with("term.toml", |_| {});
    let pages = crate::common::facts(backend).page_flags("5");
    for format in FORMATS {
        let mut args = vec!["-c", &config, "-p", backend, "--timeout", TIMEOUT, "-q"];
        args.push(backend);
        args.extend(&pages);
        args.extend(["-o", format]);
        let what = format!("{backend} -o {format} on a terminal");
        let text = on_terminal(sim, &args);
        inert(&text, &what);
        let shown = match *format {
            "json" | "ndjson" => SHOWN_JSON,
            _ => SHOWN,
        };
        assert!(text.contains(shown), "{what}: no {shown} in {text}");
        if *format == "csv" {
            let piped = sim.run(&args).ok();
            assert!(
                piped.stdout.contains(RAW),
                "{backend} -o csv piped: {}",
                piped.stdout
            );
        }
    }
    // The gauges: a label value the server wrote (where a breakdown reads the text) is shown
    // escaped on a terminal, and is the same exposition otherwise.
    let args = all_args(&config, backend, "prometheus");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let piped = sim.run(&args).ok().stdout;
    let text = on_terminal(sim, &args);
    inert(&text, &format!("{backend} all -o prometheus on a terminal"));
    let timeless = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| !l.starts_with("sessions_scrape_duration_seconds{"))
            .map(str::to_owned)
            .collect()
    };
    let escaped = piped
        .replace('\u{1b}', r"\x1b")
        .replace('\u{7}', r"\x07")
        .replace('\r', r"\r")
        .replace('\u{202e}', r"\u{202e}");
    assert_eq!(timeless(&text), timeless(&escaped), "piped:\n{piped}");
}
