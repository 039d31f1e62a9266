//! `omni kpi retention|cohorts`: customers followed over periods.

use anyhow::Result;
use serde_json::json;

use crate::kpi::calendar::Period;
use crate::kpi::retention::{Cohorts, Lapse, Retention};
use crate::kpi::sales::ratio;
use crate::report::{Cell, Table};

use super::{Context, Report, date_text, period_cells};

pub fn retention(ctx: &Context) -> Result<Report> {
    let period = ctx.period(Some(Period::Month)).unwrap_or(Period::Month);
    let mut r = Retention::new(period, ctx.window);
    let names = ctx.stream(&mut r)?;
    let closed = ctx.closed(&names);
    let mut rows = Table::new(&[
        "period",
        "period_start",
        "partial",
        "active_customers",
        "new_customers",
        "retained_customers",
        "retention_rate",
        "churn_rate",
    ]);
    if let Some((from, to)) = closed {
        // Every period of the window, a quiet one included: a gap is a figure too.
        let mut start = period.start(from);
        while start < to {
            let p = r.periods.get(&start).cloned().unwrap_or_default();
            let rate = r.rate(start);
            let mut row = period_cells(period, start, closed).to_vec();
            row.extend([
                Cell::Int(p.active),
                Cell::Int(p.new),
                Cell::Int(p.retained),
                Cell::rate(rate),
                Cell::rate(rate.map(|r| 1.0 - r)),
            ]);
            rows.push(row);
            start = period.next(start);
        }
    }
    let lapse_days = ctx.args.lapse_days as i32;
    let as_of = ctx.snapshot(&names);
    let lapses = as_of.map(|d| r.lapses(d, lapse_days)).unwrap_or_default();
    let mut lapsed = Table::new(&[
        "acquisition_channel",
        "customers",
        "lapsed_customers",
        "lapsed_rate",
    ]);
    let mut all = Lapse::default();
    let mut by_name: Vec<(&str, &Lapse)> = lapses
        .iter()
        .map(|(c, l)| (names.channels[*c as usize].as_str(), l))
        .collect();
    by_name.sort_by_key(|(n, _)| *n);
    for (name, l) in by_name {
        all.eligible += l.eligible;
        all.lapsed += l.lapsed;
        lapsed.push(lapse_row(name, l));
    }
    lapsed.rows.insert(0, lapse_row("all", &all));
    let mut report = Report::new(rows);
    report.json.insert("lapse_days".into(), json!(lapse_days));
    report
        .json
        .insert("as_of".into(), json!(as_of.map(date_text)));
    report.json.insert("lapsed".into(), lapsed.to_json());
    report.more.push(lapsed);
    let c = &mut report.conventions;
    c.push((
        "retention_rate",
        format!(
            "previous-period retention: customers with an order in the {0} and in the {0} before / customers with an order in the {0} before; churn = 1 − retention",
            period.name()
        ),
    ));
    c.push((
        "lapsed",
        format!(
            "no order in the {lapse_days} days before {}, by the channel of the first order; only customers whose first order is older than that can have lapsed",
            as_of.map_or("the window's end".to_string(), date_text)
        ),
    ));
    c.push((
        "partial",
        "a period cut by the window or by the data's first or last day".into(),
    ));
    Ok(report)
}

fn lapse_row(name: &str, l: &Lapse) -> Vec<Cell> {
    vec![
        Cell::text(name),
        Cell::Int(l.eligible),
        Cell::Int(l.lapsed),
        Cell::rate(ratio(l.lapsed, l.eligible)),
    ]
}

pub fn cohorts(ctx: &Context) -> Result<Report> {
    let period = ctx.period(Some(Period::Month)).unwrap_or(Period::Month);
    let mut c = Cohorts::new(period, ctx.window, ctx.args.cumulative);
    let names = ctx.stream(&mut c)?;
    let closed = ctx.closed(&names);
    let end = closed.map_or(0, |(_, to)| to);
    // As many period columns as the oldest cohort has had.
    let width = c.cohorts.keys().next().map_or(0, |&first| {
        (0..)
            .take_while(|&k| period.advance(first, k) < end)
            .count()
    });
    let mut columns = vec![
        "cohort".to_string(),
        "cohort_start".into(),
        "partial".into(),
        "customers".into(),
    ];
    columns.extend((0..width).map(|k| format!("period_{k}")));
    let mut rows = Table {
        columns,
        rows: Vec::new(),
        notes: Vec::new(),
    };
    for (&start, (customers, counts)) in &c.cohorts {
        let cells = c.cells(counts, width);
        let mut row = period_cells(period, start, closed).to_vec();
        row.push(Cell::Int(*customers));
        for (k, count) in cells.into_iter().enumerate() {
            row.push(if period.advance(start, k) >= end {
                Cell::Undefined
            } else {
                Cell::rate(ratio(count, *customers))
            });
        }
        rows.push(row);
    }
    let mut report = Report::new(rows);
    let what = if ctx.args.cumulative {
        "has ordered again by"
    } else {
        "ordered in"
    };
    report.conventions.push((
        "cohorts",
        format!(
            "customers by the {0} of their first order in the store's data; period_k = share of the cohort that {what} the k-th {0} after it (period_0 is 100 % by construction); cells after the data are blank; the first cohort is left-censored and partial {0}s are flagged",
            period.name()
        ),
    ));
    Ok(report)
}
