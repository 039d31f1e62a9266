//! Tiendanube / Nuvemshop exports (FORMATS.md § 9): Windows-1252, `;`, decimal comma,
//! Spanish headers, SI/NO flags. Products repeat their URL handle on each variant row.

use crate::domain::channel::ChannelKind;
use crate::ingest::columns::Kind;
use crate::ingest::shape::CanonRow;

use super::Profile;

pub const PROFILES: &[Profile] = &[
    Profile {
        example: "productos.csv",
        download: "Administrador → Productos → Exportar productos (CSV)",
        columns: &[
            ("handle", &["Identificador de URL"]),
            ("title", &["Nombre"]),
            ("category", &["Categorías"]),
            ("option1", &["Valor de propiedad 1"]),
            ("option2", &["Valor de propiedad 2"]),
            ("option3", &["Valor de propiedad 3"]),
            ("price", &["Precio promocional", "Precio"]),
            ("quantity", &["Stock"]),
            ("sku", &["SKU"]),
            ("barcode", &["Código de barras"]),
            ("status", &["Mostrar en tienda"]),
            ("description", &["Descripción"]),
            ("brand", &["Marca"]),
        ],
        signature: &["Identificador de URL", "Nombre", "Precio"],
        group_key: Some("handle"),
        fill_down: &["title", "category", "description", "brand", "status"],
        adapt: Some(si_no),
        ..Profile::base(
            "tiendanube-products",
            "tiendanube",
            Kind::Catalog,
            ChannelKind::Web,
        )
    },
    Profile {
        example: "ventas.csv",
        download: "Administrador → Ventas → Exportar listado de ventas (CSV)",
        columns: &[
            ("order_id", &["Número de orden"]),
            ("customer_email", &["Email"]),
            ("ordered_at", &["Fecha"]),
            ("status", &["Estado de la orden"]),
            ("currency", &["Moneda"]),
            ("shipping", &["Costo de envío"]),
            ("customer_name", &["Nombre del comprador"]),
            ("customer_id", &["DNI / CUIT"]),
            ("customer_phone", &["Teléfono"]),
            ("title", &["Nombre del producto"]),
            ("unit_price", &["Precio del producto"]),
            ("quantity", &["Cantidad del producto"]),
            ("sku", &["SKU"]),
            ("location", &["Sucursal de venta"]),
            ("cancelled_at", &["Fecha y hora de cancelación"]),
        ],
        signature: &[
            "Número de orden",
            "Nombre del producto",
            "Cantidad del producto",
        ],
        group_key: Some("order_id"),
        fill_down: &[
            "ordered_at",
            "customer_email",
            "status",
            "currency",
            "customer_name",
            "customer_id",
            "customer_phone",
            "cancelled_at",
            "location",
        ],
        number_lines: true,
        ..Profile::base(
            "tiendanube-sales",
            "tiendanube",
            Kind::Sales,
            ChannelKind::Web,
        )
    },
];

/// Unlimited stock is a blank `Stock`; SI/NO flags become statuses. A product row without a
/// URL handle is keyed by its name.
fn si_no(mut row: CanonRow, out: &mut Vec<CanonRow>) {
    let status = match row.get("status").map(str::to_ascii_uppercase).as_deref() {
        Some("SI") | Some("SÍ") => Some("active".to_string()),
        Some("NO") => Some("hidden".to_string()),
        _ => row.get("status").map(str::to_string),
    };
    row.set("status", status);
    if row.get("handle").is_none() {
        let name = row.get("title").map(str::to_string);
        row.set("handle", name);
    }
    out.push(row);
}
