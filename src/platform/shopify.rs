//! Shopify exports (FORMATS.md § 1).

use super::Profile;

pub const PROFILES: &[Profile] = &[];
