//! What `fields=` asks for, and a record as ONTAP sends it: the fields asked for (keys
//! always), HAL links, and in quirks mode the spellings of some versions and doc examples.

use serde_json::{json, Map, Value};

use super::duration::{parse_iso8601, DURATIONS};
use super::{error, key_of, COLLECTION};
use crate::simulator::server::{SimRequest, SimResponse};

/// Every field of a session record, and whether `fields=*` includes it (the expensive
/// `volumes` list only comes with `**` or by name).
pub const FIELDS: [(&str, bool); 22] = [
    ("node", true),
    ("svm", true),
    ("identifier", true),
    ("connection_id", true),
    ("authentication", true),
    ("client_ip", true),
    ("server_ip", true),
    ("connected_duration", true),
    ("idle_duration", true),
    ("connection_count", true),
    ("continuous_availability", true),
    ("large_mtu", true),
    ("mapped_unix_user", true),
    ("open_files", true),
    ("open_other", true),
    ("open_shares", true),
    ("protocol", true),
    ("smb_encryption", true),
    ("smb_signing", true),
    ("user", true),
    ("volumes", false),
    ("_links", false),
];

/// What `fields=` asked for.
pub enum Fields {
    Keys,
    Star,
    All,
    List(Vec<String>),
}

impl Fields {
    /// The request's `fields`, or ONTAP's error for a field it does not have: 400, code
    /// 262197, target `fields` (NetApp/harvest#3639). `ignore_unknown_fields=true` (9.11.1 and
    /// later) drops them instead.
    pub fn from_request(req: &SimRequest) -> Result<Fields, SimResponse> {
        let ignore = req.param("ignore_unknown_fields") == Some("true");
        Fields::parse(req.param("fields"), ignore).map_err(|bad| {
            let known: Vec<&str> = FIELDS
                .iter()
                .map(|(f, _)| *f)
                .filter(|f| *f != "_links")
                .collect();
            error(
                400,
                "262197",
                &format!(
                    "The value \"{bad}\" is invalid for field \"fields\" ({})",
                    known.join(",")
                ),
                Some("fields"),
            )
        })
    }

    fn parse(param: Option<&str>, ignore_unknown: bool) -> Result<Fields, String> {
        match param.map(str::trim) {
            None | Some("") => Ok(Fields::Keys),
            Some("*") => Ok(Fields::Star),
            Some("**") => Ok(Fields::All),
            Some(list) => {
                let items: Vec<String> = list
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty() && (!ignore_unknown || is_field(s)))
                    .collect();
                match items.iter().find(|f| !is_field(f)) {
                    Some(bad) => Err(bad.clone()),
                    None => Ok(Fields::List(items)),
                }
            }
        }
    }
}

pub fn is_field(name: &str) -> bool {
    let top = name.split('.').next().unwrap_or("");
    FIELDS.iter().any(|(f, _)| *f == top && *f != "_links")
        && match name.split_once('.') {
            None => true,
            Some((parent, sub)) => {
                matches!((parent, sub), ("node" | "svm" | "volumes", "name" | "uuid"))
            }
        }
}

/// A record with the fields asked for (keys always), in quirks mode spelled the way some
/// ONTAP versions and doc examples spell them.
pub fn render(v: &Value, fields: &Fields, hal: bool, quirks: bool) -> Value {
    let mut out = Map::new();
    for (name, in_star) in FIELDS {
        let key_field = matches!(name, "node" | "svm" | "identifier" | "connection_id");
        let wanted = key_field
            || match fields {
                Fields::Keys => false,
                Fields::Star => in_star,
                Fields::All => true,
                Fields::List(list) => list
                    .iter()
                    .any(|f| f == name || f.starts_with(&format!("{name}."))),
            };
        if !wanted || name == "_links" {
            continue;
        }
        let Some(value) = v.get(name) else { continue };
        let value = match fields {
            Fields::List(list) if name == "volumes" && !list.iter().any(|f| f == "volumes") => {
                // Only the sub-fields asked for, e.g. volumes.name.
                let subs: Vec<&str> = list
                    .iter()
                    .filter_map(|f| f.strip_prefix("volumes."))
                    .collect();
                Value::Array(
                    value
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .map(|vol| {
                                    Value::Object(
                                        subs.iter()
                                            .filter_map(|s| {
                                                vol.get(*s).map(|x| (s.to_string(), x.clone()))
                                            })
                                            .collect(),
                                    )
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                )
            }
            _ => value.clone(),
        };
        out.insert(name.to_string(), value);
    }
    if quirks {
        quirk(&mut out);
    }
    if hal {
        let (n, s, i, c) = key_of(v);
        out.insert(
            "_links".into(),
            json!({ "self": { "href": format!("{COLLECTION}/{n}/{s}/{i}/{c}") } }),
        );
    }
    Value::Object(out)
}

/// The oddities of real systems and doc examples: numbers as strings, `large_mtu: 1`,
/// `smb_signing: ""`, durations not normalised, fractional seconds, old names for values.
fn quirk(r: &mut Map<String, Value>) {
    let id = r.get("identifier").and_then(Value::as_u64).unwrap_or(0);
    for k in ["identifier", "connection_count", "open_files"] {
        if let Some(v) = r.get_mut(k) {
            if v.is_number() {
                *v = Value::String(v.to_string());
            }
        }
    }
    if let Some(v) = r.get_mut("large_mtu") {
        *v = json!(if v.as_bool() == Some(true) { 1 } else { 0 });
    }
    if let Some(v) = r.get_mut("smb_signing") {
        if v.as_bool() == Some(false) {
            *v = json!("");
        }
    }
    for k in DURATIONS {
        if let Some(Value::String(s)) = r.get(k) {
            let secs = parse_iso8601(s).unwrap_or(0.0) as u64;
            let odd = if secs >= 86_400 && id % 2 == 0 {
                // One day spelled as 24 hours, as ONTAP does: P4DT84H30M5S.
                let (d, rem) = (secs / 86_400, secs % 86_400);
                format!(
                    "P{}DT{}H{}M{}S",
                    d - 1,
                    24 + rem / 3600,
                    rem / 60 % 60,
                    rem % 60
                )
            } else if id % 3 == 0 {
                format!("PT{secs}.250S")
            } else {
                s.clone()
            };
            r.insert(k.to_string(), Value::String(odd));
        }
    }
    if let Some(Value::String(p)) = r.get_mut("protocol") {
        if p == "smb3_1" && id % 2 == 1 {
            *p = "smb3.1".to_string();
        }
    }
    r.insert(
        "lif_address".into(),
        r.get("server_ip").cloned().unwrap_or(Value::Null),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_are_refused_unless_ignored() {
        assert_eq!(
            Fields::parse(Some("user,bogus"), false).err().as_deref(),
            Some("bogus")
        );
        match Fields::parse(Some("user,bogus"), true) {
            Ok(Fields::List(items)) => assert_eq!(items, ["user"]),
            _ => panic!("ignore_unknown_fields keeps the known ones"),
        }
    }
}
