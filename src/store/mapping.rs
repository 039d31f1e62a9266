//! Links each listing to its master product: a human's alias first, then the same SKU
//! (case-insensitive), then a barcode that exactly one product has. Ambiguity links nothing.

use anyhow::Result;
use rusqlite::Connection;
use serde::Serialize;

use super::Store;

/// Recomputes every listing's product and how it was matched, touching only rows that change.
pub fn relink_listings(conn: &Connection) -> Result<usize> {
    let changed = conn.execute(
        "WITH matched AS (
            SELECT l.id AS listing_id,
                   (SELECT p.id FROM sku_aliases a JOIN products p ON p.sku = a.sku
                     WHERE a.channel_id = l.channel_id AND a.channel_sku = l.channel_sku) AS by_alias,
                   (SELECT p.id FROM products p WHERE p.sku = l.sku) AS by_sku,
                   (SELECT CASE WHEN count(*) = 1 THEN max(p.id) END FROM products p
                     WHERE l.barcode IS NOT NULL AND p.barcode = l.barcode) AS by_barcode
            FROM listings l),
         desired AS (
            SELECT listing_id,
                   COALESCE(by_alias, by_sku, by_barcode) AS product_id,
                   CASE WHEN by_alias IS NOT NULL THEN 'alias'
                        WHEN by_sku IS NOT NULL THEN 'sku'
                        WHEN by_barcode IS NOT NULL THEN 'barcode' END AS rule
            FROM matched)
         UPDATE listings SET product_id = d.product_id, mapped_by = d.rule
         FROM desired d
         WHERE d.listing_id = listings.id
           AND (listings.product_id IS NOT d.product_id OR listings.mapped_by IS NOT d.rule)",
        [],
    )?;
    Ok(changed)
}

/// A listing without a master product.
#[derive(Debug, Clone, Serialize)]
pub struct UnmappedListing {
    pub channel: String,
    pub channel_sku: String,
    pub sku: Option<String>,
    pub title: String,
    pub barcode: Option<String>,
}

/// A master product as candidates are chosen among them.
#[derive(Debug, Clone)]
pub struct ProductKey {
    pub sku: String,
    pub title: String,
    pub barcode: Option<String>,
}

/// One master SKU and one of its listings (or none).
#[derive(Debug, Clone, Serialize)]
pub struct SkuListing {
    pub sku: String,
    pub title: String,
    pub channel: Option<String>,
    pub channel_sku: Option<String>,
    pub price: Option<i64>,
    pub currency: Option<String>,
    pub quantity: Option<i64>,
    pub status: Option<String>,
    pub mapped_by: Option<String>,
}

impl Store {
    pub fn unmapped_listings(&self, channel: Option<&str>) -> Result<Vec<UnmappedListing>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.name, l.channel_sku, l.sku, l.title, l.barcode
             FROM listings l JOIN channels c ON c.id = l.channel_id
             WHERE l.product_id IS NULL AND (?1 IS NULL OR c.name = ?1)
             ORDER BY c.name, l.channel_sku",
        )?;
        let rows = stmt.query_map([channel], |r| {
            Ok(UnmappedListing {
                channel: r.get(0)?,
                channel_sku: r.get(1)?,
                sku: r.get(2)?,
                title: r.get(3)?,
                barcode: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn product_keys(&self) -> Result<Vec<ProductKey>> {
        let mut stmt = self
            .conn
            .prepare("SELECT sku, title, barcode FROM products ORDER BY sku")?;
        let rows = stmt.query_map([], |r| {
            Ok(ProductKey {
                sku: r.get(0)?,
                title: r.get(1)?,
                barcode: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Master SKUs with each of their listings, in SKU then channel order.
    pub fn sku_listings(&self, pattern: Option<&str>) -> Result<Vec<SkuListing>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.sku, p.title, c.name, l.channel_sku, l.price, l.currency, l.quantity, l.status, l.mapped_by
             FROM products p
             LEFT JOIN listings l ON l.product_id = p.id
             LEFT JOIN channels c ON c.id = l.channel_id
             WHERE ?1 IS NULL OR p.sku LIKE ?1
             ORDER BY p.sku, c.name, l.channel_sku",
        )?;
        let rows = stmt.query_map([pattern], |r| {
            Ok(SkuListing {
                sku: r.get(0)?,
                title: r.get(1)?,
                channel: r.get(2)?,
                channel_sku: r.get(3)?,
                price: r.get(4)?,
                currency: r.get(5)?,
                quantity: r.get(6)?,
                status: r.get(7)?,
                mapped_by: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
