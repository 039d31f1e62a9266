//! `omni channels add|list|remove`.

use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};

use crate::cli::{ChannelsCommand, KindArg, RuleArgs};
use crate::config::Config;
use crate::render::Output;
use crate::report::{Cell, Table};
use crate::store::rules::RuleChange;
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
            let currency = crate::cmd::currency_flag(currency.as_deref())?;
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
                "name", "kind", "platform", "currency", "sources", "listings", "orders", "rules",
            ]);
            for c in store.channels()? {
                let rules = describe_rules(&c);
                t.push(vec![
                    Cell::text(c.name),
                    Cell::text(c.kind),
                    Cell::opt_text(c.platform),
                    Cell::opt_text(c.currency),
                    Cell::text(c.sources),
                    Cell::Int(c.listings),
                    Cell::Int(c.orders),
                    Cell::text(rules),
                ]);
            }
            out.table(&t)?;
        }
        ChannelsCommand::Set(args) => {
            let rules = rule_change(&args.rules)?;
            if args.sync_hours.is_some_and(|h| h <= 0) {
                bail!("--sync-hours must be at least 1");
            }
            let currency =
                crate::cmd::currency_flag(args.currency.as_deref())?.map(|c| c.to_string());
            let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "channels set")?;
            let mut store = Store::open(&cfg.db)?;
            store.set_channel_rules(&args.name, &rules, args.sync_hours, currency.as_deref())?;
            if let Some(m) = &args.markup {
                let markup = parse_percent(m, "--markup")?;
                if !(-90..=1000).contains(&markup) {
                    bail!("--markup must be between -90% and 1000%");
                }
                store.set_channel_markup(&args.name, markup)?;
            }
            if let Some(sources) = &args.sources {
                let sources: Vec<String> = sources
                    .iter()
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
                store.set_channel_sources(&args.name, &sources)?;
            }
            out.note(&format!("updated channel {}", args.name));
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

/// `15%`, `15` or `-5%` as whole percent.
pub fn parse_percent(text: &str, flag: &str) -> Result<i64> {
    text.trim()
        .trim_end_matches('%')
        .trim()
        .parse::<i64>()
        .map_err(|_| anyhow!("{flag}: \"{text}\" is not a whole percent such as 15%"))
}

/// Validated rule changes from the command line.
pub fn rule_change(args: &RuleArgs) -> Result<RuleChange> {
    if args.buffer.is_some_and(|b| b < 0) {
        bail!("--buffer cannot be negative");
    }
    if args.percent.is_some_and(|p| !(0..=100).contains(&p)) {
        bail!("--percent must be between 0 and 100");
    }
    if args.max.is_some_and(|m| m < 0) {
        bail!("--max cannot be negative");
    }
    Ok(RuleChange {
        buffer: args.buffer,
        percent: args.percent,
        max: if args.no_max {
            Some(None)
        } else {
            args.max.map(Some)
        },
        zero_at: args.zero_at,
    })
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

/// A channel's publishing rules in words: `buffer 2, 50%, max 10, 0 at ≤ 1, sync 24 h`.
fn describe_rules(c: &crate::store::channels::ChannelRow) -> String {
    let mut parts = vec![format!("buffer {}", c.buffer), format!("{}%", c.percent)];
    if let Some(m) = c.max_qty {
        parts.push(format!("max {m}"));
    }
    parts.push(format!("0 at ≤ {}", c.zero_at));
    parts.push(format!("sync {} h", c.sync_hours));
    parts.join(", ")
}
