//! The logical ufuncs `logical_and`, `logical_or`, `logical_xor` and `logical_not`: every dtype,
//! a boolean result, each element taken as a truth value (nonzero; NaN is true; a complex number
//! is true when either part is nonzero).
//!
//! NumPy's logical ufuncs do not promote mixed operands to a common numeric dtype: each operand
//! is read as booleans (`np.logical_and(float16_array, 1e-10)` is true although 1e-10 is 0 in
//! float16, and `np.logical_and(int8_array, 300)` raises no overflow). numox does the same: two
//! arrays of one dtype run that dtype's loop, anything else is cast to bool first.

use super::define::{binary_ufuncs, unary_ufuncs, BinaryOp, UnaryOp};
use super::engine::{binary_into, unary_into};
use super::operand::Operand;
use crate::array::Array;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::kernels::classify::Classify;

/// The binary logical operations.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Logic {
    And,
    Or,
    Xor,
}

impl BinaryOp for Logic {
    fn name(self) -> &'static str {
        match self {
            Logic::And => "logical_and",
            Logic::Or => "logical_or",
            Logic::Xor => "logical_xor",
        }
    }

    /// One dtype for two arrays of that dtype; booleans otherwise (truth values do not depend
    /// on a common dtype). A Python integer beyond the C long range is NumPy's overflow error.
    fn common_dtype(self, a: &Operand, b: &Operand) -> Result<DType> {
        for op in [a, b] {
            if let Operand::Scalar(s) = op
                && crate::promote::int_value(s).is_some_and(|v| v > i64::MAX as i128)
            {
                return Err(Error::Overflow(
                    "Python int too large to convert to C long".into(),
                ));
            }
        }
        Ok(match (a.array(), b.array()) {
            (Some(x), Some(y)) if x.dtype() == y.dtype() => x.dtype(),
            _ => DType::Bool,
        })
    }

    fn resolve(self, dt: DType) -> Result<(DType, DType)> {
        Ok((dt, DType::Bool))
    }

    fn run(self, a: &Array, b: &Array, out: &mut Array) -> Result<()> {
        crate::dispatch_dtype!(a.dtype(), T => match self {
            Logic::And => binary_into::<T, bool>(a, b, out, |x, y| x.truthy() & y.truthy()),
            Logic::Or => binary_into::<T, bool>(a, b, out, |x, y| x.truthy() | y.truthy()),
            Logic::Xor => binary_into::<T, bool>(a, b, out, |x, y| x.truthy() ^ y.truthy()),
        })
    }
}

binary_ufuncs! {
    Logic;
    /// `np.logical_and`: true where both operands are nonzero, for every dtype.
    ///
    /// ```
    /// let r = numox::logical_and(&numox::array![0.0, 2.0, f64::NAN], 3).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![false, true, true]);
    /// ```
    logical_and, logical_and_out => And;
    /// `np.logical_or`: true where either operand is nonzero.
    ///
    /// ```
    /// let r = numox::logical_or(&numox::array![0, 0, 5], &numox::array![0.0, 0.5, 0.0]).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![false, true, true]);
    /// ```
    logical_or, logical_or_out => Or;
    /// `np.logical_xor`: true where exactly one operand is nonzero.
    ///
    /// ```
    /// let r = numox::logical_xor(&numox::array![true, false, true], true).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![false, true, false]);
    /// ```
    logical_xor, logical_xor_out => Xor;
}

/// The unary logical operation.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum LogicNot {
    Not,
}

impl UnaryOp for LogicNot {
    fn name(self) -> &'static str {
        "logical_not"
    }

    fn resolve(self, dt: DType) -> Result<(DType, DType)> {
        Ok((dt, DType::Bool))
    }

    fn run(self, a: &Array, out: &mut Array) -> Result<()> {
        crate::dispatch_dtype!(a.dtype(), T => unary_into::<T, bool>(a, out, |x| !x.truthy()))
    }
}

unary_ufuncs! {
    LogicNot;
    /// `np.logical_not`: true where the element is zero (for complex: both parts zero).
    ///
    /// ```
    /// let r = numox::logical_not(&numox::array![f64::NAN, 0.0, -0.0]).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![false, true, true]);
    /// ```
    logical_not, logical_not_out => Not;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{array, Complex64};

    #[test]
    fn mixed_operands_compare_truth_values() {
        // np.logical_and(float16_array, np.array([1e-10])) is True (no float16 rounding)
        let h = Array::from_vec(vec![crate::f16::ONE]);
        assert_eq!(
            logical_and(&h, array![1e-10])
                .unwrap()
                .to_vec::<bool>()
                .unwrap(),
            vec![true]
        );
        assert_eq!(
            logical_and(&h, 1e-320).unwrap().to_vec::<bool>().unwrap(),
            vec![true]
        );
        // np.logical_and(int8([0, 1]), 256) -> [False, True]; uint8 with -1 is no error
        let i = Array::from_vec(vec![0i8, 1]);
        assert_eq!(
            logical_and(&i, 256).unwrap().to_vec::<bool>().unwrap(),
            vec![false, true]
        );
        let u = Array::from_vec(vec![0u8, 1]);
        assert_eq!(
            logical_or(&u, -1).unwrap().to_vec::<bool>().unwrap(),
            vec![true, true]
        );
        assert_eq!(
            logical_or(&u, u64::MAX).unwrap_err().to_string(),
            "Python int too large to convert to C long"
        );
        let z = array![
            Complex64::new(1.0, 0.0),
            Complex64::new(0.0, 0.0),
            Complex64::new(0.0, -1.0)
        ];
        let r = logical_xor(&z, array![1.0, 1.0, 0.0]).unwrap();
        assert_eq!(r.to_vec::<bool>().unwrap(), vec![false, true, true]);
        // two Python scalars: a 0-d boolean result
        let r = logical_and(2, 0.0).unwrap();
        assert_eq!((r.ndim(), r.dtype()), (0, DType::Bool));
        assert!(!r.item_as::<bool>().unwrap());
    }

    #[test]
    fn not_broadcast_and_views() {
        let a = Array::from_shape_vec(&[2, 2], vec![0i64, 1, 2, 0]).unwrap();
        let r = logical_not(a.t()).unwrap();
        assert_eq!(r.to_vec::<bool>().unwrap(), vec![true, false, false, true]);
        let r = logical_and(&a, array![true, false]).unwrap();
        assert_eq!(r.to_vec::<bool>().unwrap(), vec![false, false, true, false]);
        let mut out = Array::zeros(&[2, 2], DType::Float32).unwrap();
        logical_or_out(&a, false, &mut out).unwrap();
        assert_eq!(out.to_vec::<f32>().unwrap(), vec![0.0, 1.0, 1.0, 0.0]);
    }
}
