//! [`Operand`]: what an elementwise function accepts — an array, or a Rust scalar that acts as a
//! NumPy 2 "weak" Python scalar (`f32_array * 2.0` stays float32, NEP 50).

use crate::array::Array;
use crate::dtype::Scalar;
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};

/// An input of an elementwise function: a borrowed array, an owned array, or a scalar.
///
/// Rust scalars are *weak*, as Python numbers are in NumPy 2: they take the array's dtype when
/// their kind (bool < int < float < complex) is not higher, so `int8_array + 1` stays int8 and
/// `float32_array * 2.5` stays float32.
///
/// ```
/// use numox::{array, ufunc::Operand, DType};
/// let a = array![1.0f32, 2.0];
/// let r = numox::multiply(&a, 2.5).unwrap();
/// assert_eq!(r.dtype(), DType::Float32);
/// assert!(matches!(Operand::from(3i64), Operand::Scalar(_)));
/// ```
#[derive(Clone)]
pub enum Operand<'a> {
    /// A borrowed array.
    Array(&'a Array),
    /// An owned array (moved in).
    Owned(Array),
    /// A weak scalar.
    Scalar(Scalar),
}

impl Operand<'_> {
    /// The operand as an array reference, if it is one.
    pub(crate) fn array(&self) -> Option<&Array> {
        match self {
            Operand::Array(a) => Some(a),
            Operand::Owned(a) => Some(a),
            Operand::Scalar(_) => None,
        }
    }
}

impl<'a> From<&'a Array> for Operand<'a> {
    fn from(a: &'a Array) -> Self {
        Operand::Array(a)
    }
}

impl From<Array> for Operand<'_> {
    fn from(a: Array) -> Self {
        Operand::Owned(a)
    }
}

impl<'a> From<&'a mut Array> for Operand<'a> {
    fn from(a: &'a mut Array) -> Self {
        Operand::Array(a)
    }
}

impl From<Scalar> for Operand<'_> {
    fn from(s: Scalar) -> Self {
        Operand::Scalar(s)
    }
}

macro_rules! scalar_operand {
    ($($t:ty),*) => {$(
        impl From<$t> for Operand<'_> {
            fn from(v: $t) -> Self { Operand::Scalar(Scalar::from(v)) }
        }
    )*};
}
scalar_operand!(
    bool, i8, i16, i32, i64, u8, u16, u32, u64, f16, bf16, f32, f64, Complex32, Complex64
);
