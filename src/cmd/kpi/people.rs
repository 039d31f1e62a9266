//! `omni kpi customers|uplift|rfm|clv`: per-customer figures, one set per currency.

use std::collections::BTreeMap;

use anyhow::Result;
use serde_json::{Value, json};

use crate::cli::UnitArg;
use crate::domain::currency::Currency;
use crate::kpi::clv::{BgNbd, GammaGamma, Summaries, Summary, historic, predicted_value};
use crate::kpi::customers::{CustomerBase, CustomerRow, Side, customer_figures, uplift_of};
use crate::kpi::ledger::Names;
use crate::kpi::rfm::{SEGMENTS, scores, segment};
use crate::kpi::sales::ratio;
use crate::report::{Cell, Table};

use super::{Context, Report, customer_name, figure, money, opt_money, transposed};

/// Currency indexes in the order of their codes.
fn currencies(names: &Names) -> Vec<(usize, &str)> {
    let mut v: Vec<(usize, &str)> = names
        .currencies
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.as_str()))
        .collect();
    v.sort_by_key(|(_, c)| *c);
    v
}

/// The customers of the window, per currency index.
fn customer_base(ctx: &Context) -> Result<(CustomerBase, Names)> {
    let mut base = CustomerBase::new(ctx.window);
    let names = ctx.stream(&mut base)?;
    Ok((base, names))
}

fn rows_of(base: &CustomerBase, currency: usize) -> &[CustomerRow] {
    base.rows.get(currency).map_or(&[], |r| r.as_slice())
}

const TOP5: &str = "the top ⌈5 %⌉ of customers by net sales in the window (ties by customer id) over all customers' net sales; guests are outside both";

pub fn customers(ctx: &Context) -> Result<Report> {
    let (base, names) = customer_base(ctx)?;
    let mut rows = Table::new(&[
        "currency",
        "customers",
        "new_customers",
        "returning_customers",
        "repeat_customers",
        "repeat_purchase_rate",
        "returning_customer_rate",
        "orders",
        "guest_orders",
        "guest_share",
        "orders_per_customer",
        "net_sales",
        "net_per_customer",
        "median_net_per_customer",
        "top5_customers",
        "top5_share",
    ]);
    for (i, code) in currencies(&names) {
        let orders = base.orders.get(i).copied().unwrap_or(0);
        if orders == 0 {
            continue;
        }
        let guests = base.guest_orders.get(i).copied().unwrap_or(0);
        let f = customer_figures(rows_of(&base, i), &ctx.window, orders, guests);
        rows.push(vec![
            Cell::text(code),
            Cell::Int(f.customers),
            Cell::Int(f.new_customers),
            Cell::Int(f.returning_customers),
            Cell::Int(f.repeat_customers),
            Cell::rate(f.repeat_purchase_rate),
            Cell::rate(f.returning_customer_rate),
            Cell::Int(f.orders),
            Cell::Int(f.guest_orders),
            Cell::rate(f.guest_share),
            figure(f.orders_per_customer),
            money(f.net_sales, code),
            opt_money(f.net_per_customer, code),
            opt_money(f.median_net_per_customer, code),
            Cell::Int(f.top5_customers),
            Cell::rate(f.top5_share),
        ]);
    }
    let mut report = Report::new(rows);
    report.view = Some(transposed(&report.rows, 0, 1));
    let c = &mut report.conventions;
    c.push((
        "customers",
        "identified customers with an order in the window".into(),
    ));
    c.push((
        "new_customers",
        "first order in the store's data falls in the window (left-censored: the data may start after the shop did)".into(),
    ));
    c.push((
        "repeat_purchase_rate",
        "customers with 2 or more orders in the window / customers".into(),
    ));
    c.push((
        "returning_customer_rate",
        "Shopify's: customers with 2 or more orders up to the window's end, the earlier may be before it / customers".into(),
    ));
    c.push(("top5_share", TOP5.into()));
    Ok(report)
}

pub fn uplift(ctx: &Context) -> Result<Report> {
    let (base, names) = customer_base(ctx)?;
    let mut rows = Table::new(&[
        "currency",
        "group",
        "customers",
        "orders",
        "net_sales",
        "net_share",
        "net_per_customer",
        "aov",
        "net_per_customer_uplift",
        "aov_uplift",
    ]);
    let mut notes = Vec::new();
    let mut top5 = serde_json::Map::new();
    for (i, code) in currencies(&names) {
        let all = rows_of(&base, i);
        if all.is_empty() {
            continue;
        }
        let cross = |r: &&CustomerRow| r.channels >= 2;
        let repeat = |r: &&CustomerRow| r.orders >= 2;
        let total = Side::of(all);
        let mut by_net: Vec<&CustomerRow> = all.iter().collect();
        by_net.sort_by(|a, b| b.net.cmp(&a.net).then(a.id.cmp(&b.id)));
        let k = (by_net.len() * 5).div_ceil(100);
        let groups = [
            ("all", total.clone()),
            ("cross_channel", Side::of(all.iter().filter(cross))),
            ("single_channel", Side::of(all.iter().filter(|r| !cross(r)))),
            (
                "cross_channel_repeat",
                Side::of(all.iter().filter(cross).filter(repeat)),
            ),
            (
                "single_channel_repeat",
                Side::of(all.iter().filter(|r| !cross(r)).filter(repeat)),
            ),
            ("top_5_percent", Side::of(by_net[..k].iter().copied())),
        ];
        for (n, (name, side)) in groups.iter().enumerate() {
            // Cross-channel groups are compared with the single-channel group beside them.
            let against = match *name {
                "cross_channel" | "cross_channel_repeat" => Some(&groups[n + 1].1),
                _ => None,
            };
            let up = |f: fn(&Side) -> Option<i64>| {
                against.map_or(Cell::Null, |b| Cell::rate(uplift_of(f(side), f(b))))
            };
            rows.push(vec![
                Cell::text(code),
                Cell::text(*name),
                Cell::Int(side.customers),
                Cell::Int(side.orders),
                money(side.net, code),
                Cell::rate(ratio(side.net, total.net)),
                opt_money(side.net_per_customer(), code),
                opt_money(side.aov(), code),
                up(Side::net_per_customer),
                up(Side::aov),
            ]);
        }
        let share = ratio(groups[5].1.net, total.net);
        top5.insert(
            code.to_string(),
            json!(share.map(|s| (s * 1e4).round() / 1e4)),
        );
        let pct = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{:+.1}%", v * 100.0));
        notes.push(format!(
            "{code}: cross-channel customers are worth {} per customer, {} per order, {} among repeat customers; the top 5 % of customers bring {} of net sales",
            pct(uplift_of(groups[1].1.net_per_customer(), groups[2].1.net_per_customer())),
            pct(uplift_of(groups[1].1.aov(), groups[2].1.aov())),
            pct(uplift_of(groups[3].1.net_per_customer(), groups[4].1.net_per_customer())),
            share.map_or("—".to_string(), |s| format!("{:.1}%", s * 100.0)),
        ));
    }
    let mut report = Report::new(rows);
    report.rows.notes = notes;
    report.json.insert("top5_share".into(), Value::Object(top5));
    let c = &mut report.conventions;
    c.push((
        "cross_channel",
        "orders in 2 or more channels within the window; single-channel: exactly one".into(),
    ));
    c.push((
        "uplift",
        "cross-channel figure / single-channel figure − 1, per customer (mean net), per order (AOV) and among repeat customers only: per-customer uplift is inflated by frequency, as more orders touch more channels".into(),
    ));
    c.push(("top5_share", TOP5.into()));
    Ok(report)
}

pub fn rfm(ctx: &Context) -> Result<Report> {
    let (base, names) = customer_base(ctx)?;
    let snapshot = ctx.snapshot(&names).unwrap_or(0);
    let mut rows = Table::new(&[
        "currency",
        "segment",
        "customers",
        "customer_share",
        "orders",
        "net_sales",
        "net_share",
    ]);
    let mut counts = serde_json::Map::new();
    for (i, code) in currencies(&names) {
        let all = rows_of(&base, i);
        if all.is_empty() {
            continue;
        }
        let s = scores(all, snapshot);
        // Segments in the order of the grid, then any cell the grid leaves out.
        let mut groups: BTreeMap<usize, (&str, Vec<&CustomerRow>)> = BTreeMap::new();
        let mut dist = [[0i64; 5]; 3];
        for (row, sc) in all.iter().zip(&s) {
            let name = segment(*sc);
            let at = SEGMENTS
                .iter()
                .position(|(n, _, _)| *n == name)
                .unwrap_or(SEGMENTS.len());
            groups.entry(at).or_insert((name, Vec::new())).1.push(row);
            dist[0][sc.r as usize - 1] += 1;
            dist[1][sc.f as usize - 1] += 1;
            dist[2][sc.m as usize - 1] += 1;
        }
        let total = Side::of(all);
        for (name, members) in groups.values() {
            let side = Side::of(members.iter().copied());
            rows.push(vec![
                Cell::text(code),
                Cell::text(*name),
                Cell::Int(side.customers),
                Cell::rate(ratio(side.customers, total.customers)),
                Cell::Int(side.orders),
                money(side.net, code),
                Cell::rate(ratio(side.net, total.net)),
            ]);
        }
        counts.insert(
            code.to_string(),
            json!({"r": dist[0], "f": dist[1], "m": dist[2]}),
        );
    }
    let mut report = Report::new(rows);
    report
        .json
        .insert("score_counts".into(), Value::Object(counts));
    let grid: Vec<Value> = SEGMENTS
        .iter()
        .map(|(n, r, f)| json!({"segment": n, "r": r, "f": f}))
        .collect();
    report.json.insert("segments".into(), Value::Array(grid));
    let c = &mut report.conventions;
    c.push((
        "rfm",
        format!(
            "R = days from the last order to {} (the day after the window), F = orders, M = net sales in the window; each scored 1–5, 5 best, as SQLite's NTILE(5) over the value then the customer id (equal values can get different scores)",
            super::date_text(snapshot)
        ),
    ));
    let grid: Vec<String> = SEGMENTS
        .iter()
        .map(|(n, r, f)| format!("{n} R{} F{}", span(r), span(f)))
        .collect();
    c.push(("segments", grid.join(", ")));
    Ok(report)
}

fn span(scores: &[u8]) -> String {
    match scores {
        [one] => one.to_string(),
        [first, .., last] => format!("{first}–{last}"),
        [] => String::new(),
    }
}

pub fn clv(ctx: &Context) -> Result<Report> {
    let ((base, summaries), names) = customer_base_with_summaries(ctx)?;
    let mut historic_rows = Table::new(&[
        "currency",
        "acquisition_channel",
        "customers",
        "net_sales",
        "clv_mean",
        "clv_median",
    ]);
    for (i, code) in currencies(&names) {
        let all = rows_of(&base, i);
        if all.is_empty() {
            continue;
        }
        let mut channels: Vec<(&str, u16)> = names
            .channels
            .iter()
            .enumerate()
            .map(|(c, n)| (n.as_str(), c as u16))
            .collect();
        channels.sort();
        let groups =
            std::iter::once(("all", None)).chain(channels.iter().map(|&(n, c)| (n, Some(c))));
        for (name, channel) in groups {
            let h = historic(
                all.iter()
                    .filter(|r| channel.is_none_or(|c| r.acquired_on == c)),
            );
            if h.customers == 0 {
                continue;
            }
            historic_rows.push(vec![
                Cell::text(code),
                Cell::text(name),
                Cell::Int(h.customers),
                money(h.net, code),
                opt_money(h.mean, code),
                opt_money(h.median, code),
            ]);
        }
    }
    let mut conventions = vec![(
        "clv",
        "historic: net sales per customer in the window (mean and median), by the channel of the customer's first order".to_string(),
    )];
    let Some(days) = ctx.args.predict else {
        let mut report = Report::new(historic_rows);
        report.conventions = conventions;
        return Ok(report);
    };
    let (unit_name, unit_days) = match ctx.args.unit {
        UnitArg::Day => ("day", 1.0),
        UnitArg::Week => ("week", 7.0),
    };
    let end = ctx.snapshot(&names).map_or(0, |to| to - 1);
    let scale = |c: u16| {
        names.currencies[c as usize]
            .parse::<Currency>()
            .map_or(100.0, |c| 10f64.powi(c.exponent() as i32))
    };
    let all = summaries.summaries(end, unit_days, scale);
    let mut models = Table::new(&[
        "currency",
        "customers",
        "r",
        "alpha",
        "a",
        "b",
        "log_likelihood",
        "p",
        "q",
        "v",
        "gamma_gamma_customers",
        "frequency_value_correlation",
    ]);
    let mut predicted = Table::new(&[
        "customer",
        "currency",
        "frequency",
        "recency",
        "age",
        "p_alive",
        "expected_purchases",
        "expected_order_value",
        "predicted_clv",
    ]);
    let horizon = f64::from(days);
    for (i, code) in currencies(&names) {
        let rows: Vec<Summary> = all
            .iter()
            .filter(|s| s.currency as usize == i)
            .cloned()
            .collect();
        let Some((bg, ll)) = BgNbd::fit(&rows, ctx.args.penalizer) else {
            continue;
        };
        let gg = GammaGamma::fit(&rows, ctx.args.penalizer);
        let round = |v: f64| Cell::Real((v * 1e6).round() / 1e6);
        let opt = |v: Option<f64>| v.map_or(Cell::Undefined, round);
        models.push(vec![
            Cell::text(code),
            Cell::Int(rows.len() as i64),
            round(bg.r),
            round(bg.alpha),
            round(bg.a),
            round(bg.b),
            round(ll),
            opt(gg.map(|(g, _)| g.p)),
            opt(gg.map(|(g, _)| g.q)),
            opt(gg.map(|(g, _)| g.v)),
            Cell::Int(gg.map_or(0, |(_, n)| n as i64)),
            opt(correlation(&rows)),
        ]);
        let mut scored: Vec<(f64, &Summary)> = rows
            .iter()
            .map(|s| {
                let value = gg.map_or(0.0, |(g, _)| {
                    predicted_value(&bg, &g, s, horizon, unit_days, ctx.args.discount_rate)
                });
                (value, s)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
        let minor = scale(i as u16);
        for (value, s) in scored.into_iter().take(ctx.args.top) {
            let expected = bg.expected_purchases(s, horizon / unit_days);
            let order_value = gg.map(|(g, _)| g.expected_value(s));
            let to_minor = |v: f64| (v * minor).round() as i64;
            predicted.push(vec![
                Cell::text(customer_name(s.id)),
                Cell::text(code),
                Cell::Int(s.x as i64),
                round(s.t_x),
                round(s.t),
                Cell::rate(Some(bg.p_alive(s))),
                round(expected),
                opt_money(order_value.map(to_minor), code),
                opt_money(gg.map(|_| to_minor(value)), code),
            ]);
        }
    }
    conventions.push((
        "clv_predicted",
        format!(
            "BG/NBD (expected purchases, P(alive)) × Gamma-Gamma (expected value of a repeat purchase) over the next {days} days, fitted by maximum likelihood on customers whose first order is in the window, calibration ending {}; time unit: {unit_name}; several orders on one day are one purchase; frequency = purchase days − 1; monetary = mean repeat purchase (gross − discounts); penalizer {}; monthly discount rate {}",
            super::date_text(end),
            ctx.args.penalizer,
            ctx.args.discount_rate
        ),
    ));
    conventions.push((
        "p_alive",
        "1 for a customer with no repeat purchase: BG/NBD lets customers drop out only after a purchase".into(),
    ));
    let mut report = Report::new(predicted.clone());
    report.view = Some(historic_rows.clone());
    report.more = vec![models.clone(), predicted];
    report.json.insert("unit".into(), json!(unit_name));
    report
        .json
        .insert("historic".into(), historic_rows.to_json());
    report.json.insert("models".into(), models.to_json());
    report.conventions = conventions;
    Ok(report)
}

/// The customer base and the purchase-day summaries, in one pass.
#[allow(clippy::type_complexity)]
fn customer_base_with_summaries(ctx: &Context) -> Result<((CustomerBase, Summaries), Names)> {
    let mut base = CustomerBase::new(ctx.window);
    let mut summaries = Summaries::new(ctx.window);
    let names = ctx.stream(&mut crate::kpi::ledger::Both(&mut base, &mut summaries))?;
    Ok(((base, summaries), names))
}

/// Pearson correlation of frequency and monetary value among repeat buyers: Gamma-Gamma
/// assumes there is none.
fn correlation(rows: &[Summary]) -> Option<f64> {
    let used: Vec<(f64, f64)> = rows
        .iter()
        .filter(|s| s.x > 0.0)
        .map(|s| (s.x, s.monetary))
        .collect();
    let n = used.len() as f64;
    if used.len() < 2 {
        return None;
    }
    let (mx, my) = (
        used.iter().map(|p| p.0).sum::<f64>() / n,
        used.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let cov: f64 = used.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let vx: f64 = used.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let vy: f64 = used.iter().map(|p| (p.1 - my).powi(2)).sum();
    (vx > 0.0 && vy > 0.0).then(|| cov / (vx * vy).sqrt())
}
