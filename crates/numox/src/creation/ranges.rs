//! `arange`: evenly spaced values by step, with NumPy's length rule and fill semantics.

use super::args::Num;
use super::numeric::RangeElem;
use crate::array::Array;
use crate::dtype::{DType, Scalar};
use crate::error::{Error, Result};

/// Values from `start` up to (not including) `stop` by `step`, as `np.arange(start, stop, step)`.
///
/// The arguments are read as Python numbers: every Rust integer type (and `bool`) acts as a
/// Python `int`, every float type as a Python `float`. The result is `int64` when all three are
/// integers and `float64` otherwise, as in NumPy. The length is NumPy's
/// `ceil((stop - start) / step)` (zero when negative), and element `i` is
/// `start + i * step'` where `step'` is the difference of the first two values, computed from the
/// index so that long ranges do not accumulate rounding.
///
/// ```
/// use numox::arange;
/// assert_eq!(arange(0, 5, 1).unwrap().to_vec::<i64>().unwrap(), vec![0, 1, 2, 3, 4]);
/// assert_eq!(arange(1, 0, -0.3).unwrap().size(), 4);
/// assert_eq!(arange(5, 2, 1).unwrap().size(), 0);
/// assert_eq!(arange(0, 5, 0).unwrap_err().to_string(), "division by zero");
/// ```
pub fn arange(
    start: impl Into<Scalar>,
    stop: impl Into<Scalar>,
    step: impl Into<Scalar>,
) -> Result<Array> {
    arange_impl(start.into(), stop.into(), step.into(), None)
}

/// `np.arange(start, stop, step, dtype=dtype)`. As in NumPy, the first two values are converted
/// to `dtype` (as Python numbers are stored: floats truncate toward zero into integer dtypes,
/// out-of-range integers are an error) and the rest extend them by their difference in the
/// dtype's own arithmetic (integers wrap around).
///
/// ```
/// use numox::{arange_with, DType};
/// let a = arange_with(0, 5, 1.5, DType::Int64).unwrap();
/// assert_eq!(a.to_vec::<i64>().unwrap(), vec![0, 1, 2, 3]);
/// let b = arange_with(0, 300, 100, DType::Int8).unwrap();
/// assert_eq!(b.to_vec::<i8>().unwrap(), vec![0, 100, -56]);
/// assert_eq!(
///     arange_with(-3, 3, 1, DType::UInt8).unwrap_err().to_string(),
///     "Python integer -3 out of bounds for uint8"
/// );
/// ```
pub fn arange_with(
    start: impl Into<Scalar>,
    stop: impl Into<Scalar>,
    step: impl Into<Scalar>,
    dtype: DType,
) -> Result<Array> {
    arange_impl(start.into(), stop.into(), step.into(), Some(dtype))
}

fn arange_impl(start: Scalar, stop: Scalar, step: Scalar, dtype: Option<DType>) -> Result<Array> {
    let start = Num::from_scalar(start, "arange")?;
    let stop = Num::from_scalar(stop, "arange")?;
    let step = Num::from_scalar(step, "arange")?;
    let any_float = start.is_float() || stop.is_float() || step.is_float();
    let dtype = dtype.unwrap_or(if any_float {
        DType::Float64
    } else {
        DType::Int64
    });
    let len = arange_len(start, stop, step)?;
    crate::dispatch_dtype!(dtype, T => arange_fill::<T>(len, start, step))
}

/// Builds the range in dtype `T`: the first two values as Python would store them, then NumPy's
/// fill.
pub(crate) fn arange_fill<T: RangeElem>(len: usize, start: Num, step: Num) -> Result<Array> {
    let mut a = Array::zeros(&[len], T::DTYPE)?;
    let out = a.as_slice_mut::<T>()?;
    if len >= 1 {
        out[0] = start.store::<T>()?;
    }
    if len >= 2 {
        out[1] = start.add(step)?.store::<T>()?;
    }
    T::fill(out)?;
    Ok(a)
}

/// NumPy's `_calc_length`: `ceil((stop - start) / step)` with Python's arithmetic, clamped at 0.
pub(crate) fn arange_len(start: Num, stop: Num, step: Num) -> Result<usize> {
    let any_float = start.is_float() || stop.is_float() || step.is_float();
    let step_is_zero = match step {
        Num::Int(s) => s == 0,
        Num::Float(s) => s == 0.0,
    };
    if step_is_zero {
        return Err(Error::Value(
            if any_float {
                "float division by zero"
            } else {
                "division by zero"
            }
            .into(),
        ));
    }
    // Python's OverflowError (an int too large for a float) becomes NumPy's ValueError.
    let size_err = || Error::Value("Maximum allowed size exceeded".into());
    let diff = match (start, stop) {
        // Both fit in i128 with room to spare: their inputs are at most 64-bit.
        (Num::Int(a), Num::Int(b)) => Num::Int(b - a),
        _ => Num::Float(
            stop.to_f64().map_err(|_| size_err())? - start.to_f64().map_err(|_| size_err())?,
        ),
    };
    let diff_is_zero = match diff {
        Num::Int(d) => d == 0,
        Num::Float(d) => d == 0.0,
    };
    if diff_is_zero {
        return Ok(0);
    }
    // Python's true division. For integers below 2**53 both operands are exact doubles, so the
    // quotient is the correctly rounded one Python computes.
    let value = diff.to_f64().map_err(|_| size_err())? / step.to_f64().map_err(|_| size_err())?;
    if value == 0.0 {
        // The quotient underflowed or the step is infinite: one element when the range runs
        // in the step's direction (a +0 quotient), none otherwise.
        return Ok(usize::from(value.is_sign_positive()));
    }
    let ceil = value.ceil();
    if ceil.is_nan() {
        return Err(Error::Value("arange: cannot compute length".into()));
    }
    if !((i64::MIN as f64) <= ceil && ceil <= (i64::MAX as f64)) {
        return Err(size_err());
    }
    if ceil <= 0.0 {
        return Ok(0);
    }
    usize::try_from(ceil as i64).map_err(|_| size_err())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_follow_python_arithmetic() {
        let f = Num::Float;
        let i = Num::Int;
        assert_eq!(arange_len(f(0.0), f(1.0), f(0.1)).unwrap(), 10);
        assert_eq!(arange_len(f(1.0), f(0.0), f(-0.3)).unwrap(), 4);
        assert_eq!(arange_len(i(0), i(10), i(-1)).unwrap(), 0);
        assert_eq!(arange_len(i(0), f(5.0), f(f64::INFINITY)).unwrap(), 1);
        assert_eq!(arange_len(i(0), f(-5.0), f(f64::INFINITY)).unwrap(), 0);
        assert_eq!(arange_len(i(0), f(1e-300), f(1e300)).unwrap(), 1);
        assert_eq!(
            arange_len(i(0), f(f64::NAN), i(1)).unwrap_err().to_string(),
            "arange: cannot compute length"
        );
        assert_eq!(
            arange_len(i(0), f(f64::INFINITY), i(1))
                .unwrap_err()
                .to_string(),
            "Maximum allowed size exceeded"
        );
        assert_eq!(
            arange_len(i(0), i(0), i(0)).unwrap_err().to_string(),
            "division by zero"
        );
        assert_eq!(
            arange_len(i(0), i(5), f(0.0)).unwrap_err().to_string(),
            "float division by zero"
        );
    }
}
