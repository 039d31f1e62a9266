//! `omni kpi summary|channels`: sales figures per currency, optionally per period and
//! channel, compared with the period before or a year before.

use std::collections::HashMap;

use anyhow::Result;
use chrono::Months;

use crate::cli::{CompareArg, KpiByArg};
use crate::kpi::calendar::{Day, Period, PeriodStarts, Window, date_of, day_of};
use crate::kpi::customers::uplift_of;
use crate::kpi::ledger::Both;
use crate::kpi::lines::{LineKey, LineReport};
use crate::kpi::sales::{Key, SalesFigures, SalesReport};
use crate::report::{Cell, Table};

use super::{Context, PERIOD_COLUMNS, Report, money, opt_money, period_cells, select, transposed};

/// The columns of [`order_cells`], first in every sales report.
const ORDER_FIGURES: [&str; 7] = [
    "orders",
    "units",
    "gross_sales",
    "discounts",
    "returns",
    "net_sales",
    "aov",
];

/// The summary's other figure columns, in the order of KPIS.md § 1.1–2.8.
const CUSTOMER_FIGURES: &[&str] = &[
    "customers",
    "new_customers",
    "returning_customers",
    "repeat_customers",
    "repeat_purchase_rate",
    "returned_units",
    "return_rate_units",
    "return_rate_value",
    "guest_orders",
    "guest_share",
    "zero_value_orders",
];

/// What a terminal shows of a report with many groups.
const COMPACT: &[&str] = &[
    "period",
    "partial",
    "channel",
    "currency",
    "orders",
    "gross_sales",
    "discounts",
    "returns",
    "net_sales",
    "aov",
    "customers",
    "repeat_purchase_rate",
    "return_rate_value",
    "guest_share",
    "net_sales_share",
    "orders_change",
    "net_sales_change",
    "aov_change",
    "customers_change",
];

/// orders, units, gross_sales, discounts, returns, net_sales, aov.
fn order_cells(g: &SalesFigures, currency: &str) -> [Cell; 7] {
    [
        Cell::Int(g.orders),
        Cell::Int(g.units),
        money(g.gross, currency),
        money(g.discounts, currency),
        money(g.returns, currency),
        money(g.net(), currency),
        opt_money(g.aov(), currency),
    ]
}

fn figure_cells(g: &SalesFigures, currency: &str) -> Vec<Cell> {
    let mut cells = order_cells(g, currency).to_vec();
    cells.extend([
        Cell::Int(g.customers),
        Cell::Int(g.new_customers),
        Cell::Int(g.returning_customers),
        Cell::Int(g.repeat_customers),
        Cell::rate(g.repeat_purchase_rate()),
        Cell::Int(g.returned_units),
        Cell::rate(g.return_rate_units()),
        Cell::rate(g.return_rate_value()),
        Cell::Int(g.guest_orders),
        Cell::rate(g.guest_share()),
        Cell::Int(g.zero_value_orders),
    ]);
    cells
}

/// The same day a year earlier (29 February → 28 February).
fn year_before(day: Day) -> Day {
    date_of(day)
        .checked_sub_months(Months::new(12))
        .map_or(day - 365, day_of)
}

/// The start of the period a period starting at `start` is compared with.
fn compared_start(compare: CompareArg, period: Period, start: Day) -> Day {
    match (compare, period) {
        (CompareArg::Previous, _) => period.start(start - 1),
        // 52 weeks back keeps the weekday, as retail week-on-week-a-year-ago does.
        (CompareArg::Yoy, Period::Week) => start - 364,
        (CompareArg::Yoy, _) => period.start(year_before(start)),
    }
}

pub fn report(ctx: &Context, channels: bool) -> Result<Report> {
    let args = ctx.args;
    let line_key = match args.by {
        Some(KpiByArg::Sku) => Some(LineKey::Sku),
        Some(KpiByArg::Category) => Some(LineKey::Category),
        Some(KpiByArg::Location) => Some(LineKey::Location),
        _ => None,
    };
    if let Some(key) = line_key {
        return by_line(ctx, key);
    }
    let period = ctx.period(None);
    let by_channel = channels || args.by.is_some();
    let window = ctx.window;
    // The figures, and where the figures they are compared with live.
    let (main, prior, names, shown_from) = match (args.compare, period, window.from) {
        (Some(c), Some(p), from) => {
            // One pass over a window reaching back to the first period's comparison.
            let reach = from.map(|f| compared_start(c, p, p.start(f)));
            let mut r = SalesReport::new(
                period,
                by_channel,
                Window {
                    from: reach,
                    to: window.to,
                },
            );
            let names = ctx.stream(&mut r)?;
            (r, None, names, from.map(|f| p.start(f)))
        }
        (Some(c), None, Some(from)) => {
            let to = window.to.unwrap_or(from + 1);
            let earlier = match c {
                CompareArg::Previous => Window {
                    from: Some(from - (to - from)),
                    to: Some(from),
                },
                CompareArg::Yoy => Window {
                    from: Some(year_before(from)),
                    to: Some(year_before(to)),
                },
            };
            let mut r = SalesReport::new(None, by_channel, window);
            let mut before = SalesReport::new(None, by_channel, earlier);
            let names = ctx.stream(&mut Both(&mut r, &mut before))?;
            (r, Some(before), names, None)
        }
        _ => {
            let mut r = SalesReport::new(period, by_channel, window);
            let names = ctx.stream(&mut r)?;
            (r, None, names, None)
        }
    };
    let closed = ctx.closed(&names);
    let mut keys: Vec<&Key> = main
        .groups
        .keys()
        .filter(|k| match (k.period, shown_from) {
            (Some(p), Some(from)) => p >= from,
            _ => true,
        })
        .collect();
    let channel_name = |k: &Key| k.channel.map(|c| names.channels[c as usize].clone());
    let currency_of = |k: &Key| names.currencies[k.currency as usize].clone();
    keys.sort_by_key(|k| (k.period, channel_name(k), currency_of(k)));
    // Net sales of all channels per period and currency: net is additive, customers are not.
    let mut totals: HashMap<(Option<Day>, u16), i64> = HashMap::new();
    for (k, g) in &main.groups {
        *totals.entry((k.period, k.currency)).or_default() += g.net();
    }

    let mut columns: Vec<&str> = Vec::new();
    if period.is_some() {
        columns.extend(PERIOD_COLUMNS);
    }
    if by_channel {
        columns.push("channel");
    }
    columns.push("currency");
    columns.extend(ORDER_FIGURES);
    columns.extend(CUSTOMER_FIGURES);
    if by_channel {
        columns.push("net_sales_share");
    }
    if args.compare.is_some() {
        columns.extend([
            "orders_change",
            "net_sales_change",
            "aov_change",
            "customers_change",
        ]);
    }
    let mut rows = Table::new(&columns);
    for key in keys {
        let g = &main.groups[key];
        let currency = currency_of(key);
        let mut row = Vec::new();
        if let (Some(p), Some(start)) = (period, key.period) {
            row.extend(period_cells(p, start, closed));
        }
        if let Some(name) = channel_name(key) {
            row.push(Cell::Text(name));
        }
        row.push(Cell::text(&currency));
        row.extend(figure_cells(g, &currency));
        if by_channel {
            let total = totals.get(&(key.period, key.currency)).copied();
            row.push(Cell::rate(
                total.and_then(|t| crate::kpi::sales::ratio(g.net(), t)),
            ));
        }
        if let Some(c) = args.compare {
            let before = match (&prior, period, key.period) {
                (Some(prior), _, _) => prior.groups.get(key),
                (None, Some(p), Some(start)) => main.groups.get(&Key {
                    period: Some(compared_start(c, p, start)),
                    ..*key
                }),
                _ => None,
            };
            let change = |f: fn(&SalesFigures) -> Option<i64>| {
                Cell::rate(uplift_of(f(g), before.and_then(f)))
            };
            row.push(change(|g| Some(g.orders)));
            row.push(change(|g| Some(g.net())));
            row.push(change(SalesFigures::aov));
            row.push(change(|g| Some(g.customers)));
        }
        rows.push(row);
    }

    let mut report = Report::new(rows);
    let label = columns.iter().position(|c| *c == "currency").unwrap_or(0);
    report.view = Some(if period.is_none() && !by_channel {
        transposed(&report.rows, label, label + 1)
    } else {
        select(&report.rows, COMPACT)
    });
    let c = &mut report.conventions;
    c.push((
        "aov",
        "(gross sales − discounts) / orders; returns never reduce it".into(),
    ));
    c.push((
        "repeat_purchase_rate",
        "customers with 2 or more orders in the group / customers with an order in it".into(),
    ));
    c.push((
        "new_customers",
        "first order in the store's data falls in the group's period and the window".into(),
    ));
    c.push((
        "return_rate",
        "returns processed in the period / sales in the period, by units and by value (a period basis: it mixes cohorts)".into(),
    ));
    if by_channel {
        c.push((
            "channel_customers",
            "not additive: a customer buying in two channels counts in both".into(),
        ));
    }
    if let Some(p) = period {
        c.push((
            "periods",
            format!(
                "{}s{}; partial = cut by the window or by the data's first or last day",
                p.name(),
                if p == Period::Week {
                    " (ISO, Monday first)"
                } else {
                    ""
                }
            ),
        ));
    }
    if let Some(cmp) = args.compare {
        let what = match cmp {
            CompareArg::Previous => "the period before",
            CompareArg::Yoy => "the same period a year before (52 weeks for weeks)",
        };
        c.push((
            "change",
            format!("figure / the same figure in {what} − 1; — when that was 0 or absent"),
        ));
    }
    Ok(report)
}

/// `summary --by sku|category|location`: the figures lines can give, from the lines.
fn by_line(ctx: &Context, key: LineKey) -> Result<Report> {
    let period = ctx.period(None);
    let mut lines = LineReport::new(
        key,
        ctx.window,
        period.map(PeriodStarts::new),
        &ctx.ledger.calendar,
        ctx.ledger.converter.as_ref(),
        ctx.args.exclude_cancelled,
    );
    let mut failure = None;
    ctx.ledger.store.for_each_sales_line(|l| {
        if failure.is_none()
            && let Err(e) = lines.line(l)
        {
            failure = Some(e);
        }
    })?;
    if let Some(e) = failure {
        return Err(e);
    }
    lines.finish()?;
    let name = match key {
        LineKey::Sku => "sku",
        LineKey::Category => "category",
        LineKey::Location => "location",
    };
    let closed = ctx.window.closed(lines.span);
    let mut groups: Vec<_> = lines.groups.iter().collect();
    groups
        .sort_by(|a, b| (a.0.1, b.1.net(), &a.0.0, a.0.2).cmp(&(b.0.1, a.1.net(), &b.0.0, b.0.2)));
    let mut columns: Vec<&str> = Vec::new();
    if period.is_some() {
        columns.extend(PERIOD_COLUMNS);
    }
    columns.extend([name, "currency"]);
    columns.extend(ORDER_FIGURES);
    columns.extend(["returned_units", "return_rate_units", "return_rate_value"]);
    let mut rows = Table::new(&columns);
    for ((group, start, currency), f) in groups {
        let code = currency.as_str();
        let mut row = Vec::new();
        if let (Some(p), Some(start)) = (period, start) {
            row.extend(period_cells(p, *start, closed));
        }
        row.extend([Cell::text(group), Cell::text(code)]);
        row.extend(order_cells(f, code));
        row.extend([
            Cell::Int(f.returned_units),
            Cell::rate(f.return_rate_units()),
            Cell::rate(f.return_rate_value()),
        ]);
        rows.push(row);
    }
    let mut report = Report::new(rows);
    report.conventions.push((
        "lines",
        format!(
            "figures by {name} come from the order lines: an order counts once in each {name} it holds (orders do not add up across them); a refund without goods belongs to no line and is left out{}",
            match key {
                LineKey::Category => "; the category is the master product's",
                LineKey::Location => "; the location is the one the export says fulfilled the line",
                LineKey::Sku => "",
            }
        ),
    ));
    report
        .conventions
        .push(("aov", "(gross sales − discounts) / orders".into()));
    Ok(report)
}
