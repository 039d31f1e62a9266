//! The real `omni` as a child process, and its store on disk: the working folder, setting a
//! store up with omni's own commands, timing a run with wait4, and what the benches that fill
//! a store straight into SQLite share.

use std::fs::File;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::Instant;

use rusqlite::Connection;

use super::{timeval, wait4};

/// The folder a bench works in: `keep` (created when missing), else a new temporary folder
/// that lives as long as the guard returned with it.
pub fn work_dir(
    keep: Option<&Path>,
    prefix: &str,
) -> Result<(PathBuf, Option<tempfile::TempDir>), String> {
    match keep {
        Some(d) => {
            std::fs::create_dir_all(d)
                .map_err(|e| format!("cannot create {}: {e}", d.display()))?;
            Ok((d.to_path_buf(), None))
        }
        None => {
            let temp = tempfile::Builder::new()
                .prefix(prefix)
                .tempdir()
                .map_err(|e| format!("cannot create a temp dir: {e}"))?;
            Ok((temp.path().to_path_buf(), Some(temp)))
        }
    }
}

/// A fresh store every run: removes the store `omni.db` (and its WAL, shared memory and
/// lock) and `others` from `dir`, only the files a bench writes.
pub fn remove_store(dir: &Path, others: &[&str]) {
    for f in ["omni.db", "omni.db-wal", "omni.db-shm", "omni.db.lock"]
        .iter()
        .chain(others)
    {
        let _ = std::fs::remove_file(dir.join(f));
    }
}

/// Whether `dir` holds a store, built by a run whose `marker` was written beside it as `file`.
pub fn reusable(dir: &Path, file: &str, marker: &str) -> bool {
    dir.join("omni.db").exists()
        && std::fs::read_to_string(dir.join(file)).ok().as_deref() == Some(marker)
}

/// The bytes of the store and its WAL.
pub fn store_size(db: &Path) -> u64 {
    let wal = db.with_file_name("omni.db-wal");
    [db.to_path_buf(), wal]
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

/// `omni --db DB --no-progress ARGS`, an error with its stderr when it fails.
pub fn omni(db: &Path, args: &[&str]) -> Result<(), String> {
    let out = Command::new(env!("CARGO_BIN_EXE_omni"))
        .arg("--db")
        .arg(db)
        .arg("--no-progress")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run omni: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "omni {} failed ({}): {}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(())
}

/// `omni channels add NAME --kind KIND [--platform P] [--currency C]`.
pub fn add_channel(
    db: &Path,
    name: &str,
    kind: &str,
    platform: Option<&str>,
    currency: Option<&str>,
) -> Result<(), String> {
    let mut args = vec!["channels", "add", name, "--kind", kind];
    if let Some(p) = platform {
        args.extend(["--platform", p]);
    }
    if let Some(c) = currency {
        args.extend(["--currency", c]);
    }
    omni(db, &args)
}

/// The report's lines on whether every run of omni exited 0 and where a kept store is.
pub fn print_exit_codes(all_ok: bool, kept: Option<&Path>) {
    println!(
        "exit codes       {}",
        if all_ok { "all 0   OK" } else { "MISMATCH" }
    );
    if let Some(db) = kept {
        println!("store kept at    {}", db.display());
    }
}

/// How a child ran, from wait4.
pub struct Measured {
    /// Wall seconds from just before the spawn until the child was reaped.
    pub secs: f64,
    pub user_secs: f64,
    pub sys_secs: f64,
    /// Peak RSS in MiB (ru_maxrss is in KiB on Linux).
    pub peak_rss_mb: f64,
    /// Read from the disk (ru_inblock): what a cold run could not find in the page cache.
    pub read_mb: f64,
    /// The exit code; None when a signal ended the child.
    pub code: Option<i32>,
    /// The raw wait status.
    pub status: libc::c_int,
}

/// Reaps `child`, spawned at `started`, with wait4.
pub fn reap(child: &Child, started: Instant) -> Result<Measured, String> {
    let (status, usage) = wait4(child.id() as libc::pid_t)?;
    let secs = started.elapsed().as_secs_f64();
    Ok(Measured {
        secs,
        user_secs: timeval(usage.ru_utime),
        sys_secs: timeval(usage.ru_stime),
        peak_rss_mb: usage.ru_maxrss as f64 / 1024.0,
        read_mb: usage.ru_inblock as f64 * 512.0 / 1e6,
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        status,
    })
}

/// An exit code as the reports print it.
pub fn code_text(code: Option<i32>) -> String {
    code.map_or("(killed by a signal)".into(), |c| c.to_string())
}

/// Runs `omni --db DB ARGS` as a child, its stderr into `stderr_path`, and reaps it with
/// wait4 for its peak RSS. With `capture`, `read` consumes stdout while the child runs and
/// its result comes back; otherwise stdout goes to /dev/null and T's default comes back.
/// A failed run is reported on stderr with what omni wrote there.
pub fn measure<T: Default>(
    db: &Path,
    args: &[&str],
    stderr_path: &Path,
    capture: bool,
    read: impl FnOnce(ChildStdout) -> Result<T, String>,
) -> Result<(Measured, T), String> {
    let stderr = File::create(stderr_path).map_err(|e| e.to_string())?;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_omni"));
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .stdout(if capture {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stderr(stderr);
    let started = Instant::now();
    let mut child = cmd.spawn().map_err(|e| format!("cannot run omni: {e}"))?;
    let output = match child.stdout.take() {
        Some(out) => read(out)?,
        None => T::default(),
    };
    let run = reap(&child, started)?;
    if run.code != Some(0) {
        let stderr_text = std::fs::read_to_string(stderr_path).unwrap_or_default();
        eprintln!(
            "omni {} exited {}: {}",
            args.join(" "),
            code_text(run.code),
            stderr_text.trim()
        );
    }
    Ok((run, output))
}

/// Opens the store omni created for a bulk load: no WAL copy of every page, no fsync, no
/// foreign-key checks; `end_bulk_load` goes back to omni's WAL mode.
pub fn open_for_bulk_load(db: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(db)?;
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;
         PRAGMA foreign_keys = OFF;",
    )?;
    Ok(conn)
}

/// Back to omni's WAL mode once the load is committed, and closed.
pub fn end_bulk_load(conn: Connection) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA journal_mode = WAL;")?;
    conn.close().map_err(|(_, e)| e)
}

/// The ids of the rows of `table` (channels, locations) with these names, in their order.
pub fn ids_by_name<'a>(
    conn: &Connection,
    table: &str,
    names: impl IntoIterator<Item = &'a str>,
) -> rusqlite::Result<Vec<i64>> {
    let sql = format!("SELECT id FROM {table} WHERE name = ?1");
    names
        .into_iter()
        .map(|name| conn.query_row(&sql, [name], |r| r.get(0)))
        .collect()
}

/// Runs a query, stepping every row and reading its columns: its seconds and row count.
pub fn time_query(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<(f64, u64)> {
    let started = Instant::now();
    let mut stmt = conn.prepare(sql)?;
    let columns = stmt.column_count();
    let mut rows = stmt.query(params)?;
    let mut n = 0u64;
    while let Some(r) = rows.next()? {
        for i in 0..columns {
            black_box(r.get_ref(i)?);
        }
        n += 1;
    }
    Ok((started.elapsed().as_secs_f64(), n))
}
