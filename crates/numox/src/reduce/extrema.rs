//! `min`/`max` (`amin`/`amax`), `ptp`, `nanmin`/`nanmax`: reductions without identity, so each
//! output starts from the first element of its slice and an empty slice is NumPy's error.

use super::axes::Axes;
use super::driver::{fold_into, no_identity, Fold, Plan};
use super::lanes::extreme;
use crate::array::Array;
use crate::error::Result;
use crate::kernels::classify::Classify;
use crate::kernels::elem::Arith;
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};

/// A dtype with min/max, and a blocked kernel for contiguous runs where one exists.
pub(crate) trait Extremum: Arith + Classify {
    /// The NaN-propagating extreme of a contiguous run combined into `acc`, if this dtype has a
    /// blocked kernel.
    fn fast<const MAX: bool>(_acc: Self, _v: &[Self]) -> Option<Self> {
        None
    }
}
macro_rules! plain_extremum {
    ($($t:ty),*) => {$( impl Extremum for $t {} )*};
}
plain_extremum!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f16, bf16, Complex32, Complex64);
macro_rules! lane_extremum {
    ($($t:ty),*) => {$(
        impl Extremum for $t {
            fn fast<const MAX: bool>(acc: Self, v: &[Self]) -> Option<Self> {
                let m = extreme::<$t, MAX>(v);
                Some(if MAX { acc.max_nan(m) } else { acc.min_nan(m) })
            }
        }
    )*};
}
lane_extremum!(f32, f64);

/// `np.maximum`/`np.minimum` (NaN-propagating) or, with `SKIP`, `np.fmax`/`np.fmin`.
struct ExtFold<const MAX: bool, const SKIP: bool>;
impl<T: Extremum, const MAX: bool, const SKIP: bool> Fold<T> for ExtFold<MAX, SKIP> {
    type Out = T;
    type Aux = ();
    #[inline]
    unsafe fn run(&self, mut acc: T, _: (), p: *const T, n: usize, s: isize) -> T {
        if !SKIP && s == 1 && n > 0 {
            // SAFETY: the driver's contiguous run.
            let v = unsafe { std::slice::from_raw_parts(p, n) };
            if let Some(r) = T::fast::<MAX>(acc, v) {
                return r;
            }
        }
        for i in 0..n as isize {
            // SAFETY: the driver's run.
            acc = <Self as Fold<T>>::elem(self, acc, (), unsafe { *p.offset(i * s) });
        }
        acc
    }
    #[inline(always)]
    fn elem(&self, acc: T, _: (), x: T) -> T {
        if SKIP {
            if x.is_nan_() {
                return acc;
            }
            if acc.is_nan_() {
                return x;
            }
        }
        if MAX {
            acc.max_nan(x)
        } else {
            acc.min_nan(x)
        }
    }
}

/// The reduction of `a` with `ExtFold<MAX, SKIP>`, NumPy's error (naming `name`) when a slice
/// is empty.
fn extreme_t<T: Extremum, const MAX: bool, const SKIP: bool>(
    a: &Array,
    axes: &Axes,
    name: &str,
) -> Result<Array> {
    let plan = Plan::new(a, axes)?;
    let out_size: usize = plan.keep.iter().product();
    if plan.count == 0 && out_size > 0 {
        return Err(no_identity(name));
    }
    // Every output starts from the first element of its slice.
    let mut first = a.layout().clone();
    for &ax in &plan.axes {
        first = first.sliced(ax, Some(0), Some(1), 1)?;
    }
    let mut out = a.with_layout(first).copy_order(crate::layout::Order::C);
    fold_into::<T, _>(a, &plan, &mut out, &[], &ExtFold::<MAX, SKIP>)?;
    Ok(plan.finish(out))
}

/// Minimum over the given axes (`np.min(a, axis)`, `a.min(axis)`); NaN propagates. An empty
/// slice is the error "zero-size array to reduction operation minimum which has no identity".
///
/// ```
/// let a = numox::array![[3.0, 1.0], [2.0, 5.0]];
/// assert_eq!(numox::min(&a, 0).unwrap().to_vec::<f64>().unwrap(), vec![2.0, 1.0]);
/// let e = numox::Array::zeros(&[0], numox::DType::Float64).unwrap();
/// assert_eq!(
///     numox::min(&e, None).unwrap_err().to_string(),
///     "zero-size array to reduction operation minimum which has no identity"
/// );
/// ```
pub fn min(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        crate::dispatch_dtype!(a.dtype(), T => extreme_t::<T, false, false>(a, &axes, "minimum"))
    }
    inner(a, axis.into())
}

/// Maximum over the given axes (`np.max(a, axis)`); NaN propagates.
///
/// ```
/// let a = numox::array![[3, 1], [2, 5]];
/// assert_eq!(numox::max(&a, 1).unwrap().to_vec::<i64>().unwrap(), vec![3, 5]);
/// ```
pub fn max(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        crate::dispatch_dtype!(a.dtype(), T => extreme_t::<T, true, false>(a, &axes, "maximum"))
    }
    inner(a, axis.into())
}

/// `np.amin`, the same as [`min`].
///
/// ```
/// assert_eq!(numox::amin(&numox::array![2, -1], None).unwrap().item_as::<i64>().unwrap(), -1);
/// ```
pub fn amin(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    min(a, axis)
}

/// `np.amax`, the same as [`max`].
///
/// ```
/// assert_eq!(numox::amax(&numox::array![2, -1], None).unwrap().item_as::<i64>().unwrap(), 2);
/// ```
pub fn amax(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    max(a, axis)
}

/// Peak to peak, `max - min` over the given axes (`np.ptp(a, axis)`), in the input's dtype
/// (integers wrap).
///
/// ```
/// let a = numox::array![[4.0, 9.0], [1.0, 2.0]];
/// assert_eq!(numox::ptp(&a, 1).unwrap().to_vec::<f64>().unwrap(), vec![5.0, 1.0]);
/// ```
pub fn ptp(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        let hi = max(a, &axes)?;
        let lo = min(a, &axes)?;
        crate::subtract(&hi, &lo)
    }
    inner(a, axis.into())
}

/// Minimum ignoring NaN (`np.nanmin(a, axis)`): an all-NaN slice gives NaN (NumPy warns); an
/// empty slice is the error naming `fmin`.
///
/// ```
/// let a = numox::array![f64::NAN, 2.0, 1.5];
/// assert_eq!(numox::nanmin(&a, None).unwrap().item_as::<f64>().unwrap(), 1.5);
/// ```
pub fn nanmin(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        crate::dispatch_dtype!(a.dtype(), T => extreme_t::<T, false, true>(a, &axes, "fmin"))
    }
    inner(a, axis.into())
}

/// Maximum ignoring NaN (`np.nanmax(a, axis)`).
///
/// ```
/// let a = numox::array![[f64::NAN, f64::NAN], [1.0, f64::NAN]];
/// let m = numox::nanmax(&a, 0).unwrap().to_vec::<f64>().unwrap();
/// assert_eq!(m[0], 1.0);
/// assert!(m[1].is_nan());
/// ```
pub fn nanmax(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        crate::dispatch_dtype!(a.dtype(), T => extreme_t::<T, true, true>(a, &axes, "fmax"))
    }
    inner(a, axis.into())
}
