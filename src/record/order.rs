//! The order of `--sort`: total over every mix of cells one column can hold.

use std::cmp::Ordering;

use super::cells::{Cell, Column, Record};

/// Records with their `--sort` cell, put in `--sort` order: stably, so equal cells keep the
/// listing's order. The renderer and `close`'s selection both sort this way.
pub(crate) fn sort_keyed(rows: &mut [(Cell, Record)], descending: bool) {
    rows.sort_by(|a, b| {
        let o = a.0.compare(&b.0);
        if descending {
            o.reverse()
        } else {
            o
        }
    });
}

/// Records in `--sort` order of one column (see [`sort_keyed`]).
pub(crate) fn sort_records(records: &mut Vec<Record>, column: &Column, descending: bool) {
    let mut rows: Vec<(Cell, Record)> = records.drain(..).map(|r| ((column.get)(&r), r)).collect();
    sort_keyed(&mut rows, descending);
    records.extend(rows.into_iter().map(|(_, r)| r));
}

impl Cell {
    /// Ordering for `--sort`: nulls first, then numbers (and times, booleans) numerically,
    /// then text case-insensitively. A total order whatever mix of cells a server's values
    /// give one column, so sorting can neither panic nor depend on the input order.
    pub fn compare(&self, other: &Cell) -> Ordering {
        fn rank(c: &Cell) -> u8 {
            match c {
                Cell::Null => 0,
                Cell::Text(_) | Cell::List(_) => 2,
                _ => 1,
            }
        }
        match (self.number(), other.number()) {
            (Some(a), Some(b)) => a.compare(b),
            _ => rank(self)
                .cmp(&rank(other))
                .then_with(|| self.raw().to_lowercase().cmp(&other.raw().to_lowercase())),
        }
    }

    fn number(&self) -> Option<Num> {
        Some(match self {
            Cell::Int(n) => Num::Int(*n),
            Cell::Bool(b) => Num::Int(i128::from(*b)),
            Cell::Time(t) | Cell::Until(t) => Num::Int(t.unix_timestamp_nanos()),
            Cell::Float(f) | Cell::Duration(f) => Num::Float(*f),
            _ => return None,
        })
    }
}

/// A cell's number, compared exactly: an i128 against an f64 without rounding either.
#[derive(Clone, Copy)]
enum Num {
    Int(i128),
    Float(f64),
}

impl Num {
    fn compare(self, other: Num) -> Ordering {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a.cmp(&b),
            (Num::Float(a), Num::Float(b)) => match (a.is_nan(), b.is_nan()) {
                (false, false) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
                (a, b) => a.cmp(&b),
            },
            (Num::Int(a), Num::Float(b)) => int_vs_float(a, b),
            (Num::Float(a), Num::Int(b)) => int_vs_float(b, a).reverse(),
        }
    }
}

/// NaN sorts after every number, as in the float-to-float case.
fn int_vs_float(i: i128, f: f64) -> Ordering {
    const LIMIT: f64 = 1.7014118346046923e38; // 2^127
    if f.is_nan() || f >= LIMIT {
        return Ordering::Less;
    }
    if f < -LIMIT {
        return Ordering::Greater;
    }
    let whole = f.trunc();
    i.cmp(&(whole as i128)).then_with(|| {
        // Same integer part: the fraction decides.
        0.0f64.partial_cmp(&(f - whole)).unwrap_or(Ordering::Equal)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::OffsetDateTime;

    /// Found by `props::sort_order_is_total`: text compared by its characters and numbers by
    /// value made a cycle ("3" > 30.0 > 1 s after the epoch > "3"), and a 2^53 + 1 that equals
    /// a float of 2^53 after rounding made ties that are not transitive.
    #[test]
    fn no_cycles_between_text_and_numbers() {
        let epoch_1s = Cell::Time(OffsetDateTime::from_unix_timestamp(1).unwrap());
        let (text, float) = (Cell::Text("3".into()), Cell::Float(30.0));
        assert_eq!(float.compare(&epoch_1s), Ordering::Less);
        assert_eq!(text.compare(&float), Ordering::Greater);
        assert_eq!(text.compare(&epoch_1s), Ordering::Greater);
        let big = 1i128 << 53;
        assert_eq!(
            Cell::Int(big + 1).compare(&Cell::Float(big as f64)),
            Ordering::Greater
        );
        assert_eq!(
            Cell::Int(big).compare(&Cell::Float(big as f64)),
            Ordering::Equal
        );
        assert_eq!(Cell::Int(3).compare(&Cell::Float(2.5)), Ordering::Greater);
        assert_eq!(Cell::Int(-3).compare(&Cell::Float(-2.5)), Ordering::Less);
        assert_eq!(
            Cell::Float(f64::NAN).compare(&Cell::Int(i128::MAX)),
            Ordering::Greater
        );
    }
}
