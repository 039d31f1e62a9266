//! The files each platform accepts to update its quantities, built from the plan's rows for
//! one channel. Deterministic: rows in channel-SKU order, the same plan gives the same bytes.

use crate::reconcile::PlanRow;
use crate::store::reconcile::ListingRow;

/// One channel's update file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadFile {
    pub file_name: String,
    pub delimiter: u8,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// One listing to update: its channel SKU, master SKU, quantity to publish, title, currency.
#[derive(Debug, Clone)]
pub struct Update<'a> {
    pub channel_sku: &'a str,
    pub sku: &'a str,
    pub quantity: i64,
    pub title: &'a str,
    pub currency: Option<&'a str>,
    /// The location this quantity is for (Shopify and Square name locations).
    pub location: Option<&'a str>,
}

/// The listings of `rows` to update, changed ones only unless `all`. A listing without a
/// currency takes the channel's.
pub fn updates<'a>(
    rows: &'a [&'a PlanRow],
    listings: &'a [ListingRow],
    all: bool,
    location: Option<&'a str>,
    channel_currency: Option<&'a str>,
) -> Vec<Update<'a>> {
    let mut out: Vec<Update<'a>> = rows
        .iter()
        .flat_map(|r| {
            r.listings
                .iter()
                .filter(move |l| all || l.listed != Some(l.publish))
                .map(move |l| Update {
                    channel_sku: &listings[l.listing].channel_sku,
                    sku: &r.sku,
                    quantity: l.publish,
                    title: &listings[l.listing].handle_title,
                    currency: listings[l.listing].currency.as_deref().or(channel_currency),
                    location,
                })
        })
        .collect();
    out.sort_by(|a, b| a.channel_sku.cmp(b.channel_sku));
    out
}

/// Spreads the quantity a listing publishes over the locations that feed its channel, in
/// feed order: each location takes what it has available, the first takes any rest. Every
/// location gets its figure, 0 included: a location left out of a Shopify inventory import
/// keeps its old quantity, which is how channels oversell.
pub fn by_location<'a>(quantity: i64, available: &[(&'a str, i64)]) -> Vec<(&'a str, i64)> {
    let mut left = quantity;
    let mut out: Vec<(&'a str, i64)> = available
        .iter()
        .map(|&(name, has)| {
            let take = has.clamp(0, left.max(0));
            left -= take;
            (name, take)
        })
        .collect();
    if let Some(first) = out.first_mut() {
        first.1 += left.max(0);
    }
    out
}

/// The update file for a channel on `platform`.
pub fn build(channel: &str, platform: Option<&str>, updates: &[Update<'_>]) -> UploadFile {
    match platform.unwrap_or("") {
        "shopify" => super::shopify::inventory_upload(channel, updates),
        "amazon" => super::amazon::price_quantity_upload(channel, updates),
        "ebay" => super::ebay::file_exchange_upload(channel, updates),
        "woocommerce" => super::woocommerce::stock_upload(channel, updates),
        "prestashop" => super::prestashop::quantity_upload(channel, updates),
        "square" => super::square::quantity_upload(channel, updates),
        "mercadolibre" => super::mercadolibre::stock_upload(channel, updates),
        _ => generic(channel, updates),
    }
}

/// `channel_sku,quantity` for any other channel.
pub fn generic(channel: &str, updates: &[Update<'_>]) -> UploadFile {
    table(
        format!("{channel}-quantities.csv"),
        b',',
        &["channel_sku", "sku", "quantity"],
        updates
            .iter()
            .map(|u| {
                vec![
                    u.channel_sku.to_string(),
                    u.sku.to_string(),
                    u.quantity.to_string(),
                ]
            })
            .collect(),
    )
}

pub fn table(
    file_name: String,
    delimiter: u8,
    header: &[&str],
    rows: Vec<Vec<String>>,
) -> UploadFile {
    UploadFile {
        file_name,
        delimiter,
        header: header.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::by_location;

    #[test]
    fn a_quantity_fills_locations_in_feed_order_and_names_each() {
        let stock = [("warehouse", 4), ("madrid", 3), ("valencia", 5)];
        assert_eq!(
            by_location(6, &stock),
            vec![("warehouse", 4), ("madrid", 2), ("valencia", 0)]
        );
        assert_eq!(
            by_location(0, &stock),
            vec![("warehouse", 0), ("madrid", 0), ("valencia", 0)]
        );
        // More than the locations hold (a bundle's own listing): the rest goes to the first.
        assert_eq!(
            by_location(5, &[("a", 1), ("b", 0)]),
            vec![("a", 5), ("b", 0)]
        );
        assert_eq!(by_location(3, &[]), vec![]);
    }
}
