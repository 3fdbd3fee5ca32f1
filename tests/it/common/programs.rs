//! Programs from outside the repository that some tests run (promtool, prometheus, bash).
//! A test without its program says on stderr that it skipped and why; under `CI=true` (as
//! `.ci/run` and CI services set it) a missing program fails the test instead, so CI never
//! passes by skipping.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

/// The program `name` from PATH (or /usr/bin, /usr/sbin), or `None` after saying on stderr
/// that the calling test skipped. Panics when it is missing under `CI=true`. `package` is
/// what provides it on Debian.
pub fn outside_program(name: &str, package: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .chain([PathBuf::from("/usr/bin"), PathBuf::from("/usr/sbin")])
        .map(|d| d.join(name))
        .find(|p| p.is_file());
    if found.is_none() {
        let thread = std::thread::current();
        let test = thread.name().unwrap_or("this test");
        let why = format!("`{name}` is not installed (apt-get install {package})");
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{test}: {why}, and CI=true does not allow skipping"
        );
        // Past the harness's capture (which hides a passing test's eprintln!), so a skip is
        // always seen; once per test and program.
        static SAID: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
        let line = format!("skipped {test}: {why}");
        if SAID.lock().is_ok_and(|mut said| said.insert(line.clone())) {
            let _ = writeln!(std::io::stderr(), "{line}");
        }
    }
    found
}
