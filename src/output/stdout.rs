//! The one writer of data: stdout, or the `--output-file` that replaces a file only when the
//! run succeeded.

use bytes::Bytes;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::atomic_file::{AtomicFile, Mode};
use crate::error::{Error, Result};

/// Buffered stdout, or the `--output-file` that replaces a file once the run succeeded.
/// Everything the program prints as data goes through here.
pub(crate) struct Stdout {
    pub(super) w: BufWriter<Box<dyn Write + Send>>,
    is_terminal: bool,
    file: Option<AtomicFile>,
    /// The output says itself which profiles failed (`all`'s `errors`, `sessions_up 0`):
    /// an `--output-file` takes it even though the run exits non-zero.
    complete: bool,
}

impl Stdout {
    pub(crate) fn new() -> Stdout {
        let s = io::stdout();
        let is_terminal = s.is_terminal();
        Stdout {
            w: BufWriter::with_capacity(64 * 1024, Box::new(s)),
            is_terminal,
            file: None,
            complete: false,
        }
    }

    /// Data goes to a temporary file beside `path`, which [`commit`](Stdout::commit) renames
    /// over `path`: a failed run leaves `path` as it was.
    pub(crate) fn to_file(path: &Path) -> Result<Stdout> {
        let cannot = |e: io::Error| {
            Error::usage(format!(
                "cannot write --output-file {}: {e}",
                path.display()
            ))
        };
        // A new file gets 0666 less the umask, as a shell's `>` would give it.
        let file = AtomicFile::create(path, Mode::New(0o666)).map_err(cannot)?;
        let handle = file.file().try_clone().map_err(cannot)?;
        Ok(Stdout {
            w: BufWriter::with_capacity(64 * 1024, Box::new(handle)),
            is_terminal: false,
            file: Some(file),
            complete: false,
        })
    }

    pub(crate) fn is_terminal(&self) -> bool {
        self.is_terminal
    }
    pub(crate) fn line(&mut self, text: &str) -> Result<()> {
        self.w.write_all(text.as_bytes())?;
        self.w.write_all(b"\n")?;
        Ok(())
    }
    pub(crate) fn raw(&mut self, bytes: &[u8]) -> Result<()> {
        self.w.write_all(bytes)?;
        Ok(())
    }
    /// JSON text; on a terminal, what the terminal would obey (DEL, C1, bidi) is written as
    /// JSON's `\uXXXX`, the same document to a parser.
    pub(crate) fn json(&mut self, text: &str) -> Result<()> {
        match self.is_terminal {
            true => self.raw(crate::escape::json(text).as_bytes()),
            false => self.raw(text.as_bytes()),
        }
    }
    /// JSON text in pieces (each UTF-8, split between tokens), written as [`json`](Self::json)
    /// writes their concatenation: the pieces of a session shared with its page body.
    pub(crate) fn json_parts(
        &mut self,
        (head, middle, tail): (&[u8], &[Bytes], &[u8]),
    ) -> Result<()> {
        self.json_part(head)?;
        for part in middle {
            self.json_part(part)?;
        }
        self.json_part(tail)
    }
    fn json_part(&mut self, part: &[u8]) -> Result<()> {
        match self.is_terminal {
            true => self.json(&String::from_utf8_lossy(part)),
            false => self.raw(part),
        }
    }
    /// Lines of our own that carry server text (the exposition format): on a terminal, each
    /// line's control characters are shown escaped; piped, the bytes as they are.
    pub(crate) fn lines(&mut self, text: &str) -> Result<()> {
        match self.is_terminal {
            true => self.raw(crate::escape::lines(text).as_bytes()),
            false => self.raw(text.as_bytes()),
        }
    }
    pub(crate) fn flush(&mut self) -> Result<()> {
        self.w.flush()?;
        Ok(())
    }

    /// What was written is whole even if the run fails (see [`Stdout::commit_if_complete`]).
    pub(crate) fn complete_despite_error(&mut self) {
        self.complete = true;
    }

    /// The run failed: put the `--output-file` in place only if the output says so itself.
    pub(crate) fn commit_if_complete(self) -> Result<()> {
        match self.complete {
            true => self.commit(),
            false => Ok(()),
        }
    }

    /// The run succeeded: flush, and put the `--output-file` in place.
    pub(crate) fn commit(mut self) -> Result<()> {
        self.flush()?;
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let dest = file.dest().to_owned();
        file.commit().map_err(|e| {
            Error::other(format!(
                "cannot write --output-file {}: {e}",
                dest.display()
            ))
        })
    }
}

/// What a test's [`Stdout::capture`] holds.
#[cfg(test)]
#[derive(Clone, Default)]
pub(crate) struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

#[cfg(test)]
impl Captured {
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

#[cfg(test)]
impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
impl Stdout {
    /// A stdout that is not a terminal and keeps what is written, for tests of the renderers.
    pub(crate) fn capture() -> (Stdout, Captured) {
        let kept = Captured::default();
        let out = Stdout {
            w: BufWriter::new(Box::new(kept.clone())),
            is_terminal: false,
            file: None,
            complete: false,
        };
        (out, kept)
    }
}

impl Default for Stdout {
    fn default() -> Self {
        Self::new()
    }
}

/// On Ctrl-C (SIGINT), SIGTERM or SIGHUP: stop at once, with exit 130, 143 or 129 (128 and
/// the signal, as a shell reports it). What was printed stays, a JSON array stays
/// unterminated (so no parser takes it for the whole list), and a file being written (an
/// `--output-file`, the config, a cached token) is removed. Exiting from here, rather than
/// unwinding the command, also works while the command waits at a prompt. Without
/// `term_and_hup`, only Ctrl-C. While a close ends sessions ([`stop_gently`]), the first
/// Ctrl-C only asks it to stop after the batches in flight ([`stopping`]); a second one
/// stops at once.
pub(crate) fn exit_on_interrupt(term_and_hup: bool) {
    use tokio::signal::unix::{signal, SignalKind};
    let signals = [
        (SignalKind::interrupt(), 130),
        (SignalKind::terminate(), 143),
        (SignalKind::hangup(), 129),
    ];
    for (kind, code) in signals.into_iter().take(if term_and_hup { 3 } else { 1 }) {
        let Ok(mut signals) = signal(kind) else {
            continue;
        };
        tokio::spawn(async move {
            while signals.recv().await.is_some() {
                if code == 130
                    && GENTLE.load(Ordering::SeqCst)
                    && !STOPPING.swap(true, Ordering::SeqCst)
                {
                    super::stderr::note(
                        "interrupted: stopping after the requests in flight (Ctrl-C again to stop at once)",
                    );
                    continue;
                }
                crate::atomic_file::remove_pending();
                super::indicator::clear();
                eprintln!(
                    "sessions: {}",
                    if code == 130 {
                        "interrupted"
                    } else {
                        "stopped by a signal"
                    }
                );
                std::process::exit(code);
            }
        });
    }
}

/// Ctrl-C asks work in progress to stop, rather than exiting, while this is set.
static GENTLE: AtomicBool = AtomicBool::new(false);
/// Ctrl-C came while [`GENTLE`] was set.
static STOPPING: AtomicBool = AtomicBool::new(false);

/// While the guard lives, the first Ctrl-C sets [`stopping`] instead of exiting: for work
/// that can stop between steps and say what it did (a close's batches).
pub(crate) fn stop_gently() -> Gently {
    GENTLE.store(true, Ordering::SeqCst);
    Gently
}

/// The guard of [`stop_gently`].
pub(crate) struct Gently;

impl Drop for Gently {
    fn drop(&mut self) {
        GENTLE.store(false, Ordering::SeqCst);
    }
}

/// Whether Ctrl-C asked the work to stop.
pub(crate) fn stopping() -> bool {
    STOPPING.load(Ordering::SeqCst)
}
