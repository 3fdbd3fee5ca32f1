//! What each vendor module contributes to a run.

use std::sync::Arc;

use crate::config::Profile;
use crate::server::VendorApi;

/// What each vendor module contributes to a run: its API, a profile with its credentials
/// (`start` fills in the URL and the CA certificate), and every credential it accepts.
pub(crate) struct Backend {
    pub name: &'static str,
    /// A line for the written config's header (e.g. an alternative credential), or empty.
    pub comment: String,
    /// Where the API lives under the listener (Opal's is `/v1`).
    pub url_path: &'static str,
    pub api: Arc<dyn VendorApi>,
    pub profile: Profile,
    /// Its entry in `secrets.json`: a JSON object of the credentials it accepts.
    pub secrets: serde_json::Value,
}
