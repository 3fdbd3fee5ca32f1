//! The progress indicator: one line on stderr, shown once a listing has taken a second,
//! redrawn a few times a second from the [`Counts`] that the pagination loop and the HTTP
//! client keep, and cleared before anything else is printed. Other stderr lines (warnings,
//! `-v`) are printed above it while it shows ([`above`]).
//!
//! Commands decide whether it shows ([`wanted`]): only on a terminal's stderr, never with
//! `--quiet`, and never while data streams to the same terminal's stdout (its lines would
//! interleave): a table, or sorted output, holds every row until the end and may show it.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{HumanCount, ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::cut::cut;
use crate::progress::Counts;

/// How long a run goes quietly before the indicator shows.
const SHOW_AFTER: Duration = Duration::from_secs(1);
/// How often the line is redrawn.
const REDRAW: Duration = Duration::from_millis(125);

/// The bar on screen now, for [`above`] and [`clear`].
static SHOWING: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// Whether a listing may show progress: stderr is a terminal, no `--quiet`, and stdout is
/// not a terminal, or the output is held until the end (`holds_rows`: a table, a sort,
/// Prometheus' exposition).
pub(crate) fn wanted(quiet: bool, holds_rows: bool, stdout_is_terminal: bool) -> bool {
    !quiet && std::io::stderr().is_terminal() && (!stdout_is_terminal || holds_rows)
}

/// Who is being listed, for the indicator's line.
pub(crate) enum Subject {
    /// One profile: `opal 'prod'`.
    Profile { backend: String, name: String },
    /// Many at once (`all`): how many there are.
    Profiles(usize),
}

/// A running indicator; dropping it (or [`Indicator::stop`]) clears the line.
pub(crate) struct Indicator {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl Indicator {
    /// Start counting time now; show `subject` and `counts` after [`SHOW_AFTER`], unless
    /// `show` is false (then nothing is ever drawn).
    pub(crate) fn start(show: bool, subject: Subject, counts: Arc<Counts>) -> Indicator {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let thread = show.then(|| {
            let stop = stop.clone();
            std::thread::spawn(move || run(&stop, &subject, &counts))
        });
        Indicator { stop, thread }
    }

    /// Clear the line (if it showed) before the output is printed.
    pub(crate) fn stop(&mut self) {
        let (lock, wake) = &*self.stop;
        *lock.lock().unwrap_or_else(|p| p.into_inner()) = true;
        wake.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Indicator {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Call `draw` once [`SHOW_AFTER`] has passed, then every [`REDRAW`], until stopped.
fn ticks(stop: &(Mutex<bool>, Condvar), mut draw: impl FnMut()) {
    let (lock, wake) = stop;
    let mut stopped = lock.lock().unwrap_or_else(|p| p.into_inner());
    let mut wait = SHOW_AFTER;
    loop {
        stopped = wake
            .wait_timeout_while(stopped, wait, |s| !*s)
            .unwrap_or_else(|p| p.into_inner())
            .0;
        if *stopped {
            return;
        }
        draw();
        wait = REDRAW;
    }
}

/// The indicator's thread: wait, then draw until stopped, then clear.
fn run(stop: &(Mutex<bool>, Condvar), subject: &Subject, counts: &Counts) {
    let started = Instant::now();
    let mut bar: Option<ProgressBar> = None;
    ticks(stop, || {
        let shown = bar.get_or_insert_with(show);
        let width = terminal_size::terminal_size_of(std::io::stderr())
            .map_or(80, |(w, _)| usize::from(w.0));
        // One line, never wrapped: the spinner and a space, then the text.
        shown.set_message(cut(
            &line(subject, counts, started.elapsed()),
            width.saturating_sub(3),
        ));
        shown.tick();
    });
    if let Some(bar) = bar {
        *SHOWING.lock().unwrap_or_else(|p| p.into_inner()) = None;
        bar.finish_and_clear();
    }
}

fn show() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(ProgressStyle::with_template("{spinner} {msg}").expect("a valid template"));
    *SHOWING.lock().unwrap_or_else(|p| p.into_inner()) = Some(bar.clone());
    bar
}

/// `opal 'prod': 4 pages · 2,500 sessions (417/s) · 305 requests (51/s) · 6s`, or for
/// `all`, `all: 1 of 4 profiles done · ...`. What has not happened yet is left out.
fn line(subject: &Subject, counts: &Counts, elapsed: Duration) -> String {
    let mut parts = vec![match subject {
        Subject::Profile { backend, name } => format!("{backend} '{name}':"),
        Subject::Profiles(n) => format!("all: {} of {n} profiles done ·", counts.finished()),
    }];
    let rate = |n: u64| HumanCount((n as f64 / elapsed.as_secs_f64().max(0.001)).round() as u64);
    let counted = |n: u64, what: &str| {
        let plural = if n == 1 { "" } else { "s" };
        format!("{} {what}{plural}", HumanCount(n))
    };
    let (pages, sessions, requests) = (counts.pages(), counts.sessions(), counts.requests());
    if pages > 0 {
        parts.push(format!("{} ·", counted(pages, "page")));
        parts.push(format!(
            "{} ({}/s) ·",
            counted(sessions, "session"),
            rate(sessions)
        ));
    }
    if requests > 0 {
        parts.push(format!(
            "{} ({}/s) ·",
            counted(requests, "request"),
            rate(requests)
        ));
    }
    if pages == 0 && requests == 0 {
        parts.push("waiting for the server ·".into());
    }
    parts.push(format!("{}s", elapsed.as_secs()));
    parts.join(" ")
}

/// A bar for work of a known size (a close's sessions): the count done from `done`, with
/// indicatif's rate and ETA, shown like the indicator (after a second, on a terminal only),
/// and cleared when dropped.
pub(crate) struct Bar {
    _drawing: Indicator,
}

impl Bar {
    pub(crate) fn start(show: bool, what: String, len: u64, done: Arc<AtomicU64>) -> Bar {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let thread = show.then(|| {
            let stop = stop.clone();
            std::thread::spawn(move || run_bar(&stop, &what, len, &done))
        });
        Bar {
            _drawing: Indicator { stop, thread },
        }
    }
}

fn run_bar(stop: &(Mutex<bool>, Condvar), what: &str, len: u64, done: &AtomicU64) {
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
    ticks(stop, || {
        if bar.is_hidden() {
            bar.set_style(
                ProgressStyle::with_template(
                    "{msg} [{bar:30}] {human_pos}/{human_len} · {per_sec} · ETA {eta}",
                )
                .expect("a valid template")
                .progress_chars("=> "),
            );
            bar.set_message(cut(what, 40));
            bar.set_draw_target(ProgressDrawTarget::stderr());
            *SHOWING.lock().unwrap_or_else(|p| p.into_inner()) = Some(bar.clone());
        }
        bar.set_position(done.load(Ordering::Relaxed));
    });
    if !bar.is_hidden() {
        *SHOWING.lock().unwrap_or_else(|p| p.into_inner()) = None;
        bar.finish_and_clear();
    }
}

/// Print a stderr line above the indicator while it shows (or just print it).
pub(crate) fn above(print: impl FnOnce()) {
    let bar = SHOWING.lock().unwrap_or_else(|p| p.into_inner()).clone();
    match bar {
        Some(bar) => bar.suspend(print),
        None => print(),
    }
}

/// Clear the indicator at once, before the process exits from elsewhere (Ctrl-C).
pub(crate) fn clear() {
    if let Some(bar) = SHOWING.lock().unwrap_or_else(|p| p.into_inner()).take() {
        bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_who_how_far_and_how_fast() {
        let one = Subject::Profile {
            backend: "opal".into(),
            name: "prod".into(),
        };
        let counts = Arc::new(Counts::default());
        assert_eq!(
            line(&one, &counts, Duration::from_secs(2)),
            "opal 'prod': waiting for the server · 2s"
        );
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(crate::progress::counted(counts.clone(), async {
            for _ in 0..41 {
                crate::progress::page(57);
                crate::progress::request();
            }
            crate::progress::finished();
        }));
        assert_eq!(
            line(&one, &counts, Duration::from_secs(4)),
            "opal 'prod': 41 pages · 2,337 sessions (584/s) · 41 requests (10/s) · 4s"
        );
        assert_eq!(
            line(&Subject::Profiles(4), &counts, Duration::from_secs(4)),
            "all: 1 of 4 profiles done · 41 pages · 2,337 sessions (584/s) · 41 requests (10/s) · 4s"
        );
    }
}
