
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'sessions' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'sessions'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'sessions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('all', 'all', [CompletionResultType]::ParameterValue, 'Every profile in the config (or each -p, or those of --backend) at once, in one table of the common record')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles of the config file (secrets are never shown)')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Show the certificate a profile''s server presents, and pin it in the profile')
            [CompletionResult]::new('exporter', 'exporter', [CompletionResultType]::ParameterValue, 'A Prometheus exporter for many profiles (the multi-target pattern): GET /probe?target=PROFILE, and /metrics for its own')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'Run a local simulator of the vendor APIs, for trying things out and for tests')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script, e.g. `sessions completions bash > /etc/bash_completion.d/sessions`')
            [CompletionResult]::new('smb', 'smb', [CompletionResultType]::ParameterValue, 'Qumulo SMB sessions (GET /v1/smb/sessions/)')
            [CompletionResult]::new('qumulo', 'qumulo', [CompletionResultType]::ParameterValue, 'Qumulo SMB sessions (GET /v1/smb/sessions/)')
            [CompletionResult]::new('cifs', 'cifs', [CompletionResultType]::ParameterValue, 'NetApp ONTAP CIFS/SMB sessions (GET /api/protocols/cifs/sessions)')
            [CompletionResult]::new('ontap', 'ontap', [CompletionResultType]::ParameterValue, 'NetApp ONTAP CIFS/SMB sessions (GET /api/protocols/cifs/sessions)')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'TrueNAS login sessions (auth.sessions over JSON-RPC WebSocket; REST on CORE)')
            [CompletionResult]::new('truenas', 'truenas', [CompletionResultType]::ParameterValue, 'TrueNAS login sessions (auth.sessions over JSON-RPC WebSocket; REST on CORE)')
            [CompletionResult]::new('opal', 'opal', [CompletionResultType]::ParameterValue, 'Opal access sessions (GET /v1/sessions per resource), with user and resource names')
            [CompletionResult]::new('onefs', 'onefs', [CompletionResultType]::ParameterValue, 'Dell PowerScale OneFS SMB sessions (GET /platform/{1,11}/protocols/smb/sessions)')
            [CompletionResult]::new('powerscale', 'powerscale', [CompletionResultType]::ParameterValue, 'Dell PowerScale OneFS SMB sessions (GET /platform/{1,11}/protocols/smb/sessions)')
            [CompletionResult]::new('isilon', 'isilon', [CompletionResultType]::ParameterValue, 'Dell PowerScale OneFS SMB sessions (GET /platform/{1,11}/protocols/smb/sessions)')
            break
        }
        'sessions;all' {
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Fetch at most N profiles at once')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Only the profiles of these backends, e.g. `smb,cifs`')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README''s "Selecting sessions" has the fields and values)')
            [CompletionResult]::new('--count-by', '--count-by', [CompletionResultType]::ParameterName, 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--list-columns', '--list-columns', [CompletionResultType]::ParameterName, 'List the columns of the common record and exit')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close the sessions --where selects on every profile whose backend closes sessions: the count and a sample per profile, one question for the fleet, then each profile''s batches; --limit counts per profile (--sort is refused: records of different vendors have no common order)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;all;close' {
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be closed and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;all;help' {
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close the sessions --where selects on every profile whose backend closes sessions: the count and a sample per profile, one question for the fleet, then each profile''s batches; --limit counts per profile (--sort is refused: records of different vendors have no common order)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;all;help;close' {
            break
        }
        'sessions;all;help;help' {
            break
        }
        'sessions;help' {
            [CompletionResult]::new('all', 'all', [CompletionResultType]::ParameterValue, 'Every profile in the config (or each -p, or those of --backend) at once, in one table of the common record')
            [CompletionResult]::new('exporter', 'exporter', [CompletionResultType]::ParameterValue, 'A Prometheus exporter for many profiles (the multi-target pattern): GET /probe?target=PROFILE, and /metrics for its own')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'Run a local simulator of the vendor APIs, for trying things out and for tests')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles of the config file (secrets are never shown)')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Show the certificate a profile''s server presents, and pin it in the profile')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script, e.g. `sessions completions bash > /etc/bash_completion.d/sessions`')
            [CompletionResult]::new('smb', 'smb', [CompletionResultType]::ParameterValue, 'Qumulo SMB sessions (GET /v1/smb/sessions/)')
            [CompletionResult]::new('cifs', 'cifs', [CompletionResultType]::ParameterValue, 'NetApp ONTAP CIFS/SMB sessions (GET /api/protocols/cifs/sessions)')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'TrueNAS login sessions (auth.sessions over JSON-RPC WebSocket; REST on CORE)')
            [CompletionResult]::new('opal', 'opal', [CompletionResultType]::ParameterValue, 'Opal access sessions (GET /v1/sessions per resource), with user and resource names')
            [CompletionResult]::new('onefs', 'onefs', [CompletionResultType]::ParameterValue, 'Dell PowerScale OneFS SMB sessions (GET /platform/{1,11}/protocols/smb/sessions)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;help;all' {
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close the sessions --where selects on every profile whose backend closes sessions: the count and a sample per profile, one question for the fleet, then each profile''s batches; --limit counts per profile (--sort is refused: records of different vendors have no common order)')
            break
        }
        'sessions;help;all;close' {
            break
        }
        'sessions;help;exporter' {
            break
        }
        'sessions;help;simulate' {
            break
        }
        'sessions;help;profiles' {
            break
        }
        'sessions;help;trust' {
            break
        }
        'sessions;help;completions' {
            break
        }
        'sessions;help;smb' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (the `key` column: the session''s location handle)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close sessions by key, or those the selectors match (POST /v1/smb/sessions/close)')
            break
        }
        'sessions;help;smb;show' {
            break
        }
        'sessions;help;smb;close' {
            break
        }
        'sessions;help;cifs' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key, NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID (the single-record endpoint)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close the sessions the keys select (DELETE; ONTAP 9.9+). IDENTIFIER 0 closes every session on the connection; IDENTIFIER 0 and CONNECTION_ID 0 every session of the SVM on the node')
            break
        }
        'sessions;help;cifs;show' {
            break
        }
        'sessions;help;cifs;close' {
            break
        }
        'sessions;help;auth' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (the session id)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'End sessions (auth.terminate_session); your own connection is refused, as in the web UI')
            break
        }
        'sessions;help;auth;show' {
            break
        }
        'sessions;help;auth;close' {
            break
        }
        'sessions;help;opal' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (RESOURCE_ID/CONNECTION_ID)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Opal''s API cannot end a session: this says so, whatever follows')
            break
        }
        'sessions;help;opal;show' {
            break
        }
        'sessions;help;opal;close' {
            break
        }
        'sessions;help;onefs' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (LNN/ID, the `key` column)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close sessions by key, by computer or by user: one DELETE per computer and user pair, which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)')
            break
        }
        'sessions;help;onefs;show' {
            break
        }
        'sessions;help;onefs;close' {
            break
        }
        'sessions;help;help' {
            break
        }
        'sessions;profiles' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'Print only the profile names, one a line (what shell completion of -p uses)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;trust' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Pin without asking (check the SHA-256 against the appliance''s own first)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Pin without asking (check the SHA-256 against the appliance''s own first)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;exporter' {
            [CompletionResult]::new('--web.listen-address', '--web.listen-address', [CompletionResultType]::ParameterName, 'Address and port to serve on (repeatable)')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address and port to serve on (repeatable)')
            [CompletionResult]::new('--web.telemetry-path', '--web.telemetry-path', [CompletionResultType]::ParameterName, 'Path of the exporter''s own metrics')
            [CompletionResult]::new('--web.config.file', '--web.config.file', [CompletionResultType]::ParameterName, 'exporter-toolkit''s web configuration (TLS, client certificates, basic auth, response headers), read again for each new connection')
            [CompletionResult]::new('--web.max-connections', '--web.max-connections', [CompletionResultType]::ParameterName, 'Open connections at most; at the cap an idle one is closed to make room')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;simulate' {
            [CompletionResult]::new('--sessions', '--sessions', [CompletionResultType]::ParameterName, 'Sessions per backend')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for the generated data: the same seed gives the same sessions')
            [CompletionResult]::new('--write-config', '--write-config', [CompletionResultType]::ParameterName, 'Write a config with one profile per backend here, once every listener is bound')
            [CompletionResult]::new('--stop', '--stop', [CompletionResultType]::ParameterName, 'Stop the simulator that `--detach --write-config PATH` started, and wait until it is gone')
            [CompletionResult]::new('--latency', '--latency', [CompletionResultType]::ParameterName, 'Delay before each response, e.g. 5ms; BACKEND=DURATION for one backend (repeatable: --latency 200ms --latency auth=50ms)')
            [CompletionResult]::new('--churn', '--churn', [CompletionResultType]::ParameterName, 'Open and close sessions while running: RATE changes a second per backend, logged to changes.ndjson in the run''s directory')
            [CompletionResult]::new('--copies', '--copies', [CompletionResultType]::ParameterName, 'Write N profiles per backend (smb, smb-2, ... smb-N), all pointing at this simulator')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'Inject a fault into data requests: KIND[:COUNT][@NTH] (COUNT = how many times, default always; NTH = the first request it meets, default 1). Answers: 429 (Retry-After: 1), 429-bare (no Retry-After), 500, 502, 503, 504 (vendor error bodies), control-error (a 500 whose text has ESC, BEL, CR), html (nginx''s 502 page), html-200 (an HTML page with 200). Bodies: invalid-json, truncated (half, then closed), reset (half, then a TCP RST), slow (no answer), slow-body (half, then nothing). Pages: wrong-shape (the list is a string), missing-list (no list), deep (a field nested 100,000 deep), huge-number (99999999999999999999999), bad-utf8, oversized (a 2 MiB field), control-chars (ESC, BEL, CR, a bidi override in a user or name). Paging: empty-pages, loop, endless (never ends), repeat (a page repeats the one before under a new link). TrueNAS frames: ws-close, non-json-frame, wrong-id, binary-frame; its calls meet the body and page kinds, its WebSocket upgrade the status ones')
            [CompletionResult]::new('--next-link', '--next-link', [CompletionResultType]::ParameterName, 'Serve TEXT verbatim as every list page''s next link (Qumulo, ONTAP) or cursor (Opal)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'How the server certificate is made, as appliances ship them')
            [CompletionResult]::new('--qumulo-guests', '--qumulo-guests', [CompletionResultType]::ParameterName, 'Qumulo: N more sessions, every one a guest''s (WORLD Everyone), after the --sessions ones: a cluster full of orphaned guest sessions')
            [CompletionResult]::new('--opal-resources', '--opal-resources', [CompletionResultType]::ParameterName, 'Opal: how many resources the sessions are spread over')
            [CompletionResult]::new('--opal-rate-limit', '--opal-rate-limit', [CompletionResultType]::ParameterName, 'Opal: the organisation''s rate limit in requests per second (429 with Retry-After above it)')
            [CompletionResult]::new('--truenas-version', '--truenas-version', [CompletionResultType]::ParameterName, 'Which TrueNAS to serve. 25.10 and 25.04: JSON-RPC 2.0 over WebSocket at /api/current (and pinned /api/vXX.YY.Z paths), legacy DDP at /websocket. 24.10: DDP at /websocket only; nginx answers /api/current with a 302 to /ui/. 13.0 (CORE): DDP at /websocket and REST at /api/v2.0, no /api/current')
            [CompletionResult]::new('--truenas-call-latency', '--truenas-call-latency', [CompletionResultType]::ParameterName, 'How long each WebSocket call (JSON-RPC or DDP) takes the middleware before it answers (default none): calls on one socket run concurrently there, so a client''s calls in flight together are seen together (the request log counts them)')
            [CompletionResult]::new('--onefs-version', '--onefs-version', [CompletionResultType]::ParameterName, 'Which OneFS to serve. 9.2 and later: the sessions list grouped per node at /platform/11 (and the flat node-local one at /platform/1); 9.1 and earlier: /platform/1 only. GET /platform/latest answers the release''s PAPI version')
            [CompletionResult]::new('--onefs-nodes', '--onefs-nodes', [CompletionResultType]::ParameterName, 'OneFS: how many nodes the cluster has (sessions are spread over them)')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address to listen on')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port for the first backend (the next ones follow); 0 picks free ports')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'With --write-config: run in the background, and return once it serves, printing its pid (also kept in the run''s directory, PATH''s NAME.d/pid); stop it with --stop PATH')
            [CompletionResult]::new('--request-log', '--request-log', [CompletionResultType]::ParameterName, 'Log every request the APIs answer to requests.log in the run''s directory (BACKEND METHOD PATH MS ITEMS IN_FLIGHT a line: when it came, in ms since the start, how many elements its body''s JSON array holds, or -, and how many of that API''s requests were being answered then)')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Serve plain HTTP (and ws://) instead of TLS, as an appliance on port 80 does; the client sends credentials in clear only to loopback or with allow_plaintext')
            [CompletionResult]::new('--quirks', '--quirks', [CompletionResultType]::ParameterName, 'Emit the vendor docs'' oddities: numbers as strings, "" for a null next link, unknown enum values')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;completions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;smb' {
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README''s "Selecting sessions" has the fields and values)')
            [CompletionResult]::new('--count-by', '--count-by', [CompletionResultType]::ParameterName, 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Only sessions of this identity, e.g. local:admin, ad:alice, uid:1001, sid:S-1-5-21-...; as a selector: --where user=local:admin, --where user.uid=1001 (sent as ?identity=)')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Sessions per request (the cluster may return fewer)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns identity,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle_seconds')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--list-columns', '--list-columns', [CompletionResultType]::ParameterName, 'List the column names of this backend and exit')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (the `key` column: the session''s location handle)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close sessions by key, or those the selectors match (POST /v1/smb/sessions/close)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;qumulo' {
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README''s "Selecting sessions" has the fields and values)')
            [CompletionResult]::new('--count-by', '--count-by', [CompletionResultType]::ParameterName, 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Only sessions of this identity, e.g. local:admin, ad:alice, uid:1001, sid:S-1-5-21-...; as a selector: --where user=local:admin, --where user.uid=1001 (sent as ?identity=)')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Sessions per request (the cluster may return fewer)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns identity,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle_seconds')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--list-columns', '--list-columns', [CompletionResultType]::ParameterName, 'List the column names of this backend and exit')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (the `key` column: the session''s location handle)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close sessions by key, or those the selectors match (POST /v1/smb/sessions/close)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;smb;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;qumulo;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;smb;close' {
            [CompletionResult]::new('--originator', '--originator', [CompletionResultType]::ParameterName, 'Close the sessions of this client IP (exact match; as a selector, --where originator=IP)')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Close the session with this location handle (exact match; see the `location` column; as a selector, --where location=LOCATION)')
            [CompletionResult]::new('--share', '--share', [CompletionResultType]::ParameterName, 'Close sessions that have this share open (as a selector, --where share_names=SHARE)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Close sessions of this identity (server-side filter, as for listing; the cluster resolves it, so no selector says quite the same)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--guest', '--guest', [CompletionResultType]::ParameterName, 'Only guest sessions (as a selector, --where is_guest=true)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Close every session matched by --identity alone, or every session when no selector is given (as a selector, no --where at all)')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be closed and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;qumulo;close' {
            [CompletionResult]::new('--originator', '--originator', [CompletionResultType]::ParameterName, 'Close the sessions of this client IP (exact match; as a selector, --where originator=IP)')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Close the session with this location handle (exact match; see the `location` column; as a selector, --where location=LOCATION)')
            [CompletionResult]::new('--share', '--share', [CompletionResultType]::ParameterName, 'Close sessions that have this share open (as a selector, --where share_names=SHARE)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Close sessions of this identity (server-side filter, as for listing; the cluster resolves it, so no selector says quite the same)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--guest', '--guest', [CompletionResultType]::ParameterName, 'Only guest sessions (as a selector, --where is_guest=true)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Close every session matched by --identity alone, or every session when no selector is given (as a selector, no --where at all)')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be closed and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;smb;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (the `key` column: the session''s location handle)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close sessions by key, or those the selectors match (POST /v1/smb/sessions/close)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;smb;help;show' {
            break
        }
        'sessions;smb;help;close' {
            break
        }
        'sessions;smb;help;help' {
            break
        }
        'sessions;qumulo;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (the `key` column: the session''s location handle)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close sessions by key, or those the selectors match (POST /v1/smb/sessions/close)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;qumulo;help;show' {
            break
        }
        'sessions;qumulo;help;close' {
            break
        }
        'sessions;qumulo;help;help' {
            break
        }
        'sessions;cifs' {
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README''s "Selecting sessions" has the fields and values)')
            [CompletionResult]::new('--count-by', '--count-by', [CompletionResultType]::ParameterName, 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`')
            [CompletionResult]::new('--svm', '--svm', [CompletionResultType]::ParameterName, 'Only this SVM (svm.name), e.g. vs1 or ''vs1|vs2''; as a selector: --where svm.name=vs1')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Only this node (node.name); as a selector: --where node.name=NAME')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this Windows user, wildcards allowed, e.g. ''CORP\\alice'' or ''*admin*''; as a selector: --where ''user~*admin*'' (ONTAP matches regardless of case)')
            [CompletionResult]::new('--client-ip', '--client-ip', [CompletionResultType]::ParameterName, 'Only this client address; as a selector: --where client=IP (or a network, 10.0.0.0/8)')
            [CompletionResult]::new('--protocol', '--protocol', [CompletionResultType]::ParameterName, 'Only this SMB dialect: smb1, smb2, smb2_1, smb3, smb3_1 (wildcards allowed); as a selector: --where ''protocol~smb3*''')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Any ONTAP filter, repeatable: --filter ''open_files=>10'' --filter ''svm.name=vs1|vs2''')
            [CompletionResult]::new('--max-records', '--max-records', [CompletionResultType]::ParameterName, 'Records per page (ONTAP caps it at 10,000)')
            [CompletionResult]::new('--return-timeout', '--return-timeout', [CompletionResultType]::ParameterName, 'Seconds ONTAP may spend on one page before it answers with what it has (0-120)')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'Server-side order, e.g. ''open_files desc'' or ''svm.name,user''')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns node.name,svm.name (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -idle_duration_seconds')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--list-columns', '--list-columns', [CompletionResultType]::ParameterName, 'List the column names of this backend and exit')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key, NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID (the single-record endpoint)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close the sessions the keys select (DELETE; ONTAP 9.9+). IDENTIFIER 0 closes every session on the connection; IDENTIFIER 0 and CONNECTION_ID 0 every session of the SVM on the node')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;ontap' {
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README''s "Selecting sessions" has the fields and values)')
            [CompletionResult]::new('--count-by', '--count-by', [CompletionResultType]::ParameterName, 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`')
            [CompletionResult]::new('--svm', '--svm', [CompletionResultType]::ParameterName, 'Only this SVM (svm.name), e.g. vs1 or ''vs1|vs2''; as a selector: --where svm.name=vs1')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Only this node (node.name); as a selector: --where node.name=NAME')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this Windows user, wildcards allowed, e.g. ''CORP\\alice'' or ''*admin*''; as a selector: --where ''user~*admin*'' (ONTAP matches regardless of case)')
            [CompletionResult]::new('--client-ip', '--client-ip', [CompletionResultType]::ParameterName, 'Only this client address; as a selector: --where client=IP (or a network, 10.0.0.0/8)')
            [CompletionResult]::new('--protocol', '--protocol', [CompletionResultType]::ParameterName, 'Only this SMB dialect: smb1, smb2, smb2_1, smb3, smb3_1 (wildcards allowed); as a selector: --where ''protocol~smb3*''')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Any ONTAP filter, repeatable: --filter ''open_files=>10'' --filter ''svm.name=vs1|vs2''')
            [CompletionResult]::new('--max-records', '--max-records', [CompletionResultType]::ParameterName, 'Records per page (ONTAP caps it at 10,000)')
            [CompletionResult]::new('--return-timeout', '--return-timeout', [CompletionResultType]::ParameterName, 'Seconds ONTAP may spend on one page before it answers with what it has (0-120)')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'Server-side order, e.g. ''open_files desc'' or ''svm.name,user''')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns node.name,svm.name (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -idle_duration_seconds')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--list-columns', '--list-columns', [CompletionResultType]::ParameterName, 'List the column names of this backend and exit')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key, NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID (the single-record endpoint)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close the sessions the keys select (DELETE; ONTAP 9.9+). IDENTIFIER 0 closes every session on the connection; IDENTIFIER 0 and CONNECTION_ID 0 every session of the SVM on the node')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;cifs;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;ontap;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;cifs;close' {
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be closed and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;ontap;close' {
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be closed and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;cifs;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key, NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID (the single-record endpoint)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close the sessions the keys select (DELETE; ONTAP 9.9+). IDENTIFIER 0 closes every session on the connection; IDENTIFIER 0 and CONNECTION_ID 0 every session of the SVM on the node')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;cifs;help;show' {
            break
        }
        'sessions;cifs;help;close' {
            break
        }
        'sessions;cifs;help;help' {
            break
        }
        'sessions;ontap;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key, NODE_UUID/SVM_UUID/IDENTIFIER/CONNECTION_ID (the single-record endpoint)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close the sessions the keys select (DELETE; ONTAP 9.9+). IDENTIFIER 0 closes every session on the connection; IDENTIFIER 0 and CONNECTION_ID 0 every session of the SVM on the node')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;ontap;help;show' {
            break
        }
        'sessions;ontap;help;close' {
            break
        }
        'sessions;ontap;help;help' {
            break
        }
        'sessions;auth' {
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README''s "Selecting sessions" has the fields and values)')
            [CompletionResult]::new('--count-by', '--count-by', [CompletionResultType]::ParameterName, 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'Only this credential type, e.g. API_KEY, LOGIN_PASSWORD, TOKEN, UNIX_SOCKET; as a selector: --where protocol=API_KEY')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this user (credentials_data.username); as a selector, --where username=NAME also finds tokens by their parent credential''s user')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'Only origins starting with this, e.g. 192.168. or ''[fd00:''; as a selector: --where client=192.168.0.0/16 or --where ''client~[fd00:*''')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'A raw TrueNAS filter (JSON), repeatable: ''["internal","=",false]'' or ''["OR",[[...],[...]]]''')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'Server-side order, repeatable; a leading ''-'' reverses: --order-by -created_at')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns key,current (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -created_at_utc')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--list-columns', '--list-columns', [CompletionResultType]::ParameterName, 'List the column names of this backend and exit')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--exclude-internal', '--exclude-internal', [CompletionResultType]::ParameterName, 'Leave out internal sessions (root on the UNIX socket, the HA peer), as the web UI does; as a selector: --where internal=false')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (the session id)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'End sessions (auth.terminate_session); your own connection is refused, as in the web UI')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;truenas' {
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README''s "Selecting sessions" has the fields and values)')
            [CompletionResult]::new('--count-by', '--count-by', [CompletionResultType]::ParameterName, 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'Only this credential type, e.g. API_KEY, LOGIN_PASSWORD, TOKEN, UNIX_SOCKET; as a selector: --where protocol=API_KEY')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this user (credentials_data.username); as a selector, --where username=NAME also finds tokens by their parent credential''s user')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'Only origins starting with this, e.g. 192.168. or ''[fd00:''; as a selector: --where client=192.168.0.0/16 or --where ''client~[fd00:*''')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'A raw TrueNAS filter (JSON), repeatable: ''["internal","=",false]'' or ''["OR",[[...],[...]]]''')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'Server-side order, repeatable; a leading ''-'' reverses: --order-by -created_at')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns key,current (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -created_at_utc')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--list-columns', '--list-columns', [CompletionResultType]::ParameterName, 'List the column names of this backend and exit')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--exclude-internal', '--exclude-internal', [CompletionResultType]::ParameterName, 'Leave out internal sessions (root on the UNIX socket, the HA peer), as the web UI does; as a selector: --where internal=false')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (the session id)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'End sessions (auth.terminate_session); your own connection is refused, as in the web UI')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;auth;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;truenas;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;auth;close' {
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--others', '--others', [CompletionResultType]::ParameterName, 'End every session except this connection and internal ones (auth.terminate_other_sessions; as a selector, --where current=false,internal=false, which --where alone implies)')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be closed and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;truenas;close' {
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--others', '--others', [CompletionResultType]::ParameterName, 'End every session except this connection and internal ones (auth.terminate_other_sessions; as a selector, --where current=false,internal=false, which --where alone implies)')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be closed and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;auth;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (the session id)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'End sessions (auth.terminate_session); your own connection is refused, as in the web UI')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;auth;help;show' {
            break
        }
        'sessions;auth;help;close' {
            break
        }
        'sessions;auth;help;help' {
            break
        }
        'sessions;truenas;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (the session id)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'End sessions (auth.terminate_session); your own connection is refused, as in the web UI')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;truenas;help;show' {
            break
        }
        'sessions;truenas;help;close' {
            break
        }
        'sessions;truenas;help;help' {
            break
        }
        'sessions;opal' {
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README''s "Selecting sessions" has the fields and values)')
            [CompletionResult]::new('--count-by', '--count-by', [CompletionResultType]::ParameterName, 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`')
            [CompletionResult]::new('--resource-id', '--resource-id', [CompletionResultType]::ParameterName, 'A resource whose sessions to list (repeatable) [default: the profile''s resource_ids]')
            [CompletionResult]::new('--user-id', '--user-id', [CompletionResultType]::ParameterName, 'Only this user''s sessions; as a selector: --where user_id=UUID (sent to Opal too)')
            [CompletionResult]::new('--resource-type', '--resource-type', [CompletionResultType]::ParameterName, 'With --all-resources: only resources of this type, e.g. AWS_IAM_ROLE, GCP_PROJECT')
            [CompletionResult]::new('--expiring-within', '--expiring-within', [CompletionResultType]::ParameterName, 'Only sessions that expire within this time from now, e.g. 1h, 30m')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,resource (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -expires_in_seconds')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--list-columns', '--list-columns', [CompletionResultType]::ParameterName, 'List the column names of this backend and exit')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--all-resources', '--all-resources', [CompletionResultType]::ParameterName, 'Every resource of the organisation (GET /resources, paged), then each one''s sessions')
            [CompletionResult]::new('--no-enrich', '--no-enrich', [CompletionResultType]::ParameterName, 'Do not look up user and resource names (fewer requests; UUIDs only)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (RESOURCE_ID/CONNECTION_ID)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Opal''s API cannot end a session: this says so, whatever follows')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;opal;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;opal;close' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;opal;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (RESOURCE_ID/CONNECTION_ID)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Opal''s API cannot end a session: this says so, whatever follows')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;opal;help;show' {
            break
        }
        'sessions;opal;help;close' {
            break
        }
        'sessions;opal;help;help' {
            break
        }
        'sessions;onefs' {
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README''s "Selecting sessions" has the fields and values)')
            [CompletionResult]::new('--count-by', '--count-by', [CompletionResultType]::ParameterName, 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Only the sessions of this node, by its logical node number (the v11 API''s `lnn`; OneFS 9.2 and later); as a selector: --where lnn=2')
            [CompletionResult]::new('--computer', '--computer', [CompletionResultType]::ParameterName, 'Only sessions from this computer (client address, exact match); as a selector: --where computer=ADDR, or --where client=10.0.0.0/8 for a network')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only sessions of this user, as OneFS writes it (exact match), e.g. ''CORP\alice''; as a selector: --where ''user=CORP\\alice''')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'Order by this field, a leading - reverses: on the cluster with v1, here with v11')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Sessions per request (`limit`; the cluster may return fewer)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns computer,user (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -idle_time')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--list-columns', '--list-columns', [CompletionResultType]::ParameterName, 'List the column names of this backend and exit')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (LNN/ID, the `key` column)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close sessions by key, by computer or by user: one DELETE per computer and user pair, which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;powerscale' {
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README''s "Selecting sessions" has the fields and values)')
            [CompletionResult]::new('--count-by', '--count-by', [CompletionResultType]::ParameterName, 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Only the sessions of this node, by its logical node number (the v11 API''s `lnn`; OneFS 9.2 and later); as a selector: --where lnn=2')
            [CompletionResult]::new('--computer', '--computer', [CompletionResultType]::ParameterName, 'Only sessions from this computer (client address, exact match); as a selector: --where computer=ADDR, or --where client=10.0.0.0/8 for a network')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only sessions of this user, as OneFS writes it (exact match), e.g. ''CORP\alice''; as a selector: --where ''user=CORP\\alice''')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'Order by this field, a leading - reverses: on the cluster with v1, here with v11')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Sessions per request (`limit`; the cluster may return fewer)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns computer,user (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -idle_time')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--list-columns', '--list-columns', [CompletionResultType]::ParameterName, 'List the column names of this backend and exit')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (LNN/ID, the `key` column)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close sessions by key, by computer or by user: one DELETE per computer and user pair, which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;isilon' {
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'List again every INTERVAL (default 2s), keeping one login: a table redrawn in place on a terminal, NDJSON events ({"event":"opened"|"closed"|"changed",...}) otherwise')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only the sessions that match, e.g. `user~*admin*,idle>1h` or `client=10.0.0.0/8`: FIELD OP VALUE joined with commas (and), OP one of = != ~ !~ < <= > >=; a repeated --where also means and (the README''s "Selecting sessions" has the fields and values)')
            [CompletionResult]::new('--count-by', '--count-by', [CompletionResultType]::ParameterName, 'Count the sessions by these fields instead of listing them: one row per group with its count and largest idle, most first, e.g. `user` or `client,protocol`')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Only the sessions of this node, by its logical node number (the v11 API''s `lnn`; OneFS 9.2 and later); as a selector: --where lnn=2')
            [CompletionResult]::new('--computer', '--computer', [CompletionResultType]::ParameterName, 'Only sessions from this computer (client address, exact match); as a selector: --where computer=ADDR, or --where client=10.0.0.0/8 for a network')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only sessions of this user, as OneFS writes it (exact match), e.g. ''CORP\alice''; as a selector: --where ''user=CORP\\alice''')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'Order by this field, a leading - reverses: on the cluster with v1, here with v11')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Sessions per request (`limit`; the cluster may return fewer)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns computer,user (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -idle_time')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--list-columns', '--list-columns', [CompletionResultType]::ParameterName, 'List the column names of this backend and exit')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (LNN/ID, the `key` column)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close sessions by key, by computer or by user: one DELETE per computer and user pair, which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;onefs;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;powerscale;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;isilon;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;onefs;close' {
            [CompletionResult]::new('--computer', '--computer', [CompletionResultType]::ParameterName, 'Close every session from this computer (exact match; repeatable; as a selector, --where computer=COMPUTER)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Close every session of this user (exact match; repeatable; as a selector, --where user=USER)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be closed and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;powerscale;close' {
            [CompletionResult]::new('--computer', '--computer', [CompletionResultType]::ParameterName, 'Close every session from this computer (exact match; repeatable; as a selector, --where computer=COMPUTER)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Close every session of this user (exact match; repeatable; as a selector, --where user=USER)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be closed and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;isilon;close' {
            [CompletionResult]::new('--computer', '--computer', [CompletionResultType]::ParameterName, 'Close every session from this computer (exact match; repeatable; as a selector, --where computer=COMPUTER)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Close every session of this user (exact match; repeatable; as a selector, --where user=USER)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Close only the sessions that match, e.g. `user=guest,idle>7d` or `client=10.0.0.0/8` (the grammar of --where on listings; with keys or other selectors, those that match both)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table; plain for a projection piped]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (repeat for `all`) [default: the config''s default_profile]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/sessions/config.toml]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL, overriding the profile''s, e.g. https://nas.example.com:8000')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, e.g. --columns user,originator (see --list-columns)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by a column; a leading ''-'' sorts descending, e.g. --sort -time_idle')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (stops fetching once N are printed, unless sorting)')
            [CompletionResult]::new('--max-pages', '--max-pages', [CompletionResultType]::ParameterName, 'Stop with exit 5 when a listing runs past N pages: a server whose next links never end [default: 1000, a million sessions at 1,000 a page]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for the whole run of a profile, retries included, e.g. 30s, 2m [default: the profile''s timeout, else 60s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Deadline for each single request [default: the profile''s request_timeout, else 30s, never beyond --timeout]')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Write the output to PATH instead of stdout, atomically and only if the run succeeds (a failed run leaves the old file as it was): the way for cron. The file keeps its mode, owner and group; a symlink at PATH is resolved once and the file it points to replaced')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) instead of the platform roots')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-push-down', '--no-push-down', [CompletionResultType]::ParameterName, 'Apply --where here only, over every session: send none of it to the server')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be closed and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when stdin is not a terminal)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Leave out the header line of table and csv output')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (prints a warning; prefer ca_cert or tls_fingerprint)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request to stderr (method, URL, status, time); secrets are never shown')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Show no progress indicator (on a terminal, a listing that takes over a second shows one line on stderr: pages, sessions, rate)')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Run against the built-in simulator instead of a configured profile (backends, all, exporter and profiles)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'sessions;onefs;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (LNN/ID, the `key` column)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close sessions by key, by computer or by user: one DELETE per computer and user pair, which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;onefs;help;show' {
            break
        }
        'sessions;onefs;help;close' {
            break
        }
        'sessions;onefs;help;help' {
            break
        }
        'sessions;powerscale;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (LNN/ID, the `key` column)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close sessions by key, by computer or by user: one DELETE per computer and user pair, which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;powerscale;help;show' {
            break
        }
        'sessions;powerscale;help;close' {
            break
        }
        'sessions;powerscale;help;help' {
            break
        }
        'sessions;isilon;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one session, by its key (LNN/ID, the `key` column)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close sessions by key, by computer or by user: one DELETE per computer and user pair, which ends every session of the pair (DELETE /platform/1/protocols/smb/sessions/C/U)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'sessions;isilon;help;show' {
            break
        }
        'sessions;isilon;help;close' {
            break
        }
        'sessions;isilon;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
