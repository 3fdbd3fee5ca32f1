# The config's profile names, for -p/--profile (the -c of the line being completed counts).
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

# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_sessions_global_optspecs
    string join \n p/profile= c/config= url= o/output= columns= no-headers sort= limit= max-pages= timeout= request-timeout= output-file= ca-cert= insecure color= v/verbose q/quiet demo h/help V/version
end

function __fish_sessions_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_sessions_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_sessions_using_subcommand
    set -l cmd (__fish_sessions_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c sessions -n "__fish_sessions_needs_command" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_needs_command" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_needs_command" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_needs_command" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_needs_command" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_needs_command" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_needs_command" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_needs_command" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_needs_command" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_needs_command" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_needs_command" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_needs_command" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_needs_command" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_needs_command" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_needs_command" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_needs_command" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_needs_command" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_needs_command" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_needs_command" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "all" -d 'Every profile in the config (or each -p, or those of --backend) at once, in one table of the common record'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "profiles" -d 'List the profiles of the config file (secrets are never shown)'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "trust" -d 'Show the certificate a profile\'s server presents, and pin it in the profile'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "exporter" -d 'A Prometheus exporter for many profiles (the multi-target pattern): GET /probe?target=PROFILE, and /metrics for its own'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "simulate" -d 'Run a local simulator of the vendor APIs, for trying things out and for tests'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "completions" -d 'Print a shell completion script, e.g. `sessions completions bash > /etc/bash_completion.d/sessions`'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "smb" -d 'Qumulo SMB sessions (GET /v1/smb/sessions/)'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "qumulo" -d 'Qumulo SMB sessions (GET /v1/smb/sessions/)'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "cifs" -d 'NetApp ONTAP CIFS/SMB sessions (GET /api/protocols/cifs/sessions)'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "ontap" -d 'NetApp ONTAP CIFS/SMB sessions (GET /api/protocols/cifs/sessions)'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "auth" -d 'TrueNAS login sessions (auth.sessions over JSON-RPC WebSocket; REST on CORE)'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "truenas" -d 'TrueNAS login sessions (auth.sessions over JSON-RPC WebSocket; REST on CORE)'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "opal" -d 'Opal access sessions (GET /v1/sessions per resource), with user and resource names'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "onefs" -d 'Dell PowerScale OneFS SMB sessions (GET /platform/{1,11}/protocols/smb/sessions)'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "powerscale" -d 'Dell PowerScale OneFS SMB sessions (GET /platform/{1,11}/protocols/smb/sessions)'
complete -c sessions -n "__fish_sessions_needs_command" -f -a "isilon" -d 'Dell PowerScale OneFS SMB sessions (GET /platform/{1,11}/protocols/smb/sessions)'
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l concurrency -d 'Fetch at most N profiles at once' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l backend -d 'Only the profiles of these backends, e.g. `smb,cifs`' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l watch -d 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l where -d 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README\'s "Selecting sessions" has the fields and values)' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l count-by -d 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l list-columns -d 'List the columns of the common record and exit'
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -a "close" -d 'Close the sessions --where selects on every profile whose backend closes sessions: the count and a sample per profile, one question for the fleet, then each profile\'s batches; --limit counts per profile (--sort is refused: records of different vendors have no common order)'
complete -c sessions -n "__fish_sessions_using_subcommand all; and not __fish_seen_subcommand_from close help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l where -d 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l dry-run -d 'Show what would be closed and change nothing'
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -s y -l yes -d 'Do not ask for confirmation (needed when stdin is not a terminal)'
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close the sessions --where selects on every profile whose backend closes sessions: the count and a sample per profile, one question for the fleet, then each profile\'s batches; --limit counts per profile (--sort is refused: records of different vendors have no common order)'
complete -c sessions -n "__fish_sessions_using_subcommand all; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand help; and not __fish_seen_subcommand_from all exporter simulate profiles trust completions smb cifs auth opal onefs help" -f -a "all" -d 'Every profile in the config (or each -p, or those of --backend) at once, in one table of the common record'
complete -c sessions -n "__fish_sessions_using_subcommand help; and not __fish_seen_subcommand_from all exporter simulate profiles trust completions smb cifs auth opal onefs help" -f -a "exporter" -d 'A Prometheus exporter for many profiles (the multi-target pattern): GET /probe?target=PROFILE, and /metrics for its own'
complete -c sessions -n "__fish_sessions_using_subcommand help; and not __fish_seen_subcommand_from all exporter simulate profiles trust completions smb cifs auth opal onefs help" -f -a "simulate" -d 'Run a local simulator of the vendor APIs, for trying things out and for tests'
complete -c sessions -n "__fish_sessions_using_subcommand help; and not __fish_seen_subcommand_from all exporter simulate profiles trust completions smb cifs auth opal onefs help" -f -a "profiles" -d 'List the profiles of the config file (secrets are never shown)'
complete -c sessions -n "__fish_sessions_using_subcommand help; and not __fish_seen_subcommand_from all exporter simulate profiles trust completions smb cifs auth opal onefs help" -f -a "trust" -d 'Show the certificate a profile\'s server presents, and pin it in the profile'
complete -c sessions -n "__fish_sessions_using_subcommand help; and not __fish_seen_subcommand_from all exporter simulate profiles trust completions smb cifs auth opal onefs help" -f -a "completions" -d 'Print a shell completion script, e.g. `sessions completions bash > /etc/bash_completion.d/sessions`'
complete -c sessions -n "__fish_sessions_using_subcommand help; and not __fish_seen_subcommand_from all exporter simulate profiles trust completions smb cifs auth opal onefs help" -f -a "smb" -d 'Qumulo SMB sessions (GET /v1/smb/sessions/)'
complete -c sessions -n "__fish_sessions_using_subcommand help; and not __fish_seen_subcommand_from all exporter simulate profiles trust completions smb cifs auth opal onefs help" -f -a "cifs" -d 'NetApp ONTAP CIFS/SMB sessions (GET /api/protocols/cifs/sessions)'
complete -c sessions -n "__fish_sessions_using_subcommand help; and not __fish_seen_subcommand_from all exporter simulate profiles trust completions smb cifs auth opal onefs help" -f -a "auth" -d 'TrueNAS login sessions (auth.sessions over JSON-RPC WebSocket; REST on CORE)'
complete -c sessions -n "__fish_sessions_using_subcommand help; and not __fish_seen_subcommand_from all exporter simulate profiles trust completions smb cifs auth opal onefs help" -f -a "opal" -d 'Opal access sessions (GET /v1/sessions per resource), with user and resource names'
complete -c sessions -n "__fish_sessions_using_subcommand help; and not __fish_seen_subcommand_from all exporter simulate profiles trust completions smb cifs auth opal onefs help" -f -a "onefs" -d 'Dell PowerScale OneFS SMB sessions (GET /platform/{1,11}/protocols/smb/sessions)'
complete -c sessions -n "__fish_sessions_using_subcommand help; and not __fish_seen_subcommand_from all exporter simulate profiles trust completions smb cifs auth opal onefs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand help; and __fish_seen_subcommand_from all" -f -a "close" -d 'Close the sessions --where selects on every profile whose backend closes sessions: the count and a sample per profile, one question for the fleet, then each profile\'s batches; --limit counts per profile (--sort is refused: records of different vendors have no common order)'
complete -c sessions -n "__fish_sessions_using_subcommand help; and __fish_seen_subcommand_from smb" -f -a "show" -d 'Show one session, by its key (the `key` column: the session\'s location handle)'
complete -c sessions -n "__fish_sessions_using_subcommand help; and __fish_seen_subcommand_from smb" -f -a "close" -d 'Close sessions by key, or those the selectors match (POST /v1/smb/sessions/close)'
complete -c sessions -n "__fish_sessions_using_subcommand help; and __fish_seen_subcommand_from cifs" -f -a "show" -d 'Show one session, by its key, NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID (the single-record endpoint)'
complete -c sessions -n "__fish_sessions_using_subcommand help; and __fish_seen_subcommand_from cifs" -f -a "close" -d 'Close the sessions the keys select (DELETE; ONTAP 9.9+). IDENTIFIER 0 closes every session on the connection; IDENTIFIER 0 and CONNECTION_ID 0 every session of the SVM on the node'
complete -c sessions -n "__fish_sessions_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "show" -d 'Show one session, by its key (the session id)'
complete -c sessions -n "__fish_sessions_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "close" -d 'End sessions (auth.terminate_session); your own connection is refused, as in the web UI'
complete -c sessions -n "__fish_sessions_using_subcommand help; and __fish_seen_subcommand_from opal" -f -a "show" -d 'Show one session, by its key (RESOURCE_ID/CONNECTION_ID)'
complete -c sessions -n "__fish_sessions_using_subcommand help; and __fish_seen_subcommand_from opal" -f -a "close" -d 'Opal\'s API cannot end a session: this says so, whatever follows'
complete -c sessions -n "__fish_sessions_using_subcommand help; and __fish_seen_subcommand_from onefs" -f -a "show" -d 'Show one session, by its key (LNN/ID, the `key` column)'
complete -c sessions -n "__fish_sessions_using_subcommand help; and __fish_seen_subcommand_from onefs" -f -a "close" -d 'Close sessions by key, by computer or by user: one DELETE per computer and user pair, which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)'
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -l names -d 'Print only the profile names, one a line (what shell completion of -p uses)'
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand profiles" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand trust" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand trust" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand trust" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand trust" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand trust" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand trust" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand trust" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand trust" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand trust" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand trust" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand trust" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand trust" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand trust" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand trust" -s y -l yes -d 'Pin without asking (check the SHA-256 against the appliance\'s own first)'
complete -c sessions -n "__fish_sessions_using_subcommand trust" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand trust" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand trust" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand trust" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand trust" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand trust" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand trust" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l web.listen-address -l listen -d 'Address and port to serve on (repeatable)' -r
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l web.telemetry-path -d 'Path of the exporter\'s own metrics' -r
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l web.config.file -d 'exporter-toolkit\'s web configuration (TLS, client certificates, basic auth, response headers), read again for each new connection' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l web.max-connections -d 'Open connections at most; at the cap an idle one is closed to make room' -r
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand exporter" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l sessions -d 'Sessions per backend' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l seed -d 'Seed for the generated data: the same seed gives the same sessions' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l write-config -d 'Write a config with one profile per backend here, once every listener is bound' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l stop -d 'Stop the simulator that `--detach --write-config PATH` started, and wait until it is gone' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l latency -d 'Delay before each response, e.g. 5ms; BACKEND=DURATION for one backend (repeatable: --latency 200ms --latency auth=50ms)' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l churn -d 'Open and close sessions while running: RATE changes a second per backend, logged to changes.ndjson in the run\'s directory' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l copies -d 'Write N profiles per backend (smb, smb-2, ... smb-N), all pointing at this simulator' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l fault -d 'Inject a fault into data requests: KIND[:COUNT][@NTH] (COUNT = how many times, default always; NTH = the first request it meets, default 1). Answers: 429 (Retry-After: 1), 429-bare (no Retry-After), 500, 502, 503, 504 (vendor error bodies), control-error (a 500 whose text has ESC, BEL, CR), html (nginx\'s 502 page), html-200 (an HTML page with 200). Bodies: invalid-json, truncated (half, then closed), reset (half, then a TCP RST), slow (no answer), slow-body (half, then nothing). Pages: wrong-shape (the list is a string), missing-list (no list), deep (a field nested 100,000 deep), huge-number (99999999999999999999999), bad-utf8, oversized (a 2 MiB field), control-chars (ESC, BEL, CR, a bidi override in a user or name). Paging: empty-pages, loop, endless (never ends), repeat (a page repeats the one before under a new link). TrueNAS frames: ws-close, non-json-frame, wrong-id, binary-frame; its calls meet the body and page kinds, its WebSocket upgrade the status ones' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l next-link -d 'Serve TEXT verbatim as every list page\'s next link (Qumulo, ONTAP) or cursor (Opal)' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l tls -d 'How the server certificate is made, as appliances ship them' -r -f -a "ca-signed\t'A run CA signs a leaf for localhost, 127.0.0.1 and ::1; ca.pem is the CA'
self-signed\t'A self-signed leaf without BasicConstraints; ca.pem is the leaf'
self-signed-ca\t'Self-signed with CA:TRUE, as `openssl req -x509` makes it; ca.pem is the leaf'
localhost-only\t'TrueNAS\'s default: self-signed, CN and SAN localhost only; ca.pem is the leaf'
cn-only\t'Older ONTAP\'s default: self-signed, CN = the bind address, no SAN; ca.pem is the leaf'
expired\t'Like ca-signed, but it expired yesterday; ca.pem is the CA'"
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l qumulo-guests -d 'Qumulo: N more sessions, every one a guest\'s (WORLD Everyone), after the --sessions ones: a cluster full of orphaned guest sessions' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l opal-resources -d 'Opal: how many resources the sessions are spread over' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l opal-rate-limit -d 'Opal: the organisation\'s rate limit in requests per second (429 with Retry-After above it)' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l truenas-version -d 'Which TrueNAS to serve. 25.10 and 25.04: JSON-RPC 2.0 over WebSocket at /api/current (and pinned /api/vXX.YY.Z paths), legacy DDP at /websocket. 24.10: DDP at /websocket only; nginx answers /api/current with a 302 to /ui/. 13.0 (CORE): DDP at /websocket and REST at /api/v2.0, no /api/current' -r -f -a "13.0\t'TrueNAS CORE 13.0: DDP and REST'
24.10\t'TrueNAS SCALE 24.10: DDP only'
25.04\t'TrueNAS 25.04: JSON-RPC 2.0 and DDP'
25.10\t'TrueNAS 25.10: JSON-RPC 2.0 and DDP'"
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l truenas-call-latency -d 'How long each WebSocket call (JSON-RPC or DDP) takes the middleware before it answers (default none): calls on one socket run concurrently there, so a client\'s calls in flight together are seen together (the request log counts them)' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l onefs-version -d 'Which OneFS to serve. 9.2 and later: the sessions list grouped per node at /platform/11 (and the flat node-local one at /platform/1); 9.1 and earlier: /platform/1 only. GET /platform/latest answers the release\'s PAPI version' -r -f -a "8.2\t'OneFS 8.2.2: PAPI 9, sessions at /platform/1 only'
9.0\t'OneFS 9.0: PAPI 10, sessions at /platform/1 only'
9.1\t'OneFS 9.1: PAPI 11, sessions at /platform/1 only'
9.2\t'OneFS 9.2: PAPI 12, sessions grouped per node at /platform/11'
9.3\t'OneFS 9.3: PAPI 14, and replacement session cookies'
9.4\t'OneFS 9.4: PAPI 15'
9.5\t'OneFS 9.5: PAPI 16'"
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l onefs-nodes -d 'OneFS: how many nodes the cluster has (sessions are spread over them)' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l bind -d 'Address to listen on' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l port -d 'Port for the first backend (the next ones follow); 0 picks free ports' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l detach -d 'With --write-config: run in the background, and return once it serves, printing its pid (also kept in the run\'s directory, PATH\'s NAME.d/pid); stop it with --stop PATH'
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l request-log -d 'Log every request the APIs answer to requests.log in the run\'s directory (BACKEND METHOD PATH MS ITEMS IN_FLIGHT a line: when it came, in ms since the start, how many elements its body\'s JSON array holds, or -, and how many of that API\'s requests were being answered then)'
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l plain-http -d 'Serve plain HTTP (and ws://) instead of TLS, as an appliance on port 80 does; the client sends credentials in clear only to loopback or with allow_plaintext'
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l quirks -d 'Emit the vendor docs\' oddities: numbers as strings, "" for a null next link, unknown enum values'
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand simulate" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand completions" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand completions" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand completions" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand completions" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand completions" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand completions" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand completions" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand completions" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand completions" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand completions" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand completions" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand completions" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand completions" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand completions" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand completions" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand completions" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand completions" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand completions" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l watch -d 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l where -d 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README\'s "Selecting sessions" has the fields and values)' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l count-by -d 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l identity -d 'Only sessions of this identity, e.g. local:admin, ad:alice, uid:1001, sid:S-1-5-21-...; as a selector: --where user=local:admin, --where user.uid=1001 (sent as ?identity=)' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l page-size -d 'Sessions per request (the cluster may return fewer)' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l columns -d 'Columns to show, comma-separated, e.g. --columns identity,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle_seconds' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l list-columns -d 'List the column names of this backend and exit'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -a "show" -d 'Show one session, by its key (the `key` column: the session\'s location handle)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -a "close" -d 'Close sessions by key, or those the selectors match (POST /v1/smb/sessions/close)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and not __fish_seen_subcommand_from show close help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l originator -d 'Close the sessions of this client IP (exact match; as a selector, --where originator=IP)' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l location -d 'Close the session with this location handle (exact match; see the `location` column; as a selector, --where location=LOCATION)' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l share -d 'Close sessions that have this share open (as a selector, --where share_names=SHARE)' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l identity -d 'Close sessions of this identity (server-side filter, as for listing; the cluster resolves it, so no selector says quite the same)' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l where -d 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'"
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l guest -d 'Only guest sessions (as a selector, --where is_guest=true)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l all -d 'Close every session matched by --identity alone, or every session when no selector is given (as a selector, no --where at all)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l dry-run -d 'Show what would be closed and change nothing'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -s y -l yes -d 'Do not ask for confirmation (needed when stdin is not a terminal)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one session, by its key (the `key` column: the session\'s location handle)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close sessions by key, or those the selectors match (POST /v1/smb/sessions/close)'
complete -c sessions -n "__fish_sessions_using_subcommand smb; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l watch -d 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l where -d 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README\'s "Selecting sessions" has the fields and values)' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l count-by -d 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l identity -d 'Only sessions of this identity, e.g. local:admin, ad:alice, uid:1001, sid:S-1-5-21-...; as a selector: --where user=local:admin, --where user.uid=1001 (sent as ?identity=)' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l page-size -d 'Sessions per request (the cluster may return fewer)' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l columns -d 'Columns to show, comma-separated, e.g. --columns identity,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle_seconds' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l list-columns -d 'List the column names of this backend and exit'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -a "show" -d 'Show one session, by its key (the `key` column: the session\'s location handle)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -a "close" -d 'Close sessions by key, or those the selectors match (POST /v1/smb/sessions/close)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and not __fish_seen_subcommand_from show close help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l originator -d 'Close the sessions of this client IP (exact match; as a selector, --where originator=IP)' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l location -d 'Close the session with this location handle (exact match; see the `location` column; as a selector, --where location=LOCATION)' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l share -d 'Close sessions that have this share open (as a selector, --where share_names=SHARE)' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l identity -d 'Close sessions of this identity (server-side filter, as for listing; the cluster resolves it, so no selector says quite the same)' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l where -d 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'"
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l guest -d 'Only guest sessions (as a selector, --where is_guest=true)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l all -d 'Close every session matched by --identity alone, or every session when no selector is given (as a selector, no --where at all)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l dry-run -d 'Show what would be closed and change nothing'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -s y -l yes -d 'Do not ask for confirmation (needed when stdin is not a terminal)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one session, by its key (the `key` column: the session\'s location handle)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close sessions by key, or those the selectors match (POST /v1/smb/sessions/close)'
complete -c sessions -n "__fish_sessions_using_subcommand qumulo; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l watch -d 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l where -d 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README\'s "Selecting sessions" has the fields and values)' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l count-by -d 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l svm -d 'Only this SVM (svm.name), e.g. vs1 or \'vs1|vs2\'; as a selector: --where svm.name=vs1' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l node -d 'Only this node (node.name); as a selector: --where node.name=NAME' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l user -d 'Only this Windows user, wildcards allowed, e.g. \'CORP\\\\alice\' or \'*admin*\'; as a selector: --where \'user~*admin*\' (ONTAP matches regardless of case)' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l client-ip -d 'Only this client address; as a selector: --where client=IP (or a network, 10.0.0.0/8)' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l protocol -d 'Only this SMB dialect: smb1, smb2, smb2_1, smb3, smb3_1 (wildcards allowed); as a selector: --where \'protocol~smb3*\'' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l filter -d 'Any ONTAP filter, repeatable: --filter \'open_files=>10\' --filter \'svm.name=vs1|vs2\'' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l max-records -d 'Records per page (ONTAP caps it at 10,000)' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l return-timeout -d 'Seconds ONTAP may spend on one page before it answers with what it has (0-120)' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l order-by -d 'Server-side order, e.g. \'open_files desc\' or \'svm.name,user\'' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l columns -d 'Columns to show, comma-separated, e.g. --columns node.name,svm.name (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -idle_duration_seconds' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l list-columns -d 'List the column names of this backend and exit'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -a "show" -d 'Show one session, by its key, NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID (the single-record endpoint)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -a "close" -d 'Close the sessions the keys select (DELETE; ONTAP 9.9+). IDENTIFIER 0 closes every session on the connection; IDENTIFIER 0 and CONNECTION_ID 0 every session of the SVM on the node'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and not __fish_seen_subcommand_from show close help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l where -d 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'"
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l dry-run -d 'Show what would be closed and change nothing'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -s y -l yes -d 'Do not ask for confirmation (needed when stdin is not a terminal)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one session, by its key, NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID (the single-record endpoint)'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close the sessions the keys select (DELETE; ONTAP 9.9+). IDENTIFIER 0 closes every session on the connection; IDENTIFIER 0 and CONNECTION_ID 0 every session of the SVM on the node'
complete -c sessions -n "__fish_sessions_using_subcommand cifs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l watch -d 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l where -d 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README\'s "Selecting sessions" has the fields and values)' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l count-by -d 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l svm -d 'Only this SVM (svm.name), e.g. vs1 or \'vs1|vs2\'; as a selector: --where svm.name=vs1' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l node -d 'Only this node (node.name); as a selector: --where node.name=NAME' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l user -d 'Only this Windows user, wildcards allowed, e.g. \'CORP\\\\alice\' or \'*admin*\'; as a selector: --where \'user~*admin*\' (ONTAP matches regardless of case)' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l client-ip -d 'Only this client address; as a selector: --where client=IP (or a network, 10.0.0.0/8)' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l protocol -d 'Only this SMB dialect: smb1, smb2, smb2_1, smb3, smb3_1 (wildcards allowed); as a selector: --where \'protocol~smb3*\'' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l filter -d 'Any ONTAP filter, repeatable: --filter \'open_files=>10\' --filter \'svm.name=vs1|vs2\'' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l max-records -d 'Records per page (ONTAP caps it at 10,000)' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l return-timeout -d 'Seconds ONTAP may spend on one page before it answers with what it has (0-120)' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l order-by -d 'Server-side order, e.g. \'open_files desc\' or \'svm.name,user\'' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l columns -d 'Columns to show, comma-separated, e.g. --columns node.name,svm.name (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -idle_duration_seconds' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l list-columns -d 'List the column names of this backend and exit'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -a "show" -d 'Show one session, by its key, NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID (the single-record endpoint)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -a "close" -d 'Close the sessions the keys select (DELETE; ONTAP 9.9+). IDENTIFIER 0 closes every session on the connection; IDENTIFIER 0 and CONNECTION_ID 0 every session of the SVM on the node'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and not __fish_seen_subcommand_from show close help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l where -d 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'"
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l dry-run -d 'Show what would be closed and change nothing'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -s y -l yes -d 'Do not ask for confirmation (needed when stdin is not a terminal)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one session, by its key, NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID (the single-record endpoint)'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close the sessions the keys select (DELETE; ONTAP 9.9+). IDENTIFIER 0 closes every session on the connection; IDENTIFIER 0 and CONNECTION_ID 0 every session of the SVM on the node'
complete -c sessions -n "__fish_sessions_using_subcommand ontap; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l watch -d 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l where -d 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README\'s "Selecting sessions" has the fields and values)' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l count-by -d 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l credentials -d 'Only this credential type, e.g. API_KEY, LOGIN_PASSWORD, TOKEN, UNIX_SOCKET; as a selector: --where protocol=API_KEY' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l user -d 'Only this user (credentials_data.username); as a selector, --where username=NAME also finds tokens by their parent credential\'s user' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l origin -d 'Only origins starting with this, e.g. 192.168. or \'[fd00:\'; as a selector: --where client=192.168.0.0/16 or --where \'client~[fd00:*\'' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l filter -d 'A raw TrueNAS filter (JSON), repeatable: \'["internal","=",false]\' or \'["OR",[[...],[...]]]\'' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l order-by -d 'Server-side order, repeatable; a leading \'-\' reverses: --order-by -created_at' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l columns -d 'Columns to show, comma-separated, e.g. --columns key,current (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -created_at_utc' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l list-columns -d 'List the column names of this backend and exit'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l exclude-internal -d 'Leave out internal sessions (root on the UNIX socket, the HA peer), as the web UI does; as a selector: --where internal=false'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -a "show" -d 'Show one session, by its key (the session id)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -a "close" -d 'End sessions (auth.terminate_session); your own connection is refused, as in the web UI'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and not __fish_seen_subcommand_from show close help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l where -d 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'"
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l others -d 'End every session except this connection and internal ones (auth.terminate_other_sessions; as a selector, --where current=false,internal=false, which --where alone implies)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l dry-run -d 'Show what would be closed and change nothing'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -s y -l yes -d 'Do not ask for confirmation (needed when stdin is not a terminal)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one session, by its key (the session id)'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "close" -d 'End sessions (auth.terminate_session); your own connection is refused, as in the web UI'
complete -c sessions -n "__fish_sessions_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l watch -d 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l where -d 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README\'s "Selecting sessions" has the fields and values)' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l count-by -d 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l credentials -d 'Only this credential type, e.g. API_KEY, LOGIN_PASSWORD, TOKEN, UNIX_SOCKET; as a selector: --where protocol=API_KEY' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l user -d 'Only this user (credentials_data.username); as a selector, --where username=NAME also finds tokens by their parent credential\'s user' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l origin -d 'Only origins starting with this, e.g. 192.168. or \'[fd00:\'; as a selector: --where client=192.168.0.0/16 or --where \'client~[fd00:*\'' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l filter -d 'A raw TrueNAS filter (JSON), repeatable: \'["internal","=",false]\' or \'["OR",[[...],[...]]]\'' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l order-by -d 'Server-side order, repeatable; a leading \'-\' reverses: --order-by -created_at' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l columns -d 'Columns to show, comma-separated, e.g. --columns key,current (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -created_at_utc' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l list-columns -d 'List the column names of this backend and exit'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l exclude-internal -d 'Leave out internal sessions (root on the UNIX socket, the HA peer), as the web UI does; as a selector: --where internal=false'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -a "show" -d 'Show one session, by its key (the session id)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -a "close" -d 'End sessions (auth.terminate_session); your own connection is refused, as in the web UI'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and not __fish_seen_subcommand_from show close help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l where -d 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'"
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l others -d 'End every session except this connection and internal ones (auth.terminate_other_sessions; as a selector, --where current=false,internal=false, which --where alone implies)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l dry-run -d 'Show what would be closed and change nothing'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -s y -l yes -d 'Do not ask for confirmation (needed when stdin is not a terminal)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one session, by its key (the session id)'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from help" -f -a "close" -d 'End sessions (auth.terminate_session); your own connection is refused, as in the web UI'
complete -c sessions -n "__fish_sessions_using_subcommand truenas; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l watch -d 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l where -d 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README\'s "Selecting sessions" has the fields and values)' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l count-by -d 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l resource-id -d 'A resource whose sessions to list (repeatable) [default: the profile\'s resource_ids]' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l user-id -d 'Only this user\'s sessions; as a selector: --where user_id=UUID (sent to Opal too)' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l resource-type -d 'With --all-resources: only resources of this type, e.g. AWS_IAM_ROLE, GCP_PROJECT' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l expiring-within -d 'Only sessions that expire within this time from now, e.g. 1h, 30m' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,resource (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -expires_in_seconds' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l list-columns -d 'List the column names of this backend and exit'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l all-resources -d 'Every resource of the organisation (GET /resources, paged), then each one\'s sessions'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l no-enrich -d 'Do not look up user and resource names (fewer requests; UUIDs only)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -a "show" -d 'Show one session, by its key (RESOURCE_ID/CONNECTION_ID)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -a "close" -d 'Opal\'s API cannot end a session: this says so, whatever follows'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and not __fish_seen_subcommand_from show close help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'"
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one session, by its key (RESOURCE_ID/CONNECTION_ID)'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from help" -f -a "close" -d 'Opal\'s API cannot end a session: this says so, whatever follows'
complete -c sessions -n "__fish_sessions_using_subcommand opal; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l watch -d 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l where -d 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README\'s "Selecting sessions" has the fields and values)' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l count-by -d 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l node -d 'Only the sessions of this node, by its logical node number (the v11 API\'s `lnn`; OneFS 9.2 and later); as a selector: --where lnn=2' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l computer -d 'Only sessions from this computer (client address, exact match); as a selector: --where computer=ADDR, or --where client=10.0.0.0/8 for a network' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l user -d 'Only sessions of this user, as OneFS writes it (exact match), e.g. \'CORP\\alice\'; as a selector: --where \'user=CORP\\\\alice\'' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l order-by -d 'Order by this field, a leading - reverses: on the cluster with v1, here with v11' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l page-size -d 'Sessions per request (`limit`; the cluster may return fewer)' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l columns -d 'Columns to show, comma-separated, e.g. --columns computer,user (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -idle_time' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l list-columns -d 'List the column names of this backend and exit'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -a "show" -d 'Show one session, by its key (LNN/ID, the `key` column)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -a "close" -d 'Close sessions by key, by computer or by user: one DELETE per computer and user pair, which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and not __fish_seen_subcommand_from show close help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l computer -d 'Close every session from this computer (exact match; repeatable; as a selector, --where computer=COMPUTER)' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l user -d 'Close every session of this user (exact match; repeatable; as a selector, --where user=USER)' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l where -d 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'"
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l dry-run -d 'Show what would be closed and change nothing'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -s y -l yes -d 'Do not ask for confirmation (needed when stdin is not a terminal)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one session, by its key (LNN/ID, the `key` column)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close sessions by key, by computer or by user: one DELETE per computer and user pair, which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)'
complete -c sessions -n "__fish_sessions_using_subcommand onefs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l watch -d 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l where -d 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README\'s "Selecting sessions" has the fields and values)' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l count-by -d 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l node -d 'Only the sessions of this node, by its logical node number (the v11 API\'s `lnn`; OneFS 9.2 and later); as a selector: --where lnn=2' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l computer -d 'Only sessions from this computer (client address, exact match); as a selector: --where computer=ADDR, or --where client=10.0.0.0/8 for a network' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l user -d 'Only sessions of this user, as OneFS writes it (exact match), e.g. \'CORP\\alice\'; as a selector: --where \'user=CORP\\\\alice\'' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l order-by -d 'Order by this field, a leading - reverses: on the cluster with v1, here with v11' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l page-size -d 'Sessions per request (`limit`; the cluster may return fewer)' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l columns -d 'Columns to show, comma-separated, e.g. --columns computer,user (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -idle_time' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l list-columns -d 'List the column names of this backend and exit'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -a "show" -d 'Show one session, by its key (LNN/ID, the `key` column)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -a "close" -d 'Close sessions by key, by computer or by user: one DELETE per computer and user pair, which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and not __fish_seen_subcommand_from show close help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l computer -d 'Close every session from this computer (exact match; repeatable; as a selector, --where computer=COMPUTER)' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l user -d 'Close every session of this user (exact match; repeatable; as a selector, --where user=USER)' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l where -d 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'"
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l dry-run -d 'Show what would be closed and change nothing'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -s y -l yes -d 'Do not ask for confirmation (needed when stdin is not a terminal)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one session, by its key (LNN/ID, the `key` column)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close sessions by key, by computer or by user: one DELETE per computer and user pair, which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)'
complete -c sessions -n "__fish_sessions_using_subcommand powerscale; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l watch -d 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l where -d 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README\'s "Selecting sessions" has the fields and values)' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l count-by -d 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l node -d 'Only the sessions of this node, by its logical node number (the v11 API\'s `lnn`; OneFS 9.2 and later); as a selector: --where lnn=2' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l computer -d 'Only sessions from this computer (client address, exact match); as a selector: --where computer=ADDR, or --where client=10.0.0.0/8 for a network' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l user -d 'Only sessions of this user, as OneFS writes it (exact match), e.g. \'CORP\\alice\'; as a selector: --where \'user=CORP\\\\alice\'' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l order-by -d 'Order by this field, a leading - reverses: on the cluster with v1, here with v11' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l page-size -d 'Sessions per request (`limit`; the cluster may return fewer)' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l columns -d 'Columns to show, comma-separated, e.g. --columns computer,user (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -idle_time' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l list-columns -d 'List the column names of this backend and exit'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -a "show" -d 'Show one session, by its key (LNN/ID, the `key` column)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -a "close" -d 'Close sessions by key, by computer or by user: one DELETE per computer and user pair, which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and not __fish_seen_subcommand_from show close help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'
prometheus\t'Prometheus text exposition: gauges per profile (for node_exporter\'s textfile collector)'"
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l computer -d 'Close every session from this computer (exact match; repeatable; as a selector, --where computer=COMPUTER)' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l user -d 'Close every session of this user (exact match; repeatable; as a selector, --where user=USER)' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l where -d 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format [default: table; plain for a projection piped]' -r -f -a "table\t'Aligned columns with a header, sized to the terminal'
wide\t'A table with every column'
json\t'One JSON array of the vendor\'s records (fields and nesting as the vendor sends them)'
ndjson\t'One JSON object per line, streamed page by page'
csv\t'RFC 4180 CSV with a header line'
plain\t'Values only, tab-separated, no header: for `xargs`, `sort`, `grep`'"
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -s p -l profile -d 'Profile from the config file (repeat for `all`) [default: the config\'s default_profile]' -r -f -a '(__fish_sessions_profile_names)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -s c -l config -d 'Config file [default: <config dir>/sessions/config.toml]' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l url -d 'Base URL, overriding the profile\'s, e.g. https://nas.example.com:8000' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l columns -d 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l sort -d 'Sort by a column; a leading \'-\' sorts descending, e.g. --sort -time_idle' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l limit -d 'Print at most N sessions (stops fetching once N are printed, unless sorting)' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l max-pages -d 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l timeout -d 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile\'s timeout, else 60s]' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l request-timeout -d 'Deadline for each single request [default: the profile\'s request_timeout, else 30s, never beyond --timeout]' -r
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l output-file -d 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l ca-cert -d 'Trust this CA certificate (PEM) instead of the platform roots' -r -F
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l no-push-down -d 'Apply --where here only, over every session: send none of it to the server'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l dry-run -d 'Show what would be closed and change nothing'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -s y -l yes -d 'Do not ask for confirmation (needed when stdin is not a terminal)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l no-headers -d 'Leave out the header line of table and csv output'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l insecure -d 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Log each request to stderr (method, URL, status, time); secrets are never shown'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -l demo -d 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one session, by its key (LNN/ID, the `key` column)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close sessions by key, by computer or by user: one DELETE per computer and user pair, which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)'
complete -c sessions -n "__fish_sessions_using_subcommand isilon; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
