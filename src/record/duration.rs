//! ISO-8601 durations as ONTAP sends them: not normalised (`P4DT84H30M5S`), sometimes large
//! (`P428DT22H45M19S`), sometimes with fractional seconds (`PT0.5S`). See
//! ../shared/docs/apis/ontap-cifs.md. The `iso8601-duration` crate keeps every part as `f32`,
//! which loses whole seconds past about 190 days, so this small parser keeps `f64` seconds.

/// Seconds in an ISO-8601 duration `PnYnMnWnDTnHnMnS`. Years and months never appear in
/// ONTAP's output; if they do, they count as 365 and 30 days.
pub fn parse_iso8601(text: &str) -> Option<f64> {
    let s = text.trim();
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let body = s.strip_prefix('P').or_else(|| s.strip_prefix('p'))?;
    if body.is_empty() {
        return None;
    }
    let mut total = 0.0f64;
    let mut in_time = false;
    let mut number = String::new();
    let mut saw_part = false;
    for c in body.chars() {
        match c {
            'T' | 't' if !in_time && number.is_empty() => in_time = true,
            '0'..='9' | '.' | ',' => number.push(if c == ',' { '.' } else { c }),
            unit => {
                let value: f64 = number.parse().ok()?;
                number.clear();
                let scale = match (in_time, unit.to_ascii_uppercase()) {
                    (false, 'Y') => 365.0 * 86_400.0,
                    (false, 'M') => 30.0 * 86_400.0,
                    (false, 'W') => 7.0 * 86_400.0,
                    (false, 'D') => 86_400.0,
                    (true, 'H') => 3_600.0,
                    (true, 'M') => 60.0,
                    (true, 'S') => 1.0,
                    _ => return None,
                };
                total += value * scale;
                saw_part = true;
            }
        }
    }
    if !number.is_empty() || !saw_part {
        return None;
    }
    Some(if negative { -total } else { total })
}

/// `P1DT2H3M4S` from seconds: the normalised form, as the simulator sends by default.
pub fn format_iso8601(secs: u64) -> String {
    let (d, h, m, s) = (secs / 86_400, secs / 3_600 % 24, secs / 60 % 60, secs % 60);
    let mut out = String::from("P");
    if d > 0 {
        out.push_str(&format!("{d}D"));
    }
    if h > 0 || m > 0 || s > 0 || d == 0 {
        out.push('T');
        if h > 0 {
            out.push_str(&format!("{h}H"));
        }
        if m > 0 {
            out.push_str(&format!("{m}M"));
        }
        if s > 0 || (h == 0 && m == 0) {
            out.push_str(&format!("{s}S"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unnormalised_and_large() {
        assert_eq!(
            parse_iso8601("P4DT84H30M5S"),
            Some(4.0 * 86400.0 + 84.0 * 3600.0 + 30.0 * 60.0 + 5.0)
        );
        assert_eq!(
            parse_iso8601("P428DT22H45M19S"),
            Some(428.0 * 86400.0 + 22.0 * 3600.0 + 45.0 * 60.0 + 19.0)
        );
        assert_eq!(parse_iso8601("PT3S"), Some(3.0));
        assert_eq!(parse_iso8601("PT48M"), Some(2880.0));
        assert_eq!(parse_iso8601("PT0.5S"), Some(0.5));
        assert_eq!(parse_iso8601("PT1,25S"), Some(1.25));
        assert_eq!(parse_iso8601("P1W"), Some(604800.0));
    }

    #[test]
    fn rejects_garbage() {
        for bad in ["", "P", "PT", "3S", "PT3", "PTXS", "P1H", "PT1D"] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
    }

    #[test]
    fn format_round_trips() {
        for secs in [0u64, 3, 59, 60, 3600, 86_400, 37_032_319] {
            assert_eq!(
                parse_iso8601(&format_iso8601(secs)),
                Some(secs as f64),
                "{secs}"
            );
        }
        assert_eq!(format_iso8601(195), "PT3M15S");
        assert_eq!(format_iso8601(86_400), "P1D");
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        /// Days, hours, minutes, and seconds with milliseconds: each may be left out.
        type Parts = (Option<u32>, Option<u32>, Option<u32>, Option<(u32, u16)>);

        /// `P4DT84H30M5.25S` from parts, any of them left out, in upper or lower case.
        fn iso_text(parts: &Parts, lower: bool, comma: bool) -> String {
            let (d, h, m, s) = parts;
            let mut out = String::from("P");
            if let Some(d) = d {
                out += &format!("{d}D");
            }
            if h.is_some() || m.is_some() || s.is_some() {
                out.push('T');
            }
            if let Some(h) = h {
                out += &format!("{h}H");
            }
            if let Some(m) = m {
                out += &format!("{m}M");
            }
            if let Some((whole, milli)) = s {
                let sep = if comma { ',' } else { '.' };
                out += &format!("{whole}{sep}{milli:03}S");
            }
            if lower {
                out = out.to_ascii_lowercase();
            }
            out
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// Unnormalised parts (`P4DT84H`, `PT90M`) and fractional seconds add up.
            #[test]
            fn generated_parts_parse_to_their_sum(
                parts in (
                    proptest::option::of(0u32..5_000),
                    proptest::option::of(0u32..500),
                    proptest::option::of(0u32..5_000),
                    proptest::option::of((0u32..100_000, 0u16..1000)),
                ).prop_filter("at least one part", |p| {
                    p.0.is_some() || p.1.is_some() || p.2.is_some() || p.3.is_some()
                }),
                lower in any::<bool>(),
                comma in any::<bool>(),
                negative in any::<bool>(),
            ) {
                let (d, h, m, s) = parts;
                let want = f64::from(d.unwrap_or(0)) * 86_400.0
                    + f64::from(h.unwrap_or(0)) * 3_600.0
                    + f64::from(m.unwrap_or(0)) * 60.0
                    + s.map_or(0.0, |(w, ms)| f64::from(w) + f64::from(ms) / 1000.0);
                let mut text = iso_text(&parts, lower, comma);
                if negative {
                    text.insert(0, '-');
                }
                let got = parse_iso8601(&format!(" {text}\t"));
                let want = if negative { -want } else { want };
                prop_assert!(
                    got.is_some_and(|g| (g - want).abs() <= 1e-9 * want.abs().max(1.0)),
                    "{text}: {got:?} != {want}"
                );
            }

            /// What the simulator and ONTAP send by default parses back exactly, up to 2^53 s.
            #[test]
            fn normalised_form_round_trips_exactly(secs in 0u64..(1u64 << 53)) {
                let text = format_iso8601(secs);
                prop_assert_eq!(parse_iso8601(&text), Some(secs as f64), "{}", text);
            }

            /// Anything at all: an answer or `None`, never a panic; a leading `-` negates.
            #[test]
            fn arbitrary_text_never_panics(text in any::<String>()) {
                let _ = parse_iso8601(&text);
            }

            #[test]
            fn iso_shaped_noise_is_parsed_or_refused(body in "[pPtT0-9.,YMWDHS-]{0,24}") {
                let plain = parse_iso8601(&body);
                if let Some(v) = plain {
                    prop_assert!(body.trim_start_matches('-').starts_with(['P', 'p']), "{body}: {v}");
                }
                if !body.starts_with('-') {
                    let negated = parse_iso8601(&format!("-{body}"));
                    prop_assert_eq!(negated.map(|v| -v), plain, "-{}", body);
                }
            }
        }
    }
}
