
use builtin;
use str;

set edit:completion:arg-completer[sessions] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'sessions'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'sessions'= {
            cand -p 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand --profile 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand -c 'Config file [default: <config dir>/sessions/config.toml]'
            cand --config 'Config file [default: <config dir>/sessions/config.toml]'
            cand --url 'Base URL, overriding the profile''s, e.g. https://qumulo.example.com:8000'
            cand -o 'Output format [default: table; plain for a projection piped]'
            cand --output 'Output format [default: table; plain for a projection piped]'
            cand --columns 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)'
            cand --sort 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle'
            cand --limit 'Print at most N sessions (stops fetching once N are printed, unless sorting)'
            cand --timeout 'Per-request timeout, e.g. 10s, 2m [default: the profile''s, else 30s]'
            cand --ca-cert 'Trust this CA certificate (PEM) instead of the platform roots'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --no-headers 'Leave out the header line of table and csv output'
            cand --insecure 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
            cand -v 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --verbose 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --demo 'Run against the built-in simulator instead of a configured profile'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand smb 'Qumulo SMB sessions (GET /v1/smb/sessions/)'
            cand qumulo 'Qumulo SMB sessions (GET /v1/smb/sessions/)'
            cand all 'Every profile in the config (or each -p given), one after another'
            cand simulate 'Run a local simulator of the vendor APIs, for trying things out and for tests'
            cand profiles 'List the profiles of the config file (secrets are never shown)'
            cand completions 'Print a shell completion script, e.g. `sessions completions bash > /etc/bash_completion.d/sessions`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sessions;smb'= {
            cand --identity 'Only sessions of this identity, e.g. local:admin, ad:alice, uid:1001, sid:S-1-5-21-...'
            cand --page-size 'Sessions per request (the cluster may return fewer)'
            cand -p 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand --profile 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand -c 'Config file [default: <config dir>/sessions/config.toml]'
            cand --config 'Config file [default: <config dir>/sessions/config.toml]'
            cand --url 'Base URL, overriding the profile''s, e.g. https://qumulo.example.com:8000'
            cand -o 'Output format [default: table; plain for a projection piped]'
            cand --output 'Output format [default: table; plain for a projection piped]'
            cand --columns 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)'
            cand --sort 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle'
            cand --limit 'Print at most N sessions (stops fetching once N are printed, unless sorting)'
            cand --timeout 'Per-request timeout, e.g. 10s, 2m [default: the profile''s, else 30s]'
            cand --ca-cert 'Trust this CA certificate (PEM) instead of the platform roots'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --list-columns 'List the column names of this backend and exit'
            cand --no-headers 'Leave out the header line of table and csv output'
            cand --insecure 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
            cand -v 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --verbose 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --demo 'Run against the built-in simulator instead of a configured profile'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand close 'Close sessions matched by the selectors (POST /v1/smb/sessions/close)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sessions;qumulo'= {
            cand --identity 'Only sessions of this identity, e.g. local:admin, ad:alice, uid:1001, sid:S-1-5-21-...'
            cand --page-size 'Sessions per request (the cluster may return fewer)'
            cand -p 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand --profile 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand -c 'Config file [default: <config dir>/sessions/config.toml]'
            cand --config 'Config file [default: <config dir>/sessions/config.toml]'
            cand --url 'Base URL, overriding the profile''s, e.g. https://qumulo.example.com:8000'
            cand -o 'Output format [default: table; plain for a projection piped]'
            cand --output 'Output format [default: table; plain for a projection piped]'
            cand --columns 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)'
            cand --sort 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle'
            cand --limit 'Print at most N sessions (stops fetching once N are printed, unless sorting)'
            cand --timeout 'Per-request timeout, e.g. 10s, 2m [default: the profile''s, else 30s]'
            cand --ca-cert 'Trust this CA certificate (PEM) instead of the platform roots'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --list-columns 'List the column names of this backend and exit'
            cand --no-headers 'Leave out the header line of table and csv output'
            cand --insecure 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
            cand -v 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --verbose 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --demo 'Run against the built-in simulator instead of a configured profile'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand close 'Close sessions matched by the selectors (POST /v1/smb/sessions/close)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sessions;smb;close'= {
            cand --originator 'Close the sessions of this client IP (exact match)'
            cand --location 'Close the session with this location handle (exact match; see the `location` column)'
            cand --share 'Close sessions that have this share open'
            cand --identity 'Close sessions of this identity (server-side filter, as for listing)'
            cand -p 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand --profile 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand -c 'Config file [default: <config dir>/sessions/config.toml]'
            cand --config 'Config file [default: <config dir>/sessions/config.toml]'
            cand --url 'Base URL, overriding the profile''s, e.g. https://qumulo.example.com:8000'
            cand -o 'Output format [default: table; plain for a projection piped]'
            cand --output 'Output format [default: table; plain for a projection piped]'
            cand --columns 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)'
            cand --sort 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle'
            cand --limit 'Print at most N sessions (stops fetching once N are printed, unless sorting)'
            cand --timeout 'Per-request timeout, e.g. 10s, 2m [default: the profile''s, else 30s]'
            cand --ca-cert 'Trust this CA certificate (PEM) instead of the platform roots'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --guest 'Only guest sessions'
            cand --all 'Close every session matched by --identity alone, or every session when no selector is given'
            cand --dry-run 'Show what would be closed and change nothing'
            cand -y 'Do not ask for confirmation (needed when stdin is not a terminal)'
            cand --yes 'Do not ask for confirmation (needed when stdin is not a terminal)'
            cand --no-headers 'Leave out the header line of table and csv output'
            cand --insecure 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
            cand -v 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --verbose 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --demo 'Run against the built-in simulator instead of a configured profile'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sessions;qumulo;close'= {
            cand --originator 'Close the sessions of this client IP (exact match)'
            cand --location 'Close the session with this location handle (exact match; see the `location` column)'
            cand --share 'Close sessions that have this share open'
            cand --identity 'Close sessions of this identity (server-side filter, as for listing)'
            cand -p 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand --profile 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand -c 'Config file [default: <config dir>/sessions/config.toml]'
            cand --config 'Config file [default: <config dir>/sessions/config.toml]'
            cand --url 'Base URL, overriding the profile''s, e.g. https://qumulo.example.com:8000'
            cand -o 'Output format [default: table; plain for a projection piped]'
            cand --output 'Output format [default: table; plain for a projection piped]'
            cand --columns 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)'
            cand --sort 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle'
            cand --limit 'Print at most N sessions (stops fetching once N are printed, unless sorting)'
            cand --timeout 'Per-request timeout, e.g. 10s, 2m [default: the profile''s, else 30s]'
            cand --ca-cert 'Trust this CA certificate (PEM) instead of the platform roots'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --guest 'Only guest sessions'
            cand --all 'Close every session matched by --identity alone, or every session when no selector is given'
            cand --dry-run 'Show what would be closed and change nothing'
            cand -y 'Do not ask for confirmation (needed when stdin is not a terminal)'
            cand --yes 'Do not ask for confirmation (needed when stdin is not a terminal)'
            cand --no-headers 'Leave out the header line of table and csv output'
            cand --insecure 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
            cand -v 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --verbose 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --demo 'Run against the built-in simulator instead of a configured profile'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sessions;smb;help'= {
            cand close 'Close sessions matched by the selectors (POST /v1/smb/sessions/close)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sessions;smb;help;close'= {
        }
        &'sessions;smb;help;help'= {
        }
        &'sessions;qumulo;help'= {
            cand close 'Close sessions matched by the selectors (POST /v1/smb/sessions/close)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sessions;qumulo;help;close'= {
        }
        &'sessions;qumulo;help;help'= {
        }
        &'sessions;all'= {
            cand -p 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand --profile 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand -c 'Config file [default: <config dir>/sessions/config.toml]'
            cand --config 'Config file [default: <config dir>/sessions/config.toml]'
            cand --url 'Base URL, overriding the profile''s, e.g. https://qumulo.example.com:8000'
            cand -o 'Output format [default: table; plain for a projection piped]'
            cand --output 'Output format [default: table; plain for a projection piped]'
            cand --columns 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)'
            cand --sort 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle'
            cand --limit 'Print at most N sessions (stops fetching once N are printed, unless sorting)'
            cand --timeout 'Per-request timeout, e.g. 10s, 2m [default: the profile''s, else 30s]'
            cand --ca-cert 'Trust this CA certificate (PEM) instead of the platform roots'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --no-headers 'Leave out the header line of table and csv output'
            cand --insecure 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
            cand -v 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --verbose 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --demo 'Run against the built-in simulator instead of a configured profile'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sessions;simulate'= {
            cand --sessions 'Sessions per backend'
            cand --seed 'Seed for the generated data: the same seed gives the same sessions'
            cand --write-config 'Write a config with one profile per backend here, once every listener is bound'
            cand --latency 'Delay before each response, e.g. 5ms'
            cand --fault 'Inject a fault into data requests: KIND[:COUNT] (COUNT = how many times; default always). Kinds: 429, 500, 503, html, invalid-json, truncated, slow, empty-pages, loop'
            cand --bind 'Address to listen on'
            cand --port 'Port for the first backend (the next ones follow); 0 picks free ports'
            cand -p 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand --profile 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand -c 'Config file [default: <config dir>/sessions/config.toml]'
            cand --config 'Config file [default: <config dir>/sessions/config.toml]'
            cand --url 'Base URL, overriding the profile''s, e.g. https://qumulo.example.com:8000'
            cand -o 'Output format [default: table; plain for a projection piped]'
            cand --output 'Output format [default: table; plain for a projection piped]'
            cand --columns 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)'
            cand --sort 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle'
            cand --limit 'Print at most N sessions (stops fetching once N are printed, unless sorting)'
            cand --timeout 'Per-request timeout, e.g. 10s, 2m [default: the profile''s, else 30s]'
            cand --ca-cert 'Trust this CA certificate (PEM) instead of the platform roots'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --quirks 'Emit the vendor docs'' oddities: numbers as strings, "" for a null next link, unknown enum values'
            cand --no-headers 'Leave out the header line of table and csv output'
            cand --insecure 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
            cand -v 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --verbose 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --demo 'Run against the built-in simulator instead of a configured profile'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sessions;profiles'= {
            cand -p 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand --profile 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand -c 'Config file [default: <config dir>/sessions/config.toml]'
            cand --config 'Config file [default: <config dir>/sessions/config.toml]'
            cand --url 'Base URL, overriding the profile''s, e.g. https://qumulo.example.com:8000'
            cand -o 'Output format [default: table; plain for a projection piped]'
            cand --output 'Output format [default: table; plain for a projection piped]'
            cand --columns 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)'
            cand --sort 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle'
            cand --limit 'Print at most N sessions (stops fetching once N are printed, unless sorting)'
            cand --timeout 'Per-request timeout, e.g. 10s, 2m [default: the profile''s, else 30s]'
            cand --ca-cert 'Trust this CA certificate (PEM) instead of the platform roots'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --no-headers 'Leave out the header line of table and csv output'
            cand --insecure 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
            cand -v 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --verbose 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --demo 'Run against the built-in simulator instead of a configured profile'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sessions;completions'= {
            cand -p 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand --profile 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]'
            cand -c 'Config file [default: <config dir>/sessions/config.toml]'
            cand --config 'Config file [default: <config dir>/sessions/config.toml]'
            cand --url 'Base URL, overriding the profile''s, e.g. https://qumulo.example.com:8000'
            cand -o 'Output format [default: table; plain for a projection piped]'
            cand --output 'Output format [default: table; plain for a projection piped]'
            cand --columns 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)'
            cand --sort 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle'
            cand --limit 'Print at most N sessions (stops fetching once N are printed, unless sorting)'
            cand --timeout 'Per-request timeout, e.g. 10s, 2m [default: the profile''s, else 30s]'
            cand --ca-cert 'Trust this CA certificate (PEM) instead of the platform roots'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --no-headers 'Leave out the header line of table and csv output'
            cand --insecure 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
            cand -v 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --verbose 'Log each request to stderr (method, URL, status, time); secrets are never shown'
            cand --demo 'Run against the built-in simulator instead of a configured profile'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'sessions;help'= {
            cand smb 'Qumulo SMB sessions (GET /v1/smb/sessions/)'
            cand all 'Every profile in the config (or each -p given), one after another'
            cand simulate 'Run a local simulator of the vendor APIs, for trying things out and for tests'
            cand profiles 'List the profiles of the config file (secrets are never shown)'
            cand completions 'Print a shell completion script, e.g. `sessions completions bash > /etc/bash_completion.d/sessions`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'sessions;help;smb'= {
            cand close 'Close sessions matched by the selectors (POST /v1/smb/sessions/close)'
        }
        &'sessions;help;smb;close'= {
        }
        &'sessions;help;all'= {
        }
        &'sessions;help;simulate'= {
        }
        &'sessions;help;profiles'= {
        }
        &'sessions;help;completions'= {
        }
        &'sessions;help;help'= {
        }
    ]
    $completions[$command]
}
