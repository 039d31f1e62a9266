//! The rejects file of `--on-error skip`: each bad row with its line and reason, then the
//! row as it was. Staged in a temporary file and renamed into place once the import commits.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::ingest::RowError;

pub struct RejectsFile {
    path: PathBuf,
    header: Option<Vec<String>>,
    rows: Vec<Vec<String>>,
    staged: Option<PathBuf>,
}

impl RejectsFile {
    pub fn new(path: &Path) -> RejectsFile {
        RejectsFile {
            path: path.to_path_buf(),
            header: None,
            rows: Vec::new(),
            staged: None,
        }
    }

    pub fn push(&mut self, header: &[String], error: &RowError, fields: Vec<String>) {
        if self.header.is_none() {
            let mut h = vec!["line".to_string(), "reason".to_string()];
            h.extend(header.iter().map(|c| c.trim().to_string()));
            self.header = Some(h);
        }
        let reason = match (&error.column, &error.value) {
            (Some((_, col)), Some(v)) => format!("{col} \"{v}\" {}", error.message),
            (Some((_, col)), None) => format!("{col} {}", error.message),
            _ => error.message.clone(),
        };
        let mut row = vec![error.line.to_string(), reason];
        row.extend(fields);
        self.rows.push(row);
    }

    /// Writes the rejects beside their final path; returns the temporary path.
    pub fn stage(&mut self) -> Result<PathBuf> {
        let tmp = temp_path(&self.path);
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .from_path(&tmp)
            .with_context(|| format!("cannot write the rejects file {}", tmp.display()))?;
        if let Some(h) = &self.header {
            w.write_record(h)?;
        }
        for r in &self.rows {
            w.write_record(r)?;
        }
        w.flush()
            .with_context(|| format!("cannot write the rejects file {}", tmp.display()))?;
        self.staged = Some(tmp.clone());
        Ok(tmp)
    }

    pub fn publish(&mut self) -> Result<PathBuf> {
        if let Some(tmp) = self.staged.take() {
            std::fs::rename(&tmp, &self.path).with_context(|| {
                format!(
                    "cannot move the rejects file into place at {}",
                    self.path.display()
                )
            })?;
        }
        Ok(self.path.clone())
    }

    pub fn discard(&mut self) {
        if let Some(tmp) = self.staged.take() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// A sibling temporary name, so the final rename stays on one file system.
pub fn temp_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".tmp-{}", std::process::id()));
    path.with_file_name(name)
}
