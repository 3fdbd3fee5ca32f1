//! Replacing a file all at once: write beside it, then rename over it. A reader (node_exporter's
//! textfile collector, a cron job's consumer) sees the old file or the new one, never half of
//! one, and a failed run leaves the old file as it was.

use std::fs::{File, Permissions};
use std::io;
use std::path::{Path, PathBuf};

/// A file being written in place of `dest`; nothing changes at `dest` until [`commit`].
///
/// [`commit`]: AtomicFile::commit
pub(crate) struct AtomicFile {
    tmp: tempfile::NamedTempFile,
    dest: PathBuf,
    /// The mode of the file it replaces, kept; a new file gets 0666 less the umask.
    keep: Option<Permissions>,
}

impl AtomicFile {
    /// Start replacing `dest`. A symlink is followed, so the link stays a link.
    pub(crate) fn create(dest: &Path) -> io::Result<AtomicFile> {
        let dest = std::fs::canonicalize(dest).unwrap_or_else(|_| dest.to_path_buf());
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let keep = std::fs::metadata(&dest).ok().map(|m| m.permissions());
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let prefix = format!(".{name}.");
        // `make_in` hands back our own open's error as it is: `tempfile_in` would wrap it in
        // text naming the temporary path, which the user never named.
        let tmp = tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(".tmp")
            .make_in(dir, |path| {
                let mut options = std::fs::OpenOptions::new();
                options.read(true).write(true).create_new(true);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::OpenOptionsExt;
                    options.mode(0o666);
                }
                options.open(path)
            })?;
        Ok(AtomicFile { tmp, dest, keep })
    }

    /// The temporary file, to write to.
    pub(crate) fn file(&self) -> &File {
        self.tmp.as_file()
    }

    /// Where the bytes are until the commit (removed if the run is interrupted).
    pub(crate) fn temp_path(&self) -> &Path {
        self.tmp.path()
    }

    pub(crate) fn dest(&self) -> &Path {
        &self.dest
    }

    /// Make the new content durable, then put it in place of `dest`.
    pub(crate) fn commit(self) -> io::Result<()> {
        if let Some(perms) = self.keep {
            self.tmp.as_file().set_permissions(perms)?;
        }
        self.tmp.as_file().sync_all()?;
        self.tmp.persist(&self.dest).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Replace `path` with `bytes` in one step.
pub(crate) fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let file = AtomicFile::create(path)?;
    io::Write::write_all(&mut file.file(), bytes)?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn nothing_changes_until_commit_and_the_mode_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("out.json");
        std::fs::write(&dest, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&dest, Permissions::from_mode(0o640)).unwrap();
        }
        let f = AtomicFile::create(&dest).unwrap();
        f.file().write_all(b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "old");
        let tmp = f.temp_path().to_path_buf();
        drop(f);
        assert!(!tmp.exists(), "an abandoned file is removed");
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "old");

        replace(&dest, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&dest).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
