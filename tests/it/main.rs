//! Integration tests: the real binary against the real simulator over HTTPS.

mod auth;
mod cifs;
mod close_flags;
// Shared with the `matrix` target: each target uses a part of it.
#[allow(dead_code)]
mod common;
mod completion;
mod config;
mod fleet;
mod generated;
mod help;
mod layout;
mod messages;
mod monitoring;
mod opal;
mod repository;
mod simulator;
mod smb;
mod smb_contract;
mod smb_errors;
mod smb_output;
mod smb_term;
mod truenas_simulator;
mod truenas_tokens;
mod truenas_versions;
mod types;
mod urls;
mod voice;
