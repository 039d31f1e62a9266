//! PrestaShop CSV files (FORMATS.md § 8), semicolon-separated, headers that carry their own
//! documentation (`Name *`, `Active (0/1)`): products, combinations, customers, addresses.
//! Product prices are tax-excluded; a combination's price is an impact on its product's.

use crate::domain::channel::ChannelKind;
use crate::ingest::columns::Kind;
use crate::ingest::shape::CanonRow;

use super::Profile;

pub const PROFILES: &[Profile] = &[
    Profile {
        example: "products_import.csv",
        download: "Back office → Catalog → Products → Export (or the CSV import sample)",
        columns: &[
            ("handle", &["Product ID", "ID", "id"]),
            ("status", &["Active (0/1)"]),
            ("title", &["Name *", "Name*", "Name"]),
            (
                "category",
                &["Categories (x,y,z...)", "Categories (x,y,z,...)"],
            ),
            (
                "price",
                &["Price tax excluded", "Price tax excl.", "Price tax excl"],
            ),
            ("sku", &["Reference #", "Reference"]),
            ("brand", &["Manufacturer"]),
            ("barcode", &["EAN13", "UPC"]),
            ("quantity", &["Quantity"]),
            ("description", &["Summary", "Description"]),
            ("image_url", &["Image URLs (x,y,z...)"]),
        ],
        signature: &["Active (0/1)", "Price tax excluded"],
        adapt: Some(active_flag),
        ..Profile::base(
            "prestashop-products",
            "prestashop",
            Kind::Catalog,
            ChannelKind::Web,
        )
    },
    Profile {
        example: "combinations_import.csv",
        download: "Back office → Catalog → Products → combinations (CSV import format)",
        columns: &[
            ("handle", &["Product ID*", "Product ID"]),
            (
                "option1",
                &["Value (Value:Position)*", "Value (Value:Position)"],
            ),
            ("sku", &["Reference"]),
            ("barcode", &["EAN13", "UPC"]),
            ("quantity", &["Quantity"]),
        ],
        signature: &["Product ID*", "Attribute (Name:Type:Position)*"],
        adapt: Some(combination),
        ..Profile::base(
            "prestashop-combinations",
            "prestashop",
            Kind::Catalog,
            ChannelKind::Web,
        )
    },
    Profile {
        example: "customers_import.csv",
        download: "Back office → Customers → Export (or the CSV import sample)",
        columns: &[
            ("customer_id", &["Customer ID", "ID"]),
            ("email", &["Email *", "Email*", "Email"]),
            ("family_name", &["Last Name *", "Last name *", "Last Name"]),
            (
                "given_name",
                &["First Name *", "First name *", "First Name"],
            ),
            ("created_at", &["Registration date (yyyy-mm-dd)"]),
        ],
        signature: &["Email *", "Last Name *", "First Name *"],
        ..Profile::base(
            "prestashop-customers",
            "prestashop",
            Kind::Customers,
            ChannelKind::Web,
        )
    },
    Profile {
        example: "addresses_import.csv",
        download: "Back office → Customers → Addresses → Export (or the CSV import sample)",
        columns: &[
            ("customer_id", &["Customer ID"]),
            (
                "email",
                &[
                    "Customer e-mail*",
                    "Customer e-mail *",
                    "Customer e-mail",
                    "Customer email",
                ],
            ),
            (
                "family_name",
                &["Lastname*", "Last Name *", "Last name *", "Last Name"],
            ),
            (
                "given_name",
                &["Firstname*", "First Name *", "First name *", "First Name"],
            ),
            ("address", &["Address 1*", "Address *", "Address"]),
            ("address2", &["Address 2", "Address (2)"]),
            (
                "postcode",
                &[
                    "Zipcode*",
                    "Zip/postal code",
                    "Zip/Postal Code",
                    "Postcode",
                    "Zip code",
                ],
            ),
            ("city", &["City*", "City *", "City"]),
            ("region", &["State", "State *"]),
            ("country", &["Country*", "Country *", "Country"]),
            ("phone", &["Mobile Phone", "Mobile phone", "Phone"]),
        ],
        signature: &["Alias*", "Customer e-mail*", "City*"],
        ..Profile::base(
            "prestashop-addresses",
            "prestashop",
            Kind::Customers,
            ChannelKind::Web,
        )
    },
];

fn active_flag(mut row: CanonRow, out: &mut Vec<CanonRow>) {
    let status = match row.get("status") {
        Some("1") => Some("active".to_string()),
        Some("0") => Some("inactive".to_string()),
        other => other.map(str::to_string),
    };
    row.set("status", status);
    out.push(row);
}

/// A combination has no name or price of its own: it is "product N: values", its price
/// unknown here (an impact on the product's tax-excluded price).
fn combination(mut row: CanonRow, out: &mut Vec<CanonRow>) {
    let values = row.get("option1").map(|v| {
        v.split(',')
            .map(|part| part.split(':').next().unwrap_or("").trim())
            .collect::<Vec<_>>()
            .join(", ")
    });
    let title = match (row.get("handle"), &values) {
        (Some(id), Some(v)) => Some(format!("product {id}: {v}")),
        (Some(id), None) => Some(format!("product {id}")),
        _ => values.clone(),
    };
    row.set("title", title);
    row.set("option1", values);
    out.push(row);
}

/// Reference and quantity, semicolon-separated, for the back office's CSV import.
pub fn quantity_upload(
    channel: &str,
    updates: &[super::upload::Update<'_>],
) -> super::upload::UploadFile {
    let rows = updates
        .iter()
        .map(|u| vec![u.sku.to_string(), u.quantity.to_string()])
        .collect();
    super::upload::table(
        format!("{channel}-prestashop-quantities.csv"),
        b';',
        &["Reference #", "Quantity"],
        rows,
    )
}
