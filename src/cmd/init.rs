//! `omni init`: create or upgrade the store and record its settings.

use std::process::ExitCode;

use anyhow::{Result, anyhow};

use crate::cli::InitArgs;
use crate::config::Config;
use crate::render::Output;
use crate::store::settings::{CURRENCY, TIMEZONE};
use crate::store::{Store, WriteLock};

pub fn run(args: &InitArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    let zone = args.timezone.as_deref().map(parse_zone).transpose()?;
    let currency = crate::cmd::currency_flag(args.currency.as_deref())?;
    let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "init")?;
    let (store, created) = Store::create_or_upgrade(&cfg.db)?;
    if let Some(z) = zone {
        store.set_setting(TIMEZONE, z.name())?;
    } else if store.setting(TIMEZONE)?.is_none() {
        store.set_setting(TIMEZONE, machine_zone().name())?;
    }
    if let Some(c) = currency {
        store.set_setting(CURRENCY, c.as_str())?;
    }
    let zone = store.setting(TIMEZONE)?.unwrap_or_default();
    let verb = if created {
        "created"
    } else {
        "store already exists at"
    };
    out.line(&format!(
        "{verb} {} (schema version {}, time zone {zone})",
        cfg.db.display(),
        store.schema_version()?
    ))?;
    Ok(ExitCode::SUCCESS)
}

pub fn parse_zone(name: &str) -> Result<chrono_tz::Tz> {
    name.parse::<chrono_tz::Tz>().map_err(|_| {
        anyhow!("--timezone: \"{name}\" is not an IANA time zone name (e.g. Europe/Madrid)")
    })
}

/// The zone this machine is set to, or UTC when it cannot be told.
pub fn machine_zone() -> chrono_tz::Tz {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(chrono_tz::UTC)
}

/// The store's zone setting as a zone.
pub fn store_zone(store: &Store) -> Result<chrono_tz::Tz> {
    Ok(store
        .setting(TIMEZONE)?
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(machine_zone))
}
