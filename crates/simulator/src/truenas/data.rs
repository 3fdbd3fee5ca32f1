//! The sessions a simulated TrueNAS has seen since boot, and the quirks of some versions.

use serde_json::{json, Value};

use super::state::ADMIN;
use crate::rng::Rng;
use crate::truenas::flags::TrueNasVersion;

/// Sessions since boot: root on the UNIX socket, the HA peer, web logins, API keys, tokens,
/// with IPv4 and IPv6 origins; oldest first.
pub(super) fn make_sessions(rng: &mut Rng, n: usize, quirks: bool) -> Vec<Value> {
    const USERS: [&str; 4] = [ADMIN, "alice", "bob", "backup"];
    const KEYS: [(u64, &str); 3] = [(3, "sessions-cli"), (7, "grafana"), (9, "ansible")];
    let base_ms: i64 = 1_761_300_000_000;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let created = base_ms + (i as i64) * 37_000 + rng.below(30_000) as i64;
        let port = 30_000 + rng.below(30_000);
        let v4 = format!("192.168.{}.{}:{port}", 1 + rng.below(3), 2 + rng.below(250));
        let v6 = format!("[fd00:1::{:x}]:{port}", 0x10 + rng.below(0xfff));
        let ip = if rng.chance(25) { v6 } else { v4 };
        let user = *rng.pick(&USERS);
        let login = |u: &str| json!({"username": u, "login_id": format!("{:08x}", created), "login_at": {"$date": created}});
        let (internal, origin, credentials, data): (bool, String, &str, Value) = match (
            i,
            rng.below(100),
        ) {
            (0 | 1, _) => (
                true,
                format!("UNIX socket (pid={} uid=0 gid=0)", 2_459_000 + i),
                "UNIX_SOCKET",
                json!({"username": "root"}),
            ),
            (2, _) => (
                true,
                "169.254.10.2:41234".to_string(),
                if quirks {
                    "TRUE_NAS_NODE"
                } else {
                    "TRUENAS_NODE"
                },
                json!({}),
            ),
            (_, 0..=34) => (false, ip, "LOGIN_PASSWORD", login(user)),
            (_, 35..=59) => {
                let (id, name) = *rng.pick(&KEYS);
                let mut d = login(ADMIN);
                d["api_key"] = json!({"id": id, "name": name});
                (false, ip, "API_KEY", d)
            }
            (_, 60..=79) => (
                false,
                ip,
                "TOKEN",
                json!({"parent": {"credentials": "LOGIN_PASSWORD", "credentials_data": login(user)}, "username": user}),
            ),
            (_, 80..=89) => (false, ip, "LOGIN_TWOFACTOR", login(user)),
            (_, 90..=94) if quirks => (false, ip, "ROOT_TCP_SOCKET", json!({"username": "root"})),
            (_, _) => (
                true,
                format!("UNIX socket (pid={} uid=0 gid=0)", 3_100_000 + i),
                "UNIX_SOCKET",
                json!({"username": "root"}),
            ),
        };
        let secure = internal || rng.chance(90);
        out.push(json!({
            "id": rng.uuid('a'), "internal": internal, "origin": origin, "credentials": credentials,
            "credentials_data": data, "created_at": {"$date": created}, "secure_transport": secure,
        }));
    }
    out
}

/// A session as a release serves it: `secure_transport` only since 25.04, `login_id` only
/// since 25.10 (plugins/auth.py, api/v25_10_0/auth.py).
pub(super) fn as_served_by(mut s: Value, version: TrueNasVersion) -> Value {
    if version < TrueNasVersion::Scale25_04 {
        if let Value::Object(o) = &mut s {
            o.remove("secure_transport");
        }
    }
    if version < TrueNasVersion::Scale25_10 {
        let data = &mut s["credentials_data"];
        if let Some(Value::Object(p)) = data
            .get_mut("parent")
            .and_then(|p| p.get_mut("credentials_data"))
        {
            p.remove("login_id");
        }
        if let Value::Object(o) = data {
            o.remove("login_id");
        }
    }
    s
}

/// In quirks mode some versions' `created_at` is an ISO string rather than `{"$date": ms}`.
pub(super) fn quirk(mut r: Value) -> Value {
    let odd = r["id"]
        .as_str()
        .is_some_and(|id| id.ends_with(['0', '2', '4', '6', '8']));
    if odd {
        if let Some(ms) = r["created_at"].get("$date").and_then(Value::as_i64) {
            r["created_at"] = json!(rfc3339_utc(ms));
        }
    }
    r
}

/// Epoch milliseconds as RFC 3339 in UTC to the second, as the middleware writes them:
/// `2025-10-24T10:02:38+00:00`. The simulator's own, not the client's.
fn rfc3339_utc(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}+00:00",
        rem / 3_600,
        rem / 60 % 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_as_the_middleware_writes_it() {
        for (ms, want) in [
            (0, "1970-01-01T00:00:00+00:00"),
            (951_782_400_000, "2000-02-29T00:00:00+00:00"),
            (1_761_300_158_999, "2025-10-24T10:02:38+00:00"),
            (1_761_300_190_000, "2025-10-24T10:03:10+00:00"),
            (1_767_225_599_000, "2025-12-31T23:59:59+00:00"),
            (4_107_542_400_000, "2100-03-01T00:00:00+00:00"),
        ] {
            assert_eq!(rfc3339_utc(ms), want, "{ms}");
        }
    }
}
