//! Customer numbers that stay put: after a run, each customer keeps the number most of its
//! records already had (so reports and scripts that saved a number still find the person);
//! only a customer with no numbered record, or whose number another took, gets a new one.

use std::collections::HashMap;

/// The customer number of each record. `root[i]` groups records into customers, `existing[i]`
/// is record i's number before the run, `next` the first number never used.
pub fn assign(root: &[u32], existing: &[Option<i64>], mut next: i64) -> Vec<i64> {
    // Per customer, how many of its records hold each old number.
    let mut votes: HashMap<u32, HashMap<i64, usize>> = HashMap::new();
    for (r, old) in root.iter().zip(existing) {
        if let Some(old) = old {
            *votes.entry(*r).or_default().entry(*old).or_insert(0) += 1;
        }
    }
    // Largest claims first, so a number goes to the customer holding most of its records.
    let mut claims: Vec<(usize, i64, u32)> = votes
        .iter()
        .flat_map(|(r, v)| v.iter().map(|(old, n)| (*n, *old, *r)))
        .collect();
    claims.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut number: HashMap<u32, i64> = HashMap::new();
    let mut taken: std::collections::HashSet<i64> = std::collections::HashSet::new();
    for (_, old, r) in claims {
        if !number.contains_key(&r) && taken.insert(old) {
            number.insert(r, old);
        }
    }
    root.iter()
        .map(|r| {
            *number.entry(*r).or_insert_with(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::assign;

    #[test]
    fn numbers_stay_with_most_of_their_records() {
        // Records 0,1 were customer 7, record 2 customer 9; now 0,1,2 are one and 3 is new.
        let ids = assign(&[0, 0, 0, 3], &[Some(7), Some(7), Some(9), None], 10);
        assert_eq!(ids, vec![7, 7, 7, 10]);
        // Customer 7 split in two: the larger part keeps 7.
        let ids = assign(&[0, 1, 1], &[Some(7), Some(7), Some(7)], 10);
        assert_eq!(ids, vec![10, 7, 7]);
    }
}
