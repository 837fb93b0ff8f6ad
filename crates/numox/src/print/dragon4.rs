//! Exact float-to-decimal digit generation (Steele & White's Dragon4 with Burger & Dybvig's
//! exponent estimate), following the digit, cutoff and rounding rules NumPy's printing uses:
//! - `unique` mode stops at the shortest digit string that reads back as the same float, or at a
//!   cutoff place, and never before a minimum place;
//! - `exact` mode prints the exact binary value, rounded at the cutoff place;
//! - the last digit is rounded to nearest, ties to an even digit.
//!
//! This is the reference path. [`super::digits`] uses Rust's own shortest and exact formatting
//! where they provably give the same digits, and falls back to this module otherwise.

use super::bigint::Big;
use std::cmp::Ordering;

/// A finite, non-negative float as `mantissa * 2^exponent`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Decoded {
    /// The integer significand (0 for zero).
    pub mantissa: u64,
    /// The binary exponent.
    pub exponent: i32,
    /// Index of the highest set bit of `mantissa`.
    pub mantissa_bit: u32,
    /// True when the gap to the next float below is half the gap above (exact powers of two
    /// above the smallest normal).
    pub unequal_margins: bool,
}

/// Whether cutoffs count all significant digits or digits after the decimal point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CutoffMode {
    /// Count significant digits (scientific notation).
    Total,
    /// Count digits after the decimal point (positional notation).
    Fraction,
}

/// What digits to generate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Request {
    /// Shortest round-trip digits (true) or exact digits (false).
    pub unique: bool,
    /// How `max` and `min` count.
    pub mode: CutoffMode,
    /// At most this many digits (`-1`: no limit).
    pub max: i32,
    /// At least this many digits in unique mode (`-1`: no minimum).
    pub min: i32,
}

/// Decimal digits `d0 d1 d2 ...` (ASCII) meaning `d0.d1d2... * 10^exp`. Trailing zeros are
/// removed, and zero is the single digit `0` with exponent 0.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Digits {
    pub digits: Vec<u8>,
    pub exp: i32,
}

impl Digits {
    /// Drops trailing zeros and normalises an all-zero result to `0e0`.
    pub(crate) fn normalize(&mut self) {
        while self.digits.last() == Some(&b'0') {
            self.digits.pop();
        }
        if self.digits.is_empty() {
            self.digits.push(b'0');
            self.exp = 0;
        }
    }
}

/// Safety bound on generated digits, far above anything printing asks for.
const MAX_DIGITS: i32 = 16384;

const LOG10_2: f64 = std::f64::consts::LOG10_2;

/// Generates the digits of `v` as `req` asks, into `out` (normalised).
pub(crate) fn dragon4(v: &Decoded, req: &Request, out: &mut Digits) {
    out.digits.clear();
    out.exp = 0;
    if v.mantissa == 0 {
        out.digits.push(b'0');
        return;
    }
    let even = v.mantissa & 1 == 0;
    // value = scaled / scale; the margins are half the gaps to the neighbouring floats, scaled
    // the same way. Everything is doubled (quadrupled with unequal margins) to keep integers.
    let extra = if v.unequal_margins { 2 } else { 1 };
    let mut value = Big::from_u64(v.mantissa);
    let (mut scale, mut margin_low);
    if v.exponent > 0 {
        value.shl(v.exponent as u32 + extra);
        scale = Big::from_u64(1 << extra);
        margin_low = Big::pow2(v.exponent as u32);
    } else {
        value.shl(extra);
        scale = Big::pow2((-v.exponent) as u32 + extra);
        margin_low = Big::from_u64(1);
    }
    let high_of = |low: &Big| {
        let mut h = *low;
        if v.unequal_margins {
            h.shl(1);
        }
        h
    };

    // Estimate of floor(log10(value)) + 1, never too high, at most one too low.
    let mut digit_exp =
        (((v.mantissa_bit as i32 + v.exponent) as f64) * LOG10_2 - 0.69).ceil() as i32;
    if req.max >= 0 && req.mode == CutoffMode::Fraction && digit_exp <= -req.max {
        // The value is below the last wanted place: start there so it rounds correctly.
        digit_exp = -req.max + 1;
    }
    if digit_exp > 0 {
        scale.mul_pow10(digit_exp as u32);
    } else if digit_exp < 0 {
        value.mul_pow10((-digit_exp) as u32);
        margin_low.mul_pow10((-digit_exp) as u32);
    }
    if value.cmp(&scale) != Ordering::Less {
        digit_exp += 1;
    } else {
        value.mul_small(10);
        margin_low.mul_small(10);
    }
    let mut margin_high = high_of(&margin_low);

    let mut cutoff_max = digit_exp - MAX_DIGITS;
    if req.max >= 0 {
        let want = match req.mode {
            CutoffMode::Total => digit_exp - req.max,
            CutoffMode::Fraction => -req.max,
        };
        cutoff_max = cutoff_max.max(want);
    }
    let mut cutoff_min = digit_exp;
    if req.min >= 0 {
        let want = match req.mode {
            CutoffMode::Total => digit_exp - req.min,
            CutoffMode::Fraction => -req.min,
        };
        cutoff_min = cutoff_min.min(want);
    }
    out.exp = digit_exp - 1;

    let (mut low, mut high) = (false, false);
    let mut digit;
    if req.unique {
        loop {
            digit_exp -= 1;
            digit = value.div_rem_digit(&scale);
            let value_high = value.add(&margin_high);
            let c_low = value.cmp(&margin_low);
            let c_high = value_high.cmp(&scale);
            low = if even {
                c_low != Ordering::Greater
            } else {
                c_low == Ordering::Less
            };
            high = if even {
                c_high != Ordering::Less
            } else {
                c_high == Ordering::Greater
            };
            if ((low || high) && digit_exp <= cutoff_min) || digit_exp <= cutoff_max {
                break;
            }
            out.digits.push(b'0' + digit as u8);
            value.mul_small(10);
            // Once the low margin reaches the scale, both roundings stay in range for every
            // later digit; the margins need not grow further (this bounds the integers).
            if margin_low.cmp(&scale) == Ordering::Less {
                margin_low.mul_small(10);
                margin_high = high_of(&margin_low);
            }
        }
    } else {
        loop {
            digit_exp -= 1;
            digit = value.div_rem_digit(&scale);
            if value.is_zero() || digit_exp <= cutoff_max {
                break;
            }
            out.digits.push(b'0' + digit as u8);
            value.mul_small(10);
        }
    }

    // Round the last digit: down when only rounding down stays in range, up when only rounding
    // up does, otherwise to the nearer neighbour with ties to even.
    let mut round_down = low;
    if low == high {
        value.shl(1);
        round_down = match value.cmp(&scale) {
            Ordering::Less => true,
            Ordering::Greater => false,
            Ordering::Equal => digit & 1 == 0,
        };
    }
    if round_down {
        out.digits.push(b'0' + digit as u8);
    } else if digit < 9 {
        out.digits.push(b'0' + digit as u8 + 1);
    } else {
        loop {
            match out.digits.pop() {
                None => {
                    out.digits.push(b'1');
                    out.exp += 1;
                    break;
                }
                Some(b'9') => {}
                Some(d) => {
                    out.digits.push(d + 1);
                    break;
                }
            }
        }
    }
    out.normalize();
}
