//! `omni customers explain A B`: the comparison behind a link (or its absence), field by field,
//! with each field's weight in bits and the total.

use std::collections::HashMap;

use anyhow::{Result, bail};
use serde_json::json;

use crate::identity::compare::{FIELD_NAMES, FIELDS, LEVEL_NAMES, names_conflict};
use crate::identity::{self, DEFAULT_THRESHOLD, Linker, Options, Prior, SourceRecord};
use crate::render::Output;
use crate::report::{Cell, Table};
use crate::store::Store;

/// The records an argument stands for: one record (rNNN) or a customer's records (NNN).
fn records_of(store: &Store, arg: &str, index: &HashMap<i64, usize>) -> Result<Vec<usize>> {
    let ids: Vec<i64> = if arg.trim().starts_with(['r', 'R']) {
        vec![super::parse_record(arg)?]
    } else {
        let Ok(customer) = arg.trim().parse::<i64>() else {
            bail!("\"{arg}\" is neither a record (rNNN) nor a customer number");
        };
        let members = store.customer_record_ids(customer)?;
        if members.is_empty() {
            bail!("no customer {customer} (records are written rNNN)");
        }
        members
    };
    ids.iter()
        .map(|id| {
            index
                .get(id)
                .copied()
                .ok_or_else(|| anyhow::anyhow!("no customer record r{id}"))
        })
        .collect()
}

/// What each compared field holds, as the records wrote it.
fn shown(r: &SourceRecord, linker: &Linker, i: usize, field: usize) -> Cell {
    let name = &linker.features[i].name;
    let v = match field {
        0 => Some(name.given.join(" ")).filter(|s| !s.is_empty()),
        1 => Some(name.family.join(" ")).filter(|s| !s.is_empty()),
        2 => r.email.clone(),
        3 => r.phone.clone(),
        4 => r.address.clone(),
        _ => r.postcode.clone().or_else(|| r.city.clone()),
    };
    Cell::opt_text(v)
}

pub fn run(store: &Store, a: &str, b: &str, out: &Output) -> Result<()> {
    let (records, customers): (Vec<SourceRecord>, Vec<Option<i64>>) =
        store.customer_sources()?.into_iter().unzip();
    let index: HashMap<i64, usize> = records.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let (left, right) = (records_of(store, a, &index)?, records_of(store, b, &index)?);
    let region = super::region(store)?;
    let model = match super::stored_model(store)? {
        Some(m) => m,
        None => {
            let opts = Options {
                threshold: DEFAULT_THRESHOLD,
                region,
                review_min: None,
            };
            identity::link(&records, &Prior::default(), &opts).0.model
        }
    };
    let linker = identity::explainer(&records, region, model);
    // For customers, the strongest pair of records between them speaks for both.
    let mut best: Option<(f64, usize, usize)> = None;
    for &i in left.iter().take(100) {
        for &j in right.iter().take(100).filter(|j| **j != i) {
            let w: f64 = linker.explain(i, j).1.iter().sum();
            if best.is_none_or(|(bw, _, _)| w > bw) {
                best = Some((w, i, j));
            }
        }
    }
    let Some((total, i, j)) = best else {
        bail!("{a} and {b} are the same record");
    };
    let (pattern, weights) = linker.explain(i, j);
    let (ra, rb) = (&records[i], &records[j]);
    let mut t = Table::new(&[
        "field",
        &format!("r{} ({})", ra.id, ra.channel),
        &format!("r{} ({})", rb.id, rb.channel),
        "level",
        "weight_bits",
    ]);
    let mut fields = Vec::new();
    for f in 0..FIELDS {
        let level = LEVEL_NAMES[f][usize::from(pattern[f])];
        t.rows.push(vec![
            Cell::text(FIELD_NAMES[f]),
            shown(ra, &linker, i, f),
            shown(rb, &linker, j, f),
            Cell::text(level),
            Cell::Decimal(format!("{:+.1}", weights[f])),
        ]);
        fields.push(json!({"field": FIELD_NAMES[f], "level": level, "weight": weights[f]}));
    }
    let p = linker.model.probability(total);
    let conflict = names_conflict(&linker.features[i], &linker.features[j]);
    let same = customers[i].is_some() && customers[i] == customers[j];
    t.notes.push(format!(
        "total {total:+.1} bits over a prior of {:+.1} → probability {p:.4} (threshold {DEFAULT_THRESHOLD} by default)",
        (linker.model.lambda / (1.0 - linker.model.lambda)).log2()
    ));
    if conflict {
        t.notes.push("their names conflict (another given name, or another second family name): two people — a household member, a namesake — never linked by score".into());
    }
    t.notes.push(match (customers[i], customers[j]) {
        (Some(x), _) if same => format!("both are customer {x}"),
        (Some(x), Some(y)) => format!("customers {x} and {y}: not linked"),
        _ => "not linked yet (run `omni customers merge`)".into(),
    });
    let json = json!({
        "record_a": ra.id, "record_b": rb.id, "fields": fields, "total_weight": total,
        "probability": p, "names_conflict": conflict,
        "customer_a": customers[i], "customer_b": customers[j], "same_customer": same,
    });
    out.report(&json, &t)
}
