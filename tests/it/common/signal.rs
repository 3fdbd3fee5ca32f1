//! Ctrl-C for a child process, as a terminal sends it: SIGINT through kill(2), so the tests
//! need no `kill` program.

/// Sends SIGINT to `child`.
pub fn interrupt(child: &std::process::Child) {
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    // SAFETY: kill(2) takes plain integers and touches no memory of ours.
    let done = unsafe { libc::kill(pid, libc::SIGINT) };
    assert_eq!(done, 0, "kill: {}", std::io::Error::last_os_error());
}
