//! What the terminal is: its size (the width a table must fit, the height of a `--watch`
//! frame) and whether to colour; and the redraw of a `--watch` frame.

use super::stdout::Stdout;
use crate::error::Result;

/// When to colour (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Whether to colour, per `--color` and `NO_COLOR`.
pub(crate) fn use_color(choice: ColorChoice, stdout_is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stdout_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// The width a table must fit: `COLUMNS` when it is set (so scripts and tests can choose),
/// else the terminal's when stdout is one; `None` (no limit) when piped.
pub(crate) fn table_width(stdout_is_terminal: bool) -> Option<usize> {
    size_from("COLUMNS", stdout_is_terminal, |(w, _)| usize::from(w.0))
}

/// The lines a `--watch` frame may take: `LINES` when it is set, else the terminal's height
/// when stdout is one; `None` (no limit) when piped.
pub(crate) fn screen_height(stdout_is_terminal: bool) -> Option<usize> {
    size_from("LINES", stdout_is_terminal, |(_, h)| usize::from(h.0))
}

fn size_from(
    variable: &str,
    stdout_is_terminal: bool,
    pick: fn((terminal_size::Width, terminal_size::Height)) -> usize,
) -> Option<usize> {
    if let Some(n) = std::env::var(variable)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        return Some(n);
    }
    if !stdout_is_terminal {
        return None;
    }
    terminal_size::terminal_size().map(pick).filter(|n| *n > 0)
}

/// Move to the top left and clear the screen, before a `--watch` redraw.
pub(crate) fn redraw_begin(out: &mut Stdout) -> Result<()> {
    out.raw(b"\x1b[H\x1b[2J")
}
