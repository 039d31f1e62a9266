//! Etsy downloads (FORMATS.md § 5): the listings file (headers in the seller's language, one
//! row per listing with all variant SKUs comma-joined), sold order items, and sold orders
//! (one row per order, read for its buyers).

use crate::domain::channel::ChannelKind;
use crate::ingest::columns::Kind;
use crate::ingest::shape::CanonRow;

use super::Profile;

pub const PROFILES: &[Profile] = &[
    Profile {
        example: "EtsyListingsDownload.csv",
        download: "Shop Manager → Settings → Options → Download Data → Currently for sale listings",
        columns: &[
            ("title", &["TITLE", "TITOLO", "TÍTULO", "TITRE", "TITEL"]),
            (
                "description",
                &["DESCRIPTION", "DESCRIZIONE", "DESCRIPCIÓN", "BESCHREIBUNG"],
            ),
            ("price", &["PRICE", "PREZZO", "PRECIO", "PRIX", "PREIS"]),
            ("currency", &["CURRENCY_CODE"]),
            (
                "quantity",
                &["QUANTITY", "QUANTITÀ", "CANTIDAD", "QUANTITÉ", "MENGE"],
            ),
            ("image_url", &["IMAGE1", "IMMAGINE1", "IMAGEN1", "BILD1"]),
            ("sku_list", &["SKU"]),
        ],
        signature: &["CURRENCY_CODE", "SKU"],
        adapt: Some(one_row_per_sku),
        ..Profile::base(
            "etsy-listings",
            "etsy",
            Kind::Catalog,
            ChannelKind::Marketplace,
        )
    },
    Profile {
        example: "EtsySoldOrderItems2025.csv",
        download: "Shop Manager → Settings → Options → Download Data → Orders → Type: Order Items",
        columns: &[
            ("ordered_at", &["Sale Date"]),
            ("title", &["Item Name"]),
            ("customer_id", &["Buyer"]),
            ("customer_name", &["Ship Name"]),
            ("quantity", &["Quantity"]),
            ("unit_price", &["Price"]),
            ("discount", &["Discount Amount"]),
            ("currency", &["Currency"]),
            ("line_id", &["Transaction ID"]),
            ("order_id", &["Order ID"]),
            ("sku", &["SKU"]),
        ],
        signature: &["Sale Date", "Item Name", "Transaction ID", "Order ID"],
        ..Profile::base(
            "etsy-order-items",
            "etsy",
            Kind::Sales,
            ChannelKind::Marketplace,
        )
    },
    Profile {
        example: "EtsySoldOrders2025.csv",
        download: "Shop Manager → Settings → Options → Download Data → Orders → Type: Orders (its buyers become customer records)",
        columns: &[
            ("customer_id", &["Buyer User ID", "Buyer"]),
            ("name", &["Full Name"]),
            ("given_name", &["First Name"]),
            ("family_name", &["Last Name"]),
            ("address", &["Street 1"]),
            ("address2", &["Street 2"]),
            ("city", &["Ship City"]),
            ("region", &["Ship State"]),
            ("postcode", &["Ship Zipcode"]),
            ("country", &["Ship Country"]),
            ("created_at", &["Sale Date"]),
        ],
        signature: &["Sale Date", "Order ID", "Buyer User ID", "Full Name"],
        ..Profile::base(
            "etsy-orders-buyers",
            "etsy",
            Kind::Customers,
            ChannelKind::Marketplace,
        )
    },
];

/// Etsy lists all the SKUs of a listing's variants in one cell, without saying which
/// variant is which or how many of each: each SKU becomes a listing with the listing's price
/// and an unknown quantity (the listing's total stays on a single-SKU listing). A listing
/// without SKUs is keyed by its title.
fn one_row_per_sku(mut row: CanonRow, out: &mut Vec<CanonRow>) {
    let skus: Vec<String> = row
        .take("sku_list")
        .map(|l| {
            l.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    match skus.len() {
        0 => {
            let key = row.get("title").map(str::to_string);
            row.set("channel_sku", key);
            out.push(row);
        }
        1 => {
            row.set("sku", skus.into_iter().next());
            out.push(row);
        }
        _ => {
            let mut seen = std::collections::HashSet::new();
            for sku in skus {
                if seen.insert(sku.to_lowercase()) {
                    let mut r = row.clone();
                    r.set("sku", Some(sku));
                    r.set("quantity", None);
                    out.push(r);
                }
            }
        }
    }
}
