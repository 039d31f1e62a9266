//! Every step from on hand per location to the published figure, for one SKU on a channel.

use serde::Serialize;

use super::plan::{ChannelView, Planner, is_inactive};
use super::stock::key;

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub step: String,
    pub quantity: Option<i64>,
    pub detail: String,
}

fn step(step: &str, quantity: Option<i64>, detail: impl Into<String>) -> Step {
    Step {
        step: step.to_string(),
        quantity,
        detail: detail.into(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub sku: String,
    pub channel: String,
    pub steps: Vec<Step>,
}

pub fn explain(planner: &Planner<'_>, channel: &ChannelView, sku: &str) -> Explanation {
    let mut steps = Vec::new();
    let pool = planner.pool(channel, sku);
    if let Some(b) = &pool.bundle {
        for (component, component_pool, per, allows) in &b.components {
            let inner = planner.pool(channel, component);
            for (loc, s) in &inner.locations {
                steps.push(location_step(&format!("{component} at {loc}"), s.as_ref()));
            }
            steps.push(step(
                &format!("component {component}"),
                Some(*allows),
                format!("pool {component_pool} ÷ {per} per bundle, rounded down"),
            ));
        }
        steps.push(step(
            "pool",
            Some(pool.total),
            format!(
                "bundles the stock allows: the fewest, limited by {}",
                b.limiting
            ),
        ));
    } else {
        if channel.sources.is_empty() {
            steps.push(step(
                "sources",
                None,
                format!(
                    "no location feeds {}: set them with `omni channels set {} --sources …`",
                    channel.name, channel.name
                ),
            ));
        }
        for (loc, s) in &pool.locations {
            steps.push(location_step(loc, s.as_ref()));
        }
        steps.push(step(
            "pool",
            Some(pool.total),
            "sum of available at the locations that feed the channel",
        ));
    }
    let rule = planner.rule(channel, sku);
    let a = rule.apply(pool.total);
    steps.push(step(
        "− buffer",
        Some(a.after_buffer),
        format!("{} − {}", pool.total, rule.buffer),
    ));
    steps.push(step(
        "× percent",
        Some(a.after_percent),
        format!("{} × {}%, rounded down", a.after_buffer, rule.percent),
    ));
    let max = rule
        .max
        .map_or("no maximum".to_string(), |m| format!("capped at {m}"));
    steps.push(step("max", Some(a.after_max), max));
    let zero = if a.zeroed {
        format!("{} ≤ {}: published as 0", a.after_max, rule.zero_at)
    } else {
        format!("{} > {}", a.after_max, rule.zero_at)
    };
    steps.push(step(
        "zero-at",
        Some(if a.zeroed { 0 } else { a.after_max }),
        zero,
    ));
    steps.push(step("target", Some(a.target), "never below 0"));
    let listings: Vec<_> = planner
        .inputs
        .listings
        .iter()
        .filter(|l| l.channel_id == channel.id && key(&l.sku) == key(sku))
        .collect();
    if listings.is_empty() {
        steps.push(step(
            "listed",
            None,
            format!("not listed on {}", channel.name),
        ));
    }
    for l in listings {
        let status = l.status.clone().unwrap_or_else(|| "no status".into());
        let inactive = if is_inactive(l.status.as_deref()) {
            " (inactive)"
        } else {
            ""
        };
        steps.push(step(
            "listed",
            l.quantity,
            format!("listing {} is {status}{inactive}", l.channel_sku),
        ));
    }
    let per_day = planner.velocity(channel, sku);
    steps.push(step(
        "velocity",
        None,
        format!(
            "{per_day:.2}/day over the last {} days; about {:.1} between syncs every {} h",
            planner.inputs.velocity_days,
            per_day * channel.sync_hours as f64 / 24.0,
            channel.sync_hours
        ),
    ));
    Explanation {
        sku: planner.display_sku(sku).to_string(),
        channel: channel.name.to_string(),
        steps,
    }
}

fn location_step(name: &str, s: Option<&super::stock::LocationStock>) -> Step {
    match s {
        None => step(name, None, "no count of this SKU here: contributes nothing"),
        Some(s) => step(
            name,
            Some(s.available()),
            format!(
                "on hand {} as of {} − reserved {} − sold since {} + returned since {}",
                s.on_hand, s.as_of, s.reserved, s.sold, s.returned
            ),
        ),
    }
}
