//! The validated records an import produces, one per kind of file. Ingest builds them from
//! rows; the store writes them. Optional fields are `None` when the file left them blank.

use super::currency::Currency;
use super::datetime::Instant;
use super::gtin::Gtin;
use super::money::Money;
use super::sku::Sku;

/// One product of the master catalogue, or one listing of a channel (with `--channel`).
#[derive(Debug, Clone)]
pub struct CatalogRecord {
    /// `None` for a channel listing whose export gives no SKU (it is keyed by `channel_sku`).
    pub sku: Option<Sku>,
    pub title: String,
    pub barcode: Option<Gtin>,
    pub brand: Option<String>,
    pub category: Option<String>,
    pub price: Option<Money>,
    pub quantity: Option<i64>,
    pub status: Option<String>,
    pub url: Option<String>,
    pub description: Option<String>,
    pub image_url: Option<String>,
    /// The channel's own identifier of the listing; defaults to the SKU.
    pub channel_sku: Option<String>,
    pub updated_at: Option<Instant>,
}

/// A count of one SKU at one location as of an instant.
#[derive(Debug, Clone)]
pub struct StockRecord {
    pub sku: Sku,
    pub location: String,
    pub on_hand: i64,
    pub reserved: i64,
    pub as_of: Instant,
}

/// How the person behind an order identifies on the channel (all optional: guests have none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerRef {
    pub customer_id: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub name: Option<String>,
}

impl CustomerRef {
    pub fn is_guest(&self) -> bool {
        self.customer_id.is_none() && self.email.is_none() && self.phone.is_none()
    }
}

/// One order line; a negative quantity is a returned line.
#[derive(Debug, Clone)]
pub struct SalesRecord {
    pub channel: String,
    pub order_id: String,
    /// `None` when the file has no line ids: the store numbers lines by position in the order.
    pub line_id: Option<String>,
    pub ordered_at: Instant,
    pub status: Option<String>,
    pub customer: CustomerRef,
    pub sku: Sku,
    pub quantity: i64,
    pub unit_price: Money,
    pub discount: i64,
    pub tax: i64,
    pub shipping: Option<i64>,
    /// The location that fulfilled the line, when the export says.
    pub location: Option<String>,
    pub cancelled_at: Option<Instant>,
    /// Money refunded on the order without returned goods (order level).
    pub refunded_amount: Option<i64>,
}

impl SalesRecord {
    pub fn currency(&self) -> Currency {
        self.unit_price.currency
    }
}

/// One channel's record of a person, from a customer export.
#[derive(Debug, Clone, Default)]
pub struct CustomerRecord {
    pub customer_id: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub name: Option<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub postcode: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub created_at: Option<Instant>,
}

impl CustomerRecord {
    /// The display name: `name`, else given and family names joined.
    pub fn full_name(&self) -> Option<String> {
        if self.name.is_some() {
            return self.name.clone();
        }
        match (&self.given_name, &self.family_name) {
            (Some(g), Some(f)) => Some(format!("{g} {f}")),
            (Some(n), None) | (None, Some(n)) => Some(n.clone()),
            (None, None) => None,
        }
    }
}

/// A human's decision that a channel SKU is a master SKU (`omni skus map`).
#[derive(Debug, Clone)]
pub struct SkuAliasRecord {
    pub channel: String,
    pub channel_sku: String,
    pub sku: Sku,
}

/// One component of a bundle.
#[derive(Debug, Clone)]
pub struct BundleRecord {
    pub bundle: Sku,
    pub component: Sku,
    pub quantity: i64,
}

/// The natural key of a customer record within its channel: the channel's own id when it
/// has one, else the e-mail, else the phone, else name and postcode.
pub fn customer_record_key(
    customer_id: Option<&str>,
    email: Option<&str>,
    phone: Option<&str>,
    name: Option<&str>,
    postcode: Option<&str>,
) -> Option<String> {
    if let Some(id) = customer_id {
        return Some(format!("id:{id}"));
    }
    if let Some(e) = email {
        return Some(format!("email:{}", e.trim().to_lowercase()));
    }
    if let Some(p) = phone {
        let digits: String = p.chars().filter(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            return Some(format!("phone:{digits}"));
        }
    }
    name.map(|n| {
        format!(
            "name:{}|{}",
            n.trim().to_lowercase(),
            postcode.unwrap_or("").trim()
        )
    })
}

/// One exchange rate: `rate` units of `currency` per unit of `base` on the local day `day`
/// (YYYY-MM-DD); the rate as an exact decimal string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateRecord {
    pub day: String,
    pub currency: String,
    pub base: String,
    pub rate: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_keys_prefer_the_strongest_identifier() {
        assert_eq!(
            customer_record_key(Some("C1"), Some("a@b.es"), None, None, None).unwrap(),
            "id:C1"
        );
        assert_eq!(
            customer_record_key(None, Some(" A@B.es"), None, None, None).unwrap(),
            "email:a@b.es"
        );
        assert_eq!(
            customer_record_key(None, None, Some("+34 612-34"), None, None).unwrap(),
            "phone:3461234"
        );
        assert_eq!(
            customer_record_key(None, None, None, Some("Ana Ruiz"), Some("28013")).unwrap(),
            "name:ana ruiz|28013"
        );
        assert_eq!(
            customer_record_key(None, None, None, None, Some("28013")),
            None
        );
    }
}
