//! The channel-gap audit: what each channel is missing, gets wrong or lets go stale. Each
//! finding has a check, a severity and a one-line reason; channels get a score. Findings come
//! out in a stable order so the same store gives the same bytes. Nothing here formats.

pub mod checks;
pub mod diff;
pub mod score;

use std::borrow::Cow;
use std::rc::Rc;

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

/// One finding. A large store yields millions, so names and SKUs are shared with the facts
/// they come from, fixed reasons are not copied, and the key across runs is made only when a
/// run is saved or compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub check: &'static str,
    pub severity: Severity,
    pub channel: Rc<str>,
    pub sku: Rc<str>,
    pub reason: Cow<'static, str>,
    /// What the finding is about within its check (`price`), and the listing when it is about
    /// one: together they make the key.
    #[serde(skip)]
    pub kind: &'static str,
    #[serde(skip)]
    pub listing: Option<Rc<str>>,
}

impl Finding {
    pub fn new(
        check: &'static str,
        kind: &'static str,
        severity: Severity,
        channel: &Rc<str>,
        sku: &Rc<str>,
        reason: impl Into<Cow<'static, str>>,
    ) -> Finding {
        Finding {
            check,
            severity,
            channel: channel.clone(),
            sku: sku.clone(),
            reason: reason.into(),
            kind,
            listing: None,
        }
    }

    /// The finding is about this listing of the channel (its channel SKU).
    pub fn of_listing(mut self, channel_sku: &Rc<str>) -> Finding {
        self.listing = Some(channel_sku.clone());
        self
    }

    /// Identifies the finding across runs (check, kind, channel, SKU), whatever the figures.
    pub fn key(&self) -> String {
        let listing = self
            .listing
            .as_deref()
            .map_or(String::new(), |l| format!(":{l}"));
        format!(
            "{}|{}{listing}|{}|{}",
            self.check,
            self.kind,
            self.channel,
            self.sku.to_lowercase()
        )
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
    // Shared names and static check names compare by address first: most pairs share both.
    findings.sort_unstable_by(|a, b| {
        let channel = if Rc::ptr_eq(&a.channel, &b.channel) {
            std::cmp::Ordering::Equal
        } else {
            a.channel.cmp(&b.channel)
        };
        let check = if std::ptr::eq(a.check, b.check) {
            std::cmp::Ordering::Equal
        } else {
            a.check.cmp(b.check)
        };
        channel
            .then(check)
            .then_with(|| a.sku.cmp(&b.sku))
            .then_with(|| a.reason.cmp(&b.reason))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_the_listing_and_ignore_figures_and_case() {
        let web: Rc<str> = Rc::from("web");
        let f = Finding::new(
            "content-drift",
            "no-image",
            Severity::Info,
            &web,
            &Rc::from("ALP-1"),
            "no image",
        );
        assert_eq!(f.key(), "content-drift|no-image|web|alp-1");
        let listed = f.clone().of_listing(&Rc::from("AMZ-1"));
        assert_eq!(listed.key(), "content-drift|no-image:AMZ-1|web|alp-1");
        let mut other = listed.clone();
        other.reason = "another figure".into();
        assert_eq!(other.key(), listed.key());
    }
}
