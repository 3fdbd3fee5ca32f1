//! The sessions a simulated Qumulo cluster serves: AD, local, POSIX and guest users, in
//! quirks mode with numbers sent as strings and a domain older clients do not know.

use serde_json::{json, Value};

use crate::rng::Rng;

const AD_USERS: [&str; 12] = [
    "alice",
    "bob",
    "carol",
    "dave",
    "erin",
    "frank",
    "grace",
    "heidi",
    "ivan",
    "judy",
    "mallory",
    "svc_backup",
];
const LOCAL_USERS: [&str; 3] = ["admin", "scanner", "kiosk"];
const POSIX_USERS: [(&str, u32); 3] = [("build", 1001), ("render", 1002), ("www-data", 33)];
const SHARES: [&str; 7] = [
    "Files",
    "Home",
    "Media",
    "Engineering",
    "Finance",
    "Scratch",
    "IPC$",
];
const SERVERS: [&str; 4] = ["10.0.0.5", "10.0.0.6", "10.0.0.7", "10.0.0.8"];
/// The `i`th session; `guest`: a guest's, whatever the draw.
pub(super) fn make_session(rng: &mut Rng, i: u64, quirks: bool, guest: bool) -> Value {
    let kind = if guest { 90 } else { rng.below(100) };
    let (user, guest) = if kind < 55 {
        let name = rng.pick(&AD_USERS);
        let rid = 1100 + AD_USERS.iter().position(|u| u == name).unwrap_or(0) as u64;
        (
            json!({"domain": "ACTIVE_DIRECTORY", "auth_id": (8_589_934_592u64 + rid).to_string(), "uid": null, "gid": null,
                   "sid": format!("S-1-5-21-2061758343-3414238281-1612142345-{rid}"), "name": format!("CORP\\{name}")}),
            false,
        )
    } else if kind < 70 {
        let name = rng.pick(&LOCAL_USERS);
        let n = 500 + LOCAL_USERS.iter().position(|u| u == name).unwrap_or(0) as u64;
        (
            json!({"domain": "LOCAL", "auth_id": n.to_string(), "uid": null, "gid": null,
                   "sid": format!("S-1-5-21-1-2-3-{n}"), "name": name}),
            false,
        )
    } else if kind < 85 {
        let (name, uid) = *rng.pick(&POSIX_USERS);
        (
            json!({"domain": "POSIX_USER", "auth_id": (3_221_225_472u64 + uid as u64).to_string(), "uid": uid, "gid": 100,
                   "sid": format!("S-1-22-1-{uid}"), "name": name}),
            false,
        )
    } else if kind < 95 || !quirks {
        (
            json!({"domain": "WORLD", "auth_id": "8192", "uid": null, "gid": null, "sid": "S-1-1-0", "name": "Everyone"}),
            true,
        )
    } else {
        // A domain newer clusters send that older clients do not know.
        (
            json!({"domain": "API_QUMULO_SUPPORT_DOMAIN", "auth_id": "17179869184", "uid": null, "gid": null, "sid": "", "name": "support"}),
            false,
        )
    };
    let originator = if rng.chance(15) {
        format!("fd00:10::{:x}", 0x100 + rng.below(0xeff))
    } else {
        format!(
            "10.{}.{}.{}",
            1 + rng.below(3),
            rng.below(255),
            1 + rng.below(253)
        )
    };
    let open_secs = rng.spread_secs(40 * 86_400);
    let idle_secs = rng.below(open_secs + 1);
    let mut shares: Vec<&str> = (0..1 + rng.below(3)).map(|_| *rng.pick(&SHARES)).collect();
    shares.sort_unstable();
    shares.dedup();
    let num_opens = if guest { rng.below(3) } else { rng.below(60) };
    let ns = |s: u64| (s as u128 * 1_000_000_000 + rng_nanos(i)).to_string();
    let mut v = json!({
        "location": format!("smb:{}:{:08x}", 1 + i % 4, 0x1000_0000u64 + i * 7919 % 0x0fff_ffff),
        "tenant_id": if i % 10 == 9 { 2 } else { 1 },
        "originator": originator,
        "server_address": rng.pick(&SERVERS),
        "user": user,
        "num_opens": num_opens,
        "time_open": {"nanoseconds": ns(open_secs)},
        "time_idle": {"nanoseconds": ns(idle_secs)},
        "is_guest": guest,
        "is_encrypted": !guest && rng.chance(60),
        "share_names": shares,
    });
    if quirks {
        // Numbers as strings, as some cluster versions send them.
        v["num_opens"] = Value::String(num_opens.to_string());
        v["tenant_id"] = Value::String(v["tenant_id"].to_string());
    }
    v
}

fn rng_nanos(i: u64) -> u128 {
    (i as u128 * 7_654_321) % 1_000_000_000
}
