//! Each customer record's sales facts packed into one BLOB (`customer_histories`), and the
//! guests' in 30-day buckets (`guest_histories`): what KPI reports stream. A million small
//! blobs read several times faster than the four million rows they pack. The rows
//! (`sales_facts`) stay the exact source; the blobs of exactly the records and buckets an
//! import touched are rebuilt from them in the same transaction.

use std::collections::BTreeSet;

use anyhow::{Result, anyhow};
use rusqlite::{Connection, params};

use super::Store;
use super::kpi::{FactKind, SalesFact};
use crate::domain::currency::Currency;

/// Guest facts are chunked by time, 30 days a blob.
const GUEST_BUCKET_SECS: i64 = 30 * 86_400;
/// The format of a blob (its first byte).
const FORMAT: u8 = 1;
/// Past this many touched records a full rebuild (one ordered scan) beats one query each.
const FULL_REBUILD_AT: usize = 50_000;

const READ_COLUMNS: &str = "customer_record_id, at, kind, channel_id, currency, units, gross, \
                            discounts, returned_units, returns, cancelled, ordered_at";

fn bucket_of(at: i64) -> i64 {
    at.div_euclid(GUEST_BUCKET_SECS)
}

fn put(out: &mut Vec<u8>, v: i64) {
    let mut z = ((v << 1) ^ (v >> 63)) as u64;
    loop {
        let byte = (z & 0x7f) as u8;
        z >>= 7;
        if z == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Appends facts (in time order) to a blob.
fn encode(facts: &[SalesFact]) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 + facts.len() * 20);
    out.push(FORMAT);
    let mut prev = 0;
    for f in facts {
        put(&mut out, f.at - prev);
        prev = f.at;
        put(&mut out, f.kind as i64 | (i64::from(f.cancelled) << 2));
        put(&mut out, f.channel_id);
        out.extend_from_slice(&f.currency.bytes());
        for v in [f.units, f.gross, f.discounts, f.returned_units, f.returns] {
            put(&mut out, v);
        }
        put(&mut out, f.at - f.ordered_at);
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn varint(&mut self) -> Option<i64> {
        // Most fields fit one byte (flags, channel, units, zeros).
        if let Some(&byte) = self.bytes.get(self.at)
            && byte < 0x80
        {
            self.at += 1;
            let z = u64::from(byte);
            return Some(((z >> 1) as i64) ^ -((z & 1) as i64));
        }
        let mut z: u64 = 0;
        let mut shift = 0;
        loop {
            let byte = *self.bytes.get(self.at)?;
            self.at += 1;
            if shift > 63 {
                return None;
            }
            z |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(((z >> 1) as i64) ^ -((z & 1) as i64));
            }
            shift += 7;
        }
    }

    fn fact(&mut self, record: Option<i64>, prev: i64) -> Option<SalesFact> {
        let at = prev + self.varint()?;
        let flags = self.varint()?;
        let channel_id = self.varint()?;
        let code: [u8; 3] = self.bytes.get(self.at..self.at + 3)?.try_into().ok()?;
        self.at += 3;
        let currency = Currency::from_bytes(code)?;
        let mut v = [0i64; 5];
        for slot in &mut v {
            *slot = self.varint()?;
        }
        let ordered_at = at - self.varint()?;
        Some(SalesFact {
            record,
            at,
            kind: FactKind::from_code(flags & 3),
            channel_id,
            currency,
            units: v[0],
            gross: v[1],
            discounts: v[2],
            returned_units: v[3],
            returns: v[4],
            cancelled: flags & 4 != 0,
            ordered_at,
        })
    }
}

/// Feeds every fact of a blob to `each`.
fn decode(blob: &[u8], record: Option<i64>, each: &mut impl FnMut(SalesFact)) -> Result<()> {
    let unreadable =
        || anyhow!("the KPI aggregates are unreadable: run `omni doctor --rebuild-aggregates`");
    if blob.first() != Some(&FORMAT) {
        return Err(unreadable());
    }
    let mut r = Reader { bytes: blob, at: 1 };
    let mut prev = 0;
    while r.at < blob.len() {
        let f = r.fact(record, prev).ok_or_else(unreadable)?;
        prev = f.at;
        each(f);
    }
    Ok(())
}

/// Reads `sales_facts` rows (`sql` selects [`READ_COLUMNS`]) into `each`, in query order.
fn read_rows(
    conn: &Connection,
    sql: &str,
    args: impl rusqlite::Params,
    mut each: impl FnMut(SalesFact),
) -> Result<()> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(args)?;
    while let Some(r) = rows.next()? {
        let record: i64 = r.get(0)?;
        let code = r.get_ref(4)?.as_str()?;
        let currency: Currency = code
            .parse()
            .map_err(|_| anyhow!("a sales fact has the currency \"{code}\""))?;
        each(SalesFact {
            record: (record != 0).then_some(record),
            at: r.get(1)?,
            kind: FactKind::from_code(r.get(2)?),
            channel_id: r.get(3)?,
            currency,
            units: r.get(5)?,
            gross: r.get(6)?,
            discounts: r.get(7)?,
            returned_units: r.get(8)?,
            returns: r.get(9)?,
            cancelled: r.get::<_, i64>(10)? != 0,
            ordered_at: r.get(11)?,
        });
    }
    Ok(())
}

fn write_record(conn: &Connection, record: i64, facts: &[SalesFact]) -> Result<()> {
    if facts.is_empty() {
        conn.prepare_cached("DELETE FROM customer_histories WHERE record_id = ?1")?
            .execute([record])?;
    } else {
        conn.prepare_cached(
            "INSERT OR REPLACE INTO customer_histories (record_id, facts) VALUES (?1, ?2)",
        )?
        .execute(params![record, encode(facts)])?;
    }
    Ok(())
}

fn write_bucket(conn: &Connection, bucket: i64, facts: &[SalesFact]) -> Result<()> {
    if facts.is_empty() {
        conn.prepare_cached("DELETE FROM guest_histories WHERE bucket = ?1")?
            .execute([bucket])?;
    } else {
        conn.prepare_cached(
            "INSERT OR REPLACE INTO guest_histories (bucket, facts) VALUES (?1, ?2)",
        )?
        .execute(params![bucket, encode(facts)])?;
    }
    Ok(())
}

/// The records and guest buckets the facts of `temp.touched_orders` belong to now.
pub(super) fn touched_keys(
    conn: &Connection,
    records: &mut BTreeSet<i64>,
    buckets: &mut BTreeSet<i64>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT customer_record_id, at FROM sales_facts
         WHERE order_ref IN (SELECT id FROM temp.touched_orders)",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (record, at): (i64, i64) = (r.get(0)?, r.get(1)?);
        if record == 0 {
            buckets.insert(bucket_of(at));
        } else {
            records.insert(record);
        }
    }
    Ok(())
}

/// Rebuilds the blobs of the given records and guest buckets from `sales_facts`.
pub(super) fn rebuild_keys(
    conn: &Connection,
    records: &BTreeSet<i64>,
    buckets: &BTreeSet<i64>,
) -> Result<()> {
    if records.len() > FULL_REBUILD_AT {
        return rebuild_all(conn);
    }
    let mut facts = Vec::new();
    for &record in records {
        facts.clear();
        read_rows(
            conn,
            &format!(
                "SELECT {READ_COLUMNS} FROM sales_facts WHERE customer_record_id = ?1
                 ORDER BY at, kind, order_ref"
            ),
            [record],
            |f| facts.push(f),
        )?;
        write_record(conn, record, &facts)?;
    }
    for &bucket in buckets {
        facts.clear();
        read_rows(
            conn,
            &format!(
                "SELECT {READ_COLUMNS} FROM sales_facts
                 WHERE customer_record_id = 0 AND at >= ?1 AND at < ?2
                 ORDER BY at, kind, order_ref"
            ),
            params![bucket * GUEST_BUCKET_SECS, (bucket + 1) * GUEST_BUCKET_SECS],
            |f| facts.push(f),
        )?;
        write_bucket(conn, bucket, &facts)?;
    }
    Ok(())
}

/// Every blob again from `sales_facts`, in one ordered scan.
pub(super) fn rebuild_all(conn: &Connection) -> Result<()> {
    conn.execute_batch("DELETE FROM customer_histories; DELETE FROM guest_histories;")?;
    // (record or 0, guest bucket) of the facts gathered so far.
    let mut current: Option<(i64, i64)> = None;
    let mut facts: Vec<SalesFact> = Vec::new();
    let mut failure = None;
    let flush = |key: (i64, i64), facts: &mut Vec<SalesFact>| -> Result<()> {
        match key {
            (0, bucket) => write_bucket(conn, bucket, facts)?,
            (record, _) => write_record(conn, record, facts)?,
        }
        facts.clear();
        Ok(())
    };
    read_rows(
        conn,
        &format!(
            "SELECT {READ_COLUMNS} FROM sales_facts ORDER BY customer_record_id, at, kind, order_ref"
        ),
        [],
        |f| {
            let key = match f.record {
                None => (0, bucket_of(f.at)),
                Some(r) => (r, 0),
            };
            if current.is_some_and(|c| c != key)
                && let Some(done) = current
                && let Err(e) = flush(done, &mut facts)
            {
                failure.get_or_insert(e);
            }
            current = Some(key);
            facts.push(f);
        },
    )?;
    if let Some(e) = failure {
        return Err(e);
    }
    if let Some(done) = current {
        flush(done, &mut facts)?;
    }
    Ok(())
}

/// An order-independent fingerprint of a set of facts: (count, wrapping sum of a hash).
fn fingerprint(count: &mut u64, sum: &mut u64, f: &SalesFact) {
    let fields = [
        f.record.unwrap_or(0),
        f.at,
        f.kind as i64,
        f.channel_id,
        i64::from(u32::from_le_bytes([
            f.currency.bytes()[0],
            f.currency.bytes()[1],
            f.currency.bytes()[2],
            0,
        ])),
        f.units,
        f.gross,
        f.discounts,
        f.returned_units,
        f.returns,
        i64::from(f.cancelled),
        f.ordered_at,
    ];
    // FNV-1a over the fields, then a final mix: stable across runs and machines.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for v in fields {
        for b in v.to_le_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h ^= h >> 33;
    *count += 1;
    *sum = sum.wrapping_add(h.wrapping_mul(0xff51_afd7_ed55_8ccd));
}

impl Store {
    /// Streams every fact: the guests' (one bucket after another), then each record's in
    /// record order, each record's facts in time order.
    pub fn for_each_sales_fact(&self, mut each: impl FnMut(SalesFact)) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT facts FROM guest_histories ORDER BY bucket")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            decode(r.get_ref(0)?.as_blob()?, None, &mut each)?;
        }
        let mut stmt = self
            .conn
            .prepare("SELECT record_id, facts FROM customer_histories ORDER BY record_id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let record: i64 = r.get(0)?;
            decode(r.get_ref(1)?.as_blob()?, Some(record), &mut each)?;
        }
        Ok(())
    }

    /// Whether the packed histories hold exactly the facts of `sales_facts`.
    pub fn histories_match(&self) -> Result<bool> {
        let (mut a, mut b) = ((0, 0), (0, 0));
        read_rows(
            &self.conn,
            &format!("SELECT {READ_COLUMNS} FROM sales_facts"),
            [],
            |f| fingerprint(&mut a.0, &mut a.1, &f),
        )?;
        self.for_each_sales_fact(|f| fingerprint(&mut b.0, &mut b.1, &f))?;
        Ok(a == b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(at: i64, gross: i64) -> SalesFact {
        SalesFact {
            record: Some(7),
            at,
            kind: FactKind::Return,
            channel_id: 3,
            currency: "EUR".parse().unwrap(),
            units: 0,
            gross,
            discounts: -5,
            returned_units: 2,
            returns: 1_000_000_000_000,
            cancelled: true,
            ordered_at: at - 86_400 * 40,
        }
    }

    #[test]
    fn blobs_round_trip_and_refuse_garbage() {
        let facts = vec![
            fact(-100, 0),
            fact(1_700_000_000, 12_345),
            fact(1_700_000_000, -1),
        ];
        let blob = encode(&facts);
        let mut back = Vec::new();
        decode(&blob, Some(7), &mut |f| back.push(f)).unwrap();
        assert_eq!(back, facts);
        assert!(decode(&blob[..blob.len() - 1], Some(7), &mut |_| {}).is_err());
        assert!(decode(&[9, 1, 2], Some(7), &mut |_| {}).is_err());
    }
}
