//! The local files the program reads (the config, secret files, the token cache), read as
//! a careful daemon reads them: only regular files (a FIFO would hang the run, `/dev/zero`
//! would fill the memory), and at most a cap, so that every read is bounded in size and so in
//! time. And the checks ssh makes of its own config: whoever can write a file that runs
//! commands can run them as its user.

use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::limits::size_text;

/// The text of the regular file at `path`, refused when it is something else or holds more
/// than `cap` bytes.
pub(crate) fn read(path: &Path, cap: usize) -> io::Result<String> {
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        // A FIFO opens at once (to be refused below) instead of waiting for a writer.
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        let t = meta.file_type();
        let kind = match () {
            _ if t.is_dir() => "a directory",
            _ if t.is_fifo() => "a FIFO",
            _ if t.is_char_device() => "a character device",
            _ if t.is_block_device() => "a block device",
            _ if t.is_socket() => "a socket",
            _ => "not a file",
        };
        return Err(refused(format!("it is {kind}, not a regular file")));
    }
    let too_big = || refused(format!("it is larger than {}", size_text(cap)));
    if meta.len() > cap as u64 {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.by_ref().take(cap as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > cap {
        return Err(too_big());
    }
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "it is not UTF-8 text"))
}

fn refused(why: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, why)
}

/// Why others could change the file at `path`, and the command that stops them: it is
/// writable by group or others, or it sits in a directory others can write that has no
/// sticky bit (they may rename it away and put their own in its place). `None`: only its
/// owner (and root) can.
pub(crate) fn writable_by_others(path: &Path) -> Option<(String, String)> {
    let mode = std::fs::metadata(path).ok()?.permissions().mode();
    if mode & 0o022 != 0 {
        let who = match mode & 0o022 {
            0o020 => "its group",
            0o002 => "others",
            _ => "its group and others",
        };
        return Some((
            format!(
                "{} is writable by {who} (mode {:o})",
                path.display(),
                mode & 0o777
            ),
            format!("chmod go-w {}", path.display()),
        ));
    }
    let dir = parent(path)?;
    let dir_mode = std::fs::metadata(&dir).ok()?.permissions().mode();
    (dir_mode & 0o002 != 0 && dir_mode & 0o1000 == 0).then(|| {
        (
            format!(
                "{} is in {}, which others can write (mode {:o}, no sticky bit)",
                path.display(),
                dir.display(),
                dir_mode & 0o777
            ),
            format!("chmod o-w {}", dir.display()),
        )
    })
}

/// The directory `path` is in, symlinks resolved.
fn parent(path: &Path) -> Option<PathBuf> {
    let real = std::fs::canonicalize(path).ok()?;
    real.parent().map(Path::to_path_buf)
}

/// Make `dir` (and its parents) exist, `dir` itself 0700; a looser `dir` is tightened. Its
/// old mode when it was tightened, for the caller to say so.
pub(crate) fn private_dir(dir: &Path) -> io::Result<Option<u32>> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let mode = std::fs::metadata(dir)?.permissions().mode() & 0o7777;
    if mode & 0o077 == 0 {
        return Ok(None);
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    Ok(Some(mode))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn refusal(path: &Path, cap: usize) -> String {
        let t0 = Instant::now();
        let e = read(path, cap).unwrap_err().to_string();
        assert!(
            t0.elapsed() < Duration::from_secs(2),
            "{path:?} took {:?}",
            t0.elapsed()
        );
        e
    }

    #[test]
    fn only_regular_files_and_only_so_much() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo reads a NUL-terminated path we own.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        assert_eq!(refusal(&fifo, 100), "it is a FIFO, not a regular file");
        let zero = Path::new("/dev/zero");
        assert_eq!(
            refusal(zero, 100),
            "it is a character device, not a regular file"
        );
        let linked = dir.path().join("zero-link");
        std::os::unix::fs::symlink(zero, &linked).unwrap();
        assert!(refusal(&linked, 100).contains("character device"));
        let huge = dir.path().join("huge");
        std::fs::File::create(&huge)
            .unwrap()
            .set_len(1 << 40)
            .unwrap();
        assert_eq!(refusal(&huge, 100), "it is larger than 100 bytes");
        let fine = dir.path().join("fine");
        std::fs::write(&fine, "pw\n").unwrap();
        assert_eq!(read(&fine, 100).unwrap(), "pw\n");
    }

    #[test]
    fn what_others_can_write() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        std::fs::write(&file, "").unwrap();
        let set = |p: &Path, m: u32| {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap()
        };
        set(&file, 0o600);
        assert_eq!(writable_by_others(&file), None);
        set(&file, 0o666);
        let (why, fix) = writable_by_others(&file).unwrap();
        assert!(
            why.ends_with("is writable by its group and others (mode 666)"),
            "{why}"
        );
        assert_eq!(fix, format!("chmod go-w {}", file.display()));
        set(&file, 0o600);
        set(dir.path(), 0o777);
        let (why, fix) = writable_by_others(&file).unwrap();
        assert!(
            why.contains("which others can write (mode 777, no sticky bit)"),
            "{why}"
        );
        assert!(fix.starts_with("chmod o-w "));
        set(dir.path(), 0o1777);
        assert_eq!(
            writable_by_others(&file),
            None,
            "a sticky directory, as /tmp"
        );
        set(dir.path(), 0o700);
    }

    #[test]
    fn a_private_dir_is_made_or_tightened() {
        let dir = tempfile::tempdir().unwrap();
        let tokens = dir.path().join("a/tokens");
        assert_eq!(private_dir(&tokens).unwrap(), None);
        let mode = || std::fs::metadata(&tokens).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(), 0o700);
        std::fs::set_permissions(&tokens, std::fs::Permissions::from_mode(0o777)).unwrap();
        assert_eq!(private_dir(&tokens).unwrap(), Some(0o777));
        assert_eq!(mode(), 0o700);
    }
}
