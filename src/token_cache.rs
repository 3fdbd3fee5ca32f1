//! Login tokens cached in the user's cache dir, so that a cron job every minute does not log
//! in every minute. One file per (URL, user), mode 0600 in a 0700 directory, written
//! atomically (temp file + rename) so concurrent runs never read half a file.

use std::io::Write;
use std::path::PathBuf;

use sha2::{Digest, Sha256};

fn dir() -> Option<PathBuf> {
    Some(dirs::cache_dir()?.join("sessions").join("tokens"))
}

fn file(url: &str, user: &str) -> Option<PathBuf> {
    let key = Sha256::digest(format!("{url}\n{user}").as_bytes());
    let name: String = key.iter().take(16).map(|b| format!("{b:02x}")).collect();
    Some(dir()?.join(format!("{name}.json")))
}

/// The cached token for this URL and user, if any.
pub fn load(url: &str, user: &str) -> Option<String> {
    let text = std::fs::read_to_string(file(url, user)?).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v.get("bearer_token")?.as_str().map(str::to_string)
}

/// Cache a token. Failure to cache is not worth failing the run for.
pub fn store(url: &str, user: &str, token: &str) {
    let (Some(dir), Some(path)) = (dir(), file(url, user)) else {
        return;
    };
    let result = (|| -> std::io::Result<()> {
        create_private_dir(&dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
        let body = serde_json::json!({ "bearer_token": token, "url": url, "username": user, "version": 1 });
        tmp.write_all(body.to_string().as_bytes())?;
        tmp.as_file().sync_all()?;
        // NamedTempFile is created 0600 on Unix.
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    })();
    if let Err(e) = result {
        crate::output::warn(&format!(
            "cannot cache the login token in {}: {e}",
            dir.display()
        ));
    }
}

/// Drop a token the server refused.
pub fn forget(url: &str, user: &str) {
    if let Some(path) = file(url, user) {
        let _ = std::fs::remove_file(path);
    }
}

fn create_private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}
