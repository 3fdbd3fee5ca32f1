//! The terminal's size, and what fits on it: the width a table must fit, the height of a
//! `--watch` frame, and text cut to a width without splitting a character.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Stdout;
use crate::error::Result;

/// The width a table must fit: `COLUMNS` when it is set (so scripts and tests can choose),
/// else the terminal's when stdout is one; `None` (no limit) when piped.
pub fn table_width(stdout_is_terminal: bool) -> Option<usize> {
    size_from("COLUMNS", stdout_is_terminal, |(w, _)| usize::from(w.0))
}

/// The lines a `--watch` frame may take: `LINES` when it is set, else the terminal's height
/// when stdout is one; `None` (no limit) when piped.
pub fn screen_height(stdout_is_terminal: bool) -> Option<usize> {
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
pub fn redraw_begin(out: &mut Stdout) -> Result<()> {
    out.raw(b"\x1b[H\x1b[2J")
}

/// `14:03:07 UTC`: the time on `--watch`'s status line.
pub fn clock(t: time::OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!("{:02}:{:02}:{:02} UTC", t.hour(), t.minute(), t.second())
}

/// Text cut to `width` columns of the screen, ending in `…` when cut. Widths are display
/// widths (a CJK character takes two), and a character is never split.
pub fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut kept = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        kept.push(ch);
    }
    if width > 0 {
        kept.push('…');
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_mark_what_is_gone() {
        assert_eq!(cut("CORP\\alice", 20), "CORP\\alice");
        assert_eq!(cut("Engineering, Finance", 8), "Enginee…");
        assert_eq!(cut("日本語テキスト", 5), "日本…");
        assert_eq!(cut("日本語テキスト", 6), "日本…");
        assert!(cut("日本語テキスト", 6).width() <= 6);
        assert_eq!(cut("abc", 0), "");
    }
}
