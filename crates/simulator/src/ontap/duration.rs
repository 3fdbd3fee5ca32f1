//! ISO 8601 durations as ONTAP writes and reads them (`P4DT2H30M5S`), the simulator's own:
//! it must not share the client's parser, so that a bug in one shows up in the other.

/// The fields that hold durations.
pub(super) const DURATIONS: [&str; 2] = ["idle_duration", "connected_duration"];

/// Whole seconds as ONTAP normalises them: days, then a time part without zero units
/// (`PT0S` for nothing at all).
pub(super) fn format_iso8601(secs: u64) -> String {
    let days = secs / 86_400;
    let units = [
        (secs / 3_600 % 24, 'H'),
        (secs / 60 % 60, 'M'),
        (secs % 60, 'S'),
    ];
    let mut out = String::from("P");
    if days > 0 {
        out += &format!("{days}D");
    }
    let time: String = units
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect();
    match (time.is_empty(), days) {
        (false, _) => out += &format!("T{time}"),
        (true, 0) => out += "T0S",
        (true, _) => {}
    }
    out
}

/// Seconds of a duration as clients and quirky systems write them: unnormalised parts
/// (`P1DT36H`), fractions with `.` or `,`, weeks, months of 30 and years of 365 days, a
/// leading `-`. `None` for anything else.
pub(super) fn parse_iso8601(text: &str) -> Option<f64> {
    let text = text.trim();
    let (sign, text) = match text.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, text),
    };
    let rest = text.strip_prefix(['P', 'p']).filter(|r| !r.is_empty())?;
    let (date, time) = match rest.find(['T', 't']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let day = 86_400.0;
    let mut total = parts(
        date,
        &[
            ('Y', 365.0 * day),
            ('M', 30.0 * day),
            ('W', 7.0 * day),
            ('D', day),
        ],
    )?;
    if let Some(time) = time {
        total += parts(time, &[('H', 3_600.0), ('M', 60.0), ('S', 1.0)])?;
    }
    let empty = date.is_empty() && time.is_none_or(str::is_empty);
    (!empty).then_some(sign * total)
}

/// The sum of `NUMBER UNIT` parts, each unit one of `units` (any order, any repeats).
fn parts(text: &str, units: &[(char, f64)]) -> Option<f64> {
    let mut total = 0.0;
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() || c == '.' || c == ',' {
            number.push(if c == ',' { '.' } else { c });
            continue;
        }
        let scale = units
            .iter()
            .find(|(u, _)| u.eq_ignore_ascii_case(&c))
            .map(|(_, s)| *s)?;
        total += number.parse::<f64>().ok()? * scale;
        number.clear();
    }
    number.is_empty().then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_as_ontap_normalises() {
        for (secs, want) in [
            (0, "PT0S"),
            (5, "PT5S"),
            (60, "PT1M"),
            (3_600, "PT1H"),
            (3_605, "PT1H5S"),
            (86_400, "P1D"),
            (90_061, "P1DT1H1M1S"),
            (4 * 86_400 + 12 * 3_600 + 30 * 60 + 5, "P4DT12H30M5S"),
            (5_183_999, "P59DT23H59M59S"),
        ] {
            assert_eq!(format_iso8601(secs), want, "{secs}");
        }
    }

    #[test]
    fn parses_what_quirky_systems_send() {
        assert_eq!(
            parse_iso8601("P4DT84H30M5S"),
            Some(4.0 * 86_400.0 + 84.0 * 3_600.0 + 30.0 * 60.0 + 5.0)
        );
        assert_eq!(parse_iso8601("PT7869.250S"), Some(7869.25));
        assert_eq!(parse_iso8601("PT1,25S"), Some(1.25));
        assert_eq!(parse_iso8601("P1DT2H"), Some(93_600.0));
        assert_eq!(parse_iso8601("PT24H"), Some(86_400.0));
        assert_eq!(parse_iso8601("P1W"), Some(604_800.0));
        assert_eq!(parse_iso8601("-PT3S"), Some(-3.0));
        for bad in ["", "P", "PT", "P1", "PT1X", "1D", "P1H", "PTS"] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
    }

    #[test]
    fn round_trips_every_generated_value() {
        for secs in (0..200_000).step_by(7).chain([5_183_999, 86_400 * 40]) {
            assert_eq!(parse_iso8601(&format_iso8601(secs)), Some(secs as f64));
        }
    }
}
