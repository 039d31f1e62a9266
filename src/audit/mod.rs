//! The channel-gap audit: what each channel is missing, gets wrong or lets go stale. Each
//! finding has a check, a severity and a one-line reason; channels get a score. Findings come
//! out in a stable order so the same store gives the same bytes. Nothing here formats.

pub mod checks;
pub mod diff;
pub mod score;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warn,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warn => "warn",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warn" => Some(Severity::Warn),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

pub const CHECKS: [&str; 8] = [
    "missing-listing",
    "orphan-listing",
    "duplicate-listing",
    "price-parity",
    "content-drift",
    "availability",
    "stale-listing",
    "customer-journey",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub check: &'static str,
    pub severity: Severity,
    pub channel: String,
    pub sku: String,
    pub reason: String,
    /// Identifies the finding across runs (check, kind, channel, SKU), whatever the figures.
    #[serde(skip)]
    pub key: String,
}

impl Finding {
    pub fn new(
        check: &'static str,
        kind: &str,
        severity: Severity,
        channel: &str,
        sku: &str,
        reason: String,
    ) -> Finding {
        Finding {
            check,
            severity,
            channel: channel.to_string(),
            sku: sku.to_string(),
            reason,
            key: format!("{check}|{kind}|{channel}|{}", sku.to_lowercase()),
        }
    }
}

/// Settings of one audit run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Allowed price difference from the expected price, as a fraction (0.05).
    pub price_tolerance: f64,
    pub stale_days: i64,
    /// Below this title similarity to the master, a listing's title has drifted.
    pub title_similarity: f64,
    /// The audit's "now" for listing dates: the store's latest activity (reproducible).
    pub now: String,
    /// The "now" of channel imports: when the newest import finished.
    pub import_now: String,
}

/// Findings in their stable order: channel, check, SKU, reason.
pub fn sort(findings: &mut [Finding]) {
    // A total order over distinct findings, so an unstable sort is still reproducible.
    findings.sort_unstable_by(|a, b| {
        a.channel
            .cmp(&b.channel)
            .then(a.check.cmp(b.check))
            .then(a.sku.cmp(&b.sku))
            .then(a.reason.cmp(&b.reason))
    });
}
