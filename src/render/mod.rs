//! Everything omni writes to stdout and stderr goes through here: tables (comfy-table), CSV,
//! JSON, notes, warnings, errors and progress. It formats; it never computes or queries.

pub mod progress;

use std::io::{self, IsTerminal, Write};

use anyhow::Result;
use comfy_table::{Cell as TCell, CellAlignment, ContentArrangement, Table as TTable, presets};
use serde_json::Value;

use crate::config::{Config, Format};
use crate::report::Table;

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

    /// A report with a summary table shown above the main one in table format only; CSV
    /// carries the main table, JSON the whole report.
    pub fn report_with_summary(&self, json: &Value, summary: &Table, table: &Table) -> Result<()> {
        if self.format == Format::Table {
            self.table(summary)?;
        }
        self.report(json, table)
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
                let cell = TCell::new(c.display());
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
