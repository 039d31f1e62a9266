//! Channels, locations and which locations feed which channels.

use anyhow::{Result, bail};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Store, now_text};

#[derive(Debug, Clone, Serialize)]
pub struct ChannelRow {
    pub name: String,
    pub kind: String,
    pub platform: Option<String>,
    pub currency: Option<String>,
    /// Locations that feed the channel, in source order.
    pub sources: String,
    pub listings: i64,
    pub orders: i64,
    /// The publishing rules: buffer, percent, max, zero-at; and the sync interval in hours.
    pub buffer: i64,
    pub percent: i64,
    pub max_qty: Option<i64>,
    pub zero_at: i64,
    pub sync_hours: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocationRow {
    pub name: String,
    pub kind: String,
    /// Channels this location feeds.
    pub feeds: String,
    pub skus: i64,
    pub on_hand: i64,
}

/// What removing a channel or location would take with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dependents {
    pub counts: Vec<(&'static str, i64)>,
}

impl Dependents {
    pub fn is_empty(&self) -> bool {
        self.counts.iter().all(|(_, n)| *n == 0)
    }

    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(what, n)| format!("{n} {what}"))
            .collect();
        parts.join(", ")
    }
}

const CHANNEL_DEPENDENTS: &[(&str, &str)] = &[
    (
        "order lines",
        "SELECT count(*) FROM order_lines WHERE channel_id = ?1",
    ),
    (
        "orders",
        "SELECT count(*) FROM orders WHERE channel_id = ?1",
    ),
    (
        "listings",
        "SELECT count(*) FROM listings WHERE channel_id = ?1",
    ),
    (
        "customer records",
        "SELECT count(*) FROM customer_records WHERE channel_id = ?1",
    ),
    (
        "location feeds",
        "SELECT count(*) FROM location_feeds WHERE channel_id = ?1",
    ),
];
const CHANNEL_DELETES: &[&str] = &[
    "DELETE FROM order_lines WHERE channel_id = ?1",
    "DELETE FROM orders WHERE channel_id = ?1",
    "DELETE FROM listings WHERE channel_id = ?1",
    "DELETE FROM customer_records WHERE channel_id = ?1",
    "DELETE FROM location_feeds WHERE channel_id = ?1",
    "DELETE FROM sku_rules WHERE channel_id = ?1",
    "DELETE FROM sku_aliases WHERE channel_id = ?1",
    // The channel's files may be imported again into a new channel of the same name.
    "DELETE FROM batches WHERE target = (SELECT name FROM channels WHERE id = ?1)",
    "DELETE FROM channels WHERE id = ?1",
];
const LOCATION_DEPENDENTS: &[(&str, &str)] = &[
    (
        "stock levels",
        "SELECT count(*) FROM stock_levels WHERE location_id = ?1",
    ),
    (
        "location feeds",
        "SELECT count(*) FROM location_feeds WHERE location_id = ?1",
    ),
];
const LOCATION_DELETES: &[&str] = &[
    "DELETE FROM stock_levels WHERE location_id = ?1",
    "DELETE FROM location_feeds WHERE location_id = ?1",
    "DELETE FROM stock_movements WHERE location_id = ?1",
    "DELETE FROM batches WHERE target = (SELECT name FROM locations WHERE id = ?1)",
    "DELETE FROM locations WHERE id = ?1",
];

impl Store {
    pub fn channel_id(&self, name: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM channels WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn add_channel(
        &self,
        name: &str,
        kind: &str,
        platform: Option<&str>,
        currency: Option<&str>,
    ) -> Result<()> {
        if self.channel_id(name)?.is_some() {
            bail!("channel {name} already exists (see `omni channels list`)");
        }
        insert_channel(&self.conn, name, kind, platform, currency)?;
        Ok(())
    }

    pub fn channels(&self) -> Result<Vec<ChannelRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.name, c.kind, c.platform, c.currency,
                    COALESCE((SELECT group_concat(name, ',') FROM (
                        SELECT l.name FROM location_feeds f JOIN locations l ON l.id = f.location_id
                        WHERE f.channel_id = c.id ORDER BY f.position)), ''),
                    (SELECT count(*) FROM listings WHERE channel_id = c.id),
                    (SELECT count(*) FROM orders WHERE channel_id = c.id),
                    c.buffer, c.percent, c.max_qty, c.zero_at, c.sync_hours
             FROM channels c ORDER BY c.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ChannelRow {
                name: r.get(0)?,
                kind: r.get(1)?,
                platform: r.get(2)?,
                currency: r.get(3)?,
                sources: r.get(4)?,
                listings: r.get(5)?,
                orders: r.get(6)?,
                buffer: r.get(7)?,
                percent: r.get(8)?,
                max_qty: r.get(9)?,
                zero_at: r.get(10)?,
                sync_hours: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn channel_dependents(&self, name: &str) -> Result<(i64, Dependents)> {
        let id = self
            .channel_id(name)?
            .ok_or_else(|| unknown_channel(name))?;
        Ok((id, self.dependents(id, CHANNEL_DEPENDENTS)?))
    }

    pub fn remove_channel(&mut self, id: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        // The channel's orders leave the sales facts and the histories they were in.
        super::kpi::mark_orders(&tx, "SELECT id FROM orders WHERE channel_id = ?1", id)?;
        for sql in CHANNEL_DELETES {
            tx.execute(sql, [id])?;
        }
        super::kpi::refresh_marked(&tx)?;
        tx.commit()?;
        Ok(())
    }

    pub fn location_id(&self, name: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM locations WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Adds a location feeding `feeds` (appended to the end of each channel's source order).
    pub fn add_location(&mut self, name: &str, kind: &str, feeds: &[String]) -> Result<()> {
        if self.location_id(name)?.is_some() {
            bail!("location {name} already exists (see `omni locations list`)");
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO locations (name, kind, created_at) VALUES (?1, ?2, ?3)",
            params![name, kind, now_text()],
        )?;
        let location_id = tx.last_insert_rowid();
        for channel in feeds {
            let channel_id: i64 = tx
                .query_row("SELECT id FROM channels WHERE name = ?1", [channel], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or_else(|| unknown_channel(channel))?;
            tx.execute(
                "INSERT INTO location_feeds (location_id, channel_id, position)
                 VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM location_feeds WHERE channel_id = ?2))",
                params![location_id, channel_id],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn locations(&self) -> Result<Vec<LocationRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT l.name, l.kind,
                    COALESCE((SELECT group_concat(name, ',') FROM (
                        SELECT c.name FROM location_feeds f JOIN channels c ON c.id = f.channel_id
                        WHERE f.location_id = l.id ORDER BY c.name)), ''),
                    (SELECT count(DISTINCT sku) FROM stock_levels WHERE location_id = l.id),
                    COALESCE((SELECT sum(s.on_hand) FROM stock_levels s
                              WHERE s.location_id = l.id
                                AND s.as_of = (SELECT max(as_of) FROM stock_levels t
                                               WHERE t.location_id = s.location_id AND t.sku = s.sku)), 0)
             FROM locations l ORDER BY l.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(LocationRow {
                name: r.get(0)?,
                kind: r.get(1)?,
                feeds: r.get(2)?,
                skus: r.get(3)?,
                on_hand: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn location_dependents(&self, name: &str) -> Result<(i64, Dependents)> {
        let id = self.location_id(name)?.ok_or_else(|| {
            anyhow::anyhow!("no location named {name} (see `omni locations list`)")
        })?;
        Ok((id, self.dependents(id, LOCATION_DEPENDENTS)?))
    }

    pub fn remove_location(&mut self, id: i64) -> Result<()> {
        self.delete_all(id, LOCATION_DELETES)
    }

    fn dependents(&self, id: i64, queries: &[(&'static str, &str)]) -> Result<Dependents> {
        let mut counts = Vec::new();
        for (what, sql) in queries {
            counts.push((*what, self.conn.query_row(sql, [id], |r| r.get(0))?));
        }
        Ok(Dependents { counts })
    }

    fn delete_all(&mut self, id: i64, statements: &[&str]) -> Result<()> {
        let tx = self.conn.transaction()?;
        for sql in statements {
            tx.execute(sql, [id])?;
        }
        tx.commit()?;
        Ok(())
    }
}

pub(crate) fn insert_channel(
    conn: &rusqlite::Connection,
    name: &str,
    kind: &str,
    platform: Option<&str>,
    currency: Option<&str>,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO channels (name, kind, platform, currency, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![name, kind, platform, currency, now_text()],
    )?;
    Ok(conn.last_insert_rowid())
}

fn unknown_channel(name: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "no channel named {name} (see `omni channels list`, or add it with `omni channels add {name} --kind …`)"
    )
}
