//! Talking to appliances: TLS trust, the origin rule, HTTP with retries, JSON-RPC over
//! WebSocket, and the login-token cache. Nothing here prints: what it has to say goes
//! through the [`Log`] the caller passes in.

mod address;
pub mod certinfo;
pub mod failure;
pub mod http;
pub mod jsonrpc;
pub mod limits;
pub mod mistakes;
pub mod origin;
mod pin_expiry;
mod response;
pub mod retry;
pub mod tls;
pub mod token_cache;
pub mod ws;

mod log;
mod secret;
pub use limits::Limits;
pub use log::{Line, Log};
pub use secret::Secret;
