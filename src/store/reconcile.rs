//! What reconcile reads: latest counts, sales since, feeds, rules, bundles, listings.
//! Plain rows; the arithmetic lives in `reconcile`.

use std::collections::HashSet;
use std::rc::Rc;

use anyhow::Result;
use rusqlite::types::ValueRef;
use rusqlite::{OptionalExtension, params};

use super::Store;

#[derive(Debug, Clone)]
pub struct ChannelRules {
    pub id: i64,
    pub name: String,
    pub platform: Option<String>,
    pub currency: Option<String>,
    pub buffer: i64,
    pub percent: i64,
    pub max_qty: Option<i64>,
    pub zero_at: i64,
    pub sync_hours: i64,
}

#[derive(Debug, Clone)]
pub struct SkuRuleRow {
    pub sku: String,
    pub channel_id: i64,
    pub buffer: Option<i64>,
    pub percent: Option<i64>,
    pub max_qty: Option<i64>,
    pub zero_at: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct FeedRow {
    pub channel_id: i64,
    pub location_id: i64,
    pub location: String,
    pub position: i64,
}

#[derive(Debug, Clone)]
pub struct LocationRow {
    pub id: i64,
    pub name: String,
}

/// The latest count of a SKU at a location.
#[derive(Debug, Clone)]
pub struct SnapshotRow {
    pub location_id: i64,
    pub sku: String,
    pub on_hand: i64,
    pub reserved: i64,
    pub as_of: String,
}

/// An order line as reconcile needs it.
#[derive(Debug, Clone)]
pub struct LineMove {
    pub channel_id: i64,
    pub sku: String,
    pub quantity: i64,
    pub ordered_at: String,
    pub location: Option<String>,
}

/// A listing as reconcile needs it. The master SKU, status and currency repeat across
/// hundreds of thousands of listings, so each distinct text is held once and shared.
#[derive(Debug, Clone)]
pub struct ListingRow {
    pub channel_id: i64,
    /// The master SKU when the listing is linked, else the listing's own SKU.
    pub sku: Rc<str>,
    pub channel_sku: String,
    pub quantity: Option<i64>,
    pub status: Option<Rc<str>>,
    pub price: Option<i64>,
    pub currency: Option<Rc<str>>,
    pub handle_title: String,
}

/// One shared copy of each distinct text read.
#[derive(Default)]
struct Interner(HashSet<Rc<str>>);

impl Interner {
    fn text(&mut self, value: ValueRef<'_>) -> rusqlite::Result<Option<Rc<str>>> {
        let text = match value {
            ValueRef::Null => return Ok(None),
            ValueRef::Text(t) => {
                std::str::from_utf8(t).map_err(|e| rusqlite::Error::Utf8Error(0, e))?
            }
            _ => {
                return Err(rusqlite::Error::InvalidColumnType(
                    0,
                    "text".into(),
                    value.data_type(),
                ));
            }
        };
        if let Some(shared) = self.0.get(text) {
            return Ok(Some(shared.clone()));
        }
        let shared: Rc<str> = Rc::from(text);
        self.0.insert(shared.clone());
        Ok(Some(shared))
    }
}

/// Statuses of an order line that never took stock.
pub const CANCELLED: &str = "('cancelled', 'canceled', 'voided', 'cancelado', 'cancelada')";

impl Store {
    pub fn channel_rules(&self) -> Result<Vec<ChannelRules>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, platform, buffer, percent, max_qty, zero_at, sync_hours, currency FROM channels ORDER BY name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ChannelRules {
                id: r.get(0)?,
                name: r.get(1)?,
                platform: r.get(2)?,
                buffer: r.get(3)?,
                percent: r.get(4)?,
                max_qty: r.get(5)?,
                zero_at: r.get(6)?,
                sync_hours: r.get(7)?,
                currency: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn sku_rules(&self) -> Result<Vec<SkuRuleRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT sku, channel_id, buffer, percent, max_qty, zero_at FROM sku_rules ORDER BY sku",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SkuRuleRow {
                sku: r.get(0)?,
                channel_id: r.get(1)?,
                buffer: r.get(2)?,
                percent: r.get(3)?,
                max_qty: r.get(4)?,
                zero_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn feeds(&self) -> Result<Vec<FeedRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT f.channel_id, f.location_id, l.name, f.position FROM location_feeds f
             JOIN locations l ON l.id = f.location_id ORDER BY f.channel_id, f.position",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(FeedRow {
                channel_id: r.get(0)?,
                location_id: r.get(1)?,
                location: r.get(2)?,
                position: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn location_rows(&self) -> Result<Vec<LocationRow>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name FROM locations ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            Ok(LocationRow {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The latest count of each SKU at each location.
    pub fn latest_snapshots(&self) -> Result<Vec<SnapshotRow>> {
        self.stock_counts(
            "WHERE NOT EXISTS (SELECT 1 FROM stock_levels t
                               WHERE t.location_id = s.location_id AND t.sku = s.sku AND t.as_of > s.as_of)
             ORDER BY location_id, sku",
        )
    }

    /// Every stock count ever imported, by location, SKU and time (inventory KPIs).
    pub fn all_stock_counts(&self) -> Result<Vec<SnapshotRow>> {
        self.stock_counts("ORDER BY location_id, sku, as_of")
    }

    fn stock_counts(&self, rest: &str) -> Result<Vec<SnapshotRow>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT location_id, sku, on_hand, reserved, as_of FROM stock_levels s {rest}"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok(SnapshotRow {
                location_id: r.get(0)?,
                sku: r.get(1)?,
                on_hand: r.get(2)?,
                reserved: r.get(3)?,
                as_of: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Streams the order lines placed after `since` that took or gave back stock.
    pub fn for_each_line_since(&self, since: &str, mut f: impl FnMut(LineMove)) -> Result<()> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT channel_id, sku, quantity, ordered_at, location FROM order_lines
             WHERE ordered_at > ?1 AND (status IS NULL OR status NOT IN {CANCELLED})"
        ))?;
        let mut rows = stmt.query([since])?;
        while let Some(r) = rows.next()? {
            f(LineMove {
                channel_id: r.get(0)?,
                sku: r.get(1)?,
                quantity: r.get(2)?,
                ordered_at: r.get(3)?,
                location: r.get(4)?,
            });
        }
        Ok(())
    }

    /// Every stock change (`--adjust`): location, SKU, quantity, instant.
    pub fn for_each_movement(&self, mut f: impl FnMut(i64, &str, i64, &str)) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT location_id, sku, quantity, at FROM stock_movements ORDER BY at, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (loc, sku, qty, at): (i64, String, i64, String) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            f(loc, &sku, qty, &at);
        }
        Ok(())
    }

    /// Units sold per channel and SKU since `since` (returns and cancellations excluded).
    pub fn units_sold_since(&self, since: &str) -> Result<Vec<(i64, String, i64)>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT channel_id, sku, sum(quantity) FROM order_lines
             WHERE quantity > 0 AND ordered_at > ?1 AND (status IS NULL OR status NOT IN {CANCELLED})
             GROUP BY channel_id, sku ORDER BY channel_id, sku"
        ))?;
        let rows = stmt.query_map([since], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn bundle_rows(&self) -> Result<Vec<(String, String, i64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT bundle, component, quantity FROM bundle_components ORDER BY bundle, component",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every listing, keyed by its master SKU when linked.
    pub fn listing_rows(&self) -> Result<Vec<ListingRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT l.channel_id, COALESCE(p.sku, l.sku, l.channel_sku), l.channel_sku, l.quantity, l.status,
                    l.price, l.currency, l.title
             FROM listings l LEFT JOIN products p ON p.id = l.product_id
             ORDER BY l.channel_id, l.channel_sku",
        )?;
        let mut shared = Interner::default();
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(ListingRow {
                channel_id: r.get(0)?,
                sku: shared.text(r.get_ref(1)?)?.unwrap_or_else(|| Rc::from("")),
                channel_sku: r.get(2)?,
                quantity: r.get(3)?,
                status: shared.text(r.get_ref(4)?)?,
                price: r.get(5)?,
                currency: shared.text(r.get_ref(6)?)?,
                handle_title: r.get(7)?,
            });
        }
        Ok(out)
    }

    /// Master SKUs and whether each is discontinued (never proposed for listing).
    pub fn product_statuses(&self) -> Result<Vec<(String, bool)>> {
        let mut stmt = self.conn.prepare(
            "SELECT sku, COALESCE(status IN ('discontinued', 'archived', 'inactive'), 0) FROM products ORDER BY sku",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The newest instant the store knows of (latest order line or stock count): the "now" of
    /// a reconcile, so the same store always gives the same plan.
    pub fn latest_activity(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT max(t) FROM (SELECT max(ordered_at) AS t FROM order_lines UNION ALL SELECT max(as_of) FROM stock_levels)",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }

    /// Records the quantities a reconcile published as what each channel now shows.
    pub fn apply_quantities(
        &mut self,
        source: &str,
        updates: &[(i64, String, i64)],
    ) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let now = super::now_text();
        tx.execute(
            "INSERT INTO batches (kind, source, content_hash, target, profile, started_at, finished_at, rows_read, rows_updated)
             VALUES ('apply', ?1, ?2, '', 'reconcile', ?3, ?3, ?4, 0)",
            params![source, format!("apply:{now}:{}", updates.len()), now, updates.len() as i64],
        )?;
        let batch = tx.last_insert_rowid();
        let mut changed = 0i64;
        {
            let mut stmt = tx.prepare(
                "UPDATE listings SET quantity = ?3, batch_id = ?4
                 WHERE channel_id = ?1 AND channel_sku = ?2 AND quantity IS NOT ?3",
            )?;
            for (channel_id, channel_sku, qty) in updates {
                changed += stmt.execute(params![channel_id, channel_sku, qty, batch])? as i64;
            }
        }
        tx.execute(
            "UPDATE batches SET rows_updated = ?2, rows_unchanged = ?3 WHERE id = ?1",
            params![batch, changed, updates.len() as i64 - changed],
        )?;
        tx.commit()?;
        Ok(batch)
    }
}
