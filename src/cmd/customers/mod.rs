//! `omni customers merge|list|show|explain|review|unmerge|split|export`: customer records
//! linked into customers, every link explained and undoable.

mod explain;
mod review;
mod show;
mod undo;

use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use serde_json::json;

use crate::cli::CustomersCommand;
use crate::config::Config;
use crate::domain::phone::Region;
use crate::identity::model::Model;
use crate::identity::{self, Options, Outcome, Prior, SourceRecord};
use crate::render::Output;
use crate::report::{Cell, Table};
use crate::store::customers::{LinkRow, Move, RunRecord};
use crate::store::{Store, WriteLock};

pub fn run(cmd: &CustomersCommand, cfg: &Config, out: &Output) -> Result<ExitCode> {
    match cmd {
        CustomersCommand::Merge {
            threshold,
            rebuild,
            dry_run,
        } => {
            check_probability("--threshold", *threshold)?;
            let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "customers merge")?;
            let mut store = Store::open(&cfg.db)?;
            let mode = if *rebuild {
                Mode::Rebuild
            } else {
                Mode::Incremental
            };
            let merged = link_store(&store, *threshold, mode, None, &[])?;
            let run_id = (!dry_run)
                .then(|| {
                    merged.write(
                        &mut store,
                        if *rebuild { "rebuild" } else { "merge" },
                        *threshold,
                        &[],
                    )
                })
                .transpose()?;
            merge_report(&merged, run_id, out)?;
        }
        CustomersCommand::List {
            min_channels,
            survivorship,
        } => show::list(
            &Store::open_read_only(&cfg.db)?,
            *min_channels,
            *survivorship,
            out,
        )?,
        CustomersCommand::Show { id, survivorship } => {
            show::show(&Store::open_read_only(&cfg.db)?, id, *survivorship, out)?
        }
        CustomersCommand::Export { survivorship } => {
            show::export(&Store::open_read_only(&cfg.db)?, *survivorship, out)?
        }
        CustomersCommand::Explain { a, b } => {
            explain::run(&Store::open_read_only(&cfg.db)?, a, b, out)?
        }
        CustomersCommand::Review {
            min,
            export_review,
            import_review,
        } => {
            check_probability("--min", *min)?;
            return review::run(
                cfg,
                *min,
                export_review.as_deref(),
                import_review.as_deref(),
                out,
            );
        }
        CustomersCommand::Unmerge { id } => {
            let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "customers unmerge")?;
            undo::unmerge(&mut Store::open(&cfg.db)?, *id, out)?
        }
        CustomersCommand::Split { record } => {
            let _lock = WriteLock::acquire(&cfg.db, cfg.wait, "customers split")?;
            undo::split(&mut Store::open(&cfg.db)?, record, out)?
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check_probability(flag: &str, p: f64) -> Result<()> {
    if !(p > 0.0 && p < 1.0) {
        bail!("{flag} {p}: a probability between 0 and 1 (e.g. 0.9)");
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Link only the records without a customer, against the customers that exist.
    Incremental,
    /// Recompute every customer (people's decisions still hold).
    Rebuild,
}

/// A linking run over the store's records, not yet written.
pub struct Merged {
    pub records: Vec<SourceRecord>,
    pub existing: Vec<Option<i64>>,
    pub outcome: Outcome,
    /// Each record's customer number after the run.
    pub customer: Vec<i64>,
    pub fitted_model: bool,
    /// What explaining any pair of these records needs.
    pub linker: identity::Linker,
}

/// Reads the records, people's decisions (with `more` not yet saved) and, incrementally, the
/// current customers, and links.
pub fn link_store(
    store: &Store,
    threshold: f64,
    mode: Mode,
    review_min: Option<f64>,
    more: &[(i64, i64, bool)],
) -> Result<Merged> {
    let (records, existing): (Vec<SourceRecord>, Vec<Option<i64>>) =
        store.customer_sources()?.into_iter().unzip();
    let index: HashMap<i64, u32> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id, i as u32))
        .collect();
    let decisions = store
        .customer_decisions()?
        .into_iter()
        .chain(more.iter().copied())
        .filter_map(|(a, b, same)| Some((*index.get(&a)?, *index.get(&b)?, same)))
        .collect();
    let incremental = mode == Mode::Incremental && existing.iter().any(Option::is_some);
    let model = if incremental {
        stored_model(store)?
    } else {
        None
    };
    let fitted_model = model.is_none();
    let prior = Prior {
        decisions,
        existing: incremental.then(|| existing.clone()),
        model,
    };
    let opts = Options {
        threshold,
        region: region(store)?,
        review_min,
    };
    let (outcome, linker) = identity::link(&records, &prior, &opts);
    let customer = identity::ids::assign(&outcome.root, &existing, store.next_customer_id()?);
    Ok(Merged {
        records,
        existing,
        outcome,
        customer,
        fitted_model,
        linker,
    })
}

pub fn region(store: &Store) -> Result<Option<Region>> {
    Ok(store.phone_region()?.and_then(|r| Region::parse(&r)))
}

pub fn stored_model(store: &Store) -> Result<Option<Model>> {
    store
        .last_identity_model()?
        .map(|m| {
            serde_json::from_str(&m).context(
                "the stored matching model is unreadable: run `omni customers merge --rebuild`",
            )
        })
        .transpose()
}

impl Merged {
    /// Records whose customer changes.
    pub fn moves(&self) -> Vec<Move> {
        self.records
            .iter()
            .zip(self.existing.iter().zip(&self.customer))
            .filter(|(_, (old, new))| **old != Some(**new))
            .map(|(r, (old, new))| (r.id, *old, *new))
            .collect()
    }

    fn link_rows(&self) -> Vec<LinkRow> {
        let model = &self.outcome.model;
        self.outcome
            .links
            .iter()
            .filter(|l| l.rule != identity::Rule::Existing)
            .map(|l| {
                let w = l.weight.is_finite().then_some(l.weight);
                (
                    self.records[l.a as usize].id,
                    self.records[l.b as usize].id,
                    l.rule.as_str().to_string(),
                    w,
                    w.map(|w| model.probability(w)),
                )
            })
            .collect()
    }

    /// Writes the run with the decisions that led to it (review), in one transaction.
    pub fn write(
        &self,
        store: &mut Store,
        kind: &'static str,
        threshold: f64,
        decisions: &[(i64, i64, bool)],
    ) -> Result<i64> {
        let run = RunRecord {
            kind,
            threshold: Some(threshold),
            records: self.records.len(),
            new_records: self.outcome.stats.new_records,
            model: self
                .fitted_model
                .then(|| serde_json::to_string(&self.outcome.model))
                .transpose()?,
        };
        store.write_customers(
            &run,
            decisions,
            &self.moves(),
            &self.link_rows(),
            kind != "merge",
        )
    }

    /// Each customer's records (as indexes), by customer number.
    pub fn by_customer(&self) -> BTreeMap<i64, Vec<usize>> {
        let mut groups: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
        for (i, c) in self.customer.iter().enumerate() {
            groups.entry(*c).or_default().push(i);
        }
        groups
    }

    /// On how many channels these records are.
    pub fn channel_count(&self, records: &[usize]) -> usize {
        let mut names: Vec<&str> = records
            .iter()
            .map(|&i| self.records[i].channel.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        names.len()
    }

    /// Customers and how many are on more than one channel.
    pub fn counts(&self) -> (usize, usize) {
        let groups = self.by_customer();
        let multi = groups
            .values()
            .filter(|r| self.channel_count(r) > 1)
            .count();
        (groups.len(), multi)
    }
}

fn merge_report(m: &Merged, run_id: Option<i64>, out: &Output) -> Result<()> {
    let s = &m.outcome.stats;
    let (customers, multi) = m.counts();
    let moved = m.moves().len();
    let mut by_rule: Vec<(&str, usize)> = Vec::new();
    for l in &m.outcome.links {
        if l.rule == identity::Rule::Existing {
            continue;
        }
        match by_rule.iter_mut().find(|(r, _)| *r == l.rule.as_str()) {
            Some((_, n)) => *n += 1,
            None => by_rule.push((l.rule.as_str(), 1)),
        }
    }
    let verb = if run_id.is_some() {
        ""
    } else {
        " (dry run: nothing written)"
    };
    let mut t = Table::new(&["figure", "value"]);
    let mut row = |k: &str, v: Cell| t.rows.push(vec![Cell::text(k), v]);
    row("records", Cell::Int(s.records as i64));
    row("records linked this run", Cell::Int(s.new_records as i64));
    row(
        "candidate pairs compared",
        Cell::Int(s.candidate_pairs as i64),
    );
    for (rule, n) in &by_rule {
        row(&format!("links: {rule}"), Cell::Int(*n as i64));
    }
    row(
        "links refused by a guard",
        Cell::Int(s.refused_links as i64),
    );
    row("customers", Cell::Int(customers as i64));
    row("customers on 2+ channels", Cell::Int(multi as i64));
    row("records that changed customer", Cell::Int(moved as i64));
    if s.records < 2 {
        t.notes
            .push(format!("fewer than two records: nothing to link{verb}"));
    } else {
        t.notes.push(format!(
            "model: {} (prior {:+.1} bits: the odds that two random records are one person); explain any pair with `omni customers explain rA rB`{verb}",
            if m.fitted_model {
                "fitted on these records"
            } else {
                "kept from the last full run"
            },
            (m.outcome.model.lambda / (1.0 - m.outcome.model.lambda)).log2()
        ));
    }
    let json = json!({
        "run": run_id,
        "records": s.records,
        "linked_this_run": s.new_records,
        "candidate_pairs": s.candidate_pairs,
        "links": by_rule.iter().map(|(r, n)| json!({"rule": r, "count": n})).collect::<Vec<_>>(),
        "refused": s.refused_links,
        "customers": customers,
        "multi_channel_customers": multi,
        "changed": moved,
        "dry_run": run_id.is_none(),
    });
    out.report(&json, &t)
}

/// The customer a record belongs to, or why there is none.
pub fn customer_of_record(store: &Store, record: i64) -> Result<i64> {
    match store.customer_of(record)? {
        Some(c) => Ok(c),
        None if store.customer_record_exists(record)? => {
            bail!("record r{record} belongs to no customer yet: run `omni customers merge`")
        }
        None => bail!("no customer record r{record}"),
    }
}

/// `r123` or `123` as a record id.
pub fn parse_record(arg: &str) -> Result<i64> {
    arg.trim()
        .trim_start_matches(['r', 'R'])
        .parse()
        .map_err(|_| {
            anyhow!("\"{arg}\" is not a record id (rNNN, as `omni customers show` lists them)")
        })
}
