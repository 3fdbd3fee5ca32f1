//! `simulate`'s Qumulo flags: a crowd of guest sessions, such as the 340,000 orphaned guest
//! sessions the vendor's CLI was changed to close in batches for (docs/vendors/qumulo.md).

/// The Qumulo flags of `sessions simulate`.
#[derive(Debug, Clone, Default, clap::Args)]
#[group(skip)]
pub(crate) struct Flags {
    /// Qumulo: N more sessions, every one a guest's (WORLD Everyone), after the --sessions
    /// ones: a cluster full of orphaned guest sessions
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub(crate) qumulo_guests: u32,
}
