//! `omni channels add|list|remove`.

use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};

use crate::cli::{ChannelsCommand, KindArg};
use crate::config::Config;
use crate::domain::currency::Currency;
use crate::render::Output;
use crate::report::{Cell, Table};
use crate::store::{Store, WriteLock};

pub fn run(cmd: &ChannelsCommand, cfg: &Config, out: &Output) -> Result<ExitCode> {
    match cmd {
        ChannelsCommand::Add {
            name,
            kind,
            platform,
            currency,
        } => {
            let name = valid_name(name)?;
            let currency = currency
                .as_deref()
                .map(|c| {
                    c.parse::<Currency>()
                        .map_err(|e| anyhow!("--currency: {e}"))
                })
                .transpose()?;
            let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "channels add")?;
            let store = Store::open(&cfg.db)?;
            let currency = currency.map(|c| c.to_string());
            store.add_channel(
                name,
                kind_str(*kind),
                platform.as_deref(),
                currency.as_deref(),
            )?;
            out.note(&format!("added channel {name} ({})", kind_str(*kind)));
        }
        ChannelsCommand::List => {
            let store = Store::open_read_only(&cfg.db)?;
            let mut t = Table::new(&[
                "name", "kind", "platform", "currency", "sources", "listings", "orders",
            ]);
            for c in store.channels()? {
                t.push(vec![
                    Cell::text(c.name),
                    Cell::text(c.kind),
                    Cell::opt_text(c.platform),
                    Cell::opt_text(c.currency),
                    Cell::text(c.sources),
                    Cell::Int(c.listings),
                    Cell::Int(c.orders),
                ]);
            }
            out.table(&t)?;
        }
        ChannelsCommand::Remove { name, force } => {
            let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "channels remove")?;
            let mut store = Store::open(&cfg.db)?;
            let (id, deps) = store.channel_dependents(name)?;
            if !deps.is_empty() && !force {
                bail!(
                    "channel {name} still has {}: pass --force to remove them with it",
                    deps.describe()
                );
            }
            store.remove_channel(id)?;
            let what = if deps.is_empty() {
                String::new()
            } else {
                format!(" and its {}", deps.describe())
            };
            out.note(&format!("removed channel {name}{what}"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn kind_str(kind: KindArg) -> &'static str {
    match kind {
        KindArg::Web => "web",
        KindArg::Marketplace => "marketplace",
        KindArg::Store => "store",
        KindArg::Social => "social",
        KindArg::App => "app",
        KindArg::Wholesale => "wholesale",
    }
}

/// Channel and location names appear in file names and commands: no blanks, no commas.
pub fn valid_name(name: &str) -> Result<&str> {
    let n = name.trim();
    if n.is_empty() || n.contains(',') || n.chars().any(char::is_control) {
        bail!(
            "\"{name}\" is not a usable name (it must be non-empty, without commas or control characters)"
        );
    }
    Ok(n)
}
