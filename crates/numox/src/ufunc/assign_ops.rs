//! The compound assignment operators `+= -= *= /= %= &= |= ^= <<= >>=`, on a `Result<Array>`.
//!
//! Rust's `AddAssign` and its siblings return nothing, so they cannot report NumPy's errors, and
//! numox never panics on them. The operators are therefore implemented on `Result<Array>` — the
//! type every other operator returns — as a *sticky* result:
//!
//! - an `Ok` array is updated in place, as NumPy's `a += b`: the right side broadcasts to the
//!   array's shape, the result is cast to its dtype under `same_kind`, and it is written into the
//!   array's own buffer with no temporary (through the same path as [`Array::iadd`] and its
//!   siblings; a buffer shared with another handle is copied first, so the other handle keeps its
//!   values);
//! - when the operation fails (shapes that do not broadcast to the array's, a result that does
//!   not cast back — int `/=` — or an operation without a loop for the dtype, like float `&=`),
//!   the result becomes that `Err`;
//! - an `Err` stays as it is: later operators do nothing, and `?` at the end reports the first
//!   error.
//!
//! `%=` is `np.remainder`, `&=` `|=` `^=` are `bitwise_and` / `bitwise_or` / `bitwise_xor`, and
//! `<<=` `>>=` are `left_shift` / `right_shift`. The right side is a `&Array`, an `Array`, a
//! [`Scalar`] (or `&Scalar`) or an [`Operand`]. Rust's orphan rule forbids the impls for Rust's
//! own scalars (`Result<Array> += 2.0`: neither `Result` nor `f64` is numox's) and for a
//! `Result<Array>` (or `&Result<Array>`) on the right, so a number is written
//! `Scalar::from(2.0)`, or the in-place method is called (`a.iadd(2.0)?`), and a right side that
//! is itself a result takes a `?` first.
//!
//! ```
//! use numox::{array, Array, Scalar};
//! let a = array![[1.0, 2.0], [3.0, 4.0]];
//! let mut r: numox::Result<Array> = Ok(a);
//! r += &array![10.0, 20.0]; // broadcast along the rows
//! r *= Scalar::from(2.0);
//! let a = r.unwrap();
//! assert_eq!(a.to_vec::<f64>().unwrap(), vec![22.0, 44.0, 26.0, 48.0]);
//!
//! let mut i: numox::Result<Array> = Ok(array![1, 2]);
//! i /= Scalar::from(2); // true division gives float64, which int64 cannot hold
//! i += Scalar::from(1); // skipped: the error sticks
//! assert!(i.unwrap_err().to_string().starts_with("Cannot cast ufunc 'divide' output"));
//! ```

use super::operand::Operand;
use crate::array::Array;
use crate::dtype::Scalar;
use crate::error::Result;
use std::ops::{
    AddAssign, BitAndAssign, BitOrAssign, BitXorAssign, DivAssign, MulAssign, RemAssign, ShlAssign,
    ShrAssign, SubAssign,
};

/// Applies the in-place operation `f` to an `Ok` array, turning the result into the error if it
/// fails; an `Err` is left as it is.
fn update(r: &mut Result<Array>, f: impl FnOnce(&mut Array) -> Result<()>) {
    if let Ok(a) = r
        && let Err(e) = f(a)
    {
        *r = Err(e);
    }
}

macro_rules! assign_ops {
    ($($Trait:ident, $method:ident, $inplace:ident;)*) => {$(
        impl $Trait<&Array> for Result<Array> {
            fn $method(&mut self, rhs: &Array) {
                update(self, |a| a.$inplace(rhs))
            }
        }
        impl $Trait<Array> for Result<Array> {
            fn $method(&mut self, rhs: Array) {
                update(self, |a| a.$inplace(rhs))
            }
        }
        impl $Trait<Scalar> for Result<Array> {
            fn $method(&mut self, rhs: Scalar) {
                update(self, |a| a.$inplace(rhs))
            }
        }
        impl $Trait<&Scalar> for Result<Array> {
            fn $method(&mut self, rhs: &Scalar) {
                update(self, |a| a.$inplace(*rhs))
            }
        }
        impl<'a> $Trait<Operand<'a>> for Result<Array> {
            fn $method(&mut self, rhs: Operand<'a>) {
                update(self, |a| a.$inplace(rhs))
            }
        }
    )*};
}

assign_ops! {
    AddAssign, add_assign, iadd;
    SubAssign, sub_assign, isub;
    MulAssign, mul_assign, imul;
    DivAssign, div_assign, idiv;
    RemAssign, rem_assign, irem;
    BitAndAssign, bitand_assign, iand;
    BitOrAssign, bitor_assign, ior;
    BitXorAssign, bitxor_assign, ixor;
    ShlAssign, shl_assign, ilshift;
    ShrAssign, shr_assign, irshift;
}

#[cfg(test)]
mod tests {
    use crate::{array, Array, DType, Error, Result, Scalar};

    fn ptr(r: &Result<Array>) -> *const u8 {
        r.as_ref().map_or(std::ptr::null(), |a| a.base_ptr())
    }

    fn msg(r: Result<Array>) -> String {
        r.err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn updates_in_place_without_a_temporary() {
        let mut r: Result<Array> = crate::arange(0.0, 6.0, 1.0).and_then(|a| a.reshape(&[2, 3]));
        let p = ptr(&r);
        r += &array![10.0, 20.0, 30.0]; // a row broadcast into the matrix
        assert_eq!(ptr(&r), p);
        r -= array![[1.0], [2.0]]; // an owned column
        r *= Scalar::from(2.0);
        r /= crate::ufunc::Operand::from(2.0);
        r /= &Scalar::from(2.0);
        assert_eq!(ptr(&r), p);
        let a = r.unwrap();
        assert_eq!(a.shape(), &[2, 3]);
        assert_eq!(
            a.to_vec::<f64>().unwrap(),
            vec![4.5, 10.0, 15.5, 5.5, 11.0, 16.5]
        );
        // float32 stays float32: the weak scalar and a float64 array cast back (same_kind)
        let mut f: Result<Array> = Ok(array![1.5f32, -2.5]);
        f %= Scalar::from(1.0);
        f += &array![0.25, 0.25];
        let f = f.unwrap();
        assert_eq!(f.dtype(), DType::Float32);
        assert_eq!(f.to_vec::<f32>().unwrap(), vec![0.75, 0.75]);
    }

    #[test]
    fn bitwise_and_shift_operators() {
        let mut r: Result<Array> = Ok(Array::from_vec(vec![12u8, 5, 255]));
        let p = ptr(&r);
        r &= Scalar::from(0x0fu8);
        r |= &Array::from_vec(vec![16u8, 0, 0]);
        r ^= Scalar::from(1u8);
        r <<= Scalar::from(1u8);
        r >>= Scalar::from(2u8);
        assert_eq!(ptr(&r), p);
        assert_eq!(r.unwrap().to_vec::<u8>().unwrap(), vec![14, 2, 7]);
        let mut b: Result<Array> = Ok(array![true, false]);
        b ^= &array![true, true];
        assert_eq!(b.unwrap().to_vec::<bool>().unwrap(), vec![false, true]);
    }

    #[test]
    fn failures_become_the_error_and_stick() {
        let mut r: Result<Array> = Ok(array![1.0, 2.0, 3.0]);
        r += &array![1.0, 2.0];
        assert_eq!(
            msg(r),
            "operands could not be broadcast together with shapes (3,) (2,)"
        );
        let mut r: Result<Array> = Ok(array![1.0, 2.0]);
        r += &array![[1.0, 2.0], [3.0, 4.0]];
        assert_eq!(
            msg(r),
            "non-broadcastable output operand with shape (2,) doesn't match the broadcast shape (2,2)"
        );
        let mut r: Result<Array> = Ok(array![1, 2]);
        r /= Scalar::from(2);
        r += Scalar::from(1); // does nothing: `r` is already the error
        assert_eq!(
            msg(r),
            "Cannot cast ufunc 'divide' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'"
        );
        let mut r: Result<Array> = Ok(array![1.0, 2.0]);
        r &= Scalar::from(1);
        assert_eq!(
            msg(r),
            "ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"
        );
        let mut r: Result<Array> = Err(Error::Value("earlier".into()));
        r += &array![1.0];
        r <<= array![1];
        assert_eq!(msg(r), "earlier");
    }

    #[test]
    fn a_shared_buffer_is_copied_first() {
        let a = array![1.0, 2.0, 3.0];
        let mut r: Result<Array> = Ok(a.clone());
        r += Scalar::from(1.0);
        assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 2.0, 3.0]);
        assert_ne!(ptr(&r), a.base_ptr());
        assert_eq!(r.unwrap().to_vec::<f64>().unwrap(), vec![2.0, 3.0, 4.0]);
        // the right side may be the array's own other handle
        let mut r: Result<Array> = Ok(a.clone());
        r *= &a;
        assert_eq!(r.unwrap().to_vec::<f64>().unwrap(), vec![1.0, 4.0, 9.0]);
        assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 2.0, 3.0]);
    }
}
