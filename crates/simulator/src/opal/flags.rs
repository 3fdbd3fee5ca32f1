//! `simulate`'s Opal flags: the organisation's size and rate limit.

/// The Opal flags of `sessions simulate`.
#[derive(Debug, Clone, clap::Args)]
#[group(skip)]
pub(crate) struct Flags {
    /// Opal: how many resources the sessions are spread over
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..))]
    pub(crate) opal_resources: u32,

    /// Opal: the organisation's rate limit in requests per second (429 with Retry-After above it)
    #[arg(long, value_name = "N", default_value_t = 100.0)]
    pub(crate) opal_rate_limit: f64,
}

impl Default for Flags {
    fn default() -> Self {
        Flags {
            opal_resources: 4,
            opal_rate_limit: 100.0,
        }
    }
}
