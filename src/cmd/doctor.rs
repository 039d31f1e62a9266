//! `omni doctor` and `omni backup PATH`.

use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::{BackupArgs, DoctorArgs};
use crate::config::Config;
use crate::render::Output;
use crate::report::{Cell, Table};
use crate::store::{Store, WriteLock};

pub fn run(args: &DoctorArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    if args.rebuild_aggregates {
        let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "doctor --rebuild-aggregates")?;
        let mut store = Store::open(&cfg.db)?;
        let n = store.rebuild_sales_facts()?;
        out.note(&format!("rebuilt the KPI aggregates: {n} sales facts"));
    }
    let store = Store::open_read_only(&cfg.db)?;
    let health = store.health()?;
    let mut t = Table::new(&["check", "status", "detail"]);
    for h in &health {
        t.push(vec![
            Cell::text(&h.check),
            Cell::text(if h.ok { "ok" } else { "PROBLEM" }),
            Cell::text(&h.detail),
        ]);
    }
    out.table(&t)?;
    let problems: Vec<&str> = health
        .iter()
        .filter(|h| !h.ok)
        .map(|h| h.detail.as_str())
        .collect();
    if !problems.is_empty() {
        bail!("{} has problems: {}", cfg.db.display(), problems.join("; "));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn backup(args: &BackupArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    if args.path.exists() && !args.force {
        bail!(
            "{} already exists: pass --force to replace it",
            args.path.display()
        );
    }
    if args.path.is_dir() {
        bail!(
            "{} is a directory: give a file name for the copy",
            args.path.display()
        );
    }
    let store = Store::open_read_only(&cfg.db)?;
    // A failed backup never leaves half a file.
    super::replace_file(&args.path, |tmp| store.backup_to(tmp))?;
    out.note(&format!(
        "backed up {} to {}",
        cfg.db.display(),
        args.path.display()
    ));
    Ok(ExitCode::SUCCESS)
}
