//! Elementwise tests of floating-point classes — `isnan`, `isinf`, `isfinite`, `isposinf`,
//! `isneginf`, `signbit` — and `nan_to_num`.
//!
//! Every dtype NumPy accepts is accepted: booleans and integers are never NaN or infinite (their
//! loops answer without a cast), complex numbers are NaN / infinite when either part is. NumPy
//! has no complex `signbit`, `isposinf` or `isneginf`, and neither has numox (same errors).

use super::define::{no_loop, unary_ufuncs, UnaryOp};
use super::engine::{new_output, operand_dtype, to_loop_dtype, unary_into};
use super::operand::Operand;
use crate::array::Array;
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};
use crate::kernels::classify::Classify;

/// The classification tests.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Pred {
    IsNan,
    IsInf,
    IsFinite,
    IsPosInf,
    IsNegInf,
    Signbit,
}

impl UnaryOp for Pred {
    fn name(self) -> &'static str {
        match self {
            Pred::IsNan => "isnan",
            Pred::IsInf => "isinf",
            Pred::IsFinite => "isfinite",
            Pred::IsPosInf => "isposinf",
            Pred::IsNegInf => "isneginf",
            Pred::Signbit => "signbit",
        }
    }

    fn resolve(self, dt: DType) -> Result<(DType, DType)> {
        match self {
            Pred::Signbit if dt.is_complex() => Err(no_loop(self.name())),
            Pred::IsPosInf | Pred::IsNegInf if dt.is_complex() => Err(Error::DType(format!(
                "This operation is not supported for {dt} values because it would be ambiguous."
            ))),
            _ => Ok((dt, DType::Bool)),
        }
    }

    fn run(self, a: &Array, out: &mut Array) -> Result<()> {
        crate::dispatch_dtype!(a.dtype(), T => match self {
            Pred::IsNan => unary_into::<T, bool>(a, out, |x| x.is_nan_()),
            Pred::IsInf => unary_into::<T, bool>(a, out, |x| x.is_inf_()),
            Pred::IsFinite => unary_into::<T, bool>(a, out, |x| x.is_finite_()),
            Pred::IsPosInf => unary_into::<T, bool>(a, out, |x| x.is_inf_() & !x.signbit_()),
            Pred::IsNegInf => unary_into::<T, bool>(a, out, |x| x.is_inf_() & x.signbit_()),
            Pred::Signbit => unary_into::<T, bool>(a, out, |x| x.signbit_()),
        })
    }
}

unary_ufuncs! {
    Pred;
    /// `np.isnan`: true for NaN (a complex number with a NaN part); false for every boolean
    /// and integer.
    ///
    /// ```
    /// let r = numox::isnan(&numox::array![1.0, f64::NAN, f64::INFINITY]).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![false, true, false]);
    /// assert!(!numox::isnan(&numox::array![1i8]).unwrap().item_as::<bool>().unwrap());
    /// ```
    isnan, isnan_out => IsNan;
    /// `np.isinf`: true for ±inf (a complex number with an infinite part).
    ///
    /// ```
    /// let r = numox::isinf(&numox::array![1.0f32, f32::NEG_INFINITY, f32::NAN]).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![false, true, false]);
    /// ```
    isinf, isinf_out => IsInf;
    /// `np.isfinite`: false for NaN and ±inf; true for every boolean and integer.
    ///
    /// ```
    /// let r = numox::isfinite(&numox::array![1.0, f64::NAN, f64::INFINITY]).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![true, false, false]);
    /// ```
    isfinite, isfinite_out => IsFinite;
    /// `np.isposinf`: true for +inf; an error for complex input, as in NumPy.
    ///
    /// ```
    /// let r = numox::isposinf(&numox::array![f64::INFINITY, f64::NEG_INFINITY, 1.0]).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![true, false, false]);
    /// assert!(numox::isposinf(&numox::array![numox::Complex64::new(1.0, 0.0)]).is_err());
    /// ```
    isposinf, isposinf_out => IsPosInf;
    /// `np.isneginf`: true for -inf; an error for complex input, as in NumPy.
    ///
    /// ```
    /// let r = numox::isneginf(&numox::array![f64::INFINITY, f64::NEG_INFINITY, 1.0]).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![false, true, false]);
    /// ```
    isneginf, isneginf_out => IsNegInf;
    /// `np.signbit`: the sign bit (true for -0.0, and for negative integers); no complex loop.
    ///
    /// ```
    /// let r = numox::signbit(&numox::array![-0.0, 0.0, -2.0]).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![true, false, true]);
    /// let r = numox::signbit(&numox::array![-1i8, 1]).unwrap();
    /// assert_eq!(r.to_vec::<bool>().unwrap(), vec![true, false]);
    /// ```
    signbit, signbit_out => Signbit;
}

/// The replacement values of [`nan_to_num_with`] (NumPy's `nan`, `posinf`, `neginf`).
///
/// ```
/// use numox::NanToNumOpts;
/// let o = NanToNumOpts::new().nan(-1.0).posinf(1e6);
/// assert_eq!((o.nan, o.posinf, o.neginf), (-1.0, Some(1e6), None));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NanToNumOpts {
    /// The value NaN becomes (default 0.0).
    pub nan: f64,
    /// The value +inf becomes; `None` is the dtype's largest finite value.
    pub posinf: Option<f64>,
    /// The value -inf becomes; `None` is the dtype's most negative finite value.
    pub neginf: Option<f64>,
}

impl Default for NanToNumOpts {
    fn default() -> Self {
        NanToNumOpts {
            nan: 0.0,
            posinf: None,
            neginf: None,
        }
    }
}

impl NanToNumOpts {
    /// NumPy's defaults: `nan=0.0, posinf=None, neginf=None`.
    ///
    /// ```
    /// assert_eq!(numox::NanToNumOpts::new().nan, 0.0);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the value NaN becomes.
    ///
    /// ```
    /// assert_eq!(numox::NanToNumOpts::new().nan(2.0).nan, 2.0);
    /// ```
    pub fn nan(mut self, v: f64) -> Self {
        self.nan = v;
        self
    }

    /// Sets the value +inf becomes.
    ///
    /// ```
    /// assert_eq!(numox::NanToNumOpts::new().posinf(9.0).posinf, Some(9.0));
    /// ```
    pub fn posinf(mut self, v: f64) -> Self {
        self.posinf = Some(v);
        self
    }

    /// Sets the value -inf becomes.
    ///
    /// ```
    /// assert_eq!(numox::NanToNumOpts::new().neginf(-9.0).neginf, Some(-9.0));
    /// ```
    pub fn neginf(mut self, v: f64) -> Self {
        self.neginf = Some(v);
        self
    }
}

/// `np.nan_to_num(a)`: a copy with NaN replaced by 0 and ±inf by the dtype's largest / most
/// negative finite value (complex numbers part by part). Boolean and integer arrays come back
/// unchanged (a copy).
///
/// ```
/// let r = numox::nan_to_num(&numox::array![f32::NAN, f32::INFINITY, -f32::INFINITY, 1.0]).unwrap();
/// assert_eq!(r.to_vec::<f32>().unwrap(), vec![0.0, f32::MAX, f32::MIN, 1.0]);
/// ```
pub fn nan_to_num<'a>(a: impl Into<Operand<'a>>) -> Result<Array> {
    nan_to_num_with(a, NanToNumOpts::new())
}

/// `np.nan_to_num(a, nan=.., posinf=.., neginf=..)`: the replacement values are converted to
/// the array's (real part) dtype as NumPy converts a Python float (`1e6` is `inf` in float16).
///
/// ```
/// use numox::{array, NanToNumOpts};
/// let a = array![f64::NAN, f64::INFINITY, f64::NEG_INFINITY];
/// let r = numox::nan_to_num_with(&a, NanToNumOpts::new().nan(-1.0).posinf(9.0)).unwrap();
/// assert_eq!(r.to_vec::<f64>().unwrap(), vec![-1.0, 9.0, f64::MIN]);
/// ```
pub fn nan_to_num_with<'a>(a: impl Into<Operand<'a>>, opts: NanToNumOpts) -> Result<Array> {
    let a = operand_array(&a.into())?;
    let dt = a.dtype();
    if !dt.is_inexact() {
        return Ok(a.copy());
    }
    crate::dispatch_dtype!(dt, T => {
        let nan = part_value::<T>(opts.nan)?;
        let posinf = opts.posinf.map_or(Ok(T::PART_MAX), part_value::<T>)?;
        let neginf = opts.neginf.map_or(Ok(T::PART_MIN), part_value::<T>)?;
        let mut out = new_output(a.shape(), dt, &[&a])?;
        unary_into::<T, T>(&a, &mut out, |x| x.nan_to_num_(nan, posinf, neginf))?;
        Ok(out)
    })
}

/// A Python float converted to the part type of `T` (NumPy's `copyto` of a Python float).
fn part_value<T: Classify>(v: f64) -> Result<T::Part> {
    Array::scalar(v)
        .astype(<T::Part as Element>::DTYPE)?
        .item_as::<T::Part>()
}

/// An operand as an array: arrays as they are, a scalar as a 0-d array of its default dtype
/// (NumPy's `asanyarray` of a Python scalar: int64, or uint64 for an integer beyond int64).
pub(crate) fn operand_array(op: &Operand) -> Result<Array> {
    let dt = match op {
        Operand::Scalar(s)
            if crate::promote::int_value(s).is_some_and(|v| v > i64::MAX as i128) =>
        {
            DType::UInt64
        }
        _ => operand_dtype(&[op])?,
    };
    to_loop_dtype(op, dt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{array, bf16, f16, Complex32, Complex64};

    #[test]
    fn integers_and_bools_answer_without_a_cast() {
        let i = Array::from_vec(vec![i64::MIN, -1, 0, 7]);
        assert_eq!(
            signbit(&i).unwrap().to_vec::<bool>().unwrap(),
            vec![true, true, false, false]
        );
        let u = Array::from_vec(vec![u64::MAX]);
        assert!(!signbit(&u).unwrap().to_vec::<bool>().unwrap()[0]);
        let b = array![true, false];
        for f in [isnan, isinf, isposinf, isneginf, signbit] {
            let r = f(&b).unwrap();
            assert_eq!(r.to_vec::<bool>().unwrap(), vec![false, false]);
        }
        assert_eq!(
            isfinite(&i).unwrap().to_vec::<bool>().unwrap(),
            vec![true; 4]
        );
    }

    #[test]
    fn complex_classes_and_errors() {
        let z = array![
            Complex64::new(f64::INFINITY, f64::NAN),
            Complex64::new(1.0, f64::NEG_INFINITY),
            Complex64::new(f64::NAN, 0.0),
            Complex64::new(1.0, 2.0)
        ];
        let v = |r: Array| r.to_vec::<bool>().unwrap();
        assert_eq!(v(isnan(&z).unwrap()), vec![true, false, true, false]);
        assert_eq!(v(isinf(&z).unwrap()), vec![true, true, false, false]);
        assert_eq!(v(isfinite(&z).unwrap()), vec![false, false, false, true]);
        let e = isposinf(&z).unwrap_err().to_string();
        assert_eq!(
            e,
            "This operation is not supported for complex128 values because it would be ambiguous."
        );
        let c = array![Complex32::new(1.0, 0.0)];
        assert!(isneginf(&c)
            .unwrap_err()
            .to_string()
            .contains("complex64 values"));
        assert_eq!(
            signbit(&c).unwrap_err().to_string(),
            no_loop("signbit").to_string()
        );
    }

    #[test]
    fn float_classes_in_every_width() {
        let h = array![f16::NEG_INFINITY, f16::NAN, f16::NEG_ZERO, f16::INFINITY];
        let v = |r: Array| r.to_vec::<bool>().unwrap();
        assert_eq!(v(isposinf(&h).unwrap()), vec![false, false, false, true]);
        assert_eq!(v(isneginf(&h).unwrap()), vec![true, false, false, false]);
        assert_eq!(v(signbit(&h).unwrap()), vec![true, false, true, false]);
        let b = array![bf16::NAN, bf16::ONE];
        assert_eq!(v(isnan(&b).unwrap()), vec![true, false]);
        // views and a scalar
        let m = Array::from_shape_vec(&[2, 2], vec![f64::NAN, 1.0, 2.0, f64::INFINITY]).unwrap();
        assert_eq!(v(isfinite(m.t()).unwrap()), vec![false, true, true, false]);
        let r = isnan(f64::NAN).unwrap();
        assert_eq!((r.ndim(), r.item_as::<bool>().unwrap()), (0, true));
    }

    #[test]
    fn nan_to_num_defaults_and_conversions() {
        let h = array![f16::NAN, f16::INFINITY, f16::NEG_INFINITY, f16::ONE];
        let r = nan_to_num(&h).unwrap();
        assert_eq!(r.dtype(), DType::Float16);
        assert_eq!(
            r.to_vec::<f16>().unwrap(),
            vec![f16::ZERO, f16::MAX, f16::MIN, f16::ONE]
        );
        // np.nan_to_num(float16([nan]), nan=1e6) -> [inf]
        let r = nan_to_num_with(&h, NanToNumOpts::new().nan(1e6)).unwrap();
        assert_eq!(r.to_vec::<f16>().unwrap()[0], f16::INFINITY);
        let z = array![
            Complex64::new(f64::NAN, f64::INFINITY),
            Complex64::new(f64::NEG_INFINITY, f64::NAN)
        ];
        let r = nan_to_num(&z).unwrap().to_vec::<Complex64>().unwrap();
        assert_eq!(r[0], Complex64::new(0.0, f64::MAX));
        assert_eq!(r[1], Complex64::new(f64::MIN, 0.0));
        let i = Array::from_vec(vec![1i8, 2]);
        let r = nan_to_num_with(&i, NanToNumOpts::new().nan(1000.0)).unwrap();
        assert_eq!(r.to_vec::<i8>().unwrap(), vec![1, 2]);
        assert!(!r.shares_buffer(&i));
        let r = nan_to_num(f64::INFINITY).unwrap();
        assert_eq!((r.ndim(), r.item_as::<f64>().unwrap()), (0, f64::MAX));
    }
}
