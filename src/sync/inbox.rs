//! The inbox: files waiting to be imported, which rule takes each, and whether it is still
//! being written.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result};

/// A file found in the inbox.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub path: PathBuf,
    /// Relative to the inbox, with `/` separators.
    pub relative: String,
    pub size: u64,
    pub modified: Option<SystemTime>,
}

impl Waiting {
    /// Younger than `settle`: it may still be being written.
    pub fn unsettled(&self, now: SystemTime, settle: Duration) -> bool {
        self.modified
            .is_none_or(|m| now.duration_since(m).unwrap_or_default() < settle)
    }
}

/// Every file under the inbox, in path order. Hidden files (`.partial`, editors' swap files)
/// are not exports and are left alone.
pub fn scan(inbox: &Path) -> Result<Vec<Waiting>> {
    let mut out = Vec::new();
    walk(inbox, inbox, &mut out)?;
    out.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<Waiting>) -> Result<()> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the inbox {}", dir.display()))?;
    for e in entries {
        let e = e?;
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = e.path();
        let meta = e.metadata()?;
        if meta.is_dir() {
            walk(root, &path, out)?;
        } else if meta.is_file() {
            let relative = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push(Waiting {
                path,
                relative,
                size: meta.len(),
                modified: meta.modified().ok(),
            });
        }
    }
    Ok(())
}

/// Glob over `/`-separated paths: `*` and `?` within a name, `**` for any number of folders.
pub fn glob(pattern: &str, path: &str) -> bool {
    let p: Vec<&str> = pattern.split('/').collect();
    let s: Vec<&str> = path.split('/').collect();
    match_parts(&p, &s)
}

fn match_parts(p: &[&str], s: &[&str]) -> bool {
    match (p.first(), s.first()) {
        (None, None) => true,
        (Some(&"**"), _) => match_parts(&p[1..], s) || (!s.is_empty() && match_parts(p, &s[1..])),
        (Some(pp), Some(ss)) => {
            match_name(pp.as_bytes(), ss.as_bytes()) && match_parts(&p[1..], &s[1..])
        }
        _ => false,
    }
}

fn match_name(p: &[u8], s: &[u8]) -> bool {
    match (p.first(), s.first()) {
        (None, None) => true,
        (Some(b'*'), _) => match_name(&p[1..], s) || (!s.is_empty() && match_name(p, &s[1..])),
        (Some(b'?'), Some(_)) => match_name(&p[1..], &s[1..]),
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b) && match_name(&p[1..], &s[1..]),
        _ => false,
    }
}

/// A free path for `relative` under `dir`: `name.csv`, else `name.1.csv`, `name.2.csv`…
pub fn free_path(dir: &Path, relative: &str) -> PathBuf {
    let target = dir.join(relative);
    if !target.exists() {
        return target;
    }
    let stem = target
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = target
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (1..)
        .map(|n| target.with_file_name(format!("{stem}.{n}{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_within_and_across_folders() {
        assert!(glob(
            "shopify/orders_export*.csv",
            "shopify/orders_export_1.csv"
        ));
        assert!(glob(
            "shopify/orders_export*.csv",
            "Shopify/Orders_Export.CSV"
        ));
        assert!(!glob(
            "shopify/orders_export*.csv",
            "shopify/2025/orders_export_1.csv"
        ));
        assert!(glob(
            "shopify/**/orders*.csv",
            "shopify/2025/06/orders_1.csv"
        ));
        assert!(glob("**/*.txt", "amazon/report.txt"));
        assert!(glob("stock_??.csv", "stock_01.csv"));
        assert!(!glob("stock_??.csv", "stock_1.csv"));
    }

    #[test]
    fn free_paths_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.csv"), "x").unwrap();
        assert_eq!(free_path(dir.path(), "a.csv"), dir.path().join("a.1.csv"));
        assert_eq!(free_path(dir.path(), "b.csv"), dir.path().join("b.csv"));
    }
}
