//! Channel rules and sources, per-SKU rule overrides, bundles.

use anyhow::{Result, anyhow, bail};
use rusqlite::{OptionalExtension, params};

use super::Store;

/// Changes to a channel's rules; `None` leaves a value as it is. `max` is `Some(None)` to remove it.
#[derive(Debug, Clone, Default)]
pub struct RuleChange {
    pub buffer: Option<i64>,
    pub percent: Option<i64>,
    pub max: Option<Option<i64>>,
    pub zero_at: Option<i64>,
}

impl Store {
    fn channel_id_or_err(&self, name: &str) -> Result<i64> {
        self.channel_id(name)?
            .ok_or_else(|| anyhow!("no channel named {name} (see `omni channels list`)"))
    }

    pub fn set_channel_rules(
        &mut self,
        name: &str,
        rules: &RuleChange,
        sync_hours: Option<i64>,
        currency: Option<&str>,
    ) -> Result<()> {
        let id = self.channel_id_or_err(name)?;
        let tx = self.conn.transaction()?;
        if let Some(b) = rules.buffer {
            tx.execute(
                "UPDATE channels SET buffer = ?2 WHERE id = ?1",
                params![id, b],
            )?;
        }
        if let Some(p) = rules.percent {
            tx.execute(
                "UPDATE channels SET percent = ?2 WHERE id = ?1",
                params![id, p],
            )?;
        }
        if let Some(m) = rules.max {
            tx.execute(
                "UPDATE channels SET max_qty = ?2 WHERE id = ?1",
                params![id, m],
            )?;
        }
        if let Some(z) = rules.zero_at {
            tx.execute(
                "UPDATE channels SET zero_at = ?2 WHERE id = ?1",
                params![id, z],
            )?;
        }
        if let Some(h) = sync_hours {
            tx.execute(
                "UPDATE channels SET sync_hours = ?2 WHERE id = ?1",
                params![id, h],
            )?;
        }
        if let Some(c) = currency {
            tx.execute(
                "UPDATE channels SET currency = ?2 WHERE id = ?1",
                params![id, c],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Replaces the locations that feed a channel, in this order.
    pub fn set_channel_sources(&mut self, name: &str, locations: &[String]) -> Result<()> {
        let id = self.channel_id_or_err(name)?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM location_feeds WHERE channel_id = ?1", [id])?;
        for (i, loc) in locations.iter().enumerate() {
            let loc_id: i64 = tx
                .query_row("SELECT id FROM locations WHERE name = ?1", [loc], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or_else(|| anyhow!("no location named {loc} (see `omni locations list`)"))?;
            tx.execute(
                "INSERT INTO location_feeds (location_id, channel_id, position) VALUES (?1, ?2, ?3)",
                params![loc_id, id, i as i64 + 1],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn set_sku_rule(&mut self, sku: &str, channel: &str, rules: &RuleChange) -> Result<()> {
        let id = self.channel_id_or_err(channel)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO sku_rules (sku, channel_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            params![sku, id],
        )?;
        let set = |col: &str, v: Option<i64>| {
            tx.execute(
                &format!("UPDATE sku_rules SET {col} = ?3 WHERE sku = ?1 AND channel_id = ?2"),
                params![sku, id, v],
            )
        };
        if let Some(b) = rules.buffer {
            set("buffer", Some(b))?;
        }
        if let Some(p) = rules.percent {
            set("percent", Some(p))?;
        }
        if let Some(m) = rules.max {
            set("max_qty", m)?;
        }
        if let Some(z) = rules.zero_at {
            set("zero_at", Some(z))?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn clear_sku_rule(&self, sku: &str, channel: &str) -> Result<bool> {
        let id = self.channel_id_or_err(channel)?;
        Ok(self.conn.execute(
            "DELETE FROM sku_rules WHERE sku = ?1 AND channel_id = ?2",
            params![sku, id],
        )? > 0)
    }

    /// Replaces a bundle's components.
    pub fn set_bundle(&mut self, bundle: &str, components: &[(String, i64)]) -> Result<()> {
        if components
            .iter()
            .any(|(c, _)| c.eq_ignore_ascii_case(bundle))
        {
            bail!("bundle {bundle} cannot contain itself");
        }
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM bundle_components WHERE bundle = ?1", [bundle])?;
        for (c, q) in components {
            tx.execute(
                "INSERT INTO bundle_components (bundle, component, quantity) VALUES (?1, ?2, ?3)
                 ON CONFLICT (bundle, component) DO UPDATE SET quantity = quantity + excluded.quantity",
                params![bundle, c, q],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
