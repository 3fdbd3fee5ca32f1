//! A profile's base URL as users paste it. Each backend declares, as [`UrlForms`], the forms
//! of its URL that people copy (an API path, the web UI's address, another scheme); this
//! file, which names no backend, reduces them to the base URL or refuses them in one line
//! that names the URL to write.

/// The URL forms a backend accepts beside its base URL.
#[derive(Debug)]
pub struct UrlForms {
    /// Schemes beside `https` and `http`, and the one each stands for (`wss` → `https`).
    pub schemes: &'static [(&'static str, &'static str)],
    /// Paths users paste, each reduced to the base, tried in order.
    pub paths: &'static [UrlForm],
    /// A path every base URL ends in (an API's version path such as `/v1`), added when
    /// missing.
    pub base_path: &'static str,
    /// Hosts that serve something else (a SaaS web app), and the URL to write instead.
    pub hosts: &'static [(&'static str, &'static str)],
}

/// One pasted path. `path` is matched at the end of the URL's path (a trailing slash
/// ignored), so a reverse proxy's prefix before it stays; a `path` ending in `/*` also
/// matches anything below it (`/ui/*`: `/ui`, `/ui/dashboard`).
#[derive(Debug)]
pub struct UrlForm {
    pub path: &'static str,
    /// What the path is, for the `-v` note: "the SMB sessions endpoint".
    pub what: &'static str,
    /// A profile key and the value this path stands for (`api = "ddp"`), if any.
    pub implies: Option<(&'static str, &'static str)>,
}

/// A backend with no forms beyond its base URL and a trailing slash.
pub(crate) const BASE_ONLY: UrlForms = UrlForms {
    schemes: &[],
    paths: &[],
    base_path: "",
    hosts: &[],
};

/// A base URL and what reducing the pasted one found.
#[derive(Debug, PartialEq)]
pub(crate) struct BaseUrl {
    pub url: url::Url,
    /// What was changed, for `-v`: "reduced https://h/api to https://h (the REST API's path)".
    pub note: Option<String>,
    /// The profile key and value the pasted path stands for.
    pub implies: Option<(&'static str, &'static str)>,
}

/// Parse a profile URL and reduce it to the backend's base URL: no trailing slash, no query,
/// the path prefix kept (a proxy may serve the API under one) so vendor paths can be
/// appended.
pub(crate) fn parse_base_url(text: &str, forms: &UrlForms) -> Result<BaseUrl, String> {
    // `127.0.0.1:8000` fails to parse, and `nas:8000` parses with `nas` as its scheme.
    if !text.contains("://") {
        return Err(format!(
            "url '{text}' has no scheme: write https://{}",
            text.trim_start_matches('/')
        ));
    }
    let mut url = url::Url::parse(text).map_err(|e| format!("url '{text}': {e}"))?;
    let Some(host) = url.host_str().map(str::to_string) else {
        return Err(format!("url '{text}' has no host"));
    };
    let shown = crate::transport::http::redact_url(&url);
    let mut why = Vec::new();
    let scheme = url.scheme().to_string();
    if let Some((_, to)) = forms.schemes.iter().find(|(from, _)| *from == scheme) {
        set_scheme(&mut url, to);
        why.push(format!("{scheme}:// is {to}://"));
    } else if !matches!(scheme.as_str(), "https" | "http") {
        let mut fixed = url.clone();
        set_scheme(&mut fixed, "https");
        fixed.set_path(forms.base_path);
        return Err(format!(
            "url '{shown}': this backend speaks https (or http), not {scheme}: write {}",
            crate::transport::http::redact_url(&fixed)
        ));
    }
    if let Some((_, instead)) = forms
        .hosts
        .iter()
        .find(|(h, _)| h.eq_ignore_ascii_case(&host))
    {
        return Err(format!(
            "url '{shown}' is not this backend's API: write {instead}"
        ));
    }
    let mut path = url.path().trim_end_matches('/').to_string();
    let mut implies = None;
    if let Some((form, prefix)) = forms
        .paths
        .iter()
        .find_map(|f| strip(&path, f).map(|p| (f, p)))
    {
        path = prefix;
        implies = form.implies;
        why.push(form.what.to_string());
    }
    if !forms.base_path.is_empty() && !path.ends_with(forms.base_path) {
        path.push_str(forms.base_path);
        why.push(format!("the API is under {}", forms.base_path));
    }
    url.set_path(&path);
    url.set_query(None);
    url.set_fragment(None);
    let note = (!why.is_empty()).then(|| {
        format!(
            "url: {shown} → {} ({})",
            crate::transport::http::redact_url(&url),
            why.join("; ")
        )
    });
    Ok(BaseUrl { url, note, implies })
}

/// `url::Url::set_scheme` refuses to turn a special scheme into a non-special one and back;
/// going through the text does not.
fn set_scheme(url: &mut url::Url, to: &str) {
    if url.set_scheme(to).is_err() {
        let text = format!("{to}{}", &url.as_str()[url.scheme().len()..]);
        if let Ok(u) = url::Url::parse(&text) {
            *url = u;
        }
    }
}

/// The prefix before `form.path` at the end of `path` (segment-wise), if it is there.
fn strip(path: &str, form: &UrlForm) -> Option<String> {
    let lower = path.to_ascii_lowercase();
    if let Some(dir) = form.path.strip_suffix("/*") {
        let at = lower
            .strip_suffix(dir)
            .map(str::len)
            .or_else(|| lower.find(&format!("{dir}/")))?;
        return Some(path[..at].to_string());
    }
    lower
        .strip_suffix(&form.path.to_ascii_lowercase())
        .map(|p| path[..p.len()].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORMS: UrlForms = UrlForms {
        schemes: &[("wss", "https"), ("ws", "http")],
        paths: &[
            UrlForm {
                path: "/websocket",
                what: "the WebSocket",
                implies: Some(("api", "ws")),
            },
            UrlForm {
                path: "/ui/*",
                what: "the web UI",
                implies: None,
            },
        ],
        base_path: "",
        hosts: &[("app.example.com", "https://api.example.com")],
    };

    fn base(text: &str) -> Result<String, String> {
        parse_base_url(text, &FORMS).map(|b| b.url.to_string())
    }

    #[test]
    fn the_base_keeps_its_prefix_without_a_trailing_slash() {
        let plain = |t| parse_base_url(t, &BASE_ONLY).unwrap();
        assert_eq!(plain("https://h:8000/api/").url.path(), "/api");
        assert_eq!(plain("https://h:8000/api/").note, None);
        assert_eq!(plain("https://h:8000").url.path(), "/");
        assert!(parse_base_url("not a url", &BASE_ONLY).is_err());
    }

    #[test]
    fn pasted_forms_reduce_to_the_base() {
        assert_eq!(base("wss://nas/websocket").unwrap(), "https://nas/");
        assert_eq!(base("ws://nas:81/websocket/").unwrap(), "http://nas:81/");
        assert_eq!(
            base("https://gw/nas/ui/dashboard").unwrap(),
            "https://gw/nas"
        );
        assert_eq!(base("https://nas/UI/").unwrap(), "https://nas/");
        assert_eq!(base("https://nas/build").unwrap(), "https://nas/build");
        let b = parse_base_url("wss://nas/websocket", &FORMS).unwrap();
        assert_eq!(b.implies, Some(("api", "ws")));
        assert_eq!(
            b.note.unwrap(),
            "url: wss://nas/websocket → https://nas (wss:// is https://; the WebSocket)"
        );
    }

    #[test]
    fn other_schemes_and_hosts_are_refused_naming_the_url_to_write() {
        let e = parse_base_url("wss://h/api", &BASE_ONLY).unwrap_err();
        assert!(e.ends_with("not wss: write https://h"), "{e}");
        let e = base("https://app.example.com/x").unwrap_err();
        assert!(e.ends_with("write https://api.example.com"), "{e}");
    }

    #[test]
    fn a_base_path_is_added_once() {
        let forms = UrlForms {
            base_path: "/v1",
            paths: &[UrlForm {
                path: "/sessions",
                what: "the sessions endpoint",
                implies: None,
            }],
            ..BASE_ONLY
        };
        let b = |t| parse_base_url(t, &forms).unwrap().url.to_string();
        assert_eq!(b("https://h"), "https://h/v1");
        assert_eq!(b("https://h/v1/"), "https://h/v1");
        assert_eq!(b("https://h/v1/sessions?x=1"), "https://h/v1");
        assert_eq!(parse_base_url("https://h/v1", &forms).unwrap().note, None);
    }
}
