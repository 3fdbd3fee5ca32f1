//! ISO-8601 durations as ONTAP sends them: not normalised (`P4DT84H30M5S`), sometimes large
//! (`P428DT22H45M19S`), sometimes with fractional seconds (`PT0.5S`). See
//! docs/vendors/ontap.md. The `iso8601-duration` crate keeps every part as `f32`,
//! which loses whole seconds past about 190 days, so this small parser keeps `f64` seconds.

/// Seconds in an ISO-8601 duration `PnYnMnWnDTnHnMnS`. Years and months never appear in
/// ONTAP's output; if they do, they count as 365 and 30 days. It runs twice per ONTAP session,
/// so it reads the bytes in place and allocates nothing.
pub(crate) fn parse_iso8601(text: &str) -> Option<f64> {
    let s = text.trim().as_bytes();
    let (negative, s) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, s),
    };
    let body = match s.split_first() {
        Some((b'P' | b'p', rest)) if !rest.is_empty() => rest,
        _ => return None,
    };
    let mut total = 0.0f64;
    let mut in_time = false;
    let mut start = 0usize;
    let mut saw_part = false;
    // The part being read, as an integer while it is one of at most 15 digits (exact in f64).
    let (mut whole, mut plain) = (0u64, true);
    for (i, &c) in body.iter().enumerate() {
        match c {
            b'T' | b't' if !in_time && start == i => {
                in_time = true;
                start = i + 1;
            }
            b'0'..=b'9' => whole = whole.wrapping_mul(10).wrapping_add(u64::from(c - b'0')),
            b'.' | b',' => plain = false,
            unit => {
                let digits = &body[start..i];
                let value = if plain && !digits.is_empty() && digits.len() <= 15 {
                    whole as f64
                } else {
                    number(digits)?
                };
                (start, whole, plain) = (i + 1, 0, true);
                let scale = match (in_time, unit.to_ascii_uppercase()) {
                    (false, b'Y') => 365.0 * 86_400.0,
                    (false, b'M') => 30.0 * 86_400.0,
                    (false, b'W') => 7.0 * 86_400.0,
                    (false, b'D') => 86_400.0,
                    (true, b'H') => 3_600.0,
                    (true, b'M') => 60.0,
                    (true, b'S') => 1.0,
                    _ => return None,
                };
                total += value * scale;
                saw_part = true;
            }
        }
    }
    if start != body.len() || !saw_part {
        return None;
    }
    Some(if negative { -total } else { total })
}

/// A part's number with a fraction after `.` or `,` (or too long to be exact as an integer).
fn number(digits: &[u8]) -> Option<f64> {
    if digits.is_empty() {
        return None;
    }
    // A fraction (or a very long number): parsed as a float, `,` read as `.`, from a copy on
    // the stack.
    let mut buf = [0u8; 64];
    let copy = buf.get_mut(..digits.len())?;
    for (to, &from) in copy.iter_mut().zip(digits) {
        *to = if from == b',' { b'.' } else { from };
    }
    std::str::from_utf8(copy).ok()?.parse().ok()
}

/// `P1DT2H3M4S` from seconds: the normalised form, as the simulator sends by default. Only
/// the tests write durations (the client reads them).
#[cfg(test)]
fn format_iso8601(secs: u64) -> String {
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
        assert_eq!(parse_iso8601("-PT2M"), Some(-120.0));
        assert_eq!(parse_iso8601("pt34573.250s"), Some(34573.25));
        assert_eq!(parse_iso8601("PT.5S"), Some(0.5));
        assert_eq!(
            parse_iso8601("PT12345678901234567890S"),
            Some(12345678901234567890.0)
        );
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "", "P", "PT", "3S", "PT3", "PTXS", "P1H", "PT1D", "PT1.2.3S", "PTT1S", "PT.S",
            "PT1 S", "-P", "PéS",
        ] {
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
