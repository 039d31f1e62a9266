//! The batch ledger: one row per imported file, keyed by its content, so a re-import is a no-op.

use anyhow::Result;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::Store;

#[derive(Debug, Clone, Serialize)]
pub struct BatchRow {
    pub id: i64,
    pub kind: String,
    pub target: String,
    pub source: String,
    pub rows_read: i64,
    pub inserted: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub rejected: i64,
    pub started_at: String,
    pub content_hash: String,
}

/// A batch with the same content, kind and target, if one was imported already.
#[derive(Debug, Clone)]
pub struct PriorBatch {
    pub id: i64,
    pub started_at: String,
}

impl Store {
    pub fn find_batch(
        &self,
        content_hash: &str,
        kind: &str,
        target: &str,
    ) -> Result<Option<PriorBatch>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, started_at FROM batches WHERE content_hash = ?1 AND kind = ?2 AND target = ?3",
                params![content_hash, kind, target],
                |r| Ok(PriorBatch { id: r.get(0)?, started_at: r.get(1)? }),
            )
            .optional()?)
    }

    pub fn batches(&self) -> Result<Vec<BatchRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, kind, target, source, rows_read, rows_inserted, rows_updated, rows_unchanged,
                    rows_rejected, started_at, content_hash
             FROM batches ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(BatchRow {
                id: r.get(0)?,
                kind: r.get(1)?,
                target: r.get(2)?,
                source: r.get(3)?,
                rows_read: r.get(4)?,
                inserted: r.get(5)?,
                updated: r.get(6)?,
                unchanged: r.get(7)?,
                rejected: r.get(8)?,
                started_at: r.get(9)?,
                content_hash: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
