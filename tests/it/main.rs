//! Integration tests: the real binary against the real simulator over HTTPS.

mod cifs;
mod common;
mod config;
mod errors;
mod generated;
mod output;
mod smb;
