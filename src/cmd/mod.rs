//! One file per command: each orchestrates ingest, store and render, and holds no SQL,
//! formatting or business rules of its own.

pub mod audit;
pub mod batches;
pub mod channels;
pub mod completions;
pub mod customers;
pub mod demo;
pub mod doctor;
pub mod export;
pub mod formats;
pub mod import;
pub mod init;
pub mod kpi;
pub mod locations;
pub mod reconcile;
pub mod report;
pub mod skus;
pub mod sql;
pub mod sync;

/// The value of a `--currency` flag: an ISO 4217 code, or an error naming the flag.
pub fn currency_flag(
    value: Option<&str>,
) -> anyhow::Result<Option<crate::domain::currency::Currency>> {
    value
        .map(|c| c.parse().map_err(|e| anyhow::anyhow!("--currency: {e}")))
        .transpose()
}

/// Writes `path` through `write` into a temporary file beside it, then renames it into
/// place: a reader never sees half a file, and a failure leaves none behind.
pub fn replace_file(
    path: &std::path::Path,
    write: impl FnOnce(&std::path::Path) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    // A rename would put a regular file in place of a device, a pipe or a folder.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        anyhow::bail!(
            "{} exists and is not a regular file: give the path of a file to write",
            path.display()
        );
    }
    let tmp = import::temp_path(path);
    let result = write(&tmp).and_then(|()| Ok(std::fs::rename(&tmp, path)?));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Whether `name` passes a `--channel` filter: every channel when the filter is empty, else
/// those it names, in any case.
pub fn in_channel_filter(filter: &[String], name: &str) -> bool {
    filter.is_empty() || filter.iter().any(|c| c.eq_ignore_ascii_case(name))
}
