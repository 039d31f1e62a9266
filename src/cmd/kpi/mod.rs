//! `omni kpi REPORT`: the figures of KPIS.md, each under a named convention that every
//! output carries (table footer, JSON `conventions`, CSV `#` lines with `--comments`).

mod people;
mod sales;
mod stock;
mod time;

use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use crate::cli::{KpiArgs, KpiByArg, KpiReport, PeriodArg};
use crate::config::{Config, Format};
use crate::domain::currency::Currency;
use crate::domain::money::Money;
use crate::kpi::calendar::{Calendar, Day, Period, Window, date_of, day_of};
use crate::kpi::convert::Converter;
use crate::kpi::ledger::{Identity, Ledger, Names, Sink};
use crate::render::Output;
use crate::report::{Cell, Table};
use crate::store::Store;

use super::init::store_zone;

/// A finished report: the rows scripts read, what a terminal shows, and the conventions.
pub struct Report {
    /// The rows of CSV and of JSON's `rows`.
    pub rows: Table,
    /// What a terminal shows instead of `rows` when those are too wide to read.
    pub view: Option<Table>,
    /// Further tables a terminal shows after the main one (JSON has them as keys).
    pub more: Vec<Table>,
    /// Further JSON keys beside `rows`.
    pub json: Map<String, Value>,
    /// This report's own conventions, after the shared ones.
    pub conventions: Vec<(&'static str, String)>,
}

impl Report {
    pub fn new(rows: Table) -> Report {
        Report {
            rows,
            view: None,
            more: Vec::new(),
            json: Map::new(),
            conventions: Vec::new(),
        }
    }
}

/// What every report needs: the ledger, the window and the flags.
pub struct Context<'s> {
    pub store: &'s Store,
    pub ledger: Ledger<'s>,
    pub window: Window,
    pub args: &'s KpiArgs,
    pub zone: String,
}

impl Context<'_> {
    /// Streams the facts into `sink`, returning the names behind its indexes.
    pub fn stream(&self, sink: &mut dyn Sink) -> Result<Names> {
        self.ledger.stream(sink)
    }

    pub fn period(&self, default: Option<Period>) -> Option<Period> {
        self.args.period.map(period_of).or(default)
    }

    /// The window with open ends closed by the data.
    pub fn closed(&self, names: &Names) -> Option<(Day, Day)> {
        self.window.closed(names.span)
    }

    /// The day after the window: where recency and lapses are measured.
    pub fn snapshot(&self, names: &Names) -> Option<Day> {
        self.closed(names).map(|(_, to)| to)
    }
}

fn period_of(p: PeriodArg) -> Period {
    match p {
        PeriodArg::Day => Period::Day,
        PeriodArg::Week => Period::Week,
        PeriodArg::Month => Period::Month,
        PeriodArg::Quarter => Period::Quarter,
        PeriodArg::Year => Period::Year,
    }
}

pub fn run(args: &KpiArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    let store = Store::open_read_only(&cfg.db)?;
    let (report, conventions) = compute(&store, args)?;
    let window = window_of(args)?;
    emit(out, args, window, report, &conventions)?;
    Ok(ExitCode::SUCCESS)
}

fn window_of(args: &KpiArgs) -> Result<Window> {
    let window = Window {
        from: parse_day(args.from.as_deref(), "--from")?,
        to: parse_day(args.to.as_deref(), "--to")?,
    };
    if let (Some(from), Some(to)) = (window.from, window.to)
        && from >= to
    {
        bail!("--to must be after --from: the window is [from, to), --to excluded");
    }
    Ok(window)
}

/// A report and every convention it was computed under (shared ones first): what `omni kpi`
/// prints and `omni report` draws.
pub fn compute(store: &Store, args: &KpiArgs) -> Result<(Report, Vec<(&'static str, String)>)> {
    check_flags(args)?;
    let window = window_of(args)?;
    let zone = store_zone(store)?;
    let mut ledger = Ledger::new(store, Calendar::new(zone), args.exclude_cancelled);
    if let Some(target) = &args.convert_to {
        let target: Currency = target.trim().parse().map_err(|_| {
            anyhow::anyhow!("--convert-to \"{target}\" is not a currency code (e.g. EUR)")
        })?;
        ledger.converter = Some(Converter::new(target, &store.rates()?)?);
    }
    let identity = ledger.identity()?;
    let ctx = Context {
        store,
        ledger,
        window,
        args,
        zone: zone.name().to_string(),
    };
    let report = match args.report {
        KpiReport::Summary => sales::report(&ctx, false)?,
        KpiReport::Channels => sales::report(&ctx, true)?,
        KpiReport::Customers => people::customers(&ctx)?,
        KpiReport::Uplift => people::uplift(&ctx)?,
        KpiReport::Rfm => people::rfm(&ctx)?,
        KpiReport::Clv => people::clv(&ctx)?,
        KpiReport::Retention => time::retention(&ctx)?,
        KpiReport::Cohorts => time::cohorts(&ctx)?,
        KpiReport::Inventory => stock::inventory(&ctx)?,
    };
    let mut conventions = shared_conventions(&ctx, &identity);
    conventions.extend(report.conventions.iter().cloned());
    Ok((report, conventions))
}

impl KpiArgs {
    /// A report with every flag at its default, as `omni kpi REPORT` would run it.
    pub fn plain(report: KpiReport) -> KpiArgs {
        KpiArgs {
            report,
            from: None,
            to: None,
            period: None,
            by: None,
            compare: None,
            convert_to: None,
            exclude_cancelled: false,
            lapse_days: 90,
            cumulative: false,
            predict: None,
            unit: crate::cli::UnitArg::Week,
            penalizer: 0.0,
            discount_rate: 0.0,
            top: 10,
            comments: false,
        }
    }
}

/// The channels report of a store with no flags, as a terminal shows it: the demo's excerpt.
pub fn channels_excerpt(store: &Store) -> Result<Table> {
    let (report, _) = compute(store, &KpiArgs::plain(KpiReport::Channels))?;
    let mut t = report.view.unwrap_or(report.rows);
    t = select(
        &t,
        &[
            "channel",
            "currency",
            "orders",
            "net_sales",
            "aov",
            "customers",
            "repeat_purchase_rate",
            "return_rate_value",
            "net_sales_share",
        ],
    );
    t.notes.push(
        "KPIs per channel over all the data (customers merged). More: omni kpi summary --period month, omni kpi uplift, omni kpi cohorts"
            .into(),
    );
    Ok(t)
}

/// Flags that only some reports read: refused elsewhere, so a typo'd report never looks
/// like it honoured them.
fn check_flags(args: &KpiArgs) -> Result<()> {
    let report = args.report;
    let name = format!("{report:?}").to_lowercase();
    let only = |set: bool, flag: &str, reports: &[KpiReport]| -> Result<()> {
        if set && !reports.contains(&report) {
            let names: Vec<String> = reports
                .iter()
                .map(|r| format!("{r:?}").to_lowercase())
                .collect();
            bail!(
                "{flag} applies to `omni kpi {}`, not to `omni kpi {name}`",
                names.join("|")
            );
        }
        Ok(())
    };
    use KpiReport::*;
    only(args.by.is_some(), "--by", &[Summary, Channels, Inventory])?;
    match (report, args.by) {
        (Inventory, Some(KpiByArg::Category)) => {
            bail!("inventory is per SKU and location: --by location or --by sku")
        }
        (Channels, Some(KpiByArg::Location | KpiByArg::Sku | KpiByArg::Category)) => bail!(
            "`kpi channels` is by channel: `omni kpi summary --by sku|category|location` for the others"
        ),
        (Summary, Some(KpiByArg::Location | KpiByArg::Sku | KpiByArg::Category))
            if args.compare.is_some() =>
        {
            bail!("--compare works by channel or overall, not by SKU, category or location yet")
        }
        _ => {}
    }
    only(args.compare.is_some(), "--compare", &[Summary, Channels])?;
    only(
        args.period.is_some(),
        "--period",
        &[Summary, Channels, Retention, Cohorts],
    )?;
    only(args.cumulative, "--cumulative", &[Cohorts])?;
    only(args.predict.is_some(), "--predict", &[Clv])?;
    only(args.lapse_days != 90, "--lapse-days", &[Retention])?;
    if args.compare.is_some() && args.period.is_none() && (args.from.is_none() || args.to.is_none())
    {
        bail!(
            "--compare needs --period, or a window given by --from and --to to compare with the one before"
        );
    }
    if !(0.0..1.0).contains(&args.discount_rate) {
        bail!("--discount-rate is a monthly fraction in [0, 1), e.g. 0.01 for 1 % a month");
    }
    if args.penalizer < 0.0 || !args.penalizer.is_finite() {
        bail!("--penalizer must be 0 or more");
    }
    Ok(())
}

fn parse_day(text: Option<&str>, flag: &str) -> Result<Option<Day>> {
    let Some(text) = text else {
        return Ok(None);
    };
    match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        Ok(d) => Ok(Some(day_of(d))),
        Err(_) => bail!("{flag} \"{text}\" is not a date: write YYYY-MM-DD, e.g. 2025-01-31"),
    }
}

pub fn date_text(day: Day) -> String {
    date_of(day).format("%Y-%m-%d").to_string()
}

/// An exact decimal amount in `currency` (a code as stored).
pub fn money(minor: i64, currency: &str) -> Cell {
    match currency.parse::<Currency>() {
        Ok(c) => Cell::Decimal(Money::new(minor, c).decimal()),
        Err(_) => Cell::Int(minor),
    }
}

/// An amount that may be undefined (an average of nothing).
pub fn opt_money(minor: Option<i64>, currency: &str) -> Cell {
    minor.map_or(Cell::Undefined, |m| money(m, currency))
}

/// A ratio that is not a fraction (orders per customer), to two decimals.
pub fn figure(value: Option<f64>) -> Cell {
    value.map_or(Cell::Undefined, |v| Cell::Real((v * 100.0).round() / 100.0))
}

/// How a customer of the ledger is named: merged customers by their id (as `omni customers
/// show` takes it), channel records as `rNNN`.
pub fn customer_name(id: i64) -> String {
    if id < 0 {
        (-id).to_string()
    } else {
        format!("r{id}")
    }
}

/// Whether the period starting `start` is cut by the window or the data.
pub fn partial(period: Period, start: Day, closed: Option<(Day, Day)>) -> bool {
    closed.is_some_and(|(from, to)| start < from || period.next(start) > to)
}

/// The columns a period adds before the figures.
pub const PERIOD_COLUMNS: [&str; 3] = ["period", "period_start", "partial"];

pub fn period_cells(p: Period, start: Day, closed: Option<(Day, Day)>) -> [Cell; 3] {
    [
        Cell::text(p.label(start)),
        Cell::text(date_text(start)),
        Cell::Bool(partial(p, start, closed)),
    ]
}

/// Rows turned into `figure | value per column` for a terminal: readable when a report has
/// a few groups and many figures.
pub fn transposed(rows: &Table, label: usize, first_figure: usize) -> Table {
    if rows.rows.is_empty() {
        return rows.clone();
    }
    let mut columns = vec!["figure".to_string()];
    columns.extend(rows.rows.iter().map(|r| r[label].display()));
    let mut t = Table {
        columns,
        rows: Vec::new(),
        notes: Vec::new(),
    };
    for (i, name) in rows.columns.iter().enumerate().skip(first_figure) {
        let mut row = vec![Cell::text(name.replace('_', " "))];
        row.extend(rows.rows.iter().map(|r| r[i].clone()));
        t.push(row);
    }
    t
}

/// The subset `columns` of `rows`, for a terminal.
pub fn select(rows: &Table, columns: &[&str]) -> Table {
    let idx: Vec<usize> = columns
        .iter()
        .filter_map(|c| rows.columns.iter().position(|n| n == c))
        .collect();
    Table {
        columns: idx.iter().map(|&i| rows.columns[i].clone()).collect(),
        rows: rows
            .rows
            .iter()
            .map(|r| idx.iter().map(|&i| r[i].clone()).collect())
            .collect(),
        notes: Vec::new(),
    }
}

fn shared_conventions(ctx: &Context, identity: &Identity) -> Vec<(&'static str, String)> {
    let customer = match identity {
        Identity::Records => {
            "a channel's customer record (`omni customers merge` has not run)".to_string()
        }
        Identity::Merged { run, at, unmerged } => {
            let mut s = format!("the merged customer of merge run {run} ({at})");
            if *unmerged > 0 {
                s.push_str(&format!(
                    "; {unmerged} records imported since count on their own"
                ));
            }
            s
        }
    };
    let cancelled = if ctx.args.exclude_cancelled {
        "left out entirely (--exclude-cancelled)"
    } else {
        "counted as orders on their date; the cancellation is a return dated when it happened"
    };
    vec![
        (
            "orders",
            "an order id with at least one sale line, in any status; zero-value orders count"
                .into(),
        ),
        ("cancelled_orders", cancelled.into()),
        (
            "returns",
            "goods returned, valued at the price paid, dated when processed; a refund without goods counts in returns value, not units".into(),
        ),
        (
            "net_sales",
            "gross sales (lines before discounts) − discounts − returns; no shipping, no tax"
                .into(),
        ),
        ("customer", customer),
        (
            "guests",
            "orders without a customer count in orders, sales and AOV, not in per-customer figures"
                .into(),
        ),
        ("currency", currency_convention(ctx)),
        (
            "zone",
            format!(
                "days are local days in {}; windows and periods are [from, to)",
                ctx.zone
            ),
        ),
    ]
}

fn currency_convention(ctx: &Context) -> String {
    let Some(c) = &ctx.ledger.converter else {
        return "one figure per currency; currencies are never summed".into();
    };
    let span = c.span.map_or(String::new(), |(a, b)| {
        format!(", rates {} to {}", date_text(a), date_text(b))
    });
    format!(
        "converted to {} at the rate of each order's local day (base {}{span}, from omni import rates); returns and refunds at their order's rate; each amount rounded half to even per order, then summed",
        c.target.as_str(),
        c.base
    )
}

fn emit(
    out: &Output,
    args: &KpiArgs,
    window: Window,
    report: Report,
    conventions: &[(&'static str, String)],
) -> Result<()> {
    let lines: Vec<String> = conventions
        .iter()
        .map(|(k, v)| format!("{}: {v}", k.replace('_', " ")))
        .collect();
    match out.format {
        Format::Json => {
            let mut json = Map::new();
            json.insert(
                "report".into(),
                json!(format!("{:?}", args.report).to_lowercase()),
            );
            json.insert("from".into(), json!(window.from.map(date_text)));
            json.insert("to".into(), json!(window.to.map(date_text)));
            json.insert("rows".into(), report.rows.to_json());
            json.extend(report.json);
            let conv: Map<String, Value> = conventions
                .iter()
                .map(|(k, v)| (k.to_string(), json!(v)))
                .collect();
            json.insert("conventions".into(), Value::Object(conv));
            out.report(&Value::Object(json), &Table::default())
        }
        Format::Csv => {
            if args.comments {
                out.csv_comments(&lines)?;
            }
            out.table(&report.rows)
        }
        Format::Table => {
            let empty = report.rows.rows.is_empty();
            let mut tables = vec![report.view.unwrap_or(report.rows)];
            if empty {
                tables[0]
                    .notes
                    .push(if window.from.is_some() || window.to.is_some() {
                        "Nothing in this window: no order, return or stock in it.".into()
                    } else {
                        "Nothing yet: import sales (omni import sales FILE) or stock first.".into()
                    });
            }
            tables.extend(report.more);
            if let Some(last) = tables.last_mut() {
                last.notes.extend(lines);
            }
            for t in &tables {
                out.table(t)?;
            }
            Ok(())
        }
    }
}
