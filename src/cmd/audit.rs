//! `omni audit`: findings per check and channel, a score per channel, diffs between runs.

use std::process::ExitCode;

use anyhow::{Result, bail};
use serde_json::json;

use crate::audit::checks::Facts;
use crate::audit::diff::{Change, since, to_saved};
use crate::audit::score::{ChannelScore, scores, weights};
use crate::audit::{CHECKS, Finding, Settings, Severity, sort};
use crate::cli::{AuditArgs, FailOnArg};
use crate::config::Config;
use crate::reconcile::Planner;
use crate::render::Output;
use crate::report::{Cell, Table};
use crate::store::audit::AuditCatalog;
use crate::store::{Store, WriteLock};

use super::channels::parse_percent;
use super::reconcile::Reconciliation;

pub fn run(args: &AuditArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    for c in &args.only {
        if !CHECKS.contains(&c.as_str()) {
            bail!("--only: no check named {c} (one of {})", CHECKS.join(", "));
        }
    }
    let tolerance = parse_percent(&args.price_tolerance, "--price-tolerance")?;
    let _lock;
    let mut store = if args.save {
        _lock = WriteLock::acquire(&cfg.db, cfg.wait, "audit --save")?;
        Store::open(&cfg.db)?
    } else {
        Store::open_read_only(&cfg.db)?
    };
    let outcome = audit_store(
        &store,
        &args.only,
        &args.channel,
        tolerance,
        args.stale_days,
    )?;
    let AuditOutcome {
        findings,
        scores,
        notes,
        coverage,
        as_of,
    } = outcome;
    let compare =
        match (args.since_last, args.since) {
            (true, _) => Some(store.audit_run(None)?.ok_or_else(|| {
                anyhow::anyhow!("no saved audit yet: run `omni audit --save` first")
            })?),
            (_, Some(id)) => Some(
                store
                    .audit_run(Some(id))?
                    .ok_or_else(|| anyhow::anyhow!("no saved audit run {id}"))?,
            ),
            _ => None,
        };
    let mut summary = Table::new(&["channel", "score", "skus", "errors", "warnings", "infos"]);
    for s in &scores {
        summary.push(vec![
            Cell::text(&s.channel),
            Cell::Decimal(format!("{:.1}", s.score)),
            Cell::Int(s.skus as i64),
            Cell::Int(s.errors as i64),
            Cell::Int(s.warnings as i64),
            Cell::Int(s.infos as i64),
        ]);
    }
    let saved = if args.save {
        Some(findings.iter().map(to_saved).collect::<Vec<_>>())
    } else {
        None
    };
    let failing = match args.fail_on {
        Some(FailOnArg::Error) => findings.iter().any(|f| f.severity == Severity::Error),
        Some(FailOnArg::Warn) => findings.iter().any(|f| f.severity <= Severity::Warn),
        None => false,
    };
    let count = findings.len();
    match &compare {
        Some((run, at)) => {
            let changes = since(&findings, &store.audit_run_findings(*run)?);
            let mut notes = notes;
            notes.push(format!("compared with saved run {run} of {at}"));
            let rows = changes.into_iter().map(|(c, f)| {
                let change = if c == Change::New { "new" } else { "resolved" };
                vec![
                    Cell::text(change),
                    Cell::Text(f.check),
                    Cell::Text(f.severity),
                    Cell::Text(f.channel),
                    Cell::Text(f.sku),
                    Cell::Text(f.reason),
                ]
            });
            out.rows(
                &["change", "check", "severity", "channel", "sku", "reason"],
                rows,
                notes,
            )?;
        }
        None if out.is_json() => {
            let json = json!({
                "scores": scores,
                "findings": findings,
                "coverage": coverage_json(&coverage),
                "settings": {"price_tolerance": tolerance as f64 / 100.0, "stale_days": args.stale_days, "as_of": as_of},
            });
            out.report(&json, &Table::default())?;
        }
        None => {
            out.summary(&summary)?;
            let rows = findings.into_iter().map(|f| {
                vec![
                    Cell::text(f.check),
                    Cell::text(f.severity.as_str()),
                    Cell::text(&*f.channel),
                    Cell::text(&*f.sku),
                    Cell::Text(f.reason.into_owned()),
                ]
            });
            out.rows(
                &["check", "severity", "channel", "sku", "reason"],
                rows,
                notes,
            )?;
        }
    }
    if let Some(saved) = saved {
        let run = store.save_audit(&saved)?;
        out.note(&format!("saved as audit run {run} ({count} findings)"));
    }
    Ok(if failing {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

/// An audit's results.
pub struct AuditOutcome {
    pub findings: Vec<Finding>,
    pub scores: Vec<ChannelScore>,
    pub notes: Vec<String>,
    /// channel → category → (listed, in stock): how much of what can sell each channel shows.
    pub coverage: Coverage,
    pub as_of: String,
}

/// Runs the checks (all, or `only`) over the store, for all channels or those named.
pub fn audit_store(
    store: &Store,
    only: &[String],
    channel_filter: &[String],
    tolerance: i64,
    stale_days: i64,
) -> Result<AuditOutcome> {
    let r = Reconciliation::load(store)?;
    let planner = Planner::new(&r.inputs, &r.positions);
    audit_reconciled(
        store,
        &r,
        &planner,
        only,
        channel_filter,
        tolerance,
        stale_days,
    )
}

/// The audit over reconcile's inputs and planner already built (the HTML report shares them
/// with its plan).
pub fn audit_reconciled(
    store: &Store,
    r: &Reconciliation,
    planner: &Planner<'_>,
    only: &[String],
    channel_filter: &[String],
    tolerance: i64,
    stale_days: i64,
) -> Result<AuditOutcome> {
    let AuditCatalog { products, listings } = store.audit_catalog()?;
    let channels = store.channel_audits()?;
    for name in channel_filter {
        if !channels.iter().any(|c| c.name.eq_ignore_ascii_case(name)) {
            bail!("no channel named {name} (see `omni channels list`)");
        }
    }
    let settings = Settings {
        price_tolerance: tolerance as f64 / 100.0,
        stale_days,
        title_similarity: 0.5,
        now: r.reference.clone(),
        import_now: store
            .latest_import()?
            .unwrap_or_else(|| r.reference.clone()),
    };
    let facts = Facts::new(&listings, &products, &channels, planner, &settings);
    let wanted = |check: &str| only.is_empty() || only.iter().any(|c| c == check);
    let mut findings: Vec<Finding> = Vec::new();
    let mut notes = Vec::new();
    if wanted("missing-listing") {
        findings.extend(facts.missing_listings());
    }
    if wanted("orphan-listing") {
        findings.extend(facts.orphan_listings());
    }
    if wanted("duplicate-listing") {
        findings.extend(facts.duplicate_listings());
    }
    if wanted("price-parity") {
        let (f, other_currency) = facts.price_parity();
        findings.extend(f);
        if other_currency > 0 {
            notes.push(format!("price-parity: {other_currency} listings in another currency than their master were not compared"));
        }
    }
    if wanted("content-drift") {
        findings.extend(facts.content_drift());
    }
    if wanted("availability") {
        findings.extend(facts.availability());
    }
    if wanted("stale-listing") {
        findings.extend(facts.stale());
    }
    if wanted("customer-journey") {
        match journey(store, &settings.now)? {
            Some(f) => findings.extend(f),
            None => notes.push(
                "customer-journey: needs merged customers: run `omni customers merge`".into(),
            ),
        }
    }
    let in_filter = |name: &str| super::in_channel_filter(channel_filter, name);
    findings.retain(|f| in_filter(&f.channel));
    sort(&mut findings);
    let weights = weights(&facts, &findings);
    let channel_names: Vec<std::rc::Rc<str>> = channels
        .iter()
        .filter(|c| in_filter(&c.name))
        .map(|c| c.name.clone())
        .collect();
    let scores = scores(&channel_names, &weights, &findings);
    let markups: Vec<String> = channels
        .iter()
        .filter(|c| c.markup != 0)
        .map(|c| format!("{} {:+}%", c.name, c.markup))
        .collect();
    notes.push(format!(
        "price tolerance {tolerance}%; stale after {stale_days} days; markups: {}; as of {}",
        if markups.is_empty() {
            "none".to_string()
        } else {
            markups.join(", ")
        },
        settings.now
    ));
    notes.push("score = share of the channel's SKUs with no error finding, weighted by stock value (pool × master price)".into());
    Ok(AuditOutcome {
        findings,
        scores,
        notes,
        coverage: facts.coverage(),
        as_of: settings.now.clone(),
    })
}

/// Days without an order after which the journey check counts a customer as lapsed.
const JOURNEY_LAPSE_DAYS: i64 = 90;

/// The customer-journey findings, streamed from the sales histories as `omni kpi` reads
/// them; none until customers are merged. Lapses are measured at the audit's "now".
fn journey(store: &Store, now: &str) -> Result<Option<Vec<Finding>>> {
    use crate::kpi::calendar::Calendar;
    use crate::kpi::journey::Journey;
    use crate::kpi::ledger::{Identity, Ledger};
    let calendar = Calendar::new(super::init::store_zone(store)?);
    let today = chrono::DateTime::parse_from_rfc3339(now)
        .map(|t| calendar.day(t.timestamp()))
        .unwrap_or_else(|_| calendar.day(chrono::Utc::now().timestamp()));
    let ledger = Ledger::new(store, calendar, false);
    if ledger.identity()? == Identity::Records {
        return Ok(None);
    }
    let mut j = Journey::new(today + 1 - JOURNEY_LAPSE_DAYS as i32);
    let names = ledger.stream(&mut j)?;
    Ok(Some(crate::audit::journey::findings(
        &j,
        &names.channels,
        JOURNEY_LAPSE_DAYS,
    )))
}

pub type Coverage =
    std::collections::BTreeMap<String, std::collections::BTreeMap<String, (usize, usize)>>;

fn coverage_json(coverage: &Coverage) -> serde_json::Value {
    let mut obj = serde_json::Map::new();
    for (channel, cats) in coverage.clone() {
        let mut c = serde_json::Map::new();
        for (cat, (listed, in_stock)) in cats {
            c.insert(cat, json!({"listed": listed, "in_stock": in_stock}));
        }
        obj.insert(channel, serde_json::Value::Object(c));
    }
    serde_json::Value::Object(obj)
}
