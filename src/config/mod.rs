//! Profiles from the TOML config file: loading, validation and the choice of profile.
//! Secret sources are in `secret.rs`; the precedence rules (flag > environment > profile)
//! that turn a profile into a resolved [`Target`] are in `target.rs`.

pub mod edit;
mod file;
mod keep;
mod secret;
mod target;
mod url;
mod words;

pub use crate::transport::Secret;
pub use file::{default_path, parse, Config, ConfigFile, Profile, ProfileRules};
pub use keep::Keep;
pub use secret::SecretName;
pub use target::{Overrides, Target, DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT};
pub use url::{parse_base_url, BaseUrl, UrlForm, UrlForms, BASE_ONLY};
pub use words::article;
