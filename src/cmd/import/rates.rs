//! `omni import rates FILE`: exchange rates for `omni kpi --convert-to`. One layout only:
//! `date, currency, rate[, base]`, a rate being units of `currency` per unit of `base` (as
//! the ECB publishes them: EUR → USD 1.0823). A file with any bad row writes nothing.

use std::io::Read;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

use crate::cli::{DecimalArg, ImportArgs};
use crate::config::Config;
use crate::domain::currency::Currency;
use crate::domain::number::{DecimalMark, format_scaled, parse_decimal};
use crate::ingest::source::Source;
use crate::render::Output;
use crate::store::rates::RateRow;
use crate::store::settings::CURRENCY;
use crate::store::{Store, WriteLock};

use super::usage;

pub fn run(args: &ImportArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    if args.channel.is_some() || args.location.is_some() || args.map.is_some() {
        return Err(usage(
            "rates files have one layout (date, currency, rate, base) and belong to no channel or location",
        ));
    }
    let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "import rates")?;
    let mut store = Store::open(&cfg.db)?;
    let default_base = match &args.currency {
        Some(c) => Some(parse_currency(c).map_err(|e| usage(&format!("--currency: {e}")))?),
        None => store.setting(CURRENCY)?,
    };
    let mark = args.decimal.map(|d| match d {
        DecimalArg::Dot => DecimalMark::Dot,
        DecimalArg::Comma => DecimalMark::Comma,
    });
    for arg in &args.files {
        let source = Source::from_arg(arg);
        let name = source.display_name();
        let mut text = String::new();
        source
            .open()?
            .read_to_string(&mut text)
            .with_context(|| format!("{name} is not UTF-8 text"))?;
        let rows = read_rates(&text, &name, default_base.as_deref(), mark, out)?;
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

fn parse_currency(text: &str) -> Result<String> {
    let c: Currency = text.trim().parse().map_err(|_| {
        anyhow::anyhow!("\"{text}\" is not a currency code (three letters, e.g. EUR)")
    })?;
    Ok(c.as_str().to_string())
}

/// The rows of a rates file; every bad row is listed before the error.
fn read_rates(
    text: &str,
    name: &str,
    default_base: Option<&str>,
    mark: Option<DecimalMark>,
    out: &Output,
) -> Result<Vec<RateRow>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .with_context(|| format!("{name}: cannot read the header row"))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let (Some(date), Some(currency), Some(rate)) =
        (col(&["date", "day"]), col(&["currency"]), col(&["rate"]))
    else {
        bail!(
            "{name}: a rates file needs the columns date, currency and rate (and base, or --currency)"
        );
    };
    let base_col = col(&["base"]);
    let mut rows = Vec::new();
    let mut bad = 0;
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.with_context(|| format!("{name}:{line}: not a CSV row"))?;
        let field = |c: usize| record.get(c).unwrap_or("").trim();
        let parsed = (|| -> Result<RateRow> {
            let day = NaiveDate::parse_from_str(field(date), "%Y-%m-%d")
                .map_err(|_| anyhow::anyhow!("date \"{}\" is not YYYY-MM-DD", field(date)))?;
            let currency = parse_currency(field(currency))?;
            let base = match base_col.map(field).filter(|b| !b.is_empty()) {
                Some(b) => parse_currency(b)?,
                None => default_base.map(str::to_string).ok_or_else(|| {
                    anyhow::anyhow!("no base currency: add a base column or pass --currency")
                })?,
            };
            let value = parse_decimal(field(rate), mark)
                .map_err(|e| anyhow::anyhow!("rate \"{}\" {e}", field(rate)))?;
            if value.mantissa <= 0 {
                bail!("rate \"{}\" must be more than 0", field(rate));
            }
            Ok(RateRow {
                day: day.format("%Y-%m-%d").to_string(),
                currency,
                base,
                // Stored as the exact decimal, whatever its spelling in the file.
                rate: format_scaled(
                    i64::try_from(value.mantissa)
                        .map_err(|_| anyhow::anyhow!("rate \"{}\" is too large", field(rate)))?,
                    value.scale,
                ),
            })
        })();
        match parsed {
            Ok(r) if r.currency == r.base => {}
            Ok(r) => rows.push(r),
            Err(e) => {
                bad += 1;
                out.warn(&format!("{name}:{line}: {e}"));
            }
        }
    }
    if bad > 0 {
        bail!("{name}: {bad} bad rows; nothing imported");
    }
    Ok(rows)
}
