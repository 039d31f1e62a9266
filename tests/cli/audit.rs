//! Issue 6: the channel-gap audit on a store with one planted gap of each kind.

use crate::util::Env;

const AMAZON: &str = "sku,channel_sku,title,price,currency,quantity,image_url,description,updated_at\n\
    A,AMZ-A,Alpargata,10.00,EUR,5,http://img/a,Desc,2025-02-20T00:00:00Z\n\
    B,AMZ-B,Bolso,23.00,EUR,3,http://img/b,Desc,2025-02-20T00:00:00Z\n\
    B,AMZ-B2,Bolso,23.00,EUR,0,http://img/b,Desc,2025-02-20T00:00:00Z\n\
    E,AMZ-E,Esparto,11.50,EUR,4,http://img/e,Desc,2025-02-20T00:00:00Z\n\
    F,AMZ-F,Funda de cojín,6.90,EUR,2,http://img/f,Desc,2024-12-01T00:00:00Z\n";

fn store() -> Env {
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
    env.omni(&[
        "channels",
        "add",
        "amazon-es",
        "--kind",
        "marketplace",
        "--currency",
        "EUR",
    ])
    .ok();
    env.omni(&["channels", "set", "amazon-es", "--markup", "15%"])
        .ok();
    env.omni(&["locations", "add", "warehouse", "--feeds", "web,amazon-es"])
        .ok();
    let products = env.write(
        "products.csv",
        "sku,title,category,price,currency,status\nA,Alpargata,shoes,10.00,EUR,active\nB,Bolso,bags,20.00,EUR,active\n\
         C,Capazo,bags,5.00,EUR,discontinued\nD,Dúo,bags,8.00,EUR,active\nE,Esparto,shoes,10.00,EUR,active\nF,Funda de cojín,home,6.00,EUR,active\n",
    );
    env.omni(&["import", "catalog", products.to_str().unwrap()])
        .ok();
    let stock = env.write(
        "stock.csv",
        "sku,on_hand,as_of\nA,5,2025-03-01T00:00:00Z\nB,3,2025-03-01T00:00:00Z\nD,0,2025-03-01T00:00:00Z\nE,4,2025-03-01T00:00:00Z\nF,2,2025-03-01T00:00:00Z\n",
    );
    env.omni(&[
        "import",
        "stock",
        "--location",
        "warehouse",
        stock.to_str().unwrap(),
    ])
    .ok();
    let web = env.write(
        "web.csv",
        "sku,title,price,currency,quantity,image_url,description,updated_at\n\
         A,Alpargata,10.00,EUR,5,http://img/a,Desc,2025-02-20T00:00:00Z\n\
         B,Bolso,20.00,EUR,3,http://img/b,Desc,2025-02-20T00:00:00Z\n\
         D,Dúo,8.00,EUR,3,http://img/d,Desc,2025-02-20T00:00:00Z\n\
         F,Cojines y mantas variadas,6.00,EUR,2,http://img/f,Desc,2025-02-20T00:00:00Z\n\
         ZZZ,Regalo sorpresa,3.00,EUR,1,http://img/z,Desc,2025-02-20T00:00:00Z\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--channel",
        "web",
        web.to_str().unwrap(),
    ])
    .ok();
    let amazon = env.write("amazon.csv", AMAZON);
    env.omni(&[
        "import",
        "catalog",
        "--channel",
        "amazon-es",
        amazon.to_str().unwrap(),
    ])
    .ok();
    env
}

#[test]
fn each_planted_gap_is_reported_once_with_its_severity() {
    let env = store();
    let run = env.omni(&["audit", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    let got: Vec<(String, String, String, String)> = findings
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap().to_string();
            (s("check"), s("severity"), s("channel"), s("sku"))
        })
        .collect();
    let expected = [
        ("duplicate-listing", "error", "amazon-es", "B"),
        ("price-parity", "warn", "amazon-es", "A"),
        ("stale-listing", "info", "amazon-es", "F"),
        ("availability", "error", "web", "D"),
        ("content-drift", "warn", "web", "F"),
        ("missing-listing", "warn", "web", "E"),
        ("orphan-listing", "warn", "web", "ZZZ"),
    ];
    let expected: Vec<(String, String, String, String)> = expected
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect();
    assert_eq!(got, expected, "{}", run.stdout);
    let reason = |check: &str| {
        findings.iter().find(|f| f["check"] == check).unwrap()["reason"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        reason("price-parity"),
        "price 10.00 EUR is 13% below the expected 11.50 EUR (master 10.00 EUR + 15% markup)"
    );
    assert_eq!(
        reason("duplicate-listing"),
        "listed 2 times (AMZ-B, AMZ-B2): each can sell the same stock"
    );
    assert!(
        reason("availability")
            .contains("listed as available (3) while no location that feeds web has stock")
    );
    // web's score: every SKU weighs pool × master price (pool at least 1; ZZZ has no price).
    // D (8.00 × 1) has the only error: (A 5×10 + B 3×20 + F 2×6 + E 4×10 + ZZZ 1) / (the same + D).
    let web = v["scores"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["channel"] == "web")
        .unwrap()
        .clone();
    let expected_score = ((5.0 * 1000.0 + 3.0 * 2000.0 + 2.0 * 600.0 + 4.0 * 1000.0 + 1.0)
        / (5.0 * 1000.0 + 3.0 * 2000.0 + 800.0 + 2.0 * 600.0 + 4.0 * 1000.0 + 1.0)
        * 1000.0_f64)
        .round()
        / 10.0;
    assert_eq!(web["score"].as_f64().unwrap(), expected_score);
    assert_eq!(web["errors"], 1);
    assert_eq!(
        v["coverage"]["web"]["shoes"],
        serde_json::json!({"listed": 1, "in_stock": 2})
    );
    env.omni(&["audit", "--fail-on", "error"]).code(3);
    env.omni(&["audit", "--fail-on", "warn", "--only", "missing-listing"])
        .code(3);
    env.omni(&[
        "audit",
        "--fail-on",
        "error",
        "--only",
        "missing-listing,price-parity",
    ])
    .ok();
    env.omni(&["audit", "--only", "nonsense"])
        .fails_with(1, "no check named nonsense");
}

#[test]
fn the_same_store_gives_the_same_bytes_and_a_fix_shows_as_resolved() {
    let env = store();
    let a = env.omni(&["audit"]).ok().stdout;
    let b = env.omni(&["audit"]).ok().stdout;
    assert_eq!(a, b);
    assert_eq!(
        a.lines().next().unwrap(),
        "check,severity,channel,sku,reason"
    );
    let run = env.omni(&["audit", "--save"]).ok();
    run.says("saved as audit run 1 (7 findings)");
    // Fix the Amazon price of A in the next full export.
    let fixed = env.write(
        "amazon2.csv",
        AMAZON.replace("A,AMZ-A,Alpargata,10.00", "A,AMZ-A,Alpargata,11.50"),
    );
    env.omni(&[
        "import",
        "catalog",
        "--channel",
        "amazon-es",
        fixed.to_str().unwrap(),
    ])
    .ok();
    let diff = env.omni(&["audit", "--since-last"]).ok().csv();
    assert_eq!(diff.len(), 2, "{diff:?}");
    assert_eq!(
        diff[0],
        ["change", "check", "severity", "channel", "sku", "reason"]
    );
    assert_eq!(
        diff[1][..5],
        ["resolved", "price-parity", "warn", "amazon-es", "A"]
    );
    env.omni(&["audit", "--since", "9"])
        .fails_with(1, "no saved audit run 9");
}

#[test]
fn a_listing_missing_from_the_latest_export_is_stale() {
    let env = store();
    let partial = env.write(
        "amazon3.csv",
        AMAZON.lines().take(2).collect::<Vec<_>>().join("\n"),
    );
    env.omni(&[
        "import",
        "catalog",
        "--channel",
        "amazon-es",
        partial.to_str().unwrap(),
    ])
    .ok();
    let rows = env
        .omni(&["audit", "--only", "stale-listing", "--channel", "amazon-es"])
        .ok()
        .csv();
    let absent: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[4].contains("not in the channel's latest export"))
        .collect();
    assert_eq!(absent.len(), 4, "{rows:?}");
}
