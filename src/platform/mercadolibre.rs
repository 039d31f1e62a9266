//! Mercado Libre seller reports (FORMATS.md § 10), as CSV conversions of the Excel
//! downloads: title rows before the header, the currency inside money headers
//! (`Total (ARS)`), Spanish long-form dates. Built from the description, not a real file.

use crate::domain::channel::ChannelKind;
use crate::ingest::columns::Kind;

use super::Profile;

pub const PROFILES: &[Profile] = &[
    Profile {
        example: "publicaciones.csv",
        download: "Mercado Libre → Ventas → Publicaciones → Descargar (Excel, saved as CSV)",
        columns: &[
            (
                "channel_sku",
                &["# de publicación", "Número de publicación"],
            ),
            ("title", &["Título", "Título de la publicación"]),
            ("sku", &["SKU"]),
            ("price", &["Precio*"]),
            ("currency", &["Moneda"]),
            (
                "quantity",
                &["Stock disponible", "Cantidad disponible", "Stock"],
            ),
            ("status", &["Estado"]),
            ("option1", &["Variante", "Variación"]),
        ],
        signature: &["# de publicación", "SKU", "Estado"],
        ..Profile::base(
            "mercadolibre-listings",
            "mercadolibre",
            Kind::Catalog,
            ChannelKind::Marketplace,
        )
    },
    Profile {
        example: "ventas.csv",
        download: "Mercado Libre → Ventas → Descargar reporte de ventas (Excel, saved as CSV)",
        columns: &[
            ("order_id", &["# de venta", "Número de venta"]),
            ("ordered_at", &["Fecha de venta"]),
            ("status", &["Estado"]),
            ("quantity", &["Unidades"]),
            ("line_total", &["Ingresos por productos*"]),
            ("sku", &["SKU"]),
            ("title", &["Título de la publicación"]),
            ("customer_name", &["Comprador"]),
            ("option1", &["Variante"]),
        ],
        signature: &["# de venta", "Fecha de venta", "Unidades"],
        ..Profile::base(
            "mercadolibre-sales",
            "mercadolibre",
            Kind::Sales,
            ChannelKind::Marketplace,
        )
    },
];

/// Listing number, SKU and available stock, for the bulk editor.
pub fn stock_upload(
    channel: &str,
    updates: &[super::upload::Update<'_>],
) -> super::upload::UploadFile {
    let rows = updates
        .iter()
        .map(|u| {
            vec![
                u.channel_sku.to_string(),
                u.sku.to_string(),
                u.quantity.to_string(),
            ]
        })
        .collect();
    super::upload::table(
        format!("{channel}-mercadolibre-stock.csv"),
        b',',
        &["# de publicación", "SKU", "Stock disponible"],
        rows,
    )
}
