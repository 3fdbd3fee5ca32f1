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

/// Above this many, a close asks for the count to be typed back, not for `y`.
pub(crate) const TYPE_THE_COUNT_ABOVE: usize = 100;

/// Ask before changing `count` things: `y` up to [`TYPE_THE_COUNT_ABOVE`], else the count
/// typed back (as some cloud tools ask before destructive bulk work), so that a reflex `y`
/// cannot end 100,000 sessions. `--yes` answers for the user, as in [`confirm`].
pub(crate) fn confirm_count(
    question: &str,
    count: usize,
    yes: bool,
    refusal: &str,
) -> Result<bool> {
    if count <= TYPE_THE_COUNT_ABOVE || yes {
        return confirm(question, yes, refusal);
    }
    if !io::stdin().is_terminal() {
        return Err(Error::usage(refusal));
    }
    eprint!("{question} Type the number of sessions, {count}, to go on: ");
    let mut answer = String::new();
    io::BufRead::read_line(&mut io::stdin().lock(), &mut answer)?;
    Ok(typed_back(&answer, count))
}

/// The count as typed: digits, with or without `,` or `_` between groups.
fn typed_back(answer: &str, count: usize) -> bool {
    let digits: String = answer
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_'))
        .collect();
    digits.parse::<usize>() == Ok(count) && digits.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_count_must_be_typed_back_exactly() {
        assert!(super::typed_back("100000\n", 100_000));
        assert!(super::typed_back(" 100,000 ", 100_000));
        assert!(!super::typed_back("y", 100_000));
        assert!(!super::typed_back("99999", 100_000));
        assert!(!super::typed_back("+100000", 100_000));
    }
}
