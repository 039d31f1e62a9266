//! One canonical row into the store: parse it as its kind, resolve its channel or location,
//! write it. The outer error is fatal (the store); the inner one is the row's.

use std::collections::HashMap;

use anyhow::{Result, anyhow};

use crate::domain::channel::infer_from_name;
use crate::domain::currency::Currency;
use crate::ingest::parse::{self, ParseContext};
use crate::ingest::shape::CanonRow;
use crate::ingest::{Kind, RowError};
use crate::platform::Profile;
use crate::render::Output;
use crate::store::Store;
use crate::store::import::{ImportTx, Written};

use super::ImportSpec;

pub fn write_row(
    tx: &mut ImportTx<'_>,
    row: &CanonRow,
    ctx: &ParseContext,
    spec: &ImportSpec,
    resolver: &mut Resolver,
    warnings: &mut Vec<RowError>,
    out: &Output,
) -> Result<Result<Written, RowError>> {
    match spec.kind {
        Kind::Sales => {
            let rec = match parse::sales(row, ctx) {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            match resolver.channel(tx, &rec.channel, out)? {
                Ok(id) => Ok(Ok(tx.write_sales(&rec, id)?)),
                Err(msg) => Ok(Err(channel_error(row, ctx, &rec.channel, msg))),
            }
        }
        Kind::Catalog => {
            let rec = match parse::catalog(row, ctx, warnings) {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            match &ctx.channel {
                None => Ok(Ok(tx.write_product(&rec)?)),
                Some(c) => {
                    let id = resolver
                        .channel(tx, c, out)?
                        .map_err(|e| anyhow!("channel {c} {e}"))?;
                    if spec.create_products && rec.sku.is_some() {
                        tx.write_product(&rec)?;
                    }
                    Ok(Ok(tx.write_listing(&rec, id)?))
                }
            }
        }
        Kind::Stock => {
            let rec = match parse::stock(row, ctx) {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            let id = resolver.location(tx, &rec.location, out)?;
            if spec.adjust_stock {
                Ok(Ok(tx.adjust_stock(&rec, id)?))
            } else {
                Ok(Ok(tx.write_stock(&rec, id)?))
            }
        }
        Kind::Bundles => match parse::bundle(row, ctx) {
            Ok(rec) => Ok(Ok(tx.write_bundle(&rec)?)),
            Err(e) => Ok(Err(e)),
        },
        Kind::SkuMap => {
            let rec = match parse::sku_alias(row, ctx) {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            match tx.channel(&rec.channel)? {
                Some((id, _)) => Ok(Ok(tx.write_alias(&rec, id)?)),
                None => Ok(Err(channel_error(
                    row,
                    ctx,
                    &rec.channel,
                    "is not a channel (see `omni channels list`)".into(),
                ))),
            }
        }
        Kind::Customers => {
            let rec = match parse::customer(row, ctx) {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            let channel = ctx.channel.as_deref().unwrap_or_default();
            let id = resolver
                .channel(tx, channel, out)?
                .map_err(|e| anyhow!("channel {channel} {e}"))?;
            Ok(Ok(tx.write_customer(&rec, id)?))
        }
    }
}

fn channel_error(row: &CanonRow, ctx: &ParseContext, value: &str, message: String) -> RowError {
    let column = ctx.map.column("channel").map(|i| {
        (
            i + 1,
            ctx.map
                .header
                .get(i)
                .cloned()
                .unwrap_or_else(|| "channel".into()),
        )
    });
    let message = if column.is_some() {
        message
    } else {
        format!("channel {message}")
    };
    RowError {
        line: row.line,
        column,
        value: Some(value.to_string()),
        message,
    }
}

/// Channel and location ids by name. A channel named for the first time is created when its
/// name or the file's platform says its kind.
pub struct Resolver {
    profile: &'static Profile,
    currency: Option<Currency>,
    channels: HashMap<String, Result<i64, String>>,
    locations: HashMap<String, i64>,
}

impl Resolver {
    pub fn new(profile: &'static Profile, currency: Option<Currency>) -> Resolver {
        Resolver {
            profile,
            currency,
            channels: HashMap::new(),
            locations: HashMap::new(),
        }
    }

    pub fn channel(
        &mut self,
        tx: &ImportTx<'_>,
        name: &str,
        out: &Output,
    ) -> Result<Result<i64, String>> {
        let key = name.to_lowercase();
        if let Some(r) = self.channels.get(&key) {
            return Ok(r.clone());
        }
        let inferred = match infer_from_name(name) {
            Some((kind, platform)) => Some((kind, platform.map(str::to_string))),
            None if !self.profile.canonical => Some((
                self.profile.channel_kind,
                Some(self.profile.platform.to_string()),
            )),
            None => None,
        };
        let resolved = match (tx.channel(name)?, inferred) {
            (Some((id, _)), _) => Ok(id),
            (None, Some((kind, platform))) => {
                let currency = self.currency.map(|c| c.to_string());
                let id = tx.create_channel(
                    name,
                    kind.as_str(),
                    platform.as_deref(),
                    currency.as_deref(),
                )?;
                let on = platform.map(|p| format!(" on {p}")).unwrap_or_default();
                out.note(&format!("created channel {name} ({kind}{on}); change it with `omni channels` if that is wrong"));
                Ok(id)
            }
            (None, None) => Err(format!(
                "is not a known channel and its kind cannot be told from its name: add it first with `omni channels add {name} --kind web|marketplace|store|social|app|wholesale`"
            )),
        };
        self.channels.insert(key, resolved.clone());
        Ok(resolved)
    }

    pub fn location(&mut self, tx: &ImportTx<'_>, name: &str, out: &Output) -> Result<i64> {
        let key = name.to_lowercase();
        if let Some(id) = self.locations.get(&key) {
            return Ok(*id);
        }
        let (id, created) = tx.location_or_create(name)?;
        if created {
            out.note(&format!("created location {name} (warehouse); set which channels it feeds with `omni locations`"));
        }
        self.locations.insert(key, id);
        Ok(id)
    }
}

pub fn channel_currencies(store: &Store) -> Result<HashMap<String, Currency>> {
    Ok(store
        .channels()?
        .into_iter()
        .filter_map(|c| Some((c.name.to_lowercase(), c.currency?.parse().ok()?)))
        .collect())
}
