//! Everything omni writes to stdout and stderr goes through here: tables (comfy-table), CSV,
//! JSON, notes, warnings, errors and progress. It formats; it never computes or queries.

pub mod html;
pub mod progress;
pub mod prompt;
pub mod svg;

use std::io::{self, IsTerminal, Write};

use anyhow::Result;
use comfy_table::{Cell as TCell, CellAlignment, ContentArrangement, Table as TTable, presets};
use serde_json::Value;

use crate::config::{Config, Format};
use crate::report::{Cell, Table};

pub use progress::Progress;

#[derive(Debug, Clone)]
pub struct Output {
    pub format: Format,
    pub color: bool,
    pub quiet: bool,
    pub verbose: bool,
    pub progress: bool,
}

impl Output {
    pub fn new(cfg: &Config) -> Output {
        Output {
            format: cfg.format,
            color: cfg.color,
            quiet: cfg.quiet,
            verbose: cfg.verbose,
            progress: cfg.progress,
        }
    }

    /// A list in the chosen format; table notes print under a table only.
    pub fn table(&self, table: &Table) -> Result<()> {
        let mut out = io::stdout().lock();
        match self.format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut out, &table.to_json())?;
                writeln!(out)?;
            }
            Format::Csv => write_csv(&mut out, table)?,
            Format::Table => {
                if table.rows.is_empty() {
                    writeln!(out, "(no rows)")?;
                } else {
                    writeln!(out, "{}", self.comfy(table))?;
                }
                for note in &table.notes {
                    writeln!(out, "{note}")?;
                }
            }
        }
        out.flush()?;
        Ok(())
    }

    /// A structured report: JSON as given; table and CSV from its tabular form.
    pub fn report(&self, json: &Value, table: &Table) -> Result<()> {
        match self.format {
            Format::Json => {
                let mut out = io::stdout().lock();
                serde_json::to_writer_pretty(&mut out, json)?;
                writeln!(out)?;
                out.flush()?;
                Ok(())
            }
            _ => self.table(table),
        }
    }

    /// A long list streamed row by row in CSV and JSON (memory stays flat whatever its
    /// length); a terminal table needs every row first to size its columns.
    pub fn rows(
        &self,
        columns: &[&str],
        rows: impl Iterator<Item = Vec<Cell>>,
        notes: Vec<String>,
    ) -> Result<()> {
        match self.format {
            Format::Table => {
                let mut t = Table::new(columns);
                t.rows = rows.collect();
                t.notes = notes;
                self.table(&t)
            }
            Format::Csv => {
                let mut out = io::BufWriter::new(io::stdout().lock());
                {
                    let mut w = csv::Writer::from_writer(&mut out);
                    w.write_record(columns)?;
                    for row in rows {
                        w.write_record(row.iter().map(|c| c.display()))?;
                    }
                    w.flush()?;
                }
                out.flush()?;
                Ok(())
            }
            Format::Json => {
                let mut out = io::BufWriter::new(io::stdout().lock());
                write!(out, "[")?;
                for (i, row) in rows.enumerate() {
                    let mut obj = serde_json::Map::new();
                    for (col, cell) in columns.iter().zip(&row) {
                        obj.insert(col.to_string(), cell.json());
                    }
                    write!(out, "{}\n  ", if i == 0 { "" } else { "," })?;
                    serde_json::to_writer(&mut out, &Value::Object(obj))?;
                }
                writeln!(out, "\n]")?;
                out.flush()?;
                Ok(())
            }
        }
    }

    /// `#` comment lines before a CSV's header (CSV only; other formats carry them otherwise).
    pub fn csv_comments(&self, lines: &[String]) -> Result<()> {
        if self.format != Format::Csv {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        for line in lines {
            writeln!(out, "# {line}")?;
        }
        out.flush()?;
        Ok(())
    }

    /// A summary shown above a list on a terminal only; scripts get the list alone.
    pub fn summary(&self, table: &Table) -> Result<()> {
        if self.format == Format::Table {
            self.table(table)
        } else {
            Ok(())
        }
    }

    /// Whether the output is JSON (a report then builds its JSON form only).
    pub fn is_json(&self) -> bool {
        self.format == Format::Json
    }

    /// A plain line of a command's result on stdout (e.g. a confirmation).
    pub fn line(&self, text: &str) -> Result<()> {
        let mut out = io::stdout().lock();
        writeln!(out, "{text}")?;
        out.flush()?;
        Ok(())
    }

    /// Raw text on stdout, exactly as given (completions, templates).
    pub fn raw(&self, bytes: &[u8]) -> Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()?;
        Ok(())
    }

    /// A progress note on stderr; `-q` silences it.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }

    /// Detail only under `-v`.
    pub fn detail(&self, text: &str) {
        if self.verbose {
            eprintln!("{}", self.dim(text));
        }
    }

    /// A problem the user should see, on stderr; `-q` does not silence problems.
    pub fn warn(&self, text: &str) {
        eprintln!("{} {text}", self.paint("warning:", "33"));
    }

    /// The final error of a failed command: one line, the cause chain joined.
    pub fn error(&self, err: &anyhow::Error) {
        eprintln!("{} {err:#}", self.paint("error:", "31;1"));
    }

    fn paint(&self, text: &str, code: &str) -> String {
        if self.color_stderr() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn dim(&self, text: &str) -> String {
        self.paint(text, "2")
    }

    fn color_stderr(&self) -> bool {
        self.color && io::stderr().is_terminal()
    }

    fn comfy(&self, table: &Table) -> TTable {
        let mut t = TTable::new();
        t.load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if !self.color {
            t.force_no_tty();
        }
        let header: Vec<TCell> = table
            .columns
            .iter()
            .map(|c| {
                let cell = TCell::new(c);
                if self.color {
                    cell.add_attribute(comfy_table::Attribute::Bold)
                } else {
                    cell
                }
            })
            .collect();
        t.set_header(header);
        for row in &table.rows {
            t.add_row(row.iter().map(|c| {
                let cell = TCell::new(c.table_text());
                if c.is_numeric() {
                    cell.set_alignment(CellAlignment::Right)
                } else {
                    cell
                }
            }));
        }
        t
    }
}

fn write_csv(out: &mut impl Write, table: &Table) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(&table.columns)?;
    for row in &table.rows {
        w.write_record(row.iter().map(|c| c.display()))?;
    }
    w.flush()?;
    Ok(())
}

/// True when the error chain is a closed stdout pipe (`omni export … | head`): exit 0 quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>().is_some_and(|j| j.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
            || e.downcast_ref::<csv::Error>().is_some_and(|c| matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe))
    })
}
