//! One file per command: each orchestrates ingest, store and render, and holds no SQL,
//! formatting or business rules of its own.

pub mod audit;
pub mod batches;
pub mod channels;
pub mod completions;
pub mod demo;
pub mod doctor;
pub mod export;
pub mod formats;
pub mod import;
pub mod init;
pub mod locations;
pub mod reconcile;
pub mod skus;
pub mod sql;
pub mod sync;
