//! NumPy's sort order for every element type: `<` with NaN last (complex numbers compared
//! lexicographically, NaN parts last), and for the real types an order-preserving `u64` key that
//! the radix sort works on.

use crate::dtype::Element;
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};
use std::cmp::Ordering;

/// An element type with NumPy's sort order.
pub(crate) trait SortElem: Element {
    /// True when the radix keys below are meaningful (every real type; not complex).
    const RADIX: bool;
    /// True for the floating types (which have NaN and signed zeros).
    const FLOAT: bool = false;
    /// NumPy's `a < b` for sorting: NaN sorts after every number.
    fn less(a: Self, b: Self) -> bool;
    /// True for NaN (for complex numbers, a NaN in either part).
    fn is_nan(self) -> bool;
    /// A key whose unsigned order is NumPy's order, equal for elements NumPy calls equal
    /// (-0.0 and 0.0, every NaN), NaN above every number.
    fn key(self) -> u64;
    /// A key in NumPy's order, one per distinct bit pattern (-0.0 sorts just below 0.0).
    /// Meaningful for non-NaN values.
    fn raw(self) -> u64;
    /// True for a floating zero of either sign.
    fn is_zero(self) -> bool;
    /// The element whose `raw` key is `k` (the inverse of `raw`).
    fn from_raw(k: u64) -> Self;

    /// The total order that `lt` describes.
    #[inline(always)]
    fn cmp_np(a: Self, b: Self) -> Ordering {
        if Self::RADIX {
            a.key().cmp(&b.key())
        } else if Self::less(a, b) {
            Ordering::Less
        } else if Self::less(b, a) {
            Ordering::Greater
        } else {
            Ordering::Equal
        }
    }
}

macro_rules! int_order {
    ($($t:ty => $flip:expr),*) => {$(
        impl SortElem for $t {
            const RADIX: bool = true;
            #[inline(always)]
            fn less(a: Self, b: Self) -> bool { a < b }
            #[inline(always)]
            fn is_nan(self) -> bool { false }
            #[inline(always)]
            fn key(self) -> u64 { (self as i64 as u64) ^ $flip }
            #[inline(always)]
            fn raw(self) -> u64 { self.key() }
            #[inline(always)]
            fn is_zero(self) -> bool { false }
            #[inline(always)]
            fn from_raw(k: u64) -> Self { (k ^ $flip) as $t }
        }
    )*};
}

// Signed integers flip the sign bit of their 64-bit extension; unsigned ones are their key.
int_order!(
    i8 => 1 << 63, i16 => 1 << 63, i32 => 1 << 63, i64 => 1 << 63,
    u8 => 0, u16 => 0, u32 => 0, u64 => 0
);

impl SortElem for bool {
    const RADIX: bool = true;
    #[inline(always)]
    fn less(a: Self, b: Self) -> bool {
        !a & b
    }
    #[inline(always)]
    fn is_nan(self) -> bool {
        false
    }
    #[inline(always)]
    fn key(self) -> u64 {
        self as u64
    }
    #[inline(always)]
    fn raw(self) -> u64 {
        self as u64
    }
    #[inline(always)]
    fn is_zero(self) -> bool {
        false
    }
    #[inline(always)]
    fn from_raw(k: u64) -> Self {
        k != 0
    }
}

/// The IEEE trick: negative values have every bit flipped, positive ones the sign bit set, so
/// the unsigned order of the bits is the numeric order.
macro_rules! float_order {
    ($($t:ty: $bits:ty, $to:expr, $from:expr);*) => {$(
        impl SortElem for $t {
            const RADIX: bool = true;
            const FLOAT: bool = true;
            #[inline(always)]
            fn less(a: Self, b: Self) -> bool { a < b || (b != b && a == a) }
            #[inline(always)]
            fn is_nan(self) -> bool { self != self }
            #[inline(always)]
            fn key(self) -> u64 {
                if self != self {
                    u64::MAX
                } else if self == <$t>::default() {
                    // Both zeros take +0.0's key.
                    (1 as $bits).rotate_right(1) as u64
                } else {
                    self.raw()
                }
            }
            #[inline(always)]
            fn raw(self) -> u64 {
                let b: $bits = $to(self);
                let sign = (1 as $bits).rotate_right(1);
                (if b & sign != 0 { !b } else { b | sign }) as u64
            }
            #[inline(always)]
            fn is_zero(self) -> bool { self == <$t>::default() }
            #[inline(always)]
            fn from_raw(k: u64) -> Self {
                let k = k as $bits;
                let sign = (1 as $bits).rotate_right(1);
                $from(if k & sign != 0 { k ^ sign } else { !k })
            }
        }
    )*};
}

float_order!(
    f64: u64, f64::to_bits, f64::from_bits;
    f32: u32, f32::to_bits, f32::from_bits;
    f16: u16, f16::to_bits, f16::from_bits;
    bf16: u16, bf16::to_bits, bf16::from_bits
);

/// NumPy's complex `<` (npysort's CFLOAT_LT): real parts first, then imaginary parts, and the
/// NaN cases ordered `[R + Rj, R + nanj, nan + Rj, nan + nanj]`.
macro_rules! complex_order {
    ($($t:ty),*) => {$(
        impl SortElem for $t {
            const RADIX: bool = false;
            #[allow(clippy::eq_op)]
            #[inline(always)]
            fn less(a: Self, b: Self) -> bool {
                if a.re < b.re {
                    a.im == a.im || b.im != b.im
                } else if a.re > b.re {
                    b.im != b.im && a.im == a.im
                } else if a.re == b.re || (a.re != a.re && b.re != b.re) {
                    a.im < b.im || (b.im != b.im && a.im == a.im)
                } else {
                    b.re != b.re
                }
            }
            #[inline(always)]
            fn is_nan(self) -> bool { self.re.is_nan() || self.im.is_nan() }
            fn key(self) -> u64 { 0 }
            fn raw(self) -> u64 { 0 }
            #[inline(always)]
            fn is_zero(self) -> bool { false }
            fn from_raw(_: u64) -> Self { Self::default() }
        }
    )*};
}

complex_order!(Complex32, Complex64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_keys_order_numbers_and_put_nan_last() {
        let v = [
            f64::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            1e-300,
            3.0,
            f64::INFINITY,
            f64::NAN,
        ];
        for w in v.windows(2) {
            assert!(w[0].key() <= w[1].key(), "{w:?}");
            assert!(w[0].raw() < w[1].raw() || w[1].is_nan(), "{w:?}");
        }
        assert_eq!((-0.0f64).key(), 0.0f64.key());
        assert_eq!((-f64::NAN).key(), u64::MAX);
        assert!(f16::from_f32(-1.5).raw() < f16::from_f32(-1.0).raw());
        assert!(bf16::from_f32(-0.0).raw() < bf16::from_f32(0.0).raw());
        assert!((-128i8).key() < 127i8.key());
        for x in [-2.5f64, -0.0, 0.0, 1e-300, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(f64::from_raw(x.raw()).to_bits(), x.to_bits());
        }
        assert_eq!(f32::from_raw((-1.5f32).raw()), -1.5);
        assert_eq!(i64::from_raw(i64::MIN.raw()), i64::MIN);
        assert_eq!(i8::from_raw((-7i8).raw()), -7);
        assert_eq!(u64::from_raw(u64::MAX.raw()), u64::MAX);
    }

    #[test]
    fn complex_nan_order() {
        let n = f64::NAN;
        let v = [
            Complex64::new(1.0, 2.0),
            Complex64::new(1.0, n),
            Complex64::new(n, 0.0),
            Complex64::new(n, n),
        ];
        for i in 0..4 {
            for j in 0..4 {
                assert_eq!(SortElem::less(v[i], v[j]), i < j, "{i} {j}");
            }
        }
    }
}
