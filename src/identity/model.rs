//! The Fellegi–Sunter model: for each field and level, how often true matches (m) and
//! non-matches (u) land there, so a level weighs log2(m/u) bits. Both are estimated from the
//! data being linked, never hand-set:
//! - u of each exact level from value frequencies in one pass (Σ p², no random-pair sampling),
//!   the other levels from a fixed sample of random pairs;
//! - m from the pairs that share an e-mail, mobile or loyalty card (each field's m read on
//!   pairs linked by *another* field), and the share of matches among candidate pairs by
//!   expectation–maximisation with m and u held. That share times the candidate pairs is the
//!   number of matching pairs; over all pairs of records it is the prior (lambda): the chance
//!   that two random records are one person. The prior is over all pairs, not candidates,
//!   because the weights already count the names that put a pair among the candidates — and
//!   the larger the store, the more namesakes, the more evidence a link needs. Letting EM move m as well was tried and
//!   measured: on retail data the "match" class drifts to households and namesakes (same
//!   address and family name, different person), which the fields' dependence makes the
//!   likeliest explanation of a blocked pair; the anchored m does not drift.
//!
//! Term frequency: agreeing on a rare value (Oyarzábal) is stronger evidence than agreeing on
//! a common one (García). Frequencies are counted once per preliminary person (records already
//! joined by an exact key), so a shopper with five records does not make her own name common.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::compare::{self, EXACT, FIELDS, MISSING, Pattern};
use super::features::Features;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Model {
    /// Chance that two records taken at random are the same person.
    pub lambda: f64,
    /// `m[field][level]`, `u[field][level]`; level 0 (missing) unused.
    pub m: Vec<Vec<f64>>,
    pub u: Vec<Vec<f64>>,
}

/// How common each value is, per field, among distinct people.
#[derive(Debug, Default)]
pub struct Frequencies {
    counts: [HashMap<u64, u32>; FIELDS],
    totals: [u32; FIELDS],
}

/// The value a field's agreement is about (the full family name when both agree exactly, the
/// first family name when only that agrees).
fn value_of(f: &Features, field: usize, level: u8) -> Option<u64> {
    match field {
        compare::GIVEN => f.given,
        compare::FAMILY if level == EXACT => f.family,
        compare::FAMILY => f.family1,
        compare::EMAIL => f.email,
        compare::PHONE => f.phone,
        compare::ADDRESS => f.address,
        _ if level == 2 => f.city,
        _ => f.postcode,
    }
}

impl Frequencies {
    /// `person[i]` is record i's preliminary person: each value counts once per person.
    pub fn count(features: &[Features], person: &[u32]) -> Frequencies {
        let mut freq = Frequencies::default();
        for field in 0..FIELDS {
            let mut seen: Vec<(u64, u32)> = features
                .iter()
                .zip(person)
                .filter_map(|(f, p)| value_of(f, field, EXACT).map(|v| (v, *p)))
                .collect();
            seen.sort_unstable();
            seen.dedup();
            freq.totals[field] = seen.len() as u32;
            let counts = &mut freq.counts[field];
            for (v, _) in seen {
                *counts.entry(v).or_insert(0) += 1;
            }
        }
        freq
    }

    /// The share of people holding `value` in `field`.
    fn share(&self, field: usize, value: u64) -> f64 {
        let total = f64::from(self.totals[field].max(1));
        f64::from(self.counts[field].get(&value).copied().unwrap_or(1)) / total
    }

    /// Chance that two random people agree on this field exactly: Σ p².
    fn agreement_chance(&self, field: usize) -> f64 {
        let total = f64::from(self.totals[field].max(1));
        self.counts[field]
            .values()
            .map(|c| (f64::from(*c) / total).powi(2))
            .sum()
    }
}

fn is_agreement(field: usize, level: u8) -> bool {
    level != MISSING && level < compare::FIRST_DISAGREEMENT[field]
}

impl Model {
    /// Weight in bits of each field for one pair.
    pub fn field_weights(
        &self,
        freq: &Frequencies,
        a: &Features,
        b: &Features,
        pattern: &Pattern,
    ) -> [f64; FIELDS] {
        let mut w = [0.0; FIELDS];
        for (field, &level) in pattern.iter().enumerate() {
            if level == MISSING {
                continue;
            }
            let l = usize::from(level);
            let m = self.m[field][l];
            let mut bits = (m / self.u[field][l]).log2();
            if is_agreement(field, level)
                && let (Some(x), Some(y)) = (value_of(a, field, level), value_of(b, field, level))
            {
                // The commoner of the two values decides how much agreeing on it says: an
                // exact agreement weighs log2(m / p) (p: the value's share of people); a loose
                // one is moved by as much as the value is commoner or rarer than average.
                let p = freq.share(field, x).max(freq.share(field, y));
                let exact_u = self.u[field][usize::from(EXACT)];
                bits = if level == EXACT {
                    (m / p).log2()
                } else {
                    bits + (exact_u / p).log2().clamp(-8.0, 4.0)
                };
            }
            w[field] = bits;
        }
        w
    }

    pub fn weight(&self, freq: &Frequencies, a: &Features, b: &Features, p: &Pattern) -> f64 {
        self.field_weights(freq, a, b, p).iter().sum()
    }

    /// Probability that a pair of this weight is one person.
    pub fn probability(&self, weight: f64) -> f64 {
        let prior = (self.lambda / (1.0 - self.lambda)).log2();
        1.0 / (1.0 + (-(weight + prior)).exp2())
    }

    /// The weight a pair needs to reach probability `p`.
    pub fn weight_for(&self, p: f64) -> f64 {
        let p = p.clamp(1e-9, 1.0 - 1e-9);
        (p / (1.0 - p)).log2() - (self.lambda / (1.0 - self.lambda)).log2()
    }
}

/// Fits the model on this data; `records` is how many records the candidates came from. `candidates` are the blocked pairs with their patterns;
/// `anchors` the patterns of pairs sharing an e-mail, mobile or loyalty card, each with the
/// field that joined it (its own level says nothing of that field's m); `random` of random pairs.
pub fn estimate(
    freq: &Frequencies,
    random: &[Pattern],
    anchors: &[(Pattern, Option<usize>)],
    candidates: &HashMap<Pattern, u64>,
    records: usize,
) -> Model {
    let mut u = level_shares(random.iter().map(|p| (p, 1.0, None)));
    for (field, levels) in u.iter_mut().enumerate() {
        levels[usize::from(EXACT)] = freq.agreement_chance(field).max(1e-7);
    }
    let m = with_prior(
        level_shares(anchors.iter().map(|(p, key)| (p, 1.0, *key))),
        anchors,
    );
    let total: u64 = candidates.values().sum();
    let lambda = (anchors.len() as f64 / total.max(1) as f64).clamp(1e-4, 0.5);
    let mut model = Model { lambda, m, u };
    for _ in 0..25 {
        let next = expectation_maximisation_step(&model, candidates);
        let moved = (next.lambda - model.lambda).abs();
        model = next;
        if moved < 1e-6 {
            break;
        }
    }
    let all_pairs = (records as f64 * (records as f64 - 1.0) / 2.0).max(1.0);
    model.lambda = (model.lambda * total as f64 / all_pairs).clamp(1e-12, 0.5);
    model
}

/// One EM step with m and u held: each candidate pattern's chance of being a match, then
/// lambda re-read from those chances.
fn expectation_maximisation_step(model: &Model, candidates: &HashMap<Pattern, u64>) -> Model {
    let (mut matches, mut total) = (0.0, 0.0);
    for (pattern, &count) in candidates {
        let (mut pm, mut pu) = (model.lambda, 1.0 - model.lambda);
        for (field, &level) in pattern.iter().enumerate() {
            if level != MISSING {
                pm *= model.m[field][usize::from(level)];
                pu *= model.u[field][usize::from(level)];
            }
        }
        let p = pm / (pm + pu);
        matches += p * count as f64;
        total += count as f64;
    }
    Model {
        lambda: (matches / total.max(1.0)).clamp(1e-6, 0.95),
        m: model.m.clone(),
        u: model.u.clone(),
    }
}

/// Pseudo-pairs of prior belief per field, so that m read on few anchor pairs (a small store,
/// or a field that anchors rarely both hold) stays sensible; with thousands of anchors the data
/// decides alone.
const PRIOR_PAIRS: f64 = 4.0;

/// The prior: a match agrees exactly (75%), agrees loosely (the other agreement levels share
/// 20%) or disagrees (the disagreement levels share 5%).
fn with_prior(m: Vec<Vec<f64>>, anchors: &[(Pattern, Option<usize>)]) -> Vec<Vec<f64>> {
    m.into_iter()
        .enumerate()
        .map(|(field, levels)| {
            let seen = anchors
                .iter()
                .filter(|(p, key)| p[field] != MISSING && *key != Some(field))
                .count() as f64;
            let first_against = usize::from(compare::FIRST_DISAGREEMENT[field]);
            let loose = first_against.saturating_sub(2).max(1) as f64;
            let against = (levels.len() - first_against) as f64;
            levels
                .iter()
                .enumerate()
                .map(|(l, share)| {
                    let prior = match l {
                        0 => return 0.0,
                        1 => 0.75,
                        l if l >= first_against => 0.05 / against,
                        _ => 0.20 / loose,
                    };
                    (share * seen + prior * PRIOR_PAIRS) / (seen + PRIOR_PAIRS)
                })
                .collect()
        })
        .collect()
}

/// Per field, the weighted share of each level among the pairs where the field is present;
/// a level never seen keeps a small share so its weight stays finite.
fn level_shares<'a>(
    pairs: impl Iterator<Item = (&'a Pattern, f64, Option<usize>)>,
) -> Vec<Vec<f64>> {
    let mut counts: Vec<Vec<f64>> = compare::LEVEL_NAMES
        .iter()
        .map(|l| vec![0.0; l.len()])
        .collect();
    for (pattern, w, skip) in pairs {
        for (field, &level) in pattern.iter().enumerate() {
            if skip != Some(field) {
                counts[field][usize::from(level)] += w;
            }
        }
    }
    for levels in &mut counts {
        levels[0] = 0.0;
        let present: f64 = levels[1..].iter().sum();
        let floor = 0.5 / present.max(1.0);
        for share in levels.iter_mut().skip(1) {
            *share = (*share / present.max(1.0)).max(floor).max(1e-6);
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rarer_values_weigh_more() {
        use crate::identity::features::SourceRecord;
        let rec = |n: &str| {
            Features::of(
                &SourceRecord {
                    name: Some(n.into()),
                    ..SourceRecord::default()
                },
                None,
            )
        };
        let mut people: Vec<Features> = (0..20).map(|_| rec("María García")).collect();
        people.push(rec("Ximena Oyarzábal"));
        people.push(rec("Ximena Oyarzábal"));
        // The two Oyarzábal records are one preliminary person; the Garcías are twenty.
        let person: Vec<u32> = (0..20).chain([20, 20]).collect();
        let freq = Frequencies::count(&people, &person);
        let random = vec![[4, 5, 0, 0, 0, 0]; 10];
        let anchors = vec![([1, 1, 0, 0, 0, 0], None); 10];
        let candidates = HashMap::from([([1, 1, 0, 0, 0, 0], 10), ([4, 5, 0, 0, 0, 0], 90)]);
        let model = estimate(&freq, &random, &anchors, &candidates, 22);
        let common = model.weight(&freq, &people[0], &people[1], &[1, 1, 0, 0, 0, 0]);
        let rare = model.weight(&freq, &people[20], &people[21], &[1, 1, 0, 0, 0, 0]);
        assert!(rare > common + 4.0, "rare {rare} common {common}");
        assert!(model.probability(rare) > model.probability(common));
        let w = model.weight_for(0.9);
        assert!((model.probability(w) - 0.9).abs() < 1e-9);
    }
}
