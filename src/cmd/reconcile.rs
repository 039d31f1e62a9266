//! `omni reconcile`: the plan, `explain`, `--advise-buffers`, `--emit DIR`, `--apply`, `--check`.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use chrono::{DateTime, Duration};

use super::in_channel_filter;
use crate::cli::{ReconcileArgs, ReconcileCommand};
use crate::config::Config;
use crate::platform::upload::{self, Update, UploadFile};
use crate::reconcile::advise::advise;
use crate::reconcile::explain::explain;
use crate::reconcile::plan::ChannelView;
use crate::reconcile::{Action, Inputs, PlanRow, Planner, Positions, VELOCITY_DAYS};
use crate::render::Output;
use crate::report::{Cell, Table};
use crate::store::{Store, WriteLock};

pub fn run(args: &ReconcileArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    let _lock;
    let mut store = if args.apply {
        _lock = WriteLock::acquire(&cfg.db, cfg.wait, "reconcile --apply")?;
        Store::open(&cfg.db)?
    } else {
        Store::open_read_only(&cfg.db)?
    };
    let Reconciliation {
        inputs,
        positions,
        reference,
    } = Reconciliation::load(&store)?;
    let planner = Planner::new(&inputs, &positions);
    for name in &args.channel {
        if planner.channel(name).is_none() {
            return Err(anyhow!(
                "no channel named {name} (see `omni channels list`)"
            ));
        }
    }
    if let Some(ReconcileCommand::Explain { sku, channel }) = &args.explain {
        return explain_sku(&planner, sku, channel.as_deref(), out);
    }
    if args.advise_buffers {
        return advise_buffers(&planner, args, out);
    }
    // Without --all, `ok` rows that publish nothing new are neither shown nor emitted.
    let rows: Vec<PlanRow> = planner.plan_where(|r| {
        selected(r, args)
            && (args.all || shown(r) || r.listings.iter().any(|l| l.listed != Some(l.publish)))
    });
    let risks = rows.iter().filter(|r| r.risk).count();
    if let Some(dir) = &args.emit {
        emit(&planner, &rows, dir, args.all, out)?;
    }
    let mut remaining = risks;
    if args.apply {
        let updates = planner.published(&rows, false);
        let batch = store.apply_quantities("omni reconcile --apply", &updates)?;
        out.note(&format!(
            "recorded {} published quantities as batch {batch}",
            updates.len()
        ));
        // What --apply published no longer oversells; sales velocity beyond a target still may.
        remaining = rows
            .iter()
            .filter(|r| {
                r.risk
                    && (r.listings.is_empty() || !matches!(r.action, Action::Zero | Action::Lower))
            })
            .count();
    }
    let all = args.all;
    let shown_rows = rows.iter().filter(|r| all || shown(r)).count();
    let notes = notes(&inputs, &positions, &reference, shown_rows, risks);
    let cells = rows.into_iter().filter(move |r| all || shown(r)).map(|r| {
        let risk = r.risk;
        let mut cells = plan_cells(r);
        cells.push(Cell::text(if risk { "yes" } else { "" }));
        cells
    });
    out.rows(
        &[
            PLAN_COLUMNS[0],
            PLAN_COLUMNS[1],
            PLAN_COLUMNS[2],
            PLAN_COLUMNS[3],
            PLAN_COLUMNS[4],
            PLAN_COLUMNS[5],
            PLAN_COLUMNS[6],
            "risk",
        ],
        cells,
        notes,
    )?;
    // Freeing millions of small allocations takes seconds and changes nothing on exit.
    std::mem::forget(planner);
    std::mem::forget(positions);
    std::mem::forget(inputs);
    if args.check && remaining > 0 {
        out.note(&format!(
            "{remaining} oversell risk{} remain",
            if remaining == 1 { "" } else { "s" }
        ));
        return Ok(ExitCode::from(3));
    }
    Ok(ExitCode::SUCCESS)
}

/// What a plan is computed from: the store's inputs, the stock positions after the sales
/// since each count, and the instant the plan is as of.
pub struct Reconciliation {
    pub inputs: Inputs,
    pub positions: Positions,
    pub reference: String,
}

impl Reconciliation {
    pub fn load(store: &Store) -> Result<Reconciliation> {
        let (inputs, reference) = load(store)?;
        let mut positions = Positions::new(
            store.latest_snapshots()?,
            &inputs.locations,
            &inputs.feeds,
            &inputs.bundle_map(),
            inputs.master_skus(),
        );
        store
            .for_each_movement(|loc, sku, qty, at| positions.record_movement(loc, sku, qty, at))?;
        if let Some(since) = positions.earliest_as_of() {
            store.for_each_line_since(&since, |m| positions.record(&m))?;
        }
        Ok(Reconciliation {
            inputs,
            positions,
            reference,
        })
    }
}

/// Reads the inputs and the instant the plan is as of (the store's latest activity).
fn load(store: &Store) -> Result<(Inputs, String)> {
    let reference = store
        .latest_activity()?
        .unwrap_or_else(crate::store::now_text);
    let since = DateTime::parse_from_rfc3339(&reference)
        .map(|t| {
            (t - Duration::days(VELOCITY_DAYS))
                .to_utc()
                .format("%Y-%m-%dT%H:%M:%SZ")
                .to_string()
        })
        .unwrap_or_else(|_| reference.clone());
    let inputs = Inputs {
        channels: store.channel_rules()?,
        sku_rules: store.sku_rules()?,
        feeds: store.feeds()?,
        locations: store.location_rows()?,
        snapshot_skus: Vec::new(),
        bundles: store.bundle_rows()?,
        listings: store.listing_rows()?,
        products: store.product_statuses()?,
        velocity: store.units_sold_since(&since)?,
        velocity_days: VELOCITY_DAYS,
    };
    Ok((inputs, reference))
}

/// The columns of a plan row wherever one is shown (the plan, the demo, the HTML report).
pub const PLAN_COLUMNS: [&str; 7] = [
    "sku", "channel", "pool", "target", "listed", "action", "reason",
];

/// Takes the row: the plan streams millions, whose reasons move into their cells.
pub fn plan_cells(r: PlanRow) -> Vec<Cell> {
    vec![
        Cell::text(&*r.sku),
        Cell::text(&*r.channel),
        Cell::Int(r.pool),
        Cell::Int(r.target),
        r.listed.map_or(Cell::Null, Cell::Int),
        Cell::text(r.action.as_str()),
        Cell::Text(r.reason),
    ]
}

/// A row the plan shows without --all: an action to take, or a risk even when listed = target.
fn shown(r: &PlanRow) -> bool {
    r.action != Action::Ok || r.risk
}

fn selected(r: &PlanRow, args: &ReconcileArgs) -> bool {
    let channel_ok = in_channel_filter(&args.channel, &r.channel);
    let sku_ok = args
        .sku
        .as_deref()
        .is_none_or(|p| glob_match(&p.to_lowercase(), &r.sku.to_lowercase()));
    channel_ok && sku_ok
}

/// `*` matches any run of characters.
fn glob_match(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((head, rest)) => {
            text.starts_with(head)
                && (0..=text.len() - head.len()).any(|i| {
                    text.is_char_boundary(head.len() + i)
                        && glob_match(rest, &text[head.len() + i..])
                })
        }
    }
}

fn notes(
    inputs: &Inputs,
    positions: &Positions,
    reference: &str,
    shown_rows: usize,
    risks: usize,
) -> Vec<String> {
    let mut notes = vec![format!(
        "{shown_rows} rows, {risks} with oversell risk; as of {reference}; velocity over the {} days before it",
        inputs.velocity_days
    )];
    let unlisted = inputs.unlisted_channels();
    if !unlisted.is_empty() {
        notes.push(format!(
            "channels with no imported listings (nothing to compare): {}",
            unlisted.join(", ")
        ));
    }
    let uncounted = inputs.uncounted_sources(positions);
    if !uncounted.is_empty() {
        notes.push(format!(
            "locations that feed channels but hold no stock count (they contribute nothing): {}",
            uncounted.join(", ")
        ));
    }
    if positions.unplaced > 0 {
        notes.push(format!(
            "{} sales since the counts could not be placed at a location (channel fed by none)",
            positions.unplaced
        ));
    }
    notes.push("available = on hand − reserved − sold since the count + returned since; pool = Σ feeding locations; target = rules(pool)".into());
    notes
}

fn explain_sku(
    planner: &Planner<'_>,
    sku: &str,
    channel: Option<&str>,
    out: &Output,
) -> Result<ExitCode> {
    let channels: Vec<_> = match channel {
        Some(c) => vec![
            planner
                .channel(c)
                .ok_or_else(|| anyhow!("no channel named {c} (see `omni channels list`)"))?,
        ],
        None => planner.channels.iter().collect(),
    };
    let mut table = Table::new(&["channel", "step", "quantity", "detail"]);
    let mut json = Vec::new();
    for c in channels {
        let e = explain(planner, c, sku);
        for s in &e.steps {
            table.push(vec![
                Cell::text(&e.channel),
                Cell::text(&s.step),
                s.quantity.map_or(Cell::Null, Cell::Int),
                Cell::text(&s.detail),
            ]);
        }
        json.push(serde_json::to_value(&e)?);
    }
    table.notes.push("rules apply in order: pool − buffer → × percent (rounded down) → max → 0 when ≤ zero-at → never below 0".into());
    out.report(&serde_json::Value::Array(json), &table)?;
    Ok(ExitCode::SUCCESS)
}

fn advise_buffers(planner: &Planner<'_>, args: &ReconcileArgs, out: &Output) -> Result<ExitCode> {
    let mut table = Table::new(&[
        "channel",
        "sku",
        "per_day",
        "sync_hours",
        "buffer",
        "advised_buffer",
        "reason",
    ]);
    for a in advise(planner) {
        let channel_ok = in_channel_filter(&args.channel, &a.channel);
        if !channel_ok || a.advised <= a.current {
            continue;
        }
        table.push(vec![
            Cell::text(&a.channel),
            Cell::text(&a.sku),
            Cell::Decimal(format!("{:.2}", a.per_day)),
            Cell::Int(a.sync_hours),
            Cell::Int(a.current),
            Cell::Int(a.advised),
            Cell::text(&a.reason),
        ]);
    }
    table.notes.push("set one with `omni skus rule SKU --channel C --buffer N`, or a channel-wide one with `omni channels set C --buffer N`".into());
    out.table(&table)?;
    Ok(ExitCode::SUCCESS)
}

/// One update file per channel, written whole or not at all (temporary file, then rename).
pub fn emit(
    planner: &Planner<'_>,
    rows: &[PlanRow],
    dir: &Path,
    all: bool,
    out: &Output,
) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut by_channel: BTreeMap<&str, Vec<&PlanRow>> = BTreeMap::new();
    for r in rows {
        by_channel.entry(&r.channel).or_default().push(r);
    }
    for (name, channel_rows) in by_channel {
        let Some(channel) = planner.channel(name) else {
            continue;
        };
        let location = channel.sources.first().map(|(_, n)| n.as_str());
        let mut updates = upload::updates(
            &channel_rows,
            &planner.inputs.listings,
            all,
            location,
            channel.currency.as_deref(),
        );
        if channel.platform.as_deref() == Some("shopify") {
            updates = per_location(planner, channel, updates);
        }
        if updates.is_empty() {
            continue;
        }
        let file = upload::build(name, channel.platform.as_deref(), &updates);
        let path = dir.join(&file.file_name);
        write_atomically(&path, &file)?;
        out.note(&format!(
            "{}: {} rows → {}",
            name,
            file.rows.len(),
            path.display()
        ));
    }
    Ok(())
}

/// Shopify keeps stock per location: one row per listing and feeding location, the listing's
/// quantity spread over them by what each has.
fn per_location<'a>(
    planner: &'a Planner<'_>,
    channel: &'a ChannelView,
    updates: Vec<Update<'a>>,
) -> Vec<Update<'a>> {
    if channel.sources.len() < 2 {
        return updates;
    }
    updates
        .into_iter()
        .flat_map(|u| {
            let available = planner.available_by_location(channel, u.sku);
            upload::by_location(u.quantity, &available).into_iter().map(
                move |(location, quantity)| Update {
                    location: Some(location),
                    quantity,
                    ..u.clone()
                },
            )
        })
        .collect()
}

fn write_atomically(path: &Path, file: &UploadFile) -> Result<()> {
    super::replace_file(path, |tmp| {
        let mut w = csv::WriterBuilder::new()
            .delimiter(file.delimiter)
            .from_path(tmp)?;
        w.write_record(&file.header)?;
        for r in &file.rows {
            w.write_record(r)?;
        }
        w.flush()?;
        Ok(())
    })
    .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn globs() {
        assert!(glob_match("alp-*", "alp-001"));
        assert!(glob_match("*-38", "alp-0010-38"));
        assert!(glob_match("a*1*", "alp-001x"));
        assert!(!glob_match("alp-*", "bag-001"));
        assert!(glob_match("alp-001", "alp-001"));
    }
}
