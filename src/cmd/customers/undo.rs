//! `omni customers unmerge|split`: undo what linking did, and keep it undone.

use std::collections::BTreeMap;

use anyhow::{Result, bail};

use crate::render::Output;
use crate::store::Store;
use crate::store::customers::{Move, RunRecord};

/// Puts a customer's records back where they were before the run that last moved any of
/// them, and records that the parts are different people.
pub fn unmerge(store: &mut Store, customer: i64, out: &Output) -> Result<()> {
    let members = store.customer_record_ids(customer)?;
    if members.is_empty() {
        bail!("no customer {customer} (see `omni customers list`)");
    }
    let Some((run, before)) = store.last_moves(&members)? else {
        bail!("customer {customer} was never merged");
    };
    let mut next = store.next_customer_id()?;
    let mut moves: Vec<Move> = Vec::new();
    // Each part of the customer: its customer number after the undo, and its records.
    let mut parts: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for &record in &members {
        let restored = match before.iter().find(|(r, _)| *r == record) {
            Some((_, Some(old))) => *old,
            // New in that run: it was nobody's, so it stands alone.
            Some((_, None)) => {
                next += 1;
                next - 1
            }
            None => customer,
        };
        if restored != customer {
            moves.push((record, Some(customer), restored));
        }
        parts.entry(restored).or_default().push(record);
    }
    if parts.len() < 2 {
        bail!("customer {customer} is as run {run} left it: nothing to unmerge");
    }
    let parts: Vec<Vec<i64>> = parts.into_values().collect();
    let mut apart = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        for q in &parts[i + 1..] {
            apart.extend(
                p.iter()
                    .flat_map(|a| q.iter().map(move |b| (*a, *b, false))),
            );
        }
    }
    let run_record = RunRecord {
        kind: "unmerge",
        ..RunRecord::default()
    };
    store.write_customers(&run_record, &apart, &moves, &[], false)?;
    out.line(&format!(
        "customer {customer} unmerged into {} customers as before run {run}; they stay apart in later merges",
        parts.len()
    ))
}

/// Takes one record out of its customer into a customer of its own.
pub fn split(store: &mut Store, record_arg: &str, out: &Output) -> Result<()> {
    let record = super::parse_record(record_arg)?;
    let customer = super::customer_of_record(store, record)?;
    let others: Vec<i64> = store
        .customer_record_ids(customer)?
        .into_iter()
        .filter(|r| *r != record)
        .collect();
    if others.is_empty() {
        bail!("record r{record} is already a customer of its own ({customer})");
    }
    let alone = store.next_customer_id()?;
    let apart: Vec<(i64, i64, bool)> = others.iter().map(|o| (record, *o, false)).collect();
    store.write_customers(
        &RunRecord {
            kind: "split",
            ..RunRecord::default()
        },
        &apart,
        &[(record, Some(customer), alone)],
        &[],
        false,
    )?;
    out.line(&format!(
        "record r{record} is now customer {alone}, apart from customer {customer}; it stays apart in later merges"
    ))
}
