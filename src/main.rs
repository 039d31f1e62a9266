use std::process::ExitCode;

use clap::Parser;

use omni::cli::Cli;
use omni::config::Config;
use omni::render::{self, Output};

fn main() -> ExitCode {
    restrict_permissions();
    install_panic_hook();
    let cli = Cli::parse();
    let cfg = Config::resolve(&cli.global);
    let out = Output::new(&cfg);
    match omni::run(&cli.command, &cfg, &out) {
        Ok(code) => code,
        Err(e) if render::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            out.error(&e);
            ExitCode::from(omni::error::exit_code(&e))
        }
    }
}

/// Everything omni creates (store, lock, backups, rejects, emitted files) is owner-only.
fn restrict_permissions() {
    #[cfg(unix)]
    // SAFETY: umask only changes this process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

/// A bug must still end in one line on stderr, not a backtrace dump.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "error: omni hit an internal error ({msg}{at}); nothing was committed. Please report it."
        );
        std::process::exit(1);
    }));
}
