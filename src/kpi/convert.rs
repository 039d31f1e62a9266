//! `--convert-to CUR`: every fact converted at the rate of its order's local day (KPIS.md
//! § 1.4), so a return converts at its order's rate and a full refund nets to zero. A rate
//! missing for a day is an error naming the day, never a guess.

use std::collections::{BTreeSet, HashMap};

use anyhow::{Result, bail};

use super::calendar::{Day, date_of, day_of};
use crate::domain::currency::Currency;
use crate::domain::number::{Decimal, parse_decimal};
use crate::domain::rate::convert;
use crate::domain::records::RateRecord;

#[derive(Debug, Clone)]
pub struct Converter {
    pub target: Currency,
    pub base: String,
    /// Units of each currency per unit of the base, per local day.
    rates: HashMap<(Currency, Day), Decimal>,
    /// First and last day with a rate.
    pub span: Option<(Day, Day)>,
}

impl Converter {
    /// A converter into `target` from the store's rates, which must share one base.
    pub fn new(target: Currency, rows: &[RateRecord]) -> Result<Converter> {
        let mut bases: Vec<&str> = rows.iter().map(|r| r.base.as_str()).collect();
        bases.sort_unstable();
        bases.dedup();
        let base = match bases.as_slice() {
            [] => bail!(
                "no exchange rates in the store: import them with `omni import rates FILE` (date, currency, rate, base)"
            ),
            [one] => one.to_string(),
            many => bail!(
                "the store's exchange rates have several bases ({}): keep one",
                many.join(", ")
            ),
        };
        let mut rates = HashMap::new();
        let mut span: Option<(Day, Day)> = None;
        for r in rows {
            let (Ok(currency), Ok(date), Ok(rate)) = (
                r.currency.parse::<Currency>(),
                chrono::NaiveDate::parse_from_str(&r.day, "%Y-%m-%d"),
                parse_decimal(&r.rate, None),
            ) else {
                bail!(
                    "a stored exchange rate is unreadable: {} {} {}",
                    r.day,
                    r.currency,
                    r.rate
                );
            };
            let day = day_of(date);
            span = Some(span.map_or((day, day), |(a, b)| (a.min(day), b.max(day))));
            rates.insert((currency, day), rate);
        }
        Ok(Converter {
            target,
            base,
            rates,
            span,
        })
    }

    fn rate(&self, currency: Currency, day: Day) -> Result<Decimal, Failure> {
        if currency.as_str() == self.base {
            return Ok(Decimal {
                mantissa: 1,
                scale: 0,
            });
        }
        self.rates
            .get(&(currency, day))
            .copied()
            .ok_or(Failure::NoRate(currency, day))
    }

    /// `minor` units of `from` on `day` in minor units of the target, rounded half to even.
    pub fn convert(&self, minor: i64, from: Currency, day: Day) -> Result<i64, Failure> {
        if from == self.target || minor == 0 {
            return Ok(minor);
        }
        let (a, b) = (self.rate(from, day)?, self.rate(self.target, day)?);
        convert(minor, from, a, self.target, b).ok_or_else(|| {
            Failure::Impossible(format!(
                "{minor} {} cannot be converted to {}: a rate is zero or the amount too large",
                from.as_str(),
                self.target.as_str()
            ))
        })
    }

    /// The error for the missing rates a whole report ran into, earliest first.
    pub fn missing_error(&self, missing: &BTreeSet<(Day, Currency)>) -> Option<anyhow::Error> {
        let (day, currency) = missing.iter().next()?;
        let more = match missing.len() - 1 {
            0 => String::new(),
            n => format!(" and {n} more currency-days"),
        };
        Some(anyhow::anyhow!(
            "no exchange rate for {} on {} (base {}){more}: add them with `omni import rates`",
            currency.as_str(),
            date_of(*day).format("%Y-%m-%d"),
            self.base
        ))
    }
}

/// Why an amount could not be converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    NoRate(Currency, Day),
    Impossible(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(code: &str) -> Currency {
        code.parse().unwrap()
    }

    fn row(day: &str, currency: &str, rate: &str) -> RateRecord {
        RateRecord {
            day: day.into(),
            currency: currency.into(),
            base: "EUR".into(),
            rate: rate.into(),
        }
    }

    #[test]
    fn converts_at_the_days_rate_and_names_a_missing_day() {
        let rows = [
            row("2025-03-10", "USD", "1.0823"),
            row("2025-03-10", "GBP", "0.84"),
        ];
        let day = day_of(chrono::NaiveDate::from_ymd_opt(2025, 3, 10).unwrap());
        let to_eur = Converter::new("EUR".parse().unwrap(), &rows).unwrap();
        assert_eq!(to_eur.convert(1200, c("USD"), day).unwrap(), 1109);
        assert_eq!(to_eur.convert(1200, c("EUR"), day).unwrap(), 1200);
        let to_gbp = Converter::new("GBP".parse().unwrap(), &rows).unwrap();
        // 10.00 USD = 9.2396… EUR = 7.7613… GBP.
        assert_eq!(to_gbp.convert(1000, c("USD"), day).unwrap(), 776);
        let usd = "USD".parse().unwrap();
        assert_eq!(
            to_eur.convert(1200, c("USD"), day + 1),
            Err(Failure::NoRate(usd, day + 1))
        );
        let missing = BTreeSet::from([(day + 2, usd), (day + 1, usd)]);
        let err = to_eur.missing_error(&missing).unwrap().to_string();
        assert!(
            err.contains("USD on 2025-03-11 (base EUR) and 1 more"),
            "{err}"
        );
    }
}
