//! In-place compound assignment: NumPy's `a += b`, `a -= b`, `a *= b`, `a /= b`, `a //= b`,
//! `a %= b`, `a **= b`, `a &= b`, `a |= b`, `a ^= b`, `a <<= b`, `a >>= b` as methods that return
//! `Result` (`iadd` … `irshift`; the `+=` … `>>=` operators on a `Result<Array>` call them, see
//! `assign_ops.rs`). The result is written into `a`'s own buffer without a
//! temporary; `b` broadcasts to `a`'s shape and the result is cast to `a`'s dtype under
//! `same_kind`, so `int_array.idiv(2)` is an error as in NumPy.

use super::arith::Ar;
use super::bitwise::Bit;
use super::define::call_binary_inplace;
use super::functions::Bin;
use super::operand::Operand;
use crate::array::Array;
use crate::error::Result;

macro_rules! inplace_methods {
    ($($(#[$doc:meta])* $name:ident => $Op:ident::$variant:ident;)*) => {
        impl Array {$(
            $(#[$doc])*
            pub fn $name<'a>(&mut self, b: impl Into<Operand<'a>>) -> Result<()> {
                call_binary_inplace($Op::$variant, self, b.into())
            }
        )*}
    };
}

inplace_methods! {
    /// `a += b` (`np.add(a, b, out=a)`), in place.
    ///
    /// ```
    /// let mut a = numox::array![[1.0, 2.0], [3.0, 4.0]];
    /// a.iadd(&numox::array![10.0, 20.0]).unwrap(); // broadcast along rows
    /// assert_eq!(a.to_vec::<f64>().unwrap(), vec![11.0, 22.0, 13.0, 24.0]);
    /// let mut i = numox::array![1, 2];
    /// assert!(i.iadd(0.5).is_err()); // float64 result cannot be stored in int64 (same_kind)
    /// ```
    iadd => Bin::Add;
    /// `a -= b`, in place.
    ///
    /// ```
    /// let mut a = numox::array![5u8, 6];
    /// a.isub(1).unwrap();
    /// assert_eq!(a.to_vec::<u8>().unwrap(), vec![4, 5]);
    /// ```
    isub => Bin::Subtract;
    /// `a *= b`, in place.
    ///
    /// ```
    /// let mut a = numox::array![1.5f32, 2.0];
    /// a.imul(2.0).unwrap();
    /// assert_eq!(a.to_vec::<f32>().unwrap(), vec![3.0, 4.0]);
    /// ```
    imul => Bin::Multiply;
    /// `a /= b` (true division), in place; an integer array is an error, as in NumPy.
    ///
    /// ```
    /// let mut a = numox::array![1.0, 3.0];
    /// a.idiv(2).unwrap();
    /// assert_eq!(a.to_vec::<f64>().unwrap(), vec![0.5, 1.5]);
    /// assert!(numox::array![1, 2].idiv(2).is_err());
    /// ```
    idiv => Bin::Divide;
    /// `a //= b` (`np.floor_divide(a, b, out=a)`), in place; the result is cast to `a`'s dtype
    /// under `same_kind`.
    ///
    /// ```
    /// let mut a = numox::array![7, -7];
    /// a.ifloordiv(2).unwrap();
    /// assert_eq!(a.to_vec::<i64>().unwrap(), vec![3, -4]);
    /// assert!(a.ifloordiv(1.5).is_err()); // a float64 result cannot go into int64
    /// ```
    ifloordiv => Ar::FloorDivide;
    /// `a %= b` (`np.remainder(a, b, out=a)`), in place.
    ///
    /// ```
    /// let mut a = numox::array![7.5f32, -7.5];
    /// a.irem(2.0).unwrap();
    /// assert_eq!(a.to_vec::<f32>().unwrap(), vec![1.5, 0.5]);
    /// ```
    irem => Ar::Remainder;
    /// `a **= b` (`np.power(a, b, out=a)`), in place.
    ///
    /// ```
    /// let mut a = numox::array![2u8, 3];
    /// a.ipow(3).unwrap();
    /// assert_eq!(a.to_vec::<u8>().unwrap(), vec![8, 27]);
    /// ```
    ipow => Ar::Power;
    /// `a &= b` (`np.bitwise_and(a, b, out=a)`), in place; booleans and integers only.
    ///
    /// ```
    /// let mut a = numox::array![12u8, 7];
    /// a.iand(10).unwrap();
    /// assert_eq!(a.to_vec::<u8>().unwrap(), vec![8, 2]);
    /// assert!(numox::array![1.0].iand(1).is_err());
    /// ```
    iand => Bit::And;
    /// `a |= b` (`np.bitwise_or(a, b, out=a)`), in place.
    ///
    /// ```
    /// let mut a = numox::array![true, false];
    /// a.ior(&numox::array![false, false]).unwrap();
    /// assert_eq!(a.to_vec::<bool>().unwrap(), vec![true, false]);
    /// ```
    ior => Bit::Or;
    /// `a ^= b` (`np.bitwise_xor(a, b, out=a)`), in place.
    ///
    /// ```
    /// let mut a = numox::Array::from_vec(vec![12i32, -1]);
    /// a.ixor(10).unwrap();
    /// assert_eq!(a.to_vec::<i32>().unwrap(), vec![6, -11]);
    /// ```
    ixor => Bit::Xor;
    /// `a <<= b` (`np.left_shift(a, b, out=a)`), in place.
    ///
    /// ```
    /// let mut a = numox::array![1i8, 3];
    /// a.ilshift(2).unwrap();
    /// assert_eq!(a.to_vec::<i8>().unwrap(), vec![4, 12]);
    /// ```
    ilshift => Bit::LeftShift;
    /// `a >>= b` (`np.right_shift(a, b, out=a)`), in place.
    ///
    /// ```
    /// let mut a = numox::array![-16i64, 16];
    /// a.irshift(2).unwrap();
    /// assert_eq!(a.to_vec::<i64>().unwrap(), vec![-4, 4]);
    /// ```
    irshift => Bit::RightShift;
}

#[cfg(test)]
mod tests {
    use crate::{array, DType};

    #[test]
    fn inplace_keeps_the_buffer_and_copies_shared_ones() {
        let mut a = array![1.0, 2.0, 3.0];
        let p = a.as_slice::<f64>().unwrap().as_ptr();
        a.iadd(1.0).unwrap();
        assert_eq!(a.as_slice::<f64>().unwrap().as_ptr(), p);
        assert_eq!(a.to_vec::<f64>().unwrap(), vec![2.0, 3.0, 4.0]);
        let b = a.clone();
        a.imul(2.0).unwrap(); // copy-on-write: `b` keeps its values
        assert_eq!(b.to_vec::<f64>().unwrap(), vec![2.0, 3.0, 4.0]);
        assert_eq!(a.to_vec::<f64>().unwrap(), vec![4.0, 6.0, 8.0]);
    }

    #[test]
    fn inplace_casts_and_checks_shapes() {
        let mut a = crate::Array::from_vec(vec![1i32, 2]);
        a.iadd(array![1i8, 1]).unwrap();
        assert_eq!(a.dtype(), DType::Int32);
        let mut f = array![1.0f32, 2.0];
        f.iadd(array![0.5f64, 0.5]).unwrap(); // float64 result cast back to float32
        assert_eq!(f.to_vec::<f32>().unwrap(), vec![1.5, 2.5]);
        let mut s = array![1.0, 2.0];
        let e = s.iadd(array![[1.0, 2.0], [3.0, 4.0]]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "non-broadcastable output operand with shape (2,) doesn't match the broadcast shape (2,2)"
        );
        let e = array![1, 2].iadd(1.5).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'"
        );
    }

    #[test]
    fn inplace_on_a_transposed_array_and_large_sizes() {
        let mut a = crate::arange(0, 6, 1)
            .unwrap()
            .reshape(&[2, 3])
            .unwrap()
            .t();
        a.iadd(array![100, 200]).unwrap();
        assert_eq!(
            a.to_vec::<i64>().unwrap(),
            vec![100, 203, 101, 204, 102, 205]
        );
        let mut big = crate::ones([200_000]).unwrap();
        big.iadd(big.clone()).unwrap();
        assert!(big.to_vec::<f64>().unwrap().iter().all(|&v| v == 2.0));
    }

    #[test]
    fn temporaries_are_reused_when_nobody_else_holds_them() {
        let a = crate::arange(0.0, 1000.0, 1.0).unwrap();
        let t = (&a * 2.0).unwrap();
        let p = t.as_slice::<f64>().unwrap().as_ptr();
        let r = (t + &a).unwrap(); // `t` is moved in and reused
        assert_eq!(r.as_slice::<f64>().unwrap().as_ptr(), p);
        assert_eq!(r.get_as::<f64>(&[10]).unwrap(), 30.0);
        let t = (&a * 2.0).unwrap();
        let p = t.as_slice::<f64>().unwrap().as_ptr();
        let r = crate::subtract(&a, t).unwrap(); // reused as the second operand
        assert_eq!(r.as_slice::<f64>().unwrap().as_ptr(), p);
        assert_eq!(r.get_as::<f64>(&[10]).unwrap(), -10.0);
        // Shared, wrong dtype or wrong shape: a fresh array, the temporary untouched.
        let t = (&a * 2.0).unwrap();
        let keep = t.clone();
        let r = (t + &a).unwrap();
        assert_eq!(keep.get_as::<f64>(&[10]).unwrap(), 20.0);
        assert_eq!(r.get_as::<f64>(&[10]).unwrap(), 30.0);
        let i = crate::arange(0, 3, 1).unwrap();
        let r = (i + 0.5).unwrap();
        assert_eq!(r.dtype(), DType::Float64);
        let col = array![[1.0], [2.0]];
        let r = (col + &array![10.0, 20.0, 30.0]).unwrap();
        assert_eq!(r.shape(), &[2, 3]);
        // Unary: exp of a temporary.
        let t = (&a * 0.0).unwrap();
        let p = t.as_slice::<f64>().unwrap().as_ptr();
        let e = crate::exp(t).unwrap();
        assert_eq!(e.as_slice::<f64>().unwrap().as_ptr(), p);
        assert_eq!(e.get_as::<f64>(&[3]).unwrap(), 1.0);
    }
}
