//! The checks, each a function from the store's facts to findings.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use chrono::{DateTime, Utc};

use crate::domain::currency::Currency;
use crate::domain::number::format_scaled;
use crate::domain::text::title_similarity;
use crate::reconcile::Planner;
use crate::reconcile::plan::is_inactive;
use crate::store::audit::{AuditListing, ChannelAudit, MasterProduct};

use super::{Finding, Settings, Severity};

/// Everything the checks look at.
pub struct Facts<'a> {
    /// Pools already computed, by channel and SKU key: several checks need the same ones.
    pub pools: RefCell<HashMap<i64, HashMap<String, i64>>>,
    pub listings: &'a [AuditListing],
    pub products: &'a [Rc<MasterProduct>],
    pub channels: &'a [ChannelAudit],
    pub planner: &'a Planner<'a>,
    pub settings: &'a Settings,
}

fn discontinued(status: Option<&str>) -> bool {
    matches!(
        status.map(str::to_lowercase).as_deref(),
        Some("discontinued" | "archived" | "inactive")
    )
}

fn money(minor: i64, currency: Option<&str>) -> String {
    let c = currency.and_then(|c| c.parse::<Currency>().ok());
    match c {
        Some(c) => format!("{} {c}", format_scaled(minor, c.exponent())),
        None => minor.to_string(),
    }
}

impl Facts<'_> {
    pub fn channel_name(&self, id: i64) -> Rc<str> {
        self.channels
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| Rc::from(""), |c| c.name.clone())
    }

    /// The pool of a SKU on a channel, computed once: several checks and the scores ask.
    pub fn pool(&self, channel_id: i64, sku: &str) -> i64 {
        let k = crate::reconcile::stock::key_of(sku);
        if let Some(v) = self
            .pools
            .borrow()
            .get(&channel_id)
            .and_then(|m| m.get(&*k))
        {
            return *v;
        }
        let v = self
            .planner
            .channels
            .iter()
            .find(|c| c.id == channel_id)
            .map_or(0, |c| self.planner.pool(c, &k).total);
        self.pools
            .borrow_mut()
            .entry(channel_id)
            .or_default()
            .insert(k.into_owned(), v);
        v
    }

    /// (channel, product) of every linked listing. Products are shared, so their address
    /// identifies them without comparing SKUs.
    fn listed(&self) -> HashSet<(i64, *const MasterProduct)> {
        self.listings
            .iter()
            .filter_map(|l| l.product.as_ref().map(|p| (l.channel_id, Rc::as_ptr(p))))
            .collect()
    }

    /// Channels whose catalogue omni has seen.
    fn listing_channels(&self) -> Vec<&ChannelAudit> {
        let ids: HashSet<i64> = self.listings.iter().map(|l| l.channel_id).collect();
        self.channels
            .iter()
            .filter(|c| ids.contains(&c.id))
            .collect()
    }

    pub fn missing_listings(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        let listed = self.listed();
        for c in self.listing_channels() {
            for p in self
                .products
                .iter()
                .filter(|p| !discontinued(p.status.as_deref()))
            {
                if listed.contains(&(c.id, Rc::as_ptr(p))) {
                    continue;
                }
                let pool = self.pool(c.id, &p.key);
                if pool > 0 {
                    out.push(Finding::new(
                        "missing-listing",
                        "unlisted",
                        Severity::Warn,
                        &c.name,
                        &p.sku,
                        format!("in stock ({pool} for this channel) but not listed"),
                    ));
                }
            }
        }
        out
    }

    /// Channel × category: in-stock master SKUs the channel lists, over those it could list.
    pub fn coverage(&self) -> BTreeMap<String, BTreeMap<String, (usize, usize)>> {
        let mut out: BTreeMap<String, BTreeMap<String, (usize, usize)>> = BTreeMap::new();
        let listed = self.listed();
        for c in self.listing_channels() {
            for p in self
                .products
                .iter()
                .filter(|p| !discontinued(p.status.as_deref()))
            {
                if self.pool(c.id, &p.key) <= 0 {
                    continue;
                }
                let cat = p.category.clone().unwrap_or_else(|| "(none)".into());
                let cell = out
                    .entry(c.name.to_string())
                    .or_default()
                    .entry(cat)
                    .or_insert((0, 0));
                cell.1 += 1;
                if listed.contains(&(c.id, Rc::as_ptr(p))) {
                    cell.0 += 1;
                }
            }
        }
        out
    }

    pub fn orphan_listings(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        for l in self.listings {
            let channel = self.channel_name(l.channel_id);
            match &l.product {
                None => out.push(
                    Finding::new(
                        "orphan-listing",
                        "unmapped",
                        Severity::Warn,
                        &channel,
                        &l.channel_sku,
                        format!(
                            "listing {} maps to no master SKU (see omni skus unmapped)",
                            l.channel_sku
                        ),
                    )
                    .of_listing(&l.channel_sku),
                ),
                Some(p) if discontinued(p.status.as_deref()) => out.push(
                    Finding::new(
                        "orphan-listing",
                        "discontinued",
                        Severity::Warn,
                        &channel,
                        &p.sku,
                        format!(
                            "listing {} sells {}, which is {}",
                            l.channel_sku,
                            p.sku,
                            p.status.as_deref().unwrap_or("")
                        ),
                    )
                    .of_listing(&l.channel_sku),
                ),
                Some(_) => {}
            }
        }
        out
    }

    pub fn duplicate_listings(&self) -> Vec<Finding> {
        // Findings are sorted at the end: the groups need no order of their own.
        let mut groups: HashMap<(i64, Rc<str>), Vec<&AuditListing>> = HashMap::new();
        for l in self.listings {
            if let Some(p) = &l.product {
                groups
                    .entry((l.channel_id, p.sku.clone()))
                    .or_default()
                    .push(l);
            }
        }
        groups
            .into_iter()
            .filter(|(_, ls)| ls.len() > 1)
            .map(|((channel, sku), ls)| {
                let skus: Vec<&str> = ls.iter().map(|l| &*l.channel_sku).collect();
                Finding::new(
                    "duplicate-listing",
                    "duplicate",
                    Severity::Error,
                    &self.channel_name(channel),
                    &sku,
                    format!(
                        "listed {} times ({}): each can sell the same stock",
                        ls.len(),
                        skus.join(", ")
                    ),
                )
            })
            .collect()
    }

    pub fn price_parity(&self) -> (Vec<Finding>, usize) {
        let mut out = Vec::new();
        let mut other_currency = 0;
        for l in self.listings {
            let Some(p) = &l.product else { continue };
            let (Some(price), Some(master)) = (l.price, p.price) else {
                continue;
            };
            if master <= 0 {
                continue;
            }
            if l.currency.is_some() && p.currency.is_some() && l.currency != p.currency {
                other_currency += 1;
                continue;
            }
            let channel = self.channels.iter().find(|c| c.id == l.channel_id);
            let markup = channel.map_or(0, |c| c.markup);
            let expected = master as f64 * (100 + markup) as f64 / 100.0;
            let deviation = (price as f64 - expected) / expected;
            if deviation.abs() > self.settings.price_tolerance {
                let cur = l.currency.as_deref().or(p.currency.as_deref());
                let markup_text = if markup == 0 {
                    String::new()
                } else {
                    format!(" + {markup}% markup")
                };
                out.push(
                    Finding::new(
                        "price-parity",
                        "price",
                        Severity::Warn,
                        &self.channel_name(l.channel_id),
                        &p.sku,
                        format!(
                            "price {} is {:.0}% {} the expected {} (master {}{markup_text})",
                            money(price, cur),
                            deviation.abs() * 100.0,
                            if deviation > 0.0 { "above" } else { "below" },
                            money(expected.round() as i64, cur),
                            money(master, cur)
                        ),
                    )
                    .of_listing(&l.channel_sku),
                );
            }
        }
        (out, other_currency)
    }

    pub fn content_drift(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        for l in self.listings {
            let Some(p) = &l.product else { continue };
            let channel = self.channel_name(l.channel_id);
            // Keyed by listing: a SKU listed twice has two listings that may drift apart.
            let mut push = |kind: &'static str, severity: Severity, reason: Cow<'static, str>| {
                out.push(
                    Finding::new("content-drift", kind, severity, &channel, &p.sku, reason)
                        .of_listing(&l.channel_sku),
                );
            };
            let similarity = title_similarity(&l.title, &p.title);
            if similarity < self.settings.title_similarity {
                push(
                    "title",
                    Severity::Warn,
                    format!(
                        "title \"{}\" differs from the master's \"{}\" (similarity {similarity:.2})",
                        l.title, p.title
                    )
                    .into(),
                );
            }
            if let (Some(a), Some(b)) = (&l.brand, &p.brand)
                && !a.trim().eq_ignore_ascii_case(b.trim())
            {
                push(
                    "brand",
                    Severity::Warn,
                    format!("brand \"{a}\" but the master says \"{b}\"").into(),
                );
            }
            match (&l.barcode, &p.barcode) {
                (Some(a), Some(b)) if a != b => push(
                    "barcode",
                    Severity::Warn,
                    format!("barcode {a} but the master's is {b}").into(),
                ),
                (None, Some(b)) => push(
                    "no-barcode",
                    Severity::Info,
                    format!("no barcode (the master's is {b})").into(),
                ),
                _ => {}
            }
            if !l.has_image {
                push("no-image", Severity::Info, "no image".into());
            }
            if !l.has_description {
                push("no-description", Severity::Info, "no description".into());
            }
        }
        out
    }

    pub fn availability(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        // (channel, SKU) → (listed quantity, any active listing)
        let mut seen: HashMap<(i64, Rc<str>), (i64, bool)> = HashMap::new();
        for l in self.listings {
            let Some(p) = &l.product else { continue };
            let e = seen.entry((l.channel_id, p.sku.clone())).or_default();
            e.0 += l.quantity.unwrap_or(0);
            e.1 |= !is_inactive(l.status.as_deref());
        }
        for ((channel_id, sku), (listed, active)) in seen {
            let channel = self.channel_name(channel_id);
            let pool = self.pool(channel_id, &sku);
            if listed > 0 && active && pool <= 0 {
                out.push(Finding::new(
                    "availability",
                    "no-stock",
                    Severity::Error,
                    &channel,
                    &sku,
                    format!("listed as available ({listed}) while no location that feeds {channel} has stock"),
                ));
            } else if listed <= 0 && pool > 0 {
                out.push(Finding::new(
                    "availability",
                    "sold-out",
                    Severity::Warn,
                    &channel,
                    &sku,
                    format!("listed as out of stock while the pool has {pool}"),
                ));
            }
        }
        out
    }

    pub fn stale(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        let now = DateTime::parse_from_rfc3339(&self.settings.now)
            .map(|t| t.to_utc())
            .unwrap_or_else(|_| Utc::now());
        let age_days = |at: &str| {
            DateTime::parse_from_rfc3339(at)
                .ok()
                .map(|t| (now - t.to_utc()).num_days())
        };
        let import_now = DateTime::parse_from_rfc3339(&self.settings.import_now)
            .map(|t| t.to_utc())
            .unwrap_or(now);
        for c in self.channels {
            if let Some(age) = c
                .last_import
                .as_deref()
                .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                .map(|t| (import_now - t.to_utc()).num_hours())
                && age > c.sync_hours
            {
                out.push(Finding::new(
                    "stale-listing",
                    "channel",
                    Severity::Warn,
                    &c.name,
                    &Rc::from(""),
                    format!(
                        "latest import is {age} h old, older than the channel's {} h sync interval",
                        c.sync_hours
                    ),
                ));
            }
        }
        for l in self.listings {
            let channel = self.channels.iter().find(|c| c.id == l.channel_id);
            let sku = l.product.as_ref().map_or(&l.channel_sku, |p| &p.sku);
            let name = self.channel_name(l.channel_id);
            if let (Some(latest), Some(seen)) = (
                channel.and_then(|c| c.latest_catalog_batch),
                l.seen_batch_id,
            ) && seen < latest
            {
                out.push(
                    Finding::new(
                        "stale-listing",
                        "absent",
                        Severity::Warn,
                        &name,
                        sku,
                        format!(
                            "listing {} is not in the channel's latest export (batch {latest})",
                            l.channel_sku
                        ),
                    )
                    .of_listing(&l.channel_sku),
                );
            }
            if let Some(days) = l.updated_at.as_deref().and_then(age_days)
                && days > self.settings.stale_days
            {
                out.push(
                    Finding::new(
                        "stale-listing",
                        "old",
                        Severity::Info,
                        &name,
                        sku,
                        format!(
                            "listing {} not updated for {days} days (more than {})",
                            l.channel_sku, self.settings.stale_days
                        ),
                    )
                    .of_listing(&l.channel_sku),
                );
            }
        }
        out
    }
}
