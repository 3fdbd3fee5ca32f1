//! The matrix's signal cells: SIGINT in the middle of a slow listing leaves the JSON
//! unterminated (or, for Opal, which holds its rows until every user is looked up, empty)
//! with exit 130; a reader that goes away early (`| head -c 10`) is a quiet exit 0. TrueNAS
//! answers in one call, so there is no middle to interrupt there.

use std::io::Read;
use std::process::Stdio;

use crate::common::Sim;

fn page_flags(backend: &str) -> &'static [&'static str] {
    match backend {
        "smb" => &["--page-size", "5"],
        "cifs" => &["--max-records", "5"],
        _ => &[],
    }
}

fn sigint_mid_stream(backend: &str) {
    let sim = Sim::start(&["--sessions", "40", "--latency", "300ms"]);
    let mut cmd = sim.cmd(&["-p", backend, backend, "-o", "json"]);
    cmd.args(page_flags(backend))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = Vec::new();
    if backend == "opal" {
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

mod sigint {
    #[test]
    fn smb() {
        super::sigint_mid_stream("smb")
    }
    #[test]
    fn cifs() {
        super::sigint_mid_stream("cifs")
    }
    #[test]
    fn opal() {
        super::sigint_mid_stream("opal")
    }
}

mod sigpipe {
    #[test]
    fn smb() {
        super::sigpipe("smb")
    }
    #[test]
    fn cifs() {
        super::sigpipe("cifs")
    }
    #[test]
    fn auth() {
        super::sigpipe("auth")
    }
    #[test]
    fn opal() {
        super::sigpipe("opal")
    }
}
