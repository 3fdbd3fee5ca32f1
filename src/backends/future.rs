//! The boxed future that the backends' async methods return.

use std::future::Future;
use std::pin::Pin;

/// A future borrowed from its arguments; the backends' async methods return these so that
/// the trait can be used as `dyn Backend`.
pub(crate) type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;
