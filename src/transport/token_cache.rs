//! Login tokens cached in the user's cache dir, so that a cron job every minute does not log
//! in every minute. One file per (URL, user, SHA-256 of the secret that obtained the token):
//! a changed password misses the cache and logs in, so a wrong one fails at once. The secret
//! itself is never stored. Files are mode 0600 in a 0700 directory, written atomically (temp
//! file + rename) so concurrent runs never read half a file.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sha2::{Digest, Sha256};

use super::Secret;
use crate::atomic_file::Mode;
use crate::transport::Log;

/// Which cache entry a login belongs to.
#[derive(Debug, Clone)]
pub(crate) struct CacheKey {
    url: String,
    user: String,
    name: String,
}

impl CacheKey {
    pub(crate) fn new(url: &str, user: &str, secret: &Secret) -> CacheKey {
        let secret_hash = Sha256::digest(secret.expose().as_bytes());
        let mut h = Sha256::new();
        h.update(url.as_bytes());
        h.update(b"\n");
        h.update(user.as_bytes());
        h.update(b"\n");
        h.update(secret_hash);
        let name = h
            .finalize()
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect();
        CacheKey {
            url: url.to_string(),
            user: user.to_string(),
            name,
        }
    }

    fn file(&self) -> Option<PathBuf> {
        Some(dir()?.join(format!("{}.json", self.name)))
    }
}

/// The largest cache entry read.
const MAX_ENTRY: usize = 64 * 1024;

fn dir() -> Option<PathBuf> {
    Some(dirs::cache_dir()?.join("sessions").join("tokens"))
}

/// A token fit to send: `Bearer <token>` must be a valid header value.
pub(crate) fn is_usable(token: &str) -> bool {
    !token.is_empty() && reqwest::header::HeaderValue::from_str(&format!("Bearer {token}")).is_ok()
}

/// The cached token for this key, if any, usable, and not past the `expires_at` it was stored
/// with.
pub(crate) fn load(key: &CacheKey) -> Option<String> {
    // A directory others may write to could hold anyone's token: `store` tightens it first.
    let dir = dir()?;
    if std::fs::metadata(&dir).ok()?.permissions().mode() & 0o022 != 0 {
        return None;
    }
    // An entry is a line of JSON: anything larger, or not a regular file, is not ours.
    let text = crate::transport::local_file::read(&key.file()?, MAX_ENTRY).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    if !unexpired(&v, now) {
        return None;
    }
    v.get("bearer_token")?
        .as_str()
        .filter(|t| is_usable(t))
        .map(str::to_string)
}

/// Cache a token. Failure to cache is not worth failing the run for.
pub(crate) fn store(key: &CacheKey, token: &str, log: Log) {
    store_until(key, token, None, log)
}

/// Cache a token that the server forgets `lifetime` from now: `load` skips it after that.
pub(crate) fn store_for(key: &CacheKey, token: &str, lifetime: Duration, log: Log) {
    let at = SystemTime::now().checked_add(lifetime);
    let secs = at.and_then(|t| t.duration_since(UNIX_EPOCH).ok());
    store_until(key, token, Some(secs.map_or(0, |d| d.as_secs())), log)
}

/// An entry without `expires_at` lasts until the server refuses it.
fn unexpired(entry: &serde_json::Value, now: u64) -> bool {
    entry
        .get("expires_at")
        .is_none_or(|at| at.as_u64().is_some_and(|at| at > now))
}

fn store_until(key: &CacheKey, token: &str, expires_at: Option<u64>, log: Log) {
    let (Some(dir), Some(path)) = (dir(), key.file()) else {
        return;
    };
    let result = (|| -> std::io::Result<()> {
        if let Some(was) = crate::transport::local_file::private_dir(&dir)? {
            log.warn(&format!(
                "the token cache {} was mode {was:o}; made it 0700",
                dir.display()
            ));
        }
        let mut body = serde_json::json!({ "bearer_token": token, "url": key.url, "username": key.user, "version": 2 });
        if let Some(at) = expires_at {
            body["expires_at"] = at.into();
        }
        crate::atomic_file::replace(&path, body.to_string().as_bytes(), Mode::Private)
    })();
    if let Err(e) = result {
        log.warn(&format!(
            "cannot cache the login token in {}: {e}",
            dir.display()
        ));
    }
}

/// Drop a token the server refused.
pub(crate) fn forget(key: &CacheKey) {
    if let Some(path) = key.file() {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_follows_the_secret_without_holding_it() {
        let a = CacheKey::new("https://q:8000", "admin", &Secret::new("pw1"));
        let b = CacheKey::new("https://q:8000", "admin", &Secret::new("pw2"));
        let a2 = CacheKey::new("https://q:8000", "admin", &Secret::new("pw1"));
        assert_ne!(a.name, b.name);
        assert_eq!(a.name, a2.name);
        assert!(!format!("{a:?}").contains("pw1"));
    }

    #[test]
    fn an_entry_past_its_expiry_is_stale() {
        let at = |v: serde_json::Value| serde_json::json!({ "bearer_token": "t", "expires_at": v });
        assert!(unexpired(&at(1000.into()), 999));
        assert!(!unexpired(&at(1000.into()), 1000));
        assert!(!unexpired(&at("soon".into()), 0));
        assert!(unexpired(
            &serde_json::json!({ "bearer_token": "t" }),
            u64::MAX
        ));
    }

    #[test]
    fn tokens_that_are_not_header_values_are_unusable() {
        assert!(is_usable("eyJhbGciOi.abc"));
        assert!(!is_usable("line\nbreak"));
        assert!(!is_usable(""));
    }
}
