//! The merchant's SKU: trimmed, case kept for display, compared case-insensitively.

use std::fmt;

#[derive(Debug, Clone, Eq)]
pub struct Sku(String);

/// The comparison key of a SKU as stored: trimmed and lower-cased.
pub fn key(sku: &str) -> String {
    sku.trim().to_lowercase()
}

impl Sku {
    /// `None` for a blank value: a SKU is never empty.
    pub fn parse(text: &str) -> Option<Sku> {
        let t = text.trim().trim_start_matches('\'').trim();
        (!t.is_empty()).then(|| Sku(t.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The comparison key: SKUs that differ only in case are the same SKU.
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }
}

impl PartialEq for Sku {
    fn eq(&self, other: &Sku) -> bool {
        self.0.eq_ignore_ascii_case(&other.0) || self.key() == other.key()
    }
}

impl std::hash::Hash for Sku {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state)
    }
}

impl fmt::Display for Sku {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_and_case_insensitive() {
        let a = Sku::parse("  alp-001 ").unwrap();
        let b = Sku::parse("ALP-001").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.as_str(), "alp-001");
        assert_eq!(Sku::parse("'00123").unwrap().as_str(), "00123");
        assert!(Sku::parse("   ").is_none());
        assert_ne!(Sku::parse("ALP-002").unwrap(), b);
    }
}
