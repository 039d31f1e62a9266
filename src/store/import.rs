//! Writing one imported file: a transaction, a batch row, and an upsert per record keyed by
//! the record's natural key, so re-imports and overlapping exports never duplicate rows.

use std::collections::HashMap;

use anyhow::{Result, bail};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use crate::domain::records::{
    BundleRecord, CatalogRecord, CustomerRecord, CustomerRef, SalesRecord, SkuAliasRecord,
    StockRecord, customer_record_key,
};

use crate::domain::email::is_relay;

use super::channels::insert_channel;
use super::{Store, now_text};

/// The ledger entry of an import, before it runs.
#[derive(Debug, Clone)]
pub struct NewBatch {
    pub kind: String,
    pub source: String,
    /// Known up front for files; for stdin it is known only at the end.
    pub content_hash: Option<String>,
    pub target: String,
    pub profile: String,
    pub encoding: String,
    pub delimiter: String,
}

/// How many customer records an import remembers (about 150 bytes each).
const CUSTOMER_CACHE: usize = 100_000;

/// What happened to one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Inserted,
    Updated,
    Unchanged,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub read: u64,
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rejected: u64,
}

impl Counts {
    pub fn add(&mut self, w: Written) {
        match w {
            Written::Inserted => self.inserted += 1,
            Written::Updated => self.updated += 1,
            Written::Unchanged => self.unchanged += 1,
        }
    }
}

/// The order the previous sales row belonged to: exports keep an order's lines together.
struct OrderCache {
    channel_id: i64,
    order_id: String,
    row_id: i64,
    ordered_at: String,
    shipping_seen: bool,
}

pub struct ImportTx<'s> {
    tx: Transaction<'s>,
    pub batch_id: i64,
    last_order: Option<OrderCache>,
    /// Lines numbered by position within their order when the file has no line ids.
    positions: HashMap<(i64, String), u32>,
    /// Customer records met in this file, with what they said: a returning customer who says
    /// nothing new is not written again. Bounded, so memory stays flat.
    customers: HashMap<(i64, String), (i64, CustomerRef)>,
    /// Whether products, listings or aliases changed, so listings must be relinked.
    relink: std::cell::Cell<bool>,
    /// Orders whose lines or figures this import changed: their sales facts are recomputed
    /// at commit.
    touched: Vec<i64>,
}

impl Store {
    pub fn begin_import(&mut self, batch: &NewBatch) -> Result<ImportTx<'_>> {
        // Foreign keys are not checked row by row during an import: the importer only writes
        // ids it has just read or written in the same transaction, and the checks cost a
        // lookup per reference on millions of rows (`omni doctor` verifies them).
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO batches (kind, source, content_hash, target, profile, encoding, delimiter, started_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                batch.kind,
                batch.source,
                batch.content_hash.clone().unwrap_or_else(|| format!("pending:{}", std::process::id())),
                batch.target,
                batch.profile,
                batch.encoding,
                batch.delimiter,
                now_text()
            ],
        )?;
        let batch_id = tx.last_insert_rowid();
        Ok(ImportTx {
            tx,
            batch_id,
            last_order: None,
            positions: HashMap::new(),
            customers: HashMap::new(),
            relink: std::cell::Cell::new(false),
            touched: Vec::new(),
        })
    }
}

impl ImportTx<'_> {
    pub fn channel(&self, name: &str) -> Result<Option<(i64, Option<String>)>> {
        Ok(self
            .tx
            .prepare_cached("SELECT id, currency FROM channels WHERE name = ?1")?
            .query_row([name], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    pub fn create_channel(
        &self,
        name: &str,
        kind: &str,
        platform: Option<&str>,
        currency: Option<&str>,
    ) -> Result<i64> {
        insert_channel(&self.tx, name, kind, platform, currency)
    }

    /// The location's id, creating it (as a warehouse) when a stock file names a new one.
    pub fn location_or_create(&self, name: &str) -> Result<(i64, bool)> {
        let found: Option<i64> = self
            .tx
            .prepare_cached("SELECT id FROM locations WHERE name = ?1")?
            .query_row([name], |r| r.get(0))
            .optional()?;
        if let Some(id) = found {
            return Ok((id, false));
        }
        self.tx.execute(
            "INSERT INTO locations (name, kind, created_at) VALUES (?1, 'warehouse', ?2)",
            params![name, now_text()],
        )?;
        Ok((self.tx.last_insert_rowid(), true))
    }

    /// Same content already imported under this kind and target (checked before commit for stdin).
    pub fn prior_batch_with(&self, hash: &str, kind: &str, target: &str) -> Result<Option<i64>> {
        Ok(self
            .tx
            .query_row(
                "SELECT id FROM batches WHERE content_hash = ?1 AND kind = ?2 AND target = ?3 AND id <> ?4",
                params![hash, kind, target, self.batch_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn write_sales(&mut self, rec: &SalesRecord, channel_id: i64) -> Result<Written> {
        let at = rec.ordered_at.utc_text();
        let order_ref = self.upsert_order(rec, channel_id, &at)?;
        let line_id = match &rec.line_id {
            Some(id) => id.clone(),
            None => {
                let n = self
                    .positions
                    .entry((channel_id, rec.order_id.clone()))
                    .or_insert(0);
                *n += 1;
                n.to_string()
            }
        };
        let currency = rec.currency().to_string();
        let inserted = self.tx.prepare_cached(
            "INSERT INTO order_lines (order_ref, channel_id, line_id, ordered_at, status, sku, quantity, unit_price, currency, discount, tax, location, batch_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT (order_ref, line_id) DO NOTHING",
        )?
        .execute(params![
            order_ref, channel_id, line_id, at, rec.status, rec.sku.as_str(), rec.quantity,
            rec.unit_price.minor, currency, rec.discount, rec.tax, rec.location, self.batch_id
        ])?;
        if inserted == 1 {
            self.touch(order_ref);
            return Ok(Written::Inserted);
        }
        let updated = self.tx.prepare_cached(
            "UPDATE order_lines SET ordered_at = ?3, status = ?4, sku = ?5, quantity = ?6, unit_price = ?7,
                    currency = ?8, discount = ?9, tax = ?10, location = ?11, batch_id = ?12
             WHERE order_ref = ?1 AND line_id = ?2
               AND (ordered_at IS NOT ?3 OR status IS NOT ?4 OR sku IS NOT ?5 OR quantity IS NOT ?6
                    OR unit_price IS NOT ?7 OR currency IS NOT ?8 OR discount IS NOT ?9 OR tax IS NOT ?10
                    OR location IS NOT ?11)",
        )?
        .execute(params![
            order_ref, line_id, at, rec.status, rec.sku.as_str(), rec.quantity,
            rec.unit_price.minor, currency, rec.discount, rec.tax, rec.location, self.batch_id
        ])?;
        Ok(if updated == 1 {
            self.touch(order_ref);
            Written::Updated
        } else {
            Written::Unchanged
        })
    }

    fn touch(&mut self, order_ref: i64) {
        if self.touched.last() != Some(&order_ref) {
            self.touched.push(order_ref);
        }
    }

    /// The order row of a sales record: its first row in the file sets status, customer and
    /// currency; its placement time is the earliest of its lines; shipping the first given.
    fn upsert_order(&mut self, rec: &SalesRecord, channel_id: i64, at: &str) -> Result<i64> {
        let at = at.to_string();
        if let Some(c) = self
            .last_order
            .as_mut()
            .filter(|c| c.channel_id == channel_id && c.order_id == rec.order_id)
        {
            let row_id = c.row_id;
            if at < c.ordered_at {
                c.ordered_at = at.clone();
                self.tx
                    .prepare_cached(
                        "UPDATE orders SET ordered_at = ?2, utc_offset = ?3 WHERE id = ?1",
                    )?
                    .execute(params![row_id, at, rec.ordered_at.offset_text()])?;
                // A field borrow, not `touch`: `c` still borrows `last_order`.
                self.touched.push(row_id);
            }
            if let (false, Some(shipping)) = (c.shipping_seen, rec.shipping) {
                c.shipping_seen = true;
                self.tx
                    .prepare_cached("UPDATE orders SET shipping = ?2 WHERE id = ?1")?
                    .execute(params![row_id, shipping])?;
            }
            return Ok(row_id);
        }
        let customer = self.upsert_customer_ref(&rec.customer, channel_id)?;
        let cancelled_at = rec.cancelled_at.map(|i| i.utc_text());
        // Insert first: a new order costs one statement, a known one a select and an update.
        let inserted = self
            .tx
            .prepare_cached(
                "INSERT INTO orders (channel_id, order_id, ordered_at, utc_offset, status, customer_record_id, currency, shipping,
                                     refunded, cancelled_at, batch_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (channel_id, order_id) DO NOTHING",
            )?
            .execute(params![
                channel_id, rec.order_id, at, rec.ordered_at.offset_text(), rec.status, customer,
                rec.currency().to_string(), rec.shipping.unwrap_or(0), rec.refunded_amount.unwrap_or(0),
                cancelled_at, self.batch_id
            ])?;
        let existing: Option<(i64, String)> = if inserted == 1 {
            None
        } else {
            self.tx
                .prepare_cached(
                    "SELECT id, ordered_at FROM orders WHERE channel_id = ?1 AND order_id = ?2",
                )?
                .query_row(params![channel_id, rec.order_id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?
        };
        let (row_id, ordered_at) = match existing {
            None => (self.tx.last_insert_rowid(), at),
            Some((id, stored_at)) => {
                let earliest = if at < stored_at { at } else { stored_at };
                let changed = self
                    .tx
                    .prepare_cached(
                        "UPDATE orders SET ordered_at = ?2, status = COALESCE(?3, status),
                                customer_record_id = COALESCE(?4, customer_record_id),
                                shipping = COALESCE(?5, shipping), refunded = COALESCE(?6, refunded),
                                cancelled_at = COALESCE(?7, cancelled_at), batch_id = ?8
                         WHERE id = ?1 AND (ordered_at IS NOT ?2 OR status IS NOT COALESCE(?3, status)
                               OR customer_record_id IS NOT COALESCE(?4, customer_record_id)
                               OR shipping IS NOT COALESCE(?5, shipping) OR refunded IS NOT COALESCE(?6, refunded)
                               OR cancelled_at IS NOT COALESCE(?7, cancelled_at))",
                    )?
                    .execute(params![
                        id, earliest, rec.status, customer, rec.shipping, rec.refunded_amount, cancelled_at, self.batch_id
                    ])?;
                if changed > 0 {
                    self.touch(id);
                }
                (id, earliest)
            }
        };
        self.last_order = Some(OrderCache {
            channel_id,
            order_id: rec.order_id.clone(),
            row_id,
            ordered_at,
            shipping_seen: rec.shipping.is_some(),
        });
        Ok(row_id)
    }

    /// The channel's record of the person behind an order; `None` for a guest.
    fn upsert_customer_ref(&mut self, c: &CustomerRef, channel_id: i64) -> Result<Option<i64>> {
        let Some(key) = customer_record_key(
            c.customer_id.as_deref(),
            c.email.as_deref(),
            c.phone.as_deref(),
            c.name.as_deref(),
            None,
        ) else {
            return Ok(None);
        };
        // A returning customer with nothing new costs no statement at all.
        let cache_key = (channel_id, key);
        if let Some((id, seen)) = self.customers.get(&cache_key)
            && seen == c
        {
            return Ok(Some(*id));
        }
        let key = &cache_key.1;
        let record = CustomerRecord {
            customer_id: c.customer_id.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            name: c.name.clone(),
            ..CustomerRecord::default()
        };
        let id = self.upsert_customer_record(&record, key, channel_id)?.0;
        if self.customers.len() >= CUSTOMER_CACHE {
            self.customers.clear();
        }
        self.customers.insert(cache_key, (id, c.clone()));
        Ok(Some(id))
    }

    pub fn write_customer(&self, rec: &CustomerRecord, channel_id: i64) -> Result<Written> {
        let key = customer_record_key(
            rec.customer_id.as_deref(),
            rec.email.as_deref(),
            rec.phone.as_deref(),
            rec.full_name().as_deref(),
            rec.postcode.as_deref(),
        );
        let Some(key) = key else {
            bail!("customer record without an identifying field")
        };
        Ok(self.upsert_customer_record(rec, &key, channel_id)?.1)
    }

    /// Inserts or fills in a customer record; a blank field never erases a known value.
    fn upsert_customer_record(
        &self,
        rec: &CustomerRecord,
        key: &str,
        channel_id: i64,
    ) -> Result<(i64, Written)> {
        let created_at = rec.created_at.map(|i| i.utc_text());
        let relay = i64::from(rec.email.as_deref().is_some_and(is_relay));
        let inserted = self.tx.prepare_cached(
            "INSERT INTO customer_records (channel_id, record_key, customer_id, email, phone, name, given_name, family_name,
                                           address, city, postcode, region, country, created_at, batch_id, email_relay)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
             ON CONFLICT (channel_id, record_key) DO NOTHING",
        )?
        .execute(params![
            channel_id, key, rec.customer_id, rec.email, rec.phone, rec.name, rec.given_name, rec.family_name,
            rec.address, rec.city, rec.postcode, rec.region, rec.country, created_at, self.batch_id, relay
        ])?;
        let id_of = |tx: &Transaction<'_>| -> Result<i64> {
            Ok(tx
                .prepare_cached(
                    "SELECT id FROM customer_records WHERE channel_id = ?1 AND record_key = ?2",
                )?
                .query_row(params![channel_id, key], |r| r.get(0))?)
        };
        if inserted == 1 {
            return Ok((self.tx.last_insert_rowid(), Written::Inserted));
        }
        let updated = self.tx.prepare_cached(
            "UPDATE customer_records SET
                customer_id = COALESCE(?3, customer_id), email = COALESCE(?4, email), phone = COALESCE(?5, phone),
                name = COALESCE(?6, name), given_name = COALESCE(?7, given_name), family_name = COALESCE(?8, family_name),
                address = COALESCE(?9, address), city = COALESCE(?10, city), postcode = COALESCE(?11, postcode),
                region = COALESCE(?12, region), country = COALESCE(?13, country), created_at = COALESCE(?14, created_at),
                batch_id = ?15
             WHERE channel_id = ?1 AND record_key = ?2
               AND (customer_id IS NOT COALESCE(?3, customer_id) OR email IS NOT COALESCE(?4, email)
                    OR phone IS NOT COALESCE(?5, phone) OR name IS NOT COALESCE(?6, name)
                    OR given_name IS NOT COALESCE(?7, given_name) OR family_name IS NOT COALESCE(?8, family_name)
                    OR address IS NOT COALESCE(?9, address) OR city IS NOT COALESCE(?10, city)
                    OR postcode IS NOT COALESCE(?11, postcode) OR region IS NOT COALESCE(?12, region)
                    OR country IS NOT COALESCE(?13, country) OR created_at IS NOT COALESCE(?14, created_at))",
        )?
        .execute(params![
            channel_id, key, rec.customer_id, rec.email, rec.phone, rec.name, rec.given_name, rec.family_name,
            rec.address, rec.city, rec.postcode, rec.region, rec.country, created_at, self.batch_id
        ])?;
        let id = id_of(&self.tx)?;
        self.flag_relay(id, rec.email.as_deref())?;
        Ok((
            id,
            if updated == 1 {
                Written::Updated
            } else {
                Written::Unchanged
            },
        ))
    }

    /// Marks a record whose e-mail is a marketplace relay, so matching ignores that e-mail.
    fn flag_relay(&self, id: i64, email: Option<&str>) -> Result<()> {
        if let Some(e) = email {
            let relay = i64::from(is_relay(e));
            self.tx
                .prepare_cached("UPDATE customer_records SET email_relay = ?2 WHERE id = ?1 AND email_relay <> ?2")?
                .execute(params![id, relay])?;
        }
        Ok(())
    }

    /// A master product, keyed by SKU. Blank fields keep what the store knows.
    pub fn write_product(&self, rec: &CatalogRecord) -> Result<Written> {
        let v = CatalogValues::of(rec);
        let Some(sku) = &rec.sku else {
            bail!("a master product needs a SKU")
        };
        self.relink.set(true);
        let inserted = self.tx.prepare_cached(
            "INSERT INTO products (sku, title, barcode, brand, category, price, currency, status, url, description, image_url, updated_at, batch_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT (sku) DO NOTHING",
        )?
        .execute(params![
            sku.as_str(), rec.title, v.barcode, rec.brand, rec.category, v.price, v.currency, rec.status,
            rec.url, rec.description, rec.image_url, v.updated_at, self.batch_id
        ])?;
        if inserted == 1 {
            return Ok(Written::Inserted);
        }
        let updated = self.tx.prepare_cached(
            "UPDATE products SET title = ?2, barcode = COALESCE(?3, barcode), brand = COALESCE(?4, brand),
                    category = COALESCE(?5, category), price = COALESCE(?6, price), currency = COALESCE(?7, currency),
                    status = COALESCE(?8, status), url = COALESCE(?9, url), description = COALESCE(?10, description),
                    image_url = COALESCE(?11, image_url), updated_at = COALESCE(?12, updated_at), batch_id = ?13
             WHERE sku = ?1
               AND (title IS NOT ?2 OR barcode IS NOT COALESCE(?3, barcode) OR brand IS NOT COALESCE(?4, brand)
                    OR category IS NOT COALESCE(?5, category) OR price IS NOT COALESCE(?6, price)
                    OR currency IS NOT COALESCE(?7, currency) OR status IS NOT COALESCE(?8, status)
                    OR url IS NOT COALESCE(?9, url) OR description IS NOT COALESCE(?10, description)
                    OR image_url IS NOT COALESCE(?11, image_url) OR updated_at IS NOT COALESCE(?12, updated_at))",
        )?
        .execute(params![
            sku.as_str(), rec.title, v.barcode, rec.brand, rec.category, v.price, v.currency, rec.status,
            rec.url, rec.description, rec.image_url, v.updated_at, self.batch_id
        ])?;
        Ok(if updated == 1 {
            Written::Updated
        } else {
            Written::Unchanged
        })
    }

    /// A channel's listing, keyed by channel and channel SKU. Every listing in the file is
    /// marked as seen by this batch; its link to a master product is made at commit.
    pub fn write_listing(&self, rec: &CatalogRecord, channel_id: i64) -> Result<Written> {
        let v = CatalogValues::of(rec);
        let sku = rec.sku.as_ref().map(|s| s.as_str());
        let Some(channel_sku) = rec.channel_sku.as_deref().or(sku) else {
            bail!("a listing needs a SKU or a channel SKU")
        };
        self.relink.set(true);
        let values = params![
            channel_id,
            channel_sku,
            sku,
            rec.title,
            v.barcode,
            rec.brand,
            rec.category,
            v.price,
            v.currency,
            rec.quantity,
            rec.status,
            rec.url,
            rec.description,
            rec.image_url,
            v.updated_at,
            self.batch_id
        ];
        let inserted = self
            .tx
            .prepare_cached(
                "INSERT INTO listings (channel_id, channel_sku, sku, title, barcode, brand, category, price, currency,
                                       quantity, status, url, description, image_url, updated_at, batch_id, seen_batch_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)
                 ON CONFLICT (channel_id, channel_sku) DO NOTHING",
            )?
            .execute(values)?;
        if inserted == 1 {
            return Ok(Written::Inserted);
        }
        let updated = self
            .tx
            .prepare_cached(
                "UPDATE listings SET sku = ?3, title = ?4, barcode = ?5, brand = ?6, category = ?7, price = ?8,
                        currency = ?9, quantity = ?10, status = ?11, url = ?12, description = ?13, image_url = ?14,
                        updated_at = ?15, batch_id = ?16
                 WHERE channel_id = ?1 AND channel_sku = ?2
                   AND (sku IS NOT ?3 OR title IS NOT ?4 OR barcode IS NOT ?5 OR brand IS NOT ?6 OR category IS NOT ?7
                        OR price IS NOT ?8 OR currency IS NOT ?9 OR quantity IS NOT ?10 OR status IS NOT ?11
                        OR url IS NOT ?12 OR description IS NOT ?13 OR image_url IS NOT ?14 OR updated_at IS NOT ?15)",
            )?
            .execute(values)?;
        self.tx
            .prepare_cached(
                "UPDATE listings SET seen_batch_id = ?3 WHERE channel_id = ?1 AND channel_sku = ?2",
            )?
            .execute(params![channel_id, channel_sku, self.batch_id])?;
        Ok(if updated == 1 {
            Written::Updated
        } else {
            Written::Unchanged
        })
    }

    /// One component of a bundle, keyed by bundle and component.
    pub fn write_bundle(&self, rec: &BundleRecord) -> Result<Written> {
        let inserted = self
            .tx
            .prepare_cached(
                "INSERT INTO bundle_components (bundle, component, quantity) VALUES (?1, ?2, ?3)
                 ON CONFLICT (bundle, component) DO NOTHING",
            )?
            .execute(params![
                rec.bundle.as_str(),
                rec.component.as_str(),
                rec.quantity
            ])?;
        if inserted == 1 {
            return Ok(Written::Inserted);
        }
        let updated = self
            .tx
            .prepare_cached("UPDATE bundle_components SET quantity = ?3 WHERE bundle = ?1 AND component = ?2 AND quantity <> ?3")?
            .execute(params![rec.bundle.as_str(), rec.component.as_str(), rec.quantity])?;
        Ok(if updated == 1 {
            Written::Updated
        } else {
            Written::Unchanged
        })
    }

    /// A human's mapping of a channel SKU to a master SKU.
    pub fn write_alias(&self, rec: &SkuAliasRecord, channel_id: i64) -> Result<Written> {
        self.relink.set(true);
        let inserted = self
            .tx
            .prepare_cached(
                "INSERT INTO sku_aliases (channel_id, channel_sku, sku, batch_id) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (channel_id, channel_sku) DO NOTHING",
            )?
            .execute(params![channel_id, rec.channel_sku, rec.sku.as_str(), self.batch_id])?;
        if inserted == 1 {
            return Ok(Written::Inserted);
        }
        let updated = self
            .tx
            .prepare_cached(
                "UPDATE sku_aliases SET sku = ?3, batch_id = ?4 WHERE channel_id = ?1 AND channel_sku = ?2 AND sku IS NOT ?3",
            )?
            .execute(params![channel_id, rec.channel_sku, rec.sku.as_str(), self.batch_id])?;
        Ok(if updated == 1 {
            Written::Updated
        } else {
            Written::Unchanged
        })
    }

    pub fn write_stock(&self, rec: &StockRecord, location_id: i64) -> Result<Written> {
        let as_of = rec.as_of.utc_text();
        let inserted = self.tx.prepare_cached(
            "INSERT INTO stock_levels (location_id, sku, on_hand, reserved, as_of, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (location_id, sku, as_of) DO NOTHING",
        )?
        .execute(params![location_id, rec.sku.as_str(), rec.on_hand, rec.reserved, as_of, self.batch_id])?;
        if inserted == 1 {
            return Ok(Written::Inserted);
        }
        let updated = self.tx.prepare_cached(
            "UPDATE stock_levels SET on_hand = ?4, reserved = ?5, batch_id = ?6
             WHERE location_id = ?1 AND sku = ?2 AND as_of = ?3 AND (on_hand IS NOT ?4 OR reserved IS NOT ?5)",
        )?
        .execute(params![location_id, rec.sku.as_str(), as_of, rec.on_hand, rec.reserved, self.batch_id])?;
        Ok(if updated == 1 {
            Written::Updated
        } else {
            Written::Unchanged
        })
    }

    /// A change to a SKU's stock at a location (`--adjust`), keyed by location, SKU and time:
    /// re-importing the same change does not apply it twice. Reconcile adds it to the latest
    /// count before it.
    pub fn adjust_stock(&self, rec: &StockRecord, location_id: i64) -> Result<Written> {
        let at = rec.as_of.utc_text();
        let inserted = self
            .tx
            .prepare_cached(
                "INSERT INTO stock_movements (location_id, sku, quantity, at, batch_id) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (location_id, sku, at) DO NOTHING",
            )?
            .execute(params![location_id, rec.sku.as_str(), rec.on_hand, at, self.batch_id])?;
        if inserted == 1 {
            return Ok(Written::Inserted);
        }
        let updated = self
            .tx
            .prepare_cached(
                "UPDATE stock_movements SET quantity = ?4, batch_id = ?5
                 WHERE location_id = ?1 AND sku = ?2 AND at = ?3 AND quantity <> ?4",
            )?
            .execute(params![
                location_id,
                rec.sku.as_str(),
                at,
                rec.on_hand,
                self.batch_id
            ])?;
        Ok(if updated == 1 {
            Written::Updated
        } else {
            Written::Unchanged
        })
    }

    /// Records the batch's outcome and commits everything it wrote.
    pub fn commit(mut self, content_hash: &str, counts: &Counts) -> Result<i64> {
        self.touched.sort_unstable();
        self.touched.dedup();
        super::kpi::refresh_orders(&self.tx, &self.touched)?;
        if self.relink.get() {
            super::mapping::relink_listings(&self.tx)?;
        }
        self.tx.execute(
            "UPDATE batches SET content_hash = ?2, rows_read = ?3, rows_inserted = ?4, rows_updated = ?5,
                    rows_unchanged = ?6, rows_rejected = ?7, finished_at = ?8
             WHERE id = ?1",
            params![
                self.batch_id,
                content_hash,
                counts.read as i64,
                counts.inserted as i64,
                counts.updated as i64,
                counts.unchanged as i64,
                counts.rejected as i64,
                now_text()
            ],
        )?;
        self.tx.commit()?;
        Ok(self.batch_id)
    }

    /// Drops everything this import wrote.
    pub fn rollback(self) -> Result<()> {
        self.tx.rollback()?;
        Ok(())
    }
}

/// Catalogue values converted to their column types.
struct CatalogValues {
    barcode: Option<String>,
    price: Option<i64>,
    currency: Option<String>,
    updated_at: Option<String>,
}

impl CatalogValues {
    fn of(rec: &CatalogRecord) -> CatalogValues {
        CatalogValues {
            barcode: rec.barcode.map(|g| g.as_str().to_string()),
            price: rec.price.map(|m| m.minor),
            currency: rec.price.map(|m| m.currency.to_string()),
            updated_at: rec.updated_at.map(|i| i.utc_text()),
        }
    }
}
