//! The customer-identity benchmark (README "Performance"): seeded retail customer records with
//! known truth (`common/people.rs`: 1–5 records per person across web, marketplaces and
//! stores, with households, namesakes, typos, nicknames, relay e-mails and the rest at the
//! rates it prints), linked by `omni`'s identity pipeline — normalization, exact keys,
//! blocking, scoring, clustering — and scored against the truth: pairwise and B-cubed
//! precision, recall and F1, the time, and the peak memory of a process that does only that.
//!
//! `cargo bench --bench identity -- [--records N…] [--seed S] [--threshold P] [--csv DIR]`
//! (10,000, 100,000 and 1,000,000 records by default). Each size runs in a child process so
//! its peak RSS is its own. `--csv DIR` also writes each data set with its truth, for
//! comparing other linkers on the same data. Exits 1 when a target fails: pairwise F1 ≥ 0.95
//! and B-cubed F1 ≥ 0.97 at 100,000 records; 1,000,000 records under 30 s and 2 GB.

use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use omni::domain::phone::Region;
use omni::identity::{self, DEFAULT_THRESHOLD, Options, Prior, SourceRecord};

mod common;
use common::people::{self, Rates, RawRecord};
use common::{group, timeval, wait4};

const DEFAULT_SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
const SEED: u64 = 20_261_123;
/// Records per person the generator averages (55/25/12/5/3 % with 1–5 records).
const RECORDS_PER_PERSON: f64 = 1.756;

fn source(i: usize, r: &RawRecord) -> SourceRecord {
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    SourceRecord {
        id: i as i64,
        channel: r.channel.to_string(),
        is_store: r.kind == "store",
        customer_id: opt(&r.customer_id),
        email: opt(&r.email),
        phone: opt(&r.phone),
        name: opt(&r.name),
        given_name: opt(&r.given_name),
        family_name: opt(&r.family_name),
        address: opt(&r.address),
        city: opt(&r.city),
        postcode: opt(&r.postcode),
        country: opt(&r.country),
    }
}

/// One size, in this process: prints one tab-separated result line.
fn run_one(records: usize, seed: u64, threshold: f64, csv: Option<PathBuf>) -> Result<(), String> {
    let persons = ((records as f64 / RECORDS_PER_PERSON).round() as usize).max(1);
    let t = Instant::now();
    let raw = people::generate(persons, seed, &Rates::default());
    people::sanity(&raw).or_else(|e| if persons < 20_000 { Ok(()) } else { Err(e) })?;
    let generated = t.elapsed().as_secs_f64();
    if let Some(dir) = csv {
        write_csv(&dir, &raw).map_err(|e| format!("--csv: {e}"))?;
    }
    let sources: Vec<SourceRecord> = raw.iter().enumerate().map(|(i, r)| source(i, r)).collect();
    let truth: Vec<u32> = raw.iter().map(|r| r.person).collect();
    drop(raw);
    let opts = Options {
        threshold,
        region: Region::parse("ES"),
        review_min: None,
    };
    let t = Instant::now();
    let (outcome, linker) = identity::link(&sources, &Prior::default(), &opts);
    let linked = t.elapsed().as_secs_f64();
    if std::env::var("IDENTITY_BENCH_DEBUG").is_ok() {
        let blank = |r: &SourceRecord| {
            [&r.name, &r.phone, &r.address, &r.given_name]
                .iter()
                .all(|v| {
                    v.as_deref()
                        .is_none_or(|s| s.trim().is_empty() || s.trim() == "--")
                })
                && r.email
                    .as_deref()
                    .is_none_or(|e| omni::domain::email::normalize(e).is_none())
        };
        let mut persons: std::collections::HashMap<u32, (u64, u64)> =
            std::collections::HashMap::new();
        for (r, t) in sources.iter().zip(&truth) {
            let e = persons.entry(*t).or_default();
            e.0 += 1;
            e.1 += u64::from(blank(r));
        }
        let unreachable: u64 = persons
            .values()
            .map(|(n, b)| b * (n - b) + b * b.saturating_sub(1) / 2)
            .sum();
        let blanks = sources.iter().filter(|r| blank(r)).count();
        eprintln!(
            "records without any identifying field but the channel id: {blanks}; true pairs involving them: {unreachable}"
        );
        let mut guards: std::collections::BTreeMap<String, (u64, u64)> =
            std::collections::BTreeMap::new();
        for (l, g) in &outcome.refused {
            let e = guards.entry(format!("{g:?}")).or_default();
            e.0 += 1;
            e.1 += u64::from(truth[l.a as usize] == truth[l.b as usize]);
        }
        for (g, (n, t)) in guards {
            eprintln!("refused by {g}: {n} links, {t} of them true");
        }
        let mut hist = [0u64; 6];
        let mut members: std::collections::HashMap<u32, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, t) in truth.iter().enumerate() {
            members.entry(*t).or_default().push(i);
        }
        for list in members.values() {
            for (x, &i) in list.iter().enumerate() {
                for &j in &list[x + 1..] {
                    if outcome.root[i] == outcome.root[j] {
                        continue;
                    }
                    let (_, w) = linker.explain(i, j);
                    let p = linker.model.probability(w.iter().sum());
                    let b = if p < 0.01 {
                        0
                    } else if p < 0.1 {
                        1
                    } else if p < 0.5 {
                        2
                    } else if p < 0.7 {
                        3
                    } else if p < 0.9 {
                        4
                    } else {
                        5
                    };
                    hist[b] += 1;
                }
            }
        }
        eprintln!(
            "missed true pairs by probability: <0.01 {} | <0.1 {} | <0.5 {} | <0.7 {} | <0.9 {} | >=0.9 {}",
            hist[0], hist[1], hist[2], hist[3], hist[4], hist[5]
        );
        eprintln!(
            "prior {:.1} bits",
            (linker.model.lambda / (1.0 - linker.model.lambda)).log2()
        );
        let nm = |i: u32| {
            let r = &sources[i as usize];
            format!(
                "{} [{} / {}] {}",
                r.name.as_deref().unwrap_or(""),
                r.given_name.as_deref().unwrap_or(""),
                r.family_name.as_deref().unwrap_or(""),
                r.channel
            )
        };
        for (l, g) in outcome
            .refused
            .iter()
            .filter(|(l, g)| {
                *g == identity::Guard::Conflict && truth[l.a as usize] == truth[l.b as usize]
            })
            .take(25)
        {
            eprintln!(
                "  {g:?} {:?} {:.1}: {} ~ {}",
                l.rule,
                l.weight,
                nm(l.a),
                nm(l.b)
            );
        }
    }
    if let Ok(k) = std::env::var("IDENTITY_BENCH_DEBUG") {
        debug_pairs(
            &sources,
            &truth,
            &outcome.root,
            &linker,
            k.parse().unwrap_or(10),
        );
    }
    drop(linker);
    let predicted: Vec<u64> = outcome.root.iter().map(|r| u64::from(*r)).collect();
    let s = people::score(&truth, &predicted);
    println!(
        "{}\t{persons}\t{generated:.2}\t{linked:.2}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{}\t{}\t{}",
        sources.len(),
        s.pairwise_precision,
        s.pairwise_recall,
        s.pairwise_f1,
        s.bcubed_precision,
        s.bcubed_recall,
        s.bcubed_f1,
        outcome.stats.candidate_pairs,
        s.true_pairs,
        s.predicted_pairs
    );
    Ok(())
}

/// Prints sample wrong links and missed pairs with their comparison (IDENTITY_BENCH_DEBUG=K).
fn debug_pairs(
    sources: &[SourceRecord],
    truth: &[u32],
    root: &[u32],
    linker: &identity::Linker,
    k: usize,
) {
    use std::collections::HashMap;
    let show = |i: usize| {
        let r = &sources[i];
        format!(
            "{} | {} | {} | {} | {} | {}",
            r.channel,
            r.name.as_deref().unwrap_or(""),
            r.email.as_deref().unwrap_or(""),
            r.phone.as_deref().unwrap_or(""),
            r.address.as_deref().unwrap_or(""),
            r.postcode.as_deref().unwrap_or("")
        )
    };
    let mut by_root: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut by_person: HashMap<u32, Vec<usize>> = HashMap::new();
    for i in 0..sources.len() {
        by_root.entry(root[i]).or_default().push(i);
        by_person.entry(truth[i]).or_default().push(i);
    }
    let mut wrong = 0;
    for members in by_root.values() {
        if wrong >= k {
            break;
        }
        for (x, &i) in members.iter().enumerate() {
            if let Some(&j) = members[x + 1..].iter().find(|&&j| truth[j] != truth[i]) {
                let (p, w) = linker.explain(i, j);
                eprintln!(
                    "FP (cluster of {}) {:?} {:?}\n   {}\n   {}",
                    members.len(),
                    p,
                    w.map(|x| (x * 10.0).round() / 10.0),
                    show(i),
                    show(j)
                );
                wrong += 1;
                break;
            }
        }
    }
    let mut missed = 0;
    for members in by_person.values() {
        if missed >= k {
            break;
        }
        for (x, &i) in members.iter().enumerate() {
            if let Some(&j) = members[x + 1..].iter().find(|&&j| root[j] != root[i]) {
                let (p, w) = linker.explain(i, j);
                eprintln!(
                    "FN {:?} {:?}\n   {}\n   {}",
                    p,
                    w.map(|x| (x * 10.0).round() / 10.0),
                    show(i),
                    show(j)
                );
                missed += 1;
                break;
            }
        }
    }
}

fn write_csv(dir: &std::path::Path, raw: &[RawRecord]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut w = csv::Writer::from_path(dir.join(format!("people-{}.csv", raw.len())))?;
    w.write_record([
        "record_id",
        "person",
        "channel",
        "customer_id",
        "email",
        "phone",
        "name",
        "given_name",
        "family_name",
        "address",
        "city",
        "postcode",
        "country",
    ])?;
    for (i, r) in raw.iter().enumerate() {
        w.write_record([
            &i.to_string(),
            &r.person.to_string(),
            r.channel,
            &r.customer_id,
            &r.email,
            &r.phone,
            &r.name,
            &r.given_name,
            &r.family_name,
            &r.address,
            &r.city,
            &r.postcode,
            &r.country,
        ])?;
    }
    w.flush()
}

struct Args {
    sizes: Vec<usize>,
    seed: u64,
    threshold: f64,
    csv: Option<PathBuf>,
    one: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        sizes: Vec::new(),
        seed: SEED,
        threshold: DEFAULT_THRESHOLD,
        csv: None,
        one: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--records" => {
                let v = value("--records")?;
                for n in v.split(',') {
                    args.sizes.push(
                        n.replace('_', "")
                            .parse()
                            .map_err(|_| format!("--records {v}"))?,
                    );
                }
            }
            "--seed" => args.seed = value("--seed")?.parse().map_err(|_| "--seed".to_string())?,
            "--threshold" => {
                args.threshold = value("--threshold")?
                    .parse()
                    .map_err(|_| "--threshold".to_string())?
            }
            "--csv" => args.csv = Some(PathBuf::from(value("--csv")?)),
            "--one" => args.one = true,
            "--bench" => {}
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if args.sizes.is_empty() {
        args.sizes = DEFAULT_SIZES.to_vec();
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("identity bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    if args.one {
        return match run_one(args.sizes[0], args.seed, args.threshold, args.csv) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("identity bench: {e}");
                ExitCode::FAILURE
            }
        };
    }
    println!(
        "# Customer identity benchmark (seed {}, threshold {})\n",
        args.seed, args.threshold
    );
    println!("{}", Rates::default().describe());
    println!(
        "| records | persons | link s | peak RSS MB | pairwise P | R | F1 | B³ P | R | F1 | candidate pairs |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut failed = false;
    for &n in &args.sizes {
        let exe = std::env::current_exe().expect("own path");
        let mut cmd = Command::new(exe);
        cmd.args([
            "--one",
            "--records",
            &n.to_string(),
            "--seed",
            &args.seed.to_string(),
        ])
        .args(["--threshold", &args.threshold.to_string()])
        .stdout(Stdio::piped());
        if let Some(dir) = &args.csv {
            cmd.arg("--csv").arg(dir);
        }
        // Reaped by wait4 below, which also gives its peak memory.
        #[allow(clippy::zombie_processes)]
        let mut child = cmd.spawn().expect("spawn the bench child");
        let pid = child.id() as libc::pid_t;
        let mut out = child.stdout.take().expect("child stdout");
        let mut text = String::new();
        std::io::Read::read_to_string(&mut out, &mut text).expect("read child");
        let (status, usage) = wait4(pid).expect("wait child");
        let rss_mb = usage.ru_maxrss as f64 / 1024.0;
        let f: Vec<&str> = text.trim().split('\t').collect();
        if status != 0 || f.len() < 13 {
            eprintln!("size {n}: the child failed ({status}): {text}");
            failed = true;
            continue;
        }
        let num = |i: usize| f[i].parse::<f64>().unwrap_or(f64::NAN);
        println!(
            "| {} | {} | {:.2} | {rss_mb:.0} | {} | {} | **{}** | {} | {} | **{}** | {} |",
            group(num(0) as u64),
            group(num(1) as u64),
            num(3),
            f[4],
            f[5],
            f[6],
            f[7],
            f[8],
            f[9],
            group(num(10) as u64)
        );
        let _ = timeval(usage.ru_utime);
        if (90_000..=110_000).contains(&n) && (num(6) < 0.95 || num(9) < 0.97) {
            eprintln!(
                "FAIL at {n}: pairwise F1 {} (target 0.95), B-cubed F1 {} (target 0.97)",
                f[6], f[9]
            );
            failed = true;
        }
        if n >= 1_000_000 && (num(3) >= 30.0 || rss_mb >= 2048.0) {
            eprintln!(
                "FAIL at {n}: {:.1} s (target 30), {rss_mb:.0} MB (target 2048)",
                num(3)
            );
            failed = true;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
