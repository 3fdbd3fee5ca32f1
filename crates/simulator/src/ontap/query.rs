//! ONTAP's query language: `field=expr` filters and `order_by`, over dotted fields.

use std::cmp::Ordering;

use serde_json::Value;

use super::duration::{parse_iso8601, DURATIONS};
use super::fields::is_field;

pub(super) fn parse_order(spec: &str) -> Result<Vec<(String, bool)>, String> {
    spec.split(',')
        .map(|part| {
            let mut words = part.split_whitespace();
            let field = words.next().ok_or_else(|| part.to_string())?.to_string();
            let desc = match words.next().map(str::to_ascii_lowercase).as_deref() {
                None | Some("asc") => false,
                Some("desc") => true,
                Some(_) => return Err(part.to_string()),
            };
            if is_field(&field) {
                Ok((field, desc))
            } else {
                Err(field)
            }
        })
        .collect()
}

pub(super) fn compare_by(a: &Value, b: &Value, order: &[(String, bool)]) -> Ordering {
    for (field, desc) in order {
        let o = compare_values(&lookup(a, field), &lookup(b, field), field);
        let o = if *desc { o.reverse() } else { o };
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

/// The values of a dotted field; arrays (volumes.name) give several.
fn lookup(v: &Value, field: &str) -> Vec<Value> {
    let mut cur = vec![v.clone()];
    for part in field.split('.') {
        cur = cur
            .into_iter()
            .flat_map(|x| match x.get(part) {
                Some(Value::Array(items)) => items.clone(),
                Some(other) => vec![other.clone()],
                None => vec![],
            })
            .collect();
    }
    cur
}

fn as_number(v: &Value, field: &str) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(*b as u8 as f64),
        Value::String(s) if DURATIONS.contains(&field) => parse_iso8601(s),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn compare_values(a: &[Value], b: &[Value], field: &str) -> Ordering {
    match (a.first(), b.first()) {
        (None, None) => Ordering::Equal,
        (None, _) => Ordering::Less,
        (_, None) => Ordering::Greater,
        (Some(x), Some(y)) => match (as_number(x, field), as_number(y, field)) {
            (Some(p), Some(q)) if !x.is_string() || DURATIONS.contains(&field) => {
                p.partial_cmp(&q).unwrap_or(Ordering::Equal)
            }
            _ => text(x).cmp(&text(y)),
        },
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// ONTAP query semantics for one `field=expr`: `|` separates alternatives; each may start
/// with `!` (not) and then `<=`, `>=`, `<` or `>`; `*` is a wildcard; `null` and `!null`.
pub(super) fn matches_filter(v: &Value, field: &str, expr: &str) -> bool {
    let values = lookup(v, field);
    expr.split('|').any(|alt| {
        let (negate, alt) = match alt.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, alt),
        };
        let hit = if alt == "null" {
            values.iter().all(Value::is_null)
        } else {
            values.iter().any(|x| matches_one(x, field, alt))
        };
        hit != negate
    })
}

fn matches_one(x: &Value, field: &str, alt: &str) -> bool {
    for (op, ord) in [
        ("<=", [Ordering::Less, Ordering::Equal]),
        (">=", [Ordering::Greater, Ordering::Equal]),
        ("<", [Ordering::Less; 2]),
        (">", [Ordering::Greater; 2]),
    ] {
        if let Some(rhs) = alt.strip_prefix(op) {
            let rhs_num = if DURATIONS.contains(&field) {
                parse_iso8601(rhs)
            } else {
                rhs.parse::<f64>().ok()
            };
            return match (as_number(x, field), rhs_num) {
                (Some(a), Some(b)) => a.partial_cmp(&b).is_some_and(|o| ord.contains(&o)),
                _ => ord.contains(&text(x).as_str().cmp(rhs)),
            };
        }
    }
    if DURATIONS.contains(&field) {
        if let (Some(a), Some(b)) = (as_number(x, field), parse_iso8601(alt)) {
            return a == b;
        }
    }
    wildcard(&text(x).to_lowercase(), &alt.to_lowercase())
}

/// `*` matches any run of characters.
fn wildcard(s: &str, pattern: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return s == pattern;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !s.starts_with(first)
        || !s[first.len()..].ends_with(last)
        || s.len() < first.len() + last.len()
    {
        return false;
    }
    let mut rest = &s[first.len()..s.len() - last.len()];
    for mid in &parts[1..parts.len() - 1] {
        match rest.find(mid) {
            Some(i) => rest = &rest[i + mid.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn filters() {
        let v = json!({"user": "CORP\\administrator", "open_files": 12, "idle_duration": "P1DT2H", "svm": {"name": "vs1"}, "volumes": [{"name": "a"}, {"name": "b"}]});
        assert!(matches_filter(&v, "user", "*admin*"));
        assert!(!matches_filter(&v, "user", "!*admin*"));
        assert!(matches_filter(&v, "open_files", ">10"));
        assert!(!matches_filter(&v, "open_files", "<=11"));
        assert!(matches_filter(&v, "idle_duration", ">P1D"));
        assert!(matches_filter(&v, "idle_duration", ">PT24H"));
        assert!(matches_filter(&v, "svm.name", "vs0|vs1"));
        assert!(matches_filter(&v, "volumes.name", "b"));
        assert!(!matches_filter(&v, "svm.name", "vs2"));
    }

    #[test]
    fn wildcards() {
        assert!(wildcard("smb2_1", "smb2*"));
        assert!(wildcard("abc", "*"));
        assert!(!wildcard("ab", "a*b*c"));
        assert!(wildcard("axbxc", "a*b*c"));
    }
}
