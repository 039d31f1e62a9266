//! Where an import reads from: a path, or `-` for standard input (once per run).

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Path(PathBuf),
    Stdin,
    /// Data compiled into the binary (the demo's sample files), with the name it goes by.
    Bytes {
        name: String,
        data: &'static [u8],
    },
}

impl Source {
    pub fn from_arg(arg: &Path) -> Source {
        if arg.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::Path(arg.to_path_buf())
        }
    }

    /// How messages name this input: the path as given, or `<stdin>`.
    pub fn display_name(&self) -> String {
        match self {
            Source::Path(p) => p.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
            Source::Bytes { name, .. } => name.clone(),
        }
    }

    /// The name recorded in the batch ledger.
    pub fn ledger_name(&self) -> String {
        match self {
            Source::Path(p) => std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string(),
            Source::Stdin => "-".to_string(),
            Source::Bytes { name, .. } => format!("builtin:{name}"),
        }
    }

    /// Size in bytes when known (for the progress bar).
    pub fn size(&self) -> Option<u64> {
        match self {
            Source::Path(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Source::Stdin => None,
            Source::Bytes { data, .. } => Some(data.len() as u64),
        }
    }

    /// Opens the input, refusing directories and missing files with a clear message.
    pub fn open(&self) -> Result<Box<dyn Read>> {
        match self {
            Source::Stdin => Ok(Box::new(io::stdin().lock())),
            Source::Bytes { data, .. } => Ok(Box::new(io::Cursor::new(*data))),
            Source::Path(p) => {
                let meta =
                    std::fs::metadata(p).with_context(|| format!("cannot read {}", p.display()))?;
                if meta.is_dir() {
                    bail!("{} is a directory, not a file", p.display());
                }
                let f = File::open(p).with_context(|| format!("cannot open {}", p.display()))?;
                Ok(Box::new(BufReader::with_capacity(1 << 16, f)))
            }
        }
    }

    /// A file's size and modification time, to tell whether it changed during an import.
    pub fn stamp(path: &Path) -> Result<(u64, Option<std::time::SystemTime>)> {
        let m =
            std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        Ok((m.len(), m.modified().ok()))
    }

    /// SHA-256 of a file's bytes, read once before importing so a re-import is refused at once.
    pub fn hash_file(path: &Path) -> Result<String> {
        if path.is_dir() {
            bail!("{} is a directory, not a file", path.display());
        }
        let mut f = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let n = f
                .read(&mut buf)
                .with_context(|| format!("cannot read {}", path.display()))?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
        }
        Ok(hex(&hasher.finalize()))
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What has streamed through a [`HashingReader`]: byte count and running hash. Shared, because
/// the reader ends up deep inside the decoder and the CSV parser.
#[derive(Default)]
pub struct StreamState {
    /// Only streams are hashed as they are read; a file is hashed before its import.
    hasher: Option<Sha256>,
    pub consumed: u64,
}

impl StreamState {
    pub fn digest(&self) -> Option<String> {
        self.hasher.as_ref().map(|h| hex(&h.clone().finalize()))
    }
}

pub type SharedStream = Rc<RefCell<StreamState>>;

/// Hashes and counts the raw bytes as they stream through, for the ledger and the progress bar.
pub struct HashingReader<R> {
    inner: R,
    state: SharedStream,
}

impl<R: Read> HashingReader<R> {
    pub fn new(inner: R, hash: bool) -> (HashingReader<R>, SharedStream) {
        let state = SharedStream::default();
        if hash {
            state.borrow_mut().hasher = Some(Sha256::new());
        }
        (
            HashingReader {
                inner,
                state: state.clone(),
            },
            state,
        )
    }
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut st = self.state.borrow_mut();
        if let Some(h) = st.hasher.as_mut() {
            h.update(&buf[..n]);
        }
        st.consumed += n as u64;
        Ok(n)
    }
}
