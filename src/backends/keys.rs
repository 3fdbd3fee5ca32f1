//! The one key grammar: `show` takes one key, `close` takes many, and `-` as the only key
//! reads them from stdin, one per line, so `sessions cifs key | sessions cifs close -` works.
//! Each backend says what its keys look like ([`KeyShape`]); a key of another shape is a
//! usage error (exit 2) that names the expected form, before anything is sent.

use std::io::BufRead;

use crate::error::{Error, Result};

/// What a backend's keys look like.
pub struct KeyShape {
    /// The form, as `--help` and errors name it, e.g. `RESOURCE_ID/CONNECTION_ID`.
    pub form: &'static str,
    /// Why a key is not of this shape, if it is not.
    pub check: fn(&str) -> std::result::Result<(), String>,
}

/// A key of any shape that holds one word: no spaces or control characters. For vendors
/// whose handles are opaque (Qumulo's `location`).
pub(super) fn one_word(key: &str) -> std::result::Result<(), String> {
    if key.is_empty() {
        return Err("the key is empty".to_string());
    }
    match key.chars().find(|c| c.is_whitespace() || c.is_control()) {
        Some(c) => Err(format!(
            "a key has no spaces or control characters (found {c:?})"
        )),
        None => Ok(()),
    }
}

/// `[A-Za-z0-9_-]`, 1 to 128 characters: UUIDs and URL-safe random tokens.
pub(super) fn token(key: &str) -> std::result::Result<(), String> {
    one_word(key)?;
    if key.len() > 128 {
        return Err("a key is at most 128 characters".to_string());
    }
    match key
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        Some(c) => Err(format!(
            "a key holds letters, digits, - and _ only (found {c:?})"
        )),
        None => Ok(()),
    }
}

/// The one key `show` takes: as given, or read from stdin for `-`.
pub(super) fn one(raw: String, backend: &str, shape: &KeyShape) -> Result<String> {
    let mut keys = many(vec![raw], backend, shape)?;
    match keys.len() {
        1 => Ok(keys.remove(0)),
        0 => Err(Error::usage("no key on stdin")),
        n => Err(Error::usage(format!(
            "show takes one key; stdin held {n} (use close for many)"
        ))),
    }
}

/// The keys `close` takes: as given, or read from stdin (one per line) for a lone `-`.
pub(super) fn many(raw: Vec<String>, backend: &str, shape: &KeyShape) -> Result<Vec<String>> {
    let keys = if raw.iter().any(|k| k == "-") {
        if raw.len() > 1 {
            return Err(Error::usage(
                "- reads the keys from stdin: give it alone, not with other keys",
            ));
        }
        from_lines(std::io::stdin().lock())?
    } else {
        raw
    };
    for key in &keys {
        (shape.check)(key).map_err(|why| {
            Error::usage(format!(
                "'{key}' is not a `sessions {backend}` key: {why}; write {} (see `sessions {backend} key`)",
                shape.form
            ))
        })?;
    }
    Ok(keys)
}

/// Keys one per line; blank lines and surrounding spaces are dropped.
fn from_lines(input: impl BufRead) -> Result<Vec<String>> {
    let mut keys = Vec::new();
    // A key is short; a stdin of megabytes is a mistake, not a list of keys.
    for line in input.take(16 << 20).lines() {
        let line = line.map_err(|e| Error::usage(format!("reading keys from stdin: {e}")))?;
        let key = line.trim();
        if !key.is_empty() {
            keys.push(key.to_string());
        }
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_and_blank_ones_dropped() {
        let keys = from_lines(&b" a \n\n\tb\r\n"[..]).unwrap();
        assert_eq!(keys, ["a", "b"]);
    }

    #[test]
    fn shapes_refuse_what_is_not_a_key() {
        assert!(one_word("smb:1:10000000").is_ok());
        assert!(one_word("two words").is_err());
        assert!(one_word("").is_err());
        assert!(token("3f0c9a52-6d0e-4b8e-9a51-1c2d7e0b9f44").is_ok());
        assert!(token("a/b").is_err());
        assert!(token(&"x".repeat(129)).is_err());
    }

    #[test]
    fn a_dash_goes_alone() {
        let shape = KeyShape {
            form: "KEY",
            check: one_word,
        };
        let e = many(vec!["-".into(), "k".into()], "smb", &shape).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        let e = many(vec!["a b".into()], "smb", &shape).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.message().contains("write KEY"), "{}", e.message());
    }
}
