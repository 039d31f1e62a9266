//! `omni kpi`: figures on fixtures/kpi/sales.csv, each computed by hand in the comments
//! beside it (fixtures/kpi/EXPECTED.md lists the orders). The store's zone is Europe/Madrid,
//! where clocks went forward on 2025-03-30: O2 (28 Feb 23:30 UTC) is a March order there and
//! O4 (31 Mar 22:30 UTC) an April one — a report cutting UTC days gets both months wrong.

use serde_json::Value;

use crate::util::Env;

fn store() -> Env {
    let env = Env::new();
    env.init();
    env.omni(&["channels", "add", "web", "--kind", "web"]).ok();
    env.omni(&["channels", "add", "store-madrid", "--kind", "store"])
        .ok();
    env.omni(&[
        "channels",
        "add",
        "us-web",
        "--kind",
        "web",
        "--currency",
        "USD",
    ])
    .ok();
    let sales = env.fixture("kpi/sales.csv");
    env.omni(&["import", "sales", sales.to_str().unwrap()]).ok();
    env
}

fn json(env: &Env, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json", "kpi"];
    all.extend_from_slice(args);
    let run = env.omni(&all).ok();
    serde_json::from_str(&run.stdout).expect("kpi prints JSON")
}

/// The row of `rows` whose `key` fields equal the given values.
fn row<'a>(report: &'a Value, key: &[(&str, &str)]) -> &'a Value {
    report["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| key.iter().all(|(k, v)| r[*k].as_str() == Some(*v)))
        .unwrap_or_else(|| panic!("no row {key:?} in {report:#}"))
}

#[track_caller]
fn figures(r: &Value, expected: &[(&str, Value)]) {
    for (k, v) in expected {
        assert_eq!(&r[*k], v, "{k} in {r:#}");
    }
}

#[test]
fn summary_per_currency_with_returns_refunds_cancellations_and_zero_value_orders() {
    let env = store();
    let s = json(&env, &["summary"]);
    // EUR orders O1–O8 (8); units 2+1+3+1+2+1+1+2 = 13; gross 20+10+15+10+10+8+10+10 = 93.00;
    // discounts 2 (O1) + 8 (O6, free) = 10.00; returns: 1 × 5.00 of O3 + the 3.00 refund of
    // O8 + the cancelled O7 given back (10.00) = 18.00; net 93 − 10 − 18 = 65.00;
    // AOV (93 − 10) / 8 = 10.375 → 10.38 (half to even on the cent: 1037.5 → 1038).
    figures(
        row(&s, &[("currency", "EUR")]),
        &[
            ("orders", 8.into()),
            ("units", 13.into()),
            ("gross_sales", "93.00".into()),
            ("discounts", "10.00".into()),
            ("returns", "18.00".into()),
            ("net_sales", "65.00".into()),
            ("aov", "10.38".into()),
            // W-ANA, W-BEA, W-CAR, S-ANA (records: no merge yet); repeaters W-ANA (O1, O2,
            // O8) and W-BEA (O3, O7).
            ("customers", 4.into()),
            ("repeat_customers", 2.into()),
            ("repeat_purchase_rate", 0.5.into()),
            ("returned_units", 2.into()),
            // 2 / 13 = 0.153846…, 18 / 93 = 0.193548…
            ("return_rate_units", 0.1538.into()),
            ("return_rate_value", 0.1935.into()),
            ("guest_orders", 1.into()),
            ("guest_share", 0.125.into()),
            ("zero_value_orders", 1.into()),
        ],
    );
    // USD is never added to EUR: Dan's two orders of 12.00.
    figures(
        row(&s, &[("currency", "USD")]),
        &[
            ("orders", 2.into()),
            ("net_sales", "24.00".into()),
            ("aov", "12.00".into()),
            ("customers", 1.into()),
            ("repeat_purchase_rate", 1.0.into()),
        ],
    );
    assert_eq!(s["rows"].as_array().unwrap().len(), 2);
    assert!(
        s["conventions"]["customer"]
            .as_str()
            .unwrap()
            .contains("customer record")
    );
    assert!(
        s["conventions"]["zone"]
            .as_str()
            .unwrap()
            .contains("Europe/Madrid")
    );
}

#[test]
fn months_are_cut_in_the_merchants_zone_across_the_dst_change() {
    let env = store();
    let s = json(&env, &["summary", "--period", "month"]);
    let eur = |month: &str| row(&s, &[("period", month), ("currency", "EUR")]).clone();
    // February: O1 only (O2 is 1 March 00:30 in Madrid); data starts on the 10th: partial.
    figures(
        &eur("2025-02"),
        &[
            ("orders", 1.into()),
            ("net_sales", "18.00".into()),
            ("aov", "18.00".into()),
            ("partial", true.into()),
        ],
    );
    // March: O2, O3 and the guest O5; 35.00 / 3 = 11.666… → 11.67. W-ANA is returning
    // (first order in February), W-BEA new.
    figures(
        &eur("2025-03"),
        &[
            ("orders", 3.into()),
            ("units", 6.into()),
            ("gross_sales", "35.00".into()),
            ("aov", "11.67".into()),
            ("customers", 2.into()),
            ("new_customers", 1.into()),
            ("returning_customers", 1.into()),
            ("guest_orders", 1.into()),
            ("guest_share", 0.3333.into()),
            ("partial", false.into()),
        ],
    );
    // April: O4 (1 April 00:30 in Madrid, CEST), O6 (free), O7 (later cancelled), O8
    // (3.00 refunded). Gross 10+8+10+10 = 38; discounts 8; returns 5.00 (O3's return, dated
    // 2 April: a March sale returned in April) + 3.00 = 8.00; net 22.00; AOV 30 / 4 = 7.50.
    figures(
        &eur("2025-04"),
        &[
            ("orders", 4.into()),
            ("units", 5.into()),
            ("gross_sales", "38.00".into()),
            ("discounts", "8.00".into()),
            ("returns", "8.00".into()),
            ("net_sales", "22.00".into()),
            ("aov", "7.50".into()),
            ("zero_value_orders", 1.into()),
            ("returned_units", 1.into()),
            ("return_rate_units", 0.2.into()),
            // 8 / 38 = 0.210526…
            ("return_rate_value", 0.2105.into()),
            ("new_customers", 2.into()),
        ],
    );
    // May: only O7's cancellation on the 2nd. No orders: AOV and the rates are undefined,
    // never 0.
    figures(
        &eur("2025-05"),
        &[
            ("orders", 0.into()),
            ("returns", "10.00".into()),
            ("net_sales", "-10.00".into()),
            ("aov", Value::Null),
            ("return_rate_units", Value::Null),
            ("repeat_purchase_rate", Value::Null),
            ("partial", true.into()),
        ],
    );
}

#[test]
fn the_window_is_half_open_in_local_days() {
    let env = store();
    // [1 April, 1 May) local: O4 is in (22:30 UTC on 31 March), O7's cancellation is not.
    let s = json(
        &env,
        &["summary", "--from", "2025-04-01", "--to", "2025-05-01"],
    );
    figures(
        row(&s, &[("currency", "EUR")]),
        &[
            ("orders", 4.into()),
            ("returns", "8.00".into()),
            ("net_sales", "22.00".into()),
            // S-ANA and W-CAR have their first order here; W-ANA and W-BEA had one before.
            ("new_customers", 2.into()),
            ("returning_customers", 2.into()),
        ],
    );
    assert_eq!(s["from"], "2025-04-01");
    env.omni(&[
        "kpi",
        "summary",
        "--from",
        "2025-05-01",
        "--to",
        "2025-04-01",
    ])
    .fails_with(1, "--to must be after --from");
    env.omni(&["kpi", "summary", "--from", "1 April"])
        .fails_with(1, "YYYY-MM-DD");
}

#[test]
fn excluding_cancelled_orders_drops_the_sale_and_its_return() {
    let env = store();
    let s = json(&env, &["summary", "--exclude-cancelled"]);
    // Without O7: 7 orders, gross 83.00, returns 8.00, net still 65.00;
    // AOV 73 / 7 = 10.428… → 10.43; W-BEA has one order left: 1 repeater of 4.
    figures(
        row(&s, &[("currency", "EUR")]),
        &[
            ("orders", 7.into()),
            ("gross_sales", "83.00".into()),
            ("returns", "8.00".into()),
            ("net_sales", "65.00".into()),
            ("aov", "10.43".into()),
            ("repeat_purchase_rate", 0.25.into()),
        ],
    );
    assert!(
        s["conventions"]["cancelled_orders"]
            .as_str()
            .unwrap()
            .contains("--exclude-cancelled")
    );
}

#[test]
fn channels_share_net_sales_and_compare_with_the_month_before() {
    let env = store();
    let c = json(&env, &["channels"]);
    // web: O1 O2 O3 O6 O7 O8: gross 73, discounts 10, returns 5 + 3 + 10 = 18, net 45.00;
    // store-madrid: O4 and the guest O5, net 20.00. Shares of 65.00: 0.6923, 0.3077.
    figures(
        row(&c, &[("channel", "web")]),
        &[
            ("orders", 6.into()),
            ("net_sales", "45.00".into()),
            ("net_sales_share", 0.6923.into()),
        ],
    );
    figures(
        row(&c, &[("channel", "store-madrid")]),
        &[
            ("orders", 2.into()),
            ("net_sales", "20.00".into()),
            ("net_sales_share", 0.3077.into()),
            ("guest_share", 0.5.into()),
        ],
    );
    figures(
        row(&c, &[("channel", "us-web")]),
        &[("currency", "USD".into()), ("net_sales_share", 1.0.into())],
    );
    let m = json(
        &env,
        &["channels", "--period", "month", "--compare", "previous"],
    );
    // web: 1 order in February, 2 in March (O2, O3): +100 %; net 18.00 → 25.00: +38.89 %.
    figures(
        row(&m, &[("channel", "web"), ("period", "2025-03")]),
        &[
            ("orders", 2.into()),
            ("orders_change", 1.0.into()),
            ("net_sales_change", 0.3889.into()),
        ],
    );
    // The first month has nothing to compare with.
    figures(
        row(&m, &[("channel", "web"), ("period", "2025-02")]),
        &[("orders_change", Value::Null)],
    );
    env.omni(&["kpi", "channels", "--compare", "yoy"])
        .fails_with(1, "--compare needs --period");
    env.omni(&["kpi", "retention", "--by", "channel"])
        .fails_with(1, "--by applies to");
}

#[test]
fn customers_and_uplift_follow_the_merged_customer() {
    let env = store();
    let before = json(&env, &["customers"]);
    // Records: W-ANA net 18 + 10 + (10 − 3) = 35, W-BEA 15 − 5 + 10 − 10 = 10, W-CAR 0,
    // S-ANA 10: 55.00 over 4; top ⌈5 % × 4⌉ = 1 customer, 35 / 55 = 0.6364; median of
    // 0, 10, 10, 35 = 10.00.
    figures(
        row(&before, &[("currency", "EUR")]),
        &[
            ("customers", 4.into()),
            ("net_sales", "55.00".into()),
            ("net_per_customer", "13.75".into()),
            ("median_net_per_customer", "10.00".into()),
            ("top5_customers", 1.into()),
            ("top5_share", 0.6364.into()),
            ("orders_per_customer", 1.75.into()),
        ],
    );
    // W-ANA (web) and S-ANA (store) share an e-mail: one person once merged.
    env.omni(&["customers", "merge"]).ok();
    let after = json(&env, &["customers"]);
    figures(
        row(&after, &[("currency", "EUR")]),
        &[
            ("customers", 3.into()),
            ("repeat_customers", 2.into()),
            // Ana 45 of 55.
            ("top5_share", 0.8182.into()),
        ],
    );
    assert!(
        after["conventions"]["customer"]
            .as_str()
            .unwrap()
            .contains("merged customer")
    );
    let u = json(&env, &["uplift"]);
    // Cross-channel: Ana, 4 orders, net 45.00, sales 48.00 → AOV 12.00. Single: W-BEA
    // (2 orders, net 10, sales 25 − 0) and W-CAR (1 order, net 0, sales 0): net per
    // customer 5.00, AOV 25 / 3 = 8.33. Uplift 45 / 5 − 1 = 8.0; 12.00 / 8.33 − 1 = 0.4406.
    figures(
        row(&u, &[("currency", "EUR"), ("group", "cross_channel")]),
        &[
            ("customers", 1.into()),
            ("net_per_customer", "45.00".into()),
            ("aov", "12.00".into()),
            ("net_per_customer_uplift", 8.0.into()),
            ("aov_uplift", 0.4406.into()),
        ],
    );
    figures(
        row(&u, &[("currency", "EUR"), ("group", "single_channel")]),
        &[
            ("customers", 2.into()),
            ("net_per_customer", "5.00".into()),
            ("aov", "8.33".into()),
        ],
    );
    assert_eq!(u["top5_share"]["EUR"], 0.8182);
}

#[test]
fn retention_counts_last_months_buyers_and_lapses_by_acquisition_channel() {
    let env = store();
    let r = json(&env, &["retention", "--lapse-days", "30"]);
    let month = |m: &str| row(&r, &[("period", m)]).clone();
    // Feb: W-ANA. Mar: W-ANA, W-BEA, U-DAN (W-ANA retained: 1 / 1). Apr: S-ANA, W-CAR,
    // W-BEA, W-ANA, U-DAN (3 of March's 3 retained). May: nobody of April's 5.
    figures(
        &month("2025-02"),
        &[
            ("active_customers", 1.into()),
            ("retention_rate", Value::Null),
        ],
    );
    figures(
        &month("2025-03"),
        &[
            ("active_customers", 3.into()),
            ("new_customers", 2.into()),
            ("retention_rate", 1.0.into()),
        ],
    );
    figures(
        &month("2025-04"),
        &[
            ("active_customers", 5.into()),
            ("retained_customers", 3.into()),
            ("retention_rate", 1.0.into()),
        ],
    );
    figures(
        &month("2025-05"),
        &[
            ("active_customers", 0.into()),
            ("retention_rate", 0.0.into()),
            ("churn_rate", 1.0.into()),
        ],
    );
    // Measured at 3 May (the day after the data): threshold 3 April. First order before it:
    // W-ANA, W-BEA, U-DAN, S-ANA (1 April); of them only S-ANA has not ordered since.
    assert_eq!(r["as_of"], "2025-05-03");
    let lapsed = r["lapsed"].as_array().unwrap();
    let of = |c: &str| {
        lapsed
            .iter()
            .find(|l| l["acquisition_channel"] == c)
            .unwrap()
    };
    assert_eq!(
        (
            of("all")["customers"].clone(),
            of("all")["lapsed_customers"].clone()
        ),
        (4.into(), 1.into())
    );
    assert_eq!(of("store-madrid")["lapsed_rate"], 1.0);
    assert_eq!(of("web")["lapsed_customers"], 0);
}

#[test]
fn cohorts_leave_the_future_blank_and_accumulate_on_request() {
    let env = store();
    let c = json(&env, &["cohorts"]);
    // February cohort (W-ANA): ordered in Feb, Mar, Apr, not in May.
    figures(
        row(&c, &[("cohort", "2025-02")]),
        &[
            ("customers", 1.into()),
            ("period_0", 1.0.into()),
            ("period_1", 1.0.into()),
            ("period_2", 1.0.into()),
            ("period_3", 0.0.into()),
            ("partial", true.into()),
        ],
    );
    // March cohort (W-BEA, U-DAN): both again in April, nobody in May, June is the future.
    figures(
        row(&c, &[("cohort", "2025-03")]),
        &[
            ("customers", 2.into()),
            ("period_1", 1.0.into()),
            ("period_2", 0.0.into()),
            ("period_3", Value::Null),
        ],
    );
    let cumulative = json(&env, &["cohorts", "--cumulative"]);
    figures(
        row(&cumulative, &[("cohort", "2025-02")]),
        &[("period_3", 1.0.into())],
    );
    // CSV: a blank for the future, `#` conventions only when asked.
    let csv = env.omni(&["--format", "csv", "kpi", "cohorts"]).ok();
    assert!(
        csv.stdout
            .starts_with("cohort,cohort_start,partial,customers,period_0")
    );
    assert!(
        csv.stdout
            .contains("2025-04,2025-04-01,false,2,1.0000,0.0000,,")
    );
    let commented = env
        .omni(&["--format", "csv", "kpi", "cohorts", "--comments"])
        .ok();
    assert!(commented.stdout.starts_with("# orders: "));
}

#[test]
fn historic_clv_and_rfm_per_currency() {
    let env = store();
    let clv = json(&env, &["clv"]);
    // Nets 35, 10, 10, 0: mean 13.75, median 10.00; web acquired W-ANA, W-BEA, W-CAR.
    figures(
        row(&clv, &[("currency", "EUR"), ("acquisition_channel", "all")]),
        &[
            ("customers", 4.into()),
            ("clv_mean", "13.75".into()),
            ("clv_median", "10.00".into()),
        ],
    );
    figures(
        row(&clv, &[("currency", "EUR"), ("acquisition_channel", "web")]),
        &[("customers", 3.into()), ("net_sales", "45.00".into())],
    );
    let rfm = json(&env, &["rfm"]);
    let eur: i64 = rfm["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["currency"] == "EUR")
        .map(|r| r["customers"].as_i64().unwrap())
        .sum();
    assert_eq!(eur, 4, "every customer in exactly one segment");
    // NTILE(5) over 4 customers: one per score 1–4, none at 5.
    assert_eq!(
        rfm["score_counts"]["EUR"]["f"],
        serde_json::json!([1, 1, 1, 1, 0])
    );
}

#[test]
fn aggregates_stay_exact_through_reimport_and_undo_and_rebuild() {
    let env = store();
    let doctor = env.omni(&["--format", "csv", "doctor"]).ok();
    assert!(doctor.stdout.contains("kpi aggregates,ok"));
    // A second file corrects O8's refund and adds a return to O1: facts follow.
    let more = env.write(
        "more.csv",
        "order_id,line_id,channel,ordered_at,status,customer_id,customer_email,sku,quantity,unit_price,currency,discount,cancelled_at,refunded_amount\n\
         O8,1,web,2025-04-20T10:00:00Z,refunded,W-ANA,ana@example.com,B,2,5.00,EUR,,,4.00\n\
         O1,2,web,2025-04-25T10:00:00Z,paid,W-ANA,ana@example.com,A,-1,10.00,EUR,-1.00,,\n",
    );
    env.omni(&["import", "sales", more.to_str().unwrap()]).ok();
    let s = json(&env, &["summary"]);
    // Returns 18 + 1 more refunded + (10.00 − 1.00 returned from O1) = 28.00.
    figures(
        row(&s, &[("currency", "EUR")]),
        &[("returns", "28.00".into())],
    );
    assert!(
        env.omni(&["--format", "csv", "doctor"])
            .ok()
            .stdout
            .contains("kpi aggregates,ok")
    );
    env.omni(&["batches", "undo", "2"]).ok();
    let s = json(&env, &["summary"]);
    figures(
        row(&s, &[("currency", "EUR")]),
        &[("returns", "18.00".into())],
    );
    assert!(
        env.omni(&["--format", "csv", "doctor"])
            .ok()
            .stdout
            .contains("kpi aggregates,ok")
    );
    // Damage the aggregates behind omni's back: doctor says so, the rebuild repairs them.
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute("DELETE FROM sales_facts WHERE kind = 2", [])
        .unwrap();
    drop(conn);
    env.omni(&["doctor"])
        .fails_with(1, "run `omni doctor --rebuild-aggregates`");
    env.omni(&["doctor", "--rebuild-aggregates"]).ok();
    let s = json(&env, &["summary"]);
    figures(
        row(&s, &[("currency", "EUR")]),
        &[("returns", "18.00".into())],
    );
}

#[test]
fn converting_uses_each_orders_days_rate_and_names_a_missing_one() {
    let env = store();
    env.omni(&["kpi", "summary", "--convert-to", "EUR"])
        .fails_with(1, "omni import rates");
    let rates = env.fixture("kpi/rates.csv");
    env.omni(&["import", "rates", rates.to_str().unwrap()])
        .ok()
        .says("2 rates read, 2 new");
    // Importing the same file again changes nothing.
    env.omni(&["import", "rates", rates.to_str().unwrap()])
        .ok()
        .says("0 new, 0 changed, 2 unchanged");
    let s = json(&env, &["summary", "--convert-to", "EUR"]);
    // O9: 12.00 USD / 1.0823 = 11.0875… → 11.09 EUR; O10: 12.00 / 1.1350 = 10.5726… → 10.57.
    // Gross 93.00 + 21.66 = 114.66; AOV (114.66 − 10.00) / 10 = 10.466 → 10.47; Dan is a
    // fifth customer and a third repeater.
    figures(
        row(&s, &[("currency", "EUR")]),
        &[
            ("orders", 10.into()),
            ("gross_sales", "114.66".into()),
            ("net_sales", "86.66".into()),
            ("aov", "10.47".into()),
            ("customers", 5.into()),
            ("repeat_customers", 3.into()),
        ],
    );
    assert_eq!(s["rows"].as_array().unwrap().len(), 1);
    assert!(
        s["conventions"]["currency"]
            .as_str()
            .unwrap()
            .contains("converted to EUR")
    );
    // EUR orders into USD need a USD rate on each of their days: the first missing is named.
    env.omni(&["kpi", "summary", "--convert-to", "USD"])
        .fails_with(
            1,
            "no exchange rate for USD on 2025-02-10 (base EUR) and 7 more currency-days",
        );
    let bad = env.write(
        "bad.csv",
        "date,currency,rate\n2025-13-01,USD,1.1\n2025-03-11,USD,0\n",
    );
    env.omni(&["import", "rates", bad.to_str().unwrap()])
        .fails_with(1, "2 bad rows; nothing imported")
        .says("bad.csv:2: date \"2025-13-01\" is not YYYY-MM-DD");
    assert_eq!(env.scalar("SELECT count(*) FROM exchange_rates"), "2");
}

#[test]
fn inventory_rebuilds_each_days_stock_from_counts_deliveries_and_sales() {
    let env = Env::new();
    env.init();
    env.omni(&["channels", "add", "web", "--kind", "web"]).ok();
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
    let count = env.write(
        "count.csv",
        "sku,location,on_hand,as_of\nA,madrid,10,2025-03-01T09:00:00Z\n",
    );
    env.omni(&["import", "stock", count.to_str().unwrap()]).ok();
    let delivery = env.write(
        "delivery.csv",
        "sku,location,on_hand,as_of\nA,madrid,5,2025-03-08T09:00:00Z\n",
    );
    env.omni(&["import", "stock", "--adjust", delivery.to_str().unwrap()])
        .ok();
    let sales = env.write(
        "sales.csv",
        "order_id,channel,ordered_at,sku,quantity,unit_price,currency\n\
         O0,web,2025-02-20T10:00:00Z,A,4,10.00,EUR\n\
         O1,web,2025-03-03T10:00:00Z,A,3,10.00,EUR\n\
         O2,web,2025-03-06T10:00:00Z,A,7,10.00,EUR\n\
         O3,web,2025-03-09T10:00:00Z,A,1,10.00,EUR\n",
    );
    env.omni(&["import", "sales", sales.to_str().unwrap()]).ok();
    let r = json(
        &env,
        &["inventory", "--from", "2025-03-02", "--to", "2025-03-12"],
    );
    // End-of-day stock 2–11 March: 10, 7, 7, 7, 0, 0, 5, 4, 4, 4 (O0 is before the window).
    // Sold 3 + 7 + 1 = 11 of 10 at the start + 5 delivered: 0.7333; out 2 days of 10;
    // average 48 / 10 = 4.8, turnover 11 / 4.8 = 2.29; 4 left at 11 sold over the last
    // 30 days: 4 × 30 / 11 = 10.91 days.
    figures(
        row(&r, &[("location", "madrid"), ("sku", "A")]),
        &[
            ("units_sold", 11.into()),
            ("start_on_hand", 10.into()),
            ("receipts", 5.into()),
            ("sell_through", 0.7333.into()),
            ("tracked_days", 10.into()),
            ("stockout_days", 2.into()),
            ("stockout_rate", 0.2.into()),
            ("average_on_hand", 4.8.into()),
            ("turnover", 2.29.into()),
            ("available", 4.into()),
            ("units_sold_30d", 11.into()),
            ("days_of_supply", 10.91.into()),
        ],
    );
    // A recount above the books is a receipt; the February sale happened before any known
    // stock, so it is not counted against it.
    let recount = env.write(
        "recount.csv",
        "sku,location,on_hand,as_of\nA,madrid,9,2025-03-10T20:00:00Z\n",
    );
    env.omni(&["import", "stock", recount.to_str().unwrap()])
        .ok();
    let all = json(&env, &["inventory", "--by", "location"]);
    figures(
        row(&all, &[("location", "madrid")]),
        &[
            ("units_sold", 11.into()),
            ("receipts", 10.into()),
            ("available", 9.into()),
        ],
    );
    // By channel: the stock of the locations feeding it (madrid feeds web).
    let by_channel = json(&env, &["inventory", "--by", "channel"]);
    figures(
        row(&by_channel, &[("channel", "web")]),
        &[("units_sold", 11.into()), ("available", 9.into())],
    );
}

#[test]
fn summary_by_sku_reads_the_lines() {
    let env = store();
    let s = json(&env, &["summary", "--by", "sku"]);
    // A in EUR: O1 (2 × 10.00 less 2.00), O2, O4, O7 (cancelled: 10.00 back) → 4 orders,
    // 5 units, gross 50.00, returns 10.00, net 38.00, AOV 48 / 4 = 12.00.
    figures(
        row(&s, &[("sku", "A"), ("currency", "EUR")]),
        &[
            ("orders", 4.into()),
            ("units", 5.into()),
            ("gross_sales", "50.00".into()),
            ("returns", "10.00".into()),
            ("net_sales", "38.00".into()),
            ("aov", "12.00".into()),
        ],
    );
    // B: O3 (3 × 5.00, one returned), O5, O8 → net 30.00; O8's 3.00 refund is no line's.
    figures(
        row(&s, &[("sku", "B"), ("currency", "EUR")]),
        &[
            ("orders", 3.into()),
            ("returned_units", 1.into()),
            ("net_sales", "30.00".into()),
        ],
    );
    assert!(
        s["conventions"]["lines"]
            .as_str()
            .unwrap()
            .contains("left out")
    );
    let by_month = json(&env, &["summary", "--by", "sku", "--period", "month"]);
    // O7's cancellation lands in May, the month it happened.
    figures(
        row(&by_month, &[("sku", "A"), ("period", "2025-05")]),
        &[("orders", 0.into()), ("returns", "10.00".into())],
    );
    env.omni(&["kpi", "channels", "--by", "sku"])
        .fails_with(1, "`kpi channels` is by channel");
}

#[test]
fn the_audit_follows_customers_across_channels_once_merged() {
    let env = store();
    env.omni(&["--format", "table", "audit", "--only", "customer-journey"])
        .ok()
        .prints("needs merged customers: run `omni customers merge`");
    env.omni(&["customers", "merge"]).ok();
    let run = env
        .omni(&["--format", "json", "audit", "--only", "customer-journey"])
        .ok();
    let audit: Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = audit["findings"].as_array().unwrap();
    let reason = |channel: &str| {
        findings
            .iter()
            .find(|f| f["channel"] == channel)
            .map(|f| f["reason"].as_str().unwrap().to_string())
            .unwrap_or_default()
    };
    // Ana (web + store) of Ana, Bea, Car and Dan; web's customers are Ana, Bea and Car.
    assert_eq!(
        reason("(all)"),
        "1 of 4 customers (25.0%) buy on more than one channel"
    );
    assert_eq!(
        reason("web"),
        "1 of its 3 customers (33.3%) also buy on another channel"
    );
    assert!(findings.iter().all(|f| f["check"] == "customer-journey"));
    assert!(findings.iter().all(|f| f["severity"] != "error"));
}
