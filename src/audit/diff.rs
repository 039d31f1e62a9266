//! What changed since a saved audit: findings that are new, and findings that were resolved.

use std::collections::HashSet;

use crate::store::audit::SavedFinding;

use super::Finding;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    New,
    Resolved,
}

/// New findings (in current order), then resolved ones (in saved order).
pub fn since(current: &[Finding], saved: &[SavedFinding]) -> Vec<(Change, SavedFinding)> {
    let before: HashSet<&str> = saved.iter().map(|f| f.key.as_str()).collect();
    let current: Vec<SavedFinding> = current.iter().map(to_saved).collect();
    let now: HashSet<&str> = current.iter().map(|f| f.key.as_str()).collect();
    let mut out: Vec<(Change, SavedFinding)> = current
        .iter()
        .filter(|f| !before.contains(f.key.as_str()))
        .map(|f| (Change::New, f.clone()))
        .collect();
    out.extend(
        saved
            .iter()
            .filter(|f| !now.contains(f.key.as_str()))
            .map(|f| (Change::Resolved, f.clone())),
    );
    out
}

pub fn to_saved(f: &Finding) -> SavedFinding {
    SavedFinding {
        key: f.key(),
        check: f.check.to_string(),
        severity: f.severity.as_str().to_string(),
        channel: f.channel.to_string(),
        sku: f.sku.to_string(),
        reason: f.reason.to_string(),
    }
}
