//! Channel kinds and what a channel's name says about its kind and platform.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelKind {
    Web,
    Marketplace,
    Store,
    Social,
    App,
    Wholesale,
}

pub const CHANNEL_KINDS: [&str; 6] = ["web", "marketplace", "store", "social", "app", "wholesale"];

impl ChannelKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelKind::Web => "web",
            ChannelKind::Marketplace => "marketplace",
            ChannelKind::Store => "store",
            ChannelKind::Social => "social",
            ChannelKind::App => "app",
            ChannelKind::Wholesale => "wholesale",
        }
    }
}

impl FromStr for ChannelKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "web" => ChannelKind::Web,
            "marketplace" => ChannelKind::Marketplace,
            "store" => ChannelKind::Store,
            "social" => ChannelKind::Social,
            "app" => ChannelKind::App,
            "wholesale" => ChannelKind::Wholesale,
            other => {
                return Err(format!(
                    "unknown channel kind \"{other}\" (one of {})",
                    CHANNEL_KINDS.join(", ")
                ));
            }
        })
    }
}

impl fmt::Display for ChannelKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Platforms whose name, at the start of a channel name, tells its kind (`amazon-es` is a
/// marketplace on Amazon). Order matters only for readability; prefixes do not overlap.
const KNOWN: &[(&str, ChannelKind, &str)] = &[
    ("shopify", ChannelKind::Web, "shopify"),
    ("woocommerce", ChannelKind::Web, "woocommerce"),
    ("woo", ChannelKind::Web, "woocommerce"),
    ("prestashop", ChannelKind::Web, "prestashop"),
    ("tiendanube", ChannelKind::Web, "tiendanube"),
    ("nuvemshop", ChannelKind::Web, "tiendanube"),
    ("magento", ChannelKind::Web, "magento"),
    ("bigcommerce", ChannelKind::Web, "bigcommerce"),
    ("web", ChannelKind::Web, ""),
    ("online", ChannelKind::Web, ""),
    ("amazon", ChannelKind::Marketplace, "amazon"),
    ("ebay", ChannelKind::Marketplace, "ebay"),
    ("etsy", ChannelKind::Marketplace, "etsy"),
    ("mercadolibre", ChannelKind::Marketplace, "mercadolibre"),
    ("mercado-libre", ChannelKind::Marketplace, "mercadolibre"),
    ("meli", ChannelKind::Marketplace, "mercadolibre"),
    ("zalando", ChannelKind::Marketplace, "zalando"),
    ("aliexpress", ChannelKind::Marketplace, "aliexpress"),
    ("miravia", ChannelKind::Marketplace, "miravia"),
    ("walmart", ChannelKind::Marketplace, "walmart"),
    ("allegro", ChannelKind::Marketplace, "allegro"),
    ("cdiscount", ChannelKind::Marketplace, "cdiscount"),
    ("google", ChannelKind::Marketplace, "google"),
    ("square", ChannelKind::Store, "square"),
    ("pos", ChannelKind::Store, ""),
    ("store", ChannelKind::Store, ""),
    ("tienda", ChannelKind::Store, ""),
    ("instagram", ChannelKind::Social, "instagram"),
    ("facebook", ChannelKind::Social, "facebook"),
    ("tiktok", ChannelKind::Social, "tiktok"),
    ("app", ChannelKind::App, ""),
    ("wholesale", ChannelKind::Wholesale, ""),
    ("b2b", ChannelKind::Wholesale, ""),
    ("faire", ChannelKind::Wholesale, "faire"),
];

/// The kind and platform a channel name implies, if it implies one.
pub fn infer_from_name(name: &str) -> Option<(ChannelKind, Option<&'static str>)> {
    let n = name.trim().to_ascii_lowercase();
    KNOWN
        .iter()
        .find(|(prefix, _, _)| n.starts_with(prefix))
        .map(|&(_, kind, platform)| (kind, (!platform.is_empty()).then_some(platform)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_say_their_kind() {
        assert_eq!(
            infer_from_name("amazon-es"),
            Some((ChannelKind::Marketplace, Some("amazon")))
        );
        assert_eq!(
            infer_from_name("Shopify"),
            Some((ChannelKind::Web, Some("shopify")))
        );
        assert_eq!(
            infer_from_name("store-madrid"),
            Some((ChannelKind::Store, None))
        );
        assert_eq!(infer_from_name("web"), Some((ChannelKind::Web, None)));
        assert_eq!(infer_from_name("lucia-outlet"), None);
    }

    #[test]
    fn kinds_parse_case_insensitively() {
        assert_eq!(
            "Marketplace".parse::<ChannelKind>(),
            Ok(ChannelKind::Marketplace)
        );
        assert!("shop".parse::<ChannelKind>().is_err());
    }
}
