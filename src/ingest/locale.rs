//! The number and date conventions of one file, read from the values of its first rows:
//! a value such as `12,50` proves a decimal comma, `31/12/2024` proves day-first dates.
//! When values prove both conventions the file stays undecided and its ambiguous values
//! are errors.

use crate::domain::datetime::{DateOrder, date_order_evidence};
use crate::domain::money::amount_evidence;
use crate::domain::number::{DecimalMark, decimal_evidence};

use super::columns::{ColumnMap, ColumnType};
use super::decode::FieldEncoding;
use super::reader::csv_reader;
use super::sniff::Dialect;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Locale {
    pub decimal: Option<DecimalMark>,
    pub date_order: Option<DateOrder>,
}

#[derive(Default)]
struct Votes {
    dot: usize,
    comma: usize,
    day_first: usize,
    month_first: usize,
}

pub fn sniff_locale(
    sample: &[u8],
    encoding: FieldEncoding,
    dialect: &Dialect,
    map: &ColumnMap,
) -> Locale {
    let money = map.columns_of_type(ColumnType::Money);
    let integers = map.columns_of_type(ColumnType::Integer);
    let dates = map.columns_of_type(ColumnType::Date);
    let mut votes = Votes::default();
    let mut rdr = csv_reader(sample, dialect.delimiter);
    let mut record = csv::ByteRecord::new();
    let mut index = 0usize;
    while let Ok(true) = rdr.read_byte_record(&mut record) {
        index += 1;
        if index <= dialect.header_index + 1 {
            continue;
        }
        let field = |i: usize| record.get(i).map(|b| encoding.decode_lossy(b));
        for &i in &money {
            if let Some(v) = field(i) {
                tally_decimal(&mut votes, amount_evidence(&v));
            }
        }
        for &i in &integers {
            if let Some(v) = field(i) {
                tally_decimal(&mut votes, decimal_evidence(&v));
            }
        }
        for &i in &dates {
            match field(i).and_then(|v| date_order_evidence(&v)) {
                Some(DateOrder::DayFirst) => votes.day_first += 1,
                Some(DateOrder::MonthFirst) => votes.month_first += 1,
                None => {}
            }
        }
    }
    Locale {
        decimal: majority(votes.dot, votes.comma, DecimalMark::Dot, DecimalMark::Comma),
        date_order: majority(
            votes.day_first,
            votes.month_first,
            DateOrder::DayFirst,
            DateOrder::MonthFirst,
        ),
    }
}

fn tally_decimal(votes: &mut Votes, evidence: Option<DecimalMark>) {
    match evidence {
        Some(DecimalMark::Dot) => votes.dot += 1,
        Some(DecimalMark::Comma) => votes.comma += 1,
        None => {}
    }
}

/// The convention the file's values show, when they show only one: a file whose values
/// prove both is undecided, so its ambiguous values are errors rather than guesses.
fn majority<T>(a: usize, b: usize, ta: T, tb: T) -> Option<T> {
    match (a, b) {
        (0, 0) => None,
        (_, 0) => Some(ta),
        (0, _) => Some(tb),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::columns::Kind;
    use crate::ingest::sniff::find_header;

    fn sniff(sample: &[u8]) -> Locale {
        let d = find_header(sample, FieldEncoding::Utf8, Kind::Sales, None, None).unwrap();
        let map = ColumnMap::build(
            crate::platform::by_name("omni-sales").unwrap(),
            &d.header,
            &["channel"],
        )
        .unwrap();
        sniff_locale(sample, FieldEncoding::Utf8, &d, &map)
    }

    #[test]
    fn spanish_spreadsheet() {
        let s = b"order_id;ordered_at;sku;quantity;unit_price\n1;03/04/2025;A;1;1.234\n2;13/04/2025;A;1;12,50\n";
        assert_eq!(
            sniff(s),
            Locale {
                decimal: Some(DecimalMark::Comma),
                date_order: Some(DateOrder::DayFirst)
            }
        );
    }

    #[test]
    fn nothing_decisive() {
        let s = b"order_id,ordered_at,sku,quantity,unit_price\n1,2025-04-03,A,1,12\n";
        assert_eq!(sniff(s), Locale::default());
    }
}
