//! One term of a selector (`idle>1h`): a field, an operator and a value, and whether a
//! cell satisfies it. A value is read in every way it could be meant (a number, a duration,
//! an address or network, a boolean, a time, a glob) when it is parsed; the cell it meets
//! decides which reading applies.

use std::net::IpAddr;

use time::OffsetDateTime;

use crate::record::Cell;

/// How a term compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    /// `=`: equal; an address within a network (`10.0.0.0/8`); a list holding it.
    Eq,
    /// `!=`: a value that is there and not equal.
    Ne,
    /// `~`: the glob (`*`, `?`) matches the whole text.
    Glob,
    /// `!~`: a value that is there and that the glob does not match.
    NotGlob,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    /// The operator as written.
    pub(crate) fn text(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Glob => "~",
            Op::NotGlob => "!~",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
    /// `<`, `<=`, `>`, `>=`: only numbers, durations and times are ordered.
    pub(crate) fn orders(self) -> bool {
        matches!(self, Op::Lt | Op::Le | Op::Gt | Op::Ge)
    }
    fn holds(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            Op::Eq => ordering == Equal,
            Op::Ne => ordering != Equal,
            Op::Lt => ordering == Less,
            Op::Le => ordering != Greater,
            Op::Gt => ordering == Greater,
            Op::Ge => ordering != Less,
            Op::Glob | Op::NotGlob => false,
        }
    }
}

/// A network: an address and the length of its prefix (the whole address when none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Network {
    pub addr: IpAddr,
    pub prefix: u8,
}

impl Network {
    fn parse(text: &str) -> Option<Network> {
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let addr: IpAddr = addr.parse().ok()?;
        let bits = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => p.parse().ok()?,
            Some(_) => return None,
            None => bits,
        };
        (prefix <= bits).then_some(Network { addr, prefix })
    }
    /// Whether `ip` lies in the network (an IPv4-mapped IPv6 address counts as its IPv4).
    pub(crate) fn contains(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        let keep = |bits: u32, a: u128, b: u128| {
            let shift = bits - u32::from(self.prefix);
            shift >= 128 || (a >> shift) == (b >> shift)
        };
        match (self.addr, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                keep(32, u128::from(u32::from(n)), u128::from(u32::from(a)))
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => keep(128, u128::from(n), u128::from(a)),
            _ => false,
        }
    }
}

/// An address in a cell's text: bare, or with a port (`10.0.0.1:445`, `[::1]:445`).
pub(crate) fn address_in(text: &str) -> Option<IpAddr> {
    if let Ok(ip) = text.parse() {
        return Some(ip);
    }
    let bracketed = text.strip_prefix('[').and_then(|t| t.split_once(']'));
    if let Some((inner, _)) = bracketed {
        return inner.parse().ok();
    }
    let (host, port) = text.rsplit_once(':')?;
    (port.bytes().all(|b| b.is_ascii_digit()) && !host.contains(':'))
        .then(|| host.parse().ok())
        .flatten()
}

/// A term's value, with each reading it allows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Value {
    /// As written, quotes removed.
    pub text: String,
    pub number: Option<f64>,
    /// Seconds: `90`, `30s`, `1h`, `7d`, `1h30m`.
    pub seconds: Option<f64>,
    pub network: Option<Network>,
    pub boolean: Option<bool>,
    /// `2026-01-31` (midnight UTC) or RFC 3339.
    pub time: Option<OffsetDateTime>,
}

impl Value {
    pub(crate) fn new(text: String) -> Value {
        let number = text
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && !text.starts_with('+'));
        let seconds = number.or_else(|| duration(&text));
        Value {
            number,
            seconds,
            network: Network::parse(&text),
            boolean: match text.as_str() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
            time: time_of(&text),
            text,
        }
    }
    /// Whether `<`, `>`, ... can compare it with anything.
    pub(crate) fn is_ordered(&self) -> bool {
        self.seconds.is_some() || self.time.is_some()
    }
}

/// `30s`, `5m`, `1h`, `7d`, `2w`, and sums of them (`1h30m`): seconds.
fn duration(text: &str) -> Option<f64> {
    let mut total = 0.0;
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit() && c != '.')?;
        let (n, tail) = rest.split_at(digits);
        let n: f64 = n.parse().ok()?;
        let unit = tail
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(tail.len());
        let (unit, tail) = tail.split_at(unit);
        let scale = match unit {
            "ms" => 0.001,
            "s" | "sec" => 1.0,
            "m" | "min" => 60.0,
            "h" => 3600.0,
            "d" => 86400.0,
            "w" => 604800.0,
            _ => return None,
        };
        total += n * scale;
        rest = tail;
    }
    (!text.is_empty()).then_some(total)
}

fn time_of(text: &str) -> Option<OffsetDateTime> {
    use time::format_description::well_known::Rfc3339;
    if let Ok(t) = OffsetDateTime::parse(text, &Rfc3339) {
        return Some(t);
    }
    let day = time::Date::parse(
        text,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()?;
    Some(day.midnight().assume_utc())
}

/// A glob over the whole text: `*` any run, `?` any one character; case matters.
pub(crate) fn glob(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == '?' || c == t[ti] => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// One comparison: `field op value`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Term {
    /// The field as the user wrote it, lower-cased (aliases resolved by the caller).
    pub field: String,
    pub op: Op,
    pub value: Value,
    /// Where the term starts in its `--where` (for messages).
    pub offset: usize,
}

impl Term {
    /// Whether `cell` satisfies the term. A missing value (null, an empty text) satisfies
    /// none, `!=` included: so a server that leaves such sessions out agrees.
    pub(crate) fn test(&self, cell: &Cell) -> bool {
        let v = &self.value;
        match (self.op, cell) {
            (_, Cell::Null) => false,
            (_, Cell::Text(s)) if s.is_empty() => false,
            (Op::Glob, c) => any_text(c, |t| glob(&v.text, t)),
            (Op::NotGlob, c) => !any_text(c, |t| glob(&v.text, t)),
            (Op::Ne, c) => !Term {
                op: Op::Eq,
                ..self.clone()
            }
            .test(c),
            (op, Cell::Duration(s) | Cell::Float(s)) => compare(op, Some(*s), v.seconds),
            (op, Cell::Int(n)) => compare(op, Some(*n as f64), v.seconds),
            (Op::Eq, Cell::Bool(b)) => v.boolean == Some(*b),
            (op, Cell::Time(t) | Cell::Until(t)) => match v.time {
                Some(when) => op.holds(t.cmp(&when)),
                None => false,
            },
            (Op::Eq, Cell::List(items)) => items.iter().any(|i| equal_text(v, i)),
            (Op::Eq, Cell::Text(s)) => equal_text(v, s),
            (op, Cell::Text(s)) if op.orders() => {
                compare(op, s.trim().parse::<f64>().ok(), v.seconds)
            }
            _ => false,
        }
    }
}

fn compare(op: Op, cell: Option<f64>, value: Option<f64>) -> bool {
    match (cell, value) {
        (Some(c), Some(v)) => c.partial_cmp(&v).is_some_and(|o| op.holds(o)),
        _ => false,
    }
}

/// Text equality, or an address within the value's network (`client=10.0.0.0/8`).
fn equal_text(v: &Value, text: &str) -> bool {
    if text == v.text {
        return true;
    }
    match (v.network, address_in(text)) {
        (Some(net), Some(ip)) => net.contains(ip),
        _ => v.number.is_some() && text.trim().parse::<f64>().ok() == v.number,
    }
}

/// The cell's text (each item of a list) through `f`.
fn any_text(cell: &Cell, f: impl Fn(&str) -> bool) -> bool {
    match cell {
        Cell::List(items) => items.iter().any(|i| f(i)),
        other => f(&other.raw()),
    }
}
