//! `simulate --detach` and `--stop`: a simulator in the background, found again through the
//! pid file in its run's directory.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::files::{create_private_dir, RunFiles};

/// How long a detached simulator may take to start serving, or to stop.
const PATIENCE: Duration = Duration::from_secs(30);

/// Run this same command without `--detach` in a process group of its own (so the
/// terminal's Ctrl-C does not reach it), with its stderr in the run's directory. Return its
/// pid once it has written the config, which it does only when every listener is bound.
pub fn detach(config: &Path) -> Result<u32> {
    let files = RunFiles::beside(config)?;
    create_private_dir(&files.dir)?;
    let fail =
        |what: &str, e: std::io::Error| Error::other(format!("simulate --detach: {what}: {e}"));
    // A config left by an earlier run must not pass for this one's.
    match std::fs::remove_file(config) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(fail("old config", e)),
        _ => {}
    }
    let log = std::fs::File::create(&files.log).map_err(|e| fail("log", e))?;
    let exe = std::env::current_exe().map_err(|e| fail("this program", e))?;
    let argv: Vec<std::ffi::OsString> = std::env::args_os()
        .skip(1)
        .filter(|a| a != "--detach")
        .collect();
    let mut command = Command::new(exe);
    command
        .args(argv)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log);
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().map_err(|e| fail("start", e))?;
    let started = Instant::now();
    while !config.exists() {
        if let Ok(Some(status)) = child.try_wait() {
            let said = std::fs::read_to_string(&files.log).unwrap_or_default();
            let last = said.lines().last().unwrap_or("no message");
            return Err(Error::other(format!(
                "the simulator stopped before serving ({status}): {last}"
            )));
        }
        if started.elapsed() > PATIENCE {
            let _ = child.kill();
            return Err(Error::other(
                "the simulator did not start serving within 30s",
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let pid = child.id();
    std::fs::write(&files.pid, format!("{pid}\n"))
        .map_err(|e| Error::other(format!("cannot write {}: {e}", files.pid.display())))?;
    Ok(pid)
}

/// What `--stop` found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    /// It ran, got SIGTERM, and is gone.
    Stopped(u32),
    /// The pid file named a process that had already ended (or is not a simulator).
    NotRunning(u32),
}

/// End the run `--detach --write-config PATH` started: SIGTERM, then wait until it is gone.
pub fn stop(config: &Path) -> Result<Stopped> {
    let files = RunFiles::beside(config)?;
    let text = std::fs::read_to_string(&files.pid).map_err(|_| {
        Error::usage(format!(
            "no detached simulator for {} (no {})",
            config.display(),
            files.pid.display()
        ))
    })?;
    let pid: u32 = text
        .trim()
        .parse()
        .map_err(|_| Error::other(format!("{}: not a pid", files.pid.display())))?;
    if !is_simulator(pid) {
        let _ = std::fs::remove_file(&files.pid);
        return Ok(Stopped::NotRunning(pid));
    }
    signal(pid, libc::SIGTERM)?;
    let started = Instant::now();
    while !has_exited(pid) {
        if started.elapsed() > PATIENCE {
            return Err(Error::other(format!("pid {pid} did not stop within 30s")));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = std::fs::remove_file(&files.pid);
    Ok(Stopped::Stopped(pid))
}

/// Whether `pid` is alive and is a `sessions simulate` (where /proc can tell), so that a pid
/// file left behind never ends someone else's process.
fn is_simulator(pid: u32) -> bool {
    if Path::new("/proc/self").exists() {
        let Ok(cmdline) = std::fs::read(proc_dir(pid).join("cmdline")) else {
            return false;
        };
        return !has_exited(pid) && cmdline.split(|b| *b == 0).any(|a| a == b"simulate");
    }
    signal(pid, 0).is_ok()
}

/// Whether `pid` has finished exiting: gone, or a zombie, which holds no socket or file any
/// more. Not an empty cmdline: a process loses that early in its exit, while its listening
/// sockets are still open.
fn has_exited(pid: u32) -> bool {
    if !Path::new("/proc/self").exists() {
        return signal(pid, 0).is_err();
    }
    match std::fs::read_to_string(proc_dir(pid).join("stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit(')')
            .next()
            .is_some_and(|s| matches!(s.trim_start().chars().next(), Some('Z' | 'X'))),
    }
}

fn proc_dir(pid: u32) -> std::path::PathBuf {
    Path::new("/proc").join(pid.to_string())
}

/// kill(2): `signal` to `pid` (0 only asks whether it is there).
#[cfg(unix)]
fn signal(pid: u32, signal: i32) -> Result<()> {
    let pid =
        libc::pid_t::try_from(pid).map_err(|_| Error::other(format!("pid {pid}: too large")))?;
    // SAFETY: kill(2) takes plain integers and touches no memory of ours.
    if unsafe { libc::kill(pid, signal) } == 0 {
        Ok(())
    } else {
        let e = std::io::Error::last_os_error();
        Err(Error::other(format!("cannot signal pid {pid}: {e}")))
    }
}

#[cfg(not(unix))]
fn signal(_pid: u32, _signal: i32) -> Result<()> {
    Err(Error::usage("simulate --stop needs a Unix system"))
}

/// Until SIGINT or SIGTERM.
pub async fn wait_for_shutdown() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
