//! What every test module shares: the simulator as a child process (`sim.rs`), and runs of
//! the binary (`run.rs`). Snapshots are insta's, under `tests/it/snapshots/`; with
//! `.config/insta.yaml` a differing snapshot fails and nothing is rewritten unless asked
//! (`INSTA_UPDATE=always cargo test`, or `cargo insta review`).

mod programs;
mod pty;
mod run;
mod signal;
mod sim;

pub use programs::outside_program;
pub use pty::{screen, PtyRun};
pub use signal::interrupt;

pub use run::{isolate, set_private, Run, BIN};
pub use sim::{ConfigDoc, Sim, SimProcess};
