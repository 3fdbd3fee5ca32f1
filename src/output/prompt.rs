//! The y/N question asked before a change (`close`, `trust`), on the terminal.

use std::io::{self, IsTerminal};

use crate::error::{Error, Result};

/// Ask a yes/no question on the terminal. `--yes` answers for the user; without it and
/// without a terminal to ask on, `refusal` is the (usage) error.
pub(crate) fn confirm(question: &str, yes: bool, refusal: &str) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    if !io::stdin().is_terminal() {
        return Err(Error::usage(refusal));
    }
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    io::BufRead::read_line(&mut io::stdin().lock(), &mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}
