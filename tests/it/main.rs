//! Integration tests: the real binary against the real simulator over HTTPS.

// A test binary has no outside users: `pub` here means shared between its modules.
#![allow(unreachable_pub)]

mod auth;
mod cifs;
mod cifs_urls;
mod close_flags;
mod close_gone;
// Shared with the `matrix` target: each target uses a part of it.
#[allow(dead_code)]
mod common;
mod completion;
mod config;
mod contrib;
mod exporter_hardening;
mod exporter_web;
mod fleet;
mod fleet_close;
mod generated;
mod help;
mod layout;
mod local_files;
mod messages;
mod monitoring;
mod onefs;
mod opal;
mod opal_urls;
mod repository;
mod select;
mod select_props;
mod sim_config;
mod simulator;
mod smb;
mod smb_bulk;
mod smb_config;
mod smb_contract;
mod smb_errors;
mod smb_output;
mod smb_term;
mod smb_urls;
mod truenas_simulator;
mod truenas_tokens;
mod truenas_urls;
mod truenas_versions;
mod types;
mod urls;
mod voice;
