//! The import benchmark (docs/PERFORMANCE-import.md): generates a canonical sales CSV of N lines
//! with a seeded generator, times the real `omni import sales` on it in a fresh store (as a
//! child process, with its peak RSS), then times a bare loop in this process that parses the
//! same file with the csv crate and inserts every row with one prepared statement in one
//! transaction: the practical ceiling. Prints rows/s for both, their ratio and the peak memory,
//! and PASS/FAIL against the targets (omni at least 50% of the bare loop, under 150 MB).
//!
//! `cargo bench --bench import -- [--lines N] [--keep DIR]` (200,000 lines by default).
//! Exits 1 when a target or a correctness check fails.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use rusqlite::{Connection, params};

mod common;
use common::civil::civil_from_days;
use common::flags::{Flags, bench_main};
use common::omni::{Measured, reap, remove_store, work_dir};
use common::{SplitMix64, group, mix, verdict};

const DEFAULT_LINES: u64 = 200_000;
/// The generator's seed: the file for a given N never changes.
const SEED: u64 = 0x6f6d_6e69_5341_4c45;
const TARGET_RATIO: f64 = 0.50;
const TARGET_RSS_MB: f64 = 150.0;

const HEADER: &str = "order_id,line_id,channel,ordered_at,status,customer_id,customer_email,customer_phone,customer_name,sku,quantity,unit_price,currency,discount,tax,shipping";

fn main() -> ExitCode {
    bench_main(
        "import",
        "cargo bench --bench import -- [--lines N] [--keep DIR]",
        Args::parse,
        run,
    )
}

struct Args {
    lines: u64,
    keep: Option<PathBuf>,
}

impl Args {
    fn parse() -> Result<Args, String> {
        let mut args = Args {
            lines: DEFAULT_LINES,
            keep: None,
        };
        let mut flags = Flags::from_env();
        while let Some(flag) = flags.next_flag() {
            match flag.as_str() {
                "--lines" => {
                    let v = flags.value()?.replace('_', "");
                    args.lines = v
                        .parse()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or_else(|| format!("--lines {v}: not a positive number"))?;
                }
                "--keep" => args.keep = Some(PathBuf::from(flags.value()?)),
                other => return Err(format!("unknown argument {other}")),
            }
        }
        Ok(args)
    }
}

fn run(args: &Args) -> Result<bool, String> {
    let (dir, _temp) = work_dir(args.keep.as_deref(), "omni-import-bench")?;
    if args.keep.is_some() {
        remove_store(
            &dir,
            &[
                "bare.db",
                "bare.db-wal",
                "bare.db-shm",
                "omni-import.stderr",
            ],
        );
    }
    let csv_path = dir.join(format!("sales_{}.csv", args.lines));

    eprintln!(
        "generating {} sales lines into {} …",
        group(args.lines),
        csv_path.display()
    );
    let started = Instant::now();
    let stats = generate(&csv_path, args.lines).map_err(|e| format!("generating: {e}"))?;
    let gen_secs = started.elapsed().as_secs_f64();
    let file_mb = std::fs::metadata(&csv_path)
        .map_err(|e| e.to_string())?
        .len() as f64
        / 1e6;

    eprintln!("omni import sales …");
    let omni = time_omni(&dir, &csv_path)?;
    let stored_lines = omni_count(&dir.join("omni.db"), "SELECT count(*) FROM order_lines")?;
    let stored_orders = omni_count(&dir.join("omni.db"), "SELECT count(*) FROM orders")?;
    let omni_sums = omni_last_line(
        &dir.join("omni.db"),
        "SELECT sum(quantity), sum(unit_price), sum(discount), sum(tax) FROM order_lines",
    )?;

    eprintln!("bare csv + rusqlite loop …");
    let bare = time_bare(&dir.join("bare.db"), &csv_path)?;

    let n = args.lines as f64;
    let omni_rate = n / omni.secs;
    let bare_rate = n / bare.secs;
    let ratio = omni_rate / bare_rate;
    let ratio_ok = ratio >= TARGET_RATIO;
    let omni_rss_mb = mb(omni.peak_rss_mb);
    let rss_ok = omni_rss_mb < TARGET_RSS_MB;
    let lines_ok = stored_lines == args.lines && bare.rows == args.lines;
    let orders_ok = stored_orders == stats.orders;
    let sums_ok = omni_sums == bare.sums;
    let check = |ok: bool| if ok { "OK" } else { "MISMATCH" };

    println!("omni import benchmark (seeded generator, seed {SEED:#x})");
    println!(
        "lines            {:>12}   ({} orders, {} return lines, {} guest orders)",
        group(args.lines),
        group(stats.orders),
        group(stats.returns),
        group(stats.guests)
    );
    println!(
        "file             {file_mb:>9.1} MB   ({}, generated in {gen_secs:.1} s)",
        csv_path.file_name().unwrap_or_default().to_string_lossy()
    );
    println!(
        "omni import      {:>10.2} s   {:>9} rows/s   peak RSS {:.1} MB   (user {:.2} s, sys {:.2} s)",
        omni.secs,
        group(omni_rate.round() as u64),
        omni_rss_mb,
        omni.user_secs,
        omni.sys_secs
    );
    println!(
        "bare loop        {:>10.2} s   {:>9} rows/s   peak RSS {:.1} MB   (csv::Reader + 1 prepared INSERT, 1 transaction)",
        bare.secs,
        group(bare_rate.round() as u64),
        self_peak_rss_mb()
    );
    println!(
        "ratio omni/bare  {:>10.1} %   target >= {:.0} %     {}",
        ratio * 100.0,
        TARGET_RATIO * 100.0,
        verdict(ratio_ok)
    );
    println!(
        "omni peak RSS    {omni_rss_mb:>9.1} MB   target < {TARGET_RSS_MB:.0} MB     {}",
        verdict(rss_ok)
    );
    println!(
        "order_lines      {:>12}   (generated {}, bare table {})   {}",
        group(stored_lines),
        group(args.lines),
        group(bare.rows),
        check(lines_ok)
    );
    println!(
        "orders           {:>12}   (generated {})   {}",
        group(stored_orders),
        group(stats.orders),
        check(orders_ok)
    );
    let sums = if sums_ok {
        format!("omni = bare = {omni_sums}")
    } else {
        format!("omni {omni_sums}, bare {}", bare.sums)
    };
    println!(
        "line sums        (quantity, unit_price, discount, tax) {sums}   {}",
        check(sums_ok)
    );
    let all = ratio_ok && rss_ok && lines_ok && orders_ok && sums_ok;
    println!("result           {:>12}", verdict(all));
    if let Some(d) = &args.keep {
        println!("kept             {}", d.display());
    }
    Ok(all)
}

// ---------------------------------------------------------------------------------------
// The seeded generator.

/// SplitMix64: tiny, fast and fixed here, so the data never changes with a crate's version.
const SKUS: u64 = 20_000;
const CUSTOMERS: u64 = 80_000;
/// 2024-01-01T00:00:00Z and 18 months after it (2025-07-01).
const START: i64 = 1_704_067_200;
const SPAN: i64 = 547 * 86_400;
const VARIANTS: [&str; 5] = ["36", "38", "40", "AZU", "NEG"];
const CENTS: [i64; 5] = [0, 50, 90, 95, 99];
const FIRST: [(&str, &str); 16] = [
    ("Ana", "ana"),
    ("Luis", "luis"),
    ("María", "maria"),
    ("José", "jose"),
    ("Lucía", "lucia"),
    ("Javier", "javier"),
    ("Carmen", "carmen"),
    ("David", "david"),
    ("Marta", "marta"),
    ("Álvaro", "alvaro"),
    ("Laura", "laura"),
    ("Pablo", "pablo"),
    ("Begoña", "begona"),
    ("Sergio", "sergio"),
    ("Elena", "elena"),
    ("Nicolas", "nicolas"),
];
const LAST: [(&str, &str); 16] = [
    ("García", "garcia"),
    ("Martínez", "martinez"),
    ("López", "lopez"),
    ("Sánchez", "sanchez"),
    ("Pérez", "perez"),
    ("Gómez", "gomez"),
    ("Ruiz", "ruiz"),
    ("Núñez", "nunez"),
    ("Ibáñez", "ibanez"),
    ("Prieto", "prieto"),
    ("Ortega", "ortega"),
    ("Suárez", "suarez"),
    ("Fernández", "fernandez"),
    ("Moreno", "moreno"),
    ("Jiménez", "jimenez"),
    ("Bravo", "bravo"),
];

#[derive(Default)]
struct GenStats {
    orders: u64,
    returns: u64,
    guests: u64,
}

/// Writes a canonical sales CSV of exactly `lines` lines (plus the header): orders of 1–4
/// adjacent lines on web (50%), amazon-es (30%) and store-madrid (20%), placed in time order
/// over 18 months with a Madrid offset, ~20,000 SKUs (popular ones more often), ~5% guest
/// orders, ~3% return lines (negative quantity, status returned, a later time), EUR.
fn generate(path: &Path, lines: u64) -> std::io::Result<GenStats> {
    let mut rng = SplitMix64(SEED);
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    writeln!(out, "{HEADER}")?;
    let mut stats = GenStats::default();
    let (mut web_seq, mut amazon_seq, mut store_seq) = (0u64, 0u64, 0u64);
    let mut written = 0u64;
    let mut buf = String::with_capacity(256);
    while written < lines {
        let size = match rng.below(100) {
            0..=54 => 1,
            55..=79 => 2,
            80..=91 => 3,
            _ => 4,
        }
        .min(lines - written);
        let at = START
            + (written as i128 * SPAN as i128 / lines as i128) as i64
            + rng.below(3_600) as i64;
        let channel = match rng.below(10) {
            0..=4 => "web",
            5..=7 => "amazon-es",
            _ => "store-madrid",
        };
        let order_id = match channel {
            "web" => {
                web_seq += 1;
                (100_000 + web_seq).to_string()
            }
            "amazon-es" => {
                amazon_seq += 1;
                format!(
                    "40{}-{:07}-{:07}",
                    rng.below(10),
                    amazon_seq,
                    rng.below(10_000_000)
                )
            }
            _ => {
                store_seq += 1;
                format!("MAD-{store_seq:07}")
            }
        };
        let status = match rng.below(100) {
            0..=91 => "paid",
            92..=96 => "shipped",
            _ => "cancelled",
        };
        let guest = rng.per_mille(50);
        let customer = customer_fields(channel, rng.below(CUSTOMERS), guest);
        stats.orders += 1;
        stats.guests += guest as u64;
        let mut last_sku = None;
        for line in 1..=size {
            let is_return = line > 1 && rng.per_mille(60);
            let sku = match (is_return, last_sku) {
                (true, Some(s)) => s,
                _ => rng.below(SKUS).min(rng.below(SKUS)),
            };
            last_sku = Some(sku);
            let quantity: i64 = if is_return {
                -1
            } else {
                match rng.below(100) {
                    0..=79 => 1,
                    80..=94 => 2,
                    _ => 3,
                }
            };
            let price = unit_price(sku);
            let gross = price * quantity;
            let discount = (!is_return && rng.per_mille(80)).then_some(gross / 10);
            let net = gross - discount.unwrap_or(0);
            let tax = (net * 21 + net.signum() * 60) / 121;
            let (line_at, line_status) = if is_return {
                stats.returns += 1;
                (at + (7 + rng.below(24) as i64) * 86_400, "returned")
            } else {
                (at, status)
            };
            buf.clear();
            use std::fmt::Write as _;
            let _ = write!(buf, "{order_id},{line},{channel},");
            iso8601(&mut buf, line_at);
            let _ = write!(
                buf,
                ",{line_status},{customer},ALP-{:04}-{},{quantity},",
                sku / 5,
                VARIANTS[(sku % 5) as usize]
            );
            money(&mut buf, price);
            buf.push_str(",EUR,");
            if let Some(d) = discount {
                money(&mut buf, d);
            }
            buf.push(',');
            money(&mut buf, tax);
            buf.push(',');
            if line == 1 {
                match channel {
                    "web" if rng.per_mille(500) => buf.push_str("4.95"),
                    "store-madrid" => {}
                    _ => buf.push_str("0.00"),
                }
            }
            buf.push('\n');
            out.write_all(buf.as_bytes())?;
        }
        written += size;
    }
    out.flush()?;
    Ok(stats)
}

/// customer_id, customer_email, customer_phone, customer_name as each channel writes them.
fn customer_fields(channel: &str, c: u64, guest: bool) -> String {
    if guest {
        return ",,,".into();
    }
    let h = mix(c ^ 0x00c0_ffee);
    let (first, first_ascii) = FIRST[(h & 15) as usize];
    let (last, last_ascii) = LAST[((h >> 4) & 15) as usize];
    let (last2, _) = LAST[((h >> 8) & 15) as usize];
    let phone = if (h >> 12) % 10 < 6 {
        format!("+346{:08}", (h >> 20) % 100_000_000)
    } else {
        String::new()
    };
    let name = format!("{first} {last} {last2}");
    match channel {
        "web" => format!(
            "{},{first_ascii}.{last_ascii}{c}@example.com,{phone},{name}",
            10_000 + c
        ),
        "amazon-es" => format!(
            "A{:013X},{:014x}@marketplace.amazon.es,{phone},{name}",
            h >> 12,
            mix(h) >> 8
        ),
        _ => format!("LOY-{c:05},,{phone},{name}"),
    }
}

/// A SKU's price in cents, stable per SKU: 5.00 to 119.99.
fn unit_price(sku: u64) -> i64 {
    let h = mix(sku ^ 0x5ca1_ab1e);
    (5 + (h % 115) as i64) * 100 + CENTS[((h >> 16) % 5) as usize]
}

/// Cents as `34.90` / `-3.11`.
fn money(buf: &mut String, minor: i64) {
    use std::fmt::Write as _;
    let sign = if minor < 0 { "-" } else { "" };
    let a = minor.unsigned_abs();
    let _ = write!(buf, "{sign}{}.{:02}", a / 100, a % 100);
}

/// A UTC instant as Madrid local time with its offset (CEST April to October, roughly).
fn iso8601(buf: &mut String, utc: i64) {
    use std::fmt::Write as _;
    let (_, month, _) = civil_from_days(utc.div_euclid(86_400));
    let offset_h = if (4..=10).contains(&month) { 2 } else { 1 };
    let local = utc + offset_h * 3_600;
    let (y, m, d) = civil_from_days(local.div_euclid(86_400));
    let s = local.rem_euclid(86_400);
    let _ = write!(
        buf,
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+{offset_h:02}:00",
        s / 3_600,
        s / 60 % 60,
        s % 60
    );
}

// ---------------------------------------------------------------------------------------
// omni, as a child process.

/// MiB (as wait4 measures peak RSS) in the MB of 10^6 bytes this bench prints.
fn mb(mib: f64) -> f64 {
    mib * 1_048_576.0 / 1e6
}

fn omni_command(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_omni"));
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("OMNI_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("NO_COLOR", "1").arg("--db").arg(db);
    cmd
}

fn time_omni(dir: &Path, csv: &Path) -> Result<Measured, String> {
    let db = dir.join("omni.db");
    let init = omni_command(&db)
        .args([
            "-q",
            "init",
            "--timezone",
            "Europe/Madrid",
            "--currency",
            "EUR",
        ])
        .output()
        .map_err(|e| format!("cannot run omni: {e}"))?;
    if !init.status.success() {
        return Err(format!(
            "omni init failed: {}",
            String::from_utf8_lossy(&init.stderr)
        ));
    }
    let stderr_path = dir.join("omni-import.stderr");
    let stderr = File::create(&stderr_path).map_err(|e| e.to_string())?;
    let started = Instant::now();
    let child = omni_command(&db)
        .args(["-q", "import", "sales"])
        .arg(csv)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .map_err(|e| format!("cannot run omni: {e}"))?;
    let run = reap(&child, started)?;
    if run.code != Some(0) {
        return Err(format!(
            "omni import sales failed (wait status {}): {}",
            run.status,
            std::fs::read_to_string(&stderr_path).unwrap_or_default()
        ));
    }
    Ok(run)
}

/// This process's peak RSS so far (the generator streams, so it is the bare loop's).
fn self_peak_rss_mb() -> f64 {
    // SAFETY: rusage is plain data that getrusage fills.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: a valid pointer to a local.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return f64::NAN;
    }
    usage.ru_maxrss as f64 * 1024.0 / 1e6
}

/// One count through `omni sql`, as a user would check it.
fn omni_count(db: &Path, query: &str) -> Result<u64, String> {
    let line = omni_last_line(db, query)?;
    line.parse()
        .map_err(|_| format!("omni sql {query:?} printed {line:?}"))
}

/// The last line of `omni sql` CSV output (the one row of an aggregate).
fn omni_last_line(db: &Path, query: &str) -> Result<String, String> {
    let out = omni_command(db)
        .args(["--format", "csv", "sql", query])
        .output()
        .map_err(|e| format!("cannot run omni: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "omni sql failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .last()
        .map(|l| l.trim().to_string())
        .ok_or_else(|| format!("omni sql {query:?} printed nothing"))
}

// ---------------------------------------------------------------------------------------
// The bare loop: the practical ceiling.

struct BareRun {
    secs: f64,
    rows: u64,
    /// sum(quantity),sum(unit_price),sum(discount),sum(tax), as omni sql prints them.
    sums: String,
}

fn time_bare(db: &Path, csv_path: &Path) -> Result<BareRun, String> {
    let e = |e: rusqlite::Error| e.to_string();
    let started = Instant::now();
    let mut conn = Connection::open(db).map_err(e)?;
    // The pragmas omni's store uses.
    conn.pragma_update(None, "journal_mode", "WAL").map_err(e)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(e)?;
    conn.pragma_update(None, "foreign_keys", "ON").map_err(e)?;
    conn.pragma_update(None, "cache_size", -32768).map_err(e)?;
    conn.execute_batch(
        "CREATE TABLE sales (
            order_id TEXT, line_id TEXT, channel TEXT, ordered_at TEXT, status TEXT,
            customer_id TEXT, customer_email TEXT, customer_phone TEXT, customer_name TEXT,
            sku TEXT, quantity INTEGER, unit_price INTEGER, currency TEXT,
            discount INTEGER, tax INTEGER, shipping INTEGER)",
    )
    .map_err(e)?;
    let mut reader = csv::Reader::from_path(csv_path).map_err(|e| e.to_string())?;
    let mut record = csv::StringRecord::new();
    let mut rows = 0u64;
    let tx = conn.transaction().map_err(e)?;
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO sales VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )
            .map_err(e)?;
        while reader.read_record(&mut record).map_err(|e| e.to_string())? {
            let text = |i: usize| record.get(i).filter(|s| !s.is_empty());
            let minor = |i: usize| text(i).map(parse_minor);
            insert
                .execute(params![
                    text(0),
                    text(1),
                    text(2),
                    text(3),
                    text(4),
                    text(5),
                    text(6),
                    text(7),
                    text(8),
                    text(9),
                    text(10).and_then(|q| q.parse::<i64>().ok()),
                    minor(11),
                    text(12),
                    minor(13),
                    minor(14),
                    minor(15),
                ])
                .map_err(e)?;
            rows += 1;
        }
    }
    tx.commit().map_err(e)?;
    // Closing checkpoints the WAL, as omni's exit does.
    conn.close().map_err(|(_, err)| err.to_string())?;
    let secs = started.elapsed().as_secs_f64();
    let (stored, sums) = Connection::open(db)
        .and_then(|c| {
            c.query_row(
                "SELECT count(*), sum(quantity), sum(unit_price), sum(coalesce(discount, 0)), sum(tax) FROM sales",
                [],
                |r| {
                    let sums: Vec<String> = (1..5)
                        .map(|i| r.get::<_, i64>(i).map(|v| v.to_string()))
                        .collect::<Result<_, _>>()?;
                    Ok((r.get::<_, i64>(0)? as u64, sums.join(",")))
                },
            )
        })
        .map_err(e)?;
    if stored != rows {
        return Err(format!("bare loop read {rows} rows but stored {stored}"));
    }
    Ok(BareRun { secs, rows, sums })
}

/// `34.90` → 3490, `-3.11` → -311: the generator always writes two decimals.
fn parse_minor(s: &str) -> i64 {
    let mut v = 0i64;
    for b in s.bytes() {
        if b.is_ascii_digit() {
            v = v * 10 + i64::from(b - b'0');
        }
    }
    if s.starts_with('-') { -v } else { v }
}
