//! Changes to the user's config file that keep it as the user wrote it: comments, order and
//! layout (toml_edit), file mode, and an atomic replace (temporary file, then rename), so a
//! crash or a concurrent reader never sees half a file.

use std::path::Path;

use crate::atomic_file::Mode;
use crate::error::{Error, Result};

/// What [`pin`] changed besides the fingerprint.
#[derive(Debug, Default)]
pub(crate) struct PinEdit {
    /// The profile said `insecure = true`, which would have overridden the pin: it is gone.
    pub removed_insecure: bool,
}

/// Set `tls_fingerprint` in `[profiles.NAME]` of the config at `path`.
pub(crate) fn pin(path: &Path, profile: &str, fingerprint: &str) -> Result<PinEdit> {
    let fail = |what: String| Error::usage(format!("config {}: {what}", path.display()));
    let text = std::fs::read_to_string(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| fail(e.message().to_string()))?;
    let table = doc
        .get_mut("profiles")
        .and_then(|p| p.as_table_like_mut())
        .and_then(|p| p.get_mut(profile))
        .and_then(|t| t.as_table_like_mut())
        .ok_or_else(|| {
            fail(format!(
                "no [profiles.{profile}] table to write the pin into"
            ))
        })?;
    table.insert("tls_fingerprint", toml_edit::value(fingerprint));
    let removed_insecure = table.remove("insecure").is_some();
    // The config exists: it keeps its own mode and owner.
    crate::atomic_file::replace(path, doc.to_string().as_bytes(), Mode::New(0o600))
        .map_err(|e| fail(format!("cannot write: {e}")))?;
    Ok(PinEdit { removed_insecure })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pin_keeps_comments_order_and_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let text = "# my appliances\ndefault_profile = \"nas\"\n\n[profiles.nas] # the NAS\nbackend = \"auth\"\nurl = \"https://nas\"\ninsecure = true\n\n[profiles.q]\nbackend = \"smb\"\n";
        std::fs::write(&path, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        let edit = pin(&path, "nas", "AB:CD").unwrap();
        assert!(edit.removed_insecure);
        let out = std::fs::read_to_string(&path).unwrap();
        assert!(out.starts_with("# my appliances\n"), "{out}");
        assert!(out.contains("[profiles.nas] # the NAS\n"), "{out}");
        assert!(out.contains("tls_fingerprint = \"AB:CD\""), "{out}");
        assert!(!out.contains("insecure"), "{out}");
        assert!(out.find("[profiles.nas]") < out.find("[profiles.q]"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        assert!(pin(&path, "missing", "AB").is_err());
    }
}
