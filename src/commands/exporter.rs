//! `sessions exporter`: serve `/probe?target=PROFILE` and `/metrics` until SIGINT/SIGTERM.

use super::env::Env;
use crate::args::ExporterArgs;
use crate::error::Result;
use crate::fleet::{exporter, Member};
use crate::settings::Settings;

pub(super) async fn run(env: Env, settings: &Settings, args: &ExporterArgs) -> Result<()> {
    let members: Vec<Member> = env.members(&env.config.profile_names(), settings, true)?;
    // The --demo simulator lives as long as `env`.
    let result = exporter::serve(args.listen, members).await;
    drop(env);
    result
}
