//! The store-wide write lock: an advisory lock on `<store>.lock` beside the database, holding
//! the holder's pid, start time and command so a second writer can say who has it.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::error::OmniError;

pub struct WriteLock {
    file: File,
    path: PathBuf,
}

pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

impl WriteLock {
    /// Takes the lock, waiting up to `wait` for another writer to finish; then exit code 4.
    pub fn acquire(db: &Path, wait: Duration, command: &str) -> Result<WriteLock> {
        let path = lock_path(db);
        let mut file = open_owner_only(&path)
            .with_context(|| format!("cannot open the lock file {}", path.display()))?;
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) => {
                    if Instant::now() >= deadline {
                        let holder = read_holder(&mut file);
                        return Err(OmniError::Locked(format!(
                            "the store {} is locked by another omni ({holder}); try again later or pass --wait SECONDS",
                            db.display()
                        ))
                        .into());
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(e).with_context(|| format!("cannot lock {}", path.display()));
                }
            }
        }
        let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ");
        file.set_len(0)?;
        file.seek(SeekFrom::Start(0))?;
        write!(
            file,
            "pid {} since {now} running `omni {command}`",
            std::process::id()
        )?;
        file.flush()?;
        Ok(WriteLock { file, path })
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        // Clear the holder note; the lock itself is released when the file closes.
        let _ = self.file.set_len(0);
        let _ = &self.path;
    }
}

fn read_holder(file: &mut File) -> String {
    let mut text = String::new();
    let _ = file.seek(SeekFrom::Start(0));
    let _ = file.read_to_string(&mut text);
    let text = text.trim();
    if text.is_empty() {
        "holder unknown".to_string()
    } else {
        text.to_string()
    }
}

/// Files omni creates are readable by their owner only.
pub fn open_owner_only(path: &Path) -> std::io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
}
