//! `omni skus map|unmapped|list`: how channel listings map to master SKUs.

use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};

use crate::catalog::CandidateFinder;
use crate::cli::SkusCommand;
use crate::config::Config;
use crate::domain::currency::Currency;
use crate::domain::number::format_scaled;
use crate::ingest::{Kind, Source};
use crate::render::Output;
use crate::report::{Cell, Table};
use crate::store::{Store, WriteLock};

use super::channels::rule_change;
use super::import::{ImportSpec, import_source};

/// `ALP-001=2` → ("ALP-001", 2).
fn parse_components(args: &[String]) -> Result<Vec<(String, i64)>> {
    if args.is_empty() {
        bail!("a bundle needs at least one COMPONENT=QTY");
    }
    args.iter()
        .map(|a| {
            let (sku, qty) = a
                .rsplit_once('=')
                .ok_or_else(|| anyhow!("\"{a}\" is not COMPONENT=QTY"))?;
            let qty: i64 = qty
                .trim()
                .parse()
                .map_err(|_| anyhow!("\"{a}\": the quantity is not a whole number"))?;
            if qty < 1 || sku.trim().is_empty() {
                bail!("\"{a}\": a component needs a SKU and a quantity of at least 1");
            }
            Ok((sku.trim().to_string(), qty))
        })
        .collect()
}

pub fn run(cmd: &SkusCommand, cfg: &Config, out: &Output) -> Result<ExitCode> {
    match cmd {
        SkusCommand::Map { file } => {
            let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "skus map")?;
            let mut store = Store::open(&cfg.db)?;
            import_source(
                &mut store,
                &Source::from_arg(file),
                &ImportSpec::new(Kind::SkuMap),
                None,
                out,
            )?;
            let unmapped = store.unmapped_listings(None)?.len();
            out.note(&format!(
                "{unmapped} listings still map to no master SKU (see `omni skus unmapped`)"
            ));
        }
        SkusCommand::Bundle {
            bundle,
            components,
            file,
        } => {
            let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "skus bundle")?;
            let mut store = Store::open(&cfg.db)?;
            match (file, bundle) {
                (Some(f), _) => {
                    import_source(
                        &mut store,
                        &Source::from_arg(f),
                        &ImportSpec::new(Kind::Bundles),
                        None,
                        out,
                    )?;
                }
                (None, Some(b)) => {
                    let parts = parse_components(components)?;
                    store.set_bundle(b, &parts)?;
                    let desc: Vec<String> =
                        parts.iter().map(|(c, q)| format!("{q} × {c}")).collect();
                    out.note(&format!("bundle {b} = {}", desc.join(" + ")));
                }
                (None, None) => bail!("name a bundle and its COMPONENT=QTY, or pass --file"),
            }
        }
        SkusCommand::Rule {
            sku,
            channel,
            rules,
            clear,
        } => {
            let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "skus rule")?;
            let mut store = Store::open(&cfg.db)?;
            if *clear {
                let had = store.clear_sku_rule(sku, channel)?;
                out.note(&if had {
                    format!("{sku} on {channel} follows the channel's rules again")
                } else {
                    format!("{sku} had no rule of its own on {channel}")
                });
            } else {
                let change = rule_change(rules)?;
                store.set_sku_rule(sku, channel, &change)?;
                out.note(&format!("{sku} on {channel} has its own rules (see `omni reconcile explain {sku} --channel {channel}`)"));
            }
        }
        SkusCommand::Unmapped { channel } => {
            let store = Store::open_read_only(&cfg.db)?;
            let products = store.product_keys()?;
            let finder = CandidateFinder::new(&products);
            let mut t = Table::new(&[
                "channel",
                "channel_sku",
                "sku",
                "title",
                "barcode",
                "candidate",
                "why",
            ]);
            for l in store.unmapped_listings(channel.as_deref())? {
                let c = finder.candidate(&l);
                t.push(vec![
                    Cell::text(l.channel),
                    Cell::text(l.channel_sku),
                    Cell::opt_text(l.sku),
                    Cell::text(l.title),
                    Cell::opt_text(l.barcode),
                    Cell::opt_text(c.sku),
                    Cell::text(c.why),
                ]);
            }
            t.notes.push(
                "Map them with `omni skus map FILE` (columns channel, channel_sku, sku).".into(),
            );
            out.table(&t)?;
        }
        SkusCommand::List { sku } => {
            let store = Store::open_read_only(&cfg.db)?;
            let mut t = Table::new(&[
                "sku",
                "title",
                "channel",
                "channel_sku",
                "price",
                "currency",
                "quantity",
                "status",
                "mapped_by",
            ]);
            for r in store.sku_listings(sku.as_deref())? {
                let price = match (
                    r.price,
                    r.currency
                        .as_deref()
                        .and_then(|c| c.parse::<Currency>().ok()),
                ) {
                    (Some(p), Some(c)) => Cell::Decimal(format_scaled(p, c.exponent())),
                    (Some(p), None) => Cell::Int(p),
                    _ => Cell::Null,
                };
                t.push(vec![
                    Cell::text(r.sku),
                    Cell::text(r.title),
                    Cell::opt_text(r.channel),
                    Cell::opt_text(r.channel_sku),
                    price,
                    Cell::opt_text(r.currency),
                    r.quantity.map_or(Cell::Null, Cell::Int),
                    Cell::opt_text(r.status),
                    Cell::opt_text(r.mapped_by),
                ]);
            }
            out.table(&t)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
