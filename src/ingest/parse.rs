//! Rows to typed records, one function per kind. Every problem is a [`RowError`] naming the
//! line, the column and the value, and what was expected.

use std::collections::HashMap;
use std::fmt;

use crate::domain::currency::Currency;
use crate::domain::datetime::{DateParser, Instant, zone_from_name};
use crate::domain::gtin::Gtin;
use crate::domain::money::{Money, parse_money};
use crate::domain::number::{DecimalMark, parse_integer};
use crate::domain::records::{
    BundleRecord, CatalogRecord, CustomerRecord, CustomerRef, SalesRecord, SkuAliasRecord,
    StockRecord,
};
use crate::domain::sku::Sku;

use super::columns::ColumnMap;
use super::shape::CanonRow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    /// 1-based file column and its header name, when the problem is in one field.
    pub column: Option<(usize, String)>,
    pub value: Option<String>,
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.column, &self.value) {
            (Some((n, name)), Some(v)) => {
                write!(f, "{}:{n}: {name} \"{v}\" {}", self.line, self.message)
            }
            (Some((n, name)), None) => write!(f, "{}:{n}: {name} {}", self.line, self.message),
            _ => write!(f, "{}: {}", self.line, self.message),
        }
    }
}

/// What parsing a file's rows needs besides the rows: its locale and the command line's defaults.
pub struct ParseContext {
    pub map: ColumnMap,
    pub decimal: Option<DecimalMark>,
    pub dates: DateParser,
    pub channel: Option<String>,
    pub location: Option<String>,
    /// Default currency per channel (lower-case name), from the store.
    pub channel_currency: HashMap<String, Currency>,
    pub store_currency: Option<Currency>,
    /// The currency the command line or the file's headers give for this file.
    pub file_currency: Option<Currency>,
    /// The instant of the import, for stock counts without `as_of`.
    pub now: Instant,
}

impl ParseContext {
    /// The currency of an amount its row does not name: the file's, then the channel's,
    /// then the store's.
    fn default_currency(&self, channel: Option<&str>) -> Option<Currency> {
        self.file_currency
            .or_else(|| channel.and_then(|c| self.channel_currency.get(&c.to_lowercase()).copied()))
            .or(self.store_currency)
    }

    /// A copy for re-parsing one field under other settings.
    fn shallow(&self) -> ParseContext {
        ParseContext {
            map: self.map.clone(),
            decimal: self.decimal,
            dates: self.dates.clone(),
            channel: self.channel.clone(),
            location: self.location.clone(),
            channel_currency: HashMap::new(),
            store_currency: self.store_currency,
            file_currency: self.file_currency,
            now: self.now,
        }
    }
}

/// Field access by canonical column name, with errors that name the file's column.
struct Fields<'r, 'c> {
    row: &'r CanonRow,
    ctx: &'c ParseContext,
}

impl<'r> Fields<'r, '_> {
    fn error(&self, name: &str, value: Option<&str>, message: impl Into<String>) -> RowError {
        let column = self.ctx.map.column(name).map(|i| {
            (
                i + 1,
                self.ctx
                    .map
                    .header
                    .get(i)
                    .map_or(name, |h| h.trim())
                    .to_string(),
            )
        });
        let message = message.into();
        let message = if column.is_none() {
            format!("{name} {message}")
        } else {
            message
        };
        RowError {
            line: self.row.line,
            column,
            value: value.map(str::to_string),
            message,
        }
    }

    fn text(&self, name: &str) -> Option<&'r str> {
        self.row.get(name)
    }

    fn string(&self, name: &str) -> Option<String> {
        self.text(name).map(str::to_string)
    }

    /// Identity fields: spreadsheets protect ids, phones and postcodes with a leading `'`.
    fn identity(&self, name: &str) -> Option<String> {
        self.text(name)
            .map(|v| v.strip_prefix('\'').unwrap_or(v).trim().to_string())
            .filter(|v| !v.is_empty() && v != "--")
    }

    fn required(&self, name: &str) -> Result<&'r str, RowError> {
        self.text(name)
            .ok_or_else(|| self.error(name, None, "is empty"))
    }

    fn integer(&self, name: &str) -> Result<Option<i64>, RowError> {
        match self.text(name) {
            None => Ok(None),
            Some(v) => parse_integer(v, self.ctx.decimal)
                .map(Some)
                .map_err(|e| self.error(name, Some(v), e.to_string())),
        }
    }

    fn money(&self, name: &str, currency: Option<Currency>) -> Result<Option<Money>, RowError> {
        match self.text(name) {
            None => Ok(None),
            Some(v) => parse_money(v, self.ctx.decimal, currency)
                .map(Some)
                .map_err(|e| self.error(name, Some(v), e.to_string())),
        }
    }

    fn date(&self, name: &str) -> Result<Option<Instant>, RowError> {
        match self.text(name) {
            None => Ok(None),
            Some(v) => self
                .ctx
                .dates
                .parse(v)
                .map(Some)
                .map_err(|e| self.error(name, Some(v), e.to_string())),
        }
    }

    fn currency(&self) -> Result<Option<Currency>, RowError> {
        match self.text("currency") {
            None => Ok(None),
            Some(v) => v.parse().map(Some).map_err(|_| {
                self.error(
                    "currency",
                    Some(v),
                    "is not a three-letter ISO 4217 currency code",
                )
            }),
        }
    }

    /// A variant without a SKU is known by its product handle and option values.
    fn variant_key(&self) -> Option<String> {
        let handle = self.text("handle")?;
        let options: Vec<&str> = ["option1", "option2", "option3"]
            .iter()
            .filter_map(|o| self.text(o))
            .filter(|v| !v.eq_ignore_ascii_case("Default Title"))
            .collect();
        Some(if options.is_empty() {
            handle.to_string()
        } else {
            format!("{handle}/{}", options.join("/"))
        })
    }
}

fn fields<'r, 'c>(row: &'r CanonRow, ctx: &'c ParseContext) -> Fields<'r, 'c> {
    Fields { row, ctx }
}

/// A catalogue row. A damaged barcode does not sink the row: it is dropped with a warning.
pub fn catalog(
    row: &CanonRow,
    ctx: &ParseContext,
    warnings: &mut Vec<RowError>,
) -> Result<CatalogRecord, RowError> {
    let f = fields(row, ctx);
    let sku = f.text("sku").and_then(Sku::parse);
    let channel_sku = f
        .identity("channel_sku")
        .or_else(|| f.variant_key().filter(|_| sku.is_none()));
    if sku.is_none() && (ctx.channel.is_none() || channel_sku.is_none()) {
        return Err(f.error("sku", None, "is empty"));
    }
    let title = f.required("title")?.to_string();
    let barcode = match f.text("barcode") {
        None => None,
        Some(v) => match Gtin::parse(v) {
            Ok(g) => Some(g),
            Err(e) => {
                warnings.push(f.error("barcode", Some(v), format!("{e}; the barcode was dropped")));
                None
            }
        },
    };
    let currency = f
        .currency()?
        .or_else(|| ctx.default_currency(ctx.channel.as_deref()));
    Ok(CatalogRecord {
        sku,
        title,
        barcode,
        brand: f.string("brand"),
        category: f.string("category"),
        price: f.money("price", currency)?,
        quantity: f.integer("quantity")?,
        status: f
            .string("status")
            .or_else(|| f.string("availability"))
            .map(|s| s.to_lowercase()),
        url: f.string("url"),
        description: f.string("description"),
        image_url: f.string("image_url"),
        channel_sku,
        updated_at: f.date("updated_at")?,
    })
}

pub fn stock(row: &CanonRow, ctx: &ParseContext) -> Result<StockRecord, RowError> {
    let f = fields(row, ctx);
    let sku = f
        .text("sku")
        .and_then(Sku::parse)
        .or_else(|| f.variant_key().and_then(|k| Sku::parse(&k)))
        .ok_or_else(|| f.error("sku", None, "is empty"))?;
    let location = match f.string("location").or_else(|| ctx.location.clone()) {
        Some(l) => l,
        None => return Err(f.error("location", None, "is empty (or pass --location)")),
    };
    let on_hand = f
        .integer("on_hand")?
        .ok_or_else(|| f.error("on_hand", None, "is empty"))?;
    let reserved = f.integer("reserved")?.unwrap_or(0);
    if reserved < 0 {
        return Err(f.error(
            "reserved",
            Some(&reserved.to_string()),
            "cannot be negative",
        ));
    }
    Ok(StockRecord {
        sku,
        location,
        on_hand,
        reserved,
        as_of: f.date("as_of")?.unwrap_or(ctx.now),
    })
}

pub fn sales(row: &CanonRow, ctx: &ParseContext) -> Result<SalesRecord, RowError> {
    let f = fields(row, ctx);
    let order_id = match f.text("order_id").or_else(|| f.text("alt_order_id")) {
        Some(o) => o.to_string(),
        None => return Err(f.error("order_id", None, "is empty")),
    };
    let channel = match f.string("channel").or_else(|| ctx.channel.clone()) {
        Some(c) => c,
        None => return Err(f.error("channel", None, "is empty (or pass --channel)")),
    };
    let ordered_at = match f.text("time_zone").and_then(zone_from_name) {
        Some(zone) => {
            let local = ParseContext {
                dates: DateParser {
                    zone,
                    ..ctx.dates.clone()
                },
                ..ctx.shallow()
            };
            fields(row, &local).date("ordered_at")?
        }
        None => f.date("ordered_at")?,
    }
    .ok_or_else(|| f.error("ordered_at", None, "is empty"))?;
    // A line without a SKU is known by the item's name.
    let sku = f
        .text("sku")
        .and_then(Sku::parse)
        .or_else(|| f.text("title").and_then(Sku::parse))
        .ok_or_else(|| f.error("sku", None, "is empty"))?;
    let quantity = f
        .integer("quantity")?
        .ok_or_else(|| f.error("quantity", None, "is empty"))?;
    let currency = f
        .currency()?
        .or_else(|| ctx.default_currency(Some(&channel)));
    let mut discount_extra = 0;
    let unit_price = match f.money("unit_price", currency)? {
        Some(p) => p,
        None => {
            let total = f
                .money("line_total", currency)?
                .ok_or_else(|| f.error("unit_price", None, "is empty"))?;
            let (unit, rest) = split_line_total(total.minor, quantity);
            discount_extra = rest;
            Money::new(unit, total.currency)
        }
    };
    let line_currency = Some(unit_price.currency);
    let amount = |name: &str| -> Result<Option<i64>, RowError> {
        Ok(f.money(name, line_currency)?.map(|m| m.minor))
    };
    Ok(SalesRecord {
        channel,
        order_id,
        line_id: f.string("line_id"),
        ordered_at,
        status: f.string("status").map(|s| s.to_lowercase()),
        customer: CustomerRef {
            customer_id: f.identity("customer_id"),
            email: f.identity("customer_email"),
            phone: f.identity("customer_phone"),
            name: f.identity("customer_name"),
        },
        sku,
        quantity,
        unit_price,
        discount: amount("discount")?.unwrap_or(0) + discount_extra,
        tax: amount("tax")?.unwrap_or(0),
        shipping: amount("shipping")?,
        location: f.string("location"),
        cancelled_at: f.date("cancelled_at")?,
        refunded_amount: amount("refunded_amount")?,
    })
}

/// A line total as a unit price and a discount that together are exact: 10.00 for 3 units is
/// 3 × 3.34 − 0.02. Amounts stay integers; nothing is rounded away.
pub fn split_line_total(total: i64, quantity: i64) -> (i64, i64) {
    if quantity == 0 {
        return (total, 0);
    }
    let q = quantity.abs();
    let unit = (total.abs() + q - 1) / q * total.signum() * quantity.signum();
    let rest = unit * quantity - total;
    (unit, rest)
}

pub fn customer(row: &CanonRow, ctx: &ParseContext) -> Result<CustomerRecord, RowError> {
    let f = fields(row, ctx);
    let address = match (f.identity("address"), f.identity("address2")) {
        (Some(a), Some(b)) => Some(format!("{a}, {b}")),
        (a, b) => a.or(b),
    };
    let record = CustomerRecord {
        customer_id: f.identity("customer_id"),
        email: f.identity("email"),
        phone: f.identity("phone"),
        name: f.identity("name"),
        given_name: f.identity("given_name"),
        family_name: f.identity("family_name"),
        address,
        city: f.string("city"),
        postcode: f.identity("postcode"),
        region: f.string("region"),
        country: f.string("country"),
        created_at: f.date("created_at")?,
    };
    if record.customer_id.is_none()
        && record.email.is_none()
        && record.phone.is_none()
        && record.full_name().is_none()
    {
        return Err(RowError {
            line: row.line,
            column: None,
            value: None,
            message: "has no customer_id, email, phone or name to identify the customer".into(),
        });
    }
    Ok(record)
}

pub fn sku_alias(row: &CanonRow, ctx: &ParseContext) -> Result<SkuAliasRecord, RowError> {
    let f = fields(row, ctx);
    let channel = f.required("channel")?.to_string();
    let channel_sku = f
        .identity("channel_sku")
        .ok_or_else(|| f.error("channel_sku", None, "is empty"))?;
    let sku = f
        .text("sku")
        .and_then(Sku::parse)
        .ok_or_else(|| f.error("sku", None, "is empty"))?;
    Ok(SkuAliasRecord {
        channel,
        channel_sku,
        sku,
    })
}

pub fn bundle(row: &CanonRow, ctx: &ParseContext) -> Result<BundleRecord, RowError> {
    let f = fields(row, ctx);
    let bundle = f
        .text("bundle")
        .and_then(Sku::parse)
        .ok_or_else(|| f.error("bundle", None, "is empty"))?;
    let component = f
        .text("component")
        .and_then(Sku::parse)
        .ok_or_else(|| f.error("component", None, "is empty"))?;
    let quantity = f
        .integer("quantity")?
        .ok_or_else(|| f.error("quantity", None, "is empty"))?;
    if quantity <= 0 {
        return Err(f.error(
            "quantity",
            Some(&quantity.to_string()),
            "must be at least 1",
        ));
    }
    if bundle == component {
        return Err(f.error(
            "component",
            Some(component.as_str()),
            "is the bundle itself",
        ));
    }
    Ok(BundleRecord {
        bundle,
        component,
        quantity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_totals_split_exactly() {
        assert_eq!(split_line_total(2500, 2), (1250, 0));
        assert_eq!(split_line_total(1000, 3), (334, 2));
        assert_eq!(split_line_total(-1000, -3), (334, -2));
        assert_eq!(split_line_total(999, 1), (999, 0));
        let (u, d) = split_line_total(1001, 7);
        assert_eq!(u * 7 - d, 1001);
    }
}
