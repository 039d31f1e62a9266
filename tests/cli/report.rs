//! `omni report --html`: the demo's page has every section, charts with the series and
//! points of the figures they draw, and tables equal to `omni kpi --format json`.

use serde_json::Value;

use crate::util::Env;

/// The `<figure class="chart">` blocks of a page.
fn charts(html: &str) -> Vec<&str> {
    html.split("<figure class=\"chart\">")
        .skip(1)
        .map(|rest| rest.split("</figure>").next().unwrap_or(""))
        .collect()
}

/// (series name, points) of a chart, in drawing order.
fn series(chart: &str) -> Vec<(String, usize)> {
    let svg = chart.split("</svg>").next().unwrap_or("");
    svg.split("<g class=\"series\" data-series=\"")
        .skip(1)
        .map(|g| {
            let name = g.split('"').next().unwrap_or("").to_string();
            let body = g.split("</g>").next().unwrap_or("");
            (name, body.matches("class=\"point\"").count())
        })
        .collect()
}

#[test]
fn the_demo_report_draws_the_kpis_it_is_given() {
    let env = Env::new();
    let db = env.path("demo.db");
    let db = db.to_str().unwrap();
    let run = env.omni(&["--db", db, "demo"]).ok();
    // The demo writes the page beside the store and says where.
    run.says("report: ");
    assert!(env.path("demo.html").exists());
    let out = env.path("report.html");
    env.omni(&["--db", db, "report", "--html", out.to_str().unwrap()])
        .ok()
        .says("wrote ");
    let html = std::fs::read_to_string(&out).unwrap();
    for id in ["sales", "customers", "channels", "stock", "conventions"] {
        assert!(html.contains(&format!("<section id=\"{id}\"")), "no {id}");
    }
    // Self-contained: no script, nothing fetched.
    assert!(!html.contains("<script"));
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));

    let kpi: Value = serde_json::from_str(
        &env.omni(&[
            "--db", db, "--format", "json", "kpi", "channels", "--period", "month",
        ])
        .ok()
        .stdout,
    )
    .unwrap();
    let rows = kpi["rows"].as_array().unwrap();
    let all = charts(&html);
    // The first chart: net sales per channel and month, one series per channel, one point
    // per month the channel sold in.
    let first = all[0];
    assert!(first.contains("Net sales per channel and month (EUR)"));
    let drawn = series(first);
    let mut channels: Vec<&str> = rows
        .iter()
        .map(|r| r["channel"].as_str().unwrap())
        .collect();
    channels.sort();
    channels.dedup();
    assert_eq!(drawn.len(), channels.len());
    for (name, points) in &drawn {
        let months = rows
            .iter()
            .filter(|r| r["channel"] == name.as_str())
            .count();
        assert_eq!(*points, months, "{name}");
    }
    // Its table holds the same figures as `omni kpi`.
    for r in rows {
        let row = format!(
            "<td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            r["period"].as_str().unwrap(),
            if r["partial"] == true { "yes" } else { "" },
            r["channel"].as_str().unwrap(),
            r["orders"],
            r["net_sales"].as_str().unwrap(),
        );
        assert!(first.contains(&row), "missing {row}");
    }
    // The cohort heat map: a row per cohort.
    let cohorts: Value = serde_json::from_str(
        &env.omni(&["--db", db, "--format", "json", "kpi", "cohorts"])
            .ok()
            .stdout,
    )
    .unwrap();
    let heat = all
        .iter()
        .find(|c| c.contains("Cohort retention"))
        .expect("a cohort chart");
    assert_eq!(
        series(heat).len(),
        cohorts["rows"].as_array().unwrap().len()
    );
    // Every chart keeps its table one click away.
    assert!(all.iter().all(|c| c.contains("<details>")));
    assert!(all.len() >= 8, "{} charts", all.len());
    assert!(html.len() < 5 << 20);
}

#[test]
fn the_page_replaces_only_a_regular_file() {
    let env = Env::new();
    env.init();
    // An empty store still gets its page.
    let page = env.path("page.html");
    env.omni(&["report", "--html", page.to_str().unwrap()]).ok();
    assert!(
        std::fs::read_to_string(&page)
            .unwrap()
            .contains("<section id=\"sales\"")
    );
    // A folder in the way is refused, and left as it was.
    let folder = env.path("reports");
    std::fs::create_dir(&folder).unwrap();
    env.omni(&["report", "--html", folder.to_str().unwrap()])
        .fails_with(1, "is not a regular file");
    assert!(folder.is_dir());
}
