//! What the audit reads (listings with their master product, catalogue imports per channel)
//! and the saved audit runs it compares against.

use anyhow::Result;
use rusqlite::{OptionalExtension, params};

use super::Store;

/// A listing with the master product it maps to, for the audit's checks.
#[derive(Debug, Clone)]
pub struct AuditListing {
    pub channel_id: i64,
    pub channel_sku: String,
    pub sku: Option<String>,
    pub title: String,
    pub barcode: Option<String>,
    pub brand: Option<String>,
    pub price: Option<i64>,
    pub currency: Option<String>,
    pub quantity: Option<i64>,
    pub status: Option<String>,
    pub description: Option<String>,
    pub image_url: Option<String>,
    pub updated_at: Option<String>,
    pub seen_batch_id: Option<i64>,
    pub product: Option<MasterProduct>,
}

#[derive(Debug, Clone)]
pub struct MasterProduct {
    pub sku: String,
    pub title: String,
    pub barcode: Option<String>,
    pub brand: Option<String>,
    pub category: Option<String>,
    pub price: Option<i64>,
    pub currency: Option<String>,
    pub status: Option<String>,
}

/// A channel's audit settings and import history.
#[derive(Debug, Clone)]
pub struct ChannelAudit {
    pub id: i64,
    pub name: String,
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
    pub fn audit_listings(&self) -> Result<Vec<AuditListing>> {
        let mut stmt = self.conn.prepare(
            "SELECT l.channel_id, l.channel_sku, l.sku, l.title, l.barcode, l.brand, l.price, l.currency, l.quantity,
                    l.status, l.description, l.image_url, l.updated_at, l.seen_batch_id,
                    p.sku, p.title, p.barcode, p.brand, p.category, p.price, p.currency, p.status
             FROM listings l LEFT JOIN products p ON p.id = l.product_id
             ORDER BY l.channel_id, l.channel_sku",
        )?;
        let rows = stmt.query_map([], |r| {
            let product = match r.get::<_, Option<String>>(14)? {
                None => None,
                Some(sku) => Some(MasterProduct {
                    sku,
                    title: r.get(15)?,
                    barcode: r.get(16)?,
                    brand: r.get(17)?,
                    category: r.get(18)?,
                    price: r.get(19)?,
                    currency: r.get(20)?,
                    status: r.get(21)?,
                }),
            };
            Ok(AuditListing {
                channel_id: r.get(0)?,
                channel_sku: r.get(1)?,
                sku: r.get(2)?,
                title: r.get(3)?,
                barcode: r.get(4)?,
                brand: r.get(5)?,
                price: r.get(6)?,
                currency: r.get(7)?,
                quantity: r.get(8)?,
                status: r.get(9)?,
                description: r.get(10)?,
                image_url: r.get(11)?,
                updated_at: r.get(12)?,
                seen_batch_id: r.get(13)?,
                product,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn master_products(&self) -> Result<Vec<MasterProduct>> {
        let mut stmt = self.conn.prepare(
            "SELECT sku, title, barcode, brand, category, price, currency, status FROM products ORDER BY sku",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(MasterProduct {
                sku: r.get(0)?,
                title: r.get(1)?,
                barcode: r.get(2)?,
                brand: r.get(3)?,
                category: r.get(4)?,
                price: r.get(5)?,
                currency: r.get(6)?,
                status: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn channel_audits(&self) -> Result<Vec<ChannelAudit>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.name, c.markup, c.sync_hours,
                    (SELECT max(l.seen_batch_id) FROM listings l WHERE l.channel_id = c.id),
                    (SELECT b.finished_at FROM batches b WHERE b.id = max(
                        COALESCE((SELECT max(seen_batch_id) FROM listings WHERE channel_id = c.id), 0),
                        COALESCE((SELECT max(batch_id) FROM orders WHERE channel_id = c.id), 0)))
             FROM channels c ORDER BY c.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ChannelAudit {
                id: r.get(0)?,
                name: r.get(1)?,
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
