//! What every renderer draws: a record is the vendor's JSON object (unknown fields kept), and a
//! [`Column`] knows how to pull one typed [`Cell`] out of it. Backends declare their columns;
//! renderers never know which vendor they draw.

mod cells;
pub mod common;
pub mod duration;
mod order;
pub use order::{sort_keyed, sort_records};
#[cfg(test)]
pub(crate) mod props;
pub mod rawjson;
pub mod scan;
pub mod tail;
mod value;

pub use value::{field, plain_text, seconds_json, whole_seconds, Json};

pub use cells::*;
