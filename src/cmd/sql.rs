//! `omni sql "SELECT …"`: one read-only query.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::SqlArgs;
use crate::config::Config;
use crate::render::Output;
use crate::store::Store;

pub fn run(args: &SqlArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    let store = Store::open_read_only(&cfg.db)?;
    out.table(&store.read_only_query(&args.query)?)?;
    Ok(ExitCode::SUCCESS)
}
