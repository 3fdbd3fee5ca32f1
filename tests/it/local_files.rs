//! Files written as a careful daemon writes them (issue 24): `--output-file`, `trust`'s config
//! and the token cache share one path. Its temporary file has its final mode from the start
//! (observed mid-write, with the debug builds' `SESSIONS_TEST_PAUSE_WRITE`), keeps the owner
//! when run as root, and is removed on SIGTERM and SIGHUP as on Ctrl-C; a directory as the
//! destination is refused before any fetching.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::{Duration, Instant};

use crate::common::{any_backend, Sim};

/// The temporary file beside `dest` once it appears (at most 20 s).
fn temporary(dest: &Path) -> PathBuf {
    let prefix = format!(".{}.", dest.file_name().unwrap().to_str().unwrap());
    let t0 = Instant::now();
    while t0.elapsed() < Duration::from_secs(20) {
        let found = std::fs::read_dir(dest.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .starts_with(&prefix)
            });
        if let Some(found) = found {
            return found;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("no temporary file beside {}", dest.display());
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().mode() & 0o7777
}

fn signal(child: &Child, signal: libc::c_int) {
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    // SAFETY: kill(2) takes plain integers and touches no memory of ours.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
}

/// A listing into `dest`, paused once its temporary file exists.
fn paused_output(sim: &Sim, dest: &Path, pause_ms: &str) -> Child {
    let b = any_backend();
    let mut cmd = sim.cmd(&["-p", b, b, "-o", "json", "--output-file"]);
    cmd.arg(dest).env("SESSIONS_TEST_PAUSE_WRITE", pause_ms);
    cmd.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    cmd.spawn().unwrap()
}

#[test]
fn the_temporary_file_has_the_final_mode_and_a_signal_removes_it() {
    let sim = Sim::with_sessions(3, 1);
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("sessions.json");
    std::fs::write(&dest, "old").unwrap();
    std::fs::set_permissions(&dest, std::fs::Permissions::from_mode(0o640)).unwrap();
    for (sig, code) in [
        (libc::SIGTERM, 143),
        (libc::SIGHUP, 129),
        (libc::SIGINT, 130),
    ] {
        let child = paused_output(&sim, &dest, "20000");
        let tmp = temporary(&dest);
        assert_eq!(mode(&tmp), 0o640, "the destination's mode, never wider");
        signal(&child, sig);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(code), "signal {sig}");
        assert!(!tmp.exists(), "signal {sig} left {}", tmp.display());
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "old");
    }
    let done = paused_output(&sim, &dest, "100")
        .wait_with_output()
        .unwrap();
    assert_eq!(done.status.code(), Some(0), "{done:?}");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&dest).unwrap())
        .expect("the listing replaced the file");
    assert!(v.as_array().is_some_and(|a| !a.is_empty()));
    assert_eq!(mode(&dest), 0o640);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn trust_writes_the_config_private_from_the_start() {
    let b = any_backend();
    let sim = Sim::with_sessions(2, 1);
    let cfg = sim.config_with("trust-mode.toml", |c| c.each(|c, p| c.remove(p, "ca_cert")));
    let cfg = Path::new(&cfg);
    std::fs::set_permissions(cfg, std::fs::Permissions::from_mode(0o600)).unwrap();
    let mut cmd = sim.cmd(&["-c", cfg.to_str().unwrap(), "trust", "-p", b, "--yes"]);
    cmd.env("SESSIONS_TEST_PAUSE_WRITE", "1500")
        .stderr(std::process::Stdio::piped());
    let child = cmd.spawn().unwrap();
    let tmp = temporary(cfg);
    assert_eq!(mode(&tmp), 0o600, "secrets are never readable by others");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(mode(cfg), 0o600);
    assert!(std::fs::read_to_string(cfg)
        .unwrap()
        .contains("tls_fingerprint"));
}

#[test]
fn root_keeps_the_owner_of_what_it_replaces() {
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        // Said past the harness's capture: CI may run as a user, who cannot give files away.
        let line = "skipped root_keeps_the_owner_of_what_it_replaces: needs root";
        let _ = std::io::Write::write_all(&mut std::io::stderr(), format!("{line}\n").as_bytes());
        return;
    }
    let b = any_backend();
    let sim = Sim::with_sessions(2, 1);
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("sessions.prom");
    std::fs::write(&dest, "old").unwrap();
    std::os::unix::fs::chown(&dest, Some(4321), Some(4322)).unwrap();
    let dest_arg = dest.to_str().unwrap();
    sim.run(&[
        "-p",
        b,
        "all",
        "-o",
        "prometheus",
        "--output-file",
        dest_arg,
    ])
    .ok();
    let meta = std::fs::metadata(&dest).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 4322));
    assert!(std::fs::read_to_string(&dest)
        .unwrap()
        .contains("sessions_up"));
}

#[test]
fn a_directory_is_refused_before_any_fetching() {
    let b = any_backend();
    let sim = Sim::with_sessions(2, 1);
    let dir = tempfile::tempdir().unwrap();
    // Nothing listens there: a run that fetched first would fail with exit 4.
    let url = "https://127.0.0.1:9";
    let dir_arg = dir.path().to_str().unwrap();
    let run = sim
        .run(&["-p", b, "--url", url, b, "--output-file", dir_arg])
        .code(2);
    assert!(
        run.stderr.contains("--output-file") && run.stderr.contains("is a directory"),
        "{}",
        run.stderr
    );
}
