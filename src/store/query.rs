//! Data out: the contract tables for `omni export`, read-only SQL for `omni sql`, and counts.

use anyhow::{Result, bail};
use rusqlite::types::ValueRef;

use crate::domain::currency::Currency;
use crate::domain::number::format_scaled;
use crate::report::{Cell, Table};

use super::Store;

/// The tables users and scripts may rely on, with their money columns (integer minor units
/// beside a `currency` column), which export writes as exact decimals.
pub const CONTRACT_TABLES: &[(&str, &[&str])] = &[
    ("channels", &[]),
    ("locations", &[]),
    ("location_feeds", &[]),
    ("products", &["price"]),
    ("listings", &["price"]),
    ("sku_aliases", &[]),
    ("sku_rules", &[]),
    ("bundle_components", &[]),
    ("stock_levels", &[]),
    ("stock_movements", &[]),
    ("orders", &["shipping", "refunded"]),
    ("order_lines", &["unit_price", "discount", "tax"]),
    ("customer_records", &[]),
    ("batches", &[]),
];

pub fn table_names() -> Vec<&'static str> {
    CONTRACT_TABLES.iter().map(|(t, _)| *t).collect()
}

impl Store {
    /// Every row of a contract table in primary-key order, money as exact decimals.
    pub fn export_table(&self, table: &str) -> Result<Table> {
        let Some((name, money)) = CONTRACT_TABLES.iter().find(|(t, _)| *t == table) else {
            bail!(
                "no table named {table} (one of {})",
                table_names().join(", ")
            );
        };
        let order = if *name == "location_feeds" {
            "channel_id, position"
        } else {
            "rowid"
        };
        let mut table = self.run_query(&format!("SELECT * FROM {name} ORDER BY {order}"))?;
        if let Some(cur_idx) = table.columns.iter().position(|c| c == "currency") {
            let money_idx: Vec<usize> = table
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| money.contains(&c.as_str()))
                .map(|(i, _)| i)
                .collect();
            for row in &mut table.rows {
                let currency = match &row[cur_idx] {
                    Cell::Text(code) => code.parse::<Currency>().ok(),
                    _ => None,
                };
                for &i in &money_idx {
                    if let (Cell::Int(minor), Some(cur)) = (&row[i], currency) {
                        row[i] = Cell::Decimal(format_scaled(*minor, cur.exponent()));
                    }
                }
            }
        }
        Ok(table)
    }

    /// Runs one statement that cannot change the store (the connection is read-only too).
    pub fn read_only_query(&self, sql: &str) -> Result<Table> {
        let verb = sql
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        if verb == "ATTACH" || verb == "DETACH" {
            bail!("omni sql reads this store only: ATTACH and DETACH are refused");
        }
        let stmt = self.conn.prepare(sql).map_err(|e| sql_error(e, sql))?;
        if !stmt.readonly() {
            bail!(
                "omni sql is read-only: this statement would change the store (use omni's commands to change data)"
            );
        }
        drop(stmt);
        self.run_query(sql)
    }

    fn run_query(&self, sql: &str) -> Result<Table> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| sql_error(e, sql))?;
        let columns: Vec<String> = stmt.column_names().map(|c| c.to_string()).collect();
        let width = columns.len();
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|e| sql_error(e, sql))? {
            let mut cells = Vec::with_capacity(width);
            for i in 0..width {
                cells.push(match row.get_ref(i)? {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(n) => Cell::Int(n),
                    ValueRef::Real(f) => Cell::Real(f),
                    ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Cell::Text(format!("<{} bytes>", b.len())),
                });
            }
            out.push(cells);
        }
        Ok(Table {
            columns,
            rows: out,
            notes: Vec::new(),
        })
    }

    /// Row counts of the contract tables, for summaries.
    pub fn table_counts(&self) -> Result<Vec<(&'static str, i64)>> {
        let mut out = Vec::new();
        for (name, _) in CONTRACT_TABLES {
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {name}"), [], |r| r.get(0))?;
            out.push((*name, n));
        }
        Ok(out)
    }
}

fn sql_error(e: rusqlite::Error, sql: &str) -> anyhow::Error {
    let short: String = sql.chars().take(60).collect();
    match e {
        rusqlite::Error::MultipleStatement => {
            anyhow::anyhow!("omni sql runs one statement at a time")
        }
        rusqlite::Error::SqliteFailure(_, Some(msg)) => {
            anyhow::anyhow!("SQL error in \"{short}\": {msg}")
        }
        other => anyhow::anyhow!("SQL error in \"{short}\": {other}"),
    }
}
