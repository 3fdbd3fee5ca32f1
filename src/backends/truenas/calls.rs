//! A protocol that can call a middleware method, and what a refused login call means.

use serde_json::Value;

use crate::backends::future::BoxFuture;
use crate::error::{Error, Result};
use crate::transport::jsonrpc::RpcError;

/// A protocol that can call a middleware method.
pub(super) trait Calls {
    /// The method's result, or its error; `log_params` false keeps credentials out of `-v`.
    fn call<'a>(
        &'a mut self,
        method: &'a str,
        params: Value,
        log_params: bool,
    ) -> BoxFuture<'a, Result<std::result::Result<Value, RpcError>>>;
}

/// A login call's error. EBUSY is the middleware's login rate limit (main.py
/// `authorize_method_call`): nothing is wrong with the credentials. It counts every login
/// call, a token's included, so a kept login does not lift it.
pub(super) fn refused(method: &str, e: &RpcError, keeps_logins: bool) -> Error {
    if e.errname() == Some("EBUSY") {
        let each_run = if keeps_logins {
            "every run logs in once, with the last run's login token too"
        } else {
            "over DDP, the API of TrueNAS 24.10 and older, this client keeps no login between runs"
        };
        return Error::network(format!(
            "{method}: {}: TrueNAS allows 20 logins a minute per address, and {each_run}; space runs 3 s apart, or use --watch, which keeps one login",
            e.text()
        ));
    }
    Error::auth(format!("{method}: {}", e.text()))
}
