//! Rows to typed records, one function per kind. Every problem is a [`RowError`] naming the
//! line, the column and the value, and what was expected.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use crate::domain::currency::Currency;
use crate::domain::datetime::{DateParser, Instant};
use crate::domain::gtin::Gtin;
use crate::domain::money::{Money, parse_money};
use crate::domain::number::{DecimalMark, parse_integer};
use crate::domain::records::{
    CatalogRecord, CustomerRecord, CustomerRef, SalesRecord, StockRecord,
};
use crate::domain::sku::Sku;

use super::columns::ColumnMap;
use super::reader::Row;

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
    /// The instant of the import, for stock counts without `as_of`.
    pub now: Instant,
}

/// Field access by canonical column name, with errors that name the column.
struct Fields<'r, 'c> {
    row: &'r Row<'r>,
    ctx: &'c ParseContext,
}

impl<'r> Fields<'r, '_> {
    fn column(&self, name: &str) -> Option<usize> {
        self.ctx
            .map
            .source
            .get(self.ctx.map.kind.index_of(name))
            .copied()
            .flatten()
    }

    fn error(&self, name: &str, value: Option<&str>, message: impl Into<String>) -> RowError {
        let column = self.column(name).map(|i| {
            let header = self.ctx.map.header.get(i).map_or(name, |h| h.trim());
            (i + 1, header.to_string())
        });
        RowError {
            line: self.row.line,
            column,
            value: value.map(str::to_string),
            message: message.into(),
        }
    }

    fn text(&self, name: &str) -> Result<Option<Cow<'r, str>>, RowError> {
        match self.column(name) {
            None => Ok(None),
            Some(i) => self.row.get(i).map_err(|m| self.error(name, None, m)),
        }
    }

    fn string(&self, name: &str) -> Result<Option<String>, RowError> {
        Ok(self.text(name)?.map(|t| t.trim().to_string()))
    }

    /// Identity fields: channels write `--` for data they masked, and spreadsheets protect
    /// ids, phones and postcodes with a leading `'`.
    fn identity(&self, name: &str) -> Result<Option<String>, RowError> {
        Ok(self
            .string(name)?
            .map(|v| {
                v.strip_prefix('\'')
                    .map_or(v.clone(), |s| s.trim().to_string())
            })
            .filter(|v| v != "--" && !v.is_empty()))
    }

    fn required(&self, name: &str) -> Result<Cow<'r, str>, RowError> {
        self.text(name)?
            .ok_or_else(|| self.error(name, None, "is empty"))
    }

    fn integer(&self, name: &str) -> Result<Option<i64>, RowError> {
        match self.text(name)? {
            None => Ok(None),
            Some(v) => parse_integer(&v, self.ctx.decimal)
                .map(Some)
                .map_err(|e| self.error(name, Some(&v), e.to_string())),
        }
    }

    fn money(&self, name: &str, currency: Option<Currency>) -> Result<Option<Money>, RowError> {
        match self.text(name)? {
            None => Ok(None),
            Some(v) => parse_money(&v, self.ctx.decimal, currency)
                .map(Some)
                .map_err(|e| self.error(name, Some(&v), e.to_string())),
        }
    }

    fn date(&self, name: &str) -> Result<Option<Instant>, RowError> {
        match self.text(name)? {
            None => Ok(None),
            Some(v) => self
                .ctx
                .dates
                .parse(&v)
                .map(Some)
                .map_err(|e| self.error(name, Some(&v), e.to_string())),
        }
    }

    fn currency(&self) -> Result<Option<Currency>, RowError> {
        match self.text("currency")? {
            None => Ok(None),
            Some(v) => v.parse().map(Some).map_err(|e: String| {
                self.error(
                    "currency",
                    Some(&v),
                    e.replacen(&format!("\"{}\" ", v.trim()), "", 1),
                )
            }),
        }
    }

    fn sku(&self) -> Result<Sku, RowError> {
        let v = self.required("sku")?;
        Sku::parse(&v).ok_or_else(|| self.error("sku", None, "is empty"))
    }
}

fn fields<'r, 'c>(row: &'r Row<'r>, ctx: &'c ParseContext) -> Fields<'r, 'c> {
    Fields { row, ctx }
}

pub fn catalog(row: &Row<'_>, ctx: &ParseContext) -> Result<CatalogRecord, RowError> {
    let f = fields(row, ctx);
    let sku = f.sku()?;
    let title = f.required("title")?.trim().to_string();
    let barcode = match f.text("barcode")? {
        None => None,
        Some(v) => Some(Gtin::parse(&v).map_err(|e| f.error("barcode", Some(&v), e.to_string()))?),
    };
    let default_currency = ctx
        .channel
        .as_ref()
        .and_then(|c| ctx.channel_currency.get(&c.to_lowercase()).copied())
        .or(ctx.store_currency);
    let currency = f.currency()?.or(default_currency);
    Ok(CatalogRecord {
        sku,
        title,
        barcode,
        brand: f.string("brand")?,
        category: f.string("category")?,
        price: f.money("price", currency)?,
        quantity: f.integer("quantity")?,
        status: f.string("status")?.map(|s| s.to_lowercase()),
        url: f.string("url")?,
        description: f.string("description")?,
        image_url: f.string("image_url")?,
        channel_sku: f.string("channel_sku")?,
        updated_at: f.date("updated_at")?,
    })
}

pub fn stock(row: &Row<'_>, ctx: &ParseContext) -> Result<StockRecord, RowError> {
    let f = fields(row, ctx);
    let sku = f.sku()?;
    let location = match f.string("location")?.or_else(|| ctx.location.clone()) {
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

pub fn sales(row: &Row<'_>, ctx: &ParseContext) -> Result<SalesRecord, RowError> {
    let f = fields(row, ctx);
    let order_id = f.required("order_id")?.trim().to_string();
    let channel = match f.string("channel")?.or_else(|| ctx.channel.clone()) {
        Some(c) => c,
        None => return Err(f.error("channel", None, "is empty (or pass --channel)")),
    };
    let ordered_at = f
        .date("ordered_at")?
        .ok_or_else(|| f.error("ordered_at", None, "is empty"))?;
    let sku = f.sku()?;
    let quantity = f
        .integer("quantity")?
        .ok_or_else(|| f.error("quantity", None, "is empty"))?;
    let currency = f
        .currency()?
        .or_else(|| ctx.channel_currency.get(&channel.to_lowercase()).copied())
        .or(ctx.store_currency);
    let unit_price = f
        .money("unit_price", currency)?
        .ok_or_else(|| f.error("unit_price", None, "is empty"))?;
    let line_currency = Some(unit_price.currency);
    let amount = |name: &str| -> Result<Option<i64>, RowError> {
        Ok(f.money(name, line_currency)?.map(|m| m.minor))
    };
    Ok(SalesRecord {
        channel,
        order_id,
        line_id: f.string("line_id")?,
        ordered_at,
        status: f.string("status")?.map(|s| s.to_lowercase()),
        customer: CustomerRef {
            customer_id: f.identity("customer_id")?,
            email: f.identity("customer_email")?,
            phone: f.identity("customer_phone")?,
            name: f.identity("customer_name")?,
        },
        sku,
        quantity,
        unit_price,
        discount: amount("discount")?.unwrap_or(0),
        tax: amount("tax")?.unwrap_or(0),
        shipping: amount("shipping")?,
    })
}

pub fn customer(row: &Row<'_>, ctx: &ParseContext) -> Result<CustomerRecord, RowError> {
    let f = fields(row, ctx);
    let record = CustomerRecord {
        customer_id: f.identity("customer_id")?,
        email: f.identity("email")?,
        phone: f.identity("phone")?,
        name: f.identity("name")?,
        given_name: f.identity("given_name")?,
        family_name: f.identity("family_name")?,
        address: f.identity("address")?,
        city: f.string("city")?,
        postcode: f.identity("postcode")?,
        region: f.string("region")?,
        country: f.string("country")?,
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
