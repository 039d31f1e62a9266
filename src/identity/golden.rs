//! The golden record: one value per field for a customer, each with the channel it came from.
//! Survivorship is either the most recent non-empty value (the record seen last by order or
//! account date) or the most frequent one (ties to the most recent).

use std::collections::HashMap;

use crate::domain::text;
use crate::store::customers::MemberRecord;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Survivorship {
    Recent,
    Frequent,
}

pub const GOLDEN_FIELDS: [&str; 7] = [
    "name", "email", "phone", "address", "city", "postcode", "country",
];

/// Field values and the channel each came from, in `GOLDEN_FIELDS` order.
pub type Golden = Vec<Option<(String, String)>>;

fn field(r: &MemberRecord, i: usize) -> Option<&str> {
    let v = match i {
        0 => &r.name,
        1 => &r.email,
        2 => &r.phone,
        3 => &r.address,
        4 => &r.city,
        5 => &r.postcode,
        _ => &r.country,
    };
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "--")
        // A relay address reaches an order, not the person.
        .filter(|s| i != 1 || !crate::domain::email::is_relay(s))
}

pub fn golden(records: &[MemberRecord], rule: Survivorship) -> Golden {
    // Most recent first; a record never seen by date counts as oldest.
    let mut order: Vec<&MemberRecord> = records.iter().collect();
    order.sort_by(|a, b| {
        b.last_seen
            .cmp(&a.last_seen)
            .then(b.record_id.cmp(&a.record_id))
    });
    (0..GOLDEN_FIELDS.len())
        .map(|i| {
            let values = order.iter().filter_map(|r| field(r, i).map(|v| (v, r)));
            let chosen = match rule {
                Survivorship::Recent => values.into_iter().next(),
                Survivorship::Frequent => {
                    let all: Vec<_> = values.collect();
                    let mut counts: HashMap<String, usize> = HashMap::new();
                    for (v, _) in &all {
                        *counts.entry(text::fold(v)).or_insert(0) += 1;
                    }
                    // max_by_key keeps the last maximum: scan oldest to newest so ties go to
                    // the most recent.
                    all.into_iter()
                        .rev()
                        .max_by_key(|(v, _)| counts[&text::fold(v)])
                }
            };
            chosen.map(|(v, r)| (v.to_string(), r.channel.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: i64, channel: &str, name: &str, email: Option<&str>, seen: &str) -> MemberRecord {
        MemberRecord {
            record_id: id,
            channel: channel.into(),
            name: Some(name.into()),
            email: email.map(Into::into),
            last_seen: Some(seen.into()),
            ..MemberRecord::default()
        }
    }

    #[test]
    fn recent_and_frequent() {
        let records = vec![
            rec(1, "web", "Ana Ruiz", Some("ana@x.es"), "2025-01-01"),
            rec(
                2,
                "amazon",
                "ANA RUIZ",
                Some("k@marketplace.amazon.es"),
                "2025-06-01",
            ),
            rec(3, "store", "Ana M. Ruiz", None, "2025-03-01"),
        ];
        let g = golden(&records, Survivorship::Recent);
        assert_eq!(g[0], Some(("ANA RUIZ".into(), "amazon".into())));
        assert_eq!(
            g[1],
            Some(("ana@x.es".into(), "web".into())),
            "the relay is skipped"
        );
        let g = golden(&records, Survivorship::Frequent);
        assert_eq!(
            g[0],
            Some(("ANA RUIZ".into(), "amazon".into())),
            "two of three, newest"
        );
        assert_eq!(g[2], None);
    }
}
