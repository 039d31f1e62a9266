//! The checks, each a function from the store's facts to findings.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use chrono::{DateTime, Utc};

use crate::domain::currency::Currency;
use crate::domain::number::format_scaled;
use crate::domain::text::tokens;
use crate::reconcile::Planner;
use crate::reconcile::plan::is_inactive;
use crate::reconcile::stock::LocationStock;
use crate::store::audit::{AuditListing, ChannelAudit, MasterProduct};

use super::{Finding, Settings, Severity};

/// Everything the checks look at.
pub struct Facts<'a> {
    pub listings: &'a [AuditListing],
    pub products: &'a [Rc<MasterProduct>],
    pub channels: &'a [ChannelAudit],
    pub planner: &'a Planner<'a>,
    pub settings: &'a Settings,
    /// Pools by channel (its index in `channels`) and product (`MasterProduct::index`):
    /// several checks and the scores ask for millions of them, so they are computed once.
    pools: Vec<Vec<i64>>,
    /// Whether each channel (by index) lists each product.
    listed: Vec<Vec<bool>>,
    /// Indexes of the channels whose catalogue omni has seen (that have listings).
    listing_channels: Vec<usize>,
    /// Whether each product is discontinued (by its index).
    discontinued: Vec<bool>,
    /// SKU key → the first product with that key: other SKUs (of unmapped listings) share
    /// its pool.
    by_key: HashMap<&'a str, usize>,
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

impl<'a> Facts<'a> {
    pub fn new(
        listings: &'a [AuditListing],
        products: &'a [Rc<MasterProduct>],
        channels: &'a [ChannelAudit],
        planner: &'a Planner<'a>,
        settings: &'a Settings,
    ) -> Facts<'a> {
        let mut listed = vec![Vec::new(); channels.len()];
        let mut has_listings = vec![false; channels.len()];
        for l in listings {
            // A listing always has its channel: deleting a channel deletes its listings.
            let Some(ci) = channels.iter().position(|c| c.id == l.channel_id) else {
                continue;
            };
            has_listings[ci] = true;
            if let Some(p) = &l.product {
                let row: &mut Vec<bool> = &mut listed[ci];
                if row.is_empty() {
                    row.resize(products.len(), false);
                }
                row[p.index] = true;
            }
        }
        for row in &mut listed {
            row.resize(products.len(), false);
        }
        let mut by_key = HashMap::with_capacity(products.len());
        for p in products {
            by_key.entry(&*p.key).or_insert(p.index);
        }
        Facts {
            listings,
            products,
            channels,
            planner,
            settings,
            pools: pools(planner, channels, products),
            listed,
            listing_channels: (0..channels.len()).filter(|&i| has_listings[i]).collect(),
            discontinued: products
                .iter()
                .map(|p| discontinued(p.status.as_deref()))
                .collect(),
            by_key,
        }
    }

    pub fn channel_name(&self, id: i64) -> Rc<str> {
        self.channels
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| Rc::from(""), |c| c.name.clone())
    }

    fn channel_index(&self, id: i64) -> Option<usize> {
        self.channels.iter().position(|c| c.id == id)
    }

    /// The pool of a SKU on a channel.
    pub fn pool(&self, channel_id: i64, sku: &str) -> i64 {
        let k = crate::reconcile::stock::key_of(sku);
        match (self.channel_index(channel_id), self.by_key.get(&*k)) {
            (Some(ci), Some(&pi)) => self.pools[ci][pi],
            // A SKU that is no product (an unmapped listing's): asked rarely.
            _ => self
                .planner
                .channels
                .iter()
                .find(|c| c.id == channel_id)
                .map_or(0, |c| self.planner.pool(c, &k).total),
        }
    }

    /// The pool of a product on a channel (by their indexes).
    pub fn product_pool(&self, channel: usize, product: usize) -> i64 {
        self.pools[channel][product]
    }

    /// The product sharing this SKU key's pool and price, if any.
    pub fn product_of_key(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// (channel index, product) of every listable product on each channel whose catalogue
    /// omni has seen, in channel then catalogue order.
    fn listable(&self) -> impl Iterator<Item = (usize, &'a Rc<MasterProduct>)> + '_ {
        self.listing_channels.iter().flat_map(move |&ci| {
            self.products
                .iter()
                .filter(|p| !self.discontinued[p.index])
                .map(move |p| (ci, p))
        })
    }

    pub fn missing_listings(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        for (ci, p) in self.listable() {
            if self.listed[ci][p.index] {
                continue;
            }
            let pool = self.pools[ci][p.index];
            if pool > 0 {
                out.push(Finding::new(
                    "missing-listing",
                    "unlisted",
                    Severity::Warn,
                    &self.channels[ci].name,
                    &p.sku,
                    format!("in stock ({pool} for this channel) but not listed"),
                ));
            }
        }
        out
    }

    /// Channel × category: in-stock master SKUs the channel lists, over those it could list.
    pub fn coverage(&self) -> BTreeMap<String, BTreeMap<String, (usize, usize)>> {
        // Counted under borrowed names, then copied once per cell.
        let mut counts: BTreeMap<&str, BTreeMap<&str, (usize, usize)>> = BTreeMap::new();
        for (ci, p) in self.listable() {
            if self.pools[ci][p.index] <= 0 {
                continue;
            }
            let cell = counts
                .entry(&self.channels[ci].name)
                .or_default()
                .entry(p.category.as_deref().unwrap_or("(none)"))
                .or_insert((0, 0));
            cell.1 += 1;
            if self.listed[ci][p.index] {
                cell.0 += 1;
            }
        }
        counts
            .into_iter()
            .map(|(c, cats)| {
                let cats = cats.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                (c.to_string(), cats)
            })
            .collect()
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
                Some(p) if self.discontinued[p.index] => out.push(
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
        // (channel, product, row) of every linked listing, sorted: each group of one channel
        // and product is then a run, its listings in row order.
        let mut linked: Vec<(i64, usize, usize)> = self
            .listings
            .iter()
            .enumerate()
            .filter_map(|(i, l)| Some((l.channel_id, l.product.as_ref()?.index, i)))
            .collect();
        linked.sort_unstable();
        linked
            .chunk_by(|a, b| (a.0, a.1) == (b.0, b.1))
            .filter(|group| group.len() > 1)
            .map(|group| {
                let (channel, product, _) = group[0];
                let skus: Vec<&str> = group
                    .iter()
                    .map(|&(_, _, i)| &*self.listings[i].channel_sku)
                    .collect();
                Finding::new(
                    "duplicate-listing",
                    "duplicate",
                    Severity::Error,
                    &self.channel_name(channel),
                    &self.products[product].sku,
                    format!(
                        "listed {} times ({}): each can sell the same stock",
                        group.len(),
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
        // Each master title is tokenized once, not once per listing of it.
        let mut masters: Vec<Option<Vec<String>>> = vec![None; self.products.len()];
        for l in self.listings {
            let Some(p) = &l.product else { continue };
            let master = masters[p.index].get_or_insert_with(|| title_tokens(&p.title));
            let channel = self.channel_name(l.channel_id);
            // Keyed by listing: a SKU listed twice has two listings that may drift apart.
            let mut push = |kind: &'static str, severity: Severity, reason: Cow<'static, str>| {
                out.push(
                    Finding::new("content-drift", kind, severity, &channel, &p.sku, reason)
                        .of_listing(&l.channel_sku),
                );
            };
            let similarity = similarity(&title_tokens(&l.title), master);
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
        // channel index → product → (listed quantity, any active listing), for what it lists
        let mut seen: Vec<Vec<Option<(i64, bool)>>> = vec![Vec::new(); self.channels.len()];
        for l in self.listings {
            let Some(p) = &l.product else { continue };
            let Some(ci) = self.channel_index(l.channel_id) else {
                continue;
            };
            let row = &mut seen[ci];
            if row.is_empty() {
                row.resize(self.products.len(), None);
            }
            let e = row[p.index].get_or_insert((0, false));
            e.0 += l.quantity.unwrap_or(0);
            e.1 |= !is_inactive(l.status.as_deref());
        }
        for (ci, row) in seen.iter().enumerate() {
            let channel = &self.channels[ci].name;
            for (pi, e) in row.iter().enumerate() {
                let Some((listed, active)) = *e else { continue };
                let sku = &self.products[pi].sku;
                let pool = self.pools[ci][pi];
                if listed > 0 && active && pool <= 0 {
                    out.push(Finding::new(
                        "availability",
                        "no-stock",
                        Severity::Error,
                        channel,
                        sku,
                        format!("listed as available ({listed}) while no location that feeds {channel} has stock"),
                    ));
                } else if listed <= 0 && pool > 0 {
                    out.push(Finding::new(
                        "availability",
                        "sold-out",
                        Severity::Warn,
                        channel,
                        sku,
                        format!("listed as out of stock while the pool has {pool}"),
                    ));
                }
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

/// Every channel's pool of every product. Each location's stock of each product is looked up
/// once (channels share locations); bundles, few, take reconcile's own pool.
fn pools(
    planner: &Planner<'_>,
    channels: &[ChannelAudit],
    products: &[Rc<MasterProduct>],
) -> Vec<Vec<i64>> {
    let mut at: HashMap<i64, Vec<i64>> = HashMap::new();
    for (loc, _) in planner.channels.iter().flat_map(|c| &c.sources) {
        at.entry(*loc).or_insert_with(|| {
            products
                .iter()
                .map(|p| {
                    planner
                        .positions
                        .at(*loc, &p.key)
                        .map_or(0, LocationStock::available)
                })
                .collect()
        });
    }
    let bundles: Vec<bool> = products
        .iter()
        .map(|p| planner.bundles.contains_key(&*p.key))
        .collect();
    channels
        .iter()
        .map(|c| {
            let Some(view) = planner.channels.iter().find(|v| v.id == c.id) else {
                return vec![0; products.len()];
            };
            let sources: Vec<&Vec<i64>> = view
                .sources
                .iter()
                .filter_map(|(loc, _)| at.get(loc))
                .collect();
            products
                .iter()
                .map(|p| {
                    if bundles[p.index] {
                        planner.pool(view, &p.key).total
                    } else {
                        sources.iter().map(|s| s[p.index]).sum()
                    }
                })
                .collect()
        })
        .collect()
}

/// A title's distinct folded words, sorted (as `domain::text::title_similarity` sees them).
fn title_tokens(title: &str) -> Vec<String> {
    let mut words = if title.is_ascii() {
        // ASCII has nothing to decompose or fold but case, and its letters and digits are
        // the alphanumerics: the same words as `tokens`, without the Unicode machinery.
        title
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    } else {
        tokens(title)
    };
    words.sort_unstable();
    words.dedup();
    words
}

/// `domain::text::title_similarity` over `title_tokens`: shared words over all words.
fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / (a.len() + b.len() - shared) as f64
}
