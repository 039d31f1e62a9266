//! What an import says about its input under `-v`, and how it lists bad rows.

use crate::ingest::sniff::delimiter_name;
use crate::ingest::{CsvInput, RowError};
use crate::render::Output;

/// How many bad rows are listed in full before the rest are only counted.
const LISTED_ERRORS: usize = 20;

pub fn describe_input(input: &CsvInput, out: &Output) {
    let d = &input.dialect;
    let p = input.map.profile;
    out.detail(&format!(
        "{}: profile {} ({} {}), {}, {} delimiter, header on line {}",
        input.name,
        p.name,
        p.platform,
        p.kind,
        input.encoding,
        delimiter_name(d.delimiter),
        d.header_line
    ));
    let mapping: Vec<String> = input
        .map
        .kind
        .columns()
        .iter()
        .zip(&input.map.source)
        .filter_map(|(spec, src)| {
            src.map(|i| format!("{} <- \"{}\"", spec.name, d.header[i].trim()))
        })
        .collect();
    out.detail(&format!("  columns: {}", mapping.join(", ")));
    if !input.map.ignored.is_empty() {
        out.detail(&format!(
            "  ignored columns: {}",
            input.map.ignored.join(", ")
        ));
    }
    let decimal = input
        .locale
        .decimal
        .map_or("not shown by the file".into(), |m| m.to_string());
    let dates = input
        .locale
        .date_order
        .map_or("no day/month ambiguity seen".into(), |o| o.to_string());
    out.detail(&format!("  numbers: {decimal}; dates: {dates}"));
}

pub fn list_errors(name: &str, errors: &[RowError], out: &Output) {
    for e in errors.iter().take(LISTED_ERRORS) {
        out.warn(&format!("{name}:{e}"));
    }
    if errors.len() > LISTED_ERRORS {
        out.warn(&format!(
            "{name}: … and {} more bad rows",
            errors.len() - LISTED_ERRORS
        ));
    }
}
