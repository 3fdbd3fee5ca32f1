//! What every renderer draws: a record is the vendor's JSON object (unknown fields kept), and a
//! [`Column`] knows how to pull one typed [`Cell`] out of it. Backends declare their columns;
//! renderers never know which vendor they draw.

mod cells;
pub(crate) mod common;
pub(crate) mod duration;
mod order;
pub(crate) use order::{sort_keyed, sort_records};
#[cfg(test)]
pub(crate) mod props;
pub(crate) mod rawjson;
pub(crate) mod scan;
pub(crate) mod tail;
pub(crate) mod text;
mod value;

pub(crate) use value::seconds_json;
pub use value::{field, plain_text, Json};

pub use cells::*;
