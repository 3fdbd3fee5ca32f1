//! A session's key, `LNN/ID` (its node's logical number and its id on that node; `ID` alone
//! with v1, whose sessions do not say their node), as `show` and `close` take it; and the
//! computer and user pair that OneFS closes at once (DELETE
//! /platform/1/protocols/smb/sessions/COMPUTER/USER). See docs/vendors/onefs.md.

use serde_json::Value;

use crate::record::Record;

/// A session's key: session ids are numbered by node, so the node is part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct SessionKey {
    pub lnn: Option<u16>,
    pub id: u32,
}

impl std::str::FromStr for SessionKey {
    type Err = String;
    fn from_str(s: &str) -> Result<SessionKey, String> {
        let number = |what: &str, text: &str| {
            let ok = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
            ok.then(|| text.parse::<u64>().ok())
                .flatten()
                .ok_or_else(|| format!("{what} '{text}' is not a number"))
        };
        let (lnn, id) = match s.split_once('/') {
            Some((lnn, id)) => (Some(number("the node (LNN)", lnn)?), number("the id", id)?),
            None => (None, number("the id", s)?),
        };
        let lnn = match lnn {
            Some(n) => Some(
                u16::try_from(n)
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| format!("the node (LNN) {n} is not from 1 to 65535"))?,
            ),
            None => None,
        };
        let id = u32::try_from(id)
            .ok()
            .filter(|id| *id <= i32::MAX as u32)
            .ok_or_else(|| format!("the id {id} is not from 0 to 2147483647"))?;
        Ok(SessionKey { lnn, id })
    }
}

impl std::fmt::Display for SessionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.lnn {
            Some(lnn) => write!(f, "{lnn}/{}", self.id),
            None => write!(f, "{}", self.id),
        }
    }
}

impl SessionKey {
    /// The key of a listed session, when its `id` (and `lnn`, if it has one) read as numbers.
    pub(super) fn of(r: &Record) -> Option<SessionKey> {
        let int = |k: &str| r.get(k).and_then(Value::as_u64);
        let id = u32::try_from(int("id")?).ok()?;
        let lnn = match r.get("lnn") {
            None | Some(Value::Null) => None,
            Some(_) => Some(u16::try_from(int("lnn")?).ok()?),
        };
        Some(SessionKey { lnn, id })
    }
}

/// A computer and user pair: what one DELETE closes, every session of it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Pair {
    pub computer: String,
    pub user: String,
}

impl std::fmt::Display for Pair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at {}", self.user, self.computer)
    }
}

impl Pair {
    /// The pair of a listed session, when it has both parts.
    pub(super) fn of(r: &Record) -> Option<Pair> {
        let text = |k: &str| r.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
        Some(Pair {
            computer: text("computer")?.to_string(),
            user: text("user")?.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_parse() {
        let k: SessionKey = "2/17".parse().unwrap();
        assert_eq!(
            k,
            SessionKey {
                lnn: Some(2),
                id: 17
            }
        );
        assert_eq!("17".parse::<SessionKey>().unwrap().lnn, None);
        for bad in [
            "",
            "a/1",
            "1/",
            "/1",
            "0/1",
            "65536/1",
            "1/2147483648",
            "1/2/3",
            "+1",
            "1 /2",
        ] {
            assert!(bad.parse::<SessionKey>().is_err(), "{bad}");
        }
        let r = json!({"id": 17, "lnn": 2}).as_object().unwrap().clone();
        assert_eq!(
            SessionKey::of(&r).map(|k| k.to_string()).as_deref(),
            Some("2/17")
        );
        let r = json!({"id": "17"}).as_object().unwrap().clone();
        assert_eq!(SessionKey::of(&r), None);
    }

    mod properties {
        use super::super::SessionKey;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// What the `key` column prints is what `show` and `close` read back.
            #[test]
            fn keys_round_trip(lnn in proptest::option::of(1u16..), id in 0u32..=i32::MAX as u32) {
                let key = SessionKey { lnn, id };
                prop_assert_eq!(key.to_string().parse::<SessionKey>(), Ok(key));
            }

            /// Any argument is a key or a message, never a panic.
            #[test]
            fn any_argument_parses_or_is_refused(text in "\\PC{0,60}") {
                let _ = text.parse::<SessionKey>();
            }
        }
    }
}
