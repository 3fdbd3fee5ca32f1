//! Whole-record JSON output without a parse-and-rewrite of every record. A session's vendor
//! JSON text is kept as sent and the normalised fields are appended to it; a value that needs
//! coercion (a number sent as a string) is replaced by what the parsed path writes there
//! ([`int_edit`], [`bool_edit`], used by `record::text`). What the text cannot say (a key
//! twice, a session over several lines) goes to the parsed path. Both paths give the same
//! JSON (a test checks it). This is the hot path of `-o ndjson` on large clusters: see
//! docs/performance.md.

use serde_json::Value;

use crate::error::{Error, Result};
use crate::record::{self, Record};

/// A record as finished single-line JSON: its own text with `extra` appended when `typed`
/// (its fields already have their documented types), else parsed, normalised and written back.
pub(crate) fn finish(
    text: &str,
    typed: bool,
    extra: &[(&str, Value)],
    normalize: fn(Record) -> Record,
) -> Result<String> {
    check_depth(text)?;
    if typed {
        if let Some(out) = with_fields(text, extra) {
            return Ok(out);
        }
    }
    let r: Record = serde_json::from_str(text)
        .map_err(|e| Error::server(format!("a session is not an object: {e}")))?;
    serde_json::to_string(&normalize(r)).map_err(|e| Error::other(e.to_string()))
}

/// How deep a response may nest, as serde_json counts it when it parses a page: deeper is an
/// error (exit 5) on the parsed path, so the text path, which does not parse what it passes
/// through, refuses it too. Otherwise `jq` and Python would choke on what we print.
pub(crate) const MAX_DEPTH: usize = 128;

/// What was wrong with `body`, which serde_json refused, in our words where its own would
/// mislead: its recursion limit is the documented nesting limit. Which it was is read from the
/// body (the nesting where serde_json stopped), not from serde_json's text.
pub(crate) fn json_error(e: &serde_json::Error, body: &[u8]) -> String {
    let text = e.to_string();
    let syntax = e.classify() == serde_json::error::Category::Syntax;
    if syntax && reaches(&body[..stopped_at(e, body)], MAX_DEPTH) {
        format!("nested {MAX_DEPTH} levels deep or more ({text})")
    } else {
        text
    }
}

/// The offset just past the byte serde_json stopped at: its `line` counts from 1, its
/// `column` counts the bytes of that line up to and including that byte.
fn stopped_at(e: &serde_json::Error, body: &[u8]) -> usize {
    let line_start: usize = body
        .split_inclusive(|&b| b == b'\n')
        .take(e.line().saturating_sub(1))
        .map(<[u8]>::len)
        .sum();
    (line_start + e.column()).min(body.len())
}

/// A body that is not JSON, in the words of whichever reader refused it: serde_json (see
/// [`json_error`]) or the one-pass scanner (`record::scan`).
pub(crate) trait Complaint {
    fn complaint(&self, body: &[u8]) -> String;
}

impl Complaint for serde_json::Error {
    fn complaint(&self, body: &[u8]) -> String {
        json_error(self, body)
    }
}

/// A session sits two levels down in every vendor's page: `{"records": [ {...} ] }`.
const SESSION_LEVEL: usize = 2;

/// Refuse a session nested so deep that the page holding it reaches [`MAX_DEPTH`].
pub(crate) fn check_depth(text: &str) -> Result<()> {
    let limit = MAX_DEPTH - SESSION_LEVEL;
    let bytes = text.as_bytes();
    // A session with fewer brackets than the limit cannot be that deep: one SIMD count
    // spares the byte-by-byte walk for every ordinary session.
    if memchr::memchr2_iter(b'[', b'{', bytes).count() < limit || !reaches(bytes, limit) {
        return Ok(());
    }
    Err(Error::server(format!(
        "a session is nested {MAX_DEPTH} levels deep or more; refused, as a JSON parser would \
         refuse it"
    )))
}

/// Whether the JSON text `bytes` nests `limit` levels deep (brackets in strings aside).
fn reaches(bytes: &[u8], limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in bytes {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth >= limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// A value of a session's text (a slice of that text) and the JSON that replaces it.
pub(crate) type Edit<'a> = (&'a str, String);

/// A documented integer's raw value (as sent) and the number that replaces it when it is a
/// decimal string: only the values [`record::coerce_int`] changes. Inlined up to the look at
/// the first byte, which is all that most values take (this runs for every session).
#[inline]
pub(crate) fn int_edit(raw: Option<&str>) -> Option<Edit<'_>> {
    match raw {
        Some(raw) if raw.starts_with('"') => int_of_string(raw),
        _ => None,
    }
}

fn int_of_string(raw: &str) -> Option<Edit<'_>> {
    let n = record::int_of_text(&plain_string(raw)?)?;
    Some((raw, n.to_string()))
}

/// A documented boolean's raw value (as sent) and the `true`/`false` that replaces it: only
/// the values [`record::coerce_bool`] changes. Inlined as [`int_edit`] is.
#[inline]
pub(crate) fn bool_edit(raw: Option<&str>) -> Option<Edit<'_>> {
    // Objects and lists never read as booleans: not worth parsing.
    match raw {
        Some(raw) if !matches!(raw.as_bytes()[0], b't' | b'f' | b'n' | b'{' | b'[') => {
            bool_of_value(raw)
        }
        _ => None,
    }
}

fn bool_of_value(raw: &str) -> Option<Edit<'_>> {
    let b = record::bool_of(&serde_json::from_str(raw).ok()?)?;
    Some((raw, b.to_string()))
}

/// A JSON string's value from its raw text, borrowed when it has no escapes (durations never
/// do), `None` when the text is not a string.
pub(crate) fn plain_string(raw: &str) -> Option<std::borrow::Cow<'_, str>> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    if !inner.contains('\\') {
        return Some(std::borrow::Cow::Borrowed(inner));
    }
    serde_json::from_str::<String>(raw)
        .ok()
        .map(std::borrow::Cow::Owned)
}

/// `{...}` plus `extra` fields at the end, on one line. `None` when the record text spans
/// lines (pretty-printed by the server): NDJSON needs one line, so the caller re-serialises.
pub(crate) fn with_fields(text: &str, extra: &[(&str, Value)]) -> Option<String> {
    let text = text.trim();
    // A SIMD scan: this runs over every byte of every record, and a char-by-char search
    // showed up in callgrind as a fifth of the whole run.
    if memchr::memchr2(b'\n', b'\r', text.as_bytes()).is_some() || !text.ends_with('}') {
        return None;
    }
    Some(append(text, extra))
}

/// `{...}` (one line, ending in `}`) with `extra` fields added at the end.
fn append(text: &str, extra: &[(&str, Value)]) -> String {
    let body = text[..text.len() - 1].trim_end();
    let mut out = String::with_capacity(text.len() + 48 * extra.len());
    out.push_str(body);
    append_fields(&mut out, body.ends_with('{'), extra);
    out
}

/// What follows an object's text up to its closing brace (left out): `extra` as members, then
/// `}`. `empty` when the object has no member yet (its text ends in `{`).
pub(crate) fn append_fields(out: &mut String, mut empty: bool, extra: &[(&str, Value)]) {
    use std::fmt::Write;
    for (k, v) in extra {
        if !empty {
            out.push(',');
        }
        empty = false;
        out.push('"');
        out.push_str(k);
        out.push_str("\":");
        let _ = write!(out, "{v}");
    }
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(levels: usize) -> String {
        format!(
            "{{\"x\":{}1{}}}",
            "[".repeat(levels - 1),
            "]".repeat(levels - 1)
        )
    }

    /// The text path refuses exactly the sessions whose page serde_json would refuse.
    #[test]
    fn depth_limit_matches_the_parsers() {
        for levels in [1, 2, 100, 124, 125, 126, 127, 200] {
            let session = nested(levels);
            let page = format!("{{\"records\":[{session}]}}");
            let parsed = serde_json::from_str::<Value>(&page).is_ok();
            assert_eq!(check_depth(&session).is_ok(), parsed, "{levels} levels");
        }
        let e = check_depth(&nested(100_000)).unwrap_err();
        assert_eq!(e.exit_code(), 5);
        assert!(e.message().contains("128 levels"), "{e}");
        let in_a_string = format!("{{\"x\":\"{}\\\"{}\"}}", "[".repeat(500), "{".repeat(500));
        assert!(check_depth(&in_a_string).is_ok());
    }

    /// serde_json's recursion limit is told from the body, at the byte where it stopped.
    #[test]
    fn too_deep_is_told_from_the_body() {
        let said = |body: &str| {
            let e = serde_json::from_str::<Value>(body).unwrap_err();
            json_error(&e, body.as_bytes())
        };
        let deep = format!("{{\"records\":\n  [{}]}}", nested(200));
        assert!(
            said(&deep).starts_with("nested 128 levels deep or more ("),
            "{}",
            said(&deep)
        );
        // One level short of the limit, then a syntax error: that error, as serde_json says it.
        let short = format!("{}x", "[".repeat(MAX_DEPTH - 1));
        assert!(!said(&short).starts_with("nested"), "{}", said(&short));
        let exact = "[".repeat(MAX_DEPTH);
        assert!(said(&exact).starts_with("nested"), "{}", said(&exact));
        // Deep brackets inside a string are text.
        let in_string = format!("{{\"x\": \"{}\", }}", "[".repeat(300));
        assert!(
            !said(&in_string).starts_with("nested"),
            "{}",
            said(&in_string)
        );
    }

    #[test]
    fn appends_fields() {
        assert_eq!(
            with_fields(r#"{"a":1}"#, &[("b_seconds", Value::from(2))]).as_deref(),
            Some(r#"{"a":1,"b_seconds":2}"#)
        );
        assert_eq!(
            with_fields("{}", &[("b", Value::from(2))]).as_deref(),
            Some(r#"{"b":2}"#)
        );
        assert_eq!(with_fields("{\n\"a\": 1\n}", &[]), None);
    }

    /// Only what the parsed path's coercion changes is edited, into what it writes.
    #[test]
    fn edits_are_the_coercions() {
        let int = |raw| int_edit(Some(raw)).map(|(_, with)| with);
        assert_eq!(int(r#"" 12""#).as_deref(), Some("12"));
        assert_eq!(int(r#""-3""#).as_deref(), Some("-3"));
        assert_eq!(
            int(r#""10878444899913433090""#).as_deref(),
            Some("10878444899913433090")
        );
        assert_eq!(int(r#""\u0031""#).as_deref(), Some("1"));
        assert_eq!(int("12"), None);
        assert_eq!(int(r#""1.5""#), None);
        assert_eq!(int("true"), None);
        let boolean = |raw| bool_edit(Some(raw)).map(|(_, with)| with);
        assert_eq!(boolean("1").as_deref(), Some("true"));
        assert_eq!(boolean(r#""""#).as_deref(), Some("false"));
        assert_eq!(boolean(r#"" TRUE ""#).as_deref(), Some("true"));
        assert_eq!(boolean("true"), None);
        assert_eq!(boolean("null"), None);
        assert_eq!(boolean(r#""maybe""#), None);
        assert_eq!(boolean("[1]"), None);
        assert_eq!(int_edit(None), None);
        assert_eq!(plain_string("\"PT3S\"").as_deref(), Some("PT3S"));
        assert_eq!(plain_string(r#""PT3\u0053""#).as_deref(), Some("PT3S"));
        assert_eq!(plain_string("3"), None);
    }

    /// Found by the text-vs-parsed properties: without serde_json's `float_roundtrip`, this
    /// number read one unit in the last place off, so `-o table`'s path (parse and write
    /// back) and the text path (kept as sent) disagreed, and the value was not as sent.
    #[test]
    fn floats_read_exactly() {
        let text = "1.7405980911368548e+244";
        let v: Value = serde_json::from_str(text).unwrap();
        assert_eq!(v.as_f64(), Some(1.7405980911368548e244));
        assert_eq!(v.to_string(), text);
    }
}
