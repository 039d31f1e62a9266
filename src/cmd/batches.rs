//! `omni batches list`: the import ledger.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::BatchesCommand;
use crate::config::Config;
use crate::render::Output;
use crate::report::{Cell, Table};
use crate::store::{Store, WriteLock};

pub fn run(cmd: &BatchesCommand, cfg: &Config, out: &Output) -> Result<ExitCode> {
    match cmd {
        BatchesCommand::List => {
            let store = Store::open_read_only(&cfg.db)?;
            let mut t = Table::new(&[
                "id",
                "kind",
                "target",
                "source",
                "rows_read",
                "inserted",
                "updated",
                "unchanged",
                "rejected",
                "started_at",
                "content_hash",
            ]);
            for b in store.batches()? {
                t.push(vec![
                    Cell::Int(b.id),
                    Cell::text(b.kind),
                    Cell::text(b.target),
                    Cell::text(b.source),
                    Cell::Int(b.rows_read),
                    Cell::Int(b.inserted),
                    Cell::Int(b.updated),
                    Cell::Int(b.unchanged),
                    Cell::Int(b.rejected),
                    Cell::text(b.started_at),
                    Cell::text(b.content_hash),
                ]);
            }
            out.table(&t)?;
        }
        BatchesCommand::Undo { id } => {
            let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "batches undo")?;
            let mut store = Store::open(&cfg.db)?;
            let done = store.undo_batch(*id)?;
            out.note(&format!(
                "undid batch {id} ({}): {} rows removed, {} rows restored; its file can be imported again",
                done.kind, done.removed, done.restored
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}
