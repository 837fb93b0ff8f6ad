//! The float types printing works on, and digit generation: Rust's own shortest and exact
//! formatting where it gives the same digits as NumPy's Dragon4, the exact [`dragon4`] otherwise.

use super::dragon4::{dragon4, CutoffMode, Decoded, Digits, Request};
use half::f16;
use std::fmt::Write;

/// A float NumPy prints with its Dragon4 rules: `f16`, `f32`, `f64`.
pub(crate) trait PrintFloat: Copy + PartialOrd + Default {
    /// `np.finfo(dtype).precision`: 3, 6 and 15.
    const FINFO_PRECISION: i32;
    /// The upper bound of positional notation for scalar `str` (`1e3`, `1e6`, `1e16`).
    const SCALAR_POSITIONAL_MAX: f64;
    /// The value as `f64` (exact).
    fn to_f64(self) -> f64;
    /// The nearest value of this type (for comparing with NumPy's Python-float constants,
    /// which NumPy 2 converts to the array's dtype).
    fn from_f64(v: f64) -> Self;
    /// `self / o` rounded as the dtype's own division rounds.
    fn div(self, o: Self) -> Self;
    /// Sign bit set (true for -0.0 and negative NaNs).
    fn sign_negative(self) -> bool;
    /// The absolute value's significand and exponent; only for finite values.
    fn decode(self) -> Decoded;
    /// Writes the absolute value's shortest round-trip digits with Rust's `{:e}`; false when
    /// there is no such fast path for this type.
    fn write_shortest(self, s: &mut String) -> bool;

    fn is_finite(self) -> bool {
        self.to_f64().is_finite()
    }
    fn is_nan(self) -> bool {
        self.to_f64().is_nan()
    }
    fn abs(self) -> Self {
        if self.sign_negative() {
            Self::from_f64(-self.to_f64())
        } else {
            self
        }
    }
}

/// Builds a [`Decoded`] from IEEE fields of a format with `mbits` stored mantissa bits.
fn decode_ieee(frac: u64, biased_exp: i32, mbits: u32, bias: i32) -> Decoded {
    if biased_exp != 0 {
        Decoded {
            mantissa: (1u64 << mbits) | frac,
            exponent: biased_exp - bias - mbits as i32,
            mantissa_bit: mbits,
            unequal_margins: biased_exp != 1 && frac == 0,
        }
    } else {
        Decoded {
            mantissa: frac,
            exponent: 1 - bias - mbits as i32,
            mantissa_bit: if frac == 0 {
                0
            } else {
                63 - frac.leading_zeros()
            },
            unequal_margins: false,
        }
    }
}

impl PrintFloat for f64 {
    const FINFO_PRECISION: i32 = 15;
    const SCALAR_POSITIONAL_MAX: f64 = 1e16;
    fn to_f64(self) -> f64 {
        self
    }
    fn from_f64(v: f64) -> Self {
        v
    }
    fn div(self, o: Self) -> Self {
        self / o
    }
    fn sign_negative(self) -> bool {
        self.is_sign_negative()
    }
    fn decode(self) -> Decoded {
        let b = self.to_bits();
        decode_ieee(b & ((1 << 52) - 1), ((b >> 52) & 0x7ff) as i32, 52, 1023)
    }
    fn write_shortest(self, s: &mut String) -> bool {
        write!(s, "{:e}", self.abs()).is_ok()
    }
}

impl PrintFloat for f32 {
    const FINFO_PRECISION: i32 = 6;
    const SCALAR_POSITIONAL_MAX: f64 = 1e6;
    fn to_f64(self) -> f64 {
        self as f64
    }
    fn from_f64(v: f64) -> Self {
        v as f32
    }
    fn div(self, o: Self) -> Self {
        self / o
    }
    fn sign_negative(self) -> bool {
        self.is_sign_negative()
    }
    fn decode(self) -> Decoded {
        let b = self.to_bits() as u64;
        decode_ieee(b & ((1 << 23) - 1), ((b >> 23) & 0xff) as i32, 23, 127)
    }
    fn write_shortest(self, s: &mut String) -> bool {
        write!(s, "{:e}", self.abs()).is_ok()
    }
}

impl PrintFloat for f16 {
    const FINFO_PRECISION: i32 = 3;
    const SCALAR_POSITIONAL_MAX: f64 = 1e3;
    fn to_f64(self) -> f64 {
        self.to_f64()
    }
    fn from_f64(v: f64) -> Self {
        f16::from_f64(v)
    }
    fn div(self, o: Self) -> Self {
        // NumPy divides halves in single precision and rounds the quotient to half.
        f16::from_f32(self.to_f32() / o.to_f32())
    }
    fn sign_negative(self) -> bool {
        self.is_sign_negative()
    }
    fn decode(self) -> Decoded {
        let b = self.to_bits() as u64;
        decode_ieee(b & ((1 << 10) - 1), ((b >> 10) & 0x1f) as i32, 10, 15)
    }
    fn write_shortest(self, _s: &mut String) -> bool {
        false
    }
}

/// Reusable buffers for digit generation.
#[derive(Default)]
pub(crate) struct Scratch {
    text: String,
}

/// Parses the absolute-value text Rust prints (`123.45`, `1.2345e-7`, `1e20`) into digits.
fn parse_rust_decimal(s: &str, out: &mut Digits) {
    out.digits.clear();
    let b = s.as_bytes();
    let e_pos = b.iter().position(|&c| c == b'e').unwrap_or(b.len());
    let exp10: i32 = if e_pos < b.len() {
        s[e_pos + 1..].parse().unwrap_or(0)
    } else {
        0
    };
    let mant = &b[..e_pos];
    let mut int_len = mant.len() as i32;
    let mut lead_zeros = 0i32;
    let mut started = false;
    for (k, &c) in mant.iter().enumerate() {
        if c == b'.' {
            int_len = k as i32;
            continue;
        }
        if !started {
            if c == b'0' {
                lead_zeros += 1;
                continue;
            }
            started = true;
        }
        out.digits.push(c);
    }
    out.exp = if started {
        exp10 + int_len - 1 - lead_zeros
    } else {
        0
    };
    out.normalize();
}

/// Shortest round-trip digits of a value, packed (at most 17 digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shortest {
    digits: u64,
    exp: i32,
    len: u32,
}

impl Shortest {
    fn unpack(self, out: &mut Digits) {
        let mut buf = [0u8; 20];
        let n = (self.len as usize).min(20);
        let mut v = self.digits;
        for b in buf[..n].iter_mut().rev() {
            *b = b'0' + (v % 10) as u8;
            v /= 10;
        }
        out.digits.clear();
        out.digits.extend_from_slice(&buf[..n]);
        out.exp = self.exp;
    }
}

/// The shortest round-trip digits of finite non-zero `|x|` from Rust's formatter, when that fast
/// path applies to the value (see [`gen_digits`]); `None` sends it to [`dragon4`].
pub(crate) fn shortest<F: PrintFloat>(x: F, scratch: &mut Scratch) -> Option<Shortest> {
    let dec = x.decode();
    // A power-of-two significand with equal margins at full width is the smallest normal,
    // whose lower margin Rust takes as half the upper one.
    let smallest_normal = dec.mantissa.is_power_of_two()
        && !dec.unequal_margins
        && dec.mantissa_bit == std::mem::size_of::<F>() as u32 * 8 - 1 - exp_bits::<F>();
    if dec.mantissa == 0 || smallest_normal {
        return None;
    }
    let t = &mut scratch.text;
    t.clear();
    if !x.write_shortest(t) {
        return None;
    }
    let mut d = Digits::default();
    parse_rust_decimal(t, &mut d);
    if d.digits.len() > 19 {
        return None;
    }
    let digits = d
        .digits
        .iter()
        .fold(0u64, |v, &c| v * 10 + (c - b'0') as u64);
    Some(Shortest {
        digits,
        exp: d.exp,
        len: d.digits.len() as u32,
    })
}

/// The digits of `|x|` (finite) as `req` asks, with NumPy's Dragon4 results.
///
/// Rust's `{:e}` gives the shortest round-trip digits, closest to the value, with the same
/// inclusive boundaries for even significands as Dragon4; Rust's `{:.N}` and `{:.Ne}` round the
/// exact value with ties to even, as Dragon4 does at a cutoff. The cases are:
/// - shortest digits fit between the minimum and maximum places: they are the answer;
/// - they run past the maximum place: Dragon4 rounds the exact value there, which rounding the
///   shortest digits reproduces except at an apparent tie (see [`round_shortest_at`]);
/// - they stop before the minimum place: Dragon4 extends with exact digits and rounds the last
///   one by its neighbours' margins, which equals exact rounding when both margins are equal.
///
/// Everything else (half floats, unequal margins when extending, the smallest normal whose
/// margins Rust treats as unequal, and values halfway between two shortest candidates, where
/// Rust rounds up and Dragon4 to even) runs the exact [`dragon4`].
pub(crate) fn gen_digits<F: PrintFloat>(
    x: F,
    req: &Request,
    scratch: &mut Scratch,
    out: &mut Digits,
    cached: Option<Shortest>,
) {
    let dec = x.decode();
    if dec.mantissa == 0 {
        out.digits.clear();
        out.digits.push(b'0');
        out.exp = 0;
        return;
    }
    let ax = x.to_f64().abs();
    if req.unique {
        let Some(sh) = cached.or_else(|| shortest(x, scratch)) else {
            return dragon4(&dec, req, out);
        };
        sh.unpack(out);
        let t = &mut scratch.text;
        let k = out.digits.len() as i32;
        let last_place = out.exp - k + 1;
        // When the exact value ends with a 5 one place after the shortest digits, the two
        // shortest candidates may be equally near: Dragon4 then takes the even digit, Rust
        // the larger one.
        let lowest_bit = dec.exponent + dec.mantissa.trailing_zeros() as i32;
        if lowest_bit < 0 && lowest_bit == last_place - 1 {
            return dragon4(&dec, req, out);
        }
        match req.mode {
            CutoffMode::Fraction => {
                if req.max >= 0 && last_place < -req.max {
                    if !round_shortest_at(out, -req.max) {
                        exact_fixed(ax, req.max, t, out);
                    }
                } else if req.min >= 0 && last_place > -req.min {
                    if dec.unequal_margins {
                        return dragon4(&dec, req, out);
                    }
                    exact_fixed(ax, req.min, t, out);
                }
            }
            CutoffMode::Total => {
                if req.max >= 0 && k > req.max {
                    if req.max == 0 {
                        return dragon4(&dec, req, out);
                    }
                    let place = out.exp - req.max + 1;
                    if !round_shortest_at(out, place) {
                        exact_sci(ax, req.max, t, out);
                    }
                } else if req.min >= 1 && k < req.min {
                    if dec.unequal_margins {
                        return dragon4(&dec, req, out);
                    }
                    exact_sci(ax, req.min, t, out);
                }
            }
        }
    } else {
        let t = &mut scratch.text;
        match req.mode {
            CutoffMode::Fraction if req.max >= 0 => exact_fixed(ax, req.max, t, out),
            CutoffMode::Total if req.max >= 1 => exact_sci(ax, req.max, t, out),
            _ => dragon4(&dec, req, out),
        }
    }
}

/// Rounds shortest digits `d` of a value x so the last kept digit sits at `place`, as the exact
/// x would round there. Shortest digits are the nearest among the shortest strings, so no
/// rounding boundary lies between them and x unless the dropped part is exactly one `5`; then
/// x's side of the boundary is unknown and this returns false, leaving `d` unchanged.
fn round_shortest_at(d: &mut Digits, place: i32) -> bool {
    let k = d.digits.len() as i32;
    let keep = d.exp - place + 1;
    if keep >= k {
        return true;
    }
    if keep < 0 {
        d.digits.clear();
        d.normalize();
        return true;
    }
    let dropped = d.digits[keep as usize];
    let more = keep + 1 < k;
    if dropped == b'5' && !more {
        return false;
    }
    let up = dropped > b'5' || (dropped == b'5' && more);
    d.digits.truncate(keep as usize);
    if up {
        loop {
            match d.digits.pop() {
                None => {
                    d.digits.push(b'1');
                    d.exp += 1;
                    break;
                }
                Some(b'9') => {}
                Some(c) => {
                    d.digits.push(c + 1);
                    break;
                }
            }
        }
    }
    d.normalize();
    true
}

/// Exponent field width of the type (the digits fast path is only used for f32 and f64).
fn exp_bits<F: PrintFloat>() -> u32 {
    match std::mem::size_of::<F>() {
        8 => 11,
        4 => 8,
        _ => 5,
    }
}

/// Exact value rounded to `frac` digits after the point.
fn exact_fixed(ax: f64, frac: i32, t: &mut String, out: &mut Digits) {
    t.clear();
    let _ = write!(t, "{:.*}", frac as usize, ax);
    parse_rust_decimal(t, out);
}

/// Exact value rounded to `sig` significant digits.
fn exact_sci(ax: f64, sig: i32, t: &mut String, out: &mut Digits) {
    t.clear();
    let _ = write!(t, "{:.*e}", (sig - 1) as usize, ax);
    parse_rust_decimal(t, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both<F: PrintFloat>(x: F, req: Request) {
        let mut s = Scratch::default();
        let mut fast = Digits::default();
        gen_digits(x, &req, &mut s, &mut fast, None);
        let mut slow = Digits::default();
        dragon4(&x.decode(), &req, &mut slow);
        assert_eq!(fast, slow, "{} {:?}", x.to_f64(), req);
    }

    fn reqs() -> Vec<Request> {
        let mut v = vec![];
        for unique in [true, false] {
            for mode in [CutoffMode::Fraction, CutoffMode::Total] {
                for (max, min) in [(-1, -1), (8, -1), (8, 0), (8, 8), (3, 3), (1, 1), (17, 17)] {
                    if !unique && max < 0 {
                        continue;
                    }
                    v.push(Request {
                        unique,
                        mode,
                        max,
                        min,
                    });
                }
            }
        }
        v
    }

    #[test]
    fn fast_path_agrees_with_dragon4() {
        // A deterministic spread of values: powers of two and ten, their neighbours, and
        // pseudo-random bit patterns.
        let mut vals: Vec<f64> = vec![
            1.0,
            0.1,
            0.5,
            1e23,
            f64::from_bits(1e23f64.to_bits() - 1),
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            1e-10,
            123456789.123,
            0.3,
            2.0f64.powi(-30),
            2.0f64.powi(60),
            1e16,
            4.35,
            0.125,
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..2000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let v = f64::from_bits(state >> 1);
            if v.is_finite() {
                vals.push(v);
            }
            // Moderate magnitudes, where printing cutoffs matter most.
            let m = (state % 1_000_000) as f64 / 1000.0 * 10f64.powi((state % 13) as i32 - 6);
            vals.push(m);
        }
        for e in -40..40 {
            vals.push(2.0f64.powi(e));
            vals.push(10.0f64.powi(e));
        }
        for v in vals {
            for r in reqs() {
                both(v, r);
                if (v as f32).is_finite() {
                    both(v as f32, r);
                }
            }
        }
    }
}
