//! `--watch`: the same profiles every INTERVAL, each with one login kept across ticks. What
//! changed since the last tick: sessions that opened, closed, or changed.

use std::collections::HashMap;

use serde_json::{json, Value};

use super::Outcome;
use crate::record::Record;

/// What happened to a session between two ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    Opened,
    Closed,
    Changed,
}

impl Change {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Change::Opened => "opened",
            Change::Closed => "closed",
            Change::Changed => "changed",
        }
    }
}

/// The fields whose change is news; ages, idle times and the raw record move every tick.
const COMPARED: [&str; 6] = [
    "user",
    "client",
    "server",
    "protocol",
    "encrypted",
    "detail",
];

/// The sessions of the last tick, per profile and key.
#[derive(Default)]
pub(crate) struct Tracker {
    seen: HashMap<String, HashMap<String, Record>>,
}

impl Tracker {
    /// Take one tick's outcomes; return the changes, in the profiles' order. A profile that
    /// failed this tick keeps its sessions (nothing is known to have closed).
    pub(crate) fn update(&mut self, outcomes: &[Outcome]) -> Vec<(Change, Record)> {
        let mut changes = Vec::new();
        for o in outcomes.iter().filter(|o| o.error.is_none()) {
            let before = self.seen.remove(&o.profile).unwrap_or_default();
            let mut now: HashMap<String, Record> = HashMap::with_capacity(o.records.len());
            for r in &o.records {
                let key = key_of(r);
                match before.get(&key) {
                    None => changes.push((Change::Opened, r.clone())),
                    Some(old) if COMPARED.iter().any(|f| old.get(*f) != r.get(*f)) => {
                        changes.push((Change::Changed, r.clone()))
                    }
                    Some(_) => {}
                }
                now.insert(key, r.clone());
            }
            let mut closed: Vec<(String, Record)> = before
                .into_iter()
                .filter(|(k, _)| !now.contains_key(k))
                .collect();
            closed.sort_by(|a, b| a.0.cmp(&b.0));
            changes.extend(closed.into_iter().map(|(_, r)| (Change::Closed, r)));
            self.seen.insert(o.profile.clone(), now);
        }
        changes
    }
}

/// A session's identity across ticks: its key, or the whole record when it has none.
fn key_of(r: &Record) -> String {
    match r.get("key") {
        Some(Value::String(k)) => k.clone(),
        _ => serde_json::to_string(r).unwrap_or_default(),
    }
}

/// `{"event":"opened","at":...,"session":{...}}`: one line of the NDJSON event stream.
pub(crate) fn event(change: Change, at: &str, session: &Record) -> Value {
    json!({ "event": change.name(), "at": at, "session": session })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn outcome(keys: &[(&str, &str)]) -> Outcome {
        Outcome {
            profile: "p".into(),
            backend: crate::backends::ALL[0],
            records: keys
                .iter()
                .map(|(k, user)| {
                    json!({"key": k, "user": user, "age_seconds": 1})
                        .as_object()
                        .unwrap()
                        .clone()
                })
                .collect(),
            error: None,
            took: Duration::ZERO,
        }
    }

    #[test]
    fn opened_closed_and_changed() {
        let mut t = Tracker::default();
        let first = t.update(&[outcome(&[("a", "alice"), ("b", "bob")])]);
        assert_eq!(first.len(), 2);
        assert!(first.iter().all(|(c, _)| *c == Change::Opened));
        let next = t.update(&[outcome(&[("b", "bobby"), ("c", "carol")])]);
        let got: Vec<(Change, String)> = next
            .iter()
            .map(|(c, r)| (*c, r["key"].as_str().unwrap().to_string()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Change::Changed, "b".to_string()),
                (Change::Opened, "c".to_string()),
                (Change::Closed, "a".to_string())
            ]
        );
        let mut failed = outcome(&[]);
        failed.error = Some(crate::error::Error::network("down"));
        assert!(
            t.update(&[failed]).is_empty(),
            "a failed tick closes nothing"
        );
    }
}
