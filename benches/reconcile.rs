//! The reconcile benchmark (docs/PERFORMANCE-reconcile.md): builds a store of N SKUs, 3
//! locations, 8 channels and M order lines (the channels, locations, feeds and rules with the
//! real `omni`, the big tables straight into SQLite with a seeded generator), then times the real
//! `omni reconcile --format csv` as a child process with stdout to /dev/null, twice, and
//! `omni reconcile --all --format csv` once, each with its peak RSS (wait4). Prints the plan
//! rows per second, a breakdown of the SQL reconcile runs, and PASS/FAIL against the targets
//! (under 10 s, under 1 GB).
//!
//! `cargo bench --bench reconcile -- [--skus N] [--lines N] [--keep DIR [--reuse]]`
//! (200,000 SKUs and 5,000,000 lines by default). `--keep DIR` builds the store in DIR and
//! leaves it there; `--reuse` then skips the build when DIR holds a store of the same size.
//! Exits 1 when a target or a check fails.

use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::{ChildStdout, ExitCode};
use std::time::Instant;

use rusqlite::{Connection, OpenFlags, params};

mod common;
use common::civil::{days_from_civil, instant_text};
use common::flags::{Flags, bench_main};
use common::omni::{
    add_channel, code_text, end_bulk_load, ids_by_name, measure, omni, open_for_bulk_load,
    print_exit_codes, remove_store, reusable, store_size, time_query, work_dir,
};
use common::{SplitMix64, group, verdict};

const DEFAULT_SKUS: u64 = 200_000;
const DEFAULT_LINES: u64 = 5_000_000;
/// The generator's seed: the store for a given size never changes.
const SEED: u64 = 0x6f6d_6e69_5245_434f;
const TARGET_SECS: f64 = 10.0;
/// 1 GB, as MiB (ru_maxrss is in KiB on Linux).
const TARGET_RSS_MB: f64 = 1024.0;

/// Share of SKUs each channel lists, each location counts.
const LISTED_SHARE: f64 = 0.60;
const COUNTED_SHARE: f64 = 0.70;
/// Share of the order lines placed after the stock counts.
const AFTER_SHARE: f64 = 0.02;
const MAX_BUNDLES: u64 = 300;
/// The marker `--reuse` compares, written beside a kept store.
const MARKER: &str = "reconcile-bench.txt";
/// omni's stderr of the last timed run, beside the store.
const STDERR: &str = "reconcile.stderr";

/// 18 months of sales; the counts are taken 12 days before the last sale.
const FIRST_SALE: (i64, i64, i64) = (2024, 5, 1);
const COUNT_AT: (i64, i64, i64, i64) = (2025, 10, 20, 8);
const LAST_SALE: (i64, i64, i64, i64) = (2025, 10, 31, 20);

/// (name, kind, platform, order-id prefix, weight among the order lines)
const CHANNELS: [(&str, &str, Option<&str>, &str, u64); 8] = [
    ("web", "web", Some("shopify"), "W", 30),
    ("amazon-es", "marketplace", Some("amazon"), "402-", 20),
    ("ebay", "marketplace", Some("ebay"), "EB", 8),
    ("outlet", "web", Some("woocommerce"), "OUT", 6),
    ("tienda-fr", "web", Some("prestashop"), "FR", 6),
    ("mercadolibre", "marketplace", Some("mercadolibre"), "ML", 5),
    ("pos", "store", Some("square"), "TPV", 20),
    ("wholesale", "wholesale", None, "B2B", 5),
];

/// (name, kind, channels it feeds, in the order `omni locations add --feeds` appends them)
const LOCATIONS: [(&str, &str, &str); 3] = [
    (
        "warehouse",
        "warehouse",
        "web,amazon-es,ebay,outlet,tienda-fr,mercadolibre,wholesale",
    ),
    ("madrid", "store", "pos,web"),
    ("barcelona", "store", "pos,web"),
];

/// Channel rules set with `omni channels set`.
const CHANNEL_RULES: [&[&str]; 6] = [
    &[
        "web",
        "--sources",
        "warehouse,madrid,barcelona",
        "--sync-hours",
        "1",
    ],
    &["amazon-es", "--buffer", "2", "--sync-hours", "4"],
    &["ebay", "--percent", "80", "--max", "25"],
    &["mercadolibre", "--zero-at", "2", "--sync-hours", "12"],
    &["wholesale", "--percent", "50"],
    &["pos", "--sources", "madrid,barcelona"],
];

const MODELS: [&str; 6] = ["ALP", "BAM", "CUE", "DEP", "ESP", "FAL"];
const CANCELLED_SHARE: f64 = 0.015;
const RETURN_SHARE: f64 = 0.03;
const BUNDLE_SALE_SHARE: f64 = 0.005;

/// The full audit of the same store must take less than this (issue 6).
const AUDIT_TARGET_SECS: f64 = 15.0;

fn main() -> ExitCode {
    bench_main(
        "reconcile",
        "cargo bench --bench reconcile -- [--skus N] [--lines N] [--keep DIR [--reuse]]",
        Args::parse,
        run,
    )
}

struct Args {
    skus: u64,
    lines: u64,
    keep: Option<PathBuf>,
    reuse: bool,
}

impl Args {
    fn parse() -> Result<Args, String> {
        let mut args = Args {
            skus: DEFAULT_SKUS,
            lines: DEFAULT_LINES,
            keep: None,
            reuse: false,
        };
        let mut flags = Flags::from_env();
        while let Some(flag) = flags.next_flag() {
            match flag.as_str() {
                "--skus" => args.skus = flags.number(100)?,
                "--lines" => args.lines = flags.number(1)?,
                "--keep" => args.keep = Some(PathBuf::from(flags.value()?)),
                "--reuse" => args.reuse = true,
                other => return Err(format!("unknown argument {other}")),
            }
        }
        if args.reuse && args.keep.is_none() {
            return Err("--reuse needs --keep DIR".into());
        }
        Ok(args)
    }

    fn marker(&self) -> String {
        format!(
            "skus={} lines={} seed={SEED:#x} generator=1\n",
            self.skus, self.lines
        )
    }
}

fn run(args: &Args) -> Result<bool, String> {
    let (dir, _temp) = work_dir(args.keep.as_deref(), "omni-reconcile-bench")?;
    let db = dir.join("omni.db");
    let reused = args.reuse && reusable(&dir, MARKER, &args.marker());

    let (stats, build_secs) = if reused {
        eprintln!("reusing the store in {}", dir.display());
        (None, None)
    } else {
        remove_store(&dir, &[MARKER, STDERR]);
        let started = Instant::now();
        eprintln!("building the store in {} …", dir.display());
        setup_with_omni(&db)?;
        let stats = fill(&db, args).map_err(|e| format!("filling the store: {e}"))?;
        sku_rules_with_omni(&db)?;
        let secs = started.elapsed().as_secs_f64();
        std::fs::write(dir.join(MARKER), args.marker()).map_err(|e| e.to_string())?;
        (Some(stats), Some(secs))
    };
    let store_mb = store_size(&db) as f64 / 1e6;

    // What the plan holds, counted on a run of its own (stdout captured, not timed).
    eprintln!("counting the plan rows …");
    // A run of `omni --db DB ARGS`, stdout to /dev/null, or with `capture` its plan tallied.
    let stderr = dir.join(STDERR);
    let time_omni = |args: &[&str], capture| measure(&db, args, &stderr, capture, tally);
    let (counted, plan) = time_omni(&["reconcile", "--format", "csv"], true)?;
    let (counted_all, plan_all) = time_omni(&["reconcile", "--all", "--format", "csv"], true)?;

    let mut runs = Vec::new();
    for i in 1..=2 {
        eprintln!("timing omni reconcile --format csv ({i}/2) …");
        runs.push(time_omni(&["reconcile", "--format", "csv"], false)?.0);
    }
    eprintln!("timing omni reconcile --all --format csv …");
    let (all, _) = time_omni(&["reconcile", "--all", "--format", "csv"], false)?;

    // The audit (issue 6) on the same store: 200,000 SKUs × 8 channels with listings.
    eprintln!("timing omni audit --format csv …");
    let (audit, _) = time_omni(&["audit", "--format", "csv"], false)?;

    eprintln!("timing the SQL reconcile runs, one query at a time …");
    let breakdown = sql_breakdown(&db).map_err(|e| format!("SQL breakdown: {e}"))?;

    println!("omni reconcile benchmark (seeded generator, seed {SEED:#x})");
    match (&stats, build_secs) {
        (Some(s), Some(secs)) => {
            println!(
                "store            {} SKUs ({} bundles), {} locations, {} channels, {} order lines",
                group(args.skus),
                group(s.bundles),
                LOCATIONS.len(),
                CHANNELS.len(),
                group(args.lines)
            );
            println!(
                "                 {} listings, {} stock counts, {} orders, {} lines after the counts, {} returns, {} cancelled, {} with a location",
                group(s.listings),
                group(s.counts),
                group(s.orders),
                group(s.lines_after),
                group(s.returns),
                group(s.cancelled),
                group(s.located)
            );
            println!(
                "store file       {store_mb:>9.1} MB   (built in {secs:.1} s: omni init/channels/locations + rusqlite fill)"
            );
        }
        _ => {
            println!(
                "store            {} SKUs, {} locations, {} channels, {} order lines (reused from {})",
                group(args.skus),
                LOCATIONS.len(),
                CHANNELS.len(),
                group(args.lines),
                dir.display()
            );
            println!("store file       {store_mb:>9.1} MB");
        }
    }
    println!(
        "plan rows        {:>12}   (--all: {}; counted on separate runs with stdout captured)",
        group(plan.rows),
        group(plan_all.rows)
    );
    let actions: Vec<String> = plan
        .actions
        .iter()
        .map(|(a, n)| format!("{a} {}", group(*n)))
        .collect();
    println!(
        "                 {}; {} with oversell risk",
        actions.join(", "),
        group(plan.risks)
    );
    let mut all_ok = counted.code == Some(0) && counted_all.code == Some(0);
    for (i, r) in runs.iter().enumerate() {
        println!(
            "run {}            {:>10.2} s   {:>9} rows/s   peak RSS {:>7.1} MB   (user {:.2} s, sys {:.2} s)   exit {}",
            i + 1,
            r.secs,
            group((plan.rows as f64 / r.secs).round() as u64),
            r.peak_rss_mb,
            r.user_secs,
            r.sys_secs,
            code_text(r.code)
        );
        all_ok &= r.code == Some(0);
    }
    println!(
        "--all            {:>10.2} s   {:>9} rows/s   peak RSS {:>7.1} MB   (user {:.2} s, sys {:.2} s)   exit {}",
        all.secs,
        group((plan_all.rows as f64 / all.secs).round() as u64),
        all.peak_rss_mb,
        all.user_secs,
        all.sys_secs,
        code_text(all.code)
    );
    all_ok &= all.code == Some(0);
    println!(
        "audit            {:>10.2} s   target < {AUDIT_TARGET_SECS:.0} s {}   peak RSS {:>7.1} MB   (user {:.2} s, sys {:.2} s)   exit {}",
        audit.secs,
        if audit.secs < AUDIT_TARGET_SECS {
            "PASS"
        } else {
            "FAIL"
        },
        audit.peak_rss_mb,
        audit.user_secs,
        audit.sys_secs,
        code_text(audit.code)
    );
    all_ok &= audit.code == Some(0);
    let audit_ok = audit.secs < AUDIT_TARGET_SECS;
    println!("SQL of reconcile, run alone in this process (cache_size as omni's):");
    let mut sql_total = 0.0;
    for (name, secs, rows) in &breakdown {
        sql_total += secs;
        println!("  {name:<40} {secs:>7.2} s   {:>10} rows", group(*rows));
    }
    let worst_secs = runs.iter().map(|r| r.secs).fold(0.0, f64::max);
    let worst_rss = runs
        .iter()
        .map(|r| r.peak_rss_mb)
        .chain([all.peak_rss_mb])
        .fold(0.0, f64::max);
    let best_secs = runs.iter().map(|r| r.secs).fold(f64::INFINITY, f64::min);
    println!(
        "  {:<40} {sql_total:>7.2} s   (the rest of the fastest run, {:.2} s, is omni's own work: maps, plan, sort, CSV)",
        "total",
        (best_secs - sql_total).max(0.0)
    );
    let secs_ok = worst_secs < TARGET_SECS;
    let rss_ok = worst_rss < TARGET_RSS_MB;
    println!(
        "time             {worst_secs:>10.2} s   target < {TARGET_SECS:.0} s      {}   (slower of the two runs)",
        verdict(secs_ok)
    );
    println!(
        "peak RSS         {worst_rss:>9.1} MB   target < {TARGET_RSS_MB:.0} MB   {}   (largest of the three runs)",
        verdict(rss_ok)
    );
    print_exit_codes(all_ok, args.keep.is_some().then_some(&db));
    println!(
        "audit            {:>10.2} s   target < {AUDIT_TARGET_SECS:.0} s      {}",
        audit.secs,
        verdict(audit_ok)
    );
    Ok(secs_ok && rss_ok && all_ok && audit_ok)
}

// ---------------------------------------------------------------------------------------------
// Building the store

/// The store, its channels, locations, feeds and channel rules, as a merchant would set them.
fn setup_with_omni(db: &Path) -> Result<(), String> {
    omni(db, &["init", "--timezone", "UTC", "--currency", "EUR"])?;
    for (name, kind, platform, _, _) in CHANNELS {
        add_channel(db, name, kind, platform, None)?;
    }
    for (name, kind, feeds) in LOCATIONS {
        omni(
            db,
            &["locations", "add", name, "--kind", kind, "--feeds", feeds],
        )?;
    }
    for rule in CHANNEL_RULES {
        let mut a = vec!["channels", "set"];
        a.extend_from_slice(rule);
        omni(db, &a)?;
    }
    Ok(())
}

/// A few per-SKU overrides, set once the catalogue exists.
fn sku_rules_with_omni(db: &Path) -> Result<(), String> {
    let skus = [sku_name(0), sku_name(1), sku_name(2)];
    omni(
        db,
        &[
            "skus",
            "rule",
            &skus[0],
            "--channel",
            "amazon-es",
            "--buffer",
            "5",
        ],
    )?;
    omni(
        db,
        &["skus", "rule", &skus[1], "--channel", "ebay", "--max", "3"],
    )?;
    omni(
        db,
        &[
            "skus",
            "rule",
            &skus[2],
            "--channel",
            "web",
            "--percent",
            "50",
        ],
    )?;
    Ok(())
}

/// SplitMix64: tiny, fast, and the same sequence everywhere.
/// Ten sizes of each model: ALP-00000-35 … ; the models cycle through six prefixes.
fn sku_name(i: u64) -> String {
    let model = i / 10;
    format!(
        "{}-{model:05}-{}",
        MODELS[(model % MODELS.len() as u64) as usize],
        35 + i % 10
    )
}

fn bundle_name(k: u64) -> String {
    format!("KIT-{:04}", k + 1)
}

fn epoch(y: i64, m: i64, d: i64, h: i64) -> i64 {
    days_from_civil(y, m, d) * 86_400 + h * 3600
}

#[derive(Default)]
struct Stats {
    bundles: u64,
    listings: u64,
    counts: u64,
    orders: u64,
    lines_after: u64,
    returns: u64,
    cancelled: u64,
    located: u64,
}

/// Products, listings, stock counts, bundles, orders and order lines, in one transaction with
/// prepared statements, straight into the store omni created.
fn fill(db: &Path, args: &Args) -> rusqlite::Result<Stats> {
    // A bulk load, back to omni's WAL mode at the end.
    let mut conn = open_for_bulk_load(db)?;
    let channel_ids = ids_by_name(&conn, "channels", CHANNELS.iter().map(|c| c.0))?;
    let location_ids = ids_by_name(&conn, "locations", LOCATIONS.iter().map(|l| l.0))?;

    let mut rng = SplitMix64(SEED);
    let mut stats = Stats::default();
    let bundles = MAX_BUNDLES.min(args.skus / 100);
    let plain = args.skus - bundles;
    stats.bundles = bundles;
    let skus: Vec<String> = (0..plain)
        .map(sku_name)
        .chain((0..bundles).map(bundle_name))
        .collect();
    let first_sale = epoch(FIRST_SALE.0, FIRST_SALE.1, FIRST_SALE.2, 0);
    let (y, m, d, h) = COUNT_AT;
    let count_at = epoch(y, m, d, h);
    let (y, m, d, h) = LAST_SALE;
    let last_sale = epoch(y, m, d, h);
    let catalogue_at = instant_text(first_sale - 30 * 86_400);
    let count_text = instant_text(count_at);

    let tx = conn.transaction()?;
    let mut prices = Vec::with_capacity(skus.len());
    let mut product_ids = Vec::with_capacity(skus.len());
    {
        eprintln!("  products …");
        let mut stmt = tx.prepare(
            "INSERT INTO products (sku, title, barcode, brand, category, price, currency, status, url, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'EUR', ?7, ?8, ?9)",
        )?;
        for (i, sku) in skus.iter().enumerate() {
            let i = i as u64;
            let price = 1990 + 100 * rng.below(70) as i64;
            prices.push(price);
            let (title, category) = if i < plain {
                (
                    format!("Alpargata modelo {} talla {}", i / 10, 35 + i % 10),
                    "espadrilles",
                )
            } else {
                (format!("Kit regalo {}", i - plain + 1), "kits")
            };
            let status = if rng.chance(0.02) {
                "discontinued"
            } else {
                "active"
            };
            stmt.execute(params![
                sku,
                title,
                format!("84{:011}", 100_000_000 + i),
                ["Lucía", "Mar", "Costa"][(i % 3) as usize],
                category,
                price,
                status,
                format!("https://shop.example/p/{}", sku.to_lowercase()),
                catalogue_at
            ])?;
            product_ids.push(tx.last_insert_rowid());
        }
    }
    {
        eprintln!("  bundles …");
        let mut stmt = tx.prepare(
            "INSERT INTO bundle_components (bundle, component, quantity) VALUES (?1, ?2, ?3)",
        )?;
        for k in 0..bundles {
            let parts = 2 + rng.below(2);
            let mut used = Vec::new();
            while used.len() < parts as usize {
                let c = rng.below(plain);
                if !used.contains(&c) {
                    used.push(c);
                }
            }
            for c in used {
                stmt.execute(params![
                    bundle_name(k),
                    sku_name(c),
                    1 + rng.below(2) as i64
                ])?;
            }
        }
    }
    {
        eprintln!("  listings …");
        let mut stmt = tx.prepare(
            "INSERT INTO listings (channel_id, channel_sku, sku, product_id, title, price, currency, quantity, status,
                                   updated_at, mapped_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'EUR', ?7, ?8, ?9, 'sku')",
        )?;
        for &channel_id in &channel_ids {
            for (i, sku) in skus.iter().enumerate() {
                if !rng.chance(LISTED_SHARE) {
                    continue;
                }
                // A few listings carry no quantity, a few are paused, a few are duplicated.
                let copies = if rng.chance(0.002) { 2 } else { 1 };
                for copy in 0..copies {
                    let quantity = if rng.chance(0.03) {
                        None
                    } else {
                        Some(rng.below(40) as i64)
                    };
                    let status = if rng.chance(0.03) {
                        "inactive"
                    } else {
                        "active"
                    };
                    let channel_sku = if copy == 0 {
                        sku.clone()
                    } else {
                        format!("{sku}-B")
                    };
                    stmt.execute(params![
                        channel_id,
                        channel_sku,
                        sku,
                        product_ids[i],
                        sku,
                        prices[i],
                        quantity,
                        status,
                        catalogue_at
                    ])?;
                    stats.listings += 1;
                }
            }
        }
    }
    {
        eprintln!("  stock counts …");
        let mut stmt = tx.prepare(
            "INSERT INTO stock_levels (location_id, sku, on_hand, reserved, as_of) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for &location_id in &location_ids {
            for sku in &skus[..plain as usize] {
                if !rng.chance(COUNTED_SHARE) {
                    continue;
                }
                let on_hand = if rng.chance(0.15) {
                    0
                } else {
                    1 + rng.below(30) as i64
                };
                let reserved = if rng.chance(0.1) {
                    (1 + rng.below(3) as i64).min(on_hand)
                } else {
                    0
                };
                stmt.execute(params![location_id, sku, on_hand, reserved, count_text])?;
                stats.counts += 1;
            }
        }
    }
    {
        eprintln!("  orders and order lines …");
        let mut order_stmt = tx.prepare(
            "INSERT INTO orders (channel_id, order_id, ordered_at, utc_offset, status, currency, shipping, cancelled_at)
             VALUES (?1, ?2, ?3, '+00:00', ?4, 'EUR', ?5, ?6)",
        )?;
        let mut line_stmt = tx.prepare(
            "INSERT INTO order_lines (order_ref, channel_id, line_id, ordered_at, status, sku, quantity, unit_price,
                                      currency, discount, tax, location)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'EUR', ?9, ?10, ?11)",
        )?;
        let weight_total: u64 = CHANNELS.iter().map(|c| c.4).sum();
        let mut order_numbers = [0u64; CHANNELS.len()];
        let mut written = 0u64;
        let mut next_report = 1_000_000u64;
        let before = 1.0 - AFTER_SHARE;
        while written < args.lines {
            let n = match rng.below(100) {
                0..60 => 1,
                60..85 => 2,
                85..95 => 3,
                _ => 4 + rng.below(2),
            }
            .min(args.lines - written);
            // Placement spreads the lines evenly over the 18 months, the last AFTER_SHARE of
            // them after the counts.
            let f = written as f64 / args.lines as f64;
            let at = if f < before {
                first_sale + (f / before * (count_at - first_sale) as f64) as i64
            } else {
                count_at
                    + 1
                    + ((f - before) / AFTER_SHARE * (last_sale - count_at - 1) as f64) as i64
            };
            let at_text = instant_text(at);
            let mut pick = rng.below(weight_total);
            let c = CHANNELS
                .iter()
                .position(|ch| {
                    let hit = pick < ch.4;
                    pick = pick.saturating_sub(ch.4);
                    hit
                })
                .unwrap_or(0);
            let (name, _, _, prefix, _) = CHANNELS[c];
            order_numbers[c] += 1;
            let cancelled = rng.chance(CANCELLED_SHARE);
            order_stmt.execute(params![
                channel_ids[c],
                format!("{prefix}{:08}", order_numbers[c]),
                at_text,
                if cancelled { "cancelled" } else { "fulfilled" },
                if name == "pos" { 0 } else { 495 },
                cancelled.then_some(&at_text)
            ])?;
            let order_ref = tx.last_insert_rowid();
            stats.orders += 1;
            // Where the order was fulfilled, when the export says.
            let location = match name {
                "pos" => Some(if rng.chance(0.6) {
                    "madrid"
                } else {
                    "barcelona"
                }),
                "web" if rng.chance(0.1) => Some(if rng.chance(0.5) {
                    "madrid"
                } else {
                    "barcelona"
                }),
                "wholesale" if rng.chance(0.5) => Some("warehouse"),
                _ => None,
            };
            for line in 1..=n {
                let (sku_index, sku) = if rng.chance(BUNDLE_SALE_SHARE) && bundles > 0 {
                    let k = plain + rng.below(bundles);
                    (k as usize, &skus[k as usize])
                } else {
                    // Skewed: the first SKUs sell far more than the last.
                    let u = rng.unit();
                    let k = ((u * u) * plain as f64) as usize;
                    (k, &skus[k])
                };
                let returned = !cancelled && rng.chance(RETURN_SHARE);
                let quantity = if returned {
                    -1
                } else {
                    1 + (rng.chance(0.1) as i64)
                };
                let status = if cancelled {
                    "cancelled"
                } else if returned {
                    "returned"
                } else {
                    "fulfilled"
                };
                let unit_price = prices[sku_index];
                let discount = if rng.chance(0.1) { unit_price / 10 } else { 0 };
                line_stmt.execute(params![
                    order_ref,
                    channel_ids[c],
                    line.to_string(),
                    at_text,
                    status,
                    sku,
                    quantity,
                    unit_price,
                    discount,
                    (unit_price - discount) * 21 / 121,
                    location
                ])?;
                stats.returns += returned as u64;
                stats.cancelled += cancelled as u64;
                stats.located += location.is_some() as u64;
                stats.lines_after += (at > count_at) as u64;
            }
            written += n;
            if written >= next_report {
                eprintln!("    {} lines", group(written));
                next_report += 1_000_000;
            }
        }
    }
    eprintln!("  committing …");
    tx.commit()?;
    end_bulk_load(conn)?;
    Ok(stats)
}

// ---------------------------------------------------------------------------------------------
// Measuring

/// What the plan held, when stdout was captured.
#[derive(Default)]
struct Tally {
    rows: u64,
    risks: u64,
    actions: std::collections::BTreeMap<String, u64>,
}

/// The plan of `omni reconcile --format csv` (or `--all`) read from its stdout.
fn tally(out: ChildStdout) -> Result<Tally, String> {
    let mut tally = Tally::default();
    let mut reader = csv::Reader::from_reader(BufReader::with_capacity(1 << 20, out));
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (action, risk) = (column("action"), column("risk"));
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(|e| e.to_string())? {
        tally.rows += 1;
        if let Some(a) = action.and_then(|i| record.get(i)) {
            *tally.actions.entry(a.to_string()).or_default() += 1;
        }
        tally.risks += (risk.and_then(|i| record.get(i)) == Some("yes")) as u64;
    }
    Ok(tally)
}

/// The statements `src/store/reconcile.rs` runs on a big store, each timed alone on a
/// read-only connection with omni's cache size, stepping every row and reading its columns.
fn sql_breakdown(db: &Path) -> rusqlite::Result<Vec<(&'static str, f64, u64)>> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.execute_batch("PRAGMA cache_size = -32768;")?;
    let cancelled = "('cancelled', 'canceled', 'voided', 'cancelado', 'cancelada')";
    let reference: String = conn.query_row(
        "SELECT max(t) FROM (SELECT max(ordered_at) AS t FROM order_lines UNION ALL SELECT max(as_of) FROM stock_levels)",
        [],
        |r| r.get(0),
    )?;
    let velocity_since = chrono::DateTime::parse_from_rfc3339(&reference)
        .map(|t| {
            (t - chrono::Duration::days(28))
                .to_utc()
                .format("%Y-%m-%dT%H:%M:%SZ")
                .to_string()
        })
        .unwrap_or_else(|_| reference.clone());
    let earliest: String =
        conn.query_row("SELECT min(as_of) FROM stock_levels", [], |r| r.get(0))?;
    let queries: Vec<(&'static str, String, Option<String>)> = vec![
        (
            "latest_activity (max ordered_at, as_of)",
            "SELECT max(t) FROM (SELECT max(ordered_at) AS t FROM order_lines UNION ALL SELECT max(as_of) FROM stock_levels)".into(),
            None,
        ),
        (
            "units_sold_since (28-day velocity)",
            format!(
                "SELECT channel_id, sku, sum(quantity) FROM order_lines
                 WHERE quantity > 0 AND ordered_at > ?1 AND (status IS NULL OR status NOT IN {cancelled})
                 GROUP BY channel_id, sku ORDER BY channel_id, sku"
            ),
            Some(velocity_since),
        ),
        (
            "listing_rows",
            "SELECT l.channel_id, COALESCE(p.sku, l.sku, l.channel_sku), l.channel_sku, l.quantity, l.status,
                    l.price, l.currency, l.title
             FROM listings l LEFT JOIN products p ON p.id = l.product_id
             ORDER BY l.channel_id, l.channel_sku"
                .into(),
            None,
        ),
        (
            "product_statuses",
            "SELECT sku, COALESCE(status IN ('discontinued', 'archived', 'inactive'), 0) FROM products ORDER BY sku".into(),
            None,
        ),
        (
            "latest_snapshots",
            "SELECT location_id, sku, on_hand, reserved, as_of FROM stock_levels s
             WHERE NOT EXISTS (SELECT 1 FROM stock_levels t
                               WHERE t.location_id = s.location_id AND t.sku = s.sku AND t.as_of > s.as_of)
             ORDER BY location_id, sku"
                .into(),
            None,
        ),
        (
            "for_each_line_since (earliest count)",
            format!(
                "SELECT channel_id, sku, quantity, ordered_at, location FROM order_lines
                 WHERE ordered_at > ?1 AND (status IS NULL OR status NOT IN {cancelled})"
            ),
            Some(earliest),
        ),
    ];
    let mut out = Vec::new();
    for (name, sql, param) in queries {
        let (secs, n) = match &param {
            Some(p) => time_query(&conn, &sql, [p])?,
            None => time_query(&conn, &sql, [])?,
        };
        out.push((name, secs, n));
    }
    Ok(out)
}
