//! A small deterministic generator (SplitMix64): the same seed gives the same sessions on
//! every platform and every version, which a general-purpose RNG crate does not promise.
//! Also the encodings vendor modules share: version-4 UUIDs from it, and Basic auth's Base64.

pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    /// A duration in seconds spread over orders of magnitude: seconds to days.
    pub(crate) fn spread_secs(&mut self, max_secs: u64) -> u64 {
        let exp = self.below(8) as u32; // 1, 10, ... 10^7
        let scale = 10u64.pow(exp).min(max_secs.max(1));
        1 + self.below(scale)
    }
    pub(crate) fn hex(&mut self, len: usize) -> String {
        let mut s = String::with_capacity(len);
        while s.len() < len {
            s.push_str(&format!("{:016x}", self.next_u64()));
        }
        s.truncate(len);
        s
    }
    /// A version-4 UUID; `variant` is the first digit of its fourth group (vendors differ).
    pub(crate) fn uuid(&mut self, variant: char) -> String {
        let h = self.hex(32);
        format!(
            "{}-{}-4{}-{variant}{}-{}",
            &h[..8],
            &h[8..12],
            &h[13..16],
            &h[17..20],
            &h[20..32]
        )
    }
}

/// `user:password` from the Base64 of a Basic `Authorization` header.
pub(crate) fn decode_basic(b64: &str) -> Option<(String, String)> {
    let text = String::from_utf8(decode(b64.trim())?).ok()?;
    let (u, p) = text.split_once(':')?;
    Some((u.to_string(), p.to_string()))
}

fn decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes().filter(|c| *c != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn deterministic() {
        let a: Vec<u64> = (0..3)
            .map({
                let mut r = super::Rng::new(7);
                move |_| r.next_u64()
            })
            .collect();
        let b: Vec<u64> = (0..3)
            .map({
                let mut r = super::Rng::new(7);
                move |_| r.next_u64()
            })
            .collect();
        assert_eq!(a, b);
    }

    #[test]
    fn uuids_have_the_asked_variant() {
        let mut r = super::Rng::new(1);
        let u = r.uuid('a');
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert_eq!(&u[19..20], "a");
    }

    #[test]
    fn basic_decodes() {
        assert_eq!(
            super::decode_basic("YWRtaW46cHc="),
            Some(("admin".into(), "pw".into()))
        );
    }
}
