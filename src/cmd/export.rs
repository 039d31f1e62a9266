//! `omni export TABLE`: a whole contract table, for scripts.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::ExportArgs;
use crate::config::Config;
use crate::render::Output;
use crate::store::Store;

pub fn run(args: &ExportArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    let store = Store::open_read_only(&cfg.db)?;
    out.table(&store.export_table(&args.table)?)?;
    Ok(ExitCode::SUCCESS)
}
