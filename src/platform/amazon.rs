//! Amazon Seller Central reports (FORMATS.md § 3), tab-separated: All Orders, Active
//! Listings, and the FBA (AFN) inventory report.

use crate::domain::channel::ChannelKind;
use crate::ingest::columns::Kind;
use crate::ingest::shape::CanonRow;

use super::Profile;

/// The stock location of Amazon's own warehouses (FBA), as its inventory and orders name it.
pub const FBA_LOCATION: &str = "amazon-fba";

pub const PROFILES: &[Profile] = &[
    PRICE_QUANTITY,
    Profile {
        example: "All_Orders_report.txt",
        download: "Seller Central → Reports → Fulfillment → All Orders (or Order Reports → All Orders), tab-delimited",
        columns: &[
            ("order_id", &["amazon-order-id", "order-id"]),
            ("ordered_at", &["purchase-date"]),
            ("status", &["item-status", "order-status"]),
            ("sku", &["sku"]),
            ("title", &["product-name"]),
            ("quantity", &["quantity", "quantity-purchased"]),
            ("currency", &["currency"]),
            ("line_total", &["item-price"]),
            ("tax", &["item-tax"]),
            ("shipping", &["shipping-price"]),
            ("discount", &["item-promotion-discount"]),
            ("location", &["fulfillment-channel"]),
            ("line_id", &["order-item-id"]),
            ("customer_email", &["buyer-email"]),
            ("customer_name", &["buyer-name"]),
            ("customer_phone", &["buyer-phone-number"]),
        ],
        signature: &["amazon-order-id", "purchase-date", "sku", "item-price"],
        adapt: Some(order_line),
        ..Profile::base(
            "amazon-orders",
            "amazon",
            Kind::Sales,
            ChannelKind::Marketplace,
        )
    },
    Profile {
        example: "Active_Listings_Report.txt",
        download: "Seller Central → Inventory → Inventory Reports → Active Listings Report",
        columns: &[
            ("sku", &["seller-sku"]),
            ("title", &["item-name"]),
            ("description", &["item-description"]),
            ("price", &["price"]),
            ("quantity", &["quantity"]),
            ("status", &["status"]),
            ("image_url", &["image-url"]),
            ("handle", &["asin1"]),
        ],
        signature: &["seller-sku", "item-name", "price"],
        ..Profile::base(
            "amazon-listings",
            "amazon",
            Kind::Catalog,
            ChannelKind::Marketplace,
        )
    },
    Profile {
        example: "FBA_Manage_Inventory.txt",
        download: "Seller Central → Reports → Fulfillment → Inventory → Amazon Fulfilled Inventory",
        columns: &[
            ("sku", &["seller-sku"]),
            ("on_hand", &["Quantity Available"]),
        ],
        signature: &[
            "seller-sku",
            "fulfillment-channel-sku",
            "Quantity Available",
        ],
        adapt: Some(at_fba),
        ..Profile::base(
            "amazon-fba-inventory",
            "amazon",
            Kind::Stock,
            ChannelKind::Marketplace,
        )
    },
];

/// Lines are keyed by SKU within the order when the report has no item id. A pending order
/// without a price yet is left for the next report. Amazon-fulfilled lines come from FBA.
fn order_line(mut row: CanonRow, out: &mut Vec<CanonRow>) {
    if row.get("line_total").is_none() {
        let cancelled = row
            .get("status")
            .is_some_and(|s| s.to_lowercase().starts_with("cancel"));
        if !cancelled && row.get("quantity").is_none_or(|q| q.trim() != "0") {
            // A pending order has no price yet: the next report brings it.
            return;
        }
        // A cancelled line sold nothing: a zero total keeps it on record.
        row.set("line_total", Some("0".into()));
    }
    if row.get("line_id").is_none() {
        let sku = row.get("sku").map(str::to_string);
        row.set("line_id", sku);
    }
    let location = match row.get("location") {
        Some(f) if f.eq_ignore_ascii_case("Amazon") || f.eq_ignore_ascii_case("AFN") => {
            Some(FBA_LOCATION.to_string())
        }
        _ => None,
    };
    row.set("location", location);
    out.push(row);
}

fn at_fba(mut row: CanonRow, out: &mut Vec<CanonRow>) {
    if row.get("location").is_none() {
        row.set("location", Some(FBA_LOCATION.to_string()));
    }
    out.push(row);
}

/// The Price & Quantity file (tab-separated): quantity set, price left blank (unchanged).
pub fn price_quantity_upload(
    channel: &str,
    updates: &[super::upload::Update<'_>],
) -> super::upload::UploadFile {
    let rows = updates
        .iter()
        .map(|u| {
            vec![
                u.channel_sku.to_string(),
                String::new(),
                String::new(),
                String::new(),
                u.quantity.to_string(),
                String::new(),
                String::new(),
            ]
        })
        .collect();
    super::upload::table(
        format!("{channel}-amazon-price-quantity.txt"),
        b'\t',
        &[
            "sku",
            "price",
            "minimum-seller-allowed-price",
            "maximum-seller-allowed-price",
            "quantity",
            "handling-time",
            "fulfillment-channel",
        ],
        rows,
    )
}

pub const PRICE_QUANTITY: Profile = Profile {
    example: "Price_and_Quantity.txt",
    download: "the Price & Quantity upload file (as omni reconcile --emit writes it)",
    columns: &[
        ("sku", &["sku"]),
        ("price", &["price"]),
        ("quantity", &["quantity"]),
    ],
    signature: &["sku", "minimum-seller-allowed-price", "quantity"],
    adapt: Some(super::title_from_sku),
    ..Profile::base(
        "amazon-price-quantity",
        "amazon",
        Kind::Catalog,
        ChannelKind::Marketplace,
    )
};
