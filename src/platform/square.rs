//! Square POS exports (FORMATS.md § 6): the item library (one row per variation, one
//! quantity column per location) read as a catalogue or as stock, and the item sales report.

use crate::domain::channel::ChannelKind;
use crate::ingest::columns::Kind;
use crate::ingest::shape::CanonRow;

use super::Profile;

pub const PROFILES: &[Profile] = &[
    Profile {
        example: "catalog-2025-06-01-1200.csv",
        download: "Square Dashboard → Items → Actions → Export library (CSV)",
        columns: &[
            ("channel_sku", &["Token"]),
            ("title", &["Item Name"]),
            ("option1", &["Variation Name"]),
            ("sku", &["SKU"]),
            ("description", &["Description"]),
            ("category", &["Category"]),
            ("price", &["Price"]),
            ("barcode", &["GTIN"]),
        ],
        signature: &["Token", "Item Name", "Variation Name"],
        adapt: Some(variation_title),
        ..Profile::base("square-items", "square", Kind::Catalog, ChannelKind::Store)
    },
    Profile {
        example: "catalog-2025-06-01-1200.csv",
        download: "Square Dashboard → Items → Actions → Export library (CSV); import it as stock",
        columns: &[("sku", &["SKU"]), ("handle", &["Token"])],
        signature: &["Token", "Item Name", "Current Quantity *"],
        location_columns: Some("Current Quantity *"),
        ..Profile::base("square-stock", "square", Kind::Stock, ChannelKind::Store)
    },
    Profile {
        example: "items-2025-06-01-2025-06-30.csv",
        download: "Square Dashboard → Reports → Item Sales → Export (Item detail CSV)",
        columns: &[
            ("ordered_at", &["Date"]),
            ("time_zone", &["Time Zone"]),
            ("title", &["Item"]),
            ("quantity", &["Qty"]),
            ("sku", &["SKU"]),
            ("line_total", &["Gross Sales"]),
            ("discount", &["Discounts"]),
            ("tax", &["Tax"]),
            ("order_id", &["Transaction ID"]),
            ("status", &["Event Type"]),
            ("location", &["Location"]),
            ("customer_id", &["Customer ID"]),
            ("customer_name", &["Customer Name"]),
            ("option1", &["Time"]),
        ],
        signature: &[
            "Date",
            "Time",
            "Time Zone",
            "Qty",
            "Gross Sales",
            "Transaction ID",
        ],
        group_key: Some("order_id"),
        number_lines: true,
        adapt: Some(sale_or_refund),
        ..Profile::base(
            "square-item-sales",
            "square",
            Kind::Sales,
            ChannelKind::Store,
        )
    },
];

/// A variation is sold as "Item (Variation)", unless it is the only, unnamed one.
fn variation_title(mut row: CanonRow, out: &mut Vec<CanonRow>) {
    if let (Some(item), Some(var)) = (row.get("title"), row.get("option1"))
        && !var.eq_ignore_ascii_case("Regular")
    {
        let title = format!("{item} ({var})");
        row.set("title", Some(title));
    }
    out.push(row);
}

/// Date and time come in two columns (the time rides in `option1`). A refund event is a
/// returned line: negative quantity and amounts. Square writes discounts as negatives.
fn sale_or_refund(mut row: CanonRow, out: &mut Vec<CanonRow>) {
    let time = row.take("option1");
    if let (Some(d), Some(t)) = (row.get("ordered_at"), time) {
        let at = format!("{d} {t}");
        row.set("ordered_at", Some(at));
    }
    let refund = row
        .get("status")
        .is_some_and(|s| s.eq_ignore_ascii_case("refund"));
    if refund {
        for field in ["quantity", "line_total"] {
            if let Some(v) = row
                .get(field)
                .filter(|v| !v.contains('-') && !v.starts_with('('))
            {
                let negated = format!("-{v}");
                row.set(field, Some(negated));
            }
        }
        row.set("status", Some("returned".into()));
        // A refund reuses its sale's transaction id: its line key must not be the sale's.
        let key = format!(
            "refund:{}:{}",
            row.get("title").unwrap_or(""),
            row.get("line_id").unwrap_or("")
        );
        row.set("line_id", Some(key));
    }
    if let Some(d) = row.get("discount").map(|d| d.replacen('-', "", 1)) {
        let d = if refund { format!("-{d}") } else { d };
        row.set("discount", Some(d));
    }
    out.push(row);
}

/// The item library's `New Quantity <Location>` column, for Square's library import.
pub fn quantity_upload(
    channel: &str,
    updates: &[super::upload::Update<'_>],
) -> super::upload::UploadFile {
    let location = updates
        .iter()
        .find_map(|u| u.location)
        .unwrap_or("Location");
    let new_quantity = format!("New Quantity {location}");
    let rows = updates
        .iter()
        .map(|u| {
            vec![
                u.channel_sku.to_string(),
                u.title.to_string(),
                u.sku.to_string(),
                u.quantity.to_string(),
            ]
        })
        .collect();
    super::upload::table(
        format!("{channel}-square-quantities.csv"),
        b',',
        &["Token", "Item Name", "SKU", &new_quantity],
        rows,
    )
}
