//! The registry of vendors' own `simulate` flags: a vendor with flags of its own (a release to
//! be, an organisation's size) keeps them in its folder's `flags.rs`, and adds one line here.
//! With `lib.rs`, the only file outside a vendor folder that names vendor modules.

/// Every vendor's own `simulate` flags, in `--help`'s order.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct VendorFlags {
    #[command(flatten)]
    pub(crate) qumulo: crate::qumulo::flags::Flags,
    #[command(flatten)]
    pub(crate) opal: crate::opal::flags::Flags,
    #[command(flatten)]
    pub(crate) truenas: crate::truenas::flags::Flags,
    #[command(flatten)]
    pub(crate) onefs: crate::onefs::flags::Flags,
}
