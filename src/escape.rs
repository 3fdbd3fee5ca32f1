//! Server text never drives the terminal: control characters in what a server sent (session
//! fields, vendor error text, links) are shown escaped, `\x1b` rather than ESC, so that a
//! hostile or broken server cannot retitle the window, clear the screen or hide a line.

use std::borrow::Cow;
use std::fmt::Write;

/// `text` with every control character written as an escape: `\n`, `\r`, `\t`, `\x1b`, and
/// `\u{9b}` for the C1 controls and for the bidirectional overrides that reorder what is shown.
pub(crate) fn controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_ascii_control() => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_obeyed() {
        assert_eq!(controls("alice"), "alice");
        assert!(matches!(controls("alice"), Cow::Borrowed(_)));
        assert_eq!(
            controls("a\x1b]0;owned\x07b\rc\nd\te\x7f"),
            "a\\x1b]0;owned\\x07b\\rc\\nd\\te\\x7f"
        );
        assert_eq!(controls("x\u{9b}2Jy\u{202e}z"), "x\\u{9b}2Jy\\u{202e}z");
        assert_eq!(controls("Grüße 東京"), "Grüße 東京");
    }
}
