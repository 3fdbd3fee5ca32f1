use super::*;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().mode() & 0o7777
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Whether this process may give files away (root). A test that needs it says on stderr
/// (past the harness's capture) that it skipped: CI may run as a user, who cannot.
fn root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    let root = unsafe { libc::geteuid() } == 0;
    if !root {
        let _ = writeln!(
            io::stderr(),
            "skipped: needs root to give files to another user"
        );
    }
    root
}

#[test]
fn nothing_changes_until_commit_and_the_mode_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("out.json");
    std::fs::write(&dest, "old").unwrap();
    set_mode(&dest, 0o640);
    let f = AtomicFile::create(&dest, Mode::New(0o666)).unwrap();
    let tmp = f.tmp.path().to_path_buf();
    assert_eq!(mode(&tmp), 0o640, "the old file's mode from the start");
    assert!(pending().contains(&tmp), "removed if a signal comes");
    f.file().write_all(b"new").unwrap();
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "old");
    drop(f);
    assert!(!tmp.exists(), "an abandoned file is removed");
    assert!(!pending().contains(&tmp));
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "old");

    replace(&dest, b"new", Mode::New(0o666)).unwrap();
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "new");
    assert_eq!(mode(&dest), 0o640);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_new_file_gets_the_mode_asked_for_and_a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("token.json");
    replace(&dest, b"t", Mode::Private).unwrap();
    assert_eq!(mode(&dest), 0o600);
    set_mode(&dest, 0o644);
    replace(&dest, b"t2", Mode::Private).unwrap();
    assert_eq!(mode(&dest), 0o600, "a private file is made private again");
    let e = AtomicFile::create(dir.path(), Mode::New(0o666))
        .err()
        .unwrap();
    assert_eq!(e.kind(), io::ErrorKind::IsADirectory);
    assert!(check(Path::new("/dev/null")).is_err(), "not a regular file");
    assert!(check(&dir.path().join("new")).is_ok());
}

#[test]
fn a_symlink_is_resolved_once_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.prom");
    let link = dir.path().join("link.prom");
    std::fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink("real.prom", &link).unwrap();
    replace(&link, b"new", Mode::New(0o666)).unwrap();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
}

#[test]
fn the_owner_and_group_are_kept_by_root() {
    if !root() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("config.toml");
    std::fs::write(&dest, "old").unwrap();
    set_mode(&dest, 0o600);
    std::os::unix::fs::chown(&dest, Some(4321), Some(4322)).unwrap();
    replace(&dest, b"new", Mode::New(0o666)).unwrap();
    let meta = std::fs::metadata(&dest).unwrap();
    assert_eq!((meta.uid(), meta.gid(), mode(&dest)), (4321, 4322, 0o600));
}

#[test]
fn someone_elses_link_in_a_sticky_shared_directory_is_refused() {
    if !root() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    set_mode(dir.path(), 0o1777);
    let target = dir.path().join("target");
    let link = dir.path().join("out.prom");
    std::fs::write(&target, "mine").unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    std::os::unix::fs::lchown(&link, Some(4321), None).unwrap();
    let e = AtomicFile::create(&link, Mode::New(0o666)).err().unwrap();
    assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
    assert!(e.to_string().contains("fs.protected_symlinks"), "{e}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine");
    // Without the sticky bit, the link is followed.
    set_mode(dir.path(), 0o777);
    replace(&link, b"new", Mode::New(0o666)).unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
}
