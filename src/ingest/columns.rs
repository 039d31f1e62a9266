//! The canonical omni CSV columns of each kind of file, and how a header row maps onto them.

use std::fmt;

use crate::domain::currency::Currency;
use crate::platform::{Profile, header_matches};

/// What a column holds, for locale sniffing and parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Text,
    Integer,
    Money,
    Date,
}

#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    pub name: &'static str,
    pub required: bool,
    pub ty: ColumnType,
}

const fn col(name: &'static str, required: bool, ty: ColumnType) -> ColumnSpec {
    ColumnSpec { name, required, ty }
}

use ColumnType::*;

// After the documented canonical columns, each list has extension fields that platform
// profiles feed (a canonical file may use them too); they are never required.

pub const CATALOG: &[ColumnSpec] = &[
    col("sku", true, Text),
    col("title", true, Text),
    col("barcode", false, Text),
    col("brand", false, Text),
    col("category", false, Text),
    col("price", false, Money),
    col("currency", false, Text),
    col("quantity", false, Integer),
    col("status", false, Text),
    col("url", false, Text),
    col("description", false, Text),
    col("image_url", false, Text),
    col("channel_sku", false, Text),
    col("updated_at", false, Date),
    // Extensions: the product a variant belongs to and its options, so a variant without a
    // SKU still gets a stable key (handle + options); a list of SKUs sharing one listing.
    col("handle", false, Text),
    col("option1", false, Text),
    col("option2", false, Text),
    col("option3", false, Text),
    col("parent", false, Text),
    col("sku_list", false, Text),
    col("availability", false, Text),
    col("product_type", false, Text),
];

pub const STOCK: &[ColumnSpec] = &[
    col("sku", true, Text),
    // Required unless --location names the location of every row.
    col("location", true, Text),
    col("on_hand", true, Integer),
    col("reserved", false, Integer),
    col("as_of", false, Date),
    // Extensions: a variant identified by handle and options when it has no SKU.
    col("handle", false, Text),
    col("option1", false, Text),
    col("option2", false, Text),
    col("option3", false, Text),
];

pub const SALES: &[ColumnSpec] = &[
    col("order_id", true, Text),
    col("line_id", false, Text),
    // Required unless --channel names the channel of every row.
    col("channel", true, Text),
    col("ordered_at", true, Date),
    col("status", false, Text),
    col("customer_id", false, Text),
    col("customer_email", false, Text),
    col("customer_phone", false, Text),
    col("customer_name", false, Text),
    col("sku", true, Text),
    col("quantity", true, Integer),
    col("unit_price", true, Money),
    col("currency", false, Text),
    col("discount", false, Money),
    col("tax", false, Money),
    col("shipping", false, Money),
    // Extensions: a line total instead of a unit price (Amazon), the item's name when the
    // line has no SKU, the location that fulfilled it, cancellation and order-level refunds.
    col("line_total", false, Money),
    col("title", false, Text),
    col("location", false, Text),
    col("cancelled_at", false, Date),
    col("refunded_amount", false, Money),
    col("alt_order_id", false, Text),
    col("time_zone", false, Text),
];

pub const CUSTOMERS: &[ColumnSpec] = &[
    col("customer_id", false, Text),
    col("email", false, Text),
    col("phone", false, Text),
    col("name", false, Text),
    col("given_name", false, Text),
    col("family_name", false, Text),
    col("address", false, Text),
    col("city", false, Text),
    col("postcode", false, Text),
    col("region", false, Text),
    col("country", false, Text),
    col("created_at", false, Date),
    col("address2", false, Text),
];

/// How channel SKUs map to master SKUs when neither the SKU nor the barcode says (`omni skus map`).
pub const SKU_MAP: &[ColumnSpec] = &[
    col("channel", true, Text),
    col("channel_sku", true, Text),
    col("sku", true, Text),
];

/// Bundles (kits): each row says how many units of a component one bundle sells.
pub const BUNDLES: &[ColumnSpec] = &[
    col("bundle", true, Text),
    col("component", true, Text),
    col("quantity", true, Integer),
];

/// The kinds of file `omni import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Catalog,
    Stock,
    Sales,
    Customers,
    SkuMap,
    Bundles,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Catalog => "catalog",
            Kind::Stock => "stock",
            Kind::Sales => "sales",
            Kind::Customers => "customers",
            Kind::SkuMap => "sku-map",
            Kind::Bundles => "bundles",
        }
    }

    pub fn columns(self) -> &'static [ColumnSpec] {
        match self {
            Kind::Catalog => CATALOG,
            Kind::Stock => STOCK,
            Kind::Sales => SALES,
            Kind::Customers => CUSTOMERS,
            Kind::SkuMap => SKU_MAP,
            Kind::Bundles => BUNDLES,
        }
    }

    /// Position of a canonical column in this kind's list (`usize::MAX` if absent). Looked up
    /// for every field of every row: names are compared by length and first byte first.
    pub fn index_of(self, name: &str) -> usize {
        let (len, first) = (name.len(), name.as_bytes().first().copied());
        self.columns()
            .iter()
            .position(|c| {
                c.name.len() == len && c.name.as_bytes().first().copied() == first && c.name == name
            })
            .unwrap_or(usize::MAX)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Header names are matched case-insensitively, ignoring surrounding space and treating
/// spaces and hyphens as underscores (`Order ID` is `order_id`).
/// Accents are folded too (`Categorías` is `categorias`), so a header in Windows-1252 or
/// in UTF-8 matches the same alias.
pub fn normalize_header(name: &str) -> String {
    let trimmed = name.trim().trim_start_matches('\u{feff}').trim();
    crate::domain::text::fold(trimmed)
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// `Total (ARS)` → ARS.
fn currency_in_header(header: &str) -> Option<Currency> {
    let inner = header.trim().strip_suffix(')')?.rsplit_once('(')?.1;
    inner.parse().ok()
}

/// Which file column feeds each canonical column of a kind, under one profile.
#[derive(Debug, Clone)]
pub struct ColumnMap {
    pub kind: Kind,
    pub profile: &'static Profile,
    /// Indexed like `kind.columns()`: the file column, if present.
    pub source: Vec<Option<usize>>,
    /// Further columns feeding the same field, in the profile's order: the first non-empty
    /// value wins (a sale price before the regular price).
    pub fallbacks: Vec<Vec<usize>>,
    /// Quantity columns with a location in their header (`Current Quantity Madrid`).
    pub per_location: Vec<(usize, String)>,
    /// A currency written in a money column's header (`Total (ARS)`).
    pub header_currency: Option<Currency>,
    /// Header names as the file wrote them.
    pub header: Vec<String>,
    /// File columns that feed nothing.
    pub ignored: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderError {
    Duplicate {
        name: String,
        first: usize,
        second: usize,
    },
    Missing(Vec<String>),
}

impl ColumnMap {
    /// Maps a header row under a profile; `provided` names required columns the command line
    /// supplies instead (`channel`, `location`).
    pub fn build(
        profile: &'static Profile,
        header: &[String],
        provided: &[&str],
    ) -> Result<ColumnMap, HeaderError> {
        let kind = profile.kind;
        let specs = kind.columns();
        let norm: Vec<String> = header.iter().map(|h| normalize_header(h)).collect();
        let mut source = vec![None; specs.len()];
        let mut fallbacks = vec![Vec::new(); specs.len()];
        let mut used = vec![false; header.len()];
        for (k, spec) in specs.iter().enumerate() {
            for alias in profile.aliases(spec.name) {
                let hits: Vec<usize> = norm
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| header_matches(h, &alias))
                    .map(|(i, _)| i)
                    .collect();
                if profile.canonical && hits.len() > 1 {
                    return Err(HeaderError::Duplicate {
                        name: header[hits[1]].trim().to_string(),
                        first: hits[0] + 1,
                        second: hits[1] + 1,
                    });
                }
                if let Some(&i) = hits.first()
                    && !used[i]
                {
                    used[i] = true;
                    match source[k] {
                        None => source[k] = Some(i),
                        Some(_) => fallbacks[k].push(i),
                    }
                }
                if profile.canonical && source[k].is_some() {
                    break;
                }
            }
        }
        let missing = profile.missing(&norm, provided);
        if !missing.is_empty() {
            return Err(HeaderError::Missing(missing));
        }
        let mut per_location = Vec::new();
        if let Some(prefix) = profile.location_columns {
            let pattern = normalize_header(prefix.trim_end_matches('*'));
            for (i, h) in norm.iter().enumerate() {
                if !used[i] && h.starts_with(&pattern) {
                    let location: String = header[i]
                        .trim()
                        .chars()
                        .skip(pattern.chars().count())
                        .collect();
                    if !location.trim().is_empty() {
                        used[i] = true;
                        per_location.push((i, location.trim().to_string()));
                    }
                }
            }
        }
        let header_currency = specs
            .iter()
            .zip(&source)
            .filter(|(spec, _)| spec.ty == ColumnType::Money)
            .filter_map(|(_, src)| src.and_then(|i| currency_in_header(&header[i])))
            .next();
        let ignored = header
            .iter()
            .zip(&used)
            .filter(|(h, u)| !**u && !h.trim().is_empty())
            .map(|(h, _)| h.trim().to_string())
            .collect();
        Ok(ColumnMap {
            kind,
            profile,
            source,
            fallbacks,
            per_location,
            header_currency,
            header: header.to_vec(),
            ignored,
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.column(name).is_some()
    }

    /// The file column feeding a canonical field.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.source.get(self.kind.index_of(name)).copied().flatten()
    }

    /// File column indexes of canonical columns of one type (for locale sniffing).
    pub fn columns_of_type(&self, ty: ColumnType) -> Vec<usize> {
        self.kind
            .columns()
            .iter()
            .zip(&self.source)
            .filter(|(spec, _)| spec.ty == ty)
            .filter_map(|(_, src)| *src)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::by_name;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn stock() -> &'static Profile {
        by_name("omni-stock").unwrap()
    }

    #[test]
    fn maps_case_insensitively_and_notes_unknown_columns() {
        let h = strings(&["SKU", "On Hand", "Location", "colour"]);
        let m = ColumnMap::build(stock(), &h, &[]).unwrap();
        assert_eq!(m.column("sku"), Some(0));
        assert_eq!(m.column("on_hand"), Some(1));
        assert_eq!(m.ignored, vec!["colour"]);
        assert!(!m.has("reserved"));
    }

    #[test]
    fn missing_and_duplicate_columns() {
        let h = strings(&["sku", "on_hand"]);
        assert_eq!(
            ColumnMap::build(stock(), &h, &[]).unwrap_err(),
            HeaderError::Missing(vec!["location".into()])
        );
        assert!(ColumnMap::build(stock(), &h, &["location"]).is_ok());
        let h = strings(&["sku", "location", "on_hand", "SKU"]);
        assert_eq!(
            ColumnMap::build(stock(), &h, &[]).unwrap_err(),
            HeaderError::Duplicate {
                name: "SKU".into(),
                first: 1,
                second: 4
            }
        );
    }
}
