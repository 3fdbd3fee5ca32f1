//! `--where` pushed into `auth.sessions`' filters, and CORE's REST query (see
//! docs/vendors/truenas.md, "auth.sessions"): equality on the session's own fields, and an
//! address or IPv4 network as a prefix of `origin` (`ip:port`), either bare or IPv4-mapped,
//! which holds every session the client's term keeps. A field a flag filters already is left
//! to the client.

use serde_json::json;

use super::query::{AuthQuery, Pushed};
use crate::select::push::{equal_bool, equal_text};
use crate::select::{Op, Selector, Term};

/// The prefix of `origin` every address of the term's IPv4 network starts with: whole
/// octets, so `10.1.0.0/16` is `10.1.` (a /32 is the address itself).
fn origin_prefix(t: &Term) -> Option<String> {
    let net = t
        .value
        .network
        .filter(|n| n.addr.is_ipv4() && t.op == Op::Eq)?;
    let octets = usize::from(net.prefix / 8);
    if octets == 0 {
        return None;
    }
    let addr = net.addr.to_string();
    let parts: Vec<&str> = addr.split('.').take(octets).collect();
    Some(match octets {
        4 => addr.clone(),
        _ => format!("{}.", parts.join(".")),
    })
}

fn pushed(t: &Term, q: &AuthQuery) -> Option<Pushed> {
    let text = |f: &'static str| equal_text(t).map(|v| Pushed::Equal(f, json!(v)));
    let flag = |f: &'static str| equal_bool(t).map(|b| Pushed::Equal(f, json!(b)));
    match t.field.as_str() {
        "key" | "id" => text("id"),
        "protocol" | "credentials" if q.credentials.is_none() => text("credentials"),
        "internal" if !q.exclude_internal => flag("internal"),
        "current" => flag("current"),
        "encrypted" | "secure_transport" => flag("secure_transport"),
        "client" | "origin" if q.origin.is_none() => origin_prefix(t).map(Pushed::Origin),
        _ => None,
    }
}

/// Add to `query` the filters for the terms TrueNAS can apply; returns them as sent.
pub(super) fn push(query: &mut AuthQuery, selector: &Selector) -> Vec<String> {
    let mut sent = Vec::new();
    for t in selector.terms() {
        if let Some(p) = pushed(t, query) {
            sent.push(p.filter().to_string());
            query.pushed.push(p);
        }
    }
    sent
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(selector: &str, q: &mut AuthQuery) -> Vec<String> {
        push(q, &crate::select::parse(selector).unwrap())
    }

    #[test]
    fn equalities_and_origin_prefixes() {
        let mut q = AuthQuery::default();
        let s = sent(
            "client=10.1.0.0/16,protocol=API_KEY,internal=false,user=bob",
            &mut q,
        );
        assert_eq!(
            s,
            [
                r#"["OR",[["origin","^","10.1."],["origin","^","[::ffff:10.1."]]]"#,
                r#"["credentials","=","API_KEY"]"#,
                r#"["internal","=",false]"#,
            ]
        );
        assert_eq!(q.pushed[0].rest().1, r"^(\[::ffff:)?10\.1\.");
        let mut q = AuthQuery::default();
        assert!(
            sent(
                "client=10.1.2.0/23,client=fd00::/8,client=0.0.0.0/0",
                &mut q
            )
            .len()
                == 1
        );
        assert_eq!(q.pushed[0].filter()[1][0][2], "10.1.");
        // A flag on the same field wins.
        let mut q = AuthQuery {
            credentials: Some("TOKEN".into()),
            ..AuthQuery::default()
        };
        assert!(sent("protocol=API_KEY", &mut q).is_empty());
    }
}
