//! The selector grammar: `TERM[,TERM...]`, each `FIELD OP VALUE`, where OP is one of `=`,
//! `!=`, `~`, `!~`, `<`, `<=`, `>`, `>=`. A value with a comma or an operator in it is
//! quoted as in the shell: `'...'` as it is, `"..."` with `\"` and `\\`, and `\x` outside
//! quotes. Spaces around the parts are ignored.

use super::term::{Op, Term, Value};

/// What went wrong, and where (a byte offset into the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseError {
    pub offset: usize,
    pub expected: String,
}

fn fail<T>(offset: usize, expected: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError {
        offset,
        expected: expected.into(),
    })
}

struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        Some(c)
    }
    fn spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }
    /// What is at the cursor, for messages.
    fn found(&self) -> String {
        match self.peek() {
            Some(c) => format!("found '{}'", c.escape_default()),
            None => "found the end".to_string(),
        }
    }
}

const OPERATOR_CHARS: &[char] = &['=', '!', '<', '>', '~'];

/// The terms of one `--where`.
pub(crate) fn terms(text: &str) -> Result<Vec<Term>, ParseError> {
    let mut c = Cursor { text, at: 0 };
    let mut terms = Vec::new();
    loop {
        c.spaces();
        terms.push(term(&mut c)?);
        c.spaces();
        match c.peek() {
            None => return Ok(terms),
            Some(',') => {
                c.bump();
            }
            Some(_) => {
                let what = format!(
                    "',' or the end ({}; quote a value that holds it)",
                    c.found()
                );
                return fail(c.at, what);
            }
        }
    }
}

fn term(c: &mut Cursor<'_>) -> Result<Term, ParseError> {
    let offset = c.at;
    let mut field = String::new();
    while let Some(ch) = c.peek() {
        let first = field.is_empty();
        if ch.is_ascii_alphabetic() || ch == '_' || (!first && (ch.is_ascii_digit() || ch == '.')) {
            field.push(ch.to_ascii_lowercase());
            c.bump();
        } else {
            break;
        }
    }
    if field.is_empty() {
        return fail(
            c.at,
            format!("a field name, e.g. user or idle ({})", c.found()),
        );
    }
    c.spaces();
    let op_at = c.at;
    let op = match (c.bump(), c.peek()) {
        (Some('!'), Some('=')) => (c.bump(), Op::Ne).1,
        (Some('!'), Some('~')) => (c.bump(), Op::NotGlob).1,
        (Some('<'), Some('=')) => (c.bump(), Op::Le).1,
        (Some('>'), Some('=')) => (c.bump(), Op::Ge).1,
        (Some('='), _) => Op::Eq,
        (Some('~'), _) => Op::Glob,
        (Some('<'), _) => Op::Lt,
        (Some('>'), _) => Op::Gt,
        _ => {
            c.at = op_at;
            let what = format!("an operator (=, !=, ~, !~, <, <=, >, >=) ({})", c.found());
            return fail(op_at, what);
        }
    };
    c.spaces();
    let value_at = c.at;
    let text = value(c)?;
    if text.is_empty() && c.at == value_at {
        return fail(
            value_at,
            format!("a value ({}; write \"\" for empty text)", c.found()),
        );
    }
    let value = Value::new(text);
    // `10.0.0.0/33` would otherwise be text that no client equals: a typo selecting nothing.
    let bad_network = value.network.is_none()
        && matches!(op, Op::Eq | Op::Ne)
        && value
            .text
            .split_once('/')
            .is_some_and(|(addr, _)| addr.parse::<std::net::IpAddr>().is_ok());
    if bad_network {
        return fail(
            value_at,
            format!(
                "a network, ADDRESS/BITS with up to 32 bits for IPv4 and 128 for IPv6, found '{}'",
                value.text.escape_default()
            ),
        );
    }
    if op.orders() && !value.is_ordered() {
        return fail(
            value_at,
            format!(
                "a number, a duration (30s, 1h, 7d) or a date after '{}', found '{}'",
                op.text(),
                value.text.escape_default()
            ),
        );
    }
    Ok(Term {
        field,
        op,
        value,
        offset,
    })
}

/// A value up to an unquoted `,` or the end; trailing spaces are dropped.
fn value(c: &mut Cursor<'_>) -> Result<String, ParseError> {
    let mut out = String::new();
    // How long `out` is up to its last quoted or escaped character, which spaces do not trim.
    let mut kept = 0;
    while let Some(ch) = c.peek() {
        match ch {
            ',' => break,
            '\'' => {
                let open = c.at;
                c.bump();
                loop {
                    match c.bump() {
                        Some('\'') => break,
                        Some(x) => out.push(x),
                        None => return fail(open, "a closing ' for the quote here"),
                    }
                }
                kept = out.len();
            }
            '"' => {
                let open = c.at;
                c.bump();
                loop {
                    match c.bump() {
                        Some('"') => break,
                        Some('\\') if matches!(c.peek(), Some('"' | '\\')) => {
                            out.extend(c.bump());
                        }
                        Some(x) => out.push(x),
                        None => return fail(open, "a closing \" for the quote here"),
                    }
                }
                kept = out.len();
            }
            '\\' => {
                c.bump();
                match c.bump() {
                    Some(x) => out.push(x),
                    None => return fail(c.at, "a character after \\"),
                }
                kept = out.len();
            }
            x if OPERATOR_CHARS.contains(&x) => {
                return fail(
                    c.at,
                    format!("',' or the end (found '{x}'; quote a value that holds an operator)"),
                );
            }
            x => {
                c.bump();
                out.push(x);
                if !x.is_whitespace() {
                    kept = out.len();
                }
            }
        }
    }
    out.truncate(kept);
    Ok(out)
}
