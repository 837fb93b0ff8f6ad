//! `& | ^ << >>` and `!` on arrays and scalars (NumPy's `& | ^ << >> ~`), returning
//! `Result<Array>` like the arithmetic operators: a float operand is NumPy's "not supported"
//! error, never a panic.
//!
//! ```
//! use numox::array;
//! let a = numox::Array::from_vec(vec![12u8, 5]);
//! assert_eq!((&a & 10).unwrap().to_vec::<u8>().unwrap(), vec![8, 0]);
//! assert_eq!((&a | &a).unwrap().to_vec::<u8>().unwrap(), vec![12, 5]);
//! assert_eq!((3 ^ &a).unwrap().to_vec::<u8>().unwrap(), vec![15, 6]);
//! assert_eq!((&a << 1).unwrap().to_vec::<u8>().unwrap(), vec![24, 10]);
//! assert_eq!((&a >> 2).unwrap().to_vec::<u8>().unwrap(), vec![3, 1]);
//! assert_eq!((!&a).unwrap().to_vec::<u8>().unwrap(), vec![243, 250]);
//! let m = array![true, false];
//! assert_eq!((!m).unwrap().to_vec::<bool>().unwrap(), vec![false, true]);
//! assert!((&array![1.0] & 1).is_err());
//! ```

use super::bitwise::{bitwise_and, bitwise_or, bitwise_xor, invert, left_shift, right_shift};
use super::operators::binary_operator;
use crate::array::Array;
use crate::error::Result;
use std::ops::{BitAnd, BitOr, BitXor, Not, Shl, Shr};

binary_operator! {
    BitAnd, bitand, bitwise_and;
    BitOr, bitor, bitwise_or;
    BitXor, bitxor, bitwise_xor;
    Shl, shl, left_shift;
    Shr, shr, right_shift;
}

impl Not for &Array {
    type Output = Result<Array>;
    /// `!a` (NumPy's `~a`, `np.invert`).
    ///
    /// ```
    /// let a = numox::array![0i64, -1];
    /// assert_eq!((!&a).unwrap().to_vec::<i64>().unwrap(), vec![-1, 0]);
    /// ```
    fn not(self) -> Result<Array> {
        invert(self)
    }
}

impl Not for Array {
    type Output = Result<Array>;
    /// `!a` on an owned array (its buffer is reused when nobody else holds it).
    ///
    /// ```
    /// let a = numox::array![true, false];
    /// assert_eq!((!a).unwrap().to_vec::<bool>().unwrap(), vec![false, true]);
    /// ```
    fn not(self) -> Result<Array> {
        invert(self)
    }
}

#[cfg(test)]
mod tests {
    use crate::{array, Array, DType};

    #[test]
    fn chained_bit_expressions() {
        let a = Array::from_vec(vec![1i32, 2, 3]);
        let b = Array::from_vec(vec![4i32, 4, 4]);
        let r = ((&a << 2) | &b).unwrap();
        assert_eq!(r.to_vec::<i32>().unwrap(), vec![4, 12, 12]);
        let r = (&a & (&b >> 1)).unwrap();
        assert_eq!(r.to_vec::<i32>().unwrap(), vec![0, 2, 2]);
        let m = (array![true, false] ^ true).unwrap();
        assert_eq!(m.dtype(), DType::Bool);
        assert_eq!(m.to_vec::<bool>().unwrap(), vec![false, true]);
        assert!((&a << 1.5).is_err());
        assert!((!array![1.0f32]).is_err());
        assert!((&a & &array![1, 2]).is_err()); // shapes (3,) and (2,) do not broadcast
    }
}
