//! What `sessions auth` asks for, as `auth.sessions` params and as CORE's REST query.

use serde_json::{json, Value};

use crate::error::{Error, Result};

/// What `sessions auth` asks for.
#[derive(Debug, Clone, Default)]
pub(super) struct AuthQuery {
    pub exclude_internal: bool,
    pub credentials: Option<String>,
    pub user: Option<String>,
    pub origin: Option<String>,
    /// Raw TrueNAS filters from `--filter` (each already a JSON filter).
    pub raw_filters: Vec<Value>,
    pub order_by: Vec<String>,
    /// What `--where` sent (see push.rs).
    pub pushed: Vec<Pushed>,
}

impl AuthQuery {
    /// The `[filters, options]` params of `auth.sessions`.
    pub(super) fn params(&self) -> Value {
        let mut filters: Vec<Value> = Vec::new();
        if self.exclude_internal {
            // The web UI's filter; the old docstring's `["internal","=",true]` is backwards.
            filters.push(json!(["internal", "=", false]));
        }
        if let Some(c) = &self.credentials {
            filters.push(json!(["credentials", "=", c]));
        }
        if let Some(u) = &self.user {
            filters.push(json!(["credentials_data.username", "=", u]));
        }
        if let Some(o) = &self.origin {
            filters.push(json!(["origin", "^", o]));
        }
        filters.extend(self.raw_filters.iter().cloned());
        filters.extend(self.pushed.iter().map(Pushed::filter));
        let mut options = json!({});
        if !self.order_by.is_empty() {
            options["order_by"] = json!(self.order_by);
        }
        json!([filters, options])
    }

    /// CORE's REST query string: `field=value` and `field__op=value`.
    pub(super) fn rest_query(&self) -> Result<Vec<(String, String)>> {
        if !self.raw_filters.is_empty() || !self.order_by.is_empty() {
            return Err(Error::usage(
                "--filter and --order-by need the WebSocket API; TrueNAS CORE's REST API takes only the named filters (use --sort to order)",
            ));
        }
        let mut q = Vec::new();
        if self.exclude_internal {
            q.push(("internal".to_string(), "false".to_string()));
        }
        if let Some(c) = &self.credentials {
            q.push(("credentials".to_string(), c.clone()));
        }
        if let Some(u) = &self.user {
            q.push(("credentials_data.username".to_string(), u.clone()));
        }
        if let Some(o) = &self.origin {
            q.push((
                "origin__regex".to_string(),
                format!("^{}", regex_lite::escape(o)),
            ));
        }
        q.extend(self.pushed.iter().map(Pushed::rest));
        Ok(q)
    }
}

/// One filter `--where` sent (see push.rs).
#[derive(Debug, Clone)]
pub(super) enum Pushed {
    /// `[field, "=", value]`
    Equal(&'static str, Value),
    /// `origin` starts with this (or with it after `[::ffff:`).
    Origin(String),
}

impl Pushed {
    /// As an `auth.sessions` filter.
    pub(super) fn filter(&self) -> Value {
        match self {
            Pushed::Equal(f, v) => json!([f, "=", v]),
            Pushed::Origin(p) => json!([
                "OR",
                [["origin", "^", p], ["origin", "^", format!("[::ffff:{p}")]]
            ]),
        }
    }
    /// As CORE's REST query parameter.
    pub(super) fn rest(&self) -> (String, String) {
        match self {
            Pushed::Equal(f, Value::String(s)) => (f.to_string(), s.clone()),
            Pushed::Equal(f, v) => (f.to_string(), v.to_string()),
            Pushed::Origin(p) => (
                "origin__regex".to_string(),
                format!(r"^(\[::ffff:)?{}", regex_lite::escape(p)),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_from_flags() {
        let q = AuthQuery {
            pushed: Vec::new(),
            exclude_internal: true,
            credentials: Some("API_KEY".into()),
            user: Some("alice".into()),
            origin: Some("10.".into()),
            raw_filters: vec![json!(["secure_transport", "=", true])],
            order_by: vec!["-created_at".into()],
        };
        assert_eq!(
            q.params(),
            json!([[["internal", "=", false], ["credentials", "=", "API_KEY"], ["credentials_data.username", "=", "alice"], ["origin", "^", "10."], ["secure_transport", "=", true]], {"order_by": ["-created_at"]}])
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// CORE's `origin__regex` matches exactly the origins that start with what was
            /// asked for, whatever regex syntax the text holds.
            #[test]
            fn origin_regex_is_a_literal_prefix(asked in "\\PC{0,12}", origin in "\\PC{0,16}") {
                let q = AuthQuery { origin: Some(asked.clone()), ..AuthQuery::default() };
                let (_, pattern) = q.rest_query().unwrap().pop().unwrap();
                let re = regex_lite::Regex::new(&pattern).unwrap();
                prop_assert_eq!(re.is_match(&origin), origin.starts_with(&asked));
                let longer = format!("{asked}{origin}");
                prop_assert!(re.is_match(&longer));
            }

            /// Each named flag becomes exactly one filter, carried as given.
            #[test]
            fn each_flag_is_one_filter(user in "\\PC{0,12}", internal in any::<bool>()) {
                let q = AuthQuery { user: Some(user.clone()), exclude_internal: internal,
                                    ..AuthQuery::default() };
                let params = q.params();
                let filters = params[0].as_array().unwrap();
                prop_assert_eq!(filters.len(), 1 + usize::from(internal));
                prop_assert!(filters.contains(&json!(["credentials_data.username", "=", user])));
            }
        }
    }
}
