//! RFM scores (KPIS.md § 2.12): recency, frequency and monetary value scored 1–5 by
//! quintiles the way SQLite's NTILE(5) cuts them (ordered by value, then customer id; larger
//! groups first), 5 best, and named segments from the R and F scores.

use super::calendar::Day;
use super::customers::CustomerRow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scores {
    pub r: u8,
    pub f: u8,
    pub m: u8,
}

/// The segment names over (R, F), first match: the grid most RFM guides print.
pub const SEGMENTS: &[(&str, &[u8], &[u8])] = &[
    ("champions", &[5], &[4, 5]),
    ("loyal", &[3, 4], &[4, 5]),
    ("potential loyalists", &[4, 5], &[2, 3]),
    ("new customers", &[5], &[1]),
    ("promising", &[4], &[1]),
    ("need attention", &[3], &[3]),
    ("about to sleep", &[3], &[1, 2]),
    ("cannot lose them", &[1, 2], &[5]),
    ("at risk", &[1, 2], &[3, 4]),
    ("hibernating", &[1, 2], &[1, 2]),
];

pub fn segment(s: Scores) -> &'static str {
    SEGMENTS
        .iter()
        .find(|(_, r, f)| r.contains(&s.r) && f.contains(&s.f))
        .map_or("unsegmented", |(name, _, _)| name)
}

/// NTILE(5) scores of `values` in the order given by `key` (ascending: the first fifth
/// scores 1), ties broken by customer id.
fn ntile<K: Ord>(rows: &[CustomerRow], key: impl Fn(&CustomerRow) -> K) -> Vec<u8> {
    let n = rows.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        key(&rows[a])
            .cmp(&key(&rows[b]))
            .then(rows[a].id.cmp(&rows[b].id))
    });
    let (base, extra) = (n / 5, n % 5);
    let mut scores = vec![0u8; n];
    let mut at = 0;
    for bucket in 0..5 {
        let size = base + usize::from(bucket < extra);
        for &i in &order[at..at + size] {
            scores[i] = bucket as u8 + 1;
        }
        at += size;
    }
    scores
}

/// Scores per row; `snapshot` is the day after the window (recency counts from it).
pub fn scores(rows: &[CustomerRow], snapshot: Day) -> Vec<Scores> {
    // Recency: the longest ago scores 1.
    let r = ntile(rows, |c| std::cmp::Reverse(snapshot - c.last));
    let f = ntile(rows, |c| c.orders);
    let m = ntile(rows, |c| c.net);
    (0..rows.len())
        .map(|i| Scores {
            r: r[i],
            f: f[i],
            m: m[i],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, orders: i64, net: i64, last: Day) -> CustomerRow {
        CustomerRow {
            id,
            orders,
            sales: net,
            net,
            channels: 1,
            acquired_on: 0,
            first_ever: 0,
            last,
            orders_to_end: orders,
        }
    }

    #[test]
    fn ntile_puts_larger_groups_first_and_ties_by_id() {
        // Seven customers: groups of 2, 2, 1, 1, 1 as NTILE(5) cuts them.
        let rows: Vec<CustomerRow> = (1..=7).map(|i| row(i, 1, i * 10, 100)).collect();
        let s = scores(&rows, 101);
        let m: Vec<u8> = s.iter().map(|s| s.m).collect();
        assert_eq!(m, vec![1, 1, 2, 2, 3, 4, 5]);
        // Equal frequencies still spread over scores, by customer id.
        let f: Vec<u8> = s.iter().map(|s| s.f).collect();
        assert_eq!(f, vec![1, 1, 2, 2, 3, 4, 5]);
    }

    #[test]
    fn recent_buyers_score_high() {
        let rows = vec![row(1, 1, 10, 10), row(2, 1, 10, 90)];
        let s = scores(&rows, 100);
        assert!(s[1].r > s[0].r);
        assert_eq!(segment(Scores { r: 5, f: 5, m: 1 }), "champions");
        assert_eq!(segment(Scores { r: 1, f: 1, m: 5 }), "hibernating");
    }
}
