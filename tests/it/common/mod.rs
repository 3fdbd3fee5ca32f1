//! What every test module shares: the simulator as a child process (`sim.rs`), and runs of
//! the binary (`run.rs`). Snapshots are insta's, under `tests/it/snapshots/`; with
//! `.config/insta.yaml` a differing snapshot fails and nothing is rewritten unless asked
//! (`INSTA_UPDATE=always cargo test`, or `cargo insta review`).

pub mod exporter;
mod programs;
mod pty;
mod run;
mod signal;
mod sim;

pub use programs::outside_program;
pub use pty::{screen, PtyRun};
pub use signal::interrupt;

pub use run::{isolate, set_private, Run, BIN};
pub use sim::{https_client, ConfigDoc, Sim, SimProcess};

/// The backends of the registry, by name (each is also the simulator's profile of that name).
pub fn backends() -> impl Iterator<Item = &'static str> {
    session_inspector::backends::ALL.iter().map(|b| b.name())
}

/// What the backend named `backend` says of itself for the tests (`About::tests`).
pub fn facts(backend: &str) -> &'static session_inspector::backends::TestFacts {
    &session_inspector::backends::find(backend)
        .unwrap_or_else(|| panic!("{backend} is not in the registry"))
        .about()
        .tests
}

/// A backend for a check that any of them shows: the registry's first.
pub fn any_backend() -> &'static str {
    backends().next().expect("a backend in the registry")
}
