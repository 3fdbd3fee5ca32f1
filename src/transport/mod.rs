//! Talking to appliances: TLS trust, the origin rule, HTTP with retries, JSON-RPC over
//! WebSocket, the login-token cache, and the bounded reads of local files (local_file.rs)
//! that the cache and the config share. Nothing here prints: what it has to say goes
//! through the [`Log`] the caller passes in.

mod address;
pub(crate) mod certinfo;
pub(crate) mod failure;
pub(crate) mod http;
pub(crate) mod in_flight;
pub(crate) mod jsonrpc;
pub(crate) mod limits;
pub(crate) mod local_file;
pub(crate) mod mistakes;
pub(crate) mod origin;
mod pin_expiry;
mod response;
pub(crate) mod retry;
pub(crate) mod tls;
pub(crate) mod token_cache;
pub(crate) mod ws;

mod log;
mod secret;
pub(crate) use limits::Limits;
pub(crate) use log::{Line, Log};
pub(crate) use secret::Secret;
