//! Basic authentication against the web config's bcrypt hashes. A bcrypt check costs tens of
//! milliseconds by design: it runs off the serving thread, and its verdict is kept for the same
//! user, hash and password (as exporter-toolkit keeps it), so a scrape a minute costs one.

use std::cell::RefCell;
use std::collections::HashMap;

use base64::Engine as _;
use hyper::header::HeaderValue;
use sha2::{Digest, Sha256};

use super::web::Web;

/// Verdicts kept at most; past this the cache starts again.
const KEPT: usize = 1024;

#[derive(Default)]
pub(super) struct Auth {
    verdicts: RefCell<HashMap<[u8; 32], bool>>,
}

impl Auth {
    /// Whether `authorization` lets the request in: always when the config has no users.
    pub(super) async fn allows(&self, web: &Web, authorization: Option<&HeaderValue>) -> bool {
        let Some((_, first_hash)) = web.users.first() else {
            return true;
        };
        let Some((user, password)) = authorization.and_then(basic) else {
            return false;
        };
        // An unknown user costs a bcrypt check too, so that timing does not tell users apart.
        let (known, hash) = match web.users.iter().find(|(u, _)| *u == user) {
            Some((_, hash)) => (true, hash.clone()),
            None => (false, first_hash.clone()),
        };
        let mut key = Sha256::new();
        for part in [user.as_bytes(), hash.as_bytes(), password.as_bytes()] {
            key.update(part);
            key.update([0]);
        }
        let key: [u8; 32] = key.finalize().into();
        if let Some(verdict) = self.verdicts.borrow().get(&key) {
            return *verdict && known;
        }
        let verdict = tokio::task::spawn_blocking(move || bcrypt::verify(password, &hash))
            .await
            .is_ok_and(|v| v.unwrap_or(false));
        let mut verdicts = self.verdicts.borrow_mut();
        if verdicts.len() >= KEPT {
            verdicts.clear();
        }
        verdicts.insert(key, verdict);
        verdict && known
    }
}

/// The user and password of a `Basic` authorization.
fn basic(value: &HeaderValue) -> Option<(String, String)> {
    let text = value.to_str().ok()?;
    let (scheme, encoded) = text.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (user, password) = text.split_once(':')?;
    Some((user.to_string(), password.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn only_the_right_password_passes() {
        let hash = bcrypt::hash("s3cret", 4).unwrap();
        let web = Web {
            users: vec![("alice".into(), hash)],
            ..Web::default()
        };
        let auth = Auth::default();
        let header = |u: &str, p: &str| {
            let b64 = base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"));
            HeaderValue::from_str(&format!("Basic {b64}")).unwrap()
        };
        assert!(auth.allows(&web, Some(&header("alice", "s3cret"))).await);
        assert!(
            auth.allows(&web, Some(&header("alice", "s3cret"))).await,
            "cached"
        );
        assert!(!auth.allows(&web, Some(&header("alice", "wrong"))).await);
        assert!(!auth.allows(&web, Some(&header("bob", "s3cret"))).await);
        assert!(!auth.allows(&web, None).await);
        assert!(
            !auth
                .allows(&web, Some(&HeaderValue::from_static("Bearer x")))
                .await
        );
        assert!(Auth::default().allows(&Web::default(), None).await);
    }
}
