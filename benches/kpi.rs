//! The KPI benchmark (docs/PERFORMANCE-kpi.md): builds the store of a mid-size omnichannel
//! merchant (the store, its zone and its 6 channels with the real `omni`; customer records,
//! a merge run, products, orders and order lines straight into SQLite with a seeded
//! generator), builds the sales facts with `omni doctor --rebuild-aggregates` (timed), then
//! times the real `omni kpi REPORT --format csv` as a child process with stdout to /dev/null,
//! each with its peak RSS and disk reads (wait4): summary by channel × month, customers,
//! uplift and cohorts twice each (first with the store's pages dropped from the page cache,
//! then warm), rfm, retention and clv once. Then, in a child of the bench: the plain-SQL
//! equivalent of the summary on SQLite, and where a report's time goes (the SQLite reads
//! alone, the identity lookups, `Calendar::day`, the ledger into a sink that does nothing,
//! each report's sink). Prints PASS/FAIL against the targets: summary, customers and
//! uplift under 1 s, cohorts under 3 s, each under 256 MB peak RSS (the slower of the cold
//! and the warm run).
//!
//! `cargo bench --bench kpi -- [--lines N] [--customers N] [--no-merge] [--keep DIR [--reuse]]`
//! (10,000,000 order lines and 1,000,000 customer records by default). `--keep DIR` builds the
//! store in DIR and leaves it there; `--reuse` then skips the build when DIR holds a store of
//! the same size and schema version. Exits 1 when a target or a check fails.

use std::fs::File;
use std::hint::black_box;
use std::io::{BufRead, BufReader, Read};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::{ChildStdout, Command, ExitCode, Stdio};
use std::time::Instant;

use rusqlite::{Connection, OpenFlags, params};

use omni::kpi::calendar::{Calendar, Period, Window};
use omni::kpi::customers::CustomerBase;
use omni::kpi::ledger::{Fact, Ledger, Sink};
use omni::kpi::retention::Cohorts;
use omni::kpi::sales::SalesReport;
use omni::store::Store;

mod common;
use common::civil::{civil_from_days, days_from_civil, instant_text};
use common::flags::{Flags, bench_main};
use common::omni::{
    Measured, add_channel, code_text, end_bulk_load, ids_by_name, measure, omni,
    open_for_bulk_load, print_exit_codes, reap, remove_store, reusable, store_size, time_query,
    work_dir,
};
use common::{SplitMix64, cumulative, group, mix, verdict};

const DEFAULT_LINES: u64 = 10_000_000;
/// Customer records per order line by default: 1,000,000 for 10,000,000 lines.
const LINES_PER_RECORD: u64 = 10;
/// The generator's seed: the store for a given size never changes.
const SEED: u64 = 0x6f6d_6e69_4b50_4953;
const ZONE: &str = "Europe/Madrid";
/// 256 MB, as MiB (ru_maxrss is in KiB on Linux).
const TARGET_RSS_MB: f64 = 256.0;
/// The marker `--reuse` compares, written beside a kept store.
const MARKER: &str = "kpi-bench.txt";
/// What the generator made, written beside the store (shown again with `--reuse`).
const STORE_TEXT: &str = "kpi-store.txt";
/// omni's stderr of the last timed run, beside the store.
const STDERR: &str = "kpi.stderr";
/// The in-process timings take the best of this many runs.
const REPEAT: usize = 3;

/// Two years of local days, 2024-01-01 to 2025-12-31 (Europe/Madrid).
const FIRST_DAY: (i64, i64, i64) = (2024, 1, 1);
const DAYS: i64 = 731;

/// Share of orders without a customer (guest checkouts, walk-in buyers).
const GUEST_SHARE: f64 = 0.15;
/// Share of all order lines that are return lines (negative quantity, dated later).
const RETURN_LINE_SHARE: f64 = 0.05;
const CANCELLED_SHARE: f64 = 0.015;
/// Orders with a money-only (goodwill) refund.
const REFUNDED_SHARE: f64 = 0.007;
const ZERO_VALUE_SHARE: f64 = 0.001;
const DISCOUNTED_LINE_SHARE: f64 = 0.18;
/// Customer records that never ordered (accounts, loyalty cards, newsletter sign-ups).
const NO_ORDER_SHARE: f64 = 0.08;
/// Orders per buying record: P(N ≥ n) = n^−α, capped. α = 1.3: 59% buy once, 0.8% 40 or more.
const ORDERS_ALPHA: f64 = 1.3;
const MAX_ORDERS: u64 = 250;
/// Records per person after the merge run: 1 (86%), 2 (12%), 3 (2%).
const SECOND_RECORD_SHARE: f64 = 0.14;
const THIRD_RECORD_SHARE: f64 = 0.02;
const SKUS: u64 = 20_000;

/// (name, kind, platform, currency, order-id prefix, weight among customer records, weight
/// among guest orders)
type ChannelSpec = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u64,
    u64,
);
const CHANNELS: [ChannelSpec; 6] = [
    ("web", "web", "shopify", "EUR", "W", 34, 25),
    ("amazon-es", "marketplace", "amazon", "EUR", "171-", 24, 0),
    ("pos", "store", "square", "EUR", "TPV", 14, 60),
    ("ebay", "marketplace", "ebay", "EUR", "EB", 7, 0),
    ("shop-uk", "web", "shopify", "GBP", "UK", 9, 8),
    ("instagram", "social", "instagram", "EUR", "IG", 12, 7),
];
const POS: usize = 2;
const SHOP_UK: usize = 4;

/// The reports with a target: (label, omni arguments, target seconds).
type Targeted = (&'static str, &'static [&'static str], f64);
const TARGETED: [Targeted; 4] = [
    (
        "summary --by channel --period month",
        &[
            "kpi", "summary", "--by", "channel", "--period", "month", "--format", "csv",
        ],
        1.0,
    ),
    ("customers", &["kpi", "customers", "--format", "csv"], 1.0),
    ("uplift", &["kpi", "uplift", "--format", "csv"], 1.0),
    ("cohorts", &["kpi", "cohorts", "--format", "csv"], 3.0),
];
/// Timed once each, without a target.
const OTHERS: [(&str, &[&str]); 3] = [
    ("rfm", &["kpi", "rfm", "--format", "csv"]),
    ("retention", &["kpi", "retention", "--format", "csv"]),
    ("clv", &["kpi", "clv", "--format", "csv"]),
];

fn main() -> ExitCode {
    bench_main(
        "kpi",
        "cargo bench --bench kpi -- [--lines N] [--customers N] [--no-merge] [--keep DIR [--reuse]]",
        Args::parse,
        |args| match (args.phase.as_deref(), &args.db) {
            (Some("fill"), Some(db)) => fill_phase(db, args).map(|()| true),
            (Some("inproc"), Some(db)) => inproc_phase(db).map(|()| true),
            (Some(p), _) => Err(format!("unknown phase {p} (or no --db)")),
            (None, _) => run(args),
        },
    )
}

struct Args {
    lines: u64,
    customers: u64,
    merge: bool,
    keep: Option<PathBuf>,
    reuse: bool,
    /// Internal: the part a child process of the bench runs (`fill`, `inproc`) and its store.
    phase: Option<String>,
    db: Option<PathBuf>,
}

impl Args {
    fn parse() -> Result<Args, String> {
        let mut lines = DEFAULT_LINES;
        let mut customers = None;
        let mut merge = true;
        let mut keep = None;
        let mut reuse = false;
        let mut phase = None;
        let mut db = None;
        let mut flags = Flags::from_env();
        while let Some(flag) = flags.next_flag() {
            match flag.as_str() {
                "--lines" => lines = flags.number(1000)?,
                "--customers" => customers = Some(flags.number(10)?),
                "--no-merge" => merge = false,
                "--keep" => keep = Some(PathBuf::from(flags.value()?)),
                "--reuse" => reuse = true,
                "--phase" => phase = Some(flags.value()?),
                "--db" => db = Some(PathBuf::from(flags.value()?)),
                other => return Err(format!("unknown argument {other}")),
            }
        }
        if reuse && keep.is_none() {
            return Err("--reuse needs --keep DIR".into());
        }
        Ok(Args {
            lines,
            customers: customers.unwrap_or((lines / LINES_PER_RECORD).max(10)),
            merge,
            keep,
            reuse,
            phase,
            db,
        })
    }

    /// The arguments of a child process of the bench running `phase` on `db`.
    fn child(&self, phase: &str, db: &Path) -> Command {
        let mut cmd = Command::new(std::env::current_exe().unwrap_or_else(|_| "kpi".into()));
        cmd.args(["--phase", phase, "--db"])
            .arg(db)
            .args(["--lines", &self.lines.to_string()])
            .args(["--customers", &self.customers.to_string()]);
        if !self.merge {
            cmd.arg("--no-merge");
        }
        cmd
    }

    fn marker(&self) -> String {
        format!(
            "lines={} customers={} merge={} seed={SEED:#x} generator=1 schema={}\n",
            self.lines,
            self.customers,
            self.merge,
            omni::store::schema::latest_version()
        )
    }
}

fn run(args: &Args) -> Result<bool, String> {
    let (dir, _temp) = work_dir(args.keep.as_deref(), "omni-kpi-bench")?;
    let db = dir.join("omni.db");
    let reused = args.reuse && reusable(&dir, MARKER, &args.marker());

    // Everything large (the generator, the in-process timings) runs in child processes of
    // this bench: a child's ru_maxrss starts from its parent's high-water mark when the
    // parent spawns it (vfork + exec), so this process stays small for omni's peaks to be
    // omni's own.
    let mut all_ok = true;
    let built = if reused {
        eprintln!("reusing the store in {}", dir.display());
        None
    } else {
        remove_store(&dir, &[MARKER, STORE_TEXT, STDERR]);
        eprintln!("building the store in {} …", dir.display());
        let started = Instant::now();
        setup_with_omni(&db)?;
        let status = args
            .child("fill", &db)
            .status()
            .map_err(|e| format!("cannot run the bench's fill: {e}"))?;
        if !status.success() {
            return Err(format!("filling the store failed ({status})"));
        }
        let fill_secs = started.elapsed().as_secs_f64();
        eprintln!("building the sales facts: omni doctor --rebuild-aggregates …");
        let doctor = rebuild_facts(&dir, &db)?;
        all_ok &= doctor.run.code == Some(0);
        if doctor.run.code == Some(0) {
            std::fs::write(dir.join(MARKER), args.marker()).map_err(|e| e.to_string())?;
        }
        Some((fill_secs, doctor))
    };
    let store_mb = store_size(&db) as f64 / 1e6;
    let facts = fact_counts(&db).map_err(|e| format!("counting the facts: {e}"))?;

    // A run of `omni --db DB ARGS`, stdout to /dev/null, or with `capture` its rows counted.
    let stderr = dir.join(STDERR);
    let time_omni = |args: &[&str], capture| measure(&db, args, &stderr, capture, count_rows);
    let mut targeted = Vec::new();
    for (label, cmd, target) in TARGETED {
        eprintln!("timing omni {label} (store dropped from the page cache, then warm) …");
        drop_from_page_cache(&db);
        let (cold, _) = time_omni(cmd, false)?;
        let (warm, _) = time_omni(cmd, false)?;
        targeted.push((label, cmd, target, cold, warm));
    }
    let mut others = Vec::new();
    for (label, cmd) in OTHERS {
        eprintln!("timing omni {label} …");
        others.push((label, cmd, time_omni(cmd, false)?.0));
    }
    eprintln!("counting the output rows (separate runs, stdout captured) …");
    let mut rows = Vec::new();
    for cmd in TARGETED
        .iter()
        .map(|t| t.1)
        .chain(OTHERS.iter().map(|o| o.1))
    {
        let (counted, n) = time_omni(cmd, true)?;
        all_ok &= counted.code == Some(0);
        rows.push(n);
    }
    eprintln!("timing plain SQL and the stream's parts in a child process …");
    let inproc = args
        .child("inproc", &db)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run the bench's in-process timings: {e}"))?;
    all_ok &= inproc.status.success();

    // ---------------------------------------------------------------------------------------
    // The report
    println!("omni kpi benchmark (seeded generator, seed {SEED:#x}, zone {ZONE})");
    match std::fs::read_to_string(dir.join(STORE_TEXT)) {
        Ok(text) => print!("{text}"),
        Err(_) => println!(
            "store            {} order lines, {} customer records",
            group(args.lines),
            group(args.customers)
        ),
    }
    match &built {
        Some((fill_secs, doctor)) => {
            println!(
                "store file       {store_mb:>9.1} MB   (built in {fill_secs:.1} s: omni init/channels add + rusqlite fill)"
            );
            let r = &doctor.run;
            println!(
                "doctor --rebuild-aggregates {:>7.2} s   peak RSS {:>7.1} MB   (user {:.2} s, sys {:.2} s)   exit {}",
                r.secs,
                r.peak_rss_mb,
                r.user_secs,
                r.sys_secs,
                code_text(r.code)
            );
            match (doctor.in_process, doctor.rebuilt_at) {
                (true, _) => println!(
                    "                 the facts were rebuilt in this process (Store::rebuild_sales_facts): omni doctor --rebuild-aggregates was not available"
                ),
                (false, Some(at)) => println!(
                    "                 of which the rebuild (DELETE + INSERT … SELECT) {at:.2} s, the checks (integrity, foreign keys, orphans, facts drift) {:.2} s",
                    r.secs - at
                ),
                (false, None) => {}
            }
        }
        None => println!(
            "store file       {store_mb:>9.1} MB   (reused from {})",
            dir.display()
        ),
    }
    println!(
        "sales_facts      {:>12} rows: {} sales, {} returns, {} refunds, {} cancellations; {} guest facts, {} customer records with facts",
        group(facts.total),
        group(facts.by_kind[0]),
        group(facts.by_kind[1]),
        group(facts.by_kind[2]),
        group(facts.by_kind[3]),
        group(facts.guest),
        group(facts.records)
    );
    println!(
        "omni kpi … --format csv > /dev/null (cold: the store's pages dropped from the page cache first):"
    );
    let mut targets_ok = true;
    for (i, (label, _, target, cold, warm)) in targeted.iter().enumerate() {
        for (which, m) in [("cold", cold), ("warm", warm)] {
            println!(
                "  {label:<36} {which}  {:>6.2} s   peak RSS {:>6.1} MB   (user {:.2} s, sys {:.2} s, {:.0} MB read from disk)   exit {}   {} rows",
                m.secs,
                m.peak_rss_mb,
                m.user_secs,
                m.sys_secs,
                m.read_mb,
                code_text(m.code),
                group(rows[i])
            );
            all_ok &= m.code == Some(0);
        }
        let secs = cold.secs.max(warm.secs);
        let rss = cold.peak_rss_mb.max(warm.peak_rss_mb);
        let ok = secs < *target && rss < TARGET_RSS_MB;
        targets_ok &= ok;
        println!(
            "  {:<36} {secs:>11.2} s target < {target:.0} s, {rss:.1} MB target < {TARGET_RSS_MB:.0} MB   {}",
            "",
            verdict(ok)
        );
    }
    for (i, (label, _, m)) in others.iter().enumerate() {
        println!(
            "  {label:<36} warm  {:>6.2} s   peak RSS {:>6.1} MB   (user {:.2} s, sys {:.2} s)   exit {}   {} rows   (no target)",
            m.secs,
            m.peak_rss_mb,
            m.user_secs,
            m.sys_secs,
            code_text(m.code),
            group(rows[TARGETED.len() + i])
        );
        all_ok &= m.code == Some(0);
    }
    print!("{}", String::from_utf8_lossy(&inproc.stdout));
    print_exit_codes(all_ok, args.keep.is_some().then_some(&db));
    println!(
        "targets          {}   (each report: the slower of its two runs, the larger peak RSS)",
        verdict(targets_ok)
    );
    Ok(targets_ok && all_ok)
}

/// The child that fills the store: writes what it made to STORE_TEXT beside the store.
fn fill_phase(db: &Path, args: &Args) -> Result<(), String> {
    let stats = fill(db, args).map_err(|e| format!("filling the store: {e}"))?;
    let text = describe(&stats, args);
    std::fs::write(db.with_file_name(STORE_TEXT), text).map_err(|e| e.to_string())
}

/// The child that times plain SQL and the parts of a report, printing the report's lines.
fn inproc_phase(db: &Path) -> Result<(), String> {
    let sql = plain_sql(db).map_err(|e| format!("plain SQL: {e}"))?;
    println!(
        "plain SQL on the same store, in the bench (cache_size as omni's, warm, one run each):"
    );
    for (name, secs, n) in &sql {
        println!("  {name:<76} {secs:>6.2} s   {:>9} rows", group(*n));
    }
    let parts = breakdown(db)?;
    println!(
        "where a report's time goes, in the bench (warm; each step alone, the best of {REPEAT}):"
    );
    for (name, secs, n) in &parts {
        println!("  {name:<76} {secs:>6.2} s   {:>9}", group(*n));
    }
    Ok(())
}

fn describe(s: &Stats, args: &Args) -> String {
    let mut out = String::new();
    let mut line = |l: String| {
        out.push_str(&l);
        out.push('\n');
    };
    line(format!(
        "store            {} order lines ({} sales, {} returns) in {} orders, {} channels, {} customer records",
        group(s.lines),
        group(s.sale_lines),
        group(s.return_lines),
        group(s.orders),
        CHANNELS.len(),
        group(s.records)
    ));
    line(format!(
        "                 {} guest orders ({:.1}%), {} cancelled, {} with a money-only refund, {} zero-value; {} in GBP (shop-uk)",
        group(s.guest_orders),
        100.0 * s.guest_orders as f64 / s.orders.max(1) as f64,
        group(s.cancelled),
        group(s.refunded),
        group(s.zero_value),
        group(s.gbp_orders)
    ));
    line(format!(
        "customers        {} persons ({} with 2–3 channel records{}), {} records never ordered",
        group(s.persons),
        group(s.multi_record_persons),
        if args.merge {
            ", merged by one merge run"
        } else {
            ", not merged"
        },
        group(s.records_without_orders)
    ));
    let buyers = s.orders_per_record.iter().sum::<u64>().max(1) as f64;
    let share = |i: usize| 100.0 * s.orders_per_record[i] as f64 / buyers;
    line(format!(
        "                 orders per buying record: 1: {:.1}%, 2: {:.1}%, 3–5: {:.1}%, 6–20: {:.1}%, 21+: {:.1}% (max {}); the top 1% of buyers place {:.1}% of identified orders",
        share(0),
        share(1),
        share(2),
        share(3),
        share(4),
        s.max_orders,
        100.0 * s.top1_orders as f64 / s.identified_orders.max(1) as f64
    ));
    out
}

// ---------------------------------------------------------------------------------------------
// Building the store

/// The store, its zone, currency and channels, as a merchant would set them.
fn setup_with_omni(db: &Path) -> Result<(), String> {
    omni(db, &["init", "--timezone", ZONE, "--currency", "EUR"])?;
    for (name, kind, platform, currency, ..) in CHANNELS {
        add_channel(db, name, kind, Some(platform), Some(currency))?;
    }
    Ok(())
}

/// Monday = 0 … Sunday = 6.
fn weekday(epoch_day: i64) -> i64 {
    (epoch_day + 3).rem_euclid(7)
}

fn last_sunday(y: i64, m: i64) -> i64 {
    let last = days_from_civil(y + (m == 12) as i64, m % 12 + 1, 1) - 1;
    last - (weekday(last) + 1) % 7
}

/// A local Europe/Madrid wall time (seconds as if UTC) as UTC seconds and its offset: CET,
/// CEST from the last Sunday of March to the last Sunday of October, at 01:00 UTC.
fn madrid_to_utc(local: i64) -> (i64, &'static str) {
    let (y, _, _) = civil_from_days(local.div_euclid(86_400));
    let start = last_sunday(y, 3) * 86_400 + 3600;
    let end = last_sunday(y, 10) * 86_400 + 3600;
    let winter = local - 3600;
    if winter >= start && winter < end {
        (local - 7200, "+02:00")
    } else {
        (winter, "+01:00")
    }
}

/// Picks an index by cumulative weights.
fn pick(rng: &mut SplitMix64, cumulative: &[f64]) -> usize {
    let total = cumulative.last().copied().unwrap_or(0.0);
    let u = rng.unit() * total;
    cumulative
        .partition_point(|&c| c <= u)
        .min(cumulative.len() - 1)
}

/// How busy each local day is: 35% growth over the two years, the sales of January and
/// July, a quiet August, Black Friday week and December; Sundays online, Saturdays in store
/// average out.
fn day_weights(first: i64) -> Vec<f64> {
    const MONTH: [f64; 12] = [
        1.05, 0.80, 0.85, 0.90, 0.95, 1.00, 1.10, 0.80, 0.90, 0.95, 1.30, 1.55,
    ];
    const WEEKDAY: [f64; 7] = [1.08, 1.0, 0.98, 0.97, 0.95, 0.92, 1.10];
    (0..DAYS)
        .map(|d| {
            let z = first + d;
            let (y, m, day) = civil_from_days(z);
            let black_friday = {
                let bf = last_sunday(y, 11) - 2; // the Friday before November's last Sunday
                z >= bf - 4 && z <= bf + 3
            };
            let christmas = m == 12 && day <= 22;
            (1.0 + 0.35 * d as f64 / DAYS as f64)
                * MONTH[(m - 1) as usize]
                * WEEKDAY[weekday(z) as usize]
                * if black_friday { 2.2 } else { 1.0 }
                * if christmas { 1.2 } else { 1.0 }
        })
        .collect()
}

/// Local hour of an order: online all day with an evening peak; stores 10:00–21:00.
const ONLINE_HOURS: [f64; 24] = [
    2.0, 1.0, 0.6, 0.4, 0.4, 0.5, 1.0, 2.0, 3.5, 4.5, 5.5, 6.5, 6.5, 6.0, 6.0, 5.5, 5.5, 6.0, 7.0,
    8.0, 9.0, 9.0, 7.0, 4.0,
];
const STORE_HOURS: [f64; 24] = [
    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 6.0, 8.0, 9.0, 8.0, 6.0, 6.0, 7.0, 9.0, 10.0,
    10.0, 8.0, 3.0, 0.0, 0.0,
];

const GIVEN: [&str; 24] = [
    "maria", "carmen", "ana", "laura", "lucia", "marta", "elena", "sara", "paula", "cristina",
    "isabel", "nuria", "antonio", "jose", "manuel", "david", "javier", "daniel", "carlos",
    "miguel", "pablo", "jorge", "alberto", "sergio",
];
const FAMILY: [&str; 20] = [
    "garcia",
    "rodriguez",
    "gonzalez",
    "fernandez",
    "lopez",
    "martinez",
    "sanchez",
    "perez",
    "gomez",
    "martin",
    "jimenez",
    "ruiz",
    "hernandez",
    "diaz",
    "moreno",
    "alvarez",
    "romero",
    "navarro",
    "torres",
    "dominguez",
];

#[derive(Default)]
struct Stats {
    lines: u64,
    sale_lines: u64,
    return_lines: u64,
    orders: u64,
    guest_orders: u64,
    identified_orders: u64,
    cancelled: u64,
    refunded: u64,
    zero_value: u64,
    gbp_orders: u64,
    records: u64,
    persons: u64,
    multi_record_persons: u64,
    records_without_orders: u64,
    /// Buying records with 1, 2, 3–5, 6–20, 21+ orders.
    orders_per_record: [u64; 5],
    max_orders: u64,
    /// Orders of the top 1% of buying records.
    top1_orders: u64,
}

/// A customer record before it gets its id.
struct Record {
    person: u32,
    channel: u8,
    /// First order's local day (its creation day when it never ordered).
    day: u16,
    orders: u32,
}

/// Customer records, the merge run, products, orders and order lines, in one transaction with
/// prepared statements, straight into the store omni created.
fn fill(db: &Path, args: &Args) -> Result<Stats, Box<dyn std::error::Error>> {
    // A bulk load in one transaction, back to omni's WAL mode at the end.
    let conn = open_for_bulk_load(db)?;
    conn.execute_batch("BEGIN;")?;
    let channel_ids = ids_by_name(&conn, "channels", CHANNELS.iter().map(|c| c.0))?;
    let mut rng = SplitMix64(SEED);
    let mut stats = Stats::default();
    let first = days_from_civil(FIRST_DAY.0, FIRST_DAY.1, FIRST_DAY.2);
    let days = cumulative(day_weights(first));
    let online_hours = cumulative(ONLINE_HOURS);
    let store_hours = cumulative(STORE_HOURS);
    let record_channels = cumulative(CHANNELS.iter().map(|c| c.5 as f64));
    let guest_channels = cumulative(CHANNELS.iter().map(|c| c.6 as f64));
    // Local wall time (as if UTC) of a random moment of local day `d` on channel `c`.
    let local_at = |rng: &mut SplitMix64, d: i64, c: usize| -> i64 {
        let hours = if c == POS {
            &store_hours
        } else {
            &online_hours
        };
        (first + d) * 86_400 + pick(rng, hours) as i64 * 3600 + rng.below(3600) as i64
    };

    eprintln!("  customer records …");
    let mut records: Vec<Record> = Vec::with_capacity(args.customers as usize + 2);
    let mut person = 0u32;
    while (records.len() as u64) < args.customers {
        let extra = if rng.chance(THIRD_RECORD_SHARE) {
            2
        } else if rng.chance(SECOND_RECORD_SHARE - THIRD_RECORD_SHARE) {
            1
        } else {
            0
        };
        let primary = pick(&mut rng, &record_channels);
        // UK customers stay on the UK shop.
        let extra = if primary == SHOP_UK { 0 } else { extra };
        let mut used = vec![primary];
        while used.len() < 1 + extra {
            let c = pick(&mut rng, &record_channels);
            if !used.contains(&c) && c != SHOP_UK {
                used.push(c);
            }
        }
        let first_day = pick(&mut rng, &days) as i64;
        for (k, &c) in used.iter().enumerate() {
            // A person's other channels come later.
            let day = if k == 0 {
                first_day
            } else {
                first_day + (rng.unit() * (DAYS - first_day) as f64) as i64
            };
            let orders = if rng.chance(NO_ORDER_SHARE) {
                0
            } else {
                (rng.unit().max(1e-12).powf(-1.0 / ORDERS_ALPHA) as u64).clamp(1, MAX_ORDERS)
            };
            records.push(Record {
                person,
                channel: c as u8,
                day: day.min(DAYS - 1) as u16,
                orders: orders as u32,
            });
        }
        stats.multi_record_persons += (extra > 0) as u64;
        person += 1;
    }
    records.truncate(args.customers as usize);
    stats.persons = records.last().map_or(0, |r| r.person as u64 + 1);
    stats.records = records.len() as u64;
    // Ids in the order the records appeared (a channel's export creates them at the first
    // order): a person's records are far apart, as in a real store.
    records.sort_by_key(|r| r.day);
    let mut customer_of = vec![0i64; stats.persons as usize];
    {
        let mut stmt = conn.prepare(
            "INSERT INTO customer_records (id, channel_id, record_key, customer_id, email, name, given_name, family_name,
                                           country, created_at, email_relay)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for (i, r) in records.iter().enumerate() {
            let id = i as i64 + 1;
            if customer_of[r.person as usize] == 0 {
                customer_of[r.person as usize] = id;
            }
            let c = r.channel as usize;
            let h = mix(SEED ^ r.person as u64);
            let given = GIVEN[(h % GIVEN.len() as u64) as usize];
            let family = FAMILY[((h >> 8) % FAMILY.len() as u64) as usize];
            let customer_id = format!("{}C{:07}", CHANNELS[c].4, id);
            let (email, relay) = match CHANNELS[c].0 {
                "amazon-es" => (Some(format!("{:013x}@marketplace.amazon.es", h >> 12)), 1),
                "ebay" => (None, 0),
                "pos" if h.is_multiple_of(2) => (None, 0),
                _ => (Some(format!("{given}.{family}{}@example.com", h % 997)), 0),
            };
            stmt.execute(params![
                id,
                channel_ids[c],
                format!("id:{customer_id}"),
                customer_id,
                email,
                format!("{given} {family}"),
                given,
                family,
                if c == SHOP_UK { "GB" } else { "ES" },
                instant_text(madrid_to_utc((first + r.day as i64) * 86_400 + 3600 * 9).0),
                relay
            ])?;
        }
    }
    if args.merge {
        eprintln!("  the merge run …");
        let at = instant_text(madrid_to_utc((first + DAYS) * 86_400).0);
        conn.execute(
            "INSERT INTO merge_runs (id, kind, started_at, threshold, records, new_records, changed)
             VALUES (1, 'merge', ?1, 0.9, ?2, ?2, ?2)",
            params![at, stats.records as i64],
        )?;
        let mut customer = conn.prepare("INSERT INTO customers (id, run_id) VALUES (?1, 1)")?;
        for &id in &customer_of {
            customer.execute([id])?;
        }
        let mut member = conn.prepare(
            "INSERT INTO customer_members (record_id, customer, run_id) VALUES (?1, ?2, 1)",
        )?;
        for (i, r) in records.iter().enumerate() {
            member.execute(params![i as i64 + 1, customer_of[r.person as usize]])?;
        }
    }

    eprintln!("  products …");
    let skus: Vec<String> = (0..SKUS)
        .map(|i| format!("ESP-{:04}-{}", i / 10, 35 + i % 10))
        .collect();
    let prices: Vec<i64> = (0..SKUS)
        .map(|i| 1495 + (mix(SEED ^ (i / 10)) % 27) as i64 * 500)
        .collect();
    {
        let mut stmt = conn.prepare(
            "INSERT INTO products (sku, title, price, currency, status) VALUES (?1, ?2, ?3, 'EUR', 'active')",
        )?;
        for (i, sku) in skus.iter().enumerate() {
            stmt.execute(params![
                sku,
                format!("Espadrille {} size {}", i / 10, 35 + i % 10),
                prices[i]
            ])?;
        }
    }

    eprintln!("  order events …");
    // (local wall time, record id or 0 for a guest, channel)
    let mut events: Vec<(i64, u32, u8)> = Vec::new();
    let mut per_record: Vec<u64> = Vec::new();
    for (i, r) in records.iter().enumerate() {
        if r.orders == 0 {
            stats.records_without_orders += 1;
            continue;
        }
        let n = r.orders as u64;
        per_record.push(n);
        stats.orders_per_record[match n {
            1 => 0,
            2 => 1,
            3..=5 => 2,
            6..=20 => 3,
            _ => 4,
        }] += 1;
        stats.max_orders = stats.max_orders.max(n);
        let d0 = r.day as i64;
        let c = r.channel as usize;
        events.push((local_at(&mut rng, d0, c), i as u32 + 1, r.channel));
        // Repeat orders within a span that grows with how often the customer buys.
        let span = ((60.0 + 25.0 * n as f64) * (0.5 + rng.unit())) as i64;
        let span = span.min(DAYS - 1 - d0);
        for _ in 1..n {
            let d = d0 + rng.below(span as u64 + 1) as i64;
            events.push((local_at(&mut rng, d, c), i as u32 + 1, r.channel));
        }
    }
    stats.identified_orders = events.len() as u64;
    per_record.sort_unstable_by(|a, b| b.cmp(a));
    stats.top1_orders = per_record[..per_record.len().div_ceil(100)].iter().sum();
    drop(per_record);
    let guests =
        (stats.identified_orders as f64 * GUEST_SHARE / (1.0 - GUEST_SHARE)).round() as u64;
    for _ in 0..guests {
        let c = pick(&mut rng, &guest_channels);
        let d = pick(&mut rng, &days) as i64;
        events.push((local_at(&mut rng, d, c), 0, c as u8));
    }
    events.sort_unstable();
    let orders_total = events.len() as u64;
    if orders_total * 3 > args.lines * 2 {
        return Err(format!(
            "{} customer records make {} orders, too many for {} lines: pass fewer --customers",
            args.customers, orders_total, args.lines
        )
        .into());
    }

    eprintln!(
        "  {} orders and {} order lines …",
        group(orders_total),
        group(args.lines)
    );
    let mut order_stmt = conn.prepare(
        "INSERT INTO orders (id, channel_id, order_id, ordered_at, utc_offset, status, customer_record_id, currency,
                             shipping, refunded, cancelled_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut line_stmt = conn.prepare(
        "INSERT INTO order_lines (order_ref, channel_id, line_id, ordered_at, status, sku, quantity, unit_price,
                                  currency, discount, tax)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let return_p = RETURN_LINE_SHARE / (1.0 - RETURN_LINE_SHARE);
    let end_local = (first + DAYS) * 86_400;
    let mut order_numbers = [0u64; CHANNELS.len()];
    let mut written = 0u64;
    let mut next_report = 1_000_000u64;
    // (line id, sku index, quantity, unit price, discount, tax)
    let mut sale: Vec<(usize, i64, i64, i64, i64)> = Vec::new();
    for (k, &(local, record, c)) in events.iter().enumerate() {
        let c = c as usize;
        let (name, _, _, currency, prefix, ..) = CHANNELS[c];
        let gbp = currency == "GBP";
        let (at, offset) = madrid_to_utc(local);
        let at_text = instant_text(at);
        let orders_left = orders_total - k as u64;
        let remaining = args.lines - written;
        // Lines this order may take, leaving one for each order after it.
        let budget = remaining - (orders_left - 1);
        let cancelled = rng.chance(CANCELLED_SHARE);
        let zero_value = rng.chance(ZERO_VALUE_SHARE);
        let n_sale = if orders_left == 1 {
            remaining
        } else {
            // Geometric around the mean that lands on exactly `lines` at the end.
            let mean = remaining as f64 / orders_left as f64 / (1.0 + return_p) - 1.0;
            let q = (mean / (1.0 + mean)).clamp(0.0, 0.95);
            let extra = if q <= 0.0 {
                0
            } else {
                (rng.unit().max(1e-12).ln() / q.ln()) as u64
            };
            (1 + extra).min(12).min(budget)
        };
        sale.clear();
        for _ in 0..n_sale {
            let u = rng.unit();
            let s = ((u.powf(2.2)) * SKUS as f64) as usize;
            let quantity = match rng.below(100) {
                0..88 => 1,
                88..97 => 2,
                _ => 3,
            };
            let unit_price = if gbp {
                (prices[s] * 86 / 10_000) * 100 - 5
            } else {
                prices[s]
            };
            let amount = quantity * unit_price;
            let discount = if zero_value {
                amount
            } else if rng.chance(DISCOUNTED_LINE_SHARE) {
                amount * [10, 15, 20, 30][rng.below(4) as usize] / 100
            } else {
                0
            };
            let rate = if gbp { 20 } else { 21 };
            let tax = (amount - discount) * rate / (100 + rate);
            sale.push((s, quantity, unit_price, discount, tax));
        }
        let value: i64 = sale.iter().map(|l| l.1 * l.2 - l.3).sum();
        let refunded = if !cancelled && value > 0 && rng.chance(REFUNDED_SHARE) {
            (value * (5 + rng.below(26) as i64) / 100).max(100)
        } else {
            0
        };
        let shipping = match name {
            "amazon-es" | "ebay" | "pos" => 0,
            _ if value >= 5000 => 0,
            _ if gbp => 399,
            _ => 495,
        };
        order_numbers[c] += 1;
        let order_ref = k as i64 + 1;
        order_stmt.execute(params![
            order_ref,
            channel_ids[c],
            format!("{prefix}{:08}", order_numbers[c]),
            at_text,
            offset,
            if cancelled { "cancelled" } else { "fulfilled" },
            (record > 0).then_some(record as i64),
            currency,
            shipping,
            refunded,
            cancelled.then(|| instant_text(at + 3600 + rng.below(47 * 3600) as i64))
        ])?;
        stats.orders += 1;
        stats.guest_orders += (record == 0) as u64;
        stats.cancelled += cancelled as u64;
        stats.refunded += (refunded > 0) as u64;
        stats.zero_value += zero_value as u64;
        stats.gbp_orders += gbp as u64;
        let mut used = 0u64;
        for (i, &(s, quantity, unit_price, discount, tax)) in sale.iter().enumerate() {
            line_stmt.execute(params![
                order_ref,
                channel_ids[c],
                (i + 1).to_string(),
                at_text,
                if cancelled { "cancelled" } else { "fulfilled" },
                skus[s],
                quantity,
                unit_price,
                currency,
                discount,
                tax
            ])?;
            used += 1;
        }
        stats.sale_lines += used;
        // Returns, dated when the goods came back (3–45 days later, never after the data).
        if !cancelled && orders_left > 1 {
            for (i, &(s, quantity, unit_price, discount, tax)) in sale.iter().enumerate() {
                if used >= budget || !rng.chance(return_p) {
                    continue;
                }
                let back = local + (3 + rng.below(43) as i64) * 86_400 + rng.below(8 * 3600) as i64;
                if back >= end_local {
                    continue;
                }
                line_stmt.execute(params![
                    order_ref,
                    channel_ids[c],
                    format!("R{}", i + 1),
                    instant_text(madrid_to_utc(back).0),
                    "returned",
                    skus[s],
                    -quantity,
                    unit_price,
                    currency,
                    -discount,
                    -tax
                ])?;
                used += 1;
                stats.return_lines += 1;
            }
        }
        written += used;
        if written >= next_report {
            eprintln!("    {} lines", group(written));
            next_report += 1_000_000;
        }
    }
    drop(order_stmt);
    drop(line_stmt);
    stats.lines = written;
    eprintln!("  committing …");
    conn.execute_batch("COMMIT;")?;
    end_bulk_load(conn)?;
    Ok(stats)
}

struct Facts {
    total: u64,
    by_kind: [u64; 4],
    guest: u64,
    records: u64,
}

fn fact_counts(db: &Path) -> rusqlite::Result<Facts> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut facts = Facts {
        total: 0,
        by_kind: [0; 4],
        guest: 0,
        records: 0,
    };
    let mut stmt = conn.prepare(
        "SELECT kind, count(*), sum(customer_record_id = 0) FROM sales_facts GROUP BY kind",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (kind, n, guest): (i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
        facts.by_kind[kind.clamp(0, 3) as usize] += n as u64;
        facts.total += n as u64;
        facts.guest += guest as u64;
    }
    facts.records = conn.query_row(
        "SELECT count(*) FROM (SELECT DISTINCT customer_record_id FROM sales_facts WHERE customer_record_id <> 0)",
        [],
        |r| r.get::<_, i64>(0),
    )? as u64;
    Ok(facts)
}

// ---------------------------------------------------------------------------------------------
// Measuring

/// Output lines less the header.
fn count_rows(mut out: ChildStdout) -> Result<u64, String> {
    let mut rows = 0u64;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = out.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        rows += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
    }
    Ok(rows.saturating_sub(1))
}

struct Rebuilt {
    run: Measured,
    /// Seconds into the run when omni said the facts were rebuilt (the rest is its checks).
    rebuilt_at: Option<f64>,
    /// The facts were rebuilt by this process through the library.
    in_process: bool,
}

/// `omni doctor --rebuild-aggregates`, timed, with the moment its note arrives on stderr
/// (the rebuild done, the checks starting). Should the flag be missing (exit 2), the facts
/// are rebuilt here with `Store::rebuild_sales_facts`, the same SQL.
fn rebuild_facts(dir: &Path, db: &Path) -> Result<Rebuilt, String> {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_omni"))
        .arg("--db")
        .arg(db)
        .args(["doctor", "--rebuild-aggregates"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run omni: {e}"))?;
    let mut rebuilt_at = None;
    let mut text = String::new();
    if let Some(err) = child.stderr.take() {
        for line in BufReader::new(err).lines() {
            let line = line.map_err(|e| e.to_string())?;
            if line.contains("rebuilt the KPI aggregates") {
                rebuilt_at = Some(started.elapsed().as_secs_f64());
                eprintln!(
                    "  {line} ({:.1} s); checking …",
                    started.elapsed().as_secs_f64()
                );
            }
            text.push_str(&line);
            text.push('\n');
        }
    }
    let mut run = reap(&child, started)?;
    let code = run.code;
    let _ = std::fs::write(dir.join(STDERR), &text);
    if code == Some(2) {
        eprintln!(
            "omni doctor --rebuild-aggregates is not available ({}): rebuilding in this process",
            text.trim()
        );
        let started = Instant::now();
        let mut store = Store::open(db).map_err(|e| format!("{e:#}"))?;
        store.rebuild_sales_facts().map_err(|e| format!("{e:#}"))?;
        drop(store);
        run.secs = started.elapsed().as_secs_f64();
        run.code = Some(0);
        return Ok(Rebuilt {
            run,
            rebuilt_at: None,
            in_process: true,
        });
    }
    if code != Some(0) {
        eprintln!(
            "omni doctor --rebuild-aggregates exited {}: {}",
            code_text(code),
            text.trim()
        );
    }
    Ok(Rebuilt {
        run,
        rebuilt_at,
        in_process: false,
    })
}

/// Drops the store's pages from the page cache (POSIX_FADV_DONTNEED on the clean pages of
/// its files), so the next run reads them from disk: no root needed, nothing else evicted.
fn drop_from_page_cache(db: &Path) {
    for f in [db.to_path_buf(), db.with_file_name("omni.db-wal")] {
        if let Ok(file) = File::open(&f) {
            let _ = file.sync_all();
            // SAFETY: a valid descriptor of a file this process opened; advice only.
            unsafe {
                libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED);
            }
        }
    }
}

/// A read-only connection opened as omni opens one (no mutex, omni's cache size).
fn read_only(db: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.execute_batch("PRAGMA cache_size = -32768;")?;
    Ok(conn)
}

/// The summary by channel × month as one SQL statement: from the lines (what a merchant
/// would write against `omni sql`), and from the facts. Months in UTC: SQLite has no zone
/// database (omni cuts them in Europe/Madrid).
fn plain_sql(db: &Path) -> rusqlite::Result<Vec<(&'static str, f64, u64)>> {
    let conn = read_only(db)?;
    let queries: [(&'static str, &str); 3] = [
        (
            "order_lines ⋈ orders, GROUP BY channel, currency, UTC month",
            "SELECT o.channel_id, o.currency, substr(l.ordered_at, 1, 7) AS month,
                    count(DISTINCT CASE WHEN l.quantity > 0 THEN o.id END),
                    sum(max(l.quantity, 0)),
                    sum(CASE WHEN l.quantity > 0 THEN l.quantity * l.unit_price ELSE 0 END),
                    sum(CASE WHEN l.quantity > 0 THEN l.discount ELSE 0 END),
                    sum(CASE WHEN l.quantity < 0 THEN -l.quantity * l.unit_price - abs(l.discount) ELSE 0 END)
             FROM order_lines l JOIN orders o ON o.id = l.order_ref
             GROUP BY 1, 2, 3",
        ),
        (
            "sales_facts, GROUP BY channel, currency, UTC month",
            "SELECT channel_id, currency, strftime('%Y-%m', at, 'unixepoch'),
                    sum(kind = 0 AND units > 0), sum(units), sum(gross), sum(discounts), sum(returns)
             FROM sales_facts GROUP BY 1, 2, 3",
        ),
        (
            "sales_facts, count(*) (one full scan, nothing decoded)",
            "SELECT count(*) FROM sales_facts",
        ),
    ];
    let mut out = Vec::new();
    for (name, sql) in queries {
        let (secs, n) = time_query(&conn, sql, [])?;
        out.push((name, secs, n));
    }
    Ok(out)
}

/// A sink that only touches what it is given.
struct Noop(u64);

impl Sink for Noop {
    fn guest(&mut self, fact: &Fact) {
        self.0 += 1;
        black_box(fact);
    }

    fn customer(&mut self, _id: i64, facts: &[Fact]) {
        self.0 += facts.len() as u64;
        black_box(facts);
    }
}

/// The best of REPEAT runs of `step`, which returns its own seconds and a count.
fn best(mut step: impl FnMut() -> Result<(f64, u64), String>) -> Result<(f64, u64), String> {
    let mut out = (f64::INFINITY, 0);
    for _ in 0..REPEAT {
        let (secs, n) = step()?;
        out = (out.0.min(secs), n);
    }
    Ok(out)
}

/// Seconds of `f`, with the count it returns.
fn timed(f: impl FnOnce() -> Result<u64, String>) -> Result<(f64, u64), String> {
    let started = Instant::now();
    let n = f()?;
    Ok((started.elapsed().as_secs_f64(), n))
}

/// `f` called on each item, its results summed so that none is optimised away: the best
/// of REPEAT runs, with the count of items.
fn once_each<T: Copy>(items: &[T], f: impl Fn(T) -> i64) -> Result<(f64, u64), String> {
    best(|| {
        timed(|| {
            let mut sum = 0i64;
            for &x in items {
                sum = sum.wrapping_add(f(black_box(x)));
            }
            black_box(sum);
            Ok(items.len() as u64)
        })
    })
}

/// Where a report's time goes: each step alone, warm, the best of REPEAT runs.
fn breakdown(db: &Path) -> Result<Vec<(String, f64, u64)>, String> {
    let mut out: Vec<(String, f64, u64)> = Vec::new();
    let mut push = |name: &str, (secs, n): (f64, u64)| out.push((name.to_string(), secs, n));
    let sql_err = |e: rusqlite::Error| e.to_string();
    let any_err = |e: anyhow::Error| format!("{e:#}");
    let zone: chrono_tz::Tz = ZONE.parse().map_err(|e| format!("{e}"))?;
    push(
        "SQLite: the stream's SELECT, every row stepped, its 12 columns read",
        best(|| {
            let conn = read_only(db).map_err(sql_err)?;
            time_query(
                &conn,
                "SELECT customer_record_id, at, kind, channel_id, currency, units, gross, discounts,
                        returned_units, returns, cancelled, ordered_at
                 FROM sales_facts ORDER BY customer_record_id, at",
                [],
            )
            .map_err(sql_err)
        })?,
    );
    push(
        "SQLite: the same rows, only customer_record_id and at read",
        best(|| {
            let conn = read_only(db).map_err(sql_err)?;
            time_query(
                &conn,
                "SELECT customer_record_id, at FROM sales_facts ORDER BY customer_record_id, at",
                [],
            )
            .map_err(sql_err)
        })?,
    );
    // The packed histories, in stores whose schema has them.
    let tables: Vec<String> = {
        let conn = read_only(db).map_err(sql_err)?;
        let mut stmt = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%_histories'",
            )
            .map_err(sql_err)?;
        stmt.query_map([], |r| r.get(0))
            .map_err(sql_err)?
            .collect::<rusqlite::Result<_>>()
            .map_err(sql_err)?
    };
    for table in &tables {
        let sql = format!("SELECT * FROM {table}");
        push(
            &format!("SQLite: {table}, every row stepped, every column read"),
            best(|| {
                let conn = read_only(db).map_err(sql_err)?;
                time_query(&conn, &sql, []).map_err(sql_err)
            })?,
        );
    }
    let store = Store::open_read_only(db).map_err(any_err)?;
    push(
        "Store::identity_state (the latest merge run, the records it has not seen)",
        best(|| {
            timed(|| {
                let state = store.identity_state().map_err(any_err)?;
                Ok(state.map_or(0, |s| s.2) as u64)
            })
        })?,
    );
    push(
        "Store::shared_customers (records of merged customers, into a HashMap)",
        best(|| timed(|| Ok(store.shared_customers().map_err(any_err)?.len() as u64)))?,
    );
    push(
        "Calendar::new(Europe/Madrid) (zone changes 1900–2100, once per run)",
        best(|| {
            timed(|| {
                black_box(Calendar::new(zone));
                Ok(1)
            })
        })?,
    );
    let calendar = Calendar::new(zone);
    let ats: Vec<i64> = {
        let conn = read_only(db).map_err(sql_err)?;
        let mut stmt = conn
            .prepare("SELECT at FROM sales_facts ORDER BY customer_record_id, at")
            .map_err(sql_err)?;
        stmt.query_map([], |r| r.get(0))
            .map_err(sql_err)?
            .collect::<rusqlite::Result<_>>()
            .map_err(sql_err)?
    };
    push(
        "Calendar::day, once per fact",
        once_each(&ats, |at| calendar.day(at) as i64)?,
    );
    let days: Vec<i32> = ats.iter().map(|&a| calendar.day(a)).collect();
    drop(ats);
    push(
        "Period::Month.start, once per fact (SalesReport::key calls it 1–2×)",
        once_each(&days, |d| Period::Month.start(d) as i64)?,
    );
    drop(days);
    let ledger = Ledger::new(&store, calendar, false);
    push(
        "Ledger::stream into a sink that does nothing",
        best(|| {
            timed(|| {
                let mut noop = Noop(0);
                ledger.stream(&mut noop).map_err(any_err)?;
                Ok(black_box(noop.0))
            })
        })?,
    );
    push(
        "Ledger::stream into SalesReport (month × channel): groups",
        best(|| {
            timed(|| {
                let mut sales = SalesReport::new(Some(Period::Month), true, Window::default());
                ledger.stream(&mut sales).map_err(any_err)?;
                Ok(sales.groups.len() as u64)
            })
        })?,
    );
    push(
        "Ledger::stream into CustomerBase (customers, uplift, rfm, clv): rows",
        best(|| {
            timed(|| {
                let mut base = CustomerBase::new(Window::default());
                ledger.stream(&mut base).map_err(any_err)?;
                Ok(base.rows.iter().map(|r| r.len() as u64).sum())
            })
        })?,
    );
    push(
        "Ledger::stream into Cohorts (month): cohorts",
        best(|| {
            timed(|| {
                let mut cohorts = Cohorts::new(Period::Month, Window::default(), false);
                ledger.stream(&mut cohorts).map_err(any_err)?;
                Ok(cohorts.cohorts.len() as u64)
            })
        })?,
    );
    Ok(out)
}
