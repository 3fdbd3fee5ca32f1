//! Replacing a file all at once, as a careful daemon does: write beside it, then rename over
//! it. A reader (node_exporter's textfile collector, a cron job's consumer) sees the old file
//! or the new one, never half of one, and a failed run leaves the old file as it was. The one
//! path for every file the program writes: `--output-file`, `sessions trust`'s config, the
//! token cache.
//!
//! - The temporary file is created with its final mode (the old file's, or the caller's for a
//!   new one, less the umask), never wider, and with the old file's owner and group when the
//!   process may give them (as root, or a group it is in).
//! - A symlink at the destination is resolved once and the file it points to replaced; unless
//!   the link sits in a sticky world-writable directory (`/tmp`) and belongs to someone else,
//!   which is refused as the kernel's `fs.protected_symlinks` refuses to follow it.
//! - A directory or a device at the destination is refused before anything is written.
//! - The temporary file is removed if the run is interrupted ([`remove_pending`], on SIGINT,
//!   SIGTERM and SIGHUP).

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary files being written now, removed if the run is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(|p| p.into_inner())
}

/// Remove every temporary file being written: the run is being stopped by a signal.
pub(crate) fn remove_pending() {
    for path in pending().drain(..) {
        let _ = std::fs::remove_file(path);
    }
}

/// A file being written in place of `dest`; nothing changes at `dest` until [`commit`].
///
/// [`commit`]: AtomicFile::commit
pub(crate) struct AtomicFile {
    tmp: tempfile::NamedTempFile,
    dest: PathBuf,
    _pending: Pending,
}

/// A temporary file's place in [`PENDING`], for as long as it is being written.
struct Pending(PathBuf);

impl Pending {
    fn add(path: &Path) -> Pending {
        pending().push(path.to_owned());
        Pending(path.to_owned())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        // Committed or abandoned (NamedTempFile removes an abandoned file itself): no longer
        // a signal's to remove.
        pending().retain(|p| *p != self.0);
    }
}

/// What is at the destination now, if anything.
struct Existing {
    #[cfg(unix)]
    mode: u32,
    #[cfg(unix)]
    owner: (u32, u32),
}

impl AtomicFile {
    /// Start replacing `dest` (see the module's rules); a new file gets `mode`'s mode less the
    /// umask.
    pub(crate) fn create(dest: &Path, mode: Mode) -> io::Result<AtomicFile> {
        let dest = resolve(dest)?;
        let mut existing = existing(&dest)?;
        let new_mode = match mode {
            Mode::New(m) => m,
            Mode::Private => {
                // A private file stays private, whatever its old mode said.
                if let Some(e) = existing.as_mut() {
                    #[cfg(unix)]
                    {
                        e.mode = 0o600;
                    }
                }
                0o600
            }
        };
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        #[cfg(unix)]
        let mode = existing.as_ref().map_or(new_mode, |e| e.mode);
        #[cfg(not(unix))]
        let _ = new_mode;
        // `make_in` hands back our own open's error as it is: `tempfile_in` would wrap it in
        // text naming the temporary path, which the user never named.
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .make_in(&dir, |path| {
                let mut options = std::fs::OpenOptions::new();
                options.read(true).write(true).create_new(true);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::OpenOptionsExt;
                    options.mode(mode);
                }
                options.open(path)
            })?;
        let file = AtomicFile {
            _pending: Pending::add(tmp.path()),
            tmp,
            dest,
        };
        #[cfg(unix)]
        if let Some(e) = existing {
            file.keep(&e)?;
        }
        pause_for_tests();
        Ok(file)
    }

    /// Give the temporary file the old file's owner, group and mode, before any byte is in it.
    /// The owner only where the process may: as root, or a group it is in.
    #[cfg(unix)]
    fn keep(&self, e: &Existing) -> io::Result<()> {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let f = self.tmp.as_file();
        let now = f.metadata()?;
        if (now.uid(), now.gid()) != e.owner {
            let chown = |uid: Option<u32>, gid| std::os::unix::fs::fchown(f, uid, gid);
            // Root keeps both; anyone else may still keep the group, if they are in it.
            if chown(Some(e.owner.0), Some(e.owner.1)).is_err() {
                let _ = chown(None, Some(e.owner.1));
            }
        }
        // The umask may have narrowed the mode the file was created with: back to the old
        // file's own, no wider.
        if now.permissions().mode() & 0o7777 != e.mode {
            f.set_permissions(std::fs::Permissions::from_mode(e.mode))?;
        }
        Ok(())
    }

    /// The temporary file, to write to.
    pub(crate) fn file(&self) -> &File {
        self.tmp.as_file()
    }

    pub(crate) fn dest(&self) -> &Path {
        &self.dest
    }

    /// Make the new content durable, then put it in place of `dest`.
    pub(crate) fn commit(self) -> io::Result<()> {
        self.tmp.as_file().sync_all()?;
        self.tmp.persist(&self.dest).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Check that `dest` can be replaced, before any work whose result it is to hold.
pub(crate) fn check(dest: &Path) -> io::Result<()> {
    existing(&resolve(dest)?).map(drop)
}

/// The mode of the file written.
#[derive(Clone, Copy)]
pub(crate) enum Mode {
    /// A new file's mode (less the umask); a file replaced keeps its own.
    New(u32),
    /// 0600, whatever the file replaced had: a file of secrets (the token cache).
    Private,
}

/// Replace `path` with `bytes` in one step.
pub(crate) fn replace(path: &Path, bytes: &[u8], mode: Mode) -> io::Result<()> {
    let file = AtomicFile::create(path, mode)?;
    io::Write::write_all(&mut file.file(), bytes)?;
    file.commit()
}

/// `dest` with a symlink at it resolved, once: the file the link points to is the one
/// replaced. A link in a sticky world-writable directory that belongs neither to us nor to the
/// directory's owner is refused, as `fs.protected_symlinks` refuses to follow it.
fn resolve(dest: &Path) -> io::Result<PathBuf> {
    let Ok(meta) = std::fs::symlink_metadata(dest) else {
        return Ok(dest.to_path_buf());
    };
    if !meta.file_type().is_symlink() {
        return Ok(dest.to_path_buf());
    }
    #[cfg(unix)]
    protected(dest, &meta)?;
    let target = std::fs::read_link(dest)?;
    Ok(match dest.parent() {
        Some(dir) if target.is_relative() => dir.join(target),
        _ => target,
    })
}

#[cfg(unix)]
fn protected(link: &Path, meta: &std::fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let dir = match link.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let dir = std::fs::metadata(dir)?;
    let sticky_open = dir.mode() & 0o1002 == 0o1002;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    if sticky_open && meta.uid() != me && meta.uid() != dir.uid() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "it is a symlink owned by uid {} in a sticky world-writable directory; \
                 not following it (as the kernel's fs.protected_symlinks does)",
                meta.uid()
            ),
        ));
    }
    Ok(())
}

/// What is at `dest`: nothing, or a regular file (its mode and owner). Anything else is
/// refused: a rename would replace a directory's name, and a device is not ours to replace.
fn existing(dest: &Path) -> io::Result<Option<Existing>> {
    let meta = match std::fs::metadata(dest) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if meta.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a directory",
        ));
    }
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is not a regular file",
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Ok(Some(Existing {
            mode: meta.mode() & 0o777,
            owner: (meta.uid(), meta.gid()),
        }))
    }
    #[cfg(not(unix))]
    Ok(Some(Existing {}))
}

/// Debug builds only: `SESSIONS_TEST_PAUSE_WRITE=MS` waits that long once the temporary file
/// exists, empty, so that a test can look at it (its mode, its owner) mid-write.
fn pause_for_tests() {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("SESSIONS_TEST_PAUSE_WRITE")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

#[cfg(test)]
mod tests;
