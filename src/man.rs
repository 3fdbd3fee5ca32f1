//! What the main man page, `sessions(1)`, says beyond `--help`: its FILES, ENVIRONMENT and
//! EXIT STATUS sections, in roff. The pages themselves are rendered from the clap command by
//! the tests (tests/it/generated/man.rs, with clap_mangen), which keep `docs/man/` fresh.

const FILES: &str = r#".SH FILES
.TP
\fI~/.config/sessions/config.toml\fR
The config file: profiles, their URLs, credential sources and TLS trust (the platform's config directory; \fB\-c\fR or \fBSESSIONS_CONFIG\fR choose another). \fIconfig.example.toml\fR in the source is a commented example.
.TP
\fI~/.cache/sessions/tokens/\fR
Login tokens of Qumulo and TrueNAS 25.04 and later (mode 0600), keyed on the URL, the user and a SHA\-256 of the password or API key. \fBtoken_cache = false\fR keeps a profile's tokens off disk.
.TP
\fINAME.d/\fR
Beside \fBsessions simulate \-\-write\-config NAME.toml\fR: the run's \fIca.pem\fR, \fIserver.pem\fR, \fIclient.pem\fR, \fIclient.key\fR, \fIsecrets.json\fR, and \fIpid\fR for a run started with \fB\-\-detach\fR.
"#;

const ENVIRONMENT: &str = r#".SH ENVIRONMENT
.TP
\fBSESSIONS_CONFIG\fR
The config file, unless \fB\-c\fR is given.
.TP
\fBSESSIONS_PROFILE\fR
The profile, unless \fB\-p\fR is given.
.TP
\fBCOLUMNS\fR
The width tables are fitted to, instead of the terminal's (also when piped).
.TP
\fBLINES\fR
The height a \fB\-\-watch\fR frame fits, instead of the terminal's.
.TP
\fBNO_COLOR\fR
No colour with \fB\-\-color auto\fR.
.TP
\fBOPAL_AUTH_TOKEN\fR
The Opal token, when the profile names no token source.
.TP
\fBXDG_CONFIG_HOME\fR, \fBXDG_CACHE_HOME\fR
Where the config file and the token cache are looked for.
"#;

const EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Success, including an empty result.
.TP
\fB1\fR
Anything not listed below.
.TP
\fB2\fR
Usage or config error: a bad flag, an unknown profile, an unreadable or invalid config.
.TP
\fB3\fR
Authentication or authorisation refused: 401/403, a failed login, a revoked key.
.TP
\fB4\fR
Network, TLS or timeout (also a rate limit that never lifts).
.TP
\fB5\fR
The server answered with an error or with something unparseable; a key that names no session.
.TP
\fB6\fR
Partial: some profiles failed while others printed (\fBall\fR).
.TP
\fB130\fR
Interrupted (Ctrl\-C or SIGINT); JSON output is left unterminated.
.TP
\fB143\fR, \fB129\fR
Stopped by SIGTERM or SIGHUP, as by Ctrl\-C; a file being written is removed (\fBexporter\fR leaves these two signals their default action).
"#;

/// The main man page's FILES, ENVIRONMENT and EXIT STATUS sections, in roff, in that order:
/// what the product documents beyond its `--help` pages.
pub const MAN_SECTIONS: [&str; 3] = [FILES, ENVIRONMENT, EXIT_STATUS];
