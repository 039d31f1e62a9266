//! A score per channel, 0–100: the share of the channel's SKUs with no error finding,
//! weighted by stock value (pool × master price) where the price is known, else by units.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

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
    pub channel: String,
    pub sku: String,
    pub weight: f64,
}

pub fn scores(channels: &[String], skus: &[Weighted], findings: &[Finding]) -> Vec<ChannelScore> {
    let failing: HashSet<(String, String)> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.channel.clone(), f.sku.to_lowercase()))
        .collect();
    let mut per: BTreeMap<&str, (f64, f64, usize)> = channels
        .iter()
        .map(|c| (c.as_str(), (0.0, 0.0, 0)))
        .collect();
    for s in skus {
        if let Some(e) = per.get_mut(s.channel.as_str()) {
            e.1 += s.weight;
            e.2 += 1;
            if !failing.contains(&(s.channel.clone(), s.sku.to_lowercase())) {
                e.0 += s.weight;
            }
        }
    }
    per.into_iter()
        .map(|(channel, (ok, total, n))| {
            let count = |sev: Severity| {
                findings
                    .iter()
                    .filter(|f| f.channel == channel && f.severity == sev)
                    .count()
            };
            ChannelScore {
                channel: channel.to_string(),
                score: if total > 0.0 {
                    (ok / total * 1000.0).round() / 10.0
                } else {
                    100.0
                },
                skus: n,
                errors: count(Severity::Error),
                warnings: count(Severity::Warn),
                infos: count(Severity::Info),
            }
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
                channel: "web".into(),
                sku: "A".into(),
                weight: 300.0,
            },
            Weighted {
                channel: "web".into(),
                sku: "B".into(),
                weight: 100.0,
            },
        ];
        let f = vec![Finding::new(
            "availability",
            "x",
            Severity::Error,
            "web",
            "b",
            "r".into(),
        )];
        let s = scores(&["web".into(), "ebay".into()], &skus, &f);
        assert_eq!(s[1].channel, "web");
        assert_eq!(s[1].score, 75.0);
        assert_eq!(s[1].errors, 1);
        assert_eq!(s[0].score, 100.0, "a channel with no SKUs");
    }
}
