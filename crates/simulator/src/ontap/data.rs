//! The sessions a simulated ONTAP cluster serves: two nodes, four SVMs, u64 identifiers
//! (half above i64::MAX), connections shared by several sessions, and volumes.

use serde_json::{json, Value};

use super::duration::format_iso8601;
use crate::rng::Rng;

const NODES: [(&str, &str); 2] = [
    ("cluster1-01", "85d46998-4e5d-11ea-afb1-0050568ec4e4"),
    ("cluster1-02", "9a1b2c3d-4e5d-11ea-afb1-0050568ec4e5"),
];
const SVMS: [(&str, &str, &str); 4] = [
    (
        "vs0",
        "80e7e4e2-4e60-11ea-afb1-0050568ec4e4",
        "10.140.70.190",
    ),
    (
        "vs1",
        "fc824aa8-4e60-11ea-afb1-0050568ec4e4",
        "10.140.70.197",
    ),
    (
        "vs_fin",
        "1f4e2a9c-4e61-11ea-afb1-0050568ec4e4",
        "10.140.71.10",
    ),
    (
        "vs_eng",
        "2b7c9d11-4e61-11ea-afb1-0050568ec4e4",
        "10.140.71.20",
    ),
];
const VOLUMES: [&str; 6] = ["vol1", "home", "projects", "finance", "scratch", "origin"];
const USERS: [&str; 9] = [
    "CORP\\alice",
    "CORP\\bob",
    "CORP\\carol",
    "CORP\\administrator",
    "CORP\\svc_backup",
    "CORP\\dave",
    "CORP\\erin",
    "CORP\\frank",
    "NBCIFSQA2\\administrator",
];
const PROTOCOLS: [&str; 5] = ["smb2", "smb2_1", "smb3", "smb3_1", "smb3_1"];
const AUTHS: [&str; 4] = ["kerberos", "kerberos", "ntlmv2", "ntlmv1"];

pub(super) fn make_sessions(rng: &mut Rng, n: usize) -> Vec<Value> {
    let mut out = Vec::with_capacity(n);
    let mut conn = 0u64;
    for i in 0..n {
        // Several sessions may share a connection.
        if i == 0 || !rng.chance(20) {
            conn = if rng.chance(50) {
                2_147_483_648 + rng.below(2_147_483_647)
            } else {
                1 + rng.below(2_147_483_647)
            };
        }
        let (node_name, node_uuid) = *rng.pick(&NODES);
        let (svm_name, svm_uuid, lif) = *rng.pick(&SVMS);
        // Identifiers are u64; about half are above i64::MAX.
        let identifier = if rng.chance(50) {
            (1u64 << 63) | rng.next_u64()
        } else {
            rng.next_u64() >> 1
        };
        let anonymous = rng.chance(3);
        let user = if anonymous { "" } else { *rng.pick(&USERS) };
        let connected = rng.spread_secs(60 * 86_400);
        let idle = rng.below(connected + 1);
        let protocol = if rng.chance(2) {
            "smb1"
        } else {
            *rng.pick(&PROTOCOLS)
        };
        let vols: Vec<Value> = (0..rng.below(4))
            .map(|k| {
                let name = VOLUMES[(i + k as usize) % VOLUMES.len()];
                json!({ "name": name, "uuid": format!("{:08x}-4e62-11ea-afb1-0050568ec4e4", 0x954d697fu64 + k * 17 + name.len() as u64) })
            })
            .collect();
        let encryption = if protocol.starts_with("smb3") && rng.chance(60) {
            if rng.chance(10) {
                "partially_encrypted"
            } else {
                "encrypted"
            }
        } else {
            "unencrypted"
        };
        out.push(json!({
            "node": { "name": node_name, "uuid": node_uuid },
            "svm": { "name": svm_name, "uuid": svm_uuid },
            "identifier": identifier,
            "connection_id": conn,
            "authentication": if anonymous { "anonymous" } else { *rng.pick(&AUTHS) },
            "client_ip": format!("10.{}.{}.{}", 74 + rng.below(4), rng.below(255), 1 + rng.below(253)),
            "server_ip": lif,
            "connected_duration": format_iso8601(connected),
            "idle_duration": format_iso8601(idle),
            "connection_count": 1 + rng.below(3),
            "continuous_availability": *rng.pick(&["unavailable", "unavailable", "available", "partial"]),
            "large_mtu": rng.chance(80),
            "mapped_unix_user": if anonymous { "pcuser" } else { *rng.pick(&["root", "pcuser", "nobody"]) },
            "open_files": if rng.chance(30) { 0 } else { rng.below(40) },
            "open_other": rng.below(4),
            "open_shares": 1 + rng.below(3),
            "protocol": protocol,
            "smb_encryption": encryption,
            "smb_signing": rng.chance(50),
            "user": user,
            "volumes": vols,
        }));
    }
    out
}
