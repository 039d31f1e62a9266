//! E-mail addresses as evidence of identity. Marketplaces hand sellers relay addresses that
//! forward to the buyer: they identify an order, not a person across channels.

/// Domains (or domain suffixes) of marketplace relay addresses.
const RELAY_DOMAINS: &[&str] = &[
    "marketplace.amazon.",
    "members.ebay.",
    "mail.mercadolibre.",
    "relay.walmart.com",
];

/// Whether an address is a marketplace relay (`k2x8@marketplace.amazon.es`, `…@members.ebay.com`).
pub fn is_relay(email: &str) -> bool {
    let Some((_, domain)) = email.trim().rsplit_once('@') else {
        return false;
    };
    let domain = domain.to_ascii_lowercase();
    RELAY_DOMAINS
        .iter()
        .any(|d| domain.starts_with(d) || domain.contains(&format!(".{d}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relay_addresses() {
        assert!(is_relay("k2x8vq1lz3@marketplace.amazon.es"));
        assert!(is_relay("abc@Marketplace.Amazon.co.uk"));
        assert!(is_relay("d7f3a@members.ebay.com"));
        assert!(!is_relay("maria.garcia@gmail.com"));
        assert!(!is_relay("amazon@example.com"));
        assert!(!is_relay("no-at-sign"));
    }
}
