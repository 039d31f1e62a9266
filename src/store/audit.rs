//! What the audit reads (listings with their master product, catalogue imports per channel)
//! and the saved audit runs it compares against.

use std::collections::HashMap;
use std::rc::Rc;

use anyhow::Result;
use rusqlite::{OptionalExtension, params};

use super::Store;

/// A listing with the master product it maps to, for the audit's checks. Products are
/// shared between their listings, not copied into each.
#[derive(Debug, Clone)]
pub struct AuditListing {
    pub channel_id: i64,
    pub channel_sku: Rc<str>,
    pub title: String,
    pub barcode: Option<String>,
    pub brand: Option<String>,
    pub price: Option<i64>,
    pub currency: Option<String>,
    pub quantity: Option<i64>,
    pub status: Option<String>,
    pub has_description: bool,
    pub has_image: bool,
    pub updated_at: Option<String>,
    pub seen_batch_id: Option<i64>,
    pub product: Option<Rc<MasterProduct>>,
}

#[derive(Debug, Clone)]
pub struct MasterProduct {
    /// Position in `AuditCatalog::products`: the checks keep per-product facts (pools, whether
    /// a channel lists it) in vectors indexed by it instead of maps keyed by SKU.
    pub index: usize,
    pub sku: Rc<str>,
    /// The SKU's comparison key (`domain::sku::key`), made once: every check asks.
    pub key: Rc<str>,
    pub title: String,
    pub barcode: Option<String>,
    pub brand: Option<String>,
    pub category: Option<String>,
    pub price: Option<i64>,
    pub currency: Option<String>,
    pub status: Option<String>,
}

/// The master catalogue and every channel's listings of it.
pub struct AuditCatalog {
    pub products: Vec<Rc<MasterProduct>>,
    pub listings: Vec<AuditListing>,
}

/// A channel's audit settings and import history.
#[derive(Debug, Clone)]
pub struct ChannelAudit {
    pub id: i64,
    /// Shared by every finding of the channel: an audit can hold millions.
    pub name: Rc<str>,
    pub markup: i64,
    pub sync_hours: i64,
    /// The latest catalogue batch of the channel (its latest export).
    pub latest_catalog_batch: Option<i64>,
    /// When the channel's data was last imported (any kind).
    pub last_import: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedFinding {
    pub key: String,
    pub check: String,
    pub severity: String,
    pub channel: String,
    pub sku: String,
    pub reason: String,
}

impl Store {
    /// Products by SKU, and listings by channel and channel SKU, each pointing at its product.
    pub fn audit_catalog(&self) -> Result<AuditCatalog> {
        let mut stmt = self.conn.prepare(
            "SELECT id, sku, title, barcode, brand, category, price, currency, status
             FROM products ORDER BY sku",
        )?;
        let mut by_id: HashMap<i64, Rc<MasterProduct>> = HashMap::new();
        let mut products = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let sku: String = r.get(1)?;
            let product = Rc::new(MasterProduct {
                index: products.len(),
                key: crate::domain::sku::key(&sku).into(),
                sku: sku.into(),
                title: r.get(2)?,
                barcode: r.get(3)?,
                brand: r.get(4)?,
                category: r.get(5)?,
                price: r.get(6)?,
                currency: r.get(7)?,
                status: r.get(8)?,
            });
            by_id.insert(r.get(0)?, product.clone());
            products.push(product);
        }
        let mut stmt = self.conn.prepare(
            "SELECT channel_id, channel_sku, title, barcode, brand, price, currency, quantity, status,
                    description IS NOT NULL, image_url IS NOT NULL, updated_at, seen_batch_id, product_id
             FROM listings ORDER BY channel_id, channel_sku",
        )?;
        let mut listings = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            listings.push(AuditListing {
                channel_id: r.get(0)?,
                channel_sku: r.get::<_, String>(1)?.into(),
                title: r.get(2)?,
                barcode: r.get(3)?,
                brand: r.get(4)?,
                price: r.get(5)?,
                currency: r.get(6)?,
                quantity: r.get(7)?,
                status: r.get(8)?,
                has_description: r.get(9)?,
                has_image: r.get(10)?,
                updated_at: r.get(11)?,
                seen_batch_id: r.get(12)?,
                product: r
                    .get::<_, Option<i64>>(13)?
                    .and_then(|id| by_id.get(&id).cloned()),
            });
        }
        Ok(AuditCatalog { products, listings })
    }

    pub fn channel_audits(&self) -> Result<Vec<ChannelAudit>> {
        // The newest batch of each channel's listings and orders. Grouping in SQL walks the
        // orders by their (channel, order id) index and looks each row up in the table (≈ 1 s
        // on 3M orders); one plain scan of each table, folded here, reads them in storage order.
        let seen = self.max_batch_by_channel("SELECT channel_id, seen_batch_id FROM listings")?;
        let sold = self.max_batch_by_channel("SELECT channel_id, batch_id FROM orders")?;
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.name, c.markup, c.sync_hours,
                    (SELECT b.finished_at FROM batches b WHERE b.id = ?1)
             FROM channels c WHERE c.id = ?2",
        )?;
        let mut ids = self.conn.prepare("SELECT id FROM channels ORDER BY name")?;
        let ids = ids
            .query_map([], |r| r.get::<_, i64>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let seen = seen.get(&id).copied().flatten();
            let sold = sold.get(&id).copied().flatten();
            // As `max(COALESCE(seen, 0), COALESCE(sold, 0))`: batch 0 does not exist.
            let newest = seen.unwrap_or(0).max(sold.unwrap_or(0));
            out.push(stmt.query_row(params![newest, id], |r| {
                Ok(ChannelAudit {
                    id: r.get(0)?,
                    name: r.get::<_, String>(1)?.into(),
                    markup: r.get(2)?,
                    sync_hours: r.get(3)?,
                    latest_catalog_batch: seen,
                    last_import: r.get(4)?,
                })
            })?);
        }
        Ok(out)
    }

    /// `max(batch)` per channel of a `(channel_id, batch)` query: `None` for a channel whose
    /// rows all have no batch, absent for a channel with no rows.
    fn max_batch_by_channel(&self, sql: &str) -> Result<HashMap<i64, Option<i64>>> {
        let mut stmt = self.conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        let mut out: HashMap<i64, Option<i64>> = HashMap::new();
        while let Some(r) = rows.next()? {
            let batch: Option<i64> = r.get(1)?;
            let e = out.entry(r.get(0)?).or_default();
            *e = (*e).max(batch);
        }
        Ok(out)
    }

    pub fn set_channel_markup(&self, name: &str, markup: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE channels SET markup = ?2 WHERE name = ?1",
            params![name, markup],
        )?;
        Ok(())
    }

    /// Saves an audit's findings as a run; returns its id.
    pub fn save_audit(&mut self, findings: &[SavedFinding]) -> Result<i64> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO audit_runs (created_at, findings) VALUES (?1, ?2)",
            params![super::now_text(), findings.len() as i64],
        )?;
        let run = tx.last_insert_rowid();
        {
            let mut stmt = tx.prepare(
                "INSERT OR IGNORE INTO audit_findings (run_id, key, \"check\", severity, channel, sku, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for f in findings {
                stmt.execute(params![
                    run, f.key, f.check, f.severity, f.channel, f.sku, f.reason
                ])?;
            }
        }
        tx.commit()?;
        Ok(run)
    }

    /// When the newest import finished: the "now" of channel staleness.
    pub fn latest_import(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT max(finished_at) FROM batches WHERE kind <> 'apply'",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }

    /// The newest saved run, or the given one.
    pub fn audit_run(&self, id: Option<i64>) -> Result<Option<(i64, String)>> {
        let sql = match id {
            Some(_) => "SELECT id, created_at FROM audit_runs WHERE id = ?1",
            None => {
                "SELECT id, created_at FROM audit_runs WHERE ?1 IS NULL ORDER BY id DESC LIMIT 1"
            }
        };
        Ok(self
            .conn
            .query_row(sql, [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    pub fn audit_run_findings(&self, run: i64) -> Result<Vec<SavedFinding>> {
        let mut stmt = self.conn.prepare(
            "SELECT key, \"check\", severity, channel, sku, reason FROM audit_findings WHERE run_id = ?1 ORDER BY key",
        )?;
        let rows = stmt.query_map([run], |r| {
            Ok(SavedFinding {
                key: r.get(0)?,
                check: r.get(1)?,
                severity: r.get(2)?,
                channel: r.get(3)?,
                sku: r.get(4)?,
                reason: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
