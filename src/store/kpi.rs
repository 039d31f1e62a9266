//! The sales facts KPIs read: one row per order's sale, per return document, per money-only
//! refund and per cancellation, already split by the conventions of KPIS.md § 1.1. Kept
//! exact at import time (the orders a batch touched are recomputed in the same transaction),
//! checked by `omni doctor`, rebuilt by `omni doctor --rebuild-aggregates`. Stored in
//! customer-record order, so a report streams each customer's history without a sort.

use std::collections::{BTreeSet, HashMap};

use anyhow::Result;
use rusqlite::Connection;

use super::Store;
use super::histories;
use super::reconcile::CANCELLED;
use crate::domain::currency::Currency;

/// What a fact row records (the `kind` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    /// An order's sale lines, dated at the order.
    Sale = 0,
    /// Returned goods, dated when the return was processed.
    Return = 1,
    /// Money refunded without returned goods, dated at its order (exports do not date it).
    Refund = 2,
    /// A cancelled order the export did not return line by line: its lines back at the
    /// cancellation (at the order when the export does not date the cancellation).
    Cancellation = 3,
}

impl FactKind {
    pub(super) fn from_code(code: i64) -> FactKind {
        match code {
            0 => FactKind::Sale,
            1 => FactKind::Return,
            2 => FactKind::Refund,
            _ => FactKind::Cancellation,
        }
    }
}

/// One row of `sales_facts` as a report reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalesFact {
    /// The channel's customer record; `None` for a guest.
    pub record: Option<i64>,
    /// Unix seconds, UTC.
    pub at: i64,
    pub kind: FactKind,
    pub channel_id: i64,
    pub currency: Currency,
    pub units: i64,
    pub gross: i64,
    pub discounts: i64,
    pub returned_units: i64,
    pub returns: i64,
    pub cancelled: bool,
    /// The order's time (a return's and a refund's too), Unix seconds: the day whose
    /// exchange rate converts the fact.
    pub ordered_at: i64,
}

const FACT_COLUMNS: &str = "customer_record_id, at, order_ref, kind, channel_id, currency, units, \
                            gross, discounts, returned_units, returns, cancelled, ordered_at";

/// The facts of the orders `filter` selects (a condition on `o`), computed from the lines.
/// Returns are valued at the price paid: quantity × unit price less the line's discount.
fn facts_select(filter: &str) -> String {
    format!(
        // Sales and returns apart: a sale groups by order alone, which SQLite streams along
        // the lines' (order_ref, …) index; together they needed a sort of every line.
        "SELECT COALESCE(o.customer_record_id, 0), unixepoch(o.ordered_at), o.id, 0, o.channel_id,
                o.currency, sum(l.quantity), sum(l.quantity * l.unit_price), sum(l.discount), 0, 0,
                {cancelled}, unixepoch(o.ordered_at)
         FROM orders o JOIN order_lines l ON l.order_ref = o.id AND l.quantity > 0
         WHERE {filter}
         GROUP BY o.id
         UNION ALL
         SELECT COALESCE(o.customer_record_id, 0), unixepoch(l.ordered_at), o.id, 1, o.channel_id,
                o.currency, 0, 0, 0, sum(-l.quantity), sum(-l.quantity * l.unit_price - abs(l.discount)),
                {cancelled}, unixepoch(o.ordered_at)
         FROM order_lines l JOIN orders o ON o.id = l.order_ref
         WHERE l.quantity < 0 AND {filter}
         GROUP BY o.id, unixepoch(l.ordered_at)
         UNION ALL
         SELECT COALESCE(o.customer_record_id, 0), unixepoch(o.ordered_at), o.id, 2, o.channel_id,
                o.currency, 0, 0, 0, 0, o.refunded, {cancelled}, unixepoch(o.ordered_at)
         FROM orders o WHERE o.refunded <> 0 AND {filter}
         UNION ALL
         SELECT COALESCE(o.customer_record_id, 0), unixepoch(COALESCE(o.cancelled_at, o.ordered_at)),
                o.id, 3, o.channel_id, o.currency, 0, 0, 0, sum(l.quantity),
                sum(l.quantity * l.unit_price - l.discount), 1, unixepoch(o.ordered_at)
         FROM orders o JOIN order_lines l ON l.order_ref = o.id AND l.quantity > 0
         WHERE {cancelled} AND {filter}
           AND NOT EXISTS (SELECT 1 FROM order_lines r WHERE r.order_ref = o.id AND r.quantity < 0)
         GROUP BY o.id",
        cancelled = cancelled_condition(),
    )
}

/// Whether order `o` was cancelled: a cancellation time, or a cancelled status.
fn cancelled_condition() -> String {
    format!("(o.cancelled_at IS NOT NULL OR COALESCE(o.status IN {CANCELLED}, 0))")
}

/// Recomputes the facts of the orders listed in `temp.touched_orders`, which the caller has
/// filled, inside the caller's transaction.
fn refresh_touched(conn: &Connection) -> Result<()> {
    // The histories these orders were in, and those they are in now.
    let (mut records, mut buckets) = (BTreeSet::new(), BTreeSet::new());
    histories::touched_keys(conn, &mut records, &mut buckets)?;
    conn.execute(
        "DELETE FROM sales_facts WHERE order_ref IN (SELECT id FROM temp.touched_orders)",
        [],
    )?;
    conn.execute(
        &format!(
            "INSERT INTO sales_facts ({FACT_COLUMNS}) {}",
            facts_select("o.id IN (SELECT id FROM temp.touched_orders)")
        ),
        [],
    )?;
    histories::touched_keys(conn, &mut records, &mut buckets)?;
    histories::rebuild_keys(conn, &records, &buckets)?;
    conn.execute("DELETE FROM temp.touched_orders", [])?;
    Ok(())
}

fn create_touched(conn: &Connection) -> Result<()> {
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS touched_orders (id INTEGER PRIMARY KEY)",
        [],
    )?;
    Ok(())
}

/// Recomputes the facts of the given orders (those an import wrote), in `conn`'s open
/// transaction.
pub(super) fn refresh_orders(conn: &Connection, orders: &[i64]) -> Result<()> {
    if orders.is_empty() {
        return Ok(());
    }
    create_touched(conn)?;
    {
        let mut insert =
            conn.prepare_cached("INSERT OR IGNORE INTO temp.touched_orders (id) VALUES (?1)")?;
        for id in orders {
            insert.execute([id])?;
        }
    }
    refresh_touched(conn)
}

/// Marks the orders `select` (a query of order ids) returns for a refresh by
/// [`refresh_marked`]; run before the change that may delete them.
pub(super) fn mark_orders(conn: &Connection, select: &str, batch: i64) -> Result<()> {
    create_touched(conn)?;
    conn.execute(
        &format!("INSERT OR IGNORE INTO temp.touched_orders (id) {select}"),
        [batch],
    )?;
    Ok(())
}

pub(super) fn refresh_marked(conn: &Connection) -> Result<()> {
    refresh_touched(conn)
}

/// Every fact again from the lines: what a migration and `--rebuild-aggregates` run.
pub(super) fn rebuild_all(conn: &Connection) -> Result<usize> {
    conn.execute("DELETE FROM sales_facts", [])?;
    let n = conn.execute(
        &format!(
            "INSERT INTO sales_facts ({FACT_COLUMNS}) {}",
            facts_select("1")
        ),
        [],
    )?;
    histories::rebuild_all(conn)?;
    Ok(n)
}

/// One order line as the by-SKU, by-category and by-location reports read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalesLine {
    pub order_ref: i64,
    /// The line's time (a return line's is the return's), Unix seconds.
    pub at: i64,
    /// The order's time, Unix seconds: a line's exchange rate.
    pub ordered_at: i64,
    pub sku: String,
    pub category: Option<String>,
    pub location: Option<String>,
    pub channel_id: i64,
    pub currency: Currency,
    pub quantity: i64,
    pub unit_price: i64,
    pub discount: i64,
    /// When the order was cancelled (its time when the export does not say), if it was.
    pub cancelled_at: Option<i64>,
}

/// Where the stored facts and a fresh computation from the lines differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactDrift {
    pub missing: i64,
    pub extra: i64,
    /// Whether the packed histories reports read hold exactly the stored facts.
    pub histories_match: bool,
}

impl Store {
    pub fn rebuild_sales_facts(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let n = rebuild_all(&tx)?;
        tx.commit()?;
        Ok(n)
    }

    /// Compares the stored facts with a direct computation from orders and lines.
    pub fn sales_facts_drift(&self) -> Result<FactDrift> {
        let fresh = facts_select("1");
        let count = |sql: String| -> Result<i64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM ({sql})"), [], |r| r.get(0))?)
        };
        Ok(FactDrift {
            missing: count(format!(
                "SELECT * FROM ({fresh}) EXCEPT SELECT {FACT_COLUMNS} FROM sales_facts"
            ))?,
            extra: count(format!(
                "SELECT {FACT_COLUMNS} FROM sales_facts EXCEPT SELECT * FROM ({fresh})"
            ))?,
            histories_match: self.histories_match()?,
        })
    }

    /// The merged customer of each record that shares its customer with another record;
    /// a record missing here is a customer on its own.
    pub fn shared_customers(&self) -> Result<HashMap<i64, i64>> {
        // One pass over the covering index in customer order, keeping groups of two or more:
        // a GROUP BY … HAVING over the members costs several times more.
        let mut stmt = self
            .conn
            .prepare("SELECT customer, record_id FROM customer_members ORDER BY customer")?;
        let mut rows = stmt.query([])?;
        let mut shared = HashMap::new();
        let mut group: Vec<i64> = Vec::new();
        let mut current = None;
        let mut close = |customer: Option<i64>, group: &mut Vec<i64>| {
            if let (Some(c), true) = (customer, group.len() > 1) {
                shared.extend(group.iter().map(|r| (*r, c)));
            }
            group.clear();
        };
        while let Some(r) = rows.next()? {
            let (customer, record): (i64, i64) = (r.get(0)?, r.get(1)?);
            if current != Some(customer) {
                close(current, &mut group);
                current = Some(customer);
            }
            group.push(record);
        }
        close(current, &mut group);
        Ok(shared)
    }

    /// The latest merge run (id, time) and how many customer records it has not seen.
    pub fn identity_state(&self) -> Result<Option<(i64, String, i64)>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                // A merge run takes every record there is, and record ids only grow: the
                // records no run has seen are those above the highest member, a range of the
                // table's own key instead of counting a million rows.
                "SELECT id, started_at,
                        (SELECT count(*) FROM customer_records
                         WHERE id > (SELECT COALESCE(max(record_id), 0) FROM customer_members))
                 FROM merge_runs ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?)
    }

    /// Every order line with a quantity, an order's lines together (in order id order).
    pub fn for_each_sales_line(&self, mut each: impl FnMut(SalesLine)) -> Result<()> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT l.order_ref, unixepoch(l.ordered_at), unixepoch(o.ordered_at), l.sku, p.category,
                    l.location, l.channel_id, l.currency, l.quantity, l.unit_price, l.discount,
                    CASE WHEN {cancelled} THEN unixepoch(COALESCE(o.cancelled_at, o.ordered_at)) END
             FROM order_lines l JOIN orders o ON o.id = l.order_ref
             LEFT JOIN products p ON p.sku = l.sku
             WHERE l.quantity <> 0 ORDER BY l.order_ref",
            cancelled = cancelled_condition()
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let code = r.get_ref(7)?.as_str()?;
            let currency: Currency = code
                .parse()
                .map_err(|_| anyhow::anyhow!("an order line has the currency \"{code}\""))?;
            each(SalesLine {
                order_ref: r.get(0)?,
                at: r.get(1)?,
                ordered_at: r.get(2)?,
                sku: r.get(3)?,
                category: r.get(4)?,
                location: r.get(5)?,
                channel_id: r.get(6)?,
                currency,
                quantity: r.get(8)?,
                unit_price: r.get(9)?,
                discount: r.get(10)?,
                cancelled_at: r.get(11)?,
            });
        }
        Ok(())
    }

    /// Channel names by id.
    pub fn channel_names(&self) -> Result<HashMap<i64, String>> {
        let mut stmt = self.conn.prepare("SELECT id, name FROM channels")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_zero_is_a_guest() {
        let store = Store::in_memory().unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO channels (id, name, kind, created_at) VALUES (1, 'web', 'web', '');
                 INSERT INTO orders (id, channel_id, order_id, ordered_at, currency)
                   VALUES (1, 1, 'A', '2025-01-02T10:00:00Z', 'EUR');
                 INSERT INTO order_lines (order_ref, channel_id, line_id, ordered_at, sku, quantity, unit_price, currency, discount)
                   VALUES (1, 1, '1', '2025-01-02T10:00:00Z', 'X', 2, 500, 'EUR', 100),
                          (1, 1, '2', '2025-01-09T10:00:00Z', 'X', -1, 500, 'EUR', -50);",
            )
            .unwrap();
        rebuild_all(&store.conn).unwrap();
        let mut facts = Vec::new();
        store.for_each_sales_fact(|f| facts.push(f)).unwrap();
        assert_eq!(facts.len(), 2);
        assert_eq!(facts[0].record, None);
        assert_eq!(
            (facts[0].units, facts[0].gross, facts[0].discounts),
            (2, 1000, 100)
        );
        assert_eq!(facts[1].kind, FactKind::Return);
        assert_eq!((facts[1].returned_units, facts[1].returns), (1, 450));
        assert_eq!(facts[1].at - facts[0].at, 7 * 86_400);
        assert_eq!(
            store.sales_facts_drift().unwrap(),
            FactDrift {
                missing: 0,
                extra: 0,
                histories_match: true
            }
        );
    }
}
