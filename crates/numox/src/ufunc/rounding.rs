//! The unary arithmetic ufuncs `positive`, `sign`, `reciprocal`, `cbrt`, the rounding ufuncs
//! `floor`, `ceil`, `trunc`, `rint`, and `round` (`around`) with decimals, with NumPy's dtype
//! rules and errors.

use super::define::{call_unary, done, no_loop, unary_ufuncs, UnaryOp};
use super::engine::unary_into;
use super::operand::Operand;
use crate::array::Array;
use crate::dtype::{DType, Kind};
use crate::error::{Error, Result};
use crate::kernels::rounding::{power_of_ten, FloatUnary, RoundDecimals, UnaryArith};

/// The unary operations of this module.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Un {
    Positive,
    Sign,
    Reciprocal,
    Cbrt,
    Floor,
    Ceil,
    Trunc,
    Rint,
}

/// NumPy's error for a unary ufunc without a boolean loop.
pub(crate) fn no_bool_loop(name: &str) -> Error {
    Error::DType(format!(
        "ufunc '{name}' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None"
    ))
}

/// The smallest float dtype holding every value of `dt` (NumPy's loops that start at float16).
pub(super) fn float_for(dt: DType) -> Result<DType> {
    crate::promote::promote_types(dt, DType::Float16)
}

impl UnaryOp for Un {
    fn name(self) -> &'static str {
        match self {
            Un::Positive => "positive",
            Un::Sign => "sign",
            Un::Reciprocal => "reciprocal",
            Un::Cbrt => "cbrt",
            Un::Floor => "floor",
            Un::Ceil => "ceil",
            Un::Trunc => "trunc",
            Un::Rint => "rint",
        }
    }

    fn resolve(self, dt: DType) -> Result<(DType, DType)> {
        let loop_dt = match (self, dt.kind()) {
            (Un::Positive | Un::Sign, Kind::Bool) => return Err(no_bool_loop(self.name())),
            (Un::Reciprocal, Kind::Bool) => DType::Int8,
            (Un::Cbrt | Un::Floor | Un::Ceil | Un::Trunc, Kind::Complex) => {
                return Err(no_loop(self.name()))
            }
            (Un::Cbrt | Un::Rint, Kind::Bool | Kind::Int | Kind::UInt) => float_for(dt)?,
            _ => dt,
        };
        Ok((loop_dt, loop_dt))
    }

    fn run(self, a: &Array, out: &mut Array) -> Result<()> {
        let dt = a.dtype();
        let name = self.name();
        match self {
            Un::Positive => crate::dispatch_dtype!(dt, T => unary_into::<T, T>(a, out, |x| x)),
            Un::Sign => {
                crate::dispatch_dtype!(dt, T => unary_into::<T, T>(a, out, UnaryArith::sign_))
            }
            Un::Reciprocal => {
                crate::dispatch_dtype!(dt, T => unary_into::<T, T>(a, out, UnaryArith::reciprocal_))
            }
            Un::Rint => {
                crate::dispatch_dtype!(dt, T => unary_into::<T, T>(a, out, UnaryArith::rint_))
            }
            Un::Cbrt => {
                crate::dispatch_float!(dt, T => unary_into::<T, T>(a, out, FloatUnary::cbrt_), else _ => Err(no_loop(name)))
            }
            // Integers and booleans are their own floor, ceiling and truncation.
            Un::Floor | Un::Ceil | Un::Trunc if !dt.is_inexact() => {
                crate::dispatch_dtype!(dt, T => unary_into::<T, T>(a, out, |x| x))
            }
            Un::Floor => {
                crate::dispatch_float!(dt, T => unary_into::<T, T>(a, out, FloatUnary::floor_), else _ => Err(no_loop(name)))
            }
            Un::Ceil => {
                crate::dispatch_float!(dt, T => unary_into::<T, T>(a, out, FloatUnary::ceil_), else _ => Err(no_loop(name)))
            }
            Un::Trunc => {
                crate::dispatch_float!(dt, T => unary_into::<T, T>(a, out, FloatUnary::trunc_), else _ => Err(no_loop(name)))
            }
        }
    }
}

unary_ufuncs! {
    Un;
    /// `np.positive` (unary `+`): a copy; booleans are an error, as in NumPy.
    ///
    /// ```
    /// let r = numox::positive(&numox::array![-1.5, 2.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![-1.5, 2.0]);
    /// assert!(numox::positive(&numox::array![true]).is_err());
    /// ```
    positive, positive_out => Positive;
    /// `np.sign`: -1, 0 or 1 (NaN stays NaN); for complex `z / |z|` (NumPy 2).
    ///
    /// ```
    /// let r = numox::sign(&numox::array![-2.5, 0.0, 3.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![-1.0, 0.0, 1.0]);
    /// let z = numox::sign(&numox::array![numox::Complex64::new(3.0, 4.0)]).unwrap();
    /// assert_eq!(z.to_vec::<numox::Complex64>().unwrap(), vec![numox::Complex64::new(0.6, 0.8)]);
    /// ```
    sign, sign_out => Sign;
    /// `np.reciprocal`: `1 / x` in the input's dtype. For integers that is 1, -1 or 0 (and what
    /// NumPy's C conversion of infinity gives for 0: 0 for 8/16-bit and unsigned types, `MIN`
    /// for int32/int64); booleans take the int8 loop.
    ///
    /// ```
    /// let r = numox::reciprocal(&numox::array![4.0f32, -0.5]).unwrap();
    /// assert_eq!(r.to_vec::<f32>().unwrap(), vec![0.25, -2.0]);
    /// let i = numox::reciprocal(&numox::array![1i8, -1, 3]).unwrap();
    /// assert_eq!(i.to_vec::<i8>().unwrap(), vec![1, -1, 0]);
    /// ```
    reciprocal, reciprocal_out => Reciprocal;
    /// `np.cbrt`: the real cube root (integers go to the smallest float holding them).
    ///
    /// ```
    /// let r = numox::cbrt(&numox::array![27.0, -8.0]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![3.0, -2.0]);
    /// ```
    cbrt, cbrt_out => Cbrt;
    /// `np.floor` (integers and booleans are returned unchanged, in their dtype).
    ///
    /// ```
    /// let r = numox::floor(&numox::array![-1.5, 1.5]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![-2.0, 1.0]);
    /// ```
    floor, floor_out => Floor;
    /// `np.ceil`.
    ///
    /// ```
    /// let r = numox::ceil(&numox::array![-1.5, 1.5]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![-1.0, 2.0]);
    /// ```
    ceil, ceil_out => Ceil;
    /// `np.trunc`: rounds toward zero.
    ///
    /// ```
    /// let r = numox::trunc(&numox::array![-1.7, 1.7]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![-1.0, 1.0]);
    /// ```
    trunc, trunc_out => Trunc;
    /// `np.rint`: rounds to the nearest integer, halves to even (integers go to the smallest
    /// float holding them; complex parts round separately).
    ///
    /// ```
    /// let r = numox::rint(&numox::array![0.5, 1.5, 2.5, -0.5]).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, 2.0, 2.0, -0.0]);
    /// ```
    rint, rint_out => Rint;
}

/// `np.round(a, decimals)` as one unary operation.
#[derive(Clone, Copy, Debug)]
struct Round {
    decimals: i32,
}

impl UnaryOp for Round {
    fn name(self) -> &'static str {
        "round"
    }

    fn resolve(self, dt: DType) -> Result<(DType, DType)> {
        match dt {
            // NumPy rounds booleans with rint (float16) and fails to store the scaled values
            // back into a boolean array otherwise.
            DType::Bool if self.decimals == 0 => Ok((DType::Float16, DType::Float16)),
            DType::Bool => Err(Error::DType(format!(
                "Cannot cast ufunc '{}' output from dtype('float64') to dtype('bool') with casting rule 'same_kind'",
                if self.decimals > 0 { "multiply" } else { "divide" }
            ))),
            _ => Ok((dt, dt)),
        }
    }

    fn run(self, a: &Array, out: &mut Array) -> Result<()> {
        let d = self.decimals as i64;
        let dt = a.dtype();
        if d == 0 {
            return crate::dispatch_dtype!(dt, T => unary_into::<T, T>(a, out, UnaryArith::rint_));
        }
        let (p, up) = (power_of_ten(d.unsigned_abs()), d >= 0);
        crate::dispatch_dtype!(dt, T => unary_into::<T, T>(a, out, |x| x.round_dec(p, up)))
    }
}

/// `np.round(a, decimals)`: rounds to `decimals` decimal places, halves to even, with NumPy's
/// algorithm — `rint(a * 10**decimals) / 10**decimals`, the power converted to the array's
/// dtype (so float16 overflows from `decimals = 5`) — and `rint(a / 10**-decimals) *
/// 10**-decimals` for negative decimals. Integers are unchanged for `decimals >= 0` and round
/// through float64 otherwise; complex numbers round both parts. The result keeps the input's
/// dtype (booleans give float16 for `decimals = 0` and an error otherwise).
///
/// ```
/// let a = numox::array![1.234, -2.5, 0.5, 1250.0];
/// let r = numox::round(&a, 1).unwrap();
/// assert_eq!(r.to_vec::<f64>().unwrap(), vec![1.2, -2.5, 0.5, 1250.0]);
/// let r = numox::round(&a, 0).unwrap();
/// assert_eq!(r.to_vec::<f64>().unwrap(), vec![1.0, -2.0, 0.0, 1250.0]);
/// let i = numox::round(&numox::array![1250, 1350, -15], -2).unwrap();
/// assert_eq!(i.to_vec::<i64>().unwrap(), vec![1200, 1400, 0]);
/// ```
pub fn round<'a>(a: impl Into<Operand<'a>>, decimals: i32) -> Result<Array> {
    done(call_unary(Round { decimals }, a.into(), None))
}

/// `np.round(a, decimals, out=out)`: writes the rounded values into `out`.
///
/// ```
/// let a = numox::array![1.25, 2.35];
/// let mut out = numox::Array::zeros(&[2], numox::DType::Float32).unwrap();
/// numox::round_out(&a, 1, &mut out).unwrap();
/// assert_eq!(out.to_vec::<f32>().unwrap(), vec![1.2, 2.4]);
/// ```
pub fn round_out<'a>(a: impl Into<Operand<'a>>, decimals: i32, out: &mut Array) -> Result<()> {
    call_unary(Round { decimals }, a.into(), Some(out)).map(|_| ())
}

/// `np.around`, the same function as [`round`].
///
/// ```
/// let r = numox::around(&numox::array![0.125f32, 0.135], 2).unwrap();
/// assert_eq!(r.to_vec::<f32>().unwrap(), vec![0.12, 0.14]);
/// ```
pub fn around<'a>(a: impl Into<Operand<'a>>, decimals: i32) -> Result<Array> {
    round(a, decimals)
}

#[cfg(test)]
mod tests {
    use crate::{array, Complex64, DType};

    #[test]
    fn result_dtypes_follow_numpy_loops() {
        let i8a = array![1i8, -2];
        assert_eq!(crate::cbrt(&i8a).unwrap().dtype(), DType::Float16);
        assert_eq!(crate::rint(array![1i32]).unwrap().dtype(), DType::Float64);
        assert_eq!(crate::floor(&i8a).unwrap().dtype(), DType::Int8);
        assert_eq!(crate::floor(array![true]).unwrap().dtype(), DType::Bool);
        assert_eq!(
            crate::reciprocal(array![true, false]).unwrap().dtype(),
            DType::Int8
        );
        assert_eq!(
            crate::round(array![true], 0).unwrap().dtype(),
            DType::Float16
        );
        assert!(crate::round(array![true], 1).is_err());
        let z = array![Complex64::new(1.0, 2.0)];
        assert!(crate::floor(&z).is_err());
        assert_eq!(crate::rint(&z).unwrap().dtype(), DType::Complex128);
    }

    #[test]
    fn bool_sign_and_positive_are_errors() {
        let e = crate::sign(array![true]).unwrap_err().to_string();
        assert_eq!(
            e,
            "ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None"
        );
    }

    #[test]
    fn round_negative_decimals_and_float16_overflow() {
        let r = crate::round(array![125i8, 127, -128], -1).unwrap();
        assert_eq!(r.to_vec::<i8>().unwrap(), vec![120, -126, 126]);
        let h = crate::round(array![1.5f32], 40).unwrap();
        assert!(h.to_vec::<f32>().unwrap()[0].is_nan());
        let c = crate::round(array![Complex64::new(1.25, -2.35)], 1).unwrap();
        assert_eq!(
            c.to_vec::<Complex64>().unwrap(),
            vec![Complex64::new(1.2, -2.4)]
        );
    }
}
