//! What commands hand to the renderer: rows of typed cells under named columns, plus notes
//! for the table footer. Plain data, no formatting decisions.

use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    /// An exact decimal such as money (`12.50`): a string in JSON so no precision is lost.
    Decimal(String),
    /// A fraction (0.4948): a number in CSV and JSON, a percentage in a table.
    Rate(f64),
    /// A figure that is undefined here (an average of nothing): "—" in a table, empty in
    /// CSV, null in JSON; never a 0 that could be read as a value.
    Undefined,
    /// A yes/no flag: "yes" or empty in a table, true/false in CSV and JSON.
    Bool(bool),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn opt_text(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Null, |s| Cell::Text(s.into()))
    }

    /// How the cell reads in a table or CSV (empty for NULL).
    pub fn display(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Int(i) => i.to_string(),
            Cell::Real(f) => f.to_string(),
            Cell::Text(s) | Cell::Decimal(s) => s.clone(),
            Cell::Rate(r) => format!("{:.4}", r),
            Cell::Bool(b) => b.to_string(),
            Cell::Undefined => String::new(),
        }
    }

    /// How the cell reads in a table for people.
    pub fn table_text(&self) -> String {
        match self {
            Cell::Rate(r) => format!("{:.1}%", r * 100.0),
            Cell::Undefined => "—".into(),
            Cell::Bool(b) => if *b { "yes" } else { "" }.into(),
            _ => self.display(),
        }
    }

    /// A fraction, or undefined.
    pub fn rate(r: Option<f64>) -> Cell {
        r.map_or(Cell::Undefined, Cell::Rate)
    }

    pub fn json(&self) -> Value {
        match self {
            Cell::Null => Value::Null,
            Cell::Int(i) => Value::from(*i),
            Cell::Real(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Cell::Text(s) | Cell::Decimal(s) => Value::String(s.clone()),
            Cell::Rate(r) => serde_json::Number::from_f64((r * 10_000.0).round() / 10_000.0)
                .map_or(Value::Null, Value::Number),
            Cell::Undefined => Value::Null,
            Cell::Bool(b) => Value::Bool(*b),
        }
    }

    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            Cell::Int(_) | Cell::Real(_) | Cell::Decimal(_) | Cell::Rate(_) | Cell::Undefined
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Lines under the table in table format (conventions, totals, hints); not in CSV or JSON.
    pub notes: Vec<String>,
}

impl Table {
    pub fn new(columns: &[&str]) -> Table {
        Table {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// An array of objects keyed by column name, the JSON shape of every list.
    pub fn to_json(&self) -> Value {
        Value::Array(
            self.rows
                .iter()
                .map(|row| {
                    let mut obj = Map::new();
                    for (col, cell) in self.columns.iter().zip(row) {
                        obj.insert(col.clone(), cell.json());
                    }
                    Value::Object(obj)
                })
                .collect(),
        )
    }
}
