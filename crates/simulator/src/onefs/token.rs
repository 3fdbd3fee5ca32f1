//! `resume` tokens: opaque to clients, at most 8192 characters, each carrying the listing's
//! options and where the previous page ended, and a check that refuses any token this
//! cluster did not give out (docs/vendors/onefs.md, "Paging").

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The longest token the API takes (the `resume` argument's schema).
pub(super) const MAX_LEN: usize = 8192;

/// Which listing a token continues; a token of one is refused by the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum Kind {
    /// `/platform/1`: flat, the answering node's sessions, `sort` and `dir`.
    Flat,
    /// `/platform/11`: grouped per node, `lnn` and `lnn_skip`.
    Grouped,
    /// `/platform/11/local`: flat, the answering node's sessions, `lnn` and `lnn_skip`.
    Local,
}

/// A listing's options, as the first request gave them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Query {
    pub kind: Kind,
    pub limit: Option<u64>,
    /// v1's `sort` field, and whether `dir` is DESC.
    pub sort: Option<String>,
    pub desc: bool,
    /// The nodes asked for (`None`: all) and the ones skipped.
    pub lnn: Option<Vec<u32>>,
    pub skip: Vec<u32>,
}

/// Where a listing goes on: after the session with this sort value, node and id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Cursor {
    pub query: Query,
    pub after: Option<(Value, u32, u32)>,
    /// A number no other token had, so that tokens to the same place can differ.
    pub serial: u64,
}

/// `hex(JSON)-check`, the check being the start of SHA-256 over the run's secret and the JSON.
pub(super) fn encode(cursor: &Cursor, secret: &str) -> String {
    let text = serde_json::to_string(cursor).unwrap_or_default();
    let hex: String = text.bytes().map(|b| format!("{b:02x}")).collect();
    format!("{hex}-{}", check(secret, &text))
}

/// The cursor a token carries, if this run gave it out.
pub(super) fn decode(token: &str, secret: &str) -> Option<Cursor> {
    if token.len() > MAX_LEN {
        return None;
    }
    let (hex, sum) = token.split_once('-')?;
    if hex.len() % 2 != 0 {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect();
    let text = String::from_utf8(bytes?).ok()?;
    if check(secret, &text) != sum {
        return None;
    }
    serde_json::from_str(&text).ok()
}

fn check(secret: &str, text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{secret}\n{text}").as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_refuse_tampering() {
        let c = Cursor {
            query: Query {
                kind: Kind::Grouped,
                limit: Some(10),
                sort: None,
                desc: false,
                lnn: Some(vec![1, 3]),
                skip: vec![2],
            },
            after: Some((Value::Null, 3, 17)),
            serial: 4,
        };
        let t = encode(&c, "s");
        assert!(t.len() <= MAX_LEN);
        assert_eq!(decode(&t, "s"), Some(c));
        assert_eq!(decode(&t, "other run"), None);
        let mut bent = t.clone();
        bent.replace_range(0..2, "5b");
        assert_eq!(decode(&bent, "s"), None);
        assert_eq!(decode("1-1-MAAA1-xyz", "s"), None);
        assert_eq!(decode(&"a".repeat(MAX_LEN + 1), "s"), None);
    }
}
