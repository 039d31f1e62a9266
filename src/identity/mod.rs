//! Customer identity: which customer records are one person. Pure computation over records the
//! store hands in; it never deletes or overwrites a record — it only says which belong together
//! and why (README "Customers").
//!
//! The pipeline: normalize every record (`features`), join records that share an exact key
//! (e-mail, mobile, loyalty card), pair the rest by blocking keys (`blocking`), compare each
//! pair field by field (`compare`), weigh the comparison with a model fitted on this data
//! (`model`), and build customers from the accepted links, strongest first, under guards
//! (`cluster`).

pub mod blocking;
pub mod cluster;
pub mod compare;
pub mod features;
pub mod golden;
pub mod ids;
pub mod model;
pub mod parallel;

use std::collections::{HashMap, HashSet};

use crate::domain::phone::Region;

use cluster::Clusters;
pub use cluster::{Guard, Link, Rule};
use compare::{FIELDS, Pattern};
pub use features::{Features, SourceRecord};
use model::{Frequencies, Model};

/// The default probability a scored pair needs to be linked.
pub const DEFAULT_THRESHOLD: f64 = 0.9;
/// Random pairs sampled to learn how often non-matches agree on the fuzzy levels.
const RANDOM_PAIRS: usize = 200_000;

#[derive(Debug, Clone)]
pub struct Options {
    pub threshold: f64,
    pub region: Option<Region>,
    /// Also report the scored pairs from this probability up to `SURE` (for review).
    pub review_min: Option<f64>,
}

/// Scored pairs at or above this probability are not worth a person's time.
pub const SURE: f64 = 0.99;

/// What was decided before this run: people's decisions always, and the customers formed so
/// far when linking incrementally.
#[derive(Debug, Clone, Default)]
pub struct Prior {
    /// Pairs of record indexes a person said are one (`true`) or two people (`false`).
    pub decisions: Vec<(u32, u32, bool)>,
    /// Each record's current customer, when linking only the records without one.
    pub existing: Option<Vec<Option<i64>>>,
    /// The model of the run that formed the existing customers (kept so weights do not drift).
    pub model: Option<Model>,
}

#[derive(Debug)]
pub struct Outcome {
    /// Each record's customer, as the index of one of its records.
    pub root: Vec<u32>,
    /// The links that joined customers (a spanning forest: each says why two records are one).
    pub links: Vec<Link>,
    pub model: Model,
    pub stats: Stats,
    /// Scored pairs in the review band, with their weight, strongest first.
    pub uncertain: Vec<Link>,
    /// Links a guard refused, with the guard.
    pub refused: Vec<(Link, Guard)>,
}

#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub records: usize,
    pub new_records: usize,
    pub candidate_pairs: usize,
    pub exact_pairs: usize,
    pub accepted_links: usize,
    pub refused_links: usize,
}

/// Everything needed to explain any pair after a run.
pub struct Linker {
    pub features: Vec<Features>,
    pub freq: Frequencies,
    pub model: Model,
}

impl Linker {
    pub fn explain(&self, a: usize, b: usize) -> ([u8; FIELDS], [f64; FIELDS]) {
        let (fa, fb) = (&self.features[a], &self.features[b]);
        let pattern = compare::compare(fa, fb);
        (
            pattern,
            self.model.field_weights(&self.freq, fa, fb, &pattern),
        )
    }
}

/// What explaining a pair needs, given the model of the run that linked them.
pub fn explainer(records: &[SourceRecord], region: Option<Region>, model: Model) -> Linker {
    let (features, _, freq) = prepare(records, region);
    Linker {
        features,
        freq,
        model,
    }
}

fn prepare(
    records: &[SourceRecord],
    region: Option<Region>,
) -> (Vec<Features>, Vec<(u32, u32, Key)>, Frequencies) {
    let features = features::all(records, region);
    let exact = exact_pairs(&features);
    let persons = preliminary_persons(&features, &exact);
    let freq = Frequencies::count(&features, &persons);
    (features, exact, freq)
}

/// Links `records` into customers.
pub fn link(records: &[SourceRecord], prior: &Prior, opts: &Options) -> (Outcome, Linker) {
    let (features, exact, freq) = prepare(records, opts.region);
    let n = features.len();
    let fresh: Option<Vec<bool>> = prior
        .existing
        .as_ref()
        .map(|e| e.iter().map(Option::is_none).collect());

    let keep = |a: u32, b: u32| {
        fresh
            .as_ref()
            .is_none_or(|f| f[a as usize] || f[b as usize])
    };
    let mut pairs = blocking::candidate_pairs(&features, fresh.as_deref());
    pairs.extend(
        exact
            .iter()
            .filter(|(a, b, _)| keep(*a, *b))
            .map(|(a, b, _)| (*a, *b)),
    );
    pairs.sort_unstable();
    pairs.dedup();
    let compared: Vec<(u32, u32, Pattern)> = parallel::map(&pairs, |&(a, b)| {
        (
            a,
            b,
            compare::compare(&features[a as usize], &features[b as usize]),
        )
    });
    let candidate_pairs = pairs.len();
    drop(pairs);

    let model = prior.model.clone().unwrap_or_else(|| {
        let mut counts: HashMap<Pattern, u64> = HashMap::new();
        for (_, _, p) in &compared {
            *counts.entry(*p).or_insert(0) += 1;
        }
        // Pairs sharing a key whose given names conflict are households, not anchors.
        let anchors: Vec<(Pattern, Option<usize>)> = exact
            .iter()
            .map(|(a, b, key)| (&features[*a as usize], &features[*b as usize], key))
            .filter(|(fa, fb, _)| !compare::names_conflict(fa, fb))
            .map(|(fa, fb, key)| (compare::compare(fa, fb), key.field()))
            .collect();
        model::estimate(&freq, &random_patterns(&features), &anchors, &counts, n)
    });

    let threshold = model.weight_for(opts.threshold);
    let floor = opts
        .review_min
        .map_or(threshold, |p| model.weight_for(p).min(threshold));
    let exact_rule: HashMap<(u32, u32), Rule> =
        exact.iter().map(|(a, b, k)| ((*a, *b), k.rule())).collect();
    let mut links: Vec<Link> = parallel::filter_map(&compared, |&(a, b, pattern)| {
        let weight = model.weight(
            &freq,
            &features[a as usize],
            &features[b as usize],
            &pattern,
        );
        match exact_rule.get(&(a, b)) {
            Some(rule) => Some(Link {
                a,
                b,
                weight,
                rule: *rule,
            }),
            None => (weight >= floor).then_some(Link {
                a,
                b,
                weight,
                rule: Rule::Score,
            }),
        }
    });
    drop(compared);
    let sure = model.weight_for(SURE);
    let uncertain: Vec<Link> = links
        .iter()
        .filter(|l| l.rule == Rule::Score && l.weight < sure && opts.review_min.is_some())
        .copied()
        .collect();
    links.retain(|l| l.rule != Rule::Score || l.weight >= threshold);
    let weigh = |a: u32, b: u32| {
        let (fa, fb) = (&features[a as usize], &features[b as usize]);
        model.weight(&freq, fa, fb, &compare::compare(fa, fb))
    };
    let ambiguous = ambiguous_links(&links, &weigh);
    // Exact keys first, then the strongest evidence first; ties in record order.
    links.sort_by(|x, y| {
        (x.rule == Rule::Score)
            .cmp(&(y.rule == Rule::Score))
            .then(y.weight.total_cmp(&x.weight))
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });

    let distinct: HashSet<(u32, u32)> = prior
        .decisions
        .iter()
        .filter(|d| !d.2)
        .map(|&(a, b, _)| (a.min(b), a.max(b)))
        .collect();
    let mut clusters = Clusters::new(&features, &distinct, threshold, &weigh);
    let mut accepted = Vec::new();
    for (a, b) in existing_links(prior) {
        let l = Link {
            a,
            b,
            weight: f64::INFINITY,
            rule: Rule::Existing,
        };
        clusters.link(&l);
    }
    for &(a, b, same) in &prior.decisions {
        let l = Link {
            a,
            b,
            weight: f64::INFINITY,
            rule: Rule::Human,
        };
        if same && clusters.link(&l) {
            accepted.push(l);
        }
    }
    let mut refused: Vec<(Link, Guard)> = links
        .iter()
        .filter(|l| ambiguous.contains(&(l.a, l.b)))
        .map(|l| (*l, Guard::Ambiguous))
        .collect();
    links.retain(|l| !ambiguous.contains(&(l.a, l.b)));
    for l in &links {
        match clusters.try_link(l) {
            Ok(()) => accepted.push(*l),
            Err(Guard::Same) => {}
            Err(guard) => refused.push((*l, guard)),
        }
    }
    let stats = Stats {
        records: n,
        new_records: fresh
            .as_ref()
            .map_or(n, |f| f.iter().filter(|x| **x).count()),
        candidate_pairs,
        exact_pairs: exact.len(),
        accepted_links: accepted.len(),
        refused_links: refused.len(),
    };
    let mut uncertain = uncertain;
    uncertain.sort_by(|x, y| {
        y.weight
            .total_cmp(&x.weight)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let outcome = Outcome {
        root: clusters.roots(),
        links: accepted,
        model: model.clone(),
        stats,
        uncertain,
        refused,
    };
    (
        outcome,
        Linker {
            features,
            freq,
            model,
        },
    )
}

/// A record that scores about as well with two records that are not one person (a name-only
/// "María García López" against the one of Madrid and the one of Barcelona) is evidence for
/// neither: its scored links to both are dropped rather than given to whichever came first.
const AMBIGUITY_MARGIN: f64 = 2.0;

fn ambiguous_links(
    links: &[Link],
    weigh: &(dyn Fn(u32, u32) -> f64 + Sync),
) -> HashSet<(u32, u32)> {
    let mut by_record: HashMap<u32, Vec<(f64, u32)>> = HashMap::new();
    for l in links.iter().filter(|l| l.rule == Rule::Score) {
        by_record.entry(l.a).or_default().push((l.weight, l.b));
        by_record.entry(l.b).or_default().push((l.weight, l.a));
    }
    let mut dropped = HashSet::new();
    for (x, mut partners) in by_record {
        if partners.len() < 2 {
            continue;
        }
        partners.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)));
        let (best, first) = partners[0];
        let rivals: Vec<u32> = partners[1..]
            .iter()
            .filter(|(w, p)| best - w < AMBIGUITY_MARGIN && weigh(first, *p) < 0.0)
            .map(|(_, p)| *p)
            .collect();
        if !rivals.is_empty() {
            for p in rivals.into_iter().chain([first]) {
                dropped.insert((x.min(p), x.max(p)));
            }
        }
    }
    dropped
}

/// The exact keys two records can share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Email,
    Mobile,
    Loyalty,
}

impl Key {
    fn rule(self) -> Rule {
        match self {
            Key::Email => Rule::Email,
            Key::Mobile => Rule::Mobile,
            Key::Loyalty => Rule::Loyalty,
        }
    }

    /// The compared field the key is made of.
    fn field(self) -> Option<usize> {
        match self {
            Key::Email => Some(compare::EMAIL),
            Key::Mobile => Some(compare::PHONE),
            Key::Loyalty => None,
        }
    }
}

/// Pairs of records sharing an exact key (a group larger than 20 — a shop's own address typed
/// into every till sale — is chained rather than fully paired).
fn exact_pairs(features: &[Features]) -> Vec<(u32, u32, Key)> {
    let mut entries: Vec<(Key, u64, u32)> = Vec::new();
    for (i, f) in features.iter().enumerate() {
        let i = i as u32;
        entries.extend(f.email.map(|e| (Key::Email, e, i)));
        entries.extend(f.phone.filter(|_| f.mobile).map(|p| (Key::Mobile, p, i)));
        entries.extend(f.loyalty.map(|l| (Key::Loyalty, l, i)));
    }
    entries.sort_unstable();
    let mut pairs = Vec::new();
    for group in entries.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        let key = group[0].0;
        for (n, x) in group.iter().enumerate() {
            let partners = if group.len() <= 20 {
                &group[n + 1..]
            } else {
                &group[n + 1..(n + 2).min(group.len())]
            };
            pairs.extend(partners.iter().map(|y| (x.2.min(y.2), x.2.max(y.2), key)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup_by(|x, y| (x.0, x.1) == (y.0, y.1));
    pairs
}

/// Records joined by exact keys alone: the unit term frequencies are counted in.
fn preliminary_persons(features: &[Features], exact: &[(u32, u32, Key)]) -> Vec<u32> {
    let none = HashSet::new();
    let weigh = |_: u32, _: u32| 0.0;
    let mut clusters = Clusters::new(features, &none, 0.0, &weigh);
    for &(a, b, _) in exact {
        // Existing links pass every guard but a person's decision (none here).
        clusters.link(&Link {
            a,
            b,
            weight: f64::INFINITY,
            rule: Rule::Existing,
        });
    }
    clusters.roots()
}

/// Patterns of a fixed, seeded sample of random pairs.
fn random_patterns(features: &[Features]) -> Vec<Pattern> {
    let n = features.len() as u64;
    if n < 2 {
        return Vec::new();
    }
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let samples: Vec<(usize, usize)> = (0..RANDOM_PAIRS.min((n * (n - 1) / 2) as usize))
        .map(|_| ((next() % n) as usize, (next() % n) as usize))
        .filter(|(a, b)| a != b)
        .collect();
    parallel::map(&samples, |&(a, b)| {
        compare::compare(&features[a], &features[b])
    })
}

/// Pairs that rebuild the customers of an incremental run's starting point.
fn existing_links(prior: &Prior) -> Vec<(u32, u32)> {
    let Some(existing) = &prior.existing else {
        return Vec::new();
    };
    let mut first: HashMap<i64, u32> = HashMap::new();
    let mut pairs = Vec::new();
    for (i, c) in existing.iter().enumerate() {
        if let Some(c) = c {
            match first.get(c) {
                Some(&head) => pairs.push((head, i as u32)),
                None => {
                    first.insert(*c, i as u32);
                }
            }
        }
    }
    pairs
}
