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
