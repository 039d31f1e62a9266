//! The nightly sync plan: which files of an inbox are imported how, and what runs after.
//! Parsing and path rules only; `cmd/sync` runs it.

pub mod inbox;

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    pub inbox: String,
    pub archive: Option<String>,
    pub failed: Option<String>,
    pub log: Option<String>,
    /// The HTML report (`omni report --html`), rewritten at the end of each run.
    pub report: Option<String>,
    pub settle_seconds: Option<u64>,
    #[serde(default, rename = "rule")]
    pub rules: Vec<Rule>,
    pub reconcile: Option<ReconcileStep>,
    pub audit: Option<AuditStep>,
}

/// Files whose path (relative to the inbox) matches `pattern` are imported as `kind`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub pattern: String,
    pub kind: String,
    pub channel: Option<String>,
    pub location: Option<String>,
    pub profile: Option<String>,
    pub currency: Option<String>,
    pub date_format: Option<String>,
    #[serde(default)]
    pub adjust: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReconcileStep {
    #[serde(default)]
    pub channels: Vec<String>,
    pub emit: Option<String>,
    #[serde(default)]
    pub apply: bool,
    #[serde(default)]
    pub all: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditStep {
    #[serde(default)]
    pub checks: Vec<String>,
    pub fail_on: Option<String>,
    #[serde(default = "yes")]
    pub save: bool,
}

fn yes() -> bool {
    true
}

/// A plan with its paths resolved against the plan's folder.
#[derive(Debug, Clone)]
pub struct Plan {
    pub file: PathBuf,
    pub inbox: PathBuf,
    pub archive: PathBuf,
    pub failed: PathBuf,
    pub log: PathBuf,
    pub report: Option<PathBuf>,
    pub emit: Option<PathBuf>,
    pub settle_seconds: u64,
    pub rules: Vec<Rule>,
    pub reconcile: Option<ReconcileStep>,
    pub audit: Option<AuditStep>,
}

impl Plan {
    pub fn load(path: &Path) -> Result<Plan> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the sync plan {}", path.display()))?;
        let raw: PlanFile = toml::from_str(&text)
            .map_err(|e| anyhow!("{}: {}", path.display(), e.message().trim()))?;
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let inside = |field: &str, value: &str| -> Result<PathBuf> {
            let p = Path::new(value);
            if p.is_absolute() || p.components().any(|c| matches!(c, Component::ParentDir)) {
                bail!(
                    "{}: {field} = \"{value}\" leaves the plan's folder (paths in a plan stay inside it)",
                    path.display()
                );
            }
            Ok(dir.join(p))
        };
        if raw.rules.is_empty() {
            bail!(
                "{}: the plan has no [[rule]]: nothing would be imported",
                path.display()
            );
        }
        for r in &raw.rules {
            if ![
                "catalog",
                "stock",
                "sales",
                "customers",
                "sku-map",
                "bundles",
            ]
            .contains(&r.kind.as_str())
            {
                bail!(
                    "{}: rule \"{}\" has kind \"{}\" (one of catalog, stock, sales, customers, sku-map, bundles)",
                    path.display(),
                    r.pattern,
                    r.kind
                );
            }
        }
        let emit = raw
            .reconcile
            .as_ref()
            .and_then(|r| r.emit.as_deref())
            .map(|e| inside("reconcile.emit", e))
            .transpose()?;
        Ok(Plan {
            file: path.to_path_buf(),
            inbox: inside("inbox", &raw.inbox)?,
            archive: inside("archive", raw.archive.as_deref().unwrap_or("archive"))?,
            failed: inside("failed", raw.failed.as_deref().unwrap_or("failed"))?,
            log: inside("log", raw.log.as_deref().unwrap_or("sync.log.jsonl"))?,
            report: raw
                .report
                .as_deref()
                .map(|r| inside("report", r))
                .transpose()?,
            emit,
            settle_seconds: raw.settle_seconds.unwrap_or(60),
            rules: raw.rules,
            reconcile: raw.reconcile,
            audit: raw.audit,
        })
    }

    /// The first rule whose pattern matches a path relative to the inbox.
    pub fn rule_for(&self, relative: &str) -> Option<&Rule> {
        self.rules
            .iter()
            .find(|r| inbox::glob(&r.pattern, relative))
    }
}

/// The commented example `omni sync --init-plan` prints.
pub const EXAMPLE: &str = r#"# omni sync plan: what the nightly run does. Paths are relative to this file's folder
# and may not leave it.

inbox = "inbox"                 # where the day's exports are dropped (subfolders allowed)
archive = "archive"             # imported files go to archive/YYYY-MM-DD/
failed = "failed"               # files that fail go here, with FILE.reason.txt beside them
log = "sync.log.jsonl"          # one JSON line per run
report = "report.html"          # the HTML report (omni report --html), rewritten each run
settle_seconds = 60             # files younger than this are left for the next run

# Rules, first match wins. `*` matches within a folder name, `**` across folders.
[[rule]]
pattern = "shopify/orders_export*.csv"
kind = "sales"
channel = "shopify"

[[rule]]
pattern = "shopify/products_export*.csv"
kind = "catalog"
channel = "shopify"
currency = "EUR"

[[rule]]
pattern = "amazon/*.txt"
kind = "sales"
channel = "amazon-es"

[[rule]]
pattern = "stores/stock_*.csv"
kind = "stock"
# location = "madrid"           # when the files have no location column
# adjust = true                 # quantities are changes, not counts

[reconcile]
channels = []                   # all channels
emit = "outbox"                 # one update file per channel, in its platform's format
apply = false                   # true: record the emitted quantities as what channels show

[audit]
checks = []                     # all checks
fail_on = "error"               # exit 3 when a finding of this severity exists
save = true                     # so `omni audit --since-last` shows what changed
"#;
