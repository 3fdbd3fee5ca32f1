//! Integration tests: the real binary against the real simulator over HTTPS.

mod auth;
mod boundary;
mod cifs;
mod common;
mod completion;
mod config;
mod contract;
mod errors;
mod faults;
mod fit;
mod fleet;
mod generated;
mod help;
mod layout;
mod messages;
mod monitoring;
mod opal;
mod output;
mod repository;
mod secrets;
mod simulator;
mod smb;
mod truenas_versions;
