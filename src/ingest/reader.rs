//! Opens one input as CSV: detects the encoding, the delimiter, the header row and the
//! number/date locale from its first part, then streams its rows with their line numbers.
//! Memory stays flat: only the sample and the current record are held.

use std::borrow::Cow;
use std::io::{self, Read};

use anyhow::{Result, anyhow, bail};

use crate::domain::number::DecimalMark;

use super::columns::{ColumnMap, HeaderError, Kind};
use super::decode::{FieldEncoding, TextEncoding, normalized_stream};
use super::lines::{LineIndex, LineTracker};
use super::locale::{Locale, sniff_locale};
use super::sniff::{Dialect, find_header};
use super::source::{HashingReader, SharedStream, Source};
use crate::platform::{self, Profile};

/// How much of the file is read up front to sniff its encoding, dialect and locale.
const SAMPLE_BYTES: usize = 1 << 20;

/// The same CSV settings for sniffing and for reading, so record counts agree.
pub fn csv_reader<R: Read>(input: R, delimiter: u8) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(input)
}

#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// Required columns the command line supplies (`--channel`, `--location`).
    pub provided: Vec<&'static str>,
    /// A profile chosen with `--profile` or `--map` instead of detection.
    pub profile: Option<&'static Profile>,
    /// A delimiter fixed by a mapping instead of detected.
    pub delimiter: Option<u8>,
    pub decimal: Option<DecimalMark>,
}

pub struct CsvInput {
    pub name: String,
    pub encoding: TextEncoding,
    pub dialect: Dialect,
    pub map: ColumnMap,
    pub locale: Locale,
    field_encoding: FieldEncoding,
    reader: csv::Reader<Box<dyn Read>>,
    stream: SharedStream,
    record: csv::ByteRecord,
    skipped_header: bool,
    /// (first line, last line) of the latest record when it looks like a quote never closed;
    /// an error once the file ends right after it.
    unclosed_quote: Option<(u64, u64)>,
    lines: LineIndex,
}

/// One data row: its line in the file and its raw fields.
pub struct Row<'a> {
    pub line: u64,
    record: &'a csv::ByteRecord,
    encoding: FieldEncoding,
}

impl Row<'_> {
    /// A field by file column index: `Ok(None)` when absent or blank.
    pub fn get(&self, index: usize) -> Result<Option<Cow<'_, str>>, &'static str> {
        match self.record.get(index) {
            None => Ok(None),
            Some(bytes) => {
                let text = self.encoding.decode(bytes)?;
                if text.trim().is_empty() {
                    Ok(None)
                } else {
                    Ok(Some(text))
                }
            }
        }
    }

    pub fn raw_lossy(&self, index: usize) -> Option<String> {
        self.record
            .get(index)
            .map(|b| self.encoding.decode_lossy(b))
    }

    pub fn non_empty_fields(&self) -> usize {
        self.record
            .iter()
            .filter(|f| !f.iter().all(u8::is_ascii_whitespace))
            .count()
    }

    pub fn is_blank(&self) -> bool {
        self.record
            .iter()
            .all(|f| f.iter().all(u8::is_ascii_whitespace))
    }

    /// Every field, decoded leniently, for the rejects file.
    pub fn fields_lossy(&self) -> Vec<String> {
        self.record
            .iter()
            .map(|b| self.encoding.decode_lossy(b))
            .collect()
    }
}

impl CsvInput {
    pub fn open(source: &Source, kind: Kind, opts: &InputOptions) -> Result<CsvInput> {
        let name = source.display_name();
        let (raw, stream) = HashingReader::new(source.open()?, !matches!(source, Source::Path(_)));
        let mut raw: Box<dyn Read> = Box::new(raw);
        let prefix =
            read_up_to(&mut raw, SAMPLE_BYTES).map_err(|e| anyhow!("cannot read {name}: {e}"))?;
        if prefix.is_empty() {
            bail!("{name} is empty");
        }
        let encoding = TextEncoding::detect(&prefix);
        let (tracker, lines) = LineTracker::new(normalized_stream(encoding, prefix, raw));
        let mut text = Box::new(tracker) as Box<dyn Read>;
        let sample =
            read_up_to(&mut text, SAMPLE_BYTES).map_err(|e| anyhow!("cannot read {name}: {e}"))?;
        let field_encoding = encoding.field_encoding();
        let dialect = find_header(&sample, field_encoding, kind, opts.profile, opts.delimiter)
            .ok_or_else(|| no_header(&name, kind))?;
        let profile = match opts.profile {
            Some(p) => p,
            None => platform::detect(kind, &dialect.header, &opts.provided)
                .map(|m| m.profile)
                .map_err(|closest| unknown_shape(&name, kind, &dialect, &closest))?,
        };
        let map = ColumnMap::build(profile, &dialect.header, &opts.provided)
            .map_err(|e| header_error(&name, &dialect, e))?;
        let mut locale = sniff_locale(&sample, field_encoding, &dialect, &map);
        if opts.decimal.is_some() {
            locale.decimal = opts.decimal;
        }
        let whole: Box<dyn Read> = Box::new(io::Cursor::new(sample).chain(text));
        let reader = csv_reader(whole, dialect.delimiter);
        Ok(CsvInput {
            name,
            encoding,
            dialect,
            map,
            locale,
            field_encoding,
            reader,
            stream,
            record: csv::ByteRecord::new(),
            skipped_header: false,
            unclosed_quote: None,
            lines,
        })
    }

    /// The next row after the header, or `None` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>> {
        if !self.skipped_header {
            for _ in 0..=self.dialect.header_index {
                if !self.read_record()? {
                    return Ok(None);
                }
            }
            self.skipped_header = true;
        }
        if !self.read_record()? {
            if let Some((line, last)) = self.unclosed_quote.take() {
                bail!(
                    "{}:{line}: a quote opened on this line is never closed, so lines {line}–{last} read as one field; fix the quote (nothing was imported)",
                    self.name
                );
            }
            return Ok(None);
        }
        let line = self
            .lines
            .line_at(self.record.position().map_or(0, |p| p.byte()));
        self.unclosed_quote = runs_to_the_end(&self.record, self.dialect.delimiter)
            .then(|| (line, line + line_breaks(&self.record)));
        Ok(Some(Row {
            line,
            record: &self.record,
            encoding: self.field_encoding,
        }))
    }

    fn read_record(&mut self) -> Result<bool> {
        self.reader.read_byte_record(&mut self.record).map_err(|e| {
            let line = e
                .position()
                .map_or(String::new(), |p| format!(":{}", p.line()));
            match e.kind() {
                csv::ErrorKind::Io(io) => anyhow!("{}{line}: {io}", self.name),
                _ => anyhow!("{}{line}: {e}", self.name),
            }
        })
    }

    /// Raw bytes read so far (for progress).
    pub fn bytes_read(&self) -> u64 {
        self.stream.borrow().consumed
    }

    /// SHA-256 of every byte read; complete once `next_row` has returned `None`.
    /// SHA-256 of a stream's bytes (files are hashed before), complete once `next_row` has
    /// returned `None`.
    pub fn digest(&self) -> Option<String> {
        self.stream.borrow().digest()
    }
}

/// A record that, if it is the file's last, swallowed the rows after a stray quote: a field
/// that runs over lines holding delimiters (rows) and ends with the file's own final line
/// break. A closed multi-line field ends at its closing quote, before the line break; a stray
/// quote takes the rest of the file, so the record is always the last one. (A file without a
/// final line break is not caught this way.)
fn runs_to_the_end(record: &csv::ByteRecord, delimiter: u8) -> bool {
    record.iter().any(|f| {
        f.ends_with(b"\n")
            && f.split(|&b| b == b'\n')
                .skip(1)
                .any(|l| l.contains(&delimiter))
    })
}

/// Line breaks inside a record, not counting the file's final one.
fn line_breaks(record: &csv::ByteRecord) -> u64 {
    record
        .iter()
        .map(|f| {
            let end = f
                .iter()
                .rposition(|b| !b"\r\n".contains(b))
                .map_or(0, |i| i + 1);
            f[..end].iter().filter(|&&b| b == b'\n').count() as u64
        })
        .sum()
}

fn read_up_to(r: &mut dyn Read, limit: usize) -> io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(limit.min(1 << 16));
    r.take(limit as u64).read_to_end(&mut buf)?;
    Ok(buf)
}

fn no_header(name: &str, kind: Kind) -> anyhow::Error {
    let required: Vec<&str> = kind
        .columns()
        .iter()
        .filter(|c| c.required)
        .map(|c| c.name)
        .collect();
    anyhow!(
        "{name}: no row among the first lines matches a {kind} export omni knows (omni's own {kind} file needs {}); \
         see `omni formats`, or describe the file with --map FILE.toml (start from `omni formats --template {kind}`)",
        required.join(", ")
    )
}

/// No profile matched: say which came closest and what it lacks, or which kind it looks like.
fn unknown_shape(
    name: &str,
    kind: Kind,
    dialect: &Dialect,
    closest: &[platform::Match],
) -> anyhow::Error {
    if let Some(other) =
        platform::detect_any_kind(&dialect.header).filter(|m| m.profile.kind != kind)
    {
        return anyhow!(
            "{name} has the columns of the {} {} export (profile {}), not {kind}: import it with `omni import {}`",
            other.profile.platform,
            other.profile.kind,
            other.profile.name,
            other.profile.kind
        );
    }
    if let Some(best) = closest
        .first()
        .filter(|m| m.profile.canonical && m.matched > 0)
    {
        return header_error(name, dialect, HeaderError::Missing(best.missing.clone()));
    }
    let near: Vec<String> = closest
        .iter()
        .filter(|m| m.matched > 0)
        .take(2)
        .map(|m| format!("{} (missing {})", m.profile.name, m.missing.join(", ")))
        .collect();
    let near = if near.is_empty() {
        "none".to_string()
    } else {
        near.join("; ")
    };
    anyhow!(
        "{name}:{}: this header matches no {kind} export omni knows; closest: {near}. \
         Describe the file with --map FILE.toml (start from `omni formats --template {kind}`)",
        dialect.header_line
    )
}

fn header_error(name: &str, dialect: &Dialect, e: HeaderError) -> anyhow::Error {
    let line = dialect.header_line;
    match e {
        HeaderError::Duplicate {
            name: col,
            first,
            second,
        } => {
            anyhow!("{name}:{line}: column \"{col}\" appears twice (columns {first} and {second})")
        }
        HeaderError::Missing(cols) => {
            let hint = cols
                .iter()
                .filter_map(|c| match c.as_str() {
                    "channel" => Some(" (or pass --channel)"),
                    "location" => Some(" (or pass --location)"),
                    _ => None,
                })
                .next()
                .unwrap_or("");
            anyhow!(
                "{name}:{line}: missing required column{} {}{hint}",
                if cols.len() > 1 { "s" } else { "" },
                cols.join(", ")
            )
        }
    }
}
