//! Integrity checks (`omni doctor`) and the online backup (`omni backup`).

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};
use rusqlite::Connection;
use rusqlite::backup::Backup;

use super::Store;

/// One finding of `omni doctor`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    pub check: String,
    pub ok: bool,
    pub detail: String,
}

/// Rows whose parent is gone: (what, query counting them).
const ORPHANS: &[(&str, &str)] = &[
    (
        "order lines without their order",
        "SELECT count(*) FROM order_lines l WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = l.order_ref)",
    ),
    (
        "orders without their channel",
        "SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM channels c WHERE c.id = o.channel_id)",
    ),
    (
        "orders without any line",
        "SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_ref = o.id)",
    ),
    (
        "listings without their channel",
        "SELECT count(*) FROM listings l WHERE NOT EXISTS (SELECT 1 FROM channels c WHERE c.id = l.channel_id)",
    ),
    (
        "stock levels without their location",
        "SELECT count(*) FROM stock_levels s WHERE NOT EXISTS (SELECT 1 FROM locations l WHERE l.id = s.location_id)",
    ),
    (
        "customer records without their channel",
        "SELECT count(*) FROM customer_records r WHERE NOT EXISTS (SELECT 1 FROM channels c WHERE c.id = r.channel_id)",
    ),
    (
        "orders pointing at a missing customer record",
        "SELECT count(*) FROM orders o WHERE o.customer_record_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customer_records r WHERE r.id = o.customer_record_id)",
    ),
    (
        "unfinished batches",
        "SELECT count(*) FROM batches WHERE finished_at IS NULL",
    ),
];

impl Store {
    pub fn health(&self) -> Result<Vec<Health>> {
        let mut out = Vec::new();
        let integrity: Vec<String> = {
            let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?
        };
        let ok = integrity == ["ok"];
        out.push(Health {
            check: "integrity".into(),
            ok,
            detail: if ok {
                "SQLite integrity check passed".into()
            } else {
                integrity.join("; ")
            },
        });
        out.push(Health {
            check: "schema".into(),
            ok: true,
            detail: format!(
                "version {} (this omni knows up to {})",
                self.schema_version()?,
                super::schema::latest_version()
            ),
        });
        let fk: Vec<(String, i64)> = {
            let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?
        };
        out.push(Health {
            check: "foreign keys".into(),
            ok: fk.is_empty(),
            detail: if fk.is_empty() {
                "every reference points at an existing row".into()
            } else {
                format!(
                    "{} broken references, first in {} row {}",
                    fk.len(),
                    fk[0].0,
                    fk[0].1
                )
            },
        });
        for (what, sql) in ORPHANS {
            let n: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
            out.push(Health {
                check: "orphans".into(),
                ok: n == 0,
                detail: format!("{n} {what}"),
            });
        }
        let drift = self.sales_facts_drift()?;
        let ok = drift.missing == 0 && drift.extra == 0 && drift.histories_match;
        out.push(Health {
            check: "kpi aggregates".into(),
            ok,
            detail: if ok {
                "the sales facts match the orders and lines".into()
            } else {
                format!(
                    "{} sales facts missing and {} stale{}: run `omni doctor --rebuild-aggregates`",
                    drift.missing,
                    drift.extra,
                    if drift.histories_match {
                        ""
                    } else {
                        ", the packed histories differ from them"
                    }
                )
            },
        });
        let mut stmt = self.conn.prepare(
            "SELECT c.name, (SELECT max(b.finished_at) FROM batches b WHERE b.id IN (
                 SELECT max(seen_batch_id) FROM listings WHERE channel_id = c.id
                 UNION ALL SELECT max(batch_id) FROM orders WHERE channel_id = c.id))
             FROM channels c ORDER BY c.name",
        )?;
        let lasts: Vec<(String, Option<String>)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (name, last) in lasts {
            out.push(Health {
                check: "last import".into(),
                ok: true,
                detail: format!("{name}: {}", last.unwrap_or_else(|| "never".into())),
            });
        }
        Ok(out)
    }

    /// Copies the store to `dest` with SQLite's online backup: readers and writers may keep
    /// working meanwhile, and the copy is consistent.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let mut target =
            Connection::open(dest).with_context(|| format!("cannot create {}", dest.display()))?;
        let backup = Backup::new(&self.conn, &mut target)?;
        backup
            .run_to_completion(256, Duration::from_millis(5), None)
            .with_context(|| format!("the backup to {} did not complete", dest.display()))?;
        drop(backup);
        target.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    }
}
