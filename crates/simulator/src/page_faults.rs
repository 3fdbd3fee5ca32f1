//! The faults that bend a list page's JSON (`Scope::Page`): a missing or wrong-shaped session
//! list, and a first record with deep nesting, a huge number, bytes that are not UTF-8, a
//! 2 MiB field or control characters. Each vendor says where its page keeps what
//! ([`PageShape`]); the bending itself knows no vendor. What JSON values cannot hold (a
//! number beyond f64, invalid UTF-8, nesting deeper than serde_json writes) is spliced into
//! the serialized text in place of a placeholder.

use serde_json::{json, Value};

use super::faults::FaultKind;

/// Where a vendor's list page keeps its sessions.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageShape {
    /// JSON pointer to the session list in a page ("": the page is the list).
    pub list: &'static str,
    /// Pointer, inside a record, to the user or name string a table shows.
    pub text: &'static str,
    /// Pointer, inside a record, to a number the vendor sends, if it has one to spare.
    pub number: Option<&'static str>,
}

/// Text to splice into the serialized page: each placeholder (a JSON string, quotes included)
/// becomes raw bytes.
#[derive(Debug, Default)]
pub(crate) struct Splices(Vec<(String, Vec<u8>)>);

/// How deep the `deep` fault nests.
pub(crate) const DEPTH: usize = 100_000;
/// The `huge-number` fault's number: beyond u64 and beyond f64's exact integers.
pub(crate) const HUGE: &str = "99999999999999999999999";
/// The `oversized` fault's padding.
pub(crate) const PADDING: usize = 2 * 1024 * 1024;
/// What `control-chars` puts in a session's text: a window-title escape (ESC ] 0 ; … BEL),
/// a carriage return, a clear-screen escape and a right-to-left override.
pub(crate) const CONTROL_TEXT: &str = "eve\u{1b}]0;owned\u{7}\r\u{1b}[2J\u{202e}mallory";

impl Splices {
    /// A placeholder value for `raw`, to be spliced in by [`Splices::apply`].
    fn add(&mut self, raw: Vec<u8>) -> Value {
        let name = format!("@@sim-fault-{}@@", self.0.len());
        self.0.push((format!("\"{name}\""), raw));
        Value::String(name)
    }

    /// The serialized page with every placeholder replaced.
    pub(crate) fn apply(&self, text: String) -> Vec<u8> {
        let mut out = text.into_bytes();
        for (placeholder, raw) in &self.0 {
            if let Some(at) = find(&out, placeholder.as_bytes()) {
                out.splice(at..at + placeholder.len(), raw.iter().copied());
            }
        }
        out
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Bend `page` as `kind` says; the splices finish the job on its text.
pub(crate) fn bend(kind: FaultKind, page: &mut Value, shape: &PageShape) -> Splices {
    let mut splices = Splices::default();
    match kind {
        FaultKind::MissingList => remove(page, shape.list),
        FaultKind::WrongShape => set(page, shape.list, json!("sessions")),
        _ => {
            let Some(record) = page
                .pointer_mut(shape.list)
                .and_then(|l| l.get_mut(0))
                .filter(|r| r.is_object())
            else {
                return splices;
            };
            bend_record(kind, record, shape, &mut splices);
        }
    }
    splices
}

fn bend_record(kind: FaultKind, record: &mut Value, shape: &PageShape, splices: &mut Splices) {
    match kind {
        FaultKind::Deep => {
            let mut nested = "[".repeat(DEPTH).into_bytes();
            nested.extend(std::iter::repeat_n(b']', DEPTH));
            record["sim_nested"] = splices.add(nested);
        }
        FaultKind::HugeNumber => {
            if let Some(n) = shape.number.and_then(|p| record.pointer_mut(p)) {
                *n = splices.add(HUGE.as_bytes().to_vec());
            }
            record["sim_counter"] = splices.add(HUGE.as_bytes().to_vec());
        }
        FaultKind::BadUtf8 => {
            if let Some(t) = record.pointer_mut(shape.text) {
                *t = splices.add(b"\"eve\xff\xfemallory\"".to_vec());
            }
        }
        FaultKind::Oversized => record["sim_padding"] = json!("x".repeat(PADDING)),
        FaultKind::ControlChars => {
            if let Some(t) = record.pointer_mut(shape.text) {
                *t = json!(CONTROL_TEXT);
            }
        }
        _ => {}
    }
}

/// Drop what `pointer` names ("" is the page itself, which becomes null).
fn remove(page: &mut Value, pointer: &str) {
    match pointer.rsplit_once('/') {
        Some((parent, key)) => {
            if let Some(Value::Object(o)) = page.pointer_mut(parent) {
                o.shift_remove(key);
            }
        }
        None => *page = Value::Null,
    }
}

fn set(page: &mut Value, pointer: &str, value: Value) {
    if let Some(v) = page.pointer_mut(pointer) {
        *v = value;
    }
}

/// An HTTP page body bent as `kind` says; `None` when it is not a JSON page.
pub(crate) fn bend_body(kind: FaultKind, body: &[u8], shape: &PageShape) -> Option<Vec<u8>> {
    let mut page: Value = serde_json::from_slice(body).ok()?;
    let splices = bend(kind, &mut page, shape);
    Some(splices.apply(page.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPE: PageShape = PageShape {
        list: "/items",
        text: "/user/name",
        number: Some("/n"),
    };

    fn bent(kind: FaultKind) -> Vec<u8> {
        let page = json!({"items": [{"user": {"name": "bob"}, "n": 1}], "next": null});
        bend_body(kind, page.to_string().as_bytes(), &SHAPE).unwrap()
    }

    #[test]
    fn pages_lose_or_bend_their_list() {
        assert_eq!(bent(FaultKind::MissingList), br#"{"next":null}"#);
        assert_eq!(
            bent(FaultKind::WrongShape),
            br#"{"items":"sessions","next":null}"#
        );
        let mut whole = json!([{"a": 1}]);
        bend(
            FaultKind::MissingList,
            &mut whole,
            &PageShape { list: "", ..SHAPE },
        );
        assert_eq!(whole, Value::Null);
    }

    #[test]
    fn records_get_what_json_values_cannot_hold() {
        let huge = String::from_utf8(bent(FaultKind::HugeNumber)).unwrap();
        assert!(huge.contains(&format!("\"n\":{HUGE},")), "{huge}");
        assert!(
            huge.contains(&format!("\"sim_counter\":{HUGE}}}")),
            "{huge}"
        );
        let bad = bent(FaultKind::BadUtf8);
        assert!(String::from_utf8(bad.clone()).is_err());
        assert!(find(&bad, b"\"name\":\"eve\xff\xfemallory\"").is_some());
        let deep = bent(FaultKind::Deep);
        assert!(deep.len() > 2 * DEPTH);
        assert!(find(&deep, &b"[".repeat(DEPTH)).is_some());
        let ctl = String::from_utf8(bent(FaultKind::ControlChars)).unwrap();
        assert!(
            ctl.contains("eve\\u001b]0;owned\\u0007\\r\\u001b[2J\u{202e}mallory"),
            "{ctl}"
        );
        assert!(bent(FaultKind::Oversized).len() > PADDING);
    }
}
