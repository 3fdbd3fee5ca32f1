//! An Opal organisation: resources of several types, users, and their sessions, expiring
//! from just now (a few already past) to days ahead.

use serde_json::{json, Value};

use crate::options::SimOptions;
use crate::rng::Rng;

const TYPES: [(&str, &str); 7] = [
    ("AWS_IAM_ROLE", "role"),
    ("AWS_RDS_POSTGRES_INSTANCE", "db"),
    ("GCP_PROJECT", "project"),
    ("OKTA_APP", "app"),
    ("AWS_EKS_CLUSTER", "cluster"),
    ("GIT_HUB_REPO", "repo"),
    ("CUSTOM", "ssh"),
];
const FIRST: [&str; 12] = [
    "Ada", "Grace", "Alan", "Barbara", "Ken", "Radia", "Linus", "Margaret", "Dennis", "Frances",
    "Edsger", "Hedy",
];
const LAST: [&str; 10] = [
    "Lovelace", "Hopper", "Turing", "Liskov", "Thompson", "Perlman", "Torvalds", "Hamilton",
    "Ritchie", "Allen",
];

/// What the organisation holds.
pub(super) struct Org {
    pub resources: Vec<Value>,
    pub users: Vec<Value>,
    pub sessions: Vec<Value>,
}

pub(super) fn make(rng: &mut Rng, opts: &SimOptions) -> Org {
    let app_id = rng.uuid('8');
    let owner = rng.uuid('8');
    let resources: Vec<Value> = (0..opts.vendors.opal.opal_resources as usize)
            .map(|i| {
                let (kind, noun) = TYPES[i % TYPES.len()];
                let env = ["prod", "staging", "dev"][(i / TYPES.len()) % 3];
                let name = format!("{env}-{noun}-{}", i + 1);
                json!({
                    "resource_id": rng.uuid('8'), "app_id": app_id, "name": name,
                    "description": format!("{kind} {name}"), "admin_owner_id": owner,
                    "remote_resource_id": format!("remote-{}", rng.hex(10)), "remote_resource_name": name,
                    "resource_type": kind, "max_duration": 480, "recommended_duration": 60,
                    "require_manager_approval": i % 3 == 0, "require_support_ticket": false,
                    "require_mfa_to_approve": false, "require_mfa_to_connect": i % 4 == 0, "is_requestable": true,
                })
            })
            .collect();
    let n_users = (opts.sessions / 4).clamp(5, 300);
    let users: Vec<Value> = (0..n_users)
        .map(|i| {
            let (first, last) = (
                FIRST[i % FIRST.len()],
                LAST[(i / FIRST.len() + i) % LAST.len()],
            );
            let email = format!(
                "{}.{}{}@example.com",
                first.to_lowercase(),
                last.to_lowercase(),
                if i >= FIRST.len() {
                    (i / FIRST.len()).to_string()
                } else {
                    String::new()
                }
            );
            let position = ["Engineer", "SRE", "Analyst", "Manager"][i % 4];
            json!({"user_id": rng.uuid('8'), "email": email, "full_name": format!("{first} {last}"),
                       "first_name": first, "last_name": last, "position": position})
        })
        .collect();
    let sessions: Vec<Value> = (0..opts.sessions)
        .map(|i| {
            let resource = &resources[i % resources.len()];
            let user = &users[rng.below(users.len() as u64) as usize];
            session(rng, resource, user)
        })
        .collect();
    Org {
        resources,
        users,
        sessions,
    }
}

/// One session of `user` on `resource`, expiring minutes to days from now (a few just
/// expired: clocks differ).
pub(super) fn session(rng: &mut Rng, resource: &Value, user: &Value) -> Value {
    let now = time::OffsetDateTime::now_utc();
    let secs = if rng.chance(3) {
        -(60 + rng.below(600) as i64)
    } else {
        120 + rng.spread_secs(5 * 86_400) as i64
    };
    let exp = now + time::Duration::seconds(secs);
    let level = if rng.chance(30) {
        json!({"access_level_name": "", "access_level_remote_id": ""})
    } else {
        match resource["resource_type"].as_str() {
            Some("AWS_IAM_ROLE") => {
                json!({"access_level_name": "AdminRole", "access_level_remote_id": "arn:aws:iam::590304332660:role/AdministratorAccess"})
            }
            Some("AWS_RDS_POSTGRES_INSTANCE") => {
                json!({"access_level_name": "read-only", "access_level_remote_id": "pg_read_all_data"})
            }
            _ => json!({"access_level_name": "Member", "access_level_remote_id": "member"}),
        }
    };
    json!({
        "connection_id": rng.uuid('8'),
        "user_id": user["user_id"],
        "resource_id": resource["resource_id"],
        "access_level": level,
        "expiration_date": exp.format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
    })
}
