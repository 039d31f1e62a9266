//! Issue 4: reconcile. A small store whose figures are computed by hand below.

use std::collections::HashMap;

use crate::util::Env;

/// Counts at T0 = 2025-03-01T08:00:00Z; sales around it; rules per channel and one per SKU.
///
/// warehouse A: 10 − reserved 1 − sold (web 2 + bundle KIT 1 × 2) + returned 1 = 6
/// madrid A:    4 − sold 1 (a web sale fulfilled in Madrid) = 3
/// warehouse C: 3 − KIT 1 = 2;  warehouse B: 5;  madrid B: 2;  warehouse E: 1
/// web (warehouse, madrid; buffer 2; B: × 50%), amazon-es (warehouse; × 50%),
/// ebay (warehouse; max 4, zero at ≤ 1)
fn store() -> Env {
    let env = Env::new();
    env.init();
    for (name, kind, platform) in [
        ("web", "web", "shopify"),
        ("amazon-es", "marketplace", "amazon"),
        ("ebay", "marketplace", "ebay"),
    ] {
        env.omni(&[
            "channels",
            "add",
            name,
            "--kind",
            kind,
            "--platform",
            platform,
            "--currency",
            "EUR",
        ])
        .ok();
    }
    env.omni(&[
        "locations",
        "add",
        "warehouse",
        "--feeds",
        "web,amazon-es,ebay",
    ])
    .ok();
    env.omni(&[
        "locations",
        "add",
        "madrid",
        "--kind",
        "store",
        "--feeds",
        "web",
    ])
    .ok();
    env.omni(&[
        "channels",
        "set",
        "web",
        "--buffer",
        "2",
        "--sync-hours",
        "24",
    ])
    .ok();
    env.omni(&["channels", "set", "amazon-es", "--percent", "50"])
        .ok();
    env.omni(&["channels", "set", "ebay", "--max", "4", "--zero-at", "1"])
        .ok();
    env.omni(&["skus", "rule", "B", "--channel", "web", "--percent", "50"])
        .ok();
    env.omni(&["skus", "bundle", "KIT", "A=2", "C=1"]).ok();
    env.omni(&["skus", "bundle", "D", "A=1", "B=1"]).ok();
    let products = env.write(
        "products.csv",
        "sku,title\nA,Alpargata\nB,Bolso\nC,Cuenco\nE,Esparto\nKIT,Kit regalo\nD,Dúo\n",
    );
    env.omni(&["import", "catalog", products.to_str().unwrap()])
        .ok();
    let stock = env.write(
        "stock.csv",
        "sku,location,on_hand,reserved,as_of\n\
         A,warehouse,10,1,2025-03-01T08:00:00Z\nB,warehouse,5,0,2025-03-01T08:00:00Z\nC,warehouse,3,0,2025-03-01T08:00:00Z\n\
         E,warehouse,1,0,2025-03-01T08:00:00Z\nA,madrid,4,0,2025-03-01T08:00:00Z\nB,madrid,2,0,2025-03-01T08:00:00Z\n",
    );
    env.omni(&["import", "stock", stock.to_str().unwrap()]).ok();
    let sales = env.write(
        "sales.csv",
        "order_id,line_id,channel,ordered_at,status,sku,quantity,unit_price,location\n\
         W1,1,web,2025-03-01T10:00:00Z,paid,A,2,10.00,\n\
         W0,1,web,2025-02-28T10:00:00Z,paid,A,5,10.00,\n\
         W2,1,web,2025-03-01T11:00:00Z,paid,A,1,10.00,madrid\n\
         W3,1,web,2025-03-01T12:00:00Z,cancelled,A,3,10.00,\n\
         W1,2,web,2025-03-02T09:00:00Z,returned,A,-1,10.00,\n\
         M1,1,amazon-es,2025-03-01T13:00:00Z,shipped,KIT,1,30.00,\n",
    );
    env.omni(&[
        "import",
        "sales",
        "--currency",
        "EUR",
        sales.to_str().unwrap(),
    ])
    .ok();
    let web = env.write(
        "web.csv",
        "sku,title,quantity\nA,Alpargata,20\nB,Bolso,2\nKIT,Kit regalo,1\nD,Dúo,0\nE,Esparto,1\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--channel",
        "web",
        web.to_str().unwrap(),
    ])
    .ok();
    let amazon = env.write(
        "amazon.csv",
        "sku,channel_sku,title,quantity\nA,AMZ-A,Alpargata,5\nKIT,AMZ-KIT,Kit regalo,1\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--channel",
        "amazon-es",
        amazon.to_str().unwrap(),
    ])
    .ok();
    let ebay = env.write(
        "ebay.csv",
        "sku,channel_sku,title,quantity\nA,1100,Alpargata,4\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--channel",
        "ebay",
        ebay.to_str().unwrap(),
    ])
    .ok();
    env
}

/// (sku, channel) → (pool, target, listed, action)
fn plan(env: &Env, args: &[&str]) -> HashMap<(String, String), (String, String, String, String)> {
    let mut full = vec!["reconcile", "--all"];
    full.extend(args);
    let rows = env.omni(&full).ok().csv();
    assert_eq!(
        rows[0],
        [
            "sku", "channel", "pool", "target", "listed", "action", "reason", "risk"
        ]
    );
    rows[1..]
        .iter()
        .map(|r| {
            (
                (r[0].clone(), r[1].clone()),
                (r[2].clone(), r[3].clone(), r[4].clone(), r[5].clone()),
            )
        })
        .collect()
}

fn row(p: &str, t: &str, l: &str, a: &str) -> (String, String, String, String) {
    (p.into(), t.into(), l.into(), a.into())
}

#[test]
fn pools_rules_bundles_and_actions_match_the_hand_computation() {
    let env = store();
    let p = plan(&env, &[]);
    let get = |sku: &str, ch: &str| p.get(&(sku.to_string(), ch.to_string())).cloned();
    // A: web 6 + 3 = 9 − buffer 2 = 7; amazon 6 × 50% = 3; ebay 6 capped at 4.
    assert_eq!(get("A", "web"), Some(row("9", "7", "20", "lower")));
    assert_eq!(get("A", "amazon-es"), Some(row("6", "3", "5", "lower")));
    assert_eq!(get("A", "ebay"), Some(row("6", "4", "4", "ok")));
    // B on web: (5 + 2 − 2) × 50% (the SKU's own rule) = 2.5 → 2.
    assert_eq!(get("B", "web"), Some(row("7", "2", "2", "ok")));
    // KIT = 2 × A + C: web min(9 / 2, 2) = 2 − buffer 2 = 0; amazon min(3, 2) × 50% = 1.
    assert_eq!(get("KIT", "web"), Some(row("2", "0", "1", "zero")));
    assert_eq!(get("KIT", "amazon-es"), Some(row("2", "1", "1", "ok")));
    // D = A + B shares component A with KIT: web min(9, 7) = 7 − 2 = 5.
    assert_eq!(get("D", "web"), Some(row("7", "5", "0", "raise")));
    // E: 1 − buffer 2 = −1, never below 0.
    assert_eq!(get("E", "web"), Some(row("1", "0", "1", "zero")));
    // In stock but not listed; madrid feeds only web, so marketplaces see the warehouse.
    assert_eq!(get("B", "amazon-es"), Some(row("5", "2", "", "list")));
    assert_eq!(get("B", "ebay"), Some(row("5", "4", "", "list")));
    assert_eq!(get("C", "ebay"), Some(row("2", "2", "", "list")));
    // Target 0 and not listed: nothing to do, no row.
    assert_eq!(get("C", "web"), None);
    assert_eq!(get("E", "ebay"), None, "1 ≤ zero-at 1 → 0");
}

#[test]
fn risks_come_first_and_check_exits_3() {
    let env = store();
    let rows = env.omni(&["reconcile"]).ok().csv();
    let risky: Vec<&Vec<String>> = rows[1..].iter().take_while(|r| r[7] == "yes").collect();
    assert_eq!(risky.len(), 4, "{rows:?}");
    assert!(risky.iter().all(|r| r[6].starts_with("oversell risk:")));
    assert!(
        rows[1..].iter().all(|r| r[5] != "ok"),
        "ok rows only with --all"
    );
    let run = env.omni(&["reconcile", "--check"]).code(3);
    run.says("4 oversell risks remain");
    env.omni(&["reconcile", "--check", "--channel", "ebay"])
        .ok();
    let json = env
        .omni(&["reconcile", "--format", "json", "--sku", "k*"])
        .ok();
    let v: Vec<serde_json::Value> = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v[0]["sku"], "KIT");
    assert_eq!(v[0]["target"], 0);
    for key in [
        "sku", "channel", "pool", "target", "listed", "action", "reason",
    ] {
        assert!(v[0].get(key).is_some(), "{key} missing from the JSON");
    }
}

#[test]
fn explain_shows_every_step_and_the_limiting_component() {
    let env = store();
    let run = env
        .omni(&["reconcile", "explain", "KIT", "--channel", "web"])
        .ok();
    let rows = run.csv();
    let step = |name: &str| {
        rows.iter()
            .find(|r| r[1] == name)
            .cloned()
            .unwrap_or_else(|| panic!("no step {name}: {rows:?}"))
    };
    assert_eq!(step("A at warehouse")[2], "6");
    assert!(step("A at warehouse")[3].contains(
        "on hand 10 as of 2025-03-01T08:00:00Z − reserved 1 − sold since 4 + returned since 1"
    ));
    assert_eq!(step("A at madrid")[2], "3");
    assert_eq!(step("component A")[2], "4");
    assert_eq!(step("component C")[2], "2");
    assert_eq!(step("pool")[2], "2");
    assert!(step("pool")[3].contains("limited by C"));
    assert_eq!(step("− buffer")[2], "0");
    assert_eq!(step("target")[2], "0");
    assert_eq!(step("listed")[2], "1");
    let all = env.omni(&["reconcile", "explain", "A"]).ok().csv();
    assert!(
        all.iter()
            .any(|r| r[0] == "amazon-es" && r[1] == "× percent" && r[2] == "3")
    );
    env.omni(&["reconcile", "explain", "A", "--channel", "nope"])
        .fails_with(1, "no channel named nope");
}

#[test]
fn the_same_store_gives_the_same_bytes_and_apply_settles_the_listings() {
    let env = store();
    let dir1 = env.path("emit1");
    let dir2 = env.path("emit2");
    let a = env
        .omni(&["reconcile", "--all", "--emit", dir1.to_str().unwrap()])
        .ok()
        .stdout;
    let b = env
        .omni(&["reconcile", "--all", "--emit", dir2.to_str().unwrap()])
        .ok()
        .stdout;
    assert_eq!(a, b);
    let mut files: Vec<String> = std::fs::read_dir(&dir1)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "amazon-es-amazon-price-quantity.txt",
            "ebay-ebay-file-exchange.csv",
            "web-shopify-inventory.csv"
        ]
    );
    for f in &files {
        assert_eq!(
            std::fs::read(dir1.join(f)).unwrap(),
            std::fs::read(dir2.join(f)).unwrap(),
            "{f}"
        );
    }
    let run = env.omni(&["reconcile", "--apply"]).ok();
    assert!(
        run.stderr
            .contains("recorded 5 published quantities as batch"),
        "{}",
        run.stderr
    );
    assert_eq!(
        env.scalar("SELECT count(*) FROM batches WHERE kind = 'apply'"),
        "1"
    );
    let after = env.omni(&["reconcile", "--channel", "web"]).ok().csv();
    assert_eq!(after.len(), 1, "no actions left on web: {after:?}");
    assert_eq!(
        env.scalar("SELECT quantity FROM listings WHERE channel_sku = 'AMZ-A'"),
        "3"
    );
    env.omni(&["reconcile", "--check", "--channel", "web"]).ok();
}

#[test]
fn emitted_files_import_back_with_the_plan_quantities() {
    let env = store();
    let dir = env.path("emit");
    env.omni(&["reconcile", "--emit", dir.to_str().unwrap()])
        .ok();
    let shopify = std::fs::read_to_string(dir.join("web-shopify-inventory.csv")).unwrap();
    assert!(
        shopify.starts_with("Handle,Title,Option1 Name"),
        "{shopify}"
    );
    let back = Env::new();
    back.init();
    let f = dir.join("web-shopify-inventory.csv");
    let run = back
        .omni(&["-v", "import", "stock", f.to_str().unwrap()])
        .ok();
    run.says("profile shopify-inventory");
    // One row per feeding location, warehouse first: the plan's 7 A spread as 6 + 1, and
    // every location named, so Shopify keeps no stale figure anywhere.
    assert_eq!(
        back.query(
            "SELECT s.sku, l.name AS location, s.on_hand FROM stock_levels s
             JOIN locations l ON l.id = s.location_id ORDER BY s.sku, l.name DESC"
        ),
        "sku,location,on_hand\nA,warehouse,6\nA,madrid,1\nD,warehouse,5\nD,madrid,0\n\
         E,warehouse,0\nE,madrid,0\nKIT,warehouse,0\nKIT,madrid,0\n"
    );
    assert_eq!(
        back.query("SELECT sku, sum(on_hand) AS total FROM stock_levels GROUP BY sku ORDER BY sku"),
        "sku,total\nA,7\nD,5\nE,0\nKIT,0\n"
    );
    let f = dir.join("amazon-es-amazon-price-quantity.txt");
    let run = back
        .omni(&[
            "-v",
            "import",
            "catalog",
            "--channel",
            "amazon-es",
            f.to_str().unwrap(),
        ])
        .ok();
    run.says("profile amazon-price-quantity");
    assert_eq!(
        back.query("SELECT channel_sku, quantity FROM listings ORDER BY channel_sku"),
        "channel_sku,quantity\nAMZ-A,3\n"
    );
    // eBay: A is already at its target, so --all writes it.
    let all = env.path("emit-all");
    env.omni(&[
        "reconcile",
        "--all",
        "--emit",
        all.to_str().unwrap(),
        "--channel",
        "ebay",
    ])
    .ok();
    let f = all.join("ebay-ebay-file-exchange.csv");
    let text = std::fs::read_to_string(&f).unwrap();
    assert!(text.starts_with("*Action(SiteID=Spain|Country=ES|Currency=EUR|Version=1193),ItemID,CustomLabel,*Quantity"), "{text}");
    let ebay = Env::new();
    ebay.init();
    let run = ebay
        .omni(&[
            "-v",
            "import",
            "catalog",
            "--channel",
            "ebay",
            f.to_str().unwrap(),
        ])
        .ok();
    run.says("profile ebay-file-exchange");
    assert_eq!(
        ebay.query("SELECT channel_sku, sku, quantity FROM listings"),
        "channel_sku,sku,quantity\n1100,A,4\n"
    );
}

#[test]
fn buffers_are_advised_from_velocity() {
    let env = store();
    // Sells 28 A on web in the 28 days before the last activity: 1 a day; syncing every 48 h.
    let mut sales = String::from("order_id,channel,ordered_at,sku,quantity,unit_price\n");
    for d in 1..=28 {
        sales.push_str(&format!("V{d},web,2025-02-{d:02}T09:00:00Z,B,1,5.00\n"));
    }
    let f = env.write("velocity.csv", sales);
    env.omni(&["import", "sales", "--currency", "EUR", f.to_str().unwrap()])
        .ok();
    env.omni(&["channels", "set", "web", "--sync-hours", "72"])
        .ok();
    let advice = env.omni(&["reconcile", "--advise-buffers"]).ok().csv();
    let b = advice
        .iter()
        .find(|r| r[0] == "web" && r[1] == "B")
        .unwrap_or_else(|| panic!("{advice:?}"));
    // 27 sold in the window (28 days before 2025-03-02T09:00Z), 0.96/day × 72 h = 2.9 → 3.
    assert_eq!(b[5], "3", "{b:?}");
    let rows = env
        .omni(&["reconcile", "--all", "--channel", "web", "--sku", "B"])
        .ok()
        .csv();
    assert!(
        rows[1][6].contains("may sell in the 72 h between syncs"),
        "{:?}",
        rows[1]
    );
    assert_eq!(rows[1][7], "yes");
    // A risk is shown without --all, even when the listing already equals the target.
    let shown = env
        .omni(&["reconcile", "--channel", "web", "--sku", "B"])
        .ok()
        .csv();
    assert_eq!(shown.get(1), rows.get(1), "{shown:?}");
}

#[test]
fn rules_and_bundles_are_validated() {
    let env = store();
    env.omni(&["channels", "set", "web", "--percent", "150"])
        .fails_with(1, "--percent must be between 0 and 100");
    env.omni(&["channels", "set", "web", "--sources", "nowhere"])
        .fails_with(1, "no location named nowhere");
    env.omni(&["skus", "bundle", "X", "A=0"])
        .fails_with(1, "a quantity of at least 1");
    env.omni(&["skus", "bundle", "X", "X=1"])
        .fails_with(1, "cannot contain itself");
    env.omni(&["skus", "rule", "B", "--channel", "web", "--clear"])
        .ok();
    let p = plan(&env, &["--channel", "web"]);
    assert_eq!(
        p[&("B".to_string(), "web".to_string())],
        row("7", "5", "2", "raise")
    );
    let bundles = env.write("bundles.csv", "bundle,component,quantity\nKIT,A,1\n");
    env.omni(&["skus", "bundle", "--file", bundles.to_str().unwrap()])
        .ok();
    assert_eq!(
        env.scalar(
            "SELECT quantity FROM bundle_components WHERE bundle = 'KIT' AND component = 'A'"
        ),
        "1"
    );
    // Sources can be reordered: Madrid first for web.
    env.omni(&["channels", "set", "web", "--sources", "madrid,warehouse"])
        .ok();
    assert_eq!(
        env.omni(&["channels", "list"])
            .ok()
            .csv()
            .iter()
            .find(|r| r[0] == "web")
            .unwrap()[4],
        "madrid,warehouse"
    );
}
