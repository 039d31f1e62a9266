//! Available to sell per SKU and channel, and the actions that bring each channel's listings
//! to it. Pure computation over what the store holds; no I/O.
//!
//! Semantics (README "Reconcile"): available at a location = latest on hand − reserved −
//! lines sold there after that count + lines returned there after it; the pool of a channel
//! is the sum over the locations that feed it; the channel's rules turn the pool into the
//! target; a bundle's pool is the fewest bundles any component allows.

pub mod advise;
pub mod explain;
pub mod plan;
pub mod rules;
pub mod stock;

use std::collections::HashMap;

use crate::store::reconcile::{ChannelRules, FeedRow, ListingRow, LocationRow, SkuRuleRow};

pub use plan::{Action, PlanRow, Planner};
pub use stock::Positions;

/// Everything a plan is computed from, as read from the store.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub channels: Vec<ChannelRules>,
    pub sku_rules: Vec<SkuRuleRow>,
    pub feeds: Vec<FeedRow>,
    pub locations: Vec<LocationRow>,
    /// SKUs as the stock counts write them (for display).
    pub snapshot_skus: Vec<String>,
    /// (bundle, component, units of the component per bundle)
    pub bundles: Vec<(String, String, i64)>,
    pub listings: Vec<ListingRow>,
    /// Master SKUs and whether each is discontinued.
    pub products: Vec<(String, bool)>,
    /// Units sold per channel and SKU over the velocity window.
    pub velocity: Vec<(i64, String, i64)>,
    pub velocity_days: i64,
}

/// The days of sales that make a SKU's velocity.
pub const VELOCITY_DAYS: i64 = 28;

impl Inputs {
    pub fn bundle_map(&self) -> HashMap<String, Vec<(String, i64)>> {
        let mut map: HashMap<String, Vec<(String, i64)>> = HashMap::new();
        for (b, c, q) in &self.bundles {
            map.entry(stock::key(b))
                .or_default()
                .push((stock::key(c), *q));
        }
        map
    }

    /// Each channel's own SKUs that its listings map to another master SKU.
    pub fn master_skus(&self) -> HashMap<(i64, String), String> {
        self.listings
            .iter()
            .filter(|l| stock::key(&l.channel_sku) != stock::key(&l.sku))
            .map(|l| {
                (
                    (l.channel_id, stock::key(&l.channel_sku)),
                    stock::key(&l.sku),
                )
            })
            .collect()
    }

    /// Channels with no listing at all: nothing to compare, nothing to propose.
    pub fn unlisted_channels(&self) -> Vec<String> {
        let listed: std::collections::HashSet<i64> =
            self.listings.iter().map(|l| l.channel_id).collect();
        self.channels
            .iter()
            .filter(|c| !listed.contains(&c.id))
            .map(|c| c.name.clone())
            .collect()
    }

    /// Locations that feed a channel but hold no count at all: they contribute nothing.
    pub fn uncounted_sources(&self, positions: &Positions) -> Vec<String> {
        let counted = positions.locations_with_counts();
        let mut names: Vec<String> = self
            .feeds
            .iter()
            .filter(|f| !counted.contains(&f.location_id))
            .map(|f| f.location.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    }
}
