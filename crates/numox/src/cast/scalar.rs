//! Casting one value: [`Scalar::cast`] (the `astype` conversion), [`Scalar::coerce`] (how NumPy
//! stores a Python scalar into a dtype: `a[i] = x`, `np.full(shape, x, dtype)`, a weak ufunc
//! operand) and [`Array::set`], which stores a value with the latter.

use super::array::check_rule;
use super::{complex_to_real_error, drops_imaginary, undefined_error, CastElement};
use crate::array::Array;
use crate::dtype::{DType, Element, Kind, Scalar};
use crate::error::{Error, Result};
use crate::promote::{check_int_fits, int_value, Casting};

impl Scalar {
    /// The value converted to `dtype` as [`Array::astype`] converts elements: integers wrap,
    /// float → int truncates (NaN, ±inf and out-of-range values are an error), complex → real
    /// is an error (use [`Scalar::cast_with`] and `Casting::Unsafe` to take the real part).
    ///
    /// ```
    /// use numox::{DType, Scalar};
    /// assert_eq!(Scalar::from(300i64).cast(DType::Int8).unwrap(), Scalar::Int8(44));
    /// assert_eq!(Scalar::from(-2.9f64).cast(DType::Int16).unwrap(), Scalar::Int16(-2));
    /// assert_eq!(Scalar::from(0.1f64).cast(DType::Float32).unwrap(), Scalar::Float32(0.1));
    /// assert!(Scalar::from(f64::INFINITY).cast(DType::Int32).is_err());
    /// ```
    pub fn cast(self, dtype: DType) -> Result<Scalar> {
        if drops_imaginary(self.dtype(), dtype) {
            return Err(complex_to_real_error());
        }
        cast_any(self, dtype)
    }

    /// [`Scalar::cast`] under a casting rule; errors with [`Error::Casting`] when the rule
    /// forbids the conversion.
    ///
    /// ```
    /// use numox::{promote::Casting, Complex64, DType, Scalar};
    /// let c = Scalar::from(Complex64::new(1.5, -1.0));
    /// assert_eq!(c.cast_with(DType::Float32, Casting::Unsafe).unwrap(), Scalar::Float32(1.5));
    /// assert!(c.cast_with(DType::Float32, Casting::SameKind).is_err());
    /// assert_eq!(
    ///     Scalar::from(1u8).cast_with(DType::Int16, Casting::Safe).unwrap(),
    ///     Scalar::Int16(1)
    /// );
    /// ```
    pub fn cast_with(self, dtype: DType, casting: Casting) -> Result<Scalar> {
        check_rule(self.dtype(), dtype, casting)?;
        cast_any(self, dtype)
    }

    /// The value stored into `dtype` the way NumPy stores a Python scalar (`a[0] = x`,
    /// `np.full(shape, x, dtype=...)`, a weak operand of a ufunc): Rust scalars act like Python's
    /// `bool`, `int`, `float` and `complex`, whatever their width.
    ///
    /// - An integer must fit an integer dtype (`Error::Overflow`, "Python integer 300 out of
    ///   bounds for int8"); into a float dtype it rounds through float64 as Python's `float(x)`.
    /// - A float truncates toward zero into an integer dtype and must then fit; NaN is
    ///   `Error::Value` and ±inf `Error::Overflow`, with Python's messages.
    /// - A complex value into a real dtype is `Error::DType`, as `float(1j)` is a `TypeError`.
    /// - Anything goes into bool (nonzero is `true`).
    ///
    /// ```
    /// use numox::{DType, Scalar};
    /// assert_eq!(Scalar::from(2.7f64).coerce(DType::Int64).unwrap(), Scalar::Int64(2));
    /// assert_eq!(
    ///     Scalar::from(300i64).coerce(DType::Int8).unwrap_err().to_string(),
    ///     "Python integer 300 out of bounds for int8"
    /// );
    /// assert_eq!(
    ///     Scalar::from(-2.5f64).coerce(DType::UInt8).unwrap_err().to_string(),
    ///     "Python integer -2 out of bounds for uint8"
    /// );
    /// assert_eq!(Scalar::from(1e300f64).coerce(DType::Float32).unwrap(), Scalar::Float32(f32::INFINITY));
    /// assert_eq!(Scalar::from(5i32).coerce(DType::Bool).unwrap(), Scalar::Bool(true));
    /// ```
    pub fn coerce(self, dtype: DType) -> Result<Scalar> {
        if let Some(v) = int_value(&self) {
            return coerce_int(v, dtype);
        }
        match self.dtype().kind() {
            Kind::Float => coerce_float(crate::dispatch_scalar!(self, v => v.real_f64()), dtype),
            Kind::Complex if !dtype.is_complex() && dtype != DType::Bool => {
                Err(Error::DType(if dtype.is_integer() {
                    "int() argument must be a string, a bytes-like object or a real number, not 'complex'".into()
                } else {
                    "float() argument must be a string or a real number, not 'complex'".into()
                }))
            }
            _ => cast_any(self, dtype),
        }
    }
}

impl Array {
    /// Stores `value` at `index` (negative entries count from the end), converted to the
    /// array's dtype as NumPy's `a[i, j] = value` converts a Python scalar (see
    /// [`Scalar::coerce`]): `2.7` stores `2` in an integer array, `300` is an error for int8.
    /// Copy-on-write applies when the buffer is shared.
    ///
    /// ```
    /// use numox::{Array, DType};
    /// let mut a = Array::zeros(&[2, 2], DType::Int32).unwrap();
    /// a.set(&[0, 1], 2.7).unwrap();
    /// a.set(&[-1, -1], 7u8).unwrap();
    /// assert_eq!(a.to_vec::<i32>().unwrap(), vec![0, 2, 0, 7]);
    /// let mut b = Array::zeros(&[2], DType::Int8).unwrap();
    /// assert!(b.set(&[0], 300).is_err());
    /// assert!(b.set(&[2], 1).is_err());
    /// ```
    pub fn set(&mut self, index: &[isize], value: impl Into<Scalar>) -> Result<()> {
        self.layout().checked_offset(index)?;
        let v = value.into().coerce(self.dtype())?;
        crate::dispatch_scalar!(v, x => self.set_as(index, x))
    }
}

/// The `astype` conversion of one value, without rule checks.
fn cast_any(s: Scalar, to: DType) -> Result<Scalar> {
    crate::dispatch_scalar!(s, v => cast_one(v, to))
}

fn cast_one<S: CastElement>(v: S, to: DType) -> Result<Scalar> {
    crate::dispatch_dtype!(to, D => {
        if v.cast_defined::<D>() {
            Ok(v.cast_to::<D>().into_scalar())
        } else {
            Err(undefined_error(v.real_f64(), D::DTYPE))
        }
    })
}

/// A Python `int` into `to`.
fn coerce_int(v: i128, to: DType) -> Result<Scalar> {
    // The value as an exact 64-bit scalar (it fits one: it came from a Rust integer or from a
    // float truncated and bounds-checked by the caller).
    let wide = if v < 0 {
        Scalar::Int64(v as i64)
    } else {
        Scalar::UInt64(v as u64)
    };
    match to.kind() {
        Kind::Int | Kind::UInt => {
            check_int_fits(v, to)?;
            cast_any(wide, to)
        }
        Kind::Bool => Ok(Scalar::Bool(v != 0)),
        // ml_dtypes converts Python ints to bfloat16 through float32.
        _ if to == DType::BFloat16 => cast_any(wide, to),
        // Python's float(int) rounds once to float64; NumPy converts that double.
        _ => cast_any(Scalar::Float64(v as f64), to),
    }
}

/// A Python `float` into `to`.
fn coerce_float(x: f64, to: DType) -> Result<Scalar> {
    if !to.is_integer() {
        return cast_any(Scalar::Float64(x), to);
    }
    if x.is_nan() {
        return Err(Error::Value("cannot convert float NaN to integer".into()));
    }
    if x.is_infinite() {
        return Err(Error::Overflow(
            "cannot convert float infinity to integer".into(),
        ));
    }
    let t = x.trunc();
    if t.abs() >= 2f64.powi(100) {
        return Err(Error::Overflow(
            "Python int too large to convert to C long".into(),
        ));
    }
    coerce_int(t as i128, to)
}
