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
        let mut stmt = self.conn.prepare(
            // One pass over listings and orders for all channels, not one per channel.
            "WITH seen AS (SELECT channel_id, max(seen_batch_id) AS batch FROM listings GROUP BY channel_id),
                  sold AS (SELECT channel_id, max(batch_id) AS batch FROM orders GROUP BY channel_id)
             SELECT c.id, c.name, c.markup, c.sync_hours, seen.batch,
                    (SELECT b.finished_at FROM batches b
                     WHERE b.id = max(COALESCE(seen.batch, 0), COALESCE(sold.batch, 0)))
             FROM channels c
             LEFT JOIN seen ON seen.channel_id = c.id
             LEFT JOIN sold ON sold.channel_id = c.id
             ORDER BY c.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ChannelAudit {
                id: r.get(0)?,
                name: r.get::<_, String>(1)?.into(),
                markup: r.get(2)?,
                sync_hours: r.get(3)?,
                latest_catalog_batch: r.get(4)?,
                last_import: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
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
