//! Text cut to a width of the screen: table cells, and `--watch`'s status line.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Text cut to `width` columns of the screen, ending in `…` when cut. Widths are display
/// widths (a CJK character takes two), and a character is never split.
pub(crate) fn cut(text: &str, width: usize) -> String {
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
