//! The bitwise ufuncs: `bitwise_and`, `bitwise_or`, `bitwise_xor`, `left_shift`, `right_shift`
//! and `invert` (`bitwise_not`), on booleans and integers only, as in NumPy.
//!
//! Operands promote as for arithmetic (NEP 50): `int8 & uint8` is int16, and `int64 & uint64`
//! promotes to float64, which has no bitwise loop, so it is NumPy's "not supported" error, as is
//! any float or complex operand. Booleans stay boolean for `& | ^ ~` and shift as int8.

use super::define::{binary_ufuncs, no_loop, unary_ufuncs, BinaryOp, UnaryOp};
use super::engine::{binary_into, unary_into};
use crate::array::Array;
use crate::dtype::DType;
use crate::error::Result;
use crate::kernels::bits::{dispatch_bitwise, Bitwise};

/// The binary bitwise operations.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Bit {
    And,
    Or,
    Xor,
    LeftShift,
    RightShift,
}

impl BinaryOp for Bit {
    fn name(self) -> &'static str {
        match self {
            Bit::And => "bitwise_and",
            Bit::Or => "bitwise_or",
            Bit::Xor => "bitwise_xor",
            Bit::LeftShift => "left_shift",
            Bit::RightShift => "right_shift",
        }
    }

    fn resolve(self, dt: DType) -> Result<(DType, DType)> {
        match dt {
            // NumPy has no boolean shift loops: booleans shift as int8.
            DType::Bool if matches!(self, Bit::LeftShift | Bit::RightShift) => {
                Ok((DType::Int8, DType::Int8))
            }
            d if d == DType::Bool || d.is_integer() => Ok((d, d)),
            _ => Err(no_loop(self.name())),
        }
    }

    fn run(self, a: &Array, b: &Array, out: &mut Array) -> Result<()> {
        let dt = a.dtype();
        dispatch_bitwise!(dt, T => match self {
            Bit::And => binary_into::<T, T>(a, b, out, |x, y| x.and(y)),
            Bit::Or => binary_into::<T, T>(a, b, out, |x, y| x.or(y)),
            Bit::Xor => binary_into::<T, T>(a, b, out, |x, y| x.xor(y)),
            Bit::LeftShift => binary_into::<T, T>(a, b, out, |x, y| x.shl(y)),
            Bit::RightShift => binary_into::<T, T>(a, b, out, |x, y| x.shr(y)),
        }, else _ => Err(no_loop(self.name())))
    }
}

binary_ufuncs! {
    Bit, "1, 2", Int64;
    /// `np.bitwise_and` (`&`) on booleans and integers.
    ///
    /// ```
    /// use numox::{array, DType};
    /// let r = numox::bitwise_and(&array![12u8, 255], 10).unwrap();
    /// assert_eq!(r.to_vec::<u8>().unwrap(), vec![8, 10]);
    /// let b = numox::bitwise_and(&array![true, true], &array![true, false]).unwrap();
    /// assert_eq!(b.to_vec::<bool>().unwrap(), vec![true, false]);
    /// // int8 & uint8 promotes to int16; floats have no loop
    /// let m = numox::Array::from_vec(vec![1u8]);
    /// assert_eq!(numox::bitwise_and(&array![1i8], &m).unwrap().dtype(), DType::Int16);
    /// assert!(numox::bitwise_and(&array![1.0], 1).is_err());
    /// ```
    bitwise_and, bitwise_and_out => And, op "a & b";
    /// `np.bitwise_or` (`|`) on booleans and integers.
    ///
    /// ```
    /// let a = numox::Array::from_vec(vec![12i32, -16]);
    /// let r = numox::bitwise_or(&a, 3).unwrap();
    /// assert_eq!(r.to_vec::<i32>().unwrap(), vec![15, -13]);
    /// ```
    bitwise_or, bitwise_or_out => Or, op "a | b";
    /// `np.bitwise_xor` (`^`) on booleans and integers.
    ///
    /// ```
    /// let r = numox::bitwise_xor(&numox::array![12i64, -1], 10).unwrap();
    /// assert_eq!(r.to_vec::<i64>().unwrap(), vec![6, -11]);
    /// ```
    bitwise_xor, bitwise_xor_out => Xor, op "a ^ b";
    /// `np.left_shift` (`<<`): shifting by the bit width or more (or by a negative count) gives
    /// 0; booleans shift as int8.
    ///
    /// ```
    /// let r = numox::left_shift(&numox::array![1i8, 1, -1], &numox::array![7i8, 8, 3]).unwrap();
    /// assert_eq!(r.to_vec::<i8>().unwrap(), vec![-128, 0, -8]);
    /// ```
    left_shift, left_shift_out => LeftShift, op "a << b";
    /// `np.right_shift` (`>>`), arithmetic for signed integers: shifting by the bit width or more
    /// (or by a negative count) gives 0, or -1 for a negative number.
    ///
    /// ```
    /// let r = numox::right_shift(&numox::array![-128i8, 64, 64], &numox::array![9i8, 2, -1])
    ///     .unwrap();
    /// assert_eq!(r.to_vec::<i8>().unwrap(), vec![-1, 16, 0]);
    /// ```
    right_shift, right_shift_out => RightShift, op "a >> b";
}

/// The unary bitwise operation.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum BitUn {
    Invert,
}

impl UnaryOp for BitUn {
    fn name(self) -> &'static str {
        "invert"
    }

    fn resolve(self, dt: DType) -> Result<(DType, DType)> {
        if dt == DType::Bool || dt.is_integer() {
            Ok((dt, dt))
        } else {
            Err(no_loop(self.name()))
        }
    }

    fn run(self, a: &Array, out: &mut Array) -> Result<()> {
        let dt = a.dtype();
        dispatch_bitwise!(dt, T => unary_into::<T, T>(a, out, |x| x.not()),
            else _ => Err(no_loop(self.name())))
    }
}

unary_ufuncs! {
    BitUn, "1, 4", Int64;
    /// `np.invert` (`~`, and `!` in Rust): bitwise not of integers, logical not of booleans.
    ///
    /// ```
    /// let r = numox::invert(&numox::array![0u8, 5]).unwrap();
    /// assert_eq!(r.to_vec::<u8>().unwrap(), vec![255, 250]);
    /// let b = numox::invert(&numox::array![true, false]).unwrap();
    /// assert_eq!(b.to_vec::<bool>().unwrap(), vec![false, true]);
    /// assert!(numox::invert(&numox::array![1.0]).is_err());
    /// ```
    invert, invert_out => Invert, op "!a";
    /// `np.bitwise_not`, the same ufunc as [`invert`].
    ///
    /// ```
    /// let r = numox::bitwise_not(&numox::array![0i16, -1]).unwrap();
    /// assert_eq!(r.to_vec::<i16>().unwrap(), vec![-1, 0]);
    /// ```
    bitwise_not, bitwise_not_out => Invert, op "!a";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{array, Array};

    const NO_LOOP: &str = "not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''";

    #[test]
    fn promotion_and_result_dtypes() {
        let i8a = Array::from_vec(vec![1i8, -2]);
        let u8a = Array::from_vec(vec![3u8, 4]);
        let b = array![true, false];
        assert_eq!(bitwise_and(&i8a, &u8a).unwrap().dtype(), DType::Int16);
        assert_eq!(bitwise_or(&b, &u8a).unwrap().dtype(), DType::UInt8);
        assert_eq!(bitwise_xor(&b, true).unwrap().dtype(), DType::Bool);
        // np.bitwise_and(bool_array, 1) is int64 (a Python int raises the bool array's kind)
        assert_eq!(bitwise_and(&b, 1).unwrap().dtype(), DType::Int64);
        // np.left_shift(bool, bool) is int8: [True] << [True] == [2]
        let r = left_shift(&b, &b).unwrap();
        assert_eq!(r.dtype(), DType::Int8);
        assert_eq!(r.to_vec::<i8>().unwrap(), vec![2, 0]);
        // a weak Python int takes the array's dtype: np.left_shift(2, int8([1])) is int8 [4]
        let r = left_shift(2, Array::from_vec(vec![1i8])).unwrap();
        assert_eq!(r.dtype(), DType::Int8);
        assert_eq!(r.to_vec::<i8>().unwrap(), vec![4]);
    }

    #[test]
    fn errors_match_numpy() {
        let e = bitwise_and(array![1.0], array![1.0]).unwrap_err();
        assert_eq!(e.to_string(), format!("ufunc 'bitwise_and' {NO_LOOP}"));
        let i = Array::from_vec(vec![1i64]);
        let u = Array::from_vec(vec![1u64]);
        let e = left_shift(&u, &i).unwrap_err();
        assert_eq!(e.to_string(), format!("ufunc 'left_shift' {NO_LOOP}"));
        let e = right_shift(array![num_complex::Complex64::new(1.0, 0.0)], 1).unwrap_err();
        assert_eq!(e.to_string(), format!("ufunc 'right_shift' {NO_LOOP}"));
        let e = invert(array![1.5f32]).unwrap_err();
        assert_eq!(e.to_string(), format!("ufunc 'invert' {NO_LOOP}"));
        let e = bitwise_or(Array::from_vec(vec![3i8]), 1.0).unwrap_err();
        assert_eq!(e.to_string(), format!("ufunc 'bitwise_or' {NO_LOOP}"));
        let e = bitwise_and(Array::from_vec(vec![3i8]), 300).unwrap_err();
        assert_eq!(e.to_string(), "Python integer 300 out of bounds for int8");
        let e = bitwise_and(Array::from_vec(vec![5u8]), -1).unwrap_err();
        assert_eq!(e.to_string(), "Python integer -1 out of bounds for uint8");
    }

    #[test]
    fn strided_broadcast_and_out() {
        let a = Array::from_shape_vec(&[2, 3], vec![1u16, 2, 4, 8, 16, 32]).unwrap();
        let col = Array::from_shape_vec(&[2, 1], vec![1u16, 2]).unwrap();
        let r = left_shift(a.t(), Array::from_vec(vec![1u16, 0])).unwrap();
        assert_eq!(r.to_vec::<u16>().unwrap(), vec![2, 8, 4, 16, 8, 32]);
        let r = right_shift(a.slice_axis(1, None, None, -1).unwrap(), &col).unwrap();
        assert_eq!(r.to_vec::<u16>().unwrap(), vec![2, 1, 0, 8, 4, 2]);
        let mut out = Array::zeros(&[2, 3], DType::Int64).unwrap();
        bitwise_xor_out(&a, 1, &mut out).unwrap();
        assert_eq!(out.to_vec::<i64>().unwrap(), vec![0, 3, 5, 9, 17, 33]);
        let r = invert(Array::zeros(&[0, 2], DType::Int32).unwrap()).unwrap();
        assert_eq!(r.shape(), &[0, 2]);
        let r = bitwise_not(Array::scalar(-1i64)).unwrap();
        assert_eq!(r.shape(), &[] as &[usize]);
        assert_eq!(r.item_as::<i64>().unwrap(), 0);
    }
}
