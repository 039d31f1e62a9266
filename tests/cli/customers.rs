//! Customer identity end to end: merge → explain → unmerge → merge again, review by file,
//! incremental linking, split, and the demo's cross-channel customer.

use std::collections::HashMap;

use crate::util::Env;

/// A store with the customer fixtures: six web accounts, three store and three Amazon records.
fn store() -> Env {
    let env = Env::new();
    env.init();
    let web = env.fixture("customers/customers_web.csv");
    env.omni(&[
        "import",
        "customers",
        "--channel",
        "web",
        web.to_str().unwrap(),
    ])
    .ok();
    env.omni(&["channels", "add", "store-madrid", "--kind", "store"])
        .ok();
    let store = env.fixture("customers/sales_store.csv");
    env.omni(&[
        "import",
        "sales",
        "--channel",
        "store-madrid",
        store.to_str().unwrap(),
    ])
    .ok();
    env.omni(&["channels", "add", "amazon-es", "--kind", "marketplace"])
        .ok();
    let amazon = env.fixture("customers/sales_amazon.csv");
    env.omni(&[
        "import",
        "sales",
        "--channel",
        "amazon-es",
        amazon.to_str().unwrap(),
    ])
    .ok();
    env
}

/// source_id → (record id, customer id) from `omni customers export`.
fn clustering(env: &Env) -> HashMap<String, (String, String)> {
    let rows = env
        .omni(&["customers", "export", "--format", "csv"])
        .ok()
        .csv();
    assert_eq!(
        &rows[0][..4],
        ["channel", "source_id", "record_id", "customer_id"]
    );
    rows[1..]
        .iter()
        .map(|r| (r[1].clone(), (r[2].clone(), r[3].clone())))
        .collect()
}

fn same(c: &HashMap<String, (String, String)>, a: &str, b: &str) -> bool {
    c[a].1 == c[b].1
}

fn record(c: &HashMap<String, (String, String)>, source: &str) -> String {
    format!("r{}", c[source].0)
}

#[test]
fn merge_links_across_channels_and_keeps_households_and_namesakes_apart() {
    let env = store();
    env.omni(&["customers", "merge"])
        .ok()
        .prints("customers on 2+ channels");
    let c = clustering(&env);
    // Ana: web, store (mobile typed 0034…), Amazon (relay e-mail, same mobile).
    assert!(same(&c, "W1", "LOY-001") && same(&c, "W1", "AANA0001"));
    // Pedro shares Ana's flat and family name: another person.
    assert!(!same(&c, "W1", "W2"));
    // Pedro's own two records share a landline: evidence for, though in a store of twelve
    // records a shared family name says little.
    let run = env
        .omni(&[
            "customers",
            "explain",
            &record(&c, "W2"),
            &record(&c, "LOY-002"),
            "--format",
            "json",
        ])
        .ok();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let phone = &json["fields"][3];
    assert_eq!(phone["level"], "same landline");
    assert!(phone["weight"].as_f64().unwrap() > 0.0);
    // Two María García López in two cities stay two; the name-only Amazon record joins neither.
    assert!(!same(&c, "W3", "W4"));
    assert!(!same(&c, "AMAR0002", "W3") && !same(&c, "AMAR0002", "W4"));
    // Particles and initials: José María García de la Fuente is Jose M. Garcia.
    assert!(same(&c, "W6", "AJMG0003"));
    assert!(same(&c, "W5", "LOY-003"), "Gmail dots and accents");
    // Nothing was deleted or changed in the records themselves.
    assert_eq!(env.scalar("SELECT count(*) FROM customer_records"), "12");
}

#[test]
fn explain_shows_each_field_with_its_weight() {
    let env = store();
    env.omni(&["customers", "merge"]).ok();
    let c = clustering(&env);
    let run = env
        .omni(&[
            "customers",
            "explain",
            &record(&c, "W1"),
            &record(&c, "LOY-001"),
            "--format",
            "json",
        ])
        .ok();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let fields = json["fields"].as_array().expect("fields");
    assert_eq!(fields.len(), 6);
    let phone = fields
        .iter()
        .find(|f| f["field"] == "phone")
        .expect("phone");
    assert_eq!(phone["level"], "same mobile");
    assert!(
        phone["weight"].as_f64().unwrap() > 0.0,
        "a shared mobile is evidence for"
    );
    let total: f64 = fields.iter().map(|f| f["weight"].as_f64().unwrap()).sum();
    assert!((total - json["total_weight"].as_f64().unwrap()).abs() < 1e-9);
    assert_eq!(json["same_customer"], true);
    // The household pair: a conflict, said so.
    let run = env
        .omni(&[
            "customers",
            "explain",
            &record(&c, "W1"),
            &record(&c, "W2"),
            "--format",
            "json",
        ])
        .ok();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(json["names_conflict"], true);
    assert_eq!(json["same_customer"], false);
    env.omni(&[
        "customers",
        "explain",
        &record(&c, "W1"),
        &record(&c, "W2"),
        "--format",
        "table",
    ])
    .ok()
    .prints("names conflict");
    env.omni(&["customers", "explain", "r1", "nope"])
        .fails_with(1, "neither a record");
}

#[test]
fn unmerge_restores_the_previous_clustering_and_merging_again_keeps_it() {
    let env = store();
    // First run without Amazon's later record for Ana: web and store only.
    env.omni(&["customers", "merge"]).ok();
    let before = clustering(&env);
    let later = env.fixture("customers/sales_store_later.csv");
    env.omni(&[
        "import",
        "sales",
        "--channel",
        "store-madrid",
        later.to_str().unwrap(),
    ])
    .ok();
    env.omni(&["customers", "merge"])
        .ok()
        .prints("records linked this run");
    let after = clustering(&env);
    assert!(
        same(&after, "W1", "LOY-009"),
        "the new record joined Ana incrementally"
    );
    assert_eq!(
        after["W1"].1, before["W1"].1,
        "Ana kept her customer number"
    );
    for (source, (_, customer)) in &before {
        assert_eq!(&after[source].1, customer, "{source} did not move");
    }
    let ana = after["W1"].1.clone();
    env.omni(&["customers", "unmerge", &ana])
        .ok()
        .prints("unmerged");
    let undone = clustering(&env);
    for (source, (_, customer)) in &before {
        assert_eq!(&undone[source].1, customer, "{source} is back where it was");
    }
    assert!(!same(&undone, "W1", "LOY-009"));
    // Merging again, even from scratch, keeps what a person undid.
    env.omni(&["customers", "merge"]).ok();
    env.omni(&["customers", "merge", "--rebuild"]).ok();
    let again = clustering(&env);
    assert!(!same(&again, "W1", "LOY-009"));
    assert!(same(&again, "W1", "LOY-001"));
    env.omni(&["customers", "unmerge", "999"])
        .fails_with(1, "no customer 999");
}

#[test]
fn split_takes_one_record_out_for_good() {
    let env = store();
    env.omni(&["customers", "merge"]).ok();
    let c = clustering(&env);
    env.omni(&["customers", "split", &record(&c, "AANA0001")])
        .ok()
        .prints("stays apart");
    let after = clustering(&env);
    assert!(!same(&after, "W1", "AANA0001"));
    assert!(same(&after, "W1", "LOY-001"));
    env.omni(&["customers", "merge", "--rebuild"]).ok();
    assert!(!same(&clustering(&env), "W1", "AANA0001"));
    env.omni(&["customers", "split", &record(&c, "AANA0001")])
        .fails_with(1, "already a customer of its own");
}

#[test]
fn review_by_file_round_trip() {
    let env = store();
    env.omni(&["customers", "merge"]).ok();
    // Without a terminal the review says how to work by file.
    env.omni(&["customers", "review"])
        .fails_with(1, "--export-review");
    let file = env.path("review.csv");
    env.omni(&[
        "customers",
        "review",
        "--min",
        "0.001",
        "--export-review",
        file.to_str().unwrap(),
    ])
    .ok();
    let text = std::fs::read_to_string(&file).expect("review file");
    let mut rows: Vec<Vec<String>> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("row").iter().map(str::to_string).collect())
        .collect();
    assert!(
        !rows.is_empty(),
        "the fixtures hold uncertain pairs: {text}"
    );
    let header: Vec<String> = text
        .lines()
        .next()
        .unwrap()
        .split(',')
        .map(str::to_string)
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    // Flip the first pair: a person says the opposite of what the model did.
    let (a, b) = (
        rows[0][col("record_a")].clone(),
        rows[0][col("record_b")].clone(),
    );
    let linked = rows[0][col("linked_now")] == "yes";
    rows[0][col("decision")] = if linked { "no" } else { "yes" }.into();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header).unwrap();
    for r in &rows {
        w.write_record(r).unwrap();
    }
    env.write("decided.csv", w.into_inner().unwrap());
    env.omni(&["customers", "review", "--import-review", "decided.csv"])
        .ok()
        .prints("1 decisions saved");
    let customer_of = |r: &str| {
        env.scalar(&format!(
            "SELECT customer FROM customer_members WHERE record_id = {}",
            &r[1..]
        ))
    };
    assert_eq!(customer_of(&a) == customer_of(&b), !linked);
    // The decision survives a rebuild.
    env.omni(&["customers", "merge", "--rebuild"]).ok();
    assert_eq!(customer_of(&a) == customer_of(&b), !linked);
    env.write("bad.csv", "record_a,record_b,decision\nr1,r2,maybe\n");
    env.omni(&["customers", "review", "--import-review", "bad.csv"])
        .fails_with(1, "bad.csv:2");
}

#[test]
fn show_gives_the_golden_record_with_sources_and_every_order() {
    let env = store();
    env.omni(&["customers", "list"])
        .fails_with(1, "customers merge");
    env.omni(&["customers", "merge"]).ok();
    let c = clustering(&env);
    let run = env
        .omni(&["customers", "show", &record(&c, "W1"), "--format", "json"])
        .ok();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let golden = json["golden"].as_array().expect("golden");
    let email = golden
        .iter()
        .find(|f| f["field"] == "email")
        .expect("email");
    assert_eq!(
        email["value"], "Ana.Ruiz.Garcia+web@gmail.com",
        "a relay address never wins"
    );
    assert_eq!(email["from"], "web");
    assert_eq!(
        json["orders"].as_array().unwrap().len(),
        2,
        "store and Amazon orders"
    );
    let list = env
        .omni(&[
            "customers",
            "list",
            "--min-channels",
            "3",
            "--format",
            "csv",
        ])
        .ok()
        .csv();
    assert_eq!(list.len(), 2, "only Ana is on three channels: {list:?}");
}
