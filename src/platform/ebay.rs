//! eBay Seller Hub downloads (FORMATS.md § 4): the Orders report (BOM, a blank row before
//! the header, footer lines after the data, masked buyer data as `--`), the active listings
//! report and File Exchange files.

use crate::domain::channel::ChannelKind;
use crate::ingest::columns::Kind;

use super::Profile;

pub const PROFILES: &[Profile] = &[
    Profile {
        example: "eBay-OrdersReport-Jun-28-2023.csv",
        download: "Seller Hub → Orders → Download report (Orders, all columns)",
        columns: &[
            ("order_id", &["Order Number"]),
            ("alt_order_id", &["Sales Record Number"]),
            ("line_id", &["Transaction ID"]),
            ("ordered_at", &["Sale Date"]),
            ("customer_id", &["Buyer Username"]),
            ("customer_name", &["Buyer Name"]),
            ("customer_email", &["Buyer Email"]),
            ("customer_phone", &["Ship To Phone"]),
            ("sku", &["Custom Label"]),
            ("title", &["Item Title"]),
            ("quantity", &["Quantity"]),
            ("unit_price", &["Sold For"]),
            ("shipping", &["Shipping And Handling"]),
        ],
        signature: &["Sales Record Number", "Order Number", "Sold For"],
        empty_values: &["--"],
        skip_sparse_rows: true,
        ..Profile::base("ebay-orders", "ebay", Kind::Sales, ChannelKind::Marketplace)
    },
    Profile {
        example: "eBay-all-active-listings-report.csv",
        download: "Seller Hub → Listings → Active → Download report",
        columns: &[
            ("channel_sku", &["Item number"]),
            ("sku", &["Custom label (SKU)"]),
            ("title", &["Title"]),
            ("quantity", &["Available quantity"]),
            ("price", &["Current price", "Start price"]),
            ("currency", &["Currency"]),
            ("option1", &["Variation details"]),
        ],
        signature: &["Item number", "Custom label (SKU)", "Available quantity"],
        empty_values: &["--"],
        skip_sparse_rows: true,
        ..Profile::base(
            "ebay-listings",
            "ebay",
            Kind::Catalog,
            ChannelKind::Marketplace,
        )
    },
    Profile {
        example: "FileExchange_Revise.csv",
        download: "Seller Hub → Reports → Uploads/Downloads (File Exchange format)",
        columns: &[
            ("channel_sku", &["ItemID"]),
            ("sku", &["CustomLabel", "*CustomLabel"]),
            ("title", &["*Title", "Title"]),
            ("quantity", &["*Quantity", "Quantity"]),
            ("price", &["*StartPrice", "StartPrice"]),
            ("option1", &["RelationshipDetails"]),
        ],
        signature: &["*Action(*", "ItemID"],
        empty_values: &["--"],
        group_key: Some("channel_sku"),
        fill_down: &["title"],
        adapt: Some(super::title_from_sku),
        ..Profile::base(
            "ebay-file-exchange",
            "ebay",
            Kind::Catalog,
            ChannelKind::Marketplace,
        )
    },
];

/// A File Exchange revise file: `Revise` per item with its new quantity.
pub fn file_exchange_upload(
    channel: &str,
    updates: &[super::upload::Update<'_>],
) -> super::upload::UploadFile {
    let currency = updates.iter().find_map(|u| u.currency).unwrap_or("USD");
    let (site, country) = match currency {
        "EUR" => ("Spain", "ES"),
        "GBP" => ("UK", "GB"),
        "AUD" => ("Australia", "AU"),
        "CAD" => ("Canada", "CA"),
        _ => ("US", "US"),
    };
    let action =
        format!("*Action(SiteID={site}|Country={country}|Currency={currency}|Version=1193)");
    let rows = updates
        .iter()
        .map(|u| {
            vec![
                "Revise".to_string(),
                u.channel_sku.to_string(),
                u.sku.to_string(),
                u.quantity.to_string(),
            ]
        })
        .collect();
    super::upload::table(
        format!("{channel}-ebay-file-exchange.csv"),
        b',',
        &[&action, "ItemID", "CustomLabel", "*Quantity"],
        rows,
    )
}
