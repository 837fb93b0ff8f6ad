//! `any`, `all` and `count_nonzero` along axes: truth tests (NaN is true, complex is true when
//! either part is nonzero) folded with or / and / count.

use super::axes::Axes;
use super::driver::{reduce, Fold};
use crate::array::Array;
use crate::error::Result;
use crate::kernels::classify::Classify;

/// `ANY`: or of the truth values; otherwise and. `COUNT`: how many are true.
struct Truth<const ANY: bool>;
impl<T: Classify, const ANY: bool> Fold<T> for Truth<ANY> {
    type Out = bool;
    type Aux = ();
    #[inline]
    unsafe fn run(&self, mut acc: bool, _: (), p: *const T, n: usize, s: isize) -> bool {
        for i in 0..n as isize {
            if acc == ANY {
                break;
            }
            // SAFETY: the driver's run.
            acc = <Self as Fold<T>>::elem(self, acc, (), unsafe { *p.offset(i * s) });
        }
        acc
    }
    #[inline(always)]
    fn elem(&self, acc: bool, _: (), x: T) -> bool {
        if ANY {
            acc | x.truthy()
        } else {
            acc & x.truthy()
        }
    }
}

/// Whether any element along the given axes is true (`np.any(a, axis)`); `false` over nothing.
///
/// ```
/// let a = numox::array![[0.0, f64::NAN], [0.0, 0.0]];
/// assert_eq!(numox::any(&a, 1).unwrap().to_vec::<bool>().unwrap(), vec![true, false]);
/// ```
pub fn any(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        crate::dispatch_dtype!(a.dtype(), T => reduce::<T, _>(a, &axes, false, &Truth::<true>))
    }
    inner(a, axis.into())
}

/// Whether every element along the given axes is true (`np.all(a, axis)`); `true` over nothing.
///
/// ```
/// let a = numox::array![[1, 2], [0, 3]];
/// assert_eq!(numox::all(&a, 0).unwrap().to_vec::<bool>().unwrap(), vec![false, true]);
/// ```
pub fn all(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        crate::dispatch_dtype!(a.dtype(), T => reduce::<T, _>(a, &axes, true, &Truth::<false>))
    }
    inner(a, axis.into())
}

/// The number of nonzero elements along the given axes, as int64 (`np.count_nonzero(a,
/// axis=axis, keepdims=...)`); [`count_nonzero`](crate::count_nonzero) counts the whole array.
///
/// ```
/// let a = numox::array![[0, 1, 7], [0, 0, 2]];
/// assert_eq!(numox::count_nonzero_axis(&a, 1).unwrap().to_vec::<i64>().unwrap(), vec![2, 1]);
/// ```
pub fn count_nonzero_axis(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        crate::dispatch_dtype!(a.dtype(), T => reduce::<T, _>(a, &axes, 0i64, &super::sum::CountIf(|x: T| x.truthy())))
    }
    inner(a, axis.into())
}
