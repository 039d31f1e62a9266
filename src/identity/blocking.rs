//! Which pairs are worth comparing. Comparing every record with every other is n²; people who
//! are one share at least one cheap key (postcode and family-name sound, given and family
//! names, a phone, an e-mail's local part, an address), so only records sharing a key are
//! paired. A key shared by very many records (a common name) pairs each record only with its
//! neighbours in name order, so one "María García" block cannot cost a million comparisons.

use super::features::{Features, hash};

/// Blocks up to this size are compared in full.
const FULL_BLOCK: usize = 40;
/// In a larger block, each record meets this many neighbours after it.
const WINDOW: usize = 10;

fn mix(parts: &[u64]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        h = (h ^ p).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29);
    }
    h
}

/// The blocking keys of one record (kind number first so kinds never collide).
fn keys(f: &Features) -> impl Iterator<Item = u64> {
    let given = f.given;
    let fam1 = f.family1_sound;
    let both = |k: u64, a: Option<u64>, b: Option<u64>| Some(mix(&[k, a?, b?]));
    [
        both(1, f.postcode, fam1),
        given.and_then(|g| both(2, fam1, f.family2_sound).map(|k| mix(&[k, g]))),
        given.and_then(|g| both(3, fam1, f.province).map(|k| mix(&[k, g]))),
        both(4, given, fam1),
        f.phone.map(|p| mix(&[5, p])),
        f.email_local.map(|e| mix(&[6, e])),
        f.address.map(|a| mix(&[7, a, f.postcode.unwrap_or(0)])),
    ]
    .into_iter()
    .flatten()
}

/// Candidate pairs (i < j), sorted and without repeats. With `only`, a pair is kept only when
/// one of its records is flagged there (incremental linking of new records).
pub fn candidate_pairs(features: &[Features], only: Option<&[bool]>) -> Vec<(u32, u32)> {
    let mut entries: Vec<(u64, u64, u32)> = Vec::with_capacity(features.len() * 6);
    for (i, f) in features.iter().enumerate() {
        let order = hash(&f.name.family_text()) ^ f.given.unwrap_or(0).rotate_left(7);
        entries.extend(keys(f).map(|k| (k, order, i as u32)));
    }
    entries.sort_unstable();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let keep = |a: u32, b: u32| only.is_none_or(|o| o[a as usize] || o[b as usize]);
    for block in entries.chunk_by(|x, y| x.0 == y.0) {
        let window = if block.len() <= FULL_BLOCK {
            block.len()
        } else {
            WINDOW + 1
        };
        for (n, x) in block.iter().enumerate() {
            for y in &block[n + 1..(n + window).min(block.len())] {
                let (a, b) = (x.2.min(y.2), x.2.max(y.2));
                if a != b && keep(a, b) {
                    pairs.push((a, b));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::features::SourceRecord;

    fn rec(name: &str, postcode: &str) -> Features {
        Features::of(
            &SourceRecord {
                name: Some(name.into()),
                postcode: Some(postcode.into()),
                ..SourceRecord::default()
            },
            None,
        )
    }

    #[test]
    fn pairs_share_a_key() {
        let f = vec![
            rec("Ana Jiménez Ruiz", "28013"),
            rec("Ana Giménez", "28013"),
            rec("Luis Pons", "08001"),
        ];
        assert_eq!(candidate_pairs(&f, None), vec![(0, 1)]);
        assert_eq!(candidate_pairs(&f, Some(&[false, false, true])), vec![]);
        assert_eq!(
            candidate_pairs(&f, Some(&[false, true, false])),
            vec![(0, 1)]
        );
    }

    #[test]
    fn large_blocks_are_windowed() {
        let f: Vec<Features> = (0..1000).map(|_| rec("María García", "")).collect();
        let pairs = candidate_pairs(&f, None);
        assert!(pairs.len() <= 1000 * WINDOW, "{}", pairs.len());
        assert!(!pairs.is_empty());
    }
}
