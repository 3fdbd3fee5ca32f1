//! A secret helper (`password_command`, `pass show ...`), bounded: it runs in a process group
//! of its own, and at the run's deadline the whole group is killed, children included. Its
//! output is read only while it runs: once it exits, what it wrote is taken and reading
//! stops, even if a child it left behind still holds the pipe (`sh -c 'echo pw; sleep 30 &'`).
//! A secret longer than [`MAX_SECRET`] is refused.

use std::io::{self, Read};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::transport::Limits;

/// The most a helper may print (or a secret file hold): far beyond any password, token or key.
pub(super) const MAX_SECRET: usize = 64 * 1024;

/// Run a secret helper within the run's deadline, and take the first line it prints.
/// What it says on stderr is summarised in the error, never passed through: it may be long,
/// or hold what it was asked for.
pub(super) fn run(argv: &[String], limits: &Limits) -> Result<String, String> {
    let (program, args) = argv.split_first().ok_or("is empty")?;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Its own group: the deadline stops whatever it started, too.
        .process_group(0)
        .spawn()
        .map_err(|e| format!("cannot run '{program}': {e}"))?;
    let mut group = Group(Some(child.id()));
    let mut out = Pipe::of(child.stdout.take());
    let mut err = Pipe::of(child.stderr.take());
    let until = Instant::now() + limits.remaining();
    let status = loop {
        let exited = child
            .try_wait()
            .map_err(|e| format!("waiting for '{program}': {e}"))?;
        // After its exit, one last read takes what it wrote (the pipe holds it); what a child
        // left behind writes later is not its answer.
        out.drain();
        err.drain();
        if out.bytes.len() > MAX_SECRET {
            return Err(format!(
                "'{program}' printed more than {} KiB; a secret is its first line",
                MAX_SECRET / 1024
            ));
        }
        if let Some(status) = exited {
            break status;
        }
        if Instant::now() >= until {
            group.kill(&mut child);
            return Err(format!(
                "'{program}' did not finish within {} (the run's timeout); stopped it",
                humantime::format_duration(limits.timeout)
            ));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    group.0 = None;
    answer(program, status, &out.bytes, &err.bytes)
}

/// The first line of what a helper printed, or why there is none.
fn answer(program: &str, status: ExitStatus, out: &[u8], err: &[u8]) -> Result<String, String> {
    if !status.success() {
        let said = String::from_utf8_lossy(err);
        let said = said
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        return Err(match said {
            "" => format!("'{program}' failed ({status})"),
            said => format!(
                "'{program}' failed ({status}): {}",
                said.chars().take(160).collect::<String>()
            ),
        });
    }
    let text = std::str::from_utf8(out).map_err(|_| format!("'{program}' printed non-UTF-8"))?;
    // `pass` and friends print the secret on the first line.
    let first = text.lines().next().unwrap_or("").to_string();
    if first.is_empty() {
        return Err(format!("'{program}' printed nothing"));
    }
    Ok(first)
}

/// The helper's process group, killed (every process in it) unless it finished.
struct Group(Option<u32>);

impl Group {
    fn kill(&mut self, child: &mut Child) {
        if let Some(pid) = self.0.take().and_then(|p| libc::pid_t::try_from(p).ok()) {
            // SAFETY: killpg takes plain integers and touches no memory of ours; the group is
            // the helper's own (process_group(0) made its id the group's).
            unsafe { libc::killpg(pid, libc::SIGKILL) };
        }
        let _ = child.kill();
        let _ = child.wait();
    }
}

impl Drop for Group {
    /// A helper abandoned early (its output over the cap) is stopped with its group.
    fn drop(&mut self) {
        if let Some(pid) = self.0.take().and_then(|p| libc::pid_t::try_from(p).ok()) {
            // SAFETY: as in `kill`.
            unsafe { libc::killpg(pid, libc::SIGKILL) };
        }
    }
}

/// One of the helper's pipes, read without blocking: what arrived, at most one byte past
/// [`MAX_SECRET`].
struct Pipe {
    pipe: Option<Box<dyn Read>>,
    bytes: Vec<u8>,
}

impl Pipe {
    fn of<P: Read + AsRawFd + 'static>(pipe: Option<P>) -> Pipe {
        let pipe = pipe.filter(|p| nonblocking(p.as_raw_fd()).is_ok());
        Pipe {
            pipe: pipe.map(|p| Box::new(p) as Box<dyn Read>),
            bytes: Vec::new(),
        }
    }

    /// Read what is in the pipe now, up to its end or the cap.
    fn drain(&mut self) {
        let Some(pipe) = &mut self.pipe else {
            return;
        };
        let mut buf = [0u8; 8192];
        loop {
            match pipe.read(&mut buf) {
                Ok(0) => break self.pipe = None,
                Ok(n) => {
                    let room = (MAX_SECRET + 1).saturating_sub(self.bytes.len());
                    self.bytes.extend_from_slice(&buf[..n.min(room)]);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(_) => break self.pipe = None,
            }
        }
    }
}

fn nonblocking(fd: std::os::fd::RawFd) -> io::Result<()> {
    // SAFETY: fcntl on a descriptor we own, with integer arguments only.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    // SAFETY: as above.
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(timeout: Duration) -> Limits {
        Limits::starting_now(timeout, timeout, 1 << 20)
    }

    fn sh(script: &str) -> Vec<String> {
        ["sh", "-c", script].map(String::from).to_vec()
    }

    #[test]
    fn a_child_holding_the_pipe_does_not_hold_the_run() {
        let t0 = Instant::now();
        let got = run(&sh("echo pw; sleep 30 &"), &limits(Duration::from_secs(20)));
        assert_eq!(got.as_deref(), Ok("pw"));
        assert!(t0.elapsed() < Duration::from_secs(5), "{:?}", t0.elapsed());
    }

    #[test]
    fn the_deadline_kills_the_whole_group() {
        let dir = tempfile::tempdir().unwrap();
        let pidfile = dir.path().join("child.pid");
        let script = format!("sleep 60 & echo $! > {}; wait", pidfile.display());
        let t0 = Instant::now();
        let e = run(&sh(&script), &limits(Duration::from_millis(500))).unwrap_err();
        assert!(e.contains("did not finish within"), "{e}");
        assert!(t0.elapsed() < Duration::from_secs(5));
        let pid: i32 = std::fs::read_to_string(&pidfile)
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        // The group was sent SIGKILL: the child is gone (or a zombie of init's, soon reaped).
        let t0 = Instant::now();
        let gone = loop {
            let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            let alive = state
                .split(") ")
                .nth(1)
                .is_some_and(|s| !s.starts_with('Z'));
            if !alive || t0.elapsed() > Duration::from_secs(5) {
                break !alive;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(gone, "the helper's child {pid} still runs");
    }

    #[test]
    fn output_is_capped() {
        let e = run(
            &sh("head -c 100000 /dev/zero | tr '\\0' a"),
            &limits(Duration::from_secs(20)),
        );
        assert!(e.unwrap_err().contains("more than 64 KiB"));
        let long = "a".repeat(MAX_SECRET - 1);
        let ok = run(
            &sh(&format!("printf {long}")),
            &limits(Duration::from_secs(20)),
        );
        assert_eq!(ok.map(|s| s.len()), Ok(MAX_SECRET - 1));
    }
}
