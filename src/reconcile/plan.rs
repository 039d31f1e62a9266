//! The plan: for each SKU and channel, the pool, the target after the channel's rules, what
//! the channel lists now, and the action that brings the listing to the target, riskiest first.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::rc::Rc;

use serde::Serialize;

use super::Inputs;
use super::rules::{Applied, Rule};
use super::stock::{LocationStock, Positions, key};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Zero,
    Lower,
    List,
    Relist,
    Raise,
    Ok,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Zero => "zero",
            Action::Lower => "lower",
            Action::List => "list",
            Action::Relist => "relist",
            Action::Raise => "raise",
            Action::Ok => "ok",
        }
    }
}

/// One listing of a SKU on a channel, and the quantity the plan publishes to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListingTarget {
    /// Index into the inputs' listings.
    pub listing: usize,
    pub listed: Option<i64>,
    pub publish: i64,
}

/// One SKU on one channel. The channel name is shared, not copied per row: a plan can hold
/// millions of rows.
#[derive(Debug, Clone)]
pub struct PlanRow {
    pub sku: Rc<str>,
    pub channel: Rc<str>,
    pub pool: i64,
    pub target: i64,
    pub listed: Option<i64>,
    pub action: Action,
    pub reason: String,
    pub risk: bool,
    pub channel_id: i64,
    pub listings: Vec<ListingTarget>,
}

/// What makes up a pool: each feeding location's stock, or a bundle's limiting component.
#[derive(Debug, Clone)]
pub struct Pool {
    pub total: i64,
    pub locations: Vec<(String, Option<LocationStock>)>,
    pub bundle: Option<BundleLimit>,
}

#[derive(Debug, Clone)]
pub struct BundleLimit {
    /// (component, its pool, units per bundle, bundles it allows)
    pub components: Vec<(String, i64, i64, i64)>,
    pub limiting: String,
}

#[derive(Debug, Clone)]
pub struct ChannelView {
    pub id: i64,
    pub name: Rc<str>,
    pub platform: Option<String>,
    pub currency: Option<String>,
    pub rule: Rule,
    pub sync_hours: i64,
    /// Feeding locations in source order.
    pub sources: Vec<(i64, String)>,
}

/// (SKU key, channel rank by name) → indexes of its listings, in row order.
type Candidates = BTreeMap<(String, usize), Vec<usize>>;

/// A SKU's rule overrides on a channel: buffer, percent, max, zero-at.
type Overrides = (Option<i64>, Option<i64>, Option<i64>, Option<i64>);

pub struct Planner<'a> {
    pub inputs: &'a Inputs,
    pub positions: &'a Positions,
    pub channels: Vec<ChannelView>,
    sku_rules: HashMap<(String, i64), Overrides>,
    pub bundles: HashMap<String, Vec<(String, i64)>>,
    velocity: HashMap<(i64, String), i64>,
    display: HashMap<String, Rc<str>>,
}

/// Listing statuses under which a channel does not sell.
const INACTIVE: &[&str] = &[
    "inactive",
    "draft",
    "archived",
    "ended",
    "hidden",
    "paused",
    "incomplete",
    "private",
    "out of stock",
    "out_of_stock",
];

pub fn is_inactive(status: Option<&str>) -> bool {
    status.is_some_and(|s| INACTIVE.contains(&s.trim().to_lowercase().as_str()))
}

impl<'a> Planner<'a> {
    pub fn new(inputs: &'a Inputs, positions: &'a Positions) -> Planner<'a> {
        let channels = inputs
            .channels
            .iter()
            .map(|c| ChannelView {
                id: c.id,
                name: Rc::from(c.name.as_str()),
                platform: c.platform.clone(),
                currency: c.currency.clone(),
                rule: Rule {
                    buffer: c.buffer,
                    percent: c.percent,
                    max: c.max_qty,
                    zero_at: c.zero_at,
                },
                sync_hours: c.sync_hours,
                sources: inputs
                    .feeds
                    .iter()
                    .filter(|f| f.channel_id == c.id)
                    .map(|f| (f.location_id, f.location.clone()))
                    .collect(),
            })
            .collect();
        let sku_rules = inputs
            .sku_rules
            .iter()
            .map(|r| {
                (
                    (key(&r.sku), r.channel_id),
                    (r.buffer, r.percent, r.max_qty, r.zero_at),
                )
            })
            .collect();
        let mut velocity: HashMap<(i64, String), i64> = HashMap::new();
        for (c, sku, units) in &inputs.velocity {
            *velocity.entry((*c, positions.master(*c, sku))).or_default() += units;
        }
        let mut display = HashMap::new();
        for (sku, _) in &inputs.products {
            display.insert(key(sku), Rc::from(sku.as_str()));
        }
        for l in &inputs.listings {
            display.entry(key(&l.sku)).or_insert_with(|| l.sku.clone());
        }
        for s in &inputs.snapshot_skus {
            display
                .entry(key(s))
                .or_insert_with(|| Rc::from(s.as_str()));
        }
        Planner {
            inputs,
            positions,
            channels,
            sku_rules,
            bundles: inputs.bundle_map(),
            velocity,
            display,
        }
    }

    pub fn channel(&self, name: &str) -> Option<&ChannelView> {
        self.channels
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name))
    }

    pub fn rule(&self, channel: &ChannelView, sku: &str) -> Rule {
        match self.sku_rules.get(&(key(sku), channel.id)) {
            Some(&(b, p, m, z)) => channel.rule.with(b, p, m, z),
            None => channel.rule,
        }
    }

    fn stock_pool(
        &self,
        channel: &ChannelView,
        sku: &str,
    ) -> (i64, Vec<(String, Option<LocationStock>)>) {
        let mut total = 0;
        let mut parts = Vec::new();
        for (loc, name) in &channel.sources {
            let s = self.positions.at(*loc, sku).cloned();
            if let Some(s) = &s {
                total += s.available();
            }
            parts.push((name.clone(), s));
        }
        (total, parts)
    }

    /// What each location feeding the channel has of a SKU, in feed order (never below 0): its
    /// own available, or for a bundle the fewest bundles its components there allow.
    pub fn available_by_location<'c>(
        &self,
        channel: &'c ChannelView,
        sku: &str,
    ) -> Vec<(&'c str, i64)> {
        let at = |loc: i64, sku: &str| self.positions.at(loc, sku).map_or(0, |s| s.available());
        channel
            .sources
            .iter()
            .map(|(loc, name)| {
                let available = match self.bundles.get(&key(sku)) {
                    None => at(*loc, &key(sku)),
                    Some(components) => components
                        .iter()
                        .map(|(c, per)| at(*loc, c).max(0).div_euclid((*per).max(1)))
                        .min()
                        .unwrap_or(0),
                };
                (name.as_str(), available.max(0))
            })
            .collect()
    }

    /// The pool of a SKU on a channel: the sum over its feeding locations, or for a bundle the
    /// fewest bundles any component allows.
    pub fn pool(&self, channel: &ChannelView, sku: &str) -> Pool {
        match self.bundles.get(&key(sku)) {
            None => {
                let (total, locations) = self.stock_pool(channel, sku);
                Pool {
                    total,
                    locations,
                    bundle: None,
                }
            }
            Some(components) => {
                let mut parts = Vec::new();
                for (c, per) in components {
                    let (p, _) = self.stock_pool(channel, c);
                    parts.push((
                        self.display_sku(c).to_string(),
                        p,
                        *per,
                        p.max(0).div_euclid(*per),
                    ));
                }
                let limit = parts
                    .iter()
                    .min_by(|a, b| a.3.cmp(&b.3).then(a.0.cmp(&b.0)))
                    .cloned();
                let total = limit.as_ref().map_or(0, |l| l.3);
                let limiting = limit.map(|l| l.0).unwrap_or_default();
                Pool {
                    total,
                    locations: Vec::new(),
                    bundle: Some(BundleLimit {
                        components: parts,
                        limiting,
                    }),
                }
            }
        }
    }

    pub fn display_sku(&self, k: &str) -> Rc<str> {
        self.display
            .get(&key(k))
            .cloned()
            .unwrap_or_else(|| Rc::from(k))
    }

    /// Units sold per day on the channel over the velocity window.
    pub fn velocity(&self, channel: &ChannelView, sku: &str) -> f64 {
        let units = self
            .velocity
            .get(&(channel.id, key(sku)))
            .copied()
            .unwrap_or(0);
        units as f64 / self.inputs.velocity_days.max(1) as f64
    }

    /// Every SKU and channel worth a row, in SKU then channel-name order: whatever is listed
    /// (with the indexes of its listings), whatever has stock to list. Channels are keyed by
    /// their index in `self.channels`, not by a copy of their name per row.
    fn candidates(&self) -> (Vec<usize>, Candidates) {
        let mut order: Vec<usize> = (0..self.channels.len()).collect();
        order.sort_by(|&a, &b| self.channels[a].name.cmp(&self.channels[b].name));
        // rank → channel index, and channel id → rank
        let rank: HashMap<i64, usize> = order
            .iter()
            .enumerate()
            .map(|(r, &i)| (self.channels[i].id, r))
            .collect();
        let mut out = Candidates::new();
        for (i, l) in self.inputs.listings.iter().enumerate() {
            if let Some(&r) = rank.get(&l.channel_id) {
                out.entry((key(&l.sku), r)).or_default().push(i);
            }
        }
        let discontinued: HashSet<String> = self
            .inputs
            .products
            .iter()
            .filter(|(_, d)| *d)
            .map(|(s, _)| key(s))
            .collect();
        let listing_channels: HashSet<i64> =
            self.inputs.listings.iter().map(|l| l.channel_id).collect();
        for &ci in &order {
            let c = &self.channels[ci];
            // A channel whose catalogue omni has never seen (a POS) cannot be told what to list.
            if !listing_channels.contains(&c.id) {
                continue;
            }
            let mut skus: BTreeSet<&String> = BTreeSet::new();
            for (loc, _) in &c.sources {
                skus.extend(self.positions.skus_at(*loc));
            }
            skus.extend(self.bundles.keys());
            for s in skus {
                if !discontinued.contains(s) {
                    out.entry((s.clone(), rank[&c.id])).or_default();
                }
            }
        }
        (order, out)
    }

    /// (channel, channel SKU, quantity) of every listing the rows publish a new figure to
    /// (or every listing, with `all`).
    pub fn published(&self, rows: &[PlanRow], all: bool) -> Vec<(i64, String, i64)> {
        rows.iter()
            .flat_map(|r| {
                r.listings
                    .iter()
                    .filter(move |l| all || l.listed != Some(l.publish))
                    .map(move |l| {
                        (
                            r.channel_id,
                            self.inputs.listings[l.listing].channel_sku.clone(),
                            l.publish,
                        )
                    })
            })
            .collect()
    }

    pub fn plan(&self) -> Vec<PlanRow> {
        self.plan_where(|_| true)
    }

    /// The plan's rows that `keep` accepts, riskiest first. Rows are dropped as they are
    /// made, so a plan of millions of `ok` rows costs no memory when they are not wanted.
    pub fn plan_where(&self, keep: impl Fn(&PlanRow) -> bool) -> Vec<PlanRow> {
        let mut rows = Vec::new();
        let (order, candidates) = self.candidates();
        for ((sku_key, rank), listings) in candidates {
            let channel = &self.channels[order[rank]];
            let pool = self.pool(channel, &sku_key);
            let rule = self.rule(channel, &sku_key);
            let applied = rule.apply(pool.total);
            if listings.is_empty() && applied.target <= 0 {
                continue;
            }
            let row = self.row(channel, &sku_key, &pool, &rule, &applied, &listings);
            if keep(&row) {
                rows.push(row);
            }
        }
        // Riskiest first, then by action; candidates came in SKU then channel order and a
        // stable sort keeps it, without comparing strings.
        rows.sort_by_key(|r| (!r.risk, r.action));
        rows
    }

    fn row(
        &self,
        channel: &ChannelView,
        sku_key: &str,
        pool: &Pool,
        rule: &Rule,
        applied: &Applied,
        indexes: &[usize],
    ) -> PlanRow {
        let listings: Vec<&crate::store::reconcile::ListingRow> =
            indexes.iter().map(|&i| &self.inputs.listings[i]).collect();
        let target = applied.target;
        let known: Vec<i64> = listings.iter().filter_map(|l| l.quantity).collect();
        let listed = if listings.is_empty() || known.is_empty() {
            None
        } else {
            Some(known.iter().sum())
        };
        let all_inactive =
            !listings.is_empty() && listings.iter().all(|l| is_inactive(l.status.as_deref()));
        let rule_text = rule_summary(rule, pool.total, target);
        let (action, mut reason) = match (listings.is_empty(), listed) {
            (true, _) => (
                Action::List,
                format!("in stock ({}) but not listed", pool_summary(pool)),
            ),
            (false, _) if all_inactive && target > 0 => (
                Action::Relist,
                format!("listing inactive while {rule_text}"),
            ),
            (false, None) if target == 0 => (
                Action::Zero,
                "listing has no quantity and the pool is empty: show it as sold out".into(),
            ),
            (false, None) => (
                Action::Ok,
                "listing carries no quantity (availability only)".into(),
            ),
            (false, Some(l)) if l == target => (Action::Ok, format!("listed {l} = target")),
            (false, Some(l)) if target == 0 => {
                (Action::Zero, format!("listed {l} but {rule_text}"))
            }
            (false, Some(l)) if l > target => (Action::Lower, format!("listed {l} > {rule_text}")),
            (false, Some(l)) => (Action::Raise, format!("listed {l} < {rule_text}")),
        };
        let mut risk =
            matches!(listed, Some(l) if l > target) || (listed.is_none() && action == Action::Zero);
        let per_day = self.velocity(channel, sku_key);
        let between_syncs = per_day * channel.sync_hours as f64 / 24.0;
        if target > 0 && between_syncs > target as f64 {
            risk = true;
            reason.push_str(&format!(
                "; sells {per_day:.1}/day, so {:.1} may sell in the {} h between syncs, more than the {target} published",
                between_syncs, channel.sync_hours
            ));
        }
        if risk {
            reason = format!("oversell risk: {reason}");
        }
        // Duplicated listings publish the target once, on the first, and 0 on the others.
        let listing_targets = indexes
            .iter()
            .enumerate()
            .map(|(n, &i)| ListingTarget {
                listing: i,
                listed: self.inputs.listings[i].quantity,
                publish: if n == 0 { target } else { 0 },
            })
            .collect();
        PlanRow {
            sku: self.display_sku(sku_key),
            channel: channel.name.clone(),
            pool: pool.total,
            target,
            listed,
            action,
            reason,
            risk,
            channel_id: channel.id,
            listings: listing_targets,
        }
    }
}

fn pool_summary(pool: &Pool) -> String {
    match &pool.bundle {
        Some(b) => format!("pool {} bundles, limited by {}", pool.total, b.limiting),
        None => {
            let at: Vec<String> = pool
                .locations
                .iter()
                .filter_map(|(n, s)| {
                    s.as_ref()
                        .filter(|s| s.available() > 0)
                        .map(|s| format!("{n} {}", s.available()))
                })
                .collect();
            format!("pool {}: {}", pool.total, at.join(", "))
        }
    }
}

fn rule_summary(rule: &Rule, pool: i64, target: i64) -> String {
    let mut parts = vec![format!("pool {pool}")];
    if rule.buffer != 0 {
        parts.push(format!("− buffer {}", rule.buffer));
    }
    if rule.percent != 100 {
        parts.push(format!("× {}%", rule.percent));
    }
    if let Some(m) = rule.max {
        parts.push(format!("max {m}"));
    }
    if rule.zero_at != 0 {
        parts.push(format!("0 at ≤ {}", rule.zero_at));
    }
    format!("target {target} ({})", parts.join(" "))
}
