//! The matrix's signal cells: SIGINT in the middle of a slow listing leaves the JSON
//! unterminated (or empty, where the listing holds its rows until every page is in) with
//! exit 130; a reader that goes away early (`| head -c 10`) is a quiet exit 0. A listing in
//! one call has no middle to interrupt.

use std::io::Read;
use std::process::Stdio;

use crate::common::Sim;

fn sigint_mid_stream(backend: &str) {
    let sim = Sim::start(&["--sessions", "40", "--latency", "300ms"]);
    let mut cmd = sim.cmd(&["-p", backend, backend, "-o", "json"]);
    let facts = crate::common::facts(backend);
    cmd.args(facts.page_flags("5"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = Vec::new();
    if facts.holds_rows {
        // Its first byte comes at the end: interrupt it while it still pages and looks up.
        std::thread::sleep(std::time::Duration::from_millis(900));
    } else {
        first.push(0);
        stdout.read_exact(&mut first).unwrap();
    }
    crate::common::interrupt(&child);
    let mut rest = Vec::new();
    stdout.read_to_end(&mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    first.extend(rest);
    let text = String::from_utf8_lossy(&first);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{backend}: {stderr}");
    assert!(
        text.is_empty() || serde_json::from_str::<serde_json::Value>(&text).is_err(),
        "{backend}: interrupted JSON parses, as if complete: {text}"
    );
    assert!(!stderr.contains("panicked"), "{backend}: {stderr}");
}

fn sigpipe(backend: &str) {
    let sim = Sim::start(&["--sessions", "1000"]);
    let mut cmd = sim.cmd(&["-p", backend, backend, "-o", "json"]);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut head = [0u8; 10];
    stdout.read_exact(&mut head).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{backend}: {stderr}");
    assert_eq!(stderr, "", "{backend}: nothing on stderr");
}

/// `faults::signals::sigint::smb` where a listing has a middle, `sigpipe` everywhere.
pub fn trials() -> Vec<libtest_mimic::Trial> {
    let mut trials = crate::per_backend("faults::signals::sigint", |b| {
        b.about()
            .tests
            .pages()
            .then_some(move || sigint_mid_stream(b.name()))
    });
    trials.extend(crate::per_backend("faults::signals::sigpipe", |b| {
        Some(move || sigpipe(b.name()))
    }));
    trials
}
