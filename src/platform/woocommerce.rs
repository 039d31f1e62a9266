//! woocommerce exports (FORMATS.md).

use super::Profile;

pub const PROFILES: &[Profile] = &[];
