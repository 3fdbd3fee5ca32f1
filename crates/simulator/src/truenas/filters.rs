//! `auth.sessions` queries: the middleware's filter language (`[name, op, value]`, `OR`, the
//! `C` prefix) and query options (`order_by`, `offset`, `limit`, `select`, `count`, `get`).

use std::cmp::Ordering;

use serde_json::{json, Map, Value};

use super::conn::CallErr;
use super::data::quirk;
use super::state::State;
use crate::server::lock;

/// query-options (api/base/.../query options): unknown keys are -32602.
const OPTION_KEYS: [&str; 12] = [
    "force_sql_filters",
    "relationships",
    "extend",
    "extend_context",
    "prefix",
    "extra",
    "order_by",
    "select",
    "count",
    "get",
    "offset",
    "limit",
];

impl State {
    /// `auth.sessions` semantics: filters, then order_by, offset, limit, select, count, get.
    pub(super) fn query(
        &self,
        filters: &Value,
        options: &Value,
        own: Option<&str>,
        _rest: bool,
    ) -> Result<Value, CallErr> {
        let filters = match filters {
            Value::Null => Vec::new(),
            Value::Array(f) => f.clone(),
            _ => return Err(CallErr::invalid("filters: Input should be a valid list")),
        };
        let options = match options {
            Value::Null => Map::new(),
            Value::Object(o) => o.clone(),
            _ => {
                return Err(CallErr::invalid(
                    "options: Input should be a valid dictionary",
                ))
            }
        };
        if let Some(k) = options.keys().find(|k| !OPTION_KEYS.contains(&k.as_str())) {
            return Err(CallErr::invalid(format!(
                "options.{k}: Extra inputs are not permitted"
            )));
        }
        let all: Vec<Value> = lock(&self.sessions)
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s["current"] = json!(own.is_some() && s["id"].as_str() == own);
                s
            })
            .collect();
        let mut rows = Vec::new();
        for s in all {
            if filter_all(&s, &filters).map_err(CallErr::invalid)? {
                rows.push(s);
            }
        }
        if let Some(order) = options.get("order_by").and_then(Value::as_array) {
            let keys: Vec<String> = order
                .iter()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect();
            rows.sort_by(|a, b| {
                for k in &keys {
                    let k = k
                        .trim_start_matches("nulls_first:")
                        .trim_start_matches("nulls_last:");
                    let (field, desc) = match k.strip_prefix('-') {
                        Some(f) => (f, true),
                        None => (k, false),
                    };
                    let o = compare(lookup(a, field), lookup(b, field));
                    let o = if desc { o.reverse() } else { o };
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                Ordering::Equal
            });
        }
        let offset = options.get("offset").and_then(Value::as_u64).unwrap_or(0) as usize;
        let limit = options.get("limit").and_then(Value::as_u64).unwrap_or(0) as usize;
        let rows: Vec<Value> = rows
            .into_iter()
            .skip(offset)
            .take(if limit == 0 { usize::MAX } else { limit })
            .collect();
        if options.get("count") == Some(&json!(true)) {
            return Ok(json!(rows.len()));
        }
        let rows: Vec<Value> = match options.get("select").and_then(Value::as_array) {
            Some(select) if !select.is_empty() => rows.iter().map(|r| project(r, select)).collect(),
            _ => rows,
        };
        let rows: Vec<Value> = if self.quirks {
            rows.into_iter().map(quirk).collect()
        } else {
            rows
        };
        if options.get("get") == Some(&json!(true)) {
            return rows
                .into_iter()
                .next()
                .ok_or_else(|| CallErr::call("ENOENT", 2, "None"));
        }
        Ok(Value::Array(rows))
    }
}

fn project(r: &Value, select: &[Value]) -> Value {
    let mut out = json!({});
    for s in select {
        let (field, alias) = match s {
            Value::String(f) => (f.clone(), f.clone()),
            Value::Array(pair) if pair.len() == 2 => (
                pair[0].as_str().unwrap_or("").to_string(),
                pair[1].as_str().unwrap_or("").to_string(),
            ),
            _ => continue,
        };
        if let Some(v) = lookup(r, &field) {
            let mut cur = &mut out;
            let parts: Vec<&str> = alias.split('.').collect();
            for p in &parts[..parts.len() - 1] {
                cur = cur
                    .as_object_mut()
                    .unwrap()
                    .entry(p.to_string())
                    .or_insert_with(|| json!({}));
            }
            cur[parts[parts.len() - 1]] = v.clone();
        }
    }
    out
}

fn lookup<'a>(v: &'a Value, dotted: &str) -> Option<&'a Value> {
    dotted.split('.').try_fold(v, |cur, k| cur.get(k))
}

/// A comparable form: `{"$date": ms}` compares as its number.
fn comparable(v: &Value) -> &Value {
    v.get("$date").unwrap_or(v)
}

fn compare(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    match (a.map(comparable), b.map(comparable)) {
        (None, None) => Ordering::Equal,
        (None, _) | (Some(Value::Null), _) => Ordering::Less,
        (_, None) | (_, Some(Value::Null)) => Ordering::Greater,
        (Some(Value::Number(x)), Some(Value::Number(y))) => x
            .as_f64()
            .partial_cmp(&y.as_f64())
            .unwrap_or(Ordering::Equal),
        (Some(Value::Bool(x)), Some(Value::Bool(y))) => x.cmp(y),
        (Some(x), Some(y)) => text(x).cmp(&text(y)),
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A list of filters: all must hold.
fn filter_all(r: &Value, filters: &[Value]) -> Result<bool, String> {
    for f in filters {
        if !filter_one(r, f)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `[name, op, value]`, or `["OR", [filter, ...]]` where each branch is a filter or a list of
/// filters. A `C` prefix on the operator makes it case-insensitive.
fn filter_one(r: &Value, f: &Value) -> Result<bool, String> {
    let parts = f
        .as_array()
        .ok_or_else(|| format!("filters: {f} is not a list"))?;
    if parts.len() == 2 && parts[0] == "OR" {
        let branches = parts[1].as_array().ok_or("filters: OR takes a list")?;
        for b in branches {
            let hit = match b.as_array().and_then(|x| x.first()) {
                Some(Value::Array(_)) => filter_all(r, b.as_array().unwrap())?,
                _ => filter_one(r, b)?,
            };
            if hit {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let [name, op, want] = parts.as_slice() else {
        return Err(format!("filters: {f} is not [name, operator, value]"));
    };
    let name = name.as_str().ok_or("filters: the name must be a string")?;
    let op = op
        .as_str()
        .ok_or("filters: the operator must be a string")?;
    let (ci, op) = match op.strip_prefix('C') {
        Some(rest) if !rest.is_empty() => (true, rest),
        _ => (false, op),
    };
    let have = lookup(r, name)
        .map(comparable)
        .cloned()
        .unwrap_or(Value::Null);
    let fold = |v: &Value| if ci { text(v).to_lowercase() } else { text(v) };
    let eq = |a: &Value, b: &Value| {
        if ci {
            fold(a) == fold(b)
        } else {
            a == b || (a.is_number() && b.is_number() && a.as_f64() == b.as_f64())
        }
    };
    let contains = |list: &Value, x: &Value| match list {
        Value::Array(items) => items.iter().any(|i| eq(i, x)),
        Value::String(s) => fold(&Value::String(s.clone())).contains(&fold(x)),
        _ => false,
    };
    Ok(match op {
        "=" => eq(&have, want),
        "!=" => !eq(&have, want),
        ">" => compare(Some(&have), Some(comparable(want))) == Ordering::Greater,
        ">=" => compare(Some(&have), Some(comparable(want))) != Ordering::Less,
        "<" => compare(Some(&have), Some(comparable(want))) == Ordering::Less,
        "<=" => compare(Some(&have), Some(comparable(want))) != Ordering::Greater,
        "~" => {
            let pattern = if ci {
                format!("(?i){}", text(want))
            } else {
                text(want)
            };
            let re =
                regex_lite::Regex::new(&pattern).map_err(|e| format!("filters: bad regex: {e}"))?;
            have.as_str().is_some_and(|s| re.is_match(s))
        }
        "in" => contains(want, &have),
        "nin" => !contains(want, &have),
        "rin" => contains(&have, want),
        "rnin" => !contains(&have, want),
        "^" => fold(&have).starts_with(&fold(want)) && have.is_string(),
        "!^" => !fold(&have).starts_with(&fold(want)),
        "$" => fold(&have).ends_with(&fold(want)) && have.is_string(),
        "!$" => !fold(&have).ends_with(&fold(want)),
        other => return Err(format!("filters: unknown operator {other}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_language() {
        let r = json!({"internal": false, "origin": "192.168.1.5:40000", "credentials": "API_KEY",
                       "credentials_data": {"username": "Alice"}, "created_at": {"$date": 100}});
        let t = |f: Value| filter_one(&r, &f).unwrap();
        assert!(t(json!(["internal", "=", false])));
        assert!(!t(json!(["internal", "!=", false])));
        assert!(t(json!(["origin", "^", "192.168."])));
        assert!(t(json!(["origin", "$", ":40000"])));
        assert!(t(json!(["origin", "~", "^192\\.168\\.1\\."])));
        assert!(t(json!(["credentials", "in", ["API_KEY", "TOKEN"]])));
        assert!(t(json!(["credentials", "nin", ["TOKEN"]])));
        assert!(t(json!(["credentials_data.username", "C=", "alice"])));
        assert!(!t(json!(["credentials_data.username", "=", "alice"])));
        assert!(t(json!(["created_at", ">", 50])));
        assert!(t(json!([
            "OR",
            [["internal", "=", true], ["credentials", "=", "API_KEY"]]
        ])));
        assert!(!t(json!([
            "OR",
            [["internal", "=", true], ["credentials", "=", "TOKEN"]]
        ])));
        assert!(filter_one(&r, &json!(["a", "??", 1])).is_err());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn session(user: &str, origin: &str, internal: bool) -> Value {
            json!({"credentials_data": {"username": user}, "origin": origin, "internal": internal})
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// `=`, `!=`, `^` and `C=` mean what they say, and a list of filters is their AND,
            /// `OR` their OR, for any user name and origin (unicode included).
            #[test]
            fn filters_mean_what_they_say(
                user in "\\PC{0,12}", other in "\\PC{0,12}", origin in "\\PC{0,16}",
                cut in 0usize..17, internal in any::<bool>(),
            ) {
                let r = session(&user, &origin, internal);
                let prefix: String = origin.chars().take(cut).collect();
                let eq = json!(["credentials_data.username", "=", other]);
                let ne = json!(["credentials_data.username", "!=", other]);
                let starts = json!(["origin", "^", prefix]);
                let ci = json!(["credentials_data.username", "C=", other.to_uppercase()]);
                let not_internal = json!(["internal", "=", false]);
                prop_assert_eq!(filter_one(&r, &eq).unwrap(), user == other);
                prop_assert_eq!(filter_one(&r, &ne).unwrap(), user != other);
                prop_assert!(filter_one(&r, &starts).unwrap());
                prop_assert_eq!(
                    filter_one(&r, &ci).unwrap(),
                    user.to_lowercase() == other.to_uppercase().to_lowercase()
                );
                let and = filter_all(&r, &[eq.clone(), not_internal.clone()]).unwrap();
                prop_assert_eq!(and, user == other && !internal);
                let or = filter_one(&r, &json!(["OR", [eq, not_internal]])).unwrap();
                prop_assert_eq!(or, user == other || !internal);
            }

            /// Whatever a client sends as a filter, the answer is a result or an error.
            #[test]
            fn any_filter_is_answered_without_a_panic(f in "\\PC{0,40}") {
                if let Ok(v) = serde_json::from_str::<Value>(&f) {
                    let _ = filter_one(&session("a", "b", true), &v);
                }
            }
        }
    }
}
