//! Resolved settings of one run: flags, `OMNI_*` variables and terminal facts in one value.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use crate::cli::{ColorArg, FormatArg, GlobalArgs};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    /// Whether the store was named (by --db or $OMNI_DB) rather than defaulted.
    pub db_named: bool,
    pub format: Format,
    pub quiet: bool,
    pub verbose: bool,
    pub progress: bool,
    pub color: bool,
    pub wait: Duration,
}

impl Config {
    pub fn resolve(g: &GlobalArgs) -> Config {
        let stdout_tty = std::io::stdout().is_terminal();
        let format = match g.format {
            Some(FormatArg::Table) => Format::Table,
            Some(FormatArg::Csv) => Format::Csv,
            Some(FormatArg::Json) => Format::Json,
            None if stdout_tty => Format::Table,
            None => Format::Csv,
        };
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        let color = match g.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => stdout_tty && !no_color && !dumb,
        };
        Config {
            db: g.db.clone().unwrap_or_else(|| PathBuf::from("omni.db")),
            db_named: g.db.is_some(),
            format,
            quiet: g.quiet,
            verbose: g.verbose,
            progress: !g.quiet && !g.no_progress,
            color,
            wait: Duration::from_secs(g.wait),
        }
    }
}
