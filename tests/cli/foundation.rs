//! Issue 2, the foundation: store, import engine, data out, locking, demo, completions.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use crate::util::{Env, fixture, sales_lines, wait_output};

#[test]
fn init_is_idempotent_and_owner_only() {
    let env = Env::new();
    let first = env.omni(&["init", "--timezone", "Europe/Madrid"]).ok();
    assert!(first.stdout.starts_with("created "), "{}", first.stdout);
    let again = env.omni(&["init"]).ok();
    assert!(again.stdout.contains("already exists"), "{}", again.stdout);
    assert!(
        again.stdout.contains("Europe/Madrid"),
        "the zone setting survives a second init: {}",
        again.stdout
    );
    let mode = std::fs::metadata(env.db()).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn a_store_from_a_newer_omni_is_refused() {
    let env = Env::new();
    env.init();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute(
        "INSERT INTO migrations (version, name, applied_at) VALUES (999, 'future', 'now')",
        [],
    )
    .unwrap();
    drop(conn);
    env.omni(&["channels", "list"])
        .fails_with(1, "written by a newer omni (schema version 999");
    env.omni(&["init"]).fails_with(1, "newer omni");
}

#[test]
fn commands_without_a_store_say_how_to_make_one() {
    let env = Env::new();
    env.omni(&["channels", "list"])
        .fails_with(1, "run `omni init` first");
}

#[test]
fn channels_and_locations() {
    let env = Env::new();
    env.init();
    env.omni(&[
        "channels",
        "add",
        "web",
        "--kind",
        "web",
        "--currency",
        "eur",
    ])
    .ok();
    env.omni(&[
        "channels",
        "add",
        "amazon-es",
        "--kind",
        "marketplace",
        "--platform",
        "amazon",
    ])
    .ok();
    env.omni(&["channels", "add", "web", "--kind", "web"])
        .fails_with(1, "already exists");
    env.omni(&[
        "locations",
        "add",
        "madrid",
        "--kind",
        "store",
        "--feeds",
        "web,amazon-es",
    ])
    .ok();
    env.omni(&["locations", "add", "nowhere", "--feeds", "tiktok"])
        .fails_with(1, "no channel named tiktok");
    let list = env.omni(&["channels", "list"]).ok().csv();
    assert_eq!(
        list[0],
        [
            "name", "kind", "platform", "currency", "sources", "listings", "orders", "rules"
        ]
    );
    let rules = "buffer 0, 100%, 0 at ≤ 0, sync 24 h";
    assert_eq!(
        list[1],
        [
            "amazon-es",
            "marketplace",
            "amazon",
            "",
            "madrid",
            "0",
            "0",
            rules
        ]
    );
    assert_eq!(
        list[2],
        ["web", "web", "", "EUR", "madrid", "0", "0", rules]
    );
    let locs = env.omni(&["locations", "list"]).ok().csv();
    assert_eq!(locs[1][..3], ["madrid", "store", "amazon-es,web"]);
}

#[test]
fn removing_a_channel_with_data_needs_force_and_says_what_goes() {
    let env = Env::new();
    env.init();
    let f = env.fixture("canonical/sales_day1.csv");
    env.omni(&["import", "sales", f.to_str().unwrap()]).ok();
    env.omni(&["channels", "remove", "web"]).fails_with(
        1,
        "4 order lines, 3 orders, 2 customer records: pass --force",
    );
    let run = env.omni(&["channels", "remove", "web", "--force"]).ok();
    assert!(
        run.stderr
            .contains("removed channel web and its 4 order lines, 3 orders, 2 customer records"),
        "{}",
        run.stderr
    );
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "0");
}

#[test]
fn an_unknown_channel_is_created_only_when_its_kind_is_clear() {
    let env = Env::new();
    env.init();
    let f = env.fixture("canonical/sales_day1.csv");
    let run = env.omni(&["import", "sales", f.to_str().unwrap()]).ok();
    run.says("created channel web (web)");
    let odd = env.write("odd.csv", "order_id,channel,ordered_at,sku,quantity,unit_price,currency\n1,lucia-outlet,2025-01-01,A,1,3.00,EUR\n");
    env.omni(&["import", "sales", odd.to_str().unwrap()])
        .fails_with(1, "omni channels add lucia-outlet --kind");
}

#[test]
fn reimporting_the_same_file_changes_nothing() {
    let env = Env::new();
    env.init();
    let f = env.fixture("canonical/sales_day1.csv");
    let f = f.to_str().unwrap();
    env.omni(&["import", "sales", f]).ok();
    let before = env.query("SELECT * FROM orders ORDER BY id");
    let lines_before = env.query("SELECT * FROM order_lines ORDER BY id");
    let run = env.omni(&["import", "sales", f]).ok();
    run.says("already imported as batch 1");
    assert_eq!(env.query("SELECT * FROM orders ORDER BY id"), before);
    assert_eq!(
        env.query("SELECT * FROM order_lines ORDER BY id"),
        lines_before
    );
    assert_eq!(env.scalar("SELECT count(*) FROM batches"), "1");
}

#[test]
fn an_overlapping_export_adds_only_the_new_lines() {
    let env = Env::new();
    env.init();
    let d1 = env.fixture("canonical/sales_day1.csv");
    let d2 = env.fixture("canonical/sales_day2_overlap.csv");
    env.omni(&["import", "sales", d1.to_str().unwrap()]).ok();
    let run = env.omni(&["import", "sales", d2.to_str().unwrap()]).ok();
    assert!(
        run.stderr
            .contains("6 rows read, 4 new, 0 updated, 2 unchanged, 0 rejected"),
        "{}",
        run.stderr
    );
    assert_eq!(env.scalar("SELECT count(*) FROM orders"), "5");
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "8");
    // The return line joins its order; the order keeps its placement time and shipping.
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_ref WHERE o.order_id = '1001'"), "3");
    assert_eq!(
        env.scalar("SELECT ordered_at || ' ' || shipping FROM orders WHERE order_id = '1001'"),
        "2025-03-01T09:00:00Z 495"
    );
    // Sales of day 1: 2×34.90 + 19.90 + 59.00 + 34.90 (EXPECTED.md).
    assert_eq!(
        env.scalar("SELECT sum(quantity * unit_price) FROM order_lines WHERE batch_id = 1"),
        "18360"
    );
    // Customers are one record per channel identity, whatever the number of orders.
    assert_eq!(env.scalar("SELECT count(*) FROM customer_records"), "3");
}

#[test]
fn one_bad_row_among_thousands_aborts_and_lands_nothing() {
    let env = Env::new();
    env.init();
    let good = env.write("good.csv", sales_lines(500, None));
    env.omni(&["import", "sales", good.to_str().unwrap()]).ok();
    let snapshot = || {
        (
            env.query("SELECT count(*), sum(quantity), sum(unit_price) FROM order_lines"),
            env.query("SELECT count(*) FROM orders"),
            env.query("SELECT count(*) FROM batches"),
        )
    };
    let before = snapshot();
    let bad = env.write("bad.csv", sales_lines(3000, Some(1500)));
    let run = env
        .omni(&["import", "sales", bad.to_str().unwrap()])
        .fails_with(1, "1 bad row of 3000 (the first: line 1500:6: quantity \"x3\" is not a number); nothing was imported");
    assert!(
        run.stderr
            .contains("bad.csv:1500:6: quantity \"x3\" is not a number"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(), before, "the store is unchanged");

    let rejects = env.path("r.csv");
    let run = env
        .omni(&[
            "import",
            "sales",
            bad.to_str().unwrap(),
            "--on-error",
            "skip",
            "--rejects",
            rejects.to_str().unwrap(),
        ])
        .ok();
    run.says("1 bad row written to");
    assert!(
        run.stderr
            .contains("3000 rows read, 2499 new, 0 updated, 500 unchanged, 1 rejected"),
        "{}",
        run.stderr
    );
    let text = std::fs::read_to_string(&rejects).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "line,reason,order_id,line_id,channel,ordered_at,sku,quantity,unit_price,currency"
    );
    let row = lines.next().unwrap();
    assert!(
        row.starts_with("1500,\"quantity \"\"x3\"\" is not a number\",O749,1,web,"),
        "{row}"
    );
    assert!(lines.next().is_none());
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "2999");
}

#[test]
fn every_bad_row_is_listed_up_to_twenty_then_counted() {
    let env = Env::new();
    env.init();
    let mut text = String::from("order_id,channel,ordered_at,sku,quantity,unit_price,currency\n");
    for i in 0..25 {
        text.push_str(&format!("{i},web,2025-02-30,A,1,1.00,EUR\n"));
    }
    let f = env.write("dates.csv", text);
    let run = env
        .omni(&["import", "sales", f.to_str().unwrap()])
        .fails_with(1, "25 bad rows of 25");
    let listed = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning:") && l.contains("is not a valid calendar date"));
    assert_eq!(listed.count(), 20);
    run.says("… and 5 more bad rows");
}

#[test]
fn windows_1252_semicolons_and_decimal_commas_match_the_utf8_bom_file() {
    let contents = |file: &str| {
        let env = Env::new();
        env.init();
        let f = env.fixture(file);
        env.omni(&[
            "import",
            "sales",
            "--channel",
            "store-madrid",
            f.to_str().unwrap(),
        ])
        .ok();
        let lines = env.query(
            "SELECT o.order_id, l.line_id, l.ordered_at, l.sku, l.quantity, l.unit_price, l.discount, l.tax, l.currency
             FROM order_lines l JOIN orders o ON o.id = l.order_ref ORDER BY l.id",
        );
        let people = env.query("SELECT record_key, name, phone FROM customer_records ORDER BY id");
        (lines, people)
    };
    let (lines, people) = contents("canonical/sales_es_cp1252.csv");
    assert_eq!(
        lines,
        "order_id,line_id,ordered_at,sku,quantity,unit_price,discount,tax,currency\n\
         MAD-1,1,2025-12-31T09:00:00Z,ALP-001,2,1250,0,434,EUR\n\
         MAD-1,2,2025-12-31T09:00:00Z,ALP-BIG,1,123456,3456,21427,EUR\n\
         MAD-2,1,2026-01-02T16:30:00Z,ALP-002,1,1990,90,330,EUR\n\
         MAD-3,1,2026-01-03T08:05:00Z,ALP-001,-1,1250,0,-217,EUR\n"
    );
    assert!(people.contains("José María Núñez"), "{people}");
    assert!(people.contains("Begoña Ibáñez"), "{people}");
    assert_eq!(contents("canonical/sales_es_utf8_bom.csv"), (lines, people));
}

#[test]
fn utf16_with_bom_imports_like_utf8() {
    let env = Env::new();
    env.init();
    let text = "sku,title,price,currency\nA-1,Cuenco cerámica,12.50,EUR\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let f = env.write("utf16.csv", bytes);
    env.omni(&["import", "catalog", f.to_str().unwrap()]).ok();
    assert_eq!(
        env.scalar("SELECT title || ' ' || price FROM products"),
        "Cuenco cerámica 1250"
    );
}

#[test]
fn stdin_is_read_with_a_dash() {
    let env = Env::new();
    env.init();
    let data = std::fs::read(fixture("canonical/sales_day1.csv")).unwrap();
    let run = env
        .omni_stdin(&["import", "sales", "--channel", "web", "-"], &data)
        .ok();
    run.says("<stdin>: 4 rows read, 4 new");
    // The same bytes again through stdin are recognised by their hash.
    let again = env
        .omni_stdin(&["import", "sales", "--channel", "web", "-"], &data)
        .ok();
    again.says("already imported as batch 1");
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "4");
    env.omni(&["import", "sales", "-", "-"])
        .fails_with(2, "read only once");
}

#[test]
fn catalog_stock_and_customers_import() {
    let env = Env::new();
    env.init();
    let cat = env.fixture("canonical/catalog_master.csv");
    env.omni(&["import", "catalog", cat.to_str().unwrap()]).ok();
    assert_eq!(
        env.scalar(
            "SELECT price || ' ' || currency || ' ' || barcode FROM products WHERE sku = 'alp-001'"
        ),
        "3490 EUR 08412345678905"
    );
    assert_eq!(
        env.scalar("SELECT status FROM products WHERE sku = 'ALP-004'"),
        "discontinued"
    );
    let stock = env.fixture("canonical/stock_madrid.csv");
    env.omni(&["import", "stock", stock.to_str().unwrap()])
        .fails_with(1, "missing required column location (or pass --location)");
    let run = env
        .omni(&[
            "import",
            "stock",
            "--location",
            "madrid",
            stock.to_str().unwrap(),
        ])
        .ok();
    run.says("created location madrid");
    assert_eq!(
        env.scalar("SELECT sum(on_hand) || '/' || sum(reserved) FROM stock_levels"),
        "7/1"
    );
    let cust = env.fixture("canonical/customers_web.csv");
    env.omni(&["import", "customers", cust.to_str().unwrap()])
        .fails_with(2, "needs --channel");
    env.omni(&["channels", "add", "web", "--kind", "web"]).ok();
    env.omni(&[
        "import",
        "customers",
        "--channel",
        "web",
        cust.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(env.scalar("SELECT count(*) FROM customer_records"), "3");
    assert_eq!(
        env.scalar("SELECT postcode FROM customer_records WHERE customer_id = 'C1'"),
        "28013"
    );
    assert_eq!(
        env.scalar("SELECT name FROM customer_records WHERE customer_id = 'C1'"),
        "Ana Ruiz"
    );
}

#[test]
fn listings_link_to_master_products_case_insensitively() {
    let env = Env::new();
    env.init();
    let listings = env.write(
        "amazon.csv",
        "sku,channel_sku,title,price,currency,quantity\nalp-001,AMZ-1,Alpargata,39.90,EUR,4\nZZZ-9,AMZ-9,Orphan,5.00,EUR,1\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--channel",
        "amazon-es",
        listings.to_str().unwrap(),
    ])
    .ok();
    let cat = env.fixture("canonical/catalog_master.csv");
    env.omni(&["import", "catalog", cat.to_str().unwrap()]).ok();
    assert_eq!(
        env.query("SELECT l.channel_sku, p.sku FROM listings l LEFT JOIN products p ON p.id = l.product_id ORDER BY l.id"),
        "channel_sku,sku\nAMZ-1,ALP-001\nAMZ-9,\n"
    );
}

#[test]
fn ambiguous_dates_and_amounts_name_the_column_and_the_fix() {
    let env = Env::new();
    env.init();
    let dates = env.write("d.csv", "order_id,channel,ordered_at,sku,quantity,unit_price,currency\n1,web,03/04/2025,A,1,1.00,EUR\n");
    let run = env
        .omni(&["import", "sales", dates.to_str().unwrap()])
        .fails_with(1, "nothing was imported");
    assert!(
        run.stderr
            .contains("d.csv:2:3: ordered_at \"03/04/2025\" is ambiguous"),
        "{}",
        run.stderr
    );
    run.says("--date-format");
    env.omni(&[
        "import",
        "sales",
        "--date-format",
        "%d/%m/%Y",
        dates.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(
        env.scalar("SELECT ordered_at FROM orders"),
        "2025-04-02T22:00:00Z"
    );

    let amounts = env.write("a.csv", "order_id,channel,ordered_at,sku,quantity,unit_price,currency\n9,web,2025-01-01,A,1,\"1,234\",EUR\n");
    let run = env
        .omni(&["import", "sales", amounts.to_str().unwrap()])
        .fails_with(1, "nothing was imported");
    run.says("unit_price \"1,234\" is ambiguous");
    env.omni(&[
        "import",
        "sales",
        "--decimal",
        "dot",
        amounts.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(env.scalar("SELECT unit_price FROM order_lines WHERE sku = 'A' AND quantity = 1 AND unit_price > 1000"), "123400");
}

#[test]
fn dry_run_writes_nothing() {
    let env = Env::new();
    let f = env.fixture("canonical/sales_day1.csv");
    let run = env
        .omni(&["import", "sales", "--dry-run", f.to_str().unwrap()])
        .ok();
    run.says("would add 4");
    assert!(!env.db().exists(), "a dry run creates no store");
    env.init();
    env.omni(&["import", "sales", "--dry-run", f.to_str().unwrap()])
        .ok();
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "0");
    assert_eq!(env.scalar("SELECT count(*) FROM batches"), "0");
    assert_eq!(env.scalar("SELECT count(*) FROM channels"), "0");
}

#[test]
fn broken_inputs_fail_with_one_clear_line() {
    let env = Env::new();
    env.init();
    let empty = env.write("empty.csv", "");
    env.omni(&["import", "sales", empty.to_str().unwrap()])
        .fails_with(1, "empty.csv is empty");
    env.omni(&["import", "sales", "missing.csv"])
        .fails_with(1, "cannot read missing.csv");
    std::fs::create_dir(env.path("adir")).unwrap();
    env.omni(&["import", "sales", env.path("adir").to_str().unwrap()])
        .fails_with(1, "is a directory");
    let binary = env.write(
        "bin.csv",
        (0..4096u32)
            .map(|i| (i * 7919 % 256) as u8)
            .collect::<Vec<u8>>(),
    );
    env.omni(&["import", "sales", binary.to_str().unwrap()])
        .fails_with(1, "matches a sales export omni knows");
    let header_only = env.write(
        "h.csv",
        "order_id,channel,ordered_at,sku,quantity,unit_price\n",
    );
    let run = env
        .omni(&["import", "sales", header_only.to_str().unwrap()])
        .ok();
    run.says("0 rows read");
    let dup = env.write("dup.csv", "sku,title,SKU\nA,B,C\n");
    env.omni(&["import", "catalog", dup.to_str().unwrap()])
        .fails_with(
            1,
            "dup.csv:1: column \"SKU\" appears twice (columns 1 and 3)",
        );
    let nul = env.write("nul.csv", b"sku,title\nA,B\0C\n");
    let run = env
        .omni(&["import", "catalog", nul.to_str().unwrap()])
        .fails_with(1, "1 bad row");
    assert!(
        run.stderr
            .contains("nul.csv:2:2: title contains a NUL byte"),
        "{}",
        run.stderr
    );
    let mut invalid = b"sku,title\nA,Jos\xc3\xa9 Mar\xc3\xada \xc3\xb1\n".to_vec();
    invalid.extend_from_slice(b"B,Bad \xe9 byte\nC,Fine\n");
    let invalid = env.write("invalid.csv", invalid);
    let run = env
        .omni(&["import", "catalog", invalid.to_str().unwrap()])
        .fails_with(1, "1 bad row of 3");
    assert!(
        run.stderr
            .contains("invalid.csv:3:2: title is not valid UTF-8"),
        "{}",
        run.stderr
    );
}

#[test]
fn export_and_sql_for_scripts() {
    let env = Env::new();
    env.init();
    let f = env.fixture("canonical/sales_day1.csv");
    env.omni(&["import", "sales", f.to_str().unwrap()]).ok();
    let json = env
        .omni(&["export", "order_lines", "--format", "json"])
        .ok();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json.stdout).expect("valid JSON");
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["unit_price"], "34.90");
    assert_eq!(rows[0]["currency"], "EUR");
    assert_eq!(rows[0]["quantity"], 2);
    let keys: Vec<&String> = rows[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys[..4],
        ["id", "order_ref", "channel_id", "line_id"],
        "columns keep their table order"
    );
    // Without a terminal the default format is CSV.
    let csv = env.omni(&["export", "orders"]).ok().csv();
    assert_eq!(csv[0][..3], ["id", "channel_id", "order_id"]);
    assert_eq!(
        csv[1][csv[0].iter().position(|c| c == "shipping").unwrap()],
        "4.95"
    );
    env.omni(&["sql", "DELETE FROM orders"])
        .fails_with(1, "omni sql is read-only");
    env.omni(&["sql", "ATTACH 'other.db' AS o"])
        .fails_with(1, "ATTACH and DETACH are refused");
    env.omni(&["sql", "SELECT 1; SELECT 2"])
        .fails_with(1, "one statement at a time");
    env.omni(&["sql", "SELEC nonsense"])
        .fails_with(1, "SQL error");
    assert_eq!(env.scalar("SELECT count(*) FROM orders"), "3");
    env.omni(&["export", "nope"]).code(2);
}

#[test]
fn a_closed_stdout_pipe_is_not_an_error() {
    let env = Env::new();
    env.init();
    let f = env.write("big.csv", sales_lines(3000, None));
    env.omni(&["import", "sales", f.to_str().unwrap()]).ok();
    let mut child = env.command(&["export", "order_lines", "--format", "json"]);
    let mut child = child
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_second_writer_exits_4_naming_the_holder_or_waits() {
    let env = Env::new();
    env.init();
    // Another omni importing a large file holds the lock for a while.
    let big = env.write("big.csv", sales_lines(150_000, None));
    let importer = env.spawn(&["import", "sales", big.to_str().unwrap()]);
    let lock = env.path("omni.db.lock");
    let start = Instant::now();
    while std::fs::read_to_string(&lock)
        .unwrap_or_default()
        .is_empty()
    {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the importer never took the lock"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let run = env.omni(&["channels", "add", "ebay", "--kind", "marketplace"]);
    let importer_out = wait_output(importer);
    assert_eq!(importer_out.code, 0, "{}", importer_out.stderr);
    let run = run.fails_with(4, "is locked by another omni (pid ");
    run.says("running `omni import`");

    // A lock held by this test process: --wait outlasts it.
    let mut file = std::fs::OpenOptions::new().write(true).open(&lock).unwrap();
    file.lock().unwrap();
    write!(
        file,
        "pid {} since now running `omni test`",
        std::process::id()
    )
    .unwrap();
    env.omni(&["channels", "add", "ebay", "--kind", "marketplace"])
        .fails_with(4, "running `omni test`");
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        file.unlock().unwrap();
    });
    env.omni(&[
        "--wait",
        "10",
        "channels",
        "add",
        "ebay",
        "--kind",
        "marketplace",
    ])
    .ok();
    releaser.join().unwrap();
    // Readers never need the lock.
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "150000");
}

#[test]
fn the_demo_loads_the_sample_merchant() {
    let env = Env::new();
    let db = env.path("demo.db");
    let run = env.omni(&["--db", db.to_str().unwrap(), "demo"]).ok();
    assert!(
        run.stdout.contains("sales_store-madrid.csv"),
        "{}",
        run.stdout
    );
    let q = |sql: &str| {
        env.omni(&["--db", db.to_str().unwrap(), "sql", sql])
            .ok()
            .csv()[1][0]
            .clone()
    };
    // Figures written by tools/gen_demo.py into fixtures/demo/EXPECTED.md.
    assert_eq!(q("SELECT count(*) FROM orders"), "2644");
    assert_eq!(q("SELECT count(*) FROM order_lines"), "4467");
    assert_eq!(
        q("SELECT count(*) FROM order_lines WHERE quantity < 0"),
        "189"
    );
    assert_eq!(q("SELECT sum(quantity) FROM order_lines"), "4659");
    assert_eq!(
        q("SELECT sum(quantity * unit_price) FROM order_lines WHERE quantity > 0"),
        "16110347"
    );
    assert_eq!(q("SELECT count(*) FROM products"), "300");
    assert_eq!(q("SELECT count(*) FROM customer_records"), "1626");
    assert_eq!(
        q(
            "SELECT sum(on_hand) FROM stock_levels s JOIN locations l ON l.id = s.location_id WHERE l.name = 'warehouse'"
        ),
        "4262"
    );
    assert_eq!(
        q(
            "SELECT count(*) FROM orders o JOIN channels c ON c.id = o.channel_id WHERE c.name = 'store-madrid'"
        ),
        "568"
    );
    // The Windows-1252 Madrid file keeps its accents.
    assert!(
        q("SELECT count(*) FROM customer_records WHERE name LIKE '%ñ%'")
            .parse::<i64>()
            .unwrap()
            > 0
    );
    env.omni(&["--db", db.to_str().unwrap(), "demo"])
        .fails_with(1, "already exists");
}

#[test]
fn completions_in_the_repository_are_current() {
    let env = Env::new();
    for (shell, file) in [
        ("bash", "omni.bash"),
        ("zsh", "_omni"),
        ("fish", "omni.fish"),
        ("powershell", "_omni.ps1"),
        ("elvish", "omni.elv"),
    ] {
        let run = env.omni(&["completions", shell]).ok();
        let committed = std::fs::read_to_string(fixture("../completions").join(file))
            .unwrap_or_else(|_| panic!("completions/{file} is missing: run `omni completions {shell} > completions/{file}`"));
        assert!(
            run.stdout == committed,
            "completions/{file} is stale: run tools/update-completions.sh"
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    env.omni(&["import", "sales"]).code(2);
    env.omni(&["frobnicate"]).code(2);
    env.omni(&["import", "sales", "x.csv", "--on-error", "skip"])
        .fails_with(2, "needs --rejects");
    env.omni(&["import", "sales", "x.csv", "--rejects", "r.csv"])
        .fails_with(2, "needs --on-error skip");
}

#[test]
fn review_fixes_force_reimport_undecided_decimals_and_channel_removal() {
    let env = Env::new();
    env.init();
    // An older catalogue brought back on purpose.
    let a = env.write(
        "a.csv",
        "sku,title,price,currency,quantity\nA,Alpargata,10.00,EUR,5\n",
    );
    let b = env.write(
        "b.csv",
        "sku,title,price,currency,quantity\nA,Alpargata,12.00,EUR,3\n",
    );
    for f in [&a, &b] {
        env.omni(&["import", "catalog", "--channel", "web", f.to_str().unwrap()])
            .ok();
    }
    let again = env
        .omni(&["import", "catalog", "--channel", "web", a.to_str().unwrap()])
        .ok();
    again.says("already imported");
    env.omni(&[
        "import",
        "catalog",
        "--channel",
        "web",
        "--force",
        a.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(
        env.scalar("SELECT price || ' ' || quantity FROM listings"),
        "1000 5"
    );
    // A file whose values prove both decimal marks decides nothing: 1,234 is an error.
    let mixed = env.write("mixed.csv", "order_id,channel,ordered_at,sku,quantity,unit_price,currency\n1,web,2025-01-01,A,1,12.50,EUR\n2,web,2025-01-01,A,1,\"12,50\",EUR\n3,web,2025-01-01,A,1,\"1,234\",EUR\n");
    let run = env
        .omni(&["import", "sales", mixed.to_str().unwrap()])
        .fails_with(1, "1 bad row of 3");
    run.says("unit_price \"1,234\" is ambiguous");
    // Removing a channel takes its aliases and rules, and forgets its files.
    env.omni(&["channels", "add", "amazon-es", "--kind", "marketplace"])
        .ok();
    let map = env.write("map.csv", "channel,channel_sku,sku\namazon-es,AMZ-1,A\n");
    env.omni(&["skus", "map", map.to_str().unwrap()]).ok();
    env.omni(&[
        "skus",
        "rule",
        "A",
        "--channel",
        "amazon-es",
        "--buffer",
        "2",
    ])
    .ok();
    env.omni(&["channels", "remove", "amazon-es", "--force"])
        .ok();
    env.omni(&["channels", "remove", "web", "--force"]).ok();
    env.omni(&["import", "catalog", "--channel", "web", a.to_str().unwrap()])
        .ok();
    assert_eq!(env.scalar("SELECT count(*) FROM listings"), "1");
    env.omni(&["channels", "set", "web", "--buffer", "-1"])
        .code(2);
}

#[test]
fn a_quote_never_closed_fails_instead_of_swallowing_the_rows_after_it() {
    let env = Env::new();
    env.init();
    // Short record: the stray quote sits in a middle column.
    let middle = env.write(
        "middle.csv",
        "sku,title,price\nA1,Alpha,1.00\nA2,\"Beta broken,2.00\nA3,Gamma,3.00\nA4,Delta,4.00\nA5,Eps,5.00\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--currency",
        "EUR",
        middle.to_str().unwrap(),
    ])
    .fails_with(
        1,
        "middle.csv:3: a quote opened on this line is never closed, so lines 3–6",
    );
    // Full-width record: the stray quote opens the last column and holds whole rows.
    let last = env.write(
        "last.csv",
        "sku,title,price\nA1,Alpha,1.00\nA2,Beta,\"2.00\nA3,Gamma,3.00\nA4,Delta,4.00\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--currency",
        "EUR",
        last.to_str().unwrap(),
    ])
    .fails_with(1, "last.csv:3: a quote opened");
    assert_eq!(env.scalar("SELECT count(*) FROM products"), "0");
    // A real multi-line description, commas and all, imports.
    let prose = env.write(
        "prose.csv",
        "sku,title,price,description\nA1,Alpha,1.00,\"line one\nline two, with a comma\nline three\"\nA2,Beta,2.00,x\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--currency",
        "EUR",
        prose.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(env.scalar("SELECT count(*) FROM products"), "2");
    // Closed multi-line fields in a short row, and lines full of delimiters, are not errors.
    let short = env.write(
        "short.csv",
        "sku,title,description,price\nB1,Shirt,\"Line one\nline two\"\nB2,Colours,\"red, blue, green\nblack, white, grey\",3.00\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--currency",
        "EUR",
        short.to_str().unwrap(),
    ])
    .ok();
    let html = env.write(
        "html.csv",
        "sku;title;description;price\nC1;Alpargata;\"<p>Dise&ntilde;o &amp; acabado</p>\n<p>Suela &aacute;gil; yute</p>\";4,00\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--currency",
        "EUR",
        html.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(env.scalar("SELECT count(*) FROM products"), "5");
}

#[test]
fn an_accent_after_a_mebibyte_of_ascii_decodes_in_either_encoding() {
    // Over 1 MiB of plain ASCII rows, then one customer with accents: the encoding is told by
    // that late field, as Windows-1252 or as UTF-8.
    let mut ascii = String::from("sku,title,price\n");
    let mut n = 0;
    while ascii.len() < 1_200_000 {
        n += 1;
        ascii.push_str(&format!("SKU-{n:06},Plain title number {n},9.99\n"));
    }
    for (name, tail) in [
        (
            "late_1252.csv",
            b"ACC-1,Alpargata Espa\xF1a ni\xF1o,9.99\n".to_vec(),
        ),
        (
            "late_utf8.csv",
            "ACC-1,Alpargata España niño,9.99\n".as_bytes().to_vec(),
        ),
    ] {
        let env = Env::new();
        env.init();
        let mut bytes = ascii.clone().into_bytes();
        bytes.extend(tail);
        let f = env.write(name, bytes);
        env.omni(&[
            "import",
            "catalog",
            "--currency",
            "EUR",
            f.to_str().unwrap(),
        ])
        .ok();
        assert_eq!(
            env.scalar("SELECT title FROM products WHERE sku = 'ACC-1'"),
            "Alpargata España niño",
            "{name}"
        );
        assert_eq!(
            env.scalar("SELECT count(*) FROM products"),
            (n + 1).to_string()
        );
    }
}

#[test]
fn a_line_total_stands_in_for_the_unit_price() {
    let env = Env::new();
    env.init();
    let file = env.write(
        "totals.csv",
        "order_id,channel,ordered_at,sku,quantity,line_total,currency\nA1,web,2025-01-02T10:00:00Z,X,3,10.00,EUR\n",
    );
    env.omni(&["import", "sales", file.to_str().unwrap()]).ok();
    // 10.00 for 3 units: 3 × 3.34 less a 0.02 discount, exact.
    assert_eq!(
        env.query("SELECT quantity, unit_price, discount FROM order_lines"),
        "quantity,unit_price,discount\n3,334,2\n"
    );
    let neither = env.write(
        "neither.csv",
        "order_id,channel,ordered_at,sku,quantity,currency\nA2,web,2025-01-02T10:00:00Z,X,3,EUR\n",
    );
    env.omni(&["import", "sales", neither.to_str().unwrap()])
        .fails_with(1, "missing required column unit_price");
}
