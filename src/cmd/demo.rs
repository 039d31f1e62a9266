//! `omni demo`: a store built from the bundled sample data of a fictional Spanish merchant,
//! through the same import engine as `omni import`, and what to run next.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::cli::DemoArgs;
use crate::config::Config;
use crate::ingest::{Kind, Source};
use crate::render::Output;
use crate::report::{Cell, Table};
use crate::store::settings::{CURRENCY, TIMEZONE};
use crate::store::{Store, WriteLock};

use super::audit::audit_store;
use super::import::{ImportSpec, import_source};
use super::reconcile::{PLAN_COLUMNS, Reconciliation, plan_cells};
use crate::reconcile::{Action, PlanRow, Planner};

/// One sample file: its name, bytes, kind and the channel or location it belongs to.
struct SampleFile {
    name: &'static str,
    data: &'static [u8],
    kind: Kind,
    channel: Option<&'static str>,
    location: Option<&'static str>,
}

macro_rules! sample {
    ($file:literal, $kind:expr, $channel:expr, $location:expr) => {
        SampleFile {
            name: $file,
            data: include_bytes!(concat!("../../fixtures/demo/", $file)),
            kind: $kind,
            channel: $channel,
            location: $location,
        }
    };
}

const CHANNELS: &[(&str, &str, Option<&str>)] = &[
    ("web", "web", Some("shopify")),
    ("amazon-es", "marketplace", Some("amazon")),
    ("ebay", "marketplace", Some("ebay")),
    ("store-madrid", "store", None),
    ("store-barcelona", "store", None),
];

/// Locations and the channels they feed, in each channel's source order.
const LOCATIONS: &[(&str, &str, &[&str])] = &[
    ("warehouse", "warehouse", &["web", "amazon-es", "ebay"]),
    (
        "madrid",
        "store",
        &["store-madrid", "web", "amazon-es", "ebay"],
    ),
    (
        "barcelona",
        "store",
        &["store-barcelona", "web", "amazon-es", "ebay"],
    ),
];

fn samples() -> Vec<SampleFile> {
    vec![
        sample!("products.csv", Kind::Catalog, None, None),
        sample!("bundles.csv", Kind::Bundles, None, None),
        sample!("listings_web.csv", Kind::Catalog, Some("web"), None),
        sample!(
            "listings_amazon-es.csv",
            Kind::Catalog,
            Some("amazon-es"),
            None
        ),
        sample!("listings_ebay.csv", Kind::Catalog, Some("ebay"), None),
        sample!("stock_warehouse.csv", Kind::Stock, None, Some("warehouse")),
        sample!("stock_madrid.csv", Kind::Stock, None, Some("madrid")),
        sample!("stock_barcelona.csv", Kind::Stock, None, Some("barcelona")),
        sample!("customers_web.csv", Kind::Customers, Some("web"), None),
        sample!("sales_web.csv", Kind::Sales, None, None),
        sample!("sales_amazon-es.csv", Kind::Sales, None, None),
        sample!("sales_ebay.csv", Kind::Sales, None, None),
        sample!("sales_store-madrid.csv", Kind::Sales, None, None),
        sample!("sales_store-barcelona.csv", Kind::Sales, None, None),
    ]
}

pub fn run(_args: &DemoArgs, cfg: &Config, out: &Output) -> Result<ExitCode> {
    let db = demo_path(cfg)?;
    let _lock = WriteLock::acquire(&db, cfg.wait, "demo")?;
    let (mut store, _) = Store::create_or_upgrade(&db)?;
    store.set_setting(TIMEZONE, "Europe/Madrid")?;
    store.set_setting(CURRENCY, "EUR")?;
    for (name, kind, platform) in CHANNELS {
        store.add_channel(name, kind, *platform, Some("EUR"))?;
    }
    // Marketplace prices carry their fees.
    store.set_channel_markup("amazon-es", 15)?;
    store.set_channel_markup("ebay", 10)?;
    for (name, kind, feeds) in LOCATIONS {
        let feeds: Vec<String> = feeds.iter().map(|f| f.to_string()).collect();
        store.add_location(name, kind, &feeds)?;
    }
    let quiet = Output {
        quiet: true,
        progress: false,
        ..out.clone()
    };
    let mut loaded = Table::new(&[
        "file",
        "kind",
        "channel_or_location",
        "rows",
        "new",
        "rejected",
    ]);
    for f in samples() {
        let mut spec = ImportSpec::new(f.kind);
        spec.channel = f.channel.map(str::to_string);
        spec.location = f.location.map(str::to_string);
        let source = Source::Bytes {
            name: f.name.to_string(),
            data: f.data,
        };
        let outcome = import_source(&mut store, &source, &spec, None, &quiet)
            .with_context(|| format!("the demo's sample file {} did not import", f.name))?;
        loaded.push(vec![
            Cell::text(f.name),
            Cell::text(f.kind.as_str()),
            Cell::text(f.channel.or(f.location).unwrap_or(match f.kind {
                Kind::Catalog => "(master catalogue)",
                Kind::Bundles => "(bundles)",
                _ => "(channel column)",
            })),
            Cell::Int(outcome.counts.read as i64),
            Cell::Int(outcome.counts.inserted as i64),
            Cell::Int(outcome.counts.rejected as i64),
        ]);
    }
    let counts = store.table_counts()?;
    let totals: Vec<String> = counts.iter().map(|(t, n)| format!("{t} {n}")).collect();
    let db_arg = shell_quote(&db.display().to_string());
    // The page a manager would open, beside the store (written once customers are linked).
    let report_path = db.with_extension("html");
    let mut excerpt = reconcile_excerpt(&store)?;
    excerpt.notes.extend([
        String::new(),
        format!("Store: {}", db.display()),
        format!("Holds: {}", totals.join(", ")),
        format!("Report: {} (open it in a browser)", report_path.display()),
        String::new(),
        "Try next:".into(),
        format!("  omni --db {db_arg} customers list --min-channels 3"),
        format!("  omni --db {db_arg} kpi summary --period month"),
        format!("  omni --db {db_arg} kpi uplift"),
        format!("  omni --db {db_arg} audit"),
        format!("  omni --db {db_arg} reconcile"),
        format!("  omni --db {db_arg} reconcile explain ALP-9001-REG --channel web"),
        format!("  omni --db {db_arg} channels list"),
        format!("  omni --db {db_arg} locations list"),
        format!("  omni --db {db_arg} batches list"),
        format!(
            "  omni --db {db_arg} sql \"SELECT c.name, count(*) AS lines, sum(l.quantity) AS units FROM order_lines l JOIN channels c ON c.id = l.channel_id GROUP BY c.name\""
        ),
        format!("  omni --db {db_arg} export order_lines --format json"),
    ]);
    let customers = customers_excerpt(&mut store)?;
    let html = crate::cmd::report::build(&store, &db, None, None)?;
    crate::cmd::report::write_atomically(&report_path, html.as_bytes())?;
    out.table(&loaded)?;
    out.table(&customers)?;
    out.table(&crate::cmd::kpi::channels_excerpt(&store)?)?;
    out.table(&audit_excerpt(&store)?)?;
    out.table(&excerpt)?;
    if out.format != crate::config::Format::Table {
        out.note(&format!("store: {}", db.display()));
        out.note(&format!("report: {}", report_path.display()));
    }
    Ok(ExitCode::SUCCESS)
}

/// Links the customer records, then shows a customer found on three channels and why two of
/// their records are one person.
fn customers_excerpt(store: &mut Store) -> Result<Table> {
    use crate::cmd::customers::{Mode, link_store};
    use crate::identity::compare::{FIELD_NAMES, LEVEL_NAMES};
    use crate::identity::{DEFAULT_THRESHOLD, Rule};
    let merged = link_store(store, DEFAULT_THRESHOLD, Mode::Rebuild, None, &[])?;
    merged.write(store, "rebuild", DEFAULT_THRESHOLD, &[])?;
    let (customers, multi) = merged.counts();
    // The customer on the most channels, the lowest number among equals.
    let best = merged
        .by_customer()
        .into_iter()
        .max_by_key(|(c, r)| (merged.channel_count(r), std::cmp::Reverse(*c)));
    let mut t = Table::new(&[
        "customer_id",
        "record",
        "channel",
        "source_id",
        "name",
        "email",
        "phone",
    ]);
    let Some((customer, records)) = best else {
        return Ok(t);
    };
    for &i in &records {
        let r = &merged.records[i];
        t.push(vec![
            Cell::Int(customer),
            Cell::text(format!("r{}", r.id)),
            Cell::text(&r.channel),
            Cell::opt_text(r.customer_id.clone()),
            Cell::opt_text(r.name.clone()),
            Cell::opt_text(r.email.clone()),
            Cell::opt_text(r.phone.clone()),
        ]);
    }
    t.notes.push(format!(
        "Customers: {} records linked into {} customers, {multi} of them on two channels or more; one found on {} channels:",
        merged.records.len(),
        customers,
        merged.channel_count(&records)
    ));
    // Why: a scored link of this customer across two channels, else any of its links.
    let inside = |l: &&crate::identity::Link| records.contains(&(l.a as usize));
    let link = merged
        .outcome
        .links
        .iter()
        .filter(inside)
        .filter(|l| merged.records[l.a as usize].channel != merged.records[l.b as usize].channel)
        .max_by_key(|l| (l.rule == Rule::Score, l.a));
    if let Some(l) = link {
        let (a, b) = (l.a as usize, l.b as usize);
        let (pattern, weights) = merged.linker.explain(a, b);
        let fields: Vec<String> = (0..FIELD_NAMES.len())
            .filter(|f| pattern[*f] != 0)
            .map(|f| {
                format!(
                    "{} {} {:+.1}",
                    FIELD_NAMES[f],
                    LEVEL_NAMES[f][usize::from(pattern[f])],
                    weights[f]
                )
            })
            .collect();
        let total: f64 = weights.iter().sum();
        let (ra, rb) = (&merged.records[a], &merged.records[b]);
        t.notes.push(format!(
            "Why r{} ({}) and r{} ({}) are one person ({}): {}; total {total:+.1} bits → probability {:.4}. Every link: omni customers explain r{} r{}",
            ra.id,
            ra.channel,
            rb.id,
            rb.channel,
            l.rule.as_str(),
            fields.join(", "),
            merged.linker.model.probability(total),
            ra.id,
            rb.id
        ));
    }
    Ok(t)
}

/// The audit's channel scores and one finding of each check.
fn audit_excerpt(store: &Store) -> Result<Table> {
    let audit = audit_store(store, &[], &[], 5, 30)?;
    let mut t = Table::new(&["check", "severity", "channel", "sku", "reason"]);
    let mut shown = std::collections::HashSet::new();
    for f in &audit.findings {
        if shown.insert(f.check) {
            t.push(vec![
                Cell::text(f.check),
                Cell::text(f.severity.as_str()),
                Cell::text(&*f.channel),
                Cell::text(&*f.sku),
                Cell::text(&*f.reason),
            ]);
        }
    }
    let scores: Vec<String> = audit
        .scores
        .iter()
        .map(|s| format!("{} {:.1}", s.channel, s.score))
        .collect();
    t.notes.push(format!(
        "Audit: {} findings (one of each check shown); channel scores: {}. The whole audit: omni audit",
        audit.findings.len(),
        scores.join(", ")
    ));
    Ok(t)
}

/// A few rows of the reconcile plan: the oversell risks first, a SKU in stock but not listed,
/// and the bundles.
fn reconcile_excerpt(store: &Store) -> Result<Table> {
    let r = Reconciliation::load(store)?;
    let planner = Planner::new(&r.inputs, &r.positions);
    let plan = planner.plan();
    let bundles = planner.bundles.clone();
    let mut picked: Vec<&PlanRow> = plan.iter().filter(|p| p.risk).take(5).collect();
    picked.extend(plan.iter().filter(|p| p.action == Action::List).take(2));
    picked.extend(
        plan.iter()
            .filter(|p| bundles.contains_key(&p.sku.to_lowercase()))
            .take(3),
    );
    let mut t = Table::new(&PLAN_COLUMNS);
    for p in picked {
        t.push(plan_cells(p.clone()));
    }
    let risks = plan.iter().filter(|p| p.risk).count();
    t.notes.push(format!(
        "Reconcile: {} rows need an action, {risks} with oversell risk (a few shown). The whole plan: omni reconcile; why: omni reconcile explain SKU",
        plan.iter().filter(|p| p.action != Action::Ok).count()
    ));
    Ok(t)
}

/// The named store (`--db` or `$OMNI_DB`) if it does not exist yet, else a fresh temporary one.
fn demo_path(cfg: &Config) -> Result<PathBuf> {
    if cfg.db_named {
        if cfg.db.exists() {
            bail!(
                "{} already exists; the demo builds a new store (remove it or choose another --db)",
                cfg.db.display()
            );
        }
        return Ok(cfg.db.clone());
    }
    let dir = tempfile::Builder::new()
        .prefix("omni-demo-")
        .tempdir()
        .context("cannot create a temporary directory")?;
    Ok(dir.keep().join("omni.db"))
}

fn shell_quote(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}
