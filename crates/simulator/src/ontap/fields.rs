//! What `fields=` asks for, and a record as ONTAP sends it: the fields asked for (keys
//! always), HAL links, and in quirks mode the spellings of some versions and doc examples.

use serde_json::{json, Map, Value};

use super::duration::{parse_iso8601, DURATIONS};
use super::wire::{error, key_of, COLLECTION};
use crate::server::{SimRequest, SimResponse};

/// Every field of a session record, and whether `fields=*` includes it (the expensive
/// `volumes` list only comes with `**` or by name).
pub(super) const FIELDS: [(&str, bool); 22] = [
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
pub(super) enum Fields {
    Keys,
    Star,
    All,
    List(Vec<String>),
}

impl Fields {
    /// The request's `fields`, or ONTAP's error for a field it does not have: 400, code
    /// 262197, target `fields` (NetApp/harvest#3639). `ignore_unknown_fields=true` (9.11.1 and
    /// later) drops them instead.
    pub(super) fn from_request(req: &SimRequest) -> Result<Fields, SimResponse> {
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

pub(super) fn is_field(name: &str) -> bool {
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
pub(super) fn render(v: &Value, fields: &Fields, hal: bool, quirks: bool) -> Value {
    let mut out = Map::new();
    for (name, in_star) in FIELDS {
        if !wanted(name, in_star, fields) {
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

/// A session's `fields=**` JSON, rendered once, and where each field's `"name":value` sits in
/// it: any other projection is put together from those pieces, as cheaply as `fields=**` is
/// served (rendering a projection per request cost about 13 ms a page).
pub(super) struct Rendered {
    pub all: String,
    /// The byte range of each field of [`FIELDS`] in `all` (empty when absent), then that of
    /// the quirks' `lif_address`.
    spans: Box<[(u32, u32)]>,
}

impl Rendered {
    pub(super) fn new(v: &Value, quirks: bool) -> Rendered {
        let Value::Object(map) = render(v, &Fields::All, false, quirks) else {
            unreachable!("render gives an object")
        };
        let mut all = String::from("{");
        let mut spans = vec![(0u32, 0u32); FIELDS.len() + 1].into_boxed_slice();
        for (i, (k, value)) in map.iter().enumerate() {
            if i > 0 {
                all.push(',');
            }
            let start = all.len() as u32;
            all.push_str(&Value::String(k.clone()).to_string());
            all.push(':');
            all.push_str(&value.to_string());
            let slot = FIELDS
                .iter()
                .position(|(f, _)| f == k)
                .unwrap_or(FIELDS.len());
            spans[slot] = (start, all.len() as u32);
        }
        all.push('}');
        Rendered { all, spans }
    }

    fn piece(&self, slot: usize) -> Option<&str> {
        let (a, b) = self.spans[slot];
        (a < b).then(|| &self.all[a as usize..b as usize])
    }

    /// The same text as `render(v, fields, hal, quirks)`, from the pieces; `None` for what
    /// needs a real render (sub-fields of `volumes`).
    pub(super) fn project(
        &self,
        v: &Value,
        fields: &Fields,
        hal: bool,
        quirks: bool,
    ) -> Option<String> {
        if let Fields::List(list) = fields {
            if list.iter().any(|f| f.starts_with("volumes."))
                && !list.iter().any(|f| f == "volumes")
            {
                return None;
            }
        }
        let mut out = String::with_capacity(self.all.len() + 128);
        out.push('{');
        let mut server_ip = false;
        for (slot, (name, in_star)) in FIELDS.iter().enumerate() {
            if !wanted(name, *in_star, fields) {
                continue;
            }
            if let Some(piece) = self.piece(slot) {
                server_ip |= *name == "server_ip";
                if out.len() > 1 {
                    out.push(',');
                }
                out.push_str(piece);
            }
        }
        if quirks {
            if out.len() > 1 {
                out.push(',');
            }
            match self.piece(FIELDS.len()) {
                Some(lif) if server_ip => out.push_str(lif),
                _ => out.push_str("\"lif_address\":null"),
            }
        }
        if hal {
            if out.len() > 1 {
                out.push(',');
            }
            let (n, s, i, c) = key_of(v);
            let links = json!({ "self": { "href": format!("{COLLECTION}/{n}/{s}/{i}/{c}") } });
            out.push_str(&format!("\"_links\":{links}"));
        }
        out.push('}');
        Some(out)
    }
}

/// Whether a record under `fields` has the field `name` (the key fields always).
fn wanted(name: &str, in_star: bool, fields: &Fields) -> bool {
    if name == "_links" {
        return false;
    }
    matches!(name, "node" | "svm" | "identifier" | "connection_id")
        || match fields {
            Fields::Keys => false,
            Fields::Star => in_star,
            Fields::All => true,
            Fields::List(list) => list.iter().any(|f| {
                f.strip_prefix(name)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
            }),
        }
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

    /// Every projection put together from the pieces is the text a full render gives.
    #[test]
    fn projections_from_pieces_are_the_rendered_ones() {
        let mut rng = crate::rng::Rng::new(7);
        let sessions = super::super::data::make_sessions(&mut rng, 40);
        let lists = [
            "user",
            "user,server_ip",
            "node.name,client_ip,volumes",
            "volumes.name",
            "svm.uuid",
            "open_files,large_mtu,idle_duration",
            "server_ip,user",
        ];
        for quirks in [false, true] {
            for v in &sessions {
                let r = Rendered::new(v, quirks);
                assert_eq!(r.all, render(v, &Fields::All, false, quirks).to_string());
                let mut all = vec![Fields::Keys, Fields::Star, Fields::All];
                all.extend(lists.iter().map(|l| Fields::parse(Some(l), false).unwrap()));
                for fields in &all {
                    for hal in [false, true] {
                        let want = render(v, fields, hal, quirks).to_string();
                        match r.project(v, fields, hal, quirks) {
                            Some(got) => assert_eq!(got, want),
                            None => {
                                assert!(matches!(fields, Fields::List(l) if l == &["volumes.name"]))
                            }
                        }
                    }
                }
            }
        }
    }
}
