//! `omni formats`: the exports omni recognises, and `--template KIND` for any other.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::FormatsArgs;
use crate::platform;
use crate::render::Output;
use crate::report::{Cell, Table};

use super::import::kind_of;

pub fn run(args: &FormatsArgs, out: &Output) -> Result<ExitCode> {
    if let Some(kind) = args.template {
        out.raw(platform::custom::template(kind_of(kind)).as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = Table::new(&["name", "platform", "kind", "columns", "example", "download"]);
    for p in platform::all() {
        if args.kind.is_some_and(|k| kind_of(k) != p.kind) {
            continue;
        }
        t.push(vec![
            Cell::text(p.name),
            Cell::text(p.platform),
            Cell::text(p.kind.as_str()),
            Cell::text(p.column_names().join(", ")),
            Cell::text(p.example),
            Cell::text(p.download),
        ]);
    }
    t.notes
        .push("Files are recognised from their header row; --profile NAME forces one.".into());
    t.notes.push("Anything else: omni formats --template KIND > my.toml, edit it, then omni import KIND --map my.toml FILE".into());
    out.table(&t)?;
    Ok(ExitCode::SUCCESS)
}
