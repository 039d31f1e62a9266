//! The channel-gap audit: what each channel is missing, gets wrong or lets go stale. Each
//! finding has a check, a severity and a one-line reason; channels get a score. Findings come
//! out in a stable order so the same store gives the same bytes. Nothing here formats.

pub mod checks;
pub mod diff;
pub mod journey;
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
    // Millions of findings share a handful of channels and checks. A counting sort by (channel,
    // check) moves each finding once instead of comparing names at every step of a sort over
    // all of them; only SKUs and reasons are then compared, within each group.
    let mut channels: Vec<&str> = Vec::new();
    let mut checks: Vec<&str> = Vec::new();
    let (mut last_channel, mut last_check) = (0, 0);
    // Each finding's (channel, check) as indexes of the distinct names, ranked by name below.
    let mut slots: Vec<(u32, u32)> = Vec::with_capacity(findings.len());
    for f in findings.iter() {
        let c = slot(&mut channels, &mut last_channel, &f.channel) as u32;
        let k = slot(&mut checks, &mut last_check, f.check) as u32;
        slots.push((c, k));
    }
    let rank = |names: &[&str]| -> Vec<usize> {
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by(|&a, &b| names[a].cmp(names[b]));
        let mut rank = vec![0; names.len()];
        for (r, i) in order.into_iter().enumerate() {
            rank[i] = r;
        }
        rank
    };
    let (channel_rank, check_rank) = (rank(&channels), rank(&checks));
    let groups = checks.len();
    let group = |(c, k): (u32, u32)| channel_rank[c as usize] * groups + check_rank[k as usize];
    // Where each group starts, then where each finding goes.
    let mut starts = vec![0usize; channels.len() * groups + 1];
    for &s in &slots {
        starts[group(s) + 1] += 1;
    }
    for g in 1..starts.len() {
        starts[g] += starts[g - 1];
    }
    let mut next = starts.clone();
    let mut order = vec![0usize; findings.len()];
    for (i, &s) in slots.iter().enumerate() {
        let g = group(s);
        order[next[g]] = i;
        next[g] += 1;
    }
    drop(slots);
    permute(findings, order);
    for g in starts.windows(2) {
        findings[g[0]..g[1]].sort_unstable_by(|a, b| {
            // A total order over distinct findings, so an unstable sort is reproducible. SKUs
            // shared with their product compare by address first.
            let sku = if Rc::ptr_eq(&a.sku, &b.sku) {
                std::cmp::Ordering::Equal
            } else {
                a.sku.cmp(&b.sku)
            };
            sku.then_with(|| a.reason.cmp(&b.reason))
        });
    }
}

/// The index of `name` in `names`, added if new; `last` is the previous answer.
fn slot<'a>(names: &mut Vec<&'a str>, last: &mut usize, name: &'a str) -> usize {
    // Names are shared, so the previous answer's address usually matches.
    if names.get(*last).is_some_and(|n| std::ptr::eq(*n, name)) {
        return *last;
    }
    *last = match names.iter().position(|n| *n == name) {
        Some(i) => i,
        None => {
            names.push(name);
            names.len() - 1
        }
    };
    *last
}

/// Puts `items[order[i]]` at `i` in place, following each cycle of the permutation once.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for i in 0..items.len() {
        let mut j = i;
        loop {
            let k = order[j];
            // Done: this position holds its item (and is skipped when `i` reaches it).
            order[j] = j;
            if k == i {
                break;
            }
            items.swap(j, k);
            j = k;
        }
    }
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

    #[test]
    fn sorts_by_channel_check_sku_and_reason() {
        let finding = |check: &'static str, channel: &str, sku: &str, reason: &'static str| {
            Finding::new(
                check,
                "k",
                Severity::Warn,
                &Rc::from(channel),
                &Rc::from(sku),
                reason,
            )
        };
        let mut found = vec![
            finding("price-parity", "web", "B", "x"),
            finding("availability", "web", "C", "x"),
            finding("price-parity", "amazon", "A", "x"),
            finding("availability", "web", "A", "y"),
            finding("availability", "web", "A", "x"),
            finding("content-drift", "amazon", "Z", "x"),
        ];
        let mut expected = found.clone();
        expected.sort_by(|a, b| {
            (&a.channel, a.check, &a.sku, &a.reason).cmp(&(&b.channel, b.check, &b.sku, &b.reason))
        });
        sort(&mut found);
        assert_eq!(found, expected);
    }
}
