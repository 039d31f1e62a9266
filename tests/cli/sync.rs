//! Issue 8: the nightly sync, doctor and backup, with real processes.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::util::{Env, fixture, sales_lines, wait_output};

const PLAN: &str = r#"
inbox = "inbox"
settle_seconds = 600
log = "logs/sync.jsonl"
report = "reports/omni.html"
[[rule]]
pattern = "web/sales*.csv"
kind = "sales"
channel = "web"
[[rule]]
pattern = "web/listings*.csv"
kind = "catalog"
channel = "web"
[[rule]]
pattern = "stock/*.csv"
kind = "stock"
location = "warehouse"
[reconcile]
emit = "outbox"
[audit]
fail_on = "error"
"#;

/// Drops a file in the inbox, aged so it has settled (or fresh when `settled` is false).
fn drop_file(env: &Env, relative: &str, contents: &str, settled: bool) -> PathBuf {
    let path = env.path("inbox").join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, contents).unwrap();
    if settled {
        let f = std::fs::File::options().write(true).open(&path).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(3600))
            .unwrap();
    }
    path
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(
                    files_under(&p)
                        .into_iter()
                        .map(|f| format!("{}/{f}", e.file_name().to_string_lossy())),
                );
            } else {
                out.push(e.file_name().to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

fn last_log(env: &Env) -> serde_json::Value {
    let text = std::fs::read_to_string(env.path("logs/sync.jsonl")).unwrap();
    serde_json::from_str(text.lines().last().unwrap()).unwrap()
}

fn setup() -> Env {
    let env = Env::new();
    env.init();
    env.omni(&[
        "channels",
        "add",
        "web",
        "--kind",
        "web",
        "--currency",
        "EUR",
    ])
    .ok();
    env.omni(&["locations", "add", "warehouse", "--feeds", "web"])
        .ok();
    env.write("sync.toml", PLAN);
    std::fs::create_dir_all(env.path("inbox")).unwrap();
    env
}

#[test]
fn three_nights() {
    let env = setup();
    let day1 = std::fs::read_to_string(fixture("canonical/sales_day1.csv")).unwrap();
    // Night 1: sales, stock and listings land.
    drop_file(&env, "web/sales_1.csv", &day1, true);
    drop_file(
        &env,
        "stock/count.csv",
        "sku,on_hand,as_of\nALP-001,5,2025-03-01T00:00:00Z\nALP-002,4,2025-03-01T00:00:00Z\n",
        true,
    );
    drop_file(
        &env,
        "web/listings.csv",
        "sku,title,quantity\nALP-001,Alpargata,9\nALP-002,Bolso,4\n",
        true,
    );
    let run = env.omni(&["sync", "--plan", "sync.toml"]).ok();
    assert!(
        run.stderr
            .contains("sync: 3 imported (0 already seen), 0 failed"),
        "{}",
        run.stderr
    );
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "4");
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let archived = files_under(&env.path("archive"));
    assert_eq!(archived.len(), 3, "{archived:?}");
    assert!(
        archived.iter().all(|f| f.starts_with(&format!("{today}/"))),
        "{archived:?}"
    );
    assert_eq!(files_under(&env.path("inbox")), Vec::<String>::new());
    assert_eq!(files_under(&env.path("outbox")), ["web-quantities.csv"]);
    // ALP-001: 5 counted at 2025-03-01T00:00Z, 2 sold after it (order 1003 was cancelled) → 3,
    // listed 9 → lowered; ALP-002: 4 − 1 = 3, listed 4.
    let outbox = std::fs::read_to_string(env.path("outbox/web-quantities.csv")).unwrap();
    assert_eq!(
        outbox,
        "channel_sku,sku,quantity\nALP-001,ALP-001,3\nALP-002,ALP-002,3\n"
    );
    let log = last_log(&env);
    // The page is rewritten each run and the log says where.
    let page = std::fs::read_to_string(env.path("reports/omni.html")).unwrap();
    assert!(page.contains("<section id=\"sales\""));
    assert!(
        log["report"]
            .as_str()
            .unwrap()
            .ends_with("reports/omni.html")
    );
    assert_eq!(log["files"]["imported"], 3);
    assert_eq!(log["rows"]["read"], 8);
    assert_eq!(log["exit_code"], 0);
    assert!(log["actions_emitted"].as_u64().unwrap() >= 1);

    // Night 2: an overlapping export, a corrupt file, a file still being written.
    let day2 = std::fs::read_to_string(fixture("canonical/sales_day2_overlap.csv")).unwrap();
    drop_file(&env, "web/sales_2.csv", &day2, true);
    drop_file(
        &env,
        "web/sales_broken.csv",
        "order_id,ordered_at,sku,quantity,unit_price,currency\n9,2025-13-45,A,1,1.00,EUR\n",
        true,
    );
    drop_file(
        &env,
        "web/sales_3.csv",
        "order_id,ordered_at,sku,quantity,unit_price,currency\n",
        false,
    );
    let run = env.omni(&["sync", "--plan", "sync.toml"]).code(1);
    assert!(
        run.stderr
            .contains("sync: 1 imported (0 already seen), 1 failed, 1 waiting"),
        "{}",
        run.stderr
    );
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "8");
    assert_eq!(files_under(&env.path("inbox")), ["web/sales_3.csv"]);
    assert_eq!(
        files_under(&env.path("failed")),
        ["web/sales_broken.csv", "web/sales_broken.csv.reason.txt"]
    );
    let reason =
        std::fs::read_to_string(env.path("failed/web/sales_broken.csv.reason.txt")).unwrap();
    assert!(
        reason.contains("ordered_at \"2025-13-45\" is not a valid calendar date"),
        "{reason}"
    );
    assert_eq!(last_log(&env)["exit_code"], 1);

    // Night 3: the night-1 file dropped again is recognised and archived; nothing doubles.
    drop_file(&env, "web/sales_1_again.csv", &day1, true);
    let run = env.omni(&["sync", "--plan", "sync.toml"]).ok();
    run.says("sync: 1 imported (1 already seen)");
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "8");
    assert_eq!(files_under(&env.path("archive")).len(), 5);
    let log = std::fs::read_to_string(env.path("logs/sync.jsonl")).unwrap();
    assert_eq!(log.lines().count(), 3);
    // A dry run shows and moves nothing.
    drop_file(
        &env,
        "web/sales_4.csv",
        &day2.replace("1004", "4004").replace("1005", "4005"),
        true,
    );
    let run = env.omni(&["sync", "--plan", "sync.toml", "--dry-run"]).ok();
    assert!(
        run.stdout.contains("web/sales_4.csv,sales,imported"),
        "{}",
        run.stdout
    );
    assert_eq!(
        files_under(&env.path("inbox")),
        ["web/sales_3.csv", "web/sales_4.csv"]
    );
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "8");
    assert_eq!(
        std::fs::read_to_string(env.path("logs/sync.jsonl"))
            .unwrap()
            .lines()
            .count(),
        3
    );
}

/// Waits until another omni holds the store's write lock.
fn wait_for_lock(env: &Env) {
    let start = Instant::now();
    while std::fs::read_to_string(env.path("omni.db.lock"))
        .unwrap_or_default()
        .is_empty()
    {
        // Generous: on a loaded machine a debug build can take long to start.
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the lock was never taken"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn overlapping_syncs_and_a_killed_one() {
    let env = setup();
    drop_file(&env, "web/sales_big.csv", &sales_lines(150_000, None), true);
    let first = env.spawn(&["sync", "--plan", "sync.toml"]);
    wait_for_lock(&env);
    let second = env.omni(&["sync", "--plan", "sync.toml"]);
    let first = wait_output(first);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let second = second.fails_with(4, "locked by another omni (pid ");
    second.says("running `omni sync`");
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "150000");
    assert_eq!(env.scalar("SELECT count(*) FROM batches"), "1");

    // Killed in the middle of an import: the store is as before, the file still waits.
    drop_file(
        &env,
        "web/sales_big2.csv",
        &sales_lines(150_000, None).replace("O", "P"),
        true,
    );
    let mut child = env.spawn(&["sync", "--plan", "sync.toml"]);
    std::fs::write(env.path("omni.db.lock"), "").ok();
    wait_for_lock(&env);
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap();
    let _ = child.wait();
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "150000");
    assert_eq!(files_under(&env.path("inbox")), ["web/sales_big2.csv"]);
    env.omni(&["doctor"]).ok();
    let run = env.omni(&["sync", "--plan", "sync.toml"]).ok();
    run.says("sync: 1 imported");
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "300000");
}

#[test]
fn backup_while_an_import_runs_passes_doctor() {
    let env = setup();
    let big = env.write("big.csv", sales_lines(150_000, None));
    let import = env.spawn(&["import", "sales", big.to_str().unwrap()]);
    wait_for_lock(&env);
    let copy = env.path("copy.db");
    env.omni(&["backup", copy.to_str().unwrap()]).ok();
    assert!(wait_output(import).code == 0);
    let run = env.omni(&["--db", copy.to_str().unwrap(), "doctor"]).ok();
    assert!(run.stdout.contains("integrity,ok"), "{}", run.stdout);
    let lines: i64 = env
        .omni(&[
            "--db",
            copy.to_str().unwrap(),
            "sql",
            "SELECT count(*) FROM order_lines",
        ])
        .ok()
        .csv()[1][0]
        .parse()
        .unwrap();
    assert!(
        lines == 0 || lines == 150_000,
        "the copy holds all or none of the import: {lines}"
    );
    env.omni(&["backup", copy.to_str().unwrap()])
        .fails_with(1, "already exists: pass --force");
    env.omni(&["backup", "--force", copy.to_str().unwrap()])
        .ok();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn doctor_names_the_problem() {
    let env = setup();
    let f = env.fixture("canonical/sales_day1.csv");
    env.omni(&["import", "sales", f.to_str().unwrap()]).ok();
    env.omni(&["doctor"]).ok();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF; DELETE FROM orders WHERE order_id = '1002'")
        .unwrap();
    drop(conn);
    env.omni(&["doctor"])
        .fails_with(1, "1 order lines without their order");
}

#[test]
fn plans_are_checked() {
    let env = setup();
    env.write(
        "escape.toml",
        "inbox = \"../elsewhere\"\n[[rule]]\npattern = \"*\"\nkind = \"sales\"\n",
    );
    env.omni(&["sync", "--plan", "escape.toml"])
        .fails_with(1, "leaves the plan's folder");
    env.write("norule.toml", "inbox = \"inbox\"\n");
    env.omni(&["sync", "--plan", "norule.toml"])
        .fails_with(1, "has no [[rule]]");
    env.write(
        "typo.toml",
        "inbox = \"inbox\"\ninbx = 1\n[[rule]]\npattern = \"*\"\nkind = \"sales\"\n",
    );
    env.omni(&["sync", "--plan", "typo.toml"])
        .fails_with(1, "unknown field");
    let example = env.omni(&["sync", "--init-plan"]).ok().stdout;
    env.write("example.toml", &example);
    env.omni(&["sync", "--plan", "example.toml", "--dry-run"])
        .ok();
}

#[test]
fn a_batch_can_be_undone_unless_a_later_one_built_on_it() {
    let env = setup();
    let d1 = env.fixture("canonical/sales_day1.csv");
    let d2 = env.fixture("canonical/sales_day2_overlap.csv");
    env.omni(&["import", "sales", d1.to_str().unwrap()]).ok();
    let before = env.query("SELECT * FROM orders ORDER BY id");
    let lines_before = env.query("SELECT * FROM order_lines ORDER BY id");
    // Day 2 changes order 1001 (a return) and adds orders: undoing it restores day 1 exactly.
    let changed = env.write(
        "day2_changed.csv",
        std::fs::read_to_string(&d2).unwrap().replace(
            "1002,1,web,2025-03-02T12:30:00+01:00,paid",
            "1002,1,web,2025-03-02T12:30:00+01:00,refunded",
        ),
    );
    env.omni(&["import", "sales", changed.to_str().unwrap()])
        .ok();
    assert_eq!(
        env.scalar("SELECT status FROM orders WHERE order_id = '1002'"),
        "refunded"
    );
    env.omni(&["batches", "undo", "1"]).fails_with(
        1,
        "batch 2 changed rows that batch 1 wrote: undo batch 2 first",
    );
    let run = env.omni(&["batches", "undo", "2"]).ok();
    run.says("undid batch 2 (sales)");
    assert_eq!(env.query("SELECT * FROM orders ORDER BY id"), before);
    assert_eq!(
        env.query("SELECT * FROM order_lines ORDER BY id"),
        lines_before
    );
    // The undone file can be imported again.
    env.omni(&["import", "sales", changed.to_str().unwrap()])
        .ok();
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "8");
    env.omni(&["batches", "undo", "99"])
        .fails_with(1, "no batch 99");
}
