//! The few errors that choose an exit code; everything else is `anyhow` and exits 1.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum OmniError {
    /// Another omni holds the store's write lock: exit 4.
    #[error("{0}")]
    Locked(String),
    /// A usage problem clap cannot see (e.g. `-` given twice): exit 2.
    #[error("{0}")]
    Usage(String),
}

pub fn exit_code(err: &anyhow::Error) -> u8 {
    match err.downcast_ref::<OmniError>() {
        Some(OmniError::Locked(_)) => 4,
        Some(OmniError::Usage(_)) => 2,
        None => 1,
    }
}
