//! `--where` pushed into the listing's one server-side filter, `?identity=` (see
//! docs/vendors/qumulo.md): the cluster matches a name case-insensitively, by its full or
//! its short form, and uids, gids, auth ids and SIDs exactly, so each form below holds every
//! session the client's term keeps. One identity at most; a `--identity` given wins.

use crate::select::push::equal_text;
use crate::select::{Op, Selector, Term};

/// The name prefixes the cluster reads as a domain (the `identity` column writes them).
const DOMAINS: [&str; 4] = ["local", "ad", "world", "ldap_user"];

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A text the cluster reads as a plain name: no prefix, nothing like a SID.
fn plain_name(s: &str) -> bool {
    !s.contains(':') && !s.to_ascii_lowercase().starts_with("s-")
}

/// The `identity` value for one term, if it names one identity.
fn identity(t: &Term) -> Option<String> {
    if t.op != Op::Eq || t.value.text.is_empty() {
        return None;
    }
    let v = t.value.text.as_str();
    match t.field.as_str() {
        "user" | "identity" => {
            let form = match v.split_once(':') {
                Some((prefix, rest)) if DOMAINS.contains(&prefix) => !rest.is_empty(),
                Some(("uid" | "auth_id", rest)) => digits(rest),
                Some(_) => false,
                None => plain_name(v) && equal_text(t).is_some(),
            };
            form.then(|| v.to_string())
        }
        "user.name" => (plain_name(v) && equal_text(t).is_some()).then(|| v.to_string()),
        "user.uid" => digits(v).then(|| format!("uid:{v}")),
        "user.gid" => digits(v).then(|| format!("gid:{v}")),
        "user.auth_id" => digits(v).then(|| format!("auth_id:{v}")),
        "user.sid" => (!v.contains(':')).then(|| format!("sid:{v}")),
        _ => None,
    }
}

/// The identity to ask for, unless one is set already; returns it as sent.
pub(super) fn push(set: &mut Option<String>, selector: &Selector) -> Vec<String> {
    if set.is_some() {
        return Vec::new();
    }
    let Some(id) = selector.terms().iter().find_map(identity) else {
        return Vec::new();
    };
    *set = Some(id.clone());
    vec![format!("identity={id}")]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pushed(selector: &str, set: Option<&str>) -> (Option<String>, Vec<String>) {
        let mut id = set.map(String::from);
        let sent = push(&mut id, &crate::select::parse(selector).unwrap());
        (id, sent)
    }

    #[test]
    fn one_well_formed_identity_goes_to_the_cluster() {
        assert_eq!(
            pushed("user=local:admin", None).0.as_deref(),
            Some("local:admin")
        );
        assert_eq!(
            pushed("user='CORP\\alice'", None).0.as_deref(),
            Some("CORP\\alice")
        );
        assert_eq!(pushed("user.uid=1001", None).0.as_deref(), Some("uid:1001"));
        assert_eq!(
            pushed("idle>1h,user.sid=S-1-5-21-1", None).0.as_deref(),
            Some("sid:S-1-5-21-1")
        );
        // Forms the cluster would refuse or read otherwise stay on the client.
        for s in [
            "user=uid:abc",
            "user=nope:x",
            "user=S-1-5-21-9",
            "user~local:*",
            "user!=local:a",
        ] {
            assert_eq!(pushed(s, None), (None, vec![]), "{s}");
        }
        // --identity wins.
        assert_eq!(
            pushed("user=local:a", Some("local:b")),
            (Some("local:b".into()), vec![])
        );
    }
}
