//! Exchange-rate files (`omni import rates`): one layout, `date, currency, rate[, base]`, a
//! rate being units of `currency` per unit of `base` (as the ECB publishes them: EUR → USD
//! 1.0823). Header names match case-insensitively; the rate is kept as its exact decimal.

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

use crate::domain::currency::Currency;
use crate::domain::number::{DecimalMark, format_scaled, parse_decimal};
use crate::domain::records::RateRecord;
use crate::ingest::sniff::DELIMITERS;

/// The rates of a rates file, and `file:line: reason` for each bad row (the caller writes
/// nothing when there is one). Rows of the base currency itself are dropped.
pub fn read(
    text: &str,
    name: &str,
    default_base: Option<Currency>,
    mark: Option<DecimalMark>,
) -> Result<(Vec<RateRecord>, Vec<String>)> {
    let text = text.trim_start_matches('\u{feff}');
    // The delimiter under which the first line names the rate columns (a spreadsheet in a
    // decimal-comma locale saves with `;`).
    let first = text.lines().next().unwrap_or("").to_lowercase();
    let delimiter = DELIMITERS
        .into_iter()
        .find(|&d| {
            let names: Vec<&str> = first.split(d as char).map(str::trim).collect();
            names.contains(&"currency") && names.contains(&"rate")
        })
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
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
    let mut bad = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.with_context(|| format!("{name}:{line}: not a CSV row"))?;
        let field = |c: usize| record.get(c).unwrap_or("").trim();
        let parsed = (|| -> Result<RateRecord> {
            let day = NaiveDate::parse_from_str(field(date), "%Y-%m-%d")
                .map_err(|_| anyhow::anyhow!("date \"{}\" is not YYYY-MM-DD", field(date)))?;
            let currency = parse_currency(field(currency))?;
            let base = match base_col.map(field).filter(|b| !b.is_empty()) {
                Some(b) => parse_currency(b)?,
                None => default_base
                    .map(|c| c.as_str().to_string())
                    .ok_or_else(|| {
                        anyhow::anyhow!("no base currency: add a base column or pass --currency")
                    })?,
            };
            let value = parse_decimal(field(rate), mark)
                .map_err(|e| anyhow::anyhow!("rate \"{}\" {e}", field(rate)))?;
            if value.mantissa <= 0 {
                bail!("rate \"{}\" must be more than 0", field(rate));
            }
            Ok(RateRecord {
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
            Err(e) => bad.push(format!("{name}:{line}: {e}")),
        }
    }
    Ok((rows, bad))
}

fn parse_currency(text: &str) -> Result<String> {
    let c: Currency = text.trim().parse().map_err(|_| {
        anyhow::anyhow!("\"{text}\" is not a currency code (three letters, e.g. EUR)")
    })?;
    Ok(c.as_str().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_semicolon_file_with_decimal_commas_reads() {
        let (rows, bad) = read(
            "date;currency;rate\n2025-01-02;USD;1,0823\n2025-01-02;EUR;1\nx;USD;1\n",
            "r.csv",
            "EUR".parse().ok(),
            None,
        )
        .unwrap();
        // The base's own row is dropped; a bad date is named with its line.
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (rows[0].base.as_str(), rows[0].rate.as_str()),
            ("EUR", "1.0823")
        );
        assert_eq!(
            bad,
            vec!["r.csv:4: date \"x\" is not YYYY-MM-DD".to_string()]
        );
    }
}
