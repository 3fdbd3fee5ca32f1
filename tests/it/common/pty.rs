//! Runs on a pseudo-terminal, for what only happens on a terminal (`--watch`'s redrawn
//! frames, the progress indicator): the binary's stdin, stdout and stderr are the pty's
//! slave side, of a chosen size; what it writes is read from the master side, and replayed on
//! a terminal emulator (vt100) to see the screen as a user would.

use std::io::Read;
use std::os::fd::OwnedFd;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rustix::pty::{grantpt, openpt, ptsname, unlockpt, OpenptFlags};
use rustix::termios::{tcsetwinsize, Winsize};

/// A child running on a pty, and everything it has written so far.
pub struct PtyRun {
    child: Child,
    /// The master side, for what the user types.
    keyboard: std::fs::File,
    written: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
}

impl PtyRun {
    /// Start `cmd` on a new `rows` x `cols` terminal.
    pub fn start(mut cmd: Command, rows: u16, cols: u16) -> PtyRun {
        let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).expect("openpt");
        grantpt(&master).unwrap();
        unlockpt(&master).unwrap();
        let name = ptsname(&master, Vec::new()).unwrap();
        let slave: OwnedFd = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(name.to_str().unwrap())
            .expect("open the pty's slave")
            .into();
        let size = Winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        tcsetwinsize(&slave, size).unwrap();
        cmd.env("TERM", "xterm-256color")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        let child = cmd.spawn().expect("start on the pty");
        // The Command holds the slave's copies until dropped: the master sees the end (EIO)
        // only once no one but the child holds the slave open.
        drop(cmd);
        let written = Arc::new(Mutex::new(Vec::new()));
        let sink = written.clone();
        let mut master = std::fs::File::from(master);
        let keyboard = master.try_clone().unwrap();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = master.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        PtyRun {
            child,
            keyboard,
            written,
            reader: Some(reader),
        }
    }

    /// Type `text` at the terminal, as a user would.
    pub fn type_text(&mut self, text: &str) {
        std::io::Write::write_all(&mut self.keyboard, text.as_bytes()).unwrap();
    }

    /// The child's process id.
    pub fn child(&self) -> &Child {
        &self.child
    }

    /// What the child has written so far, stdout and stderr as they met on the terminal.
    pub fn written(&self) -> Vec<u8> {
        self.written.lock().unwrap().clone()
    }

    /// Wait until what was written satisfies `done`, at most `limit`; whether it did.
    pub fn wait_for(&self, limit: Duration, done: impl Fn(&[u8]) -> bool) -> bool {
        let t0 = Instant::now();
        while t0.elapsed() < limit {
            if done(&self.written.lock().unwrap()) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// Wait for the child to exit (killing it after `limit`): its exit code (`None` if it was
    /// killed) and everything it wrote.
    pub fn finish(mut self, limit: Duration) -> (Option<i32>, Vec<u8>) {
        let t0 = Instant::now();
        let code = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status.code();
            }
            if t0.elapsed() > limit {
                let _ = self.child.kill();
                let _ = self.child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        (code, self.written())
    }

    /// Stop the child now; everything it wrote.
    pub fn kill(mut self) -> Vec<u8> {
        let _ = self.child.kill();
        self.finish(Duration::from_secs(5)).1
    }
}

impl Drop for PtyRun {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The screen of a `rows` x `cols` terminal after replaying `bytes` on it.
pub fn screen(bytes: &[u8], rows: u16, cols: u16) -> Vec<String> {
    let nonzero = |n: u16| std::num::NonZeroU16::new(n).expect("a screen of some size");
    let mut term = vt100::Parser::new(nonzero(rows), nonzero(cols), 0);
    term.process(bytes);
    term.screen().rows(0, cols).collect()
}
