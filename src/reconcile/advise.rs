//! Buffers from sales velocity: enough units held back to cover what sells between syncs.

use serde::Serialize;

use super::plan::Planner;

#[derive(Debug, Clone, Serialize)]
pub struct BufferAdvice {
    pub channel: String,
    pub sku: String,
    pub per_day: f64,
    pub sync_hours: i64,
    pub current: i64,
    pub advised: i64,
    pub reason: String,
}

/// For every SKU sold on a channel in the velocity window: ceil(velocity × sync interval).
pub fn advise(planner: &Planner<'_>) -> Vec<BufferAdvice> {
    let mut out = Vec::new();
    for (channel_id, sku, units) in &planner.inputs.velocity {
        let Some(channel) = planner.channels.iter().find(|c| c.id == *channel_id) else {
            continue;
        };
        let per_day = *units as f64 / planner.inputs.velocity_days.max(1) as f64;
        let advised = (per_day * channel.sync_hours as f64 / 24.0).ceil() as i64;
        let current = planner.rule(channel, sku).buffer;
        out.push(BufferAdvice {
            channel: channel.name.to_string(),
            sku: planner.display_sku(sku).to_string(),
            per_day,
            sync_hours: channel.sync_hours,
            current,
            advised,
            reason: format!(
                "sold {units} in {} days ({per_day:.2}/day); {} h between syncs sells about {:.1}",
                planner.inputs.velocity_days,
                channel.sync_hours,
                per_day * channel.sync_hours as f64 / 24.0
            ),
        });
    }
    out.sort_by(|a, b| {
        b.advised
            .cmp(&a.advised)
            .then(a.channel.cmp(&b.channel))
            .then(a.sku.cmp(&b.sku))
    });
    out
}
