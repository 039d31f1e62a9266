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

/// The mailbox an address delivers to, as identity evidence: trimmed and lowercased, a `+tag`
/// dropped (Gmail, Outlook, iCloud and most others deliver `ana+web@` to `ana@`), and for
/// Gmail, which ignores dots and answers to googlemail.com too, dots dropped. `None` for a
/// relay address or something that is not an address.
pub fn normalize(email: &str) -> Option<String> {
    let email = email.trim();
    if is_relay(email) {
        return None;
    }
    let (local, domain) = email.rsplit_once('@')?;
    let domain = domain.trim().to_lowercase();
    let local = local.trim().to_lowercase();
    let local = local.split('+').next().unwrap_or_default();
    if local.is_empty() || !domain.contains('.') {
        return None;
    }
    if domain == "gmail.com" || domain == "googlemail.com" {
        let local = local.replace('.', "");
        return (!local.is_empty()).then(|| format!("{local}@gmail.com"));
    }
    Some(format!("{local}@{domain}"))
}

/// The part before the `@` of a normalized address.
pub fn local_part(normalized: &str) -> &str {
    normalized.split('@').next().unwrap_or(normalized)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_mailboxes() {
        assert_eq!(
            normalize("  Ana.Ruiz@Gmail.com ").as_deref(),
            Some("anaruiz@gmail.com")
        );
        assert_eq!(
            normalize("a.n.a.ruiz+web@googlemail.com").as_deref(),
            Some("anaruiz@gmail.com")
        );
        // Only Gmail ignores dots; tags go everywhere.
        assert_eq!(
            normalize("ana.ruiz+x@Hotmail.ES").as_deref(),
            Some("ana.ruiz@hotmail.es")
        );
        assert_eq!(normalize("k2x8vq1lz3@marketplace.amazon.es"), None);
        assert_eq!(normalize("57cfd103787993b2@members.ebay.com"), None);
        assert_eq!(normalize("--"), None);
        assert_eq!(normalize("@gmail.com"), None);
        assert_eq!(normalize("+tag@gmail.com"), None);
        assert_eq!(local_part("anaruiz@gmail.com"), "anaruiz");
    }

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
