//! The SQLite store: every SQL statement of omni lives in this module. It owns the schema,
//! migrations, the batch ledger and the mapping between rows and domain types; it never
//! prints and never reads flags.

pub mod audit;
pub mod batches;
pub mod channels;
pub mod customers;
pub mod health;
pub mod histories;
pub mod import;
pub mod kpi;
pub mod lock;
pub mod mapping;
pub mod query;
pub mod rates;
pub mod reconcile;
pub mod rules;
pub mod schema;
pub mod settings;
pub mod undo;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, OpenFlags};

pub use lock::WriteLock;

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Creates the store if missing (owner-only permissions) and brings its schema up to date.
    /// Returns whether it was created. The caller holds the write lock.
    pub fn create_or_upgrade(path: &Path) -> Result<(Store, bool)> {
        let created = !path.exists();
        if created {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
            lock::open_owner_only(path)
                .with_context(|| format!("cannot create the store {}", path.display()))?;
        }
        let mut store = Store::connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        schema::refuse_newer(
            schema::current_version(&store.conn)?,
            &path.display().to_string(),
        )?;
        schema::migrate(&mut store.conn)?;
        Ok((store, created))
    }

    /// Opens an existing store for writing. The caller holds the write lock.
    pub fn open(path: &Path) -> Result<Store> {
        require_exists(path)?;
        let (store, _) = Store::create_or_upgrade(path)?;
        Ok(store)
    }

    /// Opens an existing store read-only: nothing this connection runs can change it.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        require_exists(path)?;
        let store = Store::connect(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let version = schema::current_version(&store.conn)
            .with_context(|| format!("{} is not an omni store (or is damaged)", path.display()))?;
        schema::refuse_newer(version, &path.display().to_string())?;
        if version < schema::latest_version() {
            bail!(
                "{} uses an older schema (version {version}): run `omni init` once to upgrade it",
                path.display()
            );
        }
        store.conn.execute_batch("PRAGMA query_only = ON")?;
        // No other database may be attached to a read-only session (and extensions stay off).
        store
            .conn
            .set_limit(rusqlite::limits::Limit::SQLITE_LIMIT_ATTACHED, 0)?;
        Ok(store)
    }

    /// A throw-away store in memory (for `--dry-run` without a store).
    pub fn in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        schema::migrate(&mut conn)?;
        Ok(Store {
            conn,
            path: PathBuf::from(":memory:"),
        })
    }

    fn connect(path: &Path, flags: OpenFlags) -> Result<Store> {
        let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .with_context(|| format!("cannot open the store {}", path.display()))?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.set_prepared_statement_cache_capacity(64);
        let read_only = flags.contains(OpenFlags::SQLITE_OPEN_READ_ONLY);
        if !read_only {
            conn.pragma_update(None, "journal_mode", "WAL")
                .with_context(|| {
                    format!("{} is not an omni store (or is damaged)", path.display())
                })?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -32768)?;
        // Validate that this really is a SQLite database before anyone relies on it.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
            .with_context(|| format!("{} is not an omni store (or is damaged)", path.display()))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64> {
        schema::current_version(&self.conn)
    }
}

fn require_exists(path: &Path) -> Result<()> {
    if !path.exists() {
        bail!(
            "no store at {}: run `omni init` first (or pass --db PATH / set OMNI_DB)",
            path.display()
        );
    }
    if path.is_dir() {
        bail!("{} is a directory, not an omni store", path.display());
    }
    Ok(())
}

/// The current instant as the store writes it.
pub fn now_text() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
