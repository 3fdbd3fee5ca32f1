//! One way of reaching the middleware: JSON-RPC, DDP or REST.

use serde_json::{json, Value};

use super::query::AuthQuery;
use crate::backends::future::BoxFuture;
use crate::error::Result;

/// One way of reaching the middleware. Each answers with the vendor's JSON; checking it is
/// [`Connection`](super::connection::Connection)'s job.
pub(super) trait Transport: Send {
    /// Call a middleware method; its error comes back as one line with the right exit code.
    fn call<'a>(&'a mut self, method: &'a str, params: Value) -> BoxFuture<'a, Result<Value>>;
    /// `auth.sessions`' result.
    fn sessions<'a>(&'a mut self, q: &'a AuthQuery) -> BoxFuture<'a, Result<Value>> {
        self.call("auth.sessions", q.params())
    }
    /// The same result as JSON text, where the transport has it without parsing.
    fn sessions_text<'a>(&'a mut self, _q: &'a AuthQuery) -> BoxFuture<'a, Result<Option<String>>> {
        Box::pin(async { Ok(None) })
    }
    /// `auth.terminate_session` for each id, the answers in order: `true` (`null` before
    /// 25.04), or `false` for an id it does not know. Every transport has several calls in
    /// flight (docs/vendors/truenas.md, "Ending sessions").
    fn terminate_many<'a>(&'a mut self, ids: &'a [String]) -> BoxFuture<'a, Result<Vec<Value>>>;
    /// `auth.terminate_other_sessions`.
    fn terminate_others(&mut self) -> BoxFuture<'_, Result<()>> {
        Box::pin(async move {
            self.call("auth.terminate_other_sessions", json!([]))
                .await
                .map(|_| ())
        })
    }
    /// Say goodbye on the way out.
    fn close(self: Box<Self>) -> BoxFuture<'static, ()> {
        Box::pin(async {})
    }
}
