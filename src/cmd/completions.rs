//! `omni completions SHELL`: clap_complete's script for the CLI as defined in `cli.rs`.

use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::render::Output;

pub fn run(args: &CompletionsArgs, out: &Output) -> Result<ExitCode> {
    out.raw(&script(args.shell))?;
    Ok(ExitCode::SUCCESS)
}

pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "omni", &mut buf);
    buf
}
