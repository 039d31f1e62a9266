//! Accepted links become customers: connected components, built strongest link first, with
//! guards so that one ambiguous record cannot glue people together —
//! - no customer may hold two records whose given names conflict, or a pair a person said
//!   are different people;
//! - joining two customers that already hold several records each takes a link stronger by
//!   `BRIDGE_MARGIN` bits than the threshold (or an exact key);
//! - the records of the two customers, taken pair by pair, must on average still look like one
//!   person (mean weight at least 0 bits) and no pair may hold clear evidence against (below
//!   `MIN_CROSS_WEIGHT`): a record that matches both José Luis Martínez of Málaga and José
//!   Martínez Fernández of Madrid does not make them one;
//! - no customer grows past `MAX_RECORDS` records.

use std::collections::HashSet;

use super::compare::names_conflict;
use super::features::Features;

pub const MAX_RECORDS: usize = 60;
/// Extra evidence, in bits (×8 the odds), for a link that would join two formed customers.
pub const BRIDGE_MARGIN: f64 = 3.0;
/// Evidence against, in bits (odds 8:1 of two people), that no pair in a customer may hold.
pub const MIN_CROSS_WEIGHT: f64 = -3.0;

/// Why two records were linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    Email,
    Mobile,
    Loyalty,
    Score,
    Human,
    /// Kept from the customers that existed before an incremental run.
    Existing,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Email => "same e-mail",
            Rule::Mobile => "same mobile",
            Rule::Loyalty => "same loyalty card",
            Rule::Score => "score",
            Rule::Human => "accepted by a person",
            Rule::Existing => "existing customer",
        }
    }
}

/// Which guard kept two customers apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Guard {
    /// Already one customer: nothing to do.
    Same,
    Size,
    Bridge,
    /// Conflicting names, or a person's decision.
    Conflict,
    /// A pair across the customers holds clear evidence against, or the pairs on average do.
    CrossPairs,
    /// The record scores alike with two different people (decided before clustering).
    Ambiguous,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub a: u32,
    pub b: u32,
    pub weight: f64,
    pub rule: Rule,
}

pub struct Clusters<'a> {
    parent: Vec<u32>,
    members: Vec<Vec<u32>>,
    features: &'a [Features],
    distinct: &'a HashSet<(u32, u32)>,
    bridge_weight: f64,
    /// The weight of evidence that two records are one person.
    weigh: &'a (dyn Fn(u32, u32) -> f64 + Sync),
}

impl<'a> Clusters<'a> {
    pub fn new(
        features: &'a [Features],
        distinct: &'a HashSet<(u32, u32)>,
        threshold_weight: f64,
        weigh: &'a (dyn Fn(u32, u32) -> f64 + Sync),
    ) -> Clusters<'a> {
        let n = features.len() as u32;
        Clusters {
            parent: (0..n).collect(),
            members: (0..n).map(|i| vec![i]).collect(),
            features,
            distinct,
            bridge_weight: threshold_weight + BRIDGE_MARGIN,
            weigh,
        }
    }

    pub fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let up = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = up;
            x = up;
        }
        x
    }

    /// Joins the customers of a link if no guard objects; whether they were joined.
    pub fn link(&mut self, link: &Link) -> bool {
        self.try_link(link).is_ok()
    }

    /// Joins the customers of a link, or says which guard objects.
    pub fn try_link(&mut self, link: &Link) -> Result<(), Guard> {
        let (ra, rb) = (self.find(link.a), self.find(link.b));
        if ra == rb {
            return Err(Guard::Same);
        }
        let (sa, sb) = (
            self.members[ra as usize].len(),
            self.members[rb as usize].len(),
        );
        let trusted = matches!(link.rule, Rule::Human | Rule::Existing);
        if !trusted {
            if sa + sb > MAX_RECORDS {
                return Err(Guard::Size);
            }
            if sa > 1 && sb > 1 && link.rule == Rule::Score && link.weight < self.bridge_weight {
                return Err(Guard::Bridge);
            }
        }
        if self.conflict(ra, rb, trusted) {
            return Err(Guard::Conflict);
        }
        if !trusted && !self.cross_weights_agree(ra, rb) {
            return Err(Guard::CrossPairs);
        }
        self.join(ra, rb);
        Ok(())
    }

    /// A pair across the two customers that must stay apart: a person's decision always, and
    /// conflicting given names unless a person or an earlier run put them together.
    fn conflict(&self, ra: u32, rb: u32, trusted: bool) -> bool {
        let (ma, mb) = (&self.members[ra as usize], &self.members[rb as usize]);
        ma.iter().any(|&x| {
            mb.iter().any(|&y| {
                self.distinct.contains(&(x.min(y), x.max(y)))
                    || (!trusted
                        && names_conflict(&self.features[x as usize], &self.features[y as usize]))
            })
        })
    }

    /// Whether every pair across the two customers is free of clear evidence against, and
    /// the pairs on average favour one person.
    fn cross_weights_agree(&self, ra: u32, rb: u32) -> bool {
        let (ma, mb) = (&self.members[ra as usize], &self.members[rb as usize]);
        if ma.len() == 1 && mb.len() == 1 {
            return true;
        }
        let mut total = 0.0;
        for &x in ma {
            for &y in mb {
                let w = (self.weigh)(x, y);
                if w < MIN_CROSS_WEIGHT {
                    return false;
                }
                total += w;
            }
        }
        total >= 0.0
    }

    fn join(&mut self, ra: u32, rb: u32) {
        let (big, small) = if self.members[ra as usize].len() >= self.members[rb as usize].len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let moved = std::mem::take(&mut self.members[small as usize]);
        self.members[big as usize].extend(moved);
        self.parent[small as usize] = big;
    }

    /// Each record's customer, as the index of one of its records.
    pub fn roots(mut self) -> Vec<u32> {
        (0..self.parent.len() as u32)
            .map(|i| self.find(i))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::features::SourceRecord;

    fn rec(name: &str) -> Features {
        Features::of(
            &SourceRecord {
                name: Some(name.into()),
                ..SourceRecord::default()
            },
            None,
        )
    }

    fn link(a: u32, b: u32, weight: f64) -> Link {
        Link {
            a,
            b,
            weight,
            rule: Rule::Score,
        }
    }

    #[test]
    fn a_weak_bridge_does_not_join_two_customers() {
        let f: Vec<Features> = ["Ana Ruiz", "Ana Ruiz", "A. Ruiz", "Ana Ruiz", "Ana Ruiz"]
            .iter()
            .map(|n| rec(n))
            .collect();
        let none = HashSet::new();
        let weigh = |_: u32, _: u32| 12.0;
        let mut c = Clusters::new(&f, &none, 10.0, &weigh);
        assert!(c.link(&link(0, 1, 30.0)));
        assert!(c.link(&link(3, 4, 30.0)));
        assert!(c.link(&link(1, 2, 11.0)), "a single record joins");
        assert!(!c.link(&link(2, 3, 11.0)), "two formed customers need more");
        assert!(c.link(&link(2, 3, 13.5)));
    }

    #[test]
    fn evidence_against_across_the_customers_keeps_them_apart() {
        let f: Vec<Features> = ["J. Martínez", "José Luis Martínez", "José Martínez"]
            .iter()
            .map(|n| rec(n))
            .collect();
        let none = HashSet::new();
        // 1 and 2 differ in everything else (address, phone): strongly negative.
        let weigh = |a: u32, b: u32| {
            if a.min(b) == 1 && a.max(b) == 2 {
                -7.0
            } else {
                6.0
            }
        };
        let mut c = Clusters::new(&f, &none, 5.0, &weigh);
        assert!(c.link(&link(0, 1, 6.0)));
        assert!(!c.link(&link(0, 2, 6.0)), "-7 is clear evidence against");
    }

    #[test]
    fn conflicting_given_names_and_decisions_keep_apart() {
        let f: Vec<Features> = ["Ana Ruiz", "A. Ruiz", "Pedro Ruiz", "Ana M. Ruiz"]
            .iter()
            .map(|n| rec(n))
            .collect();
        let distinct = HashSet::from([(0, 1)]);
        let weigh = |_: u32, _: u32| 12.0;
        let mut c = Clusters::new(&f, &distinct, 10.0, &weigh);
        assert!(!c.link(&link(0, 1, 50.0)), "a person said no");
        assert!(c.link(&link(0, 3, 50.0)));
        assert!(
            !c.link(&link(1, 3, 50.0)),
            "the decision holds for the whole customer"
        );
        assert!(!c.link(&link(2, 3, 50.0)), "Pedro is not Ana");
        let roots = c.roots();
        assert_eq!(roots[0], roots[3]);
        assert_ne!(roots[0], roots[1]);
        assert_ne!(roots[0], roots[2]);
    }
}
