//! A key, `COMPUTER/USER`: what OneFS closes at once (DELETE
//! /platform/1/protocols/smb/sessions/COMPUTER/USER closes every session of the pair; see
//! docs/vendors/onefs.md). So `show KEY` shows, and `close KEY` ends, exactly what that DELETE
//! ends. A `/` or `%` inside either part, and any space or control character, is written
//! percent-encoded, so every pair has one key of one word and reads back as itself.

use crate::record::Record;
use crate::transport::http;

/// A computer and user pair.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Pair {
    pub computer: String,
    pub user: String,
}

/// `%`, `/`, whitespace and control characters percent-encoded; everything else as it is
/// (so `CORP\alice` stays readable).
fn escape(part: &str) -> String {
    let mut out = String::with_capacity(part.len());
    for c in part.chars() {
        if c == '%' || c == '/' || c.is_whitespace() || c.is_control() {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn unescape(part: &str) -> Result<String, String> {
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = part
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| "a % is followed by two hex digits (%2F, %25, %20)".to_string())?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "a %-escape does not make UTF-8".to_string())
}

impl std::str::FromStr for Pair {
    type Err = String;
    fn from_str(s: &str) -> Result<Pair, String> {
        crate::backends::keys::one_word(s)?;
        let (computer, user) = s
            .split_once('/')
            .ok_or_else(|| "a key is COMPUTER/USER, joined by /".to_string())?;
        if user.contains('/') {
            return Err("a key has one /; write a / inside a part as %2F".to_string());
        }
        let (computer, user) = (unescape(computer)?, unescape(user)?);
        if computer.is_empty() || user.is_empty() {
            return Err("both the computer and the user are needed".to_string());
        }
        Ok(Pair { computer, user })
    }
}

impl std::fmt::Display for Pair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", escape(&self.computer), escape(&self.user))
    }
}

impl Pair {
    /// The pair of a listed session, when it has both parts.
    pub(super) fn of(r: &Record) -> Option<Pair> {
        let text = |k: &str| {
            r.get(k)
                .and_then(serde_json::Value::as_str)
                .filter(|s| !s.is_empty())
        };
        Some(Pair {
            computer: text("computer")?.to_string(),
            user: text("user")?.to_string(),
        })
    }

    /// The DELETE path, each segment percent-encoded fully (`CORP\alice` as `CORP%5Calice`):
    /// the cluster splits the path before it decodes the segments.
    pub(super) fn path(&self) -> String {
        format!(
            "{}/{}/{}",
            super::connection::V1_SESSIONS,
            http::encode(&self.computer),
            http::encode(&self.user)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_and_paths_are_encoded() {
        let p: Pair = "10.20.30.41/CORP\\alice".parse().unwrap();
        assert_eq!(p.user, "CORP\\alice");
        assert_eq!(
            p.path(),
            "/platform/1/protocols/smb/sessions/10.20.30.41/CORP%5Calice"
        );
        let odd = Pair {
            computer: "\\\\host name".into(),
            user: "a/b%c".into(),
        };
        assert_eq!(odd.to_string(), "\\\\host%20name/a%2Fb%25c");
        assert_eq!(
            odd.path(),
            "/platform/1/protocols/smb/sessions/%5C%5Chost%20name/a%2Fb%25c"
        );
        for bad in ["nouser", "a/", "/b", "a/b/c", "a b/c", "a/%zz", "a/%C3"] {
            assert!(bad.parse::<Pair>().is_err(), "{bad}");
        }
    }

    mod properties {
        use super::super::Pair;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// What the `key` column prints is what `show` and `close` read back, one word.
            #[test]
            fn keys_round_trip(computer in "\\PC{1,30}", user in "\\PC{1,30}") {
                let pair = Pair { computer, user };
                let key = pair.to_string();
                prop_assert!(crate::backends::keys::one_word(&key).is_ok(), "{}", key);
                prop_assert_eq!(key.parse::<Pair>(), Ok(pair));
            }

            /// Any argument is a key or a message, never a panic.
            #[test]
            fn any_argument_parses_or_is_refused(text in "\\PC{0,60}") {
                let _ = text.parse::<Pair>();
            }
        }
    }
}
