//! `omni report --html FILE`: one self-contained page from the reports the other commands
//! print — KPIs, the audit, the reconcile plan — drawn, with each chart's table beside it.
//! It computes nothing of its own: it picks rows and columns and turns them into series.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use crate::cli::{KpiArgs, KpiByArg, KpiReport, PeriodArg, ReportArgs};
use crate::config::Config;
use crate::reconcile::Action;
use crate::render::Output;
use crate::render::html::{Block, Page, Section, number, page};
use crate::render::svg::{BarChart, HeatMap, LineChart, Series, bar_chart, heat_map, line_chart};
use crate::report::{Cell, Table};
use crate::store::Store;

use super::audit::audit_reconciled;
use super::kpi::compute;
use super::reconcile::{PLAN_COLUMNS, Reconciliation, plan_cells};

/// Rows a table in the page shows at most (the page stays small for a big store).
const TOP: usize = 20;

pub fn run(args: &ReportArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    let store = Store::open_read_only(&cfg.db)?;
    let html = build(&store, &cfg.db, args.from.clone(), args.to.clone())?;
    write_atomically(&args.html, html.as_bytes())?;
    out.note(&format!(
        "wrote {} ({} KB)",
        args.html.display(),
        html.len().div_ceil(1024)
    ));
    Ok(ExitCode::SUCCESS)
}

/// The page, written whole or not at all.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    super::replace_file(path, |tmp| Ok(std::fs::write(tmp, bytes)?))
        .with_context(|| format!("cannot write {}", path.display()))
}

fn kpi(report: KpiReport, from: &Option<String>, to: &Option<String>) -> KpiArgs {
    let mut a = KpiArgs::plain(report);
    a.from = from.clone();
    a.to = to.clone();
    a
}

/// The page for `store`.
pub fn build(store: &Store, db: &Path, from: Option<String>, to: Option<String>) -> Result<String> {
    let monthly = |report| {
        let mut a = kpi(report, &from, &to);
        a.period = Some(PeriodArg::Month);
        a
    };
    let mut stock_args = kpi(KpiReport::Inventory, &from, &to);
    stock_args.by = Some(KpiByArg::Sku);
    // The audit, the plan and stock on a second connection in a second thread while this
    // one streams the KPIs: on two cores the page takes about half the time. Their structs
    // share strings (`Rc`), so the thread hands back finished sections.
    let (kpis, side) = std::thread::scope(|s| {
        let side = s.spawn(|| -> Result<(Section, Vec<Block>)> {
            let store = Store::open_read_only(db)?;
            // Reconcile's inputs and planner once, for the audit and the plan.
            let r = Reconciliation::load(&store)?;
            let planner = crate::reconcile::Planner::new(&r.inputs, &r.positions);
            let audit = audit_reconciled(&store, &r, &planner, &[], &[], 5, 30)?;
            // Only the rows the page lists: risks and SKUs to list.
            let plan = planner.plan_where(|p| p.risk || p.action == Action::List);
            let done = (channels_section(&audit), plan_blocks(&plan));
            // Freeing millions of small allocations takes a second and changes nothing: the
            // page is written right after (as `omni reconcile` does).
            std::mem::forget((audit, plan));
            std::mem::forget(planner);
            std::mem::forget(r);
            Ok(done)
        });
        let kpis = (|| -> Result<_> {
            // Month by channel with the month before: the by-month figures are its rows too.
            let mut changes_args = monthly(KpiReport::Channels);
            changes_args.compare = Some(crate::cli::CompareArg::Previous);
            let (by_month, conventions) = compute(store, &changes_args)?;
            let (channels, _) = compute(store, &kpi(KpiReport::Channels, &from, &to))?;
            let (summary_by_month, _) = compute(store, &monthly(KpiReport::Summary))?;
            let (cohorts, _) = compute(store, &kpi(KpiReport::Cohorts, &from, &to))?;
            let (uplift, _) = compute(store, &kpi(KpiReport::Uplift, &from, &to))?;
            let (rfm, _) = compute(store, &kpi(KpiReport::Rfm, &from, &to))?;
            // Stock here too: it balances the audit's thread.
            let (inventory, _) = compute(store, &stock_args)?;
            Ok((
                conventions,
                sales_section(&by_month.rows, &channels.rows, &by_month.rows),
                customers_section(&summary_by_month.rows, &cohorts.rows, &uplift, &rfm.rows),
                inventory,
            ))
        })();
        let side = side
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the report's audit and stock step failed")));
        (kpis, side)
    });
    let (conventions, sales, customers, inventory) = kpis?;
    let (channels, plan) = side?;
    let stock = stock_section(plan, &inventory.rows);

    let window = match (&from, &to) {
        (None, None) => "all the data".to_string(),
        (f, t) => format!(
            "{} to {} (excluded)",
            f.as_deref().unwrap_or("the start"),
            t.as_deref().unwrap_or("the end")
        ),
    };
    let facts = vec![
        ("Store".to_string(), db.display().to_string()),
        ("Period".to_string(), window),
        (
            "Generated".to_string(),
            chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
        ),
    ];
    let sections = vec![sales, customers, channels, stock];
    Ok(page(&Page {
        title: "omni report".to_string(),
        facts,
        conventions: conventions
            .into_iter()
            .map(|(k, v)| (k.replace('_', " "), v))
            .collect(),
        sections,
    }))
}

/// The index of `column` in `t`.
fn col(t: &Table, column: &str) -> Option<usize> {
    t.columns.iter().position(|c| c == column)
}

fn text(row: &[Cell], i: Option<usize>) -> String {
    i.and_then(|i| row.get(i))
        .map(Cell::display)
        .unwrap_or_default()
}

/// The currencies of a table's rows, in order of first appearance.
fn currencies(t: &Table) -> Vec<String> {
    let c = col(t, "currency");
    let mut out: Vec<String> = Vec::new();
    for row in &t.rows {
        let code = text(row, c);
        if !out.contains(&code) {
            out.push(code);
        }
    }
    out
}

/// Rows of `t` whose `column` equals `value`.
fn rows_where(t: &Table, column: &str, value: &str) -> Table {
    let i = col(t, column);
    Table {
        columns: t.columns.clone(),
        rows: t
            .rows
            .iter()
            .filter(|r| text(r, i) == value)
            .cloned()
            .collect(),
        notes: Vec::new(),
    }
}

/// A pivot of `t`: one series per distinct `series_col`, one category per distinct
/// `category_col` (in row order), values from `value_col`.
fn pivot(
    t: &Table,
    category_col: &str,
    series_col: &str,
    value_col: &str,
) -> (Vec<String>, Vec<Series>) {
    let (ci, si, vi) = (col(t, category_col), col(t, series_col), col(t, value_col));
    let mut categories: Vec<String> = Vec::new();
    let mut by_series: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    for row in &t.rows {
        let category = text(row, ci);
        if !categories.contains(&category) {
            categories.push(category.clone());
        }
        if let Some(v) = vi.and_then(|i| row.get(i)).and_then(number) {
            by_series
                .entry(text(row, si))
                .or_default()
                .insert(category, v);
        }
    }
    let series = by_series
        .into_iter()
        .map(|(name, values)| Series {
            values: categories.iter().map(|c| values.get(c).copied()).collect(),
            name,
        })
        .collect();
    (categories, series)
}

/// The columns `keep` of `t`.
fn columns(t: &Table, keep: &[&str]) -> Table {
    super::kpi::select(t, keep)
}

fn sales_section(by_month: &Table, channels: &Table, changes: &Table) -> Section {
    let mut blocks = Vec::new();
    for currency in currencies(by_month) {
        let rows = rows_where(by_month, "currency", &currency);
        let (categories, series) = pivot(&rows, "period", "channel", "net_sales");
        blocks.push(Block::Chart {
            svg: line_chart(&LineChart {
                title: format!("Net sales per channel and month ({currency})"),
                x_label: "month".into(),
                y_label: format!("net sales ({currency})"),
                categories,
                series,
                stacked: true,
            }),
            table: columns(
                &rows,
                &["period", "partial", "channel", "orders", "net_sales", "aov"],
            ),
        });
    }
    for currency in currencies(channels) {
        let rows = rows_where(channels, "currency", &currency);
        for (value, label) in [
            ("aov", format!("AOV ({currency})")),
            ("orders", "orders".into()),
        ] {
            let (categories, series) = pivot(&rows, "channel", "currency", value);
            blocks.push(Block::Chart {
                svg: bar_chart(&BarChart {
                    title: if value == "aov" {
                        format!("Average order value per channel ({currency})")
                    } else {
                        format!("Orders per channel (orders in {currency})")
                    },
                    x_label: "channel".into(),
                    y_label: label,
                    categories,
                    series: series
                        .into_iter()
                        .map(|s| Series {
                            name: value.to_string(),
                            values: s.values,
                        })
                        .collect(),
                    horizontal: false,
                }),
                table: columns(
                    &rows,
                    &[
                        "channel",
                        "currency",
                        "orders",
                        "net_sales",
                        "aov",
                        "net_sales_share",
                    ],
                ),
            });
        }
    }
    // The latest full month against the one before.
    let partial = col(changes, "partial");
    let period = col(changes, "period");
    let last = changes
        .rows
        .iter()
        .filter(|r| !matches!(partial.and_then(|i| r.get(i)), Some(Cell::Bool(true))))
        .map(|r| text(r, period))
        .max();
    if let Some(last) = last {
        blocks.push(Block::Table {
            caption: format!("{last} against the month before"),
            table: columns(
                &rows_where(changes, "period", &last),
                &[
                    "channel",
                    "currency",
                    "orders",
                    "orders_change",
                    "net_sales",
                    "net_sales_change",
                    "aov",
                    "aov_change",
                    "customers_change",
                ],
            ),
        });
    }
    Section {
        id: "sales".into(),
        title: "Sales".into(),
        blocks,
    }
}

fn customers_section(
    summary_by_month: &Table,
    cohorts: &Table,
    uplift: &super::kpi::Report,
    rfm: &Table,
) -> Section {
    let mut blocks = Vec::new();
    for currency in currencies(summary_by_month) {
        let rows = rows_where(summary_by_month, "currency", &currency);
        let pi = col(&rows, "period");
        let categories: Vec<String> = rows.rows.iter().map(|r| text(r, pi)).collect();
        let series = ["new_customers", "returning_customers"]
            .iter()
            .map(|name| {
                let i = col(&rows, name);
                Series {
                    name: name.replace('_', " "),
                    values: rows
                        .rows
                        .iter()
                        .map(|r| i.and_then(|i| r.get(i)).and_then(number))
                        .collect(),
                }
            })
            .collect();
        blocks.push(Block::Chart {
            svg: bar_chart(&BarChart {
                title: format!("New and returning customers per month ({currency} orders)"),
                x_label: "month".into(),
                y_label: "customers".into(),
                categories,
                series,
                horizontal: false,
            }),
            table: columns(
                &rows,
                &[
                    "period",
                    "partial",
                    "customers",
                    "new_customers",
                    "returning_customers",
                    "repeat_purchase_rate",
                ],
            ),
        });
    }
    let periods: Vec<String> = cohorts
        .columns
        .iter()
        .filter(|c| c.starts_with("period_"))
        .cloned()
        .collect();
    let ci = col(cohorts, "cohort");
    blocks.push(Block::Chart {
        svg: heat_map(&HeatMap {
            title: "Cohort retention: share of each first-order month ordering again".into(),
            row_label: "first order".into(),
            col_label: "months since the first order".into(),
            rows: cohorts.rows.iter().map(|r| text(r, ci)).collect(),
            cols: periods
                .iter()
                .map(|p| p.trim_start_matches("period_").to_string())
                .collect(),
            cells: cohorts
                .rows
                .iter()
                .map(|r| {
                    periods
                        .iter()
                        .map(|p| col(cohorts, p).and_then(|i| r.get(i)).and_then(number))
                        .collect()
                })
                .collect(),
        }),
        table: cohorts.clone(),
    });
    let up = &uplift.rows;
    for currency in currencies(up) {
        let rows = rows_where(up, "currency", &currency);
        let gi = col(&rows, "group");
        let value = |group: &str, column: &str| {
            rows.rows
                .iter()
                .find(|r| text(r, gi) == group)
                .and_then(|r| col(&rows, column).and_then(|i| r.get(i)))
                .and_then(number)
        };
        let series = [
            ("cross-channel", "cross_channel"),
            ("single-channel", "single_channel"),
        ]
        .iter()
        .map(|(name, group)| Series {
            name: name.to_string(),
            values: vec![
                value(group, "net_per_customer"),
                value(group, "aov"),
                value(&format!("{group}_repeat"), "net_per_customer"),
            ],
        })
        .collect();
        blocks.push(Block::Chart {
            svg: bar_chart(&BarChart {
                title: format!("Cross-channel against single-channel customers ({currency})"),
                x_label: "measure".into(),
                y_label: format!("net sales ({currency})"),
                categories: vec![
                    "net per customer".into(),
                    "per order (AOV)".into(),
                    "net per repeat customer".into(),
                ],
                series,
                horizontal: false,
            }),
            table: rows.clone(),
        });
        if let Some(share) = value("top_5_percent", "net_share") {
            blocks.push(Block::Figures(vec![(
                format!("of {currency} net sales come from the top 5 % of customers"),
                format!("{:.1} %", share * 100.0),
            )]));
        }
    }
    for currency in currencies(rfm) {
        let rows = rows_where(rfm, "currency", &currency);
        let (categories, series) = pivot(&rows, "segment", "currency", "customers");
        blocks.push(Block::Chart {
            svg: bar_chart(&BarChart {
                title: format!("RFM segments ({currency} customers)"),
                x_label: "segment".into(),
                y_label: "customers".into(),
                categories,
                series: series
                    .into_iter()
                    .map(|s| Series {
                        name: "customers".into(),
                        values: s.values,
                    })
                    .collect(),
                horizontal: true,
            }),
            table: rows,
        });
    }
    Section {
        id: "customers".into(),
        title: "Customers".into(),
        blocks,
    }
}

fn findings_table(audit: &super::audit::AuditOutcome, check: &str) -> (usize, Table) {
    let mut t = Table::new(&["severity", "channel", "sku", "reason"]);
    let mut n = 0;
    for f in audit.findings.iter().filter(|f| f.check == check) {
        n += 1;
        if t.rows.len() < TOP {
            t.push(vec![
                Cell::text(f.severity.as_str()),
                Cell::text(&*f.channel),
                Cell::text(&*f.sku),
                Cell::text(&*f.reason),
            ]);
        }
    }
    (n, t)
}

fn channels_section(audit: &super::audit::AuditOutcome) -> Section {
    let mut blocks = Vec::new();
    let mut scores = Table::new(&["channel", "score", "skus", "errors", "warnings", "infos"]);
    for s in &audit.scores {
        scores.push(vec![
            Cell::text(&s.channel),
            Cell::Real((s.score * 10.0).round() / 10.0),
            Cell::Int(s.skus as i64),
            Cell::Int(s.errors as i64),
            Cell::Int(s.warnings as i64),
            Cell::Int(s.infos as i64),
        ]);
    }
    blocks.push(Block::Chart {
        svg: bar_chart(&BarChart {
            title: "Audit score per channel".into(),
            x_label: "channel".into(),
            y_label: "score (0–100)".into(),
            categories: audit.scores.iter().map(|s| s.channel.clone()).collect(),
            series: vec![Series {
                name: "score".into(),
                values: audit.scores.iter().map(|s| Some(s.score)).collect(),
            }],
            horizontal: false,
        }),
        table: scores,
    });
    // Coverage by category: the largest categories when there are many.
    let channels: Vec<String> = audit.coverage.keys().cloned().collect();
    let mut sizes: BTreeMap<String, usize> = BTreeMap::new();
    for cats in audit.coverage.values() {
        for (cat, (_, in_stock)) in cats {
            *sizes.entry(cat.clone()).or_default() += in_stock;
        }
    }
    let mut categories: Vec<(String, usize)> = sizes.into_iter().collect();
    categories.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let shown = categories.len().min(30);
    let mut coverage = Table::new(&["category", "channel", "listed", "in_stock", "coverage"]);
    let cells: Vec<Vec<Option<f64>>> = categories[..shown]
        .iter()
        .map(|(cat, _)| {
            channels
                .iter()
                .map(|ch| {
                    let (listed, in_stock) = audit
                        .coverage
                        .get(ch)
                        .and_then(|c| c.get(cat))
                        .copied()
                        .unwrap_or((0, 0));
                    let share = (in_stock > 0).then(|| listed as f64 / in_stock as f64);
                    coverage.push(vec![
                        Cell::text(cat),
                        Cell::text(ch),
                        Cell::Int(listed as i64),
                        Cell::Int(in_stock as i64),
                        Cell::rate(share),
                    ]);
                    share
                })
                .collect()
        })
        .collect();
    blocks.push(Block::Chart {
        svg: heat_map(&HeatMap {
            title: "Coverage: share of in-stock SKUs each channel lists, by category".into(),
            row_label: "category".into(),
            col_label: "channel".into(),
            rows: categories[..shown].iter().map(|(c, _)| c.clone()).collect(),
            cols: channels,
            cells,
        }),
        table: coverage,
    });
    if categories.len() > shown {
        blocks.push(Block::Note(format!(
            "The {shown} largest of {} categories shown; `omni audit --format json` has them all.",
            categories.len()
        )));
    }
    for (check, caption) in [
        ("price-parity", "Price-parity outliers"),
        ("stale-listing", "Stale listings"),
    ] {
        let (n, table) = findings_table(audit, check);
        blocks.push(Block::Table {
            caption: if n > table.rows.len() {
                format!("{caption}: {n} (the first {TOP}; `omni audit --only {check}` lists all)")
            } else {
                format!("{caption}: {n}")
            },
            table,
        });
    }
    Section {
        id: "channels".into(),
        title: "Channels".into(),
        blocks,
    }
}

/// The plan's tables: oversell risks and in-stock SKUs not listed.
fn plan_blocks(plan: &[crate::reconcile::plan::PlanRow]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let plan_table = |rows: Vec<&crate::reconcile::plan::PlanRow>| {
        let mut t = Table::new(&PLAN_COLUMNS);
        for r in rows.into_iter().take(TOP) {
            t.push(plan_cells(r.clone()));
        }
        t
    };
    let risks: Vec<_> = plan.iter().filter(|p| p.risk).collect();
    let unlisted: Vec<_> = plan
        .iter()
        .filter(|p| p.action == crate::reconcile::plan::Action::List)
        .collect();
    let (nr, nu) = (risks.len(), unlisted.len());
    blocks.push(Block::Table {
        caption: format!("Oversell risks: {nr} (`omni reconcile` lists them all)"),
        table: plan_table(risks),
    });
    blocks.push(Block::Table {
        caption: format!("In stock but not listed: {nu}"),
        table: plan_table(unlisted),
    });
    blocks
}

fn stock_section(mut blocks: Vec<Block>, inventory: &Table) -> Section {
    // The best sellers of the last 30 days: the demand days of supply divides by.
    let (si, ui, di) = (
        col(inventory, "sku"),
        col(inventory, "units_sold_30d"),
        col(inventory, "days_of_supply"),
    );
    let mut top: Vec<&Vec<Cell>> = inventory.rows.iter().collect();
    top.sort_by(|a, b| {
        let units = |r: &Vec<Cell>| ui.and_then(|i| r.get(i)).and_then(number).unwrap_or(0.0);
        units(b)
            .total_cmp(&units(a))
            .then(text(a, si).cmp(&text(b, si)))
    });
    top.truncate(15);
    let table = Table {
        columns: inventory.columns.clone(),
        rows: top.iter().map(|r| (*r).clone()).collect(),
        notes: Vec::new(),
    };
    blocks.push(Block::Chart {
        svg: bar_chart(&BarChart {
            title: "Days of supply of the 15 best sellers of the last 30 days".into(),
            x_label: "SKU".into(),
            y_label: "days of supply".into(),
            categories: top.iter().map(|r| text(r, si)).collect(),
            series: vec![Series {
                name: "days of supply".into(),
                values: top
                    .iter()
                    .map(|r| di.and_then(|i| r.get(i)).and_then(number))
                    .collect(),
            }],
            horizontal: true,
        }),
        table: columns(
            &table,
            &[
                "sku",
                "units_sold_30d",
                "available",
                "days_of_supply",
                "stockout_rate",
                "sell_through",
            ],
        ),
    });
    Section {
        id: "stock".into(),
        title: "Stock".into(),
        blocks,
    }
}
