//! Available to sell at each location: the latest count, less reserved, less what sold there
//! since, plus what came back there since. A sale is deducted once: at the location that
//! fulfilled it when the export says, else at the first location in the channel's feed order.
//! Selling a bundle consumes its components.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::store::reconcile::{FeedRow, LineMove, LocationRow, SnapshotRow};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocationStock {
    pub location_id: i64,
    pub as_of: String,
    pub on_hand: i64,
    pub reserved: i64,
    pub sold: i64,
    pub returned: i64,
}

impl LocationStock {
    pub fn available(&self) -> i64 {
        self.on_hand
            .saturating_sub(self.reserved)
            .saturating_sub(self.sold)
            .saturating_add(self.returned)
    }
}

/// Lower-case SKU: SKUs compare case-insensitively.
pub use crate::domain::sku::key;

/// `key`, without a copy when the SKU already is one (the hot path: planners ask by key).
pub fn key_of(sku: &str) -> Cow<'_, str> {
    // `to_lowercase` changes titlecase letters too, which `is_uppercase` misses.
    let lowered = if sku.is_ascii() {
        !sku.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        sku.chars().all(|c| c.to_lowercase().eq([c]))
    };
    if lowered && sku.trim().len() == sku.len() {
        Cow::Borrowed(sku)
    } else {
        Cow::Owned(key(sku))
    }
}

pub struct Positions {
    /// location → SKU key → its stock.
    stock: HashMap<i64, HashMap<String, LocationStock>>,
    location_by_name: HashMap<String, i64>,
    /// Each channel's feeding locations, in feed order.
    sources: HashMap<i64, Vec<i64>>,
    bundles: HashMap<String, Vec<(String, i64)>>,
    /// A channel's own SKU → the master SKU its listing maps to.
    masters: HashMap<(i64, String), String>,
    /// Sales whose location could not be told (no fulfilling location, channel fed by none).
    pub unplaced: i64,
}

impl Positions {
    pub fn new(
        snapshots: Vec<SnapshotRow>,
        locations: &[LocationRow],
        feeds: &[FeedRow],
        bundles: &HashMap<String, Vec<(String, i64)>>,
        masters: HashMap<(i64, String), String>,
    ) -> Positions {
        let mut stock: HashMap<i64, HashMap<String, LocationStock>> = HashMap::new();
        for s in snapshots {
            let level = LocationStock {
                location_id: s.location_id,
                as_of: s.as_of,
                on_hand: s.on_hand,
                reserved: s.reserved,
                sold: 0,
                returned: 0,
            };
            stock
                .entry(s.location_id)
                .or_default()
                .insert(key(&s.sku), level);
        }
        let location_by_name = locations.iter().map(|l| (key(&l.name), l.id)).collect();
        let mut sources: HashMap<i64, Vec<i64>> = HashMap::new();
        for f in feeds {
            sources.entry(f.channel_id).or_default().push(f.location_id);
        }
        Positions {
            stock,
            location_by_name,
            sources,
            bundles: bundles.clone(),
            masters,
            unplaced: 0,
        }
    }

    /// The earliest snapshot: lines placed before it can affect nothing.
    pub fn earliest_as_of(&self) -> Option<String> {
        self.stock
            .values()
            .flat_map(|m| m.values())
            .map(|s| s.as_of.clone())
            .min()
    }

    /// The master SKU a channel's SKU stands for (itself when no listing maps it elsewhere).
    pub fn master(&self, channel_id: i64, sku: &str) -> String {
        let k = key(sku);
        self.masters
            .get(&(channel_id, k.clone()))
            .cloned()
            .unwrap_or(k)
    }

    /// Where a line takes (or gives back) stock: (location, SKU key, units) per part — one
    /// part, or a bundle's components. The fulfilling location when the export says; else the
    /// first location feeding the channel that counts the SKU. Empty when no location can be
    /// told (no fulfilling location, and the channel is fed by none).
    pub fn place(&self, line: &LineMove) -> Option<Vec<(i64, String, i64)>> {
        let named = line
            .location
            .as_deref()
            .and_then(|n| self.location_by_name.get(&key(n)).copied());
        let sources = self
            .sources
            .get(&line.channel_id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        if named.is_none() && sources.is_empty() {
            return None;
        }
        let sku = self.master(line.channel_id, &line.sku);
        let parts: Vec<(String, i64)> = match self.bundles.get(&sku) {
            Some(components) => components
                .iter()
                .map(|(c, k)| (c.clone(), line.quantity.saturating_mul(*k)))
                .collect(),
            None => vec![(sku, line.quantity)],
        };
        Some(
            parts
                .into_iter()
                .filter_map(|(sku, qty)| {
                    let location = named.or_else(|| {
                        sources
                            .iter()
                            .copied()
                            .find(|l| self.at(*l, &sku).is_some())
                    })?;
                    Some((location, sku, qty))
                })
                .collect(),
        )
    }

    pub fn record(&mut self, line: &LineMove) {
        let Some(parts) = self.place(line) else {
            self.unplaced += 1;
            return;
        };
        for (location_id, sku, qty) in parts {
            if let Some(s) = self
                .stock
                .get_mut(&location_id)
                .and_then(|m| m.get_mut(&sku))
                && line.ordered_at > s.as_of
            {
                if qty > 0 {
                    s.sold = s.sold.saturating_add(qty);
                } else {
                    s.returned = s.returned.saturating_sub(qty);
                }
            }
        }
    }

    /// A stock change (`omni import stock --adjust`) after the count: it moves the count.
    pub fn record_movement(&mut self, location_id: i64, sku: &str, quantity: i64, at: &str) {
        let level = self
            .stock
            .entry(location_id)
            .or_default()
            .entry(key(sku))
            .or_insert_with(|| LocationStock {
                location_id,
                as_of: String::new(),
                on_hand: 0,
                reserved: 0,
                sold: 0,
                returned: 0,
            });
        if at > level.as_of.as_str() {
            level.on_hand = level.on_hand.saturating_add(quantity);
        }
    }

    pub fn at(&self, location_id: i64, sku: &str) -> Option<&LocationStock> {
        self.stock.get(&location_id)?.get(&*key_of(sku))
    }

    /// Every SKU with a count at the location.
    pub fn skus_at(&self, location_id: i64) -> impl Iterator<Item = &String> {
        self.stock
            .get(&location_id)
            .into_iter()
            .flat_map(|m| m.keys())
    }

    pub fn locations_with_counts(&self) -> std::collections::HashSet<i64> {
        self.stock
            .iter()
            .filter(|(_, m)| !m.is_empty())
            .map(|(l, _)| *l)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(loc: i64, sku: &str, on_hand: i64, reserved: i64, as_of: &str) -> SnapshotRow {
        SnapshotRow {
            location_id: loc,
            sku: sku.into(),
            on_hand,
            reserved,
            as_of: as_of.into(),
        }
    }

    fn line(channel: i64, sku: &str, qty: i64, at: &str, loc: Option<&str>) -> LineMove {
        LineMove {
            channel_id: channel,
            sku: sku.into(),
            quantity: qty,
            ordered_at: at.into(),
            location: loc.map(str::to_string),
        }
    }

    fn positions(bundles: HashMap<String, Vec<(String, i64)>>) -> Positions {
        let locations = vec![
            LocationRow {
                id: 1,
                name: "warehouse".into(),
            },
            LocationRow {
                id: 2,
                name: "Madrid".into(),
            },
        ];
        // Channel 10 is fed by the warehouse first, then Madrid; channel 20 by Madrid only.
        let feeds = vec![
            FeedRow {
                channel_id: 10,
                location_id: 1,
                location: "warehouse".into(),
                position: 1,
            },
            FeedRow {
                channel_id: 10,
                location_id: 2,
                location: "Madrid".into(),
                position: 2,
            },
            FeedRow {
                channel_id: 20,
                location_id: 2,
                location: "Madrid".into(),
                position: 1,
            },
        ];
        let snaps = vec![
            snap(1, "A", 10, 1, "2025-03-01T08:00:00Z"),
            snap(2, "A", 4, 0, "2025-03-02T08:00:00Z"),
            snap(1, "C", 9, 0, "2025-03-01T08:00:00Z"),
        ];
        Positions::new(snaps, &locations, &feeds, &bundles, HashMap::new())
    }

    #[test]
    fn sales_after_the_count_are_deducted_once_where_they_were_fulfilled() {
        let mut p = positions(HashMap::new());
        p.record(&line(10, "a", 2, "2025-03-01T09:00:00Z", None)); // first feed: warehouse
        p.record(&line(10, "A", 1, "2025-03-01T07:00:00Z", None)); // before the count: already in it
        p.record(&line(10, "A", 1, "2025-03-03T09:00:00Z", Some("madrid"))); // fulfilled in Madrid
        p.record(&line(20, "A", 1, "2025-03-01T09:00:00Z", None)); // Madrid, but before its count
        p.record(&line(10, "A", -1, "2025-03-04T09:00:00Z", None)); // returned to the warehouse
        assert_eq!(p.at(1, "A").unwrap().available(), 10 - 1 - 2 + 1);
        assert_eq!(p.at(2, "A").unwrap().available(), 4 - 1);
        p.record(&line(99, "A", 1, "2025-03-04T09:00:00Z", None));
        assert_eq!(p.unplaced, 1, "a channel fed by no location");
    }

    #[test]
    fn a_sale_comes_from_the_first_source_that_counts_the_sku() {
        let mut p = positions(HashMap::new());
        // Channel 10 is fed by the warehouse first, but only Madrid counts B.
        p.stock.entry(2).or_default().insert(
            "b".into(),
            LocationStock {
                location_id: 2,
                as_of: "2025-03-01T00:00:00Z".into(),
                on_hand: 5,
                reserved: 0,
                sold: 0,
                returned: 0,
            },
        );
        p.record(&line(10, "B", 4, "2025-03-02T09:00:00Z", None));
        assert_eq!(p.at(2, "B").unwrap().available(), 1);
        p.record_movement(2, "B", 3, "2025-03-03T00:00:00Z");
        p.record_movement(2, "B", 9, "2025-02-01T00:00:00Z");
        assert_eq!(
            p.at(2, "B").unwrap().available(),
            4,
            "only changes after the count move it"
        );
    }

    #[test]
    fn selling_a_bundle_consumes_its_components() {
        let mut bundles = HashMap::new();
        bundles.insert(
            "kit".to_string(),
            vec![("a".to_string(), 2), ("c".to_string(), 1)],
        );
        let mut p = positions(bundles);
        p.record(&line(10, "KIT", 2, "2025-03-02T09:00:00Z", None));
        assert_eq!(p.at(1, "A").unwrap().available(), 10 - 1 - 4);
        assert_eq!(p.at(1, "C").unwrap().available(), 9 - 2);
    }
}
