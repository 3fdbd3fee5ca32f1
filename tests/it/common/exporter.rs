//! `sessions exporter` as a child process on a free port, and plain HTTP requests to it.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::run::{isolate, BIN};

/// A port nothing listens on now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `sessions -c CONFIG exporter --listen 127.0.0.1:PORT EXTRA...`, stopped when dropped; its
/// stderr goes to `exporter.log` in `dir`.
pub struct Exporter {
    child: Child,
    pub port: u16,
    /// The port an `extra` argument's `{free}` became.
    pub wide_port: u16,
    pub log: PathBuf,
}

impl Exporter {
    pub fn start(config: &Path, dir: &Path, extra: &[&str]) -> Exporter {
        Exporter::start_with(config, dir, extra, |_| {})
    }

    /// [`start`](Exporter::start), with a last change to the command. An `extra` argument
    /// holding `{free}` gets a free port of its own (`wide_port`). A port another test took
    /// between its choice and the bind is chosen again, up to five times.
    pub fn start_with(
        config: &Path,
        dir: &Path,
        extra: &[&str],
        tweak: impl Fn(&mut Command),
    ) -> Exporter {
        for _ in 0..5 {
            if let Some(exporter) = Exporter::try_start(config, dir, extra, &tweak) {
                return exporter;
            }
        }
        panic!("the exporter found no free port in five tries");
    }

    /// One start; `None` when a port it was given was taken before it could bind it.
    fn try_start(
        config: &Path,
        dir: &Path,
        extra: &[&str],
        tweak: &impl Fn(&mut Command),
    ) -> Option<Exporter> {
        let port = free_port();
        let wide_port = free_port();
        let log = dir.join(format!("exporter-{port}.log"));
        let mut cmd = Command::new(BIN);
        cmd.arg("-c").arg(config);
        cmd.args(["exporter", "--listen", &format!("127.0.0.1:{port}")]);
        cmd.args(
            extra
                .iter()
                .map(|a| a.replace("{free}", &wide_port.to_string())),
        );
        isolate(&mut cmd, dir);
        cmd.stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap());
        tweak(&mut cmd);
        let mut exporter = Exporter {
            child: cmd.spawn().unwrap(),
            port,
            wide_port,
            log,
        };
        let t0 = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            let exited = exporter.child.try_wait().unwrap().is_some();
            if exited && exporter.said().contains("Address already in use") {
                return None;
            }
            assert!(
                !exited && t0.elapsed() < Duration::from_secs(20),
                "the exporter never listened: {}",
                exporter.said()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(exporter)
    }

    pub fn get(&self, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
        http_get(self.port, path, headers)
    }

    /// What it wrote on stderr so far.
    pub fn said(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The CPU time it used so far (user and system), from /proc.
    pub fn cpu(&self) -> Duration {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap();
        // Past the command's name, which may hold spaces: state is field 3, utime 14.
        let after = &stat[stat.rfind(')').unwrap() + 2..];
        let fields: Vec<u64> = after
            .split(' ')
            .skip(11)
            .take(2)
            .map(|f| f.parse().unwrap())
            .collect();
        // Clock ticks, 100 a second on Linux.
        Duration::from_millis((fields[0] + fields[1]) * 10)
    }
}

impl Drop for Exporter {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A plain HTTP/1.0 GET: the status and the body.
pub fn http_get(port: u16, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut req = format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, body.to_string())
}

/// The value of the sample `series` (name and labels, as written) in an exposition.
pub fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' '))
        .and_then(|v| v.trim().parse().ok())
}
