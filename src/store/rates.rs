//! Exchange rates (`omni import rates`), read by `omni kpi --convert-to`.

use anyhow::Result;
use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::domain::records::RateRecord;

/// What writing a file of rates did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RatesWritten {
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
}

impl Store {
    /// Writes the rates in one transaction: all of them or none.
    pub fn put_rates(&mut self, rows: &[RateRecord]) -> Result<RatesWritten> {
        let tx = self.conn.transaction()?;
        let mut written = RatesWritten::default();
        {
            let mut get = tx.prepare_cached(
                "SELECT rate FROM exchange_rates WHERE base = ?1 AND currency = ?2 AND day = ?3",
            )?;
            let mut put = tx.prepare_cached(
                "INSERT INTO exchange_rates (day, currency, base, rate) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (base, currency, day) DO UPDATE SET rate = excluded.rate",
            )?;
            for r in rows {
                let known: Option<String> = get
                    .query_row(params![r.base, r.currency, r.day], |row| row.get(0))
                    .optional()?;
                match &known {
                    Some(k) if *k == r.rate => written.unchanged += 1,
                    Some(_) => written.changed += 1,
                    None => written.new += 1,
                }
                if known.as_deref() != Some(r.rate.as_str()) {
                    put.execute(params![r.day, r.currency, r.base, r.rate])?;
                }
            }
        }
        tx.commit()?;
        Ok(written)
    }

    /// Every rate, by base, currency and day.
    pub fn rates(&self) -> Result<Vec<RateRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT day, currency, base, rate FROM exchange_rates ORDER BY base, currency, day",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(RateRecord {
                day: r.get(0)?,
                currency: r.get(1)?,
                base: r.get(2)?,
                rate: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
