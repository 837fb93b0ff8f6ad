//! Comparisons of whole arrays: `isclose`, `allclose`, `array_equal`, `array_equiv`.
//!
//! `isclose` is NumPy 2's formula, built from the same ufunc calls NumPy makes so that every
//! intermediate has NumPy's dtype: `b` is first made inexact (`result_type(b, 1.0)`), then
//! `(|a - b| <= atol + rtol * |b|) & isfinite(b) | (a == b)`, plus `isnan(a) & isnan(b)` with
//! `equal_nan`. Infinities are close only to an equal infinity.

use super::bitwise::{bitwise_and, bitwise_or};
use super::engine::broadcast;
use super::functions::{absolute, add, equal, less_equal, multiply, subtract};
use super::logical::logical_or;
use super::operand::Operand;
use super::predicates::{isfinite, isnan, operand_array};
use crate::array::Array;
use crate::dtype::{DType, Scalar};
use crate::error::Result;

/// The tolerances of [`isclose_with`] and [`allclose_with`] (NumPy's `rtol`, `atol`,
/// `equal_nan`).
///
/// ```
/// let o = numox::CloseOpts::new().atol(0.0).equal_nan(true);
/// assert_eq!((o.rtol, o.atol, o.equal_nan), (1e-5, 0.0, true));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CloseOpts {
    /// The relative tolerance (default 1e-5), scaled by `|b|`.
    pub rtol: f64,
    /// The absolute tolerance (default 1e-8).
    pub atol: f64,
    /// Whether NaN is close to NaN (default false).
    pub equal_nan: bool,
}

impl Default for CloseOpts {
    fn default() -> Self {
        CloseOpts {
            rtol: 1e-5,
            atol: 1e-8,
            equal_nan: false,
        }
    }
}

impl CloseOpts {
    /// NumPy's defaults: `rtol=1e-5, atol=1e-8, equal_nan=False`.
    ///
    /// ```
    /// assert_eq!(numox::CloseOpts::new().atol, 1e-8);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `rtol`.
    ///
    /// ```
    /// assert_eq!(numox::CloseOpts::new().rtol(0.1).rtol, 0.1);
    /// ```
    pub fn rtol(mut self, v: f64) -> Self {
        self.rtol = v;
        self
    }

    /// Sets `atol`.
    ///
    /// ```
    /// assert_eq!(numox::CloseOpts::new().atol(0.1).atol, 0.1);
    /// ```
    pub fn atol(mut self, v: f64) -> Self {
        self.atol = v;
        self
    }

    /// Sets `equal_nan`.
    ///
    /// ```
    /// assert!(numox::CloseOpts::new().equal_nan(true).equal_nan);
    /// ```
    pub fn equal_nan(mut self, v: bool) -> Self {
        self.equal_nan = v;
        self
    }
}

/// `np.isclose(a, b)` with NumPy's default tolerances: a boolean array, true where
/// `|a - b| <= 1e-8 + 1e-5 * |b|` (not symmetric: `b` is the reference). Two scalars give a 0-d
/// array.
///
/// ```
/// use numox::array;
/// let r = numox::isclose(&array![1e10, 1e-7], &array![1.00001e10, 1e-8]).unwrap();
/// assert_eq!(r.to_vec::<bool>().unwrap(), vec![true, false]);
/// let r = numox::isclose(&array![1.0, f64::NAN, f64::INFINITY], 1.0).unwrap();
/// assert_eq!(r.to_vec::<bool>().unwrap(), vec![true, false, false]);
/// ```
pub fn isclose<'a>(a: impl Into<Operand<'a>>, b: impl Into<Operand<'a>>) -> Result<Array> {
    isclose_with(a, b, CloseOpts::new())
}

/// `np.isclose(a, b, rtol, atol, equal_nan)`.
///
/// ```
/// use numox::{array, CloseOpts};
/// let a = array![1.0, f64::NAN];
/// let r = numox::isclose_with(&a, &a, CloseOpts::new().equal_nan(true)).unwrap();
/// assert_eq!(r.to_vec::<bool>().unwrap(), vec![true, true]);
/// let r = numox::isclose_with(&array![1e-100], 0.0, CloseOpts::new().atol(0.0)).unwrap();
/// assert_eq!(r.to_vec::<bool>().unwrap(), vec![false]);
/// ```
pub fn isclose_with<'a>(
    a: impl Into<Operand<'a>>,
    b: impl Into<Operand<'a>>,
    opts: CloseOpts,
) -> Result<Array> {
    let x = a.into();
    let y = inexact_reference(b.into())?;
    // `atol + rtol * abs(y)`: Python float arithmetic when `y` is a Python scalar (a weak
    // float64 in the comparison), else arrays of abs(y)'s dtype.
    let tol: Operand = match &y {
        Operand::Scalar(s) => Operand::from(opts.atol + opts.rtol * scalar_abs(s)),
        y => add(multiply(absolute(y.clone())?, opts.rtol)?, opts.atol)?.into(),
    };
    let diff = absolute(subtract(x.clone(), y.clone())?)?;
    let close = bitwise_and(less_equal(diff, tol)?, isfinite(y.clone())?)?;
    let mut r = bitwise_or(close, equal(x.clone(), y.clone())?)?;
    if opts.equal_nan {
        r = bitwise_or(r, bitwise_and(isnan(x)?, isnan(y)?)?)?;
    }
    Ok(r)
}

/// NumPy's first step of `isclose`: the reference `b` as an inexact array
/// (`asanyarray(b, dtype=result_type(b, 1.0))`), or a Python scalar as a float (`float(b)` for an
/// integer or bool; a float or complex as it is).
fn inexact_reference(b: Operand) -> Result<Operand> {
    Ok(match b {
        Operand::Scalar(s) => match s.dtype() {
            d if d.is_inexact() => Operand::Scalar(s),
            _ => Operand::from(scalar_as_f64(&s)),
        },
        other => {
            let arr = operand_array(&other)?;
            let dt = crate::promote::result_type(&[arr.dtype()], &[crate::ScalarKind::Float])?;
            if dt == arr.dtype() {
                other
            } else {
                Operand::Owned(arr.astype(dt)?)
            }
        }
    })
}

/// A bool or integer scalar as a Python float (`float(b)`).
fn scalar_as_f64(s: &Scalar) -> f64 {
    match crate::promote::int_value(s) {
        Some(v) => v as f64,
        None => matches!(s, Scalar::Bool(true)) as u8 as f64,
    }
}

/// Python's `abs()` of a float or complex scalar (`hypot` for complex).
fn scalar_abs(s: &Scalar) -> f64 {
    match *s {
        Scalar::Complex64(z) => (z.re as f64).hypot(z.im as f64),
        Scalar::Complex128(z) => z.re.hypot(z.im),
        Scalar::Float16(v) => v.to_f64().abs(),
        Scalar::BFloat16(v) => v.to_f64().abs(),
        Scalar::Float32(v) => (v as f64).abs(),
        Scalar::Float64(v) => v.abs(),
        ref other => scalar_as_f64(other).abs(),
    }
}

/// `np.allclose(a, b)`: true when [`isclose`] holds everywhere (true for empty arrays).
///
/// ```
/// use numox::array;
/// assert!(numox::allclose(&array![1e10, 1e-8], &array![1.00001e10, 1e-9]).unwrap());
/// assert!(!numox::allclose(&array![1.0, f64::NAN], &array![1.0, f64::NAN]).unwrap());
/// ```
pub fn allclose<'a>(a: impl Into<Operand<'a>>, b: impl Into<Operand<'a>>) -> Result<bool> {
    allclose_with(a, b, CloseOpts::new())
}

/// `np.allclose(a, b, rtol, atol, equal_nan)`.
///
/// ```
/// use numox::{array, CloseOpts};
/// let a = array![1.0, f64::NAN];
/// assert!(numox::allclose_with(&a, &a, CloseOpts::new().equal_nan(true)).unwrap());
/// ```
pub fn allclose_with<'a>(
    a: impl Into<Operand<'a>>,
    b: impl Into<Operand<'a>>,
    opts: CloseOpts,
) -> Result<bool> {
    all_true(&isclose_with(a, b, opts)?)
}

/// True when every element of a boolean array is true.
fn all_true(a: &Array) -> Result<bool> {
    let a = if a.dtype() == DType::Bool {
        a.clone()
    } else {
        a.astype(DType::Bool)?
    };
    Ok(a.to_vec::<bool>()?.into_iter().all(|v| v))
}

/// `np.array_equal(a, b, equal_nan)`: true when the shapes are equal and every element is
/// equal (with `equal_nan`, NaN equals NaN; a complex number is NaN when either part is).
///
/// ```
/// use numox::array;
/// assert!(numox::array_equal(&array![1, 2], &array![1.0, 2.0], false).unwrap());
/// assert!(!numox::array_equal(&array![1, 2], &array![1, 2, 3], false).unwrap());
/// let a = array![1.0, f64::NAN];
/// assert!(!numox::array_equal(&a, &a, false).unwrap());
/// assert!(numox::array_equal(&a, &a, true).unwrap());
/// ```
pub fn array_equal<'a>(
    a: impl Into<Operand<'a>>,
    b: impl Into<Operand<'a>>,
    equal_nan: bool,
) -> Result<bool> {
    let (a, b) = (operand_array(&a.into())?, operand_array(&b.into())?);
    if a.shape() != b.shape() {
        return Ok(false);
    }
    let eq = equal(&a, &b)?;
    if !equal_nan || !(a.dtype().is_inexact() || b.dtype().is_inexact()) {
        return all_true(&eq);
    }
    let (an, bn) = (isnan(&a)?, isnan(&b)?);
    Ok(all_true(&equal(&an, &bn)?)? && all_true(&logical_or(eq, an)?)?)
}

/// `np.array_equiv(a, b)`: true when the shapes broadcast together and every element is equal.
///
/// ```
/// use numox::array;
/// assert!(numox::array_equiv(&array![1, 2], &array![[1, 2], [1, 2]]).unwrap());
/// assert!(!numox::array_equiv(&array![1, 2], &array![[1, 2, 1, 2]]).unwrap());
/// ```
pub fn array_equiv<'a>(a: impl Into<Operand<'a>>, b: impl Into<Operand<'a>>) -> Result<bool> {
    let (a, b) = (operand_array(&a.into())?, operand_array(&b.into())?);
    if broadcast(&[&a, &b]).is_err() {
        return Ok(false);
    }
    all_true(&equal(&a, &b)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{array, f16, Complex64};

    fn v(a: Array) -> Vec<bool> {
        a.to_vec::<bool>().unwrap()
    }

    #[test]
    fn numpy_docstring_examples() {
        let o = CloseOpts::new();
        let r = isclose(array![1e10, 1e-8], array![1.00001e10, 1e-9]).unwrap();
        assert_eq!(v(r), vec![true, true]);
        let r = isclose(array![1e10, 1e-8], array![1.0001e10, 1e-9]).unwrap();
        assert_eq!(v(r), vec![false, true]);
        let r = isclose(array![1e-8, 1e-7], array![0.0, 0.0]).unwrap();
        assert_eq!(v(r), vec![true, false]);
        let r = isclose_with(array![1e-100, 1e-7], array![0.0, 0.0], o.atol(0.0)).unwrap();
        assert_eq!(v(r), vec![false, false]);
        let r = isclose(array![1e-10, 1e-10], array![1e-20, 0.0]).unwrap();
        assert_eq!(v(r), vec![true, true]);
        let r = isclose_with(
            array![1e-10, 1e-10],
            array![1e-20, 0.999999e-10],
            o.atol(0.0),
        );
        assert_eq!(v(r.unwrap()), vec![false, true]);
    }

    #[test]
    fn dtypes_scalars_and_infinities() {
        // an int8 reference becomes float64 (result_type(int8, 1.0)), as in NumPy
        let i = Array::from_vec(vec![1i8, 2]);
        let r = isclose(&i, Array::from_vec(vec![1i8, 3])).unwrap();
        assert_eq!(v(r), vec![true, false]);
        let inf = array![f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY];
        let r = isclose(&inf, array![f64::INFINITY, f64::INFINITY, 1e308]).unwrap();
        assert_eq!(v(r), vec![true, false, false]);
        let r = isclose(1.0, 1.0).unwrap();
        assert_eq!((r.ndim(), r.item_as::<bool>().unwrap()), (0, true));
        let z = array![Complex64::new(1.0, 1.0)];
        assert_eq!(
            v(isclose(&z, Complex64::new(1.0, 1.0 + 1e-9)).unwrap()),
            vec![true]
        );
        let h = array![f16::from_f32(1.0)];
        assert_eq!(v(isclose(&h, 1.0001).unwrap()), vec![true]);
        assert!(isclose(array![1.0, 2.0], array![1.0, 2.0, 3.0]).is_err());
        assert!(isclose(true, 1).unwrap().item_as::<bool>().unwrap());
    }

    #[test]
    fn whole_array_answers() {
        assert!(allclose(Array::zeros(&[0], DType::Float32).unwrap(), 1.0).unwrap());
        assert!(!array_equal(array![1.0], array![[1.0]], false).unwrap());
        let a = array![Complex64::new(1.0, f64::NAN)];
        let b = array![Complex64::new(f64::NAN, 1.0)];
        assert!(array_equal(&a, &b, true).unwrap());
        assert!(!array_equal(&a, &b, false).unwrap());
        assert!(!array_equal(array![1.0, f64::NAN], array![f64::NAN, 1.0], true).unwrap());
        assert!(array_equal(array![1, 2], array![1, 2], true).unwrap());
        assert!(array_equiv(array![[1, 2], [1, 2]], array![1, 2]).unwrap());
        assert!(!array_equiv(array![[1, 2], [1, 3]], array![1, 2]).unwrap());
        assert!(array_equiv(3, array![3, 3]).unwrap());
    }
}
