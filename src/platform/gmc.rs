//! Google Merchant Center product feeds (FORMATS.md § 7): prices with their currency
//! (`12.70 USD`), availability instead of stock counts.

use crate::domain::channel::ChannelKind;
use crate::ingest::columns::Kind;

use super::Profile;

pub const PROFILES: &[Profile] = &[Profile {
    example: "products_feed.csv",
    download: "Merchant Center → Products → Feeds → the feed's file (CSV or TSV), or the shop's feed URL",
    columns: &[
        ("sku", &["id"]),
        ("title", &["title"]),
        ("description", &["description"]),
        ("url", &["link"]),
        ("image_url", &["image_link"]),
        ("price", &["sale_price", "price"]),
        ("availability", &["availability"]),
        ("brand", &["brand"]),
        ("barcode", &["gtin"]),
        ("category", &["product_type", "google_product_category"]),
        ("handle", &["item_group_id"]),
    ],
    signature: &["id", "title", "price", "availability"],
    ..Profile::base(
        "google-merchant-feed",
        "google",
        Kind::Catalog,
        ChannelKind::Marketplace,
    )
}];
