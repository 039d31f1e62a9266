//! `omni import rates FILE`: exchange rates for `omni kpi --convert-to` (the layout is in
//! `ingest::rates`). A file with any bad row writes nothing.

use std::io::Read;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::cli::ImportArgs;
use crate::config::Config;
use crate::ingest::rates;
use crate::ingest::source::Source;
use crate::render::Output;
use crate::store::settings::CURRENCY;
use crate::store::{Store, WriteLock};

use super::{decimal_mark, usage};
use crate::cmd::currency_flag;

pub fn run(args: &ImportArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    if args.channel.is_some() || args.location.is_some() || args.map.is_some() {
        return Err(usage(
            "rates files have one layout (date, currency, rate, base) and belong to no channel or location",
        ));
    }
    let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "import rates")?;
    let mut store = Store::open(&cfg.db)?;
    let default_base = match currency_flag(args.currency.as_deref())? {
        Some(c) => Some(c),
        None => store.setting(CURRENCY)?.and_then(|c| c.parse().ok()),
    };
    let mark = args.decimal.map(decimal_mark);
    for arg in &args.files {
        let source = Source::from_arg(arg);
        let name = source.display_name();
        let mut text = String::new();
        source
            .open()?
            .read_to_string(&mut text)
            .with_context(|| format!("{name} is not UTF-8 text"))?;
        let (rows, bad) = rates::read(&text, &name, default_base, mark)?;
        if !bad.is_empty() {
            for b in &bad {
                out.warn(b);
            }
            bail!("{name}: {} bad rows; nothing imported", bad.len());
        }
        if args.dry_run {
            out.note(&format!(
                "{name}: {} rates read (dry run: nothing written)",
                rows.len()
            ));
            continue;
        }
        let w = store.put_rates(&rows)?;
        let span = match (
            rows.iter().map(|r| &r.day).min(),
            rows.iter().map(|r| &r.day).max(),
        ) {
            (Some(a), Some(b)) => format!(", {a} to {b}"),
            _ => String::new(),
        };
        out.note(&format!(
            "{name}: {} rates read, {} new, {} changed, {} unchanged{span}",
            rows.len(),
            w.new,
            w.changed,
            w.unchanged
        ));
    }
    Ok(ExitCode::SUCCESS)
}
