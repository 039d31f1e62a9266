//! `omni customers list|show|export`: customers as golden records, their records and orders.

use anyhow::{Result, bail};
use serde_json::json;

use crate::domain::currency::Currency;
use crate::domain::number::format_scaled;
use crate::identity::golden::{GOLDEN_FIELDS, Survivorship, golden};
use crate::render::Output;
use crate::report::{Cell, Table};
use crate::store::Store;
use crate::store::customers::MemberRecord;

fn channels_of(records: &[MemberRecord]) -> Vec<String> {
    let mut list: Vec<String> = Vec::new();
    for r in records {
        if !list.contains(&r.channel) {
            list.push(r.channel.clone());
        }
    }
    list
}

/// Records grouped by customer (records without a customer are skipped).
fn by_customer(records: Vec<MemberRecord>) -> Vec<(i64, Vec<MemberRecord>)> {
    let mut groups: Vec<(i64, Vec<MemberRecord>)> = Vec::new();
    for r in records {
        let Some(c) = r.customer else { continue };
        match groups.last_mut() {
            Some((last, list)) if *last == c => list.push(r),
            _ => groups.push((c, vec![r])),
        }
    }
    groups
}

fn value(g: &[Option<(String, String)>], i: usize) -> Cell {
    Cell::opt_text(g[i].as_ref().map(|(v, _)| v.clone()))
}

pub fn list(store: &Store, min_channels: usize, rule: Survivorship, out: &Output) -> Result<()> {
    let all = store.all_member_records()?;
    if !all.is_empty() && all.iter().all(|r| r.customer.is_none()) {
        bail!("no customers yet: run `omni customers merge` first");
    }
    let mut rows: Vec<(usize, usize, i64, Vec<Cell>)> = Vec::new();
    for (id, records) in by_customer(all) {
        let channels = channels_of(&records);
        if channels.len() < min_channels {
            continue;
        }
        let g = golden(&records, rule);
        let orders: i64 = records.iter().map(|r| r.orders).sum();
        let last = records.iter().filter_map(|r| r.last_seen.clone()).max();
        rows.push((
            channels.len(),
            records.len(),
            id,
            vec![
                Cell::Int(id),
                value(&g, 0),
                value(&g, 1),
                value(&g, 2),
                Cell::text(channels.join(", ")),
                Cell::Int(records.len() as i64),
                Cell::Int(orders),
                Cell::opt_text(last),
            ],
        ));
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut t = Table::new(&[
        "customer_id",
        "name",
        "email",
        "phone",
        "channels",
        "records",
        "orders",
        "last_seen",
    ]);
    t.rows = rows.into_iter().map(|r| r.3).collect();
    t.notes.push(format!(
        "{} customers; `omni customers show ID` for one",
        t.rows.len()
    ));
    out.table(&t)
}

/// A customer number, or the customer of a record given as rNNN.
fn resolve(store: &Store, id: &str) -> Result<i64> {
    if id.trim().starts_with(['r', 'R']) {
        return super::customer_of_record(store, super::parse_record(id)?);
    }
    id.trim()
        .parse()
        .map_err(|_| anyhow::anyhow!("\"{id}\" is not a customer number (or a record as rNNN)"))
}

pub fn show(store: &Store, id: &str, rule: Survivorship, out: &Output) -> Result<()> {
    let customer = resolve(store, id)?;
    let records = store.customer_members(customer)?;
    if records.is_empty() {
        bail!("no customer {customer} (see `omni customers list`)");
    }
    let g = golden(&records, rule);
    let mut fields = Table::new(&["field", "value", "from"]);
    for (i, name) in GOLDEN_FIELDS.iter().enumerate() {
        let (v, from) = g[i].clone().unzip();
        fields.rows.push(vec![
            Cell::text(*name),
            Cell::opt_text(v),
            Cell::opt_text(from),
        ]);
    }
    fields.notes.push(format!(
        "customer {customer}: {} records on {}; survivorship: {}",
        records.len(),
        channels_of(&records).join(", "),
        match rule {
            Survivorship::Recent => "most recent non-empty value",
            Survivorship::Frequent => "most frequent value",
        }
    ));
    let mut recs = Table::new(&[
        "record",
        "channel",
        "source_id",
        "name",
        "email",
        "phone",
        "address",
        "orders",
        "last_seen",
    ]);
    for r in &records {
        recs.rows.push(vec![
            Cell::text(format!("r{}", r.record_id)),
            Cell::text(&r.channel),
            Cell::opt_text(r.source_id.clone()),
            Cell::opt_text(r.name.clone()),
            Cell::opt_text(r.email.clone()),
            Cell::opt_text(r.phone.clone()),
            Cell::opt_text(r.address.clone()),
            Cell::Int(r.orders),
            Cell::opt_text(r.last_seen.clone()),
        ]);
    }
    let mut links = Table::new(&["record_a", "record_b", "why", "weight_bits", "probability"]);
    for (a, b, rule, w, p) in store.customer_links(customer)? {
        links.rows.push(vec![
            Cell::text(format!("r{a}")),
            Cell::text(format!("r{b}")),
            Cell::text(rule),
            w.map_or(Cell::Null, |w| Cell::Decimal(format!("{w:.1}"))),
            p.map_or(Cell::Null, |p| Cell::Decimal(format!("{p:.4}"))),
        ]);
    }
    links
        .notes
        .push("`omni customers explain rA rB` shows a link field by field".into());
    let mut orders = Table::new(&[
        "channel",
        "order_id",
        "ordered_at",
        "units",
        "net",
        "currency",
    ]);
    for o in store.customer_orders(customer)? {
        let scale = o.currency.parse::<Currency>().map_or(2, Currency::exponent);
        orders.rows.push(vec![
            Cell::text(o.channel),
            Cell::text(o.order_id),
            Cell::text(o.ordered_at),
            Cell::Int(o.units),
            Cell::Decimal(format_scaled(o.net, scale)),
            Cell::text(o.currency),
        ]);
    }
    if out.is_json() {
        let json = json!({
            "customer_id": customer,
            "golden": fields.to_json(),
            "records": recs.to_json(),
            "links": links.to_json(),
            "orders": orders.to_json(),
        });
        return out.report(&json, &fields);
    }
    for t in [&fields, &recs, &links, &orders] {
        out.table(t)?;
    }
    Ok(())
}

pub fn export(store: &Store, rule: Survivorship, out: &Output) -> Result<()> {
    let all = store.all_member_records()?;
    let unmerged = all.iter().filter(|r| r.customer.is_none()).count();
    if unmerged > 0 {
        out.warn(&format!(
            "{unmerged} records belong to no customer yet (customer_id empty): run `omni customers merge`"
        ));
    }
    let mut columns = vec!["channel", "source_id", "record_id", "customer_id"];
    columns.extend(GOLDEN_FIELDS);
    let mut rows: Vec<Vec<Cell>> = Vec::with_capacity(all.len());
    let (grouped, alone): (Vec<MemberRecord>, Vec<MemberRecord>) =
        all.into_iter().partition(|r| r.customer.is_some());
    let singles = alone.into_iter().map(|r| (None, vec![r]));
    let groups = by_customer(grouped).into_iter().map(|(c, r)| (Some(c), r));
    for (customer, records) in groups.chain(singles) {
        let g = golden(&records, rule);
        for r in &records {
            let mut row = vec![
                Cell::text(&r.channel),
                Cell::opt_text(r.source_id.clone()),
                Cell::Int(r.record_id),
                customer.map_or(Cell::Null, Cell::Int),
            ];
            row.extend((0..GOLDEN_FIELDS.len()).map(|i| value(&g, i)));
            rows.push(row);
        }
    }
    rows.sort_by_key(|r| match r[2] {
        Cell::Int(id) => id,
        _ => 0,
    });
    out.rows(&columns, rows.into_iter(), Vec::new())
}
