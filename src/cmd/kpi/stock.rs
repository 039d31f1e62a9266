//! `omni kpi inventory`: sell-through, stockout rate, turnover and days of supply per SKU and
//! location (or pooled with `--by sku|location`), from every count, change and fulfilled line.

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;
use chrono::DateTime;

use crate::cli::KpiByArg;
use crate::kpi::calendar::Day;
use crate::kpi::inventory::{Event, StockFigures, figures};
use crate::reconcile::stock::key;
use crate::reconcile::{Inputs, Positions};
use crate::report::{Cell, Table};

use super::{Context, Report, date_text, figure};

/// Days of sales days of supply divides by (the `units_sold_30d` column).
const DEMAND_DAYS: i64 = 30;

/// Events per (location, SKU key), each with its instant (Unix seconds) and a rank that puts
/// a count before the changes and sales of the same instant.
type Timelines = HashMap<(i64, String), Vec<(i64, u8, Event)>>;

fn seconds(text: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.timestamp())
}

pub fn inventory(ctx: &Context) -> Result<Report> {
    let store = ctx.store;
    // Where lines take stock from, as reconcile places them (without its plan's inputs).
    let inputs = Inputs {
        feeds: store.feeds()?,
        locations: store.location_rows()?,
        bundles: store.bundle_rows()?,
        listings: store.listing_rows()?,
        ..Inputs::default()
    };
    let positions = Positions::new(
        store.latest_snapshots()?,
        &inputs.locations,
        &inputs.feeds,
        &inputs.bundle_map(),
        inputs.master_skus(),
    );
    let mut timelines: Timelines = HashMap::new();
    let mut shown_sku: HashMap<String, String> = HashMap::new();
    for c in store.all_stock_counts()? {
        let Some(at) = seconds(&c.as_of) else {
            continue;
        };
        let k = key(&c.sku);
        shown_sku.entry(k.clone()).or_insert(c.sku.clone());
        timelines.entry((c.location_id, k)).or_default().push((
            at,
            0,
            Event::Count {
                on_hand: c.on_hand,
                reserved: c.reserved,
            },
        ));
    }
    store.for_each_movement(|location, sku, quantity, at| {
        if let Some(at) = seconds(at) {
            let k = key(sku);
            shown_sku.entry(k.clone()).or_insert(sku.to_string());
            timelines
                .entry((location, k))
                .or_default()
                .push((at, 1, Event::Change(quantity)));
        }
    })?;
    // Sales before a SKU's first count or change are outside its history (figures() skips
    // them), so lines before the earliest of them all need not be read.
    let first = timelines.values().flatten().map(|(at, _, _)| *at).min();
    // (Demand counts from before it too: the days of supply's demand window may start
    // before the first count.)
    let since = first
        .and_then(|t| DateTime::from_timestamp(t - (DEMAND_DAYS + 1) * 86_400, 0))
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    let mut unplaced = 0;
    // No stock history at all: no line can be part of one.
    let since = since.as_deref().unwrap_or("9999");
    store.for_each_line_since(since, |line| {
        let Some(at) = seconds(&line.ordered_at) else {
            return;
        };
        match positions.place(&line) {
            // Only SKUs whose stock omni knows somewhere are inventory.
            Some(parts) => {
                for (location, sku, quantity) in parts {
                    if let Some(events) = timelines.get_mut(&(location, sku)) {
                        events.push((at, 2, Event::Sale(quantity)));
                    }
                }
            }
            None => unplaced += 1,
        }
    })?;

    let calendar = &ctx.ledger.calendar;
    let mut days: HashMap<(i64, String), Vec<(Day, Event)>> = HashMap::new();
    let mut span: Option<(Day, Day)> = None;
    for (k, mut events) in timelines {
        events.sort_by_key(|(at, rank, _)| (*at, *rank));
        let list: Vec<(Day, Event)> = events
            .into_iter()
            .map(|(at, _, e)| (calendar.day(at), e))
            .collect();
        if let (Some(first), Some(last)) = (list.first(), list.last()) {
            span = Some(span.map_or((first.0, last.0), |(a, b)| (a.min(first.0), b.max(last.0))));
        }
        days.insert(k, list);
    }
    let closed = ctx.window.closed(span);
    let locations: HashMap<i64, &str> = inputs
        .locations
        .iter()
        .map(|l| (l.id, l.name.as_str()))
        .collect();
    // A channel's stock is that of the locations feeding it.
    let channel_names = store.channel_names()?;
    let mut fed: HashMap<i64, Vec<String>> = HashMap::new();
    for f in &inputs.feeds {
        if let Some(name) = channel_names.get(&f.channel_id) {
            fed.entry(f.location_id).or_default().push(name.clone());
        }
    }
    let by = ctx.args.by;
    // Rows keyed for display order: (location or channel, SKU) with a side pooled away as "".
    let mut rows_by: BTreeMap<(String, String), StockFigures> = BTreeMap::new();
    if let Some((from, to)) = closed {
        for ((location, sku), events) in &days {
            let f = figures(events, from, to, DEMAND_DAYS);
            if !f.tracked {
                continue;
            }
            let name = locations.get(location).copied().unwrap_or("?").to_string();
            let sku = shown_sku.get(sku).cloned().unwrap_or_else(|| sku.clone());
            let keys = match by {
                Some(KpiByArg::Location) => vec![(name, String::new())],
                Some(KpiByArg::Sku) => vec![(String::new(), sku)],
                Some(KpiByArg::Channel) => fed
                    .get(location)
                    .into_iter()
                    .flatten()
                    .map(|c| (c.clone(), String::new()))
                    .collect(),
                _ => vec![(name, sku)],
            };
            for key in keys {
                rows_by.entry(key).or_default().add(&f);
            }
        }
    }
    let first = match by {
        Some(KpiByArg::Sku) => None,
        Some(KpiByArg::Channel) => Some("channel"),
        _ => Some("location"),
    };
    let with_sku = !matches!(by, Some(KpiByArg::Location | KpiByArg::Channel));
    let mut columns: Vec<&str> = first.into_iter().collect();
    if with_sku {
        columns.push("sku");
    }
    columns.extend([
        "units_sold",
        "start_on_hand",
        "receipts",
        "sell_through",
        "tracked_days",
        "stockout_days",
        "stockout_rate",
        "average_on_hand",
        "turnover",
        "available",
        "units_sold_30d",
        "days_of_supply",
    ]);
    let mut rows = Table::new(&columns);
    for ((location, sku), f) in &rows_by {
        let mut row = Vec::new();
        if first.is_some() {
            row.push(Cell::text(location));
        }
        if with_sku {
            row.push(Cell::text(sku));
        }
        row.extend([
            Cell::Int(f.units_sold),
            Cell::Int(f.start_on_hand),
            Cell::Int(f.receipts),
            Cell::rate(f.sell_through()),
            Cell::Int(f.tracked_days),
            Cell::Int(f.stockout_days),
            Cell::rate(f.stockout_rate()),
            figure(f.average_on_hand()),
            figure(f.turnover()),
            Cell::Int(f.available_end),
            Cell::Int(f.recent_units),
            figure(f.days_of_supply(DEMAND_DAYS)),
        ]);
        rows.push(row);
    }
    let mut report = Report::new(rows);
    if unplaced > 0 {
        report.rows.notes.push(format!(
            "{unplaced} order lines have no location (no fulfilling location, channel fed by none) and are left out"
        ));
    }
    let window = closed.map_or("no stock history".to_string(), |(a, b)| {
        format!("{} to {} (excluded)", date_text(a), date_text(b))
    });
    let c = &mut report.conventions;
    c.push((
        "stock",
        format!(
            "rebuilt per SKU and location from every count, recorded change and fulfilled line (the location the export names, else the first location feeding the channel); a day's stock is its end-of-day stock; window {window}"
        ),
    ));
    if by == Some(KpiByArg::Channel) {
        c.push((
            "channel_stock",
            "a channel's figures are those of the locations feeding it (`omni locations add --feeds`): a location feeding two channels counts in both, so channels do not add up".into(),
        ));
    }
    c.push((
        "sell_through",
        "units sold / (on hand at the window's start, or the first count in it, + receipts); receipts = recorded deliveries + counts above the books".into(),
    ));
    c.push((
        "stockout_rate",
        "days ending with nothing available (on hand − reserved ≤ 0) / days with a known stock (time-based)".into(),
    ));
    c.push((
        "turnover",
        "units sold / average end-of-day units on hand (units: omni holds no costs)".into(),
    ));
    c.push((
        "days_of_supply",
        format!(
            "available at the window's end / average daily units sold over its last {DEMAND_DAYS} days; — without sales"
        ),
    ));
    Ok(report)
}
