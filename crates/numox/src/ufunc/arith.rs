//! The binary arithmetic ufuncs beyond `+ - * /`: `floor_divide`, `remainder` (`mod_`), `fmod`,
//! `divmod`, `power`, `float_power`, `fmax`, `fmin`, `copysign` and `heaviside`, with NumPy's
//! loops, dtype rules and errors.

use super::define::{binary_ufuncs, call_binary, done, no_loop, BinaryOp};
use super::engine::{binary_into, operand_dtype};
use super::operand::Operand;
use super::rounding::float_for;
use crate::array::Array;
use crate::dtype::{DType, Kind};
use crate::error::{Error, Result};
use crate::kernels::arith::{DivMod, FMinMax, FloatBinary, Power};
use std::sync::atomic::{AtomicBool, Ordering};

/// The binary operations of this module.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Ar {
    FloorDivide,
    Remainder,
    Fmod,
    /// The quotient half of `divmod`.
    DivmodQuotient,
    /// The remainder half of `divmod`.
    DivmodRemainder,
    Power,
    FloatPower,
    Fmax,
    Fmin,
    Copysign,
    Heaviside,
}

impl BinaryOp for Ar {
    fn name(self) -> &'static str {
        match self {
            Ar::FloorDivide => "floor_divide",
            Ar::Remainder => "remainder",
            Ar::Fmod => "fmod",
            Ar::DivmodQuotient | Ar::DivmodRemainder => "divmod",
            Ar::Power => "power",
            Ar::FloatPower => "float_power",
            Ar::Fmax => "fmax",
            Ar::Fmin => "fmin",
            Ar::Copysign => "copysign",
            Ar::Heaviside => "heaviside",
        }
    }

    /// NumPy picks the first copysign/heaviside loop (float16, float32, float64; bfloat16 from
    /// ml_dtypes) that both operands cast to safely, after NEP 50 gives a weak scalar its dtype:
    /// `copysign(int8, uint8)` is float16 although int8 and uint8 promote to int16.
    fn common_dtype(self, a: &Operand, b: &Operand) -> Result<DType> {
        if !matches!(self, Ar::Copysign | Ar::Heaviside) {
            return operand_dtype(&[a, b]);
        }
        let own = |x: &Operand| -> Result<DType> {
            match x.array() {
                Some(arr) => Ok(arr.dtype()),
                None => {
                    let mut ops: Vec<&Operand> =
                        [a, b].into_iter().filter(|o| o.array().is_some()).collect();
                    ops.push(x);
                    operand_dtype(&ops)
                }
            }
        };
        let (da, db) = (own(a)?, own(b)?);
        let common = crate::promote::promote_types(da, db)?;
        if common.is_inexact() {
            Ok(common)
        } else {
            crate::promote::promote_types(float_for(da)?, float_for(db)?)
        }
    }

    fn resolve(self, dt: DType) -> Result<(DType, DType)> {
        let loop_dt = match self {
            Ar::FloorDivide
            | Ar::Remainder
            | Ar::Fmod
            | Ar::DivmodQuotient
            | Ar::DivmodRemainder => match dt.kind() {
                Kind::Complex => return Err(no_loop(self.name())),
                // NumPy has no boolean loops for these: booleans divide as int8.
                Kind::Bool => DType::Int8,
                _ => dt,
            },
            Ar::Power if dt == DType::Bool => DType::Int8,
            Ar::FloatPower if dt.is_complex() => DType::Complex128,
            Ar::FloatPower => DType::Float64,
            Ar::Copysign | Ar::Heaviside => match dt.kind() {
                Kind::Complex => return Err(no_loop(self.name())),
                Kind::Float => dt,
                // The loops start at float16: integers go to the smallest float holding them.
                _ => float_for(dt)?,
            },
            Ar::Power | Ar::Fmax | Ar::Fmin => dt,
        };
        Ok((loop_dt, loop_dt))
    }

    fn run(self, a: &Array, b: &Array, out: &mut Array) -> Result<()> {
        let dt = a.dtype();
        let name = self.name();
        // The division loops exist for the integer and float dtypes only.
        macro_rules! int_or_float {
            ($f:path) => {
                crate::dispatch_int!(dt, T => binary_into::<T, T>(a, b, out, $f),
                    else d => crate::dispatch_float!(d, T => binary_into::<T, T>(a, b, out, $f),
                        else _ => Err(no_loop(name))))
            };
        }
        match self {
            Ar::FloorDivide | Ar::DivmodQuotient => int_or_float!(DivMod::floor_div),
            Ar::Remainder | Ar::DivmodRemainder => int_or_float!(DivMod::remainder),
            Ar::Fmod => int_or_float!(DivMod::fmod_),
            Ar::Power | Ar::FloatPower => {
                crate::dispatch_dtype!(dt, T => power_into::<T>(a, b, out))
            }
            Ar::Fmax => {
                crate::dispatch_dtype!(dt, T => binary_into::<T, T>(a, b, out, FMinMax::fmax_))
            }
            Ar::Fmin => {
                crate::dispatch_dtype!(dt, T => binary_into::<T, T>(a, b, out, FMinMax::fmin_))
            }
            Ar::Copysign => {
                crate::dispatch_float!(dt, T => binary_into::<T, T>(a, b, out, FloatBinary::copysign_), else _ => Err(no_loop(name)))
            }
            Ar::Heaviside => {
                crate::dispatch_float!(dt, T => binary_into::<T, T>(a, b, out, FloatBinary::heaviside_), else _ => Err(no_loop(name)))
            }
        }
    }
}

/// `out = a ** b`; an integer exponent below zero is NumPy's `ValueError`.
fn power_into<T: Power>(a: &Array, b: &Array, out: &mut Array) -> Result<()> {
    let negative = AtomicBool::new(false);
    binary_into::<T, T>(a, b, out, |x, y| {
        if y.negative_int() {
            negative.store(true, Ordering::Relaxed);
        }
        x.pow_(y)
    })?;
    if negative.into_inner() {
        return Err(Error::Value(
            "Integers to negative integer powers are not allowed.".into(),
        ));
    }
    Ok(())
}

binary_ufuncs! {
    Ar;
    /// `np.floor_divide` (Python's `//`): the quotient rounded toward negative infinity.
    /// Integer division by zero gives 0 and `MIN // -1` wraps to `MIN`; floats follow NumPy's
    /// `divmod` (so `inf // 1` is NaN); booleans divide as int8; complex is an error.
    ///
    /// ```
    /// let r = numox::floor_divide(&numox::array![7, -7, 7], &numox::array![2, 2, 0]).unwrap();
    /// assert_eq!(r.to_vec::<i64>().unwrap(), vec![3, -4, 0]);
    /// let f = numox::floor_divide(&numox::array![-7.5, 7.5], 2.0).unwrap();
    /// assert_eq!(f.to_vec::<f64>().unwrap(), vec![-4.0, 3.0]);
    /// ```
    floor_divide, floor_divide_out => FloorDivide;
    /// `np.remainder` (Python's `%`): the remainder with the sign of the divisor. Integer
    /// remainder by zero gives 0; a float one is NaN.
    ///
    /// ```
    /// let r = numox::remainder(&numox::array![7, -7, 7], &numox::array![3, 3, -3]).unwrap();
    /// assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, 2, -2]);
    /// let f = numox::remainder(&numox::array![-7.5f32], 2.0).unwrap();
    /// assert_eq!(f.to_vec::<f32>().unwrap(), vec![0.5]);
    /// ```
    remainder, remainder_out => Remainder, op "a % b";
    /// `np.mod`, the same function as [`remainder`].
    ///
    /// ```
    /// let r = numox::mod_(&numox::array![-1i8, 5], 4).unwrap();
    /// assert_eq!(r.to_vec::<i8>().unwrap(), vec![3, 1]);
    /// ```
    mod_, mod_out => Remainder, np "mod", op "a % b";
    /// `np.fmod` (C's `fmod`): the remainder with the sign of the dividend; integer `fmod` by
    /// zero gives 0.
    ///
    /// ```
    /// let r = numox::fmod(&numox::array![-7, 7], 3).unwrap();
    /// assert_eq!(r.to_vec::<i64>().unwrap(), vec![-1, 1]);
    /// ```
    fmod, fmod_out => Fmod;
    /// `np.power`: integers wrap and refuse negative exponents ("Integers to negative integer
    /// powers are not allowed."), booleans power as int8, complex powers follow NumPy's
    /// `npy_cpow`.
    ///
    /// ```
    /// let r = numox::power(&numox::array![2, 3], &numox::array![10, 2]).unwrap();
    /// assert_eq!(r.to_vec::<i64>().unwrap(), vec![1024, 9]);
    /// assert!(numox::power(&numox::array![2, 3], -1).is_err());
    /// let f = numox::power(&numox::array![4.0f32], 0.5).unwrap();
    /// assert_eq!(f.to_vec::<f32>().unwrap(), vec![2.0]);
    /// ```
    power, power_out => Power;
    /// `np.float_power`: the power computed in float64 (complex128 for complex inputs), so
    /// negative integer exponents work.
    ///
    /// ```
    /// let r = numox::float_power(&numox::array![2i8, 4], -1).unwrap();
    /// assert_eq!(r.dtype(), numox::DType::Float64);
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.5, 0.25]);
    /// ```
    float_power, float_power_out => FloatPower;
    /// `np.fmax`: the elementwise maximum ignoring NaN (NaN only where both are NaN).
    ///
    /// ```
    /// let r = numox::fmax(&numox::array![1.0, f64::NAN, f64::NAN], &numox::array![f64::NAN, 2.0, f64::NAN]).unwrap();
    /// let v = r.to_vec::<f64>().unwrap();
    /// assert_eq!(&v[..2], &[1.0, 2.0]);
    /// assert!(v[2].is_nan());
    /// ```
    fmax, fmax_out => Fmax;
    /// `np.fmin`: the elementwise minimum ignoring NaN.
    ///
    /// ```
    /// let r = numox::fmin(&numox::array![1.0, f64::NAN], 0.5).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.5, 0.5]);
    /// ```
    fmin, fmin_out => Fmin;
    /// `np.copysign`: the magnitude of `a` with the sign of `b`. Integers go to the smallest
    /// float holding them; complex is an error.
    ///
    /// ```
    /// let r = numox::copysign(&numox::array![1.5, -2.0], -0.0).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![-1.5, -2.0]);
    /// assert_eq!(numox::copysign(&numox::array![1i8], 1).unwrap().dtype(), numox::DType::Float16);
    /// ```
    copysign, copysign_out => Copysign;
    /// `np.heaviside(x, h0)`: 0 where `x < 0`, `h0` where `x == 0`, 1 where `x > 0`, NaN for NaN.
    ///
    /// ```
    /// let r = numox::heaviside(&numox::array![-1.5, 0.0, 2.0], 0.5).unwrap();
    /// assert_eq!(r.to_vec::<f64>().unwrap(), vec![0.0, 0.5, 1.0]);
    /// ```
    heaviside, heaviside_out => Heaviside;
}

/// `np.divmod(a, b)`: `(floor_divide(a, b), remainder(a, b))` in one call.
///
/// ```
/// let (q, r) = numox::divmod(&numox::array![7, -7], 2).unwrap();
/// assert_eq!(q.to_vec::<i64>().unwrap(), vec![3, -4]);
/// assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, 1]);
/// ```
pub fn divmod<'a>(a: impl Into<Operand<'a>>, b: impl Into<Operand<'a>>) -> Result<(Array, Array)> {
    let (a, b) = (a.into(), b.into());
    let q = done(call_binary(Ar::DivmodQuotient, a.clone(), b.clone(), None))?;
    let r = done(call_binary(Ar::DivmodRemainder, a, b, None))?;
    Ok((q, r))
}

/// `np.divmod(a, b, out=(q, r))`: writes the quotient into `q` and the remainder into `r`.
///
/// ```
/// let a = numox::array![7.5, -7.5];
/// let mut q = numox::Array::zeros(&[2], numox::DType::Float64).unwrap();
/// let mut r = q.clone();
/// numox::divmod_out(&a, 2.0, &mut q, &mut r).unwrap();
/// assert_eq!(q.to_vec::<f64>().unwrap(), vec![3.0, -4.0]);
/// assert_eq!(r.to_vec::<f64>().unwrap(), vec![1.5, 0.5]);
/// ```
pub fn divmod_out<'a>(
    a: impl Into<Operand<'a>>,
    b: impl Into<Operand<'a>>,
    q: &mut Array,
    r: &mut Array,
) -> Result<()> {
    let (a, b) = (a.into(), b.into());
    call_binary(Ar::DivmodQuotient, a.clone(), b.clone(), Some(q))?;
    call_binary(Ar::DivmodRemainder, a, b, Some(r))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::{array, Array, DType};

    #[test]
    fn out_forms_cast_and_check() {
        let a = array![7, -7, 9];
        let mut out = Array::zeros(&[3], DType::Float32).unwrap();
        crate::floor_divide_out(&a, 2, &mut out).unwrap();
        assert_eq!(out.to_vec::<f32>().unwrap(), vec![3.0, -4.0, 4.0]);
        let mut small = Array::zeros(&[3], DType::Int8).unwrap();
        // float64 results do not cast to int8 under same_kind; int64 ones do.
        assert!(crate::remainder_out(array![7.5], 2, &mut small).is_err());
        crate::remainder_out(&a, 4, &mut small).unwrap();
        assert_eq!(small.to_vec::<i8>().unwrap(), vec![3, 1, 1]);
        let (mut q, mut r) = (
            Array::zeros(&[2, 3], DType::Int64).unwrap(),
            Array::zeros(&[2, 3], DType::Int64).unwrap(),
        );
        crate::divmod_out(&a, array![[2], [-2]], &mut q, &mut r).unwrap();
        assert_eq!(q.to_vec::<i64>().unwrap(), vec![3, -4, 4, -4, 3, -5]);
        assert_eq!(r.to_vec::<i64>().unwrap(), vec![1, 1, 1, -1, -1, -1]);
    }

    #[test]
    fn negative_integer_powers_are_errors_anywhere_in_the_array() {
        let e = crate::power(array![1i8, 2, 3], array![2i8, -1, 0]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Integers to negative integer powers are not allowed."
        );
        assert!(crate::power(array![2u8], 7).is_ok());
        let f = crate::power(array![2.0], -1).unwrap();
        assert_eq!(f.to_vec::<f64>().unwrap(), vec![0.5]);
    }

    #[test]
    fn copysign_loop_is_chosen_per_operand() {
        let i8a = array![1i8, -2];
        let u8a = array![3u8, 4];
        assert_eq!(crate::copysign(&i8a, &u8a).unwrap().dtype(), DType::Float16);
        assert_eq!(crate::copysign(&i8a, 3).unwrap().dtype(), DType::Float16);
        assert_eq!(crate::copysign(&i8a, 2.5).unwrap().dtype(), DType::Float64);
        assert_eq!(
            crate::copysign(array![true], 3).unwrap().dtype(),
            DType::Float64
        );
        assert_eq!(
            crate::heaviside(array![1i16], &i8a).unwrap().dtype(),
            DType::Float32
        );
    }
}
