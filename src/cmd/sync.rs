//! `omni sync`: the nightly run. Holds the store's write lock throughout; imports each
//! settled inbox file in its own transaction, moves it to the archive or to failed/ with
//! its reason, then reconciles, emits the update files, audits, and logs one JSON line.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result, anyhow};
use serde_json::json;

use crate::cli::SyncArgs;
use crate::config::Config;
use crate::domain::currency::Currency;
use crate::ingest::{Kind, Source};
use crate::platform;
use crate::reconcile::Planner;
use crate::render::Output;
use crate::report::{Cell, Table};
use crate::store::{Store, WriteLock};
use crate::sync::inbox::{Waiting, free_path, scan};
use crate::sync::{EXAMPLE, Plan, Rule};

use super::audit::audit_store;
use super::import::{ImportSpec, import_source};
use super::init::store_zone;
use super::reconcile::{Reconciliation, emit};

#[derive(Default)]
struct Tally {
    imported: usize,
    duplicates: usize,
    failed: usize,
    unsettled: usize,
    unmatched: usize,
    rows: [u64; 5],
}

pub fn run(args: &SyncArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    if args.init_plan {
        out.raw(EXAMPLE.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let plan = Plan::load(&args.plan)?;
    let started = chrono::Utc::now();
    let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "sync")?;
    let mut store = Store::open(&cfg.db)?;
    let today = started
        .with_timezone(&store_zone(&store)?)
        .format("%Y-%m-%d")
        .to_string();
    let settle = Duration::from_secs(args.settle_seconds.unwrap_or(plan.settle_seconds));
    let quiet = Output {
        quiet: true,
        progress: false,
        ..out.clone()
    };
    let mut tally = Tally::default();
    let mut files = Table::new(&[
        "file", "kind", "outcome", "rows", "new", "rejected", "detail",
    ]);
    let now = SystemTime::now();
    for w in scan(&plan.inbox)? {
        let Some(rule) = plan.rule_for(&w.relative) else {
            tally.unmatched += 1;
            files.push(row(
                &w.relative,
                "",
                "left",
                0,
                0,
                0,
                "no rule matches it: it stays in the inbox",
            ));
            continue;
        };
        if w.unsettled(now, settle) || changed_since_scan(&w) {
            tally.unsettled += 1;
            files.push(row(
                &w.relative,
                &rule.kind,
                "waiting",
                0,
                0,
                0,
                "still being written (or too recent): next run",
            ));
            continue;
        }
        let spec = match spec_for(rule, args.dry_run) {
            Ok(s) => s,
            Err(e) => {
                tally.failed += 1;
                fail(&plan, &w, &format!("{e:#}"), args.dry_run)?;
                files.push(row(
                    &w.relative,
                    &rule.kind,
                    "failed",
                    0,
                    0,
                    0,
                    &format!("{e:#}"),
                ));
                continue;
            }
        };
        match import_source(
            &mut store,
            &Source::Path(w.path.clone()),
            &spec,
            None,
            &quiet,
        ) {
            Ok(o) => {
                let c = o.counts;
                for (t, v) in tally.rows.iter_mut().zip([
                    c.read,
                    c.inserted,
                    c.updated,
                    c.unchanged,
                    c.rejected,
                ]) {
                    *t += v;
                }
                let detail = match o.duplicate_of {
                    Some(b) => {
                        tally.duplicates += 1;
                        format!("already imported as batch {b}")
                    }
                    None => {
                        tally.imported += 1;
                        o.batch
                            .map_or("dry run".to_string(), |b| format!("batch {b}"))
                    }
                };
                let dest = if args.dry_run {
                    String::new()
                } else {
                    archive(&plan, &today, &w)?
                };
                files.push(row(
                    &w.relative,
                    &rule.kind,
                    "imported",
                    c.read,
                    c.inserted,
                    c.rejected,
                    &format!("{detail}{dest}"),
                ));
            }
            Err(e) => {
                tally.failed += 1;
                fail(&plan, &w, &format!("{e:#}"), args.dry_run)?;
                files.push(row(
                    &w.relative,
                    &rule.kind,
                    "failed",
                    0,
                    0,
                    0,
                    &format!("{e:#}"),
                ));
            }
        }
    }
    let (emitted, risks) = match (&plan.reconcile, args.dry_run) {
        (Some(step), false) => reconcile_step(&mut store, &plan, step, out)?,
        _ => (0, 0),
    };
    let (findings, audit_fail) = match &plan.audit {
        Some(step) => audit_step(&mut store, step, args.dry_run, out)?,
        None => ([0, 0, 0], false),
    };
    // The page last: it draws what this run imported. A failed page fails the run, not
    // what it imported.
    let report_failed = match (&plan.report, args.dry_run) {
        (Some(path), false) => match crate::cmd::report::build(&store, &cfg.db, None, None)
            .and_then(|html| {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir)
                        .with_context(|| format!("cannot create {}", dir.display()))?;
                }
                crate::cmd::report::write_atomically(path, html.as_bytes())
            }) {
            Ok(()) => {
                out.detail(&format!("report written to {}", path.display()));
                false
            }
            Err(e) => {
                out.warn(&format!(
                    "the report {} was not written: {e:#}",
                    path.display()
                ));
                true
            }
        },
        _ => false,
    };
    let code: u8 = if tally.failed > 0 || report_failed {
        1
    } else if audit_fail {
        3
    } else {
        0
    };
    out.table(&files)?;
    out.note(&format!(
        "sync: {} imported ({} already seen), {} failed, {} waiting, {} without a rule; {} rows read; {emitted} updates emitted, {risks} oversell risks; audit {} errors, {} warnings; exit {code}",
        tally.imported + tally.duplicates,
        tally.duplicates,
        tally.failed,
        tally.unsettled,
        tally.unmatched,
        tally.rows[0],
        findings[0],
        findings[1]
    ));
    if !args.dry_run {
        let line = json!({
            "start": started.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            "end": chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            "plan": plan.file.display().to_string(),
            "files": {"imported": tally.imported, "already_imported": tally.duplicates, "failed": tally.failed, "waiting": tally.unsettled, "unmatched": tally.unmatched},
            "rows": {"read": tally.rows[0], "inserted": tally.rows[1], "updated": tally.rows[2], "unchanged": tally.rows[3], "rejected": tally.rows[4]},
            "actions_emitted": emitted,
            "oversell_risks": risks,
            "findings": {"error": findings[0], "warn": findings[1], "info": findings[2]},
            "report": plan.report.as_ref().filter(|_| !report_failed).map(|p| p.display().to_string()),
            "exit_code": code,
        });
        append_log(&plan.log, &line.to_string())?;
    }
    Ok(ExitCode::from(code))
}

fn row(
    file: &str,
    kind: &str,
    outcome: &str,
    rows: u64,
    new: u64,
    rejected: u64,
    detail: &str,
) -> Vec<Cell> {
    vec![
        Cell::text(file),
        Cell::text(kind),
        Cell::text(outcome),
        Cell::Int(rows as i64),
        Cell::Int(new as i64),
        Cell::Int(rejected as i64),
        Cell::text(detail),
    ]
}

/// A file whose size or time stamp moved since the scan is still being written.
fn changed_since_scan(w: &Waiting) -> bool {
    std::fs::metadata(&w.path).map_or(true, |m| {
        m.len() != w.size || m.modified().ok() != w.modified
    })
}

fn spec_for(rule: &Rule, dry_run: bool) -> Result<ImportSpec> {
    let kind = match rule.kind.as_str() {
        "catalog" => Kind::Catalog,
        "stock" => Kind::Stock,
        "sales" => Kind::Sales,
        "customers" => Kind::Customers,
        "sku-map" => Kind::SkuMap,
        _ => Kind::Bundles,
    };
    let mut spec = ImportSpec::new(kind);
    spec.channel = rule.channel.clone();
    spec.location = rule.location.clone();
    spec.dry_run = dry_run;
    spec.date_format = rule.date_format.clone();
    spec.adjust_stock = rule.adjust;
    spec.currency = rule
        .currency
        .as_deref()
        .map(|c| {
            c.parse::<Currency>()
                .map_err(|e| anyhow!("rule {}: {e}", rule.pattern))
        })
        .transpose()?;
    spec.profile = match &rule.profile {
        Some(p) => Some(
            platform::by_name(p)
                .ok_or_else(|| anyhow!("rule {}: no profile named {p}", rule.pattern))?,
        ),
        None => None,
    };
    Ok(spec)
}

/// Moves an imported file to archive/YYYY-MM-DD/, keeping its folders, never overwriting.
fn archive(plan: &Plan, today: &str, w: &Waiting) -> Result<String> {
    let dest = free_path(&plan.archive.join(today), &w.relative);
    move_file(&w.path, &dest)?;
    Ok(format!(" → {}", dest.display()))
}

/// Moves a failed file to failed/ with FILE.reason.txt beside it (nothing moves in a dry run).
fn fail(plan: &Plan, w: &Waiting, reason: &str, dry_run: bool) -> Result<()> {
    if dry_run {
        return Ok(());
    }
    let dest = free_path(&plan.failed, &w.relative);
    move_file(&w.path, &dest)?;
    let mut note = dest.clone().into_os_string();
    note.push(".reason.txt");
    std::fs::write(&note, format!("{reason}\nFix the file and drop it in the inbox again, or import it by hand with `omni import`.\n"))
        .with_context(|| format!("cannot write {}", Path::new(&note).display()))?;
    Ok(())
}

fn move_file(from: &Path, to: &Path) -> Result<()> {
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    if std::fs::rename(from, to).is_err() {
        // Another file system: copy, then remove the original only once the copy is whole.
        std::fs::copy(from, to)
            .with_context(|| format!("cannot move {} to {}", from.display(), to.display()))?;
        std::fs::remove_file(from).with_context(|| format!("cannot remove {}", from.display()))?;
    }
    Ok(())
}

fn reconcile_step(
    store: &mut Store,
    plan: &Plan,
    step: &crate::sync::ReconcileStep,
    out: &Output,
) -> Result<(usize, usize)> {
    let r = Reconciliation::load(store)?;
    let planner = Planner::new(&r.inputs, &r.positions);
    let rows: Vec<_> = planner
        .plan()
        .into_iter()
        .filter(|p| super::in_channel_filter(&step.channels, &p.channel))
        .collect();
    let risks = rows.iter().filter(|r| r.risk).count();
    let updates = planner.published(&rows, step.all);
    if let Some(dir) = &plan.emit {
        emit(&planner, &rows, dir, step.all, out)?;
    }
    if step.apply {
        let changed = planner.published(&rows, false);
        if !changed.is_empty() {
            store.apply_quantities("omni sync", &changed)?;
        }
    }
    Ok((updates.len(), risks))
}

fn audit_step(
    store: &mut Store,
    step: &crate::sync::AuditStep,
    dry_run: bool,
    out: &Output,
) -> Result<([usize; 3], bool)> {
    let outcome = audit_store(store, &step.checks, &[], 5, 30)?;
    let count =
        |s: crate::audit::Severity| outcome.findings.iter().filter(|f| f.severity == s).count();
    let counts = [
        count(crate::audit::Severity::Error),
        count(crate::audit::Severity::Warn),
        count(crate::audit::Severity::Info),
    ];
    if step.save && !dry_run {
        let saved: Vec<_> = outcome
            .findings
            .iter()
            .map(crate::audit::diff::to_saved)
            .collect();
        let run = store.save_audit(&saved)?;
        out.detail(&format!("audit saved as run {run}"));
    }
    let fail = match step.fail_on.as_deref() {
        Some("error") => counts[0] > 0,
        Some("warn") => counts[0] + counts[1] > 0,
        Some(other) => {
            return Err(anyhow!(
                "audit.fail_on = \"{other}\": use \"error\" or \"warn\""
            ));
        }
        None => false,
    };
    Ok((counts, fail))
}

fn append_log(path: &Path, line: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut f = OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("cannot open the log {}", path.display()))?;
    writeln!(f, "{line}").with_context(|| format!("cannot write the log {}", path.display()))?;
    Ok(())
}
