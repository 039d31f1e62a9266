//! The canonical omni CSV columns of each kind of file, and how a header row maps onto them.

use std::fmt;

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
];

pub const STOCK: &[ColumnSpec] = &[
    col("sku", true, Text),
    // Required unless --location names the location of every row.
    col("location", true, Text),
    col("on_hand", true, Integer),
    col("reserved", false, Integer),
    col("as_of", false, Date),
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
];

/// The kinds of file `omni import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Catalog,
    Stock,
    Sales,
    Customers,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Catalog => "catalog",
            Kind::Stock => "stock",
            Kind::Sales => "sales",
            Kind::Customers => "customers",
        }
    }

    pub fn columns(self) -> &'static [ColumnSpec] {
        match self {
            Kind::Catalog => CATALOG,
            Kind::Stock => STOCK,
            Kind::Sales => SALES,
            Kind::Customers => CUSTOMERS,
        }
    }

    /// Position of a canonical column in this kind's list (a programming error if absent).
    pub fn index_of(self, name: &str) -> usize {
        self.columns()
            .iter()
            .position(|c| c.name == name)
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
pub fn normalize_header(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// Which file column feeds each canonical column of a kind.
#[derive(Debug, Clone)]
pub struct ColumnMap {
    pub kind: Kind,
    /// Indexed like `kind.columns()`: the file column, if present.
    pub source: Vec<Option<usize>>,
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
    Missing(Vec<&'static str>),
}

impl ColumnMap {
    /// Maps a header row; `provided` names required columns the command line supplies instead.
    pub fn build(
        kind: Kind,
        header: &[String],
        provided: &[&str],
    ) -> Result<ColumnMap, HeaderError> {
        let specs = kind.columns();
        let mut source = vec![None; specs.len()];
        let mut ignored = Vec::new();
        for (i, raw) in header.iter().enumerate() {
            let norm = normalize_header(raw);
            match specs.iter().position(|c| c.name == norm) {
                Some(k) => {
                    if let Some(first) = source[k] {
                        return Err(HeaderError::Duplicate {
                            name: raw.trim().to_string(),
                            first: first + 1,
                            second: i + 1,
                        });
                    }
                    source[k] = Some(i);
                }
                None if raw.trim().is_empty() => {}
                None => ignored.push(raw.trim().to_string()),
            }
        }
        let missing: Vec<&'static str> = specs
            .iter()
            .zip(&source)
            .filter(|(spec, src)| spec.required && src.is_none() && !provided.contains(&spec.name))
            .map(|(spec, _)| spec.name)
            .collect();
        if !missing.is_empty() {
            return Err(HeaderError::Missing(missing));
        }
        Ok(ColumnMap {
            kind,
            source,
            header: header.to_vec(),
            ignored,
        })
    }

    /// How many of a header's names are canonical columns of `kind` (for finding the header row).
    pub fn score(kind: Kind, header: &[String]) -> usize {
        let specs = kind.columns();
        header
            .iter()
            .filter(|h| specs.iter().any(|c| c.name == normalize_header(h)))
            .count()
    }

    pub fn has(&self, name: &str) -> bool {
        self.source
            .get(self.kind.index_of(name))
            .is_some_and(Option::is_some)
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

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn maps_case_insensitively_and_notes_unknown_columns() {
        let h = strings(&["SKU", "On Hand", "Location", "colour"]);
        let m = ColumnMap::build(Kind::Stock, &h, &[]).unwrap();
        assert_eq!(m.source[Kind::Stock.index_of("sku")], Some(0));
        assert_eq!(m.source[Kind::Stock.index_of("on_hand")], Some(1));
        assert_eq!(m.ignored, vec!["colour"]);
        assert!(!m.has("reserved"));
    }

    #[test]
    fn missing_and_duplicate_columns() {
        let h = strings(&["sku", "on_hand"]);
        assert_eq!(
            ColumnMap::build(Kind::Stock, &h, &[]).unwrap_err(),
            HeaderError::Missing(vec!["location"])
        );
        assert!(ColumnMap::build(Kind::Stock, &h, &["location"]).is_ok());
        let h = strings(&["sku", "location", "on_hand", "SKU"]);
        assert_eq!(
            ColumnMap::build(Kind::Stock, &h, &[]).unwrap_err(),
            HeaderError::Duplicate {
                name: "SKU".into(),
                first: 1,
                second: 4
            }
        );
    }
}
