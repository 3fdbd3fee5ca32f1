//! Profiles from the TOML config file: loading, validation and the choice of profile.
//! Secret sources are in `secret.rs`; the precedence rules (flag > environment > profile)
//! that turn a profile into a resolved [`Target`] are in `target.rs`.

pub(crate) mod edit;
mod file;
mod helper;
mod keep;
mod secret;
mod target;
mod url;
mod words;

pub(crate) use crate::transport::Secret;
pub use file::Config;
pub(crate) use file::{default_path, Profile, ProfileRules};
pub(crate) use keep::Keep;
pub(crate) use target::{Overrides, Target};
pub(crate) use url::{UrlForm, UrlForms, BASE_ONLY};
pub use words::article;
