//! The cross-backend cells, generated from the registry (`backends::ALL`) and what each
//! backend says of itself (`About::tests`): a backend added to the registries gets its cells
//! here with no test file edited. Each cell is a trial of its own, named `group::case::backend`
//! (`faults::slow::smb`), so a failure names its cell, and `cargo test --test matrix NAME`
//! runs cells by name as libtest would. libtest-mimic is the harness: libtest itself has no
//! way to make tests at run time.

// A test binary has no outside users: `pub` here means shared between its modules.
#![allow(unreachable_pub)]

// Shared with the `it` target: each target uses a part of it.
mod boundary;
#[allow(dead_code, unused_imports)]
mod common;
mod faults;
mod fit;
mod secrets;

use libtest_mimic::{Arguments, Trial};
use session_inspector::backends::{Backend, ALL};

/// One trial per backend (libtest-mimic reports a panic as the trial's failure) of the registry that `cell` has a case for: `None` means the case
/// does not apply to that backend (its reason is in `cell`).
pub fn per_backend<C>(group: &str, cell: impl Fn(&'static dyn Backend) -> Option<C>) -> Vec<Trial>
where
    C: FnOnce() + Send + 'static,
{
    ALL.iter()
        .filter_map(|&b| {
            let run = cell(b)?;
            Some(Trial::test(format!("{group}::{}", b.name()), move || {
                run();
                Ok(())
            }))
        })
        .collect()
}

fn main() {
    let mut args = Arguments::from_args();
    // A cell mostly waits: on a simulator's delays, a run's deadline, a child process. Twice
    // as many at once as there are cores keeps the matrix as quick as it was among the `it`
    // tests; `--test-threads` still decides.
    if args.test_threads.is_none() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        args.test_threads = Some(2 * cores);
    }
    let mut trials = faults::trials();
    trials.extend(boundary::trials());
    trials.extend(fit::trials());
    trials.extend(secrets::trials());
    libtest_mimic::run(&args, trials).exit();
}
