//! `var` and `std` (with `ddof`) and their NaN-ignoring forms, fused: one pass sums for the
//! mean, a second sums the squared deviations in the same (pairwise) order NumPy's
//! `sum((x - mean)**2)` uses, so the bits are NumPy's without the temporary arrays.

use super::accumulate::FloatSum;
use super::axes::Axes;
use super::driver::{fold_into, Fold, Plan};
use super::sum::{map_out, nan_to};
use crate::array::Array;
use crate::dtype::Element;
use crate::error::Result;
use crate::kernels::classify::Classify;
use crate::kernels::elem::Arith;
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};

/// A dtype deviations are computed in, with its real result dtype.
pub(crate) trait Dev: FloatSum {
    /// The real dtype of the variance.
    type R: FloatSum;
    /// `(x - m)²` rounded as NumPy's `square(subtract(x, m))` (complex: `re² + im²`).
    fn dev2(self, m: Self) -> Self::R;
    /// nanvar's `(d · conj(d)).real` for complex, `dev2` otherwise.
    fn dev2_conj(self, m: Self) -> Self::R {
        self.dev2(m)
    }
    /// The square root, in the dtype.
    fn sqrt_r(r: Self::R) -> Self::R;
}

macro_rules! real_dev {
    ($($t:ty, $sqrt:expr;)*) => {$(
        impl Dev for $t {
            type R = $t;
            #[inline(always)]
            fn dev2(self, m: Self) -> $t {
                let d = self.sub(m);
                d.mul(d)
            }
            #[inline(always)]
            fn sqrt_r(r: $t) -> $t {
                $sqrt(r)
            }
        }
    )*};
}
real_dev! {
    f64, f64::sqrt;
    f32, f32::sqrt;
    f16, |r: f16| f16::from_f32(r.to_f32().sqrt());
    bf16, |r: bf16| bf16::from_f32(r.to_f32().sqrt());
}

macro_rules! complex_dev {
    ($($t:ty => $f:ty),*) => {$(
        impl Dev for $t {
            type R = $f;
            #[inline(always)]
            fn dev2(self, m: Self) -> $f {
                let d = self.sub(m);
                d.re * d.re + d.im * d.im
            }
            #[inline(always)]
            fn dev2_conj(self, m: Self) -> $f {
                let d = self.sub(m);
                d.mul(d.conj()).re
            }
            #[inline(always)]
            fn sqrt_r(r: $f) -> $f {
                r.sqrt()
            }
        }
    )*};
}
complex_dev!(Complex32 => f32, Complex64 => f64);

/// A dtype `var` accepts: integers and booleans compute in float64, the others in their own.
pub(crate) trait Variance: Element + Classify {
    /// The dtype of the mean and the deviations.
    type V: Dev;
    /// The element in that dtype.
    fn to_v(self) -> Self::V;
}

macro_rules! variance {
    ($($t:ty => $v:ty, $conv:expr;)*) => {$(
        impl Variance for $t {
            type V = $v;
            #[inline(always)]
            fn to_v(self) -> $v {
                $conv(self)
            }
        }
    )*};
}
variance! {
    bool => f64, |x: bool| x as u8 as f64;
    i8 => f64, |x| x as f64; i16 => f64, |x| x as f64; i32 => f64, |x| x as f64;
    i64 => f64, |x| x as f64; u8 => f64, |x| x as f64; u16 => f64, |x| x as f64;
    u32 => f64, |x| x as f64; u64 => f64, |x| x as f64;
    f16 => f16, |x| x; bf16 => bf16, |x| x; f32 => f32, |x| x; f64 => f64, |x| x;
    Complex32 => Complex32, |x| x; Complex64 => Complex64, |x| x;
}

/// Sums of the elements in `V` (NaN as zero when `NAN`).
struct VSum<const NAN: bool>;
impl<T: Variance, const NAN: bool> Fold<T> for VSum<NAN> {
    type Out = T::V;
    type Aux = ();
    #[inline]
    unsafe fn run(&self, acc: T::V, _: (), p: *const T, n: usize, s: isize) -> T::V {
        // SAFETY: the driver's run.
        unsafe { T::V::sum_run(acc, p, n, s, &|x: T| v_of::<T, NAN>(x)) }
    }
    #[inline(always)]
    fn elem(&self, acc: T::V, _: (), x: T) -> T::V {
        acc.add(v_of::<T, NAN>(x))
    }
}

#[inline(always)]
fn v_of<T: Variance, const NAN: bool>(x: T) -> T::V {
    if NAN {
        nan_to(x.to_v(), T::V::default())
    } else {
        x.to_v()
    }
}

/// Sums of squared deviations from each output's mean (the aux value).
struct DevSum<const NAN: bool>;
impl<T: Variance, const NAN: bool> Fold<T> for DevSum<NAN> {
    type Out = <T::V as Dev>::R;
    type Aux = T::V;
    #[inline]
    unsafe fn run(&self, acc: Self::Out, m: T::V, p: *const T, n: usize, s: isize) -> Self::Out {
        // SAFETY: the driver's run.
        unsafe { <T::V as Dev>::R::sum_run(acc, p, n, s, &|x: T| dev_of::<T, NAN>(x, m)) }
    }
    #[inline(always)]
    fn elem(&self, acc: Self::Out, m: T::V, x: T) -> Self::Out {
        acc.add(dev_of::<T, NAN>(x, m))
    }
}

#[inline(always)]
fn dev_of<T: Variance, const NAN: bool>(x: T, m: T::V) -> <T::V as Dev>::R {
    if NAN {
        if x.is_nan_() {
            Default::default()
        } else {
            x.to_v().dev2_conj(m)
        }
    } else {
        x.to_v().dev2(m)
    }
}

/// The variance (`sqrt`: the standard deviation) of every output, NaN-ignoring when `NAN`.
fn moments<T: Variance, const NAN: bool>(
    a: &Array,
    axes: &Axes,
    ddof: usize,
    sqrt: bool,
) -> Result<Array> {
    let plan = Plan::new(a, axes)?;
    let mut sums = plan.new_out(T::V::default())?;
    fold_into::<T, _>(a, &plan, &mut sums, &[], &VSum::<NAN>)?;
    let counts: Vec<f64> = if NAN {
        let mut c = plan.new_out(0i64)?;
        fold_into::<T, _>(a, &plan, &mut c, &[], &super::sum::count_not_nan::<T>())?;
        c.as_slice::<i64>()?.iter().map(|&c| c as f64).collect()
    } else {
        vec![plan.count as f64; sums.size()]
    };
    let means: Vec<T::V> = sums
        .as_slice::<T::V>()?
        .iter()
        .zip(&counts)
        .map(|(&s, &c)| s.div_count(c))
        .collect();
    let mut devs = plan.new_out(<T::V as Dev>::R::default())?;
    fold_into::<T, _>(a, &plan, &mut devs, &means, &DevSum::<NAN>)?;
    map_out(&plan, &devs, |k, d: <T::V as Dev>::R| {
        let dof = counts[k] - ddof as f64;
        let v = if NAN && dof <= 0.0 {
            <T::V as Dev>::R::from_nan()
        } else {
            d.div_count(dof.max(0.0))
        };
        if sqrt {
            T::V::sqrt_r(v)
        } else {
            v
        }
    })
}

/// NaN in any float dtype.
trait FromNan {
    fn from_nan() -> Self;
}
impl<T: FloatSum> FromNan for T {
    fn from_nan() -> T {
        T::default().div_count(0.0)
    }
}

/// Variance over the given axes with `ddof` delta degrees of freedom (`np.var(a, axis,
/// ddof=ddof)`): `sum(|x - mean|²) / (n - ddof)`. Integers and booleans give float64, complex
/// gives its real dtype; `n - ddof <= 0` gives inf or NaN as in NumPy.
///
/// ```
/// let a = numox::array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(numox::var(&a, None, 0).unwrap().item_as::<f64>().unwrap(), 1.25);
/// assert_eq!(numox::var(&a, 0, 1).unwrap().to_vec::<f64>().unwrap(), vec![2.0, 2.0]);
/// ```
pub fn var(a: &Array, axis: impl Into<Axes>, ddof: usize) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes, ddof: usize) -> Result<Array> {
        crate::dispatch_dtype!(a.dtype(), T => moments::<T, false>(a, &axes, ddof, false))
    }
    inner(a, axis.into(), ddof)
}

/// Standard deviation, the square root of [`var`] (`np.std(a, axis, ddof=ddof)`).
///
/// ```
/// let a = numox::array![2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
/// assert_eq!(numox::std(&a, None, 0).unwrap().item_as::<f64>().unwrap(), 2.0);
/// ```
pub fn std(a: &Array, axis: impl Into<Axes>, ddof: usize) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes, ddof: usize) -> Result<Array> {
        crate::dispatch_dtype!(a.dtype(), T => moments::<T, false>(a, &axes, ddof, true))
    }
    inner(a, axis.into(), ddof)
}

/// Variance ignoring NaN (`np.nanvar(a, axis, ddof=ddof)`); a slice with no more than `ddof`
/// non-NaN elements gives NaN. Integers are as [`var`].
///
/// ```
/// let a = numox::array![1.0, f64::NAN, 3.0];
/// assert_eq!(numox::nanvar(&a, None, 0).unwrap().item_as::<f64>().unwrap(), 1.0);
/// ```
pub fn nanvar(a: &Array, axis: impl Into<Axes>, ddof: usize) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes, ddof: usize) -> Result<Array> {
        if !super::sum::masks_nan(a.dtype()) {
            return var(a, axes, ddof);
        }
        crate::dispatch_inexact!(a.dtype(), T => moments::<T, true>(a, &axes, ddof, false), else _ => var(a, axes, ddof))
    }
    inner(a, axis.into(), ddof)
}

/// Standard deviation ignoring NaN (`np.nanstd(a, axis, ddof=ddof)`).
///
/// ```
/// let a = numox::array![1.0, f64::NAN, 3.0];
/// assert_eq!(numox::nanstd(&a, None, 0).unwrap().item_as::<f64>().unwrap(), 1.0);
/// ```
pub fn nanstd(a: &Array, axis: impl Into<Axes>, ddof: usize) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes, ddof: usize) -> Result<Array> {
        if !super::sum::masks_nan(a.dtype()) {
            return std(a, axes, ddof);
        }
        crate::dispatch_inexact!(a.dtype(), T => moments::<T, true>(a, &axes, ddof, true), else _ => std(a, axes, ddof))
    }
    inner(a, axis.into(), ddof)
}
