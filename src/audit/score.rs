//! A score per channel, 0–100: the share of the channel's SKUs with no error finding,
//! weighted by stock value (pool × master price) where the price is known, else by units.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use serde::Serialize;

use super::checks::Facts;
use super::{Finding, Severity};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChannelScore {
    pub channel: String,
    pub score: f64,
    pub skus: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// One SKU of a channel with its weight.
pub struct Weighted {
    pub channel: Rc<str>,
    /// The SKU's comparison key.
    pub key: Rc<str>,
    pub weight: f64,
}

/// Each channel's SKUs (what it lists and what it should) weighted by stock value.
pub fn weights(facts: &Facts<'_>, findings: &[Finding]) -> Vec<Weighted> {
    let mut out = Vec::new();
    // Channel (by index) × SKU pairs already weighed: SKUs of a product by the product's
    // index, others (unmapped listings) by key.
    let mut seen = vec![vec![false; facts.products.len()]; facts.channels.len()];
    let mut seen_other: HashSet<(usize, Rc<str>)> = HashSet::new();
    let prices: HashMap<&str, i64> = facts
        .products
        .iter()
        .filter_map(|p| Some((&*p.key, p.price?)))
        .collect();
    let ids: HashMap<&str, i64> = facts.channels.iter().map(|c| (&*c.name, c.id)).collect();
    let mut add = |channel_id: i64, channel: Rc<str>, key: Rc<str>| {
        // A listing always has its channel: deleting a channel deletes its listings.
        let Some(ci) = facts.channels.iter().position(|c| c.id == channel_id) else {
            return;
        };
        let fresh = match facts.product_of_key(&key) {
            Some(pi) => !std::mem::replace(&mut seen[ci][pi], true),
            None => seen_other.insert((ci, key.clone())),
        };
        if fresh {
            let pool = facts.pool(channel_id, &key).max(1) as f64;
            let weight = prices.get(&*key).map_or(pool, |&p| pool * p.max(1) as f64);
            out.push(Weighted {
                channel,
                key,
                weight,
            });
        }
    };
    for l in facts.listings {
        let key = match &l.product {
            Some(p) => p.key.clone(),
            None => crate::domain::sku::key(&l.channel_sku).into(),
        };
        add(l.channel_id, facts.channel_name(l.channel_id), key);
    }
    for f in findings.iter().filter(|f| f.check == "missing-listing") {
        if let Some(&id) = ids.get(&*f.channel) {
            add(
                id,
                f.channel.clone(),
                crate::domain::sku::key(&f.sku).into(),
            );
        }
    }
    out
}

pub fn scores(channels: &[Rc<str>], skus: &[Weighted], findings: &[Finding]) -> Vec<ChannelScore> {
    // channel → keys of its SKUs with an error: looked up by borrowed key for every SKU.
    let mut failing: HashMap<&str, HashSet<String>> = HashMap::new();
    for f in findings.iter().filter(|f| f.severity == Severity::Error) {
        failing
            .entry(&*f.channel)
            .or_default()
            .insert(crate::domain::sku::key(&f.sku));
    }
    // channel → (weight without errors, total weight, SKUs, [errors, warnings, infos])
    let mut per: BTreeMap<&str, (f64, f64, usize, [usize; 3])> = channels
        .iter()
        .map(|c| (&**c, (0.0, 0.0, 0, [0; 3])))
        .collect();
    for s in skus {
        if let Some(e) = per.get_mut(&*s.channel) {
            e.1 += s.weight;
            e.2 += 1;
            if !failing
                .get(&*s.channel)
                .is_some_and(|keys| keys.contains(&*s.key))
            {
                e.0 += s.weight;
            }
        }
    }
    for f in findings {
        if let Some(e) = per.get_mut(&*f.channel) {
            e.3[f.severity as usize] += 1;
        }
    }
    per.into_iter()
        .map(|(channel, (ok, total, n, counts))| ChannelScore {
            channel: channel.to_string(),
            score: if total > 0.0 {
                (ok / total * 1000.0).round() / 10.0
            } else {
                100.0
            },
            skus: n,
            errors: counts[Severity::Error as usize],
            warnings: counts[Severity::Warn as usize],
            infos: counts[Severity::Info as usize],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_weigh_by_stock_value() {
        let skus = vec![
            Weighted {
                channel: Rc::from("web"),
                key: Rc::from("a"),
                weight: 300.0,
            },
            Weighted {
                channel: Rc::from("web"),
                key: Rc::from("b"),
                weight: 100.0,
            },
        ];
        let f = vec![Finding::new(
            "availability",
            "x",
            Severity::Error,
            &Rc::from("web"),
            &Rc::from("b"),
            "r",
        )];
        let s = scores(&[Rc::from("web"), Rc::from("ebay")], &skus, &f);
        assert_eq!(s[1].channel, "web");
        assert_eq!(s[1].score, 75.0);
        assert_eq!(s[1].errors, 1);
        assert_eq!(s[0].score, 100.0, "a channel with no SKUs");
    }
}
