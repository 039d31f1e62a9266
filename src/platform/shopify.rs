//! Shopify exports (FORMATS.md § 1): products in both header dialects, orders, inventory
//! per location, and customers.

use crate::domain::channel::ChannelKind;
use crate::ingest::columns::Kind;
use crate::ingest::shape::CanonRow;

use super::Profile;

const PRODUCT_FILL: &[&str] = &[
    "title",
    "brand",
    "category",
    "status",
    "description",
    "image_url",
    "url",
];

const fn products(name: &'static str, example: &'static str) -> Profile {
    let mut p = Profile::base(name, "shopify", Kind::Catalog, ChannelKind::Web);
    p.example = example;
    p.download = "Shopify admin → Products → Export (CSV for Excel or plain CSV)";
    p.group_key = Some("handle");
    p.fill_down = PRODUCT_FILL;
    p.adapt = Some(skip_image_rows);
    p
}

pub const PROFILES: &[Profile] = &[
    Profile {
        columns: &[
            ("handle", &["Handle"]),
            ("title", &["Title"]),
            ("description", &["Body (HTML)"]),
            ("brand", &["Vendor"]),
            ("category", &["Type", "Product Category"]),
            ("status", &["Status"]),
            ("option1", &["Option1 Value"]),
            ("option2", &["Option2 Value"]),
            ("option3", &["Option3 Value"]),
            ("sku", &["Variant SKU"]),
            ("quantity", &["Variant Inventory Qty"]),
            ("price", &["Variant Price"]),
            ("barcode", &["Variant Barcode"]),
            ("image_url", &["Variant Image", "Image Src"]),
        ],
        signature: &["Handle", "Variant Price"],
        ..products("shopify-products", "products_export_1.csv")
    },
    Profile {
        columns: &[
            ("handle", &["URL handle"]),
            ("title", &["Title"]),
            ("description", &["Description"]),
            ("brand", &["Vendor"]),
            ("category", &["Type", "Product category"]),
            ("status", &["Status"]),
            ("option1", &["Option1 value"]),
            ("option2", &["Option2 value"]),
            ("option3", &["Option3 value"]),
            ("sku", &["SKU"]),
            ("quantity", &["Inventory quantity"]),
            ("price", &["Price"]),
            ("barcode", &["Barcode"]),
            ("image_url", &["Variant image URL", "Product image URL"]),
        ],
        signature: &["URL handle", "Option1 value", "Price"],
        ..products("shopify-products-2024", "product_template.csv")
    },
    Profile {
        example: "orders_export_1.csv",
        download: "Shopify admin → Orders → Export → Plain CSV",
        columns: &[
            ("order_id", &["Name"]),
            ("ordered_at", &["Created at"]),
            ("status", &["Financial Status"]),
            ("customer_email", &["Email"]),
            ("customer_phone", &["Phone", "Billing Phone"]),
            ("customer_name", &["Billing Name", "Shipping Name"]),
            ("sku", &["Lineitem sku"]),
            ("title", &["Lineitem name"]),
            ("quantity", &["Lineitem quantity"]),
            ("unit_price", &["Lineitem price"]),
            ("currency", &["Currency"]),
            ("discount", &["Lineitem discount"]),
            ("shipping", &["Shipping"]),
            ("location", &["Location"]),
            ("cancelled_at", &["Cancelled at"]),
            ("refunded_amount", &["Refunded Amount"]),
        ],
        signature: &["Name", "Created at", "Lineitem quantity", "Lineitem price"],
        group_key: Some("order_id"),
        fill_down: &[
            "status",
            "customer_email",
            "customer_phone",
            "customer_name",
            "currency",
            "location",
            "cancelled_at",
            "refunded_amount",
        ],
        number_lines: true,
        adapt: Some(refunds_as_returns),
        ..Profile::base("shopify-orders", "shopify", Kind::Sales, ChannelKind::Web)
    },
    Profile {
        example: "inventory_export_1.csv",
        download: "Shopify admin → Products → Inventory → Export",
        columns: &[
            ("handle", &["Handle"]),
            ("option1", &["Option1 Value"]),
            ("option2", &["Option2 Value"]),
            ("option3", &["Option3 Value"]),
            ("sku", &["SKU"]),
            ("location", &["Location"]),
            // An upload file's new figure before the current one (omni reads its own uploads back).
            (
                "on_hand",
                &["On hand (new)", "On hand (current)", "On hand"],
            ),
            ("reserved", &["Committed (not editable)", "Committed"]),
        ],
        signature: &["Handle", "Location", "On hand (current)"],
        ..Profile::base(
            "shopify-inventory",
            "shopify",
            Kind::Stock,
            ChannelKind::Web,
        )
    },
    Profile {
        example: "customers_export.csv",
        download: "Shopify admin → Customers → Export",
        columns: &[
            ("customer_id", &["Customer ID"]),
            ("given_name", &["First Name"]),
            ("family_name", &["Last Name"]),
            ("email", &["Email"]),
            ("phone", &["Phone", "Default Address Phone"]),
            ("address", &["Default Address Address1", "Address1"]),
            ("address2", &["Default Address Address2", "Address2"]),
            ("city", &["Default Address City", "City"]),
            ("postcode", &["Default Address Zip", "Zip"]),
            (
                "region",
                &["Default Address Province Code", "Province Code", "Province"],
            ),
            (
                "country",
                &["Default Address Country Code", "Country Code", "Country"],
            ),
        ],
        signature: &["First Name", "Last Name", "Email", "Total Orders"],
        ..Profile::base(
            "shopify-customers",
            "shopify",
            Kind::Customers,
            ChannelKind::Web,
        )
    },
];

/// A row with neither SKU, price nor option value only adds an image to its product.
fn skip_image_rows(row: CanonRow, out: &mut Vec<CanonRow>) {
    if row.get("sku").is_none() && row.get("price").is_none() && row.get("option1").is_none() {
        return;
    }
    out.push(row);
}

/// A cancelled or fully refunded order keeps its lines and gets each one back as a return
/// (dated at the cancellation when the export gives it): the sale happened, then was undone,
/// so sales figures keep it and net it out. A cancelled order's lines (and their returns) are
/// marked cancelled, so stock is never moved by them; a refund is treated as a restock. A
/// partial refund stays an order-level amount, since the export does not say which lines.
fn refunds_as_returns(mut row: CanonRow, out: &mut Vec<CanonRow>) {
    let refunded = row
        .get("status")
        .is_some_and(|s| s.eq_ignore_ascii_case("refunded"));
    let cancelled = row.get("cancelled_at").is_some();
    if !(refunded || cancelled) {
        out.push(row);
        return;
    }
    row.set("refunded_amount", None);
    if cancelled {
        row.set("status", Some("cancelled".into()));
    }
    let mut back = row.clone();
    let qty = back
        .get("quantity")
        .map(|q| format!("-{}", q.trim_start_matches('+')));
    back.set("quantity", qty);
    let id = back.get("line_id").map(|l| format!("{l}-return"));
    back.set("line_id", id);
    back.set(
        "status",
        Some(if cancelled { "cancelled" } else { "returned" }.into()),
    );
    if let Some(at) = back.get("cancelled_at").map(str::to_string) {
        back.set("ordered_at", Some(at));
    }
    let discount = back
        .get("discount")
        .filter(|d| !d.starts_with('-'))
        .map(|d| format!("-{d}"));
    back.set("discount", discount);
    out.push(row);
    out.push(back);
}

/// Shopify's inventory import: one row per variant and location, `On hand (new)` set. A
/// variant keyed by handle and options gets them back in their columns.
pub fn inventory_upload(
    channel: &str,
    updates: &[super::upload::Update<'_>],
) -> super::upload::UploadFile {
    let rows = updates
        .iter()
        .map(|u| {
            let (handle, options) = match u.channel_sku.split_once('/') {
                Some((h, o)) if u.channel_sku != u.sku => {
                    (h.to_string(), o.split('/').map(str::to_string).collect())
                }
                _ => (String::new(), Vec::new()),
            };
            let opt = |i: usize| options.get(i).cloned().unwrap_or_default();
            let sku = if handle.is_empty() {
                u.sku.to_string()
            } else {
                String::new()
            };
            vec![
                handle,
                u.title.to_string(),
                String::new(),
                opt(0),
                String::new(),
                opt(1),
                String::new(),
                opt(2),
                sku,
                u.location.unwrap_or("").to_string(),
                String::new(),
                u.quantity.to_string(),
            ]
        })
        .collect();
    super::upload::table(
        format!("{channel}-shopify-inventory.csv"),
        b',',
        &[
            "Handle",
            "Title",
            "Option1 Name",
            "Option1 Value",
            "Option2 Name",
            "Option2 Value",
            "Option3 Name",
            "Option3 Value",
            "SKU",
            "Location",
            "On hand (current)",
            "On hand (new)",
        ],
        rows,
    )
}
