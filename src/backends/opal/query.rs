//! What `sessions opal` asks the server for.

use std::time::Duration;

/// What `sessions opal` asks for.
#[derive(Debug, Clone, Default)]
pub(super) struct OpalQuery {
    pub resource_ids: Vec<String>,
    pub user_id: Option<String>,
    pub all_resources: bool,
    pub resource_type: Option<String>,
    pub enrich: bool,
    pub expiring_within: Option<Duration>,
    /// The profile's own keys.
    pub profile: super::settings::Settings,
}
