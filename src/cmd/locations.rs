//! `omni locations add|list|remove`.

use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::{LocationKindArg, LocationsCommand};
use crate::config::Config;
use crate::render::Output;
use crate::report::{Cell, Table};
use crate::store::{Store, WriteLock};

use super::channels::valid_name;

pub fn run(cmd: &LocationsCommand, cfg: &Config, out: &Output) -> Result<ExitCode> {
    match cmd {
        LocationsCommand::Add { name, kind, feeds } => {
            let name = valid_name(name)?;
            let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "locations add")?;
            let mut store = Store::open(&cfg.db)?;
            let feeds: Vec<String> = feeds
                .iter()
                .map(|f| f.trim().to_string())
                .filter(|f| !f.is_empty())
                .collect();
            store.add_location(name, location_kind_str(*kind), &feeds)?;
            let fed = if feeds.is_empty() {
                String::new()
            } else {
                format!(", feeding {}", feeds.join(", "))
            };
            out.note(&format!(
                "added location {name} ({}){fed}",
                location_kind_str(*kind)
            ));
        }
        LocationsCommand::List => {
            let store = Store::open_read_only(&cfg.db)?;
            let mut t = Table::new(&["name", "kind", "feeds", "skus", "on_hand"]);
            for l in store.locations()? {
                t.push(vec![
                    Cell::text(l.name),
                    Cell::text(l.kind),
                    Cell::text(l.feeds),
                    Cell::Int(l.skus),
                    Cell::Int(l.on_hand),
                ]);
            }
            t.notes
                .push("on_hand: latest count of each SKU at the location".into());
            out.table(&t)?;
        }
        LocationsCommand::Remove { name, force } => {
            let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "locations remove")?;
            let mut store = Store::open(&cfg.db)?;
            let (id, deps) = store.location_dependents(name)?;
            if !deps.is_empty() && !force {
                bail!(
                    "location {name} still has {}: pass --force to remove them with it",
                    deps.describe()
                );
            }
            store.remove_location(id)?;
            let what = if deps.is_empty() {
                String::new()
            } else {
                format!(" and its {}", deps.describe())
            };
            out.note(&format!("removed location {name}{what}"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn location_kind_str(kind: LocationKindArg) -> &'static str {
    match kind {
        LocationKindArg::Store => "store",
        LocationKindArg::Warehouse => "warehouse",
        LocationKindArg::Fulfilment => "fulfilment",
    }
}
