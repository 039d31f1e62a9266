//! Finds the delimiter and the header row from the first part of a file: the row, among the
//! first lines, whose names best match the kind's columns, under the delimiter that gives the
//! best match. Preamble lines (titles, blank rows of commas) before the header are skipped.

use super::columns::Kind;
use super::decode::FieldEncoding;
use super::reader::csv_reader;
use crate::platform::{self, Profile};

pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
/// How many records from the top may precede the header.
const HEADER_SEARCH: usize = 20;

#[derive(Debug, Clone)]
pub struct Dialect {
    pub delimiter: u8,
    /// Records before the header row (preamble).
    pub header_index: usize,
    pub header_line: u64,
    pub header: Vec<String>,
}

pub fn delimiter_name(d: u8) -> &'static str {
    match d {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        b'|' => "pipe",
        _ => "other",
    }
}

/// The best (delimiter, header row) for `kind` (or for one profile when `--profile` forces it),
/// or `None` when no row names any of its columns.
pub fn find_header(
    sample: &[u8],
    encoding: FieldEncoding,
    kind: Kind,
    forced: Option<&'static Profile>,
    fixed_delimiter: Option<u8>,
) -> Option<Dialect> {
    let candidates: Vec<&'static Profile> = match forced {
        Some(p) => vec![p],
        None => platform::all()
            .into_iter()
            .filter(|p| p.kind == kind)
            .collect(),
    };
    let mut best: Option<(usize, Dialect)> = None;
    let delimiters: Vec<u8> = match fixed_delimiter {
        Some(d) => vec![d],
        None => DELIMITERS.to_vec(),
    };
    for delimiter in delimiters {
        let mut rdr = csv_reader(sample, delimiter);
        let mut record = csv::ByteRecord::new();
        for index in 0..HEADER_SEARCH {
            match rdr.read_byte_record(&mut record) {
                Ok(true) => {}
                _ => break,
            }
            let header: Vec<String> = record.iter().map(|f| encoding.decode_lossy(f)).collect();
            let score = candidates
                .iter()
                .map(|p| platform::score(p, &header, &[]).matched)
                .max()
                .unwrap_or(0);
            if score > best.as_ref().map_or(0, |(s, _)| *s) {
                let header_line = record.position().map_or(1, |p| p.line());
                best = Some((
                    score,
                    Dialect {
                        delimiter,
                        header_index: index,
                        header_line,
                        header,
                    },
                ));
            }
        }
    }
    best.map(|(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_semicolon_header_after_a_preamble() {
        let sample = b"Export of 2025-01-01;;\n;;\nsku;location;on_hand\nA;madrid;3\n";
        let d = find_header(sample, FieldEncoding::Utf8, Kind::Stock, None, None).unwrap();
        assert_eq!(d.delimiter, b';');
        assert_eq!(d.header_index, 2);
        assert_eq!(d.header_line, 3);
        assert_eq!(d.header, vec!["sku", "location", "on_hand"]);
    }

    #[test]
    fn tab_and_comma_inside_quotes() {
        let sample = b"sku\ttitle\tprice\n\"A,1\"\t\"Bag, red\"\t12,50\n";
        let d = find_header(sample, FieldEncoding::Utf8, Kind::Catalog, None, None).unwrap();
        assert_eq!(d.delimiter, b'\t');
        assert_eq!(d.header_index, 0);
    }

    #[test]
    fn nothing_recognisable() {
        assert!(
            find_header(
                b"a,b,c\n1,2,3\n",
                FieldEncoding::Utf8,
                Kind::Sales,
                None,
                None
            )
            .is_none()
        );
    }
}
