//! `simulate`'s TrueNAS flag: which release to be.

use clap::ValueEnum;

/// The TrueNAS releases the simulator can be, oldest first (so they compare by age).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub(crate) enum TrueNasVersion {
    /// TrueNAS CORE 13.0: DDP and REST
    #[value(name = "13.0")]
    Core13,
    /// TrueNAS SCALE 24.10: DDP only
    #[value(name = "24.10")]
    Scale24_10,
    /// TrueNAS 25.04: JSON-RPC 2.0 and DDP
    #[value(name = "25.04")]
    Scale25_04,
    /// TrueNAS 25.10: JSON-RPC 2.0 and DDP
    #[value(name = "25.10")]
    Scale25_10,
}

/// The TrueNAS flags of `sessions simulate`.
#[derive(Debug, Clone, clap::Args)]
#[group(skip)]
pub(crate) struct Flags {
    /// Which TrueNAS to serve. 25.10 and 25.04: JSON-RPC 2.0 over WebSocket at /api/current
    /// (and pinned /api/vXX.YY.Z paths), legacy DDP at /websocket. 24.10: DDP at /websocket
    /// only; nginx answers /api/current with a 302 to /ui/. 13.0 (CORE): DDP at /websocket
    /// and REST at /api/v2.0, no /api/current
    #[arg(
        long = "truenas-version",
        value_name = "VERSION",
        value_enum,
        default_value = "25.10"
    )]
    pub(crate) truenas_version: TrueNasVersion,

    /// How long each WebSocket call (JSON-RPC or DDP) takes the middleware before it answers
    /// (default none): calls on one socket run concurrently there, so a client's calls in
    /// flight together are seen together (the request log counts them)
    #[arg(long = "truenas-call-latency", value_name = "DURATION", value_parser = crate::duration::parse_duration)]
    pub(crate) truenas_call_latency: Option<std::time::Duration>,
}

impl Default for Flags {
    fn default() -> Self {
        Flags {
            truenas_version: TrueNasVersion::Scale25_10,
            truenas_call_latency: None,
        }
    }
}
