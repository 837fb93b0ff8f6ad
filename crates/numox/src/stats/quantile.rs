//! `median`, `percentile`, `quantile` and their NaN-ignoring forms, with `axis` (one, several or
//! all) and `keepdims`, lane by lane on both cores.

use super::lanes::{gather_lanes, reduced_shape};
use super::select::{
    checks_nan, drop_nans, has_nan, has_nan_par, lerp, mean2, median_lane, position, quantile_lane,
    select_big, take_lane, QElem, Rule, BIG_LANE,
};
use crate::array::Array;
use crate::cast::CastTarget;
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};
use crate::reduce::Axes;
use rayon::prelude::*;

/// Elements above which lanes are worked on both cores.
const PAR_MIN: usize = 1 << 15;

/// NumPy's `method=` of `quantile`/`percentile` (the continuous default and the discontinuous
/// variants of it).
///
/// ```
/// use numox::{array, quantile_with, QuantileMethod};
/// let a = array![1.0, 2.0, 3.0, 4.0];
/// let r = |m| quantile_with(&a, 0.5, None, m).unwrap().item_as::<f64>().unwrap();
/// assert_eq!(r(QuantileMethod::Linear), 2.5);
/// assert_eq!(r(QuantileMethod::Lower), 2.0);
/// assert_eq!(r(QuantileMethod::Higher), 3.0);
/// assert_eq!(r(QuantileMethod::Nearest), 3.0); // index 1.5 rounds half to even, as NumPy's
/// assert_eq!(r(QuantileMethod::Midpoint), 2.5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuantileMethod {
    /// `'linear'` (the default): interpolates between the two neighbouring values.
    #[default]
    Linear,
    /// `'lower'`: the lower neighbour.
    Lower,
    /// `'higher'`: the higher neighbour.
    Higher,
    /// `'nearest'`: the nearer neighbour (ties to the even index).
    Nearest,
    /// `'midpoint'`: the mean of the two neighbours.
    Midpoint,
}

impl QuantileMethod {
    fn rule(self) -> Rule {
        match self {
            QuantileMethod::Linear => Rule::Linear,
            QuantileMethod::Lower => Rule::Lower,
            QuantileMethod::Higher => Rule::Higher,
            QuantileMethod::Nearest => Rule::Nearest,
            QuantileMethod::Midpoint => Rule::Midpoint,
        }
    }
}

/// The `q` argument: one number (a Python float: the result keeps a float input's dtype) or an
/// array of them (taken as float64; the result is float64 and has `q`'s shape in front).
///
/// ```
/// use numox::{array, Quantiles};
/// assert!(matches!(Quantiles::from(0.5), Quantiles::Scalar(_)));
/// let q = array![0.25, 0.75];
/// assert!(matches!(Quantiles::from(&q), Quantiles::Array(_)));
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Quantiles<'a> {
    /// One `q`.
    Scalar(f64),
    /// An array of `q` values.
    Array(&'a Array),
}

impl From<f64> for Quantiles<'_> {
    fn from(q: f64) -> Self {
        Quantiles::Scalar(q)
    }
}

impl<'a> From<&'a Array> for Quantiles<'a> {
    fn from(q: &'a Array) -> Self {
        Quantiles::Array(q)
    }
}

/// What one call computes.
#[derive(Clone, Copy)]
enum Stat {
    Median,
    Quantile(Rule),
}

struct Job<'q> {
    stat: Stat,
    qs: &'q [f64],
    weak: bool,
    skip_nan: bool,
    /// `nanmedian` along an axis of lanes shorter than 600: NumPy's masked-array median.
    in_t: bool,
}

fn real_error() -> Error {
    Error::DType("a must be an array of real numbers".into())
}

/// The result dtype: elements of the input for `lower`/`higher`/`nearest`; the input's float
/// dtype for a scalar `q` or the median; float64 otherwise.
fn out_dtype(d: DType, job: &Job) -> DType {
    match job.stat {
        Stat::Quantile(r) if r.takes() => d,
        Stat::Quantile(_) if !job.weak => DType::Float64,
        // NumPy does not count bfloat16 as inexact: its interpolation runs in float32.
        Stat::Quantile(_) if d == DType::BFloat16 => DType::Float32,
        _ if d.is_float() => d,
        _ => DType::Float64,
    }
}

/// Fills one lane's results (`out` holds `qs.len()` values, or one for the median).
fn lane_values<T: QElem, O: Element + CastTarget>(
    lane: &mut [T],
    job: &Job,
    out: &mut [O],
) -> Result<()> {
    let m = if job.skip_nan {
        drop_nans(lane)
    } else if has_nan(lane) {
        out.iter_mut().for_each(|o| *o = O::from_f64(f64::NAN));
        return Ok(());
    } else {
        lane.len()
    };
    let lane = &mut lane[..m];
    match job.stat {
        Stat::Median => out[0] = O::from_f64(median_lane(lane, job.in_t)),
        _ if m == 0 && job.skip_nan => out.iter_mut().for_each(|o| *o = O::from_f64(f64::NAN)),
        // NumPy's own indexing errors for an empty lane.
        _ if m == 0 && checks_nan(T::DTYPE) => {
            return Err(Error::Index {
                index: -1,
                axis: 0,
                size: 0,
            })
        }
        Stat::Quantile(r) if m == 0 && r.takes() => {
            return Err(Error::IndexOther(
                "cannot do a non-empty take from an empty axes.".into(),
            ))
        }
        _ if m == 0 => {
            return Err(Error::Index {
                index: 0,
                axis: 0,
                size: 0,
            })
        }
        Stat::Quantile(rule) if rule.takes() => {
            // O is T here (see `out_dtype`).
            let mut tmp = vec![T::default(); job.qs.len()];
            take_lane(lane, job.qs, rule, &mut tmp);
            for (o, t) in out.iter_mut().zip(tmp) {
                *o = t.cast_to::<O>();
            }
        }
        Stat::Quantile(_) if T::DTYPE == DType::Bool => {
            return Err(Error::DType(
                "numpy boolean subtract, the `-` operator, is not supported, use the \
                 bitwise_xor, the `^` operator, or the logical_xor function instead."
                    .into(),
            ));
        }
        Stat::Quantile(rule) => {
            let mut tmp = vec![0.0; job.qs.len()];
            quantile_lane(lane, job.qs, rule, job.weak, &mut tmp);
            for (o, t) in out.iter_mut().zip(tmp) {
                *o = O::from_f64(t);
            }
        }
    }
    Ok(())
}

/// One long C-contiguous lane (the whole array) without copying it; `None` when the sampled
/// selection does not apply.
fn big_lane<T: QElem, O: Element + CastTarget>(data: &[T], job: &Job) -> Option<Vec<O>> {
    let n = data.len();
    let nq = job.qs.len().max(1);
    if has_nan_par(data) {
        return Some(vec![O::from_f64(f64::NAN); nq]);
    }
    match job.stat {
        Stat::Median => {
            let h = n / 2;
            let v = if n % 2 == 1 {
                select_big(data, &[h])?[0].real_f64()
            } else {
                let v = select_big(data, &[h - 1, h])?;
                mean2(v[0], v[1], false)
            };
            Some(vec![O::from_f64(v)])
        }
        Stat::Quantile(rule) => {
            let pos: Vec<(usize, usize, f64)> =
                job.qs.iter().map(|&q| position(rule, n, q)).collect();
            let mut ks: Vec<usize> = pos.iter().flat_map(|&(p, x, _)| [p, x]).collect();
            ks.sort_unstable();
            ks.dedup();
            let vals = select_big(data, &ks)?;
            let get = |k: usize| vals[ks.partition_point(|&j| j < k)];
            Some(
                pos.iter()
                    .map(|&(p, x, g)| {
                        if rule.takes() {
                            get(p).cast_to::<O>()
                        } else {
                            O::from_f64(lerp(get(p), get(x), g, job.weak))
                        }
                    })
                    .collect(),
            )
        }
    }
}

fn run_typed<T: QElem, O: Element + CastTarget>(
    a: &Array,
    axes: &[usize],
    job: &Job,
    nq: usize,
) -> Result<Vec<O>> {
    let whole = axes.len() == a.ndim() && a.size() >= BIG_LANE && a.is_c_contiguous();
    if whole
        && !job.skip_nan
        && (checks_nan(T::DTYPE) || !T::DTYPE.is_float())
        && let Some(v) = big_lane::<T, O>(a.as_slice::<T>()?, job)
    {
        return Ok(v);
    }
    let (mut data, _, n) = gather_lanes::<T>(a, axes)?;
    let lanes = axes_free_size(a, axes);
    let mut res = vec![O::default(); lanes * nq];
    if n == 0 {
        let mut empty: [T; 0] = [];
        for r in res.chunks_mut(nq) {
            lane_values(&mut empty, job, r)?;
        }
    } else if data.len() >= PAR_MIN && lanes >= 2 {
        data.par_chunks_mut(n)
            .zip(res.par_chunks_mut(nq))
            .try_for_each(|(l, r)| lane_values(l, job, r))?;
    } else {
        for (l, r) in data.chunks_mut(n).zip(res.chunks_mut(nq)) {
            lane_values(l, job, r)?;
        }
    }
    // Lane-major (lane, q) to q-major (q, lane).
    if nq == 1 {
        return Ok(res);
    }
    let mut out = Vec::with_capacity(res.len());
    for qi in 0..nq {
        out.extend((0..lanes).map(|l| res[l * nq + qi]));
    }
    Ok(out)
}

fn axes_free_size(a: &Array, axes: &[usize]) -> usize {
    (0..a.ndim())
        .filter(|i| !axes.contains(i))
        .map(|i| a.shape()[i])
        .product()
}

fn reduce(a: &Array, axis: Axes, mut job: Job, q_shape: &[usize]) -> Result<Array> {
    let dt = a.dtype();
    if dt.is_complex() {
        return Err(real_error());
    }
    let axes = axis.resolve(a.ndim())?;
    if job.skip_nan && a.size() == 0 {
        // NumPy returns `nanmean` of the empty input: NaN in the reduced shape, no `q` axes.
        let od = if dt.is_float() { dt } else { DType::Float64 };
        let shape = reduced_shape(a.shape(), &axes, axis.keeps_dims(), &[]);
        let n: usize = shape.iter().product();
        return Array::from_shape_vec(&shape, vec![f64::NAN; n])?.astype(od);
    }
    let n: usize = axes.iter().map(|&i| a.shape()[i]).product();
    if dt == DType::Bool && n > 0 && matches!(job.stat, Stat::Quantile(r) if !r.takes()) {
        return Err(Error::DType(
            "numpy boolean subtract, the `-` operator, is not supported, use the \
             bitwise_xor, the `^` operator, or the logical_xor function instead."
                .into(),
        ));
    }
    job.in_t = job.skip_nan
        && matches!(job.stat, Stat::Median)
        && !axis.is_all()
        && axes.len() < a.ndim()
        && n < 600;
    let shape = reduced_shape(a.shape(), &axes, axis.keeps_dims(), q_shape);
    let od = out_dtype(dt, &job);
    let nq = job.qs.len().max(1);
    let out = crate::dispatch_real!(dt, T => {
        crate::dispatch_real!(od, O => {
            Array::from_shape_vec(&shape, run_typed::<T, O>(a, &axes, &job, nq)?)?
        }, else _ => return Err(real_error()))
    }, else _ => return Err(real_error()));
    Ok(out)
}

fn quantiles_of(
    q: Quantiles,
    scale: f64,
    what: &str,
    range: &str,
) -> Result<(Vec<f64>, Vec<usize>, bool)> {
    let (qs, shape, weak) = match q {
        Quantiles::Scalar(v) => (vec![v], vec![], true),
        Quantiles::Array(a) => {
            if a.dtype().is_complex() {
                return Err(real_error());
            }
            let v = a.astype(DType::Float64)?.to_vec::<f64>()?;
            (v, a.shape().to_vec(), false)
        }
    };
    let qs: Vec<f64> = qs.into_iter().map(|v| v / scale).collect();
    if qs.iter().any(|&v| !(0.0..=1.0).contains(&v)) {
        return Err(Error::Value(format!("{what} must be in the range {range}")));
    }
    Ok((qs, shape, weak))
}

fn quantile_impl(
    a: &Array,
    q: Quantiles,
    axis: Axes,
    method: QuantileMethod,
    percent: bool,
    skip_nan: bool,
) -> Result<Array> {
    if a.dtype().is_complex() {
        return Err(real_error());
    }
    let (qs, q_shape, weak) = if percent {
        quantiles_of(q, 100.0, "Percentiles", "[0, 100]")?
    } else {
        quantiles_of(q, 1.0, "Quantiles", "[0, 1]")?
    };
    let job = Job {
        stat: Stat::Quantile(method.rule()),
        qs: &qs,
        weak,
        skip_nan,
        in_t: false,
    };
    reduce(a, axis, job, &q_shape)
}

/// `np.median(a, axis, keepdims=...)`: the middle value of each lane, or the mean of the two
/// middle values (in `np.mean`'s arithmetic). Integers and booleans give float64, floats keep
/// their dtype; a lane holding NaN gives NaN; an empty lane gives NaN.
///
/// ```
/// use numox::{array, median, Axes};
/// let a = array![[10.0, 7.0, 4.0], [3.0, 2.0, 1.0]];
/// assert_eq!(median(&a, None).unwrap().item_as::<f64>().unwrap(), 3.5);
/// assert_eq!(median(&a, 0).unwrap().to_vec::<f64>().unwrap(), vec![6.5, 4.5, 2.5]);
/// assert_eq!(median(&a, Axes::from(1).keepdims()).unwrap().shape(), &[2, 1]);
/// ```
pub fn median(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    let job = Job {
        stat: Stat::Median,
        qs: &[],
        weak: true,
        skip_nan: false,
        in_t: false,
    };
    reduce(a, axis.into(), job, &[])
}

/// `np.nanmedian(a, axis, keepdims=...)`: [`median`] ignoring NaN; an all-NaN lane gives NaN.
///
/// ```
/// use numox::{array, nanmedian};
/// let a = array![[1.0, f64::NAN, 3.0], [f64::NAN, f64::NAN, f64::NAN]];
/// let m = nanmedian(&a, 1).unwrap().to_vec::<f64>().unwrap();
/// assert_eq!(m[0], 2.0);
/// assert!(m[1].is_nan());
/// ```
pub fn nanmedian(a: &Array, axis: impl Into<Axes>) -> Result<Array> {
    let job = Job {
        stat: Stat::Median,
        qs: &[],
        weak: true,
        skip_nan: true,
        in_t: false,
    };
    reduce(a, axis.into(), job, &[])
}

/// `np.quantile(a, q, axis, keepdims=...)` with the default `'linear'` method. The result has
/// `q`'s shape in front of the reduced shape.
///
/// ```
/// use numox::{array, quantile};
/// let a = array![[10.0, 7.0, 4.0], [3.0, 2.0, 1.0]];
/// assert_eq!(quantile(&a, 0.5, None).unwrap().item_as::<f64>().unwrap(), 3.5);
/// let q = quantile(&a, &array![0.0, 1.0], 1).unwrap();
/// assert_eq!(q.shape(), &[2, 2]);
/// assert_eq!(q.to_vec::<f64>().unwrap(), vec![4.0, 1.0, 10.0, 3.0]);
/// assert_eq!(
///     quantile(&a, 1.5, None).unwrap_err().to_string(),
///     "Quantiles must be in the range [0, 1]"
/// );
/// ```
pub fn quantile<'q>(
    a: &Array,
    q: impl Into<Quantiles<'q>>,
    axis: impl Into<Axes>,
) -> Result<Array> {
    quantile_impl(
        a,
        q.into(),
        axis.into(),
        QuantileMethod::Linear,
        false,
        false,
    )
}

/// `np.quantile(a, q, axis, method=...)`.
///
/// ```
/// use numox::{array, quantile_with, QuantileMethod};
/// let r = quantile_with(&array![1, 2, 3, 4], 0.5, None, QuantileMethod::Lower).unwrap();
/// assert_eq!(r.item_as::<i64>().unwrap(), 2);
/// ```
pub fn quantile_with<'q>(
    a: &Array,
    q: impl Into<Quantiles<'q>>,
    axis: impl Into<Axes>,
    method: QuantileMethod,
) -> Result<Array> {
    quantile_impl(a, q.into(), axis.into(), method, false, false)
}

/// `np.percentile(a, q, axis, keepdims=...)`: [`quantile`] with `q` in percent.
///
/// ```
/// use numox::{array, percentile};
/// let a = array![[10.0, 7.0, 4.0], [3.0, 2.0, 1.0]];
/// assert_eq!(percentile(&a, 50.0, 0).unwrap().to_vec::<f64>().unwrap(), vec![6.5, 4.5, 2.5]);
/// assert_eq!(
///     percentile(&a, -1.0, None).unwrap_err().to_string(),
///     "Percentiles must be in the range [0, 100]"
/// );
/// ```
pub fn percentile<'q>(
    a: &Array,
    q: impl Into<Quantiles<'q>>,
    axis: impl Into<Axes>,
) -> Result<Array> {
    quantile_impl(
        a,
        q.into(),
        axis.into(),
        QuantileMethod::Linear,
        true,
        false,
    )
}

/// `np.percentile(a, q, axis, method=...)`.
///
/// ```
/// use numox::{array, percentile_with, QuantileMethod};
/// let r = percentile_with(&array![1.0, 2.0, 3.0], 50.0, None, QuantileMethod::Higher).unwrap();
/// assert_eq!(r.item_as::<f64>().unwrap(), 2.0);
/// ```
pub fn percentile_with<'q>(
    a: &Array,
    q: impl Into<Quantiles<'q>>,
    axis: impl Into<Axes>,
    method: QuantileMethod,
) -> Result<Array> {
    quantile_impl(a, q.into(), axis.into(), method, true, false)
}

/// `np.nanquantile(a, q, axis, keepdims=...)`: [`quantile`] ignoring NaN; an all-NaN lane gives
/// NaN.
///
/// ```
/// use numox::{array, nanquantile};
/// let r = nanquantile(&array![1.0, f64::NAN, 3.0], 0.5, None).unwrap();
/// assert_eq!(r.item_as::<f64>().unwrap(), 2.0);
/// ```
pub fn nanquantile<'q>(
    a: &Array,
    q: impl Into<Quantiles<'q>>,
    axis: impl Into<Axes>,
) -> Result<Array> {
    quantile_impl(
        a,
        q.into(),
        axis.into(),
        QuantileMethod::Linear,
        false,
        true,
    )
}

/// `np.nanquantile(a, q, axis, method=...)`.
///
/// ```
/// use numox::{array, nanquantile_with, QuantileMethod};
/// let r = nanquantile_with(&array![1.0, f64::NAN, 3.0], 1.0, None, QuantileMethod::Lower);
/// assert_eq!(r.unwrap().item_as::<f64>().unwrap(), 3.0);
/// ```
pub fn nanquantile_with<'q>(
    a: &Array,
    q: impl Into<Quantiles<'q>>,
    axis: impl Into<Axes>,
    method: QuantileMethod,
) -> Result<Array> {
    quantile_impl(a, q.into(), axis.into(), method, false, true)
}

/// `np.nanpercentile(a, q, axis, keepdims=...)`: [`percentile`] ignoring NaN.
///
/// ```
/// use numox::{array, nanpercentile};
/// let r = nanpercentile(&array![[1.0, f64::NAN, 3.0]], 50.0, 1).unwrap();
/// assert_eq!(r.to_vec::<f64>().unwrap(), vec![2.0]);
/// ```
pub fn nanpercentile<'q>(
    a: &Array,
    q: impl Into<Quantiles<'q>>,
    axis: impl Into<Axes>,
) -> Result<Array> {
    quantile_impl(a, q.into(), axis.into(), QuantileMethod::Linear, true, true)
}

/// `np.nanpercentile(a, q, axis, method=...)`.
///
/// ```
/// use numox::{array, nanpercentile_with, QuantileMethod};
/// let r = nanpercentile_with(&array![1.0, f64::NAN, 3.0], 0.0, None, QuantileMethod::Nearest);
/// assert_eq!(r.unwrap().item_as::<f64>().unwrap(), 1.0);
/// ```
pub fn nanpercentile_with<'q>(
    a: &Array,
    q: impl Into<Quantiles<'q>>,
    axis: impl Into<Axes>,
    method: QuantileMethod,
) -> Result<Array> {
    quantile_impl(a, q.into(), axis.into(), method, true, true)
}
