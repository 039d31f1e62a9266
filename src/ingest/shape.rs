//! From a file's row to canonical rows: map the profile's columns onto canonical fields,
//! drop the values that mean empty, fill continuation rows from their group's first row,
//! and let the profile reshape the row (skip it, split it, add a return).

use super::columns::{ColumnMap, Kind};
use super::parse::RowError;
use super::reader::Row;
use crate::platform::Profile;

/// One row in canonical fields (indexed like `kind.columns()`), with its line in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CanonRow {
    pub kind: Kind,
    pub line: u64,
    pub values: Vec<Option<String>>,
}

impl CanonRow {
    pub fn new(kind: Kind, line: u64) -> CanonRow {
        CanonRow {
            kind,
            line,
            values: vec![None; kind.columns().len()],
        }
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.values
            .get(self.kind.index_of(field))
            .and_then(|v| v.as_deref())
    }

    pub fn set(&mut self, field: &str, value: Option<String>) {
        let i = self.kind.index_of(field);
        if let Some(slot) = self.values.get_mut(i) {
            *slot = value.filter(|v| !v.trim().is_empty());
        }
    }

    pub fn take(&mut self, field: &str) -> Option<String> {
        let i = self.kind.index_of(field);
        self.values.get_mut(i).and_then(Option::take)
    }
}

/// Maps a file row through the column map: the first non-empty of a field's columns, with
/// the profile's empty markers and spreadsheet artefacts removed. A stock row with one
/// quantity column per location becomes one row per location.
pub fn canon_rows(row: &Row<'_>, map: &ColumnMap, out: &mut Vec<CanonRow>) -> Result<(), RowError> {
    let mut canon = CanonRow::new(map.kind, row.line);
    for (k, src) in map.source.iter().enumerate() {
        let Some(first) = *src else { continue };
        for i in std::iter::once(first).chain(map.fallbacks[k].iter().copied()) {
            if let Some(v) = field(row, map, i)? {
                canon.values[k] = Some(v);
                break;
            }
        }
    }
    if map.per_location.is_empty() {
        out.push(canon);
        return Ok(());
    }
    for (i, location) in &map.per_location {
        if let Some(qty) = field(row, map, *i)? {
            let mut r = canon.clone();
            r.set("location", Some(location.clone()));
            r.set("on_hand", Some(qty));
            out.push(r);
        }
    }
    Ok(())
}

fn field(row: &Row<'_>, map: &ColumnMap, i: usize) -> Result<Option<String>, RowError> {
    match row.get(i) {
        Ok(Some(v)) => {
            let v = v.trim();
            // Excel's text-protecting formula: ="0812" (and ="""" for an empty cell).
            let v = match v.strip_prefix("=\"").and_then(|r| r.strip_suffix('"')) {
                Some(inner) => inner.trim_matches('"').trim(),
                None => v,
            };
            Ok((!v.is_empty() && !map.profile.empty_values.contains(&v)).then(|| v.to_string()))
        }
        Ok(None) => Ok(None),
        Err(msg) => Err(RowError {
            line: row.line,
            column: Some((
                i + 1,
                map.header
                    .get(i)
                    .map_or(String::new(), |h| h.trim().to_string()),
            )),
            value: None,
            message: msg.to_string(),
        }),
    }
}

/// Carries a group's first-row values to its continuation rows, then applies the profile.
pub struct Shaper {
    profile: &'static Profile,
    group: Option<(String, CanonRow)>,
    position: u32,
}

impl Shaper {
    pub fn new(profile: &'static Profile) -> Shaper {
        Shaper {
            profile,
            group: None,
            position: 0,
        }
    }

    /// Whether a raw row is footer or preamble noise this profile skips.
    pub fn is_noise(&self, row: &Row<'_>) -> bool {
        self.profile.skip_sparse_rows && row.non_empty_fields() <= 2
    }

    pub fn shape(&mut self, mut row: CanonRow, out: &mut Vec<CanonRow>) {
        if let Some(key_field) = self.profile.group_key {
            match row.get(key_field).map(str::to_string) {
                Some(key) if self.group.as_ref().is_some_and(|(k, _)| *k == key) => {
                    self.position += 1;
                    if let Some((_, first)) = &self.group {
                        for f in self.profile.fill_down {
                            if row.get(f).is_none() {
                                row.set(f, first.get(f).map(str::to_string));
                            }
                        }
                    }
                }
                Some(key) => {
                    self.position = 1;
                    self.group = Some((key, row.clone()));
                }
                None => {}
            }
        }
        if self.profile.number_lines && row.kind == Kind::Sales && row.get("line_id").is_none() {
            row.set("line_id", Some(self.position.to_string()));
        }
        match self.profile.adapt {
            Some(adapt) => adapt(row, out),
            None => out.push(row),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_and_get_by_field_name() {
        let mut r = CanonRow::new(Kind::Sales, 3);
        r.set("sku", Some("A".into()));
        r.set("title", Some("  ".into()));
        assert_eq!(r.get("sku"), Some("A"));
        assert_eq!(r.get("title"), None);
        assert_eq!(r.take("sku").as_deref(), Some("A"));
        assert_eq!(r.get("sku"), None);
    }
}
