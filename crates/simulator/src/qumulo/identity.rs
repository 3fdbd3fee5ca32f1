//! The identity forms a Qumulo cluster accepts in `?identity=` (see the API note).

use serde_json::Value;

/// The identity forms the cluster accepts (see the API note).
pub(super) enum Identity {
    Name {
        domain: Option<&'static str>,
        name: String,
    },
    Uid(u64),
    Gid(u64),
    AuthId(String),
    Sid(String),
}

impl Identity {
    pub(super) fn parse(s: &str) -> Result<Identity, String> {
        let s = s.trim();
        let (prefix, rest) = match s.split_once(':') {
            Some((p, r)) => (Some(p.to_ascii_lowercase()), r),
            None => (None, s),
        };
        let num = |r: &str| -> Result<u64, String> {
            let r = r.trim();
            match r.strip_prefix("0x").or_else(|| r.strip_prefix("0X")) {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => r.parse(),
            }
            .map_err(|_| format!("invalid identity '{s}'"))
        };
        Ok(match prefix.as_deref() {
            Some("uid") => Identity::Uid(num(rest)?),
            Some("gid") => Identity::Gid(num(rest)?),
            Some("auth_id") => Identity::AuthId(num(rest)?.to_string()),
            Some("sid") => Identity::Sid(rest.to_string()),
            Some(p) if domain_of(p).is_some() => Identity::Name {
                domain: domain_of(p),
                name: rest.to_string(),
            },
            Some(other) => return Err(format!("unknown identity prefix '{other}:' in '{s}'")),
            None if is_sid(rest) => Identity::Sid(rest.to_string()),
            None => Identity::Name {
                domain: None,
                name: rest.to_string(),
            },
        })
    }

    pub(super) fn matches(&self, session: &Value) -> bool {
        let u = &session["user"];
        let field = |k: &str| {
            u.get(k).map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
        };
        match self {
            Identity::Uid(n) => field("uid") == Some(n.to_string()),
            Identity::Gid(n) => field("gid") == Some(n.to_string()),
            Identity::AuthId(a) => field("auth_id").as_deref() == Some(a.as_str()),
            Identity::Sid(s) => field("sid").is_some_and(|v| v.eq_ignore_ascii_case(s)),
            Identity::Name { domain, name } => {
                let full = field("name").unwrap_or_default();
                let short = full.rsplit('\\').next().unwrap_or("").to_string();
                let name_ok = full.eq_ignore_ascii_case(name) || short.eq_ignore_ascii_case(name);
                let domain_ok = domain.is_none_or(|d| field("domain").as_deref() == Some(d));
                name_ok && domain_ok
            }
        }
    }
}

/// The domain a name prefix stands for (`local:admin`, `ad:alice`, ...).
fn domain_of(prefix: &str) -> Option<&'static str> {
    const DOMAINS: [(&str, &str); 4] = [
        ("local", "LOCAL"),
        ("ad", "ACTIVE_DIRECTORY"),
        ("ldap_user", "POSIX_USER"),
        ("world", "WORLD"),
    ];
    DOMAINS.iter().find(|(p, _)| *p == prefix).map(|(_, d)| *d)
}

fn is_sid(s: &str) -> bool {
    let mut parts = s.split('-');
    parts.next().is_some_and(|p| p.eq_ignore_ascii_case("S")) && {
        let rest: Vec<&str> = parts.collect();
        rest.len() >= 3
            && rest
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn identity_forms() {
        let s = json!({"user": {"domain": "LOCAL", "name": "admin", "uid": null, "sid": "S-1-5-21-1-2-3-500", "auth_id": "500"}});
        assert!(Identity::parse("local:admin").unwrap().matches(&s));
        assert!(Identity::parse("LOCAL:ADMIN").unwrap().matches(&s));
        assert!(!Identity::parse("ad:admin").unwrap().matches(&s));
        assert!(Identity::parse("auth_id:0x1f4").unwrap().matches(&s));
        assert!(Identity::parse("S-1-5-21-1-2-3-500").unwrap().matches(&s));
        assert!(Identity::parse("bogus:x").is_err());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// Each form of `--identity` finds the session it names, in any case, and only it.
            #[test]
            fn identities_find_their_session(
                name in "[A-Za-z][A-Za-z0-9_.-]{0,15}", other in "[A-Za-z][A-Za-z0-9_.-]{0,15}",
                uid in any::<u32>(),
            ) {
                let s = json!({"user": {"domain": "LOCAL", "name": name, "uid": uid.to_string(),
                                        "sid": null, "auth_id": "7"}});
                let local = |n: &str| Identity::parse(&format!("local:{n}")).unwrap();
                prop_assert!(local(&name).matches(&s));
                prop_assert!(local(&name.to_uppercase()).matches(&s));
                prop_assert_eq!(local(&other).matches(&s), name.eq_ignore_ascii_case(&other));
                let by_uid = format!("uid:{uid}");
                prop_assert!(Identity::parse(&by_uid).unwrap().matches(&s));
            }

            /// Any text is an identity or a message, never a panic.
            #[test]
            fn any_text_parses_or_is_refused(text in "\\PC{0,30}") {
                let _ = Identity::parse(&text);
            }
        }
    }
}
