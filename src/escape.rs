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

/// `text` with each line's control characters escaped as [`controls`] does, its line breaks
/// kept: for a document of our own lines (the exposition format) whose values a server wrote.
pub(crate) fn lines(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| match line.strip_suffix('\n') {
            Some(body) => format!("{}\n", controls(body)),
            None => controls(line).into_owned(),
        })
        .collect()
}

/// JSON `text` with every character [`controls`] would escape written as JSON's `\uXXXX`
/// instead: the same document to a parser, and nothing a terminal obeys. JSON escapes C0
/// controls itself; DEL, the C1 controls and the bidi overrides it leaves raw.
pub(crate) fn json(text: &str) -> Cow<'_, str> {
    // Tabs and line breaks are JSON's whitespace between values (inside a string JSON has
    // them escaped already): the document's own layout, kept.
    let escaped = |c: char| needs_escape(c) && !matches!(c, '\n' | '\r' | '\t');
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match escaped(c) {
            // Every such character is in the Basic Multilingual Plane: one `\u` escape.
            true => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            false => out.push(c),
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

    #[test]
    fn lines_keep_their_breaks() {
        assert_eq!(
            lines("a{x=\"\x1b\r\"} 1\nb 2\n"),
            "a{x=\"\\x1b\\r\"} 1\nb 2\n"
        );
        assert_eq!(lines("no end\x07"), "no end\\x07");
    }

    #[test]
    fn json_stays_the_same_document() {
        let text = "{\"u\":\"a\u{9b}2J\u{202e}b\x7f\"}";
        let shown = json(text);
        assert_eq!(shown, r#"{"u":"a\u009b2J\u202eb\u007f"}"#);
        let (a, b): (serde_json::Value, serde_json::Value) = (
            serde_json::from_str(text).unwrap(),
            serde_json::from_str(&shown).unwrap(),
        );
        assert_eq!(a, b);
        assert!(matches!(json("{\"u\":\"Grüße\"}"), Cow::Borrowed(_)));
        assert_eq!(json("[1,\n2]\n"), "[1,\n2]\n", "the layout is kept");
    }
}
