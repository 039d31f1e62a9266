//! `omni customers review`: pairs the model is unsure about, decided by a person — at the
//! terminal one at a time, or as a CSV round trip for a spreadsheet or a script. Decisions are
//! saved and every customer is rebuilt under them.

use std::fs::File;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use super::{Merged, Mode, link_store};
use crate::config::Config;
use crate::identity::{DEFAULT_THRESHOLD, Link};
use crate::render::Output;
use crate::render::prompt::{self, Answer};
use crate::report::{Cell, Table};
use crate::store::{Store, WriteLock};

const RECORD_FIELDS: [&str; 5] = ["channel", "name", "email", "phone", "address"];

pub fn run(
    cfg: &Config,
    min: f64,
    export: Option<&Path>,
    import: Option<&Path>,
    out: &Output,
) -> Result<ExitCode> {
    if let Some(file) = import {
        let decisions = read_decisions(file)?;
        apply(cfg, &decisions, out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let store = Store::open_read_only(&cfg.db)?;
    let threshold = store.last_merge_threshold()?.unwrap_or(DEFAULT_THRESHOLD);
    let merged = link_store(&store, threshold, Mode::Rebuild, Some(min), &[])?;
    let decided: std::collections::HashSet<(i64, i64)> = store
        .customer_decisions()?
        .into_iter()
        .map(|(a, b, _)| (a, b))
        .collect();
    let pending: Vec<&Link> = merged
        .outcome
        .uncertain
        .iter()
        .filter(|l| {
            let (a, b) = ids(&merged, l);
            !decided.contains(&(a.min(b), a.max(b)))
        })
        .collect();
    drop(store);
    if let Some(file) = export {
        write_review(file, &merged, &pending)?;
        out.note(&format!(
            "{} pairs to decide written to {}: fill the decision column (yes, no or blank) and run `omni customers review --import-review {}`",
            pending.len(),
            file.display(),
            file.display()
        ));
        return Ok(ExitCode::SUCCESS);
    }
    if !prompt::can_ask() {
        bail!(
            "review asks at a terminal; without one use --export-review FILE, then --import-review FILE"
        );
    }
    if pending.is_empty() {
        out.line("no uncertain pairs to review")?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut decisions = Vec::new();
    for (n, l) in pending.iter().enumerate() {
        out.table(&pair_table(&merged, l))?;
        let p = merged.outcome.model.probability(l.weight);
        match prompt::ask_pair(&format!(
            "pair {} of {} (probability {p:.2}): one person?",
            n + 1,
            pending.len()
        ))? {
            Answer::Accept => decisions.push((ids(&merged, l).0, ids(&merged, l).1, true)),
            Answer::Reject => decisions.push((ids(&merged, l).0, ids(&merged, l).1, false)),
            Answer::Skip => {}
            Answer::Quit => break,
        }
    }
    apply(cfg, &decisions, out)?;
    Ok(ExitCode::SUCCESS)
}

fn ids(m: &Merged, l: &Link) -> (i64, i64) {
    (m.records[l.a as usize].id, m.records[l.b as usize].id)
}

fn record_values(m: &Merged, i: u32) -> Vec<String> {
    let r = &m.records[i as usize];
    [
        Some(r.channel.clone()),
        r.name.clone(),
        r.email.clone(),
        r.phone.clone(),
        r.address.clone(),
    ]
    .into_iter()
    .map(Option::unwrap_or_default)
    .collect()
}

fn pair_table(m: &Merged, l: &Link) -> Table {
    let (a, b) = ids(m, l);
    let mut t = Table::new(&["", &format!("r{a}"), &format!("r{b}")]);
    for (k, (x, y)) in RECORD_FIELDS
        .iter()
        .zip(record_values(m, l.a).into_iter().zip(record_values(m, l.b)))
    {
        t.rows
            .push(vec![Cell::text(*k), Cell::text(x), Cell::text(y)]);
    }
    t.notes.push(format!(
        "`omni customers explain r{a} r{b}` shows the weights"
    ));
    t
}

fn write_review(file: &Path, m: &Merged, pairs: &[&Link]) -> Result<()> {
    let mut w =
        csv::Writer::from_path(file).with_context(|| format!("cannot write {}", file.display()))?;
    let mut header = vec![
        "record_a".to_string(),
        "record_b".into(),
        "probability".into(),
        "linked_now".into(),
    ];
    for side in ["a", "b"] {
        header.extend(RECORD_FIELDS.iter().map(|f| format!("{f}_{side}")));
    }
    header.push("decision".into());
    w.write_record(&header)?;
    for l in pairs {
        let (a, b) = ids(m, l);
        let linked = m.customer[l.a as usize] == m.customer[l.b as usize];
        let mut row = vec![
            format!("r{a}"),
            format!("r{b}"),
            format!("{:.4}", m.outcome.model.probability(l.weight)),
            if linked { "yes" } else { "no" }.to_string(),
        ];
        row.extend(record_values(m, l.a));
        row.extend(record_values(m, l.b));
        row.push(String::new());
        w.write_record(&row)?;
    }
    w.flush()
        .with_context(|| format!("cannot write {}", file.display()))?;
    Ok(())
}

/// Decisions from a review file: (record, record, one person?) for every row decided.
fn read_decisions(file: &Path) -> Result<Vec<(i64, i64, bool)>> {
    let name = file.display();
    let f = File::open(file).with_context(|| format!("cannot read {name}"))?;
    let mut r = csv::Reader::from_reader(f);
    let headers = r
        .headers()
        .with_context(|| format!("{name}: no header"))?
        .clone();
    let col = |c: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(c))
            .with_context(|| format!("{name}: no {c} column (write one with --export-review)"))
    };
    let (ca, cb, cd) = (col("record_a")?, col("record_b")?, col("decision")?);
    let mut decisions = Vec::new();
    for (n, row) in r.records().enumerate() {
        let line = n + 2;
        let row = row.with_context(|| format!("{name}:{line}: unreadable row"))?;
        let same = match row.get(cd).unwrap_or("").trim().to_lowercase().as_str() {
            "" | "skip" => continue,
            "yes" | "y" | "accept" | "same" | "1" => true,
            "no" | "n" | "reject" | "different" | "0" => false,
            other => bail!("{name}:{line}: decision \"{other}\" is not yes, no or blank"),
        };
        let record = |c: usize| {
            super::parse_record(row.get(c).unwrap_or("")).with_context(|| format!("{name}:{line}"))
        };
        decisions.push((record(ca)?, record(cb)?, same));
    }
    Ok(decisions)
}

/// Saves the decisions and rebuilds every customer under them, in one transaction.
fn apply(cfg: &Config, decisions: &[(i64, i64, bool)], out: &Output) -> Result<()> {
    if decisions.is_empty() {
        out.note("no decisions: nothing changed");
        return Ok(());
    }
    let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "customers review")?;
    let mut store = Store::open(&cfg.db)?;
    for (a, b, _) in decisions {
        for r in [a, b] {
            if !store.customer_record_exists(*r)? {
                bail!("no customer record r{r} (was it removed since the review was written?)");
            }
        }
    }
    let threshold = store.last_merge_threshold()?.unwrap_or(DEFAULT_THRESHOLD);
    let merged = link_store(&store, threshold, Mode::Rebuild, None, decisions)?;
    merged.write(&mut store, "review", threshold, decisions)?;
    let accepted = decisions.iter().filter(|d| d.2).count();
    out.line(&format!(
        "{} decisions saved ({accepted} one person, {} two people); {} records changed customer",
        decisions.len(),
        decisions.len() - accepted,
        merged.moves().len()
    ))
}
