//! The schema as an ordered list of migrations, each recorded in `migrations` when applied.
//! A store whose newest migration is beyond this list was written by a newer omni: refused.

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, OptionalExtension, params};

pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation: channels, locations, catalogue, stock, sales, customer records, batches",
        sql: r#"
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE channels (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind       TEXT NOT NULL CHECK (kind IN ('web','marketplace','store','social','app','wholesale')),
    platform   TEXT,
    currency   TEXT,
    -- Publishing rules (omni reconcile): pool - buffer, x percent, capped at max_qty,
    -- 0 when <= zero_at; sync_hours is how often the channel takes updates.
    buffer     INTEGER NOT NULL DEFAULT 0,
    percent    INTEGER NOT NULL DEFAULT 100,
    max_qty    INTEGER,
    zero_at    INTEGER NOT NULL DEFAULT 0,
    sync_hours INTEGER NOT NULL DEFAULT 24,
    -- Expected price difference from the master price, in percent (audit price-parity).
    markup     INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
-- Per-SKU overrides of a channel's rules; NULL keeps the channel's value.
CREATE TABLE sku_rules (
    sku        TEXT NOT NULL COLLATE NOCASE,
    channel_id INTEGER NOT NULL REFERENCES channels(id),
    buffer     INTEGER,
    percent    INTEGER,
    max_qty    INTEGER,
    zero_at    INTEGER,
    PRIMARY KEY (sku, channel_id)
);
-- A bundle (kit) sells `quantity` units of each component.
CREATE TABLE bundle_components (
    bundle    TEXT NOT NULL COLLATE NOCASE,
    component TEXT NOT NULL COLLATE NOCASE,
    quantity  INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (bundle, component)
);
-- Saved audits (omni audit --save), so the next one can show what is new and what was fixed.
CREATE TABLE audit_runs (
    id         INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    findings   INTEGER NOT NULL
);
CREATE TABLE audit_findings (
    run_id   INTEGER NOT NULL REFERENCES audit_runs(id),
    key      TEXT NOT NULL,
    "check"  TEXT NOT NULL,
    severity TEXT NOT NULL,
    channel  TEXT NOT NULL,
    sku      TEXT NOT NULL,
    reason   TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE TABLE locations (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind       TEXT NOT NULL CHECK (kind IN ('store','warehouse','fulfilment')),
    created_at TEXT NOT NULL
);
-- Which locations feed which channels; position is the location's place in the channel's
-- source order (1 = first), used to deduct a sale whose fulfilling location is unknown.
CREATE TABLE location_feeds (
    location_id INTEGER NOT NULL REFERENCES locations(id),
    channel_id  INTEGER NOT NULL REFERENCES channels(id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (location_id, channel_id)
);
CREATE TABLE batches (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL,
    source         TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    target         TEXT NOT NULL DEFAULT '',
    profile        TEXT,
    encoding       TEXT,
    delimiter      TEXT,
    rows_read      INTEGER NOT NULL DEFAULT 0,
    rows_inserted  INTEGER NOT NULL DEFAULT 0,
    rows_updated   INTEGER NOT NULL DEFAULT 0,
    rows_unchanged INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0,
    started_at     TEXT NOT NULL,
    finished_at    TEXT
);
CREATE INDEX batches_by_content ON batches (content_hash, kind, target);
CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    sku         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    title       TEXT NOT NULL,
    barcode     TEXT,
    brand       TEXT,
    category    TEXT,
    price       INTEGER,
    currency    TEXT,
    status      TEXT,
    url         TEXT,
    description TEXT,
    image_url   TEXT,
    updated_at  TEXT,
    batch_id    INTEGER
);
CREATE TABLE listings (
    id            INTEGER PRIMARY KEY,
    channel_id    INTEGER NOT NULL REFERENCES channels(id),
    channel_sku   TEXT NOT NULL COLLATE NOCASE,
    sku           TEXT COLLATE NOCASE,
    product_id    INTEGER REFERENCES products(id),
    title         TEXT NOT NULL,
    barcode       TEXT,
    brand         TEXT,
    category      TEXT,
    price         INTEGER,
    currency      TEXT,
    quantity      INTEGER,
    status        TEXT,
    url           TEXT,
    description   TEXT,
    image_url     TEXT,
    updated_at    TEXT,
    batch_id      INTEGER,
    seen_batch_id INTEGER,
    -- How the listing was linked to its product: alias, sku or barcode.
    mapped_by     TEXT,
    UNIQUE (channel_id, channel_sku)
);
CREATE INDEX listings_by_sku ON listings (sku);
CREATE INDEX products_by_barcode ON products (barcode);
-- A human's mapping of a channel SKU to a master SKU; it wins over SKU and barcode matches.
CREATE TABLE sku_aliases (
    channel_id  INTEGER NOT NULL REFERENCES channels(id),
    channel_sku TEXT NOT NULL COLLATE NOCASE,
    sku         TEXT NOT NULL COLLATE NOCASE,
    batch_id    INTEGER,
    PRIMARY KEY (channel_id, channel_sku)
);
CREATE TABLE stock_levels (
    id          INTEGER PRIMARY KEY,
    location_id INTEGER NOT NULL REFERENCES locations(id),
    sku         TEXT NOT NULL COLLATE NOCASE,
    on_hand     INTEGER NOT NULL,
    reserved    INTEGER NOT NULL DEFAULT 0,
    as_of       TEXT NOT NULL,
    batch_id    INTEGER,
    UNIQUE (location_id, sku, as_of)
);
-- Changes to a count (deliveries, corrections: `omni import stock --adjust`), applied on top
-- of the latest count before them.
CREATE TABLE stock_movements (
    id          INTEGER PRIMARY KEY,
    location_id INTEGER NOT NULL REFERENCES locations(id),
    sku         TEXT NOT NULL COLLATE NOCASE,
    quantity    INTEGER NOT NULL,
    at          TEXT NOT NULL,
    batch_id    INTEGER,
    UNIQUE (location_id, sku, at)
);
CREATE TABLE customer_records (
    id          INTEGER PRIMARY KEY,
    channel_id  INTEGER NOT NULL REFERENCES channels(id),
    record_key  TEXT NOT NULL,
    customer_id TEXT,
    email       TEXT,
    phone       TEXT,
    name        TEXT,
    given_name  TEXT,
    family_name TEXT,
    address     TEXT,
    city        TEXT,
    postcode    TEXT,
    region      TEXT,
    country     TEXT,
    created_at  TEXT,
    -- 1 when the e-mail is a marketplace relay address: it identifies an order, not a person.
    email_relay INTEGER NOT NULL DEFAULT 0,
    batch_id    INTEGER,
    UNIQUE (channel_id, record_key)
);
CREATE TABLE orders (
    id                 INTEGER PRIMARY KEY,
    channel_id         INTEGER NOT NULL REFERENCES channels(id),
    order_id           TEXT NOT NULL,
    ordered_at         TEXT NOT NULL,
    utc_offset         TEXT,
    status             TEXT,
    customer_record_id INTEGER REFERENCES customer_records(id),
    currency           TEXT NOT NULL,
    shipping           INTEGER NOT NULL DEFAULT 0,
    -- Money refunded without returned goods (a goodwill or partial refund), order level.
    refunded           INTEGER NOT NULL DEFAULT 0,
    cancelled_at       TEXT,
    batch_id           INTEGER,
    UNIQUE (channel_id, order_id)
);
CREATE TABLE order_lines (
    id         INTEGER PRIMARY KEY,
    order_ref  INTEGER NOT NULL REFERENCES orders(id),
    channel_id INTEGER NOT NULL REFERENCES channels(id),
    line_id    TEXT NOT NULL,
    ordered_at TEXT NOT NULL,
    status     TEXT,
    sku        TEXT NOT NULL COLLATE NOCASE,
    quantity   INTEGER NOT NULL,
    unit_price INTEGER NOT NULL,
    currency   TEXT NOT NULL,
    discount   INTEGER NOT NULL DEFAULT 0,
    tax        INTEGER NOT NULL DEFAULT 0,
    -- The location that fulfilled the line, as the export names it.
    location   TEXT,
    batch_id   INTEGER,
    UNIQUE (order_ref, line_id)
);
-- What an import overwrote, so `omni batches undo` can put it back: the row as it was
-- before the batch first changed it. Batches only move forward, so an undo (which writes
-- older batch ids back) records nothing.
CREATE TABLE overwritten (
    batch_id   INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    old_row    TEXT NOT NULL,
    PRIMARY KEY (batch_id, table_name, row_id)
);
CREATE TRIGGER stock_movements_overwritten BEFORE UPDATE ON stock_movements
WHEN NEW.batch_id > COALESCE(OLD.batch_id, 0)
BEGIN
    INSERT OR IGNORE INTO overwritten (batch_id, table_name, row_id, old_row)
    VALUES (NEW.batch_id, 'stock_movements', OLD.id, json_object('location_id', OLD.location_id, 'sku', OLD.sku, 'quantity', OLD.quantity, 'at', OLD.at, 'batch_id', OLD.batch_id));
END;
CREATE TRIGGER products_overwritten BEFORE UPDATE ON products
WHEN NEW.batch_id > COALESCE(OLD.batch_id, 0)
BEGIN
    INSERT OR IGNORE INTO overwritten (batch_id, table_name, row_id, old_row)
    VALUES (NEW.batch_id, 'products', OLD.id, json_object('sku', OLD.sku, 'title', OLD.title, 'barcode', OLD.barcode, 'brand', OLD.brand, 'category', OLD.category, 'price', OLD.price, 'currency', OLD.currency, 'status', OLD.status, 'url', OLD.url, 'description', OLD.description, 'image_url', OLD.image_url, 'updated_at', OLD.updated_at, 'batch_id', OLD.batch_id));
END;
CREATE TRIGGER listings_overwritten BEFORE UPDATE ON listings
WHEN NEW.batch_id > COALESCE(OLD.batch_id, 0)
BEGIN
    INSERT OR IGNORE INTO overwritten (batch_id, table_name, row_id, old_row)
    VALUES (NEW.batch_id, 'listings', OLD.id, json_object('channel_id', OLD.channel_id, 'channel_sku', OLD.channel_sku, 'sku', OLD.sku, 'product_id', OLD.product_id, 'title', OLD.title, 'barcode', OLD.barcode, 'brand', OLD.brand, 'category', OLD.category, 'price', OLD.price, 'currency', OLD.currency, 'quantity', OLD.quantity, 'status', OLD.status, 'url', OLD.url, 'description', OLD.description, 'image_url', OLD.image_url, 'updated_at', OLD.updated_at, 'batch_id', OLD.batch_id, 'seen_batch_id', OLD.seen_batch_id, 'mapped_by', OLD.mapped_by));
END;
CREATE TRIGGER stock_levels_overwritten BEFORE UPDATE ON stock_levels
WHEN NEW.batch_id > COALESCE(OLD.batch_id, 0)
BEGIN
    INSERT OR IGNORE INTO overwritten (batch_id, table_name, row_id, old_row)
    VALUES (NEW.batch_id, 'stock_levels', OLD.id, json_object('location_id', OLD.location_id, 'sku', OLD.sku, 'on_hand', OLD.on_hand, 'reserved', OLD.reserved, 'as_of', OLD.as_of, 'batch_id', OLD.batch_id));
END;
CREATE TRIGGER customer_records_overwritten BEFORE UPDATE ON customer_records
WHEN NEW.batch_id > COALESCE(OLD.batch_id, 0)
BEGIN
    INSERT OR IGNORE INTO overwritten (batch_id, table_name, row_id, old_row)
    VALUES (NEW.batch_id, 'customer_records', OLD.id, json_object('channel_id', OLD.channel_id, 'record_key', OLD.record_key, 'customer_id', OLD.customer_id, 'email', OLD.email, 'phone', OLD.phone, 'name', OLD.name, 'given_name', OLD.given_name, 'family_name', OLD.family_name, 'address', OLD.address, 'city', OLD.city, 'postcode', OLD.postcode, 'region', OLD.region, 'country', OLD.country, 'created_at', OLD.created_at, 'email_relay', OLD.email_relay, 'batch_id', OLD.batch_id));
END;
CREATE TRIGGER orders_overwritten BEFORE UPDATE ON orders
WHEN NEW.batch_id > COALESCE(OLD.batch_id, 0)
BEGIN
    INSERT OR IGNORE INTO overwritten (batch_id, table_name, row_id, old_row)
    VALUES (NEW.batch_id, 'orders', OLD.id, json_object('channel_id', OLD.channel_id, 'order_id', OLD.order_id, 'ordered_at', OLD.ordered_at, 'utc_offset', OLD.utc_offset, 'status', OLD.status, 'customer_record_id', OLD.customer_record_id, 'currency', OLD.currency, 'shipping', OLD.shipping, 'refunded', OLD.refunded, 'cancelled_at', OLD.cancelled_at, 'batch_id', OLD.batch_id));
END;
CREATE TRIGGER order_lines_overwritten BEFORE UPDATE ON order_lines
WHEN NEW.batch_id > COALESCE(OLD.batch_id, 0)
BEGIN
    INSERT OR IGNORE INTO overwritten (batch_id, table_name, row_id, old_row)
    VALUES (NEW.batch_id, 'order_lines', OLD.id, json_object('order_ref', OLD.order_ref, 'channel_id', OLD.channel_id, 'line_id', OLD.line_id, 'ordered_at', OLD.ordered_at, 'status', OLD.status, 'sku', OLD.sku, 'quantity', OLD.quantity, 'unit_price', OLD.unit_price, 'currency', OLD.currency, 'discount', OLD.discount, 'tax', OLD.tax, 'location', OLD.location, 'batch_id', OLD.batch_id));
END;
"#,
    },
    Migration {
        version: 2,
        name: "customers: records linked into customers, the links, people's decisions, merge runs",
        sql: r#"
-- A customer is the set of customer records that are one person. Records are never merged or
-- changed: membership says which customer each belongs to.
CREATE TABLE customers (
    id     INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL
);
CREATE TABLE customer_members (
    record_id INTEGER PRIMARY KEY REFERENCES customer_records(id) ON DELETE CASCADE,
    customer  INTEGER NOT NULL REFERENCES customers(id),
    run_id    INTEGER NOT NULL
);
CREATE INDEX customer_members_by_customer ON customer_members (customer);
-- Why records are one: each link that joined two of them, with its evidence.
CREATE TABLE customer_links (
    record_a    INTEGER NOT NULL REFERENCES customer_records(id) ON DELETE CASCADE,
    record_b    INTEGER NOT NULL REFERENCES customer_records(id) ON DELETE CASCADE,
    rule        TEXT NOT NULL,
    weight      REAL,
    probability REAL,
    run_id      INTEGER NOT NULL,
    PRIMARY KEY (record_a, record_b)
);
-- What a person decided about a pair: one person (same = 1) or two (same = 0). Kept across
-- rebuilds.
CREATE TABLE customer_decisions (
    record_a   INTEGER NOT NULL REFERENCES customer_records(id) ON DELETE CASCADE,
    record_b   INTEGER NOT NULL REFERENCES customer_records(id) ON DELETE CASCADE,
    same       INTEGER NOT NULL CHECK (same IN (0, 1)),
    source     TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (record_a, record_b),
    CHECK (record_a < record_b)
);
CREATE TABLE merge_runs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    threshold   REAL,
    records     INTEGER NOT NULL DEFAULT 0,
    new_records INTEGER NOT NULL DEFAULT 0,
    changed     INTEGER NOT NULL DEFAULT 0,
    model       TEXT
);
-- The customer each record had before a run changed it (NULL: none), so a run can be undone.
CREATE TABLE customer_history (
    run_id    INTEGER NOT NULL,
    record_id INTEGER NOT NULL,
    customer  INTEGER,
    PRIMARY KEY (run_id, record_id)
);
"#,
    },
    Migration {
        version: 3,
        name: "sales facts: what KPIs read, kept exact at import",
        sql: r#"
-- One row per order's sale, return document, money-only refund and unreturned cancellation
-- (kind 0, 1, 2, 3), in customer-record order (0: a guest). `at` is Unix seconds, UTC;
-- reports cut periods in the merchant's zone. Money in minor units of `currency`.
CREATE TABLE sales_facts (
    customer_record_id INTEGER NOT NULL,
    at                 INTEGER NOT NULL,
    order_ref          INTEGER NOT NULL,
    kind               INTEGER NOT NULL,
    channel_id         INTEGER NOT NULL,
    currency           TEXT NOT NULL,
    units              INTEGER NOT NULL,
    gross              INTEGER NOT NULL,
    discounts          INTEGER NOT NULL,
    returned_units     INTEGER NOT NULL,
    returns            INTEGER NOT NULL,
    cancelled          INTEGER NOT NULL,
    PRIMARY KEY (customer_record_id, at, order_ref, kind)
) WITHOUT ROWID;
CREATE INDEX sales_facts_by_order ON sales_facts (order_ref);
"#,
    },
    Migration {
        version: 4,
        name: "exchange rates, and each fact's order time to convert it at",
        sql: r#"
-- `rate` units of `currency` per unit of `base` on local day `day` (ECB style:
-- EUR → USD 1.0823), as the exact decimal the file gave.
CREATE TABLE exchange_rates (
    day       TEXT NOT NULL,
    currency  TEXT NOT NULL,
    base      TEXT NOT NULL,
    rate      TEXT NOT NULL,
    PRIMARY KEY (base, currency, day)
) WITHOUT ROWID;
-- A return converts at its order's rate, so a full refund nets to zero.
ALTER TABLE sales_facts ADD COLUMN ordered_at INTEGER NOT NULL DEFAULT 0;
"#,
    },
    Migration {
        version: 5,
        name: "packed sales histories: what KPI reports stream",
        sql: r#"
-- Each customer record's sales facts, packed in time order (see store/histories.rs); the
-- guests' in 30-day buckets (`bucket` = Unix seconds / 2,592,000). Rebuilt from sales_facts.
CREATE TABLE customer_histories (
    record_id INTEGER PRIMARY KEY,
    facts     BLOB NOT NULL
);
CREATE TABLE guest_histories (
    bucket INTEGER PRIMARY KEY,
    facts  BLOB NOT NULL
);
"#,
    },
];

/// The first version whose sales facts (and their packed histories) a store upgraded from
/// before it must recompute.
const FACTS_CHANGED: i64 = 5;

pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// The newest migration recorded in the store (0 for a blank database).
pub fn current_version(conn: &Connection) -> Result<i64> {
    let has_table: bool = conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'",
            [],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    if !has_table {
        return Ok(0);
    }
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM migrations",
        [],
        |r| r.get(0),
    )?)
}

pub fn refuse_newer(version: i64, path: &str) -> Result<()> {
    if version > latest_version() {
        bail!(
            "{path} was written by a newer omni (schema version {version}; this omni knows up to {}): upgrade omni to use it",
            latest_version()
        );
    }
    Ok(())
}

/// Applies every pending migration in one transaction. The caller holds the write lock.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction()?;
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )?;
    let current = current_version(&tx)?;
    for m in MIGRATIONS.iter().filter(|m| m.version > current) {
        tx.execute_batch(m.sql)
            .with_context(|| format!("applying migration {}", m.version))?;
        tx.execute(
            "INSERT INTO migrations (version, name, applied_at) VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
            params![m.version, m.name],
        )?;
    }
    // Facts are computed by today's query, so after every migration has run.
    if current > 0 && current < FACTS_CHANGED {
        super::kpi::rebuild_all(&tx)?;
    }
    tx.commit()?;
    Ok(())
}
