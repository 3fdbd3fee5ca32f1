//! The cluster a simulated OneFS serves: its nodes (each with a device id and a logical node
//! number) and the SMB sessions on each, with the nine fields every session has
//! (docs/vendors/onefs.md, "Sessions").

use serde_json::{json, Value};

use crate::rng::Rng;

/// One node: `id` is its device id, which differs from its `lnn` once nodes were replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Node {
    pub id: u32,
    pub lnn: u32,
}

/// One SMB session, on the node `lnn`. `id` is numbered by that node.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Session {
    pub lnn: u32,
    pub id: u32,
    pub computer: String,
    pub user: String,
    pub client_type: &'static str,
    pub active_time: u64,
    pub idle_time: u64,
    pub openfiles: u64,
    pub encryption: bool,
    pub guest_login: bool,
}

const AD_USERS: [&str; 10] = [
    "alice", "bob", "chen", "dmitri", "eva", "farid", "gita", "hiro", "ines", "svc_sync",
];
const LOCAL_USERS: [&str; 2] = ["admin", "scanner"];
/// The account OneFS maps SMB guests to.
const GUEST: &str = "nobody";
/// The SMB dialect a client negotiated; what OneFS puts in `client_type` is unconfirmed.
const DIALECTS: [&str; 4] = ["SMB 2.1", "SMB 3.0", "SMB 3.02", "SMB 3.1.1"];

impl Session {
    /// The session as the API sends it: the nine fields, all present.
    pub(super) fn json(&self) -> Value {
        json!({
            "active_time": self.active_time,
            "client_type": self.client_type,
            "computer": self.computer,
            "encryption": self.encryption,
            "guest_login": self.guest_login,
            "id": self.id,
            "idle_time": self.idle_time,
            "openfiles": self.openfiles,
            "user": self.user,
        })
    }

    /// The session's key as the client's `key` column shows it: `LNN/ID`.
    pub(super) fn key(&self) -> String {
        format!("{}/{}", self.lnn, self.id)
    }
}

/// `count` nodes, LNN 1 to `count`; device ids run ahead of LNNs from the third node on, as
/// after a node replacement.
pub(super) fn nodes(count: u32) -> Vec<Node> {
    (1..=count)
        .map(|lnn| Node {
            id: if lnn < 3 { lnn } else { lnn + 1 },
            lnn,
        })
        .collect()
}

/// `count` sessions spread over `nodes`, sorted by node and id, and the id each node gives out
/// next. Some clients hold more than one session with the same user, on one node or on two.
pub(super) fn make_sessions(
    rng: &mut Rng,
    count: usize,
    nodes: &[Node],
) -> (Vec<Session>, Vec<u32>) {
    let mut next_ids: Vec<u32> = nodes.iter().map(|_| 1 + rng.below(40) as u32).collect();
    let mut out: Vec<Session> = Vec::with_capacity(count);
    for _ in 0..count {
        let at = rng.below(nodes.len() as u64) as usize;
        let id = take_id(&mut next_ids[at], rng);
        let mut s = make_session(rng, nodes[at].lnn, id);
        if let Some(prev) = out.last().filter(|_| rng.chance(12)) {
            s.computer = prev.computer.clone();
            s.user = prev.user.clone();
            s.guest_login = prev.guest_login;
            s.encryption &= !s.guest_login;
        }
        out.push(s);
    }
    out.sort_by_key(|s| (s.lnn, s.id));
    (out, next_ids)
}

/// The next session id a node gives out, leaving gaps as sessions come and go.
pub(super) fn take_id(next: &mut u32, rng: &mut Rng) -> u32 {
    let id = *next;
    *next = next
        .saturating_add(1 + rng.below(3) as u32)
        .min(i32::MAX as u32);
    id
}

pub(super) fn make_session(rng: &mut Rng, lnn: u32, id: u32) -> Session {
    let kind = rng.below(100);
    let (user, guest) = if kind < 70 {
        (format!("CORP\\{}", rng.pick(&AD_USERS)), false)
    } else if kind < 88 {
        (rng.pick(&LOCAL_USERS).to_string(), false)
    } else {
        (GUEST.to_string(), true)
    };
    let computer = if rng.chance(15) {
        format!("fd00:20::{:x}", 0x100 + rng.below(0xeff))
    } else {
        format!("10.20.{}.{}", 30 + rng.below(8), 1 + rng.below(253))
    };
    let client_type = *rng.pick(&DIALECTS);
    let active_time = rng.spread_secs(30 * 86_400);
    let idle_time = rng.below(active_time + 1);
    Session {
        lnn,
        id,
        computer,
        user,
        client_type,
        active_time,
        idle_time,
        openfiles: if guest { rng.below(3) } else { rng.below(80) },
        // SMB 3 encrypts; guests cannot.
        encryption: !guest && client_type.starts_with("SMB 3") && rng.chance(55),
        guest_login: guest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_present_and_in_range() {
        let nodes = nodes(4);
        assert_eq!(nodes[3], Node { id: 5, lnn: 4 });
        let (all, next) = make_sessions(&mut Rng::new(3), 500, &nodes);
        assert_eq!(next.len(), 4);
        for s in &all {
            let v = s.json();
            assert_eq!(v.as_object().unwrap().len(), 9);
            assert!(v.as_object().unwrap().values().all(|f| !f.is_null()));
            assert!(s.id <= i32::MAX as u32 && s.idle_time <= s.active_time);
            assert!(s.active_time <= i32::MAX as u64 && s.computer.len() <= 255);
            assert!((1..=4).contains(&s.lnn));
            assert!(!(s.guest_login && s.encryption));
        }
        let mut keys: Vec<String> = all.iter().map(Session::key).collect();
        keys.dedup();
        assert_eq!(
            keys.len(),
            all.len(),
            "sorted by node and id, each key once"
        );
        // Ids are a node's own: some id is on two nodes.
        let mut ids: Vec<u32> = all.iter().map(|s| s.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert!(ids.len() < all.len());
    }
}
