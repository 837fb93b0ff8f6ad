//! `sum`, `prod`, `mean` and their NaN-ignoring forms.

use super::accumulate::{FloatSum, Meanable, Summable};
use super::axes::Axes;
use super::driver::{fold_into, reduce, Fold, Plan};
use crate::array::Array;
use crate::dtype::Element;
use crate::error::Result;
use crate::kernels::classify::Classify;
use crate::kernels::elem::Arith;
use crate::ufunc::engine::new_contiguous;

/// Whether NumPy's nan-functions mask NaN in this dtype: its `np.inexact` dtypes, which
/// ml_dtypes' bfloat16 is not (there the nan-functions are the plain ones).
pub(crate) fn masks_nan(dt: crate::DType) -> bool {
    dt.is_inexact() && dt != crate::DType::BFloat16
}

/// Sums of `m(x)`.
struct SumFold<M>(M);
impl<T: Summable, M: Fn(T) -> T + Sync> Fold<T> for SumFold<M> {
    type Out = T::Acc;
    type Aux = ();
    #[inline]
    unsafe fn run(&self, acc: T::Acc, _: (), p: *const T, n: usize, s: isize) -> T::Acc {
        // SAFETY: the driver's run.
        unsafe { T::add_run(acc, p, n, s, &self.0) }
    }
    #[inline(always)]
    fn elem(&self, acc: T::Acc, _: (), x: T) -> T::Acc {
        T::add_elem(acc, (self.0)(x))
    }
}

/// Products of `m(x)`.
struct ProdFold<M>(M);
impl<T: Summable, M: Fn(T) -> T + Sync> Fold<T> for ProdFold<M> {
    type Out = T::Acc;
    type Aux = ();
    #[inline]
    unsafe fn run(&self, acc: T::Acc, _: (), p: *const T, n: usize, s: isize) -> T::Acc {
        // SAFETY: the driver's run.
        unsafe { T::mul_run(acc, p, n, s, &self.0) }
    }
    #[inline(always)]
    fn elem(&self, acc: T::Acc, _: (), x: T) -> T::Acc {
        T::mul_elem(acc, (self.0)(x))
    }
}

/// Sums in the mean's accumulation dtype.
pub(crate) struct MeanSum;
impl<T: Meanable> Fold<T> for MeanSum {
    type Out = T::Sum;
    type Aux = ();
    #[inline]
    unsafe fn run(&self, acc: T::Sum, _: (), p: *const T, n: usize, s: isize) -> T::Sum {
        // SAFETY: the driver's run.
        unsafe { T::Sum::sum_run(acc, p, n, s, &|x: T| x.to_sum()) }
    }
    #[inline(always)]
    fn elem(&self, acc: T::Sum, _: (), x: T) -> T::Sum {
        acc.add(x.to_sum())
    }
}

/// Counts of the elements for which the predicate holds.
pub(crate) struct CountIf<P>(pub(crate) P);
impl<T: Element, P: Fn(T) -> bool + Sync> Fold<T> for CountIf<P> {
    type Out = i64;
    type Aux = ();
    #[inline]
    unsafe fn run(&self, acc: i64, _: (), p: *const T, n: usize, s: isize) -> i64 {
        let mut c = 0;
        for i in 0..n as isize {
            // SAFETY: the driver's run.
            c += (self.0)(unsafe { *p.offset(i * s) }) as i64;
        }
        acc + c
    }
    #[inline(always)]
    fn elem(&self, acc: i64, _: (), x: T) -> i64 {
        acc + (self.0)(x) as i64
    }
}

/// Counts of the elements that are not NaN.
pub(crate) fn count_not_nan<T: Classify>() -> CountIf<impl Fn(T) -> bool + Sync> {
    CountIf(|x: T| !x.is_nan_())
}

/// `x`, or `v` where `x` is NaN.
#[inline(always)]
pub(crate) fn nan_to<T: Classify>(x: T, v: T) -> T {
    if x.is_nan_() {
        v
    } else {
        x
    }
}

/// A new array of the plan's result shape: `f` of each element of `out` (and its index).
pub(crate) fn map_out<A: Element, B: Element>(
    plan: &Plan,
    out: &Array,
    f: impl Fn(usize, A) -> B,
) -> Result<Array> {
    let mut r = new_contiguous(&plan.out, B::DTYPE)?;
    for (k, (d, &s)) in r
        .as_slice_mut::<B>()?
        .iter_mut()
        .zip(out.as_slice::<A>()?)
        .enumerate()
    {
        *d = f(k, s);
    }
    Ok(r)
}

/// Sum of array elements over the given axes (`np.sum(a, axis)`). Booleans and signed integers
/// narrower than 64 bits sum in int64, unsigned ones in uint64 (wrapping); floats sum pairwise in
/// their own dtype, with NumPy's bits for contiguous inputs.
///
/// ```
/// use numox::{array, sum, Axes};
/// let a = array![[1i8, 2, 3], [4, 5, 127]];
/// assert_eq!(sum(&a, None).unwrap().item_as::<i64>().unwrap(), 142);
/// assert_eq!(sum(&a, 0).unwrap().to_vec::<i64>().unwrap(), vec![5, 7, 130]);
/// assert_eq!(sum(&a, Axes::from(1).keepdims()).unwrap().shape(), &[2, 1]);
/// ```
pub fn sum(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        crate::dispatch_dtype!(a.dtype(), T => reduce::<T, _>(a, &axes, Default::default(), &SumFold(|x: T| x)))
    }
    inner(a, axis.into())
}

/// Product of array elements over the given axes (`np.prod(a, axis)`), in the dtypes of [`sum`].
///
/// ```
/// let a = numox::array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(numox::prod(&a, 1).unwrap().to_vec::<f64>().unwrap(), vec![2.0, 12.0]);
/// ```
pub fn prod(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        crate::dispatch_dtype!(a.dtype(), T => prod_with::<T>(a, &axes, |x| x))
    }
    inner(a, axis.into())
}

fn prod_with<T: Summable>(a: &Array, axes: &Axes, m: impl Fn(T) -> T + Sync) -> Result<Array> {
    reduce::<T, _>(a, axes, T::Acc::one(), &ProdFold(m))
}

/// Sum treating NaN as zero (`np.nansum(a, axis)`); the sum of an all-NaN slice is 0.
///
/// ```
/// let a = numox::array![1.0, f64::NAN, 2.5];
/// assert_eq!(numox::nansum(&a, None).unwrap().item_as::<f64>().unwrap(), 3.5);
/// ```
pub fn nansum(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        if !masks_nan(a.dtype()) {
            return sum(a, axes);
        }
        crate::dispatch_dtype!(a.dtype(), T => reduce::<T, _>(
            a, &axes, Default::default(), &SumFold(|x: T| nan_to(x, T::default()))))
    }
    inner(a, axis.into())
}

/// Product treating NaN as one (`np.nanprod(a, axis)`).
///
/// ```
/// let a = numox::array![2.0, f64::NAN, 3.0];
/// assert_eq!(numox::nanprod(&a, None).unwrap().item_as::<f64>().unwrap(), 6.0);
/// ```
pub fn nanprod(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        if !masks_nan(a.dtype()) {
            return prod(a, axes);
        }
        crate::dispatch_dtype!(a.dtype(), T => prod_with::<T>(a, &axes, |x| nan_to(x, T::one())))
    }
    inner(a, axis.into())
}

/// Arithmetic mean over the given axes (`np.mean(a, axis)`): integers and booleans average in
/// float64, float16 sums in float32; the mean of nothing is NaN.
///
/// ```
/// let a = numox::array![[1, 2], [3, 5]];
/// assert_eq!(numox::mean(&a, 0).unwrap().to_vec::<f64>().unwrap(), vec![2.0, 3.5]);
/// assert!(numox::mean(&numox::Array::from_vec(Vec::<f64>::new()), None)
///     .unwrap().item_as::<f64>().unwrap().is_nan());
/// ```
pub fn mean(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        crate::dispatch_dtype!(a.dtype(), T => mean_t::<T>(a, &axes))
    }
    inner(a, axis.into())
}

fn mean_t<T: Meanable>(a: &Array, axes: &Axes) -> Result<Array> {
    let plan = Plan::new(a, axes)?;
    let mut out = plan.new_out(T::Sum::default())?;
    fold_into::<T, _>(a, &plan, &mut out, &[], &MeanSum)?;
    let n = plan.count as f64;
    map_out(&plan, &out, |_, s: T::Sum| T::finish(s, n))
}

/// Mean ignoring NaN (`np.nanmean(a, axis)`): the sum of the non-NaN elements (in the input's
/// dtype) over their count; an all-NaN slice gives NaN. Integers are as [`mean`].
///
/// ```
/// let a = numox::array![1.0, f64::NAN, 4.0];
/// assert_eq!(numox::nanmean(&a, None).unwrap().item_as::<f64>().unwrap(), 2.5);
/// ```
pub fn nanmean(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        if !masks_nan(a.dtype()) {
            return mean(a, axes);
        }
        crate::dispatch_inexact!(a.dtype(), T => nanmean_t::<T>(a, &axes), else _ => mean(a, axes))
    }
    inner(a, axis.into())
}

fn nanmean_t<T: FloatSum + Summable<Acc = T>>(a: &Array, axes: &Axes) -> Result<Array> {
    let (plan, sums, counts) = nan_sums::<T>(a, axes)?;
    let counts = counts.as_slice::<i64>()?;
    map_out(&plan, &sums, |k, s: T| s.div_count(counts[k] as f64))
}

/// The plan, the sums with NaN as zero (keepdims shape) and the counts of non-NaN elements.
pub(crate) fn nan_sums<T: Summable<Acc = T>>(
    a: &Array,
    axes: &Axes,
) -> Result<(Plan, Array, Array)> {
    let plan = Plan::new(a, axes)?;
    let mut sums = plan.new_out(T::default())?;
    fold_into::<T, _>(
        a,
        &plan,
        &mut sums,
        &[],
        &SumFold(|x: T| nan_to(x, T::default())),
    )?;
    let mut counts = plan.new_out(0i64)?;
    fold_into::<T, _>(a, &plan, &mut counts, &[], &count_not_nan::<T>())?;
    Ok((plan, sums, counts))
}
