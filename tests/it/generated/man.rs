//! The man pages, rendered from the clap command with clap_mangen: `sessions(1)`, with the
//! FILES, ENVIRONMENT and EXIT STATUS sections the product writes, and one page per
//! subcommand (`sessions-smb(1)`, `sessions-smb-close(1)`, ...), which the main page's
//! SUBCOMMANDS section points to.

use std::io::Write;

/// Every page, as (file name, roff), the main page first.
pub fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let cmd = without_help_subcommand(session_inspector::cli_command());
    let main = man(&cmd);
    let mut text = Vec::new();
    main.render_title(&mut text)?;
    main.render_name_section(&mut text)?;
    main.render_synopsis_section(&mut text)?;
    main.render_description_section(&mut text)?;
    main.render_options_section(&mut text)?;
    main.render_subcommands_section(&mut text)?;
    main.render_extra_section(&mut text)?;
    for section in session_inspector::MAN_SECTIONS {
        text.write_all(section.as_bytes())?;
    }
    main.render_version_section(&mut text)?;
    let mut pages = vec![(main.get_filename(), finish(text, &[]))];
    subcommand_pages(&cmd, &mut vec!["sessions".to_string()], &mut pages)?;
    Ok(pages)
}

/// A page per subcommand, at every depth (`sessions-smb-close.1`). `parents` are the names of
/// the pages above it, which its SEE ALSO names.
fn subcommand_pages(
    cmd: &clap::Command,
    parents: &mut Vec<String>,
    pages: &mut Vec<(String, Vec<u8>)>,
) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let man = man(sub);
        let mut text = Vec::new();
        man.render(&mut text)?;
        let name = man.get_filename();
        pages.push((name.clone(), finish(text, parents)));
        parents.push(name.trim_end_matches(".1").to_string());
        subcommand_pages(sub, parents, pages)?;
        parents.pop();
    }
    Ok(())
}

/// The page's footer names the product and its version (`sessions 0.1.0`), as the main
/// page's does, not the subcommand's name.
fn man(cmd: &clap::Command) -> clap_mangen::Man {
    clap_mangen::Man::new(cmd.clone()).source(format!("sessions {}", env!("CARGO_PKG_VERSION")))
}

/// clap's `help` subcommand has no page of its own: hidden, it is left out of every
/// SUBCOMMANDS list and gets no page.
fn without_help_subcommand(cmd: clap::Command) -> clap::Command {
    let cmd = cmd.mut_subcommands(without_help_subcommand);
    if cmd.find_subcommand("help").is_some() {
        cmd.mut_subcommand("help", |help| help.hide(true))
    } else {
        cmd
    }
}

/// The after-help text (clap_mangen's EXTRA section) as man readers expect it: EXAMPLES (or
/// NOTES when it opens with prose), its indented lines kept verbatim (`.nf`) rather than
/// refilled by troff, and a SEE ALSO section naming the pages above this one.
fn finish(roff: Vec<u8>, parents: &[String]) -> Vec<u8> {
    let text = String::from_utf8(roff).expect("clap_mangen writes UTF-8");
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line != ".SH EXTRA" {
            if line.starts_with(".SH VERSION") {
                see_also(&mut out, parents);
            }
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let opens_with_examples = lines.peek() == Some(&"Examples:");
        out.push_str(if opens_with_examples {
            ".SH EXAMPLES\n"
        } else {
            ".SH NOTES\n"
        });
        if opens_with_examples {
            lines.next();
        }
        let mut verbatim = false;
        while let Some(line) = lines.next_if(|l| !l.starts_with(".SH ")) {
            let indented = line.starts_with("  ");
            if indented != verbatim {
                out.push_str(if indented { ".nf\n" } else { ".fi\n" });
                verbatim = indented;
            }
            out.push_str(if line == "Examples:" {
                ".SS Examples"
            } else {
                line
            });
            out.push('\n');
        }
        if verbatim {
            out.push_str(".fi\n");
        }
    }
    out.into_bytes()
}

fn see_also(out: &mut String, parents: &[String]) {
    if parents.is_empty() {
        return;
    }
    let refs: Vec<String> = parents
        .iter()
        .map(|p| format!("\\fB{}\\fR(1)", p.replace('-', "\\-")))
        .collect();
    out.push_str(".SH \"SEE ALSO\"\n");
    out.push_str(&refs.join(", "));
    out.push('\n');
}
