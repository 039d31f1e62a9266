//! Questions asked on the terminal (dialoguer, on stderr so stdout stays clean).

use std::io::IsTerminal;

use anyhow::Result;
use dialoguer::Select;
use dialoguer::theme::ColorfulTheme;

/// A person's answer about one pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Accept,
    Reject,
    Skip,
    Quit,
}

/// Whether a person is there to answer: standard input and error are a terminal.
pub fn can_ask() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

pub fn ask_pair(question: &str) -> Result<Answer> {
    let choice = Select::with_theme(&ColorfulTheme::default())
        .with_prompt(question)
        .items([
            "accept: one person",
            "reject: two people",
            "skip",
            "quit (keep the answers so far)",
        ])
        .default(2)
        .interact_opt()?;
    Ok(match choice {
        Some(0) => Answer::Accept,
        Some(1) => Answer::Reject,
        Some(2) => Answer::Skip,
        _ => Answer::Quit,
    })
}
