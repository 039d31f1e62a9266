//! WooCommerce exports (FORMATS.md § 2): the product CSV in English or in the site's
//! language (Spanish here), and the Analytics → Orders download.

use crate::domain::channel::ChannelKind;
use crate::ingest::columns::Kind;
use crate::ingest::shape::CanonRow;

use super::Profile;

pub const PROFILES: &[Profile] = &[
    Profile {
        example: "wc-product-export-1-1-2025.csv",
        download: "WordPress admin → Products → Export (all columns)",
        columns: &[
            ("channel_sku", &["ID"]),
            ("product_type", &["Type", "Tipo"]),
            ("sku", &["SKU"]),
            ("title", &["Name", "Nombre"]),
            ("status", &["Published", "Publicado"]),
            (
                "description",
                &[
                    "Short description",
                    "Descripción corta",
                    "Description",
                    "Descripción",
                ],
            ),
            ("quantity", &["Stock", "Inventario"]),
            (
                "price",
                &[
                    "Sale price",
                    "Precio rebajado",
                    "Regular price",
                    "Precio normal",
                ],
            ),
            ("category", &["Categories", "Categorías"]),
            ("image_url", &["Images", "Imágenes"]),
            ("parent", &["Parent", "Superior"]),
            (
                "barcode",
                &[
                    "Meta: _global_unique_id",
                    "GTIN, UPC, EAN, or ISBN",
                    "GTIN, UPC, EAN o ISBN",
                ],
            ),
        ],
        signature: &["ID", "SKU"],
        adapt: Some(sellable_rows),
        ..Profile::base(
            "woocommerce-products",
            "woocommerce",
            Kind::Catalog,
            ChannelKind::Web,
        )
    },
    Profile {
        example: "wc-analytics-orders.csv",
        download: "WordPress admin → Analytics → Orders → Download (one row per order)",
        columns: &[
            ("order_id", &["Order #", "Pedido #", "Order"]),
            ("ordered_at", &["Date", "Fecha"]),
            ("status", &["Status", "Estado"]),
            ("customer_name", &["Customer", "Cliente"]),
            ("title", &["Product(s)", "Producto(s)"]),
            ("quantity", &["Items sold", "Artículos vendidos"]),
            (
                "line_total",
                &["Net Sales", "Ventas netas", "N. Revenue", "Ingresos netos"],
            ),
        ],
        signature: &["Order #", "Items sold", "Net Sales"],
        ..Profile::base(
            "woocommerce-orders",
            "woocommerce",
            Kind::Sales,
            ChannelKind::Web,
        )
    },
];

/// A variable or grouped product is a container of sellable variations or products; its own
/// row sells nothing. Published 1/0 becomes active/draft.
fn sellable_rows(mut row: CanonRow, out: &mut Vec<CanonRow>) {
    let kind = row.get("product_type").unwrap_or("").to_lowercase();
    if kind.starts_with("variable") || kind.starts_with("grouped") || kind.starts_with("agrupado") {
        return;
    }
    let status = match row.get("status") {
        Some("1") => Some("active"),
        Some("0") => Some("draft"),
        Some("-1") => Some("private"),
        _ => None,
    };
    if let Some(s) = status {
        row.set("status", Some(s.to_string()));
    }
    out.push(row);
}

/// A product CSV with ID, SKU and stock, for the WooCommerce importer's "update existing".
pub fn stock_upload(
    channel: &str,
    updates: &[super::upload::Update<'_>],
) -> super::upload::UploadFile {
    let rows = updates
        .iter()
        .map(|u| {
            let id = if u.channel_sku.chars().all(|c| c.is_ascii_digit()) {
                u.channel_sku
            } else {
                ""
            };
            vec![
                id.to_string(),
                u.sku.to_string(),
                "1".into(),
                u.quantity.to_string(),
                if u.quantity > 0 { "1" } else { "0" }.into(),
            ]
        })
        .collect();
    super::upload::table(
        format!("{channel}-woocommerce-stock.csv"),
        b',',
        &["ID", "SKU", "Manage stock?", "Stock", "In stock?"],
        rows,
    )
}
