//! The files of one simulator run: `NAME.d/` beside the config `NAME.toml`, private to the
//! user, so that simulators writing configs into one folder keep their certificates apart.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::certs::RunCert;
use crate::error::{Error, Result};

/// Where one run's files are.
#[derive(Debug, Clone)]
pub struct RunFiles {
    pub dir: PathBuf,
    /// What a user is given to trust (every profile's `ca_cert`).
    pub ca: PathBuf,
    /// The certificate the server presents.
    pub server: PathBuf,
    pub client_cert: PathBuf,
    pub client_key: PathBuf,
    /// Every credential the run accepts, for scripts and tests (`secrets.json`).
    pub secrets: PathBuf,
    /// A detached run's process id, and its stderr.
    pub pid: PathBuf,
    pub log: PathBuf,
}

impl RunFiles {
    /// The files of the run whose config is `config_path`: `NAME.toml` keeps them in `NAME.d/`.
    /// The paths are absolute, so the config works from any working directory.
    pub fn beside(config_path: &Path) -> Result<RunFiles> {
        let absolute = std::path::absolute(config_path)
            .map_err(|e| Error::other(format!("simulator: {}: {e}", config_path.display())))?;
        let stem = absolute.file_stem().ok_or_else(|| {
            Error::usage(format!(
                "--write-config {}: not a file name",
                config_path.display()
            ))
        })?;
        let mut name = stem.to_os_string();
        name.push(".d");
        let dir = absolute.with_file_name(name);
        Ok(RunFiles {
            ca: dir.join("ca.pem"),
            server: dir.join("server.pem"),
            client_cert: dir.join("client.pem"),
            client_key: dir.join("client.key"),
            secrets: dir.join("secrets.json"),
            pid: dir.join("pid"),
            log: dir.join("simulate.log"),
            dir,
        })
    }

    /// Create the directory (or reuse it) and write the run's certificates into it.
    pub fn write(&self, cert: &RunCert) -> Result<()> {
        create_private_dir(&self.dir)?;
        write_private(&self.ca, cert.trust_pem.as_bytes())?;
        write_private(&self.server, cert.server_pem.as_bytes())?;
        write_private(&self.client_cert, cert.client_pem.as_bytes())?;
        write_private(&self.client_key, cert.client_key_pem.as_bytes())
    }

    /// Write `secrets.json`: each vendor's credentials under its profile name, then the
    /// certificate's fingerprint and the paths of the server and client certificates.
    pub fn write_secrets(
        &self,
        mut secrets: serde_json::Map<String, serde_json::Value>,
        fingerprint: &str,
    ) -> Result<()> {
        let path = |p: &Path| serde_json::Value::from(p.display().to_string());
        secrets.insert("fingerprint".into(), fingerprint.into());
        secrets.insert("server_pem".into(), path(&self.server));
        secrets.insert("client_cert".into(), path(&self.client_cert));
        secrets.insert("client_key".into(), path(&self.client_key));
        let mut text = serde_json::to_string_pretty(&serde_json::Value::Object(secrets))
            .map_err(|e| Error::other(format!("simulator secrets: {e}")))?;
        text.push('\n');
        write_private(&self.secrets, text.as_bytes())
    }
}

pub(crate) fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    match builder.create(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(Error::other(format!(
            "simulator: cannot create {}: {e}",
            dir.display()
        ))),
    }
}

/// Write a file readable only by its owner (mode 0600), atomically.
pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let fail = |e: std::io::Error| {
        Error::other(format!("simulator: cannot write {}: {e}", path.display()))
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_config_gets_its_own_directory() {
        let a = RunFiles::beside(Path::new("/x/a.toml")).unwrap();
        let b = RunFiles::beside(Path::new("/x/b.toml")).unwrap();
        assert_eq!(a.ca, Path::new("/x/a.d/ca.pem"));
        assert_eq!(b.server, Path::new("/x/b.d/server.pem"));
        assert!(RunFiles::beside(Path::new("rel.toml"))
            .unwrap()
            .dir
            .is_absolute());
    }

    #[cfg(unix)]
    #[test]
    fn the_directory_is_private_and_reused() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("sim.d");
        create_private_dir(&dir).unwrap();
        create_private_dir(&dir).unwrap();
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}
