//! omni: one local picture of a merchant's channels. The binary parses arguments and calls
//! [`run`]; each command lives in `cmd/`, following the data from ingest to store to render.

pub mod audit;
pub mod catalog;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod domain;
pub mod error;
pub mod identity;
pub mod ingest;
pub mod kpi;
pub mod platform;
pub mod reconcile;
pub mod render;
pub mod report;
pub mod store;
pub mod sync;

use std::process::ExitCode;

use anyhow::Result;

use cli::Command;
use config::Config;
use render::Output;

pub fn run(command: &Command, cfg: &Config, out: &Output) -> Result<ExitCode> {
    match command {
        Command::Init(args) => cmd::init::run(args, cfg, out),
        Command::Channels(c) => cmd::channels::run(c, cfg, out),
        Command::Locations(c) => cmd::locations::run(c, cfg, out),
        Command::Import(args) => cmd::import::run(args, cfg, out),
        Command::Skus(c) => cmd::skus::run(c, cfg, out),
        Command::Reconcile(args) => cmd::reconcile::run(args, cfg, out),
        Command::Customers(c) => cmd::customers::run(c, cfg, out),
        Command::Audit(args) => cmd::audit::run(args, cfg, out),
        Command::Kpi(args) => cmd::kpi::run(args, cfg, out),
        Command::Report(args) => cmd::report::run(args, cfg, out),
        Command::Formats(args) => cmd::formats::run(args, out),
        Command::Batches(c) => cmd::batches::run(c, cfg, out),
        Command::Export(args) => cmd::export::run(args, cfg, out),
        Command::Sql(args) => cmd::sql::run(args, cfg, out),
        Command::Doctor(args) => cmd::doctor::run(args, cfg, out),
        Command::Backup(args) => cmd::doctor::backup(args, cfg, out),
        Command::Sync(args) => cmd::sync::run(args, cfg, out),
        Command::Demo(args) => cmd::demo::run(args, cfg, out),
        Command::Completions(args) => cmd::completions::run(args, out),
    }
}
