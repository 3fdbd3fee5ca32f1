//! `sessions completions SHELL`: clap_complete's script, with `-p/--profile` completed from
//! the config's profile names rather than file names. The script asks the binary
//! (`sessions [-c PATH] profiles --names`), so it honours `-c` on the command line being
//! completed and `SESSIONS_CONFIG`, and follows the config as it changes.
//! `tests/it/generated.rs` keeps `completions/` equal to what this prints.

use clap_complete::Shell;

/// The completion script for `shell`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut crate::help::command(), "sessions", &mut buf);
    let text = String::from_utf8(buf).expect("clap_complete writes UTF-8");
    match shell {
        Shell::Bash => bash(&text),
        Shell::Zsh => zsh(&text),
        Shell::Fish => fish(&text),
        _ => text,
    }
    .into_bytes()
}

const BASH_NAMES: &str = r#"# The config's profile names, for -p/--profile (the -c of the line being completed counts).
_sessions_profile_names() {
    local i config=()
    for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
        case "${COMP_WORDS[i]}" in
            -c|--config) config=(-c "${COMP_WORDS[i+1]/#\~/$HOME}") ;;
            --config=*) config=(-c "${COMP_WORDS[i]#--config=}") ;;
        esac
    done
    "${COMP_WORDS[0]}" "${config[@]}" profiles --names 2>/dev/null
}

"#;

/// In each `-p)` and `--profile)` case, offer profile names and never fall back to files.
fn bash(text: &str) -> String {
    let mut out = String::from(BASH_NAMES);
    let mut after_profile = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if after_profile && trimmed == r#"COMPREPLY=($(compgen -f "${cur}"))"# {
            let indent = &line[..line.len() - line.trim_start().len()];
            out.push_str(&format!(
                "{indent}compopt +o default +o bashdefault 2>/dev/null\n\
                 {indent}COMPREPLY=($(compgen -W \"$(_sessions_profile_names)\" -- \"${{cur}}\"))\n"
            ));
        } else {
            out.push_str(line);
            out.push('\n');
        }
        after_profile = trimmed == "-p)" || trimmed == "--profile)";
    }
    out
}

const ZSH_NAMES: &str = r#"
# The config's profile names, for -p/--profile (the -c of the line being completed counts).
(( $+functions[_sessions_profile_names] )) ||
_sessions_profile_names() {
    local -a names config
    local i
    for ((i = 2; i < CURRENT; i++)); do
        case ${words[i]} in
            -c|--config) config=(-c ${~words[i+1]}) ;;
            --config=*) config=(-c ${~words[i]#--config=}) ;;
        esac
    done
    names=(${(f)"$(_call_program profiles ${words[1]} ${config[@]} profiles --names 2>/dev/null)"})
    compadd -a names
}
"#;

fn zsh(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let profile = line.starts_with("'*-p+[") || line.starts_with("'*--profile=[");
        if profile {
            out.push_str(&line.replace(":NAME:_default'", ":NAME:_sessions_profile_names'"));
        } else {
            if line.starts_with("if [ \"$funcstack[1]\" = \"_sessions\" ]") {
                out.push_str(ZSH_NAMES.trim_start());
                out.push('\n');
            }
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

const FISH_NAMES: &str = r#"# The config's profile names, for -p/--profile (the -c of the line being completed counts).
function __fish_sessions_profile_names
    set -l tokens (commandline -opc)
    set -l config
    for i in (seq 2 (count $tokens))
        switch $tokens[$i]
            case -c --config
                set -l next (math $i + 1)
                if test $next -le (count $tokens)
                    set config -c $tokens[$next]
                end
            case '--config=*'
                set config -c (string replace -- --config= '' $tokens[$i])
        end
    end
    $tokens[1] $config profiles --names 2>/dev/null
end

"#;

fn fish(text: &str) -> String {
    let mut out = String::from(FISH_NAMES);
    for line in text.lines() {
        if line.contains(" -s p -l profile ") && line.ends_with(" -r") {
            out.push_str(line);
            out.push_str(" -f -a '(__fish_sessions_profile_names)'");
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}
