//! `linspace`, `logspace` and `geomspace`, with NumPy's exact algorithms so the values match
//! NumPy's bit for bit.

use super::args::{IntArg, Num};
use super::numeric::{dispatch_space, space_dtype, SpaceFloat};
use super::{cast_to, par_fill, par_map};
use crate::array::Array;
use crate::dtype::{DType, Scalar};
use crate::error::{Error, Result};

/// Optional arguments of [`linspace_with`], [`linspace_retstep`] and [`geomspace_with`].
///
/// ```
/// use numox::{creation::LinspaceOpts, DType};
/// let o = LinspaceOpts::new().endpoint(false).dtype(DType::Float32);
/// assert!(!o.endpoint);
/// assert_eq!(LinspaceOpts::from(DType::Int32).dtype, Some(DType::Int32));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinspaceOpts {
    /// Whether `stop` is the last sample (NumPy's `endpoint`, default true).
    pub endpoint: bool,
    /// The output dtype; `None` keeps the computation dtype (NumPy's `dtype`).
    pub dtype: Option<DType>,
}

impl Default for LinspaceOpts {
    fn default() -> Self {
        LinspaceOpts {
            endpoint: true,
            dtype: None,
        }
    }
}

impl LinspaceOpts {
    /// NumPy's defaults: `endpoint=True`, `dtype=None`.
    ///
    /// ```
    /// assert!(numox::creation::LinspaceOpts::new().endpoint);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `endpoint`.
    ///
    /// ```
    /// assert!(!numox::creation::LinspaceOpts::new().endpoint(false).endpoint);
    /// ```
    pub fn endpoint(mut self, endpoint: bool) -> Self {
        self.endpoint = endpoint;
        self
    }

    /// Sets the output dtype.
    ///
    /// ```
    /// use numox::{creation::LinspaceOpts, DType};
    /// assert_eq!(LinspaceOpts::new().dtype(DType::Int8).dtype, Some(DType::Int8));
    /// ```
    pub fn dtype(mut self, dtype: DType) -> Self {
        self.dtype = Some(dtype);
        self
    }
}

impl From<DType> for LinspaceOpts {
    fn from(dtype: DType) -> Self {
        LinspaceOpts::new().dtype(dtype)
    }
}

/// Optional arguments of [`logspace_with`]: [`LinspaceOpts`]'s plus the `base`.
///
/// ```
/// use numox::creation::LogspaceOpts;
/// assert_eq!(LogspaceOpts::new().base, 10.0);
/// assert_eq!(LogspaceOpts::new().base(2.0).base, 2.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogspaceOpts {
    /// Whether `base ** stop` is the last sample (default true).
    pub endpoint: bool,
    /// The base of the exponents (default 10.0).
    pub base: f64,
    /// The output dtype; `None` keeps the computation dtype.
    pub dtype: Option<DType>,
}

impl Default for LogspaceOpts {
    fn default() -> Self {
        LogspaceOpts {
            endpoint: true,
            base: 10.0,
            dtype: None,
        }
    }
}

impl LogspaceOpts {
    /// NumPy's defaults: `endpoint=True`, `base=10.0`, `dtype=None`.
    ///
    /// ```
    /// assert!(numox::creation::LogspaceOpts::new().endpoint);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `endpoint`.
    ///
    /// ```
    /// assert!(!numox::creation::LogspaceOpts::new().endpoint(false).endpoint);
    /// ```
    pub fn endpoint(mut self, endpoint: bool) -> Self {
        self.endpoint = endpoint;
        self
    }

    /// Sets `base`.
    ///
    /// ```
    /// assert_eq!(numox::creation::LogspaceOpts::new().base(2.0).base, 2.0);
    /// ```
    pub fn base(mut self, base: f64) -> Self {
        self.base = base;
        self
    }

    /// Sets the output dtype.
    ///
    /// ```
    /// use numox::{creation::LogspaceOpts, DType};
    /// assert_eq!(LogspaceOpts::new().dtype(DType::Float32).dtype, Some(DType::Float32));
    /// ```
    pub fn dtype(mut self, dtype: DType) -> Self {
        self.dtype = Some(dtype);
        self
    }
}

impl From<DType> for LogspaceOpts {
    fn from(dtype: DType) -> Self {
        LogspaceOpts::new().dtype(dtype)
    }
}

/// `num` evenly spaced samples from `start` to `stop` inclusive (`np.linspace(start, stop, num)`).
///
/// The arguments are read as NumPy reads Python numbers and NumPy scalars: integers and `f64`
/// are weak (Python ints and floats), `f32` and `f16` are strong. The computation runs in
/// `float64`, or in `float32`/`float16` when a strong argument has that type, with NumPy's
/// algorithm: `step = (stop - start) / (num - 1)`, `y[i] = i * step + start`, and the last
/// sample set to `stop`, so the values equal NumPy's bit for bit.
///
/// ```
/// use numox::{linspace, DType};
/// let a = linspace(2.0, 3.0, 5).unwrap();
/// assert_eq!(a.to_vec::<f64>().unwrap(), vec![2.0, 2.25, 2.5, 2.75, 3.0]);
/// let b = linspace(0f32, 1.0, 3).unwrap();
/// assert_eq!(b.dtype(), DType::Float32);
/// assert_eq!(
///     linspace(0, 1, -1).unwrap_err().to_string(),
///     "Number of samples, -1, must be non-negative."
/// );
/// ```
pub fn linspace(
    start: impl Into<Scalar>,
    stop: impl Into<Scalar>,
    num: impl IntArg,
) -> Result<Array> {
    linspace_with(start, stop, num, LinspaceOpts::new())
}

/// `np.linspace` with `endpoint` and `dtype`. An integer `dtype` floors the samples before the
/// cast, as NumPy 2 does.
///
/// ```
/// use numox::{linspace_with, creation::LinspaceOpts};
/// let a = linspace_with(0, 1, 4, LinspaceOpts::new().endpoint(false)).unwrap();
/// assert_eq!(a.to_vec::<f64>().unwrap(), vec![0.0, 0.25, 0.5, 0.75]);
/// ```
pub fn linspace_with(
    start: impl Into<Scalar>,
    stop: impl Into<Scalar>,
    num: impl IntArg,
    opts: impl Into<LinspaceOpts>,
) -> Result<Array> {
    Ok(linspace_retstep(start, stop, num, opts)?.0)
}

/// `np.linspace(..., retstep=True)`: the samples and the step between them (NaN when fewer than
/// two samples leave it undefined, as in NumPy).
///
/// ```
/// use numox::{linspace_retstep, creation::LinspaceOpts};
/// let (a, step) = linspace_retstep(0, 1, 5, LinspaceOpts::new()).unwrap();
/// assert_eq!((a.size(), step), (5, 0.25));
/// assert!(linspace_retstep(0, 1, 1, LinspaceOpts::new()).unwrap().1.is_nan());
/// ```
pub fn linspace_retstep(
    start: impl Into<Scalar>,
    stop: impl Into<Scalar>,
    num: impl IntArg,
    opts: impl Into<LinspaceOpts>,
) -> Result<(Array, f64)> {
    let opts = opts.into();
    let num = samples(num)?;
    let (start, stop) = (start.into(), stop.into());
    let dt = space_dtype(start.dtype(), stop.dtype());
    let (a, step) = dispatch_space!(dt, F => {
        let (s, e) = (read::<F>(start, "linspace")?, read::<F>(stop, "linspace")?);
        let mut a = Array::zeros(&[num], dt)?;
        let step = lin_fill(a.as_slice_mut::<F>()?, s, e, opts.endpoint);
        if opts.dtype.is_some_and(|d| d.is_integer()) {
            par_map(a.as_slice_mut::<F>()?, move |x| F::from_f64(x.to_f64().floor()));
        }
        Ok((a, step))
    })?;
    Ok((cast_to(a, opts.dtype)?, step))
}

/// `num` samples of `base ** t` for `t` evenly spaced from `start` to `stop`
/// (`np.logspace(start, stop, num)`, base 10).
///
/// ```
/// use numox::logspace;
/// let a = logspace(0, 3, 4).unwrap();
/// assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 10.0, 100.0, 1000.0]);
/// ```
pub fn logspace(
    start: impl Into<Scalar>,
    stop: impl Into<Scalar>,
    num: impl IntArg,
) -> Result<Array> {
    logspace_with(start, stop, num, LogspaceOpts::new())
}

/// `np.logspace` with `endpoint`, `base` and `dtype`: `base ** linspace(start, stop, num)`,
/// computed with C's `pow` in the linspace's dtype as NumPy does.
///
/// ```
/// use numox::{logspace_with, creation::LogspaceOpts};
/// let a = logspace_with(0, 3, 4, LogspaceOpts::new().base(2.0)).unwrap();
/// assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 2.0, 4.0, 8.0]);
/// ```
pub fn logspace_with(
    start: impl Into<Scalar>,
    stop: impl Into<Scalar>,
    num: impl IntArg,
    opts: impl Into<LogspaceOpts>,
) -> Result<Array> {
    let opts = opts.into();
    let num = samples(num)?;
    let (start, stop) = (start.into(), stop.into());
    let dt = space_dtype(start.dtype(), stop.dtype());
    let a = dispatch_space!(dt, F => {
        let (s, e) = (read::<F>(start, "logspace")?, read::<F>(stop, "logspace")?);
        let mut a = Array::zeros(&[num], dt)?;
        let out = a.as_slice_mut::<F>()?;
        lin_fill(out, s, e, opts.endpoint);
        let base = F::from_f64(opts.base);
        par_map(out, move |y| base.pow(y));
        Ok(a)
    })?;
    cast_to(a, opts.dtype)
}

/// `num` samples of a geometric progression from `start` to `stop` (`np.geomspace`): each
/// sample is a constant multiple of the previous one. Negative ranges work (both ends
/// negative); zero is an error. Computed in `float64` with NumPy's algorithm (logspace between
/// the base-10 logarithms, ends set exactly).
///
/// ```
/// use numox::geomspace;
/// let a = geomspace(-1, -1000, 4).unwrap();
/// assert_eq!(a.to_vec::<f64>().unwrap(), vec![-1.0, -10.0, -100.0, -1000.0]);
/// assert_eq!(
///     geomspace(0, 1, 3).unwrap_err().to_string(),
///     "Geometric sequence cannot include zero"
/// );
/// ```
pub fn geomspace(
    start: impl Into<Scalar>,
    stop: impl Into<Scalar>,
    num: impl IntArg,
) -> Result<Array> {
    geomspace_with(start, stop, num, LinspaceOpts::new())
}

/// `np.geomspace` with `endpoint` and `dtype` (an integer dtype truncates, as NumPy's final
/// `astype` does).
///
/// ```
/// use numox::{geomspace_with, creation::LinspaceOpts};
/// let a = geomspace_with(1, 1000, 3, LinspaceOpts::new().endpoint(false)).unwrap();
/// assert_eq!(a.to_vec::<f64>().unwrap(), vec![1.0, 10.0, 100.0]);
/// // As in NumPy, inner samples may be off the exact power by rounding:
/// let b = geomspace_with(1, 16, 4, LinspaceOpts::new().endpoint(false)).unwrap();
/// assert_eq!(b.to_vec::<f64>().unwrap(), vec![1.0, 2.0, 4.0, 7.999999999999999]);
/// ```
pub fn geomspace_with(
    start: impl Into<Scalar>,
    stop: impl Into<Scalar>,
    num: impl IntArg,
    opts: impl Into<LinspaceOpts>,
) -> Result<Array> {
    let opts = opts.into();
    let num = samples(num)?;
    let start = Num::from_scalar(start.into(), "geomspace")?.to_f64()?;
    let stop = Num::from_scalar(stop.into(), "geomspace")?.to_f64()?;
    if start == 0.0 || stop == 0.0 {
        return Err(Error::Value(
            "Geometric sequence cannot include zero".into(),
        ));
    }
    // Rotate the start onto the positive axis, work with logarithms, rotate back.
    let sign = np_sign(start);
    let (start, stop) = (start / sign, stop / sign);
    let mut a = Array::zeros(&[num], DType::Float64)?;
    let out = a.as_slice_mut::<f64>()?;
    lin_fill(out, start.log10(), stop.log10(), opts.endpoint);
    par_map(out, move |y| 10f64.powf(y));
    if num > 0 {
        out[0] = start;
        if num > 1 && opts.endpoint {
            out[num - 1] = stop;
        }
    }
    par_map(out, move |x| x * sign);
    cast_to(a, opts.dtype)
}

/// NumPy's `sign`: -1, 0 or 1, NaN for NaN.
fn np_sign(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        x
    }
}

/// Checks NumPy's `num` argument.
fn samples(num: impl IntArg) -> Result<usize> {
    let n = num.to_i128();
    if n < 0 {
        return Err(Error::Value(format!(
            "Number of samples, {n}, must be non-negative."
        )));
    }
    usize::try_from(n)
        .ok()
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| Error::Value("Maximum allowed size exceeded".into()))
}

/// A start or stop argument in the computation type.
fn read<F: SpaceFloat>(s: Scalar, func: &str) -> Result<F> {
    Ok(F::from_f64(Num::from_scalar(s, func)?.to_f64()?))
}

/// NumPy's linspace over `out.len()` samples, returning the step (NaN when undefined). Each
/// sample is computed from its index with the same operations, in the same order and type, as
/// NumPy's `arange(0, num) * step + start`.
fn lin_fill<F: SpaceFloat>(out: &mut [F], start: F, stop: F, endpoint: bool) -> f64 {
    let num = out.len();
    let div = if endpoint {
        num as i128 - 1
    } else {
        num as i128
    };
    let delta = stop.sub(start);
    let step = if div > 0 {
        let divf = F::from_f64(div as f64);
        let step = delta.div(divf);
        if step == F::from_f64(0.0) {
            // NumPy divides first when the step underflows to zero (denormal ranges).
            par_fill(out, move |i| {
                F::from_index(i).div(divf).mul(delta).add(start)
            });
        } else {
            par_fill(out, move |i| F::from_index(i).mul(step).add(start));
        }
        step.to_f64()
    } else {
        par_fill(out, move |i| F::from_index(i).mul(delta).add(start));
        F::nan().to_f64()
    };
    if endpoint && num > 1 {
        out[num - 1] = stop;
    }
    step
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn denormal_range_divides_first() {
        let a = linspace(0.0, 1e-320, 3).unwrap();
        let v = a.to_vec::<f64>().unwrap();
        assert_eq!(v[2], 1e-320);
        assert!(v[1] > 0.0);
    }

    #[test]
    fn zero_and_one_samples() {
        assert_eq!(linspace(0, 1, 0).unwrap().size(), 0);
        assert_eq!(
            linspace(3, 1, 1).unwrap().to_vec::<f64>().unwrap(),
            vec![3.0]
        );
        let (_, s) = linspace_retstep(0, 1, 1, LinspaceOpts::new().endpoint(false)).unwrap();
        assert_eq!(s, 1.0);
    }
}
