//! The cluster's sessions in sequence order (the paging cursor is a sequence number), each
//! with its JSON rendered once so that big listings are cheap to serve, and found by location
//! so that closing 100,000 of them in batches stays cheap too.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde_json::Value;

#[derive(Default)]
pub(super) struct Store {
    by_seq: BTreeMap<u64, (Value, Arc<str>)>,
    by_location: HashMap<String, u64>,
}

impl Store {
    pub(super) fn len(&self) -> usize {
        self.by_seq.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.by_seq.is_empty()
    }

    /// The sequence number the next session gets.
    pub(super) fn next_seq(&self) -> u64 {
        self.by_seq.keys().next_back().map_or(0, |n| n + 1)
    }

    pub(super) fn push(&mut self, seq: u64, v: Value) {
        let text: Arc<str> = v.to_string().into();
        if let Some(loc) = v["location"].as_str() {
            self.by_location.insert(loc.to_string(), seq);
        }
        self.by_seq.insert(seq, (v, text));
    }

    /// The `n`th session's sequence number, in order.
    pub(super) fn nth_seq(&self, n: usize) -> Option<u64> {
        self.by_seq.keys().nth(n).copied()
    }

    /// The sessions from sequence number `seq` on, in order.
    pub(super) fn from(&self, seq: u64) -> impl Iterator<Item = (u64, &Value, &Arc<str>)> {
        self.by_seq.range(seq..).map(|(s, (v, t))| (*s, v, t))
    }

    /// Remove the session at `location`; false when there is none.
    pub(super) fn close(&mut self, location: &str) -> bool {
        match self.by_location.remove(location) {
            Some(seq) => self.by_seq.remove(&seq).is_some(),
            None => false,
        }
    }

    /// Remove the `n`th session, in order; its location.
    pub(super) fn remove_nth(&mut self, n: usize) -> Option<String> {
        let seq = self.nth_seq(n)?;
        let (v, _) = self.by_seq.remove(&seq)?;
        let loc = v["location"].as_str()?.to_string();
        self.by_location.remove(&loc);
        Some(loc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sessions_close_by_location_and_stay_in_order() {
        let mut s = Store::default();
        for i in 0..5u64 {
            s.push(i, json!({ "location": format!("smb:1:{i}") }));
        }
        assert!(s.close("smb:1:2"));
        assert!(!s.close("smb:1:2"), "a second close finds nothing");
        assert_eq!(s.from(1).map(|(n, _, _)| n).collect::<Vec<_>>(), [1, 3, 4]);
        assert_eq!(s.remove_nth(0).as_deref(), Some("smb:1:0"));
        assert!(!s.close("smb:1:0"));
        assert_eq!((s.len(), s.next_seq()), (3, 5));
    }
}
