//! What push-down needs to know of a term, whatever the vendor: the server's answer must
//! hold every session the client would select (the client applies every term again), so a
//! term goes to a server only in a form that leaves none out.

use super::term::{Op, Term};

/// Plain text equality: `=` with a value that reads as no number, address or network (which
/// the client compares in their own ways), not empty.
pub(crate) fn equal_text(t: &Term) -> Option<&str> {
    let v = &t.value;
    let plain = t.op == Op::Eq && v.number.is_none() && v.network.is_none() && !v.text.is_empty();
    plain.then_some(v.text.as_str())
}

/// `=` one IPv4 address, written as the address itself (`10.1.2.3`, not a network).
pub(crate) fn equal_ipv4(t: &Term) -> Option<&str> {
    let net = t.value.network?;
    let exact = t.op == Op::Eq
        && net.addr.is_ipv4()
        && net.prefix == 32
        && net.addr.to_string() == t.value.text;
    exact.then_some(t.value.text.as_str())
}

/// `=` true or false.
pub(crate) fn equal_bool(t: &Term) -> Option<bool> {
    (t.op == Op::Eq).then_some(t.value.boolean).flatten()
}

/// A bound in whole seconds a server can apply without leaving out what the client keeps:
/// `>`/`>=` X becomes at least X rounded down less a second, `<`/`<=` X at most X rounded up
/// plus a second (the client rounds the seconds it compares). `None` for other operators.
pub(crate) fn seconds_bound(t: &Term) -> Option<(Op, u64)> {
    let x = t.value.seconds?;
    match t.op {
        Op::Gt | Op::Ge => Some((Op::Ge, (x.floor() - 1.0).max(0.0) as u64)),
        Op::Lt | Op::Le => Some((Op::Le, x.ceil() as u64 + 1)),
        _ => None,
    }
}

/// A number compared with `<`, `<=`, `>`, `>=`, `=`: the operator and the number as written.
pub(crate) fn number(t: &Term) -> Option<(Op, &str)> {
    let n = t.value.number?;
    let ordered = t.op.orders() || (t.op == Op::Eq && n.fract() == 0.0);
    ordered.then_some((t.op, t.value.text.as_str()))
}

/// A glob with `*` only (no `?`): the pattern.
pub(crate) fn star_glob(t: &Term) -> Option<&str> {
    let text = t.value.text.as_str();
    (t.op == Op::Glob && !text.contains('?') && !text.is_empty()).then_some(text)
}
