//! Customers: which customer records are one person, why, what people decided, and the
//! history that lets a merge be undone. Records themselves are never changed here.

use anyhow::Result;
use rusqlite::{OptionalExtension, params};

use super::{Store, now_text};
use crate::identity::SourceRecord;

/// The setting holding the region for phone numbers written without a country code.
pub const REGION: &str = "region";

/// A record with what a golden record and the export need.
#[derive(Debug, Clone, Default)]
pub struct MemberRecord {
    pub record_id: i64,
    pub channel: String,
    pub source_id: Option<String>,
    pub customer: Option<i64>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub postcode: Option<String>,
    pub country: Option<String>,
    /// The latest order or account creation: what "most recent" means for survivorship.
    pub last_seen: Option<String>,
    pub orders: i64,
}

/// One customer's change in a run: the record, its customer before, its customer after.
pub type Move = (i64, Option<i64>, i64);

/// A link as stored: two record ids, the rule, its weight and probability.
pub type LinkRow = (i64, i64, String, Option<f64>, Option<f64>);

/// A run and, for the records it moved, the customer each had before (none: new then).
pub type LastMoves = (i64, Vec<(i64, Option<i64>)>);

/// One order of a customer: channel, order id, time, currency, units, net in minor units.
#[derive(Debug, Clone)]
pub struct CustomerOrder {
    pub channel: String,
    pub order_id: String,
    pub ordered_at: String,
    pub currency: String,
    pub units: i64,
    pub net: i64,
}

/// What a run did, for the ledger.
#[derive(Debug, Clone, Default)]
pub struct RunRecord {
    pub kind: &'static str,
    pub threshold: Option<f64>,
    pub records: usize,
    pub new_records: usize,
    pub model: Option<String>,
}

/// Records with their customer and order figures; `orders` says which orders are counted
/// (all of them, or one customer's). Orders carry no index on their customer record: it
/// would cost every import about 15% (measured) for `show`, which scans in well under a second.
fn member_select(orders: &str) -> String {
    format!(
        "SELECT r.id, ch.name, r.customer_id, m.customer, r.email, r.phone, r.name, r.address, r.city,
                r.postcode, r.country, max(COALESCE(o.last, ''), COALESCE(r.created_at, '')), COALESCE(o.n, 0)
         FROM customer_records r
         JOIN channels ch ON ch.id = r.channel_id
         LEFT JOIN customer_members m ON m.record_id = r.id
         LEFT JOIN (SELECT customer_record_id AS id, max(ordered_at) AS last, count(*) AS n
                    FROM orders WHERE {orders} GROUP BY customer_record_id) o
                ON o.id = r.id"
    )
}

impl Store {
    /// Every customer record, in id order, with the customer it belongs to now.
    pub fn customer_sources(&self) -> Result<Vec<(SourceRecord, Option<i64>)>> {
        let mut stmt = self.conn.prepare(
            "SELECT r.id, ch.name, ch.kind = 'store', r.customer_id, CASE WHEN r.email_relay = 1 THEN NULL ELSE r.email END,
                    r.phone, r.name, r.given_name, r.family_name, r.address, r.city, r.postcode, m.customer, r.country
             FROM customer_records r
             JOIN channels ch ON ch.id = r.channel_id
             LEFT JOIN customer_members m ON m.record_id = r.id
             ORDER BY r.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                SourceRecord {
                    id: r.get(0)?,
                    channel: r.get(1)?,
                    is_store: r.get(2)?,
                    customer_id: r.get(3)?,
                    email: r.get(4)?,
                    phone: r.get(5)?,
                    name: r.get(6)?,
                    given_name: r.get(7)?,
                    family_name: r.get(8)?,
                    address: r.get(9)?,
                    city: r.get(10)?,
                    postcode: r.get(11)?,
                    country: r.get(13)?,
                },
                r.get(12)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The region for phone numbers without a country code: the `region` setting, else the
    /// country most customer records name.
    pub fn phone_region(&self) -> Result<Option<String>> {
        if let Some(r) = self.setting(REGION)? {
            return Ok(Some(r));
        }
        Ok(self
            .conn
            .query_row(
                "SELECT upper(trim(country)) FROM customer_records WHERE country IS NOT NULL AND trim(country) <> ''
                 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// People's decisions: (record, record, one person?).
    pub fn customer_decisions(&self) -> Result<Vec<(i64, i64, bool)>> {
        let mut stmt = self.conn.prepare(
            "SELECT record_a, record_b, same FROM customer_decisions ORDER BY record_a, record_b",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The model (JSON) of the latest run that fitted one.
    pub fn last_identity_model(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT model FROM merge_runs WHERE model IS NOT NULL ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The threshold of the latest linking run.
    pub fn last_merge_threshold(&self) -> Result<Option<f64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT threshold FROM merge_runs WHERE threshold IS NOT NULL ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A customer number never used before (history included, so an undo can bring one back).
    pub fn next_customer_id(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT 1 + max(COALESCE((SELECT max(id) FROM customers), 0),
                            COALESCE((SELECT max(customer) FROM customer_history), 0))",
            [],
            |r| r.get(0),
        )?)
    }

    /// Records a run: people's decisions it carries (a later decision about a pair replaces an
    /// earlier one), each record moved to its new customer (keeping where it was), the links;
    /// customers left empty are dropped. One transaction: all of it or none.
    pub fn write_customers(
        &mut self,
        run: &RunRecord,
        decisions: &[(i64, i64, bool)],
        moves: &[Move],
        links: &[LinkRow],
        replace_links: bool,
    ) -> Result<i64> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare(
                "INSERT OR REPLACE INTO customer_decisions (record_a, record_b, same, source, decided_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let now = now_text();
            for (a, b, same) in decisions.iter().filter(|d| d.0 != d.1) {
                stmt.execute(params![a.min(b), a.max(b), same, run.kind, now])?;
            }
        }
        tx.execute(
            "INSERT INTO merge_runs (kind, started_at, threshold, records, new_records, changed, model)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![run.kind, now_text(), run.threshold, run.records as i64, run.new_records as i64, moves.len() as i64, run.model],
        )?;
        let run_id = tx.last_insert_rowid();
        {
            let mut history = tx.prepare(
                "INSERT INTO customer_history (run_id, record_id, customer) VALUES (?1, ?2, ?3)",
            )?;
            let mut customer =
                tx.prepare("INSERT OR IGNORE INTO customers (id, run_id) VALUES (?1, ?2)")?;
            let mut member = tx.prepare(
                "INSERT INTO customer_members (record_id, customer, run_id) VALUES (?1, ?2, ?3)
                 ON CONFLICT (record_id) DO UPDATE SET customer = excluded.customer, run_id = excluded.run_id",
            )?;
            for (record, old, new) in moves {
                history.execute(params![run_id, record, old])?;
                customer.execute(params![new, run_id])?;
                member.execute(params![record, new, run_id])?;
            }
            if replace_links {
                tx.execute("DELETE FROM customer_links", [])?;
            }
            let mut link = tx.prepare(
                "INSERT OR REPLACE INTO customer_links (record_a, record_b, rule, weight, probability, run_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for (a, b, rule, weight, p) in links {
                link.execute(params![a.min(b), a.max(b), rule, weight, p, run_id])?;
            }
        }
        tx.execute(
            "DELETE FROM customers WHERE NOT EXISTS (SELECT 1 FROM customer_members m WHERE m.customer = customers.id)",
            [],
        )?;
        // A link between records that are no longer one customer explains nothing.
        tx.execute(
            "DELETE FROM customer_links WHERE (SELECT customer FROM customer_members WHERE record_id = record_a)
                                        IS NOT (SELECT customer FROM customer_members WHERE record_id = record_b)",
            [],
        )?;
        tx.commit()?;
        Ok(run_id)
    }

    /// The records of a customer, with what golden records and listings need.
    pub fn customer_members(&self, customer: i64) -> Result<Vec<MemberRecord>> {
        let sql = member_select(
            "customer_record_id IN (SELECT record_id FROM customer_members WHERE customer = ?1)",
        );
        self.member_records(
            &format!("{sql} WHERE m.customer = ?1 ORDER BY r.id"),
            [customer],
        )
    }

    /// The record ids of a customer (none when there is no such customer).
    pub fn customer_record_ids(&self, customer: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT record_id FROM customer_members WHERE customer = ?1 ORDER BY record_id",
        )?;
        let rows = stmt.query_map([customer], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every customer record with its customer (none before the first merge).
    pub fn all_member_records(&self) -> Result<Vec<MemberRecord>> {
        let sql = member_select("customer_record_id IS NOT NULL");
        self.member_records(&format!("{sql} ORDER BY m.customer, r.id"), [])
    }

    fn member_records(&self, sql: &str, args: impl rusqlite::Params) -> Result<Vec<MemberRecord>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map(args, |r| {
            let last: String = r.get(11)?;
            Ok(MemberRecord {
                record_id: r.get(0)?,
                channel: r.get(1)?,
                source_id: r.get(2)?,
                customer: r.get(3)?,
                email: r.get(4)?,
                phone: r.get(5)?,
                name: r.get(6)?,
                address: r.get(7)?,
                city: r.get(8)?,
                postcode: r.get(9)?,
                country: r.get(10)?,
                last_seen: (!last.is_empty()).then_some(last),
                orders: r.get(12)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The customer a record belongs to.
    pub fn customer_of(&self, record: i64) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT customer FROM customer_members WHERE record_id = ?1",
                [record],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Whether a customer record with this id exists.
    pub fn customer_record_exists(&self, record: i64) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM customer_records WHERE id = ?1",
                [record],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// The links that hold a customer together.
    pub fn customer_links(&self, customer: i64) -> Result<Vec<LinkRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT l.record_a, l.record_b, l.rule, l.weight, l.probability FROM customer_links l
             JOIN customer_members m ON m.record_id = l.record_a
             WHERE m.customer = ?1 ORDER BY l.record_a, l.record_b",
        )?;
        let rows = stmt.query_map([customer], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Where each of these records was before the latest run that moved any of them: that
    /// run's id and (record, customer before) for the records it moved.
    pub fn last_moves(&self, records: &[i64]) -> Result<Option<LastMoves>> {
        let list = records
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let run: Option<i64> = self.conn.query_row(
            &format!("SELECT max(run_id) FROM customer_history WHERE record_id IN ({list})"),
            [],
            |r| r.get(0),
        )?;
        let Some(run) = run else { return Ok(None) };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT record_id, customer FROM customer_history WHERE run_id = ?1 AND record_id IN ({list}) ORDER BY record_id"
        ))?;
        let rows = stmt.query_map([run], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(Some((run, rows.collect::<rusqlite::Result<_>>()?)))
    }

    /// Orders of a customer's records across channels, newest first.
    pub fn customer_orders(&self, customer: i64) -> Result<Vec<CustomerOrder>> {
        let mut stmt = self.conn.prepare(
            "SELECT ch.name, o.order_id, o.ordered_at, o.currency,
                    COALESCE((SELECT sum(l.quantity) FROM order_lines l WHERE l.order_ref = o.id), 0),
                    COALESCE((SELECT sum(l.quantity * l.unit_price - l.discount) FROM order_lines l WHERE l.order_ref = o.id), 0)
             FROM orders o
             JOIN customer_members m ON m.record_id = o.customer_record_id
             JOIN channels ch ON ch.id = o.channel_id
             WHERE m.customer = ?1
             ORDER BY o.ordered_at DESC, o.id",
        )?;
        let rows = stmt.query_map([customer], |r| {
            Ok(CustomerOrder {
                channel: r.get(0)?,
                order_id: r.get(1)?,
                ordered_at: r.get(2)?,
                currency: r.get(3)?,
                units: r.get(4)?,
                net: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
