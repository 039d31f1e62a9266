//! `omni batches undo`: remove what a batch added and put back what it overwrote, refused
//! when a later batch built on it.

use anyhow::{Result, anyhow, bail};
use rusqlite::{OptionalExtension, params};

use super::Store;

/// The tables imports write, children first, with the columns an undo restores.
const TABLES: &[(&str, &[&str])] = &[
    (
        "order_lines",
        &[
            "order_ref",
            "channel_id",
            "line_id",
            "ordered_at",
            "status",
            "sku",
            "quantity",
            "unit_price",
            "currency",
            "discount",
            "tax",
            "location",
            "batch_id",
        ],
    ),
    (
        "orders",
        &[
            "channel_id",
            "order_id",
            "ordered_at",
            "utc_offset",
            "status",
            "customer_record_id",
            "currency",
            "shipping",
            "refunded",
            "cancelled_at",
            "batch_id",
        ],
    ),
    (
        "customer_records",
        &[
            "channel_id",
            "record_key",
            "customer_id",
            "email",
            "phone",
            "name",
            "given_name",
            "family_name",
            "address",
            "city",
            "postcode",
            "region",
            "country",
            "created_at",
            "email_relay",
            "batch_id",
        ],
    ),
    (
        "listings",
        &[
            "channel_id",
            "channel_sku",
            "sku",
            "product_id",
            "title",
            "barcode",
            "brand",
            "category",
            "price",
            "currency",
            "quantity",
            "status",
            "url",
            "description",
            "image_url",
            "updated_at",
            "batch_id",
            "seen_batch_id",
            "mapped_by",
        ],
    ),
    (
        "stock_levels",
        &[
            "location_id",
            "sku",
            "on_hand",
            "reserved",
            "as_of",
            "batch_id",
        ],
    ),
    (
        "products",
        &[
            "sku",
            "title",
            "barcode",
            "brand",
            "category",
            "price",
            "currency",
            "status",
            "url",
            "description",
            "image_url",
            "updated_at",
            "batch_id",
        ],
    ),
];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Undone {
    pub kind: String,
    pub removed: i64,
    pub restored: i64,
}

impl Store {
    pub fn undo_batch(&mut self, id: i64) -> Result<Undone> {
        let tx = self.conn.transaction()?;
        let kind: String = tx
            .query_row("SELECT kind FROM batches WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| anyhow!("no batch {id} (see `omni batches list`)"))?;
        if kind == "bundles" {
            bail!(
                "batch {id} defined bundles, which are not tracked per batch: change them with `omni skus bundle`"
            );
        }
        let later: Option<i64> = tx.query_row(
            "SELECT min(batch_id) FROM overwritten WHERE batch_id > ?1 AND json_extract(old_row, '$.batch_id') = ?1",
            [id],
            |r| r.get(0),
        )?;
        if let Some(l) = later {
            bail!("batch {l} changed rows that batch {id} wrote: undo batch {l} first");
        }
        let dependents: Option<i64> = tx.query_row(
            "SELECT min(l.batch_id) FROM order_lines l JOIN orders o ON o.id = l.order_ref
             WHERE o.batch_id = ?1 AND l.batch_id <> ?1
               AND NOT EXISTS (SELECT 1 FROM overwritten w WHERE w.batch_id = ?1 AND w.table_name = 'orders' AND w.row_id = o.id)",
            [id],
            |r| r.get(0),
        )?;
        if let Some(d) = dependents {
            bail!("batch {d} added lines to orders that batch {id} created: undo batch {d} first");
        }
        let customers: Option<i64> = tx.query_row(
            "SELECT min(o.batch_id) FROM orders o JOIN customer_records c ON c.id = o.customer_record_id
             WHERE c.batch_id = ?1 AND o.batch_id <> ?1
               AND NOT EXISTS (SELECT 1 FROM overwritten w WHERE w.batch_id = ?1 AND w.table_name = 'customer_records' AND w.row_id = c.id)",
            [id],
            |r| r.get(0),
        )?;
        if let Some(d) = customers {
            bail!(
                "batch {d} has orders of customers that batch {id} created: undo batch {d} first"
            );
        }
        // The orders this batch wrote or overwrote get their sales facts again afterwards.
        super::kpi::mark_orders(
            &tx,
            "SELECT order_ref FROM order_lines WHERE batch_id = ?1
             UNION SELECT id FROM orders WHERE batch_id = ?1
             UNION SELECT row_id FROM overwritten WHERE batch_id = ?1 AND table_name = 'orders'
             UNION SELECT json_extract(old_row, '$.order_ref') FROM overwritten
                   WHERE batch_id = ?1 AND table_name = 'order_lines'",
            id,
        )?;
        let mut done = Undone {
            kind,
            ..Undone::default()
        };
        for (table, columns) in TABLES {
            let set: Vec<String> = columns
                .iter()
                .map(|c| format!("{c} = json_extract(?2, '$.{c}')"))
                .collect();
            let restore = format!("UPDATE {table} SET {} WHERE id = ?1", set.join(", "));
            let old: Vec<(i64, String)> = {
                let mut stmt = tx.prepare("SELECT row_id, old_row FROM overwritten WHERE batch_id = ?1 AND table_name = ?2")?;
                stmt.query_map(params![id, table], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<Result<_, _>>()?
            };
            for (row, json) in &old {
                done.restored += tx.execute(&restore, params![row, json])? as i64;
            }
            done.removed +=
                tx.execute(&format!("DELETE FROM {table} WHERE batch_id = ?1"), [id])? as i64;
        }
        done.removed += tx.execute("DELETE FROM sku_aliases WHERE batch_id = ?1", [id])? as i64;
        tx.execute("DELETE FROM overwritten WHERE batch_id = ?1", [id])?;
        tx.execute("DELETE FROM batches WHERE id = ?1", [id])?;
        super::mapping::relink_listings(&tx)?;
        super::kpi::refresh_marked(&tx)?;
        tx.commit()?;
        Ok(done)
    }
}
