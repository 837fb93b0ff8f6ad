//! Per-element bitwise operations on booleans and integers, with NumPy's shift rules: a shift by
//! the bit width or more (or by a negative amount, read as a huge unsigned count) gives 0, or -1
//! for a right shift of a negative number.
//!
//! Booleans have no shift loops in NumPy (they shift as int8): the ufunc layer resolves them
//! before any kernel runs, so the bodies given for them here are never reached.

use crate::dtype::Element;

/// Bitwise operations on one dtype (bool or an integer).
pub(crate) trait Bitwise: Element {
    fn and(self, o: Self) -> Self;
    fn or(self, o: Self) -> Self;
    fn xor(self, o: Self) -> Self;
    /// `~x` (logical not for bool).
    fn not(self) -> Self;
    /// `x << n`, 0 when `n` is not below the bit width.
    fn shl(self, n: Self) -> Self;
    /// `x >> n` (arithmetic for signed types); past the bit width 0, or -1 for negative `x`.
    fn shr(self, n: Self) -> Self;
}

macro_rules! int_bitwise {
    ($($t:ty),*) => {$(
        impl Bitwise for $t {
            #[inline(always)] fn and(self, o: Self) -> Self { self & o }
            #[inline(always)] fn or(self, o: Self) -> Self { self | o }
            #[inline(always)] fn xor(self, o: Self) -> Self { self ^ o }
            #[inline(always)] fn not(self) -> Self { !self }
            #[inline(always)]
            fn shl(self, n: Self) -> Self {
                // A negative count sign-extends to a huge unsigned one, as C's `(size_t)n`.
                if (n as u64) < <$t>::BITS as u64 { self.wrapping_shl(n as u32) } else { 0 }
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn shr(self, n: Self) -> Self {
                if (n as u64) < <$t>::BITS as u64 {
                    self.wrapping_shr(n as u32)
                } else if self < 0 {
                    // Only reached for signed types: `!0` is -1 there.
                    !0
                } else {
                    0
                }
            }
        }
    )*};
}
int_bitwise!(i8, i16, i32, i64, u8, u16, u32, u64);

impl Bitwise for bool {
    #[inline(always)]
    fn and(self, o: Self) -> Self {
        self & o
    }
    #[inline(always)]
    fn or(self, o: Self) -> Self {
        self | o
    }
    #[inline(always)]
    fn xor(self, o: Self) -> Self {
        self ^ o
    }
    #[inline(always)]
    fn not(self) -> Self {
        !self
    }
    /// Not reached: booleans shift as int8.
    #[inline(always)]
    fn shl(self, _n: Self) -> Self {
        self
    }
    /// Not reached: booleans shift as int8.
    #[inline(always)]
    fn shr(self, _n: Self) -> Self {
        self
    }
}

/// Like [`crate::dispatch_dtype!`] for bool and the integer dtypes (the ones with bitwise loops);
/// other dtypes take the `else` arm.
macro_rules! dispatch_bitwise {
    ($dt:expr, $T:ident => $body:expr, else $other:pat => $fallback:expr) => {
        $crate::__dispatch_arms!($dt, $T => $body;
            Bool: bool, Int8: i8, Int16: i16, Int32: i32, Int64: i64,
            UInt8: u8, UInt16: u16, UInt32: u32, UInt64: u64;
            else $other => $fallback)
    };
}
pub(crate) use dispatch_bitwise;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_follow_numpy_past_the_bit_width() {
        // np.left_shift(int8([1, 1, 1, -1]), [7, 8, 100, 3]) -> [-128, 0, 0, -8]
        assert_eq!(1i8.shl(7), -128);
        assert_eq!(1i8.shl(8), 0);
        assert_eq!(1i8.shl(100), 0);
        assert_eq!((-1i8).shl(3), -8);
        assert_eq!(1i8.shl(-1), 0);
        // np.right_shift(int8([-128, -1, 64, 5]), [7, 8, 100, -1]) -> [-1, -1, 0, 0]
        assert_eq!((-128i8).shr(7), -1);
        assert_eq!((-1i8).shr(8), -1);
        assert_eq!(64i8.shr(100), 0);
        assert_eq!(5i8.shr(-1), 0);
        assert_eq!(200u8.shr(8), 0);
        assert_eq!(200u8.shr(7), 1);
        assert_eq!(u64::MAX.shl(63), 1 << 63);
        assert_eq!(i64::MIN.shr(63), -1);
    }

    #[test]
    fn logic_on_bools_and_ints() {
        assert!(true.xor(false) && !true.not());
        assert_eq!(0u8.not(), 255);
        assert_eq!(12i32.and(10), 8);
        assert_eq!(12i32.or(10), 14);
        assert_eq!(12i32.xor(10), 6);
    }
}
