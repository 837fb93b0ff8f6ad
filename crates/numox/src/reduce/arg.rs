//! `argmin`/`argmax` and `nanargmin`/`nanargmax`: the first index of the extreme along one axis
//! (or of the flattened array), a NaN winning at its first position, as NumPy's argfuncs.

use super::axes::Axes;
use super::lanes::{arg, LaneFloat};
use crate::array::Array;
use crate::error::{Error, Result};
use crate::iter::NdIter;
use crate::kernels::classify::Classify;
use crate::kernels::elem::Arith;
use crate::layout::{Dims, Layout, Order};
use crate::ufunc::engine::new_contiguous;
use half::{bf16, f16};
use num_complex::{Complex32, Complex64};

/// A dtype with arg-extrema: a blocked kernel for contiguous float runs, infinities for the
/// NaN-ignoring forms.
pub(crate) trait ArgElem: Arith + Classify {
    /// The first index of the extreme of a contiguous run, if this dtype has a blocked kernel.
    fn fast<const MAX: bool>(_v: &[Self]) -> Option<usize> {
        None
    }
    /// `-inf` (`neg`) or `+inf`, for the inexact dtypes (what nanarg* write over NaN).
    fn inf(_neg: bool) -> Self {
        Self::default()
    }
}
macro_rules! plain_arg {
    ($($t:ty),*) => {$( impl ArgElem for $t {} )*};
}
plain_arg!(bool, i8, i16, i32, i64, u8, u16, u32, u64);
macro_rules! float_arg {
    ($($t:ty, $inf:expr, $fast:expr;)*) => {$(
        impl ArgElem for $t {
            fn fast<const MAX: bool>(v: &[Self]) -> Option<usize> {
                $fast(v, MAX)
            }
            fn inf(neg: bool) -> Self {
                let i: $t = $inf;
                if neg { i.neg() } else { i }
            }
        }
    )*};
}
fn lanes<T: LaneFloat>(v: &[T], max: bool) -> Option<usize> {
    Some(if max {
        arg::<T, true>(v)
    } else {
        arg::<T, false>(v)
    })
}
fn none<T>(_: &[T], _: bool) -> Option<usize> {
    None
}
float_arg! {
    f64, f64::INFINITY, lanes;
    f32, f32::INFINITY, lanes;
    f16, f16::INFINITY, none;
    bf16, bf16::INFINITY, none;
    Complex32, Complex32::new(f32::INFINITY, 0.0), none;
    Complex64, Complex64::new(f64::INFINITY, 0.0), none;
}

/// The first index of the extreme of `m(x)` over the run (`n > 0`), or of the first NaN.
///
/// # Safety
/// `p` must be valid for `n` reads at stride `s`.
unsafe fn arg_run<T: ArgElem, const MAX: bool>(
    p: *const T,
    n: usize,
    s: isize,
    m: &impl Fn(T) -> T,
) -> usize {
    // SAFETY: every index is below n.
    let at = |i: usize| m(unsafe { *p.offset(i as isize * s) });
    let (mut best, mut k) = (at(0), 0);
    if best.is_nan_() {
        return 0;
    }
    for i in 1..n {
        let x = at(i);
        if x.is_nan_() {
            return i;
        }
        if (MAX && best.lt_(x)) || (!MAX && x.lt_(best)) {
            best = x;
            k = i;
        }
    }
    k
}

/// The arg-extreme of `a` along `axis` (`None`: of the flattened array); NaN replaced by
/// `m` first. `name` is NumPy's word for the empty-sequence error.
fn arg_t<T: ArgElem, const MAX: bool>(
    a: &Array,
    axis: &Axes,
    m: impl Fn(T) -> T,
    plain: bool,
) -> Result<Array> {
    let name = if MAX { "argmax" } else { "argmin" };
    let given = axis.given();
    if let Some(g) = given
        && g.len() != 1
    {
        return Err(Error::DType(
            "'tuple' object cannot be interpreted as an integer".into(),
        ));
    }
    let empty = || Error::Value(format!("attempt to get {name} of an empty sequence"));
    let Some(g) = given else {
        // Of the flattened (C-order) array.
        if a.size() == 0 {
            return Err(empty());
        }
        let c = if a.is_c_contiguous() {
            a.clone()
        } else {
            a.copy_order(Order::C)
        };
        let v = &c.as_slice::<T>()?;
        let k = match (plain, T::fast::<MAX>(v)) {
            (true, Some(k)) => k,
            // SAFETY: the slice's elements.
            _ => unsafe { arg_run::<T, MAX>(v.as_ptr(), v.len(), 1, &m) },
        };
        let shape: Dims = if axis.keeps_dims() {
            Dims::from_elem(1, a.ndim())
        } else {
            Dims::new()
        };
        return Array::from_vec(vec![k as i64])
            .reshape(&shape.iter().map(|&x| x as isize).collect::<Vec<_>>());
    };
    let ax = crate::layout::normalize_axis(g[0], a.ndim())?;
    let len = a.shape()[ax];
    let stride = a.layout().strides()[ax];
    let keep: Dims = a
        .shape()
        .iter()
        .enumerate()
        .map(|(i, &n)| if i == ax { 1 } else { n })
        .collect();
    let mut out = new_contiguous(&keep, crate::DType::Int64)?;
    if out.size() > 0 && len == 0 {
        return Err(empty());
    }
    let starts = a.layout().sliced(ax, Some(0), Some(1), 1)?;
    let lo = Layout::contiguous(&keep);
    let it = NdIter::new(&keep, [&lo, &starts]);
    let (o, x) = (
        out.as_slice_mut::<i64>()?.as_mut_ptr(),
        a.base_ptr() as *const T,
    );
    it.for_each(|off, n, st| {
        for k in 0..n as isize {
            // SAFETY: the walk stays inside both layouts; each start begins a run of `len`
            // elements at `stride` inside `a`.
            unsafe {
                let p = x.offset(off[1] + k * st[1]);
                let r = if plain && stride == 1 {
                    T::fast::<MAX>(std::slice::from_raw_parts(p, len))
                } else {
                    None
                };
                let r = r.unwrap_or_else(|| arg_run::<T, MAX>(p, len, stride, &m));
                *o.offset(off[0] + k * st[0]) = r as i64;
            }
        }
    });
    let shape = axis.out_shape(a.shape())?;
    Ok(out.with_owned_layout(Layout::contiguous(&shape)))
}

/// Indices of the maxima along `axis` (`np.argmax(a, axis)`; `None`: into the flattened
/// array), as int64. The first occurrence wins; a NaN wins at its first position. An axis tuple
/// is NumPy's TypeError; `keepdims` is honoured.
///
/// ```
/// let a = numox::array![[1.0, 7.0, 7.0], [f64::NAN, 0.0, f64::NAN]];
/// assert_eq!(numox::argmax(&a, 1).unwrap().to_vec::<i64>().unwrap(), vec![1, 0]);
/// assert_eq!(numox::argmax(&a, None).unwrap().item_as::<i64>().unwrap(), 3);
/// ```
pub fn argmax(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        crate::dispatch_dtype!(a.dtype(), T => arg_t::<T, true>(a, &axes, |x| x, true))
    }
    inner(a, axis.into())
}

/// Indices of the minima along `axis` (`np.argmin(a, axis)`), as [`argmax`].
///
/// ```
/// let a = numox::array![[3, 1, 1], [0, 5, -2]];
/// assert_eq!(numox::argmin(&a, 1).unwrap().to_vec::<i64>().unwrap(), vec![1, 2]);
/// assert_eq!(
///     numox::argmin(&numox::Array::zeros(&[0], numox::DType::Int8).unwrap(), None)
///         .unwrap_err().to_string(),
///     "attempt to get argmin of an empty sequence"
/// );
/// ```
pub fn argmin(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    // Non-generic body: compiled once here, not in every crate that calls it.
    fn inner(a: &Array, axes: Axes) -> Result<Array> {
        crate::dispatch_dtype!(a.dtype(), T => arg_t::<T, false>(a, &axes, |x| x, true))
    }
    inner(a, axis.into())
}

/// `np.nanargmax(a, axis)`: [`argmax`] with NaN ignored; a slice of only NaN is the error
/// "All-NaN slice encountered".
///
/// ```
/// let a = numox::array![f64::NAN, 2.0, 5.0];
/// assert_eq!(numox::nanargmax(&a, None).unwrap().item_as::<i64>().unwrap(), 2);
/// assert_eq!(
///     numox::nanargmax(&numox::array![f64::NAN], None).unwrap_err().to_string(),
///     "All-NaN slice encountered"
/// );
/// ```
pub fn nanargmax(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    nanarg::<true>(a, axis.into())
}

/// `np.nanargmin(a, axis)`: [`argmin`] with NaN ignored.
///
/// ```
/// let a = numox::array![[f64::NAN, 2.0], [1.0, f64::NAN]];
/// assert_eq!(numox::nanargmin(&a, 1).unwrap().to_vec::<i64>().unwrap(), vec![1, 0]);
/// ```
pub fn nanargmin(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    nanarg::<false>(a, axis.into())
}

fn nanarg<const MAX: bool>(a: &Array, axes: Axes) -> Result<Array> {
    if !super::sum::masks_nan(a.dtype()) {
        return arg_t_dispatch::<MAX>(a, &axes);
    }
    // NumPy tests the NaN mask along the axes (and so checks them) before argmin/argmax runs.
    axes.resolve(a.ndim())?;
    crate::dispatch_inexact!(a.dtype(), T => {
        let r = arg_t::<T, MAX>(a, &axes, |x: T| if x.is_nan_() { T::inf(MAX) } else { x }, false)?;
        // NumPy checks for all-NaN slices after the argument checks.
        let all_nan = crate::all(&crate::isnan(a)?, axes.clone())?;
        if crate::any(&all_nan, None)?.item_as::<bool>()? {
            return Err(Error::Value("All-NaN slice encountered".into()));
        }
        Ok(r)
    }, else _ => arg_t_dispatch::<MAX>(a, &axes))
}

fn arg_t_dispatch<const MAX: bool>(a: &Array, axes: &Axes) -> Result<Array> {
    if MAX {
        argmax(a, axes)
    } else {
        argmin(a, axes)
    }
}
